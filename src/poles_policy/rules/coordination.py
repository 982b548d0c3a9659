"""
National coordination between pôles of the same or complementary themes (GOV.4).

"La coordination entre pôles d'une même thématique, ou de thématiques
complémentaires, à l'échelon national est encouragée." The text encourages
coordination; it does not make it a condition. :func:`coordination_groups`
finds the groups it encourages among the pôles labelled on a date:

- **same theme**: every theme that at least two labelled pôles share forms
  one group;
- **complementary themes**: the text does not say which themes complement
  each other, so the caller names the pairs; each pair forms one group of
  the labelled pôles having either theme, when at least one pôle has the
  first and another the second.

Themes are compared without regard to case, repeated spaces or Unicode
composition ("Micro-nanotechnologies" and "micro-nanotechnologies " are one
theme); a pair given twice, in either order, forms one group; a
group shows each theme as first spelled among the labelled pôles. Pôles keep
the order given within a group. Same-theme groups come first, in the order
of their themes' casefolded spelling, then the complementary groups in the
order of the pairs.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Any, Final

import attrs

from poles_policy._arguments import refuse
from poles_policy.exceptions import InvalidInputError
from poles_policy.explain import Text, json_fields
from poles_policy.model.poles import same_theme
from poles_policy.rules._inputs import expect, expect_date, poles_by_id

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import date

    from poles_policy.explain import Lang
    from poles_policy.model.poles import Pole

__all__ = ["CoordinationGroup", "Kinship", "coordination_groups", "theme_key"]

CLAUSES: Final = ("GOV.4",)
"""The clause the groups answer."""


class Kinship(enum.Enum):
    """Why the pôles of a group should coordinate (GOV.4)."""

    SAME_THEME = "same_theme"
    """They share a theme (*une même thématique*)."""
    COMPLEMENTARY = "complementary"
    """Their themes complement each other (*thématiques complémentaires*)."""


@attrs.frozen(kw_only=True)
class CoordinationGroup:
    """
    Pôles whose national coordination GOV.4 encourages.

    Attributes:
        kinship: Same theme, or complementary themes.
        themes: The shared theme, or the two complementary themes.
        pole_ids: The labelled pôles of the group (at least two), in the
            order given.
    """

    kinship: Kinship
    themes: tuple[str, ...]
    pole_ids: tuple[str, ...]

    def describe(self, lang: Lang = "en") -> str:
        """
        Describe the group on one line, with its clause.

        Args:
            lang: ``"en"`` or ``"fr"``.
        """
        if self.kinship is Kinship.SAME_THEME:
            why = Text(f"same theme ({self.themes[0]})", f"même thématique ({self.themes[0]})")
        else:
            pair = " + ".join(self.themes)
            why = Text(f"complementary themes ({pair})", f"thématiques complémentaires ({pair})")
        colon = " :" if lang == "fr" else ":"
        return f"GOV.4 — {why.in_lang(lang)}{colon} {', '.join(self.pole_ids)}"

    def to_dict(self) -> dict[str, Any]:
        """Return the group as JSON-ready data (exact decimals as text, dates in ISO form)."""
        return json_fields(self)


def theme_key(theme: str) -> str:
    """
    Return the spelling by which two themes are the same: case, blanks and accents' encoding aside.

    NFC first, so that an accented letter typed as one character or as two is one theme.

    >>> theme_key("  Eco-Technologies ") == theme_key("eco-technologies")
    True

    Raises:
        WrongTypeError: If *theme* is not a string.
    """
    expect(theme, str, "theme", "theme_key")
    return same_theme(theme)


def _pairs(complementary: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """Check the pairs and drop repeats (in either order), keeping the first of each."""
    pairs: list[tuple[str, str]] = []
    seen: set[frozenset[str]] = set()
    # Typed as pairs, but read as anything: a caller's typo must not split a string into letters.
    items: object = complementary  # typed as pairs, but a caller's slip may be anything
    if isinstance(items, str | bytes) or not hasattr(items, "__iter__"):
        refuse("coordination_groups", "complementary", "a list of pairs of themes", items)
    given: Iterable[object] = complementary
    for pair in given:
        if (
            not isinstance(pair, tuple | list)
            or len(pair) != 2
            or not all(isinstance(theme, str) for theme in pair)
        ):
            msg = f"coordination_groups: complementary: {pair!r} is not a pair of two themes"
            raise InvalidInputError(msg)
        first, second = pair
        a, b = theme_key(first), theme_key(second)
        if not a or not b or a == b:
            msg = (
                f"coordination_groups: complementary: ({first!r}, {second!r}) is not a pair of "
                "two distinct themes"
            )
            raise InvalidInputError(msg)
        if frozenset((a, b)) not in seen:
            seen.add(frozenset((a, b)))
            pairs.append((a, b))
    return pairs


def coordination_groups(
    poles: Iterable[Pole],
    on: date,
    *,
    complementary: Iterable[tuple[str, str]] = (),
) -> tuple[CoordinationGroup, ...]:
    """
    Find the groups of pôles labelled on *on* whose coordination GOV.4 encourages.

    Args:
        poles: The pôles to group; those not labelled on *on* are left out.
        on: The date the labels are read.
        complementary: Pairs of themes the caller holds to be
            complementary (the text names none).

    Returns:
        The same-theme groups, then the complementary-theme groups; a theme
        or pair that brings fewer than two labelled pôles together forms no
        group.

    Raises:
        InvalidInputError: If *poles* holds something that is not a pôle or
            two pôles with one id, or an item of *complementary* is not a
            pair of two distinct, non-empty themes.

    >>> from datetime import date
    >>> from poles_policy.model.poles import Category, LabelEvent, LabelEventKind, Pole
    >>> label = (LabelEvent(kind=LabelEventKind.LABELLED, on=date(2005, 7, 12), source="CIADT"),)
    >>> def pole(ident, *themes):
    ...     return Pole(
    ...         id=ident,
    ...         name=ident,
    ...         category=Category.NATIONAL,
    ...         head_office_region="82",
    ...         themes=themes,
    ...         history=label,
    ...     )
    >>> groups = coordination_groups(
    ...     [
    ...         pole("axelera", "chemistry", "environment"),
    ...         pole("trimatec", "environment"),
    ...         pole("techtera", "textiles"),
    ...     ],
    ...     date(2009, 7, 1),
    ...     complementary=[("chemistry", "textiles")],
    ... )
    >>> for group in groups:
    ...     print(group.describe())
    GOV.4 — same theme (environment): axelera, trimatec
    GOV.4 — complementary themes (chemistry + textiles): axelera, techtera
    """
    expect_date(on, "on", "coordination_groups")
    labelled = [pole for pole in poles_by_id(poles).values() if pole.is_labelled_on(on)]
    spelling: dict[str, str] = {}
    members: dict[str, list[str]] = {}
    for pole in labelled:
        for theme in pole.themes:
            key = theme_key(theme)
            spelling.setdefault(key, theme.strip())
            ids = members.setdefault(key, [])
            if pole.id not in ids:
                ids.append(pole.id)
    groups = [
        CoordinationGroup(kinship=Kinship.SAME_THEME, themes=(spelling[k],), pole_ids=tuple(ids))
        for k, ids in sorted(members.items())
        if len(ids) >= 2
    ]
    for a, b in _pairs(complementary):
        with_a, with_b = members.get(a, []), members.get(b, [])
        ids = [p.id for p in labelled if p.id in with_a or p.id in with_b]
        # Two pôles of the pair's two sides, not one pôle holding both themes.
        if any(x != y for x in with_a for y in with_b):
            groups.append(
                CoordinationGroup(
                    kinship=Kinship.COMPLEMENTARY,
                    themes=(spelling[a], spelling[b]),
                    pole_ids=tuple(ids),
                )
            )
    return tuple(groups)
