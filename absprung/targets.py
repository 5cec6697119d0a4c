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
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from fakes import demo

from .errors import ProfileError

SYSTEMS = ("cloud", "concenter", "ams", "thinksurance")
EMBEDDED = "eingebettet"


@dataclass(frozen=True)
class World:
    """The broker office the scenarios work with (the demo office of the fakes by default)."""

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
        bekannt = ", ".join(f"„{name}“" for name, _ in self.kunden) or "keine"
        raise ProfileError(f"Den Kunden „{firma}“ kennt das Ziel nicht (bekannt: {bekannt}); im Zielprofil unter "
                           "[welt.kunden] ergänzen.")


SECRETS = ("btoken", "btoken_kollege", "thinksurance_hash", "thinksurance_secret", "atoken", "concenter_passwort")


@dataclass(frozen=True)
class Target:
    name: str
    urls: dict[str, str]  # system -> base URL, or EMBEDDED before the fakes are started
    writes_allowed: bool = True
    world: World = field(default_factory=World)
    # The remote systems are fakes started elsewhere (`python -m fakes`): reset per scenario.
    control: bool = False
    # Systems served by the embedded fakes (kept after their URLs are filled in).
    embedded: frozenset[str] = frozenset()

    @property
    def controllable(self) -> frozenset[str]:
        """Systems with the fakes' control API: reset to the seed before every scenario."""
        return frozenset(SYSTEMS) if self.control else self.embedded

    def with_fake_urls(self, fake_urls: dict[str, str]) -> Target:
        return replace(self, urls={s: fake_urls[s] if s in self.embedded else u for s, u in self.urls.items()})


def embedded_fakes() -> Target:
    return Target("eingebettete Fakes", {s: EMBEDDED for s in SYSTEMS}, embedded=frozenset(SYSTEMS))


def load_profile(path: str | Path, environment: dict[str, str] | None = None) -> Target:
    environment = dict(os.environ) if environment is None else environment
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ProfileError(f"Das Zielprofil „{path}“ gibt es nicht.") from None
    except tomllib.TOMLDecodeError as f:
        raise ProfileError(f"Das Zielprofil „{path}“ ist kein gültiges TOML: {f}") from None
    urls = data.get("urls") or {}
    missing = [s for s in SYSTEMS if not urls.get(s)]
    if missing:
        raise ProfileError(f"Im Zielprofil „{path}“ fehlt unter [urls] die Adresse für: {', '.join(missing)} "
                           f"(eine URL oder „{EMBEDDED}“).")
    world: dict[str, Any] = dict(data.get("welt") or {})
    unknown = set(world) - {f.name for f in fields(World)} | (set(world) & set(SECRETS))
    if unknown:
        raise ProfileError(f"Im Zielprofil „{path}“ sind unter [welt] nicht erlaubt: {', '.join(sorted(unknown))} "
                           "(Geheimnisse gehören unter [geheimnisse] als Name einer Umgebungsvariablen).")
    if "kunden" in world:
        world["kunden"] = tuple((k, v) for k, v in dict(world["kunden"]).items())
    for name, variable in (data.get("geheimnisse") or {}).items():
        if name not in SECRETS:
            raise ProfileError(f"Im Zielprofil „{path}“ ist „{name}“ unter [geheimnisse] unbekannt.")
        if not environment.get(variable):
            raise ProfileError(f"Zielprofil „{path}“: Die Umgebungsvariable {variable} für „{name}“ ist "
                               "nicht gesetzt, und es gibt keinen Standardwert.")
        world[name] = environment[variable]
    return Target(name=str(data.get("name") or path.stem), urls={s: str(urls[s]).rstrip("/") for s in SYSTEMS},
                  writes_allowed=bool(data.get("schreiben_erlaubt", False)), world=World(**world),
                  control=bool(data.get("steuerung", False)),
                  embedded=frozenset(s for s in SYSTEMS if urls[s] == EMBEDDED))
