"""Target profiles: fail loudly and early, secrets only from environment variables."""

from __future__ import annotations

from pathlib import Path

import pytest

from absprung.targets import EINGEBETTET, ProfilFehler, eingebettete_fakes, profil_laden

URLS = '[urls]\ncloud = "https://cloud.example"\nconcenter = "https://cc.example"\nams = "https://ams.example"\n'


def _profil(tmp_path: Path, text: str) -> Path:
    pfad = tmp_path / "ziel.toml"
    pfad.write_text(text, encoding="utf-8")
    return pfad


def test_standard_sind_die_eingebetteten_fakes() -> None:
    ziel = eingebettete_fakes()
    assert set(ziel.urls.values()) == {EINGEBETTET} and ziel.steuerbar == ziel.eingebettete


def test_gemischtes_profil(tmp_path: Path) -> None:
    ziel = profil_laden(_profil(tmp_path, URLS + 'thinksurance = "eingebettet"\n[geheimnisse]\nbtoken = "B"\n'),
                       {"B": "echter-btoken"})
    assert ziel.eingebettete == {"thinksurance"} and not ziel.schreiben_erlaubt
    assert ziel.welt.btoken == "echter-btoken"
    assert "echter-btoken" not in repr(ziel)
    fertig = ziel.mit_fake_urls({"thinksurance": "http://127.0.0.1:1"})
    assert fertig.urls["thinksurance"] == "http://127.0.0.1:1" and fertig.urls["cloud"] == "https://cloud.example"


@pytest.mark.parametrize(("text", "meldung"), [
    (URLS, "fehlt unter [urls] die Adresse für: thinksurance"),
    (URLS + 'thinksurance = "x"\n[welt]\nbtoken = "klartext"\n', "nicht erlaubt: btoken"),
    (URLS + 'thinksurance = "x"\n[geheimnisse]\nbtoken = "NICHT_GESETZT_XY"\n', "NICHT_GESETZT_XY"),
    (URLS + 'thinksurance = "x"\n[geheimnisse]\nunsinn = "X"\n', "„unsinn“ unter [geheimnisse] unbekannt"),
    ("kaputt = [", "kein gültiges TOML"),
])
def test_fehlerhafte_profile(tmp_path: Path, text: str, meldung: str) -> None:
    with pytest.raises(ProfilFehler, match=None) as fehler:
        profil_laden(_profil(tmp_path, text), {})
    assert meldung in str(fehler.value)


def test_fehlende_datei() -> None:
    with pytest.raises(ProfilFehler, match="gibt es nicht"):
        profil_laden("/nirgends/ziel.toml", {})
