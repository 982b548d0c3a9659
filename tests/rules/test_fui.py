"""FUI aid (PHASE.2a): consortium, aid rates and amounts, the estimated payment schedule."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from poles_policy.exceptions import InvalidInputError, ParameterError
from poles_policy.explain import Outcome, Status
from poles_policy.model.actors import (
    AuthorityLevel,
    Enterprise,
    LocalAuthority,
    ResearchKind,
    ResearchOrganisation,
)
from poles_policy.model.projects import (
    CollaborativeProject,
    PartnerRole,
    PaymentKind,
    PoleLabel,
    ProjectPartner,
)
from poles_policy.rules.fui import (
    aid_amount,
    aid_rate,
    consortium,
    first_payment_window,
    payment_schedule,
)
from poles_policy.testing import eur_amounts

if TYPE_CHECKING:
    from poles_policy.parameters import ParameterSet

ON = date(2009, 4, 15)
EnterpriseFactory = Callable[..., Enterprise]


# --- consortium --------------------------------------------------------------------------------


@pytest.fixture
def valid_project(
    make_enterprise: EnterpriseFactory, lab: ResearchOrganisation
) -> CollaborativeProject:
    """Two enterprises (one leading) and a lab, labelled by Minalogic before ON."""
    return CollaborativeProject(
        id="nanocap",
        name="NanoCap",
        partners=(
            ProjectPartner(actor=make_enterprise("bigco", "BigCo SA"), role=PartnerRole.LEAD),
            ProjectPartner(actor=make_enterprise()),
            ProjectPartner(actor=lab),
        ),
        labels=(PoleLabel(pole_id="minalogic", labelled_on=date(2008, 10, 15)),),
    )


def statuses(project: CollaborativeProject, params: ParameterSet) -> dict[str, Status]:
    return {c.key: c.status for c in consortium(project, ON, params).checks}


ALL_MET = {
    "fui.enterprises": Status.MET,
    "fui.research_bodies": Status.MET,
    "fui.lead": Status.MET,
    "fui.labelled": Status.MET,
}


def test_two_enterprises_a_lab_an_enterprise_lead_and_a_label_make_a_valid_consortium(
    valid_project: CollaborativeProject, params: ParameterSet
) -> None:
    decision = consortium(valid_project, ON, params)
    assert decision.rule == "fui.consortium"
    assert decision.outcome is Outcome.ELIGIBLE
    assert statuses(valid_project, params) == ALL_MET
    assert all(c.clauses == ("PHASE.2a",) for c in decision.checks)
    assert [p.name for p in decision.check("fui.enterprises").parameters] == [
        "fui.consortium.min_enterprises"
    ]
    assert [p.name for p in decision.check("fui.research_bodies").parameters] == [
        "fui.consortium.min_research_bodies"
    ]


# Labels checked against the labelling pôles' histories (poles=...).
SPORALTEC_OUT = date(2010, 5, 11)  # the withdrawal recorded in the reference data
LATE = date(2010, 10, 1)


def _labelled_by(project: CollaborativeProject, *labels: tuple[str, date | None]) -> Any:
    return attrs.evolve(
        project, labels=tuple(PoleLabel(pole_id=p, labelled_on=d) for p, d in labels)
    )


def test_without_poles_a_label_is_taken_as_recorded(
    valid_project: CollaborativeProject, params: ParameterSet
) -> None:
    project = _labelled_by(valid_project, ("sporaltec", date(2010, 9, 1)))
    assert consortium(project, LATE, params).outcome is Outcome.ELIGIBLE


def test_a_label_given_by_a_withdrawn_pole_does_not_count(
    valid_project: CollaborativeProject, params: ParameterSet
) -> None:
    from poles_policy.data import rhone_alpes_poles

    poles = rhone_alpes_poles()
    assert not next(p for p in poles if p.id == "sporaltec").is_labelled_on(SPORALTEC_OUT)
    project = _labelled_by(valid_project, ("sporaltec", date(2010, 9, 1)))
    decision = consortium(project, LATE, params, poles=poles)
    check = decision.check("fui.labelled")
    assert check.status is Status.NOT_MET
    assert decision.outcome is Outcome.INELIGIBLE
    assert check.reason.en == (
        "sporaltec did not hold its pôle label on 2010-09-01, when it labelled the project"
    )
    assert check.reason.fr == (
        "sporaltec n'était pas un pôle labellisé le 2010-09-01, jour où il a labellisé le projet"
    )
    # The same pôle's label from before its withdrawal counts.
    earlier = _labelled_by(valid_project, ("sporaltec", date(2009, 9, 1)))
    assert consortium(earlier, LATE, params, poles=poles).outcome is Outcome.ELIGIBLE


def test_a_label_from_a_pole_not_given_asks_for_its_history(
    valid_project: CollaborativeProject, params: ParameterSet
) -> None:
    from poles_policy.data import rhone_alpes_poles

    project = _labelled_by(valid_project, ("no-such-pole", date(2009, 1, 5)))
    decision = consortium(project, ON, params, poles=rhone_alpes_poles())
    assert decision.check("fui.labelled").status is Status.UNKNOWN
    assert decision.outcome is Outcome.UNDETERMINED
    assert [fact.path for fact in decision.missing] == ["poles"]
    assert "no-such-pole" in decision.missing[0].question.en
    # Another label, from a pôle that held its label, settles it.
    both = _labelled_by(
        valid_project, ("no-such-pole", date(2009, 1, 5)), ("minalogic", date(2009, 2, 1))
    )
    assert consortium(both, ON, params, poles=rhone_alpes_poles()).outcome is Outcome.ELIGIBLE
    assert consortium(both, ON, params, poles=()).outcome is Outcome.UNDETERMINED


def test_the_french_history_question_names_the_pole_or_the_poles_by_their_number(
    valid_project: CollaborativeProject, params: ParameterSet
) -> None:
    one = _labelled_by(valid_project, ("no-such-pole", date(2009, 1, 5)))
    decision = consortium(one, ON, params, poles=())
    assert decision.check("fui.labelled").reason.fr == (
        "l'historique de labellisation du pôle no-such-pole n'est pas fourni"
    )
    assert decision.missing[0].question.fr == (
        "Quel est l'historique de labellisation du pôle no-such-pole ?"
    )
    two = _labelled_by(valid_project, ("a", date(2009, 1, 5)), ("b", date(2009, 2, 1)))
    decision = consortium(two, ON, params, poles=())
    assert decision.check("fui.labelled").reason.fr == (
        "l'historique de labellisation des pôles a, b n'est pas fourni"
    )
    assert (
        decision.missing[0].question.fr == "Quel est l'historique de labellisation des pôles a, b ?"
    )
    # The English is as it was.
    assert decision.check("fui.labelled").reason.en == "the labelling history of a, b is not given"


def test_undated_labels_are_counted(
    valid_project: CollaborativeProject, params: ParameterSet
) -> None:
    one = _labelled_by(valid_project, ("minalogic", None))
    check = consortium(one, ON, params).check("fui.labelled")
    assert check.reason.fr == "un label de pôle est enregistré sans sa date"
    assert check.missing[0].question.fr == (
        "À quelle date le pôle minalogic a-t-il labellisé le projet ?"
    )
    two = _labelled_by(valid_project, ("minalogic", None), ("axelera", None))
    check = consortium(two, ON, params).check("fui.labelled")
    assert check.reason.fr == "2 labels de pôle sont enregistrés sans leur date"
    assert check.reason.en == "2 pôle labels are recorded without their dates"


def test_the_poles_argument_is_checked(
    valid_project: CollaborativeProject, params: ParameterSet
) -> None:
    from poles_policy.exceptions import WrongTypeError

    with pytest.raises(WrongTypeError, match=r"^poles: 'minalogic' is a single string"):
        consortium(valid_project, ON, params, poles="minalogic")  # type: ignore[arg-type]


def test_a_single_enterprise_fails_only_the_enterprise_count(
    valid_project: CollaborativeProject, params: ParameterSet
) -> None:
    project = attrs.evolve(
        valid_project, partners=(valid_project.partners[0], *valid_project.partners[2:])
    )
    assert statuses(project, params) == {**ALL_MET, "fui.enterprises": Status.NOT_MET}
    decision = consortium(project, ON, params)
    assert decision.outcome is Outcome.INELIGIBLE
    assert "1 enterprise(s)" in decision.check("fui.enterprises").reason.en


def test_no_research_or_training_body_fails_only_that_count(
    valid_project: CollaborativeProject, params: ParameterSet
) -> None:
    project = attrs.evolve(valid_project, partners=valid_project.partners[:2])
    assert statuses(project, params) == {**ALL_MET, "fui.research_bodies": Status.NOT_MET}


def test_a_training_body_counts_as_a_research_or_training_body(
    valid_project: CollaborativeProject, params: ParameterSet
) -> None:
    school = ResearchOrganisation(id="afpa", name="AFPA", kind=ResearchKind.TRAINING_BODY)
    project = attrs.evolve(
        valid_project, partners=(*valid_project.partners[:2], ProjectPartner(actor=school))
    )
    assert statuses(project, params) == ALL_MET


def test_a_lab_leading_fails_only_the_lead_condition(
    valid_project: CollaborativeProject, params: ParameterSet
) -> None:
    bigco, acme, lab = valid_project.partners
    project = attrs.evolve(
        valid_project,
        partners=(
            attrs.evolve(bigco, role=PartnerRole.PARTNER),
            acme,
            attrs.evolve(lab, role=PartnerRole.LEAD),
        ),
    )
    assert statuses(project, params) == {**ALL_MET, "fui.lead": Status.NOT_MET}


def test_no_named_lead_is_unknown_and_asks_for_it(
    valid_project: CollaborativeProject, params: ParameterSet
) -> None:
    bigco, *others = valid_project.partners
    project = attrs.evolve(
        valid_project, partners=(attrs.evolve(bigco, role=PartnerRole.PARTNER), *others)
    )
    decision = consortium(project, ON, params)
    assert statuses(project, params) == {**ALL_MET, "fui.lead": Status.UNKNOWN}
    assert decision.outcome is Outcome.UNDETERMINED
    assert [f.path for f in decision.missing] == ["project.partners.role"]


def test_no_label_fails_only_the_label_condition(
    valid_project: CollaborativeProject, params: ParameterSet
) -> None:
    project = attrs.evolve(valid_project, labels=())
    assert statuses(project, params) == {**ALL_MET, "fui.labelled": Status.NOT_MET}


@pytest.mark.parametrize(
    ("labelled_on", "expected"),
    [
        (ON, Status.MET),  # a label dated that very day counts
        (date(2009, 4, 16), Status.NOT_MET),  # a label after the date does not
        (None, Status.UNKNOWN),
    ],
)
def test_the_label_must_be_dated_on_or_before_the_date(
    valid_project: CollaborativeProject,
    params: ParameterSet,
    labelled_on: date | None,
    expected: Status,
) -> None:
    project = attrs.evolve(
        valid_project, labels=(PoleLabel(pole_id="minalogic", labelled_on=labelled_on),)
    )
    decision = consortium(project, ON, params)
    assert decision.check("fui.labelled").status is expected
    if expected is Status.UNKNOWN:
        assert [f.path for f in decision.missing] == ["project.labels.0.labelled_on"]


def test_every_failing_condition_is_listed(
    valid_project: CollaborativeProject, params: ParameterSet
) -> None:
    region = LocalAuthority(id="ra", name="Région Rhône-Alpes", level=AuthorityLevel.REGION)
    project = attrs.evolve(
        valid_project,
        partners=(
            ProjectPartner(actor=region, role=PartnerRole.LEAD),
            valid_project.partners[1],
        ),
        labels=(),
    )
    decision = consortium(project, ON, params)
    assert [c.key for c in decision.failed] == list(ALL_MET)


def test_the_french_counts_agree_and_the_lead_s_kind_is_said_in_french(
    valid_project: CollaborativeProject, params: ParameterSet
) -> None:
    region = LocalAuthority(id="ra", name="Région Rhône-Alpes", level=AuthorityLevel.REGION)
    project = attrs.evolve(
        valid_project,
        partners=(
            ProjectPartner(actor=region, role=PartnerRole.LEAD),
            valid_project.partners[1],
        ),
    )
    decision = consortium(project, ON, params)
    reasons = {key: decision.check(key).reason for key in ALL_MET}
    assert reasons["fui.enterprises"].fr == (
        "1 entreprise (Acme Microsystèmes SAS) ; il en faut au moins 2"
    )
    assert reasons["fui.research_bodies"].fr == (
        "0 organisme de recherche ou de formation (-) ; il en faut au moins 1"
    )
    assert reasons["fui.lead"].fr == (
        "piloté par la Région Rhône-Alpes, une collectivité territoriale, pas une entreprise"
    )
    # The English is as it was.
    assert reasons["fui.enterprises"].en == (
        "1 enterprise(s) (Acme Microsystèmes SAS); at least 2 required"
    )
    assert (
        reasons["fui.lead"].en == "led by Région Rhône-Alpes, a local authority, not an enterprise"
    )
    valid = consortium(valid_project, ON, params)
    assert valid.check("fui.enterprises").reason.fr == (
        "2 entreprises (BigCo SA, Acme Microsystèmes SAS) ; il en faut au moins 2"
    )
    assert valid.check("fui.lead").reason.fr == "piloté par BigCo SA, une entreprise"


def test_a_reform_raising_the_minimum_is_read_at_the_date(
    valid_project: CollaborativeProject, params: ParameterSet
) -> None:
    reform = params.override("fui.consortium.min_enterprises", 3, valid_from=date(2010, 1, 1))
    assert consortium(valid_project, ON, reform).outcome is Outcome.ELIGIBLE
    later = consortium(valid_project, date(2010, 1, 1), reform)
    assert later.check("fui.enterprises").status is Status.NOT_MET
    assert later.check("fui.enterprises").parameters[0].value == "3"


def test_before_the_fui_existed_the_consortium_rule_has_no_parameters(
    valid_project: CollaborativeProject, params: ParameterSet
) -> None:
    with pytest.raises(ParameterError):
        consortium(valid_project, date(2006, 3, 5), params)


# --- aid rates ---------------------------------------------------------------------------------


def test_an_sme_is_aided_at_45_percent(
    make_enterprise: EnterpriseFactory, params: ParameterSet
) -> None:
    rated = aid_rate(make_enterprise(), ON, params)
    assert (rated.rate, rated.basis) == (Decimal("0.45"), "sme")
    assert rated.check.status is Status.MET
    assert rated.check.clauses == ("PHASE.2a",)
    assert [p.name for p in rated.check.parameters] == ["fui.aid_rate.sme"]
    assert rated.sme is not None
    assert rated.sme.is_sme is True


def test_an_enterprise_that_is_not_an_sme_is_aided_at_30_percent(
    make_enterprise: EnterpriseFactory, params: ParameterSet
) -> None:
    large = make_enterprise("bigco", "BigCo SA", staff=2000, turnover="400000000")
    rated = aid_rate(large, ON, params)
    assert (rated.rate, rated.basis) == (Decimal("0.30"), "other_enterprise")
    assert [p.name for p in rated.check.parameters] == ["fui.aid_rate.other_enterprise"]


def test_a_research_body_is_aided_at_100_percent_of_marginal_or_40_percent_of_full_cost(
    lab: ResearchOrganisation, params: ParameterSet
) -> None:
    marginal = aid_rate(lab, ON, params)
    full = aid_rate(lab, ON, params, full_cost=True)
    assert (marginal.rate, marginal.basis) == (Decimal("1.00"), "research_marginal_cost")
    assert (full.rate, full.basis) == (Decimal("0.40"), "research_full_cost")
    assert marginal.sme is None


def test_an_unknown_sme_status_gives_no_rate_and_asks_for_the_accounts(
    make_enterprise: EnterpriseFactory, params: ParameterSet
) -> None:
    rated = aid_rate(make_enterprise(staff=None), ON, params)
    assert rated.rate is None
    assert rated.basis is None
    assert rated.check.status is Status.UNKNOWN
    assert "enterprise.accounts" in [f.path for f in rated.check.missing]
    # Both possible rates are quoted, with their sources.
    assert "45 %" in rated.check.reason.en
    assert "30 %" in rated.check.reason.en
    assert len(rated.check.parameters) == 2


def test_a_local_authority_has_no_fui_rate_which_is_not_applicable_not_zero(
    params: ParameterSet,
) -> None:
    region = LocalAuthority(id="ra", name="Région Rhône-Alpes", level=AuthorityLevel.REGION)
    rated = aid_rate(region, ON, params)
    assert rated.rate is None
    assert rated.check.status is Status.NOT_APPLICABLE


# --- aid amounts -------------------------------------------------------------------------------


def partner(actor: Any, costs: str | None) -> ProjectPartner:
    return ProjectPartner(actor=actor, eligible_costs=None if costs is None else Decimal(costs))


def test_an_sme_aid_is_45_percent_of_its_costs_rounded_once_half_up(
    make_enterprise: EnterpriseFactory, params: ParameterSet
) -> None:
    # 1 000.10 x 0.45 = 450.045: half up gives 450.05 (half even would give 450.04).
    aid = aid_amount(partner(make_enterprise(), "1000.10"), ON, params)
    assert aid.amount == Decimal("450.05")
    assert aid.check.status is Status.MET
    assert "450.05 EUR" in aid.check.reason.en
    # 666 666.67 x 0.45 = 300 000.0015 -> 300 000.00
    assert aid_amount(partner(make_enterprise(), "666666.67"), ON, params).amount == Decimal(
        "300000.00"
    )


def test_a_lab_on_full_cost_gets_40_percent(
    lab: ResearchOrganisation, params: ParameterSet
) -> None:
    # 250 000 x 0.40 = 100 000.00
    aid = aid_amount(partner(lab, "250000"), ON, params, full_cost=True)
    assert aid.amount == Decimal("100000.00")
    assert aid.rate.basis == "research_full_cost"


def test_zero_costs_give_a_real_zero(lab: ResearchOrganisation, params: ParameterSet) -> None:
    aid = aid_amount(partner(lab, "0"), ON, params)
    assert aid.amount == Decimal("0.00")
    assert aid.check.status is Status.MET


def test_unknown_costs_give_no_amount_and_ask_for_them_first(
    make_enterprise: EnterpriseFactory, params: ParameterSet
) -> None:
    aid = aid_amount(partner(make_enterprise(staff=None), None), ON, params)
    assert aid.amount is None
    assert aid.check.status is Status.UNKNOWN
    paths = [f.path for f in aid.check.missing]
    assert paths[0] == "partner.eligible_costs"
    assert "enterprise.accounts" in paths
    assert aid.checks == (aid.rate.check, aid.check)


def test_a_partner_without_an_fui_rate_gets_a_not_applicable_amount(
    params: ParameterSet,
) -> None:
    region = LocalAuthority(id="ra", name="Région Rhône-Alpes", level=AuthorityLevel.REGION)
    aid = aid_amount(partner(region, "1000"), ON, params)
    assert aid.amount is None
    assert aid.check.status is Status.NOT_APPLICABLE


# --- payment schedule --------------------------------------------------------------------------

LETTER = date(2009, 3, 31)


def test_the_schedule_splits_the_grant_25_55_20_and_dates_it_from_the_letter(
    params: ParameterSet,
) -> None:
    advance, intermediate, balance = payment_schedule(Decimal(100000), LETTER, params)
    assert [p.kind for p in (advance, intermediate, balance)] == [
        PaymentKind.ADVANCE,
        PaymentKind.INTERMEDIATE,
        PaymentKind.BALANCE,
    ]
    assert [p.amount for p in (advance, intermediate, balance)] == [
        Decimal("25000.00"),
        Decimal("55000.00"),
        Decimal("20000.00"),
    ]
    # Advance: letter + 6..9 months; intermediate: + 18 more; balance: + 36 more.
    # 31 March + 6 months = 30 September (clamped); + 9 = 31 December.
    assert (advance.earliest, advance.latest) == (date(2009, 9, 30), date(2009, 12, 31))
    assert (intermediate.earliest, intermediate.latest) == (date(2011, 3, 31), date(2011, 6, 30))
    assert (balance.earliest, balance.latest) == (date(2012, 9, 30), date(2012, 12, 31))


def test_dates_are_computed_from_the_anchor_not_chained(params: ParameterSet) -> None:
    # 31 August + 6 months = 28 February 2010; + 42 months = 28 February 2013 ... but
    # + 45 months = 31 May 2013: the 31st comes back because each date starts from the letter.
    schedule = payment_schedule(Decimal(1000), date(2009, 8, 31), params)
    assert (schedule[0].earliest, schedule[0].latest) == (date(2010, 2, 28), date(2010, 5, 31))
    assert (schedule[2].earliest, schedule[2].latest) == (date(2013, 2, 28), date(2013, 5, 31))


def test_the_rounding_remainder_goes_to_the_intermediate_payment(params: ParameterSet) -> None:
    # 100.01 x 0.25 = 25.0025 -> 25.00; 100.01 x 0.20 = 20.002 -> 20.00; the rest 55.01
    # (55.0055 exact) is the intermediate payment, so the three add up to 100.01 exactly.
    amounts = [p.amount for p in payment_schedule(Decimal("100.01"), LETTER, params)]
    assert amounts == [Decimal("25.00"), Decimal("55.01"), Decimal("20.00")]
    # 0.02 x 0.25 = 0.005 -> 0.01 (half up); 0.02 x 0.20 = 0.004 -> 0.00; the rest 0.01.
    amounts = [p.amount for p in payment_schedule(Decimal("0.02"), LETTER, params)]
    assert amounts == [Decimal("0.01"), Decimal("0.01"), Decimal("0.00")]


def test_shares_of_100_percent_never_overdraw_a_tiny_grant(params: ParameterSet) -> None:
    halves = params.overrides(
        {"fui.payment.advance_share": "0.5", "fui.payment.balance_share": "0.5"}
    )
    # 0.01 x 0.5 = 0.005 -> 0.01 twice would be 0.02: the balance is cut to what is left.
    amounts = [p.amount for p in payment_schedule(Decimal("0.01"), LETTER, halves)]
    assert amounts == [Decimal("0.01"), Decimal("0.00"), Decimal("0.00")]


def test_an_odd_project_duration_puts_the_intermediate_payment_on_a_whole_month(
    params: ParameterSet,
) -> None:
    schedule = payment_schedule(Decimal(1000), LETTER, params, project_months=25)
    assert schedule[1].earliest == date(2010, 9, 30)  # letter + 6 + 12 months
    assert schedule[2].earliest == date(2011, 10, 31)  # letter + 6 + 25 months


@pytest.mark.parametrize(
    ("granted", "months"),
    [(Decimal(-1), 36), (Decimal("0.001"), 36), (Decimal(1000), 0), (Decimal(1000), -3)],
)
def test_invalid_schedule_inputs_are_refused(
    params: ParameterSet, granted: Decimal, months: int
) -> None:
    with pytest.raises(InvalidInputError):
        payment_schedule(granted, LETTER, params, project_months=months)


def test_a_float_grant_is_refused(params: ParameterSet) -> None:
    with pytest.raises(InvalidInputError):
        payment_schedule(1000.0, LETTER, params)  # type: ignore[arg-type]


def test_shares_above_100_percent_are_a_parameter_error(params: ParameterSet) -> None:
    bad = params.override("fui.payment.advance_share", "0.9")
    with pytest.raises(ParameterError):
        payment_schedule(Decimal(1000), LETTER, bad)


@given(
    granted=eur_amounts(max_value="50000000.00"),
    advance=st.decimals(min_value=0, max_value=1, places=3),
    balance_fraction=st.decimals(min_value=0, max_value=1, places=3),
    months=st.integers(min_value=1, max_value=96),
)
def test_the_schedule_always_adds_up_to_the_grant(
    params: ParameterSet,
    granted: Decimal,
    advance: Decimal,
    balance_fraction: Decimal,
    months: int,
) -> None:
    balance = (balance_fraction * (1 - advance)).quantize(Decimal("0.001"), rounding="ROUND_DOWN")
    shares = params.overrides(
        {"fui.payment.advance_share": advance, "fui.payment.balance_share": balance}
    )
    schedule = payment_schedule(granted, LETTER, shares, project_months=months)
    assert sum(p.amount for p in schedule) == granted
    assert all(p.amount >= 0 for p in schedule)
    assert all(p.earliest <= p.latest for p in schedule)
    assert schedule[0].earliest <= schedule[1].earliest <= schedule[2].earliest


@given(granted=eur_amounts(max_value="50000000.00"))
def test_the_default_schedule_adds_up_to_the_grant(params: ParameterSet, granted: Decimal) -> None:
    assert sum(p.amount for p in payment_schedule(granted, LETTER, params)) == granted


def test_a_research_body_of_a_project_selected_in_2008_has_its_rate_as_the_enterprises(
    params: ParameterSet,
) -> None:
    # The research rates are carried back to the FUI's creation, as the consortium rules are.
    lab = ResearchOrganisation(id="lab", name="Lab", kind=ResearchKind.LABORATORY)
    rate = aid_rate(lab, date(2008, 7, 1), params)
    assert (rate.rate, rate.basis) == (Decimal("1.00"), "research_marginal_cost")


def test_a_call_15_letter_keeps_six_to_nine_months_to_the_first_payment(
    params: ParameterSet,
) -> None:
    # Call 15's results came on 18 March 2013; the 2013 convention applies from call 16.
    call_15 = first_payment_window(date(2013, 3, 18), params)
    assert (call_15.earliest, call_15.latest) == (date(2013, 9, 18), date(2013, 12, 18))
    after = first_payment_window(date(2013, 3, 19), params)
    assert (after.earliest, after.latest) == (date(2013, 6, 19), date(2013, 6, 19))


def test_a_partner_without_eligible_costs_gets_no_aid_whatever_its_unknown_rate(
    params: ParameterSet,
) -> None:
    # An enterprise of unknown size has no known rate; with no eligible costs, 0.00 at either.
    partner = ProjectPartner(actor=Enterprise(id="x", name="X"), eligible_costs="0")
    aid = aid_amount(partner, date(2009, 7, 1), params)
    assert aid.amount == Decimal("0.00")
    assert aid.rate.rate is None
    assert (aid.check.status, aid.check.missing) == (Status.MET, ())
    assert aid.check.reason.en == "no eligible costs: 0.00 EUR whatever the rate"
