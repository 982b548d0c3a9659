"""
Wrong arguments to the public API get the library's errors, naming what is wrong.

Each call below raised an AttributeError, a bare TypeError from deep inside, a
decimal.InvalidOperation or an OverflowError, or was accepted and gave a wrong result.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs
import pytest

from poles_policy import dates
from poles_policy.data import rhone_alpes_poles
from poles_policy.data.demo import demo_cases
from poles_policy.exceptions import InvalidInputError, WrongTypeError
from poles_policy.model.actors import Accounts
from poles_policy.model.contracts import Measurement, OperatingBudget
from poles_policy.model.regions import existed_by
from poles_policy.parameters import default_parameters
from poles_policy.rules.relay import assess_case, relay_cost
from poles_policy.rules.relay.eligibility import prefinanceable
from poles_policy.rules.relay.evaluation import compare, evaluate_portfolio

if TYPE_CHECKING:
    from collections.abc import Callable

PARAMS = default_parameters()
DAY = date(2009, 7, 1)
CASE = demo_cases()[0]
ACCOUNTS = Accounts(period_end=date(2008, 12, 31), staff_awu=10, turnover=1, balance_sheet=1)

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
        r"^staff_awu: Decimal\('NaN'\) is not a finite number$",
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


@pytest.mark.parametrize("call", sorted(CALLS))
def test_a_wrong_argument_gets_the_library_s_error_naming_it(call: str) -> None:
    function, error, message = CALLS[call]
    with pytest.raises(error, match=message):
        function()


def test_a_whole_float_of_months_is_still_taken_as_relativedelta_takes_it() -> None:
    assert dates.add_months(date(2009, 1, 31), 1.0) == date(2009, 2, 28)  # type: ignore[arg-type]
