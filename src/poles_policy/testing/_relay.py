"""
Relay financing (financement relais): requests, loans and cases.

A request is built from a scenario drawn first: the outcome its eligibility
(RELAY.1-RELAY.4) should have under the default parameters (eligible,
ineligible or undetermined, a third each) and, when it is not eligible,
which conditions fail or are unknown. The applicant, the project and the
request date are then made to match. Drawing each condition independently
would make an eligible request rare (one in a few hundred), and properties
about eligible requests would see almost none.
"""

from __future__ import annotations

import functools
from datetime import date, timedelta
from decimal import ROUND_FLOOR, Decimal
from typing import TYPE_CHECKING, Final, TypeVar

import attrs
from hypothesis import strategies as st

from poles_policy.exceptions import InvalidInputError
from poles_policy.explain import Outcome, Status
from poles_policy.model.cases import RelayCase
from poles_policy.model.projects import (
    AidDecision,
    CollaborativeProject,
    Funder,
    PartnerAid,
    Payment,
    PaymentKind,
    ScheduledPayment,
)
from poles_policy.model.regions import all_regions, regions_on, successor
from poles_policy.model.relay import RelayLoan, RelayRequest
from poles_policy.money import CENT, Eur
from poles_policy.parameters import default_parameters
from poles_policy.rules.relay.eligibility import CONDITIONS
from poles_policy.testing._actors import banks, enterprises, research_organisations
from poles_policy.testing._arguments import checked
from poles_policy.testing._projects import _day, _labels, _letter, _partners
from poles_policy.testing._values import PHASE_2_END, PHASE_2_START, PILOT_START, policy_dates

if TYPE_CHECKING:
    from poles_policy.model.actors import Enterprise, ResearchOrganisation
    from poles_policy.model.projects import ProjectPartner

MET, NOT_MET, UNKNOWN = Status.MET, Status.NOT_MET, Status.UNKNOWN

# Those that can be unknown by themselves (relay.remaining is unknown with the aid).
_MAY_BE_UNKNOWN: Final = frozenset(
    {"relay.in_force", "relay.labelled", "relay.state_aid", "relay.selection_letter"}
)
_OUTCOMES: Final = (Outcome.ELIGIBLE, Outcome.INELIGIBLE, Outcome.UNDETERMINED)


@functools.cache
def _pilot_regions() -> tuple[str, ...]:
    """The regions of the pilot in the default parameters (Rhône-Alpes)."""
    value = default_parameters().value("relay.pilot_regions", PILOT_START)
    return value if isinstance(value, tuple) and value else ("82",)


@functools.cache
def _pilot_end() -> date:
    """The pilot's last day: the last day a pilot region's code exists (2015-12-31 for "82")."""
    ends = [r.valid_until or date.max for r in all_regions() if r.code in _pilot_regions()]
    return max(ends, default=date.max)


def _share(on: date) -> Decimal:
    """The share of the remaining subsidy a relay may pre-finance on *on* (default parameters)."""
    value = default_parameters().value("relay.max_prefinanced_share", on)
    return value if isinstance(value, Decimal) else Decimal(1)


def _may_be_unknown(key: str, wish: dict[str, Status]) -> bool:
    """Whether condition *key* may be left unknown beside the conditions *wish* fails."""
    # The subsidy remaining is read from the State aid: with the aid unknown, so is what
    # remains of it, and a request that should fail on it would be undetermined instead.
    if key == "relay.state_aid" and wish["relay.remaining"] is NOT_MET:
        return False
    return key in _MAY_BE_UNKNOWN


def _scenario(draw: st.DrawFn, target: Outcome) -> dict[str, Status]:
    """
    Draw the status each condition should have for a request of outcome *target*.

    An ineligible request fails one condition chosen evenly; one time in
    four, each other condition also fails or is unknown one time in four.
    An undetermined request lacks the facts of one condition; one time in
    four, of each other that may be unknown one time in three. The extras
    shrink away, leaving the single condition that decides the outcome.
    """
    wish = dict.fromkeys(CONDITIONS, MET)
    if target is Outcome.ELIGIBLE:
        return wish
    several = draw(st.sampled_from((False, False, False, True)))
    if target is Outcome.INELIGIBLE:
        wish[draw(st.sampled_from(CONDITIONS))] = NOT_MET
        for key in CONDITIONS if several else ():
            extra = draw(st.sampled_from((MET, MET, NOT_MET, UNKNOWN)))
            if wish[key] is MET and extra is not MET:
                wish[key] = UNKNOWN if extra is UNKNOWN and _may_be_unknown(key, wish) else NOT_MET
        return wish
    unknown = sorted(_MAY_BE_UNKNOWN, key=CONDITIONS.index)
    wish[draw(st.sampled_from(unknown))] = UNKNOWN
    for key in unknown if several else ():
        if draw(st.sampled_from((MET, MET, UNKNOWN))) is UNKNOWN:
            wish[key] = UNKNOWN
    return wish


def _request_date(draw: st.DrawFn, wish: dict[str, Status], start: date, end: date) -> date:
    """
    Draw the request date: on a day of the pilot when the scheme must be in force.

    Also when whether it is in force must be unknown (the applicant's region
    not known): before the pilot, the scheme is not in force in any region.
    """
    in_force = wish["relay.in_force"]
    if in_force is not NOT_MET:
        # relay_requests() refuses a window without a day of the pilot.
        return draw(
            policy_dates(min_value=max(start, PILOT_START), max_value=min(end, _pilot_end()))
        )
    if in_force is NOT_MET and start < PILOT_START and draw(st.booleans()):
        # Not in force because the pilot had not started yet: often on its eve.
        eve = min(end, PILOT_START - timedelta(days=1))
        return draw(policy_dates(min_value=start, max_value=eve) | st.just(eve))
    return draw(policy_dates(min_value=start, max_value=end))


def _region(draw: st.DrawFn, status: Status, on: date) -> str | None:
    """Draw the applicant's region, so that the scheme's being in force has *status*."""
    if status is UNKNOWN:
        return None
    codes = sorted(r.code for r in regions_on(on))
    pilot = [c for c in _pilot_regions() if c in codes and on >= PILOT_START]
    if status is MET and pilot:
        return draw(st.sampled_from(pilot))
    # Not in force: another region, or any region before the pilot (or after its regions).
    return draw(st.sampled_from([c for c in codes if c not in pilot]))


def _cents(value: Decimal) -> int:
    return int(value / CENT)


def _euros(cents: int) -> Eur:
    return Eur(Decimal(cents) * CENT)


@st.composite
def _state_aid(
    draw: st.DrawFn, applicant_id: str, on: date, wish: dict[str, Status], letter: date | None
) -> tuple[list[AidDecision], Eur]:
    """
    Draw State decisions aiding the applicant, and the subsidy still to be received on *on*.

    One decision (FUI) or, one time in four, two (FUI and ANR) aid the
    applicant. Before *on*, nothing, part or, when ``relay.remaining``
    should fail that way, all of the grant was paid; payments after *on*,
    not yet received then, sometimes follow. A decision is dated on or
    before its payments, or undated; it may plan an advance and a balance.

    The State pays nothing before the project's selection *letter* (the
    advance comes at notification): when the letter is known, every payment,
    instalment and dated decision falls on or after it, so nothing is paid
    before *on* when the letter comes later.
    """
    # Money may arrive before the request unless the letter comes after it.
    paid_before = letter is None or letter <= on
    first_after = letter if letter is not None and letter > on else _day(on, 1)
    back = 200 if letter is None else min(200, on.toordinal() - letter.toordinal())
    fully_paid = wish["relay.remaining"] is NOT_MET and paid_before and draw(st.booleans())
    decisions = []
    remaining = 0
    for scheme in ("FUI", "ANR")[: draw(st.sampled_from((1, 1, 1, 2)))]:
        granted = draw(st.integers(min_value=100_000, max_value=200_000_000))  # 1 000 EUR up
        # Paid before the request: all of it, or none, a quarter or a half.
        quarters = 4 if fully_paid else draw(st.sampled_from((0, 0, 1, 2)))
        if not paid_before:
            quarters = 0
        before = granted * quarters // 4
        after = draw(st.sampled_from((0, 0, (granted - before) // 2)))
        remaining += granted - before
        payments = []
        if before:
            payments.append(
                Payment(paid_on=_day(on, -draw(st.integers(0, back))), amount=_euros(before))
            )
        if after:
            payments.append(
                Payment(paid_on=_day(first_after, draw(st.integers(0, 299))), amount=_euros(after))
            )
        earliest = min((p.paid_on for p in payments), default=on if paid_before else first_after)
        schedule: tuple[ScheduledPayment, ...] = ()
        if draw(st.booleans()):
            advance = granted * 3 // 10
            schedule = (
                ScheduledPayment(
                    kind=PaymentKind.ADVANCE, amount=_euros(advance), expected_on=earliest
                ),
                ScheduledPayment(
                    kind=PaymentKind.BALANCE,
                    amount=_euros(granted - advance),
                    expected_on=draw(st.none() | st.just(_day(earliest, 700))),
                ),
            )
        # Decided on or before the first payment, and not before the letter when it is known.
        longest = 90 if letter is None else min(90, earliest.toordinal() - letter.toordinal())
        days = draw(st.none() | st.integers(min_value=0, max_value=longest))
        decided = None if days is None else _day(earliest, -days)
        decisions.append(
            AidDecision(
                funder=Funder.STATE,
                scheme=scheme,
                call="FUI 7" if scheme == "FUI" else None,
                decided_on=decided,
                partners=(
                    PartnerAid(
                        partner_id=applicant_id,
                        granted=_euros(granted),
                        schedule=schedule,
                        payments=payments,
                    ),
                ),
            )
        )
    return decisions, _euros(remaining)


def _no_state_aid(
    draw: st.DrawFn, applicant_id: str, partners: tuple[ProjectPartner, ...], *, partner: bool
) -> tuple[AidDecision, ...]:
    """Draw aid that gives the applicant no State subsidy (RELAY.2 not met)."""
    others = [p.actor.id for p in partners if p.actor.id != applicant_id]
    ways = ["none", "others"] + (["region", "zero"] if partner else [])
    way = draw(st.sampled_from(ways))
    if way == "none" or (way == "others" and not others):
        return ()
    if way == "others":
        aids = [PartnerAid(partner_id=others[0], granted="150000.00")]
        return (AidDecision(funder=Funder.STATE, scheme="FUI", partners=aids),)
    if way == "region":
        aids = [PartnerAid(partner_id=applicant_id, granted="80000.00")]
        return (AidDecision(funder=Funder.REGION, scheme="Région", partners=aids),)
    aids = [PartnerAid(partner_id=applicant_id, granted="0.00")]
    return (AidDecision(funder=Funder.STATE, scheme="FUI", partners=aids),)


def _amount(draw: st.DrawFn, ceiling: Eur | None, status: Status) -> Eur:
    """
    Draw the amount requested: within *ceiling* when RELAY.4 is met, above it otherwise.

    Amounts are drawn as thousandths of the ceiling (or as thousands of
    euros without one) rather than cent by cent, so that a request of one
    cent stays rare.
    """
    if ceiling is None or ceiling < CENT:
        return _euros(draw(st.integers(min_value=1, max_value=2000)) * 100_000)
    top = _cents(ceiling)
    part = draw(st.integers(min_value=1, max_value=1000))
    if status is MET:
        # The whole ceiling is a frequent request (and the edge of RELAY.4).
        return _euros(top if draw(st.booleans()) else max(1, top * part // 1000))
    # One cent above the ceiling (the edge), or up to twice the ceiling.
    return _euros(top + (1 if draw(st.booleans()) else max(1, top * part // 1000)))


@checked
def relay_requests(
    *,
    ident: str | None = None,
    start: date = PHASE_2_START,
    end: date = PHASE_2_END,
) -> st.SearchStrategy[RelayRequest]:
    """
    Generate relay requests, eligible, ineligible and undetermined about a third each.

    The outcome is drawn first, as the eligibility rule
    (:func:`poles_policy.rules.relay.eligibility`) decides it under the
    default parameters (the Rhône-Alpes pilot from 1 April 2008); an
    ineligible request fails one of the seven conditions, chosen evenly,
    and at times others; an undetermined one lacks the facts of one
    condition or more (the applicant's region, a label's date, the aid
    decisions, the selection letter's date). Under other parameters, the
    same requests are simply decided otherwise.

    The applicant (id ``"applicant"``) is an enterprise, or a research body
    when RELAY.2 should fail; when it is a partner, it is the same object in
    the project's partners. Its SME status may be yes, no or unknown (see
    :func:`enterprises`). Requests fall on the letter's own day, at month
    ends, on 29 February and on the pilot's first day often; the bank is
    not known one time in four, and the applicant may have two State aid
    decisions.

    Args:
        ident: The request's id; by default ``req-0`` to ``req-999``.
        start: The earliest request date (1 January 2008 by default).
        end: The latest request date (31 December 2012 by default); give
            ``start=end`` to fix the date.

    The window must hold a day of the pilot (1 April 2008 to 31 December
    2015, when Rhône-Alpes' code ``"82"`` ceased to exist), so that a
    third of the requests can be eligible. A window that also holds days
    outside it keeps the three outcomes, a third each: eligible requests
    fall on its pilot days only, and the others anywhere in it; a request
    fails ``relay.in_force`` by its date (the pilot's eve and before) only
    when the window starts before 1 April 2008, otherwise by the
    applicant's region.

    The default window starts before the pilot, so that RELAY.1 fails by
    date too. On those days the scheme's terms have no value (the OSEO
    share and fee, the processing times, the default rate:
    :data:`poles_policy.rules.relay.assessment.SCHEME_TERMS`), and the rules
    that read them raise :class:`~poles_policy.exceptions.ParameterError`:
    :func:`~poles_policy.rules.relay.guarantee.counter_guarantee`,
    :func:`~poles_policy.rules.relay.cost.relay_cost`, and
    :func:`~poles_policy.rules.relay.timing.time_saved` without a loan
    (:func:`~poles_policy.rules.relay.assessment.assess` gives no figures instead). To
    test the figures, draw from the pilot's first day,
    ``relay_requests(start=date(2008, 4, 1))``, or expect that error.

    Raises:
        InvalidInputError: If the window holds no day of the pilot (it ends
            before 1 April 2008 or starts in 2016 or later): no request in
            it could be eligible.

    Shrinks toward an eligible request on the first day of the pilot (or
    *start*) for a small amount.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate])  # the first example found, not shrunk
    >>> day = date(2009, 3, 16)
    >>> request = find(relay_requests(start=day, end=day), lambda r: True, settings=quick)
    >>> request.requested_on, request.applicant.id
    (datetime.date(2009, 3, 16), 'applicant')
    """
    _check_pilot_window("relay_requests", start, end)
    return _relay_requests(ident=ident, start=start, end=end)


def _check_pilot_window(strategy: str, start: date, end: date) -> None:
    """Refuse a window of request dates that holds no day of the pilot."""
    last = _pilot_end()
    if end < PILOT_START or start > last:
        msg = (
            f"{strategy}: the window start={start.isoformat()}, end={end.isoformat()} holds "
            f"no day of the relay pilot ({PILOT_START.isoformat()} to {last.isoformat()} under "
            "the default parameters), so no request in it could be eligible; widen it to "
            "include a day of the pilot (its other requests are ineligible or undetermined)"
        )
        raise InvalidInputError(msg)


_Partner = TypeVar("_Partner")


def _region_on(actor: _Partner, on: date) -> _Partner:
    """
    Give *actor* the code of its region in force on *on*.

    The partners are drawn in regions of 2009; a case's region codes must exist on
    its date (a document naming "82" on 2016-01-01 is refused), so a code gone by
    then becomes its successor's ("82" becomes "84").
    """
    code = getattr(actor, "region", None)
    if code is None or any(r.code == code for r in regions_on(on)):
        return actor
    try:
        moved: str | None = successor(code, on).code
    except InvalidInputError:
        moved = None
    return attrs.evolve(actor, region=moved)  # type: ignore[misc]


@st.composite
def _relay_requests(draw: st.DrawFn, *, ident: str | None, start: date, end: date) -> RelayRequest:
    n = draw(st.integers(min_value=0, max_value=999))
    wish = _scenario(draw, draw(st.sampled_from(_OUTCOMES)))
    on = _request_date(draw, wish, start, end)
    region = _region(draw, wish["relay.in_force"], on)
    applicant: Enterprise | ResearchOrganisation = (
        draw(enterprises(ident="applicant"))
        if wish["relay.enterprise"] is MET
        else draw(research_organisations(ident="applicant", public=None))
    )
    applicant = attrs.evolve(applicant, region=region)
    is_partner = wish["relay.partner"] is MET
    partners = tuple(
        p if p.actor is applicant else attrs.evolve(p, actor=_region_on(p.actor, on))
        for p in draw(_partners(applicant if is_partner else None))
    )
    # The letter before the aid: the State pays nothing before it.
    letter = _letter(draw, on, wish["relay.selection_letter"])
    aid: tuple[AidDecision, ...] | None
    ceiling: Eur | None = None
    if wish["relay.state_aid"] is UNKNOWN:
        aid = None
    elif wish["relay.state_aid"] is MET and is_partner:
        decisions, remaining = draw(_state_aid(applicant.id, on, wish, letter))
        ceiling = Eur((remaining * _share(on)).quantize(CENT, rounding=ROUND_FLOOR))
        # At times a region aids the project too: the relay looks only at the State's aid.
        if draw(st.sampled_from((False, False, False, True))):
            regional = PartnerAid(partner_id=applicant.id, granted="50000.00")
            decisions.append(
                AidDecision(funder=Funder.REGION, scheme="Région", partners=[regional])
            )
        aid = tuple(decisions)
    else:
        aid = _no_state_aid(draw, applicant.id, partners, partner=is_partner)
    project = CollaborativeProject(
        id="prj",
        name="PROJET (generated)",
        partners=partners,
        labels=draw(_labels(on, wish["relay.labelled"])),
        aid=aid,
        selection_letter_on=letter,
    )
    return RelayRequest(
        id=ident if ident is not None else f"req-{n}",
        applicant=applicant,
        project=project,
        requested_on=on,
        amount=_amount(draw, ceiling, wish["relay.remaining"]),
        bank=draw(banks()) if draw(st.sampled_from((True, True, True, False))) else None,
        oseo_counter_guarantee=draw(st.sampled_from((True, False, None))),
    )


_RATES: Final = (Decimal("0.04"), Decimal("0.055"), Decimal("0.08"))


@checked
@st.composite
def relay_loans(draw: st.DrawFn, request: RelayRequest | None = None) -> RelayLoan:
    """
    Generate a loan answering *request* (by default a generated one), paid out within 60 days.

    It lends the amount requested, or one time in four less. Its fees are
    known (up to 2 000 EUR) or sometimes unknown (``None``). It is mostly
    repaid from the subsidy payments (the scheme's design); otherwise it is
    repaid in one go, on a date up to three years after the disbursement,
    or on a date not known. It shrinks toward a loan of the amount
    requested, repaid from the subsidy, with no fees, disbursed on the
    request date.

    >>> from poles_policy.data.demo import demo_cases
    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate])  # the first example found, not shrunk
    >>> request = demo_cases()[20].request  # 280 000 EUR asked on 2009-03-16
    >>> loan = find(relay_loans(request), lambda loan: loan.fees is not None, settings=quick)
    >>> loan.request_id, loan.principal <= request.amount, loan.disbursed_on >= request.requested_on
    ('demo-21', True, True)
    """
    if request is None:
        request = draw(relay_requests())
    delay = draw(st.integers(min_value=0, max_value=60))
    disbursed_on = _day(request.requested_on, delay)
    from_subsidy = draw(st.sampled_from((True, True, False)))
    repaid_on = (
        None
        if from_subsidy
        else draw(
            st.one_of(
                st.integers(min_value=1, max_value=3 * 366).map(
                    lambda days: _day(disbursed_on, days)
                ),
                st.none(),
            )
        )
    )
    asked = _cents(request.amount)
    lent = asked
    if asked > 1 and draw(st.sampled_from((False, False, False, True))):
        lent = draw(st.integers(min_value=1, max_value=asked - 1))
    return RelayLoan(
        request_id=request.id,
        disbursed_on=disbursed_on,
        principal=_euros(lent),
        annual_rate=draw(st.sampled_from(_RATES)),
        fees=draw(st.one_of(st.just(Eur(Decimal("0.00"))), _fees(), st.none())),
        repaid_from_subsidy=from_subsidy,
        repaid_on=repaid_on,
    )


def _fees() -> st.SearchStrategy[Eur]:
    return st.integers(min_value=0, max_value=200_000).map(_euros)


@checked
def relay_cases(
    *,
    ident: str | None = None,
    start: date = PHASE_2_START,
    end: date = PHASE_2_END,
) -> st.SearchStrategy[RelayCase]:
    """
    Generate relay cases: a request (see :func:`relay_requests`) and, on a fair coin, its loan.

    Args:
        ident: The case's id, which is also its request's id; by default
            ``req-0`` to ``req-999``, so that
            ``st.lists(relay_cases(), unique_by=lambda c: c.case_id)`` draws
            the cases of a portfolio.
        start: The earliest request date (1 January 2008 by default, before
            the pilot: see :func:`relay_requests` for the rules that then
            raise; ``start=date(2008, 4, 1)`` draws from the pilot's first
            day).
        end: The latest request date (31 December 2012 by default).

    Raises:
        InvalidInputError: If the window holds no day of the pilot, as for
            :func:`relay_requests`.

    A case takes about two hundred choices (an applicant with its accounts
    and related enterprises, a project with its partners, labels and aid):
    a list of more than a few cases exceeds Hypothesis' default budgets and
    fails its ``too_slow`` or ``large_base_example`` health check. Draw
    portfolios with those two checks suppressed and fewer examples, e.g.
    ``settings(max_examples=20, suppress_health_check=[HealthCheck.too_slow,
    HealthCheck.large_base_example], deadline=None)``; for a large portfolio
    without shrinking, :func:`poles_policy.scenarios.synthetic.synthetic_relay_cases`
    is the faster tool.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate])  # the first example found, not shrunk
    >>> case = find(relay_cases(ident="case-1"), lambda c: c.loan is not None, settings=quick)
    >>> case.case_id, case.request.id, case.loan.request_id
    ('case-1', 'case-1', 'case-1')
    """
    # Checked here, not when drawing: a window without a pilot day is refused at once.
    _check_pilot_window("relay_cases", start, end)
    return _relay_cases(relay_requests(ident=ident, start=start, end=end))


@st.composite
def _relay_cases(draw: st.DrawFn, requests: st.SearchStrategy[RelayRequest]) -> RelayCase:
    # The coin first: drawn after the long choice sequence of a request, Hypothesis' generation
    # leans toward its simplest value (no loan) and a loan came in under 40 % of the cases.
    with_loan = draw(st.booleans())
    request = draw(requests)
    loan = draw(relay_loans(request)) if with_loan else None
    return RelayCase(case_id=request.id, request=request, loan=loan)
