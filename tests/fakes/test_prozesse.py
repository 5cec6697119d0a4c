"""``python -m fakes`` runs each fake as a child process: what goes wrong there must not freeze a fake,
leave it dead unnoticed or leave it serving without its parent."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

import httpx
import pytest

from tests.helpers import ROOT


def _fakes(*argumente: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "fakes", "--json", *argumente], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


@pytest.fixture
def fakes() -> Iterator[tuple[dict[str, str], subprocess.Popen[str]]]:
    p = _fakes()
    try:
        assert p.stdout is not None
        yield {s: z["url"] for s, z in json.loads(p.stdout.readline()).items()}, p
    finally:
        p.terminate()
        p.wait(timeout=10)


def kaputt(url: str, anzahl: int) -> int:
    """Malformed HTTP, one connection each (uvicorn answers 400 and used to warn on stderr); how many
    were answered before the fake stopped answering."""
    host, port = url.removeprefix("http://").split(":")
    for i in range(anzahl):
        with socket.create_connection((host, int(port)), timeout=2) as s:
            s.sendall(b"KAPUTT \x00\x01 HTTP/9\r\n\r\n")
            try:
                if not s.recv(100):
                    return i
            except OSError:
                return i
    return anzahl


def test_was_ein_kind_schreibt_wird_gelesen() -> None:
    """A child writing far more than a pipe holds (64 KiB) must not freeze: its stderr is read all the
    time, and the last lines are kept to say why it ended (finding 1, at its root)."""
    from fakes.process import Child

    schreiber = ("import sys\nfor i in range(20_000):\n    sys.stderr.write(f'Zeile {i}: ' + 'x' * 50 + '\\n')\n"
                 "sys.stderr.write('zuletzt dies\\n')\n")
    with socket.socket() as sock:
        kind = Child("probe", "Probe", sock, {}, command=[sys.executable, "-c", schreiber])
        kind.start()
        assert kind.process is not None
        assert kind.process.wait(timeout=30) == 0  # 1.2 MB written: blocked for good without reading
    for _ in range(50):  # the reader thread takes the last line
        if "zuletzt dies" in kind.why():
            break
        time.sleep(0.1)
    assert "zuletzt dies" in kind.why()


def test_ein_fake_antwortet_nach_vielen_kaputten_anfragen(fakes: tuple[dict[str, str], subprocess.Popen[str]]) -> None:
    """Each malformed request made the child write a line to a pipe nobody read; after ~1,600 the pipe was
    full and the fake hung for good."""
    urls, _ = fakes
    assert kaputt(urls["cloud"], 3000) == 3000
    assert httpx.get(urls["cloud"] + "/openapi.json", timeout=5).status_code == 200


def _kinder(eltern: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(eltern)], capture_output=True, text=True).stdout
    return [int(x) for x in out.split()]


def test_ein_beendeter_fake_wird_gemeldet_und_neu_gestartet(
        fakes: tuple[dict[str, str], subprocess.Popen[str]]) -> None:
    urls, p = fakes
    kinder = _kinder(p.pid)
    assert len(kinder) == 4
    vorher = httpx.get(urls["cloud"] + "/openapi.json").status_code
    opfer = _kind(p.pid, "cloud")
    # At the start the children are forked (the parent's command line, nothing imported again) ...
    assert "fakes.serving" not in _befehl(opfer) and "-m fakes" in _befehl(opfer)
    os.kill(opfer, signal.SIGKILL)
    for _ in range(100):
        try:
            if httpx.get(urls["cloud"] + "/openapi.json", timeout=1).status_code == 200 and opfer not in _kinder(p.pid):
                break
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    assert vorher == 200 and httpx.get(urls["cloud"] + "/openapi.json", timeout=2).status_code == 200
    assert opfer not in _kinder(p.pid) and len(_kinder(p.pid)) == 4  # reaped and replaced
    # ... a restart, with the watch's threads running, starts one anew.
    assert "-m fakes.serving cloud" in _befehl(_kind(p.pid, "cloud"))
    p.terminate()
    _, err = p.communicate(timeout=10)
    assert "assfinet cloud" in err and "neu gestartet" in err, err


def _befehl(pid: int) -> str:
    return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()


def _kind(eltern: int, system: str) -> int:
    """The child serving ``system``: it names itself ``fake-cloud`` (ps -o comm), forked or started anew."""
    out = subprocess.run(["ps", "-o", "pid=,comm=", "--ppid", str(eltern)], capture_output=True, text=True).stdout
    return next(int(z.split()[0]) for z in out.splitlines() if z.split()[-1] == f"fake-{system}")


@pytest.mark.parametrize("signal_", [signal.SIGKILL, signal.SIGHUP], ids=["SIGKILL", "SIGHUP"])
def test_die_fakes_enden_mit_ihrem_elternprozess(signal_: signal.Signals) -> None:
    ports = _freie_ports()  # fixed ports of this test only (8001… may be taken, -n 2 runs both variants)
    p = _fakes(*ports)
    assert p.stdout is not None
    erste = p.stdout.readline()
    assert erste.startswith("{"), p.stderr.read() if p.stderr else erste
    kinder = _kinder(p.pid)
    os.kill(p.pid, signal_)
    p.wait(timeout=10)
    for _ in range(100):
        if not any(_lebt(k) for k in kinder):
            break
        time.sleep(0.1)
    assert not any(_lebt(k) for k in kinder), "Fakes laufen ohne Elternprozess weiter"
    neu = _fakes(*ports)  # the same fixed ports are free again ("Address already in use" before)
    try:
        assert neu.stdout is not None
        zeile = neu.stdout.readline()
        assert zeile.startswith("{"), neu.stderr.read() if neu.stderr else zeile
        assert json.loads(zeile)["cloud"]["url"].endswith(f":{ports[1]}")
    finally:
        neu.terminate()
        neu.wait(timeout=10)


def _freie_ports() -> list[str]:
    """``--port-cloud N …`` with ports that are free right now."""
    argumente, offen = [], []
    for system in ("cloud", "concenter", "ams", "thinksurance"):
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        offen.append(s)
        argumente += [f"--port-{system}", str(s.getsockname()[1])]
    for s in offen:
        s.close()
    return argumente


def _lebt(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split()[2] != "Z"
    except FileNotFoundError:
        return False
