"""``python -m absprung diagnose``: exit codes, German text with progress, JSON, no secrets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from absprung import einrichtung
from absprung.__main__ import main
from absprung.systems import Systems
from basis import demo, schulungsziel
from basis.secret import reveal
from tests.features.remote import write_profile

GEHEIM = (demo.TS_BTOKEN, demo.TS_HASH, demo.TS_SECRET, demo.TS_ATOKEN, demo.CONCENTER_PASSWORT)


@pytest.fixture
def schulung(s: Systems, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Systems:
    """The fakes as a running training environment that left its profile."""
    monkeypatch.setenv("ABSPRUNG_SCHULUNG_PROFIL", str(tmp_path / "schulung.toml"))
    schulungsziel.schreiben(s.target.urls)
    return s


def _lauf(capsys: pytest.CaptureFixture[str], *argumente: str) -> tuple[int, str, str]:
    code = main(["diagnose", *argumente])
    out, err = capsys.readouterr()
    return code, out, err


def test_in_ordnung_exit_0_mit_einer_zeile_je_pruefung(schulung: Systems, capsys: pytest.CaptureFixture[str]) -> None:
    token = einrichtung.vollstaendig_einrichten(schulung)
    code, out, _ = _lauf(capsys)
    assert code == 0, out
    zeilen = out.splitlines()
    assert zeilen[0].startswith("Diagnose für den ams Benutzer „AS“ und den Kunden „K-1001“")
    assert sum(1 for z in zeilen if z.startswith("[")) == 19 and "[19/19] ✔" in out
    assert zeilen[-1] == "Ergebnis: in Ordnung – alle Prüfungen ok"
    assert token is not None and reveal(token) not in out and not any(g in out for g in GEHEIM)


def test_ursache_exit_1_als_json(schulung: Systems, capsys: pytest.CaptureFixture[str]) -> None:
    einrichtung.vollstaendig_einrichten(schulung, ausser=frozenset({"btoken"}))
    code, out, _ = _lauf(capsys, "--json", "--benutzer", "AS", "--kunde", "K-1002")
    assert code == 1
    ergebnis = json.loads(out)
    assert ergebnis["ergebnis"] == "ursache_gefunden"
    assert ergebnis["ursache"]["leitfaden"] == ["G15"] and ergebnis["ursache"]["code"] == "CC_BTOKEN_FEHLT"
    assert not any(g in out for g in GEHEIM)


def test_unklar_exit_3_wenn_nicht_alles_lesbar_ist(s: Systems, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """Without control the demo secrets do not apply: no con:center password, no partner access."""
    einrichtung.vollstaendig_einrichten(s)
    profil = write_profile(tmp_path / "echt.toml", s.target.urls, writes=False, control=False)
    code, out, _ = _lauf(capsys, "--ziel", str(profil))
    assert code == 3, out
    assert "? G05" in out and "Von Hand prüfen: beim assfinet Support erfragen." in out
    assert "Ergebnis: unklar" in out


@pytest.mark.parametrize("fall", ["kein-ziel", "unbekannter-benutzer", "unbekannter-kunde", "nicht-erreichbar",
                                  "eingebettet"])
def test_exit_4_bei_ziel_verbindung_oder_eingabe(fall: str, schulung: Systems, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    argumente: list[str] = []
    if fall == "kein-ziel":
        monkeypatch.setenv("ABSPRUNG_SCHULUNG_PROFIL", str(tmp_path / "fehlt.toml"))
    elif fall == "unbekannter-benutzer":
        argumente = ["--benutzer", "XY"]
    elif fall == "unbekannter-kunde":
        argumente = ["--kunde", "K-0000"]
    elif fall == "nicht-erreichbar":
        urls = {**schulung.target.urls, "cloud": "http://127.0.0.1:9"}
        argumente = ["--ziel", str(write_profile(tmp_path / "zu.toml", urls, writes=False, control=True))]
        einrichtung.vollstaendig_einrichten(schulung)
    else:
        argumente = ["--ziel", str(write_profile(tmp_path / "e.toml", {}, writes=False, control=False))]
    code, out, err = _lauf(capsys, *argumente)
    assert code == 4, out + err
    assert err.startswith("Fehler: ") and "Traceback" not in err
    erwartet = {"kein-ziel": "python -m fakes", "unbekannter-benutzer": "„XY“", "unbekannter-kunde": "„K-0000“",
                "nicht-erreichbar": "nicht erreichbar", "eingebettet": "eingebettet"}[fall]
    assert erwartet in err


def test_das_fehlerbild_als_adresse(schulung: Systems, capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Support opens the Fehlerbild from the terminal: an address of the living guide, not a path."""
    from absprung.diagnose.modell import leitfaden_adresse

    einrichtung.vollstaendig_einrichten(schulung, ausser=frozenset({"btoken"}))
    monkeypatch.setenv("ABSPRUNG_LEITFADEN_URL", "https://leitfaden.example/absprung")
    code, out, _ = _lauf(capsys, "--benutzer", "AS", "--kunde", "K-1002")
    assert code == 1
    assert "  Fehlerbild: https://leitfaden.example/absprung/generiert/fehlerbilder.html#ursache-btoken-fehlt" in out
    code, out, _ = _lauf(capsys, "--json", "--benutzer", "AS", "--kunde", "K-1002")
    ursache = json.loads(out)["ursache"]
    assert ursache["fehlerbild_url"] == "https://leitfaden.example/absprung/" + ursache["fehlerbild"]
    assert leitfaden_adresse({}, tmp_path) is None  # nothing built, nothing named: the path as before
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("<html></html>", encoding="utf-8")
    assert leitfaden_adresse({}, tmp_path) == (tmp_path / "site").resolve().as_uri() + "/"
