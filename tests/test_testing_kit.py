from __future__ import annotations

import contextlib
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import NoSuchExample

from poles_policy import model
from poles_policy.boundary.actors import (
    AccountsModel,
    BankModel,
    CooperationStructureModel,
    EnterpriseModel,
    LocalAuthorityModel,
    OseoModel,
    RelatedEnterpriseModel,
    ResearchOrganisationModel,
    StateBodyModel,
)
from poles_policy.boundary.case import RelayCaseModel, parse_case
from poles_policy.boundary.contracts import (
    CommitteeMemberModel,
    CoordinationCommitteeModel,
    IndicatorModel,
    MeasurementModel,
    MeetingModel,
    ObjectiveModel,
    OperatingBudgetModel,
    PerformanceContractModel,
)
from poles_policy.boundary.platforms import (
    AllocationModel,
    CallForProjectsModel,
    CperEnvelopeModel,
    FinancingLineModel,
    InnovationPlatformModel,
    PlatformUserModel,
    StructuringProjectModel,
)
from poles_policy.boundary.poles import (
    GoverningBodyModel,
    LabelEventModel,
    PoleModel,
    StateCorrespondentModel,
)
from poles_policy.boundary.projects import (
    AidDecisionModel,
    CollaborativeProjectModel,
    PartnerAidModel,
    PaymentModel,
    PoleLabelModel,
    ProjectPartnerModel,
    ScheduledPaymentModel,
)
from poles_policy.boundary.regions import RegionModel
from poles_policy.boundary.relay import RelayLoanModel, RelayRequestModel
from poles_policy.boundary.synergies import InvolvementModel, PoleSynergiesModel
from poles_policy.explain import Outcome, Status
from poles_policy.model.actors import (
    Accounts,
    Actor,
    Bank,
    CooperationStructure,
    Enterprise,
    LocalAuthority,
    Oseo,
    RelatedEnterprise,
    ResearchOrganisation,
    StateBody,
    StateKind,
    actor_region,
)
from poles_policy.model.committees import CommitteeMember, CoordinationCommittee, Meeting
from poles_policy.model.contracts import (
    Direction,
    Indicator,
    Measurement,
    Objective,
    OperatingBudget,
    PerformanceContract,
)
from poles_policy.model.cper import Allocation, CperEnvelope, StructuringProject
from poles_policy.model.platforms import (
    CallForProjects,
    FinancingLine,
    FundingSource,
    InnovationPlatform,
    PlatformUser,
)
from poles_policy.model.poles import (
    Category,
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
    Payment,
    PoleLabel,
    ProjectPartner,
    ScheduledPayment,
)
from poles_policy.model.regions import Region, all_regions, region
from poles_policy.model.relay import RelayLoan, RelayRequest
from poles_policy.model.synergies import Involvement, PoleSynergies
from poles_policy.money import Eur
from poles_policy.parameters import default_parameters
from poles_policy.rules.committees import committee_regularity
from poles_policy.rules.cper import allocate_envelope, linked_allocation_shares
from poles_policy.rules.platforms import platform_eligibility
from poles_policy.rules.relay import assess, eligibility
from poles_policy.rules.steering import Progress, contract_progress, contract_terms
from poles_policy.rules.synergies import cooperation_involvement
from poles_policy.testing import (
    calls_for_projects,
    coordination_committees,
    innovation_platforms,
    performance_contracts,
    pole_synergies,
    poles,
    relay_cases,
    relay_requests,
    structuring_projects,
)

if TYPE_CHECKING:
    from poles_policy.model.cases import RelayCase

PARAMS = default_parameters()


@given(st.from_type(Eur))
def test_eur_is_registered_for_from_type(amount: Eur) -> None:
    assert amount == amount.quantize(Decimal("0.01"))


@given(st.from_type(Enterprise))
def test_enterprise_is_registered_for_from_type(enterprise: Enterprise) -> None:
    # None to three periods, each closing on 31 December of a distinct year of 2006-2011.
    ends = [a.period_end for a in enterprise.accounts]
    assert len(set(ends)) == len(ends) <= 3
    assert all((e.month, e.day) == (12, 31) and 2006 <= e.year <= 2011 for e in ends)


@given(st.from_type(Pole))
def test_pole_is_registered_for_from_type(pole: Pole) -> None:
    # Every generated pôle is labelled from its first event, in 2005-2008.
    first = pole.history[0]
    assert first.kind is LabelEventKind.LABELLED
    assert pole.is_labelled_on(first.on)
    assert [e.on for e in pole.history] == sorted(e.on for e in pole.history)


@given(st.from_type(RelayRequest))
def test_generated_requests_are_valid_and_decided(request: RelayRequest) -> None:
    decision = eligibility(request, PARAMS)
    assert decision.outcome in set(Outcome)
    assert len(decision.checks) == 8


@pytest.mark.parametrize("outcome", list(Outcome))
def test_the_request_strategy_reaches_every_outcome(outcome: Outcome) -> None:
    # A third of the generated requests have each outcome (tests/testing/test_relay.py
    # measures it): a small budget finds one.
    found = find(
        relay_requests(),
        lambda r: eligibility(r, PARAMS).outcome is outcome,
        settings=settings(
            max_examples=100, database=None, derandomize=True, phases=[Phase.generate]
        ),
    )
    assert eligibility(found, PARAMS).outcome is outcome


@given(relay_requests())
def test_a_met_remaining_condition_never_exceeds_the_remaining_subsidy(
    request: RelayRequest,
) -> None:
    d = eligibility(request, PARAMS)
    if d.check("relay.remaining").status is Status.MET:
        aids = request.project.state_aid_for(request.applicant.id) or ()
        assert request.amount <= sum((a.granted for a in aids), Decimal(0))


@given(relay_cases())
def test_generated_cases_round_trip_through_json(case: RelayCase) -> None:
    text = RelayCaseModel.from_domain(case).model_dump_json()
    assert parse_case(text) == case


@given(relay_cases())
def test_generated_cases_are_assessed_without_errors(case: RelayCase) -> None:
    a = assess(case.request, PARAMS, loan=case.loan)
    before_the_pilot = case.request.requested_on < date(2008, 4, 1)
    if a.outcome is Outcome.INELIGIBLE or before_the_pilot:
        # No relay, or no relay terms yet: no figures, and the account says so.
        assert (a.guarantee, a.timing, a.cost) == (None, None, None)
        assert "No relay financing" in a.explain()
    else:
        assert a.timing is not None
        assert a.timing.days_low is None or a.timing.days_low >= 0


# -- every domain type through st.from_type ----------------------------------------------------

# Every class the model exports (domain objects and their enums): none is left out. The kit
# registers a strategy for each domain object; Hypothesis draws enums by itself.
DOMAIN_CLASSES: list[type] = [
    obj for name in model.__all__ if isinstance(obj := getattr(model, name), type)
]


def test_the_model_exports_only_classes_besides_the_actor_union_and_actor_region() -> None:
    others = {name for name in model.__all__ if not isinstance(getattr(model, name), type)}
    assert others == {"Actor", "actor_region"}
    assert len(DOMAIN_CLASSES) == len(model.__all__) - 2


@pytest.mark.parametrize("cls", DOMAIN_CLASSES, ids=lambda cls: cls.__name__)
@settings(max_examples=5)
@given(data=st.data())
def test_every_domain_class_resolves_through_from_type(cls: type, data: st.DataObject) -> None:
    assert isinstance(data.draw(st.from_type(cls)), cls)


# from_type resolves the union to its members' strategies; its stubs only name classes.
@given(st.from_type(cast("type[Actor]", Actor)))
def test_any_actor_is_in_a_region_of_2009_or_in_none(actor: Actor) -> None:
    code = actor_region(actor)
    assert code is None or region(code, date(2009, 1, 1)).code == code


# -- what each strategy promises ---------------------------------------------------------------

# What is checked here holds by construction: a few examples per strategy suffice.
FEW = settings(max_examples=25)


@FEW
@given(st.from_type(RelatedEnterprise))
def test_related_enterprises_have_a_share_and_accounts_of_a_few_years_or_none(
    related: RelatedEnterprise,
) -> None:
    assert Decimal("0.10") <= related.share <= 1
    years = [a.period_end.year for a in related.accounts]
    assert years in ([], [2007, 2008], [2008], [2009, 2010])


@FEW
@given(st.from_type(CooperationStructure))
def test_cooperation_structures_have_up_to_three_distinct_founders(
    structure: CooperationStructure,
) -> None:
    assert len(set(structure.founders)) == len(structure.founders) <= 3


@FEW
@given(st.from_type(LocalAuthority))
def test_local_authorities_lie_in_a_region_of_2009(authority: LocalAuthority) -> None:
    assert authority.region is not None
    assert region(authority.region, date(2009, 1, 1)).code == authority.region


@FEW
@given(st.from_type(StateBody))
def test_only_a_prefet_de_region_has_a_region(body: StateBody) -> None:
    assert (body.region is not None) == (body.kind is StateKind.PREFET_DE_REGION)
    if body.region is not None:
        assert body.id == f"prefet-{body.region}"


@FEW
@given(st.from_type(Bank), st.from_type(Oseo))
def test_banks_and_oseo_offices_are_numbered_from_0_to_99(bank: Bank, oseo: Oseo) -> None:
    assert int(bank.id.removeprefix("bank-")) in range(100)
    assert int(oseo.id.removeprefix("oseo-")) in range(100)


@FEW
@given(st.from_type(Region))
def test_regions_are_the_model_s_records(record: Region) -> None:
    assert record in all_regions()


@FEW
@given(st.from_type(LabelEvent))
def test_label_events_fall_between_the_first_labels_and_the_end_of_phase_2(
    event: LabelEvent,
) -> None:
    assert date(2005, 7, 12) <= event.on <= date(2012, 12, 31)


@FEW
@given(st.from_type(GoverningBody), st.from_type(StateCorrespondent))
def test_governing_bodies_and_correspondents_have_the_usual_forms_and_services(
    body: GoverningBody, correspondent: StateCorrespondent
) -> None:
    assert body.legal_form in {"association loi 1901", "groupement d'intérêt public"}
    assert correspondent.service in {"DRIRE", "SGAR", "DIRECCTE"}
    pole = Pole(
        id="p",
        name="P",
        category=Category.NATIONAL,
        head_office_region="82",
        governing_body=body,
        state_correspondent=correspondent,
    )
    assert pole.governing_body == body


@FEW
@given(st.from_type(PoleLabel))
def test_pole_labels_are_dated_in_2008_2012_or_undated(label: PoleLabel) -> None:
    assert label.labelled_on is None or date(2008, 1, 1) <= label.labelled_on <= date(2012, 12, 31)


@FEW
@given(st.from_type(Payment), st.from_type(ScheduledPayment))
def test_payments_and_instalments_are_up_to_two_million_euros(
    payment: Payment, instalment: ScheduledPayment
) -> None:
    for amount in (payment.amount, instalment.amount):
        assert Decimal(0) <= amount <= Decimal(2_000_000)


@FEW
@given(st.from_type(PartnerAid))
def test_a_partner_aid_never_plans_nor_pays_more_than_it_grants(aid: PartnerAid) -> None:
    assert sum((s.amount for s in aid.schedule), Decimal(0)) <= aid.granted
    assert Decimal(0) <= aid.remaining <= aid.granted
    assert len({s.kind for s in aid.schedule}) == len(aid.schedule)


@FEW
@given(st.from_type(AidDecision))
def test_aid_decisions_aid_each_partner_once_and_the_state_s_is_the_fui(
    decision: AidDecision,
) -> None:
    aided = [a.partner_id for a in decision.partners]
    assert len(set(aided)) == len(aided) <= 2
    assert (decision.scheme == "FUI") == (decision.funder is Funder.STATE)


@FEW
@given(st.from_type(ProjectPartner))
def test_a_project_partner_is_an_enterprise_or_a_lab_and_makes_a_project(
    partner: ProjectPartner,
) -> None:
    assert isinstance(partner.actor, Enterprise | ResearchOrganisation)
    project = CollaborativeProject(id="p", name="P", partners=(partner,))
    assert project.partner(partner.actor.id) == partner


@FEW
@given(st.from_type(RelayLoan))
def test_relay_loans_lend_a_positive_principal_at_one_of_three_rates(loan: RelayLoan) -> None:
    assert loan.principal > 0
    assert loan.annual_rate in {Decimal("0.04"), Decimal("0.055"), Decimal("0.08")}


STRUCT_KEYS = [
    "struct.window",
    "struct.targeted",
    "struct.labelled",
    "struct.open",
    "struct.balanced",
    "struct.core_funding",
    "struct.operating_aid",
    "struct.cdc_studies",
]
# A call open over the whole period the kit submits platforms in, targeting no pôle.
OPEN_CALL = CallForProjects(
    id="open", name="Open call", opens_on=date(2008, 10, 1), closes_on=date(2012, 12, 31)
)


@FEW
@given(st.from_type(CallForProjects))
def test_calls_open_once_the_struct_parameters_are_in_force_for_up_to_120_days(
    call: CallForProjects,
) -> None:
    assert date(2008, 10, 1) <= call.opens_on <= call.closes_on
    assert call.closes_on <= call.opens_on + timedelta(days=120)
    assert len(call.targeted_pole_ids) <= 3


@FEW
@given(st.from_type(FinancingLine), st.from_type(PlatformUser))
def test_financing_lines_cover_a_year_of_2008_2013_or_the_whole_plan(
    line: FinancingLine, user: PlatformUser
) -> None:
    assert line.year is None or 2008 <= line.year <= 2013
    assert line.amount <= Decimal(5_000_000)
    assert user.name.strip()


@FEW
@given(st.from_type(InnovationPlatform))
def test_a_generated_platform_is_judged_on_its_plan(platform: InnovationPlatform) -> None:
    assert platform.call_id is None
    assert platform.submitted_on is None or platform.submitted_on >= date(2008, 10, 1)
    # The plan is by source, and by year for the State's operating aid.
    assert all(
        line.year is None
        for line in platform.financing
        if line.source is not FundingSource.STATE_FCE_OPERATING
    )
    decision = platform_eligibility(platform, OPEN_CALL, PARAMS)
    assert [check.key for check in decision.checks] == STRUCT_KEYS
    if platform.financing:
        balanced = decision.check("struct.balanced").status is Status.MET
        assert balanced == (platform.total_financing == platform.total_budget)


@st.composite
def platform_cases(
    draw: st.DrawFn,
) -> tuple[InnovationPlatform, CallForProjects, tuple[Pole, ...]]:
    """A call, a platform answering it, and the kit's pôles for some of its carriers."""
    call = draw(calls_for_projects())
    platform = draw(innovation_platforms(call=call))
    found = tuple(
        draw(poles(ident=ident)) for ident in platform.carrying_pole_ids if draw(st.booleans())
    )
    return platform, call, found


# Generation only, no shrinking: these tests ask whether outcomes are drawn, not for the
# simplest case of one. Hypothesis draws on the constants of the modules loaded, so what it
# generates depends on which modules were collected: the budgets leave a wide margin.
REACH = settings(max_examples=3_000, database=None, derandomize=True, phases=[Phase.generate])


def _reaches_all(strategy: st.SearchStrategy[Any], wanted: set[str], seen_in: Any) -> set[str]:
    """Draw from *strategy* until every outcome of *wanted* is seen (or the budget is spent)."""
    seen: set[str] = set()

    def all_seen(value: Any) -> bool:
        seen.update(seen_in(value))
        return wanted <= seen

    with contextlib.suppress(NoSuchExample):
        find(strategy, all_seen, settings=REACH)
    return wanted - seen


def _platform_outcomes(
    case: tuple[InnovationPlatform, CallForProjects, tuple[Pole, ...]],
) -> set[str]:
    platform, call, found = case
    decision = platform_eligibility(platform, call, PARAMS, poles=found)
    return {decision.outcome.value} | {f"{c.key}={c.status.value}" for c in decision.checks}


def test_the_platform_strategy_reaches_every_outcome_and_every_status_of_each_check() -> None:
    wanted = {outcome.value for outcome in Outcome} | {
        f"{key}={status.value}"
        for key in STRUCT_KEYS
        for status in (Status.MET, Status.NOT_MET, Status.UNKNOWN)
        if (key, status) != ("struct.targeted", Status.UNKNOWN)
    }
    assert _reaches_all(platform_cases(), wanted, _platform_outcomes) == set()


@FEW
@given(st.from_type(CperEnvelope), st.data())
def test_an_envelope_shares_itself_among_generated_projects_of_its_region(
    envelope: CperEnvelope, data: st.DataObject
) -> None:
    assert envelope.period_end == date(envelope.period_start.year + 6, 12, 31)
    projects = data.draw(
        st.lists(structuring_projects(region=envelope.region), max_size=6, unique_by=lambda p: p.id)
    )
    result = allocate_envelope(envelope, projects)
    assert result.allocated + result.remaining == envelope.amount


@FEW
@given(st.from_type(StructuringProject))
def test_structuring_projects_are_ranked_one_to_three_or_not_at_all(
    project: StructuringProject,
) -> None:
    assert project.priority_rank in {None, 1, 2, 3}
    assert len(project.pole_ids) <= 2
    assert region(project.region, date(2009, 1, 1)).code == project.region


@FEW
@given(st.lists(st.from_type(Allocation), max_size=8))
def test_generated_allocations_group_by_ministry_and_year(allocations: list[Allocation]) -> None:
    shares = linked_allocation_shares(allocations)
    assert {(s.ministry, s.year) for s in shares} == {(a.ministry, a.year) for a in allocations}
    assert all(s.share is None or 0 <= s.share <= 1 for s in shares)


@FEW
@given(st.from_type(Involvement))
def test_an_involvement_without_a_note_or_with_a_known_one(involvement: Involvement) -> None:
    notes = {None, "minutes of the general assembly", "performance contract", "convention"}
    assert involvement.note in notes


@FEW
@given(st.from_type(PoleSynergies))
def test_generated_synergies_name_members_or_outsiders_as_founders(
    synergies: PoleSynergies,
) -> None:
    members = {m.id for m in synergies.members}
    assert all(set(s.founders) <= members | {"outside"} for s in synergies.structures)
    report = cooperation_involvement(synergies)
    assert [line.member_id for line in report.lines] == [
        m.id for m in synergies.members if m.public
    ]


def test_the_synergies_strategy_reaches_every_member_status_and_both_readings() -> None:
    def outcomes(synergies: PoleSynergies) -> set[str]:
        report = cooperation_involvement(synergies)
        statuses = {c.status.value for c in report.checks if c.key == "syn.cooperation"}
        return statuses | {f"complete={report.complete}"}

    wanted = {"met", "not_met", "not_applicable", "complete=True", "complete=False"}
    assert _reaches_all(pole_synergies(), wanted, outcomes) == set()


@FEW
@given(st.from_type(Measurement), st.from_type(OperatingBudget))
def test_measurements_and_budgets_fall_in_the_2009_2011_contracts(
    measurement: Measurement, budget: OperatingBudget
) -> None:
    assert measurement.year in {2009, 2010, 2011}
    assert budget.year in {2009, 2010, 2011}
    share = budget.public_share
    assert (share is None) == (budget.total == 0)
    assert share is None or 0 <= share <= 1


@FEW
@given(st.from_type(Indicator))
def test_an_indicator_s_target_lies_the_way_it_should_move(indicator: Indicator) -> None:
    if indicator.direction is Direction.INCREASE:
        assert indicator.target >= indicator.baseline
    else:
        assert indicator.target <= indicator.baseline
    assert {m.year for m in indicator.measurements} <= {2009, 2010, 2011}


@FEW
@given(st.from_type(Objective))
def test_an_objective_has_up_to_three_distinct_indicators(objective: Objective) -> None:
    ids = [i.id for i in objective.indicators]
    assert len(set(ids)) == len(ids) <= 3


@FEW
@given(st.from_type(PerformanceContract))
def test_a_generated_contract_is_read_in_every_year_of_its_period(
    contract: PerformanceContract,
) -> None:
    assert contract.start.year in {2009, 2010}
    # The local authorities, and a préfet, are of one region.
    regions = {a.region for a in contract.local_authorities} | {contract.state.region} - {None}
    assert len(regions) <= 1
    years = range(contract.start.year, contract.end.year + 1)
    assert {b.year for b in contract.budgets} <= set(years)
    indicators = sum(len(o.indicators) for o in contract.objectives)
    for year in years:
        assert len(contract_progress(contract, year, PARAMS).indicators) == indicators
    assert contract_terms(contract, PARAMS).outcome in set(Outcome)


def test_the_contract_strategy_reaches_every_progress_and_every_outcome_of_its_terms() -> None:
    def outcomes(contract: PerformanceContract) -> set[str]:
        progress = contract_progress(contract, contract.start.year, PARAMS)
        return {i.status.value for i in progress.indicators} | {
            contract_terms(contract, PARAMS).outcome.value
        }

    wanted = {p.value for p in (Progress.OFF_TRACK, Progress.ON_TRACK, Progress.ACHIEVED)}
    wanted |= {outcome.value for outcome in Outcome}
    assert _reaches_all(performance_contracts(), wanted, outcomes) == set()


@FEW
@given(st.from_type(CommitteeMember), st.from_type(Meeting))
def test_members_and_meetings_of_no_committee(member: CommitteeMember, meeting: Meeting) -> None:
    assert int(member.actor_id.removeprefix("member-")) in range(100)
    # Attended by some of the ids coordination_committees() gives its members.
    assert set(meeting.attendees) <= {"association", "member-0", "member-1"}
    assert date(2008, 1, 1) <= meeting.held_on <= date(2012, 12, 31)


@FEW
@given(st.from_type(CoordinationCommittee))
def test_a_generated_committee_meets_within_2009_2011(committee: CoordinationCommittee) -> None:
    start, end = date(2009, 1, 1), date(2011, 12, 31)
    assert committee.members[0].actor_id == "association"
    assert not committee.members[0].funder
    answer = committee_regularity(committee, start, end, PARAMS)
    assert answer.meetings == len(committee.meetings)
    assert sum(g.days for g in answer.gaps) == (end - start).days


def test_the_committee_strategy_meets_regularly_or_not() -> None:
    start, end = date(2009, 1, 1), date(2011, 12, 31)

    def outcomes(committee: CoordinationCommittee) -> set[str]:
        answer = committee_regularity(committee, start, end, PARAMS)
        return {f"regular={answer.regular}", f"absent funders={bool(answer.absent_funders)}"}

    wanted = {"regular=True", "regular=False", "absent funders=True", "absent funders=False"}
    assert _reaches_all(coordination_committees(), wanted, outcomes) == set()


# -- the kit's objects cross the JSON boundary ---------------------------------------------------

ROUND_TRIPS: list[tuple[type, Any]] = [
    (Accounts, AccountsModel),
    (RelatedEnterprise, RelatedEnterpriseModel),
    (Enterprise, EnterpriseModel),
    (ResearchOrganisation, ResearchOrganisationModel),
    (CooperationStructure, CooperationStructureModel),
    (LocalAuthority, LocalAuthorityModel),
    (StateBody, StateBodyModel),
    (Bank, BankModel),
    (Oseo, OseoModel),
    (Region, RegionModel),
    (LabelEvent, LabelEventModel),
    (GoverningBody, GoverningBodyModel),
    (StateCorrespondent, StateCorrespondentModel),
    (Pole, PoleModel),
    (PoleLabel, PoleLabelModel),
    (Payment, PaymentModel),
    (ScheduledPayment, ScheduledPaymentModel),
    (PartnerAid, PartnerAidModel),
    (AidDecision, AidDecisionModel),
    (ProjectPartner, ProjectPartnerModel),
    (CollaborativeProject, CollaborativeProjectModel),
    (RelayRequest, RelayRequestModel),
    (RelayLoan, RelayLoanModel),
    (CallForProjects, CallForProjectsModel),
    (FinancingLine, FinancingLineModel),
    (PlatformUser, PlatformUserModel),
    (InnovationPlatform, InnovationPlatformModel),
    (CperEnvelope, CperEnvelopeModel),
    (StructuringProject, StructuringProjectModel),
    (Allocation, AllocationModel),
    (Involvement, InvolvementModel),
    (PoleSynergies, PoleSynergiesModel),
    (Measurement, MeasurementModel),
    (Indicator, IndicatorModel),
    (Objective, ObjectiveModel),
    (OperatingBudget, OperatingBudgetModel),
    (PerformanceContract, PerformanceContractModel),
    (CommitteeMember, CommitteeMemberModel),
    (Meeting, MeetingModel),
    (CoordinationCommittee, CoordinationCommitteeModel),
]


@pytest.mark.parametrize(("cls", "boundary"), ROUND_TRIPS, ids=lambda x: x.__name__)
@settings(max_examples=10)
@given(data=st.data())
def test_generated_objects_survive_json(cls: type, boundary: Any, data: st.DataObject) -> None:
    obj = data.draw(st.from_type(cls))
    text = boundary.from_domain(obj).model_dump_json()
    assert boundary.model_validate_json(text).to_domain() == obj
