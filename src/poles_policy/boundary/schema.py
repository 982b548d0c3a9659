"""
The JSON Schemas of the documents poles_policy reads and writes.

:func:`schemas` returns each exported document type's JSON Schema (draft
2020-12) by name: ``relay-case`` (:mod:`poles_policy.boundary.case`), the
documents it is made of (``actor``, ``collaborative-project``), the
standalone ``relay-request`` and ``relay-loan``, the other domain documents
(``pole``, ``performance-contract``, ...) and ``decision``, the JSON form of
a rule's :class:`~poles_policy.explain.Decision`
(:meth:`Decision.to_dict() <poles_policy.explain.Decision.to_dict>`),
described by :class:`DecisionModel`.

The schemas are committed under ``docs/schema/<name>.schema.json`` in the
form :func:`schema_text` gives (two-space indent, sorted keys, trailing
newline); a test regenerates them and compares. After changing a boundary
model, regenerate them with ``poles-policy schema --write docs/schema``.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated, Any, Final

from pydantic import AfterValidator, BaseModel, Field, TypeAdapter, WithJsonSchema

from poles_policy.boundary._base import IsoDate, Model
from poles_policy.boundary.actors import ActorModel
from poles_policy.boundary.case import RelayCaseModel
from poles_policy.boundary.contracts import CoordinationCommitteeModel, PerformanceContractModel
from poles_policy.boundary.platforms import (
    CallForProjectsModel,
    CperEnvelopeModel,
    InnovationPlatformModel,
)
from poles_policy.boundary.poles import PoleModel
from poles_policy.boundary.projects import CollaborativeProjectModel
from poles_policy.boundary.regions import RegionModel
from poles_policy.boundary.relay import RelayLoanModel, RelayRequestModel
from poles_policy.exceptions import InvalidInputError
from poles_policy.explain import CLAUSES, Decision, Outcome, Status
from poles_policy.parameters import Confidence

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "JSON_SCHEMA_DIALECT",
    "CheckModel",
    "DecisionModel",
    "FactModel",
    "ParameterUseModel",
    "TextModel",
    "schema",
    "schema_names",
    "schema_text",
    "schemas",
]

JSON_SCHEMA_DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema dialect of every schema (pydantic generates draft 2020-12)."""


def _known_clause(value: str) -> str:
    if value not in CLAUSES:
        msg = f"unknown clause id {value!r}; known ids: {', '.join(CLAUSES)}"
        raise ValueError(msg)
    return value


ClauseId = Annotated[
    str,
    AfterValidator(_known_clause),
    WithJsonSchema(
        {
            "type": "string",
            "enum": list(CLAUSES),
            "description": "A clause id of the policy text (SOURCE.md), e.g. RELAY.2.",
        }
    ),
]
"""A clause id of the policy text, checked against the registry."""


class TextModel(Model):
    """A short text in English and in French."""

    en: str = Field(description="The text in English.")
    fr: str = Field(description="The text in French.")


class FactModel(Model):
    """A fact a decision still needs, as a form would ask for it."""

    path: str = Field(
        description="Where the fact goes in the case document, e.g. project.selection_letter_on."
    )
    question: TextModel = Field(description="The question to ask, in English and French.")


class ParameterUseModel(Model):
    """A dated parameter value a check read, with its source."""

    name: str = Field(description="The dotted parameter name, e.g. relay.oseo.guarantee_share.")
    value: str = Field(
        description='The value as canonical text ("0.50", "2008-04-01", "82"): exact.'
    )
    unit: str = Field(description="The parameter's unit, e.g. share, EUR, months.")
    valid_from: IsoDate = Field(description="The first day the value is in force (YYYY-MM-DD).")
    source: str = Field(description="Where the value comes from: an address or a clause id.")
    confidence: Confidence = Field(
        description=(
            "text (the policy text itself), sourced (a public secondary source) or assumption "
            "(a modelling choice, stated as such)."
        )
    )


class CheckModel(Model):
    """One condition of a rule, evaluated."""

    key: str = Field(description="A stable machine name, e.g. relay.selection_letter.")
    clauses: tuple[ClauseId, ...] = Field(
        min_length=1, description="The clause ids of the policy text the condition applies."
    )
    label: TextModel = Field(description="What is checked, in a few words.")
    status: Status = Field(
        description=(
            "met, not_met, unknown (a fact is missing) or not_applicable (the condition does "
            "not apply: neither met nor failed)."
        )
    )
    reason: TextModel = Field(description="One line with the facts used.")
    parameters: tuple[ParameterUseModel, ...] = Field(
        default=(), description="The parameter values read, with their dates and sources."
    )
    missing: tuple[FactModel, ...] = Field(
        default=(),
        description="When the status is unknown, the facts that would settle it, in asking order.",
    )
    informative: bool = Field(
        default=False,
        description=(
            "True for information that does not count toward the outcome (e.g. the SME status "
            "of a relay applicant)."
        ),
    )


class DecisionModel(Model):
    """
    A rule's decision, with every check it evaluated (the output of ``Decision.to_dict()``).

    ``outcome`` is derived from the checks; :meth:`to_domain` refuses data
    whose outcome disagrees with them.
    """

    rule: str = Field(description="The rule's stable name, e.g. relay.eligibility.")
    title: TextModel = Field(description="What was decided, in English and French.")
    subject: str = Field(description="Who or what the decision is about.")
    on: IsoDate = Field(
        description="The case's own legal date, at which the parameters were read (YYYY-MM-DD)."
    )
    outcome: Outcome = Field(
        description=(
            "eligible, ineligible (a condition is not met) or undetermined (facts are missing: "
            "see 'missing')."
        )
    )
    checks: tuple[CheckModel, ...] = Field(description="Every check, in evaluation order.")
    missing: tuple[FactModel, ...] = Field(
        default=(), description="The facts still needed to decide, in asking order, each once."
    )

    def to_domain(self) -> Decision:
        """
        Build the domain decision.

        Raises:
            InvalidInputError: If the outcome disagrees with the checks.
        """
        return Decision.from_dict(self.model_dump(mode="json"))

    @classmethod
    def from_domain(cls, obj: Decision) -> DecisionModel:
        """Describe *obj* for JSON."""
        return cls.model_validate(obj.to_dict())


def _model(model: type[BaseModel]) -> Callable[[], dict[str, Any]]:
    return model.model_json_schema


def _actor() -> dict[str, Any]:
    schema = TypeAdapter(ActorModel).json_schema()
    return {
        "title": "Actor",
        "description": (
            "Any actor of the policy, tagged by 'kind': enterprise, research_organisation, "
            "cooperation_structure, local_authority, state, bank or oseo."
        ),
        **schema,
    }


_SCHEMAS: Final[dict[str, Callable[[], dict[str, Any]]]] = {
    "actor": _actor,
    "call-for-projects": _model(CallForProjectsModel),
    "collaborative-project": _model(CollaborativeProjectModel),
    "coordination-committee": _model(CoordinationCommitteeModel),
    "cper-envelope": _model(CperEnvelopeModel),
    "decision": _model(DecisionModel),
    "innovation-platform": _model(InnovationPlatformModel),
    "performance-contract": _model(PerformanceContractModel),
    "pole": _model(PoleModel),
    "region": _model(RegionModel),
    "relay-case": _model(RelayCaseModel),
    "relay-loan": _model(RelayLoanModel),
    "relay-request": _model(RelayRequestModel),
}


def schema_names() -> tuple[str, ...]:
    """Return the names of the document types that have a schema, sorted."""
    return tuple(sorted(_SCHEMAS))


def schema(name: str) -> dict[str, Any]:
    """
    Return the JSON Schema of document type *name* (e.g. ``"relay-case"``).

    Raises:
        InvalidInputError: If there is no document type *name*.
    """
    try:
        build = _SCHEMAS[name]
    except KeyError:
        msg = f"unknown schema {name!r}; known: {', '.join(schema_names())}"
        raise InvalidInputError(msg) from None
    return {"$schema": JSON_SCHEMA_DIALECT, **build()}


def schemas() -> dict[str, dict[str, Any]]:
    """Return the JSON Schema of every exported document type, by name."""
    return {name: schema(name) for name in schema_names()}


def schema_text(name: str) -> str:
    """
    Return the schema of *name* as committed: indented, sorted keys, trailing newline.

    Raises:
        InvalidInputError: If there is no document type *name*.
    """
    return json.dumps(schema(name), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
