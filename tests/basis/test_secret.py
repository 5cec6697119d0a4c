"""Secrets as a type: masked in repr and str, revealed only on purpose; the mask for any text."""

from __future__ import annotations

from basis.secret import MASK, Secret, mask, remember, reveal


def test_a_secret_never_prints_itself() -> None:
    s = Secret("ein-sehr-geheimer-wert-1")
    assert repr(s) == f"Secret('{MASK}')" and str(s) == MASK and f"{s}" == MASK
    assert "ein-sehr-geheimer-wert-1" not in repr({"btoken": s, "liste": [s]})
    assert s.reveal() == reveal(s) == "ein-sehr-geheimer-wert-1" and reveal("klar") == "klar"
    assert s == Secret("ein-sehr-geheimer-wert-1") and s != "ein-sehr-geheimer-wert-1" and bool(s)
    assert not Secret("") and str(Secret("")) == ""


def test_mask_replaces_every_known_secret_and_one_time_urls() -> None:
    Secret("zweiter-geheimer-wert-2")
    remember("vom-fake-ausgegeben-3")
    text = ("Anfrage mit zweiter-geheimer-wert-2 und vom-fake-ausgegeben-3 an "
            "http://127.0.0.1:1/start/AbCdEf123456_- und http://127.0.0.1:2/switch/ZyXw98765432")
    assert mask(text) == (f"Anfrage mit {MASK} und {MASK} an http://127.0.0.1:1/start/{MASK} und "
                          f"http://127.0.0.1:2/switch/{MASK}")


def test_short_values_are_not_remembered() -> None:
    remember("ja")
    assert mask("ja, das ist es") == "ja, das ist es"
