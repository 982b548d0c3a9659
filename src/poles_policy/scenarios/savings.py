"""
Monte Carlo over the uncertain dates of the time saved (RELAY.6), seeded.

When its dates are estimated, the scalar rule
(:func:`poles_policy.rules.relay.timing.time_saved`) gives the time a relay saves as
a range: *low* (relay at its latest, subsidy at its earliest) and *high*
(relay at its earliest, subsidy at its latest). An analyst who asks "how
many months does the relay really save, and how often inside the promised
6 to 9 months?" needs more than the two ends. :func:`simulate_savings` draws
the uncertain dates within those same ranges, many times over, and keeps
each draw's saving and whether it falls inside the promise.

The draws follow two modelling choices, assumptions rather than sourced
facts, which the function's arguments let a user change:

- an estimated subsidy payment falls on any day of its window with equal
  chance (the sources give the 6 to 9 months as a range, not a distribution),
  independently of payments estimated in other windows, and on the same day
  as those estimated in the same window (one letter, one kind of instalment:
  one estimate); the first payment is the earliest of the payments drawn, so
  that a payment planned inside an estimated one's window comes first
  whenever the estimated one falls after it;
- an estimated disbursement whose range comes from not knowing whether the
  bank asks OSEO for a counter-guarantee (RELAY.5) is the later date (asked)
  with probability *oseo_asked* (0.5 by default), the earlier one otherwise.

Dates known or planned are not drawn: their saving is the scalar figure in
every draw. Every drawn saving lies within the scalar rule's low and high
figures (a property test checks it).
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import TYPE_CHECKING, Final, SupportsIndex

import attrs
import numpy as np
import numpy.typing as npt
import pandas as pd

from poles_policy._arguments import refuse
from poles_policy.exceptions import InvalidInputError
from poles_policy.rules.relay.assessment import check_terms
from poles_policy.rules.relay.timing import promised_gain, time_saved
from poles_policy.scenarios._arrays import probability, read_only, whole_number
from poles_policy.scenarios.portfolio import Flags, require
from poles_policy.scenarios.screening import screen

if TYPE_CHECKING:
    from decimal import Decimal
    from fractions import Fraction

    from poles_policy.parameters import ParameterSet
    from poles_policy.scenarios.portfolio import RelayPortfolio

__all__ = ["SavingsSimulation", "add_months", "simulate_savings"]

# Far above any study's needs; a larger number is a slip (10**30) that would exhaust memory.
_MAX_DRAWS: Final = 1_000_000
# What bounds memory is draws x cases: the simulation holds about 67 bytes per draw and case
# at its peak (measured with tracemalloc: 623 MB for 31 cases x 300 000 draws, 164 MB for
# 1 217 cases x 2 000), 75 where several subsidy payments may come first (the earliest of the
# others' dates is kept per draw: 116 MB for 31 such cases x 50 000), and keeps 9. At most
# 20 million stay near 1.5 GB.
_MAX_CELLS: Final = 20_000_000
# The parameters the time saved reads on every eligible case's date.
_PROCESSING: Final = ("relay.bank_processing_business_days", "relay.oseo_processing_business_days")
_PEAK_BYTES_PER_CELL: Final = 75

# Ten thousand years either way: beyond, datetime64 dates leave the calendar Python reads.
_MAX_MONTHS: Final = 120_000


def add_months(days: npt.NDArray[np.datetime64], months: int) -> npt.NDArray[np.datetime64]:
    """
    Add *months* calendar months to each date of *days*, clamping to the month's end.

    The array form of :func:`poles_policy.dates.add_months` (and of
    ``relativedelta(months=...)``).

    >>> add_months(np.array(["2009-01-31", "2008-08-31"], dtype="datetime64[D]"), 1).tolist()
    [datetime.date(2009, 2, 28), datetime.date(2008, 9, 30)]

    Raises:
        WrongTypeError: If *days* is not a NumPy array of dates.
        InvalidInputError: If *months* is not a whole number, or so large that
            the dates leave the years NumPy holds.
    """
    given: object = days  # a caller's slip may be anything
    if not isinstance(given, np.ndarray) or given.dtype.kind != "M":
        refuse("add_months", "days", "a NumPy array of dates (datetime64)", given)
    months = whole_number(months, "add_months: months", at_least=-_MAX_MONTHS, at_most=_MAX_MONTHS)
    start = days.astype("datetime64[D]")
    month = start.astype("datetime64[M]")
    day_of_month = (start - month.astype("datetime64[D]")).astype(np.int64)
    target = month + np.timedelta64(months, "M")
    length = ((target + np.timedelta64(1, "M")).astype("datetime64[D]") - target).astype(np.int64)
    clamped = np.minimum(day_of_month, length - 1)
    result: npt.NDArray[np.datetime64] = target.astype("datetime64[D]") + clamped.astype(
        "timedelta64[D]"
    )
    return result


@attrs.frozen(eq=False, kw_only=True)
class SavingsSimulation:
    """
    The drawn time saved of each eligible case with a saving, over many draws.

    Attributes:
        case_ids: The cases simulated: eligible, with a time saved figure.
        seed: The seed the draws came from.
        low_days: Each case's low figure from the scalar rule, in days.
        high_days: Each case's high figure, in days.
        promise_in_force: Whether a promised gain was in force on each
            case's request date (not before the pilot).
        days: The days saved, one row per draw, one column per case.
        inside: Whether each drawn saving is inside the promised months
            (``False`` where no promise is in force).

    >>> from poles_policy.data.demo import demo_cases
    >>> from poles_policy.parameters import default_parameters
    >>> from poles_policy.scenarios import RelayPortfolio
    >>> portfolio = RelayPortfolio.from_cases(demo_cases())
    >>> simulation = simulate_savings(portfolio, default_parameters(), draws=100, seed=2009)
    >>> row = simulation.per_case().loc["demo-21"]
    >>> int(row["low_days"]), int(row["high_days"])
    (141, 232)
    """

    case_ids: tuple[str, ...]
    seed: int
    low_days: npt.NDArray[np.int64]
    high_days: npt.NDArray[np.int64]
    promise_in_force: Flags
    days: npt.NDArray[np.int64]
    inside: Flags

    def __repr__(self) -> str:
        """
        Describe the simulation in one short line, rather than its arrays.

        >>> from poles_policy.data.demo import demo_cases
        >>> from poles_policy.parameters import default_parameters
        >>> from poles_policy.scenarios import RelayPortfolio
        >>> portfolio = RelayPortfolio.from_cases(demo_cases())
        >>> simulate_savings(portfolio, default_parameters(), draws=10, seed=1)
        <SavingsSimulation: 10 draws x 23 cases, seed 1>
        """
        cases = len(self.case_ids)
        return f"<SavingsSimulation: {self.draws} draws x {cases} cases, seed {self.seed}>"

    @property
    def draws(self) -> int:
        """The number of draws."""
        return int(self.days.shape[0])

    def per_case(self) -> pd.DataFrame:
        """
        Summarise each case over the draws.

        Returns:
            One row per case (index ``case_id``): ``low_days`` and
            ``high_days`` (the scalar rule's figures), ``mean_days``,
            ``p10_days``, ``median_days``, ``p90_days`` (linear
            interpolation) and ``p_inside``, the share of draws inside the
            promise (``NaN`` when no promise is in force).
        """
        quantiles = np.percentile(self.days, [10, 50, 90], axis=0) if self.draws else None
        empty = np.full(len(self.case_ids), np.nan)
        share = self.inside.mean(axis=0) if self.draws else empty
        return pd.DataFrame(
            {
                "low_days": self.low_days,
                "high_days": self.high_days,
                "mean_days": self.days.mean(axis=0) if self.draws else empty,
                "p10_days": quantiles[0] if quantiles is not None else empty,
                "median_days": quantiles[1] if quantiles is not None else empty,
                "p90_days": quantiles[2] if quantiles is not None else empty,
                "p_inside": np.where(self.promise_in_force, share, np.nan),
            },
            index=pd.Index(list(self.case_ids), name="case_id", dtype="object"),
        )

    def per_draw(self) -> pd.DataFrame:
        """
        Summarise each draw over the cases: what the portfolio's balance sheet would read.

        Returns:
            One row per draw (index ``draw``): ``median_days`` over the cases;
            ``median_months``, the median of each case's decimal months (days
            x 12 / 365.25 rounded to 0.1, halves up, as the scalar rule and
            the balance sheet of
            :func:`~poles_policy.rules.relay.evaluation.evaluate_portfolio`
            round them: 182 days are 6.0 months, not 5.98); and
            ``share_inside``, the share of cases with a promise in force
            whose saving is inside it (``NaN`` when there are none).
        """
        counted = int(self.promise_in_force.sum())
        nothing = np.full(self.draws, np.nan)
        median = np.median(self.days, axis=1) if self.case_ids else nothing
        # Tenths of a month, rounded halves up in integers: days x 480 / 1461, as Duration has it.
        tenths = (960 * self.days + 1461) // 2922
        months = np.median(tenths, axis=1) / 10 if self.case_ids else nothing
        inside = self.inside[:, self.promise_in_force].sum(axis=1)
        return pd.DataFrame(
            {
                "median_days": median,
                "median_months": months,
                "share_inside": inside / counted if counted else np.full(self.draws, np.nan),
            },
            index=pd.RangeIndex(self.draws, name="draw"),
        )


def _dates(values: list[date]) -> npt.NDArray[np.datetime64]:
    return np.array(values, dtype="datetime64[D]")


@attrs.frozen
class _Ranges:
    """What the scalar rule says of each simulated case, column by column."""

    ids: list[str] = attrs.Factory(list)
    out_first: list[date] = attrs.Factory(list)
    out_last: list[date] = attrs.Factory(list)
    low: list[int] = attrs.Factory(list)
    high: list[int] = attrs.Factory(list)
    bounds: list[tuple[int, int]] = attrs.Factory(list)
    in_force: list[bool] = attrs.Factory(list)
    # The window of the first payment that may come first, by (earliest, latest), and those of
    # the others that may (their earliest date is not after the first payment's latest).
    windows: list[tuple[date, date]] = attrs.Factory(list)
    rivals: list[tuple[tuple[date, date], ...]] = attrs.Factory(list)


def _ranges(portfolio: RelayPortfolio, params: ParameterSet, eligible: Flags) -> _Ranges:
    """The scalar rule's date ranges and figures for each *eligible* case with a saving."""
    found = _Ranges()
    for case, keep in zip(portfolio.cases, eligible, strict=True):
        if not keep:
            continue
        saved = time_saved(case.request, params, loan=case.loan)
        if (
            saved.saving_low is None
            or saved.saving_high is None
            or saved.first_payment_earliest is None
            or saved.first_payment_latest is None
        ):
            continue
        found.ids.append(case.case_id)
        found.out_first.append(saved.disbursed_earliest)
        found.out_last.append(saved.disbursed_latest)
        found.low.append(saved.saving_low.days)
        found.high.append(saved.saving_high.days)
        promise = promised_gain(params, case.request.requested_on)
        found.in_force.append(promise is not None)
        found.bounds.append(promise or (0, 0))
        # The payments that may come first: none that starts after another has surely come. With
        # one, its window is the first payment's; with more, each window is drawn and the
        # earliest wins. Payments estimated in the same window (instalments of one kind from one
        # letter) are one draw: the same estimate, not independent ones.
        first, *rivals = sorted(
            {
                (t.earliest, t.latest)
                for t in saved.bridging.tranches
                if t.earliest <= saved.first_payment_latest
            }
        )
        found.windows.append(first)
        found.rivals.append(tuple(rivals))
    return found


def _uniform_day(
    start: npt.NDArray[np.datetime64],
    end: npt.NDArray[np.datetime64],
    uniform: npt.NDArray[np.float64],
) -> npt.NDArray[np.datetime64]:
    """
    A day from *start* to *end*, both included, for each of *uniform*'s numbers (0 to 1).

    The bounds are dates (``datetime64[D]``), one window or one per column of
    *uniform*: NumPy broadcasts them.
    """
    window = (end - start).astype(np.int64)
    days: npt.NDArray[np.datetime64] = start + (uniform * (window + 1)).astype(np.int64).astype(
        "m8[D]"
    )
    return days


def _stream(seed: int, case_id: str) -> np.random.Generator:
    """The random generator of one case: NumPy's, seeded with *seed* and a digest of the id."""
    key = int.from_bytes(hashlib.sha256(case_id.encode()).digest()[:16], "little")
    return np.random.default_rng([seed, key])


def _check_processing_terms(
    portfolio: RelayPortfolio, params: ParameterSet, eligible: Flags
) -> None:
    """Refuse, naming both, processing times missing on an eligible case's date (pre-pilot)."""
    days, first = np.unique(portfolio.requested_on[eligible], return_index=True)
    rows = np.flatnonzero(eligible)[first]
    for day, row in zip(days.astype(object), rows, strict=True):
        check_terms(
            day, params, _PROCESSING, function="simulate_savings", case_id=portfolio.case_ids[row]
        )


def _check_size(draws: int, cases: int) -> None:
    """Refuse *draws* over *cases* cases before the arrays are made, if they would not fit."""
    if draws * cases <= _MAX_CELLS:
        return
    needed = draws * cases * _PEAK_BYTES_PER_CELL / 1e9
    msg = (
        f"simulate_savings: draws must be at most {_MAX_CELLS // cases} for {cases} eligible "
        f"cases, not {draws}: "
        f"draws x cases may reach {_MAX_CELLS} (about "
        f"{_MAX_CELLS * _PEAK_BYTES_PER_CELL / 1e9:.1f} GB of memory), and {draws} x {cases} "
        f"would need about {needed:.1f} GB; draw fewer times or simulate part of the portfolio"
    )
    raise InvalidInputError(msg)


def simulate_savings(
    portfolio: RelayPortfolio,
    params: ParameterSet,
    *,
    draws: SupportsIndex = 1000,
    seed: SupportsIndex,
    oseo_asked: float | Decimal | Fraction = 0.5,
) -> SavingsSimulation:
    """
    Draw the time saved by every eligible case of *portfolio*, *draws* times (RELAY.6).

    The cases are those :func:`~poles_policy.scenarios.screening.screen` finds eligible
    under *params* and whose time saved has figures. For each, the scalar
    rule gives the disbursement and first-payment ranges; each draw picks a
    date in each range (see the module's notes on the two assumptions), and
    the saving is the first payment minus the disbursement, floored at zero,
    compared with the promise in calendar months and days as the scalar rule
    compares it.

    Args:
        portfolio: The cases.
        params: The parameter set.
        draws: The number of draws, from 1 to 1 000 000, and such that draws
            x eligible cases is at most 20 000 000 (the simulation holds
            about 75 bytes per draw and case at its peak: 1.5 GB at most).
        seed: The random generator's seed: the same seed, the same draws.
            Each case draws from its own stream, made from the seed and its
            id, so its figures do not change when other cases are added,
            removed or reordered.
        oseo_asked: The probability that the bank asks OSEO, where the case
            does not say (0 to 1): an int, a float, a Decimal or a Fraction.

    Returns:
        The simulation, to summarise per case or per draw.

    Raises:
        InvalidInputError: If *draws* is not a whole number from 1 to
            1 000 000, draws x eligible cases is above 20 000 000 (refused
            before any case is simulated), *seed* is not a whole number, or
            *oseo_asked* is not a probability.
        ParameterError: If a parameter the time saved needs has no value on
            an eligible case's request date (a reform reaching before the
            pilot must give the processing times for those dates).

    >>> from poles_policy.data.demo import demo_cases
    >>> from poles_policy.parameters import default_parameters
    >>> from poles_policy.scenarios import RelayPortfolio
    >>> simulation = simulate_savings(
    ...     RelayPortfolio.from_cases(demo_cases()), default_parameters(), draws=200, seed=1
    ... )
    >>> simulation.draws, len(simulation.case_ids)
    (200, 23)
    >>> bool((simulation.days >= simulation.low_days).all())
    True
    """
    require("simulate_savings", portfolio, params=params)
    draws = whole_number(draws, "simulate_savings: draws", at_least=1, at_most=_MAX_DRAWS)
    chance = probability(oseo_asked, "simulate_savings: oseo_asked")
    # The same seed, the same draws: a seed is a whole number, as NumPy's generator requires.
    seed = whole_number(seed, "simulate_savings: seed", at_least=0)
    eligible = screen(portfolio, params)["outcome"].to_numpy() == "eligible"
    _check_size(draws, int(eligible.sum()))
    _check_processing_terms(portfolio, params, eligible)
    found = _ranges(portfolio, params, eligible)
    n = len(found.ids)
    # One stream per case, from the seed and the case's id: a case's draws do not depend on the
    # other cases, so a portfolio filtered or reordered gives each case the same figures.
    by_case = np.empty((n, 2, draws))
    # Where other payments may come first, the earliest of their drawn dates, by case.
    rivals: dict[int, npt.NDArray[np.datetime64]] = {}
    for row, case_id in enumerate(found.ids):
        stream = _stream(seed, case_id)
        stream.random((2, draws), out=by_case[row])
        if found.rivals[row]:
            # Drawn after the case's first two rows: a case with one payment that may come
            # first draws as it would alone.
            rivals[row] = np.min(
                [
                    _uniform_day(_dates([start]), _dates([end]), stream.random(draws))
                    for start, end in found.rivals[row]
                ],
                axis=0,
            )
    uniform = by_case.transpose(1, 2, 0)  # (2, draws, n)
    # Uniform over the days of each payment's window (one day when it is known or planned).
    paid = _uniform_day(
        _dates([w[0] for w in found.windows]), _dates([w[1] for w in found.windows]), uniform[0]
    )
    for row, earliest_rival in rivals.items():
        paid[:, row] = np.minimum(paid[:, row], earliest_rival)
    earliest, latest = _dates(found.out_first), _dates(found.out_last)
    asked = uniform[1] < chance
    disbursed = np.where(asked, latest, earliest)
    days = np.maximum((paid - disbursed).astype(np.int64), 0)
    # A subsidy paid before the relay saves nothing: a zero saving, ending at the disbursement.
    arrived = np.maximum(paid, disbursed)
    low_months = np.array([b[0] for b in found.bounds], dtype=np.int64)
    high_months = np.array([b[1] for b in found.bounds], dtype=np.int64)
    # Inside the promise: from exactly `low` months 0 days to exactly `high` months 0 days,
    # calendar months counted from the disbursement (as relativedelta counts them).
    reached_low = np.zeros((draws, n), dtype=np.bool_)
    within_high = np.zeros((draws, n), dtype=np.bool_)
    for months in np.unique(np.concatenate([low_months, high_months])):
        # A disbursement is one of two dates per case: add the months to those only.
        reach = np.where(asked, add_months(latest, int(months)), add_months(earliest, int(months)))
        reached_low |= (arrived >= reach) & (low_months == months)
        within_high |= (arrived <= reach) & (high_months == months)
    promised = np.array(found.in_force, dtype=np.bool_)
    # Read-only, as the portfolio's arrays are: a stray assignment in a notebook cell would
    # change every summary read afterwards.
    return SavingsSimulation(
        case_ids=tuple(found.ids),
        seed=seed,
        low_days=read_only(np.array(found.low, dtype=np.int64)),
        high_days=read_only(np.array(found.high, dtype=np.int64)),
        promise_in_force=read_only(promised),
        days=read_only(days),
        inside=read_only(reached_low & within_high & promised),
    )
