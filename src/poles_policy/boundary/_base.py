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
from contextlib import contextmanager
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

from poles_policy.dates import parse_iso_date
from poles_policy.exceptions import InvalidInputError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Mapping

__all__ = [
    "IsoDate",
    "LocatedError",
    "Model",
    "Money",
    "RegionCode",
    "Share",
    "build_each",
    "build_one",
    "describe",
    "exact_decimal",
    "located",
    "validate_json",
    "validate_python",
]

_DECIMAL = re.compile(r"^-?\d+(\.\d+)?$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MAX_FLOAT_DIGITS = 15


class Model(BaseModel):
    """Base of every boundary model: unknown fields are refused, instances are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=False)


def exact_decimal(value: object, what: str) -> Decimal:
    """
    Read *value* (a JSON number, a decimal string or a Decimal) as an exact Decimal.

    Raises:
        ValueError: Naming *what*, for booleans, non-finite numbers, numbers
            with more significant digits than a JSON number carries exactly,
            and strings that are not plain decimals.
    """
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
    dec = exact_decimal(value, "amount")
    exponent = dec.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2 and dec != dec.quantize(Decimal("0.01")):
        msg = f"amount {value} has more than two decimals; euro amounts are exact to the cent"
        raise ValueError(msg)
    return dec.quantize(Decimal("0.01"))


def _share(value: object) -> Decimal:
    dec = exact_decimal(value, "share")
    if not (0 <= dec <= 1):
        msg = f"share {value} must lie between 0 and 1"
        raise ValueError(msg)
    return dec


def _iso_date(value: object) -> object:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return parse_iso_date(value)
        except InvalidInputError:
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


_TAGGED_FIELDS = frozenset({"applicant", "actor"})


def describe(exc: ValidationError, *, union_tags: frozenset[str] = frozenset()) -> str:
    """
    Render a pydantic error on one line: ``path: reason`` items separated by semicolons.

    Malformed JSON reads ``invalid JSON: ...`` with its line and column. Pydantic
    puts the tag of a tagged union (an actor's ``kind``) in the path; it is left
    out when listed in *union_tags*, so paths read as in the document
    (``applicant.region``, not ``applicant.enterprise.region``).
    """
    errors = exc.errors(include_url=False)
    for err in errors:
        if err["type"] == "json_invalid":
            return f"invalid JSON: {err.get('ctx', {}).get('error', err['msg'])}"
    parts = []
    for err in errors:
        segments: list[str] = []
        for segment in err["loc"]:
            if segments and segments[-1] in _TAGGED_FIELDS and segment in union_tags:
                continue
            segments.append(str(segment))
        path = ".".join(segments) or "(document)"
        parts.append(f"{path}: {err['msg'].removeprefix('Value error, ')}")
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
        raise InvalidInputError(describe(exc)) from None


def validate_python(model: type[M], data: Mapping[str, Any]) -> M:
    """
    Validate already-parsed data into *model*.

    Raises:
        InvalidInputError: Naming the path of each bad field and why.
    """
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise InvalidInputError(describe(exc)) from None


_T = TypeVar("_T")
_D = TypeVar("_D")


class LocatedError(InvalidInputError):
    """An invariant error raised while building the domain object at a JSON path."""

    def __init__(self, path: tuple[str | int, ...], detail: str) -> None:
        super().__init__(detail)
        self.path = path
        self.detail = detail

    def __str__(self) -> str:
        return f"{'.'.join(map(str, self.path))}: {self.detail}"


def _locate(exc: InvalidInputError, segments: tuple[str | int, ...]) -> LocatedError:
    if isinstance(exc, LocatedError):
        exc.path = (*segments, *exc.path)
        return exc
    located_error = LocatedError(segments, str(exc))
    located_error.__cause__ = exc
    return located_error


@contextmanager
def located(*segments: str | int) -> Iterator[None]:
    """Prefix *segments* to the JSON path of an invariant error raised inside."""
    try:
        yield
    except InvalidInputError as exc:
        raise _locate(exc, segments) from exc.__cause__


def build_one(field: str, build: Callable[[], _D]) -> _D:
    """Build one nested domain object, locating its errors under *field*."""
    # A plain try/except rather than ``located``: this runs for every nested object.
    try:
        return build()
    except InvalidInputError as exc:
        raise _locate(exc, (field,)) from exc.__cause__


def build_each(field: str, items: Iterable[_T], build: Callable[[_T], _D]) -> tuple[_D, ...]:
    """Build nested domain objects, locating each one's errors under ``field.index``."""
    out: list[_D] = []
    index = 0
    try:
        for index, item in enumerate(items):  # noqa: B007 - index is read in the handler
            out.append(build(item))
    except InvalidInputError as exc:
        raise _locate(exc, (field, index)) from exc.__cause__
    return tuple(out)
