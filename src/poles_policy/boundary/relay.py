"""
JSON models of relay-financing requests and loans (RELAY.1-RELAY.6).

A request embeds its applicant (an actor tagged by ``kind``) and its
project in full, so that one JSON document is a complete case for the
eligibility rule.
"""

from __future__ import annotations

from pydantic import Field

from poles_policy.boundary._base import (
    Flag,
    IsoDate,
    Model,
    Money,
    PositiveMoney,
    Share,
    build_one,
    from_domain_of,
)
from poles_policy.boundary.actors import (
    ActorModel,
    BankModel,
    actor_from_domain,
    actor_to_domain,
)
from poles_policy.boundary.projects import CollaborativeProjectModel
from poles_policy.model import _assembly as assembly
from poles_policy.model.relay import RelayLoan, RelayRequest

__all__ = ["RelayLoanModel", "RelayRequestModel"]


class RelayRequestModel(Model):
    """
    An enterprise's request for relay financing (financement relais, RELAY.2-RELAY.5).

    ``bank`` and ``oseo_counter_guarantee`` absent or ``null`` mean "not
    known yet"; ``oseo_counter_guarantee: false`` means the bank does not ask
    OSEO.
    """

    id: str = Field(description="Stable identifier of the request at the relay desk; non-empty.")
    applicant: ActorModel = Field(
        description=(
            "Who applies, tagged by 'kind': normally an enterprise partner of the project (with "
            "its region and, for the SME test, its accounts). Any actor is accepted: a research "
            "lab applying is a refusal case (RELAY.2), not an input error."
        )
    )
    project: CollaborativeProjectModel = Field(
        description=(
            "The collaborative project whose State subsidy the relay pre-finances, given in "
            "full: partners, pôle labels, aid decisions and the official selection letter."
        )
    )
    requested_on: IsoDate = Field(
        description=(
            "The date of the request: the case's legal date, at which the policy parameters "
            "are read. ISO date YYYY-MM-DD."
        )
    )
    amount: PositiveMoney = Field(
        gt=0,
        description=(
            "The amount requested, in euros exact to the cent, positive; a number or a decimal "
            'string such as "200000.00".'
        ),
    )
    bank: BankModel | None = Field(
        default=None,
        description=(
            "The bank asked for the relay loan (établissement bancaire, RELAY.4); absent or "
            "null when not known yet."
        ),
    )
    oseo_counter_guarantee: Flag | None = Field(
        default=None,
        description=(
            "Whether the bank asks OSEO for a counter-guarantee (contre-garantie, RELAY.5): "
            "true, false (it does not ask), or absent / null (not known yet)."
        ),
    )

    def to_domain(self) -> RelayRequest:
        """Build the domain object."""
        return assembly.relay_request(
            id=self.id,
            applicant=build_one("applicant", lambda: actor_to_domain(self.applicant)),
            project=build_one("project", self.project.to_domain),
            requested_on=self.requested_on,
            amount=self.amount,
            bank=None if self.bank is None else build_one("bank", self.bank.to_domain),
            oseo_counter_guarantee=self.oseo_counter_guarantee,
        )

    @classmethod
    @from_domain_of(RelayRequest)
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
    """
    The relay loan a bank granted, once disbursed (RELAY.4, RELAY.6).

    ``annual_rate`` is a share (0.065 for 6.5 %).
    """

    request_id: str = Field(description="Id of the relay request the loan answers; non-empty.")
    disbursed_on: IsoDate = Field(
        description="The date the funds reached the enterprise. ISO date YYYY-MM-DD."
    )
    principal: PositiveMoney = Field(
        gt=0,
        description=(
            "The amount lent, in euros exact to the cent, positive; a number or a decimal string."
        ),
    )
    annual_rate: Share = Field(
        description=(
            "The yearly interest rate as a share between 0 and 1: 0.065 for 6.5 % a year, so "
            "that a rate written in percent (6.5) is refused. Interest is computed ACT/360."
        )
    )
    fees: Money | None = Field(
        default=None,
        description=(
            "Other fees charged for the loan (arrangement, file), in euros exact to the cent, "
            'non-negative: "0.00" when there are none; absent or null (the default) when not '
            "known yet."
        ),
    )
    repaid_from_subsidy: Flag = Field(
        default=True,
        description=(
            "True (the default) when the loan is repaid from the subsidy payments as they "
            "arrive, the scheme's design (RELAY.4); false when it is repaid in one go, on "
            "repaid_on."
        ),
    )
    repaid_on: IsoDate | None = Field(
        default=None,
        description=(
            "The date the principal is repaid in full, when the loan is not repaid from the "
            "subsidy payments (repaid_from_subsidy false); after disbursed_on. ISO date "
            "YYYY-MM-DD; absent or null when not known yet; refused with repaid_from_subsidy "
            "true."
        ),
    )

    def to_domain(self) -> RelayLoan:
        """Build the domain object."""
        return assembly.relay_loan(
            request_id=self.request_id,
            disbursed_on=self.disbursed_on,
            principal=self.principal,
            annual_rate=self.annual_rate,
            fees=self.fees,
            repaid_from_subsidy=self.repaid_from_subsidy,
            repaid_on=self.repaid_on,
        )

    @classmethod
    @from_domain_of(RelayLoan)
    def from_domain(cls, obj: RelayLoan) -> RelayLoanModel:
        """Describe *obj* for JSON."""
        return cls(
            request_id=obj.request_id,
            disbursed_on=obj.disbursed_on,
            principal=obj.principal,
            annual_rate=obj.annual_rate,
            fees=obj.fees,
            repaid_from_subsidy=obj.repaid_from_subsidy,
            repaid_on=obj.repaid_on,
        )
