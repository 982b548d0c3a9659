"""The time relay financing saves (RELAY.6): worked examples checked by hand, and properties."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

from poles_policy.exceptions import InvalidInputError, ParameterError
from poles_policy.explain import Status
from poles_policy.model.projects import PaymentKind, ScheduledPayment
from poles_policy.model.relay import RelayLoan, RelayRequest
from poles_policy.rules.fui import payment_schedule
from poles_policy.rules.relay import TimeSaved, bridged_tranches, relay_cost, time_saved

if TYPE_CHECKING:
    from poles_policy.parameters import ParameterSet

RequestFactory = Callable[..., RelayRequest]
LoanFactory = Callable[..., RelayLoan]


def actual(
    make_request: RequestFactory,
    make_loan: LoanFactory,
    params: ParameterSet,
    *,
    disbursed: date,
    paid: date,
    requested_on: date | None = None,
) -> TimeSaved:
    """
    A loan disbursed on *disbursed*, repaid in full by one payment received on *paid*.

    Requested by default the day before the payment, or on the disbursement day if earlier:
    a payment received on the request's own day is no longer to be bridged.
    """
    requested_on = requested_on or min(disbursed, paid - timedelta(days=1))
    request = make_request(requested_on=requested_on, payments=[(paid, "150000")])
    return time_saved(request, params, loan=make_loan(disbursed_on=disbursed))


# --- months, days and decimal months across short months --------------------------------------


def test_31_january_to_29_february_2008_is_29_days_one_calendar_month_and_1_0_month(
    make_request: RequestFactory, make_loan: LoanFactory, params: ParameterSet
) -> None:
    # 2008-01-31 to 2008-02-29: 29 exact days. In calendar months, 31 January + 1 month is
    # clamped to 29 February (relativedelta, end of month), so it is 1 month 0 days, not
    # "0 months 29 days". Decimal months: 29 x 12 / 365.25 = 0.953 -> 1.0.
    saved = actual(
        make_request, make_loan, params, disbursed=date(2008, 1, 31), paid=date(2008, 2, 29)
    )
    assert (saved.days_low, saved.months_low, saved.decimal_months_low) == (
        29,
        (1, 0),
        Decimal("1.0"),
    )
    assert (saved.days_high, saved.months_high) == (29, (1, 0))
    assert saved.basis == "actual"
    assert saved.after_subsidy is False
    # January 2008 is before the pilot: no promise is in force to compare with.
    assert saved.promise is None
    assert saved.check("relay.timing.promise").status is Status.NOT_APPLICABLE


def test_31_january_to_28_february_2009_is_28_days_one_calendar_month_and_0_9_month(
    make_request: RequestFactory, make_loan: LoanFactory, params: ParameterSet
) -> None:
    # 28 days; 31 January + 1 month = 28 February; 28 x 12 / 365.25 = 0.920 -> 0.9.
    saved = actual(
        make_request, make_loan, params, disbursed=date(2009, 1, 31), paid=date(2009, 2, 28)
    )
    assert (saved.days_low, saved.months_low, saved.decimal_months_low) == (
        28,
        (1, 0),
        Decimal("0.9"),
    )


# --- a relay after the subsidy -----------------------------------------------------------------


def test_a_relay_after_the_subsidy_saves_nothing_and_says_so(
    make_request: RequestFactory, make_loan: LoanFactory, params: ParameterSet
) -> None:
    saved = actual(
        make_request,
        make_loan,
        params,
        requested_on=date(2009, 5, 4),
        disbursed=date(2009, 6, 10),
        paid=date(2009, 6, 1),
    )
    assert saved.days_low == saved.days_high == 0
    assert saved.months_low == (0, 0)
    assert saved.decimal_months_low == Decimal("0.0")
    assert saved.after_subsidy is True
    assert saved.weighted_days_low == Decimal("0.0")
    check = saved.check("relay.timing.saved")
    assert check.status is Status.NOT_MET
    assert "no time saved" in check.reason.en
    assert "aucun temps gagné" in check.reason.fr
    assert saved.promise == "below"


def test_a_relay_on_the_day_of_the_subsidy_saves_nothing(
    make_request: RequestFactory, make_loan: LoanFactory, params: ParameterSet
) -> None:
    day = date(2009, 6, 1)
    saved = actual(make_request, make_loan, params, disbursed=day, paid=day)
    assert saved.days_low == 0
    assert saved.after_subsidy is True


# --- the 6 to 9 months promise -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("disbursed", "paid", "months", "days", "decimal", "promise"),
    [
        # 1 March + 5 months = 1 August, + 30 days = 31 August: below, although
        # 183 x 12 / 365.25 = 6.01 decimal months.
        (date(2009, 3, 1), date(2009, 8, 31), (5, 30), 183, "6.0", "below"),
        (date(2009, 3, 1), date(2009, 9, 1), (6, 0), 184, "6.0", "inside"),
        # 31 August + 6 months = 28 February: 6 months 0 days in 181 days (5.9 months).
        (date(2008, 8, 31), date(2009, 2, 28), (6, 0), 181, "5.9", "inside"),
        (date(2009, 3, 1), date(2009, 12, 1), (9, 0), 275, "9.0", "inside"),
        (date(2009, 3, 1), date(2009, 12, 2), (9, 1), 276, "9.1", "above"),
    ],
)
def test_the_promise_is_compared_in_calendar_months_and_days(
    make_request: RequestFactory,
    make_loan: LoanFactory,
    params: ParameterSet,
    disbursed: date,
    paid: date,
    months: tuple[int, int],
    days: int,
    decimal: str,
    promise: str,
) -> None:
    saved = actual(make_request, make_loan, params, disbursed=disbursed, paid=paid)
    assert (saved.months_low, saved.days_low, saved.decimal_months_low) == (
        months,
        days,
        Decimal(decimal),
    )
    assert saved.promise == promise
    check = saved.check("relay.timing.promise")
    expected = {"inside": Status.MET, "below": Status.NOT_MET, "above": Status.NOT_MET}
    assert check.status is expected[promise]
    assert [p.name for p in check.parameters] == [
        "relay.promised_gain_months.low",
        "relay.promised_gain_months.high",
    ]


# --- estimated dates ---------------------------------------------------------------------------


def test_an_estimate_from_the_letter_gives_a_range_partly_inside_the_promise(
    make_request: RequestFactory, params: ParameterSet
) -> None:
    # Request Monday 16 March 2009; 10 + 10 business days counted from the 17th: 17-20 March
    # (4), 23-27 (9), 30 March-3 April (14), 6-10 April (19), Easter Monday 13 April is a
    # holiday, so the 20th is Tuesday 14 April.
    # Letter 2 March 2009 + 6..9 months: first payment 2 September..2 December 2009.
    # Low: 14 April -> 2 September = 141 days = 4 months 19 days; 141 x 12 / 365.25 = 4.63.
    # High: 14 April -> 2 December = 232 days = 7 months 18 days; 232 x 12 / 365.25 = 7.62.
    saved = time_saved(make_request(oseo=True), params)
    assert (saved.disbursed_earliest, saved.disbursed_latest) == (
        date(2009, 4, 14),
        date(2009, 4, 14),
    )
    assert (saved.first_payment_earliest, saved.first_payment_latest) == (
        date(2009, 9, 2),
        date(2009, 12, 2),
    )
    assert (saved.days_low, saved.days_high) == (141, 232)
    assert (saved.months_low, saved.months_high) == ((4, 19), (7, 18))
    assert (saved.decimal_months_low, saved.decimal_months_high) == (
        Decimal("4.6"),
        Decimal("7.6"),
    )
    assert saved.basis == saved.first_payment_basis == saved.disbursement_basis == "estimated"
    assert saved.promise == "partly"
    assert saved.check("relay.timing.promise").status is Status.UNKNOWN
    # Amount-weighted: 300 000 granted -> advance 75 000 (letter + 6..9 months) and
    # intermediate 165 000 (letter + 6..9 + 18 months: 2 March..2 June 2011). The 150 000
    # principal is repaid 75 000 + 75 000.
    # Low: 14 April 2009 -> 2 March 2011 = 141 + 546 = 687 days; (141 + 687) / 2 = 414.0 days;
    # 414 x 12 / 365.25 = 13.60 months.
    # High: 14 April 2009 -> 2 June 2011 = 232 + 365 + 182 = 779 days; (232 + 779) / 2 = 505.5;
    # 505.5 x 12 / 365.25 = 16.61 months.
    assert (saved.weighted_days_low, saved.weighted_days_high) == (
        Decimal("414.0"),
        Decimal("505.5"),
    )
    assert (saved.weighted_months_low, saved.weighted_months_high) == (
        Decimal("13.6"),
        Decimal("16.6"),
    )
    disbursement = saved.check("relay.timing.disbursement")
    assert [p.name for p in disbursement.parameters] == [
        "relay.bank_processing_business_days",
        "relay.oseo_processing_business_days",
    ]
    assert "next day" in disbursement.reason.en
    tranches = saved.check("relay.timing.tranches")
    assert {p.name for p in tranches.parameters} == {
        "fui.payment.advance_share",
        "fui.payment.balance_share",
        "fui.first_payment_delay_months.low",
        "fui.first_payment_delay_months.high",
    }


def test_without_oseo_the_bank_alone_takes_ten_business_days(
    make_request: RequestFactory, params: ParameterSet
) -> None:
    # 17-20 March (4), 23-27 March (9), Monday 30 March (10).
    saved = time_saved(make_request(oseo=False), params)
    assert saved.disbursed_earliest == saved.disbursed_latest == date(2009, 3, 30)
    assert [p.name for p in saved.check("relay.timing.disbursement").parameters] == [
        "relay.bank_processing_business_days"
    ]


def test_an_unknown_counter_guarantee_widens_the_disbursement_into_a_range(
    make_request: RequestFactory, params: ParameterSet
) -> None:
    saved = time_saved(make_request(oseo=None), params)
    assert (saved.disbursed_earliest, saved.disbursed_latest) == (
        date(2009, 3, 30),
        date(2009, 4, 14),
    )
    # Low: relay at its latest, subsidy at its earliest; high: the reverse.
    # 30 March -> 2 December 2009 = 2 + 30 + 31 + 30 + 31 + 31 + 30 + 31 + 30 + 2 = 247 days.
    assert (saved.days_low, saved.days_high) == (141, 247)
    assert "RELAY.5" in saved.check("relay.timing.disbursement").clauses


# --- the amount-weighted figure ----------------------------------------------------------------


def test_two_received_tranches_weight_the_days_by_the_principal_they_repay(
    make_request: RequestFactory, make_loan: LoanFactory, params: ParameterSet
) -> None:
    # 100 000 disbursed on 15 January 2009, repaid 40 000 on 15 July 2009 (181 days:
    # 16 + 28 + 31 + 30 + 31 + 30 + 15) and 60 000 on 15 January 2010 (365 days).
    # Weighted: (40 000 x 181 + 60 000 x 365) / 100 000 = 291.4 days;
    # 291.4 x 12 / 365.25 = 9.57 -> 9.6 months. First payment: 181 days = 6 months 0 days.
    request = make_request(
        letter=date(2008, 12, 15),
        requested_on=date(2009, 1, 5),
        amount="100000",
        payments=[(date(2009, 7, 15), "40000"), (date(2010, 1, 15), "60000")],
    )
    loan = make_loan(disbursed_on=date(2009, 1, 15), principal="100000")
    saved = time_saved(request, params, loan=loan)
    assert saved.days_low == 181
    assert saved.months_low == (6, 0)
    assert saved.decimal_months_low == Decimal("5.9")
    assert saved.promise == "inside"
    assert saved.weighted_days_low == saved.weighted_days_high == Decimal("291.4")
    assert saved.weighted_months_low == Decimal("9.6")
    assert saved.weighted_basis == "actual"
    assert saved.check("relay.timing.weighted").status is Status.MET


def test_the_weighted_days_are_rounded_half_up(
    make_request: RequestFactory, make_loan: LoanFactory, params: ParameterSet
) -> None:
    # 75 000 repaid on the day of disbursement (0 days), 25 000 the next day (1 day):
    # 0.25 days exactly -> 0.3 (half even would give 0.2).
    day = date(2009, 6, 1)
    request = make_request(
        requested_on=day - timedelta(days=1),
        amount="100000",
        payments=[(day, "75000"), (day + timedelta(days=1), "25000")],
    )
    saved = time_saved(request, params, loan=make_loan(disbursed_on=day, principal="100000"))
    assert saved.weighted_days_low == Decimal("0.3")
    assert saved.weighted_months_low == Decimal("0.0")


def test_a_principal_larger_than_the_subsidy_is_weighted_on_the_part_repaid(
    make_request: RequestFactory, make_loan: LoanFactory, params: ParameterSet
) -> None:
    # 100 000 granted, 150 000 lent: 100 000 received 100 days after the disbursement.
    day = date(2009, 6, 1)
    request = make_request(
        granted="100000", requested_on=day, payments=[(day + timedelta(days=100), "100000")]
    )
    saved = time_saved(request, params, loan=make_loan(disbursed_on=day))
    assert saved.weighted_days_low == Decimal("100.0")
    assert saved.bridging.low is not None
    assert saved.bridging.low.unrepaid == Decimal("50000.00")
    assert "50000.00 EUR" in saved.check("relay.timing.weighted").reason.en


# --- where the subsidy dates come from ---------------------------------------------------------

SCHEDULE = (
    ScheduledPayment(kind=PaymentKind.ADVANCE, amount="75000", expected_on=date(2009, 6, 1)),
    ScheduledPayment(kind=PaymentKind.INTERMEDIATE, amount="165000", expected_on=date(2010, 6, 1)),
    ScheduledPayment(kind=PaymentKind.BALANCE, amount="60000", expected_on=date(2012, 1, 2)),
)


def test_a_dated_schedule_gives_planned_dates(
    make_request: RequestFactory, params: ParameterSet
) -> None:
    saved = time_saved(make_request(schedule=SCHEDULE, oseo=False), params)
    assert saved.first_payment_basis == "planned"
    assert saved.basis == "estimated"  # the disbursement is still estimated
    assert saved.first_payment_earliest == saved.first_payment_latest == date(2009, 6, 1)
    # 30 March -> 1 June 2009 = 1 + 30 + 31 + 1 = 63 days.
    assert saved.days_low == saved.days_high == 63
    assert saved.check("relay.timing.tranches").parameters == ()


def test_payments_received_before_the_request_are_set_against_the_first_instalments(
    make_request: RequestFactory, params: ParameterSet
) -> None:
    # 50 000 of the 75 000 advance was received before the request: 25 000 remain on 1 June.
    partly = make_request(schedule=SCHEDULE, payments=[(date(2009, 3, 10), "50000")])
    bridging = bridged_tranches(partly, params)
    first = bridging.tranches[0]
    assert (first.kind, first.amount, first.basis) == (
        PaymentKind.ADVANCE,
        Decimal("25000.00"),
        "planned",
    )
    # The whole advance received: the first payment the relay bridges is the intermediate one.
    paid = make_request(schedule=SCHEDULE, payments=[(date(2009, 3, 10), "75000")])
    saved = time_saved(paid, params)
    assert saved.first_payment_earliest == date(2010, 6, 1)


def test_payments_received_after_the_request_date_are_actual_tranches(
    make_request: RequestFactory, params: ParameterSet
) -> None:
    request = make_request(schedule=SCHEDULE, payments=[(date(2009, 3, 17), "75000")])
    tranches = bridged_tranches(request, params).tranches
    assert (tranches[0].kind, tranches[0].basis, tranches[0].earliest) == (
        None,
        "actual",
        date(2009, 3, 17),
    )
    # The received payment covered the advance: the planned tranches start with the next one.
    assert [t.kind for t in tranches[1:]] == [PaymentKind.INTERMEDIATE, PaymentKind.BALANCE]
    saved = time_saved(request, params)
    assert saved.after_subsidy is True  # received the day after the request, before any relay


def test_a_payment_received_on_the_request_date_is_received_not_bridged(
    make_request: RequestFactory, make_loan: LoanFactory, params: ParameterSet
) -> None:
    # RELAY.4 counts it as received (75 000 of the 300 000 no longer to be received): the relay
    # does not bridge it either, and the figures are those of a payment the day before.
    loan = make_loan(disbursed_on=date(2009, 4, 20))

    def received(day: date) -> TimeSaved:
        request = make_request(schedule=SCHEDULE, payments=[(day, "75000")])
        return time_saved(request, params, loan=loan)

    on_the_day = received(date(2009, 3, 16))
    assert on_the_day == received(date(2009, 3, 15))
    assert on_the_day.after_subsidy is False
    assert on_the_day.first_payment_earliest == date(2010, 6, 1)
    # 20 April 2009 -> 1 June 2010: 407 days.
    assert on_the_day.days_low == on_the_day.days_high == 407


def test_an_undated_instalment_is_estimated_in_its_kinds_window_and_the_dated_ones_stay_planned(
    make_request: RequestFactory, make_loan: LoanFactory, params: ParameterSet
) -> None:
    # The advance and the balance are dated; the intermediate payment is not. It used to send the
    # whole grant to the letter's estimate, the advance's own date of 1 June 2009 unused.
    undated = (
        SCHEDULE[0],
        ScheduledPayment(kind=PaymentKind.INTERMEDIATE, amount="165000"),
        SCHEDULE[2],
    )
    request = make_request(schedule=undated, oseo=False)
    # Letter of 2 March 2009: the intermediate payment's window is 24 months after the advance's,
    # 6 to 9 months after the letter: 2 March to 2 June 2011.
    assert [
        (t.kind, t.amount, t.earliest, t.latest, t.basis)
        for t in bridged_tranches(request, params).tranches
    ] == [
        (PaymentKind.ADVANCE, Decimal("75000.00"), date(2009, 6, 1), date(2009, 6, 1), "planned"),
        (
            PaymentKind.INTERMEDIATE,
            Decimal("165000.00"),
            date(2011, 3, 2),
            date(2011, 6, 2),
            "estimated",
        ),
        (PaymentKind.BALANCE, Decimal("60000.00"), date(2012, 1, 2), date(2012, 1, 2), "planned"),
    ]
    saved = time_saved(request, params, loan=make_loan(disbursed_on=date(2009, 3, 30)))
    assert saved.first_payment_basis == "planned"
    # 30 March -> 1 June 2009: 63 days, as with the whole schedule dated.
    assert saved.days_low == saved.days_high == 63
    # 150 000 lent: 75 000 repaid by the advance (63 days), 75 000 by the intermediate payment,
    # 2 March 2011 (702 days) at the earliest, 2 June 2011 (794 days) at the latest.
    assert saved.weighted_days_low == Decimal("382.5")
    assert saved.weighted_days_high == Decimal("428.5")
    check = saved.check("relay.timing.tranches")
    assert "undated instalments are estimated from the selection letter" in check.reason.en
    assert "estimées d'après la lettre de sélection" in check.reason.fr
    assert {u.name for u in check.parameters} >= {"fui.first_payment_delay_months.low"}


def test_an_undated_instalment_without_a_letter_asks_for_the_letter(
    make_request: RequestFactory, params: ParameterSet
) -> None:
    undated = (SCHEDULE[0], ScheduledPayment(kind=PaymentKind.BALANCE, amount="225000"))
    saved = time_saved(make_request(schedule=undated, letter=None), params)
    assert saved.status is Status.UNKNOWN
    assert [f.path for f in saved.missing] == ["project.selection_letter_on"]


def test_an_instalment_due_before_the_last_payment_received_and_not_covered_is_overdue(
    make_request: RequestFactory, make_loan: LoanFactory, params: ParameterSet
) -> None:
    # The advance of 75 000 is planned on 1 June 2009; 50 000 arrive on 1 July. The other 25 000
    # had not arrived by then: when they come is not known. They used to be dated 1 July, still
    # "planned", a date no plan gave, and the cost counted them as repaying the loan that day.
    request = make_request(schedule=SCHEDULE, payments=[(date(2009, 7, 1), "50000")])
    loan = make_loan(disbursed_on=date(2009, 4, 20))
    saved = time_saved(request, params, loan=loan)
    assert saved.status is Status.UNKNOWN
    assert saved.days_low is None
    assert [f.path for f in saved.missing] == ["project.aid.0.partners.0.schedule"]
    question = saved.missing[0].question
    assert question.en == (
        "Expected by 2009-07-01, the day of the last payment received, this payment had not "
        "arrived: advance 25000.00 EUR (the rest of 75000.00 EUR) 2009-06-01 (planned). On what "
        "date is it expected now?"
    )
    assert question.fr.startswith("Attendu au 2009-07-01, jour du dernier versement reçu")
    reason = saved.check("relay.timing.tranches").reason.en
    assert "or by a payment received after it" in reason
    cost = relay_cost(request, params, loan=loan)
    assert cost.status is Status.UNKNOWN
    # Received after the request, 150 000 repay the relay: the overdue rest no longer matters.
    repaid = make_request(schedule=SCHEDULE, payments=[(date(2009, 7, 1), "150000")])
    known = time_saved(repaid, params, loan=loan)
    assert known.status is Status.MET
    assert known.days_low == known.days_high == 72  # 20 April -> 1 July 2009


def _with_second_state_aid(request: RelayRequest, payments: list[tuple[date, str]]) -> RelayRequest:
    """*request* with a second State decision granting its applicant 300 000, with *payments*."""
    import attrs

    from poles_policy.model.projects import AidDecision, Funder, PartnerAid, Payment

    second = AidDecision(
        funder=Funder.STATE,
        scheme="PSPC",
        partners=(
            PartnerAid(
                partner_id=request.applicant.id,
                granted=Decimal(300000),
                payments=tuple(Payment(paid_on=d, amount=a) for d, a in payments),
            ),
        ),
    )
    aid = (*(request.project.aid or ()), second)
    return attrs.evolve(request, project=attrs.evolve(request.project, aid=aid))


def test_an_aids_overdue_instalment_is_asked_for_unless_payments_before_it_repay_the_relay(
    make_request: RequestFactory, params: ParameterSet
) -> None:
    # The first aid's advance, planned on 1 June 2009, had not arrived by the request of 15 July:
    # it may come any day after. The second aid's 250 000 of 1 June 2010 would repay the relay,
    # but the advance may come first: when is not known. It used to be dropped without a word,
    # the 250 000 taken as the first payment.
    request = make_request(schedule=SCHEDULE, requested_on=date(2009, 7, 15))
    late = _with_second_state_aid(request, [(date(2010, 6, 1), "250000")])
    saved = time_saved(late, params)
    assert saved.status is Status.UNKNOWN
    assert [f.path for f in saved.missing] == ["project.aid.0.partners.0.schedule"]
    # Paid by the first aid itself after the request, the 150 000 repay the relay before its
    # overdue rest can come: not asked for.
    paid = make_request(
        schedule=SCHEDULE, requested_on=date(2009, 7, 15), payments=[(date(2009, 8, 1), "150000")]
    )
    known = time_saved(paid, params)
    assert known.missing == ()
    assert known.first_payment_earliest == date(2009, 8, 1)


def test_a_schedule_planning_less_than_the_grant_received_after_the_request_is_not_overdue(
    make_request: RequestFactory, make_loan: LoanFactory, params: ParameterSet
) -> None:
    # The schedule plans 50 000 of the 300 000 granted, as an advance on 1 June 2009, received in
    # full on 20 December. The letter's own advance share (75 000) used to be set against it,
    # leaving an invented 25 000 "advance" overdue and the figures unknown.
    advance = ScheduledPayment(
        kind=PaymentKind.ADVANCE, amount="50000", expected_on=date(2009, 6, 1)
    )
    request = make_request(schedule=[advance], payments=[(date(2009, 12, 20), "50000")])
    saved = time_saved(request, params, loan=make_loan(disbursed_on=date(2009, 4, 20)))
    assert saved.status is Status.MET
    assert saved.missing == ()
    # 20 April -> 20 December 2009: 244 days, to the payment received.
    assert saved.days_low == saved.days_high == 244
    kinds = [t.kind for t in bridged_tranches(request, params).tranches]
    assert kinds == [None, PaymentKind.INTERMEDIATE, PaymentKind.BALANCE]


def test_a_payment_pays_the_schedule_s_instalment_before_the_rest_estimated_earlier(
    make_request: RequestFactory, params: ParameterSet
) -> None:
    # The schedule plans an intermediate payment of 100 000 on 15 October 2009 and a balance; the
    # rest of the 300 000 is estimated as an advance from 2 September. The 100 000 received on
    # 20 October pays the intermediate payment: it used to pay the estimated advance, and the
    # intermediate payment, received in full, was said not to have arrived.
    schedule = (
        ScheduledPayment(
            kind=PaymentKind.INTERMEDIATE, amount="100000", expected_on=date(2009, 10, 15)
        ),
        ScheduledPayment(kind=PaymentKind.BALANCE, amount="50000", expected_on=date(2012, 3, 15)),
    )
    request = make_request(schedule=schedule, payments=[(date(2009, 10, 20), "100000")])
    saved = time_saved(request, params)
    assert saved.missing == ()
    assert saved.first_payment_earliest == date(2009, 10, 20)
    rest = [t for t in bridged_tranches(request, params).tranches if t.basis == "estimated"]
    # The rest, 150 000, as an advance, no earlier than the day after the last payment.
    assert [(t.kind, t.amount, t.earliest, t.latest) for t in rest] == [
        (PaymentKind.ADVANCE, Decimal("150000.00"), date(2009, 10, 21), date(2009, 12, 2))
    ]
    french = saved.check("relay.timing.tranches").reason.fr
    assert (
        "1 échéance attendue datée au plus tôt du lendemain du dernier versement reçu, " in french
    )
    assert "non reçue à cette date" in french


def test_without_a_letter_the_rest_of_a_partial_schedule_is_not_counted(
    make_request: RequestFactory, params: ParameterSet
) -> None:
    saved = time_saved(make_request(schedule=SCHEDULE[:1], letter=None), params)
    assert saved.status is Status.MET
    reason = saved.check("relay.timing.tranches").reason.en
    assert "the rest has no date without the selection letter and is not counted" in reason


def test_an_estimate_spanning_the_last_payment_received_starts_the_day_after(
    make_request: RequestFactory, params: ParameterSet
) -> None:
    # Letter of 2 March 2009: the advance (75 000) is estimated from 2 September to 2 December.
    # 50 000 arrive on 1 October; the other 25 000 had not arrived by then, and may still come
    # by 2 December.
    request = make_request(payments=[(date(2009, 10, 1), "50000")])
    rest = next(t for t in bridged_tranches(request, params).tranches if t.basis == "estimated")
    assert (rest.kind, rest.amount, rest.earliest, rest.latest) == (
        PaymentKind.ADVANCE,
        Decimal("25000.00"),
        date(2009, 10, 2),
        date(2009, 12, 2),
    )
    assert time_saved(request, params).status is Status.MET


def test_an_undated_instalment_overdue_at_the_request_asks_for_every_instalment_dated(
    make_request: RequestFactory, params: ParameterSet
) -> None:
    # The advance is undated: its window, 2 September to 2 December 2009, has passed by the
    # request of 11 January 2010, and nothing was received.
    undated = (ScheduledPayment(kind=PaymentKind.ADVANCE, amount="75000"), *SCHEDULE[1:])
    saved = time_saved(make_request(schedule=undated, requested_on=date(2010, 1, 11)), params)
    assert saved.status is Status.UNKNOWN
    assert [f.path for f in saved.missing] == ["project.aid.0.partners.0.schedule"]
    question = saved.missing[0].question.en
    assert "advance 75000.00 EUR 2009-09-02..2009-12-02 (estimated)" in question
    assert question.endswith("Give the aid's schedule, every instalment dated.")


# --- unknown and not applicable ----------------------------------------------------------------


def test_unknown_aid_makes_the_time_saved_unknown_and_asks_for_it(
    make_request: RequestFactory, params: ParameterSet
) -> None:
    saved = time_saved(make_request(aid_known=False), params)
    assert saved.status is Status.UNKNOWN
    assert saved.days_low is None
    assert saved.promise is None
    assert saved.after_subsidy is None
    assert [f.path for f in saved.missing] == ["project.aid"]


def test_an_unknown_letter_without_a_schedule_is_unknown_and_asks_for_it(
    make_request: RequestFactory, params: ParameterSet
) -> None:
    saved = time_saved(make_request(letter=None), params)
    assert saved.status is Status.UNKNOWN
    assert [f.path for f in saved.missing] == ["project.selection_letter_on"]
    assert "Facts to provide" in saved.explain()
    assert "Faits à fournir" in saved.explain("fr")


def test_an_unknown_letter_is_not_needed_when_received_payments_repay_the_relay(
    make_request: RequestFactory, make_loan: LoanFactory, params: ParameterSet
) -> None:
    request = make_request(letter=None, payments=[(date(2009, 10, 1), "150000")])
    saved = time_saved(request, params, loan=make_loan(disbursed_on=date(2009, 4, 1)))
    assert saved.status is Status.MET
    assert saved.days_low == 183
    assert saved.missing == ()


# --- instalments overdue at the request ----------------------------------------------------------


def test_a_planned_instalment_overdue_at_the_request_is_asked_for_not_taken_as_received(
    make_request: RequestFactory, make_loan: LoanFactory, params: ParameterSet
) -> None:
    # The advance was planned for 1 June 2009; on 11 January 2010 nothing has been received. Its
    # date has passed: the relay bridges it, but when it will come is not known. Taking the plan
    # as a date would say the relay came after the subsidy and saved nothing.
    request = make_request(schedule=SCHEDULE, requested_on=date(2010, 1, 11))
    loan = make_loan(disbursed_on=date(2010, 1, 20))
    saved = time_saved(request, params, loan=loan)
    assert saved.status is Status.UNKNOWN
    assert saved.after_subsidy is None
    assert saved.days_low is None
    assert [fact.path for fact in saved.missing] == ["project.aid.0.partners.0.schedule"]
    question = saved.missing[0].question
    assert question.en == (
        "Expected by the request of 2010-01-11, this payment had not arrived: advance 75000.00 "
        "EUR 2009-06-01 (planned). On what date is it expected now?"
    )
    assert question.fr == (
        "Attendu à la demande du 2010-01-11, ce versement n'était pas reçu : avance "
        "75\u202f000,00 € 2009-06-01 (prévue). À quelle date est-il désormais attendu ?"
    )
    # The cost cannot be computed either, and asks for the same fact.
    cost = relay_cost(request, params, loan=loan)
    assert cost.total_low is None
    assert [fact.path for fact in cost.missing] == ["project.aid.0.partners.0.schedule"]
    # The loan's own date is known: only the subsidy's are not.
    assert cost.check("relay.cost.interest").reason.en == (
        "the dates of the subsidy payments that repay the relay are not known"
    )


def test_a_later_payment_covering_the_advance_leaves_the_overdue_instalment_overdue(
    make_request: RequestFactory, make_loan: LoanFactory, params: ParameterSet
) -> None:
    # On 1 July 2010 neither the advance (1 June 2009) nor the intermediate payment (1 June 2010)
    # had arrived. The advance came on 1 August: the intermediate payment is still overdue, and
    # is not dated on the advance's day as if planned then.
    request = make_request(
        schedule=SCHEDULE, requested_on=date(2010, 7, 1), payments=[(date(2010, 8, 1), "75000")]
    )
    saved = time_saved(request, params, loan=make_loan(disbursed_on=date(2010, 7, 10)))
    assert saved.status is Status.UNKNOWN
    assert "intermediate payment 165000.00 EUR 2010-06-01 (planned)" in saved.missing[0].question.en


def test_an_instalment_due_on_the_request_day_and_not_received_is_overdue(
    make_request: RequestFactory, params: ParameterSet
) -> None:
    # A payment of the request's day is received (RELAY.4): none recorded, the advance was late.
    saved = time_saved(make_request(schedule=SCHEDULE, requested_on=date(2009, 6, 1)), params)
    assert saved.status is Status.UNKNOWN
    assert saved.after_subsidy is None
    assert "advance 75000.00 EUR 2009-06-01 (planned)" in saved.missing[0].question.en


def test_an_overdue_instalment_partly_received_is_named_with_its_date_and_its_rest(
    make_request: RequestFactory, params: ParameterSet
) -> None:
    request = make_request(
        schedule=SCHEDULE, requested_on=date(2009, 7, 1), payments=[(date(2009, 5, 1), "40000")]
    )
    question = time_saved(request, params).missing[0].question
    assert "advance 35000.00 EUR (the rest of 75000.00 EUR) 2009-06-01 (planned)" in question.en
    assert "avance 35\u202f000,00 € (reste de 75\u202f000,00 €) 2009-06-01 (prévue)" in question.fr


def test_an_overdue_estimate_asks_for_the_whole_schedule(
    make_request: RequestFactory, params: ParameterSet
) -> None:
    # Answering one date only would leave the rest of the grant undated, and estimated again.
    question = time_saved(make_request(requested_on=date(2010, 1, 11)), params).missing[0].question
    assert question.en.endswith("Give the aid's schedule, every instalment dated.")
    assert question.fr.endswith("Donnez l'échéancier de l'aide, chaque échéance datée.")


def test_an_overdue_instalment_is_not_needed_when_later_payments_repay_the_relay(
    make_request: RequestFactory, make_loan: LoanFactory, params: ParameterSet
) -> None:
    request = make_request(
        schedule=SCHEDULE,
        requested_on=date(2010, 1, 11),
        payments=[(date(2010, 3, 1), "150000")],
    )
    saved = time_saved(request, params, loan=make_loan(disbursed_on=date(2010, 1, 20)))
    assert saved.status is Status.MET
    assert saved.missing == ()
    # 20 January -> 1 March 2010: 40 days.
    assert saved.days_low == saved.days_high == 40


def test_an_estimate_spanning_the_request_starts_at_the_request(
    make_request: RequestFactory, params: ParameterSet
) -> None:
    # Letter of 2 March 2009: the advance is estimated 2009-09-02..2009-12-02. Nothing has been
    # received by 1 October 2009, that day included: it comes no earlier than the next day.
    request = make_request(requested_on=date(2009, 10, 1), oseo=False)
    bridging = bridged_tranches(request, params)
    first = bridging.tranches[0]
    assert (first.kind, first.earliest, first.latest) == (
        PaymentKind.ADVANCE,
        date(2009, 10, 2),
        date(2009, 12, 2),
    )
    reason = time_saved(request, params).check("relay.timing.tranches").reason
    assert (
        "1 instalment(s) still expected dated no earlier than the day after the request, as none "
        "had arrived by then" in reason.en
    )
    assert (
        "1 échéance attendue datée au plus tôt du lendemain de la demande, rien n'étant reçu à "
        "cette date" in reason.fr
    )


def test_an_estimate_wholly_before_the_request_is_asked_for(
    make_request: RequestFactory, params: ParameterSet
) -> None:
    saved = time_saved(make_request(requested_on=date(2010, 1, 11)), params)
    assert saved.status is Status.UNKNOWN
    assert [fact.path for fact in saved.missing] == ["project.aid.0.partners.0.schedule"]
    assert "2009-09-02..2009-12-02 (estimated)" in saved.missing[0].question.en


def test_a_project_aided_only_by_the_region_has_nothing_to_bridge(
    make_request: RequestFactory, params: ParameterSet
) -> None:
    saved = time_saved(make_request(state=False), params)
    assert saved.status is Status.NOT_APPLICABLE
    assert saved.days_low is None
    assert saved.missing == ()


def test_a_subsidy_received_in_full_before_the_request_has_nothing_to_bridge(
    make_request: RequestFactory, params: ParameterSet
) -> None:
    saved = time_saved(make_request(payments=[(date(2009, 3, 10), "300000")]), params)
    assert saved.status is Status.NOT_APPLICABLE
    assert "nothing to bridge" in saved.check("relay.timing.tranches").reason.en


def test_the_rest_of_a_grant_the_schedule_does_not_plan_is_estimated_as_the_kinds_it_lacks(
    make_request: RequestFactory, params: ParameterSet
) -> None:
    # The dated schedule plans only the advance (90 000 of 300 000), received before the request:
    # 210 000 remain, undated. They were said "received in full", with no time saved nor cost.
    advance = ScheduledPayment(
        kind=PaymentKind.ADVANCE, amount=Decimal(90000), expected_on=date(2009, 3, 10)
    )
    request = make_request(schedule=[advance], payments=[(date(2009, 3, 10), "90000")])
    bridging = bridged_tranches(request, params)
    # Estimated from the letter of 2 March 2009: intermediate 165 000, balance 60 000. The rest,
    # 210 000, is shared between the two kinds the schedule lacks in those proportions:
    # 210 000 x 165 / 225 = 154 000, and 56 000. The advance the schedule plans is not estimated
    # again (the letter's 25 %, 75 000, would have left nothing to say of the 90 000 received).
    assert [(t.kind, t.amount, t.earliest, t.latest, t.basis) for t in bridging.tranches] == [
        (
            PaymentKind.INTERMEDIATE,
            Decimal("154000.00"),
            date(2011, 3, 2),
            date(2011, 6, 2),
            "estimated",
        ),
        (
            PaymentKind.BALANCE,
            Decimal("56000.00"),
            date(2012, 9, 2),
            date(2012, 12, 2),
            "estimated",
        ),
    ]
    saved = time_saved(request, params)
    assert saved.status is Status.MET
    reason = saved.check("relay.timing.tranches").reason
    assert "the rest, 210000.00 EUR, is estimated from the selection letter" in reason.en
    assert "le reste, 210\u202f000,00 €, est estimé d'après la lettre de sélection" in reason.fr
    # Without the letter, the remaining dates are asked for, not assumed away.
    unknown = time_saved(
        make_request(schedule=[advance], payments=[(date(2009, 3, 10), "90000")], letter=None),
        params,
    )
    assert unknown.status is Status.UNKNOWN
    assert [f.path for f in unknown.missing] == ["project.selection_letter_on"]


def test_the_promise_check_names_the_bounds_in_force(
    make_request: RequestFactory, params: ParameterSet
) -> None:
    saved = time_saved(make_request(), params)
    promise = saved.check("relay.timing.promise")
    assert (promise.label.en, promise.label.fr) == (
        "within the promised 6 to 9 months",
        "dans les 6 à 9 mois promis",
    )
    # A reform promising 3 to 7 months: the label said "6 to 9" beside a reason saying "3 to 7".
    reform = params.override("relay.promised_gain_months.low", 3).override(
        "relay.promised_gain_months.high", 7
    )
    promise = time_saved(make_request(), reform).check("relay.timing.promise")
    assert promise.label.en == "within the promised 3 to 7 months"
    assert "the promised 3 months 0 days to 7 months 0 days" in promise.reason.en


def test_a_promise_whose_low_bound_is_above_its_high_bound_is_refused(
    make_request: RequestFactory, params: ParameterSet
) -> None:
    reform = params.override("relay.promised_gain_months.low", 12)
    with pytest.raises(ParameterError, match=r"low \(12\) is above .*high \(9\) on 2009-03-16"):
        time_saved(make_request(), reform)


# --- invalid input -----------------------------------------------------------------------------


def test_a_loan_for_another_request_is_refused(
    make_request: RequestFactory, make_loan: LoanFactory, params: ParameterSet
) -> None:
    loan = make_loan(disbursed_on=date(2009, 4, 1), request_id="other")
    with pytest.raises(InvalidInputError):
        time_saved(make_request(), params, loan=loan)


def test_a_loan_disbursed_before_the_request_is_refused(
    make_request: RequestFactory, make_loan: LoanFactory, params: ParameterSet
) -> None:
    with pytest.raises(InvalidInputError):
        time_saved(make_request(), params, loan=make_loan(disbursed_on=date(2009, 3, 13)))


# --- explanations ------------------------------------------------------------------------------


def test_every_figure_is_explained_in_english_and_french_citing_relay_6(
    make_request: RequestFactory, params: ParameterSet
) -> None:
    saved = time_saved(make_request(), params)
    assert [c.key for c in saved.checks] == [
        "relay.timing.disbursement",
        "relay.timing.tranches",
        "relay.timing.saved",
        "relay.timing.weighted",
        "relay.timing.promise",
    ]
    assert all("RELAY.6" in c.clauses for c in saved.checks)
    english, french = saved.explain("en"), saved.explain("fr")
    assert "4 months 19 days (141 days, 4.6 months) to 7 months 18 days" in english
    assert "4 mois 19 jours (141 jours, 4,6 mois) à 7 mois 18 jours" in french
    assert "relay.promised_gain_months.low = 6" in english
    # An advance (une avance) is feminine: its basis agrees with it.
    assert "avance 75\u202f000,00 € 2009-09-02..2009-12-02 (estimée)" in french


# --- properties --------------------------------------------------------------------------------

DAYS = st.integers(min_value=0, max_value=900)


@given(
    start=st.dates(min_value=date(2008, 4, 2), max_value=date(2012, 12, 31)),
    to_disbursement=DAYS,
    to_payments=st.lists(DAYS, min_size=1, max_size=3, unique=True),  # each 50 000 EUR
)
def test_time_saved_is_never_negative_with_actual_dates(
    make_request: RequestFactory,
    make_loan: LoanFactory,
    params: ParameterSet,
    start: date,
    to_disbursement: int,
    to_payments: list[int],
) -> None:
    request = make_request(
        requested_on=start - timedelta(days=1),
        # The letter of the request's day: what is still expected is estimated after it.
        letter=start - timedelta(days=1),
        payments=[(start + timedelta(days=d), "50000") for d in to_payments],
    )
    loan = make_loan(disbursed_on=start + timedelta(days=to_disbursement))
    saved = time_saved(request, params, loan=loan)
    if saved.status is Status.UNKNOWN:
        # An estimated instalment whose window closed before the last payment received, and
        # that payments have not covered, is overdue; the payments do not repay the relay.
        assert [f.path for f in saved.missing] == ["project.aid.0.partners.0.schedule"]
        assert 50000 * len(to_payments) < loan.principal
        return
    # A payment is received after the request: it is the first payment, and what is still
    # expected comes after it.
    assert saved.first_payment_basis == "actual"
    assert saved.days_low is not None
    assert saved.days_low >= 0
    assert saved.days_low == saved.days_high == (max(0, min(to_payments) - to_disbursement))
    assert saved.decimal_months_low is not None
    assert saved.decimal_months_low >= 0
    assert saved.months_low is not None
    assert min(saved.months_low) >= 0
    assert saved.after_subsidy is (saved.days_low == 0)
    assert saved.weighted_days_low is not None
    assert saved.weighted_days_low >= 0


@given(
    letter=st.dates(min_value=date(2008, 4, 1), max_value=date(2014, 12, 31)),
    to_request=st.integers(min_value=0, max_value=400),
    oseo=st.sampled_from([True, False, None]),
)
def test_estimated_savings_are_never_negative_and_low_never_exceeds_high(
    make_request: RequestFactory,
    params: ParameterSet,
    letter: date,
    to_request: int,
    oseo: bool | None,
) -> None:
    request = make_request(
        letter=letter, requested_on=letter + timedelta(days=to_request), oseo=oseo
    )
    saved = time_saved(request, params)
    # Nothing is received: a payment estimated wholly before the request is overdue, and asked.
    estimated = payment_schedule(Decimal(300000), letter, params)
    if any(p.latest < request.requested_on for p in estimated):
        assert saved.status is Status.UNKNOWN
        assert [f.path for f in saved.missing] == ["project.aid.0.partners.0.schedule"]
        return
    assert saved.days_low is not None
    assert saved.days_high is not None
    assert 0 <= saved.days_low <= saved.days_high
    assert saved.weighted_days_low is not None
    assert saved.weighted_days_high is not None
    assert 0 <= saved.weighted_days_low <= saved.weighted_days_high
    assert saved.promise in {"inside", "below", "above", "partly"}


def test_an_instalment_still_expected_is_not_dated_before_a_payment_already_received(
    make_request: RequestFactory, params: ParameterSet
) -> None:
    # 50 000 of the 75 000 advance arrived on 15 October 2009, after the request. The 25 000
    # left of the advance was estimated for 2 September..2 December 2009; it had not arrived
    # by 15 October, that day included, so it is dated 16 October..2 December.
    request = make_request(payments=[(date(2009, 10, 15), "50000")])
    tranches = bridged_tranches(request, params).tranches
    assert [(t.basis, t.amount, t.earliest, t.latest) for t in tranches[:2]] == [
        ("actual", Decimal("50000.00"), date(2009, 10, 15), date(2009, 10, 15)),
        ("estimated", Decimal("25000.00"), date(2009, 10, 16), date(2009, 12, 2)),
    ]
    saved = time_saved(request, params)
    assert saved.first_payment_basis == "actual"
    assert saved.first_payment_earliest == saved.first_payment_latest == date(2009, 10, 15)


def test_the_tranches_check_lists_only_the_payments_that_repay_the_relay(
    params: ParameterSet,
) -> None:
    from pathlib import Path

    from poles_policy.boundary.case import parse_case

    example = Path(__file__).parents[2] / "docs" / "examples" / "relay-case.json"
    case = parse_case(example.read_bytes())
    bridging = bridged_tranches(case.request, params, loan=case.loan)
    # 200 000 is repaid by the advance (94 500) and the intermediate payment (157 500): the
    # balance of 2012 repays nothing of it and is not listed, though it is still expected.
    assert len(bridging.tranches) == 3
    reason = bridging.checks[1].reason.en
    assert "advance 94500.00 EUR" in reason
    assert "intermediate payment 157500.00 EUR" in reason
    assert "balance" not in reason


def test_a_payment_before_the_relay_repays_it_when_lent_and_says_so(
    params: ParameterSet,
) -> None:
    import json
    from pathlib import Path

    from poles_policy.boundary.case import parse_case

    example = Path(__file__).parents[2] / "docs" / "examples" / "relay-case.json"
    document = json.loads(example.read_text(encoding="utf-8"))
    document["project"]["aid"][0]["partners"][0]["payments"] = [
        {"paid_on": "2009-06-10", "amount": "94500.00"}
    ]
    document["loan"]["disbursed_on"] = "2009-07-01"
    case = parse_case(json.dumps(document))
    saved = time_saved(case.request, params, loan=case.loan)
    assert saved.after_subsidy is True
    weighted = next(c for c in saved.checks if c.key == "relay.timing.weighted")
    assert weighted.reason.en.startswith(
        "principal repaid 94500.00 EUR on 2009-07-01 (from the payment of 2009-06-10, before "
        "the relay), 105500.00 EUR on 2010-12-15 (low scenario)"
    )
