"""The kit's decisions and checks: the rules' answers on generated inputs."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from poles_policy.boundary.schema import DecisionModel
from poles_policy.explain import Check, Decision, Outcome, Status
from poles_policy.testing import checks, decisions


@given(st.from_type(Decision))
def test_a_drawn_decision_reads_back_from_its_json_equal(decision: Decision) -> None:
    assert Decision.from_dict(decision.to_dict()) == decision
    assert (
        DecisionModel.model_validate_json(
            DecisionModel.from_domain(decision).model_dump_json()
        ).to_domain()
        == decision
    )


@given(st.from_type(Decision))
def test_a_drawn_decision_s_outcome_is_the_one_its_checks_give(decision: Decision) -> None:
    statuses = {c.status for c in decision.conditions}
    if Status.NOT_MET in statuses:
        assert decision.outcome is Outcome.INELIGIBLE
    elif Status.UNKNOWN in statuses:
        assert decision.outcome is Outcome.UNDETERMINED
        assert decision.missing
    else:
        assert decision.outcome is Outcome.ELIGIBLE


@given(st.from_type(Check))
def test_a_drawn_check_cites_a_clause_and_explains_itself(check: Check) -> None:
    assert check.clauses
    assert check.explain().startswith(f"[{check.status.label.en}] ")
    assert check.explain("fr").startswith(f"[{check.status.label.fr}] ")


def test_the_three_rules_give_each_of_their_outcomes() -> None:
    seen: set[tuple[str, Outcome]] = set()

    @settings(max_examples=300)
    @given(decisions())
    def collect(decision: Decision) -> None:
        seen.add((decision.rule, decision.outcome))

    collect()
    assert {rule for rule, _ in seen} == {
        "relay.eligibility",
        "fui.consortium",
        "gov.contract_terms",
    }
    assert {outcome for _, outcome in seen} == set(Outcome)
    assert {o for rule, o in seen if rule == "relay.eligibility"} == set(Outcome)


@given(checks())
def test_checks_come_from_decisions(check: Check) -> None:
    assert isinstance(check, Check)
    assert check.status in set(Status)
