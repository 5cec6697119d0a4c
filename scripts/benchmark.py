"""Benchmark of the fakes and the acceptance suite (a script, never a timed test).

Measures: start of `python -m fakes --json` until its JSON line (median of several runs); the
whole acceptance suite serially and with `-n 2` (wall time, best of the runs); the median
duration of API and browser scenarios from the serial run's lauf.json. Writes
reports/benchmark.json and prints a table. Usage: `make benchmark` or
`.venv/bin/python scripts/benchmark.py [--wiederholungen N]`.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WURZEL = Path(__file__).resolve().parent.parent
UMGEBUNG = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def serve_start(n: int) -> list[float]:
    zeiten = []
    for _ in range(n):
        beginn = time.perf_counter()
        p = subprocess.Popen([sys.executable, "-m", "fakes", "--json"], cwd=WURZEL, stdout=subprocess.PIPE,
                             text=True, env=UMGEBUNG)
        assert p.stdout is not None
        zeile = p.stdout.readline()
        zeiten.append(time.perf_counter() - beginn)
        p.terminate()
        p.wait(timeout=10)
        json.loads(zeile)
    return zeiten


def suite(*argumente: str, lauf: Path | None = None) -> float:
    befehl = [sys.executable, "-m", "pytest", "features", "-q", *argumente]
    if lauf is not None:
        befehl.append(f"--lauf-json={lauf}")
    beginn = time.perf_counter()
    ergebnis = subprocess.run(befehl, cwd=WURZEL, capture_output=True, text=True, env=UMGEBUNG)
    dauer = time.perf_counter() - beginn
    if ergebnis.returncode != 0:
        sys.exit(f"Die Szenarien sind nicht alle bestanden:\n{ergebnis.stdout[-2000:]}")
    return dauer


def median_ms(werte: list[float]) -> float:
    return round(statistics.median(werte) * 1000, 1) if werte else float("nan")


def main() -> int:
    a = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    a.add_argument("--wiederholungen", type=int, default=3, help="Läufe der Suite je Variante (Standard 3)")
    a.add_argument("--starts", type=int, default=9, help="Starts von python -m fakes (Standard 9)")
    o = a.parse_args()
    print(f"Messe den Start von python -m fakes ({o.starts}×) …", flush=True)
    starts = serve_start(o.starts)
    print("Aufwärmen (ein Lauf, wird nicht gezählt) …", flush=True)
    suite("-p", "no:xdist")
    with tempfile.TemporaryDirectory() as tmp:
        lauf = Path(tmp) / "lauf.json"
        seriell, parallel = [], []
        for i in range(o.wiederholungen):
            print(f"Suite seriell, Lauf {i + 1}/{o.wiederholungen} …", flush=True)
            seriell.append(suite("-p", "no:xdist", lauf=lauf))
            print(f"Suite mit -n 2, Lauf {i + 1}/{o.wiederholungen} …", flush=True)
            parallel.append(suite("-n", "2"))
        szenarien = json.loads(lauf.read_text(encoding="utf-8"))["szenarien"]
    im_browser = [s for s in szenarien if {"browser", "ui"} & set(s["tags"])]  # anything driving Chromium
    browser = [s["dauer_s"] for s in im_browser]
    api = [s["dauer_s"] for s in szenarien if s not in im_browser]
    ergebnis = {
        "szenarien": len(szenarien), "api_szenarien": len(api), "browser_szenarien": len(browser),
        "serve_start_median_s": round(statistics.median(starts), 3),
        "serve_start_s": [round(x, 3) for x in starts],
        "suite_seriell_s": round(min(seriell), 2), "suite_n2_s": round(min(parallel), 2),
        "beschleunigung_n2": round(min(seriell) / min(parallel), 2),
        "api_szenario_median_ms": median_ms(api), "browser_szenario_median_ms": median_ms(browser),
        "cpu_kerne": os.cpu_count(), "python": sys.version.split()[0],
    }
    ziel = WURZEL / "reports" / "benchmark.json"
    ziel.parent.mkdir(exist_ok=True)
    ziel.write_text(json.dumps(ergebnis, ensure_ascii=False, indent=1), encoding="utf-8")
    print()
    print(f"Szenarien: {len(szenarien)} ({len(api)} API, {len(browser)} Browser)")
    print(f"python -m fakes bis zur JSON-Zeile (Median): {ergebnis['serve_start_median_s']:.3f} s")
    print(f"Suite seriell: {ergebnis['suite_seriell_s']:.1f} s · mit -n 2: {ergebnis['suite_n2_s']:.1f} s "
          f"· Faktor {ergebnis['beschleunigung_n2']:.2f}")
    print(f"Median je API-Szenario: {ergebnis['api_szenario_median_ms']} ms · "
          f"je Browser-Szenario: {ergebnis['browser_szenario_median_ms']} ms")
    print(f"Gespeichert: {ziel.relative_to(WURZEL)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
