"""One deadline for a whole call of a fake to its neighbour.

``http.client``'s timeout counts per socket operation: a neighbour that drips one byte every half
second would hold a launch for minutes. A single watchdog thread per process keeps the deadlines of
the calls under way; when one passes, it shuts the call's socket down, so the blocked read returns at
once and the transport reports "antwortet zu langsam". Registering costs a lock and a heap push – no
thread or timer per call.
"""

from __future__ import annotations

import heapq
import itertools
import socket
import threading
import time


class Watchdog:
    def __init__(self) -> None:
        self._bedingung = threading.Condition()
        self._fristen: list[tuple[float, int]] = []  # (deadline, call) as a heap
        self._laufend: dict[int, socket.socket] = {}
        self._abgelaufen: set[int] = set()
        self._nummern = itertools.count(1)
        self._faden: threading.Thread | None = None

    def watch(self, sock: socket.socket, sekunden: float) -> int:
        """Watch this call's socket; returns the call's number for ``done``."""
        ende = time.monotonic() + sekunden
        with self._bedingung:
            nummer = next(self._nummern)
            self._laufend[nummer] = sock
            frueher = not self._fristen or ende < self._fristen[0][0]
            heapq.heappush(self._fristen, (ende, nummer))
            if self._faden is None:
                self._faden = threading.Thread(target=self._wachen, name="fakes-watchdog", daemon=True)
                self._faden.start()
            elif frueher:
                self._bedingung.notify()
        return nummer

    def done(self, nummer: int) -> bool:
        """The call is over; True if its deadline had passed (its socket was shut down)."""
        with self._bedingung:
            self._laufend.pop(nummer, None)
            if nummer in self._abgelaufen:
                self._abgelaufen.discard(nummer)
                return True
            return False

    def _wachen(self) -> None:
        with self._bedingung:
            while True:
                while self._fristen and self._fristen[0][1] not in self._laufend:
                    heapq.heappop(self._fristen)  # finished in time
                if not self._fristen:
                    self._bedingung.wait()
                    continue
                ende, nummer = self._fristen[0]
                rest = ende - time.monotonic()
                if rest > 0:
                    self._bedingung.wait(rest)
                    continue
                heapq.heappop(self._fristen)
                sock = self._laufend.pop(nummer)
                self._abgelaufen.add(nummer)
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass  # already closed: the call is ending anyway


WATCHDOG = Watchdog()
