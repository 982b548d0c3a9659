"""Pydantic's own ``model_validate_json`` refuses what ``validate_json`` refuses."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from poles_policy.boundary import validate_json
from poles_policy.boundary.actors import BankModel
from poles_policy.boundary.case import RelayCaseModel
from poles_policy.exceptions import DocumentError

EXAMPLE = (Path(__file__).parents[2] / "docs" / "examples" / "relay-case.json").read_text()
# The amount requested, as the example writes it, and as a JSON number a float would change.
AMOUNT = '"amount": "200000.00",\n    "bank"'
CHANGED = EXAMPLE.replace(AMOUNT, '"amount": 199999.999999999999,\n    "bank"')


def test_a_number_a_float_would_change_is_refused_at_its_path_by_either_reader() -> None:
    # It was read as 200000.00 by model_validate_json, while validate_json refused it.
    assert CHANGED != EXAMPLE
    with pytest.raises(ValidationError) as info:
        RelayCaseModel.model_validate_json(CHANGED)
    (error,) = info.value.errors()
    assert error["loc"] == ("request", "amount")
    assert error["type"] == "json_refused"
    assert "199999.999999999999" in error["msg"]
    with pytest.raises(DocumentError, match=r"^request\.amount: the number 199999\.999999999999"):
        validate_json(RelayCaseModel, CHANGED)


@pytest.mark.parametrize("data", ['{"id": "b", "id": "c", "name": "B"}', b'{"id": "b", "id": "c"}'])
def test_a_key_given_twice_is_refused_by_model_validate_json(data: str | bytes) -> None:
    with pytest.raises(ValidationError, match="given twice in one object") as info:
        BankModel.model_validate_json(data)
    assert info.value.errors()[0]["loc"] == ("id",)


def test_a_sound_document_reads_the_same_either_way() -> None:
    assert RelayCaseModel.model_validate_json(EXAMPLE) == validate_json(RelayCaseModel, EXAMPLE)
    # Pydantic's own options pass through.
    strict = BankModel.model_validate_json('{"id": "b", "name": "B"}', strict=True)
    assert strict.to_domain().id == "b"
