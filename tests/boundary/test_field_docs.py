"""Every field of every exported JSON document is documented in its schema."""

from __future__ import annotations

import importlib
import pkgutil
from typing import TYPE_CHECKING, Annotated, Any, get_args

import pytest
from pydantic import BaseModel, TypeAdapter, ValidationError

from poles_policy import boundary
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


def _classes(annotation: object) -> Iterator[type]:
    """The classes an annotation names, through unions and generics."""
    if isinstance(annotation, type):
        yield annotation
    for arg in get_args(annotation):
        yield from _classes(arg)


def _boundary_models() -> list[type[BaseModel]]:
    """Every pydantic model the boundary package defines."""
    found: set[type[BaseModel]] = set()
    for info in pkgutil.iter_modules(boundary.__path__, f"{boundary.__name__}."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, BaseModel)
                and value.__module__ == module.__name__
            ):
                found.add(value)
    return sorted(found, key=lambda m: f"{m.__module__}.{m.__qualname__}")


ALL_MODELS = _boundary_models()


def test_the_models_of_the_documents_are_found() -> None:
    names = {m.__name__ for m in ALL_MODELS}
    assert {"PoleStandingModel", "GapModel", "ProjectAllocationModel", "EnterpriseModel"} <= names


@pytest.mark.parametrize("model", ALL_MODELS, ids=lambda m: m.__name__)
def test_every_boolean_field_takes_only_true_or_false(model: type[BaseModel]) -> None:
    # A schema's "type": "boolean" refuses "yes", 1 and "off": so does the reader.
    for field in model.model_fields.values():
        if bool not in set(_classes(field.annotation)):
            continue
        # Optional fields hold their metadata inside the union; others on the field.
        annotation: Any = (
            Annotated[field.annotation, *field.metadata] if field.metadata else field.annotation
        )
        adapter: TypeAdapter[Any] = TypeAdapter(annotation)
        assert adapter.validate_json("true") is True
        for wrong in ('"yes"', "1", '"off"', "0", '"true"'):
            with pytest.raises(ValidationError):
                adapter.validate_json(wrong)
