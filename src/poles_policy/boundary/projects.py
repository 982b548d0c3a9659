"""
JSON models of collaborative projects and their aid (PHASE.2a, RELAY.2).

Each model mirrors a class of :mod:`poles_policy.model.projects`, field for
field, with ``to_domain()`` and ``from_domain()``. An invariant the domain
refuses (a payment larger than what remains of the grant, a partner named
twice) surfaces as an :class:`~poles_policy.exceptions.InvalidInputError`
whose message starts with the JSON path of the offending object, e.g.
``aid.0.partners.1: PartnerAid.payments: ...``.
"""

from __future__ import annotations

from poles_policy.boundary._base import IsoDate, Model, Money, build_each, build_one
from poles_policy.boundary.actors import (
    ActorModel,
    actor_from_domain,
    actor_to_domain,
)
from poles_policy.model.projects import (
    AidDecision,
    CollaborativeProject,
    Funder,
    PartnerAid,
    PartnerRole,
    Payment,
    PaymentKind,
    PoleLabel,
    ProjectPartner,
    ScheduledPayment,
)

__all__ = [
    "AidDecisionModel",
    "CollaborativeProjectModel",
    "PartnerAidModel",
    "PaymentModel",
    "PoleLabelModel",
    "ProjectPartnerModel",
    "ScheduledPaymentModel",
]


class ProjectPartnerModel(Model):
    """A project partner: the actor (tagged by ``kind``), its role and eligible costs."""

    actor: ActorModel
    role: PartnerRole = PartnerRole.PARTNER
    eligible_costs: Money | None = None

    def to_domain(self) -> ProjectPartner:
        """Build the domain object."""
        return ProjectPartner(
            actor=build_one("actor", lambda: actor_to_domain(self.actor)),
            role=self.role,
            eligible_costs=self.eligible_costs,
        )

    @classmethod
    def from_domain(cls, obj: ProjectPartner) -> ProjectPartnerModel:
        """Describe *obj* for JSON."""
        return cls(
            actor=actor_from_domain(obj.actor), role=obj.role, eligible_costs=obj.eligible_costs
        )


class PoleLabelModel(Model):
    """A pôle's label on a project."""

    pole_id: str
    labelled_on: IsoDate | None = None

    def to_domain(self) -> PoleLabel:
        """Build the domain object."""
        return PoleLabel(pole_id=self.pole_id, labelled_on=self.labelled_on)

    @classmethod
    def from_domain(cls, obj: PoleLabel) -> PoleLabelModel:
        """Describe *obj* for JSON."""
        return cls(pole_id=obj.pole_id, labelled_on=obj.labelled_on)


class ScheduledPaymentModel(Model):
    """A planned subsidy instalment."""

    kind: PaymentKind
    amount: Money
    expected_on: IsoDate | None = None

    def to_domain(self) -> ScheduledPayment:
        """Build the domain object."""
        return ScheduledPayment(kind=self.kind, amount=self.amount, expected_on=self.expected_on)

    @classmethod
    def from_domain(cls, obj: ScheduledPayment) -> ScheduledPaymentModel:
        """Describe *obj* for JSON."""
        return cls(kind=obj.kind, amount=obj.amount, expected_on=obj.expected_on)


class PaymentModel(Model):
    """A subsidy payment received."""

    paid_on: IsoDate
    amount: Money

    def to_domain(self) -> Payment:
        """Build the domain object."""
        return Payment(paid_on=self.paid_on, amount=self.amount)

    @classmethod
    def from_domain(cls, obj: Payment) -> PaymentModel:
        """Describe *obj* for JSON."""
        return cls(paid_on=obj.paid_on, amount=obj.amount)


class PartnerAidModel(Model):
    """One partner's subsidy, its planned instalments and the payments received."""

    partner_id: str
    granted: Money
    schedule: tuple[ScheduledPaymentModel, ...] = ()
    payments: tuple[PaymentModel, ...] = ()

    def to_domain(self) -> PartnerAid:
        """Build the domain object."""
        return PartnerAid(
            partner_id=self.partner_id,
            granted=self.granted,
            schedule=build_each("schedule", self.schedule, ScheduledPaymentModel.to_domain),
            payments=build_each("payments", self.payments, PaymentModel.to_domain),
        )

    @classmethod
    def from_domain(cls, obj: PartnerAid) -> PartnerAidModel:
        """Describe *obj* for JSON."""
        return cls(
            partner_id=obj.partner_id,
            granted=obj.granted,
            schedule=tuple(ScheduledPaymentModel.from_domain(s) for s in obj.schedule),
            payments=tuple(PaymentModel.from_domain(p) for p in obj.payments),
        )


class AidDecisionModel(Model):
    """A funder's aid decision, with each partner's subsidy."""

    funder: Funder
    scheme: str
    call: str | None = None
    decided_on: IsoDate | None = None
    partners: tuple[PartnerAidModel, ...] = ()

    def to_domain(self) -> AidDecision:
        """Build the domain object."""
        return AidDecision(
            funder=self.funder,
            scheme=self.scheme,
            call=self.call,
            decided_on=self.decided_on,
            partners=build_each("partners", self.partners, PartnerAidModel.to_domain),
        )

    @classmethod
    def from_domain(cls, obj: AidDecision) -> AidDecisionModel:
        """Describe *obj* for JSON."""
        return cls(
            funder=obj.funder,
            scheme=obj.scheme,
            call=obj.call,
            decided_on=obj.decided_on,
            partners=tuple(PartnerAidModel.from_domain(a) for a in obj.partners),
        )


class CollaborativeProjectModel(Model):
    """
    A collaborative project.

    ``aid`` absent or ``null`` means the aid decisions are not known yet;
    ``[]`` means the project has no aid.
    """

    id: str
    name: str
    partners: tuple[ProjectPartnerModel, ...] = ()
    labels: tuple[PoleLabelModel, ...] = ()
    aid: tuple[AidDecisionModel, ...] | None = None
    selection_letter_on: IsoDate | None = None

    def to_domain(self) -> CollaborativeProject:
        """Build the domain object."""
        return CollaborativeProject(
            id=self.id,
            name=self.name,
            partners=build_each("partners", self.partners, ProjectPartnerModel.to_domain),
            labels=build_each("labels", self.labels, PoleLabelModel.to_domain),
            aid=None
            if self.aid is None
            else build_each("aid", self.aid, AidDecisionModel.to_domain),
            selection_letter_on=self.selection_letter_on,
        )

    @classmethod
    def from_domain(cls, obj: CollaborativeProject) -> CollaborativeProjectModel:
        """Describe *obj* for JSON."""
        return cls(
            id=obj.id,
            name=obj.name,
            partners=tuple(ProjectPartnerModel.from_domain(p) for p in obj.partners),
            labels=tuple(PoleLabelModel.from_domain(label) for label in obj.labels),
            aid=None
            if obj.aid is None
            else tuple(AidDecisionModel.from_domain(a) for a in obj.aid),
            selection_letter_on=obj.selection_letter_on,
        )
