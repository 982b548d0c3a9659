"""The amount-weighted time saved (RELAY.6) equals the exact figure, rounded half up once."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from hypothesis import given
from hypothesis import strategies as st

from poles_policy.model.relay import RelayLoan, RelayRequest
from poles_policy.rules.relay import time_saved

if TYPE_CHECKING:
    from poles_policy.parameters import ParameterSet
    from poles_policy.rules.relay.timing import Scenario

RequestFactory = Callable[..., RelayRequest]
LoanFactory = Callable[..., RelayLoan]

REQUESTED = date(2009, 6, 1)


def exact_weighted_days(scenario: Scenario) -> Fraction:
    """Sum of amount x days saved over the amount repaid, in fractions: the reference."""
    repaid = sum((Fraction(r.amount) for r in scenario.repayments), Fraction(0))
    weighted = sum(
        (
            Fraction(r.amount) * max(0, (r.on - scenario.disbursed_on).days)
            for r in scenario.repayments
        ),
        Fraction(0),
    )
    return weighted / repaid


def tenths_half_up(value: Fraction) -> Decimal:
    return Decimal(math.floor(value * 10 + Fraction(1, 2))).scaleb(-1)


payments = st.lists(
    st.tuples(
        # After the request: one received on its day is no longer to be bridged (RELAY.4).
        st.integers(1, 900).map(lambda days: REQUESTED + timedelta(days=days)),
        st.integers(1, 5_000_000).map(lambda cents: Decimal(cents).scaleb(-2)),
    ),
    min_size=1,
    max_size=4,
    unique=True,  # one payment of a day and amount
)


@given(
    received=payments,
    disbursed_after=st.none() | st.integers(0, 400),
    principal_cents=st.integers(100, 20_000_000),
    oseo=st.sampled_from([True, False, None]),
)
def test_weighted_days_and_months_are_the_exact_figures_rounded_half_up(
    make_request: RequestFactory,
    make_loan: LoanFactory,
    params: ParameterSet,
    received: list[tuple[date, Decimal]],
    disbursed_after: int | None,
    principal_cents: int,
    oseo: bool | None,
) -> None:
    # Without a loan the disbursement is estimated, a range when OSEO's part is not known.
    granted = sum((amount for _, amount in received), Decimal(0))
    principal = Decimal(principal_cents).scaleb(-2)
    request = make_request(
        granted=granted, requested_on=REQUESTED, payments=received, amount=principal, oseo=oseo
    )
    loan = (
        None
        if disbursed_after is None
        else make_loan(
            disbursed_on=REQUESTED + timedelta(days=disbursed_after), principal=principal
        )
    )
    saved = time_saved(request, params, loan=loan)
    low, high = saved.bridging.low, saved.bridging.high
    assert low is not None
    assert high is not None
    exact_low, exact_high = exact_weighted_days(low), exact_weighted_days(high)
    assert saved.weighted_days_low == tenths_half_up(exact_low)
    assert saved.weighted_days_high == tenths_half_up(exact_high)
    assert saved.weighted_months_low == tenths_half_up(exact_low * 12 / Fraction("365.25"))
    assert saved.weighted_months_high == tenths_half_up(exact_high * 12 / Fraction("365.25"))
