"""Amounts, dates and regions, and the helpers that the other strategies share."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from hypothesis import strategies as st

from poles_policy.model.regions import Region, all_regions, regions_on
from poles_policy.money import Eur, eur

if TYPE_CHECKING:
    from collections.abc import Sequence

PHASE_2_START = date(2008, 1, 1)
PHASE_2_END = date(2012, 12, 31)


def eur_amounts(
    *, min_value: Decimal | str = "0.00", max_value: Decimal | str = "10000000.00"
) -> st.SearchStrategy[Eur]:
    """
    Generate exact euro amounts between *min_value* and *max_value*.

    Amounts have exactly two decimals and shrink toward *min_value*.
    """
    return st.decimals(min_value=Decimal(min_value), max_value=Decimal(max_value), places=2).map(
        eur
    )


def policy_dates(
    *, min_value: date = PHASE_2_START, max_value: date = PHASE_2_END
) -> st.SearchStrategy[date]:
    """Generate dates of the policy period (2008-2012 by default), shrinking toward the start."""
    return st.dates(min_value=min_value, max_value=max_value)


def region_codes(on: date = date(2009, 1, 1)) -> st.SearchStrategy[str]:
    """
    Generate INSEE codes of the regions that existed on *on*.

    Shrinks toward Rhône-Alpes ("82"), the pilot region, when it existed.
    """
    codes = sorted(r.code for r in regions_on(on))
    if "82" in codes:
        codes.remove("82")
        codes.insert(0, "82")
    return st.sampled_from(codes)


def regions(*, on: date | None = None) -> st.SearchStrategy[Region]:
    """
    Generate region records: every record known, or those that existed on *on*.

    Shrinks toward Rhône-Alpes when it is among them.
    """
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
