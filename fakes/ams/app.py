"""Assembles the simulated ams.5."""

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
from .models import Ams
from .neighbours import HttpCloud, HttpConcenter

ZEILE = SYSTEM["ams"]  # this fake's row in the table of systems
NIRGENDS = "http://127.0.0.1:9"  # no con:center configured: every call to it is "nicht erreichbar"


def create(options: Options | None = None, urls: Mapping[str, str] | None = None) -> Starlette:
    """Without a cloud in ``urls`` replication refuses (an ams.5 without assfinet cloud)."""
    o, u = options or Options(), urls or {}
    model = Ams()
    if o.seed:
        model.load(o.seed)
    pages = Pages(Path(__file__).parent / "templates", ZEILE.name, ZEILE.oberflaeche)
    cc, cloud = HttpConcenter(u.get("concenter", NIRGENDS)), HttpCloud(u.get("cloud"))
    endpoints = api.endpoints(model, cc, cloud)
    return build_app(system=ZEILE.name, title=ZEILE.titel, state=model, endpoints=endpoints,
                     ui_routes=ui.routes(model, pages, {e.operation: e for e in endpoints}), pages=pages,
                     dump=lambda: api.dump(model), control_on=o.control_on)


def demo_zugang(url: str) -> dict[str, Any]:
    return {"url": url, "benutzer": demo.AMS_KUERZEL, "haupt_email": demo.MITARBEITER_EMAIL}


def demo_zeilen(z: dict[str, Any]) -> list[str]:
    return [f"ams.5-Benutzer {z['benutzer']} (Haupt-E-Mail {z['haupt_email']})"]
