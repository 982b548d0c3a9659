"""Files carried jointly by several pôles, funded through their lead pôle (GOV.4)."""

from __future__ import annotations

import functools
from datetime import date, timedelta
from decimal import Decimal
from itertools import pairwise
from typing import TYPE_CHECKING, Final

from hypothesis import strategies as st

from poles_policy.model.interpole import InterPoleFile, PoleShare
from poles_policy.model.projects import Funder
from poles_policy.money import eur
from poles_policy.testing._arguments import check_some, checked
from poles_policy.testing._values import (
    _POLE_IDS,
    PHASE_2_END,
    PHASE_2_START,
    _sound,
    eur_amounts,
    policy_dates,
)

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

# The first day of the inter-pôle label (gov.inter_pole_from): the edge of the first condition.
# Sound files are decided from that day on, the others before it (in 2008, before any value of
# the parameter is in force, or in 2009 up to the day before).
_LABEL_FROM: Final = date(2009, 11, 30)

# Built once: building strategies on every draw would slow every test that draws files.
_NUMBERS: Final = st.integers(min_value=0, max_value=99)
_AFTER: Final = policy_dates(min_value=_LABEL_FROM, max_value=PHASE_2_END)
_BEFORE: Final = policy_dates(min_value=PHASE_2_START, max_value=_LABEL_FROM - timedelta(days=1))
# The day before the label's first day, drawn in half the files decided before it: among the
# edge dates of 2008-2009 that policy_dates() favours, it came about once in five hundred draws.
_EVE: Final = _LABEL_FROM - timedelta(days=1)
_GRANTS: Final = eur_amounts(max_value="2000000.00")
_OTHER_FUNDERS: Final = st.sampled_from(tuple(f for f in Funder if f is not Funder.STATE))
_COINS: Final = st.booleans()


@checked
def inter_pole_files(
    *, ident: str | None = None, pole_ids: Sequence[str] = _POLE_IDS
) -> st.SearchStrategy[InterPoleFile]:
    """
    Generate inter-pôle files: a lead pôle, the other carrying pôles, the funding and its split.

    The lead pôle and the others are drawn from *pole_ids*, each at most
    once (by default ``pole-0`` to ``pole-3``, the lowest ids :func:`poles`
    generates). To give the rule the file's pôles, draw them for its ids,
    e.g. ``[draw(poles(ident=i)) for i in file.pole_ids]``: pôles drawn
    independently rarely carry the ids of a file. Each part of a file
    meets the conditions of GOV.4 three times in four, drawn independently,
    so that every outcome of the rule is drawn:

    - one to three other pôles; otherwise none (the lead pôle alone);
    - decided from 30 November 2009, the inter-pôle label's first day, to
      2012; otherwise from 2008 (before any value of the label's parameter
      is in force) to 29 November 2009, that day in half of these draws.
      30 November 2009, the turn of each year and month ends come often
      (see :func:`policy_dates`).

    Whether each carrying pôle is labelled on the decision day depends on
    the pôles given to the rule, not on the file. The amount granted is up
    to 2 000 000 EUR, from the State three times in four, else from another
    :class:`~poles_policy.model.projects.Funder`. Three times in four the
    split is known: half the time every carrying pôle has a part, otherwise
    only some of them (at least one); the parts add up to the amount
    granted to the cent, and may be 0.00 (a lead pôle alone has it all).
    Otherwise it is ``None``.

    Args:
        ident: The file's id; by default ``interpole-0`` to ``interpole-99``
            (draw lists with ``unique_by`` id, or give ids).
        pole_ids: The pôles that may carry it, at least one; an id given
            twice counts once. With a single id, every file is carried by
            its lead pôle alone.

    Raises:
        InvalidInputError: If *pole_ids* is empty or holds an empty id.
        WrongTypeError: If *ident* is not a string, or *pole_ids* not a
            list or tuple of strings (a single string is refused, not split).

    Shrinks toward a file of 0.00 EUR from the State, decided on
    30 November 2009, led by the first of *pole_ids* with the second (when
    there is one), the whole amount split to the lead pôle.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate])  # the first example found, not shrunk
    >>> strategy = inter_pole_files(ident="joint-1", pole_ids=["minalogic", "axelera"])
    >>> file = find(strategy, lambda file: file.split is not None, settings=quick)
    >>> file.id, set(file.pole_ids) <= {"minalogic", "axelera"}
    ('joint-1', True)
    >>> sum(part.amount for part in file.split) == file.granted
    True
    >>> simplest = find(strategy, lambda file: True)
    >>> simplest.pole_ids, simplest.granted, simplest.decided_on, simplest.split
    (('minalogic', 'axelera'), Decimal('0.00'), datetime.date(2009, 11, 30),
     (PoleShare(pole_id='minalogic', amount=Decimal('0.00')),))
    """
    check_some("inter_pole_files", "pole_ids", pole_ids, "pôle id")
    return _files(ident, tuple(dict.fromkeys(pole_ids)))


@functools.lru_cache(maxsize=64)
def _files(ident: str | None, pool: tuple[str, ...]) -> st.SearchStrategy[InterPoleFile]:
    # Cached, as policy_dates() is: the strategies of the pool are built once per pool.
    others = {
        lead: st.lists(st.sampled_from(rest), min_size=1, max_size=min(3, len(rest)), unique=True)
        for lead in pool
        if (rest := tuple(p for p in pool if p != lead))
    }
    return _draw_files(ident=ident, leads=st.sampled_from(pool), others=others)


@st.composite
def _draw_files(
    draw: st.DrawFn,
    *,
    ident: str | None,
    leads: st.SearchStrategy[str],
    others: Mapping[str, st.SearchStrategy[list[str]]],
) -> InterPoleFile:
    n = draw(_NUMBERS)
    lead = draw(leads)
    # Each part draws the same choices whatever its flaw, so that shrinking, which prefers
    # fewer choices, ends on the sound version of a part that does not matter.
    carried = _sound(draw)
    drawn = tuple(draw(others[lead])) if lead in others else ()
    in_force = _sound(draw)
    after, before, eve = draw(_AFTER), draw(_BEFORE), draw(_COINS)
    state = _sound(draw)
    other_funder = draw(_OTHER_FUNDERS)
    granted = draw(_GRANTS)
    known = _sound(draw)
    # The split is drawn for the pôles drawn, carrying or not: a file its lead pôle carries
    # alone gives it the whole amount.
    split = _split(draw, (lead, *drawn), granted)
    if not carried:
        split = [PoleShare(pole_id=lead, amount=granted)]
    return InterPoleFile(
        id=ident if ident is not None else f"interpole-{n}",
        name=f"Dossier inter-pôles {n} (generated)",
        lead_pole_id=lead,
        other_pole_ids=drawn if carried else (),
        funder=Funder.STATE if state else other_funder,
        granted=granted,
        decided_on=after if in_force else (_EVE if eve else before),
        split=split if known else None,
    )


def _split(draw: st.DrawFn, carriers: tuple[str, ...], granted: Decimal) -> list[PoleShare]:
    """
    Draw the parts of *granted* for every one of *carriers*, or for some of them (at least one).

    Half the time every carrying pôle has a part; otherwise each has one or
    not, and the first has one if none does. The parts are the gaps between
    cut points drawn in cents, so that they add up to *granted* exactly.
    The same choices are drawn either way (a mark and a cut point per
    pôle); they shrink toward the whole amount to the first pôle alone.
    """
    every = draw(_COINS)
    marked = [pole for pole in carriers if draw(_COINS)]
    parties = list(carriers) if every else marked or [carriers[0]]
    cents = int(granted.scaleb(2))
    # Built per draw, as its bound is the amount drawn (Hypothesis caches integers() by bounds).
    cut = st.integers(min_value=0, max_value=cents)
    cuts = [draw(cut) for _ in carriers[1:]]
    # The last gap goes to the first pôle: cut points of 0 give it the whole amount.
    gaps = reversed(list(pairwise([0, *sorted(cuts[: len(parties) - 1]), cents])))
    return [
        PoleShare(pole_id=pole, amount=eur(Decimal(high - low).scaleb(-2)))
        for pole, (low, high) in zip(parties, gaps, strict=True)
    ]
