from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from poles_policy.exceptions import InvalidInputError
from poles_policy.model.platforms import (
    CallForProjects,
    FinancingLine,
    FundingSource,
    InnovationPlatform,
    PlatformUser,
    UserKind,
)

CENTS = st.integers(min_value=0, max_value=10**10).map(lambda c: Decimal(c).scaleb(-2))


# --- CallForProjects ------------------------------------------------------------------------


def test_a_call_may_open_and_close_on_the_same_day(call: CallForProjects) -> None:
    one_day = attrs.evolve(call, closes_on=call.opens_on)
    assert one_day.closes_on == one_day.opens_on


def test_a_call_cannot_close_before_it_opens(call: CallForProjects) -> None:
    with pytest.raises(
        InvalidInputError,
        match=r"CallForProjects\.closes_on: 2008-09-30 is before the opening 2008-10-01",
    ):
        attrs.evolve(call, closes_on=date(2008, 9, 30))


def test_a_call_targets_each_pole_once(call: CallForProjects) -> None:
    with pytest.raises(
        InvalidInputError,
        match=r"CallForProjects\.targeted_pole_ids: pôle 'axelera' appears twice",
    ):
        attrs.evolve(call, targeted_pole_ids=("axelera", "axelera"))


def test_a_call_open_to_every_pole_targets_none(call: CallForProjects) -> None:
    assert attrs.evolve(call, targeted_pole_ids=[]).targeted_pole_ids == ()


# --- InnovationPlatform ---------------------------------------------------------------------


def test_totals_add_up(platform: InnovationPlatform) -> None:
    assert platform.total_budget == Decimal("10000000.00")
    assert platform.total_financing == Decimal("10000000.00")


def test_financing_from_a_source_sums_its_lines(platform: InnovationPlatform) -> None:
    assert platform.financing_from(FundingSource.STATE_FCE_OPERATING) == Decimal("600000.00")
    assert platform.financing_from(FundingSource.FEDER) == Decimal("0.00")


def test_an_empty_financing_plan_totals_zero(platform: InnovationPlatform) -> None:
    assert attrs.evolve(platform, financing=()).total_financing == Decimal("0.00")


def test_an_unbalanced_plan_is_representable(platform: InnovationPlatform) -> None:
    # Whether the plan balances is a rule (STRUCT.1), not an invariant.
    short = attrs.evolve(platform, financing=platform.financing[:1])
    assert short.total_financing < short.total_budget


def test_a_platform_carried_by_no_pole_is_representable(platform: InnovationPlatform) -> None:
    assert attrs.evolve(platform, carrying_pole_ids=()).carrying_pole_ids == ()


def test_unknown_access_and_study_cost_stay_unknown(platform: InnovationPlatform) -> None:
    unknown = attrs.evolve(platform, open_access=None, study_cost=None)
    assert unknown.open_access is None
    assert unknown.study_cost is None


def test_a_platform_is_carried_by_each_pole_once(platform: InnovationPlatform) -> None:
    with pytest.raises(
        InvalidInputError,
        match=r"InnovationPlatform\.carrying_pole_ids: pôle 'axelera' appears twice",
    ):
        attrs.evolve(platform, carrying_pole_ids=("axelera", "axelera"))


@pytest.mark.parametrize("field", ["investment_budget", "operating_budget", "study_cost"])
def test_negative_budgets_are_refused(platform: InnovationPlatform, field: str) -> None:
    changes: dict[str, Any] = {field: Decimal(-1)}
    with pytest.raises(
        InvalidInputError, match=rf"InnovationPlatform\.{field}: -1\.00 is negative"
    ):
        attrs.evolve(platform, **changes)


def test_a_negative_financing_line_is_refused() -> None:
    with pytest.raises(InvalidInputError, match=r"FinancingLine\.amount: -5\.00 is negative"):
        FinancingLine(source=FundingSource.PARTNERS, amount=Decimal(-5))


def test_a_platform_user_needs_a_name() -> None:
    with pytest.raises(InvalidInputError, match=r"PlatformUser\.name: must not be empty"):
        PlatformUser(name="", kind=UserKind.SME)


def test_user_kinds_have_stable_values() -> None:
    assert [k.value for k in UserKind] == ["sme", "large_enterprise", "laboratory", "other"]


@given(amounts=st.lists(st.tuples(st.sampled_from(FundingSource), CENTS), max_size=8))
def test_the_financing_total_is_the_sum_over_sources(
    amounts: list[tuple[FundingSource, Decimal]],
) -> None:
    platform = InnovationPlatform(
        id="p",
        name="P",
        investment_budget=Decimal(0),
        operating_budget=Decimal(0),
        financing=tuple(FinancingLine(source=s, amount=a) for s, a in amounts),
    )
    assert platform.total_financing == sum((a for _, a in amounts), Decimal(0))
    assert platform.total_financing == sum(
        (platform.financing_from(s) for s in FundingSource), Decimal(0)
    )


# --- identifiers and years ------------------------------------------------------------------


@pytest.mark.parametrize("call_id", ["", "   "])
def test_an_empty_or_blank_call_id_is_refused(platform: InnovationPlatform, call_id: str) -> None:
    with pytest.raises(
        InvalidInputError, match=rf"^InnovationPlatform\.call_id: '{call_id}' is not an id$"
    ):
        attrs.evolve(platform, call_id=call_id)


def test_a_platform_that_answers_no_known_call_says_none(platform: InnovationPlatform) -> None:
    assert attrs.evolve(platform, call_id=None).call_id is None


@pytest.mark.parametrize(
    ("field", "value"), [("id", ""), ("name", " "), ("carrying_pole_ids", ("",))]
)
def test_the_platform_s_id_name_and_pole_ids_are_not_blank(
    platform: InnovationPlatform, field: str, value: object
) -> None:
    changes: dict[str, Any] = {field: value}
    with pytest.raises(InvalidInputError, match=rf"^InnovationPlatform\.{field}(\[\d+\])?: "):
        attrs.evolve(platform, **changes)


@pytest.mark.parametrize(("field", "value"), [("id", " "), ("targeted_pole_ids", (" ",))])
def test_a_call_s_ids_are_not_blank(call: CallForProjects, field: str, value: object) -> None:
    changes: dict[str, Any] = {field: value}
    with pytest.raises(InvalidInputError, match=rf"^CallForProjects\.{field}(\[\d+\])?: "):
        attrs.evolve(call, **changes)


@pytest.mark.parametrize("year", [-1, 0, 10_000])
def test_a_financing_line_for_a_year_no_calendar_has_is_refused(year: int) -> None:
    with pytest.raises(
        InvalidInputError,
        match=rf"^FinancingLine\.year: {year} is not a calendar year \(1 to 9999\)$",
    ):
        FinancingLine(source=FundingSource.STATE_FCE_OPERATING, year=year, amount=Decimal(1))


@pytest.mark.parametrize("year", [1, 2001, 9999])
def test_any_calendar_year_is_a_year_of_the_plan(year: int) -> None:
    # A year before the call is a failed condition of the rules, not an input error.
    line = FinancingLine(source=FundingSource.STATE_FCE_OPERATING, year=year, amount=Decimal(1))
    assert line.year == year


def test_users_and_financing_are_lists_of_their_objects(platform: InnovationPlatform) -> None:
    with pytest.raises(InvalidInputError, match="'sme' is not a list"):
        attrs.evolve(platform, users="sme")  # type: ignore[arg-type]
    with pytest.raises(
        InvalidInputError,
        match=r"^InnovationPlatform\.financing\[1\]: 'x' is not of type FinancingLine$",
    ):
        attrs.evolve(platform, financing=(platform.financing[0], "x"))  # type: ignore[arg-type]
    with pytest.raises(
        InvalidInputError, match=r"^InnovationPlatform\.users\[0\]: 'sme' is not of type"
    ):
        attrs.evolve(platform, users=["sme"])  # type: ignore[list-item]
