"""The README's example and commands are what a newcomer runs: they must work as written."""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_readme_python_examples_run_and_print_an_eligible_assessment() -> None:
    first, portfolio = re.findall(r"```python\n(.*?)```", README, re.DOTALL)
    out = io.StringIO()
    cwd = Path.cwd()
    namespace: dict[str, object] = {}
    os.chdir(ROOT)  # the example reads docs/examples/ relative to a clone's root
    try:
        with contextlib.redirect_stdout(out):
            # The second example goes on from the first, as a reader would.
            for code in (first, portfolio):
                exec(compile(code, "README.md", "exec"), namespace)  # noqa: S102 - our README
    finally:
        os.chdir(cwd)
    printed = out.getvalue()
    assert printed.startswith("eligible\n")
    assert "ÉLIGIBLE" in printed
    assert len(namespace["portfolio"]) == 50  # type: ignore[arg-type]


def test_the_readme_names_the_two_newcomer_commands() -> None:
    assert ".venv/bin/poles-policy demo" in README
    assert "bash scripts/check.sh" in README
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "scripts/check.sh" in ci
