"""Locks across the processes of one machine (pytest-xdist's workers, two runs side by side).

A scenario against fakes started elsewhere with their control API (``steuerung = true``) resets them
first: two scenarios at once would reset each other's systems. Each such scenario holds the lock
of its landscape from the reset to its end, so they run one after the other, whatever ``-n`` says.

The lock is a file in the temporary folder, keyed by the landscape's addresses (loopback names count
as one); it holds on this machine only – runs on two machines against one landscape need the CI's
own means (a resource group, a concurrency key).
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import tempfile
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Iterable, Iterator
from urllib.parse import urlsplit

LOOPBACK = {"localhost", "127.0.0.1", "::1"}


def _adresse(url: str) -> str:
    teile = urlsplit(url)
    host = (teile.hostname or "").lower()
    port = teile.port or (443 if teile.scheme == "https" else 80)
    return f"{teile.scheme}://{'127.0.0.1' if host in LOOPBACK else host}:{port}{teile.path.rstrip('/')}"


def schluessel(urls: Iterable[str]) -> str:
    """One name for one landscape, however its addresses are written (loopback names alike)."""
    return hashlib.sha256("\n".join(sorted({_adresse(u) for u in urls})).encode()).hexdigest()[:16]


def path(name: str, urls: Iterable[str]) -> Path:
    """The lock file for ``name`` and the addresses it protects (e.g. those of a landscape)."""
    return Path(tempfile.gettempdir()) / f"absprung-{name}-{schluessel(urls)}.lock"


@contextmanager
def held(lock_file: Path, *, geteilt: bool = False) -> Iterator[None]:
    """Wait for the lock, hold it for the block (released also when the process dies). ``geteilt``:
    together with other readers, but not with one who holds it alone."""
    try:  # the file of another user of this machine: open, not create (fs.protected_regular)
        fd = os.open(lock_file, os.O_RDWR)
    except FileNotFoundError:
        fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            os.fchmod(fd, 0o666)  # whoever comes next may lock it too (umask aside)
        except PermissionError:
            pass  # created by another process in the meantime: theirs
    try:
        fcntl.flock(fd, fcntl.LOCK_SH if geteilt else fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


@contextmanager
def alle_gehalten(lock_files: Iterable[Path], *, geteilt: bool = False) -> Iterator[None]:
    """Several locks at once, always taken in the same order (no two holders wait for each other)."""
    with ExitStack() as stack:
        for datei in sorted(set(lock_files)):
            stack.enter_context(held(datei, geteilt=geteilt))
        yield
