from __future__ import annotations

import subprocess
import sys
from typing import TYPE_CHECKING

from poles_policy.cli import main

if TYPE_CHECKING:
    import pytest


def test_demo_prints_both_balance_sheets_and_the_regional_comparison(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "SYNTHETIC" in out
    assert "Balance sheet — default: 50 requests" in out
    assert "Balance sheet — default + relay.national_from=2009-01-01: 50 requests" in out
    assert "ELIGIBLE: 23, INELIGIBLE: 22, UNDETERMINED (facts missing): 5" in out
    assert "9  scheme in force in the region (relay.in_force)" in out
    assert "Inside the promised gain" in out
    assert "OSEO exposure" in out
    assert "By region (default -> default + relay.national_from=2009-01-01)" in out


def test_demo_reads_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert "portefeuille SYNTHÉTIQUE" in out
    assert "Décisions : ÉLIGIBLE : 23, NON ÉLIGIBLE : 22, INDÉTERMINÉ (faits manquants) : 5" in out
    assert "Taux d'accord : 51,1 %" in out
    assert "Préfinancé : 3\u202f850\u202f000,00 €" in out
    assert "[rempli] taux d'accord : 0,511 (cible ≥ 0,50)" in out
    assert "Par région (default → default + relay.national_from=2009-01-01) :" in out


def test_a_later_generalisation_admits_fewer_cases(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--national-from", "2011-01-01"]) == 0
    out = capsys.readouterr().out
    # The other regions' requests date from August 2009: too early for a 2011 generalisation.
    assert out.count("ELIGIBLE: 23, INELIGIBLE: 22") == 2
    # The report says so, rather than leave two equal balance sheets unexplained.
    assert out.endswith(
        "The generalisation changes no decision: the last request outside the pilot regions is "
        "dated 2009-08-10, before 2011-01-01.\n"
    )
    assert main(["demo", "--national-from", "2009-08-10", "--lang", "fr"]) == 0
    # From the day of the last one on, the reform may change a decision: no such note.
    assert "ne change aucune décision" not in capsys.readouterr().out


def test_the_note_on_an_unchanged_portfolio_is_in_french_too(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["demo", "--national-from", "2010-01-01", "--lang", "fr"]) == 0
    assert capsys.readouterr().out.endswith(
        "La généralisation ne change aucune décision : la dernière demande hors des régions "
        "pilotes date du 2009-08-10, avant le 2010-01-01.\n"
    )


def test_demo_rejects_a_non_iso_date_on_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--national-from", "02/03/2009"]) == 2
    err = capsys.readouterr().err
    assert "'02/03/2009' is not a date in ISO form" in err
    assert "Traceback" not in err


def test_demo_refuses_a_generalisation_before_the_pilot_on_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # RELAY.7: the scheme's terms (OSEO's counter-guarantee) start with the pilot, 1 April 2008.
    assert main(["demo", "--national-from", "2008-03-31"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "--national-from: 2008-03-31 is before the relay pilot began (2008-04-01)" in err
    assert main(["demo", "--national-from", "2008-04-01"]) == 0


def test_the_console_script_runs_the_demo() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "poles_policy.cli", "demo"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Balance sheet" in done.stdout
