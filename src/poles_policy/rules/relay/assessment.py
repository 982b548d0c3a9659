"""
One assessment of a relay-financing case (RELAY.1-RELAY.6).

:func:`assess` combines the four rules a relay-loan desk needs: the
eligibility decision, the OSEO counter-guarantee, the time saved and the
cost. Guarantee, time saved and cost are computed for an eligible case and
for an undetermined one (as "if granted" figures, flagged by the decision's
outcome); an ineligible case gets none of them, since no relay is granted.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

import attrs

from poles_policy._arguments import expect_flag
from poles_policy.exceptions import ParameterError
from poles_policy.explain import Check, Decision, Lang, Outcome
from poles_policy.model.cases import RelayCase
from poles_policy.model.relay import RelayLoan, RelayRequest
from poles_policy.money import decimal_text, exact_decimals
from poles_policy.rules._inputs import expect, expect_loan, expect_params
from poles_policy.rules.relay.cost import RelayCost, relay_cost
from poles_policy.rules.relay.eligibility import eligibility
from poles_policy.rules.relay.guarantee import Guarantee, counter_guarantee
from poles_policy.rules.relay.timing import TimeSaved, time_saved

if TYPE_CHECKING:
    from collections.abc import Iterable

    from poles_policy.dates import Duration
    from poles_policy.model.poles import Pole
    from poles_policy.parameters import ParameterSet

__all__ = ["SCHEME_TERMS", "Assessment", "assess", "assess_case"]


@attrs.frozen(kw_only=True)
class Assessment:
    """
    The eligibility decision, counter-guarantee, time saved and cost of one case.

    Attributes:
        request: The relay request assessed.
        loan: The loan's terms and actual disbursement, when given.
        decision: The eligibility decision (RELAY.1-RELAY.4).
        guarantee: The OSEO counter-guarantee (RELAY.5), or ``None`` for an
            ineligible case.
        timing: The time saved (RELAY.6), or ``None`` for an ineligible case.
        cost: The cost of the relay, or ``None`` for an ineligible case.

    >>> from poles_policy.data.demo import demo_cases
    >>> from poles_policy.parameters import default_parameters
    >>> assessment = assess_case(demo_cases()[0], default_parameters())  # with its loan
    >>> assessment.outcome.value, assessment.timing.months_low, assessment.cost.total_low
    ('eligible', (6, 19), Decimal('9576.16'))
    """

    request: RelayRequest
    loan: RelayLoan | None
    decision: Decision
    guarantee: Guarantee | None
    timing: TimeSaved | None
    cost: RelayCost | None

    @property
    def outcome(self) -> Outcome:
        """The eligibility outcome."""
        return self.decision.outcome

    def explain(self, lang: Lang = "en", *, sources: bool = False) -> str:
        """
        Render the decision, then the guarantee, the time saved and the cost.

        With ``sources=True`` the decision's parameters show their sources.
        """
        parts = [self.decision.explain(lang, sources=sources)]
        if self.guarantee is None or self.timing is None or self.cost is None:
            parts.append(
                "Pas de financement relais : ni garantie, ni temps gagné, ni coût."
                if lang == "fr"
                else "No relay financing: no guarantee, time saved or cost."
            )
            return "\n\n".join(parts)
        g = self.guarantee.check
        head = "Contre-garantie OSEO :" if lang == "fr" else "OSEO counter-guarantee:"
        lines = [head, *g.explain_lines(lang, sources=sources)]
        parts.extend(
            (
                "\n".join(lines),
                self.timing.explain(lang, sources=sources),
                self.cost.explain(lang, sources=sources),
            )
        )
        return "\n\n".join(parts)

    def to_dict(self, *, brief: bool = False) -> dict[str, Any]:
        """
        Return the assessment as JSON-ready data (amounts and dates as strings).

        The full form carries every check with its bilingual label and
        reason, the parameters it read and their sources. With ``brief=True``
        it carries what a program acts on: the outcome, the keys of the
        failed conditions, the paths of the missing facts, and the figures,
        without the texts; building it skips the explanations entirely when
        they are not needed (an eligible decision's checks are not built).

        >>> from poles_policy.data.demo import demo_cases
        >>> from poles_policy.parameters import default_parameters
        >>> case = demo_cases()[0]
        >>> brief = assess(case.request, default_parameters(), loan=case.loan).to_dict(brief=True)
        >>> brief["outcome"], brief["failed"], brief["counter_guarantee"]["covered"]
        ('eligible', [], '75000.00')

        Raises:
            WrongTypeError: If *brief* is not ``True`` or ``False`` (``"no"``
                would read as true).
        """
        expect_flag(brief, "Assessment.to_dict", "brief")
        g, t, c = self.guarantee, self.timing, self.cost
        if brief:
            decision = self.decision
            return {
                "case_id": self.request.id,
                "on": decision.on.isoformat(),
                "outcome": decision.outcome.value,
                "failed": [check.key for check in decision.failed],
                "missing": [fact.path for fact in decision.missing],
                "counter_guarantee": None if g is None else _guarantee(g, checks=False),
                "time_saved": None if t is None else _timing(t, checks=False),
                "cost": None if c is None else _cost(c, checks=False),
            }
        return {
            "case_id": self.request.id,
            "outcome": self.outcome.value,
            "decision": self.decision.to_dict(),
            "counter_guarantee": None if g is None else _guarantee(g),
            "time_saved": None if t is None else _timing(t),
            "cost": None if c is None else _cost(c),
        }


def _text(value: Decimal | date | None) -> str | None:
    """Render a figure for JSON: exact decimals and dates as strings, unknown as null."""
    if value is None:
        return None
    return decimal_text(value) if isinstance(value, Decimal) else value.isoformat()


def _checks(checks: tuple[Check, ...]) -> list[dict[str, Any]]:
    return [c.to_dict() for c in checks]


def _guarantee(g: Guarantee, *, checks: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {
        "asked": g.asked,
        "share": _text(g.share),
        "covered": _text(g.covered),
        "annual_fee_rate": _text(g.annual_fee_rate),
    }
    if checks:
        out["checks"] = _checks((g.check,))
    return out


def _duration(d: Duration | None) -> dict[str, Any] | None:
    if d is None:
        return None
    months, days = d.months_and_days
    return {
        "days": d.days,
        "months": months,
        "extra_days": days,
        "decimal_months": str(d.decimal_months),
    }


def _timing(t: TimeSaved, *, checks: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {
        "basis": t.basis,
        "disbursed_earliest": _text(t.disbursed_earliest),
        "disbursed_latest": _text(t.disbursed_latest),
        "disbursement_basis": t.disbursement_basis,
        "first_payment_basis": t.first_payment_basis,
        "first_payment_earliest": _text(t.first_payment_earliest),
        "first_payment_latest": _text(t.first_payment_latest),
        "saving_low": _duration(t.saving_low),
        "saving_high": _duration(t.saving_high),
        "after_subsidy": t.after_subsidy,
        "weighted_days_low": _text(t.weighted_days_low),
        "weighted_days_high": _text(t.weighted_days_high),
        "weighted_months_low": _text(t.weighted_months_low),
        "weighted_months_high": _text(t.weighted_months_high),
        "promise": t.promise,
    }
    if checks:
        out["checks"] = _checks(t.checks)
    out["missing"] = [f.path for f in t.missing]
    return out


def _cost(c: RelayCost, *, checks: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {
        "principal": _text(c.principal),
        "annual_rate": _text(c.annual_rate),
        "rate_basis": c.rate_basis,
        "fees": _text(c.fees),
        "unrepaid": _text(c.unrepaid),
        "interest_low": _text(c.interest_low),
        "interest_high": _text(c.interest_high),
        "guarantee_fee_low": _text(c.guarantee_fee_low),
        "guarantee_fee_high": _text(c.guarantee_fee_high),
        "total_low": _text(c.total_low),
        "total_high": _text(c.total_high),
        "per_month_saved_low": _text(c.per_month_saved_low),
        "per_month_saved_high": _text(c.per_month_saved_high),
    }
    if checks:
        out["checks"] = _checks(c.checks)
    out["missing"] = [f.path for f in c.missing]
    return out


def _scheme_exists(on: date, params: ParameterSet) -> bool:
    """
    Tell whether the relay scheme existed anywhere on *on*.

    Before it did, a relay had no terms (guarantee, processing times), so an
    undetermined request of that time gets no figures.
    """
    national = params.value("relay.national_from", on)
    return bool(params.value("relay.pilot_regions", on)) or (
        isinstance(national, date) and national <= on
    )


# The scheme's terms the figures read at the request date. They start with the pilot: a
# reform that opens the scheme earlier (relay.national_from before 1 April 2008) must give
# them for the days it opens.
SCHEME_TERMS: Final = (
    "relay.oseo.guarantee_share",
    "relay.oseo.guarantee_fee_rate",
    "relay.bank_processing_business_days",
    "relay.oseo_processing_business_days",
    "relay.default_annual_rate",
    "relay.promised_gain_months.low",
    "relay.promised_gain_months.high",
)
"""The parameters of the scheme's terms, which guarantee, time saved and cost read."""


def check_terms(
    on: date,
    params: ParameterSet,
    names: tuple[str, ...],
    *,
    function: str,
    case_id: str | None = None,
) -> None:
    """
    Refuse a parameter set that admits a request of *on* without the terms *names* that day.

    Every term without a value is named at once, so that a reform reaching
    before the pilot is completed in one go, whichever function found it.

    Raises:
        ParameterError: ``simulate_savings: parameter set '...' admits the
            request of 2008-01-01 (case x), but the scheme's terms have no
            value on that day: ...``, naming *function*, and *case_id* when given.
    """
    # One remembered lookup per date: the check costs a dict read for every case of a portfolio.
    if None not in params.values_at(names, on):
        return
    missing = [name for name in names if params.at(name, on) is None]
    starts = sorted({v.valid_from for name in missing for v in params[name].values[:1]})
    since = f" (their values start on {starts[0].isoformat()})" if len(starts) == 1 else ""
    case = "" if case_id is None else f" (case {case_id})"
    msg = (
        f"{function}: parameter set {params.label!r} admits the request of {on.isoformat()}"
        f"{case}, but the scheme's terms have no value on that day: {', '.join(missing)}{since}. "
        "Give them for it too (ParameterSet.override with valid_from)"
    )
    raise ParameterError(msg)


@exact_decimals
def assess_case(
    case: RelayCase, params: ParameterSet, *, poles: Iterable[Pole] | None = None
) -> Assessment:
    """
    Assess a relay case with its own loan: ``assess(case.request, params, loan=case.loan)``.

    The safe entry point for a case read from JSON: a service that calls
    :func:`assess` and forgets ``loan=`` gets a cost priced at the default
    rate on the requested amount, plausible but not the loan's.

    Args:
        case: The case, with its request and, once granted, its loan.
        params: Policy parameters, read at the request date.
        poles: The labelling pôles, to check that each label comes from a
            pôle holding its own label that day (see
            :func:`~poles_policy.rules.relay.eligibility.eligibility`);
            ``None`` takes the labels as recorded.

    >>> from poles_policy.data.demo import demo_cases
    >>> from poles_policy.parameters import default_parameters
    >>> case = demo_cases()[0]
    >>> params = default_parameters()
    >>> assess_case(case, params).to_dict() == assess(
    ...     case.request, params, loan=case.loan
    ... ).to_dict()
    True
    """
    expect(case, RelayCase, "case", "assess_case")
    expect_params(params, "assess_case")
    return assess(case.request, params, loan=case.loan, poles=poles)


def assess(
    request: RelayRequest,
    params: ParameterSet,
    *,
    loan: RelayLoan | None = None,
    poles: Iterable[Pole] | None = None,
) -> Assessment:
    """
    Assess a relay-financing case: decision, counter-guarantee, time saved, cost.

    Every rule reads its parameters at the request date. The principal is
    the loan's when a loan is given, else the requested amount.

    Args:
        request: The enterprise's application.
        params: Policy parameters.
        loan: The loan's terms and actual disbursement date, if known.
        poles: The labelling pôles, to check that each label comes from a
            pôle holding its own label that day (see
            :func:`~poles_policy.rules.relay.eligibility.eligibility`);
            ``None`` takes the labels as recorded.

    Returns:
        The assessment; guarantee, time saved and cost are ``None`` when the
        request is ineligible, or when the scheme did not exist anywhere yet
        on the request date.

    Raises:
        InvalidInputError: For invalid input (a region code that did not
            exist on the request date, a loan for another request).
        ParameterError: If *params* admits the request on a day for which
            it gives none of the scheme's terms (:data:`SCHEME_TERMS`): a
            reform opening the scheme before the pilot, naming every term
            to give.

    >>> from poles_policy.data.demo import demo_cases
    >>> from poles_policy.parameters import default_parameters
    >>> request = demo_cases()[20].request  # 280 000 EUR asked on 2009-03-16, no loan yet
    >>> assessment = assess(request, default_parameters())
    >>> assessment.outcome, assessment.guarantee.covered, assessment.timing.promise
    (<Outcome.ELIGIBLE: 'eligible'>, Decimal('140000.00'), 'partly')
    """
    expect(request, RelayRequest, "request", "assess")
    expect_params(params, "assess")
    if loan is not None:
        expect_loan(loan, request, "assess")
    decision = eligibility(request, params, poles=poles)
    if decision.outcome is Outcome.INELIGIBLE or not _scheme_exists(request.requested_on, params):
        return Assessment(
            request=request, loan=loan, decision=decision, guarantee=None, timing=None, cost=None
        )
    check_terms(request.requested_on, params, SCHEME_TERMS, function="assess")
    principal = loan.principal if loan is not None else request.amount
    guarantee = counter_guarantee(request, principal, params)
    timing = time_saved(request, params, loan=loan)
    cost = relay_cost(request, params, loan=loan, guarantee=guarantee, timing=timing)
    return Assessment(
        request=request,
        loan=loan,
        decision=decision,
        guarantee=guarantee,
        timing=timing,
        cost=cost,
    )
