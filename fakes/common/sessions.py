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


class Sessions:
    def __init__(self) -> None:
        self._key = secrets.token_bytes(32)

    def _signature(self, part: str) -> str:
        return hmac.new(self._key, part.encode("ascii"), hashlib.sha256).hexdigest()

    def issue(self, name: str) -> str:
        part = base64.urlsafe_b64encode(name.encode("utf-8")).decode("ascii").rstrip("=")
        return f"{part}.{self._signature(part)}"

    def read(self, value: str | None) -> str | None:
        """The user name of a genuine cookie, else None (missing, forged, damaged)."""
        if not value or value.count(".") != 1:
            return None
        part, signature = value.split(".")
        try:
            part.encode("ascii")
            if not hmac.compare_digest(signature.encode("ascii"), self._signature(part).encode("ascii")):
                return None
            return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)).decode("utf-8")
        except (UnicodeError, binascii.Error, ValueError):
            return None
