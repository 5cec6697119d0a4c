"""Targets: where the scenarios run – and which systems ``python -m fakes --ziel`` serves. Default: the
embedded fakes. Otherwise a profile file.

A profile (TOML) names per system a base URL — or ``"eingebettet"`` for a fake embedded in the
run, which makes every landscape possible (e.g. a real Thinksurance test system, the other three
faked) — the identifiers of the broker office, the *names* of the environment variables that
hold its secrets, and optionally the labels of a real Gewerbeplattform. Secrets never live in
the file. Missing values stop the run before the first step, with a German message::

    name = "staging"
    schreiben_erlaubt = false          # without it, scenarios that change data are skipped
    steuerung = false                  # true only for fakes started elsewhere (reset per scenario)
    steuerung_passwort = "FAKES_TRAINER_PASSWORT"   # only for such fakes started with --host or --plaetze
    [urls]
    cloud = "https://cloud.example"
    concenter = "https://concenter.example"
    ams = "https://ams.example"
    thinksurance = "eingebettet"
    [welt]                             # optional; defaults are the demo office of the fakes
    bestand = "MB-100234"
    [geheimnisse]                      # environment variable names
    btoken = "ABSPRUNG_BTOKEN"
    [plattform]                        # optional: labels of a real Gewerbeplattform
    titel = "Thinksurance – Gewerbeplattform"
    [plattform.felder]
    Firma = "Firmenname"

A secret the profile does not name takes the demo value of the fakes only where a fake will
answer: its system is embedded, or the profile's systems are fakes started elsewhere
(``steuerung = true``). Otherwise it is absent, and a step that needs it is skipped with a reason.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from . import demo
from .errors import MissingSecret, ProfileError
from .plattform import Plattform
from .secret import Secret
from .systeme import GEHEIMNIS_SYSTEM, NAMEN, TITEL

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
    nametag: str = demo.TS_NAMETAG
    kunden: tuple[tuple[str, str], ...] = tuple((k["firma"], k["kundennummer"]) for k in demo.KUNDEN)
    pruefkunde: str = demo.KUNDEN[0]["firma"]  # the customer read-only checks read
    # Secrets; None = the profile does not name it and no fake would accept the demo value.
    concenter_passwort: Secret | None = Secret(demo.GEHEIMNISSE["concenter_passwort"])
    btoken: Secret | None = Secret(demo.GEHEIMNISSE["btoken"])
    btoken_kollege: Secret | None = Secret(demo.GEHEIMNISSE["btoken_kollege"])
    thinksurance_hash: Secret | None = Secret(demo.GEHEIMNISSE["thinksurance_hash"])
    thinksurance_secret: Secret | None = Secret(demo.GEHEIMNISSE["thinksurance_secret"])
    atoken: Secret | None = Secret(demo.GEHEIMNISSE["atoken"])
    access_token: Secret | None = None  # the noted AccessToken (G10): created by the setup on fakes

    def geheimnis(self, name: str) -> Secret:
        """A secret the step needs; without it the scenario is skipped with the reason."""
        value = getattr(self, name)
        if value is None and name in demo.GEHEIMNISSE:
            raise MissingSecret(f"Das Zielprofil nennt unter [geheimnisse] kein „{name}“, und gegen ein echtes "
                                f"{TITEL[GEHEIMNIS_SYSTEM[name]]} gilt kein Demo-Wert.")
        if value is None:
            raise MissingSecret(f"Das Zielprofil nennt unter [geheimnisse] kein „{name}“, und dieser Lauf richtet "
                                f"{TITEL[GEHEIMNIS_SYSTEM[name]]} nicht selbst ein.")
        assert isinstance(value, Secret)
        return value

    def kundennummer(self, firma: str) -> str:
        for name, nummer in self.kunden:
            if name == firma:
                return nummer
        bekannt = ", ".join(f"„{name}“" for name, _ in self.kunden) or "keine"
        raise ProfileError(f"Den Kunden „{firma}“ kennt das Ziel nicht (bekannt: {bekannt}); im Zielprofil unter "
                           "[welt.kunden] ergänzen.")


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
    plattform: Plattform = field(default_factory=Plattform)
    profile: Path | None = None
    # A Playwright browser server (ws://…) for the browser scenarios; ABSPRUNG_BROWSER_WS beats it.
    browser_server: str | None = None
    # The trainer password of fakes started elsewhere with --host or --plaetze (control and support need it).
    steuerung_passwort: Secret | None = None

    @property
    def remote(self) -> tuple[str, ...]:
        return tuple(s for s in NAMEN if s not in self.embedded)

    @property
    def controllable(self) -> frozenset[str]:
        """Systems with the fakes' control API: reset to the seed before every scenario."""
        return frozenset(NAMEN) if self.control else self.embedded

    @property
    def ohne_zuruecksetzen(self) -> frozenset[str]:
        """Remote systems this run writes to without a control API to reset them: every scenario puts back
        what it changed there (``absprung.landschaft``)."""
        return frozenset(self.remote) - self.controllable if self.writes_allowed else frozenset()

    def faked(self, system: str) -> bool:
        """Does a fake answer for this system (embedded, or a fake started elsewhere)?"""
        return system in self.embedded or self.control

    def with_fake_urls(self, fake_urls: dict[str, str]) -> Target:
        return replace(self, urls={s: fake_urls[s] if s in self.embedded else u for s, u in self.urls.items()})


def embedded_fakes() -> Target:
    return Target("eingebettete Fakes", {s: EMBEDDED for s in NAMEN}, embedded=frozenset(NAMEN))


def load_profile(path: str | Path, environment: dict[str, str] | None = None) -> Target:
    environment = dict(os.environ) if environment is None else environment
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ProfileError(f"Das Zielprofil „{path}“ gibt es nicht.") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as f:
        raise ProfileError(f"Das Zielprofil „{path}“ ist kein gültiges TOML: {f}") from None
    urls = data.get("urls") or {}
    missing = [s for s in NAMEN if not urls.get(s)]
    if missing:
        raise ProfileError(f"Im Zielprofil „{path}“ fehlt unter [urls] die Adresse für: {', '.join(missing)} "
                           f"(eine URL oder „{EMBEDDED}“).")
    embedded = frozenset(s for s in NAMEN if urls[s] == EMBEDDED)
    control = bool(data.get("steuerung", False))
    world: dict[str, Any] = dict(data.get("welt") or {})
    allowed = {f.name for f in fields(World)} - set(GEHEIMNIS_SYSTEM)
    unknown = set(world) - allowed
    if unknown:
        raise ProfileError(f"Im Zielprofil „{path}“ sind unter [welt] nicht erlaubt: {', '.join(sorted(unknown))} "
                           "(Geheimnisse gehören unter [geheimnisse] als Name einer Umgebungsvariablen).")
    if "kunden" in world:
        world["kunden"] = tuple((k, v) for k, v in dict(world["kunden"]).items())
    named = dict(data.get("geheimnisse") or {})
    for name, system in GEHEIMNIS_SYSTEM.items():
        if name in named:
            variable = named.pop(name)
            if not environment.get(variable):
                raise ProfileError(f"Zielprofil „{path}“: Die Umgebungsvariable {variable} für „{name}“ ist "
                                   "nicht gesetzt, und es gibt keinen Standardwert.")
            world[name] = Secret(environment[variable])
        elif not (system in embedded or control):
            world[name] = None  # a demo value would only be wrong against a real system
    if named:
        raise ProfileError(f"Im Zielprofil „{path}“ ist „{sorted(named)[0]}“ unter [geheimnisse] unbekannt "
                           f"(bekannt: {', '.join(GEHEIMNIS_SYSTEM)}).")
    passwort = None
    if data.get("steuerung_passwort"):  # the name of an environment variable, like every secret
        variable = str(data["steuerung_passwort"])
        if not environment.get(variable):
            raise ProfileError(f"Zielprofil „{path}“: Die Umgebungsvariable {variable} für „steuerung_passwort“ ist "
                               "nicht gesetzt.")
        passwort = Secret(environment[variable])
    return Target(name=str(data.get("name") or path.stem), urls={s: str(urls[s]).rstrip("/") for s in NAMEN},
                  steuerung_passwort=passwort,
                  writes_allowed=bool(data.get("schreiben_erlaubt", False)), world=World(**world), control=control,
                  embedded=embedded, plattform=Plattform.from_profile(data.get("plattform"), path), profile=path,
                  browser_server=_browser_server(data.get("browser_server"), path))


def browser_server_form(value: str) -> str | None:
    """Why ``value`` is not the address of a Playwright browser server, or None if it has the form."""
    teile = urlsplit(value)
    if teile.scheme not in ("ws", "wss") or not teile.hostname:
        return (f"Browserserver „{value}“: erwartet wird eine Adresse wie ws://127.0.0.1:3000/absprung "
                "(ws:// oder wss://).")
    return None


def _browser_server(value: Any, path: Path) -> str | None:
    if not value:
        return None
    fehler = browser_server_form(str(value))
    if fehler:
        raise ProfileError(f"Zielprofil „{path}“: {fehler}")
    return str(value)
