"""Relay-financing eligibility (RELAY.1-RELAY.4): worked examples and properties."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from poles_policy.data import rhone_alpes_poles
from poles_policy.data.demo import demo_cases
from poles_policy.exceptions import InvalidInputError, WrongTypeError
from poles_policy.explain import Decision, Outcome, Status
from poles_policy.model.actors import (
    Accounts,
    Bank,
    Enterprise,
    ResearchKind,
    ResearchOrganisation,
)
from poles_policy.model.cases import RelayCase
from poles_policy.model.projects import (
    AidDecision,
    CollaborativeProject,
    Funder,
    PartnerAid,
    PartnerRole,
    Payment,
    PoleLabel,
    ProjectPartner,
)
from poles_policy.model.relay import RelayRequest
from poles_policy.parameters import ParameterSet, default_parameters, parameters_from_toml
from poles_policy.rules.fui import consortium
from poles_policy.rules.relay import assess, assess_case, eligibility
from poles_policy.rules.relay.eligibility import labelled_status

PARAMS = default_parameters()
LETTER = date(2009, 3, 2)
CONDITIONS = [
    "relay.in_force",
    "relay.enterprise",
    "relay.partner",
    "relay.labelled",
    "relay.state_aid",
    "relay.selection_letter",
    "relay.remaining",
]


def accounts(
    staff: int, turnover: str = "5000000", balance: str = "3000000"
) -> tuple[Accounts, ...]:
    return tuple(
        Accounts(
            period_end=date(y, 12, 31), staff_awu=staff, turnover=turnover, balance_sheet=balance
        )
        for y in (2007, 2008)
    )


def enterprise(**kw: Any) -> Enterprise:
    base: dict[str, Any] = {
        "id": "acme",
        "name": "ACME SAS",
        "region": "82",
        "accounts": accounts(40),
        "public_bodies_share": "0",
    }
    return Enterprise(**{**base, **kw})


LAB = ResearchOrganisation(id="lab", name="LabNano", kind=ResearchKind.LABORATORY, region="82")


def project(applicant: Any = None, **kw: Any) -> CollaborativeProject:
    applicant = applicant if applicant is not None else enterprise()
    base: dict[str, Any] = {
        "id": "p1",
        "name": "NANO-X",
        "partners": (
            ProjectPartner(actor=applicant, role=PartnerRole.LEAD),
            ProjectPartner(actor=LAB if applicant.id != LAB.id else enterprise()),
        ),
        "labels": (PoleLabel(pole_id="minalogic", labelled_on=date(2008, 10, 1)),),
        "aid": (
            AidDecision(
                funder=Funder.STATE,
                scheme="FUI",
                call="7",
                partners=(PartnerAid(partner_id=applicant.id, granted="300000"),),
            ),
        ),
        "selection_letter_on": LETTER,
    }
    return CollaborativeProject(**{**base, **kw})


def request(
    applicant: Any = None, proj: CollaborativeProject | None = None, **kw: Any
) -> RelayRequest:
    applicant = applicant if applicant is not None else enterprise()
    base: dict[str, Any] = {
        "id": "r1",
        "applicant": applicant,
        "project": proj if proj is not None else project(applicant),
        "requested_on": date(2009, 3, 16),
        "amount": "200000",
        "bank": Bank(id="bank", name="Banque de Lyon"),
        "oseo_counter_guarantee": True,
    }
    return RelayRequest(**{**base, **kw})


def statuses(decision: Decision) -> dict[str, Status]:
    return {c.key: c.status for c in decision.checks}


def failing(decision: Decision) -> list[str]:
    return [c.key for c in decision.failed]


def test_a_complete_rhone_alpes_sme_case_is_eligible() -> None:
    d = eligibility(request(), PARAMS)
    assert d.outcome is Outcome.ELIGIBLE
    assert [c.key for c in d.checks] == [*CONDITIONS, "relay.sme"]
    assert d.check("relay.sme").status is Status.MET
    assert d.check("relay.sme").informative
    assert d.missing == ()


def test_checks_cite_their_clauses_in_order() -> None:
    d = eligibility(request(), PARAMS)
    assert [c.clauses[0] for c in d.checks] == [
        "RELAY.1",
        "RELAY.2",
        "RELAY.2",
        "RELAY.2",
        "RELAY.2",
        "RELAY.3",
        "RELAY.4",
        "RELAY.2",
    ]


def test_the_pilot_region_parameter_is_recorded_with_its_date_and_source() -> None:
    check = eligibility(request(), PARAMS).check("relay.in_force")
    (use,) = check.parameters
    assert use.name == "relay.pilot_regions"
    assert use.value == "82"
    assert use.valid_from == date(2008, 4, 1)
    assert use.confidence == "sourced"


# -- each condition failing alone -----------------------------------------------------------


def test_region_outside_the_pilot_fails_rule_1_alone() -> None:
    d = eligibility(request(enterprise(region="11")), PARAMS)
    assert failing(d) == ["relay.in_force"]
    assert "Île-de-France (11) is not a pilot region (82)" in d.check("relay.in_force").reason.en


def test_a_request_before_the_pilot_started_fails_rule_1_alone() -> None:
    proj = project(
        labels=(PoleLabel(pole_id="minalogic", labelled_on=date(2007, 6, 1)),),
        selection_letter_on=date(2008, 1, 10),
    )
    d = eligibility(request(proj=proj, requested_on=date(2008, 3, 31)), PARAMS)
    assert failing(d) == ["relay.in_force"]
    assert "not yet in force on 2008-03-31" in d.check("relay.in_force").reason.en


def test_a_research_lab_partner_is_ineligible_as_not_an_enterprise() -> None:
    proj = project(
        partners=(
            ProjectPartner(actor=enterprise(), role=PartnerRole.LEAD),
            ProjectPartner(actor=LAB),
        ),
        aid=(
            AidDecision(
                funder=Funder.STATE,
                scheme="FUI",
                partners=(PartnerAid(partner_id="lab", granted="150000"),),
            ),
        ),
    )
    d = eligibility(request(LAB, proj, amount="100000"), PARAMS)
    assert d.outcome is Outcome.INELIGIBLE
    assert failing(d) == ["relay.enterprise"]
    assert d.check("relay.sme").status is Status.NOT_APPLICABLE
    assert "research or training body" in d.check("relay.enterprise").reason.en


def test_an_enterprise_that_is_not_a_partner_fails_rule_3() -> None:
    # A project can only aid its own partners (a model invariant), so an outsider also
    # fails rule 5, and rule 7 has no subsidy to measure: that is as close to "alone" as
    # a real case can be.
    outsider = enterprise(id="other", name="Other SA")
    d = eligibility(request(outsider, project(enterprise())), PARAMS)
    assert failing(d) == ["relay.partner", "relay.state_aid"]
    assert d.check("relay.remaining").status is Status.NOT_APPLICABLE
    assert "not among the partners of NANO-X" in d.check("relay.partner").reason.en


def test_a_project_without_any_label_fails_rule_4_alone() -> None:
    d = eligibility(request(proj=project(labels=())), PARAMS)
    assert failing(d) == ["relay.labelled"]


def test_a_label_dated_after_the_request_does_not_count() -> None:
    proj = project(labels=(PoleLabel(pole_id="minalogic", labelled_on=date(2009, 4, 1)),))
    d = eligibility(request(proj=proj), PARAMS)
    assert failing(d) == ["relay.labelled"]
    assert "after the request" in d.check("relay.labelled").reason.en


def test_a_project_aided_only_by_its_region_is_ineligible() -> None:
    proj = project(
        aid=(
            AidDecision(
                funder=Funder.REGION,
                scheme="Région Rhône-Alpes",
                partners=(PartnerAid(partner_id="acme", granted="300000"),),
            ),
        )
    )
    d = eligibility(request(proj=proj), PARAMS)
    assert d.outcome is Outcome.INELIGIBLE
    assert failing(d) == ["relay.state_aid"]
    # With no State subsidy, the remaining-subsidy condition does not apply (not "not met").
    assert d.check("relay.remaining").status is Status.NOT_APPLICABLE
    assert "aid from: region" in d.check("relay.state_aid").reason.en


def test_a_request_on_the_letters_own_date_is_eligible() -> None:
    d = eligibility(request(requested_on=LETTER), PARAMS)
    assert d.outcome is Outcome.ELIGIBLE


def test_a_request_one_day_before_the_letter_is_ineligible() -> None:
    d = eligibility(request(requested_on=date(2009, 3, 1)), PARAMS)
    assert failing(d) == ["relay.selection_letter"]


def test_a_subsidy_paid_in_full_leaves_nothing_to_prefinance() -> None:
    paid = PartnerAid(
        partner_id="acme",
        granted="300000",
        payments=(Payment(paid_on=date(2009, 3, 10), amount="300000"),),
    )
    proj = project(aid=(AidDecision(funder=Funder.STATE, scheme="FUI", partners=(paid,)),))
    d = eligibility(request(proj=proj), PARAMS)
    assert failing(d) == ["relay.remaining"]
    assert "paid in full" in d.check("relay.remaining").reason.en


def test_payments_after_the_request_date_are_not_deducted() -> None:
    later = PartnerAid(
        partner_id="acme",
        granted="300000",
        payments=(Payment(paid_on=date(2009, 9, 1), amount="300000"),),
    )
    proj = project(aid=(AidDecision(funder=Funder.STATE, scheme="FUI", partners=(later,)),))
    assert eligibility(request(proj=proj), PARAMS).outcome is Outcome.ELIGIBLE


def test_an_amount_above_what_remains_is_ineligible() -> None:
    part = PartnerAid(
        partner_id="acme",
        granted="300000",
        payments=(Payment(paid_on=date(2009, 3, 10), amount="75000"),),
    )
    proj = project(aid=(AidDecision(funder=Funder.STATE, scheme="FUI", partners=(part,)),))
    d = eligibility(request(proj=proj, amount="225000.01"), PARAMS)
    assert failing(d) == ["relay.remaining"]
    assert "225000.01 EUR exceeds the 225000.00 EUR" in d.check("relay.remaining").reason.en
    assert eligibility(request(proj=proj, amount="225000.00"), PARAMS).outcome is Outcome.ELIGIBLE


def test_the_ceiling_is_rounded_down_so_a_request_above_the_exact_share_fails() -> None:
    # Half of 100 000.01 EUR is 50 000.005 EUR: 50 000.01 EUR is above it, 50 000.00 EUR is not.
    halved = PARAMS.override("relay.max_prefinanced_share", Decimal("0.5"))
    aid = PartnerAid(partner_id="acme", granted="100000.01")
    proj = project(aid=(AidDecision(funder=Funder.STATE, scheme="FUI", partners=(aid,)),))
    above = eligibility(request(proj=proj, amount="50000.01"), halved)
    assert failing(above) == ["relay.remaining"]
    assert "50000.01 EUR exceeds the 50000.00 EUR" in above.check("relay.remaining").reason.en
    assert eligibility(request(proj=proj, amount="50000.00"), halved).outcome is Outcome.ELIGIBLE


_SHARE_FROM_JUNE_2009 = """
[[parameter]]
name = "relay.max_prefinanced_share"
description = "A reform that sets the share from June 2009 only."
unit = "share"
clauses = ["RELAY.4"]

  [[parameter.values]]
  valid_from = 2009-06-01
  value = "0.5"
  confidence = "assumption"
  source = "a what-if"
"""


def test_a_share_without_a_value_on_the_date_says_the_whole_subsidy_is_the_ceiling() -> None:
    reform = parameters_from_toml(_SHARE_FROM_JUNE_2009)
    params = ParameterSet(
        parameters=[PARAMS[n] for n in PARAMS if n not in reform] + list(reform.values()),
        label="gap",
    )
    # Requested 2009-03-16, before the share's first value: RELAY.4's own bound, all of the
    # subsidy still to be received (300 000 EUR), applies, and the check says so.
    check = eligibility(request(amount="200000.00"), params).check("relay.remaining")
    assert check.status is Status.MET
    assert check.reason.en == (
        "requested 200000.00 EUR of 300000.00 EUR that may be pre-financed (300000.00 EUR still "
        "to be received); relay.max_prefinanced_share has no value on 2009-03-16: the ceiling is "
        "the whole subsidy still to be received"
    )
    assert check.parameters == ()


@pytest.mark.parametrize("requested_on", [date(1990, 4, 2), date(2004, 12, 31)])
def test_a_request_before_the_sme_definition_reports_no_sme_status(requested_on: date) -> None:
    # The EU definition applies from 2005: no SME status, and no error, for an earlier date.
    d = eligibility(request(requested_on=requested_on), PARAMS)
    assert d.outcome is Outcome.INELIGIBLE  # the pilot started in April 2008
    sme = d.check("relay.sme")
    assert (sme.status, sme.informative) == (Status.NOT_APPLICABLE, True)
    assert sme.reason.en == f"no SME definition in force on {requested_on.isoformat()}"


def test_every_failing_condition_is_listed_not_just_the_first() -> None:
    proj = project(labels=(), selection_letter_on=date(2009, 6, 1))
    d = eligibility(request(enterprise(region="11"), proj), PARAMS)
    assert failing(d) == ["relay.in_force", "relay.labelled", "relay.selection_letter"]


# -- unknown facts ------------------------------------------------------------------------------


def test_an_unknown_letter_date_is_undetermined_and_asks_for_it() -> None:
    d = eligibility(request(proj=project(selection_letter_on=None)), PARAMS)
    assert d.outcome is Outcome.UNDETERMINED
    assert [f.path for f in d.missing] == ["project.selection_letter_on"]
    assert "lettre officielle" in d.missing[0].question.fr


def test_missing_facts_come_in_the_order_a_form_asks_them() -> None:
    proj = project(
        labels=(PoleLabel(pole_id="minalogic", labelled_on=None),),
        aid=None,
        selection_letter_on=None,
    )
    d = eligibility(request(enterprise(region=None), proj), PARAMS)
    assert d.outcome is Outcome.UNDETERMINED
    assert [f.path for f in d.missing] == [
        "applicant.region",
        "project.labels.0.labelled_on",
        "project.aid",
        "project.selection_letter_on",
    ]


def test_a_failure_outweighs_unknown_facts() -> None:
    d = eligibility(request(proj=project(selection_letter_on=None, labels=())), PARAMS)
    assert d.outcome is Outcome.INELIGIBLE


def test_unknown_sme_facts_are_reported_on_the_check_not_asked_by_the_decision() -> None:
    d = eligibility(request(enterprise(public_bodies_share=None)), PARAMS)
    assert d.outcome is Outcome.ELIGIBLE
    sme = d.check("relay.sme")
    assert sme.status is Status.UNKNOWN
    assert [f.path for f in sme.missing] == ["applicant.public_bodies_share"]
    assert d.missing == ()


# -- SME status and reforms -------------------------------------------------------------------


def test_a_large_enterprise_is_eligible_but_reported_as_not_an_sme() -> None:
    big = enterprise(accounts=accounts(1200, "400000000", "380000000"))
    d = eligibility(request(big), PARAMS)
    assert d.outcome is Outcome.ELIGIBLE
    assert d.check("relay.sme").status is Status.NOT_MET
    assert "not an SME (large)" in d.check("relay.sme").reason.en


def test_a_reform_making_sme_status_a_condition_excludes_large_enterprises() -> None:
    reform = PARAMS.override("relay.sme_required", value=True)
    big = enterprise(accounts=accounts(1200, "400000000", "380000000"))
    d = eligibility(request(big), reform)
    assert d.outcome is Outcome.INELIGIBLE
    assert not d.check("relay.sme").informative


def test_ile_de_france_in_2009_is_ineligible_by_default_and_eligible_once_generalised() -> None:
    idf = request(enterprise(region="11"), requested_on=date(2009, 7, 1))
    assert eligibility(idf, PARAMS).outcome is Outcome.INELIGIBLE
    national = PARAMS.override("relay.national_from", date(2009, 1, 1))
    d = eligibility(idf, national)
    assert d.outcome is Outcome.ELIGIBLE
    assert "generalised nationally from 2009-01-01" in d.check("relay.in_force").reason.en
    # Generalisation from a later date does not reach back.
    later = PARAMS.override("relay.national_from", date(2010, 1, 1))
    assert eligibility(idf, later).outcome is Outcome.INELIGIBLE


def test_a_region_code_that_did_not_exist_on_the_request_date_is_an_input_error() -> None:
    with pytest.raises(InvalidInputError, match="'84' did not exist on 2009-03-16"):
        eligibility(request(enterprise(region="84")), PARAMS)


def test_the_explanation_reads_in_french_for_the_applicant() -> None:
    text = eligibility(request(requested_on=date(2009, 3, 1)), PARAMS).explain("fr")
    assert "NON ÉLIGIBLE" in text
    assert "antérieure à la lettre du 2009-03-02" in text
    assert "RELAY.3" in text


def test_deferred_checks_match_the_stated_outcome_and_round_trip_through_json() -> None:
    d = eligibility(request(proj=project(selection_letter_on=None)), PARAMS)
    again = Decision.from_dict(json.loads(json.dumps(d.to_dict())))
    assert again == d
    assert again.outcome is d.outcome is Outcome.UNDETERMINED


# -- properties -------------------------------------------------------------------------------

variations = st.fixed_dictionaries(
    {
        "region": st.sampled_from(["82", "11", "93", None]),
        "labelled_on": st.sampled_from([None, date(2008, 1, 1), date(2009, 12, 1), "none"]),
        "letter": st.sampled_from([None, date(2009, 1, 5), date(2009, 5, 1)]),
        "funder": st.sampled_from([Funder.STATE, Funder.REGION, None]),
        "granted": st.decimals(min_value=0, max_value=500000, places=2),
        "paid": st.decimals(min_value=0, max_value=1, places=2),
        "amount": st.decimals(min_value=Decimal("0.01"), max_value=600000, places=2),
        "requested_on": st.dates(min_value=date(2007, 1, 1), max_value=date(2012, 12, 31)),
        "lab": st.booleans(),
    }
)


def build(v: dict[str, Any]) -> RelayRequest:
    applicant: Any = (
        attrs.evolve(LAB, region=v["region"]) if v["lab"] else enterprise(region=v["region"])
    )
    labels = (
        ()
        if v["labelled_on"] == "none"
        else (PoleLabel(pole_id="minalogic", labelled_on=v["labelled_on"]),)
    )
    granted: Decimal = v["granted"]
    paid = (granted * v["paid"]).quantize(Decimal("0.01"))
    aid = (
        None
        if v["funder"] is None
        else (
            AidDecision(
                funder=v["funder"],
                scheme="FUI",
                partners=(
                    PartnerAid(
                        partner_id=applicant.id,
                        granted=granted,
                        payments=(Payment(paid_on=date(2008, 12, 1), amount=paid),) if paid else (),
                    ),
                ),
            ),
        )
    )
    proj = project(applicant, labels=labels, aid=aid, selection_letter_on=v["letter"])
    return request(applicant, proj, requested_on=v["requested_on"], amount=v["amount"])


@given(variations)
def test_eligible_exactly_when_every_condition_is_met(v: dict[str, Any]) -> None:
    d = eligibility(build(v), PARAMS)
    conditions = [c.status for c in d.conditions]
    applicable = [s for s in conditions if s is not Status.NOT_APPLICABLE]
    assert (d.outcome is Outcome.ELIGIBLE) == all(s is Status.MET for s in applicable)
    assert (d.outcome is Outcome.INELIGIBLE) == (Status.NOT_MET in conditions)
    assert [c.key for c in d.conditions] == CONDITIONS


def _national(on: date) -> ParameterSet:
    return PARAMS.override("relay.national_from", on)


@given(variations, st.dates(min_value=date(2007, 1, 1), max_value=date(2013, 1, 1)))
def test_generalising_the_scheme_never_turns_an_eligible_case_ineligible(
    v: dict[str, Any], national_from: date
) -> None:
    req = build(v)
    before = eligibility(req, PARAMS).outcome
    after = eligibility(req, _national(national_from)).outcome
    if before is Outcome.ELIGIBLE:
        assert after is Outcome.ELIGIBLE


@given(variations)
def test_a_decisions_json_round_trips(v: dict[str, Any]) -> None:
    d = eligibility(build(v), PARAMS)
    assert Decision.from_dict(json.loads(json.dumps(d.to_dict()))) == d


def test_an_unknown_region_before_the_pilot_is_ineligible_without_asking_for_it() -> None:
    # Before 1 April 2008 the scheme was in force in no region: the region cannot change that.
    applicant = enterprise(region=None)
    d = eligibility(request(applicant, requested_on=date(2008, 3, 31)), PARAMS)
    check = d.check("relay.in_force")
    assert check.status is Status.NOT_MET
    assert d.outcome is Outcome.INELIGIBLE
    assert "applicant.region" not in [f.path for f in d.missing]
    assert check.reason.en == "the relay scheme was in force in no region on 2008-03-31"


def test_an_unknown_region_under_a_national_scheme_is_covered() -> None:
    national = PARAMS.override("relay.national_from", date(2009, 1, 1))
    d = eligibility(request(enterprise(region=None)), national)
    check = d.check("relay.in_force")
    assert check.status is Status.MET
    assert check.missing == ()
    assert "whatever the applicant's region" in check.reason.en
    # Under the pilot alone, the region decides: it is asked for.
    pilot = eligibility(request(enterprise(region=None)), PARAMS)
    assert pilot.check("relay.in_force").status is Status.UNKNOWN
    assert [f.path for f in pilot.missing][:1] == ["applicant.region"]


# --- RELAY.2 with the labelling pôles given: a label counts only from a pôle holding its own label

POLES = rhone_alpes_poles()
# Sporaltec lost its label on 11 May 2010 (the reference data's history).
AUTUMN_2010 = date(2010, 10, 1)


def _labelled_by(*labels: tuple[str, date | None], on: date = AUTUMN_2010) -> RelayRequest:
    marks = tuple(PoleLabel(pole_id=pole, labelled_on=day) for pole, day in labels)
    return request(proj=project(labels=marks), requested_on=on)


def test_a_label_given_after_the_poles_delabelling_does_not_count() -> None:
    late = _labelled_by(("sporaltec", date(2010, 9, 1)))
    assert eligibility(late, PARAMS).outcome is Outcome.ELIGIBLE  # labels taken as recorded
    decision = eligibility(late, PARAMS, poles=POLES)
    assert decision.outcome is Outcome.INELIGIBLE
    assert failing(decision) == ["relay.labelled"]
    reason = decision.check("relay.labelled").reason
    assert (
        reason.en
        == "sporaltec did not hold its pôle label on 2010-09-01, when it labelled the project"
    )
    assert reason.fr == (
        "sporaltec n'était pas un pôle labellisé le 2010-09-01, jour où il a labellisé le projet"
    )


def test_a_label_given_the_day_before_the_delabelling_counts() -> None:
    in_time = _labelled_by(("sporaltec", date(2010, 5, 10)))
    decision = eligibility(in_time, PARAMS, poles=POLES)
    assert decision.outcome is Outcome.ELIGIBLE
    assert decision.check("relay.labelled").reason.en == (
        "labelled by sporaltec on 2010-05-10, a pôle holding its label that day"
    )
    on_the_day = _labelled_by(("sporaltec", date(2010, 5, 11)))
    assert eligibility(on_the_day, PARAMS, poles=POLES).outcome is Outcome.INELIGIBLE


def test_a_refused_label_and_a_later_one_are_both_explained() -> None:
    both = _labelled_by(("sporaltec", date(2010, 9, 1)), ("minalogic", date(2010, 11, 1)))
    reason = eligibility(both, PARAMS, poles=POLES).check("relay.labelled").reason
    assert reason.en == (
        "sporaltec did not hold its pôle label on 2010-09-01, when it labelled the project; "
        "labelled again on 2010-11-01, after the request (2010-10-01)"
    )
    assert reason.fr.endswith("; labellisé de nouveau le 2010-11-01, après la demande (2010-10-01)")


def test_an_empty_list_of_pilot_regions_is_named_as_such() -> None:
    nowhere = PARAMS.override("relay.pilot_regions", ())
    check = eligibility(request(), nowhere).check("relay.in_force")
    assert check.status is Status.NOT_MET
    assert check.reason.en == (
        "no pilot region on 2009-03-16 (relay.pilot_regions is empty) and the scheme is not "
        "national"
    )
    assert check.parameters[0].describe().startswith("relay.pilot_regions = (none) (")
    assert check.parameters[0].describe("fr").startswith("relay.pilot_regions = (aucune) (")


def test_a_pole_whose_history_is_not_given_is_asked_for() -> None:
    unknown = _labelled_by(("competitivite-ailleurs", date(2009, 1, 5)))
    decision = eligibility(unknown, PARAMS, poles=POLES)
    assert decision.outcome is Outcome.UNDETERMINED
    assert [fact.path for fact in decision.missing] == ["poles"]
    assert "competitivite-ailleurs" in decision.missing[0].question.en
    assert decision.missing[0].question.fr == (
        "Quel est l'historique de labellisation du pôle competitivite-ailleurs ?"
    )


def test_another_label_from_a_labelled_pole_settles_the_condition() -> None:
    both = _labelled_by(
        ("competitivite-ailleurs", date(2009, 1, 5)),
        ("sporaltec", date(2010, 9, 1)),
        ("minalogic", date(2010, 9, 2)),
    )
    decision = eligibility(both, PARAMS, poles=POLES)
    assert decision.outcome is Outcome.ELIGIBLE
    assert decision.check("relay.labelled").reason.en.startswith("labelled by minalogic")


def test_an_undated_label_and_an_unknown_pole_are_both_asked_for_in_order() -> None:
    two = _labelled_by(("competitivite-ailleurs", date(2009, 1, 5)), ("minalogic", None))
    decision = eligibility(two, PARAMS, poles=POLES)
    assert decision.outcome is Outcome.UNDETERMINED
    assert [fact.path for fact in decision.missing] == ["poles", "project.labels.1.labelled_on"]


def test_the_relay_and_the_fui_consortium_judge_one_label_alike() -> None:
    for labels in (
        (("sporaltec", date(2010, 9, 1)),),
        (("sporaltec", date(2010, 5, 10)),),
        (("competitivite-ailleurs", date(2009, 1, 5)),),
        (("minalogic", None), ("sporaltec", date(2010, 9, 1))),
        (("minalogic", date(2010, 12, 1)),),
    ):
        relay = eligibility(_labelled_by(*labels), PARAMS, poles=POLES).check("relay.labelled")
        fui = consortium(_labelled_by(*labels).project, AUTUMN_2010, PARAMS, poles=POLES).check(
            "fui.labelled"
        )
        assert relay.status is fui.status, labels
        assert [f.path for f in relay.missing] == [f.path for f in fui.missing], labels


def test_the_hot_path_status_agrees_with_the_explained_check() -> None:
    for labels in (
        (("sporaltec", date(2010, 9, 1)),),
        (("competitivite-ailleurs", date(2009, 1, 5)), ("minalogic", None)),
        (("minalogic", date(2010, 12, 1)),),
        (),
    ):
        req = _labelled_by(*labels)
        expected = eligibility(req, PARAMS, poles=POLES).check("relay.labelled").status
        assert labelled_status(req.project.labels, AUTUMN_2010, POLES) is expected, labels


def test_the_reference_poles_change_no_demo_decision() -> None:
    # Every demo project is labelled by a Rhône-Alpes pôle that held its label that day.
    for case in demo_cases():
        plain = eligibility(case.request, PARAMS)
        checked = eligibility(case.request, PARAMS, poles=POLES)
        assert checked.outcome is plain.outcome, case.case_id
        assert checked.check("relay.labelled").status is plain.check("relay.labelled").status


def test_assess_and_assess_case_pass_the_poles_on() -> None:
    late = _labelled_by(("sporaltec", date(2010, 9, 1)))
    assert assess(late, PARAMS).timing is not None
    assessed = assess(late, PARAMS, poles=POLES)
    assert assessed.outcome is Outcome.INELIGIBLE
    assert assessed.timing is None
    assert assessed.cost is None
    case = RelayCase(case_id="late", request=attrs.evolve(late, id="late"))
    from_case = assess_case(case, PARAMS, poles=POLES)
    assert from_case.to_dict() == assess(case.request, PARAMS, poles=POLES).to_dict()
    assert from_case.decision.failed[0].key == "relay.labelled"


def test_the_poles_argument_is_checked() -> None:
    late = _labelled_by(("sporaltec", date(2010, 9, 1)))
    with pytest.raises(WrongTypeError, match="single string"):
        eligibility(late, PARAMS, poles="sporaltec")  # type: ignore[arg-type]
    with pytest.raises(WrongTypeError, match="is not a Pole"):
        eligibility(late, PARAMS, poles=[late])  # type: ignore[list-item]
    with pytest.raises(InvalidInputError, match="given twice"):
        eligibility(late, PARAMS, poles=[*POLES, POLES[0]])


def test_labelled_status_reads_the_poles_once_even_from_a_generator() -> None:
    late = _labelled_by(("sporaltec", date(2010, 9, 1)))
    status = labelled_status(late.project.labels, AUTUMN_2010, (p for p in POLES))
    assert status is Status.NOT_MET
