"""Before the first scenario: is the target's landscape consistent, does every remote system answer,
does it take the credentials the profile holds? One German line per system, in seconds.

Only reading calls are made (Thinksurance partner login and account list, the Bestand, the
con:center login through the product list, the ams user). A failure ends the run before any
scenario (exit code 4) instead of one traceback per scenario.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Callable

from basis.errors import BasisError
from basis.secret import mask
from basis.systeme import NAMEN, SYSTEM, SYSTEME, TITEL, objekt
from basis.ziel import Target

from .clients import AmsClient, CloudClient, ConcenterClient, ControlClient, RemoteError, ThinksuranceClient
from .clients.base import Client
from .errors import NoAnswer, Slow, Unreachable
from .systems import client

TIMEOUT = 3.0  # seconds for a whole request; a closed port answers at once, a dead host or a dripping one after this


@dataclass(frozen=True)
class Check:
    system: str
    ok: bool
    line: str  # one German line: what was tried, what answered, what to check


def landscape_problems(target: Target) -> list[str]:
    """A remote system cannot reach a fake embedded in this run: such a landscape is inconsistent.
    And an embedded con:center needs real partner credentials for a real Thinksurance."""
    problems = []
    w = target.world
    if "concenter" in target.embedded and "thinksurance" in target.remote and not (
            w.thinksurance_hash and w.thinksurance_secret):
        problems.append(f"✘ Landschaft: Der eingebettete con:center meldet sich bei Thinksurance "
                        f"({target.urls['thinksurance']}) mit dem Partnerzugang an – prüfen: [geheimnisse] "
                        "thinksurance_hash und thinksurance_secret im Zielprofil angeben.")
    # Who calls whom (``basis.systeme``): a remote system calls the neighbours it is configured with, never our fakes.
    for caller in (s.name for s in SYSTEME if s.ruft):
        if caller in target.embedded:
            continue
        for callee in SYSTEM[caller].ruft:
            if callee in target.embedded:
                problems.append(
                    f"✘ Landschaft: {TITEL[caller]} läuft entfernt ({target.urls[caller]}) und ruft {TITEL[callee]} "
                    f"so auf, wie es selbst eingerichtet ist – den in diesem Lauf eingebetteten Fake erreicht es "
                    f"nicht. Prüfen: {TITEL[callee]} unter [urls] mit der Adresse angeben, die {TITEL[caller]} "
                    f"nutzt, oder {TITEL[caller]} einbetten.")
    return problems


def run(target: Target, timeout: float = TIMEOUT) -> list[Check]:
    """The checks of every remote system, side by side."""
    remote = [s for s in NAMEN if s in target.remote]
    with ThreadPoolExecutor(max_workers=max(1, len(remote))) as pool:
        return list(pool.map(lambda s: _check(target, s, timeout), remote))


def summary(checks: list[Check], problems: list[str]) -> str:
    return "\n".join([*problems, *(c.line for c in checks)])


def failed(checks: list[Check], problems: list[str]) -> bool:
    return bool(problems) or any(not c.ok for c in checks)


def _check(target: Target, system: str, timeout: float) -> Check:
    url = target.urls[system]
    head = f"{TITEL[system]} ({url})"
    c = client(system, url, timeout=timeout)
    steps = _steps(target, system, c)
    if target.control:
        steps.append(("GET /_steuerung/zustand (steuerung = true)", lambda: _control(url, timeout)))
    said = []
    try:
        for tried, step in steps:
            said.append(step())
    except Slow:
        return Check(system, False, mask(f"✘ {head}: antwortet zu langsam – versucht: {tried} – Antwort: keine "
                                         f"vollständige binnen {timeout:g} s (ZU_LANGSAM) – prüfen: ob {TITEL[system]} "
                                         "überlastet ist oder ein Proxy dazwischen die Antwort zurückhält."))
    except Unreachable as f:
        reason = f.message.rsplit("(", 1)[-1].rstrip(").")
        return Check(system, False, mask(f"✘ {head}: nicht erreichbar – versucht: {tried} – Antwort: keine ({reason}) "
                                         f"– prüfen: die Adresse unter [urls] {system} und ob dieser Rechner sie "
                                         "erreicht."))
    except RemoteError as f:
        return Check(system, False, mask(f"✘ {head}: versucht: {tried} – Antwort: HTTP {f.status} {f.code}: "
                                         f"{f.message} – prüfen: {HINTS.get(f.code, HINT)}"))
    except BasisError as f:  # e.g. the profile's Prüfkunde is not among its customers
        return Check(system, False, mask(f"✘ {head}: versucht: {tried} – {f}"))
    finally:
        c.close()
    return Check(system, True, mask(f"✔ {head}: {', '.join(said)}"))


HINT = "Adresse und Zugangsdaten im Zielprofil."
HINTS = {"TS_API_USER_UNGUELTIG": "[geheimnisse] thinksurance_hash und thinksurance_secret (Partnerzugang).",
         "KONTO_FEHLT": "[welt] nametag – der nameTag kommt vom Account Manager bei Thinksurance.",
         "CLOUD_BESTAND_UNBEKANNT": "[welt] bestand.",
         "TAA_TOKEN_UNGUELTIG": "[geheimnisse] access_token (der vermerkte AccessToken).",
         "CC_ANMELDUNG_FEHLGESCHLAGEN": "[welt] concenter_benutzer und [geheimnisse] concenter_passwort.",
         "AMS_BENUTZER_UNBEKANNT": "[welt] ams_benutzer.",
         "STEUERUNG_AUS": "steuerung = true nur für Fakes mit Steuerung (python -m fakes ohne --ohne-steuerung)."}
Steps = list[tuple[str, Callable[[], str]]]  # (what is tried, the call; it returns what answered)


def _steps(target: Target, system: str, c: Client) -> Steps:
    """The system's own preflight (its row in ``basis.systeme``), else: does it answer at all?"""
    zeile = SYSTEM[system]
    if zeile.vorabpruefung:
        steps: Steps = objekt(zeile.vorabpruefung)(target, c)
        return steps

    def reach() -> str:
        c.request("GET", "/")
        return "erreichbar"

    return [("GET /", reach)]


def thinksurance(target: Target, ts: Client) -> Steps:
    assert isinstance(ts, ThinksuranceClient)
    w = target.world
    hash_, secret = w.thinksurance_hash, w.thinksurance_secret
    if hash_ is None or secret is None:
        def reach() -> str:
            ts.request("GET", "/")
            return "erreichbar (ohne Partnerzugang im Zielprofil nicht weiter prüfbar)"
        return [("GET /", reach)]

    def anmelden() -> str:
        token = ts.token(hash_, secret)
        if ts.account_token(token, w.nametag) is None:
            raise RemoteError(ts.system, 200, "KONTO_FEHLT",
                              f"unter den Konten des Partners ist keines mit dem nameTag „{w.nametag}“")
        return f"Partner-Anmeldung angenommen, Konto „{w.nametag}“ gefunden"

    return [("POST /api/ipn/tokens und GET /api/ipn/account/tokens", anmelden)]


def cloud(target: Target, c: Client) -> Steps:
    assert isinstance(c, CloudClient)
    cloud = c
    w, token = target.world, target.world.access_token

    def bestand() -> str:
        cloud.bestand(w.bestand)
        return f"Bestand „{w.bestand}“ bekannt"

    def taa() -> str:
        assert token is not None
        try:
            cloud.taa_daten_lesen(token, w.kundennummer(w.pruefkunde), w.haupt_email)
        except RemoteError as f:
            if isinstance(f, NoAnswer) or f.code in ("TAA_TOKEN_UNGUELTIG", "TAA_BEARER_FEHLT"):
                raise
        return "AccessToken angenommen"  # other refusals are the scenarios' business

    steps: Steps = [(f"GET /api/bestaende/{w.bestand}", bestand)]
    if token is not None:
        steps.append(("GET /api/taa/kunden/… mit dem AccessToken", taa))
    return steps


def concenter(target: Target, cc: Client) -> Steps:
    assert isinstance(cc, ConcenterClient)
    w, passwort = target.world, target.world.concenter_passwort

    def anmelden() -> str:
        assert passwort is not None
        cc.produktfreischaltungen(w.concenter_benutzer, passwort)
        return f"Anmeldung als „{w.concenter_benutzer}“ angenommen"

    def bekannt() -> str:
        cc.produktgeber_einstellungen(w.concenter_benutzer, "Thinksurance")
        return f"Benutzer „{w.concenter_benutzer}“ bekannt (ohne Passwort im Zielprofil nicht weiter prüfbar)"

    if passwort is None:
        return [(f"GET /api/benutzer/{w.concenter_benutzer}/produktgeber/Thinksurance", bekannt)]
    return [("POST /api/produktfreischaltungen (Anmeldung)", anmelden)]


def ams(target: Target, c: Client) -> Steps:
    assert isinstance(c, AmsClient)
    ams = c
    w = target.world

    def benutzer() -> str:
        ams.benutzer(w.ams_benutzer)
        return f"ams Benutzer „{w.ams_benutzer}“ bekannt"

    return [(f"GET /api/benutzer/{w.ams_benutzer}", benutzer)]


def _control(url: str, timeout: float) -> str:
    control = ControlClient(base_url=url, timeout=timeout)
    try:
        control.state()
    finally:
        control.close()
    return "Steuerung vorhanden"
