"""
Relay financing (financement relais, RELAY.1-RELAY.7).

Eligibility, the OSEO counter-guarantee, the time saved, the cost, and one
assessment that combines them.
"""

from poles_policy.rules.relay.eligibility import eligibility, prefinanceable

__all__ = ["eligibility", "prefinanceable"]
