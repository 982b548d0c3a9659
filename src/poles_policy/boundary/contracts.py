"""
JSON models of performance contracts and coordination committees (GOV.1, GOV.2).

Indicator values (baselines, targets, measurements) are exact decimals: a
JSON number or a decimal string in, a decimal string out, as for money.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import Field, PlainSerializer, WithJsonSchema

from poles_policy.boundary._base import (
    PLAIN_DECIMAL,
    CalendarYear,
    Flag,
    IsoDate,
    Model,
    Money,
    PlainInJson,
    at_path,
    build_each,
    build_one,
    distinct,
    exact_decimal,
    from_domain_of,
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
    _outside_years,  # the contract's own wording, said here at the document's path
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
    PlainInJson(PLAIN_DECIMAL, _number),
    PlainSerializer(_plain, return_type=str, when_used="json"),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number"},
                {"type": "string", "pattern": r"^-?[0-9]+(\.[0-9]+)?$"},
            ],
            "description": (
                "An exact decimal number (a number or a decimal string), of at most 28 digits "
                "written out."
            ),
        }
    ),
]
"""An exact decimal: a JSON number or decimal string in, a decimal string out."""


class MeasurementModel(Model):
    """The value an indicator reached in a year."""

    year: CalendarYear = Field(
        description=(
            "The calendar year measured, e.g. 2010; one value per year, of a calendar year the "
            "contract's period touches."
        )
    )
    value: Number = Field(
        description=(
            "The value reached, in the indicator's unit; an exact decimal (a number or a "
            "decimal string, written back as a string)."
        )
    )

    def to_domain(self) -> Measurement:
        """Build the domain object."""
        return Measurement(year=self.year, value=self.value)

    @classmethod
    @from_domain_of(Measurement)
    def from_domain(cls, obj: Measurement) -> MeasurementModel:
        """Describe *obj* for JSON."""
        return cls(year=obj.year, value=obj.value)


class IndicatorModel(Model):
    """A measure of an objective: from a baseline toward a target, with yearly measurements."""

    id: str = Field(description="Stable identifier within its objective; non-empty.")
    name: str = Field(description='What is measured, e.g. "SME members"; non-empty.')
    unit: str = Field(
        description=(
            'The unit of the baseline, target and measurements, e.g. "count", "EUR" or "share" '
            "(0.45 for 45 %); non-empty."
        )
    )
    baseline: Number = Field(
        description=(
            "The value at the start of the contract, in the indicator's unit; an exact decimal."
        )
    )
    target: Number = Field(
        description=(
            "The value to reach by the end of the contract, in the indicator's unit; an exact "
            "decimal, not below the baseline for an indicator that should increase nor above "
            "it for one that should decrease (equal means keep the level)."
        )
    )
    direction: Direction = Field(
        description="Which way the indicator should move from its baseline: increase or decrease."
    )
    measurements: tuple[MeasurementModel, ...] = Field(
        default=(),
        description=(
            "Yearly values, in any order (kept oldest first), one per year; empty (the default) "
            "when nothing has been measured yet."
        ),
    )

    def to_domain(self) -> Indicator:
        """Build the domain object."""
        distinct("measurements", "year", (str(m.year) for m in self.measurements))
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
    @from_domain_of(Indicator)
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
    """A performance objective of the contract, tagged with its policy axis (``"ECO.1"``, ...)."""

    id: str = Field(description="Stable identifier within the contract; non-empty.")
    title: str = Field(description="What the pôle commits to; non-empty.")
    axis: Axis = Field(
        description=(
            "The policy axis it serves, a clause-id stem of the policy text: GOV (animation and "
            "strategic steering), STRUCT (structuring projects), ECO.1 (private financing for "
            "SME growth), ECO.2 (international deployment), ECO.3 (forward planning of skills, "
            "GPEC, and training), ECO.4 (long-term urban development) or SYN (synergies with "
            "research and innovation actors)."
        )
    )
    indicators: tuple[IndicatorModel, ...] = Field(
        default=(),
        description=(
            "How it is measured, no indicator id twice; empty (the default) when none is given."
        ),
    )

    def to_domain(self) -> Objective:
        """Build the domain object."""
        return Objective(
            id=self.id,
            title=self.title,
            axis=self.axis,
            indicators=build_each("indicators", self.indicators, IndicatorModel.to_domain),
        )

    @classmethod
    @from_domain_of(Objective)
    def from_domain(cls, obj: Objective) -> ObjectiveModel:
        """Describe *obj* for JSON."""
        return cls(
            id=obj.id,
            title=obj.title,
            axis=obj.axis,
            indicators=tuple(IndicatorModel.from_domain(i) for i in obj.indicators),
        )


class OperatingBudgetModel(Model):
    """
    A year of the pôle's operating budget (budget de fonctionnement) and its public part.

    It is the budget of the animation structure (PHASE.2b).
    """

    year: CalendarYear = Field(
        description=(
            "The budget year, e.g. 2009; one budget per year, of a calendar year the contract's "
            "period touches."
        )
    )
    total: Money = Field(
        description=(
            "The total operating budget of the year, in euros exact to the cent, non-negative."
        )
    )
    public: Money = Field(
        description=(
            "The part funded by the State and local authorities, in euros exact to the cent, "
            "non-negative and at most the total."
        )
    )

    def to_domain(self) -> OperatingBudget:
        """Build the domain object."""
        return OperatingBudget(year=self.year, total=self.total, public=self.public)

    @classmethod
    @from_domain_of(OperatingBudget)
    def from_domain(cls, obj: OperatingBudget) -> OperatingBudgetModel:
        """Describe *obj* for JSON."""
        return cls(year=obj.year, total=obj.total, public=obj.public)


class PerformanceContractModel(Model):
    """
    A pôle's performance contract (contrat de performance) with the State and local authorities.

    Signed between the pôle, the State and local authorities (GOV.1), for a
    period (2009-2011 in Phase 2).
    """

    id: str = Field(description="Stable identifier of the contract; non-empty.")
    pole_id: str = Field(description="Id of the pôle bound by the contract; non-empty.")
    state: StateBodyModel = Field(
        description="The State party, usually the préfet de région ('kind' may be omitted)."
    )
    local_authorities: tuple[LocalAuthorityModel, ...] = Field(
        default=(),
        description=(
            "The local authorities (collectivités territoriales) that sign, none twice ('kind' "
            "may be omitted); empty (the default) when none is recorded, although GOV.1 makes "
            "local authorities parties to the contract."
        ),
    )
    governing_body_name: str = Field(
        description=(
            "Name of the pôle's governing body that signs (its animation structure, usually an "
            "association loi 1901); non-empty."
        )
    )
    signed_on: IsoDate | None = Field(
        default=None,
        description=(
            "The signing date, often after the start; not after the end. "
            "ISO date YYYY-MM-DD; absent or null when unknown or not signed yet."
        ),
    )
    start: IsoDate = Field(description="The first day of the contract period. ISO date YYYY-MM-DD.")
    end: IsoDate = Field(
        description=(
            "The last day of the contract period (inclusive), after the start. ISO date YYYY-MM-DD."
        )
    )
    objectives: tuple[ObjectiveModel, ...] = Field(
        default=(),
        description=(
            "The objectives, each with its policy axis and indicators, no id twice, measured in "
            "the calendar years from the start's to the end's; empty (the default) when none is "
            "given."
        ),
    )
    budgets: tuple[OperatingBudgetModel, ...] = Field(
        default=(),
        description=(
            "The pôle's operating budgets, one per year, each of a calendar year from the "
            "start's to the end's, in any order (kept oldest first); empty (the default) when "
            "none is recorded."
        ),
    )

    def to_domain(self) -> PerformanceContract:
        """
        Build the domain object.

        Raises:
            InvalidInputError: If an invariant does not hold. A budget or a
                measurement of a year outside the contract's calendar years is
                named by its path in the document, as given (``budgets.2.year:
                1850 is outside the contract's years 2009-2011``).
        """
        state = build_one("state", self.state.to_domain)
        local_authorities = build_each(
            "local_authorities", self.local_authorities, LocalAuthorityModel.to_domain
        )
        objectives = build_each("objectives", self.objectives, ObjectiveModel.to_domain)
        budgets = build_each("budgets", self.budgets, OperatingBudgetModel.to_domain)
        distinct("budgets", "budget year", (str(b.year) for b in self.budgets))
        self._check_years()
        return PerformanceContract(
            id=self.id,
            pole_id=self.pole_id,
            state=state,
            local_authorities=local_authorities,
            governing_body_name=self.governing_body_name,
            signed_on=self.signed_on,
            start=self.start,
            end=self.end,
            objectives=objectives,
            budgets=budgets,
        )

    def _check_years(self) -> None:
        # The contract checks the same, but counts an indicator's measurements oldest first,
        # as the indicator keeps them; the document's path counts them as written.
        start, end = self.start, self.end
        if end <= start:
            return  # the contract refuses its period first
        found: list[tuple[tuple[str | int, ...], int, bool]] = [
            (("objectives", o, "indicators", i, "measurements", m, "year"), measurement.year, False)
            for o, objective in enumerate(self.objectives)
            for i, indicator in enumerate(objective.indicators)
            for m, measurement in enumerate(indicator.measurements)
        ]
        found.extend(
            (("budgets", b, "year"), budget.year, True) for b, budget in enumerate(self.budgets)
        )
        for path, year, is_budget in found:
            reason = _outside_years(year, start, end, budget=is_budget)
            if reason is not None:
                raise at_path(path, reason)

    @classmethod
    @from_domain_of(PerformanceContract)
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
    """A member of a coordination committee (comité de coordination)."""

    actor_id: str = Field(description="The member's actor id, unique among the members; non-empty.")
    name: str = Field(description='The member\'s name, e.g. "Région Rhône-Alpes"; non-empty.')
    funder: Flag = Field(
        description=(
            "True for a funder of the pôle (financeur): GOV.2 asks the committee to meet with "
            "its funders; false otherwise."
        )
    )

    def to_domain(self) -> CommitteeMember:
        """Build the domain object."""
        return CommitteeMember(actor_id=self.actor_id, name=self.name, funder=self.funder)

    @classmethod
    @from_domain_of(CommitteeMember)
    def from_domain(cls, obj: CommitteeMember) -> CommitteeMemberModel:
        """Describe *obj* for JSON."""
        return cls(actor_id=obj.actor_id, name=obj.name, funder=obj.funder)


class MeetingModel(Model):
    """A committee meeting: its date, the members present, the contract reviewed."""

    held_on: IsoDate = Field(
        description="The meeting date. ISO date YYYY-MM-DD; at most one meeting a day."
    )
    attendees: tuple[str, ...] = Field(
        default=(),
        description=(
            "Actor ids of the members present, each a member and none twice; empty (the "
            "default) when the attendance was not recorded: the funders check then asks for it."
        ),
    )
    contract_id: str | None = Field(
        default=None,
        description=(
            "Id of the performance contract reviewed, non-empty; absent or null when none was or "
            "it is not known."
        ),
    )

    def to_domain(self) -> Meeting:
        """Build the domain object."""
        return Meeting(held_on=self.held_on, attendees=self.attendees, contract_id=self.contract_id)

    @classmethod
    @from_domain_of(Meeting)
    def from_domain(cls, obj: Meeting) -> MeetingModel:
        """Describe *obj* for JSON."""
        return cls(held_on=obj.held_on, attendees=obj.attendees, contract_id=obj.contract_id)


class CoordinationCommitteeModel(Model):
    """
    A pôle's coordination committee (comité de coordination, GOV.2); ``planned`` is an RRULE.

    It gathers the pôle and its funders and meets regularly to follow the
    pôle's progress toward its objectives.
    """

    pole_id: str = Field(description="Id of the pôle whose committee it is; non-empty.")
    members: tuple[CommitteeMemberModel, ...] = Field(
        default=(),
        description="The members, funders flagged, none twice; empty (the default) if not given.",
    )
    meetings: tuple[MeetingModel, ...] = Field(
        default=(),
        description=(
            "The meetings held, in any order (kept as given), at most one a day; empty (the "
            "default) when none is recorded."
        ),
    )
    planned: str | None = Field(
        default=None,
        description=(
            "The planned meetings as an RFC 5545 recurrence rule without its start date, e.g. "
            '"FREQ=MONTHLY;INTERVAL=6" for every six months; dated, not timed (no hourly rule, '
            "no BYHOUR). Absent or null when no plan is known."
        ),
    )

    def to_domain(self) -> CoordinationCommittee:
        """Build the domain object."""
        distinct("meetings", "meeting date", (m.held_on.isoformat() for m in self.meetings))
        # An attendee who is not a member: at its own place, for a form to point at.
        members = {m.actor_id for m in self.members}
        for i, meeting in enumerate(self.meetings):
            for j, attendee in enumerate(meeting.attendees):
                if attendee not in members:
                    reason = (
                        f"attendee {attendee!r} of the meeting on {meeting.held_on.isoformat()} "
                        "is not a member of the committee"
                    )
                    raise at_path(("meetings", i, "attendees", j), reason)
        return CoordinationCommittee(
            pole_id=self.pole_id,
            members=build_each("members", self.members, CommitteeMemberModel.to_domain),
            meetings=build_each("meetings", self.meetings, MeetingModel.to_domain),
            planned=self.planned,
        )

    @classmethod
    @from_domain_of(CoordinationCommittee)
    def from_domain(cls, obj: CoordinationCommittee) -> CoordinationCommitteeModel:
        """Describe *obj* for JSON."""
        return cls(
            pole_id=obj.pole_id,
            members=tuple(CommitteeMemberModel.from_domain(m) for m in obj.members),
            meetings=tuple(MeetingModel.from_domain(m) for m in obj.meetings),
            planned=obj.planned,
        )
