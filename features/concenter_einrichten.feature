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
    Ursache: Beim Produktgeber Thinksurance fehlt der btoken.
    Behebung: Den btoken von Thinksurance beim Produktgeber Thinksurance des con:center Benutzers hinterlegen.
    Code: CC_BTOKEN_FEHLT
    Prüfung: btoken-fehlt
    Angenommen alles ist nach dem Leitfaden eingerichtet, außer "btoken"
    Wenn der ams Benutzer für "Müller & Söhne Bau GmbH" über DigiPro das Produkt "Thinksurance - Gewerbeplattform" wählt
    Dann scheitert der Absprung, und con:center zeigt "kein btoken hinterlegt"
    Und nennt das Absprung-Protokoll des con:center im Schritt "Produktgeber-Einstellungen" den Grund "kein btoken"
    Und findet die Diagnose diese Ursache

  @G15 @fehlerbild
  Szenario: Der Absprung scheitert, wenn ein falscher btoken hinterlegt ist
    Symptom: Der Absprung scheitert mit einer Meldung des con:center
    Suchbegriffe: Absprung geht nicht, Fehlermeldung beim Absprung, Thinksurance öffnet sich nicht, btoken ungültig, b-Token unbekannt
    Ursache: Der hinterlegte btoken ist bei Thinksurance unbekannt (Tippfehler, anderer Makler, anderer Partner).
    Behebung: Den btoken genau so hinterlegen, wie Thinksurance ihn mitgeteilt hat.
    Code: TS_BROKER_TOKEN_UNGUELTIG
    Prüfung: btoken-falsch
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
    Ursache: Beim Produktgeber Thinksurance fehlt der Collaboration API Token.
    Behebung: Den vermerkten AccessToken als Collaboration API Token hinterlegen.
    Code: CC_COLLABORATION_TOKEN_FEHLT
    Prüfung: collaboration-token-fehlt
    Angenommen alles ist nach dem Leitfaden eingerichtet, außer "Collaboration API Token"
    Wenn der ams Benutzer für "Müller & Söhne Bau GmbH" über DigiPro das Produkt "Thinksurance - Gewerbeplattform" wählt
    Dann öffnet sich Thinksurance ohne Kundendaten
    Und nennt das Absprung-Protokoll des con:center im Schritt "Kundendaten aus der cloud lesen" den Grund "kein Collaboration API Token"
    Und findet die Diagnose diese Ursache

  @G15 @fehlerbild
  Szenario: Thinksurance öffnet sich ohne Kundendaten, wenn ein falscher Collaboration API Token hinterlegt ist
    Symptom: Thinksurance öffnet sich, aber ohne Kundendaten
    Suchbegriffe: Kundendaten fehlen, leeres Formular, keine Vorbelegung, Kunde nicht übernommen, Token ungültig, AccessToken ungültig
    Ursache: Als Collaboration API Token steht nicht der AccessToken aus „assfinet api“.
    Behebung: Den vermerkten AccessToken hinterlegen; ist er verloren, einen neuen Token hinzufügen.
    Code: TAA_TOKEN_UNGUELTIG
    Prüfung: collaboration-token-falsch
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
