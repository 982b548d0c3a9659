"""
The pôles de compétitivité (competitiveness clusters) and their labels.

A pôle is labelled by the State, in one of three categories, and keeps its
label until it is withdrawn (délabellisation, delabelling): Sporaltec, for
instance, lost its label at the CIADT of 11 May 2010. Its labelling history
is a list of dated events; :meth:`Pole.is_labelled_on` reads it at any date.

**What a history may hold.** Only what cannot have happened is refused, as
an :class:`~poles_policy.exceptions.InvalidInputError` naming the event
(``Pole.history[0]``, counted in the history as kept, oldest first):

- a delabelling as the first event: there was no label to withdraw. A
  history may start with a confirmation, though: a record kept from the
  Phase 2 confirmation onward is a partial history, not a wrong one;
- a delabelling right after another one: the label was already gone;
- a confirmation right after a delabelling: a withdrawn label cannot be
  confirmed. A pôle labelled again after a withdrawal has a new label,
  recorded as a labelling (which may fall on the day of the withdrawal);
- a delabelling on the day of the labelling or confirmation just before
  it: the label would be granted and withdrawn by one day's decisions and
  held on no day. The reverse order, a withdrawal then a new label on one
  day, is a relabelling and is kept;
- two events of one kind on one day.

Two labellings, or two confirmations, in a row are kept: a pôle is
relabelled or confirmed again while it holds its label (as at the start of a
new phase of the policy), and it holds it throughout.

**The 2008 evaluation group.** The evaluation of Phase 1 covered the pôles
labelled by then: a pôle whose history starts with a labelling after
:data:`EVALUATED_IF_LABELLED_BY` (the end of 2008) has no 2008 group, and
one given is refused (``Pole.evaluation_group_2008``). A history that starts
with a confirmation does not date the first labelling (it came before, on a
day not recorded), so any group is kept.

**Regions are the codes of the first labelling date.** Region codes are
dated (:mod:`~poles_policy.model.regions`): ``"84"``
(Auvergne-Rhône-Alpes) exists from 2016, ``"82"`` (Rhône-Alpes) until the
end of 2015. When the history gives a date, the head-office region and every
other region must be codes in force on its first event's date, the day the
record starts. So a pôle labelled in 2005 is recorded in ``"82"`` even if it
is still labelled after the 2016 merger, and a record made today converts a
2016 code back to the code of that date. The choice, rather than "a code in
force on some day of the labelled life", is deliberate: the rules read pôles
during the policy period (2008-2012); the old code leads to exactly one 2016
region (:func:`~poles_policy.model.regions.successor`) while a 2016 code may
cover several old ones (``"84"`` is Rhône-Alpes and Auvergne), so only the
old code keeps the fact; and one date for every code makes a record that
describes the pôle on one day, not a mix of two maps. A pôle without history
has no date, so its codes need only be known.
"""

from __future__ import annotations

import contextlib
import enum
import unicodedata
from datetime import date
from typing import TYPE_CHECKING, Any, Final

import attrs

from poles_policy._arguments import expect_day
from poles_policy.exceptions import InvalidInputError, WrongTypeError
from poles_policy.model._validators import (
    a_date,
    an_id,
    is_a,
    items,
    non_empty,
    optional_is_a,
    refuse_hidden,
    strings,
    to_whole,
    unique,
)
from poles_policy.model.regions import Region, is_region_code, predecessors, region, successor

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "EVALUATED_IF_LABELLED_BY",
    "Category",
    "EvaluationGroup",
    "GoverningBody",
    "LabelEvent",
    "LabelEventKind",
    "Pole",
    "StateCorrespondent",
    "same_theme",
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


EVALUATED_IF_LABELLED_BY: Final = date(2008, 12, 31)
"""
The last day on which a pôle could be first labelled and have a group in the 2008 evaluation.

The evaluation of Phase 1 took place in 2008 (FACTS.md section 1: fieldwork
from November 2007 to June 2008, results published on 18 June 2008) and its
follow-up starts with Phase 2 on 1 January 2009, the day from which the
parameters ``gov.group2_review_months`` and ``gov.group3_probation_end`` are
in force. The end of 2008 is also the boundary of the standing rule
(:mod:`~poles_policy.rules.standing`: a pôle first labelled in 2009 or later
was not evaluated). It refuses no real record: the 71 pôles at the start of
Phase 2 (FACTS.md section 2) are the 39 + 19 + 13 of the evaluation's groups
(section 3).
"""


class LabelEventKind(enum.Enum):
    """What happened to a pôle's label."""

    LABELLED = "labelled"
    """The pôle was labelled (labellisé)."""
    CONFIRMED = "confirmed"
    """A label held was confirmed (as for Phase 2, after the 2008 evaluation); not one withdrawn."""
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

    kind: LabelEventKind = attrs.field(validator=is_a(LabelEventKind))
    on: date = attrs.field(validator=a_date)
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


def _theme_list(values: Iterable[str]) -> tuple[str, ...]:
    return strings(values, "Pole.themes")


def _other_regions(values: Iterable[str]) -> tuple[str, ...]:
    return strings(values, "Pole.other_regions")


def same_theme(theme: str) -> str:
    """
    Return the spelling by which two themes are the same: case, blanks and accents' encoding aside.

    NFC first, so that an accented letter typed as one character or as two
    is one theme. A pôle names each theme once under this reading, and the
    national coordination groups (GOV.4) compare themes by it.

    >>> same_theme("  Eco-Technologies ") == same_theme("eco-technologies")
    True
    """
    return " ".join(unicodedata.normalize("NFC", theme).split()).casefold()


def _themes(instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    owner = f"{type(instance).__name__}.{attribute.name}"
    for index, theme in enumerate(value):
        # "Pole.themes[2]: ...": the JSON boundary names the item's path from it.
        if not theme.strip():
            msg = f"{owner}[{index}]: a theme must not be empty"
            raise InvalidInputError(msg)
        refuse_hidden(f"{owner}[{index}]", theme)
    # "Chemistry" and "chemistry " are one theme, as the coordination groups read them.
    unique("theme", f"{type(instance).__name__}.{attribute.name}", map(same_theme, value))


def _region_codes(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    codes = (value,) if isinstance(value, str) else value
    if not isinstance(codes, tuple):
        msg = (
            f"{type(instance).__name__}.{attribute.name}: {value!r} is not a region code "
            "(a string such as '82')"
        )
        raise WrongTypeError(msg)
    for code in codes:
        if not is_region_code(code):
            msg = f"{type(instance).__name__}.{attribute.name}: unknown region code {code!r}"
            raise InvalidInputError(msg)
    if not isinstance(value, str):
        unique("region", f"{type(instance).__name__}.{attribute.name}", codes)


def _optional_group(value: EvaluationGroup | int | None) -> EvaluationGroup | None:
    if value is None:
        return None
    given: object = to_whole(value)  # NumPy's int64 from a DataFrame row reads as an int
    msg = f"Pole.evaluation_group_2008: {value!r} is not a group (1, 2 or 3)"
    if isinstance(given, bool) or not isinstance(given, int):
        raise WrongTypeError(msg)  # "2", 2.0, True: not a whole number at all
    if given not in (1, 2, 3):
        raise InvalidInputError(msg)
    return EvaluationGroup(given)


def _history(values: Iterable[LabelEvent]) -> tuple[LabelEvent, ...]:
    # A stable sort: events of one day keep the order given, the last one wins.
    return tuple(sorted(items(values, LabelEvent, "Pole.history"), key=lambda e: e.on))


def _possible_history(
    instance: object, attribute: attrs.Attribute[Any], value: tuple[LabelEvent, ...]
) -> None:
    owner = f"{type(instance).__name__}.{attribute.name}"
    unique("event", owner, (f"{e.kind.value} on {e.on.isoformat()}" for e in value))
    previous: LabelEvent | None = None
    for index, event in enumerate(value):
        if event.kind is LabelEventKind.DELABELLED:
            _withdraws_a_held_label(f"{owner}[{index}]", event, previous)
        elif event.kind is LabelEventKind.CONFIRMED:
            _confirms_a_held_label(f"{owner}[{index}]", event, previous)
        previous = event


def _withdraws_a_held_label(where: str, event: LabelEvent, previous: LabelEvent | None) -> None:
    """Refuse a delabelling that finds no label to withdraw."""
    day = event.on.isoformat()
    if previous is None:
        msg = (
            f"{where}: delabelled on {day} as the first event, with no label to withdraw; "
            "a history starts with the pôle's labelling (or a confirmation of it)"
        )
        raise InvalidInputError(msg)
    if previous.kind is LabelEventKind.DELABELLED:
        msg = (
            f"{where}: delabelled on {day}, but the label was already withdrawn on "
            f"{previous.on.isoformat()}"
        )
        raise InvalidInputError(msg)
    if previous.on == event.on:
        msg = (
            f"{where}: delabelled on {day}, the day it was {previous.kind.value}: the label "
            "would be held on no day; a withdrawal comes on a later day than the label"
        )
        raise InvalidInputError(msg)


def _confirms_a_held_label(where: str, event: LabelEvent, previous: LabelEvent | None) -> None:
    """Refuse a confirmation of a label already withdrawn: only a new labelling restores it."""
    if previous is not None and previous.kind is LabelEventKind.DELABELLED:
        msg = (
            f"{where}: confirmed on {event.on.isoformat()}, but the label was already "
            f"withdrawn on {previous.on.isoformat()}; a withdrawn label cannot be confirmed, "
            "a new label is a labelled event"
        )
        raise InvalidInputError(msg)


def _covering(code: str, on: date) -> tuple[Region, ...]:
    """The regions that covered *code*'s territory on *on*, when *code* did not exist then."""
    with contextlib.suppress(InvalidInputError):
        return (successor(code, on),)  # a region merged in 2016, read after it
    with contextlib.suppress(InvalidInputError):
        return tuple(r for r in predecessors(code) if r.is_valid_on(on))  # a 2016 region
    return ()


def _in_force_on(where: str, code: str, on: date, pole_id: str) -> None:
    try:
        region(code, on)
    except InvalidInputError as exc:
        then = _covering(code, on)
        hint = " or ".join(f"{r.code!r} ({r.name})" for r in then)
        msg = (
            f"{where}: {exc}, the date of the first event of the history of pôle {pole_id!r}; "
            "region codes are those in force on that date" + (f": {hint}" if hint else "")
        )
        raise InvalidInputError(msg) from None


def _evaluated(pole: Pole) -> None:
    """Refuse a 2008 evaluation group for a pôle first labelled after the evaluation."""
    first = pole.history[0]
    # Only a labelling dates the first labelling: a history that starts with a confirmation
    # had a label before it, on a day not recorded, perhaps by 2008.
    group = pole.evaluation_group_2008
    if group is None or first.kind is not LabelEventKind.LABELLED:
        return
    if first.on > EVALUATED_IF_LABELLED_BY:
        msg = (
            f"Pole.evaluation_group_2008: group {group.value} given, but pôle {pole.id!r} was "
            f"first labelled on {first.on.isoformat()}, after the 2008 evaluation: only a pôle "
            f"labelled by {EVALUATED_IF_LABELLED_BY.isoformat()} has a 2008 group (give None)"
        )
        raise InvalidInputError(msg)


@attrs.frozen(kw_only=True)
class Pole:
    """
    A pôle de compétitivité (competitiveness cluster).

    Invariants: the history is in date order (events of one day keep the
    order given), with at most one event of each kind a day, every
    delabelling withdraws a label held the day before, and no confirmation
    follows a delabelling (see the module documentation); region codes are
    INSEE codes known to :mod:`~poles_policy.model.regions`, in force on
    the date of the history's first event when there is one, and the head
    office is not repeated among the other regions; a pôle first labelled
    after 2008 has no 2008 evaluation group.

    Attributes:
        id: Stable identifier (e.g. ``"minalogic"``).
        name: The pôle's name.
        category: Mondial, à vocation mondiale or national.
        themes: Its themes (thématiques), in its own order.
        head_office_region: INSEE code of the region of its head office, in
            force on the date of the first event of its history.
        other_regions: Other regions it covers (interregional pôles), in
            force on that date too.
        governing_body: Its animation structure, or ``None`` if not known.
        state_correspondent: Its State correspondent (GOV.3), or ``None``.
        evaluation_group_2008: Its group in the 2008 evaluation, or ``None``
            if not known; always ``None`` when the history starts with a
            labelling after :data:`EVALUATED_IF_LABELLED_BY` (2008-12-31).
        history: Its labelling events, oldest first; it starts with a
            labelling or a confirmation.

    Raises:
        WrongTypeError: If a field is of the wrong type (a region code given
            as the int ``82``, a group given as the string ``"2"``), naming
            the field.
        InvalidInputError: If a field breaks an invariant; the message names
            the field (``Pole.history[0]``, ``Pole.head_office_region``,
            ``Pole.evaluation_group_2008``) and the value.

    >>> Pole(
    ...     id="p",
    ...     name="P",
    ...     category=Category.NATIONAL,
    ...     head_office_region="84",
    ...     history=(LabelEvent(kind=LabelEventKind.LABELLED, on=date(2005, 7, 12), source="s"),),
    ... )
    Traceback (most recent call last):
    ...
    poles_policy.exceptions.InvalidInputError: Pole.head_office_region: region code '84' did not exist on 2005-07-12 (valid from 2016-01-01), the date of the first event of the history of pôle 'p'; region codes are those in force on that date: '82' (Rhône-Alpes) or '83' (Auvergne)
    """  # noqa: E501 - a doctest's traceback line cannot wrap

    id: str = attrs.field(validator=an_id)
    name: str = attrs.field(validator=non_empty)
    category: Category = attrs.field(validator=is_a(Category))
    themes: tuple[str, ...] = attrs.field(default=(), converter=_theme_list, validator=_themes)
    head_office_region: str = attrs.field(validator=_region_codes)
    other_regions: tuple[str, ...] = attrs.field(
        default=(), converter=_other_regions, validator=_region_codes
    )
    governing_body: GoverningBody | None = attrs.field(
        default=None, validator=optional_is_a(GoverningBody)
    )
    state_correspondent: StateCorrespondent | None = attrs.field(
        default=None, validator=optional_is_a(StateCorrespondent)
    )
    evaluation_group_2008: EvaluationGroup | None = attrs.field(
        default=None, converter=_optional_group
    )
    history: tuple[LabelEvent, ...] = attrs.field(
        default=(), converter=_history, validator=_possible_history
    )

    def __attrs_post_init__(self) -> None:
        if self.head_office_region in self.other_regions:
            position = self.other_regions.index(self.head_office_region)
            msg = (
                f"Pole.other_regions: item {position} repeats the head office region "
                f"{self.head_office_region!r} (pôle {self.id!r})"
            )
            raise InvalidInputError(msg)
        if self.history:
            first = self.history[0].on
            _in_force_on("Pole.head_office_region", self.head_office_region, first, self.id)
            for index, code in enumerate(self.other_regions):
                _in_force_on(f"Pole.other_regions[{index}]", code, first, self.id)
            _evaluated(self)

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

        Raises:
            WrongTypeError: If *on* is not a date.

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
        if type(on) is not date:  # the one test on the usual path
            expect_day(on, "Pole.is_labelled_on", "on")
        last = self.last_event(on)
        return last is not None and last.kind is not LabelEventKind.DELABELLED

    def last_event(self, on: date) -> LabelEvent | None:
        """
        Return the last labelling event on or before *on*, or ``None`` if there is none.

        Of several events the same day, the last one given.

        Raises:
            WrongTypeError: If *on* is not a date.
        """
        if type(on) is not date:  # the one test on the usual path
            expect_day(on, "Pole.last_event", "on")
        last = None
        for event in self.history:
            if event.on > on:
                break
            last = event
        return last
