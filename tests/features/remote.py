"""Helpers for runs against remote targets: a separately started ``python -m fakes``, a profile, a run."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from tests.helpers import ROOT

SYSTEMS = ("cloud", "concenter", "ams", "thinksurance")
API_ONLY = "not browser and not ui"


@contextmanager
def fakes_process(*arguments: str) -> Iterator[dict[str, Any]]:
    """``python -m fakes --json`` in its own process; yields its JSON line (URLs and demo logins)."""
    process = subprocess.Popen([sys.executable, "-m", "fakes", "--json", *arguments], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None and process.stderr is not None
        line = process.stdout.readline()
        assert line, f"python -m fakes startete nicht: {process.stderr.read()}"
        yield json.loads(line)
    finally:
        process.terminate()
        process.wait(timeout=10)


def write_profile(path: Path, urls: dict[str, str], *, writes: bool, control: bool,
                  secrets: dict[str, str] | None = None, extra: str = "") -> Path:
    """A profile; ``urls`` names the remote systems, the others are "eingebettet"."""
    lines = [f'name = "{path.stem}"', f"schreiben_erlaubt = {str(writes).lower()}",
             f"steuerung = {str(control).lower()}", "[urls]"]
    lines += [f'{s} = "{urls.get(s, "eingebettet")}"' for s in SYSTEMS]
    if secrets:
        lines += ["[geheimnisse]", *(f'{name} = "{variable}"' for name, variable in secrets.items())]
    path.write_text("\n".join(lines) + "\n" + extra, encoding="utf-8")
    return path


def run_suite(profile: Path, *arguments: str, environment: dict[str, str] | None = None,
              timeout: int = 300) -> subprocess.CompletedProcess[str]:
    """One run of the suite against ``profile`` (serial unless ``arguments`` name ``-n``); screenshots go
    beside the profile unless ``arguments`` say where (never into the project's reports/)."""
    serial = [] if "-n" in arguments else ["-p", "no:xdist"]
    bilder = [] if any(a.startswith("--bilder") for a in arguments) else [f"--bilder={profile.parent / 'bilder'}"]
    return subprocess.run([sys.executable, "-m", "pytest", "features", *serial, "-q", "-rs", *bilder,
                           "--ziel", str(profile), *arguments], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, **(environment or {})})


def count(outcome: str, output: str) -> int:
    found = re.search(rf"(\d+) {outcome}", output.splitlines()[-1] if output.strip() else "")
    return int(found.group(1)) if found else 0
