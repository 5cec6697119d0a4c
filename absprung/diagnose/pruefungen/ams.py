"""ams.5: the user's cloud Konto, „Maklerextranet aktivieren“ and the product under DigiPro (G16, G17)."""

from __future__ import annotations

from ..kontext import PRODUKT, Kontext, NichtLesbar
from ..modell import Zeile, fehlt, nicht_pruefbar, ok


def cloud_konto(k: Kontext) -> Zeile:
    if k.konto is None:
        return fehlt("cloud-konto", f"Der ams Benutzer „{k.benutzer}“ hat kein cloud Konto für den Bestand "
                                    f"„{k.bestand_id}“.")
    return ok("cloud-konto", f"cloud Konto „{k.cloud_benutzer}“ für den Bestand „{k.bestand_id}“.")


def maklerextranet(k: Kontext) -> Zeile:
    if k.konto is None:
        return nicht_pruefbar("maklerextranet", "Ohne cloud Konto gibt es den Haken nicht.")
    if k.konto.get("maklerextranet") is True:
        return ok("maklerextranet", "angehakt.")
    return fehlt("maklerextranet", f"Beim cloud Konto „{k.cloud_benutzer}“ des ams Benutzers „{k.benutzer}“ ist "
                                   "„Maklerextranet aktivieren“ nicht angehakt; ams.5 übergibt keinen cloud Benutzer.")


def digipro(k: Kontext) -> Zeile:
    if PRODUKT in k.digipro:
        return ok("produktfreischaltungen", f"DigiPro bietet „{PRODUKT}“ an.")
    try:
        im_concenter: bool | None = PRODUKT in k.concenter_produkte
    except NichtLesbar:
        im_concenter = None
    if im_concenter is False:
        return nicht_pruefbar("produktfreischaltungen", f"DigiPro bietet „{PRODUKT}“ nicht an, aber Aktualisieren "
                                                        "hilft erst, wenn der con:center Benutzer das Produkt hat "
                                                        "(nächste Prüfung).")
    grund = ("obwohl der con:center Benutzer über das Produkt verfügt" if im_concenter
             else "ob der con:center Benutzer über das Produkt verfügt, ist nicht lesbar")
    return fehlt("produktfreischaltungen", f"DigiPro bietet „{PRODUKT}“ nicht an, {grund}: die "
                                           "Produktfreischaltungen in ams.5 sind nicht aktualisiert.")
