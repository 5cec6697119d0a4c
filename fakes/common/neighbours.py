"""How a fake calls a neighbour system: through the project's own HTTP clients.

The clients are imported on first use (start-up stays fast); a refusal or an unreachable
neighbour reaches the calling model as ``NeighbourError`` with the neighbour's code and message.
"""

from __future__ import annotations

from typing import Callable, TypeVar

from .errors import NeighbourError

T = TypeVar("T")


def call_neighbour(call: Callable[[], T]) -> T:
    from absprung.clients import RemoteError

    try:
        return call()
    except RemoteError as f:
        raise NeighbourError(f.code, f.message) from None
