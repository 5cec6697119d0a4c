"""Modelling assumptions: behaviour of the fakes that no public source documents.

The published guide renders this list as "Annahmen des Modells", so nobody mistakes an
assumption for documented behaviour. Each entry names the rule codes that implement it; a test
checks that every rule marked ``quelle="annahme"`` appears here.
"""

from __future__ import annotations

from dataclasses import dataclass

from fakes.cloud import models as cloud
from fakes.common.bounded import zahl
from fakes.common.sessions import SITZUNGEN_MAX
from fakes.concenter.daten import PROTOKOLL_MAX
from fakes.thinksurance import makler
from fakes.thinksurance import models as ts


@dataclass(frozen=True)
class Annahme:
    id: str
    system: str
    verhalten: str
    begruendung: str
    codes: tuple[str, ...] = ()


ANNAHMEN: tuple[Annahme, ...] = (
    Annahme("A01", "alle", "Datenfluss: ams.5 übergibt den Absprung an con:center; con:center liest die "
            "Kundendaten über TaaData aus der assfinet cloud und ruft dann Thinksurance (V1.1 Token und "
            "Broker Forward) auf.",
            "Der Leitfaden nennt nur die Einstellungen, nicht den Ablauf. Die Einstellungen (AccessToken mit "
            "Zweck TaaData beim con:center Benutzer, btoken beim Produktgeber) ergeben nur in dieser "
            "Reihenfolge einen Sinn."),
    Annahme("A02", "con:center", "Lehnt die cloud die Kundendaten ab oder fehlt ein Teil der Einrichtung, "
            "springt con:center trotzdem ab – ohne Kundendaten – und schreibt den Grund ins Absprung-Protokoll.",
            "Das häufigste Support-Symptom ist „Thinksurance öffnet sich, aber ohne Kundendaten“; das passt "
            "nur, wenn der Absprung selbst nicht scheitert.",
            ("CC_KEIN_CLOUD_BENUTZER", "CC_COLLABORATION_TOKEN_FEHLT", "CC_CLOUD_ABGELEHNT")),
    Annahme("A03", "ams.5", "Nur wenn beim cloud Konto „Maklerextranet aktivieren“ angehakt ist, übergibt "
            "ams.5 den cloud Benutzer an con:center.",
            "Der Leitfaden verlangt den Haken als Teil der Einrichtung; öffentlich beschrieben ist seine "
            "Wirkung nicht.", ("CC_KEIN_CLOUD_BENUTZER",)),
    Annahme("A04", "ams.5", "DigiPro zeigt die zuletzt abgerufenen Produktfreischaltungen; ein im con:center "
            "neu freigeschaltetes Produkt erscheint erst nach „Produktfreischaltungen aktualisieren“.",
            "Der Leitfaden verlangt das Aktualisieren ausdrücklich; das ergibt nur mit einem Zwischenspeicher "
            "in ams.5 einen Sinn.", ("AMS_PRODUKT_NICHT_IN_DIGIPRO",)),
    Annahme("A05", "assfinet cloud", "Rechte gibt nur die Freischaltung, die für den Benutzer als "
            "Hauptfreischaltung festgelegt ist; geteilte Freischaltungen ohne Hauptfreischaltung geben nichts.",
            "Der Leitfaden nennt „Hauptfreischaltung festlegen“ in beiden Szenarien als eigenen Schritt.",
            ("TAA_KEINE_FREISCHALTUNG", "CLOUD_FREISCHALTUNG_NICHT_GETEILT")),
    Annahme("A06", "assfinet cloud", "Eine VM-Freischaltung ohne Vermittler gibt den ganzen Bestand nur "
            "Benutzern, die in der Liste für Mitarbeiterzugriff stehen; mit Vermittler gibt sie dessen Kunden.",
            "Die Wissensdatenbank beschreibt Mitarbeiterzugriff als ungefilterten Zugriff auf den Bestand; "
            "der Leitfaden kombiniert beides im empfohlenen Szenario.", ("TAA_KEINE_FREISCHALTUNG",)),
    Annahme("A07", "assfinet cloud", "TaaData prüft in fester Reihenfolge: Token bekannt und nicht "
            "widerrufen → Features des Bestands → Zweck TaaData → con:center Benutzer des Tokens noch "
            "hinterlegt → cloud Benutzer mit Rolle ≥ Benutzer → Hauptfreischaltung umfasst den Kunden → "
            "Kunde repliziert. Jede Stufe hat einen eigenen Fehlercode.",
            "Die TaaData-Schnittstelle ist nicht öffentlich dokumentiert; die Reihenfolge folgt den "
            "Voraussetzungen und Schritten des Leitfadens.",
            ("TAA_TOKEN_UNGUELTIG", "TAA_BEARER_FEHLT", "TAA_CONCENTER_BENUTZER_FEHLT", "TAA_BENUTZER_UNBEKANNT")),
    Annahme("A08", "Thinksurance", "Broker Forward lehnt eine bEmail ab, die nicht zur hinterlegten "
            "E-Mail-Adresse des b-Tokens passt.",
            "Der Leitfaden verlangt, dass die E-Mail des b-Tokens der Haupt-E-Mail des ams Benutzers "
            "entspricht. Die Thinksurance-Doku sagt dagegen, Broker Forward könne die E-Mail ändern – der "
            "Fake folgt hier dem Leitfaden.", ("TS_EMAIL_PASST_NICHT",)),
    Annahme("A09", "Thinksurance", "Der erste bExternalId (cloud Benutzer), der mit einem b-Token ankommt, "
            "bleibt gebunden; spätere andere Werte werden vermerkt, aber nicht übernommen, bis der "
            "Thinksurance-Support neu zuordnet (im Fake: POST /_support/broker-zuordnung).",
            "So beschreibt es der Leitfaden unter „Anmerkungen“; die Thinksurance-Doku schweigt dazu."),
    Annahme("A10", "Thinksurance", "Firmen- und Adressfelder des Kunden heißen cCompany, cStreet, "
            "cStreetNumber, cZip, cCity, cPhone; Umsatz und Mitarbeiter kommen über qasCustProfile "
            "(umsatz in Cent, anzahl_vollzeitmitarbeiter, anzahl_teilzeitmitarbeiter) und werden auch ohne "
            "Anfrage beim Kunden angezeigt.",
            "Dokumentiert sind nur cExternalId, cFirstName, cLastName, cEmail, cExternalReferences; die "
            "übrigen Namen sind den dokumentierten Makler-Feldern (bCompany, bStreet …) nachgebildet."),
    Annahme("A11", "Thinksurance", "Der Anmelde-Link aus Broker Forward ist 120 Sekunden gültig "
            "(einstellbar) und nur einmal verwendbar.",
            "Die Doku nennt den Link nur „zeitlich begrenzt“, ohne Dauer.",
            ("TS_SWITCH_BENUTZT", "TS_SWITCH_ABGELAUFEN")),
    Annahme("A12", "Thinksurance", "Nicht dokumentierte Fehlertexte sind deutsch; der dokumentierte Text "
            "„API User is not existing or deactivated.“ bleibt wörtlich. Der stabile Code steht in der "
            "Kopfzeile X-Fehlercode, der Körper bleibt {\"error\": …}.",
            "Die Doku nennt nur die Form {\"error\": \"…\"} und wenige Texte.",
            ("TS_BROKER_TOKEN_UNGUELTIG", "TS_ACCOUNT_UNGUELTIG", "TS_NICHT_ANGEMELDET", "TS_KUNDE_UNBEKANNT",
             "TS_SWITCH_UNBEKANNT")),
    Annahme("A13", "Thinksurance", "Get Broker Token findet bei type 1 den Makler über den gebundenen "
            "bExternalId, bei type 2 über die E-Mail-Adresse.",
            "Die Doku nennt type 1/2, aber keine Zuordnungsregeln."),
    Annahme("A14", "con:center", "Die Produktgeber-Einstellungen werden beim con:center Benutzer des ams "
            "Benutzers hinterlegt (der Leitfaden sagt „des Sachbearbeiters“: gemeint ist der Mitarbeiter, "
            "der in ams.5 arbeitet, nicht der technische Sachbearbeiter cloudtransfer).",
            "Nur so kann con:center beim Absprung des Mitarbeiters den Token finden.",
            ("CC_BTOKEN_FEHLT",)),
    Annahme("A15", "con:center", "Ein Absprung-Link des con:center gilt 60 Sekunden und nur einmal.",
            "Nicht öffentlich beschrieben; verhindert, dass ein alter Link erneut Kundendaten abruft.",
            ("CC_START_UNGUELTIG",)),
    Annahme("A16", "alle", "Weitere Ablehnungen der erfundenen Verwaltungs-Schnittstellen (unbekannte "
            "Benutzer, Kunden, Rollen, doppelte Einträge …) folgen gesundem Menschenverstand.",
            "Die Verwaltungsschnittstellen von assfinet drive, con:center und ams.5 sind nicht öffentlich.",
            ("CLOUD_BESTAND_UNBEKANNT", "CLOUD_FEATURE_UNBEKANNT", "CLOUD_CONCENTER_BENUTZER_DOPPELT",
             "CLOUD_TOKEN_UNBEKANNT", "CLOUD_BENUTZER_UNBEKANNT", "CLOUD_BENUTZER_DOPPELT", "CLOUD_ROLLE_UNGUELTIG",
             "CLOUD_KUNDE_UNBEKANNT", "CLOUD_VERMITTLER_UNBEKANNT", "CLOUD_FREISCHALTUNG_UNBEKANNT",
             "CLOUD_FREISCHALTUNG_OHNE_KUNDEN", "CLOUD_HERKUNFT_UNGUELTIG", "CC_ANMELDUNG_FEHLGESCHLAGEN",
             "CC_ANMELDUNG_NOETIG", "CC_NUR_EIGENE_EINSTELLUNGEN", "CC_BENUTZER_UNBEKANNT",
             "CC_PRODUKTGEBER_UNBEKANNT", "CC_PRODUKT_UNBEKANNT", "CC_RECHT_UNBEKANNT", "AMS_BENUTZER_UNBEKANNT",
             "AMS_KUNDE_UNBEKANNT", "AMS_KUNDE_DOPPELT", "AMS_KEIN_CLOUD_KONTO", "AMS_EMAIL_UNGUELTIG")),
    Annahme("A17", "con:center", "Lehnt Thinksurance die Anmeldung des con:center oder den Broker Forward ab, "
            "bricht con:center den Absprung ab und zeigt dem Benutzer den Grund; ams.5 meldet Fehler des "
            "con:center weiter.",
            "Der Leitfaden verlangt, dass der Benutzer sieht, warum Thinksurance ablehnt (z. B. bei einer "
            "E-Mail-Adresse, die nicht zum b-Token passt); wie con:center das anzeigt, ist nicht beschrieben.",
            ("CC_THINKSURANCE_ANMELDUNG", "CC_THINKSURANCE_ABGELEHNT", "AMS_CONCENTER_FEHLER", "AMS_CLOUD_FEHLER")),
    Annahme("A18", "Thinksurance", "Get Broker Token findet einen deaktivierten Makler (bIsActive false) nicht "
            "mehr: „Broker Api: no broker found for the provided request.“",
            "Die Doku sagt, ein deaktivierter Makler verschwinde aus dem Konto des Partners und könne nicht mehr "
            "abspringen; welche Antwort Get Broker Token dann gibt, sagt sie nicht.", ("TS_BROKER_NICHT_GEFUNDEN",)),
    Annahme("A19", "Thinksurance", "Die Gewerbeplattform zeigt die Kundendaten in einem Formular mit der Überschrift "
            "„Thinksurance – Gewerbeplattform“ und beschriftet die Felder Firma, Straße, Hausnummer, PLZ, Ort, "
            "Telefon, E-Mail, Ansprechpartner Vorname/Nachname, Jahresumsatz in Euro, Vollzeit- und "
            "Teilzeitmitarbeiter; den gebundenen cloud Benutzer zeigt sie als „Verknüpfter Benutzer“.",
            "Die Oberfläche von Thinksurance ist nicht öffentlich beschrieben. Gegen eine echte Gewerbeplattform "
            "nennt ein Zielprofil unter [plattform] die dort sichtbaren Beschriftungen."),
    Annahme("A20", "assfinet cloud, con:center", "Gespeicherte Geheimnisse (AccessToken in der Token-Liste, "
            "Collaboration API Token und btoken beim Produktgeber) zeigen beide Systeme nur teilweise: die ersten "
            "und letzten vier Zeichen, dazwischen Punkte; Werte unter 16 Zeichen nur als Punkte.",
            "Dass der AccessToken nach dem Speichern nur noch maskiert erscheint, ist beschrieben; wie viel davon "
            "sichtbar bleibt, nicht. Die Diagnose vergleicht nur diese Masken – nie die Werte selbst."),
    Annahme("A21", "alle", "Nichts wächst ohne Grenze: Das Absprung-Protokoll behält die neuesten "
            f"{zahl(PROTOKOLL_MAX)} Absprünge (einstellbar, seitenweise lesbar); Thinksurance vergisst benutzte oder "
            "abgelaufene Anmelde-Links zehn Minuten nach ihrem Ablauf, Anmeldungen an der Gewerbeplattform, an ams.5 "
            "und am con:center enden nach acht Stunden, beim Abmelden und beim Zurücksetzen des Fakes; je Tabelle "
            f"bleiben höchstens {zahl(ts.TOKENS_MAX)} Sicherheitstoken, {zahl(SITZUNGEN_MAX)} Anmeldungen, "
            f"{zahl(ts.SWITCHES_MAX)} Anmelde-Links und {zahl(ts.KUNDEN_MAX)} Kunden der Gewerbeplattform – die "
            "ältesten gehen zuerst. Was niemand verlieren darf, nimmt ein Fake nur bis zu einer Grenze an "
            f"(GRENZE_ERREICHT): {zahl(makler.MAKLER_MAX)} Makler und je Inhaber {zahl(ts.AGENTURNUMMERN_MAX)} "
            f"Agenturnummern-Sätze bei Thinksurance; je Bestand der cloud {zahl(cloud.BENUTZER_MAX)} Benutzer, "
            f"{zahl(cloud.CONCENTER_MAX)} con:center Benutzer, {zahl(cloud.TOKENS_MAX)} Token (ein widerrufener "
            f"macht einem neuen Platz; seitenweise lesbar), {zahl(cloud.KUNDEN_MAX)} Kunden und "
            f"{zahl(cloud.FREISCHALTUNGEN_MAX)} Freischaltungen. con:center verwendet seinen "
            "Thinksurance-Sicherheitstoken zehn Minuten lang wieder und holt bei „unbekannt oder abgelaufen“ einmal "
            "einen neuen.",
            "Wie lange die echten Systeme Protokolle, Links und Sitzungen aufheben und wie viel sie annehmen, ist "
            "nicht beschrieben; ein Fake, der im Dauerbetrieb als Schulungsumgebung läuft, darf nicht unbegrenzt "
            "Speicher belegen und nicht mit jedem Eintrag langsamer werden. Das Wiederverwenden folgt der "
            "dokumentierten Gültigkeit des Tokens (15 Minuten)."),
)
