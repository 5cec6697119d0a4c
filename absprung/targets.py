"""Targets: where the scenarios run. Default: the embedded fakes. Otherwise a profile file.

A profile (TOML) names a base URL per system — or ``"eingebettet"`` for an embedded fake, which
makes mixed targets possible (e.g. a real Thinksurance test system, the other three faked) —
the identifiers of the broker office to use, and the *names* of the environment variables that
hold its secrets. Secrets never live in the file. Missing values stop the run before the first
step, with a German message naming what is missing::

    name = "staging"
    schreiben_erlaubt = false          # without it, scenarios that change data are skipped
    steuerung = false                  # true only for fakes started elsewhere (reset per scenario)
    [urls]
    cloud = "https://cloud.example"
    concenter = "https://concenter.example"
    ams = "https://ams.example"
    thinksurance = "eingebettet"
    [welt]                             # optional; defaults are the demo office of the fakes
    bestand = "MB-100234"
    [geheimnisse]                      # environment variable names
    btoken = "ABSPRUNG_BTOKEN"
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from fakes import demo

SYSTEME = ("cloud", "concenter", "ams", "thinksurance")
EINGEBETTET = "eingebettet"


class ProfilFehler(Exception):
    """A target profile is unusable; the message says why, in German."""


@dataclass(frozen=True)
class Welt:
    """The broker office the scenarios work with (demo office of the fakes by default)."""

    bestand: str = demo.BESTAND
    ams_benutzer: str = demo.AMS_KUERZEL
    ams_kollege: str = demo.AMS_KOLLEGE_KUERZEL
    haupt_email: str = demo.MITARBEITER_EMAIL
    kollege_email: str = demo.KOLLEGE_EMAIL
    gast_email: str = demo.GAST_EMAIL
    concenter_benutzer: str = demo.CONCENTER_BENUTZER
    concenter_kollege: str = demo.CONCENTER_KOLLEGE
    concenter_passwort: str = field(default=demo.CONCENTER_PASSWORT, repr=False)
    btoken: str = field(default=demo.TS_BTOKEN, repr=False)
    btoken_kollege: str = field(default=demo.TS_BTOKEN_KOLLEGE, repr=False)
    thinksurance_hash: str = field(default=demo.TS_HASH, repr=False)
    thinksurance_secret: str = field(default=demo.TS_SECRET, repr=False)
    atoken: str = field(default=demo.TS_ATOKEN, repr=False)
    nametag: str = demo.TS_NAMETAG
    kunden: tuple[tuple[str, str], ...] = tuple((k["firma"], k["kundennummer"]) for k in demo.KUNDEN)

    def kundennummer(self, firma: str) -> str:
        for name, nummer in self.kunden:
            if name == firma:
                return nummer
        raise KeyError(f"Den Kunden „{firma}“ kennt das Ziel nicht.")


GEHEIME_FELDER = ("btoken", "btoken_kollege", "thinksurance_hash", "thinksurance_secret", "atoken",
                  "concenter_passwort")


@dataclass(frozen=True)
class Ziel:
    name: str
    urls: dict[str, str]  # system -> base URL, or EINGEBETTET before the fakes are started
    schreiben_erlaubt: bool = True
    welt: Welt = field(default_factory=Welt)
    # The remote systems are fakes started elsewhere (`python -m fakes`): reset per scenario.
    steuerung: bool = False
    # Systems served by the embedded fakes (kept after their URLs are filled in).
    eingebettete: frozenset[str] = frozenset()

    @property
    def steuerbar(self) -> frozenset[str]:
        """Systems with the fakes' control API: reset to the seed before every scenario."""
        return frozenset(SYSTEME) if self.steuerung else self.eingebettete

    def mit_fake_urls(self, fake_urls: dict[str, str]) -> "Ziel":
        return replace(self, urls={s: fake_urls[s] if s in self.eingebettete else u for s, u in self.urls.items()})


def eingebettete_fakes() -> Ziel:
    return Ziel("eingebettete Fakes", {s: EINGEBETTET for s in SYSTEME}, eingebettete=frozenset(SYSTEME))


def profil_laden(pfad: str | Path, umgebung: dict[str, str] | None = None) -> Ziel:
    umgebung = dict(os.environ) if umgebung is None else umgebung
    pfad = Path(pfad)
    try:
        daten = tomllib.loads(pfad.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ProfilFehler(f"Das Zielprofil „{pfad}“ gibt es nicht.") from None
    except tomllib.TOMLDecodeError as f:
        raise ProfilFehler(f"Das Zielprofil „{pfad}“ ist kein gültiges TOML: {f}") from None
    urls = daten.get("urls") or {}
    fehlend = [s for s in SYSTEME if not urls.get(s)]
    if fehlend:
        raise ProfilFehler(f"Im Zielprofil „{pfad}“ fehlt unter [urls] die Adresse für: {', '.join(fehlend)} "
                           f"(eine URL oder „{EINGEBETTET}“).")
    welt_werte: dict[str, Any] = dict(daten.get("welt") or {})
    unbekannt = set(welt_werte) - set(Welt.__dataclass_fields__) | (set(welt_werte) & set(GEHEIME_FELDER))
    if unbekannt:
        raise ProfilFehler(f"Im Zielprofil „{pfad}“ sind unter [welt] nicht erlaubt: {', '.join(sorted(unbekannt))} "
                           "(Geheimnisse gehören unter [geheimnisse] als Name einer Umgebungsvariablen).")
    if "kunden" in welt_werte:
        welt_werte["kunden"] = tuple((k, v) for k, v in dict(welt_werte["kunden"]).items())
    for feld, variable in (daten.get("geheimnisse") or {}).items():
        if feld not in GEHEIME_FELDER:
            raise ProfilFehler(f"Im Zielprofil „{pfad}“ ist „{feld}“ unter [geheimnisse] unbekannt.")
        if not umgebung.get(variable):
            raise ProfilFehler(f"Zielprofil „{pfad}“: Die Umgebungsvariable {variable} für „{feld}“ ist "
                               "nicht gesetzt, und es gibt keinen Standardwert.")
        welt_werte[feld] = umgebung[variable]
    return Ziel(name=str(daten.get("name") or pfad.stem), urls={s: str(urls[s]).rstrip("/") for s in SYSTEME},
                schreiben_erlaubt=bool(daten.get("schreiben_erlaubt", False)), welt=Welt(**welt_werte),
                steuerung=bool(daten.get("steuerung", False)),
                eingebettete=frozenset(s for s in SYSTEME if urls[s] == EINGEBETTET))
