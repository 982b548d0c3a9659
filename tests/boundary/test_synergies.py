"""The JSON form of a pôle's research members and cooperation structures (SYN.3)."""

from __future__ import annotations

import json
import string
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from poles_policy.boundary._base import validate_json, validate_python
from poles_policy.boundary.schema import schema_names
from poles_policy.boundary.synergies import (
    CooperationReportModel,
    InvolvementModel,
    PoleSynergiesModel,
)
from poles_policy.exceptions import InvalidInputError
from poles_policy.model._validators import readable
from poles_policy.model.actors import CooperationKind
from poles_policy.model.synergies import Involvement, PoleSynergies
from poles_policy.rules.synergies import cooperation_involvement
from poles_policy.testing import pole_synergies

SCHEMA = Path(__file__).parents[2] / "docs" / "schema" / "pole-synergies.schema.json"

IDS = st.text(alphabet=string.ascii_lowercase + string.digits + "-", min_size=1, max_size=8)
NAMES = st.text(min_size=1, max_size=12).filter(readable)


@st.composite
def synergies_documents(draw: st.DrawFn) -> PoleSynergies:
    """
    Generate the kit's pôle synergies, with any text in names and notes, regions perhaps unknown.

    The kit draws the members, structures and involvements valid by
    construction; arbitrary text (quotes, control characters, any script)
    exercises the JSON encoding.
    """
    synergies = draw(pole_synergies(pole_id=draw(IDS)))
    return attrs.evolve(
        synergies,
        members=[
            attrs.evolve(m, name=draw(NAMES), region=draw(st.none() | st.just(m.region)))
            for m in synergies.members
        ],
        structures=[attrs.evolve(s, name=draw(NAMES)) for s in synergies.structures],
        involvements=[
            attrs.evolve(i, note=draw(st.none() | st.text(max_size=20).filter(str.strip)))
            for i in synergies.involvements
        ],
    )


# --- round trips: domain -> JSON -> domain is the identity ----------------------------------


@given(synergies_documents())
def test_pole_synergies_survive_json(synergies: PoleSynergies) -> None:
    text = PoleSynergiesModel.from_domain(synergies).model_dump_json()
    assert validate_json(PoleSynergiesModel, text).to_domain() == synergies


@given(synergies_documents())
def test_the_json_form_is_valid_against_the_committed_schema(synergies: PoleSynergies) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    document = PoleSynergiesModel.from_domain(synergies).model_dump(mode="json")
    jsonschema.Draft202012Validator(schema).validate(document)


# --- the JSON form --------------------------------------------------------------------------


def _document() -> dict[str, Any]:
    return {
        "pole_id": "minalogic",
        "members": [
            {"id": "univ-a", "name": "University A", "research_kind": "higher_education"},
            {
                "id": "centre-c",
                "name": "Centre C",
                "research_kind": "private_non_profit",
                "public": False,
            },
        ],
        "structures": [
            {
                "id": "pres-a",
                "name": "PRES A",
                "structure_kind": "pres",
                "founders": ["univ-a", "univ-elsewhere"],
            },
            {"id": "incubator-a", "name": "Incubator A", "structure_kind": "incubator"},
        ],
        "involvements": [
            {"structure_id": "pres-a", "in_strategy": True, "in_actions": False, "note": "minutes"}
        ],
    }


def test_a_document_reads_with_kind_tags_omitted() -> None:
    synergies = validate_python(PoleSynergiesModel, _document()).to_domain()
    assert [m.public for m in synergies.members] == [True, False]
    assert synergies.structures[0].kind is CooperationKind.PRES
    assert synergies.structures[1].founders == ()
    recorded = synergies.involvement("pres-a")
    assert recorded == Involvement(
        structure_id="pres-a", in_strategy=True, in_actions=False, note="minutes"
    )


def test_the_json_form_writes_the_kind_tags_and_the_note() -> None:
    synergies = validate_python(PoleSynergiesModel, _document()).to_domain()
    data = PoleSynergiesModel.from_domain(synergies).model_dump(mode="json")
    assert data["members"][0]["kind"] == "research_organisation"
    assert data["structures"][0]["kind"] == "cooperation_structure"
    assert data["involvements"][0] == {
        "structure_id": "pres-a",
        "in_strategy": True,
        "in_actions": False,
        "note": "minutes",
    }


def test_an_unknown_field_is_refused_with_its_path() -> None:
    data = _document()
    data["involvements"][0]["in_governance"] = True
    with pytest.raises(
        InvalidInputError, match=r"^involvements\.0\.in_governance: Extra inputs are not permitted"
    ):
        validate_python(PoleSynergiesModel, data)


def test_an_unknown_top_level_field_is_refused() -> None:
    with pytest.raises(InvalidInputError, match=r"^synergies: Extra inputs are not permitted"):
        validate_json(PoleSynergiesModel, '{"pole_id": "p", "synergies": []}')


def test_a_bad_flag_is_refused_with_its_path() -> None:
    data = _document()
    data["involvements"][0]["in_actions"] = "sometimes"
    with pytest.raises(InvalidInputError, match=r"^involvements\.0\.in_actions: Input should be"):
        validate_python(PoleSynergiesModel, data)


def test_a_bad_structure_kind_is_refused_with_its_path() -> None:
    data = _document()
    data["structures"][1]["structure_kind"] = "cluster"
    with pytest.raises(InvalidInputError, match=r"^structures\.1\.structure_kind: Input should be"):
        validate_python(PoleSynergiesModel, data)


def test_a_missing_flag_is_refused_with_its_path() -> None:
    data = _document()
    del data["involvements"][0]["in_strategy"]
    with pytest.raises(InvalidInputError, match=r"^involvements\.0\.in_strategy: Field required"):
        validate_python(PoleSynergiesModel, data)


def test_an_invariant_of_a_member_names_its_path() -> None:
    data = _document()
    data["members"][1]["name"] = " "
    model = validate_python(PoleSynergiesModel, data)
    with pytest.raises(InvalidInputError, match=r"^members\.1\.name: must not be empty"):
        model.to_domain()


def test_an_involvement_of_an_unknown_structure_names_the_field() -> None:
    data = _document()
    data["involvements"].append({"structure_id": "rtra-x", "in_strategy": True, "in_actions": True})
    model = validate_python(PoleSynergiesModel, data)
    with pytest.raises(
        InvalidInputError,
        match=r"^involvements\.1\.structure_id: structure 'rtra-x' is not among the structures",
    ):
        model.to_domain()


def test_a_member_twice_names_the_field() -> None:
    data = _document()
    data["members"].append(data["members"][0])
    model = validate_python(PoleSynergiesModel, data)
    with pytest.raises(
        InvalidInputError,
        match=r"^members: member 'univ-a' appears twice \(items 0 and 2\)$",
    ):
        model.to_domain()


def test_a_founder_twice_in_a_structure_is_refused_with_its_path() -> None:
    data = _document()
    data["structures"][0]["founders"] = ["univ-a", "univ-elsewhere", "univ-a"]
    model = validate_python(PoleSynergiesModel, data)
    with pytest.raises(
        InvalidInputError,
        match=(
            r"^structures\.0\.founders: founder 'univ-a' appears twice "
            r"\(items 0 and 2\)$"
        ),
    ):
        model.to_domain()


@pytest.mark.parametrize("founder", ["", " "])
def test_an_empty_founder_id_is_refused_with_its_path(founder: str) -> None:
    data = _document()
    data["structures"][1]["founders"] = [founder]
    model = validate_python(PoleSynergiesModel, data)
    with pytest.raises(
        InvalidInputError,
        match=rf"^structures\.1\.founders\.0: '{founder}' is not an id$",
    ):
        model.to_domain()


def test_the_report_counts_a_structure_of_two_members_once_in_its_json() -> None:
    data = _document()
    data["members"].append({"id": "lab-b", "name": "Lab B", "research_kind": "public_research"})
    data["structures"][0]["founders"] = ["lab-b", "univ-a"]
    data["involvements"][0].update(in_strategy=False, in_actions=False)
    report = cooperation_involvement(validate_python(PoleSynergiesModel, data).to_domain())
    received = CooperationReportModel.model_validate(report.to_dict())
    assert received.gaps == ("pres-a",)
    assert [(s.structure_id, s.founding_members) for s in received.structures] == [
        ("pres-a", ("univ-a", "lab-b"))
    ]
    assert [(line.member_id, len(line.structures)) for line in received.lines] == [
        ("univ-a", 1),
        ("lab-b", 1),
    ]


def test_the_document_type_has_a_schema() -> None:
    assert "pole-synergies" in schema_names()
    for model in (PoleSynergiesModel, InvolvementModel):
        assert model.model_json_schema()["additionalProperties"] is False
