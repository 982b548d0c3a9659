"""
Funding of inter-pôle files through their lead pôle (GOV.4).

GOV.4 encourages national coordination between pôles of the same or of
complementary themes. Once the *inter-pôle* label exists
(``gov.inter_pole_from``: announced on 30 November 2009), the funding granted
for a file carried by several pôles goes to the lead pôle (*pôle chef de
file*), which passes on their parts to the other pôles (FACTS.md section 5).
:func:`inter_pole_funding` decides whether a file's funding takes that route,
and when it does, who receives it and what goes on to each pôle.

The three conditions, all evaluated, in this order:

1. ``gov.inter_pole.in_force`` — the inter-pôle label exists on the day the
   funding is decided (the parameter read on that day);
2. ``gov.inter_pole.carriers`` — the file is carried by at least two pôles,
   the lead pôle and another;
3. ``gov.inter_pole.labelled`` — each carrying pôle holds its label (PHASE.1)
   on that day; a pôle not given to the rule is asked for.

An informative check, ``gov.inter_pole.split``, gives what the lead pôle
keeps and passes on, from the split agreed between the pôles; it asks for
the split when none is known.

Readings of the text, each a modelling choice stated here:

- Only the route is sourced, not how the amount is divided: the parts are
  the pôles' own agreement (:attr:`InterPoleFile.split
  <poles_policy.model.interpole.InterPoleFile.split>`), never computed.
- A pôle that does not hold its label on the decision day cannot carry an
  inter-pôle file: the label is what makes it a pôle of the policy.
- When the route does not apply, the result does not say where the money
  goes instead: the text and the sources are silent on it.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Final

import attrs

from poles_policy.explain import (
    Check,
    Decision,
    Fact,
    Outcome,
    Status,
    Text,
    fr_amount,
    json_fields,
    missing_facts,
    render_account,
)
from poles_policy.model.interpole import InterPoleFile
from poles_policy.money import ZERO, Eur
from poles_policy.rules._inputs import expect, expect_params, poles_by_id

if TYPE_CHECKING:
    from collections.abc import Iterable

    from poles_policy.explain import Lang
    from poles_policy.model.poles import Pole
    from poles_policy.parameters import ParameterSet

__all__ = [
    "ASK_SPLIT",
    "RULE",
    "InterPoleFunding",
    "Transfer",
    "ask_pole",
    "inter_pole_funding",
]

RULE: Final = "gov.inter_pole_funding"
"""The name of the rule, as its decisions carry it."""

_FROM: Final = "gov.inter_pole_from"
_CLAUSES: Final = ("GOV.4",)
_LABEL_CLAUSES: Final = ("GOV.4", "PHASE.1")
_TITLE: Final = Text(
    "Funding through the lead pôle (GOV.4)", "Financement par le pôle chef de file (GOV.4)"
)

ASK_SPLIT: Final = Fact(
    path="file.split",
    question=Text(
        "How have the pôles agreed to split the funding between them?",
        "Comment les pôles ont-ils convenu de se répartir le financement ?",
    ),
)
"""The fact to ask for when the parts of the carrying pôles are not known."""


def ask_pole(pole_id: str) -> Fact:
    """
    Return the fact to ask for when carrying pôle *pole_id* was not given to the rule.

    >>> ask_pole("axelera").path
    'poles.axelera'
    """
    expect(pole_id, str, "pole_id", "ask_pole")
    return Fact(
        path=f"poles.{pole_id}",
        question=Text(
            f"What is the labelling history of pôle {pole_id}?",
            f"Quel est l'historique de labellisation du pôle {pole_id} ?",
        ),
    )


@attrs.frozen(kw_only=True)
class Transfer:
    """
    What the lead pôle passes on to another pôle of the file.

    Attributes:
        pole_id: The pôle receiving it.
        amount: Its part of the funding, in euros (zero when the split gives
            it nothing).
    """

    pole_id: str
    amount: Eur

    def to_dict(self) -> dict[str, Any]:
        """Return the transfer as JSON-ready data (the amount as decimal text)."""
        return json_fields(self)


@attrs.frozen(kw_only=True)
class InterPoleFunding:
    """
    How an inter-pôle file's funding is routed (GOV.4).

    Attributes:
        file_id: The file.
        granted: The amount granted for it.
        decision: Whether the funding goes through the lead pôle, with every
            check (ELIGIBLE: it does).
        recipient: The pôle that receives the whole amount, the lead pôle,
            when the decision is ELIGIBLE; ``None`` otherwise.
        kept: What the lead pôle keeps, when the route applies and the split
            is known; ``None`` otherwise.
        transfers: What it passes on to each other pôle, in the file's
            order, under the same conditions; ``None`` otherwise.
    """

    file_id: str
    granted: Eur
    decision: Decision
    recipient: str | None
    kept: Eur | None
    transfers: tuple[Transfer, ...] | None

    @property
    def outcome(self) -> Outcome:
        """ELIGIBLE when the funding goes through the lead pôle."""
        return self.decision.outcome

    @property
    def missing(self) -> tuple[Fact, ...]:
        """
        The facts that would settle the route, then its split, in asking order.

        Unlike :attr:`Decision.missing <poles_policy.explain.Decision.missing>`,
        which lists only what the outcome depends on, this also asks for the
        split: a route without it says who receives the money, not who ends
        up with it.
        """
        return missing_facts(self.decision.checks)

    def explain(self, lang: Lang = "en", *, sources: bool = False) -> str:
        """
        Render the route, then each check with the parameters it read.

        Args:
            lang: ``"en"`` or ``"fr"``.
            sources: Whether to add each parameter's source.
        """
        fr = lang == "fr"
        if self.recipient is not None:
            route = (
                f"versé au pôle chef de file {self.recipient}"
                if fr
                else f"paid to the lead pôle {self.recipient}"
            )
        else:
            route = self.outcome.label.in_lang(lang)
        head = (
            f"{'Dossier inter-pôles' if fr else 'Inter-pôle file'} {self.file_id}, "
            f"{fr_amount(self.granted) if fr else f'{self.granted} EUR'}"
            f"{' :' if fr else ':'} {route}"
        )
        return render_account(head, self.decision.checks, lang, sources=sources)

    def to_dict(self) -> dict[str, Any]:
        """Return the route as JSON-ready data (exact decimals as text, dates in ISO form)."""
        return json_fields(self, properties=("outcome", "missing"))


def _in_force(file: InterPoleFile, params: ParameterSet) -> Check:
    day = file.decided_on
    opens = params.value(_FROM, day)
    if not isinstance(opens, date):  # no value in force (the unit makes any value a date)
        met = False
        reason = Text(
            f"no inter-pôle label on {day.isoformat()}, the day of the decision: "
            f"{_FROM} has no value in force that day",
            f"aucun label inter-pôles le {day.isoformat()}, jour de la décision : "
            f"{_FROM} n'a aucune valeur en vigueur ce jour-là",
        )
    else:
        met = day >= opens
        first = opens.isoformat()
        reason = Text(
            f"decided on {day.isoformat()}, "
            f"{'on or after' if met else 'before'} the label's first day, {first}",
            f"décidé le {day.isoformat()}, "
            + (
                f"le premier jour du label ({first}) ou après"
                if met
                else f"avant le premier jour du label ({first})"
            ),
        )
    return Check(
        key="gov.inter_pole.in_force",
        clauses=_CLAUSES,
        label=Text("the inter-pôle label exists", "le label inter-pôles existe"),
        status=Status.MET if met else Status.NOT_MET,
        reason=reason,
        parameters=params.uses(day, _FROM),
    )


def _carriers(file: InterPoleFile) -> Check:
    lead, others = file.lead_pole_id, ", ".join(file.other_pole_ids)
    return Check(
        key="gov.inter_pole.carriers",
        clauses=_CLAUSES,
        label=Text(
            "carried by at least two pôles, one leading",
            "porté par au moins deux pôles, dont un chef de file",
        ),
        status=Status.MET if others else Status.NOT_MET,
        reason=(
            Text(f"led by {lead}, with {others}", f"chef de file {lead}, avec {others}")
            if others
            else Text(
                f"only its lead pôle, {lead}, carries it",
                f"seul son pôle chef de file, {lead}, le porte",
            )
        ),
    )


def _labelled(file: InterPoleFile, known: dict[str, Pole]) -> Check:
    day = file.decided_on.isoformat()
    unknown = [p for p in file.pole_ids if p not in known]
    without = [
        p for p in file.pole_ids if p in known and not known[p].is_labelled_on(file.decided_on)
    ]
    missing: list[Fact] = []
    # A refusal settles the condition: a pôle not given is not asked for then.
    if without:
        status, names, one = Status.NOT_MET, ", ".join(without), len(without) < 2
        reason = Text(
            f"not holding {'its' if one else 'their'} label on {day}: {names}",
            f"ne détenant pas {'son' if one else 'leur'} label le {day} : {names}",
        )
    elif unknown:
        status, s, names = Status.UNKNOWN, "s" if len(unknown) > 1 else "", ", ".join(unknown)
        reason = Text(f"pôle{s} not given: {names}", f"pôle{s} non fourni{s} : {names}")
        missing = [ask_pole(p) for p in unknown]
    else:
        status, names, one = Status.MET, ", ".join(file.pole_ids), len(file.pole_ids) < 2
        reason = Text(
            f"holding {'its' if one else 'their'} label on {day}: {names}",
            f"détenant {'son' if one else 'leur'} label le {day} : {names}",
        )
    return Check(
        key="gov.inter_pole.labelled",
        clauses=_LABEL_CLAUSES,
        label=Text("each of its pôles holds its label", "chacun de ses pôles est labellisé"),
        status=status,
        reason=reason,
        missing=missing,
    )


def _split(file: InterPoleFile, *, refused: bool, applies: bool) -> Check:
    # Undetermined: what the split would give, once the route is settled.
    if_en, if_fr = ("", "") if applies else ("if the route applies, ", "si la voie s'applique, ")
    lead = file.lead_pole_id
    missing: list[Fact] = []
    if refused:
        status = Status.NOT_APPLICABLE
        reason = Text(
            "the funding does not go through the lead pôle",
            "le financement ne passe pas par le pôle chef de file",
        )
    elif file.split is None:
        status, missing = Status.UNKNOWN, [ASK_SPLIT]
        reason = Text(
            f"{if_en}{lead} receives {file.granted} EUR; no split between the pôles is known",
            f"{if_fr}{lead} reçoit {fr_amount(file.granted)} ; aucune répartition entre les pôles "
            "n'est connue",
        )
    else:
        # With a split known, every carrying pôle has a part (zero when it gets nothing).
        parts = {pole: file.part(pole) or ZERO for pole in file.pole_ids}
        status, kept = Status.MET, parts[lead]
        to_en = ", ".join(f"{parts[p]} EUR to {p}" for p in file.other_pole_ids)
        to_fr = ", ".join(f"{fr_amount(parts[p])} à {p}" for p in file.other_pole_ids)
        reason = Text(
            f"{if_en}{lead} keeps {kept} EUR and passes on {to_en}",
            f"{if_fr}{lead} conserve {fr_amount(kept)} et reverse {to_fr}",
        )
    return Check(
        key="gov.inter_pole.split",
        clauses=_CLAUSES,
        label=Text("what the lead pôle passes on", "ce que le pôle chef de file reverse"),
        status=status,
        reason=reason,
        missing=missing,
        informative=True,
    )


def inter_pole_funding(
    file: InterPoleFile, params: ParameterSet, *, poles: Iterable[Pole] = ()
) -> InterPoleFunding:
    """
    Decide whether *file*'s funding goes through its lead pôle, and what it passes on (GOV.4).

    The conditions and the readings of the text are in the module's
    docstring. Parameters are read on the day the funding was decided.

    Args:
        file: The inter-pôle file, with its pôles, funding and split.
        params: Policy parameters.
        poles: The carrying pôles, with their labelling histories. A
            carrying pôle not among them leaves ``gov.inter_pole.labelled``
            UNKNOWN and is asked for, unless a pôle given is not labelled
            (the condition then fails, and nothing is asked for it); the
            answer is UNDETERMINED unless another condition fails. Other
            pôles are ignored.

    Returns:
        The route: ELIGIBLE when the lead pôle receives the funding, with
        what it keeps and passes on when the split is known.

    Raises:
        WrongTypeError: If an argument is not of its type (a pôle's id
            instead of the pôle, say).
        InvalidInputError: If *poles* names one pôle twice.

    >>> from datetime import date
    >>> from poles_policy.model import InterPoleFile, PoleShare
    >>> from poles_policy.data.reference import rhone_alpes_poles
    >>> from poles_policy.parameters import default_parameters
    >>> file = InterPoleFile(
    ...     id="interpole-2010-03",
    ...     name="Joint mission to Japan (synthetic example)",
    ...     lead_pole_id="minalogic",
    ...     other_pole_ids=["axelera", "techtera"],
    ...     granted="120000.00",
    ...     decided_on=date(2010, 3, 15),
    ...     split=[
    ...         PoleShare(pole_id="minalogic", amount="70000.00"),
    ...         PoleShare(pole_id="axelera", amount="50000.00"),
    ...     ],
    ... )
    >>> route = inter_pole_funding(file, default_parameters(), poles=rhone_alpes_poles())
    >>> route.outcome.value, route.recipient, route.kept
    ('eligible', 'minalogic', Decimal('70000.00'))
    >>> [(t.pole_id, t.amount) for t in route.transfers]
    [('axelera', Decimal('50000.00')), ('techtera', Decimal('0.00'))]
    """
    expect(file, InterPoleFile, "file", "inter_pole_funding")
    expect_params(params, "inter_pole_funding")
    known = poles_by_id(poles)
    conditions = (_in_force(file, params), _carriers(file), _labelled(file, known))
    applies = all(check.status is Status.MET for check in conditions)
    refused = any(check.status is Status.NOT_MET for check in conditions)
    decision = Decision(
        rule=RULE,
        title=_TITLE,
        subject=file.id,
        on=file.decided_on,
        checks=(*conditions, _split(file, refused=refused, applies=applies)),
    )
    parts = {share.pole_id: share.amount for share in file.split or ()}
    settled = applies and file.split is not None
    return InterPoleFunding(
        file_id=file.id,
        granted=file.granted,
        decision=decision,
        recipient=file.lead_pole_id if applies else None,
        kept=parts.get(file.lead_pole_id, ZERO) if settled else None,
        transfers=(
            tuple(Transfer(pole_id=p, amount=parts.get(p, ZERO)) for p in file.other_pole_ids)
            if settled
            else None
        ),
    )
