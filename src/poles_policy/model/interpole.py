"""
Files carried jointly by several pôles, and the funding granted to them (GOV.4).

GOV.4 encourages the pôles of one theme, or of complementary themes, to
coordinate nationally. An *inter-pôle* file (*dossier inter-pôles*) is the
form that coordination takes when it is funded: several pôles carry it, one
of them leads it (the *pôle chef de file*), and the funding granted for it
goes to the lead pôle, which passes on their parts to the others (FACTS.md
section 5). Whether a file is funded that way is for the rules
(:func:`poles_policy.rules.interpole.inter_pole_funding`); the object holds
the facts:

- the lead pôle and the other carrying pôles, each named once;
- the amount granted and the day it was decided;
- when the pôles have agreed on it, how the amount is split between them:
  each part names a carrying pôle, at most once, and the parts add up to
  the amount granted, to the cent.

A file carried by its lead pôle alone, or without an agreed split, is a
valid object: the rule says what it lacks.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import attrs

from poles_policy._arguments import refuse
from poles_policy.exceptions import InvalidInputError
from poles_policy.model._validators import (
    a_date,
    an_id,
    ids,
    is_a,
    items,
    non_empty,
    non_negative,
    strings,
    to_eur,
    unique,
)
from poles_policy.model.projects import Funder
from poles_policy.money import ZERO, Eur, total

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["InterPoleFile", "PoleShare"]


@attrs.frozen(kw_only=True)
class PoleShare:
    """
    The part of an inter-pôle file's funding agreed for one of its pôles.

    Attributes:
        pole_id: The carrying pôle.
        amount: Its part of the amount granted, in euros (zero allowed).
    """

    pole_id: str = attrs.field(validator=an_id)
    amount: Eur = attrs.field(converter=to_eur, validator=non_negative)


def _others(values: Iterable[str]) -> tuple[str, ...]:
    return strings(values, "InterPoleFile.other_pole_ids")


def _distinct_others(
    instance: InterPoleFile, _: attrs.Attribute[Any], value: tuple[str, ...]
) -> None:
    unique("pôle", "InterPoleFile.other_pole_ids", value)
    if instance.lead_pole_id in value:
        msg = (
            f"InterPoleFile.other_pole_ids: the lead pôle {instance.lead_pole_id!r} is named "
            "among the other pôles; name it once, as lead_pole_id"
        )
        raise InvalidInputError(msg)


def _split(values: Iterable[PoleShare] | None) -> tuple[PoleShare, ...] | None:
    return None if values is None else items(values, PoleShare, "InterPoleFile.split")


def _split_of_carriers(
    instance: InterPoleFile, _: attrs.Attribute[Any], value: tuple[PoleShare, ...] | None
) -> None:
    if value is None:
        return
    unique("pôle", "InterPoleFile.split", (part.pole_id for part in value))
    carriers = instance.pole_ids
    for position, part in enumerate(value):
        if part.pole_id not in carriers:
            msg = (
                f"InterPoleFile.split[{position}].pole_id: a part to {part.pole_id!r}, which "
                f"does not carry the file (its pôles: {', '.join(carriers)})"
            )
            raise InvalidInputError(msg)
    parts = total(part.amount for part in value)
    if parts != instance.granted:
        msg = f"InterPoleFile.split: the parts total {parts}, not the {instance.granted} granted"
        raise InvalidInputError(msg)


@attrs.frozen(kw_only=True)
class InterPoleFile:
    """
    A file carried jointly by several pôles and led by one of them (GOV.4).

    Attributes:
        id: Stable identifier, e.g. ``"interpole-2010-03"``.
        name: What the file is about.
        lead_pole_id: The pôle that leads it (*pôle chef de file*).
        other_pole_ids: The other pôles carrying it, each once, in the
            order given; the lead pôle is not among them.
        funder: Who granted the funding (by default the State).
        granted: The amount granted for the file, in euros.
        decided_on: The day the funding was decided: the day its route is read.
        split: The parts of the amount agreed between the carrying pôles,
            in the order given, or ``None`` if no split is known. A pôle
            without a part receives nothing.

    Raises:
        InvalidInputError: If a pôle is named twice, the lead pôle is among
            the others, a part names a pôle that does not carry the file or
            a pôle twice, or the parts do not add up to the amount granted.

    >>> from datetime import date
    >>> file = InterPoleFile(
    ...     id="interpole-2010-03",
    ...     name="Joint mission to Japan (synthetic example)",
    ...     lead_pole_id="minalogic",
    ...     other_pole_ids=["axelera"],
    ...     granted="120000.00",
    ...     decided_on=date(2010, 3, 15),
    ...     split=[
    ...         PoleShare(pole_id="minalogic", amount="80000.00"),
    ...         PoleShare(pole_id="axelera", amount="40000.00"),
    ...     ],
    ... )
    >>> file.pole_ids, file.part("axelera")
    (('minalogic', 'axelera'), Decimal('40000.00'))
    """

    id: str = attrs.field(validator=an_id)
    name: str = attrs.field(validator=non_empty)
    lead_pole_id: str = attrs.field(validator=an_id)
    other_pole_ids: tuple[str, ...] = attrs.field(
        default=(), converter=_others, validator=[ids, _distinct_others]
    )
    funder: Funder = attrs.field(default=Funder.STATE, validator=is_a(Funder))
    granted: Eur = attrs.field(converter=to_eur, validator=non_negative)
    decided_on: date = attrs.field(validator=a_date)
    split: tuple[PoleShare, ...] | None = attrs.field(
        default=None, converter=_split, validator=_split_of_carriers
    )

    @property
    def pole_ids(self) -> tuple[str, ...]:
        """The carrying pôles: the lead first, then the others in their order."""
        return (self.lead_pole_id, *self.other_pole_ids)

    def part(self, pole_id: str) -> Eur | None:
        """
        Return the part of the funding agreed for *pole_id*.

        Returns:
            Its part (zero for a carrying pôle the split gives nothing),
            or ``None`` when no split is known.

        Raises:
            InvalidInputError: If *pole_id* does not carry the file.
            WrongTypeError: If *pole_id* is not a string.
        """
        if not isinstance(pole_id, str):
            refuse("InterPoleFile.part", "pole_id", "a pôle id (a str)", pole_id)
        if pole_id not in self.pole_ids:
            msg = f"InterPoleFile.part: {pole_id!r} does not carry file {self.id!r}"
            raise InvalidInputError(msg)
        if self.split is None:
            return None
        for share in self.split:
            if share.pole_id == pole_id:
                return share.amount
        return ZERO
