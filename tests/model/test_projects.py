from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from poles_policy.exceptions import InvalidInputError
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

if TYPE_CHECKING:
    from poles_policy.model.actors import Enterprise, ResearchOrganisation

CENTS = st.integers(min_value=0, max_value=10**11).map(lambda c: Decimal(c).scaleb(-2))
DAYS = st.dates(min_value=date(2008, 1, 1), max_value=date(2015, 12, 31))


# --- PartnerAid: paid and remaining ---------------------------------------------------------


def test_remaining_is_granted_minus_payments(sme_aid: PartnerAid) -> None:
    assert sme_aid.paid == Decimal("90000.00")
    assert sme_aid.remaining == Decimal("210000.00")


def test_nothing_paid_leaves_the_whole_grant_remaining() -> None:
    aid = PartnerAid(partner_id="acme", granted=Decimal(1000))
    assert aid.paid == Decimal("0.00")
    assert aid.remaining == Decimal("1000.00")


def test_a_fully_paid_grant_leaves_zero_remaining() -> None:
    aid = PartnerAid(
        partner_id="acme",
        granted=Decimal("100.10"),
        payments=(
            Payment(paid_on=date(2009, 1, 1), amount=Decimal("50.05")),
            Payment(paid_on=date(2009, 6, 1), amount=Decimal("50.05")),
        ),
    )
    assert aid.remaining == Decimal("0.00")


def test_amounts_are_exact_cents_from_strings_and_ints() -> None:
    aid = PartnerAid(partner_id="acme", granted="1250.5")
    assert aid.granted == Decimal("1250.50")
    assert str(aid.granted) == "1250.50"


def test_payments_are_kept_in_date_order() -> None:
    late = Payment(paid_on=date(2010, 3, 1), amount=Decimal(20))
    early = Payment(paid_on=date(2009, 3, 1), amount=Decimal(10))
    aid = PartnerAid(partner_id="acme", granted=Decimal(100), payments=(late, early))
    assert aid.payments == (early, late)


def test_payments_given_as_a_list_become_a_tuple() -> None:
    payment = Payment(paid_on=date(2010, 3, 1), amount=Decimal(20))
    aid = PartnerAid(partner_id="acme", granted=Decimal(100), payments=[payment])
    assert aid.payments == (payment,)


# --- PartnerAid: invariants -----------------------------------------------------------------


def test_a_payment_larger_than_what_remains_is_refused_and_named() -> None:
    with pytest.raises(InvalidInputError, match=r"PartnerAid\.payments") as info:
        PartnerAid(
            partner_id="acme",
            granted=Decimal(100),
            payments=(
                Payment(paid_on=date(2009, 1, 5), amount=Decimal(60)),
                Payment(paid_on=date(2009, 2, 5), amount=Decimal("40.01")),
            ),
        )
    message = str(info.value)
    assert "40.01 on 2009-02-05" in message
    assert "40.00 of 100.00" in message
    assert "'acme'" in message


def test_a_single_payment_above_the_grant_is_refused() -> None:
    with pytest.raises(InvalidInputError, match=r"payment of 100\.01 on 2009-01-05"):
        PartnerAid(
            partner_id="acme",
            granted=Decimal(100),
            payments=(Payment(paid_on=date(2009, 1, 5), amount=Decimal("100.01")),),
        )


def test_payments_on_a_zero_grant_are_refused() -> None:
    with pytest.raises(InvalidInputError, match=r"PartnerAid\.payments"):
        PartnerAid(
            partner_id="acme",
            granted=Decimal(0),
            payments=(Payment(paid_on=date(2009, 1, 5), amount=Decimal("0.01")),),
        )


def test_a_schedule_above_the_grant_is_refused() -> None:
    with pytest.raises(InvalidInputError, match=r"PartnerAid\.schedule: .*100\.01.*100\.00"):
        PartnerAid(
            partner_id="acme",
            granted=Decimal(100),
            schedule=(
                ScheduledPayment(kind=PaymentKind.ADVANCE, amount=Decimal(30)),
                ScheduledPayment(kind=PaymentKind.BALANCE, amount=Decimal("70.01")),
            ),
        )


def test_a_schedule_below_the_grant_is_allowed() -> None:
    aid = PartnerAid(
        partner_id="acme",
        granted=Decimal(100),
        schedule=(ScheduledPayment(kind=PaymentKind.ADVANCE, amount=Decimal(30)),),
    )
    assert aid.schedule[0].expected_on is None


def test_a_negative_grant_is_refused() -> None:
    with pytest.raises(InvalidInputError, match=r"PartnerAid\.granted: -1\.00 is negative"):
        PartnerAid(partner_id="acme", granted=Decimal(-1))


def test_a_float_grant_is_refused() -> None:
    with pytest.raises(InvalidInputError, match=r"0\.1 is a float"):
        PartnerAid(partner_id="acme", granted=0.1)  # type: ignore[arg-type]


def test_a_grant_with_fractions_of_a_cent_is_refused() -> None:
    with pytest.raises(InvalidInputError, match="more than two decimals"):
        PartnerAid(partner_id="acme", granted=Decimal("10.005"))


def test_an_empty_partner_id_is_refused() -> None:
    with pytest.raises(InvalidInputError, match=r"PartnerAid\.partner_id: must not be empty"):
        PartnerAid(partner_id=" ", granted=Decimal(1))


def test_a_negative_payment_is_refused() -> None:
    with pytest.raises(InvalidInputError, match=r"Payment\.amount: -0\.01 is negative"):
        Payment(paid_on=date(2009, 1, 1), amount=Decimal("-0.01"))


def test_a_negative_scheduled_payment_is_refused() -> None:
    with pytest.raises(InvalidInputError, match=r"ScheduledPayment\.amount: -5\.00 is negative"):
        ScheduledPayment(kind=PaymentKind.BALANCE, amount=Decimal(-5))


# --- PartnerAid: properties -----------------------------------------------------------------


# Days apart: two payments of one day and amount would be one payment given twice.
@given(
    granted=CENTS,
    amounts=st.lists(CENTS, max_size=6),
    days=st.lists(DAYS, min_size=6, unique=True),
)
def test_remaining_is_exactly_granted_minus_the_payments(
    granted: Decimal, amounts: list[Decimal], days: list[date]
) -> None:
    payments = [Payment(paid_on=d, amount=a) for d, a in zip(days, amounts, strict=False)]
    total = sum(amounts, Decimal(0))
    if total > granted:
        with pytest.raises(InvalidInputError, match=r"PartnerAid\.payments"):
            PartnerAid(partner_id="p", granted=granted, payments=payments)
        return
    aid = PartnerAid(partner_id="p", granted=granted, payments=payments)
    assert aid.paid == total
    assert aid.remaining == granted - total
    assert aid.remaining >= 0
    assert aid.remaining.as_tuple().exponent == -2


@given(
    amounts=st.lists(CENTS, min_size=1, max_size=6).filter(lambda xs: sum(xs) > 0),
    start=DAYS,
    data=st.data(),
)
def test_payments_exceeding_the_grant_always_raise(
    amounts: list[Decimal], start: date, data: st.DataObject
) -> None:
    total_cents = int(sum(amounts, Decimal(0)) * 100)
    excess_cents = data.draw(st.integers(min_value=1, max_value=total_cents), label="excess")
    granted = Decimal(total_cents - excess_cents).scaleb(-2)
    payments = tuple(
        Payment(paid_on=start + timedelta(days=30 * i), amount=a) for i, a in enumerate(amounts)
    )
    with pytest.raises(InvalidInputError, match=r"larger than what remains"):
        PartnerAid(partner_id="p", granted=granted, payments=payments)


# --- AidDecision ----------------------------------------------------------------------------


def test_an_aid_decision_names_no_partner_twice() -> None:
    with pytest.raises(InvalidInputError, match=r"AidDecision\.partners: partner 'acme'"):
        AidDecision(
            funder=Funder.STATE,
            scheme="FUI",
            partners=(
                PartnerAid(partner_id="acme", granted=Decimal(1)),
                PartnerAid(partner_id="acme", granted=Decimal(2)),
            ),
        )


def test_an_aid_decision_comes_before_its_payments_and_instalments() -> None:
    paid = PartnerAid(
        partner_id="acme",
        granted=Decimal(100),
        payments=(Payment(paid_on=date(2009, 6, 1), amount=Decimal(30)),),
        schedule=(ScheduledPayment(kind=PaymentKind.BALANCE, amount=Decimal(70)),),
    )
    # On the day of the payment, or undated, the decision stands; the undated instalment too.
    for decided_on in (date(2009, 6, 1), None):
        AidDecision(funder=Funder.STATE, scheme="FUI", decided_on=decided_on, partners=(paid,))
    with pytest.raises(
        InvalidInputError,
        match=r"^AidDecision\.partners: the payment of 2009-06-01 to 'acme' is before the "
        r"decision of 2009-06-02$",
    ):
        AidDecision(
            funder=Funder.STATE, scheme="FUI", decided_on=date(2009, 6, 2), partners=(paid,)
        )


def test_an_aid_decision_needs_a_scheme() -> None:
    with pytest.raises(InvalidInputError, match=r"AidDecision\.scheme: must not be empty"):
        AidDecision(funder=Funder.STATE, scheme="")


def test_for_partner_finds_the_partner_share(sme_aid: PartnerAid) -> None:
    decision = AidDecision(funder=Funder.STATE, scheme="FUI", partners=(sme_aid,))
    assert decision.for_partner("acme") is sme_aid
    assert decision.for_partner("nobody") is None


# --- CollaborativeProject: invariants -------------------------------------------------------


def test_an_actor_cannot_be_a_partner_twice(sme: Enterprise) -> None:
    with pytest.raises(
        InvalidInputError, match=r"CollaborativeProject\.partners: actor 'acme' appears twice"
    ):
        CollaborativeProject(
            id="p",
            name="P",
            partners=(
                ProjectPartner(actor=sme, role=PartnerRole.LEAD),
                ProjectPartner(actor=attrs.evolve(sme, name="Another name")),
            ),
        )


def test_a_project_has_at_most_one_lead(sme: Enterprise, large_firm: Enterprise) -> None:
    with pytest.raises(
        InvalidInputError, match=r"CollaborativeProject\.partners: .*one lead.*'bigco'.*'acme'"
    ):
        CollaborativeProject(
            id="p",
            name="P",
            partners=(
                ProjectPartner(actor=large_firm, role=PartnerRole.LEAD),
                ProjectPartner(actor=sme, role=PartnerRole.LEAD),
            ),
        )


def test_a_pole_labels_a_project_once() -> None:
    with pytest.raises(
        InvalidInputError, match=r"CollaborativeProject\.labels: pôle 'minalogic' appears twice"
    ):
        CollaborativeProject(
            id="p",
            name="P",
            labels=(
                PoleLabel(pole_id="minalogic", labelled_on=date(2008, 1, 1)),
                PoleLabel(pole_id="minalogic", labelled_on=date(2009, 1, 1)),
            ),
        )


def test_a_payment_given_twice_is_refused() -> None:
    # Pasted twice, it would count twice as received.
    payment = Payment(paid_on=date(2009, 11, 2), amount="135000")
    with pytest.raises(
        InvalidInputError,
        match=(
            r"^PartnerAid\.payments: payment '135000\.00 EUR on 2009-11-02' appears twice "
            r"\(items 0 and 1\); two payments of one day and amount are given as one payment of "
            r"their sum$"
        ),
    ):
        PartnerAid(partner_id="acme", granted="450000", payments=[payment, payment])
    # Named at their places as given, not as sorted by date.
    earlier = Payment(paid_on=date(2009, 1, 1), amount="50")
    with pytest.raises(InvalidInputError, match=r"appears twice \(items 0 and 2\)"):
        PartnerAid(partner_id="acme", granted="450000", payments=[payment, earlier, payment])
    # Another amount the same day, or the same amount another day, is another payment.
    kept = PartnerAid(
        partner_id="acme",
        granted="450000",
        payments=[
            payment,
            attrs.evolve(payment, amount=Decimal("1.00")),
            attrs.evolve(payment, paid_on=date(2009, 11, 3)),
        ],
    )
    assert kept.paid == Decimal("270001.00")


def test_an_aid_decision_given_twice_is_refused(sme: Enterprise) -> None:
    # Pasted twice, its subsidies would count twice: a relay twice as large looked eligible.
    decision = AidDecision(
        funder=Funder.STATE,
        scheme="FUI",
        call="FUI 7",
        decided_on=date(2009, 3, 2),
        partners=(PartnerAid(partner_id=sme.id, granted="450000"),),
    )
    project = CollaborativeProject(
        id="p", name="P", partners=(ProjectPartner(actor=sme),), aid=(decision,)
    )
    with pytest.raises(
        InvalidInputError,
        match=(
            r"^CollaborativeProject\.aid: the FUI \(FUI 7\) decision of 2009-03-02 appears "
            r"twice \(items 0 and 1\), with the same partners and amounts$"
        ),
    ):
        attrs.evolve(project, aid=(decision, decision))
    # A second decision of the same call, for another amount, is another decision.
    other = attrs.evolve(decision, partners=(PartnerAid(partner_id=sme.id, granted="1000"),))
    assert attrs.evolve(project, aid=(decision, other)).state_aid_for(sme.id) == (
        decision.partners[0],
        other.partners[0],
    )


def test_aid_to_someone_who_is_not_a_partner_is_refused(sme: Enterprise) -> None:
    with pytest.raises(
        InvalidInputError,
        match=(
            r"CollaborativeProject\.aid\[0\]\.partners\[0\]\.partner_id: "
            r".*'ghost'.*not a partner"
        ),
    ):
        CollaborativeProject(
            id="p",
            name="P",
            partners=(ProjectPartner(actor=sme),),
            aid=(
                AidDecision(
                    funder=Funder.STATE,
                    scheme="FUI",
                    partners=(PartnerAid(partner_id="ghost", granted=Decimal(1)),),
                ),
            ),
        )


def test_an_empty_project_id_is_refused() -> None:
    with pytest.raises(InvalidInputError, match=r"CollaborativeProject\.id: must not be empty"):
        CollaborativeProject(id="", name="P")


def test_negative_eligible_costs_are_refused(sme: Enterprise) -> None:
    with pytest.raises(InvalidInputError, match=r"ProjectPartner\.eligible_costs: -1\.00"):
        ProjectPartner(actor=sme, eligible_costs=Decimal(-1))


def test_a_pole_label_needs_a_pole() -> None:
    with pytest.raises(InvalidInputError, match=r"PoleLabel\.pole_id: must not be empty"):
        PoleLabel(pole_id="", labelled_on=None)


# --- CollaborativeProject: ineligible cases are representable -------------------------------


def test_a_project_with_one_partner_and_no_label_is_representable(sme: Enterprise) -> None:
    project = CollaborativeProject(id="solo", name="Solo", partners=(ProjectPartner(actor=sme),))
    assert project.lead is None
    assert project.labels == ()


def test_a_project_aided_only_by_its_region_is_representable(sme: Enterprise) -> None:
    project = CollaborativeProject(
        id="p",
        name="P",
        partners=(ProjectPartner(actor=sme),),
        aid=(
            AidDecision(
                funder=Funder.REGION,
                scheme="Région",
                partners=(PartnerAid(partner_id="acme", granted=Decimal(5000)),),
            ),
        ),
    )
    assert project.state_aid_for("acme") == ()


def test_a_project_led_by_a_laboratory_is_representable(lab: ResearchOrganisation) -> None:
    project = CollaborativeProject(
        id="p", name="P", partners=(ProjectPartner(actor=lab, role=PartnerRole.LEAD),)
    )
    assert project.lead is not None
    assert project.lead.actor is lab


# --- CollaborativeProject: helpers ----------------------------------------------------------


def test_partner_looks_up_by_actor_id(project: CollaborativeProject, sme: Enterprise) -> None:
    found = project.partner("acme")
    assert found is not None
    assert found.actor == sme
    assert found.role is PartnerRole.PARTNER
    assert project.partner("nobody") is None


def test_the_lead_is_the_partner_with_the_lead_role(project: CollaborativeProject) -> None:
    assert project.lead is not None
    assert project.lead.actor.id == "bigco"


def test_state_aid_for_reads_only_the_state_decisions(
    project: CollaborativeProject, sme_aid: PartnerAid
) -> None:
    assert project.state_aid_for("acme") == (sme_aid,)


def test_state_aid_for_a_partner_the_state_does_not_aid_is_empty(
    project: CollaborativeProject,
) -> None:
    assert project.state_aid_for("nobody") == ()


def test_state_aid_is_unknown_when_the_aid_is_unknown(project: CollaborativeProject) -> None:
    assert attrs.evolve(project, aid=None).state_aid_for("acme") is None


def test_no_aid_is_not_unknown_aid(project: CollaborativeProject) -> None:
    assert attrs.evolve(project, aid=()).state_aid_for("acme") == ()


def test_state_aid_for_collects_every_state_decision(project: CollaborativeProject) -> None:
    anr = AidDecision(
        funder=Funder.STATE,
        scheme="ANR",
        partners=(PartnerAid(partner_id="acme", granted=Decimal(7)),),
    )
    assert project.aid is not None
    two = attrs.evolve(project, aid=(*project.aid, anr))
    assert [a.granted for a in two.state_aid_for("acme") or ()] == [
        Decimal("300000.00"),
        Decimal("7.00"),
    ]


def test_the_selection_letter_date_may_be_unknown(project: CollaborativeProject) -> None:
    assert attrs.evolve(project, selection_letter_on=None).selection_letter_on is None


def test_objects_are_frozen(project: CollaborativeProject) -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        project.name = "other"  # type: ignore[misc]
