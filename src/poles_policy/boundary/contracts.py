"""
JSON models of performance contracts and coordination committees (GOV.1, GOV.2).

Indicator values (baselines, targets, measurements) are exact decimals: a
JSON number or a decimal string in, a decimal string out, as for money.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema

from poles_policy.boundary._base import (
    IsoDate,
    Model,
    Money,
    build_each,
    build_one,
    exact_decimal,
)
from poles_policy.boundary.actors import LocalAuthorityModel, StateBodyModel
from poles_policy.model.committees import CommitteeMember, CoordinationCommittee, Meeting
from poles_policy.model.contracts import (
    Axis,
    Direction,
    Indicator,
    Measurement,
    Objective,
    OperatingBudget,
    PerformanceContract,
)

__all__ = [
    "CommitteeMemberModel",
    "CoordinationCommitteeModel",
    "IndicatorModel",
    "MeasurementModel",
    "MeetingModel",
    "Number",
    "ObjectiveModel",
    "OperatingBudgetModel",
    "PerformanceContractModel",
]


def _number(value: object) -> Decimal:
    return exact_decimal(value, "number")


def _plain(value: Decimal) -> str:
    # Positional notation: "100", never "1E+2", which the input pattern refuses.
    return format(value, "f")


Number = Annotated[
    Decimal,
    BeforeValidator(_number),
    PlainSerializer(_plain, return_type=str, when_used="json"),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number"},
                {"type": "string", "pattern": r"^-?\d+(\.\d+)?$"},
            ],
            "description": "An exact decimal number (a number or a decimal string).",
        }
    ),
]
"""An exact decimal: a JSON number or decimal string in, a decimal string out."""


class MeasurementModel(Model):
    """An indicator's value in a year."""

    year: int
    value: Number

    def to_domain(self) -> Measurement:
        """Build the domain object."""
        return Measurement(year=self.year, value=self.value)

    @classmethod
    def from_domain(cls, obj: Measurement) -> MeasurementModel:
        """Describe *obj* for JSON."""
        return cls(year=obj.year, value=obj.value)


class IndicatorModel(Model):
    """A performance indicator with its yearly measurements."""

    id: str
    name: str
    unit: str
    baseline: Number
    target: Number
    direction: Direction
    measurements: tuple[MeasurementModel, ...] = ()

    def to_domain(self) -> Indicator:
        """Build the domain object."""
        return Indicator(
            id=self.id,
            name=self.name,
            unit=self.unit,
            baseline=self.baseline,
            target=self.target,
            direction=self.direction,
            measurements=build_each("measurements", self.measurements, MeasurementModel.to_domain),
        )

    @classmethod
    def from_domain(cls, obj: Indicator) -> IndicatorModel:
        """Describe *obj* for JSON."""
        return cls(
            id=obj.id,
            name=obj.name,
            unit=obj.unit,
            baseline=obj.baseline,
            target=obj.target,
            direction=obj.direction,
            measurements=tuple(MeasurementModel.from_domain(m) for m in obj.measurements),
        )


class ObjectiveModel(Model):
    """A contract objective, tagged with its policy axis (``"ECO.1"``, ...)."""

    id: str
    title: str
    axis: Axis
    indicators: tuple[IndicatorModel, ...] = ()

    def to_domain(self) -> Objective:
        """Build the domain object."""
        return Objective(
            id=self.id,
            title=self.title,
            axis=self.axis,
            indicators=build_each("indicators", self.indicators, IndicatorModel.to_domain),
        )

    @classmethod
    def from_domain(cls, obj: Objective) -> ObjectiveModel:
        """Describe *obj* for JSON."""
        return cls(
            id=obj.id,
            title=obj.title,
            axis=obj.axis,
            indicators=tuple(IndicatorModel.from_domain(i) for i in obj.indicators),
        )


class OperatingBudgetModel(Model):
    """A year of the pôle's operating budget and its public part."""

    year: int
    total: Money
    public: Money

    def to_domain(self) -> OperatingBudget:
        """Build the domain object."""
        return OperatingBudget(year=self.year, total=self.total, public=self.public)

    @classmethod
    def from_domain(cls, obj: OperatingBudget) -> OperatingBudgetModel:
        """Describe *obj* for JSON."""
        return cls(year=obj.year, total=obj.total, public=obj.public)


class PerformanceContractModel(Model):
    """A pôle's performance contract."""

    id: str
    pole_id: str
    state: StateBodyModel
    local_authorities: tuple[LocalAuthorityModel, ...] = ()
    governing_body_name: str
    signed_on: IsoDate | None = None
    start: IsoDate
    end: IsoDate
    objectives: tuple[ObjectiveModel, ...] = ()
    budgets: tuple[OperatingBudgetModel, ...] = ()

    def to_domain(self) -> PerformanceContract:
        """Build the domain object."""
        return PerformanceContract(
            id=self.id,
            pole_id=self.pole_id,
            state=build_one("state", self.state.to_domain),
            local_authorities=build_each(
                "local_authorities", self.local_authorities, LocalAuthorityModel.to_domain
            ),
            governing_body_name=self.governing_body_name,
            signed_on=self.signed_on,
            start=self.start,
            end=self.end,
            objectives=build_each("objectives", self.objectives, ObjectiveModel.to_domain),
            budgets=build_each("budgets", self.budgets, OperatingBudgetModel.to_domain),
        )

    @classmethod
    def from_domain(cls, obj: PerformanceContract) -> PerformanceContractModel:
        """Describe *obj* for JSON."""
        return cls(
            id=obj.id,
            pole_id=obj.pole_id,
            state=StateBodyModel.from_domain(obj.state),
            local_authorities=tuple(
                LocalAuthorityModel.from_domain(a) for a in obj.local_authorities
            ),
            governing_body_name=obj.governing_body_name,
            signed_on=obj.signed_on,
            start=obj.start,
            end=obj.end,
            objectives=tuple(ObjectiveModel.from_domain(o) for o in obj.objectives),
            budgets=tuple(OperatingBudgetModel.from_domain(b) for b in obj.budgets),
        )


class CommitteeMemberModel(Model):
    """A member of a coordination committee."""

    actor_id: str
    name: str
    funder: bool

    def to_domain(self) -> CommitteeMember:
        """Build the domain object."""
        return CommitteeMember(actor_id=self.actor_id, name=self.name, funder=self.funder)

    @classmethod
    def from_domain(cls, obj: CommitteeMember) -> CommitteeMemberModel:
        """Describe *obj* for JSON."""
        return cls(actor_id=obj.actor_id, name=obj.name, funder=obj.funder)


class MeetingModel(Model):
    """A committee meeting: its date, the members present, the contract reviewed."""

    held_on: IsoDate
    attendees: tuple[str, ...] = ()
    contract_id: str | None = None

    def to_domain(self) -> Meeting:
        """Build the domain object."""
        return Meeting(held_on=self.held_on, attendees=self.attendees, contract_id=self.contract_id)

    @classmethod
    def from_domain(cls, obj: Meeting) -> MeetingModel:
        """Describe *obj* for JSON."""
        return cls(held_on=obj.held_on, attendees=obj.attendees, contract_id=obj.contract_id)


class CoordinationCommitteeModel(Model):
    """A pôle's coordination committee; ``planned`` is an RFC 5545 RRULE."""

    pole_id: str
    members: tuple[CommitteeMemberModel, ...] = ()
    meetings: tuple[MeetingModel, ...] = ()
    planned: str | None = None

    def to_domain(self) -> CoordinationCommittee:
        """Build the domain object."""
        return CoordinationCommittee(
            pole_id=self.pole_id,
            members=build_each("members", self.members, CommitteeMemberModel.to_domain),
            meetings=build_each("meetings", self.meetings, MeetingModel.to_domain),
            planned=self.planned,
        )

    @classmethod
    def from_domain(cls, obj: CoordinationCommittee) -> CoordinationCommitteeModel:
        """Describe *obj* for JSON."""
        return cls(
            pole_id=obj.pole_id,
            members=tuple(CommitteeMemberModel.from_domain(m) for m in obj.members),
            meetings=tuple(MeetingModel.from_domain(m) for m in obj.meetings),
            planned=obj.planned,
        )
