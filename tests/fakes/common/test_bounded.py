"""Bounded tables: the oldest go beyond the limit, the expired ones every few insertions."""

from __future__ import annotations

from fakes.common.bounded import CHECK_EVERY, keep


def test_obergrenze_wirft_die_aeltesten_hinaus() -> None:
    d: dict[int, int] = {}
    for i in range(10):
        d[i] = i
        keep(d, lambda v: False, 4)
    assert list(d) == [6, 7, 8, 9]


def test_abgelaufene_gehen_regelmaessig() -> None:
    d = {i: i for i in range(CHECK_EVERY - 1)}
    d[CHECK_EVERY] = 0
    keep(d, lambda v: v < 100, 10_000)
    assert min(d) == 100 and len(d) == CHECK_EVERY - 1 - 100
