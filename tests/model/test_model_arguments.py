"""
Wrong arguments to the domain model get the library's errors, naming what is wrong.

Each call below raised an AttributeError or a bare TypeError from deep inside
(``'<=' not supported``, ``'NoneType' object has no attribute 'isprintable'``).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

import attrs
import pytest

from poles_policy.boundary.case import CaseLoanModel
from poles_policy.data import rhone_alpes_poles
from poles_policy.data.demo import demo_cases
from poles_policy.exceptions import InvalidInputError, WrongTypeError
from poles_policy.model import _assembly
from poles_policy.model._validators import readable
from poles_policy.model.actors import CooperationKind
from poles_policy.model.committees import CoordinationCommittee
from poles_policy.model.poles import Category, Pole
from poles_policy.model.projects import Funder
from poles_policy.model.regions import (
    Region,
    RegionKind,
    all_regions,
    is_region_code,
    region,
    regions_on,
    successor,
)
from poles_policy.model.relay import check_principal
from poles_policy.parameters import DatedValue, default_parameters

if TYPE_CHECKING:
    from collections.abc import Callable

DAY = date(2009, 7, 6)
MIDNIGHT = datetime(2009, 7, 6)  # noqa: DTZ001 - a naive datetime is what a caller slips in
CASE = demo_cases()[0]
POLE = rhone_alpes_poles()[0]
RHONE_ALPES = region("82", DAY)
COMMITTEE = CoordinationCommittee(pole_id="minalogic", planned="FREQ=MONTHLY;INTERVAL=6")


def _pilot() -> DatedValue:
    value = default_parameters().at("relay.pilot_regions", DAY)
    assert value is not None, "the relay pilot has regions in 2009"
    return value


def _loan() -> CaseLoanModel:
    assert CASE.loan is not None, "the first demo case has a loan"
    return CaseLoanModel.from_domain(CASE.loan)


FROM_ISO = r" \(read it with datetime\.date\.fromisoformat\)$"
TAKE_DATE = r" \(take its \.date\(\)\)$"

CALLS: dict[str, tuple[Callable[[], object], type[Exception], str]] = {
    # 1. regions
    "Region.is_valid_on('2009-03-16')": (
        lambda: RHONE_ALPES.is_valid_on("2009-03-16"),  # type: ignore[arg-type]
        WrongTypeError,
        r"^Region\.is_valid_on: on must be a datetime\.date, not str '2009-03-16'" + FROM_ISO,
    ),
    "region('82', None)": (
        lambda: region("82", None),  # type: ignore[arg-type]
        WrongTypeError,
        r"^region: on must be a datetime\.date, not NoneType None$",
    ),
    "region('11', 1.5)": (  # a record without dates compares nothing
        lambda: region("11", 1.5),  # type: ignore[arg-type]
        WrongTypeError,
        r"^region: on must be a datetime\.date, not float 1\.5$",
    ),
    "successor('82', datetime)": (
        lambda: successor("82", MIDNIGHT),
        WrongTypeError,
        r"^successor: on_or_after must be a datetime\.date, not datetime "
        r"datetime\.datetime\(2009, 7, 6, 0, 0\)" + TAKE_DATE,
    ),
    "regions_on([])": (
        lambda: regions_on([]),  # type: ignore[arg-type]
        WrongTypeError,
        r"^regions_on: on must be a datetime\.date, not list \[\]$",
    ),
    "Region(kind='historic')": (
        lambda: attrs.evolve(RHONE_ALPES, kind="historic"),  # type: ignore[arg-type]
        WrongTypeError,
        r"^Region\.kind: 'historic' is not of type RegionKind$",
    ),
    "Region(valid_from='2009-01-01')": (
        lambda: Region(code="11", name="IDF", kind=RegionKind.CONTINUING, valid_from="2009-01-01"),  # type: ignore[arg-type]
        WrongTypeError,
        r"^Region\.valid_from: '2009-01-01' is not a datetime\.date" + FROM_ISO,
    ),
    "Region(valid_until=datetime)": (
        lambda: attrs.evolve(RHONE_ALPES, valid_until=MIDNIGHT),
        WrongTypeError,
        r"^Region\.valid_until: datetime\.datetime\(2009, 7, 6, 0, 0\) is not a datetime\.date"
        + TAKE_DATE,
    ),
    # 2. poles
    "Pole.is_labelled_on(None)": (
        lambda: POLE.is_labelled_on(None),  # type: ignore[arg-type]
        WrongTypeError,
        r"^Pole\.is_labelled_on: on must be a datetime\.date, not NoneType None$",
    ),
    "Pole.last_event('2009-03-16')": (
        lambda: POLE.last_event("2009-03-16"),  # type: ignore[arg-type]
        WrongTypeError,
        r"^Pole\.last_event: on must be a datetime\.date, not str '2009-03-16'" + FROM_ISO,
    ),
    "Pole(history=()).last_event(datetime)": (  # an empty history compares nothing
        lambda: Pole(
            id="p", name="P", category=Category.NATIONAL, head_office_region="82"
        ).last_event(MIDNIGHT),
        WrongTypeError,
        r"^Pole\.last_event: on must be a datetime\.date, not datetime " + r".*" + TAKE_DATE,
    ),
    # 3. committees
    "planned_dates(None, d)": (
        lambda: COMMITTEE.planned_dates(None, DAY),  # type: ignore[arg-type]
        WrongTypeError,
        (
            r"^CoordinationCommittee\.planned_dates: start must be a datetime\.date, "
            r"not NoneType None$"
        ),
    ),
    "planned_dates(d, '2010-12-31')": (
        lambda: COMMITTEE.planned_dates(DAY, "2010-12-31"),  # type: ignore[arg-type]
        WrongTypeError,
        r"^CoordinationCommittee\.planned_dates: end must be a datetime\.date, "
        r"not str '2010-12-31'" + FROM_ISO,
    ),
    "CoordinationCommittee(planned=datetime)": (
        lambda: CoordinationCommittee(pole_id="minalogic", planned=MIDNIGHT),  # type: ignore[arg-type]
        WrongTypeError,
        (
            r"^CoordinationCommittee\.planned: datetime\.datetime\(2009, 7, 6, 0, 0\) is not a "
            r"string; give an RFC 5545 RRULE such as 'FREQ=MONTHLY;INTERVAL=6', or None$"
        ),
    ),
    # 4. relay
    "check_principal(None, request)": (
        lambda: check_principal(None, CASE.request),  # type: ignore[arg-type]
        WrongTypeError,
        r"^check_principal: loan must be a RelayLoan, not NoneType None$",
    ),
    "check_principal(loan, None)": (
        lambda: check_principal(CASE.loan, None),  # type: ignore[arg-type]
        WrongTypeError,
        r"^check_principal: request must be a RelayRequest, not NoneType None$",
    ),
    "check_principal(request, loan)": (
        lambda: check_principal(CASE.request, CASE.loan),  # type: ignore[arg-type]
        WrongTypeError,
        r"^check_principal: loan must be a RelayLoan, not RelayRequest RelayRequest\(id=.*\.\.\.$",
    ),
    # 5. ids and names that are not strings, through the builders of the JSON boundary
    "CaseLoanModel.to_domain(request_id=None)": (
        lambda: _loan().to_domain(None),  # type: ignore[arg-type]
        WrongTypeError,
        r"^RelayLoan\.request_id: None is not a string$",
    ),
    "pole_label(pole_id=None)": (
        lambda: _assembly.pole_label(pole_id=None, labelled_on=None),  # type: ignore[arg-type]
        WrongTypeError,
        r"^PoleLabel\.pole_id: None is not a string$",
    ),
    "aid_decision(scheme=None)": (
        lambda: _assembly.aid_decision(
            funder=Funder.STATE,
            scheme=None,  # type: ignore[arg-type]
            call=None,
            decided_on=None,
            partners=(),
        ),
        WrongTypeError,
        r"^AidDecision\.scheme: None is not a string$",
    ),
    "aid_decision(call=1)": (
        lambda: _assembly.aid_decision(
            funder=Funder.STATE,
            scheme="FUI",
            call=1,  # type: ignore[arg-type]
            decided_on=None,
            partners=(),
        ),
        WrongTypeError,
        r"^AidDecision\.call: 1 is not a string$",
    ),
    "bank(name=None)": (
        lambda: _assembly.bank(id="b", name=None),  # type: ignore[arg-type]
        WrongTypeError,
        r"^Bank\.name: None is not a string$",
    ),
    "cooperation_structure(founders=(None,))": (
        lambda: _assembly.cooperation_structure(
            id="c",
            name="C",
            kind=next(iter(CooperationKind)),
            founders=(None,),  # type: ignore[arg-type]
        ),
        WrongTypeError,
        r"^CooperationStructure\.founders\[0\]: None is not a string$",
    ),
    "relay_case(case_id=None)": (
        lambda: _assembly.relay_case(case_id=None, request=CASE.request, loan=None),  # type: ignore[arg-type]
        WrongTypeError,
        r"^RelayCase\.case_id: None is not a string$",
    ),
    # 6. parameters
    "DatedValue.contains('2009-03-16')": (
        lambda: _pilot().contains("2009-03-16"),  # type: ignore[arg-type]
        WrongTypeError,
        r"^DatedValue\.contains: on must be a datetime\.date, not str '2009-03-16'" + FROM_ISO,
    ),
    "DatedValue.contains(datetime)": (
        lambda: _pilot().contains(MIDNIGHT),
        WrongTypeError,
        r"^DatedValue\.contains: on must be a datetime\.date, not datetime " + r".*" + TAKE_DATE,
    ),
}


@pytest.mark.parametrize("call", sorted(CALLS))
def test_a_wrong_argument_gets_the_library_s_error_naming_it(call: str) -> None:
    function, error, message = CALLS[call]
    assert issubclass(error, InvalidInputError)
    with pytest.raises(error, match=message):
        function()


@pytest.mark.parametrize("code", [None, 82, ["82"], b"82", 8.2])
def test_a_region_code_that_is_not_a_string_is_just_not_one(code: object) -> None:
    assert is_region_code(code) is False


@pytest.mark.parametrize("text", [None, 1, b"acme", ["acme"]])
def test_a_text_that_is_not_a_string_is_not_readable(text: object) -> None:
    assert readable(text) is False  # type: ignore[arg-type]


class _Day(date):
    """A subclass of date that is not a datetime: still a day."""


def test_a_subclass_of_date_is_still_a_day() -> None:
    day = _Day(2009, 7, 6)
    assert region("82", day) == RHONE_ALPES
    assert successor("82", _Day(2017, 1, 1)).code == "84"
    assert RHONE_ALPES in regions_on(day)
    assert all(r.is_valid_on(day) == r.is_valid_on(DAY) for r in all_regions())
    assert POLE.is_labelled_on(day) == POLE.is_labelled_on(DAY)
    assert POLE.last_event(day) == POLE.last_event(DAY)
    assert COMMITTEE.planned_dates(day, _Day(2010, 1, 6)) == (DAY, date(2010, 1, 6))
    assert _pilot().contains(day)


@pytest.mark.parametrize("kind", [set, frozenset])
def test_a_set_is_refused_where_the_items_keep_the_order_given(kind: type) -> None:
    # A set's order changes with the process's string hashing: the object's equality and its
    # JSON form would change with it (two runs would not agree on the order of a file's pôles).
    with pytest.raises(WrongTypeError, match=r"Pole\.themes: a set has no order"):
        Pole(
            id="axelera",
            name="Axelera",
            category=Category.VOCATION_MONDIALE,
            head_office_region="82",
            themes=kind({"chemistry", "environment"}),
        )
    with pytest.raises(WrongTypeError, match=r"CoordinationCommittee\.members: a set has no"):
        CoordinationCommittee(pole_id="axelera", members=kind())
