"""
The OSEO counter-guarantee of a relay loan (contre-garantie OSEO, RELAY.5).

"Cet établissement bancaire peut solliciter une contre-garantie OSEO": the
bank *may* ask OSEO to counter-guarantee its relay advance. Asking is the
bank's choice, not a condition of the scheme, so a bank that does not ask
makes the guarantee *not applicable*, never *not met*. When it asks, OSEO
covers ``relay.oseo.guarantee_share`` (50 %) of the advance for a yearly fee
of ``relay.oseo.guarantee_fee_rate`` (about 0.8 %) of the guaranteed amount
outstanding; both are read at the request date.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar

import attrs

from poles_policy.exceptions import InvalidInputError, ParameterError
from poles_policy.explain import Check, Fact, Status, Text, fr_amount, fr_percent, fr_the
from poles_policy.model.relay import RelayRequest
from poles_policy.money import Eur, eur, exact_decimals, rate_of
from poles_policy.rules._inputs import expect, expect_params
from poles_policy.rules.relay._explained import Explained, either, settle

if TYPE_CHECKING:
    from poles_policy.parameters import ParameterSet

__all__ = ["ASK_COUNTER_GUARANTEE", "Guarantee", "counter_guarantee"]

_CLAUSES = ("RELAY.5",)
_SHARE = "relay.oseo.guarantee_share"
_FEE_RATE = "relay.oseo.guarantee_fee_rate"
_LABEL = Text("OSEO counter-guarantee", "contre-garantie OSEO")

ASK_COUNTER_GUARANTEE = Fact(
    path="request.oseo_counter_guarantee",
    question=Text(
        "Does the bank ask OSEO for a counter-guarantee?",
        "La banque sollicite-t-elle une contre-garantie OSEO ?",
    ),
)
"""The fact to ask for when it is not known whether the bank asks OSEO."""


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Guarantee(Explained):
    """
    The OSEO counter-guarantee of one relay loan (RELAY.5).

    The figures are ``None`` unless the bank asks: when it does not
    (``asked=False``) there is no guarantee to size (the check is
    NOT_APPLICABLE and a cost rule counts a fee of ``0.00``); when it is not
    known (``asked=None``) the check is UNKNOWN and asks for
    ``request.oseo_counter_guarantee``.

    A rule may pass ``deferred`` (a function building the check) instead of
    ``check``: the check and its bilingual explanation are then built the
    first time they are read, so a caller that only needs the figures does
    not pay for the explanation.

    Attributes:
        asked: Whether the bank asks OSEO, or ``None`` if not known.
        share: The share of the advance OSEO covers, e.g. ``Decimal("0.50")``.
        covered: ``principal × share``, rounded half up once to the cent.
        annual_fee_rate: The yearly fee, as a share of the guaranteed
            amount outstanding, e.g. ``Decimal("0.008")``.
        check: The explanation (key ``relay.counter_guarantee``), with the
            parameters read.

    >>> from poles_policy.data.demo import demo_cases
    >>> from poles_policy.parameters import default_parameters
    >>> request = demo_cases()[20].request  # 280 000 EUR asked on 2009-03-16
    >>> guarantee = counter_guarantee(request, request.amount, default_parameters())
    >>> guarantee.asked, guarantee.share, guarantee.covered, guarantee.annual_fee_rate
    (True, Decimal('0.50'), Decimal('140000.00'), Decimal('0.008'))
    """

    _NAMES: ClassVar = ("asked", "share", "covered", "annual_fee_rate", "check")

    asked: bool | None
    share: Decimal | None
    covered: Eur | None
    annual_fee_rate: Decimal | None
    _check: Check | None = attrs.field(default=None, alias="check", repr=False)
    _deferred: Callable[[], Check] | None = attrs.field(default=None, alias="deferred", repr=False)

    def __attrs_post_init__(self) -> None:
        either(self._check, self._deferred, "a guarantee")

    @property
    def check(self) -> Check:
        """The explanation (built on first access when deferred)."""
        check = self._check
        return settle(self, "_check", self._deferred) if check is None else check


def _pct(share: Decimal) -> str:
    return f"{(share * 100).normalize():f} %"


def _bank(request: RelayRequest) -> tuple[str, str]:
    """The bank's name in English and French (with its article): its own, or "the bank"."""
    if request.bank is not None:
        return request.bank.name, fr_the(request.bank.name)
    return "the bank", "la banque"


def _unknown_check(request: RelayRequest) -> Check:
    bank, banque = _bank(request)
    return Check(
        key="relay.counter_guarantee",
        clauses=_CLAUSES,
        label=_LABEL,
        status=Status.UNKNOWN,
        reason=Text(
            f"not known whether {bank} asks OSEO for a counter-guarantee",
            f"on ne sait pas si {banque} sollicite une contre-garantie OSEO",
        ),
        missing=(ASK_COUNTER_GUARANTEE,),
    )


def _not_asked_check(request: RelayRequest) -> Check:
    bank, banque = _bank(request)
    return Check(
        key="relay.counter_guarantee",
        clauses=_CLAUSES,
        label=_LABEL,
        status=Status.NOT_APPLICABLE,
        reason=Text(
            f"{bank} does not ask OSEO for a counter-guarantee (it may, it need not)",
            # Neutral wording: the bank's name may be masculine ("le Crédit Agricole").
            f"{banque} ne sollicite pas de contre-garantie OSEO (c'est une faculté, "
            "non une obligation)",
        ),
    )


def _asked_check(  # noqa: PLR0913 - the request, the parameters and the figures computed
    request: RelayRequest,
    params: ParameterSet,
    *,
    amount: Eur,
    share: Decimal,
    covered: Eur,
    fee_rate: Decimal,
) -> Check:
    bank, banque = _bank(request)
    on = request.requested_on
    share_pct, fee_pct = _pct(share), _pct(fee_rate)
    part, commission = fr_percent(share), fr_percent(fee_rate)
    return Check(
        key="relay.counter_guarantee",
        clauses=_CLAUSES,
        label=_LABEL,
        status=Status.MET,
        reason=Text(
            f"{bank} asks OSEO: {share_pct} of {amount} EUR covered = {covered} EUR, "
            f"for {fee_pct} a year of the guaranteed amount outstanding",
            f"{banque} sollicite OSEO : {part} de {fr_amount(amount)} couverts = "
            f"{fr_amount(covered)}, pour {commission} par an de l'encours garanti",
        ),
        parameters=tuple(
            [u for u in (params.use(_SHARE, on), params.use(_FEE_RATE, on)) if u is not None]
        ),
    )


@exact_decimals
def counter_guarantee(request: RelayRequest, principal: Decimal, params: ParameterSet) -> Guarantee:
    """
    Size the OSEO counter-guarantee of a relay advance of *principal* (RELAY.5).

    Args:
        request: The relay request; ``oseo_counter_guarantee`` says whether
            the bank asks OSEO, and its date is when the parameters are read.
        principal: The amount the bank advances (positive, exact to the cent).
        params: Policy parameters (``relay.oseo.guarantee_share`` and
            ``relay.oseo.guarantee_fee_rate``).

    Returns:
        The guarantee: MET with its share, covered amount and fee rate when
        the bank asks; NOT_APPLICABLE when it does not; UNKNOWN when that is
        not known. Its check is built when first read.

    Raises:
        InvalidInputError: If *principal* is not a positive amount exact to
            the cent.
        ParameterError: If the bank asks and a guarantee parameter has no
            value on the request date (before the pilot, which a reform
            opening the scheme earlier may admit); the message says when the
            parameter has values.

    >>> from datetime import date
    >>> from decimal import Decimal
    >>> from poles_policy.model.actors import Enterprise
    >>> from poles_policy.model.projects import CollaborativeProject
    >>> from poles_policy.model.relay import RelayRequest
    >>> from poles_policy.parameters import default_parameters
    >>> request = RelayRequest(
    ...     id="r",
    ...     applicant=Enterprise(id="e", name="E"),
    ...     project=CollaborativeProject(id="p", name="P"),
    ...     requested_on=date(2009, 4, 6),
    ...     amount=Decimal("150000.01"),
    ...     oseo_counter_guarantee=True,
    ... )
    >>> counter_guarantee(request, request.amount, default_parameters()).covered
    Decimal('75000.01')
    """
    expect(request, RelayRequest, "request", "counter_guarantee")
    expect_params(params, "counter_guarantee")
    amount = eur(principal, field="principal")
    if amount <= 0:
        msg = f"counter_guarantee: principal: {amount} is not a positive amount"
        raise InvalidInputError(msg)
    asked = request.oseo_counter_guarantee
    if asked is None:
        return Guarantee(
            asked=None,
            share=None,
            covered=None,
            annual_fee_rate=None,
            deferred=lambda: _unknown_check(request),
        )
    if not asked:
        return Guarantee(
            asked=False,
            share=None,
            covered=None,
            annual_fee_rate=None,
            deferred=lambda: _not_asked_check(request),
        )
    on = request.requested_on
    try:
        share = params.decimal(_SHARE, on)
        fee_rate = params.decimal(_FEE_RATE, on)
    except ParameterError as exc:
        # A reform that opens the scheme before the pilot must give OSEO's terms for those days.
        msg = (
            f"counter_guarantee: the bank asks OSEO on {on.isoformat()}, but {exc}. A parameter "
            "set that admits requests of that date must also give the guarantee's terms for it "
            "(ParameterSet.override with valid_from)"
        )
        raise ParameterError(msg) from None
    covered = rate_of(amount, share)
    return Guarantee(
        asked=True,
        share=share,
        covered=covered,
        annual_fee_rate=fee_rate,
        deferred=lambda: _asked_check(
            request, params, amount=amount, share=share, covered=covered, fee_rate=fee_rate
        ),
    )
