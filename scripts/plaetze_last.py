"""Load and soak test of the training seats (``python -m fakes --plaetze N``) on loopback (a script, never a
timed test).

Starts ``python -m fakes --json --plaetze N`` in its own process (a random trainer password, the state
folder in a temporary directory) and measures in bounded phases:

1. Start: seconds until the JSON line (``bereit_s``), RSS of the whole process tree (the worlds of the
   seats are built on first use, so this is the tree without any seat's world);
2. Gruppe: N trainees at once, one thread each, each working through the exercise
   ``ohne-kundendaten-5`` on its own seat like a person (seat page, choose, check, hint, the fakes'
   pages and APIs, the fix through the support form, check again) – ``--runden`` times; latencies per
   kind (seite, api, aktion, pruefen), errors, the trainer's ``stand.json`` (every seat "gelöst") and the
   memory per seat;
3. Soak: for ``--soak-sekunden``, round-robin over the seats, the seat's world built on all four fakes
   and forgotten again (``POST /_plaetze/<kennung>/vergessen``); the tree's RSS sampled every few
   seconds – does it stay bounded?

Results: ``reports/plaetze_last.json`` (``--ausgabe``). Exit code 1 on any error, any seat not solved,
an unbounded RSS in the soak or the hard deadline reached.
Usage: ``.venv/bin/python scripts/plaetze_last.py [--plaetze 30] [--runden 1] [--soak-sekunden 60]``.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import select
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Callable

import httpx

WURZEL = Path(__file__).resolve().parent.parent
SYSTEME = ("cloud", "concenter", "ams", "thinksurance")
ARTEN = ("seite", "api", "aktion", "pruefen")  # kinds of request whose latencies are reported
UEBUNG = "ohne-kundendaten-5"
BESTAND = "MB-100234"  # the demo Bestand in the cloud
STARTSEITE = {"cloud": f"/drive/{BESTAND}", "concenter": "/", "ams": "/", "thinksurance": "/"}  # 200, no redirect
PASSWORT_KOPF = "X-Steuerung-Passwort"
PASSWORT_UMGEBUNG = "FAKES_TRAINER_PASSWORT"

PLAETZE_MAX = 100
RUNDEN_MAX = 10
SOAK_MAX_S = 600.0
TIMEOUT_S = 30.0  # per request: a hang counts as an error, not as a stuck script
START_FRIST_S = 120.0  # until the JSON line
RUNDE_FRIST_S = 600.0  # one round of the group, at most
BEENDEN_FRIST_S = 20.0  # for the fakes to stop after SIGTERM
MESSTAKT_S = 2.0  # RSS samples in the soak
FEHLER_BEISPIELE = 50  # errors kept in detail
FEHLERAUSGABE_ZEILEN = 60  # lines of the fakes' stderr kept when something failed
MIB = 1024  # kB (as /proc says) per MiB


def zahl(wert: float | None, stellen: int = 1) -> str:
    """A figure with a German decimal comma ("–" for none)."""
    return "–" if wert is None else f"{wert:.{stellen}f}".replace(".", ",")


# --- memory of the process tree -------------------------------------------------------------------


def _kinder(pid: int) -> list[int]:
    kinder: list[int] = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            try:
                kinder += [int(k) for k in (task / "children").read_text().split()]
            except OSError:
                continue
    except OSError:
        pass
    return kinder


def nachfahren(pid: int) -> list[int]:
    """All descendants of ``pid`` (the fakes run each in a child of ``python -m fakes``)."""
    alle: list[int] = []
    offen = _kinder(pid)
    while offen:
        p = offen.pop()
        if p not in alle:
            alle.append(p)
            offen += _kinder(p)
    return alle


def _rss_kb(pid: int) -> int:
    try:
        for zeile in Path(f"/proc/{pid}/status").read_text().splitlines():
            if zeile.startswith("VmRSS:"):
                return int(zeile.split()[1])
    except OSError:
        pass
    return 0


def baum_rss_kb(pid: int) -> int:
    """VmRSS of ``pid`` and all its descendants, in kB."""
    return sum(_rss_kb(p) for p in [pid, *nachfahren(pid)])


def baum_pss_kb(pid: int) -> int:
    """Proportional set size of the tree in kB: pages the forked fakes share with their parent counted
    once (VmRSS counts them in every process)."""
    gesamt = 0
    for p in [pid, *nachfahren(pid)]:
        try:
            for zeile in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if zeile.startswith("Pss:"):
                    gesamt += int(zeile.split()[1])
        except OSError:
            continue
    return gesamt


def _prozessname(pid: int) -> str:
    """What the fakes call their child (``fake-cloud``, …; ``ps -o comm``)."""
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return ""


def rss_je_prozess_mib(pid: int) -> dict[str, float]:
    """VmRSS per process of the tree, named by its fake ("schulung" for ``python -m fakes`` itself)."""
    ergebnis = {"schulung": round(_rss_kb(pid) / MIB, 1)}
    for k in nachfahren(pid):
        name = _prozessname(k).removeprefix("fake-")  # at most 15 characters: "thinksuran"
        name = next((s for s in SYSTEME if name and s.startswith(name)), name or str(k))
        ergebnis[name if name not in ergebnis else f"{name}-{k}"] = round(_rss_kb(k) / MIB, 1)
    return ergebnis


# --- the fakes ----------------------------------------------------------------------------------------


@dataclass
class Platz:
    nummer: int
    kennung: str
    seite: str  # the seat's page on the training page, ending in "/"
    urls: dict[str, str]  # every fake as seen from inside the seat (no trailing "/")


@dataclass
class Fakes:
    prozess: subprocess.Popen[str]
    fehlerausgabe: IO[str]
    passwort: str
    urls: dict[str, str] = field(default_factory=dict)
    schulung: str = ""
    plaetze: list[Platz] = field(default_factory=list)

    def verdecken(self, text: str) -> str:
        """``text`` with every seat's kennung (a secret) replaced by its number."""
        for p in self.plaetze:
            text = text.replace(p.kennung, f"<platz-{p.nummer}>")
        return text.replace(self.passwort, "<passwort>")


class Frist:
    """The script's hard deadline: when it passes, the fakes are stopped (every open request then fails
    at once) and everything still running gives up; a minute later the script ends regardless."""

    def __init__(self, sekunden: float) -> None:
        self.sekunden = sekunden
        self.ende = time.monotonic() + sekunden
        self.abgelaufen = threading.Event()
        self.fertig = threading.Event()
        self.fakes: Fakes | None = None
        self._faden = threading.Thread(target=self._wachen, daemon=True)
        self._faden.start()

    def rest(self) -> float:
        return self.ende - time.monotonic()

    def _wachen(self) -> None:
        if self.fertig.wait(max(0.0, self.rest())):
            return
        self.abgelaufen.set()
        print(f"Harte Frist von {zahl(self.sekunden, 0)} s erreicht: Die Fakes werden beendet.", file=sys.stderr,
              flush=True)
        if self.fakes is not None:
            beenden(self.fakes.prozess)
        if not self.fertig.wait(60):
            print("Das Skript hängt nach der Frist: Abbruch.", file=sys.stderr, flush=True)
            os._exit(1)


def _json_zeile(p: subprocess.Popen[str], frist_s: float) -> str:
    """The first line on the fakes' stdout, within ``frist_s`` (RuntimeError otherwise)."""
    assert p.stdout is not None
    ende = time.monotonic() + frist_s
    puffer = b""
    fd = p.stdout.fileno()
    while b"\n" not in puffer:
        rest = ende - time.monotonic()
        if rest <= 0:
            raise RuntimeError(f"Die Fakes meldeten sich nicht binnen {zahl(frist_s, 0)} s.")
        bereit, _, _ = select.select([fd], [], [], min(rest, 1.0))
        if bereit:
            stueck = os.read(fd, 65536)
            if not stueck:
                raise RuntimeError(f"Die Fakes endeten vor der JSON-Zeile (Rückgabewert {p.poll()}).")
            puffer += stueck
    return puffer.partition(b"\n")[0].decode("utf-8")


def starten(n: int, zustand: Path, fehlerausgabe: IO[str], frist: Frist) -> tuple[Fakes, float]:
    """``python -m fakes --json --plaetze n``; the seats and the seconds until it was ready."""
    passwort = secrets.token_urlsafe(18)
    env = {**os.environ, "PYTHONPATH": str(WURZEL), PASSWORT_UMGEBUNG: passwort, "XDG_STATE_HOME": str(zustand)}
    env.pop("ABSPRUNG_SCHULUNG_PROFIL", None)  # the training page's profile goes to the temporary state folder
    beginn = time.perf_counter()
    p = subprocess.Popen([sys.executable, "-m", "fakes", "--json", "--plaetze", str(n)], cwd=WURZEL,
                         stdout=subprocess.PIPE, stderr=fehlerausgabe, stdin=subprocess.DEVNULL, text=True, env=env)
    f = Fakes(p, fehlerausgabe, passwort)
    frist.fakes = f
    zugaenge = json.loads(_json_zeile(p, min(START_FRIST_S, max(1.0, frist.rest()))))
    bereit = time.perf_counter() - beginn
    f.urls = {s: zugaenge[s]["url"].rstrip("/") for s in SYSTEME}
    f.schulung = zugaenge["schulung"]["url"].rstrip("/")
    seiten: list[str] = zugaenge["schulung"]["plaetze"]
    for eintrag, seite in zip(zugaenge["plaetze"], seiten, strict=True):
        urls = {s: u.rstrip("/") for s, u in eintrag["urls"].items()}
        kennung = urls["cloud"].rsplit("/", 1)[1]
        if any(not u.endswith(f"/platz/{kennung}") for u in urls.values()) or f"/platz/{kennung}/" not in seite:
            raise RuntimeError(f"Die Adressen von Platz {eintrag['nummer']} passen nicht zusammen.")
        f.plaetze.append(Platz(eintrag["nummer"], kennung, seite if seite.endswith("/") else seite + "/", urls))
    if len(f.plaetze) != n:
        raise RuntimeError(f"Die Fakes nennen {len(f.plaetze)} Plätze statt {n}.")
    return f, bereit


def beenden(p: subprocess.Popen[str]) -> None:
    """Stops the started fakes and – should they outlive it – its children, each by its id."""
    if p.poll() is not None:
        return
    kinder = nachfahren(p.pid)
    p.terminate()
    try:
        p.wait(timeout=BEENDEN_FRIST_S)
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait()
    for k in kinder:
        try:
            eltern = Path(f"/proc/{k}/stat").read_text().rsplit(") ", 1)[1].split()[1]
            if eltern in ("1", str(p.pid)) and _prozessname(k).startswith("fake-"):
                os.kill(k, signal.SIGKILL)  # a fake orphaned by the killed parent: still ours
        except (OSError, IndexError):
            continue


# --- requests ---------------------------------------------------------------------------------------


@dataclass
class Messung:
    """Latencies per kind and the errors of one phase (shared by its threads)."""

    dauern: dict[str, list[float]] = field(default_factory=lambda: {a: [] for a in ARTEN})
    anfragen: int = 0
    fehler: int = 0
    fehler_5xx: int = 0
    beispiele: list[dict[str, Any]] = field(default_factory=list)
    sperre: threading.Lock = field(default_factory=threading.Lock)

    def notieren(self, art: str, dauer: float) -> None:
        with self.sperre:
            self.anfragen += 1
            self.dauern[art].append(dauer)

    def fehlschlag(self, fakes: Fakes, platz: int, schritt: str, methode: str, url: str, was: str,
                   status: int | None = None) -> None:
        with self.sperre:
            self.fehler += 1
            self.fehler_5xx += status is not None and status >= 500
            if len(self.beispiele) < FEHLER_BEISPIELE:
                self.beispiele.append({"platz": platz, "schritt": schritt,
                                       "anfrage": f"{methode} {fakes.verdecken(url)}", "status": status,
                                       "fehler": fakes.verdecken(was)[:500]})


class Sitzung:
    """One simulated person (or the soak loop): their own connections, requests measured and checked."""

    def __init__(self, fakes: Fakes, messung: Messung, frist: Frist, platz: int) -> None:
        self.fakes, self.messung, self.frist, self.platz = fakes, messung, frist, platz
        self.client = httpx.Client(timeout=TIMEOUT_S, follow_redirects=False)

    def schliessen(self) -> None:
        self.client.close()

    def anfrage(self, art: str, schritt: str, methode: str, url: str, erwartet: int, *,
                daten: dict[str, str] | None = None, kopf: dict[str, str] | None = None,
                enthaelt: str | None = None, ohne: str | None = None) -> httpx.Response | None:
        """The request, its latency noted under ``art``; None (and an error noted) if the status is not
        ``erwartet``, the body lacks ``enthaelt`` or has ``ohne``, or it failed."""
        if self.frist.abgelaufen.is_set():
            self.messung.fehlschlag(self.fakes, self.platz, schritt, methode, url, "harte Frist erreicht")
            return None
        beginn = time.perf_counter()
        try:
            r = self.client.request(methode, url, data=daten, headers=kopf)
        except httpx.HTTPError as f:
            self.messung.fehlschlag(self.fakes, self.platz, schritt, methode, url, f"{type(f).__name__}: {f}")
            return None
        self.messung.notieren(art, time.perf_counter() - beginn)
        if r.status_code != erwartet:
            self.messung.fehlschlag(self.fakes, self.platz, schritt, methode, url,
                                    f"Status {r.status_code} statt {erwartet}: {r.text[:300]}", r.status_code)
            return None
        if enthaelt is not None and enthaelt not in r.text or ohne is not None and ohne in r.text:
            fehlt = enthaelt is not None and enthaelt not in r.text
            was = f"„{enthaelt}“ fehlt" if fehlt else f"„{ohne}“ steht darin"
            self.messung.fehlschlag(self.fakes, self.platz, schritt, methode, url, f"Antwort falsch: {was}",
                                    r.status_code)
            return None
        return r

    def formular(self, schritt: str, url: str, daten: dict[str, str], erwartet: int) -> bool:
        """A form POSTed like a browser; a 303 is followed to its page (as the browser does)."""
        r = self.anfrage("aktion", schritt, "POST", url, erwartet, daten=daten)
        if r is None:
            return False
        if r.status_code == 303:
            ziel = str(httpx.URL(url).join(r.headers.get("location", "")))
            return self.anfrage("seite", f"{schritt} (Weiterleitung)", "GET", ziel, 200) is not None
        return True


# --- phase 2: the group -------------------------------------------------------------------------------


def uebung_durcharbeiten(s: Sitzung, p: Platz) -> bool:
    """Steps 1–7 of one trainee on their seat; True if all went as expected (stops at the first error)."""
    seite = p.seite

    def api(system: str) -> Callable[[], bool]:
        return lambda: s.anfrage("api", f"5 {system} openapi.json", "GET", f"{p.urls[system]}/openapi.json",
                                 200) is not None

    schritte: list[Callable[[], bool]] = [
        lambda: s.anfrage("seite", "1 Platzseite", "GET", seite, 200) is not None,
        lambda: s.formular("2 Übung wählen", f"{seite}aktion", {"aktion": "waehlen", "uebung": UEBUNG}, 303),
        lambda: s.anfrage("pruefen", "3 Prüfen (offen)", "GET", f"{seite}pruefen", 200,
                          enthaelt="Noch nicht behoben") is not None,
        lambda: s.formular("4 Hinweis", f"{seite}aktion", {"aktion": "hinweis"}, 303),
        lambda: s.anfrage("seite", "5 cloud Bestand", "GET", f"{p.urls['cloud']}/drive/{BESTAND}", 200) is not None,
        lambda: s.anfrage("seite", "5 con:center", "GET", f"{p.urls['concenter']}/", 200) is not None,
        lambda: s.anfrage("seite", "5 ams", "GET", f"{p.urls['ams']}/", 200) is not None,
        lambda: s.anfrage("seite", "5 Thinksurance", "GET", f"{p.urls['thinksurance']}/", 200) is not None,
        *(api(system) for system in SYSTEME),
        lambda: s.formular("6 Support", f"{seite}support", {"aktion": "feature", "feature": "API-Zugriff",
                                                           "aktiv": "ja"}, 200),
        lambda: s.anfrage("pruefen", "7 Prüfen (behoben)", "GET", f"{seite}pruefen", 200, enthaelt="Behoben:",
                          ohne="Noch nicht behoben") is not None,
    ]
    return all(schritt() for schritt in schritte)  # all(): stops at the first failed step


def stand_lesen(fakes: Fakes) -> dict[int, str]:
    """The trainer's overview: seat number → state."""
    r = httpx.get(f"{fakes.schulung}/trainer/stand.json", auth=("trainer", fakes.passwort), timeout=TIMEOUT_S)
    r.raise_for_status()
    return {int(z["platz"]): str(z["zustand"]) for z in r.json()["plaetze"]}


def gruppe(fakes: Fakes, runden: int, frist: Frist) -> dict[str, Any]:
    messung = Messung()
    ergebnis_runden: list[dict[str, Any]] = []
    beginn_gesamt = time.perf_counter()
    for runde in range(1, runden + 1):
        if runden > 1:
            print(f"  Runde {runde} von {runden} …", flush=True)
        tor = threading.Barrier(len(fakes.plaetze) + 1, timeout=60)  # all start at once
        erfolge: dict[int, bool] = {}

        def teilnehmer(p: Platz) -> None:
            s = Sitzung(fakes, messung, frist, p.nummer)
            try:
                tor.wait()
                erfolge[p.nummer] = uebung_durcharbeiten(s, p)
            except Exception as f:  # a bug in this script must not hide as a missing seat
                messung.fehlschlag(fakes, p.nummer, "Skript", "-", "-", f"{type(f).__name__}: {f}")
                erfolge[p.nummer] = False
            finally:
                s.schliessen()

        faeden = [threading.Thread(target=teilnehmer, args=(p,), daemon=True) for p in fakes.plaetze]
        for f in faeden:
            f.start()
        try:
            tor.wait()
        except threading.BrokenBarrierError:
            pass  # a thread that never got there is noted as an error and a seat not solved
        beginn = time.perf_counter()
        ende = time.monotonic() + RUNDE_FRIST_S
        for f in faeden:
            f.join(timeout=max(0.0, min(ende - time.monotonic(), frist.rest() + 5)))
        dauer = time.perf_counter() - beginn
        haengend = sum(f.is_alive() for f in faeden)
        try:
            stand = stand_lesen(fakes)
            stand_fehler = None
        except (httpx.HTTPError, ValueError, KeyError) as f:
            stand, stand_fehler = {}, fakes.verdecken(f"{type(f).__name__}: {f}")
        nicht_geloest = {str(p.nummer): stand.get(p.nummer, "fehlt") for p in fakes.plaetze
                         if stand.get(p.nummer) != "gelöst"}
        ergebnis_runden.append({"runde": runde, "dauer_s": round(dauer, 2),
                                "durchgearbeitet": sum(erfolge.values()), "haengend": haengend,
                                "nicht_geloest": nicht_geloest, "stand_fehler": stand_fehler})
        if frist.abgelaufen.is_set():
            break
    latenz = {a: kennzahlen(messung.dauern[a]) for a in ARTEN}
    latenz["gesamt"] = kennzahlen([d for a in ARTEN for d in messung.dauern[a]])
    return {"runden": ergebnis_runden, "dauer_s": round(time.perf_counter() - beginn_gesamt, 2),
            "anfragen": messung.anfragen, "fehler": messung.fehler, "fehler_5xx": messung.fehler_5xx,
            "fehler_beispiele": messung.beispiele, "latenz_ms": latenz,
            "alle_geloest": len(ergebnis_runden) == runden and all(not r["nicht_geloest"] and not r["haengend"]
                                                                   for r in ergebnis_runden)}


def kennzahlen(dauern: list[float]) -> dict[str, Any]:
    """Count and p50/p95/p99/max in milliseconds."""
    if not dauern:
        return {"anzahl": 0, "p50_ms": None, "p95_ms": None, "p99_ms": None, "max_ms": None}
    ms = sorted(d * 1000 for d in dauern)
    q = statistics.quantiles(ms, n=100, method="inclusive") if len(ms) > 1 else [ms[0]] * 99
    return {"anzahl": len(ms), "p50_ms": round(statistics.median(ms), 1), "p95_ms": round(q[94], 1),
            "p99_ms": round(q[98], 1), "max_ms": round(ms[-1], 1)}


# --- phase 3: the soak --------------------------------------------------------------------------------


def welten_stand(fakes: Fakes) -> dict[str, int]:
    """Per fake: how many seats have a world now (``GET /_plaetze``)."""
    ergebnis: dict[str, int] = {}
    for s, url in fakes.urls.items():
        r = httpx.get(f"{url}/_plaetze", headers={PASSWORT_KOPF: fakes.passwort}, timeout=TIMEOUT_S)
        r.raise_for_status()
        ergebnis[s] = sum(1 for p in r.json()["plaetze"] if p["welt"])
    return ergebnis


def soak(fakes: Fakes, sekunden: float, frist: Frist) -> dict[str, Any]:
    messung = Messung()
    proben: list[tuple[float, int]] = []
    beginn = time.monotonic()
    ende = beginn + sekunden
    halt = threading.Event()

    def messen() -> None:
        while not halt.wait(MESSTAKT_S):
            proben.append((time.monotonic() - beginn, baum_rss_kb(fakes.prozess.pid)))

    proben.append((0.0, baum_rss_kb(fakes.prozess.pid)))
    messer = threading.Thread(target=messen, daemon=True)
    messer.start()
    zyklen = 0
    s = Sitzung(fakes, messung, frist, 0)
    try:
        while time.monotonic() < ende and not frist.abgelaufen.is_set():
            p = fakes.plaetze[zyklen % len(fakes.plaetze)]
            s.platz = p.nummer
            for sys_ in SYSTEME:  # the seat's world built in every fake
                s.anfrage("api", f"Soak {sys_} openapi.json", "GET", f"{p.urls[sys_]}/openapi.json", 200)
                s.anfrage("seite", f"Soak {sys_} Startseite", "GET", f"{p.urls[sys_]}{STARTSEITE[sys_]}", 200)
            s.anfrage("seite", "Soak Platzseite", "GET", p.seite, 200)
            for sys_ in SYSTEME:  # … and forgotten again
                r = s.anfrage("aktion", f"Soak {sys_} vergessen", "POST",
                              f"{fakes.urls[sys_]}/_plaetze/{p.kennung}/vergessen", 200,
                              kopf={PASSWORT_KOPF: fakes.passwort})
                if r is not None and r.json().get("vergessen") is not True:
                    messung.fehlschlag(fakes, p.nummer, f"Soak {sys_} vergessen", "POST",
                                       f"{fakes.urls[sys_]}/_plaetze/{p.kennung}/vergessen",
                                       f"Antwort falsch: {r.text[:200]} (die Welt war eben gebaut)", r.status_code)
            zyklen += 1
    finally:
        s.schliessen()
        halt.set()
        messer.join()
    dauer = time.monotonic() - beginn
    if not frist.abgelaufen.is_set():  # after the deadline the fakes are being stopped: no figure
        proben.append((dauer, baum_rss_kb(fakes.prozess.pid)))
    try:
        welten: dict[str, int] | str = welten_stand(fakes)
    except (httpx.HTTPError, ValueError, KeyError) as f:
        welten = fakes.verdecken(f"{type(f).__name__}: {f}")
    je_prozess = rss_je_prozess_mib(fakes.prozess.pid)
    erste, letzte = proben[0][1], proben[-1][1]
    # Measured against the end of a warm-up (the first third): the allocator and the collector settle on a
    # plateau first; a leak of whole worlds keeps growing after it.
    bezug = min(proben, key=lambda probe: abs(probe[0] - dauer / 3))[1]
    grenze = max(bezug * 1.10, bezug + 20 * MIB)
    # The growth in the second half tells a leak from a plateau the allocator and the gc settle on.
    mitte = min(proben, key=lambda probe: abs(probe[0] - dauer / 2))[1]
    return {"sekunden": round(dauer, 1), "zyklen": zyklen, "zyklen_pro_s": round(zyklen / dauer, 2) if dauer else None,
            "anfragen": messung.anfragen, "fehler": messung.fehler, "fehler_5xx": messung.fehler_5xx,
            "fehler_beispiele": messung.beispiele,
            "latenz_ms": {a: kennzahlen(messung.dauern[a]) for a in ("seite", "api", "aktion")},
            "rss_erste_mib": round(erste / MIB, 1), "rss_nach_aufwaermen_mib": round(bezug / MIB, 1),
            "rss_letzte_mib": round(letzte / MIB, 1),
            "rss_max_mib": round(max(k for _, k in proben) / MIB, 1), "rss_grenze_mib": round(grenze / MIB, 1),
            "begrenzt": letzte <= grenze, "zuwachs_zweite_haelfte_mib": round((letzte - mitte) / MIB, 1),
            "proben": [[round(t, 1), round(k / MIB, 1)] for t, k in proben],
            "rss_je_prozess_am_ende_mib": je_prozess, "welten_am_ende": welten}


# --- the run ------------------------------------------------------------------------------------------


def fehlerausgabe_lesen(fakes: Fakes) -> dict[str, Any]:
    """What the fakes wrote to stderr: lines, tracebacks and – when there is anything – the last lines."""
    fakes.fehlerausgabe.flush()
    fakes.fehlerausgabe.seek(0)
    zeilen = fakes.fehlerausgabe.read().splitlines()
    tracebacks = sum(1 for z in zeilen if z.startswith("Traceback"))
    return {"zeilen": len(zeilen), "tracebacks": tracebacks,
            "auszug": [fakes.verdecken(z) for z in zeilen[-FEHLERAUSGABE_ZEILEN:]]}


def zusammenfassung(e: dict[str, Any]) -> list[str]:
    zeilen = [f"Schulungsplätze unter Last ({e['plaetze']} Plätze, {e['runden']} Runde(n)):"]
    st = e.get("start")
    if st:
        zeilen.append(f"  Start: bereit nach {zahl(st['bereit_s'], 2)} s, RSS {zahl(st['rss_start_mib'])} MiB "
                      f"(PSS {zahl(st['pss_start_mib'])} MiB, {st['prozesse']} Prozesse)")
    g = e.get("gruppe")
    if g:
        zeilen.append(f"  Gruppe: {g['anfragen']} Anfragen in {zahl(g['dauer_s'], 2)} s, {g['fehler']} Fehler "
                      f"({g['fehler_5xx']} mit 5xx), alle gelöst: {'ja' if g['alle_geloest'] else 'NEIN'}")
        for art in (*ARTEN, "gesamt"):
            k = g["latenz_ms"][art]
            zeilen.append(f"    {art:<8} {k['anzahl']:>5}×  p50 {zahl(k['p50_ms']):>7} ms  "
                          f"p95 {zahl(k['p95_ms']):>7} ms  p99 {zahl(k['p99_ms']):>7} ms  "
                          f"max {zahl(k['max_ms']):>7} ms")
        for r in g["runden"]:
            if r["nicht_geloest"] or r["haengend"] or r["stand_fehler"]:
                zeilen.append(f"    Runde {r['runde']}: nicht gelöst {r['nicht_geloest']}, hängend {r['haengend']}"
                              f"{', stand.json: ' + r['stand_fehler'] if r['stand_fehler'] else ''}")
        if "speicher_je_platz_mib" in g:
            zeilen.append(f"  Speicher: RSS {zahl(st['rss_start_mib'] if st else None)} → "
                          f"{zahl(g['rss_nach_mib'])} MiB (PSS {zahl(g['pss_nach_mib'])} MiB), "
                          f"je Platz {zahl(g['speicher_je_platz_mib'], 2)} MiB (nach PSS "
                          f"{zahl(g['speicher_je_platz_pss_mib'], 2)} MiB)")
    s = e.get("soak")
    if s:
        zeilen.append(f"  Soak: {s['zyklen']} Zyklen in {zahl(s['sekunden'])} s, {s['fehler']} Fehler, RSS erste "
                      f"{zahl(s['rss_erste_mib'])} / letzte {zahl(s['rss_letzte_mib'])} / höchste "
                      f"{zahl(s['rss_max_mib'])} MiB (Grenze {zahl(s['rss_grenze_mib'])}; in der zweiten Hälfte "
                      f"{zahl(s['zuwachs_zweite_haelfte_mib'])} MiB dazu) – "
                      f"{'begrenzt' if s['begrenzt'] else 'NICHT begrenzt'}")
    fa = e.get("fakes_fehlerausgabe")
    if fa:
        zeilen.append(f"  Fehlerausgabe der Fakes: {fa['zeilen']} Zeilen, {fa['tracebacks']} Tracebacks")
    for beispiel in [*(g or {}).get("fehler_beispiele", [])[:5], *(s or {}).get("fehler_beispiele", [])[:5]]:
        zeilen.append(f"    Fehler Platz {beispiel['platz']}, {beispiel['schritt']}: {beispiel['anfrage']} → "
                      f"{beispiel['fehler'][:200]}")
    if e.get("abbruch"):
        zeilen.append(f"  Abbruch: {e['abbruch']}")
    if fa and fa["zeilen"] and not e["erfolg"]:
        zeilen += ["  Zuletzt auf stderr der Fakes:", *(f"    {z}" for z in fa["auszug"][-15:])]
    zeilen.append(f"  Ergebnis: {'in Ordnung' if e['erfolg'] else 'FEHLGESCHLAGEN'} ({e['ausgabe']})")
    return zeilen


def messen(a: argparse.Namespace, frist: Frist) -> dict[str, Any]:
    ergebnis: dict[str, Any] = {"plaetze": a.plaetze, "runden": a.runden, "soak_sekunden": a.soak_sekunden,
                                "harte_frist_s": round(frist.sekunden), "ausgabe": str(a.ausgabe)}
    with tempfile.TemporaryDirectory(prefix="plaetze-last-") as zustand, \
            tempfile.TemporaryFile("w+", encoding="utf-8") as fehlerausgabe:
        try:
            print(f"Start: python -m fakes --json --plaetze {a.plaetze} …", flush=True)
            fakes, bereit = starten(a.plaetze, Path(zustand), fehlerausgabe, frist)
            pid = fakes.prozess.pid
            rss_start, pss_start = baum_rss_kb(pid), baum_pss_kb(pid)
            ergebnis["start"] = {"bereit_s": round(bereit, 2), "rss_start_mib": round(rss_start / MIB, 1),
                                 "pss_start_mib": round(pss_start / MIB, 1),
                                 "prozesse": 1 + len(nachfahren(pid)), "rss_je_prozess_mib": rss_je_prozess_mib(pid)}
            print(f"Gruppe: {a.plaetze} Teilnehmende gleichzeitig, Übung „{UEBUNG}“ …", flush=True)
            g = gruppe(fakes, a.runden, frist)
            rss_nach, pss_nach = baum_rss_kb(pid), baum_pss_kb(pid)
            g |= {"rss_nach_mib": round(rss_nach / MIB, 1), "pss_nach_mib": round(pss_nach / MIB, 1),
                  "rss_je_prozess_mib": rss_je_prozess_mib(pid),
                  "speicher_je_platz_pss_mib": round((pss_nach - pss_start) / MIB / a.plaetze, 2),
                  "speicher_je_platz_mib": round((rss_nach - rss_start) / MIB / a.plaetze, 2)}
            ergebnis["gruppe"] = g
            if a.soak_sekunden > 0 and not frist.abgelaufen.is_set():
                print(f"Soak: {zahl(a.soak_sekunden, 0)} s lang Welten bauen und vergessen, RSS alle "
                      f"{zahl(MESSTAKT_S, 0)} s …", flush=True)
                ergebnis["soak"] = soak(fakes, a.soak_sekunden, frist)
        except (RuntimeError, OSError, ValueError, KeyError, TypeError, httpx.HTTPError) as f:
            text = f"{type(f).__name__}: {f}"
            ergebnis["abbruch"] = frist.fakes.verdecken(text) if frist.fakes else text
        finally:
            gestartet = frist.fakes  # set as soon as the process runs, even if its JSON line never came
            if gestartet is not None:
                beenden(gestartet.prozess)
                ergebnis["fakes_rueckgabewert"] = gestartet.prozess.returncode
                ergebnis["fakes_fehlerausgabe"] = fehlerausgabe_lesen(gestartet)
    if frist.abgelaufen.is_set():
        ergebnis["abbruch"] = f"harte Frist von {round(frist.sekunden)} s erreicht"
    gr, so = ergebnis.get("gruppe"), ergebnis.get("soak")
    ergebnis["erfolg"] = bool(
        "abbruch" not in ergebnis and gr and gr["fehler"] == 0 and gr["alle_geloest"]
        and (a.soak_sekunden <= 0 or so and so["fehler"] == 0 and so["begrenzt"]))
    return ergebnis


def main() -> int:
    p = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    p.add_argument("--plaetze", type=int, default=30, help=f"Schulungsplätze (1 bis {PLAETZE_MAX})")
    p.add_argument("--runden", type=int, default=1, help=f"Durchgänge der Gruppe (1 bis {RUNDEN_MAX})")
    p.add_argument("--soak-sekunden", type=float, default=60, help=f"Dauer des Soaks (0 bis {zahl(SOAK_MAX_S, 0)})")
    p.add_argument("--ausgabe", type=Path, default=WURZEL / "reports" / "plaetze_last.json",
                   help="JSON-Datei für die Ergebnisse")
    a = p.parse_args()
    if not 1 <= a.plaetze <= PLAETZE_MAX or not 1 <= a.runden <= RUNDEN_MAX or not 0 <= a.soak_sekunden <= SOAK_MAX_S:
        p.error(f"--plaetze 1 bis {PLAETZE_MAX}, --runden 1 bis {RUNDEN_MAX}, --soak-sekunden 0 bis "
                f"{zahl(SOAK_MAX_S, 0)}")
    a.ausgabe = a.ausgabe if a.ausgabe.is_absolute() else Path.cwd() / a.ausgabe
    frist = Frist(START_FRIST_S + a.runden * RUNDE_FRIST_S + a.soak_sekunden + 120)
    try:
        ergebnis = messen(a, frist)
    finally:
        frist.fertig.set()
    a.ausgabe.parent.mkdir(parents=True, exist_ok=True)
    a.ausgabe.write_text(json.dumps(ergebnis, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print("\n".join(zusammenfassung(ergebnis)), flush=True)
    return 0 if ergebnis["erfolg"] else 1


if __name__ == "__main__":
    sys.exit(main())
