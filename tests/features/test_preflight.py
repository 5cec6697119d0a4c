"""Before the first scenario: an unusable target ends the run quickly, with one German line per system."""

from __future__ import annotations

import re
import socket
import time
from pathlib import Path
from typing import Any, Iterator

import pytest

from basis import demo
from tests.features.remote import fakes_process, run_suite, write_profile
from tests.helpers import ROOT


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # closed again when the block ends


def _readme_profile() -> str:
    """The example profile of the README, as printed there."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Gegen andere Ziele prüfen")[1]
    found = re.search(r"```toml\n(.*?)```", section, re.S)
    assert found, "Das README zeigt kein Beispielprofil mehr."
    return found.group(1)


SECRETS = {"ABSPRUNG_TS_HASH": "hash-aus-der-umgebung", "ABSPRUNG_TS_SECRET": "secret-aus-der-umgebung",
           "ABSPRUNG_BTOKEN": "btoken-aus-der-umgebung"}


def test_the_readme_profile_with_an_unreachable_thinksurance_ends_quickly_with_exit_4(tmp_path: Path) -> None:
    text = _readme_profile()
    assert "https://ipn.dev.thinksurance.example" in text
    profile = tmp_path / "ziel.toml"
    profile.write_text(text.replace("https://ipn.dev.thinksurance.example", f"http://127.0.0.1:{_closed_port()}"),
                       encoding="utf-8")
    start = time.monotonic()
    result = run_suite(profile, environment=SECRETS)
    took = time.monotonic() - start
    assert result.returncode == 4, result.stdout[-2000:] + result.stderr[-2000:]
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert any("Thinksurance" in line and "nicht erreichbar" in line and "[urls] thinksurance" in line
               for line in lines), result.stderr
    assert "kein Szenario wurde gestartet" in result.stderr
    assert len(lines) <= 4 and "Traceback" not in result.stderr, result.stderr
    assert took < 30, took  # a bound for a stuck run, not a measurement (the note gives the figure)
    for value in SECRETS.values():
        assert value not in result.stdout + result.stderr


def test_an_inconsistent_landscape_is_named(tmp_path: Path) -> None:
    """A remote con:center cannot reach the cloud embedded in this run."""
    profile = write_profile(tmp_path / "ziel.toml", {"concenter": "http://127.0.0.1:9"}, writes=True, control=False)
    result = run_suite(profile)
    assert result.returncode == 4
    assert "Landschaft: con:center läuft entfernt" in result.stderr and "eingebetteten Fake" in result.stderr


@pytest.fixture(scope="module")
def remote() -> Iterator[dict[str, Any]]:
    with fakes_process("--ohne-steuerung") as started:
        yield started


def test_refused_credentials_are_named_per_system(remote: dict[str, Any], tmp_path: Path) -> None:
    urls = {s: remote[s]["url"] for s in ("thinksurance", "concenter", "cloud")}
    profile = write_profile(tmp_path / "ziel.toml", urls, writes=True, control=True,
                            secrets={"thinksurance_hash": "H", "concenter_passwort": "P"})
    result = run_suite(profile, environment={"H": "falscher-partner-hash", "P": "falsches-passwort"})
    assert result.returncode == 4
    ts = next(line for line in result.stderr.splitlines() if line.startswith("✘ Thinksurance"))
    assert "TS_API_USER_UNGUELTIG" in ts and "[geheimnisse] thinksurance_hash" in ts
    cc = next(line for line in result.stderr.splitlines() if line.startswith("✘ con:center"))
    assert "CC_ANMELDUNG_FEHLGESCHLAGEN" in cc
    assert "steuerung = true" in result.stderr  # the fakes run without their control API
    assert "falscher-partner-hash" not in result.stderr and "falsches-passwort" not in result.stderr


def test_a_ready_target_shows_its_preflight_in_the_header(remote: dict[str, Any], tmp_path: Path) -> None:
    profile = write_profile(tmp_path / "ziel.toml", {"thinksurance": remote["thinksurance"]["url"]}, writes=True,
                            control=False, secrets={"thinksurance_hash": "H", "thinksurance_secret": "S"})
    result = run_suite(profile, "-m", "G04 and lesend", environment={"H": demo.TS_HASH, "S": demo.TS_SECRET})
    assert result.returncode == 0, result.stdout[-2000:]
    assert f"✔ Thinksurance ({remote['thinksurance']['url']}): Partner-Anmeldung angenommen, Konto" in result.stdout
