"""Signed session cookies: only what this fake issued opens a session."""

from __future__ import annotations

from fakes.common.sitzung import Sitzungen


def test_nur_ausgestellte_werte_gelten() -> None:
    s, andere = Sitzungen(), Sitzungen()
    wert = s.ausstellen("müller-cc")
    assert s.lesen(wert) == "müller-cc"
    teil = wert.split(".")[0]
    for gefaelscht in ("müller-cc", "mueller-cc", f"{teil}.0", f"{teil}.{'0' * 64}", andere.ausstellen("müller-cc"),
                       "", None, "a.b.c", "ä.ö", f"{teil}!.{wert.split('.')[1]}"):
        assert s.lesen(gefaelscht) is None, gefaelscht
