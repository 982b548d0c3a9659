"""
The demo portfolio: synthetic relay-financing cases.

**Every case here is synthetic.** The enterprises, projects, amounts and
dates are invented to exercise the rules; they describe no real firm,
project or loan. Only the pôle names (Minalogic, Lyonbiopôle, Axelera, ...)
and the policy dates they sit among are real.

The portfolio has 42 Rhône-Alpes cases that cover every outcome and every
condition failing — a request before the pilot started, a research lab,
an outsider, an unlabelled project, aid from the region only, a request
before the selection letter, a subsidy already paid, an amount above what
remains, unknown facts (one of them the applicant's region, left blank as
a form might leave it), a relay that comes after the subsidy — and 8 cases
from other regions, which the pilot refuses and a national generalisation
would admit (RELAY.7).

>>> cases = demo_cases()
>>> len(cases), sum(c.request.applicant.region in ("82", None) for c in cases)
(50, 42)
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any

import attrs

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
    PaymentKind,
    PoleLabel,
    ProjectPartner,
    ScheduledPayment,
)
from poles_policy.model.relay import RelayLoan, RelayRequest

__all__ = ["DEMO_NATIONAL_FROM", "demo_cases"]

DEMO_NATIONAL_FROM = date(2009, 1, 1)
"""The generalisation date of the demo's national scenario (a what-if, not a policy date)."""

_BANKS = (
    Bank(id="bank-lyon-1", name="Banque lyonnaise A (synthetic)"),
    Bank(id="bank-lyon-2", name="Banque lyonnaise B (synthetic)"),
)
_POLES = ("minalogic", "lyonbiopole", "axelera", "techtera", "tenerrdis", "lutb", "imaginove")
_LAB = ResearchOrganisation(
    id="lab-demo", name="Laboratoire Demo (synthetic)", kind=ResearchKind.LABORATORY, region="82"
)


def _accounts(staff: int, turnover_k: int) -> tuple[Accounts, ...]:
    turnover = Decimal(turnover_k) * 1000
    return tuple(
        Accounts(
            period_end=date(year, 12, 31),
            staff_awu=staff,
            turnover=turnover,
            balance_sheet=turnover * Decimal("0.8"),
        )
        for year in (2007, 2008)
    )


@attrs.frozen(kw_only=True)
class _Row:
    """One synthetic case, before it is built into domain objects."""

    n: int
    region: str | None = "82"
    staff: int = 35
    turnover_k: int = 6000
    lab: bool = False
    partner: bool = True
    label_on: date | None = date(2008, 6, 2)
    labelled: bool = True
    funder: Funder | None = Funder.STATE
    granted: int = 300_000
    paid_before: int = 0
    letter_on: date | None = date(2009, 3, 2)
    requested_on: date = date(2009, 3, 16)
    amount: int = 200_000
    oseo: bool | None = True
    disbursed_on: date | None = None
    rate: str = "0.055"
    schedule: bool = False
    paid_after: tuple[tuple[date, int], ...] = ()


def _actor(row: _Row) -> Actor:
    if row.lab:
        return attrs.evolve(
            _LAB, id=f"lab-{row.n:02d}", name=f"Laboratoire {row.n:02d} (synthetic)"
        )
    return Enterprise(
        id=f"ent-{row.n:02d}",
        name=f"Entreprise {row.n:02d} SAS (synthetic)",
        region=row.region,
        accounts=_accounts(row.staff, row.turnover_k),
        public_bodies_share=Decimal(0),
    )


def _aid(row: _Row, aided: str) -> tuple[AidDecision, ...] | None:
    if row.funder is None:
        return None
    payments = (
        [Payment(paid_on=date(2009, 3, 6), amount=row.paid_before)] if row.paid_before else []
    )
    payments += [Payment(paid_on=on, amount=amount) for on, amount in row.paid_after]
    granted = Decimal(row.granted)
    schedule: tuple[ScheduledPayment, ...] = ()
    if row.schedule and row.letter_on is not None:
        schedule = (
            ScheduledPayment(
                kind=PaymentKind.ADVANCE,
                amount=granted * Decimal("0.25"),
                expected_on=date(2009, 10, 15),
            ),
            ScheduledPayment(
                kind=PaymentKind.INTERMEDIATE,
                amount=granted * Decimal("0.55"),
                expected_on=date(2010, 10, 15),
            ),
            ScheduledPayment(
                kind=PaymentKind.BALANCE,
                amount=granted * Decimal("0.20"),
                expected_on=date(2012, 4, 16),
            ),
        )
    scheme = "FUI" if row.funder is Funder.STATE else "Région (synthetic)"
    return (
        AidDecision(
            funder=row.funder,
            scheme=scheme,
            call="7",
            partners=(
                PartnerAid(partner_id=aided, granted=granted, schedule=schedule, payments=payments),
            ),
        ),
    )


def _case(row: _Row) -> RelayCase:
    applicant = _actor(row)
    lead = Enterprise(
        id=f"lead-{row.n:02d}",
        name=f"Chef de file {row.n:02d} SA (synthetic)",
        region="82",
        accounts=_accounts(400, 90_000),
        public_bodies_share=Decimal(0),
    )
    partners = [ProjectPartner(actor=lead, role=PartnerRole.LEAD)]
    if row.partner:
        partners.append(ProjectPartner(actor=applicant))
    if not row.lab:
        partners.append(ProjectPartner(actor=attrs.evolve(_LAB, id=f"lab-p{row.n:02d}")))
    labels = (
        (PoleLabel(pole_id=_POLES[row.n % len(_POLES)], labelled_on=row.label_on),)
        if row.labelled
        else ()
    )
    project = CollaborativeProject(
        id=f"prj-{row.n:02d}",
        name=f"PROJET-{row.n:02d} (synthetic)",
        partners=tuple(partners),
        labels=labels,
        aid=_aid(row, applicant.id if row.partner else lead.id),
        selection_letter_on=row.letter_on,
    )
    case_id = f"demo-{row.n:02d}"
    request = RelayRequest(
        id=case_id,
        applicant=applicant,
        project=project,
        requested_on=row.requested_on,
        amount=row.amount,
        bank=_BANKS[row.n % 2],
        oseo_counter_guarantee=row.oseo,
    )
    loan = (
        None
        if row.disbursed_on is None
        else RelayLoan(
            request_id=case_id,
            disbursed_on=row.disbursed_on,
            principal=row.amount,
            annual_rate=row.rate,
            fees=Decimal(500),
        )
    )
    return RelayCase(case_id=case_id, request=request, loan=loan)


def _rows() -> list[_Row]:
    d = date
    rows: list[dict[str, Any]] = [
        # Eligible SMEs, letters of the 2008-2010 FUI calls, relays requested soon after.
        {
            "letter_on": d(2008, 7, 3),
            "requested_on": d(2008, 7, 10),
            "amount": 150_000,
            "granted": 240_000,
            "disbursed_on": d(2008, 7, 28),
            "paid_after": ((d(2009, 2, 16), 60_000), (d(2009, 11, 20), 120_000)),
        },
        {
            "letter_on": d(2008, 7, 3),
            "requested_on": d(2008, 7, 15),
            "amount": 90_000,
            "granted": 180_000,
            "staff": 12,
            "turnover_k": 1800,
        },
        {
            "letter_on": d(2008, 12, 15),
            "requested_on": d(2009, 1, 5),
            "amount": 250_000,
            "granted": 420_000,
            "schedule": True,
        },
        {
            "letter_on": d(2008, 12, 15),
            "requested_on": d(2008, 12, 15),
            "amount": 60_000,
            "granted": 120_000,
            "staff": 8,
            "turnover_k": 900,
            "oseo": False,
        },
        {
            "letter_on": d(2009, 3, 2),
            "requested_on": d(2009, 3, 9),
            "amount": 180_000,
            "disbursed_on": d(2009, 3, 27),
            "paid_after": ((d(2009, 10, 5), 75_000),),
        },
        {
            "letter_on": d(2009, 3, 2),
            "requested_on": d(2009, 3, 20),
            "amount": 300_000,
            "granted": 500_000,
            "staff": 120,
            "turnover_k": 30_000,
        },
        {
            "letter_on": d(2009, 3, 2),
            "requested_on": d(2009, 4, 1),
            "amount": 75_000,
            "granted": 150_000,
            "oseo": False,
            "schedule": True,
        },
        {
            "letter_on": d(2009, 7, 20),
            "requested_on": d(2009, 7, 27),
            "amount": 210_000,
            "granted": 350_000,
            "disbursed_on": d(2009, 8, 17),
            "rate": "0.05",
        },
        {
            "letter_on": d(2009, 7, 20),
            "requested_on": d(2009, 8, 3),
            "amount": 130_000,
            "granted": 260_000,
        },
        {
            "letter_on": d(2009, 7, 20),
            "requested_on": d(2009, 9, 1),
            "amount": 95_000,
            "granted": 190_000,
            "staff": 22,
            "turnover_k": 3500,
            "schedule": True,
        },
        {
            "letter_on": d(2010, 3, 15),
            "requested_on": d(2010, 3, 22),
            "amount": 160_000,
            "granted": 280_000,
            "disbursed_on": d(2010, 4, 9),
            "paid_after": ((d(2010, 11, 3), 70_000), (d(2011, 9, 12), 150_000)),
        },
        {
            "letter_on": d(2010, 3, 15),
            "requested_on": d(2010, 4, 6),
            "amount": 220_000,
            "granted": 400_000,
        },
        {
            "letter_on": d(2010, 7, 30),
            "requested_on": d(2010, 8, 30),
            "amount": 140_000,
            "granted": 230_000,
            "oseo": False,
        },
        {
            "letter_on": d(2010, 7, 30),
            "requested_on": d(2010, 9, 6),
            "amount": 115_000,
            "granted": 210_000,
            "disbursed_on": d(2010, 9, 27),
            "rate": "0.045",
        },
        {
            "letter_on": d(2011, 3, 14),
            "requested_on": d(2011, 3, 21),
            "amount": 175_000,
            "granted": 320_000,
            "schedule": False,
        },
        {
            "letter_on": d(2011, 3, 14),
            "requested_on": d(2011, 4, 4),
            "amount": 80_000,
            "granted": 160_000,
            "staff": 6,
            "turnover_k": 700,
        },
        {
            "letter_on": d(2011, 7, 28),
            "requested_on": d(2011, 8, 29),
            "amount": 260_000,
            "granted": 450_000,
            "disbursed_on": d(2011, 9, 19),
        },
        {
            "letter_on": d(2011, 7, 28),
            "requested_on": d(2011, 9, 5),
            "amount": 100_000,
            "granted": 200_000,
        },
        {
            "letter_on": d(2012, 3, 19),
            "requested_on": d(2012, 3, 26),
            "amount": 190_000,
            "granted": 330_000,
            "rate": "0.04",
        },
        {
            "letter_on": d(2012, 3, 19),
            "requested_on": d(2012, 4, 10),
            "amount": 70_000,
            "granted": 140_000,
            "oseo": None,
        },
        # Eligible but not SMEs: the text favours SMEs, it does not exclude others.
        {"staff": 900, "turnover_k": 210_000, "amount": 280_000, "granted": 600_000},
        {
            "staff": 1500,
            "turnover_k": 480_000,
            "amount": 400_000,
            "granted": 900_000,
            "letter_on": d(2010, 3, 15),
            "requested_on": d(2010, 3, 29),
        },
        # A relay disbursed after the first subsidy payment: eligible, saves nothing.
        {
            "letter_on": d(2009, 3, 2),
            "requested_on": d(2009, 3, 10),
            "amount": 120_000,
            "granted": 300_000,
            "disbursed_on": d(2009, 11, 16),
            "paid_after": ((d(2009, 10, 1), 75_000), (d(2010, 9, 1), 150_000)),
        },
        # Ineligible: each condition failing.
        {
            "letter_on": d(2008, 1, 14),
            "label_on": d(2007, 11, 5),
            "requested_on": d(2008, 2, 18),
        },  # before the pilot
        {"lab": True, "amount": 100_000, "granted": 180_000},  # a research lab
        {
            "lab": True,
            "amount": 60_000,
            "granted": 90_000,
            "letter_on": d(2010, 7, 30),
            "requested_on": d(2010, 8, 9),
        },
        {"partner": False},  # not a partner of the project
        {"labelled": False},  # no pôle label
        {"label_on": d(2009, 5, 4)},  # labelled after the request
        {"funder": Funder.REGION},  # aided by the region only
        {
            "funder": Funder.REGION,
            "amount": 50_000,
            "granted": 80_000,
            "letter_on": d(2010, 3, 15),
            "requested_on": d(2010, 4, 1),
        },
        {"requested_on": d(2009, 2, 23)},  # before the selection letter
        {"requested_on": d(2009, 3, 1)},  # one day before the letter
        {"paid_before": 300_000, "granted": 300_000},  # subsidy already paid in full
        {"paid_before": 75_000, "amount": 240_000},  # more than what remains
        {"amount": 320_000, "granted": 300_000},  # more than the whole subsidy
        {"labelled": False, "requested_on": d(2009, 2, 2)},  # two conditions failing
        # Undetermined: facts missing.
        {"letter_on": None},
        {"letter_on": None, "requested_on": d(2010, 5, 3)},
        {"funder": None},
        {"region": None},
        {"label_on": None, "labelled": True},
    ]
    # Enterprises of other regions, refused by the pilot, admitted by a national scheme.
    others = ("11", "93", "73", "31", "53", "42", "52", "72")
    rows += [
        {
            "region": code,
            "letter_on": d(2009, 7, 20),
            "requested_on": d(2009, 8, 3 + i),
            "amount": 100_000 + 10_000 * i,
            "granted": 200_000 + 20_000 * i,
        }
        for i, code in enumerate(others)
    ]
    return [_Row(n=i + 1, **row) for i, row in enumerate(rows)]


@cache
def demo_cases() -> tuple[RelayCase, ...]:
    """
    Return the synthetic demo portfolio (50 cases, 42 in Rhône-Alpes).

    Every case is synthetic (see the module documentation); the portfolio
    is built once and cached.
    """
    return tuple(_case(row) for row in _rows())
