"""Errors of the shared base. Every message is German and says what to do.

Exception tree::

    BasisError              root of everything basis raises on purpose
    └── ProfileError        a target profile is unusable (missing value, bad TOML, unset variable)
        └── MissingSecret   a step needs a secret the profile does not name (the scenario is skipped)

``absprung.errors.AbsprungError`` derives from ``BasisError``: one ``except BasisError`` catches
what either package raises on purpose.
"""

from __future__ import annotations


class BasisError(Exception):
    """Root of the shared base's own exceptions."""


class ProfileError(BasisError):
    """A target profile is unusable; the message says why, in German."""


class MissingSecret(ProfileError):
    """A secret the target does not have; scenarios needing it are skipped with this reason."""
