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
   business of both and is reported under each. A public member that
   founded no known structure has nothing to involve: its check is
   NOT_APPLICABLE, and says so.
3. **Taking part.** The text names the strategy and the actions, so each
   structure is read on both. It takes part in *both* (nothing lacking), in
   *one* only (strategy without actions, or actions without strategy: a
   *partial* gap), or in *neither* (a *gap*). A structure with no
   involvement recorded takes part in neither, like one recorded with both
   flags false, but the reason tells them apart: "no involvement recorded"
   is a fact to look for, "recorded as not involved" a fact found.
4. **One check per public member** (``syn.cooperation``, citing SYN.3), in
   the members' order: MET when every one of its structures takes part in
   both, NOT_MET otherwise, naming each structure that falls short and what
   it lacks.
5. **The rest.** Structures that no public member founded (founded by
   private members, or by establishments outside the pôle, or with no
   founder given) are not asked anything by SYN.3; when there are some, a
   last informative check (``syn.cooperation.unassessed``, citing SYN.1 and
   SYN.3) lists them with what is recorded of them, since they still count
   toward the synergy SYN.1 aims at.

The report is *complete* when no public member has a gap or a partial gap;
a pôle whose public members founded nothing is complete with nothing to
involve, which the explanation says. The order in which involvements are
given changes nothing. No parameter is read: the text sets no figure.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Final

import attrs

from poles_policy.explain import Check, Status, Text, render_account

if TYPE_CHECKING:
    from collections.abc import Iterable

    from poles_policy.explain import Lang
    from poles_policy.model.actors import CooperationStructure, ResearchOrganisation
    from poles_policy.model.synergies import Involvement, PoleSynergies

__all__ = [
    "CooperationReport",
    "EstablishmentInvolvement",
    "Participation",
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
    """Neither, since no involvement is recorded (a gap)."""

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
        """Whether the structure takes part in neither."""
        return self in {Participation.NOT_INVOLVED, Participation.NOT_RECORDED}


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
        """The structures that take part in neither (recorded so, or not recorded)."""
        return tuple(s.structure_id for s in self.structures if s.participation.gap)


@attrs.frozen(kw_only=True)
class CooperationReport:
    """
    A pôle's public research members and their cooperation structures, read against SYN.3.

    Attributes:
        pole_id: The pôle.
        lines: One line per public member, in the members' order.
        gaps: ``(member id, structure id)`` for each structure of a public
            member that takes part in neither the strategy nor the actions,
            in the order of the lines.
        partial: ``(member id, structure id)`` for each structure of a
            public member that takes part in one of the two only, in the
            order of the lines.
        not_concerned: The private members (ids), not asked by SYN.3.
        complete: Whether no public member has a gap or a partial gap.
        checks: One check per member, in the members' order (a condition
            for a public member, information for a private one), then,
            when some structure was founded by no public member, the
            information listing those.
    """

    pole_id: str
    lines: tuple[EstablishmentInvolvement, ...]
    gaps: tuple[tuple[str, str], ...]
    partial: tuple[tuple[str, str], ...]
    not_concerned: tuple[str, ...]
    complete: bool
    checks: tuple[Check, ...]

    def explain(self, lang: Lang = "en") -> str:
        """
        Render the answer, then each check.

        Args:
            lang: ``"en"`` or ``"fr"``.
        """
        fr = lang == "fr"
        if not self.complete:
            verdict = "implication INCOMPLÈTE" if fr else "involvement INCOMPLETE"
        elif any(line.structures for line in self.lines):
            verdict = "implication complète" if fr else "involvement complete"
        else:
            verdict = "rien à impliquer" if fr else "nothing to involve"
        public, gaps, partial = len(self.lines), len(self.gaps), len(self.partial)
        if fr:
            head = (
                f"Structures de coopération du pôle {self.pole_id} (SYN.1, SYN.3) : "
                f"{public} membre(s) public(s), {gaps} lacune(s), {partial} partielle(s) : "
                f"{verdict}"
            )
        else:
            head = (
                f"Cooperation structures of pôle {self.pole_id} (SYN.1, SYN.3): "
                f"{public} public member(s), {gaps} gap(s), {partial} partial: {verdict}"
            )
        return render_account(head, self.checks, lang)


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
    if not gaps and not partial:
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
    if both:
        en.append("in both: " + _listed(both, "en", with_label=False))
        fr.append("aux deux : " + _listed(both, "fr", with_label=False))
    return Check(
        key="syn.cooperation",
        clauses=_SYN_3,
        label=label,
        status=Status.NOT_MET,
        reason=Text("; ".join(en), " ; ".join(fr)),
    )


def _private_check(member: ResearchOrganisation) -> Check:
    return Check(
        key="syn.cooperation.not_concerned",
        clauses=_SYN_3,
        label=Text(
            f"{member.name} ({member.id}): not concerned",
            f"{member.name} ({member.id}) : non concerné",
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
            "structures fondées par aucun membre public",
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
        One line per public member, the gaps and partial gaps as
        ``(member id, structure id)`` pairs, whether nothing is lacking, and
        the checks that explain it.

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
    >>> report.complete, report.gaps, report.partial
    (False, (('univ-a', 'incubator-a'),), (('univ-a', 'pres-a'),))
    >>> print(report.explain())
    Cooperation structures of pôle minalogic (SYN.1, SYN.3): 1 public member(s), 1 gap(s),
    1 partial: involvement INCOMPLETE
      [NOT MET] University A (univ-a): involves its cooperation structures — SYN.3: in neither
      strategy nor actions: Incubator A (incubator-a): no involvement recorded; partly:
      PRES A (pres-a): strategy without actions
    """
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
    gaps = tuple((line.member_id, sid) for line in lines for sid in line.gaps)
    partial = tuple((line.member_id, sid) for line in lines for sid in line.partial)
    return CooperationReport(
        pole_id=synergies.pole_id,
        lines=tuple(lines),
        gaps=gaps,
        partial=partial,
        not_concerned=tuple(m.id for m in synergies.members if not m.public),
        complete=not gaps and not partial,
        checks=tuple(checks),
    )
