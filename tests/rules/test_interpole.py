"""Funding of inter-pôle files through their lead pôle (GOV.4)."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given

from poles_policy.exceptions import InvalidInputError, WrongTypeError
from poles_policy.explain import Outcome, Status
from poles_policy.model.interpole import InterPoleFile, PoleShare
from poles_policy.model.poles import Category, LabelEvent, LabelEventKind, Pole
from poles_policy.parameters import default_parameters
from poles_policy.rules.interpole import ASK_SPLIT, ask_pole, inter_pole_funding
from poles_policy.testing import inter_pole_files

PARAMS = default_parameters()
LABEL_DAY = date(2009, 11, 30)  # the inter-pôle label's first day (gov.inter_pole_from)
LABELLED_2005 = LabelEvent(kind=LabelEventKind.LABELLED, on=date(2005, 7, 12), source="CIADT")


def _pole(ident: str, *events: LabelEvent, first: LabelEvent = LABELLED_2005) -> Pole:
    return Pole(
        id=ident,
        name=ident.capitalize(),
        category=Category.NATIONAL,
        head_office_region="82",
        history=(first, *events),
    )


MINALOGIC = _pole("minalogic")
AXELERA = _pole("axelera")
TECHTERA = _pole("techtera")
# Delabelled by the CIADT of 11 May 2010.
SPORALTEC = _pole(
    "sporaltec", LabelEvent(kind=LabelEventKind.DELABELLED, on=date(2010, 5, 11), source="CIADT")
)
POLES = (MINALOGIC, AXELERA, TECHTERA, SPORALTEC)


def _file(
    *,
    others: tuple[str, ...] = ("axelera",),
    on: date = date(2010, 3, 15),
    granted: str = "120000.00",
    split: list[PoleShare] | None = None,
) -> InterPoleFile:
    return InterPoleFile(
        id="interpole-2010-03",
        name="Joint mission (synthetic example)",
        lead_pole_id="minalogic",
        other_pole_ids=others,
        granted=granted,
        decided_on=on,
        split=split,
    )


def _statuses(file: InterPoleFile, poles: tuple[Pole, ...] = POLES) -> dict[str, Status]:
    funding = inter_pole_funding(file, PARAMS, poles=poles)
    return {check.key: check.status for check in funding.decision.checks}


def test_lead_pole_receives_the_funding_and_passes_on_the_agreed_parts() -> None:
    file = _file(
        others=("axelera", "techtera"),
        split=[
            PoleShare(pole_id="minalogic", amount="70000.00"),
            PoleShare(pole_id="axelera", amount="35000.00"),
            PoleShare(pole_id="techtera", amount="15000.00"),
        ],
    )
    funding = inter_pole_funding(file, PARAMS, poles=POLES)
    assert funding.outcome is Outcome.ELIGIBLE
    assert funding.recipient == "minalogic"
    assert funding.kept == Decimal("70000.00")
    assert funding.transfers is not None
    assert [(t.pole_id, t.amount) for t in funding.transfers] == [
        ("axelera", Decimal("35000.00")),
        ("techtera", Decimal("15000.00")),
    ]
    assert funding.kept + sum(t.amount for t in funding.transfers) == funding.granted
    assert funding.missing == ()


def test_a_pole_the_split_leaves_out_receives_zero() -> None:
    file = _file(
        others=("axelera", "techtera"),
        split=[PoleShare(pole_id="axelera", amount="120000.00")],
    )
    funding = inter_pole_funding(file, PARAMS, poles=POLES)
    assert funding.kept == Decimal("0.00")
    assert funding.transfers is not None
    assert [(t.pole_id, str(t.amount)) for t in funding.transfers] == [
        ("axelera", "120000.00"),
        ("techtera", "0.00"),
    ]


def test_decided_on_the_labels_first_day_takes_the_route_and_the_day_before_does_not() -> None:
    assert inter_pole_funding(_file(on=LABEL_DAY), PARAMS, poles=POLES).outcome is Outcome.ELIGIBLE
    before = inter_pole_funding(_file(on=date(2009, 11, 29)), PARAMS, poles=POLES)
    assert before.outcome is Outcome.INELIGIBLE
    assert [c.key for c in before.decision.failed] == ["gov.inter_pole.in_force"]
    assert before.recipient is None
    assert before.transfers is None
    check = before.decision.check("gov.inter_pole.in_force")
    assert [(use.name, use.value) for use in check.parameters] == [
        ("gov.inter_pole_from", "2009-11-30")
    ]


def test_before_phase_2_no_label_is_in_force_and_the_reason_names_the_parameter() -> None:
    funding = inter_pole_funding(_file(on=date(2008, 6, 1)), PARAMS, poles=POLES)
    check = funding.decision.check("gov.inter_pole.in_force")
    assert check.status is Status.NOT_MET
    assert check.reason.en == (
        "no inter-pôle label on 2008-06-01, the day of the decision: "
        "gov.inter_pole_from has no value in force that day"
    )


def test_a_reform_opening_the_label_before_phase_2_gives_its_valid_from() -> None:
    file = _file(on=date(2008, 7, 1))
    reform = PARAMS.override("gov.inter_pole_from", date(2008, 6, 1), valid_from=date(2008, 6, 1))
    assert inter_pole_funding(file, reform, poles=POLES).outcome is Outcome.ELIGIBLE
    # Without it, the value keeps the window of the one it replaces, from 2009-01-01.
    capped = PARAMS.override("gov.inter_pole_from", date(2008, 6, 1))
    assert inter_pole_funding(file, capped, poles=POLES).outcome is Outcome.INELIGIBLE


def test_a_reform_opening_the_label_earlier_admits_an_earlier_file() -> None:
    reform = PARAMS.override("gov.inter_pole_from", date(2009, 6, 1))
    file = _file(on=date(2009, 7, 1))
    assert inter_pole_funding(file, PARAMS, poles=POLES).outcome is Outcome.INELIGIBLE
    assert inter_pole_funding(file, reform, poles=POLES).outcome is Outcome.ELIGIBLE


def test_a_file_carried_by_its_lead_pole_alone_is_not_inter_pole() -> None:
    funding = inter_pole_funding(_file(others=()), PARAMS, poles=POLES)
    assert funding.outcome is Outcome.INELIGIBLE
    assert [c.key for c in funding.decision.failed] == ["gov.inter_pole.carriers"]
    assert "only its lead pôle, minalogic, carries it" in funding.explain()


def test_a_delabelled_pole_cannot_carry_an_inter_pole_file() -> None:
    # Sporaltec held its label until the CIADT of 11 May 2010.
    assert (
        _statuses(_file(others=("sporaltec",), on=date(2010, 5, 10)))["gov.inter_pole.labelled"]
        is Status.MET
    )
    after = inter_pole_funding(
        _file(others=("sporaltec",), on=date(2010, 5, 11)), PARAMS, poles=POLES
    )
    assert after.outcome is Outcome.INELIGIBLE
    assert [c.key for c in after.decision.failed] == ["gov.inter_pole.labelled"]
    assert "not holding its label on 2010-05-11: sporaltec" in after.explain()


def test_a_pole_not_given_is_asked_for_and_a_refusal_outweighs_it() -> None:
    unknown = inter_pole_funding(_file(others=("axelera", "mystery")), PARAMS, poles=POLES)
    assert unknown.outcome is Outcome.UNDETERMINED
    assert unknown.recipient is None
    assert [f.path for f in unknown.missing] == ["poles.mystery", "file.split"]
    refused = inter_pole_funding(
        _file(others=("sporaltec", "mystery"), on=date(2010, 6, 1)), PARAMS, poles=POLES
    )
    assert refused.outcome is Outcome.INELIGIBLE
    assert refused.decision.check("gov.inter_pole.labelled").status is Status.NOT_MET


def test_no_pole_given_asks_for_every_carrying_pole_in_order() -> None:
    funding = inter_pole_funding(_file(others=("axelera", "techtera")), PARAMS)
    assert [f.path for f in funding.missing] == [
        "poles.minalogic",
        "poles.axelera",
        "poles.techtera",
        "file.split",
    ]
    assert funding.missing[0] == ask_pole("minalogic")


def test_an_unknown_split_is_asked_for_without_changing_the_route() -> None:
    funding = inter_pole_funding(_file(), PARAMS, poles=POLES)
    assert funding.outcome is Outcome.ELIGIBLE
    assert funding.recipient == "minalogic"
    assert funding.kept is None
    assert funding.transfers is None
    assert funding.missing == (ASK_SPLIT,)
    split = funding.decision.check("gov.inter_pole.split")
    assert split.informative
    assert split.status is Status.UNKNOWN


def test_the_split_is_not_applicable_when_the_route_is_refused() -> None:
    funding = inter_pole_funding(_file(others=()), PARAMS, poles=POLES)
    split = funding.decision.check("gov.inter_pole.split")
    assert split.status is Status.NOT_APPLICABLE
    assert funding.missing == ()


def test_an_undetermined_route_shows_what_the_split_would_give() -> None:
    file = _file(
        others=("axelera", "mystery"),
        split=[PoleShare(pole_id="minalogic", amount="120000.00")],
    )
    funding = inter_pole_funding(file, PARAMS, poles=POLES)
    reason = funding.decision.check("gov.inter_pole.split").reason
    assert reason.en.startswith("if the route applies, minalogic keeps 120000.00 EUR")
    assert reason.fr.startswith("si la voie s'applique, minalogic conserve 120\u202f000,00 €")
    assert funding.kept is None


def test_the_explanation_cites_the_clause_in_both_languages() -> None:
    funding = inter_pole_funding(
        _file(split=[PoleShare(pole_id="axelera", amount="120000.00")]), PARAMS, poles=POLES
    )
    english, french = funding.explain(), funding.explain("fr")
    assert english.startswith("Inter-pôle file interpole-2010-03, 120000.00 EUR: paid to the lead")
    assert "minalogic keeps 0.00 EUR and passes on 120000.00 EUR to axelera" in english
    assert french.startswith("Dossier inter-pôles interpole-2010-03, 120\u202f000,00 € : versé au")
    assert "GOV.4" in english
    assert "GOV.4" in french


def test_french_reasons_agree_in_number() -> None:
    one_unknown = inter_pole_funding(_file(others=("axelera", "mystery")), PARAMS, poles=POLES)
    assert one_unknown.decision.check("gov.inter_pole.labelled").reason.fr == (
        "pôle non fourni : mystery"
    )
    two_unknown = inter_pole_funding(_file(others=("axelera", "mystery")), PARAMS)
    reason = two_unknown.decision.check("gov.inter_pole.labelled").reason
    assert reason.fr == "pôles non fournis : minalogic, axelera, mystery"
    assert reason.en == "pôles not given: minalogic, axelera, mystery"
    alone = inter_pole_funding(_file(others=()), PARAMS, poles=POLES)
    assert alone.decision.check("gov.inter_pole.labelled").reason.fr == (
        "détenant son label le 2010-03-15 : minalogic"
    )
    assert alone.decision.check("gov.inter_pole.labelled").reason.en == (
        "holding its label on 2010-03-15: minalogic"
    )
    labelled_2011 = LabelEvent(kind=LabelEventKind.LABELLED, on=date(2011, 1, 1), source="x")
    late = _pole("minalogic", first=labelled_2011)
    late_axelera = _pole("axelera", first=labelled_2011)
    both = inter_pole_funding(_file(), PARAMS, poles=(late, late_axelera))
    assert both.decision.check("gov.inter_pole.labelled").reason.fr == (
        "ne détenant pas leur label le 2010-03-15 : minalogic, axelera"
    )
    assert both.decision.check("gov.inter_pole.labelled").reason.en == (
        "not holding their label on 2010-03-15: minalogic, axelera"
    )
    split = inter_pole_funding(
        _file(
            others=("axelera", "techtera"),
            split=[
                PoleShare(pole_id="minalogic", amount="70000.00"),
                PoleShare(pole_id="axelera", amount="50000.00"),
            ],
        ),
        PARAMS,
        poles=POLES,
    )
    assert split.decision.check("gov.inter_pole.split").reason.fr == (
        "minalogic conserve 70\u202f000,00 € et reverse 50\u202f000,00 € à axelera, "
        "0,00 € à techtera"
    )
    in_force = split.decision.check("gov.inter_pole.in_force").reason.fr
    assert in_force == "décidé le 2010-03-15, le premier jour du label (2009-11-30) ou après"


def test_the_route_is_json_ready() -> None:
    funding = inter_pole_funding(
        _file(split=[PoleShare(pole_id="minalogic", amount="120000.00")]), PARAMS, poles=POLES
    )
    data = json.loads(json.dumps(funding.to_dict()))
    assert data["recipient"] == "minalogic"
    assert data["kept"] == "120000.00"
    assert data["transfers"] == [{"pole_id": "axelera", "amount": "0.00"}]
    assert data["outcome"] == "eligible"
    assert data["decision"]["rule"] == "gov.inter_pole_funding"
    assert [c["key"] for c in data["decision"]["checks"]] == [
        "gov.inter_pole.in_force",
        "gov.inter_pole.carriers",
        "gov.inter_pole.labelled",
        "gov.inter_pole.split",
    ]


def test_other_poles_given_to_the_rule_are_ignored() -> None:
    extra = _pole("lyonbiopole")
    assert _statuses(_file(), (*POLES, extra)) == _statuses(_file())


@pytest.mark.parametrize(
    ("arguments", "error"),
    [
        ({"file": "interpole-2010-03"}, WrongTypeError),
        ({"params": None}, WrongTypeError),
        ({"poles": "minalogic"}, WrongTypeError),
        ({"poles": [MINALOGIC, MINALOGIC]}, InvalidInputError),
    ],
)
def test_wrong_arguments_are_refused(arguments: dict[str, object], error: type[Exception]) -> None:
    call: dict[str, object] = {"file": _file(), "params": PARAMS, "poles": POLES, **arguments}
    with pytest.raises(error):
        inter_pole_funding(**call)  # type: ignore[arg-type]


def test_a_file_names_each_pole_once_and_its_parts_add_up() -> None:
    with pytest.raises(InvalidInputError, match="lead pôle 'minalogic' is named among"):
        _file(others=("minalogic",))
    with pytest.raises(InvalidInputError, match="pôle 'axelera' appears twice"):
        _file(others=("axelera", "axelera"))
    with pytest.raises(InvalidInputError, match=r"parts total 100\.00, not the 120000\.00 granted"):
        _file(split=[PoleShare(pole_id="axelera", amount="100.00")])
    with pytest.raises(
        InvalidInputError,
        match=r"^InterPoleFile\.split\[0\]\.pole_id: a part to 'techtera', which does not",
    ):
        _file(split=[PoleShare(pole_id="techtera", amount="120000.00")])
    with pytest.raises(InvalidInputError, match="appears twice"):
        _file(
            split=[
                PoleShare(pole_id="axelera", amount="60000.00"),
                PoleShare(pole_id="axelera", amount="60000.00"),
            ]
        )


def test_a_file_has_a_name() -> None:
    with pytest.raises(WrongTypeError, match=r"InterPoleFile\.name"):
        InterPoleFile(
            id="f",
            name=None,  # type: ignore[arg-type]
            lead_pole_id="minalogic",
            granted="1.00",
            decided_on=LABEL_DAY,
        )
    with pytest.raises(InvalidInputError, match=r"InterPoleFile\.name: must not be empty"):
        InterPoleFile(
            id="f", name="  ", lead_pole_id="minalogic", granted="1.00", decided_on=LABEL_DAY
        )


def test_a_files_part_for_a_pole() -> None:
    file = _file(split=[PoleShare(pole_id="axelera", amount="120000.00")])
    assert file.part("axelera") == Decimal("120000.00")
    assert file.part("minalogic") == Decimal("0.00")
    assert _file().part("axelera") is None
    with pytest.raises(InvalidInputError, match="'techtera' does not carry file"):
        file.part("techtera")
    with pytest.raises(WrongTypeError, match="pole_id must be a pôle id"):
        file.part(None)  # type: ignore[arg-type]


@given(inter_pole_files(pole_ids=[pole.id for pole in POLES]))
def test_the_lead_pole_passes_on_exactly_what_it_does_not_keep(file: InterPoleFile) -> None:
    funding = inter_pole_funding(file, PARAMS, poles=POLES)
    if funding.outcome is Outcome.ELIGIBLE and file.split is not None:
        assert funding.kept is not None
        assert funding.transfers is not None
        assert [t.pole_id for t in funding.transfers] == list(file.other_pole_ids)
        assert funding.kept + sum(t.amount for t in funding.transfers) == file.granted
        assert all(t.amount == file.part(t.pole_id) for t in funding.transfers)
    else:
        assert funding.kept is None
        assert funding.transfers is None
    # Sporaltec lost its label on 11 May 2010: no file it carries takes the route after it.
    if "sporaltec" in file.pole_ids and file.decided_on >= date(2010, 5, 11):
        assert funding.outcome is Outcome.INELIGIBLE
