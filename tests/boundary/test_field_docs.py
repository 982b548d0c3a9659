"""Every field of every exported JSON document is documented in its schema."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from poles_policy.boundary.schema import schemas

if TYPE_CHECKING:
    from collections.abc import Iterator

SCHEMAS = schemas()


def object_schemas(node: object, path: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield every object schema (one with ``properties``) under *node*, with its JSON path."""
    if isinstance(node, dict):
        if isinstance(node.get("properties"), dict):
            yield path, node
        for key, value in node.items():
            yield from object_schemas(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from object_schemas(value, f"{path}/{index}")


def undocumented(schema: dict[str, Any]) -> list[str]:
    """Return ``path.field`` for each property of each object schema that lacks a description."""
    return [
        f"{path}.{name}"
        for path, obj in object_schemas(schema, "#")
        for name, prop in obj["properties"].items()
        if not (isinstance(prop, dict) and str(prop.get("description", "")).strip())
    ]


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_property_of_every_object_schema_has_a_description(name: str) -> None:
    schema = SCHEMAS[name]
    assert any(True for _ in object_schemas(schema, "#")), f"{name}: no object schema found"
    missing = undocumented(schema)
    assert not missing, f"{name}: properties without a description: {', '.join(missing)}"


def test_the_walk_finds_the_nested_definitions_and_an_undocumented_field() -> None:
    relay_case = SCHEMAS["relay-case"]
    paths = {path for path, _ in object_schemas(relay_case, "#")}
    assert {"#", "#/$defs/AccountsModel", "#/$defs/ScheduledPaymentModel"} <= paths
    broken = {
        "$defs": {
            "Leaf": {"type": "object", "properties": {"x": {"type": "string"}}},
        },
        "type": "object",
        "properties": {"leaf": {"$ref": "#/$defs/Leaf", "description": " "}},
    }
    assert undocumented(broken) == ["#.leaf", "#/$defs/Leaf.x"]
