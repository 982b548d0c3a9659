"""
A relay case as one JSON document: the request, its applicant and project, and the loan.

A relay desk (a bank's, OSEO's, a pôle's) exchanges a case as one document::

    {
        "case_id": "RA-2009-017",
        "applicant": {"kind": "enterprise", "id": "acme", "name": "ACME SAS", "region": "82"},
        "project": {
            "id": "nanox",
            "name": "NANO-X",
            "partners": [
                {
                    "actor": {
                        "kind": "enterprise",
                        "id": "acme",
                        "name": "ACME SAS",
                        "region": "82",
                    },
                    "role": "lead",
                },
                ...,
            ],
            "labels": [...],
            "aid": [...],
            "selection_letter_on": "2009-03-02",
        },
        "request": {"requested_on": "2009-03-16", "amount": "200000.00"},
        "loan": null,
    }

:func:`parse_case` reads it into a :class:`~poles_policy.model.cases.RelayCase`
and :func:`dump_case` writes one back; the round trip is the identity.

**The applicant among the partners.** The applicant is given once, in full, at
the top level: its facts (region, accounts for the SME test) are the ones the
rules read. When it is a partner of the project -- the normal case -- the
partner entry repeats the same actor object, and the two must be equal (same
kind, id and facts); a copy that differs is refused, naming the partner's path
and the fields that differ, so an edit made in one place only never goes
unnoticed. This keeps the project exactly the ``collaborative-project``
document used elsewhere. An applicant that is *not* among the partners is
accepted: it is a refusal case (RELAY.2), not an input error; likewise a
research lab as applicant.

**Identifiers.** The case id is also the request's id; the loan answers that
request, so neither carries an id of its own.

**Dates.** Region codes are checked against the request date (the case's
legal date): ``"84"`` (Auvergne-Rhône-Alpes, from 2016) in a 2009 case is an
input error, as is an unknown code.

Every error is an :class:`~poles_policy.exceptions.InvalidInputError` whose
one-line message names the path of each bad field and why, e.g.
``request.amount: amount 1000.125 has more than two decimals; ...``, or starts
with ``invalid JSON:`` and the line and column.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from pydantic import Field, ValidationError

from poles_policy.boundary._base import (
    Flag,
    IsoDate,
    Model,
    Money,
    PositiveMoney,
    Share,
    at_path,
    build_one,
    document_error,
    from_domain_of,
    refuse_duplicate_keys,
)
from poles_policy.boundary.actors import (
    ACTOR_TAGS,
    ActorModel,
    BankModel,
    actor_from_domain,
    actor_to_domain,
)
from poles_policy.boundary.projects import CollaborativeProjectModel
from poles_policy.exceptions import DocumentError, InvalidInputError, WrongTypeError
from poles_policy.model import _assembly as assembly
from poles_policy.model.cases import RelayCase as _RelayCase
from poles_policy.model.regions import region
from poles_policy.model.relay import RelayLoan as _RelayLoan
from poles_policy.money import exact_decimals

if TYPE_CHECKING:
    from datetime import date

    from poles_policy.model.actors import Actor
    from poles_policy.model.cases import RelayCase
    from poles_policy.model.projects import CollaborativeProject
    from poles_policy.model.relay import RelayLoan

_REQUEST_ID = "RelayRequest.id: "

__all__ = ["CaseLoanModel", "CaseRequestModel", "RelayCaseModel", "dump_case", "parse_case"]


class CaseRequestModel(Model):
    """
    The request's own facts; its applicant and project are the case's.

    ``bank`` and ``oseo_counter_guarantee`` absent or ``null`` mean "not
    known yet"; ``oseo_counter_guarantee: false`` means the bank does not ask
    OSEO.
    """

    requested_on: IsoDate = Field(
        description=(
            "The date of the request (YYYY-MM-DD): the case's legal date, at which the policy "
            "parameters are read and region codes are checked."
        )
    )
    amount: PositiveMoney = Field(
        gt=0,
        description=(
            "The amount requested, in euros, positive and exact to the cent (a number or a "
            'decimal string such as "200000.00").'
        ),
    )
    bank: BankModel | None = Field(
        default=None, description="The bank asked for the relay loan; absent or null if unknown."
    )
    oseo_counter_guarantee: Flag | None = Field(
        default=None,
        description=(
            "Whether the bank asks OSEO for a counter-guarantee (RELAY.5): true, false (it does "
            "not ask), or absent / null (not known yet)."
        ),
    )


class CaseLoanModel(Model):
    """The relay loan once disbursed; it answers the case's request."""

    disbursed_on: IsoDate = Field(
        description="The date the funds reached the enterprise (YYYY-MM-DD)."
    )
    principal: PositiveMoney = Field(
        gt=0,
        description=(
            "The amount lent, in euros, positive and exact to the cent (a number or a decimal "
            "string)."
        ),
    )
    annual_rate: Share = Field(
        description=(
            "The yearly interest rate as a share between 0 and 1: 0.045 for 4.5 % a year "
            "(interest is computed ACT/360)."
        )
    )
    fees: Money | None = Field(
        default=None,
        description=(
            "Other fees charged for the loan (arrangement, file), in euros, exact to the cent, "
            'non-negative: "0.00" if none; absent or null if not known yet (the cost then '
            "leaves them out of its totals and asks for them)."
        ),
    )
    repaid_from_subsidy: Flag = Field(
        default=True,
        description=(
            "Whether the loan is repaid from the subsidy payments as they arrive (the scheme's "
            "design, RELAY.4): true (the default), or false when it is repaid in one go, on "
            "repaid_on."
        ),
    )
    repaid_on: IsoDate | None = Field(
        default=None,
        description=(
            "The date the principal is repaid in full, when the loan is not repaid from the "
            "subsidy payments (repaid_from_subsidy false); after disbursed_on (YYYY-MM-DD). "
            "Absent or null if not known yet (the cost then asks for it); refused with "
            "repaid_from_subsidy true, whose repayments are the subsidy payments."
        ),
    )

    def to_domain(self, request_id: str) -> RelayLoan:
        """Build the domain loan answering request *request_id*."""
        return assembly.relay_loan(
            request_id=request_id,
            disbursed_on=self.disbursed_on,
            principal=self.principal,
            annual_rate=self.annual_rate,
            fees=self.fees,
            repaid_from_subsidy=self.repaid_from_subsidy,
            repaid_on=self.repaid_on,
        )

    @classmethod
    @from_domain_of(_RelayLoan)
    def from_domain(cls, obj: RelayLoan) -> CaseLoanModel:
        """Describe *obj* for JSON (its ``request_id`` is the case's)."""
        return cls(
            disbursed_on=obj.disbursed_on,
            principal=obj.principal,
            annual_rate=obj.annual_rate,
            fees=obj.fees,
            repaid_from_subsidy=obj.repaid_from_subsidy,
            repaid_on=obj.repaid_on,
        )


class RelayCaseModel(Model):
    """
    A relay-financing case (RELAY.1-RELAY.6) as one JSON document.

    The applicant is given in full here and, when it is a project partner,
    repeated unchanged among ``project.partners``.
    """

    case_id: str = Field(
        min_length=1,
        description="The case's identifier at the relay desk, non-empty; also the request's id.",
    )
    applicant: ActorModel = Field(
        description=(
            "Who applies, tagged by 'kind': normally an enterprise (with its region and, for the "
            "SME test, its accounts). Any actor is accepted: a research lab applying is a "
            "refusal case (RELAY.2), not an input error. When the applicant is a project "
            "partner, the partner entry repeats this object unchanged."
        )
    )
    project: CollaborativeProjectModel = Field(
        description=(
            "The collaborative project whose State subsidy the relay pre-finances: partners, "
            "pôle labels with their dates, aid decisions with each partner's subsidy granted, "
            "schedule and payments received, and the date of the official selection letter."
        )
    )
    request: CaseRequestModel = Field(
        description="The request: its date, the amount, the bank and the OSEO counter-guarantee."
    )
    loan: CaseLoanModel | None = Field(
        default=None,
        description="The loan once disbursed; absent or null before that.",
    )

    def to_domain(self) -> RelayCase:
        """
        Build the domain case, checking what only the whole document can tell.

        Raises:
            DocumentError: If a region code did not exist on the request
                date, the applicant's partner entry differs from the
                applicant, or the domain refuses a value, naming the JSON
                path of each offending field.
        """
        problems = self._region_problems(self.request.requested_on)
        if not self.case_id.strip():
            problems.insert(0, ("case_id", "must not be blank"))
        if problems:
            raise DocumentError(problems)
        applicant = build_one("applicant", lambda: actor_to_domain(self.applicant))
        project = build_one("project", self.project.to_domain)
        _check_applicant_as_partner(applicant, project)
        req = self.request
        bank = None if req.bank is None else build_one("request.bank", req.bank.to_domain)
        try:
            request = build_one(
                "request",
                lambda: assembly.relay_request(
                    id=self.case_id,
                    applicant=applicant,
                    project=project,
                    requested_on=req.requested_on,
                    amount=req.amount,
                    bank=bank,
                    oseo_counter_guarantee=req.oseo_counter_guarantee,
                ),
            )
        except DocumentError as exc:
            # The request's id is the document's case_id.
            path, reason = exc.problems[0]
            if len(exc.problems) > 1 or path != "request" or not reason.startswith(_REQUEST_ID):
                raise
            raise at_path(("case_id",), reason.removeprefix(_REQUEST_ID)) from None
        loan = self.loan
        return assembly.relay_case(
            case_id=self.case_id,
            request=request,
            loan=None if loan is None else build_one("loan", lambda: loan.to_domain(self.case_id)),
        )

    def _region_problems(self, on: date) -> list[tuple[str, str]]:
        actors = [self.applicant, *(p.actor for p in self.project.partners)]
        problems: list[tuple[str, str]] = []
        # A case names few regions, most of them several times: one look-up per code.
        verdicts: dict[str, str] = {}
        for index, actor in enumerate(actors):
            code: str | None = getattr(actor, "region", None)
            if code is None:
                continue
            verdict = verdicts.get(code)
            if verdict is None:
                verdict = verdicts[code] = _region_problem(code, on)
            if verdict:
                path = "applicant" if index == 0 else f"project.partners.{index - 1}.actor"
                problems.append((f"{path}.region", verdict))
        return problems

    @classmethod
    @from_domain_of(_RelayCase)
    def from_domain(cls, case: RelayCase) -> RelayCaseModel:
        """Describe *case* for JSON."""
        request = case.request
        return cls(
            case_id=case.case_id,
            applicant=actor_from_domain(request.applicant),
            project=CollaborativeProjectModel.from_domain(request.project),
            request=CaseRequestModel(
                requested_on=request.requested_on,
                amount=request.amount,
                bank=None if request.bank is None else BankModel.from_domain(request.bank),
                oseo_counter_guarantee=request.oseo_counter_guarantee,
            ),
            loan=None if case.loan is None else CaseLoanModel.from_domain(case.loan),
        )


def _region_problem(code: str, on: date) -> str:
    """Say why *code* is not a region on *on*, or return ``""`` when it is one."""
    try:
        region(code, on)
    except InvalidInputError as exc:
        return str(exc)
    return ""


def _check_applicant_as_partner(applicant: Actor, project: CollaborativeProject) -> None:
    for index, partner in enumerate(project.partners):
        if partner.actor.id != applicant.id or partner.actor == applicant:
            continue
        mine = actor_from_domain(applicant).model_dump(mode="json")
        theirs = actor_from_domain(partner.actor).model_dump(mode="json")
        fields = [
            name for name in dict.fromkeys([*mine, *theirs]) if mine.get(name) != theirs.get(name)
        ]
        reason = (
            f"actor {applicant.id!r} differs from the applicant in {', '.join(fields)}; repeat "
            "the applicant object unchanged among the partners"
        )
        # One field differs: its own path, for a form to point at.
        where = ("project", "partners", index, "actor", *(fields if len(fields) == 1 else ()))
        raise at_path(where, reason)


@exact_decimals
def parse_case(data: str | bytes) -> RelayCase:
    """
    Read a relay case from its JSON document.

    Args:
        data: The JSON text (UTF-8 when bytes).

    Returns:
        The domain case.

    Raises:
        DocumentError: Whose ``problems`` name the path of each bad field
            and why (a key given twice in one object among them), or
            ``invalid JSON: ...`` with the line and column of a syntax error;
            its message joins them on one line.
    """
    data = refuse_duplicate_keys(data)
    try:
        # The model's own validator: model_validate_json would check the text a second time.
        model = cast("RelayCaseModel", RelayCaseModel.__pydantic_validator__.validate_json(data))
    except ValidationError as exc:
        raise document_error(exc, union_tags=ACTOR_TAGS) from None
    return model.to_domain()


_MAX_INDENT = 100


def dump_case(case: RelayCase, *, indent: int | None = 2) -> str:
    """
    Write *case* as its JSON document (amounts as decimal strings).

    :func:`parse_case` reads it back to an equal case.

    Args:
        case: The case.
        indent: Spaces per level of nesting, or ``None`` for one line.

    Raises:
        WrongTypeError: If *case* is not a
            :class:`~poles_policy.model.cases.RelayCase` (a request is not a
            case: ``RelayCase(case_id=..., request=...)`` makes one), or
            *indent* is not a whole number from 0 to 100 or ``None``.

    >>> from poles_policy.data.demo import demo_cases
    >>> case = demo_cases()[0]
    >>> dump_case(case, indent=None)[:36]
    '{"case_id":"demo-01","applicant":{"k'
    >>> parse_case(dump_case(case)) == case
    True
    """
    given: object = case  # a caller's slip may be anything
    if not isinstance(given, _RelayCase):
        msg = f"dump_case: case must be a RelayCase, not {type(given).__name__}"
        raise WrongTypeError(msg)
    if indent is not None and (type(indent) is not int or not 0 <= indent <= _MAX_INDENT):
        msg = f"dump_case: indent must be a whole number from 0 to 100, or None, not {indent!r}"
        raise WrongTypeError(msg)
    return RelayCaseModel.from_domain(case).model_dump_json(indent=indent)
