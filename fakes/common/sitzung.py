"""Signed session cookies for the pages with a login: a forged cookie is refused.

The value is the user name (base64url) and an HMAC over it with a key that only this fake's
process knows, made when the app is built; a restart ends every session.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets


class Sitzungen:
    def __init__(self) -> None:
        self._schluessel = secrets.token_bytes(32)

    def _signatur(self, teil: str) -> str:
        return hmac.new(self._schluessel, teil.encode("ascii"), hashlib.sha256).hexdigest()

    def ausstellen(self, name: str) -> str:
        teil = base64.urlsafe_b64encode(name.encode("utf-8")).decode("ascii").rstrip("=")
        return f"{teil}.{self._signatur(teil)}"

    def lesen(self, wert: str | None) -> str | None:
        """The user name of a genuine cookie, else None (missing, forged, damaged)."""
        if not wert or wert.count(".") != 1:
            return None
        teil, signatur = wert.split(".")
        try:
            teil.encode("ascii")
            if not hmac.compare_digest(signatur.encode("ascii"), self._signatur(teil).encode("ascii")):
                return None
            return base64.urlsafe_b64decode(teil + "=" * (-len(teil) % 4)).decode("utf-8")
        except (UnicodeError, binascii.Error, ValueError):
            return None
