"""
The JSON form of the steering results: a contract's progress and a committee's regularity.

:class:`ContractProgressModel` describes the output of
:meth:`ContractProgress.to_dict() <poles_policy.rules.steering.ContractProgress.to_dict>`
(GOV.1) and :class:`CommitteeRegularityModel` that of
:meth:`CommitteeRegularity.to_dict() <poles_policy.rules.committees.CommitteeRegularity.to_dict>`
(GOV.2). Their JSON Schemas are exported as ``contract-progress`` and
``committee-regularity``. Measurements, trajectories and shares are exact
decimal strings (``"0.625"``), never binary floats; a quotient that does not
terminate (an attainment, a share) is held to 28 significant digits.

>>> from datetime import date
>>> from poles_policy.model.committees import CoordinationCommittee
>>> from poles_policy.parameters import default_parameters
>>> from poles_policy.rules.committees import committee_regularity
>>> committee = CoordinationCommittee(pole_id="minalogic")
>>> regularity = committee_regularity(
...     committee, date(2009, 7, 6), date(2010, 7, 5), default_parameters()
... )
>>> CommitteeRegularityModel.model_validate(regularity.to_dict()).gaps[0].too_long
True
"""

from __future__ import annotations

from pydantic import Field

from poles_policy.boundary._base import CalendarYear, Flag, IsoDate, Model, WholeNumber
from poles_policy.boundary._figures import DecimalText
from poles_policy.boundary.decision import CheckModel, FactModel
from poles_policy.rules.steering import Progress

__all__ = [
    "CommitteeRegularityModel",
    "ContractProgressModel",
    "GapModel",
    "IndicatorProgressModel",
]

_PROGRESS = "achieved, on_track, off_track or no_data"


class IndicatorProgressModel(Model):
    """One indicator of a contract, in one year."""

    objective_id: str = Field(description="The objective the indicator measures.")
    indicator_id: str = Field(description="The indicator.")
    year: CalendarYear = Field(description="The calendar year read.")
    value: DecimalText | None = Field(
        description="The year's measurement, exact; null when it was not measured."
    )
    expected: DecimalText = Field(
        description=(
            "The trajectory's value at the end of the calendar year: the straight line from the "
            "baseline to the target over the calendar years the contract spans; exact when the "
            "quotient terminates within 28 significant digits, held to 28 otherwise (the status "
            "is compared exactly)."
        )
    )
    attainment: DecimalText | None = Field(
        description=(
            "How far the measurement went from the baseline toward the target (0 at the "
            "baseline, 1 at the target): exact when the quotient terminates within 28 "
            "significant digits, held to 28 otherwise; null without a measurement, or when the "
            "target is the baseline."
        )
    )
    status: Progress = Field(description=f"The indicator's status: {_PROGRESS}.")


class ContractProgressModel(Model):
    """A performance contract's progress in one year (``ContractProgress.to_dict()``; GOV.1)."""

    contract_id: str = Field(description="The performance contract.")
    year: CalendarYear = Field(
        description="The calendar year read, one of those the contract's period touches."
    )
    status: Progress = Field(
        description=(
            "The contract's status, the least favourable of its objectives' and, when it counts, "
            f"of the public share's (public_share_status): {_PROGRESS}. No data without "
            "objectives, unless the public share is off track."
        )
    )
    objectives: tuple[tuple[str, Progress], ...] = Field(
        description="Each objective's id and status, in the contract's order."
    )
    indicators: tuple[IndicatorProgressModel, ...] = Field(
        description="Each indicator's progress, objective by objective."
    )
    public_share: DecimalText | None = Field(
        description=(
            "The public share of the year's operating budget: exact when the quotient terminates "
            "within 28 significant digits, held to 28 otherwise; null when the budget is not "
            "recorded or is zero."
        )
    )
    public_share_status: Progress | None = Field(
        description=(
            "The public share against its target in a year the target applies (from the calendar "
            "year in which the contract's gov.public_share_horizon_years-th year ends): achieved "
            "when below it, off_track when not, "
            "no_data when the year's budget is not recorded. Null when it does not count in the "
            "contract's status: before the target applies, or when the budget is zero."
        )
    )
    checks: tuple[CheckModel, ...] = Field(
        description="One check per indicator, then the public share's check, explained."
    )
    off_track: tuple[str, ...] = Field(
        description="The ids of the objectives off track (the public share has its own status)."
    )
    missing: tuple[FactModel, ...] = Field(
        description="The measurements and budgets to record to read every check, in order."
    )


class GapModel(Model):
    """A stretch of a committee's period without a meeting."""

    start: IsoDate = Field(description="Its first day: the period's start, or a meeting's date.")
    end: IsoDate = Field(description="Its last day: a meeting's date, or the period's end.")
    days: WholeNumber = Field(ge=0, description="Its length in days.")
    too_long: Flag = Field(description="Whether it is longer than the longest gap allowed.")


class CommitteeRegularityModel(Model):
    """A coordination committee's meetings over a period (``CommitteeRegularity.to_dict()``)."""

    pole_id: str = Field(description="The pôle whose committee it is.")
    start: IsoDate = Field(description="The period's first day.")
    end: IsoDate = Field(description="The period's last day.")
    meetings: WholeNumber = Field(ge=0, description="The number of meetings held in the period.")
    gaps: tuple[GapModel, ...] = Field(description="Every stretch without a meeting, in order.")
    absent_funders: tuple[str, ...] = Field(
        description=(
            "The funders (actor ids) seen at no meeting of the period whose attendance is recorded."
        )
    )
    planned: WholeNumber | None = Field(
        description=(
            "The number of planned meeting dates in the period; null when the committee records "
            "no plan."
        )
    )
    regular: Flag | None = Field(
        description=(
            "Whether the gaps check and the funders check are met; null when the gaps check is "
            "met and the funders check is unknown (a meeting's attendance not recorded)."
        )
    )
    checks: tuple[CheckModel, ...] = Field(
        description="The gaps check, the funders check, then the plan (information), explained."
    )
