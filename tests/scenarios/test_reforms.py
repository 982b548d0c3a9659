"""Reforms over a portfolio: several parameter sets, generalisation dates, regional tables."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import pytest

from poles_policy.data.demo import demo_cases
from poles_policy.exceptions import InvalidInputError, WrongTypeError
from poles_policy.parameters import default_parameters
from poles_policy.rules.relay import assess
from poles_policy.rules.relay.evaluation import compare, evaluate_portfolio
from poles_policy.scenarios import (
    RelayPortfolio,
    generalisation_sweep,
    outcome_counts,
    region_comparison,
    screen,
    screen_all,
    synthetic_relay_cases,
)

if TYPE_CHECKING:
    from poles_policy.parameters import ParameterSet

PILOT = default_parameters()
NATIONAL_2009 = PILOT.override("relay.national_from", date(2009, 1, 1))


# A reform that opens the scheme nationally and halves the share a relay may pre-finance: it
# admits cases outside Rhône-Alpes and no longer admits some within.
NATIONAL_HALF = NATIONAL_2009.override("relay.max_prefinanced_share", Decimal("0.5"))


@pytest.mark.parametrize("reform", [NATIONAL_2009, NATIONAL_HALF], ids=["national", "halved"])
def test_region_comparison_is_the_scalar_comparison_table(reform: ParameterSet) -> None:
    cases = demo_cases()
    summaries = [
        evaluate_portfolio(assess(c.request, params, loan=c.loan) for c in cases)
        for params in (PILOT, reform)
    ]
    scalar = [
        (
            r.region,
            r.requests,
            r.eligible_baseline,
            r.eligible_reform,
            r.newly_eligible,
            r.no_longer_eligible,
            r.net_change,
        )
        for r in compare(*summaries).regions
    ]
    table = region_comparison(RelayPortfolio.from_cases(cases), PILOT, reform)
    vector = [
        (code, *map(int, row)) for code, row in zip(table.index, table.to_numpy(), strict=True)
    ]
    assert vector == scalar
    assert list(table.columns) == [
        "requests",
        "eligible_baseline",
        "eligible_reform",
        "newly_eligible",
        "no_longer_eligible",
        "net_change",
    ]


def test_newly_and_no_longer_eligible_count_the_cases_that_change_outcome() -> None:
    # newly_eligible was the net change: -12 for Rhône-Alpes under the halved share, where 12
    # cases were no longer eligible and none newly so.
    portfolio = RelayPortfolio.from_cases(demo_cases())
    outcomes = screen_all(portfolio, {"pilot": PILOT, "reform": NATIONAL_HALF})
    gained = (outcomes["pilot"] != "eligible") & (outcomes["reform"] == "eligible")
    lost = (outcomes["pilot"] == "eligible") & (outcomes["reform"] != "eligible")
    table = region_comparison(portfolio, PILOT, NATIONAL_HALF)
    assert int(table["newly_eligible"].sum()) == int(gained.sum()) > 0
    assert int(table["no_longer_eligible"].sum()) == int(lost.sum()) > 0
    assert (table["net_change"] == table["newly_eligible"] - table["no_longer_eligible"]).all()
    assert table["no_longer_eligible"].to_dict()["82"] > 0
    assert (table["newly_eligible"] >= 0).all()


def test_region_comparison_on_a_synthetic_national_portfolio_counts_every_case() -> None:
    portfolio = RelayPortfolio.from_cases(synthetic_relay_cases(400, seed=3))
    table = region_comparison(portfolio, PILOT, NATIONAL_2009)
    assert int(table["requests"].sum()) == 400
    # Outside Rhône-Alpes the pilot admits nobody; the reform admits some.
    outside = table.drop(index=["82", "?"], errors="ignore")
    assert int(outside["eligible_baseline"].sum()) == 0
    assert int(outside["eligible_reform"].sum()) > 0


def test_screen_all_gives_one_outcome_column_per_scenario() -> None:
    portfolio = RelayPortfolio.from_cases(demo_cases())
    outcomes = screen_all(portfolio, {"pilot": PILOT, "national": NATIONAL_2009})
    assert list(outcomes.columns) == ["pilot", "national"]
    assert outcomes["pilot"].tolist() == screen(portfolio, PILOT)["outcome"].tolist()
    assert outcomes["national"].tolist() == screen(portfolio, NATIONAL_2009)["outcome"].tolist()


def test_generalisation_sweep_counts_as_screening_each_reform_does() -> None:
    portfolio = RelayPortfolio.from_cases(synthetic_relay_cases(300, seed=11))
    days = [date(2008, 1, 1), date(2010, 1, 1), date(2013, 1, 1)]
    sweep = generalisation_sweep(portfolio, PILOT, days)
    assert list(sweep.index) == days
    for day in days:
        counts = outcome_counts(screen(portfolio, PILOT.override("relay.national_from", day)))
        row = sweep.loc[day]
        assert [int(row[k]) for k in counts.index] == counts.tolist()
        decided = counts["eligible"] + counts["ineligible"]
        assert row["grant_rate"] == pytest.approx(counts["eligible"] / decided)


def test_the_sweep_replaces_a_base_already_generalised_by_a_dated_override() -> None:
    # A base national from 2010 by an override dated 2010: a sweep date of 2009 is in force for
    # the requests of 2009 as well, as from the pilot alone (32 eligible demo cases, not 23).
    portfolio = RelayPortfolio.from_cases(demo_cases())
    base = PILOT.override("relay.national_from", date(2010, 1, 1), valid_from=date(2010, 1, 1))
    days = [date(2009, 1, 1), date(2010, 1, 1)]
    from_base = generalisation_sweep(portfolio, base, days)
    assert from_base["eligible"].tolist() == [32, 23]
    pd.testing.assert_frame_equal(from_base, generalisation_sweep(portfolio, PILOT, days))


def test_an_earlier_generalisation_never_admits_fewer_cases() -> None:
    # RELAY.7: generalising the scheme never turns an eligible case ineligible.
    portfolio = RelayPortfolio.from_cases(synthetic_relay_cases(300, seed=5))
    sweep = generalisation_sweep(
        portfolio, PILOT, [date(y, 1, 1) for y in (2012, 2011, 2010, 2009, 2008)]
    )
    assert sweep["eligible"].is_monotonic_increasing


def test_grant_rate_is_nan_when_no_case_is_decided() -> None:
    sweep = generalisation_sweep(RelayPortfolio.from_cases([]), PILOT, [date(2009, 1, 1)])
    assert sweep["grant_rate"].isna().all()


def test_empty_scenarios_and_empty_dates_are_refused() -> None:
    portfolio = RelayPortfolio.from_cases(demo_cases())
    with pytest.raises(InvalidInputError, match="at least one parameter set"):
        screen_all(portfolio, {})
    with pytest.raises(InvalidInputError, match="at least one date"):
        generalisation_sweep(portfolio, PILOT, [])


def test_a_date_given_twice_to_the_sweep_is_refused() -> None:
    portfolio = RelayPortfolio.from_cases(demo_cases())
    with pytest.raises(InvalidInputError, match="2009-01-01 is given twice"):
        generalisation_sweep(portfolio, PILOT, [date(2009, 1, 1), date(2009, 1, 1)])


def test_reform_functions_name_an_argument_of_the_wrong_type() -> None:
    portfolio = RelayPortfolio.from_cases(demo_cases())
    # Each names the argument as the caller wrote it.
    with pytest.raises(TypeError, match=r"^screen_all: scenarios\['oops'\] must be a ParameterSet"):
        screen_all(portfolio, {"pilot": PILOT, "oops": "national"})  # type: ignore[dict-item]
    with pytest.raises(TypeError, match="region_comparison: portfolio must be"):
        region_comparison(demo_cases(), PILOT, NATIONAL_2009)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^region_comparison: reform must be a ParameterSet"):
        region_comparison(portfolio, PILOT, "x")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^region_comparison: baseline must be a ParameterSet"):
        region_comparison(portfolio, None, NATIONAL_2009)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="generalisation_sweep: params must be"):
        generalisation_sweep(portfolio, None, [date(2009, 1, 1)])  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("dates", "message"),
    [
        (
            ["2009-01-01"],
            (
                r"^generalisation_sweep: dates\[0\] must be a datetime\.date, not str "
                r"'2009-01-01' \(read it with datetime\.date\.fromisoformat\)$"
            ),
        ),
        (
            # Not read as 1 January 2009 and listed twice: the string is refused.
            [date(2009, 1, 1), "2009-01-01"],
            r"^generalisation_sweep: dates\[1\] must be a datetime\.date, not str '2009-01-01'",
        ),
        (
            [datetime(2009, 1, 1, 12, tzinfo=UTC)],
            (
                r"^generalisation_sweep: dates\[0\] must be a datetime\.date, not datetime "
                r".*\(take its \.date\(\)\)$"
            ),
        ),
        (
            pd.date_range("2009-01-01", periods=2, freq="YS"),
            (
                r"^generalisation_sweep: dates\[0\] must be a datetime\.date, not Timestamp "
                r".*\(take its \.date\(\); of a pd\.date_range\(\.\.\.\), pass its \.date\)$"
            ),
        ),
        (
            [np.datetime64("2009-01-01")],
            (
                r"^generalisation_sweep: dates\[0\] must be a datetime\.date, not datetime64 .*"
                r"\(for NumPy dates, pass \.tolist\(\) of a datetime64\[D\] array\)$"
            ),
        ),
        (
            [None],
            r"^generalisation_sweep: dates\[0\] must be a datetime\.date, not NoneType None$",
        ),
    ],
)
def test_a_sweep_date_that_is_not_a_date_is_refused_by_its_position(
    dates: object, message: str
) -> None:
    portfolio = RelayPortfolio.from_cases(demo_cases())
    with pytest.raises(WrongTypeError, match=message):
        generalisation_sweep(portfolio, PILOT, dates)  # type: ignore[arg-type]


def test_the_dates_of_a_pandas_date_range_are_taken_as_dates() -> None:
    portfolio = RelayPortfolio.from_cases(demo_cases())
    days = pd.date_range("2009-01-01", periods=2, freq="YS").date
    sweep = generalisation_sweep(portfolio, PILOT, days)
    assert sweep.index.tolist() == [date(2009, 1, 1), date(2010, 1, 1)]
    assert all(type(day) is date for day in sweep.index)


@pytest.mark.parametrize("name", [1, None, ("pilot",), b"pilot"])
def test_screen_all_refuses_a_scenario_name_that_is_not_a_string(name: object) -> None:
    portfolio = RelayPortfolio.from_cases(demo_cases())
    with pytest.raises(
        WrongTypeError,
        match=r"^screen_all: each name in scenarios must be a string \(the column's name\), not ",
    ):
        screen_all(portfolio, {"pilot": PILOT, name: NATIONAL_2009})  # type: ignore[dict-item]
