"""Putting a landscape back: what can be put back is, what cannot is named (never silently skipped)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Iterator

import pytest

from absprung import einrichtung
from absprung.clients import NoAnswer
from absprung.landschaft.aufraeumen import AltesJournal, alt, aufgeraeumt, journal, nachholen
from absprung.landschaft.journal import ALT_STUNDEN, Journal
from absprung.landschaft.stand import lesen
from absprung.landschaft.wiederherstellen import herstellen
from absprung.systems import Systems
from basis import demo
from basis.leitfaden import PRODUKTGEBER
from basis.secret import Secret
from basis.ziel import Target, World
from fakes.server import Fakes

ALLE = frozenset({"cloud", "concenter", "ams"})


@pytest.fixture
def landschaft() -> Iterator[tuple[Systems, Secret]]:
    """Fakes set up as the guide says; the profile knows the noted AccessToken."""
    with Fakes() as fakes:
        s = Systems.connect(Target("t", fakes.urls, writes_allowed=True, world=World()))
        token = einrichtung.vollstaendig_einrichten(s)
        assert token is not None
        s.target = replace(s.target, world=replace(s.world, access_token=token))
        yield s, token
        s.close()


def test_alles_zurueck_auch_eine_geloeschte_freischaltung(landschaft: tuple[Systems, Secret]) -> None:
    s, _ = landschaft
    vorher = lesen(s, ALLE)
    einrichtung.vollstaendig_einrichten(s, ausser=frozenset({einrichtung.Schritt.VM_FREISCHALTUNG,
                                                             einrichtung.Schritt.MITARBEITERZUGRIFF,
                                                             einrichtung.Schritt.MAKLEREXTRANET}))
    s.ams.haupt_email_aendern(s.world.ams_benutzer, "a.schmidt@privat-beispiel.de")
    s.ams.kunde_anlegen("K-NEU-1", "VM-01", {"firma": "Neu GmbH"})
    s.ams.kunde_replizieren(s.world.ams_benutzer, "K-NEU-1")
    assert lesen(s, ALLE) != vorher
    bilanz = herstellen(s, vorher, list(s.angelegt))
    nachher = lesen(s, ALLE)
    assert not bilanz.offen, bilanz.offen
    assert bilanz.angelegt["cloud"] >= 2 and bilanz.angelegt["ams"] == 1 and bilanz.geaendert["ams"] == 2
    assert nachher.cloud is not None and vorher.cloud is not None
    # The deleted VM-Freischaltung is back with its content (and a new id); everything else as before.
    assert list(nachher.cloud.freischaltungen.values()) == list(vorher.cloud.freischaltungen.values())
    assert nachher.concenter == vorher.concenter and nachher.ams == vorher.ams
    assert {k: v for k, v in vars(nachher.cloud).items() if k != "freischaltungen"} == \
        {k: v for k, v in vars(vorher.cloud).items() if k != "freischaltungen"}


def test_was_nicht_geht_wird_genannt(landschaft: tuple[Systems, Secret]) -> None:
    s, token = landschaft
    vorher = lesen(s, ALLE)
    [alt] = [t for t in s.cloud.tokens(s.world.bestand)]
    s.cloud.token_widerrufen(s.world.bestand, alt.id)
    s.concenter.produktgeber_einstellungen_aendern(s.world.concenter_benutzer, PRODUKTGEBER,
                                                   {"collaboration_api_token": "aft_von_jemand_anderem_1234"},
                                                   passwort=s.world.concenter_passwort)
    ohne_token = replace(s.world, access_token=None)
    s.target = replace(s.target, world=ohne_token)
    bilanz = herstellen(s, vorher, [])
    texte = " ".join(bilanz.offen["cloud"] + bilanz.offen["concenter"])
    assert "widerrufen; das lässt sich nicht zurücknehmen" in texte
    assert "nennt das Zielprofil nicht ([geheimnisse] access_token)" in texte
    assert token.reveal() not in texte


def test_ein_falscher_wert_im_profil_wird_nicht_geschrieben(landschaft: tuple[Systems, Secret]) -> None:
    """The profile's AccessToken must match the mask shown before: a wrong one is named, not written."""
    s, _ = landschaft
    vorher = lesen(s, ALLE)
    s.concenter.produktgeber_einstellungen_aendern(s.world.concenter_benutzer, PRODUKTGEBER,
                                                   {"collaboration_api_token": ""}, passwort=s.world.concenter_passwort)
    s.target = replace(s.target, world=replace(s.world, access_token=Secret("aft_ganz_anderer_token_000000")))
    bilanz = herstellen(s, vorher, [])
    assert bilanz.offen.get("concenter") and not lesen(s, ALLE).concenter.produktgeber["collaboration_api_token"]


def test_was_andere_anlegen_bleibt(landschaft: tuple[Systems, Secret]) -> None:
    """Only what the scenario created goes: a token, a Freischaltung and a customer somebody else created
    meanwhile stay (review of issue 20: the restore deleted everything new)."""
    s, _ = landschaft
    vorher = lesen(s, ALLE)
    s.szenario_beginnt()
    eigener = s.cloud.token_hinzufuegen(s.world.bestand, zweck="TaaData", concenter_benutzer=s.world.concenter_benutzer)
    with Systems.connect(s.target) as anderer:  # not this scenario: nothing of it is reported
        fremder = anderer.cloud.token_hinzufuegen(s.world.bestand, zweck="Bestandsexport",
                                                  concenter_benutzer=s.world.concenter_benutzer)
        anderer.ams.kunde_anlegen("K-ANDERER-1", "VM-01", {"firma": "Fremd GmbH"})
    bilanz = herstellen(s, vorher, list(s.angelegt))
    tokens = {t.id for t in s.cloud.tokens(s.world.bestand)}
    assert eigener.id not in tokens and fremder.id in tokens
    assert "K-ANDERER-1" in {k.kundennummer for k in s.ams.kunden()}
    assert bilanz.belassen["cloud"] == 1 and bilanz.belassen["ams"] == 1 and not bilanz.offen


def test_das_journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, landschaft: tuple[Systems, Secret]) -> None:
    s, _ = landschaft
    monkeypatch.setenv("ABSPRUNG_JOURNAL", str(tmp_path))
    j = Journal(["http://localhost:8001", "http://127.0.0.1:8002"], World())
    assert j.offen() is None
    stand = lesen(s, ALLE)  # a real one, with the Produktgeber values set
    assert stand.concenter is not None and all(stand.concenter.produktgeber.values())
    j.oeffnen(stand, "features/x::test_y")
    j.angelegt("cloud.token", "T-9")
    assert Journal(["http://127.0.0.1:8002", "http://[::1]:8001/"], World()).offen() is not None  # same landscape
    anderes_buero = replace(World(), ams_benutzer=demo.AMS_KOLLEGE_KUERZEL, concenter_benutzer="weber-cc")
    assert Journal(["http://localhost:8001", "http://127.0.0.1:8002"], anderes_buero).offen() is None
    offen = j.offen()
    assert offen is not None and offen.stand == stand and offen.angelegt == [("cloud.token", "T-9")]
    text = j.datei.read_text(encoding="utf-8")
    for geheim in (demo.TS_BTOKEN, s.world.geheimnis("access_token").reveal(), demo.CONCENTER_PASSWORT):
        assert geheim not in text
    j.schliessen()
    assert j.offen() is None and not list(tmp_path.glob(".journal-*"))


def test_antwortet_ein_system_nicht_bleibt_das_journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Putting back with a system that stopped answering: nothing is known, so the journal stays (review)."""
    monkeypatch.setenv("ABSPRUNG_JOURNAL", str(tmp_path))
    with Fakes() as fakes:
        ziel = Target("t", fakes.urls, writes_allowed=True, world=World(), embedded=frozenset({"thinksurance"}))
        s = Systems.connect(ziel)
        with pytest.raises(NoAnswer):
            with aufgeraeumt(s, "features/x::test_z"):
                einrichtung.concenter_benutzer_hinterlegen(s)
                fakes.stop()
        s.close()
    assert list(tmp_path.glob("landschaft-*.json")), "Der Stand ist verloren."


def test_ein_altes_journal_wird_nicht_von_selbst_angewandt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           landschaft: tuple[Systems, Secret]) -> None:
    s, _ = landschaft
    monkeypatch.setenv("ABSPRUNG_JOURNAL", str(tmp_path))
    ziel = replace(s.target, embedded=frozenset({"thinksurance"}))
    s.target = ziel
    j = journal(ziel)
    j.oeffnen(lesen(s, ziel.ohne_zuruecksetzen), "features/alt::test_alt")
    daten = json.loads(j.datei.read_text(encoding="utf-8"))
    daten["zeit"] -= (ALT_STUNDEN + 1) * 3600
    j.datei.write_text(json.dumps(daten), encoding="utf-8")
    assert "nicht aufgeräumt" in (alt(ziel) or "")
    with pytest.raises(AltesJournal):
        with aufgeraeumt(s, "features/neu::test_neu"):
            pass
    assert nachholen(s) is not None and journal(ziel).offen() is None  # on request it is put back
