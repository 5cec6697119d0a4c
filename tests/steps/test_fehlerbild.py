"""A Fehlerbild's ``Code:`` is checked where a step sees codes; the launch log names them in brackets."""

from __future__ import annotations

import pytest

from steps.fehlerbild import code_pruefen, codes_in


def test_codes_aus_dem_absprung_protokoll() -> None:
    grund = ("Die assfinet cloud hat die Kundendaten nicht herausgegeben: Für „a@b.de“ gibt es keine "
             "Hauptfreischaltung, die den Kunden „K-1001“ umfasst. (TAA_KEINE_FREISCHALTUNG) Thinksurance …")
    assert codes_in("CC_CLOUD_ABGELEHNT", grund, None) == {"CC_CLOUD_ABGELEHNT", "TAA_KEINE_FREISCHALTUNG"}
    assert codes_in("ams.5 (AS) und K-1001") == set()


def test_falscher_code_laesst_das_szenario_scheitern() -> None:
    code_pruefen({"Code": "TAA_ZWECK_FALSCH"}, {"CC_CLOUD_ABGELEHNT", "TAA_ZWECK_FALSCH"})
    code_pruefen({}, {"CC_CLOUD_ABGELEHNT"})  # no Fehlerbild: nothing to compare
    code_pruefen({"Code": "TAA_ZWECK_FALSCH"}, set())  # a refusal in the UI carries no code
    with pytest.raises(AssertionError, match="nennt den Code TAA_ZWECK_FALSCH"):
        code_pruefen({"Code": "TAA_ZWECK_FALSCH"}, {"CC_CLOUD_ABGELEHNT", "TAA_TOKEN_UNGUELTIG"})
