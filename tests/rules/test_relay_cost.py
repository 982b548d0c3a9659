"""The cost of a relay loan (RELAY.4, RELAY.5) and per month saved: figures checked by hand."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from poles_policy.boundary.assessment import AssessmentModel, BriefAssessmentModel
from poles_policy.data.demo import demo_cases
from poles_policy.exceptions import InvalidInputError
from poles_policy.explain import Status
from poles_policy.model.relay import RelayLoan, RelayRequest
from poles_policy.money import eur, round_cents
from poles_policy.rules.relay import CostPeriod, RelayCost, assess, relay_cost, time_saved

if TYPE_CHECKING:
    from poles_policy.parameters import ParameterSet

RequestFactory = Callable[..., RelayRequest]
LoanFactory = Callable[..., RelayLoan]

DISBURSED = date(2009, 1, 15)


@pytest.fixture
def two_tranches(make_request: RequestFactory) -> Callable[..., RelayRequest]:
    """100 000 pre-financed, repaid by 40 000 on 15 July 2009 and 60 000 on 15 January 2010."""

    def build(*, oseo: bool | None = True) -> RelayRequest:
        return make_request(
            letter=date(2008, 12, 15),
            requested_on=date(2009, 1, 5),
            amount="100000",
            oseo=oseo,
            payments=[(date(2009, 7, 15), "40000"), (date(2010, 1, 15), "60000")],
        )

    return build


def cost_of(
    request: RelayRequest, make_loan: LoanFactory, params: ParameterSet, **loan: object
) -> RelayCost:
    terms = {"principal": "100000", "annual_rate": "0.06", "fees": "500", **loan}
    return relay_cost(request, params, loan=make_loan(disbursed_on=DISBURSED, **terms))


def test_interest_and_guarantee_fee_on_two_tranches_at_act_360(
    two_tranches: Callable[..., RelayRequest], make_loan: LoanFactory, params: ParameterSet
) -> None:
    # Period 1: 15 January -> 15 July 2009 = 181 days on 100 000.
    #   interest 100 000 x 6 % x 181 / 360 = 3 016.666... -> 3 016.67
    #   fee      100 000 x 50 % x 0.8 % x 181 / 360 = 201.111... -> 201.11
    # Period 2: 15 July 2009 -> 15 January 2010 = 184 days on 60 000.
    #   interest 60 000 x 6 % x 184 / 360 = 1 840.00
    #   fee      60 000 x 50 % x 0.8 % x 184 / 360 = 122.666... -> 122.67
    # Interest 4 856.67 + fee 323.78 + other fees 500.00 = 5 680.45.
    # Per month saved: 181 days = 181 x 12 / 365.25 = 5.9466 months exactly;
    # 5 680.45 / 5.9466 = 5 680.45 x 1461 / (48 x 181) = 955.2414... -> 955.24.
    cost = cost_of(two_tranches(), make_loan, params)
    assert cost.low is not None
    assert cost.low.periods == (
        CostPeriod(
            start=DISBURSED,
            end=date(2009, 7, 15),
            outstanding=eur("100000.00"),
            interest=eur("3016.67"),
            guarantee_fee=eur("201.11"),
            repaid=eur("40000.00"),
        ),
        CostPeriod(
            start=date(2009, 7, 15),
            end=date(2010, 1, 15),
            outstanding=eur("60000.00"),
            interest=eur("1840.00"),
            guarantee_fee=eur("122.67"),
            repaid=eur("60000.00"),
        ),
    )
    assert (cost.interest_low, cost.guarantee_fee_low, cost.fees) == (
        Decimal("4856.67"),
        Decimal("323.78"),
        Decimal("500.00"),
    )
    assert cost.total_low == cost.total_high == Decimal("5680.45")
    assert cost.per_month_saved_low == cost.per_month_saved_high == Decimal("955.24")
    assert cost.unrepaid == Decimal("0.00")
    assert (cost.annual_rate, cost.rate_basis) == (Decimal("0.06"), "loan")
    statuses = {c.key: c.status for c in cost.checks}
    assert statuses == {
        "relay.cost.interest": Status.MET,
        "relay.cost.guarantee_fee": Status.MET,
        "relay.cost.fees": Status.MET,
        "relay.cost.repayment": Status.MET,
        "relay.cost.per_month_saved": Status.MET,
    }
    assert cost.check("relay.cost.interest").clauses == ("RELAY.4",)
    assert cost.check("relay.cost.guarantee_fee").clauses == ("RELAY.5",)
    assert [p.name for p in cost.check("relay.cost.guarantee_fee").parameters] == [
        "relay.oseo.guarantee_share",
        "relay.oseo.guarantee_fee_rate",
    ]


def test_without_a_counter_guarantee_the_fee_is_zero_and_not_applicable(
    two_tranches: Callable[..., RelayRequest], make_loan: LoanFactory, params: ParameterSet
) -> None:
    cost = cost_of(two_tranches(oseo=False), make_loan, params)
    assert cost.guarantee_fee_low == cost.guarantee_fee_high == Decimal("0.00")
    assert cost.total_low == Decimal("5356.67")  # 4 856.67 + 500.00
    assert cost.check("relay.cost.guarantee_fee").status is Status.NOT_APPLICABLE
    assert cost.guarantee.asked is False


def test_an_unknown_counter_guarantee_bounds_the_fee_and_asks_for_it(
    two_tranches: Callable[..., RelayRequest], make_loan: LoanFactory, params: ParameterSet
) -> None:
    # The low scenario is the one where the bank asks OSEO: it bears the fee.
    cost = cost_of(two_tranches(oseo=None), make_loan, params)
    assert (cost.guarantee_fee_low, cost.guarantee_fee_high) == (
        Decimal("323.78"),
        Decimal("0.00"),
    )
    assert (cost.total_low, cost.total_high) == (Decimal("5680.45"), Decimal("5356.67"))
    check = cost.check("relay.cost.guarantee_fee")
    assert check.status is Status.UNKNOWN
    assert [f.path for f in cost.missing] == ["request.oseo_counter_guarantee"]
    # The loan's own date does not wait for OSEO: the low scenario is "asked", not "later".
    assert "in the low scenario (asked), " in check.reason.en
    assert "dans l'hypothèse basse (sollicitée), " in check.reason.fr
    # Without a loan, OSEO's processing delays the estimated disbursement, and the text says so.
    estimated = relay_cost(two_tranches(oseo=None), params).check("relay.cost.guarantee_fee")
    assert "(asked, the relay then coming later)" in estimated.reason.en
    assert "(sollicitée, le relais arrivant alors plus tard)" in estimated.reason.fr


def test_a_higher_loan_rate_is_used_as_given(
    two_tranches: Callable[..., RelayRequest], make_loan: LoanFactory, params: ParameterSet
) -> None:
    # 100 000 x 6.5 % x 181 / 360 = 3 268.0555... -> 3 268.06;
    # 60 000 x 6.5 % x 184 / 360 = 1 993.333... -> 1 993.33.
    cost = cost_of(two_tranches(), make_loan, params, annual_rate="0.065")
    assert cost.interest_low == Decimal("5261.39")


def test_without_a_loan_the_default_rate_and_estimated_dates_give_a_range(
    make_request: RequestFactory, params: ParameterSet
) -> None:
    # Disbursed 14 April 2009 (estimated); 150 000 repaid 75 000 on the advance
    # (2 September..2 December 2009) and 75 000 on the intermediate payment
    # (2 March..2 June 2011).
    # Low:  150 000 x 6 % x 141/360 = 3 525.00; 75 000 x 6 % x 546/360 = 6 825.00 -> 10 350.00
    #       fee 150 000 x 0.4 % x 141/360 = 235.00; 75 000 x 0.4 % x 546/360 = 455.00 -> 690.00
    # High: 150 000 x 6 % x 232/360 = 5 800.00; 75 000 x 6 % x 547/360 = 6 837.50 -> 12 637.50
    #       fee 600 x 232/360 = 386.666 -> 386.67; 300 x 547/360 = 455.833 -> 455.83 -> 842.50
    # Per month: 11 040.00 x 1461 / (48 x 141) = 2 383.19; 13 480.00 x 1461 / (48 x 232)
    # = 1 768.52.
    cost = relay_cost(make_request(), params)
    assert (cost.annual_rate, cost.rate_basis) == (Decimal("0.06"), "default")
    assert [p.name for p in cost.check("relay.cost.interest").parameters] == [
        "relay.default_annual_rate"
    ]
    assert "default rate" in cost.check("relay.cost.interest").reason.en
    assert (cost.interest_low, cost.interest_high) == (Decimal("10350.00"), Decimal("12637.50"))
    assert (cost.guarantee_fee_low, cost.guarantee_fee_high) == (
        Decimal("690.00"),
        Decimal("842.50"),
    )
    # Other fees are unknown without a loan: left out of the totals, and asked for.
    assert cost.fees is None
    assert cost.check("relay.cost.fees").status is Status.UNKNOWN
    assert [f.path for f in cost.missing] == ["loan.fees"]
    assert (cost.total_low, cost.total_high) == (Decimal("11040.00"), Decimal("13480.00"))
    assert (cost.per_month_saved_low, cost.per_month_saved_high) == (
        Decimal("2383.19"),
        Decimal("1768.52"),
    )


def test_principal_the_subsidy_does_not_repay_is_reported_and_bears_interest_to_the_end(
    make_request: RequestFactory, make_loan: LoanFactory, params: ParameterSet
) -> None:
    # 150 000 lent against 100 000 granted, received 100 days after the disbursement:
    # 150 000 x 6 % x 100 / 360 = 2 500.00; 50 000 are left unrepaid.
    day = date(2009, 6, 1)
    request = make_request(
        granted="100000", requested_on=day, payments=[(day + timedelta(days=100), "100000")]
    )
    cost = relay_cost(request, params, loan=make_loan(disbursed_on=day))
    assert cost.unrepaid == Decimal("50000.00")
    assert cost.interest_low == Decimal("2500.00")
    check = cost.check("relay.cost.repayment")
    assert check.status is Status.NOT_MET
    assert "50000.00 EUR" in check.reason.en


def test_a_relay_after_the_subsidy_has_no_cost_per_month_saved(
    make_request: RequestFactory, make_loan: LoanFactory, params: ParameterSet
) -> None:
    # The subsidy arrives on 1 June, the relay on 10 June: the loan is repaid the day it is
    # disbursed (no interest), the fees remain, and no time is saved.
    request = make_request(requested_on=date(2009, 5, 4), payments=[(date(2009, 6, 1), "150000")])
    cost = relay_cost(request, params, loan=make_loan(disbursed_on=date(2009, 6, 10), fees="300"))
    assert cost.interest_low == Decimal("0.00")
    assert cost.total_low == Decimal("300.00")
    assert cost.per_month_saved_low is None
    assert cost.per_month_saved_high is None
    check = cost.check("relay.cost.per_month_saved")
    assert check.status is Status.NOT_APPLICABLE
    assert "neither zero nor infinite" in check.reason.en


def test_unknown_dates_leave_the_cost_unknown_with_the_facts_to_ask(
    make_request: RequestFactory, params: ParameterSet
) -> None:
    cost = relay_cost(make_request(aid_known=False), params)
    assert cost.status is Status.UNKNOWN
    assert cost.total_low is None
    assert cost.unrepaid is None
    assert [f.path for f in cost.missing] == ["project.aid", "loan.fees"]


def test_nothing_to_bridge_makes_the_cost_not_applicable(
    make_request: RequestFactory, params: ParameterSet
) -> None:
    cost = relay_cost(make_request(state=False), params)
    assert cost.status is Status.NOT_APPLICABLE
    assert cost.total_high is None


def test_a_timing_computed_beforehand_is_reused(
    two_tranches: Callable[..., RelayRequest], make_loan: LoanFactory, params: ParameterSet
) -> None:
    request = two_tranches()
    loan = make_loan(disbursed_on=DISBURSED, principal="100000", fees="500")
    timing = time_saved(request, params, loan=loan)
    reused = relay_cost(request, params, loan=loan, timing=timing)
    assert reused.timing is timing
    assert reused == relay_cost(request, params, loan=loan)


def test_a_timing_for_another_loan_or_principal_is_refused(
    two_tranches: Callable[..., RelayRequest], make_loan: LoanFactory, params: ParameterSet
) -> None:
    request = two_tranches()
    loan = make_loan(disbursed_on=DISBURSED, principal="100000")
    with pytest.raises(InvalidInputError):
        relay_cost(request, params, loan=loan, timing=time_saved(request, params))
    other = make_loan(disbursed_on=DISBURSED, principal="90000")
    with pytest.raises(InvalidInputError):
        relay_cost(request, params, loan=loan, timing=time_saved(request, params, loan=other))


def test_the_cost_is_explained_in_english_and_french(
    two_tranches: Callable[..., RelayRequest], make_loan: LoanFactory, params: ParameterSet
) -> None:
    cost = cost_of(two_tranches(), make_loan, params)
    english, french = cost.explain("en"), cost.explain("fr")
    assert "5680.45 EUR" in english
    assert "as a bank statement shows it" in english
    assert "Coût du relais" in french
    assert "relevé bancaire" in french


# --- a loan not repaid from the subsidy, and fees not known -------------------------------------


def test_a_loan_repaid_in_one_go_bears_interest_on_the_whole_principal_to_its_date(
    two_tranches: Callable[..., RelayRequest], make_loan: LoanFactory, params: ParameterSet
) -> None:
    # Repaid in one go on 15 January 2010 instead of from the subsidy payments (40 000 on
    # 15 July 2009, 60 000 on 15 January 2010): one period, 15 January 2009 -> 15 January 2010
    # = 365 days on the whole 100 000.
    #   interest 100 000 x 6 % x 365 / 360 = 6 083.333... -> 6 083.33 (4 856.67 from the subsidy)
    #   fee      100 000 x 50 % x 0.8 % x 365 / 360 = 405.555... -> 405.56
    # Total 6 083.33 + 405.56 + other fees 500.00 = 6 988.89.
    # Per month saved (181 days to the first subsidy payment, as before):
    # 6 988.89 x 1461 / (48 x 181) = 1 175.2725... -> 1 175.27.
    cost = cost_of(
        two_tranches(),
        make_loan,
        params,
        repaid_from_subsidy=False,
        repaid_on=date(2010, 1, 15),
    )
    assert cost.low is not None
    assert cost.low.periods == (
        CostPeriod(
            start=DISBURSED,
            end=date(2010, 1, 15),
            outstanding=eur("100000.00"),
            interest=eur("6083.33"),
            guarantee_fee=eur("405.56"),
            repaid=eur("100000.00"),
        ),
    )
    assert cost.interest_low == cost.interest_high == Decimal("6083.33")
    assert cost.guarantee_fee_low == cost.guarantee_fee_high == Decimal("405.56")
    assert cost.total_low == cost.total_high == Decimal("6988.89")
    assert cost.per_month_saved_low == cost.per_month_saved_high == Decimal("1175.27")
    assert cost.unrepaid == Decimal("0.00")
    assert cost.status is Status.MET
    assert cost.missing == ()
    repayment = cost.check("relay.cost.repayment")
    assert repayment.status is Status.MET
    # The reason says which repayment the figures use.
    assert "not repaid from the subsidy payments" in repayment.reason.en
    assert "in one go on 2010-01-15" in repayment.reason.en
    assert "en une fois le 2010-01-15" in repayment.reason.fr
    assert "365 days" in cost.check("relay.cost.interest").reason.en


def test_a_half_cent_of_interest_is_rounded_up(
    two_tranches: Callable[..., RelayRequest], make_loan: LoanFactory, params: ParameterSet
) -> None:
    # 90 500 at 4.5 % from 15 January 2009, repaid in one go on 1 June 2010: 502 days.
    #   interest 90 500 x 4.5 % x 502 / 360 = 5 678.875 exactly -> 5 678.88 (half up)
    #   fee      90 500 x 50 % x 0.8 % x 502 / 360 = 504.7888... -> 504.79
    # Dividing the days by 360 first gave 5 678.87499... and 5 678.87.
    cost = cost_of(
        two_tranches(),
        make_loan,
        params,
        principal="90500",
        annual_rate="0.045",
        repaid_from_subsidy=False,
        repaid_on=date(2010, 6, 1),
    )
    assert cost.interest_low == cost.interest_high == Decimal("5678.88")
    assert cost.guarantee_fee_low == Decimal("504.79")
    assert cost.total_low == Decimal("6683.67")  # 5 678.88 + 504.79 + 500.00


def test_a_loan_repaid_in_one_go_on_a_date_not_known_has_no_figures_and_asks_for_it(
    two_tranches: Callable[..., RelayRequest], make_loan: LoanFactory, params: ParameterSet
) -> None:
    cost = cost_of(two_tranches(), make_loan, params, repaid_from_subsidy=False)
    assert cost.status is Status.UNKNOWN
    figures = (
        cost.interest_low,
        cost.interest_high,
        cost.guarantee_fee_low,
        cost.guarantee_fee_high,
        cost.total_low,
        cost.total_high,
        cost.per_month_saved_low,
        cost.per_month_saved_high,
        cost.unrepaid,
    )
    assert figures == (None,) * len(figures)
    assert cost.fees == Decimal("500.00")  # what is known is kept
    repayment = cost.check("relay.cost.repayment")
    assert repayment.status is Status.UNKNOWN
    assert [f.path for f in repayment.missing] == ["loan.repaid_on"]
    assert [f.path for f in cost.missing] == ["loan.repaid_on"]
    assert "on a date not known" in repayment.reason.en
    statuses = {c.key: c.status for c in cost.checks}
    assert statuses == {
        "relay.cost.interest": Status.UNKNOWN,
        "relay.cost.guarantee_fee": Status.UNKNOWN,
        "relay.cost.fees": Status.MET,
        "relay.cost.repayment": Status.UNKNOWN,
        "relay.cost.per_month_saved": Status.UNKNOWN,
    }
    # The time saved does not depend on how the loan is repaid.
    assert cost.timing.days_low == 181
    assert "Facts to provide" in cost.explain()


def test_a_loan_repaid_in_one_go_on_a_date_not_known_asks_with_the_other_facts(
    two_tranches: Callable[..., RelayRequest],
    make_request: RequestFactory,
    make_loan: LoanFactory,
    params: ParameterSet,
) -> None:
    cost = cost_of(two_tranches(oseo=None), make_loan, params, repaid_from_subsidy=False)
    assert [f.path for f in cost.missing] == ["request.oseo_counter_guarantee", "loan.repaid_on"]
    # Without the subsidy's dates either, one round of questions asks for every fact.
    undated = relay_cost(
        make_request(aid_known=False),
        params,
        loan=make_loan(disbursed_on=date(2009, 6, 1), repaid_from_subsidy=False),
    )
    assert [f.path for f in undated.missing] == ["loan.repaid_on", "project.aid"]
    # The interest runs to the repayment, whatever the subsidy's dates: it says so, and only the
    # cost per month saved waits for the subsidy's dates too.
    assert "to its repayment in one go, on a date not known" in (
        undated.check("relay.cost.interest").reason.en
    )
    per_month = undated.check("relay.cost.per_month_saved")
    assert per_month.status is Status.UNKNOWN
    assert [f.path for f in per_month.missing] == ["project.aid"]


def _without_subsidy_dates(request: RelayRequest) -> RelayRequest:
    """*request* with no selection letter, and no schedule or payment for any aid partner."""
    project = request.project
    assert project.aid is not None
    aid = tuple(
        attrs.evolve(
            decision,
            partners=tuple(
                attrs.evolve(partner, schedule=(), payments=()) for partner in decision.partners
            ),
        )
        for decision in project.aid
    )
    return attrs.evolve(request, project=attrs.evolve(project, selection_letter_on=None, aid=aid))


def test_a_loan_repaid_in_one_go_is_costed_when_the_subsidy_dates_are_not_known(
    params: ParameterSet,
) -> None:
    # Demo case 1 repaid in one go on 20 November 2009, with neither selection letter nor
    # schedule nor payment: the time saved is unknown, the loan's own dates are known.
    # One period, 28 July 2008 -> 20 November 2009 = 480 days on the whole 150 000.
    #   interest 150 000 x 5.5 % x 480 / 360 = 11 000.00
    #   fee      150 000 x 50 % x 0.8 % x 480 / 360 = 800.00 (the bank asks OSEO)
    # Total 11 000.00 + 800.00 + other fees 500.00 = 12 300.00; per month saved unknown.
    case = demo_cases()[0]
    assert case.loan is not None
    request = _without_subsidy_dates(case.request)
    loan = attrs.evolve(case.loan, repaid_from_subsidy=False, repaid_on=date(2009, 11, 20))
    cost = relay_cost(request, params, loan=loan)
    days = (date(2009, 11, 20) - loan.disbursed_on).days
    assert days == 480
    interest = round_cents(loan.principal * loan.annual_rate * days / 360)
    assert interest == cost.interest_low == cost.interest_high == Decimal("11000.00")
    assert cost.guarantee_fee_low == cost.guarantee_fee_high == Decimal("800.00")
    assert cost.total_low == cost.total_high == Decimal("12300.00")
    assert cost.unrepaid == Decimal("0.00")
    assert cost.per_month_saved_low is None
    assert cost.per_month_saved_high is None
    assert cost.low is not None
    assert cost.low.days_saved is None
    assert cost.status is Status.MET
    assert cost.timing.status is Status.UNKNOWN
    statuses = {c.key: c.status for c in cost.checks}
    assert statuses == {
        "relay.cost.interest": Status.MET,
        "relay.cost.guarantee_fee": Status.MET,
        "relay.cost.fees": Status.MET,
        "relay.cost.repayment": Status.MET,
        "relay.cost.per_month_saved": Status.UNKNOWN,
    }
    assert "480 days" in cost.check("relay.cost.interest").reason.en
    assert "in one go on 2009-11-20" in cost.check("relay.cost.repayment").reason.en
    per_month = cost.check("relay.cost.per_month_saved")
    # It asks for what the time saved asks for, and says why.
    assert per_month.missing == cost.timing.missing
    assert [f.path for f in per_month.missing] == ["project.selection_letter_on"]
    assert "not the time saved" in per_month.reason.en
    assert "pas le temps gagné" in per_month.reason.fr
    assert [f.path for f in cost.missing] == ["project.selection_letter_on"]
    # The assessment gives the same figures and facts, valid against the JSON models.
    assessment = assess(request, params, loan=loan)
    full = AssessmentModel.model_validate(assessment.to_dict())
    brief = BriefAssessmentModel.model_validate(assessment.to_dict(brief=True))
    for model in (full.cost, brief.cost):
        assert model is not None
        assert (model.interest_low, model.total_low, model.total_high) == (
            "11000.00",
            "12300.00",
            "12300.00",
        )
        assert model.per_month_saved_low is None
        assert model.per_month_saved_high is None
        assert model.missing == ("project.selection_letter_on",)


def test_a_loan_repaid_in_one_go_without_subsidy_dates_asks_every_fact_in_order(
    params: ParameterSet,
) -> None:
    # As above, with the counter-guarantee and the fees not known: the low scenario, where the
    # bank asks OSEO, counts the fee (11 000.00 + 800.00 = 11 800.00), the high one does not
    # (11 000.00); the fees are left out of both.
    case = demo_cases()[0]
    assert case.loan is not None
    request = attrs.evolve(_without_subsidy_dates(case.request), oseo_counter_guarantee=None)
    loan = attrs.evolve(
        case.loan, repaid_from_subsidy=False, repaid_on=date(2009, 11, 20), fees=None
    )
    cost = relay_cost(request, params, loan=loan)
    assert (cost.interest_low, cost.interest_high) == (Decimal("11000.00"), Decimal("11000.00"))
    assert (cost.guarantee_fee_low, cost.guarantee_fee_high) == (Decimal("800.00"), Decimal("0.00"))
    assert (cost.total_low, cost.total_high) == (Decimal("11800.00"), Decimal("11000.00"))
    assert (cost.per_month_saved_low, cost.per_month_saved_high) == (None, None)
    # In the order of the checks: guarantee fee, fees, cost per month saved.
    expected = [
        "request.oseo_counter_guarantee",
        "loan.fees",
        "project.selection_letter_on",
    ]
    assert [f.path for f in cost.missing] == expected
    assert "11000.00 to 11800.00 EUR" in cost.explain("en")
    assert "11\u202f000,00 € à 11\u202f800,00 €" in cost.explain("fr")


def test_a_loan_repaid_in_one_go_that_bridges_nothing_has_a_cost_but_none_per_month(
    make_request: RequestFactory, make_loan: LoanFactory, params: ParameterSet
) -> None:
    # No State subsidy (the Region funds the project): the loan bridges nothing, yet it was
    # lent. One period, 1 April 2009 -> 1 April 2010 = 365 days on 150 000.
    #   interest 150 000 x 6 % x 365 / 360 = 9 125.00
    #   fee      150 000 x 50 % x 0.8 % x 365 / 360 = 608.333... -> 608.33
    # Total 9 125.00 + 608.33 + other fees 0.00 = 9 733.33; no time saved, no cost per month.
    loan = make_loan(
        disbursed_on=date(2009, 4, 1), repaid_from_subsidy=False, repaid_on=date(2010, 4, 1)
    )
    cost = relay_cost(make_request(state=False), params, loan=loan)
    assert cost.timing.status is Status.NOT_APPLICABLE
    assert (cost.interest_low, cost.guarantee_fee_low) == (Decimal("9125.00"), Decimal("608.33"))
    assert cost.total_low == cost.total_high == Decimal("9733.33")
    assert (cost.per_month_saved_low, cost.per_month_saved_high) == (None, None)
    assert cost.status is Status.MET
    assert cost.missing == ()
    per_month = cost.check("relay.cost.per_month_saved")
    assert per_month.status is Status.NOT_APPLICABLE
    assert "bridges no subsidy payment" in per_month.reason.en
    assert "aucun versement de subvention" in per_month.reason.fr


def test_a_loan_whose_fees_are_not_known_leaves_them_out_of_the_totals_and_asks(
    two_tranches: Callable[..., RelayRequest], make_loan: LoanFactory, params: ParameterSet
) -> None:
    # As the first worked example, without the other fees: 4 856.67 + 323.78 = 5 180.45;
    # per month saved 5 180.45 x 1461 / (48 x 181) = 871.1599... -> 871.16.
    loan = make_loan(disbursed_on=DISBURSED, principal="100000", annual_rate="0.06", fees=None)
    cost = relay_cost(two_tranches(), params, loan=loan)
    assert cost.fees is None
    assert cost.total_low == cost.total_high == Decimal("5180.45")
    assert cost.per_month_saved_low == Decimal("871.16")
    check = cost.check("relay.cost.fees")
    assert check.status is Status.UNKNOWN
    assert "the loan's other fees are not known" in check.reason.en
    assert [f.path for f in cost.missing] == ["loan.fees"]
    # The figures are all there: only the fees are missing.
    assert cost.status is Status.MET


def test_fees_of_zero_are_known_to_be_none_and_asked_for_by_no_one(
    two_tranches: Callable[..., RelayRequest], make_loan: LoanFactory, params: ParameterSet
) -> None:
    # 4 856.67 + 323.78 + 0.00 = 5 180.45, the same figure, with nothing left to ask.
    cost = cost_of(two_tranches(), make_loan, params, fees="0.00")
    assert cost.fees == Decimal("0.00")
    assert cost.total_low == Decimal("5180.45")
    assert cost.check("relay.cost.fees").status is Status.MET
    assert cost.missing == ()


def test_the_weighted_time_saved_says_the_loan_is_repaid_in_one_go(
    two_tranches: Callable[..., RelayRequest], make_loan: LoanFactory, params: ParameterSet
) -> None:
    loan = make_loan(
        disbursed_on=DISBURSED,
        principal="100000",
        repaid_from_subsidy=False,
        repaid_on=date(2010, 1, 15),
    )
    reason = time_saved(two_tranches(), params, loan=loan).check("relay.timing.weighted").reason
    assert "in one go on 2010-01-15" in reason.en
    assert "as if they repaid it" in reason.en
    assert "en une fois le 2010-01-15" in reason.fr


# --- properties --------------------------------------------------------------------------------

RATES = st.decimals(min_value=0, max_value="0.2", places=4)
START = date(2009, 1, 5)


def _cost(
    make_request: RequestFactory,
    make_loan: LoanFactory,
    params: ParameterSet,
    *,
    rate: Decimal,
    to_disbursement: int,
    to_first: int,
    to_second: int,
    oseo: bool = True,
) -> RelayCost:
    request = make_request(
        granted="100000",
        amount="100000",
        # The day before: a payment on the request's own day is no longer to be bridged.
        requested_on=START - timedelta(days=1),
        oseo=oseo,
        payments=[
            (START + timedelta(days=to_first), "40000"),
            (START + timedelta(days=to_second), "60000"),
        ],
    )
    loan = make_loan(
        disbursed_on=START + timedelta(days=to_disbursement),
        principal="100000",
        annual_rate=rate,
        fees="250",
    )
    return relay_cost(request, params, loan=loan)


def _total(cost: RelayCost) -> Decimal:
    assert cost.total_low is not None
    assert cost.total_low == cost.total_high
    return cost.total_low


@given(
    rates=st.lists(RATES, min_size=2, max_size=2).map(sorted),
    to_disbursement=st.integers(0, 60),
    to_first=st.integers(0, 400),
    gap=st.integers(0, 400),
)
def test_the_cost_never_decreases_when_the_rate_grows(
    make_request: RequestFactory,
    make_loan: LoanFactory,
    params: ParameterSet,
    rates: list[Decimal],
    to_disbursement: int,
    to_first: int,
    gap: int,
) -> None:
    lower, higher = (
        _cost(
            make_request,
            make_loan,
            params,
            rate=rate,
            to_disbursement=to_disbursement,
            to_first=to_first,
            to_second=to_first + gap,
        )
        for rate in rates
    )
    assert _total(lower) <= _total(higher)


@given(
    rate=RATES,
    to_disbursement=st.integers(0, 60),
    to_first=st.integers(0, 400),
    gap=st.integers(0, 400),
    delay=st.integers(0, 400),
    oseo=st.booleans(),
)
def test_the_cost_never_decreases_when_the_last_payment_comes_later(
    make_request: RequestFactory,
    make_loan: LoanFactory,
    params: ParameterSet,
    rate: Decimal,
    to_disbursement: int,
    to_first: int,
    gap: int,
    delay: int,
    oseo: bool,
) -> None:
    sooner, later = (
        _cost(
            make_request,
            make_loan,
            params,
            rate=rate,
            to_disbursement=to_disbursement,
            to_first=to_first,
            to_second=to_first + gap + extra,
            oseo=oseo,
        )
        for extra in (0, delay)
    )
    assert _total(sooner) <= _total(later)


@given(
    rate=RATES,
    to_disbursement=st.lists(st.integers(0, 60), min_size=2, max_size=2).map(sorted),
    to_first=st.integers(0, 400),
    gap=st.integers(0, 400),
)
def test_the_cost_never_decreases_when_the_relay_is_disbursed_earlier(
    make_request: RequestFactory,
    make_loan: LoanFactory,
    params: ParameterSet,
    rate: Decimal,
    to_disbursement: list[int],
    to_first: int,
    gap: int,
) -> None:
    earlier, later = (
        _cost(
            make_request,
            make_loan,
            params,
            rate=rate,
            to_disbursement=days,
            to_first=to_first,
            to_second=to_first + gap,
        )
        for days in to_disbursement
    )
    assert _total(later) <= _total(earlier)


@given(
    rate=RATES,
    to_disbursement=st.integers(0, 60),
    to_repayment=st.lists(st.integers(1, 1500), min_size=2, max_size=2).map(sorted),
    oseo=st.none() | st.booleans(),
)
def test_the_cost_never_decreases_when_the_repayment_in_one_go_comes_later(
    make_request: RequestFactory,
    make_loan: LoanFactory,
    params: ParameterSet,
    rate: Decimal,
    to_disbursement: int,
    to_repayment: list[int],
    oseo: bool | None,
) -> None:
    request = make_request(
        granted="100000",
        amount="100000",
        # The day before: a payment on the request's own day is no longer to be bridged.
        requested_on=START - timedelta(days=1),
        oseo=oseo,
        payments=[(START + timedelta(days=90), "40000"), (START + timedelta(days=300), "60000")],
    )
    disbursed_on = START + timedelta(days=to_disbursement)
    sooner, later = (
        relay_cost(
            request,
            params,
            loan=make_loan(
                disbursed_on=disbursed_on,
                principal="100000",
                annual_rate=rate,
                fees="250",
                repaid_from_subsidy=False,
                repaid_on=disbursed_on + timedelta(days=days),
            ),
        )
        for days in to_repayment
    )
    for before, after in (
        (sooner.total_low, later.total_low),
        (sooner.total_high, later.total_high),
        (sooner.per_month_saved_low, later.per_month_saved_low),
        (sooner.per_month_saved_high, later.per_month_saved_high),
    ):
        assert before is not None
        assert after is not None
        assert before <= after


@given(
    rate=RATES,
    to_disbursement=st.integers(0, 60),
    to_repayment=st.integers(1, 1500),
    oseo=st.none() | st.booleans(),
)
def test_a_loan_repaid_in_one_go_costs_the_same_whatever_the_subsidy_dates(
    make_request: RequestFactory,
    make_loan: LoanFactory,
    params: ParameterSet,
    rate: Decimal,
    to_disbursement: int,
    to_repayment: int,
    oseo: bool | None,
) -> None:
    dated = make_request(
        granted="100000",
        amount="100000",
        requested_on=START,
        oseo=oseo,
        payments=[(START + timedelta(days=90), "40000")],
    )
    undated = _without_subsidy_dates(dated)
    disbursed_on = START + timedelta(days=to_disbursement)
    loan = make_loan(
        disbursed_on=disbursed_on,
        principal="100000",
        annual_rate=rate,
        fees="250",
        repaid_from_subsidy=False,
        repaid_on=disbursed_on + timedelta(days=to_repayment),
    )
    known, unknown = (relay_cost(r, params, loan=loan) for r in (dated, undated))
    assert unknown.timing.status is Status.UNKNOWN
    assert known.timing.days_low is not None
    for figure in ("interest", "guarantee_fee", "total"):
        for name in (f"{figure}_low", f"{figure}_high"):
            assert getattr(unknown, name) is not None
            assert getattr(unknown, name) == getattr(known, name)
    assert unknown.unrepaid == known.unrepaid == Decimal("0.00")
    assert unknown.per_month_saved_low is None
    assert unknown.per_month_saved_high is None
    assert unknown.missing[-1].path == "project.selection_letter_on"


def test_the_cost_per_month_saved_shows_a_division_that_gives_its_result() -> None:
    from pathlib import Path

    from poles_policy.boundary.case import parse_case
    from poles_policy.parameters import default_parameters
    from poles_policy.rules.relay import relay_cost

    example = Path(__file__).parents[2] / "docs" / "examples" / "relay-case.json"
    case = parse_case(example.read_bytes())
    cost = relay_cost(case.request, default_parameters(), loan=case.loan)
    check = next(c for c in cost.checks if c.key == "relay.cost.per_month_saved")
    # 12497.41 x 365.25 / (239 x 12) = 1591.5896...: the figure shown is that division's,
    # which 12497.41 / 7.85 (the months as displayed, 1592.03) is not.
    assert "low: 12497.41 EUR x 365.25 / (239 days x 12) = 1591.59 EUR (7.85 months)" in (
        check.reason.en
    )
    assert "basse : 12\u202f497,41 € × 365,25 / (239 j × 12) = 1\u202f591,59 € (7,85 mois)" in (
        check.reason.fr
    )


@pytest.mark.parametrize("index", range(50))
def test_an_unknown_counter_guarantee_gives_the_asked_and_the_not_asked_costs(
    index: int, params: ParameterSet
) -> None:
    # Without a loan the relay's date is estimated: OSEO's processing makes it later. The low
    # scenario is then exactly the case with OSEO asked, the high one the case without.
    request = demo_cases()[index].request
    costs = {
        asked: assess(attrs.evolve(request, oseo_counter_guarantee=asked), params).cost
        for asked in (None, True, False)
    }
    unknown, asked, not_asked = costs[None], costs[True], costs[False]
    if unknown is None or asked is None or not_asked is None:
        return  # an ineligible request has no cost
    assert (unknown.total_low, unknown.per_month_saved_low) == (
        asked.total_low,
        asked.per_month_saved_low,
    )
    assert (unknown.total_high, unknown.per_month_saved_high) == (
        not_asked.total_high,
        not_asked.per_month_saved_high,
    )


def test_a_relay_lent_after_every_payment_is_repaid_the_day_it_is_lent(
    params: ParameterSet,
) -> None:
    # Every payment arrived before the loan: each repays it the day it is lent, as the interest
    # periods (of no length) and the weighted time saved count it.
    case = demo_cases()[0]
    assert case.loan is not None
    late = attrs.evolve(case.loan, disbursed_on=date(2013, 1, 2))
    cost = relay_cost(case.request, params, loan=late)
    assert cost.interest_low == Decimal("0.00")
    assert cost.check("relay.cost.repayment").reason.en.endswith(
        "they repay the whole principal by 2013-01-02"
    )
