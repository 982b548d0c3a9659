"""
The exact field types: JSON and Python inputs read alike; plain spellings read as any other.

In JSON, pydantic reads the plain spelling of an amount, a decimal or a date
natively and passes anything else to the Python reader; the first tests
check that a document's field gives the same value, or the same error, as
the same value given in Python, where the Python reader reads everything.
The Python readers also take a shortcut for plain spellings; the last tests
check it against their general path.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import jsonschema
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from pydantic import Field, ValidationError

from poles_policy.boundary._base import (
    IsoDate,
    Model,
    Money,
    Share,
    _any_decimal,
    _any_iso_date,
    _any_money,
    _iso_date,
    _money,
    exact_decimal,
    validate_json,
)
from poles_policy.boundary.actors import Awu
from poles_policy.boundary.contracts import MeasurementModel, Number
from poles_policy.boundary.poles import PoleModel
from poles_policy.exceptions import InvalidInputError

if TYPE_CHECKING:
    from collections.abc import Callable


class AmountDocument(Model):
    value: Money


class PositiveAmountDocument(Model):
    value: Money = Field(gt=0)


class ShareDocument(Model):
    value: Share


class DateDocument(Model):
    value: IsoDate


class StaffDocument(Model):
    value: Awu


class NumberDocument(Model):
    value: Number


class OptionalDateDocument(Model):
    value: IsoDate | None = None


DOCUMENTS = [
    AmountDocument,
    PositiveAmountDocument,
    ShareDocument,
    DateDocument,
    StaffDocument,
    NumberDocument,
    OptionalDateDocument,
]

EDGE_CASES = [
    "1250.50",
    "0.00",
    "-0.00",
    "-5.00",
    "12",
    "12.5",
    "1000.125",
    "1.100",
    "007.10",
    " 1.50",
    "1.50\n",
    "1e2",
    "1E+2",
    "+1",
    ".5",
    "5.",
    "1_000",
    "NaN",
    "Infinity",
    "٣.٥٠",
    "１.５",
    "0",
    "0.045",
    "1",
    "1.0",
    "1.5",
    "-0.1",
    "36",
    "41.5",
    "99999999999999999999999999.99",
    "999999999999999999999999999.99",
    "2009-03-02",
    "2009-02-29",
    "2008-02-29",
    "2009-3-2",
    "0000-01-01",
    "9999-12-31",
    "02/03/2009",
    "20090302",
    "2009-03-02T00:00:00",
    "2009-W10-1",
    "٢٠٠٩-03-02",
    "",
    " ",
]
JSON_VALUES = (
    st.sampled_from(EDGE_CASES)
    | st.from_regex(r"-?[0-9]{1,30}(\.[0-9]{0,4})?", fullmatch=True)
    | st.from_regex(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", fullmatch=True)
    | st.text(max_size=12)
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.booleans()
    | st.none()
    | st.lists(st.integers(), max_size=2)
)


def read(document: type[Model], value: object, *, in_json: bool) -> tuple[object, ...]:
    """The value a document's field holds, or the errors, or the exception raised."""
    try:
        if in_json:
            parsed = document.model_validate_json(json.dumps({"value": value}))
        else:
            parsed = document.model_validate({"value": value})
    except ValidationError as exc:
        errors = exc.errors(include_url=False, include_context=False)
        return ("refused", [(e["loc"], e["type"], e["msg"], repr(e["input"])) for e in errors])
    except ArithmeticError as exc:
        return ("raised", type(exc))
    return ("read", repr(parsed.model_dump()["value"]))


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: d.__name__)
@given(value=JSON_VALUES)
def test_a_field_reads_a_json_value_as_the_same_python_value(
    document: type[Model], value: object
) -> None:
    assert read(document, value, in_json=True) == read(document, value, in_json=False)


@pytest.mark.parametrize(
    ("document", "text", "value"),
    [
        (AmountDocument, '"1250.50"', Decimal("1250.50")),
        (AmountDocument, '"12.5"', Decimal("12.50")),
        (AmountDocument, "12", Decimal("12.00")),
        (AmountDocument, "0.1", Decimal("0.10")),
        (ShareDocument, '"0.045"', Decimal("0.045")),
        (StaffDocument, '"41.5"', Decimal("41.5")),
        (StaffDocument, '"36"', Decimal(36)),
    ],
)
def test_a_json_value_is_read_exactly(document: type[Model], text: str, value: Decimal) -> None:
    read_value = document.model_validate_json(f'{{"value": {text}}}').model_dump()["value"]
    assert repr(read_value) == repr(value)


def test_a_json_error_comes_from_the_python_reader() -> None:
    with pytest.raises(ValidationError, match=r"Value error, '02/03/2009' is not an ISO date"):
        DateDocument.model_validate_json('{"value": "02/03/2009"}')
    with pytest.raises(ValidationError, match=r"Value error, share 1\.5 must lie between 0 and 1"):
        ShareDocument.model_validate_json('{"value": "1.5"}')
    with pytest.raises(ValidationError, match=r"Input should be greater than 0"):
        PositiveAmountDocument.model_validate_json('{"value": "0.00"}')


# --- the Python readers' shortcut -----------------------------------------------------------

TEXTS = (
    st.sampled_from(EDGE_CASES)
    | st.from_regex(r"-?[0-9]{1,30}(\.[0-9]{0,4})?", fullmatch=True)
    | st.from_regex(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", fullmatch=True)
    | st.text(max_size=12)
)


def outcome(reader: Callable[[Any], object], value: object) -> tuple[object, ...]:
    try:
        got = reader(value)
    except ValueError as exc:
        return ("refused", type(exc), str(exc))
    except ArithmeticError as exc:
        return ("raised", type(exc))
    return ("read", repr(got))


@given(TEXTS)
@example("1000.125")
def test_an_amount_is_read_as_by_the_general_reader(text: str) -> None:
    assert outcome(_money, text) == outcome(_any_money, text)


@given(TEXTS)
def test_a_decimal_is_read_as_by_the_general_reader(text: str) -> None:
    assert outcome(lambda v: exact_decimal(v, "x"), text) == outcome(
        lambda v: _any_decimal(v, "x"), text
    )


@given(TEXTS | st.dates().map(lambda d: d.isoformat()))
@example("2009-02-29")
def test_a_date_is_read_as_by_the_general_reader(text: str) -> None:
    assert outcome(_iso_date, text) == outcome(_any_iso_date, text)


# --- the readers accept no string the published schemas refuse -------------------------------

STRING_DOCUMENTS = [AmountDocument, ShareDocument, DateDocument, StaffDocument, NumberDocument]


@pytest.mark.parametrize("document", STRING_DOCUMENTS, ids=lambda d: d.__name__)
@given(text=TEXTS)
@example(text=" 200000.00")
@example(text="200000.00 ")
@example(text="２００")
@example(text="٢٠٠٠٠٠")
@example(text="1.100")
@example(text="00")
@example(text="00.5")
@example(text="0.5e0")
@example(text=" 1")
def test_a_string_the_schema_refuses_is_refused(document: type[Model], text: str) -> None:
    # A client that checks a document against the schema first must not find the library
    # looser than the schema (surrounding blanks, non-ASCII digits, extra decimals).
    schema = jsonschema.Draft202012Validator(document.model_json_schema())
    if read(document, text, in_json=True)[0] == "read":
        assert schema.is_valid({"value": text})
    if read(document, text, in_json=False)[0] == "read":
        assert schema.is_valid({"value": text})


@pytest.mark.parametrize("text", [" 200000.00", "200000.00 ", "２００", "٢٠٠٠٠٠", "1.100"])
def test_an_amount_with_blanks_foreign_digits_or_three_decimals_is_refused(text: str) -> None:
    with pytest.raises(ValidationError, match="amount"):
        AmountDocument.model_validate_json(json.dumps({"value": text}))


@pytest.mark.parametrize("text", ["00", "00.5", "01", "0.5e0", "0E+1", " 1", "1 ", "-0.00"])
def test_a_share_not_written_as_a_share_is_refused_in_json_and_python(text: str) -> None:
    for in_json in (True, False):
        assert read(ShareDocument, text, in_json=in_json)[0] == "refused", (text, in_json)


@pytest.mark.parametrize("year", [True, "2011", 2011.0])
def test_a_year_is_a_json_integer_only(year: object) -> None:
    # The schemas say "integer", and the domain refuses True: the JSON path must not
    # turn true into 1, or "2011" and 2011.0 into 2011.
    with pytest.raises(InvalidInputError, match=r"^year: Input should be a valid integer"):
        validate_json(MeasurementModel, json.dumps({"year": year, "value": "1"}))


@pytest.mark.parametrize("group", [True, "2", 2.0])
def test_a_2008_group_is_a_json_integer_only(group: object) -> None:
    document = {"id": "p", "name": "P", "category": "national", "head_office_region": "82"}
    with pytest.raises(InvalidInputError, match=r"^evaluation_group_2008: .* is not a group"):
        validate_json(PoleModel, json.dumps({**document, "evaluation_group_2008": group}))
