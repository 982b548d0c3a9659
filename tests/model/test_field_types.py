"""
A domain object refuses a field of the wrong type when it is built.

A date written as a string, a ``datetime``, ``"yes"`` for a flag, a string for
an enum member or a dict for an actor is a WrongTypeError naming the class and
the field -- not an object that fails later, deep inside a rule.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

import attrs
import pytest

from poles_policy.exceptions import InvalidInputError, WrongTypeError
from poles_policy.model.actors import (
    Accounts,
    AuthorityLevel,
    Bank,
    CooperationKind,
    CooperationStructure,
    Enterprise,
    LocalAuthority,
    ResearchKind,
    ResearchOrganisation,
    StateBody,
    StateKind,
)
from poles_policy.model.committees import CommitteeMember, Meeting
from poles_policy.model.contracts import Axis, Direction, Indicator, Objective, PerformanceContract
from poles_policy.model.cper import Allocation, CperEnvelope
from poles_policy.model.platforms import CallForProjects, InnovationPlatform
from poles_policy.model.poles import Category, LabelEvent, LabelEventKind, Pole
from poles_policy.model.projects import (
    AidDecision,
    CollaborativeProject,
    Funder,
    Payment,
    PaymentKind,
    PoleLabel,
    ProjectPartner,
    ScheduledPayment,
)
from poles_policy.model.relay import RelayLoan, RelayRequest

ACME = Enterprise(id="acme", name="ACME SAS", region="82")
PROJECT = CollaborativeProject(id="p", name="P", partners=(ProjectPartner(actor=ACME),))
REQUEST = RelayRequest(
    id="r", applicant=ACME, project=PROJECT, requested_on=date(2009, 3, 16), amount="1000.00"
)
LOAN = RelayLoan(
    request_id="r", disbursed_on=date(2009, 4, 1), principal="1000.00", annual_rate="0.05"
)

LABEL = LabelEvent(kind=LabelEventKind.LABELLED, on=date(2005, 7, 12), source="CIADT")
CALL = CallForProjects(
    id="pfi-1", name="Plates-formes", opens_on=date(2008, 10, 1), closes_on=date(2008, 12, 2)
)
PLATFORM = InnovationPlatform(
    id="pf", name="PF", carrying_pole_ids=("axelera",), investment_budget=0, operating_budget=0
)

ENVELOPE = CperEnvelope(
    id="cper-82-2007",
    region="82",
    period_start=date(2007, 1, 1),
    period_end=date(2013, 12, 31),
    amount="1000000",
)

PREFET = StateBody(id="prefet-82", name="Préfet", kind=StateKind.PREFET_DE_REGION)
CONTRACT = PerformanceContract(
    id="c",
    pole_id="minalogic",
    state=PREFET,
    governing_body_name="Association Minalogic",
    start=date(2009, 1, 1),
    end=date(2011, 12, 31),
)
INDICATOR = Indicator(
    id="i", name="I", unit="count", baseline=1, target=2, direction=Direction.INCREASE
)

# (the object, the field, a value of the wrong type)
WRONG: list[tuple[object, str, object]] = [
    (REQUEST, "requested_on", "2009-03-16"),
    (REQUEST, "requested_on", datetime(2009, 3, 16, 9, 30)),  # noqa: DTZ001
    (REQUEST, "applicant", {"id": "acme"}),
    (REQUEST, "project", "p"),
    (REQUEST, "bank", "BNP"),
    (REQUEST, "oseo_counter_guarantee", "yes"),
    (LOAN, "disbursed_on", 20090401),
    (LOAN, "repaid_from_subsidy", 1),
    (LOAN, "repaid_on", "2009-12-01"),
    (
        Accounts(period_end=date(2008, 12, 31), staff_awu=10, turnover=1, balance_sheet=1),
        "period_end",
        "2008-12-31",
    ),
    (
        ResearchOrganisation(id="lab", name="Lab", kind=ResearchKind.PUBLIC_RESEARCH),
        "kind",
        "public_research",
    ),
    (
        ResearchOrganisation(id="lab", name="Lab", kind=ResearchKind.PUBLIC_RESEARCH),
        "public",
        "true",
    ),
    (LocalAuthority(id="ra", name="Région", level=AuthorityLevel.REGION), "level", "region"),
    (ProjectPartner(actor=ACME), "actor", "acme"),
    (ProjectPartner(actor=ACME), "role", "lead"),
    (PoleLabel(pole_id="axelera"), "labelled_on", "2008-01-01"),
    (ScheduledPayment(kind=PaymentKind.ADVANCE, amount=1), "kind", "advance"),
    (ScheduledPayment(kind=PaymentKind.ADVANCE, amount=1), "expected_on", "2009-01-01"),
    (Payment(paid_on=date(2009, 1, 1), amount=1), "paid_on", "2009-01-01"),
    (AidDecision(funder=Funder.STATE, scheme="FUI"), "funder", "state"),
    (AidDecision(funder=Funder.STATE, scheme="FUI"), "decided_on", "2009-01-01"),
    (PROJECT, "selection_letter_on", "2009-03-02"),
    (Meeting(held_on=date(2009, 12, 14)), "held_on", "2009-12-14"),
    (CommitteeMember(actor_id="prefet", name="Préfet", funder=True), "funder", None),
    (LABEL, "on", "2005-07-12"),
    (LABEL, "kind", "labelled"),
    (
        Pole(id="p", name="P", category=Category.NATIONAL, head_office_region="82"),
        "category",
        "national",
    ),
    (CALL, "opens_on", "2008-10-01"),
    (CALL, "closes_on", datetime(2008, 12, 2, 18, 0)),  # noqa: DTZ001
    (PLATFORM, "submitted_on", "2008-11-28"),
    (PLATFORM, "open_access", "yes"),
    (ENVELOPE, "period_start", "2007-01-01"),
    (CONTRACT, "start", "2009-01-01"),
    (CONTRACT, "end", datetime(2011, 12, 31, 0, 0)),  # noqa: DTZ001
    (CONTRACT, "signed_on", "2009-07-06"),
    (CONTRACT, "state", {"id": "prefet-82"}),
    (INDICATOR, "direction", "increase"),
    (Objective(id="o", title="O", axis=Axis.GOV), "axis", "GOV"),
    (ENVELOPE, "period_end", datetime(2013, 12, 31, 23, 59)),  # noqa: DTZ001
]

if TYPE_CHECKING:
    from collections.abc import Callable


@pytest.mark.parametrize(
    ("obj", "field", "value"), WRONG, ids=[f"{type(o).__name__}.{f}={v!r}" for o, f, v in WRONG]
)
def test_a_field_of_the_wrong_type_is_refused_naming_the_field(
    obj: Any, field: str, value: object
) -> None:
    with pytest.raises(WrongTypeError, match=rf"^{type(obj).__name__}\.{field}: ") as caught:
        attrs.evolve(obj, **{field: value})
    assert isinstance(caught.value, InvalidInputError)
    assert isinstance(caught.value, TypeError)


def test_a_date_string_gets_the_way_to_read_it() -> None:
    with pytest.raises(WrongTypeError) as caught:
        attrs.evolve(REQUEST, requested_on="2009-03-16")  # type: ignore[arg-type]
    assert str(caught.value) == (
        "RelayRequest.requested_on: '2009-03-16' is not a datetime.date "
        "(read it with datetime.date.fromisoformat)"
    )


def test_unknown_flags_and_optional_dates_stay_optional() -> None:
    request = attrs.evolve(REQUEST, oseo_counter_guarantee=None, bank=None)
    assert request.oseo_counter_guarantee is None
    assert PoleLabel(pole_id="axelera").labelled_on is None
    assert attrs.evolve(LOAN, repaid_from_subsidy=False, repaid_on=None).repaid_on is None


def test_values_of_the_right_type_build_as_before() -> None:
    loan = attrs.evolve(LOAN, repaid_from_subsidy=False, repaid_on=date(2009, 12, 1))
    assert loan.repaid_on == date(2009, 12, 1)
    assert loan.principal == Decimal("1000.00")


@pytest.mark.parametrize("year", [0, -1, 10000])
def test_an_allocation_year_is_a_calendar_year(year: int) -> None:
    with pytest.raises(
        InvalidInputError, match=rf"^Allocation\.year: {year} is not a calendar year"
    ):
        Allocation(ministry="MESR", body="CNRS", year=year, amount="1000")


def test_a_cooperation_structure_names_each_founder_once() -> None:
    with pytest.raises(
        InvalidInputError, match=r"founder 'univ-a' appears twice \(items 0 and 2\)"
    ):
        CooperationStructure(
            id="pres", name="PRES", kind=CooperationKind.PRES, founders=["univ-a", "b", "univ-a"]
        )


@pytest.mark.parametrize("region", [float("nan"), 82, b"82"])
def test_a_region_that_is_not_a_string_is_a_wrong_type(region: object) -> None:
    with pytest.raises(WrongTypeError, match=r"^Enterprise\.region: .* is not a region code"):
        Enterprise(id="acme", name="ACME", region=region)  # type: ignore[arg-type]


@pytest.mark.parametrize("region", ["82 ", "99", ""])
def test_a_region_that_is_no_insee_code_is_refused_when_built(region: str) -> None:
    with pytest.raises(InvalidInputError, match=r"is not an INSEE region code such as '82'"):
        ResearchOrganisation(id="lab", name="Lab", kind=ResearchKind.LABORATORY, region=region)


def test_a_region_of_either_period_is_accepted_and_dated_by_the_rules() -> None:
    # "84" (from 2016) builds: whether it existed on a case's date is the rules' question.
    assert LocalAuthority(id="r", name="Région", level=AuthorityLevel.REGION, region="84").region
    assert Enterprise(id="acme", name="ACME").region is None


def test_an_id_that_is_not_a_string_is_a_wrong_type() -> None:
    with pytest.raises(WrongTypeError, match=r"^Enterprise\.id: 3 is not a string$"):
        Enterprise(id=3, name="ACME")  # type: ignore[arg-type]


def test_numpy_bools_and_integers_from_a_dataframe_row_are_read_as_python_s() -> None:
    import numpy as np

    lab = ResearchOrganisation(
        id="lab",
        name="Lab",
        kind=ResearchKind.LABORATORY,
        public=np.False_,  # type: ignore[arg-type]
    )
    assert lab.public is False  # a NumPy False kept as is would read as "not False"
    request = attrs.evolve(REQUEST, oseo_counter_guarantee=np.True_)  # type: ignore[arg-type]
    assert request.oseo_counter_guarantee is True
    allocation = Allocation(
        ministry="MESR",
        body="CNRS",
        year=np.int64(2010),  # type: ignore[arg-type]
        amount="1000",
    )
    assert type(allocation.year) is int
    accounts = Accounts(
        period_end=date(2008, 12, 31),
        staff_awu=np.int64(12),  # type: ignore[arg-type]
        turnover=1,
        balance_sheet=1,
    )
    assert accounts.staff_awu == Decimal(12)


def test_a_numpy_array_is_not_a_flag() -> None:
    import numpy as np

    with pytest.raises(WrongTypeError, match=r"is not true or false"):
        attrs.evolve(LOAN, repaid_from_subsidy=np.array([True, False]))  # type: ignore[arg-type]


# --- lists ---------------------------------------------------------------------------------------


def _list_fields() -> list[tuple[type, attrs.Attribute[Any]]]:
    import importlib
    import pkgutil

    import poles_policy.model

    found: list[tuple[type, attrs.Attribute[Any]]] = []
    for module in pkgutil.iter_modules(poles_policy.model.__path__):
        loaded = importlib.import_module(f"poles_policy.model.{module.name}")
        for cls in vars(loaded).values():
            if isinstance(cls, type) and attrs.has(cls) and cls.__module__ == loaded.__name__:
                found.extend(
                    (cls, field)
                    for field in attrs.fields(cls)
                    if field.init and str(field.type).startswith("tuple[")
                )
    return found


LIST_FIELDS = _list_fields()


def _converter(field: attrs.Attribute[Any]) -> Callable[[object], object]:
    convert: object = field.converter  # attrs types it as a Converter or a function
    assert callable(convert), field.name
    return cast("Callable[[object], object]", convert)


def test_every_list_field_of_the_model_is_found() -> None:
    names = {f"{cls.__name__}.{field.name}" for cls, field in LIST_FIELDS}
    assert {"Enterprise.accounts", "CollaborativeProject.partners", "Pole.history"} <= names
    assert len(LIST_FIELDS) >= 29


@pytest.mark.parametrize(
    ("cls", "field"), LIST_FIELDS, ids=[f"{c.__name__}.{f.name}" for c, f in LIST_FIELDS]
)
@pytest.mark.parametrize("given", [None, 5, {"a": 1}, b"ab"], ids=repr)
def test_a_list_field_refuses_what_is_not_a_list_naming_the_class_and_field(
    cls: type, field: attrs.Attribute[Any], given: object
) -> None:
    convert = _converter(field)
    if given is None and field.default is None:
        assert convert(given) is None  # an optional list: None says "not known"
        return
    with pytest.raises(WrongTypeError, match=rf"^{cls.__name__}\.{field.name}: .* is not a list"):
        convert(given)


@pytest.mark.parametrize(
    ("cls", "field"), LIST_FIELDS, ids=[f"{c.__name__}.{f.name}" for c, f in LIST_FIELDS]
)
def test_a_list_field_names_the_item_of_the_wrong_type(
    cls: type, field: attrs.Attribute[Any]
) -> None:
    convert = _converter(field)
    if str(field.type) == "tuple[str, ...]":
        # Lists of ids or codes: one string is refused; each item is the validator's to check.
        with pytest.raises(WrongTypeError, match=r"is a single string, not a list"):
            convert("minalogic")
        assert convert(["a", "b"]) == ("a", "b")
    else:
        # A dict among the items is named by its index, before any sort reads it.
        pattern = rf"^{cls.__name__}\.{field.name}\[0\]: \{{'id': 'x'\}} is not of type \w+$"
        with pytest.raises(WrongTypeError, match=pattern):
            convert([{"id": "x"}])


# --- ids and names are plain text ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("RA-2009\x00017", "0000"),
        ("Banque\nde Lyon", "000A"),
        ("\u202eSAS", "202E"),
        ("\x1b[2J", "001B"),
        ("\u200b", "200B"),  # a zero-width space: an id that shows as nothing
        ("mina\u200dlogic", "200D"),  # shows as "minalogic", another id
        ("\ufeffacme", "FEFF"),
    ],
)
def test_an_id_or_a_name_with_a_hidden_character_is_refused(text: str, code: str) -> None:
    # A NUL, a line break or a right-to-left override shows a case id or a name as another one
    # in a desk's text output or log.
    with pytest.raises(
        InvalidInputError, match=rf"^Bank\.name: .* holds the (control )?character U\+{code}"
    ):
        Bank(id="bank", name=text)
    with pytest.raises(InvalidInputError, match=rf"^Bank\.id: .* U\+{code}"):
        Bank(id=text, name="Banque")


def test_a_tab_is_a_blank_not_a_hidden_character() -> None:
    assert Bank(id="bank", name="Banque\tde Lyon").name == "Banque\tde Lyon"


@pytest.mark.parametrize("ident", [" minalogic", "minalogic ", "\tminalogic", "minalogic\u00a0"])
def test_an_id_with_blanks_around_it_is_refused(ident: str) -> None:
    # Ids are matched exactly: " minalogic " would be another pôle than "minalogic", and a label
    # from it would ask for its history rather than count.
    reason = re.escape(f"id {ident!r} has blanks around it; ids are matched exactly: ")
    reason += "write 'minalogic'$"
    with pytest.raises(InvalidInputError, match=rf"^Bank\.id: {reason}"):
        Bank(id=ident, name="Banque")
    with pytest.raises(InvalidInputError, match=rf"^PoleLabel\.pole_id: {reason}"):
        PoleLabel(pole_id=ident)
    with pytest.raises(InvalidInputError, match=rf"^Meeting\.attendees\[1\]: {reason}"):
        Meeting(held_on=date(2010, 3, 1), attendees=["state", ident])
    with pytest.raises(InvalidInputError, match=rf"^Meeting\.contract_id: {reason}"):
        Meeting(held_on=date(2010, 3, 1), contract_id=ident)


def test_an_id_may_hold_blanks_inside_and_a_name_around_it() -> None:
    assert Bank(id="Banque de Lyon", name=" Banque ").id == "Banque de Lyon"
    assert Bank(id="Banque de Lyon", name=" Banque ").name == " Banque "


@pytest.mark.parametrize(
    ("separator", "named"),
    [
        ("\u2028", "U+2028 (LINE SEPARATOR)"),
        ("\u2029", "U+2029 (PARAGRAPH SEPARATOR)"),
        ("\u200f", "U+200F (RIGHT-TO-LEFT MARK)"),
        ("\u061c", "U+061C (ARABIC LETTER MARK)"),
    ],
)
def test_a_name_starting_a_line_of_its_own_or_turning_the_text_is_refused(
    separator: str, named: str
) -> None:
    # "Acme\u2028[met] forged line": an explanation's lines split at U+2028 too.
    with pytest.raises(InvalidInputError) as raised:
        Bank(id="bank", name=f"Acme{separator}[met] forged line")
    assert str(raised.value).startswith("Bank.name: ")
    assert f"holds the character {named}; ids, names and themes are plain text" in str(raised.value)


def test_a_theme_that_is_not_a_string_is_named_by_its_index() -> None:
    with pytest.raises(WrongTypeError, match=r"^Pole\.themes\[0\]: 1 is not a string$"):
        Pole(
            id="p",
            name="P",
            category=Category.NATIONAL,
            head_office_region="82",
            themes=[1],  # type: ignore[list-item]
        )


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"attendees": [1]}, r"^Meeting\.attendees\[0\]: 1 is not a string$"),
        ({"attendees": [""]}, r"^Meeting\.attendees\[0\]: '' is not an id$"),
        (
            {"attendees": ["a\x00"]},
            r"^Meeting\.attendees\[0\]: 'a\\x00' holds the control character",
        ),
        ({"contract_id": 5}, r"^Meeting\.contract_id: 5 is not an id$"),
        (
            {"contract_id": "c-\u202e1"},
            r"^Meeting\.contract_id: .* holds the character U\+202E \(RIGHT-TO-LEFT OVERRIDE\)",
        ),
    ],
)
def test_a_meeting_s_attendees_and_contract_are_ids(
    fields: dict[str, object], message: str
) -> None:
    with pytest.raises(InvalidInputError, match=message):
        Meeting(held_on=date(2010, 3, 1), **fields)  # type: ignore[arg-type]


def test_an_aid_decision_s_call_is_plain_text_or_none() -> None:
    with pytest.raises(InvalidInputError, match=r"^AidDecision\.call: .* U\+0000"):
        AidDecision(funder=Funder.STATE, scheme="FUI", call="FUI 8\x00")
    for blank in ("", "  "):
        with pytest.raises(InvalidInputError, match=r"^AidDecision\.call: .* is blank; leave it"):
            AidDecision(funder=Funder.STATE, scheme="FUI", call=blank)
    assert AidDecision(funder=Funder.STATE, scheme="FUI", call="FUI 8").call == "FUI 8"
    assert AidDecision(funder=Funder.STATE, scheme="FUI").call is None
