# language: de
Funktionalität: Test – Absprung aus ams.5 nach Thinksurance mit Kundendaten
  Ist alles nach dem Leitfaden eingerichtet, öffnet DigiPro aus der Kundenmaske in ams.5 die
  Thinksurance – Gewerbeplattform, und die Kundendaten aus der assfinet cloud sind vorbelegt.

  @G01 @G02 @G03 @G04 @G05 @G06 @G07 @G08 @G09 @G10 @G11 @G13 @G14 @G15 @G16 @G17 @G18 @G19 @G20 @G21 @G22 @browser @ui @doku
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

  @G18 @G19
  Szenario: Die Kundenmaske zeigt den Kunden, und DigiPro bietet die Produkte des Benutzers an
    Angenommen alles ist nach dem Leitfaden eingerichtet
    Wenn der ams Benutzer die Kundenmaske von "Bäckerei Köhler e. K." öffnet
    Und DigiPro anklickt
    Dann zeigt die Kundenmaske den Kunden "Bäckerei Köhler e. K."
    Und bietet DigiPro das Produkt "Thinksurance - Gewerbeplattform" an

  @G20 @G21
  Szenario: Das gewählte Produkt öffnet Thinksurance mit allen übertragenen Kundendaten
    Angenommen alles ist nach dem Leitfaden eingerichtet
    Wenn der ams Benutzer die Kundenmaske von "Bäckerei Köhler e. K." öffnet
    Und DigiPro anklickt
    Und das Produkt "Thinksurance - Gewerbeplattform" wählt
    Dann öffnet sich die Thinksurance – Gewerbeplattform mit den Kundendaten aus der assfinet cloud
    Und sie zeigt für "Bäckerei Köhler e. K." die Werte aus der assfinet cloud: Firma, Anschrift, Ansprechpartner, E-Mail, Telefon, Umsatz und Mitarbeiter

  @G21 @fehlerbild
  Szenario: Thinksurance öffnet sich ohne Kundendaten, wenn der Kunde noch nicht in die cloud repliziert ist
    Symptom: Thinksurance öffnet sich, aber ohne Kundendaten
    Suchbegriffe: Kundendaten fehlen, leeres Formular, keine Vorbelegung, Kunde nicht übernommen
    Code: TAA_KUNDE_NICHT_REPLIZIERT
    Ursache: kunde-repliziert
    Angenommen alles ist nach dem Leitfaden eingerichtet
    Und der Kunde "Straßenbau Gülcan GmbH & Co. KG" wurde in ams.5 neu angelegt und noch nicht in die assfinet cloud repliziert
    Wenn der ams Benutzer für "Straßenbau Gülcan GmbH & Co. KG" über DigiPro das Produkt "Thinksurance - Gewerbeplattform" wählt
    Dann öffnet sich Thinksurance ohne Kundendaten
    Und nennt das Absprung-Protokoll des con:center im Schritt "Kundendaten aus der cloud lesen" den Grund "noch nicht in die assfinet cloud repliziert"
    Und findet die Diagnose diese Ursache

  @G21
  Szenario: Nach der Replikation in die cloud kommen auch die Daten eines neuen Kunden an
    Angenommen alles ist nach dem Leitfaden eingerichtet
    Und der Kunde "Straßenbau Gülcan GmbH & Co. KG" wurde in ams.5 neu angelegt und noch nicht in die assfinet cloud repliziert
    Und der Kunde "Straßenbau Gülcan GmbH & Co. KG" wurde aus ams.5 in die assfinet cloud repliziert
    Wenn der ams Benutzer für "Straßenbau Gülcan GmbH & Co. KG" über DigiPro das Produkt "Thinksurance - Gewerbeplattform" wählt
    Dann öffnet sich Thinksurance mit den Kundendaten von "Straßenbau Gülcan GmbH & Co. KG"
