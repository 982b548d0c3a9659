"""
Measures of what a strategy of the kit generates, shared by the kit's tests.

Each fixture returns a plain function. Generation only, no shrinking: the
measures ask what is drawn, not for the simplest case of one; derandomised,
so that every run draws the same examples. Hypothesis also draws on the
constants of the modules loaded, so what it generates depends on which test
modules were collected: the tests leave wide margins.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import NoSuchExample

Labels = Callable[[Any], Iterable[str]]
Tally = Callable[[st.SearchStrategy[Any], Labels, int], tuple[Counter[str], int]]
Unreached = Callable[[st.SearchStrategy[Any], set[str], Labels], set[str]]


def _generate(examples: int) -> settings:
    return settings(
        max_examples=examples,
        database=None,
        derandomize=True,
        deadline=None,
        phases=[Phase.generate],
    )


def _tally(
    strategy: st.SearchStrategy[Any], labels: Labels, examples: int
) -> tuple[Counter[str], int]:
    """Draw *examples* values from *strategy*; count each label (once per value) and the draws."""
    seen: Counter[str] = Counter()
    drawn = 0

    @_generate(examples)
    @given(strategy)
    def draw(value: Any) -> None:
        nonlocal drawn
        drawn += 1
        seen.update(set(labels(value)))

    draw()
    return seen, drawn


def _unreached(strategy: st.SearchStrategy[Any], wanted: set[str], labels: Labels) -> set[str]:
    """Draw from *strategy* until every label of *wanted* is seen; return those never seen."""
    seen: set[str] = set()

    def all_seen(value: Any) -> bool:
        seen.update(labels(value))
        return wanted <= seen

    with contextlib.suppress(NoSuchExample):
        find(strategy, all_seen, settings=_generate(2_000))
    return wanted - seen


@pytest.fixture(scope="session")
def tally() -> Tally:
    """Count the labels of a fixed number of drawn values."""
    return _tally


@pytest.fixture(scope="session")
def unreached() -> Unreached:
    """Tell which wanted labels a strategy never reaches within 2 000 draws."""
    return _unreached
