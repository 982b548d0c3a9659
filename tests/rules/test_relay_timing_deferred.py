"""
Time saved and cost figures are computed at once; their explanations when first read.

The statuses read before the checks are built must be the ones the checks
then give, and a result with a deferred explanation must equal, hash and
print as the same result built with its checks given.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from poles_policy.exceptions import InvalidInputError, ParameterError
from poles_policy.explain import missing_facts
from poles_policy.parameters import ParameterSet, default_parameters
from poles_policy.rules.relay import relay_cost, time_saved
from poles_policy.testing import relay_cases

if TYPE_CHECKING:
    from collections.abc import Callable

    from poles_policy.model.relay import RelayRequest

PARAMS = default_parameters()
# A reform from mid-2010: both values of a parameter occur among the generated cases.
REFORM = PARAMS.override("relay.promised_gain_months.low", 5, valid_from=date(2010, 7, 1))
PARAMETER_SETS = st.sampled_from([PARAMS, REFORM])


def computed(case: Any, params: ParameterSet) -> tuple[Any, Any] | None:
    """
    The time saved and the cost of *case*, or None before the pilot (no relay terms).

    A request before the pilot with a loan still has a time saved, compared
    with no promise (the check is not applicable), but a cost only if the
    bank does not ask OSEO.
    """
    try:
        saved = time_saved(case.request, params, loan=case.loan)
        return saved, relay_cost(case.request, params, loan=case.loan, timing=saved)
    except ParameterError:
        return None


def given_fields(result: Any) -> dict[str, Any]:
    """Every field of *result* as a constructor takes it, its checks given (built if deferred)."""
    return {
        a.alias: getattr(result, a.alias)
        for a in attrs.fields(type(result))
        if a.alias != "deferred"
    }


def with_checks(result: Any) -> Any:
    """The same result, built with its checks given instead of deferred."""
    return type(result)(**given_fields(result))


def assert_same_as_explicit(result: Any) -> None:
    explicit = with_checks(result)
    assert explicit == result
    assert hash(explicit) == hash(result)
    assert repr(explicit) == repr(result)


@given(relay_cases(), PARAMETER_SETS)
def test_the_statuses_read_first_are_those_the_checks_give(case: Any, params: ParameterSet) -> None:
    both = computed(case, params)
    if both is None:
        return
    saved, cost = both
    # Read before anything builds the checks.
    saved_status, cost_status = saved.status, cost.status
    saved_missing, cost_missing = saved.missing, cost.missing
    assert saved.check("relay.timing.saved").status is saved_status
    assert missing_facts(saved.checks) == saved_missing
    assert missing_facts(cost.checks) == cost_missing
    assert cost.check("relay.cost.interest").status is cost_status
    assert saved.bridging.status is saved.bridging.checks[-1].status


@given(relay_cases(), PARAMETER_SETS)
def test_a_deferred_explanation_equals_the_same_result_with_its_checks_given(
    case: Any, params: ParameterSet
) -> None:
    both = computed(case, params)
    if both is None:
        return
    saved, cost = both
    assert_same_as_explicit(cost)  # builds the cost's checks, and the time saved's
    assert_same_as_explicit(saved)
    assert_same_as_explicit(saved.bridging)
    assert_same_as_explicit(saved.bridging.disbursement)
    assert saved.checks is saved.checks  # built once


@given(relay_cases())
def test_the_explanations_are_built_only_when_read(case: Any) -> None:
    both = computed(case, PARAMS)
    if both is None:
        return
    saved, cost = both
    unbuilt: list[Any] = [saved, saved.bridging, saved.bridging.disbursement, cost, cost.guarantee]
    assert all(r._deferred is not None for r in unbuilt)
    saved.explain("fr")
    assert [type(r).__name__ for r in unbuilt if r._deferred is not None] == [
        "RelayCost",
        "Guarantee",
    ]
    cost.explain("fr")
    cost.guarantee.check  # noqa: B018 - reading it is the point
    assert [type(r).__name__ for r in unbuilt if r._deferred is not None] == []


def test_a_result_takes_its_checks_or_a_function_that_builds_them_not_both(
    make_request: Callable[..., RelayRequest], params: ParameterSet
) -> None:
    request = make_request(oseo=None)
    saved = time_saved(request, params)
    cost = relay_cost(request, params, timing=saved)
    results = [
        (saved.bridging.disbursement, "check"),
        (saved.bridging, "checks"),
        (saved, "checks"),
    ]
    for result, explanation in [*results, (cost, "checks")]:
        cls: Any = type(result)
        fields = given_fields(result)
        with pytest.raises(InvalidInputError, match="either"):
            cls(**{**fields, explanation: None})
        with pytest.raises(InvalidInputError, match="either"):
            cls(**fields, deferred=lambda: fields[explanation])  # noqa: B023
        assert cls(**fields) == result
