"""HTTP API of the simulated ams.5 (what the desktop program does, as requests).

Each handler carries the name of the model operation it calls.
"""

from __future__ import annotations

from typing import Any

from basis.kundenfelder import FELDER
from fakes.common.endpoints import Call, Endpoint, Param
from fakes.common.schema import Field, Schema, boolean, integer, string

from .models import Ams, Benutzer, CloudPort, ConcenterPort, Kunde

K = Param("kuerzel", "path", True, "Kürzel des ams Benutzers")
KUNDE = Param("kunde", "path", True, "Kundennummer")


def benutzer_json(b: Benutzer) -> dict[str, Any]:
    return {"kuerzel": b.kuerzel, "name": b.name, "haupt_email": b.haupt_email,
            "concenter_benutzer": b.concenter_benutzer,
            "cloud_konten": [{"bestand": k.bestand, "cloud_benutzer": k.cloud_benutzer,
                              "maklerextranet": k.maklerextranet} for k in b.cloud_konten],
            "produktfreischaltungen": b.produktfreischaltungen}


def kunde_json(k: Kunde) -> dict[str, Any]:
    return {"kundennummer": k.kundennummer, "vermittler": k.vermittler, "repliziert": k.repliziert, **k.daten}


def dump(ams: Ams) -> dict[str, Any]:
    return {"benutzer": [benutzer_json(b) for b in ams.benutzer.values()],
            "kunden": [kunde_json(k) for k in ams.kunden.values()]}


def endpoints(ams: Ams, cc: ConcenterPort, cloud: CloudPort) -> list[Endpoint]:
    def benutzer_lesen(a: Call) -> Any:
        return benutzer_json(ams.benutzer_lesen(a.path["kuerzel"]))

    def cloud_konto_aendern(a: Call) -> Any:
        return benutzer_json(ams.cloud_konto_aendern(a.path["kuerzel"], maklerextranet=a.body.get("maklerextranet"),
                                                     cloud_benutzer=a.body.get("cloud_benutzer")))

    def haupt_email_aendern(a: Call) -> Any:
        return benutzer_json(ams.haupt_email_aendern(a.path["kuerzel"], a.body["email"]))

    def produktfreischaltungen_aktualisieren(a: Call) -> Any:
        return {"produkte": ams.produktfreischaltungen_aktualisieren(a.path["kuerzel"], cc)}

    def kundenmaske(a: Call) -> Any:
        return kunde_json(ams.kundenmaske(a.path["kuerzel"], a.path["kunde"]))

    def digipro(a: Call) -> Any:
        return {"produkte": ams.digipro(a.path["kuerzel"], a.path["kunde"])}

    def kunde_replizieren(a: Call) -> Any:
        return kunde_json(ams.kunde_replizieren(a.path["kuerzel"], a.path["kunde"], cloud))

    def kunde_anlegen(a: Call) -> Any:
        daten = {k: v for k, v in a.body.items() if k not in ("kundennummer", "vermittler")}
        return kunde_json(ams.kunde_anlegen(a.body["kundennummer"], a.body["vermittler"], daten))

    def kunden_auflisten(a: Call) -> Any:
        return [kunde_json(k) for k in ams.kunden_auflisten()]

    def kunde_loeschen(a: Call) -> Any:
        ams.kunde_loeschen(a.path["kunde"])
        return {"geloescht": a.path["kunde"]}

    def produkt_waehlen(a: Call) -> Any:
        return {"url": ams.produkt_waehlen(a.path["kuerzel"], a.path["kunde"], a.body["produkt"], cc)}

    kunde_felder: dict[str, Field] = {"kundennummer": string("Kundennummer", required=True, max_length=50),
                                      "vermittler": string("Vermittlernummer", required=True, max_length=50)}
    for f in FELDER:  # the customer's fields (basis.kundenfelder), as the Kundenmaske shows them
        kunde_felder[f.cloud] = integer(minimum=0) if f.im_fragebogen else string(allow_empty=True)
    return [
        Endpoint("POST", "/api/kunden", kunde_anlegen, "Bestand: Kunden anlegen (noch nicht in der cloud)",
                 Schema(kunde_felder), status=201),
        Endpoint("GET", "/api/kunden", kunden_auflisten, "Bestand: alle Kunden"),
        Endpoint("DELETE", "/api/kunden/{kunde}", kunde_loeschen, "Bestand: Kunden löschen", params=(KUNDE,)),
        Endpoint("GET", "/api/benutzer/{kuerzel}", benutzer_lesen, "ams Benutzer", params=(K,)),
        Endpoint("POST", "/api/benutzer/{kuerzel}/cloud-konto", cloud_konto_aendern,
                 "cloud Konto: Maklerextranet aktivieren / cloud Benutzername ändern",
                 Schema({"maklerextranet": boolean("Maklerextranet aktivieren"),
                         "cloud_benutzer": string("cloud Benutzername (E-Mail)", max_length=200)}), (K,)),
        Endpoint("POST", "/api/benutzer/{kuerzel}/haupt-email", haupt_email_aendern, "Haupt-E-Mail ändern",
                 Schema({"email": string(required=True, max_length=200)}), (K,)),
        Endpoint("POST", "/api/benutzer/{kuerzel}/produktfreischaltungen", produktfreischaltungen_aktualisieren,
                 "Produktfreischaltungen aktualisieren", params=(K,)),
        Endpoint("GET", "/api/benutzer/{kuerzel}/kunden/{kunde}", kundenmaske, "Kundenmaske", params=(K, KUNDE)),
        Endpoint("POST", "/api/benutzer/{kuerzel}/kunden/{kunde}/replizieren", kunde_replizieren,
                 "Kunden in die assfinet cloud replizieren", params=(K, KUNDE)),
        Endpoint("GET", "/api/benutzer/{kuerzel}/kunden/{kunde}/digipro", digipro, "DigiPro: angebotene Produkte",
                 params=(K, KUNDE)),
        Endpoint("POST", "/api/benutzer/{kuerzel}/kunden/{kunde}/digipro", produkt_waehlen,
                 "DigiPro: Produkt wählen (startet den Absprung)", Schema({"produkt": string(required=True)}),
                 (K, KUNDE), response="{url} des con:center-Absprungs"),
    ]
