"""Strategies for the rules' explained answers: decisions and their checks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hypothesis import strategies as st

from poles_policy.parameters import default_parameters
from poles_policy.rules.fui import consortium
from poles_policy.rules.relay.eligibility import eligibility
from poles_policy.rules.steering import contract_terms
from poles_policy.testing._arguments import checked
from poles_policy.testing._contracts import performance_contracts
from poles_policy.testing._projects import projects
from poles_policy.testing._relay import relay_requests
from poles_policy.testing._values import PHASE_2_END, PILOT_START, policy_dates

if TYPE_CHECKING:
    from poles_policy.explain import Check, Decision

__all__ = ["checks", "decisions"]


@checked
@st.composite
def decisions(draw: st.DrawFn) -> Decision:
    """
    Generate a decision as the library's rules give one, with every kind of outcome.

    A relay request's eligibility (RELAY.1-RELAY.4, from the pilot's first
    day), a collaborative project's FUI consortium (PHASE.2a) or a
    performance contract's terms (GOV.1), decided under the default
    parameters on generated inputs: every check cites registered clauses,
    every UNKNOWN one asks for its facts, and the decision's JSON reads back
    equal (:meth:`~poles_policy.explain.Decision.from_dict`). Shrinks toward
    the eligibility of a simple relay request.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate])  # the first example found, not shrunk
    >>> decision = find(decisions(), lambda d: d.rule == "fui.consortium", settings=quick)
    >>> decision.rule, [c.key for c in decision.checks][:2]
    ('fui.consortium', ['fui.enterprises', 'fui.research_bodies'])
    """
    params = default_parameters()  # read once, then remembered: importing the kit reads nothing
    kind = draw(st.sampled_from(("relay", "fui", "contract")))
    if kind == "relay":
        return eligibility(draw(relay_requests(start=PILOT_START)), params)
    if kind == "fui":
        day = draw(policy_dates(min_value=PILOT_START, max_value=PHASE_2_END))
        return consortium(draw(projects()), day, params)
    return contract_terms(draw(performance_contracts()), params)


@checked
def checks() -> st.SearchStrategy[Check]:
    """
    Generate one check of a decision drawn by :func:`decisions`.

    >>> from hypothesis import Phase, find, settings
    >>> from poles_policy.explain import Status
    >>> quick = settings(phases=[Phase.generate])
    >>> check = find(checks(), lambda c: c.status is Status.UNKNOWN, settings=quick)
    >>> bool(check.clauses), check.status.value
    (True, 'unknown')
    """
    return decisions().flatmap(lambda decision: st.sampled_from(decision.checks))
