"""
Hypothesis' entry-point hook: registers poles_policy's strategies for ``st.from_type``.

Hypothesis calls :func:`setup` at the end of its own import. The strategies
module imports Hypothesis itself, so it is reached only lazily here (through
callables and ``st.deferred``), which keeps the import free of cycles
whichever of the two modules is imported first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from types import ModuleType


def _kit() -> ModuleType:
    from poles_policy import testing

    return testing


def setup() -> None:
    """Register a strategy for each of poles_policy's types."""
    from hypothesis import strategies as st

    from poles_policy.money import Eur

    st.register_type_strategy(Eur, st.deferred(lambda: _kit().eur_amounts()))
