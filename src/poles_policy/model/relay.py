"""
Relay financing: the enterprise's request and the bank's loan (RELAY.1-RELAY.6).

The *financement relais de l'avance sur subventions à recevoir* (relay
financing of the subsidy still to be received) is a short-term bank loan
that an enterprise partner of a labelled, State-aided project may ask for
from the official selection letter on, and repays from the subsidy
payments as they arrive.

These objects only describe a request and a loan. Whether the request is
eligible, how much may be pre-financed and what the loan saves and costs
are for the rules.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, get_args

import attrs

from poles_policy._arguments import wrong_type
from poles_policy.exceptions import InvalidInputError
from poles_policy.model._validators import (
    a_date,
    an_id,
    boolean,
    is_a,
    non_negative,
    optional_boolean,
    optional_date,
    optional_is_a,
    share,
    to_bool,
    to_eur,
    to_optional_bool,
    to_optional_eur,
    to_share,
)
from poles_policy.model.actors import Actor, Bank
from poles_policy.model.projects import CollaborativeProject
from poles_policy.money import Eur, Rate

if TYPE_CHECKING:
    from decimal import Decimal

__all__ = ["RelayLoan", "RelayRequest", "check_principal"]


def _positive(instance: object, attribute: attrs.Attribute[Any], value: Decimal) -> None:
    if value <= 0:
        msg = f"{type(instance).__name__}.{attribute.name}: {value} is not a positive amount"
        raise InvalidInputError(msg)


def _repaid_in_one_go(instance: RelayLoan, _: attrs.Attribute[Any], value: date | None) -> None:
    if value is None:
        return
    if instance.repaid_from_subsidy:
        msg = (
            f"RelayLoan.repaid_on: {value.isoformat()} is given for a loan repaid from the "
            "subsidy payments; a repayment date is for a loan repaid in one go "
            "(repaid_from_subsidy false)"
        )
        raise InvalidInputError(msg)
    if value <= instance.disbursed_on:
        msg = (
            f"RelayLoan.repaid_on: {value.isoformat()} is not after the disbursement on "
            f"{instance.disbursed_on.isoformat()}"
        )
        raise InvalidInputError(msg)


@attrs.frozen(kw_only=True)
class RelayRequest:
    """
    An enterprise's request for relay financing (RELAY.2-RELAY.5).

    Any actor may be the applicant and any project the project: that the
    applicant is an enterprise and a partner of a labelled, State-aided
    project is what the eligibility rule checks.

    Attributes:
        id: Stable identifier within a case.
        applicant: Who applies.
        project: The collaborative project whose subsidy is pre-financed.
        requested_on: The date of the request: the rules read the policy
            parameters at this date.
        amount: The amount requested (positive).
        bank: The bank asked (*établissement bancaire*), or ``None`` if not
            known yet.
        oseo_counter_guarantee: Whether the bank asks OSEO for a
            counter-guarantee (*contre-garantie*, RELAY.5), or ``None`` if
            not known yet.
    """

    id: str = attrs.field(validator=an_id)
    applicant: Actor = attrs.field(validator=is_a(get_args(Actor), "actor"))
    project: CollaborativeProject = attrs.field(validator=is_a(CollaborativeProject))
    requested_on: date = attrs.field(validator=a_date)
    amount: Eur = attrs.field(converter=to_eur, validator=_positive)
    bank: Bank | None = attrs.field(default=None, validator=optional_is_a(Bank))
    oseo_counter_guarantee: bool | None = attrs.field(
        default=None, converter=to_optional_bool, validator=optional_boolean
    )


@attrs.frozen(kw_only=True)
class RelayLoan:
    """
    The relay loan a bank granted, once disbursed (RELAY.4, RELAY.6).

    Whether the principal stays within what may be pre-financed is a rule
    question, not an invariant: only positivity is enforced here, and that a
    repayment date, when given, belongs to a loan repaid in one go and falls
    after the disbursement.

    Attributes:
        request_id: The request it answers.
        disbursed_on: The date the funds reached the enterprise.
        principal: The amount lent (positive).
        annual_rate: The yearly interest rate as a share, e.g.
            ``Decimal("0.065")`` for 6.5 %; between 0 and 1, so that a rate
            written in percent (``6.5``) is caught.
        fees: Other fees charged (arrangement, file): ``0.00`` if none,
            ``None`` (the default) if not known yet.
        repaid_from_subsidy: True when the loan is repaid from the subsidy
            payments as they arrive (the scheme's design); false when it is
            repaid in one go, on *repaid_on*.
        repaid_on: The date the principal is repaid in full, when the loan
            is not repaid from the subsidy payments; ``None`` if not known
            yet. Always ``None`` for a loan repaid from the subsidy payments
            (their dates say when it is repaid): a date given with
            ``repaid_from_subsidy`` true is a contradiction and is refused.
            When given, it is after *disbursed_on*.
    """

    request_id: str = attrs.field(validator=an_id)
    disbursed_on: date = attrs.field(validator=a_date)
    principal: Eur = attrs.field(converter=to_eur, validator=_positive)
    annual_rate: Rate = attrs.field(converter=to_share, validator=share)
    fees: Eur | None = attrs.field(default=None, converter=to_optional_eur, validator=non_negative)
    repaid_from_subsidy: bool = attrs.field(default=True, converter=to_bool, validator=boolean)
    repaid_on: date | None = attrs.field(default=None, validator=[optional_date, _repaid_in_one_go])


def check_principal(loan: RelayLoan, request: RelayRequest) -> None:
    """
    Refuse a loan lending more than *request* asked for.

    The eligibility decided (RELAY.4) is the request's: a loan for more was
    never decided on. A :class:`~poles_policy.model.cases.RelayCase` applies
    this check; the relay rules apply it too, naming the rule called.

    Raises:
        WrongTypeError: If *loan* is not a :class:`RelayLoan` or *request* not
            a :class:`RelayRequest`.
        InvalidInputError: ``loan.principal: ... EUR is above the ... EUR requested``.
    """
    try:
        above = loan.principal > request.amount
    except (AttributeError, TypeError):
        _expect_loan_and_request(loan, request)
        raise  # pragma: no cover - a loan and a request always compare
    if above:
        msg = f"loan.principal: {loan.principal} EUR is above the {request.amount} EUR requested"
        raise InvalidInputError(msg)


def _expect_loan_and_request(loan: object, request: object) -> None:
    """Name the argument of :func:`check_principal` that is not what it must be."""
    if not isinstance(loan, RelayLoan):
        raise wrong_type("check_principal", "loan", "a RelayLoan", loan) from None
    if not isinstance(request, RelayRequest):
        raise wrong_type("check_principal", "request", "a RelayRequest", request) from None
