from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from poles_policy.exceptions import InvalidInputError, WrongTypeError
from poles_policy.money import CENT, ZERO, eur, pro_rata, rate, rate_of, round_cents


def test_half_cent_rounds_up_not_to_even() -> None:
    assert round_cents(Decimal("0.125")) == Decimal("0.13")
    assert round_cents(Decimal("0.135")) == Decimal("0.14")


def test_negative_half_cent_rounds_away_from_zero() -> None:
    assert round_cents(Decimal("-0.125")) == Decimal("-0.13")


def test_string_2_675_is_exact_and_rounds_to_2_68() -> None:
    # As a float, 2.675 is 2.67499999...; as a decimal string it is exact.
    assert round_cents(Decimal("2.675")) == Decimal("2.68")


def test_amounts_always_carry_two_decimals() -> None:
    assert str(eur(1000)) == "1000.00"
    assert str(eur("2.5")) == "2.50"
    assert eur("0.10").as_tuple().exponent == -2


def test_a_rounded_zero_is_a_real_zero_amount() -> None:
    # 0.004 EUR rounds to 0.00: nothing to pay, which is not "unknown" (None).
    assert round_cents(Decimal("0.004")) == ZERO
    assert round_cents(Decimal("0.004")) is not None
    assert round_cents(Decimal("0.005")) == CENT


@pytest.mark.parametrize("bad", [0.1, 1.0, float("nan"), True])
def test_floats_and_booleans_never_become_money(bad: object) -> None:
    with pytest.raises(InvalidInputError, match="amount"):
        eur(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["NaN", "Infinity", "-inf"])
def test_non_finite_values_are_refused(bad: str) -> None:
    with pytest.raises(InvalidInputError, match="finite"):
        eur(bad)


def test_more_than_two_decimals_is_refused_rather_than_rounded() -> None:
    with pytest.raises(InvalidInputError, match="more than two decimals"):
        eur("10.005")


def test_trailing_zeros_beyond_the_cent_are_exact_and_accepted() -> None:
    assert eur("10.500") == Decimal("10.50")


def test_a_non_number_string_is_refused_with_its_value() -> None:
    with pytest.raises(InvalidInputError, match="'ten'"):
        eur("ten", field="request.amount")


def test_rate_of_amount_rounds_once() -> None:
    assert rate_of(Decimal("1000.00"), Decimal("0.45")) == Decimal("450.00")
    assert rate_of(Decimal("333.33"), Decimal("0.5")) == Decimal("166.67")


def test_pro_rata_divides_exactly_then_rounds_once() -> None:
    assert pro_rata(Decimal("100.00"), 1, 3) == Decimal("33.33")
    assert pro_rata(Decimal("100.00"), 2, 3) == Decimal("66.67")


def test_pro_rata_over_zero_is_an_input_error() -> None:
    with pytest.raises(InvalidInputError, match="zero"):
        pro_rata(Decimal("1.00"), 1, 0)


def test_rate_refuses_floats() -> None:
    with pytest.raises(InvalidInputError, match="rate"):
        rate(0.45)  # type: ignore[arg-type]


exact = st.decimals(
    min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=6, allow_nan=False
)


@given(exact)
def test_rounding_is_idempotent(value: Decimal) -> None:
    once = round_cents(value)
    assert round_cents(once) == once


@given(exact)
def test_rounding_moves_at_most_half_a_cent(value: Decimal) -> None:
    assert abs(round_cents(value) - value) <= Decimal("0.005")


@given(exact)
def test_rounding_is_symmetric_around_zero(value: Decimal) -> None:
    assert round_cents(-value) == -round_cents(value)


def test_an_amount_too_large_for_cent_precision_is_an_input_error() -> None:
    with pytest.raises(InvalidInputError, match="too large"):
        eur(10**30)
    with pytest.raises(InvalidInputError, match="too large"):
        round_cents(Decimal(10) ** 30)


def test_rounding_a_non_finite_decimal_is_an_input_error() -> None:
    with pytest.raises(InvalidInputError, match="finite"):
        round_cents(Decimal("NaN"))


def test_rounding_ignores_the_callers_decimal_context() -> None:
    from decimal import ROUND_DOWN, localcontext

    with localcontext() as ctx:
        ctx.prec = 3
        ctx.rounding = ROUND_DOWN
        assert round_cents(Decimal("123456.785")) == Decimal("123456.79")
        assert round_cents(Decimal("-0.125")) == Decimal("-0.13")


def test_totals_and_shares_ignore_the_callers_decimal_context() -> None:
    from decimal import ROUND_DOWN, localcontext

    from poles_policy.money import total

    with localcontext() as ctx:
        ctx.prec = 3
        ctx.rounding = ROUND_DOWN
        assert total([Decimal("94500.00"), Decimal("157500.01")]) == Decimal("252000.01")
        assert eur("150000.00") == Decimal("150000.00")
        assert rate_of(Decimal("315000.00"), Decimal("0.3")) == Decimal("94500.00")
        assert pro_rata(Decimal("1000.00"), 1, 3) == Decimal("333.33")


def test_a_total_too_large_for_the_cent_is_refused_not_rounded() -> None:
    from poles_policy.money import total

    largest = eur("99999999999999999999999999.99")  # 28 significant digits: still exact
    assert total([largest, Decimal("0.00")]) == largest
    with pytest.raises(InvalidInputError, match="too large to be held exactly to the cent"):
        total([largest, Decimal("0.01")])


@pytest.mark.parametrize("value", ["-0", "-0.00", Decimal("-0.0"), Decimal("-0.004")])
def test_a_zero_amount_is_never_negative(value: str | Decimal) -> None:
    # "-0.00" would read as a debt in an explanation or a JSON document.
    amount = round_cents(value) if isinstance(value, Decimal) else eur(value)
    assert amount == 0
    assert str(amount) == "0.00"


def test_an_exact_integer_of_another_type_is_an_amount() -> None:
    # A DataFrame column of whole euros holds NumPy integers: exact, so accepted.
    import numpy as np

    assert eur(np.int64(150000)) == Decimal("150000.00")  # type: ignore[arg-type]
    assert str(eur(np.int32(-0))) == "0.00"  # type: ignore[arg-type]


def test_a_numpy_float_is_refused_like_a_float() -> None:
    import numpy as np

    with pytest.raises(InvalidInputError, match="is a float64; money and rates must be exact"):
        eur(np.float64(1.5))  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="is a float32; money and rates must be exact"):
        eur(np.float32(1.5))  # type: ignore[arg-type]


def test_a_value_that_is_no_number_is_a_wrong_type() -> None:
    with pytest.raises(WrongTypeError, match=r"^amount: \[1\] of type list is not a number$"):
        eur([1])  # type: ignore[arg-type]
