"""An innovation platform's eligibility under a specific call for projects (STRUCT.1)."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from poles_policy.exceptions import InvalidInputError, ParameterError
from poles_policy.explain import Decision, Outcome, Status
from poles_policy.model.platforms import (
    CallForProjects,
    FinancingLine,
    FundingSource,
    InnovationPlatform,
    PlatformUser,
    UserKind,
)
from poles_policy.model.poles import Category, LabelEvent, LabelEventKind, Pole
from poles_policy.money import Eur, eur
from poles_policy.parameters import default_parameters
from poles_policy.rules.platforms import (
    ASK_FINANCING,
    ASK_OPEN_ACCESS,
    ASK_OPERATING_AID_YEARS,
    ASK_STUDY_COST,
    ASK_SUBMITTED_ON,
    ASK_USERS,
    PLATFORM_RULE,
    cdc_study_ceiling,
    platform_eligibility,
)
from poles_policy.testing import (
    calls_for_projects,
    eur_amounts,
    innovation_platforms,
    policy_dates,
)

PARAMS = default_parameters()
KEYS = [
    "struct.window",
    "struct.targeted",
    "struct.labelled",
    "struct.open",
    "struct.balanced",
    "struct.core_funding",
    "struct.operating_aid",
    "struct.cdc_studies",
]
INVESTMENT = FundingSource.STATE_FCE_INVESTMENT
OPERATING = FundingSource.STATE_FCE_OPERATING
CDC = FundingSource.CDC_STUDIES
PARTNERS = FundingSource.PARTNERS
FEES = FundingSource.USER_FEES


def _pole(ident: str = "axelera", *, delabelled_on: date | None = None) -> Pole:
    history = [LabelEvent(kind=LabelEventKind.LABELLED, on=date(2005, 7, 12), source="example")]
    if delabelled_on is not None:
        history.append(
            LabelEvent(kind=LabelEventKind.DELABELLED, on=delabelled_on, source="example")
        )
    return Pole(
        id=ident,
        name=ident.title(),
        category=Category.NATIONAL,
        head_office_region="82",
        history=tuple(history),
    )


AXELERA = _pole()
# The first platforms call ran from early October to 2 December 2008 (FACTS.md section 7).
CALL = CallForProjects(
    id="pfi-1",
    name="Plates-formes d'innovation, appel 1",
    opens_on=date(2008, 10, 1),
    closes_on=date(2008, 12, 2),
    targeted_pole_ids=("minalogic", "lyonbiopole", "axelera"),
)


def _line(source: FundingSource, amount: str, year: int | None = None) -> FinancingLine:
    return FinancingLine(source=source, year=year, amount=amount)


def _aid(*amounts: tuple[int, str]) -> tuple[FinancingLine, ...]:
    return tuple(_line(OPERATING, amount, year) for year, amount in amounts)


# A budget of 8 000 000 + 2 000 000 = 10 000 000 EUR, financed by
# 3 000 000 (FCE investment) + 600 000 (FCE operating aid: 300 000, 200 000, 100 000 over
# 2009-2011) + 200 000 (Caisse des Dépôts studies) + 4 200 000 (partners) + 2 000 000 (user
# fees) = 10 000 000 EUR. Partners and fees: 6 200 000, 62 % of it. Studies cost 250 000 EUR,
# whose 80 % is 200 000 EUR, the cap too.
STEADY_AID = _aid((2009, "300000"), (2010, "200000"), (2011, "100000"))
PLAN = (
    _line(INVESTMENT, "3000000"),
    *STEADY_AID,
    _line(CDC, "200000"),
    _line(PARTNERS, "4200000"),
    _line(FEES, "2000000"),
)
PLATFORM = InnovationPlatform(
    id="axelone",
    name="Axel'One",
    carrying_pole_ids=("axelera",),
    users=(
        PlatformUser(name="Chemistry SMEs of the pôle", kind=UserKind.SME),
        PlatformUser(name="IRCELYON", kind=UserKind.LABORATORY),
    ),
    open_access=True,
    investment_budget="8000000",
    operating_budget="2000000",
    study_cost="250000",
    financing=PLAN,
    call_id="pfi-1",
    submitted_on=date(2008, 11, 28),
)


def _platform(**changes: Any) -> InnovationPlatform:
    return attrs.evolve(PLATFORM, **changes)


def _decide(
    platform: InnovationPlatform = PLATFORM,
    call: CallForProjects = CALL,
    poles: tuple[Pole, ...] = (AXELERA,),
) -> Decision:
    return platform_eligibility(platform, call, PARAMS, poles=poles)


def _plan(
    *, investment: str = "3000000", **replaced: tuple[FinancingLine, ...]
) -> tuple[FinancingLine, ...]:
    """The eligible plan with the FCE investment line and any source's lines replaced."""
    lines = {
        "aid": STEADY_AID,
        "cdc": (_line(CDC, "200000"),),
        "partners": (_line(PARTNERS, "4200000"),),
        "fees": (_line(FEES, "2000000"),),
    }
    lines.update(replaced)
    return (_line(INVESTMENT, investment), *(line for group in lines.values() for line in group))


def _statuses(decision: Decision) -> dict[str, Status]:
    return {check.key: check.status for check in decision.checks}


# -- the eligible platform ----------------------------------------------------------------------


def test_an_open_balanced_platform_of_a_targeted_pole_meets_all_eight_struct_1_checks() -> None:
    decision = _decide()
    assert decision.outcome is Outcome.ELIGIBLE
    assert [check.key for check in decision.checks] == KEYS
    assert all(check.status is Status.MET for check in decision.checks)
    assert all(check.clauses == ("STRUCT.1",) for check in decision.checks)
    assert (decision.rule, decision.subject, decision.on) == (
        PLATFORM_RULE,
        "axelone",
        date(2008, 11, 28),
    )
    assert decision.rule == "struct.platform_eligibility"
    assert decision.title.fr.startswith("Éligibilité d'une plate-forme d'innovation")
    assert decision.missing == ()


def test_each_check_records_the_parameters_it_read_on_the_submission_date() -> None:
    decision = _decide()
    read = {check.key: [use.name for use in check.parameters] for check in decision.checks}
    assert read == {
        "struct.window": [],
        "struct.targeted": [],
        "struct.labelled": [],
        "struct.open": [],
        "struct.balanced": [],
        "struct.core_funding": ["struct.core_funding_min_share"],
        "struct.operating_aid": ["struct.operating_aid_max_years"],
        "struct.cdc_studies": ["struct.cdc_study_max", "struct.cdc_study_share_max"],
    }
    uses = [use for check in decision.checks for use in check.parameters]
    assert {use.valid_from for use in uses} == {date(2008, 10, 1)}


def test_the_reasons_give_the_hand_checked_figures() -> None:
    decision = _decide()
    assert decision.check("struct.balanced").reason.en == (
        "financing 10000000.00 EUR, budget 10000000.00 EUR (investment 8000000.00, "
        "operating 2000000.00): financing − budget = +0.00 EUR"
    )
    assert decision.check("struct.core_funding").reason.en == (
        "partners 4200000.00 EUR + user fees 2000000.00 EUR = 6200000.00 EUR of "
        "10000000.00 EUR; at least 50 % of it, 5000000.00 EUR, required"
    )
    assert decision.check("struct.operating_aid").reason.en == (
        "2009: 300000.00 EUR, 2010: 200000.00 EUR, 2011: 100000.00 EUR: decreasing, "
        "over 3 calendar year(s), 2009–2011; at most 3 allowed"
    )
    assert decision.check("struct.cdc_studies").reason.en == (
        "support 200000.00 EUR for studies costing 250000.00 EUR; ceiling "
        "min(200000.00 EUR, 80 % × 250000.00 EUR = 200000.00 EUR)"
    )


# -- each check failing alone -------------------------------------------------------------------

_FAILING_ALONE: list[tuple[str, dict[str, Any], CallForProjects, tuple[Pole, ...]]] = [
    ("struct.window", {"submitted_on": date(2008, 12, 3)}, CALL, (AXELERA,)),
    (
        "struct.targeted",
        {},
        attrs.evolve(CALL, targeted_pole_ids=("minalogic", "lyonbiopole")),
        (AXELERA,),
    ),
    ("struct.labelled", {}, CALL, (_pole(delabelled_on=date(2008, 6, 1)),)),
    ("struct.open", {"open_access": False}, CALL, (AXELERA,)),
    # One cent more budget than financing.
    ("struct.balanced", {"investment_budget": "8000000.01"}, CALL, (AXELERA,)),
    # Partners 2 000 000 + fees 1 000 000 = 30 % of 10 000 000; FCE investment makes up the rest.
    (
        "struct.core_funding",
        {
            "financing": _plan(
                investment="6200000",
                partners=(_line(PARTNERS, "2000000"),),
                fees=(_line(FEES, "1000000"),),
            )
        },
        CALL,
        (AXELERA,),
    ),
    (
        "struct.operating_aid",
        {"financing": _plan(aid=_aid((2009, "200000"), (2010, "200000"), (2011, "200000")))},
        CALL,
        (AXELERA,),
    ),
    # 80 % of 249 999.99 is 199 999.992: the 200 000 requested is above it.
    ("struct.cdc_studies", {"study_cost": "249999.99"}, CALL, (AXELERA,)),
]


@pytest.mark.parametrize(
    ("key", "changes", "call", "poles"), _FAILING_ALONE, ids=[case[0] for case in _FAILING_ALONE]
)
def test_each_struct_1_check_can_fail_alone(
    key: str, changes: dict[str, Any], call: CallForProjects, poles: tuple[Pole, ...]
) -> None:
    decision = _decide(_platform(**changes), call, poles)
    assert decision.outcome is Outcome.INELIGIBLE
    assert [check.key for check in decision.failed] == [key]
    assert decision.check(key).clauses == ("STRUCT.1",)
    assert all(c.status is Status.MET for c in decision.checks if c.key != key)


def test_the_failing_reasons_name_what_is_wrong() -> None:
    late = _decide(_platform(submitted_on=date(2008, 12, 3)))
    assert late.check("struct.window").reason.en == (
        "submitted on 2008-12-03, after call pfi-1 closed on 2008-12-02"
    )
    other = _decide(call=attrs.evolve(CALL, targeted_pole_ids=("minalogic",)))
    assert other.check("struct.targeted").reason.en == (
        "carried by axelera; call pfi-1 targets minalogic"
    )
    delabelled = _decide(poles=(_pole(delabelled_on=date(2008, 6, 1)),))
    assert delabelled.check("struct.labelled").reason.en == (
        "axelera does not hold its label on 2008-11-28"
    )
    assert delabelled.check("struct.labelled").reason.fr == (
        "axelera ne détient pas son label le 2008-11-28"
    )
    short = _decide(_platform(investment_budget="8000000.01"))
    assert short.check("struct.balanced").reason.en.endswith("financing − budget = -0.01 EUR")
    assert short.check("struct.balanced").reason.fr.endswith("financement − budget = -0,01 €")


# -- 1. the window, bounds inclusive ------------------------------------------------------------


@pytest.mark.parametrize(
    ("submitted_on", "status"),
    [
        (date(2008, 10, 1), Status.MET),  # the opening day
        (date(2008, 12, 2), Status.MET),  # the closing day
        (date(2008, 12, 3), Status.NOT_MET),  # the day after
    ],
)
def test_the_call_s_window_includes_its_opening_and_closing_days(
    submitted_on: date, status: Status
) -> None:
    decision = _decide(_platform(submitted_on=submitted_on))
    assert decision.check("struct.window").status is status
    assert decision.on == submitted_on


def test_a_platform_submitted_the_day_before_a_call_opens_is_out_of_its_window() -> None:
    # A later call (illustrative dates): the parameters are in force the day before it opens.
    later = attrs.evolve(
        CALL, id="pfi-later", opens_on=date(2010, 2, 1), closes_on=date(2010, 4, 30)
    )
    platform = _platform(call_id=None, submitted_on=date(2010, 1, 31))
    check = _decide(platform, later).check("struct.window")
    assert check.status is Status.NOT_MET
    assert check.reason.en == "submitted on 2010-01-31, before call pfi-later opened on 2010-02-01"
    assert check.reason.fr == (
        "déposée le 2010-01-31, avant l'ouverture de l'appel pfi-later le 2010-02-01"
    )


def test_an_unknown_submission_date_asks_for_it_and_judges_on_the_closing_day() -> None:
    decision = _decide(_platform(submitted_on=None))
    assert decision.outcome is Outcome.UNDETERMINED
    assert decision.check("struct.window").status is Status.UNKNOWN
    assert decision.missing == (ASK_SUBMITTED_ON,)
    assert ASK_SUBMITTED_ON.path == "platform.submitted_on"
    assert decision.on == CALL.closes_on
    uses = [use for check in decision.checks for use in check.parameters]
    assert uses == list(PARAMS.uses(CALL.closes_on, *(use.name for use in uses)))


def test_the_pole_s_label_is_read_on_the_decision_date() -> None:
    # Delabelled on 1 December 2008: labelled when submitted on 28 November, not on the 2nd.
    pole = _pole(delabelled_on=date(2008, 12, 1))
    assert _decide(poles=(pole,)).check("struct.labelled").status is Status.MET
    assert (
        _decide(_platform(submitted_on=date(2008, 12, 1)), poles=(pole,))
        .check("struct.labelled")
        .status
        is Status.NOT_MET
    )
    # Without the date, the label held on part of the window only: the date would settle it.
    undated = _decide(_platform(submitted_on=None), poles=(pole,))
    assert undated.check("struct.labelled").status is Status.UNKNOWN


def test_a_submission_before_the_call_opened_is_judged_by_the_call_s_parameters() -> None:
    # The call opens on 1 October 2008, the first day the STRUCT parameters are in force.
    decision = _decide(_platform(submitted_on=date(2008, 9, 30)))
    assert decision.on == date(2008, 9, 30)
    assert [c.key for c in decision.failed] == ["struct.window"]
    cdc = decision.check("struct.cdc_studies")
    assert {p.valid_from for p in cdc.parameters} == {date(2008, 10, 1)}


def test_a_call_before_the_platforms_policy_has_no_parameters_to_be_judged_by() -> None:
    early = attrs.evolve(CALL, opens_on=date(2008, 9, 1))
    with pytest.raises(ParameterError, match=r"has no value in force on 2008-09-30"):
        _decide(_platform(submitted_on=date(2008, 9, 30)), early)


# -- 2. the targeted pôles ----------------------------------------------------------------------


def test_a_call_that_targets_no_pole_is_open_to_every_carrying_pole() -> None:
    decision = _decide(_platform(), attrs.evolve(CALL, targeted_pole_ids=()))
    check = decision.check("struct.targeted")
    assert check.status is Status.MET
    assert "targets no particular pôle" in check.reason.en
    assert "ne vise aucun pôle en particulier" in check.reason.fr


def test_one_targeted_carrying_pole_among_several_is_enough() -> None:
    platform = _platform(carrying_pole_ids=("tenerrdis", "axelera"))
    check = _decide(platform, poles=(AXELERA, _pole("tenerrdis"))).check("struct.targeted")
    assert check.status is Status.MET
    assert check.reason.en == "carried by axelera, targeted by call pfi-1"


# -- 3. a labelled carrying pôle ----------------------------------------------------------------


def test_a_platform_without_a_carrying_pole_is_not_carried_by_a_labelled_one() -> None:
    decision = _decide(_platform(carrying_pole_ids=()))
    assert decision.check("struct.labelled").status is Status.NOT_MET
    assert decision.check("struct.labelled").reason.en == "carried by no pôle"
    assert decision.check("struct.targeted").status is Status.NOT_MET


def test_a_carrying_pole_not_given_is_asked_for_with_its_labelling_history() -> None:
    decision = _decide(poles=())
    check = decision.check("struct.labelled")
    assert check.status is Status.UNKNOWN
    assert decision.outcome is Outcome.UNDETERMINED
    [fact] = decision.missing
    assert fact.path == "poles"
    assert "axelera" in fact.question.en
    assert "axelera" in fact.question.fr


def test_a_labelled_pole_settles_the_label_even_if_another_carrying_pole_is_not_given() -> None:
    platform = _platform(carrying_pole_ids=("tenerrdis", "axelera"))
    assert _decide(platform).check("struct.labelled").status is Status.MET
    delabelled = (_pole(delabelled_on=date(2008, 6, 1)),)
    unknown = _decide(platform, poles=delabelled)
    assert unknown.check("struct.labelled").status is Status.UNKNOWN
    [fact] = unknown.missing
    assert "tenerrdis" in fact.question.en
    assert "axelera" not in fact.question.en


def test_poles_that_carry_nothing_are_ignored() -> None:
    assert _decide(poles=(AXELERA, _pole("minalogic"))).outcome is Outcome.ELIGIBLE


# -- 4. open to SMEs and laboratories -----------------------------------------------------------


SME_USER = PlatformUser(name="SMEs", kind=UserKind.SME)
LAB_USER = PlatformUser(name="IRCELYON", kind=UserKind.LABORATORY)
BIG_USER = PlatformUser(name="BigChem SA", kind=UserKind.LARGE_ENTERPRISE)


@pytest.mark.parametrize(
    ("users", "lacking_en", "lacking_fr"),
    [
        ((LAB_USER, BIG_USER), "no SME among its 2 user(s)", "aucune PME parmi ses 2 utilisateurs"),
        (
            (SME_USER,),
            "no laboratory among its 1 user(s)",
            "aucun laboratoire parmi son unique utilisateur",
        ),
        ((BIG_USER,), "no SME and no laboratory", "aucune PME et aucun laboratoire"),
    ],
)
def test_an_open_platform_needs_an_sme_and_a_laboratory_among_its_users(
    users: tuple[PlatformUser, ...], lacking_en: str, lacking_fr: str
) -> None:
    check = _decide(_platform(users=users)).check("struct.open")
    assert check.status is Status.NOT_MET
    assert check.reason.en.startswith("open, but ")
    assert lacking_en in check.reason.en
    assert lacking_fr in check.reason.fr


def test_unknown_open_access_is_asked_for() -> None:
    decision = _decide(_platform(open_access=None))
    assert decision.check("struct.open").status is Status.UNKNOWN
    assert decision.missing == (ASK_OPEN_ACCESS,)
    assert ASK_OPEN_ACCESS.path == "platform.open_access"


def test_an_open_platform_without_users_asks_for_them() -> None:
    decision = _decide(_platform(users=()))
    assert decision.check("struct.open").status is Status.UNKNOWN
    assert decision.missing == (ASK_USERS,)
    assert ASK_USERS.path == "platform.users"


def test_unknown_access_and_no_users_asks_for_both() -> None:
    decision = _decide(_platform(open_access=None, users=()))
    assert decision.missing == (ASK_OPEN_ACCESS, ASK_USERS)


def test_users_without_an_sme_fail_whether_or_not_access_is_known() -> None:
    decision = _decide(_platform(open_access=None, users=(LAB_USER,)))
    assert decision.check("struct.open").status is Status.NOT_MET
    assert decision.outcome is Outcome.INELIGIBLE


def test_a_closed_platform_fails_even_without_users() -> None:
    check = _decide(_platform(open_access=False, users=())).check("struct.open")
    assert check.status is Status.NOT_MET
    assert check.reason.fr == "pas ouverte aux utilisateurs extérieurs"


# -- 5 and 6. the financing plan ----------------------------------------------------------------


def test_an_empty_plan_is_asked_for_once() -> None:
    decision = _decide(_platform(financing=()))
    statuses = _statuses(decision)
    assert statuses["struct.balanced"] is Status.UNKNOWN
    assert statuses["struct.core_funding"] is Status.UNKNOWN
    # No operating aid and no study support in a plan that lists nothing.
    assert statuses["struct.operating_aid"] is Status.MET
    assert statuses["struct.cdc_studies"] is Status.MET
    assert decision.missing == (ASK_FINANCING,)
    assert ASK_FINANCING.path == "platform.financing"


def test_an_empty_plan_balances_a_zero_budget_but_has_no_core() -> None:
    decision = _decide(_platform(financing=(), investment_budget="0", operating_budget="0"))
    assert decision.check("struct.balanced").status is Status.MET
    core = decision.check("struct.core_funding")
    assert (core.status, core.missing) == (Status.NOT_MET, ())
    assert core.reason.en.startswith(
        "no financing line, for a budget of 0.00 EUR: the empty plan balances it but funds nothing"
    )
    assert core.reason.fr.startswith("aucune ligne de financement, pour un budget de 0,00 €")
    # Nothing to ask could change it: ineligible, not undetermined.
    assert (decision.outcome, decision.missing) == (Outcome.INELIGIBLE, ())
    assert [c.key for c in decision.failed] == ["struct.core_funding"]


def test_an_empty_plan_for_a_zero_budget_is_judged_like_a_plan_of_zero_lines() -> None:
    zero_budget = {"investment_budget": "0", "operating_budget": "0", "study_cost": None}
    empty = _decide(_platform(financing=(), **zero_budget))
    zeros = _decide(_platform(financing=(_line(PARTNERS, "0"),), **zero_budget))
    assert _statuses(empty) == _statuses(zeros)
    assert empty.outcome is zeros.outcome is Outcome.INELIGIBLE


def test_an_empty_plan_for_a_budget_is_still_asked_for() -> None:
    decision = _decide(_platform(financing=(), investment_budget="0", operating_budget="0.01"))
    assert decision.check("struct.core_funding").status is Status.UNKNOWN
    assert decision.missing == (ASK_FINANCING,)


def test_a_plan_of_zero_lines_has_no_core() -> None:
    zero = (_line(PARTNERS, "0"), _line(INVESTMENT, "0"))
    decision = _decide(
        _platform(financing=zero, investment_budget="0", operating_budget="0", study_cost=None)
    )
    assert decision.check("struct.balanced").status is Status.MET
    assert decision.check("struct.core_funding").status is Status.NOT_MET


def test_a_plan_above_the_budget_does_not_balance_either() -> None:
    check = _decide(_platform(operating_budget="1999999.99")).check("struct.balanced")
    assert check.status is Status.NOT_MET
    assert check.reason.en.endswith("= +0.01 EUR")


@pytest.mark.parametrize(
    ("partners", "investment", "status"),
    [
        # 3 000 000 + 2 000 000 fees = 5 000 000 of 10 000 000: exactly half is at least half.
        ("3000000", "4200000", Status.MET),
        # One cent less: 4 999 999.99 of 10 000 000.
        ("2999999.99", "4200000.01", Status.NOT_MET),
    ],
)
def test_contributions_and_fees_must_be_at_least_half_of_the_funding(
    partners: str, investment: str, status: Status
) -> None:
    plan = _plan(investment=investment, partners=(_line(PARTNERS, partners),))
    decision = _decide(_platform(financing=plan))
    assert decision.check("struct.balanced").status is Status.MET
    assert decision.check("struct.core_funding").status is status


def test_the_core_share_is_compared_without_rounding() -> None:
    # Financing 0.03 EUR, whose half is 0.015: 0.02 of contributions and fees reach it; 0.01
    # does not, though it would reach half rounded down to the cent.
    above = (_line(PARTNERS, "0.01"), _line(FEES, "0.01"), _line(INVESTMENT, "0.01"))
    below = (_line(PARTNERS, "0.01"), _line(INVESTMENT, "0.02"))
    for plan, status in ((above, Status.MET), (below, Status.NOT_MET)):
        platform = _platform(
            financing=plan, investment_budget="0.03", operating_budget="0", study_cost=None
        )
        check = _decide(platform).check("struct.core_funding")
        assert check.status is status
        assert "0.015 EUR" in check.reason.en  # half of 0.03, exactly


def test_a_reform_can_ask_for_a_larger_core() -> None:
    reform = PARAMS.override("struct.core_funding_min_share", "0.75")
    decision = platform_eligibility(PLATFORM, CALL, reform, poles=(AXELERA,))
    assert [check.key for check in decision.failed] == ["struct.core_funding"]


# -- 7. decreasing operating aid ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("aid", "status"),
    [
        (STEADY_AID, Status.MET),  # 300 000, 200 000, 100 000 over 2009-2011
        (_aid((2009, "200000"), (2010, "200000"), (2011, "200000")), Status.NOT_MET),  # flat
        (_aid((2009, "100000"), (2010, "200000"), (2011, "300000")), Status.NOT_MET),  # rising
        # Decreasing, but over four years.
        (
            _aid((2009, "250000"), (2010, "150000"), (2011, "120000"), (2012, "80000")),
            Status.NOT_MET,
        ),
        # Two listed years three calendar years apart: none in 2010, so the aid rises again in
        # 2011, as when 2010 is listed at 0.00.
        (_aid((2009, "400000"), (2011, "200000")), Status.NOT_MET),
        (_aid((2009, "400000"), (2010, "0"), (2011, "200000")), Status.NOT_MET),
        # Two listed years four calendar years apart.
        (_aid((2009, "400000"), (2012, "200000")), Status.NOT_MET),
        # One year's lines are summed: 2010 has 100 000 + 100 000.
        (
            _aid((2009, "300000"), (2010, "100000"), (2010, "100000"), (2011, "100000")),
            Status.MET,
        ),
        (
            _aid((2009, "300000"), (2010, "100000"), (2011, "100000"), (2011, "100000")),
            Status.NOT_MET,
        ),
        (_aid((2010, "600000")), Status.MET),  # a single year
    ],
)
def test_operating_aid_decreases_strictly_over_at_most_three_years(
    aid: tuple[FinancingLine, ...], status: Status
) -> None:
    decision = _decide(_platform(financing=_plan(aid=aid)))
    assert decision.check("struct.balanced").status is Status.MET
    assert decision.check("struct.operating_aid").status is status


def test_the_operating_aid_reason_names_the_failures() -> None:
    flat = _aid((2009, "200000"), (2010, "200000"), (2011, "200000"))
    check = _decide(_platform(financing=_plan(aid=flat))).check("struct.operating_aid")
    assert "NOT decreasing (2010 is not below 2009)" in check.reason.en
    assert "PAS dégressive (l'aide de 2010 n'est pas inférieure à celle de 2009)" in check.reason.fr
    long = _aid((2009, "250000"), (2010, "150000"), (2011, "120000"), (2012, "80000"))
    check = _decide(_platform(financing=_plan(aid=long))).check("struct.operating_aid")
    assert check.reason.en.endswith(
        "decreasing, over 4 calendar year(s), 2009–2012; at most 3 allowed"
    )


def test_a_plan_without_operating_aid_meets_the_aid_condition() -> None:
    plan = _plan(investment="3600000", aid=())
    check = _decide(_platform(financing=plan)).check("struct.operating_aid")
    assert check.status is Status.MET
    assert check.reason.en == "no State operating aid (FCE) in the financing plan"


def test_operating_aid_without_a_year_asks_for_the_yearly_split() -> None:
    aid = (*_aid((2009, "300000")), _line(OPERATING, "300000"))
    decision = _decide(_platform(financing=_plan(aid=aid)))
    assert decision.check("struct.operating_aid").status is Status.UNKNOWN
    assert decision.missing == (ASK_OPERATING_AID_YEARS,)
    assert decision.check("struct.operating_aid").reason.en == (
        "300000.00 EUR of operating aid without a year; by year: 2009: 300000.00 EUR"
    )


def test_dated_aid_over_too_many_years_fails_whatever_the_undated_aid() -> None:
    aid = (*_aid((2009, "300000"), (2012, "100000")), _line(OPERATING, "200000"))
    check = _decide(_platform(financing=_plan(aid=aid))).check("struct.operating_aid")
    assert check.status is Status.NOT_MET


def test_a_reform_can_allow_four_years_of_operating_aid() -> None:
    long = _aid((2009, "250000"), (2010, "150000"), (2011, "120000"), (2012, "80000"))
    reform = PARAMS.override("struct.operating_aid_max_years", 4)
    decision = platform_eligibility(
        _platform(financing=_plan(aid=long)), CALL, reform, poles=(AXELERA,)
    )
    assert decision.outcome is Outcome.ELIGIBLE


def test_operating_aid_for_years_before_the_call_opened_fails() -> None:
    # Submitted on 28 November 2008 to a call opened on 1 October 2008: 2001-2003 are past.
    past = _aid((2001, "300000"), (2002, "200000"), (2003, "100000"))
    decision = _decide(_platform(financing=_plan(aid=past)))
    check = decision.check("struct.operating_aid")
    assert (check.status, check.missing) == (Status.NOT_MET, ())
    assert check.reason.en == (
        "2001: 300000.00 EUR, 2002: 200000.00 EUR, 2003: 100000.00 EUR: decreasing, over 3 "
        "calendar year(s), 2001–2003; at most 3 allowed; aid for 2001, 2002, 2003 comes before "
        "2008, the year call pfi-1 opened: the call cannot fund years already past"
    )
    assert check.reason.fr.endswith(
        "l'aide pour 2001, 2002, 2003 précède 2008, année d'ouverture de l'appel pfi-1 : "
        "l'appel ne peut financer des années déjà passées"
    )
    assert [c.key for c in decision.failed] == ["struct.operating_aid"]


def test_operating_aid_for_a_year_before_the_submission_fails() -> None:
    # A call open across the new year; the platform is sent in January 2009, so 2008 is past.
    call = attrs.evolve(CALL, opens_on=date(2008, 12, 1), closes_on=date(2009, 1, 31))
    aid = _aid((2008, "300000"), (2009, "200000"), (2010, "100000"))
    platform = _platform(financing=_plan(aid=aid), submitted_on=date(2009, 1, 10))
    check = _decide(platform, call).check("struct.operating_aid")
    assert check.status is Status.NOT_MET
    assert check.reason.en.endswith(
        "aid for 2008 comes before 2009, the year the platform was submitted: the call cannot "
        "fund years already past"
    )
    assert "année du dépôt de la plate-forme" in check.reason.fr
    # Sent in December 2008 instead, the same plan is within the rules.
    sent_in_2008 = attrs.evolve(platform, submitted_on=date(2008, 12, 10))
    assert _decide(sent_in_2008, call).check("struct.operating_aid").status is Status.MET


def test_aid_for_the_year_of_the_submission_is_not_past() -> None:
    aid = _aid((2008, "300000"), (2009, "200000"), (2010, "100000"))
    assert _decide(_platform(financing=_plan(aid=aid))).check("struct.operating_aid").status is (
        Status.MET
    )


def test_years_of_zero_aid_before_the_call_are_no_aid_and_not_past() -> None:
    aid = (*_aid((2001, "0"), (2002, "0")), *STEADY_AID)
    assert _decide(_platform(financing=_plan(aid=aid))).check("struct.operating_aid").status is (
        Status.MET
    )


def test_past_aid_fails_whatever_the_aid_without_a_year() -> None:
    aid = (*_aid((2007, "300000")), _line(OPERATING, "300000"))
    check = _decide(_platform(financing=_plan(aid=aid))).check("struct.operating_aid")
    assert (check.status, check.missing) == (Status.NOT_MET, ())
    assert "aid for 2007 comes before 2008" in check.reason.en


def test_with_no_submission_date_aid_before_the_opening_year_fails() -> None:
    past = _aid((2007, "300000"), (2008, "200000"))
    undated = _platform(financing=_plan(aid=past), submitted_on=None)
    check = _decide(undated).check("struct.operating_aid")
    assert (check.status, check.missing) == (Status.NOT_MET, ())


def test_with_no_submission_date_aid_for_a_year_the_window_ends_after_asks_for_the_date() -> None:
    # The call runs from December 2008 to January 2009: aid for 2008 is past if the platform
    # was sent in January, not if it was sent in December.
    call = attrs.evolve(CALL, opens_on=date(2008, 12, 1), closes_on=date(2009, 1, 31))
    aid = _aid((2008, "300000"), (2009, "200000"), (2010, "100000"))
    undated = _platform(financing=_plan(aid=aid), submitted_on=None)
    check = _decide(undated, call).check("struct.operating_aid")
    assert (check.status, check.missing) == (Status.UNKNOWN, (ASK_SUBMITTED_ON,))
    assert check.reason.en.endswith(
        "aid for 2008 comes before the submission if the platform was sent in 2009, and the "
        "call cannot fund years already past (submission date not known; call pfi-1 ran from "
        "2008-12-01 to 2009-01-31)"
    )
    # Aid that fails on its own stays failed; undated aid asks for both facts.
    rising = _aid((2008, "100000"), (2009, "200000"))
    failed = _decide(_platform(financing=_plan(aid=rising), submitted_on=None), call)
    assert failed.check("struct.operating_aid").status is Status.NOT_MET
    both = (*aid, _line(OPERATING, "1"))
    asked = _decide(_platform(financing=_plan(aid=both), submitted_on=None), call)
    assert asked.check("struct.operating_aid").missing == (
        ASK_OPERATING_AID_YEARS,
        ASK_SUBMITTED_ON,
    )


@given(
    past=st.integers(min_value=1, max_value=2007),
    amount=st.integers(min_value=1, max_value=10**9).map(lambda c: Decimal(c).scaleb(-2)),
    submitted=st.none() | policy_dates(min_value=CALL.opens_on, max_value=CALL.closes_on),
)
def test_dated_aid_for_a_year_before_the_call_never_meets_the_aid_condition(
    past: int, amount: Decimal, submitted: date | None
) -> None:
    aid = (*STEADY_AID, _line(OPERATING, str(amount), past))
    platform = _platform(financing=_plan(aid=aid), submitted_on=submitted)
    assert _decide(platform).check("struct.operating_aid").status is Status.NOT_MET


# -- 8. Caisse des Dépôts study support ---------------------------------------------------------


def _with_cdc(support: str, study_cost: str | None) -> InnovationPlatform:
    """The eligible platform with *support* from the Caisse des Dépôts, still balanced."""
    investment = Decimal(3200000) - Decimal(support)
    plan = _plan(investment=str(investment), cdc=(_line(CDC, support),))
    return _platform(financing=plan, study_cost=study_cost)


@pytest.mark.parametrize(
    ("support", "study_cost", "status"),
    [
        ("80000.00", "100000.00", Status.MET),  # exactly 80 % of the cost
        ("80000.01", "100000.00", Status.NOT_MET),  # one cent above
        # 80 % of 100 000.01 is 80 000.008: rounding it up to 80 000.01 would let this pass.
        ("80000.00", "100000.01", Status.MET),
        ("80000.01", "100000.01", Status.NOT_MET),
        ("200000.00", "300000.00", Status.MET),  # exactly the cap (80 % would be 240 000)
        ("200000.01", "300000.00", Status.NOT_MET),  # one cent above the cap
    ],
)
def test_study_support_is_at_most_200000_eur_and_80_percent_of_the_study_cost(
    support: str, study_cost: str, status: Status
) -> None:
    decision = _decide(_with_cdc(support, study_cost))
    assert decision.check("struct.balanced").status is Status.MET
    assert decision.check("struct.cdc_studies").status is status
    assert [c.key for c in decision.failed] == (
        [] if status is Status.MET else ["struct.cdc_studies"]
    )


def test_the_study_support_reason_shows_the_exact_bound() -> None:
    check = _decide(_with_cdc("80000.01", "100000.01")).check("struct.cdc_studies")
    assert check.reason.en == (
        "support 80000.01 EUR for studies costing 100000.01 EUR; ceiling "
        "min(200000.00 EUR, 80 % × 100000.01 EUR = 80000.008 EUR): above 80 % of the cost"
    )
    capped = _decide(_with_cdc("200000.01", "300000.00")).check("struct.cdc_studies")
    assert capped.reason.en.endswith(": above the 200000.00 EUR cap")
    assert capped.reason.fr.endswith(" : au-dessus du plafond de 200\u202f000,00 €")
    both = _decide(_with_cdc("200000.01", "250000.00")).check("struct.cdc_studies")
    assert both.reason.en.endswith(": above the 200000.00 EUR cap and 80 % of the cost")
    assert both.reason.fr.endswith(
        " : au-dessus du plafond de 200\u202f000,00 € et de 80 % du coût"
    )


def test_study_support_without_the_study_cost_asks_for_it() -> None:
    decision = _decide(_platform(study_cost=None))
    assert decision.check("struct.cdc_studies").status is Status.UNKNOWN
    assert decision.missing == (ASK_STUDY_COST,)
    assert ASK_STUDY_COST.path == "platform.study_cost"


def test_study_support_above_the_cap_fails_whatever_the_study_cost() -> None:
    check = _decide(_with_cdc("200000.01", None)).check("struct.cdc_studies")
    assert check.status is Status.NOT_MET
    assert check.reason.en.endswith("whatever the study cost")


def test_no_study_support_needs_no_study_cost() -> None:
    plan = _plan(investment="3200000", cdc=())
    decision = _decide(_platform(financing=plan, study_cost=None))
    assert decision.check("struct.cdc_studies").status is Status.MET
    assert decision.outcome is Outcome.ELIGIBLE


@pytest.mark.parametrize(
    ("study_cost", "ceiling"),
    [
        ("250000.00", "200000.00"),
        ("300000.00", "200000.00"),  # the cap binds
        ("100000.00", "80000.00"),
        ("100000.01", "80000.00"),  # 80 000.008, rounded down
        ("100000.02", "80000.01"),  # 80 000.016, rounded down (half up would give 80 000.02)
        ("0.00", "0.00"),
    ],
)
def test_the_study_ceiling_is_rounded_down_to_the_cent(study_cost: str, ceiling: str) -> None:
    assert cdc_study_ceiling(eur(study_cost), PARAMS, date(2009, 6, 1)) == Decimal(ceiling)


# -- input errors -------------------------------------------------------------------------------


def test_a_platform_answering_another_call_is_refused() -> None:
    with pytest.raises(
        InvalidInputError, match=r"platform\.call_id: 'pfi-2' is not the call given \('pfi-1'\)"
    ):
        _decide(_platform(call_id="pfi-2"))


def test_a_platform_that_names_no_call_is_read_against_the_call_given() -> None:
    assert _decide(_platform(call_id=None)).outcome is Outcome.ELIGIBLE


def test_the_same_pole_given_twice_is_refused() -> None:
    with pytest.raises(InvalidInputError, match=r"poles: pôle 'axelera' is given twice"):
        _decide(poles=(AXELERA, _pole()))


def test_the_poles_may_be_any_iterable() -> None:
    decision = platform_eligibility(PLATFORM, CALL, PARAMS, poles=iter([AXELERA]))
    assert decision.outcome is Outcome.ELIGIBLE


# -- explanation and serialisation --------------------------------------------------------------


def test_the_explanation_names_the_clause_in_english_and_french() -> None:
    decision = _decide(_platform(open_access=False, study_cost=None))
    english = decision.explain()
    french = decision.explain("fr")
    assert english.splitlines()[0] == (
        "Innovation platform eligibility under a call — axelone, on 2008-11-28: INELIGIBLE"
    )
    assert (
        "  [NOT MET] open to outside users, SMEs and laboratories among them — STRUCT.1: "
        "not open to outside users"
    ) in english.splitlines()
    assert "struct.cdc_study_max = 200000.00 (EUR, since 2008-10-01; sourced)" in english
    assert "struct.core_funding_min_share = 0.50 (share, since 2008-10-01; assumption)" in english
    assert french.splitlines()[0] == (
        "Éligibilité d'une plate-forme d'innovation à un appel à projets — axelone, "
        "au 2008-11-28 : NON ÉLIGIBLE"
    )
    assert "[NON REMPLIE] ouverte aux utilisateurs extérieurs" in french
    assert "— STRUCT.1 : pas ouverte aux utilisateurs extérieurs" in french
    assert english.count("STRUCT.1") == french.count("STRUCT.1") == 8


def test_an_undetermined_explanation_closes_with_the_questions() -> None:
    decision = _decide(_platform(submitted_on=None, study_cost=None))
    assert decision.explain().splitlines()[-3:] == [
        "  Facts to provide:",
        "    - On what date was the platform's application submitted? (platform.submitted_on)",
        "    - What is the cost of the engineering studies? (platform.study_cost)",
    ]
    assert decision.explain("fr").splitlines()[-1] == (
        "    - Quel est le coût des études d'ingénierie ? (platform.study_cost)"
    )


@pytest.mark.parametrize(
    "platform",
    [PLATFORM, _platform(open_access=False), _platform(submitted_on=None, financing=())],
    ids=["eligible", "ineligible", "undetermined"],
)
def test_the_decision_round_trips_through_json(platform: InnovationPlatform) -> None:
    decision = _decide(platform)
    data = json.loads(json.dumps(decision.to_dict()))
    restored = Decision.from_dict(data)
    assert restored == decision
    assert restored.outcome is decision.outcome
    assert restored.missing == decision.missing
    assert restored.to_dict() == decision.to_dict()


# -- properties ---------------------------------------------------------------------------------

POLE_IDS = ("axelera", "minalogic", "lyonbiopole", "tenerrdis")
AMOUNTS = eur_amounts(max_value="5000000.00")


@st.composite
def pole_sets(draw: st.DrawFn, carriers: tuple[str, ...]) -> tuple[Pole, ...]:
    """
    Pôles of :data:`POLE_IDS` with their labelling histories.

    A carrying pôle is usually given and labelled throughout, so that
    platforms are often eligible; any other pôle may be left out, or given
    and perhaps delabelled in 2008-2012, while calls run.
    """
    found: list[Pole] = []
    for ident in POLE_IDS:
        if ident in carriers and draw(st.integers(min_value=0, max_value=3)) < 3:
            found.append(_pole(ident))
        elif draw(st.booleans()):
            delabelled = policy_dates()
            found.append(_pole(ident, delabelled_on=draw(st.none() | delabelled)))
    return tuple(found)


@st.composite
def cases(draw: st.DrawFn) -> tuple[InnovationPlatform, CallForProjects, tuple[Pole, ...]]:
    """A call, a platform answering it, and pôles with their histories."""
    call = draw(calls_for_projects(pole_ids=POLE_IDS))
    platform = draw(innovation_platforms(call=call, pole_ids=POLE_IDS))
    return platform, call, draw(pole_sets(platform.carrying_pole_ids))


@given(cases())
def test_eligible_exactly_when_every_struct_1_check_is_met(
    case: tuple[InnovationPlatform, CallForProjects, tuple[Pole, ...]],
) -> None:
    platform, call, poles = case
    decision = platform_eligibility(platform, call, PARAMS, poles=poles)
    assert [check.key for check in decision.checks] == KEYS
    assert all(check.clauses == ("STRUCT.1",) for check in decision.checks)
    statuses = [check.status for check in decision.checks]
    assert (decision.outcome is Outcome.ELIGIBLE) == all(s is Status.MET for s in statuses)
    assert (decision.outcome is Outcome.INELIGIBLE) == (Status.NOT_MET in statuses)
    # Every unknown check says what to ask, so an undetermined decision always has questions.
    assert all(check.missing for check in decision.checks if check.status is Status.UNKNOWN)
    assert (Status.UNKNOWN in statuses) == bool(decision.missing)
    expected_on = call.closes_on if platform.submitted_on is None else platform.submitted_on
    assert decision.on == expected_on


@given(cases(), st.data())
def test_the_order_of_the_financing_lines_never_matters(
    case: tuple[InnovationPlatform, CallForProjects, tuple[Pole, ...]], data: st.DataObject
) -> None:
    platform, call, poles = case
    shuffled = data.draw(st.permutations(platform.financing))
    decision = platform_eligibility(platform, call, PARAMS, poles=poles)
    again = platform_eligibility(
        attrs.evolve(platform, financing=shuffled), call, PARAMS, poles=poles
    )
    assert again.outcome is decision.outcome
    assert again == decision


@given(cases(), st.integers(min_value=1, max_value=50_000_000).map(lambda c: Decimal(c).scaleb(-2)))
def test_raising_the_study_support_never_meets_a_failed_study_ceiling(
    case: tuple[InnovationPlatform, CallForProjects, tuple[Pole, ...]], more: Decimal
) -> None:
    platform, call, poles = case
    before = platform_eligibility(platform, call, PARAMS, poles=poles)
    raised = attrs.evolve(platform, financing=(*platform.financing, _line(CDC, str(more))))
    after = platform_eligibility(raised, call, PARAMS, poles=poles)
    if before.check("struct.cdc_studies").status is Status.NOT_MET:
        assert after.check("struct.cdc_studies").status is Status.NOT_MET
    if any(line.source is CDC for line in platform.financing):
        # More support never moves the check up: met, then unknown, then not met.
        rank = {Status.NOT_MET: 0, Status.UNKNOWN: 1, Status.MET: 2}
        assert (
            rank[after.check("struct.cdc_studies").status]
            <= rank[before.check("struct.cdc_studies").status]
        )


@given(support=AMOUNTS, study_cost=AMOUNTS)
def test_the_study_check_meets_exactly_the_supports_within_the_rounded_down_ceiling(
    support: Eur, study_cost: Eur
) -> None:
    platform = _platform(financing=(_line(CDC, str(support)),), study_cost=study_cost)
    check = _decide(platform).check("struct.cdc_studies")
    ceiling = cdc_study_ceiling(study_cost, PARAMS, PLATFORM.submitted_on or CALL.closes_on)
    assert (check.status is Status.MET) == (support <= ceiling)
    exact = min(Decimal("200000.00"), Decimal("0.80") * study_cost)
    assert ceiling <= exact < ceiling + Decimal("0.01")


# -- the STRUCT parameters ----------------------------------------------------------------------


def test_the_struct_parameters_are_in_force_from_the_first_platforms_call() -> None:
    on = date(2008, 10, 1)
    assert PARAMS.value("struct.core_funding_min_share", on) == Decimal("0.50")
    assert PARAMS.value("struct.operating_aid_max_years", on) == 3
    assert PARAMS.value("struct.cdc_study_max", on) == Decimal("200000.00")
    assert PARAMS.value("struct.cdc_study_share_max", on) == Decimal("0.80")
    for name in (
        "struct.core_funding_min_share",
        "struct.operating_aid_max_years",
        "struct.cdc_study_max",
        "struct.cdc_study_share_max",
    ):
        assert PARAMS.value(name, date(2008, 9, 30)) is None
        assert PARAMS[name].clauses == ("STRUCT.1",)


def test_the_core_share_is_an_assumption_and_the_other_struct_values_are_sourced() -> None:
    on = date(2009, 1, 1)
    core = PARAMS.require("struct.core_funding_min_share", on)
    assert core.confidence == "assumption"
    assert "doczz.fr/doc/3775868" in core.source
    assert "modelling choice" in core.note
    aid = PARAMS.require("struct.operating_aid_max_years", on)
    assert aid.confidence == "sourced"
    assert "doczz.fr/doc/3775868" in aid.source
    assert "doczz.fr/doc/3995758" in aid.source
    for name in ("struct.cdc_study_max", "struct.cdc_study_share_max"):
        item = PARAMS.require(name, on)
        assert item.confidence == "sourced"
        assert "banquedesterritoires.fr/premiers-retours-positifs" in item.source
    units = {name: PARAMS[name].unit for name in PARAMS if name.startswith("struct.")}
    assert units == {
        "struct.cdc_study_max": "EUR",
        "struct.cdc_study_share_max": "share",
        "struct.core_funding_min_share": "share",
        "struct.operating_aid_max_years": "count",
    }


# -- edge cases -----------------------------------------------------------------------------------


def test_an_unknown_submission_date_reads_the_label_over_the_whole_window() -> None:
    undated = _platform(submitted_on=None)
    # Labelled throughout 1 October - 2 December 2008: met without the date.
    assert _decide(undated).check("struct.labelled").status is Status.MET
    # Delabelled on 1 November: labelled on part of the window only, so the date is asked for.
    partly = _decide(undated, poles=(_pole(delabelled_on=date(2008, 11, 1)),))
    check = partly.check("struct.labelled")
    assert (check.status, check.missing) == (Status.UNKNOWN, (ASK_SUBMITTED_ON,))
    assert check.reason.en == "axelera holds its label on part of the call's window only"
    assert check.reason.fr == (
        "axelera détient son label sur une partie de la période de l'appel seulement"
    )
    # Delabelled before the window opened: at no time in it.
    gone = _decide(undated, poles=(_pole(delabelled_on=date(2008, 9, 1)),))
    assert gone.check("struct.labelled").status is Status.NOT_MET
    assert gone.check("struct.labelled").reason.en == (
        "axelera does not hold its label at any time in the call's window 2008-10-01 – 2008-12-02"
    )
    assert gone.check("struct.labelled").reason.fr == (
        "axelera ne détient son label à aucun moment de la période de l'appel "
        "2008-10-01 – 2008-12-02"
    )


def test_operating_aid_without_a_year_that_cannot_repair_a_rise_fails() -> None:
    # 2009: 100 000, 2010: 200 000 - at least 100 000.01 more in 2009 would be needed.
    rising = (*_aid((2009, "100000"), (2010, "200000")), _line(OPERATING, "50000"))
    check = _decide(_platform(financing=rising)).check("struct.operating_aid")
    assert check.status is Status.NOT_MET
    assert check.missing == ()
    assert "at least 100000.01 EUR more in earlier years would be needed" in check.reason.en
    # With 100 000.01 EUR undated, some split could make it decrease: the years are asked for.
    enough = (*_aid((2009, "100000"), (2010, "200000")), _line(OPERATING, "100000.01"))
    again = _decide(_platform(financing=enough)).check("struct.operating_aid")
    assert (again.status, again.missing) == (Status.UNKNOWN, (ASK_OPERATING_AID_YEARS,))


@pytest.mark.parametrize(
    "zeros",
    [((2011, "0"), (2012, "0")), ((2008, "0"),)],
    ids=["trailing", "leading"],
)
def test_years_of_zero_aid_before_or_after_the_aid_are_not_years_of_aid(
    zeros: tuple[tuple[int, str], ...],
) -> None:
    aid = _aid((2009, "200000"), (2010, "100000"), *zeros)
    check = _decide(_platform(financing=aid)).check("struct.operating_aid")
    assert check.status is Status.MET
    assert "over 2 calendar year(s), 2009–2010" in check.reason.en


def test_a_zero_between_two_years_of_aid_is_a_rise_after_it() -> None:
    aid = _aid((2009, "200000"), (2010, "0"), (2011, "100000"))
    check = _decide(_platform(financing=aid)).check("struct.operating_aid")
    assert check.status is Status.NOT_MET
    assert "NOT decreasing (2011 is not below 2010)" in check.reason.en


def test_28_digit_amounts_are_compared_exactly() -> None:
    # Half of 99 999 999 999 999 999 999 999 999.97 is ...999.985: 0.005 more than the core.
    core = "49999999999999999999999999.98"
    rest = "49999999999999999999999999.99"
    plan = (_line(PARTNERS, core), _line(INVESTMENT, rest))
    platform = _platform(
        financing=plan,
        investment_budget="99999999999999999999999999.97",
        operating_budget="0",
        study_cost=None,
    )
    checks = _decide(platform)
    assert checks.check("struct.core_funding").status is Status.NOT_MET
    assert checks.check("struct.balanced").status is Status.MET


def test_the_study_ceiling_of_a_28_digit_cost_is_rounded_down_exactly() -> None:
    reform = PARAMS.override("struct.cdc_study_max", "99999999999999999999999999.99")
    cost = eur("99999999999999999999999999.97")
    # 80 % of it is ...999.976: the ceiling is ...999.97, not ...999.98.
    assert cdc_study_ceiling(cost, reform, date(2009, 1, 1)) == Decimal(
        "79999999999999999999999999.97"
    )


def test_a_budget_beyond_the_cent_is_refused_not_rounded() -> None:
    platform = _platform(investment_budget="99999999999999999999999999.99", operating_budget="0.02")
    with pytest.raises(InvalidInputError, match="too large to be held exactly to the cent"):
        _decide(platform)


@pytest.mark.parametrize(
    ("cost", "message"),
    [
        (0.1, "study_cost: 0.1 is a float"),
        ("-100", "study_cost: -100.00 is negative"),
        ("12.345", "more than two decimals"),
    ],
)
def test_the_study_ceiling_refuses_what_is_not_a_cost(cost: object, message: str) -> None:
    with pytest.raises(InvalidInputError, match=message):
        cdc_study_ceiling(cost, PARAMS, date(2009, 1, 1))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("poles", "message"),
    [
        ("axelera", "poles: 'axelera' is a single string, not a list of pôles"),
        ([{"id": "axelera"}], "poles: {'id': 'axelera'} is not a Pole"),
    ],
)
def test_poles_that_are_not_poles_are_refused(poles: object, message: str) -> None:
    with pytest.raises(InvalidInputError, match=message):
        platform_eligibility(PLATFORM, CALL, PARAMS, poles=poles)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("year", "2009", r"FinancingLine.year: '2009' is not a whole number"),
        ("year", True, r"FinancingLine.year: True is not a whole number"),
        ("source", "partners", r"FinancingLine.source: 'partners' is not of type FundingSource"),
    ],
)
def test_a_financing_line_refuses_a_year_or_source_of_the_wrong_type(
    field: str, value: object, message: str
) -> None:
    with pytest.raises(InvalidInputError, match=message):
        attrs.evolve(_line(PARTNERS, "1"), **{field: value})  # type: ignore[arg-type]


def test_the_decision_does_not_depend_on_the_caller_s_decimal_context() -> None:
    from decimal import localcontext

    expected = _decide().to_dict()
    with localcontext() as ctx:
        ctx.prec = 6
        assert _decide().to_dict() == expected
        assert cdc_study_ceiling(eur("1234567.89"), PARAMS, date(2009, 1, 1)) == Decimal(
            "200000.00"
        )
        assert cdc_study_ceiling(eur("123456.79"), PARAMS, date(2009, 1, 1)) == Decimal("98765.43")


def test_a_support_of_nothing_with_an_unknown_study_cost_is_met() -> None:
    plan = (*PLAN[:-3], _line(CDC, "0"), _line(PARTNERS, "4400000"), _line(FEES, "2000000"))
    check = _decide(_platform(financing=plan, study_cost=None)).check("struct.cdc_studies")
    assert (check.status, check.missing) == (Status.MET, ())
    assert check.reason.fr == "aide de 0,00 € : rien à plafonner"
