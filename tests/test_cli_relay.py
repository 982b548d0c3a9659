"""``poles-policy relay check`` and ``poles-policy schema``."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from poles_policy import cli
from poles_policy.boundary.assessment import AssessmentModel, BriefAssessmentModel
from poles_policy.boundary.schema import DecisionModel, schema_names, schema_text
from poles_policy.explain import Outcome

ROOT = Path(__file__).parents[1]
EXAMPLE = ROOT / "docs" / "examples" / "relay-case.json"
UNDETERMINED = ROOT / "docs" / "examples" / "relay-case-undetermined.json"


def example() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    return data


def write_case(tmp_path: Path, data: dict[str, Any] | str) -> Path:
    path = tmp_path / "case.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def run(*argv: str | Path) -> int:
    return cli.main([str(a) for a in argv])


def parameter_file(
    path: Path, name: str, unit: str, value: str, *, valid_from: str = "2008-04-01"
) -> Path:
    """Write a parameter file giving *name* one value (TOML text) from *valid_from*."""
    path.write_text(
        f"""
[[parameter]]
name = "{name}"
description = "A test scenario's value."
unit = "{unit}"

  [[parameter.values]]
  valid_from = {valid_from}
  value = {value}
  confidence = "assumption"
  source = "test scenario"
""",
        encoding="utf-8",
    )
    return path


def one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "Traceback" not in captured.err
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    return lines[0]


# --- relay check: a case is assessed, whatever the outcome -------------------------------------


def test_the_example_case_is_explained_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("relay", "check", EXAMPLE) == 0
    out = capsys.readouterr().out
    first = out.splitlines()[0]
    assert first.startswith("Relay financing eligibility — Microcapteurs des Alpes SAS")
    assert first.endswith("on 2009-03-16: ELIGIBLE")
    for clause in ("RELAY.1", "RELAY.2", "RELAY.3", "RELAY.4", "RELAY.5", "RELAY.6"):
        assert clause in out
    assert "OSEO counter-guarantee" in out
    assert "disbursed on 2009-04-20 (the loan's date)" in out


def test_the_example_case_is_explained_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("relay", "check", EXAMPLE, "--lang", "fr") == 0
    out = capsys.readouterr().out
    assert "ÉLIGIBLE" in out
    assert "lettre émise le 2009-03-02" in out


def test_json_output_is_the_assessment_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("relay", "check", EXAMPLE, "--json") == 0
    out = capsys.readouterr().out
    data = json.loads(out)
    assert (data["case_id"], data["outcome"]) == ("RA-RELAIS-2009-017", "eligible")
    decision = DecisionModel.model_validate(data["decision"]).to_domain()
    assert decision.outcome is Outcome.ELIGIBLE
    assert data["time_saved"]["disbursed_earliest"] == "2009-04-20"  # the loan was passed on
    assert data["cost"] is not None
    assert "lettre émise" in out  # ensure_ascii=False: French text stays readable
    assert out.startswith("{\n  ")


def test_reference_poles_check_that_the_labelling_pole_held_its_label(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = example()
    assert run("relay", "check", EXAMPLE, "--reference-poles", "--json", "--brief") == 0
    assert json.loads(capsys.readouterr().out)["outcome"] == "eligible"  # minalogic, labelled
    # Sporaltec labels the project on 1 June 2010, after its delabelling on 11 May 2010.
    data["project"]["labels"] = [{"pole_id": "sporaltec", "labelled_on": "2010-06-01"}]
    data["request"]["requested_on"] = "2010-06-15"
    del data["loan"]  # disbursed in 2009, before this later request
    late = write_case(tmp_path, data)
    assert run("relay", "check", late, "--json", "--brief") == 0
    assert json.loads(capsys.readouterr().out)["outcome"] == "eligible"
    assert run("relay", "check", late, "--json", "--brief", "--reference-poles") == 0
    brief = json.loads(capsys.readouterr().out)
    assert (brief["outcome"], brief["failed"]) == ("ineligible", ["relay.labelled"])
    assert run("relay", "check", late, "--reference-poles") == 0
    assert "sporaltec did not hold its pôle label on 2010-06-01" in capsys.readouterr().out
    # A pôle outside the reference data: its history is asked for.
    data["project"]["labels"] = [{"pole_id": "aerospace-valley", "labelled_on": "2008-06-02"}]
    elsewhere = write_case(tmp_path, data)
    assert run("relay", "check", elsewhere, "--json", "--brief", "--reference-poles") == 0
    brief = json.loads(capsys.readouterr().out)
    assert brief["outcome"] == "undetermined"
    assert brief["missing"] == ["poles"]


def test_poles_from_a_file_settle_a_label_from_a_pole_of_any_region(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from poles_policy.boundary.poles import PoleModel, dump_poles
    from poles_policy.data import rhone_alpes_poles

    data = example()
    data["project"]["labels"] = [{"pole_id": "aerospace-valley", "labelled_on": "2008-06-02"}]
    elsewhere = write_case(tmp_path, data)
    other = PoleModel.model_validate(
        {
            "id": "aerospace-valley",
            "name": "Aerospace Valley (synthetic history)",
            "category": "mondial",
            "head_office_region": "73",
            "history": [{"kind": "labelled", "on": "2005-07-12", "source": "test"}],
        }
    ).to_domain()
    poles = tmp_path / "poles.json"
    poles.write_text(dump_poles([*rhone_alpes_poles(), other]), encoding="utf-8")
    assert run("relay", "check", elsewhere, "--json", "--brief", "--poles", poles) == 0
    assert json.loads(capsys.readouterr().out)["outcome"] == "eligible"
    # A file that is not a list of pôles: one line naming the file and the field, exit 2.
    poles.write_text('[{"id": "x"}]', encoding="utf-8")
    assert run("relay", "check", elsewhere, "--poles", poles) == 2
    assert one_line_error(capsys).startswith(f"poles-policy: error: --poles {poles}: 0.name: ")


def test_brief_json_has_the_outcome_and_figures_of_the_full_json(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run("relay", "check", EXAMPLE, "--json") == 0
    full = json.loads(capsys.readouterr().out)
    assert run("relay", "check", EXAMPLE, "--json", "--brief") == 0
    brief = json.loads(capsys.readouterr().out)
    assert (brief["outcome"], brief["on"], brief["failed"], brief["missing"]) == (
        "eligible",
        "2009-03-16",
        [],
        [],
    )
    for section in ("counter_guarantee", "time_saved", "cost"):
        without_checks = {k: v for k, v in full[section].items() if k != "checks"}
        assert brief[section] == without_checks
    assert "checks" not in json.dumps(brief)
    # Each form follows its published schema's model.
    assert AssessmentModel.model_validate(full).case_id == "RA-RELAIS-2009-017"
    assert BriefAssessmentModel.model_validate(brief).cost is not None


def test_brief_json_names_failed_conditions_and_missing_facts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = example()
    data["applicant"] = data["project"]["partners"][2]["actor"]
    assert run("relay", "check", write_case(tmp_path, data), "--json", "--brief") == 0
    refused = json.loads(capsys.readouterr().out)
    assert refused["outcome"] == "ineligible"
    # the lab is no enterprise, and its 180000.00 EUR of State aid cannot cover 200000.00
    assert refused["failed"] == ["relay.enterprise", "relay.remaining"]
    assert (refused["time_saved"], refused["cost"]) == (None, None)
    assert run("relay", "check", UNDETERMINED, "--json", "--brief") == 0
    undetermined = json.loads(capsys.readouterr().out)
    assert undetermined["missing"] == ["project.selection_letter_on"]


def test_brief_without_json_is_a_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("relay", "check", EXAMPLE, "--brief") == 2
    assert "add --json" in one_line_error(capsys)


@pytest.mark.parametrize(
    ("option", "words", "shown"),
    [
        (("--lang", "fr"), "holds both languages", "Éligibilité au financement relais"),
        (("--sources",), "always has them", "FACTS.md section 8"),
    ],
)
def test_a_text_option_with_json_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str], option: tuple[str, ...], words: str, shown: str
) -> None:
    # The JSON assessment holds both languages and every source: the option would do nothing.
    assert run("relay", "check", EXAMPLE, "--json", *option) == 2
    assert words in one_line_error(capsys)
    assert run("relay", "check", EXAMPLE, *option) == 0
    assert shown in capsys.readouterr().out


def test_an_undetermined_case_exits_0_and_asks_for_the_letter_date(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run("relay", "check", UNDETERMINED) == 0
    out = capsys.readouterr().out
    assert "UNDETERMINED" in out
    assert "project.selection_letter_on" in out


def test_a_research_lab_applicant_is_refused_with_exit_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = example()
    data["applicant"] = data["project"]["partners"][2]["actor"]
    assert run("relay", "check", write_case(tmp_path, data)) == 0
    out = capsys.readouterr().out
    assert "INELIGIBLE" in out
    assert "not an enterprise" in out
    assert "No relay financing" in out


def test_the_case_may_come_from_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(EXAMPLE.read_text(encoding="utf-8")))
    assert run("relay", "check", "-", "--json") == 0
    assert json.loads(capsys.readouterr().out)["case_id"] == "RA-RELAIS-2009-017"


def test_parameters_from_a_file_replace_the_default_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reform = parameter_file(
        tmp_path / "reform.toml", "relay.pilot_regions", "region_codes", '["11"]'
    )
    assert run("relay", "check", EXAMPLE, "--at-params", reform) == 0
    out = capsys.readouterr().out
    assert "INELIGIBLE" in out
    assert "Rhône-Alpes (82) is not a pilot region (11)" in out


def test_an_invalid_parameter_file_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('[[parameter]]\nname = "relay.pilot_regions"\n', encoding="utf-8")
    assert run("relay", "check", EXAMPLE, "--at-params", broken) == 2
    error = one_line_error(capsys)
    assert error.startswith("poles-policy: error: ")
    assert "broken.toml" in error


def test_a_parameter_file_naming_no_parameter_of_the_library_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A misspelt name would be read by no rule: the default would stay in force unnoticed.
    typo = parameter_file(
        tmp_path / "typo.toml", "relay.national_form", "date", "2009-01-01", valid_from="2009-01-01"
    )
    assert run("relay", "check", EXAMPLE, "--at-params", typo) == 2
    error = one_line_error(capsys)
    assert f"--at-params: {typo} defines 'relay.national_form'" in error
    assert "(did you mean 'relay.national_from'?)" in error


def test_a_parameter_file_changing_a_parameter_s_unit_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A share where the rules read a list of region codes left every region outside the pilot.
    shared = parameter_file(tmp_path / "shared.toml", "relay.pilot_regions", "share", '"0.5"')
    assert run("relay", "check", EXAMPLE, "--at-params", shared) == 2
    assert one_line_error(capsys) == (
        f"poles-policy: error: --at-params: {shared} gives relay.pilot_regions in unit "
        "'share'; its unit is 'region_codes'"
    )


def test_a_parameter_file_s_region_code_that_denotes_no_region_is_named_with_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    nowhere = parameter_file(
        tmp_path / "nowhere.toml", "relay.pilot_regions", "region_codes", '["99"]'
    )
    assert run("relay", "check", EXAMPLE, "--at-params", nowhere) == 2
    assert one_line_error(capsys) == (
        "poles-policy: error: relay.pilot_regions: unknown region code '99' "
        f"(parameters of {nowhere})"
    )


def test_a_processing_time_beyond_the_calendar_is_blamed_on_the_parameter_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The undetermined example has no loan: its disbursement is estimated from the parameter.
    slow = parameter_file(
        tmp_path / "slow.toml", "relay.bank_processing_business_days", "business_days", "100000"
    )
    assert run("relay", "check", UNDETERMINED, "--at-params", slow) == 2
    error = one_line_error(capsys)
    assert "relay.bank_processing_business_days = 100000 on 2009-" in error
    assert "beyond the years of the holiday calendar" in error
    assert error.endswith(f"(parameters of {slow})")
    assert "relay-case-undetermined.json" not in error


def test_an_empty_parameter_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.toml"
    empty.write_text("# nothing yet\n", encoding="utf-8")
    assert run("relay", "check", EXAMPLE, "--at-params", empty) == 2
    assert one_line_error(capsys) == (
        f"poles-policy: error: --at-params: {empty} defines no parameter"
    )


# --- relay check: invalid input is one line on stderr, exit 2 ---------------------------------


def test_a_missing_file_is_a_one_line_error_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere.json"
    assert run("relay", "check", missing) == 2
    assert one_line_error(capsys) == (
        f"poles-policy: error: {missing}: cannot be read: No such file or directory"
    )


def test_malformed_json_is_a_one_line_error_with_line_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_case(tmp_path, '{\n  "case_id": "x",\n  "applicant": {\n')
    assert run("relay", "check", path) == 2
    error = one_line_error(capsys)
    assert error.startswith(f"poles-policy: error: {path}: invalid JSON: ")
    assert "line 4 column 0" in error


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d["project"].update(foo=1),
            "project.foo: Extra inputs are not permitted",
        ),
        (
            lambda d: d["request"].update(amount="1000.125"),
            "request.amount: amount 1000.125 has more than two decimals",
        ),
        (
            lambda d: d["request"].update(requested_on="02/03/2009"),
            "request.requested_on: '02/03/2009' is not an ISO date (YYYY-MM-DD)",
        ),
        (
            lambda d: d["applicant"].update(region="84"),
            "applicant.region: region code '84' did not exist on 2009-03-16",
        ),
        (
            lambda d: d["request"].update(amount="99999999999999999999999999999.00"),
            "request.amount: amount 99999999999999999999999999999.00 is too large",
        ),
        (
            lambda d: d["loan"].update(principal=10**40),
            "loan.principal: amount 1" + "0" * 40 + " is too large",
        ),
    ],
    ids=[
        "unknown-field",
        "three-decimals",
        "french-date",
        "region-of-2016",
        "huge-amount",
        "huge-number",
    ],
)
def test_invalid_input_is_a_one_line_error_naming_the_field(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    change: Any,
    expected: str,
) -> None:
    data = example()
    change(data)
    path = write_case(tmp_path, data)
    assert run("relay", "check", path) == 2
    assert one_line_error(capsys).startswith(f"poles-policy: error: {path}: {expected}")


def test_a_missing_case_argument_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("relay", "check") == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.splitlines()[-1].startswith("poles-policy: error: ")


def test_an_unknown_language_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("relay", "check", EXAMPLE, "--lang", "de") == 2
    assert "invalid choice: 'de'" in capsys.readouterr().err


# --- the console script, in a process of its own --------------------------------------------


def poles_policy(*argv: str | Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "poles_policy.cli", *map(str, argv)],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=ROOT,
    )


def test_the_console_script_checks_a_case() -> None:
    result = poles_policy("relay", "check", "docs/examples/relay-case.json", "--lang", "fr")
    assert result.returncode == 0, result.stderr
    assert "ÉLIGIBLE" in result.stdout
    assert result.stderr == ""


def test_the_console_script_reports_bad_input_on_one_line_without_traceback() -> None:
    data = example()
    data["request"]["amount"] = "1000.125"
    result = poles_policy("relay", "check", "-", stdin=json.dumps(data))
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    expected = (
        "poles-policy: error: <stdin>: request.amount: amount 1000.125 has more than two "
        "decimals; euro amounts are exact to the cent"
    )
    assert result.stderr.splitlines() == [expected]


def test_importing_the_cli_does_not_import_pydantic() -> None:
    code = "import sys, poles_policy.cli; print('pydantic' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


# --- schema -----------------------------------------------------------------------------------


def test_schema_prints_one_schema_as_committed(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("schema", "relay-case") == 0
    assert capsys.readouterr().out == schema_text("relay-case")


def test_schema_without_a_name_prints_every_schema_keyed_by_name(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert run("schema") == 0
    data = json.loads(capsys.readouterr().out)
    assert sorted(data) == list(schema_names())
    assert data["relay-case"]["title"] == "RelayCaseModel"


def test_schema_write_writes_the_files_as_committed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "schema"
    assert run("schema", "--write", target) == 0
    out = capsys.readouterr().out
    assert f"wrote {target / 'relay-case.schema.json'}" in out
    for name in schema_names():
        committed = ROOT / "docs" / "schema" / f"{name}.schema.json"
        assert (target / f"{name}.schema.json").read_text(encoding="utf-8") == committed.read_text(
            encoding="utf-8"
        )


def test_schema_write_of_one_name_writes_one_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("schema", "decision", "--write", tmp_path) == 0
    assert capsys.readouterr().out == f"wrote {tmp_path / 'decision.schema.json'}\n"
    assert [p.name for p in tmp_path.iterdir()] == ["decision.schema.json"]


def test_an_unknown_schema_name_is_a_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("schema", "case") == 2
    assert one_line_error(capsys).startswith(
        "poles-policy: error: unknown schema 'case'; known: actor, "
    )


def test_relay_check_shows_parameter_sources_only_when_asked(
    capsys: pytest.CaptureFixture[str],
) -> None:
    example = str(EXAMPLE)
    assert cli.main(["relay", "check", example]) == 0
    plain = capsys.readouterr().out
    assert "relay.pilot_regions = 82 (region_codes, since 2008-04-01; sourced)" in plain
    assert "journaldunet" not in plain
    assert cli.main(["relay", "check", example, "--sources"]) == 0
    assert "journaldunet" in capsys.readouterr().out
