"""
Reference data: the Rhône-Alpes pôles of Phase 2 and the national figures.

Every fact comes with its source and a confidence (``sourced`` or
``assumption``; an inferred fact is ``sourced`` and its note says how it was
derived). The data are packaged TOML files, read with :mod:`importlib.resources`
and checked when read.

>>> sporaltec = {p.id: p for p in rhone_alpes_poles()}["sporaltec"]
>>> sporaltec.is_labelled_on(date(2010, 5, 10)), sporaltec.is_labelled_on(date(2010, 5, 12))
(True, False)
>>> reference_facts()["poles.total_2009"].value
71
"""

from __future__ import annotations

import tomllib
from collections import Counter
from datetime import date, datetime
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs

from poles_policy.exceptions import InvalidInputError
from poles_policy.model._validators import is_a, items, non_empty, optional_is_a
from poles_policy.model.poles import (
    Category,
    EvaluationGroup,
    LabelEvent,
    LabelEventKind,
    Pole,
)
from poles_policy.parameters import CONFIDENCES, Confidence

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping

__all__ = [
    "Discrepancy",
    "PoleRecord",
    "ReferenceFact",
    "check_pole_list",
    "reference_facts",
    "rhone_alpes_pole_records",
    "rhone_alpes_poles",
]

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)

_POLES_FILE = "rhone_alpes_poles.toml"
_FIGURES_FILE = "national_figures.toml"
_FIGURES_YEAR = 2009


def _confidence(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value not in CONFIDENCES:
        msg = (
            f"{type(instance).__name__}.{attribute.name}: {value!r} is not one of "
            f"{', '.join(CONFIDENCES)}"
        )
        raise InvalidInputError(msg)


@attrs.frozen(kw_only=True)
class ReferenceFact(Generic[T_co]):
    """
    One fact of the reference data, with where it comes from.

    Attributes:
        value: The fact (a count, a name, a date, ...).
        source: An address, or for an assumption why it is one.
        confidence: ``text`` (the policy text), ``sourced`` (a public
            secondary source, possibly inferred: see the note) or
            ``assumption`` (not confirmed by a source here).
        note: How the value was derived, caveats, what is known besides.
    """

    value: T_co
    source: str = attrs.field(validator=non_empty)
    confidence: Confidence = attrs.field(validator=_confidence)
    note: str = attrs.field(default="", validator=is_a(str, "str"))


def _themes(values: Iterable[ReferenceFact[str]]) -> tuple[ReferenceFact[str], ...]:
    return items(values, ReferenceFact, "PoleRecord.themes")


def _history(
    values: Iterable[ReferenceFact[LabelEvent]],
) -> tuple[ReferenceFact[LabelEvent], ...]:
    return items(values, ReferenceFact, "PoleRecord.history")


@attrs.frozen(kw_only=True)
class PoleRecord:
    """
    A pôle of the reference data, each of its facts sourced.

    Attributes:
        id: The pôle's id.
        name: Its name.
        category: Its category in Phase 2.
        themes: Its themes, each a fact of its own.
        head_office_region: INSEE code of its head-office region.
        other_regions: The other regions it covers (the whole list is one fact).
        evaluation_group_2008: Its 2008 evaluation group, or ``None`` when no
            source gives it.
        history: Its labelling events, oldest first.
        pole: The pôle as a domain object, built (and so checked) from the
            facts; its governing body and State correspondent are unknown.
    """

    id: str = attrs.field(validator=non_empty)
    name: ReferenceFact[str] = attrs.field(validator=is_a(ReferenceFact))
    category: ReferenceFact[Category] = attrs.field(validator=is_a(ReferenceFact))
    themes: tuple[ReferenceFact[str], ...] = attrs.field(converter=_themes)
    head_office_region: ReferenceFact[str] = attrs.field(validator=is_a(ReferenceFact))
    other_regions: ReferenceFact[tuple[str, ...]] = attrs.field(validator=is_a(ReferenceFact))
    evaluation_group_2008: ReferenceFact[EvaluationGroup] | None = attrs.field(
        default=None, validator=optional_is_a(ReferenceFact)
    )
    history: tuple[ReferenceFact[LabelEvent], ...] = attrs.field(converter=_history)
    pole: Pole = attrs.field(init=False)
    """The pôle as a domain object (governing body and State correspondent unknown)."""

    def __attrs_post_init__(self) -> None:
        # After the validators, so that a field of the wrong type is named, not met here.
        object.__setattr__(self, "pole", self._pole())

    def _pole(self) -> Pole:
        group = self.evaluation_group_2008
        return Pole(
            id=self.id,
            name=self.name.value,
            category=self.category.value,
            themes=tuple(t.value for t in self.themes),
            head_office_region=self.head_office_region.value,
            other_regions=self.other_regions.value,
            evaluation_group_2008=None if group is None else group.value,
            history=tuple(e.value for e in self.history),
        )

    @property
    def assumptions(self) -> tuple[tuple[str, ReferenceFact[Any]], ...]:
        """Every fact of the record that is an assumption, with the field it fills."""
        facts: list[tuple[str, ReferenceFact[Any]]] = [
            ("name", self.name),
            ("category", self.category),
            *(("themes", t) for t in self.themes),
            ("head_office_region", self.head_office_region),
            ("other_regions", self.other_regions),
            *(
                (("evaluation_group_2008", self.evaluation_group_2008),)
                if self.evaluation_group_2008 is not None
                else ()
            ),
            *(("history", e) for e in self.history),
        ]
        return tuple((f, fact) for f, fact in facts if fact.confidence == "assumption")


@attrs.frozen(kw_only=True)
class Discrepancy:
    """
    A difference between a list of pôles and a national reference figure.

    Attributes:
        key: What was compared: a figure's name (``"poles.total_2009"``) or
            ``"pole.id"`` for a repeated id.
        expected: The reference value (1 for an id).
        found: The value in the list.
        source: Where the expected value comes from.
        note: The figure's note, or the repeated id.
    """

    key: str
    expected: int
    found: int
    source: str
    note: str = ""

    def describe(self) -> str:
        """Render ``key: expected X, found Y (source)``."""
        return f"{self.key}: expected {self.expected}, found {self.found} ({self.source})"


# --- loading -----------------------------------------------------------------------------------


def _load(name: str) -> dict[str, Any]:
    text = resources.files("poles_policy.data").joinpath(name).read_text(encoding="utf-8")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:  # pragma: no cover - the packaged files parse
        msg = f"{name}: {exc}"
        raise InvalidInputError(msg) from None


_FACT_KEYS = frozenset({"value", "confidence", "source", "note"})


def _fact(where: str, data: object, convert: Callable[[Any], T]) -> ReferenceFact[T]:
    if not isinstance(data, dict) or not {"value", "confidence", "source"} <= data.keys():
        msg = f"{where}: a fact needs value, confidence and source"
        raise InvalidInputError(msg)
    if extra := data.keys() - _FACT_KEYS:
        msg = f"{where}: unknown key(s) {sorted(extra)}"
        raise InvalidInputError(msg)
    try:
        value = convert(data["value"])
        return ReferenceFact(
            value=value,
            source=data["source"],
            confidence=data["confidence"],
            note=data.get("note", ""),
        )
    except (InvalidInputError, ValueError, TypeError) as exc:
        msg = f"{where}: {exc}"
        raise InvalidInputError(msg) from None


def _str(value: object) -> str:
    if not isinstance(value, str):
        msg = f"{value!r} is not a string"
        raise InvalidInputError(msg)
    return value


def _codes(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        msg = f"{value!r} is not a list of region codes"
        raise InvalidInputError(msg)
    return tuple(_str(v) for v in value)


def _int(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        msg = f"{value!r} is not an integer"
        raise InvalidInputError(msg)
    return value


_EVENT_KEYS = frozenset({"kind", "on", "confidence", "source", "note"})


def _event(where: str, data: object) -> ReferenceFact[LabelEvent]:
    if not isinstance(data, dict):
        msg = f"{where}: an event is a table"
        raise InvalidInputError(msg)
    if extra := data.keys() - _EVENT_KEYS:
        msg = f"{where}: unknown key(s) {sorted(extra)}"
        raise InvalidInputError(msg)
    on = data.get("on")
    if not isinstance(on, date) or isinstance(on, datetime):
        msg = f"{where}.on: {on!r} is not a TOML date (YYYY-MM-DD)"
        raise InvalidInputError(msg)
    try:
        event = LabelEvent(
            kind=LabelEventKind(data.get("kind")), on=on, source=_str(data.get("source"))
        )
        # The event carries its source; the fact adds the confidence and the note.
        return ReferenceFact(
            value=event,
            source=event.source,
            confidence=data.get("confidence", ""),
            note=data.get("note", ""),
        )
    except (InvalidInputError, ValueError, TypeError) as exc:
        msg = f"{where}: {exc}"
        raise InvalidInputError(msg) from None


def _record(where: str, data: dict[str, Any]) -> PoleRecord:
    known = {
        "id",
        "name",
        "category",
        "themes",
        "head_office_region",
        "other_regions",
        "evaluation_group_2008",
        "history",
    }
    if extra := data.keys() - known:
        msg = f"{where}: unknown key(s) {sorted(extra)}"
        raise InvalidInputError(msg)
    group = data.get("evaluation_group_2008")
    try:
        return PoleRecord(
            id=_str(data.get("id")),
            name=_fact(f"{where}.name", data.get("name"), _str),
            category=_fact(f"{where}.category", data.get("category"), Category),
            themes=tuple(
                _fact(f"{where}.themes.{i}", t, _str) for i, t in enumerate(data.get("themes", ()))
            ),
            head_office_region=_fact(
                f"{where}.head_office_region", data.get("head_office_region"), _str
            ),
            other_regions=_fact(f"{where}.other_regions", data.get("other_regions"), _codes),
            evaluation_group_2008=None
            if group is None
            else _fact(f"{where}.evaluation_group_2008", group, lambda v: EvaluationGroup(_int(v))),
            history=tuple(
                _event(f"{where}.history.{i}", e) for i, e in enumerate(data.get("history", ()))
            ),
        )
    except InvalidInputError as exc:
        if str(exc).startswith(where):
            raise
        msg = f"{where}: {exc}"
        raise InvalidInputError(msg) from None


@cache
def rhone_alpes_pole_records() -> tuple[PoleRecord, ...]:
    """
    Return the Rhône-Alpes pôles of Phase 2 with the source of each fact.

    Twelve pôles: Minalogic and Lyonbiopôle (mondiaux), Axelera (à vocation
    mondiale), Arve Industries, Imaginove, LUTB, Plastipolis, Techtera,
    Tenerrdis, Viaméca, Sporaltec (delabelled on 11 May 2010) and Trimatec.
    Only the first three categories are sourced; the others are NATIONAL as
    an assumption. Their labelling on 12 July 2005 is sourced (inferred) for
    the first three and an assumption for the others, whose notes say what
    is known instead (e.g. a performance contract signed on 6 July 2009).

    Raises:
        InvalidInputError: If the packaged file is malformed (a packaging bug).
    """
    data = _load(_POLES_FILE)
    return tuple(_record(f"{_POLES_FILE}: pole.{i}", p) for i, p in enumerate(data["pole"]))


def rhone_alpes_poles() -> tuple[Pole, ...]:
    """Return the Rhône-Alpes pôles of Phase 2 as domain objects (sources: the records)."""
    return tuple(r.pole for r in rhone_alpes_pole_records())


@cache
def _facts() -> Mapping[str, ReferenceFact[int]]:
    data = _load(_FIGURES_FILE)
    return MappingProxyType(
        {
            key: _fact(f"{_FIGURES_FILE}: fact.{key}", value, _int)
            for key, value in data["fact"].items()
        }
    )


def reference_facts() -> Mapping[str, ReferenceFact[int]]:
    """
    Return the national figures of Phase 2, by name.

    ``poles.total_2009`` (71), ``poles.mondial_2009`` (7),
    ``poles.vocation_mondiale_2009`` (10), ``poles.national_2009`` (54,
    inferred: 71 - 7 - 10) and the 2008 evaluation groups
    ``evaluation_2008.group_1`` / ``_2`` / ``_3`` (39 / 19 / 13).
    """
    return _facts()


# --- checking a list ---------------------------------------------------------------------------

_CATEGORY_KEYS = {
    Category.MONDIAL: "poles.mondial_2009",
    Category.VOCATION_MONDIALE: "poles.vocation_mondiale_2009",
    Category.NATIONAL: "poles.national_2009",
}
_GROUP_KEYS = {
    EvaluationGroup.GROUP_1: "evaluation_2008.group_1",
    EvaluationGroup.GROUP_2: "evaluation_2008.group_2",
    EvaluationGroup.GROUP_3: "evaluation_2008.group_3",
}


def check_pole_list(
    poles: Iterable[Pole], on: date = date(_FIGURES_YEAR, 1, 1)
) -> tuple[Discrepancy, ...]:
    """
    Compare a full list of pôles with the national figures of 2009.

    The pôles labelled on *on* are counted: in total, per category and per
    2008 evaluation group (a pôle without a group counts in none). Counts
    are over the entries as given, so a repeated pôle shows both as a
    repeated id and in the counts. Every difference is reported.

    Args:
        poles: The list to check: every pôle, labelled or not on *on*.
        on: A day of 2009, the year the national figures describe.

    Returns:
        Every discrepancy (total, categories, groups, then repeated ids),
        or an empty tuple when the list is consistent with the figures.

    Raises:
        InvalidInputError: If *on* is not in 2009.
    """
    if on.year != _FIGURES_YEAR:
        msg = (
            f"on: {on.isoformat()} is outside {_FIGURES_YEAR}, the year the national figures "
            "describe"
        )
        raise InvalidInputError(msg)
    entries = tuple(poles)
    labelled = [p for p in entries if p.is_labelled_on(on)]
    facts = reference_facts()
    found: dict[str, int] = {"poles.total_2009": len(labelled)}
    categories = Counter(p.category for p in labelled)
    groups = Counter(p.evaluation_group_2008 for p in labelled)
    found.update({key: categories[c] for c, key in _CATEGORY_KEYS.items()})
    found.update({key: groups[g] for g, key in _GROUP_KEYS.items()})
    out = [
        Discrepancy(
            key=key,
            expected=facts[key].value,
            found=count,
            source=facts[key].source,
            note=facts[key].note,
        )
        for key, count in found.items()
        if count != facts[key].value
    ]
    ids = Counter(p.id for p in entries)
    out.extend(
        Discrepancy(
            key="pole.id",
            expected=1,
            found=n,
            source="Pole.id: an id names one pôle",
            note=f"id {pid!r} appears {n} times",
        )
        for pid, n in ids.items()
        if n > 1
    )
    return tuple(out)
