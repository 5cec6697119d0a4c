"""Recording from a running system: a round trip against ``python -m fakes``, and a drift that a
deliberately altered answer (a test seam here, no switch in the fakes) makes visible."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any, Iterator

import pytest

from absprung.__main__ import main
from absprung.vertraege.modell import ORDNER
from basis import demo
from fakes.server import _bind
from fakes.serving import serve_in_thread
from fakes.thinksurance.app import create
from tests.features.remote import fakes_process, write_profile

GEHEIM = (demo.TS_HASH, demo.TS_SECRET, demo.TS_ATOKEN, demo.TS_BTOKEN)


@pytest.fixture
def ordner(tmp_path: Path) -> Path:
    ziel = tmp_path / "vertraege"
    shutil.copytree(ORDNER, ziel, ignore=shutil.ignore_patterns("aufnahmen"))
    return ziel


def _profil(tmp_path: Path, url: str, schreiben: bool = False) -> Path:
    return write_profile(tmp_path / "ts.toml", {"thinksurance": url}, writes=schreiben, control=True)


def test_aufzeichnen_und_pruefen_ohne_abweichung(ordner: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    with fakes_process() as gestartet:
        profil = _profil(tmp_path, gestartet["thinksurance"]["url"])
        assert main(["vertraege", "aufzeichnen", "--ziel", str(profil), "--ordner", str(ordner)]) == 0
    ausgabe = capsys.readouterr().out
    assert "nur die lesenden" in ausgabe
    aufnahmen = list((ordner / "thinksurance" / "aufnahmen").glob("*.json"))
    assert len(aufnahmen) == 1
    text = aufnahmen[0].read_text(encoding="utf-8")
    daten = json.loads(text)
    assert daten["ziel"] == "ts" and len(daten["faelle"]) >= 20 and "v1_1_create_broker#anlegen" not in daten["faelle"]
    assert not [g for g in GEHEIM if g in text], "Eine Aufnahme enthält nur Formen, keine Werte."
    assert main(["vertraege", "pruefen", "--ordner", str(ordner), "--json", str(tmp_path / "v.json")]) == 0
    bericht = capsys.readouterr().out
    assert "0 mit Abweichung" in bericht
    status = json.loads((tmp_path / "v.json").read_text(encoding="utf-8"))
    assert status["faelle"]["v1_1_authentication#anmeldung"]["aufnahmen"][0]["datei"] == aufnahmen[0].name


class _Veraendert:
    """Test seam: Thinksurance renames "expired" to "expires" in the V1.1 login answer."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["path"] != "/api/ipn/tokens":
            await self.app(scope, receive, send)
            return
        gepuffert: dict[str, Any] = {}

        async def senden(nachricht: dict[str, Any]) -> None:
            if nachricht["type"] == "http.response.start":
                gepuffert["start"] = nachricht
                return
            daten = json.loads(nachricht.get("body", b"{}"))
            if "expired" in daten:
                daten["expires"] = daten.pop("expired")
            body = json.dumps(daten).encode()
            start = gepuffert["start"]
            kopf = [(k, v) for k, v in start["headers"] if k.lower() != b"content-length"]
            await send({**start, "headers": [*kopf, (b"content-length", str(len(body)).encode())]})
            await send({"type": "http.response.body", "body": body})

        await self.app(scope, receive, senden)


@pytest.fixture
def veraenderter_fake() -> Iterator[str]:
    sock = _bind("127.0.0.1", 0)
    server, faden = serve_in_thread("ts-veraendert", _Veraendert(create()), sock, lambda f: None)
    import time

    from fakes.server import _answers

    url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    for _ in range(200):
        if _answers(url, "/openapi.json"):
            break
        time.sleep(0.01)
    yield url
    server.should_exit = True
    faden.join(timeout=5)


def test_veraenderte_antwort_zeigt_den_bericht_mit_dem_feld(ordner: Path, tmp_path: Path, veraenderter_fake: str,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["vertraege", "aufzeichnen", "--ziel", str(_profil(tmp_path, veraenderter_fake)),
                 "--ordner", str(ordner)]) == 0
    capsys.readouterr()
    assert main(["vertraege", "pruefen", "--ordner", str(ordner)]) == 1
    bericht = capsys.readouterr().out
    zeilen = [z for z in bericht.splitlines() if "v1_1_authentication#anmeldung" in z or z.startswith("    ")]
    assert "✘ V1.1 Authentication – Vertrag „v1_1_authentication#anmeldung“" in bericht
    assert any("↔ Doku: Feld „expired“ fehlt (erwartet: string)" in z for z in zeilen), bericht
    assert any("↔ Doku: Feld „expires“ ist nicht vorgesehen" in z for z in zeilen), bericht
    assert any("Fake ↔ Aufnahme" in z and "„expired“" in z for z in zeilen), bericht
    assert "1 mit Abweichung" in bericht
