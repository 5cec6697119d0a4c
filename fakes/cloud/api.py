"""HTTP API of the assfinet cloud fake: translation only, rules live in ``models``."""

from __future__ import annotations

from typing import Any

from fakes.common.errors import Art, regel
from fakes.common.schema import Schema, liste, schalter, text, zahl
from fakes.common.web import Anfrage, Endpunkt, Param, bearer

from .models import (FEATURES, ROLLEN, ZWECKE, Cloud, bestand_als_dict, freischaltung_als_dict,
                     kunde_als_dict, token_als_dict)

BEARER_FEHLT = regel("cloud", "TAA_BEARER_FEHLT",
                     "Es wurde kein Collaboration API Token (Authorization: Bearer …) mitgeschickt.",
                     Art.NICHT_ANGEMELDET)

B = "/api/bestaende/{bestand}"
BESTAND = Param("bestand", "path", True, "Bestandsnummer, z. B. MB-100234")



def endpunkte(c: Cloud) -> list[Endpunkt]:
    def bestand(a: Anfrage) -> Any:
        return bestand_als_dict(c.bestand(a.pfad["bestand"]))

    def feature(a: Anfrage) -> Any:
        b = c.feature_setzen(a.pfad["bestand"], a.body["feature"], a.body["aktiv"])
        return {"features": sorted(b.features)}

    def benutzer(a: Anfrage) -> Any:
        c.benutzer_anlegen(a.pfad["bestand"], a.body["email"], a.body["rolle"])
        return 201, {"email": a.body["email"], "rolle": a.body["rolle"]}

    def rolle(a: Anfrage) -> Any:
        c.rolle_aendern(a.pfad["bestand"], a.body["email"], a.body["rolle"])
        return {"email": a.body["email"], "rolle": a.body["rolle"]}

    def concenter(a: Anfrage) -> Any:
        return 201, {"concenter": c.concenter_benutzer_hinterlegen(a.pfad["bestand"], a.body["name"])}

    def concenter_weg(a: Anfrage) -> Any:
        return {"concenter": c.concenter_benutzer_entfernen(a.pfad["bestand"], a.pfad["name"])}

    def token_neu(a: Anfrage) -> Any:
        t, klartext = c.token_hinzufuegen(
            a.pfad["bestand"], zweck=a.body["zweck"], concenter_benutzer=a.body["concenter_benutzer"],
            name=a.body.get("name") or "Thinksurance")
        return 201, {**token_als_dict(t), "access_token": klartext}

    def tokens(a: Anfrage) -> Any:
        return [token_als_dict(t) for t in c.tokens_auflisten(a.pfad["bestand"])]

    def widerrufen(a: Anfrage) -> Any:
        return token_als_dict(c.token_widerrufen(a.pfad["bestand"], a.pfad["token"]))

    def replizieren(a: Anfrage) -> Any:
        daten = {k: v for k, v in a.body.items() if k != "vermittler"}
        return kunde_als_dict(c.kunde_replizieren(a.pfad["bestand"], a.pfad["kunde"],
                                                  a.body["vermittler"], daten))

    def kunde(a: Anfrage) -> Any:
        return kunde_als_dict(c.kunde(a.pfad["bestand"], a.pfad["kunde"]))

    def kundenfreischaltung(a: Anfrage) -> Any:
        b = a.pfad["bestand"]
        f = c.kundenfreischaltung_anlegen(
            b, name=a.body["name"], kunden=a.body["kunden"], geteilt_mit=a.body["geteilt_mit"],
            hauptfreischaltung=a.body.get("hauptfreischaltung", False),
            herkunft=a.body.get("herkunft", "cloud"))
        return 201, freischaltung_als_dict(f, c.bestand(b))

    def vm_freischaltung(a: Anfrage) -> Any:
        b = a.pfad["bestand"]
        f = c.vm_freischaltung_anlegen(
            b, name=a.body["name"], geteilt_mit=a.body["geteilt_mit"],
            sachbearbeiter=a.body["sachbearbeiter"], vermittler=a.body.get("vermittler"),
            hauptfreischaltung=a.body.get("hauptfreischaltung", False),
            herkunft=a.body.get("herkunft", "cloud"))
        return 201, freischaltung_als_dict(f, c.bestand(b))

    def haupt(a: Anfrage) -> Any:
        c.hauptfreischaltung_festlegen(a.pfad["bestand"], a.pfad["freischaltung"], a.body["email"])
        return {"ok": True}

    def teilen(a: Anfrage) -> Any:
        c.geteilt_mit_hinzufuegen(a.pfad["bestand"], a.pfad["freischaltung"], a.body["email"])
        return {"ok": True}

    def mitarbeiterzugriff(a: Anfrage) -> Any:
        return {"mitarbeiterzugriff": c.mitarbeiterzugriff_eintragen(a.pfad["bestand"], a.body["email"])}

    def taa(a: Anfrage) -> Any:
        return c.taa_daten_lesen(bearer(a.headers, BEARER_FEHLT), a.pfad["kunde"], a.query["cloud_benutzer"])

    email = text("E-Mail-Adresse des Benutzers", pflicht=True, max_laenge=200)
    geteilt = liste("Geteilt mit (E-Mail-Adressen)", pflicht=True)
    herkunft = text("cloud (Standard) oder data, forms, ams6 für bestehende Rechte",
                    enum=("cloud", "data", "forms", "ams6"))
    kunde_felder = {"vermittler": text("Vermittlernummer", pflicht=True)}
    for f in ("firma", "rechtsform", "strasse", "hausnummer", "plz", "ort", "branche", "telefon",
              "email", "ansprechpartner_vorname", "ansprechpartner_nachname"):
        kunde_felder[f] = text(leer_erlaubt=True)
    for f in ("umsatz", "mitarbeiter_vollzeit", "mitarbeiter_teilzeit"):
        kunde_felder[f] = zahl()
    frei = Param("freischaltung", "path", True)

    return [
        Endpunkt("GET", B, bestand, "Bestand mit Features, Benutzern und Freischaltungen",
                 parameter=(BESTAND,)),
        Endpunkt("POST", f"{B}/features", feature, "Feature schalten (assfinet Support)",
                 Schema({"feature": text(pflicht=True, enum=FEATURES),
                         "aktiv": schalter(pflicht=True)}), (BESTAND,)),
        Endpunkt("POST", f"{B}/benutzer", benutzer, "Benutzer anlegen",
                 Schema({"email": email, "rolle": text(pflicht=True, enum=ROLLEN)}), (BESTAND,)),
        Endpunkt("POST", f"{B}/benutzer/rolle", rolle, "Rolle eines Benutzers ändern",
                 Schema({"email": email, "rolle": text(pflicht=True, enum=ROLLEN)}), (BESTAND,)),
        Endpunkt("POST", f"{B}/concenter", concenter, "Allgemein → con:center: Benutzer hinterlegen",
                 Schema({"name": text("con:center Benutzer", pflicht=True, max_laenge=100)}),
                 (BESTAND,)),
        Endpunkt("DELETE", f"{B}/concenter/{{name}}", concenter_weg, "con:center Benutzer entfernen",
                 parameter=(BESTAND, Param("name", "path", True))),
        Endpunkt("POST", f"{B}/tokens", token_neu, "assfinet api: Token hinzufügen",
                 Schema({"name": text("Name, Standard „Thinksurance“", max_laenge=100, leer_erlaubt=True),
                         "zweck": text("Zweck, z. B. TaaData", pflicht=True, enum=ZWECKE),
                         "concenter_benutzer": text("Concenter Benutzername", pflicht=True)}),
                 (BESTAND,), antwort="Token mit vollständigem AccessToken (nur dieses eine Mal)"),
        Endpunkt("GET", f"{B}/tokens", tokens, "Token auflisten (AccessToken maskiert)",
                 parameter=(BESTAND,)),
        Endpunkt("POST", f"{B}/tokens/{{token}}/widerrufen", widerrufen, "Token widerrufen",
                 parameter=(BESTAND, Param("token", "path", True))),
        Endpunkt("PUT", f"{B}/kunden/{{kunde}}", replizieren, "Kunden aus ams.5 replizieren",
                 Schema(kunde_felder), (BESTAND, Param("kunde", "path", True))),
        Endpunkt("GET", f"{B}/kunden/{{kunde}}", kunde, "Kunden lesen (Verwaltung)",
                 parameter=(BESTAND, Param("kunde", "path", True))),
        Endpunkt("POST", f"{B}/freischaltungen/kunden", kundenfreischaltung,
                 "Kundenfreischaltung anlegen",
                 Schema({"name": text(pflicht=True, max_laenge=100),
                         "kunden": liste("Kundennummern", pflicht=True), "geteilt_mit": geteilt,
                         "hauptfreischaltung": schalter(), "herkunft": herkunft}), (BESTAND,)),
        Endpunkt("POST", f"{B}/freischaltungen/vermittler", vm_freischaltung,
                 "VM-Freischaltung anlegen",
                 Schema({"name": text(pflicht=True, max_laenge=100),
                         "vermittler": text("Vermittlernummer; leer = ganzer Bestand"),
                         "geteilt_mit": geteilt, "hauptfreischaltung": schalter(),
                         "sachbearbeiter": text(pflicht=True, max_laenge=200),
                         "herkunft": herkunft}), (BESTAND,)),
        Endpunkt("POST", f"{B}/freischaltungen/{{freischaltung}}/hauptfreischaltung", haupt,
                 "Hauptfreischaltung für einen Benutzer festlegen", Schema({"email": email}),
                 (BESTAND, frei)),
        Endpunkt("POST", f"{B}/freischaltungen/{{freischaltung}}/geteilt-mit", teilen,
                 "Freischaltung mit einem Benutzer teilen", Schema({"email": email}),
                 (BESTAND, frei)),
        Endpunkt("POST", f"{B}/mitarbeiterzugriff", mitarbeiterzugriff,
                 "Benutzer in die Liste für Mitarbeiterzugriff eintragen", Schema({"email": email}),
                 (BESTAND,)),
        Endpunkt("GET", "/api/taa/kunden/{kunde}", taa, "TaaData: Kundendaten für einen Absprung",
                 parameter=(Param("kunde", "path", True),
                            Param("cloud_benutzer", "query", True, "handelnder cloud Benutzer"),
                            Param("Authorization", "header", False, "Bearer <AccessToken>"))),
    ]
