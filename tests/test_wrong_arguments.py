"""
Wrong arguments to the public API get the library's errors, naming what is wrong.

Each call below raised an AttributeError, a bare TypeError from deep inside, a
decimal.InvalidOperation or an OverflowError, or was accepted and gave a wrong result.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs
import pytest

from poles_policy import dates
from poles_policy.boundary import validate_json
from poles_policy.boundary.case import CaseLoanModel, RelayCaseModel, dump_case, parse_case
from poles_policy.boundary.poles import dump_poles
from poles_policy.data import rhone_alpes_poles
from poles_policy.data.demo import demo_cases
from poles_policy.data.reference import rhone_alpes_pole_records
from poles_policy.exceptions import InvalidInputError, ParameterError, WrongTypeError
from poles_policy.explain import (
    Check,
    Decision,
    Fact,
    ParameterUse,
    Status,
    Text,
    clause,
    json_fields,
    missing_facts,
    render_account,
    validate_clause_ids,
)
from poles_policy.model.actors import Accounts, Enterprise, ResearchKind, ResearchOrganisation
from poles_policy.model.contracts import Measurement, OperatingBudget
from poles_policy.model.projects import ProjectPartner
from poles_policy.model.regions import existed_by
from poles_policy.model.relay import RelayLoan
from poles_policy.money import decimal_text, ratio, total
from poles_policy.parameters import (
    Parameter,
    ParameterSet,
    coerce_value,
    default_parameters,
    parameters_from_toml,
    render_value,
)
from poles_policy.rules.coordination import coordination_groups, theme_key
from poles_policy.rules.fui import aid_amount, aid_rate
from poles_policy.rules.relay import assess_case, relay_cost
from poles_policy.rules.relay.eligibility import label, labelled_status, prefinanceable
from poles_policy.rules.relay.evaluation import Distribution, compare, evaluate_portfolio
from poles_policy.rules.relay.timing import Tranche, bridged_tranches, promised_gain
from poles_policy.rules.standing import pole_standing

if TYPE_CHECKING:
    from collections.abc import Callable

PARAMS = default_parameters()
DAY = date(2009, 7, 1)
CASE = demo_cases()[0]
ACCOUNTS = Accounts(period_end=date(2008, 12, 31), staff_awu=10, turnover=1, balance_sheet=1)
ENTERPRISE = Enterprise(id="acme", name="ACME SAS")
LAB = ResearchOrganisation(id="lab", name="Lab", kind=ResearchKind.LABORATORY)

CALLS: dict[str, tuple[Callable[[], object], type[Exception], str]] = {
    # dates: the vocabulary every rule stands on
    "add_months(None, 6)": (
        lambda: dates.add_months(None, 6),  # type: ignore[arg-type]
        WrongTypeError,
        r"^add_months: anchor must be a datetime\.date, not NoneType None$",
    ),
    "add_months(d, '6')": (
        lambda: dates.add_months(DAY, "6"),  # type: ignore[arg-type]
        WrongTypeError,
        r"^add_months: months must be a whole number, not str '6'$",
    ),
    "add_months(d, 10**30)": (
        lambda: dates.add_months(DAY, 10**30),
        InvalidInputError,
        r"is outside years 1 to 9999$",
    ),
    "month_schedule(d, NaN)": (
        lambda: dates.month_schedule(DAY, Decimal("NaN")),  # type: ignore[arg-type]
        WrongTypeError,
        r"^month_schedule: count must be a whole number",
    ),
    "is_business_day('2009-03-16')": (
        lambda: dates.is_business_day("2009-03-16"),  # type: ignore[arg-type]
        WrongTypeError,
        r"fromisoformat\)$",
    ),
    "is_holiday(d, alsace_moselle=[])": (
        lambda: dates.is_holiday(DAY, alsace_moselle=[]),  # type: ignore[arg-type]
        WrongTypeError,
        r"^is_holiday: alsace_moselle must be True or False",
    ),
    "act360(None, d)": (
        lambda: dates.act360(None, DAY),  # type: ignore[arg-type]
        WrongTypeError,
        r"^act360: start must be a datetime\.date",
    ),
    "add_business_days(d, 10**30)": (
        lambda: dates.add_business_days(DAY, 10**30),
        InvalidInputError,
        r"leave the years of the holiday calendar$",
    ),
    "duration(datetime, d)": (
        lambda: dates.duration(datetime(2009, 3, 16, 9), DAY),  # noqa: DTZ001
        WrongTypeError,
        r"\(take its \.date\(\)\)$",
    ),
    "parse_iso_date(None)": (
        lambda: dates.parse_iso_date(None),  # type: ignore[arg-type]
        WrongTypeError,
        r"^date: None is not text",
    ),
    # flags that would read as true, or false, without a word
    "aid_rate(lab, d, params, full_cost='no')": (
        lambda: aid_rate(LAB, DAY, PARAMS, full_cost="no"),  # type: ignore[arg-type]
        WrongTypeError,
        r"^aid_rate: full_cost must be True or False, not str 'no'$",
    ),
    "aid_amount(partner, d, params, full_cost=0)": (
        lambda: aid_amount(
            ProjectPartner(actor=LAB, eligible_costs="100000.00"),
            DAY,
            PARAMS,
            full_cost=0,  # type: ignore[arg-type]
        ),
        WrongTypeError,
        r"^aid_amount: full_cost must be True or False, not int 0$",
    ),
    "dump_poles(None)": (
        lambda: dump_poles(None),  # type: ignore[arg-type]
        WrongTypeError,
        r"^dump_poles: poles must be a list of Pole objects, not NoneType None$",
    ),
    # parameters
    "value(None, d)": (
        lambda: PARAMS.value(None, DAY),  # type: ignore[arg-type]
        WrongTypeError,
        r"^a parameter's name is a string",
    ),
    "override([], 1)": (
        lambda: PARAMS.override([], 1),  # type: ignore[arg-type]
        WrongTypeError,
        r"^a parameter's name is a string",
    ),
    "override(valid_until='2009-03-16')": (
        lambda: PARAMS.override(
            "relay.national_from",
            DAY,
            valid_until="2009-03-16",  # type: ignore[arg-type]
        ),
        WrongTypeError,
        r"^override of 'relay\.national_from': valid_until must be a datetime\.date or None",
    ),
    "values_at([...], d)": (
        lambda: PARAMS.values_at(["relay.pilot_regions"], DAY),  # type: ignore[arg-type]
        WrongTypeError,
        r"^values_at: names must be a tuple",
    ),
    # rules
    "prefinanceable(share=-1)": (
        lambda: prefinanceable((), DAY, Decimal(-1)),
        InvalidInputError,
        r"^prefinanceable: share -1 is not a share from 0 to 1$",
    ),
    "prefinanceable(share=5)": (
        lambda: prefinanceable((), DAY, Decimal(5)),
        InvalidInputError,
        r"share 5 is not a share",
    ),
    "existed_by('82', None)": (
        lambda: existed_by("82", None),  # type: ignore[arg-type]
        WrongTypeError,
        r"^existed_by: on must be a datetime\.date",
    ),
    "relay_cost(guarantee='x')": (
        lambda: relay_cost(CASE.request, PARAMS, guarantee="x"),  # type: ignore[arg-type]
        WrongTypeError,
        r"^relay_cost: guarantee must be a",
    ),
    "evaluate_portfolio('x')": (
        lambda: evaluate_portfolio("x"),  # type: ignore[arg-type]
        WrongTypeError,
        r"^evaluate_portfolio: assessments must be a list",
    ),
    "evaluate_portfolio(criteria='x')": (
        lambda: evaluate_portfolio([assess_case(CASE, PARAMS)], criteria="x"),  # type: ignore[arg-type]
        WrongTypeError,
        r"^evaluate_portfolio: criteria must be a",
    ),
    "compare(None, s)": (
        lambda: compare(None, evaluate_portfolio([])),  # type: ignore[arg-type]
        WrongTypeError,
        r"^compare: baseline must be a",
    ),
    # domain objects
    "Accounts(staff_awu=NaN)": (
        lambda: attrs.evolve(ACCOUNTS, staff_awu=Decimal("NaN")),
        InvalidInputError,
        r"^Accounts\.staff_awu: Decimal\('NaN'\) is not a finite number$",
    ),
    # A money or share field's error names its class and field, not just "amount".
    "Accounts(turnover=1.5)": (
        lambda: attrs.evolve(ACCOUNTS, turnover=1.5),  # type: ignore[arg-type]
        InvalidInputError,
        r"^Accounts\.turnover: 1\.5 is a float; money and rates must be exact",
    ),
    "RelayLoan(fees='1.001')": (
        lambda: RelayLoan(
            request_id="r", disbursed_on=date(2009, 4, 1), principal=1, annual_rate=0, fees="1.001"
        ),
        InvalidInputError,
        r"^RelayLoan\.fees: '1\.001' has more than two decimals",
    ),
    "RelayLoan(annual_rate=[])": (
        lambda: RelayLoan(
            request_id="r",
            disbursed_on=date(2009, 4, 1),
            principal=1,
            annual_rate=[],  # type: ignore[arg-type]
        ),
        WrongTypeError,
        r"^RelayLoan\.annual_rate: \[\] of type list is not a number$",
    ),
    "Enterprise(public_bodies_share=NaN)": (
        lambda: attrs.evolve(ENTERPRISE, public_bodies_share=Decimal("NaN")),
        InvalidInputError,
        r"^Enterprise\.public_bodies_share: Decimal\('NaN'\) is not a finite number$",
    ),
    "Measurement(year=-1)": (
        lambda: Measurement(year=-1, value=1),
        InvalidInputError,
        r"^Measurement\.year: -1 is not a calendar year",
    ),
    "OperatingBudget(year=10**30)": (
        lambda: OperatingBudget(year=10**30, total=1, public=0),
        InvalidInputError,
        r"^OperatingBudget\.year: 10{30} is not a calendar year",
    ),
    "Pole(governing_body='x')": (
        lambda: attrs.evolve(rhone_alpes_poles()[0], governing_body="x"),  # type: ignore[arg-type]
        WrongTypeError,
        r"^Pole\.governing_body: 'x' is not of type GoverningBody$",
    ),
    "RelayCase(request=None)": (
        lambda: attrs.evolve(CASE, request=None),  # type: ignore[arg-type]
        WrongTypeError,
        r"^RelayCase\.request: None is not of type RelayRequest$",
    ),
    "RelayCase(loan='x')": (
        lambda: attrs.evolve(CASE, loan="x"),  # type: ignore[arg-type]
        WrongTypeError,
        r"^RelayCase\.loan: 'x' is not of type RelayLoan$",
    ),
}


_TEXT = Text("met", "remplie")
_MET: dict[str, Any] = {
    "key": "relay.enterprise",
    "clauses": ["RELAY.2"],
    "label": _TEXT,
    "status": Status.MET,
    "reason": _TEXT,
}
_DECISION: dict[str, Any] = {"rule": "relay.eligibility", "title": _TEXT, "subject": "acme"}

CALLS.update(
    {
        # explanations: checks, decisions and their helpers
        "Check(key=None)": (
            lambda: Check(**{**_MET, "key": None}),
            WrongTypeError,
            r"^Check: key must be a string, not NoneType None$",
        ),
        "Check(clauses='RELAY.2')": (
            lambda: Check(**{**_MET, "clauses": "RELAY.2"}),
            WrongTypeError,
            r"^Check: clauses must be a list of str, not str 'RELAY.2'$",
        ),
        "Check(status='met')": (
            lambda: Check(**{**_MET, "status": "met"}),
            WrongTypeError,
            r"^Check: status must be a Status, not str 'met'$",
        ),
        "Check(parameters=[1])": (
            lambda: Check(**_MET, parameters=[1]),  # type: ignore[list-item]
            WrongTypeError,
            r"^Check: parameters\[0\] must be a ParameterUse, not int 1$",
        ),
        "Check(missing=(None,))": (
            lambda: Check(**{**_MET, "status": Status.UNKNOWN}, missing=(None,)),  # type: ignore[arg-type]
            WrongTypeError,
            r"^Check: missing\[0\] must be a Fact, not NoneType None$",
        ),
        "Fact(path=None)": (
            lambda: Fact(path=None, question=_TEXT),  # type: ignore[arg-type]
            WrongTypeError,
            r"^Fact: path must be a string, not NoneType None$",
        ),
        "ParameterUse(valid_from='2009-01-01')": (
            lambda: attrs.evolve(_share_use(), valid_from="2009-01-01"),  # type: ignore[arg-type]
            WrongTypeError,
            r"^ParameterUse: valid_from must be a datetime\.date, not str '2009-01-01' \(read it",
        ),
        "Decision(on=datetime)": (
            lambda: Decision(**_DECISION, on=datetime(2009, 3, 16, 9), checks=[]),  # noqa: DTZ001
            WrongTypeError,
            r"^Decision: on must be a datetime\.date, not datetime",
        ),
        "Decision(checks=[None])": (
            lambda: Decision(**_DECISION, on=DAY, checks=[None]),  # type: ignore[list-item]
            WrongTypeError,
            r"^Decision: checks\[0\] must be a Check, not NoneType None$",
        ),
        "Decision.check(None)": (
            lambda: assess_case(CASE, PARAMS).decision.check(None),  # type: ignore[arg-type]
            WrongTypeError,
            r"^find_check: key must be a string, not NoneType None$",
        ),
        "missing_facts(None)": (
            lambda: missing_facts(None),  # type: ignore[arg-type]
            WrongTypeError,
            r"^missing_facts: checks must be a list of Check, not NoneType None$",
        ),
        "render_account(lang='de')": (
            lambda: render_account("head", [], "de"),  # type: ignore[arg-type]
            InvalidInputError,
            r"^lang must be 'en' or 'fr', not 'de'$",
        ),
        "Decision.explain('EN')": (
            lambda: assess_case(CASE, PARAMS).decision.explain("EN"),  # type: ignore[arg-type]
            InvalidInputError,
            r"^lang must be 'en' or 'fr', not 'EN'$",
        ),
        "validate_clause_ids(None)": (
            lambda: validate_clause_ids(None),  # type: ignore[arg-type]
            WrongTypeError,
            r"^validate_clause_ids: ids must be a list of str, not NoneType None$",
        ),
        "clause(['RELAY.2'])": (
            lambda: clause(["RELAY.2"]),  # type: ignore[arg-type]
            WrongTypeError,
            r"^clause: clause_id must be a string, not list",
        ),
        "json_fields(obj, properties=None)": (
            lambda: json_fields(CASE, properties=None),  # type: ignore[arg-type]
            WrongTypeError,
            r"^json_fields: properties must be a list of str, not NoneType None$",
        ),
        "json_fields(obj, properties=['nope'])": (
            lambda: json_fields(CASE, properties=["nope"]),
            InvalidInputError,
            r"^json_fields: RelayCase has no property 'nope'$",
        ),
        # parameters
        "coerce_value(None, '1')": (
            lambda: coerce_value(None, "1"),  # type: ignore[arg-type]
            ParameterError,
            r"^unknown unit None; units: share, ",
        ),
        "render_value(None)": (
            lambda: render_value(None),  # type: ignore[arg-type]
            WrongTypeError,
            r"^render_value: value must be a parameter value .*, not NoneType None$",
        ),
        "Parameter(name=None)": (
            lambda: Parameter(name=None, description="d", unit="share"),  # type: ignore[arg-type]
            ParameterError,
            r"^parameter name None is not dotted lower-case words",
        ),
        "Parameter(clauses=None)": (
            lambda: Parameter(name="a.b", description="d", unit="share", clauses=None),  # type: ignore[arg-type]
            ParameterError,
            r"^clauses None is not a list of clause ids",
        ),
        "Parameter(values=[1])": (
            lambda: Parameter(name="a.b", description="d", unit="share", values=[1]),  # type: ignore[list-item]
            ParameterError,
            r"^values\[0\] is not a DatedValue but int 1$",
        ),
        # the JSON boundary
        "parse_case(None)": (
            lambda: parse_case(None),  # type: ignore[arg-type]
            WrongTypeError,
            r"^the document must be JSON text \(str or bytes\), not NoneType",
        ),
        "parse_case(dict)": (
            lambda: parse_case({"case_id": "x"}),  # type: ignore[arg-type]
            WrongTypeError,
            r"^the document must be JSON text \(str or bytes\), not dict",
        ),
        "validate_json(int, '{}')": (
            lambda: validate_json(int, "{}"),  # type: ignore[type-var]
            WrongTypeError,
            r"^validate_json: model must be a boundary model class",
        ),
        "RelayCaseModel.from_domain(request)": (
            lambda: RelayCaseModel.from_domain(CASE.request),  # type: ignore[arg-type]
            WrongTypeError,
            r"^RelayCaseModel\.from_domain: case must be a RelayCase, not RelayRequest ",
        ),
        "CaseLoanModel.from_domain(None)": (
            lambda: CaseLoanModel.from_domain(None),  # type: ignore[arg-type]
            WrongTypeError,
            r"^CaseLoanModel\.from_domain: obj must be a RelayLoan, not NoneType None$",
        ),
        "dump_case(request)": (
            lambda: dump_case(CASE.request),  # type: ignore[arg-type]
            WrongTypeError,
            r"^dump_case: case must be a RelayCase, not RelayRequest$",
        ),
        "dump_case(case, indent='x')": (
            lambda: dump_case(CASE, indent="x"),  # type: ignore[arg-type]
            WrongTypeError,
            r"^dump_case: indent must be a whole number from 0 to 100, or None, not 'x'$",
        ),
        # rules
        "label(None)": (
            lambda: label(None),  # type: ignore[arg-type]
            WrongTypeError,
            r"^label: key must be a str, not NoneType None$",
        ),
        "label('relay.bogus')": (
            lambda: label("relay.bogus"),
            InvalidInputError,
            r"^label: no eligibility condition 'relay.bogus'; the keys are relay.in_force, ",
        ),
        "Tranche.on('bogus')": (
            lambda: _first_tranche().on("bogus"),  # type: ignore[arg-type]
            InvalidInputError,
            r"^Tranche\.on: scenario must be 'low' or 'high', not 'bogus'$",
        ),
        "ParameterSet(parameters=None)": (
            lambda: ParameterSet(parameters=None),  # type: ignore[arg-type]
            WrongTypeError,
            r"^ParameterSet: parameters must be a list of Parameter, not NoneType None$",
        ),
        "ParameterSet(label=3)": (
            lambda: ParameterSet(parameters=(), label=3),  # type: ignore[arg-type]
            WrongTypeError,
            r"^ParameterSet: label must be a string, not int 3$",
        ),
        "values_at(names=None)": (
            lambda: PARAMS.values_at(None, DAY),  # type: ignore[arg-type]
            WrongTypeError,
            r"^values_at: names must be a tuple of names, not NoneType$",
        ),
        "derived(name=[])": (
            lambda: PARAMS.derived([], DAY, lambda _p, _on: 1),  # type: ignore[arg-type]
            WrongTypeError,
            r"^derived: name must be a string, not list$",
        ),
        "derived(derive=None)": (
            lambda: PARAMS.derived("test.none", DAY, None),  # type: ignore[arg-type]
            WrongTypeError,
            r"^derived: derive must be a function of \(params, on\), not NoneType$",
        ),
        "overrides(None)": (
            lambda: PARAMS.overrides(None),  # type: ignore[arg-type]
            WrongTypeError,
            r"^overrides: values must be a mapping of parameter names to values, not NoneType$",
        ),
        "parameters_from_toml(bytes)": (
            lambda: parameters_from_toml(b"[[parameter]]"),  # type: ignore[arg-type]
            WrongTypeError,
            r"^parameters_from_toml: text must be a string, not bytes \(decode bytes first",
        ),
        # money and dates
        "total(None)": (
            lambda: total(None),  # type: ignore[arg-type]
            WrongTypeError,
            r"^total: amounts must be a list of Decimal, not NoneType None$",
        ),
        "total(b'ab')": (
            lambda: total(b"ab"),  # type: ignore[arg-type]
            WrongTypeError,
            r"^total: amounts must be a list of Decimal, not bytes b'ab'$",
        ),
        "total([1.5])": (
            lambda: total([Decimal(1), 1.5]),  # type: ignore[list-item]
            WrongTypeError,
            r"^total: amounts must be Decimal, not float 1\.5$",
        ),
        "ratio(None, 1)": (
            lambda: ratio(None, Decimal(1)),  # type: ignore[arg-type]
            WrongTypeError,
            r"^ratio: part must be a Decimal, not NoneType None$",
        ),
        "decimal_text(NaN)": (
            lambda: decimal_text(Decimal("NaN")),
            WrongTypeError,
            r"^decimal_text: value must be a finite Decimal, not NaN$",
        ),
        "decimal_text(case)": (
            lambda: decimal_text(CASE),  # type: ignore[arg-type]
            WrongTypeError,
            r"^decimal_text: value must be a Decimal, not RelayCase",
        ),
        "Duration.describe(lang=[])": (
            lambda: dates.duration(DAY, DAY).describe([]),  # type: ignore[arg-type]
            InvalidInputError,
            r"^lang must be 'en' or 'fr', not \[\]$",
        ),
        # rules
        "labelled_status(None, d)": (
            lambda: labelled_status(None, DAY),  # type: ignore[arg-type]
            WrongTypeError,
            r"^labelled_status: labels must be a list of PoleLabel, not NoneType None$",
        ),
        "labelled_status(labels, None)": (
            lambda: labelled_status(CASE.request.project.labels, None),  # type: ignore[arg-type]
            WrongTypeError,
            r"^labelled_status: on must be a datetime\.date, not NoneType None",
        ),
        "prefinanceable(['x'], d, 1)": (
            lambda: prefinanceable(["x"], DAY, Decimal(1)),  # type: ignore[arg-type]
            WrongTypeError,
            r"^prefinanceable: aids\[0\] must be a PartnerAid, not str 'x'$",
        ),
        "promised_gain(None, d)": (
            lambda: promised_gain(None, DAY),  # type: ignore[arg-type]
            WrongTypeError,
            r"^promised_gain: params must be a ParameterSet",
        ),
        "theme_key(None)": (
            lambda: theme_key(None),  # type: ignore[arg-type]
            WrongTypeError,
            r"^theme_key: theme must be a str, not NoneType None$",
        ),
        "coordination_groups(complementary=None)": (
            lambda: coordination_groups(rhone_alpes_poles(), DAY, complementary=None),  # type: ignore[arg-type]
            WrongTypeError,
            r"^coordination_groups: complementary must be a list of pairs of themes, not NoneType",
        ),
        "pole_standing(contract='id')": (
            lambda: pole_standing(rhone_alpes_poles()[0], DAY, PARAMS, contract="id"),  # type: ignore[arg-type]
            WrongTypeError,
            r"^pole_standing: contract must be a PerformanceContract, not str 'id'$",
        ),
        "Distribution.of(None)": (
            lambda: Distribution.of(None),  # type: ignore[arg-type]
            WrongTypeError,
            r"^Distribution\.of: values must be a list of Decimal, not NoneType None$",
        ),
        "Distribution.of(['a'])": (
            lambda: Distribution.of(["a"]),  # type: ignore[list-item]
            WrongTypeError,
            r"^Distribution\.of: values\[0\] must be a Decimal, not str 'a'$",
        ),
        "PortfolioSummary.count('eligible')": (
            lambda: evaluate_portfolio([assess_case(CASE, PARAMS)]).count("eligible"),  # type: ignore[arg-type]
            WrongTypeError,
            r"^PortfolioSummary\.count: outcome must be an Outcome, not str 'eligible'$",
        ),
        # reference data
        "PoleRecord(name=None)": (
            lambda: attrs.evolve(rhone_alpes_pole_records()[0], name=None),  # type: ignore[arg-type]
            WrongTypeError,
            r"^PoleRecord\.name: None is not of type ReferenceFact$",
        ),
        "PoleRecord(themes=['x'])": (
            lambda: attrs.evolve(rhone_alpes_pole_records()[0], themes=["x"]),  # type: ignore[list-item]
            WrongTypeError,
            r"^PoleRecord\.themes\[0\]: 'x' is not of type ReferenceFact$",
        ),
        "ReferenceFact(note=3)": (
            lambda: attrs.evolve(rhone_alpes_pole_records()[0].name, note=3),  # type: ignore[arg-type]
            WrongTypeError,
            r"^ReferenceFact\.note: 3 is not of type str$",
        ),
        "dump_case(case, indent=10**30)": (
            lambda: dump_case(CASE, indent=10**30),
            WrongTypeError,
            r"^dump_case: indent must be a whole number from 0 to 100, or None, not 10{30}$",
        ),
    }
)


def _share_use() -> ParameterUse:
    use = PARAMS.use("relay.oseo.guarantee_share", DAY)
    assert use is not None, "the guarantee share has a value in 2009"
    return use


def _first_tranche() -> Tranche:
    bridging = bridged_tranches(CASE.request, PARAMS, loan=CASE.loan)
    assert bridging.tranches, "the first demo case bridges at least one tranche"
    return bridging.tranches[0]


def test_parse_case_takes_a_bytearray_too() -> None:
    text = dump_case(CASE)
    assert parse_case(bytearray(text.encode())) == parse_case(text) == CASE  # type: ignore[arg-type]


@pytest.mark.parametrize("call", sorted(CALLS))
def test_a_wrong_argument_gets_the_library_s_error_naming_it(call: str) -> None:
    function, error, message = CALLS[call]
    with pytest.raises(error, match=message):
        function()


def test_a_whole_float_of_months_is_still_taken_as_relativedelta_takes_it() -> None:
    assert dates.add_months(date(2009, 1, 31), 1.0) == date(2009, 2, 28)  # type: ignore[arg-type]
