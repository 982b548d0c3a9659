"""
A pôle's performance contract (contrat de performance, GOV.1): its terms and its progress.

:func:`contract_terms` checks the contract itself: who signs, for how long,
and when it was signed. The rest of this module is about its progress.

A performance contract binds the pôle, the State and local authorities for
three years (2009-2011; the CIADT of 11 May 2010 extended Phase 2 to 2012,
and a contract may run to that new end): the pôle commits to objectives, each measured by
indicators from a baseline toward a target; the public funders give it
visibility on their support for its animation structure, whose public share
must fall below half (PHASE.2b). :func:`contract_progress` answers "is this
contract on track?" for one year, objective by objective, with a check per
indicator and one for the public share.

**Two ways of counting years.** A contract's length (``gov.contract_years``,
3) counts years of twelve months from its first day: 6 July 2009 to 5 July
2012 is three years, as :func:`contract_terms` checks. Its progress is read
by *calendar year*, because budgets and measurements are calendar-yearly:
that contract spans four calendar years (2009 to 2012), and 2011 is
"calendar year 3 of the 4 it spans". A contract from 1 January 2009 to
31 December 2011 spans three, and the two counts agree.

**The trajectory.** The contract sets a baseline (at its start) and a target
(at its end), not a path between them. An indicator is read against a
straight line from the baseline to the target over the *n* calendar years
the contract spans: by the end of calendar year *k* of *n*,
``baseline + (target - baseline) * k / n``, so the target is due in the
last calendar year, the first whose figure covers the contract's end. That
line is a modelling choice (the texts set no intermediate milestones), the
simplest that reaches the target on time.

**Statuses** of an indicator in a year:

- ``achieved``: its measurement reached the target (at or above it for an
  indicator that should increase, at or below for one that should decrease);
- ``on_track``: it reached the trajectory, not yet the target;
- ``off_track``: it is behind the trajectory;
- ``no_data``: the year was not measured. An earlier year's measurement is
  not carried forward: a missing figure stays missing.

An objective takes the least favourable status of its indicators (off track,
then no data, then on track; achieved only when all are). An objective
without indicators has no data, and its own check (``gov.objective.<id>``,
unknown) asks for its indicators.

**The public share** of the pôle's operating budget (public part over total)
must be strictly below ``gov.public_share_max`` (50 %) "within
``gov.public_share_horizon_years`` (3) years": in the budget of the calendar
year in which the contract's third year ends, and every later year. That is
calendar year 3 of a contract from 1 January 2009 (its years end on 31
December 2011) and calendar year 4 of one from 6 July 2009 (they end on 5
July 2012), as an indicator's target is due in the calendar year whose
figure covers the contract's end. Before that the share is reported as
information, and a budget not recorded is not asked for. Both parameters are read at the contract's
start, when its terms were agreed.

**The contract's status** is the least favourable of its objectives' and,
in a year its public-share target applies, of the public share's: achieved
when the share is below the target, off track when it is not, no data when
that year's budget is not recorded. So a contract whose indicators have all
reached their targets but whose public share is still 80 % in its third
year is off track, not achieved. A contract without objectives has no data,
unless its public share is off track.
"""

from __future__ import annotations

import enum
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Context, Decimal, Inexact, InvalidOperation, Overflow
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Final

import attrs

from poles_policy.dates import add_months
from poles_policy.exceptions import InvalidInputError, WrongTypeError
from poles_policy.explain import (
    Check,
    Decision,
    Fact,
    Status,
    Text,
    fr_amount,
    fr_de,
    fr_number,
    fr_percent,
    fr_quoted,
    fr_the,
    fr_unit,
    json_fields,
    missing_facts,
    render_account,
)
from poles_policy.model.contracts import Axis, Direction, PerformanceContract
from poles_policy.model.poles import Pole
from poles_policy.model.regions import region
from poles_policy.money import EXACT, exact_decimals
from poles_policy.rules._inputs import expect, expect_params

if TYPE_CHECKING:
    from poles_policy.explain import Lang
    from poles_policy.model.contracts import Indicator, Objective
    from poles_policy.parameters import ParameterSet

__all__ = [
    "ASK_SIGNED_ON",
    "CONTRACT_RULE",
    "ContractProgress",
    "IndicatorProgress",
    "Progress",
    "contract_progress",
    "contract_terms",
]

_GOV_1: Final = "GOV.1"
_SHARE_MAX: Final = "gov.public_share_max"
_HORIZON: Final = "gov.public_share_horizon_years"
# The clause an objective's axis stands for, cited beside GOV.1.
_AXIS_CLAUSE: Final = {
    Axis.GOV: "GOV.1",
    Axis.STRUCT: "STRUCT.1",
    Axis.ECO_1: "ECO.1",
    Axis.ECO_2: "ECO.2",
    Axis.ECO_3: "ECO.3",
    Axis.ECO_4: "ECO.4",
    Axis.SYN: "SYN.1",
}


class Progress(enum.Enum):
    """Where an indicator, an objective or a contract stands in a year."""

    ACHIEVED = "achieved"
    """The target is reached."""
    ON_TRACK = "on_track"
    """At or beyond the straight line from the baseline to the target."""
    OFF_TRACK = "off_track"
    """Behind that line."""
    NO_DATA = "no_data"
    """Not measured that year."""

    @property
    def label(self) -> Text:
        """The status in English and French."""
        return _PROGRESS_LABELS[self]


_PROGRESS_LABELS: Final = {
    Progress.ACHIEVED: Text("achieved", "atteint"),
    Progress.ON_TRACK: Text("on track", "en bonne voie"),
    Progress.OFF_TRACK: Text("OFF TRACK", "EN RETARD"),
    Progress.NO_DATA: Text("no data", "pas de mesure"),
}
# The labels that change when they qualify a feminine noun (la part publique).
_FEMININE: Final = {Progress.ACHIEVED: Text("achieved", "atteinte")}
_CHECK_STATUS: Final = {
    Progress.ACHIEVED: Status.MET,
    Progress.ON_TRACK: Status.MET,
    Progress.OFF_TRACK: Status.NOT_MET,
    Progress.NO_DATA: Status.UNKNOWN,
}


def _worst(statuses: list[Progress]) -> Progress:
    """The least favourable of *statuses* (no data when there are none)."""
    if Progress.OFF_TRACK in statuses:
        return Progress.OFF_TRACK
    if not statuses or Progress.NO_DATA in statuses:
        return Progress.NO_DATA
    if all(s is Progress.ACHIEVED for s in statuses):
        return Progress.ACHIEVED
    return Progress.ON_TRACK


@attrs.frozen(kw_only=True)
class IndicatorProgress:
    """
    One indicator of a contract, in one year.

    Attributes:
        objective_id: The objective it measures.
        indicator_id: The indicator.
        year: The calendar year read.
        value: The year's measurement, or ``None`` when it was not measured.
        expected: The trajectory's value at the end of the calendar year
            (exact when the quotient terminates within 28 significant digits,
            held to 28 otherwise; the status is compared exactly). The French
            account shows a value that does not terminate rounded for display
            and marked "≈"; the JSON keeps it as it is.
        attainment: How far the measurement went from the baseline toward
            the target (0 at the baseline, 1 at the target; exact when the
            quotient terminates within 28 significant digits, held to 28
            otherwise); ``None`` without a measurement, or when the target is
            the baseline.
        status: Achieved, on track, off track or no data.
    """

    objective_id: str
    indicator_id: str
    year: int
    value: Decimal | None
    expected: Decimal
    attainment: Decimal | None
    status: Progress


@attrs.frozen(kw_only=True)
class ContractProgress:
    """
    A performance contract's progress in one year (GOV.1).

    Attributes:
        contract_id: The contract.
        year: The calendar year read, one of those the contract spans.
        status: The contract's status: the least favourable of its
            objectives' and, when it counts, of the public share's
            (``public_share_status``); no data without objectives, unless
            the public share is off track.
        objectives: Each objective's id and status, in the contract's order.
        indicators: Each indicator's progress, objective by objective.
        public_share: The public share of that year's operating budget (as
            :meth:`OperatingBudget.public_share
            <poles_policy.model.contracts.OperatingBudget.public_share>` gives
            it), or ``None`` when the budget is not recorded or is zero.
        public_share_status: The public share against its target in a year
            the target applies: achieved when below it, off track when not,
            no data when the year's budget is not recorded. ``None`` when it
            does not count in the status: before the target applies, or when
            the budget is zero (there is no share to compare).
        checks: One check per indicator (met when achieved or on track, not
            met when off track, unknown without data), or, for an objective
            without indicators, one unknown check asking for them, objective by
            objective; then the public share's check.
    """

    contract_id: str
    year: int
    status: Progress
    objectives: tuple[tuple[str, Progress], ...]
    indicators: tuple[IndicatorProgress, ...]
    public_share: Decimal | None
    public_share_status: Progress | None
    checks: tuple[Check, ...]

    @property
    def off_track(self) -> tuple[str, ...]:
        """The ids of the objectives off track (the public share has its own status)."""
        return tuple(oid for oid, status in self.objectives if status is Progress.OFF_TRACK)

    @property
    def missing(self) -> tuple[Fact, ...]:
        """The facts to record to read every check: measurements and budgets not given."""
        return missing_facts(self.checks)

    def explain(self, lang: Lang = "en", *, sources: bool = False) -> str:
        """
        Render the progress: the contract's status and why, each objective's, then every check.

        The first line says what sets the contract's status: the objectives
        that have it, and the public share when it counts and has it. The
        public share's own status follows the objectives' when it counts.

        Args:
            lang: ``"en"`` or ``"fr"``.
            sources: Whether to add each parameter's source.
        """
        fr = lang == "fr"
        name = "Contrat de performance" if fr else "Performance contract"
        colon = " :" if fr else ":"  # French puts a space before the colon
        status = f"{self.status.label.in_lang(lang)} — {self._why().in_lang(lang)}"
        head = [f"{name} {self.contract_id}, {self.year}{colon} {status}"]
        word = "objectif" if fr else "objective"
        head.extend(f"  {word} {oid}{colon} {s.label.in_lang(lang)}" for oid, s in self.objectives)
        if self.public_share_status is not None:
            share = "part publique" if fr else "public share"
            # "la part" is feminine: "atteinte".
            said = _FEMININE.get(self.public_share_status, self.public_share_status.label)
            head.append(f"  {share}{colon} {said.in_lang(lang)}")
        return render_account("\n".join(head), self.checks, lang, sources=sources)

    def _why(self) -> Text:
        """What sets the status: the parts that have it (every part, when achieved)."""
        share = self.public_share_status
        if self.status is Progress.ACHIEVED:
            if share is None:
                return Text("every objective achieved", "tous les objectifs atteints")
            return Text(
                "every objective achieved and the public share below its target",
                "tous les objectifs atteints et la part publique sous sa cible",
            )
        ids = [oid for oid, status in self.objectives if status is self.status]
        en: list[str] = []
        fr: list[str] = []
        if ids:
            listed = ", ".join(ids)
            en.append(f"objectives {listed}" if len(ids) > 1 else f"objective {listed}")
            fr.append(f"des objectifs {listed}" if len(ids) > 1 else f"de l'objectif {listed}")
        elif not self.objectives and self.status is Progress.NO_DATA:
            en.append("the absence of objectives")
            fr.append("de l'absence d'objectifs")
        if share is self.status:
            en.append("the public share")
            fr.append("de la part publique")
        return Text("because of " + " and ".join(en), "du fait " + " et ".join(fr))

    def to_dict(self) -> dict[str, Any]:
        """Return the progress as JSON-ready data (exact decimals as text, dates in ISO form)."""
        return json_fields(
            self,
            properties=(
                "off_track",
                "missing",
            ),
        )


def _last_day(start: date, years: int) -> date:
    """
    The last day of *years* years of twelve months from *start*: the day before the next begins.

    The next period begins on the anniversary, or, when that day does not
    exist (29 February in a common year), on the first day of the following
    month: the period then ends on the last day of the anniversary's month,
    the day :func:`~poles_policy.dates.add_months` clamps to, not the day
    before it. 2009-01-01 gives 2011-12-31 for three years, 2009-03-01 gives
    2012-02-29, and 2012-02-29 gives 2015-02-28.
    """
    anniversary = add_months(start, 12 * years)
    if anniversary.day != start.day:  # clamped: that day does not exist in that month
        return anniversary
    return anniversary - timedelta(days=1)


def _calendar_year(contract: PerformanceContract, year: int) -> int:
    """The rank of *year* among the calendar years the contract spans, 1 for its start's."""
    return year - contract.start.year + 1


def _indicator(
    objective: Objective, indicator: Indicator, contract: PerformanceContract, year: int
) -> tuple[IndicatorProgress, Check]:
    # Calendar year k of the n the contract spans: the count the check's text says.
    k = _calendar_year(contract, year)
    n = len(contract.years)
    gap = _WIDE.subtract(indicator.target, indicator.baseline)
    # (baseline * n + gap * k) / n, rounded once to 28 digits: exact whenever it terminates
    # within them, as the products it is compared by are.
    expected = EXACT.divide(
        _WIDE.add(_WIDE.multiply(indicator.baseline, n), _WIDE.multiply(gap, k)), n
    )
    measured = indicator.measurement(year)
    up = indicator.direction is Direction.INCREASE
    value = None if measured is None else measured.value
    attainment = None
    if value is None:
        status = Progress.NO_DATA
    else:
        if gap != 0:
            attainment = EXACT.divide(_WIDE.subtract(value, indicator.baseline), gap)
        reached = value >= indicator.target if up else value <= indicator.target
        # Against the line in exact products, not the rounded quotient: (v - b) * n vs gap * k.
        done = _WIDE.multiply(_WIDE.subtract(value, indicator.baseline), n)
        due = _WIDE.multiply(gap, k)
        on_line = done >= due if up else done <= due
        status = (
            Progress.ACHIEVED if reached else Progress.ON_TRACK if on_line else Progress.OFF_TRACK
        )
    progress = IndicatorProgress(
        objective_id=objective.id,
        indicator_id=indicator.id,
        year=year,
        value=value,
        expected=expected,
        attainment=attainment,
        status=status,
    )
    return progress, _indicator_check(objective, indicator, progress, k, n)


def _clauses(objective: Objective) -> tuple[str, ...]:
    """GOV.1 and the clause of the objective's axis, which its checks cite."""
    if objective.axis is Axis.GOV:
        return (_GOV_1,)
    return (_GOV_1, _AXIS_CLAUSE[objective.axis])


def _unmeasured(objective: Objective, year: int) -> Check:
    """The check of an objective without indicators: unknown, asking for them."""
    return Check(
        key=f"gov.objective.{objective.id}",
        clauses=_clauses(objective),
        label=Text(f"{objective.title}: indicators", f"{objective.title} : indicateurs"),
        status=Status.UNKNOWN,
        reason=Text(
            f"objective {objective.id} has no indicator: its progress in {year} cannot be read",
            f"l'objectif {objective.id} n'a aucun indicateur : sa progression en {year} ne "
            "peut être lue",
        ),
        missing=(
            Fact(
                path=f"objectives.{objective.id}.indicators",
                question=Text(
                    f'Which indicators measure the objective "{objective.title}", each with its '
                    f"baseline, target, direction and {year} measurement?",
                    f"Quels indicateurs mesurent l'objectif {fr_quoted(objective.title)}, chacun "
                    f"avec sa référence, sa cible, son sens et sa mesure {year} ?",
                ),
            ),
        ),
    )


# The way an indicator should move, as the French text says it ("(increase)" in English).
_SENS: Final = {Direction.INCREASE: "hausse attendue", Direction.DECREASE: "baisse attendue"}
_HUNDREDTH: Final = Decimal("0.01")

# Differences and products of an indicator's figures (each at most 28 digits written out, times a
# year's rank) are exact in 60 digits: a result that would not be raises instead of rounding
# silently. The display rounds them in as many digits.
_WIDE: Final = Context(prec=60, traps=[InvalidOperation, Inexact, Overflow])
_SHOWN: Final = Context(prec=60, traps=[InvalidOperation, Overflow])


def _fr_figure(value: Decimal, unit: str) -> str:
    """
    An indicator's figure with its unit, as a French account writes it.

    An amount in euros as ``150 000,00 €``, a share as a percentage, a count
    as a bare number (a count has no unit to write after its figure: "nombre"
    names the unit, it does not follow a figure), any other unit after the
    figure, in French when it is a parameter unit.
    """
    if unit == "EUR":
        return fr_amount(value)
    if unit == "share":
        return fr_percent(value)
    if unit == "count":
        return fr_number(value)
    return f"{fr_number(value)} {fr_unit(unit)}"


def _en_figure(value: Decimal, unit: str) -> str:
    """
    An indicator's figure with its unit, as an English account writes it.

    An amount in euros as ``150000.00 EUR``, a share as a percentage, a count
    as a bare number, any other unit after the figure.

    >>> _en_figure(Decimal("0.36"), "share"), _en_figure(Decimal("12"), "count")
    ('36 %', '12')
    """
    if unit == "EUR":
        return f"{value:f} EUR"
    if unit == "share":
        return f"{_WIDE.multiply(value, 100).normalize(_WIDE):f} %"
    if unit == "count":
        return f"{value:f}"
    return f"{value:f} {unit}"


def _expected_text(
    indicator: Indicator, progress: IndicatorProgress, k: int, n: int, lang: Lang
) -> str:
    """
    The trajectory's value, as an account writes it: exact, or rounded and marked "≈".

    A value of the trajectory that does not terminate (one third of the way
    from 0 to 1) is held to 28 digits on the result; the account rounds it
    half up, for display only, to two decimals (of the percentage, for a
    share), or to as many as the baseline and the target are given with.
    """
    figure = _fr_figure if lang == "fr" else _en_figure
    expected = progress.expected
    baseline, target = Fraction(indicator.baseline), Fraction(indicator.target)
    if Fraction(expected) == baseline + (target - baseline) * k / n:
        return figure(expected, indicator.unit)
    share = indicator.unit == "share"
    shown = _WIDE.multiply(expected, 100) if share else expected
    given = min(d.as_tuple().exponent for d in (indicator.baseline, indicator.target))
    places = max(2, -int(given) - (2 if share else 0))
    measured = progress.value
    if measured is not None and share:
        measured = _WIDE.multiply(measured, 100)
    rounded = _rounded_apart(shown, places, measured)
    if share:
        return f"≈ {fr_number(rounded) if lang == 'fr' else f'{rounded:f}'} %"
    return f"≈ {figure(rounded, indicator.unit)}"


def _rounded_apart(value: Decimal, places: int, other: Decimal | None) -> Decimal:
    """
    *value* rounded half up to *places* decimals, or more, till it compares with *other* as it does.

    Beside a measured 33.33 %, a trajectory of 33.333... % is not written
    "≈ 33,33 %", which reads as the very figure that fails it, but "≈ 33,3333 %".

    >>> _rounded_apart(Decimal("33.33333333"), 2, Decimal("33.33"))
    Decimal('33.3333')
    >>> _rounded_apart(Decimal("58.33333333"), 2, Decimal("60"))
    Decimal('58.33')
    """
    step = Decimal(1).scaleb(-places)
    shown = value.quantize(step, rounding=ROUND_HALF_UP, context=_SHOWN)
    if other is None:
        return shown
    wanted = (value > other) - (value < other)
    while (shown > other) - (shown < other) != wanted and shown != value:
        step = step.scaleb(-2)
        shown = value.quantize(step, rounding=ROUND_HALF_UP, context=_SHOWN)
    return shown


def _en_share(share: Decimal, limit: Decimal | None = None) -> str:
    """
    A public share as an English percentage, rounded as :func:`_fr_share` rounds it.

    >>> _en_share(Decimal("0.6")), _en_share(Decimal("0.4999999666"), Decimal("0.5"))
    ('60 %', '≈ 49.999997 %')
    """
    french = _fr_share(share, limit).replace("\u202f", "")
    figure = french.removesuffix(" %").replace(",", ".")
    return f"{figure} %"


def _fr_share(share: Decimal, limit: Decimal | None = None) -> str:
    """
    A public share as a French percentage: exact, or rounded half up to 0.01 % and marked "≈".

    Rounded so that it does not read as the *limit* it is compared with: a
    share of 49.9999967 % is not written "≈ 50,00 %" beside a limit of 50 %,
    but with the digits that tell them apart. The exact share stays on the
    result (:attr:`ContractProgress.public_share`).

    >>> _fr_share(Decimal("0.4999999666"), Decimal("0.5")).replace("\u202f", " ")
    '≈ 49,999997 %'
    """
    percent = EXACT.multiply(share, 100)
    apart = None if limit is None or limit == share else EXACT.multiply(limit, 100)
    step = _HUNDREDTH
    shown = percent.quantize(step, rounding=ROUND_HALF_UP, context=EXACT)
    while shown == apart and shown != percent:
        step = step.scaleb(-2)
        shown = percent.quantize(step, rounding=ROUND_HALF_UP, context=EXACT)
    return fr_percent(share) if shown == percent else f"≈ {fr_number(shown)} %"


def _indicator_check(
    objective: Objective, indicator: Indicator, progress: IndicatorProgress, k: int, n: int
) -> Check:
    unit = indicator.unit
    line = (
        f"baseline {_en_figure(indicator.baseline, unit)}, "
        f"target {_en_figure(indicator.target, unit)} ({indicator.direction.value}); "
        f"calendar year {k} of the {n} the contract spans expects "
        f"{_expected_text(indicator, progress, k, n, 'en')}"
    )
    ligne = (
        f"référence {_fr_figure(indicator.baseline, unit)}, "
        f"cible {_fr_figure(indicator.target, unit)} ({_SENS[indicator.direction]}) ; "
        f"l'année civile {k} des {n} que couvre le contrat attend "
        f"{_expected_text(indicator, progress, k, n, 'fr')}"
    )
    missing: tuple[Fact, ...] = ()
    if progress.value is None:
        reason = Text(
            f"{progress.year} not measured; {line}",
            f"{progress.year} non mesuré ; {ligne}",
        )
        missing = (
            Fact(
                path=f"objectives.{objective.id}.indicators.{indicator.id}.measurements",
                question=Text(
                    f'What value did the indicator "{indicator.name}" reach in {progress.year}?',
                    f"Quelle valeur l'indicateur {fr_quoted(indicator.name)} a-t-il atteinte en "
                    f"{progress.year} ?",
                ),
            ),
        )
    else:
        status = progress.status.label
        reason = Text(
            f"{_en_figure(progress.value, unit)} in {progress.year}: {status.en}; {line}",
            f"{_fr_figure(progress.value, unit)} en {progress.year} : {status.fr} ; {ligne}",
        )
    return Check(
        key=f"gov.indicator.{objective.id}.{indicator.id}",
        clauses=_clauses(objective),
        label=Text(f"{objective.title}: {indicator.name}", f"{objective.title} : {indicator.name}"),
        status=_CHECK_STATUS[progress.status],
        reason=reason,
        missing=missing,
    )


def _public_share(
    contract: PerformanceContract, year: int, params: ParameterSet
) -> tuple[Decimal | None, Progress | None, Check]:
    """The year's public share, its status when it counts in the contract's, and its check."""
    start = contract.start
    limit = params.decimal(_SHARE_MAX, start)
    horizon = params.count(_HORIZON, start)
    k = _calendar_year(contract, year)
    # "Within `horizon` years" of the start: due from the calendar year in which the last of
    # those years ends, the first whose budget covers that day (2011 for a contract from
    # 1 January 2009, 2012 for one from 6 July 2009), as an indicator's target is due in the
    # calendar year whose figure covers the contract's end.
    last_day = _last_day(start, horizon)
    due_from = _calendar_year(contract, last_day.year)
    due = k >= due_from
    uses = params.uses(start, _SHARE_MAX, _HORIZON)
    budget = contract.budget(year)
    share = None if budget is None else budget.public_share
    label = Text(
        "public share of the operating budget", "part publique du budget de fonctionnement"
    )
    target, cible = _en_share(limit), _fr_share(limit)
    missing: tuple[Fact, ...] = ()
    if budget is None and not due:
        # Not due yet: the budget could not change the status, so it is not asked for.
        status = Status.NOT_APPLICABLE
        reason = Text(
            f"the {year} operating budget is not recorded (calendar year {k}; below {target} "
            f"is due from calendar year {due_from})",
            f"le budget {year} est non renseigné (année civile {k} ; sous {cible} attendu à "
            f"partir de l'année civile {due_from})",
        )
    elif budget is None:
        status = Status.UNKNOWN
        reason = Text(
            f"the {year} operating budget is not recorded", f"le budget {year} est non renseigné"
        )
        missing = (
            Fact(
                path="budgets",
                question=Text(
                    f"What were the {year} operating budget and its public part?",
                    f"Quels étaient le budget de fonctionnement {year} et sa part publique ?",
                ),
            ),
        )
    elif share is None:
        # A recorded zero is a fact, not a gap: there is no share to compare, and nothing to ask.
        status = Status.NOT_APPLICABLE
        reason = Text(
            f"the {year} operating budget is zero: no share (0 / 0 is neither 0 % nor 100 %)",
            f"le budget {year} est nul : pas de part (0 / 0 n'est ni 0 % ni 100 %)",
        )
    elif not due:
        status = Status.NOT_APPLICABLE
        reason = Text(
            f"{_en_share(share, limit)} in {year} (calendar year {k}); below {target} is due "
            "from calendar year "
            f"{due_from}",
            f"{_fr_share(share, limit)} en {year} (année civile {k}) ; sous {cible} attendu à "
            f"partir de l'année civile {due_from}",
        )
    else:
        below = share < limit
        status = Status.MET if below else Status.NOT_MET
        reason = Text(
            f"{_en_share(share, limit)} in {year} (calendar year {k}): "
            f"{'below' if below else 'NOT below'} {target}",
            f"{_fr_share(share, limit)} en {year} (année civile {k}) : "
            f"{'sous' if below else 'PAS sous'} {cible}",
        )
    check = Check(
        key="gov.public_share",
        clauses=(_GOV_1, "PHASE.2b"),
        label=label,
        status=status,
        reason=reason,
        parameters=uses,
        missing=missing,
        informative=status is Status.NOT_APPLICABLE,
    )
    # It counts in the contract's status only in a year its target applies, like an objective
    # whose target is the share's: a zero budget has no share to count.
    counted = _SHARE_PROGRESS.get(status) if due else None
    return share, counted, check


_SHARE_PROGRESS: Final = {
    Status.MET: Progress.ACHIEVED,
    Status.NOT_MET: Progress.OFF_TRACK,
    Status.UNKNOWN: Progress.NO_DATA,
}


@exact_decimals
def contract_progress(
    contract: PerformanceContract, year: int, params: ParameterSet
) -> ContractProgress:
    """
    Read a performance contract's progress in *year* (GOV.1, PHASE.2b).

    Every indicator is read against the straight line from its baseline to
    its target over the calendar years the contract spans; each objective
    takes the least favourable status of its indicators. The public share
    of the year's operating budget is checked against its target from the
    calendar year in which the contract's third year ends. The
    contract takes the least favourable status of its objectives and, from
    that year, of its public share: off track when the share is not below
    its target, even if every indicator reached its own.

    Args:
        contract: The performance contract, with its objectives, indicators,
            measurements and budgets.
        year: The calendar year to read, one of those the contract spans
            (:attr:`PerformanceContract.years
            <poles_policy.model.contracts.PerformanceContract.years>`).
        params: Policy parameters, read at the contract's start.

    Returns:
        The progress, with a check per indicator and for the public share.

    Raises:
        InvalidInputError: If *year* is not one of the calendar years the contract spans.
        ParameterError: If a steering parameter has no value at the
            contract's start (before 2009).

    >>> from datetime import date
    >>> from poles_policy.model.actors import StateBody, StateKind
    >>> from poles_policy.model.contracts import (
    ...     Axis,
    ...     Direction,
    ...     Indicator,
    ...     Measurement,
    ...     Objective,
    ...     PerformanceContract,
    ... )
    >>> from poles_policy.parameters import default_parameters
    >>> members = Indicator(
    ...     id="sme",
    ...     name="SME members",
    ...     unit="count",
    ...     baseline=90,
    ...     target=120,
    ...     direction=Direction.INCREASE,
    ...     measurements=(Measurement(year=2009, value=101),),
    ... )
    >>> contract = PerformanceContract(
    ...     id="c",
    ...     pole_id="minalogic",
    ...     state=StateBody(id="prefet", name="Préfet", kind=StateKind.PREFET_DE_REGION),
    ...     governing_body_name="Association Minalogic",
    ...     start=date(2009, 1, 1),
    ...     end=date(2011, 12, 31),
    ...     objectives=(Objective(id="o1", title="Grow", axis=Axis.ECO_1, indicators=(members,)),),
    ... )
    >>> progress = contract_progress(contract, 2009, default_parameters())
    >>> progress.status.value, progress.indicators[0].expected
    ('on_track', Decimal('100'))
    """
    expect(contract, PerformanceContract, "contract", "contract_progress")
    if type(year) is not int:  # a bool is an int to isinstance, not a year
        msg = f"contract_progress: year must be an int, not {type(year).__name__} {year!r}"
        raise WrongTypeError(msg)
    expect_params(params, "contract_progress")
    years = contract.years
    if year not in years:
        msg = (
            f"contract_progress: year: {year!r} is not a year of contract {contract.id!r} "
            f"({years[0]}-{years[-1]})"
        )
        raise InvalidInputError(msg)
    indicators: list[IndicatorProgress] = []
    checks: list[Check] = []
    objectives: list[tuple[str, Progress]] = []
    for objective in contract.objectives:
        if not objective.indicators:
            # No data, and its own check asks for the indicators, in the objective's place.
            checks.append(_unmeasured(objective, year))
            objectives.append((objective.id, Progress.NO_DATA))
            continue
        read = [_indicator(objective, i, contract, year) for i in objective.indicators]
        indicators.extend(progress for progress, _ in read)
        checks.extend(check for _, check in read)
        objectives.append((objective.id, _worst([progress.status for progress, _ in read])))
    share, share_status, share_check = _public_share(contract, year, params)
    # A contract without objectives has no data, whatever its share, unless the share is off track.
    status = _worst([s for _, s in objectives])
    if share_status is not None:
        status = _worst([status, share_status])
    return ContractProgress(
        contract_id=contract.id,
        year=year,
        status=status,
        objectives=tuple(objectives),
        indicators=tuple(indicators),
        public_share=share,
        public_share_status=share_status,
        checks=(*checks, share_check),
    )


CONTRACT_RULE: Final = "gov.contract_terms"
_TERMS_TITLE: Final = Text("Performance contract terms", "Conditions du contrat de performance")
_YEARS: Final = "gov.contract_years"
_PHASE_END: Final = "gov.phase2_end"
ASK_SIGNED_ON: Final = Fact(
    path="contract.signed_on",
    question=Text(
        "On what date was the performance contract signed?",
        "À quelle date le contrat de performance a-t-il été signé ?",
    ),
)
"""The fact to ask for when a contract's signing date is not known."""


def _parties(contract: PerformanceContract, pole: Pole | None) -> Check:
    authorities = ", ".join(a.name for a in contract.local_authorities)
    body = contract.governing_body_name
    state = contract.state.name
    expected = None if pole is None or pole.governing_body is None else pole.governing_body.name
    # Every failing condition is named: "why not" lists them all.
    failures: list[Text] = []
    if not contract.local_authorities:
        failures.append(
            Text(
                f"no local authority signs beside {state} and {body}",
                f"aucune collectivité ne signe aux côtés {fr_de(state)} et {fr_de(body)}",
            )
        )
    if expected is not None and expected.casefold().strip() != body.casefold().strip():
        failures.append(
            Text(
                f"{body} signs for the pôle, whose governing body is {expected}",
                f"{fr_the(body)} signe pour le pôle, dont la structure d'animation est "
                f"{fr_the(expected)}",
            )
        )
    if failures:
        status = Status.NOT_MET
        reason = Text("; ".join(f.en for f in failures), " ; ".join(f.fr for f in failures))
    else:
        status = Status.MET
        names = (body, state, *(a.name for a in contract.local_authorities))
        *first, last = [fr_the(name) for name in names]
        reason = Text(f"{body}, {state} and {authorities}", f"{', '.join(first)} et {last}")
    return Check(
        key="gov.parties",
        # The contract's parties are the State and the local authorities acting together
        # (PHASE.2c), with the pôle (GOV.1).
        clauses=(_GOV_1, "PHASE.2c"),
        label=Text(
            "signed by the pôle, the State and local authorities",
            "signé par le pôle, l'État et des collectivités",
        ),
        status=status,
        reason=reason,
    )


def _period(contract: PerformanceContract, params: ParameterSet) -> Check:
    start, end = contract.start, contract.end
    years = params.count(_YEARS, start)
    last = _last_day(start, years)
    uses = params.uses(start, _YEARS)
    span = f"{start.isoformat()} – {end.isoformat()}"
    label = Text(f"runs {years} years", f"court sur {years} ans")
    if end == last:
        return Check(
            key="gov.period",
            clauses=(_GOV_1,),
            label=label,
            status=Status.MET,
            reason=Text(span, span),
            parameters=uses,
        )
    # An extension is decided while the contract runs: the phase's end is read on the last day
    # of the contract's own years, so the CIADT of 11 May 2010 extends a 2009-2011 contract (its
    # years end on 2011-12-31) and none that had already ended. It only lengthens a contract.
    phase = params.use(_PHASE_END, last)
    phase_end = params.value(_PHASE_END, last)
    if not isinstance(phase_end, date) or phase_end <= last:
        phase = None  # no later end to extend the contract to
    if phase is not None:
        uses = (*uses, phase)
    if phase is not None and end == phase_end:
        # The decision is named when the value's source names it (the packaged one does).
        since = phase.valid_from.isoformat()
        ciadt = "CIADT" in phase.source
        return Check(
            key="gov.period",
            clauses=(_GOV_1,),
            label=Text(f"runs {years} years, extended", f"court sur {years} ans, prolongé"),
            status=Status.MET,
            reason=Text(
                f"{span}: extended to {end}, the end of Phase 2 since "
                f"{'the CIADT of ' if ciadt else ''}{since}; its {years} years from its start end "
                f"on {last}",
                f"{span} : prolongé jusqu'au {end}, la fin de la phase 2 depuis "
                f"{'le CIADT du ' if ciadt else 'le '}{since} ; ses {years} ans depuis son début "
                f"finissent le {last}",
            ),
            parameters=uses,
        )
    ends = Text(
        f"; {years} years from its start end on {last}",
        f" ; {years} ans depuis son début finissent le {last}",
    )
    if phase is not None:
        ends = Text(
            f"{ends.en}, or on {phase_end} if it is extended to the end of Phase 2",
            f"{ends.fr}, ou le {phase_end} s'il est prolongé jusqu'à la fin de la phase 2",
        )
    return Check(
        key="gov.period",
        clauses=(_GOV_1,),
        label=label,
        status=Status.NOT_MET,
        reason=Text(span + ends.en, span + ends.fr),
        parameters=uses,
    )


def _signed(contract: PerformanceContract) -> Check:
    day = contract.signed_on
    return Check(
        key="gov.signed",
        clauses=(_GOV_1,),
        label=Text("signed", "signé"),
        status=Status.UNKNOWN if day is None else Status.MET,
        reason=Text("signing date not known", "date de signature inconnue")
        if day is None
        else Text(f"signed on {day.isoformat()}", f"signé le {day.isoformat()}"),
        missing=(ASK_SIGNED_ON,) if day is None else (),
    )


def _regions_exist(contract: PerformanceContract) -> None:
    """Refuse a signatory's region code that did not exist on the contract's first day."""
    signatories = [("state", contract.state)] + [
        (f"local_authorities[{i}]", body) for i, body in enumerate(contract.local_authorities)
    ]
    for path, body in signatories:
        if body.region is None:
            continue
        try:
            region(body.region, contract.start)
        except InvalidInputError as exc:
            msg = f"contract.{path}.region: {exc}, the contract's first day"
            raise InvalidInputError(msg) from None


def contract_terms(
    contract: PerformanceContract, params: ParameterSet, *, pole: Pole | None = None
) -> Decision:
    """
    Check a performance contract's parties, period and signature (GOV.1).

    Three checks, all evaluated: the contract is signed by the pôle's
    governing body, the State and at least one local authority (and, when
    *pole* is given and its governing body known, the body that signs is that
    one; every failing condition is named); it runs ``gov.contract_years``
    years (3) of twelve months from its first day, read at its start, or is
    extended to the end of Phase 2 (``gov.phase2_end``); and its signing date
    is known. The decision is ELIGIBLE when the terms are those of GOV.1, INELIGIBLE
    when one is not, and UNDETERMINED when the signing date is missing.

    The years end the day before the anniversary of the first day, or, when
    that day does not exist (a contract from 29 February 2012), on the last
    day of its month (28 February 2015): the day before the next period
    would begin.

    **The extension.** The CIADT of 11 May 2010 extended Phase 2 by one year,
    to 2012 (Mov'eo's contract reads 2009/2012). A contract whose own years
    end before the end of Phase 2 in force on their last day
    (``gov.phase2_end``: 31 December 2012 from 11 May 2010, 31 December 2011
    before) may run to that end instead: an extension is decided while the
    contract runs, so the phase's end is read then, not at the start. So
    2009-01-01 to 2012-12-31 is extended (its years would end on 2011-12-31,
    after the CIADT), whereas 2010-01-01 to 2013-12-31 is not (nothing extends
    past the end of the extended phase), nor is a contract ending on another
    day.

    A signing date after the start is normal (the Rhône-Alpes contracts for
    2009-2011 were signed on 6 July 2009). One after the contract's end
    never reaches this rule: the
    contract itself refuses it as a data error
    (:class:`~poles_policy.model.contracts.PerformanceContract`).

    The length counts years of twelve months; :func:`contract_progress`
    counts the calendar years the contract spans: a contract of whole years
    that does not start on 1 January spans one calendar year more.

    Args:
        contract: The performance contract.
        params: Policy parameters, read at the contract's start (the end of
            Phase 2 on the last day of its own years).
        pole: The pôle, to compare its governing body with the signatory.

    Returns:
        The decision, with checks ``gov.parties``, ``gov.period``, ``gov.signed``.

    Raises:
        InvalidInputError: If *pole* is not the contract's pôle, or a
            signatory's region code did not exist on the contract's first
            day (``"84"``, Auvergne-Rhône-Alpes, in a 2009 contract).
        ParameterError: If ``gov.contract_years`` has no value at the
            contract's start (before 2009).

    >>> from datetime import date
    >>> from poles_policy.model.actors import (
    ...     AuthorityLevel,
    ...     LocalAuthority,
    ...     StateBody,
    ...     StateKind,
    ... )
    >>> from poles_policy.parameters import default_parameters
    >>> contract = PerformanceContract(
    ...     id="c",
    ...     pole_id="moveo",
    ...     state=StateBody(id="prefet", name="Préfet", kind=StateKind.PREFET_DE_REGION),
    ...     local_authorities=(
    ...         LocalAuthority(id="region", name="Région", level=AuthorityLevel.REGION),
    ...     ),
    ...     governing_body_name="Association Mov'eo",
    ...     signed_on=date(2009, 7, 6),
    ...     start=date(2009, 1, 1),
    ...     end=date(2012, 12, 31),
    ... )
    >>> terms = contract_terms(contract, default_parameters())
    >>> terms.outcome.value, terms.check("gov.period").label.en
    ('eligible', 'runs 3 years, extended')
    """
    expect(contract, PerformanceContract, "contract", "contract_terms")
    expect_params(params, "contract_terms")
    if pole is not None:
        expect(pole, Pole, "pole", "contract_terms")
    if pole is not None and pole.id != contract.pole_id:
        msg = (
            f"contract_terms: pole: {pole.id!r} is not the pôle of contract {contract.id!r} "
            f"({contract.pole_id!r})"
        )
        raise InvalidInputError(msg)
    _regions_exist(contract)
    return Decision(
        rule=CONTRACT_RULE,
        title=_TERMS_TITLE,
        subject=contract.id,
        on=contract.start,
        checks=(_parties(contract, pole), _period(contract, params), _signed(contract)),
    )
