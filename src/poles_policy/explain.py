"""
Explanations: the clause registry, checks and decisions.

Every rule in poles_policy answers with a :class:`Decision` (or a result that
carries one). A decision lists every :class:`Check` it evaluated, in order,
each citing the clause ids of the policy text it applies and the dated
parameter values it read; the facts still missing come back in the order a
form should ask for them (:attr:`Decision.missing`).

Four things are kept apart everywhere: a condition that is *not met*, one
that is *unknown* (facts missing), one that is *not applicable*, and a value
that is simply zero.

Every account is rendered in English or in French. The French one follows
French conventions (a space before ``:`` and ``;``, a decimal comma, amounts
as ``150 000,00 €``, parameter units and confidences in French), through the
helpers every rule shares: :func:`fr_number`, :func:`fr_amount`,
:func:`fr_percent`, :func:`fr_count`, :func:`fr_unit`, and :func:`fr_the`,
:func:`fr_de` and :func:`fr_a` for names given as data.
"""

from __future__ import annotations

import enum
import re
from datetime import date
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, Literal, SupportsIndex

import attrs

from poles_policy._arguments import expect_day, expect_flag, listed, refuse
from poles_policy._exact import EXACT as _EXACT
from poles_policy._exact import run_exact as _run_exact
from poles_policy.exceptions import InvalidInputError, UnknownClauseError, WrongTypeError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping

__all__ = [
    "CLAUSES",
    "OPEN_START",
    "Check",
    "Clause",
    "Decision",
    "Fact",
    "Lang",
    "Outcome",
    "ParameterUse",
    "Status",
    "Text",
    "clause",
    "figure_status",
    "find_check",
    "fr_a",
    "fr_amount",
    "fr_count",
    "fr_de",
    "fr_number",
    "fr_percent",
    "fr_quoted",
    "fr_the",
    "fr_unit",
    "json_data",
    "json_fields",
    "missing_facts",
    "render_account",
    "validate_clause_ids",
]

Lang = Literal["en", "fr"]


def _of(kind: type, expected: str) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """An attrs validator refusing a field that is not a *kind*, naming the class and field."""

    def validate(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            refuse(type(instance).__name__, attribute.name, expected, value)

    return validate


def _check_lang(lang: object) -> None:
    if lang != "en" and lang != "fr":  # noqa: PLR1714 - two comparisons cost less than a set
        msg = f"lang must be 'en' or 'fr', not {lang!r}"
        raise InvalidInputError(msg)


def _text_argument(value: object, function: str, argument: str) -> None:
    if not isinstance(value, str):
        refuse(function, argument, "a string", value)


@attrs.frozen(kw_only=True)
class Clause:
    """
    One clause of the policy text (``SOURCE.md``).

    Attributes:
        id: The stable clause id, e.g. ``"RELAY.2"``.
        section: The section it belongs to, e.g. ``"RELAY"``.
        summary: A short English paraphrase.
        keywords_fr: A few French key words of the original text.

    >>> letter = clause("RELAY.3")
    >>> letter.section, letter.summary
    ('RELAY', 'Enterprises may apply from the issue of the official selection letter.')
    """

    id: str
    section: str
    summary: str
    keywords_fr: tuple[str, ...]


def _c(cid: str, summary: str, *keywords_fr: str) -> Clause:
    return Clause(
        id=cid, section=cid.split(".", maxsplit=1)[0], summary=summary, keywords_fr=keywords_fr
    )


_REGISTRY: tuple[Clause, ...] = (
    _c("PHASE.1", "Phase 2 follows the positive 2008 evaluation of Phase 1.", "2ème phase"),
    _c(
        "PHASE.2",
        "Phase 1 principles are kept: collaborative R&D, support to animation "
        "structures, coordinated action of local authorities and the State.",
        "grands principes",
    ),
    _c("PHASE.2a", "Support for collaborative R&D projects.", "projets collaboratifs"),
    _c("PHASE.2b", "Public support for each pôle's animation structure.", "structures d'animation"),
    _c(
        "PHASE.2c",
        "Coordinated action of local authorities and the State.",
        "action coordonnée",
    ),
    _c(
        "GOV.1",
        "A performance contract binds the pôle, the State and local authorities.",
        "contrats de performance",
    ),
    _c(
        "GOV.2",
        "The coordination committee meets regularly with the funders to follow progress.",
        "comités de coordination",
        "réunion régulière",
    ),
    _c("GOV.3", "Each pôle has a State correspondent with a stronger role.", "correspondants"),
    _c(
        "GOV.4",
        "National coordination of pôles with the same or complementary themes.",
        "même thématique",
        "thématiques complémentaires",
    ),
    _c(
        "STRUCT.1",
        "Structuring projects such as innovation platforms are funded by specific calls.",
        "plates-formes d'innovation",
        "appels à projets spécifiques",
    ),
    _c("ECO.1", "Private financing for the growth of the pôles' SMEs.", "financement privé"),
    _c("ECO.2", "International deployment.", "déploiement à l'international"),
    _c(
        "ECO.3",
        "Forward planning of skills and training matched to needs.",
        "gestion prévisionnelle des compétences",
    ),
    _c("ECO.4", "Long-term urban development policy.", "développement urbain"),
    _c(
        "SYN.1",
        "Synergy between the pôles and research and innovation actors (PRES, RTRA, ...).",
        "mise en synergie",
    ),
    _c(
        "SYN.2",
        "Ministries take the pôles into account, tracked and quantified, in allocations "
        "to the bodies they supervise.",
        "suivie et quantifiée",
    ),
    _c(
        "SYN.3",
        "Public research establishments involve their cooperation structures in the pôle.",
        "structures de coopération",
    ),
    _c(
        "SYN.4",
        "CPER contracts give priority to structuring projects linked to pôles.",
        "soutien prioritaire",
        "CPER",
    ),
    _c(
        "RELAY.1",
        "A relay-financing scheme is piloted in Rhône-Alpes until the State subsidy is paid.",
        "financement relais",
        "expérimenté en Rhône-Alpes",
    ),
    _c(
        "RELAY.2",
        "Beneficiaries: enterprises, SMEs above all, partners of a pôle-labelled, "
        "State-aided project.",
        "tout spécialement les PME",
        "projet labellisé",
        "aidé financièrement par l'État",
    ),
    _c(
        "RELAY.3",
        "Enterprises may apply from the issue of the official selection letter.",
        "dès l'émission de la lettre officielle",
    ),
    _c(
        "RELAY.4",
        "The product is a bank's bridge financing of the subsidy still to be received.",
        "avance sur subventions à recevoir",
    ),
    _c("RELAY.5", "The bank may ask OSEO for a counter-guarantee.", "contre-garantie OSEO"),
    _c(
        "RELAY.6",
        "Pre-financing lets enterprises gain 6 to 9 months.",
        "gagner 6 à 9 mois",
    ),
    _c(
        "RELAY.7",
        "The pilot will be evaluated and may be generalised nationally.",
        "bilan",
        "généralisé au niveau national",
    ),
)

CLAUSES: Mapping[str, Clause] = MappingProxyType({c.id: c for c in _REGISTRY})
"""Every clause id of the policy text, in the order of the text."""


def clause(clause_id: str) -> Clause:
    """
    Return the registered clause *clause_id*.

    Raises:
        UnknownClauseError: If the id is not in the policy text.
        WrongTypeError: If *clause_id* is not a string.

    >>> clause("RELAY.3").keywords_fr
    ("dès l'émission de la lettre officielle",)
    """
    try:
        return CLAUSES[clause_id]
    except (KeyError, TypeError):
        _text_argument(clause_id, "clause", "clause_id")
        msg = f"unknown clause id {clause_id!r}; known ids: {', '.join(CLAUSES)}"
        raise UnknownClauseError(msg) from None


def validate_clause_ids(ids: Iterable[str]) -> tuple[str, ...]:
    """
    Return *ids* as a tuple after checking that every one is registered.

    Raises:
        UnknownClauseError: On the first unknown id.
        WrongTypeError: If *ids* is a single string or not a list of strings.

    >>> validate_clause_ids(["RELAY.2", "RELAY.3"])
    ('RELAY.2', 'RELAY.3')
    >>> validate_clause_ids("RELAY.2")
    Traceback (most recent call last):
    ...
    poles_policy.exceptions.WrongTypeError: validate_clause_ids: ids must be a list of str, not str
    'RELAY.2'
    """
    out = listed(ids, str, "validate_clause_ids", "ids")
    for cid in out:
        clause(cid)
    return out


# The tuples of clause ids already validated; the registry never changes, so
# each distinct citation is checked once (at most _CITED_SIZE are remembered).
_CITED: set[tuple[str, ...]] = set()
_CITED_SIZE = 4096


def _validate_citation(clauses: tuple[str, ...]) -> None:
    if not clauses:
        msg = "clauses: a check must cite at least one clause id"
        raise InvalidInputError(msg)
    validate_clause_ids(clauses)
    if len(_CITED) >= _CITED_SIZE:
        _CITED.clear()
    _CITED.add(clauses)


@attrs.frozen(init=False)
class Text:
    """
    A short text in English and in French.

    >>> Text("eligible", "éligible").in_lang("fr")
    'éligible'
    """

    en: str
    fr: str

    def __init__(self, en: str, fr: str) -> None:
        # Rules make many of these per case: two slot writes, nothing else.
        _SET_EN(self, en)
        _SET_FR(self, fr)

    def in_lang(self, lang: Lang) -> str:
        """
        Return the text in *lang* (``"en"`` or ``"fr"``).

        Raises:
            InvalidInputError: For any other language, e.g. ``"de"`` or ``"FR"``.
        """
        chosen: str = lang  # a caller's str may hold any language
        if chosen == "en":
            return self.en
        if chosen == "fr":
            return self.fr
        msg = f"lang must be 'en' or 'fr', not {lang!r}"
        raise InvalidInputError(msg)

    def to_dict(self) -> dict[str, str]:
        """Return ``{"en": ..., "fr": ...}``."""
        return {"en": self.en, "fr": self.fr}


# Text's constructor writes its slots directly, bypassing the frozen __setattr__.
_SET_EN = Text.__dict__["en"].__set__
_SET_FR = Text.__dict__["fr"].__set__


# --- French wording ----------------------------------------------------------------------------
#
# The people who read these decisions read French: numbers take a decimal comma, amounts the
# French grouping and the euro sign, and a name given as data takes the article and the elision
# French grammar asks for. These helpers are shared by every rule, so the French of one
# explanation reads like that of the others.

_DECIMAL_POINT: Final = re.compile(r"(?<=\d)\.(?=\d)")
_THIN_SPACE: Final = "\u202f"  # the narrow no-break space that groups thousands in French

# The article of a name's first word, for the words that open the names of institutions and
# offices ("Préfet de région", "Association Minalogic", "Région Rhône-Alpes"), and whether the
# word is a title written in lower case inside a sentence ("le préfet de région"). Keys are
# lower case, without accents. A name whose first word is not here is a proper name
# ("Minalogic", "OSEO", "Grenoble"): it takes no article.
_LE, _LA, _L = "le", "la", "l'"
_HEADS: Final[Mapping[str, tuple[str, bool]]] = MappingProxyType(
    {
        **dict.fromkeys(("prefet", "president", "directeur", "recteur", "maire"), (_LE, True)),
        **dict.fromkeys(("prefete", "presidente", "directrice", "rectrice"), (_LA, True)),
        "ministre": (_LE, True),
        **dict.fromkeys(
            (
                "bureau",
                "cabinet",
                "centre",
                "comite",
                "commissariat",
                "conseil",
                "consortium",
                "credit",
                "departement",
                "fonds",
                "gouvernement",
                "groupement",
                "laboratoire",
                "ministere",
                "parc",
                "pole",
                "rectorat",
                "reseau",
                "secretariat",
                "service",
                "syndicat",
            ),
            (_LE, False),
        ),
        **dict.fromkeys(
            (
                "banque",
                "caisse",
                "chambre",
                "collectivite",
                "communaute",
                "commune",
                "delegation",
                "direction",
                "federation",
                "fondation",
                "maison",
                "mairie",
                "metropole",
                "mission",
                "plate-forme",
                "plateforme",
                "prefecture",
                "region",
                "societe",
                "structure",
                "technopole",
                "ville",
            ),
            (_LA, False),
        ),
        **dict.fromkeys(
            (
                "academie",
                "agence",
                "agglomeration",
                "association",
                "ecole",
                "etablissement",
                "etat",
                "hopital",
                "incubateur",
                "institut",
                "office",
                "organisme",
                "universite",
            ),
            (_L, False),
        ),
    }
)
_ACCENTS: Final = str.maketrans("àâäéèêëîïôöùûüç", "aaaeeeeiioouuuc")
_VOWELS: Final = frozenset("aeiouàâäéèêëîïôöùûü")


def fr_number(value: Decimal | int | str) -> str:
    """
    Write a number with the French decimal comma (``4,5``), its digits otherwise unchanged.

    Only a point between two digits is a decimal point: a date or a dotted name in a text
    keeps its own.

    >>> fr_number(Decimal("4.5")), fr_number(Decimal("0.008")), fr_number(7), fr_number("-0.50")
    ('4,5', '0,008', '7', '-0,50')
    """
    text = format(value, "f") if isinstance(value, Decimal) else str(value)
    return _DECIMAL_POINT.sub(",", text)


def fr_amount(value: Decimal | int | str, *, sign: bool = False) -> str:
    r"""
    Write an amount in euros the French way: ``150 000,00 €``.

    Thousands are grouped with a narrow no-break space (U+202F), decimals follow a comma, and
    the euro sign comes after the figure. The figure is exact: nothing is rounded here.

    Args:
        value: The amount (an :data:`~poles_policy.money.Eur`, or any exact decimal).
        sign: Whether to write ``+`` before a positive amount or zero (a difference).

    Raises:
        InvalidInputError: If *value* is not a number, e.g. ``"abc"``.

    >>> fr_amount(Decimal("5000000.00")).replace("\u202f", " ")
    '5 000 000,00 €'
    >>> fr_amount(Decimal("0.104")), fr_amount(Decimal("0.00"), sign=True)
    ('0,104 €', '+0,00 €')
    """
    try:
        number = value if isinstance(value, Decimal) else Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        msg = f"fr_amount: {value!r} is not an amount"
        raise InvalidInputError(msg) from None
    grouped = format(number, "+,f" if sign else ",f")
    return grouped.replace(",", _THIN_SPACE).replace(".", ",") + " €"


def fr_percent(share: Decimal | int) -> str:
    """
    Write a share as a French percentage: ``Decimal("0.045")`` is ``4,5 %``.

    The percentage is exact (the share times 100, trailing zeros dropped).

    >>> fr_percent(Decimal("0.045")), fr_percent(Decimal("0.50")), fr_percent(Decimal("0.2501"))
    ('4,5 %', '50 %', '25,01 %')
    """
    exact = _EXACT.multiply(Decimal(share), 100).normalize(_EXACT)
    return f"{fr_number(exact)} %"


def fr_count(count: int, singular: str, plural: str | None = None) -> str:
    """
    Write *count* and the noun that agrees with it: French keeps the singular below two.

    Args:
        count: How many.
        singular: The noun (with its adjectives) in the singular.
        plural: Its plural, when it is not the singular followed by ``s``.

    >>> fr_count(0, "réunion"), fr_count(1, "réunion"), fr_count(3, "réunion")
    ('0 réunion', '1 réunion', '3 réunions')
    >>> fr_count(2, "financeur absent", "financeurs absents")
    '2 financeurs absents'
    """
    if abs(count) < 2:
        return f"{count} {singular}"
    return f"{count} {plural if plural is not None else singular + 's'}"


def _head(name: str) -> tuple[str | None, str]:
    """The article *name* takes in a sentence, and the name as written there."""
    first, _, rest = name.partition(" ")
    entry = _HEADS.get(first.casefold().translate(_ACCENTS))
    if entry is None:
        return None, name
    article, lower = entry
    return article, (f"{first.lower()} {rest}".rstrip() if lower else name)


def fr_quoted(text: str) -> str:
    """
    Return *text* between French quotation marks, with the no-break spaces they take.

    >>> fr_quoted("Nombre d'entreprises").replace("\u00a0", " ")
    "« Nombre d'entreprises »"
    """
    _text_argument(text, "fr_quoted", "text")
    return f"«\u00a0{text}\u00a0»"


def fr_the(name: str) -> str:
    """
    Return *name*, a name given as data, with the French definite article it takes.

    The article comes from the name's first word when it names an institution or an office
    (``Association``, ``Région``, ``Préfet``, ...); a title of office is written in lower case
    inside a sentence. Any other name is a proper name and takes no article.

    >>> fr_the("Préfet de région"), fr_the("Association Minalogic"), fr_the("Minalogic")
    ('le préfet de région', "l'Association Minalogic", 'Minalogic')
    >>> fr_the("Région Rhône-Alpes")
    'la Région Rhône-Alpes'
    """
    _text_argument(name, "fr_the", "name")
    article, written = _head(name)
    if article is None:
        return name
    return f"{article}{written}" if article == _L else f"{article} {written}"


def fr_de(name: str) -> str:
    """
    Return "de" followed by *name*, with the article, contraction and elision French asks for.

    ``de le`` becomes ``du`` and ``de les`` ``des``; before a vowel ``de`` becomes ``d'``. A
    proper name beginning with *h* keeps ``de``: whether its *h* is mute cannot be told from
    the letters (``de Hambourg``).

    >>> fr_de("Préfet de région"), fr_de("Association Minalogic"), fr_de("Région Rhône-Alpes")
    ('du préfet de région', "de l'Association Minalogic", 'de la Région Rhône-Alpes')
    >>> fr_de("Minalogic"), fr_de("OSEO Rhône-Alpes"), fr_de("Le Mans Métropole")
    ('de Minalogic', "d'OSEO Rhône-Alpes", 'du Mans Métropole')
    """
    _text_argument(name, "fr_de", "name")
    return _preceded(name, plain="de", le="du", les="des", elided="d'")


def fr_a(name: str) -> str:
    """
    Return "à" followed by *name*, with the article and contraction French asks for.

    >>> fr_a("Préfet de région"), fr_a("Association Minalogic"), fr_a("Minalogic")
    ('au préfet de région', "à l'Association Minalogic", 'à Minalogic')
    """
    _text_argument(name, "fr_a", "name")
    return _preceded(name, plain="à", le="au", les="aux")


def _preceded(name: str, *, plain: str, le: str, les: str, elided: str = "") -> str:
    """*name* after the preposition *plain*, contracted with "le" / "les" and elided if asked."""
    article, written = _head(name)
    if article == _LE:
        return f"{le} {written}"
    if article is not None:
        return f"{plain} {fr_the(name)}"
    first, _, rest = name.partition(" ")
    if first == "Le" and rest:
        return f"{le} {rest}"
    if first == "Les" and rest:
        return f"{les} {rest}"
    if elided and name[:1].lower() in _VOWELS:
        return f"{elided}{name}"
    return f"{plain} {name}"


class Outcome(enum.StrEnum):
    """
    The answer of an eligibility rule.

    An outcome is also its value as a string: it equals "eligible",
    "ineligible" or "undetermined", as written in a JSON document or a
    table's column.

    >>> Outcome("undetermined").label.in_lang("fr")
    'INDÉTERMINÉ (faits manquants)'
    >>> Outcome.ELIGIBLE == "eligible", f"{Outcome.INELIGIBLE}"
    (True, 'ineligible')
    """

    ELIGIBLE = "eligible"
    INELIGIBLE = "ineligible"
    UNDETERMINED = "undetermined"
    """Facts are missing: :attr:`Decision.missing` says which."""

    @property
    def label(self) -> Text:
        """The outcome in English and French."""
        return _OUTCOME_TEXT[self]


_OUTCOME_TEXT = {
    Outcome.ELIGIBLE: Text("ELIGIBLE", "ÉLIGIBLE"),
    Outcome.INELIGIBLE: Text("INELIGIBLE", "NON ÉLIGIBLE"),
    Outcome.UNDETERMINED: Text("UNDETERMINED (facts missing)", "INDÉTERMINÉ (faits manquants)"),
}


class Status(enum.StrEnum):
    """
    The status of one check.

    A status is also its value as a string: it equals "met", "not_met",
    "unknown" or "not_applicable".

    >>> Status.NOT_MET.label.in_lang("fr"), Status.NOT_APPLICABLE.value
    ('NON REMPLIE', 'not_applicable')
    >>> Status.MET == "met"
    True
    """

    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"
    """A fact the check needs is missing."""
    NOT_APPLICABLE = "not_applicable"
    """The condition does not apply to this case (neither met nor failed)."""

    @property
    def label(self) -> Text:
        """The status in English and French."""
        return _STATUS_TEXT[self]


_STATUS_TEXT = {
    Status.MET: Text("met", "remplie"),
    Status.NOT_MET: Text("NOT MET", "NON REMPLIE"),
    Status.UNKNOWN: Text("unknown", "inconnue"),
    Status.NOT_APPLICABLE: Text("not applicable", "sans objet"),
}

# A figure's status, in French in the masculine of "le temps", "le coût", "le montant".
_FIGURE_STATUS_TEXT = {
    Status.MET: Text("met", "rempli"),
    Status.NOT_MET: Text("NOT MET", "NON REMPLI"),
    Status.UNKNOWN: Text("unknown", "inconnu"),
    Status.NOT_APPLICABLE: Text("not applicable", "sans objet"),
}


def figure_status(status: Status) -> Text:
    """
    Return *status* as said of a figure (a time saved, a cost) rather than of a condition.

    French makes the word agree: a condition (*une condition*) is ``inconnue``,
    a time saved or a cost (*le temps*, *le coût*) ``inconnu``.

    >>> figure_status(Status.UNKNOWN).fr, Status.UNKNOWN.label.fr
    ('inconnu', 'inconnue')
    """
    if not isinstance(status, Status):
        refuse("figure_status", "status", "a Status", status)
    return _FIGURE_STATUS_TEXT[status]


# The members the hot paths below test for, as module constants: reading a member from its
# class goes through the enum metaclass's attribute lookup, several times slower.
_NOT_MET = Status.NOT_MET
_UNKNOWN = Status.UNKNOWN
_ELIGIBLE = Outcome.ELIGIBLE
_INELIGIBLE = Outcome.INELIGIBLE
_UNDETERMINED = Outcome.UNDETERMINED


OPEN_START: Final = date(1900, 1, 1)
"""The first day of a value in force since before any date the policy concerns.

A reform that sets a parameter with no history of its own (the national
generalisation of the relay pilot) starts it here: explanations then cite
the value without a first day.
"""


@attrs.frozen(kw_only=True)
class ParameterUse:
    """
    A parameter value a check read, with where it comes from.

    Attributes:
        name: The dotted parameter name, e.g. ``"relay.oseo.guarantee_share"``.
        value: The value as canonical text (``"0.50"``, ``"2008-04-01"``,
            ``"82"``): exact, and the same in every language.
        unit: The parameter's unit, e.g. ``"share"``.
        valid_from: The first day the value is in force.
        source: An address or a clause id.
        confidence: ``"text"``, ``"sourced"`` or ``"assumption"``.

    A rule gets one from its parameter set, for the case's date:

    >>> from poles_policy.parameters import default_parameters
    >>> use = default_parameters().use("relay.oseo.guarantee_share", date(2009, 3, 16))
    >>> use.value, use.unit, use.valid_from, use.confidence
    ('0.50', 'share', datetime.date(2008, 4, 1), 'sourced')
    """

    name: str = attrs.field(validator=_of(str, "a string"))
    value: str = attrs.field(validator=_of(str, "a string"))
    unit: str = attrs.field(validator=_of(str, "a string"))
    valid_from: date = attrs.field(validator=lambda _, a, v: expect_day(v, "ParameterUse", a.name))
    source: str = attrs.field(validator=_of(str, "a string"))
    confidence: str = attrs.field(validator=_of(str, "a string"))

    def describe(self, lang: Lang = "en", *, source: bool = False) -> str:
        """
        Render ``name = value (unit, since date; confidence)``, and the source if asked.

        In French the unit and the confidence are French words, a decimal value takes a
        comma (an amount in euros its French grouping too), and ``;`` a space before it;
        the name, the date and the source stay as they are, and the JSON
        (:meth:`Decision.to_dict`) keeps the identifiers (``"share"``, ``"sourced"``).

        >>> use = ParameterUse(
        ...     name="relay.oseo.guarantee_share",
        ...     value="0.50",
        ...     unit="share",
        ...     valid_from=date(2008, 4, 1),
        ...     source="RELAY.5",
        ...     confidence="sourced",
        ... )
        >>> use.describe()
        'relay.oseo.guarantee_share = 0.50 (share, since 2008-04-01; sourced)'
        >>> use.describe("fr", source=True)
        'relay.oseo.guarantee_share = 0,50 (part, depuis le 2008-04-01 ; sourcé ; RELAY.5)'

        A value in force from :data:`OPEN_START` has no first day to cite:

        >>> reform = attrs.evolve(use, valid_from=OPEN_START, confidence="assumption")
        >>> reform.describe()
        'relay.oseo.guarantee_share = 0.50 (share; assumption)'
        >>> reform.describe("fr")
        'relay.oseo.guarantee_share = 0,50 (part ; hypothèse)'
        """
        _check_lang(lang)
        if lang == "fr":
            value = _fr_value(self.value, self.unit)
            unit = fr_unit(self.unit)
            confidence = _CONFIDENCES_FR.get(self.confidence, self.confidence)
            since, sep = "depuis le", " ; "
        else:
            value, unit, confidence, since, sep = (
                self.value,
                self.unit,
                self.confidence,
                "since",
                "; ",
            )
        if not value:
            # An empty list (no pilot region): shown as such rather than as nothing.
            value = "(aucune)" if lang == "fr" else "(none)"
        where = f"{sep}{self.source}" if source else ""
        if self.valid_from <= OPEN_START:
            # A value with no first day of its own (a reform's): no date to cite.
            return f"{self.name} = {value} ({unit}{sep}{confidence}{where})"
        return (
            f"{self.name} = {value} ({unit}, {since} {self.valid_from.isoformat()}{sep}"
            f"{confidence}{where})"
        )


# The units and confidences of parameters (poles_policy.parameters.units and .history), as a
# French account writes them; the identifiers themselves stay in the JSON.
_UNITS_FR: Final[Mapping[str, str]] = MappingProxyType(
    {
        "share": "part",
        "rate_per_year": "taux annuel",
        "AWU": "UTA",
        "EUR": "€",
        "months": "mois",
        "days": "jours",
        "business_days": "jours ouvrés",
        "count": "nombre",
        "date": "date",
        "region_codes": "codes de région",
        "bool": "oui ou non",
    }
)
_CONFIDENCES_FR: Final[Mapping[str, str]] = MappingProxyType(
    {
        "text": "texte",
        "sourced": "sourcé",
        "assumption": "hypothèse",
    }
)
_PLAIN_DECIMAL: Final = re.compile(r"-?\d+(\.\d+)?")


def fr_unit(unit: str) -> str:
    """
    Return a unit's French name: a parameter unit (``"share"``, ``"EUR"``...) or another as given.

    >>> fr_unit("share"), fr_unit("EUR"), fr_unit("rate_per_year"), fr_unit("brevets")
    ('part', '€', 'taux annuel', 'brevets')
    """
    _text_argument(unit, "fr_unit", "unit")
    return _UNITS_FR.get(unit, unit)


def _fr_value(value: str, unit: str) -> str:
    """A parameter's canonical value text, as a French account writes it."""
    if unit == "bool" and value in {"true", "false"}:
        return "oui" if value == "true" else "non"
    if unit == "region_codes":
        return ", ".join(value.split(","))  # "11,82" would read as a decimal number
    if not _PLAIN_DECIMAL.fullmatch(value):
        return value
    if unit == "EUR":
        return fr_amount(value).removesuffix(" €")
    return fr_number(value)


@attrs.frozen(kw_only=True)
class Fact:
    """
    A fact a decision still needs, as a form would ask for it.

    Attributes:
        path: Where the fact goes in the case, e.g. ``"project.selection_letter_date"``.
        question: The question to ask, in English and French.

    >>> letter = Fact(
    ...     path="project.selection_letter_on",
    ...     question=Text("When was the letter issued?", "Quand la lettre a-t-elle été émise ?"),
    ... )
    >>> letter.question.in_lang("fr")
    'Quand la lettre a-t-elle été émise ?'
    """

    path: str = attrs.field(validator=_of(str, "a string"))
    question: Text = attrs.field(validator=_of(Text, "a Text"))


@attrs.frozen(kw_only=True, init=False)
class Check:
    """
    One condition of a rule, evaluated.

    Attributes:
        key: A stable machine name, e.g. ``"relay.selection_letter"``.
        clauses: The clause ids the condition applies (at least one, all registered).
        label: What is checked, in a few words.
        status: MET, NOT_MET, UNKNOWN or NOT_APPLICABLE.
        reason: One line with the facts used.
        parameters: The parameter values read, with their dates and sources.
        missing: When UNKNOWN, the facts that would settle it, in asking order.
        informative: True for information reported on a decision that does
            not count toward its outcome (e.g. SME status for relay financing).

    >>> letter = Check(
    ...     key="relay.selection_letter",
    ...     clauses=["RELAY.3"],
    ...     label=Text("selection letter issued", "lettre officielle émise"),
    ...     status=Status.NOT_MET,
    ...     reason=Text("request before the letter of 2009-03-02", "demande avant la lettre"),
    ... )
    >>> letter.explain()
    '[NOT MET] selection letter issued — RELAY.3: request before the letter of 2009-03-02'
    """

    key: str
    clauses: tuple[str, ...]
    label: Text
    status: Status
    reason: Text
    parameters: tuple[ParameterUse, ...] = ()
    missing: tuple[Fact, ...] = ()
    informative: bool = False

    def __init__(  # noqa: PLR0913 - one keyword per field
        self,
        *,
        key: str,
        clauses: Iterable[str],
        label: Text,
        status: Status,
        reason: Text,
        parameters: Iterable[ParameterUse] = (),
        missing: Iterable[Fact] = (),
        informative: bool = False,
    ) -> None:
        # Written by hand rather than generated: rules build a dozen checks per
        # case, and a tuple of clause ids is validated once, then remembered.
        if (
            type(key) is not str
            or type(label) is not Text
            or type(status) is not Status
            or type(reason) is not Text
            or type(informative) is not bool
        ):
            _check_fields(
                key=key, label=label, status=status, reason=reason, informative=informative
            )
        cited = clauses if type(clauses) is tuple else listed(clauses, str, "Check", "clauses")
        if cited not in _CITED:
            _validate_citation(cited)
        if type(parameters) is not tuple or any(type(p) is not ParameterUse for p in parameters):
            parameters = listed(parameters, ParameterUse, "Check", "parameters")
        if type(missing) is not tuple or any(type(f) is not Fact for f in missing):
            missing = listed(missing, Fact, "Check", "missing")
        if missing and status is not Status.UNKNOWN:
            msg = f"check {key!r}: missing facts are only meaningful when UNKNOWN"
            raise InvalidInputError(msg)
        _SET_KEY(self, key)
        _SET_CLAUSES(self, cited)
        _SET_LABEL(self, label)
        _SET_STATUS(self, status)
        _SET_REASON(self, reason)
        _SET_PARAMETERS(self, parameters)
        _SET_MISSING(self, missing)
        _SET_INFORMATIVE(self, informative)

    def to_dict(self) -> dict[str, Any]:
        """Return the check as JSON-ready data."""
        return _check_to_dict(self)

    def explain_lines(self, lang: Lang = "en", *, sources: bool = False) -> list[str]:
        """Render the check, then one indented line per parameter it read."""
        expect_flag(sources, "explain", "sources")
        return [
            "  " + self.explain(lang),
            *("      " + p.describe(lang, source=sources) for p in self.parameters),
        ]

    def explain(self, lang: Lang = "en") -> str:
        """Render the check on one line, with its clause ids."""
        status = self.status.label.in_lang(lang)
        cites = ", ".join(self.clauses)
        info = " (information)" if self.informative else ""
        colon = " :" if lang == "fr" else ":"  # French puts a space before the colon
        return (
            f"[{status}] {self.label.in_lang(lang)}{info} — {cites}{colon} "
            f"{self.reason.in_lang(lang)}"
        )


def _check_fields(**fields: object) -> None:
    """Refuse the first field of a :class:`Check` that is not of its type."""
    kinds: dict[str, tuple[type, str]] = {
        "key": (str, "a string"),
        "label": (Text, "a Text"),
        "status": (Status, "a Status"),
        "reason": (Text, "a Text"),
        "informative": (bool, "True or False"),
    }
    for name, value in fields.items():
        kind, expected = kinds[name]
        if not isinstance(value, kind):
            refuse("Check", name, expected, value)


def missing_facts(checks: Iterable[Check]) -> tuple[Fact, ...]:
    """
    Return the facts the UNKNOWN *checks* ask for, in order, each once.

    >>> from poles_policy.rules.relay.guarantee import ASK_COUNTER_GUARANTEE
    >>> unknown = Check(
    ...     key="relay.counter_guarantee",
    ...     clauses=["RELAY.5"],
    ...     label=Text("OSEO counter-guarantee", "contre-garantie OSEO"),
    ...     status=Status.UNKNOWN,
    ...     reason=Text("not known whether the bank asks", "demande non connue"),
    ...     missing=[ASK_COUNTER_GUARANTEE],
    ... )
    >>> [fact.path for fact in missing_facts([unknown, unknown])]
    ['request.oseo_counter_guarantee']
    """
    seen: dict[str, Fact] = {}
    for check in (
        checks if type(checks) is tuple else listed(checks, Check, "missing_facts", "checks")
    ):
        if check.status is _UNKNOWN:
            for fact in check.missing:
                seen.setdefault(fact.path, fact)
    return tuple(seen.values())


def find_check(checks: Iterable[Check], key: str, *, owner: str) -> Check:
    """
    Return the check named *key* among *checks*.

    Raises:
        KeyError: Naming *owner*, if there is no such check.

    >>> met = Check(
    ...     key="relay.enterprise",
    ...     clauses=["RELAY.2"],
    ...     label=Text("applicant is an enterprise", "le demandeur est une entreprise"),
    ...     status=Status.MET,
    ...     reason=Text("an SAS", "une SAS"),
    ... )
    >>> find_check([met], "relay.enterprise", owner="relay eligibility").status
    <Status.MET: 'met'>
    >>> find_check([met], "relay.partner", owner="relay eligibility")
    Traceback (most recent call last):
    ...
    KeyError: "relay eligibility has no check 'relay.partner'"
    """
    _text_argument(key, "find_check", "key")
    for check in listed(checks, Check, "find_check", "checks"):
        if check.key == key:
            return check
    msg = f"{owner} has no check {key!r}"
    raise KeyError(msg)


def render_account(
    head: str,
    checks: Iterable[Check],
    lang: Lang = "en",
    *,
    sources: bool = False,
    missing: tuple[Fact, ...] | None = None,
) -> str:
    """
    Render *head*, each check with the parameters it read, then the facts to provide.

    The shared layout of every rule's ``explain()``. The facts to provide are
    *missing* when given, else those of every UNKNOWN check.

    >>> from poles_policy.rules.relay.guarantee import ASK_COUNTER_GUARANTEE
    >>> unknown = Check(
    ...     key="relay.counter_guarantee",
    ...     clauses=["RELAY.5"],
    ...     label=Text("OSEO counter-guarantee", "contre-garantie OSEO"),
    ...     status=Status.UNKNOWN,
    ...     reason=Text("not known whether the bank asks", "demande non connue"),
    ...     missing=[ASK_COUNTER_GUARANTEE],
    ... )
    >>> print(render_account("Relay of 2009-03-16:", [unknown]))
    Relay of 2009-03-16:
      [unknown] OSEO counter-guarantee — RELAY.5: not known whether the bank asks
      Facts to provide:
        - Does the bank ask OSEO for a counter-guarantee? (request.oseo_counter_guarantee)
    """
    _text_argument(head, "render_account", "head")
    _check_lang(lang)
    expect_flag(sources, "explain", "sources")
    items = listed(checks, Check, "render_account", "checks")
    if missing is not None:
        missing = listed(missing, Fact, "render_account", "missing")
    lines = [head]
    for check in items:
        lines.extend(check.explain_lines(lang, sources=sources))
    if missing is None:
        missing = missing_facts(items)
    if missing:
        lines.append("  " + ("Faits à fournir :" if lang == "fr" else "Facts to provide:"))
        lines.extend(f"    - {f.question.in_lang(lang)} ({f.path})" for f in missing)
    return "\n".join(lines)


def _outcome(checks: Iterable[Check]) -> Outcome:
    # Identity tests rather than a set of statuses: hashing an enum member is a Python call.
    outcome = _ELIGIBLE
    for c in checks:
        if c.informative:
            continue
        status = c.status
        if status is _NOT_MET:
            return _INELIGIBLE
        if status is _UNKNOWN:
            outcome = _UNDETERMINED
    return outcome


class Decision:
    """
    The answer of a rule, with every check it evaluated.

    The outcome is derived from the checks, so it cannot disagree with
    them: INELIGIBLE if any condition is NOT_MET; otherwise UNDETERMINED if
    any is UNKNOWN; otherwise ELIGIBLE. Informative checks and
    NOT_APPLICABLE ones never change the outcome.

    A rule may pass ``deferred`` (a function building the checks) together
    with the ``outcome`` it computed, instead of ``checks``: the checks and
    their bilingual explanations are then built the first time they are
    read, so a caller that only needs the outcome does not pay for the
    explanation. Either way the checks are the same, and when they are built
    the outcome is verified against them.

    A decision is immutable: setting an attribute raises
    :class:`attrs.exceptions.FrozenInstanceError`.

    Args:
        rule: The rule's stable name, e.g. ``"relay.eligibility"``.
        title: What was decided, in English and French.
        subject: Who or what the decision is about.
        on: The case's own legal date, at which parameters were read.
        checks: Every check, in evaluation order.
        deferred: Instead of *checks*, a function that builds them.
        outcome: The outcome, required with *deferred*; with *checks* it is
            verified against them.

    Raises:
        InvalidInputError: If both or neither of *checks* and *deferred* are
            given, if *deferred* comes without *outcome*, or if *outcome*
            disagrees with *checks*.

    Rules make them; a request made before its selection letter (RELAY.3):

    >>> from poles_policy.data.demo import demo_cases
    >>> from poles_policy.parameters import default_parameters
    >>> from poles_policy.rules.relay import eligibility
    >>> decision = eligibility(demo_cases()[31].request, default_parameters())
    >>> decision.outcome, [check.key for check in decision.failed], decision.on
    (<Outcome.INELIGIBLE: 'ineligible'>, ['relay.selection_letter'], datetime.date(2009, 2, 23))
    """

    # All the state in one list, written once: a rule makes a decision per case, and one slot
    # write costs a fraction of seven. [rule, title, subject, on, outcome, checks, deferred]
    __slots__ = ("__weakref__", "_state")
    _state: list[Any]

    def __init__(  # noqa: PLR0913 - the fields of a decision, all keywords
        self,
        *,
        rule: str,
        title: Text,
        subject: str,
        on: date,
        checks: Iterable[Check] | None = None,
        deferred: Callable[[], Iterable[Check]] | None = None,
        outcome: Outcome | None = None,
    ) -> None:
        _decision_fields(rule, title, subject, on, outcome)
        built = None if checks is None else listed(checks, Check, "Decision", "checks")
        if deferred is not None and not callable(deferred):
            refuse("Decision", "deferred", "a function that builds the checks", deferred)
        if (built is None) == (deferred is None):
            msg = "a decision takes either its checks or a function that builds them"
            raise InvalidInputError(msg)
        if deferred is not None and outcome is None:
            msg = "a decision with deferred checks must state its outcome"
            raise InvalidInputError(msg)
        _SET_STATE(self, [rule, title, subject, on, outcome, built, deferred])
        if built is not None and outcome is not None:
            self._verify(built)

    @classmethod
    def lazy(  # noqa: PLR0913, PLR0917 - the fields of a decision, in order
        cls,
        rule: str,
        title: Text,
        subject: str,
        on: date,
        outcome: Outcome,
        build: Callable[[], Iterable[Check]],
    ) -> Decision:
        """
        Make a decision whose checks *build* makes when they are first read.

        This is the fast path for rules: it skips the constructor's argument
        checks, which cannot fail for these arguments, and the outcome is still
        verified against the checks once they are built. The arguments may
        be passed by position, in the order of the signature, on hot paths.
        """
        self = _NEW(cls)
        _SET_STATE(self, [rule, title, subject, on, outcome, None, build])
        return self

    def __setattr__(self, name: str, value: object) -> None:
        raise attrs.exceptions.FrozenInstanceError

    def __delattr__(self, name: str) -> None:
        raise attrs.exceptions.FrozenInstanceError

    @property
    def rule(self) -> str:
        """The rule's stable name, e.g. ``"relay.eligibility"``."""
        rule: str = self._state[0]
        return rule

    @property
    def title(self) -> Text:
        """What was decided, in English and French."""
        title: Text = self._state[1]
        return title

    @property
    def subject(self) -> str:
        """Who or what the decision is about."""
        subject: str = self._state[2]
        return subject

    @property
    def on(self) -> date:
        """The case's own legal date, at which parameters were read."""
        on: date = self._state[3]
        return on

    def _verify(self, checks: tuple[Check, ...]) -> None:
        stated: Outcome | None = self._state[4]
        derived = _outcome(checks)
        if stated is not None and derived is not stated:
            msg = (
                f"decision {self.rule!r}: stated outcome {stated.value} disagrees "
                f"with its checks ({derived.value})"
            )
            raise InvalidInputError(msg)

    @property
    def checks(self) -> tuple[Check, ...]:
        """Every check, in evaluation order (built on first access when deferred)."""
        state = self._state
        checks: tuple[Check, ...] | None = state[5]
        if checks is None:
            checks = tuple(_run_exact(state[6]))
            self._verify(checks)
            # The decision stays logically immutable: this fills a cache once.
            state[5], state[6] = checks, None
        return checks

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Decision):
            return NotImplemented
        return (self.rule, self.title, self.subject, self.on, self.checks) == (
            other.rule,
            other.title,
            other.subject,
            other.on,
            other.checks,
        )

    def __hash__(self) -> int:
        return hash((self.rule, self.subject, self.on, self.checks))

    def __reduce_ex__(self, protocol: SupportsIndex) -> str | tuple[Any, ...]:
        # A deferred decision's builder may be a closure, which pickle cannot carry: the copy
        # or pickle holds the built checks.
        return _decision, (self.rule, self.title, self.subject, self.on, self.checks)

    def __repr__(self) -> str:
        # Through the properties, so a deferred decision shows its checks like any other.
        return (
            f"Decision(rule={self.rule!r}, title={self.title!r}, subject={self.subject!r}, "
            f"on={self.on!r}, outcome={self.outcome!r}, checks={self.checks!r})"
        )

    @property
    def outcome(self) -> Outcome:
        """ELIGIBLE, INELIGIBLE or UNDETERMINED, derived from the checks."""
        stated: Outcome | None = self._state[4]
        return stated if stated is not None else _outcome(self.checks)

    @property
    def conditions(self) -> tuple[Check, ...]:
        """The checks that count toward the outcome."""
        return tuple(c for c in self.checks if not c.informative)

    @property
    def failed(self) -> tuple[Check, ...]:
        """Every condition that is NOT_MET (all of them: no short-circuit)."""
        if self._settled():
            return ()
        return tuple(c for c in self.conditions if c.status is Status.NOT_MET)

    @property
    def missing(self) -> tuple[Fact, ...]:
        """
        The facts still needed to decide, in asking order, each once.

        Only conditions count: a fact that would settle an informative check
        (such as the SME status of a relay applicant) is listed on that check,
        not here, since the outcome does not depend on it.
        """
        if self._settled():
            return ()
        return missing_facts(self.conditions)

    def _settled(self) -> bool:
        # An eligible decision has no failed condition and needs no fact, so
        # these need not build deferred checks (they are verified when built).
        state = self._state
        return state[5] is None and state[4] is _ELIGIBLE

    @property
    def clauses(self) -> tuple[str, ...]:
        """Every clause id cited by the checks, in order of first citation."""
        return tuple(dict.fromkeys(cid for c in self.checks for cid in c.clauses))

    def check(self, key: str) -> Check:
        """
        Return the check named *key*.

        Raises:
            KeyError: If the decision has no such check.
        """
        return find_check(self.checks, key, owner=f"decision {self.rule!r}")

    def explain(self, lang: Lang = "en", *, sources: bool = False) -> str:
        """
        Render a short account of the decision in English or French.

        Each check gets one line with its status, clause ids and reason;
        parameter values follow with their dates and confidence (and their
        sources with ``sources=True``; :meth:`to_dict` always has them);
        missing facts close the account as questions. The French account
        follows French typography (see :meth:`ParameterUse.describe`).

        >>> from poles_policy.data.demo import demo_cases
        >>> from poles_policy.parameters import default_parameters
        >>> from poles_policy.rules.relay import eligibility
        >>> decision = eligibility(demo_cases()[31].request, default_parameters())
        >>> print(decision.explain("fr").splitlines()[0])
        Éligibilité au financement relais — Entreprise 32 SAS (synthetic) — PROJET-32 (synthetic), au 2009-02-23 : NON ÉLIGIBLE
        """  # noqa: E501 - a doctest's output line cannot wrap
        on, colon = ("au", " :") if lang == "fr" else ("on", ":")
        head = (
            f"{self.title.in_lang(lang)} — {self.subject}, {on} {self.on.isoformat()}{colon} "
            f"{self.outcome.label.in_lang(lang)}"
        )
        return render_account(head, self.checks, lang, sources=sources, missing=self.missing)

    def to_dict(self) -> dict[str, Any]:
        """Return the decision as JSON-ready data (strings, numbers, lists, dicts)."""
        return {
            "rule": self.rule,
            "title": self.title.to_dict(),
            "subject": self.subject,
            "on": self.on.isoformat(),
            "outcome": self.outcome._value_,  # _value_: see _check_to_dict
            "checks": [_check_to_dict(c) for c in self.checks],
            "missing": [_fact_to_dict(f) for f in self.missing],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Decision:
        """
        Rebuild a decision from :meth:`to_dict` output.

        Raises:
            InvalidInputError: If the data is malformed, or its ``outcome`` or
                its ``missing`` facts disagree with its checks (the facts the
                checks ask for, in asking order, each once).
        """
        try:
            decision = cls(
                rule=data["rule"],
                title=Text(**data["title"]),
                subject=data["subject"],
                on=date.fromisoformat(data["on"]),
                checks=[_check_at(i, c) for i, c in enumerate(data["checks"])],
            )
        except (KeyError, TypeError, ValueError) as exc:
            if isinstance(exc, InvalidInputError):
                raise
            msg = f"malformed decision data: {exc!r}"
            raise InvalidInputError(msg) from None
        if "outcome" in data and data["outcome"] != decision.outcome.value:
            msg = (
                f"outcome {data['outcome']!r} disagrees with the checks ({decision.outcome.value})"
            )
            raise InvalidInputError(msg)
        if "missing" in data:
            own = [_fact_to_dict(f) for f in decision.missing]
            if data["missing"] != own:
                given = _fact_paths(data["missing"])
                wanted = _fact_paths(own)
                if given == wanted:
                    msg = "missing: the questions differ from those the checks ask"
                else:
                    msg = (
                        f"missing: {given} disagrees with the facts the checks ask for, in "
                        f"asking order, each once: {wanted}"
                    )
                raise InvalidInputError(msg)
        return decision


def _fact_paths(facts: object) -> str:
    """The paths of the facts of a decision's ``missing``, as given, for a message."""
    if not isinstance(facts, list):
        return repr(facts)
    paths = [f.get("path") if isinstance(f, dict) else f for f in facts]
    return "[" + ", ".join(str(p) for p in paths) + "]"


def _decision_fields(
    rule: object, title: object, subject: object, on: object, outcome: object
) -> None:
    """Refuse the first argument of :class:`Decision` that is not of its type."""
    _text_argument(rule, "Decision", "rule")
    if not isinstance(title, Text):
        refuse("Decision", "title", "a Text", title)
    _text_argument(subject, "Decision", "subject")
    expect_day(on, "Decision", "on")
    if outcome is not None and not isinstance(outcome, Outcome):
        refuse("Decision", "outcome", "an Outcome or None", outcome)


# Slot setters, for the hand-written constructors above: they write a frozen
# instance's slots without going through its __setattr__.
_SET_KEY = Check.__dict__["key"].__set__
_SET_CLAUSES = Check.__dict__["clauses"].__set__
_SET_LABEL = Check.__dict__["label"].__set__
_SET_STATUS = Check.__dict__["status"].__set__
_SET_REASON = Check.__dict__["reason"].__set__
_SET_PARAMETERS = Check.__dict__["parameters"].__set__
_SET_MISSING = Check.__dict__["missing"].__set__
_SET_INFORMATIVE = Check.__dict__["informative"].__set__

_NEW = object.__new__

# Decision's constructors write its one slot directly, bypassing its frozen __setattr__.
_SET_STATE = Decision.__dict__["_state"].__set__


def _decision(
    rule: str, title: Text, subject: str, on: date, checks: tuple[Check, ...]
) -> Decision:
    """Rebuild a pickled or copied decision."""
    return Decision(rule=rule, title=title, subject=subject, on=on, checks=checks)


def _fact_to_dict(f: Fact) -> dict[str, Any]:
    return {"path": f.path, "question": {"en": f.question.en, "fr": f.question.fr}}


def _use_to_dict(p: ParameterUse) -> dict[str, str]:
    return {
        "name": p.name,
        "value": p.value,
        "unit": p.unit,
        "valid_from": p.valid_from.isoformat(),
        "source": p.source,
        "confidence": p.confidence,
    }


def _check_to_dict(c: Check) -> dict[str, Any]:
    # Written out field by field: attrs.asdict is generic and several times slower. The
    # status's _value_ is its value without the two Python calls of the ``value`` property, and
    # most checks have no missing fact: the comprehension (a call of its own) is skipped then.
    return {
        "key": c.key,
        "clauses": list(c.clauses),
        "label": {"en": c.label.en, "fr": c.label.fr},
        "status": c.status._value_,
        "reason": {"en": c.reason.en, "fr": c.reason.fr},
        "parameters": [_use_to_dict(p) for p in c.parameters] if c.parameters else [],
        "missing": [_fact_to_dict(f) for f in c.missing] if c.missing else [],
        "informative": c.informative,
    }


def _check_at(index: int, d: Mapping[str, Any]) -> Check:
    """:func:`_check_from_dict`, its errors naming the check's place: ``checks[2]: ...``."""
    try:
        return _check_from_dict(d)
    except InvalidInputError as exc:
        msg = f"checks[{index}]: {exc}"
        raise (WrongTypeError if isinstance(exc, TypeError) else InvalidInputError)(msg) from None


def _check_from_dict(d: Mapping[str, Any]) -> Check:
    return Check(
        key=d["key"],
        clauses=tuple(d["clauses"]),
        label=Text(**d["label"]),
        status=Status(d["status"]),
        reason=Text(**d["reason"]),
        parameters=[
            ParameterUse(**{**p, "valid_from": date.fromisoformat(p["valid_from"])})
            for p in d.get("parameters", ())
        ],
        missing=[
            Fact(path=f["path"], question=Text(**f["question"])) for f in d.get("missing", ())
        ],
        informative=d.get("informative", False),
    )


def json_data(value: object) -> Any:  # noqa: ANN401, PLR0911 - any JSON value, one return per type
    """
    Return *value* as JSON-ready data: dicts, lists, strings, numbers, booleans, null.

    Nothing is rounded on the way: a Decimal is written as its exact decimal
    text (``"0.50"``), a Fraction as ``"17/26"``; a date in ISO form; an enum
    by its value. An object with a ``to_dict`` method (a check, a decision, a
    text, a rule's result) gives that; another attrs object, its public fields
    (:func:`json_fields`).

    Raises:
        WrongTypeError: For a value of a type JSON cannot carry (a
            :class:`TypeError` too).

    >>> json_data({"share": Decimal("0.50"), "exact": Fraction(17, 26), "on": date(2009, 7, 6)})
    {'share': '0.50', 'exact': '17/26', 'on': '2009-07-06'}
    """
    if isinstance(value, enum.Enum):  # first: an IntEnum is an int, a StrEnum a str
        return json_data(value.value)
    if value is None or isinstance(value, str | bool | int):
        return value
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, Fraction):
        return f"{value.numerator}/{value.denominator}"
    if isinstance(value, date):
        return value.isoformat()
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    if attrs.has(type(value)):
        return json_fields(value)
    if isinstance(value, dict):
        return {str(k): json_data(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [json_data(v) for v in value]
    msg = f"{type(value).__name__} cannot be written as JSON: {value!r}"
    raise WrongTypeError(msg)


def json_fields(obj: object, *, properties: Iterable[str] = ()) -> dict[str, Any]:
    """
    Return an attrs object's public fields, then the named *properties*, as JSON-ready data.

    The shared body of the ``to_dict`` of the rules' results: each value goes
    through :func:`json_data`; fields whose name starts with ``_`` are left out.

    Args:
        obj: An attrs object.
        properties: Names of derived values (properties) to add after the fields.

    Raises:
        WrongTypeError: If *obj* is not an attrs object, or a value cannot be
            written as JSON (a :class:`TypeError` too).
    """
    cls = type(obj)
    if not attrs.has(cls):
        refuse("json_fields", "obj", "an attrs object", obj)
    names = listed(properties, str, "json_fields", "properties")
    data = {
        f.name: json_data(getattr(obj, f.name))
        for f in attrs.fields(cls)
        if not f.name.startswith("_")
    }
    for name in names:
        try:
            value = getattr(obj, name)
        except AttributeError:
            msg = f"json_fields: {cls.__name__} has no property {name!r}"
            raise InvalidInputError(msg) from None
        data[name] = json_data(value)
    return data
