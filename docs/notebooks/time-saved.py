# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # How many months does the relay really save?
#
# The policy promises that relay financing lets an enterprise "gagner 6 à 9 mois" (RELAY.6): the
# bank's loan arrives months before the State subsidy it stands in for. When the dates are not yet
# known, {py:func}`~poles_policy.rules.relay.timing.time_saved` estimates them from parameters and
# gives the time saved as a range, *low* to *high*. This notebook draws the uncertain dates within
# those ranges many times
# ({py:func}`~poles_policy.scenarios.savings.simulate_savings`) to see how
# often the saving falls inside the promise, then screens a large portfolio under several
# generalisation dates (RELAY.7).
#
# **The data are synthetic**: the packaged demo portfolio of {py:mod}`poles_policy.data.demo`,
# then a portfolio made by
# {py:func}`~poles_policy.scenarios.synthetic.synthetic_relay_cases`. Nothing
# below measures the real pilot; every figure is computed by the cells.

# %%
from datetime import date

import pandas as pd

from poles_policy.data.demo import demo_cases
from poles_policy.parameters import default_parameters
from poles_policy.scenarios import (
    RelayPortfolio,
    generalisation_sweep,
    simulate_savings,
    synthetic_relay_cases,
)

pilot = default_parameters()
portfolio = RelayPortfolio.from_cases(demo_cases())
len(portfolio)

# %% [markdown]
# ## Drawing the uncertain dates
#
# Two modelling choices drive the draws, both **assumptions** rather than sourced facts: an
# estimated subsidy payment falls on any day of its window with equal chance (the first payment is
# the earliest of those drawn and those known or planned), and where the
# case does not say whether the bank asks OSEO for a counter-guarantee (RELAY.5), it does with
# probability `oseo_asked` (one half by default). Known and planned dates are not drawn. The seed
# makes the draws repeatable.

# %%
simulation = simulate_savings(portfolio, pilot, draws=2000, seed=2009)
per_case = simulation.per_case()
per_case.head(8)

# %% [markdown]
# Each eligible case's drawn savings lie between the scalar rule's low and high figures. A case
# whose whole range is inside the promise is inside in every draw (`p_inside` = 1); one whose
# range straddles 6 months is inside in some draws only.

# %%
straddling = per_case[(per_case["p_inside"] > 0) & (per_case["p_inside"] < 1)]
print(f"{len(straddling)} of {len(per_case)} eligible cases are inside the promise in some draws")
straddling[["low_days", "median_days", "high_days", "p_inside"]].round(3)

# %% [markdown]
# ## What the balance sheet would read
#
# Each draw gives the figures a balance sheet of the pilot would show: the median time saved
# over the eligible cases and the share inside the promise. Their spread over the draws is the
# uncertainty the estimated dates leave.

# %%
per_draw = simulation.per_draw()
per_draw[["median_months", "share_inside"]].describe(percentiles=[0.05, 0.5, 0.95]).round(3)

# %% [markdown]
# ## Does the OSEO counter-guarantee matter?
#
# The counter-guarantee adds processing days before the disbursement. The same draws of the
# subsidy dates, with banks that never, half the time, or always ask OSEO where the case is
# silent:

# %%
pd.DataFrame(
    {
        chance: simulate_savings(portfolio, pilot, draws=2000, seed=2009, oseo_asked=chance)
        .per_draw()[["median_months", "share_inside"]]
        .mean()
        for chance in (0.0, 0.5, 1.0)
    }
).T.rename_axis("oseo_asked").round(3)

# %% [markdown]
# ## At scale: from which date would the scheme go national?
#
# A synthetic national portfolio of 2 000 requests from every region, screened with the scheme
# made national from each date of a list. Requests before the chosen date are decided under the
# pilot alone, so an earlier generalisation admits more of them (RELAY.1, RELAY.7). Only
# eligibility is computed here: the whole portfolio is decided with array operations, giving
# each case what the scalar rule gives it.

# %%
national = synthetic_relay_cases(2000, seed=7, start=date(2008, 4, 1), end=date(2012, 12, 31))
sweep = generalisation_sweep(
    RelayPortfolio.from_cases(national),
    pilot,
    [date(year, month, 1) for year in (2009, 2010, 2011, 2012) for month in (1, 7)],
)
sweep.round(3)
