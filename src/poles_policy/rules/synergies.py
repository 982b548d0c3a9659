"""
Whether a pôle's public research establishments involve their cooperation structures (SYN.3).

"Le Gouvernement demande aux établissements publics d'enseignement et de
recherche, acteurs d'un pôle, d'impliquer les structures de coopération et de
coordination qu'ils ont mis en place [...] dans la définition des stratégies
et dans la mise en œuvre des actions de ce pôle" (SYN.3), one of the ways
Phase 2 seeks synergy between the pôles and the research and innovation
actors (SYN.1). :func:`cooperation_involvement` reads a
:class:`~poles_policy.model.synergies.PoleSynergies` as follows (the
library's reading, not the text's):

1. **Who is asked.** Only the *public* members: SYN.3 addresses public
   establishments. A private member is not concerned; it gets an informative
   NOT_APPLICABLE check (``syn.cooperation.not_concerned``) saying so, in
   its place among the members, and no line.
2. **Which structures.** A public member's structures are those whose
   ``founders`` include its id ("qu'ils ont mis en place"), in the order of
   the structures given. A structure founded by two public members is the
   business of both: it appears in each one's line and check. A public
   member that founded no known structure has nothing to involve: its
   check is NOT_APPLICABLE, and says so.
3. **Taking part.** The text names the strategy and the actions, so each
   structure is read on both. It takes part in *both* (nothing lacking), in
   *one* only (strategy without actions, or actions without strategy: a
   *partial* gap), or in *neither* as recorded (a *gap*). A structure with
   no involvement recorded is *unrecorded*: not a gap, a fact to look for.
4. **One check per public member** (``syn.cooperation``, citing SYN.3), in
   the members' order: MET when every one of its structures takes part in
   both; NOT_MET when one is known to fall short (naming each and what it
   lacks, and the unrecorded ones beside them); otherwise UNKNOWN when some
   are unrecorded, asking what they take part in.
5. **Each structure once.** The pôle's totals count *structures*, not
   (member, structure) pairs: a PRES founded by two public members that
   takes part in nothing is one gap, listed once with the two members that
   founded it (``structures``, each a
   :class:`StructureInvolvement`). What a member is asked stays in its
   line (``lines``). An unrecorded structure is asked for once, whoever
   founded it.
6. **The rest.** Structures that no public member founded (founded by
   private members, or by establishments outside the pôle, or with no
   founder given) are not asked anything by SYN.3; when there are some, a
   last informative check (``syn.cooperation.unassessed``, citing SYN.1 and
   SYN.3) lists them with what is recorded of them, since they still count
   toward the synergy SYN.1 aims at.

The report is *complete* when every structure of every public member takes
part in both, not complete when one is known to fall short, and undetermined
(``None``) when none falls short but some are unrecorded; a pôle whose
public members founded nothing is complete with nothing to involve, which
the explanation says. The order in which involvements are
given changes nothing. No parameter is read: the text sets no figure.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Any, Final

import attrs

from poles_policy.explain import (
    Check,
    Fact,
    Status,
    Text,
    fr_count,
    json_fields,
    missing_facts,
    render_account,
)
from poles_policy.model.synergies import PoleSynergies
from poles_policy.rules._inputs import expect

if TYPE_CHECKING:
    from collections.abc import Iterable

    from poles_policy.explain import Lang
    from poles_policy.model.actors import CooperationStructure, ResearchOrganisation
    from poles_policy.model.synergies import Involvement

__all__ = [
    "CooperationReport",
    "EstablishmentInvolvement",
    "Participation",
    "StructureInvolvement",
    "StructureParticipation",
    "cooperation_involvement",
]

_SYN_3: Final = ("SYN.3",)
_SYN_1_3: Final = ("SYN.1", "SYN.3")


class Participation(enum.Enum):
    """What a cooperation structure takes part in, of the pôle's strategy and actions."""

    BOTH = "both"
    """The strategy and the actions: nothing lacking."""
    STRATEGY_ONLY = "strategy_only"
    """The strategy without the actions (a partial gap)."""
    ACTIONS_ONLY = "actions_only"
    """The actions without the strategy (a partial gap)."""
    NOT_INVOLVED = "not_involved"
    """Neither, as recorded (a gap)."""
    NOT_RECORDED = "not_recorded"
    """Not known: no involvement is recorded (a fact to look for, not a gap)."""

    @property
    def label(self) -> Text:
        """The participation in English and French."""
        return _PARTICIPATION_LABELS[self]

    @property
    def partial(self) -> bool:
        """Whether the structure takes part in one of the two only."""
        return self in {Participation.STRATEGY_ONLY, Participation.ACTIONS_ONLY}

    @property
    def gap(self) -> bool:
        """Whether the structure is recorded as taking part in neither."""
        return self is Participation.NOT_INVOLVED


_PARTICIPATION_LABELS: Final = {
    Participation.BOTH: Text("strategy and actions", "stratégie et actions"),
    Participation.STRATEGY_ONLY: Text(
        "strategy without actions", "stratégie sans mise en œuvre des actions"
    ),
    Participation.ACTIONS_ONLY: Text(
        "actions without strategy", "actions sans définition de la stratégie"
    ),
    Participation.NOT_INVOLVED: Text("recorded as not involved", "enregistrée comme non impliquée"),
    Participation.NOT_RECORDED: Text("no involvement recorded", "aucune implication enregistrée"),
}


def _participation(involvement: Involvement | None) -> Participation:
    if involvement is None:
        return Participation.NOT_RECORDED
    if involvement.in_strategy and involvement.in_actions:
        return Participation.BOTH
    if involvement.in_strategy:
        return Participation.STRATEGY_ONLY
    if involvement.in_actions:
        return Participation.ACTIONS_ONLY
    return Participation.NOT_INVOLVED


@attrs.frozen(kw_only=True)
class StructureParticipation:
    """
    One cooperation structure, read against SYN.3.

    Attributes:
        structure_id: The structure.
        participation: What it takes part in.
    """

    structure_id: str
    participation: Participation


@attrs.frozen(kw_only=True)
class EstablishmentInvolvement:
    """
    A public member of the pôle and the structures it founded (SYN.3).

    Attributes:
        member_id: The public establishment.
        structures: Each structure it founded, in the order of the
            structures given; empty when it founded none.
    """

    member_id: str
    structures: tuple[StructureParticipation, ...]

    @property
    def involved(self) -> tuple[str, ...]:
        """The structures that take part in both the strategy and the actions."""
        return tuple(
            s.structure_id for s in self.structures if s.participation is Participation.BOTH
        )

    @property
    def partial(self) -> tuple[str, ...]:
        """The structures that take part in the strategy or the actions, not both."""
        return tuple(s.structure_id for s in self.structures if s.participation.partial)

    @property
    def gaps(self) -> tuple[str, ...]:
        """The structures recorded as taking part in neither."""
        return tuple(s.structure_id for s in self.structures if s.participation.gap)

    @property
    def unrecorded(self) -> tuple[str, ...]:
        """The structures with no involvement recorded."""
        return tuple(
            s.structure_id for s in self.structures if s.participation is Participation.NOT_RECORDED
        )


@attrs.frozen(kw_only=True)
class StructureInvolvement:
    """
    A cooperation structure SYN.3 asks about, once, with the public members that founded it.

    Attributes:
        structure_id: The structure.
        participation: What it takes part in.
        founding_members: The public members of the pôle among its
            founders, each asked to involve it, in the members' order;
            never empty.
    """

    structure_id: str
    participation: Participation
    founding_members: tuple[str, ...]


def _ids(structures: Iterable[StructureInvolvement], *wanted: Participation) -> tuple[str, ...]:
    return tuple(s.structure_id for s in structures if s.participation in wanted)


@attrs.frozen(kw_only=True)
class CooperationReport:
    """
    A pôle's public research members and their cooperation structures, read against SYN.3.

    Two views of one reading: per member (``lines``: what each public
    member is asked to involve, so a structure founded by two members is in
    two lines) and per structure (``structures``: each structure once, with
    the members that founded it). The totals (:attr:`gaps`,
    :attr:`partial`, :attr:`unrecorded`, :attr:`involved`) count
    structures, each once.

    Attributes:
        pole_id: The pôle.
        lines: One line per public member, in the members' order.
        structures: Each structure founded by at least one public member,
            once, in the order of the structures given.
        not_concerned: The private members (ids), not asked by SYN.3.
        complete: ``True`` when every structure of every public member takes
            part in both, ``False`` when one is known to fall short, ``None``
            when none does but some are unrecorded.
        checks: One check per member, in the members' order (a condition
            for a public member, information for a private one), then,
            when some structure was founded by no public member, the
            information listing those.
    """

    pole_id: str
    lines: tuple[EstablishmentInvolvement, ...]
    structures: tuple[StructureInvolvement, ...]
    not_concerned: tuple[str, ...]
    complete: bool | None
    checks: tuple[Check, ...]

    @property
    def involved(self) -> tuple[str, ...]:
        """The structures (ids, each once) taking part in both the strategy and the actions."""
        return _ids(self.structures, Participation.BOTH)

    @property
    def gaps(self) -> tuple[str, ...]:
        """The structures (ids, each once) recorded as taking part in neither."""
        return _ids(self.structures, Participation.NOT_INVOLVED)

    @property
    def partial(self) -> tuple[str, ...]:
        """The structures (ids, each once) taking part in the strategy or the actions only."""
        return _ids(self.structures, Participation.STRATEGY_ONLY, Participation.ACTIONS_ONLY)

    @property
    def unrecorded(self) -> tuple[str, ...]:
        """The structures (ids, each once) with no involvement recorded."""
        return _ids(self.structures, Participation.NOT_RECORDED)

    @property
    def missing(self) -> tuple[Fact, ...]:
        """The facts to record to settle every check, in order, each structure asked once."""
        return missing_facts(self.checks)

    def to_dict(self) -> dict[str, Any]:
        """Return the report as JSON-ready data, with the totals and the facts to record."""
        return json_fields(
            self, properties=("involved", "gaps", "partial", "unrecorded", "missing")
        )

    def explain(self, lang: Lang = "en") -> str:
        """
        Render the answer, then each check.

        Args:
            lang: ``"en"`` or ``"fr"``.
        """
        fr = lang == "fr"
        if self.complete is None:
            verdict = (
                "implication INDÉTERMINÉE : implications à enregistrer"
                if fr
                else "involvement UNDETERMINED: involvements to record"
            )
        elif not self.complete:
            verdict = "implication INCOMPLÈTE" if fr else "involvement INCOMPLETE"
        elif self.structures:
            verdict = "implication complète" if fr else "involvement complete"
        else:
            verdict = "rien à impliquer" if fr else "nothing to involve"
        public, founded = len(self.lines), len(self.structures)
        gaps, partial, unrecorded = len(self.gaps), len(self.partial), len(self.unrecorded)
        # The counts are of structures, each once, however many members founded it.
        if fr:
            head = (
                f"Structures de coopération du pôle {self.pole_id} (SYN.1, SYN.3) : "
                f"{fr_count(public, 'membre public', 'membres publics')}, "
                f"{fr_count(founded, 'structure fondée', 'structures fondées')} par eux, "
                f"{fr_count(gaps, 'lacune')}, {fr_count(partial, 'partielle')}, "
                f"{fr_count(unrecorded, 'non enregistrée', 'non enregistrées')} : {verdict}"
            )
        else:
            head = (
                f"Cooperation structures of pôle {self.pole_id} (SYN.1, SYN.3): "
                f"{public} public member(s), {founded} structure(s) they founded, "
                f"{gaps} gap(s), {partial} partial, {unrecorded} unrecorded: {verdict}"
            )
        return render_account(head, self.checks, lang)


def _ask_involvement(structure: CooperationStructure) -> Fact:
    # One fact per structure, under its own path: a structure founded by two members is asked
    # once, and each unrecorded structure is asked (one shared path would keep the first only).
    name = _named(structure)
    return Fact(
        path=f"involvements.{structure.id}",
        question=Text(
            f"What does {name} take part in, of the pôle's strategy and of its actions?",
            f"À quoi la structure {name} prend-elle part, de la stratégie du pôle et de ses "
            "actions ?",
        ),
    )


def _named(structure: CooperationStructure) -> str:
    return f"{structure.name} ({structure.id})"


def _listed(
    items: Iterable[tuple[CooperationStructure, Participation]], lang: Lang, *, with_label: bool
) -> str:
    if with_label:
        colon = " :" if lang == "fr" else ":"
        return ", ".join(f"{_named(s)}{colon} {p.label.in_lang(lang)}" for s, p in items)
    return ", ".join(_named(s) for s, _ in items)


def _member_check(
    member: ResearchOrganisation, founded: tuple[tuple[CooperationStructure, Participation], ...]
) -> Check:
    label = Text(
        f"{member.name} ({member.id}): involves its cooperation structures",
        f"{member.name} ({member.id}) : implique ses structures de coopération",
    )
    if not founded:
        return Check(
            key="syn.cooperation",
            clauses=_SYN_3,
            label=label,
            status=Status.NOT_APPLICABLE,
            reason=Text(
                "founded none of the cooperation structures known: nothing to involve",
                "n'a fondé aucune des structures de coopération connues : rien à impliquer",
            ),
        )
    gaps = tuple((s, p) for s, p in founded if p.gap)
    partial = tuple((s, p) for s, p in founded if p.partial)
    both = tuple((s, p) for s, p in founded if p is Participation.BOTH)
    unrecorded = tuple((s, p) for s, p in founded if p is Participation.NOT_RECORDED)
    if not gaps and not partial and not unrecorded:
        reason = Text(
            "every structure takes part in the strategy and the actions: "
            + _listed(both, "en", with_label=False),
            "chaque structure prend part à la stratégie et aux actions : "
            + _listed(both, "fr", with_label=False),
        )
        return Check(
            key="syn.cooperation", clauses=_SYN_3, label=label, status=Status.MET, reason=reason
        )
    en: list[str] = []
    fr: list[str] = []
    if gaps:
        en.append("in neither strategy nor actions: " + _listed(gaps, "en", with_label=True))
        fr.append("ni stratégie ni actions : " + _listed(gaps, "fr", with_label=True))
    if partial:
        en.append("partly: " + _listed(partial, "en", with_label=True))
        fr.append("en partie : " + _listed(partial, "fr", with_label=True))
    if unrecorded:
        en.append("no involvement recorded: " + _listed(unrecorded, "en", with_label=False))
        fr.append("aucune implication enregistrée : " + _listed(unrecorded, "fr", with_label=False))
    if both:
        en.append("in both: " + _listed(both, "en", with_label=False))
        fr.append("aux deux : " + _listed(both, "fr", with_label=False))
    # A structure known to fall short settles the check; unrecorded ones alone leave it open.
    known_short = bool(gaps or partial)
    return Check(
        key="syn.cooperation",
        clauses=_SYN_3,
        label=label,
        status=Status.NOT_MET if known_short else Status.UNKNOWN,
        reason=Text("; ".join(en), " ; ".join(fr)),
        missing=() if known_short else tuple(_ask_involvement(s) for s, _ in unrecorded),
    )


def _private_check(member: ResearchOrganisation) -> Check:
    return Check(
        key="syn.cooperation.not_concerned",
        clauses=_SYN_3,
        label=Text(
            f"{member.name} ({member.id}): not concerned",
            f"{member.name} ({member.id}) : organisme non concerné",
        ),
        status=Status.NOT_APPLICABLE,
        reason=Text(
            "a private body: SYN.3 asks the public establishments",
            "organisme privé : SYN.3 s'adresse aux établissements publics",
        ),
        informative=True,
    )


def _unassessed_check(items: tuple[tuple[CooperationStructure, Participation], ...]) -> Check:
    return Check(
        key="syn.cooperation.unassessed",
        clauses=_SYN_1_3,
        label=Text(
            "structures founded by no public member",
            "structures qu'aucun membre public n'a fondées",
        ),
        status=Status.NOT_APPLICABLE,
        reason=Text(
            "not asked by SYN.3, still part of the synergy SYN.1 aims at: "
            + _listed(items, "en", with_label=True),
            "hors du champ de SYN.3, mais parties de la synergie visée par SYN.1 : "
            + _listed(items, "fr", with_label=True),
        ),
        informative=True,
    )


def cooperation_involvement(synergies: PoleSynergies) -> CooperationReport:
    """
    Tell which cooperation structures of a pôle's public members take part in it (SYN.3).

    For each public member, in order, its structures (those it founded) are
    read on the pôle's strategy and on its actions; private members are not
    concerned. See the module's docstring for the reading of the text.

    Args:
        synergies: The pôle's research members, the cooperation structures
            known and the involvements recorded.

    Returns:
        One line per public member, each structure founded by a public
        member once (with the members that founded it), the gaps and
        partial gaps as structure ids, each once, whether nothing is
        lacking, and the checks that explain it.

    >>> from poles_policy.model.actors import (
    ...     CooperationKind,
    ...     CooperationStructure,
    ...     ResearchKind,
    ...     ResearchOrganisation,
    ... )
    >>> from poles_policy.model.synergies import Involvement, PoleSynergies
    >>> synergies = PoleSynergies(
    ...     pole_id="minalogic",
    ...     members=(
    ...         ResearchOrganisation(
    ...             id="univ-a", name="University A", kind=ResearchKind.HIGHER_EDUCATION
    ...         ),
    ...     ),
    ...     structures=(
    ...         CooperationStructure(
    ...             id="pres-a", name="PRES A", kind=CooperationKind.PRES, founders=("univ-a",)
    ...         ),
    ...         CooperationStructure(
    ...             id="incubator-a",
    ...             name="Incubator A",
    ...             kind=CooperationKind.INCUBATOR,
    ...             founders=("univ-a",),
    ...         ),
    ...     ),
    ...     involvements=(Involvement(structure_id="pres-a", in_strategy=True, in_actions=False),),
    ... )
    >>> report = cooperation_involvement(synergies)
    >>> report.complete, report.gaps, report.partial, report.unrecorded
    (False, (), ('pres-a',), ('incubator-a',))
    >>> print(report.explain())
    Cooperation structures of pôle minalogic (SYN.1, SYN.3): 1 public member(s),
    2 structure(s) they founded, 0 gap(s), 1 partial, 1 unrecorded: involvement INCOMPLETE
      [NOT MET] University A (univ-a): involves its cooperation structures — SYN.3: partly:
      PRES A (pres-a): strategy without actions; no involvement recorded: Incubator A (incubator-a)
    """
    expect(synergies, PoleSynergies, "synergies", "cooperation_involvement")
    recorded = {i.structure_id: i for i in synergies.involvements}
    participation = {s.id: _participation(recorded.get(s.id)) for s in synergies.structures}
    public_ids = {m.id for m in synergies.members if m.public}
    lines: list[EstablishmentInvolvement] = []
    checks: list[Check] = []
    for member in synergies.members:
        if not member.public:
            checks.append(_private_check(member))
            continue
        founded = tuple((s, participation[s.id]) for s in synergies.founded_by(member.id))
        lines.append(
            EstablishmentInvolvement(
                member_id=member.id,
                structures=tuple(
                    StructureParticipation(structure_id=s.id, participation=p) for s, p in founded
                ),
            )
        )
        checks.append(_member_check(member, founded))
    unassessed = tuple(
        (s, participation[s.id])
        for s in synergies.structures
        if not public_ids.intersection(s.founders)
    )
    if unassessed:
        checks.append(_unassessed_check(unassessed))
    # Each structure once, with its public founders in the members' order (the lines' order).
    founding: dict[str, list[str]] = {}
    for line in lines:
        for item in line.structures:
            founding.setdefault(item.structure_id, []).append(line.member_id)
    structures = tuple(
        StructureInvolvement(
            structure_id=s.id,
            participation=participation[s.id],
            founding_members=tuple(founding[s.id]),
        )
        for s in synergies.structures
        if s.id in founding
    )
    falls_short = any(s.participation.gap or s.participation.partial for s in structures)
    unrecorded = any(s.participation is Participation.NOT_RECORDED for s in structures)
    complete: bool | None = False if falls_short else (None if unrecorded else True)
    return CooperationReport(
        pole_id=synergies.pole_id,
        lines=tuple(lines),
        structures=structures,
        not_concerned=tuple(m.id for m in synergies.members if not m.public),
        complete=complete,
        checks=tuple(checks),
    )
