"""Where nothing can be read, a person answers: the guide's question of each check, in the order of the
data flow – at the terminal, or from an answers file for scripts.

An answers file (TOML) names the answers by the cause's name (as on the Fehlerbilder page) and, where
ams.5 cannot be read, what the other checks need from it::

    [antworten]
    maklerextranet = "nein"          # ja | nein | weiß nicht
    cloud-konto = "ja"
    [angaben]
    haupt_email = "anna.schmidt@makler-mueller.de"

A question the file does not answer counts as "weiß nicht"; the check stays "nicht prüfbar". Every
answer given is kept (``gegeben``) for the case file.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, TextIO

from ..errors import AbsprungError
from ..ursachen import Ursache

JA, NEIN, UNBEKANNT = "ja", "nein", "weiß nicht"
WORTE = {"ja": True, "j": True, "nein": False, "n": False, "weiß nicht": None, "weiss nicht": None, "?": None,
         "": None}


class FalscheAntwort(AbsprungError):
    """An answers file that cannot be read, or an answer that is not ja, nein or weiß nicht."""


class Antworten(Protocol):
    gegeben: dict[str, str]  # cause name -> ja | nein | weiß nicht
    angaben: dict[str, str]

    def frage(self, u: Ursache, warum: str) -> bool | None:
        """The guide's question for ``u``: True (ja), False (nein) or None (weiß nicht)."""

    def angabe(self, name: str, frage: str, vorschlag: str) -> str:
        """A fact ams.5 would have said; "" = unknown."""


def bedeutung(wort: str, wo: str) -> bool | None:
    schluessel = wort.strip().lower()
    if schluessel not in WORTE:
        raise FalscheAntwort(f"{wo}: „{wort}“ ist keine Antwort – bitte „ja“, „nein“ oder „weiß nicht“.")
    return WORTE[schluessel]


def _wort(antwort: bool | None) -> str:
    return {True: JA, False: NEIN, None: UNBEKANNT}[antwort]


@dataclass
class Datei:
    """The answers of a file (for scripts and tests)."""

    pfad: Path
    gegeben: dict[str, str] = field(default_factory=dict)
    angaben: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        try:
            daten = tomllib.loads(self.pfad.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise FalscheAntwort(f"Die Antwortdatei „{self.pfad}“ gibt es nicht.") from None
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as f:
            raise FalscheAntwort(f"Die Antwortdatei „{self.pfad}“ ist kein gültiges TOML: {f}") from None
        antworten, angaben = daten.get("antworten") or {}, daten.get("angaben") or {}
        if not isinstance(antworten, dict) or not isinstance(angaben, dict):
            raise FalscheAntwort(f"Die Antwortdatei „{self.pfad}“: [antworten] und [angaben] sind Tabellen.")
        self._antworten = {str(k): bedeutung(str(v), f"Antwort „{k}“ in {self.pfad}") for k, v in antworten.items()}
        self._angaben = {str(k): str(v) for k, v in angaben.items()}

    def frage(self, u: Ursache, warum: str) -> bool | None:
        antwort = self._antworten.get(u.name)
        self.gegeben[u.name] = _wort(antwort)
        return antwort

    def angabe(self, name: str, frage: str, vorschlag: str) -> str:
        wert = self._angaben.get(name, vorschlag)
        self.angaben[name] = wert
        return wert


@dataclass
class Terminal:
    """Asks the person at the terminal, one question at a time, with where to look."""

    eingabe: TextIO
    ausgabe: TextIO
    gegeben: dict[str, str] = field(default_factory=dict)
    angaben: dict[str, str] = field(default_factory=dict)

    def _lesen(self, aufforderung: str) -> str:
        print(aufforderung, end="", file=self.ausgabe, flush=True)
        zeile = self.eingabe.readline()
        if not zeile:  # end of input: nobody there to answer any more
            return ""
        return zeile.rstrip("\n")

    def frage(self, u: Ursache, warum: str) -> bool | None:
        print(f"\n  Nicht lesbar: {warum}", file=self.ausgabe)
        print(f"  Frage: {u.frage}\n  Von Hand: {u.pfad}", file=self.ausgabe)
        while True:
            wort = self._lesen("  Antwort (ja / nein / weiß nicht): ")
            try:
                antwort = bedeutung(wort, "Antwort")
                break
            except FalscheAntwort as f:
                print(f"  {f}", file=self.ausgabe)
        self.gegeben[u.name] = _wort(antwort)
        return antwort

    def angabe(self, name: str, frage: str, vorschlag: str) -> str:
        wert = self._lesen(f"\n  {frage} [{vorschlag}]: ").strip() or vorschlag
        self.angaben[name] = wert
        return wert
