"""The FUI results explain themselves (PHASE.2a, RELAY.4, RELAY.6) and give their JSON form."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from decimal import Decimal, localcontext
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from poles_policy.exceptions import InvalidInputError
from poles_policy.explain import Status
from poles_policy.model.actors import (
    AuthorityLevel,
    Enterprise,
    LocalAuthority,
    ResearchOrganisation,
)
from poles_policy.model.projects import PaymentKind, ProjectPartner
from poles_policy.money import eur
from poles_policy.rules.fui import (
    SCHEDULE_PARAMETERS,
    EstimatedPayment,
    aid_amount,
    aid_rate,
    first_payment_window,
    payment_schedule,
)
from poles_policy.testing import eur_amounts, policy_dates

if TYPE_CHECKING:
    from poles_policy.parameters import ParameterSet

ON = date(2009, 4, 15)
LETTER = date(2009, 3, 31)
EnterpriseFactory = Callable[..., Enterprise]
REGION = LocalAuthority(id="ra", name="Région Rhône-Alpes", level=AuthorityLevel.REGION)
ACCOUNTS_QUESTION = (
    "What were the enterprise's staff (annual work units), turnover and balance-sheet total in "
    "its last two closed accounting periods? (enterprise.accounts)"
)


def partner(actor: Any, costs: str | None) -> ProjectPartner:
    return ProjectPartner(actor=actor, eligible_costs=None if costs is None else Decimal(costs))


def as_json(data: dict[str, Any]) -> dict[str, Any]:
    """*data* written as JSON text and read back: it must come back the same."""
    document: dict[str, Any] = json.loads(json.dumps(data, ensure_ascii=False))
    assert document == data, "to_dict() must give JSON data only"
    return document


# --- aid rates ---------------------------------------------------------------------------------


def test_an_sme_rate_of_45_percent_as_json_carries_its_sme_status(
    make_enterprise: EnterpriseFactory, params: ParameterSet
) -> None:
    data = as_json(aid_rate(make_enterprise(), ON, params).to_dict())
    assert (data["rate"], data["basis"], data["missing"]) == ("0.45", "sme", [])
    check = data["check"]
    assert (check["key"], check["clauses"], check["status"]) == (
        "fui.aid_rate",
        ["PHASE.2a"],
        "met",
    )
    assert check["reason"]["en"] == "45 % of eligible costs for an SME"
    (use,) = check["parameters"]
    assert (use["name"], use["value"], use["valid_from"], use["confidence"]) == (
        "fui.aid_rate.sme",
        "0.45",
        "2007-01-01",
        "sourced",
    )
    sme = data["sme"]
    assert (sme["is_sme"], sme["size"], sme["decision"]["outcome"]) == (True, "small", "eligible")
    # Two closed periods of 40 AWU, 5 M€ turnover, 3 M€ balance sheet: small both times.
    assert [
        (p["period_end"], p["staff_awu"], p["turnover"], p["size"]) for p in sme["periods"]
    ] == [
        ("2007-12-31", "40", "5000000.00", "small"),
        ("2008-12-31", "40", "5000000.00", "small"),
    ]


def test_an_sme_rate_is_explained_with_its_parameter_then_its_sme_status(
    make_enterprise: EnterpriseFactory, params: ParameterSet
) -> None:
    rated = aid_rate(make_enterprise(), ON, params)
    en = rated.explain().splitlines()
    assert en[:3] == [
        "FUI aid rate: 45 % (an SME)",
        "  [met] FUI aid rate — PHASE.2a: 45 % of eligible costs for an SME",
        "      fui.aid_rate.sme = 0.45 (share, since 2007-01-01; sourced)",
    ]
    # The SME status the rate depends on follows, with its own dated parameters.
    assert en[3] == (
        "  [met] closed accounts available — RELAY.2: 2 closed periods, ending 2007-12-31, "
        "2008-12-31"
    )
    assert "      sme.consecutive_periods = 2 (count, since 2005-01-01; assumption)" in en
    assert not any("Facts to provide" in line for line in en)
    fr = rated.explain("fr").splitlines()
    assert fr[:3] == [
        "Taux d'aide FUI : 45 % (une PME)",
        "  [remplie] taux d'aide FUI — PHASE.2a : 45 % des dépenses éligibles pour une PME",
        "      fui.aid_rate.sme = 0,45 (part, depuis le 2007-01-01 ; sourcé)",
    ]


def test_a_lab_rate_of_100_percent_of_marginal_cost_has_no_sme_status(
    lab: ResearchOrganisation, params: ParameterSet
) -> None:
    rated = aid_rate(lab, ON, params)
    data = as_json(rated.to_dict())
    assert (data["rate"], data["basis"], data["sme"], data["missing"]) == (
        "1.00",
        "research_marginal_cost",
        None,
        [],
    )
    assert rated.explain().splitlines() == [
        "FUI aid rate: 100 % (a research or training body funded on its marginal costs)",
        (
            "  [met] FUI aid rate — PHASE.2a: 100 % of eligible costs for a research or training "
            "body funded on its marginal costs"
        ),
        "      fui.aid_rate.research_marginal_cost = 1.00 (share, since 2006-03-06; sourced)",
    ]
    assert rated.explain("fr").splitlines()[0] == (
        "Taux d'aide FUI : 100 % (un organisme de recherche ou de formation financé à coûts "
        "marginaux)"
    )


def test_an_unknown_sme_status_gives_a_null_rate_and_asks_for_the_accounts(
    make_enterprise: EnterpriseFactory, params: ParameterSet
) -> None:
    rated = aid_rate(make_enterprise(staff=None), ON, params)
    data = as_json(rated.to_dict())
    assert (data["rate"], data["basis"], data["check"]["status"]) == (None, None, "unknown")
    assert [f["path"] for f in data["missing"]] == ["enterprise.accounts"]
    assert [p["name"] for p in data["check"]["parameters"]] == [
        "fui.aid_rate.sme",
        "fui.aid_rate.other_enterprise",
    ]
    assert (data["sme"]["is_sme"], data["sme"]["size"], data["sme"]["periods"]) == (
        None,
        None,
        [],
    )
    assert data["sme"]["decision"]["outcome"] == "undetermined"
    en = rated.explain().splitlines()
    assert en[:2] == [
        "FUI aid rate: unknown",
        (
            "  [unknown] FUI aid rate — PHASE.2a: SME status of Acme Microsystèmes SAS unknown: "
            "45 % if an SME, 30 % otherwise"
        ),
    ]
    assert en[-2:] == ["  Facts to provide:", f"    - {ACCOUNTS_QUESTION}"]
    fr = rated.explain("fr").splitlines()
    assert fr[:2] == [
        "Taux d'aide FUI : inconnu",
        (
            "  [inconnue] taux d'aide FUI — PHASE.2a : statut de PME d'Acme Microsystèmes SAS "
            "inconnu : 45 % si PME, 30 % sinon"
        ),
    ]
    assert fr[-2] == "  Faits à fournir :"
    assert fr[-1].endswith("(enterprise.accounts)")


def test_no_fui_rate_for_a_local_authority_is_not_applicable_and_asks_nothing(
    params: ParameterSet,
) -> None:
    rated = aid_rate(REGION, ON, params)
    data = as_json(rated.to_dict())
    assert (data["rate"], data["check"]["status"], data["sme"], data["missing"]) == (
        None,
        "not_applicable",
        None,
        [],
    )
    assert rated.explain().splitlines() == [
        "FUI aid rate: not applicable",
        (
            "  [not applicable] FUI aid rate — PHASE.2a: Région Rhône-Alpes is a local authority: "
            "FUI rates apply to enterprises and to research or training bodies"
        ),
    ]
    # The French names the kind of actor in French, with its article, and the Région with hers.
    assert rated.explain("fr").splitlines() == [
        "Taux d'aide FUI : sans objet",
        (
            "  [sans objet] taux d'aide FUI — PHASE.2a : la Région Rhône-Alpes est une "
            "collectivité territoriale : les taux FUI s'appliquent aux entreprises et aux "
            "organismes de recherche ou de formation"
        ),
    ]


# --- aid amounts -------------------------------------------------------------------------------


def test_an_sme_aid_of_45_percent_as_json_and_explained(
    make_enterprise: EnterpriseFactory, params: ParameterSet
) -> None:
    # 1 000.10 x 0.45 = 450.045: half up to 450.05.
    aid = aid_amount(partner(make_enterprise(), "1000.10"), ON, params)
    data = as_json(aid.to_dict())
    assert (data["amount"], data["eligible_costs"], data["missing"]) == ("450.05", "1000.10", [])
    assert data["rate"] == aid.rate.to_dict()
    assert data["check"]["reason"]["en"] == "45 % × 1000.10 EUR = 450.05 EUR"
    en = aid.explain().splitlines()
    assert en[:5] == [
        "FUI aid: 450.05 EUR",
        "  [met] FUI aid rate — PHASE.2a: 45 % of eligible costs for an SME",
        "      fui.aid_rate.sme = 0.45 (share, since 2007-01-01; sourced)",
        "  [met] FUI aid amount — PHASE.2a: 45 % × 1000.10 EUR = 450.05 EUR",
        "      fui.aid_rate.sme = 0.45 (share, since 2007-01-01; sourced)",
    ]
    assert "RELAY.2" in en[5]  # then the SME status behind the rate
    fr = aid.explain("fr").splitlines()
    assert fr[0] == "Aide FUI : 450,05 €"
    assert fr[3] == (
        "  [remplie] montant de l'aide FUI — PHASE.2a : 45 % × 1\u202f000,10 € = 450,05 €"
    )


def test_a_lab_at_100_percent_of_marginal_cost_gets_all_its_costs(
    lab: ResearchOrganisation, params: ParameterSet
) -> None:
    aid = aid_amount(partner(lab, "250000"), ON, params)
    data = as_json(aid.to_dict())
    assert (data["amount"], data["rate"]["rate"], data["rate"]["basis"]) == (
        "250000.00",
        "1.00",
        "research_marginal_cost",
    )
    assert aid.explain().splitlines()[0] == "FUI aid: 250000.00 EUR"
    assert aid.explain().splitlines()[3] == (
        "  [met] FUI aid amount — PHASE.2a: 100 % × 250000.00 EUR = 250000.00 EUR"
    )


def test_an_aid_of_0_00_is_a_real_zero_not_an_unknown(
    lab: ResearchOrganisation, params: ParameterSet
) -> None:
    aid = aid_amount(partner(lab, "0"), ON, params)
    data = as_json(aid.to_dict())
    assert (data["amount"], data["eligible_costs"], data["check"]["status"]) == (
        "0.00",
        "0.00",
        "met",
    )
    assert data["missing"] == []
    en = aid.explain().splitlines()
    assert en[0] == "FUI aid: 0.00 EUR"
    assert en[3] == "  [met] FUI aid amount — PHASE.2a: 100 % × 0.00 EUR = 0.00 EUR"
    assert aid.explain("fr").splitlines()[0] == "Aide FUI : 0,00 €"


def test_an_unknown_aid_asks_for_the_costs_first_then_the_accounts(
    make_enterprise: EnterpriseFactory, params: ParameterSet
) -> None:
    aid = aid_amount(partner(make_enterprise(staff=None), None), ON, params)
    data = as_json(aid.to_dict())
    assert (data["amount"], data["eligible_costs"], data["rate"]["rate"]) == (None, None, None)
    assert [f["path"] for f in data["missing"]] == ["partner.eligible_costs", "enterprise.accounts"]
    en = aid.explain().splitlines()
    assert en[0] == "FUI aid: unknown"
    assert en[-3:] == [
        "  Facts to provide:",
        "    - What are the partner's eligible expenses in the project? (partner.eligible_costs)",
        f"    - {ACCOUNTS_QUESTION}",
    ]
    assert aid.explain("fr").splitlines()[0] == "Aide FUI : inconnue"
    assert aid.check.reason.fr == "dépenses éligibles et taux inconnus"


@pytest.mark.parametrize(
    ("costs", "sme", "en", "fr"),
    [
        # The French adjective agrees with what is missing: "dépenses" feminine plural, "taux"
        # masculine, both together masculine plural.
        (None, True, "unknown: eligible costs", "dépenses éligibles inconnues"),
        ("1000", False, "unknown: rate", "taux inconnu"),
        (None, False, "unknown: eligible costs and rate", "dépenses éligibles et taux inconnus"),
    ],
)
def test_what_is_unknown_of_an_aid_is_said_and_agrees_in_french(
    make_enterprise: EnterpriseFactory,
    params: ParameterSet,
    costs: str | None,
    sme: bool,
    en: str,
    fr: str,
) -> None:
    enterprise = make_enterprise() if sme else make_enterprise(staff=None)
    aid = aid_amount(partner(enterprise, costs), ON, params)
    assert aid.check.status is Status.UNKNOWN
    assert (aid.check.reason.en, aid.check.reason.fr) == (en, fr)


def test_an_aid_that_does_not_apply_is_null_and_says_so(params: ParameterSet) -> None:
    aid = aid_amount(partner(REGION, "1000"), ON, params)
    data = as_json(aid.to_dict())
    assert (data["amount"], data["eligible_costs"], data["check"]["status"]) == (
        None,
        "1000.00",
        "not_applicable",
    )
    assert aid.explain().splitlines() == [
        "FUI aid: not applicable",
        (
            "  [not applicable] FUI aid rate — PHASE.2a: Région Rhône-Alpes is a local authority: "
            "FUI rates apply to enterprises and to research or training bodies"
        ),
        "  [not applicable] FUI aid amount — PHASE.2a: no FUI rate applies to Région Rhône-Alpes",
    ]
    assert aid.explain("fr").splitlines()[0] == "Aide FUI : sans objet"
    assert aid.explain("fr").splitlines()[2] == (
        "  [sans objet] montant de l'aide FUI — PHASE.2a : aucun taux FUI ne s'applique à la "
        "Région Rhône-Alpes"
    )


def test_a_rate_is_shown_exactly_whatever_the_callers_decimal_context(
    make_enterprise: EnterpriseFactory, params: ParameterSet
) -> None:
    aid = aid_amount(partner(make_enterprise(), "1000.10"), ON, params)
    with localcontext() as ctx:
        ctx.prec = 1
        assert aid.rate.explain().splitlines()[0] == "FUI aid rate: 45 % (an SME)"
        assert aid.explain().splitlines()[3].endswith("45 % × 1000.10 EUR = 450.05 EUR")


# --- the first payment -------------------------------------------------------------------------


def test_the_first_payment_window_as_json_and_explained(params: ParameterSet) -> None:
    window = first_payment_window(LETTER, params)
    data = as_json(window.to_dict())
    assert (data["earliest"], data["latest"], data["low_months"], data["high_months"]) == (
        "2009-09-30",
        "2009-12-31",
        6,
        9,
    )
    assert [(p["name"], p["value"]) for p in data["parameters"]] == [
        ("fui.first_payment_delay_months.low", "6"),
        ("fui.first_payment_delay_months.high", "9"),
    ]
    assert (data["check"]["key"], data["check"]["clauses"]) == (
        "fui.first_payment_window",
        ["PHASE.2a", "RELAY.6"],
    )
    assert data["check"]["parameters"] == data["parameters"]
    assert window.explain().splitlines() == [
        "First FUI payment expected from 2009-09-30 to 2009-12-31",
        (
            "  [met] first FUI payment, estimated — PHASE.2a, RELAY.6: selection letter + 6 to 9 "
            "months: from 2009-09-30 to 2009-12-31"
        ),
        "      fui.first_payment_delay_months.low = 6 (months, since 2006-03-06; sourced)",
        "      fui.first_payment_delay_months.high = 9 (months, since 2006-03-06; sourced)",
    ]
    assert window.explain("fr").splitlines()[:2] == [
        "Premier versement FUI attendu du 2009-09-30 au 2009-12-31",
        (
            "  [remplie] premier versement FUI, estimé — PHASE.2a, RELAY.6 : lettre officielle de "
            "sélection + 6 à 9 mois : du 2009-09-30 au 2009-12-31"
        ),
    ]


def test_a_window_of_one_day_from_march_2013_is_said_as_one_date(params: ParameterSet) -> None:
    # From 1 March 2013 the delay is 3 months at both ends: 31 March + 3 months = 30 June.
    window = first_payment_window(date(2013, 3, 31), params)
    assert window.explain().splitlines()[:2] == [
        "First FUI payment expected on 2013-06-30",
        (
            "  [met] first FUI payment, estimated — PHASE.2a, RELAY.6: selection letter + 3 "
            "months: on 2013-06-30"
        ),
    ]
    assert window.explain("fr").splitlines()[0] == "Premier versement FUI attendu le 2013-06-30"


def test_sources_are_added_when_asked(params: ParameterSet) -> None:
    window = first_payment_window(LETTER, params)
    lines = window.explain(sources=True).splitlines()
    assert lines[2].startswith(
        "      fui.first_payment_delay_months.low = 6 (months, since 2006-03-06; sourced; https://"
    )


# --- the payment schedule ----------------------------------------------------------------------


def test_the_schedule_of_100_000_carries_the_assumption_shares_it_was_computed_from(
    params: ParameterSet,
) -> None:
    advance, intermediate, balance = payment_schedule(Decimal(100000), LETTER, params)
    delays = ["fui.first_payment_delay_months.low", "fui.first_payment_delay_months.high"]
    assert [p.name for p in advance.parameters] == ["fui.payment.advance_share", *delays]
    assert [p.name for p in intermediate.parameters] == list(SCHEDULE_PARAMETERS)
    assert [p.name for p in balance.parameters] == ["fui.payment.balance_share", *delays]
    shares = [p for p in intermediate.parameters if p.name.startswith("fui.payment.")]
    assert [(p.value, p.confidence) for p in shares] == [
        ("0.25", "assumption"),
        ("0.20", "assumption"),
    ]


def test_the_schedule_of_100_000_as_json(params: ParameterSet) -> None:
    schedule = payment_schedule(Decimal(100000), LETTER, params)
    data = [as_json(p.to_dict()) for p in schedule]
    assert [(d["kind"], d["amount"], d["earliest"], d["latest"]) for d in data] == [
        ("advance", "25000.00", "2009-09-30", "2009-12-31"),
        ("intermediate", "55000.00", "2011-03-31", "2011-06-30"),
        ("balance", "20000.00", "2012-09-30", "2012-12-31"),
    ]
    assert [d["check"]["key"] for d in data] == [
        "fui.payment.advance",
        "fui.payment.intermediate",
        "fui.payment.balance",
    ]
    assert all(d["check"]["clauses"] == ["PHASE.2a", "RELAY.4"] for d in data)
    assert [(p["name"], p["confidence"]) for p in data[0]["parameters"]] == [
        ("fui.payment.advance_share", "assumption"),
        ("fui.first_payment_delay_months.low", "sourced"),
        ("fui.first_payment_delay_months.high", "sourced"),
    ]


def test_each_instalment_explains_itself_in_both_languages(params: ParameterSet) -> None:
    advance, intermediate, balance = payment_schedule(Decimal(100000), LETTER, params)
    assert advance.explain().splitlines() == [
        "Estimated FUI advance: 25000.00 EUR",
        (
            "  [met] estimated advance — PHASE.2a, RELAY.4: the advance share of the grant, at "
            "notification: 25000.00 EUR expected from 2009-09-30 to 2009-12-31"
        ),
        "      fui.payment.advance_share = 0.25 (share, since 2006-03-06; assumption)",
        "      fui.first_payment_delay_months.low = 6 (months, since 2006-03-06; sourced)",
        "      fui.first_payment_delay_months.high = 9 (months, since 2006-03-06; sourced)",
    ]
    assert intermediate.explain().splitlines()[:2] == [
        "Estimated FUI intermediate payment: 55000.00 EUR",
        (
            "  [met] estimated intermediate payment — PHASE.2a, RELAY.4: the rest of the grant, "
            "halfway through the project: 55000.00 EUR expected from 2011-03-31 to 2011-06-30"
        ),
    ]
    assert balance.explain("fr").splitlines()[:3] == [
        "Solde FUI estimé : 20\u202f000,00 €",
        (
            "  [remplie] solde estimé — PHASE.2a, RELAY.4 : la part de solde de l'aide, en fin de "
            "projet : 20\u202f000,00 € attendus du 2012-09-30 au 2012-12-31"
        ),
        "      fui.payment.balance_share = 0,20 (part, depuis le 2006-03-06 ; hypothèse)",
    ]
    assert advance.explain("fr").splitlines()[0] == "Avance FUI estimée : 25\u202f000,00 €"
    assert intermediate.explain("fr").splitlines()[0] == (
        "Versement intermédiaire FUI estimé : 55\u202f000,00 €"
    )


def test_a_balance_cut_to_what_the_advance_leaves_cites_the_advance_share_too(
    params: ParameterSet,
) -> None:
    halves = params.overrides(
        {"fui.payment.advance_share": "0.5", "fui.payment.balance_share": "0.5"}
    )
    # 0.01 x 0.5 = 0.005 -> 0.01 for the advance; the balance's 0.01 is cut to 0.00.
    balance = payment_schedule(Decimal("0.01"), LETTER, halves)[2]
    assert balance.amount == Decimal("0.00")
    assert [p.name for p in balance.parameters][:2] == [
        "fui.payment.advance_share",
        "fui.payment.balance_share",
    ]
    assert "share of the grant, at the project's end, cut to what the advance leaves: 0.00 EUR" in (
        balance.explain()
    )
    # Below two euros the participle stays singular, as French agreement asks.
    assert "ramenée à ce que laisse l'avance : 0,00 € attendu du 2012-09-30" in balance.explain(
        "fr"
    )


def test_a_payment_compares_as_before_it_carried_its_parameters(params: ParameterSet) -> None:
    advance = payment_schedule(Decimal(100000), LETTER, params)[0]
    bare = EstimatedPayment(
        kind=PaymentKind.ADVANCE,
        amount=eur("25000.00"),
        earliest=date(2009, 9, 30),
        latest=date(2009, 12, 31),
    )
    assert bare.parameters == ()
    assert advance == bare
    assert hash(advance) == hash(bare)


@given(
    granted=eur_amounts(max_value="50000000.00"),
    letter=policy_dates(min_value=date(2006, 3, 6), max_value=date(2014, 12, 31)),
    months=st.integers(min_value=1, max_value=96),
)
def test_every_instalment_cites_the_schedule_parameters_it_read_and_its_assumptions(
    params: ParameterSet, granted: Decimal, letter: date, months: int
) -> None:
    schedule = payment_schedule(granted, letter, params, project_months=months)
    order = list(SCHEDULE_PARAMETERS)
    read = set()
    for payment in schedule:
        names = [p.name for p in payment.parameters]
        assert names == sorted(names, key=order.index)  # in the order of SCHEDULE_PARAMETERS
        read.update(names)
        assert all(
            p.confidence == "assumption" for p in payment.parameters if p.name.startswith("fui.pay")
        )
        data = as_json(payment.to_dict())
        assert data["check"]["status"] == Status.MET.value
        assert data["parameters"] == data["check"]["parameters"]
    assert read == set(SCHEDULE_PARAMETERS)


# --- languages ---------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["de", "EN", ""])
def test_a_language_other_than_english_or_french_is_refused(
    make_enterprise: EnterpriseFactory, params: ParameterSet, lang: str
) -> None:
    aid = aid_amount(partner(make_enterprise(), "1000"), ON, params)
    results: list[Any] = [
        aid.rate,
        aid,
        first_payment_window(LETTER, params),
        payment_schedule(Decimal(1000), LETTER, params)[0],
    ]
    for result in results:
        with pytest.raises(InvalidInputError, match=f"^lang must be 'en' or 'fr', not '{lang}'$"):
            result.explain(lang)
