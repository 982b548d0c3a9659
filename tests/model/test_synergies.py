"""A pôle's research members, their cooperation structures and involvements (SYN.3)."""

from __future__ import annotations

import attrs
import pytest

from poles_policy.exceptions import InvalidInputError
from poles_policy.model import Involvement, PoleSynergies
from poles_policy.model.actors import (
    CooperationKind,
    CooperationStructure,
    ResearchKind,
    ResearchOrganisation,
)

UNIV = ResearchOrganisation(id="univ-a", name="University A", kind=ResearchKind.HIGHER_EDUCATION)
LAB = ResearchOrganisation(id="lab-b", name="Lab B", kind=ResearchKind.PUBLIC_RESEARCH)
PRES = CooperationStructure(
    id="pres-a", name="PRES A", kind=CooperationKind.PRES, founders=("univ-a", "lab-b")
)
CARNOT = CooperationStructure(
    id="carnot-b", name="Carnot B", kind=CooperationKind.INSTITUT_CARNOT, founders=("lab-b",)
)


@pytest.fixture
def synergies() -> PoleSynergies:
    return PoleSynergies(
        pole_id="minalogic",
        members=(UNIV, LAB),
        structures=(PRES, CARNOT),
        involvements=(
            Involvement(structure_id="pres-a", in_strategy=True, in_actions=True, note="minutes"),
        ),
    )


def test_lists_are_kept_as_tuples() -> None:
    synergies = PoleSynergies(
        pole_id="p",
        members=[UNIV],
        structures=[PRES],
        involvements=[Involvement(structure_id="pres-a", in_strategy=False, in_actions=False)],
    )
    assert isinstance(synergies.members, tuple)
    assert isinstance(synergies.structures, tuple)
    assert isinstance(synergies.involvements, tuple)


def test_a_pole_with_nothing_recorded_is_representable() -> None:
    synergies = PoleSynergies(pole_id="sporaltec")
    assert (synergies.members, synergies.structures, synergies.involvements) == ((), (), ())


def test_a_member_is_listed_once(synergies: PoleSynergies) -> None:
    with pytest.raises(
        InvalidInputError,
        match=r"^PoleSynergies\.members: member 'univ-a' appears twice \(items 0 and 2\)$",
    ):
        attrs.evolve(synergies, members=(UNIV, LAB, UNIV))


def test_a_structure_is_listed_once(synergies: PoleSynergies) -> None:
    with pytest.raises(
        InvalidInputError,
        match=r"^PoleSynergies\.structures: structure 'pres-a' appears twice \(items 0 and 2\)$",
    ):
        attrs.evolve(synergies, structures=(PRES, CARNOT, attrs.evolve(PRES, name="Other")))


def test_a_structure_has_one_involvement_at_most(synergies: PoleSynergies) -> None:
    with pytest.raises(
        InvalidInputError,
        match=(
            r"^PoleSynergies\.involvements: involvement of structure 'pres-a' appears twice "
            r"\(items 0 and 1\)$"
        ),
    ):
        attrs.evolve(
            synergies,
            involvements=(
                Involvement(structure_id="pres-a", in_strategy=True, in_actions=True),
                Involvement(structure_id="pres-a", in_strategy=False, in_actions=False),
            ),
        )


def test_an_involvement_names_a_known_structure(synergies: PoleSynergies) -> None:
    with pytest.raises(
        InvalidInputError,
        match=(
            r"^PoleSynergies\.involvements\[0\]\.structure_id: structure 'rtra-x' is not "
            r"among the structures "
            r"of pôle 'minalogic'$"
        ),
    ):
        attrs.evolve(
            synergies,
            involvements=(Involvement(structure_id="rtra-x", in_strategy=True, in_actions=True),),
        )


def test_an_involvement_of_a_dropped_structure_is_refused(synergies: PoleSynergies) -> None:
    with pytest.raises(InvalidInputError, match=r"structure 'pres-a' is not among"):
        attrs.evolve(synergies, structures=(CARNOT,))


def test_a_founder_need_not_be_a_member() -> None:
    outside = attrs.evolve(PRES, founders=("univ-a", "univ-elsewhere"))
    synergies = PoleSynergies(pole_id="p", members=(UNIV,), structures=(outside,))
    assert synergies.founded_by("univ-elsewhere") == (outside,)


def test_a_founder_is_named_once_per_structure() -> None:
    # A founder named twice is a typing slip, not two founders: the structure refuses it.
    with pytest.raises(
        InvalidInputError,
        match=(
            r"^CooperationStructure\.founders: founder 'lab-b' appears twice "
            r"\(items 0 and 2\)$"
        ),
    ):
        attrs.evolve(CARNOT, founders=("lab-b", "univ-a", "lab-b"))


def test_the_same_founder_in_two_structures_is_valid() -> None:
    synergies = PoleSynergies(pole_id="p", members=(LAB,), structures=(PRES, CARNOT))
    assert synergies.founded_by("lab-b") == (PRES, CARNOT)


@pytest.mark.parametrize("founder", ["", "   "])
def test_a_founder_id_is_never_empty_or_blank(founder: str) -> None:
    with pytest.raises(
        InvalidInputError,
        match=rf"^CooperationStructure\.founders\[1\]: '{founder}' is not an id$",
    ):
        attrs.evolve(PRES, founders=("univ-a", founder))


def test_an_involvement_needs_a_structure_id() -> None:
    with pytest.raises(InvalidInputError, match=r"^Involvement\.structure_id: must not be empty$"):
        Involvement(structure_id=" ", in_strategy=True, in_actions=True)


def test_a_pole_id_is_required() -> None:
    with pytest.raises(InvalidInputError, match=r"^PoleSynergies\.pole_id: must not be empty$"):
        PoleSynergies(pole_id="")


def test_the_involvement_of_a_structure_is_found_by_id(synergies: PoleSynergies) -> None:
    found = synergies.involvement("pres-a")
    assert found is not None
    assert found.note == "minutes"
    assert synergies.involvement("carnot-b") is None


def test_founded_by_keeps_the_order_of_the_structures(synergies: PoleSynergies) -> None:
    assert synergies.founded_by("lab-b") == (PRES, CARNOT)
    assert synergies.founded_by("univ-a") == (PRES,)
    assert synergies.founded_by("nobody") == ()


def test_the_objects_are_frozen(synergies: PoleSynergies) -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        synergies.pole_id = "other"  # type: ignore[misc]


@pytest.mark.parametrize("value", [None, "no", 0, 1])
def test_an_involvement_is_true_or_false_never_unknown(value: object) -> None:
    # None would otherwise read as "recorded as not involved": an unknown is not a false.
    flag = r"Involvement.in_{}: .* is not true or false"
    with pytest.raises(InvalidInputError, match=flag.format("strategy")):
        Involvement(structure_id="pres-a", in_strategy=value, in_actions=True)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match=flag.format("actions")):
        Involvement(structure_id="pres-a", in_strategy=True, in_actions=value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("members", [{"id": "univ-a"}], r"PoleSynergies.members\[0\]: .* is not of type"),
        ("structures", [UNIV], r"PoleSynergies.structures\[0\]: .* is not of type"),
        ("involvements", [PRES], r"PoleSynergies.involvements\[0\]: .* is not of type"),
        ("members", None, "None is not a list"),
        ("structures", "pres-a", "'pres-a' is not a list"),
    ],
)
def test_lists_hold_objects_of_their_type(field: str, value: object, message: str) -> None:
    with pytest.raises(InvalidInputError, match=message):
        PoleSynergies(pole_id="minalogic", **{field: value})  # type: ignore[arg-type]
