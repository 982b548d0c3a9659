from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from poles_policy.exceptions import InvalidInputError, WrongTypeError
from poles_policy.model.poles import (
    EVALUATED_IF_LABELLED_BY,
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


def test_a_withdrawn_label_cannot_be_confirmed() -> None:
    # Refused as a second withdrawal is: the confirmation finds no label to confirm.
    with pytest.raises(
        InvalidInputError,
        match=(
            r"^Pole\.history\[2\]: confirmed on 2011-01-01, but the label was already "
            r"withdrawn on 2010-05-11; a withdrawn label cannot be confirmed"
        ),
    ):
        pole(
            event(LabelEventKind.LABELLED, LABELLED_2005),
            event(LabelEventKind.DELABELLED, CIADT_2010),
            event(LabelEventKind.CONFIRMED, date(2011, 1, 1)),
        )


def test_a_confirmation_given_on_the_day_after_its_withdrawal_is_refused_too() -> None:
    # Of one day's events the last given wins: withdrawn, then "confirmed" the same day.
    with pytest.raises(InvalidInputError, match=r"^Pole\.history\[2\]: confirmed on 2010-05-11"):
        pole(
            event(LabelEventKind.LABELLED, LABELLED_2005),
            event(LabelEventKind.DELABELLED, CIADT_2010),
            event(LabelEventKind.CONFIRMED, CIADT_2010),
        )


def test_a_new_label_after_a_withdrawal_restores_the_label() -> None:
    p = pole(
        event(LabelEventKind.LABELLED, LABELLED_2005),
        event(LabelEventKind.DELABELLED, CIADT_2010),
        event(LabelEventKind.LABELLED, date(2011, 1, 1)),
        event(LabelEventKind.CONFIRMED, date(2012, 1, 1)),
    )
    assert not p.is_labelled_on(date(2010, 12, 31))
    assert p.is_labelled_on(date(2011, 1, 1))
    assert p.is_labelled_on(date(2012, 1, 1))


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


def test_a_history_that_starts_with_a_delabelling_is_refused_naming_its_first_event() -> None:
    with pytest.raises(
        InvalidInputError,
        match=r"^Pole\.history\[0\]: delabelled on 2005-07-12 as the first event, with no label",
    ):
        pole(event(LabelEventKind.DELABELLED, LABELLED_2005))


def test_the_first_event_is_the_oldest_whatever_the_order_given() -> None:
    with pytest.raises(InvalidInputError, match=r"^Pole\.history\[0\]: delabelled on 2005-07-12"):
        pole(
            event(LabelEventKind.LABELLED, CIADT_2010),
            event(LabelEventKind.DELABELLED, LABELLED_2005),
        )


def test_a_history_may_start_with_a_confirmation() -> None:
    # A record kept from the Phase 2 confirmation onward is partial, not wrong.
    p = pole(event(LabelEventKind.CONFIRMED, date(2009, 1, 1)))
    assert p.is_labelled_on(date(2009, 1, 1))


def test_a_label_already_withdrawn_cannot_be_withdrawn_again() -> None:
    with pytest.raises(
        InvalidInputError,
        match=(
            r"^Pole\.history\[2\]: delabelled on 2011-01-01, but the label was already "
            r"withdrawn on 2010-05-11"
        ),
    ):
        pole(
            event(LabelEventKind.LABELLED, LABELLED_2005),
            event(LabelEventKind.DELABELLED, CIADT_2010),
            event(LabelEventKind.DELABELLED, date(2011, 1, 1)),
        )


@pytest.mark.parametrize("kind", [LabelEventKind.LABELLED, LabelEventKind.CONFIRMED])
def test_a_label_withdrawn_on_the_day_it_was_granted_or_confirmed_is_refused(
    kind: LabelEventKind,
) -> None:
    # The label would be held on no day: the order or a date is wrong.
    with pytest.raises(
        InvalidInputError,
        match=rf"^Pole\.history\[2\]: delabelled on 2010-05-11, the day it was {kind.value}",
    ):
        pole(
            event(LabelEventKind.LABELLED, date(2005, 1, 1)),
            event(kind, CIADT_2010),
            event(LabelEventKind.DELABELLED, CIADT_2010),
        )
    with pytest.raises(InvalidInputError, match=r"^Pole\.history\[1\]: delabelled"):
        pole(event(kind, LABELLED_2005), event(LabelEventKind.DELABELLED, LABELLED_2005))


def test_a_withdrawal_then_a_new_label_on_one_day_is_a_relabelling() -> None:
    p = pole(
        event(LabelEventKind.LABELLED, LABELLED_2005),
        event(LabelEventKind.DELABELLED, CIADT_2010),
        event(LabelEventKind.LABELLED, CIADT_2010),
    )
    assert p.is_labelled_on(CIADT_2010)
    assert [e.kind for e in p.history] == [
        LabelEventKind.LABELLED,
        LabelEventKind.DELABELLED,
        LabelEventKind.LABELLED,
    ]


@pytest.mark.parametrize("kind", [LabelEventKind.LABELLED, LabelEventKind.CONFIRMED])
def test_two_labels_in_a_row_keep_the_label_throughout(kind: LabelEventKind) -> None:
    # Relabelled, or confirmed again, while it holds its label (a new phase of the policy).
    p = pole(event(kind, LABELLED_2005), event(kind, date(2013, 1, 1)))
    assert p.is_labelled_on(date(2012, 12, 31))
    assert p.is_labelled_on(date(2013, 1, 1))


HOLDING = (LabelEventKind.LABELLED, LabelEventKind.CONFIRMED)


@st.composite
def possible_histories(draw: st.DrawFn) -> list[LabelEvent]:
    """
    Histories the model keeps.

    A label first, each withdrawal a day or more after a label, and only a
    labelling after a withdrawal.
    """
    day = draw(st.dates(min_value=date(2005, 1, 1), max_value=date(2006, 12, 31)))
    events = [event(draw(st.sampled_from(HOLDING)), day)]
    for _ in range(draw(st.integers(min_value=0, max_value=5))):
        held = events[-1].kind is not LabelEventKind.DELABELLED
        # Only a new labelling follows a withdrawal: a withdrawn label cannot be confirmed.
        kind = draw(st.sampled_from(tuple(LabelEventKind) if held else (LabelEventKind.LABELLED,)))
        # A withdrawal comes a day or more after the label; a new label may share a day with
        # events of other kinds.
        today = {e.kind for e in events if e.on == day}
        least = 1 if kind is LabelEventKind.DELABELLED or kind in today else 0
        day += timedelta(days=draw(st.integers(min_value=least, max_value=800)))
        events.append(event(kind, day))
    # Events of distinct days may come in any order; those of one day keep theirs.
    return draw(st.permutations(events)) if len({e.on for e in events}) == len(events) else events


@given(
    possible_histories(),
    st.dates(min_value=date(2004, 1, 1), max_value=date(2014, 12, 31)),
)
def test_the_label_follows_the_last_event_on_or_before_the_day(
    events: list[LabelEvent], on: date
) -> None:
    p = pole(*events)
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
    with pytest.raises(WrongTypeError, match="evaluation_group_2008: True"):
        pole(evaluation_group_2008=True)
    with pytest.raises(WrongTypeError, match=r"^Pole\.evaluation_group_2008: '2' is not a group"):
        pole(evaluation_group_2008="2")


def test_a_pole_first_labelled_after_2008_has_no_2008_group() -> None:
    # The eco-technology pôles of the CIADT of 11 May 2010 were not in the 2008 evaluation.
    with pytest.raises(
        InvalidInputError,
        match=(
            r"^Pole\.evaluation_group_2008: group 3 given, but pôle 'synthetic-pole' was first "
            r"labelled on 2010-05-11, after the 2008 evaluation: only a pôle labelled by "
            r"2008-12-31 has a 2008 group"
        ),
    ):
        pole(event(LabelEventKind.LABELLED, CIADT_2010), evaluation_group_2008=3)
    assert pole(event(LabelEventKind.LABELLED, CIADT_2010)).evaluation_group_2008 is None


@pytest.mark.parametrize("group", [1, 2, 3])
def test_a_pole_labelled_by_the_end_of_2008_may_have_a_group(group: int) -> None:
    last_day = pole(event(LabelEventKind.LABELLED, date(2008, 12, 31)), evaluation_group_2008=group)
    assert last_day.evaluation_group_2008 == group
    with pytest.raises(InvalidInputError, match=r"first labelled on 2009-01-01"):
        pole(event(LabelEventKind.LABELLED, date(2009, 1, 1)), evaluation_group_2008=group)


def test_a_history_starting_with_a_confirmation_keeps_its_group() -> None:
    # The labelling came before the confirmation, on a day not recorded, perhaps by 2008.
    confirmed = pole(event(LabelEventKind.CONFIRMED, CIADT_2010), evaluation_group_2008=3)
    assert confirmed.evaluation_group_2008 is EvaluationGroup.GROUP_3
    # So does a pôle without history, and a relabelling does not date the first labelling.
    assert pole(evaluation_group_2008=1).evaluation_group_2008 is EvaluationGroup.GROUP_1
    relabelled = pole(
        event(LabelEventKind.LABELLED, LABELLED_2005),
        event(LabelEventKind.DELABELLED, date(2007, 1, 10)),
        event(LabelEventKind.LABELLED, CIADT_2010),
        evaluation_group_2008=2,
    )
    assert relabelled.evaluation_group_2008 is EvaluationGroup.GROUP_2


def test_the_evaluation_boundary_is_the_end_of_2008() -> None:
    assert date(2008, 12, 31) == EVALUATED_IF_LABELLED_BY


def test_themes_are_not_blank_nor_repeated() -> None:
    with pytest.raises(InvalidInputError, match=r"Pole\.themes\[1\]: a theme must not be empty"):
        pole(themes=("chimie", "  "))
    with pytest.raises(InvalidInputError, match=r"Pole\.themes\[0\]: 'a\\nb' holds the control"):
        pole(themes=("a\nb",))
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
