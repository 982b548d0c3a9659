"""Small, valid domain objects for the model tests (vary them with ``attrs.evolve``)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from poles_policy.model.actors import (
    AuthorityLevel,
    Bank,
    Enterprise,
    LocalAuthority,
    ResearchKind,
    ResearchOrganisation,
    StateBody,
    StateKind,
)
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
from poles_policy.model.platforms import (
    CallForProjects,
    FinancingLine,
    FundingSource,
    InnovationPlatform,
    PlatformUser,
    UserKind,
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
from poles_policy.model.relay import RelayLoan, RelayRequest


@pytest.fixture
def sme() -> Enterprise:
    return Enterprise(id="acme", name="Acme Microsystèmes SAS", region="82")


@pytest.fixture
def large_firm() -> Enterprise:
    return Enterprise(id="bigco", name="BigCo SA", region="82")


@pytest.fixture
def lab() -> ResearchOrganisation:
    return ResearchOrganisation(id="leti", name="CEA-Leti", kind=ResearchKind.PUBLIC_RESEARCH)


@pytest.fixture
def bank() -> Bank:
    return Bank(id="bank-lyon", name="Banque de Lyon")


@pytest.fixture
def sme_aid() -> PartnerAid:
    """The SME's FUI subsidy: 300 000 granted, the 90 000 advance paid."""
    return PartnerAid(
        partner_id="acme",
        granted=Decimal("300000.00"),
        schedule=(
            ScheduledPayment(
                kind=PaymentKind.ADVANCE, amount=Decimal(90000), expected_on=date(2009, 11, 2)
            ),
            ScheduledPayment(kind=PaymentKind.INTERMEDIATE, amount=Decimal(150000)),
            ScheduledPayment(kind=PaymentKind.BALANCE, amount=Decimal(60000)),
        ),
        payments=(Payment(paid_on=date(2009, 11, 20), amount=Decimal(90000)),),
    )


@pytest.fixture
def project(
    sme: Enterprise, large_firm: Enterprise, lab: ResearchOrganisation, sme_aid: PartnerAid
) -> CollaborativeProject:
    """A three-partner FUI project labelled by Minalogic, led by the large firm."""
    return CollaborativeProject(
        id="nanocap",
        name="NanoCap",
        partners=(
            ProjectPartner(actor=large_firm, role=PartnerRole.LEAD),
            ProjectPartner(actor=sme, eligible_costs=Decimal("666666.67")),
            ProjectPartner(actor=lab),
        ),
        labels=(PoleLabel(pole_id="minalogic", labelled_on=date(2008, 10, 15)),),
        aid=(
            AidDecision(
                funder=Funder.STATE,
                scheme="FUI",
                call="FUI 7",
                decided_on=date(2009, 3, 12),
                partners=(
                    sme_aid,
                    PartnerAid(partner_id="bigco", granted=Decimal(250000)),
                    PartnerAid(partner_id="leti", granted=Decimal(400000)),
                ),
            ),
            AidDecision(
                funder=Funder.REGION,
                scheme="Région Rhône-Alpes",
                partners=(PartnerAid(partner_id="acme", granted=Decimal(100000)),),
            ),
        ),
        selection_letter_on=date(2009, 3, 20),
    )


@pytest.fixture
def relay_request(sme: Enterprise, project: CollaborativeProject, bank: Bank) -> RelayRequest:
    return RelayRequest(
        id="req-1",
        applicant=sme,
        project=project,
        requested_on=date(2009, 4, 6),
        amount=Decimal(150000),
        bank=bank,
        oseo_counter_guarantee=True,
    )


@pytest.fixture
def relay_loan() -> RelayLoan:
    return RelayLoan(
        request_id="req-1",
        disbursed_on=date(2009, 5, 4),
        principal=Decimal(150000),
        annual_rate=Decimal("0.065"),
        fees=Decimal(500),
    )


@pytest.fixture
def prefet() -> StateBody:
    return StateBody(
        id="prefet-82",
        name="Préfet de la région Rhône-Alpes",
        kind=StateKind.PREFET_DE_REGION,
        region="82",
    )


@pytest.fixture
def region_ra() -> LocalAuthority:
    return LocalAuthority(
        id="region-82", name="Région Rhône-Alpes", level=AuthorityLevel.REGION, region="82"
    )


@pytest.fixture
def indicator() -> Indicator:
    return Indicator(
        id="sme-members",
        name="SME members",
        unit="count",
        baseline=Decimal(120),
        target=Decimal(180),
        direction=Direction.INCREASE,
        measurements=(
            Measurement(year=2009, value=Decimal(131)),
            Measurement(year=2010, value=Decimal(150)),
        ),
    )


@pytest.fixture
def contract(
    prefet: StateBody, region_ra: LocalAuthority, indicator: Indicator
) -> PerformanceContract:
    return PerformanceContract(
        id="cp-minalogic-2009",
        pole_id="minalogic",
        state=prefet,
        local_authorities=(region_ra,),
        governing_body_name="Association Minalogic",
        signed_on=date(2009, 7, 6),
        start=date(2009, 1, 1),
        end=date(2011, 12, 31),
        objectives=(
            Objective(
                id="o1", title="Grow the SME membership", axis=Axis.ECO_1, indicators=(indicator,)
            ),
        ),
        budgets=(
            OperatingBudget(year=2009, total=Decimal(650000), public=Decimal(487500)),
            OperatingBudget(year=2010, total=Decimal(700000), public=Decimal(420000)),
        ),
    )


@pytest.fixture
def committee() -> CoordinationCommittee:
    return CoordinationCommittee(
        pole_id="minalogic",
        members=(
            CommitteeMember(actor_id="minalogic", name="Association Minalogic", funder=False),
            CommitteeMember(actor_id="prefet-82", name="Préfet de région", funder=True),
            CommitteeMember(actor_id="region-82", name="Région Rhône-Alpes", funder=True),
        ),
        meetings=(
            Meeting(
                held_on=date(2009, 12, 14),
                attendees=("minalogic", "prefet-82", "region-82"),
                contract_id="cp-minalogic-2009",
            ),
            Meeting(held_on=date(2010, 6, 21), attendees=("minalogic", "region-82")),
        ),
        planned="FREQ=MONTHLY;INTERVAL=6",
    )


@pytest.fixture
def call() -> CallForProjects:
    return CallForProjects(
        id="pfi-1",
        name="Plates-formes d'innovation, appel 1",
        opens_on=date(2008, 10, 1),
        closes_on=date(2008, 12, 2),
        targeted_pole_ids=("minalogic", "lyonbiopole", "axelera"),
    )


@pytest.fixture
def platform() -> InnovationPlatform:
    return InnovationPlatform(
        id="axelone",
        name="Axel'One",
        carrying_pole_ids=("axelera",),
        users=(
            PlatformUser(name="Chemistry SMEs of the pôle", kind=UserKind.SME),
            PlatformUser(name="IRCELYON", kind=UserKind.LABORATORY),
        ),
        open_access=True,
        investment_budget=Decimal(8000000),
        operating_budget=Decimal(2000000),
        study_cost=Decimal(250000),
        financing=(
            FinancingLine(source=FundingSource.STATE_FCE_INVESTMENT, amount=Decimal(3000000)),
            FinancingLine(
                source=FundingSource.STATE_FCE_OPERATING, year=2010, amount=Decimal(400000)
            ),
            FinancingLine(
                source=FundingSource.STATE_FCE_OPERATING, year=2011, amount=Decimal(200000)
            ),
            FinancingLine(source=FundingSource.CDC_STUDIES, amount=Decimal(200000)),
            FinancingLine(source=FundingSource.PARTNERS, amount=Decimal(4200000)),
            FinancingLine(source=FundingSource.USER_FEES, amount=Decimal(2000000)),
        ),
        call_id="pfi-1",
        submitted_on=date(2008, 12, 1),
    )


@pytest.fixture
def envelope() -> CperEnvelope:
    return CperEnvelope(
        id="cper-82",
        region="82",
        period_start=date(2007, 1, 1),
        period_end=date(2013, 12, 31),
        amount=Decimal(50400000),
    )


@pytest.fixture
def structuring_project() -> StructuringProject:
    return StructuringProject(
        id="sp-1",
        name="Axel'One buildings",
        region="82",
        pole_ids=("axelera",),
        requested=Decimal(5000000),
        priority_rank=1,
    )


@pytest.fixture
def allocation() -> Allocation:
    return Allocation(
        ministry="MESR",
        body="Université Joseph Fourier",
        year=2010,
        amount=Decimal(1200000),
        pole_id="minalogic",
    )
