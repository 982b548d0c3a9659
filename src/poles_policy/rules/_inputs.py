"""
Checks of the inputs several rules share.

A rule's arguments are checked where the rule starts, so that a caller's
slip -- a date written as a string, a dict where a domain object is
expected, the arguments in the wrong order -- is a
:class:`~poles_policy.exceptions.WrongTypeError` naming the rule and the
argument, never an ``AttributeError`` from deep inside. The checks are one
type test each: the rules run them on every call.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, TypeVar

from poles_policy._arguments import expect_day, given, listed, refuse, with_article
from poles_policy.exceptions import InvalidInputError, WrongTypeError
from poles_policy.model.poles import Pole
from poles_policy.model.relay import RelayLoan, RelayRequest, check_principal
from poles_policy.parameters import ParameterSet

if TYPE_CHECKING:
    from collections.abc import Iterable

_T = TypeVar("_T")

__all__ = [
    "expect",
    "expect_date",
    "expect_items",
    "expect_loan",
    "expect_params",
    "poles_by_id",
]


def expect(
    value: object, kind: type | tuple[type, ...], name: str, rule: str, *, what: str = ""
) -> None:
    """
    Check that argument *name* of *rule* is an instance of *kind*.

    *what* names the expected kind in the message when the class names would not
    (a union of many classes).

    >>> expect({}, Pole, "pole", "pole_standing")
    Traceback (most recent call last):
    ...
    poles_policy.exceptions.WrongTypeError: pole_standing: pole must be a Pole, not dict {}

    Raises:
        WrongTypeError: If it is not.
    """
    if type(value) is kind or isinstance(value, kind):
        return
    wanted = what or (
        kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
    )
    refuse(rule, name, with_article(wanted), value)


def expect_date(value: object, name: str, rule: str) -> None:
    """
    Check that argument *name* of *rule* is a :class:`datetime.date`, and not a ``datetime``.

    A ``datetime`` is refused: it does not compare with a date, and a rule's
    day must not depend on a time of day.

    >>> expect_date("2009-03-16", "on", "sme_status")
    Traceback (most recent call last):
    ...
    poles_policy.exceptions.WrongTypeError: sme_status: on must be a datetime.date, not str
    '2009-03-16' (read it with datetime.date.fromisoformat)

    Raises:
        WrongTypeError: If it is not a date.
    """
    expect_day(value, rule, name)


def expect_items(values: object, kind: type[_T], name: str, rule: str) -> list[_T]:
    """
    Return the items of argument *name* of *rule*, a list of *kind* objects, as a list.

    >>> expect_items("axelera", Pole, "poles", "coordination_groups")
    Traceback (most recent call last):
    ...
    poles_policy.exceptions.WrongTypeError: coordination_groups: poles must be a list of Pole,
    not str 'axelera'

    Raises:
        WrongTypeError: If *values* is a string, not iterable, or holds an
            item that is not a *kind* (named by its position).
    """
    return list(listed(values, kind, rule, name))


def expect_params(value: object, rule: str) -> None:
    """
    Check that the *params* argument of *rule* is a parameter set.

    Raises:
        WrongTypeError: If it is not (``default_parameters()`` gives one).
    """
    if type(value) is ParameterSet or isinstance(value, ParameterSet):
        return
    refuse(rule, "params", "a ParameterSet (default_parameters() gives one)", value)


def expect_loan(loan: object, request: RelayRequest, rule: str) -> None:
    """
    Check that argument *loan* of *rule* is a loan answering *request*.

    It answers the request's id, lends at most the amount requested (the
    eligibility decided, RELAY.4, is the request's) and is disbursed on or
    after the request's date. *request* is already checked.

    >>> from datetime import date
    >>> from poles_policy.data.demo import demo_cases
    >>> request = demo_cases()[20].request  # 280 000 EUR asked on 2009-03-16
    >>> loan = RelayLoan(
    ...     request_id=request.id,
    ...     disbursed_on=date(2009, 3, 2),
    ...     principal="280000",
    ...     annual_rate="0.05",
    ... )
    >>> expect_loan(loan, request, "time_saved")
    Traceback (most recent call last):
    ...
    poles_policy.exceptions.InvalidInputError: time_saved: loan.disbursed_on: 2009-03-02 is
    before the request of 2009-03-16

    Raises:
        WrongTypeError: If *loan* is not a :class:`~poles_policy.model.relay.RelayLoan`.
        InvalidInputError: ``rule: loan: answers request ...``, or naming
            the loan's ``principal`` or ``disbursed_on``.
    """
    if not isinstance(loan, RelayLoan):
        refuse(rule, "loan", "a RelayLoan", loan)
    if loan.request_id != request.id:
        msg = f"{rule}: loan: answers request {loan.request_id!r}, not {request.id!r}"
        raise InvalidInputError(msg)
    try:
        check_principal(loan, request)
    except InvalidInputError as exc:
        msg = f"{rule}: {exc}"  # the model's words: "loan.principal: ... EUR is above ..."
        raise InvalidInputError(msg) from None
    if loan.disbursed_on < request.requested_on:
        msg = (
            f"{rule}: loan.disbursed_on: {loan.disbursed_on.isoformat()} is before the request "
            f"of {request.requested_on.isoformat()}"
        )
        raise InvalidInputError(msg)


def poles_by_id(poles: Iterable[object]) -> dict[str, Pole]:
    """
    Index *poles* by id, in the order given.

    Read as objects of any type: a caller's slip is an input error, not a crash.

    Raises:
        WrongTypeError: If *poles* is a single string or holds something that
            is not a pôle.
        InvalidInputError: If it holds two pôles with one id.
    """
    found: dict[str, Pole] = {}
    if isinstance(poles, str):
        msg = f"poles: {poles!r} is a single string, not a list of pôles"
        raise WrongTypeError(msg)
    if isinstance(poles, Mapping):
        # Iterating a mapping gives its keys: the pôles would be read as their ids.
        msg = "poles: a mapping was given, not a list of pôles; pass its values (the pôles)"
        raise WrongTypeError(msg)
    try:
        items = iter(poles)
    except TypeError:
        msg = f"poles: {given(poles)} is not a list of pôles"
        raise WrongTypeError(msg) from None
    for pole in items:
        if not isinstance(pole, Pole):
            msg = f"poles: {pole!r} is not a Pole"
            raise WrongTypeError(msg)
        if pole.id in found:
            msg = f"poles: pôle {pole.id!r} is given twice"
            raise InvalidInputError(msg)
        found[pole.id] = pole
    return found
