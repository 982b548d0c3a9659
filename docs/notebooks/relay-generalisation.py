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
# # What if the Rhône-Alpes relay pilot went national?
#
# The *financement relais* (relay financing) lets a bank pre-finance the State subsidy an
# enterprise is still to receive for a pôle-labelled project. It started as a pilot in Rhône-Alpes
# (RELAY.1); the policy text says the pilot would be assessed and could be generalised nationally
# if the conclusions were satisfactory (RELAY.7). This notebook asks what a national
# generalisation changes for one portfolio of requests: which decisions change, in which regions,
# and how the two balance sheets compare.
#
# **The data are synthetic.** The portfolio is the packaged demo of
# {py:mod}`poles_policy.data.demo`: invented enterprises, projects, amounts and dates, built to
# exercise every outcome of the rules. Only the pôle names and the policy dates are real. Nothing
# below describes a real firm or measures the real pilot; every figure is computed by the cells.

# %%
from decimal import Decimal

import pandas as pd

from poles_policy.data.demo import DEMO_NATIONAL_FROM, demo_cases
from poles_policy.explain import Outcome
from poles_policy.model.actors import actor_region
from poles_policy.model.regions import region
from poles_policy.parameters import default_parameters
from poles_policy.rules.relay import assess_case
from poles_policy.rules.relay.evaluation import PilotCriteria, compare, evaluate_portfolio

# %% [markdown]
# ## Two parameter sets
#
# The baseline is the default parameters: the scheme is in force in the pilot regions only
# (`relay.pilot_regions`), and `relay.national_from` has no value. The reform is the same set with
# one override: `relay.national_from`, the date from which the scheme is in force in every region
# (RELAY.1, RELAY.7). That date is the demo's what-if, not a date from the policy text.

# %%
baseline = default_parameters()
reform = baseline.override(
    "relay.national_from", DEMO_NATIONAL_FROM, note="what-if: national generalisation"
)
scenarios = {"pilot": baseline, "national": reform}
cases = demo_cases()
print(f"{len(cases)} synthetic cases")
print(f"pilot:    {baseline.label}")
print(f"national: {reform.label}")

# %% [markdown]
# ## One row per case and scenario
#
# Each case is assessed under each parameter set with
# {py:func}`~poles_policy.rules.relay.assessment.assess_case` (RELAY.1–RELAY.6), which reads the
# parameters at the request date. A row keeps the case id, the applicant's region code (INSEE
# codes of the regions before 2016; `?` when the application left it blank), the outcome and the
# keys of the conditions that failed.

# %%
assessments = {
    name: [assess_case(case, params) for case in cases] for name, params in scenarios.items()
}
rows = pd.DataFrame(
    [
        {
            "scenario": name,
            "case_id": a.request.id,
            "region": actor_region(a.request.applicant) or "?",
            "outcome": a.outcome.value,
            "failed": ", ".join(check.key for check in a.decision.failed),
        }
        for name, items in assessments.items()
        for a in items
    ]
)
rows.head()

# %% [markdown]
# ## Outcomes by scenario
#
# The number of cases per outcome under each parameter set. The total per column is the same: the
# reform changes the rules, not the requests.

# %%
pd.crosstab(rows["outcome"], rows["scenario"], margins=True, margins_name="total")[
    [*scenarios, "total"]
]

# %% [markdown]
# ## Which cases change, and where
#
# Setting the two scenarios side by side, case by case, and keeping the cases whose outcome
# differs shows what the reform changes, with the conditions each case failed under the pilot.
# The cases the pilot refuses and the national scheme finds eligible are then counted by region:
# their only failed condition under the pilot is `relay.in_force`, the scheme being in force in
# the applicant's region (RELAY.1, RELAY.7).

# %%
by_case = rows[rows["scenario"] == "pilot"].merge(
    rows[rows["scenario"] == "national"], on=["case_id", "region"], suffixes=("_pilot", "_national")
)
changed = by_case.loc[
    by_case["outcome_pilot"] != by_case["outcome_national"],
    ["case_id", "region", "outcome_pilot", "failed_pilot", "outcome_national"],
]
changed

# %%
refused_then_eligible = changed[
    (changed["outcome_pilot"] == Outcome.INELIGIBLE.value)
    & (changed["outcome_national"] == Outcome.ELIGIBLE.value)
]
by_region = refused_then_eligible.groupby("region").size().rename("refused → eligible").to_frame()
by_region.insert(0, "name", [region(code, DEMO_NATIONAL_FROM).name for code in by_region.index])
by_region

# %% [markdown]
# ## One case, explained
#
# The first of those cases, under each parameter set. Every check names its clause; the reform's
# account goes on with the OSEO counter-guarantee (RELAY.5), the time saved (RELAY.6) and the cost
# of the relay, which an eligible case gets.

# %%
case_id = refused_then_eligible["case_id"].iloc[0]
for name in scenarios:
    assessment = next(a for a in assessments[name] if a.request.id == case_id)
    print(f"=== {name} ===")
    print(assessment.explain())
    print()

# %% [markdown]
# ## The two balance sheets (RELAY.7)
#
# {py:func}`~poles_policy.rules.relay.evaluation.evaluate_portfolio` draws the balance sheet of
# each scenario and {py:func}`~poles_policy.rules.relay.evaluation.compare` sets them side by side,
# region by region. The policy text states no criteria for a satisfactory pilot, so the ones below
# are illustrative, the same as `poles-policy demo` uses.

# %%
criteria = PilotCriteria(
    min_grant_rate=Decimal("0.50"),
    min_share_inside_promise=Decimal("0.50"),
    min_median_months_saved=Decimal(6),
)
pilot, national = (
    evaluate_portfolio(assessments[name], label=params.label, criteria=criteria)
    for name, params in scenarios.items()
)
print(compare(pilot, national).report())

# %% [markdown]
# ## Reading the result
#
# The region table counts, per region, the requests and the eligible cases under each scenario;
# `new` is the difference. The other conditions (RELAY.2–RELAY.4) do not depend on the region, so
# the refusals they cause stay refusals under the national scheme. Whether the generalisation
# would be worth it depends on criteria the text leaves open, and on real cases rather than this
# synthetic portfolio.
