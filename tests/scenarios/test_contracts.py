"""Many performance contracts in one table: the scalar progress of each, row by row (GOV.1)."""

from __future__ import annotations

from datetime import date

import attrs
import numpy as np
import pytest

from poles_policy.exceptions import InvalidInputError, WrongTypeError
from poles_policy.model.actors import StateBody, StateKind
from poles_policy.model.contracts import (
    Axis,
    Direction,
    Indicator,
    Measurement,
    Objective,
    OperatingBudget,
    PerformanceContract,
)
from poles_policy.parameters import default_parameters
from poles_policy.rules.steering import contract_progress
from poles_policy.scenarios import contract_table

PARAMS = default_parameters()
PREFET = StateBody(id="prefet", name="Préfet de région", kind=StateKind.PREFET_DE_REGION)


def _contract(ident: str, value: str | None, public: str = "300000") -> PerformanceContract:
    measured = () if value is None else (Measurement(year=2010, value=value),)
    members = Indicator(
        id="sme",
        name="SME members",
        unit="count",
        baseline=90,
        target=120,
        direction=Direction.INCREASE,
        measurements=measured,
    )
    return PerformanceContract(
        id=ident,
        pole_id=f"pole-{ident}",
        state=PREFET,
        governing_body_name="Association (example)",
        start=date(2009, 1, 1),
        end=date(2011, 12, 31),
        objectives=(Objective(id="grow", title="Grow", axis=Axis.ECO_1, indicators=(members,)),),
        budgets=(OperatingBudget(year=2010, total="600000", public=public),),
    )


CONTRACTS = [
    _contract("a", "125"),
    _contract("b", "105"),
    _contract("c", "109"),
    _contract("d", None),
]


def test_each_row_is_the_contract_s_scalar_progress() -> None:
    table = contract_table(CONTRACTS, 2010, PARAMS)
    assert list(table.index) == ["a", "b", "c", "d"]
    # The line expects 110 by the end of 2010.
    assert table["status"].tolist() == ["achieved", "off_track", "off_track", "no_data"]
    assert table["off_track"].tolist() == ["", "grow", "grow", ""]
    for contract in CONTRACTS:
        progress = contract_progress(contract, 2010, PARAMS)
        row = table.loc[contract.id]
        assert row["status"] == progress.status.value
        assert row["public_share"] == progress.public_share
        assert row["missing"] == len(progress.missing)
    assert table.loc["a", "public_share_check"] == "not_applicable"
    # Before the share's target applies (2011 for a contract starting in 2009), it has no status.
    assert table["public_share_status"].isna().all()


def _in_2011(ident: str, public: str) -> PerformanceContract:
    contract = _contract(ident, None, public)
    members = contract.objectives[0].indicators[0]
    measured = attrs.evolve(members, measurements=(Measurement(year=2011, value="125"),))
    objective = attrs.evolve(contract.objectives[0], indicators=(measured,))
    budget = OperatingBudget(year=2011, total="600000", public=public)
    return attrs.evolve(contract, objectives=(objective,), budgets=(budget,))


def test_a_contract_off_track_only_by_its_public_share_says_so_in_its_own_column() -> None:
    # GOV.1: the public share is due under 50 % from the calendar year the third year ends.
    table = contract_table([_in_2011("low", "240000"), _in_2011("high", "360000")], 2011, PARAMS)
    assert table["status"].tolist() == ["achieved", "off_track"]
    assert table["off_track"].tolist() == ["", ""]
    assert table["public_share_status"].tolist() == ["achieved", "off_track"]
    assert table["public_share_check"].tolist() == ["met", "not_met"]
    assert table.index[table["public_share_status"] == "off_track"].tolist() == ["high"]


def test_the_table_sorts_out_the_contracts_off_track() -> None:
    table = contract_table(CONTRACTS, 2010, PARAMS)
    assert table.index[table["status"] == "off_track"].tolist() == ["b", "c"]


def test_an_empty_list_gives_an_empty_table_with_every_column() -> None:
    table = contract_table([], 2010, PARAMS)
    assert table.empty
    # The same dtypes as a table with rows: a dashboard's code need not special-case none.
    assert table.dtypes.to_dict() == contract_table(CONTRACTS, 2010, PARAMS).dtypes.to_dict()
    assert list(table.columns) == [
        "pole_id",
        "status",
        "objectives",
        "off_track",
        "public_share",
        "public_share_status",
        "public_share_check",
        "missing",
    ]


def test_bad_input_is_named() -> None:
    with pytest.raises(InvalidInputError, match="contract 'a' appears twice"):
        contract_table([CONTRACTS[0], CONTRACTS[0]], 2010, PARAMS)
    with pytest.raises(InvalidInputError, match="item 1 is a str, not a performance contract"):
        contract_table([CONTRACTS[0], "b"], 2010, PARAMS)  # type: ignore[list-item]
    with pytest.raises(InvalidInputError, match=r"year: 2012 is not a year of contract 'a'"):
        contract_table(CONTRACTS, 2012, PARAMS)
    with pytest.raises(TypeError, match="params must be a ParameterSet"):
        contract_table(CONTRACTS, 2010, None)  # type: ignore[arg-type]


def test_a_numpy_year_is_as_good_as_a_python_one() -> None:
    # A year read from an array or a DataFrame column is a NumPy integer.
    table = contract_table(CONTRACTS, np.int64(2010), PARAMS)  # type: ignore[arg-type]
    assert table.equals(contract_table(CONTRACTS, 2010, PARAMS))


@pytest.mark.parametrize("year", ["2010", 2010.0, True, None])
def test_a_year_that_is_not_a_whole_number_is_refused_naming_contract_table(year: object) -> None:
    with pytest.raises(WrongTypeError, match=r"^contract_table: year must be an int, not "):
        contract_table(CONTRACTS, year, PARAMS)  # type: ignore[arg-type]
