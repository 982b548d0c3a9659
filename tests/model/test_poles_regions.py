"""A pôle's region codes are those in force on the date of its history's first event."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from poles_policy.boundary.poles import PoleModel
from poles_policy.data import rhone_alpes_poles
from poles_policy.exceptions import InvalidInputError
from poles_policy.model.poles import Category, LabelEvent, LabelEventKind, Pole
from poles_policy.model.regions import all_regions, region
from poles_policy.testing import poles

LABELLED_2005 = date(2005, 7, 12)


def labelled(on: date, kind: LabelEventKind = LabelEventKind.LABELLED) -> LabelEvent:
    return LabelEvent(kind=kind, on=on, source="test")


def pole(head_office: str, *events: LabelEvent, other_regions: tuple[str, ...] = ()) -> Pole:
    return Pole(
        id="synthetic-pole",
        name="Synthetic Pôle",
        category=Category.NATIONAL,
        head_office_region=head_office,
        other_regions=other_regions,
        history=events,
    )


def test_a_2016_head_office_code_for_a_pole_labelled_in_2005_is_refused() -> None:
    with pytest.raises(InvalidInputError) as raised:
        pole("84", labelled(LABELLED_2005))
    message = str(raised.value)
    assert message.startswith(
        "Pole.head_office_region: region code '84' did not exist on 2005-07-12 "
        "(valid from 2016-01-01), the date of the first event of the history of pôle "
        "'synthetic-pole'"
    )
    # It names the codes that covered the territory then.
    assert message.endswith("'82' (Rhône-Alpes) or '83' (Auvergne)")


def test_a_pole_labelled_in_2005_keeps_its_historic_code_after_the_2016_merger() -> None:
    p = pole("82", labelled(LABELLED_2005))
    assert p.head_office_region == "82"
    assert p.is_labelled_on(date(2020, 1, 1))


def test_a_historic_code_for_a_pole_first_labelled_after_the_merger_is_refused() -> None:
    with pytest.raises(
        InvalidInputError,
        match=(
            r"^Pole\.head_office_region: region code '82' did not exist on 2019-02-05 "
            r"\(valid until 2015-12-31, then part of '84'\).*: '84' \(Auvergne-Rhône-Alpes\)$"
        ),
    ):
        pole("82", labelled(date(2019, 2, 5)))
    assert pole("84", labelled(date(2019, 2, 5))).head_office_region == "84"


def test_other_regions_are_read_on_the_same_date_and_named_by_position() -> None:
    with pytest.raises(
        InvalidInputError,
        match=r"^Pole\.other_regions\[1\]: region code '76' did not exist on 2005-07-12",
    ):
        pole("82", labelled(LABELLED_2005), other_regions=("83", "76"))
    assert pole("82", labelled(LABELLED_2005), other_regions=("83", "91")).regions == (
        "82",
        "83",
        "91",
    )


def test_the_codes_are_read_on_the_first_event_even_a_confirmation() -> None:
    with pytest.raises(InvalidInputError, match=r"did not exist on 2009-01-01"):
        pole("84", labelled(date(2009, 1, 1), LabelEventKind.CONFIRMED))


def test_the_first_event_decides_not_a_later_one() -> None:
    # Still labelled in 2016, but its record starts in 2005: "84" did not exist then.
    with pytest.raises(InvalidInputError, match=r"did not exist on 2005-07-12"):
        pole("84", labelled(LABELLED_2005), labelled(date(2016, 6, 1)))


def test_mayotte_is_a_region_from_31_march_2011() -> None:
    with pytest.raises(
        InvalidInputError,
        match=r"^Pole\.other_regions\[0\]: region code '06' did not exist on 2011-03-30",
    ):
        pole("04", labelled(date(2011, 3, 30)), other_regions=("06",))
    assert pole("04", labelled(date(2011, 3, 31)), other_regions=("06",)).regions == ("04", "06")


def test_a_pole_without_history_has_no_date_and_needs_only_known_codes() -> None:
    assert pole("84").head_office_region == "84"
    assert pole("82", other_regions=("84",)).other_regions == ("84",)


def test_the_json_boundary_refuses_a_2016_code_for_a_pole_labelled_in_2005() -> None:
    document: dict[str, Any] = {
        "id": "p",
        "name": "Synthetic Pôle",
        "category": "national",
        "head_office_region": "84",
        "history": [{"kind": "labelled", "on": "2005-07-12", "source": "s"}],
    }
    model = PoleModel.model_validate_json(json.dumps(document))
    with pytest.raises(
        InvalidInputError,
        # At the JSON field since the boundary places the domain's errors there (boundary/_base.py).
        match=r"^head_office_region: region code '84' did not exist on 2005-07-12",
    ):
        model.to_domain()
    document["head_office_region"] = "82"
    assert PoleModel.model_validate_json(json.dumps(document)).to_domain().regions == ("82",)


def test_the_packaged_rhone_alpes_poles_use_the_codes_of_their_labelling_date() -> None:
    for p in rhone_alpes_poles():
        for code in p.regions:
            assert region(code, p.history[0].on).code == code


CODES = sorted({r.code for r in all_regions()})


@given(
    st.sampled_from(CODES),
    st.dates(min_value=date(2004, 1, 1), max_value=date(2020, 12, 31)),
)
def test_a_code_is_accepted_exactly_when_it_denotes_a_region_on_the_first_event(
    code: str, first: date
) -> None:
    try:
        region(code, first)
    except InvalidInputError:
        exists = False
    else:
        exists = True
    if exists:
        assert pole(code, labelled(first)).head_office_region == code
    else:
        with pytest.raises(InvalidInputError, match=r"^Pole\.head_office_region: "):
            pole(code, labelled(first))


@given(poles())
def test_generated_poles_have_a_head_office_in_force_on_their_labelling_day(p: Pole) -> None:
    assert region(p.head_office_region, p.history[0].on).code == p.head_office_region
