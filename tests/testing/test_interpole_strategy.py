"""The inter-pôle file strategy: valid files, every outcome of GOV.4, arguments refused."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st

from poles_policy.exceptions import InvalidInputError, WrongTypeError
from poles_policy.explain import Outcome, Status
from poles_policy.model.interpole import InterPoleFile, PoleShare
from poles_policy.model.projects import Funder
from poles_policy.money import total
from poles_policy.parameters import default_parameters
from poles_policy.rules.interpole import inter_pole_funding
from poles_policy.testing import inter_pole_files, poles
from poles_policy.testing._interpole import _LABEL_FROM

if TYPE_CHECKING:
    from tests.testing.conftest import Tally, Unreached

    from poles_policy.model.poles import Pole

PARAMS = default_parameters()
LABEL_FROM = date(2009, 11, 30)
DEFAULT_POLE_IDS = {"pole-0", "pole-1", "pole-2", "pole-3"}
CONDITIONS = ("gov.inter_pole.in_force", "gov.inter_pole.carriers", "gov.inter_pole.labelled")
SHRINK = settings(database=None, derandomize=True, max_examples=200)


def _assert_valid(file: InterPoleFile, pool: set[str]) -> None:
    assert isinstance(file, InterPoleFile)
    assert set(file.pole_ids) <= pool
    assert len(file.other_pole_ids) <= 3
    if file.split is not None:
        assert total(part.amount for part in file.split) == file.granted
        assert {part.pole_id for part in file.split} <= set(file.pole_ids)
        assert file.split  # at least one part, even of 0.00


@given(inter_pole_files())
def test_every_file_is_valid_and_its_parts_add_up_to_the_amount_granted(
    file: InterPoleFile,
) -> None:
    _assert_valid(file, DEFAULT_POLE_IDS)
    assert file.id.startswith("interpole-")
    assert date(2008, 1, 1) <= file.decided_on <= date(2012, 12, 31)
    assert file.granted <= 2_000_000


def test_the_label_day_of_the_kit_is_the_parameter_in_force() -> None:
    assert PARAMS.value("gov.inter_pole_from", date(2010, 1, 1)) == _LABEL_FROM == LABEL_FROM


def _features(file: InterPoleFile) -> set[str]:
    every = file.split is not None and {p.pole_id for p in file.split} == set(file.pole_ids)
    return {
        f"decided before the label={file.decided_on < LABEL_FROM}",
        f"other pôles={bool(file.other_pole_ids)}",
        f"split known={file.split is not None}",
        f"split to every carrier={every}",
        f"State funding={file.funder is Funder.STATE}",
        f"{len(file.other_pole_ids)} other pôles",
        f"decided on {file.decided_on.isoformat()}",
    }


def test_files_fall_on_both_sides_of_the_label_with_and_without_others_and_a_split(
    unreached: Unreached,
) -> None:
    wanted = {
        f"{feature}={answer}"
        for feature in (
            "decided before the label",
            "other pôles",
            "split known",
            "split to every carrier",
            "State funding",
        )
        for answer in (True, False)
    }
    wanted |= {f"{n} other pôles" for n in range(4)}
    # The label's first day and the day before it: the edge of the first condition.
    wanted |= {"decided on 2009-11-30", "decided on 2009-11-29"}
    assert unreached(inter_pole_files(), wanted, _features) == set()


def test_each_part_is_sound_about_three_times_in_four(tally: Tally) -> None:
    seen, drawn = tally(inter_pole_files(), _features, 200)
    # Hypothesis' generation is not uniform, and its first draws are simple: wide bounds.
    for unsound in (
        "decided before the label=True",
        "other pôles=False",
        "split known=False",
        "State funding=False",
    ):
        assert 0.05 < seen[unsound] / drawn < 0.45, (unsound, seen, drawn)


def test_the_simplest_file_takes_the_route_on_the_labels_first_day() -> None:
    simplest = find(inter_pole_files(), lambda _: True, settings=SHRINK)
    assert simplest == InterPoleFile(
        id="interpole-0",
        name="Dossier inter-pôles 0 (generated)",
        lead_pole_id="pole-0",
        other_pole_ids=["pole-1"],
        funder=Funder.STATE,
        granted="0.00",
        decided_on=LABEL_FROM,
        split=[PoleShare(pole_id="pole-0", amount="0.00")],
    )


def test_a_file_decided_before_the_label_shrinks_to_one_otherwise_sound() -> None:
    early = find(inter_pole_files(), lambda f: f.decided_on < LABEL_FROM, settings=SHRINK)
    assert (early.other_pole_ids, early.funder, early.decided_on) == (
        ("pole-1",),
        Funder.STATE,
        date(2008, 1, 1),
    )
    assert early.split is not None


def test_a_pole_id_given_twice_is_refused() -> None:
    # Each id names one pôle: one given twice is a slip, refused as in every list of ids.
    with pytest.raises(InvalidInputError, match="'minalogic' is given twice"):
        inter_pole_files(pole_ids=["minalogic", "axelera", "minalogic"])


@settings(max_examples=30)
@given(
    inter_pole_files(ident="joint-1", pole_ids=["minalogic", "axelera"]),
    inter_pole_files(pole_ids=("tenerrdis",)),
)
def test_the_pole_ids_given_are_drawn_once_each_and_a_single_one_leads_alone(
    file: InterPoleFile, alone: InterPoleFile
) -> None:
    _assert_valid(file, {"minalogic", "axelera"})
    assert file.id == "joint-1"
    assert (alone.lead_pole_id, alone.other_pole_ids) == ("tenerrdis", ())
    assert alone.split is None or alone.split == (
        PoleShare(pole_id="tenerrdis", amount=alone.granted),
    )


@settings(max_examples=50)
@given(st.from_type(InterPoleFile), st.from_type(PoleShare))
def test_files_and_shares_are_registered_for_from_type(
    file: InterPoleFile, share: PoleShare
) -> None:
    _assert_valid(file, DEFAULT_POLE_IDS)
    assert share.pole_id in DEFAULT_POLE_IDS
    assert share.amount >= 0


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"pole_ids": []}, InvalidInputError, r"inter_pole_files\(pole_ids=\[\]\): .*at least one"),
        ({"pole_ids": ()}, InvalidInputError, r"inter_pole_files\(pole_ids=\(\)\)"),
        (
            {"pole_ids": "minalogic"},
            WrongTypeError,
            r"inter_pole_files\(pole_ids='minalogic'\): give a list or tuple of ids",
        ),
        (
            {"pole_ids": ["minalogic", ""]},
            InvalidInputError,
            r"inter_pole_files\(pole_ids=''\): an id is a non-empty string",
        ),
        ({"pole_ids": [None]}, WrongTypeError, r"inter_pole_files\(pole_ids=\[None\]\)"),
        ({"ident": 3}, WrongTypeError, r"inter_pole_files\(ident=3\): an id is a string"),
        ({"ident": " "}, InvalidInputError, r"inter_pole_files\(ident=' '\)"),
        ({"region": "82"}, WrongTypeError, r"inter_pole_files: got an unexpected keyword"),
    ],
)
def test_bad_arguments_are_refused_when_the_strategy_is_built(
    kwargs: dict[str, Any], error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        inter_pole_files(**kwargs)


# -- with the rule ------------------------------------------------------------------------------


@st.composite
def files_with_their_poles(draw: st.DrawFn) -> tuple[InterPoleFile, list[Pole]]:
    """A file, and generated pôles of the same ids: most of its carriers, and a stranger."""
    file = draw(inter_pole_files())
    ids = [p for p in file.pole_ids if draw(st.integers(min_value=0, max_value=5))]
    ids += ["pole-9"] if draw(st.booleans()) else []
    return file, [draw(poles(ident=pole_id)) for pole_id in ids]


def _route(case: tuple[InterPoleFile, list[Pole]]) -> set[str]:
    file, known = case
    decision = inter_pole_funding(file, PARAMS, poles=known).decision
    return {decision.outcome.value} | {f"{c.key}={c.status.value}" for c in decision.conditions}


@given(files_with_their_poles())
def test_the_route_is_eligible_exactly_when_the_three_conditions_are_met(
    case: tuple[InterPoleFile, list[Pole]],
) -> None:
    file, known = case
    route = inter_pole_funding(file, PARAMS, poles=known)
    conditions = route.decision.conditions
    assert tuple(check.key for check in conditions) == CONDITIONS
    all_met = all(check.status is Status.MET for check in conditions)
    assert (route.outcome is Outcome.ELIGIBLE) is all_met
    assert (route.recipient == file.lead_pole_id) is all_met


def test_files_with_their_poles_reach_every_outcome_and_status(unreached: Unreached) -> None:
    wanted = {outcome.value for outcome in Outcome}
    wanted |= {f"{key}={s.value}" for key in CONDITIONS for s in (Status.MET, Status.NOT_MET)}
    wanted |= {"gov.inter_pole.labelled=unknown"}
    assert unreached(files_with_their_poles(), wanted, _route) == set()
