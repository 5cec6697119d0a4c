"""The whole guide against a writable test landscape that cannot be reset, as QA runs it: a separately
started ``python -m fakes`` set up as the guide says, a profile with ``schreiben_erlaubt = true``,
``steuerung = false`` and every secret named.

Twice in a row every scenario – API, UI and browser – passes or is skipped because it needs a fake
(never failed); afterwards the systems hold what they held before (the control API's dumps compared),
except what the guide's own test leaves by design (README, "Testlandschaft ohne Zurücksetzen"). A run
killed in the middle of a scenario leaves its Stand in the journal; the next run puts it back first.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any, Iterator

import httpx
import pytest

from absprung import einrichtung
from absprung.systems import Systems
from basis import demo
from basis.ziel import Target, World
from tests.features.remote import SYSTEMS, count, fakes_process, run_suite, write_profile
from tests.helpers import run_scenarios

NUR_FAKE = "Nur gegen einen Fake:"
GEHEIMNISSE = {"btoken": demo.TS_BTOKEN, "btoken_kollege": demo.TS_BTOKEN_KOLLEGE, "thinksurance_hash": demo.TS_HASH,
               "thinksurance_secret": demo.TS_SECRET, "atoken": demo.TS_ATOKEN,
               "concenter_passwort": demo.CONCENTER_PASSWORT}


def kollegen_dazu(s: Systems) -> None:
    """A landscape that is not shaped like the fakes' seed: colleagues with objects of their own."""
    b, w = s.world.bestand, s.world
    s.cloud.concenter_benutzer_hinterlegen(b, w.concenter_kollege)
    s.cloud.mitarbeiterzugriff_eintragen(b, w.kollege_email)
    s.cloud.kundenfreischaltung_anlegen(b, name="Jonas", kunden=["K-1002"], geteilt_mit=[w.kollege_email],
                                        hauptfreischaltung=True)
    s.cloud.token_hinzufuegen(b, zweck="Bestandsexport", concenter_benutzer=w.concenter_kollege, name="Export")


def aufbauen(ordner: Path, urls: dict[str, str], *, kollegen: bool) -> tuple[Path, dict[str, str]]:
    s = Systems.connect(Target("Einrichtung", urls, writes_allowed=True, world=World()))
    try:
        access_token = einrichtung.vollstaendig_einrichten(s)  # as the broker office did it, once
        if kollegen:
            kollegen_dazu(s)
    finally:
        s.close()
    assert access_token is not None
    werte = {**GEHEIMNISSE, "access_token": access_token.reveal()}
    umgebung = {f"LANDSCHAFT_{name.upper()}": wert for name, wert in werte.items()}
    umgebung["ABSPRUNG_JOURNAL"] = str(ordner / "journal")
    profil = write_profile(ordner / "testlandschaft.toml", urls, writes=True, control=False,
                           secrets={name: f"LANDSCHAFT_{name.upper()}" for name in werte})
    return profil, umgebung


@pytest.fixture(scope="module")
def landschaft(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, str], dict[str, str]]]:
    """(profile, environment with the secrets and the journal folder, URLs) of a landscape set up once."""
    ordner = tmp_path_factory.mktemp("landschaft")
    with fakes_process() as remote:
        urls = {s: remote[s]["url"] for s in SYSTEMS}
        profil, umgebung = aufbauen(ordner, urls, kollegen=False)
        yield profil, umgebung, urls


def zustand(urls: dict[str, str]) -> dict[str, Any]:
    return {s: httpx.get(f"{u}/_steuerung/zustand", timeout=10).json() for s, u in urls.items()}


def ohne_was_der_test_hinterlaesst(z: dict[str, Any]) -> dict[str, Any]:
    """The dump without what the guide's own test leaves by design: the launch log, Thinksurance's
    customers and login links, the first binding of the b-Token (and the other user names it refused),
    and the id a Freischaltung gets when a Fehlerbild had to delete it and it is made again."""
    z = copy.deepcopy(z)
    z["concenter"].pop("protokoll")
    for key in ("kunden", "switches"):
        z["thinksurance"].pop(key)
    for b in z["thinksurance"]["broker"]:
        b.pop("bExternalId"), b.pop("abgewiesene_bExternalIds")
    for bestand in z["cloud"]["bestaende"].values():
        for f in bestand["freischaltungen"]:
            f.pop("id")
        bestand["freischaltungen"].sort(key=lambda f: json.dumps(f, sort_keys=True))  # a list without order
    return z


def _gescheitert(lauf: Path) -> list[str]:
    """Why scenarios failed (for the message of a failed assertion)."""
    if not lauf.is_file():
        return []
    return [f"{s['szenario']}: {s['meldung']}" for s in json.loads(lauf.read_text(encoding="utf-8"))["szenarien"]
            if s["status"] == "failed"]


def _skips_nur_mit_fake(lauf: Path) -> list[str]:
    daten = json.loads(lauf.read_text(encoding="utf-8"))
    return [f"{s['szenario']}: {s['meldung']}" for s in daten["szenarien"]
            if s["status"] == "skipped" and not str(s["meldung"]).startswith(NUR_FAKE)]


def test_zweimal_gruen_und_nichts_bleibt_zurueck(landschaft: tuple[Path, dict[str, str], dict[str, str]],
                                                 tmp_path: Path) -> None:
    profil, umgebung, urls = landschaft
    vorher = zustand(urls)
    for lauf, argumente in (("erster", ()), ("zweiter", ("-n", "2"))):
        ergebnis = run_suite(profil, "--lauf-json", str(tmp_path / f"{lauf}.json"), *argumente,
                             environment=umgebung, timeout=600)
        ausgabe = ergebnis.stdout + ergebnis.stderr
        assert ergebnis.returncode == 0 and count("failed", ergebnis.stdout) == 0, \
            "\n".join([f"{lauf} Lauf:", *_gescheitert(tmp_path / f"{lauf}.json"), ausgabe[-4000:]])
        assert count("passed", ergebnis.stdout) >= 48, ausgabe[-2000:]
        assert _skips_nur_mit_fake(tmp_path / f"{lauf}.json") == []
        assert "alles wiederhergestellt" in ausgabe and "nicht wiederhergestellt" not in ausgabe, ausgabe[-3000:]
    nachher = zustand(urls)
    assert ohne_was_der_test_hinterlaesst(nachher) == ohne_was_der_test_hinterlaesst(vorher)
    assert nachher["concenter"]["protokoll"], "Der Test des Leitfadens springt ab; das Protokoll zeigt es."
    # The landscape still works as the office set it up: a launch with the customer's data.
    s = Systems.connect(Target("danach", urls, world=World()))
    try:
        url = s.ams.produkt_waehlen(demo.AMS_KUERZEL, "K-1001", "Thinksurance - Gewerbeplattform")
        status, ziel = s.concenter.start_oeffnen(url)
    finally:
        s.close()
    assert status in (302, 303) and ziel and "/switch/" in ziel
    assert zustand(urls)["concenter"]["protokoll"][-1]["ergebnis"] == "erfolgreich"


ABBRUCH = """# language: de
Funktionalität: Abbruch mittendrin
  Szenario: Ein Lauf stirbt, nachdem er die Landschaft verändert hat
    Angenommen alles ist nach dem Leitfaden eingerichtet, außer "VM-Freischaltung"
    Und die Haupt-E-Mail-Adresse des ams Benutzers lautet "a.schmidt@privat-beispiel.de"
    Dann stirbt der Prozess
"""
STERBEN = '''
import os, signal
from pytest_bdd import then

@then("stirbt der Prozess")
def _():
    os.kill(os.getpid(), signal.SIGKILL)
'''


def test_ein_abgebrochener_lauf_wird_beim_naechsten_aufgeraeumt(
        landschaft: tuple[Path, dict[str, str], dict[str, str]], tmp_path: Path) -> None:
    profil, umgebung, urls = landschaft
    vorher = zustand(urls)
    abbruch = run_scenarios(tmp_path / "abbruch", {"abbruch.feature": ABBRUCH}, "-p", "no:xdist", "--ziel",
                            str(profil), environment=umgebung, steps=STERBEN, timeout=120)
    assert abbruch.returncode < 0 or abbruch.returncode not in (0, 1), abbruch.stdout[-2000:]  # killed
    mittendrin = zustand(urls)
    assert ohne_was_der_test_hinterlaesst(mittendrin) != ohne_was_der_test_hinterlaesst(vorher)
    assert list(Path(umgebung["ABSPRUNG_JOURNAL"]).glob("landschaft-*.json")), "Kein Stand im Journal."
    weiter = run_suite(profil, "-m", "G18", "--lauf-json", str(tmp_path / "weiter.json"), environment=umgebung)
    assert weiter.returncode == 0, (weiter.stdout[-3000:], _gescheitert(tmp_path / "weiter.json"))
    assert "Nachgeholt: Ein abgebrochener Lauf" in weiter.stdout
    assert ohne_was_der_test_hinterlaesst(zustand(urls)) == ohne_was_der_test_hinterlaesst(vorher)
    assert not list(Path(umgebung["ABSPRUNG_JOURNAL"]).glob("landschaft-*.json"))


def test_das_readme_nennt_genau_die_szenarien_mit_nur_fake() -> None:
    """README, "Eine Testlandschaft ohne Zurücksetzen": the table lists the scenarios tagged @nur_fake."""
    from absprung.leitfaden.gherkin import parse_features
    from tests.helpers import ROOT

    getaggt = {s.name for f in parse_features(ROOT / "features", ROOT, []) for s in f.scenarios
               if "nur_fake" in s.tags}
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    abschnitt = text.split("**Nur gegen einen Fake**", 1)[1].split("**Was der Test", 1)[0]
    genannt = {zeile.split("|")[1].strip() for zeile in abschnitt.splitlines()
               if zeile.startswith("| ") and not zeile.startswith("| Szenario")}
    assert genannt == getaggt and len(getaggt) == 11


def test_eine_landschaft_mit_kollegen_bleibt_wie_sie_war(tmp_path: Path) -> None:
    """Colleagues' con:center user, Mitarbeiterzugriff, Kundenfreischaltung and token: used as they are,
    never removed, and lists keep their order."""
    with fakes_process() as remote:
        urls = {s: remote[s]["url"] for s in SYSTEMS}
        profil, umgebung = aufbauen(tmp_path, urls, kollegen=True)
        vorher = zustand(urls)
        ergebnis = run_suite(profil, "-n", "2", "--lauf-json", str(tmp_path / "lauf.json"), environment=umgebung,
                             timeout=600)
        nachher = zustand(urls)
    ausgabe = ergebnis.stdout + ergebnis.stderr
    assert ergebnis.returncode == 0 and count("passed", ergebnis.stdout) >= 48, ausgabe[-4000:]
    assert _skips_nur_mit_fake(tmp_path / "lauf.json") == []
    assert ohne_was_der_test_hinterlaesst(nachher) == ohne_was_der_test_hinterlaesst(vorher)
