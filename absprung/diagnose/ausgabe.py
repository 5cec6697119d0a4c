"""The diagnosis for people: one German line per check as it completes, then the cause."""

from __future__ import annotations

from typing import TextIO

from ..secret import mask
from .modell import FEHLT, IN_ORDNUNG, NICHT_PRUEFBAR, URSACHE_GEFUNDEN, Diagnose, Zeile

ZEICHEN = {"ok": "✔", FEHLT: "✘", NICHT_PRUEFBAR: "?"}
STATUS = {"ok": "ok", FEHLT: "fehlt", NICHT_PRUEFBAR: "nicht prüfbar"}
ERGEBNIS = {IN_ORDNUNG: "in Ordnung – alle Prüfungen ok", URSACHE_GEFUNDEN: "Ursache gefunden",
            "unklar": "unklar – keine Ursache gefunden, aber nicht alles war prüfbar"}


def zeile(i: int, n: int, z: Zeile) -> str:
    ids = " ".join(z.befund.leitfaden)
    return f"[{i:>2}/{n}] {ZEICHEN[z.status]} {ids:<7} {z.befund.pruefung} – {STATUS[z.status]}: {z.hinweis}"


class Fortschritt:
    """Prints each check the moment it is done: a slow remote system shows where it waits."""

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def __call__(self, i: int, n: int, z: Zeile) -> None:
        print(mask(zeile(i, n, z)), file=self.out, flush=True)


def schluss(d: Diagnose, site: str = "site/") -> str:
    lines = [f"Ergebnis: {ERGEBNIS[d.ergebnis]}"]
    u = d.ursache
    if u is not None:
        lines[0] += f" ({', '.join(u.befund.leitfaden)} – {u.befund.pruefung})"
        lines += [f"  Gefunden:   {u.meldung}", f"  Ursache:    {u.ursache}"]
        if u.code:
            lines.append(f"  Code:       {u.code}")
        lines.append(f"  Behebung:   {u.behebung}")
        if u.fehlerbild:
            lines.append(f"  Fehlerbild: {site}{u.fehlerbild}")
    elif d.ergebnis != IN_ORDNUNG:
        offen = [z.befund.pruefung for z in d.zeilen if z.status == NICHT_PRUEFBAR]
        lines.append(f"  Von Hand prüfen: {'; '.join(offen)}")
    return "\n".join(lines)
