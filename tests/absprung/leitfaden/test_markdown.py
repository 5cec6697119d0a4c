"""Literal text in Markdown."""

from __future__ import annotations

import pytest

from absprung.leitfaden.markdown import md


@pytest.mark.parametrize(("raw", "escaped"), [
    ("<firma>", "&lt;firma&gt;"), ("Müller & Söhne", "Müller &amp; Söhne"), ("{feld}", r"\{feld\}"),
    ("a_b*c", r"a\_b\*c"), ("[x](y)", r"\[x\](y)"),
])
def test_md_escapes(raw: str, escaped: str) -> None:
    assert md(raw) == escaped
