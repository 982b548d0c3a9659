"""
Invariant checks shared by the domain objects.

Each raises :class:`~poles_policy.exceptions.InvalidInputError` naming the
field and the value; a value of the wrong type (a date written as a string,
a dict for an actor) raises its subclass
:class:`~poles_policy.exceptions.WrongTypeError`. They enforce what no real
object can be (a negative amount, a share above 1, an end before its
start); policy conditions are rules, not invariants.
"""

from __future__ import annotations

import numbers
import re
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, TypeVar, cast

import attrs

from poles_policy._arguments import not_a_day
from poles_policy.exceptions import InvalidInputError, WrongTypeError
from poles_policy.money import Eur, Rate, eur, rate

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "a_date",
    "an_id",
    "boolean",
    "calendar_year",
    "hidden_name",
    "ids",
    "is_a",
    "items",
    "non_empty",
    "non_negative",
    "optional_boolean",
    "optional_calendar_year",
    "optional_date",
    "optional_id",
    "optional_is_a",
    "optional_text",
    "plain_id",
    "readable",
    "repeated",
    "share",
    "strings",
    "to_bool",
    "to_eur",
    "to_optional_bool",
    "to_optional_eur",
    "to_optional_share",
    "to_optional_whole",
    "to_share",
    "to_whole",
    "unique",
    "whole_number",
]


def _where(instance: object, field: attrs.Attribute[Any]) -> str:
    return f"{type(instance).__name__}.{field.name}"


def _eur_of(value: Decimal | int | str, instance: object, field: attrs.Attribute[Any]) -> Eur:
    return eur(value, field=_where(instance, field))


def _optional_eur_of(
    value: Decimal | int | str | None, instance: object, field: attrs.Attribute[Any]
) -> Eur | None:
    return None if value is None else eur(value, field=_where(instance, field))


def _share_of(value: Decimal | int | str, instance: object, field: attrs.Attribute[Any]) -> Rate:
    return rate(value, field=_where(instance, field))


def _optional_share_of(
    value: Decimal | int | str | None, instance: object, field: attrs.Attribute[Any]
) -> Rate | None:
    return None if value is None else rate(value, field=_where(instance, field))


# The converters below name the class and the field in their errors
# ("PartnerAid.granted: 1.5 is a float; ..."), which takes attrs' Converter objects
# (the converter is given the instance and the field). mypy's attrs plugin reads
# only plain functions as converters: it is shown a function with the same
# signature as the value the constructor accepts.
if TYPE_CHECKING:

    def to_eur(value: Decimal | int | str) -> Eur:
        """Convert to an exact euro amount (floats refused)."""
        return eur(value)

    def to_optional_eur(value: Decimal | int | str | None) -> Eur | None:
        """Convert to an exact euro amount, keeping ``None`` (unknown)."""
        return None if value is None else eur(value)

    def to_share(value: Decimal | int | str) -> Rate:
        """Convert to an exact share (floats refused)."""
        return rate(value, field="share")

    def to_optional_share(value: Decimal | int | str | None) -> Rate | None:
        """Convert to an exact share, keeping ``None`` (unknown)."""
        return None if value is None else rate(value, field="share")

else:

    class _Named(attrs.Converter):
        """A converter given the instance and the field, typed for the tools that read hints."""

        def __init__(self, convert: Callable[..., object], accepts: object, gives: object) -> None:
            super().__init__(convert, takes_self=True, takes_field=True)
            # Hypothesis's st.builds reads a converter's hints to infer a field's values.
            self.__annotations__ = {"value": accepts, "return": gives}

    _GIVEN = Decimal | int | str
    to_eur = _Named(_eur_of, _GIVEN, Eur)
    to_optional_eur = _Named(_optional_eur_of, _GIVEN | None, Eur | None)
    to_share = _Named(_share_of, _GIVEN, Rate)
    to_optional_share = _Named(_optional_share_of, _GIVEN | None, Rate | None)


def non_negative(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse a negative amount or count (``None`` means unknown and passes)."""
    if isinstance(value, (int, Decimal)) and value < 0:
        msg = f"{type(instance).__name__}.{attribute.name}: {value} is negative"
        raise InvalidInputError(msg)


def share(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse a share outside 0..1 (``None`` means unknown and passes)."""
    if isinstance(value, Decimal) and not (0 <= value <= 1):
        msg = f"{type(instance).__name__}.{attribute.name}: {value} is not a share between 0 and 1"
        raise InvalidInputError(msg)


# Characters that change how a text shows without being seen: the C0 and C1 controls but the
# tab (NUL, a line break, a carriage return, ESC), the line and paragraph separators (U+2028,
# U+2029), and the bidirectional marks, embeddings, overrides and isolates (U+061C, U+200E,
# U+200F, U+202A-U+202E, U+2066-U+2069), and the zero-width characters (U+200B-U+200D, U+2060,
# U+FEFF), with which an id can display as another (or as nothing at all) or a name start a line
# of its own in an explanation. A tab, as a spreadsheet leaves it, is a blank.
HIDDEN_CHARACTERS: Final = (
    "\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060"
    "\u2066-\u2069\ufeff"
)
"""The ranges of hidden characters, as a regular expression's character class holds them."""
_HIDDEN: Final = re.compile(f"[{HIDDEN_CHARACTERS}]")


def readable(text: str) -> bool:
    r"""
    Tell whether *text* may be an id or a name: not blank, and no hidden character.

    Anything but a string (``None``, a number) is not readable: the builders
    then call the class's constructor, whose validator names the field in a
    :class:`~poles_policy.exceptions.WrongTypeError`.

    >>> readable("Minalogic"), readable("  "), readable("RA-2009\x00"), readable("\u202eABC")
    (True, False, False, False)
    >>> readable(None)
    False
    """
    try:
        if text.isprintable():  # the usual case, in C: no control, format or separator character
            return bool(text.strip())
    except AttributeError:  # not a string; costs nothing until raised
        return False
    found: object = text  # typed callers pass a string; others may not
    return isinstance(found, str) and bool(found.strip()) and _HIDDEN.search(found) is None


def plain_id(text: str) -> bool:
    """
    Tell whether *text* may be an id: :func:`readable`, and no blank at either end.

    >>> plain_id("minalogic"), plain_id(" minalogic "), plain_id("RA 2009")
    (True, False, True)
    """
    return readable(text) and not (text[0].isspace() or text[-1].isspace())


def optional_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """
    Refuse a blank text, one with a hidden character, and anything but a string; ``None`` passes.

    ``None`` says the text is not known: ``""`` is refused rather than kept
    as a second way of saying so.
    """
    if value is None:
        return
    owner = f"{type(instance).__name__}.{attribute.name}"
    if not isinstance(value, str):
        msg = f"{owner}: {value!r} is not a string"
        raise WrongTypeError(msg)
    if not value.strip():
        msg = f"{owner}: {value!r} is blank; leave it out (None) when it is not known"
        raise InvalidInputError(msg)
    refuse_hidden(owner, value)


def refuse_hidden(owner: str, text: str) -> None:
    """Refuse *text*, naming *owner*, if it holds a hidden character (see :func:`readable`)."""
    found = _HIDDEN.search(text)
    if found is not None:
        hidden = hidden_name(found.group())
        msg = f"{owner}: {text!r} holds {hidden}; ids, names and themes are plain text"
        raise InvalidInputError(msg)


def hidden_name(character: str) -> str:
    r"""
    Name a hidden *character* for a message: a control by its code, another with its name too.

    >>> hidden_name("\n"), hidden_name("\u200b")
    ('the control character U+000A', 'the character U+200B (ZERO WIDTH SPACE)')
    """
    code = f"U+{ord(character):04X}"
    if unicodedata.category(character) == "Cc":
        return f"the control character {code}"
    return f"the character {code} ({unicodedata.name(character, 'unnamed')})"


def non_empty(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse an empty or blank string, one with a hidden character, and anything but a string."""
    if not isinstance(value, str):
        msg = f"{type(instance).__name__}.{attribute.name}: {value!r} is not a string"
        raise WrongTypeError(msg)
    if not value.strip():
        msg = f"{type(instance).__name__}.{attribute.name}: must not be empty"
        raise InvalidInputError(msg)
    refuse_hidden(f"{type(instance).__name__}.{attribute.name}", value)


def unique(what: str, owner: str, keys: Iterable[str]) -> None:
    """
    Refuse a key that appears twice.

    Raises:
        InvalidInputError: Naming *owner*, *what*, the repeated key and the
            positions of its first two occurrences, counted from 0 as in a
            JSON path (``members: member 'a' appears twice (items 0 and 2)``).
    """
    found = repeated(what, keys)
    if found is not None:
        msg = f"{owner}: {found[1]}"
        raise InvalidInputError(msg)


def repeated(what: str, keys: Iterable[str]) -> tuple[int, str] | None:
    """
    Find the first key given again: its second position, and the reason :func:`unique` gives.

    The JSON boundary uses it to name a repeated item at its place in a
    document, in the words of :func:`unique`. ``None`` when every key is
    distinct.

    >>> repeated("accounting period", ["2008-12-31", "2009-12-31", "2008-12-31"])
    (2, "accounting period '2008-12-31' appears twice (items 0 and 2)")
    >>> repeated("theme", ["a", "b"]) is None
    True
    """
    seen: dict[str, int] = {}
    for position, key in enumerate(keys):
        first = seen.setdefault(key, position)
        if first != position:
            return position, f"{what} {key!r} appears twice (items {first} and {position})"
    return None


def strings(values: Iterable[str], field: str) -> tuple[str, ...]:
    """
    Read the list of strings (ids, themes, codes) of *field* as a tuple.

    Each item must be a string; its own checks (an id, a region code) are
    the field's validator's.

    Raises:
        WrongTypeError: If *values* is one string (it would otherwise be
            split into its letters), is not a list at all, or holds an item
            that is not a string.

    >>> strings(["minalogic", "axelera"], "pole_ids")
    ('minalogic', 'axelera')
    >>> strings("ab", "ids")
    Traceback (most recent call last):
    ...
    poles_policy.exceptions.WrongTypeError: ids: 'ab' is a single string, not a list: write ('ab',)
    """
    if isinstance(values, str):
        msg = f"{field}: {values!r} is a single string, not a list: write ({values!r},)"
        raise WrongTypeError(msg)
    found = _listed(values, field, "strings")
    for index, item in enumerate(found):
        if not isinstance(item, str):
            msg = f"{field}[{index}]: {item!r} is not a string"
            raise WrongTypeError(msg)
    return found


def _an_id(owner: str, value: object) -> None:
    if not isinstance(value, str):
        msg = f"{owner}: {value!r} is not an id"
        raise WrongTypeError(msg)
    if not value.strip():
        msg = f"{owner}: {value!r} is not an id"
        raise InvalidInputError(msg)
    refuse_hidden(owner, value)
    _unpadded(owner, value)


def _unpadded(owner: str, value: str) -> None:
    if value[0].isspace() or value[-1].isspace():
        # Ids are matched exactly: " minalogic " would name no pôle, and ask for its history.
        msg = (
            f"{owner}: id {value!r} has blanks around it; ids are matched exactly: write "
            f"{value.strip()!r}"
        )
        raise InvalidInputError(msg)


def an_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """
    Refuse an id that is not a non-blank string, holds a hidden character or has blanks around it.

    An id is matched exactly (a label's ``pole_id`` against the pôles, an
    aid's ``partner_id`` against the partners): ``" minalogic "`` is refused
    rather than taken for another id than ``"minalogic"``.

    Raises:
        WrongTypeError: For anything but a string.
        InvalidInputError: For a blank id (``must not be empty``), a hidden
            character, or blanks at either end.
    """
    non_empty(instance, attribute, value)
    _unpadded(f"{type(instance).__name__}.{attribute.name}", cast("str", value))


def ids(instance: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
    """Refuse an id that is not a non-blank string (WrongTypeError if not a string at all)."""
    owner = f"{type(instance).__name__}.{attribute.name}"
    for index, item in enumerate(value):
        # "Class.field[2]: ...": the JSON boundary names the item's path from it.
        _an_id(f"{owner}[{index}]", item)


def optional_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse an id that is not a non-blank string; ``None`` (no id) passes."""
    if value is not None:
        _an_id(f"{type(instance).__name__}.{attribute.name}", value)


def whole_number(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """
    Refuse anything but an int (a bool is not a number here); ``None`` passes.

    Raises:
        WrongTypeError: For a value of another type (``"2009"``, ``2009.0``,
            ``True``), naming the class and the field.
    """
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        msg = f"{type(instance).__name__}.{attribute.name}: {value!r} is not a whole number"
        raise WrongTypeError(msg)


def calendar_year(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """
    Refuse anything but a whole number from 1 to 9999, a year a date can have.

    Raises:
        WrongTypeError: For anything but an int, ``None`` included (see
            :func:`optional_calendar_year` for a year that may be unknown).
        InvalidInputError: For an int that no date has as its year.
    """
    if value is None:
        msg = f"{type(instance).__name__}.{attribute.name}: None is not a whole number"
        raise WrongTypeError(msg)
    optional_calendar_year(instance, attribute, value)


def optional_calendar_year(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    """Refuse anything but a whole number from 1 to 9999 or ``None``."""
    whole_number(instance, attribute, value)
    if isinstance(value, int) and not date.min.year <= value <= date.max.year:
        msg = (
            f"{type(instance).__name__}.{attribute.name}: {value} is not a calendar year "
            f"({date.min.year} to {date.max.year})"
        )
        raise InvalidInputError(msg)


_T = TypeVar("_T")


def _listed(values: object, field: str, of: str) -> tuple[Any, ...]:
    # A mapping or a single domain object is iterable or not, but never a list of items.
    if (
        isinstance(values, str | bytes | Mapping)
        or attrs.has(type(values))
        or not isinstance(values, Iterable)
    ):
        msg = f"{field}: {values!r} is not a list of {of}"
        raise WrongTypeError(msg)
    if isinstance(values, set | frozenset):
        # A set's order changes from one process to the next (string hashing is salted): the
        # object, its equality and its JSON form would too.
        msg = (
            f"{field}: a set has no order, and the items keep the order given; give a list or "
            "a tuple (sorted(...) for a set)"
        )
        raise WrongTypeError(msg)
    return tuple(values)


def items(values: Iterable[_T], kind: type[_T], field: str) -> tuple[_T, ...]:
    """
    Read the list of *kind* objects of *field* as a tuple, checking each item's type.

    A converter calls it before it sorts the items, so that a dict or a
    string among them is named instead of failing inside the sort.

    Raises:
        WrongTypeError: If *values* is not a list (``None``, a string, a
            single object), or an item is not a *kind*.

    >>> from datetime import date
    >>> from poles_policy.model.projects import PoleLabel
    >>> items([PoleLabel(pole_id="minalogic", labelled_on=date(2008, 10, 15))], PoleLabel, "labels")
    (PoleLabel(pole_id='minalogic', labelled_on=datetime.date(2008, 10, 15)),)
    >>> items(["minalogic"], PoleLabel, "labels")
    Traceback (most recent call last):
    ...
    poles_policy.exceptions.WrongTypeError: labels[0]: 'minalogic' is not of type PoleLabel
    """
    found = _listed(values, field, kind.__name__)
    for index, item in enumerate(found):
        if not isinstance(item, kind):
            msg = f"{field}[{index}]: {item!r} is not of type {kind.__name__}"
            raise WrongTypeError(msg)
    return found


def to_bool(value: bool) -> bool:  # noqa: FBT001 - a converter takes the value alone
    """
    Read a NumPy bool (a DataFrame row holds them) as Python's; leave the rest to the validator.

    Typed for what callers should pass; the validator then refuses what is not a bool.

    >>> import numpy as np
    >>> to_bool(np.True_) is True
    True
    """
    given: object = value
    if type(given) is bool:
        return value
    dtype = getattr(given, "dtype", None)
    if getattr(dtype, "kind", None) == "b" and getattr(given, "ndim", None) == 0:
        return bool(given)
    return value


def to_optional_bool(value: bool | None) -> bool | None:  # noqa: FBT001 - a converter
    """Read a NumPy bool as Python's, as :func:`to_bool` does; ``None`` (not known) stays."""
    return None if value is None else to_bool(value)


def to_optional_whole(value: int | None) -> int | None:
    """Read an exact integer of another type as Python's, as :func:`to_whole` does; None stays."""
    return None if value is None else to_whole(value)


def to_whole(value: int) -> int:
    """
    Read an exact integer of another type (NumPy's ``int64``) as Python's; leave anything else.

    Typed for what callers should pass; the validator then refuses what is not an int.

    >>> import numpy as np
    >>> to_whole(np.int64(2010)), to_whole(2010.0), to_whole(True)
    (2010, 2010.0, True)
    """
    given: object = value
    if type(given) is int or isinstance(given, bool) or not isinstance(given, numbers.Integral):
        return value
    return int(given)


def boolean(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse anything but ``True`` or ``False`` (``None`` would read as false)."""
    if not isinstance(value, bool):
        msg = f"{type(instance).__name__}.{attribute.name}: {value!r} is not true or false"
        raise WrongTypeError(msg)


def is_a(
    kind: type | tuple[type, ...], what: str = ""
) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """
    Return a validator refusing a value that is not a *kind* (an enum member, say).

    *kind* may be a tuple of classes, named *what* in the message.
    """
    name = what or (kind.__name__ if isinstance(kind, type) else "/".join(k.__name__ for k in kind))

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            owner = f"{type(instance).__name__}.{attribute.name}"
            msg = f"{owner}: {value!r} is not of type {name}"
            raise WrongTypeError(msg)

    check.__name__ = f"is_a_{name}"
    return check


def optional_is_a(kind: type) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """Return a validator refusing a value that is neither ``None`` nor a *kind*."""
    check = is_a(kind)

    def optional(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            check(instance, attribute, value)

    optional.__name__ = f"optional_{kind.__name__}"
    return optional


def optional_boolean(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse anything but ``True``, ``False`` or ``None`` (not known)."""
    if value is not None and not isinstance(value, bool):
        msg = (
            f"{type(instance).__name__}.{attribute.name}: {value!r} is not true, false "
            "or None (not known)"
        )
        raise WrongTypeError(msg)


def a_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """
    Refuse anything but a :class:`datetime.date`; a ``datetime`` is not a day.

    >>> import attrs
    >>> @attrs.frozen
    ... class Meeting:
    ...     held_on: date = attrs.field(validator=a_date)
    >>> Meeting("2009-12-14")
    Traceback (most recent call last):
    ...
    poles_policy.exceptions.WrongTypeError: Meeting.held_on: '2009-12-14' is not a
    datetime.date (read it with datetime.date.fromisoformat)
    """
    hint = not_a_day(value)
    if hint is None:
        return
    msg = f"{type(instance).__name__}.{attribute.name}: {value!r} is not a datetime.date{hint}"
    raise WrongTypeError(msg)


def optional_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse anything but a :class:`datetime.date` or ``None``."""
    if value is not None:
        a_date(instance, attribute, value)
