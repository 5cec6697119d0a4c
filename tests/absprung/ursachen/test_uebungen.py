"""Every exercise starts with its cause in place, the diagnosis names it with the declared code, fix
and link, and the model solution makes the setup complete."""

from __future__ import annotations

import pytest

from absprung.diagnose import diagnose
from absprung.diagnose.modell import IN_ORDNUNG
from absprung.systems import Systems
from absprung.ursachen import UEBUNGEN, Ursache


def test_uebungen_gezaehlt() -> None:
    assert len(UEBUNGEN) == len({u.name for u in UEBUNGEN}) >= 21


@pytest.mark.parametrize("u", UEBUNGEN, ids=lambda u: u.name)
def test_uebung_zeigt_ihre_ursache_und_die_behebung_wirkt(u: Ursache, s: Systems) -> None:
    assert u.uebung is not None
    u.uebung.herstellen(s)
    vorher = diagnose(s, s.world.ams_benutzer, u.uebung.kundennummer(s))
    assert vorher.ursache is not None and vorher.ursache.name == u.name, vorher.ergebnis
    j = vorher.json()["ursache"]
    assert (j["code"], j["behebung"], j["fehlerbild"]) == (u.code, u.behebung, f"generiert/fehlerbilder.html#{u.anker}")
    u.uebung.beheben(s)
    nachher = diagnose(s, s.world.ams_benutzer, u.uebung.kundennummer(s))
    assert nachher.ergebnis == IN_ORDNUNG, nachher.erste.hinweis if nachher.erste else nachher.ergebnis
