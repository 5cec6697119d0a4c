"""Comparing secrets (passwords, tokens, secrets) in constant time – for any Unicode text.

``secrets.compare_digest`` takes str only when it is ASCII and raises TypeError otherwise; a
password "Passwört" must be an ordinary refusal, so both sides are compared as UTF-8 bytes.
"""

from __future__ import annotations

import secrets


def same_secret(stored: str, given: str) -> bool:
    return secrets.compare_digest(stored.encode("utf-8", "surrogatepass"), given.encode("utf-8", "surrogatepass"))
