"""Assembles the assfinet cloud fake."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

from starlette.applications import Starlette

from basis import demo
from basis.systeme import SYSTEM
from fakes.common.app import build_app
from fakes.common.pages import Pages
from fakes.options import Options

from . import api, ui
from .models import Cloud

ZEILE = SYSTEM["cloud"]  # this fake's row in the table of systems


def create(options: Options | None = None, urls: Mapping[str, str] | None = None) -> Starlette:
    o = options or Options()
    model = Cloud()
    if o.seed:
        model.load(o.seed)
    pages = Pages(Path(__file__).parent / "templates", ZEILE.name, ZEILE.oberflaeche)
    endpoints = api.endpoints(model)
    return build_app(system=ZEILE.name, title=ZEILE.titel, state=model, endpoints=endpoints,
                     ui_routes=ui.routes(model, pages, {e.operation: e for e in endpoints}), pages=pages,
                     dump=lambda: api.dump(model), control_on=o.control_on)


def demo_zugang(url: str) -> dict[str, Any]:
    """What a person needs to practise here (invented values)."""
    return {"url": url, "drive": f"{url}/drive/{demo.BESTAND}", "bestand": demo.BESTAND,
            "benutzer": demo.MITARBEITER_EMAIL}


def demo_zeilen(z: dict[str, Any]) -> list[str]:
    return [f"assfinet drive {z['drive']}"]
