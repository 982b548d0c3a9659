from __future__ import annotations

import subprocess
import sys

import pytest

import poles_policy


def test_importing_the_package_loads_no_heavy_dependency() -> None:
    code = (
        "import sys, poles_policy, poles_policy.rules.relay, poles_policy.model.relay\n"
        "import poles_policy.parameters, poles_policy.cli, poles_policy.data.demo\n"
        "heavy = [m for m in ('pydantic', 'numpy', 'pandas', 'hypothesis') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == ""


def test_version_comes_from_the_installed_metadata() -> None:
    from importlib.metadata import version

    assert poles_policy.__version__ == version("poles-policy")


def test_public_names_are_sorted_and_all_exist() -> None:
    names = poles_policy.__all__
    assert list(names) == sorted(names)
    missing = [n for n in names if not hasattr(poles_policy, n)]
    assert missing == []


def test_the_package_is_typed() -> None:
    from importlib.resources import files

    assert files("poles_policy").joinpath("py.typed").is_file()


@pytest.mark.parametrize(
    ("namespace", "missing", "extra"),
    [
        ("poles_policy.testing", "hypothesis", "testing"),
        ("poles_policy.scenarios", "pandas", "scenarios"),
        ("poles_policy.scenarios", "numpy", "scenarios"),
    ],
)
def test_a_namespace_whose_extra_is_missing_names_the_extra(
    namespace: str, missing: str, extra: str
) -> None:
    # None in sys.modules makes the import fail as if the package were not installed.
    code = f"import sys; sys.modules[{missing!r}] = None; import {namespace}"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 1
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith(f"ModuleNotFoundError: {namespace} needs")
    assert last.endswith(f'pip install "poles-policy[{extra}]"')


def test_importing_hypothesis_alone_does_not_import_poles_policy() -> None:
    # Hypothesis runs every installed package's entry point when it is imported: poles_policy's
    # must not make every program that uses Hypothesis import poles_policy and its model.
    code = "import sys, hypothesis; print(sorted(m for m in sys.modules if 'poles_policy' in m))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "['_poles_policy_hypothesis']"


@pytest.mark.parametrize(
    "imports", ["import hypothesis, poles_policy", "import poles_policy, hypothesis"]
)
def test_registering_the_strategies_does_not_import_the_kit(imports: str) -> None:
    # Hypothesis builds a strategy registered as such to check that it is not empty: with
    # Hypothesis imported first, the kit and every rule it draws on were imported with
    # poles_policy. Each type is registered with a function, called when it is first asked for.
    code = f"import sys; {imports}; print('poles_policy.testing' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "False"


@pytest.mark.parametrize(
    "imports",
    [
        "import hypothesis; import poles_policy.model.poles",
        "import poles_policy.model.poles; import hypothesis",
        "import poles_policy.testing",
    ],
)
def test_the_strategies_are_registered_whichever_is_imported_first(imports: str) -> None:
    # The kit's strategy, not one inferred from the fields: its minimal pôle is its own.
    code = (
        f"{imports}\n"
        "from hypothesis import find, strategies as st\n"
        "from poles_policy.model.poles import Pole\n"
        "print(find(st.from_type(Pole), lambda pole: True).name)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out.endswith("(generated)")
