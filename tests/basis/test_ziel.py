"""Target profiles: fail loudly and early, secrets only from environment variables."""

from __future__ import annotations

from pathlib import Path

import pytest

from absprung.errors import MissingSecret, ProfileError
from basis.ziel import EMBEDDED, Target, embedded_fakes, load_profile

URLS = '[urls]\ncloud = "https://cloud.example"\nconcenter = "https://cc.example"\nams = "https://ams.example"\n'


def _profil(tmp_path: Path, text: str) -> Path:
    pfad = tmp_path / "ziel.toml"
    pfad.write_text(text, encoding="utf-8")
    return pfad


def test_standard_sind_die_eingebetteten_fakes() -> None:
    ziel = embedded_fakes()
    assert set(ziel.urls.values()) == {EMBEDDED} and ziel.controllable == ziel.embedded


def test_gemischtes_profil(tmp_path: Path) -> None:
    ziel = load_profile(_profil(tmp_path, URLS + 'thinksurance = "eingebettet"\n[geheimnisse]\nbtoken = "B"\n'),
                       {"B": "echter-btoken"})
    assert ziel.embedded == {"thinksurance"} and not ziel.writes_allowed
    assert ziel.world.btoken is not None and ziel.world.btoken.reveal() == "echter-btoken"
    assert "echter-btoken" not in repr(ziel)
    fertig = ziel.with_fake_urls({"thinksurance": "http://127.0.0.1:1"})
    assert fertig.urls["thinksurance"] == "http://127.0.0.1:1" and fertig.urls["cloud"] == "https://cloud.example"


@pytest.mark.parametrize(("text", "meldung"), [
    (URLS, "fehlt unter [urls] die Adresse für: thinksurance"),
    (URLS + 'thinksurance = "x"\n[welt]\nbtoken = "klartext"\n', "nicht erlaubt: btoken"),
    (URLS + 'thinksurance = "x"\n[geheimnisse]\nbtoken = "NICHT_GESETZT_XY"\n', "NICHT_GESETZT_XY"),
    (URLS + 'thinksurance = "x"\n[geheimnisse]\nunsinn = "X"\n', "„unsinn“ unter [geheimnisse] unbekannt"),
    ("kaputt = [", "kein gültiges TOML"),
    ('browser_server = "http://grid:3000"\n' + URLS + 'thinksurance = "x"\n', "erwartet wird eine Adresse wie ws://"),
])
def test_fehlerhafte_profile(tmp_path: Path, text: str, meldung: str) -> None:
    with pytest.raises(ProfileError, match=None) as fehler:
        load_profile(_profil(tmp_path, text), {})
    assert meldung in str(fehler.value)


def test_fehlende_datei() -> None:
    with pytest.raises(ProfileError, match="gibt es nicht"):
        load_profile("/nirgends/ziel.toml", {})


def test_an_unnamed_secret_has_the_demo_value_only_where_a_fake_answers(tmp_path: Path) -> None:
    real = profil_laden_(tmp_path, URLS + 'thinksurance = "eingebettet"\n')
    assert real.world.btoken is not None  # Thinksurance embedded: the demo b-Token is right
    assert real.world.concenter_passwort is None  # a real con:center: no demo password
    with pytest.raises(MissingSecret, match="kein „concenter_passwort“"):
        real.world.geheimnis("concenter_passwort")
    fakes = profil_laden_(tmp_path, 'steuerung = true\n' + URLS + 'thinksurance = "x"\n')
    assert fakes.world.concenter_passwort is not None  # fakes started elsewhere
    assert fakes.world.access_token is None
    with pytest.raises(MissingSecret, match="richtet assfinet cloud nicht selbst ein"):
        fakes.world.geheimnis("access_token")


def test_platform_labels_and_the_checked_customer_come_from_the_profile(tmp_path: Path) -> None:
    ziel = profil_laden_(tmp_path, 'steuerung = true\n' + URLS + 'thinksurance = "x"\n[welt]\n'
                         'pruefkunde = "Bäckerei Köhler e. K."\n[plattform]\ntitel = "Kunde"\n'
                         '[plattform.felder]\nFirma = "Firmenname"\n')
    assert ziel.world.pruefkunde == "Bäckerei Köhler e. K."
    assert ziel.plattform.titel == "Kunde" and ziel.plattform.label("Firma") == "Firmenname"
    assert ziel.plattform.label("PLZ") == "PLZ"
    with pytest.raises(ProfileError, match="diese Felder nicht: Geburtsdatum"):
        profil_laden_(tmp_path, URLS + 'thinksurance = "x"\n[plattform.felder]\nGeburtsdatum = "x"\n')


def profil_laden_(tmp_path: Path, text: str) -> Target:
    return load_profile(_profil(tmp_path, text), {})


def test_browserserver_aus_dem_profil(tmp_path: Path) -> None:
    ziel = load_profile(_profil(tmp_path, 'browser_server = "ws://grid.intern:3000/absprung"\n' + URLS
                                + 'thinksurance = "eingebettet"\n'), {})
    assert ziel.browser_server == "ws://grid.intern:3000/absprung"
    assert load_profile(_profil(tmp_path, URLS + 'thinksurance = "x"\n'), {}).browser_server is None
