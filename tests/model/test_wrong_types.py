"""
A value of the wrong type is a WrongTypeError for every field of every domain class.

The same slip (an int where a string is expected, a string where a whole
number or a date is) raises the same class of error whichever object it is
given to: :class:`~poles_policy.exceptions.WrongTypeError`, naming
``Class.field``. It is also an InvalidInputError, which stays for values of
the right type that no real object can hold (a region code that does not
exist, a year 0, a rank 0). Every ``attrs`` class of ``poles_policy.model``
is surveyed: a new field is covered as soon as it is written.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import re
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from hypothesis import HealthCheck, Phase, find, settings
from hypothesis import strategies as st

import poles_policy.model
from poles_policy.exceptions import InvalidInputError, WrongTypeError
from poles_policy.model.actors import Enterprise
from poles_policy.model.contracts import Measurement, OperatingBudget
from poles_policy.model.cper import Allocation, CperEnvelope, StructuringProject
from poles_policy.model.platforms import FinancingLine, FundingSource
from poles_policy.model.poles import Category, Pole

if TYPE_CHECKING:
    from collections.abc import Callable


class _Opaque:
    """A value of no type any field accepts, with a stable repr for the test ids."""

    def __repr__(self) -> str:
        return "<opaque>"


def _classes() -> list[type]:
    found: list[type] = []
    for module in pkgutil.iter_modules(poles_policy.model.__path__):
        loaded = importlib.import_module(f"poles_policy.model.{module.name}")
        found.extend(
            cls
            for cls in vars(loaded).values()
            if isinstance(cls, type) and attrs.has(cls) and cls.__module__ == loaded.__name__
        )
    return found


# Exact numbers (money, shares, indicator values) read ints and decimal strings; an enum of
# ints (the 2008 group) reads its ints.
_READS_STR = ("str", "Eur", "Rate", "Decimal")
_READS_INT = ("int", "Eur", "Rate", "Decimal", "EvaluationGroup")


def _wrong_values(field: attrs.Attribute[Any]) -> list[object]:
    """Values of a type *field* never reads, judged from its annotation."""
    annotation = str(field.type)
    wrong: list[object] = [_Opaque(), b"82"]
    if not any(name in annotation for name in _READS_INT):
        wrong.append(82)
    if not any(name in annotation for name in _READS_STR):
        wrong.append("2009")
    if "None" not in annotation:
        wrong.append(None)
    return wrong


# Lists are surveyed in test_field_types.py (their converters name the item of the wrong type).
CASES = [
    pytest.param(
        cls,
        field.name,
        value,
        id=f"{cls.__name__}.{field.name}={value!r}",
    )
    for cls in _classes()
    for field in attrs.fields(cls)
    if field.init and not str(field.type).startswith("tuple[")
    for value in _wrong_values(field)
]

_QUICK = settings(
    database=None,
    derandomize=True,
    phases=[Phase.generate],
    suppress_health_check=list(HealthCheck),
)


@functools.cache
def _example(cls: type) -> Any:
    """A valid instance of *cls*, drawn from the testing kit (``st.from_type``)."""
    return find(st.from_type(cls), lambda _: True, settings=_QUICK)


def test_the_survey_covers_every_class_and_scalar_field() -> None:
    names = {str(case.id).split("=")[0] for case in CASES}
    assert {
        "Enterprise.region",
        "Pole.head_office_region",
        "CperEnvelope.region",
        "Measurement.year",
        "OperatingBudget.year",
        "StructuringProject.priority_rank",
        "Allocation.year",
    } <= names
    assert len({name.split(".")[0] for name in names}) == len(_classes())


@pytest.mark.parametrize(("cls", "field", "value"), CASES)
def test_a_field_of_the_wrong_type_is_a_wrong_type_error(
    cls: type, field: str, value: object
) -> None:
    with pytest.raises(WrongTypeError, match=rf"^{cls.__name__}\.{field}(\[\d+\])?: ") as caught:
        attrs.evolve(_example(cls), **{field: value})
    assert isinstance(caught.value, InvalidInputError)  # `except InvalidInputError` still works
    assert isinstance(caught.value, TypeError)


# --- the cases of the review, and the values of the right type that stay InvalidInputError ---

ENVELOPE = CperEnvelope(
    id="cper-82-2007",
    region="82",
    period_start=date(2007, 1, 1),
    period_end=date(2013, 12, 31),
    amount="1000000",
)
PROJECT = StructuringProject(id="s", name="S", region="82", requested="1000")
ALLOCATION = Allocation(ministry="MESR", body="CNRS", year=2010, amount="1000")


def _pole(**changes: Any) -> Pole:
    fields: dict[str, Any] = {"head_office_region": "82", **changes}
    return Pole(id="p", name="P", category=Category.NATIONAL, **fields)


def untyped(value: object) -> Any:
    """Pass *value* as the untyped callers who make these slips do."""
    return value


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Enterprise(id="e", name="E", region=untyped(82)), r"^Enterprise\.region: 82 is"),
        (lambda: _pole(head_office_region=82), r"^Pole\.head_office_region: 82 is not a region"),
        (
            lambda: attrs.evolve(ENVELOPE, region=untyped(82)),
            r"^CperEnvelope\.region: 82 is not a region code \(a string such as '82'\)$",
        ),
        (
            lambda: Measurement(year=untyped("2009"), value=1),
            r"^Measurement\.year: '2009' is not a year$",
        ),
        (
            lambda: OperatingBudget(year=untyped("2009"), total=1, public=1),
            r"^OperatingBudget\.year: '2009' is not a year$",
        ),
        (
            lambda: attrs.evolve(PROJECT, priority_rank=untyped("1")),
            r"^StructuringProject\.priority_rank: '1' is not a rank \(1 is first\)$",
        ),
        (
            lambda: attrs.evolve(ALLOCATION, year=untyped(None)),
            r"^Allocation\.year: None is not a whole",
        ),
        (lambda: _pole(evaluation_group_2008="2"), r"^Pole\.evaluation_group_2008: '2' is not"),
        (
            lambda: Measurement(year=2009, value=untyped(None)),
            r"^Measurement\.value: None is not a number",
        ),
    ],
)
def test_the_slips_of_the_review_are_wrong_type_errors(
    build: Callable[[], object], message: str
) -> None:
    with pytest.raises(WrongTypeError, match=message):
        build()


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Enterprise(id="e", name="E", region="99"), r"^Enterprise\.region: '99' is not"),
        (lambda: _pole(head_office_region="99"), r"^Pole\.head_office_region: unknown region"),
        (lambda: attrs.evolve(ENVELOPE, region="99"), r"^CperEnvelope\.region: '99' is not an"),
        (lambda: Measurement(year=0, value=1), r"^Measurement\.year: 0 is not a calendar year"),
        (lambda: attrs.evolve(PROJECT, priority_rank=0), r"^StructuringProject\.priority_rank: 0"),
        (lambda: _pole(evaluation_group_2008=4), r"^Pole\.evaluation_group_2008: 4 is not"),
        (lambda: Measurement(year=2009, value="many"), r"^Measurement\.value: 'many' is not a"),
        (lambda: Measurement(year=2009, value=untyped(1.5)), r"^Measurement\.value: 1\.5 is a"),
        (
            lambda: FinancingLine(source=FundingSource.FEDER, year=10000, amount=1),
            r"^FinancingLine\.year: 10000 is not a calendar year",
        ),
    ],
)
def test_a_value_of_the_right_type_that_cannot_be_is_an_invalid_input_error(
    build: Callable[[], object], message: str
) -> None:
    with pytest.raises(InvalidInputError, match=message) as caught:
        build()
    assert not isinstance(caught.value, WrongTypeError)


def test_numpy_integers_still_read_as_ranks_groups_and_numbers() -> None:
    import numpy as np

    project = attrs.evolve(PROJECT, priority_rank=untyped(np.int64(2)))
    assert project.priority_rank == 2
    assert type(project.priority_rank) is int
    assert _pole(evaluation_group_2008=np.int64(3)).evaluation_group_2008 == 3
    assert Measurement(year=2009, value=untyped(np.int64(7))).value == Decimal(7)
    assert FinancingLine(source=FundingSource.FEDER, year=None, amount=1).year is None


def test_a_message_names_the_value_given() -> None:
    with pytest.raises(WrongTypeError) as caught:
        attrs.evolve(ALLOCATION, pole_id=untyped(7))
    assert re.fullmatch(r"Allocation\.pole_id: 7 is not an id", str(caught.value))


# --- nonsense refused: one theme twice, a structure founding itself, a blank note, a user twice


def test_two_spellings_of_one_theme_are_refused() -> None:
    from poles_policy.model.poles import Category, Pole

    with pytest.raises(InvalidInputError, match=r"theme 'chemistry' appears twice"):
        Pole(
            id="p",
            name="P",
            category=Category.NATIONAL,
            themes=["Chemistry", "chemistry "],
            head_office_region="82",
        )


def test_a_structure_among_its_own_founders_is_refused() -> None:
    from poles_policy.model.actors import CooperationKind, CooperationStructure

    with pytest.raises(InvalidInputError, match=r"item 1 is the structure itself \('pres'\)"):
        CooperationStructure(
            id="pres", name="PRES", kind=CooperationKind.PRES, founders=["univ", "pres"]
        )


def test_a_blank_note_is_refused() -> None:
    from poles_policy.model.synergies import Involvement

    with pytest.raises(InvalidInputError, match="leave the note out"):
        Involvement(structure_id="s", in_strategy=True, in_actions=False, note=" ")


def test_the_same_platform_user_twice_is_refused() -> None:
    from poles_policy.model.platforms import PlatformUser, UserKind, _users

    user = PlatformUser(name="Soitec", kind=UserKind.LARGE_ENTERPRISE)
    with pytest.raises(InvalidInputError, match="appears twice"):
        _users([user, user])
