"""Relay financing (financement relais): requests, loans and cases."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import strategies as st

from poles_policy.model.actors import Bank, Enterprise, ResearchOrganisation
from poles_policy.model.cases import RelayCase
from poles_policy.model.relay import RelayLoan, RelayRequest
from poles_policy.testing._actors import enterprises, research_organisations
from poles_policy.testing._projects import projects
from poles_policy.testing._values import eur_amounts, policy_dates


@st.composite
def relay_requests(draw: st.DrawFn) -> RelayRequest:
    """Generate relay requests by an enterprise (mostly) or a lab, with their project."""
    # Mostly enterprises (the scheme's beneficiaries), sometimes a lab (always refused).
    people = enterprises(ident="applicant")
    applicant: Enterprise | ResearchOrganisation = draw(
        st.one_of(people, people, research_organisations())
    )
    project = draw(projects(applicant=applicant))
    letter = project.selection_letter_on
    # Mostly after the selection letter, sometimes just before it.
    requested_on = (
        draw(policy_dates())
        if letter is None
        else date.fromordinal(letter.toordinal() + draw(st.integers(min_value=-30, max_value=365)))
    )
    granted = sum((a.granted for d in project.aid or () for a in d.partners), Decimal(0))
    ceiling = max(granted * Decimal("1.2"), Decimal("0.01")).quantize(Decimal("0.01"))
    return RelayRequest(
        id="req",
        applicant=applicant,
        project=project,
        requested_on=requested_on,
        amount=draw(eur_amounts(min_value="0.01", max_value=ceiling)),
        bank=Bank(id="bank", name="Banque (generated)"),
        oseo_counter_guarantee=draw(st.one_of(st.booleans(), st.none())),
    )


@st.composite
def relay_loans(draw: st.DrawFn, request: RelayRequest | None = None) -> RelayLoan:
    """
    Generate a loan answering *request* (by default a generated one), paid out within 60 days.

    Its fees are known (up to 2 000 EUR) or sometimes unknown (``None``). It
    is mostly repaid from the subsidy payments (the scheme's design);
    otherwise it is repaid in one go, on a date up to three years after the
    disbursement, or on a date not known. It shrinks toward a loan repaid
    from the subsidy, with no fees, disbursed on the request date.
    """
    if request is None:
        request = draw(relay_requests())
    delay = draw(st.integers(min_value=0, max_value=60))
    disbursed_on = date.fromordinal(request.requested_on.toordinal() + delay)
    from_subsidy = draw(st.sampled_from((True, True, False)))
    repaid_on = (
        None
        if from_subsidy
        else draw(
            st.one_of(
                st.integers(min_value=1, max_value=3 * 366).map(
                    lambda days: date.fromordinal(disbursed_on.toordinal() + days)
                ),
                st.none(),
            )
        )
    )
    return RelayLoan(
        request_id=request.id,
        disbursed_on=disbursed_on,
        principal=request.amount,
        annual_rate=draw(st.sampled_from([Decimal("0.04"), Decimal("0.055"), Decimal("0.08")])),
        fees=draw(st.one_of(eur_amounts(max_value="2000.00"), st.none())),
        repaid_from_subsidy=from_subsidy,
        repaid_on=repaid_on,
    )


@st.composite
def relay_cases(draw: st.DrawFn) -> RelayCase:
    """Generate relay cases: a request and, half the time, its loan."""
    request = draw(relay_requests())
    loan = draw(st.one_of(st.none(), relay_loans(request)))
    return RelayCase(case_id=request.id, request=request, loan=loan)
