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

In JSON, pydantic reads the plain spellings of these types (``"1250.50"``,
``"2009-03-02"``) itself, without calling Python; any other input reaches the
same Python reader as in Python, so both give the same values and messages.
"""

from __future__ import annotations

import functools
import inspect
import json
import math
import re
from contextlib import contextmanager
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Annotated, Any, Final, Self, TypeVar, cast

import attrs
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    GetCoreSchemaHandler,
    PlainSerializer,
    Strict,
    StringConstraints,
    ValidationError,
    WithJsonSchema,
)
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

from poles_policy._arguments import with_article, wrong_type
from poles_policy.dates import parse_iso_date
from poles_policy.exceptions import DocumentError, InvalidInputError, WrongTypeError
from poles_policy.model._validators import (
    HIDDEN_CHARACTERS,
    an_id,
    ids,
    non_empty,
    optional_id,
    optional_text,
    repeated,
)
from poles_policy.model.regions import all_regions
from poles_policy.money import EXACT, decimal_text

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

    from pydantic_core import ErrorDetails

__all__ = [
    "PLAIN_DECIMAL",
    "PLAIN_NON_NEGATIVE",
    "CalendarYear",
    "Flag",
    "InseeCode",
    "IsoDate",
    "Model",
    "Money",
    "PlainInJson",
    "PositiveMoney",
    "Rank",
    "RegionCode",
    "Share",
    "WholeNumber",
    "at_path",
    "build_each",
    "build_one",
    "distinct",
    "document_error",
    "exact_decimal",
    "from_domain_of",
    "json_text",
    "located",
    "refuse_duplicate_keys",
    "register_union_tags",
    "validate_json",
    "validate_python",
]

_MAX_FLOAT_DIGITS = 15
_CENT = Decimal("0.01")

# The forms documents almost always use, in ASCII digits without surrounding blanks. Each is
# a subset of what the general readers (_any_decimal, _any_money, _any_iso_date) accept and
# leads to the same value; matching it first spares their checks on every field of a document.
_PLAIN_DECIMAL = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
_PLAIN_CENTS = re.compile(r"-?[0-9]+(?:\.[0-9]{1,2})?")
_PLAIN_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_SHARE_TEXT = re.compile(r"0(?:\.[0-9]+)?|1(?:\.0+)?")


def _plain_string(pattern: re.Pattern[str], then: CoreSchema) -> CoreSchema:
    """Validate a string that matches *pattern* whole, then read it with *then*."""
    # A group, so that the anchors hold for every alternative of the pattern ("0...|1...").
    whole = f"^(?:{pattern.pattern})$"
    return core_schema.chain_schema([core_schema.str_schema(pattern=whole), then])


PLAIN_DECIMAL: Final = _plain_string(_PLAIN_DECIMAL, core_schema.decimal_schema())
"""A plain decimal string read as its Decimal, as :func:`exact_decimal` reads it."""

PLAIN_NON_NEGATIVE: Final = _plain_string(
    re.compile(r"[0-9]+(?:\.[0-9]+)?"), core_schema.decimal_schema()
)
"""A plain decimal string without a sign read as its Decimal, as :func:`exact_decimal` reads it."""


class PlainInJson:
    """
    Field metadata: in JSON, read the plain spelling of a value natively, anything else with *read*.

    *plain* is a pydantic-core schema that accepts only inputs *read* accepts
    and gives the value *read* gives for them, or refuses them. In JSON,
    pydantic applies it first and passes what it refuses, unchanged, to
    *read*; in Python, *read* reads every input. Either way the errors are
    those of *read* and of the field's own constraints (``gt``, ``ge``),
    which apply to the value read.

    Args:
        plain: The native reading of the plain spelling.
        read: The general reader (a before validator of the field's type).
    """

    __slots__ = ("plain", "read")

    def __init__(self, plain: CoreSchema, read: Callable[[Any], Any]) -> None:
        self.plain = plain
        self.read = read

    def __get_pydantic_core_schema__(
        self, source: type[Any], handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        """Build the field's schema: the plain reading in JSON, *read* for the rest."""
        inner = handler(source)
        read = self.read

        def read_json(value: object) -> object:
            # JSON holds no Decimal nor date: a value of the field's type was read plainly.
            return value if type(value) is source else read(value)

        plain_or_as_is = core_schema.union_schema(
            [self.plain, core_schema.any_schema()], mode="left_to_right"
        )
        return core_schema.json_or_python_schema(
            json_schema=core_schema.chain_schema(
                [plain_or_as_is, core_schema.no_info_before_validator_function(read_json, inner)]
            ),
            python_schema=core_schema.no_info_before_validator_function(read, inner),
        )


Flag = Annotated[bool, Strict()]
"""A JSON ``true`` or ``false`` only: ``"yes"``, ``"false"``, ``1`` or ``0`` are refused."""

WholeNumber = Annotated[int, Strict()]
"""A JSON integer only (a year, a rank, a count): ``true``, ``"2011"`` or ``2011.0`` are refused."""

Rank = Annotated[int, Strict(), WithJsonSchema({"type": "integer", "minimum": 1})]
"""A rank in a list, 1 being first, as a JSON integer; the domain refuses 0 in its own words."""


def _calendar_year(year: int) -> int:
    if not 1 <= year <= _LAST_YEAR:
        msg = f"{year} is not a calendar year (1 to {_LAST_YEAR})"
        raise ValueError(msg)
    return year


_LAST_YEAR: Final = 9999

CalendarYear = Annotated[
    int,
    Strict(),
    AfterValidator(_calendar_year),
    WithJsonSchema({"type": "integer", "minimum": 1, "maximum": _LAST_YEAR}),
]
"""A calendar year, 1 to 9999, as a JSON integer; another is refused in the domain's words."""


def _escaped(characters: str) -> str:
    """A regular expression's character ranges, each character outside printable ASCII escaped."""
    return "".join(c if " " < c < "\x7f" else f"\\u{ord(c):04x}" for c in characters)


# The characters an id or a name may not hold (model._validators.HIDDEN_CHARACTERS), escaped
# as a JSON Schema pattern (ECMA-262, which Python's re also reads) writes them.
_HIDDEN_RANGES: Final = _escaped(HIDDEN_CHARACTERS)
ID_PATTERN: Final = rf"^(?![\s\S]*[{_HIDDEN_RANGES}])(?![\s\S]*\s$)\S"
"""
The JSON Schema pattern of an id: no hidden character, no blank at either end, not empty.

No ``$`` ends it: Python's ``re`` (which JSON Schema validators in Python
use) lets ``$`` match before a final line break, which the first lookahead
refuses anyway.
"""
TEXT_PATTERN: Final = rf"^(?![\s\S]*[{_HIDDEN_RANGES}])[\s\S]*\S"
"""The JSON Schema pattern of a name: no hidden character, and a character other than a blank."""


def _string_branches(prop: dict[str, Any]) -> list[dict[str, Any]]:
    return [b for b in prop.get("anyOf", [prop]) if b.get("type") == "string"]


def _validators(validator: object) -> list[object]:
    """The validators of an attrs field, those of an ``and_`` (a list given to attrs) one by one."""
    inner = getattr(validator, "_validators", None)
    return [validator] if inner is None else [v for part in inner for v in _validators(part)]


def _domain_constraints(schema: dict[str, Any], cls: type) -> None:
    """
    Constrain each property as the domain object the model builds constrains its field.

    The domain's validators are the rule: a field validated as an id
    (:func:`~poles_policy.model._validators.an_id`, ``optional_id``, ``ids``)
    gets :data:`ID_PATTERN`, and a list of ids refused when one is given twice
    (a ``_distinct...`` validator beside ``ids``) ``uniqueItems``; a field
    validated as a name (``non_empty``, or ``optional_text`` when given) gets
    :data:`TEXT_PATTERN`. A form
    validating against the schema then refuses what the reader refuses for
    these reasons, where the reader's message says why. An optional text
    (``optional_text``) is a name when given.
    """
    domain = getattr(getattr(cls, "from_domain", None), "domain", None)
    if domain is None or not attrs.has(domain):
        return
    properties = schema.get("properties", {})
    for field in attrs.fields(domain):
        prop = properties.get(field.name)
        if prop is None:
            continue
        checks = _validators(field.validator)
        if an_id in checks or optional_id in checks:
            for branch in _string_branches(prop):
                branch.update(minLength=1, pattern=ID_PATTERN)
        elif non_empty in checks or optional_text in checks:
            for branch in _string_branches(prop):
                branch.update(minLength=1, pattern=TEXT_PATTERN)
        elif ids in checks and prop.get("type") == "array":
            prop["items"] = {"type": "string", "minLength": 1, "pattern": ID_PATTERN}
            if any(getattr(v, "__name__", "").startswith("_distinct") for v in checks):
                prop["uniqueItems"] = True


def _non_blank_texts(schema: dict[str, Any], cls: type) -> None:
    """
    Give each text property its constraints in the schema, as the reader has them.

    First those of the domain object the model builds (see
    :func:`_domain_constraints`). Then, for a property the domain does not
    constrain so, its description is the contract: a property said to be
    non-empty is a string with a character other than a blank, so that a form
    validating against the schema refuses ``""`` and ``" "`` as the reader does
    (whose message names the field).
    """
    _domain_constraints(schema, cls)
    for prop in schema.get("properties", {}).values():
        if "non-empty" not in str(prop.get("description", "")):
            continue
        for branch in prop.get("anyOf", [prop]):
            if branch.get("type") == "string" and "pattern" not in branch:
                branch["minLength"] = 1
                branch["pattern"] = r"\S"


class Model(BaseModel):
    """
    Base of every boundary model: unknown fields are refused, instances are frozen.

    A model whose ``from_domain`` is marked with :func:`from_domain_of` also
    has its ``to_domain`` report the domain's invariant errors at the JSON
    field, as a :class:`~poles_policy.exceptions.DocumentError`:
    ``CollaborativeProject.partners: actor 'x' appears twice`` raised while
    building a project reads ``partners: actor 'x' appears twice``, and the
    callers above prefix their own path (``project.partners: ...``). An error
    naming a part of the field keeps it in the path
    (``CollaborativeProject.aid[0].partners[1].partner_id: ...`` reads at
    ``aid.0.partners.1.partner_id``). Only errors naming the very class the
    model builds and one of the model's own fields are moved; any other keeps
    its words, as a problem of the object the model describes.
    """

    model_config = ConfigDict(
        extra="forbid", frozen=True, validate_default=False, json_schema_extra=_non_blank_texts
    )

    @classmethod
    def model_validate_json(
        cls,
        json_data: str | bytes | bytearray,
        **kwargs: Any,  # noqa: ANN401 - pydantic's own options, passed on as given
    ) -> Self:
        """
        Validate a JSON document, first refusing what :func:`validate_json` refuses.

        A key given twice in one object, or a number that the binary float
        pydantic reads JSON numbers into would change (``10000000000000000.01``
        read as ``...00``), is refused with a pydantic ``ValidationError`` at
        its path, rather than read as some JSON reader might read it: money
        never goes through a float. :func:`validate_json` raises the same
        refusals as a :class:`~poles_policy.exceptions.DocumentError`.

        >>> from pydantic import ValidationError
        >>> from poles_policy.boundary.actors import BankModel
        >>> try:
        ...     BankModel.model_validate_json('{"id": "b", "id": "c", "name": "B"}')
        ... except ValidationError as error:
        ...     print(error.errors()[0]["loc"], error.errors()[0]["msg"])
        ('id',) given twice in one object
        """
        if type(json_data) is str or type(json_data) is bytes:
            try:
                json_data = refuse_duplicate_keys(json_data)
            except DocumentError as exc:
                raise _refused(cls.__name__, exc, json_data) from None
        return super().model_validate_json(json_data, **kwargs)

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:  # noqa: ANN401 - pydantic's hook
        super().__pydantic_init_subclass__(**kwargs)
        made = cls.__dict__.get("from_domain")
        domain = getattr(getattr(made, "__func__", None), "domain_name", None)
        build = cls.__dict__.get("to_domain")
        if domain is not None and callable(build):
            cls.to_domain = _at_fields(build, domain, frozenset(cls.model_fields))  # type: ignore[attr-defined]


def _refused(title: str, error: DocumentError, data: str | bytes) -> ValidationError:
    """*error*'s problems as a pydantic ``ValidationError``, each at its path."""
    return ValidationError.from_exception_data(
        title,
        [
            {
                "type": PydanticCustomError("json_refused", "{reason}", {"reason": reason}),
                "loc": tuple(int(part) if part.isdigit() else part for part in path.split("."))
                if path
                else (),
                "input": data,
            }
            for path, reason in error.problems
        ],
    )


# "PartnerAid.granted: ...", "Pole.history[2]: ..." or "CollaborativeProject.aid[0].partners[1].
# partner_id: ...": an attrs class's error about one of its fields, or a part of that field.
_FIELD_ERROR: Final = re.compile(
    r"(?P<cls>[A-Z]\w*)\.(?P<field>[a-z_0-9]+)(?P<sub>(?:\.[a-z_0-9]+|\[\d+\])*): "
)
_SEGMENT: Final = re.compile(r"\.([a-z_0-9]+)|\[(\d+)\]")


def _at_fields(
    build: Callable[..., object], domain: str, fields: frozenset[str]
) -> Callable[..., object]:
    @functools.wraps(build)
    def located_build(*args: object, **kwargs: object) -> object:
        try:
            return build(*args, **kwargs)
        except (DocumentError, WrongTypeError):
            raise
        except InvalidInputError as exc:
            text = str(exc)
            found = _FIELD_ERROR.match(text)
            if found is None or found["cls"] != domain or found["field"] not in fields:
                # Still a problem of the document: its words name what is wrong.
                raise DocumentError([("", text)]) from exc.__cause__
            path: tuple[str | int, ...] = (
                found["field"],
                *(name or int(index) for name, index in _SEGMENT.findall(found["sub"])),
            )
            raise at_path(path, text[found.end() :]) from exc.__cause__

    return located_build


_F = TypeVar("_F", bound="Callable[..., Any]")


def from_domain_of(domain: type[object]) -> Callable[[_F], _F]:
    """
    Refuse an argument of another type than *domain* in a model's ``from_domain``.

    Place it under ``@classmethod``; the annotation of the method's argument
    (``obj``) must name *domain*::

        @classmethod
        @from_domain_of(Accounts)
        def from_domain(cls, obj: Accounts) -> AccountsModel: ...

    ``None``, a dict, or a domain object of another class (even one with the
    same attribute names: an Oseo office where a Bank is expected) raises
    :class:`~poles_policy.exceptions.WrongTypeError`, ``AccountsModel.from_domain:
    obj must be an Accounts, not NoneType None``, rather than an AttributeError from
    inside or the description of something else. It costs one ``isinstance``
    test on the normal path. The method keeps its name, docstring and
    signature (:func:`functools.wraps`), as Sphinx shows them.

    Raises:
        TypeError: When the class is defined, if the annotation of the
            method's argument names another class than *domain*.
    """
    name = domain.__name__

    def decorate(method: _F) -> _F:
        # The argument after cls, by its name in the messages: obj, or case in RelayCaseModel.
        argument = list(inspect.signature(method).parameters)[1]
        declared = getattr(method, "__annotations__", {}).get(argument)
        if declared not in {name, domain}:
            msg = f"from_domain_of({name}) decorates {method.__qualname__}({argument}: {declared})"
            raise TypeError(msg)
        expected = with_article(name)

        @functools.wraps(method)
        def checked(cls: type[Model], obj: object) -> object:
            if isinstance(obj, domain):
                return method(cls, obj)
            function = f"{cls.__name__}.from_domain"
            raise wrong_type(function, argument, expected, obj)

        # Model reads it to place the domain's errors at the model's fields.
        checked.domain_name = name  # type: ignore[attr-defined]
        # The schema reads the domain's validators from it (see _domain_constraints).
        checked.domain = domain  # type: ignore[attr-defined]
        return cast("_F", checked)

    return decorate


def exact_decimal(value: object, what: str) -> Decimal:
    """
    Read *value* (a JSON number, a decimal string or a Decimal) as an exact Decimal.

    Raises:
        ValueError: Naming *what*, for booleans, non-finite numbers, numbers
            with more significant digits than a JSON number carries exactly,
            and strings that are not plain decimals.
    """
    if type(value) is str and _PLAIN_DECIMAL.fullmatch(value):
        return Decimal(value)
    return _any_decimal(value, what)


# An example of each kind of decimal a document holds, for the message refusing a text.
_EXAMPLES: Final = {"amount": "1250.50", "share": "0.45", "staff (annual work units)": "41.5"}


def _any_decimal(value: object, what: str) -> Decimal:
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
        # ASCII digits only, nothing around them, as the schemas' patterns say: Decimal()
        # would also read " 200", "２００" or "٢٠٠", which a client checking the schema refuses.
        if not _PLAIN_DECIMAL.fullmatch(value):
            example = _EXAMPLES.get(what, "12.5")
            msg = f"{what} {value!r} is not a decimal number such as '{example}'"
            raise ValueError(msg)
        dec = Decimal(value)
    elif value is None:
        msg = f"a value is required, not null (give the {what} as a number or a decimal string)"
        raise ValueError(msg)
    else:
        msg = f"{what} must be a number or a decimal string, got {type(value).__name__}"
        raise ValueError(msg)
    return dec


def _money(value: object) -> Decimal:
    if type(value) is str and _PLAIN_CENTS.fullmatch(value):
        return _cents(Decimal(value), value)
    return _any_money(value)


def _any_money(value: object) -> Decimal:
    dec = exact_decimal(value, "amount")
    cents = _cents(dec, value)
    # A string says how many decimals it has: "1.100" is refused as the schema's pattern
    # refuses it, though its value is a whole number of cents.
    if cents != dec or (isinstance(value, str) and not _PLAIN_CENTS.fullmatch(value)):
        msg = f"amount {value} has more than two decimals; euro amounts are exact to the cent"
        raise ValueError(msg)
    return cents


def _cents(dec: Decimal, value: object) -> Decimal:
    if dec < 0:
        # No amount of a document is negative: a sum owed or paid has a direction, not a sign.
        msg = f"amount {value} is negative; amounts are zero or more"
        raise ValueError(msg)
    try:
        # In the fixed context, whatever the caller's: 28 digits hold any amount below
        # 10**26 euros to the cent.
        return dec.quantize(_CENT, context=EXACT)
    except InvalidOperation:
        msg = f"amount {value} is too large to be held exactly to the cent"
        raise ValueError(msg) from None


def _share(value: object) -> Decimal:
    dec = exact_decimal(value, "share")
    if not (0 <= dec <= 1):
        msg = f"share {value} must lie between 0 and 1"
        raise ValueError(msg)
    if isinstance(value, str) and not _SHARE_TEXT.fullmatch(value):
        # As the schema's pattern writes a share: "0.45", "1", "1.00"; not "-0", "00.5".
        msg = f"share {value!r} is not written as a share such as '0.45'"
        raise ValueError(msg)
    return dec


def _iso_date(value: object) -> object:
    if type(value) is str and _PLAIN_ISO_DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass  # not a day of the calendar: the general path says so
    return _any_iso_date(value)


def _any_iso_date(value: object) -> object:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _PLAIN_ISO_DATE.fullmatch(value):
        try:
            return parse_iso_date(value)
        except InvalidInputError:
            msg = f"{value!r} is not a calendar date"
            raise ValueError(msg) from None
    if value is None:
        msg = "a date is required, not null (write it YYYY-MM-DD)"
        raise ValueError(msg)
    if not isinstance(value, str):
        # JSON's own spelling of the value, not Python's (true, not True).
        msg = f"{json.dumps(value)} is not an ISO date (YYYY-MM-DD); write it as a string"
        raise ValueError(msg)  # noqa: TRY004 - pydantic reports a validator's ValueError
    msg = f"{value!r} is not an ISO date (YYYY-MM-DD)"
    raise ValueError(msg)


# What the schemas tell a validator of amounts. JSON Schema's multipleOf 0.01 is not used: in
# binary floating point, validators refuse cent amounts such as 0.07 with it. A number with more
# than two decimals passes the schema and is refused by the reader, which names it.
_CENTS_TEXT = r"[0-9]+(\.[0-9]{1,2})?"
_ZERO_TEXT = r"-?0+(\.0{1,2})?"  # "-0.00" is zero, as Decimal reads it


def _money_schema(*, positive: bool) -> WithJsonSchema:
    if positive:
        number = {"type": "number", "exclusiveMinimum": 0}
        text = {"type": "string", "pattern": f"^(?=[0-9.]*[1-9]){_CENTS_TEXT}$"}
        sign = "positive"
    else:
        number = {"type": "number", "minimum": 0}
        text = {"type": "string", "pattern": f"^({_ZERO_TEXT}|{_CENTS_TEXT})$"}
        sign = "non-negative"
    return WithJsonSchema(
        {
            "anyOf": [number, text],
            "description": (
                f"Euros, {sign}, exact to the cent: a number or a decimal string with at most "
                "two decimals."
            ),
        }
    )


_MONEY_IN = PlainInJson(
    # 28 digits at most: quantizing to the cent, as _money does, leaves such a value as it is.
    _plain_string(re.compile(r"[0-9]{1,26}\.[0-9]{2}"), core_schema.decimal_schema()),
    _money,
)
_MONEY_OUT = PlainSerializer(decimal_text, return_type=str, when_used="json")

Money = Annotated[Decimal, _MONEY_IN, _MONEY_OUT, _money_schema(positive=False)]
"""Euros to the cent, zero or more: a JSON number or decimal string in, a decimal string out."""

PositiveMoney = Annotated[Decimal, _MONEY_IN, _MONEY_OUT, _money_schema(positive=True)]
"""Euros to the cent, positive (give the field ``gt=0``): a request's amount, a loan's principal."""

Share = Annotated[
    Decimal,
    PlainInJson(
        _plain_string(_SHARE_TEXT, core_schema.decimal_schema(ge=0, le=1)),
        _share,
    ),
    PlainSerializer(decimal_text, return_type=str, when_used="json"),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number", "minimum": 0, "maximum": 1},
                {"type": "string", "pattern": r"^(0(\.[0-9]+)?|1(\.0+)?)$"},
            ],
            "description": "A share between 0 and 1 (0.45 for 45 %).",
        }
    ),
]
"""A share between 0 and 1, exact."""

IsoDate = Annotated[
    date,
    PlainInJson(_plain_string(_PLAIN_ISO_DATE, core_schema.date_schema()), _iso_date),
    WithJsonSchema(
        {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
    ),
]
"""A strict ISO date, ``YYYY-MM-DD``."""

RegionCode = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9]{2}$"),
    WithJsonSchema(
        {
            "type": "string",
            "enum": sorted({r.code for r in all_regions()}),
            "description": "INSEE region code, of the regions before or after 2016",
        }
    ),
]
"""
An INSEE region code such as ``"82"``, of a region of either period.

The schema lists the codes; the domain refuses another, and checks the code
against the date where one applies (a relay request's).
"""

InseeCode = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9]{2}$"),
    WithJsonSchema(
        {"type": "string", "pattern": r"^[0-9]{2}$", "description": "INSEE region code"}
    ),
]
"""Two digits, the form of an INSEE region code: a region record's own code."""

M = TypeVar("M", bound=BaseModel)


_TAGGED_FIELDS = frozenset({"applicant", "actor"})

# The tags of the tagged unions, registered by the module that defines each union (the actors'
# kinds): every reader leaves them out of its paths, whatever model it reads.
_UNION_TAGS: set[str] = set()


def register_union_tags(tags: Iterable[str]) -> None:
    """Register the tags of a tagged union, for every reader to leave out of its error paths."""
    _UNION_TAGS.update(tags)


def document_error(
    exc: ValidationError, *, union_tags: frozenset[str] | None = None
) -> DocumentError:
    """
    Turn a pydantic error into a :class:`~poles_policy.exceptions.DocumentError`.

    Malformed JSON is one problem of the whole document, ``invalid JSON: ...``
    with its line and column. Pydantic puts the tag of a tagged union (an
    actor's ``kind``) in the path; it is left out when listed in
    *union_tags* (by default, every tag registered with
    :func:`register_union_tags`), so paths read as in the document
    (``applicant.region``, not ``applicant.enterprise.region``). A tag is
    left out at the root only when *union_tags* is given: the document is
    then itself tagged (an actor document); any other document's first
    segment is one of its fields (a contract's ``state``).
    """
    tags = _UNION_TAGS if union_tags is None else union_tags
    # At the root only for a document that is itself tagged (an actor), as its reader says:
    # elsewhere a first segment is a field of the document ("state", "bank").
    root = union_tags or frozenset()
    errors = exc.errors(include_url=False)
    for err in errors:
        if err["type"] == "json_invalid":
            return DocumentError(
                [("", f"invalid JSON: {err.get('ctx', {}).get('error', err['msg'])}")]
            )
    problems = []
    for err in errors:
        segments: list[str] = []
        for segment in err["loc"]:
            # The tag of an actor, or of the document itself when it is one.
            if segments:
                tag = segments[-1] in _TAGGED_FIELDS and segment in tags
            else:
                tag = segment in root
            if tag:
                continue
            segments.append(str(segment))
        path, reason = _reason(err, ".".join(segments))
        problems.append((_one_line(path), _one_line(reason)))
    return DocumentError(problems)


def _reason(err: ErrorDetails, path: str) -> tuple[str, str]:
    """The path and reason of one pydantic error (a tagged union's tag becomes its own field)."""
    ctx = err.get("ctx", {})
    tag = str(ctx.get("discriminator", "kind")).strip("'")
    if err["type"] == "union_tag_not_found":
        return _under(path, tag), "required, to say which kind of object this is"
    if err["type"] == "union_tag_invalid":
        # pydantic gives the tag as text: the object itself says whether it was null or 3.
        given = err.get("input")
        value = given.get(tag) if isinstance(given, dict) else ctx.get("tag")
        shown = repr(value) if isinstance(value, str) else json.dumps(value)
        return _under(path, tag), f"{shown} is not one of {ctx.get('expected_tags')}"
    message = err["msg"].removeprefix("Value error, ")
    if not path:
        # pydantic says "Input should be an object": the input is the whole document.
        message = (
            f"the document {message.removeprefix('Input ')}"
            if message.startswith("Input ")
            else f"the document: {message}"
        )
    return path, message


def _under(path: str, field: str) -> str:
    return f"{path}.{field}" if path else field


# Line breaks and other control characters a document's values may carry (pydantic quotes
# some values as they are), each shown as its escape, e.g. a newline as \n.
_CONTROL = {c: repr(chr(c))[1:-1] for c in (*range(0x20), 0x7F, 0x85, 0x2028, 0x2029)}


def _one_line(text: str) -> str:
    return text.translate(_CONTROL)


class _Repeated(Exception):  # noqa: N818 - a signal inside this module, never raised out
    pass


def _once(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        raise _Repeated
    return found


class _Marked(dict[str, Any]):
    """An object of the document in which a key appears twice (the key is kept)."""

    repeated: str


def _marked(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            marked = _Marked(pairs)
            marked.repeated = key
            return marked
        found[key] = value
    return found


def _first_marked(value: object, path: tuple[str | int, ...]) -> tuple[str | int, ...] | None:
    """The path of the first key given twice, in a document read with :func:`_marked`."""
    return _first_path(
        value, path, lambda found: (found.repeated,) if isinstance(found, _Marked) else None
    )


def _first_path(
    value: object,
    path: tuple[str | int, ...],
    hit: Callable[[object], tuple[str | int, ...] | None],
) -> tuple[str | int, ...] | None:
    """
    The path to the first part of *value* that *hit* recognises, in the document's order.

    *hit* returns ``None`` for a part it does not recognise, else the
    segments to add to the part's path (``()`` for the part itself).
    """
    here = hit(value)
    if here is not None:
        return (*path, *here)
    items = (
        value.items()
        if isinstance(value, dict)
        else enumerate(value)
        if isinstance(value, list)
        else ()
    )
    for key, item in items:
        found = _first_path(item, (*path, key), hit)
        if found is not None:
            return found
    return None


class _Unheld(Exception):  # noqa: N818 - a signal inside this module, never raised out
    """A JSON number the binary float every JSON reader holds it in would change."""

    def __init__(self, text: str, reason: str) -> None:
        super().__init__(text)
        self.text = text
        self.reason = reason


def _float(text: str) -> float:
    value = float(text)
    if value == 0:
        if any(digit in "123456789" for digit in text.lower().partition("e")[0]):
            # 1e-400 is not zero, but a binary float holds it as 0.0: a reader would take it
            # for 0.
            raise _Unheld(
                text,
                "is too small for a JSON number, which readers hold as a binary float (it "
                "would be read as 0)",
            )
        return value
    if math.isinf(value):
        raise _Unheld(
            text,
            "is too large for a JSON number, which readers hold as a binary float (it "
            "would be read as infinity)",
        )
    if Decimal(text) != Decimal(repr(value)):
        # 199999.999999999999 is read as 200000.0: a reader would take it for 200 000 euros.
        raise _Unheld(
            text,
            "has more digits than the binary float JSON readers hold it in (it would be "
            f"read as {value!r})",
        )
    return value


_CULPRIT: Final = object()


def _path_of_number(text: str, number: str) -> tuple[str | int, ...]:
    """The path of the first number written *number* in the JSON *text*."""

    def mark(written: str) -> object:
        return _CULPRIT if written == number else 0.0

    document = json.loads(text, parse_float=mark)
    return _first_path(document, (), lambda found: () if found is _CULPRIT else None) or ()


# Built once: json.loads would build a decoder on every call.
_ONCE: Final = json.JSONDecoder(object_pairs_hook=_once, parse_float=_float)


_BOM: Final = b"\xef\xbb\xbf"
# How a UTF-16 or UTF-32 document starts: a byte-order mark, or a zero byte beside "{".
_WIDE = (b"\xff\xfe", b"\xfe\xff", b"\x00")


def _not_utf8(data: bytes, start: int) -> DocumentError:
    """The document's error for a byte that is not UTF-8 (a Latin-1 "é", say), where it is."""
    line = data.count(b"\n", 0, start) + 1
    column = start - (data.rfind(b"\n", 0, start) + 1) + 1
    msg = (
        f"the document is not UTF-8: byte 0x{data[start]:02x} at line {line} column {column} "
        "(save it as UTF-8, the encoding of JSON)"
    )
    return DocumentError([("", msg)])


def _without_mark(data: str | bytes) -> tuple[str | bytes, str]:
    """Return *data* without a UTF-8 byte-order mark, and its text; refuse other encodings."""
    if isinstance(data, str):
        data = data.removeprefix("\ufeff")
        return data, data
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    elif data[:2].startswith(_WIDE) or data[1:2] == b"\x00":
        msg = (
            "the document is not UTF-8 (it looks like UTF-16 or UTF-32): save it as UTF-8, "
            "the encoding of JSON"
        )
        raise DocumentError([("", msg)])
    try:
        return data, data.decode()
    except UnicodeDecodeError as exc:
        raise _not_utf8(bytes(data), exc.start) from None


def refuse_duplicate_keys(data: str | bytes) -> str | bytes:
    """
    Refuse a JSON document in which an object names a key twice, or a number vanishes.

    Returns the document without the byte-order mark some editors write at
    the start of a UTF-8 file (RFC 8259 lets a reader ignore it), for the
    model's parser to read.

    JSON parsers disagree on such a document (most keep the last value, some
    the first, some refuse it), so a case read here could differ from the
    case a bank's own system read: it is refused, naming the key's path. So is
    a number too small for the binary float JSON readers hold it in
    (``1e-400``, read as 0).
    Text that is not valid JSON is left to the model's parser, which names
    the line and column of the error.

    Raises:
        DocumentError: ``request.amount: given twice in one object``; or a
            document in UTF-16 or UTF-32 rather than UTF-8, which says so.
        WrongTypeError: If *data* is neither text nor bytes (a dict already
            parsed, a file object, ``None``).

    >>> refuse_duplicate_keys('{"request": {"amount": "9.00", "amount": "1.00"}}')
    Traceback (most recent call last):
    ...
    poles_policy.exceptions.DocumentError: request.amount: given twice in one object
    """
    if type(data) is not bytes and type(data) is not str:
        json_text(data)
    data, text = _without_mark(data)
    try:
        _ONCE.decode(text)
    except _Repeated:
        path = _first_marked(json.loads(text, object_pairs_hook=_marked), ())
        raise at_path(path or (), "given twice in one object") from None
    except _Unheld as exc:
        msg = f"the number {exc.text} {exc.reason}: write it as a decimal string"
        raise at_path(_path_of_number(text, exc.text), msg) from None
    except (ValueError, RecursionError):
        pass  # not UTF-8 JSON (or too deep for this check): the model's parser reports it
    return data


def json_text(data: object) -> None:
    """
    Refuse *data* unless it is JSON text: a ``str``, or ``bytes`` / ``bytearray`` in UTF-8.

    Raises:
        WrongTypeError: Saying what was given instead, e.g. a dict already
            parsed (pass the text, or use ``model_validate``), a file object
            (pass its ``read()``), ``None``.

    >>> json_text({"case_id": "RA-2009-017"})
    Traceback (most recent call last):
    ...
    poles_policy.exceptions.WrongTypeError: the document must be JSON text (str or bytes), not
    dict: pass the text itself, as read from the file or the request
    """
    if isinstance(data, str | bytes | bytearray):
        return
    msg = (
        f"the document must be JSON text (str or bytes), not {type(data).__name__}: pass the "
        "text itself, as read from the file or the request"
    )
    raise WrongTypeError(msg)


def validate_json(model: type[M], data: str | bytes) -> M:
    """
    Parse *data* as JSON into *model*, turning pydantic's errors into ours.

    It refuses a key given twice in one object and a number that the binary
    float JSON readers hold numbers in would change, as every model's
    ``model_validate_json`` does; its errors are
    :class:`~poles_policy.exceptions.DocumentError`, whose ``problems`` name
    each bad field's path, on one line, where pydantic's are a
    ``ValidationError``. Then ``to_domain()`` builds the domain object.

    Raises:
        DocumentError: Naming the path of each bad field and why, or a key
            given twice in one object.

    >>> from poles_policy.boundary import validate_json
    >>> from poles_policy.boundary.actors import BankModel
    >>> validate_json(BankModel, '{"id": "bank-lyon", "name": "Banque de Lyon"}').to_domain()
    Bank(id='bank-lyon', name='Banque de Lyon')
    >>> validate_json(BankModel, '{"id": "bank-lyon", "id": "bank-paris", "name": "B"}')
    Traceback (most recent call last):
    ...
    poles_policy.exceptions.DocumentError: id: given twice in one object
    """
    given: object = model  # a caller's slip may be anything
    if not (isinstance(given, type) and issubclass(given, BaseModel)):
        msg = (
            "validate_json: model must be a boundary model class such as "
            f"poles_policy.boundary.case.RelayCaseModel, not {type(model).__name__} {model!r}"
        )
        raise WrongTypeError(msg)
    data = refuse_duplicate_keys(data)
    try:
        # The model's own validator: model_validate_json would check the text a second time.
        return cast("M", model.__pydantic_validator__.validate_json(data))
    except ValidationError as exc:
        raise document_error(exc) from None


def validate_python(model: type[M], data: Mapping[str, Any]) -> M:
    """
    Validate already-parsed data into *model*.

    Raises:
        DocumentError: Naming the path of each bad field and why.
    """
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise document_error(exc) from None


_T = TypeVar("_T")
_D = TypeVar("_D")


def at_path(segments: Sequence[str | int], reason: str) -> DocumentError:
    """The error of a document whose field at *segments* is wrong for *reason*."""
    return DocumentError([(".".join(map(str, segments)), reason)])


def distinct(field: str, what: str, keys: Iterable[str]) -> None:
    """
    Refuse a key given twice in the list *field*, at its second occurrence as written.

    The domain refuses it too, in the words of its ``unique`` check; but it
    keeps some lists sorted (budgets and measurements by year, meetings and
    a pôle's history by date) and counts their items in that order. The
    document's path counts them as written, for a form to point at the row.

    >>> distinct("budgets", "budget year", ["2010", "2009", "2010"])
    Traceback (most recent call last):
    ...
    poles_policy.exceptions.DocumentError: budgets.2: budget year '2010' appears twice (items 0
    and 2)
    """
    found = repeated(what, keys)
    if found is not None:
        raise at_path((field, found[0]), found[1])


def _locate(exc: InvalidInputError, segments: tuple[str | int, ...]) -> DocumentError:
    # The callers raise it from *exc*'s own cause: the chain keeps the domain's error.
    prefix = ".".join(map(str, segments))
    if isinstance(exc, DocumentError):
        return DocumentError(
            (_under(prefix, path) if path else prefix, why) for path, why in exc.problems
        )
    return DocumentError([(prefix, str(exc))])


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


def build_each(field: str, items: Sequence[_T], build: Callable[[_T], _D]) -> tuple[_D, ...]:
    """Build nested domain objects, locating each one's errors under ``field.index``."""
    if not items:
        return ()
    out: list[_D] = []
    try:
        for item in items:
            out.append(build(item))  # noqa: PERF401 - the handler reads len(out)
    except InvalidInputError as exc:
        # The items before the failing one were all built.
        raise _locate(exc, (field, len(out))) from exc.__cause__
    return tuple(out)
