"""
Exact figures as the rules' results write them in JSON: decimal, amount and fraction text.

A result's ``to_dict()`` writes no binary float
(:func:`~poles_policy.explain.json_data`): a Decimal becomes its exact text
and a Fraction ``"numerator/denominator"``. These types describe those
strings in the results' models and schemas.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

__all__ = ["AmountText", "DecimalText", "FractionText"]

DecimalText = Annotated[str, Field(pattern=r"^-?[0-9]+(\.[0-9]+)?$")]
"""An exact decimal written as a string, e.g. ``"100000.00"`` or ``"0.045"``."""

AmountText = Annotated[str, Field(pattern=r"^-?[0-9]+\.[0-9]{2}$")]
"""An amount in euros, to the cent, written as a string, e.g. ``"150000.00"``."""

FractionText = Annotated[str, Field(pattern=r"^-?[0-9]+/[1-9][0-9]*$")]
"""An exact fraction in lowest terms, e.g. ``"17/26"`` (an integer is ``"1/1"``)."""
