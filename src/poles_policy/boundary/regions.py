"""
JSON model of a region record (:class:`~poles_policy.model.regions.Region`).

A case names a region by its INSEE code alone (``"82"``); this model is for
exchanging the region records themselves, e.g. to publish the table of
codes and their validity.
"""

from __future__ import annotations

from poles_policy.boundary._base import IsoDate, Model, RegionCode
from poles_policy.model.regions import Region, RegionKind

__all__ = ["RegionModel"]


class RegionModel(Model):
    """A region over the period its INSEE code denotes it; ``null`` dates are open ends."""

    code: RegionCode
    name: str
    valid_from: IsoDate | None = None
    valid_until: IsoDate | None = None
    kind: RegionKind
    successor: RegionCode | None = None

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
