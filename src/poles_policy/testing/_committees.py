"""Coordination committees, their members and meetings (GOV.2)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Final

from hypothesis import strategies as st

from poles_policy.model.committees import CommitteeMember, CoordinationCommittee, Meeting
from poles_policy.testing._arguments import checked
from poles_policy.testing._values import (
    _POLE_IDS,
    PHASE_2_END,
    PHASE_2_START,
    _flaw,
    _some,
    policy_dates,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

_PLANS: Final = ("FREQ=MONTHLY;INTERVAL=6", "FREQ=MONTHLY;INTERVAL=4", "FREQ=YEARLY;COUNT=3")


@checked
@st.composite
def committee_members(
    draw: st.DrawFn, *, actor_id: str | None = None, funder: bool | None = None
) -> CommitteeMember:
    """
    Generate a committee member, a funder of the pôle or not (shrinking toward not).

    *actor_id* fixes the member (by default ``member-0`` to ``member-99``),
    and *funder* whether it funds the pôle.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate])  # the first example found, not shrunk
    >>> region = committee_members(actor_id="region-82", funder=True)
    >>> member = find(region, lambda member: True, settings=quick)
    >>> member.actor_id, member.funder
    ('region-82', True)
    """
    n = draw(st.integers(min_value=0, max_value=99))
    return CommitteeMember(
        actor_id=actor_id if actor_id is not None else f"member-{n}",
        name=f"Membre {n} (generated)",
        funder=draw(st.booleans()) if funder is None else funder,
    )


@checked
@st.composite
def meetings(
    draw: st.DrawFn,
    *,
    attendees: Sequence[str] = ("association", "member-0", "member-1"),
    start: date = PHASE_2_START,
    end: date = PHASE_2_END,
) -> Meeting:
    """
    Generate a meeting held from *start* to *end*, attended by some of *attendees*.

    By default (and so for ``st.from_type(Meeting)``) the attendees are
    drawn among ``association``, ``member-0`` and ``member-1``, the ids of
    :func:`coordination_committees`' members; give ``attendees=()`` for
    meetings nobody attended. It reviews a contract (``contract-0``) or
    none. Shrinks toward a meeting on *start* that nobody attended.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate])  # the first example found, not shrunk
    >>> strategy = meetings(
    ...     attendees=["prefet-82", "region-82"], start=date(2009, 1, 1), end=date(2009, 12, 31)
    ... )
    >>> meeting = find(strategy, lambda meeting: meeting.attendees, settings=quick)
    >>> meeting.held_on.year, set(meeting.attendees) <= {"prefet-82", "region-82"}
    (2009, True)
    """
    return Meeting(
        held_on=draw(policy_dates(min_value=start, max_value=end)),
        attendees=_some(draw, attendees, len(attendees)),
        contract_id=draw(st.none() | st.just("contract-0")),
    )


# The shortest six calendar months last 181 days (31 August to 28 February): a committee that
# never waits longer between meetings meets every six months whatever its dates.
_SIX_MONTHS_AT_LEAST: Final = 181


@checked
@st.composite
def coordination_committees(
    draw: st.DrawFn,
    *,
    pole_id: str | None = None,
    start: date = date(2009, 1, 1),
    end: date = date(2011, 12, 31),
) -> CoordinationCommittee:
    """
    Generate a pôle's coordination committee, its members and the meetings it held.

    The members are the pôle's association (not a funder) and up to four
    others (``member-0``...), funders three times in four. Meetings follow
    one another from *start* to *end*: three committees in four never wait
    more than six months (181 days) between two of them, nor from *start*
    to the first, nor from the last to *end*; the others wait up to 300
    days, or never met. A committee thus meets regularly or not (GOV.2).
    Each meeting is attended by some of the members. The planned rule is
    one of a few valid RRULEs, or none.

    Args:
        pole_id: The pôle; by default ``pole-0`` to ``pole-3``.
        start: The first day of the period its meetings cover (the steering
            parameters are in force from 2009).
        end: The last day of that period.

    Shrinks toward a committee of the association alone, whether it met or
    never met: the extra members shrink away.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate])  # the first example found, not shrunk
    >>> strategy = coordination_committees(pole_id="minalogic")
    >>> find(strategy, lambda committee: True, settings=quick).pole_id
    'minalogic'
    """
    pole = pole_id if pole_id is not None else draw(st.sampled_from(_POLE_IDS))
    association = CommitteeMember(actor_id="association", name=f"Association {pole}", funder=False)
    # The others as one list (funder three times in four, as _sound), so that they shrink away.
    others = draw(
        st.lists(st.tuples(st.integers(min_value=0, max_value=3), st.integers(0, 99)), max_size=4)
    )
    members = [association] + [
        CommitteeMember(actor_id=f"member-{i}", name=f"Membre {n} (generated)", funder=k < 3)
        for i, (k, n) in enumerate(others)
    ]
    ids = [m.actor_id for m in members]
    flaw = _flaw(draw, 2)
    longest = _SIX_MONTHS_AT_LEAST if not flaw else 300
    # Gaps shrink toward the longest, so that a shrunk committee has few meetings.
    gaps = st.integers(min_value=0, max_value=longest - 1).map(lambda k: longest - k)
    held: list[Meeting] = []
    # A committee that never met, past the end, if that is its flaw.
    day = end + timedelta(days=1) if flaw == 2 else start + timedelta(days=draw(gaps))
    while day <= end:
        held.append(
            Meeting(
                held_on=day,
                attendees=_some(draw, ids, len(ids)),
                contract_id=draw(st.none() | st.just(f"contract-{pole}")),
            )
        )
        day += timedelta(days=draw(gaps))
    return CoordinationCommittee(
        pole_id=pole,
        members=members,
        meetings=held,
        planned=draw(st.none() | st.sampled_from(_PLANS)),
    )
