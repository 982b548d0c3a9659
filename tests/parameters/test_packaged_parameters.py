from __future__ import annotations

import tomllib
from datetime import date
from decimal import Decimal

import pytest

from poles_policy.exceptions import ParameterError
from poles_policy.explain import CLAUSES
from poles_policy.parameters import (
    CONFIDENCES,
    default_parameters,
    packaged_parameter_files,
)

PARAMS = default_parameters()
DECIMAL_UNITS = {"share", "rate_per_year", "AWU", "EUR"}
INTEGER_UNITS = {"months", "days", "business_days", "count"}


def test_the_default_set_is_read_once_and_labelled_default() -> None:
    assert default_parameters() is PARAMS
    assert PARAMS.label == "default"


def test_the_packaged_files_are_one_per_domain() -> None:
    assert [f.name for f in packaged_parameter_files()] == [
        "fui.toml",
        "gov.toml",
        "relay.toml",
        "sme.toml",
        "struct.toml",
    ]


# -- relay (RELAY.1-RELAY.7) -------------------------------------------------------------------


def test_the_relay_pilot_is_in_force_in_rhone_alpes_only_from_april_2008() -> None:
    assert PARAMS.value("relay.pilot_regions", date(2009, 7, 1)) == ("82",)
    assert PARAMS.value("relay.pilot_regions", date(2008, 4, 1)) == ("82",)
    assert PARAMS.value("relay.pilot_regions", date(2008, 3, 31)) is None
    assert PARAMS.at("relay.pilot_regions", date(2007, 1, 1)) is None


def test_the_national_generalisation_has_no_default_value() -> None:
    assert PARAMS["relay.national_from"].values == ()
    assert PARAMS["relay.national_from"].unit == "date"
    with pytest.raises(
        ParameterError,
        match=r"relay\.national_from has no value in force .*: it has no value on any date$",
    ):
        PARAMS.require("relay.national_from", date(2012, 1, 1))


def test_sme_status_is_a_priority_not_a_condition_of_the_relay() -> None:
    item = PARAMS.require("relay.sme_required", date(2009, 7, 1))
    assert item.value is False
    assert (item.confidence, item.source) == ("text", "RELAY.2")


def test_oseo_guarantee_share_and_fee_are_exact_decimals() -> None:
    on = date(2009, 7, 1)
    assert PARAMS.value("relay.oseo.guarantee_share", on) == Decimal("0.50")
    fee = PARAMS.value("relay.oseo.guarantee_fee_rate", on)
    assert isinstance(fee, Decimal)
    assert str(fee) == "0.008"
    use = PARAMS.use("relay.oseo.guarantee_fee_rate", on)
    assert use is not None
    assert use.value == "0.008"
    assert "nosdeputes.fr/intervention/372282" in use.source


def test_the_promised_gain_is_six_to_nine_months_from_the_text() -> None:
    on = date(2009, 7, 1)
    low = PARAMS.require("relay.promised_gain_months.low", on)
    high = PARAMS.require("relay.promised_gain_months.high", on)
    assert (low.value, high.value) == (6, 9)
    assert low.confidence == high.confidence == "text"
    assert low.source == high.source == "RELAY.6"


def test_processing_times_are_stated_as_assumptions() -> None:
    for name in ("relay.bank_processing_business_days", "relay.oseo_processing_business_days"):
        item = PARAMS.require(name, date(2009, 7, 1))
        assert (item.value, item.confidence) == (10, "assumption")


# -- FUI ------------------------------------------------------------------------------------


def test_the_first_payment_delay_falls_to_three_months_from_call_16() -> None:
    # Call 15's letters of 18 March 2013 keep 6 to 9 months; the convention applies from call 16.
    before, after = date(2013, 3, 18), date(2013, 3, 19)
    assert PARAMS.value("fui.first_payment_delay_months.low", before) == 6
    assert PARAMS.value("fui.first_payment_delay_months.high", before) == 9
    assert PARAMS.value("fui.first_payment_delay_months.low", after) == 3
    assert PARAMS.value("fui.first_payment_delay_months.high", after) == 3
    # Only the 3-month ceiling is sourced: the low end is the modelling choice.
    assert PARAMS.require("fui.first_payment_delay_months.low", after).confidence == "assumption"
    assert PARAMS.require("fui.first_payment_delay_months.high", after).confidence == "sourced"


def test_fui_aid_rates_in_phase_2() -> None:
    on = date(2010, 1, 1)
    assert PARAMS.value("fui.aid_rate.sme", on) == Decimal("0.45")
    assert PARAMS.value("fui.aid_rate.other_enterprise", on) == Decimal("0.30")
    assert PARAMS.value("fui.aid_rate.research_marginal_cost", on) == Decimal("1.00")
    assert PARAMS.value("fui.aid_rate.research_full_cost", on) == Decimal("0.40")
    assert PARAMS.require("fui.aid_rate.other_enterprise", on).note.startswith("Inferred from")


def test_fui_consortium_needs_two_enterprises_and_one_research_body() -> None:
    on = date(2010, 1, 1)
    assert PARAMS.value("fui.consortium.min_enterprises", on) == 2
    assert PARAMS.value("fui.consortium.min_research_bodies", on) == 1


# -- SME definition --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("size", "staff", "turnover", "balance_sheet"),
    [
        ("medium", "250", "50000000.00", "43000000.00"),
        ("small", "50", "10000000.00", "10000000.00"),
        ("micro", "10", "2000000.00", "2000000.00"),
    ],
)
def test_sme_thresholds_of_recommendation_2003_361(
    size: str, staff: str, turnover: str, balance_sheet: str
) -> None:
    on = date(2009, 7, 1)
    assert PARAMS.value(f"sme.{size}.staff_below", on) == Decimal(staff)
    for name, expected in (("turnover_max", turnover), ("balance_sheet_max", balance_sheet)):
        use = PARAMS.use(f"sme.{size}.{name}", on)
        assert use is not None
        assert (use.value, use.unit) == (expected, "EUR")
    assert PARAMS.value(f"sme.{size}.staff_below", date(2004, 12, 31)) is None


def test_unsourced_sme_rules_are_assumptions() -> None:
    on = date(2009, 7, 1)
    for name in ("sme.public_bodies_share_min", "sme.consecutive_periods"):
        assert PARAMS.require(name, on).confidence == "assumption"
    assert PARAMS.require("sme.partner_share_min", on).confidence == "sourced"
    assert PARAMS.value("sme.linked_share_above", on) == Decimal("0.50")


# -- every packaged value --------------------------------------------------------------------


def test_every_packaged_value_has_a_source_and_a_valid_confidence() -> None:
    for parameter in PARAMS.parameters:
        for item in parameter.values:
            assert item.source.strip(), parameter.name
            assert item.confidence in CONFIDENCES, parameter.name


def test_a_text_value_cites_a_clause_and_a_sourced_value_an_address() -> None:
    for parameter in PARAMS.parameters:
        for item in parameter.values:
            if item.confidence == "text":
                assert item.source in CLAUSES, parameter.name
            elif item.confidence == "sourced":
                assert "http" in item.source, parameter.name


def test_every_packaged_parameter_cites_a_clause() -> None:
    for parameter in PARAMS.parameters:
        assert parameter.clauses, parameter.name


def test_no_packaged_value_is_a_float() -> None:
    for parameter in PARAMS.parameters:
        for item in parameter.values:
            assert not isinstance(item.value, float), parameter.name
            if parameter.unit in DECIMAL_UNITS:
                assert isinstance(item.value, Decimal), parameter.name
            if parameter.unit in INTEGER_UNITS:
                assert type(item.value) is int, parameter.name


def _floats(node: object) -> list[float]:
    if isinstance(node, float):
        return [node]
    if isinstance(node, dict):
        return [f for child in node.values() for f in _floats(child)]
    if isinstance(node, list):
        return [f for child in node for f in _floats(child)]
    return []


def test_no_packaged_file_contains_a_toml_float() -> None:
    for file in packaged_parameter_files():
        assert _floats(tomllib.loads(file.read_text(encoding="utf-8"))) == [], file.name


# -- steering (GOV.1, PHASE.2b) ----------------------------------------------------------------


def test_the_public_share_of_the_animation_budget_is_due_below_half_within_three_years() -> None:
    on = date(2009, 1, 1)
    assert PARAMS.value("gov.public_share_max", on) == Decimal("0.50")
    assert PARAMS.value("gov.public_share_horizon_years", on) == 3
    assert PARAMS.value("gov.public_share_max", date(2008, 12, 31)) is None


def test_the_committee_s_longest_gap_is_an_assumption_of_six_months() -> None:
    # GOV.2 asks for regular meetings and sets no interval.
    value = PARAMS.require("gov.committee_max_gap_months", date(2009, 1, 1))
    assert (value.value, value.confidence, value.source) == (6, "assumption", "GOV.2")


def test_performance_contracts_run_three_years_from_phase_2() -> None:
    value = PARAMS.require("gov.contract_years", date(2009, 1, 1))
    assert (value.value, value.confidence) == (3, "sourced")


def test_group_2_poles_are_reviewed_18_months_in_and_group_3_on_probation_to_end_2009() -> None:
    on = date(2009, 1, 1)
    review = PARAMS.require("gov.group2_review_months", on)
    probation = PARAMS.require("gov.group3_probation_end", on)
    assert (review.value, review.confidence) == (18, "sourced")
    assert (probation.value, probation.confidence) == (date(2009, 12, 31), "sourced")
    assert PARAMS.value("gov.group2_review_months", date(2008, 12, 31)) is None
