"""
Reforms of the relay scheme over a portfolio: several parameter sets side by side (RELAY.7).

The policy text says the Rhône-Alpes pilot would be evaluated and could be
generalised nationally. These functions answer the analyst's what-ifs with
the vectorised screening: the outcome of every case under several parameter
sets (:func:`screen_all`), the outcomes as the generalisation date moves
(:func:`generalisation_sweep`), and the regional table of a baseline beside
a reform (:func:`region_comparison`, the same table as
:func:`poles_policy.rules.relay.evaluation.compare`).
"""

from __future__ import annotations

from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from poles_policy._arguments import given, not_a_day, refuse
from poles_policy.exceptions import InvalidInputError, WrongTypeError
from poles_policy.parameters import OVERRIDE_EPOCH
from poles_policy.scenarios.portfolio import require
from poles_policy.scenarios.screening import outcome_counts, screen

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import date

    from poles_policy.parameters import ParameterSet
    from poles_policy.scenarios.portfolio import RelayPortfolio

__all__ = ["generalisation_sweep", "region_comparison", "screen_all"]

_NATIONAL_FROM = "relay.national_from"


def screen_all(portfolio: RelayPortfolio, scenarios: Mapping[str, ParameterSet]) -> pd.DataFrame:
    """
    Return the outcome of every case under each parameter set of *scenarios*.

    Args:
        portfolio: The cases.
        scenarios: Parameter sets by the name to give their column, e.g.
            ``{"pilot": default_parameters(), "national 2010": reform}``;
            each name is a string.

    Returns:
        One row per case (indexed by case id), one categorical outcome column
        per scenario, in the order of *scenarios*.

    Raises:
        InvalidInputError: If *scenarios* is empty.
        WrongTypeError: If *scenarios* is not a mapping of names (strings) to
            parameter sets (a :class:`TypeError` too).

    >>> from datetime import date
    >>> from poles_policy.data.demo import demo_cases
    >>> from poles_policy.parameters import default_parameters
    >>> from poles_policy.scenarios import RelayPortfolio
    >>> pilot = default_parameters()
    >>> national = pilot.override("relay.national_from", date(2009, 1, 1))
    >>> outcomes = screen_all(
    ...     RelayPortfolio.from_cases(demo_cases()), {"pilot": pilot, "national": national}
    ... )
    >>> int(((outcomes["pilot"] != "eligible") & (outcomes["national"] == "eligible")).sum())
    9
    """
    given: object = scenarios  # a caller's slip may be anything
    if not isinstance(given, Mapping):
        refuse(
            "screen_all",
            "scenarios",
            "a mapping of names to parameter sets, such as {'pilot': default_parameters()}",
            given,
        )
    for name in scenarios:
        if not isinstance(name, str):
            # pandas would take 1 and None as column names, and show them as 1.0 and NaN.
            refuse("screen_all", "each name in scenarios", "a string (the column's name)", name)
    require("screen_all", portfolio, **{f"scenarios[{k!r}]": v for k, v in scenarios.items()})
    if not scenarios:
        msg = "screen_all needs at least one parameter set"
        raise InvalidInputError(msg)
    return pd.DataFrame(
        {name: screen(portfolio, params)["outcome"] for name, params in scenarios.items()}
    )


def _days(dates: object) -> list[date]:
    """Return *dates* as a list, every item a :class:`datetime.date`; refuse anything else."""
    if isinstance(dates, AbstractSet | Mapping):
        # The rows would follow the order of hashes, which changes from one run to the next.
        msg = (
            f"generalisation_sweep: dates must be a list of dates, not {given(dates)}: its "
            "order, which the table's rows would follow, changes from run to run"
        )
        raise WrongTypeError(msg)
    if isinstance(dates, str | bytes) or not_a_day(dates) is None or not hasattr(dates, "__iter__"):
        refuse("generalisation_sweep", "dates", "a list of dates", dates)
    days: list[date] = []
    for position, item in enumerate(dates):
        hint = not_a_day(item)
        if hint is not None:
            # A day that pandas or NumPy holds is a date-time, or no Python date at all: the
            # library takes dates only, and says how to get them.
            if isinstance(item, pd.Timestamp):
                hint = " (take its .date(); of a pd.date_range(...), pass its .date)"
            elif isinstance(item, np.datetime64):
                hint = " (for NumPy dates, pass .tolist() of a datetime64[D] array)"
            msg = (
                f"generalisation_sweep: dates[{position}] must be a datetime.date, "
                f"not {given(item)}{hint}"
            )
            raise WrongTypeError(msg)
        days.append(item)
    return days


def generalisation_sweep(
    portfolio: RelayPortfolio, params: ParameterSet, dates: Iterable[date]
) -> pd.DataFrame:
    """
    Screen *portfolio* with the scheme generalised nationally from each of *dates* (RELAY.7).

    Each date gives a reform of *params*: ``relay.national_from`` set to that
    date (:meth:`~poles_policy.parameters.ParameterSet.override`) for every
    request date, whatever its history in *params* (a base already generalised
    from 2010 by an override dated 2010 included).

    Args:
        portfolio: The cases.
        params: The parameter set to reform (usually the default one).
        dates: The generalisation dates to try, each a :class:`datetime.date`.
            Strings, datetimes and pandas Timestamps are refused; the days
            of a pandas ``date_range`` are its ``.date``.

    Returns:
        One row per date (index ``national_from``): the number of cases
        ``eligible``, ``ineligible`` and ``undetermined``, and the
        ``grant_rate``: eligible cases over decided ones (eligible or
        ineligible), a float for plotting (``NaN`` when none is decided).

    Raises:
        InvalidInputError: If *dates* is empty or gives a date twice.
        WrongTypeError: If *dates* is not a list of dates, or one of its items
            is not a date, named by its position (a :class:`TypeError` too).

    >>> from datetime import date
    >>> from poles_policy.data.demo import demo_cases
    >>> from poles_policy.parameters import default_parameters
    >>> from poles_policy.scenarios import RelayPortfolio
    >>> sweep = generalisation_sweep(
    ...     RelayPortfolio.from_cases(demo_cases()),
    ...     default_parameters(),
    ...     [date(2009, 1, 1), date(2011, 1, 1)],
    ... )
    >>> sweep["eligible"].tolist()
    [32, 23]
    """
    require("generalisation_sweep", portfolio, params=params)
    days = _days(dates)
    if not days:
        msg = "generalisation_sweep needs at least one date"
        raise InvalidInputError(msg)
    seen: set[date] = set()
    for day in days:
        if day in seen:
            msg = f"generalisation_sweep: {day} is given twice"
            raise InvalidInputError(msg)
        seen.add(day)
    rows = {
        day: outcome_counts(
            screen(
                portfolio,
                # The whole history replaced, whatever it was: a base generalised from a later
                # date by a dated override would otherwise keep the date in force until then.
                params.override(
                    _NATIONAL_FROM, day, valid_from=OVERRIDE_EPOCH, note="generalisation sweep"
                ),
            )
        )
        for day in days
    }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "national_from"
    decided = table["eligible"] + table["ineligible"]
    table["grant_rate"] = (table["eligible"] / decided.where(decided > 0)).astype(float)
    return table


def region_comparison(
    portfolio: RelayPortfolio, baseline: ParameterSet, reform: ParameterSet
) -> pd.DataFrame:
    """
    Set a baseline and a reform side by side, region by region (RELAY.7).

    The table is the one :func:`~poles_policy.rules.relay.evaluation.compare`
    gives from the scalar assessments: cases whose applicant's region is not
    known are counted under ``"?"``.

    Args:
        portfolio: The cases.
        baseline: The parameter set of the baseline (e.g. the pilot).
        reform: The parameter set of the reform.

    Returns:
        One row per region code, sorted as text (index ``region``):
        ``requests``, ``eligible_baseline``, ``eligible_reform``,
        ``newly_eligible`` (eligible under the reform only),
        ``no_longer_eligible`` (under the baseline only: a reform that also
        tightens a term) and ``net_change`` (reform minus baseline).

    >>> from datetime import date
    >>> from poles_policy.data.demo import demo_cases
    >>> from poles_policy.parameters import default_parameters
    >>> from poles_policy.scenarios import RelayPortfolio
    >>> pilot = default_parameters()
    >>> table = region_comparison(
    ...     RelayPortfolio.from_cases(demo_cases()),
    ...     pilot,
    ...     pilot.override("relay.national_from", date(2009, 1, 1)),
    ... )
    >>> int(table["newly_eligible"].sum()), int(table["no_longer_eligible"].sum())
    (9, 0)
    """
    require("region_comparison", portfolio, baseline=baseline, reform=reform)
    before = screen(portfolio, baseline)
    after = screen(portfolio, reform)
    region = before["region"].astype(object).fillna("?")
    was = before["outcome"] == "eligible"
    now = after["outcome"] == "eligible"
    table = pd.DataFrame(
        {
            "region": region,
            "requests": 1,
            "eligible_baseline": was.astype(int),
            "eligible_reform": now.astype(int),
            "newly_eligible": (now & ~was).astype(int),
            "no_longer_eligible": (was & ~now).astype(int),
        }
    )
    grouped = table.groupby("region", sort=False).sum()
    grouped = grouped.loc[sorted(grouped.index)]
    grouped.index = grouped.index.astype("str")
    grouped["net_change"] = grouped["eligible_reform"] - grouped["eligible_baseline"]
    return grouped
