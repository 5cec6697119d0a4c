"""assfinet cloud, in the order TaaData checks (assumption A07): token, features, Zweck, con:center
list, role, Freischaltung, replication (G01, G02, G06, G07, G09–G13, G21)."""

from __future__ import annotations

from typing import Any

from basis.leitfaden import ROLLEN_MIT_DATENZUGRIFF, ZWECK

from .. import masken
from ..kontext import Kontext, NichtLesbar
from ..modell import Befund, fehlt, nicht_pruefbar, ok


def _tokens(k: Kontext) -> list[dict[str, Any]]:
    return [t for t in k.bestand.get("tokens") or [] if isinstance(t, dict)]


def _verglichen(k: Kontext) -> list[dict[str, Any]] | None:
    """The tokens whose AccessToken looks like con:center's Collaboration API Token; None if the
    stored token cannot be compared (none stored, or shown without visible characters)."""
    maske = k.maske("collaboration_api_token")
    if not maske:
        return None
    vergleiche = [(t, masken.gleich(str(t.get("access_token") or ""), maske)) for t in _tokens(k)]
    if vergleiche and all(gleich is None for _, gleich in vergleiche):
        return None
    return [t for t, gleich in vergleiche if gleich]


def _token(k: Kontext) -> tuple[dict[str, Any] | None, str]:
    """The token con:center uses, and how it was found (for the hint)."""
    passend = _verglichen(k)
    if passend:
        return passend[0], "der im con:center hinterlegte"
    if passend is None:  # not comparable: the token a guide-conform setup would use
        eigene = [t for t in _tokens(k) if t.get("concenter_benutzer") == k.concenter_benutzer]
        if eigene:
            return eigene[-1], f"der neueste Token für „{k.concenter_benutzer}“"
    return None, ""


def token_passt(k: Kontext) -> Befund:
    passend = _verglichen(k)
    if passend is None:
        return nicht_pruefbar("Es ist kein vergleichbarer Collaboration API Token "
                                                            "hinterlegt.")
    if passend:
        return ok(f"entspricht dem Token „{passend[0].get('name')}“ "
                                                f"({passend[0].get('id')}).")
    return fehlt("Der hinterlegte Collaboration API Token passt zu keinem Token unter "
                                               f"„assfinet api“ des Bestands „{k.bestand_id}“.")


def widerrufen(k: Kontext) -> Befund:
    t, wie = _token(k)
    if t is None:
        return nicht_pruefbar("Kein Token zum Vergleichen gefunden.")
    if t.get("widerrufen"):
        return fehlt(f"Der Token „{t.get('name')}“ ({t.get('id')}), {wie}, wurde widerrufen.")
    return ok(f"Token „{t.get('name')}“ ({t.get('id')}) ist gültig.")


def _feature(k: Kontext, feature: str) -> Befund:
    if feature in (k.bestand.get("features") or []):
        return ok("vorhanden.")
    return fehlt(f"Dem Bestand „{k.bestand_id}“ fehlt das Feature „{feature}“.")


def api_zugriff(k: Kontext) -> Befund:
    return _feature(k, "API-Zugriff")


def concenter_taa(k: Kontext) -> Befund:
    return _feature(k, "Con:CenterTAA")


def zweck(k: Kontext) -> Befund:
    t, wie = _token(k)
    if t is None:
        return nicht_pruefbar("Kein Token zum Vergleichen gefunden.")
    if t.get("zweck") == ZWECK:
        return ok(f"„{ZWECK}“.")
    return fehlt(f"Der Token „{t.get('name')}“, {wie}, hat den Zweck „{t.get('zweck')}“ statt "
                                f"„{ZWECK}“.")


def concenter_liste(k: Kontext) -> Befund:
    t, _ = _token(k)
    name = str(t.get("concenter_benutzer")) if t else k.concenter_benutzer
    if name in (k.bestand.get("concenter") or []):
        return ok(f"„{name}“ ist hinterlegt.")
    return fehlt(f"Der con:center Benutzer „{name}“ steht nicht unter „Allgemein → con:center“.")


def rolle(k: Kontext) -> Befund:
    if not k.cloud_benutzer:
        return nicht_pruefbar("Ohne cloud Konto ist der cloud Benutzer unbekannt.")
    r = (k.bestand.get("benutzer") or {}).get(k.cloud_benutzer)
    if r in ROLLEN_MIT_DATENZUGRIFF:
        return ok(f"„{k.cloud_benutzer}“ hat die Rolle „{r}“.")
    if r is None:
        return fehlt(f"Den cloud Benutzer „{k.cloud_benutzer}“ gibt es im Bestand „{k.bestand_id}“ "
                                    "nicht.")
    return fehlt(f"Der cloud Benutzer „{k.cloud_benutzer}“ hat die Rolle „{r}“; nötig ist mindestens "
                                "„Benutzer“.")


def freischaltung(k: Kontext) -> Befund:
    """"Rechte prüfen" names the first reason against the Hauptfreischaltung; each reason is a cause of
    its own (``Ursache.rechte``)."""
    if not k.cloud_benutzer:
        return nicht_pruefbar("Ohne cloud Konto ist der cloud Benutzer unbekannt.")
    r = k.rechte(k.cloud_benutzer)
    befund = r.get("befund")
    if befund == "ok":
        return ok(f"Die Hauptfreischaltung „{r.get('hauptfreischaltung')}“ umfasst den Kunden.")
    if not isinstance(befund, str) or not befund:
        raise NichtLesbar(f"„Rechte prüfen“ antwortet unerwartet ({befund!r}).")
    return fehlt(f"Für „{k.cloud_benutzer}“ und den Kunden „{k.kunde}“: {r.get('hinweis')}", rechte=befund)


def repliziert(k: Kontext) -> Befund:
    kunde = k.cloud_kunde
    if kunde is not None and kunde.repliziert is True:
        return ok("in der assfinet cloud.")
    return fehlt(f"Der Kunde „{k.kunde}“ ist noch nicht in die assfinet cloud repliziert.")
