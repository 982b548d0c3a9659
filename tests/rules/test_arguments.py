"""
A caller's slip in the Python API is a WrongTypeError naming the rule and the argument.

A date written as a string, a ``datetime``, a dict where a domain object is
expected, or the arguments given in the wrong order must not escape as an
``AttributeError`` or a comparison ``TypeError`` from deep inside a rule.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from poles_policy.boundary.case import parse_case
from poles_policy.exceptions import InvalidInputError, WrongTypeError
from poles_policy.model.actors import StateBody, StateKind
from poles_policy.model.committees import CoordinationCommittee
from poles_policy.model.contracts import PerformanceContract
from poles_policy.model.cper import Allocation, CperEnvelope
from poles_policy.model.platforms import CallForProjects, InnovationPlatform
from poles_policy.model.poles import Category, LabelEvent, LabelEventKind, Pole
from poles_policy.rules import (
    committees,
    coordination,
    cper,
    fui,
    platforms,
    sme,
    standing,
    steering,
    synergies,
)
from poles_policy.rules._inputs import expect_date, poles_by_id
from poles_policy.rules.relay import (
    assess,
    assess_case,
    bridged_tranches,
    counter_guarantee,
    eligibility,
    prefinanceable,
    relay_cost,
    time_saved,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from poles_policy.parameters import ParameterSet

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "relay-case.json"
CASE = parse_case(EXAMPLE.read_bytes())
REQUEST = CASE.request
ON = date(2009, 3, 16)
POLE = Pole(
    id="axelera",
    name="Axelera",
    category=Category.VOCATION_MONDIALE,
    head_office_region="82",
    history=(LabelEvent(kind=LabelEventKind.LABELLED, on=date(2005, 7, 12), source="example"),),
)
COMMITTEE = CoordinationCommittee(pole_id="axelera")
CALL = CallForProjects(
    id="pfi-1", name="Plates-formes", opens_on=date(2008, 10, 1), closes_on=date(2008, 12, 2)
)
PLATFORM = InnovationPlatform(
    id="pf", name="PF", carrying_pole_ids=("axelera",), investment_budget=0, operating_budget=0
)

ENVELOPE = CperEnvelope(
    id="cper-82-2007",
    region="82",
    period_start=date(2007, 1, 1),
    period_end=date(2013, 12, 31),
    amount="1000000",
)
ALLOCATION = Allocation(ministry="MESR", body="CNRS", year=2010, amount="1000")

CONTRACT = PerformanceContract(
    id="c",
    pole_id="axelera",
    state=StateBody(id="prefet-82", name="Préfet", kind=StateKind.PREFET_DE_REGION),
    governing_body_name="Association Axelera",
    start=date(2009, 1, 1),
    end=date(2011, 12, 31),
)

# (rule, argument named in the message, call with the slip); P stands for the parameters.
SLIPS: list[tuple[str, str, Callable[[ParameterSet], Any]]] = [
    ("contract_progress", "contract", lambda p: steering.contract_progress(POLE, 2010, p)),  # type: ignore[arg-type]
    ("contract_progress", "year", lambda p: steering.contract_progress(CONTRACT, "2010", p)),  # type: ignore[arg-type]
    ("contract_progress", "year", lambda p: steering.contract_progress(CONTRACT, True, p)),  # noqa: FBT003
    ("contract_terms", "params", lambda _p: steering.contract_terms(CONTRACT, None)),  # type: ignore[arg-type]
    ("contract_terms", "pole", lambda p: steering.contract_terms(CONTRACT, p, pole="axelera")),  # type: ignore[arg-type]
    ("cooperation_involvement", "synergies", lambda _p: synergies.cooperation_involvement({})),  # type: ignore[arg-type]
    ("allocate_envelope", "envelope", lambda _p: cper.allocate_envelope("cper-82-2007", [])),  # type: ignore[arg-type]
    ("allocate_envelope", "projects", lambda _p: cper.allocate_envelope(ENVELOPE, "hall")),  # type: ignore[arg-type]
    ("allocate_envelope", r"projects\[0\]", lambda _p: cper.allocate_envelope(ENVELOPE, [{}])),  # type: ignore[list-item]
    (
        "linked_allocation_shares",
        r"allocations\[1\]",
        lambda _p: cper.linked_allocation_shares([ALLOCATION, {"ministry": "MESR"}]),  # type: ignore[list-item]
    ),
    (
        "platform_eligibility",
        "call",
        lambda p: platforms.platform_eligibility(PLATFORM, "pfi-1", p),  # type: ignore[arg-type]
    ),
    ("platform_eligibility", "platform", lambda p: platforms.platform_eligibility(CALL, CALL, p)),  # type: ignore[arg-type]
    ("cdc_study_ceiling", "on", lambda p: platforms.cdc_study_ceiling(REQUEST.amount, p, "2009")),  # type: ignore[arg-type]
    ("eligibility", "request", lambda p: eligibility(CASE, p)),  # type: ignore[arg-type]
    ("eligibility", "params", lambda _p: eligibility(REQUEST, None)),  # type: ignore[arg-type]
    ("assess", "request", lambda p: assess({}, p)),  # type: ignore[arg-type]
    ("assess", "loan", lambda p: assess(REQUEST, p, loan={})),  # type: ignore[arg-type]
    ("assess_case", "case", lambda p: assess_case(REQUEST, p)),  # type: ignore[arg-type]
    ("assess_case", "params", lambda _p: assess_case(CASE, "2009")),  # type: ignore[arg-type]
    ("time_saved", "params", lambda _p: time_saved(REQUEST, "x")),  # type: ignore[arg-type]
    ("time_saved", "loan", lambda p: time_saved(REQUEST, p, loan=CASE)),  # type: ignore[arg-type]
    ("bridged_tranches", "request", lambda p: bridged_tranches(None, p)),  # type: ignore[arg-type]
    ("relay_cost", "loan", lambda p: relay_cost(REQUEST, p, loan=REQUEST)),  # type: ignore[arg-type]
    (
        "counter_guarantee",
        "request",
        lambda p: counter_guarantee(CASE, REQUEST.amount, p),  # type: ignore[arg-type]
    ),
    ("prefinanceable", "on", lambda _p: prefinanceable((), "2009-03-16", REQUEST.amount)),  # type: ignore[arg-type]
    ("sme_status", "on", lambda p: sme.sme_status(REQUEST.applicant, "2009-03-16", p)),  # type: ignore[arg-type]
    ("sme_status", "enterprise", lambda p: sme.sme_status({}, ON, p)),  # type: ignore[arg-type]
    ("sme_defined_on", "params", lambda p: sme.sme_defined_on(ON, p)),  # type: ignore[arg-type]
    ("consortium", "project", lambda p: fui.consortium(None, ON, p)),  # type: ignore[arg-type]
    ("consortium", "on", lambda p: fui.consortium(REQUEST.project, datetime(2009, 3, 16), p)),  # noqa: DTZ001
    ("aid_rate", "actor", lambda p: fui.aid_rate({}, ON, p)),  # type: ignore[arg-type]
    (
        "aid_amount",
        "partner",
        lambda p: fui.aid_amount(REQUEST.applicant, ON, p),  # type: ignore[arg-type]
    ),
    ("first_payment_window", "letter_on", lambda p: fui.first_payment_window(20090302, p)),  # type: ignore[arg-type]
    ("payment_schedule", "letter_on", lambda p: fui.payment_schedule(REQUEST.amount, "x", p)),  # type: ignore[arg-type]
    ("pole_standing", "pole", lambda p: standing.pole_standing("axelera", ON, p)),  # type: ignore[arg-type]
    ("pole_standing", "on", lambda p: standing.pole_standing(POLE, p, ON)),  # type: ignore[arg-type]
    ("coordination_groups", "on", lambda _p: coordination.coordination_groups([POLE], "2010")),  # type: ignore[arg-type]
    (
        "committee_regularity",
        "start",
        lambda p: committees.committee_regularity(COMMITTEE, "2009-07-06", ON, p),  # type: ignore[arg-type]
    ),
    (
        "committee_regularity",
        "committee",
        lambda p: committees.committee_regularity(None, ON, ON, p),  # type: ignore[arg-type]
    ),
]


@pytest.mark.parametrize(
    ("rule", "argument", "call"), SLIPS, ids=[f"{r}-{a}".replace("\\", "") for r, a, _ in SLIPS]
)
def test_a_wrong_argument_type_names_the_rule_and_the_argument(
    params: ParameterSet, rule: str, argument: str, call: Callable[[ParameterSet], Any]
) -> None:
    with pytest.raises(WrongTypeError, match=rf"^{rule}: {argument} must be ") as caught:
        call(params)
    # Both a TypeError, as Python's own functions raise, and an input error, as callers catch.
    assert isinstance(caught.value, TypeError)
    assert isinstance(caught.value, InvalidInputError)


def test_a_date_written_as_a_string_gets_the_way_to_read_it() -> None:
    with pytest.raises(WrongTypeError) as caught:
        expect_date("2009-03-16", "on", "sme_status")
    assert str(caught.value) == (
        "sme_status: on must be a datetime.date, not str '2009-03-16' "
        "(read it with datetime.date.fromisoformat)"
    )


def test_a_datetime_is_refused_where_a_date_is_expected() -> None:
    with pytest.raises(WrongTypeError, match=r"not datetime .*take its \.date\(\)"):
        expect_date(
            datetime(2009, 3, 16, 12, 0),  # noqa: DTZ001
            "on",
            "sme_status",
        )


def test_a_date_subclass_that_is_not_a_datetime_is_a_date() -> None:
    class Day(date):
        pass

    expect_date(Day(2009, 3, 16), "on", "sme_status")


def test_a_long_value_is_shortened_in_the_message() -> None:
    with pytest.raises(WrongTypeError) as caught:
        expect_date("x" * 200, "on", "sme_status")
    # The value is cut to 60 characters, ending in "...".
    assert "'" + "x" * 56 + "..." in str(caught.value)
    assert "x" * 57 not in str(caught.value)


def test_the_right_arguments_still_give_the_rule_s_answer(params: ParameterSet) -> None:
    # The checks add no behaviour for well-typed calls: the example case is eligible.
    assert eligibility(REQUEST, params).outcome.value == "eligible"
    assert assess_case(CASE, params).decision.outcome.value == "eligible"


def test_poles_that_are_not_poles_are_a_wrong_type() -> None:
    with pytest.raises(WrongTypeError, match="is not a Pole"):
        poles_by_id(["axelera"])
    with pytest.raises(WrongTypeError, match="single string"):
        poles_by_id("axelera")
    with pytest.raises(WrongTypeError, match="not a list of pôles"):
        poles_by_id(3)  # type: ignore[arg-type]
