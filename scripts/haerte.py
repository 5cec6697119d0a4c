"""Hardness of the fakes and the preflight, measured (a script, never a timed test; loopback only).

Three measurements, each bounded in count and time:

1. ``--muell N`` malformed requests (default 100,000) to one fake of ``python -m fakes``: after how
   many does it stop answering? (A probe ``GET /openapi.json`` every 250 requests, 3 s to answer.)
2. ``--makler N`` brokers (default 40,000) created in Thinksurance's model, one after the other: how long
   does broker 1 take against broker N (mean of the first and of the last 1000)?
3. The preflight against an ams.5 that drips its answer, one byte every 0.5 s (``--tropfen`` bytes,
   default 200), and one that answers 5 s late: how long does it wait, what does it say?

``--vergleich REV`` runs the same against a git revision (temporary worktree) in the same run.
Results: ``reports/haerte.json``. Usage: ``.venv/bin/python scripts/haerte.py [--vergleich d69f722]``.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from last import fakes, vergleichen  # the load test's fakes and its run against a revision

from tests.remotes import slow_server

PROBE_ALLE = 250
PROBE_FRIST = 3.0
MUELL = b"\x16\x03\x01\x02\x00 kein HTTP\r\n\r\n"  # what a TLS client says to a plain HTTP port


def _python(quelle: Path, code: str, timeout: float) -> dict[str, Any] | None:
    """``code`` run with the sources of ``quelle``; its last output line as JSON, None after ``timeout``."""
    try:
        fertig = subprocess.run([sys.executable, "-c", code], cwd=quelle, env={**os.environ, "PYTHONPATH": str(quelle)},
                                capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    if fertig.returncode != 0:
        raise RuntimeError(fertig.stderr[-2000:])
    ergebnis: dict[str, Any] = json.loads(fertig.stdout.strip().splitlines()[-1])
    return ergebnis


def _antwortet(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=PROBE_FRIST) as s:
            s.settimeout(PROBE_FRIST)
            s.sendall(b"GET /openapi.json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            return s.recv(12).startswith(b"HTTP/1.1 200")
    except OSError:
        return False


def muell(quelle: Path, grenze: int) -> dict[str, Any]:
    """Malformed requests to the cloud fake until it stops answering or ``grenze`` is reached."""
    with fakes(quelle, eingerichtet=False) as (urls, _):
        teile = urlsplit(urls["cloud"])
        host, port = teile.hostname or "127.0.0.1", teile.port or 80
        beginn = time.perf_counter()
        for n in range(1, grenze + 1):
            haengt = False
            try:
                with socket.create_connection((host, port), timeout=PROBE_FRIST) as s:
                    s.settimeout(PROBE_FRIST)
                    s.sendall(MUELL)
                    while s.recv(4096):
                        pass
            except TimeoutError:
                haengt = True  # no answer at all: the probe decides at once
            except OSError:
                pass  # a refused or reset connection is an answer too; the probe decides
            if haengt or n % PROBE_ALLE == 0:
                if not _antwortet(host, port):
                    return {"anfragen_bis_stillstand": n, "erreicht": False,
                            "sekunden": round(time.perf_counter() - beginn, 1)}
                if n % 10_000 == 0:
                    print(f"    {n} schlechte Anfragen, antwortet noch", flush=True)
        return {"anfragen_bis_stillstand": grenze, "erreicht": True, "sekunden": round(time.perf_counter() - beginn, 1)}


MAKLER = """
import json, statistics, time
from basis import demo
from fakes.thinksurance.models import Thinksurance
ts = Thinksurance(); ts.load("ausgangslage")
token = ts.token_anfordern(demo.TS_HASH, demo.TS_SECRET)[0]
zeiten = []
for i in range({n}):
    a = {{"type": 1, "bExternalId": f"m{{i}}@makler.example", "bLastName": "M", "bEmail": f"m{{i}}@makler.example"}}
    t = time.perf_counter(); ts.create_broker(token, demo.TS_ATOKEN, a); zeiten.append(time.perf_counter() - t)
h = len(zeiten) // 2
print(json.dumps({{"erste_1000_us": statistics.mean(zeiten[:1000]) * 1e6,
                  "letzte_1000_us": statistics.mean(zeiten[-1000:]) * 1e6,
                  "erste_haelfte_s": sum(zeiten[:h]), "zweite_haelfte_s": sum(zeiten[h:])}}))
"""


def makler(quelle: Path, n: int) -> dict[str, Any]:
    e = _python(quelle, MAKLER.format(n=n), timeout=900)
    assert e is not None
    return {**{k: round(v, 1 if k.endswith("us") else 2) for k, v in e.items()}, "anzahl": n,
            "verhaeltnis_letzte_zu_erste": round(e["letzte_1000_us"] / e["erste_1000_us"], 2),
            "verhaeltnis_zweite_zu_erste_haelfte": round(e["zweite_haelfte_s"] / e["erste_haelfte_s"], 2)}


VORAB = """
import json, time
from absprung import preflight
from basis.systeme import NAMEN
from basis.ziel import EMBEDDED, Target, World
t = Target("haerte", {{s: "{url}" if s == "ams" else EMBEDDED for s in NAMEN}}, embedded=frozenset(NAMEN) - {{"ams"}},
           world=World())
beginn = time.perf_counter(); [c] = preflight.run(t)
print(json.dumps({{"sekunden": time.perf_counter() - beginn, "zeile": c.line}}))
"""


def vorabpruefung(quelle: Path, tropfen: int, grenze: float) -> dict[str, Any]:
    ergebnis: dict[str, Any] = {}
    for name, art in (("tropfend", {"pause": 0.5, "laenge": tropfen}), ("5_s_spaet", {"vorher": 5.0})):
        with slow_server(**art) as url:
            beginn = time.perf_counter()
            e = _python(quelle, VORAB.format(url=url), timeout=grenze)
        abgebrochen = {"sekunden": round(time.perf_counter() - beginn, 1), "zeile": f"nach {grenze:g} s abgebrochen"}
        ergebnis[name] = {"sekunden": round(e["sekunden"], 1), "zeile": e["zeile"]} if e is not None else abgebrochen
    return ergebnis


def messen(quelle: Path, a: argparse.Namespace) -> dict[str, Any]:
    print(f"  {a.muell} schlechte Anfragen an einen Fake …", flush=True)
    ergebnis = {"muell": muell(quelle, a.muell)}
    print(f"  {a.makler} Makler bei Thinksurance anlegen …", flush=True)
    ergebnis["makler"] = makler(quelle, a.makler)
    print(f"  Vorabprüfung gegen ein tropfendes und ein spätes ams.5 (höchstens {a.grenze:g} s je Fall) …", flush=True)
    ergebnis["vorabpruefung"] = vorabpruefung(quelle, a.tropfen, a.grenze)
    return ergebnis


def zeilen(name: str, e: dict[str, Any]) -> list[str]:
    m, k, v = e["muell"], e["makler"], e["vorabpruefung"]
    bis = f"≥ {m['anfragen_bis_stillstand']} (antwortet noch)" if m["erreicht"] else str(m["anfragen_bis_stillstand"])
    return [f"{name}:",
            f"  schlechte Anfragen, bis der Fake nicht mehr antwortet: {bis} ({m['sekunden']} s)",
            f"  Makler anlegen: Nr. 1–1000 je {k['erste_1000_us']} µs, die letzten 1000 von {k['anzahl']} je "
            f"{k['letzte_1000_us']} µs (×{k['verhaeltnis_letzte_zu_erste']}; zweite Hälfte ×"
            f"{k['verhaeltnis_zweite_zu_erste_haelfte']} der ersten)",
            f"  Vorabprüfung, tropfendes ams.5: {v['tropfend']['sekunden']} s – {v['tropfend']['zeile']}",
            f"  Vorabprüfung, 5 s spätes ams.5: {v['5_s_spaet']['sekunden']} s – {v['5_s_spaet']['zeile']}"]


def main() -> int:
    p = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    p.add_argument("--muell", type=int, default=100_000, help="schlechte Anfragen höchstens")
    p.add_argument("--makler", type=int, default=40_000, help="Makler, die angelegt werden")
    p.add_argument("--tropfen", type=int, default=200, help="Bytes, die das tropfende ams.5 je Antwort schickt")
    p.add_argument("--grenze", type=float, default=300, help="Sekunden, nach denen eine Vorabprüfung abbricht")
    p.add_argument("--vergleich", metavar="REV", help="dieselben Messungen gegen eine git-Revision")
    return vergleichen(p.parse_args(), messen, zeilen, "haerte.json")

if __name__ == "__main__":
    sys.exit(main())
