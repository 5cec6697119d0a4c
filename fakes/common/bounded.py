"""Bounded state: what expires is dropped, and no table grows beyond its limit.

The fakes keep one-time links, security tokens, sessions and launches in insertion-ordered dicts.
``keep`` is called on every insertion: it drops the oldest entries beyond ``limit`` at once and,
every ``CHECK_EVERY`` insertions, everything that has expired – so the cost stays constant per
insertion and memory stays bounded under any load.
"""

from __future__ import annotations

from typing import Callable, TypeVar

K = TypeVar("K")
V = TypeVar("V")
CHECK_EVERY = 256


def keep(entries: dict[K, V], expired: Callable[[V], bool], limit: int) -> None:
    while len(entries) > limit:
        del entries[next(iter(entries))]
    if len(entries) % CHECK_EVERY == 0:
        for k in [k for k, v in entries.items() if expired(v)]:
            del entries[k]
