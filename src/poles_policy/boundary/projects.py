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

from typing import TYPE_CHECKING

from pydantic import Field

from poles_policy.boundary._base import (
    IsoDate,
    Model,
    Money,
    at_path,
    build_each,
    build_one,
    from_domain_of,
)
from poles_policy.boundary.actors import ActorModel, actor_from_domain, actor_to_domain
from poles_policy.model import _assembly as assembly
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
    repeated_payment,
)

if TYPE_CHECKING:
    from datetime import date

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

    actor: ActorModel = Field(
        description=(
            "The partner: any actor, tagged by 'kind' (an enterprise, a research body, a "
            "cooperation structure, ...); no actor is a partner twice. In a relay case, the "
            "applicant's entry repeats the applicant object unchanged."
        )
    )
    role: PartnerRole = Field(
        default=PartnerRole.PARTNER,
        description=(
            "lead (the project leader, chef de file; at most one per project) or partner (the "
            "default)."
        ),
    )
    eligible_costs: Money | None = Field(
        default=None,
        description=(
            "The partner's eligible expenses in the project (assiette des dépenses éligibles), "
            "on which aid rates apply, in euros exact to the cent, non-negative; absent or null "
            "when unknown."
        ),
    )

    def to_domain(self) -> ProjectPartner:
        """Build the domain object."""
        return assembly.project_partner(
            actor=build_one("actor", lambda: actor_to_domain(self.actor)),
            role=self.role,
            eligible_costs=self.eligible_costs,
        )

    @classmethod
    @from_domain_of(ProjectPartner)
    def from_domain(cls, obj: ProjectPartner) -> ProjectPartnerModel:
        """Describe *obj* for JSON."""
        return cls(
            actor=actor_from_domain(obj.actor), role=obj.role, eligible_costs=obj.eligible_costs
        )


class PoleLabelModel(Model):
    """The label (labellisation) a pôle gave the project (RELAY.2)."""

    pole_id: str = Field(
        description=(
            'Id of the pôle de compétitivité that labelled the project (e.g. "minalogic"); '
            "non-empty, no pôle twice in a project."
        )
    )
    labelled_on: IsoDate | None = Field(
        default=None,
        description=(
            "Date the pôle labelled the project; for relay financing the label must be given on "
            "or before the request date (RELAY.2). ISO date YYYY-MM-DD; absent or null when "
            "unknown (the rules then ask for it)."
        ),
    )

    def to_domain(self) -> PoleLabel:
        """Build the domain object."""
        return assembly.pole_label(pole_id=self.pole_id, labelled_on=self.labelled_on)

    @classmethod
    @from_domain_of(PoleLabel)
    def from_domain(cls, obj: PoleLabel) -> PoleLabelModel:
        """Describe *obj* for JSON."""
        return cls(pole_id=obj.pole_id, labelled_on=obj.labelled_on)


class ScheduledPaymentModel(Model):
    """A subsidy instalment planned by the aid agreement (échéancier)."""

    kind: PaymentKind = Field(
        description=(
            "advance (paid at notification, avance à notification), intermediate (paid on "
            "expense statements during the project) or balance (paid after the final report, "
            "solde)."
        )
    )
    amount: Money = Field(
        description=(
            "The planned amount, in euros exact to the cent, non-negative; a partner's "
            "instalments total at most its subsidy granted."
        )
    )
    expected_on: IsoDate | None = Field(
        default=None,
        description=(
            "When the instalment is expected. ISO date YYYY-MM-DD; absent or null when unknown "
            "(the relay timing rule then estimates its date from the selection letter, in the "
            "window of its kind)."
        ),
    )

    def to_domain(self) -> ScheduledPayment:
        """Build the domain object."""
        return assembly.scheduled_payment(
            kind=self.kind, amount=self.amount, expected_on=self.expected_on
        )

    @classmethod
    @from_domain_of(ScheduledPayment)
    def from_domain(cls, obj: ScheduledPayment) -> ScheduledPaymentModel:
        """Describe *obj* for JSON."""
        return cls(kind=obj.kind, amount=obj.amount, expected_on=obj.expected_on)


class PaymentModel(Model):
    """A subsidy payment the partner received."""

    paid_on: IsoDate = Field(description="The date the money was received. ISO date YYYY-MM-DD.")
    amount: Money = Field(
        description=(
            "The amount received, in euros exact to the cent, non-negative; a partner's "
            "payments never total more than its subsidy granted."
        )
    )

    def to_domain(self) -> Payment:
        """Build the domain object."""
        return assembly.payment(paid_on=self.paid_on, amount=self.amount)

    @classmethod
    @from_domain_of(Payment)
    def from_domain(cls, obj: Payment) -> PaymentModel:
        """Describe *obj* for JSON."""
        return cls(paid_on=obj.paid_on, amount=obj.amount)


class PartnerAidModel(Model):
    """
    One partner's share of an aid decision: the subsidy granted and its payments.

    What remains to be received (granted minus the payments, subvention à
    recevoir) is what relay financing pre-finances (RELAY.4).
    """

    partner_id: str = Field(
        description=(
            "Actor id of the aided partner, non-empty; it must be a partner of the project, at "
            "most once per decision."
        )
    )
    granted: Money = Field(
        description=(
            "The subsidy granted to this partner by the decision (subvention accordée), in euros "
            "exact to the cent, non-negative."
        )
    )
    schedule: tuple[ScheduledPaymentModel, ...] = Field(
        default=(),
        description=(
            "The planned instalments (advance, intermediate payments, balance), totalling at "
            "most the grant; empty (the default) when the schedule is not known."
        ),
    )
    payments: tuple[PaymentModel, ...] = Field(
        default=(),
        description=(
            "The payments received so far, in any order (kept oldest first), totalling at most "
            "the grant; empty (the default) when nothing has been paid."
        ),
    )

    def to_domain(self) -> PartnerAid:
        """Build the domain object."""
        payments = build_each("payments", self.payments, PaymentModel.to_domain)
        found = repeated_payment(payments)
        if found is not None:
            # At its place as written: the domain sorts the payments by date.
            raise at_path(("payments", found[0]), found[1])
        return assembly.partner_aid(
            partner_id=self.partner_id,
            granted=self.granted,
            schedule=build_each("schedule", self.schedule, ScheduledPaymentModel.to_domain),
            payments=payments,
        )

    @classmethod
    @from_domain_of(PartnerAid)
    def from_domain(cls, obj: PartnerAid) -> PartnerAidModel:
        """Describe *obj* for JSON."""
        return cls(
            partner_id=obj.partner_id,
            granted=obj.granted,
            schedule=tuple(ScheduledPaymentModel.from_domain(s) for s in obj.schedule),
            payments=tuple(PaymentModel.from_domain(p) for p in obj.payments),
        )


class AidDecisionModel(Model):
    """A funder's decision to aid the project, with each partner's subsidy."""

    funder: Funder = Field(
        description=(
            "Who grants the aid: state (including its schemes and agencies: FUI, Fonds unique "
            "interministériel; ANR; OSEO aid), region, departement, commune, intercommunal, "
            "feder (European Regional Development Fund, Fonds européen de développement "
            "régional) or other. Only State aid opens relay financing (RELAY.2)."
        )
    )
    scheme: str = Field(description='The aid scheme (dispositif), e.g. "FUI"; non-empty.')
    call: str | None = Field(
        default=None,
        description=(
            'The call for projects (appel à projets), e.g. "FUI 8", non-empty; absent or null '
            "when unknown or not applicable."
        ),
    )
    decided_on: IsoDate | None = Field(
        default=None,
        description="The date of the aid decision. ISO date YYYY-MM-DD; absent or null if unknown.",
    )
    partners: tuple[PartnerAidModel, ...] = Field(
        default=(),
        description=(
            "Each aided partner's subsidy, no partner twice; empty (the default) when the "
            "decision lists none."
        ),
    )

    def to_domain(self) -> AidDecision:
        """Build the domain object."""
        self._dated_after_decision()
        return assembly.aid_decision(
            funder=self.funder,
            scheme=self.scheme,
            call=self.call,
            decided_on=self.decided_on,
            partners=build_each("partners", self.partners, PartnerAidModel.to_domain),
        )

    def _dated_after_decision(self) -> None:
        """
        Refuse a payment or an instalment dated before the decision, at its own date's path.

        The domain refuses it too, at the decision's partners: the document's
        path names the very date to correct.
        """
        decided = self.decided_on
        if decided is None:
            return
        for i, aid in enumerate(self.partners):
            dated: list[tuple[str, int, str, date | None]] = [
                ("payments", j, "payment", p.paid_on) for j, p in enumerate(aid.payments)
            ]
            dated += [
                ("schedule", j, "instalment", s.expected_on) for j, s in enumerate(aid.schedule)
            ]
            for field, j, what, on in dated:
                if on is not None and on < decided:
                    reason = (
                        f"the {what} of {on.isoformat()} to {aid.partner_id!r} is before the "
                        f"decision of {decided.isoformat()}"
                    )
                    leaf = "paid_on" if field == "payments" else "expected_on"
                    raise at_path(("partners", i, field, j, leaf), reason)

    @classmethod
    @from_domain_of(AidDecision)
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
    A collaborative R&D project (projet collaboratif, PHASE.2a), as relay financing sees it.

    ``aid`` absent or ``null`` means the aid decisions are not known yet;
    ``[]`` means the project has no aid.
    """

    id: str = Field(description="Stable identifier of the project within the case; non-empty.")
    name: str = Field(description="The project's name or acronym; non-empty.")
    partners: tuple[ProjectPartnerModel, ...] = Field(
        default=(),
        description=(
            "The partners with their roles and eligible costs; no actor twice, at most one "
            "lead. Empty (the default) when none is given."
        ),
    )
    labels: tuple[PoleLabelModel, ...] = Field(
        default=(),
        description=(
            "The pôles that labelled the project (labellisation, RELAY.2), with their dates; no "
            "pôle twice. Empty (the default): no pôle labelled it."
        ),
    )
    aid: tuple[AidDecisionModel, ...] | None = Field(
        default=None,
        description=(
            "The aid decisions (State, local authorities, FEDER, ...), each with every aided "
            "partner's subsidy, schedule and payments received; every aided partner must be a "
            "partner. [] when the project has no aid; absent or null when the decisions are not "
            "known yet (the rules then ask for them)."
        ),
    )
    selection_letter_on: IsoDate | None = Field(
        default=None,
        description=(
            "Date of the official selection letter (lettre officielle) announcing the selected "
            "projects; relay requests are possible from that date (RELAY.3). ISO date "
            "YYYY-MM-DD; absent or null when not yet known."
        ),
    )

    def to_domain(self) -> CollaborativeProject:
        """Build the domain object."""
        return assembly.collaborative_project(
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
    @from_domain_of(CollaborativeProject)
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
