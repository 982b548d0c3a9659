from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from poles_policy.exceptions import InvalidInputError, UnknownClauseError, WrongTypeError
from poles_policy.explain import (
    CLAUSES,
    OPEN_START,
    Check,
    Decision,
    Fact,
    Outcome,
    ParameterUse,
    Status,
    Text,
    clause,
    fr_a,
    fr_amount,
    fr_count,
    fr_de,
    fr_number,
    fr_percent,
    fr_the,
    fr_unit,
    json_data,
    json_fields,
)

SOURCE = Path(__file__).resolve().parents[2] / "shared" / "policy" / "SOURCE.md"


def _ids_in_source() -> list[str]:
    # Not a skip: the clause registry is only checked against the policy text itself.
    assert SOURCE.is_file(), f"the policy text {SOURCE} is not beside the clone (../shared)"
    return re.findall(r"\*\*([A-Z]+\.\d+)\*\*", SOURCE.read_text(encoding="utf-8"))


def test_every_clause_id_of_the_policy_text_is_registered() -> None:
    ids = _ids_in_source()
    assert len(ids) >= 20  # the text has 24 clause ids; an empty parse would pass vacuously
    missing = [cid for cid in ids if cid not in CLAUSES]
    assert missing == []


def test_registered_ids_are_all_in_the_policy_text_or_its_sub_items() -> None:
    ids = set(_ids_in_source())
    extra = [cid for cid in CLAUSES if cid not in ids]
    # PHASE.2 lists three principles (a), (b), (c) that rules cite individually.
    assert extra == ["PHASE.2a", "PHASE.2b", "PHASE.2c"]


def test_citing_an_unknown_clause_fails_loudly() -> None:
    with pytest.raises(UnknownClauseError, match=r"RELAY\.9"):
        clause("RELAY.9")
    with pytest.raises(UnknownClauseError):
        _check("x", Status.MET, clauses=("RELAY.1", "NOPE.1"))


def test_a_check_must_cite_a_clause() -> None:
    with pytest.raises(InvalidInputError, match="at least one clause"):
        _check("x", Status.MET, clauses=())


def test_missing_facts_only_on_unknown_checks() -> None:
    with pytest.raises(InvalidInputError, match="UNKNOWN"):
        _check("x", Status.MET, missing=(_fact("a"),))


def test_an_unknown_clause_is_refused_every_time_not_only_the_first() -> None:
    for _ in range(2):
        with pytest.raises(UnknownClauseError):
            _check("x", Status.MET, clauses=("NOPE.2",))


def test_a_check_stores_any_iterables_as_tuples_and_evolves() -> None:
    import attrs

    check = Check(
        key="x",
        clauses=["RELAY.2"],
        label=Text("l", "l"),
        status=Status.UNKNOWN,
        reason=Text("r", "r"),
        parameters=[_param()],
        missing=iter([_fact("a")]),
    )
    assert check.clauses == ("RELAY.2",)
    assert check.parameters == (_param(),)
    assert check.missing == (_fact("a"),)
    assert attrs.evolve(check, status=Status.UNKNOWN) == check
    with pytest.raises(InvalidInputError, match="UNKNOWN"):
        attrs.evolve(check, status=Status.MET)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        check.key = "y"  # type: ignore[misc]


def _fact(path: str) -> Fact:
    return Fact(path=path, question=Text(f"What is {path}?", f"Quel est {path} ?"))


def _param() -> ParameterUse:
    return ParameterUse(
        name="relay.oseo.guarantee_share",
        value="0.50",
        unit="share",
        valid_from=date(2008, 4, 1),
        source="journaldunet",
        confidence="sourced",
    )


def _check(
    key: str,
    status: Status,
    *,
    clauses: tuple[str, ...] = ("RELAY.2",),
    missing: tuple[Fact, ...] = (),
    informative: bool = False,
) -> Check:
    return Check(
        key=key,
        clauses=clauses,
        label=Text(f"label {key}", f"libellé {key}"),
        status=status,
        reason=Text(f"reason {key}", f"motif {key}"),
        parameters=(_param(),),
        missing=missing,
        informative=informative,
    )


def _decision(*checks: Check) -> Decision:
    return Decision(
        rule="relay.eligibility",
        title=Text("Relay financing", "Financement relais"),
        subject="ACME SAS",
        on=date(2009, 7, 1),
        checks=checks,
    )


def test_all_met_is_eligible() -> None:
    assert _decision(_check("a", Status.MET), _check("b", Status.MET)).outcome is Outcome.ELIGIBLE


def test_any_not_met_is_ineligible_even_with_unknowns() -> None:
    d = _decision(
        _check("a", Status.UNKNOWN, missing=(_fact("x"),)),
        _check("b", Status.NOT_MET),
        _check("c", Status.NOT_MET),
    )
    assert d.outcome is Outcome.INELIGIBLE
    assert [c.key for c in d.failed] == ["b", "c"]


def test_unknown_without_failure_is_undetermined_and_lists_missing_facts_in_order() -> None:
    d = _decision(
        _check("a", Status.UNKNOWN, missing=(_fact("letter"), _fact("amount"))),
        _check("b", Status.MET),
        _check("c", Status.UNKNOWN, missing=(_fact("amount"), _fact("bank"))),
    )
    assert d.outcome is Outcome.UNDETERMINED
    assert [f.path for f in d.missing] == ["letter", "amount", "bank"]


def test_not_applicable_and_informative_checks_do_not_change_the_outcome() -> None:
    d = _decision(
        _check("a", Status.MET),
        _check("b", Status.NOT_APPLICABLE),
        _check("sme", Status.NOT_MET, informative=True),
    )
    assert d.outcome is Outcome.ELIGIBLE
    assert [c.key for c in d.conditions] == ["a", "b"]


def test_explanation_cites_clauses_and_parameters_in_both_languages() -> None:
    d = _decision(_check("a", Status.MET), _check("b", Status.NOT_MET, clauses=("RELAY.3",)))
    en = d.explain()
    fr = d.explain("fr")
    assert "INELIGIBLE" in en
    assert "RELAY.3" in en
    assert "relay.oseo.guarantee_share = 0.50" in en
    assert "since 2008-04-01" in en
    assert "NON ÉLIGIBLE" in fr
    assert "NON REMPLIE" in fr
    assert "motif b" in fr
    assert "depuis le 2008-04-01" in fr


def test_explanation_asks_for_missing_facts() -> None:
    d = _decision(_check("a", Status.UNKNOWN, missing=(_fact("letter"),)))
    assert "Facts to provide:" in d.explain()
    assert "Quel est letter ?" in d.explain("fr")


def test_check_lookup_by_key() -> None:
    d = _decision(_check("a", Status.MET))
    assert d.check("a").status is Status.MET
    with pytest.raises(KeyError):
        d.check("zzz")


def test_json_form_round_trips_through_json_text() -> None:
    d = _decision(
        _check("a", Status.MET),
        _check("b", Status.UNKNOWN, missing=(_fact("letter"),)),
        _check("sme", Status.NOT_APPLICABLE, informative=True),
    )
    text = json.dumps(d.to_dict())
    data = json.loads(text)
    assert data["outcome"] == "undetermined"
    assert data["missing"][0]["path"] == "letter"
    assert Decision.from_dict(data) == d


def test_json_with_an_outcome_contradicting_its_checks_is_refused() -> None:
    data = _decision(_check("a", Status.MET)).to_dict()
    data["outcome"] = "ineligible"
    with pytest.raises(InvalidInputError, match="disagrees"):
        Decision.from_dict(data)


def test_malformed_decision_data_is_an_input_error() -> None:
    with pytest.raises(InvalidInputError, match="malformed"):
        Decision.from_dict({"rule": "x"})


statuses = st.sampled_from(list(Status))


@given(st.lists(statuses, min_size=1, max_size=9))
def test_eligible_exactly_when_every_applicable_condition_is_met(found: list[Status]) -> None:
    checks = [
        _check(str(i), s, missing=(_fact(f"f{i}"),) if s is Status.UNKNOWN else ())
        for i, s in enumerate(found)
    ]
    d = _decision(*checks)
    applicable = [s for s in found if s is not Status.NOT_APPLICABLE]
    assert (d.outcome is Outcome.ELIGIBLE) == all(s is Status.MET for s in applicable)
    assert (d.outcome is Outcome.INELIGIBLE) == (Status.NOT_MET in found)
    assert Decision.from_dict(json.loads(json.dumps(d.to_dict()))) == d


def test_a_lazy_decision_builds_its_checks_once_on_first_read() -> None:
    calls: list[int] = []

    def build() -> tuple[Check, ...]:
        calls.append(1)
        return (_check("a", Status.MET),)

    d = Decision.lazy(
        rule="r",
        title=Text("t", "t"),
        subject="s",
        on=date(2009, 1, 1),
        outcome=Outcome.ELIGIBLE,
        build=build,
    )
    assert calls == []
    assert d.outcome is Outcome.ELIGIBLE
    assert (d.failed, d.missing) == ((), ())  # known from the outcome alone
    assert calls == []
    assert [c.key for c in d.checks] == ["a"]
    assert [c.key for c in d.checks] == ["a"]
    assert calls == [1]
    eager = Decision(
        rule="r", title=Text("t", "t"), subject="s", on=date(2009, 1, 1), checks=d.checks
    )
    assert d == eager
    assert repr(d) == repr(eager)
    assert "checks=(Check(key='a'" in repr(d)


def test_a_lazy_decision_whose_checks_contradict_its_outcome_fails_loudly() -> None:
    d = Decision.lazy(
        rule="r",
        title=Text("t", "t"),
        subject="s",
        on=date(2009, 1, 1),
        outcome=Outcome.ELIGIBLE,
        build=lambda: (_check("a", Status.NOT_MET),),
    )
    with pytest.raises(InvalidInputError, match="disagrees with its checks"):
        _ = d.checks


def test_a_decision_takes_checks_or_a_builder_but_not_both() -> None:
    with pytest.raises(InvalidInputError, match="either its checks"):
        Decision(rule="r", title=Text("t", "t"), subject="s", on=date(2009, 1, 1))


def test_a_decision_is_frozen_and_a_lazy_one_pickles_with_its_checks() -> None:
    import copy
    import pickle

    import attrs

    def build() -> tuple[Check, ...]:  # a closure: pickle could not carry it
        return (_check("a", Status.MET),)

    d = Decision.lazy("r", Text("t", "t"), "s", date(2009, 1, 1), Outcome.ELIGIBLE, build)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        d.rule = "other"  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        del d.subject
    restored = pickle.loads(pickle.dumps(d))  # noqa: S301 - a decision made here
    assert restored == d
    assert [c.key for c in restored.checks] == ["a"]
    assert copy.copy(d) == d


def test_json_data_writes_exact_values_as_text_and_never_rounds() -> None:
    from decimal import Decimal
    from fractions import Fraction

    from poles_policy.model.poles import EvaluationGroup

    data = json_data(
        {
            "share": Decimal("0.6538461538461538461538461538"),
            "big": Decimal("1E+3"),
            "exact": Fraction(17, 26),
            "on": date(2009, 7, 6),
            "group": EvaluationGroup.GROUP_2,
            "status": Status.MET,
            "texts": (Text("met", "remplie"),),
            "none": None,
        }
    )
    assert data == {
        "share": "0.6538461538461538461538461538",
        "big": "1000",
        "exact": "17/26",
        "on": "2009-07-06",
        "group": 2,
        "status": "met",
        "texts": [{"en": "met", "fr": "remplie"}],
        "none": None,
    }
    assert type(data["group"]) is int
    assert json.loads(json.dumps(data)) == data


def test_json_data_refuses_what_json_cannot_carry() -> None:
    with pytest.raises(TypeError, match="float cannot be written as JSON"):
        json_data({"rate": 0.1})
    with pytest.raises(WrongTypeError, match=r"^json_fields: obj must be an attrs object, not str"):
        json_fields("text")


# --- the French account --------------------------------------------------------------------------

NNBSP = "\u202f"  # the narrow no-break space that groups thousands in French


def test_a_french_account_spaces_its_colons_and_writes_parameters_in_french() -> None:
    fr = _decision(_check("a", Status.MET), _check("b", Status.NOT_MET)).explain("fr")
    assert fr.splitlines() == [
        "Financement relais — ACME SAS, au 2009-07-01 : NON ÉLIGIBLE",
        "  [remplie] libellé a — RELAY.2 : motif a",
        "      relay.oseo.guarantee_share = 0,50 (part, depuis le 2008-04-01 ; sourcé)",
        "  [NON REMPLIE] libellé b — RELAY.2 : motif b",
        "      relay.oseo.guarantee_share = 0,50 (part, depuis le 2008-04-01 ; sourcé)",
    ]
    # English keeps its own typography and the identifiers.
    en = _decision(_check("a", Status.MET)).explain()
    assert en.splitlines()[:2] == [
        "Relay financing — ACME SAS, on 2009-07-01: ELIGIBLE",
        "  [met] label a — RELAY.2: reason a",
    ]
    assert "relay.oseo.guarantee_share = 0.50 (share, since 2008-04-01; sourced)" in en


@pytest.mark.parametrize(
    ("value", "unit", "confidence", "french"),
    [
        ("0.50", "share", "sourced", "0,50 (part, depuis le 2008-04-01 ; sourcé)"),
        ("0.008", "rate_per_year", "sourced", "0,008 (taux annuel, depuis le 2008-04-01 ; sourcé)"),
        ("6", "months", "assumption", "6 (mois, depuis le 2008-04-01 ; hypothèse)"),
        ("10", "business_days", "text", "10 (jours ouvrés, depuis le 2008-04-01 ; texte)"),
        ("2", "count", "assumption", "2 (nombre, depuis le 2008-04-01 ; hypothèse)"),
        ("12.5", "AWU", "sourced", "12,5 (UTA, depuis le 2008-04-01 ; sourcé)"),
        (
            "43000000.00",
            "EUR",
            "sourced",
            f"43{NNBSP}000{NNBSP}000,00 (€, depuis le 2008-04-01 ; sourcé)",
        ),
        ("11,82", "region_codes", "text", "11, 82 (codes de région, depuis le 2008-04-01 ; texte)"),
        ("false", "bool", "text", "non (oui ou non, depuis le 2008-04-01 ; texte)"),
        ("2009-11-30", "date", "sourced", "2009-11-30 (date, depuis le 2008-04-01 ; sourcé)"),
    ],
)
def test_a_parameter_reads_in_french_with_its_identifiers_kept_in_json(
    value: str, unit: str, confidence: str, french: str
) -> None:
    use = ParameterUse(
        name="p.q",
        value=value,
        unit=unit,
        valid_from=date(2008, 4, 1),
        source="RELAY.5",
        confidence=confidence,
    )
    assert use.describe("fr") == f"p.q = {french}"
    assert use.describe("fr", source=True) == f"p.q = {french[:-1]} ; RELAY.5)"
    check = Check(
        key="k",
        clauses=["RELAY.5"],
        label=Text("l", "l"),
        status=Status.MET,
        reason=Text("r", "r"),
        parameters=[use],
    )
    data = check.to_dict()["parameters"][0]
    assert (data["value"], data["unit"], data["confidence"]) == (value, unit, confidence)


def test_a_parameter_of_an_unknown_unit_or_confidence_is_shown_as_given() -> None:
    use = ParameterUse(
        name="p.q",
        value="abc",
        unit="widgets",
        valid_from=OPEN_START,
        source="s",
        confidence="guess",
    )
    assert use.describe("fr") == "p.q = abc (widgets ; guess)"


def test_french_numbers_take_a_decimal_comma_and_amounts_the_french_grouping() -> None:
    assert fr_number(Decimal("4.5")) == "4,5"
    assert fr_number("relay.max 2009-07-01 0.75") == "relay.max 2009-07-01 0,75"
    assert fr_amount(Decimal("5000000.00")) == f"5{NNBSP}000{NNBSP}000,00 €"
    assert fr_amount(Decimal("-1234.5")) == f"-1{NNBSP}234,5 €"
    assert fr_amount(Decimal("0.01"), sign=True) == "+0,01 €"
    assert fr_percent(Decimal("0.045")) == "4,5 %"
    assert fr_percent(Decimal("0.008")) == "0,8 %"
    assert fr_percent(Decimal(1)) == "100 %"


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=2))
def test_a_french_amount_is_the_amount_written_the_french_way(value: Decimal) -> None:
    text = fr_amount(value)
    assert text.endswith(" €")
    assert not re.search(r"\d\.\d", text)
    back = Decimal(text.removesuffix(" €").replace(NNBSP, "").replace(",", "."))
    assert back == value


@pytest.mark.parametrize(
    ("name", "the", "de", "a"),
    [
        ("Préfet de région", "le préfet de région", "du préfet de région", "au préfet de région"),
        (
            "Association Minalogic",
            "l'Association Minalogic",
            "de l'Association Minalogic",
            "à l'Association Minalogic",
        ),
        (
            "Région Rhône-Alpes",
            "la Région Rhône-Alpes",
            "de la Région Rhône-Alpes",
            "à la Région Rhône-Alpes",
        ),
        ("État", "l'État", "de l'État", "à l'État"),
        (
            "Conseil général de l'Isère",
            "le Conseil général de l'Isère",
            "du Conseil général de l'Isère",
            "au Conseil général de l'Isère",
        ),
        ("Minalogic", "Minalogic", "de Minalogic", "à Minalogic"),
        (
            "Acme Microsystèmes SAS",
            "Acme Microsystèmes SAS",
            "d'Acme Microsystèmes SAS",
            "à Acme Microsystèmes SAS",
        ),
        ("OSEO", "OSEO", "d'OSEO", "à OSEO"),
        ("Hambourg Invest", "Hambourg Invest", "de Hambourg Invest", "à Hambourg Invest"),
        ("Le Mans Métropole", "Le Mans Métropole", "du Mans Métropole", "au Mans Métropole"),
        ("Les Échos", "Les Échos", "des Échos", "aux Échos"),
    ],
)
def test_a_name_given_as_data_takes_its_article_contraction_and_elision(
    name: str, the: str, de: str, a: str
) -> None:
    assert (fr_the(name), fr_de(name), fr_a(name)) == (the, de, a)


def test_a_count_agrees_with_its_noun() -> None:
    assert [fr_count(n, "réunion") for n in (0, 1, 2)] == ["0 réunion", "1 réunion", "2 réunions"]
    assert fr_count(3, "financeur absent", "financeurs absents") == "3 financeurs absents"


def test_a_french_amount_of_something_that_is_no_number_is_refused() -> None:
    with pytest.raises(InvalidInputError, match="fr_amount: 'abc' is not an amount"):
        fr_amount("abc")


def test_a_unit_has_a_french_name_when_it_is_a_parameter_unit() -> None:
    assert [fr_unit(u) for u in ("share", "count", "EUR", "months", "AWU")] == [
        "part",
        "nombre",
        "€",
        "mois",
        "UTA",
    ]
    assert fr_unit("brevets déposés") == "brevets déposés"


@pytest.mark.parametrize("sources", ["no", 1, None])
def test_sources_must_be_true_or_false(sources: object) -> None:
    # "no" would read as true: the account would show the sources it was asked to leave out.
    from poles_policy.data.demo import demo_cases
    from poles_policy.parameters import default_parameters
    from poles_policy.rules.relay import assess

    assessment = assess(demo_cases()[0].request, default_parameters())
    with pytest.raises(WrongTypeError, match=r"^explain: sources must be True or False, not "):
        assessment.explain(sources=sources)  # type: ignore[arg-type]
    assert "http" in assessment.explain(sources=True)
    assert "http" not in assessment.explain(sources=False)


def test_a_decision_read_back_refuses_a_flag_that_is_not_a_boolean() -> None:
    # "false" read as a truthy string made a failing condition informative: an ineligible
    # decision rebuilt without its outcome came back eligible.
    import json

    from poles_policy.data.demo import demo_cases
    from poles_policy.parameters import default_parameters
    from poles_policy.rules.relay import eligibility

    params = default_parameters()
    refused = next(
        decision
        for decision in (eligibility(case.request, params) for case in demo_cases())
        if decision.outcome.value == "ineligible"
    )
    data = json.loads(json.dumps(refused.to_dict()))
    del data["outcome"]
    index = next(i for i, c in enumerate(data["checks"]) if c["status"] == "not_met")
    assert Decision.from_dict(data) == refused
    data["checks"][index]["informative"] = "false"
    with pytest.raises(
        WrongTypeError, match=rf"^checks\[{index}\]: Check: informative must be True or False"
    ):
        Decision.from_dict(data)
