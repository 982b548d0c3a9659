from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs
import pytest

from poles_policy.exceptions import InvalidInputError

if TYPE_CHECKING:
    from poles_policy.model.cper import Allocation, CperEnvelope, StructuringProject


def test_an_envelope_keeps_its_amount_to_the_cent(envelope: CperEnvelope) -> None:
    assert envelope.amount == Decimal("50400000.00")


def test_an_envelope_period_ends_after_it_starts(envelope: CperEnvelope) -> None:
    with pytest.raises(
        InvalidInputError,
        match=r"CperEnvelope\.period_end: 2006-12-31 is not after the start 2007-01-01",
    ):
        attrs.evolve(envelope, period_end=date(2006, 12, 31))


def test_an_envelope_region_is_an_insee_code(envelope: CperEnvelope) -> None:
    with pytest.raises(
        InvalidInputError, match=r"CperEnvelope\.region: 'Rhône-Alpes' is not an INSEE region code"
    ):
        attrs.evolve(envelope, region="Rhône-Alpes")


def test_an_envelope_region_is_a_known_code(envelope: CperEnvelope) -> None:
    with pytest.raises(
        InvalidInputError, match=r"^CperEnvelope\.region: '99' is not an INSEE region code"
    ):
        attrs.evolve(envelope, region="99")


def test_an_envelope_region_exists_when_the_contract_starts(envelope: CperEnvelope) -> None:
    # Auvergne-Rhône-Alpes ("84") dates from 2016: not a party to a 2007-2013 contract.
    with pytest.raises(
        InvalidInputError,
        match=r"^CperEnvelope\.region: region code '84' did not exist on 2007-01-01",
    ):
        attrs.evolve(envelope, region="84")
    later = attrs.evolve(
        envelope, region="84", period_start=date(2016, 1, 1), period_end=date(2020, 12, 31)
    )
    assert later.region == "84"


def test_a_project_region_is_a_known_code(structuring_project: StructuringProject) -> None:
    with pytest.raises(
        InvalidInputError, match=r"StructuringProject\.region: '00' is not an INSEE"
    ):
        attrs.evolve(structuring_project, region="00")


def test_a_negative_envelope_is_refused(envelope: CperEnvelope) -> None:
    with pytest.raises(InvalidInputError, match=r"CperEnvelope\.amount: -1\.00 is negative"):
        attrs.evolve(envelope, amount=Decimal(-1))


def test_a_project_linked_to_poles(structuring_project: StructuringProject) -> None:
    assert structuring_project.linked_to_poles is True
    assert attrs.evolve(structuring_project, pole_ids=()).linked_to_poles is False


def test_an_unranked_project_is_representable(structuring_project: StructuringProject) -> None:
    assert attrs.evolve(structuring_project, priority_rank=None).priority_rank is None


@pytest.mark.parametrize("rank", [0, -1])
def test_a_rank_starts_at_one(structuring_project: StructuringProject, rank: int) -> None:
    with pytest.raises(
        InvalidInputError, match=rf"StructuringProject\.priority_rank: {rank} is not a rank"
    ):
        attrs.evolve(structuring_project, priority_rank=rank)


def test_a_structuring_project_names_each_pole_once(
    structuring_project: StructuringProject,
) -> None:
    with pytest.raises(
        InvalidInputError, match=r"StructuringProject\.pole_ids: pôle 'axelera' appears twice"
    ):
        attrs.evolve(structuring_project, pole_ids=("axelera", "axelera"))


def test_a_negative_request_is_refused(structuring_project: StructuringProject) -> None:
    with pytest.raises(InvalidInputError, match=r"StructuringProject\.requested: -2\.00"):
        attrs.evolve(structuring_project, requested=Decimal(-2))


def test_an_allocation_is_linked_to_a_pole_when_one_is_named(allocation: Allocation) -> None:
    assert allocation.linked_to_pole is True
    assert attrs.evolve(allocation, pole_id=None).linked_to_pole is False


@pytest.mark.parametrize("field", ["ministry", "body"])
@pytest.mark.parametrize("name", ["", "   ", "\t\n", "\u00a0"])
def test_an_allocation_names_its_ministry_and_its_body(
    allocation: Allocation, field: str, name: str
) -> None:
    changes: dict[str, Any] = {field: name}
    with pytest.raises(
        InvalidInputError,
        match=(
            rf"^Allocation\.{field}: {re.escape(repr(name))} is empty or blank; "
            "a name is required$"
        ),
    ):
        attrs.evolve(allocation, **changes)


@pytest.mark.parametrize("field", ["ministry", "body"])
@pytest.mark.parametrize("name", [None, 7, ("MESR",)])
def test_a_ministry_or_body_that_is_not_text_is_refused(
    allocation: Allocation, field: str, name: object
) -> None:
    changes: dict[str, Any] = {field: name}
    with pytest.raises(
        InvalidInputError,
        match=rf"^Allocation\.{field}: {re.escape(repr(name))} is not a name \(text expected\)$",
    ):
        attrs.evolve(allocation, **changes)


@pytest.mark.parametrize(
    "spelling",
    [
        "MESR",
        "mesr",
        "Mesr",
        "MESR ",
        "  mesr\t",
    ],
)
def test_spellings_of_one_ministry_have_one_key(allocation: Allocation, spelling: str) -> None:
    assert attrs.evolve(allocation, ministry=spelling).ministry_key == "mesr"


def test_a_ministry_key_ignores_repeated_blanks_and_unicode_composition(
    allocation: Allocation,
) -> None:
    composed = attrs.evolve(allocation, ministry="Ministère de l'Économie")
    combining = attrs.evolve(allocation, ministry="MINISTE\u0300RE  DE L'E\u0301CONOMIE")
    assert composed.ministry_key == combining.ministry_key == "ministère de l'économie"


def test_a_ministry_key_keeps_accents(allocation: Allocation) -> None:
    # "Economie" and "Économie" could be two names: accents are not dropped.
    plain = attrs.evolve(allocation, ministry="Economie")
    accented = attrs.evolve(allocation, ministry="Économie")
    assert plain.ministry_key != accented.ministry_key


@pytest.mark.parametrize("apostrophe", ["\u2019", "\u2018", "\u02bc"])
def test_a_ministry_key_reads_a_typographic_apostrophe_as_a_plain_one(
    allocation: Allocation, apostrophe: str
) -> None:
    typed = attrs.evolve(allocation, ministry=f"Ministère de l{apostrophe}Agriculture")
    plain = attrs.evolve(allocation, ministry="Ministère de l'Agriculture")
    assert typed.ministry_key == plain.ministry_key
    assert typed.ministry == f"Ministère de l{apostrophe}Agriculture"  # shown as given


def test_an_allocation_keeps_the_ministry_as_given(allocation: Allocation) -> None:
    assert attrs.evolve(allocation, ministry=" mesr ").ministry == " mesr "


def test_a_negative_allocation_is_refused(allocation: Allocation) -> None:
    with pytest.raises(InvalidInputError, match=r"Allocation\.amount: -3\.00 is negative"):
        attrs.evolve(allocation, amount=Decimal(-3))


@pytest.mark.parametrize(
    ("pole_ids", "message"),
    [
        ("lyonbiopole", r"'lyonbiopole' is a single string, not a list"),
        (("",), r"StructuringProject.pole_ids\[0\]: '' is not an id"),
        (("  ",), r"StructuringProject.pole_ids\[0\]: '  ' is not an id"),
        ((1,), r"StructuringProject.pole_ids\[0\]: 1 is not a string"),
    ],
)
def test_a_structuring_project_is_linked_to_pole_ids_only(
    structuring_project: StructuringProject, pole_ids: object, message: str
) -> None:
    # A blank id would otherwise count as a link to a pôle, and win SYN.4 priority.
    with pytest.raises(InvalidInputError, match=message):
        attrs.evolve(structuring_project, pole_ids=pole_ids)  # type: ignore[arg-type]


@pytest.mark.parametrize("rank", [1.5, "1", Decimal(2)])
def test_a_priority_rank_is_a_whole_number(
    structuring_project: StructuringProject, rank: object
) -> None:
    with pytest.raises(InvalidInputError, match="is not a rank"):
        attrs.evolve(structuring_project, priority_rank=rank)  # type: ignore[arg-type]


@pytest.mark.parametrize("year", ["2009", 2009.0, True])
def test_an_allocation_year_is_a_whole_number(allocation: Allocation, year: object) -> None:
    with pytest.raises(InvalidInputError, match=r"Allocation.year: .* is not a whole number"):
        attrs.evolve(allocation, year=year)  # type: ignore[arg-type]


@pytest.mark.parametrize("pole_id", ["", "   "])
def test_an_allocation_linked_to_a_pole_names_it(allocation: Allocation, pole_id: str) -> None:
    with pytest.raises(InvalidInputError, match=r"Allocation.pole_id: .* is not an id"):
        attrs.evolve(allocation, pole_id=pole_id)


def test_a_mistyped_start_year_is_the_periods_error_not_the_regions() -> None:
    from poles_policy.model.cper import CperEnvelope

    # 2017 for 2007: the period is out of order, whatever the region did in 2017.
    with pytest.raises(InvalidInputError, match=r"^CperEnvelope\.period_end: 2013-12-31 is not"):
        CperEnvelope(
            id="cper-82-2007",
            region="82",
            period_start=date(2017, 1, 1),
            period_end=date(2013, 12, 31),
            amount="1000000.00",
        )
    with pytest.raises(InvalidInputError, match=r"^CperEnvelope\.region: region code '84'"):
        CperEnvelope(
            id="cper-84-2007",
            region="84",
            period_start=date(2007, 1, 1),
            period_end=date(2013, 12, 31),
            amount="1000000.00",
        )
