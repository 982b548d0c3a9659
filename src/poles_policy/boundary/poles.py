"""
JSON models of the pôles and their labelling history (:mod:`poles_policy.model.poles`).

An invariant the domain refuses (two events of one kind on one day, the head
office repeated among the other regions) surfaces from ``to_domain()`` as an
:class:`~poles_policy.exceptions.InvalidInputError`; errors inside a nested
object start with its JSON path (``history.1: ...``).
"""

from __future__ import annotations

from poles_policy.boundary._base import IsoDate, Model, RegionCode, build_each, located
from poles_policy.model.poles import (
    Category,
    EvaluationGroup,
    GoverningBody,
    LabelEvent,
    LabelEventKind,
    Pole,
    StateCorrespondent,
)

__all__ = ["GoverningBodyModel", "LabelEventModel", "PoleModel", "StateCorrespondentModel"]


class LabelEventModel(Model):
    """A dated event of a pôle's label: labelled, confirmed or delabelled."""

    kind: LabelEventKind
    on: IsoDate
    source: str

    def to_domain(self) -> LabelEvent:
        """Build the domain object."""
        return LabelEvent(kind=self.kind, on=self.on, source=self.source)

    @classmethod
    def from_domain(cls, obj: LabelEvent) -> LabelEventModel:
        """Describe *obj* for JSON."""
        return cls(kind=obj.kind, on=obj.on, source=obj.source)


class GoverningBodyModel(Model):
    """The pôle's animation structure (structure d'animation)."""

    name: str
    legal_form: str = "association loi 1901"

    def to_domain(self) -> GoverningBody:
        """Build the domain object."""
        return GoverningBody(name=self.name, legal_form=self.legal_form)

    @classmethod
    def from_domain(cls, obj: GoverningBody) -> GoverningBodyModel:
        """Describe *obj* for JSON."""
        return cls(name=obj.name, legal_form=obj.legal_form)


class StateCorrespondentModel(Model):
    """The pôle's State correspondent (GOV.3)."""

    name: str
    service: str

    def to_domain(self) -> StateCorrespondent:
        """Build the domain object."""
        return StateCorrespondent(name=self.name, service=self.service)

    @classmethod
    def from_domain(cls, obj: StateCorrespondent) -> StateCorrespondentModel:
        """Describe *obj* for JSON."""
        return cls(name=obj.name, service=obj.service)


class PoleModel(Model):
    """A pôle de compétitivité; ``evaluation_group_2008`` is 1, 2, 3 or ``null``."""

    id: str
    name: str
    category: Category
    themes: tuple[str, ...] = ()
    head_office_region: RegionCode
    other_regions: tuple[RegionCode, ...] = ()
    governing_body: GoverningBodyModel | None = None
    state_correspondent: StateCorrespondentModel | None = None
    evaluation_group_2008: EvaluationGroup | None = None
    history: tuple[LabelEventModel, ...] = ()

    def to_domain(self) -> Pole:
        """Build the domain object."""
        governing_body = state_correspondent = None
        if self.governing_body is not None:
            with located("governing_body"):
                governing_body = self.governing_body.to_domain()
        if self.state_correspondent is not None:
            with located("state_correspondent"):
                state_correspondent = self.state_correspondent.to_domain()
        return Pole(
            id=self.id,
            name=self.name,
            category=self.category,
            themes=self.themes,
            head_office_region=self.head_office_region,
            other_regions=self.other_regions,
            governing_body=governing_body,
            state_correspondent=state_correspondent,
            evaluation_group_2008=self.evaluation_group_2008,
            history=build_each("history", self.history, LabelEventModel.to_domain),
        )

    @classmethod
    def from_domain(cls, obj: Pole) -> PoleModel:
        """Describe *obj* for JSON."""
        return cls(
            id=obj.id,
            name=obj.name,
            category=obj.category,
            themes=obj.themes,
            head_office_region=obj.head_office_region,
            other_regions=obj.other_regions,
            governing_body=None
            if obj.governing_body is None
            else GoverningBodyModel.from_domain(obj.governing_body),
            state_correspondent=None
            if obj.state_correspondent is None
            else StateCorrespondentModel.from_domain(obj.state_correspondent),
            evaluation_group_2008=obj.evaluation_group_2008,
            history=tuple(LabelEventModel.from_domain(e) for e in obj.history),
        )
