"""Put a landscape back to a Stand: remove what a scenario created, undo what it changed.

Every change goes through the systems' own interfaces, as a person would make it in assfinet drive,
con:center and ams.5. A Freischaltung the scenario deleted comes back with the same content (and a new
id); a stored secret comes back only where the target profile names it and it matches the mask shown
before. What cannot be put back – a deleted or revoked token, a secret the profile does not name – is
listed in German, never skipped silently.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Callable

from basis.leitfaden import PRODUKT, PRODUKTGEBER, RECHT
from basis.secret import Secret
from basis.systeme import TITEL

from ..clients import NoAnswer, RemoteError
from ..systems import Systems
from ..ursachen.masken import passt
from . import stand as st
from .stand import AmsStand, CloudStand, ConcenterStand, Stand

# The profile's secret each Produktgeber value is restored from.
GEHEIMNIS_FUER = {"collaboration_api_token": "access_token", "btoken": "btoken"}
KURZ = 16  # values shorter than this show no characters in their mask (assumption A20)


@dataclass
class Bilanz:
    """Per system: what the scenario had created (removed again), what it had changed (put back), what
    could not be put back, and how many objects nobody in this run created were left alone."""

    angelegt: Counter[str] = field(default_factory=Counter)
    geaendert: Counter[str] = field(default_factory=Counter)
    offen: dict[str, list[str]] = field(default_factory=dict)
    belassen: Counter[str] = field(default_factory=Counter)

    def nicht_moeglich(self, system: str, text: str) -> None:
        self.offen.setdefault(system, []).append(text)

    def to_json(self) -> dict[str, Any]:
        systeme = sorted(set(self.angelegt) | set(self.geaendert) | set(self.offen) | set(self.belassen))
        return {s: {"angelegt": self.angelegt[s], "geaendert": self.geaendert[s], "offen": self.offen.get(s, []),
                    "belassen": self.belassen[s]} for s in systeme}

    def __bool__(self) -> bool:
        return bool(self.angelegt or self.geaendert or self.offen)


def herstellen(s: Systems, soll: Stand, angelegt: list[tuple[str, str]]) -> Bilanz:
    """Bring the systems of ``soll`` back to it; of what is there now and was not before, only what
    ``angelegt`` lists (what the scenario created) is removed – somebody else's object stays. A system
    that does not answer (``NoAnswer``) stops it: then nothing is known, and the journal must stay."""
    bilanz = Bilanz()
    eigene = set(angelegt)
    if soll.cloud is not None:
        _cloud(s, soll.cloud, eigene, bilanz)
    if soll.concenter is not None:
        _concenter(s, soll.concenter, bilanz)
    if soll.ams is not None:
        _ams(s, soll.ams, eigene, bilanz)
    return bilanz


def _versuch(bilanz: Bilanz, system: str, was: str, aufruf: Callable[..., object], *args: Any) -> bool:
    """One change; a refusal is noted as "not restorable", a missing answer is raised."""
    try:
        aufruf(*args)
    except NoAnswer:
        raise
    except RemoteError as f:
        bilanz.nicht_moeglich(system, f"{was}: {f.message} ({f.code})")
        return False
    return True


def _aendern(bilanz: Bilanz, system: str, was: str, aufruf: Callable[..., object], *args: Any,
             anzahl: int = 1) -> None:
    """One change (of ``anzahl`` values), counted where it went through."""
    if _versuch(bilanz, system, was, aufruf, *args):
        bilanz.geaendert[system] += anzahl


def _reihenfolge(soll: list[str], ist: list[str], weg: Callable[[str], object], dazu: Callable[[str], object],
                 bilanz: Bilanz, system: str, was: str) -> None:
    """The same entries in the order of before: the interfaces append, so from the first place the orders
    differ the entries come off and go on again. Only where nobody else's entry is among them."""
    if ist == soll or sorted(ist) != sorted(soll):
        return
    ab = next(i for i, (a, b) in enumerate(zip(ist, soll, strict=False)) if a != b)
    for e in ist[ab:]:
        if not _versuch(bilanz, system, f"{was}: Reihenfolge", weg, e):
            return
    for e in soll[ab:]:
        _versuch(bilanz, system, f"{was}: Reihenfolge", dazu, e)
    bilanz.geaendert[system] += 1


def _cloud(s: Systems, soll: CloudStand, eigene: set[tuple[str, str]], bilanz: Bilanz) -> None:
    c, b, n = s.cloud, s.world.bestand, "cloud"
    ist = st.cloud_lesen(s)

    geaendert = partial(_aendern, bilanz, n)

    def entfernen(art: str, schluessel: str, was: str, aufruf: Callable[..., object], *args: Any) -> None:
        if (art, schluessel) in eigene:
            _entfernt(bilanz, n, was, aufruf, *args)
        else:
            bilanz.belassen[n] += 1

    for feature in sorted(set(soll.features) ^ set(ist.features)):
        geaendert(f"Feature „{feature}“", c.feature_setzen, b, feature, feature in soll.features)
    for email, rolle in soll.benutzer.items():
        if email not in ist.benutzer:
            geaendert(f"Benutzer „{email}“", c.benutzer_anlegen, b, email, rolle)
        elif ist.benutzer[email] != rolle:
            geaendert(f"Rolle von „{email}“", c.rolle_aendern, b, email, rolle)
    for name in soll.concenter:
        if name not in ist.concenter:
            geaendert(f"con:center Benutzer „{name}“", c.concenter_benutzer_hinterlegen, b, name)
    for name in ist.concenter:
        if name not in soll.concenter:
            entfernen("cloud.concenter", name, f"con:center Benutzer „{name}“", c.concenter_benutzer_entfernen, b,
                      name)
    _reihenfolge(soll.concenter, st.cloud_lesen(s).concenter, lambda x: c.concenter_benutzer_entfernen(b, x),
                 lambda x: c.concenter_benutzer_hinterlegen(b, x), bilanz, n, "Allgemein → con:center")

    # Freischaltungen: the deleted ones again (same content, new id), then who they are shared with.
    neue_id: dict[str, str] = {}
    for fid, f in soll.freischaltungen.items():
        if fid not in ist.freischaltungen:
            neu = _freischaltung_anlegen(s, f, bilanz)
            if neu is not None:
                neue_id[fid] = neu
                bilanz.geaendert[n] += 1
            continue
        vorher, nun = f, ist.freischaltungen[fid]
        for email in [e for e in vorher["geteilt_mit"] if e not in nun["geteilt_mit"]]:
            geaendert(f"Freischaltung „{f['name']}“ geteilt mit {email}", c.geteilt_mit_hinzufuegen, b, fid, email)
        for email in [e for e in nun["geteilt_mit"] if e not in vorher["geteilt_mit"]]:
            geaendert(f"Freischaltung „{f['name']}“ nicht mehr geteilt mit {email}",
                      c.geteilt_mit_entfernen, b, fid, email)
        _reihenfolge(vorher["geteilt_mit"], st.cloud_lesen(s).freischaltungen[fid]["geteilt_mit"],
                     partial(c.geteilt_mit_entfernen, b, fid), partial(c.geteilt_mit_hinzufuegen, b, fid), bilanz, n,
                     f"Freischaltung „{f['name']}“")
        anders = [k for k in ("art", "name", "kunden", "vermittler", "sachbearbeiter", "herkunft")
                  if vorher.get(k) != nun.get(k)]
        if anders:
            bilanz.nicht_moeglich(n, f"Freischaltung „{f['name']}“: {', '.join(anders)} geändert – das lässt "
                                     "sich in assfinet drive nicht zurückändern.")
    jetzt = st.cloud_lesen(s)
    soll_haupt = {e: neue_id.get(fid, fid) for e, fid in soll.hauptfreischaltung().items()}
    ist_haupt = jetzt.hauptfreischaltung()
    for email in sorted(set(soll_haupt) | set(ist_haupt)):
        gewollt = soll_haupt.get(email)
        if gewollt == ist_haupt.get(email) or email not in jetzt.benutzer:
            continue
        if gewollt is None:
            geaendert(f"Hauptfreischaltung von „{email}“", c.hauptfreischaltung_aufheben, b, email)
        else:
            geaendert(f"Hauptfreischaltung von „{email}“", c.hauptfreischaltung_festlegen, b, gewollt, email)
    for fid in jetzt.freischaltungen:
        if fid not in soll.freischaltungen and fid not in neue_id.values():
            entfernen("cloud.freischaltung", fid, f"Freischaltung {fid}", c.freischaltung_loeschen, b, fid)

    for email in soll.mitarbeiterzugriff:
        if email not in jetzt.mitarbeiterzugriff:
            geaendert(f"Mitarbeiterzugriff für „{email}“", c.mitarbeiterzugriff_eintragen, b, email)
    for email in jetzt.mitarbeiterzugriff:
        if email not in soll.mitarbeiterzugriff:
            geaendert(f"Mitarbeiterzugriff für „{email}“", c.mitarbeiterzugriff_austragen, b, email)
    _reihenfolge(soll.mitarbeiterzugriff, st.cloud_lesen(s).mitarbeiterzugriff,
                 lambda e: c.mitarbeiterzugriff_austragen(b, e), lambda e: c.mitarbeiterzugriff_eintragen(b, e),
                 bilanz, n, "Mitarbeiterzugriff")

    for tid in ist.tokens:
        if tid not in soll.tokens:
            entfernen("cloud.token", tid, f"Token {tid}", c.token_loeschen, b, tid)
    for tid, t in soll.tokens.items():
        if tid not in ist.tokens:
            bilanz.nicht_moeglich(n, f"Der Token „{t['name']}“ ({tid}) wurde gelöscht; seinen AccessToken gibt es "
                                     "nicht mehr.")
        elif ist.tokens[tid]["widerrufen"] and not t["widerrufen"]:
            bilanz.nicht_moeglich(n, f"Der Token „{t['name']}“ ({tid}) wurde widerrufen; das lässt sich nicht "
                                     "zurücknehmen.")

    ams_kunden = {k.kundennummer for k in s.ams.kunden()}
    for nr, abdruck in soll.kunden.items():
        if ist.kunden.get(nr) == abdruck:
            continue
        if nr in ams_kunden:  # replicated again from the office, as ams.5 does it
            geaendert(f"Kunde {nr}", s.ams.kunde_replizieren, s.world.ams_benutzer, nr)
        else:
            bilanz.nicht_moeglich(n, f"Kunde {nr}: in der cloud verändert, und ams.5 kennt ihn nicht.")
    for nr in ist.kunden:
        if nr not in soll.kunden:
            entfernen("cloud.kunde", nr, f"Kunde {nr}", c.kunde_entfernen, b, nr)
    for email in ist.benutzer:
        if email not in soll.benutzer:
            entfernen("cloud.benutzer", email, f"Benutzer „{email}“", c.benutzer_entfernen, b, email)


def _entfernt(bilanz: Bilanz, system: str, was: str, aufruf: Callable[..., object], *args: Any) -> None:
    if _versuch(bilanz, system, was, aufruf, *args):
        bilanz.angelegt[system] += 1


def _freischaltung_anlegen(s: Systems, f: dict[str, Any], bilanz: Bilanz) -> str | None:
    b, c = s.world.bestand, s.cloud
    try:
        if f["art"] == "kunde":
            neu = c.kundenfreischaltung_anlegen(b, name=f["name"], kunden=f["kunden"], geteilt_mit=f["geteilt_mit"],
                                                hauptfreischaltung=False, herkunft=f["herkunft"])
        else:
            neu = c.vm_freischaltung_anlegen(b, name=f["name"], geteilt_mit=f["geteilt_mit"],
                                             sachbearbeiter=f["sachbearbeiter"], hauptfreischaltung=False,
                                             vermittler=f["vermittler"], herkunft=f["herkunft"])
    except RemoteError as fehler:
        bilanz.nicht_moeglich("cloud", f"Freischaltung „{f['name']}“ neu anlegen: {fehler.message} ({fehler.code})")
        return None
    return str(neu["id"])


def _concenter(s: Systems, soll: ConcenterStand, bilanz: Bilanz) -> None:
    w, n = s.world, "concenter"
    ist = st.concenter_lesen(s)
    werte: dict[str, Secret | str] = {}
    for feld in st.FELDER:
        if ist.produktgeber.get(feld) == soll.produktgeber.get(feld):
            continue
        maske = soll.produktgeber.get(feld, "")
        if not maske:
            werte[feld] = ""
            continue
        geheimnis: Secret | None = getattr(w, GEHEIMNIS_FUER[feld])
        if geheimnis is None or not _passt(maske, geheimnis.reveal()):
            bilanz.nicht_moeglich(n, f"Produktgeber {PRODUKTGEBER}: den vorher hinterlegten Wert „{feld}“ nennt das "
                                     f"Zielprofil nicht ([geheimnisse] {GEHEIMNIS_FUER[feld]}).")
            continue
        werte[feld] = geheimnis
    if werte:
        if w.concenter_passwort is None:
            bilanz.nicht_moeglich(n, "Ohne [geheimnisse] concenter_passwort lassen sich die Produktgeber-Werte nicht "
                                     "zurückschreiben.")
        else:
            _aendern(bilanz, n, f"Produktgeber {PRODUKTGEBER}", _schreiben, s, werte, w.concenter_passwort,
                     anzahl=len(werte))
    vorher, jetzt = soll.produkte, ist.produkte
    if vorher is not None and jetzt is not None and (PRODUKT in vorher) != (PRODUKT in jetzt):
        _aendern(bilanz, n, f"Produkt „{PRODUKT}“", s.concenter.produkt_freischalten, w.concenter_benutzer, RECHT,
                 PRODUKT in vorher)


def _schreiben(s: Systems, werte: dict[str, Secret | str], passwort: Secret) -> None:
    s.concenter.produktgeber_einstellungen_aendern(s.world.concenter_benutzer, PRODUKTGEBER, werte, passwort=passwort)


def _passt(maske: str, wert: str) -> bool:
    """Was the value behind the mask this one? A mask without characters hides a short value."""
    sieht = passt(maske, wert)
    return len(wert) < KURZ if sieht is None else sieht


def _ams(s: Systems, soll: AmsStand, eigene: set[tuple[str, str]], bilanz: Bilanz) -> None:
    a, k, n = s.ams, s.world.ams_benutzer, "ams"
    ist = st.ams_lesen(s)

    geaendert = partial(_aendern, bilanz, n)

    if ist.haupt_email != soll.haupt_email:
        geaendert("Haupt-E-Mail", a.haupt_email_aendern, k, soll.haupt_email)
    if soll.cloud_benutzer and ist.cloud_benutzer != soll.cloud_benutzer:
        geaendert("cloud Benutzername", a.cloud_benutzername_aendern, k, str(soll.cloud_benutzer))
    if soll.maklerextranet is not None and ist.maklerextranet != soll.maklerextranet:
        geaendert("Maklerextranet aktivieren", a.maklerextranet_setzen, k, bool(soll.maklerextranet))
    for nr in ist.kunden:
        if nr in soll.kunden:
            continue
        if ("ams.kunde", nr) in eigene:
            _entfernt(bilanz, n, f"Kunde {nr}", a.kunde_loeschen, nr)
        else:
            bilanz.belassen[n] += 1
    for nr in soll.kunden:
        if nr not in ist.kunden:
            bilanz.nicht_moeglich(n, f"Der Kunde {nr} wurde in ams.5 gelöscht.")
    if ist.produktfreischaltungen != soll.produktfreischaltungen:
        geaendert("Produktfreischaltungen", a.produktfreischaltungen_aktualisieren, k)
        if st.ams_lesen(s).produktfreischaltungen != soll.produktfreischaltungen:
            bilanz.nicht_moeglich(n, "Die Produktfreischaltungen von ams.5 zeigen nach dem Aktualisieren andere "
                                     "Produkte als vorher (con:center hat sie geändert).")


def zeile(system: str, zahlen: dict[str, Any]) -> str:
    """One German line of the run's summary for a system."""
    teile = [f"{zahlen['angelegt']} angelegt und wieder entfernt", f"{zahlen['geaendert']} geändert und zurückgesetzt"]
    if zahlen.get("belassen"):
        teile.append(f"{zahlen['belassen']} nicht von diesem Lauf angelegt und belassen")
    offen = zahlen.get("offen") or []
    ende = "alles wiederhergestellt" if not offen else f"{len(offen)} nicht wiederhergestellt: {'; '.join(offen[:3])}"
    return f"{TITEL[system]}: {', '.join(teile)} – {ende}"
