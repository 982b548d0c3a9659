"""
Scenarios over portfolios of relay cases: vectorised screening and reform comparisons.

An analyst's questions are about many cases under several parameter sets:
"what if the Rhône-Alpes relay pilot had gone national in 2010?", "from
which date would half the requests have been granted?". This package turns
a portfolio into arrays once (:class:`RelayPortfolio`), then decides every
case under any parameter set with array operations
(:func:`~poles_policy.scenarios.screening.screen`), returning exactly the
statuses and outcomes the scalar rule
(:func:`poles_policy.rules.relay.eligibility`) returns, case by case. Any
row is explained through the scalar path
(:func:`~poles_policy.scenarios.screening.explain_case`).

It needs the optional ``scenarios`` extra (numpy and pandas)::

    pip install "poles-policy[scenarios]"
"""

from __future__ import annotations

try:
    import numpy as np  # noqa: F401 - imported to give a clear message when it is missing
    import pandas as pd  # noqa: F401
except ModuleNotFoundError as error:  # pragma: no cover - the test suite installs the extra
    msg = (
        f"poles_policy.scenarios needs numpy and pandas ({error.name} is not installed): "
        'install the extra with  pip install "poles-policy[scenarios]"'
    )
    raise ModuleNotFoundError(msg, name=error.name) from error

from poles_policy.scenarios._arrays import from_cents
from poles_policy.scenarios.contracts import contract_table
from poles_policy.scenarios.guarantee import counter_guarantees, portfolio_totals
from poles_policy.scenarios.portfolio import RelayPortfolio
from poles_policy.scenarios.reforms import generalisation_sweep, region_comparison, screen_all
from poles_policy.scenarios.savings import SavingsSimulation, simulate_savings
from poles_policy.scenarios.screening import CONDITIONS, explain_case, outcome_counts, screen
from poles_policy.scenarios.synthetic import synthetic_relay_cases

__all__ = [
    "CONDITIONS",
    "RelayPortfolio",
    "SavingsSimulation",
    "contract_table",
    "counter_guarantees",
    "explain_case",
    "from_cents",
    "generalisation_sweep",
    "outcome_counts",
    "portfolio_totals",
    "region_comparison",
    "screen",
    "screen_all",
    "simulate_savings",
    "synthetic_relay_cases",
]
