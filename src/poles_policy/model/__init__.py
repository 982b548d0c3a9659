"""
The domain model: immutable, typed objects of the policy (DESIGN section 3).

Objects hold invariants only (no negative amount, no end before its start,
no share above 1); whether a case satisfies the policy is for the rules.
"""

from __future__ import annotations

from poles_policy.model.actors import (
    Accounts,
    Actor,
    AuthorityLevel,
    Bank,
    CooperationKind,
    CooperationStructure,
    Enterprise,
    LocalAuthority,
    Oseo,
    RelatedEnterprise,
    ResearchKind,
    ResearchOrganisation,
    StateBody,
    StateKind,
    actor_region,
)
from poles_policy.model.cases import RelayCase
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
from poles_policy.model.cper import Allocation, CperEnvelope, StructuringProject
from poles_policy.model.interpole import InterPoleFile, PoleShare
from poles_policy.model.platforms import (
    CallForProjects,
    FinancingLine,
    FundingSource,
    InnovationPlatform,
    PlatformUser,
    UserKind,
)
from poles_policy.model.poles import (
    Category,
    EvaluationGroup,
    GoverningBody,
    LabelEvent,
    LabelEventKind,
    Pole,
    StateCorrespondent,
)
from poles_policy.model.projects import (
    AidDecision,
    CollaborativeProject,
    Funder,
    PartnerAid,
    PartnerRole,
    Payment,
    PaymentKind,
    PoleLabel,
    ProjectPartner,
    ScheduledPayment,
)
from poles_policy.model.regions import Region, RegionKind
from poles_policy.model.relay import RelayLoan, RelayRequest
from poles_policy.model.synergies import Involvement, PoleSynergies

__all__ = [
    "Accounts",
    "Actor",
    "AidDecision",
    "Allocation",
    "AuthorityLevel",
    "Axis",
    "Bank",
    "CallForProjects",
    "Category",
    "CollaborativeProject",
    "CommitteeMember",
    "CooperationKind",
    "CooperationStructure",
    "CoordinationCommittee",
    "CperEnvelope",
    "Direction",
    "Enterprise",
    "EvaluationGroup",
    "FinancingLine",
    "Funder",
    "FundingSource",
    "GoverningBody",
    "Indicator",
    "InnovationPlatform",
    "InterPoleFile",
    "Involvement",
    "LabelEvent",
    "LabelEventKind",
    "LocalAuthority",
    "Measurement",
    "Meeting",
    "Objective",
    "OperatingBudget",
    "Oseo",
    "PartnerAid",
    "PartnerRole",
    "Payment",
    "PaymentKind",
    "PerformanceContract",
    "PlatformUser",
    "Pole",
    "PoleLabel",
    "PoleShare",
    "PoleSynergies",
    "ProjectPartner",
    "Region",
    "RegionKind",
    "RelatedEnterprise",
    "RelayCase",
    "RelayLoan",
    "RelayRequest",
    "ResearchKind",
    "ResearchOrganisation",
    "ScheduledPayment",
    "StateBody",
    "StateCorrespondent",
    "StateKind",
    "StructuringProject",
    "UserKind",
    "actor_region",
]
