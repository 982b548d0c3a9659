"""
Reading parameter files (TOML) and the packaged default set.

One file per policy domain (``relay.toml``, ``fui.toml``, ``sme.toml``, ``gov.toml``,
``struct.toml``), each an array of ``[[parameter]]`` tables::

    [[parameter]]
    name = "relay.oseo.guarantee_share"
    description = "Share of the relay advance that OSEO counter-guarantees."
    unit = "share"
    clauses = ["RELAY.5"]

      [[parameter.values]]
      valid_from = 2008-04-01        # a TOML date, or the string "2008-04-01"
      # valid_until = 2013-02-28     # optional: the last day, inclusive
      value = "0.50"                 # decimals as strings: floats are refused
      confidence = "sourced"         # text | sourced | assumption
      source = "https://..."         # never empty
      note = "optional free text"

``name``, ``description``, ``unit`` and ``values`` are required;
``clauses`` is optional. ``values = []`` is allowed and means the parameter
is never in force by default: a measure that was announced but not decided,
such as ``relay.national_from``, which only a reform scenario sets.

Everything is checked when a file is read, and each error is a
:class:`~poles_policy.exceptions.ParameterError` whose message names the
file, the parameter and the offending value.
"""

from __future__ import annotations

import functools
import os
import tomllib
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from poles_policy.exceptions import ParameterError, WrongTypeError
from poles_policy.parameters.history import (
    CONFIDENCES,
    NAME_PATTERN,
    DatedValue,
    Parameter,
)
from poles_policy.parameters.parameter_set import ParameterSet
from poles_policy.parameters.units import UNITS, Unit, coerce_value, is_unit, parse_iso_date

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "default_parameters",
    "load_parameters",
    "packaged_parameter_files",
    "parameters_from_toml",
]

_FILE_KEYS: Final = frozenset({"parameter"})
_PARAMETER_KEYS: Final = frozenset({"name", "description", "unit", "clauses", "values"})
_PARAMETER_REQUIRED: Final = ("name", "description", "unit", "values")
_VALUE_KEYS: Final = frozenset(
    {"valid_from", "valid_until", "value", "confidence", "source", "note"}
)
_VALUE_REQUIRED: Final = ("valid_from", "value", "confidence", "source")


@functools.cache
def default_parameters() -> ParameterSet:
    """
    Return the packaged parameter set, labelled ``"default"``.

    It is read once and cached; being immutable, it is safe to share.
    Reforms are made with :meth:`ParameterSet.override`, which returns a
    new set.

    >>> from datetime import date
    >>> params = default_parameters()
    >>> params.label, params is default_parameters()
    ('default', True)
    >>> params.value("relay.oseo.guarantee_share", date(2009, 3, 16))
    Decimal('0.50')
    """
    return load_parameters(*packaged_parameter_files(), label="default")


def packaged_parameter_files() -> tuple[Traversable, ...]:
    """
    Return the packaged TOML files of the default set, in name order.

    >>> [file.name for file in packaged_parameter_files()]
    ['fui.toml', 'gov.toml', 'relay.toml', 'sme.toml', 'struct.toml']
    """
    data = resources.files("poles_policy.parameters").joinpath("data")
    return tuple(sorted(_toml_files(data), key=lambda f: f.name))


def load_parameters(
    *paths: str | os.PathLike[str] | Traversable, label: str | None = None
) -> ParameterSet:
    """
    Read parameter files into one set.

    Args:
        *paths: TOML files, or directories whose ``*.toml`` files are read
            in name order: each a string, a :class:`~pathlib.Path` or a
            packaged resource (see :func:`packaged_parameter_files`).
        label: The set's label; by default the file names, comma-separated.

    Raises:
        ParameterError: If no file is given, a file cannot be read or is
            invalid, or two files define the same parameter.
        WrongTypeError: If a path is neither text, a path nor a resource
            (``None``, bytes, a list of paths not unpacked with ``*``), or
            *label* is not a string.

    >>> from datetime import date
    >>> relay = [file for file in packaged_parameter_files() if file.name == "relay.toml"]
    >>> params = load_parameters(*relay)
    >>> params.label, params.value("relay.pilot_regions", date(2009, 3, 16))
    ('relay.toml', ('82',))
    """
    given: object = label  # a caller's slip may be anything
    if given is not None and not isinstance(given, str):
        msg = f"load_parameters: label must be a string or None, not {type(given).__name__}"
        raise WrongTypeError(msg)
    files = [f for path in map(_as_path, paths) for f in _expand(path)]
    if not files:
        msg = f"no parameter file found in {', '.join(map(str, paths)) or 'the arguments'}"
        raise ParameterError(msg)
    defined_in: dict[str, str] = {}
    parameters: list[Parameter] = []
    for file in files:
        shown = _display(file)
        try:
            text = file.read_text(encoding="utf-8")
        except OSError as exc:
            # strerror alone: the default text repeats the file name.
            msg = f"{shown}: cannot be read: {exc.strerror or exc}"
            raise ParameterError(msg) from None
        except UnicodeDecodeError as exc:
            msg = f"{shown}: cannot be read: not UTF-8 text ({exc.reason} at byte {exc.start})"
            raise ParameterError(msg) from None
        for parameter in _parse(text, file=shown):
            if parameter.name in defined_in:
                msg = (
                    f"{shown}: parameter {parameter.name!r} is already defined in "
                    f"{defined_in[parameter.name]}"
                )
                raise ParameterError(msg)
            defined_in[parameter.name] = shown
            parameters.append(parameter)
    if label is None:
        label = ", ".join(f.name for f in files)
    return ParameterSet(parameters=parameters, label=label)


def parameters_from_toml(
    text: str, *, file: str = "<string>", label: str | None = None
) -> ParameterSet:
    """
    Read one parameter file given as text.

    Args:
        text: The TOML text.
        file: The name used in error messages.
        label: The set's label; *file* by default.

    Raises:
        ParameterError: If the text is not a valid parameter file.
        WrongTypeError: If *text* is not a string (bytes read from a file
            must be decoded first), or *file* or *label* is not a string.

    >>> from datetime import date
    >>> text = '''
    ... [[parameter]]
    ... name = "relay.oseo.guarantee_share"
    ... description = "Share of the relay advance that OSEO counter-guarantees."
    ... unit = "share"
    ...   [[parameter.values]]
    ...   valid_from = 2008-04-01
    ...   value = "0.70"
    ...   confidence = "assumption"
    ...   source = "a what-if: OSEO covers 70 %"
    ... '''
    >>> params = parameters_from_toml(text, label="what-if")
    >>> params.value("relay.oseo.guarantee_share", date(2009, 3, 16))
    Decimal('0.70')
    """
    for name, value in (("text", text), ("file", file), ("label", label)):
        given: object = value  # a caller's slip may be anything
        if not isinstance(given, str) and not (name == "label" and given is None):
            hint = " (decode bytes first: data.decode())" if isinstance(given, bytes) else ""
            msg = f"parameters_from_toml: {name} must be a string, not {type(given).__name__}{hint}"
            raise WrongTypeError(msg)
    return ParameterSet(parameters=_parse(text, file=file), label=file if label is None else label)


def _toml_files(directory: Traversable) -> Iterator[Traversable]:
    return (f for f in directory.iterdir() if f.is_file() and f.name.endswith(".toml"))


def _as_path(path: object) -> Path | Traversable:
    """*path* as a path to read: a string or a path-like one becomes a :class:`Path`."""
    if isinstance(path, str | os.PathLike):
        return Path(path)
    if isinstance(path, Traversable):
        return path
    hint = " (unpack a list of paths with *)" if isinstance(path, list | tuple) else ""
    msg = (
        "load_parameters: each path must be a string, a pathlib.Path or a packaged resource, "
        f"not {type(path).__name__} {path!r}{hint}"
    )
    raise WrongTypeError(msg)


def _expand(path: Path | Traversable) -> list[Traversable]:
    if path.is_dir():
        return sorted(_toml_files(path), key=lambda f: f.name)
    return [path]


def _display(file: Traversable) -> str:
    return str(file) if isinstance(file, Path) else file.name


def _parse(text: str, *, file: str) -> list[Parameter]:
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = f"{file}: not valid TOML: {exc}"
        raise ParameterError(msg) from None
    _check_keys(document, allowed=_FILE_KEYS, required=(), where=file)
    entries = document.get("parameter", [])
    if not isinstance(entries, list):
        msg = f"{file}: 'parameter' must be an array of tables ([[parameter]])"
        raise ParameterError(msg)
    names: set[str] = set()
    parameters: list[Parameter] = []
    for i, entry in enumerate(entries):
        parameter = _parameter(entry, file=file, index=i)
        if parameter.name in names:
            msg = f"{file}: parameter {parameter.name!r} is defined twice"
            raise ParameterError(msg)
        names.add(parameter.name)
        parameters.append(parameter)
    return parameters


def _check_keys(
    table: dict[str, Any], *, allowed: frozenset[str], required: tuple[str, ...], where: str
) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        msg = (
            f"{where}: unknown key{'s' if len(unknown) > 1 else ''} "
            f"{', '.join(map(repr, unknown))} (allowed: {', '.join(sorted(allowed))})"
        )
        raise ParameterError(msg)
    missing = [key for key in required if key not in table]
    if missing:
        msg = f"{where}: missing {', '.join(map(repr, missing))}"
        raise ParameterError(msg)


def _text(table: dict[str, Any], key: str, *, where: str, default: str | None = None) -> str:
    value = table.get(key, default)
    if not isinstance(value, str):
        msg = f"{where}: {key} {value!r} is not a string"
        raise ParameterError(msg)
    return value


def _parameter(entry: object, *, file: str, index: int) -> Parameter:
    where = f"{file}: parameter[{index}]"
    if not isinstance(entry, dict):
        msg = f"{where}: {entry!r} is not a table"
        raise ParameterError(msg)
    if isinstance(entry.get("name"), str):
        where = f"{file}: parameter {entry['name']!r}"
    _check_keys(entry, allowed=_PARAMETER_KEYS, required=_PARAMETER_REQUIRED, where=where)
    name = _text(entry, "name", where=where)
    if not NAME_PATTERN.fullmatch(name):
        msg = f"{where}: name {name!r} is not dotted lower-case words (e.g. 'relay.pilot_regions')"
        raise ParameterError(msg)
    description = _text(entry, "description", where=where)
    if not description.strip():
        msg = f"{where}: description {description!r} is empty"
        raise ParameterError(msg)
    unit = entry["unit"]
    if not is_unit(unit):
        msg = f"{where}: unknown unit {unit!r} (known units: {', '.join(UNITS)})"
        raise ParameterError(msg)
    clauses = entry.get("clauses", [])
    if not isinstance(clauses, list) or not all(isinstance(c, str) for c in clauses):
        msg = f'{where}: clauses {clauses!r} is not a list of clause ids such as ["RELAY.5"]'
        raise ParameterError(msg)
    raw_values = entry["values"]
    if not isinstance(raw_values, list):
        msg = f"{where}: values {raw_values!r} is not an array of tables ([[parameter.values]])"
        raise ParameterError(msg)
    values = [
        _dated_value(raw, unit=unit, where=f"{where}: values[{j}]")
        for j, raw in enumerate(raw_values)
    ]
    try:
        return Parameter(
            name=name, description=description, unit=unit, clauses=clauses, values=values
        )
    except ParameterError as exc:
        msg = f"{file}: {exc}"
        raise ParameterError(msg) from None


def _dated_value(raw: object, *, unit: Unit, where: str) -> DatedValue:
    if not isinstance(raw, dict):
        msg = f"{where}: {raw!r} is not a table"
        raise ParameterError(msg)
    _check_keys(raw, allowed=_VALUE_KEYS, required=_VALUE_REQUIRED, where=where)
    confidence = raw["confidence"]
    if confidence not in CONFIDENCES:
        msg = f"{where}: confidence {confidence!r} is not one of {', '.join(CONFIDENCES)}"
        raise ParameterError(msg)
    source = _text(raw, "source", where=where)
    note = _text(raw, "note", where=where, default="")
    try:
        valid_from = parse_iso_date(raw["valid_from"], field="valid_from")
        valid_until = (
            None
            if "valid_until" not in raw
            else parse_iso_date(raw["valid_until"], field="valid_until")
        )
        return DatedValue(
            value=coerce_value(unit, raw["value"]),
            valid_from=valid_from,
            valid_until=valid_until,
            confidence=confidence,
            source=source,
            note=note,
        )
    except ParameterError as exc:
        msg = f"{where}: {exc}"
        raise ParameterError(msg) from None
