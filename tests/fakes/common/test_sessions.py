"""Sessions of the fakes' pages: only an issued id opens one; it ends by logout, age and limit."""

from __future__ import annotations

from fakes.common.clock import Clock
from fakes.common.sessions import DAUER, JE_NAME, Sessions


def test_nur_ausgestellte_werte_gelten() -> None:
    uhr = Clock()
    s, andere = Sessions(uhr), Sessions(uhr)
    wert = s.issue("müller-cc")
    assert s.read(wert) == "müller-cc" and len(wert) >= 32
    for gefaelscht in ("müller-cc", "mueller-cc", wert[:-1], wert + "x", andere.issue("müller-cc"), "", None,
                       "a.b.c", "ä.ö"):
        assert s.read(gefaelscht) is None, gefaelscht


def test_sitzung_endet() -> None:
    uhr = Clock()
    uhr.freeze()
    s = Sessions(uhr)
    a, b = s.issue("a"), s.issue("b")
    s.end(a)
    s.end("gibt-es-nicht")
    s.end(None)
    assert s.read(a) is None and s.read(b) == "b"
    uhr.advance(DAUER.total_seconds() - 1)
    assert s.read(b) == "b"
    uhr.advance(1)
    assert s.read(b) is None


def test_hoechstens_limit_sitzungen_die_aeltesten_gehen_zuerst() -> None:
    s = Sessions(Clock(), limit=10)
    erste = s.issue("erste")
    for i in range(25):
        s.issue(str(i))
    assert len(s) <= 10 and s.read(erste) is None


def test_viele_anmeldungen_eines_benutzers_verdraengen_niemand_anderen() -> None:
    """ams.5's login needs no password: 1000 logins of one user pushed out every other session."""
    s = Sessions(Clock(), limit=100)
    anna = s.issue("anna")
    for _ in range(500):
        letzte = s.issue("angreifer")
    assert s.read(anna) == "anna" and s.read(letzte) == "angreifer"
    assert len(s) == JE_NAME + 1
