"""
JSON models of structuring projects: platforms, calls, CPER and allocations.

Covers STRUCT.1 (calls for projects, innovation platforms and their
financing plans), SYN.4 (CPER envelopes and structuring projects) and SYN.2
(ministries' allocations).
"""

from __future__ import annotations

from pydantic import Field

from poles_policy.boundary._base import (
    CalendarYear,
    Flag,
    IsoDate,
    Model,
    Money,
    Rank,
    RegionCode,
    build_each,
    from_domain_of,
)
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
    """
    A specific call for projects (appel à projets) for structuring projects (STRUCT.1).

    ``targeted_pole_ids`` empty means every pôle.
    """

    id: str = Field(description='Stable identifier of the call, e.g. "PFI-1"; non-empty.')
    name: str = Field(description="The call's title; non-empty.")
    opens_on: IsoDate = Field(
        description="The first day applications are accepted. ISO date YYYY-MM-DD."
    )
    closes_on: IsoDate = Field(
        description=("The closing day (inclusive), not before the opening. ISO date YYYY-MM-DD.")
    )
    targeted_pole_ids: tuple[str, ...] = Field(
        default=(),
        description=(
            "Ids of the pôles the call is aimed at, none twice; empty (the default) when it is "
            "open to every pôle."
        ),
    )

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
    @from_domain_of(CallForProjects)
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

    source: FundingSource = Field(
        description=(
            "Where the money comes from: state_fce_investment (State investment aid from the "
            "Fonds de compétitivité des entreprises, FCE), state_fce_operating (State operating "
            "aid from the FCE, decreasing, normally for at most three years), cdc_studies "
            "(Caisse des Dépôts support for engineering studies), local_authorities "
            "(collectivités territoriales), feder (European Regional Development Fund), "
            "partners (partners' contributions, in cash or in kind), user_fees (fees paid by "
            "the platform's users) or other."
        )
    )
    year: CalendarYear | None = Field(
        default=None,
        description=(
            "The calendar year the line covers, e.g. 2010, from 1 to 9999; absent or null when "
            "it covers the whole plan. State operating aid (state_fce_operating) for a year "
            "before the call opened or before the submission fails the operating-aid check."
        ),
    )
    amount: Money = Field(description="The amount, in euros exact to the cent, non-negative.")

    def to_domain(self) -> FinancingLine:
        """Build the domain object."""
        return FinancingLine(source=self.source, year=self.year, amount=self.amount)

    @classmethod
    @from_domain_of(FinancingLine)
    def from_domain(cls, obj: FinancingLine) -> FinancingLineModel:
        """Describe *obj* for JSON."""
        return cls(source=obj.source, year=obj.year, amount=obj.amount)


class PlatformUserModel(Model):
    """A user (or a class of users) of an innovation platform."""

    name: str = Field(
        description="The user's name, or a description of the class of users; non-empty."
    )
    kind: UserKind = Field(
        description=(
            "sme (a small or medium-sized enterprise, PME), large_enterprise, laboratory or other."
        )
    )

    def to_domain(self) -> PlatformUser:
        """Build the domain object."""
        return PlatformUser(name=self.name, kind=self.kind)

    @classmethod
    @from_domain_of(PlatformUser)
    def from_domain(cls, obj: PlatformUser) -> PlatformUserModel:
        """Describe *obj* for JSON."""
        return cls(name=obj.name, kind=obj.kind)


class InnovationPlatformModel(Model):
    """
    An innovation platform (plate-forme d'innovation) and its financing plan (STRUCT.1).

    Pooled equipment, staff and services open to the pôle's firms, SMEs above
    all, and laboratories.
    """

    id: str = Field(description="Stable identifier of the platform; non-empty.")
    name: str = Field(description='Its name, e.g. "Axel\'One"; non-empty.')
    carrying_pole_ids: tuple[str, ...] = Field(
        default=(),
        description=(
            "Ids of the pôles that carry it, none twice; empty (the default) when none is given."
        ),
    )
    users: tuple[PlatformUserModel, ...] = Field(
        default=(),
        description="Its users or classes of users; empty (the default) when none is given.",
    )
    open_access: Flag | None = Field(
        default=None,
        description=(
            "Whether it is open to outside users (firms, SMEs above all, and laboratories) at "
            "an affordable cost: true, false, or absent / null when unknown."
        ),
    )
    investment_budget: Money = Field(
        description="The investment budget, in euros exact to the cent, non-negative."
    )
    operating_budget: Money = Field(
        description="The operating budget, in euros exact to the cent, non-negative."
    )
    study_cost: Money | None = Field(
        default=None,
        description=(
            "The cost of the engineering studies, in euros exact to the cent, non-negative; "
            "absent or null when unknown or when no study was made."
        ),
    )
    financing: tuple[FinancingLineModel, ...] = Field(
        default=(),
        description=(
            "The financing plan, by source (and year when known); empty (the default) when no "
            "plan is given."
        ),
    )
    call_id: str | None = Field(
        default=None,
        description=(
            "Id of the call for projects it answers, non-empty; absent or null when none or "
            "unknown."
        ),
    )
    submitted_on: IsoDate | None = Field(
        default=None,
        description=(
            "The date it was submitted to the call. ISO date YYYY-MM-DD; absent or null when "
            "unknown."
        ),
    )

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
    @from_domain_of(InnovationPlatform)
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
    """
    A CPER envelope (contrat de projets État-Région, State-Region project contract) (SYN.4).

    The amount a region's contract sets aside for structuring projects over a
    period; it gives priority to projects linked to pôles.
    """

    id: str = Field(description='Stable identifier, e.g. "cper-82-2007"; non-empty.')
    region: RegionCode = Field(
        description='INSEE code (two digits, e.g. "82") of the region of the contract.'
    )
    period_start: IsoDate = Field(
        description="The first day of the contract period. ISO date YYYY-MM-DD."
    )
    period_end: IsoDate = Field(
        description=(
            "The last day of the contract period (inclusive), after the start. ISO date YYYY-MM-DD."
        )
    )
    amount: Money = Field(
        description=(
            "The amount available for structuring projects, in euros exact to the cent, "
            "non-negative."
        )
    )

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
    @from_domain_of(CperEnvelope)
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
    """A structuring project (projet structurant) put forward for CPER funding (SYN.4)."""

    id: str = Field(description="Stable identifier of the project; non-empty.")
    name: str = Field(description="Its name; non-empty.")
    region: RegionCode = Field(description='INSEE code (two digits, e.g. "82") of its region.')
    pole_ids: tuple[str, ...] = Field(
        default=(),
        description=(
            "Ids of the pôles it is linked to, none twice; empty (the default) when it is linked "
            "to none, and then not a priority under SYN.4."
        ),
    )
    requested: Money = Field(
        description=(
            "The amount requested from the envelope, in euros exact to the cent, non-negative."
        )
    )
    priority_rank: Rank | None = Field(
        default=None,
        description=(
            "Its rank in the region's priority list, 1 being first; absent or null when not ranked."
        ),
    )

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
    @from_domain_of(StructuringProject)
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
    """
    A ministry's allocation to a body it supervises (SYN.2).

    ``pole_id`` is set when it is linked to a pôle.
    """

    ministry: str = Field(
        description=(
            "The allocating ministry; non-empty. Spellings that differ only in case, in blanks "
            "around or between words, or in Unicode composition name one ministry (SYN.2 "
            "groups by Allocation.ministry_key); accents count."
        )
    )
    body: str = Field(
        description=(
            "The research or training body the ministry supervises (organisme sous tutelle) "
            "that receives the allocation; non-empty, kept as given."
        )
    )
    year: CalendarYear = Field(
        description="The year of the allocation, e.g. 2009: a calendar year, 1 to 9999."
    )
    amount: Money = Field(
        description="The amount allocated, in euros exact to the cent, non-negative."
    )
    pole_id: str | None = Field(
        default=None,
        description=(
            "Id of the pôle the allocation is linked to (tracked and quantified under SYN.2), "
            "non-empty; absent or null when it is not linked to a pôle."
        ),
    )

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
    @from_domain_of(Allocation)
    def from_domain(cls, obj: Allocation) -> AllocationModel:
        """Describe *obj* for JSON."""
        return cls(
            ministry=obj.ministry,
            body=obj.body,
            year=obj.year,
            amount=obj.amount,
            pole_id=obj.pole_id,
        )
