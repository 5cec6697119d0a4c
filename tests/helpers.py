"""Shared helpers of the tests: run the acceptance suite on scenarios a test writes; expect a refusal."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest

from fakes.common.errors import Refusal

ROOT = Path(__file__).resolve().parent.parent


def run_scenarios(folder: Path, features: dict[str, str], *arguments: str,
                  environment: dict[str, str] | None = None, timeout: int = 180,
                  steps: str = "") -> subprocess.CompletedProcess[str]:
    """Write ``features`` (file name -> Gherkin) into ``folder`` and run them with our steps (and the
    step definitions in ``steps``, Python source)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in features.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "test_tmp_szenarien.py").write_text(
        f"from pytest_bdd import scenarios\nscenarios({str(folder)!r})\n", encoding="utf-8")
    (folder / "pytest.ini").write_text("[pytest]\naddopts = --strict-markers -p no:cacheprovider -p no:schemathesis\n",
                                       encoding="utf-8")
    # As in the project's root conftest: conftest fixtures (Chromium launch args) beat plugin ones.
    (folder / "conftest.py").write_text('pytest_plugins = ["steps.alle"]\n' + steps, encoding="utf-8")
    command = [sys.executable, "-m", "pytest", "-c", str(folder / "pytest.ini"), "--rootdir", str(folder),
               str(folder), *arguments]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(environment or {})})


def alle_formate(ordner: Path) -> list[str]:
    """pytest options for every output of a run, into ``ordner``."""
    return [f"--lauf-json={ordner / 'lauf.json'}", f"--html={ordner / 'bericht.html'}", "--self-contained-html",
            f"--bilder={ordner / 'bilder'}", f"--junitxml={ordner / 'junit.xml'}",
            f"--cucumber-ndjson={ordner / 'cucumber.ndjson'}", f"--cucumberjson={ordner / 'cucumber.json'}",
            f"--allure-ergebnisse={ordner / 'allure-ergebnisse'}"]


def bericht_daten(pfad: Path) -> dict[str, Any]:
    """What pytest-html put into bericht.html (environment, and per test its rows), as its page reads it."""
    import html
    import re

    blob = re.search(r'data-jsonblob="([^"]*)"', pfad.read_text(encoding="utf-8"))
    assert blob is not None, f"{pfad} hat keine Daten von pytest-html"
    return dict(json.loads(html.unescape(blob.group(1))))


def once_per_run(tmp_path_factory: pytest.TempPathFactory, name: str,
                 make: Callable[[Path], subprocess.CompletedProcess[str]]) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """Run ``make(folder)`` once for the whole test run, also under ``-n 2``: the workers share the folder
    above their own temporary folders; the first one runs it under a lock, the others read its result."""
    basis = tmp_path_factory.getbasetemp()
    # the session's folder: above a worker's own (popen-gw0) under xdist, the base itself when serial –
    # never a folder that outlives the session (a later run would read a stale result)
    shared = (basis.parent if basis.name.startswith("popen-") else basis) / name
    shared.mkdir(parents=True, exist_ok=True)
    with open(shared.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        result = shared / "ergebnis.json"
        if not result.is_file():
            done = make(shared)
            result.write_text(json.dumps([done.args, done.returncode, done.stdout, done.stderr]), encoding="utf-8")
        args, code, out, err = json.loads(result.read_text(encoding="utf-8"))
    return shared, subprocess.CompletedProcess(args, code, out, err)


def refused(code: str, function: Callable[..., Any], *args: Any, **kw: Any) -> Refusal:
    """Call, expect the rule ``code``; the German message must be complete and readable.

    The rule table (tests/fakes/test_rules.py) finds the tests of each rule by these calls."""
    with pytest.raises(Refusal) as info:
        function(*args, **kw)
    f = info.value
    assert f.code == code, f"erwartet {code}, bekommen {f.code}: {f.message}"
    assert len(f.message) > 15 and "{" not in f.message and f.message.endswith((".", ")", "?")), f.message
    return f


def logged(entry: Any, code: str, result: str, step: str | None = None) -> None:
    """A con:center launch-log entry records the rule ``code`` with its German reason.

    For launch outcomes that are not refusals of the request ("ohne Kundendaten", "fehlgeschlagen");
    the rule table counts these calls like ``refused``."""
    assert (entry.ergebnis, entry.code) == (result, code), (entry.ergebnis, entry.code, entry.grund)
    assert step is None or entry.schritt == step, entry.schritt
    assert entry.grund and len(entry.grund) > 15 and "{" not in entry.grund, entry.grund


class QuietHandler(BaseHTTPRequestHandler):
    """A request handler of the tests' own web servers: no line on stderr per request."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the standard library's name
        pass


@contextlib.contextmanager
def loopback_server(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """A small web server of the test's own on 127.0.0.1 (a thread); yields its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True  # a handler that hangs on purpose does not hold up the end
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
