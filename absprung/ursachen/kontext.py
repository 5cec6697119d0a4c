"""What the checks read, each thing once: the ams user, the Bestand, the Produktgeber settings …

Only reading calls. An answer a check cannot use (no such interface on a real system, access
refused, unexpected form) becomes ``NichtLesbar``; the check then says ``nicht_pruefbar``. A
system that cannot be reached or answers too slowly stops the diagnosis (``NoAnswer``, exit code 4) –
unless a person is there to answer (``gefuehrt``): then it counts as not readable, like ams.5, which as a
desktop program has no interface at a real customer's. What the other checks need from ams.5 (the
Haupt-E-Mail, the cloud and con:center users) then comes from the person (``angaben``), proposed from the
profile's [welt].
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


# An ams.5 that knows its users and customers says so with these codes: a wrong input, not an unreadable system.
UNBEKANNT = frozenset({"AMS_BENUTZER_UNBEKANNT", "AMS_KUNDE_UNBEKANNT"})
# What the checks need from ams.5, for a person to give where it cannot be read: (question, proposal from [welt]).
ANGABEN = {"haupt_email": "Welche Haupt-E-Mail-Adresse steht beim ams Benutzer (Organisation → Benutzer)?",
           "cloud_benutzer": "Welcher cloud Benutzer steht beim cloud Konto des ams Benutzers?",
           "concenter_benutzer": "Welcher con:center Benutzer gehört zum ams Benutzer?"}


@dataclass
class Kontext:
    systems: Systems
    benutzer: str  # ams Kürzel
    kunde: str  # Kundennummer
    # A person answers where nothing can be read: (name, question, proposal) -> their answer ("" = unknown).
    angabe: Callable[[str, str, str], str] | None = None
    ursache_gefunden: bool = False  # set by the chain: from then on nobody is asked any more

    @property
    def gefuehrt(self) -> bool:
        return self.angabe is not None

    @property
    def bestand_id(self) -> str:
        return self.systems.world.bestand

    def _nicht_lesbar(self, was: str, f: RemoteError) -> NichtLesbar:
        if isinstance(f, NoAnswer):
            return NichtLesbar(f"{was}: {f.message}")
        return NichtLesbar(f"{was}: {f.system} antwortet „{f.message}“ ({f.code}).")

    def _lesen(self, aufruf: Callable[[], T], was: str) -> T:
        """A reading call; a refusal is not readable – and guided, so is a system that does not answer."""
        try:
            return aufruf()
        except NoAnswer as f:
            if not self.gefuehrt:
                raise
            raise self._nicht_lesbar(was, f) from None
        except RemoteError as f:
            raise self._nicht_lesbar(was, f) from None

    @cached_property
    def _ams(self) -> tuple[dict[str, Any], Kundendaten] | NichtLesbar:
        """ams.5's user and customer, each read once; guided, why ams.5 cannot be read. An unknown user or
        customer, or (unguided) an ams.5 that cannot be read, stops the diagnosis (``Eingabefehler``)."""
        gelesen: list[Any] = []
        for was, lies in ((f"den ams Benutzer „{self.benutzer}“", lambda: self.systems.ams.benutzer(self.benutzer)),
                          (f"den Kunden „{self.kunde}“ in ams.5",
                           lambda: self.systems.ams.kundenmaske(self.benutzer, self.kunde))):
            try:
                gelesen.append(lies())
            except NoAnswer as f:
                if not self.gefuehrt:
                    raise
                return self._nicht_lesbar("ams.5", f)
            except RemoteError as f:
                if f.code in UNBEKANNT or not self.gefuehrt:
                    raise Eingabefehler(f"{was[0].upper()}{was[1:]} kann die Diagnose nicht lesen: {f.message} "
                                        f"({f.code}).") from None
                return self._nicht_lesbar("ams.5", f)
        return gelesen[0], gelesen[1]

    @property
    def ams_lesbar(self) -> NichtLesbar | None:
        """None if ams.5 answers for the user and customer, else why not (guided only)."""
        return self._ams if isinstance(self._ams, NichtLesbar) else None

    @property
    def ams_benutzer(self) -> dict[str, Any]:
        if isinstance(self._ams, NichtLesbar):
            raise self._ams
        return self._ams[0]

    @property
    def kundenmaske(self) -> Kundendaten:
        if isinstance(self._ams, NichtLesbar):
            raise self._ams
        return self._ams[1]

    @cached_property
    def konto(self) -> dict[str, Any] | None:
        """The ams user's cloud Konto for the target's Bestand."""
        konten = self.ams_benutzer.get("cloud_konten") or []
        return next((k for k in konten if k.get("bestand") == self.bestand_id), None)

    @property
    def maklerextranet_angehakt(self) -> bool:
        """Is „Maklerextranet aktivieren“ ticked? Where ams.5 cannot be read, the person's answer to its check
        came before: a "nein" is already the cause, so here it counts as ticked."""
        if self.ams_lesbar is not None:
            return True
        return bool((self.konto or {}).get("maklerextranet"))

    def _von_der_person(self, name: str, vorschlag: str) -> str:
        """Asked while the cause is still open; once it is found, the proposal stands (nobody is asked)."""
        assert self.angabe is not None
        if self.ursache_gefunden:
            return vorschlag
        return self.angabe(name, ANGABEN[name], vorschlag).strip()

    @cached_property
    def cloud_benutzer(self) -> str | None:
        if self.ams_lesbar is not None:
            return self._von_der_person("cloud_benutzer", self.systems.world.haupt_email) or None
        return self.konto.get("cloud_benutzer") if self.konto else None

    @cached_property
    def haupt_email(self) -> str:
        if self.ams_lesbar is not None:
            return self._von_der_person("haupt_email", self.systems.world.haupt_email)
        return str(self.ams_benutzer.get("haupt_email") or "")

    @cached_property
    def concenter_benutzer(self) -> str:
        if self.ams_lesbar is not None:
            return self._von_der_person("concenter_benutzer", self.systems.world.concenter_benutzer) or \
                self.systems.world.concenter_benutzer
        return str(self.ams_benutzer.get("concenter_benutzer") or self.systems.world.concenter_benutzer)

    @cached_property
    def digipro(self) -> list[str]:
        if self.ams_lesbar is not None:
            raise self.ams_lesbar
        return self._lesen(lambda: self.systems.ams.digipro(self.benutzer, self.kunde), "DigiPro")

    @cached_property
    def concenter_produkte(self) -> list[str]:
        passwort = self.systems.world.concenter_passwort
        if passwort is None:
            raise NichtLesbar("Ohne das Passwort des con:center Benutzers (Zielprofil [geheimnisse] "
                              "concenter_passwort) ist die Produktberechtigung nicht lesbar.")
        return self._lesen(lambda: self.systems.concenter.produktfreischaltungen(self.concenter_benutzer, passwort),
                           "Produktberechtigungen des con:center Benutzers")

    @cached_property
    def produktgeber(self) -> dict[str, Any]:
        return self._lesen(lambda: self.systems.concenter.produktgeber_einstellungen(self.concenter_benutzer,
                                                                                     PRODUKTGEBER),
                           "Produktgeber Thinksurance")

    def maske(self, feld: str) -> str:
        """How con:center shows a stored secret (first and last characters), "" if it does not."""
        masken = self.produktgeber.get("maskiert")
        return str(masken.get(feld) or "") if isinstance(masken, dict) else ""

    @cached_property
    def bestand(self) -> dict[str, Any]:
        return self._lesen(lambda: self.systems.cloud.bestand(self.bestand_id), f"Bestand „{self.bestand_id}“")

    def rechte(self, email: str) -> dict[str, Any]:
        return self._lesen(lambda: self.systems.cloud.rechte_pruefen(self.bestand_id, email, self.kunde),
                           "Rechte prüfen")

    @cached_property
    def cloud_kunde(self) -> Kundendaten | None:
        """The customer in the cloud; None if the cloud says it does not know him."""
        try:
            return self.systems.cloud.kunde(self.bestand_id, self.kunde)
        except NoAnswer as f:
            if not self.gefuehrt:
                raise
            raise self._nicht_lesbar(f"Kunde „{self.kunde}“ in der cloud", f) from None
        except RemoteError as f:
            if f.code == "CLOUD_KUNDE_UNBEKANNT":
                return None
            raise NichtLesbar(f"Kunde „{self.kunde}“ in der cloud: {f.system} antwortet „{f.message}“ "
                              f"({f.code}).") from None

    @cached_property
    def protokoll(self) -> list[dict[str, Any]]:
        return self._lesen(self.systems.concenter.protokoll, "Absprung-Protokoll")

    @cached_property
    def thinksurance(self) -> tuple[Secret, Secret | None]:
        """Partner login and the aToken of the office's account (None: no account with the
        nameTag), as con:center does it (V1.1). A refused login raises ``RemoteError``."""
        w, ts = self.systems.world, self.systems.thinksurance
        if w.thinksurance_hash is None or w.thinksurance_secret is None:
            raise NichtLesbar("Ohne den Partnerzugang des con:center (Zielprofil [geheimnisse] thinksurance_hash "
                              "und thinksurance_secret) ist Thinksurance nicht lesbar.")
        try:
            token = ts.token(w.thinksurance_hash, w.thinksurance_secret)
            return token, ts.account_token(token, w.nametag)
        except NoAnswer as f:
            if not self.gefuehrt:
                raise
            raise self._nicht_lesbar("Thinksurance", f) from None

    def makler(self, typ: int, external_id: str) -> Secret | None:
        """Get Broker Token (read-only): the bToken Thinksurance finds, None if it finds none."""
        try:
            token, atoken = self.thinksurance
        except NoAnswer as f:
            if not self.gefuehrt:
                raise
            raise self._nicht_lesbar("Thinksurance", f) from None
        except RemoteError as f:
            raise NichtLesbar(f"Anmeldung bei Thinksurance: „{f.message}“ ({f.code}).") from None
        if atoken is None:
            raise NichtLesbar(f"Unter den Konten des Partners ist keines mit dem nameTag "
                              f"„{self.systems.world.nametag}“.")
        name = self.benutzer if self.ams_lesbar is not None else str(self.ams_benutzer.get("name") or self.benutzer)
        daten = {"type": typ, "bExternalId": external_id, "bEmail": self.haupt_email,
                 "bLastName": name.split()[-1]}
        try:
            antwort = self.systems.thinksurance.get_broker_token(token, atoken, daten)
        except NoAnswer as f:
            if not self.gefuehrt:
                raise
            raise self._nicht_lesbar("Get Broker Token", f) from None
        except RemoteError as f:
            if f.code == "TS_BROKER_NICHT_GEFUNDEN" or f.status == 404:
                return None
            raise NichtLesbar(f"Get Broker Token: Thinksurance antwortet „{f.message}“ ({f.code}).") from None
        btoken = antwort.get("bToken")
        return btoken if isinstance(btoken, Secret) else None
