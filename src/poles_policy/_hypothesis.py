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
    """Register a strategy for each of poles_policy's generated types."""
    from hypothesis import strategies as st

    from poles_policy.model.actors import Enterprise, ResearchOrganisation
    from poles_policy.model.cases import RelayCase
    from poles_policy.model.poles import Pole
    from poles_policy.model.projects import CollaborativeProject
    from poles_policy.model.relay import RelayRequest
    from poles_policy.money import Eur

    st.register_type_strategy(Eur, st.deferred(lambda: _kit().eur_amounts()))
    st.register_type_strategy(Enterprise, st.deferred(lambda: _kit().enterprises()))
    st.register_type_strategy(
        ResearchOrganisation, st.deferred(lambda: _kit().research_organisations())
    )
    st.register_type_strategy(Pole, st.deferred(lambda: _kit().poles()))
    st.register_type_strategy(CollaborativeProject, st.deferred(lambda: _kit().projects()))
    st.register_type_strategy(RelayRequest, st.deferred(lambda: _kit().relay_requests()))
    st.register_type_strategy(RelayCase, st.deferred(lambda: _kit().relay_cases()))
