# language: de
Funktionalität: Anmerkungen
  Bei erstmaliger Verwendung des btoken vermerkt Thinksurance den damit verwendeten cloud Benutzer.
  Wird danach in ams der Benutzername des cloud Users geändert, verwendet Thinksurance weiter den
  ersten; der neue Benutzername (E-Mail) muss zusammen mit dem b-Token an Thinksurance gemeldet
  werden, damit Thinksurance neu zuordnet.

  @G22
  Szenario: Die erste Verwendung des btoken vermerkt den cloud Benutzer
    Angenommen alles ist nach dem Leitfaden eingerichtet
    Wenn der ams Benutzer für "Müller & Söhne Bau GmbH" über DigiPro das Produkt "Thinksurance - Gewerbeplattform" wählt
    Dann verwendet Thinksurance für den b-Token den cloud Benutzer "anna.schmidt@makler-mueller.de"

  @G22 @fehlerbild
  Szenario: Nach einer Umbenennung des cloud Benutzers verwendet Thinksurance weiter den ersten
    Symptom: Thinksurance zeigt den früheren cloud Benutzer
    Code: TS_BROKER_NICHT_GEFUNDEN
    Ursache: btoken-bindung
    Angenommen alles ist nach dem Leitfaden eingerichtet
    Und der ams Benutzer für "Müller & Söhne Bau GmbH" über DigiPro das Produkt "Thinksurance - Gewerbeplattform" wählt
    Und im cloud Konto des ams Benutzers wird der cloud Benutzername in "anna.schmidt@neu-makler.de" geändert
    Wenn der ams Benutzer für "Bäckerei Köhler e. K." über DigiPro das Produkt "Thinksurance - Gewerbeplattform" wählt
    Dann verwendet Thinksurance für den b-Token den cloud Benutzer "anna.schmidt@makler-mueller.de"

  @G23 @nur_fake
  Szenario: Nach der Neuzuordnung durch Thinksurance wird der neue cloud Benutzer verwendet
    Angenommen alles ist nach dem Leitfaden eingerichtet
    Und der ams Benutzer für "Müller & Söhne Bau GmbH" über DigiPro das Produkt "Thinksurance - Gewerbeplattform" wählt
    Und im cloud Konto des ams Benutzers wird der cloud Benutzername in "anna.schmidt@neu-makler.de" geändert
    Und der neue Benutzername "anna.schmidt@neu-makler.de" wurde zusammen mit dem b-Token an Thinksurance gemeldet und neu zugeordnet
    Wenn der ams Benutzer für "Bäckerei Köhler e. K." über DigiPro das Produkt "Thinksurance - Gewerbeplattform" wählt
    Dann verwendet Thinksurance für den b-Token den cloud Benutzer "anna.schmidt@neu-makler.de"

  @G24
  Szenario: Die Anleitung von Thinksurance (Stand 2020) ist historisch – der Absprung nutzt die API V1.1
    Angenommen alles ist nach dem Leitfaden eingerichtet
    Wenn der ams Benutzer für "Müller & Söhne Bau GmbH" über DigiPro das Produkt "Thinksurance - Gewerbeplattform" wählt
    Dann nennt das Absprung-Protokoll des con:center für den Schritt "Broker Forward" die Schnittstelle "V1.1 POST /api/ipn/brokers/forward"
    Und gibt auch die V1-Anmeldung der Anleitung von 2020 noch einen Security-Token, wie V1.1 für 15 Minuten
