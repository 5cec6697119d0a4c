"""Markdown helpers of the site generator: literal text, tables, admonitions, links, dates."""

from __future__ import annotations

import html
import posixpath
import re
from datetime import datetime
from typing import Iterable, Sequence

from absprung.record.model import STATUS_WORDS
from absprung.slug import nfc, slug

# Plain symbols that common fonts carry; emoji would need an emoji font the reader may lack.
STATUS_SYMBOLS = {"passed": "✔", "failed": "✘", "skipped": "↷", "nicht ausgeführt": "○", "undefined": "?"}
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]#!])")


def md(text: str) -> str:
    """Literal text in Markdown: entities keep <placeholders> visible, backslashes the rest."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(nfc(text), quote=False))


def cell(text: str) -> str:
    return md(text).replace("|", "\\|").replace("\n", " ")


def code_anchor(code: str) -> str:
    return "code-" + slug(code)


def code_html(code: str, breaks: str = "_") -> str:
    """Code that wraps only after ``breaks`` (Material would break it anywhere); <wbr> adds no text."""
    return "<code>" + f"{breaks}<wbr>".join(html.escape(part) for part in code.split(breaks)) + "</code>"


def code_block(text: str) -> str:
    return "\n".join(f"    {line}" for line in text.splitlines())


def link(page: str, target: str, anchor: str = "") -> str:
    """Relative link from one docs page to another (MkDocs checks these with --strict)."""
    path = "" if target == page else posixpath.relpath(target, posixpath.dirname(page))
    return f"{path}#{anchor}" if anchor else path


def status_text(status: str) -> str:
    return f"{STATUS_SYMBOLS[status]} {STATUS_WORDS[status]}"


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def admonition(kind: str, title: str, body: str) -> str:
    indented = "\n".join(f"    {line}" if line else "" for line in body.splitlines())
    return f'!!! {kind} "{title}"\n{indented}'


def german_date(created: str) -> str:
    try:
        return datetime.strptime(created, "%Y-%m-%d %H:%M:%S").strftime("%d.%m.%Y, %H:%M Uhr")
    except ValueError:
        return created
