"""Assembles the con:center fake; its neighbours are reached through configured URLs."""

from __future__ import annotations

from pathlib import Path

from starlette.applications import Starlette

from fakes.common.app import build_app
from fakes.common.pages import Pages

from . import api, ui
from .models import Concenter
from .neighbours import HttpNeighbours, PartnerAccess

TITEL = "con:center"


def create(access: PartnerAccess, *, control_on: bool = True, seed: str | None = "ausgangslage") -> Starlette:
    model = Concenter()
    if seed:
        model.load(seed)
    pages = Pages(Path(__file__).parent / "templates", "concenter", "con:center")
    return build_app(system="concenter", title=TITEL, state=model,
                     endpoints=api.endpoints(model, lambda base, ticket: f"{base}/start/{ticket}"),
                     ui_routes=ui.routes(model, pages, HttpNeighbours(access)), pages=pages,
                     dump=lambda: api.dump(model), control_on=control_on)
