"""A read-only target: the @lesend scenarios check a set-up landscape and change nothing; a selection
in which the target skips everything does not end green."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

import pytest

from absprung import einrichtung
from absprung.systems import Systems
from basis import demo
from basis.secret import Secret
from basis.systeme import NAMEN
from basis.ziel import Target
from tests.features.remote import count, fakes_process, run_suite, write_profile

SECRETS = {"thinksurance_hash": "H", "thinksurance_secret": "S", "btoken": "B", "concenter_passwort": "P",
           "access_token": "A"}


@pytest.fixture(scope="module")
def landscape() -> Iterator[tuple[dict[str, Any], Secret]]:
    """Fakes without control API, set up through their normal interfaces as an administrator would."""
    with fakes_process("--ohne-steuerung") as started:
        urls = {s: started[s]["url"] for s in NAMEN}
        systems = Systems.connect(Target("Staging", urls))
        token = einrichtung.vollstaendig_einrichten(systems)
        systems.close()
        assert token is not None
        yield started, token


def _environment(token: Secret) -> dict[str, str]:
    return {"H": demo.TS_HASH, "S": demo.TS_SECRET, "B": demo.TS_BTOKEN, "P": demo.CONCENTER_PASSWORT,
            "A": token.reveal()}


def _profile(tmp_path: Path, started: dict[str, Any]) -> Path:
    return write_profile(tmp_path / "staging.toml", {s: started[s]["url"] for s in NAMEN}, writes=False,
                         control=False, secrets=SECRETS)


def test_read_only_scenarios_pass_and_change_nothing(landscape: tuple[dict[str, Any], Secret],
                                                     tmp_path: Path) -> None:
    started, token = landscape
    before = _dump(started)
    result = run_suite(_profile(tmp_path, started), environment=_environment(token))
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-1500:]
    assert count("passed", result.stdout) == 6 and count("failed", result.stdout) == 0, result.stdout[-1500:]
    assert "erlaubt kein Schreiben (schreiben_erlaubt = false)" in result.stdout
    assert _dump(started) == before, "ein lesendes Szenario hat Daten verändert"
    summary = result.stdout.split("Ziel „staging“")[1]
    assert "Thinksurance (" in summary and "übersprungen:" in summary


def test_a_read_only_scenario_without_its_secret_is_skipped_with_the_reason(
        landscape: tuple[dict[str, Any], Secret], tmp_path: Path) -> None:
    started, token = landscape
    profile = write_profile(tmp_path / "ohne.toml", {s: started[s]["url"] for s in NAMEN}, writes=False,
                            control=False, secrets={k: v for k, v in SECRETS.items() if k != "access_token"})
    result = run_suite(profile, "-m", "lesend", environment=_environment(token))
    assert result.returncode == 0, result.stdout[-2000:]
    assert count("skipped", result.stdout) == 1 and "kein „access_token“" in result.stdout


def test_a_selection_the_target_skips_entirely_does_not_end_green(landscape: tuple[dict[str, Any], Secret],
                                                                  tmp_path: Path) -> None:
    started, token = landscape
    profile = _profile(tmp_path, started)
    result = run_suite(profile, "-m", "not lesend", environment=_environment(token))
    assert result.returncode == 5, result.stdout[-2000:]
    assert "Nichts geprüft" in result.stdout and count("passed", result.stdout) == 0
    allowed = run_suite(profile, "-m", "not lesend", "--leerlauf-erlaubt", environment=_environment(token))
    assert allowed.returncode == 0, allowed.stdout[-2000:]


def _dump(started: dict[str, Any]) -> str:
    """What the systems hold, read through their normal interfaces (no control API here)."""
    systems = Systems.connect(Target("Staging", {s: started[s]["url"] for s in NAMEN}))
    w = systems.world
    try:
        return json.dumps([systems.cloud.bestand(w.bestand), systems.ams.benutzer(w.ams_benutzer),
                           systems.concenter.protokoll(),
                           systems.concenter.produktgeber_einstellungen(w.concenter_benutzer, "Thinksurance")],
                          sort_keys=True, default=str)
    finally:
        systems.close()
