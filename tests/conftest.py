"""
Shared test configuration: Hypothesis profiles.

``ci`` is deterministic (derandomised, no example database, no deadline) and
is selected whenever the ``CI`` environment variable is set or
``HYPOTHESIS_PROFILE=ci``; ``dev`` keeps Hypothesis' defaults for local runs.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))
