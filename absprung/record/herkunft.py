"""Where a run's results came from, gathered in the controlling process, and how every output shows it.

``erheben`` collects what the record plugin cannot know from the scenarios: the target's systems
(set by whoever knows the target, ``steps.ziel``), whether the checkout had changes, the versions of
Python and the packages that ran the suite, the CI job, the machine. The browser comes from the
scenarios themselves (what Playwright reported when they ran), the part from the split settings.

``eintraege`` is the one list every output shows – report, JUnit properties, Cucumber, Allure, site:
(machine key, German label, value). Addresses lose user, password, query and fragment: a profile's
URL may carry credentials, and they never reach an output.
"""

from __future__ import annotations

import importlib.metadata
import os
import platform
import socket
import subprocess
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from basis.secret import mask
from basis.systeme import NAMEN, TITEL
from basis.ziel import EMBEDDED

from .model import Herkunft, Run

CI_LABEL = {"system": "CI-System", "job": "CI-Job", "pipeline": "CI-Pipeline", "zweig": "CI-Zweig"}
PAKETE = ("pytest", "pytest-bdd", "pytest-xdist", "pytest-split", "playwright", "pytest-html", "absprung-leitfaden")


def adresse(url: str) -> str:
    """A system's address as outputs may show it: no credentials, no query, no fragment."""
    if url == EMBEDDED:
        return url
    teile = urlsplit(url)
    host = teile.hostname or ""
    if teile.port:
        host += f":{teile.port}"
    # mask: a second net for a secret in the path (a one-time link, a remembered token)
    return mask(urlunsplit((teile.scheme, host, teile.path, "", ""))) if teile.scheme else "unbekannt"


def versionen() -> dict[str, str]:
    gefunden = {"Python": platform.python_version()}
    for paket in PAKETE:
        try:
            gefunden[paket] = importlib.metadata.version(paket)
        except importlib.metadata.PackageNotFoundError:
            continue
    return gefunden


def ci() -> dict[str, str]:
    """The CI job that ran this, from the variables GitLab and GitHub set (none of them secret)."""
    env = os.environ
    if env.get("GITLAB_CI"):
        daten = {"system": "GitLab CI", "job": env.get("CI_JOB_URL", ""), "pipeline": env.get("CI_PIPELINE_ID", ""),
                 "zweig": env.get("CI_COMMIT_REF_NAME", "")}
    elif env.get("GITHUB_ACTIONS"):
        server, repo = env.get("GITHUB_SERVER_URL", ""), env.get("GITHUB_REPOSITORY", "")
        lauf = env.get("GITHUB_RUN_ID")
        daten = {"system": "GitHub Actions", "job": f"{server}/{repo}/actions/runs/{lauf}" if lauf else "",
                 "pipeline": env.get("GITHUB_RUN_NUMBER", ""), "zweig": env.get("GITHUB_REF_NAME", "")}
    else:
        return {}
    return {k: adresse(v) if k == "job" and v else v for k, v in daten.items() if v}


def _git(root: Path, *argumente: str) -> str | None:
    try:
        ergebnis = subprocess.run(["git", *argumente], cwd=root, capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.SubprocessError):
        return None
    return ergebnis.stdout if ergebnis.returncode == 0 else None


def commit(root: Path) -> str:
    return (_git(root, "rev-parse", "--short", "HEAD") or "").strip() or "unbekannt"


def geaendert(root: Path) -> bool:
    """Changes to tracked files not committed (the results may not be the commit's)."""
    return bool((_git(root, "status", "--porcelain", "--untracked-files=no") or "").strip())


def erheben(root: Path, systeme: dict[str, str], profil: str | None, teil: str | None,
            browser: list[str]) -> Herkunft:
    return Herkunft(profil=profil, systeme={s: adresse(u) for s, u in systeme.items()}, geaendert=geaendert(root),
                    versionen=versionen(), browser=sorted(set(browser)), teil=teil, ci=ci(),
                    rechner=socket.gethostname())


def eintraege(run: Run) -> list[tuple[str, str, str]]:
    """(key, German label, value) for every output, in the order people read them."""
    h = run.herkunft
    zeilen = [("ziel", "Ziel", run.target or "unbekannt"),
              ("profil", "Zielprofil", h.profil or "keines (eingebettete Fakes)")]
    zeilen += [(f"system.{s}", TITEL[s], h.systeme[s]) for s in NAMEN if s in h.systeme]
    zeilen.append(("commit", "Commit", run.commit + (" (mit nicht eingecheckten Änderungen)" if h.geaendert else "")))
    if h.teil:
        zeilen.append(("teil", "Teil", f"{h.teil} (nur die Szenarien dieses Teils)"))
    if h.teile:
        zeilen.append(("teile", "Zusammengeführt aus", ", ".join(f"Teil {t}" for t in h.teile)))
    zeilen.append(("browser", "Browser", ", ".join(h.browser) or "kein Browser-Szenario gelaufen"))
    zeilen += [(f"version.{p}", p, v) for p, v in h.versionen.items()]
    zeilen += [(f"ci.{k}", CI_LABEL.get(k, f"CI ({k})"), v) for k, v in h.ci.items()]
    if h.rechner:
        zeilen.append(("rechner", "Rechner", h.rechner))
    return zeilen
