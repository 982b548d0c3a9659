"""
A portfolio of relay cases as arrays: the facts the eligibility rule reads, taken once.

Most of what decides a relay request does not depend on the parameters: who
the applicant is, whether it is a partner, when the project was labelled and
the letter issued, how much subsidy remains. :class:`RelayPortfolio` reads
these facts from each case once, so that deciding the whole portfolio under
another parameter set (a reform) costs a few array operations
(:func:`poles_policy.scenarios.screening.screen`).

Amounts are held as whole cents: exact, never floats.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, NamedTuple, cast

import attrs
import numpy as np
import numpy.typing as npt

from poles_policy._arguments import refuse
from poles_policy.exceptions import InvalidInputError
from poles_policy.explain import Status
from poles_policy.model.actors import Enterprise, actor_region
from poles_policy.model.cases import RelayCase
from poles_policy.model.poles import Pole
from poles_policy.model.regions import region as lookup_region
from poles_policy.parameters import ParameterSet
from poles_policy.rules._inputs import poles_by_id
from poles_policy.rules._labels import labelled
from poles_policy.rules.relay.eligibility import prefinanceable
from poles_policy.scenarios._arrays import CentsArray, Flags, cents, cents_array, read_only

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from datetime import date


__all__ = [
    "MET",
    "NOT_APPLICABLE",
    "NOT_MET",
    "STATUSES",
    "UNKNOWN",
    "CentsArray",
    "Flags",
    "RelayPortfolio",
    "cents",
    "require",
]

# A status is held as a small integer in the arrays; STATUSES[code] is the Status.
MET: Final = 0
NOT_MET: Final = 1
UNKNOWN: Final = 2
NOT_APPLICABLE: Final = 3
STATUSES: Final = (Status.MET, Status.NOT_MET, Status.UNKNOWN, Status.NOT_APPLICABLE)
"""The status of each code held in a portfolio's arrays: ``STATUSES[code]``."""
_ONE: Final = Decimal(1)


class _Facts(NamedTuple):
    """What eligibility and the counter-guarantee read of one case."""

    on: date
    region: str | None
    enterprise: bool
    partner: bool
    labelled: int
    state_aid: int
    letter: int
    remaining: int
    amount: int
    principal: int
    oseo: int


def _facts(case: RelayCase, poles: Mapping[str, Pole] | None) -> _Facts:
    request = case.request
    day = request.requested_on
    applicant = request.applicant
    project = request.project
    code = actor_region(applicant)
    if code is not None:
        try:
            lookup_region(code, day)
        except InvalidInputError as error:
            msg = f"case {case.case_id!r}: {error}"
            raise InvalidInputError(msg) from error
    aids = project.state_aid_for(applicant.id)
    granted = aids is not None and any(a.granted > 0 for a in aids)
    issued = project.selection_letter_on
    asked = request.oseo_counter_guarantee
    return _Facts(
        on=day,
        region=code,
        enterprise=isinstance(applicant, Enterprise),
        partner=project.partner(applicant.id) is not None,
        labelled=STATUSES.index(labelled(project.labels, day, poles)),
        state_aid=UNKNOWN if aids is None else MET if granted else NOT_MET,
        letter=UNKNOWN if issued is None else MET if issued <= day else NOT_MET,
        remaining=cents(prefinanceable(aids, day, _ONE)[0]) if aids and granted else 0,
        amount=cents(request.amount),
        principal=cents(request.amount if case.loan is None else case.loan.principal),
        oseo=-1 if asked is None else int(asked),
    )


def _cases(values: Iterable[RelayCase]) -> tuple[RelayCase, ...]:
    """Return *values* as a tuple of cases with distinct ids, or refuse them."""
    given: object = values  # a caller's slip may be anything
    if isinstance(given, str | bytes | RelayCase) or not hasattr(given, "__iter__"):
        refuse("RelayPortfolio", "cases", "a list of RelayCase", given)
    items: tuple[object, ...] = tuple(values)
    seen: set[str] = set()
    for position, item in enumerate(items):
        if not isinstance(item, RelayCase):  # typed callers cannot, others may
            msg = f"item {position} of the portfolio is a {type(item).__name__}, not a case"
            raise InvalidInputError(msg)
        if item.case_id in seen:
            msg = f"case {item.case_id!r} appears twice in the portfolio"
            raise InvalidInputError(msg)
        seen.add(item.case_id)
    # *values* may be a generator, read once above: return what was read.
    return cast("tuple[RelayCase, ...]", items)


def _poles(values: Iterable[Pole] | None) -> tuple[Pole, ...] | None:
    """Return *values* as a tuple of pôles with distinct ids, or refuse them."""
    return None if values is None else tuple(poles_by_id(values).values())


@attrs.frozen(eq=False, kw_only=True)
class RelayPortfolio:
    """
    Relay cases, with the facts eligibility reads as one array per fact.

    Build one with :meth:`from_cases` (or ``RelayPortfolio(cases=...)``):
    every array is read from the cases, so the arrays always describe them
    (``attrs.evolve(portfolio, cases=...)`` reads them again). Row *i* of every
    array describes ``cases[i]``; statuses are codes into :data:`STATUSES`.
    The arrays are read-only.

    Attributes:
        cases: The cases, in the order given.
        poles: The labelling pôles whose histories decide whether a label
            counts (as :func:`~poles_policy.rules.relay.eligibility` reads
            them), or ``None`` to take every label as recorded.
        case_ids: Each case's id (unique within the portfolio).
        requested_on: Each request's date (``datetime64[D]``).
        regions: The distinct region codes of the applicants, sorted.
        region_index: Each applicant's region as an index into *regions*,
            ``-1`` when its region is not known.
        enterprise: Whether each applicant is an enterprise (RELAY.2).
        partner: Whether each applicant is a partner of its project (RELAY.2).
        labelled: Status of "labelled by a pôle on or before the request".
        state_aid: Status of "the State aids the applicant" (unknown when
            the project's aid decisions are not known).
        letter: Status of "the selection letter was issued on or before the
            request" (RELAY.3).
        remaining: The State subsidy still to be received on the request
            date, in cents (0 where there is no known State subsidy).
        amount: The requested amount, in cents.
        principal: The relay's principal, in cents: the loan's when the case
            has one, else the requested amount.
        oseo: Whether the bank asks OSEO for a counter-guarantee (RELAY.5):
            1 asked, 0 not asked, -1 not known.

    >>> from poles_policy.data.demo import demo_cases
    >>> portfolio = RelayPortfolio.from_cases(demo_cases())
    >>> len(portfolio), portfolio.regions[:3]
    (50, ('11', '31', '42'))
    """

    cases: tuple[RelayCase, ...] = attrs.field(converter=_cases)
    poles: tuple[Pole, ...] | None = attrs.field(default=None, converter=_poles, repr=False)
    case_ids: tuple[str, ...] = attrs.field(init=False)
    requested_on: npt.NDArray[np.datetime64] = attrs.field(init=False, repr=False)
    regions: tuple[str, ...] = attrs.field(init=False)
    region_index: npt.NDArray[np.intp] = attrs.field(init=False, repr=False)
    enterprise: Flags = attrs.field(init=False, repr=False)
    partner: Flags = attrs.field(init=False, repr=False)
    labelled: npt.NDArray[np.int8] = attrs.field(init=False, repr=False)
    state_aid: npt.NDArray[np.int8] = attrs.field(init=False, repr=False)
    letter: npt.NDArray[np.int8] = attrs.field(init=False, repr=False)
    remaining: CentsArray = attrs.field(init=False, repr=False)
    amount: CentsArray = attrs.field(init=False, repr=False)
    principal: CentsArray = attrs.field(init=False, repr=False)
    oseo: npt.NDArray[np.int8] = attrs.field(init=False, repr=False)
    _positions: dict[str, int] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        """Read every case's facts into the arrays, and index the case ids."""
        index = None if self.poles is None else {pole.id: pole for pole in self.poles}
        rows = [_facts(case, index) for case in self.cases]
        codes = [row.region for row in rows]
        regions = tuple(sorted({c for c in codes if c is not None}))
        where = {code: i for i, code in enumerate(regions)}

        def column(name: str, dtype: type[np.generic]) -> npt.NDArray[Any]:
            return np.array([getattr(row, name) for row in rows], dtype=dtype)

        fields: dict[str, object] = {
            "case_ids": tuple(c.case_id for c in self.cases),
            "requested_on": np.array([row.on for row in rows], dtype="datetime64[D]"),
            "regions": regions,
            "region_index": np.array([-1 if c is None else where[c] for c in codes], dtype=np.intp),
            "enterprise": column("enterprise", np.bool_),
            "partner": column("partner", np.bool_),
            "labelled": column("labelled", np.int8),
            "state_aid": column("state_aid", np.int8),
            "letter": column("letter", np.int8),
            "remaining": cents_array([row.remaining for row in rows]),
            "amount": cents_array([row.amount for row in rows]),
            "principal": cents_array([row.principal for row in rows]),
            "oseo": column("oseo", np.int8),
        }
        for name, value in fields.items():
            object.__setattr__(
                self, name, read_only(value) if isinstance(value, np.ndarray) else value
            )
        positions = {case.case_id: i for i, case in enumerate(self.cases)}
        object.__setattr__(self, "_positions", positions)

    def __repr__(self) -> str:
        """
        Describe the portfolio in one short line: a notebook shows it whatever its size.

        >>> from poles_policy.data.demo import demo_cases
        >>> RelayPortfolio.from_cases(demo_cases())
        <RelayPortfolio: 50 cases (demo-01, demo-02, demo-03, ...), 9 regions>
        """
        shown = ", ".join([*self.case_ids[:3], "..."] if len(self) > 3 else self.case_ids)
        listed = f" ({shown})" if shown else ""
        poles = "" if self.poles is None else f", {len(self.poles)} labelling pôles"
        return f"<RelayPortfolio: {len(self)} cases{listed}, {len(self.regions)} regions{poles}>"

    def __len__(self) -> int:
        """The number of cases."""
        return len(self.cases)

    @classmethod
    def from_cases(
        cls, cases: Iterable[RelayCase], *, poles: Iterable[Pole] | None = None
    ) -> RelayPortfolio:
        """
        Read the facts of every case in *cases*.

        Args:
            cases: Relay cases, each with a distinct case id.
            poles: The labelling pôles, with their labelling histories (for
                instance :func:`poles_policy.data.rhone_alpes_poles`): a
                label then counts only if its pôle held its own label that
                day, as :func:`~poles_policy.rules.relay.eligibility` decides
                with the same pôles. ``None`` (the default) takes every label
                as recorded.

        Returns:
            The portfolio, its rows in the order of *cases*.

        Raises:
            InvalidInputError: If an item is not a :class:`RelayCase`, two
                cases share an id, an applicant's region code did not
                exist on its request date (the message names the case), or
                two of *poles* share an id.
            WrongTypeError: If *cases* is not a list of cases, or *poles*
                not a list of pôles.
        """
        return cls(cases=cases, poles=poles)

    def case(self, case_id: str) -> RelayCase:
        """
        Return the case whose id is *case_id*.

        Raises:
            KeyError: If no case of the portfolio has that id.
            WrongTypeError: If *case_id* is not a string.
        """
        given: object = case_id  # a caller's slip may be anything
        if not isinstance(given, str):
            refuse("RelayPortfolio.case", "case_id", "a string", given)
        position = self._positions.get(case_id)
        if position is None:
            msg = f"no case {case_id!r} in the portfolio"
            raise KeyError(msg)
        return self.cases[position]


def require(function: str, portfolio: object, **params: object) -> None:
    """
    Check the arguments of a scenario function, for a message that names them.

    *params* maps each parameter-set argument's name, as the caller wrote it
    (``params``, ``reform``, ``scenarios['national']``), to its value.

    Raises:
        WrongTypeError: If *portfolio* is not a :class:`RelayPortfolio` or one
            of *params* is not a :class:`~poles_policy.parameters.ParameterSet`
            (a :class:`TypeError` too).
    """
    if not isinstance(portfolio, RelayPortfolio):
        refuse(
            function, "portfolio", "a RelayPortfolio (RelayPortfolio.from_cases(cases))", portfolio
        )
    for name, value in params.items():
        if not isinstance(value, ParameterSet):
            refuse(
                function,
                name,
                "a ParameterSet (default_parameters() or a reform of it)",
                value,
            )
