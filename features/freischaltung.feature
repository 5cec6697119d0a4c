# language: de
Funktionalität: Freischaltung des Kundenzugriffs
  Damit der Benutzer Zugriff auf den Kunden erhält, braucht er in der assfinet cloud eine
  Freischaltung. Oft bestehen die Rechte schon durch data, forms oder ams6; sonst hilft eines
  der beiden Szenarien des Leitfadens.

  @G11 @fehlerbild
  Szenario: Thinksurance öffnet sich ohne Kundendaten, wenn der Benutzer keine Freischaltung hat
    Symptom: Thinksurance öffnet sich, aber ohne Kundendaten
    Suchbegriffe: Kundendaten fehlen, leeres Formular, keine Vorbelegung, Kunde nicht übernommen
    Code: TAA_KEINE_FREISCHALTUNG
    Ursache: freischaltung-fehlt
    Angenommen alles ist nach dem Leitfaden eingerichtet, außer "VM-Freischaltung"
    Wenn der ams Benutzer für "Müller & Söhne Bau GmbH" über DigiPro das Produkt "Thinksurance - Gewerbeplattform" wählt
    Dann öffnet sich Thinksurance ohne Kundendaten
    Und nennt das Absprung-Protokoll des con:center im Schritt "Kundendaten aus der cloud lesen" den Grund "keine Hauptfreischaltung"
    Und findet die Diagnose diese Ursache

  @G11
  Szenario: Rechte aus ams6 genügen, ohne neue Freischaltung
    Angenommen der ams Benutzer hat aus "ams6" bereits eine Freischaltung für seine Kunden als Hauptfreischaltung
    Und alles ist nach dem Leitfaden eingerichtet, außer "VM-Freischaltung"
    Wenn der ams Benutzer für "Müller & Söhne Bau GmbH" über DigiPro das Produkt "Thinksurance - Gewerbeplattform" wählt
    Dann öffnet sich Thinksurance mit den Kundendaten von "Müller & Söhne Bau GmbH"

  Regel: Szenario mit Kundenfreischaltung

    @G12
    Szenario: Mit einer Kundenfreischaltung als Hauptfreischaltung kommen die Daten des Kunden an
      Angenommen alles ist nach dem Leitfaden mit einer Kundenfreischaltung für "Bäckerei Köhler e. K." eingerichtet
      Wenn der ams Benutzer für "Bäckerei Köhler e. K." über DigiPro das Produkt "Thinksurance - Gewerbeplattform" wählt
      Dann öffnet sich Thinksurance mit den Kundendaten von "Bäckerei Köhler e. K."

    @G12 @ui @doku
    Szenario: Die Kundenfreischaltung wird in assfinet drive angelegt und als Hauptfreischaltung festgelegt
      Angenommen alles ist nach dem Leitfaden eingerichtet, außer "VM-Freischaltung"
      Und eine Kundenfreischaltung für "Bäckerei Köhler e. K." ist angelegt, geteilt mit dem ams Benutzer und als Hauptfreischaltung festgelegt
      Wenn der ams Benutzer für "Bäckerei Köhler e. K." über DigiPro das Produkt "Thinksurance - Gewerbeplattform" wählt
      Dann öffnet sich Thinksurance mit den Kundendaten von "Bäckerei Köhler e. K."

    @G12 @fehlerbild
    Szenario: Thinksurance öffnet sich ohne Kundendaten für einen Kunden außerhalb der Kundenfreischaltung
      Symptom: Thinksurance öffnet sich, aber ohne Kundendaten
      Suchbegriffe: Kundendaten fehlen, leeres Formular, keine Vorbelegung, Kunde nicht übernommen
      Code: TAA_KEINE_FREISCHALTUNG
      Ursache: freischaltung-kunde
      Angenommen alles ist nach dem Leitfaden mit einer Kundenfreischaltung für "Bäckerei Köhler e. K." eingerichtet
      Wenn der ams Benutzer für "Müller & Söhne Bau GmbH" über DigiPro das Produkt "Thinksurance - Gewerbeplattform" wählt
      Dann öffnet sich Thinksurance ohne Kundendaten
      Und nennt das Absprung-Protokoll des con:center im Schritt "Kundendaten aus der cloud lesen" den Grund "keine Hauptfreischaltung"
      Und findet die Diagnose diese Ursache

    @G12 @fehlerbild
    Szenario: Thinksurance öffnet sich ohne Kundendaten, wenn die Kundenfreischaltung keine Hauptfreischaltung ist
      Symptom: Thinksurance öffnet sich, aber ohne Kundendaten
      Suchbegriffe: Kundendaten fehlen, leeres Formular, keine Vorbelegung, Kunde nicht übernommen
      Code: TAA_KEINE_FREISCHALTUNG
      Ursache: freischaltung-nicht-haupt
      Angenommen alles ist nach dem Leitfaden mit einer Kundenfreischaltung für "Müller & Söhne Bau GmbH" eingerichtet, außer "Hauptfreischaltung"
      Wenn der ams Benutzer für "Müller & Söhne Bau GmbH" über DigiPro das Produkt "Thinksurance - Gewerbeplattform" wählt
      Dann öffnet sich Thinksurance ohne Kundendaten
      Und nennt das Absprung-Protokoll des con:center im Schritt "Kundendaten aus der cloud lesen" den Grund "keine Hauptfreischaltung"
      Und findet die Diagnose diese Ursache

    @G12 @fehlerbild
    Szenario: Eine nicht geteilte Freischaltung kann nicht Hauptfreischaltung des Benutzers werden
      Symptom: Beim Einrichten wird eine Eingabe abgelehnt
      Code: CLOUD_FREISCHALTUNG_NICHT_GETEILT
      Ursache: freischaltung-nicht-geteilt
      Wenn eine Kundenfreischaltung für "Müller & Söhne Bau GmbH" nur mit "jonas.weber@makler-mueller.de" geteilt und für den ams Benutzer als Hauptfreischaltung festgelegt wird
      Dann wird das abgelehnt mit der Meldung "nicht mit „anna.schmidt@makler-mueller.de“ geteilt"

  Regel: Empfohlenes Szenario mit Vermittlerfreischaltung und Mitarbeiterzugriff

    @G13
    Szenariogrundriss: Mit Mitarbeiterzugriff und VM-Freischaltung kommen die Daten jedes Kunden an
      Angenommen alles ist nach dem Leitfaden eingerichtet
      Wenn der ams Benutzer für "<firma>" über DigiPro das Produkt "Thinksurance - Gewerbeplattform" wählt
      Dann öffnet sich Thinksurance mit den Kundendaten von "<firma>"

      Beispiele:
        | firma                   |
        | Müller & Söhne Bau GmbH |
        | Bäckerei Köhler e. K.   |

    @G13 @fehlerbild
    Szenariogrundriss: Eine VM-Freischaltung mit dem Sachbearbeiter „<sachbearbeiter>“ wird abgelehnt
      Symptom: Beim Einrichten wird eine Eingabe abgelehnt
      Code: CLOUD_SACHBEARBEITER_UNGUELTIG
      Ursache: sachbearbeiter
      Wenn eine VM-Freischaltung "Thinksurance" mit dem Sachbearbeiter "<sachbearbeiter>" angelegt wird
      Dann wird das abgelehnt mit der Meldung "Als Sachbearbeiter ist nur ein Benutzer"

      Beispiele:
        | sachbearbeiter               |
        | praktikant@makler-mueller.de |
        | niemand@beispiel.de          |

    @G13 @fehlerbild
    Szenario: Thinksurance öffnet sich ohne Kundendaten, wenn der Benutzer nicht für den Mitarbeiterzugriff eingetragen ist
      Symptom: Thinksurance öffnet sich, aber ohne Kundendaten
      Suchbegriffe: Kundendaten fehlen, leeres Formular, keine Vorbelegung, Kunde nicht übernommen
      Code: TAA_KEINE_FREISCHALTUNG
      Ursache: mitarbeiterzugriff
      Angenommen alles ist nach dem Leitfaden eingerichtet, außer "Mitarbeiterzugriff"
      Wenn der ams Benutzer für "Müller & Söhne Bau GmbH" über DigiPro das Produkt "Thinksurance - Gewerbeplattform" wählt
      Dann öffnet sich Thinksurance ohne Kundendaten
      Und nennt das Absprung-Protokoll des con:center im Schritt "Kundendaten aus der cloud lesen" den Grund "keine Hauptfreischaltung"
      Und findet die Diagnose diese Ursache
