"""
The checks and messages of wrong arguments, shared by every layer of the library.

A caller's slip -- a date written as a string, ``None`` for a list, a dict
where a domain object is expected -- gets a
:class:`~poles_policy.exceptions.WrongTypeError` worded the same way
wherever it happens::

    <function>: <argument> must be <what is expected>, not <type> <repr>

This module sits beside :mod:`poles_policy.exceptions`, below every other
one, so that the vocabulary modules (``dates``, ``money``, ``explain``),
which may not import one another, share it too.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import NoReturn, TypeVar

from poles_policy.exceptions import WrongTypeError

__all__ = [
    "expect_day",
    "expect_flag",
    "given",
    "listed",
    "not_a_day",
    "refuse",
    "with_article",
    "wrong_type",
]

_T = TypeVar("_T")
_SHOWN = 60


def given(value: object) -> str:
    """
    Show *value* in a message: its type's name and its repr, cut to 60 characters.

    >>> given("2009-03-16"), given(None)
    ("str '2009-03-16'", 'NoneType None')
    """
    shown = repr(value)
    if len(shown) > _SHOWN:
        shown = shown[: _SHOWN - 3] + "..."
    return f"{type(value).__name__} {shown}"


def wrong_type(function: str, argument: str, expected: str, value: object) -> WrongTypeError:
    """
    Return the error for argument *argument* of *function*, which is not *expected*.

    >>> wrong_type("check_principal", "loan", "a RelayLoan", None)
    WrongTypeError('check_principal: loan must be a RelayLoan, not NoneType None')
    """
    return WrongTypeError(f"{function}: {argument} must be {expected}, not {given(value)}")


def refuse(function: str, argument: str, expected: str, value: object) -> NoReturn:
    """
    Raise the error for argument *argument* of *function*, which is not *expected*.

    Raises:
        WrongTypeError: Always.
    """
    raise wrong_type(function, argument, expected, value)


def not_a_day(value: object) -> str | None:
    """
    Tell why *value* is not a day, with a hint to mend it, or ``None`` when it is one.

    The implementation of :func:`poles_policy.dates.not_a_day` (see there).
    """
    if type(value) is date:
        return None
    if isinstance(value, datetime):
        return " (take its .date())"
    if isinstance(value, date):
        return None  # a subclass of date that is not a datetime behaves as a date
    if isinstance(value, str):
        return " (read it with datetime.date.fromisoformat)"
    return ""


def expect_day(value: object, function: str, argument: str) -> None:
    """
    Refuse an argument *value* of *function* that is not a :class:`datetime.date`.

    A ``datetime`` is refused: it does not compare with a date. Callers on a
    hot path test ``type(value) is not date`` first, so that a plain date
    costs no call.

    Raises:
        WrongTypeError: If *value* is not a date, naming *function* and *argument*.

    >>> expect_day("2009-03-16", "region", "on")
    Traceback (most recent call last):
    ...
    poles_policy.exceptions.WrongTypeError: region: on must be a datetime.date, not str
    '2009-03-16' (read it with datetime.date.fromisoformat)
    """
    hint = not_a_day(value)
    if hint is not None:
        msg = f"{function}: {argument} must be a datetime.date, not {given(value)}{hint}"
        raise WrongTypeError(msg)


def expect_flag(value: object, function: str, argument: str) -> None:
    """
    Refuse an argument *value* of *function* that is not ``True`` or ``False``.

    ``"no"`` or ``0`` would read as true, or as false, without a word.

    >>> expect_flag("no", "aid_rate", "full_cost")
    Traceback (most recent call last):
    ...
    poles_policy.exceptions.WrongTypeError: aid_rate: full_cost must be True or False, not str 'no'
    """
    if value is not True and value is not False:
        raise wrong_type(function, argument, "True or False", value)


def with_article(noun: str) -> str:
    """
    Put "a" or "an" before *noun*, as its first letter asks.

    >>> with_article("Outcome"), with_article("Pole")
    ('an Outcome', 'a Pole')
    """
    return f"{'an' if noun[0].lower() in 'aeiou' else 'a'} {noun}"


def listed(values: object, kind: type[_T], function: str, argument: str) -> tuple[_T, ...]:
    """
    Return *values*, a list of *kind* objects, as a tuple; refuse anything else.

    A single string (or a single *kind* object) is refused rather than
    iterated, and the first item of another type is named by its position.

    Raises:
        WrongTypeError: ``<function>: <argument> must be a list of <kind>, not ...`` or
            ``<function>: <argument>[i] must be a <kind>, not ...``.

    >>> listed(["RELAY.2"], str, "validate_clause_ids", "ids")
    ('RELAY.2',)
    >>> listed("RELAY.2", str, "validate_clause_ids", "ids")
    Traceback (most recent call last):
    ...
    poles_policy.exceptions.WrongTypeError: validate_clause_ids: ids must be a list of str, not
    str 'RELAY.2'
    """
    if isinstance(values, str | bytes | kind) or not hasattr(values, "__iter__"):
        refuse(function, argument, f"a list of {kind.__name__}", values)
    out = tuple(values)
    for index, item in enumerate(out):
        if not isinstance(item, kind):
            refuse(function, f"{argument}[{index}]", with_article(kind.__name__), item)
    return out
