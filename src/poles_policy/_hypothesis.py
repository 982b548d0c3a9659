"""
The registration of poles_policy's strategies for ``st.from_type``.

:func:`setup` runs once, when both Hypothesis and poles_policy are imported:
from Hypothesis' entry point (``_poles_policy_hypothesis``) when poles_policy
was imported first, else from ``poles_policy``'s own import. So
``import hypothesis`` alone never imports poles_policy. The strategies
module imports Hypothesis itself, so it is reached only lazily here (through
callables and ``st.deferred``), which keeps the import free of cycles
whichever of the two is imported first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from types import ModuleType

    from hypothesis.strategies import SearchStrategy

    from poles_policy.model.interpole import PoleShare


def _kit() -> ModuleType:
    from poles_policy import testing

    return testing


def _pole_shares() -> SearchStrategy[PoleShare]:
    from hypothesis import strategies as st

    from poles_policy.model.interpole import PoleShare
    from poles_policy.testing._values import _POLE_IDS

    return st.builds(PoleShare, pole_id=st.sampled_from(_POLE_IDS), amount=_kit().eur_amounts())


_registered: list[bool] = []


def setup() -> None:  # noqa: PLR0915 - one registration per domain type, in the model's order
    """Register a strategy for each of poles_policy's domain types (once)."""
    if _registered:
        return
    _registered.append(True)
    from hypothesis import strategies as st

    from poles_policy.model.actors import (
        Accounts,
        Bank,
        CooperationStructure,
        Enterprise,
        LocalAuthority,
        Oseo,
        RelatedEnterprise,
        ResearchOrganisation,
        StateBody,
    )
    from poles_policy.model.cases import RelayCase
    from poles_policy.model.committees import CommitteeMember, CoordinationCommittee, Meeting
    from poles_policy.model.contracts import (
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
        InnovationPlatform,
        PlatformUser,
    )
    from poles_policy.model.poles import GoverningBody, LabelEvent, Pole, StateCorrespondent
    from poles_policy.model.projects import (
        AidDecision,
        CollaborativeProject,
        PartnerAid,
        Payment,
        PoleLabel,
        ProjectPartner,
        ScheduledPayment,
    )
    from poles_policy.model.regions import Region
    from poles_policy.model.relay import RelayLoan, RelayRequest
    from poles_policy.model.synergies import Involvement, PoleSynergies
    from poles_policy.money import Eur, Rate

    st.register_type_strategy(Eur, st.deferred(lambda: _kit().eur_amounts()))
    st.register_type_strategy(Rate, st.deferred(lambda: _kit().rates()))
    # actors
    # accounts() draws an enterprise's periods as a tuple; one period stands for the type.
    st.register_type_strategy(
        Accounts, st.deferred(lambda: _kit().accounts(years=(2008,)).map(lambda a: a[0]))
    )
    st.register_type_strategy(RelatedEnterprise, st.deferred(lambda: _kit().related_enterprises()))
    st.register_type_strategy(Enterprise, st.deferred(lambda: _kit().enterprises()))
    st.register_type_strategy(
        ResearchOrganisation, st.deferred(lambda: _kit().research_organisations())
    )
    st.register_type_strategy(
        CooperationStructure, st.deferred(lambda: _kit().cooperation_structures())
    )
    st.register_type_strategy(LocalAuthority, st.deferred(lambda: _kit().local_authorities()))
    st.register_type_strategy(StateBody, st.deferred(lambda: _kit().state_bodies()))
    st.register_type_strategy(Bank, st.deferred(lambda: _kit().banks()))
    st.register_type_strategy(Oseo, st.deferred(lambda: _kit().oseo_offices()))
    st.register_type_strategy(Region, st.deferred(lambda: _kit().regions()))
    # pôles
    st.register_type_strategy(LabelEvent, st.deferred(lambda: _kit().label_events()))
    st.register_type_strategy(GoverningBody, st.deferred(lambda: _kit().governing_bodies()))
    st.register_type_strategy(
        StateCorrespondent, st.deferred(lambda: _kit().state_correspondents())
    )
    st.register_type_strategy(Pole, st.deferred(lambda: _kit().poles()))
    # collaborative projects and relay financing
    st.register_type_strategy(PoleLabel, st.deferred(lambda: _kit().pole_labels()))
    st.register_type_strategy(Payment, st.deferred(lambda: _kit().payments()))
    st.register_type_strategy(ScheduledPayment, st.deferred(lambda: _kit().scheduled_payments()))
    st.register_type_strategy(PartnerAid, st.deferred(lambda: _kit().partner_aids()))
    st.register_type_strategy(AidDecision, st.deferred(lambda: _kit().aid_decisions()))
    st.register_type_strategy(ProjectPartner, st.deferred(lambda: _kit().project_partners()))
    st.register_type_strategy(CollaborativeProject, st.deferred(lambda: _kit().projects()))
    st.register_type_strategy(RelayRequest, st.deferred(lambda: _kit().relay_requests()))
    st.register_type_strategy(RelayLoan, st.deferred(lambda: _kit().relay_loans()))
    st.register_type_strategy(RelayCase, st.deferred(lambda: _kit().relay_cases()))
    # calls for projects and innovation platforms
    st.register_type_strategy(CallForProjects, st.deferred(lambda: _kit().calls_for_projects()))
    st.register_type_strategy(FinancingLine, st.deferred(lambda: _kit().financing_lines()))
    st.register_type_strategy(PlatformUser, st.deferred(lambda: _kit().platform_users()))
    st.register_type_strategy(
        InnovationPlatform, st.deferred(lambda: _kit().innovation_platforms())
    )
    # CPER envelopes, structuring projects and allocations
    st.register_type_strategy(CperEnvelope, st.deferred(lambda: _kit().cper_envelopes()))
    st.register_type_strategy(
        StructuringProject, st.deferred(lambda: _kit().structuring_projects())
    )
    st.register_type_strategy(Allocation, st.deferred(lambda: _kit().allocations()))
    # inter-pôle files
    # A share alone is a pôle id and an amount: the kit's pôle ids, so that shares meet pôles.
    st.register_type_strategy(PoleShare, st.deferred(_pole_shares))
    st.register_type_strategy(InterPoleFile, st.deferred(lambda: _kit().inter_pole_files()))
    # synergies
    st.register_type_strategy(Involvement, st.deferred(lambda: _kit().involvements()))
    st.register_type_strategy(PoleSynergies, st.deferred(lambda: _kit().pole_synergies()))
    # performance contracts and coordination committees
    st.register_type_strategy(Measurement, st.deferred(lambda: _kit().measurements()))
    st.register_type_strategy(Indicator, st.deferred(lambda: _kit().indicators()))
    st.register_type_strategy(Objective, st.deferred(lambda: _kit().objectives()))
    st.register_type_strategy(OperatingBudget, st.deferred(lambda: _kit().operating_budgets()))
    st.register_type_strategy(
        PerformanceContract, st.deferred(lambda: _kit().performance_contracts())
    )
    st.register_type_strategy(CommitteeMember, st.deferred(lambda: _kit().committee_members()))
    st.register_type_strategy(Meeting, st.deferred(lambda: _kit().meetings()))
    st.register_type_strategy(
        CoordinationCommittee, st.deferred(lambda: _kit().coordination_committees())
    )
