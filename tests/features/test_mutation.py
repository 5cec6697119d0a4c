"""Each Fehlerbild scenario fails for the right reason when its cause is removed from the fake.

A small plugin patches one model function of a fake (the rule behind the symptom) before the
fakes start; the scenario is then run in a separate pytest process and must fail, with a message
that says what happened instead of the symptom.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.helpers import ROOT

MUTATIONEN = [
    pytest.param("maklerextranet_aktivieren_fehlt", """
        from fakes.ams.models import Ams
        original = Ams.produkt_waehlen
        def produkt_waehlen(self, kuerzel, *args):
            for konto in self.benutzer[kuerzel].cloud_konten:
                konto.maklerextranet = True
            return original(self, kuerzel, *args)
        Ams.produkt_waehlen = produkt_waehlen
        """, "Thinksurance zeigt doch Kundendaten", id="G16-Maklerextranet"),
    pytest.param("der_benutzer_keine_freischaltung_hat", """
        from fakes.cloud.models import Cloud
        Cloud.umfasst = lambda self, *a: True
        """, "Thinksurance zeigt doch Kundendaten", id="G11-Freischaltung"),
    pytest.param("mit_dem_sachbearbeiter", """
        from fakes.cloud.models import Cloud
        Cloud.sachbearbeiter_pruefen = staticmethod(lambda *a: None)
        """, "Erwartet war eine Ablehnung", id="G13-Sachbearbeiter"),
    pytest.param("nicht_zur_email_des_btokens_passt", """
        import fakes.thinksurance.daten as d
        d.gleich = lambda a, b: True
        """, "Thinksurance hat sich geöffnet, erwartet war eine Ablehnung", id="G04-E-Mail"),
    pytest.param("nicht_aktualisiert_sind", """
        from fakes.ams.models import Ams
        def digipro(self, kuerzel, kundennummer):  # no cache: what con:center grants right now
            self.kundenmaske(kuerzel, kundennummer)
            return ["Thinksurance - Gewerbeplattform"]
        Ams.digipro = digipro
        """, "DigiPro bietet „Thinksurance - Gewerbeplattform“ doch an", id="G17-Zwischenspeicher"),
]


@pytest.mark.parametrize(("szenario", "mutation", "meldung"), MUTATIONEN)
def test_fehlerbild_scheitert_ohne_seine_ursache(tmp_path: Path, szenario: str, mutation: str, meldung: str) -> None:
    (tmp_path / "mutation_plugin.py").write_text(textwrap.dedent(mutation), encoding="utf-8")
    umgebung = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), os.environ.get("PYTHONPATH", "")])}
    ergebnis = subprocess.run([sys.executable, "-m", "pytest", "features", "-k", szenario, "-p", "no:xdist",
                               "-p", "mutation_plugin", "-q"], cwd=ROOT, env=umgebung, capture_output=True,
                              text=True, timeout=180)
    ausgabe = ergebnis.stdout
    assert ergebnis.returncode == 1 and " failed" in ausgabe.splitlines()[-1], ausgabe[-2000:]
    assert "passed" not in ausgabe.splitlines()[-1], "Mindestens ein Szenario besteht auch ohne seine Ursache."
    assert meldung in ausgabe, ausgabe[-3000:]
