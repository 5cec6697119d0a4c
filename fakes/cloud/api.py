"""HTTP API of the assfinet cloud fake: translation and serialization only, rules live in the model.

Each handler carries the name of the model operation it calls.
"""

from __future__ import annotations

from typing import Any

from starlette.responses import JSONResponse

from basis.kundenfelder import FELDER
from fakes.common import paging
from fakes.common.endpoints import Call, Endpoint, Param, bearer_token, seiten_parameter
from fakes.common.schema import Field, Schema, array, boolean, integer, string

from .daten import BEFUNDE, FEATURES, HERKUENFTE, ROLLEN, ZWECKE, Bestand, Freischaltung, Kunde, Token
from .models import TOKENS_MAX, Cloud

B = "/api/bestaende/{bestand}"
BESTAND = Param("bestand", "path", True, "Bestandsnummer, z. B. MB-100234")
EMAIL = Param("email", "path", True, "E-Mail-Adresse des Benutzers")
TOKENS_PRO_SEITE = 100


# --- serialization ------------------------------------------------------------------------------

def token_json(t: Token) -> dict[str, Any]:
    return {"id": t.id, "name": t.name, "zweck": t.zweck, "concenter_benutzer": t.concenter_benutzer,
            "access_token": t.maskiert(), "angelegt": t.angelegt.strftime("%Y-%m-%d %H:%M:%S"),
            "widerrufen": t.widerrufen}


def freischaltung_json(f: Freischaltung, b: Bestand) -> dict[str, Any]:
    return {"id": f.id, "art": f.art, "name": f.name, "geteilt_mit": f.geteilt_mit,
            "kunden": f.kunden, "vermittler": f.vermittler, "sachbearbeiter": f.sachbearbeiter,
            "herkunft": f.herkunft,
            "hauptfreischaltung_fuer": sorted(e for e, fid in b.hauptfreischaltung.items() if fid == f.id)}


def kunde_json(k: Kunde) -> dict[str, Any]:
    return {"kundennummer": k.kundennummer, "vermittler": k.vermittler, "repliziert": k.repliziert, **k.daten}


def bestand_json(b: Bestand) -> dict[str, Any]:
    return {
        "id": b.id, "name": b.name, "features": sorted(b.features), "benutzer": b.benutzer,
        "vermittler": b.vermittler, "concenter": b.concenter,
        "tokens": [token_json(t) for t in b.tokens.values()],
        "kunden": [kunde_json(k) for k in b.kunden.values()],
        "freischaltungen": [freischaltung_json(f, b) for f in b.freischaltungen.values()],
        "mitarbeiterzugriff": b.mitarbeiterzugriff,
    }


def dump(c: Cloud) -> dict[str, Any]:
    return {"bestaende": {bid: bestand_json(b) for bid, b in c.bestaende.items()}}


# --- endpoints ----------------------------------------------------------------------------------

def endpoints(c: Cloud) -> list[Endpoint]:
    def bestand(a: Call) -> Any:
        return bestand_json(c.bestand(a.path["bestand"]))

    def feature_setzen(a: Call) -> Any:
        b = c.feature_setzen(a.path["bestand"], a.body["feature"], a.body["aktiv"])
        return {"features": sorted(b.features)}

    def benutzer_anlegen(a: Call) -> Any:
        c.benutzer_anlegen(a.path["bestand"], a.body["email"], a.body["rolle"])
        return {"email": a.body["email"], "rolle": a.body["rolle"]}

    def rolle_aendern(a: Call) -> Any:
        c.rolle_aendern(a.path["bestand"], a.body["email"], a.body["rolle"])
        return {"email": a.body["email"], "rolle": a.body["rolle"]}

    def concenter_benutzer_hinterlegen(a: Call) -> Any:
        return {"concenter": c.concenter_benutzer_hinterlegen(a.path["bestand"], a.body["name"])}

    def concenter_benutzer_entfernen(a: Call) -> Any:
        return {"concenter": c.concenter_benutzer_entfernen(a.path["bestand"], a.path["name"])}

    def token_hinzufuegen(a: Call) -> Any:
        t, klartext = c.token_hinzufuegen(a.path["bestand"], zweck=a.body["zweck"],
                                          concenter_benutzer=a.body["concenter_benutzer"],
                                          name=a.body.get("name") or "Thinksurance")
        return {**token_json(t), "access_token": klartext}

    def benutzer_entfernen(a: Call) -> Any:
        c.benutzer_entfernen(a.path["bestand"], a.path["email"])
        return {"entfernt": a.path["email"]}

    def token_loeschen(a: Call) -> Any:
        c.token_loeschen(a.path["bestand"], a.path["token"])
        return {"geloescht": a.path["token"]}

    def kunde_entfernen(a: Call) -> Any:
        c.kunde_entfernen(a.path["bestand"], a.path["kunde"])
        return {"entfernt": a.path["kunde"]}

    def freischaltung_loeschen(a: Call) -> Any:
        c.freischaltung_loeschen(a.path["bestand"], a.path["freischaltung"])
        return {"geloescht": a.path["freischaltung"]}

    def hauptfreischaltung_aufheben(a: Call) -> Any:
        c.hauptfreischaltung_aufheben(a.path["bestand"], a.path["email"])
        return {"aufgehoben": a.path["email"]}

    def geteilt_mit_entfernen(a: Call) -> Any:
        c.geteilt_mit_entfernen(a.path["bestand"], a.path["freischaltung"], a.path["email"])
        return freischaltung_json(c.bestand(a.path["bestand"]).freischaltungen[a.path["freischaltung"]],
                                  c.bestand(a.path["bestand"]))

    def mitarbeiterzugriff_austragen(a: Call) -> Any:
        return {"mitarbeiterzugriff": c.mitarbeiterzugriff_austragen(a.path["bestand"], a.path["email"])}

    def tokens_auflisten(a: Call) -> Any:
        seite, pro_seite = a.query.get("seite", 1), a.query.get("pro_seite", TOKENS_PRO_SEITE)
        alle = c.tokens_auflisten(a.path["bestand"])
        return JSONResponse([token_json(t) for t in paging.seite(alle, seite, pro_seite, TOKENS_MAX)],
                            headers=paging.kopfzeilen(len(alle), seite, pro_seite))

    def token_widerrufen(a: Call) -> Any:
        return token_json(c.token_widerrufen(a.path["bestand"], a.path["token"]))

    def kunde_replizieren(a: Call) -> Any:
        daten = {k: v for k, v in a.body.items() if k != "vermittler"}
        return kunde_json(c.kunde_replizieren(a.path["bestand"], a.path["kunde"], a.body["vermittler"], daten))

    def kunde(a: Call) -> Any:
        return kunde_json(c.kunde(a.path["bestand"], a.path["kunde"]))

    def kundenfreischaltung_anlegen(a: Call) -> Any:
        b = a.path["bestand"]
        f = c.kundenfreischaltung_anlegen(
            b, name=a.body["name"], kunden=a.body["kunden"], geteilt_mit=a.body["geteilt_mit"],
            hauptfreischaltung=a.body.get("hauptfreischaltung", False), herkunft=a.body.get("herkunft", "cloud"))
        return freischaltung_json(f, c.bestand(b))

    def vm_freischaltung_anlegen(a: Call) -> Any:
        b = a.path["bestand"]
        f = c.vm_freischaltung_anlegen(
            b, name=a.body["name"], geteilt_mit=a.body["geteilt_mit"], sachbearbeiter=a.body["sachbearbeiter"],
            vermittler=a.body.get("vermittler"), hauptfreischaltung=a.body.get("hauptfreischaltung", False),
            herkunft=a.body.get("herkunft", "cloud"))
        return freischaltung_json(f, c.bestand(b))

    def hauptfreischaltung_festlegen(a: Call) -> Any:
        c.hauptfreischaltung_festlegen(a.path["bestand"], a.path["freischaltung"], a.body["email"])
        return {"ok": True}

    def geteilt_mit_hinzufuegen(a: Call) -> Any:
        c.geteilt_mit_hinzufuegen(a.path["bestand"], a.path["freischaltung"], a.body["email"])
        return {"ok": True}

    def mitarbeiterzugriff_eintragen(a: Call) -> Any:
        return {"mitarbeiterzugriff": c.mitarbeiterzugriff_eintragen(a.path["bestand"], a.body["email"])}

    def rechte_pruefen(a: Call) -> Any:
        r = c.rechte_pruefen(a.path["bestand"], a.query["benutzer"], a.query["kunde"])
        return {"umfasst": r.umfasst, "befund": r.befund, "hauptfreischaltung": r.freischaltung,
                "hinweis": BEFUNDE.get(r.befund, "")}

    def taa_daten_lesen(a: Call) -> Any:
        k = c.taa_daten_lesen(bearer_token(a.headers), a.path["kunde"], a.query["cloud_benutzer"])
        return {"kundennummer": k.kundennummer, "vermittler": k.vermittler, **k.daten}

    email = string("E-Mail-Adresse des Benutzers", required=True, max_length=200)
    geteilt = array("Geteilt mit (E-Mail-Adressen)", required=True)
    herkunft = string("cloud (Standard) oder data, forms, ams6 für bestehende Rechte", enum=HERKUENFTE)
    kunde_felder: dict[str, Field] = {"vermittler": string("Vermittlernummer", required=True)}
    for f in FELDER:  # the customer's fields (basis.kundenfelder): numbers for revenue and staff
        kunde_felder[f.cloud] = integer() if f.im_fragebogen else string(allow_empty=True)
    frei = Param("freischaltung", "path", True)

    return [
        Endpoint("GET", B, bestand, "Bestand mit Features, Benutzern und Freischaltungen", params=(BESTAND,)),
        Endpoint("POST", f"{B}/features", feature_setzen, "Feature schalten (assfinet Support)",
                 Schema({"feature": string(required=True, enum=FEATURES), "aktiv": boolean(required=True)}),
                 (BESTAND,)),
        Endpoint("POST", f"{B}/benutzer", benutzer_anlegen, "Benutzer anlegen",
                 Schema({"email": email, "rolle": string(required=True, enum=ROLLEN)}), (BESTAND,), status=201),
        Endpoint("DELETE", f"{B}/benutzer/{{email}}", benutzer_entfernen,
                 "Benutzer entfernen (auch aus Mitarbeiterzugriff und Freischaltungen)", params=(BESTAND, EMAIL)),
        Endpoint("POST", f"{B}/benutzer/rolle", rolle_aendern, "Rolle eines Benutzers ändern",
                 Schema({"email": email, "rolle": string(required=True, enum=ROLLEN)}), (BESTAND,)),
        Endpoint("POST", f"{B}/concenter", concenter_benutzer_hinterlegen,
                 "Allgemein → con:center: Benutzer hinterlegen",
                 Schema({"name": string("con:center Benutzer", required=True, max_length=100)}), (BESTAND,),
                 status=201),
        Endpoint("DELETE", f"{B}/concenter/{{name}}", concenter_benutzer_entfernen, "con:center Benutzer entfernen",
                 params=(BESTAND, Param("name", "path", True))),
        Endpoint("POST", f"{B}/tokens", token_hinzufuegen, "assfinet api: Token hinzufügen",
                 Schema({"name": string("Name, Standard „Thinksurance“", max_length=100, allow_empty=True),
                         "zweck": string("Zweck, z. B. TaaData", required=True, enum=ZWECKE),
                         "concenter_benutzer": string("Concenter Benutzername", required=True)}),
                 (BESTAND,), response="Token mit vollständigem AccessToken (nur dieses eine Mal)", status=201),
        Endpoint("GET", f"{B}/tokens", tokens_auflisten,
                 f"Token auflisten (AccessToken maskiert; {TOKENS_PRO_SEITE} je Seite, Kopfzeilen X-Gesamtzahl, "
                 "X-Seiten)", params=(BESTAND, *seiten_parameter(TOKENS_PRO_SEITE))),
        Endpoint("POST", f"{B}/tokens/{{token}}/widerrufen", token_widerrufen, "Token widerrufen",
                 params=(BESTAND, Param("token", "path", True))),
        Endpoint("DELETE", f"{B}/tokens/{{token}}", token_loeschen, "Token löschen",
                 params=(BESTAND, Param("token", "path", True))),
        Endpoint("PUT", f"{B}/kunden/{{kunde}}", kunde_replizieren, "Kunden aus ams.5 replizieren",
                 Schema(kunde_felder), (BESTAND, Param("kunde", "path", True))),
        Endpoint("GET", f"{B}/kunden/{{kunde}}", kunde, "Kunden lesen (Verwaltung)",
                 params=(BESTAND, Param("kunde", "path", True))),
        Endpoint("DELETE", f"{B}/kunden/{{kunde}}", kunde_entfernen, "Kunden aus der cloud entfernen",
                 params=(BESTAND, Param("kunde", "path", True))),
        Endpoint("POST", f"{B}/freischaltungen/kunden", kundenfreischaltung_anlegen, "Kundenfreischaltung anlegen",
                 Schema({"name": string(required=True, max_length=100),
                         "kunden": array("Kundennummern", required=True), "geteilt_mit": geteilt,
                         "hauptfreischaltung": boolean(), "herkunft": herkunft}), (BESTAND,), status=201),
        Endpoint("POST", f"{B}/freischaltungen/vermittler", vm_freischaltung_anlegen, "VM-Freischaltung anlegen",
                 Schema({"name": string(required=True, max_length=100),
                         "vermittler": string("Vermittlernummer; leer = ganzer Bestand"),
                         "geteilt_mit": geteilt, "hauptfreischaltung": boolean(),
                         "sachbearbeiter": string(required=True, max_length=200), "herkunft": herkunft}),
                 (BESTAND,), status=201),
        Endpoint("POST", f"{B}/freischaltungen/{{freischaltung}}/hauptfreischaltung", hauptfreischaltung_festlegen,
                 "Hauptfreischaltung für einen Benutzer festlegen", Schema({"email": email}), (BESTAND, frei)),
        Endpoint("POST", f"{B}/freischaltungen/{{freischaltung}}/geteilt-mit", geteilt_mit_hinzufuegen,
                 "Freischaltung mit einem Benutzer teilen", Schema({"email": email}), (BESTAND, frei)),
        Endpoint("DELETE", f"{B}/freischaltungen/{{freischaltung}}/geteilt-mit/{{email}}", geteilt_mit_entfernen,
                 "Freischaltung nicht mehr mit dem Benutzer teilen", params=(BESTAND, frei, EMAIL)),
        Endpoint("DELETE", f"{B}/freischaltungen/{{freischaltung}}", freischaltung_loeschen, "Freischaltung löschen",
                 params=(BESTAND, frei)),
        Endpoint("DELETE", f"{B}/hauptfreischaltung/{{email}}", hauptfreischaltung_aufheben,
                 "Hauptfreischaltung eines Benutzers aufheben", params=(BESTAND, EMAIL)),
        Endpoint("POST", f"{B}/mitarbeiterzugriff", mitarbeiterzugriff_eintragen,
                 "Benutzer in die Liste für Mitarbeiterzugriff eintragen", Schema({"email": email}), (BESTAND,)),
        Endpoint("DELETE", f"{B}/mitarbeiterzugriff/{{email}}", mitarbeiterzugriff_austragen,
                 "Benutzer aus der Liste für Mitarbeiterzugriff austragen", params=(BESTAND, EMAIL)),
        Endpoint("GET", f"{B}/rechte", rechte_pruefen,
                 "Rechte prüfen: gibt die Hauptfreischaltung des Benutzers diesen Kunden frei? (lesend)",
                 params=(BESTAND, Param("benutzer", "query", True, "cloud Benutzer (E-Mail)"),
                         Param("kunde", "query", True, "Kundennummer"))),
        Endpoint("GET", "/api/taa/kunden/{kunde}", taa_daten_lesen, "TaaData: Kundendaten für einen Absprung",
                 params=(Param("kunde", "path", True),
                         Param("cloud_benutzer", "query", True, "handelnder cloud Benutzer"),
                         Param("Authorization", "header", False, "Bearer <AccessToken>"))),
    ]
