"""Extensions of ``python -m fakes``: what another package adds to the running fakes.

The fakes imitate real systems and know nothing of the test harness. A package that adds something
to them – the training page and its exercises, say – names an object of the shape ``Zusatz`` as an
entry point of the group ``fakes.zusaetze`` (in its ``pyproject.toml``:
``[project.entry-points."fakes.zusaetze"]``). ``python -m fakes`` finds it there; installed
without such a package, it serves the fakes alone.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import TYPE_CHECKING, Any, Callable, Protocol

if TYPE_CHECKING:
    from .options import Options
    from .server import AppBuilder, Fakes

GROUP = "fakes.zusaetze"


@dataclass
class Started:
    """What an extension says once the fakes run, and what it undoes when they stop."""

    lines: list[str] = field(default_factory=list)
    stop: Callable[[], None] = lambda: None
    json: dict[str, Any] = field(default_factory=dict)  # added to the line of --json (each entry with its "url")


class Zusatz(Protocol):
    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        """Its own options of ``python -m fakes``."""

    def listing(self, args: argparse.Namespace) -> str | None:
        """A text to print instead of starting (e.g. a list), or None."""

    def apps(self, args: argparse.Namespace, options: Options) -> dict[str, tuple[str, AppBuilder]]:
        """Apps served beside the fakes: name -> (title, builder). Refuses bad options with FakeError."""

    def started(self, args: argparse.Namespace, fakes: Fakes) -> Started:
        """Runs once the fakes answer (e.g. sets up an exercise); FakeError stops them again."""


def installed() -> list[Zusatz]:
    """The extensions installed beside the fakes, in a stable order."""
    return [e.load()() for e in sorted(entry_points(group=GROUP), key=lambda e: e.name)]
