"""
State-Region project contracts and ministries' allocations (SYN.2, SYN.4).

The *contrats de projets État-Régions* (CPER, State-Region project
contracts, 2007-2013) give priority support to structuring projects linked
to pôles (SYN.4). Ministries take the pôles into account, tracked and
quantified, when they allocate resources to the research and training
bodies they supervise (SYN.2).

The priority order and the share of allocations linked to pôles are for
the rules.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Final

import attrs

from poles_policy.exceptions import InvalidInputError
from poles_policy.model._validators import (
    ids,
    non_empty,
    non_negative,
    to_eur,
    to_tuple,
    unique,
    whole_number,
)
from poles_policy.model.regions import all_regions, region
from poles_policy.money import Eur

__all__ = ["Allocation", "CperEnvelope", "StructuringProject"]

_KNOWN_CODES: Final = frozenset(r.code for r in all_regions())


def _region_code(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or value not in _KNOWN_CODES:
        msg = (
            f"{type(instance).__name__}.{attribute.name}: {value!r} is not an INSEE region code "
            "such as '82'"
        )
        raise InvalidInputError(msg)


def _ends_after_start(instance: CperEnvelope, _: attrs.Attribute[Any], value: date) -> None:
    if value <= instance.period_start:
        msg = (
            f"CperEnvelope.period_end: {value.isoformat()} is not after the start "
            f"{instance.period_start.isoformat()}"
        )
        raise InvalidInputError(msg)


def _region_in_force(instance: CperEnvelope, _: attrs.Attribute[Any], value: date) -> None:
    # A contract is signed with a region that exists when it starts: "84" (2016) in a
    # 2007-2013 contract is an input error, not a silent match.
    try:
        region(instance.region, value)
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

    id: str = attrs.field(validator=non_empty)
    region: str = attrs.field(validator=_region_code)
    period_start: date = attrs.field(validator=_region_in_force)
    period_end: date = attrs.field(validator=_ends_after_start)
    amount: Eur = attrs.field(converter=to_eur, validator=non_negative)


def _distinct_poles(instance: object, _: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    unique("pôle", f"{type(instance).__name__}.pole_ids", value)


def _rank(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
        msg = f"{type(instance).__name__}.{attribute.name}: {value!r} is not a rank (1 is first)"
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

    id: str = attrs.field(validator=non_empty)
    name: str = attrs.field(validator=non_empty)
    region: str = attrs.field(validator=_region_code)
    pole_ids: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, validator=[ids, _distinct_poles]
    )
    requested: Eur = attrs.field(converter=to_eur, validator=non_negative)
    priority_rank: int | None = attrs.field(default=None, validator=_rank)

    @property
    def linked_to_poles(self) -> bool:
        """Whether the project is linked to at least one pôle."""
        return bool(self.pole_ids)


def _optional_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        msg = f"{type(instance).__name__}.{attribute.name}: {value!r} is not an id"
        raise InvalidInputError(msg)


@attrs.frozen(kw_only=True)
class Allocation:
    """
    A ministry's allocation to a body it supervises (SYN.2).

    Attributes:
        ministry: The allocating ministry.
        body: The research or training body it supervises (*tutelle*).
        year: The year of the allocation.
        amount: The amount allocated.
        pole_id: The pôle the allocation is linked to, or ``None`` when it
            is not linked to a pôle.
    """

    ministry: str = attrs.field(validator=non_empty)
    body: str = attrs.field(validator=non_empty)
    year: int = attrs.field(validator=whole_number)
    amount: Eur = attrs.field(converter=to_eur, validator=non_negative)
    pole_id: str | None = attrs.field(default=None, validator=_optional_id)

    @property
    def linked_to_pole(self) -> bool:
        """Whether the allocation is flagged as linked to a pôle (SYN.2)."""
        return self.pole_id is not None
