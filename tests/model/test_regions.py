from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from poles_policy.exceptions import InvalidInputError
from poles_policy.model.regions import (
    REFORM_2016,
    SOURCE,
    Region,
    RegionKind,
    all_regions,
    predecessors,
    region,
    regions_on,
    successor,
)

POLICY_DAY = date(2009, 7, 6)
LAST_HISTORIC_DAY = date(2015, 12, 31)

METROPOLITAN_BEFORE_2016 = {
    "11": "Île-de-France",
    "21": "Champagne-Ardenne",
    "22": "Picardie",
    "23": "Haute-Normandie",
    "24": "Centre",
    "25": "Basse-Normandie",
    "26": "Bourgogne",
    "31": "Nord-Pas-de-Calais",
    "41": "Lorraine",
    "42": "Alsace",
    "43": "Franche-Comté",
    "52": "Pays de la Loire",
    "53": "Bretagne",
    "54": "Poitou-Charentes",
    "72": "Aquitaine",
    "73": "Midi-Pyrénées",
    "74": "Limousin",
    "82": "Rhône-Alpes",
    "83": "Auvergne",
    "91": "Languedoc-Roussillon",
    "93": "Provence-Alpes-Côte d'Azur",
    "94": "Corse",
}
OVERSEAS = {"01": "Guadeloupe", "02": "Martinique", "03": "Guyane", "04": "La Réunion"}
METROPOLITAN_2016 = {
    "11": "Île-de-France",
    "24": "Centre-Val de Loire",
    "27": "Bourgogne-Franche-Comté",
    "28": "Normandie",
    "32": "Hauts-de-France",
    "44": "Grand Est",
    "52": "Pays de la Loire",
    "53": "Bretagne",
    "75": "Nouvelle-Aquitaine",
    "76": "Occitanie",
    "84": "Auvergne-Rhône-Alpes",
    "93": "Provence-Alpes-Côte d'Azur",
    "94": "Corse",
}
MERGERS = {
    "21": "44",
    "22": "32",
    "23": "28",
    "24": "24",
    "25": "28",
    "26": "27",
    "31": "32",
    "41": "44",
    "42": "44",
    "43": "27",
    "54": "75",
    "72": "75",
    "73": "76",
    "74": "75",
    "82": "84",
    "83": "84",
    "91": "76",
}
CONTINUING = ("01", "02", "03", "04", "06", "11", "52", "53", "93", "94")

any_day = st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))


# --- the tables --------------------------------------------------------------------------------


def test_the_22_metropolitan_and_4_overseas_regions_exist_during_the_policy_period() -> None:
    on = regions_on(POLICY_DAY)
    assert {r.code: r.name for r in on} == METROPOLITAN_BEFORE_2016 | OVERSEAS


def test_mayotte_is_a_region_only_from_31_march_2011() -> None:
    assert "06" not in {r.code for r in regions_on(date(2011, 3, 30))}
    assert region("06", date(2011, 3, 31)).name == "Mayotte"


def test_the_13_metropolitan_and_5_overseas_regions_exist_from_2016() -> None:
    on = regions_on(REFORM_2016)
    assert {r.code: r.name for r in on} == METROPOLITAN_2016 | OVERSEAS | {"06": "Mayotte"}


def test_historic_regions_end_on_31_december_2015() -> None:
    assert region("82", LAST_HISTORIC_DAY).name == "Rhône-Alpes"
    with pytest.raises(InvalidInputError, match="valid until 2015-12-31"):
        region("82", REFORM_2016)


@pytest.mark.parametrize("code", CONTINUING)
def test_a_continuing_code_is_one_record_spanning_both_periods(code: str) -> None:
    records = [r for r in all_regions() if r.code == code]
    assert len(records) == 1
    assert records[0].kind is RegionKind.CONTINUING
    assert region(code, LAST_HISTORIC_DAY) is region(code, REFORM_2016)


def test_centre_is_renamed_centre_val_de_loire_under_the_same_code() -> None:
    assert region("24", LAST_HISTORIC_DAY).name == "Centre"
    assert region("24", REFORM_2016).name == "Centre-Val de Loire"


def test_every_record_cites_the_insee_geographic_code() -> None:
    assert SOURCE == "https://www.insee.fr/fr/information/2560452"


# --- lookups -----------------------------------------------------------------------------------


def test_a_code_that_did_not_exist_on_the_date_is_an_input_error() -> None:
    with pytest.raises(InvalidInputError) as info:
        region("84", date(2009, 7, 1))
    assert str(info.value) == "region code '84' did not exist on 2009-07-01 (valid from 2016-01-01)"


def test_an_unknown_code_is_an_input_error() -> None:
    with pytest.raises(InvalidInputError) as info:
        region("99", POLICY_DAY)
    assert str(info.value) == "unknown region code '99'"


def test_a_merged_code_used_after_2015_names_its_successor() -> None:
    with pytest.raises(InvalidInputError, match="then part of '84'"):
        region("83", date(2016, 6, 1))


@pytest.mark.parametrize(("old", "new"), sorted(MERGERS.items()))
def test_each_historic_region_leads_to_its_2016_successor(old: str, new: str) -> None:
    assert region(old, POLICY_DAY).successor == new
    assert successor(old) == region(new, REFORM_2016)


def test_a_code_still_valid_is_its_own_successor() -> None:
    assert successor("11") == region("11", POLICY_DAY)
    assert successor("84").name == "Auvergne-Rhône-Alpes"


def test_no_successor_before_the_code_existed() -> None:
    with pytest.raises(InvalidInputError, match="no successor"):
        successor("06", date(2010, 1, 1))


def test_predecessors_of_a_merged_region_are_the_historic_ones() -> None:
    assert [r.name for r in predecessors("84")] == ["Rhône-Alpes", "Auvergne"]
    assert [r.code for r in predecessors("44")] == ["21", "41", "42"]
    assert [r.code for r in predecessors("75")] == ["54", "72", "74"]


def test_a_continuing_region_is_its_own_predecessor() -> None:
    assert predecessors("93") == (region("93", POLICY_DAY),)


def test_predecessors_of_a_code_that_is_not_a_2016_region_is_an_input_error() -> None:
    with pytest.raises(InvalidInputError, match="did not exist on 2016-01-01"):
        predecessors("82")


def test_every_2016_region_has_predecessors_and_they_cover_every_historic_region() -> None:
    covered = [p.code for r in regions_on(REFORM_2016) for p in predecessors(r.code)]
    before = [r.code for r in regions_on(LAST_HISTORIC_DAY)]
    assert sorted(covered) == sorted(before)


@given(any_day)
def test_at_most_one_record_per_code_on_any_day(on: date) -> None:
    codes = [r.code for r in regions_on(on)]
    assert len(codes) == len(set(codes))
    for r in regions_on(on):
        assert region(r.code, on) is r


@given(st.dates(min_value=REFORM_2016, max_value=date(2030, 12, 31)))
def test_every_code_ever_used_has_a_successor_from_2016(on: date) -> None:
    for r in all_regions():
        if r.valid_from is None or r.valid_from <= on:
            assert successor(r.code, on).is_valid_on(on)


def test_merged_codes_stop_the_day_the_2016_regions_start() -> None:
    merged = set(MERGERS) - {"24"}
    assert merged <= {r.code for r in regions_on(LAST_HISTORIC_DAY)}
    assert not merged & {r.code for r in regions_on(REFORM_2016)}


# --- invariants --------------------------------------------------------------------------------


def test_a_code_must_have_two_digits() -> None:
    with pytest.raises(InvalidInputError, match=r"Region\.code: '8' is not a two-digit INSEE code"):
        Region(code="8", name="X", kind=RegionKind.CONTINUING)


def test_a_region_cannot_end_before_it_starts() -> None:
    with pytest.raises(InvalidInputError, match=r"Region\.valid_until"):
        Region(
            code="84",
            name="X",
            valid_from=REFORM_2016,
            valid_until=LAST_HISTORIC_DAY,
            kind=RegionKind.REGION_2016,
        )


def test_a_successor_is_given_for_historic_regions_only() -> None:
    with pytest.raises(InvalidInputError, match=r"Region\.successor"):
        Region(code="11", name="X", kind=RegionKind.CONTINUING, successor="11")
    with pytest.raises(InvalidInputError, match=r"Region\.successor"):
        Region(code="82", name="X", valid_until=LAST_HISTORIC_DAY, kind=RegionKind.HISTORIC)


def test_a_historic_region_has_a_last_day() -> None:
    with pytest.raises(InvalidInputError, match=r"Region\.valid_until: None"):
        Region(code="82", name="X", kind=RegionKind.HISTORIC, successor="84")


def test_a_region_name_must_not_be_blank() -> None:
    with pytest.raises(InvalidInputError, match=r"Region\.name"):
        Region(code="82", name=" ", kind=RegionKind.CONTINUING)
