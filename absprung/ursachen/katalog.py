"""Every cause of a Fehlerbild, declared once, in the order the data flows: ams.5 (cloud Konto,
„Maklerextranet aktivieren“, DigiPro) → con:center (product, Produktgeber settings) → assfinet cloud
(in the order TaaData checks, assumption A07) → Thinksurance (partner access, b-Token, broker of the
Haupt-E-Mail, binding).

The diagnosis runs the checks in this order, the Fehlerbilder page asks the questions in it, the
training environment offers the exercises, and each ``@fehlerbild`` scenario names its cause in the
line ``Ursache: NAME`` (``tests/absprung/ursachen`` proves they agree).
"""

from __future__ import annotations

from ..einrichtung import (
    Schritt,
    kundenfreischaltung_anlegen,
    maklerextranet_aktivieren,
    mitarbeiterzugriff_eintragen,
    vm_freischaltung_anlegen,
)
from ..einrichtung import concenter_benutzer_hinterlegen as concenter_hinterlegen
from ..einrichtung import produktfreischaltungen_aktualisieren as aktualisieren
from ..systems import Systems
from . import uebungen as u
from .modell import ABSPRUNG_SCHEITERT, FRUEHERER_BENUTZER, OHNE_KUNDENDATEN, PRODUKT_FEHLT, Uebung, Ursache
from .pruefungen import ams, cloud, concenter, thinksurance

AMS_BENUTZER = "ams.5 → Organisation → Benutzer"
DIGIPRO = "ams.5 → Kundenmaske → DigiPro"
PRODUKTGEBER = "con:center → Einstellungen → Produktgeber → Thinksurance"
API = "assfinet drive → assfinet api"
CONCENTER_LISTE = "assfinet drive → Allgemein → con:center"
FREISCHALTUNGEN = "assfinet drive → Freischaltungen (Geteilt mit, Hauptfreischaltung, Mitarbeiterzugriff)"
SUPPORT_ASSFINET = "beim assfinet Support erfragen"
SUPPORT_THINKSURANCE = "beim Thinksurance-Support bzw. Account Manager erfragen"


def _beide_kunden(s: Systems) -> None:
    kundenfreischaltung_anlegen(s, kunden=["K-1001", "K-1002"])


URSACHEN: tuple[Ursache, ...] = (
    Ursache("cloud-konto", ("G16",), "cloud Konto des ams Benutzers für den Bestand",
            "Hat der ams Benutzer ein cloud Konto für den Bestand?", f"{AMS_BENUTZER} → cloud Konten",
            "Der ams Benutzer hat kein cloud Konto für den Bestand des Maklerbüros; ams.5 übergibt dann keinen cloud "
            "Benutzer.",
            "In ams.5 beim Benutzer ein cloud Konto für den Bestand des Maklerbüros anlegen.",
            ("CC_KEIN_CLOUD_BENUTZER",), ams.cloud_konto),
    Ursache("maklerextranet", ("G16",), "„Maklerextranet aktivieren“ beim cloud Konto",
            "Ist beim cloud Konto des ams Benutzers „Maklerextranet aktivieren“ angehakt?",
            f"{AMS_BENUTZER} → cloud Konten",
            "Beim cloud Konto des ams Benutzers ist „Maklerextranet aktivieren“ nicht angehakt; ams.5 übergibt dann "
            "keinen cloud Benutzer.",
            "In ams.5 unter Organisation → Benutzer → cloud Konten „Maklerextranet aktivieren“ anhaken und speichern.",
            ("CC_KEIN_CLOUD_BENUTZER",), ams.maklerextranet,
            uebung=Uebung(u.alles(Schritt.MAKLEREXTRANET), maklerextranet_aktivieren, OHNE_KUNDENDATEN)),
    Ursache("produktfreischaltungen", ("G17",), "„Thinksurance - Gewerbeplattform“ unter DigiPro",
            "Wurden in ams.5 die Produktfreischaltungen aktualisiert, seit der con:center Benutzer das Produkt hat?",
            f"{DIGIPRO}; {AMS_BENUTZER} → Produktfreischaltungen aktualisieren",
            "ams.5 zeigt unter DigiPro die zuletzt abgerufenen Produktfreischaltungen; das neu freigeschaltete Produkt "
            "ist noch nicht abgerufen.",
            "In ams.5 beim Benutzer „Produktfreischaltungen aktualisieren“ wählen.",
            ("AMS_PRODUKT_NICHT_IN_DIGIPRO",), ams.digipro,
            uebung=Uebung(u.nach(u.produkt(False), u.alles(), u.produkt(True)), aktualisieren, PRODUKT_FEHLT,
                          aufgabe="Der assfinet Support hat das Produkt Thinksurance gerade freigeschaltet.")),
    Ursache("concenter-produkt", ("G05",), "Produkt Thinksurance beim con:center Benutzer",
            "Verfügt der con:center Benutzer über das Produkt Thinksurance?", SUPPORT_ASSFINET,
            "Der con:center Benutzer des ams Benutzers verfügt nicht über das Produkt Thinksurance.",
            "Das Produkt Thinksurance beim assfinet Support für den con:center Benutzer freischalten lassen, dann in "
            "ams die Produktfreischaltungen aktualisieren.",
            ("CC_PRODUKT_NICHT_FREIGESCHALTET",), concenter.produkt,
            uebung=Uebung(u.nach(u.produkt(False), u.alles()), u.nach(u.produkt(True), aktualisieren),
                          PRODUKT_FEHLT)),
    Ursache("btoken-fehlt", ("G15",), "btoken beim Produktgeber Thinksurance",
            "Steht beim Produktgeber Thinksurance ein btoken?", PRODUKTGEBER,
            "Beim Produktgeber Thinksurance fehlt der btoken.",
            "Den btoken von Thinksurance beim Produktgeber Thinksurance des con:center Benutzers hinterlegen.",
            ("CC_BTOKEN_FEHLT",), concenter.btoken,
            uebung=Uebung(u.alles(Schritt.BTOKEN), u.btoken(None), ABSPRUNG_SCHEITERT)),
    Ursache("collaboration-token-fehlt", ("G15",), "Collaboration API Token beim Produktgeber Thinksurance",
            "Steht beim Produktgeber Thinksurance ein Collaboration API Token?", PRODUKTGEBER,
            "Beim Produktgeber Thinksurance fehlt der Collaboration API Token.",
            "Den vermerkten AccessToken als Collaboration API Token hinterlegen.",
            ("CC_COLLABORATION_TOKEN_FEHLT",), concenter.collaboration_token,
            uebung=Uebung(u.alles(Schritt.COLLABORATION_TOKEN), u.neuer_token, OHNE_KUNDENDATEN)),
    Ursache("collaboration-token-falsch", ("G10", "G15"),
            "Collaboration API Token ist ein AccessToken aus „assfinet api“",
            "Beginnt und endet der Collaboration API Token wie ein AccessToken unter „assfinet api“?",
            f"{PRODUKTGEBER}; {API}",
            "Als Collaboration API Token steht nicht der AccessToken aus „assfinet api“.",
            "Den vermerkten AccessToken hinterlegen; ist er verloren, einen neuen Token hinzufügen.",
            ("TAA_TOKEN_UNGUELTIG",), cloud.token_passt,
            uebung=Uebung(u.nach(u.alles(), u.falscher_token), u.neuer_token, OHNE_KUNDENDATEN)),
    Ursache("token-widerrufen", ("G10",), "Token nicht widerrufen",
            "Ist dieser Token unter „assfinet api“ noch gültig (nicht widerrufen)?", API,
            "Der Token, dessen AccessToken im con:center hinterlegt ist, wurde in assfinet drive widerrufen.",
            "Einen neuen Token hinzufügen und den neuen AccessToken im con:center als Collaboration API Token "
            "hinterlegen.",
            ("TAA_TOKEN_UNGUELTIG",), cloud.widerrufen,
            uebung=Uebung(u.nach(u.alles(), u.tokens_widerrufen), u.neuer_token, OHNE_KUNDENDATEN)),
    Ursache("api-zugriff", ("G01",), "Feature „API-Zugriff“ im cloud-Bestand",
            "Verfügt der cloud-Bestand über das Feature „API-Zugriff“?", SUPPORT_ASSFINET,
            "Der cloud-Bestand verfügt nicht über das Feature „API-Zugriff“: assfinet drive bietet den Bereich "
            "„assfinet api“ nicht an, und die cloud gibt über einen Token keine Kundendaten heraus.",
            "Das Feature „API-Zugriff“ beim assfinet Support für den Bestand buchen; fehlt der Token, ihn danach "
            "hinzufügen.",
            ("TAA_FEATURE_FEHLT", "CLOUD_FEATURE_API_ZUGRIFF_FEHLT"), cloud.api_zugriff,
            uebung=Uebung(u.nach(u.alles(), u.feature("API-Zugriff", False)), u.feature("API-Zugriff", True),
                          OHNE_KUNDENDATEN)),
    Ursache("concenter-taa", ("G02",), "Feature „Con:CenterTAA“ im cloud-Bestand",
            "Verfügt der cloud-Bestand über das Feature „Con:CenterTAA“?", SUPPORT_ASSFINET,
            "Der cloud-Bestand verfügt nicht über das Feature „Con:CenterTAA“: con:center Benutzer lassen sich "
            "nicht hinterlegen, und die cloud verweigert die TaaData-Abfrage des con:center.",
            "Das Feature „Con:CenterTAA“ beim assfinet Support buchen; fehlt der con:center Benutzer unter "
            "„Allgemein → con:center“, ihn danach hinterlegen.",
            ("TAA_FEATURE_FEHLT", "CLOUD_FEATURE_CONCENTER_TAA_FEHLT"), cloud.concenter_taa,
            uebung=Uebung(u.nach(u.alles(), u.feature("Con:CenterTAA", False)), u.feature("Con:CenterTAA", True),
                          OHNE_KUNDENDATEN)),
    Ursache("token-zweck", ("G09",), "Zweck des Tokens „TaaData“", "Hat der Token den Zweck „TaaData“?", API,
            "Der Token in „assfinet api“ hat nicht den Zweck „TaaData“.",
            "Einen Token mit dem Zweck „TaaData“ hinzufügen und dessen AccessToken im con:center als Collaboration "
            "API Token hinterlegen.",
            ("TAA_ZWECK_FALSCH",), cloud.zweck,
            uebung=Uebung(u.alles(zweck="Collaboration"), u.neuer_token, OHNE_KUNDENDATEN)),
    Ursache("concenter-liste", ("G07", "G09"), "con:center Benutzer des Tokens unter „Allgemein → con:center“",
            "Steht der Concenter Benutzername des Tokens unter „Allgemein → con:center“?", CONCENTER_LISTE,
            "Der con:center Benutzer des Tokens steht nicht (mehr) unter „Allgemein → con:center“.",
            "Den con:center Benutzer unter „Allgemein → con:center“ hinterlegen – vor dem Token, der ihn als "
            "Concenter Benutzernamen nennt.",
            ("TAA_CONCENTER_BENUTZER_FEHLT", "CLOUD_CONCENTER_BENUTZER_UNBEKANNT"), cloud.concenter_liste,
            uebung=Uebung(u.nach(u.alles(), u.concenter_entfernen), concenter_hinterlegen, OHNE_KUNDENDATEN)),
    Ursache("cloud-rolle", ("G06",), "cloud Benutzer mit mindestens der Rolle „Benutzer“",
            "Hat der cloud Benutzer des ams Benutzers mindestens die Rolle „Benutzer“?", "assfinet drive → Benutzer",
            "Der ams Benutzer hat in der assfinet cloud eine Rolle unterhalb von „Benutzer“.",
            "Dem ams Benutzer in der assfinet cloud mindestens die Rolle „Benutzer“ geben.",
            ("TAA_ROLLE_UNZUREICHEND",), cloud.rolle,
            uebung=Uebung(u.nach(u.alles(), u.rolle("Gast")), u.rolle("Benutzer"), OHNE_KUNDENDATEN)),
    Ursache("freischaltung-fehlt", ("G11", "G13"), "Freischaltung für den Benutzer",
            "Gibt es im Bestand eine Freischaltung für den Benutzer?", FREISCHALTUNGEN,
            "Der ams Benutzer hat in der assfinet cloud keine Freischaltung für den Kunden.",
            "Eine Freischaltung anlegen – empfohlen: Mitarbeiterzugriff und VM-Freischaltung mit Sachbearbeiter "
            "cloudtransfer.",
            ("TAA_KEINE_FREISCHALTUNG",), cloud.freischaltung, rechte="keine",
            uebung=Uebung(u.alles(Schritt.VM_FREISCHALTUNG), vm_freischaltung_anlegen, OHNE_KUNDENDATEN)),
    Ursache("sachbearbeiter", ("G13",), "Sachbearbeiter der VM-Freischaltung mit der Rolle Administrator oder "
            "Benutzer",
            "Ist als Sachbearbeiter ein Benutzer mit der Rolle Administrator oder Benutzer eingetragen (z. B. "
            "cloudtransfer)?", FREISCHALTUNGEN,
            "Als Sachbearbeiter ist nur ein Benutzer mit der Rolle Administrator oder Benutzer möglich; mit einem "
            "anderen wird die VM-Freischaltung nicht gespeichert.",
            "Als Sachbearbeiter „cloudtransfer“ eintragen.",
            ("CLOUD_SACHBEARBEITER_UNGUELTIG",)),
    Ursache("freischaltung-nicht-geteilt", ("G12",), "Freischaltung mit dem Benutzer geteilt",
            "Steht die E-Mail-Adresse des Benutzers unter „Geteilt mit“?", FREISCHALTUNGEN,
            "Die Freischaltung ist nicht mit dem Benutzer (seiner E-Mail-Adresse) geteilt; nur eine geteilte "
            "Freischaltung kann seine Hauptfreischaltung sein.",
            "Unter „Geteilt mit“ die E-Mail-Adresse des Mitarbeiters eintragen und dann die Hauptfreischaltung "
            "festlegen.",
            ("TAA_KEINE_FREISCHALTUNG", "CLOUD_FREISCHALTUNG_NICHT_GETEILT"), rechte="nicht-geteilt",
            uebung=Uebung(u.nicht_geteilt, vm_freischaltung_anlegen, OHNE_KUNDENDATEN)),
    Ursache("freischaltung-nicht-haupt", ("G12",), "Hauptfreischaltung des Benutzers festgelegt",
            "Ist eine der geteilten Freischaltungen als Hauptfreischaltung des Benutzers festgelegt?", FREISCHALTUNGEN,
            "Die Freischaltung ist mit dem Benutzer geteilt, aber nicht als seine Hauptfreischaltung festgelegt.",
            "Die Freischaltung für den Benutzer als Hauptfreischaltung festlegen.",
            ("TAA_KEINE_FREISCHALTUNG",), rechte="nicht-haupt",
            uebung=Uebung(u.alles(Schritt.HAUPTFREISCHALTUNG), u.hauptfreischaltung_festlegen, OHNE_KUNDENDATEN)),
    Ursache("freischaltung-kunde", ("G12",), "Hauptfreischaltung umfasst den Kunden",
            "Steht der Kunde in der Kundenfreischaltung, die Hauptfreischaltung ist?", FREISCHALTUNGEN,
            "Die Kundenfreischaltung des Benutzers umfasst diesen Kunden nicht.",
            "Den Kunden in die Kundenfreischaltung aufnehmen oder das empfohlene Szenario mit VM-Freischaltung "
            "nutzen.",
            ("TAA_KEINE_FREISCHALTUNG",), rechte="kunde-fehlt",
            uebung=Uebung(u.alles(freischaltung="kunde", kunden=["K-1002"]), _beide_kunden, OHNE_KUNDENDATEN)),
    Ursache("vm-feature", ("G03",), "Feature „Vermittlerfreischaltungen“ für die VM-Freischaltung",
            "Verfügt der Bestand über „Vermittlerfreischaltungen“, wenn die Hauptfreischaltung eine "
            "VM-Freischaltung ist?", SUPPORT_ASSFINET,
            "Die Hauptfreischaltung ist eine VM-Freischaltung, dem Bestand fehlt aber das Feature "
            "„Vermittlerfreischaltungen“.",
            "Das Feature „Vermittlerfreischaltungen“ beim assfinet Support buchen oder eine Kundenfreischaltung als "
            "Hauptfreischaltung festlegen.",
            ("TAA_KEINE_FREISCHALTUNG",), rechte="vm-feature-fehlt"),
    Ursache("freischaltung-vermittler", ("G13",), "VM-Freischaltung für den Vermittler des Kunden",
            "Gilt die VM-Freischaltung für den Vermittler des Kunden?", FREISCHALTUNGEN,
            "Die VM-Freischaltung, die Hauptfreischaltung ist, gilt für einen anderen Vermittler als den des Kunden.",
            "Eine VM-Freischaltung ohne Vermittler (mit Mitarbeiterzugriff) oder für den Vermittler des Kunden als "
            "Hauptfreischaltung festlegen.",
            ("TAA_KEINE_FREISCHALTUNG",), rechte="vermittler-fehlt"),
    Ursache("mitarbeiterzugriff", ("G13",), "Benutzer in der Liste für Mitarbeiterzugriff",
            "Steht der Benutzer in der Liste für Mitarbeiterzugriff?", FREISCHALTUNGEN,
            "Die VM-Freischaltung ohne Vermittler gibt den ganzen Bestand nur Benutzern in der Liste für "
            "Mitarbeiterzugriff.",
            "Den Benutzer in die Liste für Mitarbeiterzugriff eintragen.",
            ("TAA_KEINE_FREISCHALTUNG",), rechte="mitarbeiterzugriff-fehlt",
            uebung=Uebung(u.alles(Schritt.MITARBEITERZUGRIFF), mitarbeiterzugriff_eintragen, OHNE_KUNDENDATEN)),
    Ursache("kunde-repliziert", ("G21",), "Kunde in die assfinet cloud repliziert",
            "Steht der Kunde schon in der assfinet cloud?", "ams.5 → Kundenmaske → In die assfinet cloud replizieren",
            "Der Kunde ist in ams.5 angelegt, aber noch nicht in die assfinet cloud repliziert; die Vorbelegung kommt "
            "aus der cloud.",
            "In der Kundenmaske „In die assfinet cloud replizieren“ wählen (oder die Replikation des Bestands "
            "abwarten) und den Absprung wiederholen.",
            ("TAA_KUNDE_NICHT_REPLIZIERT",), cloud.repliziert,
            uebung=Uebung(u.alles(), u.kunde_replizieren("K-1003"), OHNE_KUNDENDATEN, kunde="K-1003",
                          aufgabe="Der Kunde ist „Straßenbau Gülcan GmbH & Co. KG“ (K-1003).")),
    Ursache("partnerzugang", ("G04",), "Partnerzugang bei Thinksurance und Konto mit dem nameTag",
            "Nimmt Thinksurance den Partnerzugang an, und gibt es das Konto mit dem nameTag?", SUPPORT_THINKSURANCE,
            "Thinksurance nimmt den Partnerzugang des con:center (hash, secret) nicht an, oder unter seinen Konten "
            "fehlt das mit dem vereinbarten nameTag.",
            "Partnerzugang (hash, secret) und nameTag mit dem Account Manager von Thinksurance abstimmen.",
            ("CC_THINKSURANCE_ANMELDUNG",), thinksurance.partnerzugang),
    Ursache("btoken-falsch", ("G15",), "btoken ist der b-Token von Thinksurance",
            "Stimmen Anfang und Ende des hinterlegten btoken mit dem b-Token von Thinksurance überein?",
            f"{PRODUKTGEBER}; {SUPPORT_THINKSURANCE}",
            "Der hinterlegte btoken ist bei Thinksurance unbekannt (Tippfehler, anderer Makler, anderer Partner).",
            "Den btoken genau so hinterlegen, wie Thinksurance ihn mitgeteilt hat.",
            ("TS_BROKER_TOKEN_UNGUELTIG",), thinksurance.btoken_passt,
            uebung=Uebung(u.nach(u.alles(), u.btoken("btoken-mit-tippfehler")), u.btoken(None), ABSPRUNG_SCHEITERT)),
    Ursache("makler-email", ("G04",), "aktiver Makler bei Thinksurance zur Haupt-E-Mail",
            "Kennt Thinksurance einen aktiven Makler mit der Haupt-E-Mail-Adresse des ams Benutzers?",
            f"{AMS_BENUTZER} → Haupt-E-Mail; {SUPPORT_THINKSURANCE}",
            "Thinksurance hat den b-Token für eine andere E-Mail-Adresse ausgestellt als die Haupt-E-Mail-Adresse des "
            "ams Benutzers.",
            "Haupt-E-Mail-Adresse in ams.5 und E-Mail-Adresse des b-Tokens mit Thinksurance abstimmen.",
            ("TS_EMAIL_PASST_NICHT",), thinksurance.makler,
            uebung=Uebung(u.nach(u.alles(), u.haupt_email(u.PRIVATE_EMAIL)), u.haupt_email(None),
                          ABSPRUNG_SCHEITERT)),
    Ursache("btoken-bindung", ("G22", "G23"), "b-Token an den cloud Benutzer gebunden",
            "Findet Thinksurance den Makler über den heutigen cloud Benutzer (Get Broker Token, type 1)?",
            SUPPORT_THINKSURANCE,
            "Thinksurance hat beim ersten Absprung den damaligen cloud Benutzer zum btoken vermerkt.",
            "Den neuen Benutzernamen (E-Mail) zusammen mit dem b-Token an Thinksurance melden.",
            ("TS_BROKER_NICHT_GEFUNDEN",), thinksurance.bindung,
            uebung=Uebung(u.umbenannt, u.neu_zuordnen, FRUEHERER_BENUTZER,
                          aufgabe=f"Anna Schmidt heißt in der cloud jetzt „{u.NEUER_NAME}“; in ams.5 ist das schon "
                                  "eingetragen.")),
)
URSACHE: dict[str, Ursache] = {x.name: x for x in URSACHEN}
# The Freischaltung check decides among the causes "Rechte prüfen" names.
NACH_RECHTE: dict[str, Ursache] = {x.rechte: x for x in URSACHEN if x.rechte}
UEBUNGEN: tuple[Ursache, ...] = tuple(x for x in URSACHEN if x.uebung is not None)


def rang(name: str) -> int:
    """Position in the data flow; unknown names come last."""
    return next((i for i, x in enumerate(URSACHEN) if x.name == name), len(URSACHEN))
