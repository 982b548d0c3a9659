"""Steering (GOV.1): regressions found in review, each checked by hand against the sources."""

from __future__ import annotations

from datetime import date, timedelta

import attrs
import pytest

from poles_policy.explain import Outcome, Status
from poles_policy.model.actors import AuthorityLevel, LocalAuthority, StateBody, StateKind
from poles_policy.model.contracts import (
    Axis,
    Direction,
    Indicator,
    Measurement,
    Objective,
    OperatingBudget,
    PerformanceContract,
)
from poles_policy.model.poles import Category, GoverningBody, Pole
from poles_policy.parameters import ParameterSet, default_parameters
from poles_policy.rules.steering import Progress, contract_progress, contract_terms

PARAMS = default_parameters()
PREFET = StateBody(id="prefet-82", name="Préfet de région", kind=StateKind.PREFET_DE_REGION)
REGION = LocalAuthority(id="region-82", name="Région", level=AuthorityLevel.REGION, region="82")


def _contract(
    start: date,
    end: date,
    *objectives: Objective,
    authorities: tuple[LocalAuthority, ...] = (REGION,),
    body: str = "Association Mov'eo",
    budgets: tuple[OperatingBudget, ...] = (),
) -> PerformanceContract:
    return PerformanceContract(
        id="cp",
        pole_id="moveo",
        state=PREFET,
        local_authorities=authorities,
        governing_body_name=body,
        signed_on=start,
        start=start,
        end=end,
        objectives=objectives,
        budgets=budgets,
    )


def _indicator(
    *values: tuple[int, str], direction: Direction = Direction.INCREASE, ident: str = "i1"
) -> Indicator:
    return Indicator(
        id=ident,
        name=f"indicator {ident}",
        unit="count",
        baseline="100" if direction is Direction.INCREASE else "130",
        target="130" if direction is Direction.INCREASE else "100",
        direction=direction,
        measurements=tuple(Measurement(year=y, value=v) for y, v in values),
    )


# -- 1. a contract extended to the end of the extended Phase 2 (CIADT of 11 May 2010) ----------


def test_a_2009_2011_contract_extended_to_the_end_of_2012_has_its_terms() -> None:
    # Phase 2 extended by one year, to 2012 (FACTS.md section 1); Mov'eo's reads 2009/2012.
    decision = contract_terms(_contract(date(2009, 1, 1), date(2012, 12, 31)), PARAMS)
    period = decision.check("gov.period")
    assert decision.outcome is Outcome.ELIGIBLE
    assert period.status is Status.MET
    assert (period.label.en, period.label.fr) == (
        "runs 3 years, extended",
        "court sur 3 ans, prolongé",
    )
    assert period.reason.en == (
        "2009-01-01 – 2012-12-31: extended to 2012-12-31, the end of Phase 2 since the CIADT of "
        "2010-05-11; its 3 years from its start end on 2011-12-31"
    )
    assert period.reason.fr == (
        "2009-01-01 – 2012-12-31 : prolongé jusqu'au 2012-12-31, la fin de la phase 2 depuis le "
        "CIADT du 2010-05-11 ; ses 3 ans depuis son début finissent le 2011-12-31"
    )
    # The length read at the start; the phase's end on the last day of the contract's own years.
    assert [(u.name, u.value, u.valid_from) for u in period.parameters] == [
        ("gov.contract_years", "3", date(2009, 1, 1)),
        ("gov.phase2_end", "2012-12-31", date(2010, 5, 11)),
    ]
    assert "CIADT_11_mai_2010" in period.parameters[1].source
    assert period.parameters[1].confidence == "sourced"


def test_a_contract_of_its_own_three_years_does_not_read_the_extension() -> None:
    period = contract_terms(_contract(date(2009, 1, 1), date(2011, 12, 31)), PARAMS).check(
        "gov.period"
    )
    assert (period.status, period.reason.en, period.label.en) == (
        Status.MET,
        "2009-01-01 – 2011-12-31",
        "runs 3 years",
    )
    assert [u.name for u in period.parameters] == ["gov.contract_years"]


def test_a_mid_2009_contract_may_also_be_extended_to_the_end_of_2012() -> None:
    # Its years would end on 2012-07-05, after the CIADT and before the extended phase's end.
    decision = contract_terms(_contract(date(2009, 7, 6), date(2012, 12, 31)), PARAMS)
    assert decision.outcome is Outcome.ELIGIBLE
    assert decision.check("gov.period").reason.en.endswith("end on 2012-07-05")


def test_a_four_year_contract_from_2010_is_not_an_extended_one() -> None:
    # Its own three years end on 2012-12-31, the extended phase's end: nothing to extend.
    decision = contract_terms(_contract(date(2010, 1, 1), date(2013, 12, 31)), PARAMS)
    period = decision.check("gov.period")
    assert decision.outcome is Outcome.INELIGIBLE
    assert period.reason.en == "2010-01-01 – 2013-12-31; 3 years from its start end on 2012-12-31"
    assert period.reason.fr == (
        "2010-01-01 – 2013-12-31 ; 3 ans depuis son début finissent le 2012-12-31"
    )
    assert [u.name for u in period.parameters] == ["gov.contract_years"]


def test_an_extension_only_lengthens_a_contract() -> None:
    # Two years, from 2011 to the extended phase's end: its own three would end on 2013-12-31.
    decision = contract_terms(_contract(date(2011, 1, 1), date(2012, 12, 31)), PARAMS)
    assert decision.outcome is Outcome.INELIGIBLE
    assert decision.check("gov.period").reason.en.endswith("end on 2013-12-31")


def test_a_2009_contract_ending_on_another_day_names_both_ends_it_could_have() -> None:
    period = contract_terms(_contract(date(2009, 1, 1), date(2012, 6, 30)), PARAMS).check(
        "gov.period"
    )
    assert period.status is Status.NOT_MET
    assert period.reason.en == (
        "2009-01-01 – 2012-06-30; 3 years from its start end on 2011-12-31, or on 2012-12-31 "
        "if it is extended to the end of Phase 2"
    )
    assert period.reason.fr == (
        "2009-01-01 – 2012-06-30 ; 3 ans depuis son début finissent le 2011-12-31, ou le "
        "2012-12-31 s'il est prolongé jusqu'à la fin de la phase 2"
    )
    assert [u.name for u in period.parameters] == ["gov.contract_years", "gov.phase2_end"]


def _ciadt_on(day: date) -> ParameterSet:
    """The default parameters, with the extension decided on *day* instead of 11 May 2010."""
    phase = PARAMS["gov.phase2_end"]
    nominal, extension = phase.values
    moved = (
        attrs.evolve(nominal, valid_until=day - timedelta(days=1)),
        attrs.evolve(extension, valid_from=day),
    )
    return ParameterSet(
        parameters=(attrs.evolve(p, values=moved) if p is phase else p for p in PARAMS.values()),
        label=f"extension on {day}",
    )


def test_an_extension_decided_after_a_contract_ended_does_not_extend_it() -> None:
    # Had the extension come on 1 January 2012, the 2009-2011 contract was over by then.
    decision = contract_terms(
        _contract(date(2009, 1, 1), date(2012, 12, 31)), _ciadt_on(date(2012, 1, 1))
    )
    period = decision.check("gov.period")
    assert decision.outcome is Outcome.INELIGIBLE
    assert period.reason.en == "2009-01-01 – 2012-12-31; 3 years from its start end on 2011-12-31"
    # The phase's end read on 2011-12-31 is that day: nothing later to extend to.
    assert [u.name for u in period.parameters] == ["gov.contract_years"]


def test_an_extension_decided_on_a_contract_s_last_day_extends_it() -> None:
    decision = contract_terms(
        _contract(date(2009, 1, 1), date(2012, 12, 31)), _ciadt_on(date(2011, 12, 31))
    )
    assert decision.outcome is Outcome.ELIGIBLE
    assert (
        "the end of Phase 2 since the CIADT of 2011-12-31" in decision.check("gov.period").reason.en
    )


def test_a_reform_s_extension_is_not_credited_to_the_ciadt() -> None:
    reform = PARAMS.override("gov.phase2_end", date(2013, 12, 31), valid_from=date(2011, 1, 1))
    period = contract_terms(_contract(date(2009, 1, 1), date(2013, 12, 31)), reform).check(
        "gov.period"
    )
    assert period.status is Status.MET
    assert period.reason.en == (
        "2009-01-01 – 2013-12-31: extended to 2013-12-31, the end of Phase 2 since 2011-01-01; "
        "its 3 years from its start end on 2011-12-31"
    )
    assert period.reason.fr.startswith(
        "2009-01-01 – 2013-12-31 : prolongé jusqu'au 2013-12-31, la fin de la phase 2 depuis le "
        "2011-01-01 ;"
    )
    assert period.parameters[1].confidence == "assumption"


def test_a_reform_of_four_year_contracts_needs_no_extension() -> None:
    four = PARAMS.override("gov.contract_years", 4)
    period = contract_terms(_contract(date(2009, 1, 1), date(2012, 12, 31)), four).check(
        "gov.period"
    )
    assert (period.status, period.label.en, period.reason.en) == (
        Status.MET,
        "runs 4 years",
        "2009-01-01 – 2012-12-31",
    )


# -- 2. the period ends the day before the next one starts, from 29 February too ---------------


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (date(2009, 1, 1), date(2011, 12, 31)),
        (date(2009, 3, 31), date(2012, 3, 30)),
        (date(2009, 3, 1), date(2012, 2, 29)),  # 2012 is a leap year
        # 29 February 2015 does not exist: the next period starts on 1 March 2015.
        (date(2012, 2, 29), date(2015, 2, 28)),
    ],
)
def test_three_years_end_the_day_before_the_next_three_begin(start: date, end: date) -> None:
    period = contract_terms(_contract(start, end), PARAMS).check("gov.period")
    assert (period.status, period.reason.en) == (Status.MET, f"{start} – {end}")


def test_a_leap_day_contract_ending_two_days_before_the_next_period_is_short() -> None:
    period = contract_terms(_contract(date(2012, 2, 29), date(2015, 2, 27)), PARAMS).check(
        "gov.period"
    )
    assert period.status is Status.NOT_MET
    assert period.reason.en == "2012-02-29 – 2015-02-27; 3 years from its start end on 2015-02-28"


def test_four_years_from_a_leap_day_end_on_the_eve_of_the_next_leap_day() -> None:
    # 29 February 2016 exists: the period ends the day before it.
    four = PARAMS.override("gov.contract_years", 4)
    decision = contract_terms(_contract(date(2012, 2, 29), date(2016, 2, 28)), four)
    assert decision.check("gov.period").status is Status.MET


def test_the_public_share_of_a_leap_day_contract_is_due_when_its_third_year_ends() -> None:
    # Its three years end on 2015-02-28: due from calendar year 4 (2015) of 2012-2015.
    contract = _contract(
        date(2012, 2, 29),
        date(2015, 2, 28),
        budgets=(
            OperatingBudget(year=2014, total=100000, public=60000),
            OperatingBudget(year=2015, total=100000, public=60000),
        ),
    )
    in_2014 = contract_progress(contract, 2014, PARAMS).checks[-1]
    in_2015 = contract_progress(contract, 2015, PARAMS).checks[-1]
    assert in_2014.status is Status.NOT_APPLICABLE
    assert in_2014.reason.en == (
        "60 % in 2014 (calendar year 3); below 50 % is due from calendar year 4"
    )
    assert (in_2015.status, in_2015.reason.en) == (
        Status.NOT_MET,
        "60 % in 2015 (calendar year 4): NOT below 50 %",
    )


# -- 3. an objective without indicators asks for them, citing its clause -----------------------


def _without_indicators(*, axis: Axis = Axis.ECO_2) -> PerformanceContract:
    return _contract(
        date(2009, 1, 1),
        date(2011, 12, 31),
        Objective(id="o1", title="Grow", axis=Axis.ECO_1, indicators=(_indicator((2010, "125")),)),
        Objective(id="o2", title="International", axis=axis),
    )


def test_an_objective_without_indicators_has_an_unknown_check_asking_for_them() -> None:
    progress = contract_progress(_without_indicators(), 2010, PARAMS)
    assert progress.status is Progress.NO_DATA
    assert progress.objectives == (("o1", Progress.ON_TRACK), ("o2", Progress.NO_DATA))
    assert [c.key for c in progress.checks] == [
        "gov.indicator.o1.i1",
        "gov.objective.o2",
        "gov.public_share",
    ]
    check = progress.checks[1]
    assert check.status is Status.UNKNOWN
    assert check.clauses == ("GOV.1", "ECO.2")
    assert (check.label.en, check.label.fr) == (
        "International: indicators",
        "International : indicateurs",
    )
    assert check.reason.en == "objective o2 has no indicator: its progress in 2010 cannot be read"
    assert check.reason.fr == (
        "l'objectif o2 n'a aucun indicateur : sa progression en 2010 ne peut être lue"
    )
    # The 2010 budget is not asked for: the public share is due from 2011.
    assert [f.path for f in progress.missing] == ["objectives.o2.indicators"]
    question = progress.missing[0].question
    assert question.en == (
        'Which indicators measure the objective "International", each with its baseline, '
        "target, direction and 2010 measurement?"
    )
    assert question.fr == (
        "Quels indicateurs mesurent l'objectif «\u00a0International\u00a0», chacun avec sa "
        "référence, sa cible, son sens et sa mesure 2010 ?"
    )


def test_the_facts_to_provide_follow_the_contract_s_objectives() -> None:
    contract = _contract(
        date(2009, 1, 1),
        date(2011, 12, 31),
        Objective(id="o1", title="International", axis=Axis.ECO_2),
        Objective(id="o2", title="Grow", axis=Axis.ECO_1, indicators=(_indicator((2009, "5")),)),
        budgets=(OperatingBudget(year=2011, total=100000, public=40000),),
    )
    progress = contract_progress(contract, 2011, PARAMS)
    assert [f.path for f in progress.missing] == [
        "objectives.o1.indicators",
        "objectives.o2.indicators.i1.measurements",
    ]
    assert progress.status is Progress.NO_DATA
    assert progress.public_share_status is Progress.ACHIEVED
    # "la part publique" is feminine, "l'objectif" masculine.
    lines = progress.explain("fr").splitlines()
    assert "  part publique : atteinte" in lines
    assert "  public share: achieved" in progress.explain("en").splitlines()


def test_a_governance_objective_without_indicators_cites_gov_1_only() -> None:
    progress = contract_progress(_without_indicators(axis=Axis.GOV), 2010, PARAMS)
    assert progress.checks[1].clauses == ("GOV.1",)


def test_an_objective_without_indicators_does_not_hide_a_public_share_off_track() -> None:
    contract = _contract(
        date(2009, 1, 1),
        date(2011, 12, 31),
        Objective(id="o1", title="International", axis=Axis.ECO_2),
        budgets=(OperatingBudget(year=2011, total=100000, public=80000),),
    )
    progress = contract_progress(contract, 2011, PARAMS)
    assert progress.status is Progress.OFF_TRACK
    assert [f.path for f in progress.missing] == ["objectives.o1.indicators"]


def test_the_explanation_shows_the_objective_s_check_and_question_in_both_languages() -> None:
    progress = contract_progress(_without_indicators(), 2010, PARAMS)
    english = progress.explain()
    french = progress.explain("fr")
    assert (
        english.splitlines()[0]
        == "Performance contract cp, 2010: no data — because of objective o2"
    )
    assert (
        "  [unknown] International: indicators — GOV.1, ECO.2: objective o2 has no indicator: "
        "its progress in 2010 cannot be read"
    ) in english.splitlines()
    assert "(objectives.o2.indicators)" in english
    assert (
        "  [inconnue] International : indicateurs — GOV.1, ECO.2 : l'objectif o2 n'a aucun "
        "indicateur : sa progression en 2010 ne peut être lue"
    ) in french.splitlines()
    assert progress.to_dict()["missing"][0]["path"] == "objectives.o2.indicators"


# -- 4. every failing party is named ------------------------------------------------------------


def _pole() -> Pole:
    return Pole(
        id="moveo",
        name="Mov'eo",
        category=Category.VOCATION_MONDIALE,
        head_office_region="23",
        governing_body=GoverningBody(name="Association Mov'eo"),
    )


def test_a_missing_local_authority_and_a_wrong_signatory_are_both_named() -> None:
    contract = _contract(date(2009, 1, 1), date(2011, 12, 31), authorities=(), body="Société X")
    parties = contract_terms(contract, PARAMS, pole=_pole()).check("gov.parties")
    assert parties.status is Status.NOT_MET
    assert parties.reason.en == (
        "no local authority signs beside Préfet de région and Société X; Société X signs for "
        "the pôle, whose governing body is Association Mov'eo"
    )
    assert parties.reason.fr == (
        "aucune collectivité ne signe aux côtés du préfet de région et de la Société X ; "
        "la Société X signe pour le pôle, dont la structure d'animation est l'Association Mov'eo"
    )


@pytest.mark.parametrize(
    ("authorities", "body", "status", "reason"),
    [
        (
            (),
            "Association Mov'eo",
            Status.NOT_MET,
            "no local authority signs beside Préfet de région and Association Mov'eo",
        ),
        (
            (REGION,),
            "Société X",
            Status.NOT_MET,
            "Société X signs for the pôle, whose governing body is Association Mov'eo",
        ),
        # The body's name is compared without regard to case or surrounding spaces.
        (
            (REGION,),
            "association mov'eo ",
            Status.MET,
            "association mov'eo , Préfet de région and Région",
        ),
    ],
)
def test_a_single_failing_party_or_none_is_reported_alone(
    authorities: tuple[LocalAuthority, ...], body: str, status: Status, reason: str
) -> None:
    contract = _contract(date(2009, 1, 1), date(2011, 12, 31), authorities=authorities, body=body)
    parties = contract_terms(contract, PARAMS, pole=_pole()).check("gov.parties")
    assert (parties.status, parties.reason.en) == (status, reason)


@pytest.mark.parametrize(
    ("authorities", "body", "reason"),
    [
        (
            (),
            "Association Mov'eo",
            "aucune collectivité ne signe aux côtés du préfet de région et de l'Association Mov'eo",
        ),
        (
            (REGION,),
            "Mov'eo",
            "Mov'eo signe pour le pôle, dont la structure d'animation est l'Association Mov'eo",
        ),
        (
            (
                REGION,
                LocalAuthority(id="grenoble", name="Grenoble", level=AuthorityLevel.COMMUNE),
            ),
            "Association Mov'eo",
            "l'Association Mov'eo, le préfet de région, la Région et Grenoble",
        ),
    ],
)
def test_in_french_the_parties_are_named_with_their_articles(
    authorities: tuple[LocalAuthority, ...], body: str, reason: str
) -> None:
    contract = _contract(date(2009, 1, 1), date(2011, 12, 31), authorities=authorities, body=body)
    parties = contract_terms(contract, PARAMS, pole=_pole()).check("gov.parties")
    assert parties.reason.fr == reason


# -- 5. the French explanation says which way an indicator should move -------------------------


def test_the_french_explanation_translates_the_direction_of_each_indicator() -> None:
    contract = _contract(
        date(2009, 1, 1),
        date(2011, 12, 31),
        Objective(
            id="o1",
            title="Grow",
            axis=Axis.ECO_1,
            indicators=(
                _indicator((2009, "110")),
                _indicator((2009, "120"), direction=Direction.DECREASE, ident="i2"),
            ),
        ),
    )
    progress = contract_progress(contract, 2009, PARAMS)
    french = progress.explain("fr")
    assert "référence 100, cible 130 (hausse attendue) ;" in french
    assert "référence 130, cible 100 (baisse attendue) ;" in french
    assert "(increase)" not in french
    assert "(decrease)" not in french
    english = progress.explain()
    assert "baseline 100, target 130 (increase);" in english
    assert "baseline 130, target 100 (decrease);" in english


def test_a_share_just_below_the_limit_does_not_read_as_the_limit_in_french() -> None:
    contract = _contract(
        date(2009, 7, 6),
        date(2012, 7, 5),
        budgets=(OperatingBudget(year=2012, total="300000.00", public="149999.99"),),
    )
    progress = contract_progress(contract, 2012, PARAMS)
    [share] = [c for c in progress.checks if c.key == "gov.public_share"]
    reason = share.reason
    assert reason.fr.replace("\u202f", " ").startswith("≈ 49,999997 % en 2012")
    assert reason.fr.endswith(" : sous 50 %")
