"""The diagnosis for people: one German line per check as it completes, then the cause."""

from __future__ import annotations

from typing import TextIO

from basis.secret import mask

from .modell import BEANTWORTET, FEHLT, IN_ORDNUNG, NICHT_PRUEFBAR, URSACHE_GEFUNDEN, Diagnose, Zeile, fehlerbild_link

ZEICHEN = {"ok": "✔", FEHLT: "✘", NICHT_PRUEFBAR: "?"}
STATUS = {"ok": "ok", FEHLT: "fehlt", NICHT_PRUEFBAR: "nicht prüfbar"}
ERGEBNIS = {IN_ORDNUNG: "in Ordnung – alle Prüfungen ok", URSACHE_GEFUNDEN: "Ursache gefunden",
            "unklar": "unklar – keine Ursache gefunden, aber nicht alles war prüfbar"}


def zeile(i: int, n: int, z: Zeile) -> str:
    ids = " ".join(z.ursache.leitfaden)
    wer = " (beantwortet)" if z.quelle == BEANTWORTET else ""
    return f"[{i:>2}/{n}] {ZEICHEN[z.status]} {ids:<7} {z.ursache.pruefung} – {STATUS[z.status]}{wer}: {z.hinweis}"


class Fortschritt:
    """Prints each check the moment it is done: a slow remote system shows where it waits."""

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def __call__(self, i: int, n: int, z: Zeile) -> None:
        print(mask(zeile(i, n, z)), file=self.out, flush=True)


def schluss(d: Diagnose, site: str | None = None) -> str:
    """``site``: the living guide's address (``leitfaden_adresse``); None: the path in a built site."""
    site = site or "site/"
    lines = [f"Ergebnis: {ERGEBNIS[d.ergebnis]}"]
    e = d.erste
    if e is not None:
        u = e.ursache
        lines[0] += f" ({', '.join(u.leitfaden)} – {u.pruefung})"
        lines += [f"  Gefunden:   {e.hinweis}", f"  Ursache:    {u.text}"]
        if u.code:
            lines.append(f"  Code:       {u.code}")
        lines += [f"  Behebung:   {u.behebung}", f"  Fehlerbild: {site}{fehlerbild_link(u)}"]
    elif d.ergebnis != IN_ORDNUNG:
        offen = [z.ursache.pruefung for z in d.zeilen if z.status == NICHT_PRUEFBAR]
        lines.append(f"  Von Hand prüfen: {'; '.join(offen)}")
    return "\n".join(lines)
