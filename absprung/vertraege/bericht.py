"""The drift report: per case what the fake, the documentation and the recordings say differently."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .form import Abweichung
from .modell import Fall


@dataclass
class Ergebnis:
    fall: Fall
    fake: list[Abweichung] | None  # None: the fake was not checked (nicht prüfbar)
    aufnahmen: list[tuple[str, str, list[Abweichung], list[Abweichung]]] = field(default_factory=list)
    # (file, date, recording vs documentation, fake vs recording)
    hinweis: str = ""

    @property
    def drift(self) -> bool:
        return bool(self.fake) or any(doku or fake for _, _, doku, fake in self.aufnahmen)


def text(ergebnisse: list[Ergebnis]) -> str:
    zeilen = []
    for e in ergebnisse:
        f = e.fall
        kopf = f"{f.endpunkt} – Vertrag „{f.id}“ ({f.quelle})"
        if e.fake is None:
            zeilen.append(f"? {kopf}: nicht prüfbar – {e.hinweis}")
            continue
        zeilen.append(f"{'✘' if e.drift else '✔'} {kopf}")
        zeilen += [f"    Fake ↔ Doku: {a.text}" for a in e.fake]
        for datei, datum, doku, fake in e.aufnahmen:
            zeilen += [f"    Aufnahme {datum} ({datei}) ↔ Doku: {a.text}" for a in doku]
            zeilen += [f"    Fake ↔ Aufnahme {datum}: {a.text}" for a in fake]
    drift = sum(1 for e in ergebnisse if e.drift)
    offen = sum(1 for e in ergebnisse if e.fake is None)
    zeilen.append(f"{len(ergebnisse)} Verträge: {drift} mit Abweichung, {offen} nicht prüfbar, "
                  f"{len(ergebnisse) - drift - offen} ohne Abweichung.")
    return "\n".join(zeilen)


def json_status(ergebnisse: list[Ergebnis], geprueft: str) -> dict[str, Any]:
    """For the site's reference: per case its source, the recordings and the last verification."""
    def liste(abw: list[Abweichung]) -> list[dict[str, str]]:
        return [{"pfad": a.pfad, "art": a.art, "text": a.text} for a in abw]

    return {"geprueft": geprueft, "faelle": {e.fall.id: {
        "endpunkt": e.fall.endpunkt, "quelle": e.fall.quelle, "beschreibung": e.fall.beschreibung,
        "lesend": e.fall.lesend, "status": "nicht_pruefbar" if e.fake is None else "drift" if e.drift else "ok",
        "fake": liste(e.fake or []), "hinweis": e.hinweis,
        "aufnahmen": [{"datei": d, "datum": t, "doku": liste(a), "fake": liste(b)} for d, t, a, b in e.aufnahmen]}
        for e in ergebnisse}}
