"""Month arithmetic and calendar durations agree with dateutil's relativedelta, the reference."""

from __future__ import annotations

import calendar
from datetime import date

from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from poles_policy.dates import add_months, duration

days = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
# Month ends are where clamping happens: draw them often.
month_ends = st.builds(
    lambda year, month: date(year, month, calendar.monthrange(year, month)[1]),
    st.integers(1900, 2100),
    st.integers(1, 12),
)
anchors = days | month_ends


@given(anchor=anchors, months=st.integers(-1200, 1200))
def test_add_months_is_relativedelta_months(anchor: date, months: int) -> None:
    assert add_months(anchor, months) == anchor + relativedelta(months=months)


@given(start=anchors, end=anchors)
def test_months_and_days_are_relativedeltas_years_months_and_days(start: date, end: date) -> None:
    early, late = sorted((start, end))
    delta = relativedelta(late, early)
    expected = (delta.years * 12 + delta.months, delta.days)
    if end < start:
        expected = (-expected[0], -expected[1])
    assert duration(start, end).months_and_days == expected


@given(start=anchors, end=anchors)
def test_reading_months_and_days_leaves_the_duration_equal_to_a_fresh_one(
    start: date, end: date
) -> None:
    read, fresh = duration(start, end), duration(start, end)
    first = read.months_and_days
    assert read.months_and_days == first
    assert read == fresh
    assert hash(read) == hash(fresh)
    assert repr(read) == repr(fresh)
