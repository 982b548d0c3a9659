"""CPER priority for pôle-linked structuring projects (SYN.4) and linked allocations (SYN.2)."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from decimal import Decimal, localcontext
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from poles_policy.exceptions import InvalidInputError
from poles_policy.explain import Status
from poles_policy.model.cper import Allocation, CperEnvelope, StructuringProject
from poles_policy.money import eur
from poles_policy.rules.cper import (
    AllocationShare,
    EnvelopeAllocation,
    Funding,
    ProjectAllocation,
    allocate_envelope,
    linked_allocation_shares,
)
from poles_policy.testing import allocations, cper_envelopes, structuring_projects

if TYPE_CHECKING:
    from random import Random

ENVELOPE = CperEnvelope(
    id="cper-82-2007",
    region="82",
    period_start=date(2007, 1, 1),
    period_end=date(2013, 12, 31),
    amount="1000000.00",
)


def _project(
    id: str,  # noqa: A002 - the field's name
    requested: str | Decimal,
    *,
    poles: tuple[str, ...] = (),
    rank: int | None = None,
    **changes: Any,
) -> StructuringProject:
    fields: dict[str, Any] = {
        "id": id,
        "name": f"Project {id}",
        "region": "82",
        "pole_ids": poles,
        "requested": requested,
        "priority_rank": rank,
    }
    return StructuringProject(**{**fields, **changes})


# Given in an order that is neither the priority order nor its reverse.
PROJECTS = (
    _project("hall-a", "300000.00", rank=1),
    _project("biochip", "250000.00", poles=("minalogic",), rank=2),
    _project("solar-lab", "200000.00", poles=("axelera", "tenerrdis")),
    _project("bioprod", "400000.00", poles=("lyonbiopole",), rank=1),
    _project("road-b", "100000.00"),
    _project("depot-c", "50000.00", rank=3),
)


def _granted(result: EnvelopeAllocation) -> dict[str, Decimal]:
    return {line.project_id: line.granted for line in result.lines}


# --- worked examples (figures checked by hand) -------------------------------------------------


def test_syn_4_linked_projects_come_first_then_by_rank_then_unranked() -> None:
    result = allocate_envelope(ENVELOPE, PROJECTS)
    # Linked tier: bioprod (rank 1), biochip (rank 2), solar-lab (unranked);
    # other tier: hall-a (rank 1), depot-c (rank 3), road-b (unranked).
    # 1 000 000 - 400 000 - 250 000 - 200 000 = 150 000 left for hall-a's 300 000.
    expected = [
        ("bioprod", 1, True, "400000.00", "400000.00", "0.00", Funding.FULL),
        ("biochip", 2, True, "250000.00", "250000.00", "0.00", Funding.FULL),
        ("solar-lab", 3, True, "200000.00", "200000.00", "0.00", Funding.FULL),
        ("hall-a", 4, False, "300000.00", "150000.00", "150000.00", Funding.PARTIAL),
        ("depot-c", 5, False, "50000.00", "0.00", "50000.00", Funding.NONE),
        ("road-b", 6, False, "100000.00", "0.00", "100000.00", Funding.NONE),
    ]
    assert [
        (
            line.project_id,
            line.position,
            line.linked,
            str(line.requested),
            str(line.granted),
            str(line.shortfall),
            line.status,
        )
        for line in result.lines
    ] == expected
    assert result.envelope_id == "cper-82-2007"
    assert result.allocated == Decimal("1000000.00")
    assert result.remaining == Decimal("0.00")
    assert result.linked_allocated == Decimal("850000.00")
    assert result.linked_share == Decimal("0.85")
    assert result.linked_fraction == Fraction(17, 20)


def test_syn_4_the_envelope_runs_out_within_the_linked_tier() -> None:
    result = allocate_envelope(attrs.evolve(ENVELOPE, amount="500000.00"), PROJECTS)
    # bioprod 400 000 in full; biochip gets the last 100 000 of its 250 000.
    assert _granted(result) == {
        "bioprod": Decimal("400000.00"),
        "biochip": Decimal("100000.00"),
        "solar-lab": Decimal("0.00"),
        "hall-a": Decimal("0.00"),
        "depot-c": Decimal("0.00"),
        "road-b": Decimal("0.00"),
    }
    biochip = result.lines[1]
    assert biochip.status is Funding.PARTIAL
    assert biochip.shortfall == Decimal("150000.00")
    assert [line.status for line in result.lines[2:]] == [Funding.NONE] * 4
    assert result.linked_share == Decimal(1)


def test_an_envelope_larger_than_every_request_funds_all_and_keeps_the_rest() -> None:
    result = allocate_envelope(attrs.evolve(ENVELOPE, amount="2000000.00"), PROJECTS)
    assert all(line.status is Funding.FULL for line in result.lines)
    # 400 000 + 250 000 + 200 000 + 300 000 + 50 000 + 100 000 = 1 300 000.
    assert result.allocated == Decimal("1300000.00")
    assert result.remaining == Decimal("700000.00")
    assert result.linked_allocated == Decimal("850000.00")
    # 850 000 / 1 300 000 = 17/26, which no Decimal holds exactly: 28 digits, and the fraction.
    assert result.linked_fraction == Fraction(17, 26)
    assert result.linked_share == Decimal("0.6538461538461538461538461538")


def test_an_empty_list_allocates_nothing() -> None:
    result = allocate_envelope(ENVELOPE, [])
    assert result.lines == ()
    assert result.allocated == Decimal("0.00")
    assert result.remaining == Decimal("1000000.00")
    assert result.linked_allocated == Decimal("0.00")
    assert result.linked_share is None
    assert result.linked_fraction is None
    assert "no project (SYN.4)" in result.explain()
    assert "aucun projet (SYN.4)" in result.explain("fr")


def test_a_zero_request_is_funded_in_full_even_after_the_envelope_is_exhausted() -> None:
    projects = [_project("big", "1000000.00", poles=("minalogic",)), _project("nil", "0")]
    result = allocate_envelope(ENVELOPE, projects)
    nil = result.lines[1]
    assert (nil.project_id, nil.granted, nil.shortfall) == ("nil", Decimal("0.00"), Decimal("0.00"))
    assert nil.status is Funding.FULL


def test_an_empty_envelope_funds_nobody_and_has_no_share() -> None:
    result = allocate_envelope(attrs.evolve(ENVELOPE, amount="0"), PROJECTS)
    assert {line.status for line in result.lines} == {Funding.NONE}
    assert result.linked_share is None


def test_ties_keep_the_order_given() -> None:
    first = _project("first", "600000.00", poles=("minalogic",), rank=2)
    second = _project("second", "600000.00", poles=("axelera",), rank=2)
    u1 = _project("u1", "10.00")
    u2 = _project("u2", "10.00")
    result = allocate_envelope(ENVELOPE, [u2, second, u1, first])
    assert [line.project_id for line in result.lines] == ["second", "first", "u2", "u1"]
    assert _granted(result)["second"] == Decimal("600000.00")
    assert _granted(result)["first"] == Decimal("400000.00")


def test_an_unranked_linked_project_precedes_a_ranked_unlinked_one() -> None:
    result = allocate_envelope(
        ENVELOPE,
        [_project("ranked", "900000.00", rank=1), _project("linked", "900000.00", poles=("x",))],
    )
    assert [(line.project_id, line.priority_rank) for line in result.lines] == [
        ("linked", None),
        ("ranked", 1),
    ]
    assert _granted(result) == {"linked": Decimal("900000.00"), "ranked": Decimal("100000.00")}


def test_with_the_poles_a_link_to_a_withdrawn_pole_gives_no_priority() -> None:
    from poles_policy.data import rhone_alpes_poles

    poles = rhone_alpes_poles()
    envelope = attrs.evolve(ENVELOPE, amount="500000.00")
    projects = [
        _project("ski-lab", "300000.00", poles=("sporaltec",), rank=1),
        _project("hall-a", "300000.00", rank=1),
        _project("biochip", "100000.00", poles=("minalogic",), rank=2),
    ]
    # As recorded, the Sporaltec link comes first: 300 000 + 100 000, then 100 000 of 300 000.
    recorded = allocate_envelope(envelope, projects)
    assert [line.project_id for line in recorded.lines] == ["ski-lab", "biochip", "hall-a"]
    # On 1 July 2010 Sporaltec no longer holds its label (withdrawn in May 2010).
    on = date(2010, 7, 1)
    checked = allocate_envelope(envelope, projects, poles=poles, on=on)
    assert [line.project_id for line in checked.lines] == ["biochip", "ski-lab", "hall-a"]
    assert _granted(checked) == {
        "biochip": Decimal("100000.00"),
        "ski-lab": Decimal("300000.00"),
        "hall-a": Decimal("100000.00"),
    }
    ski = checked.lines[1]
    assert (ski.linked, ski.unlabelled_pole_ids, ski.on) == (False, ("sporaltec",), on)
    assert "not linked to a labelled pôle (sporaltec: not holding its label on 2010-07-01)" in (
        ski.check.reason.en
    )
    assert ski.check.reason.fr == (
        "non lié à un pôle labellisé (sporaltec : ne détenant pas son label le 2010-07-01), "
        "rang 1 ; "
        "demandé 300\u202f000,00 €, accordé 300\u202f000,00 € (en totalité)"
    )
    assert checked.linked_allocated == Decimal("100000.00")
    # Before the withdrawal, the link counts.
    before = allocate_envelope(envelope, projects, poles=poles, on=date(2009, 7, 1))
    assert [line.project_id for line in before.lines] == ["ski-lab", "biochip", "hall-a"]
    assert before.lines[0].unlabelled_pole_ids == ()


def test_in_french_the_poles_not_labelled_agree_with_their_number() -> None:
    line = ProjectAllocation(
        project_id="twin-lab",
        position=1,
        linked=False,
        priority_rank=None,
        requested=eur("1.50"),
        granted=eur("0.00"),
        shortfall=eur("1.50"),
        status=Funding.NONE,
        unlabelled_pole_ids=("sporaltec", "techtera"),
        on=date(2010, 7, 1),
    )
    assert line.check.reason.fr == (
        "non lié à un pôle labellisé (sporaltec, techtera : ne détenant pas leur label le "
        "2010-07-01), "
        "sans rang ; demandé 1,50 €, accordé 0,00 € (non financé), manque 1,50 € : "
        "l'enveloppe était déjà épuisée"
    )
    assert line.check.reason.en.startswith(
        "not linked to a labelled pôle (sporaltec, techtera: not holding their label on "
        "2010-07-01), "
        "unranked; requested 1.50 EUR, granted 0.00 EUR (not funded), shortfall 1.50 EUR"
    )


def test_with_the_poles_an_unknown_pole_id_is_refused() -> None:
    from poles_policy.data import rhone_alpes_poles

    projects = [_project("typo", "1.00", poles=("minalogik",))]
    with pytest.raises(
        InvalidInputError,
        match=r"^StructuringProject\.pole_ids: 'minalogik' \(project 'typo'\) is not among",
    ):
        allocate_envelope(ENVELOPE, projects, poles=rhone_alpes_poles(), on=date(2010, 1, 1))


def test_poles_and_their_date_go_together() -> None:
    from poles_policy.data import rhone_alpes_poles
    from poles_policy.exceptions import WrongTypeError

    with pytest.raises(WrongTypeError, match=r"^allocate_envelope: poles and on go together"):
        allocate_envelope(ENVELOPE, PROJECTS, poles=rhone_alpes_poles())
    with pytest.raises(WrongTypeError, match=r"^allocate_envelope: poles and on go together"):
        allocate_envelope(ENVELOPE, PROJECTS, on=date(2010, 1, 1))


@pytest.mark.parametrize("on", [date(2004, 1, 1), date(2020, 1, 1)])
def test_an_allocation_dated_outside_the_envelope_s_period_is_refused(on: date) -> None:
    # In 2004 no pôle held a label yet: a typing slip would take the priority from every project.
    from poles_policy.data import rhone_alpes_poles

    with pytest.raises(
        InvalidInputError,
        match=rf"^allocate_envelope: on: {on.isoformat()} is outside envelope 'cper-82-2007' "
        r"\(2007-01-01 to 2013-12-31\)",
    ):
        allocate_envelope(ENVELOPE, PROJECTS, poles=rhone_alpes_poles(), on=on)


def test_a_project_of_another_region_is_refused() -> None:
    lyon = _project("lyon", "1.00")
    paris = _project("paris", "1.00", region="11")
    with pytest.raises(
        InvalidInputError,
        match=(
            r"StructuringProject\.region: '11' \(project 'paris'\) is not the region '82' "
            r"of envelope 'cper-82-2007'"
        ),
    ):
        allocate_envelope(ENVELOPE, [lyon, paris])


def test_two_projects_with_one_id_are_refused() -> None:
    projects = [_project("twin", "1.00"), _project("twin", "2.00", poles=("axelera",))]
    with pytest.raises(
        InvalidInputError,
        match=r"StructuringProject\.id: 'twin' appears twice among the projects",
    ):
        allocate_envelope(ENVELOPE, projects)


def test_the_result_does_not_depend_on_the_callers_decimal_context() -> None:
    with localcontext() as ctx:
        ctx.prec = 3
        result = allocate_envelope(attrs.evolve(ENVELOPE, amount="2000000.00"), PROJECTS)
        assert result.linked_share == Decimal("0.6538461538461538461538461538")
    assert result.allocated == Decimal("1300000.00")


def test_syn_4_the_explanation_gives_each_line_in_both_languages() -> None:
    result = allocate_envelope(ENVELOPE, PROJECTS)
    english = result.explain().splitlines()
    assert english[0] == (
        "CPER envelope cper-82-2007: 1000000.00 EUR, 6 project(s) of which 3 pôle-linked, "
        "served first (SYN.4)"
    )
    assert english[1] == (
        "  allocated 1000000.00 EUR, remaining 0.00 EUR; to pôle-linked projects "
        "850000.00 EUR (85 % of the allocated)"
    )
    assert english[2] == (
        "  [met] 1. bioprod: request funded — SYN.4: pôle-linked, rank 1; "
        "requested 400000.00 EUR, granted 400000.00 EUR (in full)"
    )
    assert english[5] == (
        "  [NOT MET] 4. hall-a: request funded — SYN.4: not linked to a pôle, rank 1; "
        "requested 300000.00 EUR, granted 150000.00 EUR (in part), shortfall 150000.00 EUR: "
        "the envelope runs out here"
    )
    assert len(english) == 8
    french = result.explain("fr").replace("\u202f", " ").splitlines()
    assert french[0] == (
        "Enveloppe CPER cper-82-2007 : 1 000 000,00 €, 6 projets, dont 3 liés aux pôles, "
        "servis en premier (SYN.4)"
    )
    assert french[1] == (
        "  attribué 1 000 000,00 €, reste 0,00 € ; aux projets liés aux pôles "
        "850 000,00 € (85 % de l'attribué)"
    )
    assert french[5] == (
        "  [NON REMPLIE] 4. hall-a : demande financée — SYN.4 : non lié à un pôle, rang 1 ; "
        "demandé 300 000,00 €, accordé 150 000,00 € (en partie), manque 150 000,00 € : "
        "l'enveloppe s'épuise ici"
    )
    assert french[7] == (
        "  [NON REMPLIE] 6. road-b : demande financée — SYN.4 : non lié à un pôle, sans rang ; "
        "demandé 100 000,00 €, accordé 0,00 € (non financé), manque 100 000,00 € : "
        "l'enveloppe était déjà épuisée"
    )
    assert [c.clauses for c in result.checks] == [("SYN.4",)] * 6
    assert [c.status for c in result.checks] == [Status.MET] * 3 + [Status.NOT_MET] * 3


def test_a_share_that_does_not_terminate_is_shown_rounded_and_marked() -> None:
    result = allocate_envelope(attrs.evolve(ENVELOPE, amount="2000000.00"), PROJECTS)
    assert "850000.00 EUR (≈ 65.38 % of the allocated)" in result.explain()
    assert "850\u202f000,00 € (≈ 65,38 % de l'attribué)" in result.explain("fr")


@pytest.mark.parametrize(
    ("projects", "english", "french"),
    [
        (PROJECTS[:1], "1 project(s) of which 0 pôle-linked", "1 projet, dont aucun lié aux pôles"),
        (PROJECTS[1:2], "1 project(s) of which 1 pôle-linked", "1 projet, dont 1 lié aux pôles"),
        (PROJECTS[:2], "2 project(s) of which 1 pôle-linked", "2 projets, dont 1 lié aux pôles"),
    ],
)
def test_the_french_head_counts_the_projects_in_agreement(
    projects: tuple[StructuringProject, ...], english: str, french: str
) -> None:
    result = allocate_envelope(ENVELOPE, projects)
    assert english in result.explain().splitlines()[0]
    head = result.explain("fr").splitlines()[0]
    assert french in head
    assert head.endswith(" (SYN.4)")
    assert ("servi en premier" in head) is (1 in {line.linked for line in result.lines})


# --- SYN.2: allocations linked to pôles -------------------------------------------------------


def _allocation(
    ministry: str, body: str, year: int, amount: str, pole: str | None = None
) -> Allocation:
    return Allocation(ministry=ministry, body=body, year=year, amount=amount, pole_id=pole)


# Two ministries over two years, given out of order; Agriculture allocated nothing in 2009.
ALLOCATIONS = (
    _allocation("MESR", "INSERM", 2010, "300000.00", "lyonbiopole"),
    _allocation("Agriculture", "INRA", 2010, "300000.00"),
    _allocation("MESR", "CNRS", 2009, "1000000.00", "minalogic"),
    _allocation("MESR", "INRIA", 2009, "500000.00"),
    _allocation("MESR", "CNRS", 2010, "600000.00", "minalogic"),
    _allocation("Agriculture", "INRA", 2009, "0.00"),
    _allocation("MESR", "CEA", 2009, "500000.00", "axelera"),
    _allocation("MESR", "INRIA", 2010, "1200000.00"),
    _allocation("MESR", "CNRS", 2010, "300000.00", "minalogic"),
    _allocation("Agriculture", "AgroParisTech", 2010, "0.00", "vegepolys"),
)


def test_syn_2_shares_per_ministry_and_year() -> None:
    shares = linked_allocation_shares(ALLOCATIONS)
    assert [(s.ministry, s.year, str(s.total), str(s.linked), s.share) for s in shares] == [
        ("Agriculture", 2009, "0.00", "0.00", None),
        ("Agriculture", 2010, "300000.00", "0.00", Decimal(0)),
        # 1 500 000 linked of 2 000 000.
        ("MESR", 2009, "2000000.00", "1500000.00", Decimal("0.75")),
        # 600 000 + 300 000 + 300 000 = 1 200 000 linked of 2 400 000.
        ("MESR", 2010, "2400000.00", "1200000.00", Decimal("0.5")),
    ]
    assert [s.by_pole for s in shares] == [
        (),
        (("vegepolys", Decimal("0.00")),),
        (("axelera", Decimal("500000.00")), ("minalogic", Decimal("1000000.00"))),
        (("lyonbiopole", Decimal("300000.00")), ("minalogic", Decimal("900000.00"))),
    ]
    assert shares[0].fraction is None
    assert shares[3].fraction == Fraction(1, 2)


def test_no_allocation_gives_no_share() -> None:
    assert linked_allocation_shares([]) == ()


# One ministry typed four ways, as it comes from several files.
SPELLED = (
    _allocation("MESR", "CNRS", 2009, "100.00", "minalogic"),
    _allocation("mesr", "INRIA", 2009, "200.00"),
    _allocation("MESR ", "CEA", 2009, "300.00", "axelera"),
    _allocation(" Mesr", "INSERM", 2010, "400.00"),
)


def test_syn_2_spellings_of_one_ministry_are_one_row_per_year() -> None:
    shares = linked_allocation_shares(SPELLED)
    assert [(s.ministry, s.year, str(s.total), str(s.linked)) for s in shares] == [
        ("MESR", 2009, "600.00", "400.00"),
        # The first spelling met names the ministry in every year, 2010 included.
        ("MESR", 2010, "400.00", "0.00"),
    ]


def test_syn_2_no_spelling_is_renamed_silently() -> None:
    shares = linked_allocation_shares(SPELLED)
    assert all(s.spellings == ("MESR", "mesr", "MESR ", " Mesr") for s in shares)
    lines = shares[0].explain().splitlines()
    assert lines[:2] == [
        (
            "Allocations (MESR, 2009, SYN.2): 600.00 EUR, of which 400.00 EUR linked to pôles "
            "(≈ 66.67 %)"
        ),
        "  also written: 'mesr', 'MESR ', ' Mesr'",
    ]
    assert shares[0].explain("fr").splitlines()[1] == "  aussi écrit : 'mesr', 'MESR ', ' Mesr'"


def test_syn_2_a_ministry_spelled_one_way_has_no_other_spelling_line() -> None:
    (share,) = linked_allocation_shares(SPELLED[:1])
    assert share.spellings == ("MESR",)
    assert "also written" not in share.explain()
    assert "aussi écrit" not in share.explain("fr")


def test_syn_2_the_ministry_shown_is_the_first_spelling_given() -> None:
    shares = linked_allocation_shares(reversed(SPELLED))
    assert [s.ministry for s in shares] == [" Mesr", " Mesr"]
    assert shares[0].spellings == (" Mesr", "MESR ", "mesr", "MESR")
    assert [str(s.total) for s in shares] == ["600.00", "400.00"]


def test_syn_2_an_accent_typed_composed_or_combining_is_one_ministry_and_one_spelling() -> None:
    composed = "Ministère de l'Agriculture"
    combining = "Ministe\u0300re de l'Agriculture"
    shares = linked_allocation_shares(
        [
            _allocation(composed, "INRA", 2010, "10.00"),
            _allocation(combining, "Cemagref", 2010, "5.00", "vegepolys"),
            _allocation("MINISTÈRE DE L'AGRICULTURE", "INRA", 2010, "1.00"),
        ]
    )
    assert [(s.ministry, str(s.total)) for s in shares] == [(composed, "16.00")]
    # The combining form reads the same as the composed one: it is not a second spelling.
    assert shares[0].spellings == (composed, "MINISTÈRE DE L'AGRICULTURE")


def test_syn_2_ministries_are_sorted_without_regard_to_case() -> None:
    shares = linked_allocation_shares(
        [
            _allocation("MESR", "CNRS", 2009, "1.00"),
            _allocation("agriculture", "INRA", 2009, "1.00"),
            _allocation("Économie", "OSEO", 2009, "1.00"),
        ]
    )
    # Keys "agriculture" < "mesr" < "économie" (code-point order of the casefolded names).
    assert [s.ministry for s in shares] == ["agriculture", "MESR", "Économie"]


def test_syn_2_spellings_are_in_the_json_form() -> None:
    data = linked_allocation_shares(SPELLED)[0].to_dict()
    assert (data["ministry"], data["spellings"]) == ("MESR", ["MESR", "mesr", "MESR ", " Mesr"])


def test_syn_2_the_explanation_quantifies_the_share_in_both_languages() -> None:
    shares = linked_allocation_shares(ALLOCATIONS)
    assert shares[2].explain() == (
        "Allocations (MESR, 2009, SYN.2): 2000000.00 EUR, of which 1500000.00 EUR linked to "
        "pôles (75 %)\n"
        "  pôle axelera: 500000.00 EUR\n"
        "  pôle minalogic: 1000000.00 EUR\n"
        "  [met] share linked to pôles, quantified — SYN.2: 1500000.00 / 2000000.00 EUR = 0.75"
    )
    assert shares[2].explain("fr").replace("\u202f", " ") == (
        "Dotations (MESR, 2009, SYN.2) : 2 000 000,00 €, dont 1 500 000,00 € liés aux pôles "
        "(75 %)\n"
        "  pôle axelera : 500 000,00 €\n"
        "  pôle minalogic : 1 000 000,00 €\n"
        "  [remplie] part liée aux pôles, quantifiée — SYN.2 : 1 500 000,00 € / "
        "2 000 000,00 € = 0,75"
    )


def test_syn_2_a_share_held_to_28_digits_is_marked_and_written_with_a_decimal_comma() -> None:
    (share,) = linked_allocation_shares(
        [
            _allocation("MESR", "CNRS", 2009, "200.00", "minalogic"),
            _allocation("MESR", "INRIA", 2009, "400.00"),
        ]
    )
    french = share.explain("fr").splitlines()
    assert french[0] == (
        "Dotations (MESR, 2009, SYN.2) : 600,00 €, dont 200,00 € liés aux pôles (≈ 33,33 %)"
    )
    assert french[-1].endswith(" : 200,00 € / 600,00 € ≈ 0,3333333333333333333333333333")
    assert (
        share.explain()
        .splitlines()[-1]
        .endswith(": 200.00 / 600.00 EUR ≈ 0.3333333333333333333333333333")
    )


def test_a_year_with_nothing_allocated_has_no_share_rather_than_zero() -> None:
    nothing = linked_allocation_shares(ALLOCATIONS)[0]
    assert nothing.checks[0].status is Status.NOT_APPLICABLE
    assert "no share: nothing allocated" in nothing.explain()
    assert "0 / 0 n'est ni 0 % ni 100 %" in nothing.explain("fr")
    # Below two euros, "lié" stays singular, as French agreement asks.
    assert nothing.explain("fr").splitlines()[0] == (
        "Dotations (Agriculture, 2009, SYN.2) : 0,00 €, dont 0,00 € lié aux pôles "
        "(pas de part : rien d'attribué)"
    )
    zero = linked_allocation_shares(ALLOCATIONS)[1]
    assert zero.checks[0].status is Status.MET
    assert "(0 %)" in zero.explain()


# --- properties ----------------------------------------------------------------------------------

POLES = ("axelera", "minalogic", "lyonbiopole", "tenerrdis")
# Rhône-Alpes envelopes of up to 2 000 000.00 EUR, shrinking toward an empty one.
ENVELOPES = cper_envelopes(region="82")
# Up to 12 allocations by two ministries, each spelled several ways, over 2009-2011, some
# linked to a pôle.
MINISTRIES = {
    "MESR": "research",
    "mesr": "research",
    " MESR": "research",
    "Agriculture": "agriculture",
    "AGRICULTURE ": "agriculture",
    "agriculture": "agriculture",
}
ALLOCATION_LISTS = st.lists(allocations(pole_ids=POLES, ministries=tuple(MINISTRIES)), max_size=12)


@st.composite
def project_lists(draw: st.DrawFn, *, distinct_ranks: bool = False) -> list[StructuringProject]:
    """
    Up to 8 Rhône-Alpes projects with distinct ids, shrinking toward none.

    Each is linked to a few pôles or to none, and ranked 1 to 3 or not, so
    that ranks tie, unless *distinct_ranks*, which ranks every project with
    1..n in a drawn order.
    """
    n = draw(st.integers(min_value=0, max_value=8))
    projects = [
        draw(structuring_projects(ident=f"p{i}", region="82", pole_ids=POLES)) for i in range(n)
    ]
    if distinct_ranks:
        ranks = draw(st.permutations(range(1, n + 1)))
        projects = [
            attrs.evolve(p, priority_rank=rank) for p, rank in zip(projects, ranks, strict=True)
        ]
    return projects


def _key(project: StructuringProject) -> tuple[bool, int | None]:
    return project.linked_to_poles, project.priority_rank


@given(envelope=ENVELOPES, projects=project_lists())
def test_syn_4_the_allocation_keeps_its_invariants(
    envelope: CperEnvelope, projects: list[StructuringProject]
) -> None:
    result = allocate_envelope(envelope, projects)
    lines = result.lines
    assert result.allocated + result.remaining == envelope.amount
    assert sum((line.granted for line in lines), Decimal(0)) == result.allocated
    assert result.remaining >= 0
    assert [line.position for line in lines] == list(range(1, len(projects) + 1))
    assert sorted(line.project_id for line in lines) == sorted(p.id for p in projects)
    for line in lines:
        assert Decimal(0) <= line.granted <= line.requested
        assert line.shortfall == line.requested - line.granted
        expected = (
            Funding.FULL
            if line.granted == line.requested
            else Funding.NONE
            if line.granted == 0
            else Funding.PARTIAL
        )
        assert line.status is expected
    # SYN.4: nothing goes outside the pôles while a pôle-linked project lacks funding.
    if any(line.linked and line.shortfall > 0 for line in lines):
        assert all(line.granted == 0 for line in lines if not line.linked)
    # Greedy in order: once a project falls short, the envelope is spent.
    short = [i for i, line in enumerate(lines) if line.shortfall > 0]
    if short:
        assert result.remaining == 0
        assert all(line.granted == 0 for line in lines[short[0] + 1 :])
    # Linked first; within a tier ranked by rank, then unranked.
    keys = [
        (not line.linked, line.priority_rank is None, line.priority_rank or 0) for line in lines
    ]
    assert keys == sorted(keys)
    assert result.linked_allocated == sum(
        (line.granted for line in lines if line.linked), Decimal(0)
    )


@given(envelope=ENVELOPES, projects=project_lists(), data=st.data())
def test_the_order_given_matters_only_among_ties(
    envelope: CperEnvelope, projects: list[StructuringProject], data: st.DataObject
) -> None:
    shuffled = data.draw(st.permutations(projects))
    before = allocate_envelope(envelope, projects)
    after = allocate_envelope(envelope, shuffled)
    # Projects tie when they share a tier and a rank (or are both unranked).
    groups: defaultdict[tuple[bool, int | None], list[str]] = defaultdict(list)
    for p in projects:
        groups[_key(p)].append(p.id)
    granted_before, granted_after = _granted(before), _granted(after)
    for ids in groups.values():
        if len(ids) == 1:
            assert granted_before[ids[0]] == granted_after[ids[0]]
        # Among ties the grants may move from one to another, never in or out of the group.
        assert sum((granted_before[i] for i in ids), Decimal(0)) == sum(
            (granted_after[i] for i in ids), Decimal(0)
        )
    assert (before.allocated, before.linked_allocated) == (after.allocated, after.linked_allocated)


@given(envelope=ENVELOPES, projects=project_lists(distinct_ranks=True), data=st.data())
def test_with_distinct_ranks_permuting_the_input_never_changes_a_grant(
    envelope: CperEnvelope, projects: list[StructuringProject], data: st.DataObject
) -> None:
    shuffled = data.draw(st.permutations(projects))
    before = allocate_envelope(envelope, projects)
    after = allocate_envelope(envelope, shuffled)
    assert _granted(before) == _granted(after)
    assert before.lines == after.lines


@given(envelope=ENVELOPES, projects=project_lists())
def test_the_linked_share_is_between_0_and_1(
    envelope: CperEnvelope, projects: list[StructuringProject]
) -> None:
    result = allocate_envelope(envelope, projects)
    share, fraction = result.linked_share, result.linked_fraction
    if result.allocated == 0:
        assert share is None
        assert fraction is None
    else:
        assert share is not None
        assert fraction is not None
        assert 0 <= fraction <= 1
        assert 0 <= share <= 1
        assert fraction == Fraction(result.linked_allocated) / Fraction(result.allocated)
        # The Decimal is the fraction to 28 significant digits (exact when it terminates).
        assert abs(Fraction(share) - fraction) <= Fraction(1, 10**27)


@given(allocations=ALLOCATION_LISTS)
def test_syn_2_shares_add_up(allocations: list[Allocation]) -> None:
    shares = linked_allocation_shares(allocations)
    # One row per ministry and year, however the ministry is spelled.
    rows = [(MINISTRIES[s.ministry], s.year) for s in shares]
    assert rows == sorted({(MINISTRIES[a.ministry], a.year) for a in allocations})
    for s, (ministry, year) in zip(shares, rows, strict=True):
        mine = [a for a in allocations if (MINISTRIES[a.ministry], a.year) == (ministry, year)]
        assert s.total == sum((a.amount for a in mine), Decimal(0))
        assert s.linked == sum((a.amount for a in mine if a.pole_id), Decimal(0))
        assert s.linked == sum((amount for _, amount in s.by_pole), Decimal(0))
        assert [pole for pole, _ in s.by_pole] == sorted({a.pole_id for a in mine if a.pole_id})
        # Shown as first spelled, every spelling listed in the order met (all years together).
        everywhere = [a.ministry for a in allocations if MINISTRIES[a.ministry] == ministry]
        assert s.spellings == tuple(dict.fromkeys(everywhere))
        assert s.ministry == everywhere[0]
        if s.total == 0:
            assert s.share is None
        else:
            assert s.share is not None
            assert 0 <= s.share <= 1
            assert s.fraction == Fraction(s.linked) / Fraction(s.total)


@given(allocations=ALLOCATION_LISTS, random=st.randoms(use_true_random=False))
def test_syn_2_the_order_given_changes_only_which_spelling_is_shown(
    allocations: list[Allocation], random: Random
) -> None:
    shuffled = list(allocations)
    random.shuffle(shuffled)

    def figures(shares: tuple[AllocationShare, ...]) -> list[tuple[object, ...]]:
        return [(s.year, s.total, s.linked, s.by_pole, frozenset(s.spellings)) for s in shares]

    again = linked_allocation_shares(shuffled)
    assert figures(again) == figures(linked_allocation_shares(allocations))
    assert all(s.ministry == s.spellings[0] for s in again)


def test_syn_2_a_share_held_to_28_digits_is_marked_as_rounded() -> None:
    third = linked_allocation_shares(
        [
            Allocation(ministry="MESR", body="CNRS", year=2010, amount="1.00", pole_id="minalogic"),
            Allocation(ministry="MESR", body="INRIA", year=2010, amount="2.00"),
        ]
    )[0]
    assert third.fraction == Fraction(1, 3)
    assert third.checks[0].reason.en == "1.00 / 3.00 EUR ≈ 0.3333333333333333333333333333"


def test_syn_2_totals_beyond_the_cent_are_refused_not_rounded() -> None:
    big = "99999999999999999999999999.99"
    allocations = [
        Allocation(ministry="M", body=body, year=2010, amount=big, pole_id="p")
        for body in ("a", "b")
    ]
    with pytest.raises(InvalidInputError, match="too large to be held exactly to the cent"):
        linked_allocation_shares(allocations)


def test_syn_4_an_allocation_as_json_keeps_every_line_and_the_exact_share() -> None:
    allocation = allocate_envelope(
        CperEnvelope(
            id="cper-82",
            region="82",
            period_start=date(2007, 1, 1),
            period_end=date(2013, 12, 31),
            amount="300.00",
        ),
        [
            StructuringProject(id="a", name="A", region="82", requested="100", pole_ids=("p",)),
            StructuringProject(id="b", name="B", region="82", requested="500"),
        ],
    )
    data = allocation.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert [(line["project_id"], line["granted"], line["status"]) for line in data["lines"]] == [
        ("a", "100.00", "full"),
        ("b", "200.00", "partial"),
    ]
    assert (data["linked_share"], data["linked_fraction"]) == (
        "0.3333333333333333333333333333",
        "1/3",
    )
    assert [c["clauses"] for c in data["checks"]] == [["SYN.4"], ["SYN.4"]]
