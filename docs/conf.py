"""Sphinx configuration for the poles_policy documentation."""

from __future__ import annotations

import sys
from importlib.metadata import version as _version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "poles_policy"
author = "poles_policy contributors"
copyright = "2026, poles_policy contributors"
release = _version("poles-policy")
version = release

extensions = [
    # myst_nb sets up the MyST parser itself; listing myst_parser as well is an error.
    "myst_nb",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "generated_pages",
]
# Markdown pages go through myst-nb's parser (plain MyST unless a page has notebook front
# matter); myst-nb adds each suffix of `nb_custom_formats` (here ".py") to this mapping itself.
source_suffix = {".md": "myst-nb", ".rst": "restructuredtext"}
# Every ".py" file is read as a notebook, so the Python files that are not notebooks are excluded.
exclude_patterns = [
    "_build",
    "Thumbs.db",
    ".DS_Store",
    "schema/*",
    "conf.py",
    "_ext/*",
]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_typehints = "description"
autodoc_member_order = "bysource"
autodoc_type_aliases = {
    "CentsArray": "poles_policy.scenarios._arrays.CentsArray",
    "Flags": "poles_policy.scenarios._arrays.Flags",
}
autodoc_default_options = {"members": True, "undoc-members": False, "show-inheritance": False}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = True
# Every cross-reference to the library must resolve: a broken one fails the build. References
# outside it (the standard library, pydantic, Hypothesis, NumPy) cannot: the build runs without
# a network, so without intersphinx inventories. Nor can the private aliases of the boundary's
# field types, nor the pieces of their pydantic metadata that the type hints of a model show.
nitpicky = True
nitpick_ignore_regex = [
    ("py:class", r"(?!poles_policy\.).*"),
    ("py:class", r"poles_policy\.(\w+\.)*_\w+(\..*)?"),
    ("py:(func|meth|attr|data|obj|mod)", r"(datetime|decimal|dateutil|str|typing|enum)\..*"),
    # Type variables and typing.Annotated, as the signatures of generic classes show them.
    ("py:(class|obj)", r"poles_policy\.(\w+\.)*(T|T_co|Annotated)"),
]

# Notebooks: docs/notebooks/*.py are jupytext "percent" scripts, executed at every build; a cell
# that raises fails the build.
nb_custom_formats = {".py": ["jupytext.reads", {"fmt": "py:percent"}]}
nb_execution_mode = "force"
nb_execution_raise_on_error = True
nb_execution_timeout = 120
nb_execution_show_tb = True


html_theme = "furo"
html_title = f"poles_policy {release}"
