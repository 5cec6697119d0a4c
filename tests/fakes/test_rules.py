"""The rule table, derived from the tests: every registered rule is refused in at least one test.

A test proves a rule by calling ``refused("CODE", …)`` (tests/helpers.py) on a model function,
``refused_answer(answer, "CODE", …)`` (tests/fakes/inprocess.py) on an HTTP answer or
``logged(entry, "CODE", …)`` on a con:center launch-log entry; a parametrized
test may take the code from its parameter table. The table below is collected from those calls
(parsed, not imported), so a new rule without a test fails here, and so does a test that names a
code no rule has. A second, hand-written table maps the behaviour rules of the fake world that
are not refusals with a code to the tests that show them.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from collections import defaultdict
from functools import cache
from pathlib import Path

import fakes
from fakes.annahmen import ANNAHMEN
from fakes.common.errors import REGISTER, Rule

TESTS = Path(__file__).resolve().parents[1]
HELPERS = {"refused": 0, "refused_answer": 1, "logged": 1}  # helper -> position of the code argument
CODE = re.compile(r"[A-Z][A-Z0-9]*(_[A-Z0-9]+)+")
C, CC, AMS, TS, WEB = ("fakes/cloud/test_models", "fakes/concenter/test_models", "fakes/ams/test_models",
                       "fakes/thinksurance/test_models", "fakes/test_fuzz")

# Rules of the fake world that are behaviour rather than a refusal with its own code.
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
    "Deaktivierter Makler wird von Get Broker Token nicht gefunden":
        (f"{TS}::test_ein_deaktivierter_makler_wird_nicht_mehr_gefunden",),
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
    "null heißt bei Thinksurance „nicht angegeben“, in den erfundenen APIs FELD_NULL":
        ("fakes/common/test_schema::test_null_heisst_bei_thinksurance_nicht_angegeben",
         "fakes/common/test_schema::test_alle_feld_null"),
}


def _all_rules() -> dict[str, Rule]:
    """REGISTER after importing every module of the fakes (rules register on import)."""
    for info in pkgutil.walk_packages(fakes.__path__, "fakes."):
        if not info.name.endswith("__main__"):
            importlib.import_module(info.name)
    return dict(REGISTER)


def _constants(node: ast.AST, names: dict[str, ast.AST]) -> set[str]:
    """String constants in an expression, following names to module-level assignments."""
    found: set[str] = set()
    for n in ast.walk(node):
        if isinstance(n, ast.Constant) and isinstance(n.value, str):
            found.add(n.value)
        elif isinstance(n, ast.Name) and n.id in names:
            found |= _constants(names.pop(n.id), names)
    return found


@cache
def rule_table(folder: Path = TESTS) -> dict[str, frozenset[str]]:
    """code -> tests ("path::function") that refuse it through one of the HELPERS."""
    table: dict[str, set[str]] = defaultdict(set)
    for path in sorted(folder.rglob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        module = {t.id: node.value for node in tree.body if isinstance(node, ast.Assign)
                  for t in node.targets if isinstance(t, ast.Name)}
        for fn in (n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name.startswith("test_")):
            where = f"{path.relative_to(folder).with_suffix('').as_posix()}::{fn.name}"
            for call in (n for n in ast.walk(fn) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)):
                position = HELPERS.get(call.func.id)
                if position is None or len(call.args) <= position:
                    continue
                argument = call.args[position]
                codes = ({argument.value} if isinstance(argument, ast.Constant)
                         else set().union(*(_constants(d, dict(module)) for d in fn.decorator_list)))
                for code in (c for c in codes if CODE.fullmatch(c)):
                    table[code].add(where)
    return {code: frozenset(tests) for code, tests in table.items()}


def test_a_rule_without_test_is_found(tmp_path: Path) -> None:
    """The check can fail: in a test tree that refuses only one code, every other rule is missing."""
    (tmp_path / "test_x.py").write_text('def test_x():\n    refused("CLOUD_BESTAND_UNBEKANNT", f)\n', encoding="utf-8")
    table = rule_table(tmp_path)
    assert set(table) == {"CLOUD_BESTAND_UNBEKANNT"} and "TAA_ZWECK_FALSCH" in _all_rules()


def _test_functions(module: str) -> set[str]:
    tree = ast.parse((TESTS / f"{module}.py").read_text(encoding="utf-8"))
    return {n.name for n in tree.body if isinstance(n, ast.FunctionDef) and n.name.startswith("test_")}


def test_every_registered_rule_is_refused_in_a_test() -> None:
    rules, table = _all_rules(), rule_table()
    without = sorted(code for code in rules if code not in table)
    assert not without, f"Regeln ohne Test (kein refused(„CODE“, …)): {', '.join(without)}"


def test_refusal_tests_name_only_known_codes() -> None:
    rules = _all_rules()
    unknown = sorted(code for code in rule_table() if code not in rules)
    assert not unknown, f"Tests erwarten Codes, die keine Regel hat: {', '.join(unknown)}"


def test_the_derived_table_finds_parametrized_and_http_refusals() -> None:
    """The collector itself: a direct call, a code from a parameter table, an HTTP refusal."""
    table = rule_table()
    assert f"{C}::test_bestand_unbekannt" in table["CLOUD_BESTAND_UNBEKANNT"]
    assert f"{C}::test_taa_stufe" in table["TAA_ZWECK_FALSCH"]
    assert "fakes/common/test_app::test_alle_pfad_unbekannt_und_methode_falsch" in table["METHODE_FALSCH"]


def test_every_named_test_of_a_world_rule_exists() -> None:
    missing = [f"{rule}: {t} gibt es nicht" for rule, tests in WELTREGELN.items() for t in tests
               if t.partition("::")[2] not in _test_functions(t.partition("::")[0])]
    assert not missing, "\n".join(missing)


def test_every_assumption_rule_is_listed_in_the_assumptions() -> None:
    listed = {code for a in ANNAHMEN for code in a.codes}
    missing = sorted(code for code, r in _all_rules().items() if r.source == "annahme" and code not in listed)
    assert not missing, f"Regeln mit source='annahme' ohne Eintrag in ANNAHMEN: {', '.join(missing)}"


def test_assumptions_name_only_known_codes() -> None:
    unknown = sorted({c for a in ANNAHMEN for c in a.codes} - set(_all_rules()))
    assert not unknown, f"ANNAHMEN nennt unbekannte Codes: {', '.join(unknown)}"
