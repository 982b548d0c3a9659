"""
Hypothesis' entry point for poles_policy, kept outside the package so that it costs nothing.

Hypothesis calls :func:`setup` at the end of its own import, in every
environment where poles_policy is installed, whether or not the program uses
poles_policy. Importing ``poles_policy`` and its domain model to register
the strategies would make every ``import hypothesis`` slower, so they are
registered only once poles_policy is imported: here when it already is, else
by ``poles_policy`` itself when it is imported after Hypothesis.
"""

from __future__ import annotations

import sys


def setup() -> None:
    """Register poles_policy's strategies for ``st.from_type`` if poles_policy is imported."""
    if sys.modules.get("poles_policy") is not None:
        from poles_policy._hypothesis import setup as register

        register()
