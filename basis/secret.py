"""Secrets as a type: AccessToken, btoken, hash/secret, passwords never print themselves.

``Secret`` behaves like pydantic's ``SecretStr``: ``repr`` and ``str`` are masked, the value comes
out only through ``reveal()``, at the moment a client writes it onto the wire. So a traceback that
shows function arguments, pytest's assertion rewriting or a log line can only ever show ``•••``.

As a second net, every secret value this process has seen is remembered, and ``mask()`` replaces
each of them – and every one-time URL (``/switch/…``, ``/start/…``) – in any text before it is
shown: the test report, the run record, the terminal.
"""

from __future__ import annotations

import json
import re
import threading

MASK = "•••"
# A value shorter than this would mask ordinary words; real secrets are far longer.
MIN_LENGTH = 6
_known: set[str] = set()
_lock = threading.Lock()
# One-time logins: con:center's launch ticket and Thinksurance's switch id, as path segments.
ONE_TIME = re.compile(r"(/(?:start|switch)/)[A-Za-z0-9_\-]{8,}")


class Secret:
    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value
        remember(value)

    def reveal(self) -> str:
        return self._value

    def __bool__(self) -> bool:
        return bool(self._value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(("Secret", self._value))

    def __repr__(self) -> str:
        return f"Secret('{MASK}')" if self._value else "Secret('')"

    def __str__(self) -> str:
        return MASK if self._value else ""


def remember(value: str) -> None:
    """Mask this value from now on wherever ``mask()`` is applied (e.g. a token a fake handed out) – also
    as it reads inside JSON (``"`` and ``\\`` escaped, non-ASCII as ``\\u00e4``), where a remote echoes it."""
    if len(value) >= MIN_LENGTH:
        with _lock:
            _known.update(forms(value))


def forms(value: str) -> set[str]:
    """The value and the ways JSON writes it."""
    return {value, json.dumps(value)[1:-1], json.dumps(value, ensure_ascii=False)[1:-1]}


def reveal(value: Secret | str) -> str:
    return value.reveal() if isinstance(value, Secret) else value


def mask(text: str) -> str:
    """The text with every remembered secret and every one-time URL masked."""
    with _lock:
        known = sorted(_known, key=len, reverse=True)  # longer first: one secret may contain another
    for value in known:
        if value in text:
            text = text.replace(value, MASK)
    return ONE_TIME.sub(rf"\1{MASK}", text)
