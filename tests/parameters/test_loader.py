from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest

from poles_policy.exceptions import ParameterError, WrongTypeError
from poles_policy.parameters import load_parameters, parameters_from_toml

if TYPE_CHECKING:
    from pathlib import Path

    from poles_policy.parameters import ParameterSet

FILE = "demo.toml"


def value_table(
    *,
    valid_from: str = "2008-04-01",
    value: str = '"0.50"',
    confidence: str = '"sourced"',
    source: str = '"https://example.org/demo"',
    extra: str = "",
) -> str:
    return f"""
  [[parameter.values]]
  valid_from = {valid_from}
  value = {value}
  confidence = {confidence}
  source = {source}
  {extra}
"""


def parameter_file(
    *values: str,
    name: str = '"demo.rate"',
    unit: str = '"share"',
    description: str = '"A demo share."',
    clauses: str = '["RELAY.5"]',
    extra: str = "",
) -> str:
    body = "".join(values) if values else value_table()
    return f"""
[[parameter]]
name = {name}
description = {description}
unit = {unit}
clauses = {clauses}
{extra}
{body}
"""


def load(text: str) -> ParameterSet:
    return parameters_from_toml(text, file=FILE)


def error_of(text: str) -> str:
    with pytest.raises(ParameterError) as info:
        load(text)
    return str(info.value)


# -- a valid file ---------------------------------------------------------------------------


def test_a_valid_file_loads_each_field_of_each_value() -> None:
    params = load(
        parameter_file(
            value_table(extra='valid_until = 2013-02-28\n  note = "first"'),
            value_table(valid_from='"2013-03-01"', value='"0.40"', confidence='"assumption"'),
        )
    )
    parameter = params["demo.rate"]
    assert parameter.description == "A demo share."
    assert parameter.unit == "share"
    assert parameter.clauses == ("RELAY.5",)
    first, second = parameter.values
    assert (first.value, first.valid_from, first.valid_until) == (
        Decimal("0.50"),
        date(2008, 4, 1),
        date(2013, 2, 28),
    )
    assert (first.confidence, first.source, first.note) == (
        "sourced",
        "https://example.org/demo",
        "first",
    )
    assert (second.value, second.valid_from, second.valid_until) == (
        Decimal("0.40"),
        date(2013, 3, 1),
        None,
    )
    assert second.confidence == "assumption"
    assert second.note == ""
    assert params.label == FILE


def test_clauses_are_optional() -> None:
    text = parameter_file().replace('clauses = ["RELAY.5"]\n', "")
    assert load(text)["demo.rate"].clauses == ()


def test_an_empty_values_list_is_allowed_and_is_never_in_force() -> None:
    params = load(
        """
[[parameter]]
name = "demo.national_from"
description = "A measure announced but never decided."
unit = "date"
values = []
"""
    )
    assert params["demo.national_from"].values == ()
    assert params.at("demo.national_from", date(2010, 1, 1)) is None


@pytest.mark.parametrize(
    ("unit", "literal", "expected"),
    [
        ("share", '"0.45"', Decimal("0.45")),
        ("share", "1", Decimal(1)),
        ("rate_per_year", '"0.008"', Decimal("0.008")),
        ("rate_per_year", "1", Decimal(1)),
        ("AWU", "250", Decimal(250)),
        ("AWU", '"0.5"', Decimal("0.5")),
        ("EUR", '"50000000.00"', Decimal("50000000.00")),
        ("EUR", "1000", Decimal("1000.00")),
        ("months", "6", 6),
        ("days", "0", 0),
        ("business_days", "10", 10),
        ("count", "2", 2),
        ("date", "2010-01-01", date(2010, 1, 1)),
        ("date", '"2010-01-01"', date(2010, 1, 1)),
        ("region_codes", '["82", "11"]', ("11", "82")),
        ("region_codes", "[]", ()),
        ("bool", "false", False),
    ],
)
def test_each_unit_reads_its_values_with_their_python_type(
    unit: str, literal: str, expected: object
) -> None:
    params = load(parameter_file(value_table(value=literal), unit=f'"{unit}"'))
    value = params["demo.rate"].values[0].value
    assert value == expected
    assert type(value) is type(expected)


def test_load_parameters_reads_every_toml_file_of_a_directory_in_name_order(
    tmp_path: Path,
) -> None:
    (tmp_path / "b.toml").write_text(parameter_file(name='"b.rate"'), encoding="utf-8")
    (tmp_path / "a.toml").write_text(parameter_file(name='"a.rate"'), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a parameter file", encoding="utf-8")
    params = load_parameters(tmp_path)
    assert list(params) == ["a.rate", "b.rate"]
    assert params.label == "a.toml, b.toml"


# -- refused files: one test per check --------------------------------------------------------


def test_invalid_toml_is_refused_naming_the_file() -> None:
    message = error_of("[[parameter]\nname = ")
    assert message.startswith(f"{FILE}: not valid TOML")


def test_an_unknown_top_level_key_is_refused() -> None:
    message = error_of('title = "demo"\n' + parameter_file())
    assert FILE in message
    assert "'title'" in message


def test_an_unknown_parameter_key_is_refused_naming_file_parameter_and_key() -> None:
    message = error_of(parameter_file(extra='units = "share"'))
    assert message.startswith(f"{FILE}: parameter 'demo.rate': unknown key 'units'")


def test_an_unknown_value_key_is_refused_naming_the_value() -> None:
    message = error_of(parameter_file(value_table(extra="valid_to = 2009-01-01")))
    assert message.startswith(f"{FILE}: parameter 'demo.rate': values[0]: unknown key 'valid_to'")


@pytest.mark.parametrize("key", ["description", "unit", "values"])
def test_a_parameter_without_a_required_key_is_refused(key: str) -> None:
    lines = parameter_file().splitlines(keepends=True)
    if key == "values":
        text = "".join(lines[: lines.index("  [[parameter.values]]\n")])
    else:
        text = "".join(line for line in lines if not line.startswith(f"{key} ="))
    message = error_of(text)
    assert message == f"{FILE}: parameter 'demo.rate': missing '{key}'"


def test_a_parameter_without_a_name_is_refused_naming_its_position() -> None:
    text = parameter_file().replace('name = "demo.rate"\n', "")
    assert error_of(text) == f"{FILE}: parameter[0]: missing 'name'"


@pytest.mark.parametrize("key", ["valid_from", "value", "confidence", "source"])
def test_a_value_without_a_required_key_is_refused(key: str) -> None:
    text = "".join(
        line for line in parameter_file().splitlines(keepends=True) if f"{key} =" not in line
    )
    assert error_of(text) == f"{FILE}: parameter 'demo.rate': values[0]: missing '{key}'"


@pytest.mark.parametrize(
    "name",
    ["rate", "Relay.rate", "relay..rate", "relay.rate.", "1relay.rate", "relay.Rate", "a-b.c"],
)
def test_a_name_that_is_not_dotted_lower_case_words_is_refused(name: str) -> None:
    message = error_of(parameter_file(name=f'"{name}"'))
    assert FILE in message
    assert f"name {name!r}" in message


def test_a_name_defined_twice_in_one_file_is_refused() -> None:
    message = error_of(parameter_file() + parameter_file())
    assert message == f"{FILE}: parameter 'demo.rate' is defined twice"


def test_a_name_defined_in_two_files_is_refused_naming_both(tmp_path: Path) -> None:
    first, second = tmp_path / "a.toml", tmp_path / "b.toml"
    first.write_text(parameter_file(), encoding="utf-8")
    second.write_text(parameter_file(), encoding="utf-8")
    with pytest.raises(ParameterError) as info:
        load_parameters(first, second)
    assert str(info.value) == f"{second}: parameter 'demo.rate' is already defined in {first}"


def test_an_unknown_clause_id_is_a_parameter_error_naming_the_file() -> None:
    message = error_of(parameter_file(clauses='["RELAY.99"]'))
    assert message.startswith(f"{FILE}: parameter 'demo.rate': unknown clause id 'RELAY.99'")


def test_clauses_that_are_not_a_list_of_strings_are_refused() -> None:
    message = error_of(parameter_file(clauses='"RELAY.5"'))
    assert message.startswith(f"{FILE}: parameter 'demo.rate': clauses 'RELAY.5'")


def test_an_unknown_unit_is_refused() -> None:
    message = error_of(parameter_file(unit='"percent"'))
    assert message.startswith(f"{FILE}: parameter 'demo.rate': unknown unit 'percent'")


def test_an_empty_description_is_refused() -> None:
    message = error_of(parameter_file(description='"  "'))
    assert message == f"{FILE}: parameter 'demo.rate': description '  ' is empty"


@pytest.mark.parametrize(
    ("literal", "shown"),
    [
        ('"01/04/2008"', "'01/04/2008'"),
        ('"2008-4-1"', "'2008-4-1'"),
        ('"20080401"', "'20080401'"),
        ('"2008-02-30"', "'2008-02-30'"),
        ("2008-04-01T00:00:00", "'2008-04-01T00:00:00'"),
        ("2008", "2008"),
    ],
)
def test_a_date_that_is_not_an_iso_day_is_refused(literal: str, shown: str) -> None:
    message = error_of(parameter_file(value_table(valid_from=literal)))
    assert message.startswith(f"{FILE}: parameter 'demo.rate': values[0]: valid_from {shown}")


def test_a_non_iso_valid_until_is_refused() -> None:
    message = error_of(parameter_file(value_table(extra='valid_until = "31/12/2009"')))
    assert message.startswith(
        f"{FILE}: parameter 'demo.rate': values[0]: valid_until '31/12/2009' is not an ISO date"
    )


def test_values_not_sorted_by_valid_from_are_refused() -> None:
    message = error_of(
        parameter_file(
            value_table(valid_from="2010-01-01"),
            value_table(valid_from="2009-01-01", extra="valid_until = 2009-06-30"),
        )
    )
    assert message.startswith(f"{FILE}: parameter 'demo.rate': values[1]: valid_from 2009-01-01")
    assert "sorted by valid_from" in message


def test_a_value_open_ended_before_another_overlaps_it() -> None:
    message = error_of(
        parameter_file(value_table(valid_from="2008-01-01"), value_table(valid_from="2010-01-01"))
    )
    assert message.startswith(f"{FILE}: parameter 'demo.rate': values[1]: valid_from 2010-01-01")
    assert "overlaps values[0] (valid until open)" in message


def test_a_value_ending_on_the_day_the_next_starts_overlaps_it() -> None:
    message = error_of(
        parameter_file(
            value_table(valid_from="2008-01-01", extra="valid_until = 2010-01-01"),
            value_table(valid_from="2010-01-01"),
        )
    )
    assert "overlaps values[0] (valid until 2010-01-01)" in message


def test_a_value_ending_the_day_before_the_next_starts_is_accepted() -> None:
    params = load(
        parameter_file(
            value_table(valid_from="2008-01-01", extra="valid_until = 2009-12-31"),
            value_table(valid_from="2010-01-01"),
        )
    )
    assert len(params["demo.rate"].values) == 2


def test_valid_until_before_valid_from_is_refused() -> None:
    message = error_of(parameter_file(value_table(extra="valid_until = 2008-03-31")))
    assert message == (
        f"{FILE}: parameter 'demo.rate': values[0]: "
        "valid_until 2008-03-31 is before valid_from 2008-04-01"
    )


def test_a_toml_float_for_a_decimal_unit_is_refused_saying_why() -> None:
    message = error_of(parameter_file(value_table(value="0.5")))
    assert message.startswith(f"{FILE}: parameter 'demo.rate': values[0]: value 0.5 is a float")
    assert "inexact" in message
    assert 'value = "0.5"' in message


@pytest.mark.parametrize(
    ("unit", "literal", "fragment"),
    [
        ("share", '"1.5"', "above 1"),
        ("share", '"-0.1"', "negative"),
        ("share", '"1e-1"', "not a plain decimal"),
        ("share", "true", "not a decimal number"),
        ("rate_per_year", '"-0.01"', "negative"),
        ("rate_per_year", '"6"', "above 1"),
        ("rate_per_year", '"1.000001"', "above 1"),
        ("rate_per_year", "0.008", "float"),
        ("AWU", "250.0", "float"),
        ("EUR", '"10.001"', "more than two decimals"),
        ("EUR", "12.5", "float"),
        ("EUR", '"-1.00"', "negative"),
        ("months", '"6"', "not a whole number"),
        ("months", "6.0", "float"),
        ("days", "-1", "negative"),
        ("count", "true", "not a whole number"),
        ("date", '"01/04/2010"', "not an ISO date"),
        ("date", "2010-01-01T08:00:00", "date-time"),
        ("region_codes", '"82"', "not a list of region codes"),
        ("region_codes", "[82]", "not a two-digit INSEE region code"),
        ("region_codes", '["820"]', "not a two-digit INSEE region code"),
        ("region_codes", '["82", "82"]', "listed twice"),
        ("bool", '"false"', "not a boolean"),
        ("bool", "0", "not a boolean"),
    ],
)
def test_a_value_of_the_wrong_type_for_its_unit_is_refused(
    unit: str, literal: str, fragment: str
) -> None:
    message = error_of(parameter_file(value_table(value=literal), unit=f'"{unit}"'))
    assert message.startswith(f"{FILE}: parameter 'demo.rate': values[0]: value ")
    assert fragment in message


@pytest.mark.parametrize("confidence", ['"seen"', '"Sourced"', '""'])
def test_a_confidence_outside_text_sourced_assumption_is_refused(confidence: str) -> None:
    message = error_of(parameter_file(value_table(confidence=confidence)))
    assert message.startswith(f"{FILE}: parameter 'demo.rate': values[0]: confidence ")
    assert "text, sourced, assumption" in message


@pytest.mark.parametrize("source", ['""', '"   "'])
def test_an_empty_source_is_refused(source: str) -> None:
    message = error_of(parameter_file(value_table(source=source)))
    assert message.startswith(f"{FILE}: parameter 'demo.rate': values[0]: source ")
    assert "empty" in message


def test_a_missing_file_is_a_parameter_error_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "missing.toml"
    with pytest.raises(
        ParameterError, match=r"missing\.toml: cannot be read: No such file or directory$"
    ):
        load_parameters(missing)


def test_a_path_may_be_given_as_text(tmp_path: Path) -> None:
    # As a notebook's user types it: a directory or a file, by its name.
    (tmp_path / "demo.toml").write_text(parameter_file(value_table()), encoding="utf-8")
    assert load_parameters(str(tmp_path)) == load_parameters(tmp_path)
    assert load_parameters(str(tmp_path / "demo.toml")).label == "demo.toml"
    with pytest.raises(ParameterError, match=r"nope\.toml: cannot be read: No such file"):
        load_parameters(str(tmp_path / "nope.toml"))


@pytest.mark.parametrize(
    ("path", "message"),
    [
        (None, r"not NoneType None$"),
        (b"relay.toml", r"not bytes b'relay.toml'$"),
        (["relay.toml"], r"not list \['relay.toml'\] \(unpack a list of paths with \*\)$"),
    ],
)
def test_a_path_of_another_type_is_named(path: object, message: str) -> None:
    prefix = (
        r"^load_parameters: each path must be a string, a pathlib\.Path or a packaged resource, "
    )
    with pytest.raises(WrongTypeError, match=prefix + message):
        load_parameters(path)  # type: ignore[arg-type]


def test_a_label_that_is_not_text_is_named(tmp_path: Path) -> None:
    with pytest.raises(WrongTypeError, match=r"^load_parameters: label must be a string or None"):
        load_parameters(tmp_path, label=3)  # type: ignore[arg-type]


def test_a_file_that_is_not_utf8_says_so(tmp_path: Path) -> None:
    latin = tmp_path / "latin.toml"
    latin.write_bytes('[[parameter]]\nname = "région"\n'.encode("latin-1"))
    with pytest.raises(ParameterError, match=r"latin\.toml: cannot be read: not UTF-8 text \("):
        load_parameters(latin)


def test_a_directory_without_parameter_files_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ParameterError, match="no parameter file found"):
        load_parameters(tmp_path)
