"""
Quick construction of domain objects from values the JSON boundary has validated.

The boundary reads a document in two steps: pydantic checks its shape and
types, then ``to_domain()`` builds the domain objects, whose converters and
validators enforce the invariants. Through the attrs constructors the second
step costs a call per converter and per validator of every object, and
repeats conversions the first step already made: for a relay case it costs
as much as the parsing itself.

Each builder here makes one class from values already in the form its
converters return -- amounts are finite Decimals with exactly two decimals
(as :func:`~poles_policy.money.eur` returns them), shares and staff finite
Decimals, collections tuples -- checks the class's invariants inline and
stores the values as they are. When a check fails it calls the class's
constructor instead, so the error is the class's own, word for word; a
builder may be stricter than its class (the constructor then decides) but
never looser. The checks of each field's *type* (a date, a bool, an enum
member) are the exception: the boundary's models have already given every
value its type. An id or a name that is not a string is not
:func:`~poles_policy.model._validators.readable`, so a builder given one
(``CaseLoanModel.to_domain(request_id=None)``) calls the constructor, whose
validator names the field in a WrongTypeError. A field whose default
is computed from another (``ResearchOrganisation.public`` follows the kind)
takes ``None`` for "left out": the builder then makes what the constructor
makes without the argument.
``tests/model/test_assembly.py`` compares every builder with its class's
constructor on generated values, valid or not, and pins the converters and
validators each builder mirrors, so that a new invariant cannot be
forgotten here.

Nothing here is public: users build domain objects with their constructors.
"""

from __future__ import annotations

from decimal import Decimal
from types import MemberDescriptorType
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from poles_policy.model._validators import plain_id, readable
from poles_policy.model.actors import (
    Accounts,
    Bank,
    CooperationStructure,
    Enterprise,
    LocalAuthority,
    Oseo,
    RelatedEnterprise,
    ResearchKind,
    ResearchOrganisation,
    StateBody,
    public_by_kind,
    same_name,
)
from poles_policy.model.cases import RelayCase
from poles_policy.model.projects import (
    AidDecision,
    CollaborativeProject,
    PartnerAid,
    PartnerRole,
    Payment,
    PoleLabel,
    ProjectPartner,
    ScheduledPayment,
    repeated_decision,
)
from poles_policy.model.regions import is_region_code
from poles_policy.model.relay import RelayLoan, RelayRequest
from poles_policy.money import ZERO, total

# Comparing Decimals with Decimals spares converting the int on every comparison.
_ONE = Decimal(1)


def _unsigned(amount: Decimal) -> bool:
    """Non-negative and not -0.00: the constructor's converter turns -0.00 into 0.00."""
    return not amount.is_signed()


if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date

    from poles_policy.model.actors import (
        Actor,
        AuthorityLevel,
        CooperationKind,
        StateKind,
    )
    from poles_policy.model.projects import Funder, PaymentKind

__all__ = [
    "accounts",
    "aid_decision",
    "bank",
    "collaborative_project",
    "cooperation_structure",
    "enterprise",
    "local_authority",
    "oseo",
    "partner_aid",
    "payment",
    "pole_label",
    "project_partner",
    "related_enterprise",
    "relay_case",
    "relay_loan",
    "relay_request",
    "research_organisation",
    "scheduled_payment",
    "state_body",
]

_T = TypeVar("_T")


def _storing(cls: type[_T]) -> Callable[..., _T]:
    """
    Return a function making a *cls* from one keyword argument per field, stored as given.

    It is the ``__init__`` attrs writes for *cls* without converters,
    validators and defaults, and is written the way attrs writes it, as
    Python source; it stores each value through its slot directly, which a
    frozen class allows.
    """
    if not attrs.has(cls) or hasattr(cls, "__attrs_post_init__"):
        msg = f"{cls.__name__} is not an attrs class without __attrs_post_init__"
        raise TypeError(msg)
    names = [field.name for field in attrs.fields(cls)]
    namespace: dict[str, Any] = {"new": object.__new__, "cls": cls}
    for name in names:
        slot = getattr(cls, name, None)
        if not isinstance(slot, MemberDescriptorType):
            msg = f"{cls.__name__}.{name} is not a slot"
            raise TypeError(msg)
        namespace[f"store_{name}"] = slot.__set__
    source = (
        f"def make(*, {', '.join(names)}):\n"
        "    self = new(cls)\n"
        + "".join(f"    store_{name}(self, {name})\n" for name in names)
        + "    return self\n"
    )
    exec(compile(source, f"<storing {cls.__qualname__}>", "exec"), namespace)  # noqa: S102 - source made of field names only
    make: Callable[..., _T] = namespace["make"]
    return make


# The classes' own reordering converters, applied here as the constructors apply them.
_BY_PERIOD_END: Callable[[tuple[Accounts, ...]], tuple[Accounts, ...]] = attrs.fields(
    Enterprise
).accounts.converter  # type: ignore[assignment]
_BY_PAYMENT_DATE: Callable[[tuple[Payment, ...]], tuple[Payment, ...]] = attrs.fields(
    PartnerAid
).payments.converter  # type: ignore[assignment]


def _distinct_periods(values: tuple[Accounts, ...]) -> bool:
    return len(values) < 2 or len({a.period_end for a in values}) == len(values)


# --- actors ----------------------------------------------------------------------------------

_ACCOUNTS = _storing(Accounts)
_RELATED_ENTERPRISE = _storing(RelatedEnterprise)
_ENTERPRISE = _storing(Enterprise)
_RESEARCH_ORGANISATION = _storing(ResearchOrganisation)
_COOPERATION_STRUCTURE = _storing(CooperationStructure)
_LOCAL_AUTHORITY = _storing(LocalAuthority)
_STATE_BODY = _storing(StateBody)
_BANK = _storing(Bank)
_OSEO = _storing(Oseo)


def accounts(
    *, period_end: date, staff_awu: Decimal, turnover: Decimal, balance_sheet: Decimal
) -> Accounts:
    """Make :class:`~poles_policy.model.actors.Accounts`."""
    valid = staff_awu >= ZERO and _unsigned(turnover) and _unsigned(balance_sheet)
    make = _ACCOUNTS if valid else Accounts
    return make(
        period_end=period_end, staff_awu=staff_awu, turnover=turnover, balance_sheet=balance_sheet
    )


def related_enterprise(
    *,
    name: str,
    share: Decimal,
    accounts: tuple[Accounts, ...],
    exempt_investor: bool,
) -> RelatedEnterprise:
    """Make a :class:`~poles_policy.model.actors.RelatedEnterprise`."""
    if len(accounts) > 1:
        accounts = _BY_PERIOD_END(accounts)
    valid = readable(name) and ZERO <= share <= _ONE and _distinct_periods(accounts)
    make = _RELATED_ENTERPRISE if valid else RelatedEnterprise
    return make(name=name, share=share, accounts=accounts, exempt_investor=exempt_investor)


def enterprise(  # noqa: PLR0913 - one argument per field of the class
    *,
    id: str,  # noqa: A002 - the field's name
    name: str,
    region: str | None,
    accounts: tuple[Accounts, ...],
    related: tuple[RelatedEnterprise, ...],
    public_bodies_share: Decimal | None,
) -> Enterprise:
    """Make an :class:`~poles_policy.model.actors.Enterprise`."""
    if len(accounts) > 1:
        accounts = _BY_PERIOD_END(accounts)
    valid = (
        plain_id(id)
        and readable(name)
        and _distinct_periods(accounts)
        and (len(related) < 2 or len({same_name(r.name) for r in related}) == len(related))
        and (public_bodies_share is None or ZERO <= public_bodies_share <= _ONE)
        and (region is None or is_region_code(region))
    )
    make = _ENTERPRISE if valid else Enterprise
    return make(
        id=id,
        name=name,
        region=region,
        accounts=accounts,
        related=related,
        public_bodies_share=public_bodies_share,
    )


def research_organisation(
    *,
    id: str,  # noqa: A002 - the field's name
    name: str,
    kind: ResearchKind,
    public: bool | None,
    region: str | None,
) -> ResearchOrganisation:
    """
    Make a :class:`~poles_policy.model.actors.ResearchOrganisation`.

    *public* ``None`` stands for the argument left out: the constructor's
    default, which follows the kind.
    """
    if public is None:
        if plain_id(id) and readable(name) and (region is None or is_region_code(region)):
            return _RESEARCH_ORGANISATION(
                id=id, name=name, kind=kind, public=public_by_kind(kind), region=region
            )
        return ResearchOrganisation(id=id, name=name, kind=kind, region=region)
    valid = (
        plain_id(id)
        and readable(name)
        and (region is None or is_region_code(region))
        and not (public and kind is ResearchKind.PRIVATE_NON_PROFIT)
    )
    make = _RESEARCH_ORGANISATION if valid else ResearchOrganisation
    return make(id=id, name=name, kind=kind, public=public, region=region)


def cooperation_structure(
    *,
    id: str,  # noqa: A002 - the field's name
    name: str,
    kind: CooperationKind,
    founders: tuple[str, ...],
) -> CooperationStructure:
    """Make a :class:`~poles_policy.model.actors.CooperationStructure`."""
    valid = (
        plain_id(id)
        and readable(name)
        and all(plain_id(f) for f in founders)
        and len(set(founders)) == len(founders)
    )
    make = _COOPERATION_STRUCTURE if valid else CooperationStructure
    return make(id=id, name=name, kind=kind, founders=founders)


def local_authority(
    *,
    id: str,  # noqa: A002 - the field's name
    name: str,
    level: AuthorityLevel,
    region: str | None,
) -> LocalAuthority:
    """Make a :class:`~poles_policy.model.actors.LocalAuthority`."""
    valid = plain_id(id) and readable(name) and (region is None or is_region_code(region))
    make = _LOCAL_AUTHORITY if valid else LocalAuthority
    return make(id=id, name=name, level=level, region=region)


def state_body(
    *,
    id: str,  # noqa: A002 - the field's name
    name: str,
    kind: StateKind,
    region: str | None,
) -> StateBody:
    """Make a :class:`~poles_policy.model.actors.StateBody`."""
    valid = plain_id(id) and readable(name) and (region is None or is_region_code(region))
    make = _STATE_BODY if valid else StateBody
    return make(id=id, name=name, kind=kind, region=region)


def bank(*, id: str, name: str) -> Bank:  # noqa: A002 - the field's name
    """Make a :class:`~poles_policy.model.actors.Bank`."""
    make = _BANK if plain_id(id) and readable(name) else Bank
    return make(id=id, name=name)


def oseo(*, id: str, name: str) -> Oseo:  # noqa: A002 - the field's name
    """Make an :class:`~poles_policy.model.actors.Oseo`."""
    make = _OSEO if plain_id(id) and readable(name) else Oseo
    return make(id=id, name=name)


# --- projects --------------------------------------------------------------------------------

_PROJECT_PARTNER = _storing(ProjectPartner)
_POLE_LABEL = _storing(PoleLabel)
_SCHEDULED_PAYMENT = _storing(ScheduledPayment)
_PAYMENT = _storing(Payment)
_PARTNER_AID = _storing(PartnerAid)
_AID_DECISION = _storing(AidDecision)
_COLLABORATIVE_PROJECT = _storing(CollaborativeProject)


def project_partner(
    *, actor: Actor, role: PartnerRole, eligible_costs: Decimal | None
) -> ProjectPartner:
    """Make a :class:`~poles_policy.model.projects.ProjectPartner`."""
    make = (
        _PROJECT_PARTNER if eligible_costs is None or _unsigned(eligible_costs) else ProjectPartner
    )
    return make(actor=actor, role=role, eligible_costs=eligible_costs)


def pole_label(*, pole_id: str, labelled_on: date | None) -> PoleLabel:
    """Make a :class:`~poles_policy.model.projects.PoleLabel`."""
    make = _POLE_LABEL if plain_id(pole_id) else PoleLabel
    return make(pole_id=pole_id, labelled_on=labelled_on)


def scheduled_payment(
    *, kind: PaymentKind, amount: Decimal, expected_on: date | None
) -> ScheduledPayment:
    """Make a :class:`~poles_policy.model.projects.ScheduledPayment`."""
    make = _SCHEDULED_PAYMENT if _unsigned(amount) else ScheduledPayment
    return make(kind=kind, amount=amount, expected_on=expected_on)


def payment(*, paid_on: date, amount: Decimal) -> Payment:
    """Make a :class:`~poles_policy.model.projects.Payment`."""
    make = _PAYMENT if _unsigned(amount) else Payment
    return make(paid_on=paid_on, amount=amount)


def _within(granted: Decimal, payments: tuple[Payment, ...]) -> bool:
    # The same running sum as PartnerAid's validator: each payment at most what remains.
    paid: Decimal = ZERO
    for each in payments:
        if each.amount > granted - paid:
            return False
        paid += each.amount
    return True


def partner_aid(
    *,
    partner_id: str,
    granted: Decimal,
    schedule: tuple[ScheduledPayment, ...],
    payments: tuple[Payment, ...],
) -> PartnerAid:
    """Make a :class:`~poles_policy.model.projects.PartnerAid`."""
    if len(payments) > 1:
        payments = _BY_PAYMENT_DATE(payments)
    valid = (
        plain_id(partner_id)
        and _unsigned(granted)
        and (not schedule or total(s.amount for s in schedule) <= granted)
        and (not payments or _within(granted, payments))
    )
    make = _PARTNER_AID if valid else PartnerAid
    return make(partner_id=partner_id, granted=granted, schedule=schedule, payments=payments)


def aid_decision(
    *,
    funder: Funder,
    scheme: str,
    call: str | None,
    decided_on: date | None,
    partners: tuple[PartnerAid, ...],
) -> AidDecision:
    """Make an :class:`~poles_policy.model.projects.AidDecision`."""
    valid = (
        readable(scheme)
        and (call is None or readable(call))  # as optional_text: "" and " " go to the class
        and (len(partners) < 2 or len({a.partner_id for a in partners}) == len(partners))
        and (decided_on is None or not any(_dated_before(a, decided_on) for a in partners))
    )
    make = _AID_DECISION if valid else AidDecision
    return make(funder=funder, scheme=scheme, call=call, decided_on=decided_on, partners=partners)


def _dated_before(aid: PartnerAid, decided_on: date) -> bool:
    """Whether a payment or a dated instalment of *aid* comes before *decided_on*."""
    return any(p.paid_on < decided_on for p in aid.payments) or any(
        s.expected_on is not None and s.expected_on < decided_on for s in aid.schedule
    )


def _project_is_valid(
    id: str,  # noqa: A002 - the field's name
    name: str,
    partners: tuple[ProjectPartner, ...],
    labels: tuple[PoleLabel, ...],
    aid: tuple[AidDecision, ...] | None,
) -> bool:
    if not (plain_id(id) and readable(name)):
        return False
    partner_ids = {p.actor.id for p in partners}
    if len(partner_ids) != len(partners):
        return False
    if sum(p.role is PartnerRole.LEAD for p in partners) > 1:
        return False
    if len(labels) > 1 and len({label.pole_id for label in labels}) != len(labels):
        return False
    if aid is not None and len(aid) > 1 and repeated_decision(aid) is not None:
        return False
    return all(a.partner_id in partner_ids for decision in aid or () for a in decision.partners)


def collaborative_project(  # noqa: PLR0913 - one argument per field of the class
    *,
    id: str,  # noqa: A002 - the field's name
    name: str,
    partners: tuple[ProjectPartner, ...],
    labels: tuple[PoleLabel, ...],
    aid: tuple[AidDecision, ...] | None,
    selection_letter_on: date | None,
) -> CollaborativeProject:
    """Make a :class:`~poles_policy.model.projects.CollaborativeProject`."""
    valid = _project_is_valid(id, name, partners, labels, aid)
    make = _COLLABORATIVE_PROJECT if valid else CollaborativeProject
    return make(
        id=id,
        name=name,
        partners=partners,
        labels=labels,
        aid=aid,
        selection_letter_on=selection_letter_on,
    )


# --- relay financing -------------------------------------------------------------------------

_RELAY_REQUEST = _storing(RelayRequest)
_RELAY_LOAN = _storing(RelayLoan)
_RELAY_CASE = _storing(RelayCase)


def relay_request(  # noqa: PLR0913 - one argument per field of the class
    *,
    id: str,  # noqa: A002 - the field's name
    applicant: Actor,
    project: CollaborativeProject,
    requested_on: date,
    amount: Decimal,
    bank: Bank | None,
    oseo_counter_guarantee: bool | None,
) -> RelayRequest:
    """Make a :class:`~poles_policy.model.relay.RelayRequest`."""
    make = _RELAY_REQUEST if plain_id(id) and amount > ZERO else RelayRequest
    return make(
        id=id,
        applicant=applicant,
        project=project,
        requested_on=requested_on,
        amount=amount,
        bank=bank,
        oseo_counter_guarantee=oseo_counter_guarantee,
    )


def relay_loan(  # noqa: PLR0913 - one argument per field of the class
    *,
    request_id: str,
    disbursed_on: date,
    principal: Decimal,
    annual_rate: Decimal,
    fees: Decimal | None,
    repaid_from_subsidy: bool,
    repaid_on: date | None,
) -> RelayLoan:
    """Make a :class:`~poles_policy.model.relay.RelayLoan`."""
    valid = (
        plain_id(request_id)
        and principal > ZERO
        and ZERO <= annual_rate <= _ONE
        and (fees is None or _unsigned(fees))
        and (repaid_on is None or (not repaid_from_subsidy and repaid_on > disbursed_on))
    )
    make = _RELAY_LOAN if valid else RelayLoan
    return make(
        request_id=request_id,
        disbursed_on=disbursed_on,
        principal=principal,
        annual_rate=annual_rate,
        fees=fees,
        repaid_from_subsidy=repaid_from_subsidy,
        repaid_on=repaid_on,
    )


def relay_case(*, case_id: str, request: RelayRequest, loan: RelayLoan | None) -> RelayCase:
    """Make a :class:`~poles_policy.model.cases.RelayCase`."""
    partner = request.project.partner(request.applicant.id)
    valid = (
        plain_id(case_id)
        and request.id == case_id
        and (partner is None or partner.actor == request.applicant)
        and (
            loan is None
            or (
                loan.request_id == request.id
                and loan.principal <= request.amount
                and loan.disbursed_on >= request.requested_on
            )
        )
    )
    make = _RELAY_CASE if valid else RelayCase
    return make(case_id=case_id, request=request, loan=loan)
