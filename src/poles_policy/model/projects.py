"""
Collaborative R&D projects and the public aid they receive (PHASE.2a, RELAY.2).

A *projet collaboratif* (collaborative project) gathers partners, is labelled
(*labellisé*) by one or more pôles and may be aided by the State, by local
authorities or by the EU. The State's aid is what the relay financing
(*financement relais*) pre-finances: each aided partner's subsidy, its
payment schedule and the payments already made.

Unknown facts are ``None`` and distinct from "none": ``aid=None`` means the
aid decisions are not known yet, ``aid=()`` that the project has no aid.
Whether a project meets a policy condition (enough partners, a label, State
aid) is for the rules: a project with one partner or aided only by its
region is a valid object.
"""

from __future__ import annotations

import enum
from datetime import date
from typing import TYPE_CHECKING, Any, get_args

import attrs

from poles_policy.exceptions import InvalidInputError
from poles_policy.model._validators import (
    a_date,
    an_id,
    is_a,
    items,
    non_empty,
    non_negative,
    optional_date,
    optional_text,
    repeated,
    to_eur,
    to_optional_eur,
    unique,
)
from poles_policy.model.actors import Actor
from poles_policy.money import ZERO, Eur, total

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = [
    "AidDecision",
    "CollaborativeProject",
    "Funder",
    "PartnerAid",
    "PartnerRole",
    "Payment",
    "PaymentKind",
    "PoleLabel",
    "ProjectPartner",
    "ScheduledPayment",
]


class PartnerRole(enum.Enum):
    """A partner's role in a collaborative project."""

    LEAD = "lead"
    """The project leader (*chef de file*)."""
    PARTNER = "partner"


@attrs.frozen(kw_only=True)
class ProjectPartner:
    """
    An actor taking part in a collaborative project.

    Attributes:
        actor: The enterprise, research body or other actor.
        role: Lead (*chef de file*) or partner.
        eligible_costs: The partner's eligible expenses in the project
            (*assiette des dépenses éligibles*), on which aid rates apply,
            or ``None`` if unknown.
    """

    actor: Actor = attrs.field(validator=is_a(get_args(Actor), "actor"))
    role: PartnerRole = attrs.field(default=PartnerRole.PARTNER, validator=is_a(PartnerRole))
    eligible_costs: Eur | None = attrs.field(
        default=None, converter=to_optional_eur, validator=non_negative
    )


@attrs.frozen(kw_only=True)
class PoleLabel:
    """
    The label (*labellisation*) a pôle gave a project (RELAY.2).

    Attributes:
        pole_id: The labelling pôle.
        labelled_on: The date of the label, or ``None`` if unknown.
    """

    pole_id: str = attrs.field(validator=an_id)
    labelled_on: date | None = attrs.field(default=None, validator=optional_date)


class Funder(enum.Enum):
    """
    Who grants an aid decision.

    The State includes its schemes and agencies: FUI (*Fonds unique
    interministériel*), ANR and OSEO aid.
    """

    STATE = "state"
    REGION = "region"
    DEPARTEMENT = "departement"
    COMMUNE = "commune"
    INTERCOMMUNAL = "intercommunal"
    """An inter-communal body (*intercommunalité*)."""
    FEDER = "feder"
    """The European Regional Development Fund (*Fonds européen de développement régional*)."""
    OTHER = "other"


class PaymentKind(enum.Enum):
    """The instalments of a subsidy."""

    ADVANCE = "advance"
    """Paid at notification (*avance à notification*)."""
    INTERMEDIATE = "intermediate"
    """Paid on expense statements during the project."""
    BALANCE = "balance"
    """Paid after the final report (*solde*)."""


@attrs.frozen(kw_only=True)
class ScheduledPayment:
    """
    A subsidy instalment planned by the aid agreement.

    Attributes:
        kind: Advance, intermediate payment or balance.
        amount: The planned amount.
        expected_on: When it is expected, or ``None`` if unknown.
    """

    kind: PaymentKind = attrs.field(validator=is_a(PaymentKind))
    amount: Eur = attrs.field(converter=to_eur, validator=non_negative)
    expected_on: date | None = attrs.field(default=None, validator=optional_date)


@attrs.frozen(kw_only=True)
class Payment:
    """
    A subsidy payment received.

    Attributes:
        paid_on: The date the money was received.
        amount: The amount received.
    """

    paid_on: date = attrs.field(validator=a_date)
    amount: Eur = attrs.field(converter=to_eur, validator=non_negative)


def _schedule(values: Iterable[ScheduledPayment]) -> tuple[ScheduledPayment, ...]:
    return items(values, ScheduledPayment, "PartnerAid.schedule")


def _payments(values: Iterable[Payment]) -> tuple[Payment, ...]:
    given = items(values, Payment, "PartnerAid.payments")
    # Before the sort, so that the items are named in the order given.
    found = repeated_payment(given)
    if found is not None:
        msg = f"PartnerAid.payments: {found[1]}"
        raise InvalidInputError(msg)
    # A stable sort: payments on the same day keep the order given.
    return tuple(sorted(given, key=lambda p: p.paid_on))


def _schedule_within_grant(
    instance: PartnerAid, _: attrs.Attribute[Any], value: tuple[ScheduledPayment, ...]
) -> None:
    planned = total(s.amount for s in value)
    if planned > instance.granted:
        msg = (
            f"PartnerAid.schedule: the instalments of {instance.partner_id!r} total {planned}, "
            f"above the {instance.granted} granted"
        )
        raise InvalidInputError(msg)


def repeated_payment(payments: Sequence[Payment]) -> tuple[int, str] | None:
    """
    Find a payment given twice: the position of the second, and why it is refused.

    The same payment pasted twice would count twice as received. Two
    payments of one day and one amount are read as that: they are given as
    one payment of their sum, which every rule reads alike.
    """
    if len(payments) < 2:
        return None
    keys = (f"{p.amount} EUR on {p.paid_on.isoformat()}" for p in payments)
    found = repeated("payment", keys)
    if found is None:
        return None
    hint = "; two payments of one day and amount are given as one payment of their sum"
    return found[0], found[1] + hint


def _payments_within_grant(
    instance: PartnerAid, _: attrs.Attribute[Any], value: tuple[Payment, ...]
) -> None:
    paid = ZERO
    for payment in value:
        remaining = instance.granted - paid
        if payment.amount > remaining:
            msg = (
                f"PartnerAid.payments: the payment of {payment.amount} on "
                f"{payment.paid_on.isoformat()} to {instance.partner_id!r} is larger than what "
                f"remains ({remaining} of {instance.granted} granted)"
            )
            raise InvalidInputError(msg)
        paid = Eur(paid + payment.amount)


@attrs.frozen(kw_only=True)
class PartnerAid:
    """
    One partner's share of an aid decision: the subsidy granted and its payments.

    Payments are kept in date order; their total never exceeds the grant, and
    neither does the total of the planned instalments.

    Attributes:
        partner_id: The aided partner (an actor id of the project).
        granted: The subsidy granted.
        schedule: The planned instalments (advance, intermediate, balance).
        payments: The payments received, oldest first.

    >>> from datetime import date
    >>> aid = PartnerAid(
    ...     partner_id="acme",
    ...     granted="450000",
    ...     payments=(Payment(paid_on=date(2009, 11, 2), amount="135000"),),
    ... )
    >>> aid.remaining
    Decimal('315000.00')
    """

    partner_id: str = attrs.field(validator=an_id)
    granted: Eur = attrs.field(converter=to_eur, validator=non_negative)
    schedule: tuple[ScheduledPayment, ...] = attrs.field(
        default=(), converter=_schedule, validator=_schedule_within_grant
    )
    payments: tuple[Payment, ...] = attrs.field(
        default=(), converter=_payments, validator=_payments_within_grant
    )

    @property
    def paid(self) -> Eur:
        """The total received so far (``0.00`` when nothing was paid)."""
        return total(p.amount for p in self.payments)

    @property
    def remaining(self) -> Eur:
        """The subsidy still to be received (*subvention à recevoir*): granted − paid, exact."""
        return Eur(self.granted - self.paid)


def _partner_aids(values: Iterable[PartnerAid]) -> tuple[PartnerAid, ...]:
    return items(values, PartnerAid, "AidDecision.partners")


def _aided_partners(
    instance: AidDecision, _: attrs.Attribute[Any], value: tuple[PartnerAid, ...]
) -> None:
    unique("partner", "AidDecision.partners", (a.partner_id for a in value))
    # A subsidy is neither paid nor scheduled before it is decided: such a date is a typing
    # slip, and taken as given it would make the relay look late and the time saved vanish.
    decided = instance.decided_on
    if decided is None:
        return
    for aid in value:
        dated = [("payment", p.paid_on) for p in aid.payments]
        dated += [("instalment", s.expected_on) for s in aid.schedule if s.expected_on is not None]
        for what, on in dated:
            if on < decided:
                msg = (
                    f"AidDecision.partners: the {what} of {on.isoformat()} to "
                    f"{aid.partner_id!r} is before the decision of {decided.isoformat()}"
                )
                raise InvalidInputError(msg)


@attrs.frozen(kw_only=True)
class AidDecision:
    """
    A funder's decision to aid a project, with the amount for each partner.

    Attributes:
        funder: Who grants the aid (the State for FUI, ANR or OSEO aid).
        scheme: The aid scheme, e.g. ``"FUI"``.
        call: The call for projects, e.g. ``"FUI 8"``, or ``None`` if
            unknown or not applicable.
        decided_on: The decision date, or ``None`` if unknown.
        partners: Each aided partner's subsidy; no partner twice, and, when
            the decision date is known, no payment nor planned instalment
            before it.
    """

    funder: Funder = attrs.field(validator=is_a(Funder))
    scheme: str = attrs.field(validator=non_empty)
    call: str | None = attrs.field(default=None, validator=optional_text)
    decided_on: date | None = attrs.field(default=None, validator=optional_date)
    partners: tuple[PartnerAid, ...] = attrs.field(
        default=(),
        converter=_partner_aids,
        validator=_aided_partners,
    )

    def for_partner(self, partner_id: str) -> PartnerAid | None:
        """Return the aid to *partner_id*, or ``None`` if this decision does not aid it."""
        return next((a for a in self.partners if a.partner_id == partner_id), None)


def _partners(values: Iterable[ProjectPartner]) -> tuple[ProjectPartner, ...]:
    return items(values, ProjectPartner, "CollaborativeProject.partners")


def _labels(values: Iterable[PoleLabel]) -> tuple[PoleLabel, ...]:
    return items(values, PoleLabel, "CollaborativeProject.labels")


def _aid(values: Iterable[AidDecision] | None) -> tuple[AidDecision, ...] | None:
    return None if values is None else items(values, AidDecision, "CollaborativeProject.aid")


def repeated_decision(decisions: Sequence[AidDecision]) -> str | None:
    """
    Describe the first aid decision given twice in *decisions*, or ``None``.

    A decision equal in every field to an earlier one is the same decision
    pasted twice: its subsidies would count twice.
    """
    # Compared in full only when their funder, scheme, call, date and number of partners agree:
    # hashing every decision would read every amount of every payment.
    seen: dict[tuple[object, ...], list[int]] = {}
    for position, decision in enumerate(decisions):
        key = (
            decision.funder,
            decision.scheme,
            decision.call,
            decision.decided_on,
            len(decision.partners),
        )
        earlier = seen.setdefault(key, [])
        first = next((i for i in earlier if decisions[i] == decision), None)
        if first is not None:
            when = decision.decided_on.isoformat() if decision.decided_on else "an unknown date"
            call = f" ({decision.call})" if decision.call else ""
            return (
                f"the {decision.scheme}{call} decision of {when} appears twice (items {first} "
                f"and {position}), with the same partners and amounts"
            )
        earlier.append(position)
    return None


def _distinct_decisions(
    _: object, __: attrs.Attribute[Any], value: tuple[AidDecision, ...] | None
) -> None:
    found = None if value is None or len(value) < 2 else repeated_decision(value)
    if found is not None:
        msg = f"CollaborativeProject.aid: {found}"
        raise InvalidInputError(msg)


def _partner_invariants(
    instance: object, _: attrs.Attribute[Any], value: tuple[ProjectPartner, ...]
) -> None:
    owner = f"{type(instance).__name__}.partners"
    unique("actor", owner, (p.actor.id for p in value))
    leads = [p.actor.id for p in value if p.role is PartnerRole.LEAD]
    if len(leads) > 1:
        msg = f"{owner}: a project has at most one lead, got {', '.join(map(repr, leads))}"
        raise InvalidInputError(msg)


def _distinct_labels(
    instance: object, _: attrs.Attribute[Any], value: tuple[PoleLabel, ...]
) -> None:
    unique("pôle", f"{type(instance).__name__}.labels", (label.pole_id for label in value))


def _aid_to_partners(
    instance: CollaborativeProject,
    _: attrs.Attribute[Any],
    value: tuple[AidDecision, ...] | None,
) -> None:
    partner_ids = {p.actor.id for p in instance.partners}
    for i, decision in enumerate(value or ()):
        for j, aid in enumerate(decision.partners):
            if aid.partner_id not in partner_ids:
                msg = (
                    f"CollaborativeProject.aid[{i}].partners[{j}].partner_id: the "
                    f"{decision.scheme} decision aids {aid.partner_id!r}, who is not a partner "
                    f"of project {instance.id!r}"
                )
                raise InvalidInputError(msg)


@attrs.frozen(kw_only=True)
class CollaborativeProject:
    """
    A collaborative R&D project (PHASE.2a) as relay financing sees it (RELAY.2, RELAY.3).

    Invariants: no actor is a partner twice, there is at most one lead, no
    pôle labels the project twice, and every aided partner is a partner.

    Attributes:
        id: Stable identifier within a case.
        name: The project's name or acronym.
        partners: The partners and their roles.
        labels: The pôles that labelled the project, with their dates.
        aid: The aid decisions, ``()`` if the project has no aid, or
            ``None`` if they are not known yet.
        selection_letter_on: The date of the official letter announcing the
            selected projects (*lettre officielle annonçant les projets
            retenus*, RELAY.3), or ``None`` if unknown or not yet issued.
    """

    id: str = attrs.field(validator=an_id)
    name: str = attrs.field(validator=non_empty)
    partners: tuple[ProjectPartner, ...] = attrs.field(
        default=(), converter=_partners, validator=_partner_invariants
    )
    labels: tuple[PoleLabel, ...] = attrs.field(
        default=(), converter=_labels, validator=_distinct_labels
    )
    aid: tuple[AidDecision, ...] | None = attrs.field(
        default=None, converter=_aid, validator=[_distinct_decisions, _aid_to_partners]
    )
    selection_letter_on: date | None = attrs.field(default=None, validator=optional_date)

    @property
    def lead(self) -> ProjectPartner | None:
        """The lead partner (*chef de file*), or ``None`` if none is named."""
        return next((p for p in self.partners if p.role is PartnerRole.LEAD), None)

    def partner(self, actor_id: str) -> ProjectPartner | None:
        """Return the partner whose actor is *actor_id*, or ``None`` if it is not a partner."""
        return next((p for p in self.partners if p.actor.id == actor_id), None)

    def state_aid_for(self, actor_id: str) -> tuple[PartnerAid, ...] | None:
        """
        Return the State's aid to *actor_id* (RELAY.2), one entry per State decision.

        Returns:
            The partner's share of each decision whose funder is the State
            (``()`` if the State does not aid it), or ``None`` when the
            project's aid is unknown, so that a rule can ask for it rather
            than conclude "no aid".
        """
        if self.aid is None:
            return None
        found: list[PartnerAid] = []
        state = Funder.STATE
        for decision in self.aid:  # plain loops: eligibility rules call this for every case
            if decision.funder is state:
                for aid in decision.partners:
                    if aid.partner_id == actor_id:
                        found.append(aid)
                        break  # a decision aids each partner at most once
        return tuple(found)
