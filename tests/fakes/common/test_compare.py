"""Constant-time comparison of secrets for any Unicode (compare_digest alone raises TypeError)."""

from __future__ import annotations

import secrets

import pytest

from fakes.common.compare import same_secret


def test_unicode_wird_verglichen_statt_zu_scheitern() -> None:
    with pytest.raises(TypeError):
        secrets.compare_digest("Passwört", "Passwort")  # why same_secret() exists
    assert same_secret("Passwört", "Passwört") and not same_secret("Passwört", "Passwort")
    assert not same_secret("geheim", "geheim-€") and same_secret("", "")
    assert not same_secret("x", "\ud800")  # a lone surrogate (from a latin-1 header, say) is just unequal
