"""
The boundary's builders make exactly what the constructors make, and refuse what they refuse.

Each builder of ``poles_policy.model._assembly`` is compared with its class's
constructor on generated values in the form the boundary gives them (amounts
quantised to the cent, collections as tuples), valid or not: both must make
equal objects with the same representation, or both refuse with the same
message. A snapshot of each class's converters and validators makes a new
invariant fail here until the builder mirrors it.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from poles_policy.exceptions import InvalidInputError
from poles_policy.model import _assembly as assembly
from poles_policy.model.actors import (
    Accounts,
    AuthorityLevel,
    Bank,
    CooperationKind,
    CooperationStructure,
    Enterprise,
    LocalAuthority,
    Oseo,
    RelatedEnterprise,
    ResearchKind,
    ResearchOrganisation,
    StateBody,
    StateKind,
)
from poles_policy.model.cases import RelayCase
from poles_policy.model.contracts import Indicator
from poles_policy.model.projects import (
    AidDecision,
    CollaborativeProject,
    Funder,
    PartnerAid,
    PartnerRole,
    Payment,
    PaymentKind,
    PoleLabel,
    ProjectPartner,
    ScheduledPayment,
)
from poles_policy.model.relay import RelayLoan, RelayRequest

if TYPE_CHECKING:
    from collections.abc import Callable

# --- values as the boundary gives them, often invalid ---------------------------------------

TEXTS = st.sampled_from(["acme", "leti", "", " ", "x y"]) | st.text(max_size=4)
IDS = st.sampled_from(["acme", "leti", "bigco", " ", ""])
DATES = st.dates(min_value=date(2007, 1, 1), max_value=date(2007, 1, 8))
CENTS = st.integers(-300, 5_000_000).map(lambda c: Decimal(c).scaleb(-2)) | st.just(
    Decimal("-0.00")
)
SHARES = st.decimals(min_value=-1, max_value=2, allow_nan=False, allow_infinity=False) | (
    st.sampled_from([Decimal(0), Decimal("0.0"), Decimal("-0"), Decimal(1), Decimal("1.000")])
)
STAFF = st.decimals(min_value=-3, max_value=500, places=1) | st.sampled_from(
    [Decimal(36), Decimal("36.0"), Decimal("-0")]
)


def accounts_tuples() -> st.SearchStrategy[tuple[Accounts, ...]]:
    one = st.builds(
        Accounts,
        period_end=DATES,
        staff_awu=STAFF.filter(lambda d: d >= 0),
        turnover=CENTS.filter(lambda d: d >= 0),
        balance_sheet=CENTS.filter(lambda d: d >= 0),
    )
    return st.lists(one, max_size=3).map(tuple)


def actors() -> st.SearchStrategy[Any]:
    return st.builds(Enterprise, id=IDS.filter(str.strip), name=st.just("E")) | st.builds(
        ResearchOrganisation,
        id=IDS.filter(str.strip),
        name=st.just("L"),
        kind=st.sampled_from(ResearchKind),
    )


def partners() -> st.SearchStrategy[tuple[ProjectPartner, ...]]:
    one = st.builds(
        ProjectPartner,
        actor=actors(),
        role=st.sampled_from(PartnerRole),
        eligible_costs=st.none() | CENTS.filter(lambda d: d >= 0),
    )
    return st.lists(one, max_size=3).map(tuple)


def partner_aids(*, distinct: bool = False) -> st.SearchStrategy[tuple[PartnerAid, ...]]:
    one = st.builds(PartnerAid, partner_id=IDS.filter(str.strip), granted=st.integers(0, 9))
    if distinct:
        return st.lists(one, max_size=3, unique_by=lambda a: a.partner_id).map(tuple)
    return st.lists(one, max_size=3).map(tuple)


def schedules() -> st.SearchStrategy[tuple[ScheduledPayment, ...]]:
    one = st.builds(
        ScheduledPayment,
        kind=st.sampled_from(PaymentKind),
        amount=CENTS.filter(lambda d: d >= 0),
        expected_on=st.none() | DATES,
    )
    return st.lists(one, max_size=3).map(tuple)


def payments() -> st.SearchStrategy[tuple[Payment, ...]]:
    one = st.builds(Payment, paid_on=DATES, amount=CENTS.filter(lambda d: d >= 0))
    return st.lists(one, max_size=4).map(tuple)


def aid_decisions() -> st.SearchStrategy[tuple[AidDecision, ...]]:
    one = st.builds(
        AidDecision,
        funder=st.sampled_from(Funder),
        scheme=st.just("FUI"),
        partners=partner_aids(distinct=True),
    )
    return st.lists(one, max_size=2).map(tuple)


def made_by(make: Callable[..., object], fields: dict[str, Any]) -> tuple[object, ...]:
    """What *make* does with *fields*: the object and its representation, or the refusal."""
    try:
        made = make(**fields)
    except InvalidInputError as exc:
        return ("refused", str(exc))
    return ("made", made, repr(made))


def assert_same(builder: Callable[..., object], cls: type, fields: dict[str, Any]) -> None:
    assert made_by(builder, fields) == made_by(cls, fields)


# --- each builder against its class -----------------------------------------------------------


@given(
    st.fixed_dictionaries(
        {
            "period_end": DATES,
            "staff_awu": STAFF,
            "turnover": CENTS,
            "balance_sheet": CENTS,
        }
    )
)
def test_the_accounts_builder_agrees_with_the_constructor(fields: dict[str, Any]) -> None:
    assert_same(assembly.accounts, Accounts, fields)


@given(
    st.fixed_dictionaries(
        {
            "name": TEXTS,
            "share": SHARES,
            "accounts": accounts_tuples(),
            "exempt_investor": st.booleans(),
        }
    )
)
def test_the_related_enterprise_builder_agrees_with_the_constructor(fields: dict[str, Any]) -> None:
    assert_same(assembly.related_enterprise, RelatedEnterprise, fields)


@given(
    st.fixed_dictionaries(
        {
            "id": IDS,
            "name": TEXTS,
            "region": st.none() | st.just("82"),
            "accounts": accounts_tuples(),
            "related": st.lists(
                st.builds(RelatedEnterprise, name=st.just("R"), share=st.just(Decimal("0.3"))),
                max_size=2,
            ).map(tuple),
            "public_bodies_share": st.none() | SHARES,
        }
    )
)
def test_the_enterprise_builder_agrees_with_the_constructor(fields: dict[str, Any]) -> None:
    assert_same(assembly.enterprise, Enterprise, fields)


@pytest.mark.parametrize(
    ("builder", "cls", "extra"),
    [
        (
            assembly.research_organisation,
            ResearchOrganisation,
            {"kind": ResearchKind.LABORATORY, "public": False, "region": "82"},
        ),
        (
            assembly.research_organisation,
            ResearchOrganisation,
            {"kind": ResearchKind.PRIVATE_NON_PROFIT, "public": True, "region": None},
        ),
        (
            assembly.cooperation_structure,
            CooperationStructure,
            {"kind": CooperationKind.PRES, "founders": ("a", "b")},
        ),
        (
            assembly.local_authority,
            LocalAuthority,
            {"level": AuthorityLevel.REGION, "region": None},
        ),
        (assembly.state_body, StateBody, {"kind": StateKind.AGENCY, "region": "82"}),
        (assembly.bank, Bank, {}),
        (assembly.oseo, Oseo, {}),
    ],
)
@given(ident=IDS, name=TEXTS)
def test_the_other_actors_builder_agrees_with_the_constructor(
    builder: Callable[..., object], cls: type, extra: dict[str, Any], ident: str, name: str
) -> None:
    assert_same(builder, cls, {"id": ident, "name": name, **extra})


@given(
    st.fixed_dictionaries(
        {
            "id": IDS,
            "name": TEXTS,
            "kind": st.sampled_from(ResearchKind),
            "public": st.none() | st.booleans(),
            "region": st.none() | st.sampled_from(["82", "99"]),
        }
    )
)
def test_the_research_organisation_builder_agrees_with_the_constructor(
    fields: dict[str, Any],
) -> None:
    # The builder's None is the argument left out: the constructor's default follows the kind.
    given_to_class = {k: v for k, v in fields.items() if not (k == "public" and v is None)}
    assert made_by(assembly.research_organisation, fields) == made_by(
        ResearchOrganisation, given_to_class
    )


def test_the_research_organisation_builder_follows_the_kind_when_public_is_left_out() -> None:
    def built(kind: ResearchKind, *, public: bool | None) -> tuple[object, ...]:
        return made_by(
            assembly.research_organisation,
            {"id": "c", "name": "C", "kind": kind, "public": public, "region": None},
        )

    private = built(ResearchKind.PRIVATE_NON_PROFIT, public=None)
    assert private[0] == "made"
    assert isinstance(private[1], ResearchOrganisation)
    assert private[1].public is False
    refused = built(ResearchKind.PRIVATE_NON_PROFIT, public=True)
    assert refused[0] == "refused"
    assert str(refused[1]).startswith("ResearchOrganisation.public: 'c', a private non-profit")
    lab = built(ResearchKind.LABORATORY, public=None)
    assert isinstance(lab[1], ResearchOrganisation)
    assert lab[1].public is True


@given(
    st.fixed_dictionaries(
        {
            "actor": actors(),
            "role": st.sampled_from(PartnerRole),
            "eligible_costs": st.none() | CENTS,
        }
    )
)
def test_the_project_partner_builder_agrees_with_the_constructor(fields: dict[str, Any]) -> None:
    assert_same(assembly.project_partner, ProjectPartner, fields)


@given(st.fixed_dictionaries({"pole_id": TEXTS, "labelled_on": st.none() | DATES}))
def test_the_pole_label_builder_agrees_with_the_constructor(fields: dict[str, Any]) -> None:
    assert_same(assembly.pole_label, PoleLabel, fields)


@given(
    st.fixed_dictionaries(
        {
            "kind": st.sampled_from(PaymentKind),
            "amount": CENTS,
            "expected_on": st.none() | DATES,
        }
    )
)
def test_the_scheduled_payment_builder_agrees_with_the_constructor(fields: dict[str, Any]) -> None:
    assert_same(assembly.scheduled_payment, ScheduledPayment, fields)


@given(st.fixed_dictionaries({"paid_on": DATES, "amount": CENTS}))
def test_the_payment_builder_agrees_with_the_constructor(fields: dict[str, Any]) -> None:
    assert_same(assembly.payment, Payment, fields)


@given(
    st.fixed_dictionaries(
        {
            "partner_id": IDS,
            "granted": CENTS,
            "schedule": schedules(),
            "payments": payments(),
        }
    )
)
def test_the_partner_aid_builder_agrees_with_the_constructor(fields: dict[str, Any]) -> None:
    assert_same(assembly.partner_aid, PartnerAid, fields)


@given(
    st.fixed_dictionaries(
        {
            "funder": st.sampled_from(Funder),
            "scheme": TEXTS,
            "call": st.none() | st.just("FUI 7"),
            "decided_on": st.none() | DATES,
            "partners": partner_aids(),
        }
    )
)
def test_the_aid_decision_builder_agrees_with_the_constructor(fields: dict[str, Any]) -> None:
    assert_same(assembly.aid_decision, AidDecision, fields)


@given(
    st.fixed_dictionaries(
        {
            "id": IDS,
            "name": TEXTS,
            "partners": partners(),
            "labels": st.lists(st.builds(PoleLabel, pole_id=IDS.filter(str.strip)), max_size=3).map(
                tuple
            ),
            "aid": st.none() | aid_decisions(),
            "selection_letter_on": st.none() | DATES,
        }
    )
)
def test_the_collaborative_project_builder_agrees_with_the_constructor(
    fields: dict[str, Any],
) -> None:
    assert_same(assembly.collaborative_project, CollaborativeProject, fields)


PROJECT = CollaborativeProject(
    id="p",
    name="P",
    partners=(ProjectPartner(actor=Enterprise(id="acme", name="ACME")),),
)


@given(
    st.fixed_dictionaries(
        {
            "id": IDS,
            "applicant": actors(),
            "project": st.just(PROJECT),
            "requested_on": DATES,
            "amount": CENTS,
            "bank": st.none() | st.builds(Bank, id=st.just("b"), name=st.just("B")),
            "oseo_counter_guarantee": st.none() | st.booleans(),
        }
    )
)
def test_the_relay_request_builder_agrees_with_the_constructor(fields: dict[str, Any]) -> None:
    assert_same(assembly.relay_request, RelayRequest, fields)


@given(
    st.fixed_dictionaries(
        {
            "request_id": IDS,
            "disbursed_on": DATES,
            "principal": CENTS,
            "annual_rate": SHARES,
            "fees": st.none() | CENTS,
            "repaid_from_subsidy": st.booleans(),
            "repaid_on": st.none() | DATES,
        }
    )
)
def test_the_relay_loan_builder_agrees_with_the_constructor(fields: dict[str, Any]) -> None:
    assert_same(assembly.relay_loan, RelayLoan, fields)


@given(
    case_id=IDS,
    request_id=IDS.filter(str.strip),
    applicant=actors(),
    # The case's own request, most often, or another one.
    loan_for=st.none() | st.just("<the request>") | IDS.filter(str.strip),
    # Below, at and above the amount requested (1.00 EUR): a loan lends at most that.
    principal=st.sampled_from(["0.99", "1.00", "1.01"]),
)
def test_the_relay_case_builder_agrees_with_the_constructor(
    case_id: str, request_id: str, applicant: Any, loan_for: str | None, principal: str
) -> None:
    request = RelayRequest(
        id=request_id,
        applicant=applicant,
        project=PROJECT,
        requested_on=date(2009, 3, 16),
        amount=Decimal("1.00"),
    )
    loan = None
    if loan_for is not None:
        loan = RelayLoan(
            request_id=request_id if loan_for == "<the request>" else loan_for,
            disbursed_on=date(2009, 4, 1),
            principal=Decimal(principal),
            annual_rate=Decimal("0.05"),
        )
    fields = {"case_id": case_id, "request": request, "loan": loan}
    assert_same(assembly.relay_case, RelayCase, fields)


# --- the invariants each builder mirrors ------------------------------------------------------


# The validators of a field's type (a date, a bool, an enum member, an actor) and the converters
# of NumPy scalars to Python's. The builders need not mirror them: the boundary's models give
# every field its Python type before a builder runs.
_TYPE_CHECK = re.compile(
    r"a_date|optional_date|boolean|optional_boolean|is_a_.+|optional_[A-Z].*"
    r"|to_bool|to_optional_bool|to_whole|to_optional_whole"
)


def _name(function: object) -> str | None:
    if function is None:
        return None
    # attrs joins a list of validators into one; keep those that are not type checks.
    parts = getattr(function, "_validators", (function,))
    # A converter that names its field in errors is an attrs Converter wrapping a function.
    names = [getattr(getattr(f, "converter", f), "__name__", repr(f)) for f in parts]
    kept = [name for name in names if not _TYPE_CHECK.fullmatch(name)]
    return " & ".join(kept) if kept else None


def invariants(cls: type) -> dict[str, tuple[str | None, str | None]]:
    """Each field's converter and the validators of its value, by name."""
    return {
        field.name: (_name(field.converter), _name(field.validator)) for field in attrs.fields(cls)
    }


def test_type_checks_are_told_from_value_invariants() -> None:
    assert _name(attrs.fields(RelayLoan).repaid_on.validator) == "_repaid_in_one_go"
    assert _name(attrs.fields(RelayLoan).principal.validator) == "_positive"
    assert _name(attrs.fields(RelayRequest).requested_on.validator) is None


MIRRORED: dict[type, dict[str, tuple[str | None, str | None]]] = {
    Accounts: {
        "period_end": (None, None),
        "staff_awu": ("_awu", "non_negative"),
        "turnover": ("_eur_of", "non_negative"),
        "balance_sheet": ("_eur_of", "non_negative"),
    },
    RelatedEnterprise: {
        "name": (None, "non_empty"),
        "share": ("_share_of", "share"),
        "accounts": ("_related_accounts", "_distinct_periods"),
        "exempt_investor": (None, None),
    },
    Enterprise: {
        "id": (None, "an_id"),
        "name": (None, "non_empty"),
        "region": (None, "_region"),
        "accounts": ("_accounts", "_distinct_periods"),
        "related": ("_related", "_distinct_related"),
        "public_bodies_share": ("_optional_share_of", "share"),
    },
    ResearchOrganisation: {
        "id": (None, "an_id"),
        "name": (None, "non_empty"),
        "kind": (None, None),
        "public": (None, "_private_is_not_public"),
        "region": (None, "_region"),
    },
    CooperationStructure: {
        "id": (None, "an_id"),
        "name": (None, "non_empty"),
        "kind": (None, None),
        "founders": ("_founders", "ids & _distinct_founders"),
    },
    LocalAuthority: {
        "id": (None, "an_id"),
        "name": (None, "non_empty"),
        "level": (None, None),
        "region": (None, "_region"),
    },
    StateBody: {
        "id": (None, "an_id"),
        "name": (None, "non_empty"),
        "kind": (None, None),
        "region": (None, "_region"),
    },
    Bank: {"id": (None, "an_id"), "name": (None, "non_empty")},
    Oseo: {"id": (None, "an_id"), "name": (None, "non_empty")},
    ProjectPartner: {
        "actor": (None, None),
        "role": (None, None),
        "eligible_costs": ("_optional_eur_of", "non_negative"),
    },
    PoleLabel: {"pole_id": (None, "an_id"), "labelled_on": (None, None)},
    ScheduledPayment: {
        "kind": (None, None),
        "amount": ("_eur_of", "non_negative"),
        "expected_on": (None, None),
    },
    Payment: {"paid_on": (None, None), "amount": ("_eur_of", "non_negative")},
    PartnerAid: {
        "partner_id": (None, "an_id"),
        "granted": ("_eur_of", "non_negative"),
        "schedule": ("_schedule", "_schedule_within_grant"),
        "payments": ("_payments", "_payments_within_grant"),
    },
    AidDecision: {
        "funder": (None, None),
        "scheme": (None, "non_empty"),
        "call": (None, "optional_text"),
        "decided_on": (None, None),
        "partners": ("_partner_aids", "_aided_partners"),
    },
    CollaborativeProject: {
        "id": (None, "an_id"),
        "name": (None, "non_empty"),
        "partners": ("_partners", "_partner_invariants"),
        "labels": ("_labels", "_distinct_labels"),
        "aid": ("_aid", "_distinct_decisions & _aid_to_partners"),
        "selection_letter_on": (None, None),
    },
    RelayRequest: {
        "id": (None, "an_id"),
        "applicant": (None, None),
        "project": (None, None),
        "requested_on": (None, None),
        "amount": ("_eur_of", "_positive"),
        "bank": (None, None),
        "oseo_counter_guarantee": (None, None),
    },
    RelayLoan: {
        "request_id": (None, "an_id"),
        "disbursed_on": (None, None),
        "principal": ("_eur_of", "_positive"),
        "annual_rate": ("_share_of", "share"),
        "fees": ("_optional_eur_of", "non_negative"),
        "repaid_from_subsidy": (None, None),
        "repaid_on": (None, "_repaid_in_one_go"),
    },
    RelayCase: {
        "case_id": (None, "an_id"),
        "request": (None, "_request_is_the_case"),
        "loan": (None, "_loan_answers_the_request"),
    },
}


@pytest.mark.parametrize("cls", list(MIRRORED), ids=lambda cls: cls.__name__)
def test_each_builder_mirrors_the_invariants_of_its_class(cls: type) -> None:
    # A failure here means the class's invariants changed: update its builder in
    # poles_policy/model/_assembly.py, then this snapshot.
    assert invariants(cls) == MIRRORED[cls]
    assert not hasattr(cls, "__attrs_post_init__")


# Fields whose default is computed from the object's other fields: a builder must compute it
# as the constructor does when the argument is left out (given as None).
COMPUTED_DEFAULTS: dict[type, set[str]] = {ResearchOrganisation: {"public"}}


@pytest.mark.parametrize("cls", list(MIRRORED), ids=lambda cls: cls.__name__)
def test_each_builder_mirrors_the_computed_defaults_of_its_class(cls: type) -> None:
    computed = {
        field.name
        for field in attrs.fields(cls)
        if isinstance(field.default, attrs.Factory)  # type: ignore[arg-type]
        and field.default.takes_self
    }
    assert computed == COMPUTED_DEFAULTS.get(cls, set())


def test_the_accounts_of_both_enterprise_kinds_are_ordered_alike() -> None:
    # One builder orders both kinds' accounts: their converters must order them alike.
    late = Accounts(period_end=date(2008, 12, 31), staff_awu=1, turnover=1, balance_sheet=1)
    early = attrs.evolve(late, period_end=date(2007, 12, 31))
    enterprise = Enterprise(id="e", name="E", accounts=[late, early])
    related = RelatedEnterprise(name="R", share="0.3", accounts=[late, early])
    assert enterprise.accounts == related.accounts == (early, late)


def test_a_class_with_a_post_init_check_has_no_builder() -> None:
    with pytest.raises(TypeError, match="__attrs_post_init__"):
        assembly._storing(Indicator)
