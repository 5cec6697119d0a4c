"""Assembles the Thinksurance fake: partner API plus the Gewerbeplattform pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from starlette.applications import Starlette

from fakes.common.errors import Art, FachFehler
from fakes.common.web import Seiten, baue_app

from . import api, ui
from .models import SWITCH_GUELTIGKEIT_STANDARD, Thinksurance

TITEL = "Thinksurance"
# Documented since 25.03.2025: "not found" on Get Broker Token is 404, every other failure 400.
STATUS = {Art.UNGUELTIG: 400, Art.NICHT_ANGEMELDET: 400, Art.VERBOTEN: 400, Art.KONFLIKT: 400,
          Art.NICHT_GEFUNDEN: 404}


def fehler_koerper(f: FachFehler) -> dict[str, Any]:
    return {"error": f.meldung}  # documented shape; the stable code travels in X-Fehlercode


def erstellen(*, steuerung_an: bool = True, datenstand: str | None = "ausgangslage",
              switch_gueltigkeit: int = SWITCH_GUELTIGKEIT_STANDARD) -> Starlette:
    zustand = Thinksurance(switch_gueltigkeit=switch_gueltigkeit)
    if datenstand:
        zustand.laden(datenstand)
    seiten = Seiten(Path(__file__).parent / "templates", "thinksurance", "Thinksurance")
    return baue_app(system="thinksurance", titel=TITEL, zustand=zustand,
                    endpunkte=api.endpunkte(zustand), ui_routen=ui.routen(zustand, seiten),
                    seiten=seiten, steuerung_an=steuerung_an, fehler_koerper=fehler_koerper,
                    status_je_art=STATUS)
