"""Finds a usable Chromium: Debian's where present, else Playwright's own.

``python -m absprung.browser`` sets one up and says what it did: it uses Debian's Chromium if it
is there, installs it with apt-get when running as root on Debian/Ubuntu (no browser download
is possible on such CI machines), and otherwise runs Playwright's own installer.

Debian's ``chromium-headless-shell`` (the "old headless" shell, which Playwright itself uses
for headless runs) is preferred when present: here it needs about a third less CPU than the
full browser, which matters on 2 cores. The bootstrap adds it when it may use apt-get.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

CANDIDATES = ("/usr/bin/chromium-headless-shell", "/usr/bin/chromium", "/usr/bin/chromium-browser")
# Without these, Chromium tries to reach Google's hosts at start, which a closed network refuses.
ARGS = ["--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--no-first-run", "--disable-gpu"]


def system_chromium(*, headless: bool = True) -> str | None:
    own = os.environ.get("ABSPRUNG_CHROMIUM")
    if own:
        return own
    candidates = CANDIDATES if headless else CANDIDATES[1:]  # the shell cannot show a window
    return next((p for p in candidates if Path(p).exists()), None)


def launch_args(*, headless: bool = True) -> dict[str, Any]:
    """Keyword arguments for Playwright's ``browser_type.launch``."""
    args = list(ARGS)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--no-sandbox")  # Chromium refuses to run as root with its sandbox
    path = system_chromium(headless=headless)
    return {"executable_path": path, "args": args} if path else {"args": args}


def _apt_allowed() -> bool:
    return (Path("/etc/debian_version").exists() and hasattr(os, "geteuid") and os.geteuid() == 0
            and shutil.which("apt-get") is not None)


def _apt_install(*packages: str) -> bool:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", *packages]):
        if subprocess.run(command, env=env).returncode != 0:
            return False
    return True


def setup() -> int:
    path = system_chromium()
    if path and (path != "/usr/bin/chromium" or not _apt_allowed()):
        print(f"Browser: Chromium des Systems gefunden ({path}); es wird nichts heruntergeladen.")
        return 0
    if path:
        print(f"Browser: Chromium des Systems gefunden ({path}); ergänze das Debian-Paket "
              "„chromium-headless-shell“ (schneller ohne Bildschirm) …", flush=True)
        if not _apt_install("chromium-headless-shell"):
            print(f"Browser: „chromium-headless-shell“ nicht installierbar – nutze {path}.")
        print(f"Browser: nutze {system_chromium()}.")
        return 0
    if _apt_allowed():
        print("Browser: kein Chromium gefunden – installiere die Debian-Pakete „chromium“ und "
              "„chromium-headless-shell“ mit apt-get …", flush=True)
        if not _apt_install("chromium", "chromium-headless-shell") and not _apt_install("chromium"):
            print("Fehler: apt-get konnte Chromium nicht installieren.", file=sys.stderr)
            return 1
        print(f"Browser: Debian-Chromium installiert ({system_chromium()}).")
        return 0
    print("Browser: kein System-Chromium – lade Playwrights Chromium (playwright install chromium) …", flush=True)
    return subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"]).returncode


if __name__ == "__main__":
    sys.exit(setup())
