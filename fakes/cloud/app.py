"""Assembles the assfinet cloud fake."""

from __future__ import annotations

from pathlib import Path

from starlette.applications import Starlette

from fakes.common.web import Seiten, baue_app

from . import api, ui
from .models import Cloud

TITEL = "assfinet cloud"


def erstellen(*, steuerung_an: bool = True, datenstand: str | None = "ausgangslage") -> Starlette:
    zustand = Cloud()
    if datenstand:
        zustand.laden(datenstand)
    seiten = Seiten(Path(__file__).parent / "templates", "cloud", "assfinet drive")
    return baue_app(system="cloud", titel=TITEL, zustand=zustand, endpunkte=api.endpunkte(zustand),
                    ui_routen=ui.routen(zustand, seiten), seiten=seiten, steuerung_an=steuerung_an)
