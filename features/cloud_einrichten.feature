# language: de
Funktionalität: Anpassung in der cloud einrichten
  In assfinet drive wird unter „Allgemein → con:center“ der con:center Benutzer hinterlegt und unter
  „assfinet api“ ein Token hinzugefügt: Name (Standard „Thinksurance“), Zweck „TaaData“ und der
  Concenter Benutzername. Nach dem Speichern wird der generierte AccessToken vermerkt.

  @G07
  Szenario: Der hinterlegte con:center Benutzer ist als Concenter Benutzername wählbar
    Angenommen unter "Allgemein → con:center" ist der con:center Benutzer des ams Benutzers noch nicht hinterlegt
    Wenn in assfinet drive unter "Allgemein → con:center" der con:center Benutzer des ams Benutzers hinterlegt wird
    Dann wird das gespeichert
    Und ist der con:center Benutzer als Concenter Benutzername eines Tokens wählbar

  @G08 @G09
  Szenario: Ein Token ohne eigenen Namen heißt „Thinksurance“
    Angenommen in assfinet drive ist unter "Allgemein → con:center" der con:center Benutzer des ams Benutzers hinterlegt
    Wenn unter "assfinet api" ein Token ohne Namen mit dem Zweck "TaaData" hinzugefügt wird
    Dann trägt der Token den Namen "Thinksurance"

  @G09 @fehlerbild
  Szenario: Ein Token für einen nicht hinterlegten con:center Benutzer wird abgelehnt
    Symptom: Beim Einrichten wird eine Eingabe abgelehnt
    Code: CLOUD_CONCENTER_BENUTZER_UNBEKANNT
    Ursache: concenter-liste
    Angenommen in assfinet drive ist unter "Allgemein → con:center" der con:center Benutzer des ams Benutzers hinterlegt
    Wenn unter "assfinet api" ein Token mit dem Zweck "TaaData" für den Concenter Benutzernamen "unbekannt-cc" hinzugefügt wird
    Dann wird das abgelehnt mit der Meldung "ist unter Allgemein → con:center nicht hinterlegt"

  @G09 @fehlerbild
  Szenariogrundriss: Thinksurance öffnet sich ohne Kundendaten, wenn der Token den Zweck „<zweck>“ hat
    Symptom: Thinksurance öffnet sich, aber ohne Kundendaten
    Suchbegriffe: Kundendaten fehlen, leeres Formular, keine Vorbelegung, Kunde nicht übernommen
    Code: TAA_ZWECK_FALSCH
    Ursache: token-zweck
    Angenommen alles ist nach dem Leitfaden eingerichtet, aber der Token hat den Zweck "<zweck>"
    Wenn der ams Benutzer für "Müller & Söhne Bau GmbH" über DigiPro das Produkt "Thinksurance - Gewerbeplattform" wählt
    Dann öffnet sich Thinksurance ohne Kundendaten
    Und nennt das Absprung-Protokoll des con:center im Schritt "Kundendaten aus der cloud lesen" den Grund "der Zweck „TaaData“ nötig"
    Und findet die Diagnose diese Ursache

    Beispiele:
      | zweck         |
      | Collaboration |
      | Bestandsexport |

  @G07 @G09 @fehlerbild
  Szenario: Thinksurance öffnet sich ohne Kundendaten, wenn der con:center Benutzer des Tokens entfernt wurde
    Symptom: Thinksurance öffnet sich, aber ohne Kundendaten
    Suchbegriffe: Kundendaten fehlen, leeres Formular, keine Vorbelegung, Kunde nicht übernommen
    Code: TAA_CONCENTER_BENUTZER_FEHLT
    Ursache: concenter-liste
    Angenommen alles ist nach dem Leitfaden eingerichtet
    Und der con:center Benutzer wurde unter "Allgemein → con:center" wieder entfernt
    Wenn der ams Benutzer für "Müller & Söhne Bau GmbH" über DigiPro das Produkt "Thinksurance - Gewerbeplattform" wählt
    Dann öffnet sich Thinksurance ohne Kundendaten
    Und nennt das Absprung-Protokoll des con:center im Schritt "Kundendaten aus der cloud lesen" den Grund "nicht mehr hinterlegt"
    Und findet die Diagnose diese Ursache

  @G10
  Szenario: Der AccessToken wird einmal vollständig gezeigt und öffnet danach die Kundendaten
    Angenommen alles ist nach dem Leitfaden eingerichtet
    Dann zeigt assfinet drive den AccessToken beim Speichern vollständig und danach nur noch maskiert
    Und liefert die assfinet cloud mit dem vermerkten AccessToken über TaaData die Daten von "Müller & Söhne Bau GmbH"

  @G10 @fehlerbild
  Szenario: Thinksurance öffnet sich ohne Kundendaten, wenn der Token widerrufen wurde
    Symptom: Thinksurance öffnet sich, aber ohne Kundendaten
    Suchbegriffe: Kundendaten fehlen, leeres Formular, keine Vorbelegung, Kunde nicht übernommen, Token ungültig, AccessToken ungültig
    Code: TAA_TOKEN_UNGUELTIG
    Ursache: token-widerrufen
    Angenommen alles ist nach dem Leitfaden eingerichtet
    Und der Token wurde in assfinet drive widerrufen
    Wenn der ams Benutzer für "Müller & Söhne Bau GmbH" über DigiPro das Produkt "Thinksurance - Gewerbeplattform" wählt
    Dann öffnet sich Thinksurance ohne Kundendaten
    Und nennt das Absprung-Protokoll des con:center im Schritt "Kundendaten aus der cloud lesen" den Grund "widerrufen"
    Und findet die Diagnose diese Ursache

  @G10 @G11 @lesend
  Szenario: Mit dem vermerkten AccessToken liest die assfinet cloud den Prüfkunden über TaaData
    Angenommen die Einrichtung nach dem Leitfaden liegt vor
    Dann liefert die assfinet cloud mit dem vermerkten AccessToken über TaaData die Daten des Prüfkunden
