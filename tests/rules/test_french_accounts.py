"""
Every rule's French account reads as French (a regression net for the review of the French texts).

The people who read these decisions read French. Each rule's ``explain("fr")`` is rendered on
the packaged demo data, on the review's own examples and on generated cases, and every line is
held to the library's French conventions:

- a space before ``:`` and ``;`` (a plain space: the library's convention);
- a decimal comma: no ``4.5 %``, no ``150000.00``; amounts in euros as ``150 000,00 €``;
- units and confidences in French: no ``(382 d)``, no ``share``, ``sourced``, ``assumption``
  or ``EUR``;
- counts agreeing with their nouns: no ``réunion(s)``;
- ``de`` elided before a vowel: no ``de Acme``.

The machine-readable JSON keeps its identifiers (``"share"``, ``"sourced"``): it is checked
in ``tests/test_explain.py``.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

from poles_policy.cli import main
from poles_policy.data import rhone_alpes_poles
from poles_policy.data.demo import DEMO_NATIONAL_FROM, demo_cases
from poles_policy.model.actors import (
    Enterprise,
    ResearchKind,
    ResearchOrganisation,
    StateBody,
    StateKind,
)
from poles_policy.model.committees import CommitteeMember, CoordinationCommittee, Meeting
from poles_policy.model.contracts import (
    Axis,
    Direction,
    Indicator,
    Measurement,
    Objective,
    OperatingBudget,
    PerformanceContract,
)
from poles_policy.model.cper import Allocation, CperEnvelope, StructuringProject
from poles_policy.model.projects import ProjectPartner
from poles_policy.parameters import default_parameters
from poles_policy.rules.committees import committee_regularity
from poles_policy.rules.coordination import coordination_groups
from poles_policy.rules.cper import allocate_envelope, linked_allocation_shares
from poles_policy.rules.fui import aid_amount, aid_rate, consortium, payment_schedule
from poles_policy.rules.interpole import inter_pole_funding
from poles_policy.rules.platforms import platform_eligibility
from poles_policy.rules.relay import assess_case
from poles_policy.rules.relay.evaluation import PilotCriteria, compare, evaluate_portfolio
from poles_policy.rules.sme import sme_status
from poles_policy.rules.standing import pole_standing
from poles_policy.rules.steering import contract_progress, contract_terms
from poles_policy.rules.synergies import cooperation_involvement
from poles_policy.testing import (
    allocations,
    calls_for_projects,
    coordination_committees,
    cper_envelopes,
    enterprises,
    eur_amounts,
    innovation_platforms,
    inter_pole_files,
    performance_contracts,
    pole_synergies,
    poles,
    policy_dates,
    projects,
    relay_cases,
    structuring_projects,
)

if TYPE_CHECKING:
    from poles_policy.model.interpole import InterPoleFile
    from poles_policy.model.poles import Pole
    from poles_policy.model.projects import CollaborativeProject
    from poles_policy.model.synergies import PoleSynergies

PARAMS = default_parameters()
NATIONAL = PARAMS.override("relay.national_from", DEMO_NATIONAL_FROM)
POLES = rhone_alpes_poles()
POLE_IDS = [pole.id for pole in POLES]

# Each defect a French reader reported, or would: its name and the pattern that finds it.
_DEFECTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("no space before a colon", re.compile(r"\S:(?=\s|$)")),
    ("no space before a semicolon", re.compile(r"\S;(?=\s|$)")),
    ("a decimal point", re.compile(r"\d\.\d")),
    ("an English unit or confidence", re.compile(r"\b(?:sourced|assumption|share|EUR)\b|\d d\)")),
    ("a plural left open", re.compile(r"\((?:s|e|es)\)")),
    ("no elision before a vowel", re.compile(r"\b[Dd]e [AEIOUaeiouÀÂÉÈÊÎÔÛàâéèêîôû]")),
)


def french_defects(text: str) -> list[str]:
    """Each line of *text* that breaks a French convention, with the convention it breaks."""
    return [
        f"{name}: {line.strip()}"
        for line in text.splitlines()
        for name, pattern in _DEFECTS
        if pattern.search(line)
    ]


def assert_reads_as_french(text: str) -> None:
    assert french_defects(text) == [], text


def test_the_checker_finds_each_defect_of_the_review() -> None:
    # The review's own lines, as they were: each must be caught.
    found = french_defects(
        "Comité de coordination de minalogic, 2009-01-01 – 2010-12-31: 1 réunion(s)\n"
        "  plus de 6 mois sans réunion : 2009-12-14 – 2010-12-31 (382 d)\n"
        "  aucune collectivité ne signe aux côtés de Préfet de région et de Association X\n"
        "      p.q = 0.50 (share, depuis le 2009-01-01; sourced)\n"
        "  4.5 % par an\n"
    )
    assert [f.split(":")[0] for f in found] == [
        "no space before a colon",
        "a plural left open",
        "an English unit or confidence",
        "no elision before a vowel",
        "no space before a semicolon",
        "a decimal point",
        "an English unit or confidence",
        "a decimal point",
    ]
    assert french_defects("Situation du pôle g2 le 2010-06-01 : labellisé, 4,5 %") == []


# --- the review's examples, corrected ----------------------------------------------------------


def test_a_singular_committee_is_not_regular_and_its_gap_is_counted_in_days() -> None:
    committee = CoordinationCommittee(
        pole_id="minalogic",
        members=(CommitteeMember(actor_id="region-82", name="Région", funder=True),),
        meetings=(Meeting(held_on=date(2009, 12, 14), attendees=()),),
    )
    answer = committee_regularity(committee, date(2009, 7, 1), date(2010, 12, 31), PARAMS)
    french = answer.explain("fr")
    assert french.splitlines()[0] == (
        "Comité de coordination de minalogic, 2009-07-01 – 2010-12-31 : 1 réunion, "
        "PAS régulier avec les financeurs"
    )
    assert "plus de 6 mois sans réunion : 2009-12-14 – 2010-12-31 (382 j)" in french
    assert "(382 d)" in answer.explain("en")
    assert_reads_as_french(french)


def test_the_relay_costs_read_with_decimal_commas_and_french_parameters() -> None:
    case = demo_cases()[0]
    french = assess_case(case, PARAMS).explain("fr")
    assert "5,5 % par an (le taux du prêt)" in french
    assert "0,8 % par an sur les 50 % du principal restant dû" in french
    assert "relay.oseo.guarantee_share = 0,50 (part, depuis le 2008-04-01 ; sourcé)" in french
    assert "relay.oseo.guarantee_fee_rate = 0,008 (taux annuel, depuis le 2008-04-01 ; sourcé)" in (
        french
    )
    assert_reads_as_french(french)


# --- the packaged data -------------------------------------------------------------------------


@pytest.mark.parametrize("params", [PARAMS, NATIONAL], ids=["pilot", "national"])
def test_every_demo_case_reads_as_french(params: object) -> None:
    for case in demo_cases():
        assert_reads_as_french(assess_case(case, params).explain("fr"))  # type: ignore[arg-type]


def test_the_balance_sheets_and_the_regional_comparison_read_as_french() -> None:
    criteria = PilotCriteria(min_grant_rate="0.5", max_cost_per_month_saved="1500.5")
    summaries = [
        evaluate_portfolio(
            (assess_case(c, p) for c in demo_cases()), label=p.label, criteria=criteria
        )
        for p in (PARAMS, NATIONAL)
    ]
    assert_reads_as_french(compare(*summaries).report("fr"))


@pytest.mark.parametrize(
    "argv",
    [
        ["demo", "--lang", "fr"],
        ["relay", "check", "docs/examples/relay-case.json", "--lang", "fr"],
        ["relay", "check", "docs/examples/relay-case-undetermined.json", "--lang", "fr"],
        ["poles", "--at", "2010-06-01", "--lang", "fr"],
        [
            "poles",
            *("--at", "2010-06-01", "--lang", "fr"),
            *("--complementary", "chemistry and environment", "eco-technologies"),
        ],
    ],
)
def test_the_command_line_reads_as_french(
    argv: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(__file__.rsplit("/tests/", 1)[0])
    assert main(argv) == 0
    assert_reads_as_french(capsys.readouterr().out)


@pytest.mark.parametrize("on", [date(2009, 7, 1), date(2010, 6, 1), date(2012, 12, 31)])
def test_each_rhone_alpes_pole_stands_in_french(on: date) -> None:
    for pole in POLES:
        assert_reads_as_french(pole_standing(pole, on, PARAMS).explain("fr"))
    for group in coordination_groups(
        POLES, on, complementary=[("chemistry and environment", "eco-technologies")]
    ):
        assert_reads_as_french(group.describe("fr"))


# --- generated cases ---------------------------------------------------------------------------


@given(relay_cases())
def test_a_generated_relay_case_reads_as_french(case: object) -> None:
    assert_reads_as_french(assess_case(case, PARAMS).explain("fr"))  # type: ignore[arg-type]


@given(enterprises(), policy_dates())
def test_a_generated_sme_status_reads_as_french(enterprise: Enterprise, on: date) -> None:
    assert_reads_as_french(sme_status(enterprise, on, PARAMS).decision.explain("fr"))


@given(coordination_committees(start=date(2009, 1, 1), end=date(2011, 12, 31)))
def test_a_generated_committee_reads_as_french(committee: CoordinationCommittee) -> None:
    answer = committee_regularity(committee, date(2009, 1, 1), date(2011, 12, 31), PARAMS)
    assert_reads_as_french(answer.explain("fr"))


@given(poles(), st.dates(min_value=date(2009, 1, 1), max_value=date(2012, 12, 31)))
def test_a_generated_pole_stands_in_french(pole: Pole, on: date) -> None:
    assert_reads_as_french(pole_standing(pole, on, PARAMS).explain("fr"))


@given(pole_synergies())
def test_a_generated_synergy_report_reads_as_french(synergies: PoleSynergies) -> None:
    assert_reads_as_french(cooperation_involvement(synergies).explain("fr"))


@given(st.data())
def test_a_generated_platform_reads_as_french(data: st.DataObject) -> None:
    call = data.draw(calls_for_projects(pole_ids=POLE_IDS))
    platform = data.draw(innovation_platforms(call=call, pole_ids=POLE_IDS))
    decision = platform_eligibility(platform, call, PARAMS, poles=POLES)
    assert_reads_as_french(decision.explain("fr"))


@given(inter_pole_files(pole_ids=POLE_IDS))
def test_a_generated_inter_pole_file_reads_as_french(file: InterPoleFile) -> None:
    assert_reads_as_french(inter_pole_funding(file, PARAMS, poles=POLES).explain("fr"))


# --- FUI aid, CPER allocations, performance contracts (rules/fui.py, cper.py, steering.py) -----


def test_the_fui_accounts_read_as_french() -> None:
    lab = ResearchOrganisation(id="lab", name="Lab", kind=ResearchKind.LABORATORY)
    on = date(2009, 7, 1)
    partner = ProjectPartner(actor=lab, eligible_costs=Decimal(250000))
    texts = [
        aid_rate(lab, on, PARAMS).explain("fr"),
        aid_amount(partner, on, PARAMS).explain("fr"),
        *(p.explain("fr") for p in payment_schedule(Decimal(100000), date(2009, 3, 31), PARAMS)),
    ]
    assert_reads_as_french("\n".join(texts))


def test_the_cper_accounts_read_as_french() -> None:
    envelope = CperEnvelope(
        id="cper-82-2007",
        region="82",
        period_start=date(2007, 1, 1),
        period_end=date(2013, 12, 31),
        amount="1000000.00",
    )
    project = StructuringProject(
        id="biochip",
        name="Biochip",
        region="82",
        pole_ids=("minalogic",),
        requested="1250000.00",
        priority_rank=1,
    )
    shares = linked_allocation_shares(
        [
            Allocation(
                ministry="MESR", body="CNRS", year=2009, amount="2000000.50", pole_id="axelera"
            ),
        ]
    )
    texts = [allocate_envelope(envelope, [project]).explain("fr"), shares[0].explain("fr")]
    assert_reads_as_french("\n".join(texts))


def test_the_steering_accounts_read_as_french() -> None:
    prefet = StateBody(id="prefet-82", name="Préfet de région", kind=StateKind.PREFET_DE_REGION)
    indicator = Indicator(
        id="i1",
        name="indicator",
        unit="count",
        baseline="0.75",
        target="0.50",
        direction=Direction.DECREASE,
        measurements=(Measurement(year=2010, value="0.58"),),
    )
    contract = PerformanceContract(
        id="cp",
        pole_id="minalogic",
        state=prefet,
        local_authorities=(),
        governing_body_name="Association Minalogic",
        signed_on=date(2009, 7, 6),
        start=date(2009, 1, 1),
        end=date(2011, 12, 31),
        objectives=(Objective(id="o1", title="Grow", axis=Axis.ECO_1, indicators=(indicator,)),),
        budgets=(OperatingBudget(year=2010, total="100", public="60"),),
    )
    texts = [
        contract_progress(contract, 2010, PARAMS).explain("fr"),
        contract_terms(contract, PARAMS).explain("fr"),
    ]
    assert_reads_as_french("\n".join(texts))


@given(projects(), policy_dates(min_value=date(2009, 1, 1)))  # every FUI rate is in force
def test_a_generated_consortium_and_its_partners_aid_read_as_french(
    project: CollaborativeProject, on: date
) -> None:
    texts = [consortium(project, on, PARAMS, poles=POLES).explain("fr")]
    texts.extend(aid_amount(partner, on, PARAMS).explain("fr") for partner in project.partners)
    assert_reads_as_french("\n".join(texts))


@given(eur_amounts(max_value="50000000.00"), policy_dates(min_value=date(2009, 1, 1)))
def test_a_generated_payment_schedule_reads_as_french(granted: Decimal, letter: date) -> None:
    assert_reads_as_french(
        "\n".join(p.explain("fr") for p in payment_schedule(granted, letter, PARAMS))
    )


@given(
    cper_envelopes(region="82"),
    st.lists(
        structuring_projects(region="82", pole_ids=POLE_IDS),
        max_size=6,
        unique_by=lambda project: project.id,
    ),
    st.data(),
)
def test_a_generated_cper_allocation_reads_as_french(
    envelope: CperEnvelope, projects: list[StructuringProject], data: st.DataObject
) -> None:
    assert_reads_as_french(allocate_envelope(envelope, projects).explain("fr"))
    # An envelope is allocated within its contract period.
    on = data.draw(st.dates(min_value=envelope.period_start, max_value=envelope.period_end))
    checked = allocate_envelope(envelope, projects, poles=POLES, on=on)
    assert_reads_as_french(checked.explain("fr"))


@given(st.lists(allocations(pole_ids=POLE_IDS, ministries=("MESR", "Agriculture")), max_size=8))
def test_generated_allocation_shares_read_as_french(given_allocations: list[Allocation]) -> None:
    for share in linked_allocation_shares(given_allocations):
        assert_reads_as_french(share.explain("fr"))


@given(performance_contracts(), st.data())
def test_a_generated_performance_contract_reads_as_french(
    contract: PerformanceContract, data: st.DataObject
) -> None:
    year = data.draw(st.sampled_from(contract.years))
    assert_reads_as_french(contract_progress(contract, year, PARAMS).explain("fr"))
    assert_reads_as_french(contract_terms(contract, PARAMS).explain("fr"))


def test_a_figure_not_known_agrees_in_french_with_the_time_saved_and_the_cost() -> None:
    from poles_policy.data.demo import demo_cases
    from poles_policy.explain import Status, figure_status
    from poles_policy.parameters import default_parameters
    from poles_policy.rules.relay import assess

    assessed = assess(demo_cases()[37].request, default_parameters())  # no letter date
    assert assessed.timing is not None
    assert assessed.cost is not None
    assert assessed.timing.explain("fr").splitlines()[0].endswith(" : inconnu")
    assert assessed.cost.explain("fr").splitlines()[0].endswith(" : inconnu")
    assert assessed.timing.explain("en").splitlines()[0].endswith(": unknown")
    assert [figure_status(s).fr for s in Status] == [
        "rempli",
        "NON REMPLI",
        "inconnu",
        "sans objet",
    ]
