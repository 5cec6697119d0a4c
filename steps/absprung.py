"""Steps of the chapter "Test" (G18–G21) and the jump used by every Fehlerbild."""

from __future__ import annotations

from typing import Any

from pytest_bdd import given, parsers, then, when

from absprung import einrichtung
from absprung.diagnose import protokoll
from absprung.einrichtung import Schritt
from absprung.systems import Systems
from basis.kundenfelder import AUF_DER_PLATTFORM, GRUPPEN, Kundendaten
from basis.secret import Secret
from steps import bedienung as bedienen
from steps.ansicht import Ansicht
from steps.bedienung import Bedienung
from steps.fehlerbild import code_pruefen, codes_in

# The test oracle: which cloud field the Gewerbeplattform shows under which label (basis.kundenfelder).
NACH_LABEL = {f.label: f for f in AUF_DER_PLATTFORM}


# --- the whole setup at once ------------------------------------------------------------------

@given("alles ist nach dem Leitfaden eingerichtet", target_fixture="access_token")
def _(systems: Systems) -> Secret | None:
    return einrichtung.vollstaendig_einrichten(systems)


@given(parsers.parse('alles ist nach dem Leitfaden eingerichtet, außer "{schritt}"'), target_fixture="access_token")
def _(systems: Systems, schritt: str) -> Secret | None:
    return einrichtung.vollstaendig_einrichten(systems, ausser=frozenset({Schritt.benannt(schritt)}))


@given(parsers.parse('alles ist nach dem Leitfaden mit einer Kundenfreischaltung für "{firma}" eingerichtet'),
       target_fixture="access_token")
def _(systems: Systems, firma: str) -> Secret | None:
    return einrichtung.vollstaendig_einrichten(systems, freischaltung="kunde",
                                               kunden=[systems.kundennummer(firma)])


@given(parsers.parse('alles ist nach dem Leitfaden mit einer Kundenfreischaltung für "{firma}" eingerichtet, '
                     'außer "{schritt}"'), target_fixture="access_token")
def _(systems: Systems, firma: str, schritt: str) -> Secret | None:
    return einrichtung.vollstaendig_einrichten(systems, freischaltung="kunde",
                                               ausser=frozenset({Schritt.benannt(schritt)}),
                                               kunden=[systems.kundennummer(firma)])


@given(parsers.parse('alles ist nach dem Leitfaden eingerichtet, aber der Token hat den Zweck "{zweck}"'),
       target_fixture="access_token")
def _(systems: Systems, zweck: str) -> Secret | None:
    return einrichtung.vollstaendig_einrichten(systems, zweck=zweck)


# --- the jump, step by step (G18–G20) and at once -----------------------------------------------

@when(parsers.parse('der ams Benutzer die Kundenmaske von "{firma}" öffnet'), target_fixture="kundennummer")
def _(systems: Systems, bedienung: Bedienung, firma: str) -> str:
    return bedienen.kundenmaske_oeffnen(bedienung, systems, firma)


@when("DigiPro anklickt", target_fixture="digipro_produkte")
def _(bedienung: Bedienung) -> list[str]:
    return bedienen.digipro_anklicken(bedienung)


@when(parsers.parse('das Produkt "{produkt}" wählt'))
def _(bedienung: Bedienung, digipro_produkte: list[str], produkt: str) -> None:
    assert produkt in digipro_produkte, f"DigiPro bietet „{produkt}“ nicht an, nur: {digipro_produkte}"
    bedienung.produkt_waehlen(produkt)


@given(parsers.parse('der ams Benutzer für "{firma}" über DigiPro das Produkt "{produkt}" wählt'),
       target_fixture="ansicht")
@when(parsers.parse('der ams Benutzer für "{firma}" über DigiPro das Produkt "{produkt}" wählt'),
      target_fixture="ansicht")
def _(systems: Systems, bedienung: Bedienung, firma: str, produkt: str) -> Ansicht:
    bedienen.kundenmaske_oeffnen(bedienung, systems, firma)
    angeboten = bedienen.digipro_anklicken(bedienung)
    assert produkt in angeboten, f"DigiPro bietet „{produkt}“ nicht an, nur: {angeboten}"
    bedienung.produkt_waehlen(produkt)
    return bedienen.ansicht(bedienung)


# --- what the broker sees ---------------------------------------------------------------------

def _warum(systems: Systems) -> str:
    return protokoll.erklaerung(protokoll.letzter_absprung(systems.concenter))


@then("öffnet sich die Thinksurance – Gewerbeplattform mit den Kundendaten aus der assfinet cloud",
      target_fixture="ansicht")
def _(systems: Systems, bedienung: Bedienung) -> Ansicht:
    ansicht = bedienen.ansicht(bedienung)
    _mit_kundendaten(systems, ansicht)
    return ansicht


def _mit_kundendaten(systems: Systems, ansicht: Ansicht) -> None:
    assert ansicht.ist_gewerbeplattform, f"Statt Thinksurance erscheint: {ansicht.fehler}. {_warum(systems)}"
    assert ansicht.mit_kundendaten, (f"Thinksurance hat sich ohne Kundendaten geöffnet "
                                     f"(„{ansicht.hinweis}“). {_warum(systems)}")


@then(parsers.parse('öffnet sich Thinksurance mit den Kundendaten von "{firma}"'))
def _(systems: Systems, ansicht: Ansicht, firma: str) -> None:
    _mit_kundendaten(systems, ansicht)
    assert ansicht.felder["Firma"] == firma, f"Thinksurance zeigt die Firma „{ansicht.felder['Firma']}“."


@then("öffnet sich Thinksurance ohne Kundendaten")
def _(systems: Systems, ansicht: Ansicht) -> None:
    assert ansicht.ist_gewerbeplattform, f"Statt Thinksurance erscheint: {ansicht.fehler}. {_warum(systems)}"
    assert not ansicht.felder, f"Thinksurance zeigt doch Kundendaten: {ansicht.felder.get('Firma')}"
    assert ansicht.hinweis and "keine Kundendaten" in ansicht.hinweis, ansicht.hinweis


@then(parsers.parse('scheitert der Absprung, und con:center zeigt "{text}"'))
def _(ansicht: Ansicht, text: str) -> None:
    assert not ansicht.ist_gewerbeplattform, "Thinksurance hat sich geöffnet, erwartet war eine Ablehnung."
    assert ansicht.fehler and text in ansicht.fehler, f"con:center zeigt „{ansicht.fehler}“, nicht „{text}“."


def _letzter_absprung(systems: Systems) -> dict[str, Any]:
    eintrag = protokoll.letzter_absprung(systems.concenter)
    assert eintrag is not None, "Im Absprung-Protokoll steht kein Absprung."
    return eintrag


@then(parsers.parse('nennt das Absprung-Protokoll des con:center im Schritt "{schritt}" den Grund "{text}"'))
def _(systems: Systems, fehlerbild: dict[str, str], schritt: str, text: str) -> None:
    eintrag = _letzter_absprung(systems)
    assert eintrag["schritt"] == schritt, f"Das Protokoll nennt den Schritt „{eintrag['schritt']}“: {eintrag['grund']}"
    assert text in (eintrag["grund"] or ""), f"Das Protokoll nennt als Grund: {eintrag['grund']}"
    code_pruefen(fehlerbild, codes_in(eintrag.get("code"), eintrag.get("grund")))


@then(parsers.parse('nennt das Absprung-Protokoll des con:center für den Schritt "{schritt}" die Schnittstelle "{text}"'))
def _(systems: Systems, schritt: str, text: str) -> None:
    genutzt = [x.get("schnittstelle", "") for x in _letzter_absprung(systems)["schritte"] if x["schritt"] == schritt]
    assert genutzt and text in genutzt[0], f"Für „{schritt}“ nennt das Protokoll: {genutzt}"


@then(parsers.parse('sie zeigt für "{firma}" die Werte aus der assfinet cloud: {felder}'))
def _(systems: Systems, ansicht: Ansicht, firma: str, felder: str) -> None:
    kunde = systems.cloud.kunde(systems.world.bestand, systems.kundennummer(firma))
    abweichungen = _abweichungen(kunde, ansicht, [f.strip() for f in felder.replace(" und ", ",").split(",")])
    assert not abweichungen, "Thinksurance zeigt andere Werte als die assfinet cloud: " + "; ".join(abweichungen)


def _abweichungen(kunde: Kundendaten, ansicht: Ansicht, labels: list[str]) -> list[str]:
    unbekannt = [n for n in labels if n not in GRUPPEN and n not in NACH_LABEL]
    assert not unbekannt, (f"Diese Felder kennt der Schritt nicht: {', '.join(unbekannt)}. Bekannt sind: "
                           f"{', '.join([*NACH_LABEL, *GRUPPEN])}.")
    fehler = []
    for label in [x for name in labels for x in GRUPPEN.get(name, (name,))]:
        erwartet, gezeigt = str(kunde.wert(NACH_LABEL[label])), ansicht.felder.get(label)
        if gezeigt != erwartet:
            fehler.append(f"{label}: erwartet „{erwartet}“, gezeigt „{gezeigt}“")
    return fehler


@then(parsers.parse('zeigt die Kundenmaske den Kunden "{firma}"'))
def _(systems: Systems, kundennummer: str, firma: str) -> None:
    maske = systems.ams.kundenmaske(systems.world.ams_benutzer, kundennummer)
    assert maske.firma == firma, f"Die Kundenmaske zeigt „{maske.firma}“ statt „{firma}“."


@then(parsers.parse('bietet DigiPro das Produkt "{produkt}" an'))
def _(digipro_produkte: list[str], produkt: str) -> None:
    assert produkt in digipro_produkte, f"DigiPro bietet nur: {digipro_produkte}"


@then(parsers.parse('bietet DigiPro das Produkt "{produkt}" nicht an'))
def _(digipro_produkte: list[str], produkt: str) -> None:
    assert produkt not in digipro_produkte, f"DigiPro bietet „{produkt}“ doch an."


@given("die Einrichtung nach dem Leitfaden liegt vor", target_fixture="access_token")
def _(systems: Systems) -> Secret | None:
    """Where this run resets cloud, con:center and ams (or may write to them), it sets them up now and notes
    the AccessToken; on a landscape that is not reset, or that it may only read, the setup must be there
    (the AccessToken from the profile)."""
    t = systems.target
    einrichten = {"cloud", "concenter", "ams"}
    if not (einrichten & t.ohne_zuruecksetzen) and (t.writes_allowed or einrichten <= t.embedded):
        return einrichtung.vollstaendig_einrichten(systems)
    return None
