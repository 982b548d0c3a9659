"""The combined assessment, and its brief JSON form against its explained one."""

from __future__ import annotations

import copy
import json
import pickle
from datetime import date
from decimal import ROUND_DOWN, Context, Decimal, Inexact, Rounded, localcontext
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from poles_policy.boundary.assessment import AssessmentModel, BriefAssessmentModel
from poles_policy.boundary.case import dump_case, parse_case
from poles_policy.data.demo import demo_cases
from poles_policy.exceptions import InvalidInputError, ParameterError
from poles_policy.explain import Outcome, Status, missing_facts
from poles_policy.model.actors import Enterprise
from poles_policy.parameters import default_parameters
from poles_policy.rules.relay import assess, assess_case, eligibility, relay_cost, time_saved
from poles_policy.rules.relay.assessment import SCHEME_TERMS
from poles_policy.rules.relay.timing import bridged_tranches
from poles_policy.rules.sme import sme_status
from poles_policy.testing import relay_cases

if TYPE_CHECKING:
    from poles_policy.model.cases import RelayCase
    from poles_policy.model.relay import RelayRequest
    from poles_policy.parameters import ParameterSet
    from poles_policy.rules.relay import Assessment

PARAMS = default_parameters()
NATIONAL = PARAMS.override("relay.national_from", date(2009, 1, 1))
PARAMETER_SETS = st.sampled_from([PARAMS, NATIONAL])
SECTIONS = ("counter_guarantee", "time_saved", "cost")


def explained_first(case: RelayCase, params: ParameterSet) -> Assessment:
    """The assessment of *case* with every explanation built before anything else is read."""
    a = assess(case.request, params, loan=case.loan)
    _ = a.decision.checks
    if a.guarantee is not None and a.timing is not None and a.cost is not None:
        _ = (a.guarantee.check, a.timing.checks, a.cost.checks)
    return a


@given(relay_cases(), PARAMETER_SETS)
def test_the_brief_form_is_the_same_whether_or_not_the_explanations_were_built(
    case: RelayCase, params: ParameterSet
) -> None:
    # Read first, the brief form answers from the figures and the outcome alone; read after
    # every check is built, it answers from the checks. Both must agree.
    fresh = assess(case.request, params, loan=case.loan).to_dict(brief=True)
    assert fresh == explained_first(case, params).to_dict(brief=True)


@given(relay_cases(), PARAMETER_SETS)
def test_the_brief_form_names_the_failed_conditions_and_missing_facts_of_the_checks(
    case: RelayCase, params: ParameterSet
) -> None:
    a = explained_first(case, params)
    brief = assess(case.request, params, loan=case.loan).to_dict(brief=True)
    conditions = [c for c in a.decision.checks if not c.informative]
    assert brief["outcome"] == a.outcome.value
    assert brief["on"] == case.request.requested_on.isoformat()
    assert brief["failed"] == [c.key for c in conditions if c.status is Status.NOT_MET]
    assert brief["missing"] == [f.path for f in missing_facts(conditions)]
    if a.timing is not None and a.cost is not None:
        assert brief["time_saved"]["missing"] == [f.path for f in missing_facts(a.timing.checks)]
        assert brief["cost"]["missing"] == [f.path for f in missing_facts(a.cost.checks)]


@given(relay_cases(), PARAMETER_SETS)
def test_the_brief_figures_are_those_of_the_explained_form(
    case: RelayCase, params: ParameterSet
) -> None:
    a = assess(case.request, params, loan=case.loan)
    full: dict[str, Any] = json.loads(json.dumps(a.to_dict()))
    brief: dict[str, Any] = json.loads(json.dumps(a.to_dict(brief=True)))
    assert (brief["case_id"], brief["outcome"]) == (full["case_id"], full["outcome"])
    assert brief["failed"] == [
        c["key"]
        for c in full["decision"]["checks"]
        if c["status"] == "not_met" and not c["informative"]
    ]
    assert brief["missing"] == [f["path"] for f in full["decision"]["missing"]]
    for section in SECTIONS:
        if full[section] is None:
            assert brief[section] is None
        else:
            assert brief[section] == {k: v for k, v in full[section].items() if k != "checks"}


@given(relay_cases(), PARAMETER_SETS)
def test_both_forms_follow_their_published_schemas(case: RelayCase, params: ParameterSet) -> None:
    a = assess(case.request, params, loan=case.loan)
    full = AssessmentModel.model_validate(json.loads(json.dumps(a.to_dict())))
    brief = BriefAssessmentModel.model_validate(json.loads(json.dumps(a.to_dict(brief=True))))
    assert full.decision.to_domain() == a.decision
    assert (brief.outcome, full.outcome) == (a.outcome, a.outcome)


@given(relay_cases(), PARAMETER_SETS)
def test_a_fresh_assessment_pickles_and_copies_with_its_explanations(
    case: RelayCase, params: ParameterSet
) -> None:
    # Explanations are built when read, by closures pickle cannot carry; a process pool
    # returning assessments must still get them whole.
    restored = pickle.loads(pickle.dumps(assess(case.request, params, loan=case.loan)))  # noqa: S301
    again = assess(case.request, params, loan=case.loan)
    assert restored == again
    assert restored.to_dict() == again.to_dict()
    assert copy.deepcopy(again) == again
    applicant = case.request.applicant
    if isinstance(applicant, Enterprise):
        sme = sme_status(applicant, case.request.requested_on, params)
        assert pickle.loads(pickle.dumps(sme)).missing == sme.missing  # noqa: S301


@given(relay_cases(), PARAMETER_SETS)
def test_a_callers_decimal_context_changes_nothing(case: RelayCase, params: ParameterSet) -> None:
    # A program may set a low precision, another rounding, even trap inexact results for
    # its own purposes; parsing, the figures and the explanations read later must not change.
    document = dump_case(case)
    expected = assess(case.request, params, loan=case.loan)
    with localcontext() as ctx:
        ctx.prec = 5
        ctx.rounding = ROUND_DOWN
        ctx.traps[Inexact] = True
        parsed = parse_case(document)
        found = assess(parsed.request, params, loan=parsed.loan)
        data, text = found.to_dict(), found.explain("fr")
    assert parsed == case
    assert data == expected.to_dict()
    assert text == expected.explain("fr")


@pytest.mark.parametrize(
    "hostile",
    [{"Emax": 4}, {"traps": [Rounded]}],
    # 200 000.00 EUR overflows a context whose Emax is 4; a rounded quotient raises when trapped.
    ids=["tiny Emax", "Rounded trapped"],
)
def test_a_callers_exponent_range_or_traps_change_nothing(hostile: dict[str, Any]) -> None:
    case = demo_cases()[0]
    document = dump_case(case)
    expected = assess_case(case, PARAMS)
    with localcontext(Context(**hostile)):
        parsed = parse_case(document)
        found = assess_case(parsed, PARAMS)
        data, text = found.to_dict(), found.explain("fr")
    assert parsed == case
    assert data == expected.to_dict()
    assert text == expected.explain("fr")


def test_assess_case_uses_the_case_s_own_loan() -> None:
    # The trap assess_case removes: without loan=, the cost is priced on the requested amount.
    case = demo_cases()[0]
    assert case.loan is not None
    with_loan = assess_case(case, PARAMS)
    assert with_loan.to_dict() == assess(case.request, PARAMS, loan=case.loan).to_dict()
    assert with_loan.cost is not None
    assert with_loan.cost.principal == case.loan.principal


def test_a_loan_above_the_request_is_refused_by_assess_too() -> None:
    case = demo_cases()[0]
    assert case.loan is not None
    bigger = attrs.evolve(case.loan, principal=case.request.amount + 1)
    with pytest.raises(
        InvalidInputError, match=r"^assess: loan\.principal: .* EUR is above the .* EUR requested$"
    ):
        assess(case.request, PARAMS, loan=bigger)


@pytest.mark.parametrize("rule", [assess, time_saved, relay_cost, bridged_tranches])
@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"request_id": "other"}, "loan: answers request 'other', not 'demo-01'"),
        (
            {"principal": Decimal("150000.01")},
            "loan.principal: 150000.01 EUR is above the 150000.00 EUR requested",
        ),
        (
            {"disbursed_on": date(2008, 7, 9)},
            "loan.disbursed_on: 2008-07-09 is before the request of 2008-07-10",
        ),
    ],
)
def test_a_loan_not_answering_the_request_is_refused_naming_the_rule(
    rule: Any, change: dict[str, Any], message: str
) -> None:
    case = demo_cases()[0]
    assert case.loan is not None
    assert (case.request.id, case.request.amount) == ("demo-01", Decimal("150000.00"))
    assert case.request.requested_on == date(2008, 7, 10)
    wrong = attrs.evolve(case.loan, **change)
    with pytest.raises(InvalidInputError) as caught:
        rule(case.request, PARAMS, loan=wrong)
    assert str(caught.value) == f"{rule.__name__}: {message}"


def _before_the_pilot(oseo: bool | None) -> RelayRequest:
    """Demo case 1, labelled and selected in January 2008, asking for a relay on 20 March 2008."""
    request = demo_cases()[0].request
    project = attrs.evolve(
        request.project,
        labels=tuple(
            attrs.evolve(label, labelled_on=date(2008, 1, 2)) for label in request.project.labels
        ),
        selection_letter_on=date(2008, 1, 2),
    )
    return attrs.evolve(
        request, project=project, requested_on=date(2008, 3, 20), oseo_counter_guarantee=oseo
    )


@pytest.mark.parametrize("oseo", [True, False, None])
def test_a_reform_opening_the_scheme_before_the_pilot_must_give_its_terms(
    oseo: bool | None,
) -> None:
    # RELAY.7: generalised from 1 January 2008, before the pilot's terms (1 April 2008).
    request = _before_the_pilot(oseo)
    reform = default_parameters().override("relay.national_from", date(2008, 1, 1))
    assert eligibility(request, reform).outcome is Outcome.ELIGIBLE
    with pytest.raises(ParameterError) as info:
        assess(request, reform)
    message = str(info.value)
    assert message.startswith(
        "assess: parameter set 'default + relay.national_from=2008-01-01' admits the request of "
        "2008-03-20, but the scheme's terms have no value on that day: relay.oseo.guarantee_share, "
    )
    assert "relay.bank_processing_business_days" in message
    assert message.endswith(
        "(their values start on 2008-04-01). Give them for it too "
        "(ParameterSet.override with valid_from)"
    )


def test_a_reform_that_gives_the_terms_before_the_pilot_is_assessed() -> None:
    request = _before_the_pilot(oseo=True)
    defaults = default_parameters()
    reform = defaults.override("relay.national_from", date(2008, 1, 1))
    for name in SCHEME_TERMS:  # the pilot's terms, from the generalisation on
        reform = reform.override(
            name, defaults.value(name, date(2008, 4, 1)), valid_from=date(2008, 1, 1)
        )
    assessment = assess(request, reform)
    assert assessment.outcome is Outcome.ELIGIBLE
    assert assessment.guarantee is not None
    assert assessment.guarantee.share == Decimal("0.50")


def test_to_dict_takes_brief_as_true_or_false_only() -> None:
    from poles_policy.data.demo import demo_cases
    from poles_policy.exceptions import WrongTypeError
    from poles_policy.parameters import default_parameters
    from poles_policy.rules.relay import assess

    assessed = assess(demo_cases()[0].request, default_parameters())
    assert "decision" in assessed.to_dict(brief=False)
    assert "failed" in assessed.to_dict(brief=True)
    with pytest.raises(WrongTypeError, match=r"^Assessment.to_dict: brief must be True or False"):
        assessed.to_dict(brief="no")  # type: ignore[arg-type]
