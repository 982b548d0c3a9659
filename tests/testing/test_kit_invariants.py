"""
The kit never draws what the model refuses, and still draws every case the model allows.

A private non-profit research centre is never public; a pôle first labelled
after 2008 has no 2008 evaluation group; a withdrawn label is never
confirmed. Had a strategy drawn one of these, the model's constructor would
have refused it inside the strategy: these tests would fail with its error.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from hypothesis import given, settings
from hypothesis import strategies as st

from poles_policy import testing as kit
from poles_policy.model.actors import ResearchKind, ResearchOrganisation
from poles_policy.model.poles import EVALUATED_IF_LABELLED_BY, LabelEventKind, Pole

if TYPE_CHECKING:
    from tests.testing.conftest import Unreached


def _research(body: ResearchOrganisation) -> set[str]:
    return {f"{body.kind.value} public={body.public}"}


def test_research_bodies_of_every_kind_are_drawn_and_no_private_centre_is_public(
    unreached: Unreached,
) -> None:
    wanted = {f"{kind.value} public={public}" for kind in ResearchKind for public in (True, False)}
    # The one combination the model refuses is the only one never drawn.
    assert unreached(kit.research_organisations(), wanted, _research) == {
        "private_non_profit public=True"
    }


@settings(max_examples=60)
@given(kit.research_organisations(public=True))
def test_a_public_body_asked_for_is_never_a_private_centre(body: ResearchOrganisation) -> None:
    assert body.public is True
    assert body.kind is not ResearchKind.PRIVATE_NON_PROFIT


def test_a_private_body_asked_for_may_be_of_any_kind(unreached: Unreached) -> None:
    wanted = {f"{kind.value} public=False" for kind in ResearchKind}
    assert unreached(kit.research_organisations(public=False), wanted, _research) == set()


def _evaluated(pole: Pole) -> set[str]:
    first = pole.history[0]
    labelled_by_2008 = first.on <= EVALUATED_IF_LABELLED_BY
    return {f"by 2008={labelled_by_2008} group={pole.evaluation_group_2008 is not None}"}


@settings(max_examples=100)
@given(st.one_of(kit.poles(), st.from_type(Pole)))
def test_a_generated_pole_has_a_group_only_if_labelled_by_2008(pole: Pole) -> None:
    first = pole.history[0]
    assert first.kind is LabelEventKind.LABELLED
    if pole.evaluation_group_2008 is not None:
        assert first.on <= EVALUATED_IF_LABELLED_BY
    # A withdrawal is never followed by a confirmation.
    kinds = [event.kind for event in pole.history]
    assert all(
        not (before is LabelEventKind.DELABELLED and after is LabelEventKind.CONFIRMED)
        for before, after in itertools.pairwise(kinds)
    )


def test_poles_labelled_before_and_after_2008_are_both_drawn(unreached: Unreached) -> None:
    wanted = {
        "by 2008=True group=True",
        "by 2008=True group=False",
        "by 2008=False group=False",
    }
    assert unreached(kit.poles(), wanted, _evaluated) == set()
