"""Assembles the con:center fake; its neighbours are reached through configured URLs."""

from __future__ import annotations

from pathlib import Path

from starlette.applications import Starlette

from fakes.common.web import Seiten, baue_app

from . import api, ui
from .gegenstellen import HttpGegenstellen, Partnerzugang
from .models import Concenter

TITEL = "con:center"


def erstellen(zugang: Partnerzugang, *, steuerung_an: bool = True,
              datenstand: str | None = "ausgangslage") -> Starlette:
    zustand = Concenter()
    if datenstand:
        zustand.laden(datenstand)
    seiten = Seiten(Path(__file__).parent / "templates", "concenter", "con:center")
    gegenstellen = _Verzoegert(zugang)
    return baue_app(system="concenter", titel=TITEL, zustand=zustand,
                    endpunkte=api.endpunkte(zustand, lambda basis, t: f"{basis}/start/{t}"),
                    ui_routen=ui.routen(zustand, seiten, gegenstellen), seiten=seiten,
                    steuerung_an=steuerung_an)


class _Verzoegert:
    """Builds the HTTP clients on first launch, so start-up does not import httpx."""

    def __init__(self, zugang: Partnerzugang) -> None:
        self._zugang = zugang
        self._echt: HttpGegenstellen | None = None

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        if self._echt is None:
            self._echt = HttpGegenstellen(self._zugang)
        return getattr(self._echt, name)
