"""The notebooks of docs/notebooks run from top to bottom, as the documentation build runs them."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

import jupytext
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

if TYPE_CHECKING:
    import nbformat

NOTEBOOKS_DIR = Path(__file__).resolve().parents[1] / "docs" / "notebooks"
NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("*.py"))
# Generous: each notebook runs in a few seconds; a kernel that starts slowly must not fail the test.
CELL_TIMEOUT_SECONDS = 120


# Each notebook runs once per session; the tests only read what it produced.
@functools.cache
def _execute(path: Path) -> nbformat.NotebookNode:
    notebook: nbformat.NotebookNode = jupytext.read(path)
    client = NotebookClient(
        notebook,
        timeout=CELL_TIMEOUT_SECONDS,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    # Raises CellExecutionError on the first cell that raises.
    client.execute()
    return notebook


def _outputs(notebook: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    return [
        output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs
    ]


def _text(output: nbformat.NotebookNode) -> str:
    if output.output_type == "stream":
        return str(output.text)
    data = output.get("data", {})
    return str(data.get("text/plain", ""))


def test_there_are_notebooks_to_run() -> None:
    assert NOTEBOOKS, f"no notebook found in {NOTEBOOKS_DIR}"


def test_a_cell_that_raises_fails_the_run(tmp_path: Path) -> None:
    path = tmp_path / "broken.py"
    path.write_text(
        '# %%\nanswer = 42\n\n# %%\nraise ValueError("broken cell")\n', encoding="utf-8"
    )

    with pytest.raises(CellExecutionError, match="broken cell"):
        _execute(path)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[path.stem for path in NOTEBOOKS])
def test_notebook_runs_without_error(path: Path) -> None:
    notebook = _execute(path)

    code_cells = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code_cells, f"{path.name} has no code cell"
    assert all(cell.execution_count is not None for cell in code_cells)
    errors = [output for output in _outputs(notebook) if output.output_type == "error"]
    assert not errors
    assert notebook.metadata.kernelspec.name == "python3"


def test_relay_generalisation_notebook_shows_both_balance_sheets_and_the_regional_table() -> None:
    notebook = _execute(NOTEBOOKS_DIR / "relay-generalisation.py")

    text = "\n".join(_text(output) for output in _outputs(notebook))
    assert "Balance sheet — default: 50 requests" in text
    assert "Balance sheet — default + relay.national_from=2009-01-01: 50 requests" in text
    assert "By region (default -> default + relay.national_from=2009-01-01):" in text
    assert "[NOT MET] scheme in force in the region" in text
    assert "generalised nationally from 2009-01-01" in text


def test_time_saved_notebook_draws_the_savings_and_sweeps_the_generalisation_date() -> None:
    notebook = _execute(NOTEBOOKS_DIR / "time-saved.py")

    text = "\n".join(_text(output) for output in _outputs(notebook))
    assert "eligible cases are inside the promise in some draws" in text
    assert "share_inside" in text
    assert "oseo_asked" in text
    assert "grant_rate" in text
    assert "national_from" in text
