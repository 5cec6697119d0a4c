"""The landscape check: a remote system cannot call a fake embedded in the run."""

from __future__ import annotations

import pytest

from absprung.preflight import landscape_problems
from basis.systeme import NAMEN
from basis.ziel import EMBEDDED, Target, World


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
