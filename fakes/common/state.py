"""Base of each fake's single state object: its lock, its clock, ``reset()`` and named seeds.

Deliberately free of any web framework, so a fake's model imports nothing but the standard
library and ``fakes.common``.
"""

from __future__ import annotations

import threading
from typing import Callable

from .clock import Clock
from .errors import SEED_UNBEKANNT


class FakeState:
    system = "fake"

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.clock = Clock()
        self.reset()

    def reset(self) -> None:  # pragma: no cover - every fake overrides it
        raise NotImplementedError

    def seeds(self) -> dict[str, Callable[[], None]]:
        """Named seeds this fake can load (e.g. "ausgangslage")."""
        return {}

    def load(self, name: str) -> None:
        seeds = self.seeds()
        if name not in seeds:
            raise SEED_UNBEKANNT.refuse(name=name)
        seeds[name]()
