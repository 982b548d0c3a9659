"""
JSON models of the actors (enterprises, research bodies, authorities, banks, OSEO).

Each model mirrors a class of :mod:`poles_policy.model.actors` with
``to_domain()`` and ``from_domain()``. An actor in a list or a field is
tagged by ``kind`` (``"enterprise"``, ``"research_organisation"``,
``"cooperation_structure"``, ``"local_authority"``, ``"state"``, ``"bank"``,
``"oseo"``): :data:`ActorModel` is that discriminated union. Where the domain
class has a ``kind`` of its own, the JSON field is named after it
(``research_kind``, ``structure_kind``, ``state_kind``).

An invariant the domain refuses (an empty name, a period given twice, a
private non-profit centre said to be public) surfaces from ``to_domain()``
as an :class:`~poles_policy.exceptions.InvalidInputError` whose message
starts with the JSON path of the offending field, items counted as written
in the document: ``accounts.2: accounting period '2009-12-31' appears twice
(items 0 and 2)``, or ``related.0.accounts.1: ...`` for a related
enterprise's.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Final, Literal, get_args

from pydantic import Field, PlainSerializer, TypeAdapter, ValidationError
from pydantic import WithJsonSchema as _Schema

from poles_policy._arguments import refuse, wrong_type
from poles_policy.boundary._base import (
    PLAIN_NON_NEGATIVE,
    Flag,
    IsoDate,
    Model,
    Money,
    PlainInJson,
    RegionCode,
    Share,
    build_each,
    distinct,
    document_error,
    exact_decimal,
    from_domain_of,
    refuse_duplicate_keys,
    register_union_tags,
)
from poles_policy.model import _assembly as assembly
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
    "ACTOR_TAGS",
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
    staff = exact_decimal(value, "staff (annual work units)")
    if staff < 0:
        msg = f"staff (annual work units) {value} is negative"
        raise ValueError(msg)
    return staff


Awu = Annotated[
    Decimal,
    PlainInJson(PLAIN_NON_NEGATIVE, _awu),
    PlainSerializer(lambda d: format(d, "f"), return_type=str, when_used="json"),
    _Schema(
        {
            "anyOf": [
                {"type": "number", "minimum": 0},
                {"type": "string", "pattern": r"^(-?0+(\.0+)?|[0-9]+(\.[0-9]+)?)$"},
            ],
            "description": (
                "Staff in annual work units, non-negative (a number or a decimal string)."
            ),
        }
    ),
]
"""Staff in annual work units: exact, a JSON number or a decimal string in, a string out."""


class AccountsModel(Model):
    """
    One closed accounting period (exercice comptable) of an enterprise.

    It holds the figures of the EU SME test (Recommendation 2003/361/EC):
    staff in annual work units, turnover and balance-sheet total.
    """

    period_end: IsoDate = Field(
        description=(
            "Closing date of the accounting period (date de clôture de l'exercice). ISO date "
            "YYYY-MM-DD. One period per date; the SME test reads only the periods closed on or "
            "before the case's date."
        )
    )
    staff_awu: Awu = Field(
        description=(
            "Staff in annual work units (unités de travail annuel, UTA): a full-time person "
            "employed all year counts 1, part-time and seasonal work count as fractions. Exact, "
            'non-negative; a number or a decimal string such as "41.5" (written back as a string).'
        )
    )
    turnover: Money = Field(
        description=(
            "Annual turnover of the period (chiffre d'affaires), in euros exact to the cent, "
            'non-negative; a number or a decimal string such as "4850000.00".'
        )
    )
    balance_sheet: Money = Field(
        description=(
            "Balance-sheet total at the period end (total du bilan), in euros exact to the cent, "
            "non-negative; a number or a decimal string."
        )
    )

    def to_domain(self) -> Accounts:
        """Build the domain object."""
        return assembly.accounts(
            period_end=self.period_end,
            staff_awu=self.staff_awu,
            turnover=self.turnover,
            balance_sheet=self.balance_sheet,
        )

    @classmethod
    @from_domain_of(Accounts)
    def from_domain(cls, obj: Accounts) -> AccountsModel:
        """Describe *obj* for JSON."""
        return cls(
            period_end=obj.period_end,
            staff_awu=obj.staff_awu,
            turnover=obj.turnover,
            balance_sheet=obj.balance_sheet,
        )


def _distinct_periods(accounts: tuple[AccountsModel, ...]) -> None:
    """
    Refuse a closing date given twice, at the document's path of its second occurrence.

    The domain refuses it too, but counts the periods oldest first, as it
    keeps them; the document's path counts them as written.
    """
    if len(accounts) < 2:  # the usual case: nothing to compare
        return
    distinct("accounts", "accounting period", (a.period_end.isoformat() for a in accounts))


class RelatedEnterpriseModel(Model):
    """
    An enterprise linked to another by capital or voting rights, for the SME test.

    A partner enterprise (entreprise partenaire, 25 % to 50 %) is added pro
    rata, a linked one (entreprise liée, above 50 %) in full.
    """

    name: str = Field(description="Name of the partner or linked enterprise; non-empty.")
    share: Share = Field(
        description=(
            "The higher of the capital share and the voting-rights share held, in either "
            "direction (held by the enterprise in it, or by it in the enterprise), as a share "
            "between 0 and 1 (0.30 for 30 %). The SME test counts it as a partner from 25 % to "
            "50 % (added pro rata) and as linked above 50 % (added in full); below 25 % it is "
            "not counted (parameters sme.partner_share_min and sme.linked_share_above)."
        )
    )
    accounts: tuple[AccountsModel, ...] = Field(
        default=(),
        description=(
            "Its own closed accounting periods, in any order (kept oldest first), one per date; "
            "for each period of the enterprise the SME test uses its latest period closed on or "
            "before it. Empty (the default) when not given: the SME test then asks for them if "
            "the holding counts."
        ),
    )
    exempt_investor: Flag = Field(
        default=False,
        description=(
            "True when the holder is an investor the SME Recommendation lets hold up to 50 % "
            "without making a partner (public investment corporation, venture capital, business "
            "angel, university, institutional investor): the holding is then not counted. False "
            "(the default) otherwise."
        ),
    )

    def to_domain(self) -> RelatedEnterprise:
        """
        Build the domain object.

        Raises:
            InvalidInputError: If an invariant does not hold, at its path in
                the document (``accounts.1: accounting period '2008-12-31'
                appears twice (items 0 and 1)``).
        """
        accounts = build_each("accounts", self.accounts, AccountsModel.to_domain)
        _distinct_periods(self.accounts)
        return assembly.related_enterprise(
            name=self.name,
            share=self.share,
            accounts=accounts,
            exempt_investor=self.exempt_investor,
        )

    @classmethod
    @from_domain_of(RelatedEnterprise)
    def from_domain(cls, obj: RelatedEnterprise) -> RelatedEnterpriseModel:
        """Describe *obj* for JSON."""
        return cls(
            name=obj.name,
            share=obj.share,
            accounts=tuple(AccountsModel.from_domain(a) for a in obj.accounts),
            exempt_investor=obj.exempt_investor,
        )


class EnterpriseModel(Model):
    """
    An enterprise (entreprise), with the facts of the EU SME test; ``null`` means unknown.

    Any entity engaged in an economic activity, whatever its legal form: the
    beneficiaries of relay financing are enterprises, SMEs above all (RELAY.2).
    """

    kind: Literal["enterprise"] = Field(
        default="enterprise",
        description=(
            'The actor\'s type tag, always "enterprise": it selects this kind of actor '
            "where an actor of any kind is expected (an applicant, a project partner, an "
            "actor document) and must be given there."
        ),
    )
    id: str = Field(
        description=(
            "Stable identifier of the enterprise, unique within the case (e.g. its SIREN "
            "number); non-empty. Partner entries and aid decisions refer to it by this id."
        )
    )
    name: str = Field(description="Company name (raison sociale); non-empty.")
    region: RegionCode | None = Field(
        default=None,
        description=(
            'INSEE region code (two digits, e.g. "82" for Rhône-Alpes) of the establishment '
            "that carries the project; in a relay case it must denote a region on the request "
            "date. Absent or null when not yet known (the relay rules then ask for it)."
        ),
    )
    accounts: tuple[AccountsModel, ...] = Field(
        default=(),
        description=(
            "Closed accounting periods (exercices clos) with the SME-test figures, in any order "
            "(kept oldest first), one per closing date. Empty (the default) when none is given: "
            "the SME test then asks for the last two."
        ),
    )
    related: tuple[RelatedEnterpriseModel, ...] = Field(
        default=(),
        description=(
            "Partner and linked enterprises (entreprises partenaires et liées), each with the "
            "share held and its accounts; empty (the default) when it has none (an autonomous "
            "enterprise)."
        ),
    )
    public_bodies_share: Share | None = Field(
        default=None,
        description=(
            "Share of the capital or voting rights held by public bodies (organismes publics), "
            "between 0 and 1; from 25 % (parameter sme.public_bodies_share_min) the enterprise "
            "is not an SME whatever its size. 0 when none; absent or null when unknown (the SME "
            "test then asks for it)."
        ),
    )

    def to_domain(self) -> Enterprise:
        """
        Build the domain object.

        Raises:
            InvalidInputError: If an invariant does not hold, at its path in
                the document: ``accounts.1: accounting period '2009-12-31'
                appears twice (items 0 and 1)``, the items counted as
                written, or ``related.0.accounts.1: ...`` for a related
                enterprise's.
        """
        accounts = build_each("accounts", self.accounts, AccountsModel.to_domain)
        _distinct_periods(self.accounts)
        return assembly.enterprise(
            id=self.id,
            name=self.name,
            region=self.region,
            accounts=accounts,
            related=build_each("related", self.related, RelatedEnterpriseModel.to_domain),
            public_bodies_share=self.public_bodies_share,
        )

    @classmethod
    @from_domain_of(Enterprise)
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
    """
    A research or training body; ``research_kind`` is the domain's ``kind``.

    Never an enterprise for relay financing (RELAY.2), even when it is a
    project partner.
    """

    kind: Literal["research_organisation"] = Field(
        default="research_organisation",
        description=(
            'The actor\'s type tag, always "research_organisation": it selects this kind of actor '
            "where an actor of any kind is expected (an applicant, a project partner, an "
            "actor document) and must be given there."
        ),
    )
    id: str = Field(description="Stable identifier, unique within the case; non-empty.")
    name: str = Field(description="Its name; non-empty.")
    research_kind: ResearchKind = Field(
        description=(
            "What kind of body it is: public_research (organisme public de recherche), "
            "higher_education (university or grande école, établissement d'enseignement "
            "supérieur), laboratory (a research unit, laboratoire), training_body (organisme de "
            "formation) or private_non_profit (a private non-profit research centre)."
        )
    )
    public: Flag | None = Field(
        default=None,
        description=(
            "True for a public establishment (établissement public), which SYN.3 asks to "
            "involve its cooperation structures in the pôle's strategy; false for a private "
            "body. Absent or null: it follows research_kind, false for private_non_profit and "
            "true for the other kinds. A private_non_profit body cannot be true."
        ),
    )
    region: RegionCode | None = Field(
        default=None,
        description=(
            "INSEE region code (two digits) where it is located; absent or null when unknown."
        ),
    )

    def to_domain(self) -> ResearchOrganisation:
        """Build the domain object."""
        return assembly.research_organisation(
            id=self.id,
            name=self.name,
            kind=self.research_kind,
            public=self.public,
            region=self.region,
        )

    @classmethod
    @from_domain_of(ResearchOrganisation)
    def from_domain(cls, obj: ResearchOrganisation) -> ResearchOrganisationModel:
        """Describe *obj* for JSON."""
        return cls(
            id=obj.id, name=obj.name, research_kind=obj.kind, public=obj.public, region=obj.region
        )


class CooperationStructureModel(Model):
    """A cooperation structure (PRES, RTRA, ...); ``structure_kind`` is the domain's ``kind``."""

    kind: Literal["cooperation_structure"] = Field(
        default="cooperation_structure",
        description=(
            'The actor\'s type tag, always "cooperation_structure": it selects this kind of actor '
            "where an actor of any kind is expected (an applicant, a project partner, an "
            "actor document) and must be given there."
        ),
    )
    id: str = Field(description="Stable identifier, unique within the case; non-empty.")
    name: str = Field(description="Its name; non-empty.")
    structure_kind: CooperationKind = Field(
        description=(
            "The kind of structure (SYN.1, SYN.3): pres (pôle de recherche et d'enseignement "
            "supérieur), rtra (réseau thématique de recherche avancée), ctrs (centre or réseau "
            "thématique de recherche et de soins), institut_carnot (an institute holding the "
            "Carnot label), tech_transfer (shared technology-transfer structure, structure "
            "mutualisée de valorisation) or incubator (public incubator)."
        )
    )
    founders: tuple[str, ...] = Field(
        default=(),
        description=(
            "Actor ids of the public research and higher-education establishments that set it "
            "up (SYN.3); empty (the default) when not given."
        ),
    )

    def to_domain(self) -> CooperationStructure:
        """Build the domain object."""
        return assembly.cooperation_structure(
            id=self.id, name=self.name, kind=self.structure_kind, founders=self.founders
        )

    @classmethod
    @from_domain_of(CooperationStructure)
    def from_domain(cls, obj: CooperationStructure) -> CooperationStructureModel:
        """Describe *obj* for JSON."""
        return cls(id=obj.id, name=obj.name, structure_kind=obj.kind, founders=obj.founders)


class LocalAuthorityModel(Model):
    """
    A local authority (collectivité territoriale).

    Party to performance contracts (GOV.1) and funder of pôles and projects.
    """

    kind: Literal["local_authority"] = Field(
        default="local_authority",
        description=(
            'The actor\'s type tag, always "local_authority": it selects this kind of '
            "actor where an actor of any kind is expected (an applicant, a project partner, "
            "an actor document) and must be given there; it may be omitted among the "
            "local_authorities of a performance contract."
        ),
    )
    id: str = Field(description="Stable identifier, unique within the case; non-empty.")
    name: str = Field(description='Its name, e.g. "Région Rhône-Alpes"; non-empty.')
    level: AuthorityLevel = Field(
        description=(
            "Its level: region, departement, commune or intercommunal (an inter-communal body, "
            "établissement public de coopération intercommunale)."
        )
    )
    region: RegionCode | None = Field(
        default=None,
        description=(
            "INSEE code (two digits) of the region it lies in (a Région's own code); absent or "
            "null if unknown."
        ),
    )

    def to_domain(self) -> LocalAuthority:
        """Build the domain object."""
        return assembly.local_authority(
            id=self.id, name=self.name, level=self.level, region=self.region
        )

    @classmethod
    @from_domain_of(LocalAuthority)
    def from_domain(cls, obj: LocalAuthority) -> LocalAuthorityModel:
        """Describe *obj* for JSON."""
        return cls(id=obj.id, name=obj.name, level=obj.level, region=obj.region)


class StateBodyModel(Model):
    """The State (ministry, préfet de région, agency); ``state_kind`` is the domain's ``kind``."""

    kind: Literal["state"] = Field(
        default="state",
        description=(
            'The actor\'s type tag, always "state": it selects this kind of actor '
            "where an actor of any kind is expected (an applicant, a project partner, an "
            "actor document) and must be given there; it may be omitted in the state party "
            "of a performance contract."
        ),
    )
    id: str = Field(description="Stable identifier, unique within the case; non-empty.")
    name: str = Field(description='Its name, e.g. "Préfet de la région Rhône-Alpes"; non-empty.')
    state_kind: StateKind = Field(
        description=(
            "Which State body: ministry, prefet_de_region (the State's representative in a "
            "region, who signs performance contracts, GOV.1) or agency (a State agency or "
            "operator, e.g. the DGCIS managing the FUI)."
        )
    )
    region: RegionCode | None = Field(
        default=None,
        description=(
            "For a préfet de région, the INSEE code (two digits) of the region; absent or null "
            "for a national body or when unknown."
        ),
    )

    def to_domain(self) -> StateBody:
        """Build the domain object."""
        return assembly.state_body(
            id=self.id, name=self.name, kind=self.state_kind, region=self.region
        )

    @classmethod
    @from_domain_of(StateBody)
    def from_domain(cls, obj: StateBody) -> StateBodyModel:
        """Describe *obj* for JSON."""
        return cls(id=obj.id, name=obj.name, state_kind=obj.kind, region=obj.region)


class BankModel(Model):
    """A bank (établissement bancaire) granting relay financing (RELAY.4)."""

    kind: Literal["bank"] = Field(
        default="bank",
        description=(
            'The actor\'s type tag, always "bank": it selects this kind of actor '
            "where an actor of any kind is expected (an applicant, a project partner, an "
            "actor document) and must be given there; it may be omitted in request.bank, "
            "which is always a bank."
        ),
    )
    id: str = Field(description="Stable identifier, unique within the case; non-empty.")
    name: str = Field(description="The bank's name; non-empty.")

    def to_domain(self) -> Bank:
        """Build the domain object."""
        return assembly.bank(id=self.id, name=self.name)

    @classmethod
    @from_domain_of(Bank)
    def from_domain(cls, obj: Bank) -> BankModel:
        """Describe *obj* for JSON."""
        return cls(id=obj.id, name=obj.name)


class OseoModel(Model):
    """
    OSEO (or one of its regional offices), the public innovation and SME financing body.

    It may counter-guarantee a bank's relay loan (contre-garantie, RELAY.5).
    """

    kind: Literal["oseo"] = Field(
        default="oseo",
        description=(
            'The actor\'s type tag, always "oseo": it selects this kind of actor '
            "where an actor of any kind is expected (an applicant, a project partner, an "
            "actor document) and must be given there."
        ),
    )
    id: str = Field(description="Stable identifier, unique within the case; non-empty.")
    name: str = Field(
        description='Its name, e.g. "OSEO Rhône-Alpes" (a regional office); non-empty.'
    )

    def to_domain(self) -> Oseo:
        """Build the domain object."""
        return assembly.oseo(id=self.id, name=self.name)

    @classmethod
    @from_domain_of(Oseo)
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

ACTOR_TAGS: Final = frozenset(
    model.model_fields["kind"].default for model in get_args(get_args(ActorModel)[0])
)
"""The ``kind`` of each actor model (pydantic puts it in an error's location, not the document)."""
register_union_tags(ACTOR_TAGS)


_ACTOR_MODELS: Final = (
    EnterpriseModel,
    ResearchOrganisationModel,
    CooperationStructureModel,
    LocalAuthorityModel,
    StateBodyModel,
    BankModel,
    OseoModel,
)
_ACTOR_MODEL_NAMES: Final = ", ".join(m.__name__ for m in _ACTOR_MODELS)
_ACTOR_NAMES: Final = ", ".join(kind.__name__ for kind in get_args(Actor))


def actor_to_domain(model: ActorModel) -> Actor:
    """
    Build the domain actor of *model*, whatever its kind.

    Raises:
        WrongTypeError: If *model* is not an actor model
            (:class:`EnterpriseModel`, :class:`BankModel`...).
        InvalidInputError: If the domain refuses a value (the message starts
            with the JSON path inside the actor, when there is one).
    """
    given: object = model  # a caller's slip may be anything
    if not isinstance(given, _ACTOR_MODELS):
        refuse("actor_to_domain", "model", f"an actor model ({_ACTOR_MODEL_NAMES})", given)
    return model.to_domain()


def actor_from_domain(actor: Actor) -> ActorModel:  # noqa: PLR0911 - one return per kind
    """
    Describe the domain *actor* for JSON, tagged with its ``kind``.

    Raises:
        WrongTypeError: If *actor* is not an actor (``None``, a dict, a
            pôle...).
    """
    given: object = actor  # a caller's slip may be anything
    match given:
        case Enterprise():
            return EnterpriseModel.from_domain(given)
        case ResearchOrganisation():
            return ResearchOrganisationModel.from_domain(given)
        case CooperationStructure():
            return CooperationStructureModel.from_domain(given)
        case LocalAuthority():
            return LocalAuthorityModel.from_domain(given)
        case StateBody():
            return StateBodyModel.from_domain(given)
        case Bank():
            return BankModel.from_domain(given)
        case Oseo():
            return OseoModel.from_domain(given)
        case _:
            raise wrong_type("actor_from_domain", "actor", f"an Actor ({_ACTOR_NAMES})", given)


def actor_from_json(data: str | bytes) -> Actor:
    """
    Parse one actor from JSON (tagged by ``kind``) and build the domain object.

    Raises:
        DocumentError: Naming the path of each bad field and why, or a key
            given twice in one object.
    """
    data = refuse_duplicate_keys(data)
    try:
        model = _ACTOR_ADAPTER.validate_json(data)
    except ValidationError as exc:
        raise document_error(exc, union_tags=ACTOR_TAGS) from None
    return actor_to_domain(model)
