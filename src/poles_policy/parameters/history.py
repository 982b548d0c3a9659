"""
Dated parameter values and the parameters that hold their history.

A :class:`Parameter` is a named policy value with a unit and a history of
:class:`DatedValue` items, each in force over a closed range of days and
each with its source and confidence. Lookups at a date are O(log n) and
allocate nothing: rules call them on every case.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Final, Literal, get_args

import attrs

from poles_policy.dates import not_a_day
from poles_policy.exceptions import ParameterError, UnknownClauseError, WrongTypeError
from poles_policy.explain import ParameterUse, validate_clause_ids
from poles_policy.parameters.units import (
    ParameterValue,
    Unit,
    coerce_value,
    is_unit,
    render_value,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["CONFIDENCES", "NAME_PATTERN", "Confidence", "DatedValue", "Parameter"]

Confidence = Literal["text", "sourced", "assumption"]
"""
How a value is known: ``text`` (the policy text itself), ``sourced`` (a
public secondary source), ``assumption`` (a modelling choice, stated as such).

>>> CONFIDENCES
('text', 'sourced', 'assumption')
>>> from poles_policy.parameters import default_parameters
>>> default_parameters().at("relay.oseo.guarantee_share", date(2009, 3, 16)).confidence
'sourced'
"""

CONFIDENCES: Final[tuple[Confidence, ...]] = get_args(Confidence)

NAME_PATTERN: Final = re.compile(r"[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+")
"""A parameter name: at least two dotted lower-case segments, e.g. ``relay.pilot_regions``."""


def _day(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, date) or isinstance(value, datetime):
        msg = f"{attribute.name} {value!r} is not a day (datetime.date)"
        raise ParameterError(msg)


def _optional_day(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _day(instance, attribute, value)


def _confidence(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value not in CONFIDENCES:
        msg = f"{attribute.name} {value!r} is not one of {', '.join(CONFIDENCES)}"
        raise ParameterError(msg)


def _note(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        msg = f"{attribute.name} {value!r} is not text"
        raise ParameterError(msg)


def _source(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        msg = f"{attribute.name} {value!r} is empty; give an address, a clause id or a reason"
        raise ParameterError(msg)


@attrs.frozen(kw_only=True)
class DatedValue:
    """
    One value of a parameter, in force from one day to another.

    Attributes:
        value: The value, of the Python type its parameter's unit fixes.
        valid_from: The first day the value is in force.
        valid_until: The last day it is in force (inclusive), or ``None``
            while it is still in force.
        confidence: ``text``, ``sourced`` or ``assumption``.
        source: An address, a clause id, or why it is an assumption.
        note: Free text: how the value was derived, caveats.

    >>> from poles_policy.parameters import default_parameters
    >>> pilot = default_parameters().at("relay.pilot_regions", date(2009, 3, 16))
    >>> pilot.value, pilot.valid_from, pilot.valid_until, pilot.confidence
    (('82',), datetime.date(2008, 4, 1), None, 'sourced')
    >>> pilot.contains(date(2008, 3, 31))
    False
    """

    value: ParameterValue
    valid_from: date = attrs.field(validator=_day)
    valid_until: date | None = attrs.field(default=None, validator=_optional_day)
    confidence: Confidence = attrs.field(validator=_confidence)
    source: str = attrs.field(validator=_source)
    note: str = attrs.field(default="", validator=_note)

    def __attrs_post_init__(self) -> None:
        if self.valid_until is not None and self.valid_until < self.valid_from:
            msg = (
                f"valid_until {self.valid_until.isoformat()} is before "
                f"valid_from {self.valid_from.isoformat()}"
            )
            raise ParameterError(msg)

    def contains(self, on: date) -> bool:
        """
        Return whether the value is in force on *on* (both ends inclusive).

        Raises:
            WrongTypeError: If *on* is not a date (a ``datetime`` is not a day).
        """
        if type(on) is not date:  # the one test on the usual path
            why = not_a_day(on)
            if why is not None:
                shown = repr(on) if len(repr(on)) <= 60 else repr(on)[:57] + "..."
                msg = (
                    f"DatedValue.contains: on must be a datetime.date, "
                    f"not {type(on).__name__} {shown}{why}"
                )
                raise WrongTypeError(msg)
        return self.valid_from <= on and (self.valid_until is None or on <= self.valid_until)


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    if isinstance(values, str | bytes) or not hasattr(values, "__iter__"):
        msg = f"clauses {values!r} is not a list of clause ids: write ('RELAY.5',)"
        raise ParameterError(msg)
    return tuple(values)


def _dated_values(values: Iterable[DatedValue]) -> tuple[DatedValue, ...]:
    given: object = values  # a caller's slip may be anything
    if isinstance(given, str | bytes) or not hasattr(given, "__iter__"):
        msg = f"values {values!r} is not a list of DatedValue"
        raise ParameterError(msg)
    out = tuple(values)
    for index, item in enumerate(out):
        thing: object = item
        if not isinstance(thing, DatedValue):
            msg = f"values[{index}] is not a DatedValue but {type(item).__name__} {item!r}"
            raise ParameterError(msg)
    return out


def _check_day(name: str, on: object) -> None:
    if not_a_day(on) is not None:
        raise _not_a_date(name, on)


def _not_a_date(name: str, on: object) -> WrongTypeError:
    # Only a failed comparison leads here: the lookups stay free of checks on their hot path.
    shown = repr(on) if len(repr(on)) <= 60 else repr(on)[:57] + "..."
    msg = f"{name}: the date read must be a datetime.date, not {type(on).__name__} {shown}"
    return WrongTypeError(msg)


@attrs.frozen(kw_only=True)
class Parameter:
    """
    A named policy value and its dated history.

    The history is sorted by ``valid_from`` and its ranges do not overlap;
    there may be gaps, and there may be no value at all (a measure never
    decided, such as the national generalisation of the relay pilot), in
    which case every lookup returns ``None``.

    Attributes:
        name: The dotted name, e.g. ``"relay.oseo.guarantee_share"``.
        description: What the value is, in one or two sentences.
        unit: One of :data:`~poles_policy.parameters.units.UNITS`.
        clauses: The clause ids of the policy text the parameter serves.
        values: The dated values, oldest first.

    Raises:
        ParameterError: If the name, unit, clauses or history are invalid,
            or a value does not have its unit's type.

    >>> from poles_policy.parameters import default_parameters
    >>> share = default_parameters()["relay.oseo.guarantee_share"]
    >>> share.unit, share.clauses, share.at(date(2009, 3, 16)).value
    ('share', ('RELAY.5',), Decimal('0.50'))
    >>> share.at(date(2008, 3, 31)) is None  # the day before the pilot
    True
    """

    name: str
    description: str
    unit: Unit
    clauses: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    values: tuple[DatedValue, ...] = attrs.field(default=(), converter=_dated_values)
    _starts: tuple[date, ...] = attrs.field(init=False, repr=False, eq=False)
    _uses: tuple[ParameterUse, ...] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        self._validate()
        object.__setattr__(self, "_starts", tuple(v.valid_from for v in self.values))
        object.__setattr__(self, "_uses", tuple(self._make_use(v) for v in self.values))

    def _validate(self) -> None:
        name: object = self.name  # a caller's slip may be anything
        if not isinstance(name, str) or not NAME_PATTERN.fullmatch(name):
            msg = (
                f"parameter name {self.name!r} is not dotted lower-case words "
                "(e.g. 'relay.pilot_regions')"
            )
            raise ParameterError(msg)
        where = f"parameter {self.name!r}"
        description: object = self.description
        if not isinstance(description, str) or not description.strip():
            msg = f"{where}: description {self.description!r} is empty"
            raise ParameterError(msg)
        if not is_unit(self.unit):
            msg = f"{where}: unknown unit {self.unit!r}"
            raise ParameterError(msg)
        try:
            validate_clause_ids(self.clauses)
        except (UnknownClauseError, WrongTypeError) as exc:
            msg = f"{where}: {exc}"
            raise ParameterError(msg) from None
        for i, item in enumerate(self.values):
            self._validate_value(i, item)
        for i in range(1, len(self.values)):
            self._validate_order(i)

    def _validate_value(self, i: int, item: DatedValue) -> None:
        where = f"parameter {self.name!r}: values[{i}]"
        try:
            expected = coerce_value(self.unit, item.value)
        except ParameterError as exc:
            msg = f"{where}: {exc}"
            raise ParameterError(msg) from None
        if type(expected) is not type(item.value) or render_value(expected) != render_value(
            item.value
        ):
            msg = (
                f"{where}: value {item.value!r} is not in the canonical form of unit "
                f"{self.unit!r} ({expected!r})"
            )
            raise ParameterError(msg)

    def _validate_order(self, i: int) -> None:
        before, item = self.values[i - 1], self.values[i]
        where = f"parameter {self.name!r}: values[{i}]"
        if item.valid_from < before.valid_from:
            msg = (
                f"{where}: valid_from {item.valid_from.isoformat()} is before the previous "
                f"value's {before.valid_from.isoformat()}; values must be sorted by valid_from"
            )
            raise ParameterError(msg)
        if before.valid_until is None or before.valid_until >= item.valid_from:
            until = "open" if before.valid_until is None else before.valid_until.isoformat()
            msg = (
                f"{where}: valid_from {item.valid_from.isoformat()} overlaps values[{i - 1}] "
                f"(valid until {until}); end the earlier value the day before at the latest"
            )
            raise ParameterError(msg)

    def _make_use(self, item: DatedValue) -> ParameterUse:
        return ParameterUse(
            name=self.name,
            value=render_value(item.value),
            unit=self.unit,
            valid_from=item.valid_from,
            source=item.source,
            confidence=item.confidence,
        )

    # at() and use() are on the hot path of every rule: they are written out in full, without
    # a shared helper, because a method call costs as much as the lookup itself.

    def at(self, on: date) -> DatedValue | None:
        """
        Return the value in force on *on*, or ``None`` when none is.

        O(log n) in the length of the history, without allocation.

        Raises:
            WrongTypeError: If *on* is not a date.
        """
        try:
            i = bisect_right(self._starts, on) - 1
        except TypeError:
            raise _not_a_date(self.name, on) from None
        if i < 0:
            _check_day(self.name, on)  # an empty history compares nothing
            return None
        item = self.values[i]
        until = item.valid_until
        return item if until is None or on <= until else None

    def use(self, on: date) -> ParameterUse | None:
        """
        Return the value in force on *on* as a :class:`~poles_policy.explain.ParameterUse`.

        A check records it to say which value, from which date and source,
        it read. The objects are built once, so repeated calls allocate
        nothing.

        Raises:
            WrongTypeError: If *on* is not a date.
        """
        try:
            i = bisect_right(self._starts, on) - 1
        except TypeError:
            raise _not_a_date(self.name, on) from None
        if i < 0:
            _check_day(self.name, on)  # an empty history compares nothing
            return None
        until = self.values[i].valid_until
        return self._uses[i] if until is None or on <= until else None
