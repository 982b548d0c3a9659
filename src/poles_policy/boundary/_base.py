"""
The base of the JSON boundary: a strict pydantic model and exact field types.

JSON numbers reach pydantic as binary floats. Money must not pass through a
float silently, so :data:`Money` takes the float's shortest decimal
representation (exact for up to 15 significant digits, which covers every
amount to the cent below 10 000 billion euros), refuses anything longer and
asks for a string instead, and refuses more than two decimals, NaN and
infinities. Amounts are written back as strings (``"1250.50"``), so nothing
is lost on the way out either.

Dates are strict ISO ``YYYY-MM-DD`` strings: ``02/03/2009`` is ambiguous
between 2 March and 3 February and is refused.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    PlainSerializer,
    StringConstraints,
    ValidationError,
    WithJsonSchema,
)

from poles_policy.exceptions import InvalidInputError

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "IsoDate",
    "Model",
    "Money",
    "RegionCode",
    "Share",
    "validate_json",
    "validate_python",
]

_DECIMAL = re.compile(r"^-?\d+(\.\d+)?$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MAX_FLOAT_DIGITS = 15


class Model(BaseModel):
    """Base of every boundary model: unknown fields are refused, instances are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=False)


def _exact_decimal(value: object, what: str) -> Decimal:
    if isinstance(value, bool):
        msg = f"{what} must be a number, not a boolean"
        raise ValueError(msg)  # noqa: TRY004 - pydantic reports ValueError with the field path
    if isinstance(value, Decimal):
        dec = value
    elif isinstance(value, int):
        dec = Decimal(value)
    elif isinstance(value, float):
        text = repr(value)
        if text in {"nan", "inf", "-inf"}:
            msg = f"{what} must be a finite number, got {text}"
            raise ValueError(msg)
        dec = Decimal(text)
        if len(dec.as_tuple().digits) > _MAX_FLOAT_DIGITS:
            msg = (
                f"{what} {text} has more significant digits than a JSON number carries "
                "exactly; write it as a string"
            )
            raise ValueError(msg)
    elif isinstance(value, str):
        if not _DECIMAL.match(value.strip()):
            msg = f"{what} {value!r} is not a decimal number such as '1250.50'"
            raise ValueError(msg)
        try:
            dec = Decimal(value.strip())
        except InvalidOperation:  # pragma: no cover - the pattern already guards
            msg = f"{what} {value!r} is not a decimal number"
            raise ValueError(msg) from None
    else:
        msg = f"{what} must be a number or a decimal string, got {type(value).__name__}"
        raise ValueError(msg)  # noqa: TRY004
    return dec


def _money(value: object) -> Decimal:
    dec = _exact_decimal(value, "amount")
    exponent = dec.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2 and dec != dec.quantize(Decimal("0.01")):
        msg = f"amount {value} has more than two decimals; euro amounts are exact to the cent"
        raise ValueError(msg)
    return dec.quantize(Decimal("0.01"))


def _share(value: object) -> Decimal:
    dec = _exact_decimal(value, "share")
    if not (0 <= dec <= 1):
        msg = f"share {value} must lie between 0 and 1"
        raise ValueError(msg)
    return dec


def _iso_date(value: object) -> object:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            msg = f"{value!r} is not a calendar date"
            raise ValueError(msg) from None
    msg = f"{value!r} is not an ISO date (YYYY-MM-DD)"
    raise ValueError(msg)


Money = Annotated[
    Decimal,
    BeforeValidator(_money),
    PlainSerializer(str, return_type=str, when_used="json"),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number", "multipleOf": 0.01},
                {"type": "string", "pattern": r"^-?\d+(\.\d{1,2})?$"},
            ],
            "description": "Euros, exact to the cent (a number or a decimal string).",
        }
    ),
]
"""Euros to the cent: a JSON number or decimal string in, a decimal string out."""

Share = Annotated[
    Decimal,
    BeforeValidator(_share),
    PlainSerializer(str, return_type=str, when_used="json"),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number", "minimum": 0, "maximum": 1},
                {"type": "string", "pattern": r"^(0(\.\d+)?|1(\.0+)?)$"},
            ],
            "description": "A share between 0 and 1 (0.45 for 45 %).",
        }
    ),
]
"""A share between 0 and 1, exact."""

IsoDate = Annotated[
    date,
    BeforeValidator(_iso_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}),
]
"""A strict ISO date, ``YYYY-MM-DD``."""

RegionCode = Annotated[
    str,
    StringConstraints(pattern=r"^\d{2}$"),
    WithJsonSchema({"type": "string", "pattern": r"^\d{2}$", "description": "INSEE region code"}),
]
"""An INSEE region code such as ``"82"`` (checked against the date by the domain)."""

M = TypeVar("M", bound=BaseModel)


def _describe(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors(include_url=False):
        path = ".".join(str(p) for p in err["loc"]) or "(document)"
        message = err["msg"].removeprefix("Value error, ")
        parts.append(f"{path}: {message}")
    return "; ".join(parts)


def validate_json(model: type[M], data: str | bytes) -> M:
    """
    Parse *data* as JSON into *model*, turning pydantic's errors into ours.

    Raises:
        InvalidInputError: Naming the path of each bad field and why.
    """
    try:
        return model.model_validate_json(data)
    except ValidationError as exc:
        raise InvalidInputError(_describe(exc)) from None


def validate_python(model: type[M], data: Mapping[str, Any]) -> M:
    """
    Validate already-parsed data into *model*.

    Raises:
        InvalidInputError: Naming the path of each bad field and why.
    """
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise InvalidInputError(_describe(exc)) from None
