"""
State-Region project contracts and ministries' allocations (SYN.2, SYN.4).

The *contrats de projets État-Régions* (CPER, State-Region project
contracts, 2007-2013) give priority support to structuring projects linked
to pôles (SYN.4). Ministries take the pôles into account, tracked and
quantified, when they allocate resources to the research and training
bodies they supervise (SYN.2).

The priority order and the share of allocations linked to pôles are for
the rules.

**Ministries' names.** Allocations are grouped by ministry, and a ministry
is named by people, in several files: "MESR", "mesr" and "MESR " are one
ministry. :attr:`Allocation.ministry_key` is the name as compared: blanks
around it dropped, runs of blanks inside read as one space, Unicode NFC
(an accented letter typed as one character or as a letter and a combining
accent is one letter), the typographic apostrophe (’) read as ', then
without case (:meth:`str.casefold`). Accents
are kept: "Economie" and "Économie" are two names, since dropping accents
could merge two names that differ by them. The name itself is kept as
given, for display. The body and the pôle are not compared this way: the
body is not a grouping key, and a pôle is named by its id, which is matched
exactly as everywhere in the library.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import TYPE_CHECKING, Any, Final

import attrs

from poles_policy.exceptions import InvalidInputError, WrongTypeError
from poles_policy.model._validators import (
    a_date,
    an_id,
    calendar_year,
    ids,
    non_empty,
    non_negative,
    optional_id,
    readable,
    strings,
    to_eur,
    to_optional_whole,
    to_whole,
    unique,
)
from poles_policy.model.regions import is_region_code, region
from poles_policy.money import Eur

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["Allocation", "CperEnvelope", "StructuringProject"]


def _region_code(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    owner = f"{type(instance).__name__}.{attribute.name}"
    if not isinstance(value, str):
        msg = f"{owner}: {value!r} is not a region code (a string such as '82')"
        raise WrongTypeError(msg)
    if not is_region_code(value):
        msg = f"{owner}: {value!r} is not an INSEE region code such as '82'"
        raise InvalidInputError(msg)


def _ends_after_start(instance: CperEnvelope, _: attrs.Attribute[Any], value: date) -> None:
    if value <= instance.period_start:
        msg = (
            f"CperEnvelope.period_end: {value.isoformat()} is not after the start "
            f"{instance.period_start.isoformat()}"
        )
        raise InvalidInputError(msg)


def _region_in_force(instance: CperEnvelope, _: attrs.Attribute[Any], __: date) -> None:
    # A contract is signed with a region that exists when it starts: "84" (2016) in a
    # 2007-2013 contract is an input error, not a silent match. Checked once the period is
    # known to be in order: a mistyped start year is the start's error, not the region's.
    try:
        region(instance.region, instance.period_start)
    except InvalidInputError as exc:
        msg = f"CperEnvelope.region: {exc}"
        raise InvalidInputError(msg) from None


@attrs.frozen(kw_only=True)
class CperEnvelope:
    """
    A CPER envelope for a region and period (SYN.4).

    Attributes:
        id: Stable identifier, e.g. ``"cper-82-2007"``.
        region: The INSEE code of the region, in force on the first day.
        period_start: The first day of the contract period.
        period_end: The last day (inclusive), after the start.
        amount: The amount available for structuring projects.
    """

    id: str = attrs.field(validator=an_id)
    region: str = attrs.field(validator=_region_code)
    period_start: date = attrs.field(validator=a_date)
    period_end: date = attrs.field(validator=[a_date, _ends_after_start, _region_in_force])
    amount: Eur = attrs.field(converter=to_eur, validator=non_negative)


def _pole_ids(values: Iterable[str]) -> tuple[str, ...]:
    return strings(values, "StructuringProject.pole_ids")


def _distinct_poles(instance: object, _: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    unique("pôle", f"{type(instance).__name__}.pole_ids", value)


def _rank(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    msg = f"{type(instance).__name__}.{attribute.name}: {value!r} is not a rank (1 is first)"
    if isinstance(value, bool) or not isinstance(value, int):
        raise WrongTypeError(msg)
    if value < 1:
        raise InvalidInputError(msg)


@attrs.frozen(kw_only=True)
class StructuringProject:
    """
    A structuring project (*projet structurant*) put forward for CPER funding (SYN.4).

    Attributes:
        id: Stable identifier within a case.
        name: Its name.
        region: The INSEE code of its region.
        pole_ids: The pôles it is linked to; empty when it is linked to none
            (it is then not a priority under SYN.4).
        requested: The amount requested from the envelope.
        priority_rank: Its rank in the region's priority list (1 is first),
            or ``None`` if not ranked.
    """

    id: str = attrs.field(validator=an_id)
    name: str = attrs.field(validator=non_empty)
    region: str = attrs.field(validator=_region_code)
    pole_ids: tuple[str, ...] = attrs.field(
        default=(), converter=_pole_ids, validator=[ids, _distinct_poles]
    )
    requested: Eur = attrs.field(converter=to_eur, validator=non_negative)
    priority_rank: int | None = attrs.field(
        default=None, converter=to_optional_whole, validator=_rank
    )

    @property
    def linked_to_poles(self) -> bool:
        """Whether the project is linked to at least one pôle."""
        return bool(self.pole_ids)


def _name(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    owner = f"{type(instance).__name__}.{attribute.name}"
    if not isinstance(value, str):
        msg = f"{owner}: {value!r} is not a name (text expected)"
        raise WrongTypeError(msg)
    if not value.strip():
        msg = f"{owner}: {value!r} is empty or blank; a name is required"
        raise InvalidInputError(msg)
    if not readable(value):
        msg = f"{owner}: {value!r} holds a control character; a name is plain text"
        raise InvalidInputError(msg)


# Apostrophes as word processors type them (’, ‘, ʼ, ′): French ministry names are full of them
# ("Ministère de l'Enseignement supérieur"), and one name must not become two over a quote mark.
_APOSTROPHES: Final = str.maketrans(dict.fromkeys("\u2019\u2018\u02bc\u2032", "'"))


def _name_key(name: str) -> str:
    # NFC before casefold, so that an accent typed composed or combining is one letter; and
    # after it, since casefolding decomposes a few letters (ǰ, ΐ): the key is itself in NFC.
    spaced = " ".join(unicodedata.normalize("NFC", name).translate(_APOSTROPHES).split())
    return unicodedata.normalize("NFC", spaced.casefold())


@attrs.frozen(kw_only=True)
class Allocation:
    """
    A ministry's allocation to a body it supervises (SYN.2).

    Attributes:
        ministry: The allocating ministry's name, as given; empty or blank
            is refused. Allocations are grouped by :attr:`ministry_key`, so
            "MESR", "mesr" and "MESR " are one ministry.
        body: The research or training body it supervises (*tutelle*), as
            given; empty or blank is refused.
        year: The year of the allocation.
        amount: The amount allocated.
        pole_id: The pôle the allocation is linked to, or ``None`` when it
            is not linked to a pôle.
    """

    ministry: str = attrs.field(validator=_name)
    body: str = attrs.field(validator=_name)
    year: int = attrs.field(converter=to_whole, validator=calendar_year)
    amount: Eur = attrs.field(converter=to_eur, validator=non_negative)
    pole_id: str | None = attrs.field(default=None, validator=optional_id)

    @property
    def linked_to_pole(self) -> bool:
        """Whether the allocation is flagged as linked to a pôle (SYN.2)."""
        return self.pole_id is not None

    @property
    def ministry_key(self) -> str:
        """
        The ministry's name as compared: the key allocations are grouped by (SYN.2).

        Blanks around the name are dropped and runs of blanks inside read as
        one space; the name is read in Unicode NFC, with typographic
        apostrophes (’) read as ', then without case. Accents are kept.

        >>> spellings = ("MESR", "mesr", " MESR ", "Ministe\u0300re  de la Recherche")
        >>> [
        ...     Allocation(ministry=m, body="CNRS", year=2010, amount=0).ministry_key
        ...     for m in spellings
        ... ]
        ['mesr', 'mesr', 'mesr', 'ministère de la recherche']
        >>> Allocation(
        ...     ministry="Ministère de l\u2019Agriculture", body="INRA", year=2010, amount=0
        ... ).ministry_key
        "ministère de l'agriculture"
        """
        return _name_key(self.ministry)
