"""HTTP API of the con:center fake; each handler carries the name of its model operation."""

from __future__ import annotations

from typing import Any, Callable

from starlette.responses import JSONResponse

from fakes.common import paging
from fakes.common.endpoints import Call, Endpoint, Param, basic_auth, seiten_parameter
from fakes.common.errors import Kind, Refusal
from fakes.common.masking import partly
from fakes.common.schema import Schema, boolean, string

from .daten import Protokolleintrag
from .models import Concenter

BENUTZER = Param("benutzer", "path", True, "con:center Benutzer")
PRODUKTGEBER = Param("produktgeber", "path", True, "z. B. Thinksurance")


def eintrag_json(e: Protokolleintrag) -> dict[str, Any]:
    return {"id": e.id, "zeit": e.zeit, "benutzer": e.benutzer, "produkt": e.produkt, "kunde": e.kunde,
            "ergebnis": e.ergebnis, "schritt": e.schritt, "code": e.code, "grund": e.grund, "schritte": e.schritte}


PRO_SEITE = 100


def dump(cc: Concenter) -> dict[str, Any]:
    return {
        "benutzer": [{"name": b.name, "rechte": sorted(b.rechte),
                      "produktgeber": {p: {k: ("•••" if v else "") for k, v in w.items()}
                                       for p, w in b.produktgeber.items()}}
                     for b in cc.benutzer.values()],
        "protokoll": [eintrag_json(e) for e in cc.protokoll],
    }


def endpoints(cc: Concenter, start_url: Callable[[str], str]) -> list[Endpoint]:
    def selbst(a: Call) -> None:
        try:
            cc.selbst(a.path["benutzer"], basic_auth(a.headers))
        except Refusal as f:
            if f.rule.kind is Kind.UNAUTHENTICATED:  # RFC 9110: a 401 names the scheme that would do
                f.headers["WWW-Authenticate"] = 'Basic realm="con:center", charset="UTF-8"'
            raise

    def produktgeber_einstellungen_speichern(a: Call) -> Any:
        werte = cc.produktgeber_einstellungen_speichern(a.path["benutzer"], a.path["produktgeber"], a.body)
        return {k: bool(v) for k, v in werte.items()}

    def produktgeber_einstellungen_aendern(a: Call) -> Any:
        werte = cc.produktgeber_einstellungen_aendern(a.path["benutzer"], a.path["produktgeber"], a.body)
        return {k: bool(v) for k, v in werte.items()}

    def produktgeber_einstellungen(a: Call) -> Any:
        werte = cc.produktgeber_einstellungen(a.path["benutzer"], a.path["produktgeber"])
        # Secrets never leave: only "set or not", and the partial form con:center shows (assumption A20).
        return {**{k: bool(v) for k, v in werte.items()}, "maskiert": {k: partly(v) for k, v in werte.items()}}

    def produkt_freischalten(a: Call) -> Any:
        return {"rechte": sorted(cc.produkt_freischalten(a.path["benutzer"], a.body["recht"],
                                                         a.body.get("aktiv", True)))}

    def produktfreischaltungen(a: Call) -> Any:
        return {"produkte": cc.produktfreischaltungen(a.body["benutzer"], a.body["passwort"])}

    def start_anlegen(a: Call) -> Any:
        s = cc.start_anlegen(benutzer=a.body["benutzer"], passwort=a.body["passwort"], produkt=a.body["produkt"],
                             kunde=a.body.get("kunde"), email=a.body["email"],
                             cloud_benutzer=a.body.get("cloud_benutzer"))
        return {"url": start_url(s.ticket)}

    def protokoll_lesen(a: Call) -> Any:
        seite, pro_seite = a.query.get("seite", 1), a.query.get("pro_seite", PRO_SEITE)
        eintraege, gesamt = cc.protokoll_lesen(seite, pro_seite)
        # Still a plain list (as before); how many there are in all travels in the headers.
        return JSONResponse([eintrag_json(e) for e in eintraege], headers=paging.kopfzeilen(gesamt, seite, pro_seite))

    werte = Schema({"collaboration_api_token": string("Collaboration API Token (AccessToken der cloud)",
                                                      allow_empty=True),
                    "btoken": string("btoken von Thinksurance", allow_empty=True)})
    return [
        Endpoint("PUT", "/api/benutzer/{benutzer}/produktgeber/{produktgeber}", produktgeber_einstellungen_speichern,
                 "Einstellungen → Produktgeber: alle Werte hinterlegen (fehlende werden geleert); nur der "
                 "Benutzer selbst (HTTP Basic)", werte, (BENUTZER, PRODUKTGEBER), auth=selbst),
        Endpoint("PATCH", "/api/benutzer/{benutzer}/produktgeber/{produktgeber}", produktgeber_einstellungen_aendern,
                 "Einstellungen → Produktgeber: nur die angegebenen Werte ändern (die übrigen bleiben); nur "
                 "der Benutzer selbst (HTTP Basic)", werte, (BENUTZER, PRODUKTGEBER), auth=selbst),
        Endpoint("GET", "/api/benutzer/{benutzer}/produktgeber/{produktgeber}", produktgeber_einstellungen,
                 "Einstellungen eines Produktgebers (nur ob gesetzt, und teilweise maskiert)",
                 params=(BENUTZER, PRODUKTGEBER)),
        Endpoint("POST", "/api/benutzer/{benutzer}/rechte", produkt_freischalten,
                 "Produkt für einen Benutzer freischalten (assfinet Support)",
                 Schema({"recht": string(required=True, enum=("Thinksurance", "Tarifrechner")),
                         "aktiv": boolean()}), (BENUTZER,)),
        Endpoint("POST", "/api/produktfreischaltungen", produktfreischaltungen,
                 "Produktfreischaltungen eines Benutzers (von ams.5 abgerufen)",
                 Schema({"benutzer": string(required=True), "passwort": string(required=True)})),
        Endpoint("POST", "/api/starts", start_anlegen, "Absprung aus ams.5 übergeben (DigiPro)",
                 Schema({"benutzer": string(required=True), "passwort": string(required=True),
                         "produkt": string(required=True), "kunde": string(),
                         "email": string("Haupt-E-Mail des ams Benutzers", required=True),
                         "cloud_benutzer": string("nur wenn Maklerextranet aktiviert ist")}),
                 response="{url} zum Öffnen im Browser", status=201),
        Endpoint("GET", "/api/protokoll", protokoll_lesen,
                 f"Absprung-Protokoll (neueste zuerst, {PRO_SEITE} je Seite; Kopfzeilen X-Gesamtzahl, X-Seiten)",
                 params=seiten_parameter(PRO_SEITE)),
    ]
