"""Assembles the simulated ams.5."""

from __future__ import annotations

from pathlib import Path

from starlette.applications import Starlette

from fakes.common.web import Seiten, baue_app

from . import api, ui
from .concenter_zugang import HttpCloud, HttpConcenter
from .models import Ams

TITEL = "ams.5"


def erstellen(concenter_url: str, *, cloud_url: str | None = None, steuerung_an: bool = True,
              datenstand: str | None = "ausgangslage") -> Starlette:
    zustand = Ams()
    if datenstand:
        zustand.laden(datenstand)
    seiten = Seiten(Path(__file__).parent / "templates", "ams", "ams.5")
    cc, cloud = HttpConcenter(concenter_url), HttpCloud(cloud_url)
    return baue_app(system="ams", titel=TITEL, zustand=zustand, endpunkte=api.endpunkte(zustand, cc, cloud),
                    ui_routen=ui.routen(zustand, seiten, cc, cloud), seiten=seiten, steuerung_an=steuerung_an)
