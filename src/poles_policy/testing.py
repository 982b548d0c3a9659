"""
Hypothesis strategies for poles_policy's own types.

Use them to write property-based tests of code that consumes the library::

    from hypothesis import given
    from poles_policy.testing import relay_requests
    from poles_policy.parameters import default_parameters
    from poles_policy.rules.relay import eligibility


    @given(relay_requests())
    def test_an_eligible_request_never_exceeds_the_subsidy(request):
        decision = eligibility(request, default_parameters())
        ...

There is a strategy for every domain type: the actors, pôles and their
labels, collaborative projects and their aid, relay requests, loans and
cases, calls for projects and innovation platforms, CPER envelopes,
structuring projects and allocations, cooperation structures and a pôle's
synergies, performance contracts and coordination committees.

Every strategy generates valid objects by construction (no invariant of the
domain model is ever violated) and shrinks toward simple ones: small
amounts, early dates, few items, facts known. Cases are not all eligible:
generated requests come from every region and may miss a label, a letter or
State aid, and each part of a generated platform, contract or committee
meets its rule most of the time but not always, so that properties see
every outcome. Ids are unique wherever the model asks it; give ``ident=``
(or ``pole_id=``) to fix one.

When Hypothesis is installed together with poles_policy, the strategies are
also registered for ``st.from_type`` through Hypothesis' entry point,
lazily: importing poles_policy alone never imports Hypothesis.

Requires the ``testing`` extra: ``pip install "poles-policy[testing]"``.
"""

from __future__ import annotations

from datetime import date, timedelta
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
from poles_policy.model.cases import RelayCase
from poles_policy.model.committees import CommitteeMember, CoordinationCommittee, Meeting
from poles_policy.model.contracts import (
    Axis,
    Direction,
    Indicator,
    Measurement,
    Objective,
    OperatingBudget,
    PerformanceContract,
)
from poles_policy.model.cper import Allocation, CperEnvelope, StructuringProject
from poles_policy.model.platforms import (
    CallForProjects,
    FinancingLine,
    FundingSource,
    InnovationPlatform,
    PlatformUser,
    UserKind,
)
from poles_policy.model.poles import (
    Category,
    GoverningBody,
    LabelEvent,
    LabelEventKind,
    Pole,
    StateCorrespondent,
)
from poles_policy.model.projects import (
    AidDecision,
    CollaborativeProject,
    Funder,
    PartnerAid,
    PartnerRole,
    Payment,
    PaymentKind,
    PoleLabel,
    ProjectPartner,
    ScheduledPayment,
)
from poles_policy.model.regions import Region, all_regions, regions_on
from poles_policy.model.relay import RelayLoan, RelayRequest
from poles_policy.model.synergies import Involvement, PoleSynergies
from poles_policy.money import Eur, eur

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "accounts",
    "aid_decisions",
    "allocations",
    "banks",
    "calls_for_projects",
    "committee_members",
    "cooperation_structures",
    "coordination_committees",
    "cper_envelopes",
    "enterprises",
    "eur_amounts",
    "financing_lines",
    "governing_bodies",
    "indicators",
    "innovation_platforms",
    "involvements",
    "label_events",
    "local_authorities",
    "measurements",
    "meetings",
    "objectives",
    "operating_budgets",
    "oseo_offices",
    "partner_aids",
    "payments",
    "performance_contracts",
    "platform_users",
    "pole_labels",
    "pole_synergies",
    "poles",
    "policy_dates",
    "project_partners",
    "projects",
    "region_codes",
    "regions",
    "related_enterprises",
    "relay_cases",
    "relay_loans",
    "relay_requests",
    "research_organisations",
    "scheduled_payments",
    "state_bodies",
    "state_correspondents",
    "structuring_projects",
]

PHASE_2_START = date(2008, 1, 1)
PHASE_2_END = date(2012, 12, 31)


def eur_amounts(
    *, min_value: Decimal | str = "0.00", max_value: Decimal | str = "10000000.00"
) -> st.SearchStrategy[Eur]:
    """
    Generate exact euro amounts between *min_value* and *max_value*.

    Amounts have exactly two decimals and shrink toward *min_value*.
    """
    return st.decimals(min_value=Decimal(min_value), max_value=Decimal(max_value), places=2).map(
        eur
    )


def policy_dates(
    *, min_value: date = PHASE_2_START, max_value: date = PHASE_2_END
) -> st.SearchStrategy[date]:
    """Generate dates of the policy period (2008-2012 by default), shrinking toward the start."""
    return st.dates(min_value=min_value, max_value=max_value)


def region_codes(on: date = date(2009, 1, 1)) -> st.SearchStrategy[str]:
    """
    Generate INSEE codes of the regions that existed on *on*.

    Shrinks toward Rhône-Alpes ("82"), the pilot region, when it existed.
    """
    codes = sorted(r.code for r in regions_on(on))
    if "82" in codes:
        codes.remove("82")
        codes.insert(0, "82")
    return st.sampled_from(codes)


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


# A few themes, two of them in two spellings, so that theme matching sees case and spaces.
_THEMES = (
    "micro-nanotechnologies",
    "Micro-nanotechnologies",
    "environment",
    "environment ",
    "textiles",
    "energy",
)


@st.composite
def poles(draw: st.DrawFn, *, ident: str | None = None) -> Pole:
    """
    Generate pôles with themes, a 2008 group (or none) and a labelling history.

    The history starts with a label between July 2005 and 2010; it may then
    hold a confirmation, and after both a withdrawal (delabelling), until
    2012. Only a pôle labelled by 2008 may have a 2008 evaluation group. Themes
    are distinct under the library's reading (case and spaces aside). Ids are
    ``pole-0`` to ``pole-99``: give *ident*, or draw lists ``unique_by`` id.

    Shrinks toward a national Rhône-Alpes pôle, labelled in July 2005 and never
    delabelled, with no known group or State correspondent.
    """
    n = draw(st.integers(min_value=0, max_value=99))
    labelled_on = draw(policy_dates(min_value=date(2005, 7, 12), max_value=date(2010, 12, 31)))
    history = [LabelEvent(kind=LabelEventKind.LABELLED, on=labelled_on, source="generated")]
    last = labelled_on
    for kind in (LabelEventKind.CONFIRMED, LabelEventKind.DELABELLED):
        if last < PHASE_2_END and draw(st.booleans()):
            last = draw(policy_dates(min_value=last + timedelta(days=1), max_value=PHASE_2_END))
            history.append(LabelEvent(kind=kind, on=last, source="generated"))
    correspondent = draw(
        st.none() | st.just(StateCorrespondent(name=f"Correspondant {n}", service="DRIRE"))
    )
    themes = draw(
        st.lists(
            st.sampled_from(_THEMES),
            max_size=3,
            unique_by=lambda theme: " ".join(theme.split()).casefold(),
        )
    )
    groups: list[int | None] = [None, 1, 2, 3] if labelled_on.year <= 2008 else [None]
    categories: list[Category] = [Category.NATIONAL, Category.MONDIAL, Category.VOCATION_MONDIALE]
    return Pole(
        id=ident or f"pole-{n}",
        name=f"Pôle {n} (generated)",
        category=draw(st.sampled_from(categories)),
        themes=themes,
        head_office_region=draw(region_codes()),
        state_correspondent=correspondent,
        evaluation_group_2008=draw(st.sampled_from(groups)),
        history=history,
    )


@st.composite
def projects(
    draw: st.DrawFn, *, applicant: Enterprise | ResearchOrganisation | None = None
) -> CollaborativeProject:
    """
    Generate collaborative projects, with *applicant* among the partners when given.

    Labels, aid and the selection letter vary (dated, undated, absent, aid
    from the State or a region), and payments never exceed the grant.
    """
    member = applicant if applicant is not None else draw(enterprises())
    lab = draw(research_organisations())
    if lab.id == member.id:
        lab = ResearchOrganisation(id=f"{lab.id}-2", name=lab.name, kind=lab.kind)
    letter = draw(st.one_of(policy_dates(), st.none()))
    # Projects are usually labelled before their selection letter, sometimes after or undated.
    labelled_on = draw(
        st.one_of(
            st.integers(min_value=0, max_value=400).map(
                lambda k: date.fromordinal((letter or PHASE_2_END).toordinal() - k)
            ),
            policy_dates(),
            st.none(),
        )
    )
    labels = draw(
        st.sampled_from(
            [(PoleLabel(pole_id="minalogic", labelled_on=labelled_on),), ()],
        )
    )
    granted = draw(eur_amounts(min_value="0.00", max_value="2000000.00"))
    paid_share = draw(st.sampled_from([Decimal(0), Decimal("0.25"), Decimal(1)]))
    paid = eur((granted * paid_share).quantize(Decimal("0.01")))
    payments = (Payment(paid_on=draw(policy_dates()), amount=paid),) if paid > 0 else ()
    funder = draw(st.sampled_from([Funder.STATE, Funder.STATE, Funder.REGION]))
    decided = (
        AidDecision(
            funder=funder,
            scheme="FUI" if funder is Funder.STATE else "Région",
            partners=(PartnerAid(partner_id=member.id, granted=granted, payments=payments),),
        ),
    )
    aid = draw(st.sampled_from([decided, decided, None, ()]))
    return CollaborativeProject(
        id="prj",
        name="PROJET (generated)",
        partners=(
            ProjectPartner(actor=member, role=PartnerRole.LEAD),
            ProjectPartner(actor=lab),
        ),
        labels=labels,
        aid=aid,
        selection_letter_on=letter,
    )


@st.composite
def relay_requests(draw: st.DrawFn) -> RelayRequest:
    """Generate relay requests by an enterprise (mostly) or a lab, with their project."""
    # Mostly enterprises (the scheme's beneficiaries), sometimes a lab (always refused).
    people = enterprises(ident="applicant")
    applicant: Enterprise | ResearchOrganisation = draw(
        st.one_of(people, people, research_organisations())
    )
    project = draw(projects(applicant=applicant))
    letter = project.selection_letter_on
    # Mostly after the selection letter, sometimes just before it.
    requested_on = (
        draw(policy_dates())
        if letter is None
        else date.fromordinal(letter.toordinal() + draw(st.integers(min_value=-30, max_value=365)))
    )
    granted = sum((a.granted for d in project.aid or () for a in d.partners), Decimal(0))
    ceiling = max(granted * Decimal("1.2"), Decimal("0.01")).quantize(Decimal("0.01"))
    return RelayRequest(
        id="req",
        applicant=applicant,
        project=project,
        requested_on=requested_on,
        amount=draw(eur_amounts(min_value="0.01", max_value=ceiling)),
        bank=Bank(id="bank", name="Banque (generated)"),
        oseo_counter_guarantee=draw(st.one_of(st.booleans(), st.none())),
    )


@st.composite
def relay_loans(draw: st.DrawFn, request: RelayRequest | None = None) -> RelayLoan:
    """Generate a loan answering *request* (by default a generated one), paid out within 60 days."""
    if request is None:
        request = draw(relay_requests())
    delay = draw(st.integers(min_value=0, max_value=60))
    return RelayLoan(
        request_id=request.id,
        disbursed_on=date.fromordinal(request.requested_on.toordinal() + delay),
        principal=request.amount,
        annual_rate=draw(st.sampled_from([Decimal("0.04"), Decimal("0.055"), Decimal("0.08")])),
        fees=draw(eur_amounts(max_value="2000.00")),
    )


@st.composite
def relay_cases(draw: st.DrawFn) -> RelayCase:
    """Generate relay cases: a request and, half the time, its loan."""
    request = draw(relay_requests())
    loan = draw(st.one_of(st.none(), relay_loans(request)))
    return RelayCase(case_id=request.id, request=request, loan=loan)


# -- shared helpers ---------------------------------------------------------------------------

# Pôle ids that the other strategies link to by default: the first ids poles() generates, so that
# generated pôles and the objects naming them meet, and so that lists of links repeat ids.
_POLE_IDS: Final = ("pole-0", "pole-1", "pole-2", "pole-3")


def _flaw(draw: st.DrawFn, modes: int = 1) -> int:
    """
    Draw whether a part of a generated case meets its rule (0) or which of its *modes* fails it.

    A part is sound three times in four, and always once shrunk: a failing
    case then keeps only the parts that matter to it. The flaws share the
    fourth quarter evenly, from a single draw (nested choices would make
    the later ones rare). Parts are drawn independently, so that a case may
    fail one rule, several or none.
    """
    k = draw(st.integers(min_value=0, max_value=4 * modes - 1))
    return max(0, k - 3 * modes + 1)


def _sound(draw: st.DrawFn) -> bool:
    """Draw whether a part with a single way to fail is sound (three times in four)."""
    return _flaw(draw) == 0


def _some(draw: st.DrawFn, pool: Sequence[str], max_size: int) -> list[str]:
    """Draw up to *max_size* distinct ids of *pool*, in a drawn order (none from an empty pool)."""
    if not pool:
        return []
    return draw(st.lists(st.sampled_from(tuple(pool)), unique=True, max_size=max_size))


# -- actors -----------------------------------------------------------------------------------


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


def regions(*, on: date | None = None) -> st.SearchStrategy[Region]:
    """
    Generate region records: every record known, or those that existed on *on*.

    Shrinks toward Rhône-Alpes when it is among them.
    """
    records = all_regions() if on is None else regions_on(on)
    return st.sampled_from(sorted(records, key=lambda r: (r.code != "82", r.code)))


# -- pôles ------------------------------------------------------------------------------------

_LABEL_EVENT_KINDS: Final[tuple[LabelEventKind, ...]] = tuple(LabelEventKind)


@st.composite
def label_events(draw: st.DrawFn) -> LabelEvent:
    """
    Generate single labelling events, from the first labels of July 2005 to 2012.

    For whole, consistent histories, generate pôles with :func:`poles`.
    Shrinks toward a label of 12 July 2005.
    """
    return LabelEvent(
        kind=draw(st.sampled_from(_LABEL_EVENT_KINDS)),
        on=draw(policy_dates(min_value=date(2005, 7, 12))),
        source="generated",
    )


@st.composite
def governing_bodies(draw: st.DrawFn) -> GoverningBody:
    """Generate a pôle's animation structure, usually an association loi 1901."""
    n = draw(st.integers(min_value=0, max_value=99))
    forms = ["association loi 1901", "groupement d'intérêt public"]
    return GoverningBody(
        name=f"Association {n} (generated)", legal_form=draw(st.sampled_from(forms))
    )


@st.composite
def state_correspondents(draw: st.DrawFn) -> StateCorrespondent:
    """Generate a pôle's State correspondent (GOV.3), in a DRIRE, a SGAR or a DIRECCTE."""
    n = draw(st.integers(min_value=0, max_value=99))
    services = ["DRIRE", "SGAR", "DIRECCTE"]
    return StateCorrespondent(name=f"Correspondant {n}", service=draw(st.sampled_from(services)))


# -- collaborative projects and their aid -----------------------------------------------------


@st.composite
def pole_labels(draw: st.DrawFn, *, pole_id: str | None = None) -> PoleLabel:
    """Generate a pôle's label of a project, dated in 2008-2012 or undated (*pole_id* fixes it)."""
    return PoleLabel(
        pole_id=pole_id or draw(st.sampled_from(_POLE_IDS)),
        labelled_on=draw(st.none() | policy_dates()),
    )


@st.composite
def payments(draw: st.DrawFn, *, max_amount: Decimal | str = "2000000.00") -> Payment:
    """Generate subsidy payments of up to *max_amount*, shrinking toward 0.00 on 1 January 2008."""
    return Payment(paid_on=draw(policy_dates()), amount=draw(eur_amounts(max_value=max_amount)))


_PAYMENT_KINDS: Final[tuple[PaymentKind, ...]] = tuple(PaymentKind)


@st.composite
def scheduled_payments(
    draw: st.DrawFn, *, max_amount: Decimal | str = "2000000.00"
) -> ScheduledPayment:
    """Generate planned instalments of up to *max_amount*, expected on a date or unknown."""
    return ScheduledPayment(
        kind=draw(st.sampled_from(_PAYMENT_KINDS)),
        amount=draw(eur_amounts(max_value=max_amount)),
        expected_on=draw(st.none() | policy_dates()),
    )


@st.composite
def partner_aids(draw: st.DrawFn, *, partner_id: str | None = None) -> PartnerAid:
    """
    Generate a partner's subsidy with its planned instalments and the payments received.

    Neither the instalments nor the payments ever total more than the grant.
    *partner_id* fixes the partner (by default ``partner-0`` to ``partner-9``).
    Shrinks toward a grant of 0.00 with no instalment and no payment.
    """
    granted = draw(eur_amounts(max_value="2000000.00"))
    left = granted
    schedule = []
    for kind in _PAYMENT_KINDS:
        if draw(st.booleans()):
            amount = draw(eur_amounts(max_value=left))
            left = Eur(left - amount)
            schedule.append(
                ScheduledPayment(
                    kind=kind, amount=amount, expected_on=draw(st.none() | policy_dates())
                )
            )
    # Each payment within what is left: the payments total at most the grant in any order.
    left = granted
    paid = []
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        payment = draw(payments(max_amount=left))
        left = Eur(left - payment.amount)
        paid.append(payment)
    n = draw(st.integers(min_value=0, max_value=9))
    return PartnerAid(
        partner_id=partner_id or f"partner-{n}", granted=granted, schedule=schedule, payments=paid
    )


_FUNDERS: Final[tuple[Funder, ...]] = tuple(Funder)


@st.composite
def aid_decisions(
    draw: st.DrawFn, *, partner_ids: Sequence[str] = ("partner-0", "partner-1")
) -> AidDecision:
    """
    Generate a funder's aid decision, aiding some of *partner_ids* (each at most once).

    Shrinks toward an undated State decision of the FUI that aids no one.
    """
    funder = draw(st.sampled_from(_FUNDERS))
    return AidDecision(
        funder=funder,
        scheme="FUI" if funder is Funder.STATE else f"aid of the {funder.value}",
        call=draw(st.none() | st.sampled_from(["FUI 7", "FUI 8", "FUI 9"])),
        decided_on=draw(st.none() | policy_dates()),
        partners=[draw(partner_aids(partner_id=p)) for p in _some(draw, partner_ids, 3)],
    )


# PARTNER first: the default role, and any number of partners may have it.
_ROLES: Final = (PartnerRole.PARTNER, PartnerRole.LEAD)


@st.composite
def project_partners(
    draw: st.DrawFn, *, actor: Enterprise | ResearchOrganisation | None = None
) -> ProjectPartner:
    """
    Generate a partner of a project: *actor* (by default an enterprise or a lab) and its role.

    Shrinks toward a plain partner whose eligible costs are unknown.
    """
    who = actor if actor is not None else draw(st.one_of(enterprises(), research_organisations()))
    return ProjectPartner(
        actor=who,
        role=draw(st.sampled_from(_ROLES)),
        eligible_costs=draw(st.none() | eur_amounts(max_value="5000000.00")),
    )


# -- calls for projects and innovation platforms (STRUCT.1) -----------------------------------

# The first call for innovation platforms opened on 1 October 2008, the first day the STRUCT
# parameters are in force: a call generated from then on can be judged by the rules.
_FIRST_CALL: Final = date(2008, 10, 1)
_PLATFORM_AMOUNT: Final = "5000000.00"
_USER_KINDS: Final[tuple[UserKind, ...]] = tuple(UserKind)
_SOURCES: Final[tuple[FundingSource, ...]] = tuple(FundingSource)
_OTHER_PUBLIC: Final = (
    FundingSource.LOCAL_AUTHORITIES,
    FundingSource.FEDER,
    FundingSource.OTHER,
)


@st.composite
def calls_for_projects(
    draw: st.DrawFn, *, ident: str | None = None, pole_ids: Sequence[str] = _POLE_IDS
) -> CallForProjects:
    """
    Generate calls for structuring projects (STRUCT.1), open from 0 to 120 days.

    Calls open between 1 October 2008 (the first platforms call, from which
    the STRUCT parameters are in force) and mid-2012, and target up to three
    of *pole_ids*, or none (open to every pôle).

    Args:
        ident: The call's id; by default ``call-0`` to ``call-99``.
        pole_ids: The pôles a call may target.

    Shrinks toward a call open on 1 October 2008 only, targeting no pôle.
    """
    n = draw(st.integers(min_value=0, max_value=99))
    opens = draw(policy_dates(min_value=_FIRST_CALL, max_value=date(2012, 6, 30)))
    return CallForProjects(
        id=ident or f"call-{n}",
        name=f"Appel à projets {n} (generated)",
        opens_on=opens,
        closes_on=opens + timedelta(days=draw(st.integers(min_value=0, max_value=120))),
        targeted_pole_ids=_some(draw, pole_ids, 3),
    )


@st.composite
def financing_lines(draw: st.DrawFn, *, source: FundingSource | None = None) -> FinancingLine:
    """
    Generate a line of a financing plan: any source (or *source*), for a year of 2008-2013 or none.

    Shrinks toward 0.00 of State FCE investment aid for the whole plan.
    """
    return FinancingLine(
        source=source if source is not None else draw(st.sampled_from(_SOURCES)),
        year=draw(st.none() | st.integers(min_value=2008, max_value=2013)),
        amount=draw(eur_amounts(max_value=_PLATFORM_AMOUNT)),
    )


@st.composite
def platform_users(draw: st.DrawFn) -> PlatformUser:
    """Generate a user (or a class of users) of a platform, shrinking toward an SME."""
    n = draw(st.integers(min_value=0, max_value=99))
    return PlatformUser(name=f"user {n} (generated)", kind=draw(st.sampled_from(_USER_KINDS)))


def _line(source: FundingSource, amount: Decimal, year: int | None = None) -> FinancingLine:
    return FinancingLine(source=source, year=year, amount=amount)


@st.composite
def _operating_aid(draw: st.DrawFn) -> list[FinancingLine]:
    """
    Draw the FCE operating aid lines of a plan.

    Sound: strictly decreasing over at most three consecutive years, or
    none. Otherwise: two to four years that do not decrease strictly, or
    aid without its years.
    """
    amounts = eur_amounts(max_value=_PLATFORM_AMOUNT)
    positive = eur_amounts(min_value="0.01", max_value=_PLATFORM_AMOUNT)
    first = draw(st.integers(min_value=2009, max_value=2011))
    flaw = _flaw(draw, 2)
    if not flaw:
        aid = sorted(draw(st.lists(amounts, unique=True, max_size=3)), reverse=True)
        years: list[int | None] = [first + i for i in range(len(aid))]
    elif flaw == 1:
        # Flawed aid is never 0.00: years of 0.00 at either end are years without aid.
        aid = draw(st.lists(positive, min_size=1, max_size=3))
        years = [None] * len(aid)
    else:
        aid = draw(st.lists(positive, min_size=2, max_size=4))
        if len(aid) < 4:
            # Three years or fewer fail only by not decreasing: raise the last year to the first.
            aid[-1] = max(aid)
        years = [first + i for i in range(len(aid))]
    return [_line(FundingSource.STATE_FCE_OPERATING, a, y) for a, y in zip(aid, years, strict=True)]


@st.composite
def _study_support(draw: st.DrawFn) -> tuple[list[FinancingLine], Eur | None]:
    """
    Draw the Caisse des Dépôts study support of a plan, and the study cost.

    A third of the plans have none (with a study cost or not). Sound
    support is within min(200 000 EUR, 80 % of the study cost); otherwise
    it is above that ceiling by at least a cent, or the study cost of a
    support within the cap is unknown.
    """
    if draw(st.integers(min_value=0, max_value=2)) == 0:
        return [], draw(st.none() | eur_amounts(max_value="300000.00"))
    flaw = _flaw(draw, 2)
    if not flaw:
        cents = draw(st.integers(min_value=0, max_value=200_000_00))
        # The smallest cost whose 80 % covers the support, in cents: ceil(support * 5 / 4).
        cost = -(-cents * 5 // 4) + draw(st.integers(min_value=0, max_value=100_000_00))
    elif flaw == 1:
        cost = draw(st.integers(min_value=0, max_value=300_000_00))
        ceiling = min(200_000_00, cost * 4 // 5)
        cents = ceiling + draw(st.integers(min_value=1, max_value=100_000_00))
    else:
        cents = draw(st.integers(min_value=1, max_value=200_000_00))
        return [_line(FundingSource.CDC_STUDIES, eur(Decimal(cents).scaleb(-2)))], None
    support = _line(FundingSource.CDC_STUDIES, eur(Decimal(cents).scaleb(-2)))
    return [support], eur(Decimal(cost).scaleb(-2))


@st.composite
def _financing_plans(draw: st.DrawFn) -> tuple[tuple[FinancingLine, ...], Eur | None]:
    """
    Draw a financing plan by source and year, and the cost of the studies it may fund.

    The plan holds FCE investment aid, FCE operating aid by year, perhaps
    Caisse des Dépôts study support, perhaps other public money (local
    authorities, FEDER, other), partners' contributions and user fees. Each
    part is sound three times in four and fails its STRUCT.1 check otherwise;
    partners and fees are at least half of a sound plan.
    """
    amounts = eur_amounts(max_value=_PLATFORM_AMOUNT)
    lines = [_line(FundingSource.STATE_FCE_INVESTMENT, draw(amounts))]
    lines += draw(_operating_aid())
    support, study_cost = draw(_study_support())
    lines += support
    lines += [
        _line(draw(st.sampled_from(_OTHER_PUBLIC)), draw(amounts))
        for _ in range(draw(st.integers(min_value=0, max_value=2)))
    ]
    # When sound, partners alone match the rest of the plan, so partners and fees are at least
    # half of it; otherwise they are below half of a plan that is not empty.
    others = sum((line.amount for line in lines), Decimal("0.00"))
    if _sound(draw):
        partners, fees = others + draw(amounts), draw(amounts)
    else:
        cents = int(others.scaleb(2))
        extra = draw(st.integers(min_value=1, max_value=500_000_00))
        # partners + fees < others + extra, with others + extra > 0: below half of the plan.
        core = draw(st.integers(min_value=0, max_value=cents + extra - 1))
        partners_cents = draw(st.integers(min_value=0, max_value=core))
        lines.append(_line(FundingSource.OTHER, eur(Decimal(extra).scaleb(-2))))
        partners = eur(Decimal(partners_cents).scaleb(-2))
        fees = eur(Decimal(core - partners_cents).scaleb(-2))
    lines.append(_line(FundingSource.PARTNERS, partners))
    lines.append(_line(FundingSource.USER_FEES, fees))
    return tuple(lines), study_cost


@st.composite
def innovation_platforms(
    draw: st.DrawFn,
    *,
    ident: str | None = None,
    call: CallForProjects | None = None,
    pole_ids: Sequence[str] = _POLE_IDS,
) -> InnovationPlatform:
    """
    Generate innovation platforms with their budgets and a financing plan by source and year.

    Each part of the application is sound three times in four and flawed
    otherwise, so that every outcome of each STRUCT.1 check is drawn, and
    about one in six of the platforms answering a call meets every condition
    but the carrying pôle's label (read from the pôles given to the rule):

    - submitted within the call's window; otherwise a few days before or
      after it, or on an unknown date;
    - carried by one pôle the call targets (any of *pole_ids* if it targets
      none); otherwise by pôles it does not target, or by none;
    - open, with an SME and a laboratory among its users; otherwise closed,
      of unknown access, or without an SME or a laboratory;
    - operating aid strictly decreasing over at most three consecutive
      years; otherwise not decreasing, or undated;
    - Caisse des Dépôts study support, if any, within 200 000 EUR and 80 %
      of a known study cost; otherwise above it, or the cost unknown;
    - partners' contributions and user fees at least half of the plan;
      otherwise less;
    - budgets that the plan balances; otherwise any budgets, or no plan.

    Args:
        ident: The platform's id; by default ``platform-0`` to ``platform-99``.
        call: The call it answers; the platform names it, or no call. Without
            one, it names no call and is submitted from October 2008 to 2012,
            or on an unknown date.
        pole_ids: The pôles that may carry it.

    Shrinks toward a sound application of 0.00 EUR, submitted on the call's
    opening day (on 1 October 2008 without a call).
    """
    n = draw(st.integers(min_value=0, max_value=99))
    # Each part draws the same choices whatever its flaw, so that shrinking, which prefers
    # fewer choices, ends on the sound version of a part that does not matter.
    flaw = _flaw(draw, 2)
    late = timedelta(days=draw(st.integers(min_value=1, max_value=5)))
    submitted: date | None
    if call is None:
        day = draw(policy_dates(min_value=_FIRST_CALL))
        submitted = None if flaw else day
    else:
        day = draw(policy_dates(min_value=call.opens_on, max_value=call.closes_on))
        outside = draw(st.sampled_from([call.opens_on - late, call.closes_on + late]))
        submitted = (day, None, outside)[flaw]
    targets = tuple(call.targeted_pole_ids) if call is not None else ()
    flaw = _flaw(draw, 2)
    chosen = [draw(st.sampled_from(targets or tuple(pole_ids)))] if targets or pole_ids else []
    others = _some(draw, [p for p in pole_ids if p not in targets], 3)
    carriers = (chosen, [], others)[flaw]
    kinds = draw(st.lists(st.sampled_from(_USER_KINDS), max_size=3))
    lacking = draw(st.sampled_from([UserKind.SME, UserKind.LABORATORY]))
    flaw = _flaw(draw, 3)
    access: bool | None = (True, False, None, True)[flaw]
    if flaw == 3:
        kinds = [kind for kind in kinds if kind is not lacking]
    else:
        kinds += [UserKind.SME, UserKind.LABORATORY]
    users = [PlatformUser(name=f"user {i} (generated)", kind=k) for i, k in enumerate(kinds)]
    plan, study_cost = draw(_financing_plans())
    funding = sum((line.amount for line in plan), Decimal("0.00"))
    investment = draw(eur_amounts(max_value=_PLATFORM_AMOUNT))
    operating = draw(eur_amounts(max_value=_PLATFORM_AMOUNT))
    flaw = _flaw(draw, 2)
    if not flaw:
        investment = eur(min(investment, funding))
        operating = eur(funding - investment)
    elif flaw == 1:
        plan = ()
    return InnovationPlatform(
        id=ident or f"platform-{n}",
        name=f"Plate-forme {n} (generated)",
        carrying_pole_ids=carriers,
        users=users,
        open_access=access,
        investment_budget=investment,
        operating_budget=operating,
        study_cost=study_cost,
        financing=plan,
        call_id=None if call is None else draw(st.sampled_from([None, call.id])),
        submitted_on=submitted,
    )


# -- CPER envelopes, structuring projects and allocations (SYN.2, SYN.4) ----------------------


@st.composite
def cper_envelopes(
    draw: st.DrawFn, *, ident: str | None = None, region: str | None = None
) -> CperEnvelope:
    """
    Generate a region's CPER envelope for 2007-2013 (or, sometimes, 2000-2006).

    Amounts are up to 2 000 000 EUR, of the order of a few
    :func:`structuring_projects`' requests, so that an envelope often runs
    out part-way.

    Args:
        ident: The envelope's id; by default ``cper-<region>-<first year>``.
        region: The INSEE code of its region; by default one of 2009.

    Shrinks toward an empty Rhône-Alpes envelope for 2007-2013.
    """
    code = region if region is not None else draw(region_codes())
    first = draw(st.sampled_from([2007, 2000]))
    return CperEnvelope(
        id=ident or f"cper-{code}-{first}",
        region=code,
        period_start=date(first, 1, 1),
        period_end=date(first + 6, 12, 31),
        amount=draw(eur_amounts(max_value="2000000.00")),
    )


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
    """
    n = draw(st.integers(min_value=0, max_value=99))
    code = region if region is not None else draw(region_codes())
    return StructuringProject(
        id=ident or f"project-{n}",
        name=f"Projet structurant {n} (generated)",
        region=code,
        pole_ids=_some(draw, pole_ids, 2),
        requested=draw(eur_amounts(max_value="800000.00")),
        priority_rank=draw(st.none() | st.integers(min_value=1, max_value=3)),
    )


@st.composite
def allocations(draw: st.DrawFn, *, pole_ids: Sequence[str] = _POLE_IDS) -> Allocation:
    """
    Generate a ministry's allocation to a body it supervises (SYN.2).

    Two ministries, three bodies and the years 2009-2011, so that lists of
    allocations group by ministry and year; an allocation is linked to one
    of *pole_ids* or to none, and is up to 1 000 000 EUR. Shrinks toward an
    allocation of 0.00 EUR by the MESR to the CNRS in 2009, linked to no pôle.
    """
    return Allocation(
        ministry=draw(st.sampled_from(["MESR", "Agriculture"])),
        body=draw(st.sampled_from(["CNRS", "INRA", "CEA"])),
        year=draw(st.integers(min_value=2009, max_value=2011)),
        amount=draw(eur_amounts(max_value="1000000.00")),
        pole_id=draw(st.none() | st.sampled_from(tuple(pole_ids))) if pole_ids else None,
    )


# -- a pôle's research members and cooperation structures (SYN.3) -----------------------------


@st.composite
def involvements(draw: st.DrawFn, *, structure_id: str | None = None) -> Involvement:
    """
    Generate what is recorded of a structure's part in a pôle's strategy and actions.

    Half the records are of a structure taking part in both, as SYN.3 asks;
    the others are any of the four readings (both, strategy only, actions
    only, neither). *structure_id* fixes the structure (by default
    ``structure-0`` to ``structure-99``). Shrinks toward a structure
    involved in both, without a note.
    """
    notes = ["minutes of the general assembly", "performance contract", "convention"]
    n = draw(st.integers(min_value=0, max_value=99))
    both = not draw(st.booleans())
    return Involvement(
        structure_id=structure_id or f"structure-{n}",
        in_strategy=both or draw(st.booleans()),
        in_actions=both or draw(st.booleans()),
        note=draw(st.none() | st.sampled_from(notes)),
    )


@st.composite
def pole_synergies(draw: st.DrawFn, *, pole_id: str | None = None) -> PoleSynergies:
    """
    Generate a pôle's research members, cooperation structures and their involvements.

    Up to five members (``member-0``...), public or private; up to six
    structures (``structure-0``...), each founded by up to three members or
    by an establishment outside the pôle (``outside``); and, for two
    structures in three, an involvement (see :func:`involvements`), in a
    drawn order. Every outcome of SYN.3 is drawn: members that founded
    nothing, structures involved in both, one or neither, and structures
    with nothing recorded.

    Args:
        pole_id: The pôle; by default ``pole-0`` to ``pole-3``.

    Shrinks toward a pôle without members or structures.
    """
    members = [
        draw(research_organisations(ident=f"member-{i}", public=None))
        for i in range(draw(st.integers(min_value=0, max_value=5)))
    ]
    founders = [m.id for m in members] + ["outside"]
    structures = [
        draw(cooperation_structures(ident=f"structure-{i}", founders=founders))
        for i in range(draw(st.integers(min_value=0, max_value=6)))
    ]
    # Two structures in three have their involvement recorded, in a drawn order.
    kept = [s.id for s in structures if draw(st.integers(min_value=0, max_value=2)) < 2]
    recorded = draw(st.permutations(kept))
    return PoleSynergies(
        pole_id=pole_id or draw(st.sampled_from(_POLE_IDS)),
        members=members,
        structures=structures,
        involvements=[draw(involvements(structure_id=s)) for s in recorded],
    )


# -- performance contracts (GOV.1, PHASE.2b) --------------------------------------------------

_CONTRACT_YEARS: Final = (2009, 2010, 2011)
_AXES: Final[tuple[Axis, ...]] = tuple(Axis)
_DIRECTIONS: Final[tuple[Direction, ...]] = tuple(Direction)
_VALUES: Final = st.decimals(min_value=0, max_value=1000, places=2)


@st.composite
def measurements(draw: st.DrawFn, *, year: int | None = None) -> Measurement:
    """Generate an indicator's value in *year* (by default 2009-2011), from 0 to 1000."""
    chosen = year if year is not None else draw(st.sampled_from(_CONTRACT_YEARS))
    return Measurement(year=chosen, value=draw(_VALUES))


@st.composite
def indicators(
    draw: st.DrawFn, *, ident: str | None = None, years: Sequence[int] = _CONTRACT_YEARS
) -> Indicator:
    """
    Generate an indicator, its target on the side its direction asks, and its measurements.

    The target is never below the baseline of an indicator meant to
    increase, nor above that of one meant to decrease (the model refuses
    it). Some of *years* are measured, at values around the baseline and
    the target, so that an indicator may be off track, on track or achieved.

    Args:
        ident: The indicator's id; by default ``indicator-0`` to ``indicator-99``.
        years: The years that may be measured (the contract's).

    Shrinks toward an unmeasured count from 0 to 0, meant to increase.
    """
    n = draw(st.integers(min_value=0, max_value=99))
    direction = draw(st.sampled_from(_DIRECTIONS))
    baseline = draw(_VALUES)
    span = draw(st.decimals(min_value=0, max_value=500, places=2))
    increase = direction is Direction.INCREASE
    target = baseline + span if increase else max(baseline - span, Decimal("0.00"))
    low, high = min(baseline, target) - 100, max(baseline, target) + 100
    values = st.decimals(min_value=low, max_value=high, places=2)
    return Indicator(
        id=ident or f"indicator-{n}",
        name=f"Indicateur {n} (generated)",
        unit=draw(st.sampled_from(["count", "EUR", "share"])),
        baseline=baseline,
        target=target,
        direction=direction,
        measurements=[
            Measurement(year=y, value=draw(values)) for y in sorted(draw(_some_years(years)))
        ],
    )


def _some_years(years: Sequence[int]) -> st.SearchStrategy[list[int]]:
    if not years:
        return st.just([])
    return st.lists(st.sampled_from(tuple(years)), unique=True, max_size=len(years))


@st.composite
def objectives(
    draw: st.DrawFn, *, ident: str | None = None, years: Sequence[int] = _CONTRACT_YEARS
) -> Objective:
    """
    Generate a performance objective with its axis and up to three indicators.

    Args:
        ident: The objective's id; by default ``objective-0`` to ``objective-99``.
        years: The years its indicators may be measured in.

    Shrinks toward a GOV objective without indicators.
    """
    n = draw(st.integers(min_value=0, max_value=99))
    count = draw(st.integers(min_value=0, max_value=3))
    return Objective(
        id=ident or f"objective-{n}",
        title=f"Objectif {n} (generated)",
        axis=draw(st.sampled_from(_AXES)),
        indicators=[draw(indicators(ident=f"indicator-{i}", years=years)) for i in range(count)],
    )


@st.composite
def operating_budgets(draw: st.DrawFn, *, year: int | None = None) -> OperatingBudget:
    """
    Generate a year's operating budget (by default of 2009-2011), its public part within the total.

    Totals are up to 2 000 000 EUR. Shrinks toward an empty budget.
    """
    total_amount = draw(eur_amounts(max_value="2000000.00"))
    return OperatingBudget(
        year=year if year is not None else draw(st.sampled_from(_CONTRACT_YEARS)),
        total=total_amount,
        public=draw(eur_amounts(max_value=total_amount)),
    )


@st.composite
def performance_contracts(
    draw: st.DrawFn, *, ident: str | None = None, pole_id: str | None = None
) -> PerformanceContract:
    """
    Generate a pôle's performance contract with objectives, indicators, measurements and budgets.

    A contract starts on 1 January 2009 or 2010 (the steering parameters
    are in force from 2009) and runs three calendar years seven times in
    eight, two or four otherwise. The State party is a préfet de région, a
    ministry or an agency; up to three local authorities of the same region
    sign; the signing date is around the start, or unknown. Up to three
    objectives (``objective-0``...) hold up to three indicators each,
    measured in some of the contract's years, and some of its years have a
    budget, its public part within the total.

    Args:
        ident: The contract's id; by default ``contract-<pôle>``.
        pole_id: The pôle bound by it; by default ``pole-0`` to ``pole-3``.

    Shrinks toward a three-year contract from 2009 of the préfet de la
    région Rhône-Alpes, without local authority, objective or budget.
    """
    pole = pole_id or draw(st.sampled_from(_POLE_IDS))
    first = draw(st.integers(min_value=2009, max_value=2010))
    length = 3 if _sound(draw) else draw(st.sampled_from([2, 4]))
    start, end = date(first, 1, 1), date(first + length - 1, 12, 31)
    years = tuple(range(first, first + length))
    code = draw(region_codes())
    signed = draw(st.none() | policy_dates(min_value=start - timedelta(days=180), max_value=end))
    return PerformanceContract(
        id=ident or f"contract-{pole}",
        pole_id=pole,
        state=draw(state_bodies(region=code)),
        local_authorities=[
            draw(local_authorities(ident=f"authority-{i}", region=code))
            for i in range(draw(st.integers(min_value=0, max_value=3)))
        ],
        governing_body_name=f"Association {pole} (generated)",
        signed_on=signed,
        start=start,
        end=end,
        objectives=[
            draw(objectives(ident=f"objective-{i}", years=years))
            for i in range(draw(st.integers(min_value=0, max_value=3)))
        ],
        budgets=[draw(operating_budgets(year=y)) for y in draw(_some_years(years))],
    )


# -- coordination committees (GOV.2) ----------------------------------------------------------

_PLANS: Final = ("FREQ=MONTHLY;INTERVAL=6", "FREQ=MONTHLY;INTERVAL=4", "FREQ=YEARLY;COUNT=3")


@st.composite
def committee_members(
    draw: st.DrawFn, *, actor_id: str | None = None, funder: bool | None = None
) -> CommitteeMember:
    """
    Generate a committee member, a funder of the pôle or not (shrinking toward not).

    *actor_id* fixes the member (by default ``member-0`` to ``member-99``),
    and *funder* whether it funds the pôle.
    """
    n = draw(st.integers(min_value=0, max_value=99))
    return CommitteeMember(
        actor_id=actor_id or f"member-{n}",
        name=f"Membre {n} (generated)",
        funder=draw(st.booleans()) if funder is None else funder,
    )


@st.composite
def meetings(
    draw: st.DrawFn,
    *,
    attendees: Sequence[str] = (),
    start: date = PHASE_2_START,
    end: date = PHASE_2_END,
) -> Meeting:
    """
    Generate a meeting held from *start* to *end*, attended by some of *attendees*.

    It reviews a contract (``contract-0``) or none. Shrinks toward a meeting
    on *start* that nobody attended.
    """
    return Meeting(
        held_on=draw(policy_dates(min_value=start, max_value=end)),
        attendees=_some(draw, attendees, len(attendees)),
        contract_id=draw(st.none() | st.just("contract-0")),
    )


# The shortest six calendar months last 181 days (31 August to 28 February): a committee that
# never waits longer between meetings meets every six months whatever its dates.
_SIX_MONTHS_AT_LEAST: Final = 181


@st.composite
def coordination_committees(
    draw: st.DrawFn,
    *,
    pole_id: str | None = None,
    start: date = date(2009, 1, 1),
    end: date = date(2011, 12, 31),
) -> CoordinationCommittee:
    """
    Generate a pôle's coordination committee, its members and the meetings it held.

    The members are the pôle's association (not a funder) and up to four
    others (``member-0``...), funders three times in four. Meetings follow
    one another from *start* to *end*: three committees in four never wait
    more than six months (181 days) between two of them, nor from *start*
    to the first, nor from the last to *end*; the others wait up to 300
    days, or never met. A committee thus meets regularly or not (GOV.2).
    Each meeting is attended by some of the members. The planned rule is
    one of a few valid RRULEs, or none.

    Args:
        pole_id: The pôle; by default ``pole-0`` to ``pole-3``.
        start: The first day of the period its meetings cover (the steering
            parameters are in force from 2009).
        end: The last day of that period.

    Shrinks toward a committee of the association alone that never met.
    """
    pole = pole_id or draw(st.sampled_from(_POLE_IDS))
    association = CommitteeMember(actor_id="association", name=f"Association {pole}", funder=False)
    members = [association] + [
        draw(committee_members(actor_id=f"member-{i}", funder=_sound(draw)))
        for i in range(draw(st.integers(min_value=0, max_value=4)))
    ]
    ids = [m.actor_id for m in members]
    flaw = _flaw(draw, 2)
    longest = _SIX_MONTHS_AT_LEAST if not flaw else 300
    # Gaps shrink toward the longest, so that a shrunk committee has few meetings.
    gaps = st.integers(min_value=0, max_value=longest - 1).map(lambda k: longest - k)
    held: list[Meeting] = []
    # A committee that never met, past the end, if that is its flaw.
    day = end + timedelta(days=1) if flaw == 2 else start + timedelta(days=draw(gaps))
    while day <= end:
        held.append(
            Meeting(
                held_on=day,
                attendees=_some(draw, ids, len(ids)),
                contract_id=draw(st.none() | st.just(f"contract-{pole}")),
            )
        )
        day += timedelta(days=draw(gaps))
    return CoordinationCommittee(
        pole_id=pole,
        members=members,
        meetings=held,
        planned=draw(st.none() | st.sampled_from(_PLANS)),
    )
