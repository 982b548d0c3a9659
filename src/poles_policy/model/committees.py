"""
The pôle's coordination committee (*comité de coordination*) and its meetings (GOV.2).

The committee gathers the pôle and its funders and meets regularly to
follow the pôle's progress toward its objectives. It records the meetings
held and, optionally, the meetings planned as an RFC 5545 recurrence rule
(``"FREQ=MONTHLY;INTERVAL=6"``: every six months).

Whether the committee met often enough, and with its funders, is for the
rules.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Final, NoReturn

import attrs
from dateutil.rrule import rrule, rrulestr

from poles_policy._arguments import expect_day
from poles_policy.exceptions import InvalidInputError, WrongTypeError
from poles_policy.model._validators import (
    a_date,
    an_id,
    boolean,
    ids,
    items,
    non_empty,
    optional_id,
    strings,
    to_bool,
    unique,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["CommitteeMember", "CoordinationCommittee", "Meeting"]

_RRULE_PREFIX: Final = re.compile(r"^\s*RRULE:", re.IGNORECASE)
# Meetings are dated, not timed: a rule that repeats within a day or sets a time is refused.
_TIMED: Final = frozenset(
    {"FREQ=HOURLY", "FREQ=MINUTELY", "FREQ=SECONDLY", "BYHOUR", "BYMINUTE", "BYSECOND"}
)
# Any fixed day serves to check that a rule parses; planned_dates uses its own anchor.
_PROBE_ANCHOR: Final = datetime(2009, 1, 1)  # noqa: DTZ001 - rules are expanded on naive dates


@attrs.frozen(kw_only=True)
class CommitteeMember:
    """
    A member of the coordination committee.

    Attributes:
        actor_id: The member's actor id.
        name: The member's name, e.g. "Région Rhône-Alpes".
        funder: True for a funder of the pôle (GOV.2 asks the committee to
            meet *with* its funders).
    """

    actor_id: str = attrs.field(validator=an_id)
    name: str = attrs.field(validator=non_empty)
    funder: bool = attrs.field(converter=to_bool, validator=boolean)


def _attendees(values: Iterable[str]) -> tuple[str, ...]:
    return strings(values, "Meeting.attendees")


def _distinct_attendees(instance: object, _: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    unique("attendee", f"{type(instance).__name__}.attendees", value)


@attrs.frozen(kw_only=True)
class Meeting:
    """
    A meeting the committee held.

    Attributes:
        held_on: The meeting date.
        attendees: The actor ids of the members present (no one twice);
            empty (the default) when the attendance was not recorded, since
            no meeting is held by nobody.
        contract_id: The performance contract reviewed, or ``None`` if none
            was or it is not known.
    """

    held_on: date = attrs.field(validator=a_date)
    attendees: tuple[str, ...] = attrs.field(
        default=(), converter=_attendees, validator=[ids, _distinct_attendees]
    )
    contract_id: str | None = attrs.field(default=None, validator=optional_id)


def _members(values: Iterable[CommitteeMember]) -> tuple[CommitteeMember, ...]:
    return items(values, CommitteeMember, "CoordinationCommittee.members")


def _distinct_members(
    instance: object, _: attrs.Attribute[Any], value: tuple[CommitteeMember, ...]
) -> None:
    unique("member", f"{type(instance).__name__}.members", (m.actor_id for m in value))


def _meetings(values: Iterable[Meeting]) -> tuple[Meeting, ...]:
    # Kept in the order given, as a document lists them: a fact the rules ask about a meeting
    # (meetings.2.attendees) is at its place in the document. The rules read them by date.
    return items(values, Meeting, "CoordinationCommittee.meetings")


def _meeting_invariants(
    instance: CoordinationCommittee, _: attrs.Attribute[Any], value: tuple[Meeting, ...]
) -> None:
    unique("meeting date", "CoordinationCommittee.meetings", (m.held_on.isoformat() for m in value))
    members = {m.actor_id for m in instance.members}
    for meeting in value:
        for attendee in meeting.attendees:
            if attendee not in members:
                msg = (
                    f"CoordinationCommittee.meetings: attendee {attendee!r} of the meeting on "
                    f"{meeting.held_on.isoformat()} is not a member of the committee"
                )
                raise InvalidInputError(msg)


def _parse_rule(text: str, anchor: datetime) -> rrule:
    body = _RRULE_PREFIX.sub("", text, count=1).strip()
    if not body or ":" in body or "\n" in body:
        msg = (
            f"CoordinationCommittee.planned: {text!r} is not a single RRULE such as "
            "'FREQ=MONTHLY;INTERVAL=6' (the start date is an argument of planned_dates, "
            "not part of the rule)"
        )
        raise InvalidInputError(msg)
    parts = {part.strip().upper() for part in body.split(";")}
    if any("=" not in part for part in parts):
        msg = (
            f"CoordinationCommittee.planned: {text!r} is not an RRULE: each part is NAME=VALUE, "
            "as in 'FREQ=MONTHLY;INTERVAL=6'"
        )
        raise InvalidInputError(msg)
    if any(part.startswith("UNTIL=") and part.endswith("Z") for part in parts):
        msg = (
            f"CoordinationCommittee.planned: {text!r} has a UTC UNTIL; meetings are dated in "
            "local time, so give UNTIL as a date (UNTIL=20111231)"
        )
        raise InvalidInputError(msg)
    timed = parts & _TIMED or {p.split("=", 1)[0] for p in parts} & _TIMED
    if timed:
        msg = (
            f"CoordinationCommittee.planned: {text!r} sets a time of day "
            f"({', '.join(sorted(timed))}); meetings are dated, not timed"
        )
        raise InvalidInputError(msg)
    _check_occurs(text, [(p.split("=", 1)[0], p.split("=", 1)[1]) for p in parts])
    try:
        rule = rrulestr(body, dtstart=anchor)
    except (ValueError, TypeError, KeyError) as exc:
        msg = f"CoordinationCommittee.planned: {text!r} is not a valid RFC 5545 RRULE ({exc})"
        raise InvalidInputError(msg) from None
    if not isinstance(rule, rrule):  # pragma: no cover - a single RRULE line always gives one
        msg = f"CoordinationCommittee.planned: {text!r} is not a single RRULE"
        raise InvalidInputError(msg)
    return rule


# The parts a plan of meetings uses. BYSETPOS, BYWEEKNO and BYYEARDAY are left out: with them a
# rule can be valid yet never occur, and expanding it would scan every year up to 9999.
_PARTS: Final = frozenset(
    {"FREQ", "INTERVAL", "COUNT", "UNTIL", "WKST", "BYMONTH", "BYMONTHDAY", "BYDAY"}
)
# The longest each month can be (February in a leap year).
_MONTH_DAYS: Final = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_ORDINAL_DAY: Final = re.compile(r"([+-]?[0-9]+)?(MO|TU|WE|TH|FR|SA|SU)")


def _check_occurs(text: str, parts: list[tuple[str, str]]) -> None:
    """
    Refuse a rule that repeats a part, or that is valid but may never occur or never advance.

    dateutil expands such rules without end (INTERVAL=0) or by scanning every
    year up to 9999 (a 30 February), which would freeze the caller.
    """
    names = [name for name, _ in parts]
    for name in names:
        if names.count(name) > 1:
            _refuse(text, f"gives {name} twice (RFC 5545: each part at most once)")
        if name not in _PARTS:
            _refuse(text, f"uses {name}; a plan of meetings uses {', '.join(sorted(_PARTS))}")
    given = dict(parts)
    interval = given.get("INTERVAL", "1")
    if not interval.isdigit() or int(interval) < 1:
        _refuse(text, f"has INTERVAL={interval}; the interval is a whole number of at least 1")
    count = given.get("COUNT", "1")
    if not count.isdigit():
        _refuse(text, f"has COUNT={count}; the count is a whole number of at least 1")
    if int(count) < 1:
        _refuse(text, f"has COUNT={count}: it never occurs (a count is at least 1)")
    months = _numbers(given.get("BYMONTH")) or list(range(1, 13))
    if any(not 1 <= m <= 12 for m in months):
        _refuse(text, "has a BYMONTH outside 1 to 12")
    longest = max(_MONTH_DAYS[m - 1] for m in months)
    for day in _numbers(given.get("BYMONTHDAY")):
        if day == 0 or abs(day) > longest:
            _refuse(text, f"has BYMONTHDAY={day}, a day no month of the rule has: it never occurs")
    _check_weekdays(text, given)


def _check_weekdays(text: str, given: dict[str, str]) -> None:
    for item in filter(None, (given.get("BYDAY") or "").split(",")):
        match = _ORDINAL_DAY.fullmatch(item)
        if match is None:
            _refuse(text, f"has BYDAY={item}, not a day such as MO or 1MO")
        if not match.group(1):
            continue
        if "BYMONTHDAY" in given:
            _refuse(text, "gives an ordinal BYDAY with BYMONTHDAY: the two may never meet")
        limit = 53 if given.get("FREQ") == "YEARLY" and "BYMONTH" not in given else 5
        if not 1 <= abs(int(match.group(1))) <= limit:
            _refuse(text, f"has BYDAY={item}: there is no such weekday in the period")


def _refuse(text: str, why: str) -> NoReturn:
    msg = f"CoordinationCommittee.planned: {text!r} {why}"
    raise InvalidInputError(msg)


def _numbers(value: str | None) -> list[int]:
    try:
        return [int(v) for v in value.split(",")] if value else []
    except ValueError:
        return []  # not numbers: rrulestr reports it


def _valid_rule(_: object, __: attrs.Attribute[Any], value: str | None) -> None:
    if value is None:
        return
    given: object = value  # typed callers pass a string; others may not
    if not isinstance(given, str):
        msg = (
            f"CoordinationCommittee.planned: {given!r} is not a string; give an RFC 5545 "
            "RRULE such as 'FREQ=MONTHLY;INTERVAL=6', or None"
        )
        raise WrongTypeError(msg)
    _parse_rule(value, _PROBE_ANCHOR)


@attrs.frozen(kw_only=True)
class CoordinationCommittee:
    """
    A pôle's coordination committee (GOV.2).

    Invariants: no member twice, at most one meeting a day (meetings are kept
    in date order), every attendee is a member, and the planned rule parses.

    Attributes:
        pole_id: The pôle whose committee it is.
        members: The members, funders flagged.
        meetings: The meetings held, in the order given (at most one a day).
        planned: The planned meetings as an RFC 5545 ``RRULE`` (e.g.
            ``"FREQ=MONTHLY;INTERVAL=6"``), without its start date, or
            ``None`` if no plan is known.

    Raises:
        WrongTypeError: If a field is of the wrong type (``planned`` not a
            string, a meeting not a :class:`Meeting`).
        InvalidInputError: If a field breaks an invariant, or ``planned`` is
            not a valid RRULE.
    """

    pole_id: str = attrs.field(validator=an_id)
    members: tuple[CommitteeMember, ...] = attrs.field(
        default=(), converter=_members, validator=_distinct_members
    )
    meetings: tuple[Meeting, ...] = attrs.field(
        default=(), converter=_meetings, validator=_meeting_invariants
    )
    planned: str | None = attrs.field(default=None, validator=_valid_rule)

    @property
    def funders(self) -> tuple[CommitteeMember, ...]:
        """The members who fund the pôle."""
        return tuple(m for m in self.members if m.funder)

    def planned_dates(self, start: date, end: date) -> tuple[date, ...] | None:
        """
        Expand the planned rule from the anchor *start* up to *end*, both inclusive.

        The rule follows RFC 5545: a date that does not exist is skipped, not
        moved (monthly from 31 January skips February; write
        ``BYMONTHDAY=-1`` for month ends).

        Returns:
            The planned dates, or ``None`` when no plan is known (``planned``
            is ``None``), which is not the same as a plan with no date in the
            window (``()``).

        Raises:
            WrongTypeError: If *start* or *end* is not a date.
            InvalidInputError: If *end* is before *start*.

        >>> from datetime import date
        >>> committee = CoordinationCommittee(
        ...     pole_id="minalogic", planned="FREQ=MONTHLY;INTERVAL=6"
        ... )
        >>> committee.planned_dates(date(2009, 7, 6), date(2010, 12, 31))
        (datetime.date(2009, 7, 6), datetime.date(2010, 1, 6), datetime.date(2010, 7, 6))
        """
        expect_day(start, "CoordinationCommittee.planned_dates", "start")
        expect_day(end, "CoordinationCommittee.planned_dates", "end")
        if end < start:
            msg = f"planned_dates: end {end.isoformat()} is before start {start.isoformat()}"
            raise InvalidInputError(msg)
        if self.planned is None:
            return None
        anchor = datetime(start.year, start.month, start.day)  # noqa: DTZ001
        rule = _parse_rule(self.planned, anchor)
        last = datetime(end.year, end.month, end.day)  # noqa: DTZ001
        return tuple(d.date() for d in rule.between(anchor, last, inc=True))
