"""Where the tools keep what must outlive one process: ``$XDG_STATE_HOME/absprung`` (default
``~/.local/state/absprung``) – the training profiles, a made trainer password, the journal of a
landscape's open scenario – and whether the process that left a file there still runs."""

from __future__ import annotations

import os
from pathlib import Path


def ordner() -> Path:
    state = Path(os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state")
    return state / "absprung"


def prozess_laeuft(pid: int) -> bool:
    """Does process ``pid`` still run? (A file named by a process that ended is left over from a crash.)"""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process: it runs
    return True
