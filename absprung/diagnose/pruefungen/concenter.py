"""con:center: the product Thinksurance and the Produktgeber settings (G05, G14, G15)."""

from __future__ import annotations

from ..kontext import PRODUKT, Kontext
from ..modell import Zeile, fehlt, ok


def produkt(k: Kontext) -> Zeile:
    if PRODUKT in k.concenter_produkte:
        return ok("concenter-produkt", f"Der con:center Benutzer „{k.concenter_benutzer}“ verfügt über das Produkt.")
    return fehlt("concenter-produkt", f"Der con:center Benutzer „{k.concenter_benutzer}“ verfügt nicht über das "
                                      "Produkt Thinksurance.")


def btoken(k: Kontext) -> Zeile:
    if k.produktgeber.get("btoken") is True:
        return ok("btoken-fehlt", "hinterlegt.")
    return fehlt("btoken-fehlt", f"Beim Produktgeber Thinksurance des con:center Benutzers „{k.concenter_benutzer}“ "
                                 "ist kein btoken hinterlegt.")


def collaboration_token(k: Kontext) -> Zeile:
    if k.produktgeber.get("collaboration_api_token") is True:
        return ok("collaboration-token-fehlt", "hinterlegt.")
    return fehlt("collaboration-token-fehlt", f"Beim Produktgeber Thinksurance des con:center Benutzers "
                                              f"„{k.concenter_benutzer}“ ist kein Collaboration API Token hinterlegt.")
