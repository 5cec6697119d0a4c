"""Then-steps for attempts that are saved or refused, whichever system refused them."""

from __future__ import annotations

from pytest_bdd import parsers, then

from steps.fehlerbild import code_pruefen
from steps.versuch import Versuch


@then(parsers.parse('wird das abgelehnt mit der Meldung "{text}"'))
def _(versuch: Versuch, fehlerbild: dict[str, str], text: str) -> None:
    assert versuch.abgelehnt, f"Erwartet war eine Ablehnung mit „{text}“, aber es wurde gespeichert."
    assert text in (versuch.meldung or ""), f"Die Meldung lautet „{versuch.meldung}“ und nennt nicht „{text}“."
    code_pruefen(fehlerbild, {versuch.code} if versuch.code else set())


@then("wird das gespeichert")
def _(versuch: Versuch) -> None:
    assert not versuch.abgelehnt, f"Abgelehnt: {versuch.meldung} [{versuch.code}]"
