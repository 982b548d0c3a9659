"""
JSON models of relay-financing requests and loans (RELAY.1-RELAY.6).

A request embeds its applicant (an actor tagged by ``kind``) and its
project in full, so that one JSON document is a complete case for the
eligibility rule.
"""

from __future__ import annotations

from decimal import Decimal

from poles_policy.boundary._base import IsoDate, Model, Money, Share, build_one
from poles_policy.boundary.actors import ActorModel, BankModel, actor_from_domain, actor_to_domain
from poles_policy.boundary.projects import CollaborativeProjectModel
from poles_policy.model.relay import RelayLoan, RelayRequest

__all__ = ["RelayLoanModel", "RelayRequestModel"]


class RelayRequestModel(Model):
    """
    An enterprise's relay-financing request.

    ``bank`` and ``oseo_counter_guarantee`` absent or ``null`` mean "not
    known yet"; ``oseo_counter_guarantee: false`` means the bank does not ask
    OSEO.
    """

    id: str
    applicant: ActorModel
    project: CollaborativeProjectModel
    requested_on: IsoDate
    amount: Money
    bank: BankModel | None = None
    oseo_counter_guarantee: bool | None = None

    def to_domain(self) -> RelayRequest:
        """Build the domain object."""
        return RelayRequest(
            id=self.id,
            applicant=build_one("applicant", lambda: actor_to_domain(self.applicant)),
            project=build_one("project", self.project.to_domain),
            requested_on=self.requested_on,
            amount=self.amount,
            bank=None if self.bank is None else build_one("bank", self.bank.to_domain),
            oseo_counter_guarantee=self.oseo_counter_guarantee,
        )

    @classmethod
    def from_domain(cls, obj: RelayRequest) -> RelayRequestModel:
        """Describe *obj* for JSON."""
        return cls(
            id=obj.id,
            applicant=actor_from_domain(obj.applicant),
            project=CollaborativeProjectModel.from_domain(obj.project),
            requested_on=obj.requested_on,
            amount=obj.amount,
            bank=None if obj.bank is None else BankModel.from_domain(obj.bank),
            oseo_counter_guarantee=obj.oseo_counter_guarantee,
        )


class RelayLoanModel(Model):
    """A relay loan once disbursed; ``annual_rate`` is a share (0.065 for 6.5 %)."""

    request_id: str
    disbursed_on: IsoDate
    principal: Money
    annual_rate: Share
    fees: Money = Decimal("0.00")
    repaid_from_subsidy: bool = True

    def to_domain(self) -> RelayLoan:
        """Build the domain object."""
        return RelayLoan(
            request_id=self.request_id,
            disbursed_on=self.disbursed_on,
            principal=self.principal,
            annual_rate=self.annual_rate,
            fees=self.fees,
            repaid_from_subsidy=self.repaid_from_subsidy,
        )

    @classmethod
    def from_domain(cls, obj: RelayLoan) -> RelayLoanModel:
        """Describe *obj* for JSON."""
        return cls(
            request_id=obj.request_id,
            disbursed_on=obj.disbursed_on,
            principal=obj.principal,
            annual_rate=obj.annual_rate,
            fees=obj.fees,
            repaid_from_subsidy=obj.repaid_from_subsidy,
        )
