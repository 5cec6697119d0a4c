"""What the checks read, each thing once: the ams user, the Bestand, the Produktgeber settings …

Only reading calls. An answer a check cannot use (no such interface on a real system, access
refused, unexpected form) becomes ``NichtLesbar``; the check then says ``nicht_pruefbar``. A
system that cannot be reached or answers too slowly stops the diagnosis (``NoAnswer``, exit code 4).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any, Callable, TypeVar

from basis.kundenfelder import Kundendaten
from basis.leitfaden import PRODUKTGEBER
from basis.secret import Secret

from ..clients import RemoteError
from ..errors import AbsprungError, NoAnswer
from ..systems import Systems

T = TypeVar("T")


class NichtLesbar(AbsprungError):
    """A system gave no usable answer to a reading call; the message says what it answered."""


class Eingabefehler(AbsprungError):
    """The user or customer to diagnose does not exist: nothing to diagnose (exit code 4)."""


def lesen(aufruf: Callable[[], T], was: str) -> T:
    try:
        return aufruf()
    except NoAnswer:
        raise
    except RemoteError as f:
        raise NichtLesbar(f"{was}: {f.system} antwortet „{f.message}“ ({f.code}).") from None


@dataclass
class Kontext:
    systems: Systems
    benutzer: str  # ams Kürzel
    kunde: str  # Kundennummer

    @property
    def bestand_id(self) -> str:
        return self.systems.world.bestand

    @cached_property
    def ams_benutzer(self) -> dict[str, Any]:
        try:
            return self.systems.ams.benutzer(self.benutzer)
        except NoAnswer:
            raise
        except RemoteError as f:
            raise Eingabefehler(f"Den ams Benutzer „{self.benutzer}“ kann die Diagnose nicht lesen: {f.message} "
                                f"({f.code}).") from None

    @cached_property
    def kundenmaske(self) -> Kundendaten:
        try:
            return self.systems.ams.kundenmaske(self.benutzer, self.kunde)
        except NoAnswer:
            raise
        except RemoteError as f:
            raise Eingabefehler(f"Den Kunden „{self.kunde}“ kann die Diagnose in ams.5 nicht lesen: {f.message} "
                                f"({f.code}).") from None

    @cached_property
    def konto(self) -> dict[str, Any] | None:
        """The ams user's cloud Konto for the target's Bestand."""
        konten = self.ams_benutzer.get("cloud_konten") or []
        return next((k for k in konten if k.get("bestand") == self.bestand_id), None)

    @property
    def cloud_benutzer(self) -> str | None:
        return self.konto.get("cloud_benutzer") if self.konto else None

    @property
    def haupt_email(self) -> str:
        return str(self.ams_benutzer.get("haupt_email") or "")

    @property
    def concenter_benutzer(self) -> str:
        return str(self.ams_benutzer.get("concenter_benutzer") or self.systems.world.concenter_benutzer)

    @cached_property
    def digipro(self) -> list[str]:
        return lesen(lambda: self.systems.ams.digipro(self.benutzer, self.kunde), "DigiPro")

    @cached_property
    def concenter_produkte(self) -> list[str]:
        passwort = self.systems.world.concenter_passwort
        if passwort is None:
            raise NichtLesbar("Ohne das Passwort des con:center Benutzers (Zielprofil [geheimnisse] "
                              "concenter_passwort) ist die Produktberechtigung nicht lesbar.")
        return lesen(lambda: self.systems.concenter.produktfreischaltungen(self.concenter_benutzer, passwort),
                     "Produktberechtigungen des con:center Benutzers")

    @cached_property
    def produktgeber(self) -> dict[str, Any]:
        return lesen(lambda: self.systems.concenter.produktgeber_einstellungen(self.concenter_benutzer, PRODUKTGEBER),
                     "Produktgeber Thinksurance")

    def maske(self, feld: str) -> str:
        """How con:center shows a stored secret (first and last characters), "" if it does not."""
        masken = self.produktgeber.get("maskiert")
        return str(masken.get(feld) or "") if isinstance(masken, dict) else ""

    @cached_property
    def bestand(self) -> dict[str, Any]:
        return lesen(lambda: self.systems.cloud.bestand(self.bestand_id), f"Bestand „{self.bestand_id}“")

    def rechte(self, email: str) -> dict[str, Any]:
        return lesen(lambda: self.systems.cloud.rechte_pruefen(self.bestand_id, email, self.kunde), "Rechte prüfen")

    @cached_property
    def cloud_kunde(self) -> Kundendaten | None:
        """The customer in the cloud; None if the cloud says it does not know him."""
        try:
            return self.systems.cloud.kunde(self.bestand_id, self.kunde)
        except NoAnswer:
            raise
        except RemoteError as f:
            if f.code == "CLOUD_KUNDE_UNBEKANNT":
                return None
            raise NichtLesbar(f"Kunde „{self.kunde}“ in der cloud: {f.system} antwortet „{f.message}“ "
                              f"({f.code}).") from None

    @cached_property
    def protokoll(self) -> list[dict[str, Any]]:
        return lesen(self.systems.concenter.protokoll, "Absprung-Protokoll")

    @cached_property
    def thinksurance(self) -> tuple[Secret, Secret | None]:
        """Partner login and the aToken of the office's account (None: no account with the
        nameTag), as con:center does it (V1.1). A refused login raises ``RemoteError``."""
        w, ts = self.systems.world, self.systems.thinksurance
        if w.thinksurance_hash is None or w.thinksurance_secret is None:
            raise NichtLesbar("Ohne den Partnerzugang des con:center (Zielprofil [geheimnisse] thinksurance_hash "
                              "und thinksurance_secret) ist Thinksurance nicht lesbar.")
        token = ts.token(w.thinksurance_hash, w.thinksurance_secret)
        return token, ts.account_token(token, w.nametag)

    def makler(self, typ: int, external_id: str) -> Secret | None:
        """Get Broker Token (read-only): the bToken Thinksurance finds, None if it finds none."""
        try:
            token, atoken = self.thinksurance
        except NoAnswer:
            raise
        except RemoteError as f:
            raise NichtLesbar(f"Anmeldung bei Thinksurance: „{f.message}“ ({f.code}).") from None
        if atoken is None:
            raise NichtLesbar(f"Unter den Konten des Partners ist keines mit dem nameTag "
                              f"„{self.systems.world.nametag}“.")
        daten = {"type": typ, "bExternalId": external_id, "bEmail": self.haupt_email,
                 "bLastName": str(self.ams_benutzer.get("name") or self.benutzer).split()[-1]}
        try:
            antwort = self.systems.thinksurance.get_broker_token(token, atoken, daten)
        except NoAnswer:
            raise
        except RemoteError as f:
            if f.code == "TS_BROKER_NICHT_GEFUNDEN" or f.status == 404:
                return None
            raise NichtLesbar(f"Get Broker Token: Thinksurance antwortet „{f.message}“ ({f.code}).") from None
        btoken = antwort.get("bToken")
        return btoken if isinstance(btoken, Secret) else None
