"""assfinet cloud: Freischaltungen and Mitarbeiterzugriff (G11–G13), mixed into ``Cloud``.

Who may read which customer: the rules behind "Szenario mit Kundenfreischaltung" and the
recommended "Vermittlerfreischaltung und Mitarbeiterzugriff".
"""

from __future__ import annotations

from fakes.common.errors import Kind, rule
from fakes.common.state import FakeState

from .daten import HERKUENFTE, ROLLEN_MIT_DATENZUGRIFF, Bestand, Freischaltung, Kunde, Rechte

S = "cloud"

MITARBEITERZUGRIFF_FEHLT = rule(
    S, "CLOUD_FEATURE_MITARBEITERZUGRIFF_FEHLT", "Der Bestand verfügt nicht über das Feature „Mitarbeiterzugriff“.",
    Kind.FORBIDDEN, source="leitfaden", guide=("G03",))
VM_FREISCHALTUNGEN_FEHLT = rule(
    S, "CLOUD_FEATURE_VERMITTLERFREISCHALTUNGEN_FEHLT",
    "Der Bestand verfügt nicht über das Feature „Vermittlerfreischaltungen“; eine "
    "VM-Freischaltung kann nicht angelegt werden.", Kind.FORBIDDEN, source="leitfaden", guide=("G03",))
FREISCHALTUNG_UNBEKANNT = rule(S, "CLOUD_FREISCHALTUNG_UNBEKANNT", "Die Freischaltung „{id}“ gibt es nicht.",
                               Kind.NOT_FOUND)
FREISCHALTUNG_OHNE_KUNDEN = rule(S, "CLOUD_FREISCHALTUNG_OHNE_KUNDEN",
                                 "Eine Kundenfreischaltung braucht mindestens einen Kunden.")
FREISCHALTUNG_NICHT_GETEILT = rule(
    S, "CLOUD_FREISCHALTUNG_NICHT_GETEILT",
    "Die Freischaltung „{name}“ ist nicht mit „{email}“ geteilt; sie kann für diesen Benutzer "
    "keine Hauptfreischaltung sein.", source="annahme", guide=("G12", "G13"))
SACHBEARBEITER_UNGUELTIG = rule(
    S, "CLOUD_SACHBEARBEITER_UNGUELTIG",
    "Als Sachbearbeiter ist nur ein Benutzer mit der Rolle Administrator oder Benutzer möglich "
    "(z. B. cloudtransfer); „{email}“ ist das nicht.", source="assfinet-doku", guide=("G13",))
HERKUNFT_UNGUELTIG = rule(S, "CLOUD_HERKUNFT_UNGUELTIG", "Die Herkunft „{herkunft}“ gibt es nicht.")


class Freischaltungen(FakeState):
    """The Freischaltung operations of ``Cloud``, which provides the lookups stubbed here."""

    def bestand(self, bestand_id: str) -> Bestand:
        raise NotImplementedError  # provided by Cloud

    def kunde(self, bestand_id: str, kundennummer: str) -> Kunde:
        raise NotImplementedError  # provided by Cloud

    def _benutzer(self, b: Bestand, email: str) -> str:
        raise NotImplementedError  # provided by Cloud

    def _vermittler_pruefen(self, b: Bestand, vermittler: str) -> None:
        raise NotImplementedError  # provided by Cloud

    def _neue_id(self, praefix: str) -> str:
        raise NotImplementedError  # provided by Cloud

    def kundenfreischaltung_anlegen(self, bestand_id: str, *, name: str, kunden: list[str],
                                    geteilt_mit: list[str], hauptfreischaltung: bool = False,
                                    herkunft: str = "cloud") -> Freischaltung:
        b = self.bestand(bestand_id)
        if not kunden:
            raise FREISCHALTUNG_OHNE_KUNDEN.refuse()
        for k in kunden:
            self.kunde(bestand_id, k)
        return self._freischaltung_speichern(
            b, Freischaltung(self._neue_id("F"), "kunde", name, list(geteilt_mit), kunden=list(kunden),
                             herkunft=herkunft), hauptfreischaltung)

    def vm_freischaltung_anlegen(self, bestand_id: str, *, name: str, geteilt_mit: list[str],
                                 sachbearbeiter: str, vermittler: str | None = None,
                                 hauptfreischaltung: bool = False, herkunft: str = "cloud") -> Freischaltung:
        b = self.bestand(bestand_id)
        if "Vermittlerfreischaltungen" not in b.features:
            raise VM_FREISCHALTUNGEN_FEHLT.refuse()
        if vermittler is not None:
            self._vermittler_pruefen(b, vermittler)
        self.sachbearbeiter_pruefen(b, sachbearbeiter)
        return self._freischaltung_speichern(
            b, Freischaltung(self._neue_id("F"), "vermittler", name, list(geteilt_mit), vermittler=vermittler,
                             sachbearbeiter=sachbearbeiter, herkunft=herkunft), hauptfreischaltung)

    @staticmethod
    def sachbearbeiter_pruefen(b: Bestand, email: str) -> None:
        # assfinet KB: selectable Sachbearbeiter are users with role Administrator or Benutzer.
        if b.benutzer.get(email) not in ROLLEN_MIT_DATENZUGRIFF:
            raise SACHBEARBEITER_UNGUELTIG.refuse(email=email)

    def _freischaltung_speichern(self, b: Bestand, f: Freischaltung, haupt: bool) -> Freischaltung:
        if f.herkunft not in HERKUENFTE:
            raise HERKUNFT_UNGUELTIG.refuse(herkunft=f.herkunft)
        for email in f.geteilt_mit:
            self._benutzer(b, email)
        b.freischaltungen[f.id] = f
        if haupt:
            for email in f.geteilt_mit:
                b.hauptfreischaltung[email] = f.id
        return f

    def hauptfreischaltung_festlegen(self, bestand_id: str, freischaltung_id: str, email: str) -> None:
        b = self.bestand(bestand_id)
        f = self._freischaltung(b, freischaltung_id)
        if email not in f.geteilt_mit:
            raise FREISCHALTUNG_NICHT_GETEILT.refuse(name=f.name, email=email)
        b.hauptfreischaltung[email] = f.id

    def geteilt_mit_hinzufuegen(self, bestand_id: str, freischaltung_id: str, email: str) -> None:
        b = self.bestand(bestand_id)
        f = self._freischaltung(b, freischaltung_id)
        self._benutzer(b, email)
        if email not in f.geteilt_mit:
            f.geteilt_mit.append(email)

    @staticmethod
    def _freischaltung(b: Bestand, freischaltung_id: str) -> Freischaltung:
        if freischaltung_id not in b.freischaltungen:
            raise FREISCHALTUNG_UNBEKANNT.refuse(id=freischaltung_id)
        return b.freischaltungen[freischaltung_id]

    def mitarbeiterzugriff_eintragen(self, bestand_id: str, email: str) -> list[str]:
        b = self.bestand(bestand_id)
        if "Mitarbeiterzugriff" not in b.features:
            raise MITARBEITERZUGRIFF_FEHLT.refuse()
        self._benutzer(b, email)
        if email not in b.mitarbeiterzugriff:
            b.mitarbeiterzugriff.append(email)
        return b.mitarbeiterzugriff

    def umfasst(self, b: Bestand, email: str, kunde: Kunde) -> bool:
        """Does the user's Hauptfreischaltung cover this customer?"""
        return self.rechte(b, email, kunde).umfasst

    @staticmethod
    def rechte(b: Bestand, email: str, kunde: Kunde) -> Rechte:
        """What the user's Freischaltungen give for this customer, with the first reason against it.

        Assumption: only the main Freischaltung grants rights; a VM-Freischaltung without
        Vermittler grants the whole Bestand only to users on the Mitarbeiterzugriff list.
        """
        f = b.freischaltungen.get(b.hauptfreischaltung.get(email, ""))
        if f is None or email not in f.geteilt_mit:
            geteilt = [x for x in b.freischaltungen.values() if email in x.geteilt_mit]
            return Rechte("nicht-haupt" if geteilt else "nicht-geteilt" if b.freischaltungen else "keine")
        if f.art == "kunde":
            return Rechte("ok" if kunde.kundennummer in f.kunden else "kunde-fehlt", f.name)
        if "Vermittlerfreischaltungen" not in b.features:
            return Rechte("vm-feature-fehlt", f.name)
        if f.vermittler is not None:
            return Rechte("ok" if kunde.vermittler == f.vermittler else "vermittler-fehlt", f.name)
        ok = "Mitarbeiterzugriff" in b.features and email in b.mitarbeiterzugriff
        return Rechte("ok" if ok else "mitarbeiterzugriff-fehlt", f.name)

    def rechte_pruefen(self, bestand_id: str, email: str, kundennummer: str) -> Rechte:
        """assfinet drive → Freischaltungen → Rechte prüfen: read-only, for support."""
        b = self.bestand(bestand_id)
        self._benutzer(b, email)
        return self.rechte(b, email, self.kunde(bestand_id, kundennummer))
