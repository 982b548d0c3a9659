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

from typing import TYPE_CHECKING, TypeVar

from poles_policy.dates import not_a_day
from poles_policy.exceptions import InvalidInputError, WrongTypeError
from poles_policy.model.poles import Pole
from poles_policy.parameters import ParameterSet

if TYPE_CHECKING:
    from collections.abc import Iterable

_T = TypeVar("_T")

__all__ = ["expect", "expect_date", "expect_items", "expect_params", "poles_by_id"]


def _given(value: object) -> str:
    shown = repr(value)
    if len(shown) > 60:
        shown = shown[:57] + "..."
    return f"{type(value).__name__} {shown}"


def _a(noun: str) -> str:
    return f"{'an' if noun[0].lower() in 'aeiou' else 'a'} {noun}"


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
    msg = f"{rule}: {name} must be {_a(wanted)}, not {_given(value)}"
    raise WrongTypeError(msg)


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
    hint = not_a_day(value)
    if hint is None:
        return
    msg = f"{rule}: {name} must be a datetime.date, not {_given(value)}{hint}"
    raise WrongTypeError(msg)


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
    if isinstance(values, str | bytes) or not hasattr(values, "__iter__"):
        msg = f"{rule}: {name} must be a list of {kind.__name__}, not {_given(values)}"
        raise WrongTypeError(msg)
    items = list(values)
    for index, item in enumerate(items):
        if not isinstance(item, kind):
            msg = f"{rule}: {name}[{index}] must be {_a(kind.__name__)}, not {_given(item)}"
            raise WrongTypeError(msg)
    return items


def expect_params(value: object, rule: str) -> None:
    """
    Check that the *params* argument of *rule* is a parameter set.

    Raises:
        WrongTypeError: If it is not (``default_parameters()`` gives one).
    """
    if type(value) is ParameterSet or isinstance(value, ParameterSet):
        return
    msg = (
        f"{rule}: params must be a ParameterSet (default_parameters() gives one), "
        f"not {_given(value)}"
    )
    raise WrongTypeError(msg)


def poles_by_id(poles: Iterable[object]) -> dict[str, Pole]:
    """
    Index *poles* by id, in the order given.

    Read as objects of any type: a caller's slip is an input error, not a crash.

    Raises:
        WrongTypeError: If *poles* is a single string or holds something that
            is not a pôle.
        InvalidInputError: If it holds two pôles with one id.
    """
    given: dict[str, Pole] = {}
    if isinstance(poles, str):
        msg = f"poles: {poles!r} is a single string, not a list of pôles"
        raise WrongTypeError(msg)
    try:
        listed = iter(poles)
    except TypeError:
        msg = f"poles: {_given(poles)} is not a list of pôles"
        raise WrongTypeError(msg) from None
    for pole in listed:
        if not isinstance(pole, Pole):
            msg = f"poles: {pole!r} is not a Pole"
            raise WrongTypeError(msg)
        if pole.id in given:
            msg = f"poles: pôle {pole.id!r} is given twice"
            raise InvalidInputError(msg)
        given[pole.id] = pole
    return given
