"""
JSON models of the actors (enterprises, research bodies, authorities, banks, OSEO).

Each model mirrors a class of :mod:`poles_policy.model.actors` with
``to_domain()`` and ``from_domain()``. An actor in a list or a field is
tagged by ``kind`` (``"enterprise"``, ``"research_organisation"``,
``"cooperation_structure"``, ``"local_authority"``, ``"state"``, ``"bank"``,
``"oseo"``): :data:`ActorModel` is that discriminated union. Where the domain
class has a ``kind`` of its own, the JSON field is named after it
(``research_kind``, ``structure_kind``, ``state_kind``).

An invariant the domain refuses (a negative staff count, a period given
twice) surfaces from ``to_domain()`` as an
:class:`~poles_policy.exceptions.InvalidInputError` whose message starts
with the JSON path of the offending object, e.g.
``related.0.accounts.1: Accounts.turnover: -5.00 is negative``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, PlainSerializer, TypeAdapter, ValidationError
from pydantic import WithJsonSchema as _Schema

from poles_policy.boundary._base import (
    IsoDate,
    Model,
    Money,
    RegionCode,
    Share,
    build_each,
    describe,
    exact_decimal,
)
from poles_policy.exceptions import InvalidInputError
from poles_policy.model.actors import (
    Accounts,
    Actor,
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

__all__ = [
    "AccountsModel",
    "ActorIn",
    "ActorModel",
    "BankModel",
    "CooperationStructureModel",
    "EnterpriseModel",
    "LocalAuthorityModel",
    "OseoModel",
    "RelatedEnterpriseModel",
    "ResearchOrganisationModel",
    "StateBodyModel",
    "actor_from_domain",
    "actor_from_json",
    "actor_to_domain",
]


def _awu(value: object) -> Decimal:
    return exact_decimal(value, "staff (annual work units)")


Awu = Annotated[
    Decimal,
    BeforeValidator(_awu),
    PlainSerializer(lambda d: format(d, "f"), return_type=str, when_used="json"),
    _Schema(
        {
            "anyOf": [{"type": "number"}, {"type": "string", "pattern": r"^-?\d+(\.\d+)?$"}],
            "description": "Staff in annual work units (a number or a decimal string).",
        }
    ),
]
"""Staff in annual work units: exact, a JSON number or a decimal string in, a string out."""


class AccountsModel(Model):
    """One closed accounting period: staff (AWU), turnover and balance-sheet total."""

    period_end: IsoDate
    staff_awu: Awu
    turnover: Money
    balance_sheet: Money

    def to_domain(self) -> Accounts:
        """Build the domain object."""
        return Accounts(
            period_end=self.period_end,
            staff_awu=self.staff_awu,
            turnover=self.turnover,
            balance_sheet=self.balance_sheet,
        )

    @classmethod
    def from_domain(cls, obj: Accounts) -> AccountsModel:
        """Describe *obj* for JSON."""
        return cls(
            period_end=obj.period_end,
            staff_awu=obj.staff_awu,
            turnover=obj.turnover,
            balance_sheet=obj.balance_sheet,
        )


class RelatedEnterpriseModel(Model):
    """A partner or linked enterprise, with the share held and its own accounts."""

    name: str
    share: Share
    accounts: tuple[AccountsModel, ...] = ()
    exempt_investor: bool = False

    def to_domain(self) -> RelatedEnterprise:
        """Build the domain object."""
        return RelatedEnterprise(
            name=self.name,
            share=self.share,
            accounts=build_each("accounts", self.accounts, AccountsModel.to_domain),
            exempt_investor=self.exempt_investor,
        )

    @classmethod
    def from_domain(cls, obj: RelatedEnterprise) -> RelatedEnterpriseModel:
        """Describe *obj* for JSON."""
        return cls(
            name=obj.name,
            share=obj.share,
            accounts=tuple(AccountsModel.from_domain(a) for a in obj.accounts),
            exempt_investor=obj.exempt_investor,
        )


class EnterpriseModel(Model):
    """An enterprise, with the facts of the EU SME test; ``null`` means unknown."""

    kind: Literal["enterprise"] = "enterprise"
    id: str
    name: str
    region: RegionCode | None = None
    accounts: tuple[AccountsModel, ...] = ()
    related: tuple[RelatedEnterpriseModel, ...] = ()
    public_bodies_share: Share | None = None

    def to_domain(self) -> Enterprise:
        """Build the domain object."""
        return Enterprise(
            id=self.id,
            name=self.name,
            region=self.region,
            accounts=build_each("accounts", self.accounts, AccountsModel.to_domain),
            related=build_each("related", self.related, RelatedEnterpriseModel.to_domain),
            public_bodies_share=self.public_bodies_share,
        )

    @classmethod
    def from_domain(cls, obj: Enterprise) -> EnterpriseModel:
        """Describe *obj* for JSON."""
        return cls(
            id=obj.id,
            name=obj.name,
            region=obj.region,
            accounts=tuple(AccountsModel.from_domain(a) for a in obj.accounts),
            related=tuple(RelatedEnterpriseModel.from_domain(r) for r in obj.related),
            public_bodies_share=obj.public_bodies_share,
        )


class ResearchOrganisationModel(Model):
    """A research or training body; ``research_kind`` is the domain's ``kind``."""

    kind: Literal["research_organisation"] = "research_organisation"
    id: str
    name: str
    research_kind: ResearchKind
    public: bool = True
    region: RegionCode | None = None

    def to_domain(self) -> ResearchOrganisation:
        """Build the domain object."""
        return ResearchOrganisation(
            id=self.id,
            name=self.name,
            kind=self.research_kind,
            public=self.public,
            region=self.region,
        )

    @classmethod
    def from_domain(cls, obj: ResearchOrganisation) -> ResearchOrganisationModel:
        """Describe *obj* for JSON."""
        return cls(
            id=obj.id, name=obj.name, research_kind=obj.kind, public=obj.public, region=obj.region
        )


class CooperationStructureModel(Model):
    """A cooperation structure (PRES, RTRA, ...); ``structure_kind`` is the domain's ``kind``."""

    kind: Literal["cooperation_structure"] = "cooperation_structure"
    id: str
    name: str
    structure_kind: CooperationKind
    founders: tuple[str, ...] = ()

    def to_domain(self) -> CooperationStructure:
        """Build the domain object."""
        return CooperationStructure(
            id=self.id, name=self.name, kind=self.structure_kind, founders=self.founders
        )

    @classmethod
    def from_domain(cls, obj: CooperationStructure) -> CooperationStructureModel:
        """Describe *obj* for JSON."""
        return cls(id=obj.id, name=obj.name, structure_kind=obj.kind, founders=obj.founders)


class LocalAuthorityModel(Model):
    """A local authority (collectivité territoriale)."""

    kind: Literal["local_authority"] = "local_authority"
    id: str
    name: str
    level: AuthorityLevel
    region: RegionCode | None = None

    def to_domain(self) -> LocalAuthority:
        """Build the domain object."""
        return LocalAuthority(id=self.id, name=self.name, level=self.level, region=self.region)

    @classmethod
    def from_domain(cls, obj: LocalAuthority) -> LocalAuthorityModel:
        """Describe *obj* for JSON."""
        return cls(id=obj.id, name=obj.name, level=obj.level, region=obj.region)


class StateBodyModel(Model):
    """The State (ministry, préfet de région, agency); ``state_kind`` is the domain's ``kind``."""

    kind: Literal["state"] = "state"
    id: str
    name: str
    state_kind: StateKind
    region: RegionCode | None = None

    def to_domain(self) -> StateBody:
        """Build the domain object."""
        return StateBody(id=self.id, name=self.name, kind=self.state_kind, region=self.region)

    @classmethod
    def from_domain(cls, obj: StateBody) -> StateBodyModel:
        """Describe *obj* for JSON."""
        return cls(id=obj.id, name=obj.name, state_kind=obj.kind, region=obj.region)


class BankModel(Model):
    """A bank granting relay financing."""

    kind: Literal["bank"] = "bank"
    id: str
    name: str

    def to_domain(self) -> Bank:
        """Build the domain object."""
        return Bank(id=self.id, name=self.name)

    @classmethod
    def from_domain(cls, obj: Bank) -> BankModel:
        """Describe *obj* for JSON."""
        return cls(id=obj.id, name=obj.name)


class OseoModel(Model):
    """OSEO (or one of its regional offices)."""

    kind: Literal["oseo"] = "oseo"
    id: str
    name: str

    def to_domain(self) -> Oseo:
        """Build the domain object."""
        return Oseo(id=self.id, name=self.name)

    @classmethod
    def from_domain(cls, obj: Oseo) -> OseoModel:
        """Describe *obj* for JSON."""
        return cls(id=obj.id, name=obj.name)


ActorModel = Annotated[
    EnterpriseModel
    | ResearchOrganisationModel
    | CooperationStructureModel
    | LocalAuthorityModel
    | StateBodyModel
    | BankModel
    | OseoModel,
    Field(discriminator="kind"),
]
"""Any actor, tagged by its ``kind`` field (a discriminated union)."""

ActorIn = ActorModel
"""The same union, named for input: ``actors: list[ActorIn]``."""

_ACTOR_ADAPTER: TypeAdapter[ActorModel] = TypeAdapter(ActorModel)


def actor_to_domain(model: ActorModel) -> Actor:
    """
    Build the domain actor of *model*, whatever its kind.

    Raises:
        InvalidInputError: If the domain refuses a value (the message starts
            with the JSON path inside the actor, when there is one).
    """
    return model.to_domain()


def actor_from_domain(actor: Actor) -> ActorModel:  # noqa: PLR0911 - one return per kind
    """Describe the domain *actor* for JSON, tagged with its ``kind``."""
    match actor:
        case Enterprise():
            return EnterpriseModel.from_domain(actor)
        case ResearchOrganisation():
            return ResearchOrganisationModel.from_domain(actor)
        case CooperationStructure():
            return CooperationStructureModel.from_domain(actor)
        case LocalAuthority():
            return LocalAuthorityModel.from_domain(actor)
        case StateBody():
            return StateBodyModel.from_domain(actor)
        case Bank():
            return BankModel.from_domain(actor)
        case Oseo():
            return OseoModel.from_domain(actor)


def actor_from_json(data: str | bytes) -> Actor:
    """
    Parse one actor from JSON (tagged by ``kind``) and build the domain object.

    Raises:
        InvalidInputError: Naming the path of each bad field and why.
    """
    try:
        model = _ACTOR_ADAPTER.validate_json(data)
    except ValidationError as exc:
        raise InvalidInputError(describe(exc)) from None
    return actor_to_domain(model)
