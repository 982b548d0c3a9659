from __future__ import annotations

import json
import string
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter

from poles_policy.boundary._base import build_one, validate_json
from poles_policy.boundary.actors import (
    AccountsModel,
    ActorIn,
    ActorModel,
    EnterpriseModel,
    RelatedEnterpriseModel,
    ResearchOrganisationModel,
    StateBodyModel,
    actor_from_domain,
    actor_from_json,
    actor_to_domain,
)
from poles_policy.boundary.case import parse_case
from poles_policy.boundary.poles import (
    GoverningBodyModel,
    LabelEventModel,
    PoleModel,
    StateCorrespondentModel,
)
from poles_policy.boundary.regions import RegionModel
from poles_policy.data.reference import rhone_alpes_poles
from poles_policy.exceptions import DocumentError, InvalidInputError
from poles_policy.model._validators import readable
from poles_policy.model.actors import (
    Accounts,
    Actor,
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
from poles_policy.model.poles import (
    EVALUATED_IF_LABELLED_BY,
    Category,
    EvaluationGroup,
    GoverningBody,
    LabelEvent,
    LabelEventKind,
    Pole,
    StateCorrespondent,
)
from poles_policy.model.regions import Region, RegionKind, all_regions, regions_on

# --- strategies (valid by construction) --------------------------------------------------------

IDS = st.text(alphabet=string.ascii_lowercase + string.digits + "-", min_size=1, max_size=10)
NAMES = st.text(min_size=1, max_size=16).filter(readable)
DATES = st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))
MONEY = st.integers(min_value=0, max_value=10**13).map(lambda c: Decimal(c).scaleb(-2))
AWU = st.decimals(min_value=0, max_value=100000, places=3)
SHARES = st.decimals(min_value=0, max_value=1, places=4)
CODES = sorted({r.code for r in all_regions()})
REGION_CODES = st.sampled_from(CODES)
HOLDING = (LabelEventKind.LABELLED, LabelEventKind.CONFIRMED)
OPTIONAL_REGION = st.none() | REGION_CODES


@st.composite
def accounts_lists(draw: st.DrawFn) -> list[Accounts]:
    ends = draw(st.lists(DATES, unique=True, max_size=3))
    return [
        Accounts(
            period_end=end,
            staff_awu=draw(AWU),
            turnover=draw(MONEY),
            balance_sheet=draw(MONEY),
        )
        for end in ends
    ]


related_enterprises = st.builds(
    RelatedEnterprise,
    name=NAMES,
    share=SHARES,
    accounts=accounts_lists(),
    exempt_investor=st.booleans(),
)
enterprises = st.builds(
    Enterprise,
    id=IDS,
    name=NAMES,
    region=OPTIONAL_REGION,
    accounts=accounts_lists(),
    # Names told apart as the domain tells them: regardless of case and blanks.
    related=st.lists(
        related_enterprises, max_size=2, unique_by=lambda r: " ".join(r.name.split()).casefold()
    ),
    public_bodies_share=st.none() | SHARES,
)
actors: st.SearchStrategy[Actor] = st.one_of(
    enterprises,
    st.builds(
        ResearchOrganisation,
        id=IDS,
        name=NAMES,
        kind=st.sampled_from(ResearchKind),
        region=OPTIONAL_REGION,
    ),
    # A body that may be public said to be private (a private non-profit centre never is public).
    st.builds(
        ResearchOrganisation,
        id=IDS,
        name=NAMES,
        kind=st.sampled_from(ResearchKind),
        public=st.sampled_from([False]),
        region=OPTIONAL_REGION,
    ),
    st.builds(
        CooperationStructure,
        id=IDS,
        name=NAMES,
        kind=st.sampled_from(CooperationKind),
        founders=st.lists(IDS, unique=True, max_size=3),
    ),
    st.builds(
        LocalAuthority,
        id=IDS,
        name=NAMES,
        level=st.sampled_from(AuthorityLevel),
        region=OPTIONAL_REGION,
    ),
    st.builds(
        StateBody, id=IDS, name=NAMES, kind=st.sampled_from(StateKind), region=OPTIONAL_REGION
    ),
    st.builds(Bank, id=IDS, name=NAMES),
    st.builds(Oseo, id=IDS, name=NAMES),
)


@st.composite
def regions(draw: st.DrawFn) -> Region:
    kind = draw(st.sampled_from(RegionKind))
    start = draw(st.none() | DATES)
    end = draw(st.none() | DATES) if kind is not RegionKind.HISTORIC else draw(DATES)
    if start is not None and end is not None and end < start:
        start, end = end, start
    return Region(
        code=draw(REGION_CODES),
        name=draw(NAMES),
        valid_from=start,
        valid_until=end,
        kind=kind,
        successor=draw(REGION_CODES) if kind is RegionKind.HISTORIC else None,
    )


@st.composite
def poles(draw: st.DrawFn) -> Pole:
    # A possible history (it starts with a label, withdraws only a label held the day before)
    # and regions in force on its first event, as a pôle requires.
    events: list[tuple[LabelEventKind, date]] = []
    day = draw(DATES)
    for _ in range(draw(st.integers(min_value=0, max_value=4))):
        held = bool(events) and events[-1][0] is not LabelEventKind.DELABELLED
        # A history starts with a label or a confirmation; after a withdrawal, only a new label.
        kinds = HOLDING if not events else (LabelEventKind.LABELLED,)
        kind = draw(st.sampled_from(tuple(LabelEventKind) if held else kinds))
        if events:
            day += timedelta(days=draw(st.integers(min_value=1, max_value=2000)))
        events.append((kind, day))
    pool = sorted(r.code for r in regions_on(events[0][1])) if events else CODES
    codes = draw(st.lists(st.sampled_from(pool), unique=True, min_size=1, max_size=4))
    return Pole(
        id=draw(IDS),
        name=draw(NAMES),
        category=draw(st.sampled_from(Category)),
        themes=draw(st.lists(NAMES, unique=True, max_size=3)),
        head_office_region=codes[0],
        other_regions=codes[1:],
        governing_body=draw(st.none() | st.builds(GoverningBody, name=NAMES, legal_form=NAMES)),
        state_correspondent=draw(
            st.none() | st.builds(StateCorrespondent, name=NAMES, service=NAMES)
        ),
        # A pôle first labelled after 2008 was not evaluated: it has no group.
        evaluation_group_2008=draw(
            st.none() | st.sampled_from(EvaluationGroup) if _may_have_a_group(events) else st.none()
        ),
        history=[LabelEvent(kind=k, on=d, source=draw(NAMES)) for k, d in events],
    )


def _may_have_a_group(events: list[tuple[LabelEventKind, date]]) -> bool:
    if not events or events[0][0] is not LabelEventKind.LABELLED:
        return True
    return events[0][1] <= EVALUATED_IF_LABELLED_BY


# --- round trips: domain -> JSON -> domain is the identity -------------------------------------


@given(actors)
def test_every_actor_survives_a_json_round_trip(actor: Actor) -> None:
    text = TypeAdapter(ActorModel).dump_json(actor_from_domain(actor))
    assert actor_from_json(text) == actor


@given(enterprises)
def test_an_enterprise_survives_its_own_models_round_trip(enterprise: Enterprise) -> None:
    text = EnterpriseModel.from_domain(enterprise).model_dump_json()
    assert EnterpriseModel.model_validate_json(text).to_domain() == enterprise


@given(related_enterprises)
def test_a_related_enterprise_survives_a_json_round_trip(related: RelatedEnterprise) -> None:
    text = RelatedEnterpriseModel.from_domain(related).model_dump_json()
    assert RelatedEnterpriseModel.model_validate_json(text).to_domain() == related


@given(regions())
def test_a_region_survives_a_json_round_trip(region: Region) -> None:
    text = RegionModel.from_domain(region).model_dump_json()
    assert RegionModel.model_validate_json(text).to_domain() == region


def test_every_packaged_region_survives_a_json_round_trip() -> None:
    for region in all_regions():
        text = RegionModel.from_domain(region).model_dump_json()
        assert RegionModel.model_validate_json(text).to_domain() == region


@given(poles())
def test_a_pole_survives_a_json_round_trip(pole: Pole) -> None:
    text = PoleModel.from_domain(pole).model_dump_json()
    assert PoleModel.model_validate_json(text).to_domain() == pole


def test_every_packaged_pole_survives_a_json_round_trip() -> None:
    for pole in rhone_alpes_poles():
        text = PoleModel.from_domain(pole).model_dump_json()
        assert PoleModel.model_validate_json(text).to_domain() == pole


@given(
    st.builds(LabelEvent, kind=st.sampled_from(LabelEventKind), on=DATES, source=NAMES),
    st.builds(GoverningBody, name=NAMES, legal_form=NAMES),
    st.builds(StateCorrespondent, name=NAMES, service=NAMES),
)
def test_the_parts_of_a_pole_survive_a_json_round_trip(
    event: LabelEvent, body: GoverningBody, correspondent: StateCorrespondent
) -> None:
    assert (
        LabelEventModel.model_validate_json(
            LabelEventModel.from_domain(event).model_dump_json()
        ).to_domain()
        == event
    )
    assert (
        GoverningBodyModel.model_validate_json(
            GoverningBodyModel.from_domain(body).model_dump_json()
        ).to_domain()
        == body
    )
    assert (
        StateCorrespondentModel.model_validate_json(
            StateCorrespondentModel.from_domain(correspondent).model_dump_json()
        ).to_domain()
        == correspondent
    )


# --- the JSON shape ----------------------------------------------------------------------------


def test_amounts_and_staff_are_written_as_exact_strings() -> None:
    firm = Enterprise(
        id="synthetic-1",
        name="Synthetic SARL",
        accounts=[
            Accounts(
                period_end=date(2008, 12, 31),
                staff_awu=Decimal("12.5"),
                turnover="1250.5",
                balance_sheet=0,
            )
        ],
        public_bodies_share="0.1",
    )
    data = json.loads(EnterpriseModel.from_domain(firm).model_dump_json())
    assert data["kind"] == "enterprise"
    assert data["accounts"] == [
        {
            "period_end": "2008-12-31",
            "staff_awu": "12.5",
            "turnover": "1250.50",
            "balance_sheet": "0.00",
        }
    ]
    assert data["public_bodies_share"] == "0.1"


def test_json_numbers_are_read_exactly() -> None:
    text = (
        '{"kind": "enterprise", "id": "e", "name": "E", "public_bodies_share": 0.1,'
        ' "accounts": [{"period_end": "2008-12-31", "staff_awu": 12.25,'
        ' "turnover": 1250.5, "balance_sheet": 7}]}'
    )
    firm = actor_from_json(text)
    assert isinstance(firm, Enterprise)
    assert firm.public_bodies_share == Decimal("0.1")
    assert firm.accounts[0].staff_awu == Decimal("12.25")
    assert firm.accounts[0].turnover == Decimal("1250.50")


def test_actors_are_told_apart_by_their_kind() -> None:
    adapter = TypeAdapter(list[ActorIn])
    parsed = adapter.validate_json(
        '[{"kind": "bank", "id": "b", "name": "Synthetic Bank"},'
        ' {"kind": "state", "id": "p", "name": "Préfet", "state_kind": "prefet_de_region",'
        '  "region": "82"},'
        ' {"kind": "research_organisation", "id": "l", "name": "Lab",'
        '  "research_kind": "laboratory"},'
        ' {"kind": "cooperation_structure", "id": "c", "name": "PRES",'
        '  "structure_kind": "pres"},'
        ' {"kind": "local_authority", "id": "r", "name": "Région", "level": "region"},'
        ' {"kind": "oseo", "id": "o", "name": "OSEO"}]'
    )
    built = [actor_to_domain(m) for m in parsed]
    assert [type(a) for a in built] == [
        Bank,
        StateBody,
        ResearchOrganisation,
        CooperationStructure,
        LocalAuthority,
        Oseo,
    ]


def test_a_standalone_actor_model_needs_no_kind() -> None:
    model = StateBodyModel.model_validate({"id": "p", "name": "Préfet", "state_kind": "ministry"})
    assert model.to_domain() == StateBody(id="p", name="Préfet", kind=StateKind.MINISTRY)


def test_the_actor_union_has_a_json_schema_with_its_discriminator() -> None:
    schema = TypeAdapter(ActorModel).json_schema()
    assert schema["discriminator"]["propertyName"] == "kind"
    assert set(schema["discriminator"]["mapping"]) == {
        "enterprise",
        "research_organisation",
        "cooperation_structure",
        "local_authority",
        "state",
        "bank",
        "oseo",
    }
    assert PoleModel.model_json_schema()["properties"]["evaluation_group_2008"]


# --- errors name the JSON path -----------------------------------------------------------------


def enterprise_json(**fields: Any) -> str:
    return json.dumps({"kind": "enterprise", "id": "e", "name": "Synthetic", **fields})


def test_a_negative_amount_is_refused_with_its_path() -> None:
    text = enterprise_json(
        related=[
            {
                "name": "Partner",
                "share": "0.3",
                "accounts": [
                    {
                        "period_end": "2008-12-31",
                        "staff_awu": 1,
                        "turnover": "-5",
                        "balance_sheet": 0,
                    }
                ],
            }
        ]
    )
    with pytest.raises(InvalidInputError) as info:
        actor_from_json(text)
    # Refused when read, as the schema refuses it, not later by the domain object.
    assert str(info.value) == (
        "related.0.accounts.0.turnover: amount -5 is negative; amounts are zero or more"
    )


def test_a_share_above_one_is_refused_at_the_boundary_with_its_path() -> None:
    with pytest.raises(InvalidInputError, match=r"^public_bodies_share: share 1\.5"):
        actor_from_json(enterprise_json(public_bodies_share=1.5))


def test_an_unknown_field_or_kind_is_refused() -> None:
    with pytest.raises(InvalidInputError, match=r"^siren: "):
        actor_from_json(enterprise_json(siren="123"))
    with pytest.raises(InvalidInputError, match="kind"):
        actor_from_json('{"kind": "charity", "id": "x", "name": "X"}')
    with pytest.raises(InvalidInputError, match="kind"):
        actor_from_json('{"id": "x", "name": "X"}')


def test_a_period_given_twice_is_refused_with_the_owners_path() -> None:
    period = {"period_end": "2008-12-31", "staff_awu": 1, "turnover": 0, "balance_sheet": 0}
    with pytest.raises(InvalidInputError, match="accounting period '2008-12-31' appears twice"):
        actor_from_json(enterprise_json(accounts=[period, period]))


def _period(end: str) -> dict[str, object]:
    return {"period_end": end, "staff_awu": 1, "turnover": 0, "balance_sheet": 0}


def test_a_period_given_twice_is_named_at_its_place_in_the_document() -> None:
    # The enterprise keeps its periods oldest first; the path counts them as written.
    accounts = [_period("2009-12-31"), _period("2008-12-31"), _period("2009-12-31")]
    with pytest.raises(InvalidInputError) as caught:
        actor_from_json(enterprise_json(accounts=accounts))
    assert str(caught.value) == (
        "accounts.2: accounting period '2009-12-31' appears twice (items 0 and 2)"
    )


def test_a_related_enterprise_s_period_given_twice_is_named_at_its_path() -> None:
    related = {"name": "Partner", "share": "0.3", "accounts": [_period("2008-12-31")] * 2}
    with pytest.raises(
        InvalidInputError,
        match=r"^related\.0\.accounts\.1: accounting period '2008-12-31' appears twice "
        r"\(items 0 and 1\)$",
    ):
        actor_from_json(enterprise_json(related=[related]))


def test_a_period_given_twice_is_named_at_its_path_inside_a_case() -> None:
    # The caller's path comes first: the applicant of a relay request, say.
    model = EnterpriseModel.model_validate(
        {"id": "e", "name": "E", "accounts": [_period("2008-12-31")] * 2}
    )
    with pytest.raises(InvalidInputError) as caught:
        build_one("applicant", model.to_domain)
    assert str(caught.value).startswith("applicant.accounts.1: accounting period '2008-12-31'")


def test_a_research_body_s_public_flag_follows_its_kind_when_absent() -> None:
    def body(kind: str, **public: bool | None) -> Actor:
        return actor_from_json(
            json.dumps(
                {"kind": "research_organisation", "id": "c", "name": "C", "research_kind": kind}
                | public
            )
        )

    private = body("private_non_profit")
    assert isinstance(private, ResearchOrganisation)
    assert private.public is False
    assert body("private_non_profit", public=None) == private
    assert body("private_non_profit", public=False) == private
    lab = body("laboratory")
    assert isinstance(lab, ResearchOrganisation)
    assert lab.public is True
    assert body("laboratory", public=False) == attrs.evolve(lab, public=False)
    with pytest.raises(
        InvalidInputError,
        match=r"public: 'c', a private non-profit research centre .* leave public out: it follows",
    ):
        body("private_non_profit", public=True)


def test_the_schema_says_what_an_absent_public_flag_means() -> None:
    schema = ResearchOrganisationModel.model_json_schema()["properties"]["public"]
    assert "Absent or null: it follows research_kind" in schema["description"]
    assert schema.get("default") is None


def test_an_ambiguous_date_is_refused() -> None:
    with pytest.raises(InvalidInputError, match="ISO date"):
        validate_json(
            AccountsModel,
            '{"period_end": "31/12/2008", "staff_awu": 1, "turnover": 0, "balance_sheet": 0}',
        )


def test_a_pole_error_names_the_event_path() -> None:
    event = {"kind": "labelled", "on": "2005-07-12", "source": "s"}
    text = json.dumps(
        {
            "id": "p",
            "name": "Synthetic Pôle",
            "category": "national",
            "head_office_region": "82",
            "history": [event, {**event, "source": " "}],
        }
    )
    # The event's path, then its field: "history.1.source: ..." since the boundary places the
    # domain's errors at the JSON field (boundary/_base.py), "history.1: LabelEvent.source: ..."
    # before.
    with pytest.raises(InvalidInputError, match=r"^history\.1\.source: must not be empty$"):
        PoleModel.model_validate_json(text).to_domain()


def test_a_pole_error_on_its_regions_is_the_domains() -> None:
    text = json.dumps(
        {
            "id": "p",
            "name": "Synthetic Pôle",
            "category": "national",
            "head_office_region": "82",
            "other_regions": ["82"],
        }
    )
    with pytest.raises(InvalidInputError, match="repeats the head office region"):
        PoleModel.model_validate_json(text).to_domain()


def test_a_region_model_refuses_a_bad_code() -> None:
    with pytest.raises(InvalidInputError, match="code"):
        validate_json(RegionModel, '{"code": "8", "name": "X", "kind": "continuing"}')


def test_a_region_record_out_of_order_is_refused_by_the_domain() -> None:
    model = RegionModel(
        code="84",
        name="X",
        valid_from=date(2016, 1, 1),
        valid_until=date(2016, 1, 1) - timedelta(days=1),
        kind=RegionKind.REGION_2016,
    )
    with pytest.raises(InvalidInputError, match=r"^valid_until: 2015-12-31 is before valid_from"):
        model.to_domain()


@given(st.integers(min_value=-(10**9), max_value=-1).map(lambda c: Decimal(c).scaleb(-2)))
def test_a_negative_amount_never_becomes_a_domain_object(amount: Decimal) -> None:
    text = enterprise_json(
        accounts=[
            {
                "period_end": "2008-12-31",
                "staff_awu": 1,
                "turnover": str(amount),
                "balance_sheet": 0,
            }
        ]
    )
    with pytest.raises(InvalidInputError, match=r"^accounts\.0\.turnover: amount -"):
        actor_from_json(text)


@given(st.decimals(min_value=Decimal("1.0001"), max_value=Decimal(100), places=4))
def test_a_share_above_one_never_becomes_a_domain_object(value: Decimal) -> None:
    with pytest.raises(InvalidInputError, match="share"):
        actor_from_json(enterprise_json(related=[{"name": "P", "share": str(value)}]))


def test_an_actor_with_a_key_given_twice_is_refused() -> None:
    text = '{"kind": "enterprise", "id": "a", "name": "A", "region": "82", "region": "11"}'
    with pytest.raises(InvalidInputError, match=r"^region: given twice in one object$"):
        actor_from_json(text)


def test_a_pole_history_error_names_the_event_at_its_place_in_the_document() -> None:
    document = {
        "id": "sporaltec",
        "name": "Sporaltec",
        "category": "national",
        "head_office_region": "82",
        "history": [
            {"kind": "delabelled", "on": "2010-05-11", "source": "CIADT 11 May 2010"},
            {"kind": "delabelled", "on": "2011-05-11", "source": "typing slip"},
            {"kind": "labelled", "on": "2005-07-12", "source": "CIADT 12 July 2005"},
        ],
    }
    model = PoleModel.model_validate(document)
    # Oldest first, the slip is the pôle's third event; in the document it is item 1.
    with pytest.raises(InvalidInputError, match=r"^history\.1: delabelled on 2011-05-11, but"):
        model.to_domain()


def test_a_pole_document_with_a_group_for_a_pole_labelled_after_2008_is_refused() -> None:
    document = {
        "id": "eco",
        "name": "Synthetic eco-technology pôle",
        "category": "national",
        "head_office_region": "82",
        "evaluation_group_2008": 3,
        "history": [{"kind": "labelled", "on": "2010-05-11", "source": "CIADT 11 May 2010"}],
    }
    model = PoleModel.model_validate(document)
    with pytest.raises(
        InvalidInputError,
        match=r"evaluation_group_2008: group 3 given, but pôle 'eco' was first labelled on "
        r"2010-05-11",
    ):
        model.to_domain()
    kept = PoleModel.model_validate({**document, "evaluation_group_2008": None}).to_domain()
    assert kept.evaluation_group_2008 is None


def test_a_confirmation_after_a_withdrawal_is_named_at_its_place_in_the_document() -> None:
    document = {
        "id": "sporaltec",
        "name": "Sporaltec",
        "category": "national",
        "head_office_region": "82",
        "history": [
            {"kind": "confirmed", "on": "2011-01-01", "source": "typing slip"},
            {"kind": "labelled", "on": "2005-07-12", "source": "CIADT 12 July 2005"},
            {"kind": "delabelled", "on": "2010-05-11", "source": "CIADT 11 May 2010"},
        ],
    }
    with pytest.raises(
        InvalidInputError,
        match=r"^history\.0: confirmed on 2011-01-01, but the label was already withdrawn on "
        r"2010-05-11",
    ):
        PoleModel.model_validate(document).to_domain()


def test_an_actor_document_with_a_utf8_byte_order_mark_is_read() -> None:
    text = '{"kind": "bank", "id": "b", "name": "Banque de Lyon"}'
    assert actor_from_json(b"\xef\xbb\xbf" + text.encode()) == actor_from_json(text)


def test_an_actor_document_names_each_problem_by_its_path() -> None:
    from poles_policy.exceptions import DocumentError

    with pytest.raises(DocumentError) as info:
        actor_from_json('{"kind": "enterprise", "id": "e", "name": "E", "region": "2A"}')
    assert [path for path, _ in info.value.problems] == ["region"]


@given(st.lists(poles(), unique_by=lambda pole: pole.id, max_size=4))
def test_a_list_of_poles_survives_json(generated: list[Pole]) -> None:
    from poles_policy.boundary.poles import dump_poles, parse_poles

    assert parse_poles(dump_poles(generated)) == tuple(generated)
    assert parse_poles(dump_poles(generated, indent=None)) == tuple(generated)


def test_a_pole_given_twice_in_a_list_is_refused_at_its_id() -> None:
    from poles_policy.boundary.poles import dump_poles, parse_poles
    from poles_policy.exceptions import DocumentError

    reference = rhone_alpes_poles()
    with pytest.raises(DocumentError) as info:
        parse_poles(dump_poles([*reference[:2], reference[0]]))
    assert info.value.problems == (("2.id", "pôle 'minalogic' is given twice (items 0 and 2)"),)
    with pytest.raises(DocumentError) as info:
        parse_poles(
            '[{"id": "p", "name": "P", "category": "national", "head_office_region": "84",'
            ' "history": [{"kind": "labelled", "on": "2005-07-12", "source": "s"}]}]'
        )
    assert info.value.problems[0][0] == "0.head_office_region"


def test_a_share_written_as_a_percentage_is_refused_with_a_share_as_example() -> None:
    document = json.loads((Path(__file__).parents[2] / "docs/examples/relay-case.json").read_text())
    document["applicant"]["related"] = [{"name": "H", "share": "30%"}]
    with pytest.raises(DocumentError) as raised:
        parse_case(json.dumps(document))
    assert raised.value.problems == (
        ("applicant.related.0.share", "share '30%' is not a decimal number such as '0.45'"),
    )
