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

KANDIDATEN = ("/usr/bin/chromium-headless-shell", "/usr/bin/chromium", "/usr/bin/chromium-browser")
# Without these, Chromium tries to reach Google's hosts at start, which a closed network refuses.
ARGUMENTE = ["--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--no-first-run", "--disable-gpu"]


def system_chromium(*, headless: bool = True) -> str | None:
    eigener = os.environ.get("ABSPRUNG_CHROMIUM")
    if eigener:
        return eigener
    kandidaten = KANDIDATEN if headless else KANDIDATEN[1:]  # the shell cannot show a window
    return next((p for p in kandidaten if Path(p).exists()), None)


def startargumente(*, headless: bool = True) -> dict[str, object]:
    """Keyword arguments for Playwright's ``browser_type.launch``."""
    args = list(ARGUMENTE)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--no-sandbox")  # Chromium refuses to run as root with its sandbox
    pfad = system_chromium(headless=headless)
    return {"executable_path": pfad, "args": args} if pfad else {"args": args}


def _apt_erlaubt() -> bool:
    return (Path("/etc/debian_version").exists() and hasattr(os, "geteuid") and os.geteuid() == 0
            and shutil.which("apt-get") is not None)


def _apt_installieren(*pakete: str) -> bool:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for befehl in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", *pakete]):
        if subprocess.run(befehl, env=env).returncode != 0:
            return False
    return True


def einrichten() -> int:
    pfad = system_chromium()
    if pfad and (pfad != "/usr/bin/chromium" or not _apt_erlaubt()):
        print(f"Browser: Chromium des Systems gefunden ({pfad}); es wird nichts heruntergeladen.")
        return 0
    if pfad:
        print(f"Browser: Chromium des Systems gefunden ({pfad}); ergänze das Debian-Paket "
              "„chromium-headless-shell“ (schneller ohne Bildschirm) …", flush=True)
        if not _apt_installieren("chromium-headless-shell"):
            print(f"Browser: „chromium-headless-shell“ nicht installierbar – nutze {pfad}.")
        print(f"Browser: nutze {system_chromium()}.")
        return 0
    if _apt_erlaubt():
        print("Browser: kein Chromium gefunden – installiere die Debian-Pakete „chromium“ und "
              "„chromium-headless-shell“ mit apt-get …", flush=True)
        if not _apt_installieren("chromium", "chromium-headless-shell") and not _apt_installieren("chromium"):
            print("Fehler: apt-get konnte Chromium nicht installieren.", file=sys.stderr)
            return 1
        print(f"Browser: Debian-Chromium installiert ({system_chromium()}).")
        return 0
    print("Browser: kein System-Chromium – lade Playwrights Chromium (playwright install chromium) …", flush=True)
    return subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"]).returncode


if __name__ == "__main__":
    sys.exit(einrichten())
