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
from poles_policy.boundary.contracts import (
    CoordinationCommitteeModel,
    IndicatorModel,
    MeasurementModel,
    PerformanceContractModel,
)
from poles_policy.dates import add_months
from poles_policy.exceptions import DocumentError, InvalidInputError
from poles_policy.model._validators import readable
from poles_policy.model.actors import (
    AuthorityLevel,
    LocalAuthority,
    StateBody,
    StateKind,
)
from poles_policy.model.committees import CommitteeMember, CoordinationCommittee, Meeting
from poles_policy.model.contracts import (
    Axis,
    Direction,
    Indicator,
    Measurement,
    Objective,
    OperatingBudget,
    PerformanceContract,
)

IDS = st.text(alphabet=string.ascii_lowercase + string.digits + "-", min_size=1, max_size=8)
NAMES = st.text(min_size=1, max_size=12).filter(readable)
MONEY = st.integers(min_value=0, max_value=10**12).map(lambda c: Decimal(c).scaleb(-2))
DATES = st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31))
# An indicator's figures take at most 28 digits written out (7.1E-14 may take more).
NUMBERS = st.decimals(
    allow_nan=False, allow_infinity=False, min_value=-(10**9), max_value=10**9
).filter(lambda d: len(format(d, "f").lstrip("-").replace(".", "")) <= 28)


@st.composite
def indicators(draw: st.DrawFn, ident: str, years: range) -> Indicator:
    direction = draw(st.sampled_from(Direction))
    baseline, other = draw(NUMBERS), draw(NUMBERS)
    low, high = min(baseline, other), max(baseline, other)
    target = high if direction is Direction.INCREASE else low
    measured = draw(st.lists(st.sampled_from(years), unique=True, max_size=4))
    return Indicator(
        id=ident,
        name=draw(NAMES),
        unit=draw(st.sampled_from(["count", "EUR", "share"])),
        baseline=baseline,
        target=target,
        direction=direction,
        measurements=[Measurement(year=y, value=draw(NUMBERS)) for y in measured],
    )


@st.composite
def objectives(draw: st.DrawFn, ident: str, years: range) -> Objective:
    indicator_ids = draw(st.lists(IDS, unique=True, max_size=3))
    return Objective(
        id=ident,
        title=draw(NAMES),
        axis=draw(st.sampled_from(Axis)),
        indicators=[draw(indicators(i, years)) for i in indicator_ids],
    )


@st.composite
def budgets(draw: st.DrawFn, year: int) -> OperatingBudget:
    total = draw(MONEY)
    public = draw(st.integers(min_value=0, max_value=int(total * 100))) / Decimal(100)
    return OperatingBudget(year=year, total=total, public=public)


@st.composite
def contracts(draw: st.DrawFn) -> PerformanceContract:
    start = draw(DATES)
    end = start + timedelta(days=draw(st.integers(1, 2000)))
    # Budgets and measurements of the calendar years the period touches, signed in time.
    years = range(start.year, end.year + 1)
    signed = st.dates(min_value=add_months(start, -12), max_value=end)
    authority_ids = draw(st.lists(IDS, unique=True, max_size=3))
    return PerformanceContract(
        id=draw(IDS),
        pole_id=draw(IDS),
        state=StateBody(
            id=draw(IDS),
            name=draw(NAMES),
            kind=draw(st.sampled_from(StateKind)),
            region=draw(st.none() | st.just("82")),
        ),
        local_authorities=[
            LocalAuthority(id=i, name=draw(NAMES), level=draw(st.sampled_from(AuthorityLevel)))
            for i in authority_ids
        ],
        governing_body_name=draw(NAMES),
        signed_on=draw(st.none() | signed),
        start=start,
        end=end,
        objectives=[
            draw(objectives(i, years)) for i in draw(st.lists(IDS, unique=True, max_size=3))
        ],
        budgets=[
            draw(budgets(y))
            for y in draw(st.lists(st.sampled_from(years), unique=True, max_size=4))
        ],
    )


@st.composite
def committees(draw: st.DrawFn) -> CoordinationCommittee:
    member_ids = draw(st.lists(IDS, unique=True, max_size=5))
    members = [
        CommitteeMember(actor_id=i, name=draw(NAMES), funder=draw(st.booleans()))
        for i in member_ids
    ]
    meeting_days = draw(st.lists(DATES, unique=True, max_size=4))
    meetings = [
        Meeting(
            held_on=d,
            attendees=draw(st.lists(st.sampled_from(member_ids), unique=True))
            if member_ids
            else (),
            contract_id=draw(st.none() | IDS),
        )
        for d in meeting_days
    ]
    return CoordinationCommittee(
        pole_id=draw(IDS),
        members=members,
        meetings=meetings,
        planned=draw(
            st.none()
            | st.sampled_from(
                ["FREQ=MONTHLY;INTERVAL=6", "RRULE:FREQ=YEARLY;COUNT=3", "FREQ=WEEKLY;BYDAY=MO"]
            )
        ),
    )


# --- round trips: domain -> JSON -> domain is the identity ----------------------------------


@given(contracts())
def test_a_contract_survives_json(contract: PerformanceContract) -> None:
    text = PerformanceContractModel.from_domain(contract).model_dump_json()
    assert PerformanceContractModel.model_validate_json(text).to_domain() == contract


@given(committees())
def test_a_committee_survives_json(committee: CoordinationCommittee) -> None:
    text = CoordinationCommitteeModel.from_domain(committee).model_dump_json()
    assert CoordinationCommitteeModel.model_validate_json(text).to_domain() == committee


# --- the JSON form --------------------------------------------------------------------------


def _contract_json() -> dict[str, Any]:
    contract = PerformanceContract(
        id="cp",
        pole_id="minalogic",
        state=StateBody(id="prefet-82", name="Préfet", kind=StateKind.PREFET_DE_REGION),
        local_authorities=(
            LocalAuthority(id="r82", name="Région", level=AuthorityLevel.REGION, region="82"),
        ),
        governing_body_name="Association Minalogic",
        start=date(2009, 1, 1),
        end=date(2011, 12, 31),
        objectives=(
            Objective(
                id="o1",
                title="SMEs",
                axis=Axis.ECO_1,
                indicators=(
                    Indicator(
                        id="i1",
                        name="SME members",
                        unit="count",
                        baseline=Decimal(120),
                        target=Decimal(180),
                        direction=Direction.INCREASE,
                    ),
                ),
            ),
        ),
    )
    data: dict[str, Any] = PerformanceContractModel.from_domain(contract).model_dump(mode="json")
    return data


def test_axes_are_written_with_their_clause_stems() -> None:
    data = _contract_json()
    assert data["objectives"][0]["axis"] == "ECO.1"
    assert data["objectives"][0]["indicators"][0]["direction"] == "increase"


def test_indicator_values_are_exact_decimal_strings() -> None:
    model = validate_json(
        IndicatorModel,
        '{"id": "i", "name": "n", "unit": "share", "baseline": 0.75, "target": "0.5",'
        ' "direction": "decrease", "measurements": [{"year": 2010, "value": 0.1}]}',
    )
    indicator = model.to_domain()
    assert indicator.baseline == Decimal("0.75")
    assert indicator.measurements[0].value == Decimal("0.1")
    dumped = json.loads(model.model_dump_json())
    assert dumped["baseline"] == "0.75"
    assert dumped["measurements"][0]["value"] == "0.1"


def test_large_exponents_are_written_positionally() -> None:
    model = MeasurementModel.from_domain(Measurement(year=2010, value=Decimal("1E+3")))
    assert json.loads(model.model_dump_json())["value"] == "1000"


@pytest.mark.parametrize("value", ["NaN", "1e5", "abc", True])
def test_an_inexact_or_odd_indicator_value_is_refused(value: object) -> None:
    with pytest.raises(InvalidInputError, match=r"value"):
        validate_python(MeasurementModel, {"year": 2010, "value": value})


def test_a_backward_target_names_its_path() -> None:
    data = _contract_json()
    data["objectives"][0]["indicators"][0]["target"] = "100"
    with pytest.raises(
        InvalidInputError,
        match=r"^objectives\.0\.indicators\.0\.target: 100 is below the baseline 120",
    ):
        validate_python(PerformanceContractModel, data).to_domain()


def test_public_funding_above_the_total_names_its_path() -> None:
    data = _contract_json()
    data["budgets"] = [
        {"year": 2009, "total": 100, "public": 50},
        {"year": 2010, "total": 100, "public": 150},
    ]
    with pytest.raises(InvalidInputError, match=r"^budgets\.1\.public: 150\.00"):
        validate_python(PerformanceContractModel, data).to_domain()


def test_a_budget_of_a_year_outside_the_contract_names_its_json_path() -> None:
    data = _contract_json()
    data["budgets"] = [
        {"year": 2011, "total": 100, "public": 40},
        {"year": 2009, "total": 100, "public": 75},
        {"year": 1850, "total": 1, "public": 0},
    ]
    with pytest.raises(
        InvalidInputError,
        match=(
            r"^budgets\.2\.year: 1850 is outside the contract's years 2009-2011 and its "
            r"baseline year 2008$"
        ),
    ):
        validate_python(PerformanceContractModel, data).to_domain()


def test_a_measurement_of_a_year_outside_the_contract_names_its_json_path() -> None:
    # The path counts the measurements as the document writes them, not oldest first.
    data = _contract_json()
    data["objectives"][0]["indicators"][0]["measurements"] = [
        {"year": 2010, "value": 150},
        {"year": 2030, "value": 1},
        {"year": 2009, "value": 131},
    ]
    with pytest.raises(
        InvalidInputError,
        match=(
            r"^objectives\.0\.indicators\.0\.measurements\.1\.year: 2030 is outside the "
            r"contract's years 2009-2011$"
        ),
    ):
        validate_json(PerformanceContractModel, json.dumps(data)).to_domain()


@pytest.mark.parametrize("year", [2007, 2012, 1850, 2030])
def test_json_and_python_refuse_the_same_years(year: int) -> None:
    data = _contract_json()
    data["budgets"] = [{"year": year, "total": 100, "public": 40}]
    model = validate_python(PerformanceContractModel, data)
    with pytest.raises(InvalidInputError) as from_json:
        model.to_domain()
    with pytest.raises(InvalidInputError) as from_python:
        PerformanceContract(
            id=model.id,
            pole_id=model.pole_id,
            state=model.state.to_domain(),
            governing_body_name=model.governing_body_name,
            start=model.start,
            end=model.end,
            budgets=(OperatingBudget(year=year, total=Decimal(100), public=Decimal(40)),),
        )
    reason = f"{year} is outside the contract's years 2009-2011 and its baseline year 2008"
    assert str(from_json.value) == f"budgets.0.year: {reason}"
    assert str(from_python.value) == f"PerformanceContract.budgets[0].year: {reason}"


def test_a_signing_date_after_the_end_is_refused_from_json() -> None:
    data = {**_contract_json(), "signed_on": "2030-01-01"}
    model = validate_json(PerformanceContractModel, json.dumps(data))
    with pytest.raises(
        InvalidInputError,
        match=r"signed_on: 2030-01-01 is after the contract's end 2011-12-31",
    ):
        model.to_domain()


def test_a_contract_signed_after_its_start_reads_from_json() -> None:
    data = {**_contract_json(), "signed_on": "2009-07-06"}
    contract = validate_json(PerformanceContractModel, json.dumps(data)).to_domain()
    assert contract.signed_on == date(2009, 7, 6)


def test_a_wrong_period_is_named_before_the_years_it_would_hold() -> None:
    data = {**_contract_json(), "end": "2008-12-31"}
    data["budgets"] = [{"year": 1850, "total": 1, "public": 0}]
    with pytest.raises(InvalidInputError, match=r"^end: 2008-12-31"):
        validate_python(PerformanceContractModel, data).to_domain()


def test_an_end_before_the_start_is_refused() -> None:
    data = {**_contract_json(), "end": "2008-12-31"}
    with pytest.raises(InvalidInputError, match=r"end: 2008-12-31"):
        validate_python(PerformanceContractModel, data).to_domain()


def test_an_unknown_axis_names_its_path() -> None:
    data = _contract_json()
    data["objectives"][0]["axis"] = "ECO.5"
    with pytest.raises(InvalidInputError, match=r"objectives\.0\.axis"):
        validate_python(PerformanceContractModel, data)


def test_a_committee_reads_from_json() -> None:
    committee = validate_json(
        CoordinationCommitteeModel,
        '{"pole_id": "minalogic", "members": [{"actor_id": "r82", "name": "Région",'
        ' "funder": true}], "meetings": [{"held_on": "2010-06-21", "attendees": ["r82"]}],'
        ' "planned": "FREQ=MONTHLY;INTERVAL=6"}',
    ).to_domain()
    assert committee.funders[0].actor_id == "r82"
    assert committee.meetings[0].contract_id is None


def test_a_bad_planned_rule_is_refused_from_json() -> None:
    model = validate_json(CoordinationCommitteeModel, '{"pole_id": "p", "planned": "sometimes"}')
    with pytest.raises(InvalidInputError, match=r"planned: 'sometimes'"):
        model.to_domain()


def test_an_attendee_twice_names_the_meeting_path() -> None:
    model = validate_json(
        CoordinationCommitteeModel,
        '{"pole_id": "p", "members": [{"actor_id": "a", "name": "A", "funder": false}],'
        ' "meetings": [{"held_on": "2010-01-01", "attendees": ["a", "a"]}]}',
    )
    with pytest.raises(InvalidInputError, match=r"^meetings\.0\.attendees: attendee 'a'"):
        model.to_domain()


@pytest.mark.parametrize(
    "model", [PerformanceContractModel, CoordinationCommitteeModel, IndicatorModel]
)
def test_every_model_has_a_json_schema(model: type[Any]) -> None:
    assert model.model_json_schema()["additionalProperties"] is False


# --- a repeated item of a list the domain keeps sorted, named where the document has it ----------


def _problems(model: Any, document: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    from poles_policy.exceptions import DocumentError

    with pytest.raises(DocumentError) as info:
        validate_json(model, json.dumps(document)).to_domain()
    return info.value.problems


def test_a_budget_year_given_twice_is_named_at_its_second_row_as_written() -> None:
    data = _contract_json()
    data["budgets"] = [
        {"year": year, "total": "1.00", "public": "0.00"} for year in (2010, 2009, 2010)
    ]
    assert _problems(PerformanceContractModel, data) == (
        ("budgets.2", "budget year '2010' appears twice (items 0 and 2)"),
    )


def test_a_measurement_year_given_twice_is_named_at_its_second_row_as_written() -> None:
    data = _contract_json()
    data["objectives"][0]["indicators"][0]["measurements"] = [
        {"year": year, "value": "130"} for year in (2011, 2010, 2011)
    ]
    assert _problems(PerformanceContractModel, data) == (
        (
            "objectives.0.indicators.0.measurements.2",
            "year '2011' appears twice (items 0 and 2)",
        ),
    )


def test_a_meeting_date_given_twice_is_named_at_its_second_row_as_written() -> None:
    data = {
        "pole_id": "p",
        "meetings": [{"held_on": day} for day in ("2010-06-21", "2009-01-01", "2010-06-21")],
    }
    assert _problems(CoordinationCommitteeModel, data) == (
        ("meetings.2", "meeting date '2010-06-21' appears twice (items 0 and 2)"),
    )


def test_a_history_event_given_twice_is_named_at_its_second_row_as_written() -> None:
    from poles_policy.boundary.poles import PoleModel

    events = [("labelled", "2005-07-12"), ("confirmed", "2010-05-11"), ("confirmed", "2010-05-11")]
    data = {
        "id": "p",
        "name": "P",
        "category": "national",
        "head_office_region": "82",
        "history": [{"kind": kind, "on": on, "source": "s"} for kind, on in events[::-1]],
    }
    assert _problems(PoleModel, data) == (
        ("history.1", "event 'confirmed on 2010-05-11' appears twice (items 0 and 1)"),
    )


def test_an_attendee_who_is_not_a_member_is_named_at_its_place() -> None:
    data = {
        "pole_id": "p",
        "members": [{"actor_id": "a", "name": "A", "funder": True}],
        "meetings": [{"held_on": "2010-06-21", "attendees": ["a", "zz"]}],
    }
    assert _problems(CoordinationCommitteeModel, data) == (
        (
            "meetings.0.attendees.1",
            "attendee 'zz' of the meeting on 2010-06-21 is not a member of the committee",
        ),
    )


def test_an_error_in_the_state_s_fields_keeps_the_field_s_name_in_its_path() -> None:
    # "state" is both a field of the contract and the kind of an actor: the path keeps it.
    data = _contract_json()
    data["state"]["name"] = 5
    data["local_authorities"][0]["kind"] = "bank"
    with pytest.raises(DocumentError) as caught:
        validate_json(PerformanceContractModel, json.dumps(data))
    assert [path for path, _ in caught.value.problems] == [
        "state.name",
        "local_authorities.0.kind",
    ]


@pytest.mark.parametrize("year", [0, 10000])
def test_a_year_out_of_the_calendar_is_refused_in_the_domain_s_words(year: int) -> None:
    data = _contract_json()
    data["budgets"] = [{"year": year, "total": 100, "public": 40}]
    with pytest.raises(DocumentError) as caught:
        validate_json(PerformanceContractModel, json.dumps(data))
    assert caught.value.problems == (
        ("budgets.0.year", f"{year} is not a calendar year (1 to 9999)"),
    )
