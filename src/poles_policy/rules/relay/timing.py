"""
The time relay financing saves (RELAY.6): "gagner 6 à 9 mois".

The relay loan reaches the enterprise before its State subsidy does; the time
saved is the wait it spares, from the relay's disbursement to the subsidy
payments it stands in for.

**The disbursement** is the loan's own date when a
:class:`~poles_policy.model.relay.RelayLoan` is given (*actual*). Otherwise it
is *estimated*: ``relay.bank_processing_business_days`` business days after the
request, counted from the day after it (:func:`~poles_policy.dates.add_business_days`),
plus ``relay.oseo_processing_business_days`` more when the bank asks OSEO for
a counter-guarantee (RELAY.5). When that is not known, the estimate is a range
from "not asked" to "asked". Business days follow the national calendar.

**The subsidy payments** the relay bridges (its *tranches*) are, for each of
the applicant's State subsidies (``project.state_aid_for(applicant.id)``):

1. the payments received after the request date (*actual*): one received on
   the request's own day is no longer to be received, as RELAY.4 counts it
   (:func:`~poles_policy.rules.relay.eligibility.prefinanceable`);
2. then what is still expected: the aid agreement's schedule, each
   instalment on its date (*planned*); without a schedule, the estimated
   schedule of :func:`~poles_policy.rules.fui.payment_schedule` from the
   selection letter (*estimated*, a range of dates). An instalment of the
   schedule left without a date keeps its amount and is estimated in the
   window of its kind (the advance's, the intermediate payment's or the
   balance's), the dated ones staying planned. A schedule planning less
   than the grant leaves a rest, estimated as the instalments of the kinds
   the schedule does not plan, shared in the letter's proportions (as a
   balance when it plans every kind); without a letter the rest is not
   counted until every instalment of the schedule is received. Payments
   received so far (by the request too) are set against the instalments in
   date order, first in first out (the schedule's own before the rest of
   the grant), so only the unpaid part of each instalment remains. When the
   letter date is needed and unknown, the result is UNKNOWN and asks for
   it, unless the payments received after the request repay the relay.
3. none of what is still expected had arrived by the request, nor by the
   aid's last payment received when it came later (the payments received
   say so, one of that very day among them): an instalment planned, or
   estimated at its latest, on or before the later of the two days is
   *overdue*, and when it will come is not known. The result is then
   UNKNOWN and asks for the aid's schedule
   (``project.aid.0.partners.1.schedule``), naming each overdue instalment
   with its own date, unless the payments received after the request and
   by that day repay the relay (the overdue instalment comes after them).
   An estimate that spans that day starts the day after it.

Payments of ``0.00`` are left out: nothing arrives.

The tranches of several State subsidies are merged in date order.

**The first subsidy payment** is the earliest tranche: usually the advance,
received, planned, or expected in the
:func:`~poles_policy.rules.fui.first_payment_window` after the letter; when
the advance was received before the request, the next instalment.

**Time saved** = first payment - disbursement, as exact days, calendar months
and days, and decimal months (:func:`~poles_policy.dates.duration`). It is
never negative: a relay that arrives on or after the subsidy saves nothing
and is flagged ``after_subsidy``. With estimated dates there are two
scenarios: *low* (relay at its latest, subsidy at its earliest) and *high*
(relay at its earliest, subsidy at its latest), which bound the saving.

**Amount-weighted time saved**: the relay principal is repaid from the
tranches in date order, each repaying what it can of what is still
outstanding. Each tranche's days saved (its date - disbursement, floored at
0) is weighted by the part of the principal it repays. If the tranches do not
repay the whole principal, the weights cover the part they do repay (the rest
bridges no subsidy; :func:`~poles_policy.rules.relay.cost.relay_cost` reports
it as unrepaid). The weighted days are rounded to 0.1 day and the weighted
decimal months (weighted days x 12 / 365.25) to 0.1 month, both half up,
from the exact figure. For a loan not repaid from the subsidy
(``RelayLoan.repaid_from_subsidy`` false, repaid in one go on
``RelayLoan.repaid_on``) the weights are still the subsidy payments the
principal stands in for, as if they repaid it, and the check says so; the cost
counts interest to the loan's own repayment date.

**The promise** ("6 à 9 mois"): the first-payment saving is compared with
``relay.promised_gain_months.low``/``.high`` in calendar months and days: a
saving from exactly 6 months 0 days to exactly 9 months 0 days is *inside*
(5 months 30 days is *below*; 9 months 1 day is *above*). A range whose two
ends fall in different classes is *partly* inside. Before the pilot no promise
is in force: the comparison is then not applicable.

Parameters are read at the request date, except the subsidy delays and
shares, read at the selection letter's date.

The figures are computed at once; every check, with its bilingual reason and
the parameter values it cites, is built the first time it is read.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar, Final, Literal

import attrs

from poles_policy.dates import Duration, add_business_days, duration
from poles_policy.exceptions import InvalidInputError, ParameterError
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
    missing_facts,
    render_account,
)
from poles_policy.model.projects import PaymentKind
from poles_policy.model.relay import RelayLoan, RelayRequest
from poles_policy.money import ZERO, Eur, exact_decimals, pro_rata
from poles_policy.rules._inputs import expect, expect_loan, expect_params
from poles_policy.rules.fui import SCHEDULE_PARAMETERS, EstimatedPayment, payment_schedule
from poles_policy.rules.relay._explained import Explained, either, settle
from poles_policy.rules.relay.eligibility import ASK_AID, ASK_LETTER

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from poles_policy.model.projects import PartnerAid
    from poles_policy.parameters import DatedValue, ParameterSet

__all__ = [
    "Basis",
    "Bridging",
    "Disbursement",
    "Promise",
    "Repayment",
    "Scenario",
    "ScenarioName",
    "TimeSaved",
    "Tranche",
    "bridged_tranches",
    "promised_gain",
    "time_saved",
]

Basis = Literal["actual", "planned", "estimated"]
"""Where a date comes from: recorded, planned by the aid agreement, or estimated."""

Promise = Literal["inside", "below", "above", "partly"]
"""How a saving compares with the gain promised (6 to 9 months under the text)."""

ScenarioName = Literal["low", "high"]
"""The two bounds of an estimate: the least and the most time saved."""

_KIND_TEXT: dict[PaymentKind | None, Text] = {
    PaymentKind.ADVANCE: Text("advance", "avance"),
    PaymentKind.INTERMEDIATE: Text("intermediate payment", "versement intermédiaire"),
    PaymentKind.BALANCE: Text("balance", "solde"),
    None: Text("payment", "versement"),
}
_RANK: dict[Basis, int] = {"actual": 0, "planned": 1, "estimated": 2}
_BASIS_TEXT: dict[Basis, Text] = {
    "actual": Text("received", "reçu"),
    "planned": Text("planned", "prévu"),
    "estimated": Text("estimated", "estimé"),
}
# An advance (*une avance*) is feminine: its basis agrees with it.
_BASIS_TEXT_FEMININE: dict[Basis, str] = {
    "actual": "reçue",
    "planned": "prévue",
    "estimated": "estimée",
}


def _basis_fr(kind: PaymentKind | None, basis: Basis) -> str:
    """The basis of a payment of *kind*, agreeing with its French name."""
    if kind is PaymentKind.ADVANCE:
        return _BASIS_TEXT_FEMININE[basis]
    return _BASIS_TEXT[basis].fr


def _least_certain(bases: Iterable[Basis]) -> Basis:
    return max(bases, key=_RANK.__getitem__)


# --- deferred explanations ---------------------------------------------------------------------

# The results below take either their check(s) or a function that builds them (``deferred``),
# as :class:`~poles_policy.explain.Decision` does: the rules compute the figures at once and
# leave the bilingual explanations until they are read. Equality, hashing and repr go through
# the public attributes, so a deferred explanation is built to be compared or shown.


# --- the disbursement --------------------------------------------------------------------------


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Disbursement(Explained):
    """
    When the relay loan reaches the enterprise (RELAY.4, RELAY.6).

    Give either ``check`` or ``deferred``, a function that builds it when it
    is first read.

    Attributes:
        earliest: The earliest date (the loan's date when actual).
        latest: The latest date; equal to *earliest* unless it is not known
            whether the bank asks OSEO.
        basis: ``"actual"`` (the loan's date) or ``"estimated"``.
        check: The explanation (key ``relay.timing.disbursement``).
    """

    _NAMES: ClassVar = ("earliest", "latest", "basis", "check")

    earliest: date
    latest: date
    basis: Literal["actual", "estimated"]
    _check: Check | None = attrs.field(default=None, alias="check")
    _deferred: Callable[[], Check] | None = attrs.field(default=None, alias="deferred")

    def __attrs_post_init__(self) -> None:
        either(self._check, self._deferred, "a disbursement")

    @property
    def check(self) -> Check:
        """The explanation (built on first access when deferred)."""
        check = self._check
        return settle(self, "_check", self._deferred) if check is None else check


_DISBURSEMENT_LABEL = Text("relay disbursement date", "date de versement du relais")
_BANK_DAYS = "relay.bank_processing_business_days"
_OSEO_DAYS = "relay.oseo_processing_business_days"


def _disbursement(
    request: RelayRequest, params: ParameterSet, loan: RelayLoan | None
) -> Disbursement:
    if loan is not None:
        day = loan.disbursed_on
        return Disbursement(
            earliest=day, latest=day, basis="actual", deferred=lambda: _loan_check(day)
        )
    on = request.requested_on
    bank = params.count(_BANK_DAYS, on)
    asked = request.oseo_counter_guarantee
    if asked is False:
        alone = _processed(on, bank, params, _BANK_DAYS)
        return Disbursement(
            earliest=alone,
            latest=alone,
            basis="estimated",
            deferred=lambda: _estimate_check(
                params, on, bank=bank, oseo=None, asked=False, earliest=alone, latest=alone
            ),
        )
    # When it is not known whether the bank asks OSEO, both dates are kept: without, then with.
    without = None if asked else _processed(on, bank, params, _BANK_DAYS)
    oseo = params.count(_OSEO_DAYS, on)
    latest = _processed(on, bank + oseo, params, _BANK_DAYS, _OSEO_DAYS)
    earliest = latest if without is None else without
    return Disbursement(
        earliest=earliest,
        latest=latest,
        basis="estimated",
        deferred=lambda: _estimate_check(
            params, on, bank=bank, oseo=oseo, asked=asked, earliest=earliest, latest=latest
        ),
    )


def _processed(on: date, days: int, params: ParameterSet, *names: str) -> date:
    """*days* business days after *on*, read from parameters *names*: theirs is any overflow."""
    try:
        return add_business_days(on, days)
    except InvalidInputError:
        values = ", ".join(f"{name} = {params.count(name, on)}" for name in names)
        msg = (
            f"parameter set {params.label!r}: {values} on {on.isoformat()} put the relay's "
            "disbursement beyond the years of the holiday calendar"
        )
        raise ParameterError(msg) from None


def _loan_check(day: date) -> Check:
    iso = day.isoformat()
    return Check(
        key="relay.timing.disbursement",
        clauses=("RELAY.4", "RELAY.6"),
        label=_DISBURSEMENT_LABEL,
        status=Status.MET,
        reason=Text(f"disbursed on {iso} (the loan's date)", f"versé le {iso} (date du prêt)"),
    )


def _estimate_check(  # noqa: PLR0913 - the inputs and figures of the estimate
    params: ParameterSet,
    on: date,
    *,
    bank: int,
    oseo: int | None,
    asked: bool | None,
    earliest: date,
    latest: date,
) -> Check:
    day = on.isoformat()
    start_en = (
        f"estimated from the request of {day}, counting business days from the "
        f"next day: {bank} for the bank"
    )
    start_fr = (
        f"estimée à partir de la demande du {day}, en jours ouvrés comptés à partir "
        f"du lendemain : {bank} pour la banque"
    )
    if oseo is None:
        en, fr = f"{start_en} (no OSEO counter-guarantee)", f"{start_fr} (sans contre-garantie)"
        clauses: tuple[str, ...] = ("RELAY.4", "RELAY.6")
        uses = params.uses(on, _BANK_DAYS)
    else:
        clauses = ("RELAY.4", "RELAY.5", "RELAY.6")
        uses = params.uses(on, _BANK_DAYS, _OSEO_DAYS)
        if asked:
            en = f"{start_en} + {oseo} for the OSEO counter-guarantee"
            fr = f"{start_fr} + {oseo} pour la contre-garantie OSEO"
        else:
            en = (
                f"{start_en}, + {oseo} if the bank asks OSEO for a counter-guarantee "
                "(not known: both are kept)"
            )
            fr = (
                f"{start_fr}, + {oseo} si la banque sollicite une contre-garantie OSEO "
                "(inconnu : les deux sont retenus)"
            )
    when = _range(earliest, latest)
    return Check(
        key="relay.timing.disbursement",
        clauses=clauses,
        label=_DISBURSEMENT_LABEL,
        status=Status.MET,
        reason=Text(f"{en} → {when}", f"{fr} → {when}"),
        parameters=uses,
    )


def _range(earliest: date, latest: date) -> str:
    if earliest == latest:
        return earliest.isoformat()
    return f"{earliest.isoformat()}..{latest.isoformat()}"


# --- the subsidy tranches ----------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Tranche:
    """
    A subsidy payment the relay is repaid from (RELAY.4).

    Attributes:
        kind: Advance, intermediate payment or balance; ``None`` for a
            payment received (its kind is not recorded).
        amount: What the payment brings (the unpaid part of an instalment).
        earliest: Its date, or the earliest date of an estimate.
        latest: Its date, or the latest date of an estimate.
        basis: ``"actual"``, ``"planned"`` or ``"estimated"``.
    """

    kind: PaymentKind | None
    amount: Eur
    earliest: date
    latest: date
    basis: Basis

    def on(self, scenario: ScenarioName) -> date:
        """
        The tranche's date in *scenario*: earliest in ``"low"``, latest in ``"high"``.

        Raises:
            InvalidInputError: For any other scenario name.
        """
        chosen: str = scenario  # a caller's str may hold any name
        if chosen == "low":
            return self.earliest
        if chosen == "high":
            return self.latest
        msg = f"Tranche.on: scenario must be 'low' or 'high', not {scenario!r}"
        raise InvalidInputError(msg)

    def describe(self, lang: Lang = "en") -> str:
        """Render the tranche on one line: kind, amount, date(s), basis."""
        return Text(*_describe_tranche(self)).in_lang(lang)


# Tranche orders: by (earliest, latest), and by (latest, earliest).
_BY_EARLIEST = operator.attrgetter("earliest", "latest")
_BY_LATEST = operator.attrgetter("latest", "earliest")


def _describe_tranche(tranche: Tranche, of: Eur | None = None) -> tuple[str, str]:
    """
    :meth:`Tranche.describe` in English and French, the common part rendered once.

    *of* is the whole instalment when the tranche is the rest of it.
    """
    kind, basis = _KIND_TEXT[tranche.kind], _BASIS_TEXT[tranche.basis]
    when = _range(tranche.earliest, tranche.latest)
    en_rest = "" if of is None else f" (the rest of {of} EUR)"
    fr_rest = "" if of is None else f" (reste de {fr_amount(of)})"
    fr_basis = _basis_fr(tranche.kind, tranche.basis)
    return (
        f"{kind.en} {tranche.amount} EUR{en_rest} {when} ({basis.en})",
        f"{kind.fr} {fr_amount(tranche.amount)}{fr_rest} {when} ({fr_basis})",
    )


@attrs.frozen(kw_only=True)
class Repayment:
    """
    The part of the relay principal one tranche repays, in one scenario.

    Attributes:
        on: The tranche's date in the scenario (it may precede the
            disbursement: the days saved are then 0).
        amount: The part of the principal repaid (positive).
        tranche: The subsidy payment.
    """

    on: date
    amount: Eur
    tranche: Tranche


@attrs.frozen(kw_only=True)
class Scenario:
    """
    One bound of an estimate: when the relay arrives and how the subsidy repays it.

    Attributes:
        name: ``"low"`` (relay at its latest, subsidy at its earliest: the
            least time saved) or ``"high"`` (the reverse: the most).
        disbursed_on: The relay's disbursement date in this scenario.
        first_payment_on: The first subsidy payment's date in this scenario.
        repayments: The tranches that repay the principal, in date order.
        unrepaid: The principal the tranches do not repay (``0.00`` when
            they repay it all).
    """

    name: ScenarioName
    disbursed_on: date
    first_payment_on: date
    repayments: tuple[Repayment, ...]
    unrepaid: Eur

    @property
    def last_payment_on(self) -> date:
        """The date of the last tranche that repays part of the principal."""
        return self.repayments[-1].on


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Bridging(Explained):
    """
    What a relay loan bridges: its disbursement and the subsidy tranches that repay it.

    :func:`bridged_tranches` computes it once for both
    :func:`time_saved` and :func:`~poles_policy.rules.relay.cost.relay_cost`.
    Give either ``checks`` or ``deferred``, a function that builds them when
    they are first read.

    Attributes:
        request_id: The relay request.
        principal: The relay principal (the loan's, else the amount requested).
        disbursement: When the relay arrives.
        tranches: Every subsidy payment still to come, by earliest date.
        low: The low scenario, or ``None`` when the tranches are unknown
            or there is nothing to bridge.
        high: The high scenario, or ``None`` likewise.
        checks: The disbursement's check and the tranches' check (key
            ``relay.timing.tranches``).
    """

    _NAMES: ClassVar = (
        "request_id",
        "principal",
        "disbursement",
        "tranches",
        "low",
        "high",
        "checks",
    )

    request_id: str
    principal: Eur
    disbursement: Disbursement
    tranches: tuple[Tranche, ...]
    low: Scenario | None
    high: Scenario | None
    _checks: tuple[Check, ...] | None = attrs.field(default=None, alias="checks")
    _deferred: Callable[[], tuple[Check, ...]] | None = attrs.field(default=None, alias="deferred")

    def __attrs_post_init__(self) -> None:
        either(self._checks, self._deferred, "a bridging")

    @property
    def checks(self) -> tuple[Check, ...]:
        """The disbursement's check and the tranches' (built on first access when deferred)."""
        checks = self._checks
        return settle(self, "_checks", self._deferred) if checks is None else checks

    @property
    def status(self) -> Status:
        """MET when the tranches are known, else UNKNOWN or NOT_APPLICABLE."""
        return self.checks[-1].status

    @property
    def scenarios(self) -> tuple[Scenario, ...]:
        """The low and high scenarios, or ``()`` when there are none."""
        return tuple(s for s in (self.low, self.high) if s is not None)


_TRANCHES_LABEL = Text("subsidy payments bridged", "versements de subvention relayés")


_ONE_DAY: Final = timedelta(days=1)

# An instalment still expected: kind, amount, earliest and latest date, and where the dates come
# from ("planned" by the schedule, or "estimated" from the letter).
_Expected = tuple[PaymentKind, Eur, date, date, Basis]


def _earliest_of(expected: _Expected) -> date:
    return expected[2]


@attrs.frozen
class _Unpaid:
    """What is left of an aid's instalments once the payments received are set against them."""

    coming: list[Tranche]
    overdue: list[tuple[str, str]]  # each overdue instalment described, in English and French
    overdue_estimated: bool  # an overdue instalment's dates were estimated, not planned
    seen: date  # the last day the record covers: the request, or a later payment received
    moved: int  # estimates moved to the day after the last payment received
    spanning: int  # estimates moved to the day after the request


def _unpaid(expected: Sequence[_Expected], aid: PartnerAid, paid: Decimal, on: date) -> _Unpaid:
    """
    Set the payments received against the instalments in order; return what is left of each.

    None of what is left had arrived by the request on *on* (a payment of that
    day is received), nor by the last payment received when it came later:
    the record shows it had not arrived by then. An instalment whose every
    date is on or before the later of the two days is overdue, and when it
    will come is not known. An estimate spanning that day starts the day
    after it. *paid* is what is set against the instalments: ``aid.paid``,
    already summed.
    """
    left = paid
    floor = None
    for p in aid.payments:
        if p.amount > 0 and (floor is None or p.paid_on > floor):
            floor = p.paid_on
    seen = floor if floor is not None and floor > on else on
    after = seen + _ONE_DAY
    coming: list[Tranche] = []
    overdue: list[tuple[str, str]] = []
    overdue_estimated = False
    moved = spanning = 0
    for kind, amount, expected_earliest, expected_latest, basis in expected:
        covered = min(amount, left)
        left -= covered
        rest = Eur(amount - covered)
        if rest <= 0:
            continue
        if expected_latest <= seen:
            late = Tranche(
                kind=kind,
                amount=rest,
                earliest=expected_earliest,
                latest=expected_latest,
                basis=basis,
            )
            overdue.append(_describe_tranche(late, of=amount if rest < amount else None))
            overdue_estimated = overdue_estimated or basis == "estimated"
            continue
        earliest, latest = expected_earliest, expected_latest
        if earliest < after:
            if seen > on:
                moved += 1
            else:
                spanning += 1
            earliest = after
        coming.append(
            Tranche(kind=kind, amount=rest, earliest=earliest, latest=latest, basis=basis)
        )
    return _Unpaid(
        coming=coming,
        overdue=overdue,
        overdue_estimated=overdue_estimated,
        seen=seen,
        moved=moved,
        spanning=spanning,
    )


def _scheduled(
    aid: PartnerAid, letter: date | None, params: ParameterSet
) -> tuple[list[_Expected], list[Text]] | None:
    """
    The aid agreement's schedule by earliest date, then the rest of the grant it does not plan.

    A dated instalment is *planned* on its date. An undated one keeps its
    amount and takes the dates estimated from the selection letter for an
    instalment of its kind (:func:`~poles_policy.rules.fui.payment_schedule`):
    the advance's window, the intermediate payment's, or the balance's. The
    rest of the grant, when the schedule plans less, is estimated as the
    instalments of the kinds the schedule does not plan, shared in the
    letter's proportions; when it plans every kind, as a balance. Without a
    letter, the rest is left out; ``None`` when an undated instalment needs
    the letter.
    """
    estimate: dict[PaymentKind, EstimatedPayment] = {}
    planned = Eur(sum([s.amount for s in aid.schedule], ZERO))
    undated = any(s.expected_on is None for s in aid.schedule)
    if letter is not None and (undated or planned < aid.granted):
        estimate = {e.kind: e for e in payment_schedule(aid.granted, letter, params)}
    expected: list[_Expected] = []
    for s in aid.schedule:
        if s.expected_on is not None:
            expected.append((s.kind, s.amount, s.expected_on, s.expected_on, "planned"))
        elif not estimate:
            return None
        else:
            e = estimate[s.kind]
            expected.append((s.kind, s.amount, e.earliest, e.latest, "estimated"))
    notes = [_UNDATED] if undated else []
    rest = Eur(aid.granted - planned)
    if rest > 0 and not estimate:
        notes.append(
            Text(
                f"the schedule plans {planned} EUR of the {aid.granted} EUR granted; the rest has "
                "no date without the selection letter and is not counted",
                f"l'échéancier prévoit {fr_amount(planned)} sur les {fr_amount(aid.granted)} "
                "accordés ; sans la lettre de sélection, le reste n'a pas de date et n'est pas "
                "compté",
            )
        )
    expected.sort(key=_earliest_of)
    if rest > 0 and estimate:
        # After the schedule's own instalments, whatever their dates: a payment received pays
        # an instalment the aid agreement plans before the rest it does not.
        expected.extend(
            sorted(_rest_of_grant(rest, {s.kind for s in aid.schedule}, estimate), key=_earliest_of)
        )
        notes.append(
            Text(
                f"the schedule plans {planned} EUR of the {aid.granted} EUR granted; the rest, "
                f"{rest} EUR, is estimated from the selection letter",
                f"l'échéancier prévoit {fr_amount(planned)} sur les {fr_amount(aid.granted)} "
                f"accordés ; le reste, {fr_amount(rest)}, est estimé d'après la lettre de "
                "sélection",
            )
        )
    return expected, notes


def _rest_of_grant(
    rest: Eur, planned: set[PaymentKind], estimate: dict[PaymentKind, EstimatedPayment]
) -> list[_Expected]:
    """*rest* as the estimated instalments of the kinds not *planned*, else as a balance."""
    kinds = [k for k in estimate if k not in planned] or [PaymentKind.BALANCE]
    weights = [estimate[k].amount for k in kinds]
    total_weight = sum(weights, ZERO)
    shares = [
        pro_rata(rest, weight, total_weight) if total_weight > 0 else Eur(ZERO)
        for weight in weights[:-1]
    ]
    shares.append(Eur(rest - sum(shares, ZERO)))  # the last takes what rounding leaves
    return [
        (k, amount, estimate[k].earliest, estimate[k].latest, "estimated")
        for k, amount in zip(kinds, shares, strict=True)
        if amount > 0
    ]


_UNDATED = Text(
    "the schedule's undated instalments are estimated from the selection letter, each in the "
    "window of its kind",
    "les échéances sans date de l'échéancier sont estimées d'après la lettre de sélection, "
    "chacune dans la fenêtre de son type",
)


# The tranches of the applicant's State subsidies, by earliest date; whether the letter date
# is needed and missing; whether a schedule was estimated; notes for the explanation; the facts
# to ask for the instalments overdue, each with the last day its aid's record covers (the request,
# or a later payment received): the instalment comes after it.
_Collected = tuple[list[Tranche], bool, bool, list[Text], list[tuple[Fact, date]]]


def _aid_path(request: RelayRequest, aid: PartnerAid) -> str:
    """The path of *aid* in the case: ``project.aid.0.partners.1``."""
    for i, decision in enumerate(request.project.aid or ()):
        for j, partner in enumerate(decision.partners):
            if partner is aid:
                return f"project.aid.{i}.partners.{j}"
    return "project.aid"  # not reached: *aid* is one of the project's


def _overdue_fact(request: RelayRequest, aid: PartnerAid, unpaid: _Unpaid) -> Fact:
    """Ask when the instalments of *aid* due by the request or a later payment now come."""
    overdue = unpaid.overdue
    en = "; ".join([d[0] for d in overdue])
    fr = " ; ".join([d[1] for d in overdue])
    if unpaid.seen > request.requested_on:
        seen = unpaid.seen.isoformat()
        by = Text(
            f"by {seen}, the day of the last payment received",
            f"au {seen}, jour du dernier versement reçu",
        )
    else:
        by = Text(
            f"by the request of {request.requested_on.isoformat()}",
            f"à la demande du {request.requested_on.isoformat()}",
        )
    if unpaid.overdue_estimated:
        # No dated schedule: the estimate has passed. A schedule gives every instalment a date,
        # or the rest of the grant is estimated again.
        ask = Text(
            "On what date is each payment of this subsidy still to come now expected? Give the "
            "aid's schedule, every instalment dated.",
            "À quelle date chaque versement encore à venir de cette subvention est-il désormais "
            "attendu ? Donnez l'échéancier de l'aide, chaque échéance datée.",
        )
    elif len(overdue) == 1:
        ask = Text("On what date is it expected now?", "À quelle date est-il désormais attendu ?")
    else:
        ask = Text(
            "On what date is each expected now?",
            "À quelle date chacun est-il désormais attendu ?",
        )
    if len(overdue) == 1:
        question = Text(
            f"Expected {by.en}, this payment had not arrived: {en}. {ask.en}",
            f"Attendu {by.fr}, ce versement n'était pas reçu : {fr}. {ask.fr}",
        )
    else:
        question = Text(
            f"Expected {by.en}, these payments had not arrived: {en}. {ask.en}",
            f"Attendus {by.fr}, ces versements n'étaient pas reçus : {fr}. {ask.fr}",
        )
    return Fact(path=f"{_aid_path(request, aid)}.schedule", question=question)


def _collect(aids: Sequence[PartnerAid], request: RelayRequest, params: ParameterSet) -> _Collected:
    on = request.requested_on
    letter = request.project.selection_letter_on
    tranches: list[Tranche] = []
    needs_letter = estimated = False
    notes: list[Text] = []
    asks: list[tuple[Fact, date]] = []
    moved = spanning = 0
    for aid in aids:
        tranches.extend(
            [
                Tranche(
                    kind=None, amount=p.amount, earliest=p.paid_on, latest=p.paid_on, basis="actual"
                )
                for p in aid.payments
                # Received on the request's own day, it is no longer to be received (RELAY.4,
                # as prefinanceable counts it): the relay does not bridge it.
                if p.paid_on > on and p.amount > 0
            ]
        )
        paid = aid.paid
        if aid.granted - paid <= 0:  # aid.remaining: nothing left to receive
            continue
        if aid.schedule:
            scheduled = _scheduled(aid, letter, params)
            if scheduled is None:  # an undated instalment, and no letter to estimate it from
                needs_letter = True
                continue
            expected, plan_notes = scheduled
        elif letter is None:
            needs_letter = True
            continue
        else:
            expected = [
                (p.kind, p.amount, p.earliest, p.latest, "estimated")
                for p in payment_schedule(aid.granted, letter, params)
            ]
            plan_notes = []
        unpaid = _unpaid(expected, aid, paid, on)
        if not (unpaid.coming or unpaid.overdue):
            # Without the letter, every dated instalment is received and the rest of the grant
            # has no date.
            needs_letter = True
            continue
        uses_estimate = unpaid.overdue_estimated or any(
            t.basis == "estimated" for t in unpaid.coming
        )
        estimated = estimated or uses_estimate
        notes.extend([n for n in plan_notes if uses_estimate or n is not _UNDATED])
        tranches.extend(unpaid.coming)
        if unpaid.overdue:
            asks.append((_overdue_fact(request, aid, unpaid), unpaid.seen))
        moved += unpaid.moved
        spanning += unpaid.spanning
    if spanning:
        notes.append(
            Text(
                f"{spanning} instalment(s) still expected dated no earlier than the day after "
                "the request, as none had arrived by then",
                f"{fr_count(spanning, 'échéance attendue datée', 'échéances attendues datées')} "
                "au plus tôt du lendemain de la demande, rien n'étant reçu à cette date",
            )
        )
    if moved:
        notes.append(
            Text(
                f"{moved} instalment(s) still expected dated no earlier than the day after the "
                "last payment received, as they had not arrived by then",
                f"{fr_count(moved, 'échéance attendue datée', 'échéances attendues datées')} "
                "au plus tôt du lendemain du dernier versement reçu, "
                f"{'non reçue' if moved == 1 else 'non reçues'} à cette date",
            )
        )
    tranches.sort(key=_BY_EARLIEST)
    return tranches, needs_letter, estimated, notes, asks


def _scenario(
    name: ScenarioName, disbursed_on: date, ordered: Sequence[Tranche], principal: Eur
) -> Scenario:
    """Repay *principal* from *ordered*: the tranches by date in the scenario, ties by the other."""
    low = name == "low"
    outstanding = principal
    repayments: list[Repayment] = []
    for tranche in ordered:
        if outstanding <= 0:
            break
        part = min(tranche.amount, outstanding)
        on = tranche.earliest if low else tranche.latest
        repayments.append(Repayment(on=on, amount=part, tranche=tranche))
        outstanding = Eur(outstanding - part)
    first = ordered[0]
    return Scenario(
        name=name,
        disbursed_on=disbursed_on,
        first_payment_on=first.earliest if low else first.latest,
        repayments=tuple(repayments),
        unrepaid=outstanding,
    )


def _tranches_check(
    status: Status,
    reason: Text,
    *,
    parameters: tuple[ParameterUse, ...] = (),
    missing: tuple[Fact, ...] = (),
) -> Check:
    return Check(
        key="relay.timing.tranches",
        clauses=("RELAY.4", "RELAY.6"),
        label=_TRANCHES_LABEL,
        status=status,
        reason=reason,
        parameters=parameters,
        missing=missing,
    )


# The tranches' checks that depend on nothing but the case's want of facts or subsidy.
_AID_UNKNOWN = _tranches_check(
    Status.UNKNOWN,
    Text("the project's aid decisions are not known", "les aides du projet sont inconnues"),
    missing=(ASK_AID,),
)
_NO_STATE_SUBSIDY = _tranches_check(
    Status.NOT_APPLICABLE,
    Text(
        "no State subsidy to the applicant: nothing to bridge",
        "aucune subvention de l'État au demandeur : rien à relayer",
    ),
)
_DATES_UNKNOWN = _tranches_check(
    Status.UNKNOWN,
    Text(
        "the dates of the subsidy payments still expected are not known: the schedule does "
        "not date them, and there is no selection letter to estimate them from",
        "les dates des versements de subvention attendus sont inconnues : l'échéancier ne les "
        "date pas, et aucune lettre officielle ne permet de les estimer",
    ),
    missing=(ASK_LETTER,),
)
_RECEIVED_REPAY = Text(
    "the payments received repay the relay; later payments are not needed",
    "les versements reçus remboursent le relais ; les suivants ne sont pas utiles",
)


def _unknown_dates(
    request: RelayRequest, principal: Eur, collected: _Collected
) -> Callable[[], Check] | None:
    """
    The check of tranches whose dates are needed and not known, or ``None`` when they are known.

    An instalment overdue comes after the last day its aid's record covers:
    its date is not needed when the payments received after the request, up
    to that day, repay the principal. Without a letter to estimate from, the
    payments received after the request must repay it. The notes then say so.
    """
    tranches, needs_letter, _, notes, asks = collected
    if not (needs_letter or asks):
        return None
    received = [t for t in tranches if t.basis == "actual"]

    def repaid_by(day: date) -> bool:
        return sum([t.amount for t in received if t.earliest <= day], ZERO) >= principal

    open_asks = [(fact, seen) for fact, seen in asks if not repaid_by(seen)]
    needs_letter = needs_letter and not repaid_by(date.max)
    if not (needs_letter or open_asks):
        notes.append(_RECEIVED_REPAY)
        return None
    if not open_asks:
        return lambda: _DATES_UNKNOWN
    on = request.requested_on
    late = any(seen > on for _, seen in open_asks)
    facts = [fact for fact, _ in open_asks]
    return lambda: _overdue_check(on, needs_letter, facts, late=late)


def _overdue_check(
    on: date,
    needs_letter: bool,  # noqa: FBT001
    asks: Sequence[Fact],
    *,
    late: bool,
) -> Check:
    day = on.isoformat()
    if late:
        reason = Text(
            f"subsidy payments expected by the request of {day}, or by a payment received after "
            "it, had not arrived by then: when they now come is not known",
            f"des versements de subvention attendus à la demande du {day}, ou à un versement reçu "
            "depuis, n'étaient pas reçus à cette date : leur date est désormais inconnue",
        )
    else:
        reason = Text(
            f"subsidy payments expected by the request of {day} had not arrived by then: "
            "when they now come is not known",
            f"des versements de subvention attendus à la demande du {day} n'étaient pas "
            "reçus : leur date est désormais inconnue",
        )
    return _tranches_check(
        Status.UNKNOWN, reason, missing=((ASK_LETTER,) if needs_letter else ()) + tuple(asks)
    )


def _received_in_full(on: date) -> Check:
    day = on.isoformat()
    return _tranches_check(
        Status.NOT_APPLICABLE,
        Text(
            f"the State subsidy was received in full before the request of {day}: nothing to "
            "bridge",
            f"la subvention de l'État était entièrement reçue avant la demande du {day} : rien "
            "à relayer",
        ),
    )


def _bridged_check(
    principal: Eur,
    tranches: Sequence[Tranche],
    notes: Sequence[Text],
    uses: Callable[[], tuple[ParameterUse, ...]],
) -> Check:
    described = [_describe_tranche(t) for t in tranches]
    described.extend([(n.en, n.fr) for n in notes])
    en = "; ".join([d[0] for d in described])
    fr = " ; ".join([d[1] for d in described])
    return _tranches_check(
        Status.MET,
        Text(f"{principal} EUR repaid from: {en}", f"{fr_amount(principal)} remboursés par : {fr}"),
        parameters=uses(),
    )


def _unbridged(
    request: RelayRequest,
    principal: Eur,
    disbursement: Disbursement,
    tranches: Callable[[], Check],
) -> Bridging:
    return Bridging(
        request_id=request.id,
        principal=principal,
        disbursement=disbursement,
        tranches=(),
        low=None,
        high=None,
        deferred=lambda: (disbursement.check, tranches()),
    )


@exact_decimals
def bridged_tranches(
    request: RelayRequest, params: ParameterSet, *, loan: RelayLoan | None = None
) -> Bridging:
    """
    Find when the relay arrives and which subsidy payments repay it (RELAY.4, RELAY.6).

    See the module's description for the sources of each date. The result
    is shared by :func:`time_saved` and
    :func:`~poles_policy.rules.relay.cost.relay_cost`.

    Args:
        request: The relay request.
        params: Policy parameters.
        loan: The loan granted, if known: its disbursement date and principal
            are then used.

    Returns:
        The disbursement, the tranches and the low and high scenarios; the
        scenarios are ``None`` when the applicant's aid or the dates of the
        payments still expected are unknown (UNKNOWN, with the facts to
        ask), or when there is no State subsidy left to bridge
        (NOT_APPLICABLE). The checks are built when first read.

    Raises:
        InvalidInputError: If *loan* answers another request or was
            disbursed before the request.
        ParameterError: If a parameter needed has no value on its date.

    >>> from poles_policy.data.demo import demo_cases
    >>> from poles_policy.parameters import default_parameters
    >>> bridging = bridged_tranches(demo_cases()[20].request, default_parameters())
    >>> bridging.disbursement.earliest, len(bridging.tranches), bridging.tranches[0].amount
    (datetime.date(2009, 4, 14), 3, Decimal('150000.00'))
    """
    expect(request, RelayRequest, "request", "bridged_tranches")
    expect_params(params, "bridged_tranches")
    if loan is not None:
        expect_loan(loan, request, "bridged_tranches")
        principal = loan.principal
    else:
        principal = request.amount
    disbursement = _disbursement(request, params, loan)
    aids = request.project.state_aid_for(request.applicant.id)
    if aids is None:
        return _unbridged(request, principal, disbursement, lambda: _AID_UNKNOWN)
    if not any(a.granted > 0 for a in aids):
        return _unbridged(request, principal, disbursement, lambda: _NO_STATE_SUBSIDY)
    found = _collect(aids, request, params)
    collected, _, estimated, notes, _ = found
    unknown = _unknown_dates(request, principal, found)
    if unknown is not None:
        return _unbridged(request, principal, disbursement, unknown)
    on = request.requested_on
    if not collected:
        return _unbridged(request, principal, disbursement, lambda: _received_in_full(on))
    tranches = tuple(collected)
    # _collect sorts the tranches by earliest date: the low scenario's order.
    low = _scenario("low", disbursement.latest, tranches, principal)
    if disbursement.earliest == disbursement.latest and all(
        t.earliest == t.latest for t in tranches
    ):
        # Every date is a single day: the high scenario is the low one, and
        # shares its repayments (the cost and the weights are computed once).
        high = Scenario(
            name="high",
            disbursed_on=low.disbursed_on,
            first_payment_on=low.first_payment_on,
            repayments=low.repayments,
            unrepaid=low.unrepaid,
        )
    else:
        high = _scenario("high", disbursement.earliest, sorted(tranches, key=_BY_LATEST), principal)
    letter = request.project.selection_letter_on

    def uses() -> tuple[ParameterUse, ...]:
        if estimated and letter is not None:
            return params.uses(letter, *SCHEDULE_PARAMETERS)
        return ()

    return Bridging(
        request_id=request.id,
        principal=principal,
        disbursement=disbursement,
        tranches=tranches,
        low=low,
        high=high,
        deferred=lambda: (
            disbursement.check,
            _bridged_check(principal, _repaying(tranches, low, high), notes, uses),
        ),
    )


def _repaying(tranches: tuple[Tranche, ...], low: Scenario, high: Scenario) -> tuple[Tranche, ...]:
    """The tranches that repay part of the relay in either scenario; all of them if none does."""
    used = {id(r.tranche) for r in (*low.repayments, *high.repayments)}
    return tuple(t for t in tranches if id(t) in used) or tranches


# --- the time saved ----------------------------------------------------------------------------


def _saving(disbursed_on: date, paid_on: date) -> Duration:
    # Never negative: a relay that arrives on or after the subsidy saves nothing.
    return duration(disbursed_on, max(paid_on, disbursed_on))


def _tenths(numerator: int, denominator: int) -> Decimal:
    """Round the non-negative exact value numerator / denominator to 0.1, halves up."""
    # floor(n / d x 10 + 1/2), in integers.
    return Decimal((20 * numerator + denominator) // (2 * denominator)).scaleb(-1)


def _weighted_days(scenario: Scenario) -> tuple[int, int]:
    """
    Return the amount-weighted days saved as an exact ratio of integers.

    The amounts are scaled to a common integer unit (cents, for euro
    amounts), so the weighted sum and the total repaid are exact integers:
    the same value as summing the amounts as fractions.
    """
    disbursed_on = scenario.disbursed_on
    ratios = [r.amount.as_integer_ratio() for r in scenario.repayments]
    scale = math.lcm(*[d for _, d in ratios])
    weighted = repaid = 0
    for (numerator, denominator), r in zip(ratios, scenario.repayments, strict=True):
        weight = numerator * (scale // denominator)
        repaid += weight
        days = (r.on - disbursed_on).days
        if days > 0:
            weighted += weight * days
    return weighted, repaid


@attrs.frozen(kw_only=True, eq=False, repr=False)
class TimeSaved(Explained):
    """
    The time a relay loan saves on the State subsidy (RELAY.6).

    The figures are ``None`` when they cannot be computed: facts missing
    (:attr:`status` UNKNOWN, :attr:`missing` lists them) or nothing to bridge
    (NOT_APPLICABLE). For actual and planned dates the low and high figures
    are equal.

    Attributes:
        request_id: The relay request.
        on: The request date, at which the relay parameters were read.
        principal: The relay principal.
        basis: The least certain of the dates behind the headline figure
            (disbursement and first payment): ``"actual"``, ``"planned"`` or
            ``"estimated"``; ``None`` without a figure.
        first_payment_basis: The basis of the first subsidy payment.
        first_payment_earliest: The first subsidy payment's date (low scenario).
        first_payment_latest: Its date in the high scenario.
        saving_low: Time saved in the low scenario, from the disbursement to
            the first payment, floored at zero (a zero duration starting at
            the disbursement).
        saving_high: Time saved in the high scenario, likewise.
        after_subsidy: True when the relay arrives on or after the first
            subsidy payment (in the low scenario, for a range: see
            :attr:`days_high` for whether it may still save time).
        weighted_days_low: Amount-weighted days saved, low scenario, to 0.1 day.
        weighted_days_high: The same, high scenario.
        weighted_months_low: Amount-weighted decimal months, low scenario,
            to 0.1 month.
        weighted_months_high: The same, high scenario.
        weighted_basis: The least certain of the dates behind the weighted
            figure.
        promise: ``"inside"``, ``"below"``, ``"above"`` or ``"partly"``
            compared with the promised 6 to 9 months; ``None`` without a
            figure, or when no promise is in force on the request date
            (before the pilot: the check is then NOT_APPLICABLE).
        bridging: The disbursement and tranches the figures come from.
        checks: Every figure explained (RELAY.6), with the parameters read.

    Give either ``checks`` or ``deferred``, a function that builds them when
    they are first read.

    With the loan's actual dates, the low and high figures are equal:

    >>> from poles_policy.data.demo import demo_cases
    >>> from poles_policy.parameters import default_parameters
    >>> case = demo_cases()[0]
    >>> saved = time_saved(case.request, default_parameters(), loan=case.loan)
    >>> saved.basis, saved.days_low, saved.months_low, saved.promise
    ('actual', 203, (6, 19), 'inside')
    """

    _NAMES: ClassVar = (
        "request_id",
        "on",
        "principal",
        "basis",
        "first_payment_basis",
        "first_payment_earliest",
        "first_payment_latest",
        "saving_low",
        "saving_high",
        "after_subsidy",
        "weighted_days_low",
        "weighted_days_high",
        "weighted_months_low",
        "weighted_months_high",
        "weighted_basis",
        "promise",
        "bridging",
        "checks",
    )

    request_id: str
    on: date
    principal: Eur
    basis: Basis | None
    first_payment_basis: Basis | None
    first_payment_earliest: date | None
    first_payment_latest: date | None
    saving_low: Duration | None
    saving_high: Duration | None
    after_subsidy: bool | None
    weighted_days_low: Decimal | None
    weighted_days_high: Decimal | None
    weighted_months_low: Decimal | None
    weighted_months_high: Decimal | None
    weighted_basis: Basis | None
    promise: Promise | None
    bridging: Bridging
    _checks: tuple[Check, ...] | None = attrs.field(default=None, alias="checks")
    _deferred: Callable[[], tuple[Check, ...]] | None = attrs.field(default=None, alias="deferred")

    def __attrs_post_init__(self) -> None:
        either(self._checks, self._deferred, "a time saved")

    @property
    def checks(self) -> tuple[Check, ...]:
        """Every figure explained (built on first access when deferred)."""
        checks = self._checks
        return settle(self, "_checks", self._deferred) if checks is None else checks

    @property
    def disbursed_earliest(self) -> date:
        """The relay's earliest disbursement date."""
        return self.bridging.disbursement.earliest

    @property
    def disbursed_latest(self) -> date:
        """The relay's latest disbursement date."""
        return self.bridging.disbursement.latest

    @property
    def disbursement_basis(self) -> Literal["actual", "estimated"]:
        """``"actual"`` with a loan's date, else ``"estimated"``."""
        return self.bridging.disbursement.basis

    @property
    def days_low(self) -> int | None:
        """Exact days saved, low scenario."""
        return None if self.saving_low is None else self.saving_low.days

    @property
    def days_high(self) -> int | None:
        """Exact days saved, high scenario."""
        return None if self.saving_high is None else self.saving_high.days

    @property
    def months_low(self) -> tuple[int, int] | None:
        """Calendar months and days saved, low scenario."""
        return None if self.saving_low is None else self.saving_low.months_and_days

    @property
    def months_high(self) -> tuple[int, int] | None:
        """Calendar months and days saved, high scenario."""
        return None if self.saving_high is None else self.saving_high.months_and_days

    @property
    def decimal_months_low(self) -> Decimal | None:
        """Decimal months saved (days x 12 / 365.25, one decimal), low scenario."""
        return None if self.saving_low is None else self.saving_low.decimal_months

    @property
    def decimal_months_high(self) -> Decimal | None:
        """Decimal months saved, high scenario."""
        return None if self.saving_high is None else self.saving_high.decimal_months

    @property
    def status(self) -> Status:
        """The status of the headline figure (check ``relay.timing.saved``)."""
        if self._checks is None and self.saving_high is not None:
            # What the deferred check will say: a relay on or after the subsidy saves nothing.
            return Status.NOT_MET if self.saving_high.days == 0 else Status.MET
        return self.check("relay.timing.saved").status

    @property
    def missing(self) -> tuple[Fact, ...]:
        """The facts still needed, in asking order, each once."""
        if self._checks is None and self.saving_high is not None:
            # Only the tranches' check asks for facts, and only when there are no figures.
            return ()
        return missing_facts(self.checks)

    def check(self, key: str) -> Check:
        """
        Return the check named *key*.

        Raises:
            KeyError: If there is no such check.
        """
        return find_check(self.checks, key, owner="time saved")

    def explain(self, lang: Lang = "en", *, sources: bool = False) -> str:
        """Render the figures, each check with its parameters, and the facts to provide."""
        title = "Temps gagné par le relais" if lang == "fr" else "Time saved by the relay"
        on = "demande du" if lang == "fr" else "request of"
        colon = " :" if lang == "fr" else ":"
        head = f"{title} — {self.request_id}, {on} {self.on.isoformat()}{colon}"
        return render_account(f"{head} {self._headline(lang)}", self.checks, lang, sources=sources)

    def _headline(self, lang: Lang) -> str:
        if self.saving_low is None or self.saving_high is None or self.basis is None:
            return figure_status(self.status).in_lang(lang)
        basis = _BASIS_TEXT[self.basis].in_lang(lang)
        if self.saving_low == self.saving_high or self.days_low == self.days_high:
            return f"{self.saving_low.describe(lang)}, {basis}"
        to = "à" if lang == "fr" else "to"
        return f"{self.saving_low.describe(lang)} {to} {self.saving_high.describe(lang)}, {basis}"


def _classify(months: tuple[int, int], low: int, high: int) -> Promise:
    if months < (low, 0):
        return "below"
    if months > (high, 0):
        return "above"
    return "inside"


_SAVED_LABEL = Text("time saved to the first subsidy payment", "temps gagné sur le 1er versement")
_WEIGHTED_LABEL = Text("amount-weighted time saved", "temps gagné pondéré par les montants")
# Without the promise's bounds (no figures, or no promise in force), the label names none.
_PROMISE_LABEL = Text("within the promised gain", "dans le gain promis")


def _promise_label(low: int, high: int) -> Text:
    """The promise check's label with the bounds in force: 6 to 9 months under the text."""
    return Text(
        f"within the promised {low} to {high} months", f"dans les {low} à {high} mois promis"
    )


_PROMISE_TEXT: dict[Promise, Text] = {
    "inside": Text("inside", "dans"),
    "below": Text("below", "en deçà de"),
    "above": Text("above", "au-delà de"),
    "partly": Text("partly inside", "en partie dans"),
}


def _figures(low: Duration, high: Duration) -> Text:
    """The savings in words, once per language: one figure, or a range."""
    if low.days == high.days and low.months_and_days == high.months_and_days:
        return Text(low.describe("en"), low.describe("fr"))
    return Text(
        f"{low.describe('en')} to {high.describe('en')}",
        f"{low.describe('fr')} à {high.describe('fr')}",
    )


_FACTS_MISSING = Text("facts missing (see above)", "faits manquants (voir plus haut)")
_NOTHING_TO_BRIDGE = Text("nothing to bridge (see above)", "rien à relayer (voir plus haut)")


def _no_figures(status: Status) -> tuple[Check, Check, Check]:
    reason = _FACTS_MISSING if status is Status.UNKNOWN else _NOTHING_TO_BRIDGE

    def check(key: str, label: Text) -> Check:
        return Check(key=key, clauses=("RELAY.6",), label=label, status=status, reason=reason)

    return (
        check("relay.timing.saved", _SAVED_LABEL),
        check("relay.timing.weighted", _WEIGHTED_LABEL),
        check("relay.timing.promise", _PROMISE_LABEL),
    )


# Without figures, the three figures' checks only say why: the same for every case.
_NO_FIGURES = {status: _no_figures(status) for status in (Status.UNKNOWN, Status.NOT_APPLICABLE)}


def _saved_check(  # noqa: PLR0913 - the scenarios with their savings, computed once
    low: Scenario,
    high: Scenario,
    first_basis: Basis,
    *,
    saving_low: Duration,
    saving_high: Duration,
    figures: Text,
) -> Check:
    paid = _range(low.first_payment_on, high.first_payment_on)
    relay = _range(high.disbursed_on, low.disbursed_on)
    if saving_high.days == 0:
        return Check(
            key="relay.timing.saved",
            clauses=("RELAY.6",),
            label=_SAVED_LABEL,
            status=Status.NOT_MET,
            reason=Text(
                f"the relay ({relay}) arrives on or after the first subsidy payment ({paid}): "
                "no time saved",
                f"le relais ({relay}) arrive le jour du premier versement de la subvention "
                f"({paid}) ou après : aucun temps gagné",
            ),
        )
    basis = _BASIS_TEXT[first_basis]
    en = f"relay {relay}, first subsidy payment {paid} ({basis.en}): {figures.en}"
    fr = f"relais {relay}, premier versement {paid} ({basis.fr}) : {figures.fr}"
    if saving_low.days == 0:
        en += "; in the low scenario the relay arrives on or after the subsidy: nothing saved"
        fr += (
            " ; dans l'hypothèse basse le relais arrive avec ou après la subvention : rien de gagné"
        )
    return Check(
        key="relay.timing.saved",
        clauses=("RELAY.6",),
        label=_SAVED_LABEL,
        status=Status.MET,
        reason=Text(en, fr),
    )


# Amount-weighted days and decimal months saved: low, then high.
_Weighted = tuple[Decimal, Decimal, Decimal, Decimal]


def _weighted(low: Scenario, high: Scenario) -> _Weighted:
    weighted_low, repaid_low = _weighted_days(low)
    days_low = _tenths(weighted_low, repaid_low)
    # Decimal months: days x 12 / 365.25 = days x 48 / 1461.
    months_low = _tenths(48 * weighted_low, 1461 * repaid_low)
    if high.repayments is low.repayments and high.disbursed_on == low.disbursed_on:
        return days_low, days_low, months_low, months_low
    weighted_high, repaid_high = _weighted_days(high)
    days_high = _tenths(weighted_high, repaid_high)
    months_high = _tenths(48 * weighted_high, 1461 * repaid_high)
    return days_low, days_high, months_low, months_high


def _weighted_check(low: Scenario, weighted: _Weighted, loan: RelayLoan | None) -> Check:
    days_low, days_high, months_low, months_high = weighted
    repaid_en, repaid_fr = [], []
    out = low.disbursed_on
    for r in low.repayments:
        amount, day = r.amount, r.on.isoformat()
        if r.on < out:
            # A payment that came before the relay repays it as soon as it is lent: no time saved.
            lent = out.isoformat()
            repaid_en.append(
                f"{amount} EUR on {lent} (from the payment of {day}, before the relay)"
            )
            repaid_fr.append(
                f"{fr_amount(amount)} le {lent} (par le versement du {day}, antérieur au relais)"
            )
            continue
        repaid_en.append(f"{amount} EUR on {day}")
        repaid_fr.append(f"{fr_amount(amount)} le {day}")
    parts_en, parts_fr = ", ".join(repaid_en), ", ".join(repaid_fr)
    if days_low == days_high:
        figures_en = f"{days_low} days ({months_low} months)"
        figures_fr = f"{fr_number(days_low)} {_jours(days_low)} ({fr_number(months_low)} mois)"
    else:
        figures_en = f"{days_low} to {days_high} days ({months_low} to {months_high} months)"
        figures_fr = (
            f"{fr_number(days_low)} à {fr_number(days_high)} {_jours(days_high)} "
            f"({fr_number(months_low)} à {fr_number(months_high)} mois)"
        )
    en = f"principal repaid {parts_en} (low scenario): {figures_en}"
    fr = f"principal remboursé {parts_fr} (hypothèse basse) : {figures_fr}"
    if low.unrepaid > 0:
        en += f"; {low.unrepaid} EUR not repaid by the subsidy is left out of the weights"
        fr += f" ; {fr_amount(low.unrepaid)} non remboursés par la subvention sont hors pondération"
    if loan is not None and not loan.repaid_from_subsidy:
        if loan.repaid_on is None:
            when_en, when_fr = "on a date not known", "à une date inconnue"
        else:
            day = loan.repaid_on.isoformat()
            when_en, when_fr = f"on {day}", f"le {day}"
        en += (
            f"; the loan is not repaid from the subsidy but in one go {when_en}: the weights "
            "are the subsidy payments the principal stands in for, as if they repaid it, not "
            "the loan's own repayment"
        )
        fr += (
            f" ; le prêt n'est pas remboursé par la subvention mais en une fois {when_fr} : "
            "les poids sont les versements que le principal remplace, comme s'ils le "
            "remboursaient, non le remboursement du prêt lui-même"
        )
    return Check(
        key="relay.timing.weighted",
        clauses=("RELAY.6",),
        label=_WEIGHTED_LABEL,
        status=Status.MET,
        reason=Text(en, fr),
    )


_STRADDLES = Text(", the range straddling a bound", ", la fourchette chevauchant une borne")
_NOTHING = Text("", "")
_PROMISE_STATUS: dict[Promise, Status] = {
    "inside": Status.MET,
    "below": Status.NOT_MET,
    "above": Status.NOT_MET,
    "partly": Status.UNKNOWN,
}
_PROMISE_LOW = "relay.promised_gain_months.low"
_PROMISE_HIGH = "relay.promised_gain_months.high"


def _promised(value: DatedValue, name: str, on: date) -> int:
    # _count's check, on a value already read.
    promised = value.value
    if isinstance(promised, bool) or not isinstance(promised, int):
        msg = f"{name}: {promised!r} on {on.isoformat()} is not a whole number"
        raise ParameterError(msg)
    return promised


def promised_gain(params: ParameterSet, on: date) -> tuple[int, int] | None:
    """
    Return the gain promised on *on*, in calendar months from low to high (RELAY.6).

    ``relay.promised_gain_months.low`` and ``.high``: 6 and 9 under the
    text. ``None`` when no promise is in force (before the relay pilot).

    Raises:
        ParameterError: If a bound is not a whole number, or the low bound
            is above the high one (a reform that moved one bound only).
        WrongTypeError: If *params* is not a parameter set or *on* not a date.

    >>> from poles_policy.parameters import default_parameters
    >>> promised_gain(default_parameters(), date(2009, 3, 16))
    (6, 9)
    """
    expect_params(params, "promised_gain")
    low_value = params.at(_PROMISE_LOW, on)
    high_value = None if low_value is None else params.at(_PROMISE_HIGH, on)
    if low_value is None or high_value is None:
        return None
    low = _promised(low_value, _PROMISE_LOW, on)
    high = _promised(high_value, _PROMISE_HIGH, on)
    if low > high:
        msg = (
            f"{_PROMISE_LOW} ({low}) is above {_PROMISE_HIGH} ({high}) on {on.isoformat()}: "
            "the promised gain runs from the low bound to the high one"
        )
        raise ParameterError(msg)
    return low, high


def _promise(
    saving_low: Duration, saving_high: Duration, on: date, params: ParameterSet
) -> tuple[Promise, int, int] | None:
    """Compare the savings with the promise in force on *on*, if any (with its bounds)."""
    bounds = promised_gain(params, on)
    if bounds is None:
        return None
    low, high = bounds
    class_low = _classify(saving_low.months_and_days, low, high)
    class_high = _classify(saving_high.months_and_days, low, high)
    return (class_low if class_low == class_high else "partly"), low, high


def _promise_check(
    compared: tuple[Promise, int, int] | None, figures: Text, on: date, params: ParameterSet
) -> Check:
    if compared is None:
        day = on.isoformat()
        return Check(
            key="relay.timing.promise",
            clauses=("RELAY.6",),
            label=_PROMISE_LABEL,
            status=Status.NOT_APPLICABLE,
            reason=Text(
                f"no promised gain in force on {day} (before the relay pilot)",
                f"aucun gain promis en vigueur le {day} (avant l'expérimentation)",
            ),
        )
    promise, low, high = compared
    text = _PROMISE_TEXT[promise]
    straddles = _STRADDLES if promise == "partly" else _NOTHING
    return Check(
        key="relay.timing.promise",
        clauses=("RELAY.6",),
        label=_promise_label(low, high),
        status=_PROMISE_STATUS[promise],
        reason=Text(
            f"{figures.en}: {text.en} the promised {low} months "
            f"0 days to {high} months 0 days{straddles.en} (calendar months and days compared)",
            f"{figures.fr} : {text.fr} la fourchette promise de "
            f"{low} mois 0 jour à {high} mois 0 jour{straddles.fr} (comparaison en mois "
            "calendaires et jours)",
        ),
        parameters=params.uses(on, _PROMISE_LOW, _PROMISE_HIGH),
    )


@exact_decimals
def time_saved(
    request: RelayRequest, params: ParameterSet, *, loan: RelayLoan | None = None
) -> TimeSaved:
    """
    Compute the time a relay loan saves on the State subsidy (RELAY.6).

    See the module's description for every convention: where each date
    comes from, the low and high scenarios, the amount-weighted figure and
    the comparison with the promised 6 to 9 months.

    Args:
        request: The relay request (its date is when the relay parameters
            are read).
        params: Policy parameters.
        loan: The loan granted, if known (actual disbursement date and
            principal).

    Returns:
        The figures and their checks, keys ``relay.timing.disbursement``,
        ``relay.timing.tranches``, ``relay.timing.saved``,
        ``relay.timing.weighted`` and ``relay.timing.promise``, all citing
        RELAY.6. The checks are built when first read.

    Raises:
        InvalidInputError: If *loan* answers another request or was
            disbursed before the request.
        ParameterError: If a parameter needed has no value on its date.

    Without a loan the dates are estimated, so the figure is a range:

    >>> from poles_policy.data.demo import demo_cases
    >>> from poles_policy.parameters import default_parameters
    >>> saved = time_saved(demo_cases()[20].request, default_parameters())  # 2009-03-16
    >>> saved.basis, saved.months_low, saved.months_high, saved.promise
    ('estimated', (4, 19), (7, 18), 'partly')
    """
    expect(request, RelayRequest, "request", "time_saved")
    expect_params(params, "time_saved")
    if loan is not None:
        expect_loan(loan, request, "time_saved")
    bridging = bridged_tranches(request, params, loan=loan)
    on = request.requested_on
    low, high = bridging.low, bridging.high
    if low is None or high is None:
        return TimeSaved(
            request_id=request.id,
            on=on,
            principal=bridging.principal,
            basis=None,
            first_payment_basis=None,
            first_payment_earliest=None,
            first_payment_latest=None,
            saving_low=None,
            saving_high=None,
            after_subsidy=None,
            weighted_days_low=None,
            weighted_days_high=None,
            weighted_months_low=None,
            weighted_months_high=None,
            weighted_basis=None,
            promise=None,
            bridging=bridging,
            deferred=lambda: (*bridging.checks, *_NO_FIGURES[bridging.status]),
        )
    disbursement = bridging.disbursement
    first_basis = _least_certain(
        (low.repayments[0].tranche.basis, high.repayments[0].tranche.basis)
    )
    saving_low = _saving(low.disbursed_on, low.first_payment_on)
    saving_high = (
        saving_low
        if (high.disbursed_on, high.first_payment_on) == (low.disbursed_on, low.first_payment_on)
        else _saving(high.disbursed_on, high.first_payment_on)
    )
    weighted = _weighted(low, high)
    days_low, days_high, months_low, months_high = weighted
    compared = _promise(saving_low, saving_high, on, params)
    repayments = (
        low.repayments if high.repayments is low.repayments else low.repayments + high.repayments
    )

    def build() -> tuple[Check, ...]:
        figures = _figures(saving_low, saving_high)
        return (
            *bridging.checks,
            _saved_check(
                low,
                high,
                first_basis,
                saving_low=saving_low,
                saving_high=saving_high,
                figures=figures,
            ),
            _weighted_check(low, weighted, loan),
            _promise_check(compared, figures, on, params),
        )

    return TimeSaved(
        request_id=request.id,
        on=on,
        principal=bridging.principal,
        basis=_least_certain((disbursement.basis, first_basis)),
        first_payment_basis=first_basis,
        first_payment_earliest=low.first_payment_on,
        first_payment_latest=high.first_payment_on,
        saving_low=saving_low,
        saving_high=saving_high,
        after_subsidy=saving_low.days == 0,
        weighted_days_low=days_low,
        weighted_days_high=days_high,
        weighted_months_low=months_low,
        weighted_months_high=months_high,
        weighted_basis=_least_certain([disbursement.basis, *[r.tranche.basis for r in repayments]]),
        promise=None if compared is None else compared[0],
        bridging=bridging,
        deferred=build,
    )


def _jours(days: Decimal) -> str:
    # French keeps the singular below two: "1,5 jour", "2,0 jours".
    return "jour" if abs(days) < 2 else "jours"
