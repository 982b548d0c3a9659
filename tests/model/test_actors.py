from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from poles_policy.exceptions import InvalidInputError
from poles_policy.model.actors import (
    Accounts,
    AuthorityLevel,
    Bank,
    CooperationKind,
    CooperationStructure,
    Enterprise,
    LocalAuthority,
    Oseo,
    RelatedEnterprise,
    ResearchKind,
    ResearchOrganisation,
    StateBody,
    StateKind,
)

if TYPE_CHECKING:
    from collections.abc import Callable

END_2008 = date(2008, 12, 31)
END_2009 = date(2009, 12, 31)

negative_cents = st.integers(max_value=-1, min_value=-(10**12)).map(lambda c: Decimal(c).scaleb(-2))
shares_above_one = st.decimals(min_value=Decimal("1.0001"), max_value=Decimal(1000), places=4)
shares_below_zero = st.decimals(min_value=Decimal(-1000), max_value=Decimal("-0.0001"), places=4)


def accounts(end: date = END_2008, staff: str = "12", turnover: str = "1500000.00") -> Accounts:
    return Accounts(period_end=end, staff_awu=staff, turnover=turnover, balance_sheet="900000")


# --- accounts ----------------------------------------------------------------------------------


def test_accounts_convert_amounts_to_exact_cents() -> None:
    a = accounts(turnover="1500000.5")
    assert a.turnover == Decimal("1500000.50")
    assert a.balance_sheet == Decimal("900000.00")
    assert a.staff_awu == Decimal(12)


def test_staff_may_be_a_fraction_of_a_work_unit() -> None:
    assert accounts(staff="12.75").staff_awu == Decimal("12.75")


@pytest.mark.parametrize("value", [1.5, True])
def test_a_float_or_a_bool_is_not_a_staff_count(value: object) -> None:
    with pytest.raises(InvalidInputError, match="staff_awu"):
        Accounts(period_end=END_2008, staff_awu=value, turnover=0, balance_sheet=0)  # type: ignore[arg-type]


def test_a_float_is_not_money() -> None:
    with pytest.raises(InvalidInputError, match="float"):
        Accounts(period_end=END_2008, staff_awu=1, turnover=0.1, balance_sheet=0)  # type: ignore[arg-type]


def test_money_with_more_than_two_decimals_is_refused() -> None:
    with pytest.raises(InvalidInputError, match="more than two decimals"):
        accounts(turnover="1.005")


@given(negative_cents)
def test_a_negative_amount_never_builds_accounts(amount: Decimal) -> None:
    with pytest.raises(InvalidInputError, match=r"Accounts\.turnover: .* is negative"):
        Accounts(period_end=END_2008, staff_awu=1, turnover=amount, balance_sheet=0)
    with pytest.raises(InvalidInputError, match=r"Accounts\.balance_sheet: .* is negative"):
        Accounts(period_end=END_2008, staff_awu=1, turnover=0, balance_sheet=amount)


@given(st.decimals(max_value=Decimal("-0.01"), min_value=Decimal(-(10**6)), places=2))
def test_a_negative_staff_never_builds_accounts(staff: Decimal) -> None:
    with pytest.raises(InvalidInputError, match=r"Accounts\.staff_awu: .* is negative"):
        Accounts(period_end=END_2008, staff_awu=staff, turnover=0, balance_sheet=0)


# --- related enterprises -----------------------------------------------------------------------


@given(st.one_of(shares_above_one, shares_below_zero))
def test_a_share_outside_0_1_never_builds_a_related_enterprise(value: Decimal) -> None:
    with pytest.raises(InvalidInputError, match=r"RelatedEnterprise\.share: .* between 0 and 1"):
        RelatedEnterprise(name="Synthetic Partner SA", share=value)


@given(st.decimals(min_value=0, max_value=1, places=4))
def test_a_share_inside_0_1_builds_a_related_enterprise(value: Decimal) -> None:
    assert RelatedEnterprise(name="Synthetic Partner SA", share=value).share == value


def test_a_related_enterprise_sorts_its_accounts_and_refuses_a_period_twice() -> None:
    late, early = accounts(END_2009), accounts(END_2008)
    related = RelatedEnterprise(name="Synthetic Partner SA", share="0.3", accounts=[late, early])
    assert related.accounts == (early, late)
    with pytest.raises(InvalidInputError, match="accounting period '2008-12-31' appears twice"):
        RelatedEnterprise(name="Synthetic Partner SA", share="0.3", accounts=[early, early])


def test_a_related_enterprise_needs_a_name() -> None:
    with pytest.raises(InvalidInputError, match=r"RelatedEnterprise\.name"):
        RelatedEnterprise(name=" ", share="0.3")


# --- enterprises -------------------------------------------------------------------------------


def test_an_enterprise_sorts_its_accounts_oldest_first() -> None:
    late, early = accounts(END_2009), accounts(END_2008)
    firm = Enterprise(id="synthetic-1", name="Synthetic SARL", accounts=[late, early])
    assert firm.accounts == (early, late)


def test_an_enterprise_refuses_the_same_period_twice() -> None:
    with pytest.raises(InvalidInputError, match="appears twice"):
        Enterprise(id="synthetic-1", name="Synthetic SARL", accounts=[accounts(), accounts()])


def test_an_enterprise_refuses_a_related_enterprise_given_twice() -> None:
    # Its staff and figures would be added twice: 310 AWU and a large enterprise, for 230.
    holding = RelatedEnterprise(name="Holding SA", share="0.40", accounts=[accounts()])
    other = RelatedEnterprise(name="Holding SA", share="0.10")
    for twice in ([holding, holding], [holding, other]):
        with pytest.raises(
            InvalidInputError,
            match=(
                r"^Enterprise\.related: related enterprise 'Holding SA' appears twice "
                r"\(items 0 and 1\)$"
            ),
        ):
            Enterprise(id="synthetic-1", name="Synthetic SARL", related=twice)
    # The same name, whatever its case and blanks, is the same enterprise.
    with pytest.raises(
        InvalidInputError,
        match=r"related enterprise 'HOLDING  SA ' appears twice \(items 0 and 1\)",
    ):
        Enterprise(id="s", name="S", related=[holding, attrs.evolve(other, name="HOLDING  SA ")])
    two = Enterprise(id="s", name="S", related=[holding, attrs.evolve(other, name="Fonds B")])
    assert [r.name for r in two.related] == ["Holding SA", "Fonds B"]


def test_unknown_public_ownership_is_none_not_zero() -> None:
    firm = Enterprise(id="synthetic-1", name="Synthetic SARL")
    assert firm.public_bodies_share is None
    owned = Enterprise(id="synthetic-1", name="Synthetic SARL", public_bodies_share="0")
    assert owned.public_bodies_share == Decimal(0)


@given(st.one_of(shares_above_one, shares_below_zero))
def test_public_ownership_outside_0_1_never_builds_an_enterprise(value: Decimal) -> None:
    with pytest.raises(InvalidInputError, match=r"Enterprise\.public_bodies_share"):
        Enterprise(id="synthetic-1", name="Synthetic SARL", public_bodies_share=value)


@pytest.mark.parametrize("field", ["id", "name"])
def test_an_enterprise_needs_an_id_and_a_name(field: str) -> None:
    ident, name = ("", "Synthetic SARL") if field == "id" else ("synthetic-1", "")
    with pytest.raises(InvalidInputError, match=rf"Enterprise\.{field}: must not be empty"):
        Enterprise(id=ident, name=name)


# --- the other actors --------------------------------------------------------------------------


def test_every_actor_kind_builds_with_its_facts() -> None:
    lab = ResearchOrganisation(id="lab", name="Synthetic Lab", kind=ResearchKind.LABORATORY)
    assert lab.public
    carnot = CooperationStructure(
        id="carnot",
        name="Synthetic Carnot",
        kind=CooperationKind.INSTITUT_CARNOT,
        founders=["lab"],
    )
    assert carnot.founders == ("lab",)
    region = LocalAuthority(id="ra", name="Région Synthétique", level=AuthorityLevel.REGION)
    assert region.region is None
    prefet = StateBody(
        id="prefet", name="Préfet synthétique", kind=StateKind.PREFET_DE_REGION, region="82"
    )
    assert prefet.region == "82"
    assert Bank(id="bank", name="Synthetic Bank").name == "Synthetic Bank"
    assert Oseo(id="oseo", name="OSEO (synthetic office)").id == "oseo"


@pytest.mark.parametrize(
    "build",
    [
        lambda: ResearchOrganisation(id="", name="L", kind=ResearchKind.LABORATORY),
        lambda: CooperationStructure(id="c", name="", kind=CooperationKind.PRES),
        lambda: LocalAuthority(id="", name="R", level=AuthorityLevel.REGION),
        lambda: StateBody(id="s", name=" ", kind=StateKind.MINISTRY),
        lambda: Bank(id="", name="B"),
        lambda: Oseo(id="o", name=""),
    ],
)
def test_no_actor_without_an_id_or_a_name(build: Callable[[], object]) -> None:
    with pytest.raises(InvalidInputError, match="must not be empty"):
        build()
