"""Checks of the inputs several rules share."""

from __future__ import annotations

from typing import TYPE_CHECKING

from poles_policy.exceptions import InvalidInputError
from poles_policy.model.poles import Pole

if TYPE_CHECKING:
    from collections.abc import Iterable


def poles_by_id(poles: Iterable[object]) -> dict[str, Pole]:
    """
    Index *poles* by id, in the order given.

    Read as objects of any type: a caller's slip is an input error, not a crash.

    Raises:
        InvalidInputError: If *poles* is a single string, holds something
            that is not a pôle, or holds two pôles with one id.
    """
    given: dict[str, Pole] = {}
    if isinstance(poles, str):
        msg = f"poles: {poles!r} is a single string, not a list of pôles"
        raise InvalidInputError(msg)
    for pole in poles:
        if not isinstance(pole, Pole):
            msg = f"poles: {pole!r} is not a Pole"
            raise InvalidInputError(msg)
        if pole.id in given:
            msg = f"poles: pôle {pole.id!r} is given twice"
            raise InvalidInputError(msg)
        given[pole.id] = pole
    return given
