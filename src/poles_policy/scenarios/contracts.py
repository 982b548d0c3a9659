"""
Performance contracts side by side: which are off track in a year (GOV.1)?

A regional dashboard follows many pôles' contracts at once.
:func:`contract_table` reads each contract's progress in a year through
:func:`poles_policy.rules.steering.contract_progress` and sets the answers
in one table, a row per contract, so that the contracts off track, or with
figures missing, can be sorted and filtered.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from poles_policy._arguments import refuse
from poles_policy.exceptions import InvalidInputError
from poles_policy.model.contracts import PerformanceContract
from poles_policy.parameters import ParameterSet
from poles_policy.rules.steering import Progress, contract_progress

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["contract_table"]

_PROGRESS_TYPE = pd.CategoricalDtype([p.value for p in Progress])
# The dtype pandas gives a column of strings: object before pandas 3, its string type since.
_TEXT_TYPE = pd.Series(["text"]).dtype


def contract_table(
    contracts: Iterable[PerformanceContract], year: int, params: ParameterSet
) -> pd.DataFrame:
    """
    Read every contract's progress in *year*, one row per contract (GOV.1, PHASE.2b).

    Args:
        contracts: Performance contracts, each with a distinct id, all
            covering *year*.
        year: The year to read: an int (a NumPy integer too).
        params: Policy parameters, read at each contract's start.

    Returns:
        One row per contract, indexed by contract id, in the order given:
        ``pole_id``, ``status`` (``achieved``, ``on_track``, ``off_track``
        or ``no_data``), ``objectives`` (their number), ``off_track`` (the
        ids of the objectives off track, comma-separated), ``public_share``
        (exact, or ``None``), ``public_share_status`` (the share against its
        target, with the statuses of ``status``, where it counts in the
        contract's status; missing before the target applies or when the
        budget is zero), ``public_share_check`` (the check's status) and
        ``missing`` (how many facts are still to record). A contract off
        track only because of its public share has ``off_track`` status, an
        empty ``off_track`` column and ``off_track`` public share status.

    Raises:
        InvalidInputError: If an item is not a performance contract, two
            share an id, or *year* is outside a contract's period (the
            message names it).
        WrongTypeError: If *year* is not a whole number, *params* not a
            parameter set, or *contracts* not a list (a :class:`TypeError` too).

    >>> from datetime import date
    >>> from poles_policy.model.actors import StateBody, StateKind
    >>> from poles_policy.parameters import default_parameters
    >>> contract = PerformanceContract(
    ...     id="c1",
    ...     pole_id="minalogic",
    ...     state=StateBody(id="p", name="Préfet", kind=StateKind.PREFET_DE_REGION),
    ...     governing_body_name="Association",
    ...     start=date(2009, 1, 1),
    ...     end=date(2011, 12, 31),
    ... )
    >>> contract_table([contract], 2010, default_parameters())["status"].tolist()
    ['no_data']
    """
    given_params: object = params  # typed callers pass a set; others may not
    if not isinstance(given_params, ParameterSet):
        refuse("contract_table", "params", "a ParameterSet", params)
    given_year: object = year
    if isinstance(given_year, np.integer):
        year = int(given_year)  # a year read from an array or a DataFrame column
    elif isinstance(given_year, bool) or not isinstance(given_year, int):
        refuse("contract_table", "year", "an int", given_year)
    given_contracts: object = contracts
    if isinstance(given_contracts, str | bytes | PerformanceContract) or not hasattr(
        given_contracts, "__iter__"
    ):
        refuse("contract_table", "contracts", "a list of PerformanceContract", given_contracts)
    rows: dict[str, dict[str, object]] = {}
    for position, item in enumerate(contracts):
        given: object = item
        if not isinstance(given, PerformanceContract):
            msg = f"item {position} is a {type(given).__name__}, not a performance contract"
            raise InvalidInputError(msg)
        if item.id in rows:
            msg = f"contract {item.id!r} appears twice"
            raise InvalidInputError(msg)
        progress = contract_progress(item, year, params)
        rows[item.id] = {
            "pole_id": item.pole_id,
            "status": progress.status.value,
            "objectives": len(progress.objectives),
            "off_track": ", ".join(progress.off_track),
            "public_share": progress.public_share,
            "public_share_status": (
                None if progress.public_share_status is None else progress.public_share_status.value
            ),
            "public_share_check": progress.checks[-1].status.value,
            "missing": len(progress.missing),
        }
    columns = [
        "pole_id",
        "status",
        "objectives",
        "off_track",
        "public_share",
        "public_share_status",
        "public_share_check",
        "missing",
    ]
    table = pd.DataFrame.from_dict(rows, orient="index", columns=columns)
    table.index = pd.Index(list(rows), name="contract_id", dtype="object")
    table["status"] = table["status"].astype(_PROGRESS_TYPE)
    table["public_share_status"] = table["public_share_status"].astype(_PROGRESS_TYPE)
    table["public_share"] = table["public_share"].astype(object)
    # The same dtypes whether there are rows or not (an empty frame would hold objects).
    table[["objectives", "missing"]] = table[["objectives", "missing"]].astype("int64")
    text = ["pole_id", "off_track", "public_share_check"]
    table[text] = table[text].astype(_TEXT_TYPE)
    return table
