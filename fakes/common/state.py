"""Base of each fake's single state object: its lock, its clock, ``reset()`` and named seeds.

Deliberately free of any web framework, so a fake's model imports nothing but the standard
library and ``fakes.common``.
"""

from __future__ import annotations

import threading
from typing import Any, Callable, TypeVar

from .clock import Clock
from .errors import SEED_UNBEKANNT

F = TypeVar("F", bound=Callable[..., Any])


def sperrt_selbst(operation: F) -> F:
    """Marks an operation that calls a neighbour system. It takes the fake's lock itself, only
    around its own state, so the fake never waits for a neighbour while holding its lock; the web
    layer (``in_model``) runs it without taking the lock first."""
    setattr(operation, "sperrt_selbst", True)  # noqa: B010 - a marker on a function object
    return operation


def locks_itself(operation: Any) -> bool:
    """Is ``operation`` marked ``sperrt_selbst``?"""
    return bool(getattr(operation, "sperrt_selbst", False))


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
