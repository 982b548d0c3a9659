"""
Factories shared by the rule tests: small, valid cases to vary with keywords.

Each fixture returns a plain function, so the same factory serves worked
examples and Hypothesis properties (the factories hold no state).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from poles_policy.model.actors import (
    Accounts,
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
    PoleLabel,
    ProjectPartner,
    ScheduledPayment,
)
from poles_policy.model.relay import RelayLoan, RelayRequest
from poles_policy.parameters import ParameterSet, default_parameters

EnterpriseFactory = Callable[..., Enterprise]
RequestFactory = Callable[..., RelayRequest]
LoanFactory = Callable[..., RelayLoan]

_PARAMS = default_parameters()


def _accounts(staff: int, turnover: str) -> tuple[Accounts, ...]:
    return tuple(
        Accounts(
            period_end=date(year, 12, 31),
            staff_awu=staff,
            turnover=turnover,
            balance_sheet="3000000",
        )
        for year in (2007, 2008)
    )


def _enterprise(
    id: str = "acme",  # noqa: A002 - the field's name
    name: str = "Acme Microsystèmes SAS",
    *,
    staff: int | None = 40,
    turnover: str = "5000000",
    **changes: Any,
) -> Enterprise:
    """An autonomous enterprise in Rhône-Alpes: an SME by default, unknown with ``staff=None``."""
    fields: dict[str, Any] = {
        "id": id,
        "name": name,
        "region": "82",
        "accounts": () if staff is None else _accounts(staff, turnover),
        "public_bodies_share": "0",
    }
    return Enterprise(**{**fields, **changes})


LAB = ResearchOrganisation(id="leti", name="CEA-Leti", kind=ResearchKind.PUBLIC_RESEARCH)


def _request(
    *,
    granted: str | Decimal = "300000",
    payments: Sequence[tuple[date, str | Decimal]] = (),
    schedule: Sequence[ScheduledPayment] = (),
    letter: date | None = date(2009, 3, 2),
    requested_on: date = date(2009, 3, 16),
    amount: str | Decimal = "150000",
    oseo: bool | None = True,
    aid_known: bool = True,
    state: bool = True,
) -> RelayRequest:
    """
    A relay request by an SME partner of a labelled FUI project.

    The applicant's State subsidy is *granted*, with *payments* (date,
    amount) received and an optional *schedule*; ``aid_known=False`` leaves
    the project's aid unknown, ``state=False`` makes the Region the funder.
    """
    applicant = _enterprise()
    aid = PartnerAid(
        partner_id=applicant.id,
        granted=granted,
        schedule=tuple(schedule),
        payments=tuple(Payment(paid_on=day, amount=value) for day, value in payments),
    )
    project = CollaborativeProject(
        id="nanocap",
        name="NanoCap",
        partners=(
            ProjectPartner(actor=_enterprise("bigco", "BigCo SA"), role=PartnerRole.LEAD),
            ProjectPartner(actor=applicant, eligible_costs=Decimal("666666.67")),
            ProjectPartner(actor=LAB),
        ),
        labels=(PoleLabel(pole_id="minalogic", labelled_on=date(2008, 10, 15)),),
        aid=(
            (
                AidDecision(
                    funder=Funder.STATE if state else Funder.REGION,
                    scheme="FUI" if state else "Région Rhône-Alpes",
                    partners=(aid,),
                ),
            )
            if aid_known
            else None
        ),
        selection_letter_on=letter,
    )
    return RelayRequest(
        id="req-1",
        applicant=applicant,
        project=project,
        requested_on=requested_on,
        amount=amount,
        bank=Bank(id="bank-lyon", name="Banque de Lyon"),
        oseo_counter_guarantee=oseo,
    )


def _loan(
    *,
    disbursed_on: date,
    principal: str | Decimal = "150000",
    annual_rate: str | Decimal = "0.06",
    fees: str | Decimal | None = "0",
    request_id: str = "req-1",
    repaid_from_subsidy: bool = True,
    repaid_on: date | None = None,
) -> RelayLoan:
    """The relay loan answering ``req-1`` (no fees unless said; ``None``: not known)."""
    return RelayLoan(
        request_id=request_id,
        disbursed_on=disbursed_on,
        principal=principal,
        annual_rate=annual_rate,
        fees=fees,
        repaid_from_subsidy=repaid_from_subsidy,
        repaid_on=repaid_on,
    )


@pytest.fixture(scope="session")
def params() -> ParameterSet:
    """The packaged default parameters."""
    return _PARAMS


@pytest.fixture(scope="session")
def make_enterprise() -> EnterpriseFactory:
    """See :func:`_enterprise`."""
    return _enterprise


@pytest.fixture(scope="session")
def lab() -> ResearchOrganisation:
    """A public research organisation."""
    return LAB


@pytest.fixture(scope="session")
def make_request() -> RequestFactory:
    """See :func:`_request`."""
    return _request


@pytest.fixture(scope="session")
def make_loan() -> LoanFactory:
    """See :func:`_loan`."""
    return _loan
