from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from poles_policy.exceptions import InvalidInputError
from poles_policy.model.poles import (
    Category,
    EvaluationGroup,
    GoverningBody,
    LabelEvent,
    LabelEventKind,
    Pole,
    StateCorrespondent,
)

LABELLED_2005 = date(2005, 7, 12)
CIADT_2010 = date(2010, 5, 11)


def event(kind: LabelEventKind, on: date) -> LabelEvent:
    return LabelEvent(kind=kind, on=on, source="test")


def pole(*events: LabelEvent, **changes: Any) -> Pole:
    base = Pole(
        id="synthetic-pole",
        name="Synthetic Pôle",
        category=Category.NATIONAL,
        themes=("synthetic theme",),
        head_office_region="82",
        history=events,
    )
    return attrs.evolve(base, **changes)


# --- labelling history -------------------------------------------------------------------------


def test_a_pole_delabelled_on_a_day_holds_its_label_until_the_day_before() -> None:
    p = pole(
        event(LabelEventKind.LABELLED, LABELLED_2005), event(LabelEventKind.DELABELLED, CIADT_2010)
    )
    assert p.is_labelled_on(date(2010, 5, 10))
    assert not p.is_labelled_on(CIADT_2010)
    assert not p.is_labelled_on(date(2010, 5, 12))


def test_a_pole_is_labelled_from_its_labelling_day() -> None:
    p = pole(event(LabelEventKind.LABELLED, LABELLED_2005))
    assert not p.is_labelled_on(LABELLED_2005 - timedelta(days=1))
    assert p.is_labelled_on(LABELLED_2005)


def test_a_pole_without_history_is_never_labelled() -> None:
    assert not pole().is_labelled_on(date(2009, 1, 1))


def test_a_confirmation_after_a_delabelling_restores_the_label() -> None:
    p = pole(
        event(LabelEventKind.LABELLED, LABELLED_2005),
        event(LabelEventKind.DELABELLED, date(2008, 6, 18)),
        event(LabelEventKind.CONFIRMED, date(2009, 1, 1)),
    )
    assert not p.is_labelled_on(date(2008, 12, 31))
    assert p.is_labelled_on(date(2009, 1, 1))


def test_history_is_kept_in_date_order() -> None:
    late = event(LabelEventKind.DELABELLED, CIADT_2010)
    early = event(LabelEventKind.LABELLED, LABELLED_2005)
    assert pole(late, early).history == (early, late)


def test_two_events_of_one_kind_on_one_day_are_refused() -> None:
    with pytest.raises(InvalidInputError, match="'labelled on 2005-07-12' appears twice"):
        pole(
            event(LabelEventKind.LABELLED, LABELLED_2005),
            event(LabelEventKind.LABELLED, LABELLED_2005),
        )


@given(
    st.lists(
        st.tuples(
            st.sampled_from(LabelEventKind),
            st.dates(min_value=date(2005, 1, 1), max_value=date(2013, 12, 31)),
        ),
        unique=True,
        max_size=6,
    ),
    st.dates(min_value=date(2004, 1, 1), max_value=date(2014, 12, 31)),
)
def test_the_label_follows_the_last_event_on_or_before_the_day(
    events: list[tuple[LabelEventKind, date]], on: date
) -> None:
    p = pole(*(event(k, d) for k, d in events))
    dates = [e.on for e in p.history]
    assert dates == sorted(dates)
    before = [e for e in p.history if e.on <= on]
    expected = bool(before) and before[-1].kind is not LabelEventKind.DELABELLED
    assert p.is_labelled_on(on) is expected


# --- regions -----------------------------------------------------------------------------------


def test_regions_start_with_the_head_office() -> None:
    p = pole(head_office_region="82", other_regions=("43", "83"))
    assert p.regions == ("82", "43", "83")


def test_the_head_office_is_not_repeated_among_other_regions() -> None:
    with pytest.raises(InvalidInputError, match=r"Pole\.other_regions: .* repeats the head office"):
        pole(other_regions=("83", "82"))


def test_other_regions_are_not_repeated() -> None:
    with pytest.raises(InvalidInputError, match="region '83' appears twice"):
        pole(other_regions=("83", "83"))


def test_an_unknown_region_code_is_refused() -> None:
    with pytest.raises(
        InvalidInputError, match=r"Pole\.head_office_region: unknown region code '99'"
    ):
        pole(head_office_region="99")
    with pytest.raises(InvalidInputError, match=r"Pole\.other_regions: unknown region code '00'"):
        pole(other_regions=("00",))


# --- other invariants --------------------------------------------------------------------------


def test_the_evaluation_group_accepts_1_2_or_3() -> None:
    assert pole(evaluation_group_2008=2).evaluation_group_2008 is EvaluationGroup.GROUP_2
    with pytest.raises(InvalidInputError, match=r"Pole\.evaluation_group_2008: 4"):
        pole(evaluation_group_2008=4)
    with pytest.raises(InvalidInputError, match="evaluation_group_2008: True"):
        pole(evaluation_group_2008=True)


def test_themes_are_not_blank_nor_repeated() -> None:
    with pytest.raises(InvalidInputError, match=r"Pole\.themes: a theme must not be empty"):
        pole(themes=("  ",))
    with pytest.raises(InvalidInputError, match="theme 'x' appears twice"):
        pole(themes=("x", "x"))


def test_a_pole_needs_an_id_and_a_name() -> None:
    with pytest.raises(InvalidInputError, match=r"Pole\.id"):
        pole(id="")
    with pytest.raises(InvalidInputError, match=r"Pole\.name"):
        pole(name=" ")


def test_a_label_event_needs_a_source() -> None:
    with pytest.raises(InvalidInputError, match=r"LabelEvent\.source"):
        LabelEvent(kind=LabelEventKind.LABELLED, on=LABELLED_2005, source="")


def test_the_governing_body_is_an_association_by_default() -> None:
    body = GoverningBody(name="Association Synthetic")
    assert body.legal_form == "association loi 1901"
    with pytest.raises(InvalidInputError, match=r"GoverningBody\.name"):
        GoverningBody(name="")


def test_a_state_correspondent_names_a_service() -> None:
    with pytest.raises(InvalidInputError, match=r"StateCorrespondent\.service"):
        StateCorrespondent(name="Synthetic correspondent", service="")
