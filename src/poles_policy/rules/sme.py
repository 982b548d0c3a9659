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
import functools
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, SupportsIndex

import attrs

from poles_policy.exceptions import ParameterError
from poles_policy.explain import (
    Check,
    Decision,
    Fact,
    Outcome,
    ParameterUse,
    Status,
    Text,
    fr_amount,
    fr_count,
    fr_de,
    fr_number,
    fr_percent,
)
from poles_policy.model.actors import Enterprise, RelatedEnterprise
from poles_policy.money import Eur, exact_decimals, rate_of, round_cents
from poles_policy.rules._inputs import expect, expect_date, expect_params

if TYPE_CHECKING:
    from collections.abc import Sequence

    from poles_policy.model.actors import Accounts
    from poles_policy.parameters import ParameterSet, ParameterValue

__all__ = ["PeriodFigures", "SizeClass", "SmeResult", "sme_defined_on", "sme_status"]

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

    # Members are singletons compared by identity: object's hash agrees with that and, unlike
    # Enum's (a Python-level call), costs nothing in the lookups the rule makes per period.
    __hash__ = object.__hash__

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
_BY_RANK = tuple(sorted(_RANK, key=_RANK.__getitem__))
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
    # Set by sme_status: what the decision's checks cite and ask for, known without building
    # their bilingual explanations.
    _parameters: tuple[ParameterUse, ...] | None = attrs.field(
        default=None, init=False, eq=False, repr=False
    )
    _missing: Callable[[], tuple[Fact, ...]] | None = attrs.field(
        default=None, init=False, eq=False, repr=False
    )

    @property
    def parameters(self) -> tuple[ParameterUse, ...]:
        """Every parameter value the decision's checks cite, check by check, in order."""
        if self._parameters is not None:
            return self._parameters
        return tuple(p for c in self.decision.checks for p in c.parameters)

    @property
    def missing(self) -> tuple[Fact, ...]:
        """The facts still needed to decide (the decision's ``missing``)."""
        if self._missing is not None:
            return self._missing()
        return self.decision.missing

    def __reduce_ex__(self, protocol: SupportsIndex) -> str | tuple[Any, ...]:
        # The shortcut to the missing facts is a closure, which pickle cannot carry. It only
        # spares building the decision's checks: build them, and drop it.
        _ = self.decision.checks
        object.__setattr__(self, "_missing", None)
        return super().__reduce_ex__(protocol)


# A size class and its ceilings: staff below, turnover at most, balance sheet at most.
_Ceiling = tuple[SizeClass, Decimal, Decimal, Decimal]


@attrs.frozen(kw_only=True)
class _Thresholds:
    ceilings: tuple[_Ceiling, ...]
    partner_share_min: Decimal
    linked_share_above: Decimal
    public_bodies_share_min: Decimal
    consecutive_periods: int
    # The parameter uses each check cites, in the order it cites them.
    ceiling_uses: tuple[ParameterUse, ...]
    share_uses: tuple[ParameterUse, ...]
    public_bodies_uses: tuple[ParameterUse, ...]
    periods_uses: tuple[ParameterUse, ...]
    # All of them, in the order of the checks.
    uses: tuple[ParameterUse, ...]

    def size(self, staff: Decimal, turnover: Decimal, balance_sheet: Decimal) -> SizeClass:
        for size, staff_below, turnover_max, balance_sheet_max in self.ceilings:
            # Staff below the ceiling AND (turnover OR balance sheet within theirs).
            if staff < staff_below and (
                turnover <= turnover_max or balance_sheet <= balance_sheet_max
            ):
                return size
        return SizeClass.LARGE


# Each SME class with the names of its three ceilings, in the order the checks cite them.
_CEILING_PARAMETERS = tuple(
    (
        size,
        f"sme.{size.value}.staff_below",
        f"sme.{size.value}.turnover_max",
        f"sme.{size.value}.balance_sheet_max",
    )
    for size in _SME_CLASSES
)


class _Reader:
    """Read ``sme.*`` values at one date."""

    def __init__(self, params: ParameterSet, on: date) -> None:
        self.params = params
        self.on = on

    def read(self, name: str) -> tuple[ParameterValue, ParameterUse | None]:
        parameter = self.params[name]
        on = self.on
        found = parameter.at(on)
        if found is None:
            # require() raises the usual error when no value is in force.
            found = self.params.require(name, on)
        return found.value, parameter.use(on)

    def decimal(self, name: str) -> tuple[Decimal, ParameterUse]:
        value, use = self.read(name)
        if not isinstance(value, Decimal) or use is None:
            msg = f"{name}: {value!r} on {self.on.isoformat()} is not a decimal value"
            raise ParameterError(msg)
        return value, use


def _read(params: ParameterSet, on: date) -> _Thresholds:
    """Read the thresholds in force on *on*."""
    reader = _Reader(params, on)
    ceilings: list[_Ceiling] = []
    ceiling_uses: list[ParameterUse] = []
    for size, staff_name, turnover_name, balance_sheet_name in _CEILING_PARAMETERS:
        staff_below, staff_use = reader.decimal(staff_name)
        turnover_max, turnover_use = reader.decimal(turnover_name)
        balance_sheet_max, balance_sheet_use = reader.decimal(balance_sheet_name)
        ceilings.append((size, staff_below, turnover_max, balance_sheet_max))
        ceiling_uses += (staff_use, turnover_use, balance_sheet_use)
    periods, periods_use = reader.read("sme.consecutive_periods")
    if isinstance(periods, bool) or not isinstance(periods, int) or periods < 1 or not periods_use:
        msg = f"sme.consecutive_periods: {periods!r} on {on.isoformat()} is not a count >= 1"
        raise ParameterError(msg)
    partner, partner_use = reader.decimal("sme.partner_share_min")
    linked, linked_use = reader.decimal("sme.linked_share_above")
    public, public_use = reader.decimal("sme.public_bodies_share_min")
    return _Thresholds(
        ceilings=tuple(ceilings),
        partner_share_min=partner,
        linked_share_above=linked,
        public_bodies_share_min=public,
        consecutive_periods=periods,
        ceiling_uses=tuple(ceiling_uses),
        share_uses=(partner_use, linked_use),
        public_bodies_uses=(public_use,),
        periods_uses=(periods_use,),
        uses=(partner_use, linked_use, public_use, *ceiling_uses, periods_use),
    )


def _thresholds(params: ParameterSet, on: date) -> _Thresholds:
    # A parameter set never changes: it remembers the thresholds derived from it at each date.
    return params.derived("sme.thresholds", on, _read)


@exact_decimals
def sme_defined_on(params: ParameterSet, on: date) -> bool:
    """
    Tell whether *params* hold an SME definition in force on *on*.

    Before the Recommendation applies (1 January 2005 in the packaged
    parameters) there is no SME status to give: a rule that reports it
    reports it as not applicable rather than calling :func:`sme_status`,
    which refuses such a date.

    >>> from poles_policy.parameters import default_parameters
    >>> sme_defined_on(default_parameters(), date(2004, 12, 31))
    False
    >>> sme_defined_on(default_parameters(), date(2005, 1, 1))
    True
    """
    expect_params(params, "sme_defined_on")
    expect_date(on, "on", "sme_defined_on")
    return params.value("sme.consecutive_periods", on) is not None


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
    UNDETERMINED when facts are missing, with
    :attr:`Decision.missing <poles_policy.explain.Decision.missing>` listing them.

    The size class and the outcome are computed at once; the checks and
    their explanations are built when first read
    (:attr:`Decision.checks <poles_policy.explain.Decision.checks>`).

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
    expect(enterprise, Enterprise, "enterprise", "sme_status")
    expect_date(on, "on", "sme_status")
    expect_params(params, "sme_status")
    thresholds = _thresholds(params, on)
    periods = tuple([a for a in enterprise.accounts if a.period_end <= on])
    aggregation = _aggregate(enterprise, periods, thresholds)
    figures = aggregation.figures
    size = _consecutive(figures, thresholds.consecutive_periods) if figures else None
    held = enterprise.public_bodies_share
    # The outcome the checks built below give: a NOT_MET condition (public bodies' share,
    # or a large class) makes it INELIGIBLE, else an UNKNOWN one UNDETERMINED: no class
    # (accounts or related figures missing) or no public bodies' share. The size of each
    # period is information only.
    if (held is not None and held >= thresholds.public_bodies_share_min) or (
        size is SizeClass.LARGE
    ):
        outcome = Outcome.INELIGIBLE
    elif size is None or held is None:
        outcome = Outcome.UNDETERMINED
    else:
        outcome = Outcome.ELIGIBLE

    def build() -> tuple[Check, ...]:
        return (
            _accounts_check(enterprise, periods, on),
            _aggregation_check(enterprise, thresholds, aggregation),
            _public_bodies_check(enterprise, thresholds),
            _thresholds_check(figures, thresholds),
            _consecutive_check(figures, size, thresholds),
        )

    decision = Decision.lazy(
        rule=RULE,
        title=_TITLE,
        subject=f"{enterprise.name} ({enterprise.id})",
        on=on,
        outcome=outcome,
        build=build,
    )
    is_sme = None if outcome is Outcome.UNDETERMINED else outcome is Outcome.ELIGIBLE
    result = SmeResult(size=size, is_sme=is_sme, periods=figures, decision=decision)
    # Filled once, before anyone sees the result.
    object.__setattr__(result, "_parameters", thresholds.uses)
    object.__setattr__(result, "_missing", lambda: _facts_missing(periods, aggregation, held))
    return result


def _facts_missing(
    periods: Sequence[Accounts], aggregation: _Aggregation, held: Decimal | None
) -> tuple[Fact, ...]:
    """The facts the UNKNOWN conditions ask for, in the order of the checks (see build)."""
    facts: list[Fact] = []
    if not periods:
        facts.append(_ACCOUNTS_FACT)
    if aggregation.status is Status.UNKNOWN:
        facts.extend(_unique_facts([_related_fact(*gap) for gap in aggregation.gaps]))
    if held is None:
        facts.append(_PUBLIC_FACT)
    return tuple(facts)


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
_ACCOUNTS_LABEL = Text("closed accounts available", "comptes clos disponibles")


def _accounts_check(enterprise: Enterprise, periods: Sequence[Accounts], on: date) -> Check:
    later = len(enterprise.accounts) - len(periods)
    if later:
        day = on.isoformat()
        after_en = f"; {later} period(s) closing after {day} not used"
        after_fr = (
            f" ; {fr_count(later, 'exercice clos', 'exercices clos')} après le {day} "
            "non pris en compte"
        )
    else:
        after_en = after_fr = ""
    if not periods:
        day = on.isoformat()
        return Check(
            key="sme.accounts",
            clauses=_CLAUSES,
            label=_ACCOUNTS_LABEL,
            status=Status.UNKNOWN,
            reason=Text(
                f"no accounting period closed on or before {day}{after_en}",
                f"aucun exercice clos au plus tard le {day}{after_fr}",
            ),
            missing=(_ACCOUNTS_FACT,),
        )
    ends = ", ".join([p.period_end.isoformat() for p in periods])
    if len(periods) == 1:
        reason = Text(
            f"one closed period only (ending {ends}): its figures are used alone{after_en}",
            f"un seul exercice clos (au {ends}) : ses chiffres sont utilisés seuls{after_fr}",
        )
    else:
        reason = Text(
            f"{len(periods)} closed periods, ending {ends}{after_en}",
            f"{len(periods)} exercices clos, au {ends}{after_fr}",
        )
    return Check(
        key="sme.accounts",
        clauses=_CLAUSES,
        label=_ACCOUNTS_LABEL,
        status=Status.MET,
        reason=reason,
    )


# --- 2. aggregation ----------------------------------------------------------------------------


class _Role(enum.Enum):
    PARTNER = "partner"
    LINKED = "linked"
    NOT_COUNTED = "not_counted"

    __hash__ = object.__hash__  # as SizeClass's


_ROLE_TEXT = {
    _Role.PARTNER: Text("partner, added pro rata", "partenaire, ajoutée au prorata"),
    _Role.LINKED: Text("linked, added in full", "liée, ajoutée en totalité"),
    _Role.NOT_COUNTED: Text("not counted", "non prise en compte"),
}
_EXEMPT_TEXT = Text("exempt investor, not counted", "investisseur exempté, non pris en compte")
_AGGREGATION_LABEL = Text(
    "partner and linked enterprises added", "entreprises partenaires et liées ajoutées"
)
_AUTONOMOUS = Text(
    "no partner or linked enterprise given: the enterprise's own figures are used",
    "aucune entreprise partenaire ou liée indiquée : les chiffres propres de "
    "l'entreprise sont utilisés",
)


def _role(related: RelatedEnterprise, thresholds: _Thresholds) -> _Role:
    if related.share > thresholds.linked_share_above:
        return _Role.LINKED
    if related.exempt_investor or related.share < thresholds.partner_share_min:
        return _Role.NOT_COUNTED
    return _Role.PARTNER


# A related enterprise whose figures are missing: its index, itself, and the enterprise's
# period they are missing for (None when the enterprise has no period at all).
_Gap = tuple[int, RelatedEnterprise, date | None]


@attrs.frozen(kw_only=True)
class _Aggregation:
    status: Status
    roles: tuple[_Role, ...]
    gaps: tuple[_Gap, ...]
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
    related_all = enterprise.related
    size_of = thresholds.size
    if not related_all:
        # Autonomous: each period's own figures.
        return _Aggregation(
            status=Status.NOT_APPLICABLE,
            roles=(),
            gaps=(),
            figures=tuple(
                [
                    PeriodFigures(
                        period_end=p.period_end,
                        staff_awu=p.staff_awu,
                        turnover=round_cents(p.turnover),
                        balance_sheet=round_cents(p.balance_sheet),
                        size=size_of(p.staff_awu, p.turnover, p.balance_sheet),
                    )
                    for p in periods
                ]
            ),
        )
    roles = tuple([_role(r, thresholds) for r in related_all])
    counted = [
        (i, r, role)
        for i, (r, role) in enumerate(zip(related_all, roles, strict=True))
        if role is not _Role.NOT_COUNTED
    ]
    gaps: list[_Gap] = []
    figures: list[PeriodFigures] = []
    for period in periods:
        staff: Decimal = period.staff_awu
        turnover: Decimal = period.turnover
        balance: Decimal = period.balance_sheet
        for i, related, role in counted:
            theirs = _latest(related.accounts, period.period_end)
            if theirs is None:
                gaps.append((i, related, period.period_end))
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
                size=size_of(staff, turnover, balance),
            )
        )
    if not periods:
        gaps.extend((i, r, None) for i, r, _ in counted if not r.accounts)
    if gaps or (counted and not periods):
        return _Aggregation(status=Status.UNKNOWN, roles=roles, gaps=tuple(gaps), figures=())
    return _Aggregation(
        status=Status.MET if counted else Status.NOT_APPLICABLE,
        roles=roles,
        gaps=(),
        figures=tuple(figures),
    )


def _aggregation_check(
    enterprise: Enterprise, thresholds: _Thresholds, aggregation: _Aggregation
) -> Check:
    status = aggregation.status
    related_all = enterprise.related
    if not related_all:
        reason = _AUTONOMOUS
    else:
        described_en, described_fr = [], []
        for r, counted_as in zip(related_all, aggregation.roles, strict=True):
            exempt = counted_as is _Role.NOT_COUNTED and r.exempt_investor
            text = _EXEMPT_TEXT if exempt else _ROLE_TEXT[counted_as]
            described_en.append(f"{r.name} ({_pct(r.share)}): {text.en}")
            described_fr.append(f"{r.name} ({fr_percent(r.share)}) : {text.fr}")
        listed_en, listed_fr = "; ".join(described_en), " ; ".join(described_fr)
        if status is Status.UNKNOWN:
            reason = Text(
                f"{listed_en}; figures missing to aggregate",
                f"{listed_fr} ; chiffres manquants pour l'agrégation",
            )
        elif status is Status.MET:
            reason = Text(listed_en, listed_fr)
        else:
            reason = Text(
                f"{listed_en}: the enterprise is autonomous",
                f"{listed_fr} : l'entreprise est autonome",
            )
    return Check(
        key="sme.aggregation",
        clauses=_CLAUSES,
        label=_AGGREGATION_LABEL,
        status=status,
        reason=reason,
        parameters=thresholds.share_uses,
        missing=_unique_facts([_related_fact(*gap) for gap in aggregation.gaps])
        if aggregation.gaps
        else (),
    )


def _related_fact(index: int, related: RelatedEnterprise, period_end: date | None) -> Fact:
    if period_end is None:
        en = f"What were the staff, turnover and balance-sheet total of {related.name}?"
        fr = (
            "Quels étaient l'effectif, le chiffre d'affaires et le total du bilan "
            f"{fr_de(related.name)} ?"
        )
    else:
        day = period_end.isoformat()
        en = (
            f"What were the staff, turnover and balance-sheet total of {related.name} "
            f"in its last period closed on or before {day}?"
        )
        fr = (
            "Quels étaient l'effectif, le chiffre d'affaires et le total du bilan "
            f"{fr_de(related.name)} lors de son dernier exercice clos au plus tard le {day} ?"
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
_PUBLIC_UNKNOWN = Text("public bodies' share not given", "part des organismes publics inconnue")


@functools.lru_cache(maxsize=64)
def _public_bodies_limit(share: Decimal) -> tuple[Text, Text]:
    limit = Text(_pct(share), fr_percent(share))
    return limit, Text(
        f"less than {limit.en} held by public bodies",
        f"moins de {limit.fr} détenus par des organismes publics",
    )


def _public_bodies_check(enterprise: Enterprise, thresholds: _Thresholds) -> Check:
    limit, label = _public_bodies_limit(thresholds.public_bodies_share_min)
    held = enterprise.public_bodies_share
    params = thresholds.public_bodies_uses
    if held is None:
        return Check(
            key="sme.public_bodies",
            clauses=_CLAUSES,
            label=label,
            status=Status.UNKNOWN,
            reason=_PUBLIC_UNKNOWN,
            parameters=params,
            missing=(_PUBLIC_FACT,),
        )
    share, part = _pct(held), fr_percent(held)
    if held >= thresholds.public_bodies_share_min:
        status = Status.NOT_MET
        reason = Text(
            f"public bodies hold {share} (at least {limit.en}): not an SME, whatever its size",
            f"les organismes publics détiennent {part} (au moins {limit.fr}) : pas une PME, "
            "quelle que soit sa taille",
        )
    else:
        status = Status.MET
        reason = Text(f"public bodies hold {share}", f"les organismes publics détiennent {part}")
    return Check(
        key="sme.public_bodies",
        clauses=_CLAUSES,
        label=label,
        status=status,
        reason=reason,
        parameters=params,
    )


# --- 4. thresholds per period ------------------------------------------------------------------

_THRESHOLDS_LABEL = Text(
    "size class of each period (staff AND (turnover OR balance sheet))",
    "catégorie de chaque exercice (effectif ET (chiffre d'affaires OU bilan))",
)
_NO_FIGURES = Text("no aggregated figures to class", "aucun chiffre agrégé à classer")


def _thresholds_check(figures: Sequence[PeriodFigures], thresholds: _Thresholds) -> Check:
    params = thresholds.ceiling_uses
    if not figures:
        return Check(
            key="sme.thresholds",
            clauses=_CLAUSES,
            label=_THRESHOLDS_LABEL,
            status=Status.UNKNOWN,
            reason=_NO_FIGURES,
            parameters=params,
            informative=True,
        )
    described = [_describe_period(f) for f in figures]
    return Check(
        key="sme.thresholds",
        clauses=_CLAUSES,
        label=_THRESHOLDS_LABEL,
        status=Status.NOT_MET if figures[-1].size is SizeClass.LARGE else Status.MET,
        reason=Text("; ".join([d.en for d in described]), " ; ".join([d.fr for d in described])),
        parameters=params,
        informative=True,
    )


def _describe_period(f: PeriodFigures) -> Text:
    day = f.period_end.isoformat()
    awu = _awu(f.staff_awu)
    label = _LABEL[f.size]
    return Text(
        f"{day}: {awu} AWU, turnover {f.turnover:f} EUR, balance sheet {f.balance_sheet:f} EUR "
        f"→ {label.en}",
        f"{day} : {fr_number(awu)} UTA, CA {fr_amount(f.turnover)}, bilan "
        f"{fr_amount(f.balance_sheet)} → {label.fr}",
    )


# --- 5. consecutive periods --------------------------------------------------------------------


def _consecutive(figures: Sequence[PeriodFigures], needed: int) -> SizeClass:
    """
    Apply the consecutive-periods rule to the classes of *figures*, oldest first.

    The status starts at the first period's class. It moves only when the
    last *needed* periods all lie on the same side of it, and then to the
    class nearest to it among them: the ceiling crossed in every one of them.
    """
    ranks = [_RANK[f.size] for f in figures]
    status = ranks[0]
    for i in range(needed - 1, len(ranks)):
        window = ranks[i - needed + 1 : i + 1]
        if min(window) > status:
            status = min(window)
        elif max(window) < status:
            status = max(window)
    return _BY_RANK[status]


@functools.lru_cache(maxsize=64)
def _consecutive_label(n: int) -> Text:
    return Text(
        f"class changes only after {n} consecutive periods over or under a ceiling",
        f"la catégorie ne change qu'après {n} exercices consécutifs au-dessus ou au-dessous "
        "d'un seuil",
    )


_NO_CLASS = Text("no class without figures", "pas de catégorie sans chiffres")


def _consecutive_check(
    figures: Sequence[PeriodFigures], size: SizeClass | None, thresholds: _Thresholds
) -> Check:
    n = thresholds.consecutive_periods
    label = _consecutive_label(n)
    params = thresholds.periods_uses
    if size is None or not figures:
        return Check(
            key="sme.consecutive_periods",
            clauses=_CLAUSES,
            label=label,
            status=Status.UNKNOWN,
            reason=_NO_CLASS,
            parameters=params,
        )
    name = _LABEL[size]
    if len(figures) == 1:
        day = figures[0].period_end.isoformat()
        reason = Text(
            f"one period only ({day}): its class, {name.en}, is used without the {n}-period rule",
            f"un seul exercice ({day}) : sa catégorie, {name.fr}, "
            f"est retenue sans la règle des {n} exercices",
        )
    else:
        labels = [_LABEL[f.size] for f in figures]
        classes_en = ", ".join([t.en for t in labels])
        classes_fr = ", ".join([t.fr for t in labels])
        en = f"classes by period: {classes_en} → {name.en}"
        fr = f"catégories par exercice : {classes_fr} → {name.fr}"
        latest = figures[-1].size
        if latest is not size:
            last = _LABEL[latest]
            en += f" (the latest period's class, {last.en}, has not held {n} periods)"
            fr += (
                f" (la catégorie du dernier exercice, {last.fr}, ne s'est pas "
                f"maintenue {n} exercices)"
            )
        reason = Text(en, fr)
    return Check(
        key="sme.consecutive_periods",
        clauses=_CLAUSES,
        label=label,
        status=Status.NOT_MET if size is SizeClass.LARGE else Status.MET,
        reason=reason,
        parameters=params,
    )


# --- formatting --------------------------------------------------------------------------------


def _pct(share: Decimal) -> str:
    return f"{(share * 100).normalize():f} %"


def _awu(value: Decimal) -> str:
    return f"{value.normalize():f}"
