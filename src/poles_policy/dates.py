"""
Dates: month arithmetic, durations, day counts, French public holidays, business days.

Every date is a :class:`datetime.date`; nothing here reads the clock.

**Months** are added as :class:`dateutil.relativedelta.relativedelta` adds
them, clamping to the end of the month (31 January + 1 month = 28 or 29
February), in integer arithmetic. A schedule is always computed from its
anchor (``anchor + k months``), never by chaining one step onto the
previous date, which loses the day of month for good after a short month:
see :func:`month_schedule`.

**Durations** (:class:`Duration`) are reported three ways: exact days,
calendar months + days, and decimal months (days × 12 / 365.25, one
decimal, half up).

**Public holidays** (*jours fériés*) are computed for 1990-2060 from the
date of Easter (:func:`dateutil.easter.easter`): the eleven national
holidays of the Labour Code, plus Good Friday and 26 December in
Alsace-Moselle (the departments Bas-Rhin, Haut-Rhin and Moselle keep a
local law).

Whit Monday (*lundi de Pentecôte*) is a holiday **in every year** of the
default calendar. From 2005 to 2007 (law 2004-626 of 30 June 2004) it was by
default the *journée de solidarité* (solidarity day), worked and unpaid, yet
it never left the Labour Code's list of *jours fériés*: only whether it was
worked changed. The law 2008-351 of 16 April 2008 let each employer choose
the solidarity day from 2008 on. :func:`french_holidays` takes
``solidarity_day_worked=True`` to drop Whit Monday in 2005-2007, which is
what the ``holidays`` package does. The business-day functions use the
default calendar.

**Business days** (*jours ouvrés*) are Monday to Friday minus public
holidays. :func:`business_days_between` counts them arithmetically (whole
weeks, then the holidays that fall on a weekday), without walking the
calendar day by day.

**Bank interest** uses ACT/360 (:func:`act360`).
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any, Final, Literal

import attrs
from dateutil.easter import easter

from poles_policy._arguments import expect_day, expect_flag
from poles_policy._arguments import not_a_day as _not_a_day
from poles_policy._exact import EXACT
from poles_policy.exceptions import InvalidInputError, WrongTypeError

__all__ = [
    "HOLIDAY_YEARS",
    "Duration",
    "act360",
    "add_business_days",
    "add_months",
    "business_days_between",
    "duration",
    "french_holidays",
    "is_business_day",
    "is_holiday",
    "month_schedule",
    "not_a_day",
    "parse_iso_date",
    "roll_forward",
]

HOLIDAY_YEARS: Final = range(1990, 2061)
"""The years for which public holidays (and so business days) are computed."""

_ONE_DAY: Final = timedelta(days=1)
_SATURDAY: Final = 5
_SOLIDARITY_YEARS: Final = range(2005, 2008)
_ISO_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
# Days in each month of a common year; February gains a day in leap years.
_MONTH_DAYS: Final = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


# --- months ----------------------------------------------------------------------------------


def _whole(value: object, function: str, argument: str) -> None:
    """Refuse a *value* that is not an int (a bool is not a number here)."""
    if isinstance(value, bool) or not isinstance(value, int):
        msg = f"{function}: {argument} must be a whole number, not {type(value).__name__} {value!r}"
        raise WrongTypeError(msg)


def add_months(anchor: date, months: int) -> date:
    """
    Add *months* calendar months to *anchor*, clamping to the end of the month.

    Compute every date of a schedule from the anchor (``add_months(start,
    k)``), never by chaining steps: 31 January + 1 month + 1 month is
    28 March, whereas 31 January + 2 months is 31 March. Use
    :func:`month_schedule` for a series of dates.

    Args:
        anchor: The date to count from.
        months: The number of months to add; negative goes back.

    Returns:
        The same day of the month, *months* later, or the last day of that
        month if it is shorter.

    >>> add_months(date(2009, 1, 31), 1)
    datetime.date(2009, 2, 28)
    >>> add_months(date(2008, 1, 31), 1)
    datetime.date(2008, 2, 29)
    """
    # The same result as ``anchor + relativedelta(months=months)``, without
    # building a relativedelta: this runs several times per relay case.
    if type(anchor) is not date:
        expect_day(anchor, "add_months", "anchor")
    if type(months) is not int:
        # As relativedelta does: a whole float is taken, anything else refused.
        given: object = months
        if isinstance(given, float) and given.is_integer():
            months = int(given)
        else:
            _whole(given, "add_months", "months")
    year, month0 = divmod(anchor.year * 12 + anchor.month - 1 + months, 12)
    if not 1 <= year <= 9999:
        msg = f"add_months: {anchor.isoformat()} + {months} months is outside years 1 to 9999"
        raise InvalidInputError(msg)
    day = anchor.day
    if day > 28:  # every month has at least 28 days: no clamping below
        day = min(day, _days_in_month(year, month0 + 1))
    return anchor.replace(year=year, month=month0 + 1, day=day)


def _days_in_month(year: int, month: int) -> int:
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _MONTH_DAYS[month - 1]


def month_schedule(anchor: date, count: int, step: int = 1) -> tuple[date, ...]:
    """
    Return *count* dates *step* months apart, each computed from *anchor*.

    The k-th date (from 0) is ``add_months(anchor, k * step)``, so a
    short month clamps one date without shifting the ones after it.

    Args:
        anchor: The first date of the schedule.
        count: How many dates to return (0 gives an empty schedule).
        step: Months between two dates; negative runs backwards.

    Returns:
        The dates, starting with *anchor*.

    Raises:
        InvalidInputError: If *count* is negative or *step* is 0.

    >>> [d.isoformat() for d in month_schedule(date(2009, 1, 31), 3)]
    ['2009-01-31', '2009-02-28', '2009-03-31']
    """
    expect_day(anchor, "month_schedule", "anchor")
    _whole(count, "month_schedule", "count")
    _whole(step, "month_schedule", "step")
    if count < 0:
        msg = f"count: {count!r} is negative; a schedule has zero or more dates"
        raise InvalidInputError(msg)
    if step == 0:
        msg = f"step: {step!r} would repeat the anchor; give a non-zero number of months"
        raise InvalidInputError(msg)
    return tuple(add_months(anchor, k * step) for k in range(count))


# --- durations -------------------------------------------------------------------------------


def _plain_date(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    # A datetime is a date to isinstance, but its time of day would leak into
    # the day count.
    if not isinstance(value, date) or isinstance(value, datetime):
        msg = f"{attribute.name}: {value!r} is not a date"
        raise InvalidInputError(msg)


@attrs.frozen(kw_only=True)
class Duration:
    """
    The time from *start* to *end*, as days, calendar months and decimal months.

    A duration may be negative (*end* before *start*): the sign is carried
    by every figure, and a negative duration is the exact negation of the
    duration from *end* to *start*.

    Attributes:
        start: The first date.
        end: The second date.

    >>> d = Duration(start=date(2009, 1, 31), end=date(2009, 3, 1))
    >>> d.days, d.months_and_days, d.decimal_months
    (29, (1, 1), Decimal('1.0'))
    """

    start: date = attrs.field(validator=_plain_date)
    end: date = attrs.field(validator=_plain_date)
    # months_and_days, computed once from start and end: not part of the value.
    _calendar: tuple[int, int] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_calendar", _calendar_months(self.start, self.end))

    @property
    def days(self) -> int:
        """
        Exact number of days, ``end - start`` (the end day is not counted).

        2009-01-01 to 2009-01-02 is one day.
        """
        return (self.end - self.start).days

    @property
    def months_and_days(self) -> tuple[int, int]:
        """
        Calendar months and remaining days, years counted as 12 months.

        As ``relativedelta(end, start)`` counts them: 2009-01-31 to
        2009-03-01 is 1 month (to 2009-02-28) and 1 day.
        """
        return self._calendar

    @property
    def decimal_months(self) -> Decimal:
        """
        Days × 12 / 365.25, rounded to one decimal, halves away from zero (``ROUND_HALF_UP``).

        The quotient is computed in integers (days × 480 / 1461 tenths of a
        month), so the rounding applies to the exact value. No day count
        falls exactly on a half tenth: 960 × days is even, 1461 × (2k + 1)
        is odd.
        """
        return _decimal_months((self.end - self.start).days)

    def describe(self, lang: Literal["en", "fr"] = "en") -> str:
        """
        Render the duration in words, with its days and decimal months.

        Args:
            lang: ``"en"`` for English, ``"fr"`` for French (decimal comma).

        Returns:
            For example ``"7 months 3 days (215 days, 7.1 months)"``.

        Raises:
            InvalidInputError: If *lang* is neither ``"en"`` nor ``"fr"``.

        >>> d = duration(date(2009, 1, 31), date(2009, 3, 1))
        >>> d.describe()
        '1 month 1 day (29 days, 1.0 months)'
        >>> d.describe("fr")
        '1 mois 1 jour (29 jours, 1,0 mois)'
        """
        chosen: object = lang  # a caller's slip may be anything, a list included
        if chosen != "en" and chosen != "fr":  # noqa: PLR1714 - a set would fail on a list
            msg = f"lang must be 'en' or 'fr', not {lang!r}"
            raise InvalidInputError(msg)
        months, days = self.months_and_days
        total = (self.end - self.start).days
        tenths = str(_decimal_months(total))
        if lang == "fr":
            return (
                f"{months} mois {days} {_jours(days)} "
                f"({total} {_jours(total)}, {tenths.replace('.', ',')} mois)"
            )
        return (
            f"{months} month{_s(months)} {days} day{_s(days)} "
            f"({total} day{_s(total)}, {tenths} months)"
        )


def _decimal_months(days: int) -> Decimal:
    tenths, remainder = divmod(abs(days) * 480, 1461)
    if 2 * remainder >= 1461:
        tenths += 1
    return Decimal(-tenths if days < 0 else tenths).scaleb(-1)


def _calendar_months(start: date, end: date) -> tuple[int, int]:
    if end < start:
        months, days = _calendar_months(end, start)
        return -months, -days
    # The most whole months from start (end-of-month clamped) that do not
    # pass end, then the days left: relativedelta's own definition.
    months = (end.year - start.year) * 12 + end.month - start.month
    reached = add_months(start, months)
    if reached > end:
        months -= 1
        reached = add_months(start, months)
    return months, (end - reached).days


def _s(count: int) -> str:
    return "" if abs(count) == 1 else "s"


def _jours(count: int) -> str:
    # French keeps the singular below two: "0 jour", "1 jour", "2 jours".
    return "jour" if abs(count) < 2 else "jours"


def duration(start: date, end: date) -> Duration:
    """
    Return the :class:`Duration` from *start* to *end*.

    Args:
        start: The first date.
        end: The second date; before *start* gives a negative duration.

    Raises:
        InvalidInputError: If either argument is not a date (or is a datetime).

    >>> duration(date(2009, 1, 1), date(2009, 8, 4)).describe()
    '7 months 3 days (215 days, 7.1 months)'
    """
    expect_day(start, "duration", "start")
    expect_day(end, "duration", "end")
    return Duration(start=start, end=end)


def act360(start: date, end: date) -> Decimal:
    """
    Return the ACT/360 year fraction from *start* to *end*, for bank interest.

    Actual days divided by 360. The start day is counted and the end day is
    not, as usual for interest accrual: a loan drawn on 1 January and repaid
    on 2 January bears one day of interest.

    The fraction is not rounded to a number of decimals: it is exact when
    the day count is a multiple of 9 and otherwise correct to 28
    significant digits. For interest, divide once, last: amount × rate ×
    days / 360, then round (as the relay cost does). A fraction held to 28
    digits can turn an exact half cent (5 678.875) into 5 678.8749..., which
    rounds down.

    Args:
        start: The first day of interest.
        end: The day of repayment (no interest that day).

    Returns:
        ``(end - start).days / 360``; negative if *end* is before *start*.

    >>> act360(date(2009, 1, 1), date(2009, 1, 19))
    Decimal('0.05')
    >>> act360(date(2009, 1, 1), date(2010, 1, 1)) == Decimal(365) / 360
    True
    """
    expect_day(start, "act360", "start")
    expect_day(end, "act360", "end")
    # In the fixed context: a caller's precision or traps cannot change a day-count fraction.
    return EXACT.divide(Decimal((end - start).days), Decimal(360))


# --- public holidays -------------------------------------------------------------------------


def _check_year(year: int) -> None:
    if year not in HOLIDAY_YEARS:
        msg = (
            f"year: {year!r} is outside the supported range of public holidays "
            f"({HOLIDAY_YEARS.start}-{HOLIDAY_YEARS.stop - 1})"
        )
        raise InvalidInputError(msg)


@functools.cache
def _holidays(
    year: int, *, alsace_moselle: bool, solidarity_day_worked: bool
) -> tuple[tuple[date, str], ...]:
    easter_sunday = easter(year)

    def after_easter(days: int) -> date:
        return easter_sunday + timedelta(days=days)

    # In the order of the Labour Code's list (article L3133-1), which is the
    # order of the names when two holidays fall on the same day.
    listed: list[tuple[date, str]] = [
        (date(year, 1, 1), "Jour de l'an"),
        (after_easter(1), "Lundi de Pâques"),
        (date(year, 5, 1), "Fête du Travail"),
        (date(year, 5, 8), "Victoire 1945"),
        (after_easter(39), "Ascension"),
        (after_easter(50), "Lundi de Pentecôte"),
        (date(year, 7, 14), "Fête nationale"),
        (date(year, 8, 15), "Assomption"),
        (date(year, 11, 1), "Toussaint"),
        (date(year, 11, 11), "Armistice 1918"),
        (date(year, 12, 25), "Noël"),
    ]
    if solidarity_day_worked and year in _SOLIDARITY_YEARS:
        listed = [(day, name) for day, name in listed if name != "Lundi de Pentecôte"]
    if alsace_moselle:
        listed += [(after_easter(-2), "Vendredi saint"), (date(year, 12, 26), "Saint-Étienne")]
    names: dict[date, list[str]] = {}
    for day, name in listed:
        names.setdefault(day, []).append(name)
    return tuple((day, " / ".join(names[day])) for day in sorted(names))


def french_holidays(
    year: int, *, alsace_moselle: bool = False, solidarity_day_worked: bool = False
) -> dict[date, str]:
    """
    Return the French public holidays (*jours fériés*) of *year*, by date.

    The national list: 1 January, Easter Monday, 1 May, 8 May, Ascension
    (Easter + 39 days), Whit Monday (Easter + 50), 14 July, 15 August,
    1 November, 11 November and 25 December. Alsace-Moselle adds Good Friday
    (Easter - 2) and 26 December. Two holidays on the same day share one
    entry, their names joined by ``" / "`` (1 May 2008 is
    ``"Fête du Travail / Ascension"``).

    Whit Monday is kept in every year by default, 2005-2007 included: it
    stayed in the Labour Code's list of holidays while it was the default
    *journée de solidarité* (worked, unpaid).

    Args:
        year: A year from 1990 to 2060.
        alsace_moselle: Use the local calendar of Bas-Rhin, Haut-Rhin and
            Moselle.
        solidarity_day_worked: Drop Whit Monday in 2005, 2006 and 2007, when
            it was by default a worked day (other years are unaffected).

    Returns:
        A new dict, sorted by date, from each holiday to its French name.

    Raises:
        InvalidInputError: If *year* is outside 1990-2060.

    >>> holidays = french_holidays(2009)
    >>> holidays[date(2009, 4, 13)], holidays[date(2009, 6, 1)]
    ('Lundi de Pâques', 'Lundi de Pentecôte')
    >>> len(holidays), len(french_holidays(2009, alsace_moselle=True))
    (11, 13)
    """
    _whole(year, "french_holidays", "year")
    expect_flag(alsace_moselle, "french_holidays", "alsace_moselle")
    expect_flag(solidarity_day_worked, "french_holidays", "solidarity_day_worked")
    _check_year(year)
    return dict(
        _holidays(year, alsace_moselle=alsace_moselle, solidarity_day_worked=solidarity_day_worked)
    )


# The two calendar caches take positional arguments: functools.cache keys
# them faster than keywords, and the business-day functions call them often.
@functools.cache
def _holiday_dates(year: int, alsace_moselle: bool) -> frozenset[date]:  # noqa: FBT001
    _check_year(year)
    pairs = _holidays(year, alsace_moselle=alsace_moselle, solidarity_day_worked=False)
    return frozenset(day for day, _ in pairs)


@functools.cache
def _weekday_holidays(year: int, alsace_moselle: bool) -> tuple[date, ...]:  # noqa: FBT001
    dates = _holiday_dates(year, alsace_moselle)
    return tuple(sorted(day for day in dates if day.weekday() < _SATURDAY))


def is_holiday(day: date, *, alsace_moselle: bool = False) -> bool:
    """
    Tell whether *day* is a public holiday (default calendar).

    Args:
        day: A date from 1990 to 2060.
        alsace_moselle: Use the calendar of Alsace-Moselle.

    Raises:
        InvalidInputError: If *day* is outside 1990-2060.

    >>> is_holiday(date(2009, 12, 26)), is_holiday(date(2009, 12, 26), alsace_moselle=True)
    (False, True)
    """
    expect_day(day, "is_holiday", "day")
    expect_flag(alsace_moselle, "is_holiday", "alsace_moselle")
    return day in _holiday_dates(day.year, alsace_moselle)


# --- business days ---------------------------------------------------------------------------


def is_business_day(day: date, *, alsace_moselle: bool = False) -> bool:
    """
    Tell whether *day* is a business day (*jour ouvré*): Monday to Friday, not a holiday.

    Args:
        day: A date from 1990 to 2060.
        alsace_moselle: Use the calendar of Alsace-Moselle.

    Raises:
        InvalidInputError: If *day* is outside 1990-2060.

    >>> is_business_day(date(2009, 5, 1))  # Friday, Fête du Travail
    False
    """
    expect_day(day, "is_business_day", "day")
    expect_flag(alsace_moselle, "is_business_day", "alsace_moselle")
    return day.weekday() < _SATURDAY and not is_holiday(day, alsace_moselle=alsace_moselle)


def _weekdays_up_to(ordinal: int) -> int:
    # Weekdays among ordinals 1..ordinal; ordinal 1 (0001-01-01) is a Monday,
    # so each run of seven ordinals starts with five weekdays.
    weeks, rest = divmod(ordinal, 7)
    return weeks * 5 + min(rest, 5)


def _count_business_days(first: date, last: date, *, alsace_moselle: bool) -> int:
    # Business days in [first, last], with first <= last.
    weekdays = _weekdays_up_to(last.toordinal()) - _weekdays_up_to(first.toordinal() - 1)
    holidays = 0
    for year in range(first.year, last.year + 1):
        days = _weekday_holidays(year, alsace_moselle)
        holidays += bisect_right(days, last) - bisect_left(days, first)
    return weekdays - holidays


def business_days_between(start: date, end: date, *, alsace_moselle: bool = False) -> int:
    """
    Count the business days from *start* to *end*: start excluded, end included.

    This is the number of business days you must wait after *start* to reach
    *end*: the days in ``(start, end]``. Going backwards (*end* before
    *start*) the count is negative and covers ``[end, start)``: the end is
    still the day you arrive at, the start still the day you leave. So
    ``business_days_between(start, add_business_days(start, n)) == n`` for
    every n, but swapping the arguments does not always negate the count
    (Friday to Saturday is 0; Saturday to Friday is -1).

    Args:
        start: The day you count from (not counted).
        end: The day you arrive at (counted if it is a business day).
        alsace_moselle: Use the calendar of Alsace-Moselle.

    Returns:
        The count; 0 if the dates are equal, negative if *end* is earlier.

    Raises:
        InvalidInputError: If a day counted lies outside 1990-2060.

    >>> business_days_between(date(2009, 4, 30), date(2009, 5, 31))  # May 2009
    18
    """
    expect_day(start, "business_days_between", "start")
    expect_day(end, "business_days_between", "end")
    expect_flag(alsace_moselle, "business_days_between", "alsace_moselle")
    if end > start:
        return _count_business_days(start + _ONE_DAY, end, alsace_moselle=alsace_moselle)
    if end < start:
        return -_count_business_days(end, start - _ONE_DAY, alsace_moselle=alsace_moselle)
    return 0


# More business days than the holiday calendar's years hold: any such count leaves them.
_MAX_BUSINESS_DAYS: Final = 366 * 100


def add_business_days(start: date, n: int, *, alsace_moselle: bool = False) -> date:
    """
    Return the *n*-th business day after *start* (before it if *n* is negative).

    *start* itself is never counted, so ``n = 0`` returns *start* unchanged,
    even if it is not a business day (use :func:`roll_forward` for that).
    For every n, ``business_days_between(start, add_business_days(start, n))
    == n``, and from a business day, going back *n* business days undoes
    going forward *n*.

    Args:
        start: The day to count from.
        n: How many business days to move.
        alsace_moselle: Use the calendar of Alsace-Moselle.

    Returns:
        A business day, or *start* if *n* is 0.

    Raises:
        InvalidInputError: If the days crossed leave 1990-2060.

    >>> add_business_days(date(2009, 4, 30), 1)  # over 1 May and a weekend
    datetime.date(2009, 5, 4)
    """
    expect_day(start, "add_business_days", "start")
    _whole(n, "add_business_days", "n")
    expect_flag(alsace_moselle, "add_business_days", "alsace_moselle")
    if abs(n) > _MAX_BUSINESS_DAYS:
        msg = f"add_business_days: {n} business days leave the years of the holiday calendar"
        raise InvalidInputError(msg)
    step = _ONE_DAY if n >= 0 else -_ONE_DAY
    remaining = abs(n)
    day = start
    # Whole weeks first: a week holds at most five business days, so jumping
    # (remaining - 1) // 5 weeks never overshoots and leaves at least one
    # business day for the walk below, which then ends on a business day.
    while remaining > 5:
        jump = day + step * 7 * ((remaining - 1) // 5)
        remaining -= abs(business_days_between(day, jump, alsace_moselle=alsace_moselle))
        day = jump
    while remaining:
        day += step
        # is_business_day, inlined: the holiday calendar is only looked up on weekdays.
        if day.weekday() < _SATURDAY and day not in _holiday_dates(day.year, alsace_moselle):
            remaining -= 1
    return day


def roll_forward(day: date, *, alsace_moselle: bool = False) -> date:
    """
    Return *day* if it is a business day, else the next business day.

    For deadlines that fall on a weekend or a public holiday.

    Args:
        day: The nominal deadline.
        alsace_moselle: Use the calendar of Alsace-Moselle.

    Raises:
        InvalidInputError: If the days crossed leave 1990-2060.

    >>> roll_forward(date(2009, 5, 30))  # Saturday, then Whit Monday
    datetime.date(2009, 6, 2)
    """
    expect_day(day, "roll_forward", "day")
    expect_flag(alsace_moselle, "roll_forward", "alsace_moselle")
    while not is_business_day(day, alsace_moselle=alsace_moselle):
        day += _ONE_DAY
    return day


# --- parsing ---------------------------------------------------------------------------------


def not_a_day(value: object) -> str | None:
    """
    Tell why *value* is not a day, with a hint to mend it, or ``None`` when it is one.

    A day is a :class:`datetime.date`; a ``datetime`` is not one (it does not
    compare with a date, and a rule's day must not depend on a time of day).
    The rules, the domain objects and the parameter lookups word their
    errors with it.

    >>> not_a_day(date(2009, 3, 16)) is None
    True
    >>> not_a_day("2009-03-16")
    ' (read it with datetime.date.fromisoformat)'
    >>> not_a_day(datetime(2009, 3, 16, 9, 30))
    ' (take its .date())'
    >>> not_a_day(20090316)
    ''
    """
    return _not_a_day(value)


def parse_iso_date(text: str, *, field: str = "date") -> date:
    """
    Parse a strict ISO 8601 calendar date, ``YYYY-MM-DD``.

    Other forms that :meth:`datetime.date.fromisoformat` accepts
    (``20090302``, ``2009-W10-1``) are refused, so that a date reads the same
    to every reader.

    Args:
        text: The text to parse.
        field: The name of the field, used in error messages.

    Returns:
        The date.

    Raises:
        InvalidInputError: If *text* is not of the form ``YYYY-MM-DD`` or is
            not a date of the calendar (``2009-02-29``).

    >>> parse_iso_date("2009-03-02")
    datetime.date(2009, 3, 2)
    """
    given: object = text  # typed callers pass a string; others may not
    if not isinstance(given, str):
        msg = f"{field}: {given!r} is not text; write the date as YYYY-MM-DD"
        raise WrongTypeError(msg)
    if _ISO_DATE.fullmatch(text) is None:
        msg = f"{field}: {text!r} is not an ISO date (YYYY-MM-DD)"
        raise InvalidInputError(msg)
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        msg = f"{field}: {text!r} is not a date of the calendar ({error})"
        raise InvalidInputError(msg) from error
