"""Pôles, their labelling history, animation structure and State correspondent."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Final

from hypothesis import strategies as st

from poles_policy.model.poles import (
    EVALUATED_IF_LABELLED_BY,
    Category,
    GoverningBody,
    LabelEvent,
    LabelEventKind,
    Pole,
    StateCorrespondent,
)
from poles_policy.model.regions import regions_on
from poles_policy.testing._arguments import checked
from poles_policy.testing._values import PHASE_2_END, policy_dates, region_codes

# A few themes, two of them in two spellings, so that theme matching sees case and spaces.
_THEMES = (
    "micro-nanotechnologies",
    "Micro-nanotechnologies",
    "environment",
    "environment ",
    "textiles",
    "energy",
)

# A pôle's 2008 evaluation group, or none (None first: the simplest pôle has none).
_GROUPS: Final = st.sampled_from((None, 1, 2, 3))


@checked
@st.composite
def poles(draw: st.DrawFn, *, ident: str | None = None) -> Pole:
    """
    Generate pôles with themes, a 2008 group (or none) and a labelling history.

    The history starts with a label between July 2005 and 2010; it may then
    hold a confirmation, and after both a withdrawal (delabelling), each on
    a later day, until 2012. The head office is a region whose code was in
    force on the labelling day, as the model requires; one pôle in four is
    interregional, covering one or two other regions in force that day. Its
    animation structure (see :func:`governing_bodies`) is known or not
    (``None``), as is its State correspondent. Only a pôle labelled
    by the end of 2008 may have a 2008 evaluation group, as the model
    requires; a confirmation never follows the withdrawal. Themes
    are distinct under the library's reading (case and spaces aside). Ids are
    ``pole-0`` to ``pole-99``: give *ident*, or draw lists ``unique_by`` id.

    Shrinks toward ``pole-0``, a national pôle of Rhône-Alpes labelled on
    12 July 2005, never confirmed nor delabelled, without themes or other
    regions, with no known 2008 group, animation structure or State
    correspondent.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate])  # the first example found, not shrunk
    >>> pole = find(poles(ident="minalogic"), lambda pole: pole.history, settings=quick)
    >>> pole.id, date(2005, 7, 12) <= pole.history[0].on
    ('minalogic', True)
    """
    n = draw(st.integers(min_value=0, max_value=99))
    labelled_on = draw(policy_dates(min_value=date(2005, 7, 12), max_value=date(2010, 12, 31)))
    history = [LabelEvent(kind=LabelEventKind.LABELLED, on=labelled_on, source="generated")]
    last = labelled_on
    for kind in (LabelEventKind.CONFIRMED, LabelEventKind.DELABELLED):
        if last < PHASE_2_END and draw(st.booleans()):
            last = draw(policy_dates(min_value=last + timedelta(days=1), max_value=PHASE_2_END))
            history.append(LabelEvent(kind=kind, on=last, source="generated"))
    correspondent = draw(
        st.none() | st.just(StateCorrespondent(name=f"Correspondant {n}", service="DRIRE"))
    )
    themes = draw(
        st.lists(
            st.sampled_from(_THEMES),
            max_size=3,
            unique_by=lambda theme: " ".join(theme.split()).casefold(),
        )
    )
    head_office = draw(region_codes(labelled_on))
    others = sorted(r.code for r in regions_on(labelled_on) if r.code != head_office)
    other_regions = (
        draw(st.lists(st.sampled_from(others), min_size=1, max_size=2, unique=True))
        if others and draw(st.sampled_from((False, False, False, True)))
        else []
    )
    governing_body = draw(st.none() | governing_bodies())
    # The model refuses a 2008 group for a pôle first labelled after the evaluation. The group
    # is drawn all the same, then dropped: were it drawn only for the pôles evaluated, those
    # labelled later would make one draw fewer, and shrinking, which prefers fewer draws, would
    # end on a pôle labelled after 2008 instead of in July 2005.
    group = draw(_GROUPS)
    categories: list[Category] = [Category.NATIONAL, Category.MONDIAL, Category.VOCATION_MONDIALE]
    return Pole(
        id=ident if ident is not None else f"pole-{n}",
        name=f"Pôle {n} (generated)",
        category=draw(st.sampled_from(categories)),
        themes=themes,
        head_office_region=head_office,
        other_regions=other_regions,
        governing_body=governing_body,
        state_correspondent=correspondent,
        evaluation_group_2008=group if labelled_on <= EVALUATED_IF_LABELLED_BY else None,
        history=history,
    )


_LABEL_EVENT_KINDS: Final[tuple[LabelEventKind, ...]] = tuple(LabelEventKind)


@checked
@st.composite
def label_events(draw: st.DrawFn) -> LabelEvent:
    """
    Generate single labelling events, from the first labels of July 2005 to 2012.

    For whole, consistent histories, generate pôles with :func:`poles`.
    Shrinks toward a labelling (``LABELLED``) on 12 July 2005.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate])  # the first example found, not shrunk
    >>> event = find(label_events(), lambda event: True, settings=quick)
    >>> date(2005, 7, 12) <= event.on <= date(2012, 12, 31)
    True
    """
    return LabelEvent(
        kind=draw(st.sampled_from(_LABEL_EVENT_KINDS)),
        on=draw(policy_dates(min_value=date(2005, 7, 12))),
        source="generated",
    )


@checked
@st.composite
def governing_bodies(draw: st.DrawFn) -> GoverningBody:
    """
    Generate a pôle's animation structure, usually an association loi 1901.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate])  # the first example found, not shrunk
    >>> body = find(governing_bodies(), lambda body: True, settings=quick)
    >>> body.legal_form in ("association loi 1901", "groupement d'intérêt public")
    True
    """
    n = draw(st.integers(min_value=0, max_value=99))
    forms = ["association loi 1901", "groupement d'intérêt public"]
    return GoverningBody(
        name=f"Association {n} (generated)", legal_form=draw(st.sampled_from(forms))
    )


@checked
@st.composite
def state_correspondents(draw: st.DrawFn) -> StateCorrespondent:
    """
    Generate a pôle's State correspondent (GOV.3), in a DRIRE, a SGAR or a DIRECCTE.

    >>> from hypothesis import Phase, find, settings
    >>> quick = settings(phases=[Phase.generate])  # the first example found, not shrunk
    >>> correspondent = find(state_correspondents(), lambda c: True, settings=quick)
    >>> correspondent.service in ("DRIRE", "SGAR", "DIRECCTE")
    True
    """
    n = draw(st.integers(min_value=0, max_value=99))
    services = ["DRIRE", "SGAR", "DIRECCTE"]
    return StateCorrespondent(name=f"Correspondant {n}", service=draw(st.sampled_from(services)))
