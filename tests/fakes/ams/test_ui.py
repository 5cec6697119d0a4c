"""ams.5 pages as a trainee uses them: one form on the user page, a clean header."""

from __future__ import annotations

from basis import demo
from tests.fakes.inprocess import PLATZHALTER, AsgiClient, fake_app

SEITE = f"/organisation/benutzer/{demo.AMS_KUERZEL}"


def test_haken_bleibt_beim_aktualisieren_der_produktfreischaltungen() -> None:
    """Ticking "Maklerextranet aktivieren" and then pressing the other button loses nothing."""
    with AsgiClient(fake_app("ams", PLATZHALTER)) as http:
        seite = http.post(SEITE, data={"haupt_email": demo.MITARBEITER_EMAIL, "cloud_konto": demo.BESTAND,
                                       "cloud_benutzer": demo.MITARBEITER_EMAIL, "maklerextranet": "on",
                                       "aktion": "aktualisieren"})
        # con:center is not reachable here: the refresh fails, but the tick is already saved
        assert "con:center" in seite.content.decode()
        konto = http.get(f"/api/benutzer/{demo.AMS_KUERZEL}").json()["cloud_konten"][0]
        assert konto["maklerextranet"] is True
        assert seite.content.decode().count("<form") == 1


def test_haupt_email_aendern_und_pruefen() -> None:
    with AsgiClient(fake_app("ams", PLATZHALTER)) as http:
        ok = http.post(SEITE, data={"haupt_email": "neu@makler-mueller.de", "aktion": "speichern"})
        assert ok.status_code == 200 and "gespeichert" in ok.content.decode()
        assert http.get(f"/api/benutzer/{demo.AMS_KUERZEL}").json()["haupt_email"] == "neu@makler-mueller.de"
        falsch = http.post(SEITE, data={"haupt_email": "kein at", "aktion": "speichern"})
        assert falsch.status_code == 400 and "keine gültige E-Mail-Adresse" in falsch.content.decode()


def test_kopfzeile_der_anmeldung_zeigt_keine_rohdaten() -> None:
    with AsgiClient(fake_app("ams", PLATZHALTER)) as http:
        text = http.get("/").content.decode()
        assert "Angemeldet:" not in text and "{&#39;" not in text and "[{" not in text
        assert f'<option value="{demo.AMS_KUERZEL}">' in text
