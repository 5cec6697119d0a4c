"""The guide's setup steps, one function each, with the guide's values as defaults.

Steps, tools and tests perform the setup through these functions, so the guide's conventions
(token name "Thinksurance", Zweck TaaData, Sachbearbeiter cloudtransfer …) live in one place.
"""

from __future__ import annotations

from typing import Any

from .secret import Secret
from .systems import Systems

TOKEN_NAME = "Thinksurance"
ZWECK = "TaaData"
VM_FREISCHALTUNG = "Thinksurance"
SACHBEARBEITER = "cloudtransfer"
PRODUKTGEBER = "Thinksurance"
PRODUKT = "Thinksurance - Gewerbeplattform"


def concenter_benutzer_hinterlegen(s: Systems, name: str | None = None) -> list[str]:
    """Cloud einrichten 1: assfinet drive → Allgemein → con:center (G07)."""
    return s.cloud.concenter_benutzer_hinterlegen(s.world.bestand, name or s.world.concenter_benutzer)


def token_hinzufuegen(s: Systems, *, name: str = TOKEN_NAME, zweck: str = ZWECK,
                      concenter_benutzer: str | None = None) -> dict[str, Any]:
    """Cloud einrichten 2–4: assfinet api → Token; the answer holds the AccessToken (G08–G10)."""
    return s.cloud.token_hinzufuegen(s.world.bestand, name=name, zweck=zweck,
                                     concenter_benutzer=concenter_benutzer or s.world.concenter_benutzer)


def mitarbeiterzugriff_eintragen(s: Systems, email: str | None = None) -> list[str]:
    return s.cloud.mitarbeiterzugriff_eintragen(s.world.bestand, email or s.world.haupt_email)


def vm_freischaltung_anlegen(s: Systems, *, name: str = VM_FREISCHALTUNG, geteilt_mit: str | None = None,
                             hauptfreischaltung: bool = True, sachbearbeiter: str = SACHBEARBEITER,
                             vermittler: str | None = None) -> dict[str, Any]:
    """Empfohlenes Szenario (G13)."""
    return s.cloud.vm_freischaltung_anlegen(
        s.world.bestand, name=name, geteilt_mit=[geteilt_mit or s.world.haupt_email],
        sachbearbeiter=sachbearbeiter, hauptfreischaltung=hauptfreischaltung, vermittler=vermittler)


def kundenfreischaltung_anlegen(s: Systems, *, kunden: list[str], name: str = "Thinksurance",
                                geteilt_mit: str | None = None, hauptfreischaltung: bool = True) -> dict[str, Any]:
    """Szenario mit Kundenfreischaltung (G12)."""
    return s.cloud.kundenfreischaltung_anlegen(
        s.world.bestand, name=name, kunden=kunden, geteilt_mit=[geteilt_mit or s.world.haupt_email],
        hauptfreischaltung=hauptfreischaltung)


def produktgeber_hinterlegen(s: Systems, *, collaboration_api_token: Secret | str | None,
                             btoken: Secret | str | None = None, benutzer: str | None = None) -> dict[str, Any]:
    """con:center einrichten: Produktgeber Thinksurance → Collaboration API Token, btoken (G14, G15)."""
    return s.concenter.produktgeber_einstellungen_speichern(
        benutzer or s.world.concenter_benutzer, PRODUKTGEBER,
        {"collaboration_api_token": collaboration_api_token or "",
         "btoken": s.world.geheimnis("btoken") if btoken is None else btoken})


def maklerextranet_aktivieren(s: Systems, aktiv: bool = True, kuerzel: str | None = None) -> dict[str, Any]:
    """ams einrichten: cloud Konten → „Maklerextranet aktivieren“ (G16)."""
    return s.ams.maklerextranet_setzen(kuerzel or s.world.ams_benutzer, aktiv)


def produktfreischaltungen_aktualisieren(s: Systems, kuerzel: str | None = None) -> list[str]:
    """ams einrichten: Produktfreischaltungen aktualisieren (G17)."""
    return s.ams.produktfreischaltungen_aktualisieren(kuerzel or s.world.ams_benutzer)


# The guide's steps by the names scenarios use to leave one out ("alles außer …").
AUSLASSBAR = ("con:center Benutzer hinterlegen", "Token hinzufügen", "Mitarbeiterzugriff",
              "VM-Freischaltung", "Hauptfreischaltung", "Collaboration API Token", "btoken",
              "Maklerextranet aktivieren", "Produktfreischaltungen aktualisieren")


def vollstaendig_einrichten(s: Systems, *, freischaltung: str = "empfohlen", kunden: list[str] | None = None,
                            ausser: frozenset[str] = frozenset(), zweck: str = ZWECK) -> Secret | None:
    """The whole guide in order, optionally leaving out named steps; returns the noted AccessToken.

    ``freischaltung`` is "empfohlen" (VM-Freischaltung + Mitarbeiterzugriff) or "kunde"
    (Kundenfreischaltung for ``kunden``, default all customers of the office).
    """
    unbekannt = set(ausser) - set(AUSLASSBAR)
    if unbekannt:
        raise ValueError(f"Unbekannte Schritte: {', '.join(sorted(unbekannt))}; möglich: {', '.join(AUSLASSBAR)}")
    if "con:center Benutzer hinterlegen" not in ausser:
        concenter_benutzer_hinterlegen(s)
    access_token: Secret | None = None
    if "Token hinzufügen" not in ausser:
        access_token = token_hinzufuegen(s, zweck=zweck)["access_token"]
    haupt = "Hauptfreischaltung" not in ausser
    if freischaltung == "empfohlen":
        if "Mitarbeiterzugriff" not in ausser:
            mitarbeiterzugriff_eintragen(s)
        if "VM-Freischaltung" not in ausser:
            vm_freischaltung_anlegen(s, hauptfreischaltung=haupt)
    else:
        kundenfreischaltung_anlegen(s, kunden=kunden or [nr for _, nr in s.world.kunden], hauptfreischaltung=haupt)
    produktgeber_hinterlegen(
        s, collaboration_api_token=None if "Collaboration API Token" in ausser else access_token,
        btoken="" if "btoken" in ausser else None)
    if "Maklerextranet aktivieren" not in ausser:
        maklerextranet_aktivieren(s)
    if "Produktfreischaltungen aktualisieren" not in ausser:
        produktfreischaltungen_aktualisieren(s)
    return access_token
