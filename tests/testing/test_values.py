"""The value strategies: amounts, rates, dates and regions, and their arguments."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from poles_policy.exceptions import InvalidInputError, WrongTypeError
from poles_policy.model.projects import PartnerAid
from poles_policy.model.relay import RelayLoan
from poles_policy.money import Eur, Rate
from poles_policy.testing import eur_amounts, policy_dates, rates, region_codes, regions

if TYPE_CHECKING:
    from tests.testing.conftest import Tally


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"min_value": 0.1}, WrongTypeError, r"eur_amounts\(min_value=0\.1\): .* not a float"),
        ({"max_value": True}, WrongTypeError, r"eur_amounts\(max_value=True\)"),
        ({"min_value": "1,50"}, InvalidInputError, r"'1,50' is not a decimal number"),
        ({"min_value": "0.105"}, InvalidInputError, r"has more than two decimals"),
        ({"min_value": "-5"}, InvalidInputError, r"euro amounts are never negative"),
        ({"max_value": "NaN"}, InvalidInputError, r"eur_amounts\(max_value='NaN'\)"),
        (
            {"min_value": "5", "max_value": "1"},
            InvalidInputError,
            r"min_value=5\.00 is above max_value=1\.00",
        ),
    ],
)
def test_bad_amount_bounds_are_refused_naming_the_argument(
    kwargs: dict[str, Any], error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        eur_amounts(**kwargs)


@settings(max_examples=30)
@given(eur_amounts(min_value=Decimal("0.10"), max_value=1))
def test_amount_bounds_may_be_decimals_strings_or_ints(amount: Eur) -> None:
    assert Decimal("0.10") <= amount <= 1
    assert amount == amount.quantize(Decimal("0.01"))


@settings(max_examples=50)
@given(st.from_type(Rate))
def test_rate_is_registered_for_from_type_as_an_exact_share(value: Rate) -> None:
    assert value.is_finite()
    assert 0 <= value <= 1


@settings(max_examples=30)
@given(
    st.builds(
        RelayLoan,
        request_id=st.just("req-0"),
        disbursed_on=policy_dates(),
        principal=eur_amounts(min_value="0.01"),
    )
)
def test_a_loan_built_with_an_inferred_rate_is_valid(loan: RelayLoan) -> None:
    assert 0 <= loan.annual_rate <= 1


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"min_value": 0.5}, WrongTypeError),
        ({"max_value": "1.5"}, InvalidInputError),
        ({"min_value": "0.6", "max_value": "0.5"}, InvalidInputError),
        ({"places": -1}, InvalidInputError),
    ],
)
def test_bad_rate_arguments_are_refused(kwargs: dict[str, Any], error: type[Exception]) -> None:
    with pytest.raises(error, match=r"rates"):
        rates(**kwargs)


def _turns(day: date) -> set[str]:
    turns = {f"month end={(day + (date(2000, 1, 2) - date(2000, 1, 1))).day == 1}"}
    if (day.month, day.day) == (2, 29):
        turns.add("29 February")
    if day in {date(2008, 4, 1), date(2008, 3, 31)}:
        turns.add(day.isoformat())
    return turns


def test_policy_dates_fall_where_rules_turn_often(tally: Tally) -> None:
    seen, drawn = tally(policy_dates(), _turns, 400)
    assert seen["29 February"] > 0
    assert seen["2008-04-01"] > 0
    assert seen["2008-03-31"] > 0
    assert 0.15 < seen["month end=True"] / drawn < 0.6


@settings(max_examples=30)
@given(policy_dates(min_value=date(2009, 3, 1), max_value=date(2009, 3, 10)))
def test_policy_dates_stay_within_their_bounds(day: date) -> None:
    assert date(2009, 3, 1) <= day <= date(2009, 3, 10)


@pytest.mark.parametrize(
    ("build", "error", "match"),
    [
        (
            lambda: region_codes("2009-01-01"),  # type: ignore[arg-type]
            WrongTypeError,
            r"region_codes\(on='2009-01-01'\)",
        ),
        (
            lambda: region_codes(datetime(2009, 1, 1)),  # noqa: DTZ001 - the wrong type on purpose
            WrongTypeError,
            r"region_codes\(on=datetime",
        ),
        (
            lambda: regions(on="2009"),  # type: ignore[arg-type]
            WrongTypeError,
            r"regions\(on='2009'\)",
        ),
        (
            lambda: policy_dates(min_value=date(2010, 1, 1), max_value=date(2009, 1, 1)),
            InvalidInputError,
            r"policy_dates: min_value=2010-01-01 is after max_value=2009-01-01",
        ),
    ],
)
def test_bad_dates_are_refused_naming_the_strategy(
    build: Any, error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        build()


@pytest.mark.parametrize(
    ("low", "high", "places"), [("0.5", "0.9", 0), ("0.12345", "0.125", 2), ("0.001", "0.009", 2)]
)
def test_rates_without_a_value_of_that_many_places_are_refused_when_built(
    low: str, high: str, places: int
) -> None:
    with pytest.raises(
        InvalidInputError, match=rf"^rates: no rate with {places} decimal\(s\) lies between"
    ):
        rates(min_value=low, max_value=high, places=places)


def test_rates_with_a_single_value_of_that_many_places_draw_it() -> None:
    from hypothesis import Phase, find, settings

    quick = settings(phases=[Phase.generate], database=None)
    only = rates(min_value="0.121", max_value="0.13", places=2)
    assert find(only, lambda _: True, settings=quick) == Decimal("0.13")


@pytest.mark.parametrize("ident", ["acme\n", "\u202eacme", "ac\x00me"])
def test_an_id_with_a_control_character_is_refused_when_the_strategy_is_built(ident: str) -> None:
    from poles_policy.testing import enterprises

    with pytest.raises(InvalidInputError, match=r"^enterprises\(ident=.*\): an id is plain text"):
        enterprises(ident=ident)


def test_an_id_with_blanks_around_it_is_refused_when_the_strategy_is_built() -> None:
    from poles_policy.testing import enterprises

    with pytest.raises(
        InvalidInputError, match=r"^enterprises\(ident=' acme'\): an id has no blank"
    ):
        enterprises(ident=" acme")


@given(st.builds(PartnerAid, partner_id=st.just("acme")))
def test_an_inferred_amount_field_draws_exact_amounts(aid: PartnerAid) -> None:
    # st.builds reads the converter's hints: euros to the cent, never a float.
    assert aid.granted == aid.granted.quantize(Decimal("0.01"))
    assert aid.granted >= 0


def test_a_financing_source_given_as_its_value_is_refused_when_the_strategy_is_built() -> None:
    from poles_policy.model.platforms import FundingSource
    from poles_policy.testing import financing_lines

    with pytest.raises(
        WrongTypeError, match=r"^financing_lines\(source='state_fce_investment'\): a source is"
    ):
        financing_lines(source="state_fce_investment")  # type: ignore[arg-type]
    assert financing_lines(source=FundingSource.FEDER) is not None
