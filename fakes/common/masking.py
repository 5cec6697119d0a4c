"""How the fakes show a stored secret: the first and the last four characters (assumption A20)."""

from __future__ import annotations

BULLETS = "••••••••"
MIN_SHOWN = 16  # a shorter value would show too much of itself: then nothing is shown


def partly(value: str) -> str:
    """"aft_••••••••x9Qz" for a long value, "••••••••" for a short one, "" for none."""
    if not value:
        return ""
    return f"{value[:4]}{BULLETS}{value[-4:]}" if len(value) >= MIN_SHOWN else BULLETS
