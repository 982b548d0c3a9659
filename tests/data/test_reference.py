from __future__ import annotations

from datetime import date

import attrs
import pytest

from poles_policy.data.reference import (
    Discrepancy,
    ReferenceFact,
    check_pole_list,
    reference_facts,
    rhone_alpes_pole_records,
    rhone_alpes_poles,
)
from poles_policy.exceptions import InvalidInputError
from poles_policy.model.poles import (
    Category,
    EvaluationGroup,
    LabelEvent,
    LabelEventKind,
    Pole,
)
from poles_policy.model.regions import region

START_2009 = date(2009, 1, 1)
RHONE_ALPES_IDS = [
    "minalogic",
    "lyonbiopole",
    "axelera",
    "arve-industries",
    "imaginove",
    "lutb",
    "plastipolis",
    "techtera",
    "tenerrdis",
    "viameca",
    "sporaltec",
    "trimatec",
]
SOURCED_CATEGORIES = {
    "minalogic": Category.MONDIAL,
    "lyonbiopole": Category.MONDIAL,
    "axelera": Category.VOCATION_MONDIALE,
}


def by_id() -> dict[str, Pole]:
    return {p.id: p for p in rhone_alpes_poles()}


def synthetic_national_list() -> list[Pole]:
    """71 synthetic pôles matching the 2009 figures: 7/10/54 by category, 39/19/13 by group."""
    categories = [Category.MONDIAL] * 7 + [Category.VOCATION_MONDIALE] * 10
    categories += [Category.NATIONAL] * 54
    groups = [EvaluationGroup.GROUP_1] * 39 + [EvaluationGroup.GROUP_2] * 19
    groups += [EvaluationGroup.GROUP_3] * 13
    labelled = LabelEvent(kind=LabelEventKind.LABELLED, on=date(2005, 7, 12), source="synthetic")
    return [
        Pole(
            id=f"synthetic-{i:02d}",
            name=f"Synthetic Pôle {i:02d}",
            category=category,
            head_office_region="82",
            evaluation_group_2008=group,
            history=(labelled,),
        )
        for i, (category, group) in enumerate(zip(categories, groups, strict=True))
    ]


# --- the Rhône-Alpes pôles ---------------------------------------------------------------------


def test_the_twelve_rhone_alpes_poles_of_phase_2_are_packaged() -> None:
    poles = rhone_alpes_poles()
    assert [p.id for p in poles] == RHONE_ALPES_IDS
    assert {p.head_office_region for p in poles} == {"82"}
    for p in poles:
        for code in p.regions:
            region(code, START_2009)


def test_sporaltec_is_labelled_until_the_ciadt_of_11_may_2010() -> None:
    sporaltec = by_id()["sporaltec"]
    assert sporaltec.is_labelled_on(date(2010, 5, 10))
    assert not sporaltec.is_labelled_on(date(2010, 5, 12))


def test_every_rhone_alpes_pole_is_labelled_in_2009_and_eleven_after_may_2010() -> None:
    poles = rhone_alpes_poles()
    assert all(p.is_labelled_on(START_2009) for p in poles)
    assert len([p for p in poles if p.is_labelled_on(date(2010, 5, 12))]) == 11


def test_only_three_categories_are_sourced_the_others_are_national_by_assumption() -> None:
    for record in rhone_alpes_pole_records():
        if record.id in SOURCED_CATEGORIES:
            assert record.category.value is SOURCED_CATEGORIES[record.id]
            assert record.category.confidence == "sourced"
        else:
            assert record.category.value is Category.NATIONAL
            assert record.category.confidence == "assumption"


def test_the_initial_labelling_is_sourced_only_where_facts_support_it() -> None:
    for record in rhone_alpes_pole_records():
        first = record.history[0]
        assert first.value.kind is LabelEventKind.LABELLED
        assert first.value.on == date(2005, 7, 12)
        expected = "sourced" if record.id in SOURCED_CATEGORIES else "assumption"
        assert first.confidence == expected
        if expected == "assumption":
            assert "gives no labelling date" in first.note


def test_sporaltec_delabelling_and_group_3_are_sourced_with_the_inference_stated() -> None:
    sporaltec = next(r for r in rhone_alpes_pole_records() if r.id == "sporaltec")
    delabelled = sporaltec.history[-1]
    assert delabelled.value.kind is LabelEventKind.DELABELLED
    assert delabelled.value.on == date(2010, 5, 11)
    assert delabelled.confidence == "sourced"
    assert sporaltec.evaluation_group_2008 is not None
    assert sporaltec.evaluation_group_2008.value is EvaluationGroup.GROUP_3
    assert sporaltec.evaluation_group_2008.note.startswith("Inferred")


def test_every_fact_has_a_source_and_every_assumption_says_why() -> None:
    for record in rhone_alpes_pole_records():
        facts: list[ReferenceFact[object]] = [
            record.name,
            record.category,
            *record.themes,
            record.head_office_region,
            record.other_regions,
            *record.history,
        ]
        for fact in facts:
            assert fact.source.strip()
            assert fact.confidence in {"sourced", "assumption"}
        for _, fact in record.assumptions:
            assert fact.note or fact.source.startswith(("none", "assumption"))


def test_interregional_poles_list_their_other_regions() -> None:
    poles = by_id()
    assert poles["plastipolis"].regions == ("82", "43")
    assert poles["viameca"].regions == ("82", "83")
    assert poles["trimatec"].regions == ("82", "91", "93")


def test_governing_bodies_and_correspondents_are_unknown_not_invented() -> None:
    for p in rhone_alpes_poles():
        assert p.governing_body is None
        assert p.state_correspondent is None


def test_a_reference_fact_refuses_an_unknown_confidence_or_an_empty_source() -> None:
    with pytest.raises(InvalidInputError, match=r"ReferenceFact\.confidence: 'guess'"):
        ReferenceFact(value=1, source="somewhere", confidence="guess")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match=r"ReferenceFact\.source"):
        ReferenceFact(value=1, source=" ", confidence="sourced")


# --- national figures --------------------------------------------------------------------------


def test_the_national_figures_of_2009() -> None:
    facts = {k: f.value for k, f in reference_facts().items()}
    assert facts == {
        "poles.total_2009": 71,
        "poles.mondial_2009": 7,
        "poles.vocation_mondiale_2009": 10,
        "poles.national_2009": 54,
        "evaluation_2008.group_1": 39,
        "evaluation_2008.group_2": 19,
        "evaluation_2008.group_3": 13,
    }


def test_the_national_figures_add_up() -> None:
    f = reference_facts()
    total = f["poles.total_2009"].value
    categories = ("poles.mondial_2009", "poles.vocation_mondiale_2009", "poles.national_2009")
    assert sum(f[k].value for k in categories) == total
    assert sum(f[f"evaluation_2008.group_{g}"].value for g in (1, 2, 3)) == total


def test_the_national_count_is_marked_as_inferred() -> None:
    national = reference_facts()["poles.national_2009"]
    assert national.confidence == "sourced"
    assert national.note.startswith("Inferred: 71 - 7 - 10")
    assert all(f.source.strip() for f in reference_facts().values())


# --- checking a list ---------------------------------------------------------------------------


def test_the_rhone_alpes_poles_alone_differ_from_every_national_figure() -> None:
    found = {d.key: (d.expected, d.found) for d in check_pole_list(rhone_alpes_poles())}
    assert found == {
        "poles.total_2009": (71, 12),
        "poles.mondial_2009": (7, 2),
        "poles.vocation_mondiale_2009": (10, 1),
        "poles.national_2009": (54, 9),
        "evaluation_2008.group_1": (39, 0),
        "evaluation_2008.group_2": (19, 0),
        "evaluation_2008.group_3": (13, 1),
    }


def test_a_discrepancy_cites_the_source_of_the_expected_figure() -> None:
    (total, *_) = check_pole_list(rhone_alpes_poles())
    assert total.source == reference_facts()["poles.total_2009"].source
    assert total.describe().startswith("poles.total_2009: expected 71, found 12 (https://")


def test_a_list_consistent_with_the_national_figures_has_no_discrepancy() -> None:
    assert check_pole_list(synthetic_national_list()) == ()


def test_a_repeated_id_is_reported_as_well_as_the_counts_it_changes() -> None:
    poles = synthetic_national_list()
    poles.append(poles[0])
    found = check_pole_list(poles)
    assert (
        Discrepancy(
            key="pole.id",
            expected=1,
            found=2,
            source="Pole.id: an id names one pôle",
            note="id 'synthetic-00' appears 2 times",
        )
        in found
    )
    assert {d.key for d in found} == {
        "poles.total_2009",
        "poles.mondial_2009",
        "evaluation_2008.group_1",
        "pole.id",
    }


def test_only_poles_labelled_on_the_date_are_counted() -> None:
    poles = synthetic_national_list()
    # A pôle whose record starts with a confirmation on that day keeps its 2008 group.
    later = LabelEvent(kind=LabelEventKind.CONFIRMED, on=date(2009, 6, 1), source="synthetic")
    poles[-1] = attrs.evolve(poles[-1], history=(later,))
    assert check_pole_list(poles, on=date(2009, 6, 1)) == ()
    found = {d.key: d.found for d in check_pole_list(poles, on=date(2009, 5, 31))}
    assert found == {
        "poles.total_2009": 70,
        "poles.national_2009": 53,
        "evaluation_2008.group_3": 12,
    }


def test_a_pole_without_a_2008_group_counts_in_no_group() -> None:
    poles = synthetic_national_list()
    poles[0] = attrs.evolve(poles[0], evaluation_group_2008=None)
    assert [(d.key, d.found) for d in check_pole_list(poles)] == [("evaluation_2008.group_1", 38)]


@pytest.mark.parametrize("on", [date(2008, 12, 31), date(2010, 1, 1)])
def test_the_figures_describe_2009_only(on: date) -> None:
    with pytest.raises(InvalidInputError, match="outside 2009"):
        check_pole_list(synthetic_national_list(), on=on)
