"""The schemas constrain ids, names, ranks and region codes as the readers do."""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from poles_policy import boundary
from poles_policy.boundary import _base
from poles_policy.boundary._base import ID_PATTERN, TEXT_PATTERN, Model, validate_json
from poles_policy.boundary.platforms import StructuringProjectModel
from poles_policy.boundary.poles import PoleModel
from poles_policy.boundary.synergies import PoleSynergiesModel
from poles_policy.data import rhone_alpes_poles
from poles_policy.exceptions import DocumentError
from poles_policy.model._validators import an_id, ids, non_empty, optional_id, plain_id, readable

jsonschema = pytest.importorskip("jsonschema")

SCHEMA_DIR = Path(__file__).parents[2] / "docs" / "schema"

# Letters, blanks of several kinds, and characters the domain calls hidden.
_CHARACTERS = st.sampled_from(
    [
        *("a", "é", "-", " ", "\t", "\u00a0", "\u3000", "\n", "\r", "\x00", "\x1f", "\x7f"),
        *("\x85", "\u061c", "\u200b", "\u200e", "\u2028", "\u202e", "\u2060", "\u2066", "\ufeff"),
    ]
)
_TEXTS = st.text(_CHARACTERS, max_size=6)


@given(_TEXTS)
@example("a\n")  # Python's "$" matches before a final line break
@example(" a")
@example("a ")
def test_the_id_pattern_accepts_exactly_the_ids_the_domain_accepts(text: str) -> None:
    # jsonschema matches a pattern with re.search, as here.
    assert (re.search(ID_PATTERN, text) is not None) is plain_id(text)


@given(_TEXTS)
@example("a\n")
@example(" ")
def test_the_text_pattern_accepts_exactly_the_names_the_domain_accepts(text: str) -> None:
    assert (re.search(TEXT_PATTERN, text) is not None) is readable(text)


def _models() -> list[type[Model]]:
    for module in pkgutil.iter_modules(boundary.__path__):
        importlib.import_module(f"{boundary.__name__}.{module.name}")
    found: list[type[Model]] = []
    pending = list(Model.__subclasses__())
    while pending:
        model = pending.pop()
        found.append(model)
        pending.extend(model.__subclasses__())
    return found


def _domain_fields(model: type[Model]) -> list[tuple[str, list[object]]]:
    domain = getattr(getattr(model, "from_domain", None), "domain", None)
    if domain is None or not attrs.has(domain):
        return []
    return [(f.name, _base._validators(f.validator)) for f in attrs.fields(domain)]


def _string(prop: dict[str, Any]) -> dict[str, Any]:
    return next(b for b in prop.get("anyOf", [prop]) if b.get("type") == "string")


_MODELS = [m for m in _models() if _domain_fields(m)]


def test_the_models_that_build_domain_objects_are_found() -> None:
    names = {m.__name__ for m in _MODELS}
    assert {"StructuringProjectModel", "MeetingModel", "InvolvementModel"} <= names


@pytest.mark.parametrize("model", _MODELS, ids=lambda m: m.__name__)
def test_each_field_the_domain_validates_as_an_id_or_a_name_has_its_pattern(
    model: type[Model],
) -> None:
    properties = model.model_json_schema()["properties"]
    for name, checks in _domain_fields(model):
        if name not in properties:
            continue
        prop = properties[name]
        if an_id in checks or optional_id in checks:
            assert _string(prop)["pattern"] == ID_PATTERN, name
        elif non_empty in checks:
            assert _string(prop)["pattern"] == TEXT_PATTERN, name
        elif ids in checks:
            assert prop["items"]["pattern"] == ID_PATTERN, name


def _both(schema_name: str, model: type[Model], document: dict[str, Any]) -> tuple[bool, str]:
    schema = json.loads((SCHEMA_DIR / f"{schema_name}.schema.json").read_text(encoding="utf-8"))
    valid = jsonschema.Draft202012Validator(schema).is_valid(document)
    try:
        validate_json(model, json.dumps(document)).to_domain()  # type: ignore[attr-defined]
    except DocumentError as error:
        return valid, str(error)
    return valid, ""


_PROJECT = {"id": "p", "name": "P", "region": "82", "requested": "1.00"}


@pytest.mark.parametrize(
    ("change", "refusal"),
    [
        ({"id": " p"}, "id: id ' p' has blanks around it"),
        ({"id": "p\u200b"}, "id: 'p\\u200b' holds the character U+200B (ZERO WIDTH SPACE)"),
        ({"name": "P\n"}, "name: 'P\\n' holds the control character U+000A"),
        ({"priority_rank": 0}, "priority_rank: 0 is not a rank (1 is first)"),
        ({"region": "99"}, "region: '99' is not an INSEE region code"),
        ({"pole_ids": ["a", "a"]}, "pole_ids: pôle 'a' appears twice"),
        ({"pole_ids": ["a "]}, "pole_ids.0: id 'a ' has blanks around it"),
    ],
)
def test_the_schema_refuses_what_the_reader_refuses(change: dict[str, Any], refusal: str) -> None:
    valid, error = _both("structuring-project", StructuringProjectModel, {**_PROJECT, **change})
    assert refusal in error
    assert not valid


@pytest.mark.parametrize(
    "change",
    [{"id": "RA 2009"}, {"name": " Plateforme\tnano "}, {"priority_rank": 1}, {"region": "84"}],
)
def test_the_schema_accepts_what_the_reader_accepts(change: dict[str, Any]) -> None:
    assert _both("structuring-project", StructuringProjectModel, {**_PROJECT, **change}) == (
        True,
        "",
    )


def _synergies(note: str) -> dict[str, Any]:
    return {
        "pole_id": "minalogic",
        "members": [
            {
                "kind": "research_organisation",
                "id": "u",
                "name": "U",
                "research_kind": "higher_education",
            }
        ],
        "structures": [
            {
                "kind": "cooperation_structure",
                "id": "s",
                "name": "S",
                "structure_kind": "pres",
                "founders": ["u"],
            }
        ],
        "involvements": [
            {"structure_id": "s", "in_strategy": True, "in_actions": True, "note": note}
        ],
    }


@pytest.mark.parametrize("note", ["", " ", "\n"])
def test_a_blank_note_is_refused_by_the_schema_as_by_the_reader(note: str) -> None:
    valid, error = _both("pole-synergies", PoleSynergiesModel, _synergies(note))
    assert "is blank; leave the note out" in error
    assert not valid


def test_a_note_may_span_lines() -> None:
    assert _both("pole-synergies", PoleSynergiesModel, _synergies("minutes\nof 2009")) == (True, "")


def test_a_blank_theme_is_named_at_its_place_in_the_list() -> None:
    document = json.loads(PoleModel.from_domain(rhone_alpes_poles()[0]).model_dump_json())
    document["themes"] = ["chimie", " "]
    with pytest.raises(DocumentError) as raised:
        validate_json(PoleModel, json.dumps(document)).to_domain()
    assert raised.value.problems == (("themes.1", "a theme must not be empty"),)
