"""The lock of a landscape: one name for one landscape, held across processes, usable by the next."""

from __future__ import annotations

import multiprocessing
import os
import stat
import time
from pathlib import Path
from typing import Any

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


def _lesen(datei: str, protokoll: str, zusammen: Any, halten: Any) -> None:
    with locks.held(Path(datei), geteilt=True):
        zusammen.wait(20)  # both readers inside at once, or this breaks (exit code 1)
        with open(protokoll, "a") as f:
            f.write("<")
        halten.wait(20)
        with open(protokoll, "a") as f:
            f.write(">")


def test_leser_teilen_schreiber_warten(tmp_path: Path) -> None:
    """Two readers at once; a writer that asks meanwhile waits until both are out."""
    datei, protokoll = tmp_path / "x.lock", tmp_path / "protokoll"
    ctx = multiprocessing.get_context("spawn")
    zusammen, halten = ctx.Barrier(3), ctx.Event()
    leser = [ctx.Process(target=_lesen, args=(str(datei), str(protokoll), zusammen, halten)) for _ in range(2)]
    for p in leser:
        p.start()
    zusammen.wait(20)  # both readers hold the lock now
    schreiber = ctx.Process(target=_halten, args=(str(datei), str(protokoll)))
    schreiber.start()
    time.sleep(0.3)  # give the writer the chance to get in wrongly
    halten.set()
    for p in [*leser, schreiber]:
        p.join(30)
    assert [p.exitcode for p in leser] == [0, 0]
    assert protokoll.read_text() == "<<>>ab"


def test_mehrere_sperren_in_einer_reihenfolge(tmp_path: Path) -> None:
    a, b = tmp_path / "a.lock", tmp_path / "b.lock"
    with locks.alle_gehalten([b, a]):
        assert a.exists() and b.exists()
