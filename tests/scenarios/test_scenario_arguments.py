"""Wrong arguments to the scenario functions get the library's errors, naming what is wrong."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import pytest

from poles_policy.data.demo import demo_cases
from poles_policy.exceptions import InvalidInputError, WrongTypeError
from poles_policy.parameters import default_parameters
from poles_policy.scenarios import (
    RelayPortfolio,
    contract_table,
    generalisation_sweep,
    outcome_counts,
    screen,
    screen_all,
    simulate_savings,
    synthetic_relay_cases,
)
from poles_policy.scenarios._arrays import whole_number
from poles_policy.scenarios.savings import add_months

if TYPE_CHECKING:
    from collections.abc import Callable

PARAMS = default_parameters()
PORTFOLIO = RelayPortfolio.from_cases(demo_cases())

CALLS: dict[str, tuple[Callable[[], object], type[Exception], str]] = {
    "screen(sme=None)": (
        lambda: screen(PORTFOLIO, PARAMS, sme=None),  # type: ignore[arg-type]
        WrongTypeError,
        r"^screen: sme must be True or False, not NoneType None$",
    ),
    "screen(None, params)": (
        lambda: screen(None, PARAMS),  # type: ignore[arg-type]
        WrongTypeError,
        r"^screen: portfolio must be a RelayPortfolio",
    ),
    "screen_all(p, None)": (
        lambda: screen_all(PORTFOLIO, None),  # type: ignore[arg-type]
        WrongTypeError,
        r"^screen_all: scenarios must be a mapping of names to parameter sets",
    ),
    "generalisation_sweep(dates=None)": (
        lambda: generalisation_sweep(PORTFOLIO, PARAMS, None),  # type: ignore[arg-type]
        WrongTypeError,
        r"^generalisation_sweep: dates must be a list of dates, not NoneType None$",
    ),
    "generalisation_sweep(dates=one date)": (
        lambda: generalisation_sweep(PORTFOLIO, PARAMS, date(2010, 1, 1)),  # type: ignore[arg-type]
        WrongTypeError,
        r"^generalisation_sweep: dates must be a list of dates, not date",
    ),
    "synthetic_relay_cases(start=None)": (
        lambda: synthetic_relay_cases(3, seed=1, start=None),  # type: ignore[arg-type]
        WrongTypeError,
        r"^synthetic_relay_cases: start must be a datetime\.date, not NoneType None$",
    ),
    "synthetic_relay_cases(10**30)": (
        lambda: synthetic_relay_cases(10**30, seed=1),
        InvalidInputError,
        r"^synthetic_relay_cases: count must be at most 300000, not 10{30}$",
    ),
    "simulate_savings(draws=10**30)": (
        lambda: simulate_savings(PORTFOLIO, PARAMS, draws=10**30, seed=1),
        InvalidInputError,
        r"^simulate_savings: draws must be at most 1000000, not 10{30}$",
    ),
    "RelayPortfolio.case(None)": (
        lambda: PORTFOLIO.case(None),  # type: ignore[arg-type]
        WrongTypeError,
        r"^RelayPortfolio\.case: case_id must be a string, not NoneType None$",
    ),
    "RelayPortfolio(cases=None)": (
        lambda: RelayPortfolio(cases=None),  # type: ignore[arg-type]
        WrongTypeError,
        r"^RelayPortfolio: cases must be a list of RelayCase, not NoneType None$",
    ),
    "contract_table(None, ...)": (
        lambda: contract_table(None, 2010, PARAMS),  # type: ignore[arg-type]
        WrongTypeError,
        r"^contract_table: contracts must be a list of PerformanceContract, not NoneType None$",
    ),
    "outcome_counts(None)": (
        lambda: outcome_counts(None),  # type: ignore[arg-type]
        WrongTypeError,
        r"^outcome_counts: frame must be a DataFrame with an 'outcome' column",
    ),
    "add_months(None, 1)": (
        lambda: add_months(None, 1),  # type: ignore[arg-type]
        WrongTypeError,
        r"^add_months: days must be a NumPy array of dates \(datetime64\), not NoneType None$",
    ),
    "add_months(days, '1')": (
        lambda: add_months(np.array(["2009-01-31"], dtype="datetime64[D]"), "1"),  # type: ignore[arg-type]
        WrongTypeError,
        r"^add_months: months must be a whole number of at least -120000, not str '1'$",
    ),
    "add_months(days, 10**30)": (
        lambda: add_months(np.array(["2009-01-31"], dtype="datetime64[D]"), 10**30),
        InvalidInputError,
        r"^add_months: months must be at most 120000, not 10{30}$",
    ),
}


@pytest.mark.parametrize("call", sorted(CALLS))
def test_a_wrong_argument_gets_the_library_s_error_naming_it(call: str) -> None:
    function, error, message = CALLS[call]
    with pytest.raises(error, match=message):
        function()


def test_a_count_at_its_limit_is_still_taken() -> None:
    # The limits refuse slips, not studies: the limit itself is a valid count.
    assert whole_number(1_000_000, "draws", at_least=1, at_most=1_000_000) == 1_000_000
    with pytest.raises(InvalidInputError, match=r"^draws must be at most 1000000, not 1000001$"):
        whole_number(1_000_001, "draws", at_least=1, at_most=1_000_000)


def test_a_portfolio_reads_a_generator_of_cases_once_and_keeps_them_all() -> None:
    cases = demo_cases()
    in_pilot = [c for c in cases if c.request.requested_on.year == 2009]
    assert 0 < len(in_pilot) < len(cases)
    from_generator = RelayPortfolio.from_cases(
        c for c in cases if c.request.requested_on.year == 2009
    )
    assert from_generator.cases == tuple(in_pilot)
    assert RelayPortfolio(cases=iter(cases)).cases == tuple(cases)
    assert len(RelayPortfolio.from_cases(map(lambda c: c, cases))) == len(cases)  # noqa: C417


@pytest.mark.parametrize("flag", [np.True_, np.False_, np.ones((), dtype=np.bool_)])
def test_a_numpy_bool_is_as_good_as_a_python_bool(flag: object) -> None:
    # A notebook's flags often come out of an array or a DataFrame.
    got = screen(PORTFOLIO, PARAMS, sme=flag)  # type: ignore[arg-type]
    assert got.equals(screen(PORTFOLIO, PARAMS, sme=bool(flag)))


@pytest.mark.parametrize("flag", [1, "yes", np.int64(1), np.array([True]), pd.NA])
def test_sme_that_is_not_a_bool_is_refused_naming_its_type(flag: object) -> None:
    with pytest.raises(WrongTypeError, match=r"^screen: sme must be True or False, not "):
        screen(PORTFOLIO, PARAMS, sme=flag)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "chance", [Decimal("0.5"), Decimal("0.50"), Fraction(1, 2), np.float32(0.5), np.float64(0.5)]
)
def test_an_exact_or_numpy_probability_is_as_good_as_a_float(chance: object) -> None:
    exact = simulate_savings(PORTFOLIO, PARAMS, draws=50, seed=3, oseo_asked=chance)  # type: ignore[arg-type]
    plain = simulate_savings(PORTFOLIO, PARAMS, draws=50, seed=3, oseo_asked=0.5)
    assert (exact.days == plain.days).all()
    assert (exact.inside == plain.inside).all()


@pytest.mark.parametrize(
    ("chance", "error"),
    [
        (Decimal("NaN"), InvalidInputError),
        (Decimal("1.5"), InvalidInputError),
        (Decimal("-0.1"), InvalidInputError),
        (Fraction(3, 2), InvalidInputError),
        # Another type is a TypeError too, as every argument of the wrong type is.
        (np.True_, WrongTypeError),
        ("0.5", WrongTypeError),
        (None, WrongTypeError),
    ],
)
def test_a_probability_out_of_range_or_of_another_type_is_refused(
    chance: object, error: type[InvalidInputError]
) -> None:
    with pytest.raises(
        error, match=r"^simulate_savings: oseo_asked must be a probability from 0 to 1[ ,]"
    ):
        simulate_savings(PORTFOLIO, PARAMS, draws=5, seed=1, oseo_asked=chance)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "dates",
    [{date(2009, 1, 1), date(2010, 1, 1)}, {date(2009, 1, 1): 1}, frozenset([date(2009, 1, 1)])],
    ids=["set", "dict", "frozenset"],
)
def test_a_sweep_over_dates_without_an_order_is_refused(dates: object) -> None:
    with pytest.raises(WrongTypeError, match="changes from run to run"):
        generalisation_sweep(PORTFOLIO, PARAMS, dates)  # type: ignore[arg-type]


def test_a_float_count_of_draws_is_a_wrong_type_naming_the_function() -> None:
    with pytest.raises(
        WrongTypeError, match=r"^simulate_savings: draws must be a whole number of at least 1"
    ):
        simulate_savings(PORTFOLIO, PARAMS, draws=10.0, seed=1)  # type: ignore[arg-type]


def test_the_portfolio_is_checked_before_the_other_arguments() -> None:
    with pytest.raises(WrongTypeError, match=r"^simulate_savings: portfolio"):
        simulate_savings(None, PARAMS, draws=10**9, seed=1)  # type: ignore[arg-type]


def test_outcome_counts_refuses_values_that_are_not_outcomes() -> None:
    with pytest.raises(InvalidInputError, match=r"holds 'ELIGIBLE', 'granted', which are not"):
        outcome_counts(pd.DataFrame({"outcome": ["ELIGIBLE", "eligible", "granted"]}))


def test_a_mapping_of_poles_is_refused_with_what_to_pass() -> None:
    from poles_policy.data import rhone_alpes_poles

    by_id = {pole.id: pole for pole in rhone_alpes_poles()}
    with pytest.raises(WrongTypeError, match="a mapping was given, not a list of pôles"):
        RelayPortfolio.from_cases(demo_cases(), poles=by_id)  # type: ignore[arg-type]
