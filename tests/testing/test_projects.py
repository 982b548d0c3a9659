"""The project strategies: consortia of every kind, the applicant among the partners."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import Phase, find, given, settings

from poles_policy.exceptions import InvalidInputError, WrongTypeError
from poles_policy.explain import Outcome, Status
from poles_policy.model.actors import Enterprise, ResearchKind, ResearchOrganisation
from poles_policy.parameters import default_parameters
from poles_policy.rules.fui import consortium
from poles_policy.testing import (
    aid_decisions,
    partner_aids,
    pole_labels,
    project_partners,
    projects,
)

if TYPE_CHECKING:
    from tests.testing.conftest import Tally, Unreached

    from poles_policy.model.projects import CollaborativeProject

PARAMS = default_parameters()
FUI_KEYS = ("fui.enterprises", "fui.research_bodies", "fui.lead", "fui.labelled")
APPLICANT = Enterprise(id="acme", name="ACME", region="82")
LAB = ResearchOrganisation(id="lab-0", name="LAB", kind=ResearchKind.LABORATORY)


def _consortium(project: CollaborativeProject) -> set[str]:
    # Judged on the letter's date, the label's reference in the strategy.
    decision = consortium(project, project.selection_letter_on or date(2012, 12, 31), PARAMS)
    return (
        {decision.outcome.value}
        | {f"{c.key}={c.status.value}" for c in decision.checks}
        | {f"partners={len(project.partners)}"}
    )


def test_many_projects_qualify_for_the_fui_and_many_do_not(tally: Tally) -> None:
    # About a third qualify over random draws; the first draws, simpler, qualify more often.
    seen, drawn = tally(projects(), _consortium, 200)
    assert 0.2 < seen[Outcome.ELIGIBLE.value] / drawn < 0.65
    assert seen[Outcome.INELIGIBLE.value] / drawn > 0.2
    assert seen[Outcome.UNDETERMINED.value] / drawn > 0.02
    assert {n for n in range(2, 6) if seen[f"partners={n}"]} == {2, 3, 4, 5}
    assert not any(key.startswith("partners=") and key[-1] not in "2345" for key in seen)


def test_the_simplest_project_qualifies() -> None:
    simplest = find(
        projects(),
        lambda _: True,
        settings=settings(max_examples=1, database=None, derandomize=True, phases=[Phase.generate]),
    )
    assert _consortium(simplest) >= {Outcome.ELIGIBLE.value, "partners=3"}


def test_every_status_of_every_consortium_condition_is_reached(unreached: Unreached) -> None:
    wanted = {
        f"{key}={status.value}" for key in FUI_KEYS for status in (Status.MET, Status.NOT_MET)
    }
    wanted |= {"fui.lead=unknown", "fui.labelled=unknown"}
    assert unreached(projects(), wanted, _consortium) == set()


@settings(max_examples=30)
@given(projects(applicant=APPLICANT, ident="nano-x"), projects(applicant=LAB))
def test_the_applicant_is_a_partner_as_the_same_object(
    project: CollaborativeProject, with_lab: CollaborativeProject
) -> None:
    assert project.id == "nano-x"
    partner = project.partner("acme")
    assert partner is not None
    assert partner.actor is APPLICANT
    lab = with_lab.partner("lab-0")
    assert lab is not None
    assert lab.actor is LAB
    assert 2 <= len(project.partners) <= 5


@pytest.mark.parametrize(
    ("build", "error", "match"),
    [
        (
            lambda: aid_decisions(partner_ids="acme"),
            WrongTypeError,
            r"aid_decisions\(partner_ids='acme'\): give a list or tuple of ids",
        ),
        (
            lambda: aid_decisions(partner_ids=["acme", ""]),
            InvalidInputError,
            r"aid_decisions\(partner_ids=''\): an id is a non-empty string",
        ),
        (
            # An id given twice was quietly drawn once.
            lambda: aid_decisions(partner_ids=["acme", "lab", "acme"]),
            InvalidInputError,
            r"aid_decisions\(partner_ids=\['acme', 'lab', 'acme'\]\): 'acme' is given twice",
        ),
        (
            lambda: partner_aids(partner_id=""),
            InvalidInputError,
            r"partner_aids\(partner_id=''\)",
        ),
        (
            lambda: pole_labels(pole_id=3),  # type: ignore[arg-type]
            WrongTypeError,
            r"pole_labels\(pole_id=3\)",
        ),
        (
            lambda: projects(applicant={"id": "acme"}),  # type: ignore[arg-type]
            WrongTypeError,
            r"projects\(applicant=\{'id': 'acme'\}\): expected an Enterprise or a Research",
        ),
        (
            lambda: project_partners(actor="x"),  # type: ignore[arg-type]
            WrongTypeError,
            (
                r"^project_partners\(actor='x'\): expected an Enterprise or a "
                r"ResearchOrganisation or None, got a str$"
            ),
        ),
    ],
)
def test_bad_arguments_of_the_project_strategies_are_refused_at_once(
    build: Any, error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        build()
