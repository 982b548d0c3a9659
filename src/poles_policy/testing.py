"""
Hypothesis strategies for poles_policy's own types.

Use them to write property-based tests of code that consumes the library::

    from hypothesis import given
    from poles_policy.testing import eur_amounts


    @given(eur_amounts(max_value="5000.00"))
    def test_fee_never_exceeds_amount(amount): ...

Every strategy generates valid values by construction and shrinks toward
simple ones (small amounts, early dates, few elements). When Hypothesis is
installed together with poles_policy, the strategies are also registered for
``st.from_type`` through Hypothesis' entry point, lazily: importing
poles_policy alone never imports Hypothesis.

Requires the ``testing`` extra: ``pip install "poles-policy[testing]"``.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from poles_policy.money import Eur, eur

__all__ = ["eur_amounts"]


def eur_amounts(
    *, min_value: Decimal | str = "0.00", max_value: Decimal | str = "10000000.00"
) -> st.SearchStrategy[Eur]:
    """
    Generate exact euro amounts between *min_value* and *max_value*.

    Amounts have exactly two decimals and shrink toward *min_value*.
    """
    return st.decimals(min_value=Decimal(min_value), max_value=Decimal(max_value), places=2).map(
        eur
    )
