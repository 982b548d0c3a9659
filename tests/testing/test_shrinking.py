"""
What the kit's strategies shrink toward: the simple case each docstring promises.

Hypothesis ranks a shorter sequence of choices as simpler than any longer
one, whatever their values, and its explain phase, on by default, reports a
shorter failing example it comes across without shrinking it further. So
a strategy shrinks toward its first example (every choice at its simplest)
only when no other branch makes fewer choices; a branch that skips later
draws wins, with the rest of the example left as drawn. These tests run
Hypothesis as a user does (all phases, a property that always fails) and
pin the fields the docstrings name.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

import pytest
from hypothesis import find, given, settings

from poles_policy.model.actors import ResearchKind, ResearchOrganisation
from poles_policy.model.platforms import CallForProjects, FundingSource, UserKind
from poles_policy.model.poles import Category, LabelEventKind
from poles_policy.model.projects import PartnerRole
from poles_policy.testing import (
    accounts,
    calls_for_projects,
    enterprises,
    innovation_platforms,
    label_events,
    payments,
    poles,
    policy_dates,
    project_partners,
    related_enterprises,
)

if TYPE_CHECKING:
    from hypothesis import strategies as st

    from poles_policy.model.actors import Accounts

T = TypeVar("T")

SHRINK = settings(database=None, derandomize=True, max_examples=10, deadline=None)
CLOSED_2007_2008 = [date(2007, 12, 31), date(2008, 12, 31)]
ZERO = Decimal("0.00")


def simplest(strategy: st.SearchStrategy[T]) -> T:
    """The example a property that fails for every value shrinks to, as ``find`` reports it."""
    return find(strategy, lambda _: True, settings=SHRINK)


def _all_zero(periods: tuple[Accounts, ...]) -> bool:
    return all(not (p.staff_awu or p.turnover or p.balance_sheet) for p in periods)


def test_accounts_shrink_to_zero_figures_for_each_year() -> None:
    periods = simplest(accounts(years=[2007, 2008]))
    assert [p.period_end for p in periods] == CLOSED_2007_2008
    assert _all_zero(periods)


def test_an_enterprise_shrinks_to_one_of_rhone_alpes_without_accounts() -> None:
    # The fewest random choices: no accounts, no related enterprise (as the docstring says).
    enterprise = simplest(enterprises())
    assert (enterprise.region, enterprise.related, enterprise.accounts) == ("82", (), ())


def test_a_related_enterprise_shrinks_to_a_holding_without_accounts() -> None:
    related = simplest(related_enterprises())
    assert (related.accounts, related.exempt_investor) == ((), False)


def test_a_pole_shrinks_to_a_national_pole_of_rhone_alpes_labelled_on_12_july_2005() -> None:
    pole = simplest(poles())
    assert (pole.id, pole.category, pole.head_office_region) == ("pole-0", Category.NATIONAL, "82")
    assert [(e.kind, e.on) for e in pole.history] == [(LabelEventKind.LABELLED, date(2005, 7, 12))]
    assert (pole.themes, pole.other_regions) == ((), ())
    assert (pole.evaluation_group_2008, pole.governing_body, pole.state_correspondent) == (
        None,
        None,
        None,
    )


def test_a_label_event_shrinks_to_a_labelling_on_12_july_2005() -> None:
    event = simplest(label_events())
    assert (event.kind, event.on) == (LabelEventKind.LABELLED, date(2005, 7, 12))


def test_policy_dates_shrink_to_their_low_bound() -> None:
    assert simplest(policy_dates()) == date(2008, 1, 1)
    # The low bound of this window is neither a month end nor the turn of a year.
    assert simplest(policy_dates(min_value=date(2009, 3, 16))) == date(2009, 3, 16)


def test_a_call_shrinks_to_one_open_on_1_october_2008_only_targeting_no_pole() -> None:
    call = simplest(calls_for_projects())
    assert (call.id, call.opens_on, call.closes_on) == (
        "call-0",
        date(2008, 10, 1),
        date(2008, 10, 1),
    )
    assert call.targeted_pole_ids == ()


CALL = CallForProjects(
    id="aap-1",
    name="Appel à projets plates-formes",
    opens_on=date(2009, 3, 2),
    closes_on=date(2009, 5, 29),
    targeted_pole_ids=["minalogic"],
)


@pytest.mark.parametrize(
    ("call", "submitted_on", "carriers"),
    [(None, date(2008, 10, 1), ("pole-0",)), (CALL, CALL.opens_on, ("minalogic",))],
    ids=["without-call", "answering-a-call"],
)
def test_a_platform_shrinks_to_a_sound_application_of_0_eur_sent_on_the_first_day(
    call: CallForProjects | None, submitted_on: date, carriers: tuple[str, ...]
) -> None:
    platform = simplest(innovation_platforms(call=call))
    assert (platform.submitted_on, platform.carrying_pole_ids) == (submitted_on, carriers)
    assert (platform.investment_budget, platform.operating_budget) == (ZERO, ZERO)
    assert [(line.source, line.year, line.amount) for line in platform.financing] == [
        (FundingSource.STATE_FCE_INVESTMENT, None, ZERO),
        (FundingSource.PARTNERS, None, ZERO),
        (FundingSource.USER_FEES, None, ZERO),
    ]
    assert platform.study_cost is None
    assert platform.open_access is True
    assert [user.kind for user in platform.users] == [UserKind.SME, UserKind.LABORATORY]


def test_a_payment_shrinks_to_0_eur_on_1_january_2008() -> None:
    payment = simplest(payments())
    assert (payment.paid_on, payment.amount) == (date(2008, 1, 1), ZERO)


def test_a_project_partner_shrinks_to_a_plain_partner_a_public_lab_of_rhone_alpes() -> None:
    partner = simplest(project_partners())
    assert (partner.role, partner.eligible_costs) == (PartnerRole.PARTNER, None)
    actor = partner.actor
    assert isinstance(actor, ResearchOrganisation)
    assert (actor.id, actor.kind, actor.public, actor.region) == (
        "lab-0",
        ResearchKind.PUBLIC_RESEARCH,
        True,
        "82",
    )


# A property that always fails, as a user writes it: @given derives its own seed (from the
# test), so the explain phase tries other shorter examples than find's.
FAILING: list[tuple[str, st.SearchStrategy[Any]]] = [
    ("poles", poles()),
    ("calls_for_projects", calls_for_projects()),
    ("innovation_platforms", innovation_platforms()),
]


@pytest.mark.parametrize("strategy", [s for _, s in FAILING], ids=[name for name, _ in FAILING])
def test_a_property_that_always_fails_reports_the_same_simplest_example(
    strategy: st.SearchStrategy[Any],
) -> None:
    reported: list[Any] = []

    @SHRINK
    @given(strategy)
    def always_fails(value: Any) -> None:
        reported.append(value)
        raise AssertionError

    with pytest.raises(AssertionError):
        always_fails()
    assert reported[-1] == simplest(strategy)
