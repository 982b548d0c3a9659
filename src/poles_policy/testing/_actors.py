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
    public_by_kind,
)
from poles_policy.testing._arguments import checked
from poles_policy.testing._values import _some, eur_amounts, region_codes

if TYPE_CHECKING:
    from collections.abc import Sequence


# The bands of the EU SME test (micro, small, medium, large): staff in annual work units,
# turnover and balance-sheet total, each band's bounds included.
# Built once: building strategies on every draw would slow every test that uses enterprises.
_BANDS: Final = st.integers(min_value=0, max_value=3)
_STAFF: Final = tuple(
    st.integers(min_value=low, max_value=high)
    for low, high in ((0, 9), (10, 49), (50, 249), (250, 2000))
)
_TURNOVER: Final = tuple(
    eur_amounts(min_value=low, max_value=high)
    for low, high in (
        ("0.00", "2000000.00"),
        ("2000000.00", "10000000.00"),
        ("10000000.00", "50000000.00"),
        ("50000000.00", "600000000.00"),
    )
)
_BALANCE: Final = tuple(
    eur_amounts(min_value=low, max_value=high)
    for low, high in (
        ("0.00", "2000000.00"),
        ("2000000.00", "10000000.00"),
        ("10000000.00", "43000000.00"),
        ("43000000.00", "600000000.00"),
    )
)


@checked
@st.composite
def accounts(draw: st.DrawFn, *, years: Sequence[int] = (2007, 2008)) -> tuple[Accounts, ...]:
    """
    Generate closed accounting periods, one closed on 31 December of each of *years*.

    Each period's figures fall in the band of a micro, small, medium or
    large enterprise (EU SME ceilings), drawn evenly per period, so that
    the size class may change from one period to the next; one time in
    four the turnover and balance sheet lie in another band than the
    staff. They shrink toward zero (small firms first).

    Raises:
        InvalidInputError: If a year appears twice in *years* (two periods
            cannot close on the same day).
        WrongTypeError: If *years* is not a list or tuple of ints.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate])  # the first example found, not shrunk
    >>> periods = find(accounts(years=[2007, 2008]), lambda periods: True, settings=quick)
    >>> [period.period_end for period in periods]
    [datetime.date(2007, 12, 31), datetime.date(2008, 12, 31)]
    """
    out = []
    for year in years:
        band = draw(_BANDS)
        staff = draw(_STAFF[band])
        if draw(st.sampled_from((False, False, False, True))):
            band = draw(_BANDS)
        turnover = draw(_TURNOVER[band])
        balance = draw(_BALANCE[band])
        out.append(
            Accounts(
                period_end=date(year, 12, 31),
                staff_awu=staff,
                turnover=turnover,
                balance_sheet=balance,
            )
        )
    return tuple(out)


# The accounting periods an enterprise has: the two closed before the pilot first (the simplest
# SME test), then one, none (its status is then unknown), three, and later ones, closed after
# some of the dates a rule may be asked about (those periods are not yet closed then).
_ACCOUNT_YEARS: Final[tuple[tuple[int, ...], ...]] = (
    (2007, 2008),
    (2008,),
    (),
    (2006, 2007, 2008),
    (2008, 2009),
    (2009, 2010),
    (2009, 2010, 2011),
)


# The share held by public bodies, on both sides of the 25 % ceiling, or unknown (None).
_PUBLIC_SHARES: Final = (
    Decimal(0),
    Decimal(0),
    Decimal("0.10"),
    Decimal("0.25"),
    Decimal("0.30"),
    None,
)


@checked
@st.composite
def enterprises(draw: st.DrawFn, *, ident: str | None = None) -> Enterprise:
    """
    Generate enterprises with the facts of the EU SME test, in a region of 2009 or none.

    The accounts close in varied years (two, one, none, three periods;
    some after 2008); one enterprise in two has partner or linked
    enterprises (:func:`related_enterprises`); the share held by public
    bodies is unknown (``None``) one time in six. So the SME status may be
    yes, no or undetermined, and the aggregation of related enterprises is
    exercised. Half of the enterprises are in Rhône-Alpes (82), so that
    relay pilot cases are frequent, a quarter in any region of 2009
    (Rhône-Alpes among them) and a quarter in none known (``None``).

    Args:
        ident: The enterprise's id; by default ``ent-0`` to ``ent-999``.

    Shrinking prefers the examples that make the fewest random choices: a
    failing property usually reports an enterprise of Rhône-Alpes without
    related enterprises and without accounts (its SME status unknown), its
    other fields not always the simplest; an enterprise with its 2007 and
    2008 accounts is what :func:`accounts` shrinks toward on its own.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate])  # the first example found, not shrunk
    >>> acme = find(enterprises(ident="acme"), lambda e: e.region == "82", settings=quick)
    >>> acme.id, acme.region
    ('acme', '82')
    """
    # The region's kind first: half "82", a quarter any region, a quarter unknown. (st.one_of
    # of three branches gave a third each, and a choice drawn late leans to its simplest.)
    where = draw(st.integers(min_value=0, max_value=3))
    n = draw(st.integers(min_value=0, max_value=999))
    drawn = [draw(related_enterprises()) for _ in range(draw(st.sampled_from((0, 0, 1, 2))))]
    # Of distinct names, the first drawn of a name kept: an enterprise is held at one share.
    related = [r for i, r in enumerate(drawn) if all(r.name != d.name for d in drawn[:i])]
    region = "82" if where < 2 else (draw(region_codes()) if where == 2 else None)
    return Enterprise(
        id=ident if ident is not None else f"ent-{n}",
        name=f"Entreprise {n} (generated)",
        region=region,
        accounts=draw(accounts(years=draw(st.sampled_from(_ACCOUNT_YEARS)))),
        related=related,
        public_bodies_share=draw(st.sampled_from(_PUBLIC_SHARES)),
    )


# The kinds in the model's order (shrinking toward public research), and those that may be public.
_RESEARCH_KINDS: Final[tuple[ResearchKind, ...]] = tuple(ResearchKind)
_PUBLIC_KINDS: Final[tuple[ResearchKind, ...]] = tuple(k for k in ResearchKind if public_by_kind(k))


@checked
@st.composite
def research_organisations(
    draw: st.DrawFn, *, ident: str | None = None, public: bool | None = None
) -> ResearchOrganisation:
    """
    Generate research and training bodies (never enterprises), in a region of 2009.

    A private non-profit centre is never public (the model refuses it), so
    ``public=True`` never draws one.

    Args:
        ident: The body's id; by default ``lab-0`` to ``lab-999``.
        public: Whether the body is a public establishment; ``None`` (the
            default, and so ``st.from_type``) draws either, half the time
            each for the kinds that may be either, shrinking toward public.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate])  # the first example found, not shrunk
    >>> lab = find(research_organisations(public=None), lambda lab: not lab.public, settings=quick)
    >>> lab.public, lab.id.startswith("lab-")
    (False, True)
    """
    n = draw(st.integers(min_value=0, max_value=999))
    kinds = _PUBLIC_KINDS if public is True else _RESEARCH_KINDS
    kind = draw(st.sampled_from(kinds))
    region = draw(region_codes())
    if public is None:
        # A private non-profit centre is never public; the other kinds may be either.
        public = (not draw(st.booleans())) and public_by_kind(kind)
    return ResearchOrganisation(
        id=ident if ident is not None else f"lab-{n}",
        name=f"Laboratoire {n} (generated)",
        kind=kind,
        public=public,
        region=region,
    )


# A related enterprise's periods: those of most enterprises, none (its figures are then
# unknown), one, or later ones only (none closed on or before an enterprise's 2008 period).
_RELATED_YEARS: Final[tuple[tuple[int, ...], ...]] = ((2007, 2008), (), (2008,), (2009, 2010))


@st.composite
def related_enterprises(draw: st.DrawFn) -> RelatedEnterprise:
    """
    Generate the partner and linked enterprises of an enterprise (EU SME test).

    Shares sit on either side of the 25 % and 50 % thresholds; a related
    enterprise may be an exempt investor and has accounts closing in varied
    years (2007 and 2008, 2008 only, 2009 and 2010) or none, in which case
    its figures, needed when it is a partner or linked, are unknown.
    Shrinking prefers the examples that make the fewest random choices: a
    failing property usually reports a holding without accounts (its
    figures unknown), its share not always the simplest.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate])  # the first example found, not shrunk
    >>> linked = find(related_enterprises(), lambda r: r.share > Decimal("0.50"), settings=quick)
    >>> linked.share in (Decimal("0.5001"), Decimal(1))  # just above the threshold, or all
    True
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
        accounts=draw(accounts(years=draw(st.sampled_from(_RELATED_YEARS)))),
        exempt_investor=draw(st.booleans()),
    )


_COOPERATION_KINDS: Final[tuple[CooperationKind, ...]] = tuple(CooperationKind)


@checked
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

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate])  # the first example found, not shrunk
    >>> founders = cooperation_structures(founders=["univ-lyon", "cnrs"])
    >>> sorted(find(founders, lambda s: len(s.founders) == 2, settings=quick).founders)
    ['cnrs', 'univ-lyon']
    """
    n = draw(st.integers(min_value=0, max_value=99))
    kind = draw(st.sampled_from(_COOPERATION_KINDS))
    return CooperationStructure(
        id=ident if ident is not None else f"structure-{n}",
        name=f"{kind.name} {n} (generated)",
        kind=kind,
        founders=_some(draw, founders, 3),
    )


_AUTHORITY_LEVELS: Final[tuple[AuthorityLevel, ...]] = tuple(AuthorityLevel)


@checked
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

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate])  # the first example found, not shrunk
    >>> find(local_authorities(region="82"), lambda authority: True, settings=quick).region
    '82'
    """
    n = draw(st.integers(min_value=0, max_value=99))
    level = draw(st.sampled_from(_AUTHORITY_LEVELS))
    code = region if region is not None else draw(region_codes())
    return LocalAuthority(
        id=ident if ident is not None else f"authority-{n}",
        name=f"{level.value.capitalize()} {code}-{n} (generated)",
        level=level,
        region=code,
    )


# The préfet de région first: the State party of performance contracts.
_STATE_KINDS: Final = (StateKind.PREFET_DE_REGION, StateKind.MINISTRY, StateKind.AGENCY)


@checked
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

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate])  # the first example found, not shrunk
    >>> find(state_bodies(region="82"), lambda body: body.region is not None, settings=quick).id
    'prefet-82'
    """
    kind = draw(st.sampled_from(_STATE_KINDS))
    if kind is StateKind.PREFET_DE_REGION:
        code = region if region is not None else draw(region_codes())
        return StateBody(
            id=ident if ident is not None else f"prefet-{code}",
            name=f"Préfet de région {code} (generated)",
            kind=kind,
            region=code,
        )
    n = draw(st.integers(min_value=0, max_value=99))
    return StateBody(
        id=ident if ident is not None else f"state-{n}", name=f"État {n} (generated)", kind=kind
    )


@checked
@st.composite
def banks(draw: st.DrawFn, *, ident: str | None = None) -> Bank:
    """
    Generate banks (établissements bancaires); ids ``bank-0`` to ``bank-99`` unless *ident*.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate])  # the first example found, not shrunk
    >>> find(banks(ident="bank-lyon"), lambda bank: True, settings=quick).id
    'bank-lyon'
    """
    n = draw(st.integers(min_value=0, max_value=99))
    return Bank(id=ident if ident is not None else f"bank-{n}", name=f"Banque {n} (generated)")


@checked
@st.composite
def oseo_offices(draw: st.DrawFn, *, ident: str | None = None) -> Oseo:
    """
    Generate OSEO regional offices; ids ``oseo-0`` to ``oseo-99`` unless *ident*.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate])  # the first example found, not shrunk
    >>> find(oseo_offices(), lambda office: True, settings=quick).id.startswith("oseo-")
    True
    """
    n = draw(st.integers(min_value=0, max_value=99))
    return Oseo(id=ident if ident is not None else f"oseo-{n}", name=f"OSEO {n} (generated)")
