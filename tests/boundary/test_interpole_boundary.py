"""The JSON form of inter-pôle files and of the route of their funding (GOV.4)."""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from poles_policy.boundary._base import validate_json
from poles_policy.boundary.interpole import (
    InterPoleFileModel,
    InterPoleFundingModel,
    PoleShareModel,
    TransferModel,
)
from poles_policy.boundary.schema import schema_names
from poles_policy.data.reference import rhone_alpes_poles
from poles_policy.exceptions import InvalidInputError, WrongTypeError
from poles_policy.explain import Outcome
from poles_policy.model.interpole import InterPoleFile, PoleShare
from poles_policy.model.projects import Funder
from poles_policy.parameters import default_parameters
from poles_policy.rules.interpole import inter_pole_funding
from poles_policy.testing import inter_pole_files

PARAMS = default_parameters()
POLES = rhone_alpes_poles()
SCHEMA_DIR = Path(__file__).parents[2] / "docs" / "schema"
MARCH_2010 = date(2010, 3, 15)
# Sporaltec, delabelled in May 2010, makes some generated files ineligible.
POLE_IDS = ("minalogic", "axelera", "techtera", "sporaltec")

# A file led by minalogic with axelera, split 80 000 / 40 000 (synthetic figures).
FILE: dict[str, Any] = {
    "id": "interpole-2010-03",
    "name": "Joint mission to Japan",
    "lead_pole_id": "minalogic",
    "other_pole_ids": ["axelera"],
    "granted": "120000.00",
    "decided_on": "2010-03-15",
    "split": [
        {"pole_id": "minalogic", "amount": "80000.00"},
        {"pole_id": "axelera", "amount": "40000.00"},
    ],
}


def _file(**changes: Any) -> InterPoleFile:
    given: dict[str, Any] = {
        "id": "interpole-2010-03",
        "name": "Joint mission to Japan",
        "lead_pole_id": "minalogic",
        "other_pole_ids": ("axelera",),
        "granted": Decimal("120000.00"),
        "decided_on": MARCH_2010,
        "split": (
            PoleShare(pole_id="minalogic", amount=Decimal("80000.00")),
            PoleShare(pole_id="axelera", amount=Decimal("40000.00")),
        ),
    }
    return InterPoleFile(**(given | changes))


def _read(document: dict[str, Any]) -> InterPoleFile:
    return validate_json(InterPoleFileModel, json.dumps(document)).to_domain()


@cache
def _validator(name: str) -> jsonschema.Draft202012Validator:
    text = (SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8")
    return jsonschema.Draft202012Validator(json.loads(text))


# --- round trips: domain -> JSON -> domain is the identity ----------------------------------

FILES = {
    "split": _file(),
    "no-split": _file(split=None),
    "zero-part": _file(
        other_pole_ids=("axelera", "techtera"),
        split=(
            PoleShare(pole_id="axelera", amount=Decimal("120000.00")),
            PoleShare(pole_id="techtera", amount=Decimal("0.00")),
        ),
    ),
    "region-funder": _file(funder=Funder.REGION, split=None),
    "feder-lead-alone": _file(funder=Funder.FEDER, other_pole_ids=(), split=None),
    "empty-split-of-nothing": _file(granted=Decimal("0.00"), split=()),
}


@pytest.mark.parametrize("file", FILES.values(), ids=FILES.keys())
def test_an_inter_pole_file_survives_json(file: InterPoleFile) -> None:
    text = InterPoleFileModel.from_domain(file).model_dump_json()
    assert validate_json(InterPoleFileModel, text).to_domain() == file
    _validator("inter-pole-file").validate(json.loads(text))


@given(inter_pole_files())
def test_a_generated_file_survives_json(file: InterPoleFile) -> None:
    text = InterPoleFileModel.from_domain(file).model_dump_json()
    assert validate_json(InterPoleFileModel, text).to_domain() == file


def test_a_part_survives_json() -> None:
    share = PoleShare(pole_id="axelera", amount=Decimal("0.00"))
    text = PoleShareModel.from_domain(share).model_dump_json()
    assert json.loads(text) == {"pole_id": "axelera", "amount": "0.00"}
    assert validate_json(PoleShareModel, text).to_domain() == share


# --- the JSON form --------------------------------------------------------------------------


def test_a_file_reads_from_json_with_its_defaults() -> None:
    file = _read(FILE)
    assert file == _file()
    assert file.funder is Funder.STATE
    assert file.part("axelera") == Decimal("40000.00")
    alone = _read({k: v for k, v in FILE.items() if k not in {"other_pole_ids", "split"}})
    assert (alone.other_pole_ids, alone.split) == ((), None)


def test_amounts_are_written_as_strings_and_an_unknown_split_as_null() -> None:
    dumped = json.loads(InterPoleFileModel.from_domain(_file(split=None)).model_dump_json())
    assert dumped["granted"] == "120000.00"
    assert dumped["split"] is None
    assert dumped["funder"] == "state"
    assert dumped["decided_on"] == "2010-03-15"
    split = json.loads(InterPoleFileModel.from_domain(_file()).model_dump_json())["split"]
    assert split == FILE["split"]


def test_an_amount_given_as_a_number_reads_to_the_cent() -> None:
    file = _read(FILE | {"granted": 120000, "split": [{"pole_id": "minalogic", "amount": 120000}]})
    assert file.granted == Decimal("120000.00")
    assert file.part("axelera") == Decimal("0.00")


# --- what the boundary refuses: one line naming the path ------------------------------------


def _refusal(document: dict[str, Any]) -> str:
    with pytest.raises(InvalidInputError) as caught:
        _read(document)
    message = str(caught.value)
    assert "\n" not in message
    return message


def _split(*parts: tuple[str, str]) -> list[dict[str, str]]:
    return [{"pole_id": pole_id, "amount": amount} for pole_id, amount in parts]


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        (FILE | {"colour": "blue"}, r"^colour: Extra inputs are not permitted$"),
        (
            FILE | {"split": [{"pole_id": "axelera", "amount": "1.00", "note": "x"}]},
            r"^split\.0\.note: Extra inputs are not permitted$",
        ),
        (
            FILE | {"granted": "120000.001"},
            (
                r"^granted: amount 120000\.001 has more than two decimals; euro amounts are "
                r"exact to the cent$"
            ),
        ),
        (
            FILE | {"split": _split(("minalogic", "80000.00"), ("axelera", "40000.005"))},
            r"^split\.1\.amount: amount 40000\.005 has more than two decimals",
        ),
        (
            FILE | {"decided_on": "02/03/2009"},
            r"^decided_on: '02/03/2009' is not an ISO date \(YYYY-MM-DD\)$",
        ),
        (FILE | {"funder": "lottery"}, r"^funder: Input should be 'state', 'region', "),
        (FILE | {"granted": "-1.00"}, r"^granted: amount -1\.00 is negative"),
        (FILE | {"other_pole_ids": "axelera"}, r"^other_pole_ids: Input should be a valid "),
    ],
    ids=[
        "unknown-field",
        "unknown-field-of-a-part",
        "three-decimals",
        "three-decimals-in-a-part",
        "french-date",
        "unknown-funder",
        "negative",
        "one-id-as-text",
    ],
)
def test_a_malformed_document_is_refused_naming_the_path(
    document: dict[str, Any], expected: str
) -> None:
    assert re.search(expected, _refusal(document))


def test_parts_that_do_not_add_up_are_refused_naming_the_split() -> None:
    document = FILE | {"split": _split(("minalogic", "70000.00"), ("axelera", "40000.00"))}
    assert _refusal(document) == ("split: the parts total 110000.00, not the 120000.00 granted")


def test_the_lead_pole_named_among_the_others_is_refused_naming_the_field() -> None:
    document = FILE | {"other_pole_ids": ["axelera", "minalogic"]}
    assert _refusal(document) == (
        "other_pole_ids: the lead pôle 'minalogic' is named among the other "
        "pôles; name it once, as lead_pole_id"
    )


def test_a_part_for_a_pole_that_does_not_carry_the_file_is_refused_naming_the_split() -> None:
    document = FILE | {"split": _split(("minalogic", "80000.00"), ("tenerrdis", "40000.00"))}
    assert _refusal(document) == (
        "split.1.pole_id: a part to 'tenerrdis', which does not carry the file "
        "(its pôles: minalogic, axelera)"
    )


def test_a_pole_twice_is_refused_naming_the_field() -> None:
    assert _refusal(FILE | {"other_pole_ids": ["axelera", "axelera"]}).startswith(
        "other_pole_ids: "
    )
    twice = _split(("axelera", "60000.00"), ("axelera", "60000.00"))
    assert _refusal(FILE | {"split": twice}).startswith("split: ")


def test_a_part_refused_on_its_own_is_named_by_its_path() -> None:
    document = FILE | {"split": _split(("minalogic", "80000.00"), (" ", "40000.00"))}
    assert _refusal(document).startswith("split.1.pole_id: ")


def test_a_control_character_in_a_value_is_shown_escaped_on_the_same_line() -> None:
    assert "\\n" in _refusal(FILE | {"name": "two\nlines"})


def test_from_domain_refuses_a_value_of_another_type() -> None:
    with pytest.raises(WrongTypeError, match=r"^InterPoleFileModel\.from_domain: obj must be an "):
        InterPoleFileModel.from_domain(FILE)  # type: ignore[arg-type]
    with pytest.raises(WrongTypeError, match=r"^PoleShareModel\.from_domain: obj must be a "):
        PoleShareModel.from_domain(_file())  # type: ignore[arg-type]


# --- the rule's result follows its model and committed schema -------------------------------


def _conforms(data: dict[str, Any]) -> InterPoleFundingModel:
    """*data* is JSON data, valid for the model and its committed schema, and kept as it is."""
    document = json.loads(json.dumps(data, ensure_ascii=False))
    assert document == data, "to_dict() must give JSON data only"
    model = InterPoleFundingModel.model_validate(document)
    assert model.model_dump(mode="json") == document
    _validator("inter-pole-funding").validate(document)
    return model


def test_the_schemas_are_exported() -> None:
    assert {"inter-pole-file", "inter-pole-funding"} <= set(schema_names())


def test_an_eligible_route_with_a_split_follows_its_model() -> None:
    file = _file(
        other_pole_ids=("axelera", "techtera"),
        split=(
            PoleShare(pole_id="minalogic", amount=Decimal("70000.00")),
            PoleShare(pole_id="axelera", amount=Decimal("50000.00")),
        ),
    )
    model = _conforms(inter_pole_funding(file, PARAMS, poles=POLES).to_dict())
    assert (model.outcome, model.decision.outcome) == (Outcome.ELIGIBLE, Outcome.ELIGIBLE)
    assert (model.recipient, model.granted, model.kept) == ("minalogic", "120000.00", "70000.00")
    assert model.transfers == (
        TransferModel(pole_id="axelera", amount="50000.00"),
        TransferModel(pole_id="techtera", amount="0.00"),
    )
    assert model.missing == ()


def test_an_undetermined_route_follows_its_model_and_says_what_is_missing() -> None:
    given = [p for p in POLES if p.id == "minalogic"]
    model = _conforms(inter_pole_funding(_file(split=None), PARAMS, poles=given).to_dict())
    assert model.outcome is Outcome.UNDETERMINED
    assert (model.recipient, model.kept, model.transfers) == (None, None, None)
    assert [fact.path for fact in model.missing] == ["poles.axelera", "file.split"]
    assert model.decision.to_domain().outcome is Outcome.UNDETERMINED


def test_an_ineligible_route_follows_its_model() -> None:
    # Sporaltec was delabelled in May 2010: it cannot carry a file decided in June.
    file = _file(other_pole_ids=("sporaltec",), decided_on=date(2010, 6, 1), split=None)
    model = _conforms(inter_pole_funding(file, PARAMS, poles=POLES).to_dict())
    assert model.outcome is Outcome.INELIGIBLE
    assert (model.recipient, model.kept, model.transfers) == (None, None, None)
    failed = [c.key for c in model.decision.checks if c.status.value == "not_met"]
    assert failed == ["gov.inter_pole.labelled"]


@given(
    file=inter_pole_files(pole_ids=POLE_IDS),
    known=st.sets(st.sampled_from(POLE_IDS)),
)
def test_a_generated_route_follows_its_model_and_schema(
    file: InterPoleFile, known: set[str]
) -> None:
    given_poles = [p for p in POLES if p.id in known]
    route = inter_pole_funding(file, PARAMS, poles=given_poles)
    model = _conforms(route.to_dict())
    assert model.outcome is route.outcome
    assert (model.recipient is None) is (route.outcome is not Outcome.ELIGIBLE)


def test_the_result_model_refuses_an_unknown_field_or_an_amount_not_to_the_cent() -> None:
    data = inter_pole_funding(_file(), PARAMS, poles=POLES).to_dict()
    with pytest.raises(ValidationError, match="extra"):
        InterPoleFundingModel.model_validate(data | {"note": "x"})
    with pytest.raises(ValidationError, match="kept"):
        InterPoleFundingModel.model_validate(data | {"kept": "80000.5"})
    with pytest.raises(ValidationError, match="transfers"):
        InterPoleFundingModel.model_validate(data | {"transfers": [{"pole_id": "axelera"}]})
    with pytest.raises(jsonschema.ValidationError):
        _validator("inter-pole-funding").validate(data | {"granted": 120000.0})
