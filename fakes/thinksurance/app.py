"""Assembles the Thinksurance fake: partner API plus the Gewerbeplattform pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from starlette.applications import Starlette

from fakes.common.app import ADRESSE, build_app
from fakes.common.errors import Kind, Refusal
from fakes.common.pages import Pages

from . import api, ui
from .forward import SWITCH_GUELTIGKEIT_STANDARD
from .models import Thinksurance

TITEL = "Thinksurance"
# Documented since 25.03.2025: "not found" on Get Broker Token is 404, every other failure 400.
STATUS = {Kind.INVALID: 400, Kind.UNAUTHENTICATED: 400, Kind.FORBIDDEN: 400, Kind.CONFLICT: 400,
          Kind.NOT_FOUND: 404}


def error_body(f: Refusal) -> dict[str, Any]:
    return {"error": f.message}  # documented shape; the stable code travels in X-Fehlercode


def create(*, control_on: bool = True, seed: str | None = "ausgangslage",
           switch_gueltigkeit: int = SWITCH_GUELTIGKEIT_STANDARD, adresse: str = ADRESSE) -> Starlette:
    model = Thinksurance(switch_gueltigkeit=switch_gueltigkeit)
    if seed:
        model.load(seed)
    pages = Pages(Path(__file__).parent / "templates", "thinksurance", "Thinksurance")
    return build_app(system="thinksurance", title=TITEL, state=model, endpoints=api.endpoints(model, adresse),
                     ui_routes=ui.routes(model, pages), pages=pages, dump=lambda: api.dump(model),
                     control_on=control_on, error_body=error_body, status_by_kind=STATUS)
