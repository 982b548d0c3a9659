"""
Evaluating the relay pilot over a portfolio, and comparing scenarios (RELAY.7).

The policy text says the pilot "va faire l'objet d'un bilan" and could be
generalised nationally if the conclusions are satisfactory. This module
draws that balance sheet from a portfolio of assessed cases — uptake,
outcomes, reasons for refusals, months saved (distribution and share inside
the promised 6 to 9 months), amounts pre-financed, OSEO exposure, costs — and
gives a verdict against criteria *the user states* (the text sets none).
:func:`compare` sets a baseline (the pilot) beside a reform (e.g. a national
generalisation from a date), region by region.

Everything is exact (Decimal) and plain Python: no numpy is needed.
"""

from __future__ import annotations

from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Final

import attrs

from poles_policy._arguments import listed, refuse
from poles_policy.exceptions import InvalidInputError, WrongTypeError
from poles_policy.explain import Lang, Outcome, Text, fr_amount, fr_number
from poles_policy.model.actors import actor_region
from poles_policy.money import ZERO, Eur, eur, exact_decimals, rate, round_cents
from poles_policy.rules._inputs import expect
from poles_policy.rules.relay.assessment import Assessment
from poles_policy.rules.relay.eligibility import label

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = [
    "Comparison",
    "Criterion",
    "Distribution",
    "PilotCriteria",
    "PortfolioSummary",
    "RegionRow",
    "compare",
    "evaluate_portfolio",
]

_HUNDREDTH = Decimal("0.01")
_VERDICT = {
    True: Text("met", "rempli"),
    False: Text("NOT MET", "NON REMPLI"),
    None: Text("unknown", "inconnu"),
}
_PERCENT = Decimal("0.001")


@attrs.frozen(kw_only=True)
class Distribution:
    """
    Order statistics of a list of exact values (quartiles by linear interpolation).

    >>> Distribution.of([Decimal(v) for v in (1, 2, 3, 4)]).median
    Decimal('2.5')
    """

    count: int
    minimum: Decimal
    q1: Decimal
    median: Decimal
    q3: Decimal
    maximum: Decimal

    @classmethod
    def of(cls, values: Sequence[Decimal]) -> Distribution | None:
        """
        Return the distribution of *values*, or ``None`` when there are none.

        Raises:
            WrongTypeError: If *values* is not a list of finite Decimals.

        >>> Distribution.of([Decimal("4.3"), Decimal("4.4")]).median
        Decimal('4.35')
        """
        data = list(listed(values, Decimal, "Distribution.of", "values"))
        for index, value in enumerate(data):
            if not value.is_finite():
                refuse("Distribution.of", f"values[{index}]", "a finite Decimal", value)
        if not data:
            return None
        data.sort()
        return cls(
            count=len(data),
            minimum=data[0],
            q1=_quantile(data, Decimal("0.25")),
            median=_quantile(data, Decimal("0.5")),
            q3=_quantile(data, Decimal("0.75")),
            maximum=data[-1],
        )

    def describe(self, lang: Lang = "en") -> str:
        """
        Render ``min / q1 / median / q3 / max (n)``, each to two decimals (half up).

        In French the decimals take a comma.

        >>> Distribution.of([Decimal("4.3"), Decimal("4.4")]).describe()
        '4.30 / 4.33 / 4.35 / 4.38 / 4.40 (n=2)'
        >>> Distribution.of([Decimal("4.3"), Decimal("4.4")]).describe("fr")
        '4,30 / 4,33 / 4,35 / 4,38 / 4,40 (n=2)'
        """
        shown = (self.minimum, self.q1, self.median, self.q3, self.maximum)
        text = " / ".join(str(v.quantize(_HUNDREDTH, ROUND_HALF_UP)) for v in shown)
        return f"{fr_number(text) if lang == 'fr' else text} (n={self.count})"


def _quantile(data: Sequence[Decimal], q: Decimal) -> Decimal:
    position = (len(data) - 1) * q
    lower = int(position)
    fraction = position - lower
    if lower + 1 >= len(data):
        return data[-1]
    return data[lower] + (data[lower + 1] - data[lower]) * fraction


def _share_criterion(value: Decimal | int | str | None, field: str) -> Decimal | None:
    if value is None:
        return None
    found = rate(value, field=field)
    if not 0 <= found <= 1:
        msg = f"{field}: {found} is not a share from 0 to 1"
        raise InvalidInputError(msg)
    return found


def _grant_rate(value: Decimal | int | str | None) -> Decimal | None:
    return _share_criterion(value, "PilotCriteria.min_grant_rate")


def _inside_share(value: Decimal | int | str | None) -> Decimal | None:
    return _share_criterion(value, "PilotCriteria.min_share_inside_promise")


def _months_saved(value: Decimal | int | str | None) -> Decimal | None:
    if value is None:
        return None
    field = "PilotCriteria.min_median_months_saved"
    found = rate(value, field=field)
    if found < 0:
        msg = f"{field}: {found} is not a number of months (negative)"
        raise InvalidInputError(msg)
    return found


def _cost_per_month(value: Decimal | int | str | None) -> Eur | None:
    if value is None:
        return None
    field = "PilotCriteria.max_cost_per_month_saved"
    found = eur(value, field=field)
    if found < 0:
        msg = f"{field}: {found} is not a cost (negative)"
        raise InvalidInputError(msg)
    return found


@attrs.frozen(kw_only=True)
class PilotCriteria:
    """
    The user's criteria for a satisfactory pilot (the policy text states none).

    Each criterion is optional and exact: a ``Decimal``, an ``int`` or a
    decimal string; a float is refused, as for money.

    Attributes:
        min_grant_rate: Minimum share of decided requests found eligible.
        min_share_inside_promise: Minimum share of eligible cases whose
            saving is certainly inside the promised gain
            (``relay.promised_gain_months``: 6 to 9 months under the text).
        min_median_months_saved: Minimum median months saved (low scenario).
        max_cost_per_month_saved: Maximum median cost per month saved, in
            euros to the cent, each case at its least favourable scenario
            (``PortfolioSummary.cost_per_month_worst``).

    Raises:
        InvalidInputError: If a share is outside 0 to 1, months or a cost is
            negative, or a value is a float or not a number (then a
            :class:`~poles_policy.exceptions.WrongTypeError`), naming the
            criterion.

    >>> PilotCriteria(min_grant_rate="0.5", max_cost_per_month_saved=1500).max_cost_per_month_saved
    Decimal('1500.00')
    >>> PilotCriteria(min_grant_rate=0.5)
    Traceback (most recent call last):
    ...
    poles_policy.exceptions.InvalidInputError: PilotCriteria.min_grant_rate: 0.5 is a float; money and rates must be exact (pass a string, an int or a Decimal)
    """  # noqa: E501 - a doctest's traceback line cannot wrap

    min_grant_rate: Decimal | None = attrs.field(default=None, converter=_grant_rate)
    min_share_inside_promise: Decimal | None = attrs.field(default=None, converter=_inside_share)
    min_median_months_saved: Decimal | None = attrs.field(default=None, converter=_months_saved)
    max_cost_per_month_saved: Eur | None = attrs.field(default=None, converter=_cost_per_month)


@attrs.frozen(kw_only=True)
class Criterion:
    """
    One criterion of the verdict: ``met`` is ``None`` when the portfolio cannot tell.

    ``found`` is the figure found, as text, or ``"-"`` when there is none
    (no decided case for a grant rate, no saving for a median).
    """

    name: Text
    target: str
    found: str
    met: bool | None


@attrs.frozen(kw_only=True)
class PortfolioSummary:
    """
    The balance sheet of a portfolio of relay cases under one parameter set.

    Attributes:
        label: The parameter set's label (e.g. ``"default"``).
        requests: Number of cases (the uptake).
        by_outcome: Cases per outcome.
        by_region: Requests and eligible cases per region code.
        refusals: For each condition, how many ineligible cases fail it
            (a case may fail several).
        grant_rate: Eligible / (eligible + ineligible), or ``None`` if none was decided.
        months_saved_low: Decimal months saved to the first subsidy payment,
            low scenario, over eligible cases with a figure.
        months_saved_high: The same, high scenario.
        inside_promise: Eligible cases certainly inside the promise.
        partly_inside_promise: Eligible cases whose range straddles a bound.
        after_subsidy: Eligible cases whose relay comes after the subsidy.
        with_saving: Eligible cases with a time-saved figure.
        prefinanced: Principal of the eligible cases.
        oseo_exposure: Amount OSEO counter-guarantees on eligible cases.
        cost_low: Total cost, low scenario, over eligible cases with a figure.
        cost_high: The same, high scenario.
        costed: How many eligible cases have a cost figure: the others'
            cost waits for facts (an overdue subsidy payment's date, say).
        cost_per_month_high: Median cost per month saved, high scenario.
        cost_per_month_worst: Median cost per month saved, each case at its
            least favourable scenario: the higher of its low and high
            figures (the low scenario's, over fewer months saved, is often
            the higher).
        verdict: The criteria, each met or not.
        request_ids: The ids of the requests assessed, sorted: a comparison
            must set two summaries of the same requests side by side.
        eligible_ids: Each eligible request as its id and its region code
            (``"?"`` when not known), sorted: a comparison tells the cases a
            reform admits from those it no longer admits.
    """

    label: str
    requests: int
    by_outcome: tuple[tuple[Outcome, int], ...]
    by_region: tuple[tuple[str, int, int], ...]
    refusals: tuple[tuple[str, int], ...]
    grant_rate: Decimal | None
    months_saved_low: Distribution | None
    months_saved_high: Distribution | None
    inside_promise: int
    partly_inside_promise: int
    after_subsidy: int
    with_saving: int
    prefinanced: Eur
    oseo_exposure: Eur
    cost_low: Eur
    cost_high: Eur
    cost_per_month_high: Decimal | None
    cost_per_month_worst: Decimal | None
    verdict: tuple[Criterion, ...]
    request_ids: tuple[str, ...] = ()
    costed: int = 0
    eligible_ids: tuple[tuple[str, str], ...] = ()

    def count(self, outcome: Outcome) -> int:
        """
        Return the number of cases with *outcome*.

        Raises:
            WrongTypeError: If *outcome* is not an :class:`~poles_policy.explain.Outcome`.
        """
        expect(outcome, Outcome, "outcome", "PortfolioSummary.count")
        return dict(self.by_outcome).get(outcome, 0)

    @property
    def share_inside_promise(self) -> Decimal | None:
        """Share of the eligible cases with a figure that are certainly inside the promise."""
        if self.with_saving == 0:
            return None
        return (Decimal(self.inside_promise) / self.with_saving).quantize(_PERCENT, ROUND_HALF_UP)

    def report(self, lang: Lang = "en") -> str:
        """Render the balance sheet as text (in French: decimal commas, amounts in €)."""
        fr = lang == "fr"
        c = " :" if fr else ":"  # French puts a space before a colon
        title = "Bilan" if fr else "Balance sheet"
        lines = [f"{title} — {self.label}{c} {self.requests} {'demandes' if fr else 'requests'}"]
        outcomes = ", ".join(f"{o.label.in_lang(lang)}{c} {n}" for o, n in self.by_outcome)
        lines.append(f"  {'Décisions' if fr else 'Decisions'}{c} {outcomes}")
        rate = "-" if self.grant_rate is None else _number(f"{self.grant_rate * 100:.1f}", lang)
        grant = "Taux d'accord" if fr else "Grant rate"
        lines.append(f"  {grant}{c} {rate}{'' if self.grant_rate is None else ' %'}")
        if self.refusals:
            lines.append(f"  {'Motifs de refus' if fr else 'Reasons for refusal'}{c}")
            lines.extend(
                f"    {n:3d}  {label(key).in_lang(lang)} ({key})" for key, n in self.refusals
            )
        scenarios = (
            (Text("low", "bas"), self.months_saved_low),
            (Text("high", "haut"), self.months_saved_high),
        )
        for name, dist in scenarios:
            shown = "-" if dist is None else dist.describe(lang)
            title = (
                f"Mois gagnés ({name.fr} ; min / q1 / médiane / q3 / max)"
                if fr
                else f"Months saved ({name.en}; min / q1 / median / q3 / max)"
            )
            lines.append(f"  {title}{c} {shown}")
        share = self.share_inside_promise
        shown = "-" if share is None else f"{_number(f'{share * 100:.1f}', lang)} %"
        sep = " ; " if fr else "; "
        lines.append(
            f"  {'Dans le gain promis' if fr else 'Inside the promised gain'}{c} "
            f"{self.inside_promise}/{self.with_saving} ({shown}){sep}"
            f"{'en partie' if fr else 'partly'}{c} {self.partly_inside_promise}{sep}"
            f"{'relais après la subvention' if fr else 'relay after the subsidy'}{c} "
            f"{self.after_subsidy}"
        )
        lines.append(
            f"  {'Préfinancé' if fr else 'Pre-financed'}{c} {_eur(self.prefinanced, lang)}"
        )
        lines.append(
            f"  {'Exposition OSEO' if fr else 'OSEO exposure'}{c} {_eur(self.oseo_exposure, lang)}"
        )
        high = "-" if self.cost_per_month_high is None else _eur(self.cost_per_month_high, lang)
        worst = "-" if self.cost_per_month_worst is None else _eur(self.cost_per_month_worst, lang)
        # The scenarios' totals as a range, smaller first: the low scenario bears the OSEO fee
        # when it is not known whether the bank asks for it, and may cost more.
        least, most = sorted((self.cost_low, self.cost_high))
        cost = f"{fr_amount(least)} à {fr_amount(most)}" if fr else f"{least} .. {most} EUR"
        eligible = self.count(Outcome.ELIGIBLE)
        if self.costed < eligible:
            # Some eligible cases' cost waits for facts: say over how many the total runs.
            cost += (
                f" ({self.costed} cas sur {eligible} éligibles)"
                if fr
                else f" ({self.costed} of {eligible} eligible cases)"
            )
        lines.append(
            f"  {'Coût' if fr else 'Cost'}{c} {cost}{sep}"
            + (
                f"médiane par mois gagné : {high} (haut), {worst} (le moins favorable)"
                if fr
                else f"median per month saved: {high} (high), {worst} (least favourable)"
            )
        )
        if self.verdict:
            lines.append(f"  {'Critères' if fr else 'Criteria'}{c}")
            for crit in self.verdict:
                mark = _VERDICT[crit.met].in_lang(lang)
                target = "cible" if fr else "target"
                found, wanted = (
                    (_fr_criterion(crit.found), _fr_criterion(crit.target))
                    if fr
                    else (crit.found, crit.target)
                )
                lines.append(
                    f"    [{mark}] {crit.name.in_lang(lang)}{c} {found} ({target} {wanted})"
                )
        return "\n".join(lines)


def _number(text: str, lang: Lang) -> str:
    return fr_number(text) if lang == "fr" else text


def _eur(amount: Decimal, lang: Lang) -> str:
    return fr_amount(amount) if lang == "fr" else f"{amount} EUR"


def _fr_criterion(text: str) -> str:
    """A criterion's figure or target (``">= 0.50"``) as a French account writes it."""
    if text == "None":
        return "inconnu"
    return fr_number(text.replace(">=", "≥").replace("<=", "≤"))


def _median_cents(values: list[Decimal]) -> Eur | None:
    found = Distribution.of(values)
    return None if found is None else round_cents(found.median)


def _share(part: int, whole: int) -> Decimal | None:
    return None if whole == 0 else (Decimal(part) / whole).quantize(_PERCENT, ROUND_HALF_UP)


def _verdict(
    criteria: PilotCriteria | None,
    grant_rate: Decimal | None,
    share_inside: Decimal | None,
    months_low: Distribution | None,
    per_month: Decimal | None,
) -> tuple[Criterion, ...]:
    if criteria is None:
        return ()
    out: list[Criterion] = []

    def add(name: Text, target: Decimal | None, found: Decimal | None, *, at_least: bool) -> None:
        if target is None:
            return
        met = None if found is None else (found >= target if at_least else found <= target)
        sign = ">=" if at_least else "<="
        shown = "-" if found is None else str(found)  # "-": the portfolio cannot tell
        out.append(Criterion(name=name, target=f"{sign} {target}", found=shown, met=met))

    add(Text("grant rate", "taux d'accord"), criteria.min_grant_rate, grant_rate, at_least=True)
    add(
        Text("share inside the promise", "part dans la promesse"),
        criteria.min_share_inside_promise,
        share_inside,
        at_least=True,
    )
    median = None if months_low is None else months_low.median
    add(
        Text("median months saved (low)", "médiane des mois gagnés (bas)"),
        criteria.min_median_months_saved,
        median,
        at_least=True,
    )
    add(
        Text(
            "median cost per month saved (least favourable)",
            "coût médian par mois gagné (le moins favorable)",
        ),
        criteria.max_cost_per_month_saved,
        per_month,
        at_least=False,
    )
    return tuple(out)


def _checked(assessments: object, label: object, criteria: object) -> list[Assessment]:
    """The assessments as a list, once every argument of evaluate_portfolio is checked."""
    if isinstance(assessments, str | bytes) or not hasattr(assessments, "__iter__"):
        msg = f"evaluate_portfolio: assessments must be a list of assessments, not {assessments!r}"
        raise WrongTypeError(msg)
    items = list(assessments)
    seen: dict[str, int] = {}
    for position, item in enumerate(items):
        expect(item, Assessment, f"assessments[{position}]", "evaluate_portfolio")
        first = seen.setdefault(item.request.id, position)
        if first != position:
            msg = (
                f"evaluate_portfolio: request {item.request.id!r} is assessed twice (assessments "
                f"{first} and {position}); a balance sheet counts each request once"
            )
            raise InvalidInputError(msg)
    expect(label, str, "label", "evaluate_portfolio")
    if criteria is not None:
        expect(criteria, PilotCriteria, "criteria", "evaluate_portfolio")
    return items


@exact_decimals
def evaluate_portfolio(
    assessments: Iterable[Assessment], *, label: str = "", criteria: PilotCriteria | None = None
) -> PortfolioSummary:
    """
    Draw the balance sheet of the relay pilot over *assessments* (RELAY.7).

    Args:
        assessments: One assessment per case, all under the same parameter set.
        label: The parameter set's label, shown in the report.
        criteria: The user's criteria for a satisfactory pilot, if any.

    Returns:
        The summary, with a verdict per criterion.

    Raises:
        InvalidInputError: If a request is assessed twice.
        WrongTypeError: If *assessments* is not a list of assessments, or
            *label* or *criteria* is of the wrong type.
    """
    items = _checked(assessments, label, criteria)
    outcomes: Counter[Outcome] = Counter()
    refusals: Counter[str] = Counter()
    regions: dict[str, list[int]] = {}
    low: list[Decimal] = []
    high: list[Decimal] = []
    per_month: list[Decimal] = []
    per_month_worst: list[Decimal] = []
    inside = partly = after = with_saving = 0
    prefinanced = exposure = cost_low = cost_high = Decimal(0)
    costed = 0
    for a in items:
        outcome = a.outcome
        outcomes[outcome] += 1
        code = actor_region(a.request.applicant) or "?"
        row = regions.setdefault(code, [0, 0])
        row[0] += 1
        if outcome is Outcome.INELIGIBLE:
            refusals.update(c.key for c in a.decision.failed)
            continue
        if outcome is not Outcome.ELIGIBLE:
            continue
        row[1] += 1
        principal = a.loan.principal if a.loan is not None else a.request.amount
        prefinanced += principal
        if a.guarantee is not None and a.guarantee.asked and a.guarantee.covered is not None:
            exposure += a.guarantee.covered
        t = a.timing
        if t is not None and t.saving_low is not None and t.saving_high is not None:
            with_saving += 1
            low.append(t.saving_low.decimal_months)
            high.append(t.saving_high.decimal_months)
            inside += t.promise == "inside"
            partly += t.promise == "partly"
            after += bool(t.after_subsidy)
        c = a.cost
        if c is not None and c.total_low is not None and c.total_high is not None:
            costed += 1
            cost_low += c.total_low
            cost_high += c.total_high
            if c.per_month_saved_high is not None:
                per_month.append(c.per_month_saved_high)
            figures = [v for v in (c.per_month_saved_low, c.per_month_saved_high) if v is not None]
            if figures:
                per_month_worst.append(max(figures))
    decided = outcomes[Outcome.ELIGIBLE] + outcomes[Outcome.INELIGIBLE]
    grant_rate = _share(outcomes[Outcome.ELIGIBLE], decided)
    months_low = Distribution.of(low)
    per_month_median = _median_cents(per_month)
    worst_median = _median_cents(per_month_worst)
    return PortfolioSummary(
        label=label,
        requests=len(items),
        by_outcome=tuple((o, outcomes[o]) for o in Outcome if outcomes[o]),
        by_region=tuple((code, n, ok) for code, (n, ok) in sorted(regions.items())),
        refusals=tuple(sorted(refusals.items(), key=lambda kv: (-kv[1], kv[0]))),
        grant_rate=grant_rate,
        months_saved_low=months_low,
        months_saved_high=Distribution.of(high),
        inside_promise=inside,
        partly_inside_promise=partly,
        after_subsidy=after,
        with_saving=with_saving,
        prefinanced=Eur(prefinanced + ZERO),
        oseo_exposure=Eur(exposure + ZERO),
        cost_low=Eur(cost_low + ZERO),
        cost_high=Eur(cost_high + ZERO),
        costed=costed,
        cost_per_month_high=per_month_median,
        cost_per_month_worst=worst_median,
        verdict=_verdict(
            criteria, grant_rate, _share(inside, with_saving), months_low, worst_median
        ),
        request_ids=tuple(sorted(a.request.id for a in items)),
        eligible_ids=tuple(
            sorted(
                (a.request.id, actor_region(a.request.applicant) or "?")
                for a in items
                if a.outcome is Outcome.ELIGIBLE
            )
        ),
    )


@attrs.frozen(kw_only=True)
class RegionRow:
    """
    One region in a baseline-vs-reform comparison.

    Attributes:
        region: The region code (``"?"`` when not known).
        requests: The region's cases.
        eligible_baseline: Those eligible under the baseline.
        eligible_reform: Those eligible under the reform.
        newly_eligible: Those eligible under the reform and not under the
            baseline.
        no_longer_eligible: Those eligible under the baseline and not under
            the reform (a reform that also tightens a term).
    """

    region: str
    requests: int
    eligible_baseline: int
    eligible_reform: int
    newly_eligible: int
    no_longer_eligible: int

    @property
    def net_change(self) -> int:
        """Eligible cases under the reform minus those under the baseline."""
        return self.eligible_reform - self.eligible_baseline


@attrs.frozen(kw_only=True)
class Comparison:
    """A baseline and a reform over the same cases, region by region."""

    baseline: PortfolioSummary
    reform: PortfolioSummary
    regions: tuple[RegionRow, ...]

    def report(self, lang: Lang = "en") -> str:
        """Render the two balance sheets and the regional table."""
        fr = lang == "fr"
        lines = [self.baseline.report(lang), "", self.reform.report(lang), ""]
        if fr:
            lines.append(f"Par région ({self.baseline.label} → {self.reform.label}) :")
            headers, widths = _TABLE_FR
        else:
            lines.append(f"By region ({self.baseline.label} -> {self.reform.label}):")
            headers, widths = _TABLE_EN
        lines.append("  " + "  ".join(f"{h:>{w}}" for h, w in zip(headers, widths, strict=True)))
        lines.extend(
            "  "
            + "  ".join(
                f"{v:>{w}}"
                for v, w in zip(
                    (
                        r.region,
                        r.requests,
                        r.eligible_baseline,
                        r.eligible_reform,
                        r.newly_eligible,
                        r.no_longer_eligible,
                    ),
                    widths,
                    strict=True,
                )
            )
            for r in self.regions
        )
        extra = self.reform.prefinanced - self.baseline.prefinanced
        exposure = self.reform.oseo_exposure - self.baseline.oseo_exposure
        lines.append(
            f"  Préfinancement en plus : {fr_amount(extra)} ; "
            f"exposition OSEO en plus : {fr_amount(exposure)}"
            if fr
            else f"  Additional pre-financing: {extra} EUR; "
            f"additional OSEO exposure: {exposure} EUR"
        )
        return "\n".join(lines)


# The regional table's column headers and widths, in English and in French.
_TABLE_EN: Final = (
    ("region", "requests", "baseline", "reform", "new", "lost"),
    (6, 8, 8, 8, 4, 4),
)
_TABLE_FR: Final = (
    ("région", "demandes", "référence", "réforme", "nouveaux", "perdus"),
    (6, 8, 9, 8, 8, 6),
)


@exact_decimals
def compare(baseline: PortfolioSummary, reform: PortfolioSummary) -> Comparison:
    """
    Set a baseline and a reform of the same portfolio side by side, by region (RELAY.7).

    Raises:
        ValueError: If the two summaries do not cover the same requests (by
            id, and so per region).
    """
    expect(baseline, PortfolioSummary, "baseline", "compare")
    expect(reform, PortfolioSummary, "reform", "compare")
    base = {code: (n, ok) for code, n, ok in baseline.by_region}
    new = {code: (n, ok) for code, n, ok in reform.by_region}
    if {c: n for c, (n, _) in base.items()} != {c: n for c, (n, _) in new.items()}:
        msg = "the baseline and the reform must cover the same cases"
        raise ValueError(msg)
    if baseline.request_ids != reform.request_ids:
        only_base = sorted(set(baseline.request_ids) - set(reform.request_ids))
        only_reform = sorted(set(reform.request_ids) - set(baseline.request_ids))
        msg = (
            "the baseline and the reform must cover the same cases: "
            f"only in the baseline {', '.join(only_base) or '-'}; "
            f"only in the reform {', '.join(only_reform) or '-'}"
        )
        raise ValueError(msg)
    before, after = set(baseline.eligible_ids), set(reform.eligible_ids)
    gained = Counter(code for _, code in after - before)
    lost = Counter(code for _, code in before - after)
    rows = tuple(
        RegionRow(
            region=code,
            requests=base[code][0],
            eligible_baseline=base[code][1],
            eligible_reform=new[code][1],
            newly_eligible=gained[code],
            no_longer_eligible=lost[code],
        )
        for code in sorted(base)
    )
    return Comparison(baseline=baseline, reform=reform, regions=rows)
