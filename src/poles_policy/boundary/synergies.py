"""
JSON models of a pôle's research members and their cooperation structures (SYN.1, SYN.3).

:class:`PoleSynergiesModel` mirrors
:class:`~poles_policy.model.synergies.PoleSynergies`: the members are
research organisations and the structures cooperation structures, written as
in an actor document (their ``kind`` tag may be omitted, since nothing else
can stand there); each involvement records a structure's part in the pôle's
strategy and in its actions.

An invariant the domain refuses surfaces from ``to_domain()`` as an
:class:`~poles_policy.exceptions.InvalidInputError`: inside a member or a
structure, prefixed with its JSON path (``members.1: ResearchOrganisation.name:
must not be empty``); across the document, naming the field
(``PoleSynergies.involvements: structure 'x' is not among the structures of
pôle 'p'``).
"""

from __future__ import annotations

from pydantic import Field

from poles_policy.boundary._base import Flag, Model, build_each
from poles_policy.boundary.actors import CooperationStructureModel, ResearchOrganisationModel
from poles_policy.model.synergies import Involvement, PoleSynergies

__all__ = ["InvolvementModel", "PoleSynergiesModel"]


class InvolvementModel(Model):
    """
    What is recorded of one cooperation structure's part in the pôle (SYN.3).

    Both flags false means *recorded as not involved*, which is not the same
    as no involvement recorded for the structure at all.
    """

    structure_id: str = Field(
        description=(
            "Id of the cooperation structure concerned, one of the document's structures; at "
            "most one involvement per structure; non-empty."
        )
    )
    in_strategy: Flag = Field(
        description=(
            "True when the structure takes part in defining the pôle's strategies (définition "
            "des stratégies), false when it does not."
        )
    )
    in_actions: Flag = Field(
        description=(
            "True when the structure takes part in implementing the pôle's actions (mise en "
            "œuvre des actions), false when it does not."
        )
    )
    note: str | None = Field(
        default=None,
        description=(
            "Where the involvement is documented (minutes, the performance contract, a "
            "convention...); absent or null when not said."
        ),
    )

    def to_domain(self) -> Involvement:
        """Build the domain object."""
        return Involvement(
            structure_id=self.structure_id,
            in_strategy=self.in_strategy,
            in_actions=self.in_actions,
            note=self.note,
        )

    @classmethod
    def from_domain(cls, obj: Involvement) -> InvolvementModel:
        """Describe *obj* for JSON."""
        return cls(
            structure_id=obj.structure_id,
            in_strategy=obj.in_strategy,
            in_actions=obj.in_actions,
            note=obj.note,
        )


class PoleSynergiesModel(Model):
    """
    A pôle's research and training members, their cooperation structures and their involvement.

    SYN.3 asks the public members to involve the cooperation structures they
    set up (PRES, RTRA, C/RTRS, Instituts Carnot, shared technology-transfer
    structures, incubators) in the pôle's strategy and actions.
    """

    pole_id: str = Field(description="Id of the pôle; non-empty.")
    members: tuple[ResearchOrganisationModel, ...] = Field(
        default=(),
        description=(
            "The research and training bodies that are members of the pôle (acteurs), public or "
            "private, none twice ('kind' may be omitted); empty (the default) when none is "
            "recorded."
        ),
    )
    structures: tuple[CooperationStructureModel, ...] = Field(
        default=(),
        description=(
            "The cooperation structures known, none twice, each with the ids of the "
            "establishments that founded it ('kind' may be omitted); a public member's "
            "structures are those it founded. Empty (the default) when none is recorded."
        ),
    )
    involvements: tuple[InvolvementModel, ...] = Field(
        default=(),
        description=(
            "What is recorded of the structures' part in the pôle's strategy and actions, at "
            "most one per structure, each naming one of the structures; a structure without one "
            "has no involvement recorded. Empty (the default) when nothing is recorded."
        ),
    )

    def to_domain(self) -> PoleSynergies:
        """Build the domain object."""
        return PoleSynergies(
            pole_id=self.pole_id,
            members=build_each("members", self.members, ResearchOrganisationModel.to_domain),
            structures=build_each(
                "structures", self.structures, CooperationStructureModel.to_domain
            ),
            involvements=build_each("involvements", self.involvements, InvolvementModel.to_domain),
        )

    @classmethod
    def from_domain(cls, obj: PoleSynergies) -> PoleSynergiesModel:
        """Describe *obj* for JSON."""
        return cls(
            pole_id=obj.pole_id,
            members=tuple(ResearchOrganisationModel.from_domain(m) for m in obj.members),
            structures=tuple(CooperationStructureModel.from_domain(s) for s in obj.structures),
            involvements=tuple(InvolvementModel.from_domain(i) for i in obj.involvements),
        )
