"""con:center: the product Thinksurance and the Produktgeber settings (G05, G14, G15)."""

from __future__ import annotations

from basis.leitfaden import PRODUKT

from ..kontext import Kontext
from ..modell import Befund, fehlt, ok


def produkt(k: Kontext) -> Befund:
    if PRODUKT in k.concenter_produkte:
        return ok(f"Der con:center Benutzer „{k.concenter_benutzer}“ verfügt über das Produkt.")
    return fehlt(f"Der con:center Benutzer „{k.concenter_benutzer}“ verfügt nicht über das "
                                      "Produkt Thinksurance.")


def btoken(k: Kontext) -> Befund:
    if k.produktgeber.get("btoken") is True:
        return ok("hinterlegt.")
    return fehlt(f"Beim Produktgeber Thinksurance des con:center Benutzers „{k.concenter_benutzer}“ "
                                 "ist kein btoken hinterlegt.")


def collaboration_token(k: Kontext) -> Befund:
    if k.produktgeber.get("collaboration_api_token") is True:
        return ok("hinterlegt.")
    return fehlt(f"Beim Produktgeber Thinksurance des con:center Benutzers "
                                              f"„{k.concenter_benutzer}“ ist kein Collaboration API Token hinterlegt.")
