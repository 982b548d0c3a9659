"""A pôle's research members, cooperation structures and their involvement (SYN.3)."""

from __future__ import annotations

from hypothesis import strategies as st

from poles_policy.model.synergies import Involvement, PoleSynergies
from poles_policy.testing._actors import cooperation_structures, research_organisations
from poles_policy.testing._arguments import checked
from poles_policy.testing._values import _POLE_IDS


@checked
@st.composite
def involvements(draw: st.DrawFn, *, structure_id: str | None = None) -> Involvement:
    """
    Generate what is recorded of a structure's part in a pôle's strategy and actions.

    Half the records are of a structure taking part in both, as SYN.3 asks;
    the others are any of the four readings (both, strategy only, actions
    only, neither). *structure_id* fixes the structure (by default
    ``structure-0`` to ``structure-99``). Shrinks toward a structure
    involved in both, without a note.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate])  # the first example found, not shrunk
    >>> strategy = involvements(structure_id="pres-lyon")
    >>> find(strategy, lambda involvement: True, settings=quick).structure_id
    'pres-lyon'
    """
    notes = ["minutes of the general assembly", "performance contract", "convention"]
    n = draw(st.integers(min_value=0, max_value=99))
    both = not draw(st.booleans())
    return Involvement(
        structure_id=structure_id if structure_id is not None else f"structure-{n}",
        in_strategy=both or draw(st.booleans()),
        in_actions=both or draw(st.booleans()),
        note=draw(st.none() | st.sampled_from(notes)),
    )


@checked
@st.composite
def pole_synergies(draw: st.DrawFn, *, pole_id: str | None = None) -> PoleSynergies:
    """
    Generate a pôle's research members, cooperation structures and their involvements.

    Up to five members (``member-0``...), public or private; up to six
    structures (``structure-0``...), each founded by up to three members or
    by an establishment outside the pôle (``outside``); and, for two
    structures in three, an involvement (see :func:`involvements`), in a
    drawn order. Every outcome of SYN.3 is drawn: members that founded
    nothing, structures founded by several public members (counted once in
    a report), structures involved in both, one or neither, and structures
    with nothing recorded. A structure names each founder once.

    Args:
        pole_id: The pôle; by default ``pole-0`` to ``pole-3``.

    Shrinks toward a pôle without members or structures.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate])  # the first example found, not shrunk
    >>> find(pole_synergies(pole_id="minalogic"), lambda s: True, settings=quick).pole_id
    'minalogic'
    """
    members = [
        draw(research_organisations(ident=f"member-{i}", public=None))
        for i in range(draw(st.integers(min_value=0, max_value=5)))
    ]
    founders = [m.id for m in members] + ["outside"]
    structures = [
        draw(cooperation_structures(ident=f"structure-{i}", founders=founders))
        for i in range(draw(st.integers(min_value=0, max_value=6)))
    ]
    # Two structures in three have their involvement recorded, in a drawn order.
    kept = [s.id for s in structures if draw(st.integers(min_value=0, max_value=2)) < 2]
    recorded = draw(st.permutations(kept))
    return PoleSynergies(
        pole_id=pole_id if pole_id is not None else draw(st.sampled_from(_POLE_IDS)),
        members=members,
        structures=structures,
        involvements=[draw(involvements(structure_id=s)) for s in recorded],
    )
