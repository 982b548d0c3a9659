"""
Relay financing (financement relais, RELAY.1-RELAY.7).

Eligibility, the OSEO counter-guarantee, the time saved, the cost, and one
assessment that combines them.
"""

from poles_policy.rules.relay.assessment import Assessment, assess, assess_case
from poles_policy.rules.relay.cost import CostPeriod, CostScenario, RelayCost, relay_cost
from poles_policy.rules.relay.eligibility import eligibility, prefinanceable
from poles_policy.rules.relay.guarantee import Guarantee, counter_guarantee
from poles_policy.rules.relay.timing import (
    Bridging,
    Disbursement,
    Repayment,
    Scenario,
    TimeSaved,
    Tranche,
    bridged_tranches,
    time_saved,
)

__all__ = [
    "Assessment",
    "Bridging",
    "CostPeriod",
    "CostScenario",
    "Disbursement",
    "Guarantee",
    "RelayCost",
    "Repayment",
    "Scenario",
    "TimeSaved",
    "Tranche",
    "assess",
    "assess_case",
    "bridged_tranches",
    "counter_guarantee",
    "eligibility",
    "prefinanceable",
    "relay_cost",
    "time_saved",
]
