"""Amounts, rates, dates and regions, and the helpers that the other strategies share."""

from __future__ import annotations

import calendar
import functools
from datetime import date, timedelta
from decimal import ROUND_CEILING, Context, Decimal, InvalidOperation
from typing import TYPE_CHECKING, Final

from hypothesis import strategies as st

from poles_policy.exceptions import InvalidInputError, WrongTypeError
from poles_policy.model.regions import Region, all_regions, regions_on
from poles_policy.money import Eur, Rate, eur
from poles_policy.testing._arguments import check_amounts, check_date, check_dates

if TYPE_CHECKING:
    from collections.abc import Sequence

PHASE_2_START = date(2008, 1, 1)
PHASE_2_END = date(2012, 12, 31)

# The first day of the Rhône-Alpes relay pilot (relay.pilot_regions): the edge of RELAY.1.
PILOT_START: Final = date(2008, 4, 1)


def eur_amounts(
    *, min_value: Decimal | int | str = "0.00", max_value: Decimal | int | str = "10000000.00"
) -> st.SearchStrategy[Eur]:
    """
    Generate exact euro amounts between *min_value* and *max_value*.

    Amounts have exactly two decimals and shrink toward *min_value*.

    Args:
        min_value: The smallest amount, as a Decimal, an int or a string
            such as ``"0.10"``; never a float, never negative.
        max_value: The largest amount, likewise.

    Raises:
        InvalidInputError: If a bound is negative, has more than two
            decimals or is not a number, or if *min_value* is above
            *max_value*.
        WrongTypeError: If a bound is a float or not a number at all.

    >>> eur_amounts(min_value=0.1)
    Traceback (most recent call last):
    ...
    poles_policy.exceptions.WrongTypeError: eur_amounts(min_value=0.1): an amount is a ...
    """
    low, high = check_amounts("eur_amounts", ("min_value", min_value), ("max_value", max_value))
    return st.decimals(min_value=low, max_value=high, places=2).map(eur)


def rates(
    *, min_value: Decimal | int | str = 0, max_value: Decimal | int | str = 1, places: int = 4
) -> st.SearchStrategy[Rate]:
    """
    Generate rates and shares: exact Decimals from *min_value* to *max_value* (0 to 1).

    A rate has at most *places* decimals (4: hundredths of a percent), is
    never NaN nor infinite, and shrinks toward *min_value*.
    ``st.from_type(Rate)`` draws from ``rates()``.

    Raises:
        InvalidInputError: If a bound is outside 0..1, *min_value* is
            above *max_value*, or no rate with *places* decimals lies between
            them.
        WrongTypeError: If a bound is a float, or *places* is not an int.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate])  # the first example found, not shrunk
    >>> share = find(rates(min_value="0.50", places=2), lambda share: share < 1, settings=quick)
    >>> share >= Decimal("0.50"), share == round(share, 2)
    (True, True)
    """
    bounds = []
    for argument, value in (("min_value", min_value), ("max_value", max_value)):
        if isinstance(value, bool) or not isinstance(value, Decimal | int | str):
            msg = (
                f"rates({argument}={value!r}): a rate is a Decimal, an int or a string such "
                f"as '0.45', not a {type(value).__name__}"
            )
            raise WrongTypeError(msg)
        try:
            share = Decimal(value)
        except InvalidOperation:
            msg = f"rates({argument}={value!r}): not a decimal number"
            raise InvalidInputError(msg) from None
        if not share.is_finite() or not 0 <= share <= 1:
            msg = f"rates({argument}={value!r}): a rate is a share from 0 to 1"
            raise InvalidInputError(msg)
        bounds.append(share)
    if type(places) is not int:
        msg = f"rates(places={places!r}): the number of decimals is an int"
        raise WrongTypeError(msg)
    if places < 0:
        msg = f"rates(places={places!r}): the number of decimals is 0 or more"
        raise InvalidInputError(msg)
    if bounds[0] > bounds[1]:
        msg = f"rates: min_value={min_value} is above max_value={max_value}"
        raise InvalidInputError(msg)
    # Enough digits for any number of places (a share has one digit before the point).
    exact = Context(prec=max(28, places + 2))
    if bounds[0].quantize(Decimal(1).scaleb(-places), ROUND_CEILING, exact) > bounds[1]:
        msg = (
            f"rates: no rate with {places} decimal(s) lies between min_value={min_value} and "
            f"max_value={max_value}; allow more places or widen the bounds"
        )
        raise InvalidInputError(msg)
    return st.decimals(min_value=bounds[0], max_value=bounds[1], places=places).map(Rate)


def _notable_dates(low: date, high: date) -> tuple[tuple[date, ...], tuple[date, ...]]:
    """
    Return the edge dates between *low* and *high*, and the month ends.

    Edges are where rules turn: the bounds themselves, the relay pilot's
    first day and the day before it, 29 February, the turn of each year.
    """
    edges = {low, high, PILOT_START, PILOT_START - timedelta(days=1)}
    ends = set()
    for year in range(low.year, high.year + 1):
        edges |= {date(year, 1, 1), date(year, 12, 31)}
        if calendar.isleap(year):
            edges.add(date(year, 2, 29))
        ends |= {date(year, m, calendar.monthrange(year, m)[1]) for m in range(1, 13)}
    inside = tuple(sorted(d for d in edges if low <= d <= high))
    return inside, tuple(sorted(d for d in ends if low <= d <= high)) or inside


def policy_dates(
    *, min_value: date = PHASE_2_START, max_value: date = PHASE_2_END
) -> st.SearchStrategy[date]:
    """
    Generate dates of the policy period (2008-2012 by default), shrinking toward the start.

    Half the dates are drawn evenly; the others are the dates where rules
    turn, so that properties meet them: month ends, 29 February, the first
    and last day of each year, the relay pilot's first day (1 April 2008)
    and the day before it, and the bounds themselves.

    Raises:
        WrongTypeError: If a bound is not a :class:`datetime.date`.
        InvalidInputError: If *min_value* is after *max_value*.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate])  # the first example found, not shrunk
    >>> march = policy_dates(min_value=date(2009, 3, 16), max_value=date(2009, 3, 31))
    >>> find(march, lambda day: day.day == 31, settings=quick)  # month ends come often
    datetime.date(2009, 3, 31)
    """
    check_dates("policy_dates", ("min_value", min_value), ("max_value", max_value))
    return _policy_dates(min_value, max_value)


@functools.lru_cache(maxsize=512)
def _policy_dates(low: date, high: date) -> st.SearchStrategy[date]:
    # Cached: the kit asks for the dates around each generated case, and building and
    # validating a strategy costs more than drawing from it.
    edges, ends = _notable_dates(low, high)
    anywhere = st.dates(min_value=low, max_value=high)
    # The edges first: the first of them is the low bound, toward which dates shrink. A notable
    # date is one choice and an even one three (year, month, day): with the even draw first,
    # shrinking, which prefers fewer choices, left it for a notable date drawn late, and any
    # strategy drawing a date ended on an example with other parts left as drawn.
    return st.one_of(st.sampled_from(edges), anywhere, anywhere, st.sampled_from(ends))


def region_codes(on: date = date(2009, 1, 1)) -> st.SearchStrategy[str]:
    """
    Generate INSEE codes of the regions that existed on *on*.

    Shrinks toward Rhône-Alpes ("82"), the pilot region, when it existed.

    Raises:
        WrongTypeError: If *on* is not a :class:`datetime.date`.

    >>> from hypothesis import find
    >>> find(region_codes(date(2009, 3, 16)), lambda code: True)
    '82'
    """
    check_date("region_codes", "on", on)
    codes = sorted(r.code for r in regions_on(on))
    if "82" in codes:
        codes.remove("82")
        codes.insert(0, "82")
    return st.sampled_from(codes)


def regions(*, on: date | None = None) -> st.SearchStrategy[Region]:
    """
    Generate region records: every record known, or those that existed on *on*.

    Shrinks toward Rhône-Alpes when it is among them.

    Raises:
        WrongTypeError: If *on* is neither ``None`` nor a :class:`datetime.date`.

    >>> from hypothesis import find
    >>> find(regions(on=date(2009, 3, 16)), lambda region: True).name
    'Rhône-Alpes'
    """
    check_date("regions", "on", on, optional=True)
    records = all_regions() if on is None else regions_on(on)
    return st.sampled_from(sorted(records, key=lambda r: (r.code != "82", r.code)))


# -- shared helpers ---------------------------------------------------------------------------

# Pôle ids that the other strategies link to by default: the first ids poles() generates, so that
# generated pôles and the objects naming them meet, and so that lists of links repeat ids.
_POLE_IDS: Final = ("pole-0", "pole-1", "pole-2", "pole-3")


def _flaw(draw: st.DrawFn, modes: int = 1) -> int:
    """
    Draw whether a part of a generated case meets its rule (0) or which of its *modes* fails it.

    A part is sound three times in four, and always once shrunk: a failing
    case then keeps only the parts that matter to it. The flaws share the
    fourth quarter evenly, from a single draw (nested choices would make
    the later ones rare). Parts are drawn independently, so that a case may
    fail one rule, several or none.
    """
    k = draw(st.integers(min_value=0, max_value=4 * modes - 1))
    return max(0, k - 3 * modes + 1)


def _sound(draw: st.DrawFn) -> bool:
    """Draw whether a part with a single way to fail is sound (three times in four)."""
    return _flaw(draw) == 0


def _some(draw: st.DrawFn, pool: Sequence[str], max_size: int) -> list[str]:
    """Draw up to *max_size* distinct ids of *pool*, in a drawn order (none from an empty pool)."""
    if not pool:
        return []
    return draw(st.lists(st.sampled_from(tuple(pool)), unique=True, max_size=max_size))
