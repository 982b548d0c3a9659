from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

from poles_policy.exceptions import ParameterError, UnknownParameterError, WrongTypeError
from poles_policy.explain import OPEN_START, ParameterUse
from poles_policy.parameters import (
    MEMO_SIZE,
    OVERRIDE_EPOCH,
    DatedValue,
    Parameter,
    ParameterSet,
    coerce_value,
    default_parameters,
    load_parameters,
    packaged_parameter_files,
)

if TYPE_CHECKING:
    from poles_policy.parameters import ParameterValue, Unit

DAY = timedelta(days=1)


def dated(
    value: ParameterValue,
    start: date,
    end: date | None = None,
    *,
    source: str = "https://example.org/demo",
) -> DatedValue:
    return DatedValue(
        value=value, valid_from=start, valid_until=end, confidence="sourced", source=source
    )


def share_parameter(*values: DatedValue, name: str = "demo.share") -> Parameter:
    return Parameter(
        name=name, description="A demo share.", unit="share", clauses=("RELAY.5",), values=values
    )


# Three values: 0.50 over 2008, a gap in January 2009, 0.40 from February 2009 to 2012,
# then 0.30 from 2013 on.
HISTORY = share_parameter(
    dated(Decimal("0.50"), date(2008, 1, 1), date(2008, 12, 31)),
    dated(Decimal("0.40"), date(2009, 2, 1), date(2012, 12, 31)),
    dated(Decimal("0.30"), date(2013, 1, 1)),
)
SET = ParameterSet(
    parameters=[
        HISTORY,
        share_parameter(dated(Decimal("0.25"), date(2005, 1, 1)), name="demo.other"),
    ],
    label="demo",
)


# -- lookups at the boundaries --------------------------------------------------------------


def test_no_value_is_in_force_the_day_before_the_first_valid_from() -> None:
    assert HISTORY.at(date(2007, 12, 31)) is None


def test_a_value_is_in_force_on_its_valid_from_day() -> None:
    found = HISTORY.at(date(2008, 1, 1))
    assert found is not None
    assert found.value == Decimal("0.50")


def test_a_value_is_in_force_on_its_valid_until_day() -> None:
    found = HISTORY.at(date(2008, 12, 31))
    assert found is not None
    assert found.value == Decimal("0.50")


def test_no_value_is_in_force_in_a_gap_after_valid_until() -> None:
    assert HISTORY.at(date(2009, 1, 1)) is None
    assert HISTORY.at(date(2009, 1, 31)) is None


def test_the_next_value_takes_over_the_day_after_valid_until() -> None:
    assert SET.value("demo.share", date(2012, 12, 31)) == Decimal("0.40")
    assert SET.value("demo.share", date(2013, 1, 1)) == Decimal("0.30")


def test_an_open_ended_value_stays_in_force() -> None:
    assert SET.value("demo.share", date(2100, 1, 1)) == Decimal("0.30")


def test_dated_value_contains_both_ends() -> None:
    item = dated(Decimal("0.5"), date(2008, 1, 1), date(2008, 1, 31))
    assert item.contains(date(2008, 1, 1))
    assert item.contains(date(2008, 1, 31))
    assert not item.contains(date(2007, 12, 31))
    assert not item.contains(date(2008, 2, 1))


@st.composite
def histories(draw: st.DrawFn) -> tuple[DatedValue, ...]:
    """Sorted, non-overlapping values; gaps of zero days make neighbours adjacent."""
    cursor = draw(st.dates(min_value=date(1990, 1, 1), max_value=date(2010, 1, 1)))
    values: list[DatedValue] = []
    count = draw(st.integers(min_value=0, max_value=6))
    for i in range(count):
        start = cursor + draw(st.integers(min_value=0, max_value=400)) * DAY
        open_ended = i == count - 1 and draw(st.booleans())
        end = None if open_ended else start + draw(st.integers(min_value=0, max_value=400)) * DAY
        values.append(
            DatedValue(value=i, valid_from=start, valid_until=end, confidence="text", source="X")
        )
        if end is not None:
            cursor = end + DAY
    return tuple(values)


@given(
    history=histories(),
    on=st.dates(min_value=date(1989, 1, 1), max_value=date(2030, 12, 31)),
)
def test_at_returns_the_value_whose_validity_contains_the_date_or_none(
    history: tuple[DatedValue, ...], on: date
) -> None:
    parameter = Parameter(name="demo.count", description="A count.", unit="count", values=history)
    containing = [item for item in history if item.contains(on)]
    assert len(containing) <= 1
    assert parameter.at(on) == (containing[0] if containing else None)
    use = parameter.use(on)
    if containing:
        assert use is not None
        assert (use.value, use.valid_from) == (str(containing[0].value), containing[0].valid_from)
    else:
        assert use is None


# -- the set ---------------------------------------------------------------------------------


def test_the_set_iterates_over_names_in_order_and_has_a_length() -> None:
    assert list(SET) == ["demo.other", "demo.share"]
    assert len(SET) == 2
    assert "demo.share" in SET
    assert "demo.missing" not in SET


def test_an_unknown_name_raises_with_close_suggestions() -> None:
    with pytest.raises(UnknownParameterError) as info:
        SET["demo.shares"]
    assert str(info.value) == (
        "unknown parameter 'demo.shares' in parameter set 'demo'; did you mean 'demo.share'?"
    )
    assert isinstance(info.value, KeyError)


def test_an_unknown_name_without_close_match_gives_no_suggestion() -> None:
    with pytest.raises(UnknownParameterError) as info:
        SET.at("zzz.qqq", date(2009, 1, 1))
    assert "did you mean" not in str(info.value)


def test_require_raises_when_no_value_is_in_force() -> None:
    with pytest.raises(ParameterError) as info:
        SET.require("demo.share", date(2007, 1, 1))
    assert str(info.value).startswith("demo.share has no value in force on 2007-01-01")
    first = SET["demo.share"].values[0]
    assert f"its values are in force from {first.valid_from.isoformat()}" in str(info.value)


def test_require_returns_the_value_in_force() -> None:
    assert SET.require("demo.share", date(2010, 6, 1)).value == Decimal("0.40")


def test_use_renders_the_value_and_is_built_once() -> None:
    use = SET.use("demo.share", date(2010, 6, 1))
    assert use == ParameterUse(
        name="demo.share",
        value="0.40",
        unit="share",
        valid_from=date(2009, 2, 1),
        source="https://example.org/demo",
        confidence="sourced",
    )
    assert SET.use("demo.share", date(2011, 6, 1)) is use
    assert SET.use("demo.share", date(2007, 6, 1)) is None


@given(on=st.dates(min_value=date(2000, 1, 1), max_value=date(2020, 12, 31)))
def test_values_at_reads_each_name_in_order_like_value(on: date) -> None:
    names = ("demo.share", "demo.other")
    expected = (SET.value("demo.share", on), SET.value("demo.other", on))
    assert SET.values_at(names, on) == expected
    assert SET.values_at(names, on) == expected  # the remembered answer is the same


def test_values_at_refuses_an_unknown_name() -> None:
    with pytest.raises(UnknownParameterError, match=r"demo\.shares"):
        SET.values_at(("demo.share", "demo.shares"), date(2010, 1, 1))


def test_derived_computes_once_per_name_and_date() -> None:
    fresh = ParameterSet(parameters=SET.parameters, label="fresh")
    calls: list[date] = []

    def share_pct(params: ParameterSet, on: date) -> Decimal | None:
        calls.append(on)
        value = params.value("demo.share", on)
        return None if not isinstance(value, Decimal) else value * 100

    on = date(2010, 6, 1)
    assert fresh.derived("demo.pct", on, share_pct) == Decimal("40.00")
    assert fresh.derived("demo.pct", on, share_pct) == Decimal("40.00")
    assert fresh.derived("demo.pct", date(2007, 1, 1), share_pct) is None
    assert fresh.derived("demo.pct", date(2007, 1, 1), share_pct) is None  # None is remembered
    assert calls == [on, date(2007, 1, 1)]


def test_values_at_keeps_a_bounded_memory() -> None:
    fresh = ParameterSet(parameters=SET.parameters, label="fresh")
    start = date(2000, 1, 1)
    for day in range(MEMO_SIZE + 10):
        fresh.values_at(("demo.share",), start + timedelta(days=day))
    assert 0 < len(fresh._memo) <= MEMO_SIZE
    assert fresh.values_at(("demo.share",), date(2010, 6, 1)) == (Decimal("0.40"),)


def test_in_force_lists_every_parameter_with_its_value_or_none() -> None:
    listing = SET.in_force(date(2009, 1, 15))
    assert [(p.name, None if v is None else v.value) for p, v in listing] == [
        ("demo.other", Decimal("0.25")),
        ("demo.share", None),
    ]


def test_a_set_refuses_two_parameters_with_one_name() -> None:
    with pytest.raises(ParameterError, match=r"'demo\.share' is defined twice"):
        ParameterSet(parameters=[HISTORY, HISTORY])


def test_a_parameter_refuses_a_value_of_the_wrong_type_for_its_unit() -> None:
    with pytest.raises(ParameterError, match=r"values\[0\]: value 0.5 is a float"):
        share_parameter(dated(0.5, date(2008, 1, 1)))  # type: ignore[arg-type]


def test_a_parameter_refuses_overlapping_values() -> None:
    with pytest.raises(ParameterError, match=r"values\[1\]: valid_from 2008-06-01 overlaps"):
        share_parameter(
            dated(Decimal("0.5"), date(2008, 1, 1)), dated(Decimal("0.4"), date(2008, 6, 1))
        )


def test_a_dated_value_refuses_an_unknown_confidence() -> None:
    with pytest.raises(ParameterError, match="confidence 'seen' is not one of"):
        DatedValue(value=1, valid_from=date(2008, 1, 1), confidence="seen", source="X")  # type: ignore[arg-type]


# -- overrides -------------------------------------------------------------------------------


def test_an_override_without_dates_replaces_the_whole_history_from_its_first_day() -> None:
    # The parameter's history starts on 2008-01-01: the override does not make it older.
    assert SET["demo.share"].values[0].valid_from == date(2008, 1, 1)
    reform = SET.override("demo.share", "0.60", source="reform note")
    values = reform["demo.share"].values
    assert values == (
        DatedValue(
            value=Decimal("0.60"),
            valid_from=date(2008, 1, 1),
            valid_until=None,
            confidence="assumption",
            source="reform note",
        ),
    )
    assert reform.value("demo.share", date(2009, 1, 15)) == Decimal("0.60")


def test_an_override_from_a_date_keeps_earlier_values_cut_the_day_before() -> None:
    reform = SET.override("demo.share", "0.60", valid_from=date(2010, 1, 1))
    values = reform["demo.share"].values
    assert [(v.value, v.valid_from, v.valid_until) for v in values] == [
        (Decimal("0.50"), date(2008, 1, 1), date(2008, 12, 31)),
        (Decimal("0.40"), date(2009, 2, 1), date(2009, 12, 31)),
        (Decimal("0.60"), date(2010, 1, 1), None),
    ]
    assert values[1].source == "https://example.org/demo"
    assert values[2].confidence == "assumption"


def test_an_override_from_a_date_drops_later_values() -> None:
    reform = SET.override("demo.share", "0.60", valid_from=date(2010, 1, 1))
    assert reform.value("demo.share", date(2020, 1, 1)) == Decimal("0.60")


def test_an_override_over_a_window_keeps_later_values_cut_the_day_after() -> None:
    reform = SET.override(
        "demo.share", "0.60", valid_from=date(2010, 1, 1), valid_until=date(2013, 6, 30)
    )
    values = reform["demo.share"].values
    assert [(v.value, v.valid_from, v.valid_until) for v in values] == [
        (Decimal("0.50"), date(2008, 1, 1), date(2008, 12, 31)),
        (Decimal("0.40"), date(2009, 2, 1), date(2009, 12, 31)),
        (Decimal("0.60"), date(2010, 1, 1), date(2013, 6, 30)),
        (Decimal("0.30"), date(2013, 7, 1), None),
    ]


def test_an_override_inside_one_value_splits_it_in_two() -> None:
    reform = SET.override(
        "demo.share", "0.60", valid_from=date(2010, 1, 1), valid_until=date(2010, 12, 31)
    )
    assert [(v.value, v.valid_from, v.valid_until) for v in reform["demo.share"].values] == [
        (Decimal("0.50"), date(2008, 1, 1), date(2008, 12, 31)),
        (Decimal("0.40"), date(2009, 2, 1), date(2009, 12, 31)),
        (Decimal("0.60"), date(2010, 1, 1), date(2010, 12, 31)),
        (Decimal("0.40"), date(2011, 1, 1), date(2012, 12, 31)),
        (Decimal("0.30"), date(2013, 1, 1), None),
    ]


def test_an_override_returns_a_new_set_and_leaves_the_original_unchanged() -> None:
    before = SET["demo.share"]
    reform = SET.override("demo.share", "0.60")
    assert reform is not SET
    assert SET["demo.share"] is before
    assert SET.value("demo.share", date(2010, 1, 1)) == Decimal("0.40")
    assert reform["demo.other"] == SET["demo.other"]


def test_an_override_is_labelled_after_the_set_the_name_and_the_value() -> None:
    # Two reforms of the same parameter are told apart by their labels, as in a report.
    reform = SET.override("demo.share", "0.60")
    assert reform.label == "demo + demo.share=0.60"
    # Overriding the whole history again replaces the value in the label, as in the history.
    assert reform.override("demo.share", "0.70").label == "demo + demo.share=0.70"
    assert reform.override("demo.other", "0.70").label == "demo + demo.share=0.60 + demo.other=0.70"


def test_an_override_over_a_window_is_labelled_with_its_window_after_the_earlier_ones() -> None:
    reform = SET.override("demo.share", "0.60").override(
        "demo.share", "0.70", valid_from=date(2010, 1, 1), valid_until=date(2010, 12, 31)
    )
    assert (
        reform.label == "demo + demo.share=0.60 + demo.share=0.70 from 2010-01-01 until 2010-12-31"
    )


def test_several_overrides_at_once() -> None:
    reform = SET.overrides({"demo.share": "0.60", "demo.other": Decimal("0.10")})
    assert reform.value("demo.share", date(2010, 1, 1)) == Decimal("0.60")
    assert reform.value("demo.other", date(2010, 1, 1)) == Decimal("0.10")
    assert reform.label == "demo + demo.share=0.60 + demo.other=0.10"


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        (0.6, "value 0.6 is a float"),
        ("1.2", "above 1"),
        ("60 %", "not a plain decimal"),
        (True, "not a decimal number"),
    ],
)
def test_an_override_value_is_checked_like_a_file_value(value: object, fragment: str) -> None:
    with pytest.raises(ParameterError) as info:
        SET.override("demo.share", value)
    assert str(info.value).startswith("override of 'demo.share': value ")
    assert fragment in str(info.value)


@pytest.mark.parametrize("name", ["relay.default_annual_rate", "relay.oseo.guarantee_fee_rate"])
def test_a_yearly_rate_written_as_a_percentage_is_refused_saying_how_to_write_it(
    name: str,
) -> None:
    # 6 meant as 6 % a year would be read as 600 % a year: refused, as a share of 70 is.
    with pytest.raises(ParameterError) as info:
        default_parameters().override(name, 6)
    assert str(info.value) == (
        f"override of {name!r}: value 6 is above 1; a yearly rate is between 0 and 1 "
        "(1 is 100 % a year; write 6 % a year as 0.06)"
    )


def test_a_yearly_rate_of_exactly_100_percent_is_still_taken() -> None:
    reform = default_parameters().override("relay.default_annual_rate", "1.00")
    assert reform.value("relay.default_annual_rate", date(2010, 1, 1)) == Decimal("1.00")


def test_an_override_of_an_unknown_parameter_is_refused() -> None:
    with pytest.raises(UnknownParameterError, match=r"did you mean 'demo\.share'"):
        SET.override("demo.shares", "0.60")


def test_an_override_window_ending_before_it_starts_is_refused() -> None:
    with pytest.raises(ParameterError, match="valid_until 2009-12-31 is before valid_from"):
        SET.override(
            "demo.share", "0.60", valid_from=date(2010, 1, 1), valid_until=date(2009, 12, 31)
        )


def test_an_override_with_an_empty_source_is_refused() -> None:
    with pytest.raises(ParameterError, match=r"override of 'demo\.share': source '' is empty"):
        SET.override("demo.share", "0.60", source="")


def test_a_reform_can_generalise_the_relay_pilot_from_a_date() -> None:
    reform = default_parameters().override(
        "relay.national_from", date(2010, 1, 1), source="scenario: national from 2010"
    )
    assert reform.label == "default + relay.national_from=2010-01-01"
    assert reform.value("relay.national_from", date(2011, 1, 1)) == date(2010, 1, 1)
    assert default_parameters().value("relay.national_from", date(2011, 1, 1)) is None


FRESH_DEFAULT = load_parameters(*packaged_parameter_files(), label="default")

_VALUES: dict[str, st.SearchStrategy[object]] = {
    "share": st.decimals(min_value=0, max_value=1, places=2),
    "rate_per_year": st.decimals(min_value=0, max_value=1, places=4),
    "AWU": st.decimals(min_value=0, max_value=10_000, places=1),
    "EUR": st.decimals(min_value=0, max_value=10**9, places=2),
    "months": st.integers(min_value=0, max_value=120),
    "days": st.integers(min_value=0, max_value=3650),
    "business_days": st.integers(min_value=0, max_value=3650),
    "count": st.integers(min_value=0, max_value=100),
    "date": st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)),
    "region_codes": st.lists(st.sampled_from(["11", "21", "82", "93"]), unique=True),
    "bool": st.booleans(),
}


def values_of(unit: Unit) -> st.SearchStrategy[object]:
    exact = _VALUES[unit]
    if unit in {"share", "rate_per_year", "AWU", "EUR"}:
        # Decimal units also take decimal strings, and must refuse floats.
        return st.one_of(exact, exact.map(str), st.floats(allow_nan=False))
    return exact


DAYS = st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))


@given(
    name=st.sampled_from(sorted(FRESH_DEFAULT)),
    data=st.data(),
    valid_from=st.none() | DAYS,
    length=st.none() | st.integers(min_value=0, max_value=3650),
    probes=st.lists(DAYS, min_size=1, max_size=5),
)
def test_an_override_never_changes_the_default_set(
    name: str,
    data: st.DataObject,
    valid_from: date | None,
    length: int | None,
    probes: list[date],
) -> None:
    default = default_parameters()
    unit = default[name].unit
    value = data.draw(values_of(unit), label="value")
    history = default[name].values
    first = history[0].valid_from if history else OVERRIDE_EPOCH
    start = first if valid_from is None else valid_from
    valid_until = None if length is None else start + length * DAY
    try:
        reform = default.override(name, value, valid_from=valid_from, valid_until=valid_until)
    except ParameterError:
        assert isinstance(value, float)
        reform = None
    assert default_parameters() is default
    assert default == FRESH_DEFAULT
    if reform is None:
        return
    expected = coerce_value(unit, value)
    for on in probes:
        inside = start <= on and (valid_until is None or on <= valid_until)
        wanted = expected if inside else default.value(name, on)
        assert reform.value(name, on) == wanted
    assert all(reform[other] == default[other] for other in default if other != name)


@pytest.mark.parametrize("on", ["2009-01-01", datetime(2009, 1, 1, 12, 0), 20090101])  # noqa: DTZ001
def test_a_lookup_on_something_that_is_not_a_date_names_the_parameter(on: object) -> None:
    params = default_parameters()
    with pytest.raises(WrongTypeError, match=r"^relay\.oseo\.guarantee_share: the date read must"):
        params.value("relay.oseo.guarantee_share", on)  # type: ignore[arg-type]
    with pytest.raises(WrongTypeError, match=r"must be a datetime\.date, not "):
        params.use("relay.oseo.guarantee_share", on)  # type: ignore[arg-type]


def test_an_override_without_dates_of_a_parameter_without_values_starts_in_1900() -> None:
    params = default_parameters()
    assert params["relay.national_from"].values == ()
    reform = params.override("relay.national_from", date(2010, 1, 1))
    assert reform["relay.national_from"].values[0].valid_from == OVERRIDE_EPOCH


def test_overriding_the_pilot_regions_with_their_own_value_changes_nothing() -> None:
    params = default_parameters()
    same = params.override("relay.pilot_regions", ("82",))
    for on in (date(2008, 3, 31), date(2008, 4, 1), date(2011, 6, 1)):
        assert same.value("relay.pilot_regions", on) == params.value("relay.pilot_regions", on)


def test_a_lookup_in_an_empty_history_on_something_that_is_not_a_date_is_refused() -> None:
    params = default_parameters()
    assert params["relay.national_from"].values == ()
    with pytest.raises(WrongTypeError, match=r"^relay\.national_from: the date read must"):
        params.value("relay.national_from", "2010-01-01")  # type: ignore[arg-type]


def test_an_override_ending_before_the_parameter_began_says_to_give_its_start() -> None:
    with pytest.raises(ParameterError, match=r"is before 2008-04-01, the parameter's first day"):
        default_parameters().override(
            "relay.pilot_regions", ("11",), valid_until=date(2007, 12, 31)
        )


def test_a_reform_of_a_parameter_without_history_is_cited_without_a_first_day() -> None:
    # relay.national_from has no value by default: the override is in force from OPEN_START,
    # a day no explanation should cite as the start of a national generalisation.
    reform = default_parameters().override("relay.national_from", date(2009, 1, 1))
    use = reform.use("relay.national_from", date(2010, 1, 1))
    assert use is not None
    assert use.valid_from == OPEN_START
    assert use.describe() == "relay.national_from = 2009-01-01 (date; assumption)"
    # French accounts name the unit and the confidence in French (explain.ParameterUse.describe).
    assert use.describe("fr") == "relay.national_from = 2009-01-01 (date ; hypothèse)"
