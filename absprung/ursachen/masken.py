"""Comparing secrets the systems show only in part ("aft_••••••••x9Qz", assumption A20).

The diagnosis never sees a stored secret itself: it compares what is visible at the start and
the end. A mask that shows nothing (short values) cannot be compared.
"""

from __future__ import annotations

import re

_MASKE = re.compile(r"([^•]*)•+([^•]*)")


def sichtbar(maske: str) -> tuple[str, str] | None:
    """The visible start and end of a mask, or None if it shows nothing."""
    m = _MASKE.fullmatch(maske or "")
    if m is None or not (m[1] or m[2]):
        return None
    return m[1], m[2]


def passt(maske: str, wert: str) -> bool | None:
    """Could the masked secret be ``wert``? None if the mask shows nothing."""
    teile = sichtbar(maske)
    if teile is None:
        return None
    anfang, ende = teile
    return len(wert) >= len(anfang) + len(ende) and wert.startswith(anfang) and wert.endswith(ende)


def gleich(maske_a: str, maske_b: str) -> bool | None:
    """Do two masks show the same start and end? A mask that shows nothing hides a short value, so
    it differs from one that shows something; two that show nothing cannot be compared (None)."""
    a, b = sichtbar(maske_a), sichtbar(maske_b)
    if a is None and b is None:
        return None
    return a == b
