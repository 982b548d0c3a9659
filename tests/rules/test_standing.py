"""A pôle's standing: label, 2008 evaluation follow-up (PHASE.1, GOV.1), correspondent (GOV.3)."""

from __future__ import annotations

from datetime import date

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from poles_policy.exceptions import InvalidInputError
from poles_policy.explain import Status
from poles_policy.model.actors import AuthorityLevel, LocalAuthority, StateBody, StateKind
from poles_policy.model.contracts import PerformanceContract
from poles_policy.model.poles import (
    Category,
    EvaluationGroup,
    LabelEvent,
    LabelEventKind,
    Pole,
    StateCorrespondent,
)
from poles_policy.parameters import default_parameters
from poles_policy.rules.standing import (
    ASK_CONTRACT_START,
    ASK_STATE_CORRESPONDENT,
    FollowUp,
    pole_standing,
)
from poles_policy.testing import poles, policy_dates

PARAMS = default_parameters()
LABELLED_2005 = LabelEvent(kind=LabelEventKind.LABELLED, on=date(2005, 7, 12), source="CIADT")
CIADT_2010 = date(2010, 5, 11)
DRIRE = StateCorrespondent(name="Chargé de mission pôles", service="DRIRE Rhône-Alpes")


def _pole(
    group: int | None,
    *events: LabelEvent,
    correspondent: StateCorrespondent | None = DRIRE,
    ident: str = "viameca",
) -> Pole:
    return Pole(
        id=ident,
        name=ident.capitalize(),
        category=Category.NATIONAL,
        head_office_region="82",
        evaluation_group_2008=group,
        state_correspondent=correspondent,
        history=(LABELLED_2005, *events),
    )


def _contract(start: date = date(2009, 1, 1), pole_id: str = "viameca") -> PerformanceContract:
    return PerformanceContract(
        id="cp-2009",
        pole_id=pole_id,
        state=StateBody(id="prefet-82", name="Préfet de région", kind=StateKind.PREFET_DE_REGION),
        local_authorities=(
            LocalAuthority(id="region-82", name="Région", level=AuthorityLevel.REGION, region="82"),
        ),
        governing_body_name="Association Viaméca",
        start=start,
        end=date(start.year + 3, 12, 31),
    )


def test_group_1_has_no_particular_follow_up() -> None:
    standing = pole_standing(_pole(1), date(2010, 6, 1), PARAMS)
    assert (standing.labelled, standing.group, standing.follow_up) == (
        True,
        EvaluationGroup.GROUP_1,
        FollowUp.NONE,
    )
    assert standing.review_on is None
    assert standing.probation_end is None
    assert [c.status for c in standing.checks] == [
        Status.MET,
        Status.NOT_APPLICABLE,
        Status.MET,
    ]


def test_an_unknown_group_is_not_evaluated() -> None:
    assert pole_standing(_pole(None), date(2010, 6, 1), PARAMS).follow_up is FollowUp.NOT_EVALUATED


def test_group_2_is_reviewed_18_months_into_its_contract() -> None:
    # 1 January 2009 + 18 calendar months = 1 July 2010.
    pole, contract = _pole(2), _contract()
    before = pole_standing(pole, date(2010, 6, 30), PARAMS, contract=contract)
    on_the_day = pole_standing(pole, date(2010, 7, 1), PARAMS, contract=contract)
    assert (before.follow_up, before.review_on) == (FollowUp.REVIEW_AHEAD, date(2010, 7, 1))
    assert (on_the_day.follow_up, on_the_day.review_on) == (FollowUp.REVIEW_DUE, date(2010, 7, 1))
    follow = on_the_day.checks[1]
    assert follow.key == "gov.follow_up"
    assert follow.informative
    assert [(p.name, p.value) for p in follow.parameters] == [("gov.group2_review_months", "18")]


def test_a_review_counted_from_the_end_of_a_month_is_clamped() -> None:
    # 31 August 2009 + 18 months: 28 February 2011 (no 31 February).
    contract = _contract(start=date(2009, 8, 31))
    standing = pole_standing(_pole(2), date(2011, 2, 28), PARAMS, contract=contract)
    assert (standing.review_on, standing.follow_up) == (date(2011, 2, 28), FollowUp.REVIEW_DUE)


def test_group_2_without_its_contract_asks_for_the_contract_start() -> None:
    standing = pole_standing(_pole(2), date(2010, 6, 1), PARAMS)
    assert standing.follow_up is FollowUp.REVIEW_UNDATED
    assert standing.review_on is None
    assert standing.checks[1].status is Status.UNKNOWN
    assert standing.missing == (ASK_CONTRACT_START,)


def test_group_3_is_on_probation_to_the_end_of_2009_inclusive() -> None:
    pole = _pole(3)
    last_day = pole_standing(pole, date(2009, 12, 31), PARAMS)
    next_day = pole_standing(pole, date(2010, 1, 1), PARAMS)
    assert (last_day.follow_up, last_day.probation_end) == (FollowUp.PROBATION, date(2009, 12, 31))
    assert next_day.follow_up is FollowUp.AWAITING_DECISION
    assert next_day.labelled


def test_group_3_kept_by_the_2010_ciadt_is_confirmed() -> None:
    pole = _pole(3, LabelEvent(kind=LabelEventKind.CONFIRMED, on=CIADT_2010, source="CIADT"))
    assert pole_standing(pole, date(2010, 5, 10), PARAMS).follow_up is FollowUp.AWAITING_DECISION
    assert pole_standing(pole, CIADT_2010, PARAMS).follow_up is FollowUp.CONFIRMED


def test_a_confirmation_during_the_probation_does_not_end_it() -> None:
    pole = _pole(3, LabelEvent(kind=LabelEventKind.CONFIRMED, on=date(2009, 4, 30), source="s"))
    assert pole_standing(pole, date(2009, 6, 1), PARAMS).follow_up is FollowUp.PROBATION
    assert pole_standing(pole, date(2010, 2, 1), PARAMS).follow_up is FollowUp.AWAITING_DECISION


def test_a_delabelled_pole_is_not_labelled_whatever_its_group() -> None:
    pole = _pole(3, LabelEvent(kind=LabelEventKind.DELABELLED, on=CIADT_2010, source="CIADT"))
    standing = pole_standing(pole, CIADT_2010, PARAMS)
    assert (standing.labelled, standing.follow_up) == (False, FollowUp.NOT_LABELLED)
    assert standing.checks[0].status is Status.NOT_MET
    assert "delabelled on 2010-05-11" in standing.checks[0].reason.en
    assert "délabellisé le 2010-05-11" in standing.checks[0].reason.fr


def test_before_phase_2_there_is_no_follow_up_yet() -> None:
    for group in (2, 3):
        standing = pole_standing(_pole(group), date(2008, 10, 1), PARAMS, contract=_contract())
        assert standing.follow_up is FollowUp.NONE
        assert standing.checks[1].parameters == ()


def test_an_unknown_state_correspondent_is_asked_for() -> None:
    standing = pole_standing(_pole(1, correspondent=None), date(2010, 6, 1), PARAMS)
    check = standing.checks[2]
    assert (check.key, check.status, check.clauses) == (
        "gov.correspondent",
        Status.UNKNOWN,
        ("GOV.3",),
    )
    assert standing.missing == (ASK_STATE_CORRESPONDENT,)


def test_the_contract_must_be_the_poles_own() -> None:
    with pytest.raises(InvalidInputError, match="binds pôle 'minalogic', not 'viameca'"):
        pole_standing(_pole(2), date(2010, 1, 1), PARAMS, contract=_contract(pole_id="minalogic"))


def test_a_reform_can_move_the_review_and_the_probation() -> None:
    reform = PARAMS.override("gov.group2_review_months", 12).override(
        "gov.group3_probation_end", "2010-05-10"
    )
    review = pole_standing(_pole(2), date(2010, 1, 1), reform, contract=_contract())
    assert (review.review_on, review.follow_up) == (date(2010, 1, 1), FollowUp.REVIEW_DUE)
    assert pole_standing(_pole(3), date(2010, 5, 10), reform).follow_up is FollowUp.PROBATION


def test_the_explanation_names_the_clauses_in_both_languages() -> None:
    standing = pole_standing(_pole(3), date(2010, 2, 1), PARAMS)
    en, fr = standing.explain(), standing.explain("fr")
    assert en.splitlines()[0] == (
        "Standing of pôle viameca on 2010-02-01: labelled, probation over, awaiting the decision"
    )
    assert "PHASE.1, GOV.1" in en
    assert "GOV.3" in en
    assert "gov.group3_probation_end = 2009-12-31" in en
    assert fr.splitlines()[0] == (
        "Situation du pôle viameca le 2010-02-01 : labellisé, "
        "période probatoire close, décision attendue"
    )
    assert "période probatoire close le 2009-12-31" in fr


@given(pole=poles(), on=policy_dates())
def test_the_standing_agrees_with_the_label_and_the_group(pole: Pole, on: date) -> None:
    contract = _contract(pole_id=pole.id)
    standing = pole_standing(pole, on, PARAMS, contract=contract)
    assert standing.labelled is pole.is_labelled_on(on)
    assert (standing.follow_up is FollowUp.NOT_LABELLED) is not standing.labelled
    if not standing.labelled:
        return
    group = pole.evaluation_group_2008
    in_force = on >= date(2009, 1, 1)
    expected: set[FollowUp]
    if group is None:
        expected = {FollowUp.NOT_EVALUATED}
    elif group is EvaluationGroup.GROUP_1 or not in_force:
        expected = {FollowUp.NONE}
    elif group is EvaluationGroup.GROUP_2:
        expected = {FollowUp.REVIEW_DUE if on >= date(2010, 7, 1) else FollowUp.REVIEW_AHEAD}
    elif on <= date(2009, 12, 31):
        expected = {FollowUp.PROBATION}
    else:
        renewed = any(
            date(2009, 12, 31) < e.on <= on and e.kind is not LabelEventKind.DELABELLED
            for e in pole.history
        )
        expected = {FollowUp.CONFIRMED if renewed else FollowUp.AWAITING_DECISION}
    assert standing.follow_up in expected


@given(pole=poles(), on=policy_dates(), name=st.text(min_size=1, max_size=5).filter(str.strip))
def test_the_correspondent_check_reads_the_pole(pole: Pole, on: date, name: str) -> None:
    with_one = attrs.evolve(pole, state_correspondent=StateCorrespondent(name=name, service="S"))
    assert pole_standing(with_one, on, PARAMS).checks[2].status is Status.MET
    without = attrs.evolve(pole, state_correspondent=None)
    assert pole_standing(without, on, PARAMS).checks[2].status is Status.UNKNOWN
