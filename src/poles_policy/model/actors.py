"""
The actors of the policy.

Enterprises, research bodies, cooperation structures, local authorities,
the State, banks and OSEO.

Every actor has a stable ``id`` (unique within a case) and a ``name``. Facts
that may be unknown when a case is first entered are ``None``: the rules
then answer UNDETERMINED and ask for them, instead of guessing.
"""

from __future__ import annotations

import enum
import numbers
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

import attrs

from poles_policy.exceptions import InvalidInputError, WrongTypeError
from poles_policy.model._validators import (
    a_date,
    an_id,
    boolean,
    ids,
    is_a,
    items,
    non_empty,
    non_negative,
    share,
    strings,
    to_bool,
    to_eur,
    to_optional_share,
    to_share,
    unique,
)
from poles_policy.model.regions import is_region_code
from poles_policy.money import Eur, Rate

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "Accounts",
    "Actor",
    "AuthorityLevel",
    "Bank",
    "CooperationKind",
    "CooperationStructure",
    "Enterprise",
    "LocalAuthority",
    "Oseo",
    "RelatedEnterprise",
    "ResearchKind",
    "ResearchOrganisation",
    "StateBody",
    "StateKind",
    "actor_region",
    "public_by_kind",
]


def _awu(value: Decimal | int | str) -> Decimal:
    if isinstance(value, (bool, float)):
        kind = type(value).__name__
        msg = f"Accounts.staff_awu: {value!r} is a {kind}; give annual work units exactly"
        raise InvalidInputError(msg)
    given: object = value
    exact = type(given) in (Decimal, int, str)
    if not exact and isinstance(given, numbers.Integral):
        return Decimal(int(given))  # NumPy's int64, say: exact
    if not isinstance(given, (Decimal, int, str)):
        msg = f"Accounts.staff_awu: {value!r} of type {type(value).__name__} is not a number"
        raise WrongTypeError(msg)
    try:
        staff = Decimal(given)
    except InvalidOperation:
        msg = f"Accounts.staff_awu: {value!r} is not a decimal number"
        raise InvalidInputError(msg) from None
    if not staff.is_finite():
        msg = f"Accounts.staff_awu: {value!r} is not a finite number"
        raise InvalidInputError(msg)
    return staff


def _region(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse a region that is neither ``None`` (not known) nor a known INSEE region code."""
    if value is None or is_region_code(value):
        return
    owner = f"{type(instance).__name__}.{attribute.name}"
    if not isinstance(value, str):
        msg = f"{owner}: {value!r} is not a region code (a string such as '82') nor None"
        raise WrongTypeError(msg)
    msg = f"{owner}: {value!r} is not an INSEE region code such as '82'"
    raise InvalidInputError(msg)


@attrs.frozen(kw_only=True)
class Accounts:
    """
    One closed accounting period of an enterprise.

    It holds the figures of the EU SME test (Recommendation 2003/361/EC).

    Attributes:
        period_end: The closing date of the period (exercice comptable).
        staff_awu: Staff in annual work units (unités de travail annuel).
        turnover: Annual turnover (chiffre d'affaires), in euros.
        balance_sheet: Balance-sheet total (total du bilan), in euros.
    """

    period_end: date = attrs.field(validator=a_date)
    staff_awu: Decimal = attrs.field(converter=_awu, validator=non_negative)
    turnover: Eur = attrs.field(converter=to_eur, validator=non_negative)
    balance_sheet: Eur = attrs.field(converter=to_eur, validator=non_negative)


def _sorted_accounts(values: Iterable[Accounts], owner: str) -> tuple[Accounts, ...]:
    return tuple(sorted(items(values, Accounts, f"{owner}.accounts"), key=lambda a: a.period_end))


def _related_accounts(values: Iterable[Accounts]) -> tuple[Accounts, ...]:
    return _sorted_accounts(values, "RelatedEnterprise")


def _accounts(values: Iterable[Accounts]) -> tuple[Accounts, ...]:
    return _sorted_accounts(values, "Enterprise")


def _distinct_periods(
    instance: object, _: attrs.Attribute[Any], value: tuple[Accounts, ...]
) -> None:
    unique(
        "accounting period",
        f"{type(instance).__name__}.accounts",
        (a.period_end.isoformat() for a in value),
    )


@attrs.frozen(kw_only=True)
class RelatedEnterprise:
    """
    An enterprise linked to another by capital or voting rights.

    Attributes:
        name: Its name.
        share: The higher of the capital or voting-rights share held, in
            either direction (0..1). The SME rule classes it: partner from
            25 % to 50 %, linked above 50 %.
        accounts: Its own accounting periods.
        exempt_investor: True for the investors the Recommendation lets
            hold up to 50 % without making the firm a partner (public
            investment corporations, venture capital, business angels,
            universities, institutional investors).
    """

    name: str = attrs.field(validator=non_empty)
    share: Rate = attrs.field(converter=to_share, validator=share)
    accounts: tuple[Accounts, ...] = attrs.field(
        default=(), converter=_related_accounts, validator=_distinct_periods
    )
    exempt_investor: bool = attrs.field(default=False, converter=to_bool, validator=boolean)


def _related(values: Iterable[RelatedEnterprise]) -> tuple[RelatedEnterprise, ...]:
    return items(values, RelatedEnterprise, "Enterprise.related")


def _distinct_related(
    _: object, __: attrs.Attribute[Any], value: tuple[RelatedEnterprise, ...]
) -> None:
    # An enterprise is held at one share: given twice, its staff and figures would be added twice.
    # Its name is compared without regard to case or blanks: "Holding SA" and "HOLDING  SA ".
    seen: dict[str, int] = {}
    for position, related in enumerate(value):
        first = seen.setdefault(same_name(related.name), position)
        if first != position:
            msg = (
                f"Enterprise.related: related enterprise {related.name!r} appears twice (items "
                f"{first} and {position})"
            )
            raise InvalidInputError(msg)


def same_name(name: str) -> str:
    """*name* as compared with another: without regard to case or to blanks."""
    return " ".join(name.split()).casefold()


@attrs.frozen(kw_only=True)
class Enterprise:
    """
    An enterprise: any entity engaged in an economic activity.

    Whatever its legal form; RELAY.2 beneficiaries are enterprises.

    Attributes:
        id: Stable identifier within a case (e.g. the SIREN number).
        name: Company name (raison sociale).
        region: INSEE code of the region of the establishment carrying the
            project, or ``None`` if not yet known.
        accounts: Closed accounting periods, oldest first.
        related: Partner and linked enterprises, with their shares.
        public_bodies_share: Share of capital or voting rights held by
            public bodies, or ``None`` if unknown.
    """

    id: str = attrs.field(validator=an_id)
    name: str = attrs.field(validator=non_empty)
    region: str | None = attrs.field(default=None, validator=_region)
    accounts: tuple[Accounts, ...] = attrs.field(
        default=(), converter=_accounts, validator=_distinct_periods
    )
    related: tuple[RelatedEnterprise, ...] = attrs.field(
        default=(), converter=_related, validator=_distinct_related
    )
    public_bodies_share: Rate | None = attrs.field(
        default=None, converter=to_optional_share, validator=share
    )


class ResearchKind(enum.Enum):
    """The kinds of research and training bodies."""

    PUBLIC_RESEARCH = "public_research"
    """Public research organisation (organisme public de recherche)."""
    HIGHER_EDUCATION = "higher_education"
    """University or grande école (établissement d'enseignement supérieur)."""
    LABORATORY = "laboratory"
    """A research unit (laboratoire)."""
    TRAINING_BODY = "training_body"
    """A training body (organisme de formation)."""
    PRIVATE_NON_PROFIT = "private_non_profit"
    """A private non-profit research centre."""


def public_by_kind(kind: ResearchKind) -> bool:
    """
    Return whether a body of *kind* is a public establishment unless told otherwise.

    A private non-profit research centre is not; every other kind is
    (:attr:`ResearchOrganisation.public` defaults to this).

    >>> public_by_kind(ResearchKind.PRIVATE_NON_PROFIT), public_by_kind(ResearchKind.LABORATORY)
    (False, True)
    """
    return kind is not ResearchKind.PRIVATE_NON_PROFIT


def _public_of_its_kind(organisation: ResearchOrganisation) -> bool:
    return public_by_kind(organisation.kind)


def _private_is_not_public(
    instance: ResearchOrganisation, _: attrs.Attribute[Any], value: object
) -> None:
    if value is True and instance.kind is ResearchKind.PRIVATE_NON_PROFIT:
        msg = (
            f"ResearchOrganisation.public: {instance.id!r}, a private non-profit research "
            "centre (kind private_non_profit), is not a public establishment; leave public out: "
            "it follows the kind"
        )
        raise InvalidInputError(msg)


@attrs.frozen(kw_only=True)
class ResearchOrganisation:
    """
    A research or training body: never an enterprise for RELAY.2.

    Whether it is public follows its kind unless given: a private non-profit
    centre is not public, the other kinds are (a laboratory or a training
    body may be given ``public=False``). A private non-profit centre said to
    be public is refused. ``attrs.evolve`` copies ``public`` as it is,
    so change the two together when changing the kind.

    Attributes:
        id: Stable identifier within a case.
        name: Its name.
        kind: What kind of body it is.
        public: True for a public establishment (SYN.3 asks these to involve
            their cooperation structures); by default, False for a private
            non-profit centre and True for the other kinds
            (:func:`public_by_kind`).
        region: INSEE region code, if known.

    Raises:
        WrongTypeError: If a field is of the wrong type (``public="yes"``).
        InvalidInputError: If a field breaks an invariant, such as
            ``public=True`` for a private non-profit centre.

    >>> ResearchOrganisation(id="c", name="Centre", kind=ResearchKind.PRIVATE_NON_PROFIT).public
    False
    >>> ResearchOrganisation(
    ...     id="c", name="Centre", kind=ResearchKind.PRIVATE_NON_PROFIT, public=True
    ... )
    Traceback (most recent call last):
    ...
    poles_policy.exceptions.InvalidInputError: ResearchOrganisation.public: 'c', a private non-profit research centre (kind private_non_profit), is not a public establishment; leave public out: it follows the kind
    """  # noqa: E501 - a doctest's traceback line cannot wrap

    id: str = attrs.field(validator=an_id)
    name: str = attrs.field(validator=non_empty)
    kind: ResearchKind = attrs.field(validator=is_a(ResearchKind))
    public: bool = attrs.field(
        default=attrs.Factory(_public_of_its_kind, takes_self=True),
        converter=to_bool,
        validator=[boolean, _private_is_not_public],
    )
    region: str | None = attrs.field(default=None, validator=_region)


class CooperationKind(enum.Enum):
    """Cooperation and coordination structures named by SYN.1 and SYN.3."""

    PRES = "pres"
    """Pôle de recherche et d'enseignement supérieur."""
    RTRA = "rtra"
    """Réseau thématique de recherche avancée."""
    CTRS = "ctrs"
    """Centre (or réseau) thématique de recherche et de soins."""
    INSTITUT_CARNOT = "institut_carnot"
    """An institute holding the Carnot label."""
    TECH_TRANSFER = "tech_transfer"
    """Shared technology-transfer structure (structure mutualisée de valorisation)."""
    INCUBATOR = "incubator"
    """Public incubator."""


def _founders(values: Iterable[str]) -> tuple[str, ...]:
    return strings(values, "CooperationStructure.founders")


def _distinct_founders(instance: object, _: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    owner = f"{type(instance).__name__}.founders"
    unique("founder", owner, value)
    own = getattr(instance, "id", None)
    if own in value:
        # The founders are the establishments that set the structure up, not the structure.
        msg = f"{owner}: item {value.index(own)} is the structure itself ({own!r})"
        raise InvalidInputError(msg)


@attrs.frozen(kw_only=True)
class CooperationStructure:
    """
    A cooperation structure set up by public research establishments (SYN.3).

    Attributes:
        id: Stable identifier within a case.
        name: Its name.
        kind: PRES, RTRA, CTRS, Institut Carnot, shared transfer structure or incubator.
        founders: Ids of the establishments that set it up.
    """

    id: str = attrs.field(validator=an_id)
    name: str = attrs.field(validator=non_empty)
    kind: CooperationKind = attrs.field(validator=is_a(CooperationKind))
    founders: tuple[str, ...] = attrs.field(
        default=(), converter=_founders, validator=[ids, _distinct_founders]
    )


class AuthorityLevel(enum.Enum):
    """Levels of local authority (collectivités territoriales)."""

    REGION = "region"
    DEPARTEMENT = "departement"
    COMMUNE = "commune"
    INTERCOMMUNAL = "intercommunal"
    """Inter-communal body (établissement public de coopération intercommunale)."""


@attrs.frozen(kw_only=True)
class LocalAuthority:
    """
    A local authority (collectivité territoriale).

    Party to performance contracts (GOV.1) and funder of pôles and projects.

    Attributes:
        id: Stable identifier within a case.
        name: E.g. "Région Rhône-Alpes".
        level: Region, département, commune or inter-communal body.
        region: INSEE code of the region it lies in.
    """

    id: str = attrs.field(validator=an_id)
    name: str = attrs.field(validator=non_empty)
    level: AuthorityLevel = attrs.field(validator=is_a(AuthorityLevel))
    region: str | None = attrs.field(default=None, validator=_region)


class StateKind(enum.Enum):
    """The State bodies the policy names."""

    MINISTRY = "ministry"
    PREFET_DE_REGION = "prefet_de_region"
    """The State's representative in a region, who signs performance contracts."""
    AGENCY = "agency"
    """A State agency or operator (e.g. the DGCIS managing the FUI)."""


@attrs.frozen(kw_only=True)
class StateBody:
    """
    The State, as a ministry, a préfet de région or an agency.

    Attributes:
        id: Stable identifier within a case.
        name: E.g. "Préfet de la région Rhône-Alpes".
        kind: Ministry, préfet de région or agency.
        region: For a préfet de région, the INSEE code of the region.
    """

    id: str = attrs.field(validator=an_id)
    name: str = attrs.field(validator=non_empty)
    kind: StateKind = attrs.field(validator=is_a(StateKind))
    region: str | None = attrs.field(default=None, validator=_region)


@attrs.frozen(kw_only=True)
class Bank:
    """
    A bank (établissement bancaire) that grants relay financing (RELAY.4).

    Attributes:
        id: Stable identifier within a case.
        name: Its name.
    """

    id: str = attrs.field(validator=an_id)
    name: str = attrs.field(validator=non_empty)


@attrs.frozen(kw_only=True)
class Oseo:
    """
    OSEO, the public innovation and SME financing body.

    It may counter-guarantee a bank's relay advance (RELAY.5).

    Attributes:
        id: Stable identifier within a case.
        name: E.g. "OSEO Rhône-Alpes" (a regional office).
    """

    id: str = attrs.field(validator=an_id)
    name: str = attrs.field(validator=non_empty)


Actor = (
    Enterprise
    | ResearchOrganisation
    | CooperationStructure
    | LocalAuthority
    | StateBody
    | Bank
    | Oseo
)
"""Any actor of the policy."""


def actor_region(actor: Actor) -> str | None:
    """
    Return the INSEE region code of *actor*, or ``None`` when it has none or it is unknown.

    Banks, OSEO offices and cooperation structures carry no region.

    >>> actor_region(Enterprise(id="a", name="ACME", region="82"))
    '82'
    >>> actor_region(Bank(id="b", name="Banque"))
    """
    if isinstance(actor, (Enterprise, ResearchOrganisation, LocalAuthority, StateBody)):
        return actor.region
    return None
