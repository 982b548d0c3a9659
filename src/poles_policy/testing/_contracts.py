"""Performance contracts, their objectives, indicators and budgets (GOV.1, PHASE.2b)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from hypothesis import strategies as st

from poles_policy.dates import add_months
from poles_policy.model.contracts import (
    Axis,
    Direction,
    Indicator,
    Measurement,
    Objective,
    OperatingBudget,
    PerformanceContract,
)
from poles_policy.testing._actors import local_authorities, state_bodies
from poles_policy.testing._arguments import checked
from poles_policy.testing._values import _POLE_IDS, _sound, eur_amounts, policy_dates, region_codes

if TYPE_CHECKING:
    from collections.abc import Sequence

_CONTRACT_YEARS: Final = (2009, 2010, 2011)
_AXES: Final[tuple[Axis, ...]] = tuple(Axis)
_DIRECTIONS: Final[tuple[Direction, ...]] = tuple(Direction)
_VALUES: Final = st.decimals(min_value=0, max_value=1000, places=2)


@checked
@st.composite
def measurements(draw: st.DrawFn, *, year: int | None = None) -> Measurement:
    """
    Generate an indicator's value in *year* (by default 2009-2011), from 0 to 1000.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate])  # the first example found, not shrunk
    >>> find(measurements(year=2010), lambda measurement: True, settings=quick).year
    2010
    """
    chosen = year if year is not None else draw(st.sampled_from(_CONTRACT_YEARS))
    return Measurement(year=chosen, value=draw(_VALUES))


@checked
@st.composite
def indicators(
    draw: st.DrawFn, *, ident: str | None = None, years: Sequence[int] = _CONTRACT_YEARS
) -> Indicator:
    """
    Generate an indicator, its target on the side its direction asks, and its measurements.

    The target is never below the baseline of an indicator meant to
    increase, nor above that of one meant to decrease (the model refuses
    it). Some of *years* are measured, at values around the baseline and
    the target, so that an indicator may be off track, on track or achieved.

    Args:
        ident: The indicator's id; by default ``indicator-0`` to ``indicator-99``.
        years: The years that may be measured (the contract's).

    Shrinks toward an unmeasured count from 0 to 0, meant to increase.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate])  # the first example found, not shrunk
    >>> strategy = indicators(ident="ind-1", years=[2009, 2010])
    >>> indicator = find(strategy, lambda indicator: indicator.measurements, settings=quick)
    >>> indicator.id, {m.year for m in indicator.measurements} <= {2009, 2010}
    ('ind-1', True)
    """
    n = draw(st.integers(min_value=0, max_value=99))
    direction = draw(st.sampled_from(_DIRECTIONS))
    baseline = draw(_VALUES)
    span = draw(st.decimals(min_value=0, max_value=500, places=2))
    increase = direction is Direction.INCREASE
    target = baseline + span if increase else max(baseline - span, Decimal("0.00"))
    low, high = min(baseline, target) - 100, max(baseline, target) + 100
    values = st.decimals(min_value=low, max_value=high, places=2)
    return Indicator(
        id=ident if ident is not None else f"indicator-{n}",
        name=f"Indicateur {n} (generated)",
        unit=draw(st.sampled_from(["count", "EUR", "share"])),
        baseline=baseline,
        target=target,
        direction=direction,
        measurements=[
            Measurement(year=y, value=draw(values)) for y in sorted(draw(_some_years(years)))
        ],
    )


def _some_years(years: Sequence[int]) -> st.SearchStrategy[list[int]]:
    if not years:
        return st.just([])
    return st.lists(st.sampled_from(tuple(years)), unique=True, max_size=len(years))


@checked
@st.composite
def objectives(
    draw: st.DrawFn, *, ident: str | None = None, years: Sequence[int] = _CONTRACT_YEARS
) -> Objective:
    """
    Generate a performance objective with its axis and up to three indicators.

    Args:
        ident: The objective's id; by default ``objective-0`` to ``objective-99``.
        years: The years its indicators may be measured in.

    Shrinks toward a GOV objective without indicators.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate])  # the first example found, not shrunk
    >>> objective = find(objectives(ident="obj-1"), lambda objective: True, settings=quick)
    >>> objective.id, len(objective.indicators) <= 3
    ('obj-1', True)
    """
    n = draw(st.integers(min_value=0, max_value=99))
    count = draw(st.integers(min_value=0, max_value=3))
    return Objective(
        id=ident if ident is not None else f"objective-{n}",
        title=f"Objectif {n} (generated)",
        axis=draw(st.sampled_from(_AXES)),
        indicators=[draw(indicators(ident=f"indicator-{i}", years=years)) for i in range(count)],
    )


@checked
@st.composite
def operating_budgets(draw: st.DrawFn, *, year: int | None = None) -> OperatingBudget:
    """
    Generate a year's operating budget (by default of 2009-2011), its public part within the total.

    Totals are up to 2 000 000 EUR. Shrinks toward an empty budget.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate])  # the first example found, not shrunk
    >>> budget = find(operating_budgets(year=2010), lambda budget: True, settings=quick)
    >>> budget.year, budget.public <= budget.total
    (2010, True)
    """
    total_amount = draw(eur_amounts(max_value="2000000.00"))
    return OperatingBudget(
        year=year if year is not None else draw(st.sampled_from(_CONTRACT_YEARS)),
        total=total_amount,
        public=draw(eur_amounts(max_value=total_amount)),
    )


@checked
@st.composite
def performance_contracts(
    draw: st.DrawFn, *, ident: str | None = None, pole_id: str | None = None
) -> PerformanceContract:
    """
    Generate a pôle's performance contract with objectives, indicators, measurements and budgets.

    A contract starts in 2009 or 2010 (the steering parameters are in force
    from 2009) and runs three years three times in four, two or four
    otherwise. It starts on 1 January three times in four, so that its years
    are calendar years (2009-2011); otherwise on another day of its first
    year, and then spans one calendar year more than it runs (6 July 2009 to
    5 July 2012 spans 2009 to 2012). The State party is a préfet de région,
    a ministry or an agency; up to three local authorities of the same
    region sign; the signing date is unknown, or between six months before
    the start and the end, as the contract requires. Up to three objectives
    (``objective-0``...) hold up to three indicators each, measured in some
    of the calendar years the contract spans, and some of those years have a
    budget, its public part within the total: the years stay inside the
    contract, as it requires.

    Args:
        ident: The contract's id; by default ``contract-<pôle>``.
        pole_id: The pôle bound by it; by default ``pole-0`` to ``pole-3``.

    Shrinks toward a three-year contract from 1 January 2009 of the préfet
    de la région Rhône-Alpes, without local authority, objective or budget.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate])  # the first example found, not shrunk
    >>> strategy = performance_contracts(pole_id="minalogic")
    >>> find(strategy, lambda contract: True, settings=quick).pole_id
    'minalogic'
    """
    pole = pole_id if pole_id is not None else draw(st.sampled_from(_POLE_IDS))
    first = draw(st.integers(min_value=2009, max_value=2010))
    length = 3 if _sound(draw) else draw(st.sampled_from([2, 4]))
    if _sound(draw):
        start = date(first, 1, 1)
    else:
        start = draw(policy_dates(min_value=date(first, 1, 2), max_value=date(first, 12, 31)))
    end = add_months(start, 12 * length) - timedelta(days=1)
    years = tuple(range(start.year, end.year + 1))
    code = draw(region_codes())
    signed = draw(st.none() | policy_dates(min_value=start - timedelta(days=180), max_value=end))
    return PerformanceContract(
        id=ident if ident is not None else f"contract-{pole}",
        pole_id=pole,
        state=draw(state_bodies(region=code)),
        local_authorities=[
            draw(local_authorities(ident=f"authority-{i}", region=code))
            for i in range(draw(st.integers(min_value=0, max_value=3)))
        ],
        governing_body_name=f"Association {pole} (generated)",
        signed_on=signed,
        start=start,
        end=end,
        objectives=[
            draw(objectives(ident=f"objective-{i}", years=years))
            for i in range(draw(st.integers(min_value=0, max_value=3)))
        ],
        budgets=[draw(operating_budgets(year=y)) for y in draw(_some_years(years))],
    )
