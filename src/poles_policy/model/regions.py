"""
French regions of the policy period and their 2016 successors.

A region is known by its INSEE code (code officiel géographique, the official
geographic code), e.g. ``"82"`` for Rhône-Alpes. Phase 2 of the pôles policy
(2009-2012) ran under the 22 metropolitan regions and the overseas ones; on
1 January 2016 seven new regions replaced sixteen of them. A code is only
meaningful on a date: ``"84"`` (Auvergne-Rhône-Alpes) did not exist in 2009,
``"82"`` no longer exists after 2015, and using either on the wrong date is an
input error, never a silent match.

Codes whose region continued unchanged (11, 52, 53, 93, 94 and the overseas
regions) are one record spanning both periods. Code ``"24"`` is two records:
Centre until 2015-12-31, then Centre-Val de Loire. The 2016 regions carry
their definitive names.

Source for every record: INSEE, Code officiel géographique
(:data:`SOURCE`), confidence ``sourced``.

>>> region("82", date(2009, 7, 6)).name
'Rhône-Alpes'
>>> successor("82").name
'Auvergne-Rhône-Alpes'
"""

from __future__ import annotations

import enum
import re
from datetime import date
from typing import Any

import attrs

from poles_policy._arguments import expect_day
from poles_policy.dates import not_a_day
from poles_policy.exceptions import InvalidInputError, WrongTypeError
from poles_policy.model._validators import is_a, non_empty, optional_date

__all__ = [
    "CONFIDENCE",
    "REFORM_2016",
    "SOURCE",
    "Region",
    "RegionKind",
    "all_regions",
    "existed_by",
    "is_region_code",
    "predecessors",
    "region",
    "regions_on",
    "successor",
]

SOURCE = "https://www.insee.fr/fr/information/2560452"
"""INSEE, Code officiel géographique: the source of every region record."""

CONFIDENCE = "sourced"
"""The confidence of every region record (a public secondary source)."""

REFORM_2016 = date(2016, 1, 1)
"""The day the 2016 regions replaced the merged ones."""

_LAST_HISTORIC_DAY = date(2015, 12, 31)
_CODE = re.compile(r"[0-9]{2}")


class RegionKind(enum.Enum):
    """Which period a region record belongs to."""

    HISTORIC = "historic"
    """A region of the policy period that ended on 2015-12-31 (merged or renamed)."""
    REGION_2016 = "2016"
    """A region created on 2016-01-01."""
    CONTINUING = "continuing"
    """A region of the policy period that continues unchanged from 2016."""


def _code(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not _CODE.fullmatch(value):
        msg = f"{type(instance).__name__}.{attribute.name}: {value!r} is not a two-digit INSEE code"
        # A code of the wrong type (the int 82) is a WrongTypeError, as for every field.
        raise (InvalidInputError if isinstance(value, str) else WrongTypeError)(msg)


def _optional_code(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _code(instance, attribute, value)


@attrs.frozen(kw_only=True)
class Region:
    """
    A French region over the period its INSEE code denotes it.

    Attributes:
        code: The INSEE region code, two digits (``"82"``).
        name: The region's name (``"Rhône-Alpes"``).
        valid_from: The first day the code denotes this region, or ``None``
            when it already did before the policy period (the creation date
            is not recorded here).
        valid_until: The last day (inclusive) the code denotes this region,
            or ``None`` while it still does.
        kind: HISTORIC, REGION_2016 or CONTINUING.
        successor: For a HISTORIC region, the code of the 2016 region its
            territory joined; ``None`` otherwise.

    Raises:
        WrongTypeError: If *kind* is not a :class:`RegionKind`, or a validity
            bound is neither a date nor ``None`` (a ``datetime`` is not a day).
        InvalidInputError: If a field breaks an invariant (a code that is not
            two digits, an end before the start, a successor for a region
            that is not historic).
    """

    code: str = attrs.field(validator=_code)
    name: str = attrs.field(validator=non_empty)
    valid_from: date | None = attrs.field(default=None, validator=optional_date)
    valid_until: date | None = attrs.field(default=None, validator=optional_date)
    kind: RegionKind = attrs.field(validator=is_a(RegionKind))
    successor: str | None = attrs.field(default=None, validator=_optional_code)

    def __attrs_post_init__(self) -> None:
        if (
            self.valid_from is not None
            and self.valid_until is not None
            and self.valid_until < self.valid_from
        ):
            msg = (
                f"Region.valid_until: {self.valid_until.isoformat()} is before valid_from "
                f"{self.valid_from.isoformat()} (region {self.code!r})"
            )
            raise InvalidInputError(msg)
        historic = self.kind is RegionKind.HISTORIC
        if historic != (self.successor is not None):
            msg = (
                f"Region.successor: {self.successor!r} for region {self.code!r} of kind "
                f"{self.kind.value!r}; a successor is given for historic regions and only them"
            )
            raise InvalidInputError(msg)
        if historic and self.valid_until is None:
            msg = f"Region.valid_until: None for historic region {self.code!r}; give its last day"
            raise InvalidInputError(msg)

    def is_valid_on(self, on: date) -> bool:
        """
        Return True if the code denotes this region on *on*.

        Raises:
            WrongTypeError: If *on* is not a date.
        """
        if type(on) is not date:  # the one test on the usual path
            expect_day(on, "Region.is_valid_on", "on")
        starts = self.valid_from is None or self.valid_from <= on
        return starts and (self.valid_until is None or on <= self.valid_until)

    def describe_validity(self) -> str:
        """Return the validity period in words, e.g. ``valid from 2016-01-01``."""
        parts = []
        if self.valid_from is not None:
            parts.append(f"valid from {self.valid_from.isoformat()}")
        if self.valid_until is not None:
            parts.append(f"valid until {self.valid_until.isoformat()}")
        return ", ".join(parts) or "always valid"


def _historic(code: str, name: str, successor_code: str) -> Region:
    return Region(
        code=code,
        name=name,
        valid_until=_LAST_HISTORIC_DAY,
        kind=RegionKind.HISTORIC,
        successor=successor_code,
    )


def _continuing(code: str, name: str, valid_from: date | None = None) -> Region:
    return Region(code=code, name=name, valid_from=valid_from, kind=RegionKind.CONTINUING)


def _new(code: str, name: str) -> Region:
    return Region(code=code, name=name, valid_from=REFORM_2016, kind=RegionKind.REGION_2016)


_REGIONS: tuple[Region, ...] = (
    _continuing("01", "Guadeloupe"),
    _continuing("02", "Martinique"),
    _continuing("03", "Guyane"),
    _continuing("04", "La Réunion"),
    # Mayotte became a region (and a département) on 31 March 2011.
    _continuing("06", "Mayotte", valid_from=date(2011, 3, 31)),
    _continuing("11", "Île-de-France"),
    _historic("21", "Champagne-Ardenne", "44"),
    _historic("22", "Picardie", "32"),
    _historic("23", "Haute-Normandie", "28"),
    _historic("24", "Centre", "24"),
    _new("24", "Centre-Val de Loire"),
    _historic("25", "Basse-Normandie", "28"),
    _historic("26", "Bourgogne", "27"),
    _new("27", "Bourgogne-Franche-Comté"),
    _new("28", "Normandie"),
    _historic("31", "Nord-Pas-de-Calais", "32"),
    _new("32", "Hauts-de-France"),
    _historic("41", "Lorraine", "44"),
    _historic("42", "Alsace", "44"),
    _historic("43", "Franche-Comté", "27"),
    _new("44", "Grand Est"),
    _continuing("52", "Pays de la Loire"),
    _continuing("53", "Bretagne"),
    _historic("54", "Poitou-Charentes", "75"),
    _historic("72", "Aquitaine", "75"),
    _historic("73", "Midi-Pyrénées", "76"),
    _historic("74", "Limousin", "75"),
    _new("75", "Nouvelle-Aquitaine"),
    _new("76", "Occitanie"),
    _historic("82", "Rhône-Alpes", "84"),
    _historic("83", "Auvergne", "84"),
    _new("84", "Auvergne-Rhône-Alpes"),
    _historic("91", "Languedoc-Roussillon", "76"),
    _continuing("93", "Provence-Alpes-Côte d'Azur"),
    _continuing("94", "Corse"),
)

_BY_CODE: dict[str, tuple[Region, ...]] = {}
for _r in _REGIONS:
    _BY_CODE[_r.code] = (*_BY_CODE.get(_r.code, ()), _r)
del _r


def all_regions() -> tuple[Region, ...]:
    """Return every region record, by code then date: both periods."""
    return _REGIONS


def is_region_code(code: object) -> bool:
    """
    Tell whether *code* is the INSEE code of a region of either period.

    Whether it was in force on a given date is for :func:`region`.

    >>> is_region_code("82"), is_region_code("84"), is_region_code("82 "), is_region_code(82)
    (True, True, False, False)
    """
    return isinstance(code, str) and code in _BY_CODE


def existed_by(code: str, on: date) -> bool:
    """
    Tell whether *code* denoted a region on *on* or on some day before it.

    A code that has since gone (``"82"`` after 2015) existed by then; one
    created later (``"84"`` before 2016) or unknown did not.

    >>> existed_by("82", date(2017, 1, 1)), existed_by("84", date(2009, 7, 1))
    (True, False)
    """
    why = not_a_day(on)
    if why is not None:
        msg = f"existed_by: on must be a datetime.date, not {type(on).__name__} {on!r}{why}"
        raise WrongTypeError(msg)
    given: object = code  # typed callers pass a string; others may not
    if not isinstance(given, str):
        msg = (
            f"existed_by: code must be a string such as '82', not {type(given).__name__} {given!r}"
        )
        raise WrongTypeError(msg)
    return any(r.valid_from is None or r.valid_from <= on for r in _BY_CODE.get(code, ()))


def _records(code: str) -> tuple[Region, ...]:
    try:
        return _BY_CODE[code]
    except (KeyError, TypeError):
        msg = f"unknown region code {code!r}"
        raise InvalidInputError(msg) from None


def region(code: str, on: date) -> Region:
    """
    Return the region the INSEE *code* denoted on *on*.

    Raises:
        WrongTypeError: If *on* is not a date.
        InvalidInputError: If the code is unknown, or did not denote a
            region on that date (the message gives its validity).

    >>> region("84", date(2009, 7, 1))
    Traceback (most recent call last):
    ...
    poles_policy.exceptions.InvalidInputError: region code '84' did not exist on 2009-07-01 (valid from 2016-01-01)
    """  # noqa: E501 - a doctest's traceback line cannot wrap
    if type(on) is not date:
        expect_day(on, "region", "on")
    records = _records(code)
    for record in records:
        if record.is_valid_on(on):
            return record
    validity = "; ".join(_validity_with_successor(r) for r in records)
    msg = f"region code {code!r} did not exist on {on.isoformat()} ({validity})"
    raise InvalidInputError(msg)


def _validity_with_successor(record: Region) -> str:
    text = record.describe_validity()
    if record.successor is not None:
        text += f", then part of {record.successor!r}"
    return text


def regions_on(on: date) -> tuple[Region, ...]:
    """
    Return every region in existence on *on*, by code.

    Raises:
        WrongTypeError: If *on* is not a date.

    >>> len(regions_on(date(2009, 1, 1))), len(regions_on(date(2016, 1, 1)))
    (26, 18)
    """
    if type(on) is not date:
        expect_day(on, "regions_on", "on")
    return tuple(r for r in _REGIONS if r.is_valid_on(on))


def successor(code: str, on_or_after: date = REFORM_2016) -> Region:
    """
    Return the region that covers *code*'s territory on *on_or_after*.

    A code still valid on that date is its own successor (Île-de-France,
    or a 2016 region); a historic code leads to the 2016 region its
    territory joined.

    Raises:
        WrongTypeError: If *on_or_after* is not a date.
        InvalidInputError: If the code is unknown, or neither it nor a
            successor of it existed on *on_or_after*.

    >>> successor("91").name
    'Occitanie'
    >>> successor("11").name
    'Île-de-France'
    """
    if type(on_or_after) is not date:
        expect_day(on_or_after, "successor", "on_or_after")
    records = _records(code)
    for record in records:
        if record.is_valid_on(on_or_after):
            return record
    for record in reversed(records):
        ended = record.valid_until is not None and record.valid_until < on_or_after
        if ended and record.successor is not None:
            return region(record.successor, on_or_after)
    msg = (
        f"region code {code!r} has no successor on {on_or_after.isoformat()} "
        f"({'; '.join(r.describe_validity() for r in records)})"
    )
    raise InvalidInputError(msg)


def predecessors(code_2016: str) -> tuple[Region, ...]:
    """
    Return the regions of the policy period whose territory forms *code_2016*.

    For a merged region, the historic regions it joined; for a renamed one
    (24), the old record; for a region that continued unchanged (11, 52, 53,
    93, 94, overseas), the region itself.

    Raises:
        InvalidInputError: If *code_2016* is unknown or not a region on
            2016-01-01.

    >>> [r.name for r in predecessors("84")]
    ['Rhône-Alpes', 'Auvergne']
    """
    current = region(code_2016, REFORM_2016)
    if current.kind is RegionKind.CONTINUING:
        return (current,)
    return tuple(r for r in _REGIONS if r.successor == code_2016)
