"""
The OSEO counter-guarantee over a portfolio (RELAY.5), and the pilot's totals (RELAY.7).

:func:`counter_guarantees` sizes the counter-guarantee of every case's relay
with array operations, as :func:`poles_policy.rules.relay.guarantee.counter_guarantee`
sizes it for one: only where the bank asks, the share in force on the request
date, the covered amount rounded once, half up, to the cent.
:func:`portfolio_totals` adds up what the pilot's balance sheet
(:func:`poles_policy.rules.relay.evaluation.evaluate_portfolio`) counts and
sums from the decisions: outcomes, amounts pre-financed, OSEO exposure.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Final

import numpy as np
import pandas as pd

from poles_policy.rules.relay.assessment import check_terms
from poles_policy.scenarios._arrays import CentsArray, Flags, from_cents, periods, share_of
from poles_policy.scenarios.portfolio import require
from poles_policy.scenarios.screening import outcome_counts, screen

if TYPE_CHECKING:
    import numpy.typing as npt

    from poles_policy.parameters import ParameterSet
    from poles_policy.scenarios.portfolio import RelayPortfolio

__all__ = ["counter_guarantees", "portfolio_totals"]

_SHARE: Final = "relay.oseo.guarantee_share"
_FEE_RATE: Final = "relay.oseo.guarantee_fee_rate"
_ASKED: Final = 1


def counter_guarantees(portfolio: RelayPortfolio, params: ParameterSet) -> pd.DataFrame:
    """
    Size the OSEO counter-guarantee of every case's relay (RELAY.5).

    The principal is the loan's when the case has one, else the requested
    amount, as :func:`~poles_policy.rules.relay.assessment.assess` takes it. Every case
    is sized, whatever its eligibility (:func:`~poles_policy.scenarios.screening.screen`
    says which cases are eligible).

    Args:
        portfolio: The cases.
        params: The parameter set, read at each case's request date.

    Returns:
        One row per case, indexed by case id: ``asked`` (``True``,
        ``False``, or missing when the case does not say), ``principal_cents``,
        and, where the bank asks, ``share`` and ``annual_fee_rate`` (Decimal)
        and ``covered_cents`` (the covered amount in cents). They are missing
        where the bank does not ask, and where it asks on a date when the
        scheme had no guarantee terms (before the pilot), for which the
        scalar rule raises :class:`~poles_policy.exceptions.ParameterError`.

    >>> from poles_policy.data.demo import demo_cases
    >>> from poles_policy.parameters import default_parameters
    >>> from poles_policy.scenarios import RelayPortfolio
    >>> table = counter_guarantees(RelayPortfolio.from_cases(demo_cases()), default_parameters())
    >>> row = table.loc["demo-01"]
    >>> bool(row["asked"]), row["share"], int(row["covered_cents"])
    (True, Decimal('0.50'), 7500000)
    """
    require("counter_guarantees", portfolio, params=params)
    n = len(portfolio)
    asked, covered, terms, period = _sized(portfolio, params, np.ones(n, dtype=np.bool_))
    # No terms on its date (before the pilot): a request asked then is not sized.
    terms_known = [isinstance(t[0], Decimal) and isinstance(t[1], Decimal) for t in terms]
    sized = asked & np.array(terms_known, dtype=np.bool_)[period]
    share_column = np.array([t[0] for t in terms] + [None], dtype=object)
    fee_column = np.array([t[1] for t in terms] + [None], dtype=object)
    # Rows not sized read the extra last entry: no share, no fee.
    chosen = np.where(sized, period, len(terms))
    covered_column: pd.api.extensions.ExtensionArray
    if covered.dtype == object:
        covered_column = pd.array(
            [int(c) if a else None for c, a in zip(covered, sized, strict=True)], dtype=object
        )
    else:
        covered_column = pd.arrays.IntegerArray(covered.astype(np.int64), mask=~sized)
    return pd.DataFrame(
        {
            "asked": pd.arrays.BooleanArray(portfolio.oseo == _ASKED, mask=portfolio.oseo < 0),
            "principal_cents": portfolio.principal,
            "share": share_column[chosen],
            "covered_cents": covered_column,
            "annual_fee_rate": fee_column[chosen],
        },
        index=pd.Index(list(portfolio.case_ids), name="case_id", dtype="object"),
    )


def _sized(
    portfolio: RelayPortfolio, params: ParameterSet, needed: Flags, *, strict: bool = False
) -> tuple[Flags, CentsArray, list[tuple[object, ...]], npt.NDArray[np.intp]]:
    """
    Where the bank asks among the *needed* rows, and each row's covered amount in cents.

    With *strict* (for :func:`portfolio_totals`), a row asked on a date with
    no guarantee terms raises a :class:`~poles_policy.exceptions.ParameterError`
    naming the case and both terms.
    """
    terms, period = periods(portfolio.requested_on, params, (_SHARE, _FEE_RATE))
    asked = (portfolio.oseo == _ASKED) & needed
    for k, (share, fee_rate) in enumerate(terms if strict else ()):
        if isinstance(share, Decimal) and isinstance(fee_rate, Decimal):
            continue
        rows = np.flatnonzero(asked & (period == k))
        if rows.size:
            # Both terms named at once, with the first case asked that day.
            day = portfolio.requested_on[rows[0]].astype(object)
            case_id = portfolio.case_ids[rows[0]]
            check_terms(
                day, params, (_SHARE, _FEE_RATE), function="portfolio_totals", case_id=case_id
            )
    shares = [t[0] if isinstance(t[0], Decimal) else Decimal(0) for t in terms]
    return asked, share_of(portfolio.principal, shares, period), terms, period


def portfolio_totals(portfolio: RelayPortfolio, params: ParameterSet) -> pd.Series:
    """
    Count and sum a portfolio's decisions under *params*, as the pilot's balance sheet does.

    The figures are those of
    :func:`~poles_policy.rules.relay.evaluation.evaluate_portfolio` over the
    scalar assessments of the same cases (a test compares them): the number
    of requests and of each outcome, the principal of the eligible cases
    (``prefinanced``), and what OSEO counter-guarantees on them
    (``oseo_exposure``), both exact in euros.

    Args:
        portfolio: The cases.
        params: The parameter set.

    Returns:
        A series with ``requests``, ``eligible``, ``ineligible``,
        ``undetermined`` (integers), ``prefinanced`` and ``oseo_exposure``
        (Decimal euros).

    Raises:
        ParameterError: If the bank asks, for an eligible case, on a date
            when a guarantee parameter has no value. The totals read only
            what they need: the guarantee terms of the eligible cases whose
            bank asks (the scalar ``assess`` reads more, such as processing
            times, and may raise for other cases).

    >>> from datetime import date
    >>> from poles_policy.data.demo import demo_cases
    >>> from poles_policy.parameters import default_parameters
    >>> from poles_policy.scenarios import RelayPortfolio
    >>> totals = portfolio_totals(RelayPortfolio.from_cases(demo_cases()), default_parameters())
    >>> totals["eligible"], totals["prefinanced"], totals["oseo_exposure"]
    (23, Decimal('3850000.00'), Decimal('1752500.00'))
    """
    require("portfolio_totals", portfolio, params=params)
    frame = screen(portfolio, params)
    eligible = (frame["outcome"] == "eligible").to_numpy()
    asked, covered, _, _ = _sized(portfolio, params, eligible, strict=True)
    # Python integers: exact whatever the portfolio's size.
    prefinanced = sum(map(int, portfolio.principal[eligible]), 0)
    exposure = sum(map(int, covered[asked]), 0)
    counts = outcome_counts(frame)
    return pd.Series(
        {
            "requests": len(portfolio),
            **{str(key): int(value) for key, value in counts.items()},
            "prefinanced": from_cents(prefinanced),
            "oseo_exposure": from_cents(exposure),
        },
        dtype=object,
        name=params.label,
    )
