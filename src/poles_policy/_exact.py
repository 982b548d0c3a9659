"""
The decimal context of every computation in poles_policy.

Sums and products of amounts must be exact, and a quotient exact to 28
significant digits before the one rounding to the cent, whatever decimal
context the calling program has set for itself. Rules that compute run in
``EXACT`` through :func:`exact_decimals`; explanations built later, when
read, run in it too.
"""

from __future__ import annotations

import functools
from decimal import (
    ROUND_HALF_EVEN,
    Context,
    DivisionByZero,
    InvalidOperation,
    Overflow,
    getcontext,
    localcontext,
)
from typing import TYPE_CHECKING, Final, ParamSpec, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["EXACT", "exact_decimals", "run_exact"]

EXACT: Final = Context(
    prec=28, rounding=ROUND_HALF_EVEN, traps=[InvalidOperation, DivisionByZero, Overflow]
)
"""
The decimal context of every computation in poles_policy: 28 significant digits.

Sums and products of amounts are exact in it; a quotient is exact to 28
digits before :func:`round_cents` rounds it once. :func:`exact_decimals` runs
a rule in it when the caller's thread context differs.
"""

_P = ParamSpec("_P")
_R = TypeVar("_R")


def exact_decimals(func: Callable[_P, _R]) -> Callable[_P, _R]:
    """
    Run *func* in the ``EXACT`` decimal context when the caller's context is not as precise.

    A program may lower its own decimal precision, change the rounding or
    trap inexact results; a rule's figures must not change with it. The
    check is cheap, and the context is switched only when needed.

    >>> from decimal import Decimal, localcontext
    >>> @exact_decimals
    ... def third(amount: Decimal) -> Decimal:
    ...     return amount / 3
    >>> with localcontext() as ctx:
    ...     ctx.prec = 4
    ...     third(Decimal("1000.00"))
    Decimal('333.3333333333333333333333333')
    """

    @functools.wraps(func)
    def in_exact_context(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        if _exact_enough(getcontext()):
            return func(*args, **kwargs)
        with localcontext(EXACT):
            return func(*args, **kwargs)

    return in_exact_context


_PREC = EXACT.prec
_EMAX = EXACT.Emax
_EMIN = EXACT.Emin
_TRAPS = dict(EXACT.traps)


def _exact_enough(ctx: Context) -> bool:
    # As precise as EXACT, rounding as it does, with its exponent range (a tiny Emax would
    # overflow on large amounts) and its traps exactly: trapping Inexact or Rounded would raise
    # on the quotients EXACT allows, and not trapping InvalidOperation would let a NaN through.
    return (
        ctx.prec >= _PREC
        and ctx.rounding == ROUND_HALF_EVEN
        and ctx.Emax >= _EMAX
        and ctx.Emin <= _EMIN
        and ctx.traps == _TRAPS
    )


def run_exact(build: Callable[[], _R]) -> _R:
    """
    Call *build* in the ``EXACT`` context when the caller's context is not as precise.

    For explanations built when first read, perhaps long after the rule ran
    and in another context.
    """
    if _exact_enough(getcontext()):
        return build()
    with localcontext(EXACT):
        return build()
