"""Bounded state: what expires is dropped, and no table grows beyond its limit.

The fakes keep one-time links, security tokens, sessions and launches in insertion-ordered dicts.
``keep`` is called on every insertion: it drops the oldest entries beyond ``limit`` at once and,
every ``CHECK_EVERY`` insertions, everything that has expired – so the cost stays constant per
insertion and memory stays bounded under any load. What nobody may lose (users, brokers, tokens,
Freischaltungen) is not dropped: ``platz`` refuses one more beyond its limit (GRENZE_ERREICHT).
"""

from __future__ import annotations

from typing import Callable, TypeVar

from .errors import GRENZE_ERREICHT

K = TypeVar("K")
V = TypeVar("V")
CHECK_EVERY = 256


def keep(entries: dict[K, V], expired: Callable[[V], bool], limit: int) -> None:
    newest(entries, limit)
    if len(entries) % CHECK_EVERY == 0:
        for k in [k for k, v in entries.items() if expired(v)]:
            del entries[k]


def newest(entries: dict[K, V], limit: int) -> None:
    """Only the newest ``limit`` entries stay (for what never expires but may be forgotten)."""
    while len(entries) > limit:
        del entries[next(iter(entries))]


def platz(anzahl: int, limit: int, was: str) -> None:
    """Room for one more of ``anzahl`` entries, else the German refusal naming ``was`` and the limit."""
    if anzahl >= limit:
        raise GRENZE_ERREICHT.refuse(was=was, max=zahl(limit))


def zahl(n: int) -> str:
    """A count as German text reads it: 50.000."""
    return f"{n:,}".replace(",", ".")
