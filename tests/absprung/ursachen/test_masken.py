"""Comparing partly shown secrets."""

from __future__ import annotations

from absprung.ursachen import masken


def test_sichtbar() -> None:
    assert masken.sichtbar("aft_••••••••x9Qz") == ("aft_", "x9Qz")
    assert masken.sichtbar("••••••••") is None and masken.sichtbar("") is None and masken.sichtbar("klar") is None


def test_passt_und_gleich() -> None:
    assert masken.passt("aft_••••••••x9Qz", "aft_0123456789x9Qz") is True
    assert masken.passt("aft_••••••••x9Qz", "aft_0123456789x9Qy") is False
    assert masken.passt("aft_••••••••x9Qz", "aft_x9Qz"[:5]) is False  # too short to hold both ends
    assert masken.passt("••••••••", "irgendwas") is None
    assert masken.gleich("aft_••••••••x9Qz", "aft_••••••••x9Qz") is True
    assert masken.gleich("aft_••••••••x9Qz", "••••••••") is False  # a short value is another value
    assert masken.gleich("••••••••", "••••••••") is None
