"""
The JSON form of a relay assessment: what ``poles-policy relay check --json`` prints.

:class:`AssessmentModel` describes the output of
:meth:`Assessment.to_dict() <poles_policy.rules.relay.assessment.Assessment.to_dict>`
(the decision with every check explained, then the counter-guarantee, the
time saved and the cost with their figures and checks);
:class:`BriefAssessmentModel` describes ``to_dict(brief=True)`` (the outcome,
the failed conditions, the missing facts and the figures, without the
explanations). Their JSON Schemas are exported as ``relay-assessment`` and
``relay-assessment-brief``.

Amounts, rates and other exact decimals are strings (``"100000.00"``,
``"0.045"``), so no figure passes through a binary float; dates are ISO
``YYYY-MM-DD`` strings; ``null`` means the figure could not be computed (the
``missing`` lists say which facts would give it).

>>> from poles_policy.data.demo import demo_cases
>>> from poles_policy.parameters import default_parameters
>>> from poles_policy.rules.relay import assess
>>> case = demo_cases()[0]
>>> a = assess(case.request, default_parameters(), loan=case.loan)
>>> BriefAssessmentModel.model_validate(a.to_dict(brief=True)).cost.total_low
'9576.16'
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from poles_policy.boundary._base import Flag, IsoDate, Model, WholeNumber
from poles_policy.boundary._figures import DecimalText
from poles_policy.boundary.decision import CheckModel, DecisionModel
from poles_policy.explain import Outcome

__all__ = [
    "AssessmentModel",
    "BriefAssessmentModel",
    "BriefCostModel",
    "BriefGuaranteeModel",
    "BriefTimeSavedModel",
    "CostModel",
    "DurationModel",
    "GuaranteeModel",
    "TimeSavedModel",
]


class DurationModel(Model):
    """A time saved, in exact days, calendar months and days, and decimal months."""

    days: WholeNumber = Field(description="Exact days from the disbursement to the first payment.")
    months: WholeNumber = Field(description="Whole calendar months of the duration.")
    extra_days: WholeNumber = Field(description="Days beyond the whole calendar months.")
    decimal_months: DecimalText = Field(
        description="Days x 12 / 365.25, to one decimal, rounded half up, as a decimal string."
    )


class BriefGuaranteeModel(Model):
    """The OSEO counter-guarantee's figures (RELAY.5)."""

    asked: Flag | None = Field(
        description="Whether the bank asks OSEO for a counter-guarantee; null if not known."
    )
    share: DecimalText | None = Field(
        description="The share of the relay OSEO covers, e.g. 0.50; null unless the bank asks."
    )
    covered: DecimalText | None = Field(
        description="The amount covered in EUR, to the cent; null unless the bank asks."
    )
    annual_fee_rate: DecimalText | None = Field(
        description="The yearly fee as a share of the guaranteed amount outstanding, e.g. 0.008."
    )


class GuaranteeModel(BriefGuaranteeModel):
    """The OSEO counter-guarantee's figures and its check (RELAY.5)."""

    checks: tuple[CheckModel, ...] = Field(
        description="Every check of the counter-guarantee, explained, with the parameters read."
    )


class BriefTimeSavedModel(Model):
    """The time saved's figures (RELAY.6); null figures when they cannot be computed."""

    basis: Literal["actual", "planned", "estimated"] | None = Field(
        description=(
            "The least certain of the dates behind the headline figure: actual, planned or "
            "estimated; null without a figure."
        )
    )
    disbursed_earliest: IsoDate = Field(description="The relay's earliest disbursement date.")
    disbursed_latest: IsoDate = Field(description="The relay's latest disbursement date.")
    disbursement_basis: Literal["actual", "estimated"] = Field(
        description="actual (the loan's disbursement date) or estimated (processing times)."
    )
    first_payment_basis: Literal["actual", "planned", "estimated"] | None = Field(
        description="The basis of the first subsidy payment the relay bridges; null if none."
    )
    first_payment_earliest: IsoDate | None = Field(
        description="The first subsidy payment's date in the low scenario."
    )
    first_payment_latest: IsoDate | None = Field(
        description="The first subsidy payment's date in the high scenario."
    )
    saving_low: DurationModel | None = Field(
        description="Time saved in the low scenario, floored at zero."
    )
    saving_high: DurationModel | None = Field(
        description="Time saved in the high scenario, floored at zero."
    )
    after_subsidy: Flag | None = Field(
        description="True when the relay arrives on or after the first subsidy payment."
    )
    weighted_days_low: DecimalText | None = Field(
        description="Amount-weighted days saved over the bridged tranches, low scenario, to 0.1."
    )
    weighted_days_high: DecimalText | None = Field(
        description="Amount-weighted days saved, high scenario, to 0.1."
    )
    weighted_months_low: DecimalText | None = Field(
        description="Amount-weighted decimal months saved, low scenario, to 0.1."
    )
    weighted_months_high: DecimalText | None = Field(
        description="Amount-weighted decimal months saved, high scenario, to 0.1."
    )
    promise: Literal["inside", "below", "above", "partly"] | None = Field(
        description=(
            "The saving against the promised gain (relay.promised_gain_months: 6 to 9 months "
            "under the text): inside, below, above, or partly (a range straddling a bound); "
            "null without a figure or a promise in force."
        )
    )
    missing: tuple[str, ...] = Field(
        description="The paths of the facts that would give the figures, in asking order."
    )


class TimeSavedModel(BriefTimeSavedModel):
    """The time saved's figures and checks (RELAY.6)."""

    checks: tuple[CheckModel, ...] = Field(
        description="Every check of the time saved, explained, with the parameters read."
    )


class BriefCostModel(Model):
    """
    The relay's cost (RELAY.4, RELAY.5) in EUR, in the low and high time-saved scenarios.

    ``*_low`` and ``*_high`` name the scenarios of the time saved (low: the
    least time saved and the shortest loan; high: the most), not a minimum
    and a maximum: the low scenario's cost per month saved, a total over
    fewer months saved, is often the higher one.
    """

    principal: DecimalText = Field(description="The relay principal in EUR.")
    annual_rate: DecimalText = Field(description="The yearly interest rate used, e.g. 0.045.")
    rate_basis: Literal["loan", "default"] = Field(
        description="loan (the loan's rate) or default (relay.default_annual_rate: no loan given)."
    )
    fees: DecimalText | None = Field(
        description=(
            "The loan's other fees in EUR; null when not known (no loan given, or the loan's "
            "fees not known): the totals then leave them out."
        )
    )
    unrepaid: DecimalText | None = Field(
        description=(
            "Principal no known repayment repays, in EUR: what the subsidy payments leave "
            "unrepaid, or 0.00 for a loan repaid in one go; null without figures."
        )
    )
    interest_low: DecimalText | None = Field(
        description=(
            "Interest at ACT/360 on the principal outstanding in the low time-saved scenario "
            "(the least time saved, the shortest loan), in EUR; null when unknown. A "
            "scenario's figure, not a minimum."
        )
    )
    interest_high: DecimalText | None = Field(
        description=(
            "Interest in the high time-saved scenario (the most time saved, the longest "
            "loan), in EUR; null when unknown. A scenario's figure, not a maximum."
        )
    )
    guarantee_fee_low: DecimalText | None = Field(
        description=(
            "The OSEO guarantee fee in the low time-saved scenario (with the fee, as if the bank "
            "asked OSEO, when that is not known), in EUR; null when unknown. A scenario's "
            "figure, not a minimum."
        )
    )
    guarantee_fee_high: DecimalText | None = Field(
        description=(
            "The OSEO guarantee fee in the high time-saved scenario (with no fee, as if the bank "
            "did not ask OSEO, when that is not known), in EUR; null when unknown. A scenario's "
            "figure, not a maximum."
        )
    )
    total_low: DecimalText | None = Field(
        description=(
            "Interest, guarantee fee and other fees (when known) in the low time-saved "
            "scenario, in EUR; null when unknown. A scenario's figure, not a minimum."
        )
    )
    total_high: DecimalText | None = Field(
        description=(
            "The total in the high time-saved scenario, in EUR; null when unknown. A "
            "scenario's figure, not a maximum."
        )
    )
    per_month_saved_low: DecimalText | None = Field(
        description=(
            "total_low per month saved in the low time-saved scenario, in EUR; null when "
            "unknown or when nothing is saved. Not a minimum: fewer months saved make it often "
            "the higher of the two."
        )
    )
    per_month_saved_high: DecimalText | None = Field(
        description=(
            "total_high per month saved in the high time-saved scenario, in EUR; null when "
            "unknown or when nothing is saved. Not a maximum: more months saved make it often "
            "the lower of the two."
        )
    )
    missing: tuple[str, ...] = Field(
        description="The paths of the facts that would complete the cost, in asking order."
    )


class CostModel(BriefCostModel):
    """The relay's cost, with its checks."""

    checks: tuple[CheckModel, ...] = Field(
        description="Every check of the cost, explained, with the parameters read."
    )


class AssessmentModel(Model):
    """A relay case's assessment with every check explained (``Assessment.to_dict()``)."""

    case_id: str = Field(description="The case's identifier (the request's id).")
    outcome: Outcome = Field(description="eligible, ineligible or undetermined.")
    decision: DecisionModel = Field(
        description="The eligibility decision (RELAY.1-RELAY.4) with every check."
    )
    counter_guarantee: GuaranteeModel | None = Field(
        description="The OSEO counter-guarantee; null when no relay is granted."
    )
    time_saved: TimeSavedModel | None = Field(
        description="The time saved; null when no relay is granted."
    )
    cost: CostModel | None = Field(description="The cost; null when no relay is granted.")


class BriefAssessmentModel(Model):
    """A relay case's assessment without explanations (``Assessment.to_dict(brief=True)``)."""

    case_id: str = Field(description="The case's identifier (the request's id).")
    on: IsoDate = Field(description="The request date, at which the parameters were read.")
    outcome: Outcome = Field(description="eligible, ineligible or undetermined.")
    failed: tuple[str, ...] = Field(
        description="The keys of the conditions not met, in evaluation order."
    )
    missing: tuple[str, ...] = Field(
        description="The paths of the facts still needed to decide, in asking order."
    )
    counter_guarantee: BriefGuaranteeModel | None = Field(
        description="The OSEO counter-guarantee; null when no relay is granted."
    )
    time_saved: BriefTimeSavedModel | None = Field(
        description="The time saved; null when no relay is granted."
    )
    cost: BriefCostModel | None = Field(description="The cost; null when no relay is granted.")
