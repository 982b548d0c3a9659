"""National coordination between pôles of the same or complementary themes (GOV.4)."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from poles_policy.exceptions import InvalidInputError
from poles_policy.model.poles import Category, LabelEvent, LabelEventKind, Pole
from poles_policy.rules.coordination import CoordinationGroup, Kinship, coordination_groups
from poles_policy.testing import poles, policy_dates

ON = date(2009, 7, 1)
LABELLED = LabelEvent(kind=LabelEventKind.LABELLED, on=date(2005, 7, 12), source="CIADT")
DELABELLED = LabelEvent(kind=LabelEventKind.DELABELLED, on=date(2010, 5, 11), source="CIADT")


def _pole(ident: str, *themes: str, delabelled: bool = False) -> Pole:
    return Pole(
        id=ident,
        name=ident,
        category=Category.NATIONAL,
        head_office_region="82",
        themes=themes,
        history=(LABELLED, DELABELLED) if delabelled else (LABELLED,),
    )


def test_poles_sharing_a_theme_form_a_group_whatever_the_spelling() -> None:
    groups = coordination_groups(
        [
            _pole("minalogic", "Micro-nanotechnologies"),
            _pole("tenerrdis", "energy"),
            _pole("other", "micro-nanotechnologies  "),
        ],
        ON,
    )
    assert groups == (
        CoordinationGroup(
            kinship=Kinship.SAME_THEME,
            themes=("Micro-nanotechnologies",),
            pole_ids=("minalogic", "other"),
        ),
    )


def test_same_theme_groups_come_in_theme_order_and_keep_the_poles_order() -> None:
    groups = coordination_groups(
        [
            _pole("c", "textiles", "energy"),
            _pole("a", "energy"),
            _pole("b", "textiles", "energy"),
        ],
        ON,
    )
    assert [(g.themes, g.pole_ids) for g in groups] == [
        (("energy",), ("c", "a", "b")),
        (("textiles",), ("c", "b")),
    ]


def test_a_pole_no_longer_labelled_is_left_out() -> None:
    poles_ = [_pole("sporaltec", "sport", delabelled=True), _pole("other", "sport")]
    assert [g.pole_ids for g in coordination_groups(poles_, date(2010, 5, 10))] == [
        ("sporaltec", "other")
    ]
    assert coordination_groups(poles_, date(2010, 5, 11)) == ()


def test_complementary_themes_need_a_pole_on_each_side() -> None:
    both = _pole("axelera", "chemistry", "environment")
    chem = _pole("chem", "chemistry")
    env = _pole("trimatec", "environment")
    pair = [("Chemistry", "environment")]
    # One pôle holding both themes is no coordination between pôles.
    assert [g.kinship for g in coordination_groups([both], ON, complementary=pair)] == []
    groups = coordination_groups([both, env], ON, complementary=pair)
    assert groups[-1] == CoordinationGroup(
        kinship=Kinship.COMPLEMENTARY,
        themes=("chemistry", "environment"),
        pole_ids=("axelera", "trimatec"),
    )
    assert len(coordination_groups([chem, _pole("x", "textiles")], ON, complementary=pair)) == 0


@pytest.mark.parametrize(
    "pair",
    [("energy", "Energy "), ("energy", "  "), ("", "textiles")],
)
def test_a_pair_must_name_two_distinct_themes(pair: tuple[str, str]) -> None:
    with pytest.raises(InvalidInputError, match="not a pair of two distinct themes"):
        coordination_groups([_pole("a", "energy")], ON, complementary=[pair])


@pytest.mark.parametrize("pair", ["et", ("energy", "textiles", "x"), ("energy", None), ("energy",)])
def test_an_item_that_is_not_a_pair_of_themes_is_refused(pair: object) -> None:
    with pytest.raises(InvalidInputError, match=r"complementary: .* is not a pair of two themes"):
        coordination_groups([_pole("a", "energy")], ON, complementary=[pair])  # type: ignore[list-item]


def test_a_pair_given_twice_in_any_order_forms_one_group() -> None:
    poles_ = [_pole("a", "energy"), _pole("b", "textiles")]
    pairs = [("energy", "textiles"), ("textiles", "energy"), ("Energy", "TEXTILES")]
    groups = coordination_groups(poles_, ON, complementary=pairs)
    assert [(g.themes, g.pole_ids) for g in groups] == [(("energy", "textiles"), ("a", "b"))]


def test_themes_match_whatever_their_unicode_composition() -> None:
    composed, decomposed = "sant\u00e9", "sante\u0301"
    groups = coordination_groups([_pole("a", composed), _pole("b", decomposed)], ON)
    assert [g.pole_ids for g in groups] == [("a", "b")]


def test_a_pole_given_twice_is_refused() -> None:
    with pytest.raises(InvalidInputError, match="pôle 'a' is given twice"):
        coordination_groups([_pole("a", "energy"), _pole("a", "textiles")], ON)


def test_a_group_describes_itself_with_its_clause() -> None:
    group = coordination_groups(
        [_pole("a", "energy"), _pole("b", "textiles")], ON, complementary=[("energy", "textiles")]
    )[0]
    assert group.describe() == "GOV.4 — complementary themes (energy + textiles): a, b"
    assert group.describe("fr") == "GOV.4 — thématiques complémentaires (energy + textiles) : a, b"


@given(
    found=st.lists(poles(), max_size=6, unique_by=lambda p: p.id),
    on=policy_dates(),
)
def test_every_same_theme_group_is_exactly_the_labelled_poles_with_that_theme(
    found: list[Pole], on: date
) -> None:
    groups = coordination_groups(found, on)
    labelled = [p for p in found if p.is_labelled_on(on)]

    def key(theme: str) -> str:
        return " ".join(unicodedata.normalize("NFC", theme).split()).casefold()

    themes = {key(t) for p in labelled for t in p.themes}
    expected = {
        k: tuple(p.id for p in labelled if any(key(t) == k for t in p.themes)) for k in themes
    }
    # Lists, not dicts: a group given twice must show.
    assert [(key(g.themes[0]), g.pole_ids) for g in groups] == sorted(
        (k, ids) for k, ids in expected.items() if len(ids) >= 2
    )
    assert all(g.kinship is Kinship.SAME_THEME for g in groups)


def test_a_group_as_json() -> None:
    group = coordination_groups([_pole("a", "energy"), _pole("b", "Energy")], ON)[0]
    assert group.to_dict() == {
        "kinship": "same_theme",
        "themes": ["energy"],
        "pole_ids": ["a", "b"],
    }
