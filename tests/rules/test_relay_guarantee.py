"""The OSEO counter-guarantee (RELAY.5): the bank may ask, and need not."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from poles_policy.exceptions import InvalidInputError, ParameterError
from poles_policy.explain import Status
from poles_policy.model.relay import RelayRequest
from poles_policy.rules.relay import Guarantee, counter_guarantee
from poles_policy.testing import eur_amounts

if TYPE_CHECKING:
    from poles_policy.parameters import ParameterSet

RequestFactory = Callable[..., RelayRequest]


def test_when_the_bank_asks_oseo_covers_half_the_advance(
    make_request: RequestFactory, params: ParameterSet
) -> None:
    guarantee = counter_guarantee(make_request(oseo=True), Decimal(150000), params)
    assert guarantee.asked is True
    assert guarantee.share == Decimal("0.50")
    assert guarantee.covered == Decimal("75000.00")
    assert guarantee.annual_fee_rate == Decimal("0.008")
    assert guarantee.check.status is Status.MET
    assert guarantee.check.clauses == ("RELAY.5",)
    assert [p.name for p in guarantee.check.parameters] == [
        "relay.oseo.guarantee_share",
        "relay.oseo.guarantee_fee_rate",
    ]
    assert "75000.00 EUR" in guarantee.check.reason.en
    assert guarantee.check.reason.fr == (
        "la Banque de Lyon sollicite OSEO : 50 % de 150\u202f000,00 € couverts = "
        "75\u202f000,00 €, pour 0,8 % par an de l'encours garanti"
    )


def test_the_covered_amount_is_rounded_once_half_up(
    make_request: RequestFactory, params: ParameterSet
) -> None:
    # 150 000.01 x 0.50 = 75 000.005 -> 75 000.01
    guarantee = counter_guarantee(make_request(), Decimal("150000.01"), params)
    assert guarantee.covered == Decimal("75000.01")


def test_a_bank_that_does_not_ask_makes_the_guarantee_not_applicable_not_failed(
    make_request: RequestFactory, params: ParameterSet
) -> None:
    guarantee = counter_guarantee(make_request(oseo=False), Decimal(150000), params)
    assert guarantee == Guarantee(
        asked=False,
        share=None,
        covered=None,
        annual_fee_rate=None,
        check=guarantee.check,
    )
    assert guarantee.check.status is Status.NOT_APPLICABLE
    assert guarantee.check.missing == ()


def test_not_knowing_whether_the_bank_asks_is_unknown_and_asks_for_it(
    make_request: RequestFactory, params: ParameterSet
) -> None:
    guarantee = counter_guarantee(make_request(oseo=None), Decimal(150000), params)
    assert guarantee.asked is None
    assert guarantee.covered is None
    assert guarantee.check.status is Status.UNKNOWN
    assert [f.path for f in guarantee.check.missing] == ["request.oseo_counter_guarantee"]


def test_the_parameters_are_read_at_the_request_date(
    make_request: RequestFactory, params: ParameterSet
) -> None:
    reform = params.override("relay.oseo.guarantee_share", "0.70", valid_from=date(2010, 1, 1))
    before = counter_guarantee(make_request(requested_on=date(2009, 12, 31)), Decimal(1000), reform)
    after = counter_guarantee(make_request(requested_on=date(2010, 1, 4)), Decimal(1000), reform)
    assert (before.share, before.covered) == (Decimal("0.50"), Decimal("500.00"))
    assert (after.share, after.covered) == (Decimal("0.70"), Decimal("700.00"))
    assert after.check.parameters[0].valid_from == date(2010, 1, 1)


def test_before_the_pilot_there_is_no_guarantee_share_to_read(
    make_request: RequestFactory, params: ParameterSet
) -> None:
    early = make_request(letter=date(2008, 1, 2), requested_on=date(2008, 3, 31))
    # A reform opening the scheme before the pilot meets this: the message says what to give.
    with pytest.raises(ParameterError) as info:
        counter_guarantee(early, Decimal(1000), params)
    assert str(info.value).startswith(
        "counter_guarantee: the bank asks OSEO on 2008-03-31, but relay.oseo.guarantee_share "
        "has no value in force on 2008-03-31"
    )
    assert "its values are in force from 2008-04-01" in str(info.value)
    assert "ParameterSet.override with valid_from" in str(info.value)


@pytest.mark.parametrize("principal", [Decimal(0), Decimal(-5), Decimal("10.001")])
def test_a_principal_that_is_not_a_positive_amount_is_refused(
    make_request: RequestFactory, params: ParameterSet, principal: Decimal
) -> None:
    with pytest.raises(InvalidInputError):
        counter_guarantee(make_request(), principal, params)


def test_a_float_principal_is_refused(make_request: RequestFactory, params: ParameterSet) -> None:
    with pytest.raises(InvalidInputError):
        counter_guarantee(make_request(), 1000.0, params)  # type: ignore[arg-type]


@given(principal=eur_amounts(min_value="0.01"))
def test_the_covered_amount_never_exceeds_the_principal(
    make_request: RequestFactory, params: ParameterSet, principal: Decimal
) -> None:
    guarantee = counter_guarantee(make_request(), principal, params)
    assert guarantee.covered is not None
    assert 0 <= guarantee.covered <= principal
    assert abs(guarantee.covered - principal / 2) <= Decimal("0.005")


@given(principal=eur_amounts(min_value="0.01"), oseo=st.sampled_from([True, False, None]))
def test_a_check_built_when_read_equals_the_same_guarantee_with_its_check_given(
    make_request: RequestFactory, params: ParameterSet, principal: Decimal, oseo: bool | None
) -> None:
    guarantee = counter_guarantee(make_request(oseo=oseo), principal, params)
    given_check = Guarantee(
        asked=guarantee.asked,
        share=guarantee.share,
        covered=guarantee.covered,
        annual_fee_rate=guarantee.annual_fee_rate,
        check=guarantee.check,
    )
    assert given_check == guarantee
    assert hash(given_check) == hash(guarantee)
    assert repr(given_check) == repr(guarantee)
    assert guarantee.check is guarantee.check  # built once


def test_a_guarantee_takes_its_check_or_a_function_that_builds_it_not_both(
    make_request: RequestFactory, params: ParameterSet
) -> None:
    check = counter_guarantee(make_request(oseo=False), Decimal(1000), params).check
    figures: dict[str, Any] = {
        "asked": False,
        "share": None,
        "covered": None,
        "annual_fee_rate": None,
    }
    with pytest.raises(InvalidInputError, match="either"):
        Guarantee(**figures)
    with pytest.raises(InvalidInputError, match="either"):
        Guarantee(**figures, check=check, deferred=lambda: check)
    assert Guarantee(**figures, deferred=lambda: check).check is check
