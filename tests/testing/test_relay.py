"""The relay strategies: every outcome and every failing condition, often; ids; dates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st

from poles_policy.exceptions import InvalidInputError, WrongTypeError
from poles_policy.explain import Outcome, Status
from poles_policy.parameters import default_parameters
from poles_policy.rules.relay import eligibility
from poles_policy.rules.relay.eligibility import CONDITIONS
from poles_policy.scenarios import RelayPortfolio, screen
from poles_policy.testing import _relay, relay_cases, relay_loans, relay_requests

if TYPE_CHECKING:
    from tests.testing.conftest import Tally, Unreached

    from poles_policy.model.cases import RelayCase
    from poles_policy.model.relay import RelayRequest

PARAMS = default_parameters()
PILOT_START = date(2008, 4, 1)
FIRST = settings(max_examples=1, database=None, derandomize=True, phases=[Phase.generate])


def _statuses(request: RelayRequest) -> set[str]:
    decision = eligibility(request, PARAMS)
    # The SME status is information, not a condition, under the default parameters.
    failing = [
        c.key for c in decision.checks if c.status is Status.NOT_MET and c.informative is False
    ]
    return (
        {decision.outcome.value}
        | {f"{c.key}={c.status.value}" for c in decision.checks}
        | {"fails only " + "+".join(failing)}
    )


def _features(request: RelayRequest) -> set[str]:
    aids = request.project.state_aid_for(request.applicant.id) or ()
    on = request.requested_on
    features = {
        f"bank known={request.bank is not None}",
        f"more than two partners={len(request.project.partners) > 2}",
        f"two State decisions={len(aids) > 1}",
        f"a cent={request.amount == Decimal('0.01')}",
    }
    if (on.month, on.day) == (2, 29):
        features.add("29 February")
    if on in {PILOT_START, date(2008, 3, 31)}:
        features.add(f"pilot edge {on.isoformat()}")
    if on == request.project.selection_letter_on:
        features.add("on the letter's day")
    return features


def test_requests_are_of_each_outcome_about_a_third_each_and_meet_the_edges(
    tally: Tally,
) -> None:
    seen, drawn = tally(relay_requests(), lambda r: _statuses(r) | _features(r), 300)
    for outcome in Outcome:
        assert 0.2 < seen[outcome.value] / drawn < 0.5, (outcome, seen[outcome.value], drawn)
    for feature in (
        "on the letter's day",
        "bank known=False",
        "more than two partners=True",
        "two State decisions=True",
    ):
        assert seen[feature] > drawn / 20, feature
    assert seen["bank known=True"] > seen["bank known=False"]
    # Amounts vary: a request for one cent is the rare case it is in practice.
    assert seen["a cent=True"] < drawn / 20


def test_every_status_of_every_condition_is_reached_each_fails_alone_and_edges_are_met(
    unreached: Unreached,
) -> None:
    wanted = {f"{key}={Status.MET.value}" for key in (*CONDITIONS, "relay.sme")}
    wanted |= {f"{key}={Status.NOT_MET.value}" for key in (*CONDITIONS, "relay.sme")}
    wanted |= {
        f"{key}={Status.UNKNOWN.value}"
        for key in (
            "relay.in_force",
            "relay.labelled",
            "relay.state_aid",
            "relay.selection_letter",
            "relay.remaining",
            "relay.sme",
        )
    }
    wanted |= {"relay.remaining=not_applicable", "relay.sme=not_applicable"}
    # Each condition is the only one failing in some requests; aid goes to partners only, so
    # an applicant that is not a partner has no State subsidy either.
    wanted |= {f"fails only {key}" for key in CONDITIONS if key != "relay.partner"}
    wanted.add("fails only relay.partner+relay.state_aid")
    # And requests fall on the dates where the rules turn.
    wanted |= {"29 February", "pilot edge 2008-04-01", "pilot edge 2008-03-31"}
    assert unreached(relay_requests(), wanted, lambda r: _statuses(r) | _features(r)) == set()


def test_the_simplest_request_is_eligible_on_the_pilot_s_first_day() -> None:
    # The first example Hypothesis tries is the simplest, the one failures shrink toward.
    simplest = find(relay_requests(), lambda _: True, settings=FIRST)
    assert eligibility(simplest, PARAMS).outcome is Outcome.ELIGIBLE
    assert simplest.requested_on == PILOT_START
    assert simplest.amount <= 10


@settings(max_examples=30)
@given(relay_requests(ident="rel-7"), relay_cases(ident="dossier-3"))
def test_ident_fixes_the_request_and_case_ids(request: RelayRequest, case: RelayCase) -> None:
    assert request.id == "rel-7"
    assert case.case_id == case.request.id == "dossier-3"
    assert case.loan is None or case.loan.request_id == "dossier-3"


@settings(max_examples=30)
@given(
    st.dates(min_value=date(2007, 1, 1), max_value=date(2012, 12, 31)).flatmap(
        lambda start: st.tuples(
            st.just(start),
            st.dates(min_value=start, max_value=date(2013, 6, 30)),
        )
    ),
    st.data(),
)
def test_requests_fall_between_start_and_end(
    bounds: tuple[date, date], data: st.DataObject
) -> None:
    start, end = bounds
    if end < PILOT_START:
        # No request of a window before the pilot could be eligible: it is refused.
        with pytest.raises(InvalidInputError, match="no day of the relay pilot"):
            relay_requests(start=start, end=end)
        return
    request = data.draw(relay_requests(start=start, end=end))
    assert start <= request.requested_on <= end


@settings(max_examples=10)
@given(relay_requests(start=date(2010, 2, 26), end=date(2010, 2, 26)))
def test_start_equal_to_end_fixes_the_request_date(request: RelayRequest) -> None:
    assert request.requested_on == date(2010, 2, 26)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"ident": ""}, InvalidInputError, r"relay_requests\(ident=''\): an id is a non-empty"),
        ({"ident": 7}, WrongTypeError, r"relay_requests\(ident=7\): an id is a string"),
        ({"start": "2009-01-01"}, WrongTypeError, r"relay_requests\(start='2009-01-01'\)"),
        (
            {"start": date(2010, 1, 1), "end": date(2009, 1, 1)},
            InvalidInputError,
            r"relay_requests: start=2010-01-01 is after end=2009-01-01",
        ),
    ],
)
def test_bad_arguments_of_relay_requests_are_refused_at_once(
    kwargs: dict[str, Any], error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        relay_requests(**kwargs)


@settings(max_examples=15)
@given(relay_cases(start=date(2011, 1, 1), end=date(2011, 1, 31)))
def test_cases_fall_within_their_window(case: RelayCase) -> None:
    assert date(2011, 1, 1) <= case.request.requested_on <= date(2011, 1, 31)


def test_a_case_window_without_a_pilot_day_is_refused_at_once_by_name() -> None:
    with pytest.raises(InvalidInputError, match=r"^relay_cases: the window start=2001-01-01"):
        relay_cases(start=date(2001, 1, 1), end=date(2002, 1, 1))


def test_relay_loans_refuse_what_is_not_a_request() -> None:
    with pytest.raises(WrongTypeError, match=r"relay_loans\(request='req-1'\): expected a Relay"):
        relay_loans("req-1")  # type: ignore[arg-type]


def _loan(case: RelayCase) -> set[str]:
    if case.loan is None:
        return {"no loan"}
    return {f"lends all={case.loan.principal == case.request.amount}"}


def test_loans_lend_the_amount_requested_or_less(tally: Tally) -> None:
    seen, _ = tally(relay_cases(), _loan, 100)
    assert seen["lends all=True"] > seen["lends all=False"] > 0
    assert seen["no loan"] > 0


@settings(max_examples=15)
@given(st.lists(relay_cases(), min_size=2, max_size=5, unique_by=lambda c: c.case_id))
def test_generated_cases_with_distinct_ids_form_a_portfolio(cases: list[RelayCase]) -> None:
    frame = screen(RelayPortfolio.from_cases(cases), PARAMS)
    assert list(frame.index) == [c.case_id for c in cases]
    assert list(frame["outcome"]) == [eligibility(c.request, PARAMS).outcome.value for c in cases]


@settings(max_examples=10)
@given(st.data())
def test_cases_with_given_ids_form_a_portfolio(data: st.DataObject) -> None:
    cases = [data.draw(relay_cases(ident=f"case-{i}")) for i in range(3)]
    assert RelayPortfolio.from_cases(cases).case_ids == ("case-0", "case-1", "case-2")


@given(relay_requests(start=date(2015, 6, 1), end=date(2016, 12, 31)))
def test_requests_across_the_2016_reform_name_regions_in_force_on_their_date(
    request: RelayRequest,
) -> None:
    from poles_policy.boundary.case import dump_case, parse_case
    from poles_policy.model.cases import RelayCase
    from poles_policy.model.regions import region

    for partner in request.project.partners:
        code = getattr(partner.actor, "region", None)
        if code is not None:
            region(code, request.requested_on)  # raises for a code gone by that day
    case = RelayCase(case_id=request.id, request=request)
    assert parse_case(dump_case(case)) == case


def test_each_drawn_request_has_the_outcome_its_scenario_was_drawn_for(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # An undetermined request whose region is not known was drawn before the pilot, when the
    # scheme is in force nowhere: it came out ineligible. Its date now falls in the pilot.
    targets: list[Outcome] = []
    scenario = _relay._scenario

    def recorded(draw: st.DrawFn, target: Outcome) -> dict[str, Status]:
        targets.append(target)
        return scenario(draw, target)

    monkeypatch.setattr(_relay, "_scenario", recorded)

    @settings(max_examples=300, deadline=None, database=None, phases=[Phase.generate])
    @given(relay_requests())
    def check(request: RelayRequest) -> None:
        assert eligibility(request, default_parameters()).outcome is targets[-1]

    check()
    assert set(targets) == set(Outcome)
