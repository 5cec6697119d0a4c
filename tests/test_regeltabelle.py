"""The rule table: every registered rule code → the tests that prove its allowed and refused case.

Fails when a code in ``REGISTER`` has no entry, when an entry names a test that does not exist,
or when the table keeps a code that no longer exists. A second table does the same for the
behaviour rules of the fake world (design/fake-world.md) that are not refusals with a code.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
from functools import cache
from pathlib import Path


import fakes
from fakes.annahmen import ANNAHMEN
from fakes.common.errors import REGISTER, Regel

TESTS = Path(__file__).parent
MODULE = ("test_regeln_cloud", "test_regeln_concenter", "test_regeln_ams", "test_regeln_thinksurance",
          "test_fuzz")

C, CC, AMS, TS, WEB = MODULE

REGELTABELLE: dict[str, tuple[str, ...]] = {
    # shared web layer (tests/test_fuzz.py, which also sends such input to every endpoint)
    "UNGUELTIGES_JSON": (f"{WEB}::test_alle_ungueltiges_json", f"{WEB}::test_schlechte_eingaben"),
    "FELD_FEHLT": (f"{WEB}::test_alle_feld_fehlt", f"{WEB}::test_schlechte_eingaben"),
    "FELD_TYP": (f"{WEB}::test_alle_feld_typ", f"{WEB}::test_schlechte_eingaben"),
    "FELD_UNBEKANNT": (f"{WEB}::test_alle_feld_unbekannt", f"{WEB}::test_schlechte_eingaben"),
    "FELD_LEER": (f"{WEB}::test_alle_feld_leer", f"{WEB}::test_schlechte_eingaben"),
    "FELD_ZU_LANG": (f"{WEB}::test_alle_feld_zu_lang", f"{WEB}::test_schlechte_eingaben"),
    "LISTE_ZU_LANG": (f"{WEB}::test_alle_liste_zu_lang",),
    "FELD_BEREICH": (f"{WEB}::test_alle_feld_bereich", f"{WEB}::test_schlechte_eingaben"),
    "JSON_ZU_TIEF": (f"{WEB}::test_alle_json_zu_tief", f"{WEB}::test_schlechte_eingaben"),
    "ANFRAGE_ZU_GROSS": (f"{WEB}::test_alle_anfrage_zu_gross", f"{WEB}::test_schlechte_eingaben"),
    "PFAD_UNBEKANNT": (f"{WEB}::test_alle_pfad_unbekannt_und_methode_falsch",),
    "METHODE_FALSCH": (f"{WEB}::test_alle_pfad_unbekannt_und_methode_falsch", f"{WEB}::test_schlechte_eingaben"),
    "STEUERUNG_AUS": (f"{WEB}::test_alle_steuerung_aus",),
    "SEED_UNBEKANNT": (f"{WEB}::test_alle_seed_unbekannt",
                       f"{WEB}::test_zuruecksetzen_mit_unbekanntem_datenstand_behaelt_den_zustand"),
    "UHR_BEREICH": (f"{WEB}::test_alle_uhr_bereich",),
    # assfinet cloud
    "CLOUD_BESTAND_UNBEKANNT": (f"{C}::test_bestand_unbekannt",),
    "CLOUD_FEATURE_UNBEKANNT": (f"{C}::test_feature_unbekannt",),
    "CLOUD_FEATURE_API_ZUGRIFF_FEHLT": (f"{C}::test_api_zugriff_fehlt",),
    "CLOUD_FEATURE_CONCENTER_TAA_FEHLT": (f"{C}::test_concenter_taa_fehlt",),
    "CLOUD_FEATURE_MITARBEITERZUGRIFF_FEHLT": (f"{C}::test_mitarbeiterzugriff_feature_fehlt",),
    "CLOUD_FEATURE_VERMITTLERFREISCHALTUNGEN_FEHLT": (f"{C}::test_vm_freischaltungen_feature_fehlt",),
    "CLOUD_CONCENTER_BENUTZER_DOPPELT": (f"{C}::test_concenter_benutzer_doppelt",),
    "CLOUD_CONCENTER_BENUTZER_UNBEKANNT": (f"{C}::test_concenter_benutzer_unbekannt",),
    "CLOUD_ZWECK_UNGUELTIG": (f"{C}::test_zweck_ungueltig",),
    "CLOUD_TOKEN_UNBEKANNT": (f"{C}::test_token_unbekannt",),
    "CLOUD_BENUTZER_UNBEKANNT": (f"{C}::test_benutzer_unbekannt",),
    "CLOUD_BENUTZER_DOPPELT": (f"{C}::test_benutzer_doppelt",),
    "CLOUD_ROLLE_UNGUELTIG": (f"{C}::test_rolle_ungueltig",),
    "CLOUD_KUNDE_UNBEKANNT": (f"{C}::test_kunde_unbekannt",),
    "CLOUD_VERMITTLER_UNBEKANNT": (f"{C}::test_vermittler_unbekannt",),
    "CLOUD_FREISCHALTUNG_UNBEKANNT": (f"{C}::test_freischaltung_unbekannt",),
    "CLOUD_FREISCHALTUNG_OHNE_KUNDEN": (f"{C}::test_freischaltung_ohne_kunden",),
    "CLOUD_FREISCHALTUNG_NICHT_GETEILT": (f"{C}::test_freischaltung_nicht_geteilt",),
    "CLOUD_SACHBEARBEITER_UNGUELTIG": (f"{C}::test_sachbearbeiter_nur_administrator_oder_benutzer",),
    "CLOUD_HERKUNFT_UNGUELTIG": (f"{C}::test_herkunft_ungueltig",),
    "TAA_TOKEN_UNGUELTIG": (f"{C}::test_taa_stufe", f"{C}::test_taa_reihenfolge",
                            f"{C}::test_widerrufener_token_wirkt_sofort_nicht_mehr"),
    "TAA_FEATURE_FEHLT": (f"{C}::test_taa_stufe", f"{C}::test_taa_reihenfolge"),
    "TAA_ZWECK_FALSCH": (f"{C}::test_taa_stufe", f"{C}::test_taa_reihenfolge"),
    "TAA_CONCENTER_BENUTZER_FEHLT": (f"{C}::test_taa_stufe", f"{C}::test_taa_reihenfolge"),
    "TAA_BENUTZER_UNBEKANNT": (f"{C}::test_taa_stufe", f"{C}::test_taa_reihenfolge"),
    "TAA_ROLLE_UNZUREICHEND": (f"{C}::test_taa_stufe", f"{C}::test_taa_reihenfolge", f"{C}::test_taa_erlaubt"),
    "TAA_KEINE_FREISCHALTUNG": (f"{C}::test_taa_stufe", f"{C}::test_taa_reihenfolge",
                                f"{C}::test_nur_die_hauptfreischaltung_gibt_rechte",
                                f"{C}::test_vm_freischaltung_ohne_vermittler_nur_mit_mitarbeiterzugriff",
                                f"{C}::test_vm_freischaltung_mit_vermittler_gibt_dessen_kunden"),
    "TAA_KUNDE_NICHT_REPLIZIERT": (f"{C}::test_taa_stufe", f"{C}::test_taa_reihenfolge",
                                   f"{C}::test_replizieren_macht_kunden_lesbar"),
    "TAA_BEARER_FEHLT": (f"{C}::test_taa_bearer_fehlt",),
    # con:center
    "CC_ANMELDUNG_FEHLGESCHLAGEN": (f"{CC}::test_anmeldung_fehlgeschlagen",
                                    f"{CC}::test_absprung_anmeldung_fehlgeschlagen"),
    "CC_BENUTZER_UNBEKANNT": (f"{CC}::test_benutzer_unbekannt",),
    "CC_PRODUKTGEBER_UNBEKANNT": (f"{CC}::test_produktgeber_unbekannt",),
    "CC_PRODUKT_UNBEKANNT": (f"{CC}::test_produkt_unbekannt",),
    "CC_RECHT_UNBEKANNT": (f"{CC}::test_recht_unbekannt",),
    "CC_PRODUKT_NICHT_FREIGESCHALTET": (f"{CC}::test_produkt_nicht_freigeschaltet",
                                        f"{CC}::test_produktfreischaltungen_nur_mit_produkt_thinksurance"),
    "CC_BTOKEN_FEHLT": (f"{CC}::test_btoken_fehlt", f"{CC}::test_absprung_erfolgreich_mit_kundendaten"),
    "CC_START_UNGUELTIG": (f"{CC}::test_start_ungueltig_unbekannt_einmalig_befristet",),
    "CC_KEIN_CLOUD_BENUTZER": (f"{CC}::test_kein_cloud_benutzer_springt_ohne_kundendaten",
                               f"{CC}::test_absprung_erfolgreich_mit_kundendaten"),
    "CC_COLLABORATION_TOKEN_FEHLT": (f"{CC}::test_collaboration_token_fehlt",
                                     f"{CC}::test_absprung_erfolgreich_mit_kundendaten"),
    "CC_CLOUD_ABGELEHNT": (f"{CC}::test_cloud_abgelehnt", f"{CC}::test_absprung_erfolgreich_mit_kundendaten"),
    "CC_THINKSURANCE_ANMELDUNG": (f"{CC}::test_thinksurance_anmeldung",
                                  f"{CC}::test_absprung_erfolgreich_mit_kundendaten"),
    "CC_THINKSURANCE_ABGELEHNT": (f"{CC}::test_thinksurance_abgelehnt",
                                  f"{CC}::test_absprung_erfolgreich_mit_kundendaten"),
    # ams.5
    "AMS_BENUTZER_UNBEKANNT": (f"{AMS}::test_benutzer_unbekannt",),
    "AMS_KUNDE_UNBEKANNT": (f"{AMS}::test_kunde_unbekannt",),
    "AMS_KEIN_CLOUD_KONTO": (f"{AMS}::test_kein_cloud_konto",),
    "AMS_EMAIL_UNGUELTIG": (f"{AMS}::test_email_ungueltig", f"{AMS}::test_email_gueltig"),
    "AMS_PRODUKT_NICHT_IN_DIGIPRO": (f"{AMS}::test_produkt_nicht_in_digipro_ohne_aktualisieren",
                                     f"{AMS}::test_produktfreischaltungen_bleiben_bis_zum_naechsten_aktualisieren"),
    "AMS_CONCENTER_FEHLER": (f"{AMS}::test_concenter_fehler",),
    "AMS_CLOUD_FEHLER": (f"{AMS}::test_cloud_fehler_beim_replizieren", f"{AMS}::test_kunde_replizieren"),
    # Thinksurance
    "TS_API_USER_UNGUELTIG": (f"{TS}::test_api_user_ungueltig", f"{TS}::test_deaktivierter_api_user"),
    "TS_TOKEN_UNGUELTIG": (f"{TS}::test_token_ungueltig", f"{TS}::test_security_token_gilt_15_minuten"),
    "TS_ACCOUNT_UNGUELTIG": (f"{TS}::test_account_ungueltig",),
    "TS_BROKER_TOKEN_UNGUELTIG": (f"{TS}::test_broker_token_ungueltig",),
    "TS_BROKER_NICHT_GEFUNDEN": (f"{TS}::test_broker_nicht_gefunden",),
    "TS_TYPE_UNGUELTIG": (f"{TS}::test_type_ungueltig",),
    "TS_NAME_ODER_FIRMA_FEHLT": (f"{TS}::test_name_oder_firma",),
    "TS_EMAIL_UNSAUBER": (f"{TS}::test_email_unsauber", f"{TS}::test_saubere_emails"),
    "TS_BROKER_INAKTIV": (f"{TS}::test_broker_inaktiv",),
    "TS_EMAIL_PASST_NICHT": (f"{TS}::test_email_passt_nicht",),
    "TS_FRAGEBOGEN_UNGUELTIG": (f"{TS}::test_forward_fragebogen_in_falscher_form_wird_abgelehnt",
                                f"{TS}::test_forward_fragebogen_wird_uebernommen"),
    "TS_SWITCH_UNBEKANNT": (f"{TS}::test_switch_unbekannt",),
    "TS_SWITCH_BENUTZT": (f"{TS}::test_switch_einmalig",),
    "TS_SWITCH_ABGELAUFEN": (f"{TS}::test_switch_befristet", f"{TS}::test_switch_dauer_einstellbar"),
    "TS_NICHT_ANGEMELDET": (f"{TS}::test_nicht_angemeldet",),
    "TS_KUNDE_UNBEKANNT": (f"{TS}::test_kunde_unbekannt",),
}

# Rules of design/fake-world.md that are behaviour rather than a refusal with its own code.
WELTREGELN: dict[str, tuple[str, ...]] = {
    "Technische Benutzer cloudtransfer und serviceadmin in jedem Bestand":
        (f"{C}::test_technische_benutzer_in_jedem_bestand",),
    "Token-Name standardmäßig „Thinksurance“": (f"{C}::test_token_name_standard_thinksurance",),
    "AccessToken einmal vollständig, danach maskiert": (f"{C}::test_access_token_nur_einmal_im_klartext",),
    "Widerrufener Token wirkt sofort nicht mehr": (f"{C}::test_widerrufener_token_wirkt_sofort_nicht_mehr",),
    "Nur die Hauptfreischaltung gibt Rechte": (f"{C}::test_nur_die_hauptfreischaltung_gibt_rechte",),
    "Bestehende Freischaltungen (data, forms, ams6) zählen wie jede andere":
        (f"{C}::test_bestehende_freischaltung_zaehlt_wie_jede_andere",),
    "Mitarbeiterzugriff: ganzer Bestand nur für gelistete Mitarbeiter":
        (f"{C}::test_vm_freischaltung_ohne_vermittler_nur_mit_mitarbeiterzugriff",),
    "VM-Freischaltung mit Vermittler gibt dessen Kunden":
        (f"{C}::test_vm_freischaltung_mit_vermittler_gibt_dessen_kunden",),
    "TaaData prüft in fester Reihenfolge": (f"{C}::test_taa_reihenfolge", f"{C}::test_taa_stufe"),
    "Nicht replizierter Kunde hat keine cloud-Daten": (f"{C}::test_replizieren_macht_kunden_lesbar",),
    "Produkt nur mit Produktberechtigung Thinksurance":
        (f"{CC}::test_produktfreischaltungen_nur_mit_produkt_thinksurance",),
    "Absprung: TaaData, Token, Broker Forward, Weiterleitung, Protokoll":
        (f"{CC}::test_absprung_erfolgreich_mit_kundendaten", f"{CC}::test_protokoll_haelt_jeden_absprung_fest"),
    "Absprung ohne Kundendaten statt Abbruch, Grund im Protokoll":
        (f"{CC}::test_cloud_abgelehnt", f"{CC}::test_kein_cloud_benutzer_springt_ohne_kundendaten"),
    "Umsatz in Cent und Mitarbeiter über qasCustProfile": (f"{CC}::test_absprung_erfolgreich_mit_kundendaten",),
    "Geheimnisse der Produktgeber-Einstellungen werden nie ausgegeben":
        (f"{CC}::test_geheimnisse_verlassen_das_modell_nicht",),
    "Ohne Maklerextranet kein cloud Benutzer beim Absprung": (f"{AMS}::test_ohne_maklerextranet_kein_cloud_benutzer",),
    "DigiPro zeigt zwischengespeicherte Produktfreischaltungen":
        (f"{AMS}::test_produktfreischaltungen_bleiben_bis_zum_naechsten_aktualisieren",),
    "Security-Token 15 Minuten, expired als YYYY-MM-DD hh:mm:ss": (f"{TS}::test_security_token_gilt_15_minuten",),
    "Deaktivierter API User": (f"{TS}::test_deaktivierter_api_user",),
    "bToken bindet den ersten bExternalId": (f"{TS}::test_btoken_bindet_den_ersten_bexternalid",),
    "Support ordnet den bToken neu zu": (f"{TS}::test_support_ordnet_neu_zu",),
    "Kunde per cExternalId angelegt oder aktualisiert, leerer paramValue löscht":
        (f"{TS}::test_kunde_wird_ueber_cexternalid_angelegt_oder_aktualisiert",),
    "Create Broker liefert bestehenden Makler": (f"{TS}::test_create_broker_liefert_bestehenden",),
    "Switch-URL einmalig und befristet (einstellbar)":
        (f"{TS}::test_switch_einmalig", f"{TS}::test_switch_befristet", f"{TS}::test_switch_dauer_einstellbar"),
    "Get Products nach professionId": (f"{TS}::test_produkte_nach_betriebsart",),
    "Schlechte Eingaben: 4xx mit JSON-Fehler, nie 5xx, Zustand unverändert":
        (f"{WEB}::test_fuzz", f"{WEB}::test_schlechte_eingaben", f"{WEB}::test_oberflaechen_ohne_serverfehler"),
    "null bei optionalen Feldern heißt „nicht angegeben“": (f"{WEB}::test_null_heisst_nicht_angegeben",),
}


def _alle_regeln() -> dict[str, Regel]:
    """REGISTER after importing every module of the fakes (rules register on import)."""
    for info in pkgutil.walk_packages(fakes.__path__, "fakes."):
        if not info.name.endswith("__main__"):
            importlib.import_module(info.name)
    return dict(REGISTER)


@cache
def _testfunktionen(modul: str) -> dict[str, str]:
    """Top-level test functions of a rule test module and their source (parsed, not imported)."""
    text = (TESTS / f"{modul}.py").read_text(encoding="utf-8")
    baum = ast.parse(text)
    return {k.name: ast.get_source_segment(text, k) or "" for k in baum.body
            if isinstance(k, ast.FunctionDef) and k.name.startswith("test_")}


def _fehlende_tests(tabelle: dict[str, tuple[str, ...]]) -> list[str]:
    fehlend = []
    for eintrag, tests in tabelle.items():
        if not tests:
            fehlend.append(f"{eintrag}: keine Tests genannt")
        for t in tests:
            modul, _, name = t.partition("::")
            if modul not in MODULE or name not in _testfunktionen(modul):
                fehlend.append(f"{eintrag}: {t} gibt es nicht")
    return fehlend


def test_jeder_registrierte_code_steht_in_der_tabelle() -> None:
    regeln = _alle_regeln()
    fehlend = sorted(set(regeln) - set(REGELTABELLE))
    veraltet = sorted(set(REGELTABELLE) - set(regeln))
    assert not fehlend, f"Regeln ohne Tests in REGELTABELLE: {', '.join(fehlend)}"
    assert not veraltet, f"REGELTABELLE nennt Codes, die es nicht mehr gibt: {', '.join(veraltet)}"


def test_jeder_genannte_test_existiert() -> None:
    fehlend = _fehlende_tests(REGELTABELLE) + _fehlende_tests(WELTREGELN)
    assert not fehlend, "\n".join(fehlend)


def test_genannte_tests_pruefen_den_code() -> None:
    """At least one named test (or its module's parameter table) names the code it proves."""
    ohne = []
    for code, tests in REGELTABELLE.items():
        quellen = [_testfunktionen(t.partition("::")[0])[t.partition("::")[2]] for t in tests]
        module = {(TESTS / f"{t.partition('::')[0]}.py").read_text(encoding="utf-8") for t in tests}
        if not any(f'"{code}"' in q for q in quellen) and not any(f'"{code}"' in m for m in module):
            ohne.append(code)
    assert not ohne, f"Kein genannter Test erwähnt diese Codes: {', '.join(ohne)}"


def _fehlende_annahmen() -> list[str]:
    gelistet = {code for a in ANNAHMEN for code in a.codes}
    return sorted(code for code, r in _alle_regeln().items() if r.quelle == "annahme" and code not in gelistet)


def test_jede_annahme_regel_steht_in_den_annahmen() -> None:
    fehlend = _fehlende_annahmen()
    assert not fehlend, f"Regeln mit quelle='annahme' ohne Eintrag in ANNAHMEN: {', '.join(fehlend)}"


def test_annahmen_nennen_nur_bekannte_codes() -> None:
    regeln = _alle_regeln()
    unbekannt = sorted({c for a in ANNAHMEN for c in a.codes} - set(regeln))
    assert not unbekannt, f"ANNAHMEN nennt unbekannte Codes: {', '.join(unbekannt)}"
