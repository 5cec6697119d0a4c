"""Benchmark of the fakes and the acceptance suite (a script, never a timed test).

Measures in one run, side by side: start of `python -m fakes --json` until its JSON line (median);
the acceptance suite serially, with `-n 2` and split in two parts merged (`--teil 1/2`, `--teil 2/2` side
by side on this machine as two runners would, then `python -m absprung zusammenfuehren`; and the longer
part alone, as on two machines) – wall time, best of the runs, and the ratios; the
full click-through of the guide alone (its scenario's duration, median, with and without its first
step, which also starts Playwright's driver and Chromium); the median API and browser scenario;
with `--tests` also the whole test suite (`make test`'s pytest) serially and with `-n 2`. Writes
reports/benchmark.json and prints a table. Usage: `make benchmark` or
`.venv/bin/python scripts/benchmark.py [--wiederholungen N] [--tests]`.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
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


KLICK = "gewerbeplattform_öffnet_sich_im_browser"  # the full click-through (@ui @doku)


def suite(*argumente: str, lauf: Path | None = None, ziele: tuple[str, ...] = ("features",)) -> float:
    """Wall time of one pytest run; ``ziele=()`` runs pyproject's testpaths, as `make test` does."""
    befehl = [sys.executable, "-m", "pytest", *ziele, "-q", *argumente]
    if lauf is not None:
        befehl.append(f"--lauf-json={lauf}")
    beginn = time.perf_counter()
    ergebnis = subprocess.run(befehl, cwd=WURZEL, capture_output=True, text=True, env=UMGEBUNG)
    dauer = time.perf_counter() - beginn
    if ergebnis.returncode != 0:
        sys.exit(f"Nicht alle bestanden ({' '.join(befehl[3:])}):\n{ergebnis.stdout[-2000:]}")
    return dauer


def geteilt(tmp: Path) -> tuple[float, float, float]:
    """(both parts side by side + merge, the longer part alone, the merge alone) in seconds."""
    def teil(k: int) -> list[str]:
        return [sys.executable, "-m", "pytest", "features", "-q", "-p", "no:xdist", f"--teil={k}/2",
                f"--lauf-json={tmp / f'teil{k}' / 'lauf.json'}", f"--bilder={tmp / f'teil{k}' / 'bilder'}"]

    beginn = time.perf_counter()
    laeufe = [subprocess.Popen(teil(k), cwd=WURZEL, stdout=subprocess.DEVNULL, env=UMGEBUNG) for k in (1, 2)]
    if any(p.wait() != 0 for p in laeufe):
        sys.exit("Ein Teil bestand nicht.")
    zusammen = time.perf_counter()
    ergebnis = subprocess.run([sys.executable, "-m", "absprung", "zusammenfuehren", str(tmp / "teil1"),
                               str(tmp / "teil2"), "--ausgabe", str(tmp / "zusammen"), "--ohne-verlauf"],
                              cwd=WURZEL, capture_output=True, text=True, env=UMGEBUNG)
    ende = time.perf_counter()
    if ergebnis.returncode != 0:
        sys.exit(f"Zusammenführen scheiterte:\n{ergebnis.stdout[-1500:]}{ergebnis.stderr[-1500:]}")
    allein = []
    for k in (1, 2):
        start = time.perf_counter()
        subprocess.run(teil(k), cwd=WURZEL, stdout=subprocess.DEVNULL, env=UMGEBUNG, check=True)
        allein.append(time.perf_counter() - start)
    return ende - beginn, max(allein), ende - zusammen


def verlauf_nach(laeufe: int, lauf: Path, tmp: Path) -> tuple[int, int, float]:
    """The history after ``laeufe`` runs like ``lauf`` (one a minute): (bytes, runs kept, ms per append)."""
    sys.path.insert(0, str(WURZEL))
    from dataclasses import replace
    from datetime import datetime, timedelta

    from absprung.record import verlauf
    from absprung.record.model import Run

    run = Run.from_json(json.loads(lauf.read_text(encoding="utf-8")))
    pfad, beginn = tmp / "verlauf.jsonl", datetime(2026, 1, 1)
    start = time.perf_counter()
    for i in range(laeufe):
        verlauf.anhaengen(pfad, replace(run, created=(beginn + timedelta(minutes=i)).strftime("%Y-%m-%d %H:%M:%S")))
    dauer = (time.perf_counter() - start) / laeufe
    return pfad.stat().st_size, len(verlauf.lesen(pfad)), round(dauer * 1000, 1)


def durchklicken(n: int, tmp: Path) -> tuple[list[float], list[float]]:
    """The click-through's scenario duration, and the same without its first step."""
    ganz, ohne_ersten = [], []
    for i in range(n):
        lauf = tmp / f"klick-{i}.json"
        suite("-p", "no:xdist", "-k", KLICK, lauf=lauf)
        (s,) = json.loads(lauf.read_text(encoding="utf-8"))["szenarien"]
        ganz.append(s["dauer_s"])
        ohne_ersten.append(sum(x["dauer_s"] for x in s["schritte"][1:]))
    return ganz, ohne_ersten


def median_ms(werte: list[float]) -> float:
    return round(statistics.median(werte) * 1000, 1) if werte else float("nan")


def main() -> int:
    a = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    a.add_argument("--wiederholungen", type=int, default=3, help="Läufe der Suite je Variante (Standard 3)")
    a.add_argument("--starts", type=int, default=9, help="Starts von python -m fakes (Standard 9)")
    a.add_argument("--tests", action="store_true", help="auch alle Tests seriell und mit -n 2 (je ≈ 2–4 min)")
    o = a.parse_args()
    print(f"Messe den Start von python -m fakes ({o.starts}×) …", flush=True)
    starts = serve_start(o.starts)
    print("Aufwärmen (ein Lauf, wird nicht gezählt) …", flush=True)
    suite("-p", "no:xdist")
    with tempfile.TemporaryDirectory() as tmp:
        lauf = Path(tmp) / "lauf.json"
        seriell, parallel, teile = [], [], []
        for i in range(o.wiederholungen):
            print(f"Suite seriell, Lauf {i + 1}/{o.wiederholungen} …", flush=True)
            seriell.append(suite("-p", "no:xdist", lauf=lauf))
            print(f"Suite mit -n 2, Lauf {i + 1}/{o.wiederholungen} …", flush=True)
            parallel.append(suite("-n", "2"))
            print(f"Suite in zwei Teilen, zusammengeführt, Lauf {i + 1}/{o.wiederholungen} …", flush=True)
            teile.append(geteilt(Path(tmp) / f"teile-{i}"))
        szenarien = json.loads(lauf.read_text(encoding="utf-8"))["szenarien"]
        print("Verlauf nach 200 Läufen …", flush=True)
        verlauf_bytes, verlauf_laeufe, verlauf_ms = verlauf_nach(200, lauf, Path(tmp))
        print(f"Durchklicken des Leitfadens allein ({o.wiederholungen}×) …", flush=True)
        klick, klick_ohne_start = durchklicken(o.wiederholungen, Path(tmp))
        tests_seriell = tests_n2 = None
        if o.tests:
            print("Alle Tests seriell (pytest -p no:xdist) …", flush=True)
            tests_seriell = suite("-p", "no:xdist", ziele=())
            print("Alle Tests mit -n 2 …", flush=True)
            tests_n2 = suite("-n", "2", ziele=())
    im_browser = [s for s in szenarien if {"browser", "ui"} & set(s["tags"])]  # anything driving Chromium
    browser = [s["dauer_s"] for s in im_browser]
    api = [s["dauer_s"] for s in szenarien if s not in im_browser]
    ergebnis = {
        "szenarien": len(szenarien), "api_szenarien": len(api), "browser_szenarien": len(browser),
        "serve_start_median_s": round(statistics.median(starts), 3),
        "serve_start_s": [round(x, 3) for x in starts],
        "suite_seriell_s": round(min(seriell), 2), "suite_n2_s": round(min(parallel), 2),
        "beschleunigung_n2": round(min(seriell) / min(parallel), 2),
        "zwei_teile_nebeneinander_s": round(min(t[0] for t in teile), 2),
        "beschleunigung_zwei_teile": round(min(seriell) / min(t[0] for t in teile), 2),
        "laengerer_teil_allein_s": round(min(t[1] for t in teile), 2),
        "zusammenfuehren_s": round(min(t[2] for t in teile), 2),
        "beschleunigung_zwei_rechner": round(min(seriell) / (min(t[1] for t in teile) + min(t[2] for t in teile)), 2),
        "api_szenario_median_ms": median_ms(api), "browser_szenario_median_ms": median_ms(browser),
        "durchklicken_s": round(statistics.median(klick), 2),
        "durchklicken_ohne_ersten_schritt_s": round(statistics.median(klick_ohne_start), 2),
        "verlauf_200_laeufe_kib": round(verlauf_bytes / 1024, 1), "verlauf_200_laeufe_behalten": verlauf_laeufe,
        "verlauf_anhaengen_ms": verlauf_ms,
        "cpu_kerne": os.cpu_count(), "rechner": socket.gethostname(), "python": sys.version.split()[0],
    }
    if tests_seriell and tests_n2:
        ergebnis.update(tests_seriell_s=round(tests_seriell, 1), tests_n2_s=round(tests_n2, 1),
                        beschleunigung_tests_n2=round(tests_seriell / tests_n2, 2))
    ziel = WURZEL / "reports" / "benchmark.json"
    ziel.parent.mkdir(exist_ok=True)
    if not o.tests:  # keep this machine's last measurement of the tests (make uses it, scripts/parallel.py)
        try:
            vorher = json.loads(ziel.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            vorher = {}
        if isinstance(vorher, dict) and (vorher.get("rechner"), vorher.get("cpu_kerne")) == (
                ergebnis["rechner"], ergebnis["cpu_kerne"]):
            ergebnis.update({k: v for k, v in vorher.items() if k.startswith(("tests_", "beschleunigung_tests"))})
    ziel.write_text(json.dumps(ergebnis, ensure_ascii=False, indent=1), encoding="utf-8")
    print()
    print(f"Szenarien: {len(szenarien)} ({len(api)} API, {len(browser)} Browser)")
    print(f"python -m fakes bis zur JSON-Zeile (Median): {ergebnis['serve_start_median_s']:.3f} s")
    print(f"Suite seriell: {ergebnis['suite_seriell_s']:.1f} s · mit -n 2: {ergebnis['suite_n2_s']:.1f} s "
          f"· Faktor {ergebnis['beschleunigung_n2']:.2f}")
    print(f"In zwei Teilen nebeneinander + Zusammenführen: {ergebnis['zwei_teile_nebeneinander_s']:.1f} s "
          f"· Faktor {ergebnis['beschleunigung_zwei_teile']:.2f}; auf zwei Rechnern (längerer Teil "
          f"{ergebnis['laengerer_teil_allein_s']:.1f} s + Zusammenführen {ergebnis['zusammenfuehren_s']:.1f} s) "
          f"· Faktor {ergebnis['beschleunigung_zwei_rechner']:.2f}")
    print(f"Verlauf nach 200 Läufen: {ergebnis['verlauf_200_laeufe_kib']} KiB, {verlauf_laeufe} Läufe behalten, "
          f"{verlauf_ms} ms je Anhängen")
    if "beschleunigung_tests_n2" in ergebnis:
        print(f"Alle Tests seriell: {ergebnis['tests_seriell_s']:.0f} s · mit -n 2: {ergebnis['tests_n2_s']:.0f} s "
              f"· Faktor {ergebnis['beschleunigung_tests_n2']:.2f}")
    print(f"Durchklicken des Leitfadens (Median): {ergebnis['durchklicken_s']:.2f} s, ohne den ersten Schritt "
          f"(startet Playwright und Chromium): {ergebnis['durchklicken_ohne_ersten_schritt_s']:.2f} s")
    print(f"Median je API-Szenario: {ergebnis['api_szenario_median_ms']} ms · "
          f"je Browser-Szenario: {ergebnis['browser_szenario_median_ms']} ms")
    print(f"Gespeichert: {ziel.relative_to(WURZEL)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
