"""
CPER priority to pôle-linked structuring projects (SYN.4); allocations linked to pôles (SYN.2).

"Les contrats de projets État-Régions (CPER) seront orientés pour apporter un
soutien prioritaire aux projets structurants liés aux pôles de
compétitivité" (SYN.4). The text says *priority*, not how an envelope is
shared; :func:`allocate_envelope` reads it as follows (the library's
reading, not the text's):

1. **Order.** Projects linked to at least one pôle come first, then the
   others. Within each of these two tiers, projects with a
   ``priority_rank`` come by rank (1 first), before the unranked ones.
   Projects that tie (the same rank, or both unranked, in the same tier)
   keep the order in which they were given: the caller's order is the only
   information left to separate them.
2. **Sharing.** The envelope is shared in that order, each project
   receiving what it asked for or what remains, whichever is less. The
   project reached when the envelope runs out is therefore funded *in
   part*, deliberately: the text gives priority, not all-or-nothing
   funding, and skipping a large project to fund a smaller one behind it
   would put the later project first. The projects after it receive
   nothing. A project that asks for nothing is funded in full, whatever
   remains.
3. **Input.** Every project must be in the envelope's region and have its
   own id; an empty list is valid and allocates nothing.

The allocation is exact to the cent: no amount is rounded, since every
grant is either a request or what remains of the envelope.

"Une prise en compte suivie et quantifiée des pôles" (SYN.2): the ministries
of the interministerial working group track and quantify how their
allocations to the research and training bodies they supervise take the
pôles into account. :func:`linked_allocation_shares` quantifies it per
ministry and year: the total allocated, the part flagged as linked to a
pôle, the share this part is of the total, and the amount per pôle. The
text sets no figure for that share: it is reported, not judged.

**One ministry, one row.** Ministries are grouped by
:attr:`~poles_policy.model.cper.Allocation.ministry_key`, so that "MESR",
"mesr" and "MESR " are one ministry, not three. Nothing is renamed
silently: a share shows the ministry as first spelled among the
allocations given, and lists every spelling met (``spellings``), which the
explanation names when there are several. Pôle ids are matched exactly.

**Shares.** A share is an exact quotient of two amounts. As a
:class:`~decimal.Decimal` it is exact when the quotient terminates within 28
significant digits (0.85), and held to 28 significant digits otherwise
(17/26); the exact value is always available as a
:class:`~fractions.Fraction` (``linked_fraction``, ``fraction``), and the
two amounts it divides are kept. A share is ``None`` when nothing was
allocated: 0 / 0 is neither 0 % nor 100 %. Explanations show a share as a
percentage, exactly when it has at most two decimals, otherwise rounded
half up to 0.01 % and marked with "≈".
"""

from __future__ import annotations

import enum
import unicodedata
from collections import defaultdict
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Final

import attrs

from poles_policy.exceptions import InvalidInputError, WrongTypeError
from poles_policy.explain import (
    Check,
    Status,
    Text,
    fr_amount,
    fr_count,
    fr_number,
    fr_percent,
    json_fields,
    render_account,
)
from poles_policy.model.cper import Allocation, CperEnvelope, StructuringProject
from poles_policy.money import EXACT, Eur, exact_decimals, ratio, total
from poles_policy.rules._inputs import expect, expect_date, expect_items, poles_by_id

if TYPE_CHECKING:
    from collections.abc import Iterable

    from poles_policy.explain import Lang
    from poles_policy.model.poles import Pole

__all__ = [
    "AllocationShare",
    "EnvelopeAllocation",
    "Funding",
    "ProjectAllocation",
    "allocate_envelope",
    "linked_allocation_shares",
]

_SYN_2: Final = ("SYN.2",)
_SYN_4: Final = ("SYN.4",)
_HUNDREDTH: Final = Decimal("0.01")


class Funding(enum.Enum):
    """How much of its request a project received from the envelope."""

    FULL = "full"
    """All of it (also when it asked for nothing)."""
    PARTIAL = "partial"
    """Part of it: the envelope ran out on this project."""
    NONE = "none"
    """Nothing: the envelope was exhausted before this project was reached."""

    @property
    def label(self) -> Text:
        """The funding in English and French."""
        return _FUNDING_LABELS[self]


_FUNDING_LABELS: Final = {
    Funding.FULL: Text("in full", "en totalité"),
    Funding.PARTIAL: Text("in part", "en partie"),
    Funding.NONE: Text("not funded", "non financé"),
}


def _fraction(part: Decimal, whole: Decimal) -> Fraction | None:
    return None if whole == 0 else Fraction(part) / Fraction(whole)


def _percent(share: Decimal | None, lang: Lang) -> str:
    fr = lang == "fr"
    if share is None:
        return "pas de part : rien d'attribué" if fr else "no share: nothing allocated"
    exact = EXACT.multiply(share, 100)
    # Display only: the exact share stays on the result; a rounded figure is marked as such.
    shown = exact.quantize(_HUNDREDTH, rounding=ROUND_HALF_UP, context=EXACT)
    if shown == exact:
        return fr_percent(share) if fr else f"{exact.normalize(EXACT):f} %"
    return f"≈ {fr_number(shown) if fr else format(shown, 'f')} %"


def _amounts_fr(amount: Decimal, singular: str, plural: str) -> str:
    """*amount* in euros, then the word that agrees with it: French keeps the singular below 2."""
    return f"{fr_amount(amount)} {singular if abs(amount) < 2 else plural}"


@attrs.frozen(kw_only=True)
class ProjectAllocation:
    """
    One project's line in an envelope's allocation (SYN.4).

    Attributes:
        project_id: The structuring project.
        position: Its place in the allocation order (1 is served first).
        linked: Whether it is linked to at least one pôle (a SYN.4 priority).
        priority_rank: Its rank in the region's priority list, or ``None``
            when it is not ranked.
        requested: The amount it asked for.
        granted: The amount it receives, at most *requested*.
        shortfall: ``requested - granted``.
        status: Funded in full, in part, or not at all.
        unlabelled_pole_ids: The pôles the project names that did not hold
            their label on the allocation's date (only when the pôles were
            given to :func:`allocate_envelope`): a link to them gives no
            priority.
        on: The date the pôles' labels were read, or ``None`` when they
            were not checked.
    """

    project_id: str
    position: int
    linked: bool
    priority_rank: int | None
    requested: Eur
    granted: Eur
    shortfall: Eur
    status: Funding
    unlabelled_pole_ids: tuple[str, ...] = ()
    on: date | None = None

    @property
    def check(self) -> Check:
        """The line as a check citing SYN.4: met when the request is funded in full."""
        if self.linked:
            tier = Text("pôle-linked", "lié à un pôle")
        elif self.unlabelled_pole_ids and self.on is not None:
            ids, day = ", ".join(self.unlabelled_pole_ids), self.on.isoformat()
            one = len(self.unlabelled_pole_ids) < 2
            tier = Text(
                f"not linked to a labelled pôle ({ids}: not holding {'its' if one else 'their'} "
                f"label on {day})",
                f"non lié à un pôle labellisé ({ids} : ne détenant pas {'son' if one else 'leur'} "
                f"label le {day})",
            )
        else:
            tier = Text("not linked to a pôle", "non lié à un pôle")
        rank = self.priority_rank
        ranked = Text(
            "unranked" if rank is None else f"rank {rank}",
            "sans rang" if rank is None else f"rang {rank}",
        )
        funded = self.status.label
        if self.status is Funding.FULL:
            after = Text("", "")
        elif self.status is Funding.PARTIAL:
            after = Text(
                f", shortfall {self.shortfall} EUR: the envelope runs out here",
                f", manque {fr_amount(self.shortfall)} : l'enveloppe s'épuise ici",
            )
        else:
            after = Text(
                f", shortfall {self.shortfall} EUR: the envelope was already exhausted",
                f", manque {fr_amount(self.shortfall)} : l'enveloppe était déjà épuisée",
            )
        pid, pos = self.project_id, self.position
        return Check(
            key=f"syn.cper.{pid}",
            clauses=_SYN_4,
            label=Text(f"{pos}. {pid}: request funded", f"{pos}. {pid} : demande financée"),
            status=Status.MET if self.status is Funding.FULL else Status.NOT_MET,
            reason=Text(
                f"{tier.en}, {ranked.en}; requested {self.requested} EUR, "
                f"granted {self.granted} EUR ({funded.en}){after.en}",
                f"{tier.fr}, {ranked.fr} ; demandé {fr_amount(self.requested)}, "
                f"accordé {fr_amount(self.granted)} ({funded.fr}){after.fr}",
            ),
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the line as JSON-ready data (exact decimals as text, dates in ISO form)."""
        return json_fields(self)


@attrs.frozen(kw_only=True)
class EnvelopeAllocation:
    """
    A CPER envelope shared among structuring projects, pôle-linked ones first (SYN.4).

    Invariants: ``allocated + remaining`` is the envelope's amount; the
    grants add up to ``allocated``; no project receives more than it asked
    for; no project unlinked to a pôle receives anything while a pôle-linked
    project has a shortfall.

    Attributes:
        envelope_id: The envelope shared.
        lines: One line per project, in allocation order.
        allocated: The total granted.
        remaining: What is left of the envelope.
        linked_allocated: The part of ``allocated`` granted to projects
            linked to a pôle.
    """

    envelope_id: str
    lines: tuple[ProjectAllocation, ...]
    allocated: Eur
    remaining: Eur
    linked_allocated: Eur

    @property
    def linked_share(self) -> Decimal | None:
        """
        The share of the allocated amount granted to pôle-linked projects.

        Exact when the quotient terminates within 28 significant digits,
        held to 28 digits otherwise (:attr:`linked_fraction` is always
        exact); ``None`` when nothing is allocated.
        """
        return ratio(self.linked_allocated, self.allocated)

    @property
    def linked_fraction(self) -> Fraction | None:
        """The same share as an exact fraction; ``None`` when nothing is allocated."""
        return _fraction(self.linked_allocated, self.allocated)

    @property
    def checks(self) -> tuple[Check, ...]:
        """One check per line, in allocation order: met when the request is funded in full."""
        return tuple(line.check for line in self.lines)

    def explain(self, lang: Lang = "en") -> str:
        """
        Render the allocation: the envelope and its totals, then each line in order.

        Args:
            lang: ``"en"`` or ``"fr"``.
        """
        amount = EXACT.add(self.allocated, self.remaining)
        count = len(self.lines)
        linked = sum(1 for line in self.lines if line.linked)
        share = _percent(self.linked_share, lang)
        if self.linked_share is not None:
            share += " de l'attribué" if lang == "fr" else " of the allocated"
        if lang == "fr":
            if not count:
                projects = "aucun projet"
            elif not linked:
                projects = f"{fr_count(count, 'projet')}, dont aucun lié aux pôles"
            else:
                served = fr_count(linked, "lié aux pôles, servi", "liés aux pôles, servis")
                projects = f"{fr_count(count, 'projet')}, dont {served} en premier"
            head = (
                f"Enveloppe CPER {self.envelope_id} : {fr_amount(amount)}, {projects} (SYN.4)\n"
                f"  attribué {fr_amount(self.allocated)}, reste {fr_amount(self.remaining)} ; "
                f"aux projets liés aux pôles {fr_amount(self.linked_allocated)} ({share})"
            )
        else:
            projects = (
                f"{count} project(s) of which {linked} pôle-linked, served first"
                if count
                else "no project"
            )
            head = (
                f"CPER envelope {self.envelope_id}: {amount} EUR, {projects} (SYN.4)\n"
                f"  allocated {self.allocated} EUR, remaining {self.remaining} EUR; to "
                f"pôle-linked projects {self.linked_allocated} EUR ({share})"
            )
        return render_account(head, self.checks, lang)

    def to_dict(self) -> dict[str, Any]:
        """Return the allocation as JSON-ready data (exact decimals as text, dates in ISO form)."""
        return json_fields(
            self,
            properties=(
                "linked_share",
                "linked_fraction",
                "checks",
            ),
        )


def _validated(
    envelope: CperEnvelope, projects: Iterable[StructuringProject]
) -> list[StructuringProject]:
    seen: set[str] = set()
    out: list[StructuringProject] = []
    for project in projects:
        if project.region != envelope.region:
            msg = (
                f"StructuringProject.region: {project.region!r} (project {project.id!r}) is not "
                f"the region {envelope.region!r} of envelope {envelope.id!r}"
            )
            raise InvalidInputError(msg)
        if project.id in seen:
            msg = f"StructuringProject.id: {project.id!r} appears twice among the projects"
            raise InvalidInputError(msg)
        seen.add(project.id)
        out.append(project)
    return out


def _unlabelled(
    projects: list[StructuringProject], given: dict[str, Pole] | None, on: date | None
) -> dict[str, tuple[str, ...]]:
    """The pôles each project names that do not hold their label on *on* (none unless given)."""
    if given is None or on is None:
        return {}
    out: dict[str, tuple[str, ...]] = {}
    for project in projects:
        for pole_id in project.pole_ids:
            if pole_id not in given:
                msg = (
                    f"StructuringProject.pole_ids: {pole_id!r} (project {project.id!r}) is not "
                    "among the pôles given"
                )
                raise InvalidInputError(msg)
        out[project.id] = tuple(p for p in project.pole_ids if not given[p].is_labelled_on(on))
    return out


def _priority(
    project: StructuringProject, unlabelled: dict[str, tuple[str, ...]]
) -> tuple[bool, bool, int]:
    # False sorts first: linked before unlinked, ranked before unranked, then the rank. The sort
    # is stable, so ties keep the order given.
    rank = project.priority_rank
    return (not _linked(project, unlabelled), rank is None, rank or 0)


def _linked(project: StructuringProject, unlabelled: dict[str, tuple[str, ...]]) -> bool:
    return len(project.pole_ids) > len(unlabelled.get(project.id, ()))


@exact_decimals
def allocate_envelope(
    envelope: CperEnvelope,
    projects: Iterable[StructuringProject],
    *,
    poles: Iterable[Pole] | None = None,
    on: date | None = None,
) -> EnvelopeAllocation:
    """
    Share *envelope* among *projects*, pôle-linked projects first (SYN.4).

    Projects linked to a pôle come first, then the others; within each tier,
    ranked projects by rank, then unranked ones; ties keep the order given.
    Each project in turn receives its request or what remains, whichever is
    less, so the project on which the envelope runs out is funded in part.

    Given *poles* and the date *on* of the allocation, a project counts as
    linked only through a pôle that holds its label that day (a project
    linked only to Sporaltec after May 2010 has no priority), and a pôle id
    that is not among *poles* -- a typing slip, say -- is refused rather than
    taken as a link. Without them, the links are taken as recorded.

    Args:
        envelope: The region's CPER envelope.
        projects: The structuring projects put forward, in any order (the
            order given only separates ties).
        poles: The pôles with their labelling histories (for instance
            :func:`poles_policy.data.rhone_alpes_poles`), or ``None``.
        on: The date of the allocation, on which the labels are read;
            required with *poles*, and only with them.

    Returns:
        The allocation, line by line in allocation order, with its totals.

    Raises:
        InvalidInputError: If a project is not in the envelope's region, if
            two projects share an id, or, with *poles*, if a project names a
            pôle that is not among them or *on* is outside the envelope's
            period.
        WrongTypeError: If *poles* is given without *on* or *on* without
            *poles*, or either is of the wrong type.

    >>> from datetime import date
    >>> from poles_policy.model.cper import CperEnvelope, StructuringProject
    >>> envelope = CperEnvelope(
    ...     id="cper-82",
    ...     region="82",
    ...     period_start=date(2007, 1, 1),
    ...     period_end=date(2013, 12, 31),
    ...     amount="500000",
    ... )
    >>> projects = [
    ...     StructuringProject(id="hall", name="Hall", region="82", requested="300000"),
    ...     StructuringProject(
    ...         id="axel-one",
    ...         name="Axel'One",
    ...         region="82",
    ...         pole_ids=("axelera",),
    ...         requested="400000",
    ...     ),
    ... ]
    >>> allocation = allocate_envelope(envelope, projects)
    >>> [(line.project_id, line.granted, line.status.value) for line in allocation.lines]
    [('axel-one', Decimal('400000.00'), 'full'), ('hall', Decimal('100000.00'), 'partial')]
    >>> allocation.linked_share
    Decimal('0.8')
    """
    expect(envelope, CperEnvelope, "envelope", "allocate_envelope")
    projects = expect_items(projects, StructuringProject, "projects", "allocate_envelope")
    if (poles is None) != (on is None):
        msg = (
            "allocate_envelope: poles and on go together: the pôles' labels are read on the "
            "date of the allocation"
        )
        raise WrongTypeError(msg)
    if on is not None:
        expect_date(on, "on", "allocate_envelope")
        if not envelope.period_start <= on <= envelope.period_end:
            # A typing slip: the labels would be read on a day the envelope does not cover.
            msg = (
                f"allocate_envelope: on: {on.isoformat()} is outside envelope {envelope.id!r} "
                f"({envelope.period_start.isoformat()} to {envelope.period_end.isoformat()}); "
                "an envelope is allocated within its contract period"
            )
            raise InvalidInputError(msg)
    given = None if poles is None else poles_by_id(poles)
    valid = _validated(envelope, projects)
    unlabelled = _unlabelled(valid, given, on)
    ordered = sorted(valid, key=lambda project: _priority(project, unlabelled))
    remaining: Decimal = envelope.amount
    lines: list[ProjectAllocation] = []
    for position, project in enumerate(ordered, start=1):
        requested = project.requested
        granted = min(requested, remaining)
        remaining = EXACT.subtract(remaining, granted)
        if granted == requested:
            status = Funding.FULL
        elif granted == 0:
            status = Funding.NONE
        else:
            status = Funding.PARTIAL
        lines.append(
            ProjectAllocation(
                project_id=project.id,
                position=position,
                linked=_linked(project, unlabelled),
                priority_rank=project.priority_rank,
                requested=requested,
                granted=Eur(granted),
                shortfall=Eur(EXACT.subtract(requested, granted)),
                status=status,
                unlabelled_pole_ids=unlabelled.get(project.id, ()),
                on=on,
            )
        )
    return EnvelopeAllocation(
        envelope_id=envelope.id,
        lines=tuple(lines),
        allocated=total(line.granted for line in lines),
        remaining=Eur(remaining),
        linked_allocated=total(line.granted for line in lines if line.linked),
    )


@attrs.frozen(kw_only=True)
class AllocationShare:
    """
    A ministry's allocations in one year, and the part linked to pôles (SYN.2).

    Attributes:
        ministry: The allocating ministry, as first spelled among the
            allocations given (the same for each of its years).
        spellings: Every spelling of the ministry met among the allocations
            given, all years together, in the order met; *ministry* first.
            Spellings that differ only in Unicode composition are one.
        year: The year.
        total: Everything it allocated that year to the bodies it supervises.
        linked: The part of *total* flagged as linked to a pôle.
        by_pole: The linked amount per pôle, sorted by pôle id (a pôle
            whose allocations are all 0.00 is listed with 0.00).
    """

    ministry: str
    spellings: tuple[str, ...]
    year: int
    total: Eur
    linked: Eur
    by_pole: tuple[tuple[str, Eur], ...]

    @property
    def share(self) -> Decimal | None:
        """
        ``linked / total``: exact when it terminates within 28 significant digits.

        ``None`` when the total is zero (0 / 0 is neither 0 % nor 100 %);
        :attr:`fraction` is always exact.
        """
        return ratio(self.linked, self.total)

    @property
    def fraction(self) -> Fraction | None:
        """The same share as an exact fraction; ``None`` when the total is zero."""
        return _fraction(self.linked, self.total)

    @property
    def checks(self) -> tuple[Check]:
        """The quantified share, citing SYN.2 (not applicable when nothing was allocated)."""
        share = self.share
        if share is None:
            reason = Text(
                f"nothing allocated in {self.year}: no share (0 / 0 is neither 0 % nor 100 %)",
                f"rien d'attribué en {self.year} : pas de part (0 / 0 n'est ni 0 % ni 100 %)",
            )
        else:
            # "=" only for an exact share: a quotient held to 28 digits is marked as rounded.
            sign = "=" if Fraction(share) == self.fraction else "≈"
            reason = Text(
                f"{self.linked} / {self.total} EUR {sign} {share:f}",
                f"{fr_amount(self.linked)} / {fr_amount(self.total)} {sign} {fr_number(share)}",
            )
        check = Check(
            key="syn.allocations.share",
            clauses=_SYN_2,
            label=Text("share linked to pôles, quantified", "part liée aux pôles, quantifiée"),
            status=Status.NOT_APPLICABLE if share is None else Status.MET,
            reason=reason,
        )
        return (check,)

    def explain(self, lang: Lang = "en") -> str:
        """
        Render the year's allocations: the total, the linked part, each pôle, then the share.

        When the ministry is spelled in several ways, a line after the first
        names the other spellings, so that grouping them is never silent.

        Args:
            lang: ``"en"`` or ``"fr"``.
        """
        pct = _percent(self.share, lang)
        others = ", ".join(repr(spelling) for spelling in self.spellings[1:])
        if lang == "fr":
            head = (
                f"Dotations ({self.ministry}, {self.year}, SYN.2) : {fr_amount(self.total)}, "
                f"dont {_amounts_fr(self.linked, 'lié', 'liés')} aux pôles ({pct})"
            )
            also = f"  aussi écrit : {others}"
            poles = [f"  pôle {pole} : {fr_amount(amount)}" for pole, amount in self.by_pole]
        else:
            head = (
                f"Allocations ({self.ministry}, {self.year}, SYN.2): {self.total} EUR, of "
                f"which {self.linked} EUR linked to pôles ({pct})"
            )
            also = f"  also written: {others}"
            poles = [f"  pôle {pole}: {amount} EUR" for pole, amount in self.by_pole]
        lines = [head, *([also] if others else []), *poles]
        return render_account("\n".join(lines), self.checks, lang)

    def to_dict(self) -> dict[str, Any]:
        """Return the share as JSON-ready data (exact decimals as text, dates in ISO form)."""
        return json_fields(
            self,
            properties=(
                "share",
                "fraction",
                "checks",
            ),
        )


@exact_decimals
def linked_allocation_shares(allocations: Iterable[Allocation]) -> tuple[AllocationShare, ...]:
    """
    Quantify, per ministry and year, the part of the allocations linked to pôles (SYN.2).

    A ministry is recognised by
    :attr:`~poles_policy.model.cper.Allocation.ministry_key`: spellings that
    differ only in case, surrounding or repeated blanks, or Unicode
    composition are one ministry, shown as first spelled and with every
    spelling listed.

    Args:
        allocations: Ministries' allocations to the bodies they supervise,
            each flagged with the pôle it is linked to, if any.

    Returns:
        One share per (ministry, year) that has at least one allocation,
        sorted by ministry (compared as keys, so without case) then year;
        empty for no allocation.

    >>> from poles_policy.model.cper import Allocation
    >>> shares = linked_allocation_shares(
    ...     [
    ...         Allocation(ministry="MESR", body="CNRS", year=2010, amount="300000"),
    ...         Allocation(
    ...             ministry="MESR", body="CEA", year=2010, amount="100000", pole_id="minalogic"
    ...         ),
    ...     ]
    ... )
    >>> [(s.ministry, s.year, s.total, s.linked, s.share) for s in shares]
    [('MESR', 2010, Decimal('400000.00'), Decimal('100000.00'), Decimal('0.25'))]
    >>> mixed = linked_allocation_shares(
    ...     [
    ...         Allocation(ministry="MESR", body="CNRS", year=2010, amount="300000"),
    ...         Allocation(ministry="mesr ", body="CEA", year=2010, amount="100000"),
    ...     ]
    ... )
    >>> [(s.ministry, s.spellings, s.total) for s in mixed]
    [('MESR', ('MESR', 'mesr '), Decimal('400000.00'))]
    """
    allocations = expect_items(allocations, Allocation, "allocations", "linked_allocation_shares")
    groups: defaultdict[tuple[str, int], list[Allocation]] = defaultdict(list)
    # Each ministry's spellings, first met first, keyed by NFC so that a spelling is text.
    spellings: defaultdict[str, dict[str, str]] = defaultdict(dict)
    for allocation in allocations:
        key = allocation.ministry_key
        groups[key, allocation.year].append(allocation)
        spelling = allocation.ministry
        spellings[key].setdefault(unicodedata.normalize("NFC", spelling), spelling)
    out: list[AllocationShare] = []
    for (key, year), items in sorted(groups.items()):
        per_pole: defaultdict[str, list[Decimal]] = defaultdict(list)
        for item in items:
            if item.pole_id is not None:
                per_pole[item.pole_id].append(item.amount)
        by_pole = tuple((pole, total(amounts)) for pole, amounts in sorted(per_pole.items()))
        names = tuple(spellings[key].values())
        out.append(
            AllocationShare(
                ministry=names[0],
                spellings=names,
                year=year,
                total=total(item.amount for item in items),
                linked=total(amount for _, amount in by_pole),
                by_pole=by_pole,
            )
        )
    return tuple(out)
