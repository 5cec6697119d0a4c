"""The customer edition and the personal sheet: what a broker's office follows, on the site and as PDF –
guide text, pictures, menu paths, "Wenn … dann …"; no statement IDs, run states, commits, Gherkin or
secrets; the PDF with a table of contents whose page numbers are right, and page numbers in the footer."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from absprung.__main__ import main
from absprung.druck import text as pdf_text
from absprung.ursachen import URSACHE
from basis import demo
from tests.absprung.leitfaden.test_website import site  # noqa: F401 - the session's built site
from tests.helpers import ROOT

GEHEIM = (demo.TS_BTOKEN, demo.TS_HASH, demo.TS_SECRET, demo.TS_ATOKEN, demo.CONCENTER_PASSWORT)
QA_WORTE = ("Leitfaden-Aussage", "geprüft durch", "bestanden", "fehlgeschlagen", "Szenario „", "Angenommen ",
            "Commit", "Stand des Laufs")


def _befehl(modul: str, *argumente: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", modul, *argumente], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


def _ohne_qa(text: str, wo: str) -> None:
    assert not re.search(r"\b[GA]\d{2}\b", text), f"{wo}: Kennung einer Leitfaden-Aussage oder Annahme"
    gefunden = [w for w in QA_WORTE if w in text]
    assert not gefunden, f"{wo}: {gefunden}"
    assert not [g for g in GEHEIM if g in text], f"{wo}: ein Geheimnis"


def test_die_kundenausgabe_auf_der_website(site: Path) -> None:  # noqa: F811
    seite = (site / "generiert" / "kundenausgabe.html").read_text(encoding="utf-8")
    artikel = seite[seite.index("<article"):seite.index("</article>")]
    sichtbar = re.sub(r"<[^>]+>", " ", artikel)
    _ohne_qa(sichtbar, "kundenausgabe.html")
    assert "Wenn Sie sehen: „Thinksurance öffnet sich, aber ohne Kundendaten“" in sichtbar
    assert "Wenn nicht, dann:" in sichtbar and "Wo Sie nachsehen:" in sichtbar
    # Every picture captioned in the guide's own words (its name); with a run record there are pictures.
    bilder = re.findall(r'<img alt="([^"]*)"', artikel)
    assert all(f"Bild: {html.unescape(alt)}" in html.unescape(sichtbar) for alt in bilder), bilder
    assert bilder or not (ROOT / "reports" / "lauf.json").is_file()
    assert 'href="../leitfaden-kundenausgabe.pdf"' in artikel


@pytest.mark.browser
def test_die_kundenausgabe_als_pdf(tmp_path: Path) -> None:
    ziel = tmp_path / "kunde.pdf"
    # As make runs it, in a process of its own (Playwright's sync API is taken in this one by the browser tests).
    gedruckt = _befehl("absprung.leitfaden.drucken", "--ziel", str(ziel), "--wurzel", str(ROOT), "--features",
                       str(ROOT / "features"), "--lauf", str(ROOT / "reports" / "lauf.json"), "--docs",
                       str(ROOT / "docs"), "--bildarchiv", str(ROOT / "reports" / "bildarchiv"))
    assert gedruckt.returncode == 0 and "Kundenausgabe als PDF" in gedruckt.stdout, gedruckt.stderr
    from pypdf import PdfReader

    seiten = [unicodedata.normalize("NFKC", s.extract_text() or "") for s in PdfReader(ziel).pages]
    assert len(seiten) >= 8
    alles = "\n".join(seiten)
    _ohne_qa(alles, "PDF")
    assert f"Seite 1 von {len(seiten)}" in seiten[0] and f"Seite {len(seiten)} von {len(seiten)}" in seiten[-1]
    # The table of contents: every chapter with the page it really starts on.
    inhalt = seiten[0] + seiten[1]
    for kapitel in ("Voraussetzungen", "Anpassung in der cloud einrichten", "Freischaltung", "Test",
                    "Wenn etwas nicht klappt"):
        treffer = re.search(rf"^{re.escape(kapitel)} (\d+)$", inhalt, re.M)
        assert treffer, f"{kapitel} fehlt im Inhaltsverzeichnis"
        seite = int(treffer.group(1))
        zeilen = [z.strip() for z in seiten[seite - 1].splitlines()]
        assert kapitel in zeilen, f"{kapitel} steht nicht auf Seite {seite}"
        assert not any(kapitel in [z.strip() for z in s.splitlines()] for s in seiten[2:seite - 1]), \
            f"{kapitel} steht schon vor Seite {seite}"
    assert not re.search(r" 00$", inhalt, re.M)


@pytest.fixture
def fall(tmp_path: Path) -> Path:
    datei = tmp_path / "fall.json"
    pruefungen = [{"ursache": "cloud-konto", "status": "ok", "quelle": "gelesen"},
                  {"ursache": "maklerextranet", "status": "fehlt", "quelle": "beantwortet"},
                  {"ursache": "produktfreischaltungen", "status": "ok", "quelle": "gelesen"},
                  {"ursache": "api-zugriff", "status": "fehlt", "quelle": "gelesen"},
                  {"ursache": "partnerzugang", "status": "nicht_pruefbar", "quelle": "gelesen"}]
    datei.write_text(json.dumps({"fall": 1, "ergebnis": "ursache_gefunden", "ursache": "maklerextranet",
                                 "pruefungen": pruefungen}), encoding="utf-8")
    return datei


@pytest.mark.browser
def test_das_persoenliche_blatt(fall: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Only what is still to do, in the order of the data flow, with menu paths and the broker's names."""
    profil = tmp_path / "kunde.toml"
    profil.write_text('name = "kunde"\n[urls]\n' + "".join(f'{s} = "http://127.0.0.1:9"\n' for s in
                                                          ("cloud", "concenter", "ams", "thinksurance"))
                      + '[welt]\nbestand = "MB-777"\nconcenter_benutzer = "praxis-cc"\n', encoding="utf-8")
    ziel = tmp_path / "blatt.pdf"
    gedruckt = _befehl("absprung", "blatt", "--fall", str(fall), "--ausgabe", str(ziel), "--ziel", str(profil),
                       "--docs", str(ROOT / "docs"))
    assert gedruckt.returncode == 0 and "Persönliches Blatt:" in gedruckt.stdout, gedruckt.stderr
    text = re.sub(r"\s+", " ", pdf_text(ziel))
    _ohne_qa(text, "Blatt")
    assert "praxis-cc" in text and "MB-777" in text
    m, a = URSACHE["maklerextranet"], URSACHE["api-zugriff"]
    assert text.index(re.sub(r"\s+", " ", m.behebung)) < text.index(re.sub(r"\s+", " ", a.behebung))  # data flow
    assert re.sub(r"\s+", " ", URSACHE["cloud-konto"].behebung) not in text  # done: not on the sheet
    assert "Außerdem bitte prüfen" in text and URSACHE["partnerzugang"].frage in text
    assert main(["blatt", "--fall", str(tmp_path / "gibtsnicht.json")]) == 2
    assert "gibt es nicht" in capsys.readouterr().err
