"""One run of a small suite under ``-n 2`` with every output (run record, report, the three formats),
shared by the tests of the plugin and of the formats: a passing scenario, a failing browser
click-through with pictures and an unknown field, a failing launch, an undefined step.

It runs once for the whole test run, also under ``-n 2`` (``tests.helpers.once_per_run``).
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import alle_formate, once_per_run, run_scenarios

FEATURE = """# language: de
Funktionalität: Laufprotokoll

  @G18
  Szenario: Gelingt
    Angenommen die Voraussetzungen des Leitfadens sind erfüllt

  @G16
  Szenario: Scheitert
    Angenommen alles ist nach dem Leitfaden eingerichtet, außer "Maklerextranet aktivieren"
    Wenn der ams Benutzer für "Müller & Söhne Bau GmbH" über DigiPro das Produkt "Thinksurance - Gewerbeplattform" wählt
    Dann öffnet sich Thinksurance mit den Kundendaten von "Müller & Söhne Bau GmbH"
    Und nennt das Absprung-Protokoll des con:center im Schritt "Broker Forward" den Grund "x"

  Szenario: Hat einen undefinierten Schritt
    Angenommen ein Schritt, den es nicht gibt

  @G20 @browser @doku
  Szenario: Kennt ein Feld nicht
    Angenommen die Voraussetzungen des Leitfadens sind erfüllt
    Und in assfinet drive ist unter "Allgemein → con:center" der con:center Benutzer des ams Benutzers hinterlegt
    Und unter "assfinet api" ist ein Token mit dem Namen "Thinksurance", dem Zweck "TaaData" und diesem Concenter Benutzernamen hinzugefügt
    Und der generierte AccessToken ist vermerkt
    Und der ams Benutzer ist in der Liste für Mitarbeiterzugriff eingetragen
    Und eine VM-Freischaltung "Thinksurance" ist angelegt, geteilt mit dem ams Benutzer, als Hauptfreischaltung festgelegt und mit dem Sachbearbeiter "cloudtransfer"
    Und beim con:center Benutzer sind für den Produktgeber "Thinksurance" der vermerkte AccessToken als Collaboration API Token und der btoken von Thinksurance hinterlegt
    Und beim ams Benutzer ist im cloud Konto "Maklerextranet aktivieren" angehakt
    Und die Produktfreischaltungen des ams Benutzers sind aktualisiert
    Wenn der ams Benutzer die Kundenmaske von "Müller & Söhne Bau GmbH" öffnet
    Und DigiPro anklickt
    Und das Produkt "Thinksurance - Gewerbeplattform" wählt
    Dann öffnet sich die Thinksurance – Gewerbeplattform mit den Kundendaten aus der assfinet cloud
    Und sie zeigt für "Müller & Söhne Bau GmbH" die Werte aus der assfinet cloud: Firma, Geburtsdatum
    Und sie zeigt für "Müller & Söhne Bau GmbH" die Werte aus der assfinet cloud: Firma
"""


@dataclass
class Formatlauf:
    ordner: Path
    ergebnis: subprocess.CompletedProcess[str]

    def datei(self, name: str) -> Path:
        return self.ordner / name

    def json(self, name: str) -> Any:
        return json.loads(self.datei(name).read_text(encoding="utf-8"))

    def nachrichten(self) -> list[dict[str, Any]]:
        return [json.loads(z) for z in self.datei("cucumber.ndjson").read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="session")
def formatlauf(tmp_path_factory: pytest.TempPathFactory) -> Formatlauf:
    ordner, ergebnis = once_per_run(tmp_path_factory, "formatlauf", lambda ordner: run_scenarios(
        ordner / "f", {"lauf.feature": FEATURE}, "-n", "2", *alle_formate(ordner)))
    assert ergebnis.returncode == 1, ergebnis.stdout[-3000:] + ergebnis.stderr[-2000:]
    return Formatlauf(ordner, ergebnis)
