"""ams.5: the user's cloud Konto, „Maklerextranet aktivieren“ and the product under DigiPro (G16, G17)."""

from __future__ import annotations

from basis.leitfaden import PRODUKT

from ..kontext import Kontext, NichtLesbar
from ..modell import Befund, fehlt, nicht_pruefbar, ok


def cloud_konto(k: Kontext) -> Befund:
    if k.konto is None:
        return fehlt(f"Der ams Benutzer „{k.benutzer}“ hat kein cloud Konto für den Bestand "
                                    f"„{k.bestand_id}“.")
    return ok(f"cloud Konto „{k.cloud_benutzer}“ für den Bestand „{k.bestand_id}“.")


def maklerextranet(k: Kontext) -> Befund:
    if k.konto is None:
        return nicht_pruefbar("Ohne cloud Konto gibt es den Haken nicht.")
    if k.konto.get("maklerextranet") is True:
        return ok("angehakt.")
    return fehlt(f"Beim cloud Konto „{k.cloud_benutzer}“ des ams Benutzers „{k.benutzer}“ ist "
                                   "„Maklerextranet aktivieren“ nicht angehakt; ams.5 übergibt keinen cloud Benutzer.")


def digipro(k: Kontext) -> Befund:
    if PRODUKT in k.digipro:
        return ok(f"DigiPro bietet „{PRODUKT}“ an.")
    try:
        im_concenter: bool | None = PRODUKT in k.concenter_produkte
    except NichtLesbar:
        im_concenter = None
    if im_concenter is False:
        return nicht_pruefbar(f"DigiPro bietet „{PRODUKT}“ nicht an, aber Aktualisieren "
                                                        "hilft erst, wenn der con:center Benutzer das Produkt hat "
                                                        "(nächste Prüfung).")
    grund = ("obwohl der con:center Benutzer über das Produkt verfügt" if im_concenter
             else "ob der con:center Benutzer über das Produkt verfügt, ist nicht lesbar")
    return fehlt(f"DigiPro bietet „{PRODUKT}“ nicht an, {grund}: die "
                                           "Produktfreischaltungen in ams.5 sind nicht aktualisiert.")
