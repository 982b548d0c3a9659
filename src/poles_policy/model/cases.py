"""
A relay case: one request for relay financing and, once granted, its loan.

A relay desk handles a *dossier* (case): the enterprise's request, with its
applicant and project, and later the loan the bank disbursed. A
:class:`RelayCase` keeps them together and makes sure they describe the same
thing: the case is identified by its request's id, the loan answers that
request, and the applicant, when it is among the project's partners, is the
same actor there (not a stale or edited copy of it).

Whether the request is eligible and what the loan saves and costs are for the
rules (:mod:`poles_policy.rules.relay`).
"""

from __future__ import annotations

from typing import Any

import attrs

from poles_policy.exceptions import InvalidInputError, WrongTypeError
from poles_policy.model._validators import an_id
from poles_policy.model.relay import RelayLoan, RelayRequest, check_principal

__all__ = ["RelayCase"]


def _request_is_the_case(instance: RelayCase, _: attrs.Attribute[Any], value: RelayRequest) -> None:
    given: object = value  # typed callers pass a request; others may not
    if not isinstance(given, RelayRequest):
        msg = f"RelayCase.request: {given!r} is not of type RelayRequest"
        raise WrongTypeError(msg)
    if value.id != instance.case_id:
        msg = (
            f"RelayCase.request: the request id {value.id!r} differs from the case id "
            f"{instance.case_id!r}; a case is identified by its request's id"
        )
        raise InvalidInputError(msg)
    partner = value.project.partner(value.applicant.id)
    if partner is not None and partner.actor != value.applicant:
        msg = (
            f"RelayCase.request: partner {value.applicant.id!r} of project {value.project.id!r} "
            "differs from the applicant with the same id; the applicant must appear among the "
            "partners as the same actor"
        )
        raise InvalidInputError(msg)


def _loan_answers_the_request(
    instance: RelayCase, _: attrs.Attribute[Any], value: RelayLoan | None
) -> None:
    if value is None:
        return
    given: object = value
    if not isinstance(given, RelayLoan):
        msg = f"RelayCase.loan: {given!r} is not of type RelayLoan"
        raise WrongTypeError(msg)
    request = instance.request
    if value.request_id != request.id:
        msg = (
            f"RelayCase.loan: the loan answers request {value.request_id!r}, "
            f"not this case's request {request.id!r}"
        )
        raise InvalidInputError(msg)
    try:
        check_principal(value, request)
    except InvalidInputError as exc:
        # The case's own field: "RelayCase.loan.principal: ...", for the JSON boundary's path.
        msg = f"RelayCase.{exc}"
        raise InvalidInputError(msg) from None
    if value.disbursed_on < request.requested_on:
        msg = (
            f"RelayCase.loan.disbursed_on: disbursed on {value.disbursed_on.isoformat()}, before "
            f"the request of {request.requested_on.isoformat()}; a relay loan answers its request"
        )
        raise InvalidInputError(msg)


@attrs.frozen(kw_only=True)
class RelayCase:
    """
    A relay-financing case (*dossier de financement relais*): a request and its loan.

    Invariants: the request's id is the case id; the loan, when there is
    one, answers that request, lends at most the amount requested and is
    disbursed on or after the request's date; and
    if the applicant is among the project's partners, the partner's actor
    equals the applicant.

    Attributes:
        case_id: The case's stable identifier, also its request's id.
        request: The enterprise's request, with its applicant and project.
        loan: The loan once disbursed, or ``None`` before that (or when the
            request was not granted).

    >>> from datetime import date
    >>> from poles_policy.model.actors import Enterprise
    >>> from poles_policy.model.projects import CollaborativeProject
    >>> request = RelayRequest(
    ...     id="rel-001",
    ...     applicant=Enterprise(id="acme", name="ACME"),
    ...     project=CollaborativeProject(id="p1", name="NANO-X"),
    ...     requested_on=date(2009, 3, 16),
    ...     amount="200000",
    ... )
    >>> RelayCase(case_id="rel-001", request=request).loan is None
    True
    """

    case_id: str = attrs.field(validator=an_id)
    request: RelayRequest = attrs.field(validator=_request_is_the_case)
    loan: RelayLoan | None = attrs.field(default=None, validator=_loan_answers_the_request)
