"""Print editions as PDF, offline, with the Chromium the project already uses (Playwright, ``launch_args``).

A document is Markdown (the same text a site page shows) turned into one HTML page with a print style
sheet: a title, a table of contents with page numbers, page numbers in the footer ("Seite 3 von 12").
Chromium cannot say on which page a heading lands, so it prints twice: the first PDF is read back
(``pypdf``) to find each heading's page, the second carries those numbers in the table of contents
(the numbers are set in a fixed width, so the pages do not move between the two prints).
"""

from __future__ import annotations

import html
import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .browser import launch_args
from .errors import AbsprungError

STIL = """
@page { size: A4; margin: 18mm 16mm 20mm 16mm; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt; line-height: 1.45; color: #1d2733; }
h1 { font-size: 20pt; margin: 0 0 4mm; color: #2f3a8a; }
h2 { font-size: 15pt; margin-top: 9mm; color: #2f3a8a; break-after: avoid; }
h2.kapitel { break-before: page; }
h3 { font-size: 12pt; margin-top: 6mm; break-after: avoid; }
p, li { orphans: 3; widows: 3; }
img { max-width: 100%; max-height: 105mm; border: 1px solid #c9d1da; display: block; margin: 2mm 0 1mm; }
figure, .bild { break-inside: avoid; margin: 3mm 0; }
em.unterschrift, p.unterschrift { font-size: 9pt; color: #55606b; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
th, td { border-bottom: 1px solid #d5dbe1; text-align: left; padding: 1.2mm 2mm; vertical-align: top; }
.admonition { border-left: 3px solid #2f3a8a; background: #f2f4fb; padding: 2mm 4mm; margin: 3mm 0; }
.admonition-title { font-weight: bold; margin: 0; }
nav.inhalt { break-after: page; }
nav.inhalt ol { list-style: none; padding-left: 0; }
nav.inhalt li { display: flex; gap: 2mm; margin: 1mm 0; }
nav.inhalt li.stufe-3 { padding-left: 7mm; font-size: 9.5pt; }
nav.inhalt .punkte { flex: 1; border-bottom: 1px dotted #9aa7b4; margin-bottom: 1.2mm; }
nav.inhalt .seite { font-variant-numeric: tabular-nums; width: 8mm; text-align: right; }
.untertitel { color: #55606b; margin-bottom: 8mm; }
"""
FUSS = ('<div style="font-size:8pt;width:100%;text-align:center;color:#55606b;font-family:sans-serif">'
        '{titel} – Seite <span class="pageNumber"></span> von <span class="totalPages"></span></div>')
PLATZHALTER = "00"  # the width of a page number in the first print


class DruckFehler(AbsprungError):
    """A PDF could not be printed (no Chromium, a page that does not load)."""


@dataclass(frozen=True)
class Eintrag:
    stufe: int  # 2 or 3
    text: str
    anker: str


@dataclass(frozen=True)
class Ergebnis:
    pfad: Path
    seiten: int
    inhalt: tuple[tuple[str, int], ...]  # heading -> page


def _umwandeln(text_md: str, buch: bool) -> tuple[str, list[Eintrag]]:
    """The Markdown as HTML and its headings for the table of contents (levels 2 and 3). ``buch``: each
    chapter (h2) on a new page."""
    import markdown  # MkDocs' own (docs extra): only where something is printed

    umwandler = markdown.Markdown(extensions=["tables", "attr_list", "admonition", "toc"],
                                  extension_configs={"toc": {"permalink": False}})
    rumpf = umwandler.convert(text_md)
    eintraege: list[Eintrag] = []

    def sammeln(tokens: list[dict[str, object]]) -> None:
        for t in tokens:
            stufe = int(str(t["level"]))
            if stufe in (2, 3):
                eintraege.append(Eintrag(stufe, html.unescape(str(t["name"])), str(t["id"])))
            kinder = t.get("children")
            if isinstance(kinder, list):
                sammeln(kinder)

    sammeln(getattr(umwandler, "toc_tokens", []))
    if buch:
        rumpf = re.sub(r"<h2 ", '<h2 class="kapitel" ', rumpf)
    return rumpf, eintraege


def _dokument(titel: str, untertitel: str, rumpf: str, eintraege: list[Eintrag], seiten: dict[str, int] | None,
              basis: str, buch: bool) -> str:
    """The page to print: title, as a ``buch`` the table of contents (page numbers known or placeholders)."""
    zeilen = "".join(
        f'<li class="stufe-{e.stufe}"><a href="#{e.anker}">{html.escape(e.text)}</a><span class="punkte"></span>'
        f'<span class="seite">{(seiten or {}).get(e.anker, PLATZHALTER)}</span></li>' for e in eintraege)
    kopf = f'<base href="{html.escape(basis)}">' if basis else ""
    return (f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">{kopf}<title>{html.escape(titel)}</title>'
            f"<style>{STIL}</style></head><body><h1>{html.escape(titel)}</h1>"
            f'<p class="untertitel">{html.escape(untertitel)}</p>'
            + (f'<nav class="inhalt" aria-label="Inhalt"><h2 style="break-before:auto">Inhalt</h2><ol>{zeilen}</ol>'
               "</nav>" if buch else "") + f"{rumpf}</body></html>")


def _normal(text: str) -> str:
    """Text as found in the PDF: ligatures (ﬀ, ﬁ) spelled out, any run of white space one space."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def _zeilen(seite: str) -> list[str]:
    return [z for z in (_normal(x) for x in seite.splitlines()) if z]


def _seiten_der_ueberschriften(pdf: Path, eintraege: list[Eintrag]) -> dict[str, int]:
    """Each heading's page in the first print: the page where a line (or two lines, for a long heading that
    wraps) is exactly the heading – searched in order, each from the page of the one before."""
    from pypdf import PdfReader

    seiten = [_zeilen(s.extract_text() or "") for s in PdfReader(pdf).pages]
    gefunden: dict[str, int] = {}
    ab = 1  # the title and the table of contents come first
    for e in eintraege:
        ziel = _normal(e.text)
        for i in range(ab, len(seiten)):
            zeilen = seiten[i]
            paare = [f"{a} {b}" for a, b in zip(zeilen, zeilen[1:])]
            if ziel in zeilen or ziel in paare:
                gefunden[e.anker] = i + 1
                ab = i
                break
    return gefunden


def drucken(titel: str, untertitel: str, text_md: str, ziel: Path, bilder: Path, *, buch: bool = True) -> Ergebnis:
    """Prints ``text_md`` to ``ziel`` (A4, page numbers in the footer; as a ``buch`` with a table of contents
    with page numbers and each chapter on a new page). ``bilder``: where relative image paths start from."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    try:
        ziel.parent.mkdir(parents=True, exist_ok=True)
    except OSError as f:
        raise DruckFehler(f"Den Ordner für „{ziel}“ gibt es nicht und er lässt sich nicht anlegen: "
                          f"{f.strerror or f}.") from None
    fuss = FUSS.format(titel=html.escape(titel))
    try:
        with sync_playwright() as pw, tempfile.TemporaryDirectory() as tmp:
            browser = pw.chromium.launch(**launch_args())
            seite = browser.new_page()
            seiten: dict[str, int] | None = None
            rumpf, eintraege = _umwandeln(text_md, buch)
            for durchgang in (1, 2):
                # Relative picture paths start from ``bilder`` (<base>); the page itself is a file of its own.
                dokument = _dokument(titel, untertitel, rumpf, eintraege, seiten, bilder.resolve().as_uri() + "/", buch)
                datei = Path(tmp) / "druck.html"
                datei.write_text(dokument, encoding="utf-8")
                seite.goto(datei.as_uri(), wait_until="load")
                ausgabe = ziel if durchgang == 2 else Path(tmp) / "erster.pdf"
                seite.pdf(path=str(ausgabe), format="A4", print_background=True, display_header_footer=True,
                          header_template="<span></span>", footer_template=fuss, prefer_css_page_size=True)
                if durchgang == 1:
                    seiten = _seiten_der_ueberschriften(ausgabe, eintraege)
                    if not buch:  # no table of contents: one print is enough
                        shutil.move(ausgabe, ziel)
                        break
            browser.close()
    except PlaywrightError as f:
        raise DruckFehler(f"Chromium konnte „{ziel.name}“ nicht drucken (ist der Browser eingerichtet? „make "
                          f"einrichten“). Playwright meldet: {str(f).splitlines()[0]}") from None
    except OSError as f:
        raise DruckFehler(f"„{ziel}“ ließ sich nicht schreiben: {f.strerror or f}.") from None
    fehlend = [e.text for e in eintraege if seiten is not None and e.anker not in seiten]
    if buch and fehlend:  # never a wrong page number: say which headings the first print did not show
        raise DruckFehler(f"Im Druck von „{ziel.name}“ fehlen Überschriften des Inhaltsverzeichnisses: "
                          f"{', '.join(fehlend[:3])}.")
    from pypdf import PdfReader

    anzahl = len(PdfReader(ziel).pages)
    return Ergebnis(ziel, anzahl, tuple((e.text, (seiten or {}).get(e.anker, 0)) for e in eintraege))


def text(pdf: Path) -> str:
    """All text of a PDF, ligatures spelled out (for checks: no secret, the right headings)."""
    from pypdf import PdfReader

    return unicodedata.normalize("NFKC", "\n".join(s.extract_text() or "" for s in PdfReader(pdf).pages))
