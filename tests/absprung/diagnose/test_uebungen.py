"""Every Übung starts with its cause in place, and its model solution makes the setup complete."""

from __future__ import annotations

import pytest

from absprung.diagnose import diagnose
from absprung.diagnose.modell import IN_ORDNUNG
from absprung.systems import Systems
from absprung.uebungen import UEBUNGEN, Uebung


def test_uebungen_gezaehlt() -> None:
    assert len(UEBUNGEN) == len({u.name for u in UEBUNGEN}) >= 21


@pytest.mark.parametrize("u", UEBUNGEN, ids=lambda u: u.name)
def test_uebung_zeigt_ihre_ursache_und_die_behebung_wirkt(u: Uebung, s: Systems) -> None:
    u.herstellen(s)
    vorher = diagnose(s, s.world.ams_benutzer, u.kundennummer(s))
    assert vorher.ursache is not None and vorher.ursache.befund.id == u.name, vorher.ergebnis
    u.beheben(s)
    nachher = diagnose(s, s.world.ams_benutzer, u.kundennummer(s))
    assert nachher.ergebnis == IN_ORDNUNG, nachher.ursache.meldung if nachher.ursache else nachher.ergebnis
