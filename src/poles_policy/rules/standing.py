"""
A pôle's standing on a date: its label, the 2008 evaluation's follow-up, its State correspondent.

Phase 2 follows the 2008 evaluation of Phase 1 (PHASE.1), which put each
pôle in one of three groups, and the performance contracts (GOV.1) carry its
consequences:

- **group 1** (objectives reached): no particular follow-up;
- **group 2** (objectives partly reached): a review ``gov.group2_review_months``
  (18) calendar months into the pôle's performance contract, counted from the
  contract's first day; the contract's funding may be revised after it;
- **group 3** ("could benefit from a deep reconfiguration"): the label is
  kept on probation until ``gov.group3_probation_end`` (31 December 2009);
  a decision on the label follows the second evaluation.

:func:`pole_standing` reads these on a date and reports, beside the
follow-up, whether the pôle holds its label that day and who its State
correspondent is (GOV.3: every pôle has one).

Readings of the text, each a modelling choice stated here:

- The review date of a group-2 pôle is unknown until its contract's first
  day is: without the contract, the answer asks for it. The number of
  months is read on that first day, so a later reform does not move a
  review already set.
- A group-3 pôle is *confirmed* once a LABELLED or CONFIRMED event dated
  after its probation's last day is in its history; labelled after its
  probation without one, it is *awaiting the decision* (all thirteen were,
  from January 2010 to the CIADT of 11 May 2010). A pôle that no longer holds
  its label is *not labelled*, whatever its group: the follow-up no longer
  applies, and nothing is asked for it.
- The 2008 evaluation covered the pôles labelled by then: a pôle first
  labelled in 2009 or later was *not evaluated*; one labelled by 2008 whose
  group is not recorded has an *unknown group*, and the answer asks for it.
  Only a LABELLED event dates a first labelling. A history may start with a
  confirmation (a record kept from the Phase 2 confirmation onward): the
  pôle was labelled before it, on a day not recorded, so it may have been
  labelled by 2008 and evaluated. Its group is then unknown and asked for,
  even when the confirmation is dated after 2008 (the answer, group 1, 2 or
  3, settles the follow-up; a pôle that was in fact not evaluated is
  recorded with the LABELLED event that shows it).
- Before the follow-up's parameters are in force (before 2009), there is no
  follow-up yet.
- An unknown State correspondent is unknown, not absent: the check asks for
  it rather than fail.

The review's or the decision's own outcome is not recorded by the model, so
the follow-up says when they fall, not what they found.
"""

from __future__ import annotations

import enum
from datetime import date
from typing import TYPE_CHECKING, Any, Final

import attrs

from poles_policy.dates import add_months
from poles_policy.exceptions import InvalidInputError
from poles_policy.explain import Check, Fact, Status, Text, json_fields, render_account
from poles_policy.model.contracts import PerformanceContract
from poles_policy.model.poles import (
    EVALUATED_IF_LABELLED_BY,
    EvaluationGroup,
    LabelEventKind,
    Pole,
    StateCorrespondent,
)
from poles_policy.rules._inputs import expect, expect_date, expect_params

if TYPE_CHECKING:
    from poles_policy.explain import Lang, ParameterUse
    from poles_policy.parameters import ParameterSet

__all__ = [
    "ASK_CONTRACT_START",
    "ASK_EVALUATION_GROUP",
    "ASK_STATE_CORRESPONDENT",
    "FollowUp",
    "PoleStanding",
    "pole_standing",
]

_REVIEW: Final = "gov.group2_review_months"
_PROBATION: Final = "gov.group3_probation_end"
_FOLLOW_UP_CLAUSES: Final = ("PHASE.1", "GOV.1")
_GOV_3: Final = ("GOV.3",)

ASK_EVALUATION_GROUP: Final = Fact(
    path="pole.evaluation_group_2008",
    question=Text(
        "In which group (1, 2 or 3) did the 2008 evaluation place the pôle?",
        "Dans quel groupe (1, 2 ou 3) l'évaluation de 2008 a-t-elle placé le pôle ?",
    ),
)
"""The fact to ask for when a pôle labelled by 2008 has no known evaluation group."""

ASK_CONTRACT_START: Final = Fact(
    path="contract.start",
    question=Text(
        "On what day does the pôle's performance contract start?",
        "À quelle date le contrat de performance du pôle commence-t-il ?",
    ),
)
"""The fact to ask for when a group-2 pôle's review date depends on an unknown contract."""

ASK_STATE_CORRESPONDENT: Final = Fact(
    path="pole.state_correspondent",
    question=Text(
        "Who is the pôle's State correspondent, and in which State service?",
        "Qui est le correspondant de l'État du pôle, et dans quel service ?",
    ),
)
"""The fact to ask for when a pôle's State correspondent is not known."""


class FollowUp(enum.Enum):
    """Where a pôle stands in the follow-up of the 2008 evaluation, on a date."""

    NONE = "none"
    """Group 1, or a date before the follow-up is in force: nothing particular."""
    GROUP_UNKNOWN = "group_unknown"
    """
    Labelled by 2008, or perhaps so (the history starts with a confirmation, the
    labelling before it not recorded), and its 2008 group is not known: asked for.
    """
    NOT_EVALUATED = "not_evaluated"
    """First labelled after 2008: the 2008 evaluation did not cover it."""
    REVIEW_AHEAD = "review_ahead"
    """Group 2, before the day of its review."""
    REVIEW_DUE = "review_due"
    """Group 2, on or after the day of its review (its outcome is not recorded)."""
    REVIEW_UNDATED = "review_undated"
    """Group 2, with no contract to date the review from."""
    PROBATION = "probation"
    """Group 3, on or before the last day of the probation."""
    AWAITING_DECISION = "awaiting_decision"
    """Group 3, labelled after the probation with no later decision recorded."""
    CONFIRMED = "confirmed"
    """Group 3, labelled or confirmed again after the probation."""
    NOT_LABELLED = "not_labelled"
    """The pôle does not hold its label on the date (never yet, or withdrawn)."""

    @property
    def label(self) -> Text:
        """The follow-up in a few words, in English and French."""
        return _FOLLOW_UP_TEXT[self]


@attrs.frozen(kw_only=True)
class PoleStanding:
    """
    A pôle's standing on a date (PHASE.1, GOV.1, GOV.3).

    Attributes:
        pole_id: The pôle.
        on: The date read.
        labelled: Whether the pôle holds its label on that day.
        group: Its 2008 evaluation group, or ``None`` if not known.
        follow_up: Where it stands in the evaluation's follow-up.
        review_on: For group 2, the day of its review (``None`` when the
            contract is not given, or for another group).
        probation_end: For group 3, the last day of its probation (``None``
            for another group, or before the parameter is in force).
        correspondent: Its State correspondent, or ``None`` if not known.
        checks: The label, the follow-up (information) and the correspondent.
    """

    pole_id: str
    on: date
    labelled: bool
    group: EvaluationGroup | None
    follow_up: FollowUp
    review_on: date | None
    probation_end: date | None
    correspondent: StateCorrespondent | None
    checks: tuple[Check, ...]

    @property
    def missing(self) -> tuple[Fact, ...]:
        """The facts that would complete the answer, in asking order."""
        return tuple(f for check in self.checks for f in check.missing)

    def explain(self, lang: Lang = "en", *, sources: bool = False) -> str:
        """
        Render the standing, then each check with the parameters it read.

        Args:
            lang: ``"en"`` or ``"fr"``.
            sources: Whether to add each parameter's source.
        """
        fr = lang == "fr"
        state = (
            f"{'labellisé' if fr else 'labelled'}, {self.follow_up.label.in_lang(lang)}"
            if self.labelled
            else ("NON labellisé" if fr else "NOT labelled")
        )
        head = (
            f"{'Situation du pôle' if fr else 'Standing of pôle'} {self.pole_id} "
            f"{'le' if fr else 'on'} {self.on.isoformat()}{' :' if fr else ':'} {state}"
        )
        return render_account(head, self.checks, lang, sources=sources)

    def to_dict(self) -> dict[str, Any]:
        """Return the standing as JSON-ready data (exact decimals as text, dates in ISO form)."""
        return json_fields(self, properties=("missing",))


_FOLLOW_UP_TEXT: Final = {
    FollowUp.NONE: Text("no particular follow-up", "pas de suivi particulier"),
    FollowUp.GROUP_UNKNOWN: Text("2008 group not known", "groupe 2008 inconnu"),
    FollowUp.NOT_EVALUATED: Text("not in the 2008 evaluation", "hors de l'évaluation de 2008"),
    FollowUp.REVIEW_AHEAD: Text("review ahead", "revue à venir"),
    FollowUp.REVIEW_DUE: Text("review due", "revue échue"),
    FollowUp.REVIEW_UNDATED: Text("review not dated", "revue non datée"),
    FollowUp.PROBATION: Text("on probation", "en période probatoire"),
    FollowUp.AWAITING_DECISION: Text(
        "probation over, awaiting the decision", "période probatoire close, décision attendue"
    ),
    FollowUp.CONFIRMED: Text("confirmed after probation", "confirmé après la période probatoire"),
    FollowUp.NOT_LABELLED: Text("not labelled", "non labellisé"),
}


def _label_check(pole: Pole, on: date, labelled: bool) -> Check:  # noqa: FBT001 - computed once
    last = pole.last_event(on)
    if last is not None:
        what = Text(
            f"last event: {last.kind.value} on {last.on.isoformat()}",
            f"dernier événement : {_KIND_FR[last.kind]} le {last.on.isoformat()}",
        )
    else:
        what = Text(
            f"no labelling event on or before {on.isoformat()}",
            f"aucun événement de labellisation au plus tard le {on.isoformat()}",
        )
    return Check(
        key="gov.label",
        clauses=("PHASE.1",),
        label=Text("holds its label", "détient son label"),
        status=Status.MET if labelled else Status.NOT_MET,
        reason=what,
    )


_KIND_FR: Final = {
    LabelEventKind.LABELLED: "labellisé",
    LabelEventKind.CONFIRMED: "confirmé",
    LabelEventKind.DELABELLED: "délabellisé",
}


def _follow_up(
    pole: Pole,
    on: date,
    params: ParameterSet,
    contract: PerformanceContract | None,
    *,
    labelled: bool,
) -> tuple[FollowUp, date | None, date | None, Check]:
    group = pole.evaluation_group_2008
    review_on: date | None = None
    probation_end: date | None = None
    uses: tuple[ParameterUse, ...] = ()
    missing: tuple[Fact, ...] = ()
    if not labelled:
        # Whatever its group, a pôle without its label has no follow-up to be in.
        state = FollowUp.NOT_LABELLED
        reason = Text(
            f"not holding its label on {on.isoformat()}: the evaluation's follow-up does not apply",
            f"ne détenant pas son label le {on.isoformat()} : les suites de l'évaluation ne "
            "s'appliquent pas",
        )
    elif group is None:
        state, reason, missing = _no_group(pole)
    elif group is EvaluationGroup.GROUP_1:
        state = FollowUp.NONE
        reason = Text(
            "group 1: the evaluation found its objectives reached",
            "groupe 1 : l'évaluation a jugé ses objectifs atteints",
        )
    elif group is EvaluationGroup.GROUP_2:
        state, review_on, reason, uses, missing = _group_2(on, params, contract)
    else:
        state, probation_end, reason, uses = _group_3(pole, on, params)
    check = Check(
        key="gov.follow_up",
        clauses=_FOLLOW_UP_CLAUSES,
        label=Text("2008 evaluation follow-up", "suites de l'évaluation de 2008"),
        status=Status.UNKNOWN if missing else Status.NOT_APPLICABLE,
        reason=reason,
        parameters=uses,
        missing=missing,
        informative=True,
    )
    return state, review_on, probation_end, check


def _no_group(pole: Pole) -> tuple[FollowUp, Text, tuple[Fact, ...]]:
    # The caller has checked the pôle is labelled, so its history is not empty.
    first = pole.history[0]
    day = first.on.isoformat()
    # The evaluation of Phase 1 took place in 2008: a pôle first labelled later was not in it.
    if first.kind is LabelEventKind.LABELLED and first.on > EVALUATED_IF_LABELLED_BY:
        return (
            FollowUp.NOT_EVALUATED,
            Text(
                f"first labelled on {day}, after the 2008 evaluation",
                f"labellisé pour la première fois le {day}, après l'évaluation de 2008",
            ),
            (),
        )
    if first.kind is not LabelEventKind.LABELLED and first.on > EVALUATED_IF_LABELLED_BY:
        # A history that starts with a confirmation: the first labelling came before it, on a
        # day not recorded, possibly by 2008. Only the group can settle the follow-up.
        return (
            FollowUp.GROUP_UNKNOWN,
            Text(
                f"history starts with a confirmation on {day}: labelled before it, on a day "
                "not recorded, so possibly by 2008; its 2008 evaluation group is not known",
                f"historique commençant par une confirmation le {day} : labellisé avant, à une "
                "date non enregistrée, donc peut-être dès 2008 ; son groupe de l'évaluation de "
                "2008 est inconnu",
            ),
            (ASK_EVALUATION_GROUP,),
        )
    return (
        FollowUp.GROUP_UNKNOWN,
        Text(
            "labelled by 2008, but its 2008 evaluation group is not known",
            "labellisé en 2008 au plus tard, mais son groupe de l'évaluation de 2008 est inconnu",
        ),
        (ASK_EVALUATION_GROUP,),
    )


def _group_2(
    on: date, params: ParameterSet, contract: PerformanceContract | None
) -> tuple[FollowUp, date | None, Text, tuple[ParameterUse, ...], tuple[Fact, ...]]:
    # The review belongs to the contract: its length is read on the contract's first day, so
    # a later reform does not move a review already set. Without the contract, on *on*.
    read_on = on if contract is None else contract.start
    if params.value(_REVIEW, read_on) is None:
        return (
            FollowUp.NONE,
            None,
            Text(
                f"group 2: no review is in force on {read_on.isoformat()}",
                f"groupe 2 : aucune revue en vigueur le {read_on.isoformat()}",
            ),
            (),
            (),
        )
    months = params.count(_REVIEW, read_on)
    uses = params.uses(read_on, _REVIEW)
    if contract is None:
        return (
            FollowUp.REVIEW_UNDATED,
            None,
            Text(
                f"group 2: reviewed {months} months into its performance contract, "
                "whose start is not given",
                f"groupe 2 : revue {months} mois après le début de son contrat de performance, "
                "dont la date de début n'est pas fournie",
            ),
            uses,
            (ASK_CONTRACT_START,),
        )
    try:
        review_on = add_months(contract.start, months)
    except (ValueError, OverflowError):
        msg = (
            f"contract.start: {contract.start.isoformat()} + {months} months "
            "is beyond the last representable date"
        )
        raise InvalidInputError(msg) from None
    due = on >= review_on
    return (
        FollowUp.REVIEW_DUE if due else FollowUp.REVIEW_AHEAD,
        review_on,
        Text(
            f"group 2: review {months} months into contract {contract.id} "
            f"(from {contract.start.isoformat()}), on {review_on.isoformat()}"
            + (": due" if due else ": ahead"),
            f"groupe 2 : revue {months} mois après le début du contrat {contract.id} "
            f"({contract.start.isoformat()}), le {review_on.isoformat()}"
            + (" : échue" if due else " : à venir"),
        ),
        uses,
        (),
    )


def _group_3(
    pole: Pole, on: date, params: ParameterSet
) -> tuple[FollowUp, date | None, Text, tuple[ParameterUse, ...]]:
    end = params.value(_PROBATION, on)
    if not isinstance(end, date):  # not in force on *on* (the unit makes any value a date)
        return (
            FollowUp.NONE,
            None,
            Text(
                f"group 3: no probation is in force on {on.isoformat()}",
                f"groupe 3 : aucune période probatoire en vigueur le {on.isoformat()}",
            ),
            (),
        )
    uses = params.uses(on, _PROBATION)
    if on <= end:
        return (
            FollowUp.PROBATION,
            end,
            Text(
                f"group 3: label kept on probation until {end.isoformat()}",
                f"groupe 3 : label conservé à titre probatoire jusqu'au {end.isoformat()}",
            ),
            uses,
        )
    renewals = [
        e for e in pole.history if end < e.on <= on and e.kind is not LabelEventKind.DELABELLED
    ]
    if renewals:
        day = renewals[-1].on.isoformat()
        return (
            FollowUp.CONFIRMED,
            end,
            Text(
                f"group 3: probation ended on {end.isoformat()}; label renewed on {day}",
                f"groupe 3 : période probatoire close le {end.isoformat()} ; "
                f"label renouvelé le {day}",
            ),
            uses,
        )
    return (
        FollowUp.AWAITING_DECISION,
        end,
        Text(
            f"group 3: probation ended on {end.isoformat()}; no decision on the label recorded",
            f"groupe 3 : période probatoire close le {end.isoformat()} ; "
            "aucune décision sur le label enregistrée",
        ),
        uses,
    )


def _correspondent_check(correspondent: StateCorrespondent | None) -> Check:
    if correspondent is None:
        return Check(
            key="gov.correspondent",
            clauses=_GOV_3,
            label=Text("has a State correspondent", "a un correspondant de l'État"),
            status=Status.UNKNOWN,
            reason=Text("not known", "inconnu"),
            missing=(ASK_STATE_CORRESPONDENT,),
        )
    return Check(
        key="gov.correspondent",
        clauses=_GOV_3,
        label=Text("has a State correspondent", "a un correspondant de l'État"),
        status=Status.MET,
        reason=Text(
            f"{correspondent.name} ({correspondent.service})",
            f"{correspondent.name} ({correspondent.service})",
        ),
    )


def pole_standing(
    pole: Pole,
    on: date,
    params: ParameterSet,
    *,
    contract: PerformanceContract | None = None,
) -> PoleStanding:
    """
    Tell where *pole* stands on *on*: label, 2008 evaluation follow-up, State correspondent.

    PHASE.1 and GOV.1 for the follow-up of the 2008 evaluation (a review 18
    months into a group-2 pôle's contract; a probation to the end of 2009 for
    a group-3 pôle), GOV.3 for the State correspondent. The module's
    docstring states how the text is read.

    Args:
        pole: The pôle, with its labelling history and 2008 group.
        on: The date read.
        params: Policy parameters, read at *on*.
        contract: The pôle's performance contract, which dates a group-2
            review; ignored for the other groups.

    Returns:
        The standing, with its checks: ``gov.label``, ``gov.follow_up``
        (information) and ``gov.correspondent``.

    Raises:
        InvalidInputError: If *contract* is not the pôle's.
        WrongTypeError: If an argument is not of its type (a contract's id
            instead of the contract, say).

    >>> from datetime import date
    >>> from poles_policy.model.poles import Category, LabelEvent, LabelEventKind, Pole
    >>> from poles_policy.parameters import default_parameters
    >>> pole = Pole(
    ...     id="sporaltec",
    ...     name="Sporaltec",
    ...     category=Category.NATIONAL,
    ...     head_office_region="82",
    ...     evaluation_group_2008=3,
    ...     history=(
    ...         LabelEvent(kind=LabelEventKind.LABELLED, on=date(2005, 7, 12), source="CIADT"),
    ...         LabelEvent(kind=LabelEventKind.DELABELLED, on=date(2010, 5, 11), source="CIADT"),
    ...     ),
    ... )
    >>> params = default_parameters()
    >>> [
    ...     pole_standing(pole, day, params).follow_up.value
    ...     for day in (date(2009, 6, 30), date(2010, 2, 1), date(2010, 6, 1))
    ... ]
    ['probation', 'awaiting_decision', 'not_labelled']
    """
    expect(pole, Pole, "pole", "pole_standing")
    expect_date(on, "on", "pole_standing")
    expect_params(params, "pole_standing")
    if contract is not None:
        expect(contract, PerformanceContract, "contract", "pole_standing")
    if contract is not None and contract.pole_id != pole.id:
        msg = (
            f"pole_standing: contract: {contract.id!r} binds pôle {contract.pole_id!r}, "
            f"not {pole.id!r}"
        )
        raise InvalidInputError(msg)
    labelled = pole.is_labelled_on(on)
    state, review_on, probation_end, follow_check = _follow_up(
        pole, on, params, contract, labelled=labelled
    )
    return PoleStanding(
        pole_id=pole.id,
        on=on,
        labelled=labelled,
        group=pole.evaluation_group_2008,
        follow_up=state,
        review_on=review_on,
        probation_end=probation_end,
        correspondent=pole.state_correspondent,
        checks=(
            _label_check(pole, on, labelled),
            follow_check,
            _correspondent_check(pole.state_correspondent),
        ),
    )
