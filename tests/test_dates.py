from __future__ import annotations

import calendar
import decimal
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from poles_policy.dates import (
    HOLIDAY_YEARS,
    Duration,
    act360,
    add_business_days,
    add_months,
    business_days_between,
    duration,
    french_holidays,
    is_business_day,
    is_holiday,
    month_schedule,
    parse_iso_date,
    roll_forward,
)
from poles_policy.exceptions import InvalidInputError

ONE_DAY = timedelta(days=1)
SOLIDARITY_YEARS = (2005, 2006, 2007)
WHIT_MONDAYS_2005_2007 = {date(2005, 5, 16), date(2006, 6, 5), date(2007, 5, 28)}

# Days whose business-day neighbourhood stays inside the supported years 1990-2060.
calendar_days = st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 20))


def day_by_day_count(start: date, end: date, *, alsace_moselle: bool = False) -> int:
    """Business days in (start, end], walking the calendar: the slow, obvious oracle."""
    count, day = 0, start
    while day < end:
        day += ONE_DAY
        count += is_business_day(day, alsace_moselle=alsace_moselle)
    return count


# --- months ----------------------------------------------------------------------------------


def test_31_january_plus_one_month_is_28_february_in_2009() -> None:
    assert add_months(date(2009, 1, 31), 1) == date(2009, 2, 28)


@pytest.mark.parametrize("year", [2008, 2012])
def test_31_january_plus_one_month_is_29_february_in_a_leap_year(year: int) -> None:
    assert add_months(date(year, 1, 31), 1) == date(year, 2, 29)


def test_29_february_2008_plus_12_months_is_28_february_2009() -> None:
    assert add_months(date(2008, 2, 29), 12) == date(2009, 2, 28)


def test_negative_months_go_back_and_clamp_too() -> None:
    assert add_months(date(2009, 3, 31), -1) == date(2009, 2, 28)


def test_chained_months_lose_the_day_but_the_anchor_keeps_it() -> None:
    anchor = date(2009, 1, 31)
    assert add_months(add_months(anchor, 1), 1) == date(2009, 3, 28)
    assert add_months(anchor, 2) == date(2009, 3, 31)
    assert month_schedule(anchor, 4) == (
        date(2009, 1, 31),
        date(2009, 2, 28),
        date(2009, 3, 31),
        date(2009, 4, 30),
    )


def test_month_schedule_every_three_months_and_backwards() -> None:
    assert month_schedule(date(2009, 11, 30), 3, step=3) == (
        date(2009, 11, 30),
        date(2010, 2, 28),
        date(2010, 5, 30),
    )
    assert month_schedule(date(2009, 3, 31), 2, step=-1) == (date(2009, 3, 31), date(2009, 2, 28))
    assert month_schedule(date(2009, 3, 31), 0) == ()


@pytest.mark.parametrize(("count", "step"), [(-1, 1), (3, 0)])
def test_month_schedule_refuses_a_negative_count_or_a_zero_step(count: int, step: int) -> None:
    with pytest.raises(InvalidInputError, match=r"^(count|step): "):
        month_schedule(date(2009, 1, 31), count, step)


@given(
    anchor=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    count=st.integers(min_value=0, max_value=40),
    step=st.integers(min_value=-12, max_value=12).filter(bool),
)
def test_each_scheduled_date_keeps_the_anchor_day_or_is_the_last_day_of_its_month(
    anchor: date, count: int, step: int
) -> None:
    schedule = month_schedule(anchor, count, step)
    assert len(schedule) == count
    for k, day in enumerate(schedule):
        months_from_anchor = (day.year - anchor.year) * 12 + day.month - anchor.month
        assert months_from_anchor == k * step
        last_day = calendar.monthrange(day.year, day.month)[1]
        assert day.day == min(anchor.day, last_day)


# --- durations -------------------------------------------------------------------------------


def test_31_january_to_1_march_2009_is_29_days_1_month_1_day_and_1_0_month() -> None:
    # Days: 31 Jan -> 28 Feb is 28 days, +1 to 1 Mar = 29.
    # Calendar: 31 Jan + 1 month = 28 Feb (clamped), + 1 day = 1 Mar.
    # Decimal: 29 x 12 / 365.25 = 348 / 365.25 = 0.9528... -> 1.0.
    d = duration(date(2009, 1, 31), date(2009, 3, 1))
    assert d.days == 29
    assert d.months_and_days == (1, 1)
    assert d.decimal_months == Decimal("1.0")


def test_31_december_2011_to_1_march_2012_crosses_29_february() -> None:
    # Days: 31 (Jan) + 29 (Feb 2012) + 1 = 61.
    # Calendar: 31 Dec + 2 months = 29 Feb 2012 (clamped), + 1 day = 1 Mar.
    # Decimal: 61 x 12 / 365.25 = 732 / 365.25 = 2.0041... -> 2.0.
    d = duration(date(2011, 12, 31), date(2012, 3, 1))
    assert (d.days, d.months_and_days, d.decimal_months) == (61, (2, 1), Decimal("2.0"))


def test_years_are_folded_into_months() -> None:
    # 29 Feb 2012 + 1 year = 28 Feb 2013 (clamped); 365 days; 365 x 12 / 365.25 = 11.9918 -> 12.0.
    d = duration(date(2012, 2, 29), date(2013, 2, 28))
    assert (d.days, d.months_and_days, d.decimal_months) == (365, (12, 0), Decimal("12.0"))


def test_no_day_count_is_exactly_half_a_tenth_so_the_nearest_cases_round_to_nearest() -> None:
    # days x 12 / 365.25 = days x 48 / 1461: in tenths, days x 480 / 1461. A half tenth
    # needs 960 x days = 1461 x (an odd number): even = odd, impossible. The closest cases
    # are residues 729 and 732 of 480 x days modulo 1461 (the gcd is 3):
    # 35 days:  420 / 365.25 = 1.149897...  (365.25 x 1.15 = 420.0375 > 420) -> 1.1
    # 452 days: 5424 / 365.25 = 14.850102... (365.25 x 14.85 = 5423.9625 < 5424) -> 14.9
    start = date(2009, 1, 1)
    assert duration(start, start + timedelta(days=35)).decimal_months == Decimal("1.1")
    assert duration(start, start + timedelta(days=452)).decimal_months == Decimal("14.9")
    assert duration(start, start - timedelta(days=452)).decimal_months == Decimal("-14.9")


@given(days=st.integers(min_value=-40_000, max_value=40_000))
def test_decimal_months_is_the_exact_quotient_rounded_half_up(days: int) -> None:
    start = date(2000, 1, 1)
    exact = Fraction(days * 12) / Fraction("365.25")
    expected = (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP
    )
    assert duration(start, start + timedelta(days=days)).decimal_months == expected


@given(
    start=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    end=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
)
def test_a_negative_duration_is_the_negation_of_the_reversed_one(start: date, end: date) -> None:
    forward, backward = duration(start, end), duration(end, start)
    assert backward.days == -forward.days
    assert backward.months_and_days == (-forward.months_and_days[0], -forward.months_and_days[1])
    assert backward.decimal_months == -forward.decimal_months


@given(
    start=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    end=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
)
def test_calendar_months_and_days_lead_from_start_to_end(start: date, end: date) -> None:
    early, late = sorted((start, end))
    months, days = duration(early, late).months_and_days
    assert months >= 0
    assert 0 <= days <= 30
    assert early + relativedelta(months=months) + timedelta(days=days) == late


def test_describe_reads_months_days_and_decimal_months_in_english_and_french() -> None:
    # 1 Jan -> 1 Aug 2009 is 212 days (31+28+31+30+31+30+31), + 3 = 215 days;
    # 7 months 3 days; 215 x 12 / 365.25 = 7.0637 -> 7.1.
    d = duration(date(2009, 1, 1), date(2009, 8, 4))
    assert d.describe() == "7 months 3 days (215 days, 7.1 months)"
    assert d.describe("fr") == "7 mois 3 jours (215 jours, 7,1 mois)"


def test_describe_uses_the_singular_for_one_and_french_singular_below_two() -> None:
    d = duration(date(2009, 1, 31), date(2009, 3, 1))
    assert d.describe("en") == "1 month 1 day (29 days, 1.0 months)"
    assert d.describe("fr") == "1 mois 1 jour (29 jours, 1,0 mois)"
    same_day = duration(date(2009, 1, 1), date(2009, 1, 1))
    assert same_day.describe("en") == "0 months 0 days (0 days, 0.0 months)"
    assert same_day.describe("fr") == "0 mois 0 jour (0 jour, 0,0 mois)"


def test_describe_carries_the_sign_of_a_negative_duration() -> None:
    d = duration(date(2009, 8, 4), date(2009, 1, 1))
    assert d.describe() == "-7 months -3 days (-215 days, -7.1 months)"
    assert d.describe("fr") == "-7 mois -3 jours (-215 jours, -7,1 mois)"


def test_describe_refuses_an_unknown_language() -> None:
    with pytest.raises(InvalidInputError, match=r"^lang must be 'en' or 'fr', not 'de'$"):
        duration(date(2009, 1, 1), date(2009, 2, 1)).describe("de")  # type: ignore[arg-type]


def test_a_duration_refuses_a_datetime() -> None:
    with pytest.raises(InvalidInputError, match=r"^end: datetime\.datetime\(2009, 2, 1"):
        Duration(start=date(2009, 1, 1), end=datetime(2009, 2, 1, 12))  # noqa: DTZ001


# --- ACT/360 ---------------------------------------------------------------------------------


def test_act360_of_the_year_2009_is_365_over_360() -> None:
    fraction = act360(date(2009, 1, 1), date(2010, 1, 1))
    assert fraction == Decimal(365) / Decimal(360)
    assert fraction > 1


def test_act360_counts_the_start_day_and_not_the_end_day() -> None:
    assert act360(date(2009, 1, 1), date(2009, 1, 2)) * 360 == 1
    assert act360(date(2009, 1, 1), date(2009, 1, 1)) == 0


def test_act360_is_exact_for_a_multiple_of_nine_days_and_not_rounded_otherwise() -> None:
    assert act360(date(2009, 1, 1), date(2009, 1, 19)) == Decimal("0.05")
    # 1/360 = 0.002777...: 28 significant digits, not cut to a few decimals.
    assert str(act360(date(2009, 1, 1), date(2009, 1, 2))) == "0.002777777777777777777777777778"


def test_act360_ignores_the_callers_decimal_precision() -> None:
    with decimal.localcontext() as context:
        context.prec = 3
        fraction = act360(date(2009, 1, 1), date(2010, 1, 1))
    assert fraction == Decimal("1.013888888888888888888888889")


def test_act360_is_negative_when_the_end_precedes_the_start() -> None:
    assert act360(date(2009, 1, 19), date(2009, 1, 1)) == Decimal("-0.05")


# --- public holidays -------------------------------------------------------------------------


def test_the_eleven_national_holidays_of_2009() -> None:
    # Easter 2009 is 12 April: Easter Monday 13 April, Ascension (+39) 21 May,
    # Whit Monday (+50) 1 June.
    assert french_holidays(2009) == {
        date(2009, 1, 1): "Jour de l'an",
        date(2009, 4, 13): "Lundi de Pâques",
        date(2009, 5, 1): "Fête du Travail",
        date(2009, 5, 8): "Victoire 1945",
        date(2009, 5, 21): "Ascension",
        date(2009, 6, 1): "Lundi de Pentecôte",
        date(2009, 7, 14): "Fête nationale",
        date(2009, 8, 15): "Assomption",
        date(2009, 11, 1): "Toussaint",
        date(2009, 11, 11): "Armistice 1918",
        date(2009, 12, 25): "Noël",
    }


def test_the_holidays_are_listed_in_date_order() -> None:
    days = list(french_holidays(2009, alsace_moselle=True))
    assert days == sorted(days)


def test_alsace_moselle_adds_good_friday_and_26_december() -> None:
    national = french_holidays(2009)
    local = french_holidays(2009, alsace_moselle=True)
    assert {day: local[day] for day in local.keys() - national.keys()} == {
        date(2009, 4, 10): "Vendredi saint",
        date(2009, 12, 26): "Saint-Étienne",
    }
    assert local.items() >= national.items()


def test_1_may_2008_is_both_labour_day_and_ascension_in_one_entry() -> None:
    # Easter 2008 is 23 March; + 39 days = 1 May.
    holidays_2008 = french_holidays(2008)
    assert holidays_2008[date(2008, 5, 1)] == "Fête du Travail / Ascension"
    assert len(holidays_2008) == 10


def test_8_may_1997_is_both_victory_day_and_ascension() -> None:
    # Easter 1997 is 30 March; + 39 days = 8 May.
    assert french_holidays(1997)[date(1997, 5, 8)] == "Victoire 1945 / Ascension"


@pytest.mark.parametrize("year", HOLIDAY_YEARS)
def test_every_year_names_the_eleven_national_and_thirteen_local_holidays(year: int) -> None:
    for alsace_moselle, expected in ((False, 11), (True, 13)):
        names = french_holidays(year, alsace_moselle=alsace_moselle).values()
        assert sum(len(name.split(" / ")) for name in names) == expected


@pytest.mark.parametrize("year", SOLIDARITY_YEARS)
def test_whit_monday_2005_to_2007_is_a_holiday_by_default(year: int) -> None:
    assert "Lundi de Pentecôte" in french_holidays(year).values()


@pytest.mark.parametrize("year", SOLIDARITY_YEARS)
def test_a_worked_solidarity_day_drops_whit_monday_in_2005_to_2007(year: int) -> None:
    for alsace_moselle in (False, True):
        default = french_holidays(year, alsace_moselle=alsace_moselle)
        worked = french_holidays(year, alsace_moselle=alsace_moselle, solidarity_day_worked=True)
        assert default.keys() - worked.keys() == {
            day for day, name in default.items() if name == "Lundi de Pentecôte"
        }
        assert len(default) - len(worked) == 1


@pytest.mark.parametrize("year", [2004, 2008, 2009])
def test_a_worked_solidarity_day_changes_nothing_outside_2005_to_2007(year: int) -> None:
    assert french_holidays(year, solidarity_day_worked=True) == french_holidays(year)


def test_the_holiday_dict_is_a_fresh_copy_each_time() -> None:
    holidays_2009 = french_holidays(2009)
    holidays_2009.clear()
    assert len(french_holidays(2009)) == 11
    assert is_holiday(date(2009, 1, 1))


@pytest.mark.parametrize("year", [1989, 2061])
def test_holidays_are_refused_outside_1990_to_2060(year: int) -> None:
    with pytest.raises(InvalidInputError, match=rf"^year: {year} .*\(1990-2060\)"):
        french_holidays(year)
    with pytest.raises(InvalidInputError, match=r"1990-2060"):
        is_holiday(date(year, 6, 15))


def test_is_holiday_follows_the_chosen_calendar() -> None:
    assert is_holiday(date(2009, 6, 1))
    assert not is_holiday(date(2009, 4, 10))
    assert is_holiday(date(2009, 4, 10), alsace_moselle=True)
    # The default calendar keeps Whit Monday in the solidarity-day years.
    assert is_holiday(date(2006, 6, 5))


@pytest.mark.holidays_xcheck
def test_national_calendar_matches_the_holidays_package_except_whit_monday_2005_2007() -> None:
    import holidays

    reference = holidays.country_holidays("FR", years=HOLIDAY_YEARS)
    ours = {day for year in HOLIDAY_YEARS for day in french_holidays(year)}
    # The package drops Whit Monday in 2005-2007 (the default solidarity day) and in no
    # other year; our default calendar keeps it (see the module docstring).
    assert ours - set(reference) == WHIT_MONDAYS_2005_2007
    assert set(reference) - ours == set()


@pytest.mark.holidays_xcheck
@pytest.mark.parametrize("subdivision", ["57", "6AE"])  # Moselle, Alsace
def test_alsace_moselle_calendar_matches_the_holidays_package_except_whit_monday_2005_2007(
    subdivision: str,
) -> None:
    import holidays

    reference = holidays.country_holidays("FR", years=HOLIDAY_YEARS, subdiv=subdivision)
    ours = {day for year in HOLIDAY_YEARS for day in french_holidays(year, alsace_moselle=True)}
    assert ours - set(reference) == WHIT_MONDAYS_2005_2007
    assert set(reference) - ours == set()


@pytest.mark.holidays_xcheck
@pytest.mark.parametrize("subdivision", [None, "57", "6AE"])
def test_a_worked_solidarity_day_matches_the_holidays_package_exactly(
    subdivision: str | None,
) -> None:
    import holidays

    reference = holidays.country_holidays("FR", years=HOLIDAY_YEARS, subdiv=subdivision)
    ours = {
        day
        for year in HOLIDAY_YEARS
        for day in french_holidays(
            year, alsace_moselle=subdivision is not None, solidarity_day_worked=True
        )
    }
    assert ours == set(reference)


# --- business days ---------------------------------------------------------------------------


def test_may_2009_has_18_business_days() -> None:
    # 31 days from Friday 1 May: 4 whole weeks (20 weekdays) + Fri 29 = 21 weekdays
    # (Sat 30, Sun 31 are not). Holidays on weekdays: Fri 1 May, Fri 8 May, Thu 21 May
    # (Ascension). 21 - 3 = 18.
    assert business_days_between(date(2009, 4, 30), date(2009, 5, 31)) == 18
    assert business_days_between(date(2009, 4, 30), date(2009, 5, 31), alsace_moselle=True) == 18


def test_april_2009_has_one_business_day_less_in_alsace_moselle() -> None:
    # 30 days from Wednesday 1 April: 4 whole weeks (20) + Wed 29, Thu 30 = 22 weekdays.
    # Easter Monday 13 April -> 21; Good Friday 10 April in Alsace-Moselle -> 20.
    assert business_days_between(date(2009, 3, 31), date(2009, 4, 30)) == 21
    assert business_days_between(date(2009, 3, 31), date(2009, 4, 30), alsace_moselle=True) == 20


def test_the_start_is_excluded_and_the_end_included() -> None:
    friday, saturday, monday = date(2009, 6, 5), date(2009, 6, 6), date(2009, 6, 8)
    assert business_days_between(friday, friday) == 0
    assert business_days_between(friday, saturday) == 0
    assert business_days_between(friday, monday) == 1
    assert business_days_between(saturday, monday) == 1


def test_counting_backwards_is_negative_and_counts_the_day_arrived_at() -> None:
    friday, saturday, monday = date(2009, 6, 5), date(2009, 6, 6), date(2009, 6, 8)
    assert business_days_between(monday, friday) == -1
    assert business_days_between(saturday, friday) == -1
    assert business_days_between(date(2009, 5, 31), date(2009, 4, 30)) == -19


def test_one_business_day_after_30_april_2009_is_monday_4_may() -> None:
    assert add_business_days(date(2009, 4, 30), 1) == date(2009, 5, 4)


def test_one_business_day_after_friday_29_may_2009_skips_whit_monday() -> None:
    assert add_business_days(date(2009, 5, 29), 1) == date(2009, 6, 2)


def test_zero_business_days_returns_the_start_even_on_a_saturday() -> None:
    assert add_business_days(date(2009, 5, 30), 0) == date(2009, 5, 30)


def test_five_business_days_from_a_weekend_land_on_a_business_day_both_ways() -> None:
    assert add_business_days(date(2009, 6, 6), 5) == date(2009, 6, 12)
    # Back from Sunday 7 June: Fri 5, Thu 4, Wed 3, Tue 2, (Whit Monday 1 June), Fri 29 May.
    assert add_business_days(date(2009, 6, 7), -5) == date(2009, 5, 29)


def test_one_business_day_before_monday_4_may_2009_is_thursday_30_april() -> None:
    assert add_business_days(date(2009, 5, 4), -1) == date(2009, 4, 30)


def test_a_deadline_on_saturday_30_may_2009_rolls_forward_past_whit_monday() -> None:
    assert roll_forward(date(2009, 5, 30)) == date(2009, 6, 2)
    assert roll_forward(date(2009, 6, 2)) == date(2009, 6, 2)


def test_good_friday_2009_is_a_business_day_except_in_alsace_moselle() -> None:
    assert is_business_day(date(2009, 4, 10))
    assert not is_business_day(date(2009, 4, 10), alsace_moselle=True)
    assert roll_forward(date(2009, 4, 10), alsace_moselle=True) == date(2009, 4, 14)


def test_business_days_are_refused_outside_1990_to_2060() -> None:
    with pytest.raises(InvalidInputError, match=r"1990-2060"):
        business_days_between(date(2060, 12, 1), date(2061, 1, 5))
    with pytest.raises(InvalidInputError, match=r"1990-2060"):
        add_business_days(date(1990, 1, 3), -5)


def test_counting_over_decades_agrees_with_walking_the_calendar() -> None:
    start, end = date(1990, 1, 1), date(2060, 12, 31)
    assert business_days_between(start, end) == day_by_day_count(start, end)
    assert business_days_between(start, end, alsace_moselle=True) == day_by_day_count(
        start, end, alsace_moselle=True
    )


@given(
    start=calendar_days,
    length=st.integers(min_value=0, max_value=120),
    alsace_moselle=st.booleans(),
)
def test_business_days_between_agrees_with_walking_the_calendar(
    start: date, length: int, alsace_moselle: bool
) -> None:
    end = min(start + timedelta(days=length), date(2060, 12, 31))
    assert business_days_between(start, end, alsace_moselle=alsace_moselle) == day_by_day_count(
        start, end, alsace_moselle=alsace_moselle
    )


@given(
    start=st.dates(min_value=date(1990, 1, 1), max_value=date(2058, 1, 1)),
    n=st.integers(min_value=0, max_value=600),
    alsace_moselle=st.booleans(),
)
def test_counting_the_business_days_added_gives_them_back(
    start: date, n: int, alsace_moselle: bool
) -> None:
    end = add_business_days(start, n, alsace_moselle=alsace_moselle)
    assert business_days_between(start, end, alsace_moselle=alsace_moselle) == n
    assert n == 0 or is_business_day(end, alsace_moselle=alsace_moselle)


@given(
    start=st.dates(min_value=date(1993, 1, 1), max_value=date(2060, 12, 31)),
    n=st.integers(min_value=-600, max_value=0),
    alsace_moselle=st.booleans(),
)
def test_counting_the_business_days_taken_away_gives_them_back(
    start: date, n: int, alsace_moselle: bool
) -> None:
    end = add_business_days(start, n, alsace_moselle=alsace_moselle)
    assert business_days_between(start, end, alsace_moselle=alsace_moselle) == n


@given(
    day=st.dates(min_value=date(1990, 1, 1), max_value=date(2058, 1, 1)),
    n=st.integers(min_value=0, max_value=600),
    alsace_moselle=st.booleans(),
)
def test_going_back_undoes_going_forward_from_a_business_day(
    day: date, n: int, alsace_moselle: bool
) -> None:
    start = roll_forward(day, alsace_moselle=alsace_moselle)
    there = add_business_days(start, n, alsace_moselle=alsace_moselle)
    assert add_business_days(there, -n, alsace_moselle=alsace_moselle) == start


@given(day=calendar_days, alsace_moselle=st.booleans())
def test_roll_forward_gives_the_first_business_day_on_or_after_the_day(
    day: date, alsace_moselle: bool
) -> None:
    rolled = roll_forward(day, alsace_moselle=alsace_moselle)
    assert rolled >= day
    assert is_business_day(rolled, alsace_moselle=alsace_moselle)
    between = (day + timedelta(days=k) for k in range((rolled - day).days))
    assert not any(is_business_day(d, alsace_moselle=alsace_moselle) for d in between)


# --- parsing ---------------------------------------------------------------------------------


def test_parse_iso_date_reads_yyyy_mm_dd() -> None:
    assert parse_iso_date("2009-03-02") == date(2009, 3, 2)


@pytest.mark.parametrize(
    "text",
    [
        "02/03/2009",
        "20090302",  # ISO basic format, accepted by date.fromisoformat since 3.11
        "2009-W10-1",  # ISO week date, idem
        "2009-061",  # ISO ordinal date
        "2009-3-2",
        " 2009-03-02",
        "2009-03-02\n",
        "2009-03-02T00:00",
        "２００９-03-02",  # full-width digits match \d unless the pattern is ASCII
        "",
    ],
)
def test_parse_iso_date_refuses_anything_but_yyyy_mm_dd(text: str) -> None:
    with pytest.raises(InvalidInputError) as excinfo:
        parse_iso_date(text, field="letter_date")
    assert str(excinfo.value) == f"letter_date: {text!r} is not an ISO date (YYYY-MM-DD)"


def test_parse_iso_date_names_the_default_field_and_the_bad_text() -> None:
    with pytest.raises(InvalidInputError, match=r"^date: '02/03/2009' is not an ISO date"):
        parse_iso_date("02/03/2009")


def test_parse_iso_date_refuses_a_day_not_in_the_calendar() -> None:
    with pytest.raises(InvalidInputError, match=r"^start: '2009-02-29' is not a date of the"):
        parse_iso_date("2009-02-29", field="start")


@given(day=st.dates())
def test_parse_iso_date_reads_back_what_isoformat_writes(day: date) -> None:
    assert parse_iso_date(day.isoformat()) == day
