# language: de
Funktionalität: Voraussetzungen
  Bevor die Einrichtung beginnt, muss der cloud-Bestand die Features „API-Zugriff“ und
  „Con:CenterTAA“ haben (optional „Mitarbeiterzugriff“ und „Vermittlerfreischaltungen“), die
  E-Mail-Adresse des b-Tokens muss der Haupt-E-Mail-Adresse des ams Benutzers entsprechen, der
  con:center Benutzer braucht das Produkt Thinksurance und der ams Benutzer in der cloud
  mindestens das Recht „Benutzer“.

  @G01
  Szenario: Mit dem Feature „API-Zugriff“ kann ein Token hinterlegt werden
    Angenommen in assfinet drive ist unter "Allgemein → con:center" der con:center Benutzer des ams Benutzers hinterlegt
    Wenn unter "assfinet api" ein Token mit dem Zweck "TaaData" für den Concenter Benutzernamen "mueller-cc" hinzugefügt wird
    Dann wird das gespeichert

  @G01 @fehlerbild @nur_fake
  Szenario: Ohne das Feature „API-Zugriff“ lässt sich kein Token hinterlegen
    Symptom: Beim Einrichten wird eine Eingabe abgelehnt
    Code: CLOUD_FEATURE_API_ZUGRIFF_FEHLT
    Ursache: api-zugriff
    Angenommen der cloud-Bestand verfügt nicht über das Feature "API-Zugriff"
    Und in assfinet drive ist unter "Allgemein → con:center" der con:center Benutzer des ams Benutzers hinterlegt
    Wenn unter "assfinet api" ein Token mit dem Zweck "TaaData" für den Concenter Benutzernamen "mueller-cc" hinzugefügt wird
    Dann wird das abgelehnt mit der Meldung "API-Zugriff"

  @G01 @fehlerbild @nur_fake
  Szenario: Thinksurance öffnet sich ohne Kundendaten, wenn dem Bestand „API-Zugriff“ entzogen wurde
    Symptom: Thinksurance öffnet sich, aber ohne Kundendaten
    Suchbegriffe: Kundendaten fehlen, leeres Formular, keine Vorbelegung, Kunde nicht übernommen
    Code: TAA_FEATURE_FEHLT
    Ursache: api-zugriff
    Angenommen alles ist nach dem Leitfaden eingerichtet
    Und der cloud-Bestand verfügt nicht über das Feature "API-Zugriff"
    Wenn der ams Benutzer für "Müller & Söhne Bau GmbH" über DigiPro das Produkt "Thinksurance - Gewerbeplattform" wählt
    Dann öffnet sich Thinksurance ohne Kundendaten
    Und nennt das Absprung-Protokoll des con:center im Schritt "Kundendaten aus der cloud lesen" den Grund "API-Zugriff"
    Und findet die Diagnose diese Ursache

  @G02
  Szenario: Mit dem Feature „Con:CenterTAA“ kann der con:center Benutzer hinterlegt werden
    Angenommen unter "Allgemein → con:center" ist der con:center Benutzer des ams Benutzers noch nicht hinterlegt
    Wenn in assfinet drive unter "Allgemein → con:center" der con:center Benutzer des ams Benutzers hinterlegt wird
    Dann wird das gespeichert

  @G02 @fehlerbild @nur_fake
  Szenario: Ohne das Feature „Con:CenterTAA“ lässt sich kein con:center Benutzer hinterlegen
    Symptom: Beim Einrichten wird eine Eingabe abgelehnt
    Code: CLOUD_FEATURE_CONCENTER_TAA_FEHLT
    Ursache: concenter-taa
    Angenommen der cloud-Bestand verfügt nicht über das Feature "Con:CenterTAA"
    Wenn in assfinet drive unter "Allgemein → con:center" der con:center Benutzer des ams Benutzers hinterlegt wird
    Dann wird das abgelehnt mit der Meldung "Con:CenterTAA"

  @G02 @fehlerbild @nur_fake
  Szenario: Thinksurance öffnet sich ohne Kundendaten, wenn dem Bestand „Con:CenterTAA“ fehlt
    Symptom: Thinksurance öffnet sich, aber ohne Kundendaten
    Suchbegriffe: Kundendaten fehlen, leeres Formular, keine Vorbelegung, Kunde nicht übernommen
    Code: TAA_FEATURE_FEHLT
    Ursache: concenter-taa
    Angenommen alles ist nach dem Leitfaden eingerichtet
    Und der cloud-Bestand verfügt nicht über das Feature "Con:CenterTAA"
    Wenn der ams Benutzer für "Müller & Söhne Bau GmbH" über DigiPro das Produkt "Thinksurance - Gewerbeplattform" wählt
    Dann öffnet sich Thinksurance ohne Kundendaten
    Und nennt das Absprung-Protokoll des con:center im Schritt "Kundendaten aus der cloud lesen" den Grund "Con:CenterTAA"
    Und findet die Diagnose diese Ursache

  Regel: „Mitarbeiterzugriff“ und „Vermittlerfreischaltungen“ braucht nur das empfohlene Szenario

    @G03 @nur_fake
    Szenario: Ohne die optionalen Features ist das empfohlene Szenario nicht möglich
      Angenommen der cloud-Bestand verfügt nicht über die Features "Mitarbeiterzugriff" und "Vermittlerfreischaltungen"
      Wenn eine VM-Freischaltung "Thinksurance" mit dem Sachbearbeiter "cloudtransfer" angelegt wird
      Dann wird das abgelehnt mit der Meldung "Vermittlerfreischaltungen"

    @G03 @nur_fake
    Szenario: Ohne das Feature „Mitarbeiterzugriff“ kann niemand für den Mitarbeiterzugriff eingetragen werden
      Angenommen der cloud-Bestand verfügt nicht über das Feature "Mitarbeiterzugriff"
      Wenn der ams Benutzer in die Liste für Mitarbeiterzugriff eingetragen wird
      Dann wird das abgelehnt mit der Meldung "Mitarbeiterzugriff"

    @G03 @nur_fake
    Szenario: Ohne die optionalen Features funktioniert das Szenario mit Kundenfreischaltung
      Angenommen der cloud-Bestand verfügt nicht über die Features "Mitarbeiterzugriff" und "Vermittlerfreischaltungen"
      Und alles ist nach dem Leitfaden mit einer Kundenfreischaltung für "Müller & Söhne Bau GmbH" eingerichtet
      Wenn der ams Benutzer für "Müller & Söhne Bau GmbH" über DigiPro das Produkt "Thinksurance - Gewerbeplattform" wählt
      Dann öffnet sich Thinksurance mit den Kundendaten von "Müller & Söhne Bau GmbH"

  @G04
  Szenario: Stimmt die E-Mail des b-Tokens mit der Haupt-E-Mail des ams Benutzers überein, gelingt der Absprung
    Angenommen alles ist nach dem Leitfaden eingerichtet
    Wenn der ams Benutzer für "Bäckerei Köhler e. K." über DigiPro das Produkt "Thinksurance - Gewerbeplattform" wählt
    Dann öffnet sich Thinksurance mit den Kundendaten von "Bäckerei Köhler e. K."

  @G04 @fehlerbild @browser
  Szenario: Der Absprung scheitert, wenn die Haupt-E-Mail nicht zur E-Mail des b-Tokens passt
    Symptom: Der Absprung scheitert mit einer Meldung des con:center
    Suchbegriffe: Absprung geht nicht, Fehlermeldung beim Absprung, Thinksurance öffnet sich nicht
    Code: TS_EMAIL_PASST_NICHT
    Ursache: makler-email
    Angenommen alles ist nach dem Leitfaden eingerichtet
    Und die Haupt-E-Mail-Adresse des ams Benutzers lautet "a.schmidt@privat-beispiel.de"
    Wenn der ams Benutzer für "Müller & Söhne Bau GmbH" über DigiPro das Produkt "Thinksurance - Gewerbeplattform" wählt
    Dann scheitert der Absprung, und con:center zeigt "passt nicht zu der E-Mail-Adresse"
    Und nennt das Absprung-Protokoll des con:center im Schritt "Broker Forward" den Grund "Bitte mit Thinksurance abstimmen"
    Und findet die Diagnose diese Ursache

  @G04 @lesend
  Szenario: Thinksurance nimmt den Partnerzugang des con:center an und kennt das Konto mit dem vereinbarten nameTag
    Wenn sich das con:center mit seinem Partnerzugang bei Thinksurance anmeldet
    Dann findet es unter den Konten des Partners das Konto mit dem vereinbarten nameTag

  @G04 @lesend
  Szenario: Zur Haupt-E-Mail-Adresse des ams Benutzers kennt Thinksurance einen aktiven Makler mit dem b-Token
    Wenn Thinksurance nach dem Makler zur Haupt-E-Mail-Adresse des ams Benutzers gefragt wird
    Dann nennt Thinksurance einen aktiven Makler mit dem b-Token des Zielprofils

  @G05
  Szenario: Mit dem Produkt Thinksurance bietet DigiPro „Thinksurance - Gewerbeplattform“ an
    Angenommen alles ist nach dem Leitfaden eingerichtet
    Wenn der ams Benutzer die Kundenmaske von "Müller & Söhne Bau GmbH" öffnet
    Und DigiPro anklickt
    Dann bietet DigiPro das Produkt "Thinksurance - Gewerbeplattform" an

  @G05 @lesend
  Szenario: Der con:center Benutzer des ams Benutzers verfügt über das Produkt Thinksurance
    Dann bietet con:center dem con:center Benutzer des ams Benutzers das Produkt "Thinksurance - Gewerbeplattform" an

  @G05 @fehlerbild @nur_fake
  Szenario: Produkt fehlt unter DigiPro, wenn der con:center Benutzer das Produkt Thinksurance nicht hat
    Symptom: Produkt fehlt unter DigiPro
    Suchbegriffe: Produkt nicht in DigiPro, Thinksurance nicht angeboten, Gewerbeplattform fehlt
    Code: CC_PRODUKT_NICHT_FREIGESCHALTET
    Ursache: concenter-produkt
    Angenommen der con:center Benutzer des ams Benutzers verfügt nicht über das Produkt "Thinksurance"
    Und alles ist nach dem Leitfaden eingerichtet
    Wenn der ams Benutzer die Kundenmaske von "Müller & Söhne Bau GmbH" öffnet
    Und DigiPro anklickt
    Dann bietet DigiPro das Produkt "Thinksurance - Gewerbeplattform" nicht an
    Und findet die Diagnose diese Ursache

  @G06
  Szenariogrundriss: Mit der Rolle „<rolle>“ kommen die Kundendaten an
    Angenommen alles ist nach dem Leitfaden eingerichtet
    Und der ams Benutzer hat in der assfinet cloud die Rolle "<rolle>"
    Wenn der ams Benutzer für "Müller & Söhne Bau GmbH" über DigiPro das Produkt "Thinksurance - Gewerbeplattform" wählt
    Dann öffnet sich Thinksurance mit den Kundendaten von "Müller & Söhne Bau GmbH"

    Beispiele:
      | rolle         |
      | Benutzer      |
      | Administrator |

  @G06 @fehlerbild
  Szenario: Thinksurance öffnet sich ohne Kundendaten, wenn der ams Benutzer in der cloud nur Gast ist
    Symptom: Thinksurance öffnet sich, aber ohne Kundendaten
    Suchbegriffe: Kundendaten fehlen, leeres Formular, keine Vorbelegung, Kunde nicht übernommen
    Code: TAA_ROLLE_UNZUREICHEND
    Ursache: cloud-rolle
    Angenommen alles ist nach dem Leitfaden eingerichtet
    Und der ams Benutzer hat in der assfinet cloud die Rolle "Gast"
    Wenn der ams Benutzer für "Müller & Söhne Bau GmbH" über DigiPro das Produkt "Thinksurance - Gewerbeplattform" wählt
    Dann öffnet sich Thinksurance ohne Kundendaten
    Und nennt das Absprung-Protokoll des con:center im Schritt "Kundendaten aus der cloud lesen" den Grund "nötig ist mindestens „Benutzer“"
    Und findet die Diagnose diese Ursache
