#!/usr/bin/env bash
# The whole test suite, from a clean clone, with only Python >= 3.11 and the package index.
# Creates .venv (if missing), installs the package with its dev, testing and scenarios extras,
# then runs every check; stops at the first failure with a non-zero exit code.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
VENV="${VENV:-.venv}"
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_PROGRESS_BAR=off
export HYPOTHESIS_PROFILE=ci

step() { printf '\n==> %s\n' "$*"; }

step "environment ($VENV)"
[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --upgrade pip
"$VENV/bin/python" -m pip install --quiet -e ".[dev,testing,scenarios]"
py="$VENV/bin/python"

step "ruff check"
"$py" -m ruff check .
step "ruff format --check"
"$py" -m ruff format --check .
step "mypy --strict"
"$py" -m mypy
step "import-linter layer contracts"
"$VENV/bin/lint-imports"
step "pytest (Hypothesis profile: ci, python-dateutil $("$py" -c 'import dateutil; print(dateutil.__version__)'))"
"$py" -m pytest -q
if [ -f docs/conf.py ]; then
  step "docs (Sphinx, warnings are errors)"
  "$py" -m sphinx -W --keep-going -q -b html docs docs/_build/html
fi

# python-dateutil 3.0 and 4.0 are breaking releases; the library promises >= 2.9 and is tested on
# both lines. `holidays` pins dateutil < 3, so this second run has no `holidays` cross-check.
step "pytest on python-dateutil 4.x (without the holidays cross-check)"
V4="${VENV}-dateutil4"
[ -x "$V4/bin/python" ] || "$PYTHON" -m venv "$V4"
"$V4/bin/python" -m pip install --quiet --upgrade pip
# jupytext, nbclient and ipykernel: the notebooks run on this line too.
"$V4/bin/python" -m pip install --quiet -e ".[testing,scenarios]" pytest jsonschema \
  jupytext nbclient ipykernel "python-dateutil>=4,<5"
"$V4/bin/python" -c 'import dateutil, sys; v = dateutil.__version__; print("python-dateutil", v); sys.exit(0 if v.startswith("4.") else 1)'
"$V4/bin/python" -m pytest -q -m "not holidays_xcheck" -p no:cacheprovider

step "all checks passed"
