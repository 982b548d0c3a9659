"""
Parameter sets: every parameter a rule may read, and reforms of them.

A :class:`ParameterSet` is immutable. A reform scenario is a *new* set made
with :meth:`ParameterSet.override`; the default set is never changed, so
a baseline and a reform can be evaluated side by side.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, TypeVar, cast

import attrs

from poles_policy._arguments import listed, refuse
from poles_policy.dates import not_a_day
from poles_policy.exceptions import ParameterError, UnknownParameterError, WrongTypeError
from poles_policy.explain import OPEN_START
from poles_policy.parameters.history import DatedValue, Parameter
from poles_policy.parameters.units import ParameterValue, coerce_value, render_value

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from poles_policy.explain import ParameterUse

__all__ = ["MEMO_SIZE", "OVERRIDE_EPOCH", "ParameterSet"]

OVERRIDE_EPOCH: Final = OPEN_START
"""The first day of an override that replaces a parameter's whole history."""

MEMO_SIZE: Final = 4096
"""How many (names, date) answers :meth:`ParameterSet.values_at` remembers per set."""

_T = TypeVar("_T")
_ABSENT: Final = object()

_DAY: Final = timedelta(days=1)
_LABEL_SEPARATOR: Final = " + "


def _by_name(parameters: Iterable[Parameter]) -> tuple[Parameter, ...]:
    items = listed(parameters, Parameter, "ParameterSet", "parameters")
    return tuple(sorted(items, key=lambda p: p.name))


def _override_label(label: str, new: DatedValue, name: str, *, whole: bool) -> str:
    """
    *label* with the override of *name* by *new*: ``"default + relay.national_from=2010-01-01"``.

    An override of the whole history (*whole*) replaces the earlier ones of
    *name* in the label, as it does in the history; one over a window is
    added after them, with its window.
    """
    part = f"{name}={render_value(new.value)}"
    if not whole:
        window = [f"from {new.valid_from.isoformat()}"]
        if new.valid_until is not None:
            window.append(f"until {new.valid_until.isoformat()}")
        part = " ".join([part, *window])
    base, *parts = label.split(_LABEL_SEPARATOR)
    if whole:
        parts = [p for p in parts if p.split("=", 1)[0] != name]
    return _LABEL_SEPARATOR.join([base, *parts, part])


def _label(value: object) -> None:
    if not isinstance(value, str):
        refuse("ParameterSet", "label", "a string", value)


@attrs.frozen(kw_only=True, repr=False)
class ParameterSet(Mapping[str, Parameter]):
    """
    An immutable set of parameters, looked up by name and date.

    It is a read-only mapping from names to :class:`Parameter` objects,
    iterated in name order. Looking up an unknown name raises
    :class:`~poles_policy.exceptions.UnknownParameterError` with the closest
    names as suggestions.

    Attributes:
        parameters: The parameters, sorted by name.
        label: Which set this is, for reports: ``"default"``, or e.g.
            ``"default + relay.national_from=2010-01-01"`` after an override.

    Raises:
        ParameterError: If two parameters have the same name.

    Example:
        >>> from datetime import date
        >>> from poles_policy.parameters import default_parameters
        >>> params = default_parameters()
        >>> params.value("relay.pilot_regions", date(2009, 7, 1))
        ('82',)
        >>> reform = params.override("relay.national_from", date(2010, 1, 1))
        >>> reform.label
        'default + relay.national_from=2010-01-01'
        >>> params.value("relay.national_from", date(2011, 1, 1)) is None
        True
    """

    parameters: tuple[Parameter, ...] = attrs.field(converter=_by_name)
    label: str = attrs.field(default="custom", validator=lambda _, __, value: _label(value))
    _index: dict[str, Parameter] = attrs.field(init=False, eq=False)
    _names: tuple[str, ...] = attrs.field(init=False, eq=False)
    # Answers of values_at and derived, by (names or name, date): a set never changes.
    _memo: dict[tuple[object, date], Any] = attrs.field(init=False, eq=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        index: dict[str, Parameter] = {}
        for p in self.parameters:
            if p.name in index:
                msg = f"parameter {p.name!r} is defined twice in parameter set {self.label!r}"
                raise ParameterError(msg)
            index[p.name] = p
        object.__setattr__(self, "_index", index)
        object.__setattr__(self, "_names", tuple(index))

    def __repr__(self) -> str:
        return f"<ParameterSet {self.label!r}: {len(self)} parameters>"

    # -- mapping -----------------------------------------------------------------------------

    def __getitem__(self, name: str) -> Parameter:
        given: object = name  # typed callers pass a string; others may not
        if not isinstance(given, str):
            msg = (
                f"a parameter's name is a string such as 'relay.pilot_regions', not "
                f"{type(given).__name__} {given!r}"
            )
            raise WrongTypeError(msg)
        found = self._index.get(name)
        if found is not None:
            return found
        # Names share dotted prefixes, so difflib's default cutoff (0.6) suggests too much.
        close = difflib.get_close_matches(name, self._names, n=3, cutoff=0.75)
        hint = f"; did you mean {', '.join(map(repr, close))}?" if close else ""
        msg = f"unknown parameter {name!r} in parameter set {self.label!r}{hint}"
        raise UnknownParameterError(msg)

    def __contains__(self, name: object) -> bool:
        return name in self._index

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)

    # -- lookups -----------------------------------------------------------------------------

    def at(self, name: str, on: date) -> DatedValue | None:
        """
        Return the value of parameter *name* in force on *on*, or ``None``.

        Raises:
            UnknownParameterError: If the set has no parameter *name*.

        >>> from poles_policy.parameters import default_parameters
        >>> fee = default_parameters().at("relay.oseo.guarantee_fee_rate", date(2009, 3, 16))
        >>> fee.value, fee.valid_from
        (Decimal('0.008'), datetime.date(2008, 4, 1))
        """
        # The dict lookup is the hot path; self[name] only runs to raise with suggestions.
        parameter = (self._index.get(name) if type(name) is str else None) or self[name]
        return parameter.at(on)

    def require(self, name: str, on: date) -> DatedValue:
        """
        Return the value of parameter *name* in force on *on*.

        Raises:
            UnknownParameterError: If the set has no parameter *name*.
            ParameterError: If no value of *name* is in force on *on*.

        >>> from poles_policy.parameters import default_parameters
        >>> default_parameters().require("relay.oseo.guarantee_share", date(2008, 3, 31))
        Traceback (most recent call last):
        ...
        poles_policy.exceptions.ParameterError: relay.oseo.guarantee_share has no value in ...
        """
        parameter = self[name]
        found = parameter.at(on)
        if found is None:
            msg = (
                f"{name} has no value in force on {on.isoformat()} "
                f"(parameter set {self.label!r}): {_in_force(parameter)}"
            )
            raise ParameterError(msg)
        return found

    def value(self, name: str, on: date) -> ParameterValue | None:
        """
        Return the bare value of parameter *name* in force on *on*, or ``None``.

        Raises:
            UnknownParameterError: If the set has no parameter *name*.

        >>> from poles_policy.parameters import default_parameters
        >>> params = default_parameters()
        >>> params.value("relay.oseo.guarantee_share", date(2009, 3, 16))
        Decimal('0.50')
        >>> params.value("relay.national_from", date(2009, 3, 16)) is None  # never decided
        True
        """
        found = ((self._index.get(name) if type(name) is str else None) or self[name]).at(on)
        return None if found is None else found.value

    def values_at(self, names: tuple[str, ...], on: date) -> tuple[ParameterValue | None, ...]:
        """
        Return the bare values of the parameters *names* in force on *on*, in that order.

        A rule that reads several parameters for every case calls this once:
        the answer is remembered for each (names, date) pair, which is safe
        because a set never changes. At most ``MEMO_SIZE`` pairs are kept.

        Raises:
            UnknownParameterError: If the set has no parameter of one of the *names*.

        >>> from poles_policy.parameters import default_parameters
        >>> default_parameters().values_at(
        ...     ("relay.pilot_regions", "relay.national_from"), date(2009, 7, 1)
        ... )
        (('82',), None)
        """
        key = (names, on)
        try:
            found = self._memo.get(key)
        except TypeError:  # unhashable: a list of names, say
            msg = f"values_at: names must be a tuple of names, not {type(names).__name__}"
            raise WrongTypeError(msg) from None
        if found is None:
            given: object = names  # a caller's slip may be anything
            if type(given) is not tuple:
                msg = f"values_at: names must be a tuple of names, not {type(given).__name__}"
                raise WrongTypeError(msg)
            found = tuple(self.value(name, on) for name in names)
            self._remember(key, found)
        return found

    def derived(self, name: str, on: date, derive: Callable[[ParameterSet, date], _T]) -> _T:
        """
        Return ``derive(self, on)``, computed once per (name, date) and then remembered.

        For a rule that turns several parameters into one structure for
        every case (the SME ceilings, say): a set never changes, so what is
        derived from it at a date never does either. *name* identifies the
        derivation and must always be used with the same *derive*. At most
        ``MEMO_SIZE`` answers, with those of :meth:`values_at`, are kept.

        >>> from poles_policy.parameters import default_parameters
        >>> params = default_parameters()
        >>> def pilot(p: ParameterSet, on: date) -> str:
        ...     return ", ".join(p.value("relay.pilot_regions", on) or ())
        >>> params.derived("doc.pilot", date(2009, 7, 1), pilot)
        '82'
        """
        key = (name, on)
        try:
            found = self._memo.get(key, _ABSENT)
        except TypeError:  # unhashable: a list, say
            msg = f"derived: name must be a string, not {type(name).__name__}"
            raise WrongTypeError(msg) from None
        if found is _ABSENT:
            given_name: object = name  # a caller's slip may be anything
            given_derive: object = derive
            if not isinstance(given_name, str):
                msg = f"derived: name must be a string, not {type(given_name).__name__}"
                raise WrongTypeError(msg)
            if not callable(given_derive):
                msg = (
                    "derived: derive must be a function of (params, on), not "
                    f"{type(given_derive).__name__}"
                )
                raise WrongTypeError(msg)
            found = derive(self, on)
            self._remember(key, found)
        return cast("_T", found)

    def _remember(self, key: tuple[object, date], value: object) -> None:
        if len(self._memo) >= MEMO_SIZE:
            self._memo.clear()
        self._memo[key] = value

    def use(self, name: str, on: date) -> ParameterUse | None:
        """
        Return the value in force on *on* as a ParameterUse for a check, or ``None``.

        Raises:
            UnknownParameterError: If the set has no parameter *name*.

        >>> from poles_policy.parameters import default_parameters
        >>> default_parameters().use("relay.oseo.guarantee_share", date(2009, 3, 16)).describe()
        'relay.oseo.guarantee_share = 0.50 (share, since 2008-04-01; sourced)'
        """
        parameter = (self._index.get(name) if type(name) is str else None) or self[name]
        return parameter.use(on)

    def decimal(self, name: str, on: date) -> Decimal:
        """
        Return the exact decimal value of *name* in force on *on* (shares, rates, amounts).

        Raises:
            UnknownParameterError: If the set has no parameter *name*.
            ParameterError: If no value is in force on *on*, or it is not a decimal.

        >>> from poles_policy.parameters import default_parameters
        >>> default_parameters().decimal("relay.oseo.guarantee_share", date(2009, 3, 16))
        Decimal('0.50')
        """
        value = self.require(name, on).value
        if not isinstance(value, Decimal):
            msg = f"{name}: {value!r} on {on.isoformat()} is not a decimal value"
            raise ParameterError(msg)
        return value

    def count(self, name: str, on: date) -> int:
        """
        Return the whole-number value of *name* in force on *on* (counts, months, days).

        Raises:
            UnknownParameterError: If the set has no parameter *name*.
            ParameterError: If no value is in force on *on*, or it is not a whole number.

        >>> from poles_policy.parameters import default_parameters
        >>> default_parameters().count("relay.promised_gain_months.low", date(2009, 3, 16))
        6
        """
        value = self.require(name, on).value
        if isinstance(value, bool) or not isinstance(value, int):
            msg = f"{name}: {value!r} on {on.isoformat()} is not a whole number"
            raise ParameterError(msg)
        return value

    def uses(self, on: date, *names: str) -> tuple[ParameterUse, ...]:
        """
        Return the values of *names* in force on *on* as ParameterUses, skipping those not in force.

        Raises:
            UnknownParameterError: If the set has no parameter of one of the names.

        >>> from poles_policy.parameters import default_parameters
        >>> uses = default_parameters().uses(
        ...     date(2009, 3, 16), "relay.promised_gain_months.low", "relay.national_from"
        ... )
        >>> [(use.name, use.value) for use in uses]  # relay.national_from has no value
        [('relay.promised_gain_months.low', '6')]
        """
        found = (self.use(name, on) for name in names)
        return tuple(use for use in found if use is not None)

    def in_force(self, on: date) -> tuple[tuple[Parameter, DatedValue | None], ...]:
        """
        Return every parameter, in name order, with its value in force on *on* (or None).

        >>> from poles_policy.parameters import default_parameters
        >>> in_force = default_parameters().in_force(date(2009, 3, 16))
        >>> [parameter.name for parameter, value in in_force if value is None]
        ['relay.national_from']
        """
        return tuple((p, p.at(on)) for p in self.parameters)

    # -- reforms -----------------------------------------------------------------------------

    def override(  # noqa: PLR0913 - the reform API; all but name and value are keywords
        self,
        name: str,
        value: object,
        *,
        valid_from: date | None = None,
        valid_until: date | None = None,
        source: str = "override",
        note: str = "",
    ) -> ParameterSet:
        """
        Return a new set in which parameter *name* takes *value*.

        This set is left unchanged. The new value is read exactly like a
        value in a parameter file (a float is refused for a decimal unit, a
        share and a yearly rate must lie in 0..1, so that 6 % a year is
        written 0.06, ...) and gets the confidence ``assumption``.

        - ``valid_from=None``: the value replaces the whole history, in force
          from the day the parameter's first value was (so that an override
          never makes a rule exist before it did: overriding the pilot's
          regions with another list changes nothing before 1 April 2008), or
          from :data:`~poles_policy.parameters.parameter_set.OVERRIDE_EPOCH`
          (1900-01-01) for a parameter without values.
        - ``valid_from`` given: earlier values are kept, cut to end the day
          before; later values are dropped.
        - ``valid_until`` given as well (or alone): the override covers only
          the window up to that day; values in force after it are kept, cut
          to start the day after.

        Args:
            name: The parameter to change.
            value: The new value, as in a file or as a Python value of the
                unit's type (a Decimal, a date, a tuple of region codes, ...).
            valid_from: First day of the new value, or None for "since the
                parameter has had a value".
            valid_until: Last day of the new value (inclusive), or None.
            source: Where the value comes from (a reform's text, a scenario).
            note: Free text kept with the value.

        Returns:
            The new set, labelled ``"<this label> + <name>=<value>"``, with
            the window when one is given (``... from 2010-01-01``); an
            override of the whole history replaces the name's earlier ones
            in the label.

        Raises:
            UnknownParameterError: If the set has no parameter *name*.
            ParameterError: If the value is invalid for the unit, the window
                is empty (``valid_until`` before ``valid_from``) or the source
                is empty.

        >>> from poles_policy.parameters import default_parameters
        >>> share = "relay.oseo.guarantee_share"
        >>> reform = default_parameters().override(share, "0.70", valid_from=date(2010, 1, 1))
        >>> reform.value(share, date(2009, 3, 16)), reform.value(share, date(2010, 3, 16))
        (Decimal('0.50'), Decimal('0.70'))
        >>> reform.label, reform.at(share, date(2010, 3, 16)).confidence
        ('default + relay.oseo.guarantee_share=0.70 from 2010-01-01', 'assumption')
        """
        parameter = self[name]
        where = f"override of {name!r}"
        for argument, day in (("valid_from", valid_from), ("valid_until", valid_until)):
            why = None if day is None else not_a_day(day)
            if why is not None:
                msg = (
                    f"{where}: {argument} must be a datetime.date or None, not "
                    f"{type(day).__name__} {day!r}{why}"
                )
                raise WrongTypeError(msg)
        first = _first_day(parameter)
        if valid_from is None and valid_until is not None and valid_until < first:
            msg = (
                f"{where}: valid_until {valid_until.isoformat()} is before {first.isoformat()}, "
                "the parameter's first day, where an override without valid_from starts; give "
                "valid_from to reach earlier"
            )
            raise ParameterError(msg)
        try:
            new = DatedValue(
                value=coerce_value(parameter.unit, value),
                valid_from=_first_day(parameter) if valid_from is None else valid_from,
                valid_until=valid_until,
                confidence="assumption",
                source=source,
                note=note,
            )
        except ParameterError as exc:
            msg = f"{where}: {exc}"
            raise ParameterError(msg) from None
        history = _splice(parameter.values, new, replace_all=valid_from is None)
        changed = attrs.evolve(parameter, values=history)
        return ParameterSet(
            parameters=(changed if p.name == name else p for p in self.parameters),
            label=_override_label(self.label, new, name, whole=valid_from is valid_until is None),
        )

    def overrides(
        self,
        values: Mapping[str, object],
        *,
        valid_from: date | None = None,
        valid_until: date | None = None,
        source: str = "override",
        note: str = "",
    ) -> ParameterSet:
        """
        Return a new set with several parameters overridden at once.

        Each item of *values* is applied in turn with :meth:`override` and
        the same window, source and note.

        >>> from poles_policy.parameters import default_parameters
        >>> reform = default_parameters().overrides(
        ...     {"relay.pilot_regions": ["82", "11"], "relay.national_from": date(2011, 1, 1)},
        ...     source="what-if: Île-de-France joins the pilot, then the scheme goes national",
        ... )
        >>> reform.label
        'default + relay.pilot_regions=11,82 + relay.national_from=2011-01-01'
        >>> reform.value("relay.pilot_regions", date(2009, 3, 16))
        ('11', '82')
        """
        given: object = values  # a caller's slip may be anything
        if not isinstance(given, Mapping):
            msg = (
                "overrides: values must be a mapping of parameter names to values, not "
                f"{type(given).__name__}"
            )
            raise WrongTypeError(msg)
        result = self
        for name, value in values.items():
            result = result.override(
                name,
                value,
                valid_from=valid_from,
                valid_until=valid_until,
                source=source,
                note=note,
            )
        return result


def _first_day(parameter: Parameter) -> date:
    """The day *parameter* first had a value, or ``OVERRIDE_EPOCH`` if it never had one."""
    return parameter.values[0].valid_from if parameter.values else OVERRIDE_EPOCH


def _splice(
    history: tuple[DatedValue, ...], new: DatedValue, *, replace_all: bool
) -> tuple[DatedValue, ...]:
    """Insert *new* into *history*, cutting the values around its window."""
    start, end = new.valid_from, new.valid_until
    before: list[DatedValue] = []
    after: list[DatedValue] = []
    for item in history:
        if not replace_all and item.valid_from < start:
            last = start - _DAY
            if item.valid_until is not None and item.valid_until < last:
                last = item.valid_until
            before.append(attrs.evolve(item, valid_until=last))
        if (
            end is not None
            and end < date.max
            and (item.valid_until is None or item.valid_until > end)
        ):
            after.append(attrs.evolve(item, valid_from=max(item.valid_from, end + _DAY)))
    return (*before, new, *after)


def _in_force(parameter: Parameter) -> str:
    """Say when *parameter* has values, for an error about a date on which it has none."""
    spans = [
        f"from {v.valid_from.isoformat()}"
        + ("" if v.valid_until is None else f" to {v.valid_until.isoformat()}")
        for v in parameter.values
    ]
    if not spans:
        return "it has no value on any date"
    shown = "; ".join(spans[:3]) + ("; ..." if len(spans) > 3 else "")
    return f"its values are in force {shown}"
