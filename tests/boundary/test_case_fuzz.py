"""Any JSON document gets an assessment or an input error: never another exception."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from poles_policy.boundary.case import parse_case
from poles_policy.exceptions import InvalidInputError
from poles_policy.parameters import default_parameters
from poles_policy.rules.relay import assess

EXAMPLES = Path(__file__).parents[2] / "docs" / "examples"
DOCUMENTS = [
    json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    for name in ("relay-case.json", "relay-case-undetermined.json")
]
PARAMS = default_parameters()


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside a JSON document, containers included."""
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


PATHS = [(i, path) for i, doc in enumerate(DOCUMENTS) for path in _paths(doc) if path]

# Values a careless or hostile producer might write anywhere: wrong types, extreme numbers,
# odd strings, empty containers.
ODD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(
        [
            "",
            " ",
            "0",
            "-1",
            "1e400",
            "9" * 60,
            "1." + "0" * 40,
            "NaN",
            "2009-02-29",
            "2009-13-01",
            "0001-01-01",
            "9999-12-31",
            "02/03/2009",
            "82",
            "84",
            "state",
            "lead",
            "\u0000",
            "é" * 3,
        ]
    ),
    st.text(max_size=12),
    st.just([]),
    st.just({}),
    st.lists(st.integers(), max_size=2),
)


# Stands for "leave the field out" among the odd values.
DELETE = object()


def _replace(document: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(document)
    target: Any = changed
    for step in path[:-1]:
        target = target[step]
    if value is DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return changed


@settings(suppress_health_check=[HealthCheck.too_slow])
# A line break in an actor's kind used to reach the message as it was, on two lines.
@example([((1, ("project", "partners", 1, "actor", "kind")), "\n")])
# An amount of 29 digits or more used to escape as a raw decimal error.
@example([((0, ("request", "amount")), "9" * 60)])
@given(
    st.lists(
        st.tuples(st.sampled_from(PATHS), ODD_VALUES | st.just(DELETE)), min_size=1, max_size=3
    )
)
def test_any_changed_document_is_assessed_or_refused_as_input(
    changes: list[tuple[tuple[int, tuple[Any, ...]], Any]],
) -> None:
    (index, _), _ = changes[0]
    document = DOCUMENTS[index]
    for (_, path), value in changes:
        try:
            document = _replace(document, path, value)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed the container this path goes through
    raw = json.dumps(document, allow_nan=True)
    try:
        case = parse_case(raw)
        assessment = assess(case.request, PARAMS, loan=case.loan)
    except InvalidInputError as exc:
        message = str(exc)
        assert message
        assert "\n" not in message
        return
    # Whatever was accepted can be explained and written out.
    assert assessment.explain("fr")
    assert json.dumps(assessment.to_dict())
    assert json.dumps(assessment.to_dict(brief=True))
