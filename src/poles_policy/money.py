"""
Euro amounts: exact, to the cent, rounded half up.

An amount of money is an :data:`Eur`: a :class:`~decimal.Decimal` with
exactly two decimals. Every rounding in poles_policy goes through
:func:`round_cents`, which rounds halves away from zero (``ROUND_HALF_UP``),
as French and EU texts do; Python's default (half to even) would turn
0.125 into 0.12.

A float never becomes money: binary floats cannot hold 0.10 exactly, so
:func:`eur` refuses them, as it refuses NaN, infinities and values with
more than two decimals. Pass strings, integers or Decimals.

A rounded amount of ``0.00`` is a real zero (nothing to pay, nothing left to
pre-finance); it never stands for "unknown" or "not applicable", which the
rules express with ``None`` and check statuses.
"""

from __future__ import annotations

import numbers
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Context, Decimal, InvalidOperation, Rounded
from typing import TYPE_CHECKING, NewType

from poles_policy._arguments import refuse, wrong_type
from poles_policy._exact import EXACT, exact_decimals
from poles_policy.exceptions import InvalidInputError, WrongTypeError

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "CENT",
    "EXACT",
    "ZERO",
    "Eur",
    "Rate",
    "decimal_text",
    "eur",
    "exact_decimals",
    "pro_rata",
    "rate",
    "rate_of",
    "ratio",
    "round_cents",
    "total",
]

Eur = NewType("Eur", Decimal)
"""
A euro amount: a Decimal quantised to the cent.

Make one with :func:`eur` from an exact figure, or with :func:`round_cents`
from a computed one (OSEO's 50 % of a 150 000 EUR relay advance):

>>> eur("150000"), round_cents(Decimal("150000.00") * Decimal("0.50"))
(Decimal('150000.00'), Decimal('75000.00'))
"""

Rate = NewType("Rate", Decimal)
"""
A rate or share as an exact Decimal, e.g. ``Decimal("0.45")`` for 45 %.

>>> share = rate("0.50")
>>> share, rate_of(eur("150000"), share)
(Decimal('0.50'), Decimal('75000.00'))
"""

CENT = Decimal("0.01")
ZERO = Eur(Decimal("0.00"))

# Rounding reads this context, not the caller's thread context, so a program
# that changes its own decimal precision or rounding cannot change an amount.
_ROUNDING = Context(prec=28, rounding=ROUND_HALF_UP)
_QUANTIZE = _ROUNDING.quantize

# Sums of amounts trap any rounding: beyond 28 digits a sum can no longer be held to the cent.
_ADD = Context(prec=EXACT.prec, rounding=ROUND_HALF_EVEN, traps=[InvalidOperation, Rounded]).add
_MULTIPLY = EXACT.multiply
_DIVIDE = EXACT.divide


def round_cents(value: Decimal | int) -> Eur:
    """
    Round *value* to the cent, halves away from zero (``ROUND_HALF_UP``).

    This is the only rounding of money in poles_policy.

    Args:
        value: An exact amount, possibly with more than two decimals.

    Returns:
        The amount quantised to ``0.01``.

    Raises:
        InvalidInputError: If *value* is a float, NaN or infinite.

    >>> round_cents(Decimal("0.125"))
    Decimal('0.13')
    >>> round_cents(Decimal("-0.125"))
    Decimal('-0.13')
    >>> round_cents(Decimal("-0.004"))
    Decimal('0.00')
    """
    # Already-exact finite Decimals (the common case in the rules) skip the type checks.
    dec = (
        value if type(value) is Decimal and value.is_finite() else _to_decimal(value, what="amount")
    )
    try:
        cents = _QUANTIZE(dec, CENT)
    except InvalidOperation:
        msg = f"amount: {value!r} is too large to be held exactly to the cent"
        raise InvalidInputError(msg) from None
    return _unsigned_zero(cents)


def _unsigned_zero(cents: Decimal) -> Eur:
    # -0.00 (from "-0", or -0.004 rounded) is the amount 0.00: shown as "-0.00" it reads as a debt.
    return Eur(cents.copy_abs() if cents.is_zero() else cents)


def eur(value: Decimal | int | str, *, field: str = "amount") -> Eur:
    """
    Make an exact euro amount from *value*, refusing anything inexact.

    Args:
        value: A Decimal, an int (or another exact integer type, such as
            NumPy's ``int64``) or a decimal string such as ``"1250.50"``.
        field: The name of the field, used in error messages.

    Returns:
        The amount with exactly two decimals.

    Raises:
        InvalidInputError: If *value* is a float (NumPy's too) or a bool, is
            NaN or infinite, or has more than two decimals (it would be
            rounded silently otherwise).
        WrongTypeError: If *value* is not a number at all.

    >>> eur("2.5")
    Decimal('2.50')
    >>> eur(1000)
    Decimal('1000.00')
    """
    # Finite Decimals, the common case when amounts come from the JSON boundary, skip the
    # type checks.
    dec = value if type(value) is Decimal and value.is_finite() else _to_decimal(value, what=field)
    try:
        cents = _QUANTIZE(dec, CENT)
    except InvalidOperation:
        msg = f"{field}: {value!r} is too large to be held exactly to the cent"
        raise InvalidInputError(msg) from None
    if cents != dec:
        msg = f"{field}: {value!r} has more than two decimals; euro amounts are exact to the cent"
        raise InvalidInputError(msg)
    return _unsigned_zero(cents)


def total(amounts: Iterable[Decimal]) -> Eur:
    """
    Return the exact sum of *amounts* (``0.00`` for none), whatever the caller's decimal context.

    Raises:
        InvalidInputError: If the sum is too large to be held exactly to the
            cent (more than 28 significant digits); it is never rounded.
        WrongTypeError: If *amounts* is not a list of Decimal amounts (a
            float or a string among them, say).

    >>> total([Decimal("94500.00"), Decimal("157500.00"), Decimal("63000.00")])
    Decimal('315000.00')
    >>> total([])
    Decimal('0.00')
    """
    given: object = amounts  # a caller's slip may be anything
    if isinstance(given, str | bytes | bytearray):  # iterable, but of characters or integers
        raise wrong_type("total", "amounts", "a list of Decimal", given)
    result: Decimal = ZERO
    amount: object = None
    try:
        for amount in amounts:
            result = _ADD(result, amount)
    except Rounded:
        msg = f"amounts: their sum exceeds {result} and is too large to be held exactly to the cent"
        raise InvalidInputError(msg) from None
    except TypeError:
        if not hasattr(given, "__iter__"):
            raise wrong_type("total", "amounts", "a list of Decimal", given) from None
        raise wrong_type("total", "amounts", "Decimal", amount) from None
    return Eur(result)


def rate(value: Decimal | int | str, *, field: str = "rate") -> Rate:
    """
    Make an exact rate (a share, 0.45 for 45 %) from *value*.

    Args:
        value: A Decimal, an int or a decimal string.
        field: The name of the field, used in error messages.

    Raises:
        InvalidInputError: If *value* is a float, NaN or infinite.

    >>> rate("0.45")
    Decimal('0.45')
    """
    return Rate(_to_decimal(value, what=field))


def decimal_text(value: Decimal) -> str:
    """
    Write *value* as plain decimal text, digit for digit, never in exponent form.

    ``str`` writes a small or a large Decimal as ``1E-7`` or ``1E+3``, which
    JSON readers and the library's own patterns do not take for a decimal.

    >>> decimal_text(Decimal("0.0000001")), decimal_text(Decimal("1E+3"))
    ('0.0000001', '1000')
    >>> decimal_text(Decimal("10788.44"))
    '10788.44'

    Raises:
        WrongTypeError: If *value* is not a finite Decimal.
    """
    given: object = value  # a caller's slip may be anything
    if type(given) is not Decimal and not isinstance(given, Decimal):
        refuse("decimal_text", "value", "a Decimal", given)
    text = str(value)
    if not text[-1].isdigit():  # NaN, sNaN, Infinity: no decimal text
        msg = f"decimal_text: value must be a finite Decimal, not {text}"
        raise WrongTypeError(msg)
    # str is several times faster than format, and right for all but exponents.
    return format(value, "f") if "E" in text else text


def ratio(part: Decimal, whole: Decimal) -> Decimal | None:
    """
    Return *part* / *whole* as a share, or ``None`` when *whole* is zero.

    The quotient is exact when it terminates within 28 significant digits
    (``0.75``), and held to 28 digits otherwise (2/3), whatever the caller's
    decimal context. 0 / 0 is neither 0 % nor 100 %: reporting either would
    pass or fail a target on no evidence, hence ``None``.

    >>> ratio(Decimal("487500"), Decimal("650000"))
    Decimal('0.75')
    >>> ratio(Decimal("0.00"), Decimal("0.00")) is None
    True

    Raises:
        WrongTypeError: If *part* or *whole* is not a Decimal or an int.
    """
    try:
        if whole == 0:
            return None
        return _DIVIDE(part, whole).normalize(EXACT)
    except TypeError:
        for name, value in (("part", part), ("whole", whole)):
            given: object = value
            if isinstance(given, bool) or not isinstance(given, Decimal | int):
                raise wrong_type("ratio", name, "a Decimal", given) from None
        raise


def rate_of(amount: Decimal, share: Decimal) -> Eur:
    """
    Return *share* of *amount*, rounded once to the cent.

    >>> rate_of(Decimal("1000.00"), Decimal("0.45"))
    Decimal('450.00')
    >>> rate_of(Decimal("0.25"), Decimal("0.5"))
    Decimal('0.13')
    """
    return round_cents(
        _MULTIPLY(_to_decimal(amount, what="amount"), _to_decimal(share, what="share"))
    )


def pro_rata(amount: Decimal, numerator: Decimal | int, denominator: Decimal | int) -> Eur:
    """
    Return ``amount * numerator / denominator``, rounded once to the cent.

    The division is exact to 28 significant digits before the single rounding.

    Raises:
        InvalidInputError: If *denominator* is zero.

    >>> pro_rata(Decimal("100.00"), 1, 3)
    Decimal('33.33')
    """
    den = _to_decimal(denominator, what="denominator")
    if den == 0:
        msg = "denominator: a pro rata over zero is undefined"
        raise InvalidInputError(msg)
    num = _to_decimal(numerator, what="numerator")
    return round_cents(_DIVIDE(_MULTIPLY(_to_decimal(amount, what="amount"), num), den))


def _to_decimal(value: object, *, what: str) -> Decimal:
    # The exact types first: the checks of other number types (ABCs) are slower.
    if isinstance(value, Decimal):
        dec = value
    elif isinstance(value, (bool, float)) or (
        # Another binary float type, such as NumPy's float32: as inexact as a float.
        not isinstance(value, (int, str))
        and isinstance(value, numbers.Real)
        and not isinstance(value, numbers.Rational)
    ):
        kind = type(value).__name__
        msg = (
            f"{what}: {value!r} is a {kind}; money and rates must be exact "
            "(pass a string, an int or a Decimal)"
        )
        raise InvalidInputError(msg)
    elif isinstance(value, int):
        dec = Decimal(value)
    elif isinstance(value, str):
        try:
            dec = Decimal(value.strip())
        except InvalidOperation:
            msg = f"{what}: {value!r} is not a decimal number"
            raise InvalidInputError(msg) from None
    elif isinstance(value, numbers.Integral):
        # Another exact integer type, such as NumPy's int64 from a DataFrame column.
        dec = Decimal(int(value))
    else:
        msg = f"{what}: {value!r} of type {type(value).__name__} is not a number"
        raise WrongTypeError(msg)
    if not dec.is_finite():
        msg = f"{what}: {value!r} is not a finite number"
        raise InvalidInputError(msg)
    return dec
