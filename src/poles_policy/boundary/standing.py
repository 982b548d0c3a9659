"""
The JSON form of a pôle's standing and of the coordination groups (PHASE.1, GOV.1, GOV.3, GOV.4).

:class:`PoleStandingModel` describes the output of
:meth:`PoleStanding.to_dict() <poles_policy.rules.standing.PoleStanding.to_dict>`,
:class:`CoordinationGroupModel` that of
:meth:`CoordinationGroup.to_dict() <poles_policy.rules.coordination.CoordinationGroup.to_dict>`,
and :class:`PolesReportModel` what ``poles-policy poles --json`` prints. Their
JSON Schemas are exported as ``pole-standing``, ``coordination-group`` and
``poles-report``.

Like the relay assessment's models, these describe a rule's answer for the
systems that read it; a result is computed from its inputs, not read back
into the library.

>>> from datetime import date
>>> from poles_policy.data import rhone_alpes_poles
>>> from poles_policy.parameters import default_parameters
>>> from poles_policy.rules.standing import pole_standing
>>> sporaltec = next(p for p in rhone_alpes_poles() if p.id == "sporaltec")
>>> standing = pole_standing(sporaltec, date(2010, 2, 1), default_parameters())
>>> PoleStandingModel.model_validate(standing.to_dict()).follow_up
<FollowUp.AWAITING_DECISION: 'awaiting_decision'>
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from poles_policy.boundary._base import Flag, IsoDate, Model
from poles_policy.boundary.decision import CheckModel, FactModel
from poles_policy.boundary.poles import StateCorrespondentModel
from poles_policy.rules.coordination import Kinship
from poles_policy.rules.standing import FollowUp

__all__ = ["CoordinationGroupModel", "PoleStandingModel", "PolesReportModel"]


class PoleStandingModel(Model):
    """A pôle's standing on a date (``PoleStanding.to_dict()``; PHASE.1, GOV.1, GOV.3)."""

    pole_id: str = Field(description="The pôle's identifier.")
    on: IsoDate = Field(description="The date read (YYYY-MM-DD).")
    labelled: Flag = Field(description="Whether the pôle holds its label on that day (PHASE.1).")
    group: Literal[1, 2, 3] | None = Field(
        description="Its group in the 2008 evaluation (1, 2 or 3); null if not known."
    )
    follow_up: FollowUp = Field(
        description=(
            "Where the pôle stands in the follow-up of the 2008 evaluation (GOV.1): none, "
            "group_unknown, not_evaluated, review_ahead, review_due, review_undated, probation, "
            "awaiting_decision, confirmed or not_labelled."
        )
    )
    review_on: IsoDate | None = Field(
        description=(
            "For a group-2 pôle, the day of its review, counted from its contract's start; null "
            "without a contract, or for another group."
        )
    )
    probation_end: IsoDate | None = Field(
        description=(
            "For a group-3 pôle, the last day of its probation; null for another group, or "
            "before the parameter is in force."
        )
    )
    correspondent: StateCorrespondentModel | None = Field(
        description="The pôle's State correspondent (GOV.3); null if not known."
    )
    checks: tuple[CheckModel, ...] = Field(
        description=(
            "The label check, the follow-up (information) and the correspondent check, explained."
        )
    )
    missing: tuple[FactModel, ...] = Field(
        description="The facts that would complete the answer, in asking order."
    )


class CoordinationGroupModel(Model):
    """Pôles whose national coordination GOV.4 encourages (``CoordinationGroup.to_dict()``)."""

    kinship: Kinship = Field(
        description="same_theme (one shared theme) or complementary (two complementary themes)."
    )
    themes: tuple[str, ...] = Field(
        min_length=1,
        max_length=2,
        description="The shared theme, or the two complementary themes, as first spelled.",
    )
    pole_ids: tuple[str, ...] = Field(
        min_length=2, description="The labelled pôles of the group, in the order given."
    )


class PolesReportModel(Model):
    """What ``poles-policy poles --json`` prints: each pôle's standing and the GOV.4 groups."""

    on: IsoDate = Field(description="The date read (YYYY-MM-DD), given with --at.")
    parameters: str = Field(description="The label of the parameter set read, e.g. default.")
    poles: tuple[PoleStandingModel, ...] = Field(
        description="Each packaged pôle's standing on that date, in the reference data's order."
    )
    coordination_groups: tuple[CoordinationGroupModel, ...] = Field(
        description="The groups of labelled pôles GOV.4 encourages to coordinate."
    )
