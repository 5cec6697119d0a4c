"""Reference pages generated from the fakes' code: endpoints (OpenAPI), error codes (the rule
register) and the modelling assumptions. The only pages that import ``fakes``."""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Iterable, Sequence

from absprung.aussagen import AUSSAGE
from absprung.slug import slug
from basis.systeme import SYSTEME
from fakes.annahmen import ANNAHMEN, Annahme
from fakes.common.app import STATUS_BY_KIND
from fakes.common.errors import REGISTER, Rule
from fakes.options import Options

from .. import pfade
from ..markdown import cell, code_anchor, code_html, link, md, table
from ..site import Site
from .leitfaden import chapter_of

SYSTEM_NAMES = {"alle": "Alle Fakes", **{s.name: s.titel_lang for s in SYSTEME}}
PARAMETER_PLACES = {"path": "Pfad", "query": "Abfrage", "header": "Kopfzeile", "cookie": "Cookie"}
AREAS = {"api": "Schnittstelle", "steuerung": "Steuerung (nur Tests)", "support": "nur im Fake"}
SOURCES = {"leitfaden": "Leitfaden", "thinksurance-doku": "Thinksurance-Doku", "assfinet-doku": "assfinet-Doku",
           "annahme": "Annahme", "fake": "Eingabeprüfung des Fakes"}
KINDS = {"ungueltig": "ungültige Eingabe", "nicht_angemeldet": "nicht angemeldet", "verboten": "nicht erlaubt",
         "nicht_gefunden": "nicht gefunden", "konflikt": "Konflikt", "zu_gross": "zu groß"}


def pages(site: Site) -> dict[str, str]:
    rules = rule_register()
    return {pfade.SCHNITTSTELLEN: endpoints({name: app.state.openapi for name, app in fake_apps().items()}),
            pfade.FEHLERCODES: codes(rules, _fehlerbilder_by_code(site)), pfade.ANNAHMEN: assumptions(ANNAHMEN, rules)}


def _fehlerbilder_by_code(site: Site) -> dict[str, list[tuple[str, str]]]:
    """Code -> (title, anchor) of the Fehlerbilder it identifies."""
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for f in site.fehlerbilder:
        if f.code:
            found[f.code].append((f.szenario.titel, f.szenario.anchor))
    return found


def fake_apps() -> dict[str, Any]:
    """Every system's fake app (``basis.systeme``); only their OpenAPI description is read (no server is started)."""
    from fakes.serving import build

    return {s.name: build(s.name, Options(), {}) for s in SYSTEME}


def rule_register() -> dict[str, Rule]:
    """Every rule of the fakes (rules register when their fake is built, which imports its model)."""
    fake_apps()
    return dict(REGISTER)


def flow_facts() -> dict[str, int]:
    """Durations the data-flow diagram states, from the fakes' constants (one fact, one place)."""
    from fakes.concenter.models import START_GUELTIGKEIT
    from fakes.thinksurance.models import SWITCH_GUELTIGKEIT_STANDARD, TOKEN_GUELTIGKEIT

    return {"start_s": int(START_GUELTIGKEIT.total_seconds()),
            "token_min": int(TOKEN_GUELTIGKEIT.total_seconds() // 60), "switch_s": SWITCH_GUELTIGKEIT_STANDARD}


def endpoints(openapi: dict[str, dict[str, Any]]) -> str:
    parts = ["# Schnittstellen der Fakes",
             "Erzeugt aus der OpenAPI-Beschreibung, die jeder Fake unter `/openapi.json` ausliefert. Die "
             "Oberflächen (assfinet drive, con:center, ams.5, Gewerbeplattform) stehen nicht hier, sondern in der "
             f"[Schulungsumgebung]({link(pfade.SCHNITTSTELLEN, 'schulung.md')}).",
             "Pfade unter `/_steuerung/…` dienen den Tests (zurücksetzen, Uhr vorstellen, Zustand); "
             "`python -m fakes --ohne-steuerung` schaltet sie ab. Pfade unter `/_support/…` gibt es nur im Fake. "
             "Die Spalte **Operation** nennt die Funktion des Fakes, die die Anfrage ausführt – unter diesem Namen "
             "steht sie im Modell des Fakes, neben ihren Regeln."]
    for system, spec in openapi.items():
        parts.append(f"## {SYSTEM_NAMES.get(system, system)} {{#{system}}}")
        rows = [(f"`{method.upper()}`", code_html(path, "/"), cell(op.get("summary", "")),
                 code_html(op.get("x-operation", "")), _parameters(op), AREAS.get((op.get("tags") or ["api"])[0], ""))
                for path, ops in spec.get("paths", {}).items() for method, op in ops.items()]
        parts.append(table(("Methode", "Pfad", "Zweck", "Operation", "Parameter", "Bereich"), rows))
    return "\n\n".join(parts) + "\n"


def _parameters(op: dict[str, Any]) -> str:
    names = [f"`{p['name']}` ({PARAMETER_PLACES.get(p.get('in', ''), p.get('in', ''))})"
             for p in op.get("parameters", [])]
    if op.get("requestBody"):
        names.append("JSON-Körper")
    return ", ".join(names) or "—"


def codes(rules: dict[str, Rule], fehlerbilder: dict[str, list[tuple[str, str]]] | None = None) -> str:
    page = pfade.FEHLERCODES
    fehlerbilder = fehlerbilder or {}
    parts = ["# Fehlercodes und Meldungen",
             "Jede Ablehnung eines Fakes hat einen festen Code und eine deutsche Meldung; beides steht im Code der "
             "Fakes an genau einer Stelle, diese Seite ist daraus erzeugt. Platzhalter in geschweiften Klammern "
             "werden beim Auftreten gefüllt. Die HTTP-Antwort trägt den Code in der Kopfzeile `X-Fehlercode` und "
             "im Körper als `code` – außer bei Thinksurance, dessen dokumentierte Antwort nur `error` enthält.",
             "Die Spalte **Quelle** sagt, woher die Regel stammt: aus dem Leitfaden, der öffentlichen Doku von "
             "Thinksurance oder assfinet – oder aus einer "
             f"[Annahme des Modells]({link(page, pfade.ANNAHMEN)})."]
    by_system: dict[str, list[Rule]] = defaultdict(list)
    for r in rules.values():
        by_system[r.system].append(r)
    for system in sorted(by_system, key=lambda s: list(SYSTEM_NAMES).index(s) if s in SYSTEM_NAMES else 99):
        parts.append(f"## {SYSTEM_NAMES.get(system, system)} {{#{slug(system)}}}")
        parts.append(table(("Code", "Meldung", "Art", "Quelle", "Leitfaden", "Fehlerbild"), (
            (f'<span id="{code_anchor(r.code)}"></span>{code_html(r.code)}', cell(r.message),
             f"{KINDS.get(r.kind.value, r.kind.value)} ({STATUS_BY_KIND.get(r.kind, '?')})",
             _source(r.source), _guide_links(page, r.guide),
             ", ".join(f"[{cell(t)}]({link(page, pfade.FEHLERBILDER, a)})" for t, a in fehlerbilder.get(r.code, []))
             or "—") for r in by_system[system])))
    return "\n\n".join(parts) + "\n"


def _source(source: str) -> str:
    label = SOURCES.get(source, source)
    return f"[{label}]({link(pfade.FEHLERCODES, pfade.ANNAHMEN)})" if source == "annahme" else label


def _guide_links(page: str, ids: Iterable[str]) -> str:
    return ", ".join(f"[{i}]({link(page, chapter_of(i), i.lower())})" if i in AUSSAGE else i for i in ids) or "—"


def assumptions(annahmen: Sequence[Annahme], rules: dict[str, Rule]) -> str:
    page = pfade.ANNAHMEN
    parts = ["# Annahmen des Modells",
             "Die echten Systeme sind nicht öffentlich beschrieben. Wo weder der Leitfaden noch die öffentliche "
             "Doku von Thinksurance oder assfinet sagt, wie sich ein System verhält, folgen die Fakes einer "
             "**Annahme**. Damit niemand eine Annahme für belegtes Verhalten hält, stehen alle hier."]
    for a in annahmen:
        codes_ = ", ".join(f"[{code_html(c)}]({link(page, pfade.FEHLERCODES, code_anchor(c))})" for c in a.codes)
        parts += [f"## {a.id} – {SYSTEM_NAMES.get(a.system, a.system)} {{#{a.id.lower()}}}",
                  f"**Verhalten:** {md(a.verhalten)}", f"**Begründung:** {md(a.begruendung)}"]
        parts += [f"**Fehlercodes:** {codes_}"] if codes_ else []
    listed = {c: a.id for a in annahmen for c in a.codes}
    assumed = [r for r in rules.values() if r.source == "annahme"]
    parts += ["## Regeln mit der Quelle „Annahme“ {#regeln}",
              "Alle Ablehnungen der Fakes, die auf einer Annahme beruhen (aus dem Fehlercode-Verzeichnis).",
              table(("Code", "System", "Meldung", "Annahme"), (
                  (f"[{code_html(r.code)}]({link(page, pfade.FEHLERCODES, code_anchor(r.code))})",
                   SYSTEM_NAMES.get(r.system, r.system), cell(r.message),
                   f"[{listed[r.code]}](#{listed[r.code].lower()})" if r.code in listed else "—") for r in assumed))]
    return "\n\n".join(parts) + "\n"
