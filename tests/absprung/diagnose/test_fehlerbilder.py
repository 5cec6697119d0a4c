"""Derived from the Fehlerbild scenarios: each one's cause, set up, is what the diagnosis names.

A new Fehlerbild without a ``Prüfung:`` the diagnosis knows, or without an Übung that sets up
its cause, fails here. 25 Fehlerbilder name 21 causes; every cause is an Übung.
"""

from __future__ import annotations

import pytest

from absprung.diagnose import diagnose, katalog
from absprung.diagnose.befunde import BEFUND
from absprung.leitfaden.fehlerbilder import Fehlerbild
from absprung.systems import Systems
from absprung.uebungen import UEBUNG
from fakes.common.errors import REGISTER

FEHLERBILDER = katalog.fehlerbilder()


def test_die_fehlerbilder_sind_gezaehlt() -> None:
    assert len(FEHLERBILDER) >= 25
    assert {f.pruefung for f in FEHLERBILDER} == set(UEBUNG), "Jede Ursache eines Fehlerbilds ist eine Übung."


@pytest.mark.parametrize("fb", FEHLERBILDER, ids=lambda f: f.szenario.anchor)
def test_fehlerbild_nennt_eine_bekannte_pruefung_und_einen_code(fb: Fehlerbild) -> None:
    assert fb.pruefung in BEFUND, f"„Prüfung: {fb.pruefung}“ kennt die Diagnose nicht (absprung/diagnose/befunde.py)."
    assert fb.code in REGISTER, f"„Code: {fb.code}“ ist kein Fehlercode der Fakes."
    guide = set(fb.szenario.guide_ids)
    assert guide & set(BEFUND[fb.pruefung].leitfaden) or guide & set(REGISTER[fb.code].guide), (
        f"Weder die Prüfung noch der Code gehören zu {sorted(guide)}.")


@pytest.mark.parametrize("fb", FEHLERBILDER, ids=lambda f: f.szenario.anchor)
def test_die_diagnose_findet_die_ursache_des_fehlerbilds(fb: Fehlerbild, s: Systems) -> None:
    uebung = UEBUNG.get(fb.pruefung)
    assert uebung is not None, f"Zu „Prüfung: {fb.pruefung}“ gibt es keine Übung (absprung/uebungen.py)."
    uebung.herstellen(s)
    d = diagnose(s, s.world.ams_benutzer, uebung.kundennummer(s))
    assert d.ursache is not None, f"Keine Ursache gefunden ({d.ergebnis})."
    assert d.ursache.befund.id == fb.pruefung, d.ursache.meldung
    assert set(d.ursache.befund.leitfaden) & set(fb.szenario.guide_ids) or fb.code in {
        f.code for f in katalog.zu(fb.pruefung)}
    assert d.ursache.code in {f.code for f in katalog.zu(fb.pruefung)}
    vertreter = katalog.fehlerbild(fb.pruefung)  # the Fehlerbild that stands for this cause
    assert vertreter is not None and d.ursache.behebung == vertreter.behebung
    assert d.ursache.fehlerbild.endswith("#" + vertreter.szenario.anchor)
