"""
JSON models of the pôles and their labelling history (:mod:`poles_policy.model.poles`).

An invariant the domain refuses surfaces from ``to_domain()`` as an
:class:`~poles_policy.exceptions.InvalidInputError`; errors inside a nested
object start with its JSON path (``history.1: ...``). The pôle's own
invariants (:mod:`poles_policy.model.poles`) name the domain field: two
events of one kind on one day, a history that starts with a delabelling,
withdraws a label it no longer holds or confirms a withdrawn one
(``history.0: ...``, counted in the history as written), a 2008 evaluation
group for a pôle first labelled after 2008, the head office repeated among the other
regions, or a region code not in force on the date of the history's first
event (``Pole.head_office_region: region code '84' did not exist on
2005-07-12 ...``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Annotated, Final

from pydantic import BeforeValidator, Field, TypeAdapter, ValidationError

from poles_policy._arguments import wrong_type
from poles_policy.boundary._base import (
    IsoDate,
    Model,
    RegionCode,
    at_path,
    build_each,
    distinct,
    document_error,
    from_domain_of,
    located,
    refuse_duplicate_keys,
)
from poles_policy.exceptions import InvalidInputError
from poles_policy.model.poles import (
    Category,
    EvaluationGroup,
    GoverningBody,
    LabelEvent,
    LabelEventKind,
    Pole,
    StateCorrespondent,
)

__all__ = [
    "GoverningBodyModel",
    "LabelEventModel",
    "PoleModel",
    "StateCorrespondentModel",
    "dump_poles",
    "parse_poles",
]

# How a pôle names an event of its history in an error: its position oldest first.
_HISTORY_ITEM: Final = re.compile(r"^Pole\.history\[(?P<index>\d+)\]: (?P<detail>.*)$", re.DOTALL)


def _integer(value: object) -> object:
    # A JSON integer only (or the group itself, from Python): true or 2.0 would otherwise read
    # as group 1 or 2.
    if type(value) is not int and not isinstance(value, EvaluationGroup):
        # Written as JSON writes it: true, not True.
        plain = isinstance(value, bool | int | float | str | None)
        shown = json.dumps(value) if plain else repr(value)
        msg = f"{shown} is not a group (1, 2 or 3)"
        raise ValueError(msg)
    return value


class LabelEventModel(Model):
    """A dated event of a pôle's labelling history: labelled, confirmed or delabelled."""

    kind: LabelEventKind = Field(
        description=(
            "What happened to the label: labelled (labellisé), confirmed (an existing label "
            "confirmed, e.g. for Phase 2 after the 2008 evaluation) or delabelled (label "
            "withdrawn, délabellisé)."
        )
    )
    on: IsoDate = Field(
        description=(
            "The date of the decision, e.g. a CIADT (comité interministériel d'aménagement et "
            "de développement du territoire). ISO date YYYY-MM-DD; at most one event of each "
            "kind a day."
        )
    )
    source: str = Field(
        description="Where the event is documented: an address or a reference; non-empty."
    )

    def to_domain(self) -> LabelEvent:
        """Build the domain object."""
        return LabelEvent(kind=self.kind, on=self.on, source=self.source)

    @classmethod
    @from_domain_of(LabelEvent)
    def from_domain(cls, obj: LabelEvent) -> LabelEventModel:
        """Describe *obj* for JSON."""
        return cls(kind=obj.kind, on=obj.on, source=obj.source)


class GoverningBodyModel(Model):
    """
    The pôle's animation structure (structure d'animation), its governing body.

    It signs the performance contract (GOV.1) and receives public support for
    its operation (PHASE.2b).
    """

    name: str = Field(description="The structure's name; non-empty.")
    legal_form: str = Field(
        default="association loi 1901",
        description=(
            'Its legal form; "association loi 1901" (a non-profit association, the usual '
            "form) by default; non-empty."
        ),
    )

    def to_domain(self) -> GoverningBody:
        """Build the domain object."""
        return GoverningBody(name=self.name, legal_form=self.legal_form)

    @classmethod
    @from_domain_of(GoverningBody)
    def from_domain(cls, obj: GoverningBody) -> GoverningBodyModel:
        """Describe *obj* for JSON."""
        return cls(name=obj.name, legal_form=obj.legal_form)


class StateCorrespondentModel(Model):
    """The pôle's State correspondent (correspondant de l'État, GOV.3)."""

    name: str = Field(description="The correspondent's name or post; non-empty.")
    service: str = Field(
        description=(
            "The State service the correspondent belongs to, e.g. a DRIRE (direction régionale "
            "de l'industrie, de la recherche et de l'environnement) or a SGAR; non-empty."
        )
    )

    def to_domain(self) -> StateCorrespondent:
        """Build the domain object."""
        return StateCorrespondent(name=self.name, service=self.service)

    @classmethod
    @from_domain_of(StateCorrespondent)
    def from_domain(cls, obj: StateCorrespondent) -> StateCorrespondentModel:
        """Describe *obj* for JSON."""
        return cls(name=obj.name, service=obj.service)


class PoleModel(Model):
    """
    A pôle de compétitivité (competitiveness cluster) and its labelling history.

    ``evaluation_group_2008`` is 1, 2, 3 or ``null``.
    """

    id: str = Field(description='Stable identifier of the pôle, e.g. "minalogic"; non-empty.')
    name: str = Field(description="The pôle's name; non-empty.")
    category: Category = Field(
        description=(
            "mondial (pôle mondial, a world-class cluster), vocation_mondiale (pôle à vocation "
            "mondiale, with a world-class ambition) or national (a cluster of national scope)."
        )
    )
    themes: tuple[str, ...] = Field(
        default=(),
        description=(
            "Its themes (thématiques), in its own order, each non-empty and given once (GOV.4); "
            "empty (the default) when not given."
        ),
    )
    head_office_region: RegionCode = Field(
        description=(
            'INSEE code (two digits, e.g. "82") of the region of its head office; a code known '
            "to the region table and, when the history is not empty, in force on the date of "
            'its first event (a pôle labelled in 2005 is in "82" Rhône-Alpes, not "84" '
            "Auvergne-Rhône-Alpes, which exists from 2016)."
        )
    )
    other_regions: tuple[RegionCode, ...] = Field(
        default=(),
        description=(
            "INSEE codes of the other regions it covers (an interregional pôle), each once, "
            "not the head office's, and in force on the date of the history's first event like "
            "the head office's; empty (the default) for a pôle of one region."
        ),
    )
    governing_body: GoverningBodyModel | None = Field(
        default=None,
        description=(
            "Its animation structure (structure d'animation), which signs the performance "
            "contract; absent or null when not known."
        ),
    )
    state_correspondent: StateCorrespondentModel | None = Field(
        default=None,
        description="Its State correspondent (GOV.3); absent or null when not known.",
    )
    evaluation_group_2008: Annotated[EvaluationGroup, BeforeValidator(_integer)] | None = Field(
        default=None,
        description=(
            "Its group in the 2008 evaluation of Phase 1 (PHASE.1): 1 (reached its objectives), "
            "2 (partly reached them) or 3 (could benefit from a deep reconfiguration, on "
            "probation); absent or null when not known or labelled after 2008."
        ),
    )
    history: tuple[LabelEventModel, ...] = Field(
        default=(),
        description=(
            "Its labelling events, in any order (kept oldest first; events of one day keep the "
            "order given); the pôle holds its label from a labelled or confirmed event until a "
            "delabelled one. It starts with a labelled or confirmed event, and each delabelled "
            "event withdraws a label held the day before: it follows a labelled or confirmed "
            "event of an earlier day. A withdrawn label cannot be confirmed: after a delabelled "
            "event, only a labelled event gives the label back. Empty (the default) when not "
            "given."
        ),
    )

    def to_domain(self) -> Pole:
        """Build the domain object."""
        governing_body = state_correspondent = None
        if self.governing_body is not None:
            with located("governing_body"):
                governing_body = self.governing_body.to_domain()
        if self.state_correspondent is not None:
            with located("state_correspondent"):
                state_correspondent = self.state_correspondent.to_domain()
        history = build_each("history", self.history, LabelEventModel.to_domain)
        distinct("history", "event", (f"{e.kind.value} on {e.on.isoformat()}" for e in history))
        try:
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
                history=history,
            )
        except InvalidInputError as exc:
            # The pôle counts its history oldest first, the document's path as written; the
            # pôle sorts the events stably by date, so the same sort maps one to the other.
            found = _HISTORY_ITEM.match(str(exc))
            if found is None:
                raise
            written = sorted(range(len(history)), key=lambda i: history[i].on)
            raise at_path(("history", written[int(found["index"])]), found["detail"]) from exc

    @classmethod
    @from_domain_of(Pole)
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


_POLES: Final = TypeAdapter(tuple[PoleModel, ...])


def parse_poles(data: str | bytes) -> tuple[Pole, ...]:
    """
    Read pôles from a JSON array of pôle documents (the ``pole`` schema), each id once.

    For the ``poles=`` of the rules that check a label against the labelling
    pôle's history, and for ``poles-policy relay check --poles FILE``.

    Raises:
        DocumentError: Naming the path of each bad field (``1.history.0.on``),
            or an id given twice.
        WrongTypeError: If *data* is neither text nor bytes.

    >>> from poles_policy.data import rhone_alpes_poles
    >>> parse_poles(dump_poles(rhone_alpes_poles())) == rhone_alpes_poles()
    True
    >>> parse_poles('[{"id": "p", "name": "P", "category": "national"}]')
    Traceback (most recent call last):
    ...
    poles_policy.exceptions.DocumentError: 0.head_office_region: Field required
    """
    data = refuse_duplicate_keys(data)
    try:
        models = _POLES.validate_json(data)
    except ValidationError as exc:
        raise document_error(exc) from None
    poles: list[Pole] = []
    first: dict[str, int] = {}
    for index, model in enumerate(models):
        with located(index):
            poles.append(model.to_domain())
        if model.id in first:
            reason = f"pôle {model.id!r} is given twice (items {first[model.id]} and {index})"
            raise at_path((index, "id"), reason)
        first[model.id] = index
    return tuple(poles)


def dump_poles(poles: Iterable[Pole], *, indent: int | None = 2) -> str:
    """
    Write *poles* as a JSON array of pôle documents, which :func:`parse_poles` reads back.

    >>> from poles_policy.data import rhone_alpes_poles
    >>> dump_poles(rhone_alpes_poles(), indent=None)[:30]
    '[{"id":"minalogic","name":"Min'
    """
    given: object = poles  # a caller's slip may be anything
    if isinstance(given, str | bytes | Mapping) or not isinstance(given, Iterable):
        raise wrong_type("dump_poles", "poles", "a list of Pole objects", given)
    return _POLES.dump_json(
        tuple(PoleModel.from_domain(pole) for pole in poles), indent=indent
    ).decode()
