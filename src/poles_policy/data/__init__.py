"""
Packaged reference data: the Rhône-Alpes pôles and the national figures of Phase 2.

Every fact carries its source and a confidence (see
:class:`~poles_policy.data.reference.ReferenceFact`). French regions and their
INSEE codes live in :mod:`poles_policy.model.regions`.
"""

from __future__ import annotations

from poles_policy.data.reference import (
    Discrepancy,
    PoleRecord,
    ReferenceFact,
    check_pole_list,
    reference_facts,
    rhone_alpes_pole_records,
    rhone_alpes_poles,
)

__all__ = [
    "Discrepancy",
    "PoleRecord",
    "ReferenceFact",
    "check_pole_list",
    "reference_facts",
    "rhone_alpes_pole_records",
    "rhone_alpes_poles",
]
