"""
Parameter units: the closed set, how a value is read, how it is written.

Every parameter has one unit, and the unit fixes the Python type of its
values:

================  ==========================  =================================
unit              Python type                 accepted when read
================  ==========================  =================================
``share``         :class:`~decimal.Decimal`   0 to 1 inclusive
``rate_per_year`` :class:`~decimal.Decimal`   0 to 1 inclusive (1 is 100 % a year)
``AWU``           :class:`~decimal.Decimal`   >= 0 (annual work units)
``EUR``           :class:`~decimal.Decimal`   >= 0, exact to the cent
``months``        :class:`int`                >= 0
``days``          :class:`int`                >= 0
``business_days`` :class:`int`                >= 0
``count``         :class:`int`                >= 0
``date``          :class:`datetime.date`      a date, or an ISO ``YYYY-MM-DD`` string
``region_codes``  ``tuple[str, ...]``         two-digit INSEE region codes, sorted, unique
``bool``          :class:`bool`               ``true`` or ``false``
================  ==========================  =================================

Decimal units accept a plain decimal string (``"0.45"``), an int or a
Decimal, never a float: a binary float cannot hold 0.1 exactly, and a
policy rate must be the figure the source gives.

Shares and yearly rates are fractions, so a percentage written as such
(``70`` for 70 %, ``6`` for 6 % a year) is refused rather than read as
7 000 % or 600 % a year. The other units count things (euros, annual work
units, months, days, years), for which no such slip exists.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Final, Literal, TypeAlias, TypeGuard, get_args

from poles_policy import dates
from poles_policy._arguments import wrong_type
from poles_policy.exceptions import InvalidInputError, ParameterError
from poles_policy.money import decimal_text, eur, rate

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "UNITS",
    "ParameterValue",
    "Unit",
    "coerce_value",
    "is_unit",
    "parse_iso_date",
    "render_value",
]

Unit = Literal[
    "share",
    "rate_per_year",
    "AWU",
    "EUR",
    "months",
    "days",
    "business_days",
    "count",
    "date",
    "region_codes",
    "bool",
]
"""
The closed set of parameter units.

>>> is_unit("share"), is_unit("percent")
(True, False)
>>> coerce_value("months", 6), coerce_value("EUR", "150000")
(6, Decimal('150000.00'))
"""

UNITS: Final[tuple[Unit, ...]] = get_args(Unit)
"""Every unit, in the order of the table above."""

ParameterValue: TypeAlias = Decimal | int | date | tuple[str, ...] | bool
"""The Python value of a parameter: its type is fixed by the unit."""

_ISO_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_PLAIN_DECIMAL: Final = re.compile(r"-?[0-9]+(\.[0-9]+)?")
_REGION_CODE: Final = re.compile(r"[0-9]{2}")
_ZERO: Final = Decimal(0)
_ONE: Final = Decimal(1)
_SIX: Final = Decimal(6)
_HUNDRED: Final = Decimal(100)


def is_unit(text: object) -> TypeGuard[Unit]:
    """Return whether *text* names one of the :data:`UNITS`."""
    return isinstance(text, str) and text in UNITS


def _show(raw: object) -> str:
    """Render an offending value for an error message (dates in ISO form)."""
    if isinstance(raw, date):
        return raw.isoformat()
    return repr(raw)


def parse_iso_date(raw: object, *, field: str) -> date:
    """
    Read a day: a :class:`~datetime.date` or an ISO ``YYYY-MM-DD`` string.

    A datetime (a TOML date-time literal) is refused, as is any other
    spelling of a date (``"01/04/2008"``, ``"2008-4-1"``, ``"20080401"``).

    Args:
        raw: The value as written.
        field: The field name, used in error messages.

    Raises:
        ParameterError: If *raw* is not a day in ISO form.

    >>> parse_iso_date("2008-04-01", field="valid_from")
    datetime.date(2008, 4, 1)
    """
    if isinstance(raw, datetime):
        msg = f"{field} {raw.isoformat()!r} is a date-time; a day is expected (YYYY-MM-DD)"
        raise ParameterError(msg)
    if isinstance(raw, date):
        return raw
    if isinstance(raw, str) and _ISO_DATE.fullmatch(raw):
        try:
            return dates.parse_iso_date(raw, field=field)
        except InvalidInputError:
            msg = f"{field} {raw!r} is not a calendar date"
            raise ParameterError(msg) from None
    msg = f"{field} {_show(raw)} is not an ISO date (write YYYY-MM-DD, e.g. 2008-04-01)"
    raise ParameterError(msg)


def _float_refused(raw: float, unit: Unit) -> ParameterError:
    msg = (
        f"value {raw!r} is a float, refused for unit {unit!r}: a binary float is inexact "
        f'(0.1 is not one tenth), so write the decimal as a string, e.g. value = "{raw}"'
    )
    return ParameterError(msg)


def _decimal(raw: object, unit: Unit) -> Decimal:
    if isinstance(raw, float):
        raise _float_refused(raw, unit)
    if isinstance(raw, bool) or not isinstance(raw, (int, str, Decimal)):
        msg = f"value {_show(raw)} is not a decimal number (unit {unit!r})"
        raise ParameterError(msg)
    if isinstance(raw, str) and not _PLAIN_DECIMAL.fullmatch(raw):
        msg = f'value {raw!r} is not a plain decimal such as "0.45" (unit {unit!r})'
        raise ParameterError(msg)
    try:
        dec = (
            Decimal(eur(raw, field="value")) if unit == "EUR" else Decimal(rate(raw, field="value"))
        )
    except InvalidInputError as exc:
        detail = str(exc).removeprefix("value: ")
        msg = f"value {detail} (unit {unit!r})"
        raise ParameterError(msg) from None
    if dec.is_zero():
        dec = dec.copy_abs()  # "-0" and "0" are the same figure
    if dec < _ZERO:
        msg = f"value {_show(raw)} is negative; unit {unit!r} takes values >= 0"
        raise ParameterError(msg)
    if unit == "share" and dec > _ONE:
        msg = f"value {_show(raw)} is above 1; a share is between 0 and 1 (write 45 % as 0.45)"
        raise ParameterError(msg)
    if unit == "rate_per_year" and dec > _ONE:
        # No rate of the period comes near 100 % a year: a larger one is a percentage.
        percent = dec if dec <= _HUNDRED else _SIX
        msg = (
            f"value {_show(raw)} is above 1; a yearly rate is between 0 and 1 (1 is 100 % a "
            f"year; write {decimal_text(percent)} % a year as {decimal_text(percent.scaleb(-2))})"
        )
        raise ParameterError(msg)
    return dec


def _integer(raw: object, unit: Unit) -> int:
    if isinstance(raw, float):
        msg = f"value {raw!r} is a float; unit {unit!r} takes whole numbers, e.g. value = 6"
        raise ParameterError(msg)
    if isinstance(raw, bool) or not isinstance(raw, int):
        msg = f"value {_show(raw)} is not a whole number (unit {unit!r})"
        raise ParameterError(msg)
    if raw < 0:
        msg = f"value {raw!r} is negative; unit {unit!r} takes values >= 0"
        raise ParameterError(msg)
    return raw


def _day(raw: object, unit: Unit) -> date:
    del unit
    return parse_iso_date(raw, field="value")


def _regions(raw: object, unit: Unit) -> tuple[str, ...]:
    if not isinstance(raw, (list, tuple)):
        msg = f'value {_show(raw)} is not a list of region codes (unit {unit!r}), e.g. ["82"]'
        raise ParameterError(msg)
    codes: list[str] = []
    for code in raw:
        if not isinstance(code, str) or not _REGION_CODE.fullmatch(code):
            msg = (
                f"value {_show(raw)}: region code {_show(code)} is not a two-digit INSEE "
                'region code written as a string, e.g. "82"'
            )
            raise ParameterError(msg)
        if code in codes:
            msg = f"value {_show(raw)}: region code {code!r} is listed twice"
            raise ParameterError(msg)
        codes.append(code)
    return tuple(sorted(codes))


def _flag(raw: object, unit: Unit) -> bool:
    if not isinstance(raw, bool):
        msg = f"value {_show(raw)} is not a boolean (unit {unit!r}): write true or false"
        raise ParameterError(msg)
    return raw


_READERS: Final[dict[Unit, Callable[[object, Unit], ParameterValue]]] = {
    "share": _decimal,
    "rate_per_year": _decimal,
    "AWU": _decimal,
    "EUR": _decimal,
    "months": _integer,
    "days": _integer,
    "business_days": _integer,
    "count": _integer,
    "date": _day,
    "region_codes": _regions,
    "bool": _flag,
}


def coerce_value(unit: Unit, raw: object) -> ParameterValue:
    """
    Read *raw* as a value of *unit*, refusing anything inexact or out of range.

    The same reading applies to a value written in a parameter file and to
    one given to :meth:`~poles_policy.parameters.ParameterSet.override`.

    Args:
        unit: The parameter's unit.
        raw: The value as written: a TOML or Python value.

    Returns:
        The value with the Python type of its unit (see the module table).

    Raises:
        ParameterError: If *raw* has the wrong type for *unit* (a float for a
            decimal unit, a string for a count, ...) or is out of range. The
            message names the value.

    >>> coerce_value("share", "0.50")
    Decimal('0.50')
    >>> coerce_value("region_codes", ["82", "11"])
    ('11', '82')
    >>> coerce_value("percent", "50")
    Traceback (most recent call last):
    ...
    poles_policy.exceptions.ParameterError: unknown unit 'percent'; units: share, rate_per_year,
    AWU, EUR, months, days, business_days, count, date, region_codes, bool
    """
    try:
        read = _READERS[unit]
    except (KeyError, TypeError):  # TypeError: an unhashable unit
        msg = f"unknown unit {unit!r}; units: {', '.join(UNITS)}"
        raise ParameterError(msg) from None
    return read(raw, unit)


def render_value(value: ParameterValue) -> str:
    """
    Write *value* as canonical text, the same in every language.

    Decimals as written (``"0.50"``), dates in ISO form, region codes joined
    with commas, booleans as ``"true"``/``"false"``.

    >>> render_value(Decimal("0.50"))
    '0.50'
    >>> render_value(("11", "82"))
    '11,82'
    >>> render_value(False)
    'false'

    Raises:
        WrongTypeError: For a value no unit has (``None``, a float, a string).
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple) and all(type(code) is str for code in value):
        return ",".join(value)
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, int):
        return str(value)
    raise wrong_type(
        "render_value",
        "value",
        "a parameter value (a Decimal, an int, a date, a tuple of region codes or a bool)",
        value,
    )
