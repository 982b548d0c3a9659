"""
The JSON Schemas of the documents poles_policy reads and writes.

:func:`schemas` returns each exported document type's JSON Schema (draft
2020-12) by name: ``relay-case`` (:mod:`poles_policy.boundary.case`), the
documents it is made of (``actor``, ``collaborative-project``), the
standalone ``relay-request`` and ``relay-loan``, the other domain documents
(``pole``, ``performance-contract``, ...) and ``decision``, the JSON form of
a rule's :class:`~poles_policy.explain.Decision`
(:meth:`Decision.to_dict() <poles_policy.explain.Decision.to_dict>`),
described by :class:`~poles_policy.boundary.decision.DecisionModel`, and
``relay-assessment`` and ``relay-assessment-brief``, what ``poles-policy relay
check --json [--brief]`` prints (:mod:`poles_policy.boundary.assessment`).

The other rules' results have theirs too: ``pole-standing``,
``coordination-group`` and ``poles-report`` (what ``poles-policy poles
--json`` prints; :mod:`poles_policy.boundary.standing`), ``contract-progress``
and ``committee-regularity`` (:mod:`poles_policy.boundary.steering`),
``envelope-allocation`` and ``allocation-share``
(:mod:`poles_policy.boundary.allocations`), ``cooperation-report``
(:mod:`poles_policy.boundary.synergies`), and ``fui-aid-rate``,
``fui-aid-amount``, ``fui-payment-window``, ``fui-estimated-payment`` and
``fui-payment-schedule`` (:mod:`poles_policy.boundary.fui`); the inputs of the
two CPER rules are ``structuring-project`` and ``allocation``; a file carried
by several pôles is an ``inter-pole-file`` and the route of its funding an
``inter-pole-funding`` (GOV.4; :mod:`poles_policy.boundary.interpole`).

The schemas are committed under ``docs/schema/<name>.schema.json`` in the
form :func:`schema_text` gives (two-space indent, sorted keys, trailing
newline); a test regenerates them and compares. After changing a boundary
model, regenerate them with ``poles-policy schema --write docs/schema``.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Final

from pydantic import BaseModel, TypeAdapter

from poles_policy.boundary.actors import ActorModel
from poles_policy.boundary.allocations import AllocationShareModel, EnvelopeAllocationModel
from poles_policy.boundary.assessment import AssessmentModel, BriefAssessmentModel
from poles_policy.boundary.case import RelayCaseModel
from poles_policy.boundary.contracts import CoordinationCommitteeModel, PerformanceContractModel
from poles_policy.boundary.decision import (
    CheckModel,
    DecisionModel,
    FactModel,
    ParameterUseModel,
    TextModel,
)
from poles_policy.boundary.fui import (
    AidAmountModel,
    AidRateModel,
    EstimatedPaymentModel,
    PaymentScheduleJson,
    PaymentWindowModel,
)
from poles_policy.boundary.interpole import InterPoleFileModel, InterPoleFundingModel
from poles_policy.boundary.platforms import (
    AllocationModel,
    CallForProjectsModel,
    CperEnvelopeModel,
    InnovationPlatformModel,
    StructuringProjectModel,
)
from poles_policy.boundary.poles import PoleModel
from poles_policy.boundary.projects import CollaborativeProjectModel
from poles_policy.boundary.regions import RegionModel
from poles_policy.boundary.relay import RelayLoanModel, RelayRequestModel
from poles_policy.boundary.standing import (
    CoordinationGroupModel,
    PolesReportModel,
    PoleStandingModel,
)
from poles_policy.boundary.steering import CommitteeRegularityModel, ContractProgressModel
from poles_policy.boundary.synergies import CooperationReportModel, PoleSynergiesModel
from poles_policy.exceptions import InvalidInputError

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


def _payment_schedule() -> dict[str, Any]:
    schema = TypeAdapter(PaymentScheduleJson).json_schema()
    return {
        "title": "FUI payment schedule",
        "description": (
            "An estimated FUI payment schedule (PHASE.2a, RELAY.4): the to_dict() of its three "
            "payments, the advance, the intermediate payment and the balance, in this order."
        ),
        **schema,
    }


_SCHEMAS: Final[dict[str, Callable[[], dict[str, Any]]]] = {
    "actor": _actor,
    "allocation": _model(AllocationModel),
    "allocation-share": _model(AllocationShareModel),
    "call-for-projects": _model(CallForProjectsModel),
    "collaborative-project": _model(CollaborativeProjectModel),
    "committee-regularity": _model(CommitteeRegularityModel),
    "contract-progress": _model(ContractProgressModel),
    "cooperation-report": _model(CooperationReportModel),
    "coordination-committee": _model(CoordinationCommitteeModel),
    "coordination-group": _model(CoordinationGroupModel),
    "cper-envelope": _model(CperEnvelopeModel),
    "decision": _model(DecisionModel),
    "envelope-allocation": _model(EnvelopeAllocationModel),
    "fui-aid-amount": _model(AidAmountModel),
    "fui-aid-rate": _model(AidRateModel),
    "fui-estimated-payment": _model(EstimatedPaymentModel),
    "fui-payment-schedule": _payment_schedule,
    "fui-payment-window": _model(PaymentWindowModel),
    "innovation-platform": _model(InnovationPlatformModel),
    "inter-pole-file": _model(InterPoleFileModel),
    "inter-pole-funding": _model(InterPoleFundingModel),
    "performance-contract": _model(PerformanceContractModel),
    "pole": _model(PoleModel),
    "pole-standing": _model(PoleStandingModel),
    "pole-synergies": _model(PoleSynergiesModel),
    "poles-report": _model(PolesReportModel),
    "region": _model(RegionModel),
    "relay-assessment": _model(AssessmentModel),
    "relay-assessment-brief": _model(BriefAssessmentModel),
    "relay-case": _model(RelayCaseModel),
    "relay-loan": _model(RelayLoanModel),
    "relay-request": _model(RelayRequestModel),
    "structuring-project": _model(StructuringProjectModel),
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
    return {"$schema": JSON_SCHEMA_DIALECT, **_tags_required(_without_examples(build()))}


def _tags_required(node: Any) -> Any:  # noqa: ANN401 - any part of a JSON Schema
    """
    Require the tag of each tagged union (an actor's ``kind``) where the union stands.

    Each kind of actor describes its tag with a default, for a document of
    that kind alone, so pydantic leaves it out of ``required``; where an
    actor of any kind is expected the reader needs it, and so does the schema.
    """
    if isinstance(node, dict):
        out = {key: _tags_required(value) for key, value in node.items()}
        tag = node.get("discriminator", {}).get("propertyName")
        if isinstance(tag, str) and "oneOf" in node:
            out["required"] = sorted({*node.get("required", ()), tag})
        return out
    if isinstance(node, list):
        return [_tags_required(item) for item in node]
    return node


def _without_examples(node: Any) -> Any:  # noqa: ANN401 - any part of a JSON Schema
    """
    Cut each description at its first doctest line.

    pydantic describes an enum by its class's docstring, whose examples are for the Python
    reader (``>>> Status.NOT_MET.label``), not for a document's author.
    """
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "description" and isinstance(value, str) and ">>>" in value:
                value = value[: value.index(">>>")].rstrip()  # noqa: PLW2901
            out[key] = _without_examples(value)
        return out
    if isinstance(node, list):
        return [_without_examples(item) for item in node]
    return node


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
