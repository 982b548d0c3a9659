"""Vectorised relay screening: the same statuses and outcomes as the scalar rule, case by case."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from poles_policy.data import rhone_alpes_poles
from poles_policy.data.demo import demo_cases
from poles_policy.exceptions import InvalidInputError, ParameterError, WrongTypeError
from poles_policy.explain import Status
from poles_policy.model.actors import Enterprise, actor_region
from poles_policy.model.cases import RelayCase
from poles_policy.model.projects import (
    AidDecision,
    CollaborativeProject,
    Funder,
    PartnerAid,
    PoleLabel,
    ProjectPartner,
)
from poles_policy.model.relay import RelayRequest
from poles_policy.parameters import ParameterSet, default_parameters
from poles_policy.rules.relay import eligibility
from poles_policy.scenarios import (
    CONDITIONS,
    RelayPortfolio,
    explain_case,
    outcome_counts,
    screen,
    synthetic_relay_cases,
)
from poles_policy.testing import poles, policy_dates, relay_requests

if TYPE_CHECKING:
    import pandas as pd

    from poles_policy.model.poles import Pole

PARAMS = default_parameters()


def _scalar_row(
    case: RelayCase, params: ParameterSet, poles: list[Pole] | None = None
) -> tuple[str, ...]:
    decision = eligibility(case.request, params, poles=poles)
    checks = {check.key: check.status.value for check in decision.checks}
    return (decision.outcome.value, *(checks[key] for key in (*CONDITIONS, "relay.sme")))


def _vector_rows(frame: pd.DataFrame) -> list[tuple[str, ...]]:
    columns = ["outcome", *CONDITIONS, "relay.sme"]
    return [tuple(str(v) for v in row) for row in frame[columns].itertuples(index=False)]


def _numbered(requests: list[RelayRequest]) -> list[RelayCase]:
    cases = []
    for i, request in enumerate(requests):
        numbered = attrs.evolve(request, id=f"case-{i}")
        cases.append(RelayCase(case_id=numbered.id, request=numbered))
    return cases


@st.composite
def reforms(draw: st.DrawFn) -> ParameterSet:
    """The default parameters, or a reform of the terms the screening reads."""
    params = PARAMS
    if draw(st.booleans()):
        params = params.override("relay.national_from", draw(policy_dates()))
    if draw(st.booleans()):
        share = draw(st.decimals(min_value="0.01", max_value="1", places=draw(st.integers(0, 6))))
        params = params.override("relay.max_prefinanced_share", share)
    if draw(st.booleans()):
        params = params.override("relay.sme_required", value=True)
    if draw(st.booleans()):
        params = params.override("relay.pilot_regions", ("82", draw(st.sampled_from(["11", "93"]))))
    return params


# The pôles that labelled the generated projects (pole-0 to pole-3), some delabelled, some
# missing; or none given, every label then taken as recorded.
_LABELLING_POLES = st.none() | st.lists(
    st.sampled_from([f"pole-{i}" for i in range(4)]).flatmap(lambda ident: poles(ident=ident)),
    unique_by=lambda pole: pole.id,
    max_size=4,
)


@settings(max_examples=60)
@given(
    requests=st.lists(relay_requests(), max_size=12),
    synthetic=st.tuples(st.integers(0, 30), st.integers(0, 2**16)),
    params=reforms(),
    labelling=_LABELLING_POLES,
)
def test_screen_gives_the_scalar_statuses_and_outcome_of_every_case(
    requests: list[RelayRequest],
    synthetic: tuple[int, int],
    params: ParameterSet,
    labelling: list[Pole] | None,
) -> None:
    # Generated requests reach every odd corner; synthetic ones are often eligible.
    count, seed = synthetic
    cases = _numbered(requests) + list(synthetic_relay_cases(count, seed=seed))
    frame = screen(RelayPortfolio.from_cases(cases, poles=labelling), params, sme=True)
    assert list(frame.index) == [c.case_id for c in cases]
    assert _vector_rows(frame) == [_scalar_row(c, params, labelling) for c in cases]


@pytest.mark.parametrize(
    "params",
    [
        PARAMS,
        PARAMS.override("relay.national_from", date(2009, 7, 1)),
        PARAMS.override("relay.max_prefinanced_share", Decimal("0.654321")),
        PARAMS.override("relay.sme_required", value=True, valid_from=date(2010, 1, 1)),
        PARAMS.override("relay.national_from", date(2010, 1, 1), valid_until=date(2010, 12, 31)),
    ],
    ids=["pilot", "national", "share", "sme from 2010", "national in 2010 only"],
)
def test_a_large_synthetic_portfolio_matches_the_scalar_rule(params: ParameterSet) -> None:
    cases = synthetic_relay_cases(1500, seed=99, start=date(2008, 4, 1))
    frame = screen(RelayPortfolio.from_cases(cases), params, sme=True)
    rows = _vector_rows(frame)
    assert rows == [_scalar_row(c, params) for c in cases]
    assert any(row[0] == "eligible" for row in rows)


def test_demo_portfolio_matches_the_scalar_rule_under_the_pilot_and_the_national_reform() -> None:
    cases = demo_cases()
    portfolio = RelayPortfolio.from_cases(cases)
    for params in (PARAMS, PARAMS.override("relay.national_from", date(2009, 1, 1))):
        frame = screen(portfolio, params, sme=True)
        assert _vector_rows(frame) == [_scalar_row(c, params) for c in cases]


def test_outcome_counts_of_the_demo_portfolio() -> None:
    portfolio = RelayPortfolio.from_cases(demo_cases())
    national = PARAMS.override("relay.national_from", date(2009, 1, 1))
    assert outcome_counts(screen(portfolio, PARAMS)).to_dict() == {
        "eligible": 23,
        "ineligible": 22,
        "undetermined": 5,
    }
    # The case whose region is not known is eligible once the scheme is national (demo-41).
    assert outcome_counts(screen(portfolio, national)).to_dict() == {
        "eligible": 32,
        "ineligible": 14,
        "undetermined": 4,
    }


def _case_with_subsidy(granted: str, amount: str, *, region: str = "82") -> RelayCase:
    applicant = Enterprise(id="acme", name="ACME", region=region)
    project = CollaborativeProject(
        id="p",
        name="P",
        partners=(ProjectPartner(actor=applicant),),
        aid=(
            AidDecision(
                funder=Funder.STATE,
                scheme="FUI",
                partners=(PartnerAid(partner_id="acme", granted=granted),),
            ),
        ),
        selection_letter_on=date(2009, 3, 2),
    )
    request = RelayRequest(
        id=f"r-{granted}-{amount}",
        applicant=applicant,
        project=project,
        requested_on=date(2009, 6, 1),
        amount=amount,
    )
    return RelayCase(case_id=request.id, request=request)


@pytest.mark.parametrize(
    ("amount", "expected"),
    [("500.00", "met"), ("500.01", "not_met")],
)
def test_the_pre_financeable_ceiling_is_rounded_down_to_the_cent(
    amount: str, expected: str
) -> None:
    # RELAY.4: half of 1 000.01 EUR is 500.005; 500.01 EUR would exceed it, so the ceiling is
    # 500.00 EUR, in the vectorised screen as in the scalar rule.
    params = PARAMS.override("relay.max_prefinanced_share", Decimal("0.5"))
    case = _case_with_subsidy("1000.01", amount)
    frame = screen(RelayPortfolio.from_cases([case]), params)
    assert frame["relay.remaining"].iloc[0] == expected
    assert eligibility(case.request, params).checks[6].status.value == expected


def test_the_sme_status_before_the_eu_definition_is_not_applicable_in_both_paths() -> None:
    case = _case_with_subsidy("1000.00", "500.00")
    early = attrs.evolve(case, request=attrs.evolve(case.request, requested_on=date(2004, 6, 1)))
    frame = screen(RelayPortfolio.from_cases([early]), PARAMS, sme=True)
    assert frame["relay.sme"].iloc[0] == "not_applicable"
    assert eligibility(early.request, PARAMS).check("relay.sme").status.value == "not_applicable"


def test_a_required_sme_status_with_no_definition_in_force_is_a_parameter_error() -> None:
    # A reform that requires the SME status in 2004, before the EU definition (2005): the
    # condition cannot be settled, and passing it silently would admit the case.
    national = PARAMS.override("relay.national_from", date(2000, 1, 1))
    params = national.override("relay.sme_required", value=True, valid_from=date(2000, 1, 1))
    case = _case_with_subsidy("1000.00", "500.00")
    early = attrs.evolve(case, request=attrs.evolve(case.request, requested_on=date(2004, 6, 1)))
    message = r"relay\.sme_required makes the SME status a condition on 2004-06-01"
    with pytest.raises(ParameterError, match=message):
        eligibility(early.request, params)
    with pytest.raises(ParameterError, match=message):
        screen(RelayPortfolio.from_cases([early]), params)


def test_amounts_beyond_64_bits_are_compared_exactly() -> None:
    # 10**17 EUR is 10**19 cents: more than a 64-bit integer holds.
    huge = "100000000000000000.00"
    cases = [
        _case_with_subsidy(huge, "33300000000000000.00"),
        _case_with_subsidy(huge, "33300000000000000.01"),
    ]
    params = PARAMS.override("relay.max_prefinanced_share", Decimal("0.333"))
    portfolio = RelayPortfolio.from_cases(cases)
    assert portfolio.remaining.dtype == object
    frame = screen(portfolio, params)
    assert frame["relay.remaining"].tolist() == ["met", "not_met"]
    assert _vector_rows(screen(portfolio, params, sme=True)) == [
        _scalar_row(c, params) for c in cases
    ]


def test_sme_column_appears_only_when_asked_or_required() -> None:
    portfolio = RelayPortfolio.from_cases(demo_cases())
    assert "relay.sme" not in screen(portfolio, PARAMS).columns
    assert "relay.sme" in screen(portfolio, PARAMS, sme=True).columns
    required = PARAMS.override("relay.sme_required", value=True)
    assert "relay.sme" in screen(portfolio, required).columns


def test_empty_portfolio_gives_an_empty_frame_with_every_column() -> None:
    frame = screen(RelayPortfolio.from_cases([]), PARAMS)
    assert frame.empty
    assert list(frame.columns) == ["requested_on", "region", "outcome", *CONDITIONS]
    assert outcome_counts(frame).to_dict() == {"eligible": 0, "ineligible": 0, "undetermined": 0}


def test_unknown_region_is_missing_in_the_region_column_and_unknown_in_force() -> None:
    cases = demo_cases()
    frame = screen(RelayPortfolio.from_cases(cases), PARAMS)
    unknown = [c.case_id for c in cases if actor_region(c.request.applicant) is None]
    assert unknown
    assert frame.loc[unknown, "region"].isna().all()
    assert (frame.loc[unknown, "relay.in_force"] == "unknown").all()


def test_explain_case_gives_the_scalar_assessment_of_the_row() -> None:
    portfolio = RelayPortfolio.from_cases(demo_cases())
    frame = screen(portfolio, PARAMS)
    case_id = frame.index[frame["outcome"] == "ineligible"][0]
    assessment = explain_case(portfolio, PARAMS, case_id)
    assert assessment.outcome.value == "ineligible"
    assert "RELAY" in assessment.explain()


def test_explain_case_of_an_unknown_id_is_a_key_error() -> None:
    portfolio = RelayPortfolio.from_cases(demo_cases())
    with pytest.raises(KeyError, match="no case 'nope'"):
        explain_case(portfolio, PARAMS, "nope")


def test_two_cases_with_the_same_id_are_refused() -> None:
    case = demo_cases()[0]
    with pytest.raises(InvalidInputError, match="appears twice"):
        RelayPortfolio.from_cases([case, case])


def test_an_item_that_is_not_a_case_is_refused() -> None:
    with pytest.raises(InvalidInputError, match="item 1 of the portfolio is a str"):
        RelayPortfolio.from_cases([demo_cases()[0], "demo-02"])  # type: ignore[list-item]


def test_a_region_code_that_did_not_exist_on_the_request_date_names_the_case() -> None:
    # 84 is Auvergne-Rhône-Alpes, created on 2016-01-01.
    case = _case_with_subsidy("1000.00", "100.00", region="84")
    with pytest.raises(InvalidInputError, match=r"case 'r-1000.00-100.00': .*84"):
        RelayPortfolio.from_cases([case])


def test_importing_scenarios_without_numpy_says_which_extra_to_install() -> None:
    code = "import sys; sys.modules['numpy'] = None; import poles_policy.scenarios"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    assert 'pip install "poles-policy[scenarios]"' in result.stderr


def test_a_portfolio_reads_its_arrays_from_its_cases() -> None:
    cases = demo_cases()
    portfolio = RelayPortfolio.from_cases(cases)
    # The arrays are not arguments, so they cannot disagree with the cases...
    with pytest.raises(TypeError, match="unexpected keyword argument 'amount'"):
        attrs.evolve(portfolio, amount=portfolio.amount[:-1])  # type: ignore[call-arg]
    # ... and another list of cases is read again.
    fewer = attrs.evolve(portfolio, cases=cases[1:])
    assert fewer.case_ids == portfolio.case_ids[1:]
    assert fewer.amount.tolist() == portfolio.amount[1:].tolist()
    assert (
        _vector_rows(screen(fewer, PARAMS, sme=True))
        == (_vector_rows(screen(portfolio, PARAMS, sme=True))[1:])
    )
    with pytest.raises(ValueError, match="read-only"):
        portfolio.amount[0] = 0
    with pytest.raises(InvalidInputError, match="appears twice"):
        attrs.evolve(portfolio, cases=(cases[0], *cases))
    with pytest.raises(WrongTypeError, match="cases must be a list of RelayCase, not RelayCase"):
        RelayPortfolio(cases=cases[0])  # type: ignore[arg-type]


def test_the_sme_status_is_computed_only_where_it_is_needed() -> None:
    # SME required from 2009: a 2008 case is not asked for its SME status, so the SME
    # rule's parameters need not exist on its date, and its column entry stays missing.
    params = PARAMS.override("relay.sme_required", value=True, valid_from=date(2009, 1, 1))
    cases = demo_cases()
    frame = screen(RelayPortfolio.from_cases(cases), params)
    early = [c.case_id for c in cases if c.request.requested_on < date(2009, 1, 1)]
    late = [c.case_id for c in cases if c.request.requested_on >= date(2009, 1, 1)]
    assert early
    assert late
    assert frame.loc[early, "relay.sme"].isna().all()
    assert frame.loc[late, "relay.sme"].notna().all()
    assert _vector_rows(screen(RelayPortfolio.from_cases(cases), params, sme=True)) == [
        _scalar_row(c, params) for c in cases
    ]


def test_a_zero_share_of_an_amount_beyond_64_bits_is_zero() -> None:
    huge = "100000000000000000.00"
    params = PARAMS.override("relay.max_prefinanced_share", Decimal(0))
    frame = screen(RelayPortfolio.from_cases([_case_with_subsidy(huge, huge)]), params)
    assert frame["relay.remaining"].tolist() == ["not_met"]


def test_arguments_of_the_wrong_type_are_named() -> None:
    portfolio = RelayPortfolio.from_cases(demo_cases())
    with pytest.raises(TypeError, match="screen: portfolio must be a RelayPortfolio"):
        screen(list(demo_cases()), PARAMS)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="screen: params must be a ParameterSet"):
        screen(portfolio, None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="explain_case: params must be a ParameterSet"):
        explain_case(portfolio, "default", "demo-01")  # type: ignore[arg-type]


@settings(max_examples=40)
@given(
    requests=st.lists(relay_requests(), min_size=1, max_size=8),
    pilot=st.lists(st.sampled_from(["82", "11", "84", "76", "99"]), min_size=1, unique=True),
)
def test_a_pilot_region_that_did_not_exist_yet_is_refused_as_the_scalar_rule_refuses_it(
    requests: list[RelayRequest], pilot: list[str]
) -> None:
    # DESIGN section 3: a code that did not exist on a case's date is an input error. "84" and
    # "76" date from 2016, "99" is no region; the rules say so once a case falls outside the pilot.
    params = PARAMS.override("relay.pilot_regions", tuple(pilot))
    cases = _numbered(requests)
    refused = []
    for case in cases:
        try:
            eligibility(case.request, params)
        except ParameterError as exc:
            refused.append(str(exc))
    if not refused:
        frame = screen(RelayPortfolio.from_cases(cases), params, sme=True)
        assert _vector_rows(frame) == [_scalar_row(c, params) for c in cases]
        return
    assert all(message.startswith("relay.pilot_regions: ") for message in refused)
    with pytest.raises(ParameterError, match=r"^relay\.pilot_regions: .*region code '(84|76|99)'"):
        screen(RelayPortfolio.from_cases(cases), params)


def test_a_pilot_of_the_2016_region_is_refused_for_a_2009_request() -> None:
    params = PARAMS.override("relay.pilot_regions", ("84",))
    case = demo_cases()[0]
    with pytest.raises(ParameterError) as info:
        eligibility(case.request, params)
    on = case.request.requested_on.isoformat()
    assert str(info.value) == (
        f"relay.pilot_regions: region code '84' did not exist on {on} (valid from 2016-01-01)"
    )
    # A code that has since gone is the pilot's historic area: "82" after 2015 is not refused.
    applicant = case.request.applicant
    assert isinstance(applicant, Enterprise)
    moved = attrs.evolve(applicant, region="84")
    late = attrs.evolve(case.request, requested_on=date(2016, 3, 1), applicant=moved)
    decision = eligibility(late, PARAMS)
    assert decision.checks[0].status.value == "not_met"


def test_a_portfolio_with_the_labelling_poles_screens_as_the_scalar_rule_decides() -> None:
    late = [
        attrs.evolve(
            case,
            request=attrs.evolve(
                case.request,
                project=attrs.evolve(
                    case.request.project,
                    labels=(PoleLabel(pole_id="sporaltec", labelled_on=date(2010, 6, 1)),),
                ),
            ),
        )
        for case in synthetic_relay_cases(200, seed=7, start=date(2010, 6, 2))
    ]
    reference = rhone_alpes_poles()
    portfolio = RelayPortfolio.from_cases(late, poles=reference)
    frame = screen(portfolio, PARAMS)
    assert set(frame["relay.labelled"]) == {"not_met"}
    assert set(screen(RelayPortfolio.from_cases(late), PARAMS)["relay.labelled"]) == {"met"}
    assert _vector_rows(screen(portfolio, PARAMS, sme=True)) == [
        _scalar_row(c, PARAMS, list(reference)) for c in late
    ]
    explained = explain_case(portfolio, PARAMS, late[0].case_id)
    assert explained.decision.check("relay.labelled").status is Status.NOT_MET


def test_the_portfolios_poles_are_checked() -> None:
    cases = demo_cases()[:2]
    with pytest.raises(WrongTypeError, match="single string"):
        RelayPortfolio.from_cases(cases, poles="minalogic")  # type: ignore[arg-type]
    twice = [*rhone_alpes_poles()[:2], rhone_alpes_poles()[0]]
    with pytest.raises(InvalidInputError, match="given twice"):
        RelayPortfolio.from_cases(cases, poles=twice)
