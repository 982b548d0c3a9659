"""The relay case as one JSON document: parsing, errors naming paths, round trips."""

from __future__ import annotations

import json
import string
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from poles_policy.boundary import validate_json
from poles_policy.boundary.case import RelayCaseModel, dump_case, parse_case
from poles_policy.boundary.projects import CollaborativeProjectModel
from poles_policy.exceptions import DocumentError, InvalidInputError
from poles_policy.explain import Outcome, Status
from poles_policy.model._validators import readable
from poles_policy.model.actors import (
    Accounts,
    Actor,
    Bank,
    Enterprise,
    ResearchKind,
    ResearchOrganisation,
)
from poles_policy.model.cases import RelayCase
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
from poles_policy.model.regions import regions_on
from poles_policy.model.relay import RelayLoan, RelayRequest
from poles_policy.parameters import default_parameters
from poles_policy.rules.relay import eligibility
from poles_policy.testing import relay_cases

EXAMPLES = Path(__file__).parents[2] / "docs" / "examples"
PARAMS = default_parameters()


def example() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXAMPLES / "relay-case.json").read_text(encoding="utf-8"))
    return data


def problems_of(data: dict[str, Any] | str | bytes) -> tuple[tuple[str, str], ...]:
    """The problems of a refused document, checked against the error's one-line message."""
    text = data if isinstance(data, (str, bytes)) else json.dumps(data)
    with pytest.raises(DocumentError) as info:
        parse_case(text)
    problems = info.value.problems
    assert problems
    assert str(info.value) == "; ".join(f"{p}: {why}" if p else why for p, why in problems)
    return problems


def error_of(data: dict[str, Any] | str | bytes) -> str:
    text = data if isinstance(data, (str, bytes)) else json.dumps(data)
    problems_of(text)
    with pytest.raises(InvalidInputError) as info:
        parse_case(text)
    message = str(info.value)
    assert "\n" not in message
    return message


# --- the example documents --------------------------------------------------------------------


def test_the_example_case_is_an_eligible_rhone_alpes_sme_with_its_loan() -> None:
    case = parse_case((EXAMPLES / "relay-case.json").read_bytes())
    assert case.case_id == "RA-RELAIS-2009-017"
    assert case.request.id == case.case_id
    assert case.request.requested_on == date(2009, 3, 16)
    assert case.request.amount == Decimal("200000.00")
    assert case.loan is not None
    assert case.loan.request_id == case.case_id
    assert case.loan.annual_rate == Decimal("0.045")
    decision = eligibility(case.request, PARAMS)
    assert decision.outcome is Outcome.ELIGIBLE
    assert decision.check("relay.sme").status is Status.MET


def test_the_undetermined_example_asks_for_the_selection_letter_date() -> None:
    case = parse_case((EXAMPLES / "relay-case-undetermined.json").read_bytes())
    assert case.request.project.selection_letter_on is None
    assert case.loan is None
    assert case.request.oseo_counter_guarantee is None
    decision = eligibility(case.request, PARAMS)
    assert decision.outcome is Outcome.UNDETERMINED
    assert [f.path for f in decision.missing] == ["project.selection_letter_on"]


@pytest.mark.parametrize("name", ["relay-case.json", "relay-case-undetermined.json"])
def test_an_example_survives_json(name: str) -> None:
    case = parse_case((EXAMPLES / name).read_bytes())
    assert parse_case(dump_case(case)) == case
    assert parse_case(RelayCaseModel.from_domain(case).model_dump_json()) == case


def test_amounts_are_written_as_decimal_strings() -> None:
    case = parse_case((EXAMPLES / "relay-case.json").read_bytes())
    written = json.loads(dump_case(case))
    assert written["request"]["amount"] == "200000.00"
    assert written["loan"]["principal"] == "200000.00"
    assert "request_id" not in written["loan"]


def test_a_json_number_amount_is_read_exactly() -> None:
    data = example()
    data["request"]["amount"] = 150000.5
    data["loan"]["principal"] = 150000.5
    case = parse_case(json.dumps(data))
    assert case.request.amount == Decimal("150000.50")
    assert case.loan is not None
    assert case.loan.principal == Decimal("150000.50")


def test_a_loan_above_the_amount_requested_is_refused() -> None:
    # The eligibility decided (RELAY.4) is the request's: 200 000 EUR requested, 400 000 lent.
    data = example()
    data["loan"]["principal"] = "400000.00"
    assert error_of(data) == "loan.principal: 400000.00 EUR is above the 200000.00 EUR requested"


# --- the applicant among the partners ---------------------------------------------------------


def test_a_partner_copy_of_the_applicant_that_differs_names_its_path_and_fields() -> None:
    data = example()
    data["project"]["partners"][0]["actor"]["name"] = "Microcapteurs SA"
    data["project"]["partners"][0]["actor"]["accounts"][1]["staff_awu"] = "52"
    message = error_of(data)
    assert message.startswith(
        "project.partners.0.actor: actor 'microcapteurs-alpes' differs from the applicant "
        "in name, accounts;"
    )


def test_a_partner_with_the_applicant_id_but_another_kind_is_refused() -> None:
    data = example()
    data["project"]["partners"][0]["actor"] = {
        "kind": "research_organisation",
        "id": "microcapteurs-alpes",
        "name": "Microcapteurs des Alpes SAS (synthetic example)",
        "research_kind": "laboratory",
    }
    assert error_of(data).startswith("project.partners.0.actor: actor 'microcapteurs-alpes'")


def test_accounts_given_in_another_order_are_the_same_applicant() -> None:
    data = example()
    accounts = data["project"]["partners"][0]["actor"]["accounts"]
    accounts.reverse()
    assert parse_case(json.dumps(data)) == parse_case(json.dumps(example()))


def test_an_applicant_outside_the_partners_is_a_refusal_not_an_input_error() -> None:
    data = example()
    del data["project"]["partners"][0]
    data["project"]["aid"][0]["partners"] = data["project"]["aid"][0]["partners"][1:]
    decision = eligibility(parse_case(json.dumps(data)).request, PARAMS)
    assert decision.outcome is Outcome.INELIGIBLE
    assert [c.key for c in decision.failed] == ["relay.partner", "relay.state_aid"]


def test_a_research_lab_applying_is_a_refusal_not_an_input_error() -> None:
    data = example()
    lab = data["project"]["partners"][2]["actor"]
    data["applicant"] = lab
    case = parse_case(json.dumps(data))
    assert isinstance(case.request.applicant, ResearchOrganisation)
    decision = eligibility(case.request, PARAMS)
    assert decision.outcome is Outcome.INELIGIBLE
    assert decision.check("relay.enterprise").status is Status.NOT_MET


# --- invalid input: one line naming the path ------------------------------------------------


def test_an_amount_with_three_decimals_names_request_amount() -> None:
    data = example()
    data["request"]["amount"] = "1000.125"
    assert error_of(data).startswith(
        "request.amount: amount 1000.125 has more than two decimals; euro amounts are exact"
    )


def test_a_zero_amount_names_request_amount() -> None:
    data = example()
    data["request"]["amount"] = "0"
    assert error_of(data) == "request.amount: Input should be greater than 0"


def test_a_french_date_names_request_requested_on() -> None:
    data = example()
    data["request"]["requested_on"] = "02/03/2009"
    assert error_of(data) == "request.requested_on: '02/03/2009' is not an ISO date (YYYY-MM-DD)"


def test_a_2016_region_code_in_a_2009_case_names_applicant_region() -> None:
    data = example()
    data["applicant"]["region"] = "84"
    data["project"]["partners"][0]["actor"]["region"] = "84"
    message = error_of(data)
    assert message.startswith(
        "applicant.region: region code '84' did not exist on 2009-03-16 (valid from 2016-01-01)"
    )
    assert "; project.partners.0.actor.region: region code '84' did not exist" in message


def test_a_partner_region_is_checked_against_the_request_date_too() -> None:
    data = example()
    data["project"]["partners"][2]["actor"]["region"] = "76"
    assert error_of(data).startswith(
        "project.partners.2.actor.region: region code '76' did not exist on 2009-03-16"
    )


def test_an_unknown_region_code_names_the_field() -> None:
    data = example()
    data["applicant"]["region"] = "99"
    data["project"]["partners"][0]["actor"]["region"] = "99"
    assert error_of(data).startswith("applicant.region: unknown region code '99'")


def test_an_unknown_field_names_its_path() -> None:
    data = example()
    data["project"]["foo"] = 1
    assert error_of(data) == "project.foo: Extra inputs are not permitted"


def test_an_error_inside_an_actor_is_located_without_the_kind_tag() -> None:
    data = example()
    data["applicant"]["accounts"][0]["turnover"] = "1.001"
    data["project"]["partners"][1]["actor"]["colour"] = "blue"
    message = error_of(data)
    assert message.startswith("applicant.accounts.0.turnover: amount 1.001 has more than two")
    assert "; project.partners.1.actor.colour: Extra inputs are not permitted" in message


def test_an_unknown_actor_kind_names_the_applicant() -> None:
    data = example()
    data["applicant"]["kind"] = "startup"
    assert error_of(data).startswith("applicant.kind: 'startup' is not one of 'enterprise', ")


def test_an_actor_without_its_kind_names_the_missing_tag() -> None:
    data = example()
    del data["applicant"]["kind"]
    assert error_of(data) == "applicant.kind: required, to say which kind of object this is"


def test_a_domain_invariant_is_located_in_the_document() -> None:
    data = example()
    aid = data["project"]["aid"][0]["partners"][0]
    aid["payments"] = [{"paid_on": "2009-04-01", "amount": "400000.00"}]  # above the grant
    assert error_of(data).startswith("project.aid.0.partners.0.payments:")


@pytest.mark.parametrize(
    ("field", "entry", "what"),
    [
        ("payments", {"paid_on": "2001-01-01", "amount": "1000.00"}, "payment of 2001-01-01"),
        (
            "schedule",
            {"kind": "advance", "amount": "1000.00", "expected_on": "2009-03-01"},
            "instalment of 2009-03-01",
        ),
    ],
)
def test_a_subsidy_paid_or_planned_before_its_decision_is_refused(
    field: str, entry: dict[str, str], what: str
) -> None:
    # The FUI decision of the example is dated 2009-03-02.
    data = example()
    data["project"]["aid"][0]["partners"][1][field] = [entry]
    leaf = "paid_on" if field == "payments" else "expected_on"
    assert error_of(data) == (
        f"project.aid.0.partners.1.{field}.0.{leaf}: the {what} to 'semicon-isere' is before "
        "the decision of 2009-03-02"
    )


def test_a_key_given_twice_is_refused_with_its_path() -> None:
    # Parsers disagree on which value wins: the library does not pick one silently.
    text = json.dumps(example(), indent=1).replace(
        '"role": "partner"', '"role": "partner", "role": "lead"', 1
    )
    with pytest.raises(InvalidInputError) as info:
        parse_case(text)
    assert str(info.value) == "project.partners.1.role: given twice in one object"
    top = '{"case_id": "a", "case_id": "b"}'
    with pytest.raises(InvalidInputError, match=r"^case_id: given twice in one object$"):
        parse_case(top)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('{"case_id": "x",', "line 1 column 16"),
        ('{\n  "case_id": "x"\n  "applicant": {}\n}', "line 3 column 3"),
        ("", "line 1 column 0"),
    ],
)
def test_malformed_json_gives_line_and_column(text: str, where: str) -> None:
    message = error_of(text)
    assert message.startswith("invalid JSON: ")
    assert where in message


def test_bytes_that_are_not_utf8_are_named_with_their_place() -> None:
    assert error_of(b"{\xff}") == (
        "the document is not UTF-8: byte 0xff at line 1 column 2 (save it as UTF-8, the "
        "encoding of JSON)"
    )
    latin = (EXAMPLES / "relay-case.json").read_bytes().replace(b"Is\xc3\xa8re", b"Is\xe8re")
    assert error_of(latin).startswith("the document is not UTF-8: byte 0xe8 at line 59 column 43")


def test_a_null_date_and_a_wrong_kind_are_named_as_json_writes_them() -> None:
    data = example()
    data["request"]["requested_on"] = None
    assert (
        error_of(data) == "request.requested_on: a date is required, not null (write it YYYY-MM-DD)"
    )
    data["request"]["requested_on"] = 20090316
    assert error_of(data) == (
        "request.requested_on: 20090316 is not an ISO date (YYYY-MM-DD); write it as a string"
    )
    data = example()
    data["applicant"]["kind"] = None
    assert error_of(data).startswith("applicant.kind: null is not one of 'enterprise', ")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_a_document_in_utf16_or_utf32_says_so(encoding: str) -> None:
    text = (EXAMPLES / "relay-case.json").read_text(encoding="utf-8")
    assert error_of(text.encode(encoding)) == (
        "the document is not UTF-8 (it looks like UTF-16 or UTF-32): save it as UTF-8, the "
        "encoding of JSON"
    )


def test_a_utf8_byte_order_mark_is_ignored() -> None:
    raw = (EXAMPLES / "relay-case.json").read_bytes()
    assert parse_case(b"\xef\xbb\xbf" + raw) == parse_case(raw)
    assert parse_case("\ufeff" + raw.decode()) == parse_case(raw)


def test_a_required_amount_given_as_null_says_a_value_is_required() -> None:
    data = example()
    data["request"]["amount"] = None
    assert error_of(data) == (
        "request.amount: a value is required, not null (give the amount as a number or a "
        "decimal string)"
    )


def test_a_partner_named_twice_is_named_at_the_partners_path() -> None:
    data = example()
    data["project"]["partners"].append(data["project"]["partners"][1])
    assert error_of(data) == (
        "project.partners: actor 'semicon-isere' appears twice (items 1 and 3)"
    )


def test_a_case_id_that_is_not_plain_text_is_named_as_the_case_id() -> None:
    data = example()
    data["case_id"] = "RA-2009-017\n"
    assert error_of(data).startswith("case_id: 'RA-2009-017\\n' holds the control character")


def test_a_blank_case_id_is_refused() -> None:
    data = example()
    data["case_id"] = "  "
    assert error_of(data) == "case_id: must not be blank"


def test_an_id_with_blanks_around_it_is_named_at_its_path() -> None:
    # " minalogic " names no pôle: read as given, the label would ask for that pôle's history.
    data = example()
    data["project"]["labels"][0]["pole_id"] = " minalogic "
    assert error_of(data) == (
        "project.labels.0.pole_id: id ' minalogic ' has blanks around it; ids are matched "
        "exactly: write 'minalogic'"
    )
    data = example()
    data["case_id"] = "RA-2009-017 "
    assert error_of(data) == (
        "case_id: id 'RA-2009-017 ' has blanks around it; ids are matched exactly: write "
        "'RA-2009-017'"
    )


def test_a_document_that_is_not_an_object_is_refused() -> None:
    assert error_of("[]") == "the document should be an object"


def test_missing_parts_are_each_named() -> None:
    message = error_of({"case_id": "x"})
    assert message == (
        "applicant: Field required; project: Field required; request: Field required"
    )


# --- the domain case --------------------------------------------------------------------------


def test_a_loan_for_another_request_is_refused() -> None:
    case = parse_case((EXAMPLES / "relay-case.json").read_bytes())
    assert case.loan is not None
    with pytest.raises(InvalidInputError, match=r"^RelayCase\.loan: the loan answers request 'x'"):
        attrs.evolve(case, loan=attrs.evolve(case.loan, request_id="x"))


def test_a_request_with_another_id_than_the_case_is_refused() -> None:
    case = parse_case((EXAMPLES / "relay-case-undetermined.json").read_bytes())
    with pytest.raises(InvalidInputError, match=r"^RelayCase\.request: the request id 'other'"):
        attrs.evolve(case, request=attrs.evolve(case.request, id="other"))


def test_a_case_whose_partner_differs_from_its_applicant_is_refused() -> None:
    case = parse_case((EXAMPLES / "relay-case-undetermined.json").read_bytes())
    renamed = attrs.evolve(case.request.applicant, name="Someone else")
    with pytest.raises(InvalidInputError, match="differs from the applicant with the same id"):
        attrs.evolve(case, request=attrs.evolve(case.request, applicant=renamed))


# --- round trip, on generated cases ---------------------------------------------------------

IDS = st.text(alphabet=string.ascii_lowercase + string.digits + "-", min_size=1, max_size=8)
NAMES = st.text(min_size=1, max_size=12).filter(readable)
DATES = st.dates(min_value=date(2005, 1, 1), max_value=date(2020, 12, 31))


def cents(low: int, high: int = 10**10) -> st.SearchStrategy[Decimal]:
    return st.integers(low, high).map(lambda c: Decimal(c).scaleb(-2))


@st.composite
def actors(draw: st.DrawFn, ident: str, on: date) -> Actor:
    region = draw(st.none() | st.sampled_from([r.code for r in regions_on(on)]))
    if draw(st.booleans()):
        accounts = [
            Accounts(
                period_end=date(year, 12, 31),
                staff_awu=draw(st.integers(0, 400)),
                turnover=draw(cents(0)),
                balance_sheet=draw(cents(0)),
            )
            for year in draw(st.lists(st.integers(2003, 2012), unique=True, max_size=2))
        ]
        return Enterprise(
            id=ident,
            name=draw(NAMES),
            region=region,
            accounts=accounts,
            public_bodies_share=draw(st.none() | st.decimals(0, 1, places=2)),
        )
    return ResearchOrganisation(
        id=ident, name=draw(NAMES), kind=draw(st.sampled_from(ResearchKind)), region=region
    )


@st.composite
def subsidies(draw: st.DrawFn, partner_id: str) -> PartnerAid:
    granted = draw(st.integers(0, 10**8))
    paid = draw(st.lists(st.integers(0, granted), max_size=3).filter(lambda xs: sum(xs) <= granted))
    return PartnerAid(
        partner_id=partner_id,
        granted=Decimal(granted).scaleb(-2),
        schedule=[
            ScheduledPayment(
                kind=PaymentKind.ADVANCE,
                amount=Decimal(granted).scaleb(-2),
                expected_on=draw(st.none() | DATES),
            )
        ]
        if draw(st.booleans())
        else [],
        # One payment of a day and amount: two would be the same payment given twice.
        payments=list(
            dict.fromkeys(Payment(paid_on=draw(DATES), amount=Decimal(c).scaleb(-2)) for c in paid)
        ),
    )


@st.composite
def decisions(draw: st.DrawFn, members: list[Actor]) -> AidDecision:
    subsidised = [draw(subsidies(a.id)) for a in members if draw(st.booleans())]
    # A dated decision comes before every payment and dated instalment it makes.
    dated = [p.paid_on for a in subsidised for p in a.payments]
    dated += [s.expected_on for a in subsidised for s in a.schedule if s.expected_on is not None]
    latest = min(dated, default=date(2020, 12, 31))
    return AidDecision(
        funder=draw(st.sampled_from(Funder)),
        scheme=draw(st.sampled_from(["FUI", "ANR", "Région Rhône-Alpes"])),
        call=draw(st.none() | st.just("FUI 7")),
        decided_on=draw(st.none() | st.dates(min_value=date(2005, 1, 1), max_value=latest)),
        partners=subsidised,
    )


@st.composite
def cases(draw: st.DrawFn) -> RelayCase:
    on = draw(DATES)
    case_id = draw(IDS)
    applicant = draw(actors("applicant", on))
    others = [draw(actors(i, on)) for i in draw(st.lists(IDS, unique=True, max_size=2))]
    members = ([applicant] if draw(st.booleans()) else []) + others
    lead = draw(st.none() | st.sampled_from(members)) if members else None
    partners = [
        ProjectPartner(
            actor=actor,
            role=PartnerRole.LEAD if actor is lead else PartnerRole.PARTNER,
            eligible_costs=draw(st.none() | cents(0)),
        )
        for actor in members
    ]
    aid = None
    if draw(st.booleans()):
        # Two equal decisions would be one pasted twice, which is refused.
        aid = list(dict.fromkeys(draw(decisions(members)) for _ in range(draw(st.integers(0, 2)))))
    project = CollaborativeProject(
        id=draw(IDS),
        name=draw(NAMES),
        partners=partners,
        labels=[
            PoleLabel(pole_id=p, labelled_on=draw(st.none() | DATES))
            for p in draw(st.lists(IDS, unique=True, max_size=2))
        ],
        aid=aid,
        selection_letter_on=draw(st.none() | DATES),
    )
    request = RelayRequest(
        id=case_id,
        applicant=applicant,
        project=project,
        requested_on=on,
        amount=(amount := draw(cents(1))),
        bank=draw(st.none() | st.builds(Bank, id=IDS, name=NAMES)),
        oseo_counter_guarantee=draw(st.none() | st.booleans()),
    )
    loan = None
    if draw(st.booleans()):
        disbursed_on = on + timedelta(days=draw(st.integers(0, 120)))
        from_subsidy = draw(st.booleans())
        # A loan repaid in one go has a repayment date after its disbursement, or none known.
        repaid_on = (
            None
            if from_subsidy
            else draw(st.none() | st.integers(1, 2000).map(lambda d: disbursed_on + timedelta(d)))
        )
        loan = RelayLoan(
            request_id=case_id,
            disbursed_on=disbursed_on,
            # At most the amount requested: a case's loan lends no more (RelayCase).
            principal=draw(cents(1, int(amount * 100))),
            annual_rate=draw(st.decimals(0, 1, places=4)),
            fees=draw(st.none() | cents(0, 10**6)),
            repaid_from_subsidy=from_subsidy,
            repaid_on=repaid_on,
        )
    return RelayCase(case_id=case_id, request=request, loan=loan)


@given(cases())
def test_a_relay_case_survives_json(case: RelayCase) -> None:
    text = RelayCaseModel.from_domain(case).model_dump_json()
    assert parse_case(text) == case


@given(cases())
def test_a_relay_case_survives_its_own_writer_and_a_second_trip(case: RelayCase) -> None:
    text = dump_case(case)
    assert dump_case(parse_case(text)) == text


@given(cases() | relay_cases())
def test_a_relay_case_read_back_is_the_same_down_to_its_decimals(case: RelayCase) -> None:
    # Equal Decimals may differ in form ("36" and "36.0"); parsing keeps the form written.
    assert repr(parse_case(dump_case(case))) == repr(case)


@pytest.mark.parametrize("value", ['"yes"', '"true"', "1", "0", '"false"'])
def test_a_yes_or_no_must_be_a_json_boolean(value: str) -> None:
    # "false" read as true, or 0 as false, would be guesses: the schema says boolean.
    document = json.loads((EXAMPLES / "relay-case.json").read_text(encoding="utf-8"))
    text = json.dumps(document).replace(
        '"oseo_counter_guarantee": true', f'"oseo_counter_guarantee": {value}'
    )
    assert text != json.dumps(document)
    with pytest.raises(
        InvalidInputError, match=r"request\.oseo_counter_guarantee: Input should be a valid boolean"
    ):
        parse_case(text.encode())


@pytest.mark.parametrize("number", ["1e-400", "-2.5E-330"])
def test_a_number_a_binary_float_reads_as_zero_is_refused(number: str) -> None:
    # "fees": 1e-400 became 0.00 without a word, while 0.30000000000000004 is refused as inexact.
    text = json.dumps(example()).replace('"fees": "750.00"', f'"fees": {number}')
    assert f'"fees": {number}' in text
    assert error_of(text) == (
        f"loan.fees: the number {number} is too small for a JSON number, which readers hold as a "
        "binary float (it would be read as 0): write it as a decimal string"
    )


@pytest.mark.parametrize(
    ("number", "read_as"),
    [("199999.999999999999", "200000.0"), ("200000.00000000000000001", "200000.0")],
)
def test_a_number_a_binary_float_would_change_is_refused(number: str, read_as: str) -> None:
    # Read as 200000.0, it passed as 200 000.00 euros; a number of 17 digits a float holds
    # exactly (0.30000000000000004) is refused by the amount's own reader.
    text = json.dumps(example()).replace('"amount": "200000.00"', f'"amount": {number}')
    assert error_of(text) == (
        f"request.amount: the number {number} has more digits than the binary float JSON readers "
        f"hold it in (it would be read as {read_as}): write it as a decimal string"
    )


def test_a_number_a_binary_float_reads_as_infinity_is_refused() -> None:
    text = json.dumps(example()).replace('"amount": "200000.00"', '"amount": 1e400')
    assert error_of(text) == (
        "request.amount: the number 1e400 is too large for a JSON number, which readers hold as a "
        "binary float (it would be read as infinity): write it as a decimal string"
    )


@pytest.mark.parametrize("number", ["200000.0", "2e5", "2.000000000000000000E5", "200000.50"])
def test_a_number_a_binary_float_holds_is_read(number: str) -> None:
    text = json.dumps(example()).replace('"amount": "200000.00"', f'"amount": {number}')
    assert parse_case(text).request.amount == Decimal(number)


@pytest.mark.parametrize("zero", ["0e-400", "0E-8", "0.0E+3", "-0.000e5"])
def test_a_zero_written_with_an_exponent_is_zero(zero: str) -> None:
    # Java's BigDecimal (and so Jackson) writes a zero as 0E-8.
    text = json.dumps(example()).replace('"fees": "750.00"', f'"fees": {zero}')
    case = parse_case(text)
    assert case.loan is not None
    assert case.loan.fees == Decimal("0.00")


def test_a_case_id_with_a_right_to_left_override_is_refused() -> None:
    data = example()
    data["case_id"] = "RA-\u202e710-9002"  # would show as "RA-2009-017"
    assert "holds the character U+202E (RIGHT-TO-LEFT OVERRIDE)" in error_of(data)


def test_a_loan_disbursed_before_the_request_is_refused_when_the_case_is_read() -> None:
    data = example()
    data["loan"]["disbursed_on"] = "2009-03-01"  # the request is of 2009-03-16
    assert error_of(data) == (
        "loan.disbursed_on: disbursed on 2009-03-01, before the request of 2009-03-16; a relay "
        "loan answers its request"
    )
    case = parse_case((EXAMPLES / "relay-case.json").read_bytes())
    assert case.loan is not None
    with pytest.raises(
        InvalidInputError, match=r"^RelayCase\.loan\.disbursed_on: disbursed on 2009-03-01"
    ):
        attrs.evolve(case, loan=attrs.evolve(case.loan, disbursed_on=date(2009, 3, 1)))
    # On the request's own day, it is accepted.
    same_day = attrs.evolve(case.loan, disbursed_on=case.request.requested_on)
    assert attrs.evolve(case, loan=same_day).loan == same_day


# --- every problem of a refused document, by its path ------------------------------------------


def test_each_bad_field_is_a_problem_at_its_path() -> None:
    data = example()
    data["request"]["amount"] = "200000.005"
    data["request"]["requested_on"] = "16/03/2009"
    del data["applicant"]["kind"]
    problems = problems_of(data)
    assert [path for path, _ in problems] == [
        "applicant.kind",
        "request.requested_on",
        "request.amount",
    ]
    assert problems[0][1] == "required, to say which kind of object this is"


def test_an_entry_pasted_twice_is_refused_at_its_place() -> None:
    # A decision pasted twice doubled the subsidy: 500 000 EUR asked looked eligible.
    data = example()
    data["project"]["aid"].append(data["project"]["aid"][0])
    [(path, reason)] = problems_of(data)
    assert path == "project.aid"
    assert reason == (
        "the FUI (FUI 7) decision of 2009-03-02 appears twice (items 0 and 2), with the same "
        "partners and amounts"
    )
    # A payment pasted twice, named at its place as written (the domain sorts them by date).
    data = example()
    aid = data["project"]["aid"][0]["partners"][0]
    aid["payments"] = [
        {"paid_on": "2009-12-15", "amount": "94500.00"},
        {"paid_on": "2009-12-01", "amount": "1000.00"},
        {"paid_on": "2009-12-15", "amount": "94500.00"},
    ]
    [(path, reason)] = problems_of(data)
    assert path == "project.aid.0.partners.0.payments.2"
    assert reason.startswith("payment '94500.00 EUR on 2009-12-15' appears twice (items 0 and 2)")
    # A related enterprise given twice.
    data = example()
    data["applicant"]["related"] = [
        {"name": "Holding SA", "share": "0.40"},
        {"name": "Holding SA", "share": "0.40"},
    ]
    [(path, reason)] = problems_of(data)
    assert path == "applicant.related"
    assert reason == "related enterprise 'Holding SA' appears twice (items 0 and 1)"


def test_validate_json_names_an_actor_s_field_as_the_document_does() -> None:
    # Pydantic puts the actor's kind in the path ("applicant.enterprise.region"); every reader,
    # not only parse_case, leaves it out.
    data = example()
    data["applicant"]["region"] = "8"
    data["project"]["partners"][0]["actor"]["region"] = "8"
    with pytest.raises(DocumentError) as caught:
        validate_json(RelayCaseModel, json.dumps(data))
    assert [path for path, _ in caught.value.problems] == [
        "applicant.region",
        "project.partners.0.actor.region",
    ]
    with pytest.raises(DocumentError) as from_project:
        validate_json(CollaborativeProjectModel, json.dumps(data["project"]))
    assert [path for path, _ in from_project.value.problems] == ["partners.0.actor.region"]


def test_a_domain_invariant_and_a_repeated_key_are_problems_at_their_paths() -> None:
    data = example()
    data["project"]["partners"].append(data["project"]["partners"][1])
    [(path, reason)] = problems_of(data)
    assert path == "project.partners"
    assert reason.startswith("actor 'semicon-isere' appears twice")
    top = '{"case_id": "a", "case_id": "b"}'
    assert problems_of(top) == (("case_id", "given twice in one object"),)


def test_every_region_that_did_not_exist_is_its_own_problem() -> None:
    data = example()
    data["applicant"]["region"] = "84"
    data["project"]["partners"][2]["actor"]["region"] = "75"
    assert [path for path, _ in problems_of(data)] == [
        "applicant.region",
        "project.partners.2.actor.region",
    ]


def test_malformed_json_is_a_problem_of_the_whole_document() -> None:
    [(path, reason)] = problems_of('{"case_id": "x",')
    assert path == ""
    assert reason.startswith("invalid JSON: ")


def test_a_document_error_is_an_input_error_and_survives_pickling() -> None:
    import pickle

    with pytest.raises(DocumentError) as info:
        parse_case('{"case_id": "a", "case_id": "b"}')
    error = info.value
    assert isinstance(error, InvalidInputError)
    assert isinstance(error, ValueError)
    again = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own object
    assert type(again) is DocumentError
    assert again.problems == error.problems
    assert str(again) == str(error)


_JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**12)
    | st.sampled_from(["", " ", "82", "84", "2009-03-16", "2016-01-01", "0.045", "1.005", "x"])
    | st.decimals(min_value=-1, max_value=10**7, places=3, allow_nan=False).map(str),
    lambda inner: (
        st.lists(inner, max_size=2)
        | st.dictionaries(st.sampled_from(["id", "kind"]), inner, max_size=2)
    ),
    max_leaves=4,
)


def _leaves(value: object, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    if isinstance(value, dict):
        return [path] + [p for k, v in value.items() for p in _leaves(v, (*path, k))]
    if isinstance(value, list):
        return [path] + [p for i, v in enumerate(value) for p in _leaves(v, (*path, i))]
    return [path]


@given(st.data())
def test_a_document_is_read_or_refused_with_its_problems_never_otherwise(
    data: st.DataObject,
) -> None:
    document = example()
    path = data.draw(st.sampled_from(_leaves(document)[1:]), label="path")
    parent: Any = document
    for segment in path[:-1]:
        parent = parent[segment]
    if data.draw(st.booleans(), label="remove") and isinstance(parent, dict):
        del parent[path[-1]]
    else:
        parent[path[-1]] = data.draw(_JSON_VALUES, label="value")
    # Any other exception fails the test: a plain InvalidInputError, a KeyError from deep inside.
    problems: tuple[tuple[str, str], ...] | None = None
    try:
        parse_case(json.dumps(document))
    except DocumentError as error:
        problems = error.problems
    assert problems is None or (problems and all(reason for _, reason in problems))


def test_an_aid_to_an_actor_that_is_not_a_partner_names_its_partner_id() -> None:
    data = example()
    data["project"]["aid"][0]["partners"][0]["partner_id"] = "nobody"
    assert problems_of(data) == (
        (
            "project.aid.0.partners.0.partner_id",
            "the FUI decision aids 'nobody', who is not a partner of project 'nanocap'",
        ),
    )


def test_an_applicant_copy_differing_in_one_field_names_that_field() -> None:
    data = example()
    data["applicant"]["region"] = "11"
    [(path, _)] = problems_of(data)
    assert path == "project.partners.0.actor.region"
