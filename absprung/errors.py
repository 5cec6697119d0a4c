"""Errors of the core package. Every message is German and says what to do.

Exception tree::

    AbsprungError           root of everything absprung raises on purpose
    ├── ProfileError        a target profile is unusable (missing value, bad TOML, unset variable)
    │   └── MissingSecret   a step needs a secret the profile does not name (the scenario is skipped)
    ├── PreflightError      a remote system of the target is unreachable or refuses its credentials
    ├── BrowserServerError  the configured Playwright browser server is malformed or does not answer
    └── RemoteError         a system answered with an error: status, stable code, German message
        └── Unreachable     the system could not be reached at all (code NICHT_ERREICHBAR)
"""

from __future__ import annotations


class AbsprungError(Exception):
    """Root of the core package's own exceptions."""


class ProfileError(AbsprungError):
    """A target profile is unusable; the message says why, in German."""


class MissingSecret(ProfileError):
    """A secret the target does not have; scenarios needing it are skipped with this reason."""


class PreflightError(AbsprungError):
    """Before the first scenario: the target's systems are not usable; one German line per system."""


class BrowserServerError(AbsprungError):
    """The Playwright browser server (ABSPRUNG_BROWSER_WS, profile browser_server) is not usable."""


class RemoteError(AbsprungError):
    def __init__(self, system: str, status: int, code: str, message: str) -> None:
        super().__init__(f"{system}: {message} ({code}, HTTP {status})")
        self.system, self.status, self.code, self.message = system, status, code, message


class Unreachable(RemoteError):
    pass
