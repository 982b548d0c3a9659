"""CPER envelopes, structuring projects and ministries' allocations (SYN.2, SYN.4)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Final

from hypothesis import strategies as st

from poles_policy.model.cper import Allocation, CperEnvelope, StructuringProject
from poles_policy.testing._arguments import check_region_on, check_some, checked
from poles_policy.testing._values import _POLE_IDS, _some, eur_amounts, region_codes

if TYPE_CHECKING:
    from collections.abc import Sequence


# An envelope's region is in force on the first day of its period (2007 or 2000; the same codes).
_FIRST_DAY: Final = date(2007, 1, 1)


@checked
def cper_envelopes(
    *, ident: str | None = None, region: str | None = None
) -> st.SearchStrategy[CperEnvelope]:
    """
    Generate a region's CPER envelope for 2007-2013 (or, sometimes, 2000-2006).

    Amounts are up to 2 000 000 EUR, of the order of a few
    :func:`structuring_projects`' requests, so that an envelope often runs
    out part-way.

    Args:
        ident: The envelope's id; by default ``cper-<region>-<first year>``.
        region: The INSEE code of its region, one in force in 2007 (the
            envelope's first day); by default one of 2009.

    Raises:
        InvalidInputError: If *region* was not in force in 2007 (a code of
            the 2016 regions such as ``"84"``, or Mayotte's ``"06"``).

    Shrinks toward an empty Rhône-Alpes envelope for 2007-2013.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate])  # the first example found, not shrunk
    >>> find(cper_envelopes(region="82"), lambda envelope: True, settings=quick).region
    '82'
    """
    check_region_on("cper_envelopes", "region", region, _FIRST_DAY, "a CPER's first day")
    return _cper_envelopes(ident=ident, region=region)


@st.composite
def _cper_envelopes(draw: st.DrawFn, *, ident: str | None, region: str | None) -> CperEnvelope:
    code = region if region is not None else draw(region_codes())
    first = draw(st.sampled_from([2007, 2000]))
    return CperEnvelope(
        id=ident if ident is not None else f"cper-{code}-{first}",
        region=code,
        period_start=date(first, 1, 1),
        period_end=date(first + 6, 12, 31),
        amount=draw(eur_amounts(max_value="2000000.00")),
    )


@checked
@st.composite
def structuring_projects(
    draw: st.DrawFn,
    *,
    ident: str | None = None,
    region: str | None = None,
    pole_ids: Sequence[str] = _POLE_IDS,
) -> StructuringProject:
    """
    Generate structuring projects put forward for CPER funding (SYN.4).

    A project requests up to 800 000 EUR, is linked to up to two of
    *pole_ids* or to none, and is ranked 1 to 3 or not at all, so that
    ties are frequent among a few projects.

    Args:
        ident: The project's id; by default ``project-0`` to ``project-99``
            (draw lists with ``unique_by`` id, or give ids).
        region: The INSEE code of its region (an envelope shares only among
            projects of its own); by default one of 2009.
        pole_ids: The pôles it may be linked to.

    Shrinks toward an unranked request of 0.00 EUR linked to no pôle.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate])  # the first example found, not shrunk
    >>> strategy = structuring_projects(region="82", pole_ids=["minalogic"])
    >>> project = find(strategy, lambda project: True, settings=quick)
    >>> project.region, set(project.pole_ids) <= {"minalogic"}
    ('82', True)
    """
    n = draw(st.integers(min_value=0, max_value=99))
    code = region if region is not None else draw(region_codes())
    return StructuringProject(
        id=ident if ident is not None else f"project-{n}",
        name=f"Projet structurant {n} (generated)",
        region=code,
        pole_ids=_some(draw, pole_ids, 2),
        requested=draw(eur_amounts(max_value="800000.00")),
        priority_rank=draw(st.none() | st.integers(min_value=1, max_value=3)),
    )


@checked
def allocations(
    *,
    pole_ids: Sequence[str] = _POLE_IDS,
    ministries: Sequence[str] = ("MESR", "Agriculture"),
) -> st.SearchStrategy[Allocation]:
    """
    Generate a ministry's allocation to a body it supervises (SYN.2).

    Two ministries, three bodies and the years 2009-2011, so that lists of
    allocations group by ministry and year; an allocation is linked to one
    of *pole_ids* or to none, and is up to 1 000 000 EUR. Shrinks toward an
    allocation of 0.00 EUR by the first of *ministries* to the CNRS in
    2009, linked to no pôle.

    Args:
        pole_ids: The pôles an allocation may be linked to.
        ministries: The ministries' names, drawn as given; pass several
            spellings of one ministry (``"MESR"``, ``"mesr "``) to exercise
            the grouping by :attr:`~poles_policy.model.cper.Allocation.ministry_key`.
            None may be blank, and there is at least one.

    Raises:
        InvalidInputError: If *ministries* is empty.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate])  # the first example found, not shrunk
    >>> strategy = allocations(pole_ids=["minalogic"], ministries=["MESR"])
    >>> allocation = find(strategy, lambda allocation: True, settings=quick)
    >>> allocation.ministry, allocation.pole_id in ("minalogic", None)
    ('MESR', True)
    """
    check_some("allocations", "ministries", ministries, "ministry")
    return _allocations(pole_ids=pole_ids, ministries=ministries)


@st.composite
def _allocations(
    draw: st.DrawFn, *, pole_ids: Sequence[str], ministries: Sequence[str]
) -> Allocation:
    return Allocation(
        ministry=draw(st.sampled_from(tuple(ministries))),
        body=draw(st.sampled_from(["CNRS", "INRA", "CEA"])),
        year=draw(st.integers(min_value=2009, max_value=2011)),
        amount=draw(eur_amounts(max_value="1000000.00")),
        pole_id=draw(st.none() | st.sampled_from(tuple(pole_ids))) if pole_ids else None,
    )
