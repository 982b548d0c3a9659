"""
The JSON boundary: pydantic models for the domain objects.

Every domain object that crosses a process boundary has a model here, with
``to_domain()`` / ``from_domain()`` and a JSON Schema. This is the only part
of poles_policy that imports pydantic.
"""

from poles_policy.boundary._base import validate_json

__all__ = ["validate_json"]
