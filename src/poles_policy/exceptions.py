"""
The exceptions poles_policy raises.

Every exception is a :class:`PolesPolicyError` *and* the nearest builtin
exception, so callers can catch either broadly (``except ValueError``) or
precisely (``except InvalidInputError``).

Raising is for invalid input and misuse only: an ineligible case is a
normal result (a :class:`~poles_policy.explain.Decision`), never an exception.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "DocumentError",
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


class DocumentError(InvalidInputError):
    """
    A JSON document cannot be read: each problem names the field at fault by its path.

    Raised by every reader of the JSON boundary (``parse_case``,
    ``validate_json`` and the ``to_domain()`` of each model) for a document
    that is malformed, has a field of the wrong form, or describes something
    the domain refuses. :attr:`problems` lists them in the document's order as
    ``(path, reason)`` pairs, so that a form can point at each field; the
    message joins them as ``path: reason; ...``. A path is dotted, list items
    counted from 0 (``project.partners.1.actor.kind``); ``""`` names the
    document as a whole (malformed JSON, a document in UTF-16).

    It is an :class:`InvalidInputError`, so callers that catch that need no
    change.

    Attributes:
        problems: The ``(path, reason)`` of each problem found.

    >>> from poles_policy.boundary.case import parse_case
    >>> try:
    ...     parse_case('{"case_id": "x", "applicant": {"kind": "bank", "id": "b"}}')
    ... except DocumentError as error:
    ...     print([path for path, reason in error.problems])
    ['applicant.name', 'project', 'request']
    """

    problems: tuple[tuple[str, str], ...]

    def __init__(self, problems: Iterable[tuple[str, str]]) -> None:
        self.problems = tuple(problems)
        message = "; ".join(f"{path}: {why}" if path else why for path, why in self.problems)
        super().__init__(message)

    def __reduce__(self) -> tuple[type[DocumentError], tuple[tuple[tuple[str, str], ...]]]:
        # Rebuilt from its problems (the default would pass the message as the problems).
        return (type(self), (self.problems,))


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
