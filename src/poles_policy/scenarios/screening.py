"""
Relay eligibility over a whole portfolio at once (RELAY.1-RELAY.4), as arrays.

:func:`screen` returns, for every case, the status of each of the seven
conditions and the outcome: exactly what
:func:`poles_policy.rules.relay.eligibility` returns for that case under the
same parameters (a property test compares them on generated portfolios).
Parameters are read at each case's own request date. The explanation of any
row comes from the scalar path (:func:`explain_case`).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from poles_policy._arguments import refuse
from poles_policy.exceptions import InvalidInputError
from poles_policy.explain import Outcome
from poles_policy.model.actors import Enterprise
from poles_policy.rules.relay.assessment import assess_case
from poles_policy.rules.relay.eligibility import CONDITIONS, check_pilot_regions, eligibility
from poles_policy.rules.sme import sme_defined_on, sme_status
from poles_policy.scenarios._arrays import periods, share_of, yes_or_no
from poles_policy.scenarios.portfolio import (
    MET,
    NOT_APPLICABLE,
    NOT_MET,
    STATUSES,
    UNKNOWN,
    RelayPortfolio,
    require,
)

if TYPE_CHECKING:
    import numpy.typing as npt

    from poles_policy.parameters import ParameterSet
    from poles_policy.rules.relay.assessment import Assessment

__all__ = ["CONDITIONS", "explain_case", "outcome_counts", "screen"]


_SME = "relay.sme"
_TERMS = (
    "relay.pilot_regions",
    "relay.national_from",
    "relay.max_prefinanced_share",
    "relay.sme_required",
)
_STATUS_TYPE = pd.CategoricalDtype([s.value for s in STATUSES])
_OUTCOMES = (Outcome.ELIGIBLE, Outcome.INELIGIBLE, Outcome.UNDETERMINED)
_OUTCOME_TYPE = pd.CategoricalDtype([o.value for o in _OUTCOMES])
_ONE = Decimal(1)


def _sme_codes(
    portfolio: RelayPortfolio,
    params: ParameterSet,
    rows: npt.NDArray[np.bool_],
    required: npt.NDArray[np.bool_],
) -> npt.NDArray[np.int8]:
    """The SME status of the applicants at *rows* (-1, "not computed", elsewhere)."""
    codes = np.full(len(portfolio), -1, dtype=np.int8)
    for i in np.flatnonzero(rows):
        case = portfolio.cases[i]
        applicant = case.request.applicant
        on = case.request.requested_on
        if not isinstance(applicant, Enterprise):
            codes[i] = NOT_APPLICABLE
            continue
        if not sme_defined_on(params, on):
            if required[i]:
                # A condition no definition can settle: the scalar rule raises its error.
                eligibility(case.request, params, poles=portfolio.poles)
            codes[i] = NOT_APPLICABLE
            continue
        is_sme = sme_status(applicant, on, params).is_sme
        codes[i] = UNKNOWN if is_sme is None else MET if is_sme else NOT_MET
    return codes


def screen(portfolio: RelayPortfolio, params: ParameterSet, *, sme: bool = False) -> pd.DataFrame:
    """
    Decide relay eligibility for every case of *portfolio* under *params* (RELAY.1-RELAY.4).

    The seven conditions are evaluated for every case, with the parameters in
    force on each case's request date, as
    :func:`~poles_policy.rules.relay.eligibility` does: ELIGIBLE when all are
    met, INELIGIBLE when one is not met, UNDETERMINED otherwise.

    The SME status (``relay.sme``) is computed case by case by the scalar
    rule, because it reads each enterprise's accounts over several periods.
    It is computed for every case when *sme* is true, and otherwise for the
    cases on whose date ``relay.sme_required`` makes it a condition (it then
    counts in their outcome); the ``relay.sme`` column is missing for the
    cases it was not computed for, and absent when there are none.

    ``requested_on`` is a numpy ``datetime64`` column, as pandas holds dates:
    compare it with ``pd.Timestamp("2009-01-01")``, not with a
    ``datetime.date``.

    Screening decides the conditions, as
    :func:`~poles_policy.rules.relay.eligibility.eligibility` does: a reform
    that opens the scheme before its terms have values (``relay.national_from``
    before the pilot's 1 April 2008) screens the requests it admits, as
    asked. Their figures need those terms: :func:`explain_case`,
    :func:`~poles_policy.scenarios.savings.simulate_savings` and
    :func:`~poles_policy.scenarios.guarantee.portfolio_totals`, like
    :func:`~poles_policy.rules.relay.assessment.assess`, raise a
    :class:`~poles_policy.exceptions.ParameterError` naming them until the
    reform gives them for those days (``ParameterSet.override`` with
    ``valid_from``).

    Args:
        portfolio: The cases, read once.
        params: The parameter set (the default one, or a reform).
        sme: Whether to add the SME status of every applicant: ``True`` or
            ``False`` (a NumPy bool too).

    Raises:
        WrongTypeError: If *portfolio* is not a portfolio, *params* not a
            parameter set, or *sme* not a bool (a :class:`TypeError` too).

    Returns:
        One row per case, indexed by case id: ``requested_on``, ``region``
        (categorical; missing when unknown), ``outcome`` (categories ``eligible``,
        ``ineligible``, ``undetermined``), then one column per condition in
        :data:`~poles_policy.rules.relay.eligibility.CONDITIONS` (categories
        ``met``, ``not_met``, ``unknown``, ``not_applicable``), and
        ``relay.sme`` when computed.

    >>> from poles_policy.data.demo import demo_cases
    >>> from poles_policy.parameters import default_parameters
    >>> frame = screen(RelayPortfolio.from_cases(demo_cases()), default_parameters())
    >>> frame.loc["demo-01", "outcome"], frame.loc["demo-01", "relay.in_force"]
    ('eligible', 'met')
    """
    require("screen", portfolio, params=params)
    sme = yes_or_no(sme, "screen", "sme")
    n = len(portfolio)
    # The terms in force on each distinct date; dates sharing the same terms share a period.
    terms, period = periods(portfolio.requested_on, params, _TERMS)

    # RELAY.1: in force when generalised on that date, or the region is a pilot region.
    national_from = np.array(
        [t[1] if isinstance(t[1], date) else None for t in terms], dtype="datetime64[D]"
    )
    since = national_from[period]
    national = ~np.isnat(since) & (portfolio.requested_on >= since)
    # One extra column for "region unknown" (index -1), which is never a pilot region.
    pilot = np.zeros((len(terms), len(portfolio.regions) + 1), dtype=np.bool_)
    for row, t in enumerate(terms):
        if isinstance(t[0], tuple):
            pilot[row, :-1] = [code in t[0] for code in portfolio.regions]
    region = portfolio.region_index
    covered = national | pilot[period, region]
    # An unknown region decides only while the scheme is in force in some regions: nationally it
    # is in force anyway (covered), before the pilot nowhere.
    some = np.array([isinstance(t[0], tuple) and len(t[0]) > 0 for t in terms], dtype=np.bool_)
    some = some[period]
    unknown = np.where(covered, MET, np.where(some, UNKNOWN, NOT_MET))
    in_force = np.where(region < 0, unknown, np.where(covered, MET, NOT_MET))
    # As the scalar rule: a pilot code that denoted no region yet is refused once a case misses it.
    outside = in_force == NOT_MET
    for row in np.unique(period[outside]):
        first = portfolio.requested_on[outside & (period == row)].min()
        check_pilot_regions(terms[row][0], first.astype(date))

    # RELAY.4, once a State subsidy is known to be granted.
    shares = [t[2] if isinstance(t[2], Decimal) else _ONE for t in terms]
    ceiling = share_of(portfolio.remaining, shares, period, down=True)
    over = (portfolio.remaining <= 0) | (portfolio.amount > ceiling)
    remaining = np.where(
        portfolio.state_aid == UNKNOWN,
        UNKNOWN,
        np.where(portfolio.state_aid == NOT_MET, NOT_APPLICABLE, np.where(over, NOT_MET, MET)),
    )

    statuses = np.stack(
        [
            in_force,
            np.where(portfolio.enterprise, MET, NOT_MET),
            np.where(portfolio.partner, MET, NOT_MET),
            portfolio.labelled,
            portfolio.state_aid,
            portfolio.letter,
            remaining,
        ],
        axis=1,
    ).astype(np.int8)

    required = np.array([t[3] is True for t in terms], dtype=np.bool_)[period]
    wanted = required | sme
    sme_codes = _sme_codes(portfolio, params, wanted, required) if sme or wanted.any() else None
    counted = statuses
    if sme_codes is not None:
        # Where the SME status is a condition it counts; elsewhere it is information only.
        counted = np.column_stack([statuses, np.where(required, sme_codes, MET)])
    outcome = np.where(
        (counted == NOT_MET).any(axis=1),
        1,
        np.where((counted == UNKNOWN).any(axis=1), 2, 0),
    )

    columns: dict[str, object] = {
        "requested_on": portfolio.requested_on,
        "region": pd.Categorical.from_codes(
            region, dtype=pd.CategoricalDtype(pd.Index(list(portfolio.regions), dtype="str"))
        ),
        "outcome": pd.Categorical.from_codes(outcome, dtype=_OUTCOME_TYPE),
    }
    for k, key in enumerate(CONDITIONS):
        columns[key] = pd.Categorical.from_codes(statuses[:, k], dtype=_STATUS_TYPE)
    if sme_codes is not None:
        columns[_SME] = pd.Categorical.from_codes(sme_codes, dtype=_STATUS_TYPE)
    index = pd.Index(list(portfolio.case_ids), name="case_id", dtype="object")
    frame = pd.DataFrame(columns, index=index)
    if n == 0:
        frame["requested_on"] = frame["requested_on"].astype("datetime64[s]")
    return frame


def outcome_counts(frame: pd.DataFrame) -> pd.Series:
    """
    Count the outcomes of a :func:`screen` result, every outcome listed (zero included).

    >>> from poles_policy.data.demo import demo_cases
    >>> from poles_policy.parameters import default_parameters
    >>> frame = screen(RelayPortfolio.from_cases(demo_cases()), default_parameters())
    >>> outcome_counts(frame).to_dict()
    {'eligible': 23, 'ineligible': 22, 'undetermined': 5}

    Raises:
        WrongTypeError: If *frame* is not a DataFrame with an ``outcome`` column.
        InvalidInputError: If a value of the column is not an outcome
            (``"ELIGIBLE"``, a missing value): the counts would not add up.
    """
    given: object = frame  # a caller's slip may be anything
    if not isinstance(given, pd.DataFrame) or "outcome" not in given.columns:
        refuse(
            "outcome_counts",
            "frame",
            "a DataFrame with an 'outcome' column, as screen returns",
            given,
        )
    counts = frame["outcome"].value_counts(sort=False, dropna=False)
    known = [o.value for o in _OUTCOMES]
    unknown = [value for value, count in counts.items() if count and value not in known]
    if unknown:
        # Counts that leave rows out would not add up to the portfolio.
        listed = ", ".join(map(repr, unknown))
        msg = (
            f"outcome_counts: the 'outcome' column holds {listed}, which are not outcomes; "
            f"the outcomes are {', '.join(known)}"
        )
        raise InvalidInputError(msg)
    return counts.reindex(known, fill_value=0).rename("cases")


def explain_case(portfolio: RelayPortfolio, params: ParameterSet, case_id: str) -> Assessment:
    """
    Assess one case of *portfolio* through the scalar path, with its explanation.

    The case is assessed with the portfolio's labelling pôles
    (the ``poles`` of :class:`~poles_policy.scenarios.portfolio.RelayPortfolio`),
    as :func:`screen` decided it.

    Args:
        portfolio: The portfolio that holds the case.
        params: The parameter set of the row to explain.
        case_id: The case's id.

    Returns:
        The case's full assessment: decision with every check and its reason,
        counter-guarantee, time saved and cost; ``explain()`` renders it.

    Raises:
        KeyError: If no case of the portfolio has that id.
        ParameterError: If *params* admits the case on a day before the
            scheme's terms (guarantee, processing times, default rate) have
            values: a reform opening the scheme before 1 April 2008 must give
            them for those days (see :func:`screen`).

    >>> from poles_policy.data.demo import demo_cases
    >>> from poles_policy.parameters import default_parameters
    >>> from poles_policy.scenarios import RelayPortfolio
    >>> portfolio = RelayPortfolio.from_cases(demo_cases())
    >>> assessment = explain_case(portfolio, default_parameters(), "demo-32")
    >>> assessment.outcome.value, [check.reason.en for check in assessment.decision.failed]
    ('ineligible', ['request on 2009-02-23, before the letter of 2009-03-02'])
    """
    require("explain_case", portfolio, params=params)
    case = portfolio.case(case_id)
    return assess_case(case, params, poles=portfolio.poles)
