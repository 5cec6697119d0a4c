"""A fake as a child process of ``python -m fakes``, and the parent's watch over it.

Three things must never happen to a child: it must not freeze because nobody reads what it writes
(its stderr is drained all the time; the last lines are kept to say why it ended), it must not die
unnoticed (the parent names it in one German line and starts it again on the same socket, which the
parent keeps open), and it must not outlive its parent (it watches the pipe on its stdin; when the
parent is gone, even after SIGKILL, the pipe ends and the child stops itself).

A child is *forked* where that is safe – the parent has imported the fakes' modules once and runs no
other thread yet, as at the start of ``python -m fakes`` – so it serves without importing anything
again (the start takes about half the time); otherwise, as for a restart by the watch, it is started
anew as ``python -m fakes.serving SYSTEM``.
"""

from __future__ import annotations

import collections
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import traceback
from typing import Any, BinaryIO, Callable

KEPT_LINES = 20  # of a child's stderr, to say why it ended
RESTARTS_PER_MINUTE = 5  # beyond that a fake that keeps dying stays down (and says so)


class Forked:
    """A child forked from this process, with the calls of ``subprocess.Popen`` the watch uses."""

    def __init__(self, pid: int, stdin: int, stderr: int) -> None:
        self.pid = pid
        self.returncode: int | None = None
        self.stdin: BinaryIO | None = os.fdopen(stdin, "wb")
        self.stderr: BinaryIO | None = os.fdopen(stderr, "rb")

    def poll(self) -> int | None:
        if self.returncode is None:
            try:
                pid, status = os.waitpid(self.pid, os.WNOHANG)
            except ChildProcessError:  # reaped elsewhere
                self.returncode = -1
                return self.returncode
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        ende = None if timeout is None else time.monotonic() + timeout
        while (code := self.poll()) is None:
            if ende is not None and time.monotonic() > ende:
                raise subprocess.TimeoutExpired(f"pid {self.pid}", timeout or 0)
            time.sleep(0.01)
        return code

    def _signal(self, sig: int) -> None:
        if self.poll() is None:
            try:
                os.kill(self.pid, sig)
            except ProcessLookupError:
                pass

    def terminate(self) -> None:
        self._signal(signal.SIGTERM)

    def kill(self) -> None:
        self._signal(signal.SIGKILL)


Process = subprocess.Popen[bytes] | Forked


class Child:
    """One fake in its own process; ``spec`` goes to it on stdin (it carries the partner credentials)."""

    def __init__(self, system: str, title: str, sock: socket.socket, spec: dict[str, Any],
                 command: list[str] | None = None, serve: Callable[[int], None] | None = None) -> None:
        """``command``: what runs as the child (default: ``python -m fakes.serving SYSTEM``); ``serve(fd)``:
        what a forked child runs (None: never forked)."""
        self.system, self.title, self.sock, self.spec, self.serve = system, title, sock, spec, serve
        # The system's name in argv (not secret) tells an operator which child serves what (ps); a forked
        # child names itself "fake-SYSTEM" (ps -o comm).
        self.command = command or [sys.executable, "-m", "fakes.serving", system]
        self.lines: collections.deque[str] = collections.deque(maxlen=KEPT_LINES)
        self.process: Process | None = None
        self.starts: list[float] = []
        self.forked = False

    def start(self) -> None:
        self.spawn()
        self.drain()

    def spawn(self) -> None:
        """Start the process (forked where safe), without the thread that reads its stderr yet: a fork
        must happen while the parent runs no other thread."""
        if self.serve is not None and threading.active_count() == 1:
            self.process, self.forked = self._fork(self.serve), True
        else:
            p = subprocess.Popen(self.command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE, pass_fds=[self.sock.fileno()])
            assert p.stdin is not None
            p.stdin.write((json.dumps({**self.spec, "fd": self.sock.fileno()}) + "\n").encode())
            p.stdin.flush()  # stdin stays open: its end tells the child that the parent is gone
            self.process, self.forked = p, False
        self.starts = [t for t in self.starts if t > time.monotonic() - 60] + [time.monotonic()]

    def drain(self) -> None:
        assert self.process is not None
        threading.Thread(target=self._drain, args=(self.process,), name=f"stderr-{self.system}",
                         daemon=True).start()

    def _fork(self, serve: Callable[[int], None]) -> Forked:
        stdin_r, stdin_w = os.pipe()
        stderr_r, stderr_w = os.pipe()
        fd = self.sock.fileno()
        pid = os.fork()
        if pid == 0:  # the child: never returns into the parent's code
            code = 1
            try:
                os.dup2(stdin_r, 0)
                os.dup2(stderr_w, 2)
                leer = os.open(os.devnull, os.O_WRONLY)
                os.dup2(leer, 1)
                # Only its own socket: the others' sockets and pipes are the parent's business.
                os.closerange(3, fd)
                os.closerange(fd + 1, 65536)
                serve(fd)
                code = 0
            except BaseException:
                traceback.print_exc()
            finally:
                os._exit(code)
        os.close(stdin_r)
        os.close(stderr_w)
        return Forked(pid, stdin_w, stderr_r)

    def _drain(self, p: Process) -> None:
        assert p.stderr is not None
        for line in p.stderr:
            self.lines.append(line.decode("utf-8", "replace").rstrip())

    @property
    def ended(self) -> int | None:
        """The exit code once the process has ended (and is reaped), else None."""
        return None if self.process is None else self.process.poll()

    def why(self) -> str:
        code = self.ended
        how = f"Signal {-code}" if code is not None and code < 0 else f"Exit-Code {code}"
        last = next((line for line in reversed(self.lines) if line.strip()), "")
        return how + (f", zuletzt: {last}" if last else "")

    def stop(self, wait: float = 5.0) -> None:
        p = self.process
        if p is None:
            return
        if p.stdin is not None and not p.stdin.closed:
            try:
                p.stdin.close()
            except OSError:
                pass
        if p.poll() is None:
            p.terminate()
        try:
            p.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


class Supervisor:
    """Watches the children: a child that ended unexpectedly is named and started again."""

    def __init__(self, children: list[Child], say: Callable[[str], None]) -> None:
        self.children, self.say = children, say
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="fakes-aufsicht", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _watch(self) -> None:
        while not self._stop.wait(0.2):
            for child in self.children:
                if child.ended is None:
                    continue
                if len(child.starts) >= RESTARTS_PER_MINUTE:
                    if child.starts[-1] > 0:
                        self.say(f"Der Fake {child.title} endete {RESTARTS_PER_MINUTE}-mal in einer Minute "
                                 f"({child.why()}) und bleibt aus. Bitte python -m fakes neu starten.")
                        child.starts.append(-1.0)  # said once
                    continue
                self.say(f"Der Fake {child.title} endete unerwartet ({child.why()}); er wird neu gestartet, "
                         "sein Zustand beginnt von vorn.")
                child.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=2)


def watch_parent(on_gone: Callable[[], None]) -> None:
    """In the child: when stdin ends (the parent is gone, or it stops us), call ``on_gone``."""
    def wait() -> None:
        try:
            while sys.stdin.buffer.read(4096):
                pass
        except (OSError, ValueError):
            pass
        on_gone()

    threading.Thread(target=wait, name="elternprozess", daemon=True).start()
