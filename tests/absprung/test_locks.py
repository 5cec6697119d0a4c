"""The lock of a landscape: one name for one landscape, held across processes, usable by the next."""

from __future__ import annotations

import multiprocessing
import os
import stat
import time
from pathlib import Path

from absprung import locks


def test_ein_name_je_landschaft() -> None:
    a = locks.path("steuerung", ["http://localhost:8001", "http://127.0.0.1:8002/"])
    assert a == locks.path("steuerung", ["http://127.0.0.1:8002", "http://[::1]:8001"])
    assert a != locks.path("steuerung", ["http://127.0.0.1:8001", "http://127.0.0.1:8003"])
    assert a != locks.path("anderes", ["http://localhost:8001", "http://127.0.0.1:8002"])


def _halten(datei: str, protokoll: str) -> None:
    with locks.held(Path(datei)):
        with open(protokoll, "a") as f:
            f.write("a")
        time.sleep(0.3)
        with open(protokoll, "a") as f:
            f.write("b")


def test_nacheinander_ueber_prozesse_und_fuer_jeden_nutzbar(tmp_path: Path) -> None:
    datei, protokoll = tmp_path / "x.lock", tmp_path / "protokoll"
    prozesse = [multiprocessing.get_context("spawn").Process(target=_halten, args=(str(datei), str(protokoll)))
                for _ in range(3)]
    for p in prozesse:
        p.start()
    for p in prozesse:
        p.join(30)
    assert protokoll.read_text() == "ababab"  # never two at once
    assert stat.S_IMODE(os.stat(datei).st_mode) == 0o666
