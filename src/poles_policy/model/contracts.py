"""
Performance contracts (*contrats de performance*): pôle, State, local authorities (GOV.1).

A contract covers a period (three years, 2009-2011, in Phase 2), sets
objectives tagged with a policy axis and measured by indicators, and
records the pôle's operating budget with its public share.

Budgets and measurements are yearly by calendar year, so they belong to the
calendar years the period touches: a contract from 6 July 2009 to 5 July
2012 runs three years but touches four calendar years, 2009 to 2012. A
budget may also be of the year before the start, the baseline its public
share is compared from. A budget or a measurement of another year is refused
as a data error, and so is a signing date after the end.

Whether the parties are valid (the pôle's governing body, the State and at
least one local authority), whether the indicators are on track and
whether the public share meets its target are for the rules.
"""

from __future__ import annotations

import enum
import numbers
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

import attrs

from poles_policy.exceptions import InvalidInputError, WrongTypeError
from poles_policy.model._validators import (
    a_date,
    an_id,
    calendar_year,
    is_a,
    items,
    non_empty,
    non_negative,
    optional_date,
    to_eur,
    to_whole,
    unique,
)
from poles_policy.model.actors import LocalAuthority, StateBody
from poles_policy.money import Eur, ratio

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "Axis",
    "Direction",
    "Indicator",
    "Measurement",
    "Objective",
    "OperatingBudget",
    "PerformanceContract",
]


class Axis(enum.Enum):
    """The policy axes an objective serves (values are the clause-id stems of SOURCE.md)."""

    GOV = "GOV"
    """Animation and strategic steering of the pôle."""
    STRUCT = "STRUCT"
    """Structuring projects (innovation platforms)."""
    ECO_1 = "ECO.1"
    """Private financing for the growth of the pôle's SMEs."""
    ECO_2 = "ECO.2"
    """International deployment."""
    ECO_3 = "ECO.3"
    """Forward planning of skills (*GPEC*) and training."""
    ECO_4 = "ECO.4"
    """Long-term urban development."""
    SYN = "SYN"
    """Synergies with research and innovation actors."""


class Direction(enum.Enum):
    """Which way an indicator should move from its baseline."""

    INCREASE = "increase"
    DECREASE = "decrease"


def _exact(value: Decimal | int | str, field: str) -> Decimal:
    # As money does: a float or a bool is a number, but not an exact one (InvalidInputError);
    # a value that is no number at all (None, a list) is of the wrong type.
    if isinstance(value, (bool, float)):
        msg = f"{field}: {value!r} is a {type(value).__name__}; give an exact number"
        raise InvalidInputError(msg)
    given: object = value
    if not isinstance(given, (Decimal, int, str)):
        if isinstance(given, numbers.Integral):
            return Decimal(int(given))  # NumPy's int64, say: exact
        msg = f"{field}: {value!r} is not a number"
        raise WrongTypeError(msg)
    try:
        dec = value if isinstance(value, Decimal) else Decimal(value)
    except (ArithmeticError, ValueError):
        msg = f"{field}: {value!r} is not a number"
        raise InvalidInputError(msg) from None
    if not dec.is_finite():
        msg = f"{field}: {value!r} is not a finite number"
        raise InvalidInputError(msg)
    if _written_out(dec) > _MAX_DIGITS:
        msg = (
            f"{field}: {value} takes more than {_MAX_DIGITS} digits written out (integer and "
            "decimal digits together); an indicator's figures are held exactly to that many"
        )
        raise InvalidInputError(msg)
    return dec


# An indicator's figures are compared and their trajectory computed exactly: each may take up to
# 28 digits written out (1E+30 takes 31), as many as a decimal holds in the library's context.
_MAX_DIGITS: Final = 28


def _written_out(value: Decimal) -> int:
    """How many digits *value* takes written out, without trailing zeros: 1E+3 and 0.0010 take 4."""
    if not value:
        return 1  # 0, however written (0E+50, 0.000)
    _, given, exponent = value.as_tuple()
    digits = list(given)
    shift = int(exponent)  # a finite number's exponent is an int
    while len(digits) > 1 and digits[-1] == 0:
        digits.pop()
        shift += 1
    return max(len(digits) + shift, 1) + max(-shift, 0)


def _measured_value(value: Decimal | int | str) -> Decimal:
    return _exact(value, "Measurement.value")


def _baseline(value: Decimal | int | str) -> Decimal:
    return _exact(value, "Indicator.baseline")


def _target(value: Decimal | int | str) -> Decimal:
    return _exact(value, "Indicator.target")


def _year(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        msg = f"{type(instance).__name__}.{attribute.name}: {value!r} is not a year"
        raise WrongTypeError(msg)
    calendar_year(instance, attribute, value)


@attrs.frozen(kw_only=True)
class Measurement:
    """
    The value an indicator reached in a year.

    Attributes:
        year: The calendar year measured; in a contract, one of the
            calendar years its period touches.
        value: The exact value (floats are refused), of at most 28 digits
            written out, integer and decimal digits together.
    """

    year: int = attrs.field(converter=to_whole, validator=_year)
    value: Decimal = attrs.field(converter=_measured_value)


def _measurements(values: Iterable[Measurement]) -> tuple[Measurement, ...]:
    return tuple(sorted(items(values, Measurement, "Indicator.measurements"), key=lambda m: m.year))


def _distinct_years(
    instance: object, _: attrs.Attribute[Any], value: tuple[Measurement, ...]
) -> None:
    unique("year", f"{type(instance).__name__}.measurements", (str(m.year) for m in value))


@attrs.frozen(kw_only=True)
class Indicator:
    """
    A measure of an objective: from a baseline toward a target.

    An indicator meant to increase cannot have its target below its
    baseline, nor one meant to decrease a target above it: no contract sets
    such a target, so it is refused as a data error. A target equal to the
    baseline (keep the level) is allowed.

    Attributes:
        id: Stable identifier within its objective.
        name: What is measured, e.g. "SME members".
        unit: The unit, e.g. ``"count"``, ``"EUR"``, ``"share"``.
        baseline: The value at the start of the contract.
        target: The value to reach by its end. Like a measured value, each
            takes at most 28 digits written out (``1E+30`` takes 31), so that
            the trajectory and the comparisons are exact.
        direction: Whether the indicator should increase or decrease.
        measurements: Yearly values, oldest first, one per calendar year.
    """

    id: str = attrs.field(validator=an_id)
    name: str = attrs.field(validator=non_empty)
    unit: str = attrs.field(validator=non_empty)
    baseline: Decimal = attrs.field(converter=_baseline)
    target: Decimal = attrs.field(converter=_target)
    direction: Direction = attrs.field(validator=is_a(Direction))
    measurements: tuple[Measurement, ...] = attrs.field(
        default=(), converter=_measurements, validator=_distinct_years
    )

    def __attrs_post_init__(self) -> None:
        wrong = (self.direction is Direction.INCREASE and self.target < self.baseline) or (
            self.direction is Direction.DECREASE and self.target > self.baseline
        )
        if wrong:
            way = "below" if self.direction is Direction.INCREASE else "above"
            msg = (
                f"Indicator.target: {self.target} is {way} the baseline {self.baseline} of "
                f"{self.id!r}, which should {self.direction.value}"
            )
            raise InvalidInputError(msg)

    def measurement(self, year: int) -> Measurement | None:
        """Return the measurement of *year*, or ``None`` if that year was not measured."""
        return next((m for m in self.measurements if m.year == year), None)


def _indicators(values: Iterable[Indicator]) -> tuple[Indicator, ...]:
    return items(values, Indicator, "Objective.indicators")


def _distinct_indicators(
    instance: object, _: attrs.Attribute[Any], value: tuple[Indicator, ...]
) -> None:
    unique("indicator", f"{type(instance).__name__}.indicators", (i.id for i in value))


@attrs.frozen(kw_only=True)
class Objective:
    """
    A performance objective of the contract, tagged with its policy axis.

    Attributes:
        id: Stable identifier within the contract.
        title: What the pôle commits to.
        axis: The policy axis it serves.
        indicators: How it is measured; no indicator id twice.
    """

    id: str = attrs.field(validator=an_id)
    title: str = attrs.field(validator=non_empty)
    axis: Axis = attrs.field(validator=is_a(Axis))
    indicators: tuple[Indicator, ...] = attrs.field(
        default=(), converter=_indicators, validator=_distinct_indicators
    )


@attrs.frozen(kw_only=True)
class OperatingBudget:
    """
    A year of the pôle's operating budget (*budget de fonctionnement*).

    This is the budget of the animation structure (PHASE.2b), with the part
    paid by the State and local authorities.

    Attributes:
        year: The budget year, a calendar year; in a contract, one of the
            calendar years its period touches or the year before its start
            (the baseline).
        total: The total operating budget.
        public: The part funded by the State and local authorities (at
            most the total).
    """

    year: int = attrs.field(converter=to_whole, validator=_year)
    total: Eur = attrs.field(converter=to_eur, validator=non_negative)
    public: Eur = attrs.field(converter=to_eur, validator=non_negative)

    def __attrs_post_init__(self) -> None:
        if self.public > self.total:
            msg = (
                f"OperatingBudget.public: {self.public} is above the total {self.total} "
                f"of {self.year}"
            )
            raise InvalidInputError(msg)

    @property
    def public_share(self) -> Decimal | None:
        """
        The public part of the budget as a share (0.75 for 75 %).

        Exact when the quotient terminates within 28 significant digits (as
        0.75 does), held to 28 digits otherwise (4/7).

        ``None`` when the total is zero: a pôle that spent nothing has no
        public share (0 / 0 is neither 0 % nor 100 %), and reporting either
        would pass or fail a target on no evidence.

        >>> OperatingBudget(year=2009, total="650000", public="487500").public_share
        Decimal('0.75')
        """
        return ratio(self.public, self.total)


def _authorities(values: Iterable[LocalAuthority]) -> tuple[LocalAuthority, ...]:
    return items(values, LocalAuthority, "PerformanceContract.local_authorities")


def _distinct_authorities(
    instance: object, _: attrs.Attribute[Any], value: tuple[LocalAuthority, ...]
) -> None:
    unique("local authority", f"{type(instance).__name__}.local_authorities", (a.id for a in value))


def _objectives(values: Iterable[Objective]) -> tuple[Objective, ...]:
    return items(values, Objective, "PerformanceContract.objectives")


def _distinct_objectives(
    instance: object, _: attrs.Attribute[Any], value: tuple[Objective, ...]
) -> None:
    unique("objective", f"{type(instance).__name__}.objectives", (o.id for o in value))


def _budgets(values: Iterable[OperatingBudget]) -> tuple[OperatingBudget, ...]:
    return tuple(
        sorted(items(values, OperatingBudget, "PerformanceContract.budgets"), key=lambda b: b.year)
    )


def _distinct_budget_years(
    instance: object, _: attrs.Attribute[Any], value: tuple[OperatingBudget, ...]
) -> None:
    unique("budget year", f"{type(instance).__name__}.budgets", (str(b.year) for b in value))


def _end_after_start(instance: PerformanceContract, _: attrs.Attribute[Any], value: date) -> None:
    if value <= instance.start:
        msg = (
            f"PerformanceContract.end: {value.isoformat()} is not after the start "
            f"{instance.start.isoformat()}"
        )
        raise InvalidInputError(msg)


def _period(contract: PerformanceContract) -> tuple[date, date] | None:
    """The contract's first and last days, or ``None`` while they are not a valid period."""
    start, end = contract.start, contract.end
    if type(start) is not date or type(end) is not date or end <= start:
        return None  # the end's own check refuses it
    return start, end


def _outside_years(year: int, start: date, end: date, *, budget: bool = False) -> str | None:
    """
    Why *year* is not a calendar year of the period *start* - *end*, or ``None`` if it is one.

    A *budget* may also be of the year before the start: the baseline the
    public-share target is set against (from about 75 %, FACTS.md).

    The wording of the contract's check, which the JSON boundary repeats at a
    document's path.
    """
    first = start.year - 1 if budget else start.year
    if first <= year <= end.year:
        return None
    if budget:
        return (
            f"{year} is outside the contract's years {start.year}-{end.year} and its baseline "
            f"year {first}"
        )
    return f"{year} is outside the contract's years {start.year}-{end.year}"


def _measurements_inside(
    instance: PerformanceContract, _: attrs.Attribute[Any], value: tuple[Objective, ...]
) -> None:
    period = _period(instance)
    if period is None:
        return
    for o, objective in enumerate(value):
        for i, indicator in enumerate(objective.indicators):
            for m, measurement in enumerate(indicator.measurements):
                reason = _outside_years(measurement.year, *period)
                if reason is not None:
                    where = f"objectives[{o}].indicators[{i}].measurements[{m}].year"
                    msg = f"PerformanceContract.{where}: {reason}"
                    raise InvalidInputError(msg)


def _budgets_inside(
    instance: PerformanceContract, _: attrs.Attribute[Any], value: tuple[OperatingBudget, ...]
) -> None:
    period = _period(instance)
    if period is None:
        return
    for b, budget in enumerate(value):
        reason = _outside_years(budget.year, *period, budget=True)
        if reason is not None:
            msg = f"PerformanceContract.budgets[{b}].year: {reason}"
            raise InvalidInputError(msg)


def _signed_in_time(
    instance: PerformanceContract, _: attrs.Attribute[Any], value: date | None
) -> None:
    period = _period(instance)
    if value is None or period is None or type(value) is not date:
        return
    end = period[1]
    if value > end:
        msg = (
            f"PerformanceContract.signed_on: {value.isoformat()} is after the contract's end "
            f"{end.isoformat()}"
        )
        raise InvalidInputError(msg)


@attrs.frozen(kw_only=True)
class PerformanceContract:
    """
    A pôle's performance contract (GOV.1).

    Invariants: the period ends after it starts; objective ids and budget
    years are unique; no local authority signs twice; every measurement of
    its indicators is of one of the calendar years the period touches
    (:attr:`years`), and every budget too or of the year before (the
    baseline); and the contract is signed on or before its end. The validity
    of the parties
    is a rule (GOV.1), so a contract missing a party is representable.

    An error names the item by its position as the contract holds it:
    ``PerformanceContract.budgets[0].year: 1850 is outside the contract's
    years 2009-2011`` (budgets, like an indicator's measurements, are kept
    oldest first).

    Attributes:
        id: Stable identifier within a case.
        pole_id: The pôle bound by the contract.
        state: The State party, usually the préfet de région.
        local_authorities: The local authorities that sign.
        governing_body_name: The pôle's governing body (its animation
            structure, usually an *association loi 1901*).
        signed_on: The signing date, or ``None`` if unknown or not signed yet.
            A contract is often signed after its period has started (the
            Rhône-Alpes contracts for 2009-2011 were signed on 6 July 2009),
            never after its end. The texts set no earliest signing date, so
            none is enforced here.
        start: The first day of the period.
        end: The last day of the period (inclusive), after *start*.
        objectives: The objectives, each with its axis and indicators,
            measured in the calendar years of the period.
        budgets: The pôle's operating budgets, one per calendar year of the
            period, oldest first.
    """

    id: str = attrs.field(validator=an_id)
    pole_id: str = attrs.field(validator=an_id)
    state: StateBody = attrs.field(validator=is_a(StateBody))
    local_authorities: tuple[LocalAuthority, ...] = attrs.field(
        default=(), converter=_authorities, validator=_distinct_authorities
    )
    governing_body_name: str = attrs.field(validator=non_empty)
    signed_on: date | None = attrs.field(default=None, validator=[optional_date, _signed_in_time])
    start: date = attrs.field(validator=a_date)
    end: date = attrs.field(validator=[a_date, _end_after_start])
    objectives: tuple[Objective, ...] = attrs.field(
        default=(), converter=_objectives, validator=[_distinct_objectives, _measurements_inside]
    )
    budgets: tuple[OperatingBudget, ...] = attrs.field(
        default=(), converter=_budgets, validator=[_distinct_budget_years, _budgets_inside]
    )

    @property
    def years(self) -> range:
        """
        The calendar years the period touches, from the start's to the end's.

        Budgets and measurements are yearly by calendar year, so a contract
        of three years that starts on 6 July 2009 has four: 2009 to 2012.

        >>> from poles_policy.model.actors import StateBody, StateKind
        >>> contract = PerformanceContract(
        ...     id="c",
        ...     pole_id="minalogic",
        ...     state=StateBody(id="prefet", name="Préfet", kind=StateKind.PREFET_DE_REGION),
        ...     governing_body_name="Association Minalogic",
        ...     start=date(2009, 7, 6),
        ...     end=date(2012, 7, 5),
        ... )
        >>> list(contract.years)
        [2009, 2010, 2011, 2012]
        """
        return range(self.start.year, self.end.year + 1)

    def budget(self, year: int) -> OperatingBudget | None:
        """Return the operating budget of *year*, or ``None`` if it is not recorded."""
        return next((b for b in self.budgets if b.year == year), None)
