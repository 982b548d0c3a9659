from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from poles_policy.exceptions import InvalidInputError
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

CENTS = st.integers(min_value=0, max_value=10**10).map(lambda c: Decimal(c).scaleb(-2))


def test_axis_values_are_the_clause_stems() -> None:
    assert [a.value for a in Axis] == [
        "GOV",
        "STRUCT",
        "ECO.1",
        "ECO.2",
        "ECO.3",
        "ECO.4",
        "SYN",
    ]
    assert Axis("ECO.3") is Axis.ECO_3


# --- Measurement and Indicator --------------------------------------------------------------


def test_measurements_are_kept_in_year_order(indicator: Indicator) -> None:
    shuffled = attrs.evolve(indicator, measurements=tuple(reversed(indicator.measurements)))
    assert [m.year for m in shuffled.measurements] == [2009, 2010]


def test_a_year_is_measured_once(indicator: Indicator) -> None:
    with pytest.raises(InvalidInputError, match=r"Indicator\.measurements: year '2009' appears"):
        attrs.evolve(
            indicator,
            measurements=(
                Measurement(year=2009, value=Decimal(1)),
                Measurement(year=2009, value=Decimal(2)),
            ),
        )


def test_measurement_looks_up_a_year(indicator: Indicator) -> None:
    found = indicator.measurement(2010)
    assert found is not None
    assert found.value == 150
    assert indicator.measurement(2011) is None


def test_an_increase_indicator_with_a_target_below_its_baseline_is_refused(
    indicator: Indicator,
) -> None:
    with pytest.raises(
        InvalidInputError,
        match=r"Indicator\.target: 100 is below the baseline 120 of 'sme-members'.*increase",
    ):
        attrs.evolve(indicator, target=Decimal(100))


def test_a_decrease_indicator_with_a_target_above_its_baseline_is_refused(
    indicator: Indicator,
) -> None:
    with pytest.raises(InvalidInputError, match=r"Indicator\.target: 0\.80 is above .* 0\.75"):
        attrs.evolve(
            indicator,
            direction=Direction.DECREASE,
            baseline=Decimal("0.75"),
            target=Decimal("0.80"),
        )


def test_a_decrease_indicator_moving_down_is_accepted(indicator: Indicator) -> None:
    public_share = attrs.evolve(
        indicator,
        unit="share",
        direction=Direction.DECREASE,
        baseline=Decimal("0.75"),
        target=Decimal("0.50"),
        measurements=(),
    )
    assert public_share.target < public_share.baseline


@pytest.mark.parametrize("direction", list(Direction))
def test_a_target_equal_to_the_baseline_is_accepted(
    indicator: Indicator, direction: Direction
) -> None:
    keep = attrs.evolve(indicator, direction=direction, target=indicator.baseline)
    assert keep.target == keep.baseline


def test_indicator_values_must_be_exact(indicator: Indicator) -> None:
    with pytest.raises(InvalidInputError, match=r"Indicator\.baseline: 1\.5 is a float"):
        attrs.evolve(indicator, baseline=1.5)  # type: ignore[arg-type]


def test_a_measured_value_must_be_a_number() -> None:
    with pytest.raises(InvalidInputError, match=r"Measurement\.value: 'many' is not a number"):
        Measurement(year=2009, value="many")


def test_a_measured_value_must_be_finite() -> None:
    with pytest.raises(InvalidInputError, match=r"Measurement\.value: .* not a finite number"):
        Measurement(year=2009, value=Decimal("NaN"))


@pytest.mark.parametrize(
    ("value", "accepted"),
    [
        ("9" * 28, True),
        ("0." + "1" * 27, True),  # "0." and 27 decimals: 28 digits written out
        ("1E+27", True),
        ("0.10000000000000000000000000000000", True),  # trailing zeros are not digits held
        ("0E+50", True),  # zero, however written, takes one digit
        ("0.0000000000000000000000000000", True),
        ("1" * 29, False),
        ("0." + "1" * 28, False),
        ("1E+28", False),
        ("1E+308", False),
        ("-1E-28", False),
    ],
)
def test_a_figure_takes_at_most_28_digits_written_out(value: str, accepted: bool) -> None:
    if accepted:
        assert Measurement(year=2009, value=value).value == Decimal(value)
        return
    with pytest.raises(
        InvalidInputError, match=r"^Measurement\.value: .* takes more than 28 digits written out"
    ):
        Measurement(year=2009, value=value)


def test_a_measurement_year_must_be_an_integer() -> None:
    with pytest.raises(InvalidInputError, match=r"Measurement\.year: '2009' is not a year"):
        Measurement(year="2009", value=Decimal(1))  # type: ignore[arg-type]


def test_an_indicator_needs_a_unit(indicator: Indicator) -> None:
    with pytest.raises(InvalidInputError, match=r"Indicator\.unit: must not be empty"):
        attrs.evolve(indicator, unit="")


@given(
    baseline=st.decimals(allow_nan=False, allow_infinity=False, places=2),
    target=st.decimals(allow_nan=False, allow_infinity=False, places=2),
    direction=st.sampled_from(Direction),
)
def test_an_indicator_exists_only_if_its_target_goes_its_way(
    baseline: Decimal, target: Decimal, direction: Direction
) -> None:
    consistent = target >= baseline if direction is Direction.INCREASE else target <= baseline

    def build() -> Indicator:
        return Indicator(
            id="i", name="n", unit="u", baseline=baseline, target=target, direction=direction
        )

    if consistent:
        assert build().direction is direction
    else:
        with pytest.raises(InvalidInputError, match=r"Indicator\.target"):
            build()


def test_an_objective_names_each_indicator_once(indicator: Indicator) -> None:
    with pytest.raises(InvalidInputError, match=r"Objective\.indicators: indicator 'sme-members'"):
        Objective(id="o", title="t", axis=Axis.GOV, indicators=(indicator, indicator))


# --- OperatingBudget ------------------------------------------------------------------------


def test_the_public_share_is_exact() -> None:
    budget = OperatingBudget(year=2009, total=Decimal(650000), public=Decimal(487500))
    assert budget.public_share == Decimal("0.75")


def test_the_public_share_of_a_third_keeps_28_digits() -> None:
    budget = OperatingBudget(year=2009, total=Decimal(3), public=Decimal(1))
    assert budget.public_share == Decimal("0.3333333333333333333333333333")


def test_a_budget_of_zero_has_no_public_share() -> None:
    budget = OperatingBudget(year=2009, total=Decimal(0), public=Decimal(0))
    assert budget.public_share is None


def test_an_all_private_budget_has_a_zero_public_share() -> None:
    budget = OperatingBudget(year=2011, total=Decimal(500), public=Decimal(0))
    assert budget.public_share == 0


def test_public_funding_above_the_total_is_refused() -> None:
    with pytest.raises(
        InvalidInputError, match=r"OperatingBudget\.public: 100\.01 is above the total 100\.00"
    ):
        OperatingBudget(year=2009, total=Decimal(100), public=Decimal("100.01"))


def test_a_negative_budget_is_refused() -> None:
    with pytest.raises(InvalidInputError, match=r"OperatingBudget\.total: -1\.00 is negative"):
        OperatingBudget(year=2009, total=Decimal(-1), public=Decimal(0))


@given(total=CENTS, public=CENTS)
def test_a_budget_exists_only_with_a_share_between_0_and_1(total: Decimal, public: Decimal) -> None:
    if public > total:
        with pytest.raises(InvalidInputError, match=r"OperatingBudget\.public"):
            OperatingBudget(year=2009, total=total, public=public)
        return
    share = OperatingBudget(year=2009, total=total, public=public).public_share
    if total == 0:
        assert share is None
    else:
        assert share is not None
        assert 0 <= share <= 1


# --- PerformanceContract --------------------------------------------------------------------


def test_a_contract_keeps_its_parties(contract: PerformanceContract) -> None:
    assert contract.state.id == "prefet-82"
    assert [a.id for a in contract.local_authorities] == ["region-82"]


def test_budgets_are_kept_in_year_order(contract: PerformanceContract) -> None:
    reversed_budgets = attrs.evolve(contract, budgets=tuple(reversed(contract.budgets)))
    assert [b.year for b in reversed_budgets.budgets] == [2009, 2010]


def test_budget_looks_up_a_year(contract: PerformanceContract) -> None:
    found = contract.budget(2010)
    assert found is not None
    assert found.public_share == Decimal("0.6")
    assert contract.budget(2011) is None


def test_a_contract_ends_after_it_starts(contract: PerformanceContract) -> None:
    with pytest.raises(
        InvalidInputError,
        match=r"PerformanceContract\.end: 2009-01-01 is not after the start 2009-01-01",
    ):
        attrs.evolve(contract, end=date(2009, 1, 1))


def test_objective_ids_are_unique(contract: PerformanceContract) -> None:
    with pytest.raises(
        InvalidInputError, match=r"PerformanceContract\.objectives: objective 'o1' appears twice"
    ):
        attrs.evolve(contract, objectives=contract.objectives * 2)


def test_budget_years_are_unique(contract: PerformanceContract) -> None:
    with pytest.raises(
        InvalidInputError, match=r"PerformanceContract\.budgets: budget year '2009' appears twice"
    ):
        attrs.evolve(contract, budgets=(contract.budgets[0], contract.budgets[0]))


def test_a_local_authority_signs_once(contract: PerformanceContract) -> None:
    with pytest.raises(
        InvalidInputError,
        match=r"PerformanceContract\.local_authorities: local authority 'region-82'",
    ):
        attrs.evolve(contract, local_authorities=contract.local_authorities * 2)


def test_a_contract_without_local_authority_is_representable(
    contract: PerformanceContract,
) -> None:
    # GOV.1 asks for at least one: the rule says so, the object does not refuse it.
    assert attrs.evolve(contract, local_authorities=()).local_authorities == ()


def test_an_unsigned_contract_is_representable(contract: PerformanceContract) -> None:
    assert attrs.evolve(contract, signed_on=None).signed_on is None


def test_a_contract_needs_its_governing_body_name(contract: PerformanceContract) -> None:
    with pytest.raises(
        InvalidInputError, match=r"PerformanceContract\.governing_body_name: must not be empty"
    ):
        attrs.evolve(contract, governing_body_name="")


# --- years inside the contract, and the signing date ----------------------------------------


def test_years_are_the_calendar_years_the_period_touches(contract: PerformanceContract) -> None:
    mid_year = attrs.evolve(contract, start=date(2009, 7, 6), end=date(2012, 7, 5))
    assert list(contract.years) == [2009, 2010, 2011]
    assert list(mid_year.years) == [2009, 2010, 2011, 2012]


@pytest.mark.parametrize("year", [1850, 2007, 2012, 2030])
def test_a_budget_of_a_year_outside_the_contract_is_refused(
    contract: PerformanceContract, year: int
) -> None:
    budget = OperatingBudget(year=year, total=Decimal(100), public=Decimal(40))
    # Budgets are held oldest first: an earlier year comes first, a later one last.
    position = 0 if year < 2009 else 2
    with pytest.raises(
        InvalidInputError,
        match=(
            rf"^PerformanceContract\.budgets\[{position}\]\.year: {year} is outside the "
            r"contract's years 2009-2011 and its baseline year 2008$"
        ),
    ):
        attrs.evolve(contract, budgets=(*contract.budgets, budget))


def test_the_budget_of_the_year_before_the_start_is_the_baseline(
    contract: PerformanceContract,
) -> None:
    # About 75 % public before Phase 2: a contract may record that starting point.
    baseline = OperatingBudget(year=2008, total=Decimal(100), public=Decimal(75))
    with_baseline = attrs.evolve(contract, budgets=(*contract.budgets, baseline))
    assert with_baseline.budget(2008) == baseline
    assert 2008 not in with_baseline.years


def test_a_measurement_of_a_year_outside_the_contract_is_refused(
    contract: PerformanceContract, indicator: Indicator
) -> None:
    late = attrs.evolve(
        indicator,
        id="late",
        measurements=(*indicator.measurements, Measurement(year=2030, value=1)),
    )
    objective = Objective(id="o2", title="Export", axis=Axis.ECO_2, indicators=(indicator, late))
    with pytest.raises(
        InvalidInputError,
        match=(
            r"^PerformanceContract\.objectives\[1\]\.indicators\[1\]\.measurements\[2\]\.year: "
            r"2030 is outside the contract's years 2009-2011$"
        ),
    ):
        attrs.evolve(contract, objectives=(*contract.objectives, objective))


def test_a_mid_year_contract_takes_budgets_and_measurements_of_every_calendar_year_it_touches(
    contract: PerformanceContract, indicator: Indicator
) -> None:
    measured = attrs.evolve(
        indicator,
        measurements=(Measurement(year=2009, value=125), Measurement(year=2012, value=181)),
    )
    mid_year = attrs.evolve(
        contract,
        start=date(2009, 7, 6),
        end=date(2012, 7, 5),
        objectives=(attrs.evolve(contract.objectives[0], indicators=(measured,)),),
        budgets=(OperatingBudget(year=2012, total=Decimal(100), public=Decimal(40)),),
    )
    assert [b.year for b in mid_year.budgets] == [2012]
    with pytest.raises(InvalidInputError, match=r"2013 is outside the contract's years 2009-2012"):
        attrs.evolve(mid_year, budgets=(OperatingBudget(year=2013, total=1, public=0),))


@given(year=st.integers(min_value=1990, max_value=2030))
def test_a_budget_belongs_to_a_contract_exactly_when_its_year_is_one_of_the_contract_s(
    year: int,
) -> None:
    def build() -> PerformanceContract:
        return PerformanceContract(
            id="c",
            pole_id="p",
            state=StateBody(id="s", name="S", kind=StateKind.PREFET_DE_REGION),
            governing_body_name="A",
            start=date(2009, 7, 6),
            end=date(2012, 7, 5),
            budgets=(OperatingBudget(year=year, total=Decimal(1), public=Decimal(0)),),
        )

    if year in range(2008, 2013):  # the calendar years it touches and the baseline year
        assert build().budget(year) is not None
    else:
        with pytest.raises(InvalidInputError, match=r"budgets\[0\]\.year"):
            build()


def test_a_wrong_period_is_named_before_the_years_it_would_hold(
    contract: PerformanceContract,
) -> None:
    with pytest.raises(InvalidInputError, match=r"^PerformanceContract\.end: 2008-12-31"):
        attrs.evolve(contract, end=date(2008, 12, 31), signed_on=date(2030, 1, 1))


@pytest.mark.parametrize(
    "signed_on",
    [
        date(2009, 7, 6),  # the Rhône-Alpes contracts for 2009-2011, after their start
        date(2011, 12, 31),  # on its last day
        date(2008, 11, 7),  # ahead of its start
        date(2008, 1, 1),  # a year ahead
        date(2001, 1, 1),  # long ahead: the texts set no earliest date
    ],
)
def test_a_contract_may_be_signed_any_day_up_to_its_end(
    contract: PerformanceContract, signed_on: date
) -> None:
    assert attrs.evolve(contract, signed_on=signed_on).signed_on == signed_on


def test_a_contract_signed_after_its_end_is_refused(contract: PerformanceContract) -> None:
    with pytest.raises(
        InvalidInputError,
        match=(
            r"^PerformanceContract\.signed_on: 2012-01-01 is after the contract's end "
            r"2011-12-31$"
        ),
    ):
        attrs.evolve(contract, signed_on=date(2012, 1, 1))
