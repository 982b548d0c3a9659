"""
The cost of a relay loan (RELAY.4, RELAY.5), and its cost per month saved (RELAY.6).

**Interest** runs at ACT/360 (:func:`~poles_policy.dates.act360`) on the
principal outstanding, from the disbursement to each subsidy payment that
repays part of it, over the same tranches and scenarios as
:func:`~poles_policy.rules.relay.timing.time_saved` (computed once, by
:func:`~poles_policy.rules.relay.timing.bridged_tranches`). A tranche dated
before the disbursement repays the loan on the day it is disbursed. The rate is
the loan's; without a loan it is ``relay.default_annual_rate``, read at the
request date. Each period's interest is rounded half up to the cent, as a bank
statement shows it, and the total is the sum of the rounded periods.

If the tranches do not repay the whole principal, the remainder stays
outstanding until the last known tranche and is reported as ``unrepaid``
(no interest is counted after that date: nothing says when it is repaid).

**A loan not repaid from the subsidy** (``RelayLoan.repaid_from_subsidy``
false) is repaid in one go on ``RelayLoan.repaid_on``: interest runs on the
whole principal from the disbursement to that date, in one period, rounded
half up to the cent; the subsidy payments play no part in it (they still
give the time saved). Its interest, guarantee fee and totals depend on the
loan's own dates only, so they are computed even when the subsidy payments
give no time saved: only the cost per month saved, which needs it, is then
``None``. Its check is UNKNOWN and asks for the facts the time saved asks for
when the subsidy's dates are not known, and NOT_APPLICABLE when the loan
bridges no subsidy payment. When the repayment date is not known, the interest, the
guarantee fee, the totals and the cost per month saved are unknown
(``None``), and the repayment check is UNKNOWN and asks for
``loan.repaid_on``. Without a loan, the relay is taken to follow the
scheme's design: repaid from the subsidy payments.

**The OSEO guarantee fee** (RELAY.5) runs the same way on the guaranteed part
of the outstanding principal: ``annual_fee_rate × share × outstanding`` at
ACT/360, per period, rounded per period. It is ``0.00`` when the bank does not
ask OSEO. When that is not known, the low scenario counts the fee, as if the
bank asked, and the high scenario counts none: as in the time saved, whose low
scenario has the bank ask OSEO, whose processing makes an estimated relay come
later. The loan's own date does not wait for OSEO: the two scenarios then
differ by the fee alone.

**Other fees** are the loan's (``RelayLoan.fees``). Without a loan, or when
the loan's fees are not known (``None``), they are unknown: the totals then
cover the interest and the guarantee fee only, and the fees check is UNKNOWN
and asks for ``loan.fees``. Fees of ``0.00`` are known to be none.

**Scenarios.** With estimated dates there are two scenarios, as for the time
saved: *low* (relay at its latest, subsidy at its earliest: the least time
saved and the shortest loan) and *high* (the reverse). Their totals bound
the cost. *Low* and *high* name these scenarios, not the smaller and the
larger of each figure: the cost per month saved divides a scenario's total by
the months *that* scenario saves, so the low scenario's is often the higher
one (fewer months saved); likewise a loan repaid in one go bears the same
interest in both scenarios, over different savings. Without a time saved (a
loan repaid in one go, the subsidy giving none), the two scenarios differ
only by the guarantee fee, when it is not known whether the bank asks OSEO.

**Cost per month saved** = total / months saved to the first subsidy payment,
per scenario. The months are the exact figure, days × 12 / 365.25, not the
one-decimal one, so that a short saving is not divided by a rounded zero; the
result is rounded half up to the cent. It is ``None`` when the scenario saves
no time: a cost per month saved is then undefined (neither zero nor infinite);
and it is ``None`` for a loan repaid in one go whose subsidy payments give no
time saved (their dates not known, or nothing bridged).

The figures are computed at once; the checks, with their bilingual reasons and
the parameter values they cite, are built the first time they are read.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar, Final, Literal, NamedTuple, cast

import attrs

from poles_policy.exceptions import InvalidInputError
from poles_policy.explain import (
    Check,
    Fact,
    Lang,
    ParameterUse,
    Status,
    Text,
    figure_status,
    find_check,
    fr_amount,
    fr_count,
    fr_number,
    fr_percent,
    missing_facts,
    render_account,
)
from poles_policy.model.relay import RelayLoan, RelayRequest
from poles_policy.money import EXACT, ZERO, Eur, exact_decimals, pro_rata, round_cents
from poles_policy.rules._inputs import expect, expect_loan, expect_params
from poles_policy.rules.relay._explained import Explained, either, settle
from poles_policy.rules.relay.guarantee import (
    ASK_COUNTER_GUARANTEE,
    Guarantee,
    counter_guarantee,
)
from poles_policy.rules.relay.timing import Scenario, ScenarioName, TimeSaved, time_saved

if TYPE_CHECKING:
    from poles_policy.parameters import ParameterSet

__all__ = ["CostPeriod", "CostScenario", "RelayCost", "relay_cost"]

_GUARANTEE_SHARE = "relay.oseo.guarantee_share"
_GUARANTEE_FEE_RATE = "relay.oseo.guarantee_fee_rate"
_DEFAULT_RATE_PARAMETER = "relay.default_annual_rate"

_ASK_FEES = Fact(
    path="loan.fees",
    question=Text(
        "What other fees (arrangement, file) does the bank charge for the relay loan?",
        "Quels autres frais (dossier, mise en place) la banque facture-t-elle pour le relais ?",
    ),
)
_ASK_REPAID_ON = Fact(
    path="loan.repaid_on",
    question=Text(
        "On what date is the relay loan repaid in full, since it is not repaid from the "
        "subsidy payments?",
        "À quelle date le prêt relais est-il remboursé en totalité, puisqu'il ne l'est pas par "
        "les versements de subvention ?",
    ),
)


@attrs.frozen(kw_only=True)
class CostPeriod:
    """
    One interest period: from a date to the next repayment.

    A repayment is a subsidy payment, or, for a loan not repaid from the
    subsidy, the loan's repayment in one go (a single period).

    Attributes:
        start: The first day of interest (the disbursement, or the previous
            repayment).
        end: The day of the repayment (no interest that day).
        outstanding: The principal outstanding over the period.
        interest: ACT/360 interest on it, rounded half up to the cent.
        guarantee_fee: The OSEO fee on its guaranteed part, likewise
            (``0.00`` without a counter-guarantee).
        repaid: The principal repaid on *end*.
    """

    start: date
    end: date
    outstanding: Eur
    interest: Eur
    guarantee_fee: Eur
    repaid: Eur


@attrs.frozen(kw_only=True)
class CostScenario:
    """
    The cost of the relay loan in one scenario.

    Attributes:
        name: ``"low"`` (the least time saved: relay at its latest, subsidy
            at its earliest, so the shortest loan) or ``"high"`` (the most
            time saved, the longest loan). It names the scenario, not the
            size of its figures: see :class:`RelayCost`.
        periods: The interest periods, in date order.
        interest: The sum of the periods' interest.
        guarantee_fee: The sum of the periods' guarantee fee.
        total: Interest + guarantee fee + other fees when known.
        days_saved: Days saved to the first subsidy payment in this scenario,
            or ``None`` without a time saved (a loan repaid in one go whose
            subsidy payments' dates are not known, or that bridges none).
        per_month_saved: *total* per month saved, or ``None`` when no time
            is saved or there is no time saved figure.
    """

    name: ScenarioName
    periods: tuple[CostPeriod, ...]
    interest: Eur
    guarantee_fee: Eur
    total: Eur
    days_saved: int | None
    per_month_saved: Eur | None


@attrs.frozen(kw_only=True, eq=False, repr=False)
class RelayCost(Explained):
    """
    What a relay loan costs (RELAY.4, RELAY.5) and per month saved (RELAY.6).

    The scenario figures are ``None`` when the time saved could not be
    computed (facts missing, or nothing to bridge), or when the loan is
    repaid in one go on a date not known: :attr:`status` and
    :attr:`missing` say which. A loan repaid in one go on a known date is
    costed from its own dates even when the subsidy payments give no time
    saved: then only the cost per month saved is ``None``, and
    :attr:`missing` lists the facts the time saved needs, if any.

    The ``*_low`` and ``*_high`` figures are those of the low and the high
    *time-saved scenario* (least and most time saved), not a minimum and a
    maximum: the low scenario's cost per month saved, a total over fewer
    months saved, is often the higher one.

    Attributes:
        request_id: The relay request.
        on: The request date, at which the parameters were read.
        principal: The relay principal.
        annual_rate: The yearly interest rate used.
        rate_basis: ``"loan"`` (the loan's rate) or ``"default"``
            (``relay.default_annual_rate``, no loan given).
        fees: The loan's other fees, or ``None`` when not known (no loan
            given, or the loan's fees not known).
        unrepaid: Principal no known repayment repays (``0.00`` when the
            subsidy payments, or the loan's repayment in one go, repay it
            all), or ``None`` without figures.
        low: The low time-saved scenario (the shortest loan), or ``None``.
        high: The high time-saved scenario (the longest loan), or ``None``.
        timing: The time saved the cost is based on.
        guarantee: The OSEO counter-guarantee the fee is based on.
        checks: The explanation: keys ``relay.cost.interest``,
            ``relay.cost.guarantee_fee``, ``relay.cost.fees``,
            ``relay.cost.repayment``, ``relay.cost.per_month_saved``.

    Give either ``checks`` or ``deferred``, a function that builds them when
    they are first read.

    >>> from poles_policy.data.demo import demo_cases
    >>> from poles_policy.parameters import default_parameters
    >>> case = demo_cases()[0]  # a loan of 150 000 EUR at 5.5 %, with 500 EUR of fees
    >>> cost = relay_cost(case.request, default_parameters(), loan=case.loan)
    >>> cost.rate_basis, cost.fees, cost.total_low, cost.per_month_saved_low
    ('loan', Decimal('500.00'), Decimal('9576.16'), Decimal('1435.83'))
    """

    _NAMES: ClassVar = (
        "request_id",
        "on",
        "principal",
        "annual_rate",
        "rate_basis",
        "fees",
        "unrepaid",
        "low",
        "high",
        "timing",
        "guarantee",
        "checks",
    )

    request_id: str
    on: date
    principal: Eur
    annual_rate: Decimal
    rate_basis: Literal["loan", "default"]
    fees: Eur | None
    unrepaid: Eur | None
    low: CostScenario | None
    high: CostScenario | None
    timing: TimeSaved
    guarantee: Guarantee
    _checks: tuple[Check, ...] | None = attrs.field(default=None, alias="checks")
    _deferred: Callable[[], tuple[Check, ...]] | None = attrs.field(default=None, alias="deferred")

    def __attrs_post_init__(self) -> None:
        either(self._checks, self._deferred, "a relay cost")

    @property
    def checks(self) -> tuple[Check, ...]:
        """The explanation (built on first access when deferred)."""
        checks = self._checks
        return settle(self, "_checks", self._deferred) if checks is None else checks

    @property
    def interest_low(self) -> Eur | None:
        """Interest in the low time-saved scenario (not necessarily the lower figure)."""
        return None if self.low is None else self.low.interest

    @property
    def interest_high(self) -> Eur | None:
        """Interest in the high time-saved scenario (not necessarily the higher figure)."""
        return None if self.high is None else self.high.interest

    @property
    def guarantee_fee_low(self) -> Eur | None:
        """Guarantee fee in the low time-saved scenario (not necessarily the lower figure)."""
        return None if self.low is None else self.low.guarantee_fee

    @property
    def guarantee_fee_high(self) -> Eur | None:
        """Guarantee fee in the high time-saved scenario (not necessarily the higher figure)."""
        return None if self.high is None else self.high.guarantee_fee

    @property
    def total_low(self) -> Eur | None:
        """Total cost in the low time-saved scenario (not necessarily the lower figure)."""
        return None if self.low is None else self.low.total

    @property
    def total_high(self) -> Eur | None:
        """Total cost in the high time-saved scenario (not necessarily the higher figure)."""
        return None if self.high is None else self.high.total

    @property
    def per_month_saved_low(self) -> Eur | None:
        """
        Cost per month saved in the low time-saved scenario (``None`` when nothing is saved).

        Often the *higher* of the two: the low scenario saves the fewest months.
        """
        return None if self.low is None else self.low.per_month_saved

    @property
    def per_month_saved_high(self) -> Eur | None:
        """
        Cost per month saved in the high time-saved scenario (``None`` when nothing is saved).

        Often the *lower* of the two: the high scenario saves the most months.
        """
        return None if self.high is None else self.high.per_month_saved

    @property
    def status(self) -> Status:
        """MET when the cost is computed, else UNKNOWN or NOT_APPLICABLE (the interest check)."""
        if self._checks is None and self.low is not None and self.high is not None:
            return Status.MET  # what the deferred interest check will say
        return self.check("relay.cost.interest").status

    @property
    def missing(self) -> tuple[Fact, ...]:
        """The facts still needed, in asking order, each once."""
        if self._checks is None and self.low is not None and self.low.days_saved is not None:
            # With figures and the time saved, only the guarantee fee's and the fees' checks can
            # ask for facts: whether OSEO is asked, and the loan's fees.
            asks = (
                ASK_COUNTER_GUARANTEE if self.guarantee.asked is None else None,
                _ASK_FEES if self.fees is None else None,
            )
            return tuple(fact for fact in asks if fact is not None)
        return missing_facts(self.checks)

    def check(self, key: str) -> Check:
        """
        Return the check named *key*.

        Raises:
            KeyError: If there is no such check.
        """
        return find_check(self.checks, key, owner="relay cost")

    def explain(self, lang: Lang = "en", *, sources: bool = False) -> str:
        """Render the totals, each check with its parameters, and the facts to provide."""
        title = "Coût du relais" if lang == "fr" else "Cost of the relay"
        on = "demande du" if lang == "fr" else "request of"
        colon = " :" if lang == "fr" else ":"
        if self.total_low is None or self.total_high is None:
            figure = figure_status(self.status).in_lang(lang)
        else:
            figure = _span(self.total_low, self.total_high, lang)
        head = f"{title} — {self.request_id}, {on} {self.on.isoformat()}{colon} {figure}"
        return render_account(head, self.checks, lang, sources=sources)


def _pct(share: Decimal) -> str:
    return f"{(share * 100).normalize():f} %"


def _span(low: Eur, high: Eur, lang: Lang) -> str:
    """The range of two scenarios' figures, smaller first (the low scenario's may be larger)."""
    low, high = min(low, high), max(low, high)
    if lang == "fr":
        return fr_amount(low) if low == high else f"{fr_amount(low)} à {fr_amount(high)}"
    if low == high:
        return f"{low} EUR"
    return f"{low} to {high} EUR"


_DAYS_A_YEAR: Final = Decimal(360)  # ACT/360


def _accrued(outstanding: Eur, rate: Decimal, start: date, end: date) -> Eur:
    """
    Interest (or a fee) at *rate* a year on *outstanding*, ACT/360, rounded once half up.

    amount x rate x days / 360 in that order, one division last: dividing the
    days by 360 first (:func:`~poles_policy.dates.act360`) held 502 / 360 to
    28 digits, and 105 500.00 x 4.5 % over 502 days, 6 620.125 exactly, came
    out as 6 620.1249... and was rounded down.
    """
    # The values are exact Decimals already: pro_rata's checks of its arguments are not needed.
    accrued = EXACT.multiply(EXACT.multiply(outstanding, rate), (end - start).days)
    return round_cents(EXACT.divide(accrued, _DAYS_A_YEAR))


def _periods(
    scenario: Scenario, principal: Eur, rate: Decimal, fee_per_year: Decimal | None
) -> tuple[CostPeriod, ...]:
    start = scenario.disbursed_on
    outstanding = principal
    periods: list[CostPeriod] = []
    for repayment in scenario.repayments:
        end = max(repayment.on, scenario.disbursed_on)
        periods.append(
            CostPeriod(
                start=start,
                end=end,
                outstanding=outstanding,
                interest=_accrued(outstanding, rate, start, end),
                guarantee_fee=ZERO
                if fee_per_year is None
                else _accrued(outstanding, fee_per_year, start, end),
                repaid=repayment.amount,
            )
        )
        outstanding = Eur(outstanding - repayment.amount)
        start = end
    return tuple(periods)


def _in_one_go(
    disbursed_on: date, repaid_on: date, principal: Eur, rate: Decimal, fee_per_year: Decimal | None
) -> tuple[CostPeriod, ...]:
    """The one period of a loan repaid in full on *repaid_on*: the whole principal outstanding."""
    fee = (
        ZERO if fee_per_year is None else _accrued(principal, fee_per_year, disbursed_on, repaid_on)
    )
    return (
        CostPeriod(
            start=disbursed_on,
            end=repaid_on,
            outstanding=principal,
            interest=_accrued(principal, rate, disbursed_on, repaid_on),
            guarantee_fee=fee,
            repaid=principal,
        ),
    )


def _scenario(
    name: ScenarioName, periods: tuple[CostPeriod, ...], *, fees: Eur | None, days_saved: int | None
) -> CostScenario:
    interest = Eur(sum((p.interest for p in periods), ZERO))
    guarantee_fee = Eur(sum((p.guarantee_fee for p in periods), ZERO))
    total = Eur(interest + guarantee_fee + (fees if fees is not None else ZERO))
    # Exact months saved = days x 12 / 365.25 = days x 48 / 1461.
    per_month = pro_rata(total, 1461, 48 * days_saved) if days_saved else None
    return CostScenario(
        name=name,
        periods=periods,
        interest=interest,
        guarantee_fee=guarantee_fee,
        total=total,
        days_saved=days_saved,
        per_month_saved=per_month,
    )


def _cost_scenarios(
    low_periods: tuple[CostPeriod, ...],
    high_periods: tuple[CostPeriod, ...],
    *,
    fees: Eur | None,
    days: tuple[int, int] | None,
) -> tuple[CostScenario, CostScenario]:
    """
    The low and the high scenario's figures, computed once when they are the same.

    *days* are the days saved in the low and the high scenario, or ``None``
    without a time saved (a loan repaid in one go, the subsidy giving none):
    there is then no cost per month saved either.
    """
    days_low, days_high = (None, None) if days is None else days
    low = _scenario("low", low_periods, fees=fees, days_saved=days_low)
    if high_periods is low_periods and days_high == days_low:
        # The same periods and the same saving: the same figures.
        high = CostScenario(
            name="high",
            periods=low.periods,
            interest=low.interest,
            guarantee_fee=low.guarantee_fee,
            total=low.total,
            days_saved=low.days_saved,
            per_month_saved=low.per_month_saved,
        )
    else:
        high = _scenario("high", high_periods, fees=fees, days_saved=days_high)
    return low, high


def _both_in_one_go(
    loan: RelayLoan, repaid_on: date, fee: _Fee
) -> tuple[tuple[CostPeriod, ...], tuple[CostPeriod, ...]]:
    """
    The low and the high scenario's one period for a loan repaid in one go on *repaid_on*.

    It runs from the loan's own disbursement date, the same in both
    scenarios: only the fee may differ (not known whether OSEO is asked).
    """
    low_periods = _in_one_go(
        loan.disbursed_on, repaid_on, loan.principal, loan.annual_rate, fee.low
    )
    if fee.high is fee.low:
        return low_periods, low_periods
    high_periods = _in_one_go(
        loan.disbursed_on, repaid_on, loan.principal, loan.annual_rate, fee.high
    )
    return low_periods, high_periods


def _both_periods(
    low: Scenario, high: Scenario, principal: Eur, rate: Decimal, fee: _Fee
) -> tuple[tuple[CostPeriod, ...], tuple[CostPeriod, ...]]:
    """The low and the high scenario's periods from the subsidy, computed once when the same."""
    low_periods = _periods(low, principal, rate, fee.low)
    if (
        high.repayments is low.repayments
        and high.disbursed_on == low.disbursed_on
        and fee.high is fee.low
    ):
        # The same repayments from the same day at the same fee: the same periods.
        return low_periods, low_periods
    return low_periods, _periods(high, principal, rate, fee.high)


class _Fee(NamedTuple):
    """The yearly OSEO fee on the outstanding principal (share x fee rate), None for none."""

    low: Decimal | None
    high: Decimal | None
    share: Decimal | None
    rate: Decimal | None


def _fee(guarantee: Guarantee, on: date, params: ParameterSet) -> _Fee:
    if guarantee.asked is True:
        share, rate = guarantee.share, guarantee.annual_fee_rate
        if share is None or rate is None:
            msg = "relay_cost: guarantee: asked, but its share or fee rate is missing"
            raise InvalidInputError(msg)
        yearly = share * rate
        return _Fee(yearly, yearly, share, rate)
    if guarantee.asked is False:
        return _Fee(None, None, None, None)
    share = params.decimal(_GUARANTEE_SHARE, on)
    rate = params.decimal(_GUARANTEE_FEE_RATE, on)
    # Not known whether the bank asks OSEO: the low time-saved scenario is the one where it
    # does (its relay comes later, after OSEO's processing), so it bears the fee; the high one
    # (the relay at its earliest, without OSEO) does not.
    return _Fee(share * rate, None, share, rate)


def _fee_uses(guarantee: Guarantee, on: date, params: ParameterSet) -> tuple[ParameterUse, ...]:
    """The parameters the fee was read from: the guarantee's, or read here when not known."""
    if guarantee.asked is True:
        return guarantee.check.parameters
    if guarantee.asked is False:
        return ()
    return params.uses(on, _GUARANTEE_SHARE, _GUARANTEE_FEE_RATE)


def _check_inputs(
    request: RelayRequest, principal: Eur, loan: RelayLoan | None, timing: TimeSaved
) -> None:
    if timing.request_id != request.id:
        msg = f"relay_cost: timing: computed for request {timing.request_id!r}, not {request.id!r}"
        raise InvalidInputError(msg)
    if timing.principal != principal:
        msg = f"relay_cost: timing: computed for a principal of {timing.principal}, not {principal}"
        raise InvalidInputError(msg)
    if (loan is not None) != (timing.disbursement_basis == "actual"):
        msg = "relay_cost: timing: computed with a different loan; compute it with the same loan"
        raise InvalidInputError(msg)


def _checks_without_figures(timing: TimeSaved, loan: RelayLoan | None) -> tuple[Check, ...]:
    status = timing.status
    if status is Status.UNKNOWN and timing.disbursement_basis == "actual":
        # The loan's own date is known: only the subsidy's are not.
        reason = Text(
            "the dates of the subsidy payments that repay the relay are not known",
            "les dates des versements de subvention qui remboursent le relais sont inconnues",
        )
    elif status is Status.UNKNOWN:
        reason = Text(
            "the dates of the relay and of the subsidy payments are not known",
            "les dates du relais et des versements de subvention sont inconnues",
        )
    else:
        reason = Text("nothing to bridge: no relay cost", "rien à relayer : pas de coût de relais")
    missing = timing.missing if status is Status.UNKNOWN else ()

    def check(name: str, *, facts: bool = False) -> Check:
        return _check(name, status=status, reason=reason, missing=missing if facts else ())

    repayment = _check(
        "repayment",
        status=status,
        reason=reason,
        # A loan repaid in one go on a date not known: ask for the date with the facts the
        # subsidy's dates need, so that one answer gives every figure.
        missing=(_ASK_REPAID_ON,) if status is Status.UNKNOWN and _undated(loan) else (),
    )
    return (
        check("interest", facts=True),
        check("guarantee_fee"),
        _fees_check(loan),
        repayment,
        check("per_month_saved"),
    )


def _undated(loan: RelayLoan | None) -> bool:
    """Tell whether *loan* is repaid in one go on a date not known."""
    return loan is not None and not loan.repaid_from_subsidy and loan.repaid_on is None


def _checks_without_repayment_date(
    loan: RelayLoan,
    guarantee: Guarantee,
    fee: _Fee,
    uses: Callable[[], tuple[ParameterUse, ...]],
    timing: TimeSaved,
) -> tuple[Check, ...]:
    """The checks of a loan repaid in one go on a date not known: its cost is unknown."""
    day = loan.disbursed_on.isoformat()
    until = Text(
        f"from the disbursement on {day} to its repayment in one go, on a date not known",
        f"du versement du {day} à son remboursement en une fois, à une date inconnue",
    )
    pct = _pct(loan.annual_rate)
    interest = _check(
        "interest",
        status=Status.UNKNOWN,
        reason=Text(
            f"{pct} a year ({_LOAN_RATE.en}) on the whole principal, {loan.principal} EUR, "
            f"ACT/360, {until.en}: not known",
            f"{fr_percent(loan.annual_rate)} par an ({_LOAN_RATE.fr}) sur tout le principal, "
            f"{fr_amount(loan.principal)}, exact/360, {until.fr} : inconnus",
        ),
    )
    if guarantee.asked is False:
        guarantee_fee = _NO_GUARANTEE_FEE
    else:
        basis = _fee_basis(fee)
        guarantee_fee = _check(
            "guarantee_fee",
            status=Status.UNKNOWN,
            reason=Text(
                f"{basis.en}, {until.en}: not known",
                f"{basis.fr}, {until.fr} : inconnue",
            ),
            parameters=uses(),
            missing=(ASK_COUNTER_GUARANTEE,) if guarantee.asked is None else (),
        )
    if timing.status is Status.UNKNOWN:
        per_month = _check(
            "per_month_saved",
            status=Status.UNKNOWN,
            reason=Text(
                "neither the total nor the time saved is known yet",
                "ni le total ni le temps gagné ne sont encore connus",
            ),
            missing=timing.missing,
        )
    elif not timing.days_low and not timing.days_high:
        per_month = _NO_TIME_SAVED
    else:
        per_month = _check(
            "per_month_saved",
            status=Status.UNKNOWN,
            reason=Text(
                "the total is not known until the loan's repayment date is",
                "le total reste inconnu tant que la date de remboursement du prêt l'est",
            ),
        )
    repayment = _check(
        "repayment",
        status=Status.UNKNOWN,
        reason=Text(
            "the loan is not repaid from the subsidy payments: the whole principal is repaid "
            "in one go, on a date not known",
            "le prêt n'est pas remboursé par les versements de subvention : tout le principal "
            "est remboursé en une fois, à une date inconnue",
        ),
        missing=(_ASK_REPAID_ON,),
    )
    return (interest, guarantee_fee, _fees_check(loan), repayment, per_month)


# Each check of the cost: its clauses and label, by the name that ends its key.
_CHECKS: Final = {
    "interest": (("RELAY.4",), Text("interest (ACT/360)", "intérêts (exact/360)")),
    "guarantee_fee": (("RELAY.5",), Text("OSEO guarantee fee", "commission de garantie OSEO")),
    "fees": (("RELAY.4",), Text("other fees", "autres frais")),
    "repayment": (
        ("RELAY.4",),
        Text("repayment of the principal", "remboursement du principal"),
    ),
    "per_month_saved": (
        ("RELAY.4", "RELAY.6"),
        Text("cost per month saved", "coût par mois gagné"),
    ),
}


def _check(
    name: str,
    *,
    status: Status,
    reason: Text,
    parameters: tuple[ParameterUse, ...] = (),
    missing: tuple[Fact, ...] = (),
) -> Check:
    """A check of the cost, keyed ``relay.cost.<name>``, with its clauses and label."""
    clauses, label = _CHECKS[name]
    return Check(
        key=f"relay.cost.{name}",
        clauses=clauses,
        label=label,
        status=status,
        reason=reason,
        parameters=parameters,
        missing=missing,
    )


_NO_LOAN_FEES = Text(
    "no loan given: other fees unknown, left out of the totals",
    "aucun prêt indiqué : autres frais inconnus, hors des totaux",
)
_UNKNOWN_LOAN_FEES = Text(
    "the loan's other fees are not known: left out of the totals",
    "les autres frais du prêt sont inconnus : hors des totaux",
)


def _fees_check(loan: RelayLoan | None) -> Check:
    fees = None if loan is None else loan.fees
    if fees is None:
        return _check(
            "fees",
            status=Status.UNKNOWN,
            reason=_NO_LOAN_FEES if loan is None else _UNKNOWN_LOAN_FEES,
            missing=(_ASK_FEES,),
        )
    return _check(
        "fees",
        status=Status.MET,
        reason=Text(
            f"the loan's other fees: {fees} EUR", f"autres frais du prêt : {fr_amount(fees)}"
        ),
    )


_DEFAULT_RATE = Text(
    "the default rate: the case gives no loan rate", "le taux par défaut : pas de prêt"
)
_LOAN_RATE = Text("the loan's rate", "le taux du prêt")


def _interest_in_one_go_check(period: CostPeriod, rate: Decimal) -> Check:
    start, end = period.start.isoformat(), period.end.isoformat()
    days = (period.end - period.start).days
    pct = _pct(rate)
    return _check(
        "interest",
        status=Status.MET,
        reason=Text(
            f"{pct} a year ({_LOAN_RATE.en}) on the whole principal, {period.outstanding} EUR, "
            f"from {start} to its repayment in one go on {end} ({days} days), ACT/360, rounded "
            f"to the cent as a bank statement shows it: {period.interest} EUR",
            f"{fr_percent(rate)} par an ({_LOAN_RATE.fr}) sur tout le principal, "
            f"{fr_amount(period.outstanding)}, du {start} à son remboursement en une fois le "
            f"{end} ({fr_count(days, 'jour')}), exact/360, arrondis au centime comme sur un "
            f"relevé bancaire : {fr_amount(period.interest)}",
        ),
    )


def _interest_check(
    low: CostScenario, high: CostScenario, rate: Decimal, uses: tuple[ParameterUse, ...]
) -> Check:
    whence = _DEFAULT_RATE if uses else _LOAN_RATE
    pct, count = _pct(rate), len(low.periods)
    return _check(
        "interest",
        status=Status.MET,
        reason=Text(
            f"{pct} a year ({whence.en}) on the principal outstanding, ACT/360, each "
            f"period rounded to the cent as a bank statement shows it: "
            f"{_span(low.interest, high.interest, 'en')} over {count} period(s)",
            f"{fr_percent(rate)} par an ({whence.fr}) sur le principal restant dû, exact/360, "
            f"chaque période arrondie au centime comme sur un relevé bancaire : "
            f"{_span(low.interest, high.interest, 'fr')} sur {fr_count(count, 'période')}",
        ),
        parameters=uses,
    )


_NO_GUARANTEE_FEE = _check(
    "guarantee_fee",
    status=Status.NOT_APPLICABLE,
    reason=Text(
        "no OSEO counter-guarantee: no fee (0.00 EUR)",
        "pas de contre-garantie OSEO : pas de commission (0,00 €)",
    ),
)


def _starts(scenario: CostScenario) -> date | None:
    """When the scenario's first interest period starts: the relay's disbursement."""
    return scenario.periods[0].start if scenario.periods else None


def _fee_basis(fee: _Fee) -> Text:
    share, rate = fee.share or Decimal(0), fee.rate or Decimal(0)
    return Text(
        f"{_pct(rate)} a year on the {_pct(share)} of the outstanding principal OSEO "
        "guarantees, ACT/360, rounded per period",
        f"{fr_percent(rate)} par an sur les {fr_percent(share)} du principal restant dû "
        "garantis par OSEO, exact/360, arrondie par période",
    )


def _fee_check(
    guarantee: Guarantee,
    fee: _Fee,
    low: CostScenario,
    high: CostScenario,
    uses: tuple[ParameterUse, ...],
) -> Check:
    if guarantee.asked is False:
        return _NO_GUARANTEE_FEE
    basis = _fee_basis(fee)
    if guarantee.asked is None:
        # OSEO's processing delays an estimated disbursement, not the loan's own date.
        later = _starts(low) != _starts(high)
        en_later = ", the relay then coming later" if later else ""
        fr_later = ", le relais arrivant alors plus tard" if later else ""
        return _check(
            "guarantee_fee",
            status=Status.UNKNOWN,
            reason=Text(
                f"not known whether the bank asks OSEO: {low.guarantee_fee} EUR in the low "
                f"scenario (asked{en_later}), {high.guarantee_fee} EUR in the "
                f"high one (not asked) ({basis.en})",
                f"on ne sait pas si la banque sollicite OSEO : {fr_amount(low.guarantee_fee)} "
                f"dans l'hypothèse basse (sollicitée{fr_later}), "
                f"{fr_amount(high.guarantee_fee)} dans l'hypothèse haute (non sollicitée) "
                f"({basis.fr})",
            ),
            parameters=uses,
            missing=(ASK_COUNTER_GUARANTEE,),
        )
    return _check(
        "guarantee_fee",
        status=Status.MET,
        reason=Text(
            f"{basis.en}: {_span(low.guarantee_fee, high.guarantee_fee, 'en')}",
            f"{basis.fr} : {_span(low.guarantee_fee, high.guarantee_fee, 'fr')}",
        ),
        parameters=uses,
    )


def _repaid_in_one_go_check(principal: Eur, repaid_on: date) -> Check:
    day = repaid_on.isoformat()
    return _check(
        "repayment",
        status=Status.MET,
        reason=Text(
            f"the loan is not repaid from the subsidy payments: the whole principal, "
            f"{principal} EUR, is repaid in one go on {day}, and bears interest until then",
            f"le prêt n'est pas remboursé par les versements de subvention : tout le principal, "
            f"{fr_amount(principal)}, est remboursé en une fois le {day}, et porte intérêt "
            "jusque-là",
        ),
    )


def _repayment_check(low: Scenario, high: Scenario) -> Check:
    # A payment received before the relay repays it the day it is lent, as the periods count it.
    last = _dates(
        max(low.last_payment_on, low.disbursed_on), max(high.last_payment_on, high.disbursed_on)
    )
    if low.unrepaid > 0:
        return _check(
            "repayment",
            status=Status.NOT_MET,
            reason=Text(
                f"{low.unrepaid} EUR of the principal is not repaid by the subsidy payments; "
                f"it is counted outstanding until the last known payment ({last})",
                f"{fr_amount(low.unrepaid)} du principal ne sont pas remboursés par les "
                f"versements de subvention ; ils restent dus jusqu'au dernier versement connu "
                f"({last})",
            ),
        )
    return _check(
        "repayment",
        status=Status.MET,
        reason=Text(
            f"repaid from the subsidy payments as they arrive: they repay the whole principal "
            f"by {last}",
            f"remboursé par les versements de subvention à leur arrivée : ils remboursent tout "
            f"le principal au {last}",
        ),
    )


def _dates(low: date, high: date) -> str:
    return low.isoformat() if low == high else f"{low.isoformat()}..{high.isoformat()}"


def _exact_months(days: int) -> str:
    return f"{Decimal(48 * days) / 1461:.2f}"


_NO_TIME_SAVED = _check(
    "per_month_saved",
    status=Status.NOT_APPLICABLE,
    reason=Text(
        "no time saved: a cost per month saved is undefined (neither zero nor infinite)",
        "aucun temps gagné : le coût par mois gagné n'est pas défini (ni nul, ni infini)",
    ),
)


def _without_time_saved(low: CostScenario, high: CostScenario, timing: TimeSaved) -> Check:
    """The cost per month saved of a loan repaid in one go whose subsidy gives no time saved."""
    if timing.status is not Status.UNKNOWN:
        return _NOTHING_BRIDGED
    return _check(
        "per_month_saved",
        status=Status.UNKNOWN,
        reason=Text(
            f"the total is known ({_span(low.total, high.total, 'en')}), but not the time "
            "saved: it needs the dates of the subsidy payments",
            f"le total est connu ({_span(low.total, high.total, 'fr')}), mais pas le temps "
            "gagné : il faut les dates des versements de subvention",
        ),
        # The facts the time saved asks for: with them, the months saved and this figure.
        missing=timing.missing,
    )


_NOTHING_BRIDGED = _check(
    "per_month_saved",
    status=Status.NOT_APPLICABLE,
    reason=Text(
        "the loan bridges no subsidy payment: no time saved, so no cost per month saved",
        "le prêt ne relaie aucun versement de subvention : aucun temps gagné, donc pas de coût "
        "par mois gagné",
    ),
)


def _per_month_check(low: CostScenario, high: CostScenario, timing: TimeSaved) -> Check:
    if low.days_saved is None or high.days_saved is None:
        return _without_time_saved(low, high, timing)
    if low.per_month_saved is None and high.per_month_saved is None:
        return _NO_TIME_SAVED
    parts_en, parts_fr = [], []
    exact_low = _exact_months(low.days_saved)
    same = high.days_saved == low.days_saved
    exact_high = exact_low if same else _exact_months(high.days_saved)
    for s, exact in ((low, exact_low), (high, exact_high)):
        if s.per_month_saved is None:
            parts_en.append(f"{s.name}: no time saved, undefined")
            parts_fr.append(f"{'basse' if s.name == 'low' else 'haute'} : aucun temps gagné")
        else:
            # The division as it is made, so that it can be checked by hand: by the exact months
            # (days x 12 / 365.25), not by their two-decimal display.
            days = s.days_saved
            parts_en.append(
                f"{s.name}: {s.total} EUR x 365.25 / ({days} days x 12) = "
                f"{s.per_month_saved} EUR ({exact} months)"
            )
            parts_fr.append(
                f"{'basse' if s.name == 'low' else 'haute'} : {fr_amount(s.total)} × 365,25 / "
                f"({days} j × 12) = {fr_amount(s.per_month_saved)} ({fr_number(exact)} mois)"
            )
    return _check(
        "per_month_saved",
        status=Status.MET,
        reason=Text(
            "total / exact months saved to the first subsidy payment: " + "; ".join(parts_en),
            "total / mois exacts gagnés sur le premier versement : " + " ; ".join(parts_fr),
        ),
    )


def _check_arguments(
    request: object, params: object, loan: object, guarantee: object, timing: object
) -> None:
    expect(request, RelayRequest, "request", "relay_cost")
    expect_params(params, "relay_cost")
    if loan is not None:
        expect_loan(loan, cast("RelayRequest", request), "relay_cost")
    for value, kind, name in (
        (guarantee, Guarantee, "guarantee"),
        (timing, TimeSaved, "timing"),
    ):
        if value is not None:
            expect(value, kind, name, "relay_cost")


@exact_decimals
def relay_cost(
    request: RelayRequest,
    params: ParameterSet,
    *,
    loan: RelayLoan | None = None,
    guarantee: Guarantee | None = None,
    timing: TimeSaved | None = None,
) -> RelayCost:
    """
    Compute what a relay loan costs, in total and per month saved (RELAY.4-RELAY.6).

    See the module's description for the conventions (ACT/360 per period,
    rounding, a loan repaid in one go, the guarantee fee, unknown fees,
    scenarios, cost per month).

    Args:
        request: The relay request; parameters are read at its date.
        params: Policy parameters.
        loan: The loan granted, if known: its rate, principal, fees,
            disbursement date and repayment (from the subsidy, or in one go
            on its ``repaid_on``) are used.
        guarantee: The OSEO counter-guarantee, if already sized
            (:func:`~poles_policy.rules.relay.guarantee.counter_guarantee`);
            computed otherwise.
        timing: The time saved, if already computed for the same request
            and loan (:func:`~poles_policy.rules.relay.timing.time_saved`);
            computed otherwise.

    Returns:
        The cost: per-period interest and fee, totals and cost per month
        saved for the low and high scenarios, with the checks.

    Raises:
        InvalidInputError: If *timing* was computed for another request,
            principal or loan, or *loan* answers another request.
        ParameterError: If a parameter needed has no value on its date.

    Without a loan, the requested amount is priced at ``relay.default_annual_rate``:

    >>> from poles_policy.data.demo import demo_cases
    >>> from poles_policy.parameters import default_parameters
    >>> cost = relay_cost(demo_cases()[20].request, default_parameters())  # 2009-03-16
    >>> cost.rate_basis, cost.annual_rate, cost.total_low, cost.total_high
    ('default', Decimal('0.06'), Decimal('19637.34'), Decimal('24190.23'))
    """
    _check_arguments(request, params, loan, guarantee, timing)
    on = request.requested_on
    principal = loan.principal if loan is not None else request.amount
    if timing is None:
        timing = time_saved(request, params, loan=loan)
    _check_inputs(request, principal, loan, timing)
    if guarantee is None:
        guarantee = counter_guarantee(request, principal, params)
    if loan is not None:
        rate: Decimal = loan.annual_rate
        rate_basis: Literal["loan", "default"] = "loan"
        fees: Eur | None = loan.fees
    else:
        rate = params.decimal(_DEFAULT_RATE_PARAMETER, on)
        rate_basis = "default"
        fees = None
    bridging = timing.bridging
    scenario_low, scenario_high = bridging.low, bridging.high
    repaid_on = None if loan is None else loan.repaid_on
    if loan is not None and repaid_on is not None:
        # Repaid in one go on a known date: the interest and the fee run on the loan's own
        # dates, known even when the subsidy's give no time saved (not known, or nothing to
        # bridge): only the cost per month saved then waits for them, or has none.
        fee = _fee(guarantee, on, params)
        low_periods, high_periods = _both_in_one_go(loan, repaid_on, fee)
        unrepaid = ZERO  # repaid in one go, the loan leaves nothing unrepaid
        from_subsidy: tuple[Scenario, Scenario] | None = None
    elif scenario_low is None or scenario_high is None or _undated(loan):
        if loan is None or not _undated(loan):
            unknown = functools.partial(_checks_without_figures, timing, loan)
        else:
            # The fee's terms are read now, as with figures, so that a missing one raises here.
            fee = _fee(guarantee, on, params)
            unknown = functools.partial(
                _checks_without_repayment_date,
                loan,
                guarantee,
                fee,
                lambda: _fee_uses(guarantee, on, params),
                timing,
            )
        return RelayCost(
            request_id=request.id,
            on=on,
            principal=principal,
            annual_rate=rate,
            rate_basis=rate_basis,
            fees=fees,
            unrepaid=None,
            low=None,
            high=None,
            timing=timing,
            guarantee=guarantee,
            deferred=unknown,
        )
    else:
        fee = _fee(guarantee, on, params)
        low_periods, high_periods = _both_periods(scenario_low, scenario_high, principal, rate, fee)
        unrepaid = scenario_low.unrepaid
        from_subsidy = (scenario_low, scenario_high)
    # Without scenarios (only for a loan repaid in one go) there is no time saved.
    days = None if scenario_low is None else (timing.days_low or 0, timing.days_high or 0)
    low, high = _cost_scenarios(low_periods, high_periods, fees=fees, days=days)

    def build() -> tuple[Check, ...]:
        if from_subsidy is None:  # repaid in one go: one period, to the repayment
            interest = _interest_in_one_go_check(low.periods[0], rate)
            repayment = _repaid_in_one_go_check(principal, low.periods[0].end)
        else:
            rate_uses = () if loan is not None else params.uses(on, _DEFAULT_RATE_PARAMETER)
            interest = _interest_check(low, high, rate, rate_uses)
            repayment = _repayment_check(*from_subsidy)
        return (
            interest,
            _fee_check(guarantee, fee, low, high, _fee_uses(guarantee, on, params)),
            _fees_check(loan),
            repayment,
            _per_month_check(low, high, timing),
        )

    return RelayCost(
        request_id=request.id,
        on=on,
        principal=principal,
        annual_rate=rate,
        rate_basis=rate_basis,
        fees=fees,
        unrepaid=unrepaid,
        low=low,
        high=high,
        timing=timing,
        guarantee=guarantee,
        deferred=build,
    )
