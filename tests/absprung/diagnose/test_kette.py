"""The diagnosis as a whole: complete setup, several causes, reading only, the JSON shape."""

from __future__ import annotations

import json
from typing import Callable

import pytest

from absprung import einrichtung
from absprung.diagnose import KETTE, diagnose
from absprung.diagnose.modell import IN_ORDNUNG, URSACHE_GEFUNDEN
from absprung.systems import Systems
from absprung.ursachen import URSACHEN, rang
from absprung.ursachen.uebungen import PRIVATE_EMAIL

Bruch = Callable[[Systems], object]
BRUECHE: dict[str, Bruch] = {  # in an order that lets each apply (without API-Zugriff no token list)
    "token-widerrufen": lambda s: [s.cloud.token_widerrufen(s.world.bestand, t.id)
                                   for t in s.cloud.tokens(s.world.bestand)],
    "maklerextranet": lambda s: einrichtung.maklerextranet_aktivieren(s, aktiv=False),
    "api-zugriff": lambda s: s.cloud.feature_setzen(s.world.bestand, "API-Zugriff", False),
    "cloud-rolle": lambda s: s.cloud.rolle_aendern(s.world.bestand, s.world.haupt_email, "Gast"),
    "makler-email": lambda s: s.ams.haupt_email_aendern(s.world.ams_benutzer, PRIVATE_EMAIL),
}


def _zustand(s: Systems) -> str:
    return json.dumps([s.control(x).state() for x in sorted(s.target.controllable)], sort_keys=True, default=str)


def test_die_kette_sind_die_pruefungen_der_ursachen_in_datenfluss_reihenfolge() -> None:
    assert [u.name for u in KETTE] == [u.name for u in URSACHEN if u.pruefen is not None]
    assert len(KETTE) == 19


def test_vollstaendige_einrichtung_ist_in_ordnung(s: Systems) -> None:
    einrichtung.vollstaendig_einrichten(s)
    d = diagnose(s, s.world.ams_benutzer, "K-1001")
    assert d.ergebnis == IN_ORDNUNG and d.exit_code == 0, [z.hinweis for z in d.zeilen if z.status != "ok"]
    assert len(d.zeilen) == len(KETTE)


@pytest.mark.parametrize("brueche", [("token-widerrufen", "maklerextranet"), ("cloud-rolle", "api-zugriff"),
                                     ("makler-email", "cloud-rolle", "token-widerrufen"), tuple(BRUECHE)],
                         ids=lambda b: "+".join(b))
def test_mehrere_ursachen_die_erste_im_datenfluss(s: Systems, brueche: tuple[str, ...]) -> None:
    einrichtung.vollstaendig_einrichten(s)
    for b in brueche:
        BRUECHE[b](s)
    d = diagnose(s, s.world.ams_benutzer, "K-1001")
    assert d.ergebnis == URSACHE_GEFUNDEN and d.exit_code == 1
    assert d.ursache is not None and d.ursache.name == min(brueche, key=rang)
    assert {z.ursache.name for z in d.zeilen if z.status == "fehlt"} >= set(brueche)


def test_die_diagnose_aendert_nichts(s: Systems) -> None:
    einrichtung.vollstaendig_einrichten(s)
    BRUECHE["maklerextranet"](s)
    vorher = _zustand(s)
    diagnose(s, s.world.ams_benutzer, "K-1001")
    assert _zustand(s) == vorher


def test_json_hat_genau_die_dokumentierte_form(s: Systems) -> None:
    d = diagnose(s, s.world.ams_benutzer, "K-1001").json()
    assert set(d) == {"ergebnis", "ursache", "pruefungen"}
    assert set(d["ursache"]) == {"leitfaden", "code", "meldung", "behebung", "fehlerbild"}
    assert all(set(p) == {"leitfaden", "pruefung", "status", "hinweis", "quelle"} for p in d["pruefungen"])
    assert {p["status"] for p in d["pruefungen"]} <= {"ok", "fehlt", "nicht_pruefbar"}
    assert {p["quelle"] for p in d["pruefungen"]} == {"gelesen"}  # nobody was asked
    assert d["ursache"]["fehlerbild"].startswith("generiert/fehlerbilder.html#")
