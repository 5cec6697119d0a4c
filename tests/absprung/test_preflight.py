"""The landscape check: a remote system cannot call a fake embedded in the run."""

from __future__ import annotations

import pytest

from absprung.preflight import landscape_problems, run
from basis.systeme import NAMEN
from basis.ziel import EMBEDDED, Target, World
from tests.remotes import slow_server


def _target(remote: set[str], world: World | None = None) -> Target:
    urls = {s: f"https://{s}.example" if s in remote else EMBEDDED for s in NAMEN}
    return Target("t", urls, embedded=frozenset(NAMEN) - remote, world=world or World())


@pytest.mark.parametrize("remote", [set(), {"thinksurance"}, {"cloud"}, {"cloud", "thinksurance"},
                                    {"concenter", "cloud", "thinksurance"}, set(NAMEN)])
def test_consistent_landscapes(remote: set[str]) -> None:
    assert landscape_problems(_target(remote)) == []


@pytest.mark.parametrize(("remote", "caller", "callee"), [
    ({"concenter"}, "con:center", "assfinet cloud"), ({"concenter", "cloud"}, "con:center", "Thinksurance"),
    ({"ams"}, "ams.5", "con:center"), ({"ams", "concenter", "thinksurance"}, "ams.5", "assfinet cloud")])
def test_a_remote_system_cannot_reach_an_embedded_neighbour(remote: set[str], caller: str, callee: str) -> None:
    problems = landscape_problems(_target(remote))
    assert any(p.startswith(f"✘ Landschaft: {caller} läuft entfernt") and f"ruft {callee}" in p for p in problems)


def test_an_embedded_concenter_needs_partner_credentials_for_a_real_thinksurance() -> None:
    problems = landscape_problems(_target({"thinksurance"}, World(thinksurance_hash=None)))
    assert len(problems) == 1 and "thinksurance_hash und thinksurance_secret" in problems[0]


@pytest.mark.parametrize("langsam", [{"vorher": 5.0}, {"pause": 0.5, "laenge": 200}], ids=["spaet", "tropfend"])
def test_langsames_ziel_heisst_zu_langsam_und_haelt_die_vorabpruefung_nicht_auf(langsam: dict[str, float]) -> None:
    """Finding 9: an ams.5 answering 5 s late was "nicht erreichbar"; one dripping a byte every 0.5 s held
    the preflight 103 s (3 s per read). Now: "antwortet zu langsam" after the request's deadline."""
    with slow_server(**langsam) as url:
        target = Target("t", {s: url if s == "ams" else EMBEDDED for s in NAMEN},
                        embedded=frozenset(NAMEN) - {"ams"}, world=World())
        [check] = run(target, timeout=1.0)
    assert not check.ok and "antwortet zu langsam" in check.line and "ZU_LANGSAM" in check.line
    assert "nicht erreichbar" not in check.line
