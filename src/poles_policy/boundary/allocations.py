"""
The JSON form of the allocation results: a CPER envelope's sharing and ministries' shares.

:class:`EnvelopeAllocationModel` describes the output of
:meth:`EnvelopeAllocation.to_dict() <poles_policy.rules.cper.EnvelopeAllocation.to_dict>`
(SYN.4) and :class:`AllocationShareModel` that of
:meth:`AllocationShare.to_dict() <poles_policy.rules.cper.AllocationShare.to_dict>`
(SYN.2). Their JSON Schemas are exported as ``envelope-allocation`` and
``allocation-share``.

A ministry spelled in several ways ("MESR", "mesr ") is one ministry:
``ministry`` is its first spelling and ``spellings`` lists them all.

Amounts are strings to the cent (``"150000.00"``). A share is given twice:
``share`` as a decimal string, exact whenever the quotient terminates within
28 significant digits, and ``fraction`` as ``"numerator/denominator"``,
always exact.

>>> from decimal import Decimal
>>> from poles_policy.model.cper import Allocation
>>> from poles_policy.rules.cper import linked_allocation_shares
>>> shares = linked_allocation_shares(
...     [
...         Allocation(
...             ministry="research",
...             year=2010,
...             body="inria",
...             amount=Decimal("300.00"),
...             pole_id="minalogic",
...         ),
...         Allocation(ministry="research", year=2010, body="cnrs", amount=Decimal("600.00")),
...     ]
... )
>>> model = AllocationShareModel.model_validate(shares[0].to_dict())
>>> model.share, model.fraction
('0.3333333333333333333333333333', '1/3')
"""

from __future__ import annotations

from pydantic import Field

from poles_policy.boundary._base import CalendarYear, Flag, IsoDate, Model, Rank, WholeNumber
from poles_policy.boundary._figures import AmountText, DecimalText, FractionText
from poles_policy.boundary.decision import CheckModel
from poles_policy.rules.cper import Funding

__all__ = ["AllocationShareModel", "EnvelopeAllocationModel", "ProjectAllocationModel"]


class ProjectAllocationModel(Model):
    """One project's line in an envelope's allocation (SYN.4)."""

    project_id: str = Field(description="The structuring project.")
    position: WholeNumber = Field(
        ge=1, description="Its place in the allocation order (1 is served first)."
    )
    linked: Flag = Field(
        description="Whether it is linked to at least one pôle (a SYN.4 priority)."
    )
    priority_rank: Rank | None = Field(
        description="Its rank in the region's priority list; null when it is not ranked."
    )
    requested: AmountText = Field(description="The amount it asked for, in EUR.")
    granted: AmountText = Field(description="The amount it receives, at most requested, in EUR.")
    shortfall: AmountText = Field(description="requested - granted, in EUR.")
    status: Funding = Field(
        description="full (all of its request), partial (part of it) or none (nothing)."
    )
    unlabelled_pole_ids: tuple[str, ...] = Field(
        default=(),
        description=(
            "The pôles the project names that did not hold their label on the allocation's date "
            "(a link to them gives no priority); empty when the pôles were not checked."
        ),
    )
    on: IsoDate | None = Field(
        default=None,
        description=(
            "The date the pôles' labels were read (YYYY-MM-DD); null when they were not checked."
        ),
    )


class EnvelopeAllocationModel(Model):
    """
    A CPER envelope shared among structuring projects (``EnvelopeAllocation.to_dict()``).

    Pôle-linked projects are served first (SYN.4), then by the region's rank.
    """

    envelope_id: str = Field(description="The envelope shared.")
    lines: tuple[ProjectAllocationModel, ...] = Field(
        description="One line per project, in allocation order."
    )
    allocated: AmountText = Field(description="The total granted, in EUR.")
    remaining: AmountText = Field(description="What is left of the envelope, in EUR.")
    linked_allocated: AmountText = Field(
        description="The part of allocated granted to projects linked to a pôle, in EUR."
    )
    linked_share: DecimalText | None = Field(
        description=(
            "linked_allocated / allocated as a decimal string (exact when it terminates within "
            "28 significant digits); null when nothing is allocated."
        )
    )
    linked_fraction: FractionText | None = Field(
        description="The same share as an exact fraction; null when nothing is allocated."
    )
    checks: tuple[CheckModel, ...] = Field(
        description="One check per line, in allocation order: met when funded in full."
    )


class AllocationShareModel(Model):
    """A ministry's allocations in one year and the part linked to pôles (SYN.2)."""

    ministry: str = Field(
        description=(
            "The allocating ministry, as first spelled among the allocations given. Spellings "
            "that differ only in case, surrounding or repeated blanks or Unicode composition "
            "name one ministry."
        )
    )
    spellings: tuple[str, ...] = Field(
        min_length=1,
        description=(
            "Every spelling of the ministry met among the allocations given, in the order met; "
            "ministry first."
        ),
    )
    year: CalendarYear = Field(description="The year.")
    total: AmountText = Field(
        description="Everything the ministry allocated that year to the bodies it supervises, EUR."
    )
    linked: AmountText = Field(description="The part of total flagged as linked to a pôle, EUR.")
    by_pole: tuple[tuple[str, AmountText], ...] = Field(
        description="The linked amount per pôle, as [pôle id, EUR] pairs sorted by pôle id."
    )
    share: DecimalText | None = Field(
        description=(
            "linked / total as a decimal string (exact when it terminates within 28 significant "
            "digits); null when the total is zero."
        )
    )
    fraction: FractionText | None = Field(
        description="The same share as an exact fraction; null when the total is zero."
    )
    checks: tuple[CheckModel, ...] = Field(
        description=(
            "The quantified share, citing SYN.2 (not applicable when nothing was allocated)."
        )
    )
