"""
The JSON form of a rule's decision: :class:`DecisionModel` and the models it is made of.

:class:`DecisionModel` describes the output of
:meth:`Decision.to_dict() <poles_policy.explain.Decision.to_dict>` and reads
it back into a :class:`~poles_policy.explain.Decision`; its schema is
exported as ``decision`` (:mod:`poles_policy.boundary.schema`).
"""

from __future__ import annotations

import re
from typing import Annotated, Final

from pydantic import AfterValidator, Field, WithJsonSchema

from poles_policy.boundary._base import Flag, IsoDate, Model, at_path, from_domain_of
from poles_policy.exceptions import DocumentError, InvalidInputError
from poles_policy.explain import CLAUSES, Decision, Outcome, Status
from poles_policy.parameters import Confidence

__all__ = [
    "CheckModel",
    "ClauseId",
    "DecisionModel",
    "FactModel",
    "ParameterUseModel",
    "TextModel",
]


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
    informative: Flag = Field(
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
            DocumentError: If the outcome or the missing facts disagree with
                the checks, or a check is inconsistent (missing facts on a
                check that is not UNKNOWN), naming the field's path
                (``outcome``, ``missing``, ``checks.0``).
        """
        try:
            return Decision.from_dict(self.model_dump(mode="json"))
        except InvalidInputError as exc:
            raise _located(str(exc)) from exc

    @classmethod
    @from_domain_of(Decision)
    def from_domain(cls, obj: Decision) -> DecisionModel:
        """Describe *obj* for JSON."""
        return cls.model_validate(obj.to_dict())


# Decision.from_dict names a check as "checks[2]: ...", a Python reader's index.
_CHECK_AT: Final = re.compile(r"checks\[(\d+)\]: (.*)", re.DOTALL)


def _located(message: str) -> DocumentError:
    """The error of :meth:`Decision.from_dict` at the document's path of the field it names."""
    found = _CHECK_AT.fullmatch(message)
    if found is not None:
        return at_path(("checks", int(found.group(1))), found.group(2))
    field, _, reason = message.partition(" ")
    if field in {"outcome", "missing:"}:
        return at_path((field.rstrip(":"),), reason)
    return DocumentError([("", message)])
