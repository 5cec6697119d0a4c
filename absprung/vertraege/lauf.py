"""Running a contract case against a system: placeholders filled from the target, the answer's shape.

Placeholders in paths, headers and bodies: ``{{hash}}``, ``{{secret}}``, ``{{token}}`` (a fresh V1.1
security token), ``{{aToken}}`` (of the account with the target's nameTag), ``{{bToken}}``,
``{{bEmail}}`` (the Haupt-E-Mail), ``{{bExternalId}}`` (the cloud user), ``{{bLastName}}``,
``{{neu}}`` (unique per run) and ``{{falsch}}`` (a value no system knows). Secrets stay ``Secret``
up to the wire and never appear in a report.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass, field
from typing import Any

from basis.secret import Secret, reveal
from basis.ziel import World

from ..clients import RemoteError, ThinksuranceClient
from ..clients.base import Client
from ..errors import AbsprungError, NoAnswer
from .form import beliebige, form_von
from .modell import Fall

PLATZHALTER = re.compile(r"\{\{(\w+)\}\}")
FALSCH = "vertrag-unbekannt-0000"


class NichtPruefbar(AbsprungError):
    """A case needs something the target does not have (a secret, an account); it is skipped."""


@dataclass
class Beobachtung:
    status: int
    inhalt: str
    form: dict[str, str]


@dataclass
class Werte:
    """The placeholders' values for one target, each made once (a login, the account lookup)."""

    welt: World
    basis_url: str
    _cache: dict[str, Any] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Any:
        if name not in self._cache:
            self._cache[name] = self._machen(name)
        return self._cache[name]

    def _machen(self, name: str) -> Any:
        w = self.welt
        einfach = {"bEmail": w.haupt_email, "bExternalId": w.haupt_email, "bLastName": "Vertragsprüfung",
                   "neu": f"vertrag-{uuid.uuid4().hex[:10]}", "falsch": FALSCH}
        if name in einfach:
            return einfach[name]
        geheim = {"hash": "thinksurance_hash", "secret": "thinksurance_secret", "bToken": "btoken"}
        if name in geheim:
            wert = getattr(w, geheim[name])
            if wert is None:
                raise NichtPruefbar(f"Das Zielprofil nennt kein „{geheim[name]}“.")
            return wert
        ts = ThinksuranceClient(base_url=self.basis_url)
        try:
            if name == "token":
                return ts.token(self["hash"], self["secret"])
            if name == "aToken":
                atoken = ts.account_token(self["token"], w.nametag)
                if atoken is None:
                    raise NichtPruefbar(f"Unter den Konten des Partners ist keines mit dem nameTag „{w.nametag}“.")
                return atoken
        except NoAnswer:
            raise
        except RemoteError as f:
            raise NichtPruefbar(f"Anmeldung für den Vertrag gescheitert: {f.message} ({f.code}).") from None
        finally:
            ts.close()
        raise NichtPruefbar(f"Unbekannter Platzhalter {{{{{name}}}}}.")


def einsetzen(vorlage: Any, werte: Werte) -> Any:
    """The template with every placeholder filled; a string that is one placeholder keeps its type."""
    if isinstance(vorlage, dict):
        return {k: einsetzen(v, werte) for k, v in vorlage.items()}
    if isinstance(vorlage, list):
        return [einsetzen(v, werte) for v in vorlage]
    if not isinstance(vorlage, str):
        return vorlage
    ganz = PLATZHALTER.fullmatch(vorlage)
    if ganz:
        return werte[ganz[1]]
    teile = [(m, werte[m[1]]) for m in PLATZHALTER.finditer(vorlage)]
    text = PLATZHALTER.sub(lambda m: reveal(werte[m[1]]) if isinstance(werte[m[1]], Secret) else str(werte[m[1]]),
                           vorlage)
    return Secret(text) if any(isinstance(w, Secret) for _, w in teile) else text


def ausfuehren(fall: Fall, client: Client, werte: Werte) -> Beobachtung:
    a = fall.anfrage
    pfad = einsetzen(a.pfad, werte)
    antwort = client.request(a.methode, reveal(pfad) if isinstance(pfad, Secret) else pfad,
                             json_body=einsetzen(a.koerper, werte), headers=einsetzen(a.kopfzeilen, werte))
    inhalt = antwort.headers.get("content-type", "")
    try:
        daten = antwort.json() if antwort.content else None
    except (ValueError, json.JSONDecodeError):
        daten = None
    form = form_von(daten, beliebig=beliebige(fall.antwort)) if daten is not None else {}
    return Beobachtung(antwort.status_code, inhalt.split(";")[0].strip(), form)
