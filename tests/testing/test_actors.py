"""The actor strategies: SME status of every kind, related enterprises, ids."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from poles_policy import testing as kit
from poles_policy.exceptions import InvalidInputError, WrongTypeError
from poles_policy.explain import Status
from poles_policy.parameters import default_parameters
from poles_policy.rules.sme import sme_status

if TYPE_CHECKING:
    from collections.abc import Callable

    from tests.testing.conftest import Tally, Unreached

    from poles_policy.model.actors import Enterprise

PARAMS = default_parameters()
ON = date(2009, 6, 30)


def _sme(enterprise: Enterprise) -> set[str]:
    result = sme_status(enterprise, ON, PARAMS)
    return (
        {f"is_sme={result.is_sme}"}
        | {f"{c.key}={c.status.value}" for c in result.decision.checks}
        | {f"related={bool(enterprise.related)}"}
        | {f"public share known={enterprise.public_bodies_share is not None}"}
        | {f"accounts={len(enterprise.accounts)}"}
        | {f"closed {a.period_end.year}" for a in enterprise.accounts}
    )


def test_enterprises_are_smes_large_or_of_unknown_status_often(tally: Tally) -> None:
    seen, drawn = tally(kit.enterprises(), _sme, 300)
    # Each answer comes in a fifth of the draws or more when this module is collected alone, in
    # under a tenth when the whole suite is (Hypothesis mixes in the constants of the modules
    # loaded): the bound asks that every answer stays frequent, not a given share.
    for answer in ("True", "False", "None"):
        assert seen[f"is_sme={answer}"] / drawn > 0.05, answer
    assert 0.25 < seen["related=True"] / drawn < 0.75
    assert 0.05 < seen["public share known=False"] / drawn < 0.4
    assert {n for n in range(4) if seen[f"accounts={n}"]} == {0, 1, 2, 3}
    assert {y for y in range(2006, 2012) if seen[f"closed {y}"]} == set(range(2006, 2012))


def test_every_status_of_the_sme_test_is_reached(unreached: Unreached) -> None:
    wanted = {
        f"sme.{key}={status.value}"
        for key in ("accounts", "aggregation", "public_bodies")
        for status in (Status.MET, Status.NOT_MET, Status.UNKNOWN)
    } - {"sme.accounts=not_met", "sme.aggregation=not_met"}
    wanted |= {"sme.aggregation=not_applicable"}
    assert unreached(kit.enterprises(), wanted, _sme) == set()


# Each strategy with an id, the keyword that fixes it, and how to read it back.
IDENTIFIED: list[tuple[Callable[..., st.SearchStrategy[Any]], str, Callable[[Any], str]]] = [
    (kit.enterprises, "ident", lambda x: x.id),
    (kit.research_organisations, "ident", lambda x: x.id),
    (kit.cooperation_structures, "ident", lambda x: x.id),
    (kit.local_authorities, "ident", lambda x: x.id),
    (kit.state_bodies, "ident", lambda x: x.id),
    (kit.banks, "ident", lambda x: x.id),
    (kit.oseo_offices, "ident", lambda x: x.id),
    (kit.poles, "ident", lambda x: x.id),
    (kit.projects, "ident", lambda x: x.id),
    (kit.pole_labels, "pole_id", lambda x: x.pole_id),
    (kit.partner_aids, "partner_id", lambda x: x.partner_id),
    (kit.relay_requests, "ident", lambda x: x.id),
    (kit.relay_cases, "ident", lambda x: x.case_id),
    (kit.calls_for_projects, "ident", lambda x: x.id),
    (kit.innovation_platforms, "ident", lambda x: x.id),
    (kit.cper_envelopes, "ident", lambda x: x.id),
    (kit.structuring_projects, "ident", lambda x: x.id),
    (kit.involvements, "structure_id", lambda x: x.structure_id),
    (kit.pole_synergies, "pole_id", lambda x: x.pole_id),
    (kit.inter_pole_files, "ident", lambda x: x.id),
    (kit.indicators, "ident", lambda x: x.id),
    (kit.objectives, "ident", lambda x: x.id),
    (kit.performance_contracts, "ident", lambda x: x.id),
    (kit.performance_contracts, "pole_id", lambda x: x.pole_id),
    (kit.committee_members, "actor_id", lambda x: x.actor_id),
    (kit.coordination_committees, "pole_id", lambda x: x.pole_id),
]


@pytest.mark.parametrize(
    ("strategy", "keyword", "read"),
    IDENTIFIED,
    ids=[f"{s.__name__}-{k}" for s, k, _ in IDENTIFIED],
)
@settings(max_examples=5)
@given(data=st.data())
def test_every_strategy_with_an_id_honours_the_one_given(
    strategy: Callable[..., st.SearchStrategy[Any]],
    keyword: str,
    read: Callable[[Any], str],
    data: st.DataObject,
) -> None:
    assert read(data.draw(strategy(**{keyword: "given-0"}))) == "given-0"


@pytest.mark.parametrize(
    ("strategy", "keyword"),
    [(s, k) for s, k, _ in IDENTIFIED],
    ids=[f"{s.__name__}-{k}" for s, k, _ in IDENTIFIED],
)
def test_an_empty_id_is_refused_rather_than_replaced(
    strategy: Callable[..., st.SearchStrategy[Any]], keyword: str
) -> None:
    with pytest.raises(InvalidInputError, match=rf"{strategy.__name__}\({keyword}=''\)"):
        strategy(**{keyword: ""})


@pytest.mark.parametrize(
    ("years", "error", "match"),
    [
        (
            (2008, 2008),
            InvalidInputError,
            r"accounts\(years=\(2008, 2008\)\): a year appears twice",
        ),
        (2008, WrongTypeError, r"accounts\(years=2008\): give a list or tuple of years"),
        (("2008",), WrongTypeError, r"'2008' is not a year"),
    ],
)
def test_accounts_refuse_years_that_are_not_distinct_years(
    years: object, error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        kit.accounts(years=years)  # type: ignore[arg-type]


@settings(max_examples=10)
@given(kit.accounts(years=[2010, 2008]))
def test_accounts_close_on_31_december_of_each_year(periods: tuple[Any, ...]) -> None:
    assert [a.period_end for a in periods] == [date(2010, 12, 31), date(2008, 12, 31)]


def test_a_region_that_is_not_a_code_is_refused() -> None:
    with pytest.raises(InvalidInputError, match=r"local_authorities\(region='Rhône-Alpes'\)"):
        kit.local_authorities(region="Rhône-Alpes")
