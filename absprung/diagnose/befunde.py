"""The links of the guide's chain, in the order the data flows: what the diagnosis checks.

Each ``Befund`` is one possible cause. Its ID is what a Fehlerbild names in its ``Prüfung:`` line
(features/), so the diagnosis takes Ursache and Behebung from the Fehlerbild, and the Fehlerbilder
page orders the causes of a symptom by this list. Only causes without a Fehlerbild carry their
own Behebung here.
"""

from __future__ import annotations

from dataclasses import dataclass

AMS_BENUTZER = "ams.5 → Organisation → Benutzer"
DIGIPRO = "ams.5 → Kundenmaske → DigiPro"
PRODUKTGEBER = "con:center → Einstellungen → Produktgeber → Thinksurance"
API = "assfinet drive → assfinet api"
CONCENTER_LISTE = "assfinet drive → Allgemein → con:center"
FREISCHALTUNGEN = "assfinet drive → Freischaltungen (Geteilt mit, Hauptfreischaltung, Mitarbeiterzugriff)"
SUPPORT_ASSFINET = "beim assfinet Support erfragen"
SUPPORT_THINKSURANCE = "beim Thinksurance-Support bzw. Account Manager erfragen"


@dataclass(frozen=True)
class Befund:
    id: str
    leitfaden: tuple[str, ...]
    pruefung: str  # what is checked, as one line of the report
    frage: str  # the question that tells this cause apart from the others of its symptom
    pfad: str  # where to look by hand when no system answers
    behebung: str = ""  # only for causes without a Fehlerbild


BEFUNDE: tuple[Befund, ...] = (
    Befund("cloud-konto", ("G16",), "cloud Konto des ams Benutzers für den Bestand",
           "Hat der ams Benutzer ein cloud Konto für den Bestand?", f"{AMS_BENUTZER} → cloud Konten",
           "In ams.5 beim Benutzer ein cloud Konto für den Bestand des Maklerbüros anlegen."),
    Befund("maklerextranet", ("G16",), "„Maklerextranet aktivieren“ beim cloud Konto",
           "Ist beim cloud Konto des ams Benutzers „Maklerextranet aktivieren“ angehakt?",
           f"{AMS_BENUTZER} → cloud Konten"),
    Befund("produktfreischaltungen", ("G17",), "„Thinksurance - Gewerbeplattform“ unter DigiPro",
           "Wurden in ams.5 die Produktfreischaltungen aktualisiert, seit der con:center Benutzer das Produkt hat?",
           f"{DIGIPRO}; {AMS_BENUTZER} → Produktfreischaltungen aktualisieren"),
    Befund("concenter-produkt", ("G05",), "Produkt Thinksurance beim con:center Benutzer",
           "Verfügt der con:center Benutzer über das Produkt Thinksurance?", SUPPORT_ASSFINET),
    Befund("btoken-fehlt", ("G15",), "btoken beim Produktgeber Thinksurance",
           "Steht beim Produktgeber Thinksurance ein btoken?", PRODUKTGEBER),
    Befund("collaboration-token-fehlt", ("G15",), "Collaboration API Token beim Produktgeber Thinksurance",
           "Steht beim Produktgeber Thinksurance ein Collaboration API Token?", PRODUKTGEBER),
    Befund("collaboration-token-falsch", ("G10", "G15"), "Collaboration API Token ist ein AccessToken aus "
           "„assfinet api“", "Beginnt und endet der Collaboration API Token wie ein AccessToken unter "
           "„assfinet api“?", f"{PRODUKTGEBER}; {API}"),
    Befund("token-widerrufen", ("G10",), "Token nicht widerrufen",
           "Ist dieser Token unter „assfinet api“ noch gültig (nicht widerrufen)?", API),
    Befund("api-zugriff", ("G01",), "Feature „API-Zugriff“ im cloud-Bestand",
           "Verfügt der cloud-Bestand über das Feature „API-Zugriff“?", SUPPORT_ASSFINET),
    Befund("concenter-taa", ("G02",), "Feature „Con:CenterTAA“ im cloud-Bestand",
           "Verfügt der cloud-Bestand über das Feature „Con:CenterTAA“?", SUPPORT_ASSFINET),
    Befund("token-zweck", ("G09",), "Zweck des Tokens „TaaData“", "Hat der Token den Zweck „TaaData“?", API),
    Befund("concenter-liste", ("G07", "G09"), "con:center Benutzer des Tokens unter „Allgemein → con:center“",
           "Steht der Concenter Benutzername des Tokens unter „Allgemein → con:center“?", CONCENTER_LISTE),
    Befund("cloud-rolle", ("G06",), "cloud Benutzer mit mindestens der Rolle „Benutzer“",
           "Hat der cloud Benutzer des ams Benutzers mindestens die Rolle „Benutzer“?",
           "assfinet drive → Benutzer"),
    Befund("freischaltung-fehlt", ("G11", "G13"), "Freischaltung für den Benutzer",
           "Gibt es im Bestand eine Freischaltung für den Benutzer?", FREISCHALTUNGEN),
    Befund("freischaltung-nicht-geteilt", ("G12",), "Freischaltung mit dem Benutzer geteilt",
           "Steht die E-Mail-Adresse des Benutzers unter „Geteilt mit“?", FREISCHALTUNGEN),
    Befund("freischaltung-nicht-haupt", ("G12",), "Hauptfreischaltung des Benutzers festgelegt",
           "Ist eine der geteilten Freischaltungen als Hauptfreischaltung des Benutzers festgelegt?", FREISCHALTUNGEN),
    Befund("freischaltung-kunde", ("G12",), "Hauptfreischaltung umfasst den Kunden",
           "Steht der Kunde in der Kundenfreischaltung, die Hauptfreischaltung ist?", FREISCHALTUNGEN),
    Befund("vm-feature", ("G03",), "Feature „Vermittlerfreischaltungen“ für die VM-Freischaltung",
           "Verfügt der Bestand über „Vermittlerfreischaltungen“, wenn die Hauptfreischaltung eine "
           "VM-Freischaltung ist?", SUPPORT_ASSFINET,
           "Das Feature „Vermittlerfreischaltungen“ beim assfinet Support buchen oder eine Kundenfreischaltung "
           "als Hauptfreischaltung festlegen."),
    Befund("freischaltung-vermittler", ("G13",), "VM-Freischaltung für den Vermittler des Kunden",
           "Gilt die VM-Freischaltung für den Vermittler des Kunden?", FREISCHALTUNGEN,
           "Eine VM-Freischaltung ohne Vermittler (mit Mitarbeiterzugriff) oder für den Vermittler des Kunden "
           "als Hauptfreischaltung festlegen."),
    Befund("mitarbeiterzugriff", ("G13",), "Benutzer in der Liste für Mitarbeiterzugriff",
           "Steht der Benutzer in der Liste für Mitarbeiterzugriff?", FREISCHALTUNGEN),
    Befund("kunde-repliziert", ("G21",), "Kunde in die assfinet cloud repliziert",
           "Steht der Kunde schon in der assfinet cloud?", "ams.5 → Kundenmaske → In die assfinet cloud replizieren"),
    Befund("partnerzugang", ("G04",), "Partnerzugang bei Thinksurance und Konto mit dem nameTag",
           "Nimmt Thinksurance den Partnerzugang an, und gibt es das Konto mit dem nameTag?", SUPPORT_THINKSURANCE,
           "Partnerzugang (hash, secret) und nameTag mit dem Account Manager von Thinksurance abstimmen."),
    Befund("btoken-falsch", ("G15",), "btoken ist der b-Token von Thinksurance",
           "Stimmen Anfang und Ende des hinterlegten btoken mit dem b-Token von Thinksurance überein?",
           f"{PRODUKTGEBER}; {SUPPORT_THINKSURANCE}"),
    Befund("makler-email", ("G04",), "aktiver Makler bei Thinksurance zur Haupt-E-Mail",
           "Kennt Thinksurance einen aktiven Makler mit der Haupt-E-Mail-Adresse des ams Benutzers?",
           f"{AMS_BENUTZER} → Haupt-E-Mail; {SUPPORT_THINKSURANCE}"),
    Befund("btoken-bindung", ("G22", "G23"), "b-Token an den cloud Benutzer gebunden",
           "Findet Thinksurance den Makler über den heutigen cloud Benutzer (Get Broker Token, type 1)?",
           SUPPORT_THINKSURANCE),
)
BEFUND = {b.id: b for b in BEFUNDE}


def rang(befund_id: str) -> int:
    """Position in the data flow; unknown IDs come last."""
    return next((i for i, b in enumerate(BEFUNDE) if b.id == befund_id), len(BEFUNDE))
