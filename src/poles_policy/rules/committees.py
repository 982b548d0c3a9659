"""
Whether a pôle's coordination committee meets regularly with its funders (GOV.2).

"La réunion régulière des comités de coordination des pôles et leurs
financeurs": the committee follows the pôle's progress with the pôle's
funders, regularly. Over a period (say, the contract's 2009-2011),
:func:`committee_regularity` reads the meetings held and answers with two
checks and one piece of information:

1. **Regular** (``gov.committee.gaps``): no stretch of the period goes
   without a meeting for longer than ``gov.committee_max_gap_months`` (six
   months, an assumption: the text sets no interval). The stretches are from
   the period's start to the first meeting, between meetings, and from the
   last meeting to the period's end; a stretch is longer than *m* months when
   its end falls after its start plus *m* calendar months (clamped to the
   month's end). A period with no meeting is one long stretch, read more
   strictly (see below).
2. **With its funders** (``gov.committee.funders``): every member flagged as a
   funder attended at least one meeting of the period. A committee that lists
   no funder does not meet with them. A meeting without attendees is one
   whose attendance was not recorded (nobody holds a meeting alone): while a
   funder is seen at none of the recorded meetings and some are not
   recorded, the check is unknown, and asks who attended them
   (``meetings.N.attendees``, N the meeting's place in the committee's list,
   as in its document).
3. **As planned** (information): when the committee records a planned
   recurrence, how many planned dates fall in the period beside how many
   meetings were held.

The period's bounds are inclusive; meetings outside it are not read. The
parameter is read at the period's start.

**A period without any meeting.** The first stretch of a period with
meetings runs from the period's start to a meeting: *m* months exactly is on
time, since the meeting came then. A period with no meeting at all has no
meeting to end its stretch, and GOV.2 asks for meetings: once the period
covers *m* calendar months or more, bounds included (1 January to 30 June
is six months: its end is the day before its start plus *m* months, or
later), the committee went that long without meeting, and the check is not
met. A shorter period without a meeting meets the check: no stretch of it
is yet too long, just as a short period with one meeting meets it, and
there is no fact to ask that could change this (the meetings outside the
period are not read, by design), so it is not left unknown. Such a
committee is still not *regular*: with no meeting, no funder attended one,
and the funders check fails.
"""

from __future__ import annotations

import itertools
from datetime import date
from typing import TYPE_CHECKING, Any, Final

import attrs

from poles_policy.dates import add_months
from poles_policy.exceptions import InvalidInputError
from poles_policy.explain import (
    Check,
    Fact,
    Status,
    Text,
    fr_count,
    fr_de,
    json_fields,
    render_account,
)
from poles_policy.model.committees import CoordinationCommittee, Meeting
from poles_policy.rules._inputs import expect, expect_date, expect_params

if TYPE_CHECKING:
    from poles_policy.explain import Lang
    from poles_policy.parameters import ParameterSet

__all__ = ["CommitteeRegularity", "Gap", "committee_regularity"]

_MAX_GAP: Final = "gov.committee_max_gap_months"
_GOV_2: Final = ("GOV.2",)


@attrs.frozen(kw_only=True)
class Gap:
    """
    A stretch of the period without a meeting.

    Attributes:
        start: Its first day: the period's start, or a meeting's date.
        end: Its last day: a meeting's date, or the period's end.
        days: Its length in days.
        too_long: Whether it is longer than the longest gap allowed; for
            the one stretch of a period without any meeting, whether it
            reaches it (see the module documentation).
    """

    start: date
    end: date
    days: int
    too_long: bool


@attrs.frozen(kw_only=True)
class CommitteeRegularity:
    """
    A coordination committee's meetings over a period, read against GOV.2.

    Attributes:
        pole_id: The pôle whose committee it is.
        start: The period's first day.
        end: The period's last day.
        meetings: The number of meetings held in the period.
        gaps: Every stretch without a meeting, in order.
        absent_funders: The funders (actor ids) seen at no meeting of the
            period whose attendance is recorded, in the committee's order.
        planned: The number of planned meeting dates in the period, or
            ``None`` when the committee records no plan.
        regular: Whether both checks are met (never with no meeting: the
            funders check then fails); ``None`` when the gaps check is met and
            the funders check is unknown (attendance not recorded).
        checks: The gaps check, the funders check, then the plan (information).
    """

    pole_id: str
    start: date
    end: date
    meetings: int
    gaps: tuple[Gap, ...]
    absent_funders: tuple[str, ...]
    planned: int | None
    regular: bool | None
    checks: tuple[Check, ...]

    def explain(self, lang: Lang = "en", *, sources: bool = False) -> str:
        """
        Render the answer, then each check with the parameters it read.

        Args:
            lang: ``"en"`` or ``"fr"``.
            sources: Whether to add each parameter's source.
        """
        fr = lang == "fr"
        # The verdict agrees with "Comité", a singular: "régulier".
        if self.regular is None:
            verdict = (
                "régularité avec les financeurs inconnue (présences non enregistrées)"
                if fr
                else "regularity with the funders not known (attendance not recorded)"
            )
        elif self.regular:
            verdict = "régulier, avec les financeurs" if fr else "regular, with the funders"
        else:
            verdict = "PAS régulier avec les financeurs" if fr else "NOT regular with the funders"
        period = f"{self.start.isoformat()} – {self.end.isoformat()}"
        if fr:
            head = (
                f"Comité de coordination {fr_de(self.pole_id)}, {period} : "
                f"{_reunions(self.meetings)}, {verdict}"
            )
        else:
            head = (
                f"Coordination committee of {self.pole_id}, {period}: "
                f"{self.meetings} meeting(s), {verdict}"
            )
        return render_account(head, self.checks, lang, sources=sources)

    def to_dict(self) -> dict[str, Any]:
        """Return the regularity as JSON-ready data (exact decimals as text, dates in ISO form)."""
        return json_fields(self)


def _regular(gaps: Status, funders: Status) -> bool | None:
    """Both checks met: True; either not met: False; else (the funders unknown) ``None``."""
    if Status.NOT_MET in (gaps, funders):
        return False
    return None if funders is Status.UNKNOWN else gaps is Status.MET and funders is Status.MET


def _reunions(count: int) -> str:
    return fr_count(count, "réunion")


def _reaches(start: date, end: date, months: int) -> bool:
    """Whether the days from *start* to *end*, both included, cover *months* calendar months."""
    # end + 1 day >= start + months, without stepping past the last representable date.
    return (add_months(start, months) - end).days <= 1


def _gaps(days: list[date], start: date, end: date, months: int) -> tuple[Gap, ...]:
    if not days:
        # No meeting ends the stretch: the whole period went without one (see the module docs).
        reached = _reaches(start, end, months)
        return (Gap(start=start, end=end, days=(end - start).days, too_long=reached),)
    bounds = [start, *days, end]
    return tuple(
        Gap(start=a, end=b, days=(b - a).days, too_long=b > add_months(a, months))
        for a, b in itertools.pairwise(bounds)
        if b > a
    )


def _gaps_check(  # noqa: PLR0913 - the gaps and what they were read against
    gaps: tuple[Gap, ...],
    held: int,
    start: date,
    end: date,
    *,
    months: int,
    params: ParameterSet,
) -> Check:
    period = f"{start.isoformat()} – {end.isoformat()}"
    too_long = [g for g in gaps if g.too_long]
    if not held and too_long:
        reason = Text(
            f"no meeting in {period}: the whole period, {months} months or more, without one",
            f"aucune réunion sur {period} : toute la période, {months} mois ou plus, sans réunion",
        )
    elif not held:
        reason = Text(
            f"no meeting in {period}, a period shorter than {months} months: not yet "
            f"{months} months without one",
            f"aucune réunion sur {period}, période de moins de {months} mois : pas encore "
            f"{months} mois sans réunion",
        )
    elif too_long:
        spans = [(f"{g.start.isoformat()} – {g.end.isoformat()}", g.days) for g in too_long]
        listed_en = ", ".join(f"{span} ({days} d)" for span, days in spans)
        listed_fr = ", ".join(f"{span} ({days} j)" for span, days in spans)
        reason = Text(
            f"{held} meeting(s) in {period}; more than {months} months without one: {listed_en}",
            f"{_reunions(held)} sur {period} ; plus de {months} mois sans réunion : {listed_fr}",
        )
    else:
        reason = Text(
            f"{held} meeting(s) in {period}; never more than {months} months without one",
            f"{_reunions(held)} sur {period} ; jamais plus de {months} mois sans réunion",
        )
    return Check(
        key="gov.committee.gaps",
        clauses=_GOV_2,
        label=Text("meets regularly", "se réunit régulièrement"),
        status=Status.NOT_MET if too_long else Status.MET,
        reason=reason,
        parameters=params.uses(start, _MAX_GAP),
    )


def _attendance_fact(index: int, meeting: Meeting) -> Fact:
    day = meeting.held_on.isoformat()
    return Fact(
        path=f"meetings.{index}.attendees",
        question=Text(
            f"Which members attended the meeting of {day}?",
            f"Quels membres ont assisté à la réunion du {day} ?",
        ),
    )


def _funders_check(
    committee: CoordinationCommittee, absent: tuple[str, ...], unrecorded: list[tuple[int, Meeting]]
) -> Check:
    funders = committee.funders
    missing: tuple[Fact, ...] = ()
    if not funders:
        status = Status.NOT_MET
        reason = Text(
            "the committee lists no funder among its members",
            "le comité ne compte aucun financeur parmi ses membres",
        )
    elif absent and unrecorded:
        status = Status.UNKNOWN
        names = ", ".join(f.name for f in funders if f.actor_id in absent)
        days = ", ".join(m.held_on.isoformat() for _, m in unrecorded)
        reason = Text(
            f"funder(s) at no meeting whose attendance is recorded: {names}; attendance not "
            f"recorded for the meeting(s) of {days}",
            f"{fr_count(len(absent), 'financeur absent', 'financeurs absents')} des réunions "
            f"dont les présences sont enregistrées : {names} ; présences non enregistrées pour "
            f"{'la réunion' if len(unrecorded) == 1 else 'les réunions'} du {days}",
        )
        missing = tuple(_attendance_fact(i, m) for i, m in unrecorded)
    elif absent:
        status = Status.NOT_MET
        names = ", ".join(f.name for f in funders if f.actor_id in absent)
        reason = Text(
            f"funder(s) at no meeting of the period: {names}",
            f"{fr_count(len(absent), 'financeur absent', 'financeurs absents')} de toutes les "
            f"réunions de la période : {names}",
        )
    else:
        status = Status.MET
        names = ", ".join(f.name for f in funders)
        reason = Text(
            f"every funder attended at least one meeting: {names}",
            f"chaque financeur a assisté à au moins une réunion : {names}",
        )
    return Check(
        key="gov.committee.funders",
        clauses=_GOV_2,
        label=Text("meets with its funders", "se réunit avec ses financeurs"),
        status=status,
        reason=reason,
        missing=missing,
    )


def _plan_check(
    committee: CoordinationCommittee, planned: tuple[date, ...] | None, held: int
) -> Check:
    if planned is None:
        reason = Text("no planned recurrence recorded", "aucun calendrier prévu enregistré")
    else:
        reason = Text(
            f"{len(planned)} meeting(s) planned ({committee.planned}), {held} held",
            f"{fr_count(len(planned), 'réunion prévue', 'réunions prévues')} "
            f"({committee.planned}), {fr_count(held, 'tenue')}",
        )
    return Check(
        key="gov.committee.planned",
        clauses=_GOV_2,
        label=Text("meetings planned", "réunions prévues"),
        status=Status.NOT_APPLICABLE,
        reason=reason,
        informative=True,
    )


def committee_regularity(
    committee: CoordinationCommittee, start: date, end: date, params: ParameterSet
) -> CommitteeRegularity:
    """
    Tell whether *committee* met regularly, with its funders, from *start* to *end* (GOV.2).

    Args:
        committee: The committee, with its members and the meetings held.
        start: The period's first day (inclusive).
        end: The period's last day (inclusive), on or after *start*.
        params: Policy parameters, read at *start*.

    Returns:
        The meetings read, the gaps, the funders absent throughout, and the
        checks that explain the answer.

    Raises:
        InvalidInputError: If *end* is before *start*.
        ParameterError: If ``gov.committee_max_gap_months`` has no value on
            *start* (before 2009).

    >>> from datetime import date
    >>> from poles_policy.model.committees import (
    ...     CommitteeMember,
    ...     CoordinationCommittee,
    ...     Meeting,
    ... )
    >>> from poles_policy.parameters import default_parameters
    >>> committee = CoordinationCommittee(
    ...     pole_id="minalogic",
    ...     members=(CommitteeMember(actor_id="region-82", name="Région", funder=True),),
    ...     meetings=(
    ...         Meeting(held_on=date(2009, 6, 15), attendees=("region-82",)),
    ...         Meeting(held_on=date(2010, 3, 1), attendees=()),
    ...     ),
    ... )
    >>> answer = committee_regularity(
    ...     committee, date(2009, 1, 1), date(2010, 6, 30), default_parameters()
    ... )
    >>> answer.regular, [(g.start.isoformat(), g.days) for g in answer.gaps if g.too_long]
    (False, [('2009-06-15', 259)])
    """
    expect(committee, CoordinationCommittee, "committee", "committee_regularity")
    expect_date(start, "start", "committee_regularity")
    expect_date(end, "end", "committee_regularity")
    expect_params(params, "committee_regularity")
    if end < start:
        msg = f"committee_regularity: end: {end.isoformat()} is before start {start.isoformat()}"
        raise InvalidInputError(msg)
    months = params.count(_MAX_GAP, start)
    held = [m for m in committee.meetings if start <= m.held_on <= end]
    days = sorted({m.held_on for m in held})
    gaps = _gaps(days, start, end, months)
    gap_check = _gaps_check(gaps, len(held), start, end, months=months, params=params)
    funders = committee.funders
    present = {actor for m in held for actor in m.attendees}
    absent = tuple(f.actor_id for f in funders if f.actor_id not in present)
    # Numbered as the committee lists its meetings, as its document does: a form points at them.
    unrecorded = [
        (i, m)
        for i, m in enumerate(committee.meetings)
        if start <= m.held_on <= end and not m.attendees
    ]
    funder_check = _funders_check(committee, absent, unrecorded)
    planned = committee.planned_dates(start, end)
    plan_check = _plan_check(committee, planned, len(held))
    return CommitteeRegularity(
        pole_id=committee.pole_id,
        start=start,
        end=end,
        meetings=len(held),
        gaps=gaps,
        absent_funders=absent,
        planned=None if planned is None else len(planned),
        regular=_regular(gap_check.status, funder_check.status),
        checks=(gap_check, funder_check, plan_check),
    )
