"""Where the tools keep what must outlive one process: ``$XDG_STATE_HOME/absprung`` (default
``~/.local/state/absprung``) – the training profile, the journal of a landscape's open scenario."""

from __future__ import annotations

import os
from pathlib import Path


def ordner() -> Path:
    state = Path(os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state")
    return state / "absprung"
