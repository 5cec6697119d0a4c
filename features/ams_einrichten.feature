# language: de
Funktionalität: Anpassung in ams einrichten
  Beim ams Benutzer wird bei den cloud Konten „Maklerextranet aktivieren“ angehakt, und die
  Produktfreischaltungen werden aktualisiert.

  @G16 @fehlerbild
  Szenario: Thinksurance öffnet sich ohne Kundendaten, wenn „Maklerextranet aktivieren“ fehlt
    Symptom: Thinksurance öffnet sich, aber ohne Kundendaten
    Suchbegriffe: Kundendaten fehlen, leeres Formular, keine Vorbelegung, Kunde nicht übernommen
    Code: CC_KEIN_CLOUD_BENUTZER
    Ursache: maklerextranet
    Angenommen alles ist nach dem Leitfaden eingerichtet, außer "Maklerextranet aktivieren"
    Wenn der ams Benutzer für "Müller & Söhne Bau GmbH" über DigiPro das Produkt "Thinksurance - Gewerbeplattform" wählt
    Dann öffnet sich Thinksurance ohne Kundendaten
    Und nennt das Absprung-Protokoll des con:center im Schritt "Kundendaten aus der cloud lesen" den Grund "Maklerextranet aktivieren"
    Und findet die Diagnose diese Ursache

  @G17 @fehlerbild @nur_fake
  Szenario: Produkt fehlt unter DigiPro, solange die Produktfreischaltungen nicht aktualisiert sind
    Symptom: Produkt fehlt unter DigiPro
    Suchbegriffe: Produkt nicht in DigiPro, Thinksurance nicht angeboten, Gewerbeplattform fehlt
    Code: AMS_PRODUKT_NICHT_IN_DIGIPRO
    Ursache: produktfreischaltungen
    Angenommen der con:center Benutzer des ams Benutzers verfügt nicht über das Produkt "Thinksurance"
    Und alles ist nach dem Leitfaden eingerichtet
    Und der assfinet Support schaltet dem con:center Benutzer das Produkt "Thinksurance" frei
    Wenn der ams Benutzer die Kundenmaske von "Müller & Söhne Bau GmbH" öffnet
    Und DigiPro anklickt
    Dann bietet DigiPro das Produkt "Thinksurance - Gewerbeplattform" nicht an
    Und findet die Diagnose diese Ursache

  @G17 @nur_fake
  Szenario: Nach dem Aktualisieren der Produktfreischaltungen bietet DigiPro das Produkt an
    Angenommen der con:center Benutzer des ams Benutzers verfügt nicht über das Produkt "Thinksurance"
    Und alles ist nach dem Leitfaden eingerichtet
    Und der assfinet Support schaltet dem con:center Benutzer das Produkt "Thinksurance" frei
    Und die Produktfreischaltungen des ams Benutzers sind aktualisiert
    Wenn der ams Benutzer die Kundenmaske von "Müller & Söhne Bau GmbH" öffnet
    Und DigiPro anklickt
    Dann bietet DigiPro das Produkt "Thinksurance - Gewerbeplattform" an

  @G16 @lesend
  Szenario: Beim cloud Konto des ams Benutzers ist „Maklerextranet aktivieren“ angehakt
    Angenommen die Einrichtung nach dem Leitfaden liegt vor
    Dann ist beim cloud Konto des ams Benutzers "Maklerextranet aktivieren" angehakt
