"""Enterprises and their accounts, research bodies, authorities, the State and banks."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from hypothesis import strategies as st

from poles_policy.model.actors import (
    Accounts,
    AuthorityLevel,
    Bank,
    CooperationKind,
    CooperationStructure,
    Enterprise,
    LocalAuthority,
    Oseo,
    RelatedEnterprise,
    ResearchKind,
    ResearchOrganisation,
    StateBody,
    StateKind,
)
from poles_policy.testing._values import _some, eur_amounts, region_codes

if TYPE_CHECKING:
    from collections.abc import Sequence


@st.composite
def accounts(draw: st.DrawFn, *, years: tuple[int, ...] = (2007, 2008)) -> tuple[Accounts, ...]:
    """Generate closed accounting periods (one per year in *years*), small firms first."""
    out = []
    for year in years:
        staff = draw(st.integers(min_value=0, max_value=2000))
        turnover = draw(eur_amounts(max_value="600000000.00"))
        balance = draw(eur_amounts(max_value="600000000.00"))
        out.append(
            Accounts(
                period_end=date(year, 12, 31),
                staff_awu=staff,
                turnover=turnover,
                balance_sheet=balance,
            )
        )
    return tuple(out)


@st.composite
def enterprises(draw: st.DrawFn, *, ident: str | None = None) -> Enterprise:
    """Generate enterprises with their accounts, in any region of 2009 (or unknown)."""
    n = draw(st.integers(min_value=0, max_value=999))
    return Enterprise(
        id=ident or f"ent-{n}",
        name=f"Entreprise {n} (generated)",
        # Half of the enterprises are in Rhône-Alpes, so that pilot cases are frequent.
        region=draw(st.one_of(st.just("82"), region_codes(), st.none())),
        accounts=draw(accounts()),
        public_bodies_share=draw(st.sampled_from([Decimal(0), Decimal("0.10"), Decimal("0.30")])),
    )


@st.composite
def research_organisations(
    draw: st.DrawFn, *, ident: str | None = None, public: bool | None = True
) -> ResearchOrganisation:
    """
    Generate research and training bodies (never enterprises), in a region of 2009.

    Args:
        ident: The body's id; by default ``lab-0`` to ``lab-999``.
        public: Whether the body is a public establishment; ``None`` draws
            either, shrinking toward public.
    """
    n = draw(st.integers(min_value=0, max_value=999))
    kind = draw(st.sampled_from(list(ResearchKind)))
    region = draw(region_codes())
    return ResearchOrganisation(
        id=ident or f"lab-{n}",
        name=f"Laboratoire {n} (generated)",
        kind=kind,
        public=(not draw(st.booleans())) if public is None else public,
        region=region,
    )


@st.composite
def related_enterprises(draw: st.DrawFn) -> RelatedEnterprise:
    """
    Generate the partner and linked enterprises of an enterprise (EU SME test).

    Shares sit on either side of the 25 % and 50 % thresholds; a related
    enterprise may be an exempt investor and has its 2007 and 2008 accounts
    or none. Shrinks toward a 10 % holding without accounts.
    """
    n = draw(st.integers(min_value=0, max_value=999))
    shares: list[Decimal] = [
        Decimal("0.10"),
        Decimal("0.25"),
        Decimal("0.2501"),
        Decimal("0.50"),
        Decimal("0.5001"),
        Decimal(1),
    ]
    return RelatedEnterprise(
        name=f"Société liée {n} (generated)",
        share=draw(st.sampled_from(shares)),
        accounts=draw(accounts()) if draw(st.booleans()) else (),
        exempt_investor=draw(st.booleans()),
    )


_COOPERATION_KINDS: Final[tuple[CooperationKind, ...]] = tuple(CooperationKind)


@st.composite
def cooperation_structures(
    draw: st.DrawFn,
    *,
    ident: str | None = None,
    founders: Sequence[str] = ("univ-0", "lab-1", "outside-2"),
) -> CooperationStructure:
    """
    Generate cooperation structures (PRES, RTRA, Institut Carnot...) of SYN.3.

    Args:
        ident: The structure's id; by default ``structure-0`` to ``structure-99``.
        founders: The ids its founders are drawn from: up to three of them,
            distinct, in a drawn order.

    Shrinks toward a PRES founded by no one.
    """
    n = draw(st.integers(min_value=0, max_value=99))
    kind = draw(st.sampled_from(_COOPERATION_KINDS))
    return CooperationStructure(
        id=ident or f"structure-{n}",
        name=f"{kind.name} {n} (generated)",
        kind=kind,
        founders=_some(draw, founders, 3),
    )


_AUTHORITY_LEVELS: Final[tuple[AuthorityLevel, ...]] = tuple(AuthorityLevel)


@st.composite
def local_authorities(
    draw: st.DrawFn, *, ident: str | None = None, region: str | None = None
) -> LocalAuthority:
    """
    Generate local authorities (collectivités territoriales) of a region.

    Args:
        ident: The authority's id; by default ``authority-0`` to ``authority-99``.
        region: The INSEE code of its region; by default one of 2009.

    Shrinks toward the Région Rhône-Alpes.
    """
    n = draw(st.integers(min_value=0, max_value=99))
    level = draw(st.sampled_from(_AUTHORITY_LEVELS))
    code = region if region is not None else draw(region_codes())
    return LocalAuthority(
        id=ident or f"authority-{n}",
        name=f"{level.value.capitalize()} {code}-{n} (generated)",
        level=level,
        region=code,
    )


# The préfet de région first: the State party of performance contracts.
_STATE_KINDS: Final = (StateKind.PREFET_DE_REGION, StateKind.MINISTRY, StateKind.AGENCY)


@st.composite
def state_bodies(
    draw: st.DrawFn, *, ident: str | None = None, region: str | None = None
) -> StateBody:
    """
    Generate State bodies: a préfet de région (with its region), a ministry or an agency.

    Args:
        ident: The body's id; by default ``prefet-<region>`` for a préfet,
            ``state-0`` to ``state-99`` otherwise.
        region: The INSEE code of a préfet's region; by default one of 2009.

    Shrinks toward the préfet de la région Rhône-Alpes.
    """
    kind = draw(st.sampled_from(_STATE_KINDS))
    if kind is StateKind.PREFET_DE_REGION:
        code = region if region is not None else draw(region_codes())
        return StateBody(
            id=ident or f"prefet-{code}",
            name=f"Préfet de région {code} (generated)",
            kind=kind,
            region=code,
        )
    n = draw(st.integers(min_value=0, max_value=99))
    return StateBody(id=ident or f"state-{n}", name=f"État {n} (generated)", kind=kind)


@st.composite
def banks(draw: st.DrawFn, *, ident: str | None = None) -> Bank:
    """Generate banks (établissements bancaires); ids ``bank-0`` to ``bank-99`` unless *ident*."""
    n = draw(st.integers(min_value=0, max_value=99))
    return Bank(id=ident or f"bank-{n}", name=f"Banque {n} (generated)")


@st.composite
def oseo_offices(draw: st.DrawFn, *, ident: str | None = None) -> Oseo:
    """Generate OSEO regional offices; ids ``oseo-0`` to ``oseo-99`` unless *ident*."""
    n = draw(st.integers(min_value=0, max_value=99))
    return Oseo(id=ident or f"oseo-{n}", name=f"OSEO {n} (generated)")
