"""
Performance contracts (*contrats de performance*): pôle, State, local authorities (GOV.1).

A contract covers a period (three years, 2009-2011, in Phase 2), sets
objectives tagged with a policy axis and measured by indicators, and
records the pôle's operating budget with its public share.

Whether the parties are valid (the pôle's governing body, the State and at
least one local authority), whether the indicators are on track and
whether the public share meets its target are for the rules.
"""

from __future__ import annotations

import enum
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from poles_policy.exceptions import InvalidInputError
from poles_policy.model._validators import non_empty, non_negative, to_eur, unique
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
    if isinstance(value, (bool, float)):
        msg = f"{field}: {value!r} is a {type(value).__name__}; give an exact number"
        raise InvalidInputError(msg)
    try:
        dec = value if isinstance(value, Decimal) else Decimal(value)
    except (ArithmeticError, TypeError, ValueError):
        msg = f"{field}: {value!r} is not a number"
        raise InvalidInputError(msg) from None
    if not dec.is_finite():
        msg = f"{field}: {value!r} is not a finite number"
        raise InvalidInputError(msg)
    return dec


def _measured_value(value: Decimal | int | str) -> Decimal:
    return _exact(value, "Measurement.value")


def _baseline(value: Decimal | int | str) -> Decimal:
    return _exact(value, "Indicator.baseline")


def _target(value: Decimal | int | str) -> Decimal:
    return _exact(value, "Indicator.target")


def _year(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        msg = f"{type(instance).__name__}.{attribute.name}: {value!r} is not a year"
        raise InvalidInputError(msg)


@attrs.frozen(kw_only=True)
class Measurement:
    """
    The value an indicator reached in a year.

    Attributes:
        year: The year measured.
        value: The exact value (floats are refused).
    """

    year: int = attrs.field(validator=_year)
    value: Decimal = attrs.field(converter=_measured_value)


def _measurements(values: Iterable[Measurement]) -> tuple[Measurement, ...]:
    return tuple(sorted(values, key=lambda m: m.year))


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
        target: The value to reach by its end.
        direction: Whether the indicator should increase or decrease.
        measurements: Yearly values, oldest first, one per year.
    """

    id: str = attrs.field(validator=non_empty)
    name: str = attrs.field(validator=non_empty)
    unit: str = attrs.field(validator=non_empty)
    baseline: Decimal = attrs.field(converter=_baseline)
    target: Decimal = attrs.field(converter=_target)
    direction: Direction
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
    return tuple(values)


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

    id: str = attrs.field(validator=non_empty)
    title: str = attrs.field(validator=non_empty)
    axis: Axis
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
        year: The budget year.
        total: The total operating budget.
        public: The part funded by the State and local authorities (at
            most the total).
    """

    year: int = attrs.field(validator=_year)
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
    return tuple(values)


def _distinct_authorities(
    instance: object, _: attrs.Attribute[Any], value: tuple[LocalAuthority, ...]
) -> None:
    unique("local authority", f"{type(instance).__name__}.local_authorities", (a.id for a in value))


def _objectives(values: Iterable[Objective]) -> tuple[Objective, ...]:
    return tuple(values)


def _distinct_objectives(
    instance: object, _: attrs.Attribute[Any], value: tuple[Objective, ...]
) -> None:
    unique("objective", f"{type(instance).__name__}.objectives", (o.id for o in value))


def _budgets(values: Iterable[OperatingBudget]) -> tuple[OperatingBudget, ...]:
    return tuple(sorted(values, key=lambda b: b.year))


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


@attrs.frozen(kw_only=True)
class PerformanceContract:
    """
    A pôle's performance contract (GOV.1).

    Invariants: the period ends after it starts, objective ids and budget
    years are unique, and no local authority signs twice. The validity of the
    parties is a rule (GOV.1), so a contract missing a party is representable.

    Attributes:
        id: Stable identifier within a case.
        pole_id: The pôle bound by the contract.
        state: The State party, usually the préfet de région.
        local_authorities: The local authorities that sign.
        governing_body_name: The pôle's governing body (its animation
            structure, usually an *association loi 1901*).
        signed_on: The signing date, or ``None`` if unknown or not signed yet.
        start: The first day of the period.
        end: The last day of the period (inclusive), after *start*.
        objectives: The objectives, each with its axis and indicators.
        budgets: The pôle's operating budgets, one per year, oldest first.
    """

    id: str = attrs.field(validator=non_empty)
    pole_id: str = attrs.field(validator=non_empty)
    state: StateBody
    local_authorities: tuple[LocalAuthority, ...] = attrs.field(
        default=(), converter=_authorities, validator=_distinct_authorities
    )
    governing_body_name: str = attrs.field(validator=non_empty)
    signed_on: date | None = None
    start: date
    end: date = attrs.field(validator=_end_after_start)
    objectives: tuple[Objective, ...] = attrs.field(
        default=(), converter=_objectives, validator=_distinct_objectives
    )
    budgets: tuple[OperatingBudget, ...] = attrs.field(
        default=(), converter=_budgets, validator=_distinct_budget_years
    )

    def budget(self, year: int) -> OperatingBudget | None:
        """Return the operating budget of *year*, or ``None`` if it is not recorded."""
        return next((b for b in self.budgets if b.year == year), None)
