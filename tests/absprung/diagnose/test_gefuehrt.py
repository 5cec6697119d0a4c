"""Where nothing can be read – a real ams.5 is a desktop program – a person answers the guide's questions
and the diagnosis goes on down the same decision path; its case file holds no secret or personal datum,
and rebuilt in the training world it shows the same cause."""

from __future__ import annotations

import dataclasses
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest

from absprung.__main__ import main
from absprung.diagnose import diagnose
from absprung.diagnose import fall as fallakte
from absprung.diagnose.fragen import Datei, Terminal
from absprung.diagnose.modell import BEANTWORTET, EXIT_ZIEL, GELESEN
from absprung.systems import Systems
from absprung.ursachen import URSACHE
from absprung.ursachen.aufgaben import AUFGABE, AUFGABEN
from basis import demo
from tests.features.remote import write_profile
from tests.helpers import ROOT, QuietHandler, loopback_server

AMS_FRAGEN = ("cloud-konto", "maklerextranet", "produktfreischaltungen")  # the checks that read ams.5
GEHEIM = (demo.TS_BTOKEN, demo.TS_HASH, demo.TS_SECRET, demo.TS_ATOKEN, demo.CONCENTER_PASSWORT)
NIRGENDS = "http://127.0.0.1:9"  # nothing listens there: ams.5 not reachable


class _Webseite(QuietHandler):
    """A web server at the address where ams.5 was expected: HTML for every path."""

    def do_GET(self) -> None:  # noqa: N802 - the standard library's name
        self.send_response(404)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(b"<!DOCTYPE HTML><html><title>404 Not Found</title><body>Not Found</body></html>")


@pytest.fixture(scope="module")
def webseite() -> Iterator[str]:
    with loopback_server(_Webseite) as url:
        yield url


def _ohne_ams(s: Systems, ams: str) -> Systems:
    return Systems.connect(dataclasses.replace(s.target, urls={**s.target.urls, "ams": ams}))


def _wahre_antworten(s: Systems, ursache: str, pfad: Path) -> Path:
    """What a broker would say looking at ams.5: "nein" only where this exercise broke it, and the facts."""
    benutzer = s.ams.benutzer(s.world.ams_benutzer)
    konto = next(k for k in benutzer["cloud_konten"] if k["bestand"] == s.world.bestand)
    zeilen = ["[antworten]", *(f'{n} = "{"nein" if n == ursache else "ja"}"' for n in AMS_FRAGEN), "[angaben]",
              f'haupt_email = "{benutzer["haupt_email"]}"', f'cloud_benutzer = "{konto["cloud_benutzer"]}"']
    pfad.write_text("\n".join(zeilen) + "\n", encoding="utf-8")
    return pfad


@pytest.mark.parametrize("aufgabe", AUFGABEN, ids=[a.name for a in AUFGABEN])
def test_ohne_ams_mit_antworten_dieselbe_ursache(s: Systems, aufgabe, tmp_path: Path) -> None:  # noqa: ANN001
    """ams.5 not reachable, the answers from a file: every Fehlerbild is found as with ams.5 readable –
    those of ams.5 through the answers, the others by reading the other systems."""
    aufgabe.uebung.herstellen(s)
    kunde = aufgabe.uebung.kundennummer(s)
    gelesen = diagnose(s, s.world.ams_benutzer, kunde)
    assert gelesen.ursache is aufgabe.ursache
    antworten = Datei(_wahre_antworten(s, aufgabe.ursache.name, tmp_path / "antworten.toml"))
    ohne = _ohne_ams(s, NIRGENDS)
    try:
        d = diagnose(ohne, s.world.ams_benutzer, kunde, antworten=antworten)
    finally:
        ohne.close()
    assert d.ursache is aufgabe.ursache, [(z.ursache.name, z.status, z.hinweis) for z in d.zeilen]
    quellen = {z.ursache.name: z.quelle for z in d.zeilen}
    if aufgabe.ursache.name in AMS_FRAGEN:
        assert d.erste is not None and d.erste.quelle == BEANTWORTET
    else:
        assert all(quellen[n] == BEANTWORTET for n in AMS_FRAGEN) and d.erste and d.erste.quelle == GELESEN
    assert set(antworten.gegeben) == set(AMS_FRAGEN[:AMS_FRAGEN.index(aufgabe.ursache.name) + 1]) \
        if aufgabe.ursache.name in AMS_FRAGEN else set(AMS_FRAGEN)


def test_die_freischaltung_wird_in_fragen_unterschieden(s: Systems, tmp_path: Path) -> None:
    """Where "Rechte prüfen" cannot be read, a "ja" to the Freischaltung leads to the questions that tell
    its causes apart (as on the Fehlerbilder page), until the first "nein"."""
    from absprung.diagnose.kette import KETTE, NACH_FREISCHALTUNG, fragen

    freischaltung = URSACHE["freischaltung-fehlt"]
    assert freischaltung in KETTE and [u.name for u in NACH_FREISCHALTUNG][:2] == ["sachbearbeiter",
                                                                                  "freischaltung-nicht-geteilt"]
    datei = tmp_path / "a.toml"
    datei.write_text('[antworten]\nfreischaltung-fehlt = "ja"\nsachbearbeiter = "ja"\n'
                     'freischaltung-nicht-geteilt = "nein"\n', encoding="utf-8")
    z = fragen(freischaltung, "Rechte prüfen: nicht lesbar.", Datei(datei))
    assert z.ursache.name == "freischaltung-nicht-geteilt" and z.status == "fehlt" and z.quelle == BEANTWORTET


def test_im_terminal_fragt_sie_mit_dem_menuepfad() -> None:
    eingabe, ausgabe = io.StringIO("vielleicht\nnein\n\n"), io.StringIO()
    t = Terminal(eingabe, ausgabe)
    u = URSACHE["maklerextranet"]
    assert t.frage(u, "ams.5 ist nicht erreichbar.") is False
    text = ausgabe.getvalue()
    assert u.frage in text and f"Von Hand: {u.pfad}" in text and "keine Antwort" in text  # asked again
    assert t.angabe("haupt_email", "Welche Haupt-E-Mail?", "a@b.de") == "a@b.de"  # Enter takes the proposal
    assert t.gegeben == {"maklerextranet": "nein"}


def test_eine_webseite_statt_ams_ergibt_eine_deutsche_zeile(s: Systems, webseite: str, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    profil = write_profile(tmp_path / "ziel.toml", {**s.target.urls, "ams": webseite}, writes=False, control=True)
    assert main(["diagnose", "--ziel", str(profil), "--nicht-fragen"]) == EXIT_ZIEL
    err = capsys.readouterr().err
    assert "<" not in err and "DOCTYPE" not in err and len(err.strip().splitlines()) == 1
    assert "Webseite (HTTP 404)" in err and "Adresse des Systems" in err
    # Guided, the same ams.5 is just not readable: the questions come, and the rest is read.
    antworten = tmp_path / "a.toml"
    antworten.write_text('[antworten]\ncloud-konto = "ja"\nmaklerextranet = "nein"\n', encoding="utf-8")
    assert main(["diagnose", "--ziel", str(profil), "--antworten", str(antworten), "--json"]) == 1
    d = json.loads(capsys.readouterr().out)
    assert d["ursache"]["leitfaden"] == ["G16"]
    assert {p["quelle"] for p in d["pruefungen"][:2]} == {"beantwortet"}


def test_falsche_antwortdatei(s: Systems, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    profil = write_profile(tmp_path / "ziel.toml", s.target.urls, writes=False, control=True)
    datei = tmp_path / "a.toml"
    datei.write_text('[antworten]\nmaklerextranet = "vielleicht"\n', encoding="utf-8")
    assert main(["diagnose", "--ziel", str(profil), "--antworten", str(datei)]) == EXIT_ZIEL
    assert "„vielleicht“ ist keine Antwort" in capsys.readouterr().err


@pytest.mark.parametrize("aufgabe", AUFGABEN, ids=[a.name for a in AUFGABEN])
def test_falldatei_nachgestellt_zeigt_dieselbe_ursache(s: Systems, aufgabe, tmp_path: Path) -> None:  # noqa: ANN001
    aufgabe.uebung.herstellen(s)
    kunde = aufgabe.uebung.kundennummer(s)
    d = diagnose(s, s.world.ams_benutzer, kunde)
    pfad = tmp_path / "fall.json"
    fallakte.schreiben(pfad, d)
    text = pfad.read_text(encoding="utf-8")
    # No secret, no personal datum: no address, e-mail, user, Bestand, customer or hint.
    verboten = (*GEHEIM, "@", "http", s.world.bestand, s.world.concenter_benutzer, kunde, "Anna", "Müller")
    assert not [v for v in verboten if v in text], text
    fall = fallakte.laden(pfad)
    assert fall.aufgabe is aufgabe
    s.reset()
    fall.aufgabe.uebung.herstellen(s)  # what python -m fakes --fall does
    nachgestellt = diagnose(s, s.world.ams_benutzer, kunde)
    assert nachgestellt.ursache is d.ursache


def test_python_m_fakes_stellt_einen_fall_nach(tmp_path: Path) -> None:
    fall = tmp_path / "fall.json"
    fall.write_text(json.dumps({"fall": 1, "ergebnis": "ursache_gefunden", "ursache": "api-zugriff",
                                "pruefungen": []}), encoding="utf-8")
    env = {"XDG_STATE_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    p = subprocess.Popen([sys.executable, "-m", "fakes", "--fall", str(fall)], cwd=ROOT, env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert p.stdout is not None
        zeilen = []
        while not (zeilen and zeilen[-1].startswith("Diagnose:")):
            zeile = p.stdout.readline()
            assert zeile, p.stderr.read() if p.stderr else ""
            zeilen.append(zeile.strip())
        assert any(z.startswith(f"Fall aus {fall} nachgestellt") for z in zeilen)
        d = subprocess.run([sys.executable, "-m", "absprung", "diagnose", "--json"], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=60)
        assert d.returncode == 1 and json.loads(d.stdout)["ursache"]["leitfaden"] == ["G01"], d.stderr
    finally:
        p.terminate()
        p.wait(timeout=10)
    kaputt = tmp_path / "kaputt.json"
    kaputt.write_text('{"fall": 1, "ergebnis": "ursache_gefunden", "ursache": "cloud-konto"}', encoding="utf-8")
    ergebnis = subprocess.run([sys.executable, "-m", "fakes", "--fall", str(kaputt)], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=60)
    assert ergebnis.returncode == 2 and "nicht nachstellen" in ergebnis.stderr and "Traceback" not in ergebnis.stderr


def test_nach_der_ursache_wird_nichts_mehr_gefragt(s: Systems, tmp_path: Path) -> None:
    """Once a "nein" found the cause, the person is asked nothing more – not even what ams.5 would say."""
    AUFGABE["maklerextranet"].uebung.herstellen(s)
    datei = tmp_path / "a.toml"
    datei.write_text('[antworten]\ncloud-konto = "ja"\nmaklerextranet = "nein"\n', encoding="utf-8")
    antworten = Datei(datei)
    ohne = _ohne_ams(s, NIRGENDS)
    try:
        d = diagnose(ohne, s.world.ams_benutzer, "K-1001", antworten=antworten)
    finally:
        ohne.close()
    assert d.ursache is URSACHE["maklerextranet"]
    assert antworten.gegeben == {"cloud-konto": "ja", "maklerextranet": "nein"} and antworten.angaben == {}


def test_thinksurance_nicht_erreichbar_wird_gefragt(s: Systems, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    from absprung import einrichtung

    einrichtung.vollstaendig_einrichten(s)
    profil = write_profile(tmp_path / "ziel.toml", {**s.target.urls, "thinksurance": NIRGENDS}, writes=False,
                           control=True)
    datei = tmp_path / "a.toml"
    datei.write_text('[antworten]\npartnerzugang = "ja"\nbtoken-falsch = "ja"\nmakler-email = "ja"\n'
                     'btoken-bindung = "ja"\n', encoding="utf-8")
    assert main(["diagnose", "--ziel", str(profil), "--antworten", str(datei), "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["ergebnis"] == "in_ordnung"
    beantwortet = {p["pruefung"] for p in d["pruefungen"] if p["quelle"] == "beantwortet"}
    # The btoken is compared with the profile's and con:center's mask: readable without Thinksurance.
    assert beantwortet == {URSACHE[n].pruefung for n in ("partnerzugang", "makler-email", "btoken-bindung")}


def test_eine_falldatei_die_sich_nicht_schreiben_laesst(s: Systems, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """The diagnosis stands: its result is shown, the failure said in German, the exit code is the diagnosis'."""
    profil = write_profile(tmp_path / "ziel.toml", s.target.urls, writes=False, control=True)
    (tmp_path / "datei").write_text("", encoding="utf-8")
    assert main(["diagnose", "--ziel", str(profil), "--fall", str(tmp_path / "datei" / "fall.json")]) == 1
    out, err = capsys.readouterr()
    assert "Ergebnis: Ursache gefunden" in out and "ließ sich nicht schreiben" in err and "Traceback" not in err


@pytest.mark.parametrize("inhalt", ['{"fall": 1, "ergebnis": "ursache_gefunden", "ursache": ["x"]}',
                                    '{"fall": 1, "ergebnis": ["x"], "ursache": null}', "[1, 2]", "{kein json"])
def test_eine_kaputte_falldatei(inhalt: str) -> None:
    with pytest.raises(fallakte.FalscherFall):
        fallakte.lesen(inhalt)
