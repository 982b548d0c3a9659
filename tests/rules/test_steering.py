"""Progress of a performance contract (GOV.1, PHASE.2b): indicators, objectives, public share."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from poles_policy.exceptions import InvalidInputError, WrongTypeError
from poles_policy.explain import Check, Outcome, Status
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
from poles_policy.parameters import default_parameters
from poles_policy.rules.steering import Progress, contract_progress, contract_terms
from poles_policy.testing import performance_contracts

PARAMS = default_parameters()
PREFET = StateBody(id="prefet-82", name="Préfet de région", kind=StateKind.PREFET_DE_REGION)
REGION = LocalAuthority(id="region-82", name="Région", level=AuthorityLevel.REGION, region="82")


def _indicator(
    baseline: str,
    target: str,
    *values: tuple[int, str],
    direction: Direction = Direction.INCREASE,
    ident: str = "i1",
) -> Indicator:
    return Indicator(
        id=ident,
        name=f"indicator {ident}",
        unit="count",
        baseline=baseline,
        target=target,
        direction=direction,
        measurements=tuple(Measurement(year=y, value=v) for y, v in values),
    )


def _contract(
    *objectives: Objective,
    budgets: tuple[OperatingBudget, ...] = (),
    authorities: tuple[LocalAuthority, ...] = (REGION,),
    end: date = date(2011, 12, 31),
    signed_on: date | None = date(2009, 7, 6),
) -> PerformanceContract:
    return PerformanceContract(
        id="cp-2009",
        pole_id="minalogic",
        state=PREFET,
        local_authorities=authorities,
        governing_body_name="Association Minalogic",
        signed_on=signed_on,
        start=date(2009, 1, 1),
        end=end,
        objectives=objectives,
        budgets=budgets,
    )


def _one(indicator: Indicator, axis: Axis = Axis.ECO_1) -> PerformanceContract:
    return _contract(Objective(id="o1", title="Grow", axis=axis, indicators=(indicator,)))


# -- one indicator, hand-checked ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("101", Progress.ON_TRACK),  # the line expects 90 + 30 x 1/3 = 100 by the end of 2009
        ("100", Progress.ON_TRACK),
        ("99", Progress.OFF_TRACK),
        ("120", Progress.ACHIEVED),
    ],
)
def test_an_increasing_indicator_against_its_line_in_the_first_year(
    value: str, expected: Progress
) -> None:
    progress = contract_progress(_one(_indicator("90", "120", (2009, value))), 2009, PARAMS)
    assert progress.indicators[0].expected == Decimal(100)
    assert progress.indicators[0].status is expected
    assert progress.status is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("0.58", Progress.ON_TRACK), ("0.59", Progress.OFF_TRACK), ("0.50", Progress.ACHIEVED)],
)
def test_a_decreasing_indicator_must_come_down_to_its_line(value: str, expected: Progress) -> None:
    # From 0.75 to 0.50 over three years: by the end of 2010, 0.75 - 0.25 x 2/3 = 0.58333...
    indicator = _indicator("0.75", "0.50", (2010, value), direction=Direction.DECREASE)
    progress = contract_progress(_one(indicator), 2010, PARAMS)
    assert progress.indicators[0].status is expected


@pytest.mark.parametrize(
    ("value", "expected"), [("33.33", Progress.OFF_TRACK), ("33.34", Progress.ON_TRACK)]
)
def test_the_line_is_compared_exactly_not_through_a_rounded_third(
    value: str, expected: Progress
) -> None:
    progress = contract_progress(_one(_indicator("0", "100", (2009, value))), 2009, PARAMS)
    assert progress.indicators[0].status is expected
    assert progress.indicators[0].attainment == Decimal(value) / 100


def test_an_indicator_that_keeps_its_level_is_achieved_or_off_track() -> None:
    kept = contract_progress(_one(_indicator("50", "50", (2009, "50"))), 2009, PARAMS)
    fell = contract_progress(_one(_indicator("50", "50", (2009, "49"))), 2009, PARAMS)
    assert kept.indicators[0].status is Progress.ACHIEVED
    assert kept.indicators[0].attainment is None
    assert fell.indicators[0].status is Progress.OFF_TRACK


def test_a_year_not_measured_has_no_data_and_asks_for_the_measurement() -> None:
    # 2009 was measured, 2010 was not: the 2009 figure is not carried forward.
    progress = contract_progress(_one(_indicator("90", "120", (2009, "101"))), 2010, PARAMS)
    assert progress.indicators[0].value is None
    assert progress.indicators[0].status is Progress.NO_DATA
    assert progress.checks[0].status is Status.UNKNOWN
    # The 2010 budget is not asked for: its public share is not due before 2011.
    assert [f.path for f in progress.missing] == ["objectives.o1.indicators.i1.measurements"]
    name = "indicator i1"
    question = progress.missing[0].question
    assert question.en == f'What value did the indicator "{name}" reach in 2010?'
    assert (
        question.fr == f"Quelle valeur l'indicateur «\u00a0{name}\u00a0» a-t-il atteinte en 2010 ?"
    )


def test_the_check_cites_gov_1_and_the_objective_s_axis() -> None:
    eco = contract_progress(_one(_indicator("0", "1", (2009, "1"))), 2009, PARAMS)
    gov = contract_progress(_one(_indicator("0", "1", (2009, "1")), Axis.GOV), 2009, PARAMS)
    assert eco.checks[0].clauses == ("GOV.1", "ECO.1")
    assert gov.checks[0].clauses == ("GOV.1",)
    assert eco.checks[0].key == "gov.indicator.o1.i1"


# -- objectives and the contract ----------------------------------------------------------------


def _objective(ident: str, *indicators: Indicator) -> Objective:
    return Objective(id=ident, title=f"objective {ident}", axis=Axis.ECO_2, indicators=indicators)


def test_an_objective_takes_its_least_favourable_indicator() -> None:
    achieved = _indicator("0", "3", (2009, "3"), ident="a")
    on_track = _indicator("0", "3", (2009, "1"), ident="b")
    behind = _indicator("0", "3", (2009, "0"), ident="c")
    unmeasured = _indicator("0", "3", ident="d")
    contract = _contract(
        _objective("all-achieved", achieved),
        _objective("mixed", achieved, on_track),
        _objective("unmeasured", achieved, unmeasured),
        _objective("behind", unmeasured, behind),
        _objective("empty"),
    )
    progress = contract_progress(contract, 2009, PARAMS)
    assert dict(progress.objectives) == {
        "all-achieved": Progress.ACHIEVED,
        "mixed": Progress.ON_TRACK,
        "unmeasured": Progress.NO_DATA,
        "behind": Progress.OFF_TRACK,
        "empty": Progress.NO_DATA,
    }
    assert progress.status is Progress.OFF_TRACK
    assert progress.off_track == ("behind",)


def test_a_contract_without_objectives_has_no_data() -> None:
    assert contract_progress(_contract(), 2009, PARAMS).status is Progress.NO_DATA


# -- the public share (PHASE.2b) ----------------------------------------------------------------


def _budget(year: int, total: str, public: str) -> OperatingBudget:
    return OperatingBudget(year=year, total=total, public=public)


@pytest.mark.parametrize(
    ("year", "public", "status"),
    [
        (2009, "487500", Status.NOT_APPLICABLE),  # 0.75 in year 1: reported, not yet due
        (2011, "292500", Status.MET),  # 0.45 in year 3
        (2011, "325000", Status.NOT_MET),  # exactly 0.5 is not below half
    ],
)
def test_the_public_share_is_due_below_half_from_the_third_year(
    year: int, public: str, status: Status
) -> None:
    contract = _contract(budgets=(_budget(year, "650000", public),))
    progress = contract_progress(contract, year, PARAMS)
    check = progress.checks[-1]
    assert check.key == "gov.public_share"
    assert check.status is status
    assert progress.public_share == Decimal(public) / Decimal(650000)
    assert {use.name for use in check.parameters} == {
        "gov.public_share_max",
        "gov.public_share_horizon_years",
    }


def test_a_zero_budget_has_no_public_share() -> None:
    progress = contract_progress(_contract(budgets=(_budget(2011, "0", "0"),)), 2011, PARAMS)
    assert progress.public_share is None
    # A recorded zero is not a missing fact: the check does not apply, and asks for nothing.
    check = progress.checks[-1]
    assert (check.status, check.informative, check.missing) == (Status.NOT_APPLICABLE, True, ())
    assert "0 / 0 is neither 0 % nor 100 %" in check.reason.en


def test_a_budget_not_recorded_is_asked_for() -> None:
    progress = contract_progress(_contract(budgets=()), 2011, PARAMS)
    check = progress.checks[-1]
    assert check.status is Status.UNKNOWN
    assert [f.path for f in check.missing] == ["budgets"]
    assert [f.path for f in progress.missing][-1] == "budgets"


# -- calendar years -----------------------------------------------------------------------------


def _mid_year(
    *objectives: Objective, budgets: tuple[OperatingBudget, ...] = ()
) -> PerformanceContract:
    """Three years from 6 July 2009: four calendar years, 2009 to 2012."""
    return PerformanceContract(
        id="cp-july",
        pole_id="minalogic",
        state=PREFET,
        local_authorities=(REGION,),
        governing_body_name="Association Minalogic",
        signed_on=date(2009, 7, 6),
        start=date(2009, 7, 6),
        end=date(2012, 7, 5),
        objectives=objectives,
        budgets=budgets,
    )


def test_a_mid_year_contract_is_read_over_the_four_calendar_years_it_spans() -> None:
    members = _indicator("120", "180", (2011, "165"), (2012, "179"))
    contract = _mid_year(_objective("o1", members))
    assert contract_terms(contract, PARAMS).outcome is Outcome.ELIGIBLE
    assert list(contract.years) == [2009, 2010, 2011, 2012]
    # By the end of calendar year k of 4: 120 + 60 x k / 4.
    expected = [
        contract_progress(contract, y, PARAMS).indicators[0].expected for y in contract.years
    ]
    assert expected == [135, 150, 165, 180]
    in_2011 = contract_progress(contract, 2011, PARAMS)
    assert in_2011.indicators[0].status is Progress.ON_TRACK
    assert "calendar year 3 of the 4 the contract spans expects 165" in in_2011.checks[0].reason.en
    # The target is due in 2012, the first calendar year whose figure covers the contract's end.
    assert contract_progress(contract, 2012, PARAMS).indicators[0].status is Progress.OFF_TRACK
    with pytest.raises(
        InvalidInputError,
        match=r"^contract_progress: year: 2013 is not a year of contract 'cp-july' \(2009-2012\)",
    ):
        contract_progress(contract, 2013, PARAMS)


def test_the_public_share_target_applies_from_the_year_its_three_years_end() -> None:
    # From 6 July 2009, three years end on 5 July 2012: the target is due in 2012, calendar
    # year 4, as the indicators' targets are; a 2011 share of 60 % is not yet late.
    contract = _mid_year(
        budgets=(_budget(2011, "100000", "60000"), _budget(2012, "100000", "60000")),
    )
    in_2011 = contract_progress(contract, 2011, PARAMS)
    in_2012 = contract_progress(contract, 2012, PARAMS)
    assert in_2011.checks[-1].status is Status.NOT_APPLICABLE
    assert in_2011.public_share_status is None
    assert (
        "60 % in 2011 (calendar year 3); below 50 % is due from calendar year 4"
        in in_2011.checks[-1].reason.en
    )
    assert in_2012.checks[-1].status is Status.NOT_MET
    assert in_2012.public_share_status is Progress.OFF_TRACK
    assert "60 % in 2012 (calendar year 4): NOT below 50 %" in in_2012.checks[-1].reason.en


def test_the_public_share_target_of_a_calendar_year_contract_applies_in_its_third_year() -> None:
    # From 1 January 2009, three years end on 31 December 2011: due in 2011, calendar year 3.
    contract = _contract(budgets=(_budget(2011, "100", "60"),))
    assert contract_progress(contract, 2011, PARAMS).checks[-1].status is Status.NOT_MET


@given(contract=performance_contracts(), data=st.data())
def test_the_line_uses_the_count_of_calendar_years_its_check_states(
    contract: PerformanceContract, data: st.DataObject
) -> None:
    year = data.draw(st.sampled_from(contract.years))
    progress = contract_progress(contract, year, PARAMS)
    k, n = year - contract.start.year + 1, contract.end.year - contract.start.year + 1
    found = {(p.objective_id, p.indicator_id): p for p in progress.indicators}
    # An objective without indicators has its own check, asking for them: not a line's.
    checks = iter(c for c in progress.checks if c.key.startswith("gov.indicator."))
    for objective in contract.objectives:
        for indicator in objective.indicators:
            read = found[objective.id, indicator.id]
            line = Fraction(indicator.baseline) + (
                Fraction(indicator.target) - Fraction(indicator.baseline)
            ) * Fraction(k, n)
            # Held to 28 significant digits when a third does not terminate.
            assert abs(Fraction(read.expected) - line) <= abs(line) * Fraction(
                1, 10**27
            ) + Fraction(1, 10**20)
            assert f"calendar year {k} of the {n} the contract spans" in next(checks).reason.en


# -- input and output ---------------------------------------------------------------------------


@pytest.mark.parametrize("year", [2008, 2012])
def test_a_year_outside_the_contract_is_refused(year: int) -> None:
    with pytest.raises(
        InvalidInputError, match=r"is not a year of contract 'cp-2009' \(2009-2011\)"
    ):
        contract_progress(_contract(), year, PARAMS)


@pytest.mark.parametrize("year", [True, "2009", 2009.0])
def test_a_year_that_is_not_an_int_is_a_wrong_type(year: object) -> None:
    with pytest.raises(WrongTypeError, match=r"^contract_progress: year must be an int, not "):
        contract_progress(_contract(), year, PARAMS)  # type: ignore[arg-type]


def test_the_explanation_names_each_objective_and_check_in_both_languages() -> None:
    contract = _contract(
        _objective("o1", _indicator("90", "120", (2009, "99"))),
        budgets=(_budget(2009, "650000", "487500"),),
    )
    progress = contract_progress(contract, 2009, PARAMS)
    english = progress.explain()
    french = progress.explain("fr")
    assert english.splitlines()[:3] == [
        "Performance contract cp-2009, 2009: OFF TRACK — because of objective o1",
        "  objective o1: OFF TRACK",
        (
            "  [NOT MET] objective o1: indicator i1 — GOV.1, ECO.2: 99 in 2009: OFF TRACK; "
            "baseline 90, target 120 (increase); calendar year 1 of the 3 the contract "
            "spans expects 100"
        ),
    ]
    assert "(information) — GOV.1, PHASE.2b: 75 % in 2009 (calendar year 1)" in english
    assert "gov.public_share_max = 0.50" in english
    assert french.splitlines()[:3] == [
        "Contrat de performance cp-2009, 2009 : EN RETARD — du fait de l'objectif o1",
        "  objectif o1 : EN RETARD",
        (
            "  [NON REMPLIE] objective o1 : indicator i1 — GOV.1, ECO.2 : 99 en 2009 : EN RETARD ; "
            "référence 90, cible 120 (hausse attendue) ; l'année civile 1 des 3 que couvre le "
            "contrat attend 100"
        ),
    ]
    # The public share as a French percentage, against its target.
    assert (
        "(information) — GOV.1, PHASE.2b : 75 % en 2009 (année civile 1) ; sous 50 % attendu à "
        "partir de l'année civile 3"
    ) in french
    assert "gov.public_share_max = 0,50 (part, depuis le 2009-01-01 ; sourcé)" in french


def _measured(unit: str, baseline: str, target: str, value: str) -> Check:
    indicator = attrs.evolve(
        _indicator(baseline, target, (2010, value), direction=Direction.DECREASE), unit=unit
    )
    return contract_progress(_one(indicator), 2010, PARAMS).checks[0]


@pytest.mark.parametrize(
    ("unit", "baseline", "target", "value", "english"),
    [
        (
            "count",
            "0.75",
            "0.50",
            "0.58",
            (
                "0.58 in 2010: on track; baseline 0.75, target 0.50 (decrease); calendar year 2 "
                "of the 3 the contract spans expects ≈ 0.5833"
            ),
        ),
        (
            "share",
            "0.75",
            "0.50",
            "0.5833",
            (
                "58.33 % in 2010: on track; baseline 75 %, target 50 % (decrease); calendar year "
                "2 of the 3 the contract spans expects ≈ 58.3333 %"
            ),
        ),
        (
            "share",
            "0.75",
            "0.50",
            "0.6",
            (
                "60 % in 2010: OFF TRACK; baseline 75 %, target 50 % (decrease); calendar year 2 "
                "of the 3 the contract spans expects ≈ 58.33 %"
            ),
        ),
        (
            "EUR",
            "200000",
            "100000",
            "150000.5",
            (
                "150000.5 EUR in 2010: OFF TRACK; baseline 200000 EUR, target 100000 EUR "
                "(decrease); calendar year 2 of the 3 the contract spans expects ≈ 133333.33 EUR"
            ),
        ),
        (
            "brevets",
            "0.0020",
            "0.0012",
            "0.0015",
            (
                "0.0015 brevets in 2010: OFF TRACK; baseline 0.0020 brevets, target 0.0012 "
                "brevets (decrease); calendar year 2 of the 3 the contract spans expects "
                "≈ 0.001467 brevets"
            ),
        ),
    ],
)
def test_the_english_figures_take_their_unit_and_a_rounded_trajectory_as_the_french_do(
    unit: str, baseline: str, target: str, value: str, english: str
) -> None:
    check = _measured(unit, baseline, target, value)
    assert check.reason.en == english


@pytest.mark.parametrize(
    ("unit", "baseline", "target", "value", "french"),
    [
        # Calendar year 2 of 3: 0.75 + (0.50 - 0.75) * 2 / 3 = 0.58333...: rounded for display.
        (
            "count",
            "0.75",
            "0.50",
            "0.58",
            (
                "0,58 en 2010 : en bonne voie ; référence 0,75, cible 0,50 (baisse attendue) ; "
                "l'année civile 2 des 3 que couvre le contrat attend ≈ 0,5833"
            ),
        ),
        # Rounded to 0.01 %, 58.3333... % would read as the 58.33 % measured: more digits.
        (
            "share",
            "0.75",
            "0.50",
            "0.5833",
            (
                "58,33 % en 2010 : en bonne voie ; référence 75 %, cible 50 % (baisse attendue) ; "
                "l'année civile 2 des 3 que couvre le contrat attend ≈ 58,3333 %"
            ),
        ),
        # A share is a percentage, rounded to 0.01 %.
        (
            "share",
            "0.75",
            "0.50",
            "0.6",
            (
                "60 % en 2010 : EN RETARD ; référence 75 %, cible 50 % (baisse attendue) ; "
                "l'année civile 2 des 3 que couvre le contrat attend ≈ 58,33 %"
            ),
        ),
        # An amount in euros, grouped the French way.
        (
            "EUR",
            "200000",
            "100000",
            "150000.5",
            (
                "150\u202f000,5 € en 2010 : EN RETARD ; référence 200\u202f000 €, cible "
                "100\u202f000 € (baisse attendue) ; l'année civile 2 des 3 que couvre le contrat "
                "attend ≈ 133\u202f333,33 €"
            ),
        ),
        # Any other unit follows the figure; the rounding keeps the digits the figures have, and
        # more when the measured figure would read as the trajectory it fails.
        (
            "brevets",
            "0.0020",
            "0.0012",
            "0.0015",
            (
                "0,0015 brevets en 2010 : EN RETARD ; référence 0,0020 brevets, cible "
                "0,0012 brevets (baisse attendue) ; l'année civile 2 des 3 que couvre le contrat "
                "attend ≈ 0,001467 brevets"
            ),
        ),
    ],
)
def test_the_french_figures_take_a_decimal_comma_their_unit_and_a_rounded_trajectory(
    unit: str, baseline: str, target: str, value: str, french: str
) -> None:
    check = _measured(unit, baseline, target, value)
    assert check.reason.fr == french


def test_the_trajectory_stays_exact_in_the_json_and_is_rounded_in_both_explanations() -> None:
    progress = contract_progress(
        _one(_indicator("0.75", "0.50", (2010, "0.58"), direction=Direction.DECREASE)),
        2010,
        PARAMS,
    )
    assert progress.to_dict()["indicators"][0]["expected"] == "0.5833333333333333333333333333"
    assert progress.indicators[0].expected == Decimal("0.5833333333333333333333333333")
    assert progress.checks[0].reason.en.endswith(
        "calendar year 2 of the 3 the contract spans expects ≈ 0.5833"
    )
    # A value of the trajectory that is exact is shown as it is, without "≈".
    final = contract_progress(
        _one(_indicator("0.75", "0.50", (2011, "0.58"), direction=Direction.DECREASE)),
        2011,
        PARAMS,
    )
    assert final.checks[0].reason.fr.endswith("que couvre le contrat attend 0,50")
    assert final.checks[0].reason.en.endswith("the contract spans expects 0.50")


def test_a_target_of_28_digits_gives_an_exact_trajectory_and_its_accounts() -> None:
    # From 0 to nearly 10^27: the products of the difference take more than 28 digits, held
    # exactly (a 28-digit context failed here with InvalidOperation, and rounded the products).
    target = "999999999999999999999999999.9"
    progress = contract_progress(
        _one(_indicator("0", target, (2010, "1"), direction=Direction.INCREASE)), 2010, PARAMS
    )
    expected = Decimal("666666666666666666666666666.6")
    assert progress.indicators[0].expected == expected
    assert progress.indicators[0].status is Progress.OFF_TRACK
    check = progress.checks[0]
    assert check.reason.en.endswith(f"expects {expected}")
    assert check.reason.fr.endswith("attend 666666666666666666666666666,6")
    # One more step and the measured value sits on the line: exact products, not rounded ones.
    on_line = contract_progress(
        _one(_indicator("0", target, (2010, str(expected)), direction=Direction.INCREASE)),
        2010,
        PARAMS,
    )
    assert on_line.indicators[0].status is Progress.ON_TRACK
    # The trajectory is one quotient, rounded once: exact when it terminates within 28 digits.
    wide, third = "9" * 28, "3" * 28
    below = str(int(third) - 1)
    above = contract_progress(
        _one(_indicator(f"-{wide}", wide, (2010, below), direction=Direction.INCREASE)),
        2010,
        PARAMS,
    )
    assert above.indicators[0].expected == Decimal(third)
    assert above.indicators[0].status is Progress.OFF_TRACK  # one below the line
    assert above.checks[0].reason.en.endswith("expects 3333333333333333333333333333")


def test_figures_written_with_an_exponent_read_plainly_in_english_as_in_french() -> None:
    # Decimals given as "1E+3" printed "1E+3" in English, "1 000" in French and the JSON.
    progress = contract_progress(
        _one(_indicator("1E+3", "2.50E+3", (2010, "1.5E+3"))), 2010, PARAMS
    )
    english = progress.checks[0].reason.en
    assert english.startswith("1500 in 2010: ")
    assert "baseline 1000, target 2500 (increase)" in english
    assert "E+" not in english


@pytest.mark.parametrize(
    ("public", "french"),
    [
        ("292500", "45 % en 2011 (année civile 3) : sous 50 %"),
        ("325000", "50 % en 2011 (année civile 3) : PAS sous 50 %"),
        # 2/3 is held to 28 digits: shown rounded to 0.01 % and marked.
        ("433333.33", "≈ 66,67 % en 2011 (année civile 3) : PAS sous 50 %"),
    ],
)
def test_the_french_public_share_is_a_percentage(public: str, french: str) -> None:
    progress = contract_progress(
        _contract(budgets=(_budget(2011, "650000", public),)), 2011, PARAMS
    )
    assert progress.checks[-1].reason.fr == french


# -- properties ---------------------------------------------------------------------------------

_RANK = {Progress.OFF_TRACK: 0, Progress.ON_TRACK: 1, Progress.ACHIEVED: 2}
values = st.decimals(min_value=-1000, max_value=1000, places=2)


@given(
    baseline=values,
    span=st.decimals(min_value=0, max_value=500, places=2),
    low=values,
    rise=st.decimals(min_value=0, max_value=500, places=2),
    year=st.sampled_from([2009, 2010, 2011]),
    increase=st.booleans(),
)
def test_a_better_measurement_never_gives_a_worse_status(
    baseline: Decimal, span: Decimal, low: Decimal, rise: Decimal, year: int, increase: bool
) -> None:
    direction = Direction.INCREASE if increase else Direction.DECREASE
    target = baseline + span if increase else baseline - span
    better = low + rise if increase else low - rise
    statuses = []
    for value in (low, better):
        indicator = Indicator(
            id="i",
            name="i",
            unit="count",
            baseline=baseline,
            target=target,
            direction=direction,
            measurements=(Measurement(year=year, value=value),),
        )
        progress = contract_progress(_one(indicator), year, PARAMS)
        statuses.append(progress.indicators[0].status)
        reached = value >= target if increase else value <= target
        assert (progress.indicators[0].status is Progress.ACHIEVED) == reached
        assert (progress.checks[0].status is Status.MET) == (
            progress.indicators[0].status is not Progress.OFF_TRACK
        )
    assert _RANK[statuses[1]] >= _RANK[statuses[0]]


# -- the contract's terms (GOV.1) ---------------------------------------------------------------


def _pole(body: str | None = "Association Minalogic", ident: str = "minalogic") -> Pole:
    return Pole(
        id=ident,
        name=ident.title(),
        category=Category.MONDIAL,
        head_office_region="82",
        governing_body=None if body is None else GoverningBody(name=body),
    )


def test_a_three_year_contract_signed_by_the_pole_the_state_and_a_region_has_its_terms() -> None:
    decision = contract_terms(_contract(), PARAMS, pole=_pole())
    assert decision.outcome is Outcome.ELIGIBLE
    assert [c.key for c in decision.checks] == ["gov.parties", "gov.period", "gov.signed"]
    assert decision.check("gov.parties").clauses == ("GOV.1", "PHASE.2c")
    assert decision.check("gov.period").parameters[0].name == "gov.contract_years"


def test_a_contract_without_a_local_authority_lacks_a_party() -> None:
    decision = contract_terms(_contract(authorities=()), PARAMS)
    assert decision.outcome is Outcome.INELIGIBLE
    assert [c.key for c in decision.failed] == ["gov.parties"]


def test_the_signatory_must_be_the_pole_s_governing_body_when_it_is_known() -> None:
    other = contract_terms(_contract(), PARAMS, pole=_pole("Minalogic Partenaires"))
    unknown = contract_terms(_contract(), PARAMS, pole=_pole(None))
    assert [c.key for c in other.failed] == ["gov.parties"]
    assert "Minalogic Partenaires" in other.check("gov.parties").reason.en
    assert unknown.outcome is Outcome.ELIGIBLE


@pytest.mark.parametrize(
    ("end", "outcome"),
    [
        (date(2011, 12, 31), Outcome.ELIGIBLE),
        # Extended to the end of Phase 2 (CIADT of 11 May 2010), as Mov'eo's reads 2009/2012.
        (date(2012, 12, 31), Outcome.ELIGIBLE),
        (date(2011, 12, 30), Outcome.INELIGIBLE),
    ],
)
def test_a_contract_runs_three_years_from_its_first_day(end: date, outcome: Outcome) -> None:
    assert contract_terms(_contract(end=end), PARAMS).outcome is outcome


def test_a_reform_can_make_contracts_four_years_long() -> None:
    four = PARAMS.override("gov.contract_years", 4)
    assert contract_terms(_contract(end=date(2012, 12, 31)), four).outcome is Outcome.ELIGIBLE


def test_an_unknown_signing_date_leaves_the_terms_undetermined_and_asks_for_it() -> None:
    decision = contract_terms(_contract(signed_on=None), PARAMS)
    assert decision.outcome is Outcome.UNDETERMINED
    assert [f.path for f in decision.missing] == ["contract.signed_on"]


def test_a_contract_signed_after_its_start_has_its_terms() -> None:
    # The Rhône-Alpes contracts for 2009-2011 were signed on 6 July 2009.
    decision = contract_terms(_contract(signed_on=date(2009, 7, 6)), PARAMS)
    assert decision.check("gov.signed").status is Status.MET
    assert decision.check("gov.signed").reason.en == "signed on 2009-07-06"


def test_a_signing_date_after_the_end_never_reaches_the_terms() -> None:
    with pytest.raises(
        InvalidInputError, match=r"signed_on: 2030-01-01 is after the contract's end"
    ):
        _contract(signed_on=date(2030, 1, 1))


def test_another_pole_is_refused() -> None:
    with pytest.raises(InvalidInputError, match="'lyonbiopole' is not the pôle of contract"):
        contract_terms(_contract(), PARAMS, pole=_pole(ident="lyonbiopole"))


def test_the_progress_as_json_keeps_exact_figures() -> None:
    progress = contract_progress(_one(_indicator("90", "120", (2009, "95"))), 2009, PARAMS)
    data = progress.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["status"] == progress.status.value
    assert data["indicators"][0]["expected"] == "100"
    assert data["off_track"] == list(progress.off_track)
    assert data["objectives"] == [[oid, status.value] for oid, status in progress.objectives]
    assert data["public_share_status"] is None


def test_the_progress_as_json_gives_the_public_share_s_status_when_it_counts() -> None:
    contract = _contract(
        _objective("o1", _indicator("0", "3", (2011, "3"))),
        budgets=(_budget(2011, "100000", "80000"),),
    )
    data = contract_progress(contract, 2011, PARAMS).to_dict()
    assert (data["status"], data["public_share_status"], data["public_share"]) == (
        "off_track",
        "off_track",
        "0.8",
    )


# -- the contract's status counts the public share once its target applies (GOV.1, PHASE.2b) ----


def _reached(*budgets: OperatingBudget, year: int = 2011) -> PerformanceContract:
    """A contract whose only indicator reached its target in *year*."""
    return _contract(_objective("o1", _indicator("100", "130", (year, "140"))), budgets=budgets)


def test_an_achieved_contract_is_off_track_when_its_public_share_misses_its_target() -> None:
    progress = contract_progress(_reached(_budget(2011, "100000", "80000")), 2011, PARAMS)
    assert dict(progress.objectives) == {"o1": Progress.ACHIEVED}
    assert progress.checks[-1].status is Status.NOT_MET
    assert progress.public_share_status is Progress.OFF_TRACK
    assert progress.status is Progress.OFF_TRACK
    # No objective is off track: the public share is.
    assert progress.off_track == ()
    assert progress.explain().splitlines()[:3] == [
        "Performance contract cp-2009, 2011: OFF TRACK — because of the public share",
        "  objective o1: achieved",
        "  public share: OFF TRACK",
    ]
    assert (
        progress.explain("fr").splitlines()[0].endswith("EN RETARD — du fait de la part publique")
    )


def test_a_contract_is_achieved_only_with_its_public_share_below_its_target() -> None:
    progress = contract_progress(_reached(_budget(2011, "100000", "45000")), 2011, PARAMS)
    assert progress.public_share_status is Progress.ACHIEVED
    assert progress.status is Progress.ACHIEVED
    assert progress.explain().splitlines()[0] == (
        "Performance contract cp-2009, 2011: achieved — every objective achieved and the public "
        "share below its target"
    )


def test_the_public_share_does_not_count_before_its_target_applies() -> None:
    # 75 % in 2009, the first year: reported, not yet due, so the contract is achieved.
    progress = contract_progress(
        _reached(_budget(2009, "650000", "487500"), year=2009), 2009, PARAMS
    )
    assert progress.checks[-1].status is Status.NOT_APPLICABLE
    assert progress.public_share_status is None
    assert progress.status is Progress.ACHIEVED
    assert progress.explain().splitlines()[0] == (
        "Performance contract cp-2009, 2009: achieved — every objective achieved"
    )


def test_a_budget_not_recorded_when_the_target_applies_leaves_the_contract_without_data() -> None:
    progress = contract_progress(_reached(), 2011, PARAMS)
    assert progress.public_share_status is Progress.NO_DATA
    assert progress.status is Progress.NO_DATA
    assert progress.explain().splitlines()[0].endswith("no data — because of the public share")
    assert [f.path for f in progress.missing] == ["budgets"]


def test_a_budget_not_recorded_before_the_target_applies_is_not_asked_for() -> None:
    # The budget could not change the status yet: it is not a fact to provide.
    progress = contract_progress(_reached(year=2010), 2010, PARAMS)
    assert progress.public_share_status is None
    assert progress.status is Progress.ACHIEVED
    assert progress.checks[-1].status is Status.NOT_APPLICABLE
    assert progress.checks[-1].informative
    assert "budgets" not in [fact.path for fact in progress.missing]
    assert "due from calendar year 3" in progress.checks[-1].reason.en


def test_a_zero_budget_does_not_count_in_the_status() -> None:
    progress = contract_progress(_reached(_budget(2011, "0", "0")), 2011, PARAMS)
    assert progress.public_share_status is None
    assert progress.status is Progress.ACHIEVED


@pytest.mark.parametrize(
    ("public", "status", "why"),
    [
        ("80000", Progress.OFF_TRACK, "because of the public share"),
        ("45000", Progress.NO_DATA, "because of the absence of objectives"),
    ],
)
def test_a_contract_without_objectives_has_no_data_unless_its_public_share_is_off_track(
    public: str, status: Progress, why: str
) -> None:
    progress = contract_progress(
        _contract(budgets=(_budget(2011, "100000", public),)), 2011, PARAMS
    )
    assert progress.status is status
    assert progress.explain().splitlines()[0].endswith(why)


def test_the_explanation_names_every_part_that_sets_the_status() -> None:
    contract = _contract(
        _objective("o1", _indicator("0", "3", (2011, "1"), ident="a")),
        _objective("o2", _indicator("0", "3", (2011, "3"), ident="b")),
        _objective("o3", _indicator("0", "3", (2011, "2"), ident="c")),
        budgets=(_budget(2011, "100000", "60000"),),
    )
    progress = contract_progress(contract, 2011, PARAMS)
    assert progress.off_track == ("o1", "o3")
    assert progress.explain().splitlines()[0] == (
        "Performance contract cp-2009, 2011: OFF TRACK — because of objectives o1, o3 and the "
        "public share"
    )
    assert (
        progress.explain("fr")
        .splitlines()[0]
        .endswith("du fait des objectifs o1, o3 et de la part publique")
    )


@given(contract=performance_contracts(), data=st.data())
def test_a_contract_is_never_achieved_while_its_public_share_misses_a_target_that_applies(
    contract: PerformanceContract, data: st.DataObject
) -> None:
    year = data.draw(st.sampled_from(contract.years))
    progress = contract_progress(contract, year, PARAMS)
    share = progress.checks[-1]
    objectives = [status for _, status in progress.objectives]
    if share.status is Status.NOT_MET:
        assert progress.status is Progress.OFF_TRACK
    if progress.status is Progress.ACHIEVED:
        assert objectives
        assert all(status is Progress.ACHIEVED for status in objectives)
        assert share.status is not Status.NOT_MET
    # The share counts from calendar year 3 of the contract, unless the budget is zero.
    due = year - contract.start.year + 1 >= 3
    assert (progress.public_share_status is None) == (
        not due or share.status is Status.NOT_APPLICABLE
    )


def test_a_signatory_region_that_did_not_exist_at_the_start_is_an_input_error() -> None:
    # "84" is Auvergne-Rhône-Alpes, a region from 2016: a 2009 contract cannot name it.
    merged = LocalAuthority(id="ara", name="Région", level=AuthorityLevel.REGION, region="84")
    with pytest.raises(
        InvalidInputError,
        match=(
            r"^contract\.local_authorities\[0\]\.region: region code '84' did not exist on "
            r"2009-01-01 \(valid from 2016-01-01\), the contract's first day$"
        ),
    ):
        contract_terms(_contract(authorities=(merged,)), PARAMS)
    prefet = StateBody(id="prefet-84", name="Préfet", kind=StateKind.PREFET_DE_REGION, region="84")
    contract = attrs.evolve(_contract(), state=prefet)
    with pytest.raises(InvalidInputError, match=r"^contract\.state\.region: region code '84'"):
        contract_terms(contract, PARAMS)
    # The region of the period is accepted.
    assert contract_terms(_contract(), PARAMS).outcome is Outcome.ELIGIBLE
