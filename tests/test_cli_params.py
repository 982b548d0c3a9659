from __future__ import annotations

import errno
import io
import json
import subprocess
import sys
from importlib.metadata import version
from typing import TYPE_CHECKING

import pytest

from poles_policy import cli
from poles_policy.exceptions import ParameterError

if TYPE_CHECKING:
    from poles_policy.parameters import ParameterSet


def line_of(output: str, start: str) -> str:
    lines = [line for line in output.splitlines() if line.startswith(start)]
    assert len(lines) == 1, output
    return lines[0]


def test_params_at_a_date_shows_the_pilot_region_with_its_source(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["params", "--at", "2009-07-01"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Parameters in force on 2009-07-01 (parameter set: default)")
    line = line_of(out, "relay.pilot_regions = 82 ")
    assert "region_codes" in line
    assert "2008-04-01" in line
    assert "sourced" in line
    assert "patrickveillon.blogspot.com" in line


def test_params_before_the_pilot_shows_the_pilot_region_not_in_force(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["params", "--at", "2007-01-01"]) == 0
    out = capsys.readouterr().out
    assert "relay.pilot_regions: not in force" in out
    assert "relay.pilot_regions =" not in out


def test_params_without_a_date_lists_every_value_of_every_history(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["params"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Every parameter with its full history")
    assert "2013-03-18" in line_of(out, "fui.first_payment_delay_months.high = 9 ")
    assert "2013-03-19" in line_of(out, "fui.first_payment_delay_months.high = 3 ")
    assert "relay.national_from: never in force" in out


def test_params_json_renders_values_as_canonical_text(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["params", "--at", "2009-07-01", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    by_name = {row["name"]: row for row in rows}
    assert len(rows) == len(by_name)
    pilot = by_name["relay.pilot_regions"]
    assert pilot["value"] == "82"
    assert pilot["unit"] == "region_codes"
    assert (pilot["valid_from"], pilot["valid_until"]) == ("2008-04-01", None)
    assert pilot["confidence"] == "sourced"
    assert pilot["clauses"] == ["RELAY.1"]
    assert set(pilot) == {
        "name",
        "value",
        "unit",
        "valid_from",
        "valid_until",
        "confidence",
        "source",
        "note",
        "description",
        "clauses",
    }
    assert by_name["relay.oseo.guarantee_fee_rate"]["value"] == "0.008"
    assert by_name["relay.sme_required"]["value"] == "false"
    assert by_name["relay.national_from"]["value"] is None


def test_params_json_without_a_date_has_one_row_per_value(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["params", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    delays = [row for row in rows if row["name"] == "fui.first_payment_delay_months.low"]
    assert [(r["value"], r["valid_until"], r["confidence"]) for r in delays] == [
        ("6", "2013-03-18", "sourced"),
        ("3", None, "assumption"),
    ]


def test_version_prints_the_installed_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--version"]) == 0
    assert capsys.readouterr().out == f"poles-policy {version('poles-policy')}\n"


def test_a_date_not_in_iso_form_is_a_one_line_error_naming_option_and_value(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["params", "--at", "02/03/2009"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    error = captured.err.splitlines()[-1]
    assert error.startswith("poles-policy: error: argument --at: '02/03/2009'")
    assert "YYYY-MM-DD" in error


def test_an_impossible_date_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["params", "--at", "2009-02-30"]) == 2
    assert "'2009-02-30' is not a date" in capsys.readouterr().err


def test_an_unknown_subcommand_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["frobnicate"]) == 2
    assert (
        capsys.readouterr()
        .err.splitlines()[-1]
        .startswith("poles-policy: error: argument COMMAND: invalid choice: 'frobnicate'")
    )


def test_a_missing_subcommand_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([]) == 2
    assert "poles-policy: error:" in capsys.readouterr().err


def test_a_library_error_is_reported_on_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken() -> ParameterSet:
        msg = "relay.toml: parameter 'relay.x': values[0]: value 0.5 is a float\nsecond line"
        raise ParameterError(msg)

    monkeypatch.setattr(cli, "default_parameters", broken)
    assert cli.main(["params"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("poles-policy: error: relay.toml: parameter 'relay.x'")


def test_the_module_runs_as_a_command_without_a_traceback_on_a_bad_date() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "poles_policy.cli", "params", "--at", "02/03/2009"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1].startswith("poles-policy: error: argument --at:")
    assert result.stdout == ""


class _FailingOutput(io.StringIO):
    """A standard output whose writes fail as a closed pipe or a full disk makes them fail."""

    def __init__(self, error: OSError) -> None:
        super().__init__()
        self.error = error

    def write(self, text: str) -> int:  # noqa: ARG002 - every write fails
        raise self.error


def test_a_reader_that_stops_reading_ends_the_command_quietly(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # `poles-policy params | head -1`: the pipe closes; no traceback, no message.
    monkeypatch.setattr(sys, "stdout", _FailingOutput(BrokenPipeError(32, "Broken pipe")))
    assert cli.main(["params", "--at", "2009-07-01"]) == 1
    assert capsys.readouterr().err == ""


def test_an_output_that_cannot_be_written_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # `poles-policy params --json > /dev/full`
    full = OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(sys, "stdout", _FailingOutput(full))
    assert cli.main(["params", "--at", "2009-07-01", "--json"]) == 1
    assert capsys.readouterr().err == (
        "poles-policy: error: cannot write the output: No space left on device\n"
    )


def test_a_date_after_phase_2_is_noted_as_carried_forward(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # FUI 25 (2018) aided SMEs at 50 % (FACTS.md 6b): the 45 % shown for 2018 is carried forward.
    assert cli.main(["params", "--at", "2018-01-01"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].startswith("Note: 2018-01-01 is after Phase 2 (2009-2012)")
    assert "may be the last known, carried forward with no source for that date" in lines[1]
    assert cli.main(["params", "--at", "2018-01-01", "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)  # the JSON output keeps its shape; the note goes to stderr
    assert captured.err.startswith("poles-policy: Note: 2018-01-01 is after Phase 2")
    assert cli.main(["params", "--at", "2012-12-31"]) == 0
    assert "Note:" not in capsys.readouterr().out


@pytest.mark.parametrize("argv", [["--help"], ["--version"], ["relay", "check", "--help"]])
def test_help_and_version_that_cannot_be_written_are_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    # argparse swallows a failed write: `poles-policy --help > /dev/full` said nothing, exit 0.
    full = OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(sys, "stdout", _FailingOutput(full))
    assert cli.main(argv) == 1
    assert capsys.readouterr().err == (
        "poles-policy: error: cannot write the output: No space left on device\n"
    )
