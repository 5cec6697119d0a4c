"""The demo world shared by the fakes and the harness: one Maklerbüro whose systems fit together.

The seed "ausgangslage" of each fake is built from these values: every *Voraussetzung* of the
guide is met, none of the guide's own steps is done yet. All credentials here are invented
demo values for the fakes; real credentials only ever come from environment variables.
"""

from __future__ import annotations

from typing import Any

from . import leitfaden

BESTAND = "MB-100234"
BESTAND_NAME = "Maklerbüro Müller & Partner"

MITARBEITER_EMAIL = "anna.schmidt@makler-mueller.de"  # Haupt-E-Mail in ams = cloud user
MITARBEITER_NAME = "Anna Schmidt"
KOLLEGE_EMAIL = "jonas.weber@makler-mueller.de"
GAST_EMAIL = "praktikant@makler-mueller.de"

CLOUD_BENUTZER = {
    "cloudtransfer": "Administrator",
    "serviceadmin": "Administrator",
    MITARBEITER_EMAIL: "Benutzer",
    KOLLEGE_EMAIL: "Benutzer",
    GAST_EMAIL: "Gast",
}
CLOUD_FEATURES = leitfaden.FEATURES  # the demo Bestand has them all
CLOUD_ADMIN_ANMELDUNG = {"benutzer": "cloudtransfer", "bestand": BESTAND}

VERMITTLER = {"VM-01": "Anna Schmidt", "VM-02": "Jonas Weber"}

KUNDEN: list[dict[str, Any]] = [
    {"kundennummer": "K-1001", "vermittler": "VM-01", "repliziert": True,
     "firma": "Müller & Söhne Bau GmbH", "rechtsform": "GmbH", "strasse": "Hauptstraße",
     "hausnummer": "12a", "plz": "50667", "ort": "Köln", "branche": "Bauhauptgewerbe",
     "telefon": "0221 123456", "email": "info@mueller-soehne-bau.de",
     "ansprechpartner_vorname": "Jürgen", "ansprechpartner_nachname": "Müller",
     "umsatz": 2450000, "mitarbeiter_vollzeit": 18, "mitarbeiter_teilzeit": 4},
    {"kundennummer": "K-1002", "vermittler": "VM-02", "repliziert": True,
     "firma": "Bäckerei Köhler e. K.", "rechtsform": "e. K.", "strasse": "Am Marktplatz",
     "hausnummer": "3", "plz": "80331", "ort": "München", "branche": "Bäckerei",
     "telefon": "089 987654", "email": "kontakt@baeckerei-koehler.de",
     "ansprechpartner_vorname": "Sören", "ansprechpartner_nachname": "Köhler",
     "umsatz": 780000, "mitarbeiter_vollzeit": 6, "mitarbeiter_teilzeit": 5},
    {"kundennummer": "K-1003", "vermittler": "VM-01", "repliziert": False,
     "firma": "Straßenbau Gülcan GmbH & Co. KG", "rechtsform": "GmbH & Co. KG",
     "strasse": "Industrieweg", "hausnummer": "7", "plz": "45127", "ort": "Essen",
     "branche": "Straßenbau", "telefon": "0201 55555", "email": "buero@guelcan-strassenbau.de",
     "ansprechpartner_vorname": "Ayşe", "ansprechpartner_nachname": "Gülcan",
     "umsatz": 5200000, "mitarbeiter_vollzeit": 41, "mitarbeiter_teilzeit": 2},
]

CONCENTER_BENUTZER = "mueller-cc"
CONCENTER_PASSWORT = "Demo-Passwort-1"
CONCENTER_KOLLEGE = "weber-cc"  # has no product Thinksurance (G05)
CONCENTER_KOLLEGE_PASSWORT = "Demo-Passwort-2"

AMS_KUERZEL = "AS"
AMS_KOLLEGE_KUERZEL = "JW"

TS_HASH = "demo-partner-hash-7f3c9a1e5b"
TS_SECRET = "demo-partner-secret-41d8"
TS_ATOKEN = "demo-atoken-assfinet-0c2e"
TS_NAMETAG = "assfinet-demo"
TS_BTOKEN = "demo-btoken-anna-9b1f2d"
TS_BTOKEN_KOLLEGE = "demo-btoken-jonas-5e7a31"

# The demo value of each secret a target profile can name ([geheimnisse]); the AccessToken has none:
# the setup creates it.
GEHEIMNISSE = {"btoken": TS_BTOKEN, "btoken_kollege": TS_BTOKEN_KOLLEGE, "thinksurance_hash": TS_HASH,
               "thinksurance_secret": TS_SECRET, "atoken": TS_ATOKEN, "concenter_passwort": CONCENTER_PASSWORT}
