"""
Array helpers of the scenarios: exact amounts in cents, parameters by period, and arguments.

Amounts are whole cents held as 64-bit integers, or as Python integers in an
object array when they are too large for 64 bits: never floats. A share of
an amount is rounded once, half up, as :func:`poles_policy.money.rate_of`
rounds it.

The scenario functions are called from notebooks, where a count comes out of
``len`` of an array as a NumPy integer and a flag out of a DataFrame as a
NumPy bool: :func:`whole_number`, :func:`yes_or_no` and :func:`probability`
take those as Python's own, and refuse anything else by name.
"""

from __future__ import annotations

import operator
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Final, TypeAlias, TypeVar

import numpy as np
import numpy.typing as npt

from poles_policy._arguments import given, wrong_type
from poles_policy.exceptions import InvalidInputError, WrongTypeError
from poles_policy.money import Eur, rate_of

if TYPE_CHECKING:
    from poles_policy.parameters import ParameterSet

__all__ = [
    "CentsArray",
    "Flags",
    "cents",
    "cents_array",
    "from_cents",
    "periods",
    "probability",
    "read_only",
    "share_of",
    "whole_number",
    "yes_or_no",
]

CentsArray: TypeAlias = "npt.NDArray[np.int64] | npt.NDArray[np.object_]"
"""Amounts in whole cents: 64-bit integers, or Python integers (an object array) beyond 2**62."""
Flags: TypeAlias = "npt.NDArray[np.bool_]"
"""One yes-or-no fact per case (a boolean array)."""

# Whole cents beyond this bound are kept as Python integers (object arrays), so that a
# product by a share's numerator cannot overflow 64 bits unnoticed.
_INT64_CENTS: Final = 2**62
_INT64_MAX: Final = 2**63 - 1
_ONE: Final = Decimal(1)


def whole_number(value: object, what: str, *, at_least: int, at_most: int | None = None) -> int:
    """
    Read *value* as a whole number from *at_least* to *at_most*: a Python or a NumPy integer.

    A notebook's counts and seeds are often NumPy integers (``np.int64``,
    from ``len`` of an array or an earlier draw); they are as good as a
    Python ``int``. Booleans, floats and strings are not.

    Raises:
        WrongTypeError: Naming *what*, for anything but an integer (a
            :class:`TypeError` too).
        InvalidInputError: Naming *what*, for a smaller number or a larger
            one.

    >>> whole_number(np.int64(3), "seed", at_least=0)
    3
    >>> whole_number(10**30, "draws", at_least=1, at_most=1_000_000)
    Traceback (most recent call last):
    ...
    poles_policy.exceptions.InvalidInputError: draws must be at most 1000000, not
    1000000000000000000000000000000
    """
    number = None
    if not isinstance(value, bool | np.bool_):
        try:
            number = operator.index(value)  # type: ignore[arg-type] # anything: refused below
        except TypeError:
            number = None
    if number is None:
        msg = f"{what} must be a whole number of at least {at_least}, not {given(value)}"
        raise WrongTypeError(msg)
    if number < at_least:
        msg = f"{what} must be a whole number of at least {at_least}, not {value!r}"
        raise InvalidInputError(msg)
    if at_most is not None and number > at_most:
        msg = f"{what} must be at most {at_most}, not {number}"
        raise InvalidInputError(msg)
    return number


def yes_or_no(value: object, function: str, argument: str) -> bool:
    """
    Read *value*, argument *argument* of *function*, as a Python bool.

    A NumPy bool (``np.True_``, or a 0-dimensional boolean array, as a
    DataFrame's cell or ``array.any()`` gives) is as good as ``True`` or
    ``False``, as the domain model reads it; an integer, a string or
    ``pd.NA`` is not.

    Raises:
        WrongTypeError: Naming *function* and *argument*, for anything else.

    >>> yes_or_no(np.True_, "screen", "sme")
    True
    >>> yes_or_no(1, "screen", "sme")
    Traceback (most recent call last):
    ...
    poles_policy.exceptions.WrongTypeError: screen: sme must be True or False, not int 1
    """
    if isinstance(value, bool):
        return value
    if isinstance(value, np.bool_) or (
        isinstance(value, np.ndarray) and value.dtype == np.bool_ and value.ndim == 0
    ):
        return bool(value)
    raise wrong_type(function, argument, "True or False", value)


def probability(value: object, what: str) -> float:
    """
    Read *value* as a probability from 0 to 1, for comparing with uniform draws.

    An int, a float (a NumPy float too), a Decimal or a Fraction; an exact
    one is checked exactly, then read as its nearest float, the precision
    of NumPy's draws.

    Raises:
        WrongTypeError: Naming *what*, for a bool or another type (a string,
            ``None``): an :class:`~poles_policy.exceptions.InvalidInputError`
            and a ``TypeError``.
        InvalidInputError: Naming *what*, for NaN or a value outside 0 to 1.

    >>> probability(Decimal("0.25"), "oseo_asked")
    0.25
    >>> probability(Decimal("1.5"), "oseo_asked")
    Traceback (most recent call last):
    ...
    poles_policy.exceptions.InvalidInputError: oseo_asked must be a probability from 0 to 1, not
    Decimal('1.5')
    """
    exact: Fraction | float | None = None
    if isinstance(value, bool | np.bool_) or not isinstance(
        value, Decimal | int | np.integer | Fraction | float | np.floating
    ):
        msg = (
            f"{what} must be a probability from 0 to 1 (an int, a float, a Decimal or a "
            f"Fraction), not {type(value).__name__} {value!r}"
        )
        raise WrongTypeError(msg)
    if isinstance(value, Decimal):
        exact = Fraction(value) if value.is_finite() else None
    elif isinstance(value, int | np.integer):
        exact = Fraction(int(value))
    elif isinstance(value, Fraction):
        exact = value
    elif isinstance(value, float | np.floating):
        exact = float(value)  # NaN fails the range below
    if exact is None or not 0 <= exact <= 1:
        msg = f"{what} must be a probability from 0 to 1, not {value!r}"
        raise InvalidInputError(msg)
    return float(exact)


def cents(amount: Decimal) -> int:
    """
    Return *amount*, a whole number of cents in euros, as an integer number of cents.

    >>> cents(Decimal("1234.50"))
    123450

    Raises:
        InvalidInputError: If *amount* has a fraction of a cent.
    """
    numerator, denominator = amount.as_integer_ratio()
    whole, rest = divmod(numerator * 100, denominator)
    if rest:
        msg = f"{amount} EUR is not a whole number of cents"
        raise InvalidInputError(msg)
    return whole


def from_cents(cents: int) -> Eur:
    """
    Return a whole number of *cents* as an exact euro amount.

    >>> from_cents(1234567)
    Decimal('12345.67')

    Raises:
        WrongTypeError: If *cents* is not an integer (a float, a bool, a string); an
            :class:`~poles_policy.exceptions.InvalidInputError` and a ``TypeError``.
    """
    given: object = cents
    if isinstance(given, bool) or not isinstance(given, (int, np.integer)):
        msg = f"cents must be a whole number of cents, not {cents!r}"
        raise WrongTypeError(msg)
    return Eur(Decimal(f"{int(given)}E-2"))


_A = TypeVar("_A", bound="npt.NDArray[Any]")


def read_only(array: _A) -> _A:
    """Make *array* read-only, and return it."""
    array.flags.writeable = False
    return array


def cents_array(values: list[int]) -> CentsArray:
    """Hold *values*, in cents, in 64 bits when they all fit with room to spare."""
    if all(-_INT64_CENTS < v < _INT64_CENTS for v in values):
        return np.array(values, dtype=np.int64)
    return np.array(values, dtype=object)


def share_of(
    amounts: CentsArray,
    shares: list[Decimal],
    period: npt.NDArray[np.intp],
    *,
    down: bool = False,
) -> CentsArray:
    """
    Return ``shares[period[i]]`` of ``amounts[i]`` for every row, to the cent.

    Rounded half up, the same figure as :func:`poles_policy.money.rate_of`
    of each amount and share; with *down*, rounded down, the largest whole
    cent not above the exact share, as a ceiling is
    (:func:`poles_policy.rules.relay.prefinanceable`).
    """
    if all(share == _ONE for share in shares):
        return amounts
    ratios = [share.as_integer_ratio() for share in shares]
    biggest = int(np.abs(amounts).max(initial=0))
    top = max(abs(n) for n, _ in ratios)
    bottom = max(d for _, d in ratios)
    if amounts.dtype == np.int64 and 2 * biggest * top + bottom <= _INT64_MAX:
        # Exact in 64 bits: half away from zero on the magnitude, or the floor.
        num = np.array([n for n, _ in ratios], dtype=np.int64)[period]
        den = np.array([d for _, d in ratios], dtype=np.int64)[period]
        values = amounts.astype(np.int64)
        product = values * num
        if down:
            floor: npt.NDArray[np.int64] = product // den
            return floor
        magnitude = (2 * np.abs(product) + den) // (2 * den)
        result: npt.NDArray[np.int64] = np.where(product < 0, -magnitude, magnitude)
        return result
    # Beyond 64 bits, exact Python integers (the floor) or the scalar rule's own rounding; the
    # results back in 64 bits when they fit (a share of 28 digits of a small amount).
    if down:
        return cents_array(
            [int(a) * ratios[i][0] // ratios[i][1] for a, i in zip(amounts, period, strict=True)]
        )
    return cents_array(
        [
            cents(rate_of(Decimal(f"{int(a)}E-2"), shares[i]))
            for a, i in zip(amounts, period, strict=True)
        ]
    )


def periods(
    requested_on: npt.NDArray[np.datetime64], params: ParameterSet, names: tuple[str, ...]
) -> tuple[list[tuple[object, ...]], npt.NDArray[np.intp]]:
    """
    Read parameters *names* at each row's date, once per distinct date.

    Returns:
        The distinct tuples of values in force (one per period), and for
        each row the index of its period.
    """
    days, date_of_row = np.unique(requested_on, return_inverse=True)
    # Keyed by the values' spellings, not their equality: Decimal("0.5") and Decimal("0.50")
    # are equal, yet each case must show the value in force on its own date.
    found: dict[str, int] = {}
    terms: list[tuple[object, ...]] = []
    period_of_date = np.empty(len(days), dtype=np.intp)
    for i, day in enumerate(days.astype(object)):
        values = params.values_at(names, day)
        key = repr(values)
        if key not in found:
            found[key] = len(terms)
            terms.append(values)
        period_of_date[i] = found[key]
    return terms, period_of_date[date_of_row.reshape(-1)]
