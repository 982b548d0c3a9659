"""
A pôle's research members and their cooperation structures (SYN.1, SYN.3).

SYN.3 asks the public higher-education and research establishments that are
members (*acteurs*) of a pôle to involve the cooperation and coordination
structures they have set up (PRES, RTRA, C/RTRS, Instituts Carnot, shared
technology-transfer structures, incubators...) "dans la définition des
stratégies et dans la mise en œuvre des actions de ce pôle": in the
definition of the pôle's strategies *and* in the implementation of its
actions. The two are recorded apart, since the text names both.

:class:`PoleSynergies` gathers, for one pôle, its research and training
members, the cooperation structures known (each with the establishments that
founded it) and what is recorded of each structure's involvement. Which
structures a member must involve, and which of them fall short, is for the
rules (:mod:`poles_policy.rules.synergies`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from poles_policy.exceptions import InvalidInputError
from poles_policy.model._validators import (
    an_id,
    boolean,
    items,
    optional_is_a,
    to_bool,
    unique,
)
from poles_policy.model.actors import CooperationStructure, ResearchOrganisation

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["Involvement", "PoleSynergies"]


def _not_blank(instance: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not value.strip():
        msg = (
            f"{type(instance).__name__}.{attribute.name}: {value!r} is blank; leave the note out "
            "(None) when there is none"
        )
        raise InvalidInputError(msg)


@attrs.frozen(kw_only=True)
class Involvement:
    """
    What is recorded of one cooperation structure's part in a pôle (SYN.3).

    A structure recorded with both flags false is *recorded as not
    involved*, which is not the same as a structure with no involvement
    recorded at all (the rules say which).

    Attributes:
        structure_id: The cooperation structure concerned.
        in_strategy: Whether it takes part in defining the pôle's strategies
            (*définition des stratégies*).
        in_actions: Whether it takes part in implementing the pôle's actions
            (*mise en œuvre des actions*).
        note: Where the involvement is documented (minutes, the performance
            contract, a convention...), or ``None`` if not said.
    """

    structure_id: str = attrs.field(validator=an_id)
    in_strategy: bool = attrs.field(converter=to_bool, validator=boolean)
    in_actions: bool = attrs.field(converter=to_bool, validator=boolean)
    # Free text (a note may span lines): its type is checked, and a blank note is refused.
    note: str | None = attrs.field(default=None, validator=[optional_is_a(str), _not_blank])


def _members(values: Iterable[ResearchOrganisation]) -> tuple[ResearchOrganisation, ...]:
    return items(values, ResearchOrganisation, "PoleSynergies.members")


def _distinct_members(
    instance: object, _: attrs.Attribute[Any], value: tuple[ResearchOrganisation, ...]
) -> None:
    unique("member", f"{type(instance).__name__}.members", (m.id for m in value))


def _structures(values: Iterable[CooperationStructure]) -> tuple[CooperationStructure, ...]:
    return items(values, CooperationStructure, "PoleSynergies.structures")


def _distinct_structures(
    instance: object, _: attrs.Attribute[Any], value: tuple[CooperationStructure, ...]
) -> None:
    owner = f"{type(instance).__name__}.structures"
    unique("structure", owner, (s.id for s in value))


def _involvements(values: Iterable[Involvement]) -> tuple[Involvement, ...]:
    return items(values, Involvement, "PoleSynergies.involvements")


def _involvement_invariants(
    instance: PoleSynergies, _: attrs.Attribute[Any], value: tuple[Involvement, ...]
) -> None:
    # One record per structure: two records could disagree, and neither could be preferred.
    unique(
        "involvement of structure",
        "PoleSynergies.involvements",
        (i.structure_id for i in value),
    )
    known = {s.id for s in instance.structures}
    for position, involvement in enumerate(value):
        if involvement.structure_id not in known:
            msg = (
                f"PoleSynergies.involvements[{position}].structure_id: structure "
                f"{involvement.structure_id!r} is not among the structures of pôle "
                f"{instance.pole_id!r}"
            )
            raise InvalidInputError(msg)


@attrs.frozen(kw_only=True)
class PoleSynergies:
    """
    A pôle's research and training members and their cooperation structures (SYN.3).

    Invariants: no member twice, no structure twice, no founder twice in a
    structure, at most one involvement per structure, and every involvement
    names a known structure. A structure's founders need not be members (a
    PRES founded with a university outside the pôle), and a member may have
    founded nothing. A founder id is never empty or blank
    (:class:`~poles_policy.model.actors.CooperationStructure` refuses it).

    Attributes:
        pole_id: The pôle.
        members: The research and training bodies that are members of the
            pôle, public or private.
        structures: The cooperation structures known, each with the ids of
            the establishments that founded it.
        involvements: What is recorded of each structure's part in the
            pôle's strategy and actions; a structure may have none.

    >>> from poles_policy.model.actors import (
    ...     CooperationKind,
    ...     CooperationStructure,
    ...     ResearchKind,
    ...     ResearchOrganisation,
    ... )
    >>> synergies = PoleSynergies(
    ...     pole_id="minalogic",
    ...     members=(
    ...         ResearchOrganisation(
    ...             id="univ-a", name="University A", kind=ResearchKind.HIGHER_EDUCATION
    ...         ),
    ...     ),
    ...     structures=(
    ...         CooperationStructure(
    ...             id="pres-a", name="PRES A", kind=CooperationKind.PRES, founders=("univ-a",)
    ...         ),
    ...     ),
    ...     involvements=(Involvement(structure_id="pres-a", in_strategy=True, in_actions=False),),
    ... )
    >>> synergies.involvement("pres-a").in_actions, synergies.involvement("other")
    (False, None)
    """

    pole_id: str = attrs.field(validator=an_id)
    members: tuple[ResearchOrganisation, ...] = attrs.field(
        default=(),
        converter=_members,
        validator=_distinct_members,
    )
    structures: tuple[CooperationStructure, ...] = attrs.field(
        default=(),
        converter=_structures,
        validator=_distinct_structures,
    )
    involvements: tuple[Involvement, ...] = attrs.field(
        default=(),
        converter=_involvements,
        validator=_involvement_invariants,
    )

    def involvement(self, structure_id: str) -> Involvement | None:
        """Return the involvement recorded for *structure_id*, or ``None`` if none is."""
        return next((i for i in self.involvements if i.structure_id == structure_id), None)

    def founded_by(self, member_id: str) -> tuple[CooperationStructure, ...]:
        """Return the structures whose founders include *member_id*, in the structures' order."""
        return tuple(s for s in self.structures if member_id in s.founders)
