"""The guide's statements G01 … and its chapters: the one source inside the project.

Restated in German from assfinet's guide "Einrichtung Absprung aus ams.5 nach Thinksurance mit
Kundendaten" (May 2024), in its order. Every statement a reader must act on or can observe has
an ID; scenarios tagged ``@<ID>`` prove it. IDs are stable: never renumber, add new ones at the
end. Marker registration, traceability tests, the living guide and every sentence that states
how many statements there are derive from ``AUSSAGEN``.

A statement names its chapter (and, where the chapter has them, its section), what a scenario
must show, and the screenshots (``absprung.bilder``) that illustrate it.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import bilder

TITEL = "Einrichtung Absprung aus ams.5 nach Thinksurance mit Kundendaten"
AUSGANGSSITUATION = ("Sie möchten aus ams.5 nach Thinksurance abspringen und dabei die Kundendaten im Produkt von "
                     "Thinksurance vorbelegt erhalten.")
LOESUNG = ("Mit Hilfe der assfinet cloud können die Kundendaten in Thinksurance vorbelegt werden. So müssen "
           "sie nicht händisch übertragen werden.")


@dataclass(frozen=True)
class Aussage:
    """One statement of the guide a reader acts on or can observe."""

    id: str
    kapitel: str  # slug of its chapter
    titel: str
    text: str  # Markdown, restates the original guide in its own order
    nachweis: str  # what a scenario must show
    abschnitt: str = ""  # section title within the chapter, if the chapter has sections
    bilder: tuple[str, ...] = ()  # screenshots that illustrate it (absprung.bilder)
    original_bild: str = ""  # image name the original refers to but does not ship


@dataclass(frozen=True)
class Abschnitt:
    titel: str
    einleitung: str = ""


@dataclass(frozen=True)
class Kapitel:
    slug: str
    titel: str
    einleitung: str
    nummeriert: bool = False  # the original numbers these steps
    abschnitte: tuple[Abschnitt, ...] = ()  # in order; statements name theirs


AUSSAGEN: tuple[Aussage, ...] = (
    Aussage('G01', 'voraussetzungen', 'Feature „API-Zugriff“ im cloud-Bestand',
            'Der cloud-Bestand muss über das Feature **API-Zugriff** verfügen – damit die Token hinterlegt '
            'werden können.',
            'Mit dem Feature lassen sich Token anlegen; ohne bietet assfinet drive den Bereich „assfinet api“ '
            'nicht an, und Anlegen oder Verwenden eines Tokens wird mit einer klaren Meldung abgelehnt.',
            bilder=(bilder.FEATURES_DES_BESTANDS,)),
    Aussage('G02', 'voraussetzungen', 'Feature „Con:CenterTAA“ im cloud-Bestand',
            'Der cloud-Bestand muss über das Feature **Con:CenterTAA** verfügen – damit die con:center Benutzer '
            'hinterlegt werden können.',
            'Mit dem Feature lassen sich con:center Benutzer hinterlegen; ohne wird das Hinterlegen abgelehnt, '
            'und TaaData-Abrufe scheitern.',
            bilder=(bilder.FEATURES_DES_BESTANDS,)),
    Aussage('G03', 'voraussetzungen', 'Optional: „Mitarbeiterzugriff“ und „Vermittlerfreischaltungen“',
            'Optional, für eine einfachere Administration, verfügt der cloud-Bestand über die Features '
            '**Mitarbeiterzugriff** und **Vermittlerfreischaltungen**. Das [empfohlene '
            'Szenario](freischaltung.md#g13) braucht beide.',
            'Das empfohlene Szenario (G13) braucht beide Features und wird ohne sie abgelehnt; das Szenario mit '
            'Kundenfreischaltung (G12) funktioniert trotzdem.',
            bilder=(bilder.FEATURES_DES_BESTANDS,)),
    Aussage('G04', 'voraussetzungen', 'b-Token mit der Haupt-E-Mail-Adresse des ams Benutzers',
            'Es gibt einen **b-Token**, dessen zugeordnete E-Mail-Adresse mit der **Haupt-E-Mail-Adresse des '
            'ams Benutzers** übereinstimmt. Beides wird mit Thinksurance abgestimmt.',
            'Passt die E-Mail-Adresse, gelingt der Absprung; weicht sie ab, lehnt Thinksurance ab, und der '
            'Benutzer sieht den Grund.',
            bilder=(bilder.CLOUD_KONTEN,)),
    Aussage('G05', 'voraussetzungen', 'Produkt Thinksurance beim con:center Benutzer',
            'Der con:center Benutzer des ams Benutzers muss über das **Produkt Thinksurance** verfügen. Ob das '
            'so ist, kann beim assfinet Support erfragt werden.',
            'Mit dem Produkt bietet DigiPro „Thinksurance - Gewerbeplattform“ an; ohne das Produkt fehlt es in '
            'der Auswahl.',
            bilder=(bilder.DIGIPRO,)),
    Aussage('G06', 'voraussetzungen', 'Recht „Benutzer“ in der assfinet cloud',
            'Der ams Benutzer muss in der assfinet cloud mindestens über das Recht **Benutzer** verfügen.',
            'Mit der Rolle Benutzer oder Administrator fließen die Daten; mit einer geringeren oder ohne Rolle '
            'werden die Kundendaten verweigert.',
            bilder=(bilder.FEATURES_DES_BESTANDS,)),
    Aussage('G07', 'cloud', 'con:center Benutzer hinterlegen',
            'In **assfinet drive** unter **Allgemein → con:center** den con:center Benutzer hinterlegen.',
            'Der Benutzer ist hinterlegt und lässt sich als „Concenter Benutzername“ eines Tokens wählen.',
            bilder=(bilder.ALLGEMEIN_CONCENTER,), original_bild='grafik-20240522-113850.png'),
    Aussage('G08', 'cloud', 'Token hinzufügen',
            'In **assfinet drive** unter **assfinet api** einen Token hinzufügen.',
            'Ein Token lässt sich hinzufügen.',
            bilder=(bilder.TOKEN_GESPEICHERT,)),
    Aussage('G09', 'cloud', 'Werte des Tokens hinterlegen',
            'Bei dem Token folgende Werte hinterlegen:\n\n- **Name:** Es kann ein beliebiger Name eingetragen '
            'werden. Als Standard hat sich aber der Wert „Thinksurance“ etabliert.\n- **Zweck:** TaaData\n- '
            '**Concenter Benutzername:** der con:center Benutzer aus dem [ersten Schritt](#g07)',
            'Ein falscher Zweck oder ein unbekannter con:center Benutzer macht den Token für den Absprung '
            'unbrauchbar oder wird abgelehnt.',
            bilder=(bilder.TOKEN_GESPEICHERT,)),
    Aussage('G10', 'cloud', 'AccessToken vermerken',
            'Nach dem Speichern den generierten **AccessToken** vermerken. Er wird im con:center als '
            '[Collaboration API Token](concenter.md#g15) gebraucht.',
            'Beim Speichern entsteht einmalig ein neuer AccessToken; mit ihm gelingen TaaData-Abrufe.',
            bilder=(bilder.TOKEN_GESPEICHERT,), original_bild='grafik-20240522-114055.png'),
    Aussage('G11', 'cloud', 'Freischaltung für den Zugriff auf die Kunden',
            'Damit der Benutzer Zugriff auf den Kunden erhält, wird in der assfinet cloud eine entsprechende '
            '**Freischaltung** benötigt. Gegebenenfalls besitzt der Anwender durch andere Services wie data, '
            'forms oder ams6 schon die passenden Rechte.\n\nFür den zu erwartenden Fall, dass noch keine '
            'ausreichenden Rechte bestehen, kann eines der beiden Lösungsszenarien unter '
            '[Freischaltung](freischaltung.md) genutzt werden.',
            'Ohne Freischaltung gibt es keine Kundendaten; eine bereits bestehende passende Freischaltung '
            'genügt.',
            bilder=(bilder.VM_FREISCHALTUNG, bilder.KUNDENFREISCHALTUNG)),
    Aussage('G12', 'freischaltung', 'Kundenfreischaltung anlegen, teilen und als Hauptfreischaltung festlegen',
            '1. Freischaltung anlegen.\n2. Geteilt mit Benutzer: die E-Mail-Adresse des Mitarbeiters.\n3. '
            'Hauptfreischaltung festlegen.',
            'Nach diesen Schritten sind die Daten des Kunden vorbelegt; fehlt die Hauptfreischaltung oder das '
            'Teilen, kommen keine Daten.',
            abschnitt='Szenario mit Kundenfreischaltung', bilder=(bilder.KUNDENFREISCHALTUNG,)),
    Aussage('G13', 'freischaltung', 'Mitarbeiterzugriff und VM-Freischaltung einrichten',
            '- Den Benutzer in die Liste für **Mitarbeiterzugriff** eintragen.\n- Eine **VM-Freischaltung** '
            'anlegen (z. B. mit dem Namen „Thinksurance“):\n    - Geteilt mit Benutzer: die E-Mail-Adresse des '
            'Mitarbeiters\n    - Hauptfreischaltung festlegen\n    - Sachbearbeiter = cloudtransfer',
            'Nach diesen Schritten ist jeder Kunde des Bestands vorbelegt; ein ungültiger Sachbearbeiter wird '
            'abgelehnt.',
            abschnitt='Empfohlenes Szenario mit Vermittlerfreischaltung und Mitarbeiterzugriff',
            bilder=(bilder.MITARBEITERZUGRIFF, bilder.VM_FREISCHALTUNG)),
    Aussage('G14', 'concenter', 'Einstellungen des Produktgebers Thinksurance öffnen',
            'Beim con:center Benutzer des Sachbearbeiters die Einstellungen für den **Produktgeber '
            'Thinksurance** öffnen (im con:center unter Einstellungen → Produktgeber).\n\n!!! note "Welcher '
            'con:center Benutzer?"\n    Gemeint ist der con:center Benutzer des Mitarbeiters, der in ams.5 '
            'arbeitet – nicht der technische Sachbearbeiter cloudtransfer (siehe [Annahme '
            'A14](../referenz/annahmen.md#a14)).',
            'Die Einstellungen gibt es je con:center Benutzer.',
            bilder=(bilder.PRODUKTGEBER_THINKSURANCE,)),
    Aussage('G15', 'concenter', 'Collaboration API Token und btoken hinterlegen',
            'Werte hinterlegen:\n\n- **Collaboration API Token:** der [vermerkte AccessToken](cloud.md#g10)\n- '
            '**btoken:** von Thinksurance erhalten (der [b-Token aus den '
            'Voraussetzungen](voraussetzungen.md#g04))',
            'Mit beiden Werten trägt der Absprung die Kundendaten; ein falscher oder fehlender Token oder '
            'btoken führt zu einem eigenen, erkennbaren Fehler.',
            bilder=(bilder.PRODUKTGEBER_THINKSURANCE,)),
    Aussage('G16', 'ams', '„Maklerextranet aktivieren“ anhaken',
            'Bei dem ams Benutzer muss bei den **cloud Konten** das Kontrollkästchen **„Maklerextranet '
            'aktivieren“** aktiviert werden (in ams.5 unter Organisation → Benutzer).',
            'Ohne den Haken öffnet sich Thinksurance ohne Kundendaten.',
            bilder=(bilder.CLOUD_KONTEN,)),
    Aussage('G17', 'ams', 'Produktfreischaltungen aktualisieren',
            'Anschließend die **Produktfreischaltungen aktualisieren**.',
            'Bis zum Aktualisieren erscheint ein neu freigeschaltetes Produkt nicht unter DigiPro.',
            bilder=(bilder.PRODUKTFREISCHALTUNGEN,)),
    Aussage('G18', 'test', 'Kundenmaske öffnen',
            'Die **Kundenmaske** im ams.5 öffnen.',
            'Die Kundenmaske zeigt den Kunden.',
            bilder=(bilder.KUNDENMASKE,)),
    Aussage('G19', 'test', 'DigiPro anklicken',
            '**DigiPro** anklicken.',
            'DigiPro bietet die Produkte des Benutzers an.',
            bilder=(bilder.DIGIPRO,)),
    Aussage('G20', 'test', 'Produkt „Thinksurance - Gewerbeplattform“ wählen',
            'Das Produkt **„Thinksurance - Gewerbeplattform“** wählen.',
            'Der Absprung startet.',
            bilder=(bilder.DIGIPRO,)),
    Aussage('G21', 'test', 'Thinksurance öffnet sich mit den Kundendaten',
            'Die Oberfläche von Thinksurance öffnet sich, und die Kundendaten sind in der Oberfläche angezeigt.',
            'In einem echten Browser zeigt die Gewerbeplattform die Daten des Kunden vorbelegt.',
            bilder=(bilder.GEWERBEPLATTFORM,)),
    Aussage('G22', 'anmerkungen', 'Der btoken merkt sich den ersten cloud Benutzer',
            'Bei erstmaliger Verwendung des btokens vermerkt Thinksurance den damit verwendeten cloud Benutzer. '
            'Das heißt: Selbst wenn in ams der Benutzername des cloud Benutzers geändert wird, verwendet '
            'Thinksurance weiterhin den erstmalig verwendeten.',
            'Nach einer Umbenennung verwendet Thinksurance weiterhin den ersten cloud Benutzer.',
            bilder=(bilder.GEWERBEPLATTFORM,)),
    Aussage('G23', 'anmerkungen', 'Neuen Benutzernamen mit dem b-Token an Thinksurance melden',
            'In diesem Fall muss der neue Benutzername (E-Mail) zusammen mit dem b-Token an Thinksurance '
            'gemeldet werden, damit Thinksurance ihn neu zuordnen kann.',
            'Nach der Neuzuordnung verwendet Thinksurance den neuen cloud Benutzer.'),
    Aussage('G24', 'anmerkungen', 'Die beigefügte Thinksurance-Anleitung ist historisch',
            'Die dem Original beigefügte Anleitung von Thinksurance beschreibt eine frühere Version (Stand '
            '2020) der Einrichtung der Anbindung.\n\n!!! warning "Historisch"\n    Die Thinksurance-Anleitung '
            'von 2020 ist **historisch**. Maßgeblich ist dieser Leitfaden. Was aktuell und was historisch ist, '
            'steht unter [Aktuell und historisch](../../hintergrund/aktuell-historisch.md).',
            'Der veröffentlichte Leitfaden kennzeichnet, welche Teile aktuell und welche historisch sind.'),
)

KAPITEL: tuple[Kapitel, ...] = (
    Kapitel("voraussetzungen", "Voraussetzungen", "Bevor die Einrichtung beginnt, müssen diese Voraussetzungen erfüllt "
            "sein."),
    Kapitel("cloud", "Anpassung in der cloud einrichten", "Die Schritte in assfinet drive, der Verwaltung der assfinet "
            "cloud.", nummeriert=True),
    Kapitel("freischaltung", "Freischaltung",
            "Damit der Benutzer Zugriff auf die Kunden erhält, braucht er in der assfinet cloud eine Freischaltung. "
            "Bestehen noch keine ausreichenden Rechte, kann eines der beiden folgenden Lösungsszenarien genutzt "
            "werden. Empfohlen ist das Szenario mit Vermittlerfreischaltung und Mitarbeiterzugriff.",
            abschnitte=(Abschnitt("Szenario mit Kundenfreischaltung"),
                        Abschnitt("Empfohlenes Szenario mit Vermittlerfreischaltung und Mitarbeiterzugriff",
                                  "Braucht die Features Mitarbeiterzugriff und Vermittlerfreischaltungen "
                                  "([Voraussetzungen](voraussetzungen.md#g03))."))),
    Kapitel("concenter", "Anpassung in con:center einrichten", "Die Schritte im con:center.", nummeriert=True),
    Kapitel("ams", "Anpassung in ams einrichten", "Die Schritte in ams.5."),
    Kapitel("test", "Test", "So prüfen Sie, ob alles eingerichtet ist.", nummeriert=True),
    Kapitel("anmerkungen", "Anmerkungen", "Was nach der Einrichtung zu beachten ist."),
)

AUSSAGE = {a.id: a for a in AUSSAGEN}
IDS = tuple(AUSSAGE)
KAPITEL_VON = {a.id: next(k for k in KAPITEL if k.slug == a.kapitel) for a in AUSSAGEN}


def im_kapitel(kapitel: Kapitel) -> tuple[Aussage, ...]:
    return tuple(a for a in AUSSAGEN if a.kapitel == kapitel.slug)


def spanne() -> str:
    """How the site names the range of IDs, e.g. "G01 bis G24"."""
    return f"{IDS[0]} bis {IDS[-1]}"
