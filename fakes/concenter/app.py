"""Assembles the con:center fake; its neighbours are reached through configured URLs."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

from starlette.applications import Starlette

from basis import demo
from basis.systeme import SYSTEM
from fakes.common.app import ADRESSE, build_app
from fakes.common.pages import Pages
from fakes.options import Options

from . import api, ui
from .daten import PROTOKOLL_MAX
from .models import Concenter
from .neighbours import HttpNeighbours, PartnerAccess

ZEILE = SYSTEM["concenter"]  # this fake's row in the table of systems
NIRGENDS = "http://127.0.0.1:9"  # a neighbour nobody configured: every call to it is "nicht erreichbar"


def create(options: Options | None = None, urls: Mapping[str, str] | None = None) -> Starlette:
    """Launch links are built from its configured address (``urls["concenter"]``), never from the Host
    header; ``options.protokoll_max`` launch-log entries are kept."""
    o, u = options or Options(), urls or {}
    model = Concenter(protokoll_max=PROTOKOLL_MAX if o.protokoll_max is None else o.protokoll_max)
    if o.seed:
        model.load(o.seed)
    pages = Pages(Path(__file__).parent / "templates", ZEILE.name, ZEILE.oberflaeche)
    adresse = u.get(ZEILE.name, ADRESSE)
    endpoints = api.endpoints(model, lambda ticket: f"{adresse}/start/{ticket}")
    access = PartnerAccess(cloud_url=u.get("cloud", NIRGENDS), thinksurance_url=u.get("thinksurance", NIRGENDS),
                           hash=o.thinksurance_hash, secret=o.thinksurance_secret)
    return build_app(system=ZEILE.name, title=ZEILE.titel, state=model, endpoints=endpoints,
                     ui_routes=ui.routes(model, pages, HttpNeighbours(access), {e.operation: e for e in endpoints}),
                     pages=pages, dump=lambda: api.dump(model), control_on=o.control_on)


def demo_zugang(url: str) -> dict[str, Any]:
    return {"url": url, "benutzer": demo.CONCENTER_BENUTZER, "passwort": demo.CONCENTER_PASSWORT}


def demo_zeilen(z: dict[str, Any]) -> list[str]:
    return [f"con:center {z['benutzer']} / {z['passwort']}"]
