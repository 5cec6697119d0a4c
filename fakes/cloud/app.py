"""Assembles the assfinet cloud fake."""

from __future__ import annotations

from pathlib import Path

from starlette.applications import Starlette

from fakes.common.app import build_app
from fakes.common.pages import Pages

from . import api, ui
from .models import Cloud

TITEL = "assfinet cloud"


def create(*, control_on: bool = True, seed: str | None = "ausgangslage") -> Starlette:
    model = Cloud()
    if seed:
        model.load(seed)
    pages = Pages(Path(__file__).parent / "templates", "cloud", "assfinet drive")
    endpoints = api.endpoints(model)
    return build_app(system="cloud", title=TITEL, state=model, endpoints=endpoints,
                     ui_routes=ui.routes(model, pages, {e.operation: e for e in endpoints}), pages=pages,
                     dump=lambda: api.dump(model), control_on=control_on)
