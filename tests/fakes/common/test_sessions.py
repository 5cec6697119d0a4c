"""Signed session cookies: only what this fake issued opens a session."""

from __future__ import annotations

from fakes.common.sessions import Sessions


def test_nur_ausgestellte_werte_gelten() -> None:
    s, andere = Sessions(), Sessions()
    wert = s.issue("müller-cc")
    assert s.read(wert) == "müller-cc"
    teil = wert.split(".")[0]
    for gefaelscht in ("müller-cc", "mueller-cc", f"{teil}.0", f"{teil}.{'0' * 64}", andere.issue("müller-cc"),
                       "", None, "a.b.c", "ä.ö", f"{teil}!.{wert.split('.')[1]}"):
        assert s.read(gefaelscht) is None, gefaelscht
