# language: de
Funktionalität: Anpassung in con:center einrichten
  Beim con:center Benutzer des Sachbearbeiters werden die Einstellungen für den Produktgeber
  Thinksurance geöffnet und hinterlegt: Collaboration API Token (der notierte AccessToken) und
  btoken (von Thinksurance erhalten).

  @G14
  Szenario: Die Einstellungen des Produktgebers gelten je con:center Benutzer
    Angenommen alles ist nach dem Leitfaden eingerichtet
    Dann hat der con:center Benutzer "weber-cc" beim Produktgeber "Thinksurance" weder Token noch btoken

  @G15 @fehlerbild
  Szenario: Der Absprung scheitert, wenn kein btoken hinterlegt ist
    Symptom: Der Absprung scheitert mit einer Meldung des con:center
    Suchbegriffe: Absprung geht nicht, Fehlermeldung beim Absprung, Thinksurance öffnet sich nicht
    Code: CC_BTOKEN_FEHLT
    Ursache: btoken-fehlt
    Angenommen alles ist nach dem Leitfaden eingerichtet, außer "btoken"
    Wenn der ams Benutzer für "Müller & Söhne Bau GmbH" über DigiPro das Produkt "Thinksurance - Gewerbeplattform" wählt
    Dann scheitert der Absprung, und con:center zeigt "kein btoken hinterlegt"
    Und nennt das Absprung-Protokoll des con:center im Schritt "Produktgeber-Einstellungen" den Grund "kein btoken"
    Und findet die Diagnose diese Ursache

  @G15 @fehlerbild
  Szenario: Der Absprung scheitert, wenn ein falscher btoken hinterlegt ist
    Symptom: Der Absprung scheitert mit einer Meldung des con:center
    Suchbegriffe: Absprung geht nicht, Fehlermeldung beim Absprung, Thinksurance öffnet sich nicht, btoken ungültig, b-Token unbekannt
    Code: TS_BROKER_TOKEN_UNGUELTIG
    Ursache: btoken-falsch
    Angenommen alles ist nach dem Leitfaden eingerichtet
    Und beim Produktgeber "Thinksurance" ist statt des btoken von Thinksurance "btoken-mit-tippfehler" hinterlegt
    Wenn der ams Benutzer für "Müller & Söhne Bau GmbH" über DigiPro das Produkt "Thinksurance - Gewerbeplattform" wählt
    Dann scheitert der Absprung, und con:center zeigt "b-Token ist bei Thinksurance unbekannt"
    Und nennt das Absprung-Protokoll des con:center im Schritt "Broker Forward" den Grund "b-Token ist bei Thinksurance unbekannt"
    Und findet die Diagnose diese Ursache

  @G15 @fehlerbild
  Szenario: Thinksurance öffnet sich ohne Kundendaten, wenn kein Collaboration API Token hinterlegt ist
    Symptom: Thinksurance öffnet sich, aber ohne Kundendaten
    Suchbegriffe: Kundendaten fehlen, leeres Formular, keine Vorbelegung, Kunde nicht übernommen
    Code: CC_COLLABORATION_TOKEN_FEHLT
    Ursache: collaboration-token-fehlt
    Angenommen alles ist nach dem Leitfaden eingerichtet, außer "Collaboration API Token"
    Wenn der ams Benutzer für "Müller & Söhne Bau GmbH" über DigiPro das Produkt "Thinksurance - Gewerbeplattform" wählt
    Dann öffnet sich Thinksurance ohne Kundendaten
    Und nennt das Absprung-Protokoll des con:center im Schritt "Kundendaten aus der cloud lesen" den Grund "kein Collaboration API Token"
    Und findet die Diagnose diese Ursache

  @G15 @fehlerbild
  Szenario: Thinksurance öffnet sich ohne Kundendaten, wenn ein falscher Collaboration API Token hinterlegt ist
    Symptom: Thinksurance öffnet sich, aber ohne Kundendaten
    Suchbegriffe: Kundendaten fehlen, leeres Formular, keine Vorbelegung, Kunde nicht übernommen, Token ungültig, AccessToken ungültig
    Code: TAA_TOKEN_UNGUELTIG
    Ursache: collaboration-token-falsch
    Angenommen alles ist nach dem Leitfaden eingerichtet
    Und beim Produktgeber "Thinksurance" ist statt des AccessToken "aft_falsch" als Collaboration API Token hinterlegt
    Wenn der ams Benutzer für "Müller & Söhne Bau GmbH" über DigiPro das Produkt "Thinksurance - Gewerbeplattform" wählt
    Dann öffnet sich Thinksurance ohne Kundendaten
    Und nennt das Absprung-Protokoll des con:center im Schritt "Kundendaten aus der cloud lesen" den Grund "unbekannt oder wurde widerrufen"
    Und findet die Diagnose diese Ursache

  @G14 @G15 @lesend
  Szenario: Beim Produktgeber Thinksurance sind Collaboration API Token und btoken hinterlegt
    Angenommen die Einrichtung nach dem Leitfaden liegt vor
    Dann sind beim Produktgeber "Thinksurance" des con:center Benutzers Collaboration API Token und btoken hinterlegt
