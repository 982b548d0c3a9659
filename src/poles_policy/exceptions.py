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
    """
    Base class of every error raised by poles_policy.

    >>> from poles_policy import PolesPolicyError, eur
    >>> try:
    ...     eur(0.5)  # a float is never money
    ... except PolesPolicyError as error:
    ...     print(type(error).__name__)
    InvalidInputError
    """


class InvalidInputError(PolesPolicyError, ValueError):
    """
    A value given to the library cannot be what it claims to be.

    Examples: a float used as money, an amount with more than two decimals,
    an end date before its start, a region code that did not exist on the
    date it is used for. The message names the field and the value.

    >>> from poles_policy import InvalidInputError, eur
    >>> try:
    ...     eur("150000.005")
    ... except ValueError as error:
    ...     print(isinstance(error, InvalidInputError), error)
    True amount: '150000.005' has more than two decimals; euro amounts are exact to the cent
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

    >>> from poles_policy import InvalidInputError, default_parameters
    >>> try:
    ...     default_parameters().value("relay.pilot_regions", "2009-03-16")
    ... except TypeError as error:
    ...     print(isinstance(error, InvalidInputError), error)
    True relay.pilot_regions: the date read must be a datetime.date, not str '2009-03-16'
    """


class UnknownClauseError(PolesPolicyError, KeyError):
    """
    A clause id that is not in the policy text (``SOURCE.md``) was cited.

    >>> from poles_policy import UnknownClauseError
    >>> from poles_policy.explain import clause
    >>> try:
    ...     clause("RELAY.8")
    ... except KeyError as error:
    ...     print(isinstance(error, UnknownClauseError), error)
    True unknown clause id 'RELAY.8'; known ids: PHASE.1, PHASE.2, ..., RELAY.6, RELAY.7
    """

    def __str__(self) -> str:
        # KeyError quotes its argument; a sentence reads better unquoted.
        return str(self.args[0]) if self.args else ""


class ParameterError(PolesPolicyError, ValueError):
    """
    A parameter file or a parameter override is invalid.

    The message names the file (when there is one), the parameter and the
    offending value.

    >>> from poles_policy import ParameterError, default_parameters
    >>> try:
    ...     default_parameters().override("relay.oseo.guarantee_share", "1.5")
    ... except ValueError as error:
    ...     print(isinstance(error, ParameterError), error)
    True override of 'relay.oseo.guarantee_share': value '1.5' is above 1; a share is ...
    """


class UnknownParameterError(PolesPolicyError, KeyError):
    """
    A parameter name that the parameter set does not define was looked up.

    The message suggests the closest names:

    >>> from datetime import date
    >>> from poles_policy import UnknownParameterError, default_parameters
    >>> try:
    ...     default_parameters().value("relay.oseo.share", date(2009, 3, 16))
    ... except KeyError as error:
    ...     print(isinstance(error, UnknownParameterError), error)
    True unknown parameter 'relay.oseo.share' in parameter set 'default'; did you mean ...?
    """

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""
