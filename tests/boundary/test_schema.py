"""The committed JSON Schemas, and the JSON form of a decision."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from poles_policy.boundary._base import validate_json
from poles_policy.boundary.case import dump_case, parse_case
from poles_policy.boundary.platforms import AllocationModel
from poles_policy.boundary.schema import (
    JSON_SCHEMA_DIALECT,
    DecisionModel,
    schema,
    schema_names,
    schema_text,
    schemas,
)
from poles_policy.exceptions import DocumentError, InvalidInputError
from poles_policy.parameters import default_parameters
from poles_policy.rules.relay import assess_case, eligibility

if TYPE_CHECKING:
    from poles_policy.explain import Decision

ROOT = Path(__file__).parents[2]
SCHEMA_DIR = ROOT / "docs" / "schema"
EXAMPLES = ROOT / "docs" / "examples"
REGENERATE = "regenerate them with: poles-policy schema --write docs/schema"


def decision_of(example: str) -> Decision:
    case = parse_case((EXAMPLES / example).read_bytes())
    return eligibility(case.request, default_parameters())


# --- the committed files ----------------------------------------------------------------------


@pytest.mark.parametrize("name", schema_names())
def test_the_committed_schema_is_up_to_date(name: str) -> None:
    path = SCHEMA_DIR / f"{name}.schema.json"
    assert path.is_file(), f"{path.relative_to(ROOT)} is missing; {REGENERATE}"
    assert path.read_text(encoding="utf-8") == schema_text(name), (
        f"{path.relative_to(ROOT)} is out of date; {REGENERATE}"
    )


def test_every_committed_schema_is_a_known_document_type() -> None:
    committed = {p.name.removesuffix(".schema.json") for p in SCHEMA_DIR.glob("*.json")}
    stale = sorted(committed - set(schema_names()))
    assert not stale, f"no document type for docs/schema/{stale}: delete the files"


def test_the_exported_document_types_include_the_relay_ones() -> None:
    assert {
        "relay-case",
        "collaborative-project",
        "actor",
        "relay-request",
        "relay-loan",
        "decision",
    } <= set(schemas())


def test_a_schema_text_is_sorted_indented_and_ends_with_a_newline() -> None:
    text = schema_text("relay-loan")
    assert text.endswith("}\n")
    assert text == json.dumps(json.loads(text), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert json.loads(text)["$schema"] == JSON_SCHEMA_DIALECT


def test_an_unknown_schema_name_is_an_input_error_listing_the_known_ones() -> None:
    with pytest.raises(InvalidInputError, match=r"unknown schema 'case'; known: actor, "):
        schema("case")


# --- what the relay-case schema says ----------------------------------------------------------


def test_the_relay_case_schema_describes_every_field_of_the_case_and_its_parts() -> None:
    relay_case = schemas()["relay-case"]
    objects: list[dict[str, Any]] = [
        relay_case,
        relay_case["$defs"]["CaseRequestModel"],
        relay_case["$defs"]["CaseLoanModel"],
    ]
    for obj in objects:
        assert obj["additionalProperties"] is False
        for name, prop in obj["properties"].items():
            assert prop.get("description"), f"{obj['title']}.{name} has no description"
    assert relay_case["required"] == ["case_id", "applicant", "project", "request"]
    assert (
        "in euros" in relay_case["$defs"]["CaseRequestModel"]["properties"]["amount"]["description"]
    )


def test_the_decision_schema_lists_the_clause_ids_and_statuses() -> None:
    decision = schemas()["decision"]
    clauses = decision["$defs"]["CheckModel"]["properties"]["clauses"]["items"]["enum"]
    assert "RELAY.3" in clauses
    assert decision["$defs"]["Status"]["enum"] == ["met", "not_met", "unknown", "not_applicable"]


def test_the_examples_are_valid_against_the_committed_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    relay_case = json.loads((SCHEMA_DIR / "relay-case.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(relay_case)
    for example in ("relay-case.json", "relay-case-undetermined.json"):
        validator.validate(json.loads((EXAMPLES / example).read_text(encoding="utf-8")))
    decision = json.loads((SCHEMA_DIR / "decision.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(decision).validate(decision_of("relay-case.json").to_dict())


# --- decisions as JSON ------------------------------------------------------------------------


@pytest.mark.parametrize("example", ["relay-case.json", "relay-case-undetermined.json"])
def test_a_decision_survives_json(example: str) -> None:
    decision = decision_of(example)
    text = DecisionModel.from_domain(decision).model_dump_json()
    assert validate_json(DecisionModel, text).to_domain() == decision
    assert json.loads(text) == decision.to_dict()


def test_a_decision_whose_outcome_disagrees_with_its_checks_is_refused() -> None:
    data = decision_of("relay-case-undetermined.json").to_dict()
    data["outcome"] = "eligible"
    model = validate_json(DecisionModel, json.dumps(data))
    with pytest.raises(InvalidInputError, match="disagrees with the checks"):
        model.to_domain()


def test_a_decision_s_fields_that_disagree_with_its_checks_are_refused_at_their_paths() -> None:
    data = decision_of("relay-case-undetermined.json").to_dict()
    assert [f["path"] for f in data["missing"]] == ["project.selection_letter_on"]
    # The missing facts given are read, not replaced by the checks' own.
    for missing, shown in (
        ([], "[]"),
        ([{**data["missing"][0], "path": "request.amount"}], "[request.amount]"),
        (data["missing"] * 2, "[project.selection_letter_on, project.selection_letter_on]"),
    ):
        with pytest.raises(DocumentError) as caught:
            validate_json(DecisionModel, json.dumps({**data, "missing": missing})).to_domain()
        assert caught.value.problems == (
            (
                "missing",
                (
                    f"{shown} disagrees with the facts the checks ask for, in asking order, "
                    "each once: [project.selection_letter_on]"
                ),
            ),
        )
    reworded = [{**data["missing"][0], "question": {"en": "When?", "fr": "Quand ?"}}]
    with pytest.raises(DocumentError) as question:
        validate_json(DecisionModel, json.dumps({**data, "missing": reworded})).to_domain()
    assert question.value.problems == (
        ("missing", "the questions differ from those the checks ask"),
    )
    with pytest.raises(DocumentError) as outcome:
        validate_json(DecisionModel, json.dumps({**data, "outcome": "eligible"})).to_domain()
    assert outcome.value.problems == (
        ("outcome", "'eligible' disagrees with the checks (undetermined)"),
    )
    met = next(c for c in data["checks"] if c["status"] == "met")
    met["missing"] = data["missing"]
    with pytest.raises(DocumentError) as check:
        validate_json(DecisionModel, json.dumps(data)).to_domain()
    [(path, reason)] = check.value.problems
    assert path == f"checks.{data['checks'].index(met)}"
    assert reason.endswith("missing facts are only meaningful when UNKNOWN")


def test_an_unknown_clause_id_in_a_decision_names_its_path() -> None:
    data = decision_of("relay-case.json").to_dict()
    data["checks"][1]["clauses"] = ["RELAY.9"]
    with pytest.raises(InvalidInputError, match=r"^checks\.1\.clauses\.0: unknown clause id"):
        validate_json(DecisionModel, json.dumps(data))


@pytest.mark.parametrize("rate", ["0.0000001", "0.000000000000000000000000000001"])
def test_a_tiny_rate_is_written_as_plain_decimal_text_that_reads_back(rate: str) -> None:
    # str(Decimal("0.0000001")) is "1E-7": the case's round trip and the assessment's schema
    # both refused it.
    jsonschema = pytest.importorskip("jsonschema")
    data = json.loads((EXAMPLES / "relay-case.json").read_text(encoding="utf-8"))
    data["loan"]["annual_rate"] = rate
    case = parse_case(json.dumps(data))
    written = dump_case(case)
    assert json.loads(written)["loan"]["annual_rate"] == rate
    assert parse_case(written) == case
    assessment = assess_case(case, default_parameters()).to_dict(brief=True)
    assert assessment["cost"]["annual_rate"] == rate
    brief = json.loads((SCHEMA_DIR / "relay-assessment-brief.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator(brief).validate(assessment)


def _amounts() -> st.SearchStrategy[object]:
    texts = st.from_regex(r"-?[0-9]{1,4}(\.[0-9]{0,3})?", fullmatch=True)
    places = st.integers(0, 3)
    numbers = places.flatmap(lambda n: st.decimals(min_value=-100, max_value=10**6, places=n))
    return st.one_of(texts, st.integers(-100, 10**6), numbers.map(float))


def _set(document: dict[str, Any], path: tuple[str | int, ...], value: object) -> None:
    target: Any = document
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value


# Each field with no other invariant on it (the loan is left out when the request's amount
# varies: a principal above the amount requested is refused for that reason).
_AMOUNT_FIELDS = {
    "request.amount (positive)": ("request", "amount"),
    "loan.fees (non-negative)": ("loan", "fees"),
    "aid granted (non-negative)": ("project", "aid", 0, "partners", 1, "granted"),
    "staff_awu (non-negative)": ("applicant", "accounts", 0, "staff_awu"),
}


@settings(max_examples=300)
@given(field=st.sampled_from(sorted(_AMOUNT_FIELDS)), value=_amounts())
def test_the_case_schema_accepts_the_amounts_parse_case_accepts_and_refuses_what_it_refuses(
    field: str, value: object
) -> None:
    # A desk that validates cases with the published schema first must neither pass an amount
    # the library refuses (a negative one) nor refuse one it accepts (0.07 with multipleOf).
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((SCHEMA_DIR / "relay-case.schema.json").read_text(encoding="utf-8"))
    document = json.loads((EXAMPLES / "relay-case.json").read_text(encoding="utf-8"))
    path = _AMOUNT_FIELDS[field]
    if path[0] == "request":
        del document["loan"]
    if path[0] == "applicant":
        document["project"]["partners"][0]["actor"] = document["applicant"]
    _set(document, path, value)
    text = json.dumps(document)
    in_schema = jsonschema.Draft202012Validator(schema).is_valid(json.loads(text))
    try:
        parse_case(text)
    except InvalidInputError:
        accepted = False
    else:
        accepted = True
    if accepted:
        assert in_schema, f"{field} = {value!r}: accepted, but refused by the schema"
    # A number with more than two decimals passes the schema (which says "exact to the cent"
    # in words only) and is refused by the reader; every other refusal is the schema's too.
    elif not (isinstance(value, float) and "staff" not in field and value != round(value, 2)):
        assert not in_schema, f"{field} = {value!r}: refused, but valid by the schema"


_REFUSED_BY_BOTH: dict[str, tuple[tuple[str | int, ...], object]] = {
    "an applicant without its kind": (("applicant", "kind"), None),
    "an empty case id": (("case_id",), ""),
    "a blank applicant name": (("applicant", "name"), "  "),
    "an empty project id": (("project", "id"), ""),
    "an empty aid scheme": (("project", "aid", 0, "scheme"), ""),
    "an empty aided partner id": (("project", "aid", 0, "partners", 1, "partner_id"), ""),
}


@pytest.mark.parametrize("mistake", sorted(_REFUSED_BY_BOTH))
def test_the_case_schema_refuses_what_the_reader_refuses_for_want_of_a_value(
    mistake: str,
) -> None:
    # A form validated against the published schema must not send what the reader refuses:
    # the actor's kind is required where an actor of any kind stands, ids and names non-blank.
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((SCHEMA_DIR / "relay-case.schema.json").read_text(encoding="utf-8"))
    document = json.loads((EXAMPLES / "relay-case.json").read_text(encoding="utf-8"))
    path, value = _REFUSED_BY_BOTH[mistake]
    if value is None:
        parent: Any = document
        for key in path[:-1]:
            parent = parent[key]
        del parent[path[-1]]
    else:
        _set(document, path, value)
    assert not jsonschema.Draft202012Validator(schema).is_valid(document)
    with pytest.raises(InvalidInputError):
        parse_case(json.dumps(document))


@pytest.mark.parametrize(("year", "valid"), [(0, False), (1, True), (9999, True), (10000, False)])
def test_the_schemas_bound_a_calendar_year_as_the_domain_does(year: int, valid: bool) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    allocation = schema("allocation")
    document = {"ministry": "MESR", "body": "CNRS", "year": year, "amount": "1000.00"}
    assert jsonschema.Draft202012Validator(allocation).is_valid(document) is valid
    if valid:
        assert validate_json(AllocationModel, json.dumps(document)).to_domain().year == year
    else:
        with pytest.raises(InvalidInputError, match=r"is not a calendar year \(1 to 9999\)"):
            validate_json(AllocationModel, json.dumps(document)).to_domain()
