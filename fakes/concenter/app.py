"""Assembles the con:center fake; its neighbours are reached through configured URLs."""

from __future__ import annotations

from pathlib import Path

from starlette.applications import Starlette

from fakes.common.app import ADRESSE, build_app
from fakes.common.pages import Pages

from . import api, ui
from .daten import PROTOKOLL_MAX
from .models import Concenter
from .neighbours import HttpNeighbours, PartnerAccess

TITEL = "con:center"


def create(access: PartnerAccess, *, control_on: bool = True, seed: str | None = "ausgangslage",
           adresse: str = ADRESSE, protokoll_max: int = PROTOKOLL_MAX) -> Starlette:
    """``adresse``: the configured base URL; launch links are built from it, never from the Host
    header. ``protokoll_max``: launch-log entries kept."""
    model = Concenter(protokoll_max=protokoll_max)
    if seed:
        model.load(seed)
    pages = Pages(Path(__file__).parent / "templates", "concenter", "con:center")
    endpoints = api.endpoints(model, lambda ticket: f"{adresse}/start/{ticket}")
    return build_app(system="concenter", title=TITEL, state=model, endpoints=endpoints,
                     ui_routes=ui.routes(model, pages, HttpNeighbours(access), {e.operation: e for e in endpoints}),
                     pages=pages,
                     dump=lambda: api.dump(model), control_on=control_on)
