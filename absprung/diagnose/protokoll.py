"""Explains a failed or empty jump from con:center's launch log, in the words of the guide."""

from __future__ import annotations

from typing import Any

from ..clients import ConcenterClient


def letzter_absprung(concenter: ConcenterClient) -> dict[str, Any] | None:
    eintraege = concenter.protokoll()
    return eintraege[0] if eintraege else None


def erklaerung(eintrag: dict[str, Any] | None) -> str:
    if eintrag is None:
        return "Im Absprung-Protokoll des con:center steht kein Absprung – der Start kam nicht bis zum con:center."
    if eintrag["ergebnis"] == "erfolgreich":
        return "Laut Absprung-Protokoll des con:center war der letzte Absprung erfolgreich (mit Kundendaten)."
    return (f"Laut Absprung-Protokoll des con:center ({eintrag['ergebnis']}), Schritt „{eintrag['schritt']}“: "
            f"{eintrag['grund']} [{eintrag['code']}]")
