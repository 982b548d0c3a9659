from __future__ import annotations

import json
import string
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from poles_policy.boundary._base import validate_json, validate_python
from poles_policy.boundary.platforms import (
    AllocationModel,
    CallForProjectsModel,
    CperEnvelopeModel,
    InnovationPlatformModel,
    StructuringProjectModel,
)
from poles_policy.exceptions import InvalidInputError
from poles_policy.model._validators import readable
from poles_policy.model.cper import Allocation, CperEnvelope, StructuringProject
from poles_policy.model.platforms import (
    CallForProjects,
    FinancingLine,
    FundingSource,
    InnovationPlatform,
    PlatformUser,
    UserKind,
)
from poles_policy.testing import region_codes

IDS = st.text(alphabet=string.ascii_lowercase + string.digits + "-", min_size=1, max_size=8)
NAMES = st.text(min_size=1, max_size=12).filter(readable)
MONEY = st.integers(min_value=0, max_value=10**12).map(lambda c: Decimal(c).scaleb(-2))
DATES = st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31))
YEARS = st.integers(min_value=2000, max_value=2030)
REGIONS = st.sampled_from(["11", "82", "83", "93", "01", "04"])


@st.composite
def calls(draw: st.DrawFn) -> CallForProjects:
    opens_on = draw(DATES)
    return CallForProjects(
        id=draw(IDS),
        name=draw(NAMES),
        opens_on=opens_on,
        closes_on=opens_on + timedelta(days=draw(st.integers(0, 400))),
        targeted_pole_ids=draw(st.lists(IDS, unique=True, max_size=4)),
    )


platforms = st.builds(
    InnovationPlatform,
    id=IDS,
    name=NAMES,
    carrying_pole_ids=st.lists(IDS, unique=True, max_size=3),
    users=st.lists(
        st.builds(PlatformUser, name=NAMES, kind=st.sampled_from(UserKind)),
        max_size=3,
        unique_by=lambda user: (user.name, user.kind),
    ),
    open_access=st.none() | st.booleans(),
    investment_budget=MONEY,
    operating_budget=MONEY,
    study_cost=st.none() | MONEY,
    financing=st.lists(
        st.builds(
            FinancingLine,
            source=st.sampled_from(FundingSource),
            year=st.none() | YEARS,
            amount=MONEY,
        ),
        max_size=5,
    ),
    call_id=st.none() | IDS,
    submitted_on=st.none() | DATES,
)


@st.composite
def envelopes(draw: st.DrawFn) -> CperEnvelope:
    start = draw(DATES)
    return CperEnvelope(
        id=draw(IDS),
        region=draw(region_codes(on=start)),
        period_start=start,
        period_end=start + timedelta(days=draw(st.integers(1, 3000))),
        amount=draw(MONEY),
    )


structuring_projects = st.builds(
    StructuringProject,
    id=IDS,
    name=NAMES,
    region=REGIONS,
    pole_ids=st.lists(IDS, unique=True, max_size=3),
    requested=MONEY,
    priority_rank=st.none() | st.integers(min_value=1, max_value=50),
)

allocations = st.builds(
    Allocation,
    ministry=NAMES,
    body=NAMES,
    year=YEARS,
    amount=MONEY,
    pole_id=st.none() | IDS,
)


# --- round trips: domain -> JSON -> domain is the identity ----------------------------------


@given(calls())
def test_a_call_survives_json(call: CallForProjects) -> None:
    text = CallForProjectsModel.from_domain(call).model_dump_json()
    assert CallForProjectsModel.model_validate_json(text).to_domain() == call


@given(platforms)
def test_a_platform_survives_json(platform: InnovationPlatform) -> None:
    text = InnovationPlatformModel.from_domain(platform).model_dump_json()
    assert InnovationPlatformModel.model_validate_json(text).to_domain() == platform


@given(envelopes())
def test_an_envelope_survives_json(envelope: CperEnvelope) -> None:
    text = CperEnvelopeModel.from_domain(envelope).model_dump_json()
    assert CperEnvelopeModel.model_validate_json(text).to_domain() == envelope


@given(structuring_projects)
def test_a_structuring_project_survives_json(project: StructuringProject) -> None:
    text = StructuringProjectModel.from_domain(project).model_dump_json()
    assert StructuringProjectModel.model_validate_json(text).to_domain() == project


@given(allocations)
def test_an_allocation_survives_json(allocation: Allocation) -> None:
    text = AllocationModel.from_domain(allocation).model_dump_json()
    assert AllocationModel.model_validate_json(text).to_domain() == allocation


# --- the JSON form --------------------------------------------------------------------------

PLATFORM: dict[str, Any] = {
    "id": "axelone",
    "name": "Axel'One",
    "carrying_pole_ids": ["axelera"],
    "users": [{"name": "SMEs", "kind": "sme"}, {"name": "IRCELYON", "kind": "laboratory"}],
    "open_access": True,
    "investment_budget": 8000000,
    "operating_budget": "2000000.00",
    "financing": [
        {"source": "state_fce_investment", "amount": 3000000},
        {"source": "state_fce_operating", "year": 2010, "amount": 400000},
        {"source": "user_fees", "amount": "1.5"},
    ],
}


def test_a_platform_reads_from_json() -> None:
    platform = validate_python(InnovationPlatformModel, PLATFORM).to_domain()
    assert platform.operating_budget == Decimal("2000000.00")
    assert platform.study_cost is None
    assert platform.users[1].kind is UserKind.LABORATORY
    assert platform.financing_from(FundingSource.USER_FEES) == Decimal("1.50")


def test_amounts_are_written_as_strings() -> None:
    model = validate_python(InnovationPlatformModel, PLATFORM)
    dumped = json.loads(model.model_dump_json())
    assert dumped["investment_budget"] == "8000000.00"
    assert dumped["financing"][2]["amount"] == "1.50"


def test_an_unknown_funding_source_names_its_path() -> None:
    bad = {**PLATFORM, "financing": [{"source": "lottery", "amount": 1}]}
    with pytest.raises(InvalidInputError, match=r"financing\.0\.source"):
        validate_python(InnovationPlatformModel, bad)


def test_a_negative_financing_line_names_its_path() -> None:
    bad = {**PLATFORM, "financing": [*PLATFORM["financing"], {"source": "feder", "amount": -1}]}
    with pytest.raises(InvalidInputError, match=r"^financing\.3\.amount: amount -1 is negative"):
        validate_python(InnovationPlatformModel, bad)


def test_an_empty_user_name_names_its_path() -> None:
    bad = {**PLATFORM, "users": [{"name": " ", "kind": "sme"}]}
    with pytest.raises(InvalidInputError, match=r"^users\.0\.name: "):
        validate_python(InnovationPlatformModel, bad).to_domain()


@pytest.mark.parametrize("call_id", ["", "  "])
def test_an_empty_call_id_is_refused_at_the_json_boundary(call_id: str) -> None:
    model = validate_json(InnovationPlatformModel, json.dumps({**PLATFORM, "call_id": call_id}))
    with pytest.raises(InvalidInputError, match=r"^call_id: '.*' is not an id"):
        model.to_domain()
    absent = validate_json(InnovationPlatformModel, json.dumps({**PLATFORM, "call_id": None}))
    assert absent.to_domain().call_id is None


@pytest.mark.parametrize("year", [-3, 0])
def test_a_financing_year_no_calendar_has_names_its_path(year: int) -> None:
    # Refused when read, in the words of the domain's check.
    line = {"source": "state_fce_operating", "year": year, "amount": 1}
    with pytest.raises(
        InvalidInputError,
        match=rf"^financing\.0\.year: {year} is not a calendar year \(1 to 9999\)$",
    ):
        validate_python(InnovationPlatformModel, {**PLATFORM, "financing": [line]})


def test_unknown_fields_are_refused() -> None:
    with pytest.raises(InvalidInputError, match=r"budget"):
        validate_python(InnovationPlatformModel, {**PLATFORM, "budget": 1})


def test_a_call_closing_before_it_opens_is_refused() -> None:
    text = '{"id": "c", "name": "C", "opens_on": "2008-10-01", "closes_on": "2008-09-01"}'
    with pytest.raises(InvalidInputError, match=r"closes_on: 2008-09-01"):
        validate_json(CallForProjectsModel, text).to_domain()


def test_a_region_must_be_an_insee_code() -> None:
    text = (
        '{"id": "e", "region": "RA", "period_start": "2007-01-01",'
        ' "period_end": "2013-12-31", "amount": 1}'
    )
    with pytest.raises(InvalidInputError, match=r"region"):
        validate_json(CperEnvelopeModel, text)


def test_an_allocation_without_pole_is_not_linked() -> None:
    text = '{"ministry": "MESR", "body": "UJF", "year": 2010, "amount": "10.00"}'
    assert validate_json(AllocationModel, text).to_domain().linked_to_pole is False


@pytest.mark.parametrize(
    "model",
    [
        CallForProjectsModel,
        InnovationPlatformModel,
        CperEnvelopeModel,
        StructuringProjectModel,
        AllocationModel,
    ],
)
def test_every_model_has_a_json_schema(model: type[Any]) -> None:
    schema = model.model_json_schema()
    assert schema["additionalProperties"] is False
