"""The OSEO counter-guarantee and the pilot's totals over a portfolio, as the scalar rules say."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from poles_policy.data.demo import demo_cases
from poles_policy.exceptions import ParameterError, WrongTypeError
from poles_policy.explain import Outcome
from poles_policy.model.cases import RelayCase
from poles_policy.parameters import ParameterSet, default_parameters
from poles_policy.rules.relay import assess, counter_guarantee
from poles_policy.rules.relay.evaluation import evaluate_portfolio
from poles_policy.scenarios import (
    RelayPortfolio,
    counter_guarantees,
    from_cents,
    portfolio_totals,
    synthetic_relay_cases,
)
from poles_policy.testing import relay_cases

PARAMS = default_parameters()
# From the pilot's start: the guarantee and processing terms have values from that day on.
NATIONAL = PARAMS.override("relay.national_from", date(2008, 4, 1))


def _numbered(cases: list[RelayCase]) -> list[RelayCase]:
    out = []
    for i, case in enumerate(cases):
        request = attrs.evolve(case.request, id=f"case-{i}")
        loan = None if case.loan is None else attrs.evolve(case.loan, request_id=request.id)
        out.append(RelayCase(case_id=request.id, request=request, loan=loan))
    return out


def _scalar(case: RelayCase, params: ParameterSet) -> tuple[object, ...]:
    principal = case.request.amount if case.loan is None else case.loan.principal
    try:
        g = counter_guarantee(case.request, principal, params)
    except ParameterError:
        return (case.request.oseo_counter_guarantee, None, None, None)
    covered = None if g.covered is None else int(g.covered * 100)
    return (g.asked, g.share, covered, g.annual_fee_rate)


def _vector(table: pd.DataFrame) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for row in table.to_dict("records"):
        asked, covered = row["asked"], row["covered_cents"]
        rows.append(
            (
                None if asked is None or asked is pd.NA else bool(asked),
                row["share"],
                None if covered is None or covered is pd.NA else int(covered),
                row["annual_fee_rate"],
            )
        )
    return rows


@settings(max_examples=60)
@given(
    cases=st.lists(relay_cases(), max_size=6),
    synthetic=st.tuples(st.integers(0, 20), st.integers(0, 2**16)),
    share=st.decimals(min_value="0", max_value="1", places=3),
    share_from=st.sampled_from([None, date(2007, 6, 1), date(2008, 4, 1), date(2009, 1, 1)]),
)
def test_every_row_is_the_scalar_counter_guarantee(
    cases: list[RelayCase],
    synthetic: tuple[int, int],
    share: Decimal,
    share_from: date | None,
) -> None:
    # A share in force before the fee rate is (from 2007) leaves early requests without
    # terms: the scalar rule raises for them, and the table does not size them.
    params = PARAMS.override("relay.oseo.guarantee_share", share, valid_from=share_from)
    count, seed = synthetic
    numbered = _numbered(cases) + list(
        synthetic_relay_cases(count, seed=seed, start=date(2007, 6, 1))
    )
    table = counter_guarantees(RelayPortfolio.from_cases(numbered), params)
    assert _vector(table) == [_scalar(c, params) for c in numbered]


def test_the_share_shown_is_the_one_in_force_on_the_case_s_date() -> None:
    # Decimal("0.5") and Decimal("0.50") are equal; each case shows its own date's value.
    params = PARAMS.override("relay.oseo.guarantee_share", Decimal("0.5")).override(
        "relay.oseo.guarantee_share", Decimal("0.50"), valid_from=date(2009, 1, 1)
    )
    cases = [c for c in demo_cases() if c.request.oseo_counter_guarantee]
    table = counter_guarantees(RelayPortfolio.from_cases(cases), params)
    for case in cases:
        if case.request.requested_on >= date(2008, 4, 1):
            expected = str(_scalar(case, params)[1])
            assert str(table.loc[case.case_id, "share"]) == expected


def test_principal_is_the_loan_s_when_there_is_one() -> None:
    cases = demo_cases()
    principal = counter_guarantees(RelayPortfolio.from_cases(cases), PARAMS)["principal_cents"]
    for case, cents in zip(cases, principal.to_list(), strict=True):
        expected = case.request.amount if case.loan is None else case.loan.principal
        assert from_cents(cents) == expected


def test_a_request_asked_before_the_pilot_is_not_sized() -> None:
    early = [c for c in demo_cases() if c.request.requested_on < date(2008, 4, 1)]
    assert early
    assert early[0].request.oseo_counter_guarantee
    table = counter_guarantees(RelayPortfolio.from_cases(early), PARAMS)
    row = table.loc[early[0].case_id]
    assert bool(row["asked"])
    assert row["share"] is None
    assert row["covered_cents"] is pd.NA


@pytest.mark.parametrize(
    "params", [PARAMS, NATIONAL], ids=["pilot", "national from the pilot's start"]
)
def test_totals_of_the_demo_portfolio_are_the_scalar_balance_sheet(params: ParameterSet) -> None:
    cases = demo_cases()
    summary = evaluate_portfolio(assess(c.request, params, loan=c.loan) for c in cases)
    totals = portfolio_totals(RelayPortfolio.from_cases(cases), params)
    assert totals["requests"] == summary.requests
    counts = dict(summary.by_outcome)
    for outcome in Outcome:
        assert totals[outcome.value] == counts.get(outcome, 0)
    assert totals["prefinanced"] == summary.prefinanced
    assert totals["oseo_exposure"] == summary.oseo_exposure


def test_totals_of_a_synthetic_national_portfolio_are_the_scalar_balance_sheet() -> None:
    cases = synthetic_relay_cases(300, seed=12, start=date(2008, 4, 1))
    summary = evaluate_portfolio(assess(c.request, NATIONAL, loan=c.loan) for c in cases)
    totals = portfolio_totals(RelayPortfolio.from_cases(cases), NATIONAL)
    assert totals["eligible"] == dict(summary.by_outcome).get(Outcome.ELIGIBLE, 0) > 0
    assert totals["prefinanced"] == summary.prefinanced
    assert totals["oseo_exposure"] == summary.oseo_exposure


def test_an_eligible_request_asked_without_guarantee_terms_raises_a_parameter_error() -> None:
    early = [c for c in demo_cases() if c.request.requested_on < date(2008, 4, 1)]
    reaching_back = PARAMS.override("relay.national_from", date(2007, 1, 1))
    portfolio = RelayPortfolio.from_cases(early)
    # Both terms named at once, with the case and the function, as assess names them.
    with pytest.raises(ParameterError) as raised:
        portfolio_totals(portfolio, reaching_back)
    assert str(raised.value) == (
        "portfolio_totals: parameter set 'default + relay.national_from=2007-01-01' admits the "
        "request of 2008-02-18 (case demo-24), but the scheme's terms have no value on that day: "
        "relay.oseo.guarantee_share, relay.oseo.guarantee_fee_rate (their values start on "
        "2008-04-01). Give them for it too (ParameterSet.override with valid_from)"
    )


def test_from_cents_turns_cents_into_exact_amounts() -> None:
    assert from_cents(1) == Decimal("0.01")
    assert from_cents(-250) == Decimal("-2.50")
    assert from_cents(10**20) == Decimal("1000000000000000000.00")


@pytest.mark.parametrize("value", [1.5, True, "12", Decimal(12)])
def test_from_cents_refuses_anything_but_a_whole_number(value: object) -> None:
    with pytest.raises(WrongTypeError, match="cents must be a whole number of cents"):
        from_cents(value)  # type: ignore[arg-type]


def test_a_28_digit_share_of_small_amounts_stays_in_64_bits() -> None:
    share = "0.3333333333333333333333333333"
    thirds = PARAMS.override("relay.oseo.guarantee_share", share)
    table = counter_guarantees(RelayPortfolio.from_cases(demo_cases()), thirds)
    assert table["covered_cents"].dtype == "Int64"
    assert table.loc["demo-01", "covered_cents"] == 5000000  # a third of 150 000.00 EUR
