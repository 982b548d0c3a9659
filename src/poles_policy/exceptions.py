"""
The exceptions poles_policy raises.

Every exception is a :class:`PolesPolicyError` *and* the nearest builtin
exception, so callers can catch either broadly (``except ValueError``) or
precisely (``except InvalidInputError``).

Raising is for invalid input and misuse only: an ineligible case is a
normal result (a :class:`~poles_policy.explain.Decision`), never an exception.
"""

from __future__ import annotations

__all__ = [
    "InvalidInputError",
    "ParameterError",
    "PolesPolicyError",
    "UnknownClauseError",
    "UnknownParameterError",
    "WrongTypeError",
]


class PolesPolicyError(Exception):
    """Base class of every error raised by poles_policy."""


class InvalidInputError(PolesPolicyError, ValueError):
    """
    A value given to the library cannot be what it claims to be.

    Examples: a float used as money, an amount with more than two decimals,
    an end date before its start, a region code that did not exist on the
    date it is used for. The message names the field and the value.
    """


class WrongTypeError(InvalidInputError, TypeError):
    """
    A function was given an argument of the wrong type.

    Examples: a date written as the string ``"2009-03-16"`` where a
    :class:`datetime.date` is expected, a ``datetime`` where a plain date is
    expected (they do not compare), a dict where a domain object is expected.
    It is an :class:`InvalidInputError`, so a caller that already handles bad
    input handles it too, and a :class:`TypeError`, as Python's own functions
    raise for a wrong type. The message names the function, the argument and
    what was given.
    """


class UnknownClauseError(PolesPolicyError, KeyError):
    """A clause id that is not in the policy text (``SOURCE.md``) was cited."""

    def __str__(self) -> str:
        # KeyError quotes its argument; a sentence reads better unquoted.
        return str(self.args[0]) if self.args else ""


class ParameterError(PolesPolicyError, ValueError):
    """
    A parameter file or a parameter override is invalid.

    The message names the file (when there is one), the parameter and the
    offending value.
    """


class UnknownParameterError(PolesPolicyError, KeyError):
    """A parameter name that the parameter set does not define was looked up."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""
