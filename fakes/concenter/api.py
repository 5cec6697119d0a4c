"""HTTP API of the con:center fake."""

from __future__ import annotations

from typing import Any, Callable

from fakes.common.schema import Schema, schalter, text
from fakes.common.web import Anfrage, Endpunkt, Param

from .models import Concenter, eintrag_als_dict

BENUTZER = Param("benutzer", "path", True, "con:center Benutzer")
PRODUKTGEBER = Param("produktgeber", "path", True, "z. B. Thinksurance")


def endpunkte(cc: Concenter, start_url: Callable[[str, str], str]) -> list[Endpunkt]:
    def einstellungen_speichern(a: Anfrage) -> Any:
        werte = cc.produktgeber_einstellungen_speichern(a.pfad["benutzer"], a.pfad["produktgeber"], a.body)
        return {k: bool(v) for k, v in werte.items()}

    def einstellungen(a: Anfrage) -> Any:
        werte = cc.produktgeber_einstellungen(a.pfad["benutzer"], a.pfad["produktgeber"])
        return {k: bool(v) for k, v in werte.items()}  # secrets never leave; only "set or not"

    def rechte(a: Anfrage) -> Any:
        return {"rechte": sorted(cc.produkt_freischalten(a.pfad["benutzer"], a.body["recht"],
                                                          a.body.get("aktiv", True)))}

    def freischaltungen(a: Anfrage) -> Any:
        return {"produkte": cc.produktfreischaltungen(a.body["benutzer"], a.body["passwort"])}

    def start(a: Anfrage) -> Any:
        s = cc.start_anlegen(benutzer=a.body["benutzer"], passwort=a.body["passwort"],
                             produkt=a.body["produkt"], kunde=a.body.get("kunde"),
                             email=a.body["email"], cloud_benutzer=a.body.get("cloud_benutzer"))
        return 201, {"url": start_url(a.basis_url, s.ticket)}

    def protokoll(a: Anfrage) -> Any:
        return [eintrag_als_dict(e) for e in reversed(cc.protokoll)]

    return [
        Endpunkt("PUT", "/api/benutzer/{benutzer}/produktgeber/{produktgeber}", einstellungen_speichern,
                 "Einstellungen → Produktgeber: Werte hinterlegen",
                 Schema({"collaboration_api_token": text("Collaboration API Token (AccessToken der cloud)",
                                                         leer_erlaubt=True),
                         "btoken": text("btoken von Thinksurance", leer_erlaubt=True)}),
                 (BENUTZER, PRODUKTGEBER)),
        Endpunkt("GET", "/api/benutzer/{benutzer}/produktgeber/{produktgeber}", einstellungen,
                 "Einstellungen eines Produktgebers (nur ob gesetzt)", parameter=(BENUTZER, PRODUKTGEBER)),
        Endpunkt("POST", "/api/benutzer/{benutzer}/rechte", rechte,
                 "Produkt für einen Benutzer freischalten (assfinet Support)",
                 Schema({"recht": text(pflicht=True, enum=("Thinksurance", "Tarifrechner")),
                         "aktiv": schalter()}), (BENUTZER,)),
        Endpunkt("POST", "/api/produktfreischaltungen", freischaltungen,
                 "Produktfreischaltungen eines Benutzers (von ams.5 abgerufen)",
                 Schema({"benutzer": text(pflicht=True), "passwort": text(pflicht=True)})),
        Endpunkt("POST", "/api/starts", start, "Absprung aus ams.5 übergeben (DigiPro)",
                 Schema({"benutzer": text(pflicht=True), "passwort": text(pflicht=True),
                         "produkt": text(pflicht=True), "kunde": text(),
                         "email": text("Haupt-E-Mail des ams Benutzers", pflicht=True),
                         "cloud_benutzer": text("nur wenn Maklerextranet aktiviert ist")}),
                 antwort="{url} zum Öffnen im Browser"),
        Endpunkt("GET", "/api/protokoll", protokoll, "Absprung-Protokoll (neueste zuerst)"),
    ]
