"""
Regressions from the review of the standing, committee and platform rules.

1. A labelling history that starts with a confirmation does not date the
   pôle's first labelling (PHASE.1, GOV.1): its 2008 group is asked for.
2. A coordination committee with no meeting over a period of six months or
   more does not meet regularly (GOV.2).
3. State operating aid of 0.00 EUR without a year is not asked for when no
   year could change the check (STRUCT.1).

Every expectation below is worked out by hand in its comment.
"""

from __future__ import annotations

from datetime import date, timedelta

import attrs
import pytest
from hypothesis import assume, given, reject
from hypothesis import strategies as st

from poles_policy.exceptions import InvalidInputError
from poles_policy.explain import Decision, Outcome, Status
from poles_policy.model.committees import CommitteeMember, CoordinationCommittee, Meeting
from poles_policy.model.platforms import (
    CallForProjects,
    FinancingLine,
    FundingSource,
    InnovationPlatform,
    PlatformUser,
    UserKind,
)
from poles_policy.model.poles import (
    Category,
    LabelEvent,
    LabelEventKind,
    Pole,
    StateCorrespondent,
)
from poles_policy.parameters import default_parameters
from poles_policy.rules.committees import committee_regularity
from poles_policy.rules.platforms import ASK_OPERATING_AID_YEARS, platform_eligibility
from poles_policy.rules.standing import ASK_EVALUATION_GROUP, FollowUp, pole_standing
from poles_policy.testing import poles, policy_dates

PARAMS = default_parameters()

# -- 1. a history that starts with a confirmation -------------------------------------------------

CIADT_2010 = date(2010, 5, 11)


def _pole(*events: LabelEvent, group: int | None = None) -> Pole:
    return Pole(
        id="p",
        name="P",
        category=Category.NATIONAL,
        head_office_region="82",
        state_correspondent=StateCorrespondent(name="X", service="DRIRE"),
        evaluation_group_2008=group,
        history=events,
    )


def _event(kind: LabelEventKind, on: date) -> LabelEvent:
    return LabelEvent(kind=kind, on=on, source="CIADT")


def test_a_history_starting_with_a_confirmation_after_2008_asks_for_the_group() -> None:
    # Confirmed on 11 May 2010: the label came before, on a day not recorded, perhaps by 2008.
    pole = _pole(_event(LabelEventKind.CONFIRMED, CIADT_2010))
    standing = pole_standing(pole, date(2010, 6, 1), PARAMS)
    follow = standing.checks[1]
    assert standing.labelled
    assert standing.follow_up is FollowUp.GROUP_UNKNOWN
    assert follow.status is Status.UNKNOWN
    assert standing.missing == (ASK_EVALUATION_GROUP,)
    assert [fact.path for fact in standing.missing] == ["pole.evaluation_group_2008"]
    assert follow.reason.en == (
        "history starts with a confirmation on 2010-05-11: labelled before it, on a day not "
        "recorded, so possibly by 2008; its 2008 evaluation group is not known"
    )
    assert follow.reason.fr == (
        "historique commençant par une confirmation le 2010-05-11 : labellisé avant, à une date "
        "non enregistrée, donc peut-être dès 2008 ; son groupe de l'évaluation de 2008 est inconnu"
    )
    assert "2008 group not known" in standing.explain()
    assert "groupe 2008 inconnu" in standing.explain("fr")


def test_a_history_starting_with_a_confirmation_in_2008_was_labelled_by_2008() -> None:
    # Confirmed on 1 March 2008: labelled before it, so by 2008 for sure.
    pole = _pole(_event(LabelEventKind.CONFIRMED, date(2008, 3, 1)))
    standing = pole_standing(pole, date(2009, 6, 1), PARAMS)
    assert (standing.follow_up, standing.missing) == (
        FollowUp.GROUP_UNKNOWN,
        (ASK_EVALUATION_GROUP,),
    )
    assert standing.checks[1].reason.en == (
        "labelled by 2008, but its 2008 evaluation group is not known"
    )
    assert standing.checks[1].reason.fr == (
        "labellisé en 2008 au plus tard, mais son groupe de l'évaluation de 2008 est inconnu"
    )


@pytest.mark.parametrize(
    ("group", "follow_up"),
    [(1, FollowUp.NONE), (3, FollowUp.CONFIRMED)],
)
def test_the_group_asked_for_settles_the_follow_up_of_a_partial_history(
    group: int, follow_up: FollowUp
) -> None:
    # Group 3 on 1 June 2010: probation over on 31 December 2009, confirmed on 11 May 2010.
    pole = _pole(_event(LabelEventKind.CONFIRMED, CIADT_2010), group=group)
    standing = pole_standing(pole, date(2010, 6, 1), PARAMS)
    assert standing.follow_up is follow_up
    assert standing.missing == ()


def test_only_the_first_labelling_dates_the_pole_not_a_later_relabelling() -> None:
    # Labelled 2005, withdrawn 2007, labelled again 2010: first labelled in 2005, so evaluated.
    pole = _pole(
        _event(LabelEventKind.LABELLED, date(2005, 7, 12)),
        _event(LabelEventKind.DELABELLED, date(2007, 1, 10)),
        _event(LabelEventKind.LABELLED, CIADT_2010),
    )
    standing = pole_standing(pole, date(2010, 6, 1), PARAMS)
    assert (standing.follow_up, standing.missing) == (
        FollowUp.GROUP_UNKNOWN,
        (ASK_EVALUATION_GROUP,),
    )
    # A first labelling in 2010 still means the pôle was not evaluated, and nothing is asked.
    new = pole_standing(
        _pole(_event(LabelEventKind.LABELLED, CIADT_2010)), date(2010, 6, 1), PARAMS
    )
    assert (new.follow_up, new.missing, new.checks[1].status) == (
        FollowUp.NOT_EVALUATED,
        (),
        Status.NOT_APPLICABLE,
    )


@given(pole=poles(), on=policy_dates())
def test_a_partial_history_never_reads_as_not_evaluated(pole: Pole, on: date) -> None:
    # Drop the labelling of generated histories that go on with a confirmation.
    assume(len(pole.history) > 1 and pole.history[1].kind is LabelEventKind.CONFIRMED)
    try:
        partial = attrs.evolve(pole, history=pole.history[1:], evaluation_group_2008=None)
    except InvalidInputError:  # a region code not in force on the confirmation's day
        reject()
    standing = pole_standing(partial, on, PARAMS)
    if standing.labelled:
        assert standing.follow_up is FollowUp.GROUP_UNKNOWN
        assert standing.checks[1].missing == (ASK_EVALUATION_GROUP,)
        assert standing.checks[1].status is Status.UNKNOWN
    else:
        assert standing.follow_up is FollowUp.NOT_LABELLED


# -- 2. a committee without any meeting -----------------------------------------------------------

FUNDER = CommitteeMember(actor_id="etat", name="Etat", funder=True)


def _committee(*days: date) -> CoordinationCommittee:
    return CoordinationCommittee(
        pole_id="p",
        members=(FUNDER,),
        meetings=tuple(Meeting(held_on=day, attendees=("etat",)) for day in days),
    )


def test_six_months_without_any_meeting_are_not_regular() -> None:
    # 1 January - 30 June 2009, both included, is six calendar months: 1 January + 6 months is
    # 1 July, the day after the end.
    answer = committee_regularity(_committee(), date(2009, 1, 1), date(2009, 6, 30), PARAMS)
    gaps = answer.checks[0]
    assert answer.meetings == 0
    assert [(g.start, g.end, g.days, g.too_long) for g in answer.gaps] == [
        (date(2009, 1, 1), date(2009, 6, 30), 180, True)
    ]
    assert gaps.status is Status.NOT_MET
    assert gaps.reason.en == (
        "no meeting in 2009-01-01 – 2009-06-30: the whole period, 6 months or more, without one"
    )
    assert gaps.reason.fr == (
        "aucune réunion sur 2009-01-01 – 2009-06-30 : toute la période, 6 mois ou plus, "
        "sans réunion"
    )
    assert answer.checks[1].status is Status.NOT_MET  # the funder attended no meeting
    assert answer.regular is False
    assert answer.explain().splitlines()[0] == (
        "Coordination committee of p, 2009-01-01 – 2009-06-30: 0 meeting(s), "
        "NOT regular with the funders"
    )
    assert "[NOT MET] meets regularly — GOV.2: no meeting in" in answer.explain()


def test_a_period_shorter_than_six_months_without_a_meeting_meets_the_gaps_check() -> None:
    # 1 January - 29 June 2009 is one day short of six months: no stretch is yet too long, and
    # no fact could change that; but no funder attended a meeting, so it is not regular.
    answer = committee_regularity(_committee(), date(2009, 1, 1), date(2009, 6, 29), PARAMS)
    gaps = answer.checks[0]
    assert (gaps.status, gaps.missing) == (Status.MET, ())
    assert answer.gaps[0].too_long is False
    assert gaps.reason.en == (
        "no meeting in 2009-01-01 – 2009-06-29, a period shorter than 6 months: "
        "not yet 6 months without one"
    )
    assert gaps.reason.fr == (
        "aucune réunion sur 2009-01-01 – 2009-06-29, période de moins de 6 mois : "
        "pas encore 6 mois sans réunion"
    )
    assert answer.checks[1].status is Status.NOT_MET
    assert answer.regular is False


@pytest.mark.parametrize(
    ("end", "status"),
    [
        # 31 August 2009 + 6 months is 28 February 2010 (clamped): 27 February is the day before.
        (date(2010, 2, 27), Status.NOT_MET),
        (date(2010, 2, 26), Status.MET),
    ],
)
def test_six_months_without_a_meeting_are_counted_with_clamped_month_ends(
    end: date, status: Status
) -> None:
    answer = committee_regularity(_committee(), date(2009, 8, 31), end, PARAMS)
    assert answer.checks[0].status is status


def test_a_reform_of_the_longest_gap_applies_to_a_period_without_meetings() -> None:
    # Three months: 1 January - 31 March 2009 reaches them.
    reform = PARAMS.override("gov.committee_max_gap_months", 3)
    answer = committee_regularity(_committee(), date(2009, 1, 1), date(2009, 3, 31), reform)
    assert answer.checks[0].status is Status.NOT_MET
    assert answer.checks[0].reason.en.endswith("the whole period, 3 months or more, without one")


def test_one_meeting_ending_the_first_six_months_keeps_the_period_regular() -> None:
    # The first stretch ends with a meeting on 30 June: on time, and the funder attended.
    answer = committee_regularity(
        _committee(date(2009, 6, 30)), date(2009, 1, 1), date(2009, 6, 30), PARAMS
    )
    assert answer.checks[0].status is Status.MET
    assert answer.checks[0].reason.en == (
        "1 meeting(s) in 2009-01-01 – 2009-06-30; never more than 6 months without one"
    )
    assert answer.regular is True


@given(
    start=policy_dates(min_value=date(2009, 1, 1), max_value=date(2011, 12, 31)),
    length=st.integers(min_value=0, max_value=400),
    meeting=st.none() | st.integers(min_value=0, max_value=400),
)
def test_the_regular_flag_agrees_with_the_checks(
    start: date, length: int, meeting: int | None
) -> None:
    end = start + timedelta(days=length)
    days = () if meeting is None or meeting > length else (start + timedelta(days=meeting),)
    answer = committee_regularity(_committee(*days), start, end, PARAMS)
    gaps, funders = answer.checks[0], answer.checks[1]
    assert answer.regular is (gaps.status is Status.MET and funders.status is Status.MET)
    assert (gaps.status is Status.NOT_MET) is any(g.too_long for g in answer.gaps)
    if not days:
        assert not answer.regular
        # 1 January + 6 months is 1 July: every period of 181 days or more from 1 January fails.
        six_months_on = date(start.year + (start.month + 5) // 12, (start.month + 5) % 12 + 1, 1)
        if start.day == 1:
            assert (gaps.status is Status.NOT_MET) is (end >= six_months_on - timedelta(days=1))


# -- 3. State operating aid of 0.00 EUR without a year --------------------------------------------

OPERATING = FundingSource.STATE_FCE_OPERATING
AXELERA = _pole(_event(LabelEventKind.LABELLED, date(2005, 7, 12)))
CALL = CallForProjects(id="pfi", name="PFI", opens_on=date(2009, 3, 1), closes_on=date(2009, 6, 30))


def _aid(*lines: tuple[int | None, str]) -> tuple[FinancingLine, ...]:
    return tuple(
        FinancingLine(source=OPERATING, year=year, amount=amount) for year, amount in lines
    )


def _decide(*aid: tuple[int | None, str]) -> Decision:
    """A platform with *aid* and 2 000.00 EUR from partners, its budget balanced to the plan."""
    lines = (*_aid(*aid), FinancingLine(source=FundingSource.PARTNERS, amount="2000"))
    platform = InnovationPlatform(
        id="pf",
        name="PF",
        carrying_pole_ids=("p",),
        open_access=True,
        submitted_on=date(2009, 5, 1),
        users=(
            PlatformUser(name="s", kind=UserKind.SME),
            PlatformUser(name="l", kind=UserKind.LABORATORY),
        ),
        investment_budget="0",
        operating_budget=sum(line.amount for line in lines),
        financing=lines,
    )
    return platform_eligibility(platform, CALL, PARAMS, poles=[AXELERA])


def test_undated_operating_aid_of_nothing_is_not_asked_for() -> None:
    # 300.00 for 2009 and 0.00 without a year: whatever its year, the aid is 300.00 in 2009.
    decision = _decide((2009, "300"), (None, "0"))
    check = decision.check("struct.operating_aid")
    assert decision.outcome is Outcome.ELIGIBLE
    assert (check.status, decision.missing) == (Status.MET, ())
    assert check.reason.en == (
        "2009: 300.00 EUR: decreasing, over 1 calendar year(s), 2009–2009; at most 3 allowed; "
        "0.00 EUR without a year: no aid, whatever its year"
    )
    assert check.reason.fr == (
        "2009 : 300,00 € : dégressive, sur 1 année civile, 2009–2009 ; 3 au plus ; "
        "0,00 € sans année : aucune aide, quelle que soit son année"
    )


@pytest.mark.parametrize(
    "aid",
    [((None, "0"),), ((None, "0"), (None, "0.00")), ((2009, "0"), (2010, "0"))],
    ids=["one-undated", "two-undated", "dated-zeros"],
)
def test_operating_aid_lines_that_total_nothing_are_no_aid(
    aid: tuple[tuple[int | None, str], ...],
) -> None:
    decision = _decide(*aid)
    check = decision.check("struct.operating_aid")
    assert (decision.outcome, check.status, check.missing) == (Outcome.ELIGIBLE, Status.MET, ())
    assert (
        check.reason.en == "the operating aid lines total 0.00 EUR: no aid to decrease or to limit"
    )
    assert check.reason.fr == (
        "les lignes d'aide de fonctionnement totalisent 0,00 € : aucune aide à rendre "
        "dégressive ni à limiter"
    )


def test_a_year_the_plan_skips_is_a_year_without_aid_as_one_it_lists_at_zero() -> None:
    # 400.00 in 2009, 200.00 in 2011: none in 2010, listed or not, and the aid rises again. The
    # 0.00 without a year changes nothing, whatever its year.
    skipped = _decide((2009, "400"), (2011, "200"), (None, "0")).check("struct.operating_aid")
    listed = _decide((2009, "400"), (2010, "0"), (2011, "200")).check("struct.operating_aid")
    assert skipped.status is listed.status is Status.NOT_MET
    assert skipped.missing == listed.missing == ()
    assert listed.reason.en.startswith(
        "2009: 400.00 EUR, 2010: 0.00 EUR, 2011: 200.00 EUR: NOT decreasing (2011 is not below "
        "2010)"
    )
    assert (
        skipped.reason.en
        == f"{listed.reason.en}; 0.00 EUR without a year: no aid, whatever its year"
    )


@pytest.mark.parametrize(
    "aid",
    [
        ((2009, "100"), (2010, "200"), (None, "0")),  # rising
        ((2009, "400"), (2010, "300"), (2011, "200"), (2012, "100"), (None, "0")),  # four years
        ((2009, "100"), (2011, "200"), (None, "0")),  # rising, with a skipped year
    ],
    ids=["rising", "too-long", "rising-with-a-gap"],
)
def test_undated_aid_of_nothing_never_repairs_a_failed_schedule(
    aid: tuple[tuple[int | None, str], ...],
) -> None:
    check = _decide(*aid).check("struct.operating_aid")
    assert (check.status, check.missing) == (Status.NOT_MET, ())


def test_one_cent_of_undated_aid_is_still_asked_for() -> None:
    # Dated 2010, 0.01 keeps the aid decreasing; dated 2008, the aid would rise to 2009.
    check = _decide((2009, "300"), (None, "0.01")).check("struct.operating_aid")
    assert (check.status, check.missing) == (Status.UNKNOWN, (ASK_OPERATING_AID_YEARS,))
    assert check.reason.en == (
        "0.01 EUR of operating aid without a year; by year: 2009: 300.00 EUR"
    )


@given(
    amounts=st.lists(st.integers(min_value=0, max_value=1000), min_size=0, max_size=4),
    zeros=st.integers(min_value=1, max_value=3),
)
def test_undated_zeros_beside_consecutive_years_change_no_status(
    amounts: list[int], zeros: int
) -> None:
    # Consecutive years from 2009 leave no year between two listed ones for the zeros to take.
    dated = tuple((2009 + i, str(amount)) for i, amount in enumerate(amounts))
    alone = _decide(*dated)
    with_zeros = _decide(*dated, *((None, "0"),) * zeros)
    assert with_zeros.outcome is alone.outcome
    assert with_zeros.check("struct.operating_aid").status is (
        alone.check("struct.operating_aid").status
    )
    assert with_zeros.missing == alone.missing
