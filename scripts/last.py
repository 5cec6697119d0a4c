"""Load and soak test of the fakes on loopback (a script, never a timed test).

Starts ``python -m fakes`` in its own process, sets up the guide once, then measures full launches
– ams.5 DigiPro → con:center start (TaaData from the cloud, Thinksurance token and Broker Forward)
→ the Thinksurance switch URL – in three bounded phases:

1. ``--gleichzeitig N`` launches at once (default 200): how many succeed, wall time, and the
   slowest answer of the cloud's control API polled meanwhile;
2. ``--clients C`` clients for ``--sekunden S`` (default 8 for 20 s): launches per second, p50, p99;
3. ``--dauerlauf M`` launches (default 20,000): RSS of the fakes' process before and after.

``--vergleich REV`` runs the same phases against the fakes of a git revision (in a temporary
worktree) in the same run and prints both side by side. Results: ``reports/last.json``.
Usage: ``.venv/bin/python scripts/last.py [--vergleich HEAD~3] [--dauerlauf 2000]``.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator
from urllib.parse import urlsplit

WURZEL = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(WURZEL))
TIMEOUT = 15.0  # seconds per request: a hang counts as a failure, not as a stuck script
PRODUKT = "Thinksurance - Gewerbeplattform"


class Verbindungen:
    """Keep-alive HTTP/1.1 connections of one client thread, one per host (cheap: http.client)."""

    def __init__(self) -> None:
        self._offen: dict[str, http.client.HTTPConnection] = {}

    def anfrage(self, methode: str, url: str, body: dict[str, Any] | None = None) -> tuple[int, dict[str, str], bytes]:
        teile = urlsplit(url)
        netloc = teile.netloc
        for versuch in (1, 2):
            c = self._offen.get(netloc)
            if c is None:
                c = self._offen[netloc] = http.client.HTTPConnection(teile.hostname, teile.port, timeout=TIMEOUT)
            try:
                daten = json.dumps(body).encode() if body is not None else None
                kopf = {"Content-Type": "application/json"} if daten is not None else {}
                c.request(methode, teile.path + (f"?{teile.query}" if teile.query else ""), body=daten, headers=kopf)
                r = c.getresponse()
                inhalt = r.read()
                return r.status, {k.lower(): v for k, v in r.getheaders()}, inhalt
            except (ConnectionError, http.client.HTTPException) as f:
                c.close()
                del self._offen[netloc]
                if versuch == 2:
                    raise OSError(str(f)) from f
        raise AssertionError("unreachable")


def absprung(v: Verbindungen, urls: dict[str, str]) -> bool:
    """One full launch; True if the Gewerbeplattform opens."""
    s, _, inhalt = v.anfrage("POST", f"{urls['ams']}/api/benutzer/AS/kunden/K-1001/digipro", {"produkt": PRODUKT})
    if s != 201 and s != 200:
        return False
    start = json.loads(inhalt)["url"]
    s, kopf, _ = v.anfrage("GET", start)
    if s not in (302, 303) or "/switch/" not in kopf.get("location", ""):
        return False
    s, kopf, _ = v.anfrage("GET", kopf["location"])
    return s in (302, 303) and "/gewerbeplattform" in kopf.get("location", "")


def _kinder(pid: int) -> list[int]:
    kinder = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        kinder += [int(k) for k in text]
    return kinder


def rss_kb(pid: int) -> int:
    """RSS of the process and all its descendants (python -m fakes runs each fake as a child)."""
    gesamt = 0
    for p in [pid, *_kinder(pid)]:
        try:
            for zeile in Path(f"/proc/{p}/status").read_text().splitlines():
                if zeile.startswith("VmRSS:"):
                    gesamt += int(zeile.split()[1])
        except FileNotFoundError:
            continue
        if p != pid:
            gesamt += sum(rss_kb(k) for k in _kinder(p))
    return gesamt


FEHLERAUSGABE: list[int] = []  # lines the fakes wrote to stderr, per start


@contextmanager
def fakes(quelle: Path, *, eingerichtet: bool = True) -> Iterator[tuple[dict[str, str], subprocess.Popen[str]]]:
    """``python -m fakes`` of ``quelle``, set up after the guide (unless ``eingerichtet`` is False); its stderr is
    counted, not shown."""
    env = {**os.environ, "PYTHONPATH": str(quelle), "ABSPRUNG_SCHULUNG_PROFIL": str(Path(tempfile.gettempdir())
                                                                               / f"last-{os.getpid()}.toml")}
    with tempfile.TemporaryFile("w+") as fehler:
        p = subprocess.Popen([sys.executable, "-m", "fakes", "--json"], cwd=quelle, stdout=subprocess.PIPE,
                             stderr=fehler, text=True, env=env)
        try:
            assert p.stdout is not None
            zugaenge = json.loads(p.stdout.readline())
            urls = {s: zugaenge[s]["url"] for s in ("cloud", "concenter", "ams", "thinksurance")}
            if eingerichtet:
                einrichten(urls)
            yield urls, p
        finally:
            p.terminate()
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
            fehler.seek(0)
            FEHLERAUSGABE.append(sum(1 for _ in fehler))


def einrichten(urls: dict[str, str]) -> None:
    from absprung import einrichtung
    from absprung.systems import Systems
    from basis.ziel import Target

    s = Systems.connect(Target("Last", urls, control=True))
    try:
        einrichtung.vollstaendig_einrichten(s)
    finally:
        s.close()


def gleichzeitig(urls: dict[str, str], n: int) -> dict[str, Any]:
    tor = threading.Barrier(n + 1)
    ergebnisse: list[bool] = []
    steuerung: list[float] = []
    fertig = threading.Event()

    def einer() -> None:
        v = Verbindungen()
        tor.wait()
        try:
            ergebnisse.append(absprung(v, urls))
        except OSError:
            ergebnisse.append(False)

    def beobachten() -> None:
        v = Verbindungen()
        while not fertig.is_set():
            t = time.perf_counter()
            try:
                v.anfrage("GET", f"{urls['cloud']}/_steuerung/zustand")
                steuerung.append(time.perf_counter() - t)
            except OSError:
                steuerung.append(TIMEOUT)
            time.sleep(0.05)

    faeden = [threading.Thread(target=einer) for _ in range(n)]
    for f in faeden:
        f.start()
    waechter = threading.Thread(target=beobachten)
    waechter.start()
    beginn = time.perf_counter()
    tor.wait()
    for f in faeden:
        f.join()
    dauer = time.perf_counter() - beginn
    fertig.set()
    waechter.join()
    return {"erfolgreich": sum(ergebnisse), "von": n, "wandzeit_s": round(dauer, 2),
            "steuerung_langsamste_s": round(max(steuerung, default=0.0), 3)}


def durchsatz(urls: dict[str, str], clients: int, sekunden: float, anzahl: int | None = None) -> dict[str, Any]:
    ende = time.perf_counter() + sekunden
    dauern: list[float] = []
    fehler = [0]
    zaehler = threading.Semaphore(anzahl) if anzahl else None
    sperre = threading.Lock()

    def client() -> None:
        v = Verbindungen()
        while time.perf_counter() < ende and (zaehler is None or zaehler.acquire(blocking=False)):
            t = time.perf_counter()
            try:
                ok = absprung(v, urls)
            except OSError:
                ok = False
            with sperre:
                (dauern.append(time.perf_counter() - t) if ok else fehler.__setitem__(0, fehler[0] + 1))

    beginn = time.perf_counter()
    faeden = [threading.Thread(target=client) for _ in range(clients)]
    for f in faeden:
        f.start()
    for f in faeden:
        f.join()
    wand = time.perf_counter() - beginn
    q = statistics.quantiles(dauern, n=100) if len(dauern) >= 100 else [float("nan")] * 99
    return {"absprunge_pro_s": round(len(dauern) / wand, 1), "p50_ms": round(statistics.median(dauern) * 1000, 1)
            if dauern else None, "p99_ms": round(q[98] * 1000, 1), "erfolgreich": len(dauern), "fehler": fehler[0],
            "sekunden": round(wand, 1)}


def messen(quelle: Path, a: argparse.Namespace) -> dict[str, Any]:
    """Each phase against freshly started fakes: a lock-up in one phase does not spoil the next."""
    FEHLERAUSGABE.clear()
    ergebnis: dict[str, Any] = {}
    print(f"  {a.gleichzeitig} gleichzeitige Absprünge …", flush=True)
    with fakes(quelle) as (urls, _):
        ergebnis["gleichzeitig"] = gleichzeitig(urls, a.gleichzeitig)
    print(f"  {a.clients} Clients für {a.sekunden:g} s, dann 1 Client für 5 s …", flush=True)
    with fakes(quelle) as (urls, _):
        ergebnis["durchsatz"] = durchsatz(urls, a.clients, a.sekunden)
        ergebnis["ein_client"] = durchsatz(urls, 1, 5)
    if a.dauerlauf:
        print(f"  Dauerlauf: {a.dauerlauf} Absprünge (höchstens {a.dauerlauf_max_s:g} s) …", flush=True)
        with fakes(quelle) as (urls, prozess):
            durchsatz(urls, a.clients, 3)  # warm: caches, pools, the launch log filled once
            vorher = rss_kb(prozess.pid)
            lauf = durchsatz(urls, a.clients, a.dauerlauf_max_s, anzahl=a.dauerlauf)
            nachher = rss_kb(prozess.pid)
        ergebnis["dauerlauf"] = {"absprunge": lauf["erfolgreich"], "fehler": lauf["fehler"],
                                 "rss_vorher_mb": round(vorher / 1024, 1), "rss_nachher_mb": round(nachher / 1024, 1),
                                 "zuwachs_mb": round((nachher - vorher) / 1024, 1)}
    ergebnis["fehlerausgabe_zeilen"] = sum(FEHLERAUSGABE)
    return ergebnis


@contextmanager
def arbeitsbaum(rev: str) -> Iterator[Path]:
    ziel = Path(tempfile.mkdtemp(prefix="last-vergleich-"))
    subprocess.run(["git", "worktree", "add", "--detach", str(ziel), rev], cwd=WURZEL, check=True,
                   capture_output=True)
    try:
        yield ziel
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(ziel)], cwd=WURZEL, capture_output=True)


def zeilen(name: str, e: dict[str, Any]) -> list[str]:
    g, d, c = e["gleichzeitig"], e["durchsatz"], e["ein_client"]
    out = [f"{name}:",
           f"  {g['von']} gleichzeitig: {g['erfolgreich']} erfolgreich in {g['wandzeit_s']} s, Steuerung antwortete "
           f"spätestens nach {g['steuerung_langsamste_s']} s",
           f"  {d.get('sekunden')} s mit Clients: {d['absprunge_pro_s']} Absprünge/s, p50 {d['p50_ms']} ms, "
           f"p99 {d['p99_ms']} ms, {d['fehler']} Fehler",
           f"  1 Client: {c['absprunge_pro_s']} Absprünge/s, p50 {c['p50_ms']} ms"]
    out.append(f"  Fehlerausgabe der Fakes: {e['fehlerausgabe_zeilen']} Zeilen")
    if "dauerlauf" in e:
        r = e["dauerlauf"]
        out.append(f"  Dauerlauf {r['absprunge']} Absprünge ({r['fehler']} Fehler): RSS {r['rss_vorher_mb']} → "
                   f"{r['rss_nachher_mb']} MB (+{r['zuwachs_mb']} MB)")
    return out


def main() -> int:
    p = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    p.add_argument("--gleichzeitig", type=int, default=200)
    p.add_argument("--clients", type=int, default=8)
    p.add_argument("--sekunden", type=float, default=20)
    p.add_argument("--dauerlauf", type=int, default=20000, help="Absprünge im Dauerlauf (0 = ohne)")
    p.add_argument("--dauerlauf-max-s", type=float, default=300, help="Zeitgrenze des Dauerlaufs")
    p.add_argument("--vergleich", metavar="REV", help="dieselben Messungen gegen die Fakes einer git-Revision")
    return vergleichen(p.parse_args(), messen, zeilen, "last.json")


def vergleichen(a: argparse.Namespace, messen: Callable[[Path, argparse.Namespace], dict[str, Any]],
                zeilen: Callable[[str, dict[str, Any]], list[str]], datei: str) -> int:
    """``messen`` against this checkout and, with ``--vergleich REV``, first against that revision; the
    results in ``reports/<datei>`` and as lines side by side."""
    ergebnisse: dict[str, Any] = {}
    if a.vergleich:
        print(f"Stand {a.vergleich}:", flush=True)
        with arbeitsbaum(a.vergleich) as baum:
            ergebnisse[a.vergleich] = messen(baum, a)
    print("Dieser Stand:", flush=True)
    ergebnisse["jetzt"] = messen(WURZEL, a)
    (WURZEL / "reports").mkdir(exist_ok=True)
    (WURZEL / "reports" / datei).write_text(json.dumps(ergebnisse, indent=1, ensure_ascii=False))
    for name, e in ergebnisse.items():
        print("\n".join(zeilen(name, e)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
