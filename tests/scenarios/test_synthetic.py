"""The synthetic national portfolio: seeded, valid, and failing every condition now and then."""

from __future__ import annotations

import re
from datetime import date

import numpy as np
import pytest

from poles_policy.exceptions import InvalidInputError
from poles_policy.model.actors import actor_region
from poles_policy.model.regions import regions_on
from poles_policy.parameters import default_parameters
from poles_policy.scenarios import CONDITIONS, RelayPortfolio, screen, synthetic_relay_cases
from poles_policy.scenarios._arrays import whole_number
from poles_policy.scenarios.portfolio import MET
from poles_policy.scenarios.synthetic import _MAX_CASES


def test_same_seed_same_cases_other_seed_other_cases() -> None:
    assert synthetic_relay_cases(50, seed=1) == synthetic_relay_cases(50, seed=1)
    assert synthetic_relay_cases(50, seed=1) != synthetic_relay_cases(50, seed=2)


def test_cases_are_named_synthetic_and_dated_within_the_bounds() -> None:
    start, end = date(2009, 1, 1), date(2009, 12, 31)
    cases = synthetic_relay_cases(200, seed=4, start=start, end=end)
    assert len(cases) == 200
    assert len({c.case_id for c in cases}) == 200
    assert all(start <= c.request.requested_on <= end for c in cases)
    assert all("(synthetic)" in c.request.applicant.name for c in cases)
    days = [c.request.requested_on for c in cases]
    assert days == sorted(days)


def test_applicants_come_from_regions_that_existed_on_their_request_date() -> None:
    for case in synthetic_relay_cases(300, seed=9):
        code = actor_region(case.request.applicant)
        if code is not None:
            assert code in {r.code for r in regions_on(case.request.requested_on)}


def test_every_condition_fails_and_every_outcome_occurs_in_a_large_portfolio() -> None:
    # Under the pilot, so that the region fails too (outside Rhône-Alpes).
    pilot = default_parameters()
    frame = screen(RelayPortfolio.from_cases(synthetic_relay_cases(3000, seed=0)), pilot)
    for key in CONDITIONS:
        assert (frame[key] == "not_met").any(), key
    assert set(frame["outcome"]) == {"eligible", "ineligible", "undetermined"}


def test_zero_cases_is_an_empty_portfolio() -> None:
    assert synthetic_relay_cases(0, seed=1) == ()


@pytest.mark.parametrize("count", [-1, 2.5, True, "10"])
def test_a_count_that_is_not_a_whole_number_of_cases_is_refused(count: object) -> None:
    with pytest.raises(InvalidInputError, match="count must be a whole number"):
        synthetic_relay_cases(count, seed=1)  # type: ignore[arg-type]


def test_a_numpy_count_and_seed_are_read_as_whole_numbers() -> None:
    assert synthetic_relay_cases(np.int64(3), seed=np.int32(7)) == synthetic_relay_cases(3, seed=7)


def test_a_negative_seed_is_refused_by_name() -> None:
    with pytest.raises(
        InvalidInputError, match=r"seed must be a whole number of at least 0, not -1"
    ):
        synthetic_relay_cases(1, seed=-1)


def test_an_end_before_the_start_is_refused() -> None:
    with pytest.raises(InvalidInputError, match="is before start"):
        synthetic_relay_cases(1, seed=1, start=date(2010, 1, 1), end=date(2009, 1, 1))


@pytest.mark.parametrize(
    ("start", "end", "named"),
    [
        (date(1, 1, 1), date(1, 1, 1), "start (0001-01-01)"),
        (date(2, 12, 31), date(2009, 1, 1), "start (0002-12-31)"),
        (date(2009, 1, 1), date(9999, 10, 3), "end (9999-10-03)"),
        (date(9999, 12, 31), date(9999, 12, 31), "start (9999-12-31)"),
    ],
)
def test_a_window_whose_cases_would_leave_the_calendar_is_refused_by_name(
    start: date, end: date, named: str
) -> None:
    # A case's label, letter and accounts are dated around its request: near either end of the
    # calendar they do not exist. It used to fail with "year 0 is out of range".
    with pytest.raises(InvalidInputError, match=re.escape(f"synthetic_relay_cases: {named} is ")):
        synthetic_relay_cases(1, seed=1, start=start, end=end)


@pytest.mark.parametrize("day", [date(3, 1, 1), date(9999, 10, 2)])
def test_cases_can_be_made_up_to_either_end_of_the_window_allowed(day: date) -> None:
    cases = synthetic_relay_cases(2000, seed=3, start=day, end=day)
    assert {c.request.requested_on for c in cases} == {day}


def test_a_count_above_the_memory_cap_is_refused_and_the_cap_itself_is_not() -> None:
    # 300 000 cases take about 1 GB (3.2 kB each, 3.5 kB with their portfolio).
    with pytest.raises(
        InvalidInputError,
        match=r"^synthetic_relay_cases: count must be at most 300000, not 300001$",
    ):
        synthetic_relay_cases(300_001, seed=1)
    assert whole_number(300_000, "count", at_least=0, at_most=_MAX_CASES) == 300_000


def test_each_departure_from_eligibility_happens_a_few_percent_of_the_time() -> None:
    # As documented: with the scheme in force everywhere, no condition fails in more than a few
    # percent of the cases, and about 71 % of the cases are eligible, 23 % ineligible and 6 %
    # undetermined.
    national = default_parameters().override("relay.national_from", date(2008, 1, 1))
    portfolio = RelayPortfolio.from_cases(synthetic_relay_cases(4000, seed=5))
    frame = screen(portfolio, national)
    for key in CONDITIONS:
        assert (frame[key] == "not_met").mean() < 0.08, key
    # RELAY.4 fails for a subsidy already paid (5 %) or an amount above it (3 %), not for 1 in 5.
    aid = frame["relay.state_aid"] == "met"
    assert (frame.loc[aid, "relay.remaining"] == "not_met").mean() < 0.10
    # An amount above the subsidy still to be received: about 3 % of the aided cases.
    aided = (portfolio.state_aid == MET) & (portfolio.remaining > 0)
    above = (portfolio.amount > portfolio.remaining) & aided
    assert 0.015 < above.sum() / aided.sum() < 0.045
    shares = frame["outcome"].value_counts(normalize=True)
    assert 0.685 < shares["eligible"] < 0.735
    assert 0.21 < shares["ineligible"] < 0.26
    assert 0.04 < shares["undetermined"] < 0.075
