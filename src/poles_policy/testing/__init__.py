"""
Hypothesis strategies for poles_policy's own types.

Use them to write property-based tests of code that consumes the library::

    from hypothesis import given
    from poles_policy.testing import relay_requests
    from poles_policy.parameters import default_parameters
    from poles_policy.rules.relay import eligibility


    @given(relay_requests())
    def test_an_eligible_request_never_exceeds_the_subsidy(request):
        decision = eligibility(request, default_parameters())
        ...

There is a strategy for every domain type: the actors, pôles and their
labels, collaborative projects and their aid, relay requests, loans and
cases, calls for projects and innovation platforms, CPER envelopes,
structuring projects and allocations, cooperation structures and a pôle's
synergies, inter-pôle files, performance contracts and coordination
committees; and for the rules' explained answers, decisions and their checks
(drawn from the rules on generated inputs).

Every strategy generates valid objects by construction (no invariant of the
domain model is ever violated) and shrinks toward simple ones: small
amounts, early dates, few items, facts known. Cases are not all eligible,
so that properties see every outcome: a generated relay request is
eligible, ineligible or undetermined about a third of the time each (its
scenario is drawn first, then the request is built to match), and each of
the relay conditions fails in some; a generated project's consortium
qualifies for the FUI about a third of the time; enterprises may be SMEs,
not SMEs or of unknown status; and each part of a generated platform,
inter-pôle file, contract or committee meets its rule most of the time but
not always.
Dates fall often where rules turn (month ends, 29 February, the relay
pilot's first day). Ids are unique wherever the model asks it; give
``ident=`` (or ``pole_id=``, ``partner_id=``...) to fix one.

Arguments are checked when a strategy is built: a float amount, a date
given as a string, an empty id or a single string where a list of ids is
expected raise :class:`~poles_policy.exceptions.InvalidInputError` (or its
subclass :class:`~poles_policy.exceptions.WrongTypeError`) naming the
strategy and the argument.

When Hypothesis is installed together with poles_policy, the strategies are
also registered for ``st.from_type`` through Hypothesis' entry point, once
both are imported, whichever comes first: importing poles_policy alone never
imports Hypothesis, and importing Hypothesis alone never imports poles_policy.

Requires the ``testing`` extra: ``pip install "poles-policy[testing]"``.
"""

from __future__ import annotations

try:
    import hypothesis  # noqa: F401 - imported to give a clear message when it is missing
except ModuleNotFoundError as error:  # pragma: no cover - the test suite installs the extra
    msg = (
        "poles_policy.testing needs Hypothesis (it is not installed): "
        'install the extra with  pip install "poles-policy[testing]"'
    )
    raise ModuleNotFoundError(msg, name=error.name) from error

from poles_policy.testing._actors import (
    accounts,
    banks,
    cooperation_structures,
    enterprises,
    local_authorities,
    oseo_offices,
    related_enterprises,
    research_organisations,
    state_bodies,
)
from poles_policy.testing._committees import committee_members, coordination_committees, meetings
from poles_policy.testing._contracts import (
    indicators,
    measurements,
    objectives,
    operating_budgets,
    performance_contracts,
)
from poles_policy.testing._cper import allocations, cper_envelopes, structuring_projects
from poles_policy.testing._decisions import checks, decisions
from poles_policy.testing._interpole import inter_pole_files
from poles_policy.testing._platforms import (
    calls_for_projects,
    financing_lines,
    innovation_platforms,
    platform_users,
)
from poles_policy.testing._poles import governing_bodies, label_events, poles, state_correspondents
from poles_policy.testing._projects import (
    aid_decisions,
    partner_aids,
    payments,
    pole_labels,
    project_partners,
    projects,
    scheduled_payments,
)
from poles_policy.testing._relay import relay_cases, relay_loans, relay_requests
from poles_policy.testing._synergies import involvements, pole_synergies

# The bounds of the policy period: the defaults that policy_dates() and meetings() show.
from poles_policy.testing._values import PHASE_2_END as PHASE_2_END
from poles_policy.testing._values import PHASE_2_START as PHASE_2_START
from poles_policy.testing._values import eur_amounts, policy_dates, rates, region_codes, regions

__all__ = [
    "accounts",
    "aid_decisions",
    "allocations",
    "banks",
    "calls_for_projects",
    "checks",
    "committee_members",
    "cooperation_structures",
    "coordination_committees",
    "cper_envelopes",
    "decisions",
    "enterprises",
    "eur_amounts",
    "financing_lines",
    "governing_bodies",
    "indicators",
    "innovation_platforms",
    "inter_pole_files",
    "involvements",
    "label_events",
    "local_authorities",
    "measurements",
    "meetings",
    "objectives",
    "operating_budgets",
    "oseo_offices",
    "partner_aids",
    "payments",
    "performance_contracts",
    "platform_users",
    "pole_labels",
    "pole_synergies",
    "poles",
    "policy_dates",
    "project_partners",
    "projects",
    "rates",
    "region_codes",
    "regions",
    "related_enterprises",
    "relay_cases",
    "relay_loans",
    "relay_requests",
    "research_organisations",
    "scheduled_payments",
    "state_bodies",
    "state_correspondents",
    "structuring_projects",
]
