# language: de
@kapitel-test
Funktionalität: Test – Absprung aus ams.5 nach Thinksurance mit Kundendaten
  Ist alles nach dem Leitfaden eingerichtet, öffnet DigiPro aus der Kundenmaske in ams.5 die
  Thinksurance – Gewerbeplattform, und die Kundendaten aus der assfinet cloud sind vorbelegt.

  @G07 @G08 @G09 @G10 @G13 @G14 @G15 @G16 @G17 @G18 @G19 @G20 @G21 @browser
  Szenario: Die Gewerbeplattform öffnet sich im Browser mit den Kundendaten aus der cloud
    Angenommen die Voraussetzungen des Leitfadens sind erfüllt
    Und in assfinet drive ist unter "Allgemein → con:center" der con:center Benutzer des ams Benutzers hinterlegt
    Und unter "assfinet api" ist ein Token mit dem Namen "Thinksurance", dem Zweck "TaaData" und diesem Concenter Benutzernamen hinzugefügt
    Und der generierte AccessToken ist vermerkt
    Und der ams Benutzer ist in der Liste für Mitarbeiterzugriff eingetragen
    Und eine VM-Freischaltung "Thinksurance" ist angelegt, geteilt mit dem ams Benutzer, als Hauptfreischaltung festgelegt und mit dem Sachbearbeiter "cloudtransfer"
    Und beim con:center Benutzer sind für den Produktgeber "Thinksurance" der vermerkte AccessToken als Collaboration API Token und der btoken von Thinksurance hinterlegt
    Und beim ams Benutzer ist im cloud Konto "Maklerextranet aktivieren" angehakt
    Und die Produktfreischaltungen des ams Benutzers sind aktualisiert
    Wenn der ams Benutzer die Kundenmaske von "Müller & Söhne Bau GmbH" öffnet
    Und DigiPro anklickt
    Und das Produkt "Thinksurance - Gewerbeplattform" wählt
    Dann öffnet sich die Thinksurance – Gewerbeplattform mit den Kundendaten aus der assfinet cloud
    Und sie zeigt für "Müller & Söhne Bau GmbH" die Werte aus der assfinet cloud: Firma, Anschrift, Ansprechpartner, Umsatz und Mitarbeiter
