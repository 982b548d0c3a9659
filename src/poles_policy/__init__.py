"""
poles_policy: the French competitiveness-cluster policy (Phase 2, 2009-2012) as code.

The everyday API is re-exported here; the namespaces ``model``, ``rules``,
``parameters``, ``boundary``, ``scenarios`` and ``testing`` hold the rest.
Importing this package loads neither pydantic, numpy, pandas nor Hypothesis.
"""

from __future__ import annotations

import sys as _sys

from poles_policy.exceptions import (
    DocumentError,
    InvalidInputError,
    ParameterError,
    PolesPolicyError,
    UnknownClauseError,
    UnknownParameterError,
    WrongTypeError,
)
from poles_policy.explain import CLAUSES, Check, Decision, Fact, Outcome, ParameterUse, Status
from poles_policy.money import Eur, Rate, eur, round_cents
from poles_policy.parameters import ParameterSet, default_parameters

__all__ = [
    "CLAUSES",
    "Check",
    "Decision",
    "DocumentError",
    "Eur",
    "Fact",
    "InvalidInputError",
    "Outcome",
    "ParameterError",
    "ParameterSet",
    "ParameterUse",
    "PolesPolicyError",
    "Rate",
    "Status",
    "UnknownClauseError",
    "UnknownParameterError",
    "WrongTypeError",
    "default_parameters",
    "eur",
    "round_cents",
]


def __getattr__(name: str) -> str:
    if name == "__version__":
        from importlib.metadata import version

        return version("poles-policy")
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)


if _sys.modules.get("hypothesis") is not None:
    # Hypothesis was imported first: its entry point left the registration of the strategies for
    # st.from_type to this import (see poles_policy._hypothesis).
    from poles_policy._hypothesis import setup as _register

    _register()
