from __future__ import annotations

from datetime import date, timedelta

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from poles_policy.exceptions import InvalidInputError
from poles_policy.model.committees import CommitteeMember, CoordinationCommittee, Meeting

DAYS = st.dates(min_value=date(2005, 1, 1), max_value=date(2015, 12, 31))


def test_meetings_are_kept_in_the_order_given(committee: CoordinationCommittee) -> None:
    # As a document lists them, so that a fact asked about meetings.1 is the document's item 1.
    shuffled = attrs.evolve(committee, meetings=tuple(reversed(committee.meetings)))
    assert [m.held_on for m in shuffled.meetings] == [date(2010, 6, 21), date(2009, 12, 14)]


def test_funders_are_the_members_flagged_as_funders(committee: CoordinationCommittee) -> None:
    assert [m.actor_id for m in committee.funders] == ["prefet-82", "region-82"]


def test_two_meetings_on_the_same_day_are_refused(committee: CoordinationCommittee) -> None:
    with pytest.raises(
        InvalidInputError,
        match=r"CoordinationCommittee\.meetings: meeting date '2009-12-14' appears twice",
    ):
        attrs.evolve(committee, meetings=(*committee.meetings, Meeting(held_on=date(2009, 12, 14))))


def test_an_attendee_must_be_a_member(committee: CoordinationCommittee) -> None:
    with pytest.raises(
        InvalidInputError,
        match=r"CoordinationCommittee\.meetings: attendee 'stranger' .* 2011-01-10 .* not a member",
    ):
        attrs.evolve(
            committee,
            meetings=(Meeting(held_on=date(2011, 1, 10), attendees=("minalogic", "stranger")),),
        )


def test_a_member_is_listed_once(committee: CoordinationCommittee) -> None:
    with pytest.raises(
        InvalidInputError, match=r"CoordinationCommittee\.members: member 'minalogic' appears twice"
    ):
        attrs.evolve(committee, members=(*committee.members, committee.members[0]))


def test_an_attendee_is_counted_once() -> None:
    with pytest.raises(InvalidInputError, match=r"Meeting\.attendees: attendee 'a' appears twice"):
        Meeting(held_on=date(2010, 1, 1), attendees=("a", "a"))


def test_a_meeting_without_attendees_is_representable() -> None:
    assert Meeting(held_on=date(2010, 1, 1)).attendees == ()


def test_a_member_needs_an_actor_id() -> None:
    with pytest.raises(InvalidInputError, match=r"CommitteeMember\.actor_id: must not be empty"):
        CommitteeMember(actor_id="", name="x", funder=True)


def test_a_committee_that_never_met_is_representable() -> None:
    committee = CoordinationCommittee(pole_id="sporaltec")
    assert committee.meetings == ()
    assert committee.planned is None


# --- planned meetings (RFC 5545 RRULE) ------------------------------------------------------


def test_planned_dates_expand_from_the_anchor(committee: CoordinationCommittee) -> None:
    assert committee.planned_dates(date(2009, 7, 6), date(2011, 1, 6)) == (
        date(2009, 7, 6),
        date(2010, 1, 6),
        date(2010, 7, 6),
        date(2011, 1, 6),
    )


def test_planned_dates_include_both_ends(committee: CoordinationCommittee) -> None:
    assert committee.planned_dates(date(2009, 7, 6), date(2009, 7, 6)) == (date(2009, 7, 6),)


def test_planned_dates_accept_the_rrule_prefix_and_lower_case() -> None:
    committee = CoordinationCommittee(pole_id="p", planned="RRULE:freq=weekly;count=3")
    assert committee.planned_dates(date(2010, 1, 4), date(2010, 12, 31)) == (
        date(2010, 1, 4),
        date(2010, 1, 11),
        date(2010, 1, 18),
    )


def test_month_ends_are_written_with_a_negative_month_day() -> None:
    committee = CoordinationCommittee(pole_id="p", planned="FREQ=MONTHLY;BYMONTHDAY=-1")
    assert committee.planned_dates(date(2010, 1, 1), date(2010, 3, 31)) == (
        date(2010, 1, 31),
        date(2010, 2, 28),
        date(2010, 3, 31),
    )


def test_days_that_do_not_exist_are_skipped_as_rfc_5545_says() -> None:
    committee = CoordinationCommittee(pole_id="p", planned="FREQ=MONTHLY")
    assert committee.planned_dates(date(2010, 1, 31), date(2010, 4, 30)) == (
        date(2010, 1, 31),
        date(2010, 3, 31),
    )


def test_an_until_date_ends_the_plan() -> None:
    committee = CoordinationCommittee(pole_id="p", planned="FREQ=YEARLY;UNTIL=20111231")
    assert committee.planned_dates(date(2009, 3, 1), date(2015, 1, 1)) == (
        date(2009, 3, 1),
        date(2010, 3, 1),
        date(2011, 3, 1),
    )


def test_no_plan_is_unknown_not_empty() -> None:
    assert (
        CoordinationCommittee(pole_id="p").planned_dates(date(2009, 1, 1), date(2010, 1, 1)) is None
    )


def test_a_plan_with_no_date_in_the_window_is_empty() -> None:
    weekly_mondays = CoordinationCommittee(pole_id="p", planned="FREQ=WEEKLY;BYDAY=MO")
    assert weekly_mondays.planned_dates(date(2010, 1, 5), date(2010, 1, 9)) == ()


def test_an_inverted_window_is_refused(committee: CoordinationCommittee) -> None:
    with pytest.raises(InvalidInputError, match="end 2009-01-01 is before start 2009-02-01"):
        committee.planned_dates(date(2009, 2, 1), date(2009, 1, 1))


@pytest.mark.parametrize(
    ("rule", "why"),
    [
        ("FREQ=FORTNIGHTLY", "not a valid RFC 5545 RRULE"),
        ("FREQ=MONTHLY;FOO=1", "uses FOO; a plan of meetings uses BYDAY"),
        # Valid for dateutil, but they would never advance or never occur: expanding them
        # would loop for ever or scan every year up to 9999.
        ("FREQ=DAILY;INTERVAL=0", "INTERVAL=0; the interval is a whole number of at least 1"),
        ("FREQ=DAILY;INTERVAL=-1", "INTERVAL=-1"),
        # A plan of no meeting at all was accepted and counted "0 meeting(s) planned".
        ("FREQ=WEEKLY;COUNT=0", "COUNT=0: it never occurs"),
        ("FREQ=WEEKLY;COUNT=-1", "COUNT=-1; the count is a whole number of at least 1"),
        ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "BYMONTHDAY=30, a day no month of the rule has"),
        ("FREQ=MONTHLY;BYMONTH=4;BYMONTHDAY=-31", "BYMONTHDAY=-31"),
        ("FREQ=MONTHLY;BYDAY=6MO", "BYDAY=6MO: there is no such weekday in the period"),
        ("FREQ=MONTHLY;BYDAY=1MO;BYMONTHDAY=20", "an ordinal BYDAY with BYMONTHDAY"),
        ("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=6", "uses BYSETPOS"),
        ("FREQ=MONTHLY;FREQ=YEARLY", "gives FREQ twice"),
        ("every six months", "each part is NAME=VALUE"),
        ("", "not a single RRULE"),
        ("DTSTART:20090101\nRRULE:FREQ=MONTHLY", "not a single RRULE"),
        ("FREQ=HOURLY", "sets a time of day"),
        ("FREQ=DAILY;BYHOUR=9", "sets a time of day"),
        ("FREQ=MONTHLY;UNTIL=20111231T000000Z", "UTC UNTIL"),
    ],
)
def test_a_bad_plan_is_refused_at_construction(rule: str, why: str) -> None:
    with pytest.raises(InvalidInputError, match=r"CoordinationCommittee\.planned: ") as info:
        CoordinationCommittee(pole_id="p", planned=rule)
    assert why in str(info.value)
    assert repr(rule) in str(info.value)


@pytest.mark.parametrize(
    "rule",
    ["FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "FREQ=MONTHLY;BYDAY=-1FR", "FREQ=YEARLY;BYDAY=53MO"],
)
def test_a_rare_but_possible_plan_is_accepted(rule: str) -> None:
    committee = CoordinationCommittee(pole_id="p", planned=rule)
    assert committee.planned_dates(date(2009, 1, 1), date(2016, 12, 31))


@given(
    start=DAYS,
    span=st.integers(min_value=0, max_value=2000),
    interval=st.integers(min_value=1, max_value=12),
)
def test_planned_dates_lie_in_the_window_sorted_and_distinct(
    start: date, span: int, interval: int
) -> None:
    committee = CoordinationCommittee(pole_id="p", planned=f"FREQ=MONTHLY;INTERVAL={interval}")
    end = start + timedelta(days=span)
    dates = committee.planned_dates(start, end)
    assert dates is not None
    assert all(start <= d <= end for d in dates)
    assert list(dates) == sorted(set(dates))
    assert all(d.day == start.day for d in dates)
    if start.day <= 28:
        assert dates[0] == start
