"""
JSON model of a region record (:class:`~poles_policy.model.regions.Region`).

A case names a region by its INSEE code alone (``"82"``); this model is for
exchanging the region records themselves, e.g. to publish the table of
codes and their validity.
"""

from __future__ import annotations

from pydantic import Field

from poles_policy.boundary._base import InseeCode, IsoDate, Model, from_domain_of
from poles_policy.model.regions import Region, RegionKind

__all__ = ["RegionModel"]


class RegionModel(Model):
    """
    A French region over the period its INSEE code denotes it; ``null`` dates are open ends.

    Source of every record: INSEE, Code officiel géographique.
    """

    code: InseeCode = Field(
        description=(
            'The INSEE region code (code officiel géographique), two digits, e.g. "82" for '
            'Rhône-Alpes. One code may denote two regions at different dates ("24": Centre, '
            "then Centre-Val de Loire)."
        )
    )
    name: str = Field(description='The region\'s name, e.g. "Rhône-Alpes"; non-empty.')
    valid_from: IsoDate | None = Field(
        default=None,
        description=(
            "The first day the code denotes this region. ISO date YYYY-MM-DD; absent or null "
            "when it already did before the policy period (the creation date is not recorded)."
        ),
    )
    valid_until: IsoDate | None = Field(
        default=None,
        description=(
            "The last day (inclusive) the code denotes this region, e.g. 2015-12-31 for a "
            "region merged in the 2016 reform. ISO date YYYY-MM-DD; absent or null while it "
            "still does (required for a historic region)."
        ),
    )
    kind: RegionKind = Field(
        description=(
            "Which period the record belongs to: historic (a region of the policy period that "
            'ended on 2015-12-31, merged or renamed), "2016" (a region created on 2016-01-01) '
            "or continuing (a region of the policy period that continues unchanged)."
        )
    )
    successor: InseeCode | None = Field(
        default=None,
        description=(
            "For a historic region, the INSEE code of the 2016 region its territory joined "
            '(e.g. "84" for Rhône-Alpes); absent or null for the other kinds, and only then.'
        ),
    )

    def to_domain(self) -> Region:
        """Build the domain object."""
        return Region(
            code=self.code,
            name=self.name,
            valid_from=self.valid_from,
            valid_until=self.valid_until,
            kind=self.kind,
            successor=self.successor,
        )

    @classmethod
    @from_domain_of(Region)
    def from_domain(cls, obj: Region) -> RegionModel:
        """Describe *obj* for JSON."""
        return cls(
            code=obj.code,
            name=obj.name,
            valid_from=obj.valid_from,
            valid_until=obj.valid_until,
            kind=obj.kind,
            successor=obj.successor,
        )
