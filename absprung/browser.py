"""Finds a usable Chromium: Debian's /usr/bin/chromium where present, else Playwright's own.

``python -m absprung.browser`` sets one up and says what it did: it uses Debian's Chromium if it
is there, installs it with apt-get when running as root on Debian/Ubuntu (no browser download
is possible on such CI machines), and otherwise runs Playwright's own installer.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

KANDIDATEN = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
# Without these, Chromium tries to reach Google's hosts at start, which a closed network refuses.
ARGUMENTE = ["--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--no-first-run", "--disable-gpu"]


def system_chromium() -> str | None:
    eigener = os.environ.get("ABSPRUNG_CHROMIUM")
    if eigener:
        return eigener
    return next((p for p in KANDIDATEN if Path(p).exists()), None)


def startargumente() -> dict[str, object]:
    """Keyword arguments for Playwright's ``browser_type.launch``."""
    args = list(ARGUMENTE)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.append("--no-sandbox")  # Chromium refuses to run as root with its sandbox
    pfad = system_chromium()
    return {"executable_path": pfad, "args": args} if pfad else {"args": args}


def einrichten() -> int:
    pfad = system_chromium()
    if pfad:
        print(f"Browser: Chromium des Systems gefunden ({pfad}); es wird nichts heruntergeladen.")
        return 0
    debian = Path("/etc/debian_version").exists()
    if debian and hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        print("Browser: kein Chromium gefunden – installiere das Debian-Paket „chromium“ mit apt-get …", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=True, env=env)
        print(f"Browser: Debian-Chromium installiert ({system_chromium()}).")
        return 0
    print("Browser: kein System-Chromium – lade Playwrights Chromium (playwright install chromium) …", flush=True)
    return subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"]).returncode


if __name__ == "__main__":
    sys.exit(einrichten())
