"""Whether a coordination committee meets regularly with its funders (GOV.2)."""

from __future__ import annotations

import json
from datetime import date, timedelta

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from poles_policy.boundary import validate_json
from poles_policy.boundary.contracts import CoordinationCommitteeModel
from poles_policy.exceptions import InvalidInputError, ParameterError
from poles_policy.explain import Status
from poles_policy.model.committees import CommitteeMember, CoordinationCommittee, Meeting
from poles_policy.parameters import default_parameters
from poles_policy.rules.committees import committee_regularity
from poles_policy.testing import coordination_committees

PARAMS = default_parameters()
START, END = date(2009, 1, 1), date(2011, 12, 31)
MEMBERS = (
    CommitteeMember(actor_id="pole", name="Association du pôle", funder=False),
    CommitteeMember(actor_id="prefet", name="Préfet de région", funder=True),
    CommitteeMember(actor_id="region", name="Région Rhône-Alpes", funder=True),
)


def _committee(
    *meetings: tuple[date, tuple[str, ...]],
    members: tuple[CommitteeMember, ...] = MEMBERS,
    planned: str | None = None,
) -> CoordinationCommittee:
    return CoordinationCommittee(
        pole_id="minalogic",
        members=members,
        meetings=tuple(Meeting(held_on=day, attendees=who) for day, who in meetings),
        planned=planned,
    )


EVERYONE = ("pole", "prefet", "region")


def test_meetings_every_six_months_with_every_funder_are_regular() -> None:
    days = [date(2009, 6, 30), date(2009, 12, 30), date(2010, 6, 30), date(2010, 12, 30)]
    days += [date(2011, 6, 30), date(2011, 12, 20)]
    answer = committee_regularity(_committee(*((d, EVERYONE) for d in days)), START, END, PARAMS)
    # 1 January -> 30 June is under six months; 20 -> 31 December 2011 too.
    assert answer.regular
    assert answer.meetings == 6
    assert [g.too_long for g in answer.gaps] == [False] * 7
    assert answer.checks[0].status is Status.MET
    assert [u.name for u in answer.checks[0].parameters] == ["gov.committee_max_gap_months"]


@pytest.mark.parametrize(
    ("second", "too_long"),
    [
        (date(2009, 8, 28), False),  # exactly six calendar months after 28 February
        (date(2009, 8, 29), True),  # one day more
    ],
)
def test_a_gap_is_too_long_beyond_six_calendar_months(second: date, too_long: bool) -> None:
    committee = _committee((date(2009, 2, 28), EVERYONE), (second, EVERYONE))
    answer = committee_regularity(committee, date(2009, 2, 28), second, PARAMS)
    assert [g.too_long for g in answer.gaps] == [too_long]
    assert answer.regular is not too_long


def test_six_months_from_a_month_end_are_clamped_to_the_month_end() -> None:
    # 31 August + 6 months is 28 February (2010 is not a leap year).
    committee = _committee((date(2009, 8, 31), EVERYONE), (date(2010, 2, 28), EVERYONE))
    answer = committee_regularity(committee, date(2009, 8, 31), date(2010, 2, 28), PARAMS)
    assert not answer.gaps[0].too_long
    later = _committee((date(2009, 8, 31), EVERYONE), (date(2010, 3, 1), EVERYONE))
    assert committee_regularity(later, date(2009, 8, 31), date(2010, 3, 1), PARAMS).gaps[0].too_long


def test_a_period_without_meetings_is_one_long_gap_and_no_funder_attended() -> None:
    answer = committee_regularity(_committee(), START, END, PARAMS)
    assert answer.meetings == 0
    assert [(g.start, g.end, g.too_long) for g in answer.gaps] == [(START, END, True)]
    assert answer.absent_funders == ("prefet", "region")
    assert not answer.regular


def test_a_funder_at_no_meeting_is_named() -> None:
    committee = _committee((date(2009, 6, 1), ("pole", "region")))
    answer = committee_regularity(committee, START, date(2009, 9, 30), PARAMS)
    funders = answer.checks[1]
    assert answer.absent_funders == ("prefet",)
    assert funders.status is Status.NOT_MET
    assert "Préfet de région" in funders.reason.en
    assert not answer.regular


def test_a_committee_without_funders_does_not_meet_with_them() -> None:
    committee = _committee((date(2009, 6, 1), ("pole",)), members=MEMBERS[:1])
    answer = committee_regularity(committee, START, date(2009, 9, 30), PARAMS)
    assert answer.checks[1].status is Status.NOT_MET
    assert "no funder" in answer.checks[1].reason.en


def test_meetings_outside_the_period_are_not_read() -> None:
    committee = _committee((date(2008, 12, 31), EVERYONE), (date(2012, 1, 1), EVERYONE))
    answer = committee_regularity(committee, START, END, PARAMS)
    assert answer.meetings == 0
    assert answer.absent_funders == ("prefet", "region")


def test_the_plan_is_reported_as_information() -> None:
    planned = _committee((date(2009, 7, 1), EVERYONE), planned="FREQ=MONTHLY;INTERVAL=6")
    answer = committee_regularity(planned, START, END, PARAMS)
    assert answer.planned == 6
    assert answer.checks[2].informative
    assert "6 meeting(s) planned" in answer.checks[2].reason.en
    assert committee_regularity(_committee(), START, END, PARAMS).planned is None


def test_an_end_before_the_start_is_refused() -> None:
    with pytest.raises(
        InvalidInputError,
        match=r"^committee_regularity: end: 2008-12-31 is before start 2009-01-01",
    ):
        committee_regularity(_committee(), START, date(2008, 12, 31), PARAMS)


def test_before_2009_the_longest_gap_has_no_value() -> None:
    with pytest.raises(ParameterError, match=r"gov\.committee_max_gap_months has no value"):
        committee_regularity(_committee(), date(2008, 1, 1), END, PARAMS)


def test_the_explanation_gives_the_answer_and_each_check_in_both_languages() -> None:
    committee = _committee((date(2009, 6, 1), ("pole", "region")))
    answer = committee_regularity(committee, START, date(2009, 9, 30), PARAMS)
    english = answer.explain()
    assert english.splitlines()[0] == (
        "Coordination committee of minalogic, 2009-01-01 – 2009-09-30: 1 meeting(s), "
        "NOT regular with the funders"
    )
    assert "[met] meets regularly — GOV.2:" in english
    assert "gov.committee_max_gap_months = 6" in english
    # "Comité" is singular: the verdict agrees with it, and the count with its noun.
    assert answer.explain("fr").splitlines()[0] == (
        "Comité de coordination de minalogic, 2009-01-01 – 2009-09-30 : 1 réunion, "
        "PAS régulier avec les financeurs"
    )


@given(committee=coordination_committees(start=START, end=END), extra=st.integers(0, 3 * 365))
def test_the_gaps_cover_the_period_and_another_meeting_never_makes_it_less_regular(
    committee: CoordinationCommittee, extra: int
) -> None:
    answer = committee_regularity(committee, START, END, PARAMS)
    assert sum(g.days for g in answer.gaps) == (END - START).days
    added = START + timedelta(days=extra)
    if added <= END and added not in {m.held_on for m in committee.meetings}:
        everyone = tuple(m.actor_id for m in committee.members)
        meetings = (*committee.meetings, Meeting(held_on=added, attendees=everyone))
        more = committee_regularity(attrs.evolve(committee, meetings=meetings), START, END, PARAMS)
        assert more.regular or not answer.regular


def test_the_regularity_as_json_keeps_its_gaps_and_checks() -> None:
    days = [date(2009, 6, 30), date(2010, 6, 30)]
    answer = committee_regularity(_committee(*((d, EVERYONE) for d in days)), START, END, PARAMS)
    data = answer.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["regular"] is answer.regular
    assert [(g["start"], g["end"], g["too_long"]) for g in data["gaps"]] == [
        (g.start.isoformat(), g.end.isoformat(), g.too_long) for g in answer.gaps
    ]
    assert [c["key"] for c in data["checks"]] == [c.key for c in answer.checks]


# --- meetings whose attendance was not recorded ---------------------------------------------


def test_meetings_without_attendees_leave_the_funders_check_unknown_and_ask_who_came() -> None:
    # No meeting is held by nobody: empty attendees are an attendance not recorded.
    committee = _committee((date(2009, 2, 1), ()), (date(2009, 5, 1), ()))
    answer = committee_regularity(committee, date(2009, 1, 1), date(2009, 6, 30), PARAMS)
    gaps, funders = answer.checks[0], answer.checks[1]
    assert (gaps.status, funders.status) == (Status.MET, Status.UNKNOWN)
    assert answer.regular is None
    assert answer.absent_funders == ("prefet", "region")
    assert [(f.path, f.question.en) for f in funders.missing] == [
        ("meetings.0.attendees", "Which members attended the meeting of 2009-02-01?"),
        ("meetings.1.attendees", "Which members attended the meeting of 2009-05-01?"),
    ]
    assert funders.reason.en == (
        "funder(s) at no meeting whose attendance is recorded: Préfet de région, Région "
        "Rhône-Alpes; attendance not recorded for the meeting(s) of 2009-02-01, 2009-05-01"
    )
    assert answer.explain().splitlines()[0] == (
        "Coordination committee of minalogic, 2009-01-01 – 2009-06-30: 2 meeting(s), "
        "regularity with the funders not known (attendance not recorded)"
    )
    assert "régularité avec les financeurs inconnue" in answer.explain("fr")
    assert "Quels membres ont assisté à la réunion du 2009-02-01 ?" in answer.explain("fr")


def test_the_meetings_asked_about_are_numbered_as_the_document_lists_them() -> None:
    # Listed newest first: the meeting of 2009-03-01 is the document's item 2.
    document = {
        "pole_id": "minalogic",
        "members": [{"actor_id": "prefet", "name": "Préfet de région", "funder": True}],
        "meetings": [{"held_on": day} for day in ("2009-12-01", "2009-06-15", "2009-03-01")],
    }
    committee = validate_json(CoordinationCommitteeModel, json.dumps(document)).to_domain()
    answer = committee_regularity(committee, date(2009, 1, 1), date(2009, 12, 31), PARAMS)
    assert [(f.path, f.question.en[-11:-1]) for f in answer.checks[1].missing] == [
        ("meetings.0.attendees", "2009-12-01"),
        ("meetings.1.attendees", "2009-06-15"),
        ("meetings.2.attendees", "2009-03-01"),
    ]
    assert answer.checks[0].status is Status.MET  # the gaps read the meetings by date


def test_a_funder_seen_at_a_recorded_meeting_needs_no_other_attendance() -> None:
    committee = _committee((date(2009, 2, 1), EVERYONE), (date(2009, 5, 1), ()))
    answer = committee_regularity(committee, date(2009, 1, 1), date(2009, 6, 30), PARAMS)
    assert answer.checks[1].status is Status.MET
    assert answer.checks[1].missing == ()
    assert answer.regular is True


def test_only_the_unrecorded_meetings_of_the_period_are_asked_for() -> None:
    # The meeting of 2008 is outside the period; the one of 2009-03-01 is recorded.
    committee = _committee(
        (date(2008, 12, 1), ()), (date(2009, 3, 1), ("pole",)), (date(2009, 6, 1), ())
    )
    answer = committee_regularity(committee, date(2009, 1, 1), date(2009, 6, 30), PARAMS)
    assert [f.path for f in answer.checks[1].missing] == ["meetings.2.attendees"]


def test_gaps_too_long_make_a_committee_irregular_whatever_the_attendance() -> None:
    committee = _committee((date(2009, 1, 15), ()), (date(2010, 1, 15), ()))
    answer = committee_regularity(committee, date(2009, 1, 1), date(2010, 1, 31), PARAMS)
    assert (answer.checks[0].status, answer.checks[1].status) == (Status.NOT_MET, Status.UNKNOWN)
    assert answer.regular is False


@given(committee=coordination_committees(start=START, end=END))
def test_regular_is_true_when_both_checks_are_met_false_when_one_fails_else_unknown(
    committee: CoordinationCommittee,
) -> None:
    answer = committee_regularity(committee, START, END, PARAMS)
    statuses = {answer.checks[0].status, answer.checks[1].status}
    if Status.NOT_MET in statuses:
        assert answer.regular is False
    elif statuses == {Status.MET}:
        assert answer.regular is True
    else:
        assert answer.regular is None
        assert answer.checks[1].missing
    unrecorded = [m for m in committee.meetings if START <= m.held_on <= END and not m.attendees]
    if answer.checks[1].status is Status.UNKNOWN:
        assert len(answer.checks[1].missing) == len(unrecorded)
