"""
Checks of the arguments given to the kit's strategies, made when a strategy is built.

A slip in a test's setup -- a float bound, a date written as a string, an
empty id, a single id where a list is expected -- raises at once, naming the
strategy and the argument: an :class:`~poles_policy.exceptions.InvalidInputError`,
or a :class:`~poles_policy.exceptions.WrongTypeError` for a value of the wrong
type. Without these checks it would surface later, inside Hypothesis, as a
bare error or not at all (a string of ids split into letters).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, NoReturn, ParamSpec, TypeVar

from poles_policy._arguments import with_article
from poles_policy.exceptions import InvalidInputError, WrongTypeError
from poles_policy.model._validators import plain_id, readable
from poles_policy.model.actors import Enterprise, ResearchOrganisation
from poles_policy.model.platforms import CallForProjects
from poles_policy.model.regions import is_region_code, regions_on
from poles_policy.model.relay import RelayRequest
from poles_policy.money import Eur, eur

if TYPE_CHECKING:
    from hypothesis import strategies as st

_P = ParamSpec("_P")
_T = TypeVar("_T")


def _shown(value: object) -> str:
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _fail(strategy: str, argument: str, value: object, why: str, *, wrong_type: bool) -> NoReturn:
    msg = f"{strategy}({argument}={_shown(value)}): {why}"
    raise (WrongTypeError if wrong_type else InvalidInputError)(msg)


def check_ident(strategy: str, argument: str, value: object) -> None:
    """Refuse an id that is not ``None`` nor a non-empty string without blanks around it."""
    _check_text(strategy, argument, value)
    if isinstance(value, str) and not plain_id(value):
        _fail(
            strategy,
            argument,
            value,
            "an id has no blank at either end (ids are matched exactly; the domain objects "
            "refuse it)",
            wrong_type=False,
        )


def _check_text(strategy: str, argument: str, value: object) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        _fail(
            strategy,
            argument,
            value,
            f"an id is a string, not a {type(value).__name__}",
            wrong_type=True,
        )
    if not value.strip():
        _fail(
            strategy,
            argument,
            value,
            "an id is a non-empty string; leave the argument out to have one generated",
            wrong_type=False,
        )
    if not readable(value):
        _fail(
            strategy,
            argument,
            value,
            "an id is plain text, without control characters (the domain objects refuse them)",
            wrong_type=False,
        )


def check_names(strategy: str, argument: str, value: object) -> None:
    """Refuse anything but a list or tuple of names: ids, but blanks around them are kept."""
    check_idents(strategy, argument, value, check=_check_text)


def check_idents(
    strategy: str,
    argument: str,
    value: object,
    check: Callable[[str, str, object], None] = check_ident,
) -> None:
    """
    Refuse anything but a list or tuple of distinct ids (a single string is refused, not split).

    An id given twice is a slip in the caller's setup: each names one actor,
    pôle or ministry.
    """
    if isinstance(value, str) or not isinstance(value, Sequence):
        _fail(
            strategy,
            argument,
            value,
            f"give a list or tuple of ids, such as ['acme'], not a {type(value).__name__}",
            wrong_type=True,
        )
    seen: set[object] = set()
    for item in value:
        if item is None:
            _fail(strategy, argument, value, "None is not an id", wrong_type=True)
        check(strategy, argument, item)
        if item in seen:
            _fail(strategy, argument, value, f"{item!r} is given twice", wrong_type=False)
        seen.add(item)


def check_date(strategy: str, argument: str, value: object, *, optional: bool = False) -> None:
    """Refuse anything but a plain :class:`~datetime.date` (or ``None`` when *optional*)."""
    if value is None and optional:
        return
    if not isinstance(value, date) or isinstance(value, datetime):
        _fail(
            strategy,
            argument,
            value,
            f"expected a datetime.date, got a {type(value).__name__}",
            wrong_type=True,
        )


def check_dates(strategy: str, low: tuple[str, date], high: tuple[str, date]) -> None:
    """Check two date bounds, and that the first is not after the second."""
    check_date(strategy, low[0], low[1])
    check_date(strategy, high[0], high[1])
    if low[1] > high[1]:
        msg = (
            f"{strategy}: {low[0]}={low[1].isoformat()} is after "
            f"{high[0]}={high[1].isoformat()}; no date lies between them"
        )
        raise InvalidInputError(msg)


def amount(strategy: str, argument: str, value: object) -> Eur:
    """
    Return *value* as an exact, non-negative euro amount, or refuse it.

    Money is never a float (0.1 is not 0.10), and every amount of the model
    is non-negative, so a negative bound could only give invalid objects.
    """
    if isinstance(value, bool) or not isinstance(value, Decimal | int | str):
        what = type(value).__name__
        why = f"an amount is a Decimal, an int or a string such as '0.10', not a {what}"
        if isinstance(value, float):
            why += " (a float cannot hold cents exactly)"
        _fail(strategy, argument, value, why, wrong_type=True)
    try:
        exact = eur(value, field=argument)
    except InvalidInputError as error:
        _fail(strategy, argument, value, str(error).removeprefix(f"{argument}: "), wrong_type=False)
    if exact < 0:
        _fail(strategy, argument, value, "euro amounts are never negative", wrong_type=False)
    return exact


def check_amount(strategy: str, argument: str, value: object) -> None:
    """Refuse an amount that is not exact and non-negative (see :func:`amount`)."""
    amount(strategy, argument, value)


def check_amounts(
    strategy: str, low: tuple[str, object], high: tuple[str, object]
) -> tuple[Eur, Eur]:
    """Return two amount bounds, checked, the first not above the second."""
    lo = amount(strategy, *low)
    hi = amount(strategy, *high)
    if lo > hi:
        msg = f"{strategy}: {low[0]}={lo} is above {high[0]}={hi}; no amount lies between them"
        raise InvalidInputError(msg)
    return lo, hi


def check_years(strategy: str, argument: str, value: object) -> None:
    """Refuse anything but a list or tuple of distinct years (ints)."""
    if not isinstance(value, Sequence) or isinstance(value, str):
        _fail(
            strategy,
            argument,
            value,
            f"give a list or tuple of years, not a {type(value).__name__}",
            wrong_type=True,
        )
    for year in value:
        if isinstance(year, bool) or not isinstance(year, int):
            _fail(strategy, argument, value, f"{year!r} is not a year (an int)", wrong_type=True)
        if not date.min.year <= year <= date.max.year:
            _fail(strategy, argument, value, f"{year} is not a year", wrong_type=False)
    if len(set(value)) != len(value):
        _fail(strategy, argument, value, "a year appears twice", wrong_type=False)


def check_year(strategy: str, argument: str, value: object) -> None:
    """Refuse a year that is not ``None`` nor an int."""
    if value is not None:
        check_years(strategy, argument, (value,))


def check_region(strategy: str, argument: str, value: object) -> None:
    """Refuse a region that is not ``None`` nor an INSEE region code such as ``"82"``."""
    if value is None or is_region_code(value):
        return
    if not isinstance(value, str):
        _fail(
            strategy,
            argument,
            value,
            f"a region is an INSEE code (a string such as '82'), not a {type(value).__name__}",
            wrong_type=True,
        )
    _fail(strategy, argument, value, "not an INSEE region code such as '82'", wrong_type=False)


def check_region_on(strategy: str, argument: str, value: object, on: date, what: str) -> None:
    """Refuse a region (checked by :func:`check_region`) not in force on *on*, *what* that is."""
    check_region(strategy, argument, value)
    if value is None:
        return
    codes = sorted(r.code for r in regions_on(on))
    if value not in codes:
        why = (
            f"region {value!r} was not in force on {on.isoformat()}, {what}; "
            f"give a code of that day, such as {'82' if '82' in codes else codes[0]!r}"
        )
        _fail(strategy, argument, value, why, wrong_type=False)


def check_some(strategy: str, argument: str, value: Sequence[object], what: str) -> None:
    """Refuse an empty list or tuple where the strategy must draw one of *what*."""
    if not value:
        _fail(strategy, argument, value, f"give at least one {what} to draw from", wrong_type=False)


def check_flag(strategy: str, argument: str, value: object) -> None:
    """Refuse a value that is not ``None`` nor a bool."""
    if value is not None and not isinstance(value, bool):
        _fail(
            strategy,
            argument,
            value,
            f"expected True, False or None, got a {type(value).__name__}",
            wrong_type=True,
        )


def check_instance(
    strategy: str, argument: str, value: object, kind: type | tuple[type, ...]
) -> None:
    """Refuse a value that is not ``None`` nor an instance of *kind*."""
    if value is not None and not isinstance(value, kind):
        kinds = kind if isinstance(kind, tuple) else (kind,)
        names = " or ".join(with_article(k.__name__) for k in kinds)
        _fail(
            strategy,
            argument,
            value,
            f"expected {names} or None, got {with_article(type(value).__name__)}",
            wrong_type=True,
        )


# The checks of the arguments the strategies share, by name.
_BY_NAME: Final[dict[str, Callable[[str, str, object], None]]] = {
    "ident": check_ident,
    "pole_id": check_ident,
    "partner_id": check_ident,
    "actor_id": check_ident,
    "structure_id": check_ident,
    "pole_ids": check_idents,
    "partner_ids": check_idents,
    "founders": check_idents,
    "attendees": check_idents,
    "ministries": check_names,
    "years": check_years,
    "year": check_year,
    "region": check_region,
    "public": check_flag,
    "funder": check_flag,
    "start": check_date,
    "end": check_date,
    "max_amount": check_amount,
    "applicant": lambda strategy, argument, value: check_instance(
        strategy, argument, value, (Enterprise, ResearchOrganisation)
    ),
    "actor": lambda strategy, argument, value: check_instance(
        strategy, argument, value, (Enterprise, ResearchOrganisation)
    ),
    "request": lambda strategy, argument, value: check_instance(
        strategy, argument, value, RelayRequest
    ),
    "call": lambda strategy, argument, value: check_instance(
        strategy, argument, value, CallForProjects
    ),
}


def checked(
    strategy: Callable[_P, st.SearchStrategy[_T]],
) -> Callable[_P, st.SearchStrategy[_T]]:
    """
    Check the arguments of *strategy* by their names when it is called.

    The arguments every strategy shares (ids, lists of ids, years, regions,
    dates, amounts) are checked here, in one place; a strategy checks its
    own others itself.
    """
    name = strategy.__name__
    signature = inspect.signature(strategy)

    @functools.wraps(strategy)
    def build(*args: _P.args, **kwargs: _P.kwargs) -> st.SearchStrategy[_T]:
        try:
            bound = signature.bind(*args, **kwargs)
        except TypeError as error:
            msg = f"{name}: {error}"
            raise WrongTypeError(msg) from None
        for argument, value in bound.arguments.items():
            check: Any = _BY_NAME.get(argument)
            if check is not None:
                check(name, argument, value)
        bound.apply_defaults()
        given = bound.arguments
        if "start" in given and "end" in given:
            check_dates(name, ("start", given["start"]), ("end", given["end"]))
        return strategy(*args, **kwargs)

    return build
