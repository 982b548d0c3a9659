"""Calls for projects and innovation platforms with their financing plans (STRUCT.1)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from hypothesis import strategies as st

from poles_policy.exceptions import WrongTypeError
from poles_policy.model.platforms import (
    CallForProjects,
    FinancingLine,
    FundingSource,
    InnovationPlatform,
    PlatformUser,
    UserKind,
)
from poles_policy.money import Eur, eur
from poles_policy.testing._arguments import checked
from poles_policy.testing._values import _POLE_IDS, _flaw, _some, _sound, eur_amounts, policy_dates

if TYPE_CHECKING:
    from collections.abc import Sequence

# The first call for innovation platforms opened on 1 October 2008, the first day the STRUCT
# parameters are in force: a call generated from then on can be judged by the rules.
_FIRST_CALL: Final = date(2008, 10, 1)
# Sound operating aid starts in 2009 at the earliest, the first year after the first call.
_FIRST_AID_YEAR: Final = 2009
_PLATFORM_AMOUNT: Final = "5000000.00"
_USER_KINDS: Final[tuple[UserKind, ...]] = tuple(UserKind)
_SOURCES: Final[tuple[FundingSource, ...]] = tuple(FundingSource)
_OTHER_PUBLIC: Final = (
    FundingSource.LOCAL_AUTHORITIES,
    FundingSource.FEDER,
    FundingSource.OTHER,
)


@checked
@st.composite
def calls_for_projects(
    draw: st.DrawFn, *, ident: str | None = None, pole_ids: Sequence[str] = _POLE_IDS
) -> CallForProjects:
    """
    Generate calls for structuring projects (STRUCT.1), open from 0 to 120 days.

    Calls open between 1 October 2008 (the first platforms call, from which
    the STRUCT parameters are in force) and mid-2012, and target up to three
    of *pole_ids*, or none (open to every pôle).

    Args:
        ident: The call's id; by default ``call-0`` to ``call-99``.
        pole_ids: The pôles a call may target.

    Shrinks toward a call open on 1 October 2008 only, targeting no pôle.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate])  # the first example found, not shrunk
    >>> strategy = calls_for_projects(ident="aap-1", pole_ids=["minalogic"])
    >>> call = find(strategy, lambda call: True, settings=quick)
    >>> call.id, call.opens_on <= call.closes_on, set(call.targeted_pole_ids) <= {"minalogic"}
    ('aap-1', True, True)
    """
    n = draw(st.integers(min_value=0, max_value=99))
    opens = draw(policy_dates(min_value=_FIRST_CALL, max_value=date(2012, 6, 30)))
    return CallForProjects(
        id=ident if ident is not None else f"call-{n}",
        name=f"Appel à projets {n} (generated)",
        opens_on=opens,
        closes_on=opens + timedelta(days=draw(st.integers(min_value=0, max_value=120))),
        targeted_pole_ids=_some(draw, pole_ids, 3),
    )


@checked
def financing_lines(*, source: FundingSource | None = None) -> st.SearchStrategy[FinancingLine]:
    """
    Generate a line of a financing plan: any source (or *source*), for a year of 2008-2013 or none.

    Shrinks toward 0.00 of State FCE investment aid for the whole plan.

    Raises:
        WrongTypeError: If *source* is neither ``None`` nor a
            :class:`~poles_policy.model.platforms.FundingSource` (its value
            ``"feder"`` is refused: give ``FundingSource.FEDER``).

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate])  # the first example found, not shrunk
    >>> feder = financing_lines(source=FundingSource.FEDER)
    >>> find(feder, lambda line: line.amount > 0, settings=quick).source
    <FundingSource.FEDER: 'feder'>
    """
    given: object = source  # typed callers pass a member; others may pass its value
    if given is not None and not isinstance(given, FundingSource):
        msg = (
            f"financing_lines(source={source!r}): a source is a FundingSource member, such as "
            f"FundingSource.FEDER, not a {type(source).__name__}"
        )
        raise WrongTypeError(msg)
    return _financing_lines(source=source)


@st.composite
def _financing_lines(draw: st.DrawFn, *, source: FundingSource | None) -> FinancingLine:
    return FinancingLine(
        source=source if source is not None else draw(st.sampled_from(_SOURCES)),
        year=draw(st.none() | st.integers(min_value=2008, max_value=2013)),
        amount=draw(eur_amounts(max_value=_PLATFORM_AMOUNT)),
    )


@checked
@st.composite
def platform_users(draw: st.DrawFn) -> PlatformUser:
    """
    Generate a user (or a class of users) of a platform, shrinking toward an SME.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate])  # the first example found, not shrunk
    >>> find(platform_users(), lambda user: True, settings=quick).name.endswith("(generated)")
    True
    """
    n = draw(st.integers(min_value=0, max_value=99))
    return PlatformUser(name=f"user {n} (generated)", kind=draw(st.sampled_from(_USER_KINDS)))


def _line(source: FundingSource, amount: Decimal, year: int | None = None) -> FinancingLine:
    return FinancingLine(source=source, year=year, amount=amount)


@st.composite
def _operating_aid(draw: st.DrawFn, earliest: int) -> list[FinancingLine]:
    """
    Draw the FCE operating aid lines of a plan, dated from *earliest* to two years after it.

    Sound: strictly decreasing over at most three consecutive years, or
    none. Otherwise: two to four years that do not decrease strictly, or
    aid without its years. Dated aid never comes before *earliest*, a year
    the call can fund whatever the day the platform was sent.
    """
    amounts = eur_amounts(max_value=_PLATFORM_AMOUNT)
    positive = eur_amounts(min_value="0.01", max_value=_PLATFORM_AMOUNT)
    first = earliest + draw(st.integers(min_value=0, max_value=2))
    flaw = _flaw(draw, 2)
    if not flaw:
        aid = sorted(draw(st.lists(amounts, unique=True, max_size=3)), reverse=True)
        years: list[int | None] = [first + i for i in range(len(aid))]
    elif flaw == 1:
        # Flawed aid is never 0.00: years of 0.00 at either end are years without aid.
        aid = draw(st.lists(positive, min_size=1, max_size=3))
        years = [None] * len(aid)
    else:
        aid = draw(st.lists(positive, min_size=2, max_size=4))
        if len(aid) < 4:
            # Three years or fewer fail only by not decreasing: raise the last year to the first.
            aid[-1] = max(aid)
        years = [first + i for i in range(len(aid))]
    return [_line(FundingSource.STATE_FCE_OPERATING, a, y) for a, y in zip(aid, years, strict=True)]


@st.composite
def _study_support(draw: st.DrawFn) -> tuple[list[FinancingLine], Eur | None]:
    """
    Draw the Caisse des Dépôts study support of a plan, and the study cost.

    A third of the plans have none (with a study cost or not). Sound
    support is within min(200 000 EUR, 80 % of the study cost); otherwise
    it is above that ceiling by at least a cent, or the study cost of a
    support within the cap is unknown.
    """
    if draw(st.integers(min_value=0, max_value=2)) == 0:
        return [], draw(st.none() | eur_amounts(max_value="300000.00"))
    flaw = _flaw(draw, 2)
    if not flaw:
        cents = draw(st.integers(min_value=0, max_value=200_000_00))
        # The smallest cost whose 80 % covers the support, in cents: ceil(support * 5 / 4).
        cost = -(-cents * 5 // 4) + draw(st.integers(min_value=0, max_value=100_000_00))
    elif flaw == 1:
        cost = draw(st.integers(min_value=0, max_value=300_000_00))
        ceiling = min(200_000_00, cost * 4 // 5)
        cents = ceiling + draw(st.integers(min_value=1, max_value=100_000_00))
    else:
        cents = draw(st.integers(min_value=1, max_value=200_000_00))
        return [_line(FundingSource.CDC_STUDIES, eur(Decimal(cents).scaleb(-2)))], None
    support = _line(FundingSource.CDC_STUDIES, eur(Decimal(cents).scaleb(-2)))
    return [support], eur(Decimal(cost).scaleb(-2))


@st.composite
def _financing_plans(
    draw: st.DrawFn, earliest: int
) -> tuple[tuple[FinancingLine, ...], Eur | None]:
    """
    Draw a financing plan by source and year, and the cost of the studies it may fund.

    The plan holds FCE investment aid, FCE operating aid by year from
    *earliest* (see :func:`_operating_aid`), perhaps
    Caisse des Dépôts study support, perhaps other public money (local
    authorities, FEDER, other), partners' contributions and user fees. Each
    part is sound three times in four and fails its STRUCT.1 check otherwise;
    partners and fees are at least half of a sound plan.
    """
    amounts = eur_amounts(max_value=_PLATFORM_AMOUNT)
    lines = [_line(FundingSource.STATE_FCE_INVESTMENT, draw(amounts))]
    lines += draw(_operating_aid(earliest))
    support, study_cost = draw(_study_support())
    lines += support
    lines += [
        _line(draw(st.sampled_from(_OTHER_PUBLIC)), draw(amounts))
        for _ in range(draw(st.integers(min_value=0, max_value=2)))
    ]
    # When sound, partners alone match the rest of the plan, so partners and fees are at least
    # half of it; otherwise they are below half of a plan that is not empty.
    others = sum((line.amount for line in lines), Decimal("0.00"))
    if _sound(draw):
        partners, fees = others + draw(amounts), draw(amounts)
    else:
        cents = int(others.scaleb(2))
        extra = draw(st.integers(min_value=1, max_value=500_000_00))
        # partners + fees < others + extra, with others + extra > 0: below half of the plan.
        core = draw(st.integers(min_value=0, max_value=cents + extra - 1))
        partners_cents = draw(st.integers(min_value=0, max_value=core))
        lines.append(_line(FundingSource.OTHER, eur(Decimal(extra).scaleb(-2))))
        partners = eur(Decimal(partners_cents).scaleb(-2))
        fees = eur(Decimal(core - partners_cents).scaleb(-2))
    lines.append(_line(FundingSource.PARTNERS, partners))
    lines.append(_line(FundingSource.USER_FEES, fees))
    return tuple(lines), study_cost


@checked
@st.composite
def innovation_platforms(
    draw: st.DrawFn,
    *,
    ident: str | None = None,
    call: CallForProjects | None = None,
    pole_ids: Sequence[str] = _POLE_IDS,
) -> InnovationPlatform:
    """
    Generate innovation platforms with their budgets and a financing plan by source and year.

    Each part of the application is sound three times in four and flawed
    otherwise, so that every outcome of each STRUCT.1 check is drawn, and
    about one in six of the platforms answering a call meets every condition
    but the carrying pôle's label (read from the pôles given to the rule):

    - submitted within the call's window; otherwise a few days before or
      after it, or on an unknown date;
    - carried by one pôle the call targets (any of *pole_ids* if it targets
      none); otherwise by pôles it does not target, or by none;
    - open, with an SME and a laboratory among its users; otherwise closed,
      of unknown access, or without an SME or a laboratory;
    - operating aid strictly decreasing over at most three consecutive
      years, from 2009 and never for a year already past when the platform
      was submitted (nor, when that day is not known, when the call closed);
      otherwise not decreasing, or undated;
    - Caisse des Dépôts study support, if any, within 200 000 EUR and 80 %
      of a known study cost; otherwise above it, or the cost unknown;
    - partners' contributions and user fees at least half of the plan;
      otherwise less;
    - budgets that the plan balances; otherwise any budgets, or no plan.

    Args:
        ident: The platform's id; by default ``platform-0`` to ``platform-99``.
        call: The call it answers; the platform names it, or no call. Without
            one, it names no call and is submitted from October 2008 to 2012,
            or on an unknown date.
        pole_ids: The pôles that may carry it.

    Shrinks toward a sound application of 0.00 EUR, submitted on the call's
    opening day (on 1 October 2008 without a call).

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate])  # the first example found, not shrunk
    >>> strategy = innovation_platforms(ident="platform-1", pole_ids=["minalogic"])
    >>> platform = find(strategy, lambda platform: True, settings=quick)
    >>> platform.id, set(platform.carrying_pole_ids) <= {"minalogic"}
    ('platform-1', True)
    """
    n = draw(st.integers(min_value=0, max_value=99))
    # Each part draws the same choices whatever its flaw, so that shrinking, which prefers
    # fewer choices, ends on the sound version of a part that does not matter.
    flaw = _flaw(draw, 2)
    late = timedelta(days=draw(st.integers(min_value=1, max_value=5)))
    submitted: date | None
    if call is None:
        day = draw(policy_dates(min_value=_FIRST_CALL))
        submitted = None if flaw else day
    else:
        day = draw(policy_dates(min_value=call.opens_on, max_value=call.closes_on))
        outside = draw(st.sampled_from([call.opens_on - late, call.closes_on + late]))
        submitted = (day, None, outside)[flaw]
    targets = tuple(call.targeted_pole_ids) if call is not None else ()
    flaw = _flaw(draw, 2)
    chosen = [draw(st.sampled_from(targets or tuple(pole_ids)))] if targets or pole_ids else []
    others = _some(draw, [p for p in pole_ids if p not in targets], 3)
    carriers = (chosen, [], others)[flaw]
    kinds = draw(st.lists(st.sampled_from(_USER_KINDS), max_size=3))
    lacking = draw(st.sampled_from([UserKind.SME, UserKind.LABORATORY]))
    flaw = _flaw(draw, 3)
    access: bool | None = (True, False, None, True)[flaw]
    if flaw == 3:
        kinds = [kind for kind in kinds if kind is not lacking]
    else:
        kinds += [UserKind.SME, UserKind.LABORATORY]
    users = [PlatformUser(name=f"user {i} (generated)", kind=k) for i, k in enumerate(kinds)]
    # Aid for a year before the submission is for a year already past: the sound plans start
    # in the year the platform was sent, or, that day unknown, the year the call closed.
    sent = submitted if submitted is not None else (None if call is None else call.closes_on)
    earliest = max(_FIRST_AID_YEAR, 0 if sent is None else sent.year)
    plan, study_cost = draw(_financing_plans(earliest))
    funding = sum((line.amount for line in plan), Decimal("0.00"))
    investment = draw(eur_amounts(max_value=_PLATFORM_AMOUNT))
    operating = draw(eur_amounts(max_value=_PLATFORM_AMOUNT))
    flaw = _flaw(draw, 2)
    if not flaw:
        investment = eur(min(investment, funding))
        operating = eur(funding - investment)
    elif flaw == 1:
        plan = ()
    return InnovationPlatform(
        id=ident if ident is not None else f"platform-{n}",
        name=f"Plate-forme {n} (generated)",
        carrying_pole_ids=carriers,
        users=users,
        open_access=access,
        investment_budget=investment,
        operating_budget=operating,
        study_cost=study_cost,
        financing=plan,
        call_id=None if call is None else draw(st.sampled_from([None, call.id])),
        submitted_on=submitted,
    )
