"""Constant-time comparison of secrets for any Unicode (compare_digest alone raises TypeError)."""

from __future__ import annotations

import secrets

import pytest

from fakes.common.geheim import gleich


def test_unicode_wird_verglichen_statt_zu_scheitern() -> None:
    with pytest.raises(TypeError):
        secrets.compare_digest("Passwört", "Passwort")  # why gleich() exists
    assert gleich("Passwört", "Passwört") and not gleich("Passwört", "Passwort")
    assert not gleich("geheim", "geheim-€") and gleich("", "")
    assert not gleich("x", "\ud800")  # a lone surrogate (from a latin-1 header, say) is just unequal
