"""Bounded state: what expires is dropped, and no table grows beyond its limit.

The fakes keep one-time links, security tokens, sessions and launches in insertion-ordered dicts.
``behalten`` is called on every insertion: it drops the oldest entries beyond ``hoechstens`` at once
and, every ``PRUEFEN_ALLE`` insertions, everything that has expired – so the cost stays constant
per insertion and memory stays bounded under any load.
"""

from __future__ import annotations

from typing import Callable, TypeVar

K = TypeVar("K")
V = TypeVar("V")
PRUEFEN_ALLE = 256


def behalten(eintraege: dict[K, V], abgelaufen: Callable[[V], bool], hoechstens: int) -> None:
    while len(eintraege) > hoechstens:
        del eintraege[next(iter(eintraege))]
    if len(eintraege) % PRUEFEN_ALLE == 0:
        for k in [k for k, v in eintraege.items() if abgelaufen(v)]:
            del eintraege[k]
