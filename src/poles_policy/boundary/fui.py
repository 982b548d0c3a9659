"""
The JSON form of the FUI results: aid rates and amounts, the first payment, the payment schedule.

:class:`AidRateModel` describes the output of
:meth:`AidRate.to_dict() <poles_policy.rules.fui.AidRate.to_dict>`,
:class:`AidAmountModel` that of
:meth:`AidAmount.to_dict() <poles_policy.rules.fui.AidAmount.to_dict>`,
:class:`PaymentWindowModel` that of
:meth:`PaymentWindow.to_dict() <poles_policy.rules.fui.PaymentWindow.to_dict>`
and :class:`EstimatedPaymentModel` that of
:meth:`EstimatedPayment.to_dict() <poles_policy.rules.fui.EstimatedPayment.to_dict>`
(PHASE.2a). Their JSON Schemas are exported as ``fui-aid-rate``,
``fui-aid-amount``, ``fui-payment-window`` and ``fui-estimated-payment``; a
schedule (:func:`~poles_policy.rules.fui.payment_schedule`) is written as the
list of its three payments' ``to_dict()``, advance first, whose schema is
``fui-payment-schedule``.

Rates are exact decimal strings (``"0.45"``), amounts strings to the cent
(``"450.05"``), dates ISO ``YYYY-MM-DD`` strings. ``null`` is never zero: a
rate or an amount that is ``null`` is unknown (the ``missing`` facts would
give it) or does not apply (the check says which), while ``"0.00"`` is a
real zero. Each parameter value read comes with its date, source and
confidence: the payment shares are ``assumption`` parameters.

Like the other results' models, these describe a rule's answer for the
systems that read it; a result is computed from its inputs, not read back
into the library.

>>> from datetime import date
>>> from decimal import Decimal
>>> from poles_policy.parameters import default_parameters
>>> from poles_policy.rules.fui import payment_schedule
>>> schedule = payment_schedule(Decimal(100000), date(2009, 3, 31), default_parameters())
>>> advance = EstimatedPaymentModel.model_validate(schedule[0].to_dict())
>>> advance.amount, advance.parameters[0].name, advance.parameters[0].confidence
('25000.00', 'fui.payment.advance_share', 'assumption')
"""

from __future__ import annotations

from pydantic import Field

from poles_policy.boundary._base import Flag, IsoDate, Model, WholeNumber
from poles_policy.boundary._figures import AmountText, DecimalText
from poles_policy.boundary.decision import (
    CheckModel,
    DecisionModel,
    FactModel,
    ParameterUseModel,
)
from poles_policy.model.projects import PaymentKind
from poles_policy.rules.fui import AidBasis
from poles_policy.rules.sme import SizeClass

__all__ = [
    "AidAmountModel",
    "AidRateModel",
    "EstimatedPaymentModel",
    "PaymentScheduleJson",
    "PaymentWindowModel",
    "PeriodFiguresModel",
    "SmeResultModel",
]


class PeriodFiguresModel(Model):
    """The aggregated figures of one closed accounting period and the size class they give."""

    period_end: IsoDate = Field(description="The closing date of the enterprise's period.")
    staff_awu: DecimalText = Field(
        description=(
            "Its staff plus its partner enterprises' pro rata and its linked enterprises' in "
            "full, in annual work units, exact."
        )
    )
    turnover: AmountText = Field(description="Turnover aggregated the same way, in EUR.")
    balance_sheet: AmountText = Field(
        description="Balance-sheet total aggregated the same way, in EUR."
    )
    size: SizeClass = Field(description="The class these figures alone give.")


class SmeResultModel(Model):
    """The EU SME status of an enterprise on a date (Recommendation 2003/361/EC)."""

    size: SizeClass | None = Field(
        description=(
            "micro, small, medium or large, after the consecutive-periods rule; null when the "
            "figures are missing."
        )
    )
    is_sme: Flag | None = Field(
        description=(
            "True for an SME, false when it is not one (too large, or held 25 % or more by "
            "public bodies), null when facts are missing."
        )
    )
    periods: tuple[PeriodFiguresModel, ...] = Field(
        description="The aggregated figures of each closed period used, oldest first."
    )
    decision: DecisionModel = Field(
        description=(
            "The checks of the SME test: eligible means is an SME, ineligible is not one, "
            "undetermined facts missing."
        )
    )


class AidRateModel(Model):
    """The FUI aid rate of one beneficiary on a date (``AidRate.to_dict()``; PHASE.2a)."""

    rate: DecimalText | None = Field(
        description=(
            "The share of eligible costs aided, e.g. 0.45; null when the SME status is unknown "
            "(check unknown) or no FUI rate applies to the actor (check not_applicable)."
        )
    )
    basis: AidBasis | None = Field(
        description=(
            "What the rate is based on: sme, other_enterprise, research_marginal_cost or "
            "research_full_cost; null with the rate."
        )
    )
    check: CheckModel = Field(
        description="The explanation (key fui.aid_rate), with the parameter values read."
    )
    sme: SmeResultModel | None = Field(
        description="For an enterprise, the SME status its rate depends on; null for others."
    )
    missing: tuple[FactModel, ...] = Field(
        description="The facts that would give the rate, in asking order (paths of the SME test)."
    )


class AidAmountModel(Model):
    """The FUI aid of one partner: its rate times its eligible costs (``AidAmount.to_dict()``)."""

    amount: AmountText | None = Field(
        description=(
            "rate x eligible_costs rounded half up once to the cent, in EUR; 0.00 is a real "
            "zero (no eligible costs); null when the rate or the costs are unknown, or no FUI "
            "rate applies (the check says which)."
        )
    )
    rate: AidRateModel = Field(description="The partner's FUI aid rate (PHASE.2a).")
    eligible_costs: AmountText | None = Field(
        description="The partner's eligible costs, in EUR; null when not known."
    )
    check: CheckModel = Field(
        description="The explanation (key fui.aid_amount), with the parameter values read."
    )
    missing: tuple[FactModel, ...] = Field(
        description="The facts that would give the amount, in asking order: the costs first."
    )


class PaymentWindowModel(Model):
    """When the first FUI payment is expected after the selection letter (PHASE.2a, RELAY.6)."""

    earliest: IsoDate = Field(description="The letter's date plus the low delay.")
    latest: IsoDate = Field(description="The letter's date plus the high delay.")
    low_months: WholeNumber = Field(ge=0, description="The low delay, in months.")
    high_months: WholeNumber = Field(ge=0, description="The high delay, in months.")
    parameters: tuple[ParameterUseModel, ...] = Field(
        description="The delays read at the letter's date, with their dates and sources."
    )
    check: CheckModel = Field(
        description="The estimate explained (key fui.first_payment_window), with the delays."
    )


class EstimatedPaymentModel(Model):
    """One instalment of an estimated FUI payment schedule (``EstimatedPayment.to_dict()``)."""

    kind: PaymentKind = Field(description="advance, intermediate or balance.")
    amount: AmountText = Field(
        description="The instalment in EUR, exact to the cent; 0.00 is a real zero."
    )
    earliest: IsoDate = Field(description="The earliest date it is expected.")
    latest: IsoDate = Field(description="The latest date it is expected.")
    parameters: tuple[ParameterUseModel, ...] = Field(
        description=(
            "The parameter values it was estimated from, read at the letter's date: the payment "
            "share(s) its amount depends on (assumption parameters), then the two delays."
        )
    )
    check: CheckModel = Field(
        description=(
            "The instalment explained (key fui.payment.<kind>, PHASE.2a and RELAY.4), with the "
            "same parameters."
        )
    )


PaymentScheduleJson = tuple[EstimatedPaymentModel, EstimatedPaymentModel, EstimatedPaymentModel]
"""A schedule as JSON: its three payments' ``to_dict()`` (advance, intermediate, balance)."""
