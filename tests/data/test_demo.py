from __future__ import annotations

from collections import Counter

from poles_policy.data.demo import DEMO_NATIONAL_FROM, demo_cases
from poles_policy.explain import Outcome, Status
from poles_policy.model.actors import actor_region
from poles_policy.parameters import default_parameters
from poles_policy.rules.relay import assess

PARAMS = default_parameters()
CONDITIONS = {
    "relay.in_force",
    "relay.enterprise",
    "relay.partner",
    "relay.labelled",
    "relay.state_aid",
    "relay.selection_letter",
    "relay.remaining",
}


def test_the_portfolio_is_labelled_synthetic_everywhere() -> None:
    for case in demo_cases():
        assert "(synthetic)" in case.request.applicant.name
        assert "(synthetic)" in case.request.project.name


def test_the_portfolio_has_about_forty_rhone_alpes_cases_and_others_for_the_national_scenario() -> (
    None
):
    regions = Counter(actor_region(case.request.applicant) for case in demo_cases())
    assert regions["82"] + regions[None] == 42  # one Rhône-Alpes form leaves the region blank
    assert sum(n for code, n in regions.items() if code not in {"82", None}) == 8


def test_the_portfolio_covers_every_outcome_and_every_failing_condition() -> None:
    outcomes: Counter[Outcome] = Counter()
    failing: set[str] = set()
    undetermined_by: set[str] = set()
    for case in demo_cases():
        a = assess(case.request, PARAMS, loan=case.loan)
        outcomes[a.outcome] += 1
        failing.update(c.key for c in a.decision.failed)
        undetermined_by.update(c.key for c in a.decision.conditions if c.status is Status.UNKNOWN)
    assert set(outcomes) == set(Outcome)
    assert failing == CONDITIONS
    assert {"relay.selection_letter", "relay.state_aid", "relay.in_force"} <= undetermined_by


def test_the_portfolio_has_a_relay_that_arrives_after_the_subsidy() -> None:
    flagged = [
        case.case_id
        for case in demo_cases()
        if (t := assess(case.request, PARAMS, loan=case.loan).timing) is not None
        and t.after_subsidy
    ]
    assert flagged == ["demo-23"]


def test_generalisation_admits_the_other_regions_cases() -> None:
    national = PARAMS.override("relay.national_from", DEMO_NATIONAL_FROM)
    gained = [
        actor_region(case.request.applicant)
        for case in demo_cases()
        if assess(case.request, PARAMS).outcome is Outcome.INELIGIBLE
        and assess(case.request, national).outcome is Outcome.ELIGIBLE
    ]
    assert sorted(g or "" for g in gained) == ["11", "31", "42", "52", "53", "72", "73", "93"]
