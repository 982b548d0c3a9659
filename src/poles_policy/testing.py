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

Every strategy generates valid objects by construction (no invariant of the
domain model is ever violated) and shrinks toward simple ones: small
amounts, early dates, few partners, facts known. Cases are not all
eligible: generated requests come from every region and may miss a label, a
letter or State aid, so that properties see every outcome.

When Hypothesis is installed together with poles_policy, the strategies are
also registered for ``st.from_type`` through Hypothesis' entry point,
lazily: importing poles_policy alone never imports Hypothesis.

Requires the ``testing`` extra: ``pip install "poles-policy[testing]"``.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import strategies as st

from poles_policy.model.actors import (
    Accounts,
    Bank,
    Enterprise,
    ResearchKind,
    ResearchOrganisation,
)
from poles_policy.model.cases import RelayCase
from poles_policy.model.poles import (
    Category,
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
    PoleLabel,
    ProjectPartner,
)
from poles_policy.model.regions import regions_on
from poles_policy.model.relay import RelayLoan, RelayRequest
from poles_policy.money import Eur, eur

__all__ = [
    "accounts",
    "enterprises",
    "eur_amounts",
    "poles",
    "policy_dates",
    "projects",
    "region_codes",
    "relay_cases",
    "relay_loans",
    "relay_requests",
    "research_organisations",
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
def research_organisations(draw: st.DrawFn) -> ResearchOrganisation:
    """Generate research and training bodies (never enterprises)."""
    n = draw(st.integers(min_value=0, max_value=999))
    return ResearchOrganisation(
        id=f"lab-{n}",
        name=f"Laboratoire {n} (generated)",
        kind=draw(st.sampled_from(list(ResearchKind))),
        region=draw(region_codes()),
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
def relay_loans(draw: st.DrawFn, request: RelayRequest) -> RelayLoan:
    """Generate a loan answering *request*, disbursed within 60 days of it."""
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
