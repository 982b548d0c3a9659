from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from poles_policy.exceptions import InvalidInputError
from poles_policy.model.relay import RelayLoan, RelayRequest

if TYPE_CHECKING:
    from poles_policy.model.actors import ResearchOrganisation
    from poles_policy.model.projects import CollaborativeProject


def test_a_request_keeps_its_facts(relay_request: RelayRequest) -> None:
    assert relay_request.amount == Decimal("150000.00")
    assert relay_request.applicant.id == "acme"
    assert relay_request.project.id == "nanocap"


def test_bank_and_counter_guarantee_may_be_unknown(relay_request: RelayRequest) -> None:
    unknown = attrs.evolve(relay_request, bank=None, oseo_counter_guarantee=None)
    assert unknown.bank is None
    assert unknown.oseo_counter_guarantee is None


def test_no_counter_guarantee_is_not_an_unknown_one(relay_request: RelayRequest) -> None:
    assert attrs.evolve(relay_request, oseo_counter_guarantee=False).oseo_counter_guarantee is False


@pytest.mark.parametrize("amount", [Decimal(0), Decimal("-0.01")])
def test_a_request_for_nothing_or_less_is_refused(
    relay_request: RelayRequest, amount: Decimal
) -> None:
    with pytest.raises(
        InvalidInputError, match=r"RelayRequest\.amount: -?0\.0\d is not a positive amount"
    ):
        attrs.evolve(relay_request, amount=amount)


def test_a_request_amount_as_float_is_refused(relay_request: RelayRequest) -> None:
    with pytest.raises(InvalidInputError, match="is a float"):
        attrs.evolve(relay_request, amount=1500.0)  # type: ignore[arg-type]


def test_a_request_needs_an_id(relay_request: RelayRequest) -> None:
    with pytest.raises(InvalidInputError, match=r"RelayRequest\.id: must not be empty"):
        attrs.evolve(relay_request, id="")


def test_a_request_by_a_laboratory_is_representable(
    relay_request: RelayRequest, lab: ResearchOrganisation
) -> None:
    # RELAY.2 makes it ineligible; that is the rule's answer, not an input error.
    assert attrs.evolve(relay_request, applicant=lab).applicant is lab


def test_a_request_by_a_non_partner_is_representable(
    relay_request: RelayRequest, project: CollaborativeProject
) -> None:
    outsider = attrs.evolve(project, partners=project.partners[:1], aid=())
    assert attrs.evolve(relay_request, project=outsider).project.partner("acme") is None


def test_a_request_before_the_selection_letter_is_representable(
    relay_request: RelayRequest,
) -> None:
    early = attrs.evolve(relay_request, requested_on=date(2009, 1, 1))
    assert relay_request.project.selection_letter_on is not None
    assert early.requested_on < relay_request.project.selection_letter_on


def test_a_loan_keeps_its_terms(relay_loan: RelayLoan) -> None:
    assert relay_loan.principal == Decimal("150000.00")
    assert relay_loan.annual_rate == Decimal("0.065")
    assert relay_loan.fees == Decimal("500.00")
    assert relay_loan.repaid_from_subsidy is True


def test_a_loan_s_fees_and_repayment_date_are_unknown_by_default() -> None:
    loan = RelayLoan(
        request_id="r", disbursed_on=date(2009, 5, 4), principal=Decimal(1), annual_rate=Decimal(0)
    )
    # Not known yet, which is not "none": fees of 0.00 are said explicitly.
    assert loan.fees is None
    assert loan.repaid_on is None
    assert attrs.evolve(loan, fees=0).fees == Decimal("0.00")


def test_a_loan_repaid_in_one_go_keeps_its_repayment_date(relay_loan: RelayLoan) -> None:
    loan = attrs.evolve(relay_loan, repaid_from_subsidy=False, repaid_on=date(2010, 6, 30))
    assert loan.repaid_on == date(2010, 6, 30)
    assert attrs.evolve(loan, repaid_on=None).repaid_on is None  # not known yet


def test_a_repayment_date_for_a_loan_repaid_from_the_subsidy_is_refused(
    relay_loan: RelayLoan,
) -> None:
    # The subsidy payments say when such a loan is repaid: a date of its own contradicts them.
    with pytest.raises(
        InvalidInputError, match=r"RelayLoan\.repaid_on: 2010-06-30 is given for a loan repaid"
    ):
        attrs.evolve(relay_loan, repaid_on=date(2010, 6, 30))


@pytest.mark.parametrize("days", [0, -1])
def test_a_repayment_on_or_before_the_disbursement_is_refused(
    relay_loan: RelayLoan, days: int
) -> None:
    day = relay_loan.disbursed_on + timedelta(days=days)
    with pytest.raises(
        InvalidInputError, match=rf"RelayLoan\.repaid_on: {day} is not after the disbursement"
    ):
        attrs.evolve(relay_loan, repaid_from_subsidy=False, repaid_on=day)


@pytest.mark.parametrize("principal", [Decimal(0), Decimal(-100)])
def test_a_loan_of_nothing_or_less_is_refused(relay_loan: RelayLoan, principal: Decimal) -> None:
    with pytest.raises(
        InvalidInputError, match=r"RelayLoan\.principal: .* is not a positive amount"
    ):
        attrs.evolve(relay_loan, principal=principal)


def test_a_negative_rate_is_refused(relay_loan: RelayLoan) -> None:
    with pytest.raises(InvalidInputError, match=r"RelayLoan\.annual_rate: -0\.01 is not a share"):
        attrs.evolve(relay_loan, annual_rate=Decimal("-0.01"))


def test_a_rate_written_in_percent_is_refused(relay_loan: RelayLoan) -> None:
    with pytest.raises(InvalidInputError, match=r"RelayLoan\.annual_rate: 6\.5 is not a share"):
        attrs.evolve(relay_loan, annual_rate=Decimal("6.5"))


def test_a_float_rate_is_refused(relay_loan: RelayLoan) -> None:
    with pytest.raises(InvalidInputError, match="is a float"):
        attrs.evolve(relay_loan, annual_rate=0.065)  # type: ignore[arg-type]


def test_negative_fees_are_refused(relay_loan: RelayLoan) -> None:
    with pytest.raises(InvalidInputError, match=r"RelayLoan\.fees: -1\.00 is negative"):
        attrs.evolve(relay_loan, fees=Decimal(-1))


def test_a_principal_above_the_request_is_representable(relay_loan: RelayLoan) -> None:
    # Whether it exceeds what may be pre-financed is a rule question (RELAY.4).
    assert attrs.evolve(relay_loan, principal=Decimal(10**9)).principal == Decimal("1000000000.00")


@given(cents=st.integers(min_value=-(10**15), max_value=0))
def test_no_loan_of_a_non_positive_principal_is_ever_built(cents: int) -> None:
    with pytest.raises(InvalidInputError, match="not a positive amount"):
        RelayLoan(
            request_id="r",
            disbursed_on=date(2009, 5, 4),
            principal=Decimal(cents).scaleb(-2),
            annual_rate=Decimal("0.05"),
        )
