"""
The JSON form of inter-pôle files and of the route of their funding (GOV.4).

:class:`InterPoleFileModel` mirrors
:class:`~poles_policy.model.interpole.InterPoleFile`, field for field, with
``to_domain()`` and ``from_domain()``; its JSON Schema is exported as
``inter-pole-file``. An invariant the file refuses (the lead pôle named among
the others, a part given to a pôle that does not carry the file, parts that
do not add up to the amount granted) surfaces as an
:class:`~poles_policy.exceptions.InvalidInputError` on one line naming the
field, e.g. ``InterPoleFile.split: the parts total ...``; one part's own
error is named by its path, e.g. ``split.1: PoleShare.pole_id: ...``.

:class:`InterPoleFundingModel` describes the output of
:meth:`InterPoleFunding.to_dict() <poles_policy.rules.interpole.InterPoleFunding.to_dict>`;
its schema is exported as ``inter-pole-funding``. Like the other results'
models, it describes a rule's answer for the systems that read it; a result
is computed from its inputs, not read back into the library.

Amounts are strings to the cent (``"40000.00"``), dates ISO ``YYYY-MM-DD``
strings. ``split`` absent or ``null`` means no split is known; ``[]`` is a
split that gives nothing to anyone, valid only for a zero grant.

>>> from poles_policy.boundary import validate_json
>>> from poles_policy.data import rhone_alpes_poles
>>> from poles_policy.parameters import default_parameters
>>> from poles_policy.rules.interpole import inter_pole_funding
>>> document = '''{
...     "id": "interpole-2010-03",
...     "name": "Joint mission to Japan (synthetic example)",
...     "lead_pole_id": "minalogic",
...     "other_pole_ids": ["axelera"],
...     "granted": "120000.00",
...     "decided_on": "2010-03-15",
...     "split": [
...         {"pole_id": "minalogic", "amount": "80000.00"},
...         {"pole_id": "axelera", "amount": "40000.00"}
...     ]
... }'''
>>> file = validate_json(InterPoleFileModel, document).to_domain()
>>> route = inter_pole_funding(file, default_parameters(), poles=rhone_alpes_poles())
>>> funding = InterPoleFundingModel.model_validate(route.to_dict())
>>> funding.outcome.value, funding.recipient, funding.kept, funding.transfers[0].amount
('eligible', 'minalogic', '80000.00', '40000.00')
>>> validate_json(InterPoleFileModel, document.replace('"80000.00"', '"70000.00"')).to_domain()
Traceback (most recent call last):
...
poles_policy.exceptions.DocumentError: split: the parts total 110000.00, not the 120000.00
granted
"""

from __future__ import annotations

from pydantic import Field

from poles_policy.boundary._base import IsoDate, Model, Money, build_each, from_domain_of
from poles_policy.boundary._figures import AmountText
from poles_policy.boundary.decision import DecisionModel, FactModel
from poles_policy.explain import Outcome
from poles_policy.model.interpole import InterPoleFile, PoleShare
from poles_policy.model.projects import Funder

__all__ = ["InterPoleFileModel", "InterPoleFundingModel", "PoleShareModel", "TransferModel"]


class PoleShareModel(Model):
    """The part of an inter-pôle file's funding agreed for one of its pôles."""

    pole_id: str = Field(
        description=(
            'Id of the carrying pôle (the lead pôle or another, e.g. "axelera"); non-empty, no '
            "pôle twice in a split."
        )
    )
    amount: Money = Field(
        description=(
            "Its part of the amount granted, in euros exact to the cent, non-negative (zero "
            "allowed); the parts of a split add up to the amount granted."
        )
    )

    def to_domain(self) -> PoleShare:
        """Build the domain object."""
        return PoleShare(pole_id=self.pole_id, amount=self.amount)

    @classmethod
    @from_domain_of(PoleShare)
    def from_domain(cls, obj: PoleShare) -> PoleShareModel:
        """Describe *obj* for JSON."""
        return cls(pole_id=obj.pole_id, amount=obj.amount)


class InterPoleFileModel(Model):
    """
    A file carried jointly by several pôles and led by one of them (dossier inter-pôles, GOV.4).

    Its funding goes to the lead pôle (pôle chef de file), which passes on
    their parts to the others. ``split`` absent or ``null`` means no split
    between the pôles is known (the rule then asks for it).
    """

    id: str = Field(description='Stable identifier, e.g. "interpole-2010-03"; non-empty.')
    name: str = Field(description="What the file is about; non-empty.")
    lead_pole_id: str = Field(
        description=(
            'Id of the pôle that leads the file (pôle chef de file), e.g. "minalogic"; non-empty.'
        )
    )
    other_pole_ids: tuple[str, ...] = Field(
        default=(),
        description=(
            "Ids of the other pôles carrying the file, in the order given, none twice and not "
            "the lead pôle; empty (the default) when the lead pôle carries it alone (the route "
            "through the lead pôle then does not apply)."
        ),
    )
    funder: Funder = Field(
        default=Funder.STATE,
        description=(
            "Who granted the funding: state (the default; including its schemes and agencies: "
            "FUI, Fonds unique interministériel; ANR; OSEO aid), region, departement, commune, "
            "intercommunal, feder (European Regional Development Fund, Fonds européen de "
            "développement régional) or other."
        ),
    )
    granted: Money = Field(
        description="The amount granted for the file, in euros exact to the cent, non-negative."
    )
    decided_on: IsoDate = Field(
        description=(
            "The day the funding was decided, on which the parameters are read (the inter-pôle "
            "label exists from 30 November 2009). ISO date YYYY-MM-DD."
        )
    )
    split: tuple[PoleShareModel, ...] | None = Field(
        default=None,
        description=(
            "The parts of the amount agreed between the carrying pôles, in the order given: "
            "each names a carrying pôle, at most once, and the parts add up to the amount "
            "granted, to the cent; a carrying pôle without a part receives nothing. Absent or "
            "null (the default) when no split is known."
        ),
    )

    def to_domain(self) -> InterPoleFile:
        """
        Build the domain object.

        Raises:
            InvalidInputError: If an invariant does not hold, naming the
                field (``InterPoleFile.other_pole_ids: the lead pôle ...``),
                or a part's path (``split.0: PoleShare.pole_id: ...``).
        """
        return InterPoleFile(
            id=self.id,
            name=self.name,
            lead_pole_id=self.lead_pole_id,
            other_pole_ids=self.other_pole_ids,
            funder=self.funder,
            granted=self.granted,
            decided_on=self.decided_on,
            split=None
            if self.split is None
            else build_each("split", self.split, PoleShareModel.to_domain),
        )

    @classmethod
    @from_domain_of(InterPoleFile)
    def from_domain(cls, obj: InterPoleFile) -> InterPoleFileModel:
        """Describe *obj* for JSON."""
        return cls(
            id=obj.id,
            name=obj.name,
            lead_pole_id=obj.lead_pole_id,
            other_pole_ids=obj.other_pole_ids,
            funder=obj.funder,
            granted=obj.granted,
            decided_on=obj.decided_on,
            split=None
            if obj.split is None
            else tuple(PoleShareModel.from_domain(s) for s in obj.split),
        )


class TransferModel(Model):
    """What the lead pôle passes on to another pôle of the file (``Transfer.to_dict()``)."""

    pole_id: str = Field(description="The pôle receiving it.")
    amount: AmountText = Field(
        description="Its part of the funding, in EUR; 0.00 when the split gives it nothing."
    )


class InterPoleFundingModel(Model):
    """How an inter-pôle file's funding is routed (``InterPoleFunding.to_dict()``; GOV.4)."""

    file_id: str = Field(description="The inter-pôle file.")
    granted: AmountText = Field(description="The amount granted for it, in EUR.")
    decision: DecisionModel = Field(
        description=(
            "Whether the funding goes through the lead pôle (eligible: it does), with every "
            "check: the label in force, at least two carrying pôles, each labelled on the day "
            "of the decision, and the split (information)."
        )
    )
    recipient: str | None = Field(
        description=(
            "The pôle that receives the whole amount, the lead pôle, when the outcome is "
            "eligible; null otherwise."
        )
    )
    kept: AmountText | None = Field(
        description=(
            "What the lead pôle keeps, in EUR, when the route applies and the split is known; "
            "null otherwise."
        )
    )
    transfers: tuple[TransferModel, ...] | None = Field(
        description=(
            "What the lead pôle passes on to each other pôle, in the file's order, under the "
            "same conditions; null otherwise."
        )
    )
    outcome: Outcome = Field(
        description=(
            "The decision's outcome: eligible (the funding goes through the lead pôle), "
            "ineligible (a condition is not met) or undetermined (facts are missing: see "
            "'missing')."
        )
    )
    missing: tuple[FactModel, ...] = Field(
        description=(
            "The facts that would settle the route or its split, in asking order (a carrying "
            "pôle not given, the split)."
        )
    )
