"""
FUI aid (Fonds unique interministériel, PHASE.2a): the State aid that relay financing bridges.

Four rules:

- :func:`consortium` - whether a collaborative project's consortium
  qualifies for the FUI (enough enterprises and research or training bodies,
  led by an enterprise, labelled by a pôle);
- :func:`aid_rate` and :func:`aid_amount` - the rate a partner's eligible
  costs are aided at, by kind of beneficiary, and the aid it gives;
- :func:`first_payment_window` - when the first payment arrives after the
  official selection letter;
- :func:`payment_schedule` - an estimated schedule of the three
  instalments (advance, intermediate payment, balance) of a grant.

Every parameter is read at the case's own date: the date given to the rule,
or the selection letter's date for payment delays and shares.

Every result explains itself: ``explain(lang)`` renders it in English or
French with the clause ids it applies and the dated parameter values it read
(with their confidence: the payment shares are ``assumption`` parameters),
and ``to_dict()`` gives its JSON form, in which nothing is rounded (decimals
as exact text, dates in ISO form). Each JSON form has a pydantic model in
:mod:`poles_policy.boundary.fui` and a committed JSON Schema.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, Literal, get_args

import attrs

from poles_policy._arguments import expect_flag, with_article
from poles_policy.dates import add_months
from poles_policy.exceptions import InvalidInputError, ParameterError
from poles_policy.explain import (
    Check,
    Decision,
    Fact,
    ParameterUse,
    Status,
    Text,
    fr_a,
    fr_amount,
    fr_count,
    fr_de,
    fr_percent,
    fr_the,
    json_fields,
    render_account,
)
from poles_policy.model.actors import Actor, Enterprise, ResearchOrganisation
from poles_policy.model.projects import (
    CollaborativeProject,
    PaymentKind,
    ProjectPartner,
)
from poles_policy.money import EXACT, ZERO, Eur, eur, exact_decimals, rate_of
from poles_policy.rules._inputs import (
    expect,
    expect_date,
    expect_params,
    poles_by_id,
)
from poles_policy.rules._kinds import actor_kind
from poles_policy.rules._labels import label_date_facts, labelled_account
from poles_policy.rules.sme import SmeResult, sme_status

if TYPE_CHECKING:
    from collections.abc import Iterable

    from poles_policy.explain import Lang
    from poles_policy.model.poles import Pole
    from poles_policy.parameters import ParameterSet

__all__ = [
    "ASK_LABEL_DATE",
    "CONSORTIUM_RULE",
    "SCHEDULE_PARAMETERS",
    "AidAmount",
    "AidBasis",
    "AidRate",
    "EstimatedPayment",
    "PaymentWindow",
    "aid_amount",
    "aid_rate",
    "consortium",
    "first_payment_window",
    "label_date_facts",
    "payment_schedule",
]

# The classes an actor can be, for the check of aid_rate's argument.
_ACTORS: Final[tuple[type, ...]] = get_args(Actor)

CONSORTIUM_RULE = "fui.consortium"
_CLAUSES = ("PHASE.2a",)

AidBasis = Literal["sme", "other_enterprise", "research_marginal_cost", "research_full_cost"]
"""What a partner's FUI aid rate is based on."""

_RATE_PARAMETER: dict[AidBasis, str] = {
    "sme": "fui.aid_rate.sme",
    "other_enterprise": "fui.aid_rate.other_enterprise",
    "research_marginal_cost": "fui.aid_rate.research_marginal_cost",
    "research_full_cost": "fui.aid_rate.research_full_cost",
}
_BASIS_TEXT: dict[AidBasis, Text] = {
    "sme": Text("an SME", "une PME"),
    "other_enterprise": Text("an enterprise that is not an SME", "une entreprise non PME"),
    "research_marginal_cost": Text(
        "a research or training body funded on its marginal costs",
        "un organisme de recherche ou de formation financé à coûts marginaux",
    ),
    "research_full_cost": Text(
        "a research or training body funded on its full costs",
        "un organisme de recherche ou de formation financé à coûts complets",
    ),
}


# --- shared helpers ----------------------------------------------------------------------------


def _pct(share: Decimal) -> str:
    # In EXACT: explanations are also rendered outside the rules, in the caller's context.
    # English only: French accounts write shares with fr_percent ("4,5 %").
    return f"{EXACT.multiply(share, 100).normalize(EXACT):f} %"


def _sme_checks(sme: SmeResult | None) -> tuple[Check, ...]:
    """The checks of an enterprise's SME status, which its aid rate depends on (none otherwise)."""
    return () if sme is None else sme.decision.checks


# --- consortium (PHASE.2a) ---------------------------------------------------------------------

_CONSORTIUM_TITLE = Text("FUI consortium", "Consortium FUI")
_CONSORTIUM_LABELS = {
    "fui.enterprises": Text("enough enterprises", "assez d'entreprises"),
    "fui.research_bodies": Text(
        "enough research or training bodies", "assez d'organismes de recherche ou de formation"
    ),
    "fui.lead": Text("led by an enterprise", "piloté par une entreprise"),
    "fui.labelled": Text("labelled by a pôle", "labellisé par un pôle"),
}
_ASK_LEAD = Fact(
    path="project.partners.role",
    question=Text(
        "Which partner leads the project (chef de file)?",
        "Quel partenaire est le chef de file du projet ?",
    ),
)
ASK_LABEL_DATE = Fact(
    path="project.labels.labelled_on",
    question=Text(
        "On what date did a pôle label the project?",
        "À quelle date un pôle a-t-il labellisé le projet ?",
    ),
)
"""The question for a label's date in general; the rules ask it of each undated label."""


def _consortium_check(
    key: str,
    status: Status,
    reason: Text,
    *,
    parameters: tuple[ParameterUse, ...] = (),
    missing: tuple[Fact, ...] = (),
) -> Check:
    return Check(
        key=key,
        clauses=_CLAUSES,
        label=_CONSORTIUM_LABELS[key],
        status=status,
        reason=reason,
        parameters=parameters,
        missing=missing,
    )


def _minimum(  # noqa: PLR0913 - the two counting checks share this shape
    key: str,
    *,
    name: str,
    members: list[str],
    what: Text,
    what_fr: tuple[str, str],
    on: date,
    params: ParameterSet,
) -> Check:
    """A count of partners against its minimum; *what_fr*: the French noun, singular and plural."""
    needed = params.count(name, on)
    found = len(members)
    listed = ", ".join(members) if members else "-"
    status = Status.MET if found >= needed else Status.NOT_MET
    # "il en faut": the minimum reads the same whatever the noun's gender and number.
    reason = Text(
        f"{found} {what.en} ({listed}); at least {needed} required",
        f"{fr_count(found, *what_fr)} ({listed}) ; il en faut au moins {needed}",
    )
    return _consortium_check(key, status, reason, parameters=params.uses(on, name))


def _lead(project: CollaborativeProject) -> Check:
    lead = project.lead
    if lead is None:
        reason = Text("no partner is named as lead", "aucun partenaire n'est désigné chef de file")
        return _consortium_check("fui.lead", Status.UNKNOWN, reason, missing=(_ASK_LEAD,))
    who = lead.actor.name
    if isinstance(lead.actor, Enterprise):
        reason = Text(f"led by {who}, an enterprise", f"piloté par {fr_the(who)}, une entreprise")
        return _consortium_check("fui.lead", Status.MET, reason)
    kind = with_article(actor_kind(lead.actor).en)
    reason = Text(
        f"led by {who}, {kind}, not an enterprise",
        f"piloté par {fr_the(who)}, {actor_kind(lead.actor).fr}, pas une entreprise",
    )
    return _consortium_check("fui.lead", Status.NOT_MET, reason)


def _labelled(project: CollaborativeProject, on: date, given: dict[str, Pole] | None) -> Check:
    after = Text(on.isoformat(), f"le {on.isoformat()}")
    status, reason, missing = labelled_account(project.labels, on, given, after=after)
    return _consortium_check("fui.labelled", status, reason, missing=missing)


@exact_decimals
def consortium(
    project: CollaborativeProject,
    on: date,
    params: ParameterSet,
    *,
    poles: Iterable[Pole] | None = None,
) -> Decision:
    """
    Decide whether *project*'s consortium qualifies for FUI aid (PHASE.2a).

    Four conditions, all evaluated, in this order:

    1. at least ``fui.consortium.min_enterprises`` (2) partners are
       enterprises;
    2. at least ``fui.consortium.min_research_bodies`` (1) partners are
       research or training bodies (any
       :class:`~poles_policy.model.actors.ResearchOrganisation`: public
       research organisation, university, laboratory, training body,
       private non-profit research centre; cooperation structures such as a
       PRES are not counted);
    3. the lead partner (*chef de file*) is an enterprise; UNKNOWN when no
       partner is named as lead;
    4. at least one pôle labelled the project on or before *on* (a label
       dated that very day counts); UNKNOWN when only undated labels could
       settle it. When *poles* is given, a label counts only if its pôle
       held its own label on the day it labelled the project (a label given
       by Sporaltec after its withdrawal in May 2010 does not count); a
       label from a pôle not among *poles* leaves the check UNKNOWN, asking
       for that pôle's history, unless another label settles it.

    Args:
        project: The collaborative project and its partners.
        on: The date of the assessment, e.g. the call's submission deadline;
            the parameters are read at it.
        params: Policy parameters.
        poles: The labelling pôles, with their labelling histories (for
            instance :func:`poles_policy.data.rhone_alpes_poles`); ``None``
            (the default) takes each label as recorded, without checking the
            pôle that gave it.

    Returns:
        The decision (rule ``"fui.consortium"``), with checks
        ``fui.enterprises``, ``fui.research_bodies``, ``fui.lead`` and
        ``fui.labelled``, each citing PHASE.2a.

    Raises:
        ParameterError: If a consortium parameter has no value on *on*
            (before the FUI was created, 6 March 2006).
        InvalidInputError: If two of *poles* have the same id.
        WrongTypeError: If *poles* is not a list of
            :class:`~poles_policy.model.poles.Pole`.

    >>> from datetime import date
    >>> from poles_policy.data import rhone_alpes_poles
    >>> from poles_policy.model.actors import Enterprise, ResearchKind, ResearchOrganisation
    >>> from poles_policy.model.projects import (
    ...     CollaborativeProject,
    ...     PartnerRole,
    ...     PoleLabel,
    ...     ProjectPartner,
    ... )
    >>> from poles_policy.parameters import default_parameters
    >>> project = CollaborativeProject(
    ...     id="skimax",
    ...     name="SKIMAX",
    ...     partners=[
    ...         ProjectPartner(actor=Enterprise(id="a", name="A SAS"), role=PartnerRole.LEAD),
    ...         ProjectPartner(actor=Enterprise(id="b", name="B SA")),
    ...         ProjectPartner(
    ...             actor=ResearchOrganisation(id="lab", name="Lab", kind=ResearchKind.LABORATORY)
    ...         ),
    ...     ],
    ...     labels=[PoleLabel(pole_id="sporaltec", labelled_on=date(2010, 9, 1))],
    ... )
    >>> params = default_parameters()
    >>> consortium(project, date(2010, 10, 1), params).outcome.value
    'eligible'
    >>> checked = consortium(project, date(2010, 10, 1), params, poles=rhone_alpes_poles())
    >>> checked.outcome.value
    'ineligible'
    >>> print(checked.checks[-1].reason.en)
    sporaltec did not hold its pôle label on 2010-09-01, when it labelled the project
    """
    expect(project, CollaborativeProject, "project", "consortium")
    expect_date(on, "on", "consortium")
    expect_params(params, "consortium")
    given = None if poles is None else poles_by_id(poles)
    enterprises = [p.actor.name for p in project.partners if isinstance(p.actor, Enterprise)]
    research = [p.actor.name for p in project.partners if isinstance(p.actor, ResearchOrganisation)]
    checks = (
        _minimum(
            "fui.enterprises",
            name="fui.consortium.min_enterprises",
            members=enterprises,
            what=Text("enterprise(s)", "entreprise(s)"),
            what_fr=("entreprise", "entreprises"),
            on=on,
            params=params,
        ),
        _minimum(
            "fui.research_bodies",
            name="fui.consortium.min_research_bodies",
            members=research,
            what=Text(
                "research or training body(ies)", "organisme(s) de recherche ou de formation"
            ),
            what_fr=(
                "organisme de recherche ou de formation",
                "organismes de recherche ou de formation",
            ),
            on=on,
            params=params,
        ),
        _lead(project),
        _labelled(project, on, given),
    )
    return Decision(
        rule=CONSORTIUM_RULE,
        title=_CONSORTIUM_TITLE,
        subject=project.name,
        on=on,
        checks=checks,
    )


# --- aid rates and amounts (PHASE.2a) ----------------------------------------------------------

_RATE_LABEL = Text("FUI aid rate", "taux d'aide FUI")
_AMOUNT_LABEL = Text("FUI aid amount", "montant de l'aide FUI")
# What is unknown of an aid amount, in French, by (costs unknown, rate unknown): the adjective
# agrees with what is missing ("dépenses" is feminine plural, "taux" masculine).
_UNKNOWN_FR: Final = {
    (True, True): "dépenses éligibles et taux inconnus",
    (True, False): "dépenses éligibles inconnues",
    (False, True): "taux inconnu",
}
_ASK_COSTS = Fact(
    path="partner.eligible_costs",
    question=Text(
        "What are the partner's eligible expenses in the project?",
        "Quelle est l'assiette des dépenses éligibles du partenaire dans le projet ?",
    ),
)


@attrs.frozen(kw_only=True)
class AidRate:
    """
    The FUI aid rate of one beneficiary on a date (PHASE.2a).

    ``rate`` is ``None`` in two distinct cases, which :attr:`check` tells
    apart: the enterprise's SME status is not known (UNKNOWN, with the facts
    to provide), or the actor is neither an enterprise nor a research or
    training body (NOT_APPLICABLE). A rate of ``0`` would be a real zero.

    Attributes:
        rate: The share of eligible costs aided, e.g. ``Decimal("0.45")``,
            or ``None``.
        basis: What the rate is based on, or ``None`` with ``rate``.
        check: The explanation (key ``fui.aid_rate``), with the parameter read.
        sme: The SME status the rate of an enterprise depends on, or
            ``None`` for other actors.
    """

    rate: Decimal | None
    basis: AidBasis | None
    check: Check
    sme: SmeResult | None = None

    @property
    def missing(self) -> tuple[Fact, ...]:
        """The facts that would give the rate (those of the SME test), in asking order."""
        return self.check.missing

    def explain(self, lang: Lang = "en", *, sources: bool = False) -> str:
        """
        Render the rate, its check with the parameter read, then the SME status behind it.

        For an enterprise, the checks of its SME status follow the rate's
        (the rate depends on it); the facts to provide close the account.

        Args:
            lang: ``"en"`` or ``"fr"``; any other language is refused.
            sources: Whether to add each parameter's source.

        Raises:
            InvalidInputError: If *lang* is neither ``"en"`` nor ``"fr"``.

        >>> from datetime import date
        >>> from poles_policy.model.actors import ResearchKind, ResearchOrganisation
        >>> from poles_policy.parameters import default_parameters
        >>> lab = ResearchOrganisation(id="lab", name="Lab", kind=ResearchKind.LABORATORY)
        >>> rated = aid_rate(lab, date(2009, 7, 1), default_parameters(), full_cost=True)
        >>> print(rated.explain("fr"))
        Taux d'aide FUI : 40 % (un organisme de recherche ou de formation financé à coûts complets)
          [remplie] taux d'aide FUI — PHASE.2a : 40 % des dépenses éligibles pour un organisme ...
              fui.aid_rate.research_full_cost = 0,40 (part, depuis le 2006-03-06 ; sourcé)
        """
        if self.rate is not None and self.basis is not None:
            what = _BASIS_TEXT[self.basis]
            head = Text(
                f"FUI aid rate: {_pct(self.rate)} ({what.en})",
                f"Taux d'aide FUI : {fr_percent(self.rate)} ({what.fr})",
            )
        elif self.check.status is Status.NOT_APPLICABLE:
            head = Text("FUI aid rate: not applicable", "Taux d'aide FUI : sans objet")
        else:
            head = Text("FUI aid rate: unknown", "Taux d'aide FUI : inconnu")
        checks = (self.check, *_sme_checks(self.sme))
        return render_account(
            head.in_lang(lang), checks, lang, sources=sources, missing=self.missing
        )

    def to_dict(self) -> dict[str, Any]:
        """
        Return the rate as JSON-ready data (exact decimals as text, dates in ISO form).

        The SME status, when there is one, comes with its figures and its
        decision; ``missing`` lists the facts that would give the rate.

        >>> from datetime import date
        >>> from poles_policy.model.actors import ResearchKind, ResearchOrganisation
        >>> from poles_policy.parameters import default_parameters
        >>> lab = ResearchOrganisation(id="lab", name="Lab", kind=ResearchKind.LABORATORY)
        >>> data = aid_rate(lab, date(2009, 7, 1), default_parameters()).to_dict()
        >>> data["rate"], data["basis"], data["sme"], data["check"]["status"]
        ('1.00', 'research_marginal_cost', None, 'met')
        """
        return json_fields(self, properties=("missing",))


def _rated(basis: AidBasis, on: date, params: ParameterSet, sme: SmeResult | None) -> AidRate:
    name = _RATE_PARAMETER[basis]
    value = params.decimal(name, on)
    what = _BASIS_TEXT[basis]
    reason = Text(
        f"{_pct(value)} of eligible costs for {what.en}",
        f"{fr_percent(value)} des dépenses éligibles pour {what.fr}",
    )
    check = Check(
        key="fui.aid_rate",
        clauses=_CLAUSES,
        label=_RATE_LABEL,
        status=Status.MET,
        reason=reason,
        parameters=params.uses(on, name),
    )
    return AidRate(rate=value, basis=basis, check=check, sme=sme)


@exact_decimals
def aid_rate(actor: Actor, on: date, params: ParameterSet, *, full_cost: bool = False) -> AidRate:
    """
    Return the FUI aid rate of *actor* on *on* (PHASE.2a).

    - An enterprise gets ``fui.aid_rate.sme`` (45 %) if it is an SME on
      *on* (:func:`~poles_policy.rules.sme.sme_status`), else
      ``fui.aid_rate.other_enterprise`` (30 %). When its SME status is not
      known the rate is ``None`` and the check is UNKNOWN, asking for the
      facts the SME rule needs (their paths are relative to the enterprise)
      and quoting both possible rates.
    - A research or training body gets ``fui.aid_rate.research_marginal_cost``
      (100 % of its marginal, i.e. additional, costs) by default, or
      ``fui.aid_rate.research_full_cost`` (40 % of its full costs) with
      ``full_cost=True``. The choice is a fact of the aid agreement, not of
      the policy, so the caller makes it.
    - Any other actor (local authority, cooperation structure, bank, ...)
      has no FUI rate: ``rate`` is ``None`` and the check NOT_APPLICABLE.

    Args:
        actor: The beneficiary.
        on: The date of the aid decision (or of the call); the rate and the
            SME thresholds are read at it.
        params: Policy parameters.
        full_cost: For a research or training body, aid its full costs
            instead of its marginal costs. Ignored for other actors.

    Returns:
        The rate, its basis and the check (key ``fui.aid_rate``).

    Raises:
        ParameterError: If the rate (or an SME threshold) has no value on *on*.

    >>> from datetime import date
    >>> from poles_policy.model.actors import ResearchKind, ResearchOrganisation
    >>> from poles_policy.parameters import default_parameters
    >>> lab = ResearchOrganisation(id="lab", name="Lab", kind=ResearchKind.LABORATORY)
    >>> aid_rate(lab, date(2009, 7, 1), default_parameters()).rate
    Decimal('1.00')
    >>> aid_rate(lab, date(2009, 7, 1), default_parameters(), full_cost=True).rate
    Decimal('0.40')
    """
    expect(
        actor, _ACTORS, "actor", "aid_rate", what="actor (Enterprise, ResearchOrganisation, ...)"
    )
    expect_date(on, "on", "aid_rate")
    expect_params(params, "aid_rate")
    expect_flag(full_cost, "aid_rate", "full_cost")
    if isinstance(actor, ResearchOrganisation):
        basis: AidBasis = "research_full_cost" if full_cost else "research_marginal_cost"
        return _rated(basis, on, params, None)
    if not isinstance(actor, Enterprise):
        kind = with_article(actor_kind(actor).en)
        reason = Text(
            f"{actor.name} is {kind}: FUI rates apply to enterprises and to research or "
            "training bodies",
            f"{fr_the(actor.name)} est {actor_kind(actor).fr} : les taux FUI s'appliquent aux "
            "entreprises et aux organismes de recherche ou de formation",
        )
        check = Check(
            key="fui.aid_rate",
            clauses=_CLAUSES,
            label=_RATE_LABEL,
            status=Status.NOT_APPLICABLE,
            reason=reason,
        )
        return AidRate(rate=None, basis=None, check=check)
    sme = sme_status(actor, on, params)
    if sme.is_sme is True:
        return _rated("sme", on, params, sme)
    if sme.is_sme is False:
        return _rated("other_enterprise", on, params, sme)
    names = (_RATE_PARAMETER["sme"], _RATE_PARAMETER["other_enterprise"])
    if_sme, otherwise = (params.decimal(name, on) for name in names)
    reason = Text(
        f"SME status of {actor.name} unknown: {_pct(if_sme)} if an SME, "
        f"{_pct(otherwise)} otherwise",
        f"statut de PME {fr_de(actor.name)} inconnu : {fr_percent(if_sme)} si PME, "
        f"{fr_percent(otherwise)} sinon",
    )
    check = Check(
        key="fui.aid_rate",
        clauses=_CLAUSES,
        label=_RATE_LABEL,
        status=Status.UNKNOWN,
        reason=reason,
        parameters=params.uses(on, *names),
        missing=sme.decision.missing,
    )
    return AidRate(rate=None, basis=None, check=check, sme=sme)


@attrs.frozen(kw_only=True)
class AidAmount:
    """
    The FUI aid one partner receives: its rate times its eligible costs (PHASE.2a).

    Attributes:
        amount: ``rate × eligible_costs`` rounded half up once to the cent,
            or ``None`` when the rate or the costs are unknown, or no FUI
            rate applies to the partner (:attr:`check` says which).
            ``0.00`` is a real zero (no eligible costs).
        rate: The partner's :class:`AidRate`.
        eligible_costs: The partner's eligible costs, or ``None`` if unknown.
        check: The explanation (key ``fui.aid_amount``).
    """

    amount: Eur | None
    rate: AidRate
    eligible_costs: Eur | None
    check: Check

    @property
    def checks(self) -> tuple[Check, Check]:
        """The rate's check, then the amount's."""
        return (self.rate.check, self.check)

    @property
    def missing(self) -> tuple[Fact, ...]:
        """The facts that would give the amount, in asking order: costs first, then the rate's."""
        return self.check.missing

    def explain(self, lang: Lang = "en", *, sources: bool = False) -> str:
        """
        Render the amount, the rate's and the amount's checks, then the SME status behind the rate.

        Args:
            lang: ``"en"`` or ``"fr"``; any other language is refused.
            sources: Whether to add each parameter's source.

        Raises:
            InvalidInputError: If *lang* is neither ``"en"`` nor ``"fr"``.

        >>> from datetime import date
        >>> from decimal import Decimal
        >>> from poles_policy.model.actors import ResearchKind, ResearchOrganisation
        >>> from poles_policy.model.projects import ProjectPartner
        >>> from poles_policy.parameters import default_parameters
        >>> lab = ResearchOrganisation(id="lab", name="Lab", kind=ResearchKind.LABORATORY)
        >>> partner = ProjectPartner(actor=lab, eligible_costs=Decimal("250000"))
        >>> print(aid_amount(partner, date(2009, 7, 1), default_parameters()).explain())
        FUI aid: 250000.00 EUR
          [met] FUI aid rate — PHASE.2a: 100 % of eligible costs for a research or training ...
              fui.aid_rate.research_marginal_cost = 1.00 (share, since 2006-03-06; sourced)
          [met] FUI aid amount — PHASE.2a: 100 % × 250000.00 EUR = 250000.00 EUR
              fui.aid_rate.research_marginal_cost = 1.00 (share, since 2006-03-06; sourced)
        """
        if self.amount is not None:
            head = Text(f"FUI aid: {self.amount} EUR", f"Aide FUI : {fr_amount(self.amount)}")
        elif self.check.status is Status.NOT_APPLICABLE:
            head = Text("FUI aid: not applicable", "Aide FUI : sans objet")
        else:
            head = Text("FUI aid: unknown", "Aide FUI : inconnue")
        checks = (*self.checks, *_sme_checks(self.rate.sme))
        return render_account(
            head.in_lang(lang), checks, lang, sources=sources, missing=self.missing
        )

    def to_dict(self) -> dict[str, Any]:
        """
        Return the amount as JSON-ready data (exact decimals as text, dates in ISO form).

        The rate comes as :meth:`AidRate.to_dict` gives it; an amount of
        ``"0.00"`` is a real zero, ``null`` an amount that is unknown or does
        not apply (the check says which).

        >>> from datetime import date
        >>> from decimal import Decimal
        >>> from poles_policy.model.actors import ResearchKind, ResearchOrganisation
        >>> from poles_policy.model.projects import ProjectPartner
        >>> from poles_policy.parameters import default_parameters
        >>> lab = ResearchOrganisation(id="lab", name="Lab", kind=ResearchKind.LABORATORY)
        >>> partner = ProjectPartner(actor=lab, eligible_costs=Decimal("123456.78"))
        >>> data = aid_amount(partner, date(2009, 7, 1), default_parameters()).to_dict()
        >>> data["amount"], data["eligible_costs"], data["rate"]["rate"], data["missing"]
        ('123456.78', '123456.78', '1.00', [])
        """
        return json_fields(self, properties=("missing",))


@exact_decimals
def aid_amount(
    partner: ProjectPartner, on: date, params: ParameterSet, *, full_cost: bool = False
) -> AidAmount:
    """
    Return the FUI aid of *partner*: its rate times its eligible costs (PHASE.2a).

    The product is rounded half up once, to the cent. A partner whose costs
    are unknown (``eligible_costs=None``) or whose rate is unknown gets
    ``amount=None`` and an UNKNOWN check listing the facts to provide (the
    costs first); a partner with no FUI rate gets a NOT_APPLICABLE check.

    Args:
        partner: The project partner, with its eligible costs.
        on: The date of the aid decision; parameters are read at it.
        params: Policy parameters.
        full_cost: See :func:`aid_rate`.

    Returns:
        The amount, the rate and the check (key ``fui.aid_amount``).

    Raises:
        ParameterError: If the rate has no value on *on*.

    >>> from datetime import date
    >>> from decimal import Decimal
    >>> from poles_policy.model.actors import ResearchKind, ResearchOrganisation
    >>> from poles_policy.model.projects import ProjectPartner
    >>> from poles_policy.parameters import default_parameters
    >>> lab = ResearchOrganisation(id="lab", name="Lab", kind=ResearchKind.LABORATORY)
    >>> partner = ProjectPartner(actor=lab, eligible_costs=Decimal("123456.78"))
    >>> aid_amount(partner, date(2009, 7, 1), default_parameters(), full_cost=True).amount
    Decimal('49382.71')
    """
    expect(partner, ProjectPartner, "partner", "aid_amount")
    expect_date(on, "on", "aid_amount")
    expect_params(params, "aid_amount")
    expect_flag(full_cost, "aid_amount", "full_cost")
    rated = aid_rate(partner.actor, on, params, full_cost=full_cost)
    costs = partner.eligible_costs
    parameters = rated.check.parameters
    missing: tuple[Fact, ...] = ()
    amount: Eur | None = None
    status = Status.MET
    if rated.check.status is Status.NOT_APPLICABLE:
        reason = Text(
            f"no FUI rate applies to {partner.actor.name}",
            f"aucun taux FUI ne s'applique {fr_a(partner.actor.name)}",
        )
        status = Status.NOT_APPLICABLE
    elif costs is not None and not costs and rated.rate is None:
        # No eligible costs: no aid, whichever rate the facts asked for would give.
        amount = ZERO
        reason = Text(
            f"no eligible costs: {amount} EUR whatever the rate",
            f"aucune dépense éligible : {fr_amount(amount)} quel que soit le taux",
        )
    elif costs is None or rated.rate is None:
        missing = ((_ASK_COSTS,) if costs is None else ()) + rated.check.missing
        unknown_en = " and ".join(
            w for w, gap in (("eligible costs", costs is None), ("rate", rated.rate is None)) if gap
        )
        reason = Text(f"unknown: {unknown_en}", _UNKNOWN_FR[costs is None, rated.rate is None])
        status = Status.UNKNOWN
    else:
        amount = rate_of(costs, rated.rate)
        reason = Text(
            f"{_pct(rated.rate)} × {costs} EUR = {amount} EUR",
            f"{fr_percent(rated.rate)} × {fr_amount(costs)} = {fr_amount(amount)}",
        )
    check = Check(
        key="fui.aid_amount",
        clauses=_CLAUSES,
        label=_AMOUNT_LABEL,
        status=status,
        reason=reason,
        parameters=parameters,
        missing=missing,
    )
    return AidAmount(amount=amount, rate=rated, eligible_costs=costs, check=check)


# --- payments ----------------------------------------------------------------------------------

_WINDOW_CLAUSES: Final = ("PHASE.2a", "RELAY.6")
_ADVANCE: Final = "fui.payment.advance_share"
_BALANCE: Final = "fui.payment.balance_share"
_SCHEDULE_CLAUSES: Final = ("PHASE.2a", "RELAY.4")


def _expected_fr(amount: Decimal) -> str:
    """The French participle "attendu" agreeing with *amount* in euros: singular below two."""
    return "attendu" if abs(amount) < 2 else "attendus"


def _when(earliest: date, latest: date) -> Text:
    if earliest == latest:
        return Text(f"on {earliest.isoformat()}", f"le {earliest.isoformat()}")
    return Text(
        f"from {earliest.isoformat()} to {latest.isoformat()}",
        f"du {earliest.isoformat()} au {latest.isoformat()}",
    )


@attrs.frozen(kw_only=True)
class PaymentWindow:
    """
    The estimated range of dates of the first subsidy payment.

    Attributes:
        earliest: The letter date plus the low delay.
        latest: The letter date plus the high delay.
        low_months: The low delay, in months.
        high_months: The high delay, in months.
        parameters: The parameter values used, with their dates and sources.
    """

    earliest: date
    latest: date
    low_months: int
    high_months: int
    parameters: tuple[ParameterUse, ...]

    @property
    def check(self) -> Check:
        """The estimate as a check citing PHASE.2a and RELAY.6, with the delays read."""
        low, high = self.low_months, self.high_months
        months = (
            Text(f"{low} months", f"{low} mois")
            if low == high
            else Text(f"{low} to {high} months", f"{low} à {high} mois")
        )
        when = _when(self.earliest, self.latest)
        return Check(
            key="fui.first_payment_window",
            clauses=_WINDOW_CLAUSES,
            label=Text("first FUI payment, estimated", "premier versement FUI, estimé"),
            status=Status.MET,
            reason=Text(
                f"selection letter + {months.en}: {when.en}",
                f"lettre officielle de sélection + {months.fr} : {when.fr}",
            ),
            parameters=self.parameters,
        )

    def explain(self, lang: Lang = "en", *, sources: bool = False) -> str:
        """
        Render the window, then its check with the delays read.

        Args:
            lang: ``"en"`` or ``"fr"``; any other language is refused.
            sources: Whether to add each parameter's source.

        Raises:
            InvalidInputError: If *lang* is neither ``"en"`` nor ``"fr"``.

        >>> from datetime import date
        >>> from poles_policy.parameters import default_parameters
        >>> print(first_payment_window(date(2009, 3, 31), default_parameters()).explain())
        First FUI payment expected from 2009-09-30 to 2009-12-31
          [met] first FUI payment, estimated — PHASE.2a, RELAY.6: selection letter + 6 to 9 ...
              fui.first_payment_delay_months.low = 6 (months, since 2006-03-06; sourced)
              fui.first_payment_delay_months.high = 9 (months, since 2006-03-06; sourced)
        """
        when = _when(self.earliest, self.latest)
        head = Text(
            f"First FUI payment expected {when.en}", f"Premier versement FUI attendu {when.fr}"
        )
        return render_account(head.in_lang(lang), (self.check,), lang, sources=sources)

    def to_dict(self) -> dict[str, Any]:
        """
        Return the window as JSON-ready data (dates in ISO form), with its check.

        >>> from datetime import date
        >>> from poles_policy.parameters import default_parameters
        >>> data = first_payment_window(date(2009, 3, 31), default_parameters()).to_dict()
        >>> data["earliest"], data["latest"], [p["value"] for p in data["parameters"]]
        ('2009-09-30', '2009-12-31', ['6', '9'])
        """
        return json_fields(self, properties=("check",))


@exact_decimals
def first_payment_window(letter_on: date, params: ParameterSet) -> PaymentWindow:
    """
    Estimate when the first FUI payment arrives after the selection letter (RELAY.6).

    The delay (6 to 9 months before March 2013, at most 3 months after) is
    read at the letter's date and added to it from the anchor, month by month
    with end-of-month clamping (31 January + 1 month = 28/29 February).

    Args:
        letter_on: The date of the official selection letter.
        params: Policy parameters, read at *letter_on*.

    Raises:
        ParameterError: If no delay is in force on *letter_on*.

    >>> from datetime import date
    >>> from poles_policy.parameters import default_parameters
    >>> w = first_payment_window(date(2009, 3, 31), default_parameters())
    >>> w.earliest, w.latest
    (datetime.date(2009, 9, 30), datetime.date(2009, 12, 31))
    """
    expect_date(letter_on, "letter_on", "first_payment_window")
    expect_params(params, "first_payment_window")
    low = params.require("fui.first_payment_delay_months.low", letter_on).value
    high = params.require("fui.first_payment_delay_months.high", letter_on).value
    if not isinstance(low, int) or not isinstance(high, int) or low > high:
        msg = f"fui.first_payment_delay_months on {letter_on.isoformat()}: low {low} > high {high}"
        raise ParameterError(msg)
    uses = tuple(
        u
        for u in (
            params.use("fui.first_payment_delay_months.low", letter_on),
            params.use("fui.first_payment_delay_months.high", letter_on),
        )
        if u is not None
    )
    return PaymentWindow(
        earliest=add_months(letter_on, low),
        latest=add_months(letter_on, high),
        low_months=low,
        high_months=high,
        parameters=uses,
    )


_PAYMENT_LABELS: Final = {
    PaymentKind.ADVANCE: Text("estimated advance", "avance estimée"),
    PaymentKind.INTERMEDIATE: Text(
        "estimated intermediate payment", "versement intermédiaire estimé"
    ),
    PaymentKind.BALANCE: Text("estimated balance", "solde estimé"),
}
_PAYMENT_HEADS: Final = {
    PaymentKind.ADVANCE: Text("Estimated FUI advance", "Avance FUI estimée"),
    PaymentKind.INTERMEDIATE: Text(
        "Estimated FUI intermediate payment", "Versement intermédiaire FUI estimé"
    ),
    PaymentKind.BALANCE: Text("Estimated FUI balance", "Solde FUI estimé"),
}
_PAYMENT_BASIS: Final = {
    PaymentKind.ADVANCE: Text(
        "the advance share of the grant, at notification",
        "la part d'avance de l'aide, à la notification",
    ),
    PaymentKind.INTERMEDIATE: Text(
        "the rest of the grant, halfway through the project",
        "le reste de l'aide, à mi-parcours du projet",
    ),
    PaymentKind.BALANCE: Text(
        "the balance share of the grant, at the project's end",
        "la part de solde de l'aide, en fin de projet",
    ),
}


@attrs.frozen(kw_only=True)
class EstimatedPayment:
    """
    One instalment of an estimated FUI payment schedule.

    Attributes:
        kind: Advance, intermediate payment or balance.
        amount: The instalment, exact to the cent.
        earliest: The earliest date it is expected.
        latest: The latest date it is expected.
        parameters: The parameter values it was estimated from, read at the
            letter's date, in the order of :data:`SCHEDULE_PARAMETERS`: the
            share(s) its amount depends on (the advance share for the
            advance; both shares for the intermediate payment, the rest; the
            balance share for the balance, and the advance share too when
            the balance was cut to what the advance leaves), then the two
            delays its dates depend on. The shares are ``assumption``
            parameters. Provenance, not part of the payment's value: it takes
            no part in comparisons, so a payment compares as it did before
            it carried them (empty by default).
    """

    kind: PaymentKind
    amount: Eur
    earliest: date
    latest: date
    parameters: tuple[ParameterUse, ...] = attrs.field(default=(), eq=False)

    @property
    def check(self) -> Check:
        """The instalment as a check citing PHASE.2a and RELAY.4, with the parameters read."""
        basis = _PAYMENT_BASIS[self.kind]
        if self.kind is PaymentKind.BALANCE and any(p.name == _ADVANCE for p in self.parameters):
            # A balance that read the advance share was cut to what the advance leaves.
            basis = Text(
                f"{basis.en}, cut to what the advance leaves",
                f"{basis.fr}, ramenée à ce que laisse l'avance",
            )
        when = _when(self.earliest, self.latest)
        return Check(
            key=f"fui.payment.{self.kind.value}",
            clauses=_SCHEDULE_CLAUSES,
            label=_PAYMENT_LABELS[self.kind],
            status=Status.MET,
            reason=Text(
                f"{basis.en}: {self.amount} EUR expected {when.en}",
                f"{basis.fr} : {fr_amount(self.amount)} {_expected_fr(self.amount)} {when.fr}",
            ),
            parameters=self.parameters,
        )

    def explain(self, lang: Lang = "en", *, sources: bool = False) -> str:
        """
        Render the instalment, then its check with the shares and delays read.

        Args:
            lang: ``"en"`` or ``"fr"``; any other language is refused.
            sources: Whether to add each parameter's source.

        Raises:
            InvalidInputError: If *lang* is neither ``"en"`` nor ``"fr"``.

        >>> from datetime import date
        >>> from poles_policy.parameters import default_parameters
        >>> params = default_parameters()
        >>> advance, _, _ = payment_schedule(Decimal(100000), date(2009, 3, 31), params)
        >>> print(advance.explain())
        Estimated FUI advance: 25000.00 EUR
          [met] estimated advance — PHASE.2a, RELAY.4: the advance share of the grant, at ...
              fui.payment.advance_share = 0.25 (share, since 2006-03-06; assumption)
              fui.first_payment_delay_months.low = 6 (months, since 2006-03-06; sourced)
              fui.first_payment_delay_months.high = 9 (months, since 2006-03-06; sourced)
        """
        what = _PAYMENT_HEADS[self.kind]
        head = Text(f"{what.en}: {self.amount} EUR", f"{what.fr} : {fr_amount(self.amount)}")
        return render_account(head.in_lang(lang), (self.check,), lang, sources=sources)

    def to_dict(self) -> dict[str, Any]:
        """
        Return the instalment as JSON-ready data (amounts as text, dates in ISO form).

        >>> from datetime import date
        >>> from poles_policy.parameters import default_parameters
        >>> schedule = payment_schedule(Decimal(100000), date(2009, 3, 31), default_parameters())
        >>> data = schedule[2].to_dict()
        >>> data["kind"], data["amount"], data["earliest"], data["latest"]
        ('balance', '20000.00', '2012-09-30', '2012-12-31')
        >>> [(p["name"], p["confidence"]) for p in data["parameters"]][0]
        ('fui.payment.balance_share', 'assumption')
        """
        return json_fields(self, properties=("check",))


SCHEDULE_PARAMETERS = (
    "fui.payment.advance_share",
    "fui.payment.balance_share",
    "fui.first_payment_delay_months.low",
    "fui.first_payment_delay_months.high",
)
"""The parameters :func:`payment_schedule` reads, at the letter's date."""


@exact_decimals
def payment_schedule(
    granted: Decimal, letter_on: date, params: ParameterSet, *, project_months: int = 36
) -> tuple[EstimatedPayment, EstimatedPayment, EstimatedPayment]:
    """
    Estimate the three instalments of an FUI grant and when they arrive (PHASE.2a, RELAY.4).

    An estimate for when the aid agreement's own schedule is not known;
    every share it uses is an ``assumption`` parameter (FACTS.md sections
    6d and 14), read at the letter's date:

    - the **advance** (*avance à notification*), ``fui.payment.advance_share``
      of the grant, arrives in the :func:`first_payment_window` (letter +
      6 to 9 months before March 2013);
    - the **balance** (*solde*), ``fui.payment.balance_share``, arrives at the
      project's end, *project_months* after the letter, with the same delay;
    - the **intermediate** payment is the rest, halfway between them:
      ``project_months // 2`` months after the advance (whole months, an odd
      duration rounding down), with the same delay. In practice there may be
      several intermediate payments on expense statements; one models them.

    Every date is computed from the letter date (``add_months(letter,
    delay + k)``), never chained. The advance and the balance are each
    rounded half up to the cent; the intermediate payment is the exact
    remainder, so the amounts always add up to *granted*. Should the two
    rounded shares exceed the grant (shares adding up to 100 % on a grant of
    a few cents), the balance is cut to what the advance leaves.

    Args:
        granted: The subsidy granted (euros, exact to the cent, not negative).
        letter_on: The date of the official selection letter.
        params: Policy parameters, read at *letter_on*.
        project_months: The project's duration in months (36 by default,
            "about 3 years", FACTS.md section 6a).

    Returns:
        The advance, the intermediate payment and the balance, in this
        order. An amount may be ``0.00`` (a grant of zero, or shares
        adding up to 100 %). Each payment carries the parameter values it
        was estimated from (:attr:`EstimatedPayment.parameters`, with their
        ``assumption`` confidence), and explains itself
        (:meth:`EstimatedPayment.explain`, :meth:`EstimatedPayment.to_dict`).

    Raises:
        InvalidInputError: If *granted* is negative, a float or has more
            than two decimals, or *project_months* is not a positive int.
        ParameterError: If a share or delay has no value on *letter_on*, or
            the advance and balance shares add up to more than 1.

    >>> from datetime import date
    >>> from poles_policy.parameters import default_parameters
    >>> for p in payment_schedule(Decimal(100000), date(2009, 3, 31), default_parameters()):
    ...     print(p.kind.value, p.amount, p.earliest, p.latest)
    advance 25000.00 2009-09-30 2009-12-31
    intermediate 55000.00 2011-03-31 2011-06-30
    balance 20000.00 2012-09-30 2012-12-31
    """
    expect_date(letter_on, "letter_on", "payment_schedule")
    expect_params(params, "payment_schedule")
    total = eur(granted, field="granted")
    if total < 0:
        msg = f"payment_schedule: granted: {total} is negative"
        raise InvalidInputError(msg)
    if isinstance(project_months, bool) or not isinstance(project_months, int):
        msg = f"project_months: {project_months!r} is not a whole number of months"
        raise InvalidInputError(msg)
    if project_months < 1:
        msg = f"project_months: {project_months} is not a positive number of months"
        raise InvalidInputError(msg)
    advance_share = params.decimal("fui.payment.advance_share", letter_on)
    balance_share = params.decimal("fui.payment.balance_share", letter_on)
    if advance_share + balance_share > 1:
        msg = (
            f"fui.payment shares on {letter_on.isoformat()}: advance {advance_share} + "
            f"balance {balance_share} exceed 1"
        )
        raise ParameterError(msg)
    window = first_payment_window(letter_on, params)
    low, high = window.low_months, window.high_months
    advance = rate_of(total, advance_share)
    share_of_balance = rate_of(total, balance_share)
    cut = share_of_balance > total - advance
    balance = Eur(total - advance) if cut else share_of_balance
    intermediate = Eur(total - advance - balance)
    middle = project_months // 2
    advance_use, balance_use = params.uses(letter_on, _ADVANCE, _BALANCE)
    delays = window.parameters
    return (
        EstimatedPayment(
            kind=PaymentKind.ADVANCE,
            amount=advance,
            earliest=window.earliest,
            latest=window.latest,
            parameters=(advance_use, *delays),
        ),
        EstimatedPayment(
            kind=PaymentKind.INTERMEDIATE,
            amount=intermediate,
            earliest=add_months(letter_on, low + middle),
            latest=add_months(letter_on, high + middle),
            parameters=(advance_use, balance_use, *delays),
        ),
        EstimatedPayment(
            kind=PaymentKind.BALANCE,
            amount=balance,
            earliest=add_months(letter_on, low + project_months),
            latest=add_months(letter_on, high + project_months),
            parameters=((advance_use,) if cut else ()) + (balance_use, *delays),
        ),
    )
