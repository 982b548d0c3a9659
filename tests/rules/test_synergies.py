"""Whether a pôle's public research establishments involve their cooperation structures (SYN.3)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import find, given
from hypothesis import strategies as st

from poles_policy.explain import Status
from poles_policy.model.actors import (
    CooperationKind,
    CooperationStructure,
    ResearchKind,
    ResearchOrganisation,
)
from poles_policy.model.synergies import Involvement, PoleSynergies
from poles_policy.rules.synergies import (
    CooperationReport,
    Participation,
    StructureInvolvement,
    StructureParticipation,
    cooperation_involvement,
)
from poles_policy.testing import pole_synergies

if TYPE_CHECKING:
    from random import Random

# --- the worked example -----------------------------------------------------------------------
#
# Four research members: two public establishments that founded structures, one private centre,
# and a public school that founded none. Six structures, one of each kind; the PRES is founded by
# both public establishments.
#
#   structure      founders           recorded                  reading
#   pres-ab        univ-a, lab-b      strategy and actions      both (for each founder)
#   rtra-a         univ-a             strategy only             partial
#   ctrs-b         lab-b              nothing recorded          unrecorded (a fact to ask for)
#   carnot-b       lab-b              neither                   gap (recorded as not involved)
#   transfer-a     univ-a             actions only              partial
#   incubator-c    centre-c (private) strategy and actions      not asked by SYN.3

UNIV = ResearchOrganisation(id="univ-a", name="University A", kind=ResearchKind.HIGHER_EDUCATION)
LAB = ResearchOrganisation(id="lab-b", name="Lab B", kind=ResearchKind.PUBLIC_RESEARCH)
CENTRE = ResearchOrganisation(
    id="centre-c", name="Centre C", kind=ResearchKind.PRIVATE_NON_PROFIT, public=False
)
SCHOOL = ResearchOrganisation(id="school-d", name="School D", kind=ResearchKind.HIGHER_EDUCATION)


def _structure(
    ident: str, name: str, kind: CooperationKind, *founders: str
) -> CooperationStructure:
    return CooperationStructure(id=ident, name=name, kind=kind, founders=founders)


STRUCTURES = (
    _structure("pres-ab", "PRES AB", CooperationKind.PRES, "univ-a", "lab-b"),
    _structure("rtra-a", "RTRA A", CooperationKind.RTRA, "univ-a"),
    _structure("ctrs-b", "CTRS B", CooperationKind.CTRS, "lab-b"),
    _structure("carnot-b", "Carnot B", CooperationKind.INSTITUT_CARNOT, "lab-b"),
    _structure("transfer-a", "Transfer A", CooperationKind.TECH_TRANSFER, "univ-a"),
    _structure("incubator-c", "Incubator C", CooperationKind.INCUBATOR, "centre-c"),
)


def _involvement(structure_id: str, *, strategy: bool, actions: bool) -> Involvement:
    return Involvement(structure_id=structure_id, in_strategy=strategy, in_actions=actions)


INVOLVEMENTS = (
    _involvement("pres-ab", strategy=True, actions=True),
    _involvement("rtra-a", strategy=True, actions=False),
    _involvement("carnot-b", strategy=False, actions=False),
    _involvement("transfer-a", strategy=False, actions=True),
    _involvement("incubator-c", strategy=True, actions=True),
)

SYNERGIES = PoleSynergies(
    pole_id="minalogic",
    members=(UNIV, LAB, CENTRE, SCHOOL),
    structures=STRUCTURES,
    involvements=INVOLVEMENTS,
)


@pytest.fixture(scope="module")
def report() -> CooperationReport:
    return cooperation_involvement(SYNERGIES)


def test_one_line_per_public_member_in_member_order(report: CooperationReport) -> None:
    assert [line.member_id for line in report.lines] == ["univ-a", "lab-b", "school-d"]
    assert report.not_concerned == ("centre-c",)


def test_a_members_structures_are_those_it_founded_in_the_structures_order(
    report: CooperationReport,
) -> None:
    univ, lab, school = report.lines
    assert univ.structures == (
        StructureParticipation(structure_id="pres-ab", participation=Participation.BOTH),
        StructureParticipation(structure_id="rtra-a", participation=Participation.STRATEGY_ONLY),
        StructureParticipation(structure_id="transfer-a", participation=Participation.ACTIONS_ONLY),
    )
    assert lab.structures == (
        StructureParticipation(structure_id="pres-ab", participation=Participation.BOTH),
        StructureParticipation(structure_id="ctrs-b", participation=Participation.NOT_RECORDED),
        StructureParticipation(structure_id="carnot-b", participation=Participation.NOT_INVOLVED),
    )
    assert school.structures == ()


def test_involved_partial_and_gaps_per_member(report: CooperationReport) -> None:
    univ, lab, _ = report.lines
    assert (univ.involved, univ.partial, univ.gaps) == (
        ("pres-ab",),
        ("rtra-a", "transfer-a"),
        (),
    )
    assert (lab.involved, lab.partial, lab.gaps, lab.unrecorded) == (
        ("pres-ab",),
        (),
        ("carnot-b",),
        ("ctrs-b",),
    )


def test_the_gaps_and_partial_gaps_of_the_pole(report: CooperationReport) -> None:
    assert report.involved == ("pres-ab",)
    assert report.gaps == ("carnot-b",)
    assert report.partial == ("rtra-a", "transfer-a")
    assert report.unrecorded == ("ctrs-b",)
    assert report.complete is False
    # Lab B's known gap settles its check: the unrecorded CTRS is not asked for.
    assert report.missing == ()


def test_one_check_per_member_then_the_unassessed_structures(report: CooperationReport) -> None:
    assert [(c.key, c.status, c.informative) for c in report.checks] == [
        ("syn.cooperation", Status.NOT_MET, False),
        ("syn.cooperation", Status.NOT_MET, False),
        ("syn.cooperation.not_concerned", Status.NOT_APPLICABLE, True),
        ("syn.cooperation", Status.NOT_APPLICABLE, False),
        ("syn.cooperation.unassessed", Status.NOT_APPLICABLE, True),
    ]
    assert [c.clauses for c in report.checks] == [("SYN.3",)] * 4 + [("SYN.1", "SYN.3")]


def test_no_involvement_recorded_is_told_apart_from_recorded_as_not_involved(
    report: CooperationReport,
) -> None:
    lab = report.checks[1].reason
    assert "no involvement recorded: CTRS B (ctrs-b)" in lab.en
    assert "Carnot B (carnot-b): recorded as not involved" in lab.en
    assert "aucune implication enregistrée : CTRS B (ctrs-b)" in lab.fr
    assert "Carnot B (carnot-b) : enregistrée comme non impliquée" in lab.fr


def test_a_partial_gap_says_what_the_structure_lacks(report: CooperationReport) -> None:
    univ = report.checks[0].reason
    assert "RTRA A (rtra-a): strategy without actions" in univ.en
    assert "Transfer A (transfer-a): actions without strategy" in univ.en
    assert "stratégie sans mise en œuvre des actions" in univ.fr
    assert "actions sans définition de la stratégie" in univ.fr


def test_the_explanation_in_english(report: CooperationReport) -> None:
    assert report.explain().splitlines() == [
        (
            "Cooperation structures of pôle minalogic (SYN.1, SYN.3): 3 public member(s), "
            "5 structure(s) they founded, 1 gap(s), 2 partial, 1 unrecorded: "
            "involvement INCOMPLETE"
        ),
        (
            "  [NOT MET] University A (univ-a): involves its cooperation structures — SYN.3: "
            "partly: RTRA A (rtra-a): strategy without actions, Transfer A (transfer-a): "
            "actions without strategy; in both: PRES AB (pres-ab)"
        ),
        (
            "  [NOT MET] Lab B (lab-b): involves its cooperation structures — SYN.3: in neither "
            "strategy nor actions: Carnot B (carnot-b): recorded as not involved; no involvement "
            "recorded: CTRS B (ctrs-b); in both: PRES AB (pres-ab)"
        ),
        (
            "  [not applicable] Centre C (centre-c): not concerned (information) — SYN.3: "
            "a private body: SYN.3 asks the public establishments"
        ),
        (
            "  [not applicable] School D (school-d): involves its cooperation structures — SYN.3: "
            "founded none of the cooperation structures known: nothing to involve"
        ),
        (
            "  [not applicable] structures founded by no public member (information) — "
            "SYN.1, SYN.3: not asked by SYN.3, still part of the synergy SYN.1 aims at: "
            "Incubator C (incubator-c): strategy and actions"
        ),
    ]


def test_the_explanation_in_french(report: CooperationReport) -> None:
    lines = report.explain("fr").splitlines()
    assert lines[0] == (
        "Structures de coopération du pôle minalogic (SYN.1, SYN.3) : 3 membres publics, "
        "5 structures fondées par eux, 1 lacune, 2 partielles, "
        "1 non enregistrée : implication INCOMPLÈTE"
    )
    assert lines[2].startswith(
        "  [NON REMPLIE] Lab B (lab-b) : implique ses structures de coopération — SYN.3 : "
        "ni stratégie ni actions : "
    )
    assert lines[3] == (
        "  [sans objet] Centre C (centre-c) : organisme non concerné (information) — SYN.3 : "
        "organisme privé : SYN.3 s'adresse aux établissements publics"
    )
    assert "rien à impliquer" in lines[4]
    assert all("SYN.3" in line for line in lines)


def test_full_involvement_of_every_structure_is_met_and_complete() -> None:
    synergies = PoleSynergies(
        pole_id="minalogic",
        members=(UNIV,),
        structures=(STRUCTURES[0], STRUCTURES[1]),
        involvements=(
            _involvement("pres-ab", strategy=True, actions=True),
            _involvement("rtra-a", strategy=True, actions=True),
        ),
    )
    report = cooperation_involvement(synergies)
    assert report.complete is True
    assert report.gaps == report.partial == ()
    assert [c.status for c in report.checks] == [Status.MET]
    assert report.checks[0].reason.en == (
        "every structure takes part in the strategy and the actions: PRES AB (pres-ab), "
        "RTRA A (rtra-a)"
    )
    assert (
        report.explain()
        .splitlines()[0]
        .endswith(
            "2 structure(s) they founded, 0 gap(s), 0 partial, 0 unrecorded: involvement complete"
        )
    )
    assert report.explain("fr").splitlines()[0].endswith(": implication complète")


def test_a_structure_founded_by_two_members_is_one_gap_in_the_totals() -> None:
    synergies = PoleSynergies(
        pole_id="minalogic",
        members=(UNIV, LAB),
        structures=(STRUCTURES[0],),
        involvements=(_involvement("pres-ab", strategy=False, actions=False),),
    )
    report = cooperation_involvement(synergies)
    assert report.gaps == ("pres-ab",)
    assert report.structures == (
        StructureInvolvement(
            structure_id="pres-ab",
            participation=Participation.NOT_INVOLVED,
            founding_members=("univ-a", "lab-b"),
        ),
    )
    assert (
        report.explain()
        .splitlines()[0]
        .endswith(
            "2 public member(s), 1 structure(s) they founded, 1 gap(s), 0 partial, 0 unrecorded: "
            "involvement INCOMPLETE"
        )
    )
    assert " 1 lacune, 0 partielle, " in report.explain("fr").splitlines()[0]


def test_a_structure_founded_by_two_members_stays_in_each_members_line_and_check() -> None:
    synergies = PoleSynergies(
        pole_id="minalogic",
        members=(UNIV, LAB),
        structures=(STRUCTURES[0],),
        involvements=(_involvement("pres-ab", strategy=False, actions=False),),
    )
    report = cooperation_involvement(synergies)
    assert [(line.member_id, line.gaps) for line in report.lines] == [
        ("univ-a", ("pres-ab",)),
        ("lab-b", ("pres-ab",)),
    ]
    assert [c.status for c in report.checks] == [Status.NOT_MET, Status.NOT_MET]
    assert all("PRES AB (pres-ab): recorded as not involved" in c.reason.en for c in report.checks)


def test_the_founding_members_are_the_public_founders_in_the_members_order() -> None:
    # Founders given lab first, with a private centre and an outside university among them.
    shared = _structure(
        "pres-x", "PRES X", CooperationKind.PRES, "lab-b", "centre-c", "univ-elsewhere", "univ-a"
    )
    report = cooperation_involvement(
        PoleSynergies(pole_id="minalogic", members=(UNIV, CENTRE, LAB), structures=(shared,))
    )
    (structure,) = report.structures
    assert structure.founding_members == ("univ-a", "lab-b")
    assert structure.participation is Participation.NOT_RECORDED


def test_an_unrecorded_structure_of_two_members_is_counted_and_asked_for_once() -> None:
    synergies = PoleSynergies(pole_id="minalogic", members=(UNIV, LAB), structures=STRUCTURES[:3])
    report = cooperation_involvement(synergies)
    assert report.unrecorded == ("pres-ab", "rtra-a", "ctrs-b")
    assert [c.status for c in report.checks] == [Status.UNKNOWN, Status.UNKNOWN]
    assert [f.path for f in report.missing] == [
        "involvements.pres-ab",
        "involvements.rtra-a",
        "involvements.ctrs-b",
    ]
    assert " 3 unrecorded: " in report.explain()


def test_every_unrecorded_structure_is_asked_for_not_only_the_first_members() -> None:
    # Each member has its own unrecorded structure: both are asked for.
    synergies = PoleSynergies(
        pole_id="minalogic", members=(UNIV, LAB), structures=(STRUCTURES[1], STRUCTURES[2])
    )
    report = cooperation_involvement(synergies)
    assert [(f.path, f.question.en) for f in report.missing] == [
        (
            "involvements.rtra-a",
            "What does RTRA A (rtra-a) take part in, of the pôle's strategy and of its actions?",
        ),
        (
            "involvements.ctrs-b",
            "What does CTRS B (ctrs-b) take part in, of the pôle's strategy and of its actions?",
        ),
    ]
    assert report.missing[1].question.fr == (
        "À quoi la structure CTRS B (ctrs-b) prend-elle part, de la stratégie du pôle et de "
        "ses actions ?"
    )


def test_structures_with_no_involvement_recorded_are_asked_for_not_counted_as_gaps() -> None:
    synergies = PoleSynergies(
        pole_id="minalogic",
        members=(UNIV,),
        structures=STRUCTURES[:2],
        involvements=(_involvement("pres-ab", strategy=True, actions=True),),
    )
    report = cooperation_involvement(synergies)
    assert (report.gaps, report.unrecorded, report.complete) == ((), ("rtra-a",), None)
    check = report.checks[0]
    assert check.status is Status.UNKNOWN
    assert [(f.path, f.question.en) for f in report.missing] == [
        (
            "involvements.rtra-a",
            "What does RTRA A (rtra-a) take part in, of the pôle's strategy and of its actions?",
        )
    ]
    head = report.explain().splitlines()[0]
    assert head.endswith("involvement UNDETERMINED: involvements to record")
    assert (
        report.explain("fr")
        .splitlines()[0]
        .endswith("implication INDÉTERMINÉE : implications à enregistrer")
    )


def test_the_report_as_json_gives_both_views_and_the_facts_to_ask_for() -> None:
    import json

    synergies = PoleSynergies(pole_id="minalogic", members=(UNIV, LAB), structures=STRUCTURES[:2])
    data = cooperation_involvement(synergies).to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["complete"] is None
    assert data["unrecorded"] == ["pres-ab", "rtra-a"]
    assert (data["involved"], data["gaps"], data["partial"]) == ([], [], [])
    assert data["structures"] == [
        {
            "structure_id": "pres-ab",
            "participation": "not_recorded",
            "founding_members": ["univ-a", "lab-b"],
        },
        {
            "structure_id": "rtra-a",
            "participation": "not_recorded",
            "founding_members": ["univ-a"],
        },
    ]
    assert [f["path"] for f in data["missing"]] == ["involvements.pres-ab", "involvements.rtra-a"]
    assert data["lines"][1] == {
        "member_id": "lab-b",
        "structures": [{"structure_id": "pres-ab", "participation": "not_recorded"}],
    }


def test_several_private_members_are_all_not_concerned() -> None:
    private = [
        ResearchOrganisation(
            id=f"centre-{n}", name=f"Centre {n}", kind=ResearchKind.PRIVATE_NON_PROFIT, public=False
        )
        for n in range(3)
    ]
    report = cooperation_involvement(PoleSynergies(pole_id="minalogic", members=tuple(private)))
    assert report.not_concerned == ("centre-0", "centre-1", "centre-2")
    assert [c.key for c in report.checks] == ["syn.cooperation.not_concerned"] * 3
    assert all("SYN.3 s'adresse aux établissements publics" in c.reason.fr for c in report.checks)


def test_a_note_changes_nothing_in_the_reading() -> None:
    noted = Involvement(
        structure_id="pres-ab", in_strategy=True, in_actions=True, note="contract, annex 3"
    )
    synergies = PoleSynergies(
        pole_id="minalogic", members=(UNIV,), structures=STRUCTURES[:1], involvements=(noted,)
    )
    assert cooperation_involvement(synergies).complete is True


def test_no_structure_at_all_is_complete_with_nothing_to_involve() -> None:
    report = cooperation_involvement(PoleSynergies(pole_id="minalogic", members=(UNIV, SCHOOL)))
    assert report.complete is True
    assert [c.status for c in report.checks] == [Status.NOT_APPLICABLE] * 2
    assert report.explain().splitlines()[0].endswith(": nothing to involve")
    assert report.explain("fr").splitlines()[0].endswith(" : rien à impliquer")


def test_a_private_members_structures_are_not_asked_for() -> None:
    synergies = PoleSynergies(pole_id="minalogic", members=(CENTRE,), structures=(STRUCTURES[5],))
    report = cooperation_involvement(synergies)
    assert report.lines == ()
    assert report.complete is True
    assert [c.key for c in report.checks] == [
        "syn.cooperation.not_concerned",
        "syn.cooperation.unassessed",
    ]
    assert "Incubator C (incubator-c): no involvement recorded" in report.checks[1].reason.en


def test_a_structure_founded_by_a_public_and_a_private_member_is_asked_of_the_public_one() -> None:
    shared = _structure(
        "transfer-ac", "Transfer AC", CooperationKind.TECH_TRANSFER, "centre-c", "univ-a"
    )
    report = cooperation_involvement(
        PoleSynergies(pole_id="minalogic", members=(CENTRE, UNIV), structures=(shared,))
    )
    assert report.unrecorded == ("transfer-ac",)
    assert report.structures[0].founding_members == ("univ-a",)
    assert "syn.cooperation.unassessed" not in [c.key for c in report.checks]


# --- properties -----------------------------------------------------------------------------


def test_the_properties_meet_structures_founded_by_two_public_members() -> None:
    def shared(synergies: PoleSynergies) -> bool:
        report = cooperation_involvement(synergies)
        return any(len(s.founding_members) > 1 for s in report.structures)

    found = find(pole_synergies(), shared)
    assert shared(found)


def _takes_part(synergies: PoleSynergies, structure_id: str) -> tuple[bool, bool]:
    found = synergies.involvement(structure_id)
    return (False, False) if found is None else (found.in_strategy, found.in_actions)


@given(pole_synergies())
def test_complete_exactly_when_nothing_falls_short_or_is_unrecorded(
    synergies: PoleSynergies,
) -> None:
    report = cooperation_involvement(synergies)
    if report.gaps or report.partial:
        assert report.complete is False
    else:
        assert report.complete is (None if report.unrecorded else True)
    # The facts asked for are those of members with no known shortfall.
    asking = {c.key for c in report.checks if c.missing}
    assert asking <= {"syn.cooperation"}
    assert all(c.status is Status.UNKNOWN for c in report.checks if c.missing)


@given(pole_synergies())
def test_the_gaps_are_the_founded_structures_taking_part_in_neither(
    synergies: PoleSynergies,
) -> None:
    report = cooperation_involvement(synergies)
    public = [m.id for m in synergies.members if m.public]
    expected_gaps = []
    expected_partial = []
    expected_unrecorded = []
    for structure in synergies.structures:
        if not set(public) & set(structure.founders):
            continue
        if synergies.involvement(structure.id) is None:
            expected_unrecorded.append(structure.id)
            continue
        strategy, actions = _takes_part(synergies, structure.id)
        if not strategy and not actions:
            expected_gaps.append(structure.id)
        elif strategy != actions:
            expected_partial.append(structure.id)
    assert list(report.gaps) == expected_gaps
    assert list(report.partial) == expected_partial
    assert list(report.unrecorded) == expected_unrecorded


@given(pole_synergies())
def test_each_structure_of_a_public_member_is_counted_once(synergies: PoleSynergies) -> None:
    report = cooperation_involvement(synergies)
    public = [m.id for m in synergies.members if m.public]
    founded = [s for s in synergies.structures if set(public) & set(s.founders)]
    assert [s.structure_id for s in report.structures] == [s.id for s in founded]
    for item, structure in zip(report.structures, founded, strict=True):
        assert item.founding_members == tuple(m for m in public if m in structure.founders)
    # The four totals split the structures, each in one of them, none twice.
    totals = (*report.involved, *report.partial, *report.gaps, *report.unrecorded)
    assert sorted(totals) == sorted(s.id for s in founded)
    head = report.explain().splitlines()[0]
    assert f"{len(founded)} structure(s) they founded, {len(report.gaps)} gap(s)," in head


@given(pole_synergies())
def test_the_member_view_and_the_structure_view_agree(synergies: PoleSynergies) -> None:
    report = cooperation_involvement(synergies)
    pairs = {
        (line.member_id, s.structure_id, s.participation)
        for line in report.lines
        for s in line.structures
    }
    assert pairs == {
        (member, s.structure_id, s.participation)
        for s in report.structures
        for member in s.founding_members
    }
    # A structure is asked for once, under its own path, whoever founded it; every unrecorded
    # structure of a member left undetermined is asked for.
    paths = [f.path for f in report.missing]
    conditions = [c for c in report.checks if c.key == "syn.cooperation"]
    undetermined = [
        line for line, c in zip(report.lines, conditions, strict=True) if c.status is Status.UNKNOWN
    ]
    assert len(paths) == len(set(paths))
    assert set(paths) == {f"involvements.{sid}" for line in undetermined for sid in line.unrecorded}


@given(pole_synergies(), st.randoms(use_true_random=False))
def test_the_order_of_the_involvements_changes_nothing(
    synergies: PoleSynergies, random: Random
) -> None:
    shuffled = list(synergies.involvements)
    random.shuffle(shuffled)
    again = attrs.evolve(synergies, involvements=shuffled)
    assert cooperation_involvement(again) == cooperation_involvement(synergies)


@given(pole_synergies())
def test_each_public_member_has_one_condition_in_member_order(synergies: PoleSynergies) -> None:
    report = cooperation_involvement(synergies)
    public = [m for m in synergies.members if m.public]
    conditions = [c for c in report.checks if c.key == "syn.cooperation"]
    assert [line.member_id for line in report.lines] == [m.id for m in public]
    for check, member in zip(conditions, public, strict=True):
        assert check.label.en.startswith(f"{member.name} ({member.id})")
    for line, check in zip(report.lines, conditions, strict=True):
        if not line.structures:
            assert check.status is Status.NOT_APPLICABLE
        elif line.gaps or line.partial:
            assert check.status is Status.NOT_MET
        elif line.unrecorded:
            assert check.status is Status.UNKNOWN
        else:
            assert check.status is Status.MET
        sorted_out = (*line.involved, *line.partial, *line.gaps, *line.unrecorded)
        assert sorted(sorted_out) == sorted(s.id for s in synergies.founded_by(line.member_id))
    assert not any(c.informative for c in conditions)
    assert all(c.informative for c in report.checks if c.key != "syn.cooperation")


@given(pole_synergies())
def test_the_explanation_cites_syn3_in_both_languages(synergies: PoleSynergies) -> None:
    report = cooperation_involvement(synergies)
    for lang in ("en", "fr"):
        lines = report.explain(lang).splitlines()
        # The head, a line per check, then the facts to provide, under their own heading.
        asked = len(report.missing)
        assert len(lines) == 1 + len(report.checks) + (asked + 1 if asked else 0)
        assert all("SYN.3" in line for line in lines[: 1 + len(report.checks)])
