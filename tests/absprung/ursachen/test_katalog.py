"""The declared causes and the Fehlerbild scenarios agree: each Fehlerbild names a declared cause, sees
one of its codes, reports one of the declared symptoms; where a scenario's state is the cause, its code
is the one the diagnosis names and its symptom is what the exercise tells the trainee.
"""

from __future__ import annotations

import pytest

from absprung.leitfaden.fehlerbilder import Fehlerbild, fehlerbild, warnings
from absprung.leitfaden.gherkin import parse_features
from absprung.ursachen import NACH_RECHTE, SYMPTOME, UEBUNGEN, URSACHE, URSACHEN, Ursache
from fakes.cloud.daten import BEFUNDE as RECHTE_BEFUNDE
from fakes.common.errors import REGISTER
from tests.fakes.test_rules import _all_rules
from tests.helpers import ROOT

_all_rules()  # every fake's rules registered (they register on import), whichever tests ran before
FEHLERBILDER = [fehlerbild(sc) for f in parse_features(ROOT / "features", ROOT, []) for sc in f.scenarios
                if "fehlerbild" in sc.tags]


def test_jede_ursache_einmal_erkennbar_und_pruefbar_oder_eine_ablehnung() -> None:
    assert len(URSACHE) == len(URSACHEN) >= 26
    for u in URSACHEN:
        assert all(c in REGISTER for c in u.codes), (u.name, u.codes)
        assert u.leitfaden and u.frage.endswith("?") and u.text.endswith(".") and u.behebung.endswith("."), u.name
        if u.pruefen is None and not u.rechte:  # no state to check: it shows as a refused setup step
            assert u.uebung is None and u.codes and all(REGISTER[c].kind.value != "ungueltig" or True
                                                        for c in u.codes), u.name
    assert set(NACH_RECHTE) == set(RECHTE_BEFUNDE), "Jeder Grund von „Rechte prüfen“ ist genau eine Ursache."
    assert NACH_RECHTE["keine"].pruefen is not None, "Die Freischaltungs-Prüfung hängt an der ersten Ursache."


def test_die_fehlerbilder_sind_gezaehlt_und_ohne_warnung() -> None:
    assert len(FEHLERBILDER) >= 25
    assert warnings(FEHLERBILDER) == []


@pytest.mark.parametrize("fb", FEHLERBILDER, ids=lambda f: f.szenario.anchor)
def test_fehlerbild_und_ursache_stimmen_ueberein(fb: Fehlerbild) -> None:
    u = fb.ursache
    assert u is not None, f"„Ursache: {fb.name}“ ist nicht erklärt (absprung/ursachen/katalog.py)."
    assert fb.symptom in SYMPTOME
    assert fb.code in u.codes, f"{fb.code} ist keiner der Codes von „{u.name}“: {u.codes}"
    guide = set(fb.szenario.guide_ids)
    assert guide & set(u.leitfaden) or guide & set(REGISTER[fb.code].guide), (
        f"Weder die Ursache noch der Code gehören zu {sorted(guide)}.")
    if fb.mit_diagnose:
        assert fb.code == u.code, f"Die Diagnose nennt {u.code}, das Szenario sieht {fb.code}."
        assert u.uebung is not None, f"Zur Ursache „{u.name}“ gibt es keine Übung."
        assert fb.symptom == u.uebung.symptom, "Die Übung nennt ein anderes Symptom als ihr Fehlerbild."


@pytest.mark.parametrize("u", [u for u in URSACHEN if u.uebung], ids=lambda u: u.name)
def test_jede_uebung_hat_ein_fehlerbild_oder_wird_von_rechte_pruefen_erkannt(u: Ursache) -> None:
    gezeigt = [f for f in FEHLERBILDER if f.name == u.name]
    assert gezeigt or u.rechte, f"Die Ursache „{u.name}“ zeigt kein Fehlerbild."
    assert len(UEBUNGEN) == len({x.name for x in UEBUNGEN})
