"""A pôle's standing: label, 2008 evaluation follow-up (PHASE.1, GOV.1), correspondent (GOV.3)."""

from __future__ import annotations

import json
from datetime import date

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from poles_policy.exceptions import InvalidInputError
from poles_policy.explain import Status
from poles_policy.model._validators import readable
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
    ASK_EVALUATION_GROUP,
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
        end=date(start.year + 2, 12, 31),
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


def test_an_unknown_group_of_a_pole_labelled_by_2008_is_asked_for() -> None:
    standing = pole_standing(_pole(None), date(2010, 6, 1), PARAMS)
    assert standing.follow_up is FollowUp.GROUP_UNKNOWN
    assert standing.checks[1].status is Status.UNKNOWN
    assert standing.missing == (ASK_EVALUATION_GROUP,)


def test_a_pole_first_labelled_after_2008_was_not_evaluated() -> None:
    # The eco-technology pôles were labelled at the CIADT of 11 May 2010.
    pole = attrs.evolve(
        _pole(None),
        history=(LabelEvent(kind=LabelEventKind.LABELLED, on=CIADT_2010, source="CIADT"),),
    )
    standing = pole_standing(pole, date(2010, 6, 1), PARAMS)
    assert standing.follow_up is FollowUp.NOT_EVALUATED
    assert standing.checks[1].status is Status.NOT_APPLICABLE
    assert standing.missing == ()
    assert "first labelled on 2010-05-11, after the 2008 evaluation" in standing.checks[1].reason.en


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


def test_before_phase_2_there_is_no_probation_yet_but_a_contract_s_review_is_set() -> None:
    probation = pole_standing(_pole(3), date(2008, 10, 1), PARAMS)
    assert probation.follow_up is FollowUp.NONE
    assert probation.checks[1].parameters == ()
    review = pole_standing(_pole(2), date(2008, 10, 1), PARAMS, contract=_contract())
    assert (review.follow_up, review.review_on) == (FollowUp.REVIEW_AHEAD, date(2010, 7, 1))


def test_a_contract_starting_before_the_review_rule_has_no_review() -> None:
    contract = _contract(start=date(2008, 6, 1))
    standing = pole_standing(_pole(2), date(2010, 6, 1), PARAMS, contract=contract)
    assert (standing.follow_up, standing.review_on) == (FollowUp.NONE, None)
    assert "no review is in force on 2008-06-01" in standing.checks[1].reason.en


def test_a_later_reform_does_not_move_a_review_already_set() -> None:
    reform = PARAMS.override("gov.group2_review_months", 24, valid_from=date(2010, 8, 1))
    for day in (date(2010, 7, 15), date(2010, 8, 15)):
        standing = pole_standing(_pole(2), day, reform, contract=_contract())
        assert (standing.follow_up, standing.review_on) == (FollowUp.REVIEW_DUE, date(2010, 7, 1))
    later = pole_standing(_pole(2), date(2010, 9, 1), reform, contract=_contract(date(2010, 9, 1)))
    assert later.review_on == date(2012, 9, 1)


def test_a_review_beyond_the_calendar_is_an_input_error() -> None:
    with pytest.raises(InvalidInputError, match=r"contract.start: 9999-01-01 \+ 18 months"):
        pole_standing(
            _pole(2),
            date(2010, 1, 1),
            PARAMS,
            contract=attrs.evolve(_contract(), start=date(9999, 1, 1), end=date(9999, 12, 31)),
        )


def test_a_pole_without_its_label_has_no_follow_up_and_is_asked_nothing_for_it() -> None:
    delabelled = LabelEvent(kind=LabelEventKind.DELABELLED, on=date(2009, 6, 1), source="s")
    for group in (2, 3):
        standing = pole_standing(_pole(group, delabelled), date(2009, 7, 1), PARAMS)
        follow = standing.checks[1]
        assert (standing.follow_up, follow.status) == (
            FollowUp.NOT_LABELLED,
            Status.NOT_APPLICABLE,
        )
        assert follow.missing == ()
        assert follow.reason.en == (
            "not holding its label on 2009-07-01: the evaluation's follow-up does not apply"
        )
        assert (standing.review_on, standing.probation_end) == (None, None)
    assert pole_standing(_pole(3, delabelled), date(2009, 7, 1), PARAMS).explain().splitlines()[
        0
    ] == ("Standing of pôle viameca on 2009-07-01: NOT labelled")


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
    with pytest.raises(
        InvalidInputError,
        match=r"^pole_standing: contract: 'cp-2009' binds pôle 'minalogic', not 'viameca'",
    ):
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


def _expected_follow_up(pole: Pole, on: date) -> FollowUp:  # noqa: PLR0911 - one per state
    """The follow-up as the module docstring states it, read from the default parameters."""
    if not pole.is_labelled_on(on):
        return FollowUp.NOT_LABELLED
    group = pole.evaluation_group_2008
    if group is None:
        # Only a labelling dates the first one: a history that starts with a confirmation
        # had a label before it, perhaps by 2008, so the group is asked for.
        first = pole.history[0]
        dated = first.kind is LabelEventKind.LABELLED and first.on.year >= 2009
        return FollowUp.NOT_EVALUATED if dated else FollowUp.GROUP_UNKNOWN
    if group is EvaluationGroup.GROUP_1:
        return FollowUp.NONE
    if group is EvaluationGroup.GROUP_2:
        # Contracts of this test start on 2009-01-01: 18 months later is 2010-07-01.
        return FollowUp.REVIEW_DUE if on >= date(2010, 7, 1) else FollowUp.REVIEW_AHEAD
    if on < date(2009, 1, 1):
        return FollowUp.NONE
    if on <= date(2009, 12, 31):
        return FollowUp.PROBATION
    kinds = [e.kind for e in pole.history if date(2009, 12, 31) < e.on <= on]
    renewed = LabelEventKind.LABELLED in kinds or LabelEventKind.CONFIRMED in kinds
    return FollowUp.CONFIRMED if renewed else FollowUp.AWAITING_DECISION


@given(pole=poles(), on=policy_dates())
def test_the_standing_follows_the_stated_reading(pole: Pole, on: date) -> None:
    standing = pole_standing(pole, on, PARAMS, contract=_contract(pole_id=pole.id))
    assert standing.labelled is pole.is_labelled_on(on)
    assert standing.follow_up is _expected_follow_up(pole, on)
    follow = standing.checks[1]
    asked = follow.missing
    assert asked == (
        (ASK_EVALUATION_GROUP,) if standing.follow_up is FollowUp.GROUP_UNKNOWN else ()
    )
    assert (follow.status is Status.UNKNOWN) is bool(asked)
    has_review = standing.follow_up in {FollowUp.REVIEW_AHEAD, FollowUp.REVIEW_DUE}
    assert standing.review_on == (date(2010, 7, 1) if has_review else None)
    on_probation = standing.follow_up in {
        FollowUp.PROBATION,
        FollowUp.AWAITING_DECISION,
        FollowUp.CONFIRMED,
    }
    assert standing.probation_end == (date(2009, 12, 31) if on_probation else None)
    head = standing.explain().splitlines()[0]
    assert head.endswith("NOT labelled" if not standing.labelled else standing.follow_up.label.en)


@given(pole=poles(), on=policy_dates(), name=st.text(min_size=1, max_size=5).filter(readable))
def test_the_correspondent_check_reads_the_pole(pole: Pole, on: date, name: str) -> None:
    with_one = attrs.evolve(pole, state_correspondent=StateCorrespondent(name=name, service="S"))
    assert pole_standing(with_one, on, PARAMS).checks[2].status is Status.MET
    without = attrs.evolve(pole, state_correspondent=None)
    assert pole_standing(without, on, PARAMS).checks[2].status is Status.UNKNOWN


def test_the_standing_as_json_carries_the_facts_to_ask_for() -> None:
    standing = pole_standing(_pole(2, correspondent=None), date(2010, 6, 1), PARAMS)
    data = standing.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert (data["group"], data["follow_up"], data["review_on"]) == (2, "review_undated", None)
    assert [f["path"] for f in data["missing"]] == ["contract.start", "pole.state_correspondent"]
