"""
Relay-financing eligibility (financement relais, RELAY.1-RELAY.4).

Seven conditions are evaluated, always all of them and in this order, which
is also the order in which :attr:`~poles_policy.explain.Decision.missing`
asks for facts:

1. RELAY.1 - the scheme is in force in the applicant's region on the request
   date (the pilot regions, or everywhere once a national generalisation
   date has passed);
2. RELAY.2 - the applicant is an enterprise;
3. RELAY.2 - the applicant is a partner of the project;
4. RELAY.2 - the project is labelled by at least one pôle on or before the
   request date;
5. RELAY.2 - the State aids the project with a subsidy to this applicant;
6. RELAY.3 - the official selection letter (lettre officielle) was issued on
   or before the request date ("dès l'émission": the letter's own date is
   eligible);
7. RELAY.4 - a subsidy remains to be received on the request date and the
   requested amount does not exceed the share of it that may be
   pre-financed.

SME status ("tout spécialement les PME") is reported on every decision as
priority information; when the parameter ``relay.sme_required`` is true it
becomes an eighth condition.

Every parameter is read at the request date, never at "today".
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import partial
from typing import TYPE_CHECKING, Final

from poles_policy.exceptions import InvalidInputError, ParameterError
from poles_policy.explain import (
    Check,
    Decision,
    Fact,
    Outcome,
    ParameterUse,
    Status,
    Text,
    fr_amount,
    fr_de,
    fr_the,
)
from poles_policy.model.actors import Enterprise, actor_region
from poles_policy.model.projects import Funder, PartnerAid, PoleLabel
from poles_policy.model.regions import existed_by
from poles_policy.model.regions import region as lookup_region
from poles_policy.model.relay import RelayRequest
from poles_policy.money import CENT, EXACT, ZERO, Eur, round_cents
from poles_policy.rules._inputs import (
    expect,
    expect_date,
    expect_items,
    expect_params,
    poles_by_id,
)
from poles_policy.rules._kinds import actor_kind
from poles_policy.rules._labels import labelled, labelled_account
from poles_policy.rules.sme import sme_defined_on, sme_status

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from poles_policy.model.poles import Pole
    from poles_policy.model.projects import ProjectPartner
    from poles_policy.parameters import ParameterSet

__all__ = [
    "ASK_AID",
    "ASK_LETTER",
    "CONDITIONS",
    "RULE",
    "TITLE",
    "check_pilot_regions",
    "eligibility",
    "label",
    "labelled_status",
    "prefinanceable",
]

RULE = "relay.eligibility"
TITLE = Text("Relay financing eligibility", "Éligibilité au financement relais")

_LABELS = {
    "relay.in_force": Text("scheme in force in the region", "dispositif en vigueur dans la région"),
    "relay.enterprise": Text("applicant is an enterprise", "le demandeur est une entreprise"),
    "relay.partner": Text(
        "applicant is a project partner", "le demandeur est partenaire du projet"
    ),
    "relay.labelled": Text("project labelled by a pôle", "projet labellisé par un pôle"),
    "relay.state_aid": Text("State subsidy to the applicant", "subvention de l'État au demandeur"),
    "relay.selection_letter": Text("official selection letter issued", "lettre officielle émise"),
    "relay.remaining": Text(
        "subsidy still to be received covers the request",
        "la subvention restant à recevoir couvre la demande",
    ),
    "relay.sme": Text("SME status (priority)", "statut de PME (priorité)"),
}


CONDITIONS: Final = tuple(key for key in _LABELS if key != "relay.sme")
"""The keys of the seven conditions of eligibility, in the rule's order (RELAY.1-RELAY.4)."""


def label(key: str) -> Text:
    """
    Return the short label of the eligibility condition *key*, in English and French.

    >>> label("relay.selection_letter").fr
    'lettre officielle émise'

    Raises:
        InvalidInputError: If *key* names no condition (the message lists them).
        WrongTypeError: If *key* is not a string.
    """
    expect(key, str, "key", "label")
    found = _LABELS.get(key)
    if found is None:
        msg = f"label: no eligibility condition {key!r}; the keys are {', '.join(_LABELS)}"
        raise InvalidInputError(msg)
    return found


_ASK_REGION = Fact(
    path="applicant.region",
    question=Text(
        "In which region (INSEE code) is the applicant's establishment?",
        "Dans quelle région (code INSEE) se trouve l'établissement du demandeur ?",
    ),
)
ASK_AID = Fact(
    path="project.aid",
    question=Text(
        "Which public aid decisions fund the project, and how much for the applicant?",
        "Quelles décisions d'aide publique financent le projet, et pour quel montant "
        "pour le demandeur ?",
    ),
)
ASK_LETTER = Fact(
    path="project.selection_letter_on",
    question=Text(
        "On what date was the official letter announcing the selected projects issued?",
        "À quelle date la lettre officielle annonçant les projets retenus a-t-elle été émise ?",
    ),
)


def _check(  # noqa: PLR0913 - one argument per field of a Check
    key: str,
    clauses: tuple[str, ...],
    status: Status,
    reason: Text,
    *,
    parameters: tuple[ParameterUse, ...] = (),
    missing: tuple[Fact, ...] = (),
    informative: bool = False,
) -> Check:
    return Check(
        key=key,
        clauses=clauses,
        label=_LABELS[key],
        status=status,
        reason=reason,
        parameters=parameters,
        missing=missing,
        informative=informative,
    )


# Each condition has two parts. Its status function is the one place where the
# condition is decided: cheap, so that screening many requests costs only the
# conditions themselves. Its explanation describes the status it is given
# (bilingual reason, parameters read, facts to ask for) and is built only when
# the decision's checks are read; it never decides anything again.

_IN_FORCE = ("RELAY.1", "RELAY.7")
_RELAY_2 = ("RELAY.2",)
_RELAY_3 = ("RELAY.3",)
_RELAY_4 = ("RELAY.4",)

# The parameters the conditions read, all at the request date, in one lookup.
_TERMS = (
    "relay.pilot_regions",
    "relay.national_from",
    "relay.max_prefinanced_share",
    "relay.sme_required",
)
_MET = Status.MET
_LAZY = Decision.lazy
_NOT_MET = Status.NOT_MET
_UNKNOWN = Status.UNKNOWN
_NA = Status.NOT_APPLICABLE


def _national(national_from: object, on: date) -> bool:
    return isinstance(national_from, date) and on >= national_from


def check_pilot_regions(pilot: object, on: date) -> None:
    """
    Refuse pilot region codes that did not exist yet on *on*, or ever (RELAY.1).

    A pilot of ``("84",)`` in 2009 (Auvergne-Rhône-Alpes, created in 2016)
    or of ``("99",)`` would otherwise leave every applicant outside the pilot
    without a word. A code that existed earlier and has since gone (``"82"``
    after 2015) is the pilot's historic area and passes. The rules call it
    when an applicant is found outside the pilot: only then can a code that
    denotes no region change the answer.

    Raises:
        ParameterError: Naming ``relay.pilot_regions``, the code and its
            validity.

    >>> check_pilot_regions(("82",), date(2009, 7, 1))
    >>> check_pilot_regions(("84",), date(2009, 7, 1))
    Traceback (most recent call last):
    ...
    poles_policy.exceptions.ParameterError: relay.pilot_regions: region code '84' did not exist on 2009-07-01 (valid from 2016-01-01)
    """  # noqa: E501 - a doctest's traceback line cannot wrap
    if not isinstance(pilot, tuple):
        return
    for code in pilot:
        if not existed_by(code, on):
            try:
                lookup_region(code, on)
            except InvalidInputError as exc:
                msg = f"relay.pilot_regions: {exc}"
                raise ParameterError(msg) from None


def _in_force_status(code: str | None, on: date, pilot: object, national_from: object) -> Status:
    if code is None:
        # The region decides only while the scheme is in force in some regions and not others:
        # nationally it is in force wherever the applicant is; before the pilot, nowhere.
        if _national(national_from, on):
            return _MET
        return _UNKNOWN if isinstance(pilot, tuple) and pilot else _NOT_MET
    lookup_region(code, on)  # a code that did not exist then is an input error
    if _national(national_from, on):
        return _MET
    if isinstance(pilot, tuple) and code in pilot:
        return _MET
    check_pilot_regions(pilot, on)
    return _NOT_MET


def _in_force(request: RelayRequest, params: ParameterSet, status: Status) -> Check:
    on = request.requested_on
    code = actor_region(request.applicant)
    uses = params.uses(on, "relay.pilot_regions", "relay.national_from")
    if code is None:
        day = on.isoformat()
        if status is _MET:
            start = params.value("relay.national_from", on)
            when = start.isoformat() if isinstance(start, date) else day
            reason = Text(
                f"generalised nationally from {when}: in force whatever the applicant's region",
                f"généralisé au niveau national depuis le {when} : en vigueur quelle que soit "
                "la région du demandeur",
            )
            return _check("relay.in_force", _IN_FORCE, status, reason, parameters=uses)
        if status is _NOT_MET:
            reason = Text(
                f"the relay scheme was in force in no region on {day}",
                f"le dispositif n'était en vigueur dans aucune région le {day}",
            )
            return _check("relay.in_force", _IN_FORCE, status, reason, parameters=uses)
        reason = Text("the applicant's region is not known", "la région du demandeur est inconnue")
        return _check(
            "relay.in_force", _IN_FORCE, status, reason, parameters=uses, missing=(_ASK_REGION,)
        )
    name = lookup_region(code, on).name
    pilot = params.value("relay.pilot_regions", on)
    national_from = params.value("relay.national_from", on)
    regions = ", ".join(pilot) if isinstance(pilot, tuple) else ""
    if status is _MET and _national(national_from, on):
        since = national_from.isoformat() if isinstance(national_from, date) else ""
        reason = Text(
            f"generalised nationally from {since}; {name} ({code}) is covered",
            f"généralisé au niveau national depuis le {since} ; la région {name} ({code}) est "
            "couverte",
        )
    elif status is _MET:
        reason = Text(
            f"{name} ({code}) is a pilot region ({regions})",
            f"la région {name} ({code}) fait partie des régions pilotes ({regions})",
        )
    elif pilot == ():
        reason = Text(
            f"no pilot region on {on.isoformat()} (relay.pilot_regions is empty) and the "
            "scheme is not national",
            f"aucune région pilote le {on.isoformat()} (relay.pilot_regions est vide) et le "
            "dispositif n'est pas national",
        )
    elif not regions:
        reason = Text(
            f"the relay pilot was not yet in force on {on.isoformat()}",
            f"l'expérimentation n'était pas encore en vigueur le {on.isoformat()}",
        )
    else:
        reason = Text(
            f"{name} ({code}) is not a pilot region ({regions}) and the scheme is not national",
            f"la région {name} ({code}) ne fait pas partie des régions pilotes ({regions}) "
            "et le dispositif n'est pas national",
        )
    return _check("relay.in_force", _IN_FORCE, status, reason, parameters=uses)


def _enterprise(request: RelayRequest, status: Status) -> Check:
    applicant = request.applicant
    who = applicant.name
    if status is _MET:
        reason = Text(f"{who} is an enterprise", f"{fr_the(who)} est une entreprise")
    else:
        kind = actor_kind(applicant)
        reason = Text(
            f"{who} is a {kind.en}, not an enterprise",
            f"{fr_the(who)} est {kind.fr}, pas une entreprise",
        )
    return _check("relay.enterprise", _RELAY_2, status, reason)


def _is_partner(applicant_id: str, partners: tuple[ProjectPartner, ...]) -> bool:
    for partner in partners:  # noqa: SIM110 - a loop beats any() here
        if partner.actor.id == applicant_id:
            return True
    return False


def _partner(request: RelayRequest, status: Status) -> Check:
    project = request.project.name
    who = request.applicant.name
    reason = (
        Text(f"{who} is a partner of {project}", f"{fr_the(who)} est partenaire {fr_de(project)}")
        if status is _MET
        else Text(
            f"{who} is not among the partners of {project}",
            f"{fr_the(who)} ne figure pas parmi les partenaires {fr_de(project)}",
        )
    )
    return _check("relay.partner", _RELAY_2, status, reason)


def labelled_status(
    labels: tuple[PoleLabel, ...], on: date, poles: Iterable[Pole] | None = None
) -> Status:
    """
    Decide "labelled by a pôle on or before *on*" (RELAY.2) from a project's *labels*.

    MET with a label dated on or before *on*; otherwise UNKNOWN when a label
    has no date, NOT_MET when none does. When *poles* is given, a label
    counts only if its pôle held its own label on the day it labelled the
    project, and a label from a pôle not among *poles* is UNKNOWN (its
    history is asked for) unless another label settles the condition.

    Args:
        labels: The project's labels.
        on: The request date.
        poles: The labelling pôles with their labelling histories, or
            ``None`` (the default) to take every label as recorded.

    Raises:
        WrongTypeError: If *labels* is not a list of
            :class:`~poles_policy.model.projects.PoleLabel`, *on* is not a
            date, or *poles* is not a list of pôles.
        InvalidInputError: If two of *poles* have the same id.

    >>> from poles_policy.data import rhone_alpes_poles
    >>> from poles_policy.model.projects import PoleLabel
    >>> late = (PoleLabel(pole_id="sporaltec", labelled_on=date(2010, 9, 1)),)
    >>> labelled_status(late, date(2010, 10, 1)).value
    'met'
    >>> labelled_status(late, date(2010, 10, 1), rhone_alpes_poles()).value
    'not_met'
    """
    given = None if poles is None else poles_by_id(poles)
    try:
        return labelled(labels, on, given)
    except (TypeError, AttributeError):
        # Only a caller's slip leads here: the checks stay off the hot path.
        expect_items(labels, PoleLabel, "labels", "labelled_status")
        expect_date(on, "on", "labelled_status")
        raise


def _labelled(request: RelayRequest, given: Mapping[str, Pole] | None) -> Check:
    on = request.requested_on.isoformat()
    after = Text(f"the request ({on})", f"la demande ({on})")
    status, reason, missing = labelled_account(
        request.project.labels, request.requested_on, given, after=after
    )
    return _check("relay.labelled", _RELAY_2, status, reason, missing=missing)


def _any_granted(aids: tuple[PartnerAid, ...]) -> bool:
    for aid in aids:  # noqa: SIM110 - on this hot path a loop beats any() over a generator
        if aid.granted > ZERO:
            return True
    return False


def _state_aid(request: RelayRequest, aids: tuple[PartnerAid, ...] | None, status: Status) -> Check:
    missing: tuple[Fact, ...] = ()
    if aids is None:
        reason = Text(
            "the project's aid decisions are not known", "les aides du projet sont inconnues"
        )
        missing = (ASK_AID,)
    elif status is _MET:
        granted = sum((a.granted for a in aids), ZERO)
        reason = Text(
            f"State subsidy of {granted} EUR granted to the applicant",
            f"subvention de l'État de {fr_amount(granted)} accordée au demandeur",
        )
    else:
        funders = sorted({d.funder for d in request.project.aid or ()}, key=_funder_value)
        others = ", ".join(f.value for f in funders) if funders else "none"
        autres = ", ".join(_FUNDERS_FR[f] for f in funders) if funders else "aucun"
        reason = Text(
            f"no State subsidy to the applicant (aid from: {others})",
            f"aucune subvention de l'État au demandeur (financeurs du projet : {autres})",
        )
    return _check("relay.state_aid", _RELAY_2, status, reason, missing=missing)


# The funders of aid decisions as a French account names them (their values are identifiers).
_FUNDERS_FR: Final = {
    Funder.STATE: "État",
    Funder.REGION: "Région",
    Funder.DEPARTEMENT: "Département",
    Funder.COMMUNE: "commune",
    Funder.INTERCOMMUNAL: "intercommunalité",
    Funder.FEDER: "FEDER",
    Funder.OTHER: "autre financeur",
}


def _funder_value(funder: Funder) -> str:
    return funder.value


def _selection_letter(request: RelayRequest, status: Status) -> Check:
    on = request.requested_on.isoformat()
    letter = request.project.selection_letter_on
    missing: tuple[Fact, ...] = ()
    if letter is None:
        reason = Text(
            "the date of the official selection letter is not known",
            "la date de la lettre officielle est inconnue",
        )
        missing = (ASK_LETTER,)
    elif status is _MET:
        reason = Text(
            f"letter issued on {letter.isoformat()}, request on {on}",
            f"lettre émise le {letter.isoformat()}, demande le {on}",
        )
    else:
        reason = Text(
            f"request on {on}, before the letter of {letter.isoformat()}",
            f"demande du {on}, antérieure à la lettre du {letter.isoformat()}",
        )
    return _check("relay.selection_letter", _RELAY_3, status, reason, missing=missing)


def prefinanceable(aids: tuple[PartnerAid, ...], on: date, share: Decimal) -> tuple[Eur, Eur]:
    """
    Return the subsidy still to be received on *on*, and the part a relay may pre-finance.

    Payments received after *on* had not been received on that date and are
    not deducted.

    Args:
        aids: The applicant's State subsidies.
        on: The date at which the remaining subsidy is measured.
        share: The share of the remaining subsidy that may be pre-financed.

    Returns:
        ``(remaining, ceiling)`` in euros. The ceiling is rounded *down* to
        the cent: it is the largest amount in whole cents not above
        ``share × remaining``, so a request is within the exact share exactly
        when it is at most the ceiling.

    Raises:
        WrongTypeError: If *aids* is not a list of
            :class:`~poles_policy.model.projects.PartnerAid`, *on* is not a
            date or *share* is not a Decimal.
        InvalidInputError: If *share* is not a share from 0 to 1.

    >>> from poles_policy.model.projects import PartnerAid, Payment
    >>> aid = PartnerAid(
    ...     partner_id="acme",
    ...     granted="300000",
    ...     payments=(Payment(paid_on=date(2009, 6, 1), amount="75000"),),
    ... )
    >>> prefinanceable((aid,), date(2009, 7, 1), Decimal("0.80"))
    (Decimal('225000.00'), Decimal('180000.00'))
    >>> prefinanceable(
    ...     (PartnerAid(partner_id="acme", granted="100000.01"),), date(2009, 7, 1), Decimal("0.5")
    ... )
    (Decimal('100000.01'), Decimal('50000.00'))
    """
    expect_date(on, "on", "prefinanceable")
    expect(share, Decimal, "share", "prefinanceable")
    if not (share.is_finite() and 0 <= share <= 1):
        msg = f"prefinanceable: share {share} is not a share from 0 to 1"
        raise InvalidInputError(msg)
    # Sums and differences of amounts exact to the cent stay exact to the cent: only the
    # share can need rounding.
    # In the exact context, whatever the caller's: this runs outside any rule's decorator.
    remaining: Decimal = ZERO
    try:
        for aid in aids:
            remaining = _ADD(remaining, aid.granted)
            for payment in aid.payments:
                if payment.paid_on <= on:
                    remaining = _SUBTRACT(remaining, payment.amount)
    except (TypeError, AttributeError):
        # Only a caller's slip leads here: the check stays off the hot path.
        expect_items(aids, PartnerAid, "aids", "prefinanceable")
        raise
    exact = Eur(remaining)
    return exact, exact if share == _ONE else _floor_cents(_MULTIPLY(remaining, share))


def _floor_cents(value: Decimal) -> Eur:
    # round_cents is the one rounding of money (half up); stepping back a cent when it rounded
    # up gives the floor without a second rounding rule.
    floor = round_cents(value)
    return Eur(_SUBTRACT(floor, CENT)) if floor > value else floor


_ADD = EXACT.add
_SUBTRACT = EXACT.subtract
_MULTIPLY = EXACT.multiply


def _share(value: object) -> Decimal:
    # Without a share in force, RELAY.4's own bound applies: the relay advances the subsidy
    # still to be received, at most all of it. The check says so (see _remaining).
    return value if isinstance(value, Decimal) else _ONE


def _remaining_status(
    aids: tuple[PartnerAid, ...] | None, amount: Eur, on: date, share: Decimal
) -> Status:
    if aids is None:
        return _UNKNOWN
    remaining, ceiling = prefinanceable(aids, on, share)
    return _NOT_MET if remaining <= 0 or amount > ceiling else _MET


def _remaining(
    request: RelayRequest,
    aids: tuple[PartnerAid, ...] | None,
    params: ParameterSet,
    status: Status,
) -> Check:
    on = request.requested_on
    uses = params.uses(on, "relay.max_prefinanced_share")
    missing: tuple[Fact, ...] = ()
    if aids is None:
        reason = Text("the subsidy granted is not known", "la subvention accordée est inconnue")
        missing = (ASK_AID,)
    elif status is Status.NOT_APPLICABLE:
        reason = Text(
            "no State subsidy to pre-finance (see RELAY.2)",
            "aucune subvention de l'État à préfinancer (voir RELAY.2)",
        )
    else:
        given = params.value("relay.max_prefinanced_share", on)
        share = _share(given)
        remaining, ceiling = prefinanceable(aids, on, share)
        amount = request.amount
        if remaining <= 0:
            reason = Text(
                f"the subsidy was paid in full by {on.isoformat()}: nothing to pre-finance",
                f"la subvention est entièrement versée au {on.isoformat()} : rien à préfinancer",
            )
        elif status is _NOT_MET:
            reason = Text(
                f"requested {amount} EUR exceeds the {ceiling} EUR that may be pre-financed "
                f"({remaining} EUR still to be received)",
                f"la demande de {fr_amount(amount)} dépasse les {fr_amount(ceiling)} "
                f"préfinançables ({fr_amount(remaining)} restant à recevoir)",
            )
        else:
            reason = Text(
                f"requested {amount} EUR of {ceiling} EUR that may be pre-financed "
                f"({remaining} EUR still to be received)",
                f"demande de {fr_amount(amount)} sur {fr_amount(ceiling)} préfinançables "
                f"({fr_amount(remaining)} restant à recevoir)",
            )
        if given is None and remaining > 0:
            reason = Text(
                f"{reason.en}; relay.max_prefinanced_share has no value on {on.isoformat()}: "
                "the ceiling is the whole subsidy still to be received",
                f"{reason.fr} ; relay.max_prefinanced_share est sans valeur au "
                f"{on.isoformat()} : le plafond est toute la subvention restant à recevoir",
            )
    return _check("relay.remaining", _RELAY_4, status, reason, parameters=uses, missing=missing)


def _no_sme_definition(on: date) -> ParameterError:
    """The error of a parameter set that requires an SME status no definition can give."""
    msg = (
        f"relay.sme_required makes the SME status a condition on {on.isoformat()}, but no SME "
        "definition is in force then (sme.consecutive_periods has no value)"
    )
    return ParameterError(msg)


_ONE = Decimal(1)
_BY_SME = {True: Status.MET, False: Status.NOT_MET, None: Status.UNKNOWN}


def _sme_check(request: RelayRequest, params: ParameterSet, *, required: bool) -> Check:
    on = request.requested_on
    uses = params.uses(on, "relay.sme_required")
    applicant = request.applicant
    if not isinstance(applicant, Enterprise):
        return _check(
            "relay.sme",
            _RELAY_2,
            Status.NOT_APPLICABLE,
            Text(
                "only enterprises have an SME status", "seules les entreprises ont un statut de PME"
            ),
            parameters=uses,
            informative=not required,
        )
    if not sme_defined_on(params, on):
        # Before the EU definition is in force (2005), there is no SME status to report; a
        # parameter set with only part of the definition is still an error, in sme_status.
        if required:
            raise _no_sme_definition(on)
        return _check(
            "relay.sme",
            _RELAY_2,
            Status.NOT_APPLICABLE,
            Text(
                f"no SME definition in force on {on.isoformat()}",
                f"aucune définition de la PME en vigueur au {on.isoformat()}",
            ),
            parameters=uses,
            informative=not required,
        )
    result = sme_status(applicant, on, params)
    status = _BY_SME[result.is_sme]
    missing = tuple(
        Fact(path="applicant." + f.path.removeprefix("enterprise."), question=f.question)
        for f in result.missing
    )
    if result.is_sme is None:
        paths = ", ".join(f.path for f in missing) or "-"
        reason = Text(
            f"SME status unknown: facts missing ({paths})",
            f"statut de PME inconnu : faits manquants ({paths})",
        )
    else:
        size = result.size.value if result.size is not None else "-"
        taille = result.size.label.fr if result.size is not None else "-"
        reason = (
            Text(
                f"an SME ({size}): a priority beneficiary",
                f"une PME ({taille}) : bénéficiaire prioritaire",
            )
            if result.is_sme
            else Text(f"not an SME ({size})", f"pas une PME ({taille})")
        )
    return _check(
        "relay.sme",
        _RELAY_2,
        status,
        reason,
        parameters=uses + result.parameters,
        missing=missing if status is Status.UNKNOWN else (),
        informative=not required,
    )


def eligibility(
    request: RelayRequest, params: ParameterSet, *, poles: Iterable[Pole] | None = None
) -> Decision:
    """
    Decide whether *request* may receive relay financing (RELAY.1-RELAY.4).

    All conditions are evaluated, so an ineligible decision lists every
    failing one; facts that are missing make the outcome UNDETERMINED and
    are listed in asking order. The SME status is reported on every decision.

    The outcome is computed at once; the checks and their explanations are
    built when first read
    (:attr:`Decision.checks <poles_policy.explain.Decision.checks>`), so
    screening many requests costs only the conditions themselves.

    Args:
        request: The enterprise's application, dated.
        params: Policy parameters, read at the request date.
        poles: The labelling pôles, with their labelling histories (for
            instance :func:`poles_policy.data.rhone_alpes_poles`); ``None``
            (the default) takes each of the project's labels as recorded.
            When given, a label counts only if its pôle held its own label on
            the day it labelled the project (Sporaltec's labels after its
            delabelling in May 2010 do not), and a label from a pôle not among
            *poles* leaves ``relay.labelled`` UNKNOWN, asking for that pôle's
            history (path ``poles``), unless another label settles it.

    Returns:
        The decision, with one check per condition (keys ``relay.in_force``,
        ``relay.enterprise``, ``relay.partner``, ``relay.labelled``,
        ``relay.state_aid``, ``relay.selection_letter``, ``relay.remaining``)
        followed by ``relay.sme``.

    Raises:
        InvalidInputError: If the applicant's region code did not exist on
            the request date, or two of *poles* have the same id.
        WrongTypeError: If *request*, *params* or *poles* is of the wrong type.

    >>> from poles_policy.data.demo import demo_cases
    >>> from poles_policy.parameters import default_parameters
    >>> params = default_parameters()
    >>> eligibility(demo_cases()[20].request, params).outcome  # Rhône-Alpes, 2009-03-16
    <Outcome.ELIGIBLE: 'eligible'>
    >>> eligibility(demo_cases()[37].request, params).missing[0].path  # letter date not known
    'project.selection_letter_on'
    """
    expect(request, RelayRequest, "request", "eligibility")
    expect_params(params, "eligibility")
    given = None if poles is None else poles_by_id(poles)
    on = request.requested_on
    applicant = request.applicant
    project = request.project
    pilot, national_from, share, sme_required = params.values_at(_TERMS, on)
    aids = project.state_aid_for(applicant.id)
    granted = aids is not None and _any_granted(aids)
    letter = project.selection_letter_on
    statuses = (
        _in_force_status(actor_region(applicant), on, pilot, national_from),
        _MET if isinstance(applicant, Enterprise) else _NOT_MET,
        _MET if _is_partner(applicant.id, project.partners) else _NOT_MET,
        labelled(project.labels, on, given),
        # the State aids the applicant: unknown without the project's aid decisions
        _UNKNOWN if aids is None else _MET if granted else _NOT_MET,
        # the letter was issued on or before the request date ("dès l'émission")
        _UNKNOWN if letter is None else _MET if letter <= on else _NOT_MET,
        # not applicable without a State subsidy (see RELAY.2)
        _remaining_status(aids, request.amount, on, _share(share))
        if granted or aids is None
        else _NA,
    )
    sme = _sme_check(request, params, required=True) if sme_required is True else None
    outcome = Outcome.ELIGIBLE
    for status in statuses if sme is None else (*statuses, sme.status):
        # identity tests: hashing enum members is slow on this hot path
        if status is _NOT_MET:
            outcome = Outcome.INELIGIBLE
            break
        if status is _UNKNOWN:
            outcome = Outcome.UNDETERMINED
    # By position: this is the hot path (rule, title, subject, on, outcome, build).
    return _LAZY(
        RULE,
        TITLE,
        f"{applicant.name} — {project.name}",
        on,
        outcome,
        partial(_explain, request, params, given, aids, statuses, sme),
    )


def _explain(  # noqa: PLR0913, PLR0917 - bound by position in a partial on the hot path
    request: RelayRequest,
    params: ParameterSet,
    given: Mapping[str, Pole] | None,
    aids: tuple[PartnerAid, ...] | None,
    statuses: tuple[Status, ...],
    sme: Check | None,
) -> tuple[Check, ...]:
    """Build the checks that describe *statuses*, the conditions' decided statuses."""
    in_force, enterprise, partner, _, state_aid, letter, remaining = statuses
    return (
        _in_force(request, params, in_force),
        _enterprise(request, enterprise),
        _partner(request, partner),
        _labelled(request, given),
        _state_aid(request, aids, state_aid),
        _selection_letter(request, letter),
        _remaining(request, aids, params, remaining),
        sme if sme is not None else _sme_check(request, params, required=False),
    )
