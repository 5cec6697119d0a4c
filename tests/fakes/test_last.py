"""The fakes under many launches at once and with odd secrets, wired over loopback HTTP.

200 full launches at once all succeed while the control API keeps answering (they locked up at 40);
a non-ASCII btoken or Collaboration API Token never ends as "erfolgreich". Bounded: one burst, a
15 s timeout per request; the figures come from ``scripts/last.py``, not from here.
"""

from __future__ import annotations

import importlib.util
import threading
from typing import Any, Iterator

import pytest

from absprung import einrichtung
from absprung.systems import Systems
from basis import leitfaden
from basis.ziel import embedded_fakes
from fakes.options import Options
from fakes.server import Fakes
from tests.helpers import ROOT

_spec = importlib.util.spec_from_file_location("last", ROOT / "scripts" / "last.py")
assert _spec is not None and _spec.loader is not None
last: Any = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(last)


@pytest.fixture(scope="module")
def welt() -> Iterator[tuple[Fakes, Systems]]:
    with Fakes(Options()) as fakes:
        s = Systems.connect(embedded_fakes().with_fake_urls(fakes.urls))
        yield fakes, s
        s.close()


@pytest.fixture
def eingerichtet(welt: tuple[Fakes, Systems]) -> tuple[Fakes, Systems]:
    fakes, s = welt
    s.reset()
    einrichtung.vollstaendig_einrichten(s)
    return fakes, s


def test_200_gleichzeitige_absprunge_und_die_steuerung_antwortet(eingerichtet: tuple[Fakes, Systems]) -> None:
    fakes, _ = eingerichtet
    ergebnis = last.gleichzeitig(fakes.urls, 200)
    assert ergebnis["erfolgreich"] == 200, ergebnis
    assert ergebnis["steuerung_langsamste_s"] < last.TIMEOUT, "Die Steuerung blieb ohne Antwort."


@pytest.mark.parametrize("feld, wert, ergebnis, schritt", [
    ("btoken", "b€token-mit-sonderzeichen", "fehlgeschlagen", "Broker Forward"),
    ("btoken", "bätoken-latin1", "fehlgeschlagen", "Broker Forward"),
    ("collaboration_api_token", "aft_€_nicht_ascii_0001", "ohne Kundendaten", "Kundendaten aus der cloud lesen"),
])
def test_nicht_ascii_geheimnis_nie_erfolgreich(eingerichtet: tuple[Fakes, Systems], feld: str, wert: str,
                                               ergebnis: str, schritt: str) -> None:
    _, s = eingerichtet
    w = s.world
    s.concenter.produktgeber_einstellungen_aendern(w.concenter_benutzer, "Thinksurance", {feld: wert},
                                                   passwort=w.concenter_passwort)
    s.concenter.start_oeffnen(s.ams.produkt_waehlen(w.ams_benutzer, "K-1001", leitfaden.PRODUKT))
    eintrag = s.concenter.protokoll()[0]
    assert (eintrag["ergebnis"], eintrag["schritt"]) == (ergebnis, schritt), (eintrag["grund"], eintrag["code"])
    assert eintrag["grund"] and eintrag["code"]


def test_parallele_einrichtung_und_absprung_ohne_verklemmung(eingerichtet: tuple[Fakes, Systems]) -> None:
    """ams.5 refreshing its product list while launches run: both wait only for their neighbours."""
    fakes, s = eingerichtet
    fehler: list[BaseException] = []

    def aktualisieren() -> None:
        try:
            for _ in range(20):
                einrichtung.produktfreischaltungen_aktualisieren(s)
        except BaseException as f:  # noqa: BLE001 - reported below
            fehler.append(f)

    faden = threading.Thread(target=aktualisieren)
    faden.start()
    assert last.gleichzeitig(fakes.urls, 50)["erfolgreich"] == 50
    faden.join(timeout=60)
    assert not faden.is_alive() and not fehler, fehler
