"""The one slug function: readable ASCII ids for anchors and file names."""

from __future__ import annotations

import re
import unicodedata


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def slug(text: str, max_length: int | None = None) -> str:
    """Umlauts spelled out (ä → ae), so anchors stay readable in support tickets."""
    text = nfc(text).lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(a, b)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    result = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return result[:max_length].strip("-") if max_length else result
