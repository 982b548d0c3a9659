"""The JSON models and committed schemas of the rules' results other than the relay's."""

from __future__ import annotations

import itertools
import json
import unicodedata
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from poles_policy.boundary.allocations import AllocationShareModel, EnvelopeAllocationModel
from poles_policy.boundary.standing import (
    CoordinationGroupModel,
    PolesReportModel,
    PoleStandingModel,
)
from poles_policy.boundary.steering import CommitteeRegularityModel, ContractProgressModel
from poles_policy.boundary.synergies import CooperationReportModel
from poles_policy.cli import main
from poles_policy.data import rhone_alpes_poles
from poles_policy.model.cper import Allocation
from poles_policy.parameters import default_parameters
from poles_policy.rules.committees import committee_regularity
from poles_policy.rules.coordination import coordination_groups
from poles_policy.rules.cper import allocate_envelope, linked_allocation_shares
from poles_policy.rules.standing import pole_standing
from poles_policy.rules.steering import contract_progress
from poles_policy.rules.synergies import cooperation_involvement
from poles_policy.testing import (
    allocations,
    coordination_committees,
    cper_envelopes,
    performance_contracts,
    pole_synergies,
    poles,
    policy_dates,
    structuring_projects,
)

if TYPE_CHECKING:
    from poles_policy.model.committees import CoordinationCommittee
    from poles_policy.model.contracts import PerformanceContract
    from poles_policy.model.cper import CperEnvelope, StructuringProject
    from poles_policy.model.poles import Pole
    from poles_policy.model.synergies import PoleSynergies

PARAMS = default_parameters()
SCHEMA_DIR = Path(__file__).parents[2] / "docs" / "schema"
POLES = ("minalogic", "axelera", "tenerrdis")


@cache
def _validator(name: str) -> jsonschema.Draft202012Validator:
    text = (SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8")
    return jsonschema.Draft202012Validator(json.loads(text))


def _conforms(model: type[BaseModel], schema_name: str, data: dict[str, Any]) -> None:
    """*data* is valid JSON, valid for *model* and its committed schema, and kept as it is."""
    document = json.loads(json.dumps(data, ensure_ascii=False))
    assert document == data, "to_dict() must give JSON data only"
    assert model.model_validate(document).model_dump(mode="json") == document
    _validator(schema_name).validate(document)


# --- every result, on generated inputs, follows its published model and schema --------------


@given(pole=poles(), on=policy_dates(), contract=st.none() | performance_contracts())
def test_a_standing_follows_its_model_and_schema(
    pole: Pole, on: date, contract: PerformanceContract | None
) -> None:
    if contract is not None and contract.pole_id != pole.id:
        contract = None
    standing = pole_standing(pole, on, PARAMS, contract=contract)
    _conforms(PoleStandingModel, "pole-standing", standing.to_dict())


@given(found=st.lists(poles(), max_size=5, unique_by=lambda p: p.id), on=policy_dates())
def test_coordination_groups_follow_their_model_and_schema(found: list[Pole], on: date) -> None:
    # Distinct themes as the rule reads them (case, spacing and Unicode composition aside).
    themes = sorted(
        {
            " ".join(unicodedata.normalize("NFC", t).split()).casefold()
            for p in found
            for t in p.themes
        }
    )
    pairs = list(itertools.pairwise(themes))
    for group in coordination_groups(found, on, complementary=pairs[:2]):
        _conforms(CoordinationGroupModel, "coordination-group", group.to_dict())


@given(contract=performance_contracts(), data=st.data())
def test_a_contract_progress_follows_its_model_and_schema(
    contract: PerformanceContract, data: st.DataObject
) -> None:
    year = data.draw(st.integers(contract.start.year, contract.end.year))
    progress = contract_progress(contract, year, PARAMS)
    _conforms(ContractProgressModel, "contract-progress", progress.to_dict())


@given(committee=coordination_committees(start=date(2009, 1, 1), end=date(2011, 12, 31)))
def test_a_committee_regularity_follows_its_model_and_schema(
    committee: CoordinationCommittee,
) -> None:
    regularity = committee_regularity(committee, date(2009, 1, 1), date(2011, 12, 31), PARAMS)
    _conforms(CommitteeRegularityModel, "committee-regularity", regularity.to_dict())


@given(
    envelope=cper_envelopes(region="82"),
    projects=st.lists(
        structuring_projects(region="82", pole_ids=POLES), max_size=6, unique_by=lambda p: p.id
    ),
)
def test_an_envelope_allocation_follows_its_model_and_schema(
    envelope: CperEnvelope, projects: list[StructuringProject]
) -> None:
    allocation = allocate_envelope(envelope, projects)
    _conforms(EnvelopeAllocationModel, "envelope-allocation", allocation.to_dict())


@given(st.lists(allocations(pole_ids=POLES), max_size=10))
def test_allocation_shares_follow_their_model_and_schema(given_: list[Allocation]) -> None:
    for share in linked_allocation_shares(given_):
        _conforms(AllocationShareModel, "allocation-share", share.to_dict())


@given(pole_synergies())
def test_a_cooperation_report_follows_its_model_and_schema(synergies: PoleSynergies) -> None:
    report = cooperation_involvement(synergies)
    _conforms(CooperationReportModel, "cooperation-report", report.to_dict())


# --- the command's output, and worked figures -------------------------------------------------


def test_the_poles_command_prints_a_poles_report(capsys: pytest.CaptureFixture[str]) -> None:
    main(
        [
            "poles",
            "--at",
            "2010-02-01",
            "--json",
            "--complementary",
            "chemistry and environment",
            "eco-technologies",
        ]
    )
    document = json.loads(capsys.readouterr().out)
    _conforms(PolesReportModel, "poles-report", document)
    report = PolesReportModel.model_validate(document)
    sporaltec = next(p for p in report.poles if p.pole_id == "sporaltec")
    assert (sporaltec.group, sporaltec.follow_up.value) == (3, "awaiting_decision")
    assert any(set(g.pole_ids) == {"axelera", "trimatec"} for g in report.coordination_groups)


def test_a_share_that_does_not_terminate_is_written_exactly_as_a_fraction() -> None:
    (share,) = linked_allocation_shares(
        [
            Allocation(ministry="m", body="b1", year=2010, amount=Decimal("100.00"), pole_id="x"),
            Allocation(ministry="m", body="b2", year=2010, amount=Decimal("200.00")),
        ]
    )
    model = AllocationShareModel.model_validate(share.to_dict())
    assert (model.total, model.linked, model.fraction) == ("300.00", "100.00", "1/3")
    assert model.by_pole == (("x", "100.00"),)


# --- what the models refuse -------------------------------------------------------------------


def _one_share() -> dict[str, Any]:
    (share,) = linked_allocation_shares(
        [Allocation(ministry="m", body="b", year=2010, amount=Decimal("50.00"), pole_id="x")]
    )
    return share.to_dict()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("total", 50.0),  # a binary float: amounts are exact strings
        ("total", "50.5"),  # an amount to the cent has two decimals
        ("share", "1e0"),  # exact decimal text, not scientific notation
        ("fraction", "1/0"),
        ("fraction", "0.5"),
    ],
)
def test_a_figure_that_is_not_exact_text_is_refused(field: str, value: object) -> None:
    data = _one_share() | {field: value}
    with pytest.raises(ValidationError, match=field):
        AllocationShareModel.model_validate(data)
    with pytest.raises(jsonschema.ValidationError):
        _validator("allocation-share").validate(data)


def test_an_unknown_field_or_status_is_refused() -> None:
    by_id = {p.id: p for p in rhone_alpes_poles()}
    same = [
        attrs.evolve(by_id[i], themes=("microelectronics",)) for i in ("minalogic", "tenerrdis")
    ]
    (group,) = coordination_groups(same, date(2010, 1, 1))
    data = group.to_dict()
    assert CoordinationGroupModel.model_validate(data).pole_ids == ("minalogic", "tenerrdis")
    with pytest.raises(ValidationError, match="extra"):
        CoordinationGroupModel.model_validate(data | {"note": "x"})
    with pytest.raises(ValidationError, match="kinship"):
        CoordinationGroupModel.model_validate(data | {"kinship": "cousins"})
    with pytest.raises(ValidationError, match="pole_ids"):
        CoordinationGroupModel.model_validate(data | {"pole_ids": ["only-one"]})
