"""
JSON models of structuring projects: platforms, calls, CPER and allocations.

Covers STRUCT.1 (calls for projects, innovation platforms and their
financing plans), SYN.4 (CPER envelopes and structuring projects) and SYN.2
(ministries' allocations).
"""

from __future__ import annotations

from poles_policy.boundary._base import IsoDate, Model, Money, RegionCode, build_each
from poles_policy.model.cper import Allocation, CperEnvelope, StructuringProject
from poles_policy.model.platforms import (
    CallForProjects,
    FinancingLine,
    FundingSource,
    InnovationPlatform,
    PlatformUser,
    UserKind,
)

__all__ = [
    "AllocationModel",
    "CallForProjectsModel",
    "CperEnvelopeModel",
    "FinancingLineModel",
    "InnovationPlatformModel",
    "PlatformUserModel",
    "StructuringProjectModel",
]


class CallForProjectsModel(Model):
    """A call for structuring projects; ``targeted_pole_ids`` empty means every pôle."""

    id: str
    name: str
    opens_on: IsoDate
    closes_on: IsoDate
    targeted_pole_ids: tuple[str, ...] = ()

    def to_domain(self) -> CallForProjects:
        """Build the domain object."""
        return CallForProjects(
            id=self.id,
            name=self.name,
            opens_on=self.opens_on,
            closes_on=self.closes_on,
            targeted_pole_ids=self.targeted_pole_ids,
        )

    @classmethod
    def from_domain(cls, obj: CallForProjects) -> CallForProjectsModel:
        """Describe *obj* for JSON."""
        return cls(
            id=obj.id,
            name=obj.name,
            opens_on=obj.opens_on,
            closes_on=obj.closes_on,
            targeted_pole_ids=obj.targeted_pole_ids,
        )


class FinancingLineModel(Model):
    """A line of a financing plan; ``year`` absent or ``null`` for the whole plan."""

    source: FundingSource
    year: int | None = None
    amount: Money

    def to_domain(self) -> FinancingLine:
        """Build the domain object."""
        return FinancingLine(source=self.source, year=self.year, amount=self.amount)

    @classmethod
    def from_domain(cls, obj: FinancingLine) -> FinancingLineModel:
        """Describe *obj* for JSON."""
        return cls(source=obj.source, year=obj.year, amount=obj.amount)


class PlatformUserModel(Model):
    """A platform user or class of users."""

    name: str
    kind: UserKind

    def to_domain(self) -> PlatformUser:
        """Build the domain object."""
        return PlatformUser(name=self.name, kind=self.kind)

    @classmethod
    def from_domain(cls, obj: PlatformUser) -> PlatformUserModel:
        """Describe *obj* for JSON."""
        return cls(name=obj.name, kind=obj.kind)


class InnovationPlatformModel(Model):
    """An innovation platform and its financing plan."""

    id: str
    name: str
    carrying_pole_ids: tuple[str, ...] = ()
    users: tuple[PlatformUserModel, ...] = ()
    open_access: bool | None = None
    investment_budget: Money
    operating_budget: Money
    study_cost: Money | None = None
    financing: tuple[FinancingLineModel, ...] = ()
    call_id: str | None = None
    submitted_on: IsoDate | None = None

    def to_domain(self) -> InnovationPlatform:
        """Build the domain object."""
        return InnovationPlatform(
            id=self.id,
            name=self.name,
            carrying_pole_ids=self.carrying_pole_ids,
            users=build_each("users", self.users, PlatformUserModel.to_domain),
            open_access=self.open_access,
            investment_budget=self.investment_budget,
            operating_budget=self.operating_budget,
            study_cost=self.study_cost,
            financing=build_each("financing", self.financing, FinancingLineModel.to_domain),
            call_id=self.call_id,
            submitted_on=self.submitted_on,
        )

    @classmethod
    def from_domain(cls, obj: InnovationPlatform) -> InnovationPlatformModel:
        """Describe *obj* for JSON."""
        return cls(
            id=obj.id,
            name=obj.name,
            carrying_pole_ids=obj.carrying_pole_ids,
            users=tuple(PlatformUserModel.from_domain(u) for u in obj.users),
            open_access=obj.open_access,
            investment_budget=obj.investment_budget,
            operating_budget=obj.operating_budget,
            study_cost=obj.study_cost,
            financing=tuple(FinancingLineModel.from_domain(f) for f in obj.financing),
            call_id=obj.call_id,
            submitted_on=obj.submitted_on,
        )


class CperEnvelopeModel(Model):
    """A CPER envelope for a region and period."""

    id: str
    region: RegionCode
    period_start: IsoDate
    period_end: IsoDate
    amount: Money

    def to_domain(self) -> CperEnvelope:
        """Build the domain object."""
        return CperEnvelope(
            id=self.id,
            region=self.region,
            period_start=self.period_start,
            period_end=self.period_end,
            amount=self.amount,
        )

    @classmethod
    def from_domain(cls, obj: CperEnvelope) -> CperEnvelopeModel:
        """Describe *obj* for JSON."""
        return cls(
            id=obj.id,
            region=obj.region,
            period_start=obj.period_start,
            period_end=obj.period_end,
            amount=obj.amount,
        )


class StructuringProjectModel(Model):
    """A structuring project put forward for CPER funding."""

    id: str
    name: str
    region: RegionCode
    pole_ids: tuple[str, ...] = ()
    requested: Money
    priority_rank: int | None = None

    def to_domain(self) -> StructuringProject:
        """Build the domain object."""
        return StructuringProject(
            id=self.id,
            name=self.name,
            region=self.region,
            pole_ids=self.pole_ids,
            requested=self.requested,
            priority_rank=self.priority_rank,
        )

    @classmethod
    def from_domain(cls, obj: StructuringProject) -> StructuringProjectModel:
        """Describe *obj* for JSON."""
        return cls(
            id=obj.id,
            name=obj.name,
            region=obj.region,
            pole_ids=obj.pole_ids,
            requested=obj.requested,
            priority_rank=obj.priority_rank,
        )


class AllocationModel(Model):
    """A ministry's allocation; ``pole_id`` set when it is linked to a pôle."""

    ministry: str
    body: str
    year: int
    amount: Money
    pole_id: str | None = None

    def to_domain(self) -> Allocation:
        """Build the domain object."""
        return Allocation(
            ministry=self.ministry,
            body=self.body,
            year=self.year,
            amount=self.amount,
            pole_id=self.pole_id,
        )

    @classmethod
    def from_domain(cls, obj: Allocation) -> AllocationModel:
        """Describe *obj* for JSON."""
        return cls(
            ministry=obj.ministry,
            body=obj.body,
            year=obj.year,
            amount=obj.amount,
            pole_id=obj.pole_id,
        )
