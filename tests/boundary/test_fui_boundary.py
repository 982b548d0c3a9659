"""The JSON models and committed schemas of the FUI results (PHASE.2a, RELAY.4, RELAY.6)."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, TypeAdapter, ValidationError

from poles_policy.boundary.fui import (
    AidAmountModel,
    AidRateModel,
    EstimatedPaymentModel,
    PaymentScheduleJson,
    PaymentWindowModel,
)
from poles_policy.boundary.schema import schema_names
from poles_policy.model.actors import (
    Accounts,
    Enterprise,
    ResearchKind,
    ResearchOrganisation,
)
from poles_policy.model.projects import PaymentKind, ProjectPartner
from poles_policy.parameters import default_parameters
from poles_policy.rules.fui import aid_amount, aid_rate, first_payment_window, payment_schedule
from poles_policy.testing import (
    eur_amounts,
    local_authorities,
    policy_dates,
    project_partners,
)

PARAMS = default_parameters()
SCHEMA_DIR = Path(__file__).parents[2] / "docs" / "schema"
ON = date(2009, 4, 15)
LETTER = date(2009, 3, 31)
# The aid rates of research bodies are in force from 2009; the delays change in March 2013.
AID_DATES = policy_dates(min_value=date(2009, 1, 1), max_value=date(2012, 12, 31))
LETTER_DATES = policy_dates(min_value=date(2006, 3, 6), max_value=date(2014, 12, 31))
SCHEDULE = TypeAdapter(PaymentScheduleJson)


@cache
def _validator(name: str) -> jsonschema.Draft202012Validator:
    text = (SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8")
    return jsonschema.Draft202012Validator(json.loads(text))


def _conforms(model: type[BaseModel], schema_name: str, data: dict[str, Any]) -> None:
    """*data* is valid JSON, valid for *model* and its committed schema, and kept as it is."""
    document = json.loads(json.dumps(data, ensure_ascii=False))
    assert document == data, "to_dict() must give JSON data only"
    assert model.model_validate(document).model_dump(mode="json") == document
    _validator(schema_name).validate(document)


def _sme() -> Enterprise:
    accounts = tuple(
        Accounts(
            period_end=date(year, 12, 31),
            staff_awu=40,
            turnover="5000000",
            balance_sheet="3000000",
        )
        for year in (2007, 2008)
    )
    return Enterprise(
        id="acme", name="Acme SAS", region="82", accounts=accounts, public_bodies_share="0"
    )


def test_the_fui_schemas_are_exported() -> None:
    assert {
        "fui-aid-rate",
        "fui-aid-amount",
        "fui-payment-window",
        "fui-estimated-payment",
        "fui-payment-schedule",
    } <= set(schema_names())


# --- every result, on generated inputs, follows its published model and schema --------------


@given(partner=project_partners(), on=AID_DATES, full_cost=st.booleans())
def test_an_aid_amount_and_its_rate_follow_their_models_and_schemas(
    partner: ProjectPartner, on: date, *, full_cost: bool
) -> None:
    aid = aid_amount(partner, on, PARAMS, full_cost=full_cost)
    _conforms(AidAmountModel, "fui-aid-amount", aid.to_dict())
    _conforms(AidRateModel, "fui-aid-rate", aid.rate.to_dict())


@given(actor=local_authorities(), on=AID_DATES, costs=st.none() | eur_amounts())
def test_an_aid_that_does_not_apply_follows_its_model_and_schema(
    actor: Any, on: date, costs: Decimal | None
) -> None:
    aid = aid_amount(ProjectPartner(actor=actor, eligible_costs=costs), on, PARAMS)
    _conforms(AidAmountModel, "fui-aid-amount", aid.to_dict())


@given(letter=LETTER_DATES)
def test_a_payment_window_follows_its_model_and_schema(letter: date) -> None:
    _conforms(
        PaymentWindowModel, "fui-payment-window", first_payment_window(letter, PARAMS).to_dict()
    )


@given(
    granted=eur_amounts(max_value="50000000.00"),
    letter=LETTER_DATES,
    months=st.integers(min_value=1, max_value=96),
)
def test_a_payment_schedule_follows_its_models_and_schemas(
    granted: Decimal, letter: date, months: int
) -> None:
    schedule = payment_schedule(granted, letter, PARAMS, project_months=months)
    for payment in schedule:
        _conforms(EstimatedPaymentModel, "fui-estimated-payment", payment.to_dict())
    document = [payment.to_dict() for payment in schedule]
    assert SCHEDULE.dump_python(SCHEDULE.validate_python(document), mode="json") == document
    _validator("fui-payment-schedule").validate(document)


# --- worked figures -----------------------------------------------------------------------------


def test_an_sme_aid_of_45_percent_reads_back_with_its_sme_status() -> None:
    # 1 000.10 x 0.45 = 450.045: half up to 450.05.
    aid = aid_amount(ProjectPartner(actor=_sme(), eligible_costs=Decimal("1000.10")), ON, PARAMS)
    _conforms(AidAmountModel, "fui-aid-amount", aid.to_dict())
    model = AidAmountModel.model_validate(aid.to_dict())
    assert (model.amount, model.eligible_costs, model.rate.rate, model.rate.basis) == (
        "450.05",
        "1000.10",
        "0.45",
        "sme",
    )
    assert model.rate.sme is not None
    assert (model.rate.sme.is_sme, model.rate.sme.size.value if model.rate.sme.size else None) == (
        True,
        "small",
    )
    assert [p.staff_awu for p in model.rate.sme.periods] == ["40", "40"]


def test_a_lab_at_100_percent_and_an_aid_of_zero_read_back() -> None:
    lab = ResearchOrganisation(id="lab", name="Lab", kind=ResearchKind.LABORATORY)
    full = AidAmountModel.model_validate(
        aid_amount(ProjectPartner(actor=lab, eligible_costs=Decimal(250000)), ON, PARAMS).to_dict()
    )
    assert (full.amount, full.rate.rate, full.rate.sme) == ("250000.00", "1.00", None)
    zero = AidAmountModel.model_validate(
        aid_amount(ProjectPartner(actor=lab, eligible_costs=Decimal(0)), ON, PARAMS).to_dict()
    )
    assert (zero.amount, zero.check.status.value) == ("0.00", "met")


def test_an_unknown_sme_status_reads_back_as_a_null_rate_with_the_fact_to_ask() -> None:
    unknown = Enterprise(id="acme", name="Acme SAS", region="82", public_bodies_share="0")
    model = AidRateModel.model_validate(aid_rate(unknown, ON, PARAMS).to_dict())
    assert (model.rate, model.basis, model.check.status.value) == (None, None, "unknown")
    assert [f.path for f in model.missing] == ["enterprise.accounts"]
    assert model.sme is not None
    assert model.sme.is_sme is None


def test_the_documented_schedule_reads_back_advance_first_with_its_assumptions() -> None:
    document = [p.to_dict() for p in payment_schedule(Decimal(100000), LETTER, PARAMS)]
    _validator("fui-payment-schedule").validate(document)
    advance, intermediate, balance = SCHEDULE.validate_python(document)
    assert [(p.kind, p.amount) for p in (advance, intermediate, balance)] == [
        (PaymentKind.ADVANCE, "25000.00"),
        (PaymentKind.INTERMEDIATE, "55000.00"),
        (PaymentKind.BALANCE, "20000.00"),
    ]
    assert [(u.name, u.confidence) for u in intermediate.parameters][:2] == [
        ("fui.payment.advance_share", "assumption"),
        ("fui.payment.balance_share", "assumption"),
    ]


# --- what the models refuse -------------------------------------------------------------------


def _lab_aid() -> dict[str, Any]:
    lab = ResearchOrganisation(id="lab", name="Lab", kind=ResearchKind.LABORATORY)
    return aid_amount(ProjectPartner(actor=lab, eligible_costs=Decimal(1000)), ON, PARAMS).to_dict()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("amount", 1000.0),  # a binary float: amounts are exact strings
        ("amount", "1000.5"),  # an amount to the cent has two decimals
        ("eligible_costs", "1e3"),
        ("check", None),
    ],
)
def test_an_aid_amount_that_is_not_exact_text_is_refused(field: str, value: object) -> None:
    data = _lab_aid() | {field: value}
    with pytest.raises(ValidationError, match=field):
        AidAmountModel.model_validate(data)
    with pytest.raises(jsonschema.ValidationError):
        _validator("fui-aid-amount").validate(data)


def test_an_unknown_basis_or_field_is_refused() -> None:
    rate = _lab_aid()["rate"]
    with pytest.raises(ValidationError, match="basis"):
        AidRateModel.model_validate(rate | {"basis": "startup"})
    with pytest.raises(ValidationError, match="extra"):
        AidRateModel.model_validate(rate | {"note": "x"})
    with pytest.raises(jsonschema.ValidationError):
        _validator("fui-aid-rate").validate(rate | {"rate": 0.45})


def test_a_schedule_of_two_payments_is_refused() -> None:
    document = [p.to_dict() for p in payment_schedule(Decimal(1000), LETTER, PARAMS)][:2]
    with pytest.raises(ValidationError):
        SCHEDULE.validate_python(document)
    with pytest.raises(jsonschema.ValidationError):
        _validator("fui-payment-schedule").validate(document)
