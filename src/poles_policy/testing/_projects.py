"""Collaborative projects: their partners, pôle labels, aid decisions and payments."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from hypothesis import strategies as st

from poles_policy.model.actors import Enterprise, ResearchOrganisation
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
from poles_policy.testing._actors import enterprises, research_organisations
from poles_policy.testing._values import _POLE_IDS, PHASE_2_END, _some, eur_amounts, policy_dates

if TYPE_CHECKING:
    from collections.abc import Sequence


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

    A dated decision comes on or before every payment and dated instalment
    of its partners. Shrinks toward an undated State decision of the FUI that
    aids no one.
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
