"""
Every ``from_domain`` of the JSON boundary refuses an argument of the wrong type.

``None``, a dict, a string or a domain object of another class (even one with
the same attribute names, an OSEO office given as a bank) raise
WrongTypeError naming the model and what was given, never an AttributeError
from inside nor the JSON description of something else. The models are found
by walking the boundary modules, so a new ``from_domain`` is checked too.

``boundary/case.py`` is left out: its two ``from_domain`` methods check their
argument on their own terms (see its tests).
"""

from __future__ import annotations

import inspect
import typing
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from poles_policy._arguments import given as shown
from poles_policy.boundary import (
    actors,
    allocations,
    assessment,
    contracts,
    decision,
    interpole,
    platforms,
    poles,
    projects,
    regions,
    relay,
    standing,
    steering,
    synergies,
)
from poles_policy.boundary._base import Model, from_domain_of
from poles_policy.boundary.actors import (
    AccountsModel,
    BankModel,
    OseoModel,
    actor_from_domain,
    actor_to_domain,
)
from poles_policy.boundary.decision import DecisionModel
from poles_policy.data import rhone_alpes_poles
from poles_policy.data.demo import demo_cases
from poles_policy.exceptions import InvalidInputError, WrongTypeError
from poles_policy.explain import Decision
from poles_policy.model.actors import Accounts, Actor, Bank, Enterprise, Oseo
from poles_policy.model.regions import all_regions
from poles_policy.parameters import default_parameters
from poles_policy.rules.relay import eligibility

MODULES = (
    actors,
    allocations,
    assessment,
    contracts,
    decision,
    interpole,
    platforms,
    poles,
    projects,
    regions,
    relay,
    standing,
    steering,
    synergies,
)


def _models_with_from_domain() -> dict[type[Any], type[Any]]:
    """Each boundary model that defines ``from_domain``, with the domain class it describes."""
    found: dict[type[Any], type[Any]] = {}
    for module in MODULES:
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(cls, Model)
                and cls.__module__ == module.__name__
                and "from_domain" in vars(cls)
            ):
                method = vars(cls)["from_domain"].__func__
                found[cls] = typing.get_type_hints(method)["obj"]
    return found


DOMAIN_OF = _models_with_from_domain()
MODELS = sorted(DOMAIN_OF, key=lambda model: model.__name__)


def _names(model: type[Any]) -> str:
    return model.__name__


def _refusal(model: type[Any], given: object) -> str:
    name = DOMAIN_OF[model].__name__
    article = "an" if name[0] in "AEIOU" else "a"
    return f"{model.__name__}.from_domain: obj must be {article} {name}, not {shown(given)}"


def _assert_refused(model: type[Any], given: object) -> None:
    with pytest.raises(WrongTypeError) as caught:
        model.from_domain(given)
    message = str(caught.value)
    assert message.startswith(f"{model.__name__}.from_domain: obj must be a")
    assert message == _refusal(model, given)
    assert isinstance(caught.value, InvalidInputError)
    assert isinstance(caught.value, TypeError)


def test_every_from_domain_of_the_boundary_is_found() -> None:
    # 41 models outside case.py; a new one is added to the list by itself.
    assert len(MODELS) >= 41
    assert {AccountsModel, BankModel, OseoModel, DecisionModel} <= set(MODELS)


@pytest.mark.parametrize("model", MODELS, ids=_names)
def test_from_domain_keeps_its_name_signature_and_docstring(model: type[Any]) -> None:
    method = vars(model)["from_domain"].__func__
    assert method.__name__ == "from_domain"
    assert method.__qualname__ == f"{model.__name__}.from_domain"
    assert method.__doc__
    assert list(inspect.signature(model.from_domain).parameters) == ["obj"]
    assert typing.get_type_hints(method)["return"] is model


@pytest.mark.parametrize("model", MODELS, ids=_names)
@pytest.mark.parametrize(
    "given",
    [None, {}, {"id": "b1", "name": "Banque"}, "Banque", 0, ("b1", "Banque")],
    ids=["None", "empty-dict", "dict", "str", "int", "tuple"],
)
def test_from_domain_refuses_a_value_that_is_no_domain_object(
    model: type[Any], given: object
) -> None:
    _assert_refused(model, given)


# One object of each domain class the packaged data holds, and a decision on each demo case.
def _walk(value: object, into: dict[type[Any], list[object]]) -> None:
    cls = type(value)
    if attrs.has(cls):
        into.setdefault(cls, []).append(value)
        for field in attrs.fields(cls):
            _walk(getattr(value, field.name), into)
    elif isinstance(value, tuple | list | frozenset | set):
        for item in value:
            _walk(item, into)


def _packaged() -> dict[type[Any], list[object]]:
    found: dict[type[Any], list[object]] = {}
    cases = demo_cases()
    _walk(cases, found)
    _walk(rhone_alpes_poles(), found)
    _walk(all_regions(), found)
    parameters = default_parameters()
    found[Decision] = [eligibility(case.request, parameters) for case in cases]
    return found


PACKAGED = _packaged()
SAMPLES = [objects[0] for objects in PACKAGED.values()]


@pytest.mark.parametrize("model", MODELS, ids=_names)
def test_from_domain_refuses_a_domain_object_of_another_class(model: type[Any]) -> None:
    others = [obj for obj in SAMPLES if type(obj) is not DOMAIN_OF[model]]
    assert len(others) >= len(SAMPLES) - 1
    for obj in others:
        _assert_refused(model, obj)


@pytest.mark.parametrize(
    ("model", "twin"),
    [(BankModel, Oseo(id="oseo-ra", name="OSEO Rhône-Alpes")), (OseoModel, Bank(id="b", name="B"))],
    ids=["oseo-as-bank", "bank-as-oseo"],
)
def test_an_object_with_the_same_attributes_is_not_taken_for_another(
    model: type[Any], twin: object
) -> None:
    _assert_refused(model, twin)


def test_the_packaged_data_round_trips_through_every_from_domain_it_reaches() -> None:
    reached = set()
    for model, domain in DOMAIN_OF.items():
        for obj in PACKAGED.get(domain, ()):
            described = model.from_domain(obj)
            assert isinstance(described, model)
            assert type(described).model_validate_json(described.model_dump_json()) == described
            assert described.to_domain() == obj
            reached.add(model.__name__)
    assert {
        "AccountsModel",
        "AidDecisionModel",
        "BankModel",
        "CollaborativeProjectModel",
        "DecisionModel",
        "EnterpriseModel",
        "LabelEventModel",
        "PartnerAidModel",
        "PaymentModel",
        "PoleLabelModel",
        "PoleModel",
        "ProjectPartnerModel",
        "RegionModel",
        "RelayLoanModel",
        "RelayRequestModel",
        "ResearchOrganisationModel",
        "ScheduledPaymentModel",
    } <= reached


GENERATED = [model for model in MODELS if DOMAIN_OF[model] is not Decision]


@pytest.mark.parametrize("model", GENERATED, ids=_names)
@settings(max_examples=5, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_from_domain_takes_any_valid_object_and_only_its_own_models(
    model: type[Any], data: st.DataObject
) -> None:
    obj = data.draw(st.from_type(DOMAIN_OF[model]), label="obj")
    assert model.from_domain(obj).to_domain() == obj
    for other, domain in DOMAIN_OF.items():
        if not isinstance(obj, domain):
            _assert_refused(other, obj)


def _demo_accounts() -> Accounts:
    applicant = demo_cases()[0].request.applicant
    assert isinstance(applicant, Enterprise)
    return applicant.accounts[0]


ACTOR_KINDS = (
    "Enterprise, ResearchOrganisation, CooperationStructure, LocalAuthority, StateBody, Bank, Oseo"
)
ACTOR_MODELS = (
    "EnterpriseModel, ResearchOrganisationModel, CooperationStructureModel, LocalAuthorityModel, "
    "StateBodyModel, BankModel, OseoModel"
)


@pytest.mark.parametrize(
    "given",
    [
        None,
        {"kind": "bank", "id": "b", "name": "B"},
        "Banque",
        demo_cases()[0].request,
        demo_cases()[0],
        rhone_alpes_poles()[0],
        _demo_accounts(),
        BankModel(id="b", name="B"),
    ],
    ids=["None", "dict", "str", "request", "case", "pole", "accounts", "model"],
)
def test_actor_from_domain_refuses_what_is_no_actor(given: object) -> None:
    with pytest.raises(WrongTypeError) as caught:
        actor_from_domain(given)  # type: ignore[arg-type]
    assert str(caught.value) == (
        f"actor_from_domain: actor must be an Actor ({ACTOR_KINDS}), not {shown(given)}"
    )


@pytest.mark.parametrize(
    "given",
    [
        None,
        {"kind": "bank", "id": "b", "name": "B"},
        "Banque",
        Bank(id="b", name="B"),
        AccountsModel.from_domain(_demo_accounts()),
    ],
    ids=["None", "dict", "str", "domain-actor", "accounts-model"],
)
def test_actor_to_domain_refuses_what_is_no_actor_model(given: object) -> None:
    with pytest.raises(WrongTypeError) as caught:
        actor_to_domain(given)  # type: ignore[arg-type]
    assert str(caught.value) == (
        f"actor_to_domain: model must be an actor model ({ACTOR_MODELS}), not {shown(given)}"
    )


@settings(max_examples=20)
@given(st.from_type(Actor))  # type: ignore[arg-type]
def test_every_actor_kind_still_goes_both_ways(actor: Actor) -> None:
    assert actor_to_domain(actor_from_domain(actor)) == actor


def test_a_decorator_naming_another_class_than_the_annotation_is_refused_at_definition() -> None:
    def from_domain(cls: type[Model], obj: Oseo) -> Model:  # noqa: ARG001 - only its signature counts
        return cls()

    with pytest.raises(TypeError, match=r"from_domain_of\(Bank\) decorates"):
        from_domain_of(Bank)(from_domain)


def test_the_message_names_the_argument_as_the_method_does() -> None:
    def from_domain(cls: type[Model], case: Bank) -> Model:  # noqa: ARG001 - refused before the call
        return cls()

    checked: Any = from_domain_of(Bank)(from_domain)
    with pytest.raises(WrongTypeError) as caught:
        checked(Model, Oseo(id="o", name="OSEO"))
    assert str(caught.value) == (
        "Model.from_domain: case must be a Bank, not Oseo Oseo(id='o', name='OSEO')"
    )
