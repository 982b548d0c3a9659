"""
An innovation platform's eligibility under a specific call for projects (STRUCT.1).

Structuring projects such as *plates-formes d'innovation* (innovation
platforms: pooled equipment, staff and services open to the pôle's firms,
SMEs above all, and laboratories) are funded through specific calls for
projects (STRUCT.1). :func:`platform_eligibility` reads a platform's
application against its call with eight checks, always all of them and in
this order, which is also the order in which
:attr:`~poles_policy.explain.Decision.missing` asks for facts:

1. ``struct.window`` - the platform was submitted within the call's window,
   both bounds inclusive (the opening day and the closing day are in).
2. ``struct.targeted`` - when the call targets pôles, at least one carrying
   pôle is among them; a call that targets none is open to every pôle.
3. ``struct.labelled`` - at least one carrying pôle holds its label on the
   submission date (:meth:`~poles_policy.model.poles.Pole.is_labelled_on`),
   or, when that date is not known, throughout the call's window.
   Labelling histories come from the pôles the caller gives; a carrying
   pôle that is not given is asked for, unless a given one settles it.
4. ``struct.open`` - the platform is open to outside users, with at least
   one SME and one laboratory among the users given.
5. ``struct.balanced`` - the financing plan balances the budget (investment
   plus operating), to the cent.
6. ``struct.core_funding`` - partners' contributions and user fees are "the
   core" of the funding: at least ``struct.core_funding_min_share`` of the
   plan's total.
7. ``struct.operating_aid`` - State operating aid from the FCE (*Fonds de
   compétitivité des entreprises*) decreases from year to year, lasts at
   most ``struct.operating_aid_max_years`` calendar years, and funds no year
   before the call opened or the platform was submitted.
8. ``struct.cdc_studies`` - Caisse des Dépôts support for engineering
   studies is at most ``min(struct.cdc_study_max,
   struct.cdc_study_share_max × study cost)``.

Every check cites STRUCT.1. The decision is ELIGIBLE when all eight are met,
INELIGIBLE when one is not, and UNDETERMINED otherwise, with the facts to
ask for.

**The decision date.** A platform is judged on the day it was submitted: its
``submitted_on`` when known, otherwise the call's closing day (the last day
it could have been submitted). Every parameter is read on that date, never
at "today", or on the call's opening day for a platform sent before it. The
pôles' labels are read on the submission date; when it is not known, over
the whole window: a pôle labelled throughout meets the check, one labelled
at no time in it does not, and one labelled on part of it leaves the check
open and the submission date is asked for.

**Modelling choices.**

- *"The core" of the funding.* The source says that partners' contributions
  and user fees "must be the core of the funding" and gives no figure. "At
  least half" of the plan's total is the modelling choice, held in
  ``struct.core_funding_min_share`` (confidence ``assumption``) so that a
  reform can change it. A plan whose lines total zero funds nothing, so
  nothing is its core: the check is not met.
- *Decreasing operating aid.* The amounts of one year's lines are summed;
  each year's total, from the first year of aid to the last, must be
  strictly below the previous year's (a flat aid is not decreasing). The
  plan lists all the aid there is: a year between two years of aid that it
  does not list has none, as one it lists at 0.00, and the aid then rises
  again. Years of 0.00 before the first aid or after the last are years
  without aid, and are not counted. From the first year of aid to the last
  there must be at most N calendar years (first year + N - 1). Lines that
  all total 0.00 are no aid: the check is met.
- *Operating aid without a year* could go to any year, so it asks for the
  yearly split, unless no split could change the check (below). Lines of
  0.00 without a year change nothing, whatever their year: the check is the
  dated aid's.
- *Exact comparisons.* The core share is compared by cross-multiplication
  (contributions and fees against the minimum share times the total), and
  the study support against the exact product of the share and the study
  cost: neither is rounded before comparing, so 0.01 € above the exact
  80 % fails, even for amounts of 28 digits (the products are taken in a
  60-digit context that refuses to round). :func:`cdc_study_ceiling` gives
  the same bound as an amount, rounded down to the cent.
- *A known failure settles a check.* A check is UNKNOWN only when the
  missing fact could still change its status. Users given without an SME
  or a laboratory fail check 4 whether or not open access is known; dated
  operating aid spread over more than N years, or rising by more than the
  aid without a year could make up, fails check 7, and operating aid of
  0.00 € without a year is not asked for when no year could change the
  check; a study support above the 200 000 € cap fails check 8 whatever
  the study cost (and a support of 0.00 € meets it).
- *An empty financing plan* is a plan not given: checks 5 and 6 ask for it,
  while checks 7 and 8, which find no operating aid and no study support in
  it, are met. For a budget of zero, though, an empty plan is the whole plan,
  and both checks read it as given: it balances the budget (check 5 met) and
  funds nothing, so, like any plan whose lines total zero, it has no core
  (check 6 not met). Such a platform is INELIGIBLE, never UNDETERMINED: there
  is no fact to ask for that could change the answer.
- *Years already past.* State operating aid decided under a call cannot
  fund a year that was over before the call opened or before the platform
  was submitted: a dated year of aid before the later of the two fails
  check 7, whatever the rest of the plan (years of 0.00 before the first
  aid are no aid, and are not counted). When the submission date is not
  known, a year before the call's opening year fails; one between the
  opening year and the closing year is past or not depending on the day,
  so, if nothing else fails the check, it asks for the submission date. A
  plan can hold such a year by mistake, so it is a failed condition, not
  an input error; a year that no calendar has (0 or below) is refused by
  :class:`~poles_policy.model.platforms.FinancingLine`.
"""

from __future__ import annotations

import itertools
from decimal import Context, Decimal, Inexact, InvalidOperation
from typing import TYPE_CHECKING, Final

from poles_policy.exceptions import InvalidInputError
from poles_policy.explain import (
    Check,
    Decision,
    Fact,
    ParameterUse,
    Status,
    Text,
    fr_amount,
    fr_count,
    fr_percent,
)
from poles_policy.model.platforms import (
    CallForProjects,
    FundingSource,
    InnovationPlatform,
    UserKind,
)
from poles_policy.money import CENT, EXACT, ZERO, Eur, eur, exact_decimals, round_cents, total
from poles_policy.rules._inputs import expect, expect_date, expect_params, poles_by_id

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import date

    from poles_policy.explain import Lang
    from poles_policy.model.platforms import FinancingLine
    from poles_policy.model.poles import Pole
    from poles_policy.parameters import ParameterSet

__all__ = [
    "ASK_FINANCING",
    "ASK_OPEN_ACCESS",
    "ASK_OPERATING_AID_YEARS",
    "ASK_STUDY_COST",
    "ASK_SUBMITTED_ON",
    "ASK_USERS",
    "PLATFORM_RULE",
    "cdc_study_ceiling",
    "platform_eligibility",
]

PLATFORM_RULE: Final = "struct.platform_eligibility"
_TITLE: Final = Text(
    "Innovation platform eligibility under a call",
    "Éligibilité d'une plate-forme d'innovation à un appel à projets",
)
_STRUCT_1: Final = ("STRUCT.1",)
_CORE_MIN: Final = "struct.core_funding_min_share"
_AID_YEARS: Final = "struct.operating_aid_max_years"
_CDC_MAX: Final = "struct.cdc_study_max"
_CDC_SHARE: Final = "struct.cdc_study_share_max"

ASK_SUBMITTED_ON: Final = Fact(
    path="platform.submitted_on",
    question=Text(
        "On what date was the platform's application submitted?",
        "À quelle date le dossier de la plate-forme a-t-il été déposé ?",
    ),
)
"""The fact to ask for when the submission date is not known."""
ASK_OPEN_ACCESS: Final = Fact(
    path="platform.open_access",
    question=Text(
        "Is the platform open to outside users (firms, SMEs above all, and laboratories) "
        "at an affordable cost?",
        "La plate-forme est-elle ouverte aux utilisateurs extérieurs (entreprises, PME "
        "surtout, et laboratoires) à un coût abordable ?",
    ),
)
"""The fact to ask for when it is not known whether the platform is open."""
ASK_USERS: Final = Fact(
    path="platform.users",
    question=Text(
        "Who are the platform's users (SMEs, laboratories, other firms)?",
        "Qui sont les utilisateurs de la plate-forme (PME, laboratoires, autres entreprises) ?",
    ),
)
"""The fact to ask for when an open platform lists no user."""
ASK_FINANCING: Final = Fact(
    path="platform.financing",
    question=Text(
        "What is the platform's financing plan, by source?",
        "Quel est le plan de financement de la plate-forme, par source ?",
    ),
)
"""The fact to ask for when the financing plan is empty."""
ASK_OPERATING_AID_YEARS: Final = Fact(
    path="platform.financing.year",
    question=Text(
        "How is the State operating aid (FCE) split by year?",
        "Comment l'aide de fonctionnement de l'État (FCE) se répartit-elle par année ?",
    ),
)
"""The fact to ask for when some State operating aid has no year."""
ASK_STUDY_COST: Final = Fact(
    path="platform.study_cost",
    question=Text(
        "What is the cost of the engineering studies?",
        "Quel est le coût des études d'ingénierie ?",
    ),
)
"""The fact to ask for when Caisse des Dépôts study support comes without the study cost."""

_LABELS: Final = {
    "struct.window": Text("submitted within the call's window", "déposée pendant l'appel"),
    "struct.targeted": Text(
        "carried by a pôle the call targets", "portée par un pôle visé par l'appel"
    ),
    "struct.labelled": Text("carried by a labelled pôle", "portée par un pôle labellisé"),
    "struct.open": Text(
        "open to outside users, SMEs and laboratories among them",
        "ouverte aux utilisateurs extérieurs, dont des PME et des laboratoires",
    ),
    "struct.balanced": Text("financing plan balances", "plan de financement équilibré"),
    "struct.core_funding": Text(
        "partners' contributions and user fees at the core of the funding",
        "apports des partenaires et redevances des utilisateurs au cœur du financement",
    ),
    "struct.operating_aid": Text(
        "State operating aid decreasing and limited in time",
        "aide de fonctionnement de l'État dégressive et limitée dans le temps",
    ),
    "struct.cdc_studies": Text(
        "Caisse des Dépôts study support within its ceiling",
        "aide aux études de la Caisse des Dépôts sous son plafond",
    ),
}


def _check(
    key: str,
    status: Status,
    reason: Text,
    *,
    parameters: tuple[ParameterUse, ...] = (),
    missing: tuple[Fact, ...] = (),
) -> Check:
    return Check(
        key=key,
        clauses=_STRUCT_1,
        label=_LABELS[key],
        status=status,
        reason=reason,
        parameters=parameters,
        missing=missing,
    )


# --- formatting --------------------------------------------------------------------------------


def _ids(ids: Iterable[str]) -> str:
    return ", ".join(ids)


def _holds(ids: list[str]) -> Text:
    """``holds its label`` / ``détient son label``, agreeing with the pôles named."""
    if len(ids) < 2:
        return Text("holds its label", "détient son label")
    return Text("hold their label", "détiennent leur label")


def _agreed(ids: list[str], participle: str) -> str:
    """A participle agreeing with the pôles named (masculine): ``visé``, ``visés``."""
    return participle if len(ids) < 2 else f"{participle}s"


# Products of an amount and a share are compared, never rounded: 60 digits hold the product of
# two 28-digit figures, and a product that would not be exact raises instead.
_WIDE: Final = Context(prec=60, traps=[InvalidOperation, Inexact])


def _pct(share: Decimal) -> str:
    return f"{EXACT.multiply(share, 100).normalize():f} %"


def _amount(value: Decimal) -> str:
    # Whole cents as money; an exact product with more decimals as it is (never rounded).
    cents = round_cents(value)
    return str(cents) if cents == value else f"{value.normalize():f}"


def _montant(value: Decimal) -> str:
    """:func:`_amount` in French: ``150 000,00 €``, an exact product with its own decimals."""
    cents = round_cents(value)
    return fr_amount(cents if cents == value else value.normalize(EXACT))


# --- 1. the call's window ----------------------------------------------------------------------


def _window(platform: InnovationPlatform, call: CallForProjects) -> Check:
    opens, closes = call.opens_on.isoformat(), call.closes_on.isoformat()
    day = platform.submitted_on
    if day is None:
        reason = Text(
            f"submission date not known; call {call.id} ran from {opens} to {closes}",
            f"date de dépôt inconnue ; l'appel {call.id} courait du {opens} au {closes}",
        )
        return _check("struct.window", Status.UNKNOWN, reason, missing=(ASK_SUBMITTED_ON,))
    when = day.isoformat()
    if day < call.opens_on:
        status = Status.NOT_MET
        reason = Text(
            f"submitted on {when}, before call {call.id} opened on {opens}",
            f"déposée le {when}, avant l'ouverture de l'appel {call.id} le {opens}",
        )
    elif day > call.closes_on:
        status = Status.NOT_MET
        reason = Text(
            f"submitted on {when}, after call {call.id} closed on {closes}",
            f"déposée le {when}, après la clôture de l'appel {call.id} le {closes}",
        )
    else:
        status = Status.MET
        reason = Text(
            f"submitted on {when}, within call {call.id} ({opens} – {closes})",
            f"déposée le {when}, pendant l'appel {call.id} ({opens} – {closes})",
        )
    return _check("struct.window", status, reason)


# --- 2. the targeted pôles ---------------------------------------------------------------------


def _targeted(platform: InnovationPlatform, call: CallForProjects) -> Check:
    targets = call.targeted_pole_ids
    if not targets:
        reason = Text(
            f"call {call.id} targets no particular pôle: any pôle may carry a platform",
            f"l'appel {call.id} ne vise aucun pôle en particulier : tout pôle peut porter "
            "une plate-forme",
        )
        return _check("struct.targeted", Status.MET, reason)
    hits = [pid for pid in platform.carrying_pole_ids if pid in targets]
    if hits:
        reason = Text(
            f"carried by {_ids(hits)}, targeted by call {call.id}",
            f"portée par {_ids(hits)}, {_agreed(hits, 'visé')} par l'appel {call.id}",
        )
        return _check("struct.targeted", Status.MET, reason)
    carriers = platform.carrying_pole_ids
    reason = Text(
        f"carried by {_ids(carriers) if carriers else 'no pôle'}; "
        f"call {call.id} targets {_ids(targets)}",
        f"portée par {_ids(carriers) if carriers else 'aucun pôle'} ; "
        f"l'appel {call.id} vise {_ids(targets)}",
    )
    return _check("struct.targeted", Status.NOT_MET, reason)


# --- 3. a labelled carrying pôle ---------------------------------------------------------------


def _history_fact(ids: list[str]) -> Fact:
    return Fact(
        path="poles",
        question=Text(
            f"What is the labelling history of the carrying pôle(s) {_ids(ids)}?",
            f"Quel est l'historique de labellisation du ou des pôles porteurs {_ids(ids)} ?",
        ),
    )


def _label_days(pole: Pole, start: date, end: date) -> tuple[bool, bool]:
    """Whether *pole* holds its label on every day from *start* to *end*, and on any day."""
    days = [start, *(e.on for e in pole.history if start < e.on <= end)]
    states = [pole.is_labelled_on(day) for day in days]
    return all(states), any(states)


def _labelled(
    platform: InnovationPlatform, given: dict[str, Pole], on: date, call: CallForProjects
) -> Check:
    carriers = platform.carrying_pole_ids
    if not carriers:
        reason = Text("carried by no pôle", "portée par aucun pôle")
        return _check("struct.labelled", Status.NOT_MET, reason)
    known = [pid for pid in carriers if pid in given]
    unknown = [pid for pid in carriers if pid not in given]
    if platform.submitted_on is None:
        # The day it was sent is not known: read the labels over the whole window it could
        # have been sent in, and ask for the day only if the answer depends on it.
        start, end = call.opens_on, call.closes_on
        window = f"{start.isoformat()} – {end.isoformat()}"
        when_en = f"throughout the call's window {window}"
        when_fr = f"pendant toute la période de l'appel {window}"
        never_en = f"at any time in the call's window {window}"
        never_fr = f"à aucun moment de la période de l'appel {window}"
        spans = {pid: _label_days(given[pid], start, end) for pid in known}
        always = [pid for pid in known if spans[pid][0]]
        partly = [pid for pid in known if spans[pid][1] and not spans[pid][0]]
    else:
        day = on.isoformat()
        when_en, when_fr = f"on {day}", f"le {day}"
        # "ne ... pas ... le 2008-11-28", where the window reads "ne ... à aucun moment".
        never_en, never_fr = when_en, f"le {day}"
        always = [pid for pid in known if given[pid].is_labelled_on(on)]
        partly = []
    if always:
        reason = Text(
            f"{_ids(always)} {_holds(always).en} {when_en}",
            f"{_ids(always)} {_holds(always).fr} {when_fr}",
        )
        return _check("struct.labelled", Status.MET, reason)
    missing: list[Fact] = []
    en: list[str] = []
    fr: list[str] = []
    never = [pid for pid in known if pid not in partly]
    if never:
        one = len(never) < 2
        en.append(
            f"{_ids(never)} {'does' if one else 'do'} not hold {'its' if one else 'their'} label "
            f"{never_en}"
        )
        verb = "détient" if one else "détiennent"
        negation = "" if platform.submitted_on is None else "pas "
        fr.append(f"{_ids(never)} ne {verb} {negation}{'son' if one else 'leur'} label {never_fr}")
    if partly:
        en.append(f"{_ids(partly)} {_holds(partly).en} on part of the call's window only")
        fr.append(
            f"{_ids(partly)} {_holds(partly).fr} sur une partie de la période de l'appel seulement"
        )
        missing.append(ASK_SUBMITTED_ON)
    if unknown:
        en.append(f"no labelling history given for {_ids(unknown)}")
        fr.append(f"historique de labellisation non fourni pour {_ids(unknown)}")
        missing.append(_history_fact(unknown))
    reason = Text("; ".join(en), " ; ".join(fr))
    if missing:
        return _check("struct.labelled", Status.UNKNOWN, reason, missing=tuple(missing))
    return _check("struct.labelled", Status.NOT_MET, reason)


# --- 4. open to SMEs and laboratories ----------------------------------------------------------


def _lacking(platform: InnovationPlatform) -> tuple[list[str], list[str]]:
    """The kinds of user missing among the users given, in English and French."""
    kinds = {user.kind for user in platform.users}
    en: list[str] = []
    fr: list[str] = []
    if UserKind.SME not in kinds:
        en.append("no SME")
        fr.append("aucune PME")
    if UserKind.LABORATORY not in kinds:
        en.append("no laboratory")
        fr.append("aucun laboratoire")
    return en, fr


def _names(platform: InnovationPlatform, kind: UserKind) -> str:
    return _ids(user.name for user in platform.users if user.kind is kind)


def _open(platform: InnovationPlatform) -> Check:
    access = platform.open_access
    users = platform.users
    lacking_en, lacking_fr = _lacking(platform)
    if access is False:
        reason = Text("not open to outside users", "pas ouverte aux utilisateurs extérieurs")
        return _check("struct.open", Status.NOT_MET, reason)
    if users and lacking_en:
        # Whatever its access, a platform whose users include no SME or no lab fails the check.
        en = f"{' and '.join(lacking_en)} among its {len(users)} user(s)"
        among = "son unique utilisateur" if len(users) == 1 else f"ses {len(users)} utilisateurs"
        fr = f"{' et '.join(lacking_fr)} parmi {among}"
        reason = (
            Text(f"open, but {en}", f"ouverte, mais {fr}")
            if access
            else Text(f"open access not known, and {en}", f"ouverture inconnue, et {fr}")
        )
        return _check("struct.open", Status.NOT_MET, reason)
    if access is None:
        reason = Text(
            "not known whether it is open to outside users",
            "on ne sait pas si elle est ouverte aux utilisateurs extérieurs",
        )
        missing = (ASK_OPEN_ACCESS,) if users else (ASK_OPEN_ACCESS, ASK_USERS)
        return _check("struct.open", Status.UNKNOWN, reason, missing=missing)
    if not users:
        reason = Text(
            "open, but its users are not given", "ouverte, mais ses utilisateurs inconnus"
        )
        return _check("struct.open", Status.UNKNOWN, reason, missing=(ASK_USERS,))
    smes, labs = _names(platform, UserKind.SME), _names(platform, UserKind.LABORATORY)
    reason = Text(
        f"open; its users include SMEs ({smes}) and laboratories ({labs})",
        f"ouverte ; ses utilisateurs comptent des PME ({smes}) et des laboratoires ({labs})",
    )
    return _check("struct.open", Status.MET, reason)


# --- 5. the plan balances ----------------------------------------------------------------------


def _balanced(platform: InnovationPlatform) -> Check:
    budget = platform.total_budget
    funding = platform.total_financing
    parts = (
        f"{budget} EUR (investment {platform.investment_budget}, "
        f"operating {platform.operating_budget})"
    )
    parties = (
        f"{fr_amount(budget)} (investissement {fr_amount(platform.investment_budget)}, "
        f"fonctionnement {fr_amount(platform.operating_budget)})"
    )
    if not platform.financing and budget != 0:
        reason = Text(
            f"no financing plan given for a budget of {parts}",
            f"aucun plan de financement fourni pour un budget de {parties}",
        )
        return _check("struct.balanced", Status.UNKNOWN, reason, missing=(ASK_FINANCING,))
    difference = EXACT.subtract(funding, budget)
    reason = Text(
        f"financing {funding} EUR, budget {parts}: financing − budget = {difference:+f} EUR",
        f"financement {fr_amount(funding)}, budget {parties} : financement − budget = "
        f"{fr_amount(difference, sign=True)}",
    )
    return _check("struct.balanced", Status.MET if difference == 0 else Status.NOT_MET, reason)


# --- 6. contributions and fees at the core -----------------------------------------------------


def _core_funding(platform: InnovationPlatform, on: date, params: ParameterSet) -> Check:
    minimum = params.decimal(_CORE_MIN, on)
    uses = params.uses(on, _CORE_MIN)
    if not platform.financing and platform.total_budget != 0:
        reason = Text("no financing plan given", "aucun plan de financement fourni")
        return _check(
            "struct.core_funding",
            Status.UNKNOWN,
            reason,
            parameters=uses,
            missing=(ASK_FINANCING,),
        )
    if not platform.financing:
        # As for check 5: an empty plan is the whole plan of a zero budget, not a plan missing.
        # It funds nothing, so, like a plan whose lines total zero, it has no core.
        reason = Text(
            "no financing line, for a budget of 0.00 EUR: the empty plan balances it but funds "
            "nothing, so there is no funding for contributions and fees to be the core of",
            "aucune ligne de financement, pour un budget de 0,00 € : le plan vide l'équilibre "
            "mais ne finance rien, et il n'y a aucun financement dont apports et redevances "
            "seraient le cœur",
        )
        return _check("struct.core_funding", Status.NOT_MET, reason, parameters=uses)
    partners = platform.financing_from(FundingSource.PARTNERS)
    fees = platform.financing_from(FundingSource.USER_FEES)
    core = total((partners, fees))
    funding = platform.total_financing
    if funding == 0:
        reason = Text(
            "the plan's lines total 0.00 EUR: no funding for contributions and fees to be "
            "the core of",
            "les lignes du plan totalisent 0,00 € : aucun financement dont apports et "
            "redevances seraient le cœur",
        )
        return _check("struct.core_funding", Status.NOT_MET, reason, parameters=uses)
    # core / funding >= minimum, compared as core >= minimum × funding: no quotient, no rounding.
    needed = _WIDE.multiply(minimum, funding)
    met = core >= needed
    reason = Text(
        f"partners {partners} EUR + user fees {fees} EUR = {core} EUR of {funding} EUR; "
        f"at least {_pct(minimum)} of it, {_amount(needed)} EUR, required"
        + ("" if met else ": NOT reached"),
        f"partenaires {fr_amount(partners)} + redevances {fr_amount(fees)} = {fr_amount(core)} "
        f"sur {fr_amount(funding)} ; au moins {fr_percent(minimum)}, soit {_montant(needed)}, "
        "requis" + ("" if met else " : NON atteint"),
    )
    return _check(
        "struct.core_funding", Status.MET if met else Status.NOT_MET, reason, parameters=uses
    )


# --- 7. decreasing operating aid ---------------------------------------------------------------


def _schedule(years: list[int], totals: list[Eur], lang: Lang) -> str:
    pairs = zip(years, totals, strict=True)
    if lang == "fr":
        return ", ".join(f"{year} : {fr_amount(amount)}" for year, amount in pairs)
    return ", ".join(f"{year}: {amount} EUR" for year, amount in pairs)


def _shortfall(totals: list[Eur]) -> Eur:
    """The least amount that, added to the years, makes each year's aid exceed the next's."""
    needed: list[Decimal] = []
    target: Decimal | None = None
    for amount in reversed(totals):
        target = amount if target is None else max(amount, total((target, CENT)))
        needed.append(target - amount)
    return total(needed)


def _first_rise(years: list[int], totals: list[Eur]) -> tuple[int, int]:
    return next(
        (y0, y1)
        for (y0, a0), (y1, a1) in itertools.pairwise(zip(years, totals, strict=True))
        if a1 >= a0
    )


def _first_fundable_years(platform: InnovationPlatform, call: CallForProjects) -> tuple[int, int]:
    """
    The first year the call can fund for sure, and the first it can fund whatever the day sent.

    A year before the call opened, or before the platform was submitted, is
    already past: no aid decided under the call can fund it. When the
    submission date is not known it lies in the call's window, so a year
    before the opening year is past for sure, and one before the closing
    year may be.
    """
    opened = call.opens_on.year
    if platform.submitted_on is not None:
        sure = max(opened, platform.submitted_on.year)
        return sure, sure
    return opened, max(opened, call.closes_on.year)


def _aid_by_year(lines: list[FinancingLine]) -> tuple[list[int], list[Eur]]:
    """
    The years from the first year of aid to the last, and each one's total.

    A year between two years of aid that the plan does not list has none:
    0.00, as when it lists it at 0.00.
    """
    dated = {f.year for f in lines if f.year is not None}
    by_year = {year: total(f.amount for f in lines if f.year == year) for year in dated}
    # Years of 0.00 before the first aid or after the last are years without aid, not years
    # of aid: they neither lengthen it nor break its decrease, nor come too early. A year
    # without aid between two years of aid stays, listed or not, since the aid then rises again.
    aided = sorted(year for year, amount in by_year.items() if amount != 0)
    if not aided:
        return [], []
    years = list(range(aided[0], aided[-1] + 1))
    return years, [by_year.get(year, Eur(ZERO)) for year in years]


def _listed(years: Iterable[int]) -> str:
    return ", ".join(str(year) for year in years)


def _operating_aid(
    platform: InnovationPlatform, call: CallForProjects, on: date, params: ParameterSet
) -> Check:
    limit = params.count(_AID_YEARS, on)
    uses = params.uses(on, _AID_YEARS)
    lines = [f for f in platform.financing if f.source is FundingSource.STATE_FCE_OPERATING]
    if not lines:
        reason = Text(
            "no State operating aid (FCE) in the financing plan",
            "aucune aide de fonctionnement de l'État (FCE) au plan de financement",
        )
        return _check("struct.operating_aid", Status.MET, reason, parameters=uses)
    years, totals = _aid_by_year(lines)
    undated = [f.amount for f in lines if f.year is None]
    check = _aid_schedule(years, totals, undated, limit, uses)
    sure, maybe = _first_fundable_years(platform, call)
    past = [year for year in years if year < sure]
    if past:
        # Aid for a year already past settles the check, whatever the rest of the plan.
        if platform.submitted_on is not None and platform.submitted_on.year > call.opens_on.year:
            when_en, when_fr = "the platform was submitted", "du dépôt de la plate-forme"
        else:
            when_en, when_fr = f"call {call.id} opened", f"d'ouverture de l'appel {call.id}"
        reason = Text(
            f"{check.reason.en}; aid for {_listed(past)} comes before {sure}, the year "
            f"{when_en}: the call cannot fund years already past",
            f"{check.reason.fr} ; l'aide pour {_listed(past)} précède {sure}, année "
            f"{when_fr} : l'appel ne peut financer des années déjà passées",
        )
        return _check("struct.operating_aid", Status.NOT_MET, reason, parameters=uses)
    perhaps = [year for year in years if year < maybe]
    if not perhaps or check.status is Status.NOT_MET:
        return check
    # Past or not depends on the day the platform was sent, within the call's window.
    opens, closes = call.opens_on.isoformat(), call.closes_on.isoformat()
    reason = Text(
        f"{check.reason.en}; aid for {_listed(perhaps)} comes before the submission if the "
        f"platform was sent in {maybe}, and the call cannot fund years already past "
        f"(submission date not known; call {call.id} ran from {opens} to {closes})",
        f"{check.reason.fr} ; l'aide pour {_listed(perhaps)} précède le dépôt si la "
        f"plate-forme a été déposée en {maybe}, et l'appel ne peut financer des années déjà "
        f"passées (date de dépôt inconnue ; l'appel {call.id} courait du {opens} au {closes})",
    )
    return _check(
        "struct.operating_aid",
        Status.UNKNOWN,
        reason,
        parameters=uses,
        missing=(*check.missing, ASK_SUBMITTED_ON),
    )


def _aid_schedule(
    years: list[int],
    totals: list[Eur],
    undated: list[Eur],
    limit: int,
    uses: tuple[ParameterUse, ...],
) -> Check:
    """Whether the aid decreases over at most *limit* years, whatever the call."""
    if not years and total(undated) == 0:
        # Every line is 0.00 EUR (dated ones trimmed as years without aid): no aid at all.
        reason = Text(
            "the operating aid lines total 0.00 EUR: no aid to decrease or to limit",
            "les lignes d'aide de fonctionnement totalisent 0,00 € : aucune aide à rendre "
            "dégressive ni à limiter",
        )
        return _check("struct.operating_aid", Status.MET, reason, parameters=uses)
    if undated and total(undated) == 0:
        # 0.00 EUR without a year adds nothing to any year, listed or not (a year between two
        # years of aid that the plan does not list has 0.00 already), and in a year outside the
        # years of aid it is a year without aid, not counted: the check is the dated aid's.
        dated = _aid_schedule(years, totals, [], limit, uses)
        reason = Text(
            f"{dated.reason.en}; 0.00 EUR without a year: no aid, whatever its year",
            f"{dated.reason.fr} ; 0,00 € sans année : aucune aide, quelle que soit son année",
        )
        return _check("struct.operating_aid", dated.status, reason, parameters=uses)
    schedule, calendrier = _schedule(years, totals, "en"), _schedule(years, totals, "fr")
    span = years[-1] - years[0] + 1 if years else 0
    too_long = span > limit
    over_en = f"over {span} calendar year(s), {years[0]}–{years[-1]}" if years else ""
    over_fr = (
        f"sur {fr_count(span, 'année civile', 'années civiles')}, {years[0]}–{years[-1]}"
        if years
        else ""
    )
    limit_en, limit_fr = f"at most {limit} allowed", f"{limit} au plus"
    if undated:
        without = total(undated)
        short = _shortfall(totals)
        if short > without:
            # Adding the undated aid to some years cannot make every year exceed the next: at
            # least *short* more would be needed, spread over the earlier years.
            y0, y1 = _first_rise(years, totals)
            reason = Text(
                f"{schedule}, and {without} EUR without a year: NOT decreasing ({y1} is not "
                f"below {y0}), and at least {short} EUR more in earlier years would be needed",
                f"{calendrier}, et {fr_amount(without)} sans année : PAS dégressive (l'aide de "
                f"{y1} n'est pas inférieure à celle de {y0}), et il faudrait au moins "
                f"{fr_amount(short)} de plus les années précédentes",
            )
            return _check("struct.operating_aid", Status.NOT_MET, reason, parameters=uses)
        if too_long:
            # No year given to the undated aid can shorten the span of the dated years.
            reason = Text(
                f"{schedule}, and {without} EUR without a year: {over_en}; {limit_en}",
                f"{calendrier}, et {fr_amount(without)} sans année : {over_fr} ; {limit_fr}",
            )
            return _check("struct.operating_aid", Status.NOT_MET, reason, parameters=uses)
        dated_en = f"; by year: {schedule}" if years else ""
        dated_fr = f" ; par année : {calendrier}" if years else ""
        reason = Text(
            f"{without} EUR of operating aid without a year{dated_en}",
            f"{fr_amount(without)} d'aide de fonctionnement sans année{dated_fr}",
        )
        return _check(
            "struct.operating_aid",
            Status.UNKNOWN,
            reason,
            parameters=uses,
            missing=(ASK_OPERATING_AID_YEARS,),
        )
    rises = [
        (y0, y1)
        for (y0, a0), (y1, a1) in itertools.pairwise(zip(years, totals, strict=True))
        if a1 >= a0
    ]
    if rises:
        y0, y1 = rises[0]
        trend_en = f"NOT decreasing ({y1} is not below {y0})"
        trend_fr = f"PAS dégressive (l'aide de {y1} n'est pas inférieure à celle de {y0})"
    else:
        trend_en, trend_fr = "decreasing", "dégressive"
    reason = Text(
        f"{schedule}: {trend_en}, {over_en}; {limit_en}",
        f"{calendrier} : {trend_fr}, {over_fr} ; {limit_fr}",
    )
    status = Status.NOT_MET if rises or too_long else Status.MET
    return _check("struct.operating_aid", status, reason, parameters=uses)


# --- 8. Caisse des Dépôts study support --------------------------------------------------------


@exact_decimals
def cdc_study_ceiling(study_cost: Eur, params: ParameterSet, on: date) -> Eur:
    """
    Return the largest Caisse des Dépôts study support allowed for *study_cost* (STRUCT.1).

    The ceiling is ``min(struct.cdc_study_max, struct.cdc_study_share_max ×
    study_cost)``: 200 000 € or 80 % of the study cost, whichever is lower.
    It is a ceiling, so the 80 % is rounded *down* to the cent: the largest
    whole-cent amount not above it. Any support in whole cents is within
    the exact bound exactly when it is at most this amount.

    Args:
        study_cost: The cost of the engineering studies.
        params: Policy parameters, read on *on*.
        on: The date the ceiling applies (the application's date).

    Returns:
        The ceiling, in whole cents.

    Raises:
        InvalidInputError: If *study_cost* is not an amount in euros to the
            cent, or is negative.
        ParameterError: If a study-support parameter has no value on *on*
            (before 1 October 2008).

    >>> from datetime import date
    >>> from decimal import Decimal
    >>> from poles_policy.parameters import default_parameters
    >>> params = default_parameters()
    >>> cdc_study_ceiling(Eur(Decimal("100000.01")), params, date(2009, 6, 1))
    Decimal('80000.00')
    >>> cdc_study_ceiling(Eur(Decimal("300000.00")), params, date(2009, 6, 1))
    Decimal('200000.00')
    """
    expect_params(params, "cdc_study_ceiling")
    expect_date(on, "on", "cdc_study_ceiling")
    cost = eur(study_cost, field="study_cost")
    if cost < 0:
        msg = f"study_cost: {cost} is negative"
        raise InvalidInputError(msg)
    cap = params.decimal(_CDC_MAX, on)
    exact = _WIDE.multiply(params.decimal(_CDC_SHARE, on), cost)
    # round_cents is the one rounding of money (half up); stepping back a cent when it rounded
    # up gives the floor without a second rounding rule.
    floor = round_cents(exact)
    if floor > exact:
        floor = Eur(EXACT.subtract(floor, CENT))
    return floor if floor < cap else round_cents(cap)


def _cdc_studies(platform: InnovationPlatform, on: date, params: ParameterSet) -> Check:
    cap = params.decimal(_CDC_MAX, on)
    share = params.decimal(_CDC_SHARE, on)
    uses = params.uses(on, _CDC_MAX, _CDC_SHARE)
    if not any(f.source is FundingSource.CDC_STUDIES for f in platform.financing):
        reason = Text(
            "no Caisse des Dépôts study support in the financing plan",
            "aucune aide aux études de la Caisse des Dépôts au plan de financement",
        )
        return _check("struct.cdc_studies", Status.MET, reason, parameters=uses)
    support = platform.financing_from(FundingSource.CDC_STUDIES)
    cost = platform.study_cost
    if cost is None:
        if support > cap:
            status = Status.NOT_MET
            en = f"above the {_amount(cap)} EUR cap, whatever the study cost"
            fr = f"au-dessus du plafond de {_montant(cap)}, quel que soit le coût des études"
        elif support == 0:
            status = Status.MET
            en = "nothing to cap"
            fr = "rien à plafonner"
        else:
            reason = Text(
                f"support {support} EUR; the study cost, which bounds it at {_pct(share)}, "
                "is not known",
                f"aide de {fr_amount(support)} ; le coût des études, dont {fr_percent(share)} "
                "la borne, est inconnu",
            )
            return _check(
                "struct.cdc_studies",
                Status.UNKNOWN,
                reason,
                parameters=uses,
                missing=(ASK_STUDY_COST,),
            )
        reason = Text(f"support {support} EUR: {en}", f"aide de {fr_amount(support)} : {fr}")
        return _check("struct.cdc_studies", status, reason, parameters=uses)
    # Against the exact product, never a rounded one: 0.01 EUR above the exact share fails.
    bound = _WIDE.multiply(share, cost)
    over: list[tuple[str, str]] = []
    if support > cap:
        over.append((f"the {_amount(cap)} EUR cap", f"du plafond de {_montant(cap)}"))
    if support > bound:
        over.append((f"{_pct(share)} of the cost", f"de {fr_percent(share)} du coût"))
    verdict_en = f": above {' and '.join(en for en, _ in over)}" if over else ""
    verdict_fr = f" : au-dessus {' et '.join(fr for _, fr in over)}" if over else ""
    reason = Text(
        f"support {support} EUR for studies costing {cost} EUR; ceiling "
        f"min({_amount(cap)} EUR, {_pct(share)} × {cost} EUR = {_amount(bound)} EUR){verdict_en}",
        f"aide de {fr_amount(support)} pour des études coûtant {fr_amount(cost)} ; plafond "
        f"min({_montant(cap)} ; {fr_percent(share)} × {fr_amount(cost)} = {_montant(bound)})"
        f"{verdict_fr}",
    )
    status = Status.NOT_MET if over else Status.MET
    return _check("struct.cdc_studies", status, reason, parameters=uses)


# --- the decision ------------------------------------------------------------------------------


@exact_decimals
def platform_eligibility(
    platform: InnovationPlatform,
    call: CallForProjects,
    params: ParameterSet,
    *,
    poles: Iterable[Pole] = (),
) -> Decision:
    """
    Decide whether *platform* is eligible under *call* (STRUCT.1).

    Eight checks, all evaluated, in this order: submitted within the call's
    window; carried by a pôle the call targets (when it targets any); carried
    by a pôle labelled on the decision date; open to outside users, SMEs and
    laboratories among them; a financing plan that balances the budget;
    partners' contributions and user fees at the core of the funding (at
    least ``struct.core_funding_min_share``); State operating aid decreasing
    over at most ``struct.operating_aid_max_years`` years, for no year before
    the call opened or the platform was submitted; Caisse des Dépôts
    study support within ``min(struct.cdc_study_max,
    struct.cdc_study_share_max × study cost)``. The module documentation
    details each check and the modelling choices.

    The decision date is the platform's submission date when known,
    otherwise the call's closing day; pôle labels are read on it, and so
    are parameters, except that a platform submitted before its call
    opened is judged by the parameters of the call's opening day.

    Args:
        platform: The platform's application, with its financing plan.
        call: The call for projects it answers.
        params: Policy parameters, read on the decision date (or the
            call's opening day, if later).
        poles: The pôles whose labelling histories are known (the carrying
            pôles, at least); others are ignored.

    Returns:
        The decision (rule ``"struct.platform_eligibility"``, subject the
        platform's id), with checks ``struct.window``, ``struct.targeted``,
        ``struct.labelled``, ``struct.open``, ``struct.balanced``,
        ``struct.core_funding``, ``struct.operating_aid`` and
        ``struct.cdc_studies``, each citing STRUCT.1.

    Raises:
        InvalidInputError: If the platform answers another call
            (``platform.call_id`` is set and is not ``call.id``), or if two
            of *poles* have the same id.
        ParameterError: If a STRUCT parameter has no value on the date it
            is read (a platform sent before 1 October 2008 to a call already
            open).

    >>> from datetime import date
    >>> from poles_policy.model.platforms import (
    ...     CallForProjects,
    ...     FinancingLine,
    ...     FundingSource,
    ...     InnovationPlatform,
    ...     PlatformUser,
    ...     UserKind,
    ... )
    >>> from poles_policy.model.poles import Category, LabelEvent, LabelEventKind, Pole
    >>> from poles_policy.parameters import default_parameters
    >>> axelera = Pole(
    ...     id="axelera",
    ...     name="Axelera",
    ...     category=Category.VOCATION_MONDIALE,
    ...     head_office_region="82",
    ...     history=(LabelEvent(kind=LabelEventKind.LABELLED, on=date(2005, 7, 12), source="s"),),
    ... )
    >>> call = CallForProjects(
    ...     id="pfi-1",
    ...     name="Plates-formes d'innovation",
    ...     opens_on=date(2008, 10, 1),
    ...     closes_on=date(2008, 12, 2),
    ... )
    >>> platform = InnovationPlatform(
    ...     id="pf",
    ...     name="Platform",
    ...     carrying_pole_ids=("axelera",),
    ...     users=(
    ...         PlatformUser(name="SMEs of the pôle", kind=UserKind.SME),
    ...         PlatformUser(name="A laboratory", kind=UserKind.LABORATORY),
    ...     ),
    ...     open_access=True,
    ...     investment_budget=800000,
    ...     operating_budget=200000,
    ...     study_cost=100000,
    ...     financing=(
    ...         FinancingLine(source=FundingSource.STATE_FCE_INVESTMENT, amount=300000),
    ...         FinancingLine(source=FundingSource.CDC_STUDIES, amount=90000),
    ...         FinancingLine(source=FundingSource.PARTNERS, amount=410000),
    ...         FinancingLine(source=FundingSource.USER_FEES, amount=200000),
    ...     ),
    ...     submitted_on=date(2008, 11, 28),
    ... )
    >>> decision = platform_eligibility(platform, call, default_parameters(), poles=[axelera])
    >>> decision.outcome.value, [check.key for check in decision.failed]
    ('ineligible', ['struct.cdc_studies'])
    """
    expect(platform, InnovationPlatform, "platform", "platform_eligibility")
    expect(call, CallForProjects, "call", "platform_eligibility")
    expect_params(params, "platform_eligibility")
    if platform.call_id is not None and platform.call_id != call.id:
        msg = f"platform.call_id: {platform.call_id!r} is not the call given ({call.id!r})"
        raise InvalidInputError(msg)
    given = poles_by_id(poles)
    on = call.closes_on if platform.submitted_on is None else platform.submitted_on
    # A platform sent before its call opened is judged, outside the window, by the call's rules.
    rules_on = max(on, call.opens_on)
    checks = (
        _window(platform, call),
        _targeted(platform, call),
        _labelled(platform, given, on, call),
        _open(platform),
        _balanced(platform),
        _core_funding(platform, rules_on, params),
        _operating_aid(platform, call, rules_on, params),
        _cdc_studies(platform, rules_on, params),
    )
    return Decision(rule=PLATFORM_RULE, title=_TITLE, subject=platform.id, on=on, checks=checks)
