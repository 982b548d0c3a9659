from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from poles_policy.exceptions import ParameterError
from poles_policy.explain import Outcome, Status
from poles_policy.model.actors import Accounts, Enterprise, RelatedEnterprise
from poles_policy.parameters import ParameterSet, default_parameters
from poles_policy.rules.sme import SizeClass, SmeResult, sme_status

ON = date(2009, 7, 1)
PARAMS = default_parameters()
THRESHOLD_NAMES = [
    f"sme.{size}.{field}"
    for size in ("micro", "small", "medium")
    for field in ("staff_below", "turnover_max", "balance_sheet_max")
]


def period(year: int, staff: str | int, turnover: str, balance_sheet: str) -> Accounts:
    return Accounts(
        period_end=date(year, 12, 31),
        staff_awu=Decimal(staff),
        turnover=turnover,
        balance_sheet=balance_sheet,
    )


def firm(*accounts: Accounts, **changes: Any) -> Enterprise:
    base = Enterprise(
        id="synthetic-firm",
        name="Synthetic Firm SAS",
        accounts=accounts,
        public_bodies_share=Decimal(0),
    )
    return attrs.evolve(base, **changes)


def status(enterprise: Enterprise, on: date = ON, params: ParameterSet = PARAMS) -> SmeResult:
    return sme_status(enterprise, on, params)


def check_status(result: SmeResult, key: str) -> Status:
    return result.decision.check(key).status


# --- worked examples (figures checked by hand in the comments) ---------------------------------


def test_an_autonomous_micro_enterprise_is_an_sme() -> None:
    # 6 and 7 AWU < 10; turnover 0.8 M€ and 0.9 M€ <= 2 M€: micro both years.
    result = status(firm(period(2007, 6, "800000", "500000"), period(2008, 7, "900000", "600000")))
    assert result.size is SizeClass.MICRO
    assert result.is_sme is True
    assert result.decision.outcome is Outcome.ELIGIBLE
    assert check_status(result, "sme.aggregation") is Status.NOT_APPLICABLE
    assert [p.staff_awu for p in result.periods] == [Decimal(6), Decimal(7)]


def test_a_partner_held_at_30_percent_pushes_a_medium_firm_over_the_staff_ceiling() -> None:
    # Alone: 200 AWU < 250 and 30 M€ <= 50 M€: medium-sized.
    # With the partner pro rata: 200 + 0.30 x 180 = 254 AWU >= 250: large, both years.
    # Turnover 30 M€ + 0.30 x 10 M€ = 33 M€; balance sheet 20 M€ + 0.30 x 5 M€ = 21.5 M€.
    own = (period(2007, 200, "30000000", "20000000"), period(2008, 200, "30000000", "20000000"))
    partner = RelatedEnterprise(
        name="Synthetic Partner SA",
        share="0.30",
        accounts=(
            period(2007, 180, "10000000", "5000000"),
            period(2008, 180, "10000000", "5000000"),
        ),
    )
    assert status(firm(*own)).size is SizeClass.MEDIUM

    result = status(firm(*own, related=(partner,)))
    assert [p.staff_awu for p in result.periods] == [Decimal(254), Decimal(254)]
    assert [p.turnover for p in result.periods] == [Decimal("33000000.00")] * 2
    assert [p.balance_sheet for p in result.periods] == [Decimal("21500000.00")] * 2
    assert result.size is SizeClass.LARGE
    assert result.is_sme is False
    assert result.decision.outcome is Outcome.INELIGIBLE
    assert check_status(result, "sme.aggregation") is Status.MET
    assert "Synthetic Partner SA (30 %): partner, added pro rata" in (
        result.decision.check("sme.aggregation").reason.en
    )
    # Amounts in English as in every other account: "33000000.00 EUR", not "€33,000,000.00".
    assert result.decision.check("sme.thresholds").reason.en.startswith(
        "2007-12-31: 254 AWU, turnover 33000000.00 EUR, balance sheet 21500000.00 EUR → large"
    )


def test_a_linked_enterprise_held_at_60_percent_is_added_in_full() -> None:
    # Own: 30 AWU, 5 M€, 4 M€ (small). Linked at 60 %: 25 AWU, 6 M€, 7 M€, added in full:
    # 55 AWU >= 50, so not small; 55 < 250 and 11 M€ <= 50 M€: medium-sized.
    # (Pro rata it would be 30 + 15 = 45 AWU and 8.6 M€: small.)
    linked = RelatedEnterprise(
        name="Synthetic Group Holding",
        share="0.60",
        accounts=(period(2008, 25, "6000000", "7000000"),),
    )
    result = status(firm(period(2008, 30, "5000000", "4000000"), related=(linked,)))
    (figures,) = result.periods
    assert figures.staff_awu == Decimal(55)
    assert figures.turnover == Decimal("11000000.00")
    assert figures.balance_sheet == Decimal("11000000.00")
    assert result.size is SizeClass.MEDIUM
    assert result.is_sme is True
    assert "linked, added in full" in result.decision.check("sme.aggregation").reason.en


def test_a_firm_held_25_percent_by_public_bodies_is_not_an_sme_whatever_its_size() -> None:
    # 12 AWU, 1.5 M€: small by its figures, but 25 % >= 25 % held by public bodies.
    small = firm(period(2008, 12, "1500000", "900000"), public_bodies_share=Decimal("0.25"))
    result = status(small)
    assert result.size is SizeClass.SMALL
    assert result.is_sme is False
    assert result.decision.outcome is Outcome.INELIGIBLE
    assert [c.key for c in result.decision.failed] == ["sme.public_bodies"]
    just_below = status(attrs.evolve(small, public_bodies_share=Decimal("0.2499")))
    assert just_below.is_sme is True


def test_a_ceiling_crossed_in_one_year_only_leaves_the_class_unchanged() -> None:
    # 200 and 210 AWU: medium; 260 AWU in 2008 only: the 250 ceiling is crossed once.
    result = status(
        firm(
            period(2006, 200, "30000000", "20000000"),
            period(2007, 210, "30000000", "20000000"),
            period(2008, 260, "30000000", "20000000"),
        )
    )
    assert [p.size for p in result.periods] == [
        SizeClass.MEDIUM,
        SizeClass.MEDIUM,
        SizeClass.LARGE,
    ]
    assert result.size is SizeClass.MEDIUM
    assert result.is_sme is True
    assert check_status(result, "sme.thresholds") is Status.NOT_MET  # information only
    assert "has not held 2 periods" in result.decision.check("sme.consecutive_periods").reason.en


def test_a_ceiling_crossed_two_years_running_changes_the_class() -> None:
    # 200 AWU (medium), then 260 and 270 AWU: over 250 two periods running: large.
    result = status(
        firm(
            period(2006, 200, "30000000", "20000000"),
            period(2007, 260, "30000000", "20000000"),
            period(2008, 270, "30000000", "20000000"),
        )
    )
    assert result.size is SizeClass.LARGE
    assert result.is_sme is False
    assert [c.key for c in result.decision.failed] == ["sme.consecutive_periods"]


def test_a_ceiling_crossed_once_then_recrossed_back_keeps_the_class() -> None:
    # medium, large, medium: never two periods running over 250.
    result = status(
        firm(
            period(2006, 200, "30000000", "20000000"),
            period(2007, 260, "30000000", "20000000"),
            period(2008, 200, "30000000", "20000000"),
        )
    )
    assert result.size is SizeClass.MEDIUM


def test_with_two_periods_a_class_differing_only_in_the_second_stays_that_of_the_first() -> None:
    # 2007: 40 AWU, 8 M€ (small); 2008: 60 AWU (medium) once: small.
    result = status(
        firm(period(2007, 40, "8000000", "5000000"), period(2008, 60, "8000000", "5000000"))
    )
    assert result.size is SizeClass.SMALL


def test_a_firm_falling_under_a_ceiling_two_years_running_becomes_smaller() -> None:
    # large (300 AWU), then 200 and 190 AWU: under 250 two periods running: medium.
    result = status(
        firm(
            period(2006, 300, "60000000", "50000000"),
            period(2007, 200, "30000000", "20000000"),
            period(2008, 190, "30000000", "20000000"),
        )
    )
    assert result.size is SizeClass.MEDIUM


def test_a_single_period_is_used_alone_and_the_decision_says_so() -> None:
    result = status(firm(period(2008, 40, "8000000", "5000000")))
    assert result.size is SizeClass.SMALL
    assert "one closed period only" in result.decision.check("sme.accounts").reason.en
    assert "one period only" in result.decision.check("sme.consecutive_periods").reason.en
    assert "un seul exercice" in result.decision.check("sme.consecutive_periods").reason.fr


# --- thresholds --------------------------------------------------------------------------------


def test_turnover_or_balance_sheet_within_the_ceiling_is_enough() -> None:
    # 100 AWU < 250; turnover 60 M€ > 50 M€ but balance sheet 40 M€ <= 43 M€: medium.
    assert status(firm(period(2008, 100, "60000000", "40000000"))).size is SizeClass.MEDIUM
    # Both over: large.
    assert status(firm(period(2008, 100, "60000000", "44000000"))).size is SizeClass.LARGE


def test_the_staff_ceiling_is_strict() -> None:
    assert status(firm(period(2008, 250, "1000000", "1000000"))).size is SizeClass.LARGE
    assert status(firm(period(2008, "249.99", "1000000", "1000000"))).size is SizeClass.MEDIUM
    assert status(firm(period(2008, "9.99", "2000000.00", "9000000"))).size is SizeClass.MICRO


@pytest.mark.parametrize(
    ("share", "exempt", "expected_staff"),
    [
        ("0.2499", False, Decimal(100)),  # below 25 %: autonomous, not counted
        ("0.25", False, Decimal(125)),  # 100 + 0.25 x 100
        ("0.50", False, Decimal(150)),  # 100 + 0.50 x 100: still a partner
        ("0.5001", False, Decimal(200)),  # above 50 %: linked, in full
        ("0.40", True, Decimal(100)),  # exempt investor up to 50 %: not counted
        ("0.60", True, Decimal(200)),  # an exempt investor in control is linked
    ],
)
def test_a_holding_is_counted_by_its_share(
    share: str, exempt: bool, expected_staff: Decimal
) -> None:
    related = RelatedEnterprise(
        name="Synthetic Holder",
        share=share,
        exempt_investor=exempt,
        accounts=(period(2008, 100, "1000000", "1000000"),),
    )
    result = status(firm(period(2008, 100, "1000000", "1000000"), related=(related,)))
    assert result.periods[0].staff_awu == expected_staff


def test_a_related_enterprise_uses_its_latest_period_closed_by_the_firms_period_end() -> None:
    # The partner closes on 31 March: for the firm's 2008 period, its 2008-03-31 accounts count.
    partner = RelatedEnterprise(
        name="Synthetic Partner SA",
        share="0.5",
        accounts=(
            Accounts(period_end=date(2008, 3, 31), staff_awu=20, turnover=0, balance_sheet=0),
            Accounts(period_end=date(2009, 3, 31), staff_awu=80, turnover=0, balance_sheet=0),
        ),
    )
    result = status(firm(period(2008, 10, "1000000", "1000000"), related=(partner,)))
    assert result.periods[0].staff_awu == Decimal(20)  # 10 + 0.5 x 20


# --- missing facts -----------------------------------------------------------------------------


def test_without_accounts_the_status_is_undetermined_and_asks_for_them_first() -> None:
    result = status(firm(public_bodies_share=None))
    assert result.size is None
    assert result.is_sme is None
    assert result.periods == ()
    assert result.decision.outcome is Outcome.UNDETERMINED
    assert [f.path for f in result.decision.missing] == [
        "enterprise.accounts",
        "enterprise.public_bodies_share",
    ]
    assert "last two closed" in result.decision.missing[0].question.en


def test_a_partners_missing_accounts_are_asked_for() -> None:
    partner = RelatedEnterprise(name="Synthetic Partner SA", share="0.3")
    result = status(firm(period(2008, 10, "1000000", "1000000"), related=(partner,)))
    assert result.decision.outcome is Outcome.UNDETERMINED
    assert result.size is None
    assert [f.path for f in result.decision.missing] == ["enterprise.related.0.accounts"]
    assert check_status(result, "sme.aggregation") is Status.UNKNOWN


def test_a_holding_that_is_not_counted_needs_no_accounts() -> None:
    investor = RelatedEnterprise(name="Synthetic Venture Fund", share="0.4", exempt_investor=True)
    result = status(firm(period(2008, 10, "1000000", "1000000"), related=(investor,)))
    assert result.is_sme is True
    assert check_status(result, "sme.aggregation") is Status.NOT_APPLICABLE


def test_unknown_public_ownership_leaves_an_sme_sized_firm_undetermined() -> None:
    result = status(firm(period(2008, 10, "1000000", "1000000"), public_bodies_share=None))
    assert result.size is SizeClass.SMALL
    assert result.is_sme is None
    assert [f.path for f in result.decision.missing] == ["enterprise.public_bodies_share"]


def test_unknown_public_ownership_does_not_hide_that_a_large_firm_is_not_an_sme() -> None:
    result = status(firm(period(2008, 900, "90000000", "90000000"), public_bodies_share=None))
    assert result.is_sme is False
    assert result.decision.outcome is Outcome.INELIGIBLE


def test_public_ownership_settles_the_answer_even_without_accounts() -> None:
    result = status(firm(public_bodies_share=Decimal("0.5")))
    assert result.size is None
    assert result.is_sme is False


def test_periods_closing_after_the_date_are_not_used() -> None:
    result = status(
        firm(period(2008, 10, "1000000", "1000000"), period(2009, 600, "1000000", "1000000")),
        on=date(2009, 7, 1),
    )
    assert [p.period_end for p in result.periods] == [date(2008, 12, 31)]
    assert "1 period(s) closing after 2009-07-01 not used" in (
        result.decision.check("sme.accounts").reason.en
    )


# --- parameters --------------------------------------------------------------------------------


def test_every_threshold_is_recorded_with_its_date_and_source() -> None:
    result = status(firm(period(2008, 10, "1000000", "1000000")))
    used = {p.name: p for c in result.decision.checks for p in c.parameters}
    assert set(used) == {
        *THRESHOLD_NAMES,
        "sme.partner_share_min",
        "sme.linked_share_above",
        "sme.public_bodies_share_min",
        "sme.consecutive_periods",
    }
    assert used["sme.medium.staff_below"].value == "250"
    assert used["sme.medium.staff_below"].confidence == "sourced"
    assert used["sme.consecutive_periods"].confidence == "assumption"


def test_a_reform_of_a_threshold_is_read_at_the_case_date() -> None:
    reform = PARAMS.override("sme.medium.staff_below", Decimal(300), valid_from=date(2009, 1, 1))
    big = firm(period(2008, 254, "1000000", "1000000"))
    assert status(big, on=date(2008, 12, 31), params=reform).size is SizeClass.LARGE
    assert status(big, on=date(2009, 1, 1), params=reform).size is SizeClass.MEDIUM


def test_a_date_before_the_recommendation_has_no_thresholds() -> None:
    with pytest.raises(ParameterError, match="no value in force on 2004-06-30"):
        status(firm(period(2003, 10, "1", "1")), on=date(2004, 6, 30))


def test_the_decision_cites_relay_2_and_explains_itself_in_both_languages() -> None:
    result = status(firm(period(2008, 10, "1000000", "1000000")))
    assert result.decision.rule == "eu.sme_status"
    assert result.decision.clauses == ("RELAY.2",)
    assert "ELIGIBLE" in result.decision.explain("en")
    assert "ÉLIGIBLE" in result.decision.explain("fr")
    assert "1 000 000,00 €" in result.decision.explain("fr").replace("\u202f", " ")


# --- properties --------------------------------------------------------------------------------

staff_values = st.integers(min_value=0, max_value=40000).map(lambda n: Decimal(n).scaleb(-2))
money_values = st.integers(min_value=0, max_value=8 * 10**9).map(lambda c: Decimal(c).scaleb(-2))


@st.composite
def figures(draw: st.DrawFn) -> list[tuple[Decimal, Decimal, Decimal]]:
    n = draw(st.integers(min_value=1, max_value=4))
    return [(draw(staff_values), draw(money_values), draw(money_values)) for _ in range(n)]


def firm_of(
    rows: list[tuple[Decimal, Decimal, Decimal]], related: tuple[RelatedEnterprise, ...]
) -> Enterprise:
    return firm(
        *(
            Accounts(period_end=date(2004 + i, 12, 31), staff_awu=s, turnover=t, balance_sheet=b)
            for i, (s, t, b) in enumerate(rows)
        ),
        related=related,
    )


partners = st.lists(
    st.builds(
        RelatedEnterprise,
        name=st.sampled_from(["Synthetic Partner", "Synthetic Holding"]),
        share=st.decimals(min_value=0, max_value=1, places=2),
        exempt_investor=st.booleans(),
        accounts=st.just((period(2000, 30, "3000000", "3000000"),)),
    ),
    max_size=2,
    unique_by=lambda related: related.name,  # an enterprise is related once
)


@given(
    figures(),
    partners,
    st.data(),
    st.sampled_from(["staff", "turnover", "balance_sheet"]),
)
def test_more_staff_turnover_or_balance_sheet_never_yields_a_smaller_class(
    rows: list[tuple[Decimal, Decimal, Decimal]],
    related: list[RelatedEnterprise],
    data: st.DataObject,
    which: str,
) -> None:
    index = data.draw(st.integers(min_value=0, max_value=len(rows) - 1))
    increase = data.draw(money_values)
    bigger = list(rows)
    s, t, b = bigger[index]
    if which == "staff":
        bigger[index] = (s + increase.scaleb(-4), t, b)
    elif which == "turnover":
        bigger[index] = (s, t + increase, b)
    else:
        bigger[index] = (s, t, b + increase)
    before = status(firm_of(rows, tuple(related)), on=date(2010, 1, 1)).size
    after = status(firm_of(bigger, tuple(related)), on=date(2010, 1, 1)).size
    assert before is not None
    assert after is not None
    assert after.rank >= before.rank


@given(figures(), partners, st.one_of(st.none(), st.decimals(min_value=0, max_value=1, places=2)))
def test_is_sme_agrees_with_the_outcome(
    rows: list[tuple[Decimal, Decimal, Decimal]],
    related: list[RelatedEnterprise],
    public: Decimal | None,
) -> None:
    enterprise = attrs.evolve(firm_of(rows, tuple(related)), public_bodies_share=public)
    result = status(enterprise, on=date(2010, 1, 1))
    expected = {Outcome.ELIGIBLE: True, Outcome.INELIGIBLE: False, Outcome.UNDETERMINED: None}
    assert result.is_sme is expected[result.decision.outcome]
    if result.size is not None and result.is_sme is not None:
        assert result.is_sme == (
            result.size.is_sme and public is not None and public < Decimal("0.25")
        )


related_enterprises = st.lists(
    st.builds(
        RelatedEnterprise,
        name=st.sampled_from(["Synthetic Partner", "Synthetic Holding"]),
        share=st.sampled_from([Decimal("0.10"), Decimal("0.25"), Decimal("0.40"), Decimal(1)]),
        exempt_investor=st.booleans(),
        accounts=st.sampled_from(
            [(), (period(2003, 30, "3000000", "3000000"),), (period(2008, 5, "1", "1"),)]
        ),
    ),
    max_size=2,
    unique_by=lambda related: related.name,  # an enterprise is related once
)


@given(
    st.one_of(st.just([]), figures()),
    related_enterprises,
    st.sampled_from([None, Decimal(0), Decimal("0.30")]),
)
def test_the_facts_and_parameters_known_at_once_are_those_of_the_checks(
    rows: list[tuple[Decimal, Decimal, Decimal]],
    related: list[RelatedEnterprise],
    public: Decimal | None,
) -> None:
    enterprise = attrs.evolve(firm_of(rows, tuple(related)), public_bodies_share=public)
    result = status(enterprise, on=date(2010, 1, 1))
    # Read before the checks are built, then compared with them.
    missing, parameters = result.missing, result.parameters
    assert missing == result.decision.missing
    assert parameters == tuple(p for c in result.decision.checks for p in c.parameters)
    expected = {Outcome.ELIGIBLE: True, Outcome.INELIGIBLE: False, Outcome.UNDETERMINED: None}
    assert result.is_sme is expected[result.decision.outcome]


def test_each_parameter_set_and_date_reads_its_own_thresholds() -> None:
    # Many sets, made and dropped in turn, each with its own ceiling from 2009 on: a reading
    # made for one set or one period of validity never serves another.
    big = firm(period(2008, 120, "1000000", "1000000"))
    for staff_below in range(100, 140):
        reform = PARAMS.override(
            "sme.small.staff_below", Decimal(staff_below), valid_from=date(2009, 1, 1)
        )
        before = status(big, on=date(2008, 12, 31), params=reform).size
        after = status(big, on=date(2009, 1, 1), params=reform).size
        assert before is SizeClass.MEDIUM
        assert after is (SizeClass.SMALL if staff_below > 120 else SizeClass.MEDIUM)
