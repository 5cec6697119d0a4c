"""The trainer password of ``python -m fakes``: needed for the control API, the support paths, the seats'
administration and the trainer's overview whenever others can reach the fakes (``--host``) or a group
shares them (``--plaetze``).

It comes from ``FAKES_TRAINER_PASSWORT``; without it one is made and written to a file only its owner
can read (its path is printed, never the password), removed when the fakes stop.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from basis import zustandsordner
from fakes.common.app import LOOPBACK

UMGEBUNG = "FAKES_TRAINER_PASSWORT"


@dataclass(frozen=True)
class TrainerPasswort:
    wert: str
    datei: Path | None  # where a made password was written; None = from the environment

    def zeile(self) -> str:
        """For the person starting the fakes: where the password is (never the password)."""
        if self.datei is None:
            return f"Trainer-Passwort: aus {UMGEBUNG}."
        return (f"Trainer-Passwort: steht in {self.datei} (nur für Sie lesbar; eigenes Passwort mit {UMGEBUNG}). "
                "Benutzername beliebig.")

    def entfernen(self) -> None:
        if self.datei is not None:
            self.datei.unlink(missing_ok=True)


def trainer_passwort(host: str, plaetze: int) -> TrainerPasswort | None:
    """None where nobody else reaches the fakes (loopback, one world): everything as before."""
    if host in LOOPBACK and not plaetze:
        return None
    eigenes = os.environ.get(UMGEBUNG, "")
    if eigenes:
        return TrainerPasswort(eigenes, None)
    wert = secrets.token_urlsafe(12)
    ordner = zustandsordner.ordner()
    ordner.mkdir(parents=True, exist_ok=True)
    for alt in ordner.glob("trainer-passwort-*.txt"):  # left by a server that was killed
        pid = alt.stem.rsplit("-", 1)[1]
        if pid.isdigit() and not zustandsordner.prozess_laeuft(int(pid)):
            alt.unlink(missing_ok=True)
    datei = ordner / f"trainer-passwort-{os.getpid()}.txt"
    datei.unlink(missing_ok=True)
    # A new file only (never one or a link someone put there), readable by its owner alone.
    fd = os.open(datei, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(wert + "\n")
    return TrainerPasswort(wert, datei)
