"""
EU SME status (Commission Recommendation 2003/361/EC of 6 May 2003).

SMEs (PME, petites et moyennes entreprises) are the priority beneficiaries of
relay financing ("tout spécialement les PME", RELAY.2) and get a higher FUI
aid rate. This module classes an enterprise as micro, small, medium or large
from its staff (annual work units), turnover and balance-sheet total, adding
its partner enterprises pro rata and its linked enterprises in full, and
excluding enterprises held 25 % or more by public bodies. Every threshold is
a dated parameter (``sme.*``) read at the case's own date.
"""

from __future__ import annotations

import enum
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from poles_policy.exceptions import ParameterError
from poles_policy.explain import (
    Check,
    Decision,
    Fact,
    Lang,
    Outcome,
    ParameterUse,
    Status,
    Text,
)
from poles_policy.money import Eur, rate_of, round_cents

if TYPE_CHECKING:
    from collections.abc import Sequence

    from poles_policy.model.actors import Accounts, Enterprise, RelatedEnterprise
    from poles_policy.parameters import ParameterSet

__all__ = ["PeriodFigures", "SizeClass", "SmeResult", "sme_status"]

RULE = "eu.sme_status"
_CLAUSES = ("RELAY.2",)
_TITLE = Text(
    "EU SME status (Recommendation 2003/361/EC)",
    "Statut de PME au sens de l'UE (recommandation 2003/361/CE)",
)


class SizeClass(enum.Enum):
    """The size classes of the Recommendation, smallest first."""

    MICRO = "micro"
    SMALL = "small"
    MEDIUM = "medium"
    LARGE = "large"
    """Above the SME ceilings: not an SME."""

    @property
    def rank(self) -> int:
        """0 for MICRO up to 3 for LARGE: a larger rank is a larger enterprise."""
        return _RANK[self]

    @property
    def label(self) -> Text:
        """The class in English and French."""
        return _LABEL[self]

    @property
    def is_sme(self) -> bool:
        """True for MICRO, SMALL and MEDIUM."""
        return self is not SizeClass.LARGE


_RANK = {SizeClass.MICRO: 0, SizeClass.SMALL: 1, SizeClass.MEDIUM: 2, SizeClass.LARGE: 3}
_LABEL = {
    SizeClass.MICRO: Text("micro", "micro-entreprise"),
    SizeClass.SMALL: Text("small", "petite entreprise"),
    SizeClass.MEDIUM: Text("medium-sized", "moyenne entreprise"),
    SizeClass.LARGE: Text("large", "grande entreprise"),
}
_SME_CLASSES = (SizeClass.MICRO, SizeClass.SMALL, SizeClass.MEDIUM)


@attrs.frozen(kw_only=True)
class PeriodFigures:
    """
    The aggregated figures of one closed accounting period and its size class.

    Attributes:
        period_end: The closing date of the enterprise's period.
        staff_awu: Its staff plus its partners' pro rata and its linked
            enterprises' in full, in annual work units (exact, not rounded).
        turnover: Turnover aggregated the same way (each partner's share
            rounded once to the cent).
        balance_sheet: Balance-sheet total aggregated the same way.
        size: The class these figures alone give.
    """

    period_end: date
    staff_awu: Decimal
    turnover: Eur
    balance_sheet: Eur
    size: SizeClass


@attrs.frozen(kw_only=True)
class SmeResult:
    """
    The SME status of an enterprise on a date, with its explanation.

    Attributes:
        size: The size class after the consecutive-periods rule, or ``None``
            when the figures are missing.
        is_sme: True for an SME, False when it is not one (too large, or held
            25 % or more by public bodies, whatever its size), ``None`` when
            facts are missing.
        periods: The aggregated figures of each closed period used, oldest
            first (empty when they could not be computed).
        decision: The checks: ELIGIBLE means *is an SME*, INELIGIBLE *is not*,
            UNDETERMINED *facts missing*.
    """

    size: SizeClass | None
    is_sme: bool | None
    periods: tuple[PeriodFigures, ...]
    decision: Decision


@attrs.frozen(kw_only=True)
class _Ceiling:
    staff_below: Decimal
    turnover_max: Decimal
    balance_sheet_max: Decimal

    def holds(self, staff: Decimal, turnover: Decimal, balance_sheet: Decimal) -> bool:
        financial = turnover <= self.turnover_max or balance_sheet <= self.balance_sheet_max
        return staff < self.staff_below and financial


@attrs.frozen(kw_only=True)
class _Thresholds:
    ceilings: tuple[tuple[SizeClass, _Ceiling], ...]
    partner_share_min: Decimal
    linked_share_above: Decimal
    public_bodies_share_min: Decimal
    consecutive_periods: int
    uses: dict[str, ParameterUse]

    def size(self, staff: Decimal, turnover: Decimal, balance_sheet: Decimal) -> SizeClass:
        for size, ceiling in self.ceilings:
            if ceiling.holds(staff, turnover, balance_sheet):
                return size
        return SizeClass.LARGE

    def used(self, *names: str) -> tuple[ParameterUse, ...]:
        return tuple(self.uses[n] for n in names)


_CEILING_NAMES = tuple(
    f"sme.{size.value}.{field}"
    for size in _SME_CLASSES
    for field in ("staff_below", "turnover_max", "balance_sheet_max")
)


def _read(params: ParameterSet, on: date) -> _Thresholds:
    uses: dict[str, ParameterUse] = {}

    def decimal(name: str) -> Decimal:
        value = params.require(name, on).value
        use = params.use(name, on)
        if not isinstance(value, Decimal) or use is None:
            msg = f"{name}: {value!r} on {on.isoformat()} is not a decimal value"
            raise ParameterError(msg)
        uses[name] = use
        return value

    ceilings = tuple(
        (
            size,
            _Ceiling(
                staff_below=decimal(f"sme.{size.value}.staff_below"),
                turnover_max=decimal(f"sme.{size.value}.turnover_max"),
                balance_sheet_max=decimal(f"sme.{size.value}.balance_sheet_max"),
            ),
        )
        for size in _SME_CLASSES
    )
    periods = params.require("sme.consecutive_periods", on).value
    periods_use = params.use("sme.consecutive_periods", on)
    if isinstance(periods, bool) or not isinstance(periods, int) or periods < 1 or not periods_use:
        msg = f"sme.consecutive_periods: {periods!r} on {on.isoformat()} is not a count >= 1"
        raise ParameterError(msg)
    uses["sme.consecutive_periods"] = periods_use
    return _Thresholds(
        ceilings=ceilings,
        partner_share_min=decimal("sme.partner_share_min"),
        linked_share_above=decimal("sme.linked_share_above"),
        public_bodies_share_min=decimal("sme.public_bodies_share_min"),
        consecutive_periods=periods,
        uses=uses,
    )


def sme_status(enterprise: Enterprise, on: date, params: ParameterSet) -> SmeResult:
    """
    Class *enterprise* as micro, small, medium or large on *on* (RELAY.2).

    Five checks, all evaluated, in this order (also the order of the facts
    the decision asks for):

    1. closed accounts are available: the periods closed on or before *on*
       (when there are none, the decision asks for the last two);
    2. partner and linked enterprises are added: a holding from
       ``sme.partner_share_min`` (25 %) to ``sme.linked_share_above`` (50 %)
       in either direction makes a partner, added pro rata; above it, a
       linked enterprise, added in full; an exempt investor (public
       investment corporation, venture capital, business angel, university,
       institutional investor) holding up to the linked threshold is not
       counted, nor is a holding below the partner threshold. For each of
       the enterprise's periods, a related enterprise's latest period
       closed on or before it is used;
    3. less than ``sme.public_bodies_share_min`` (25 %) is held by public
       bodies (otherwise not an SME, whatever its size);
    4. the size class of each period (information only): staff below the
       class ceiling AND (turnover or balance-sheet total within its
       ceiling);
    5. the consecutive-periods rule: the class changes only when a ceiling
       is crossed ``sme.consecutive_periods`` (2) periods running. The
       first period's class is the starting point (the status before it is
       not known); with a single period, its class is used and the decision
       says so.

    Outcome mapping: the decision is ELIGIBLE when the enterprise IS an
    SME, INELIGIBLE when it is NOT one (large, or held by public bodies),
    UNDETERMINED when facts are missing, with :attr:`Decision.missing`
    listing them.

    Args:
        enterprise: The enterprise, with its accounts and related enterprises.
        on: The case's date; only periods closed on or before it are used,
            and every threshold is read at it.
        params: The parameter set (``sme.*``).

    Returns:
        The size class, whether it is an SME, the aggregated figures of each
        period and the decision.

    Raises:
        ParameterError: If an ``sme.*`` parameter has no value on *on*.
        UnknownParameterError: If the set lacks an ``sme.*`` parameter.
    """
    thresholds = _read(params, on)
    periods = tuple(a for a in enterprise.accounts if a.period_end <= on)
    accounts_check = _accounts_check(enterprise, periods, on)
    aggregation = _aggregate(enterprise, periods, thresholds)
    public_check = _public_bodies_check(enterprise, thresholds)
    figures = aggregation.figures
    thresholds_check = _thresholds_check(figures, thresholds)
    size = _consecutive(figures, thresholds.consecutive_periods) if figures else None
    consecutive_check = _consecutive_check(figures, size, thresholds)
    decision = Decision(
        rule=RULE,
        title=_TITLE,
        subject=f"{enterprise.name} ({enterprise.id})",
        on=on,
        checks=(
            accounts_check,
            aggregation.check,
            public_check,
            thresholds_check,
            consecutive_check,
        ),
    )
    outcome = decision.outcome
    is_sme = None if outcome is Outcome.UNDETERMINED else outcome is Outcome.ELIGIBLE
    return SmeResult(size=size, is_sme=is_sme, periods=figures, decision=decision)


# --- 1. accounts -------------------------------------------------------------------------------

_ACCOUNTS_FACT = Fact(
    path="enterprise.accounts",
    question=Text(
        "What were the enterprise's staff (annual work units), turnover and balance-sheet "
        "total in its last two closed accounting periods?",
        "Quels étaient l'effectif (en unités de travail annuel), le chiffre d'affaires et le "
        "total du bilan de l'entreprise lors de ses deux derniers exercices clos ?",
    ),
)


def _accounts_check(enterprise: Enterprise, periods: Sequence[Accounts], on: date) -> Check:
    label = Text("closed accounts available", "comptes clos disponibles")
    later = len(enterprise.accounts) - len(periods)
    after = (
        Text(
            f"; {later} period(s) closing after {on.isoformat()} not used",
            f" ; {later} exercice(s) clos après le {on.isoformat()} non pris en compte",
        )
        if later
        else Text("", "")
    )
    if not periods:
        return Check(
            key="sme.accounts",
            clauses=_CLAUSES,
            label=label,
            status=Status.UNKNOWN,
            reason=Text(
                f"no accounting period closed on or before {on.isoformat()}{after.en}",
                f"aucun exercice clos au plus tard le {on.isoformat()}{after.fr}",
            ),
            missing=(_ACCOUNTS_FACT,),
        )
    ends = ", ".join(p.period_end.isoformat() for p in periods)
    if len(periods) == 1:
        reason = Text(
            f"one closed period only (ending {ends}): its figures are used alone{after.en}",
            f"un seul exercice clos (au {ends}) : ses chiffres sont utilisés seuls{after.fr}",
        )
    else:
        reason = Text(
            f"{len(periods)} closed periods, ending {ends}{after.en}",
            f"{len(periods)} exercices clos, au {ends}{after.fr}",
        )
    return Check(
        key="sme.accounts", clauses=_CLAUSES, label=label, status=Status.MET, reason=reason
    )


# --- 2. aggregation ----------------------------------------------------------------------------


class _Role(enum.Enum):
    PARTNER = "partner"
    LINKED = "linked"
    NOT_COUNTED = "not_counted"


_ROLE_TEXT = {
    _Role.PARTNER: Text("partner, added pro rata", "partenaire, ajoutée au prorata"),
    _Role.LINKED: Text("linked, added in full", "liée, ajoutée en totalité"),
    _Role.NOT_COUNTED: Text("not counted", "non prise en compte"),
}
_EXEMPT_TEXT = Text("exempt investor, not counted", "investisseur exempté, non pris en compte")


def _role(related: RelatedEnterprise, thresholds: _Thresholds) -> _Role:
    if related.share > thresholds.linked_share_above:
        return _Role.LINKED
    if related.exempt_investor or related.share < thresholds.partner_share_min:
        return _Role.NOT_COUNTED
    return _Role.PARTNER


@attrs.frozen(kw_only=True)
class _Aggregation:
    check: Check
    figures: tuple[PeriodFigures, ...]


def _latest(accounts: Sequence[Accounts], on: date) -> Accounts | None:
    found = None
    for a in accounts:
        if a.period_end <= on:
            found = a
    return found


def _aggregate(
    enterprise: Enterprise, periods: Sequence[Accounts], thresholds: _Thresholds
) -> _Aggregation:
    label = Text(
        "partner and linked enterprises added", "entreprises partenaires et liées ajoutées"
    )
    params = thresholds.used("sme.partner_share_min", "sme.linked_share_above")
    roles = [_role(r, thresholds) for r in enterprise.related]
    counted = [
        (i, r, role)
        for i, (r, role) in enumerate(zip(enterprise.related, roles, strict=True))
        if role is not _Role.NOT_COUNTED
    ]
    described_en, described_fr = [], []
    for r, role in zip(enterprise.related, roles, strict=True):
        text = _EXEMPT_TEXT if role is _Role.NOT_COUNTED and r.exempt_investor else _ROLE_TEXT[role]
        share = _pct(r.share)
        described_en.append(f"{r.name} ({share}): {text.en}")
        described_fr.append(f"{r.name} ({share}) : {text.fr}")

    missing: list[Fact] = []
    figures: list[PeriodFigures] = []
    for period in periods:
        staff: Decimal = period.staff_awu
        turnover: Decimal = period.turnover
        balance: Decimal = period.balance_sheet
        for i, related, role in counted:
            theirs = _latest(related.accounts, period.period_end)
            if theirs is None:
                missing.append(_related_fact(i, related, period.period_end))
                continue
            if role is _Role.LINKED:
                staff += theirs.staff_awu
                turnover += theirs.turnover
                balance += theirs.balance_sheet
            else:
                staff += related.share * theirs.staff_awu
                turnover += rate_of(theirs.turnover, related.share)
                balance += rate_of(theirs.balance_sheet, related.share)
        figures.append(
            PeriodFigures(
                period_end=period.period_end,
                staff_awu=staff,
                turnover=round_cents(turnover),
                balance_sheet=round_cents(balance),
                size=thresholds.size(staff, turnover, balance),
            )
        )
    if not periods:
        missing.extend(_related_fact(i, r, None) for i, r, _ in counted if not r.accounts)

    if not enterprise.related:
        status = Status.NOT_APPLICABLE
        reason = Text(
            "no partner or linked enterprise given: the enterprise's own figures are used",
            "aucune entreprise partenaire ou liée indiquée : les chiffres propres de "
            "l'entreprise sont utilisés",
        )
    else:
        listed_en, listed_fr = "; ".join(described_en), "; ".join(described_fr)
        if missing or (counted and not periods):
            status = Status.UNKNOWN
            reason = Text(
                f"{listed_en}; figures missing to aggregate",
                f"{listed_fr} ; chiffres manquants pour l'agrégation",
            )
        elif counted:
            status = Status.MET
            reason = Text(listed_en, listed_fr)
        else:
            status = Status.NOT_APPLICABLE
            reason = Text(
                f"{listed_en}: the enterprise is autonomous",
                f"{listed_fr} : l'entreprise est autonome",
            )
    check = Check(
        key="sme.aggregation",
        clauses=_CLAUSES,
        label=label,
        status=status,
        reason=reason,
        parameters=params,
        missing=_unique_facts(missing) if status is Status.UNKNOWN else (),
    )
    return _Aggregation(check=check, figures=() if status is Status.UNKNOWN else tuple(figures))


def _related_fact(index: int, related: RelatedEnterprise, period_end: date | None) -> Fact:
    if period_end is None:
        en = f"What were the staff, turnover and balance-sheet total of {related.name}?"
        fr = (
            "Quels étaient l'effectif, le chiffre d'affaires et le total du bilan de "
            f"{related.name} ?"
        )
    else:
        day = period_end.isoformat()
        en = (
            f"What were the staff, turnover and balance-sheet total of {related.name} "
            f"in its last period closed on or before {day}?"
        )
        fr = (
            f"Quels étaient l'effectif, le chiffre d'affaires et le total du bilan de "
            f"{related.name} lors de son dernier exercice clos au plus tard le {day} ?"
        )
    return Fact(path=f"enterprise.related.{index}.accounts", question=Text(en, fr))


def _unique_facts(facts: Sequence[Fact]) -> tuple[Fact, ...]:
    # One question per related enterprise: the first (oldest) period asked for.
    seen: dict[str, Fact] = {}
    for fact in facts:
        seen.setdefault(fact.path, fact)
    return tuple(seen.values())


# --- 3. public bodies --------------------------------------------------------------------------

_PUBLIC_FACT = Fact(
    path="enterprise.public_bodies_share",
    question=Text(
        "What share of the enterprise's capital or voting rights do public bodies hold?",
        "Quelle part du capital ou des droits de vote de l'entreprise les organismes publics "
        "détiennent-ils ?",
    ),
)


def _public_bodies_check(enterprise: Enterprise, thresholds: _Thresholds) -> Check:
    limit = _pct(thresholds.public_bodies_share_min)
    label = Text(
        f"less than {limit} held by public bodies",
        f"moins de {limit} détenus par des organismes publics",
    )
    held = enterprise.public_bodies_share
    params = thresholds.used("sme.public_bodies_share_min")
    if held is None:
        return Check(
            key="sme.public_bodies",
            clauses=_CLAUSES,
            label=label,
            status=Status.UNKNOWN,
            reason=Text("public bodies' share not given", "part des organismes publics inconnue"),
            parameters=params,
            missing=(_PUBLIC_FACT,),
        )
    if held >= thresholds.public_bodies_share_min:
        status = Status.NOT_MET
        reason = Text(
            f"public bodies hold {_pct(held)} (at least {limit}): not an SME, whatever its size",
            f"les organismes publics détiennent {_pct(held)} (au moins {limit}) : pas une PME, "
            "quelle que soit sa taille",
        )
    else:
        status = Status.MET
        reason = Text(
            f"public bodies hold {_pct(held)}", f"les organismes publics détiennent {_pct(held)}"
        )
    return Check(
        key="sme.public_bodies",
        clauses=_CLAUSES,
        label=label,
        status=status,
        reason=reason,
        parameters=params,
    )


# --- 4. thresholds per period ------------------------------------------------------------------


def _thresholds_check(figures: Sequence[PeriodFigures], thresholds: _Thresholds) -> Check:
    label = Text(
        "size class of each period (staff AND (turnover OR balance sheet))",
        "catégorie de chaque exercice (effectif ET (chiffre d'affaires OU bilan))",
    )
    params = thresholds.used(*_CEILING_NAMES)
    if not figures:
        return Check(
            key="sme.thresholds",
            clauses=_CLAUSES,
            label=label,
            status=Status.UNKNOWN,
            reason=Text("no aggregated figures to class", "aucun chiffre agrégé à classer"),
            parameters=params,
            informative=True,
        )
    latest = figures[-1].size
    return Check(
        key="sme.thresholds",
        clauses=_CLAUSES,
        label=label,
        status=Status.MET if latest.is_sme else Status.NOT_MET,
        reason=Text(
            "; ".join(_describe_period(f, "en") for f in figures),
            " ; ".join(_describe_period(f, "fr") for f in figures),
        ),
        parameters=params,
        informative=True,
    )


def _describe_period(f: PeriodFigures, lang: Lang) -> str:
    if lang == "fr":
        return (
            f"{f.period_end.isoformat()} : {_awu(f.staff_awu)} UTA, CA {_eur(f.turnover, 'fr')}, "
            f"bilan {_eur(f.balance_sheet, 'fr')} → {f.size.label.fr}"
        )
    return (
        f"{f.period_end.isoformat()}: {_awu(f.staff_awu)} AWU, turnover "
        f"{_eur(f.turnover, 'en')}, balance sheet {_eur(f.balance_sheet, 'en')} → {f.size.label.en}"
    )


# --- 5. consecutive periods --------------------------------------------------------------------


def _consecutive(figures: Sequence[PeriodFigures], needed: int) -> SizeClass:
    """
    Apply the consecutive-periods rule to the classes of *figures*, oldest first.

    The status starts at the first period's class. It moves only when the
    last *needed* periods all lie on the same side of it, and then to the
    class nearest to it among them: the ceiling crossed in every one of them.
    """
    classes = [f.size for f in figures]
    status = classes[0]
    for i in range(needed - 1, len(classes)):
        window = classes[i - needed + 1 : i + 1]
        if all(c.rank > status.rank for c in window):
            status = min(window, key=lambda c: c.rank)
        elif all(c.rank < status.rank for c in window):
            status = max(window, key=lambda c: c.rank)
    return status


def _consecutive_check(
    figures: Sequence[PeriodFigures], size: SizeClass | None, thresholds: _Thresholds
) -> Check:
    n = thresholds.consecutive_periods
    label = Text(
        f"class changes only after {n} consecutive periods over or under a ceiling",
        f"la catégorie ne change qu'après {n} exercices consécutifs au-dessus ou au-dessous "
        "d'un seuil",
    )
    params = thresholds.used("sme.consecutive_periods")
    if size is None or not figures:
        return Check(
            key="sme.consecutive_periods",
            clauses=_CLAUSES,
            label=label,
            status=Status.UNKNOWN,
            reason=Text("no class without figures", "pas de catégorie sans chiffres"),
            parameters=params,
        )
    if len(figures) == 1:
        only = figures[0]
        reason = Text(
            f"one period only ({only.period_end.isoformat()}): its class, {size.label.en}, is "
            f"used without the {n}-period rule",
            f"un seul exercice ({only.period_end.isoformat()}) : sa catégorie, {size.label.fr}, "
            f"est retenue sans la règle des {n} exercices",
        )
    else:
        classes_en = ", ".join(f"{f.size.label.en}" for f in figures)
        classes_fr = ", ".join(f"{f.size.label.fr}" for f in figures)
        latest = figures[-1].size
        en = f"classes by period: {classes_en} → {size.label.en}"
        fr = f"catégories par exercice : {classes_fr} → {size.label.fr}"
        if latest is not size:
            en += f" (the latest period's class, {latest.label.en}, has not held {n} periods)"
            fr += (
                f" (la catégorie du dernier exercice, {latest.label.fr}, ne s'est pas "
                f"maintenue {n} exercices)"
            )
        reason = Text(en, fr)
    return Check(
        key="sme.consecutive_periods",
        clauses=_CLAUSES,
        label=label,
        status=Status.MET if size.is_sme else Status.NOT_MET,
        reason=reason,
        parameters=params,
    )


# --- formatting --------------------------------------------------------------------------------


def _pct(share: Decimal) -> str:
    return f"{(share * 100).normalize():f} %"


def _awu(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _eur(amount: Decimal, lang: Lang) -> str:
    text = f"{amount:,.2f}"
    if lang == "fr":
        return text.replace(",", "\u202f").replace(".", ",") + " €"
    return f"€{text}"
