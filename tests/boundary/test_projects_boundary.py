from __future__ import annotations

import json
import string
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from poles_policy.boundary._base import Model, validate_json, validate_python
from poles_policy.boundary.projects import (
    CollaborativeProjectModel,
    PartnerAidModel,
)
from poles_policy.boundary.relay import RelayLoanModel, RelayRequestModel
from poles_policy.exceptions import InvalidInputError
from poles_policy.model._validators import readable
from poles_policy.model.actors import (
    Actor,
    Bank,
    Enterprise,
    ResearchKind,
    ResearchOrganisation,
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

IDS = st.text(alphabet=string.ascii_lowercase + string.digits + "-", min_size=1, max_size=8)
NAMES = st.text(min_size=1, max_size=12).filter(readable)
CENTS = st.integers(min_value=0, max_value=10**12)
MONEY = CENTS.map(lambda c: Decimal(c).scaleb(-2))
DATES = st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31))


def _cents(value: int) -> Decimal:
    return Decimal(value).scaleb(-2)


@st.composite
def actors(draw: st.DrawFn, ident: str) -> Actor:
    if draw(st.booleans()):
        return Enterprise(id=ident, name=draw(NAMES), region=draw(st.none() | st.just("82")))
    return ResearchOrganisation(
        id=ident, name=draw(NAMES), kind=draw(st.sampled_from(ResearchKind))
    )


@st.composite
def partner_aids(draw: st.DrawFn, partner_id: str) -> PartnerAid:
    granted = draw(CENTS)
    planned = draw(
        st.lists(st.integers(0, granted), max_size=3).filter(lambda xs: sum(xs) <= granted)
    )
    paid = draw(st.lists(st.integers(0, granted), max_size=4).filter(lambda xs: sum(xs) <= granted))
    start = draw(DATES)
    return PartnerAid(
        partner_id=partner_id,
        granted=_cents(granted),
        schedule=[
            ScheduledPayment(
                kind=draw(st.sampled_from(PaymentKind)),
                amount=_cents(c),
                expected_on=draw(st.none() | DATES),
            )
            for c in planned
        ],
        # One payment of a day and amount: two would be the same payment given twice.
        payments=list(
            dict.fromkeys(
                Payment(
                    paid_on=start + timedelta(days=draw(st.integers(0, 1000))), amount=_cents(c)
                )
                for c in paid
            )
        ),
    )


@st.composite
def decisions(draw: st.DrawFn, partner_ids: list[str]) -> AidDecision:
    aided = draw(st.lists(st.sampled_from(partner_ids), unique=True)) if partner_ids else []
    subsidies = [draw(partner_aids(i)) for i in aided]
    # A dated decision comes before every payment and dated instalment it makes.
    dated = [p.paid_on for a in subsidies for p in a.payments]
    dated += [s.expected_on for a in subsidies for s in a.schedule if s.expected_on is not None]
    latest = min(dated, default=date(2030, 12, 31))
    decided = st.dates(min_value=date(2000, 1, 1), max_value=latest)
    return AidDecision(
        funder=draw(st.sampled_from(Funder)),
        scheme=draw(st.sampled_from(["FUI", "ANR", "OSEO", "Région"])),
        call=draw(st.none() | st.just("FUI 8")),
        decided_on=draw(st.none() | decided),
        partners=subsidies,
    )


@st.composite
def projects(draw: st.DrawFn) -> CollaborativeProject:
    partner_ids = draw(st.lists(IDS, unique=True, max_size=4))
    lead = draw(st.none() | st.sampled_from(partner_ids)) if partner_ids else None
    partners = [
        ProjectPartner(
            actor=draw(actors(i)),
            role=PartnerRole.LEAD if i == lead else PartnerRole.PARTNER,
            eligible_costs=draw(st.none() | MONEY),
        )
        for i in partner_ids
    ]
    labels = [
        PoleLabel(pole_id=p, labelled_on=draw(st.none() | DATES))
        for p in draw(st.lists(IDS, unique=True, max_size=3))
    ]
    aid: list[AidDecision] | None = None
    if draw(st.booleans()):
        # Two equal decisions would be one pasted twice, which is refused.
        aid = list(
            dict.fromkeys(draw(decisions(partner_ids)) for _ in range(draw(st.integers(0, 2))))
        )
    return CollaborativeProject(
        id=draw(IDS),
        name=draw(NAMES),
        partners=partners,
        labels=labels,
        aid=aid,
        selection_letter_on=draw(st.none() | DATES),
    )


@st.composite
def requests(draw: st.DrawFn) -> RelayRequest:
    return RelayRequest(
        id=draw(IDS),
        applicant=draw(actors("applicant")),
        project=draw(projects()),
        requested_on=draw(DATES),
        amount=_cents(draw(st.integers(1, 10**10))),
        bank=draw(st.none() | st.builds(Bank, id=IDS, name=NAMES)),
        oseo_counter_guarantee=draw(st.none() | st.booleans()),
    )


@st.composite
def loans(draw: st.DrawFn) -> RelayLoan:
    """Loans repaid from the subsidy, or in one go on a later date or one not known."""
    disbursed_on = draw(DATES)
    from_subsidy = draw(st.booleans())
    repaid_on = (
        None
        if from_subsidy
        else draw(st.none() | st.integers(1, 2000).map(lambda d: disbursed_on + timedelta(d)))
    )
    return RelayLoan(
        request_id=draw(IDS),
        disbursed_on=disbursed_on,
        principal=_cents(draw(st.integers(1, 10**10))),
        annual_rate=draw(st.decimals(min_value=0, max_value=1, places=4)),
        fees=draw(st.none() | MONEY),
        repaid_from_subsidy=from_subsidy,
        repaid_on=repaid_on,
    )


# --- round trips: domain -> JSON -> domain is the identity ----------------------------------


@given(projects())
def test_a_project_survives_json(project: CollaborativeProject) -> None:
    text = CollaborativeProjectModel.from_domain(project).model_dump_json()
    assert CollaborativeProjectModel.model_validate_json(text).to_domain() == project


@given(requests())
def test_a_relay_request_survives_json(request: RelayRequest) -> None:
    text = RelayRequestModel.from_domain(request).model_dump_json()
    assert RelayRequestModel.model_validate_json(text).to_domain() == request


@given(loans())
def test_a_relay_loan_survives_json(loan: RelayLoan) -> None:
    text = RelayLoanModel.from_domain(loan).model_dump_json()
    assert RelayLoanModel.model_validate_json(text).to_domain() == loan


# --- the JSON form --------------------------------------------------------------------------


def _project_json() -> dict[str, Any]:
    project = CollaborativeProject(
        id="nanocap",
        name="NanoCap",
        partners=(
            ProjectPartner(actor=Enterprise(id="bigco", name="BigCo SA"), role=PartnerRole.LEAD),
            ProjectPartner(actor=Enterprise(id="acme", name="Acme SAS")),
            ProjectPartner(
                actor=ResearchOrganisation(
                    id="leti", name="CEA-Leti", kind=ResearchKind.PUBLIC_RESEARCH
                )
            ),
        ),
        labels=(PoleLabel(pole_id="minalogic", labelled_on=date(2008, 10, 15)),),
        aid=(
            AidDecision(
                funder=Funder.STATE,
                scheme="FUI",
                call="FUI 7",
                partners=(
                    PartnerAid(
                        partner_id="acme",
                        granted=Decimal(300000),
                        payments=(Payment(paid_on=date(2009, 11, 20), amount=Decimal(90000)),),
                    ),
                ),
            ),
        ),
        selection_letter_on=date(2009, 3, 20),
    )
    data: dict[str, Any] = CollaborativeProjectModel.from_domain(project).model_dump(mode="json")
    return data


def test_unknown_aid_and_no_aid_stay_apart_in_json() -> None:
    unknown = {k: v for k, v in _project_json().items() if k != "aid"}
    assert validate_python(CollaborativeProjectModel, unknown).to_domain().aid is None
    none = {**_project_json(), "aid": []}
    assert validate_python(CollaborativeProjectModel, none).to_domain().aid == ()


def test_amounts_and_enums_are_written_as_strings() -> None:
    aid = _project_json()["aid"][0]
    assert aid["funder"] == "state"
    assert aid["partners"][0]["granted"] == "300000.00"
    assert aid["partners"][0]["payments"][0] == {"paid_on": "2009-11-20", "amount": "90000.00"}


def test_a_payment_above_what_remains_names_its_path() -> None:
    data = _project_json()
    data["aid"][0]["partners"][0]["payments"].append({"paid_on": "2010-05-01", "amount": 210000.01})
    model = validate_python(CollaborativeProjectModel, data)
    with pytest.raises(
        InvalidInputError,
        match=r"^aid\.0\.partners\.0\.payments: the payment of 210000\.01 on 2010-",
    ):
        model.to_domain()


def test_a_negative_payment_names_its_path() -> None:
    data = _project_json()
    data["aid"][0]["partners"][0]["payments"].append({"paid_on": "2010-05-01", "amount": "-1"})
    with pytest.raises(
        InvalidInputError,
        match=r"^aid\.0\.partners\.0\.payments\.1\.amount: amount -1 is negative",
    ):
        validate_python(CollaborativeProjectModel, data)


def test_a_partner_named_twice_is_refused() -> None:
    data = _project_json()
    data["partners"].append(data["partners"][1])
    with pytest.raises(InvalidInputError, match=r"partners: actor 'acme'"):
        validate_python(CollaborativeProjectModel, data).to_domain()


def test_an_amount_with_fractions_of_a_cent_is_refused_with_its_path() -> None:
    data = _project_json()
    data["aid"][0]["partners"][0]["granted"] = 1.005
    with pytest.raises(InvalidInputError, match=r"aid\.0\.partners\.0\.granted: .*two decimals"):
        validate_python(CollaborativeProjectModel, data)


def test_a_non_iso_date_is_refused_with_its_path() -> None:
    data = {**_project_json(), "selection_letter_on": "20/03/2009"}
    with pytest.raises(InvalidInputError, match=r"selection_letter_on: .*ISO date"):
        validate_python(CollaborativeProjectModel, data)


def test_an_unknown_field_is_refused() -> None:
    data = _project_json()
    data["aid"][0]["amount"] = 1
    with pytest.raises(InvalidInputError, match=r"aid\.0\.amount"):
        validate_python(CollaborativeProjectModel, data)


def test_partner_aid_reads_from_raw_json() -> None:
    aid = validate_json(
        PartnerAidModel,
        '{"partner_id": "acme", "granted": "1000", "schedule": [{"kind": "advance",'
        ' "amount": 250, "expected_on": "2009-06-01"}], "payments": []}',
    ).to_domain()
    assert aid.remaining == Decimal("1000.00")
    assert aid.schedule[0].kind is PaymentKind.ADVANCE


def _request_json() -> dict[str, Any]:
    request = RelayRequest(
        id="req-1",
        applicant=Enterprise(id="acme", name="Acme SAS", region="82"),
        project=validate_python(CollaborativeProjectModel, _project_json()).to_domain(),
        requested_on=date(2009, 4, 6),
        amount=Decimal(150000),
        bank=Bank(id="bank", name="Banque de Lyon"),
    )
    data: dict[str, Any] = RelayRequestModel.from_domain(request).model_dump(mode="json")
    return data


def test_a_request_reads_from_json() -> None:
    request = validate_python(RelayRequestModel, _request_json()).to_domain()
    assert request.amount == Decimal("150000.00")
    assert request.oseo_counter_guarantee is None
    assert request.bank is not None
    assert request.bank.name == "Banque de Lyon"


def test_a_request_for_nothing_is_refused() -> None:
    data = {**_request_json(), "amount": 0}
    with pytest.raises(InvalidInputError, match=r"^amount: Input should be greater than 0"):
        validate_python(RelayRequestModel, data)


def test_an_invalid_project_inside_a_request_names_its_path() -> None:
    data = _request_json()
    data["project"]["aid"][0]["partners"][0]["granted"] = "1.00"
    with pytest.raises(InvalidInputError, match=r"^project\.aid\.0\.partners\.0\.payments: "):
        validate_python(RelayRequestModel, data).to_domain()


def test_a_loan_rate_in_percent_is_refused_at_the_boundary() -> None:
    text = (
        '{"request_id": "r", "disbursed_on": "2009-05-04", "principal": 1000, "annual_rate": 6.5}'
    )
    with pytest.raises(
        InvalidInputError, match=r"annual_rate: share 6\.5 must lie between 0 and 1"
    ):
        validate_json(RelayLoanModel, text)


def test_a_loan_reads_from_json_with_fees_and_repayment_date_not_known() -> None:
    text = (
        '{"request_id": "r", "disbursed_on": "2009-05-04", "principal": 1000,'
        ' "annual_rate": "0.065"}'
    )
    loan = validate_json(RelayLoanModel, text).to_domain()
    # Left out means not known yet, not "no fees": the cost then asks for them.
    assert loan.fees is None
    assert (loan.repaid_from_subsidy, loan.repaid_on) == (True, None)
    assert loan.annual_rate == Decimal("0.065")
    assert json.loads(RelayLoanModel.from_domain(loan).model_dump_json())["annual_rate"] == "0.065"


@pytest.mark.parametrize(
    ("fees", "expected"), [("null", None), ('"0.00"', Decimal("0.00")), ("0", Decimal("0.00"))]
)
def test_loan_fees_null_mean_not_known_and_zero_means_none(
    fees: str, expected: Decimal | None
) -> None:
    text = (
        '{"request_id": "r", "disbursed_on": "2009-05-04", "principal": 1000,'
        f' "annual_rate": "0.065", "fees": {fees}}}'
    )
    assert validate_json(RelayLoanModel, text).to_domain().fees == expected


def test_a_loan_repaid_in_one_go_reads_its_repayment_date() -> None:
    text = (
        '{"request_id": "r", "disbursed_on": "2009-05-04", "principal": 1000,'
        ' "annual_rate": "0.065", "repaid_from_subsidy": false, "repaid_on": "2010-05-04"}'
    )
    loan = validate_json(RelayLoanModel, text).to_domain()
    assert (loan.repaid_from_subsidy, loan.repaid_on) == (False, date(2010, 5, 4))
    dumped = json.loads(RelayLoanModel.from_domain(loan).model_dump_json())
    assert dumped["repaid_on"] == "2010-05-04"


def test_a_repayment_date_for_a_loan_repaid_from_the_subsidy_is_refused() -> None:
    text = (
        '{"request_id": "r", "disbursed_on": "2009-05-04", "principal": 1000,'
        ' "annual_rate": "0.065", "repaid_on": "2010-05-04"}'
    )
    with pytest.raises(InvalidInputError, match=r"repaid_on: 2010-05-04 is given"):
        validate_json(RelayLoanModel, text).to_domain()


@pytest.mark.parametrize("model", [CollaborativeProjectModel, RelayRequestModel, RelayLoanModel])
def test_every_model_has_a_json_schema(model: type[Any]) -> None:
    assert model.model_json_schema()["additionalProperties"] is False


@pytest.mark.parametrize(
    ("model", "document", "field"),
    [
        (
            RelayLoanModel,
            {"request_id": "r", "disbursed_on": "2009-04-01", "annual_rate": "0.04"},
            "principal",
        ),
        (RelayRequestModel, {"id": "r", "requested_on": "2009-03-16"}, "amount"),
    ],
)
def test_a_relay_of_zero_euros_is_refused_when_read(
    model: type[Model], document: dict[str, object], field: str
) -> None:
    # As the schemas say (exclusiveMinimum 0), not later by the domain object.
    with pytest.raises(InvalidInputError, match=rf"(^|; ){field}: Input should be greater than 0"):
        validate_json(model, json.dumps({**document, field: "0.00"}))
