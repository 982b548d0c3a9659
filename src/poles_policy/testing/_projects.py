"""Collaborative projects: their partners, pôle labels, aid decisions and payments."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from hypothesis import strategies as st

from poles_policy.explain import Status
from poles_policy.model.actors import (
    CooperationStructure,
    Enterprise,
    LocalAuthority,
    ResearchOrganisation,
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
from poles_policy.money import Eur, eur
from poles_policy.testing._actors import (
    cooperation_structures,
    enterprises,
    local_authorities,
    research_organisations,
)
from poles_policy.testing._arguments import checked
from poles_policy.testing._values import (
    _POLE_IDS,
    PHASE_2_END,
    _flaw,
    _some,
    _sound,
    eur_amounts,
    policy_dates,
)

if TYPE_CHECKING:
    from collections.abc import Sequence


_COSTS: Final = st.none() | eur_amounts(max_value="5000000.00")
_GRANTS: Final = eur_amounts(max_value="2000000.00")


@st.composite
def _partners(
    draw: st.DrawFn, applicant: Enterprise | ResearchOrganisation | None
) -> tuple[ProjectPartner, ...]:
    """
    Draw the 2 to 5 partners of a project, with *applicant* first when given.

    Each part of the FUI consortium rule (PHASE.2a) is sound three times in
    four: two to four enterprises (else one or none), one or two research
    or training bodies (else none), an enterprise as lead (else a research
    body, or no lead named). A cooperation structure or a local authority,
    which count as neither, sometimes completes the consortium.
    """
    taken = {applicant.id} if applicant is not None else set()

    def fresh(prefix: str, i: int) -> str:
        ident = f"{prefix}-{i}"
        return ident if ident not in taken else f"{prefix}-{i}-2"

    is_firm = isinstance(applicant, Enterprise)
    is_lab = isinstance(applicant, ResearchOrganisation)
    firms = (
        draw(st.integers(min_value=2, max_value=4))
        if _sound(draw)
        else draw(st.sampled_from((1, 0)))
    )
    labs = draw(st.integers(min_value=1, max_value=2)) if _sound(draw) else 0
    firms, labs = max(firms, int(is_firm)), max(labs, int(is_lab))
    labs = min(labs, 5 - firms)  # at most five partners
    others = draw(st.sampled_from((0, 0, 0, 1)))
    others = max(others, 2 - firms - labs)
    actors: list[Enterprise | ResearchOrganisation | CooperationStructure | LocalAuthority] = []
    if applicant is not None:
        actors.append(applicant)
    actors += [draw(enterprises(ident=fresh("ent", i))) for i in range(firms - int(is_firm))]
    actors += [
        draw(research_organisations(ident=fresh("lab", i), public=None))
        for i in range(labs - int(is_lab))
    ]
    for i in range(min(others, 5 - len(actors))):
        if draw(st.booleans()):
            actors.append(draw(cooperation_structures(ident=fresh("other", i))))
        else:
            actors.append(draw(local_authorities(ident=fresh("other", i))))
    # The lead: an enterprise (the applicant when it is one, once shrunk), a research body, or
    # none named; a flaw that has nothing to point at leaves no lead.
    flaw = _flaw(draw, 2)
    pool = [a for a in actors if isinstance(a, Enterprise if flaw == 0 else ResearchOrganisation)]
    lead = draw(st.sampled_from(pool)) if pool and flaw < 2 else None
    return tuple(
        ProjectPartner(
            actor=actor,
            role=PartnerRole.LEAD if actor is lead else PartnerRole.PARTNER,
            eligible_costs=draw(_COSTS),
        )
        for actor in actors
    )


def _day(anchor: date, days: int) -> date:
    return date.fromordinal(anchor.toordinal() + days)


@st.composite
def _labels(draw: st.DrawFn, anchor: date, status: Status) -> tuple[PoleLabel, ...]:
    """
    Draw a project's pôle labels, so that "labelled on or before *anchor*" has *status*.

    MET: a label dated on or before *anchor* (often that very day), perhaps
    with a second label of another pôle, undated or later. NOT_MET: no
    label, or labels dated after *anchor* only. UNKNOWN: an undated label,
    and no label dated on or before *anchor*.
    """
    poles = draw(st.lists(st.sampled_from(_POLE_IDS), min_size=1, max_size=2, unique=True))
    before = st.sampled_from((0, 0, 1, 30)) | st.integers(min_value=0, max_value=400)
    after = st.integers(min_value=1, max_value=200)
    if status is Status.MET:
        first = PoleLabel(pole_id=poles[0], labelled_on=_day(anchor, -draw(before)))
        rest = [
            PoleLabel(
                pole_id=pole, labelled_on=draw(st.none() | after.map(lambda k: _day(anchor, k)))
            )
            for pole in poles[1:]
        ]
        return (first, *rest)
    if status is Status.UNKNOWN:
        first = PoleLabel(pole_id=poles[0])
        rest = [PoleLabel(pole_id=p, labelled_on=_day(anchor, draw(after))) for p in poles[1:]]
        return (first, *rest)
    if draw(st.booleans()):
        return ()
    return tuple(PoleLabel(pole_id=p, labelled_on=_day(anchor, draw(after))) for p in poles)


def _letter(draw: st.DrawFn, anchor: date, status: Status) -> date | None:
    """Draw a selection letter issued on or before *anchor* (MET), after it, or unknown."""
    if status is Status.UNKNOWN:
        return None
    if status is Status.MET:
        # The letter's own day is eligible ("dès l'émission"): that edge is drawn often.
        return _day(anchor, -draw(st.sampled_from((0, 0, 1)) | st.integers(0, 365)))
    return _day(anchor, draw(st.sampled_from((1, 1)) | st.integers(1, 120)))


@checked
@st.composite
def projects(
    draw: st.DrawFn,
    *,
    ident: str | None = None,
    applicant: Enterprise | ResearchOrganisation | None = None,
) -> CollaborativeProject:
    """
    Generate collaborative projects of 2 to 5 partners, with *applicant* among them when given.

    The partners are enterprises, research or training bodies and at times
    a cooperation structure or a local authority. Each part of the FUI
    consortium rule (:func:`poles_policy.rules.fui.consortium`) is met
    three times in four, independently: enough enterprises (two), a
    research or training body, an enterprise as lead, a pôle label dated on
    or before the selection letter. So about a third of the projects
    qualify, and each condition fails or is unknown (no lead named, an
    undated label) often. The selection letter is known three times in
    four; the aid is a State (FUI) or regional decision aiding some
    partners, no aid, or not known; payments never exceed the grant and
    are received on or after the selection letter when it is known.

    Its dates run from 2008, as :func:`~poles_policy.testing.policy_dates` does, while the FUI
    aid rates have values from 2007 for enterprises and from 2009 for
    research bodies only (``fui.aid_rate.research_marginal_cost``): read
    :func:`~poles_policy.rules.fui.aid_rate` or
    :func:`~poles_policy.rules.fui.aid_amount` of a research body on a date
    from 2009, or expect their :class:`~poles_policy.exceptions.ParameterError`.

    Args:
        ident: The project's id; ``"prj"`` by default.
        applicant: An actor to include among the partners, as the same
            object (the relay strategies rely on it); by default none.

    The first project Hypothesis tries has the applicant or an enterprise
    as lead, another enterprise and a laboratory, is labelled before a
    known letter and aided by the State: it qualifies. Shrinking does not
    reliably end there: it prefers fewer draws, and each enterprise is drawn
    with its accounts, so a property that fails for every project may be
    reported on fewer enterprises (one and a local authority, say), the
    rest not fully simplified.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate])  # the first example found, not shrunk
    >>> project = find(projects(ident="prj-1"), lambda p: p.aid is not None, settings=quick)
    >>> project.id, 2 <= len(project.partners) <= 5
    ('prj-1', True)
    """
    partners = draw(_partners(applicant))
    letter = draw(policy_dates()) if _sound(draw) else None
    anchor = letter if letter is not None else draw(policy_dates())
    label_status = (Status.MET, Status.NOT_MET, Status.UNKNOWN)[_flaw(draw, 2)]
    labels = draw(_labels(anchor, label_status))
    aided = [
        p.actor.id
        for p in partners
        if not isinstance(p.actor, CooperationStructure | LocalAuthority)
    ]
    shape = draw(st.sampled_from(("state", "state", "none", "unknown", "region")))
    aid: tuple[AidDecision, ...] | None = None
    if shape == "none":
        aid = ()
    elif shape != "unknown":
        funder = Funder.STATE if shape == "state" else Funder.REGION
        # The applicant (or the first partner) is aided; the others at times.
        ids = [aided[0], *(i for i in aided[1:] if draw(st.booleans()))] if aided else []
        aid = (
            AidDecision(
                funder=funder,
                scheme="FUI" if funder is Funder.STATE else "Région",
                partners=[draw(_grant(i, anchor)) for i in ids],
            ),
        )
    return CollaborativeProject(
        id=ident if ident is not None else "prj",
        name="PROJET (generated)",
        partners=partners,
        labels=labels,
        aid=aid,
        selection_letter_on=letter,
    )


@st.composite
def _grant(draw: st.DrawFn, partner_id: str, anchor: date) -> PartnerAid:
    """Draw a partner's grant, paid nothing, a quarter or all of it from *anchor* (the letter)."""
    granted = draw(_GRANTS)
    paid_share = draw(st.sampled_from([Decimal(0), Decimal("0.25"), Decimal(1)]))
    paid = eur((granted * paid_share).quantize(Decimal("0.01")))
    # The State pays nothing before the selection letter (the advance comes at notification).
    on = _day(anchor, draw(st.integers(min_value=0, max_value=300)))
    payments = (Payment(paid_on=on, amount=paid),) if paid > 0 else ()
    return PartnerAid(partner_id=partner_id, granted=granted, payments=payments)


@checked
@st.composite
def pole_labels(draw: st.DrawFn, *, pole_id: str | None = None) -> PoleLabel:
    """
    Generate a pôle's label of a project, dated in 2008-2012 or undated (*pole_id* fixes it).

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate])  # the first example found, not shrunk
    >>> minalogic = pole_labels(pole_id="minalogic")
    >>> label = find(minalogic, lambda label: label.labelled_on is not None, settings=quick)
    >>> label.pole_id, 2008 <= label.labelled_on.year <= 2012
    ('minalogic', True)
    """
    return PoleLabel(
        pole_id=pole_id if pole_id is not None else draw(st.sampled_from(_POLE_IDS)),
        labelled_on=draw(st.none() | policy_dates()),
    )


@checked
@st.composite
def payments(draw: st.DrawFn, *, max_amount: Decimal | str = "2000000.00") -> Payment:
    """
    Generate subsidy payments of up to *max_amount*, shrinking toward 0.00 on 1 January 2008.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate])  # the first example found, not shrunk
    >>> payment = find(payments(max_amount="150000.00"), lambda p: p.amount > 0, settings=quick)
    >>> payment.amount <= Decimal("150000.00")
    True
    """
    return Payment(paid_on=draw(policy_dates()), amount=draw(eur_amounts(max_value=max_amount)))


_PAYMENT_KINDS: Final[tuple[PaymentKind, ...]] = tuple(PaymentKind)


@checked
@st.composite
def scheduled_payments(
    draw: st.DrawFn, *, max_amount: Decimal | str = "2000000.00"
) -> ScheduledPayment:
    """
    Generate planned instalments of up to *max_amount*, expected on a date or unknown.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate])  # the first example found, not shrunk
    >>> undated = find(scheduled_payments(), lambda p: p.expected_on is None, settings=quick)
    >>> undated.amount <= Decimal("2000000.00")
    True
    """
    return ScheduledPayment(
        kind=draw(st.sampled_from(_PAYMENT_KINDS)),
        amount=draw(eur_amounts(max_value=max_amount)),
        expected_on=draw(st.none() | policy_dates()),
    )


@checked
@st.composite
def partner_aids(draw: st.DrawFn, *, partner_id: str | None = None) -> PartnerAid:
    """
    Generate a partner's subsidy with its planned instalments and the payments received.

    Neither the instalments nor the payments ever total more than the grant.
    *partner_id* fixes the partner (by default ``partner-0`` to ``partner-9``).
    Shrinks toward a grant of 0.00 with no instalment and no payment.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate])  # the first example found, not shrunk
    >>> aid = find(partner_aids(partner_id="acme"), lambda aid: aid.payments, settings=quick)
    >>> aid.partner_id, sum(payment.amount for payment in aid.payments) <= aid.granted
    ('acme', True)
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
        if payment in paid:
            continue  # one payment given twice is refused: a record holds each transfer once
        left = Eur(left - payment.amount)
        paid.append(payment)
    n = draw(st.integers(min_value=0, max_value=9))
    return PartnerAid(
        partner_id=partner_id if partner_id is not None else f"partner-{n}",
        granted=granted,
        schedule=schedule,
        payments=paid,
    )


_FUNDERS: Final[tuple[Funder, ...]] = tuple(Funder)


@checked
@st.composite
def aid_decisions(
    draw: st.DrawFn, *, partner_ids: Sequence[str] = ("partner-0", "partner-1")
) -> AidDecision:
    """
    Generate a funder's aid decision, aiding some of *partner_ids* (each at most once).

    A dated decision comes on or before every payment and dated instalment
    of its partners. Shrinks toward an undated State decision of the FUI that
    aids no one.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate])  # the first example found, not shrunk
    >>> decision = find(aid_decisions(partner_ids=["acme"]), lambda d: d.partners, settings=quick)
    >>> [aid.partner_id for aid in decision.partners]
    ['acme']
    """
    funder = draw(st.sampled_from(_FUNDERS))
    partners = [draw(partner_aids(partner_id=p)) for p in _some(draw, partner_ids, 3)]
    dates = [p.paid_on for a in partners for p in a.payments]
    dates += [s.expected_on for a in partners for s in a.schedule if s.expected_on is not None]
    return AidDecision(
        funder=funder,
        scheme="FUI" if funder is Funder.STATE else f"aid of the {funder.value}",
        call=draw(st.none() | st.sampled_from(["FUI 7", "FUI 8", "FUI 9"])),
        decided_on=draw(st.none() | policy_dates(max_value=min(dates, default=PHASE_2_END))),
        partners=partners,
    )


# PARTNER first: the default role, and any number of partners may have it.
_ROLES: Final = (PartnerRole.PARTNER, PartnerRole.LEAD)


@checked
@st.composite
def project_partners(
    draw: st.DrawFn, *, actor: Enterprise | ResearchOrganisation | None = None
) -> ProjectPartner:
    """
    Generate a partner of a project: *actor* (by default a lab or an enterprise) and its role.

    Shrinks toward a plain partner whose eligible costs are unknown: by
    default ``lab-0``, a public research body of Rhône-Alpes.

    >>> from poles_policy.model.actors import Enterprise
    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate])  # the first example found, not shrunk
    >>> acme = Enterprise(id="acme", name="ACME SAS", region="82")
    >>> find(project_partners(actor=acme), lambda partner: True, settings=quick).actor is acme
    True
    """
    # The research body first: it makes fewer draws than an enterprise, and shrinking, which
    # prefers fewer draws, would otherwise leave the first branch for the second.
    who = actor if actor is not None else draw(st.one_of(research_organisations(), enterprises()))
    return ProjectPartner(
        actor=who,
        role=draw(st.sampled_from(_ROLES)),
        eligible_costs=draw(st.none() | eur_amounts(max_value="5000000.00")),
    )
