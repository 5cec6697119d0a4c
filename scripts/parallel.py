"""Prints the pytest options for a job of make: ``-n 2`` only where it measured faster on this machine.

Usage (make does it): ``python3 scripts/parallel.py szenarien|tests``. Decides by
``reports/benchmark.json`` (``make benchmark``; for the tests ``make benchmark BENCHMARK=--tests``):
when that measurement comes from this machine (same name and number of cores), ``-n 2`` where it was at
least 5 % faster than serial, else serial. Without a measurement of this machine it takes the figures
measured on the reference machine (2 cores, in the README): the scenarios serially (``-n 2`` measured
0.97×: every worker starts the fakes, Playwright and Chromium), the tests with ``-n 2`` (1.56×) where
there are at least 2 cores. The reason goes to stderr, the options to stdout. Standard library only:
it runs before the virtual environment exists.
"""

from __future__ import annotations

import json
import os
import socket
import sys
from pathlib import Path

MESSUNG = Path(__file__).resolve().parent.parent / "reports" / "benchmark.json"
SCHWELLE = 1.05  # -n 2 must be at least this much faster
REFERENZ = {"szenarien": 0.97, "tests": 1.56}  # factors serial / -n 2 on the reference machine (README)
FAKTOR = {"szenarien": "beschleunigung_n2", "tests": "beschleunigung_tests_n2"}
SERIELL = "-p no:xdist"


def entscheiden(job: str, messung: dict[str, object] | None, kerne: int, rechner: str) -> tuple[str, str]:
    """(options, German reason)."""
    if kerne < 2:
        return SERIELL, f"seriell: dieser Rechner hat {kerne} Kern"
    faktor, woher = REFERENZ[job], "auf dem Referenzrechner (README), hier noch nicht gemessen – make benchmark"
    gemessen = messung.get(FAKTOR[job]) if messung is not None else None
    if messung is not None and messung.get("rechner") == rechner and messung.get("cpu_kerne") == kerne \
            and isinstance(gemessen, (int, float)):
        faktor, woher = float(gemessen), f"auf diesem Rechner gemessen ({MESSUNG.name})"
    text = f"{faktor:.2f}".replace(".", ",")
    if faktor >= SCHWELLE:
        return "-n 2", f"-n 2: {text}× schneller als seriell {woher}"
    return SERIELL, f"seriell: -n 2 war {text}× so schnell {woher}"


def main(argv: list[str]) -> int:
    if len(argv) != 1 or argv[0] not in REFERENZ:
        print("Aufruf: python3 scripts/parallel.py szenarien|tests", file=sys.stderr)
        return 2
    try:
        messung = json.loads(MESSUNG.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        messung = None
    optionen, grund = entscheiden(argv[0], messung if isinstance(messung, dict) else None, os.cpu_count() or 1,
                                  socket.gethostname())
    print(f"   Parallelität für die {argv[0].capitalize()}: {grund}", file=sys.stderr)
    print(optionen)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
