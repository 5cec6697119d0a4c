"""Locks across the processes of one machine (pytest-xdist's workers, two runs side by side).

A scenario against fakes started elsewhere with their control API (``steuerung = true``) resets them
first: two scenarios at once would reset each other's systems. Each such scenario holds the lock
of its landscape from the reset to its end, so they run one after the other, whatever ``-n`` says.
"""

from __future__ import annotations

import fcntl
import hashlib
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator


def path(name: str, parts: Iterable[str]) -> Path:
    """The lock file for ``name`` and what it protects (e.g. the addresses of a landscape)."""
    key = hashlib.sha256("\n".join(sorted(parts)).encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"absprung-{name}-{key}.lock"


@contextmanager
def held(lock_file: Path) -> Iterator[None]:
    """Wait for the lock, hold it for the block (released also when the process dies)."""
    with open(lock_file, "a") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)
