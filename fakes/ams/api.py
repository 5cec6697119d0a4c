"""HTTP API of the simulated ams.5 (what the desktop program does, as requests)."""

from __future__ import annotations

from typing import Any

from fakes.common.schema import Schema, schalter, text
from fakes.common.web import Anfrage, Endpunkt, Param

from .models import Ams, CloudZugang, ConcenterZugang, benutzer_als_dict, kunde_als_dict

K = Param("kuerzel", "path", True, "Kürzel des ams Benutzers")
KUNDE = Param("kunde", "path", True, "Kundennummer")


def endpunkte(ams: Ams, cc: ConcenterZugang, cloud: CloudZugang) -> list[Endpunkt]:
    def benutzer(a: Anfrage) -> Any:
        return benutzer_als_dict(ams._benutzer(a.pfad["kuerzel"]))

    def konto(a: Anfrage) -> Any:
        k = a.pfad["kuerzel"]
        if "cloud_benutzer" in a.body:
            ams.cloud_benutzername_aendern(k, a.body["cloud_benutzer"])
        if "maklerextranet" in a.body:
            ams.maklerextranet_setzen(k, a.body["maklerextranet"])
        return benutzer_als_dict(ams._benutzer(k))

    def haupt_email(a: Anfrage) -> Any:
        return benutzer_als_dict(ams.haupt_email_aendern(a.pfad["kuerzel"], a.body["email"]))

    def aktualisieren(a: Anfrage) -> Any:
        return {"produkte": ams.produktfreischaltungen_aktualisieren(a.pfad["kuerzel"], cc)}

    def kundenmaske(a: Anfrage) -> Any:
        return kunde_als_dict(ams.kundenmaske(a.pfad["kuerzel"], a.pfad["kunde"]))

    def digipro(a: Anfrage) -> Any:
        return {"produkte": ams.digipro(a.pfad["kuerzel"], a.pfad["kunde"])}

    def replizieren(a: Anfrage) -> Any:
        return kunde_als_dict(ams.kunde_replizieren(a.pfad["kuerzel"], a.pfad["kunde"], cloud))

    def waehlen(a: Anfrage) -> Any:
        return {"url": ams.produkt_waehlen(a.pfad["kuerzel"], a.pfad["kunde"], a.body["produkt"], cc)}

    return [
        Endpunkt("GET", "/api/benutzer/{kuerzel}", benutzer, "ams Benutzer", parameter=(K,)),
        Endpunkt("POST", "/api/benutzer/{kuerzel}/cloud-konto", konto,
                 "cloud Konto: Maklerextranet aktivieren / cloud Benutzername ändern",
                 Schema({"maklerextranet": schalter("Maklerextranet aktivieren"),
                         "cloud_benutzer": text("cloud Benutzername (E-Mail)", max_laenge=200)}), (K,)),
        Endpunkt("POST", "/api/benutzer/{kuerzel}/haupt-email", haupt_email, "Haupt-E-Mail ändern",
                 Schema({"email": text(pflicht=True, max_laenge=200)}), (K,)),
        Endpunkt("POST", "/api/benutzer/{kuerzel}/produktfreischaltungen", aktualisieren,
                 "Produktfreischaltungen aktualisieren", parameter=(K,)),
        Endpunkt("GET", "/api/benutzer/{kuerzel}/kunden/{kunde}", kundenmaske, "Kundenmaske",
                 parameter=(K, KUNDE)),
        Endpunkt("POST", "/api/benutzer/{kuerzel}/kunden/{kunde}/replizieren", replizieren,
                 "Kunden in die assfinet cloud replizieren", parameter=(K, KUNDE)),
        Endpunkt("GET", "/api/benutzer/{kuerzel}/kunden/{kunde}/digipro", digipro,
                 "DigiPro: angebotene Produkte", parameter=(K, KUNDE)),
        Endpunkt("POST", "/api/benutzer/{kuerzel}/kunden/{kunde}/digipro", waehlen,
                 "DigiPro: Produkt wählen (startet den Absprung)",
                 Schema({"produkt": text(pflicht=True)}), (K, KUNDE),
                 antwort="{url} des con:center-Absprungs"),
    ]
