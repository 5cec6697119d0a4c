"""The partial form of a stored secret (assumption A20)."""

from __future__ import annotations

from fakes.common.masking import BULLETS, partly


def test_lange_werte_zeigen_anfang_und_ende() -> None:
    wert = "aft_0123456789abcdefXYZ"
    assert partly(wert) == f"aft_{BULLETS}fXYZ"
    assert wert[4:-4] not in partly(wert)


def test_kurze_werte_zeigen_nichts_von_sich() -> None:
    assert partly("kurz-geheim-123") == BULLETS  # 15 characters: 8 of them would be over half
    assert partly("") == ""
