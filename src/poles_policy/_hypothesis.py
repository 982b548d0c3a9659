"""
The registration of poles_policy's strategies for ``st.from_type``.

:func:`setup` runs once, when both Hypothesis and poles_policy are imported:
from Hypothesis' entry point (``_poles_policy_hypothesis``) when poles_policy
was imported first, else from ``poles_policy``'s own import. So
``import hypothesis`` alone never imports poles_policy. The strategies
module imports Hypothesis itself, so it is reached only lazily here: each
type is registered with a function that builds its strategy when
``st.from_type`` first asks for it (a strategy, even ``st.deferred``, would
be built at once, as Hypothesis checks that it is not empty). The import
stays free of cycles, and light, whichever of the two is imported first.
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

    from poles_policy.explain import Check, Decision
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

    st.register_type_strategy(Eur, lambda _: _kit().eur_amounts())
    # the rules' explained answers
    st.register_type_strategy(Decision, lambda _: _kit().decisions())
    st.register_type_strategy(Check, lambda _: _kit().checks())
    st.register_type_strategy(Rate, lambda _: _kit().rates())
    # actors
    # accounts() draws an enterprise's periods as a tuple; one period stands for the type.
    st.register_type_strategy(
        Accounts, lambda _: _kit().accounts(years=(2008,)).map(lambda a: a[0])
    )
    st.register_type_strategy(RelatedEnterprise, lambda _: _kit().related_enterprises())
    st.register_type_strategy(Enterprise, lambda _: _kit().enterprises())
    st.register_type_strategy(ResearchOrganisation, lambda _: _kit().research_organisations())
    st.register_type_strategy(CooperationStructure, lambda _: _kit().cooperation_structures())
    st.register_type_strategy(LocalAuthority, lambda _: _kit().local_authorities())
    st.register_type_strategy(StateBody, lambda _: _kit().state_bodies())
    st.register_type_strategy(Bank, lambda _: _kit().banks())
    st.register_type_strategy(Oseo, lambda _: _kit().oseo_offices())
    st.register_type_strategy(Region, lambda _: _kit().regions())
    # pôles
    st.register_type_strategy(LabelEvent, lambda _: _kit().label_events())
    st.register_type_strategy(GoverningBody, lambda _: _kit().governing_bodies())
    st.register_type_strategy(StateCorrespondent, lambda _: _kit().state_correspondents())
    st.register_type_strategy(Pole, lambda _: _kit().poles())
    # collaborative projects and relay financing
    st.register_type_strategy(PoleLabel, lambda _: _kit().pole_labels())
    st.register_type_strategy(Payment, lambda _: _kit().payments())
    st.register_type_strategy(ScheduledPayment, lambda _: _kit().scheduled_payments())
    st.register_type_strategy(PartnerAid, lambda _: _kit().partner_aids())
    st.register_type_strategy(AidDecision, lambda _: _kit().aid_decisions())
    st.register_type_strategy(ProjectPartner, lambda _: _kit().project_partners())
    st.register_type_strategy(CollaborativeProject, lambda _: _kit().projects())
    st.register_type_strategy(RelayRequest, lambda _: _kit().relay_requests())
    st.register_type_strategy(RelayLoan, lambda _: _kit().relay_loans())
    st.register_type_strategy(RelayCase, lambda _: _kit().relay_cases())
    # calls for projects and innovation platforms
    st.register_type_strategy(CallForProjects, lambda _: _kit().calls_for_projects())
    st.register_type_strategy(FinancingLine, lambda _: _kit().financing_lines())
    st.register_type_strategy(PlatformUser, lambda _: _kit().platform_users())
    st.register_type_strategy(InnovationPlatform, lambda _: _kit().innovation_platforms())
    # CPER envelopes, structuring projects and allocations
    st.register_type_strategy(CperEnvelope, lambda _: _kit().cper_envelopes())
    st.register_type_strategy(StructuringProject, lambda _: _kit().structuring_projects())
    st.register_type_strategy(Allocation, lambda _: _kit().allocations())
    # inter-pôle files
    # A share alone is a pôle id and an amount: the kit's pôle ids, so that shares meet pôles.
    st.register_type_strategy(PoleShare, lambda _: _pole_shares())
    st.register_type_strategy(InterPoleFile, lambda _: _kit().inter_pole_files())
    # synergies
    st.register_type_strategy(Involvement, lambda _: _kit().involvements())
    st.register_type_strategy(PoleSynergies, lambda _: _kit().pole_synergies())
    # performance contracts and coordination committees
    st.register_type_strategy(Measurement, lambda _: _kit().measurements())
    st.register_type_strategy(Indicator, lambda _: _kit().indicators())
    st.register_type_strategy(Objective, lambda _: _kit().objectives())
    st.register_type_strategy(OperatingBudget, lambda _: _kit().operating_budgets())
    st.register_type_strategy(PerformanceContract, lambda _: _kit().performance_contracts())
    st.register_type_strategy(CommitteeMember, lambda _: _kit().committee_members())
    st.register_type_strategy(Meeting, lambda _: _kit().meetings())
    st.register_type_strategy(CoordinationCommittee, lambda _: _kit().coordination_committees())
