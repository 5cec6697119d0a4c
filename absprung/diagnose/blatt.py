"""The personal sheet: for one broker's office, only the steps still to do, in the order of the data flow,
each with what to do, where, and the guide's current picture – from a diagnosis or a case file, printed as
PDF (``absprung.druck``). Names of the office (ams user, con:center user, Bestand) where known; never a
secret, no hint (hints may quote what a system showed), no statement ID.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from absprung.aussagen import AUSSAGE
from absprung.slug import slug
from basis.secret import mask

from ..ursachen import FEHLT, NICHT_PRUEFBAR, URSACHE, Ursache
from .modell import Diagnose

TITEL = "Absprung nach Thinksurance: was noch zu tun ist"


@dataclass(frozen=True)
class Namen:
    """What the sheet calls the office's things; None where unknown (a case file has no names)."""

    ams_benutzer: str | None = None
    concenter_benutzer: str | None = None
    bestand: str | None = None


def aus_diagnose(d: Diagnose) -> list[tuple[Ursache, str]]:
    return [(z.ursache, z.status) for z in d.zeilen]


def aus_fall(pruefungen: list[tuple[str, str]]) -> list[tuple[Ursache, str]]:
    return [(URSACHE[name], status) for name, status in pruefungen if name in URSACHE]


def _bild(bilder: Path, name: str) -> str | None:
    """The picture of this name from the last run (docs/bilder/…-<name>.png), relative to ``bilder``'s parent."""
    if not bilder.is_dir():
        return None
    passend = sorted(bilder.glob(f"*-{slug(name)}.png"))
    return f"{bilder.name}/{passend[0].name}" if passend else None


KLEIN = ("btoken", "b-Token", "cloud", "con:center", "ams.5", "assfinet")  # names that keep their spelling


def _satzanfang(text: str) -> str:
    """A heading starts with a capital – unless it starts with a name spelled in lower case (btoken, cloud …)."""
    return text if text.startswith(KLEIN) else text[:1].upper() + text[1:]


def markdown_text(stand: list[tuple[Ursache, str]], namen: Namen, bilder: Path) -> str:
    offen = [u for u, status in stand if status == FEHLT]
    unklar = [u for u, status in stand if status == NICHT_PRUEFBAR]
    fuer = [f"ams Benutzer **{namen.ams_benutzer}**" if namen.ams_benutzer else "",
            f"con:center Benutzer **{namen.concenter_benutzer}**" if namen.concenter_benutzer else "",
            f"Bestand **{namen.bestand}**" if namen.bestand else ""]
    teile = [f"Für: {', '.join(f for f in fuer if f)}." if any(fuer) else "",
             f"Stand: {date.today().strftime('%d.%m.%Y')}. Die Schritte stehen in der Reihenfolge, in der die Daten "
             "fließen: ams.5, con:center, assfinet cloud, Thinksurance. Erledigen Sie sie der Reihe nach und "
             "springen Sie danach erneut aus ams.5 ab."]
    if not offen:
        teile.append("Nach der Diagnose ist **nichts mehr zu tun**: Der Absprung ist vollständig eingerichtet."
                     if not unklar else "Die Diagnose fand nichts, das fehlt – aber nicht alles war prüfbar.")
    gezeigt: set[str] = set()
    for nummer, u in enumerate(offen, 1):
        teile += [f"## {nummer}. {_satzanfang(u.pruefung)}", f"**Was fehlt:** {u.text}",
                  f"**Was zu tun ist:** {u.behebung}",
                  f"**Wo:** {u.pfad}"]
        for gid in u.leitfaden:
            for name in AUSSAGE[gid].bilder:
                pfad = _bild(bilder, name)
                if pfad and pfad not in gezeigt:
                    gezeigt.add(pfad)
                    teile += [f"![{name}]({pfad})", f"*Bild: {name}*"]
    if unklar:
        teile += ["## Außerdem bitte prüfen",
                  "Diese Punkte konnte die Diagnose nicht prüfen; sehen Sie dort nach:",
                  "\n".join(f"- **{u.frage}** Wo: {u.pfad}" for u in unklar)]
    return mask("\n\n".join(t for t in teile if t) + "\n")


def schreiben(ziel: Path, stand: list[tuple[Ursache, str]], namen: Namen, docs: Path) -> tuple[int, str]:
    """Prints the sheet; returns (pages, the Markdown printed)."""
    from ..druck import drucken

    text = markdown_text(stand, namen, docs / "bilder")
    return drucken(TITEL, "Ihr persönliches Blatt zur Einrichtung", text, ziel, docs, buch=False).seiten, text
