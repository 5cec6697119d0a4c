"""Assembles the Thinksurance fake: partner API plus the Gewerbeplattform pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

from starlette.applications import Starlette

from basis import demo
from basis.plattform import TITEL, VERKNUEPFT
from basis.systeme import SYSTEM
from fakes.common.app import ADRESSE, build_app
from fakes.common.errors import Kind, Refusal
from fakes.common.pages import Pages
from fakes.options import Options

from . import api, ui
from .models import SWITCH_GUELTIGKEIT_STANDARD, Thinksurance

ZEILE = SYSTEM["thinksurance"]  # this fake's row in the table of systems
# Documented since 25.03.2025: "not found" on Get Broker Token is 404, every other failure 400.
STATUS = {Kind.INVALID: 400, Kind.UNAUTHENTICATED: 400, Kind.FORBIDDEN: 400, Kind.CONFLICT: 400,
          Kind.UNSUPPORTED: 400, Kind.NOT_FOUND: 404}


def error_body(f: Refusal) -> dict[str, Any]:
    return {"error": f.message}  # documented shape; the stable code travels in X-Fehlercode


def create(options: Options | None = None, urls: Mapping[str, str] | None = None) -> Starlette:
    """Switch URLs are built from its configured address (``urls["thinksurance"]``) and live
    ``options.switch_gueltigkeit`` seconds (default ``SWITCH_GUELTIGKEIT_STANDARD``)."""
    o, u = options or Options(), urls or {}
    model = Thinksurance(switch_gueltigkeit=SWITCH_GUELTIGKEIT_STANDARD if o.switch_gueltigkeit is None
                         else o.switch_gueltigkeit)
    if o.seed:
        model.load(o.seed)
    # The platform's title and the label of the bound user: assumption A19, shared with the browser check.
    pages = Pages(Path(__file__).parent / "templates", ZEILE.name, ZEILE.oberflaeche, plattform_titel=TITEL,
                  verknuepft=VERKNUEPFT)
    return build_app(system=ZEILE.name, title=ZEILE.titel, state=model,
                     endpoints=api.endpoints(model, u.get(ZEILE.name, ADRESSE)), ui_routes=ui.routes(model, pages),
                     pages=pages, dump=lambda: api.dump(model), control_on=o.control_on, error_body=error_body,
                     status_by_kind=STATUS)


def demo_zugang(url: str) -> dict[str, Any]:
    return {"url": url, "hash": demo.TS_HASH, "secret": demo.TS_SECRET, "aToken": demo.TS_ATOKEN,
            "nameTag": demo.TS_NAMETAG, "bToken": demo.TS_BTOKEN, "bEmail": demo.MITARBEITER_EMAIL}


def demo_zeilen(z: dict[str, Any]) -> list[str]:
    return [f"btoken von Thinksurance (für con:center): {z['bToken']}",
            f"Thinksurance-Partnerzugang: hash {z['hash']}, secret {z['secret']}, aToken {z['aToken']}, "
            f"nameTag {z['nameTag']}"]
