"""
The pôles de compétitivité (competitiveness clusters) and their labels.

A pôle is labelled by the State, in one of three categories, and keeps its
label until it is withdrawn (délabellisation, delabelling): Sporaltec, for
instance, lost its label at the CIADT of 11 May 2010. Its labelling history
is a list of dated events; :meth:`Pole.is_labelled_on` reads it at any date.
"""

from __future__ import annotations

import enum
from datetime import date
from typing import Any

import attrs

from poles_policy.exceptions import InvalidInputError
from poles_policy.model._validators import non_empty, to_tuple, unique
from poles_policy.model.regions import all_regions

__all__ = [
    "Category",
    "EvaluationGroup",
    "GoverningBody",
    "LabelEvent",
    "LabelEventKind",
    "Pole",
    "StateCorrespondent",
]


class Category(enum.Enum):
    """The three categories of pôles."""

    MONDIAL = "mondial"
    """Pôle mondial: a world-class cluster."""
    VOCATION_MONDIALE = "vocation_mondiale"
    """Pôle à vocation mondiale: a cluster with a world-class ambition."""
    NATIONAL = "national"
    """Pôle national: a cluster of national scope."""


class EvaluationGroup(enum.IntEnum):
    """The pôle's group in the 2008 evaluation of Phase 1 (BCG / CM International)."""

    GROUP_1 = 1
    """Reached its objectives."""
    GROUP_2 = 2
    """Partly reached them; reviewed 18 months into Phase 2."""
    GROUP_3 = 3
    """Could benefit from a deep reconfiguration; label kept to end 2009, on probation."""


class LabelEventKind(enum.Enum):
    """What happened to a pôle's label."""

    LABELLED = "labelled"
    """The pôle was labelled (labellisé)."""
    CONFIRMED = "confirmed"
    """An existing label was confirmed (e.g. for Phase 2, after the 2008 evaluation)."""
    DELABELLED = "delabelled"
    """The label was withdrawn (délabellisé)."""


@attrs.frozen(kw_only=True)
class LabelEvent:
    """
    One dated event of a pôle's labelling history.

    Attributes:
        kind: Labelled, confirmed or delabelled.
        on: The date of the decision (e.g. a CIADT, comité interministériel
            d'aménagement et de développement du territoire).
        source: Where the event is documented (an address or a reference).
    """

    kind: LabelEventKind
    on: date
    source: str = attrs.field(validator=non_empty)


@attrs.frozen(kw_only=True)
class GoverningBody:
    """
    The pôle's structure d'animation (animation structure, its governing body).

    It signs the performance contract (GOV.1) and receives public support for
    its operation (PHASE.2b).

    Attributes:
        name: Its name.
        legal_form: Its legal form, usually an association loi 1901 (a
            non-profit association).
    """

    name: str = attrs.field(validator=non_empty)
    legal_form: str = attrs.field(default="association loi 1901", validator=non_empty)


@attrs.frozen(kw_only=True)
class StateCorrespondent:
    """
    The pôle's correspondant de l'État (State correspondent, GOV.3).

    Attributes:
        name: The person's name or the post.
        service: The State service (e.g. a DRIRE, direction régionale de
            l'industrie, de la recherche et de l'environnement, or a SGAR).
    """

    name: str = attrs.field(validator=non_empty)
    service: str = attrs.field(validator=non_empty)


_KNOWN_CODES = frozenset(r.code for r in all_regions())


def _themes(instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    for theme in value:
        if not theme.strip():
            msg = f"{type(instance).__name__}.{attribute.name}: a theme must not be empty"
            raise InvalidInputError(msg)
    unique("theme", f"{type(instance).__name__}.{attribute.name}", value)


def _region_codes(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    codes = (value,) if isinstance(value, str) else value
    if not isinstance(codes, tuple):
        msg = f"{type(instance).__name__}.{attribute.name}: {value!r} is not a region code"
        raise InvalidInputError(msg)
    for code in codes:
        if code not in _KNOWN_CODES:
            msg = f"{type(instance).__name__}.{attribute.name}: unknown region code {code!r}"
            raise InvalidInputError(msg)
    if not isinstance(value, str):
        unique("region", f"{type(instance).__name__}.{attribute.name}", codes)


def _optional_group(value: EvaluationGroup | int | None) -> EvaluationGroup | None:
    if value is None:
        return None
    if isinstance(value, bool) or value not in (1, 2, 3):
        msg = f"Pole.evaluation_group_2008: {value!r} is not a group (1, 2 or 3)"
        raise InvalidInputError(msg)
    return EvaluationGroup(value)


def _history(values: tuple[LabelEvent, ...] | list[LabelEvent]) -> tuple[LabelEvent, ...]:
    # A stable sort: events of one day keep the order given, the last one wins.
    return tuple(sorted(values, key=lambda e: e.on))


def _one_event_per_kind_and_day(
    instance: object, attribute: attrs.Attribute[Any], value: tuple[LabelEvent, ...]
) -> None:
    owner = f"{type(instance).__name__}.{attribute.name}"
    unique("event", owner, (f"{e.kind.value} on {e.on.isoformat()}" for e in value))


@attrs.frozen(kw_only=True)
class Pole:
    """
    A pôle de compétitivité (competitiveness cluster).

    Invariants: the history is in date order (events of one day keep the
    order given), with at most one event of each kind a day; region codes are
    INSEE codes known to :mod:`~poles_policy.model.regions` and the head
    office is not repeated among the other regions. Whether a code existed on
    a given date is for the code of that date (:func:`~poles_policy.model.regions.region`).

    Attributes:
        id: Stable identifier (e.g. ``"minalogic"``).
        name: The pôle's name.
        category: Mondial, à vocation mondiale or national.
        themes: Its themes (thématiques), in its own order.
        head_office_region: INSEE code of the region of its head office.
        other_regions: Other regions it covers (interregional pôles).
        governing_body: Its animation structure, or ``None`` if not known.
        state_correspondent: Its State correspondent (GOV.3), or ``None``.
        evaluation_group_2008: Its group in the 2008 evaluation, or ``None``
            if not known (or if it was labelled after 2008).
        history: Its labelling events, oldest first.
    """

    id: str = attrs.field(validator=non_empty)
    name: str = attrs.field(validator=non_empty)
    category: Category
    themes: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=_themes)
    head_office_region: str = attrs.field(validator=_region_codes)
    other_regions: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, validator=_region_codes
    )
    governing_body: GoverningBody | None = None
    state_correspondent: StateCorrespondent | None = None
    evaluation_group_2008: EvaluationGroup | None = attrs.field(
        default=None, converter=_optional_group
    )
    history: tuple[LabelEvent, ...] = attrs.field(
        default=(), converter=_history, validator=_one_event_per_kind_and_day
    )

    def __attrs_post_init__(self) -> None:
        if self.head_office_region in self.other_regions:
            msg = (
                f"Pole.other_regions: {self.other_regions!r} repeats the head office region "
                f"{self.head_office_region!r} (pôle {self.id!r})"
            )
            raise InvalidInputError(msg)

    @property
    def regions(self) -> tuple[str, ...]:
        """Every region the pôle covers, head office first."""
        return (self.head_office_region, *self.other_regions)

    def is_labelled_on(self, on: date) -> bool:
        """
        Return True if the pôle held its label on *on*.

        The label is held from a LABELLED or CONFIRMED event on or before
        *on* until a DELABELLED event; a pôle delabelled on *on* no longer
        holds it that day.

        >>> from datetime import date
        >>> pole = Pole(
        ...     id="p",
        ...     name="P",
        ...     category=Category.NATIONAL,
        ...     head_office_region="82",
        ...     history=(
        ...         LabelEvent(kind=LabelEventKind.LABELLED, on=date(2005, 7, 12), source="s"),
        ...         LabelEvent(kind=LabelEventKind.DELABELLED, on=date(2010, 5, 11), source="s"),
        ...     ),
        ... )
        >>> pole.is_labelled_on(date(2010, 5, 10)), pole.is_labelled_on(date(2010, 5, 11))
        (True, False)
        """
        last = self.last_event(on)
        return last is not None and last.kind is not LabelEventKind.DELABELLED

    def last_event(self, on: date) -> LabelEvent | None:
        """
        Return the last labelling event on or before *on*, or ``None`` if there is none.

        Of several events the same day, the last one given.
        """
        last = None
        for event in self.history:
            if event.on > on:
                break
            last = event
        return last
