"""
Calls for projects and innovation platforms (STRUCT.1).

Structuring projects such as *plates-formes d'innovation* (innovation
platforms: pooled equipment, staff and services open to the pôle's firms,
SMEs above all, and laboratories) are funded through specific calls for
projects. A platform comes with its budget and a financing plan by source.

Whether a platform is eligible under a call (window, targeted pôles, a
labelled carrying pôle, open access, a balanced financing plan, decreasing
operating aid, the Caisse des Dépôts study cap) is for the rules.

What no real application can hold is refused here, as an
:class:`~poles_policy.exceptions.InvalidInputError` naming the field: an
empty or blank id (``call_id=""`` included: a platform that answers no call
says ``None``), a negative amount, a financing line for a year no calendar
has (0 or below; a :class:`~datetime.date` has years 1 to 9999). A plan
that a real applicant could write but the policy does not allow, such as
State operating aid for years before the call, is a rule's NOT_MET check
(:func:`~poles_policy.rules.platforms.platform_eligibility`), not an input
error: the call is not part of the platform.
"""

from __future__ import annotations

import enum
from datetime import date
from typing import TYPE_CHECKING, Any

import attrs

from poles_policy.exceptions import InvalidInputError
from poles_policy.model._validators import (
    a_date,
    an_id,
    ids,
    is_a,
    items,
    non_empty,
    non_negative,
    optional_boolean,
    optional_calendar_year,
    optional_date,
    optional_id,
    strings,
    to_eur,
    to_optional_bool,
    to_optional_eur,
    to_optional_whole,
    unique,
)
from poles_policy.money import Eur, total

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "CallForProjects",
    "FinancingLine",
    "FundingSource",
    "InnovationPlatform",
    "PlatformUser",
    "UserKind",
]


def _targeted_pole_ids(values: Iterable[str]) -> tuple[str, ...]:
    return strings(values, "CallForProjects.targeted_pole_ids")


def _carrying_pole_ids(values: Iterable[str]) -> tuple[str, ...]:
    return strings(values, "InnovationPlatform.carrying_pole_ids")


def _distinct_poles(
    instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]
) -> None:
    unique("pôle", f"{type(instance).__name__}.{attribute.name}", value)


def _closes_after_opening(instance: CallForProjects, _: attrs.Attribute[Any], value: date) -> None:
    if value < instance.opens_on:
        msg = (
            f"CallForProjects.closes_on: {value.isoformat()} is before the opening "
            f"{instance.opens_on.isoformat()}"
        )
        raise InvalidInputError(msg)


@attrs.frozen(kw_only=True)
class CallForProjects:
    """
    A specific call for projects (*appel à projets*) for structuring projects (STRUCT.1).

    Attributes:
        id: Stable identifier, e.g. ``"PFI-1"``.
        name: Its title.
        opens_on: The first day applications are accepted.
        closes_on: The closing day (inclusive), not before *opens_on*.
        targeted_pole_ids: The pôles the call is aimed at; empty when it is
            open to every pôle.
    """

    id: str = attrs.field(validator=an_id)
    name: str = attrs.field(validator=non_empty)
    opens_on: date = attrs.field(validator=a_date)
    closes_on: date = attrs.field(validator=[a_date, _closes_after_opening])
    targeted_pole_ids: tuple[str, ...] = attrs.field(
        default=(), converter=_targeted_pole_ids, validator=[ids, _distinct_poles]
    )


class FundingSource(enum.Enum):
    """The sources of a platform's financing plan."""

    STATE_FCE_INVESTMENT = "state_fce_investment"
    """State investment aid from the *Fonds de compétitivité des entreprises* (FCE)."""
    STATE_FCE_OPERATING = "state_fce_operating"
    """State operating aid from the FCE (decreasing, normally for at most three years)."""
    CDC_STUDIES = "cdc_studies"
    """Caisse des Dépôts support for engineering studies."""
    LOCAL_AUTHORITIES = "local_authorities"
    """Local authorities (*collectivités territoriales*)."""
    FEDER = "feder"
    """The European Regional Development Fund."""
    PARTNERS = "partners"
    """Partners' contributions, in cash or in kind."""
    USER_FEES = "user_fees"
    """Fees paid by the platform's users."""
    OTHER = "other"


@attrs.frozen(kw_only=True)
class FinancingLine:
    """
    One line of a financing plan.

    Attributes:
        source: Where the money comes from.
        year: The calendar year it covers (1 to 9999, the years of a
            :class:`~datetime.date`), or ``None`` for the whole plan.
        amount: The amount.
    """

    source: FundingSource = attrs.field(validator=is_a(FundingSource))
    year: int | None = attrs.field(
        default=None, converter=to_optional_whole, validator=optional_calendar_year
    )
    amount: Eur = attrs.field(converter=to_eur, validator=non_negative)


class UserKind(enum.Enum):
    """The kinds of users an innovation platform serves."""

    SME = "sme"
    """A small or medium-sized enterprise (PME)."""
    LARGE_ENTERPRISE = "large_enterprise"
    LABORATORY = "laboratory"
    OTHER = "other"


@attrs.frozen(kw_only=True)
class PlatformUser:
    """
    A user (or a class of users) of an innovation platform.

    Attributes:
        name: The user's name, or a description of the class of users.
        kind: SME, large enterprise, laboratory or other.
    """

    name: str = attrs.field(validator=non_empty)
    kind: UserKind = attrs.field(validator=is_a(UserKind))


def _users(values: Iterable[PlatformUser]) -> tuple[PlatformUser, ...]:
    users = items(values, PlatformUser, "InnovationPlatform.users")
    # The same user twice would count twice among the users the platform is open to.
    unique("user", "InnovationPlatform.users", (f"{u.name} ({u.kind.value})" for u in users))
    return users


def _financing(values: Iterable[FinancingLine]) -> tuple[FinancingLine, ...]:
    return items(values, FinancingLine, "InnovationPlatform.financing")


@attrs.frozen(kw_only=True)
class InnovationPlatform:
    """
    An innovation platform (*plate-forme d'innovation*) and its financing plan (STRUCT.1).

    Attributes:
        id: Stable identifier within a case.
        name: Its name, e.g. "Axel'One".
        carrying_pole_ids: The pôles that carry it (no pôle twice).
        users: Its users or classes of users.
        open_access: Whether it is open to outside users (firms, SMEs above
            all, and laboratories) at an affordable cost, or ``None`` if
            unknown.
        investment_budget: The investment budget.
        operating_budget: The operating budget.
        study_cost: The cost of the engineering studies, or ``None`` if
            unknown or none were made.
        financing: The financing plan, by source (and year when known).
        call_id: The id of the call it answers (non-blank), or ``None``
            when it answers none or the call is not known.
        submitted_on: The date it was submitted, or ``None`` if unknown.
    """

    id: str = attrs.field(validator=an_id)
    name: str = attrs.field(validator=non_empty)
    carrying_pole_ids: tuple[str, ...] = attrs.field(
        default=(), converter=_carrying_pole_ids, validator=[ids, _distinct_poles]
    )
    users: tuple[PlatformUser, ...] = attrs.field(
        default=(),
        converter=_users,
    )
    open_access: bool | None = attrs.field(
        default=None, converter=to_optional_bool, validator=optional_boolean
    )
    investment_budget: Eur = attrs.field(converter=to_eur, validator=non_negative)
    operating_budget: Eur = attrs.field(converter=to_eur, validator=non_negative)
    study_cost: Eur | None = attrs.field(
        default=None, converter=to_optional_eur, validator=non_negative
    )
    financing: tuple[FinancingLine, ...] = attrs.field(
        default=(),
        converter=_financing,
    )
    call_id: str | None = attrs.field(default=None, validator=optional_id)
    submitted_on: date | None = attrs.field(default=None, validator=optional_date)

    @property
    def total_budget(self) -> Eur:
        """Investment plus operating budget (exact: a sum beyond the cent is refused)."""
        return total((self.investment_budget, self.operating_budget))

    @property
    def total_financing(self) -> Eur:
        """The sum of the financing plan (``0.00`` for an empty plan)."""
        return total(line.amount for line in self.financing)

    def financing_from(self, source: FundingSource) -> Eur:
        """The total the plan expects from *source* (``0.00`` if none)."""
        return total(line.amount for line in self.financing if line.source is source)
