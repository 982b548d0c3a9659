"""
Results whose explanation is built the first time it is read.

The counter-guarantee, the disbursement, the bridging, the time saved and
the cost compute their figures at once; their checks, with bilingual reasons,
are built by a function the rule passes as ``deferred``, only when read. A
result compares, hashes and prints through its public attributes (its
``_NAMES``), so a deferred one is indistinguishable from one built with its
checks given.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, SupportsIndex, TypeVar

from poles_policy._exact import run_exact
from poles_policy.exceptions import InvalidInputError

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["Explained", "either", "settle"]

_T = TypeVar("_T")


class Explained:
    """Equality, hash and repr through the public attributes named in ``_NAMES``."""

    __slots__ = ()
    _NAMES: ClassVar[tuple[str, ...]]

    def _public(self) -> tuple[object, ...]:
        return tuple([getattr(self, name) for name in self._NAMES])

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Explained)  # noqa: S101 - the test above guarantees it
        return self._public() == other._public()

    def __hash__(self) -> int:
        return hash(self._public())

    def __repr__(self) -> str:
        shown = ", ".join([f"{name}={getattr(self, name)!r}" for name in self._NAMES])
        return f"{type(self).__name__}({shown})"

    def __reduce_ex__(self, protocol: SupportsIndex) -> str | tuple[Any, ...]:
        # The builder of a deferred explanation is a closure, which pickle cannot carry:
        # build the explanation first, so that a copy or a pickle holds it.
        self._public()
        return super().__reduce_ex__(protocol)


def either(given: object, deferred: object, what: str) -> None:
    """
    Refuse a result built with both its explanation and a builder, or with neither.

    Raises:
        InvalidInputError: Naming *what*.
    """
    if (given is None) == (deferred is None):
        msg = f"{what} takes either its explanation or a function that builds it"
        raise InvalidInputError(msg)


def settle(result: object, slot: str, deferred: Callable[[], _T] | None) -> _T:
    """
    Build *result*'s explanation with *deferred*, store it in *slot*, and return it.

    The result stays logically immutable: this fills a cache once, and drops
    the builder.
    """
    assert deferred is not None  # noqa: S101 - either() guarantees it when the slot is empty
    value = run_exact(deferred)
    object.__setattr__(result, slot, value)
    object.__setattr__(result, "_deferred", None)
    return value
