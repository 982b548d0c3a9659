"""Monte Carlo of the time saved: within the scalar rule's range, and its promise, seeded."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from poles_policy import dates
from poles_policy.data.demo import demo_cases
from poles_policy.exceptions import InvalidInputError, ParameterError, WrongTypeError
from poles_policy.model.projects import PaymentKind, ScheduledPayment
from poles_policy.parameters import ParameterSet, default_parameters
from poles_policy.rules.relay import assess_case, time_saved
from poles_policy.rules.relay.evaluation import Distribution, evaluate_portfolio
from poles_policy.scenarios import (
    RelayPortfolio,
    SavingsSimulation,
    simulate_savings,
    synthetic_relay_cases,
)
from poles_policy.scenarios.savings import add_months

if TYPE_CHECKING:
    from poles_policy.model.cases import RelayCase

PARAMS = default_parameters()
# National from the pilot's start: the processing times have values from that day on.
NATIONAL = PARAMS.override("relay.national_from", date(2008, 4, 1))


@given(
    day=st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)),
    months=st.integers(min_value=-60, max_value=60),
)
def test_add_months_on_arrays_is_the_scalar_add_months(day: date, months: int) -> None:
    got = add_months(np.array([day], dtype="datetime64[D]"), months)
    assert got.tolist() == [dates.add_months(day, months)]


def _check_against_the_scalar_rule(
    simulation: SavingsSimulation, cases: dict[str, RelayCase], params: ParameterSet
) -> None:
    for column, case_id in enumerate(simulation.case_ids):
        case = cases[case_id]
        scalar = time_saved(case.request, params, loan=case.loan)
        assert scalar.days_low is not None
        assert scalar.days_high is not None
        drawn = simulation.days[:, column]
        assert (drawn >= scalar.days_low).all()
        assert (drawn <= scalar.days_high).all()
        inside = simulation.inside[:, column]
        if scalar.promise == "inside":
            assert inside.all()
        elif scalar.promise in {"below", "above", None}:
            assert not inside.any()
        if scalar.days_low == scalar.days_high:
            assert (drawn == scalar.days_low).all()


@st.composite
def promises(draw: st.DrawFn) -> ParameterSet:
    """The national reform, with promised bounds of the analyst's choosing (0 months included)."""
    low = draw(st.integers(min_value=0, max_value=8))
    high = low + draw(st.integers(min_value=0, max_value=6))
    return NATIONAL.overrides(
        {"relay.promised_gain_months.low": low, "relay.promised_gain_months.high": high},
        valid_from=date(2008, 4, 1),
    )


@settings(max_examples=30)
@given(
    count=st.integers(min_value=15, max_value=40),
    cases_seed=st.integers(min_value=0, max_value=2**16),
    seed=st.integers(min_value=0, max_value=2**32),
    oseo_asked=st.sampled_from([0.0, 0.3, 1.0]),
    params=promises(),
)
def test_every_draw_lies_in_the_scalar_range_and_agrees_with_its_promise(
    count: int, cases_seed: int, seed: int, oseo_asked: float, params: ParameterSet
) -> None:
    cases = synthetic_relay_cases(count, seed=cases_seed, start=date(2008, 4, 1))
    simulation = simulate_savings(
        RelayPortfolio.from_cases(cases), params, draws=40, seed=seed, oseo_asked=oseo_asked
    )
    # Made national, most synthetic requests are eligible: the check is never empty.
    assert simulation.case_ids
    _check_against_the_scalar_rule(simulation, {c.case_id: c for c in cases}, params)


@pytest.mark.parametrize("low", [0, 6])
def test_demo_cases_with_loans_and_schedules_agree_with_the_scalar_rule(low: int) -> None:
    # The demo has actual disbursements, planned schedules and a relay after the subsidy.
    params = NATIONAL.override("relay.promised_gain_months.low", low, valid_from=date(2008, 4, 1))
    cases = demo_cases()
    simulation = simulate_savings(RelayPortfolio.from_cases(cases), params, draws=200, seed=5)
    assert len(simulation.case_ids) == 32
    _check_against_the_scalar_rule(simulation, {c.case_id: c for c in cases}, params)


def test_a_relay_after_the_subsidy_saves_nothing_and_a_zero_month_promise_holds_it() -> None:
    # With a promise from 0 months, a zero saving (relay after the subsidy) is inside it.
    params = NATIONAL.override("relay.promised_gain_months.low", 0, valid_from=date(2008, 4, 1))
    cases = {c.case_id: c for c in demo_cases()}
    simulation = simulate_savings(
        RelayPortfolio.from_cases(cases.values()), params, draws=20, seed=1
    )
    after = [
        case_id
        for case_id in simulation.case_ids
        if (t := time_saved(cases[case_id].request, params, loan=cases[case_id].loan)).after_subsidy
        and t.days_high == 0
    ]
    assert after
    column = simulation.case_ids.index(after[0])
    assert (simulation.days[:, column] == 0).all()
    assert simulation.inside[:, column].all()


def _with_schedule(case: RelayCase, *schedule: ScheduledPayment) -> RelayCase:
    request = case.request
    assert request.project.aid is not None
    aid = request.project.aid[0]
    partner = attrs.evolve(aid.partners[0], schedule=schedule)
    project = attrs.evolve(request.project, aid=(attrs.evolve(aid, partners=(partner,)),))
    return attrs.evolve(case, request=attrs.evolve(request, project=project))


def test_a_payment_planned_inside_an_estimated_window_comes_first_when_it_is_earlier() -> None:
    # demo-21's advance, undated, is estimated from 2009-09-02 to 2009-12-02; an intermediate
    # payment planned on 2009-11-01 comes first whenever the advance falls after it.
    planned = date(2009, 11, 1)
    case = _with_schedule(
        next(c for c in demo_cases() if c.case_id == "demo-21"),
        ScheduledPayment(kind=PaymentKind.ADVANCE, amount="150000"),
        ScheduledPayment(kind=PaymentKind.INTERMEDIATE, amount="330000", expected_on=planned),
    )
    saved = time_saved(case.request, PARAMS)
    advance = next(t for t in saved.bridging.tranches if t.kind is PaymentKind.ADVANCE)
    assert (advance.earliest, advance.latest) == (date(2009, 9, 2), date(2009, 12, 2))
    assert (saved.first_payment_earliest, saved.first_payment_latest) == (date(2009, 9, 2), planned)
    # Each day of the advance's window equally likely: the first payment is the earlier of it
    # and the planned one, and inside the promise of 6 to 9 months when that is.
    out = saved.disbursed_earliest
    assert saved.disbursed_latest == out
    days = [
        advance.earliest + timedelta(k) for k in range((advance.latest - advance.earliest).days + 1)
    ]
    first = [min(day, planned) for day in days]
    p_planned = sum(day == planned for day in first) / len(first)  # 32 of 92 days
    p_inside = sum(
        (6, 0) <= dates.duration(out, day).months_and_days <= (9, 0) for day in first
    ) / len(first)
    simulation = simulate_savings(RelayPortfolio.from_cases([case]), PARAMS, draws=40_000, seed=3)
    drawn = simulation.days[:, 0]
    assert drawn.min() == saved.saving_low.days  # type: ignore[union-attr]
    assert drawn.max() == (planned - out).days
    # 40 000 draws: a standard error of at most 0.0025 on each share.
    assert abs((drawn == (planned - out).days).mean() - p_planned) < 0.015
    assert abs(simulation.per_case()["p_inside"].iloc[0] - p_inside) < 0.015


def test_payments_estimated_in_the_same_window_are_one_draw() -> None:
    # A second State aid decided on the same letter: its advance is estimated in the same window
    # as the first one's, the same estimate. Drawing the two apart would move the first payment
    # early (the earlier of two draws) and the share inside the promise from 0.54 to 0.30.
    base = next(c for c in demo_cases() if c.case_id == "demo-21")
    request = base.request
    assert request.project.aid is not None
    aid = request.project.aid[0]
    twin = attrs.evolve(aid, call="FUI 8 (second decision)")
    project = attrs.evolve(request.project, aid=(aid, twin))
    case = attrs.evolve(base, request=attrs.evolve(request, project=project))
    windows = {(t.earliest, t.latest) for t in time_saved(case.request, PARAMS).bridging.tranches}
    assert (date(2009, 9, 2), date(2009, 12, 2)) in windows
    alone, twice = (
        simulate_savings(RelayPortfolio.from_cases([c]), PARAMS, draws=2000, seed=3)
        for c in (base, case)
    )
    assert (alone.days == twice.days).all()
    assert (alone.inside == twice.inside).all()


def test_the_same_seed_gives_the_same_draws() -> None:
    portfolio = RelayPortfolio.from_cases(demo_cases())
    first = simulate_savings(portfolio, PARAMS, draws=100, seed=42)
    again = simulate_savings(portfolio, PARAMS, draws=100, seed=42)
    other = simulate_savings(portfolio, PARAMS, draws=100, seed=43)
    assert np.array_equal(first.days, again.days)
    assert not np.array_equal(first.days, other.days)


def test_a_case_s_draws_do_not_depend_on_the_other_cases() -> None:
    cases = demo_cases()
    whole = simulate_savings(RelayPortfolio.from_cases(cases), PARAMS, draws=200, seed=7)
    # Half the cases, in the reverse order: every case left keeps its draws exactly.
    part = simulate_savings(RelayPortfolio.from_cases(cases[::-2]), PARAMS, draws=200, seed=7)
    assert part.case_ids
    for case_id in part.case_ids:
        here = part.days[:, part.case_ids.index(case_id)]
        there = whole.days[:, whole.case_ids.index(case_id)]
        assert np.array_equal(here, there), case_id


def test_two_cases_do_not_share_their_draws() -> None:
    simulation = simulate_savings(
        RelayPortfolio.from_cases(demo_cases()), PARAMS, draws=200, seed=7
    )
    # Cases with a drawn window: no two columns of uniform positions coincide.
    drawn = [
        column
        for column in range(len(simulation.case_ids))
        if simulation.high_days[column] > simulation.low_days[column]
    ]
    assert len(drawn) >= 2
    columns = {simulation.days[:, c].tobytes() for c in drawn}
    assert len(columns) == len(drawn)


def test_a_bank_that_always_asks_oseo_disburses_later_and_saves_less() -> None:
    portfolio = RelayPortfolio.from_cases(demo_cases())
    never = simulate_savings(portfolio, PARAMS, draws=200, seed=7, oseo_asked=0)
    always = simulate_savings(portfolio, PARAMS, draws=200, seed=7, oseo_asked=1)
    assert (never.days >= always.days).all()
    assert (never.days > always.days).any()


def test_summaries_per_case_and_per_draw() -> None:
    simulation = simulate_savings(
        RelayPortfolio.from_cases(demo_cases()), PARAMS, draws=300, seed=3
    )
    per_case = simulation.per_case()
    assert list(per_case.index) == list(simulation.case_ids)
    assert (per_case["low_days"] <= per_case["p10_days"]).all()
    assert (per_case["p10_days"] <= per_case["median_days"]).all()
    assert (per_case["median_days"] <= per_case["p90_days"]).all()
    assert (per_case["p90_days"] <= per_case["high_days"]).all()
    assert per_case["p_inside"].between(0, 1).all()
    per_draw = simulation.per_draw()
    assert len(per_draw) == 300
    expected = simulation.inside[:, simulation.promise_in_force].mean(axis=1)
    assert np.allclose(per_draw["share_inside"].to_numpy(), expected)
    # Each draw's median months: the balance sheet's median of the cases' decimal months.
    for draw in (0, 1, 299):
        months = [
            dates.Duration(start=date(2009, 1, 1), end=date(2009, 1, 1) + timedelta(int(d)))
            for d in simulation.days[draw]
        ]
        distribution = Distribution.of([m.decimal_months for m in months])
        assert distribution is not None
        median = distribution.median
        assert per_draw["median_months"].iloc[draw] == pytest.approx(float(median))


def test_per_draw_months_are_rounded_to_tenths_as_the_balance_sheet_has_them() -> None:
    # demo-07 saves 182 days, all its dates known: 6.0 months (5.98 unrounded), as assessed.
    cases = [c for c in demo_cases() if c.case_id == "demo-07"]
    simulation = simulate_savings(RelayPortfolio.from_cases(cases), PARAMS, draws=3, seed=0)
    assert simulation.days.tolist() == [[182], [182], [182]]
    assert simulation.per_draw()["median_months"].tolist() == [6.0, 6.0, 6.0]
    sheet = evaluate_portfolio([assess_case(c, PARAMS) for c in cases], label="pilot")
    assert sheet.months_saved_low is not None
    assert sheet.months_saved_low.median == Decimal("6.0")


def test_a_reform_reaching_before_the_pilot_needs_its_processing_parameters() -> None:
    # Made national from 2007, the scheme admits requests from before 1 April 2008, when
    # the default set has no processing times: the simulation names both, with the first
    # eligible case of the earliest such day, rather than guess.
    cases = synthetic_relay_cases(60, seed=2, start=date(2008, 1, 2), end=date(2008, 3, 31))
    national = PARAMS.override("relay.national_from", date(2007, 1, 1))
    with pytest.raises(ParameterError) as raised:
        simulate_savings(RelayPortfolio.from_cases(cases), national, draws=20, seed=1)
    message = str(raised.value)
    assert message.startswith(
        "simulate_savings: parameter set 'default + relay.national_from=2007-01-01' admits the "
        "request of 2008-01-"
    )
    assert message.endswith(
        "but the scheme's terms have no value on that day: relay.bank_processing_business_days, "
        "relay.oseo_processing_business_days (their values start on 2008-04-01). Give them for "
        "it too (ParameterSet.override with valid_from)"
    )
    # Given for those days, the simulation runs.
    completed = national.overrides(
        {"relay.bank_processing_business_days": 10, "relay.oseo_processing_business_days": 10},
        valid_from=date(2007, 1, 1),
    )
    simulation = simulate_savings(RelayPortfolio.from_cases(cases), completed, draws=20, seed=1)
    assert simulation.case_ids


def test_an_empty_simulation_summarises_to_empty_or_missing_values() -> None:
    simulation = simulate_savings(RelayPortfolio.from_cases([]), PARAMS, draws=5, seed=1)
    assert simulation.days.shape == (5, 0)
    assert simulation.per_case().empty
    assert simulation.per_draw()["median_days"].isna().all()


@pytest.mark.parametrize("draws", [0, -3, 1.5, True])
def test_draws_must_be_a_whole_number_of_at_least_one(draws: object) -> None:
    portfolio = RelayPortfolio.from_cases(demo_cases())
    with pytest.raises(InvalidInputError, match="draws must be a whole number"):
        simulate_savings(portfolio, PARAMS, draws=draws, seed=1)  # type: ignore[arg-type]


@pytest.mark.parametrize("chance", [-0.1, 1.5, float("nan"), Decimal("1.01")])
def test_oseo_asked_must_be_a_probability(chance: object) -> None:
    portfolio = RelayPortfolio.from_cases(demo_cases())
    with pytest.raises(InvalidInputError, match="oseo_asked must be a probability") as raised:
        simulate_savings(portfolio, PARAMS, seed=1, oseo_asked=chance)  # type: ignore[arg-type]
    assert not isinstance(raised.value, TypeError)


@pytest.mark.parametrize("chance", ["half", "0.5", True, None])
def test_oseo_asked_of_another_type_is_a_type_error(chance: object) -> None:
    portfolio = RelayPortfolio.from_cases(demo_cases())
    with pytest.raises(WrongTypeError, match="oseo_asked must be a probability from 0 to 1 "):
        simulate_savings(portfolio, PARAMS, seed=1, oseo_asked=chance)  # type: ignore[arg-type]


def test_numpy_integers_are_as_good_as_python_ones() -> None:
    portfolio = RelayPortfolio.from_cases(demo_cases())
    numpy = simulate_savings(portfolio, PARAMS, draws=np.int64(20), seed=np.int64(3))
    python = simulate_savings(portfolio, PARAMS, draws=20, seed=3)
    assert (numpy.draws, numpy.seed) == (20, 3)
    assert type(numpy.seed) is int
    assert (numpy.days == python.days).all()


@pytest.mark.parametrize("seed", [None, 1.5, "7", True, -1, np.float64(2.0)])
def test_a_seed_must_be_a_whole_number(seed: object) -> None:
    portfolio = RelayPortfolio.from_cases(demo_cases())
    with pytest.raises(InvalidInputError, match="seed must be a whole number"):
        simulate_savings(portfolio, PARAMS, seed=seed)  # type: ignore[arg-type]


def test_arguments_of_the_wrong_type_are_named() -> None:
    portfolio = RelayPortfolio.from_cases(demo_cases())
    with pytest.raises(TypeError, match="simulate_savings: portfolio must be a RelayPortfolio"):
        simulate_savings(demo_cases(), PARAMS, seed=1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="simulate_savings: params must be a ParameterSet"):
        simulate_savings(portfolio, None, seed=1)  # type: ignore[arg-type]


def test_draws_times_eligible_cases_beyond_the_memory_cap_are_refused_before_simulating(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 32 eligible cases x 1 000 000 draws would need about 2 GB: refused at once, in one line,
    # before the scalar rule reads any case (and long before numpy allocates the draws).
    portfolio = RelayPortfolio.from_cases(demo_cases())
    national = PARAMS.override("relay.national_from", date(2009, 1, 1))

    def unreachable(*_: object, **__: object) -> None:
        raise AssertionError

    monkeypatch.setattr("poles_policy.scenarios.savings.time_saved", unreachable)
    with pytest.raises(InvalidInputError) as info:
        simulate_savings(portfolio, national, draws=1_000_000, seed=1)
    assert str(info.value) == (
        "simulate_savings: draws must be at most 625000 for 32 eligible cases, not 1000000: "
        "draws x cases may reach 20000000 (about 1.5 GB of memory), and 1000000 x 32 would "
        "need about 2.4 GB; draw fewer times or simulate part of the portfolio"
    )


def test_the_memory_cap_takes_draws_times_eligible_cases_up_to_the_cap(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    portfolio = RelayPortfolio.from_cases(demo_cases())  # 23 eligible cases under the pilot
    monkeypatch.setattr("poles_policy.scenarios.savings._MAX_CELLS", 23 * 10)
    assert simulate_savings(portfolio, PARAMS, draws=10, seed=1).days.shape == (10, 23)
    with pytest.raises(
        InvalidInputError, match=r"^simulate_savings: draws must be at most 10 for 23 eligible"
    ):
        simulate_savings(portfolio, PARAMS, draws=11, seed=1)
    # Cases that are not eligible are not simulated, and do not count.
    assert simulate_savings(RelayPortfolio.from_cases([]), PARAMS, draws=1000, seed=1).draws == 1000


def test_a_simulation_s_arrays_are_read_only_and_its_repr_is_one_line() -> None:
    portfolio = RelayPortfolio.from_cases(demo_cases())
    simulation = simulate_savings(portfolio, PARAMS, draws=50, seed=4)
    for array in (
        simulation.days,
        simulation.inside,
        simulation.low_days,
        simulation.high_days,
        simulation.promise_in_force,
    ):
        with pytest.raises(ValueError, match="read-only"):
            array[...] = 0
    assert repr(simulation) == "<SavingsSimulation: 50 draws x 23 cases, seed 4>"


def test_a_large_portfolio_shows_in_one_short_line() -> None:
    cases = synthetic_relay_cases(2000, seed=1)
    text = repr(RelayPortfolio.from_cases(cases))
    assert text.startswith(f"<RelayPortfolio: 2000 cases ({cases[0].case_id}, ")
    assert len(text) < 120
    assert repr(RelayPortfolio.from_cases([])) == "<RelayPortfolio: 0 cases, 0 regions>"
