"""
A synthetic national portfolio of relay requests, seeded.

**Every case made here is synthetic**: invented enterprises, projects,
amounts and dates, to exercise the rules at scale and to try reforms. The
shares and ranges below are the generator's own settings, chosen so that
every condition of the rule fails now and then; they are not calibrated on
any observed portfolio, and no figure drawn from them describes the policy.

The same count, seed and window always give the same cases. The request
dates are drawn for the whole portfolio and then sorted, so a case is not
the same in a larger portfolio of the same seed: ``syn-000000`` of 10 cases
is not ``syn-000000`` of 300.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Final, SupportsIndex

import numpy as np

from poles_policy._arguments import expect_day
from poles_policy.exceptions import InvalidInputError
from poles_policy.model.actors import (
    Accounts,
    Actor,
    Bank,
    Enterprise,
    ResearchKind,
    ResearchOrganisation,
)
from poles_policy.model.cases import RelayCase
from poles_policy.model.projects import (
    AidDecision,
    CollaborativeProject,
    Funder,
    PartnerAid,
    PartnerRole,
    Payment,
    PoleLabel,
    ProjectPartner,
)
from poles_policy.model.regions import regions_on
from poles_policy.model.relay import RelayRequest
from poles_policy.scenarios._arrays import whole_number

if TYPE_CHECKING:
    from numpy.random import Generator

__all__ = ["synthetic_relay_cases"]

# The cases take about 3.2 kB each (3.5 kB with their RelayPortfolio; measured on 20 000 and
# 40 000 cases) and half a millisecond or more each to make: 300 000 take about 1 GB and a few
# minutes, far above any study's needs. A larger count is a slip (10**30) that would exhaust memory.
_MAX_CASES: Final = 300_000

# The generator's settings (synthetic, not calibrated): the chance of each departure
# from a plainly eligible request, drawn independently (docs/scenarios.md lists them).
_NOT_AN_ENTERPRISE: Final = 0.03
_NOT_A_PARTNER: Final = 0.03
_NO_LABEL: Final = 0.03
_LABEL_AFTER_REQUEST: Final = 0.02
_LABEL_UNDATED: Final = 0.01
_AID_UNKNOWN: Final = 0.03
_REGION_ONLY_AID: Final = 0.04
_LETTER_UNKNOWN: Final = 0.03
_LETTER_AFTER_REQUEST: Final = 0.04
_REGION_UNKNOWN: Final = 0.02
_PAID_BEFORE: Final = 0.05
_AMOUNT_ABOVE: Final = 0.03
_BANK = Bank(id="bank-synthetic", name="Banque (synthetic)")
_POLES: Final = ("pole-a", "pole-b", "pole-c", "pole-d", "pole-e")


# A case dates its label up to 500 days before its request and its accounts two calendar years
# before it, its label or letter up to 90 days after: its request stays within these days.
_FIRST_REQUEST: Final = date(3, 1, 1)
_LAST_REQUEST: Final = date.max - timedelta(days=90)


def _day(start: date, days: int) -> date:
    return start + timedelta(days=days)


def _accounts(rng: Generator, before: date) -> tuple[Accounts, ...]:
    staff = int(rng.integers(3, 400))
    turnover = Decimal(int(rng.integers(200, 80_000))) * 1000
    last = before.year - 1
    return tuple(
        Accounts(
            period_end=date(year, 12, 31),
            staff_awu=staff,
            turnover=turnover,
            balance_sheet=turnover * Decimal("0.75"),
        )
        for year in (last - 1, last)
    )


def _case(rng: Generator, n: int, on: date) -> RelayCase:
    regions = regions_on(on)
    code = None if rng.random() < _REGION_UNKNOWN else regions[rng.integers(len(regions))].code
    applicant: Actor
    if rng.random() < _NOT_AN_ENTERPRISE:
        applicant = ResearchOrganisation(
            id=f"lab-{n}",
            name=f"Laboratoire {n} (synthetic)",
            kind=ResearchKind.LABORATORY,
            region=code,
        )
    else:
        applicant = Enterprise(
            id=f"ent-{n}",
            name=f"Entreprise {n} (synthetic)",
            region=code,
            accounts=_accounts(rng, on),
            public_bodies_share=Decimal(0),
        )
    lead = Enterprise(id=f"lead-{n}", name=f"Chef de file {n} (synthetic)", region=code)
    lab = ResearchOrganisation(
        id=f"lab-p{n}",
        name=f"Laboratoire partenaire {n} (synthetic)",
        kind=ResearchKind.LABORATORY,
        region=code,
    )
    partners = [ProjectPartner(actor=lead, role=PartnerRole.LEAD), ProjectPartner(actor=lab)]
    is_partner = rng.random() >= _NOT_A_PARTNER
    if is_partner:
        partners.append(ProjectPartner(actor=applicant))
    labels: tuple[PoleLabel, ...] = ()
    if rng.random() >= _NO_LABEL:
        draw = rng.random()
        labelled_on: date | None = (
            None
            if draw < _LABEL_UNDATED
            else _day(on, int(rng.integers(1, 90)))
            if draw < _LABEL_UNDATED + _LABEL_AFTER_REQUEST
            else _day(on, -int(rng.integers(60, 500)))
        )
        labels = (PoleLabel(pole_id=_POLES[n % len(_POLES)], labelled_on=labelled_on),)
    granted = Decimal(int(rng.integers(50, 700))) * 1000
    aided = applicant.id if is_partner else lead.id
    payments = (
        (Payment(paid_on=_day(on, -int(rng.integers(1, 30))), amount=granted),)
        if rng.random() < _PAID_BEFORE
        else ()
    )
    aid: tuple[AidDecision, ...] | None = None
    if rng.random() >= _AID_UNKNOWN:
        funder = Funder.REGION if rng.random() < _REGION_ONLY_AID else Funder.STATE
        aid = (
            AidDecision(
                funder=funder,
                scheme="FUI" if funder is Funder.STATE else "Région (synthetic)",
                partners=(PartnerAid(partner_id=aided, granted=granted, payments=payments),),
            ),
        )
    draw = rng.random()
    letter = (
        None
        if draw < _LETTER_UNKNOWN
        else _day(on, int(rng.integers(1, 60)))
        if draw < _LETTER_UNKNOWN + _LETTER_AFTER_REQUEST
        else _day(on, -int(rng.integers(0, 120)))
    )
    project = CollaborativeProject(
        id=f"prj-{n}",
        name=f"PROJET-{n} (synthetic)",
        partners=tuple(partners),
        labels=labels,
        aid=aid,
        selection_letter_on=letter,
    )
    # Mostly 30 % to 100 % of the subsidy, a few percent of the time 2 % to 15 % above it (RELAY.4);
    # rounded to the thousand euros, an amount drawn within stays within.
    above = rng.random() < _AMOUNT_ABOVE
    percent = int(rng.integers(102, 116)) if above else int(rng.integers(30, 101))
    amount = (granted * Decimal(percent) / 100).quantize(Decimal(1000))
    case_id = f"syn-{n:06d}"
    request = RelayRequest(
        id=case_id,
        applicant=applicant,
        project=project,
        requested_on=on,
        amount=max(amount, Decimal(1000)),
        bank=_BANK,
        oseo_counter_guarantee=bool(rng.random() < 0.5),
    )
    return RelayCase(case_id=case_id, request=request)


def synthetic_relay_cases(
    count: SupportsIndex,
    *,
    seed: SupportsIndex,
    start: date = date(2008, 1, 1),
    end: date = date(2012, 12, 31),
) -> tuple[RelayCase, ...]:
    """
    Make *count* SYNTHETIC relay cases from every region, seeded.

    Request dates are spread evenly from *start* to *end*; each applicant's
    region is drawn evenly among the regions that existed on its request date
    (overseas ones included). Each way of departing from a plainly eligible
    request is drawn independently, in 1 % to 5 % of the cases each: not an
    enterprise, not a partner, no label or a later one, aid from the region
    only, a later selection letter, a subsidy already paid, an amount above
    it (3 %), or a fact left unknown. With the scheme in force everywhere,
    about 71 % of the cases are eligible, 23 % ineligible and 6 %
    undetermined. The cases carry no loan.

    Args:
        count: How many cases to make, 0 to 300 000 (about 3.2 kB each).
        seed: The seed of the random generator: the same seed, count and
            window give the same cases (another count gives other cases).
        start: The earliest request date.
        end: The latest request date (on or after *start*).

    Returns:
        The cases, ids ``syn-000000``, ``syn-000001``, ...

    Raises:
        InvalidInputError: If *count* is not a whole number from 0 to
            300 000, *seed* is not a whole number, *end* is before *start*,
            or either is outside 0003-01-01 to 9999-10-02 (a case's label,
            letter and accounts are dated around its request, within the
            calendar).
        WrongTypeError: If *start* or *end* is not a date (a ``datetime``
            neither).

    >>> cases = synthetic_relay_cases(3, seed=7)
    >>> [c.case_id for c in cases]
    ['syn-000000', 'syn-000001', 'syn-000002']
    >>> cases == synthetic_relay_cases(3, seed=7)
    True
    """
    count = whole_number(count, "synthetic_relay_cases: count", at_least=0, at_most=_MAX_CASES)
    expect_day(start, "synthetic_relay_cases", "start")
    expect_day(end, "synthetic_relay_cases", "end")
    # The same seed, the same cases: a seed is a whole number, as NumPy's generator requires.
    seed = whole_number(seed, "synthetic_relay_cases: seed", at_least=0)
    if end < start:
        msg = (
            f"synthetic_relay_cases: end ({end.isoformat()}) is before start ({start.isoformat()})"
        )
        raise InvalidInputError(msg)
    for name, day in (("start", start), ("end", end)):
        if not _FIRST_REQUEST <= day <= _LAST_REQUEST:
            msg = (
                f"synthetic_relay_cases: {name} ({day.isoformat()}) is outside "
                f"{_FIRST_REQUEST.isoformat()} to {_LAST_REQUEST.isoformat()}: a case's label, "
                "letter and accounts are dated up to two years before its request and 90 days "
                "after it, within the calendar"
            )
            raise InvalidInputError(msg)
    rng = np.random.default_rng(seed)
    span = (end - start).days + 1
    days = np.sort(rng.integers(0, span, size=count))
    return tuple(_case(rng, n, _day(start, int(days[n]))) for n in range(count))
