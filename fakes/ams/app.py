"""Assembles the simulated ams.5."""

from __future__ import annotations

from pathlib import Path

from starlette.applications import Starlette

from fakes.common.app import build_app
from fakes.common.pages import Pages

from . import api, ui
from .models import Ams
from .neighbours import HttpCloud, HttpConcenter

TITEL = "ams.5"


def create(concenter_url: str, *, cloud_url: str | None = None, control_on: bool = True,
           seed: str | None = "ausgangslage") -> Starlette:
    model = Ams()
    if seed:
        model.load(seed)
    pages = Pages(Path(__file__).parent / "templates", "ams", "ams.5")
    cc, cloud = HttpConcenter(concenter_url), HttpCloud(cloud_url)
    endpoints = api.endpoints(model, cc, cloud)
    return build_app(system="ams", title=TITEL, state=model, endpoints=endpoints,
                     ui_routes=ui.routes(model, pages, {e.operation: e for e in endpoints}), pages=pages,
                     dump=lambda: api.dump(model),
                     control_on=control_on)
