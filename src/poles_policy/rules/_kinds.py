"""What kind of actor an actor is, in words, for the rules' explanations."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from poles_policy.explain import Text

if TYPE_CHECKING:
    from poles_policy.model.actors import Actor

__all__ = ["actor_kind"]

# Each kind of actor that is not an enterprise; in French with its indefinite article, which
# follows the noun's gender.
_KINDS: Final = {
    "ResearchOrganisation": Text(
        "research or training body", "un organisme de recherche ou de formation"
    ),
    "CooperationStructure": Text("cooperation structure", "une structure de coopération"),
    "LocalAuthority": Text("local authority", "une collectivité territoriale"),
    "StateBody": Text("State body", "un service de l'État"),
    "Bank": Text("bank", "une banque"),
    "Oseo": Text("OSEO office", "une implantation d'OSEO"),
}
_ANY: Final = Text("actor", "un acteur")


def actor_kind(actor: Actor) -> Text:
    """
    Name the kind of *actor* (English without article, French with it).

    >>> from poles_policy.model.actors import Bank
    >>> actor_kind(Bank(id="b", name="Banque de Lyon")).fr
    'une banque'
    """
    return _KINDS.get(type(actor).__name__, _ANY)
