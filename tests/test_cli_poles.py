"""``poles-policy poles --at DATE``: the Rhône-Alpes pôles' standing and coordination groups."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from poles_policy import cli
from poles_policy.data import rhone_alpes_poles

if TYPE_CHECKING:
    import pytest


def _line(output: str, start: str) -> str:
    lines = [line for line in output.splitlines() if line.startswith(start)]
    assert len(lines) == 1, output
    return lines[0]


def test_sporaltec_awaits_the_decision_early_in_2010(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["poles", "--at", "2010-02-01"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Rhône-Alpes pôles on 2010-02-01 (reference data; parameters: default)")
    assert _line(out, "sporaltec ").split() == [
        "sporaltec",
        "yes",
        "3",
        "probation",
        "over,",
        "awaiting",
        "the",
        "decision",
        "not",
        "known",
    ]
    assert "no group: no theme shared, no complementary pair bringing two pôles together" in out


def test_a_delabelled_pole_shows_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    # Sporaltec lost its label at the CIADT of 11 May 2010.
    assert cli.main(["poles", "--at", "2010-05-11", "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Pôles de Rhône-Alpes le 2010-05-11")
    assert _line(out, "sporaltec ").split()[:4] == ["sporaltec", "non", "3", "non"]


def test_the_json_form_has_every_pole_with_its_checks(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["poles", "--at", "2009-06-30", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["on"] == "2009-06-30"
    assert [p["pole_id"] for p in document["poles"]] == [p.id for p in rhone_alpes_poles()]
    sporaltec = next(p for p in document["poles"] if p["pole_id"] == "sporaltec")
    assert (sporaltec["follow_up"], sporaltec["probation_end"]) == ("probation", "2009-12-31")
    assert [c["key"] for c in sporaltec["checks"]] == [
        "gov.label",
        "gov.follow_up",
        "gov.correspondent",
    ]
    assert document["coordination_groups"] == []


def test_a_date_is_required_and_must_be_iso(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["poles"]) == 2
    assert cli.main(["poles", "--at", "01/02/2010"]) == 2
    err = capsys.readouterr().err
    assert "the following arguments are required: --at" in err
    assert "'01/02/2010' is not a date in ISO form YYYY-MM-DD" in err


def test_complementary_themes_group_the_poles_holding_them(
    capsys: pytest.CaptureFixture[str],
) -> None:
    argv = ["poles", "--at", "2010-02-01", "--complementary"]
    pair = ["chemistry and environment", "Eco-technologies"]
    assert cli.main([*argv, *pair, "--json"]) == 0
    groups = json.loads(capsys.readouterr().out)["coordination_groups"]
    assert groups == [
        {
            "kinship": "complementary",
            "themes": ["chemistry and environment", "eco-technologies"],
            "pole_ids": ["axelera", "trimatec"],
        }
    ]
    assert cli.main([*argv, *pair]) == 0
    out = capsys.readouterr().out
    assert (
        "  GOV.4 — complementary themes (chemistry and environment + eco-technologies): "
        "axelera, trimatec"
    ) in out


def test_a_complementary_pair_of_one_theme_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["poles", "--at", "2010-02-01", "--complementary", "plastics", "Plastics"]) == 2
    err = capsys.readouterr().err
    assert "poles-policy: error: --complementary: ('plastics', 'Plastics') is not a pair" in err


def test_a_complementary_theme_no_pole_holds_is_refused_on_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # "plastic" for "plastics": the pair would bring no pôle together, reported as "no group".
    argv = ["poles", "--at", "2009-07-01", "--complementary", "plastic", "plastics"]
    assert cli.main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert captured.err.startswith(
        "poles-policy: error: --complementary: no pôle of the reference data holds the theme "
        "'plastic' (did you mean 'plastics'?); their themes: "
    )


def test_a_date_after_phase_2_is_noted_in_both_languages(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["poles", "--at", "2030-01-01"]) == 0
    assert (
        capsys.readouterr()
        .out.splitlines()[1]
        .startswith("Note: 2030-01-01 is after Phase 2 (2009-2012)")
    )
    assert cli.main(["poles", "--at", "2030-01-01", "--lang", "fr"]) == 0
    assert (
        capsys.readouterr()
        .out.splitlines()[1]
        .startswith("Note : le 2030-01-01 est postérieur à la phase 2 (2009-2012)")
    )
