"""
"Labelled by a pôle on or before a date": the condition the FUI consortium and relay share.

A project is labelled on a day when one of its labels is dated on or before
it. When the labelling pôles are given, with their own labelling histories,
a label counts only if its pôle held its label on the day it labelled the
project: Sporaltec, delabelled in May 2010, labelled nothing that counts
afterwards. A label from a pôle that is not among those given leaves the
condition UNKNOWN (its history is asked for) unless another label settles it;
so does a label recorded without its date.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from poles_policy.explain import Fact, Status, Text

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from datetime import date

    from poles_policy.model.poles import Pole
    from poles_policy.model.projects import PoleLabel

__all__ = ["label_date_facts", "labelled", "labelled_account"]


def label_date_facts(labels: Sequence[PoleLabel]) -> tuple[Fact, ...]:
    """
    Ask for the date of each of *labels* that has none, at its path in the case's document.

    >>> from datetime import date
    >>> from poles_policy.model.projects import PoleLabel
    >>> facts = label_date_facts(
    ...     [
    ...         PoleLabel(pole_id="minalogic", labelled_on=date(2008, 10, 15)),
    ...         PoleLabel(pole_id="axelera"),
    ...     ]
    ... )
    >>> [(fact.path, fact.question.en) for fact in facts]
    [('project.labels.1.labelled_on', 'On what date did axelera label the project?')]
    """
    return tuple(
        Fact(
            path=f"project.labels.{index}.labelled_on",
            question=Text(
                f"On what date did {label.pole_id} label the project?",
                f"À quelle date le pôle {label.pole_id} a-t-il labellisé le projet ?",
            ),
        )
        for index, label in enumerate(labels)
        if label.labelled_on is None
    )


def labelled(labels: Sequence[PoleLabel], on: date, poles: Mapping[str, Pole] | None) -> Status:
    """
    Decide whether *labels* make a project labelled on *on*: MET, NOT_MET or UNKNOWN.

    *poles* indexes the labelling pôles by id; ``None`` takes every label as
    recorded. This is the decision :func:`labelled_account` explains, without
    its explanation: it is on the relay's hot path.

    >>> from datetime import date
    >>> from poles_policy.data import rhone_alpes_poles
    >>> from poles_policy.model.projects import PoleLabel
    >>> late = [PoleLabel(pole_id="sporaltec", labelled_on=date(2010, 9, 1))]
    >>> labelled(late, date(2010, 10, 1), None).value
    'met'
    >>> labelled(late, date(2010, 10, 1), {p.id: p for p in rhone_alpes_poles()}).value
    'not_met'
    >>> labelled(late, date(2010, 10, 1), {}).value  # sporaltec's history not given
    'unknown'
    """
    unknown = False
    for label in labels:  # plain loops: this is on the hot path
        day = label.labelled_on
        if day is None:
            unknown = True
        elif day <= on:
            if poles is None:
                return Status.MET
            pole = poles.get(label.pole_id)
            if pole is None:
                unknown = True
            elif pole.is_labelled_on(day):
                return Status.MET
    return Status.UNKNOWN if unknown else Status.NOT_MET


def _poles_fr(ids: Sequence[str]) -> str:
    """The pôles *ids*, after "de" in French: "du pôle a" or "des pôles a, b"."""
    names = ", ".join(ids)
    return f"du pôle {names}" if len(ids) < 2 else f"des pôles {names}"


def _ask_history(ids: Sequence[str]) -> Fact:
    names = ", ".join(ids)
    return Fact(
        path="poles",
        question=Text(
            f"What is the labelling history of the labelling pôle(s) {names}?",
            f"Quel est l'historique de labellisation {_poles_fr(ids)} ?",
        ),
    )


def labelled_account(
    labels: Sequence[PoleLabel],
    on: date,
    poles: Mapping[str, Pole] | None,
    *,
    after: Text,
) -> tuple[Status, Text, tuple[Fact, ...]]:
    """
    Decide and explain whether *labels* make a project labelled on *on*.

    Args:
        labels: The project's labels, in the document's order (the paths of
            the dates asked for follow it).
        on: The day the project must be labelled by.
        poles: The labelling pôles by id, or ``None`` to take every label as
            recorded.
        after: How the reasons name *on* after "after" / "après"
            (``Text("2010-10-01", "le 2010-10-01")``).

    Returns:
        The status (that of :func:`labelled`), its reason, and the facts to
        ask for when it is UNKNOWN: the history of each pôle not among
        *poles* (path ``poles``), then the date of each undated label.

    >>> from datetime import date
    >>> from poles_policy.model.projects import PoleLabel
    >>> labels = [PoleLabel(pole_id="axelera", labelled_on=date(2009, 6, 1))]
    >>> status, reason, missing = labelled_account(
    ...     labels, date(2009, 5, 1), None, after=Text("2009-05-01", "le 2009-05-01")
    ... )
    >>> status.value, reason.fr
    ('not_met', 'labellisé pour la première fois le 2009-06-01, après le 2009-05-01')
    """
    dated = sorted((lab.labelled_on, lab.pole_id) for lab in labels if lab.labelled_on is not None)
    refused: list[tuple[date, str]] = []
    unknown: list[str] = []
    for day, pole_id in dated:
        if day > on:
            break
        pole = None if poles is None else poles.get(pole_id)
        if poles is None or (pole is not None and pole.is_labelled_on(day)):
            held = "" if poles is None else ", a pôle holding its label that day"
            held_fr = "" if poles is None else ", pôle labellisé ce jour-là"
            reason = Text(
                f"labelled by {pole_id} on {day.isoformat()}{held}",
                f"labellisé par {pole_id} le {day.isoformat()}{held_fr}",
            )
            return Status.MET, reason, ()
        if pole is None:
            if pole_id not in unknown:
                unknown.append(pole_id)
        else:
            refused.append((day, pole_id))
    later = [day for day, _ in dated if day > on]
    return _not_labelled(labels, later, refused, unknown, after)


def _not_labelled(
    labels: Sequence[PoleLabel],
    later: list[date],
    refused: list[tuple[date, str]],
    unknown: list[str],
    after: Text,
) -> tuple[Status, Text, tuple[Fact, ...]]:
    """Explain why no label counts: refused pôles, pôles without history, undated labels."""
    en: list[str] = []
    fr: list[str] = []
    for day, pole_id in refused:
        en.append(
            f"{pole_id} did not hold its pôle label on {day.isoformat()}, when it labelled the "
            "project"
        )
        fr.append(
            f"{pole_id} n'était pas un pôle labellisé le {day.isoformat()}, jour où il a "
            "labellisé le projet"
        )
    missing: list[Fact] = []
    if unknown:
        en.append(f"the labelling history of {', '.join(unknown)} is not given")
        fr.append(f"l'historique de labellisation {_poles_fr(unknown)} n'est pas fourni")
        missing.append(_ask_history(unknown))
    undated = label_date_facts(labels)
    if undated:
        en.append(
            "a pôle label is recorded without its date"
            if len(undated) < 2
            else f"{len(undated)} pôle labels are recorded without their dates"
        )
        fr.append(
            "un label de pôle est enregistré sans sa date"
            if len(undated) < 2
            else f"{len(undated)} labels de pôle sont enregistrés sans leur date"
        )
        missing.extend(undated)
    if missing:
        return Status.UNKNOWN, Text("; ".join(en), " ; ".join(fr)), tuple(missing)
    if later and not refused:
        en.append(f"first labelled on {later[0].isoformat()}, after {after.en}")
        fr.append(f"labellisé pour la première fois le {later[0].isoformat()}, après {after.fr}")
    elif later:
        en.append(f"labelled again on {later[0].isoformat()}, after {after.en}")
        fr.append(f"labellisé de nouveau le {later[0].isoformat()}, après {after.fr}")
    elif not refused:
        en.append("no pôle has labelled the project")
        fr.append("aucun pôle n'a labellisé le projet")
    return Status.NOT_MET, Text("; ".join(en), " ; ".join(fr)), ()
