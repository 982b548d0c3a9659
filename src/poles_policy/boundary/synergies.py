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

:class:`CooperationReportModel` describes the answer,
:meth:`CooperationReport.to_dict() <poles_policy.rules.synergies.CooperationReport.to_dict>`;
its JSON Schema is exported as ``cooperation-report``. Its totals count
structures, each once: a structure founded by two public members is one
gap, not two.
"""

from __future__ import annotations

from pydantic import Field

from poles_policy.boundary._base import Flag, Model, build_each, from_domain_of
from poles_policy.boundary.actors import CooperationStructureModel, ResearchOrganisationModel
from poles_policy.boundary.decision import CheckModel, FactModel
from poles_policy.model.synergies import Involvement, PoleSynergies
from poles_policy.rules.synergies import Participation

__all__ = [
    "CooperationReportModel",
    "EstablishmentInvolvementModel",
    "InvolvementModel",
    "PoleSynergiesModel",
    "StructureInvolvementModel",
    "StructureParticipationModel",
]


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
            "convention...), non-empty (free text, which may span lines); absent or null when not "
            "said."
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
    @from_domain_of(Involvement)
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
            "establishments that founded it, none twice ('kind' may be omitted); a public "
            "member's structures are those it founded. Empty (the default) when none is "
            "recorded."
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
    @from_domain_of(PoleSynergies)
    def from_domain(cls, obj: PoleSynergies) -> PoleSynergiesModel:
        """Describe *obj* for JSON."""
        return cls(
            pole_id=obj.pole_id,
            members=tuple(ResearchOrganisationModel.from_domain(m) for m in obj.members),
            structures=tuple(CooperationStructureModel.from_domain(s) for s in obj.structures),
            involvements=tuple(InvolvementModel.from_domain(i) for i in obj.involvements),
        )


# --- the answer: cooperation_involvement's report ---------------------------------------------

_ONCE = (
    "as structure ids, each once however many members founded it, in the order of the "
    "structures given"
)


class StructureParticipationModel(Model):
    """One cooperation structure of a public member, read against SYN.3."""

    structure_id: str = Field(description="The cooperation structure.")
    participation: Participation = Field(
        description=(
            "What it takes part in: both (the strategy and the actions), strategy_only, "
            "actions_only, not_involved (recorded as neither) or not_recorded (not known)."
        )
    )


class EstablishmentInvolvementModel(Model):
    """A public member of the pôle and the cooperation structures it founded (SYN.3)."""

    member_id: str = Field(description="The public establishment.")
    structures: tuple[StructureParticipationModel, ...] = Field(
        description=(
            "Each structure it founded, in the order of the structures given; empty when it "
            "founded none."
        )
    )


class StructureInvolvementModel(Model):
    """A cooperation structure SYN.3 asks about, once, with the public members that founded it."""

    structure_id: str = Field(description="The cooperation structure.")
    participation: Participation = Field(
        description=(
            "What it takes part in: both, strategy_only, actions_only, not_involved or "
            "not_recorded."
        )
    )
    founding_members: tuple[str, ...] = Field(
        min_length=1,
        description=(
            "The public members of the pôle among its founders, each asked to involve it, in "
            "the members' order."
        ),
    )


class CooperationReportModel(Model):
    """
    A pôle's public members and their structures, read against SYN.3 (the report's JSON).

    Per member (``lines``) and per structure (``structures``); the totals
    count structures, each once.
    """

    pole_id: str = Field(description="The pôle.")
    lines: tuple[EstablishmentInvolvementModel, ...] = Field(
        description=(
            "One line per public member, in the members' order: what each is asked to involve "
            "(a structure founded by two members is in both lines)."
        )
    )
    structures: tuple[StructureInvolvementModel, ...] = Field(
        description=(
            "Each structure founded by at least one public member, once, in the order of the "
            "structures given, with the members that founded it."
        )
    )
    involved: tuple[str, ...] = Field(
        description=f"The structures taking part in the strategy and the actions, {_ONCE}."
    )
    gaps: tuple[str, ...] = Field(
        description=f"The structures recorded as taking part in neither, {_ONCE}."
    )
    partial: tuple[str, ...] = Field(
        description=f"The structures taking part in the strategy or the actions only, {_ONCE}."
    )
    unrecorded: tuple[str, ...] = Field(
        description=f"The structures with no involvement recorded, {_ONCE}."
    )
    not_concerned: tuple[str, ...] = Field(
        description="The private members (ids), which SYN.3 does not address."
    )
    complete: Flag | None = Field(
        description=(
            "true when every structure of every public member takes part in both, false when "
            "one is known to fall short, null when none does but some are not recorded."
        )
    )
    checks: tuple[CheckModel, ...] = Field(
        description=(
            "One check per member, in the members' order, then the structures founded by no "
            "public member (information), explained."
        )
    )
    missing: tuple[FactModel, ...] = Field(
        description=(
            "The involvements to record to settle every check, in order, one per structure "
            "(path involvements.<structure id>)."
        )
    )
