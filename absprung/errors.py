"""Errors of the core package. Every message is German and says what to do.

Exception tree (``basis.errors`` is the root, shared with the target profiles)::

    basis.errors.BasisError
    ├── basis.errors.ProfileError          a target profile is unusable (missing value, bad TOML, unset variable)
    │   └── basis.errors.MissingSecret     a step needs a secret the profile does not name (scenario skipped)
    └── AbsprungError                      root of everything absprung raises on purpose
        ├── BrowserServerError             the configured Playwright browser server is malformed or does not answer
        ├── druck.DruckFehler              Chromium could not print a PDF (customer edition, personal sheet)
        ├── RemoteError                    a system answered with an error: status, stable code, German message
        │   └── NoAnswer                   no usable answer at all: nothing about the system can be said
        │       ├── Unreachable            the system could not be reached (code NICHT_ERREICHBAR)
        │       └── Slow                   it was reached but gave no full answer in time (code ZU_LANGSAM)
        ├── landschaft.AltesJournal        an interrupted run left its Stand long ago: not put back unasked
        ├── record.Unvereinbar             the parts of a split run do not make one run: nothing merged
        ├── record.Nachlauf                a merged run's failed scenario, failing again in the replay
        ├── diagnose.FalscheAntwort        an answers file cannot be read, or an answer is not ja/nein/weiß nicht
        ├── diagnose.FalscherFall          a case file cannot be read or rebuilt
        ├── ursachen.NichtLesbar           the diagnosis could not read what a check needs: "nicht prüfbar"
        ├── ursachen.Eingabefehler         the user or customer to diagnose does not exist: nothing diagnosed
        ├── vertraege.NichtPruefbar        a contract cannot be checked against a system (no credentials …)
        └── vertraege.VertragsFehler       a contract file is malformed

Each class named here exists and is raised (``tests/absprung/test_errors.py``).
"""

from __future__ import annotations

from basis.errors import BasisError, MissingSecret, ProfileError

__all__ = ["AbsprungError", "BasisError", "BrowserServerError", "MissingSecret", "NoAnswer", "ProfileError",
           "RemoteError", "Slow", "Unreachable"]


class AbsprungError(BasisError):
    """Root of the core package's own exceptions."""


class BrowserServerError(AbsprungError):
    """The Playwright browser server (ABSPRUNG_BROWSER_WS, profile browser_server) is not usable."""


class RemoteError(AbsprungError):
    def __init__(self, system: str, status: int, code: str, message: str) -> None:
        super().__init__(f"{system}: {message} ({code}, HTTP {status})")
        self.system, self.status, self.code, self.message = system, status, code, message


class NoAnswer(RemoteError):
    """No usable answer at all; callers that judge answers let it pass (nothing to judge)."""


class Unreachable(NoAnswer):
    """The system could not be reached at all (code NICHT_ERREICHBAR)."""


class Slow(NoAnswer):
    """The system was reached but its answer was not complete within the request's deadline (code
    ZU_LANGSAM) – late is not the same as unreachable."""
