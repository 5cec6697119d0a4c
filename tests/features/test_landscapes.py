"""Every consistent landscape: the API scenarios pass with some systems remote (served by a separately
started ``python -m fakes``) and the others embedded in the run, wired through one address map."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest

from absprung import einrichtung
from absprung.systems import Systems
from basis import leitfaden
from basis.ziel import Target
from tests.features.remote import API_ONLY, count, fakes_process, run_suite, write_profile

LANDSCAPES = {
    "thinksurance-entfernt": ("thinksurance",),
    "cloud-entfernt": ("cloud",),
    "cloud-und-thinksurance-entfernt": ("cloud", "thinksurance"),
    "concenter-cloud-thinksurance-entfernt": ("concenter", "cloud", "thinksurance"),
    "alle-entfernt": ("cloud", "concenter", "ams", "thinksurance"),
}


@pytest.fixture(scope="module")
def remote() -> Iterator[dict[str, Any]]:
    with fakes_process() as started:
        yield started


@pytest.mark.parametrize("name", LANDSCAPES)
def test_api_scenarios_pass_in_the_landscape(name: str, remote: dict[str, Any], tmp_path: Path) -> None:
    urls = {s: remote[s]["url"] for s in LANDSCAPES[name]}
    profile = write_profile(tmp_path / f"{name}.toml", urls, writes=True, control=True)
    result = run_suite(profile, "-m", API_ONLY)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert count("passed", result.stdout) >= 45 and count("failed", result.stdout) == 0, result.stdout[-1500:]
    for system in LANDSCAPES[name]:  # the summary names the remote system with its address
        assert remote[system]["url"] in result.stdout, result.stdout[-1500:]


def test_python_m_fakes_serves_only_the_embedded_part_of_a_landscape(remote: dict[str, Any], tmp_path: Path) -> None:
    """One fake stands in for one system: a con:center between the remote cloud and Thinksurance.
    A launch through it reads TaaData from the remote cloud and forwards to the remote Thinksurance."""
    others = {s: remote[s]["url"] for s in ("cloud", "ams", "thinksurance")}
    profile = write_profile(tmp_path / "teil.toml", others, writes=True, control=True)
    with fakes_process("--ziel", str(profile)) as served:
        assert set(served) == {"concenter"}
        systems = Systems.connect(Target("Teil", {**others, "concenter": served["concenter"]["url"]}))
        try:
            for s in ("cloud", "ams", "thinksurance"):
                systems.control(s).reset()
            einrichtung.vollstaendig_einrichten(systems)
            w = systems.world
            start = systems.concenter.start_anlegen(
                benutzer=w.concenter_benutzer, passwort=w.geheimnis("concenter_passwort"), produkt=leitfaden.PRODUKT,
                kunde=w.kundennummer(w.pruefkunde), email=w.haupt_email, cloud_benutzer=w.haupt_email)
            status, weiter = systems.concenter.start_oeffnen(start)
            eintrag = systems.concenter.protokoll()[0]
        finally:
            systems.close()
    assert status == 303 and weiter is not None and weiter.startswith(remote["thinksurance"]["url"] + "/switch/")
    assert eintrag["ergebnis"] == "erfolgreich", eintrag
