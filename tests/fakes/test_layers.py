"""The fakes' layers: models know no web framework; routes carry the names of the model operations."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.fakes.inprocess import PLATZHALTER, SYSTEME, fake_app
from tests.helpers import ROOT

MODELS = ["fakes.cloud.models", "fakes.concenter.models", "fakes.ams.models", "fakes.thinksurance.models"]


def test_the_models_import_no_web_framework() -> None:
    code = ("import sys\nimport " + ", ".join(MODELS) + "\n"
            "web = sorted(m for m in sys.modules if m.split('.')[0] in ('starlette', 'uvicorn', 'httpx', 'jinja2'))\n"
            "print(','.join(web))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"Die Modelle laden: {result.stdout.strip()}"


@pytest.mark.parametrize("system", SYSTEME)
def test_every_route_calls_the_model_operation_of_its_name(system: str) -> None:
    """One greps from the reference page to the route to the rule: handler name = model method."""
    app = fake_app(system, PLATZHALTER)
    model = app.state.model
    for path, operations in app.state.openapi["paths"].items():
        for method, op in operations.items():
            name = op["x-operation"]
            if op["tags"] == ["steuerung"]:
                continue  # the control API belongs to every fake, not to a model
            base = name.removesuffix("_v1")
            assert callable(getattr(model, base, None)), f"{system} {method.upper()} {path}: {name} ist keine Operation"


def test_the_lock_contract_is_read_from_the_model_operation() -> None:
    """An operation that calls a neighbour says so once, in the model (``@sperrt_selbst``); its endpoint reads
    it from there and runs it in a thread without taking the lock first. No handler restates it."""
    from fakes.ams import api
    from fakes.ams.models import Ams
    from fakes.ams.neighbours import HttpCloud, HttpConcenter
    from fakes.common.state import locks_itself

    model = Ams()
    endpoints = api.endpoints(model, HttpConcenter(PLATZHALTER["concenter"]), HttpCloud(None))
    assert {e.operation for e in endpoints if e.locks_itself(model)} == {
        "produktfreischaltungen_aktualisieren", "kunde_replizieren", "produkt_waehlen"}
    assert not any(locks_itself(e.handler) for e in endpoints), "Ein Handler wiederholt den Vertrag."
    for system in SYSTEME:
        if system != "ams":  # the other fakes' API operations do not call a neighbour
            app = fake_app(system, PLATZHALTER)
            ops = {op["x-operation"] for ops in app.state.openapi["paths"].values() for op in ops.values()}
            assert not any(locks_itself(getattr(app.state.model, o, None)) for o in ops), system
