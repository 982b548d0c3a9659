from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from poles_policy.data.demo import DEMO_NATIONAL_FROM, demo_cases
from poles_policy.exceptions import InvalidInputError, WrongTypeError
from poles_policy.explain import Outcome
from poles_policy.money import round_cents
from poles_policy.parameters import ParameterSet, default_parameters
from poles_policy.rules.relay import assess
from poles_policy.rules.relay.evaluation import (
    Distribution,
    PilotCriteria,
    PortfolioSummary,
    compare,
    evaluate_portfolio,
)

PARAMS = default_parameters()


def _summary(
    criteria: PilotCriteria | None = None, params: ParameterSet = PARAMS
) -> PortfolioSummary:
    return evaluate_portfolio(
        (assess(c.request, params, loan=c.loan) for c in demo_cases()),
        label=params.label,
        criteria=criteria,
    )


def test_quartiles_interpolate_linearly_and_exactly() -> None:
    d = Distribution.of([Decimal(v) for v in (4, 1, 3, 2)])
    assert d is not None
    assert (d.minimum, d.q1, d.median, d.q3, d.maximum) == (
        Decimal(1),
        Decimal("1.75"),
        Decimal("2.5"),
        Decimal("3.25"),
        Decimal(4),
    )
    assert Distribution.of([]) is None


@given(st.lists(st.decimals(min_value=0, max_value=1000, places=1), min_size=1, max_size=30))
def test_distribution_statistics_are_ordered(values: list[Decimal]) -> None:
    d = Distribution.of(values)
    assert d is not None
    assert d.minimum <= d.q1 <= d.median <= d.q3 <= d.maximum
    assert d.count == len(values)


def test_counts_add_up_to_the_requests() -> None:
    s = _summary()
    assert s.requests == 50
    assert sum(n for _, n in s.by_outcome) == 50
    assert sum(n for _, n, _ in s.by_region) == 50
    eligible = s.count(Outcome.ELIGIBLE)
    assert s.grant_rate == (Decimal(eligible) / (eligible + s.count(Outcome.INELIGIBLE))).quantize(
        Decimal("0.001")
    )


def test_prefinanced_and_exposure_are_sums_over_eligible_cases() -> None:
    assessments = [assess(c.request, PARAMS, loan=c.loan) for c in demo_cases()]
    eligible = [a for a in assessments if a.outcome is Outcome.ELIGIBLE]
    s = evaluate_portfolio(assessments)
    assert s.prefinanced == sum(
        (a.loan.principal if a.loan else a.request.amount for a in eligible), Decimal(0)
    )
    covered = [a.guarantee.covered for a in eligible if a.guarantee and a.guarantee.asked]
    assert s.oseo_exposure == sum((c for c in covered if c is not None), Decimal(0))
    assert s.oseo_exposure < s.prefinanced


def test_verdict_reports_each_stated_criterion() -> None:
    s = _summary(PilotCriteria(min_grant_rate=Decimal("0.99"), min_median_months_saved=Decimal(1)))
    verdict = {c.name.en: c.met for c in s.verdict}
    assert verdict == {"grant rate": False, "median months saved (low)": True}
    assert _summary().verdict == ()


def test_the_cost_per_month_criterion_reads_each_case_at_its_least_favourable_scenario() -> None:
    assessments = [assess(c.request, PARAMS, loan=c.loan) for c in demo_cases()]
    s = evaluate_portfolio(assessments)
    worst, high = [], []
    for a in assessments:
        if a.outcome is not Outcome.ELIGIBLE or a.cost is None or a.cost.total_low is None:
            continue
        figures = [v for v in (a.cost.per_month_saved_low, a.cost.per_month_saved_high) if v]
        worst += [max(figures)] if figures else []
        high += [a.cost.per_month_saved_high] if a.cost.per_month_saved_high else []
    # The low scenario (fewer months saved) costs more per month in some cases, so the least
    # favourable median is above the high scenario's.
    assert any(
        a.cost
        and a.cost.per_month_saved_low
        and a.cost.per_month_saved_high
        and a.cost.per_month_saved_low > a.cost.per_month_saved_high
        for a in assessments
    )
    assert s.cost_per_month_worst == round_cents(Distribution.of(worst).median)  # type: ignore[union-attr]
    assert s.cost_per_month_high == round_cents(Distribution.of(high).median)  # type: ignore[union-attr]
    assert s.cost_per_month_worst is not None
    assert s.cost_per_month_high is not None
    assert s.cost_per_month_worst > s.cost_per_month_high
    strict = _summary(PilotCriteria(max_cost_per_month_saved=s.cost_per_month_high))
    assert [(c.name.en, c.met) for c in strict.verdict] == [
        ("median cost per month saved (least favourable)", False)
    ]


def test_generalisation_adds_eligible_cases_only_outside_rhone_alpes() -> None:
    base = _summary()
    reform = _summary(params=PARAMS.override("relay.national_from", DEMO_NATIONAL_FROM))
    comparison = compare(base, reform)
    rows = {r.region: r for r in comparison.regions}
    assert rows["82"].newly_eligible == 0
    # The 8 cases of other regions, and the one whose region is not known: nationally the
    # scheme is in force wherever it is.
    assert sum(r.newly_eligible for r in comparison.regions) == 9
    assert rows["?"].newly_eligible == 1
    assert reform.prefinanced > base.prefinanced
    assert "By region" in comparison.report()
    assert "Par région" in comparison.report("fr")


def test_comparing_different_portfolios_is_refused() -> None:
    base = _summary()
    other = evaluate_portfolio([])
    with pytest.raises(ValueError, match="same cases"):
        compare(base, other)


@pytest.mark.parametrize(
    ("given", "error", "message"),
    [
        ({"min_grant_rate": "1.5"}, InvalidInputError, "min_grant_rate: 1.5 is not a share from 0"),
        ({"min_share_inside_promise": -1}, InvalidInputError, "inside_promise: -1 is not a share"),
        ({"min_grant_rate": 0.51}, InvalidInputError, "min_grant_rate: 0.51 is a float"),
        ({"min_median_months_saved": "-6"}, InvalidInputError, "-6 is not a number of months"),
        ({"max_cost_per_month_saved": "-1.00"}, InvalidInputError, "-1.00 is not a cost"),
        ({"max_cost_per_month_saved": "10.001"}, InvalidInputError, "max_cost_per_month_saved"),
        ({"min_grant_rate": [0.5]}, WrongTypeError, r"min_grant_rate: \[0\.5\] of type list"),
    ],
)
def test_criteria_are_exact_and_in_range_naming_the_criterion(
    given: dict[str, object], error: type[Exception], message: str
) -> None:
    # A string criterion used to fail deep in the verdict ('>=' between Decimal and str).
    with pytest.raises(error, match=rf"^PilotCriteria\..*{message}"):
        PilotCriteria(**given)  # type: ignore[arg-type]


def test_criteria_given_as_text_or_int_are_read_exactly() -> None:
    criteria = PilotCriteria(
        min_grant_rate="0.5", min_median_months_saved=6, max_cost_per_month_saved="1500"
    )
    assert criteria.min_grant_rate == Decimal("0.5")
    assert criteria.min_median_months_saved == Decimal(6)
    assert str(criteria.max_cost_per_month_saved) == "1500.00"
    exact = PilotCriteria(
        min_grant_rate=Decimal("0.5"),
        min_median_months_saved=Decimal(6),
        max_cost_per_month_saved=Decimal("1500.00"),
    )
    assert _summary(criteria).verdict == _summary(exact).verdict
    assert len(_summary(criteria).verdict) == 3


def test_the_balance_sheet_names_no_bounds_the_parameters_may_change() -> None:
    # A reform promising 3 to 7 months counted against 3 to 7 but printed "6-9".
    reform = PARAMS.override("relay.promised_gain_months.low", 3).override(
        "relay.promised_gain_months.high", 7
    )
    assessments = [assess(c.request, reform, loan=c.loan) for c in demo_cases()]
    summary = evaluate_portfolio(assessments)
    for lang, label in (("en", "Inside the promised gain: "), ("fr", "Dans le gain promis : ")):
        report = summary.report(lang)  # type: ignore[arg-type]
        assert label.rstrip(" :") in report
        assert "6-9" not in report
        assert "6 à 9" not in report


def test_a_request_assessed_twice_is_refused() -> None:
    case = demo_cases()[0]
    assessment = assess(case.request, PARAMS, loan=case.loan)
    with pytest.raises(
        InvalidInputError,
        match=r"^evaluate_portfolio: request 'demo-01' is assessed twice \(assessments 0 and 1\)",
    ):
        evaluate_portfolio([assessment, assessment])


def test_comparing_two_portfolios_of_other_cases_in_the_same_regions_is_refused() -> None:
    cases = demo_cases()
    # demo-02 swapped for demo-01's twin under another id: the same regions, other cases.
    import attrs

    twin_request = attrs.evolve(cases[0].request, id="demo-01-bis")
    base = evaluate_portfolio([assess(c.request, PARAMS, loan=c.loan) for c in cases[:2]])
    other = evaluate_portfolio([assess(cases[0].request, PARAMS), assess(twin_request, PARAMS)])
    assert base.request_ids == ("demo-01", "demo-02")
    with pytest.raises(
        ValueError,
        match=r"same cases: only in the baseline demo-02; only in the reform demo-01-bis$",
    ):
        compare(base, other)


def test_a_criterion_the_portfolio_cannot_tell_shows_a_dash_not_none() -> None:
    empty = evaluate_portfolio([], criteria=PilotCriteria(min_grant_rate="0.5"))
    (criterion,) = empty.verdict
    assert (criterion.found, criterion.met) == ("-", None)
    assert "None" not in empty.report() + empty.report("fr")


def test_the_cost_line_says_over_how_many_eligible_cases_it_runs() -> None:
    # An eligible case whose advance is overdue at the request has no cost yet: the total runs
    # over the others, and the report says so rather than mix them.
    import json
    from pathlib import Path

    from poles_policy.boundary.case import parse_case
    from poles_policy.rules.relay import assess_case

    example = Path(__file__).parents[2] / "docs" / "examples" / "relay-case.json"
    document = json.loads(example.read_text(encoding="utf-8"))
    document["case_id"] = "late-advance"
    document["request"]["requested_on"] = "2010-01-11"  # the advance was planned for 2009-12-15
    document["loan"]["disbursed_on"] = "2010-01-20"
    late = assess_case(parse_case(json.dumps(document)), PARAMS)
    assert late.outcome is Outcome.ELIGIBLE
    assert late.cost is not None
    assert late.cost.total_low is None
    demo = [assess(c.request, PARAMS, loan=c.loan) for c in demo_cases()]
    alone, with_late = evaluate_portfolio(demo), evaluate_portfolio([*demo, late])
    assert with_late.costed == alone.costed == alone.count(Outcome.ELIGIBLE)
    assert (with_late.cost_low, with_late.cost_high) == (alone.cost_low, alone.cost_high)
    assert f"({alone.costed} of {alone.costed + 1} eligible cases)" in with_late.report()
    assert f"({alone.costed} cas sur {alone.costed + 1} éligibles)" in with_late.report("fr")
    assert "eligible cases)" not in alone.report()
