"""The kit's decisions and checks: the rules' answers on generated inputs."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from poles_policy.boundary.schema import DecisionModel
from poles_policy.explain import Check, Decision, Outcome, Status
from poles_policy.testing import decisions


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
def test_an_undetermined_decision_asks_for_the_facts_its_unknown_conditions_need(
    decision: Decision,
) -> None:
    asked = [f.path for c in decision.conditions if c.status is Status.UNKNOWN for f in c.missing]
    assert [f.path for f in decision.missing] == list(dict.fromkeys(asked))
    # Every unknown condition of these rules names a fact; an ineligible decision may ask too.
    if decision.outcome is Outcome.UNDETERMINED:
        assert decision.missing


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
