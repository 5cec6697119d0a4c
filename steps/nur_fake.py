"""Steps that need something only a fake offers: its control API, its support paths (``/_support/…``),
or an interface that stands in for what the assfinet or Thinksurance support does by hand (features of a
Bestand, a con:center user's products, re-assigning a b-Token).

A step says so with ``@nur_im_fake(system, grund)``; a scenario that uses such a step carries the tag
``@nur_fake`` in its feature file – so QA's tools and the published guide show it –, and a scenario whose
tag and steps disagree fails with the reason. Against a target where that system is neither embedded nor
controlled (``steuerung = true``) the scenario is skipped with the reason before its first step – never
failed.
"""

from __future__ import annotations

from typing import Any, Callable, TypeVar

import pytest

from basis.systeme import TITEL
from basis.ziel import Target

F = TypeVar("F", bound=Callable[..., Any])
NUR_FAKE: dict[Callable[..., Any], tuple[str, str]] = {}  # step function -> (system, reason)


def nur_im_fake(system: str, grund: str) -> Callable[[F], F]:
    """Marks a step function (put it closest to ``def``, below ``@given``/``@when``)."""
    def markieren(f: F) -> F:
        NUR_FAKE[f] = (system, grund)
        return f
    return markieren


def schritt_funktionen(item: pytest.Item) -> list[Callable[..., Any]]:
    """The step functions a scenario's steps resolve to (as pytest-bdd will resolve them)."""
    from pytest_bdd.scenario import scenario_wrapper_template_registry
    from pytest_bdd.steps import step_function_context_registry

    function = getattr(item, "function", None)
    template = scenario_wrapper_template_registry.get(function) if callable(function) else None
    if template is None:
        return []
    callspec = getattr(item, "callspec", None)
    scenario = template.render(callspec.params.get("_pytest_bdd_example", {}) if callspec else {})
    kontexte = list(step_function_context_registry.values())
    # Every definition whose text matches (pytest-bdd picks one of them; all count here).
    return [k.step_func for step in scenario.steps for k in kontexte
            if (k.type is None or k.type == step.type) and k.parser.is_matching(step.name)]


BRAUCHT = pytest.StashKey[list[tuple[str, str]]]()  # (system, reason) of each fake-only step
FALSCH = pytest.StashKey[str]()  # why tag and steps disagree


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        braucht = list(dict.fromkeys(NUR_FAKE[f] for f in schritt_funktionen(item) if f in NUR_FAKE))
        item.stash[BRAUCHT] = braucht
        if bool(braucht) != (item.get_closest_marker("nur_fake") is not None):
            item.stash[FALSCH] = ("Tag @nur_fake und Schritte passen nicht zusammen: " +
                                  ("ein Schritt braucht einen Fake, das Tag fehlt im Feature" if braucht else
                                   "das Szenario trägt @nur_fake, aber kein Schritt braucht einen Fake"))


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """A disagreement fails the scenario with its reason (also under xdist, where collection cannot stop
    the run with a message)."""
    falsch = item.stash.get(FALSCH, None)
    if falsch:
        pytest.fail(falsch, pytrace=False)


def ueberspringen(item: pytest.Item, target: Target) -> None:
    """Skip the scenario here if it needs a fake the target does not have (called before its first step)."""
    for system, grund in item.stash.get(BRAUCHT, []):
        if system not in target.controllable:
            pytest.skip(f"Nur gegen einen Fake: {grund} – {TITEL[system]} hat auf diesem Ziel keine Steuerung "
                        "(eingebettet oder steuerung = true).")
