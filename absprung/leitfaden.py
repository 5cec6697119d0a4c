"""Living guide: turns the features, the last run record and its screenshots into Markdown pages.

Run before ``mkdocs build`` (``make leitfaden`` does both)::

    python -m absprung.leitfaden     # features/ + reports/lauf.json -> docs/generiert/, docs/bilder/

Everything under ``docs/generiert/`` and ``docs/bilder/`` is recreated on every run (both are
git-ignored); hand-written pages live elsewhere under ``docs/``. A missing or unreadable
``reports/lauf.json`` is fine: every scenario then shows "nicht ausgeführt".

Conventions for feature authors
===============================

Guide statements
    Tag a scenario with the IDs of the guide statements it proves: ``@G07 @G09``. Tags on
    ``Funktionalität`` and ``Regel`` are inherited. The guide text and the ID table are kept in
    ``STATEMENTS`` below (a copy of ``../shared/guide/anforderungen.md`` in German, so the site
    builds on machines without ``../shared``). IDs never change; new ones go at the end.

Screenshots
    Only scenarios tagged ``@doku`` illustrate the guide (their screenshots have secrets masked).
    A screenshot belongs to the run step during which it was taken. The guide step it
    illustrates is the first of the scenario's @G IDs (in guide order) whose ``picture_name``
    matches the end of the screenshot's file name, else whose ``screenshot_words`` match that
    step's text, else the scenario's only @G ID. Only passed scenarios illustrate the guide; the
    scenario page shows the screenshots of every @doku scenario.

Fehlerbilder (troubleshooting)
    Tag the scenario ``@fehlerbild``. The scenario name is the symptom as a caller would put it.
    Cause and fix go into the scenario description, one labelled line each, before the steps::

        @fehlerbild @G16
        Szenario: Thinksurance öffnet sich, aber ohne Kundendaten
          Suchbegriffe: Kundendaten fehlen, leeres Formular, keine Kundendaten
          Ursache: Beim cloud Konto des ams Benutzers ist „Maklerextranet aktivieren“ nicht angehakt.
          Behebung: In ams.5 unter Organisation → Benutzer beim cloud Konto „Maklerextranet
            aktivieren“ anhaken und speichern.
          Angenommen ...

    ``Ursache:`` and ``Behebung:`` are expected (the generator warns and falls back to the
    Angenommen steps and the linked guide steps). ``Suchbegriffe:`` (comma-separated words callers
    use, so the site search finds the entry) and ``Symptom:`` (one shared wording when several
    scenarios are causes of the same symptom) are optional. A label's text continues on the
    following lines until the next label; unlabelled lines before the first label are shown as
    a note.
"""

from __future__ import annotations

import argparse
import html
import json
import posixpath
import re
import shutil
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any, Iterable, Sequence

NOT_RUN = "nicht ausgeführt"
STATUS_WORDS = {"passed": "bestanden", "failed": "fehlgeschlagen", "skipped": "übersprungen",
                NOT_RUN: "nicht ausgeführt"}
# Plain symbols that common fonts carry; emoji would need an emoji font the reader may lack.
STATUS_SYMBOLS = {"passed": "✔", "failed": "✘", "skipped": "↷", NOT_RUN: "○"}

GENERATED = "generiert"
PICTURES = "bilder"
PAGE_GUIDE_INDEX = f"{GENERATED}/leitfaden/index.md"
PAGE_TROUBLE = f"{GENERATED}/fehlerbilder.md"
PAGE_TRACE = f"{GENERATED}/nachweis.md"
PAGE_SCENARIOS = f"{GENERATED}/szenarien.md"
PAGE_ENDPOINTS = f"{GENERATED}/referenz/schnittstellen.md"
PAGE_CODES = f"{GENERATED}/referenz/fehlercodes.md"
PAGE_ASSUMPTIONS = f"{GENERATED}/referenz/annahmen.md"
DIAGRAM = f"{GENERATED}/datenfluss.svg"
PAGE_HISTORY = "hintergrund/aktuell-historisch.md"

SYSTEM_NAMES = {"alle": "Alle Fakes", "cloud": "assfinet cloud (assfinet drive)", "concenter": "con:center",
                "ams": "ams.5", "thinksurance": "Thinksurance"}


# --- the guide itself: chapters and statements G01–G24 -------------------------------------------

@dataclass(frozen=True)
class Statement:
    """One statement of the guide a reader acts on or can observe (ID as in anforderungen.md)."""

    id: str
    chapter: str
    title: str
    text: str  # Markdown, restates the original guide in its own order
    proof: str  # what a scenario must show
    screenshot_words: str = ""  # regex on run step texts, to place @doku screenshots
    original_image: str = ""  # image name the original refers to but does not ship
    picture_name: str = ""  # regex on the end of a screenshot's file name; wins over screenshot_words
    # regex on the end of a file name: a screenshot placed elsewhere that shows this step too
    # (e.g. the saved token shows its values, G09, next to the AccessToken, G10)
    also_shown_in: str = ""


@dataclass(frozen=True)
class Section:
    title: str  # "" for a chapter without sub-sections
    ids: tuple[str, ...]
    intro: str = ""


@dataclass(frozen=True)
class Chapter:
    slug: str
    title: str
    intro: str
    sections: tuple[Section, ...]
    numbered: bool = False  # the original numbers these steps

    @property
    def page(self) -> str:
        return f"{GENERATED}/leitfaden/{self.slug}.md"

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(i for s in self.sections for i in s.ids)


GUIDE_TITLE = "Einrichtung Absprung aus ams.5 nach Thinksurance mit Kundendaten"
SITUATION = ("Sie möchten aus ams.5 nach Thinksurance abspringen und dabei die Kundendaten im Produkt von "
             "Thinksurance vorbelegt erhalten.")
SOLUTION = ("Mit Hilfe der assfinet cloud können die Kundendaten in Thinksurance vorbelegt werden. So müssen "
            "sie nicht händisch übertragen werden.")

STATEMENTS: tuple[Statement, ...] = (
    Statement("G01", "voraussetzungen", "Feature „API-Zugriff“ im cloud-Bestand",
              "Der cloud-Bestand muss über das Feature **API-Zugriff** verfügen – damit die Token "
              "hinterlegt werden können.",
              "Mit dem Feature lassen sich Token anlegen; ohne bietet assfinet drive den Bereich „assfinet api“ "
              "nicht an, und Anlegen oder Verwenden eines Tokens wird mit einer klaren Meldung abgelehnt.",
              r"API-Zugriff", picture_name="features-des-bestands"),
    Statement("G02", "voraussetzungen", "Feature „Con:CenterTAA“ im cloud-Bestand",
              "Der cloud-Bestand muss über das Feature **Con:CenterTAA** verfügen – damit die con:center "
              "Benutzer hinterlegt werden können.",
              "Mit dem Feature lassen sich con:center Benutzer hinterlegen; ohne wird das Hinterlegen abgelehnt, "
              "und TaaData-Abrufe scheitern.",
              r"Con:CenterTAA", also_shown_in=r"features-des-bestands"),
    Statement("G03", "voraussetzungen", "Optional: „Mitarbeiterzugriff“ und „Vermittlerfreischaltungen“",
              "Optional, für eine einfachere Administration, verfügt der cloud-Bestand über die Features "
              "**Mitarbeiterzugriff** und **Vermittlerfreischaltungen**. Das "
              "[empfohlene Szenario](freischaltung.md#g13) braucht beide.",
              "Das empfohlene Szenario (G13) braucht beide Features und wird ohne sie abgelehnt; das Szenario mit "
              "Kundenfreischaltung (G12) funktioniert trotzdem.",
              r"Mitarbeiterzugriff|Vermittlerfreischaltungen", also_shown_in=r"features-des-bestands"),
    Statement("G04", "voraussetzungen", "b-Token mit der Haupt-E-Mail-Adresse des ams Benutzers",
              "Es gibt einen **b-Token**, dessen zugeordnete E-Mail-Adresse mit der **Haupt-E-Mail-Adresse des "
              "ams Benutzers** übereinstimmt. Beides wird mit Thinksurance abgestimmt.",
              "Passt die E-Mail-Adresse, gelingt der Absprung; weicht sie ab, lehnt Thinksurance ab, und der "
              "Benutzer sieht den Grund.",
              r"E-Mail", also_shown_in=r"ams-5-cloud-konten"),
    Statement("G05", "voraussetzungen", "Produkt Thinksurance beim con:center Benutzer",
              "Der con:center Benutzer des ams Benutzers muss über das **Produkt Thinksurance** verfügen. Ob das "
              "so ist, kann beim assfinet Support erfragt werden.",
              "Mit dem Produkt bietet DigiPro „Thinksurance - Gewerbeplattform“ an; ohne das Produkt fehlt es in "
              "der Auswahl.",
              r"Produkt", also_shown_in=r"ams-5-digipro"),
    Statement("G06", "voraussetzungen", "Recht „Benutzer“ in der assfinet cloud",
              "Der ams Benutzer muss in der assfinet cloud mindestens über das Recht **Benutzer** verfügen.",
              "Mit der Rolle Benutzer oder Administrator fließen die Daten; mit einer geringeren oder ohne Rolle "
              "werden die Kundendaten verweigert.",
              r"Rolle|Recht", also_shown_in=r"features-des-bestands"),
    Statement("G07", "cloud", "con:center Benutzer hinterlegen",
              "In **assfinet drive** unter **Allgemein → con:center** den con:center Benutzer hinterlegen.",
              "Der Benutzer ist hinterlegt und lässt sich als „Concenter Benutzername“ eines Tokens wählen.",
              r"Allgemein → con:center", "grafik-20240522-113850.png", picture_name=r"allgemein-con-center"),
    Statement("G08", "cloud", "Token hinzufügen",
              "In **assfinet drive** unter **assfinet api** einen Token hinzufügen.",
              "Ein Token lässt sich hinzufügen.",
              r"assfinet api|Token .*hinzugefügt|Token hinzufügen", also_shown_in=r"token-gespeichert"),
    Statement("G09", "cloud", "Werte des Tokens hinterlegen",
              "Bei dem Token folgende Werte hinterlegen:\n\n"
              "- **Name:** Es kann ein beliebiger Name eingetragen werden. Als Standard hat sich aber der Wert "
              "„Thinksurance“ etabliert.\n"
              "- **Zweck:** TaaData\n"
              "- **Concenter Benutzername:** der con:center Benutzer aus dem [ersten Schritt](#g07)",
              "Ein falscher Zweck oder ein unbekannter con:center Benutzer macht den Token für den Absprung "
              "unbrauchbar oder wird abgelehnt.",
              r"Zweck|Concenter Benutzername", also_shown_in=r"token-gespeichert"),
    Statement("G10", "cloud", "AccessToken vermerken",
              "Nach dem Speichern den generierten **AccessToken** vermerken. Er wird im con:center als "
              "[Collaboration API Token](concenter.md#g15) gebraucht.",
              "Beim Speichern entsteht einmalig ein neuer AccessToken; mit ihm gelingen TaaData-Abrufe.",
              r"generierte\w* AccessToken|AccessToken (ist |wird )?vermerkt", "grafik-20240522-114055.png",
              r"token-gespeichert"),
    Statement("G11", "cloud", "Freischaltung für den Zugriff auf die Kunden",
              "Damit der Benutzer Zugriff auf den Kunden erhält, wird in der assfinet cloud eine entsprechende "
              "**Freischaltung** benötigt. Gegebenenfalls besitzt der Anwender durch andere Services wie data, "
              "forms oder ams6 schon die passenden Rechte.\n\n"
              "Für den zu erwartenden Fall, dass noch keine ausreichenden Rechte bestehen, kann eines der beiden "
              "Lösungsszenarien unter [Freischaltung](freischaltung.md) genutzt werden.",
              "Ohne Freischaltung gibt es keine Kundendaten; eine bereits bestehende passende Freischaltung genügt.",
              r"bestehende|vorhandene|data, forms|ams6", also_shown_in=r"vm-freischaltung|kundenfreischaltung"),
    Statement("G12", "freischaltung", "Kundenfreischaltung anlegen, teilen und als Hauptfreischaltung festlegen",
              "1. Freischaltung anlegen.\n"
              "2. Geteilt mit Benutzer: die E-Mail-Adresse des Mitarbeiters.\n"
              "3. Hauptfreischaltung festlegen.",
              "Nach diesen Schritten sind die Daten des Kunden vorbelegt; fehlt die Hauptfreischaltung oder das "
              "Teilen, kommen keine Daten.",
              r"Kundenfreischaltung", picture_name=r"kundenfreischaltung"),
    Statement("G13", "freischaltung", "Mitarbeiterzugriff und VM-Freischaltung einrichten",
              "- Den Benutzer in die Liste für **Mitarbeiterzugriff** eintragen.\n"
              "- Eine **VM-Freischaltung** anlegen (z. B. mit dem Namen „Thinksurance“):\n"
              "    - Geteilt mit Benutzer: die E-Mail-Adresse des Mitarbeiters\n"
              "    - Hauptfreischaltung festlegen\n"
              "    - Sachbearbeiter = cloudtransfer",
              "Nach diesen Schritten ist jeder Kunde des Bestands vorbelegt; ein ungültiger Sachbearbeiter wird "
              "abgelehnt.",
              r"VM-Freischaltung|Mitarbeiterzugriff|Sachbearbeiter", picture_name=r"vm-freischaltung|mitarbeiterzugriff"),
    Statement("G14", "concenter", "Einstellungen des Produktgebers Thinksurance öffnen",
              "Beim con:center Benutzer des Sachbearbeiters die Einstellungen für den **Produktgeber "
              "Thinksurance** öffnen (im con:center unter Einstellungen → Produktgeber).\n\n"
              "!!! note \"Welcher con:center Benutzer?\"\n"
              "    Gemeint ist der con:center Benutzer des Mitarbeiters, der in ams.5 arbeitet – nicht der "
              "technische Sachbearbeiter cloudtransfer (siehe [Annahme A14](../referenz/annahmen.md#a14)).",
              "Die Einstellungen gibt es je con:center Benutzer.",
              r"Produktgeber", picture_name=r"produktgeber-thinksurance"),
    Statement("G15", "concenter", "Collaboration API Token und btoken hinterlegen",
              "Werte hinterlegen:\n\n"
              "- **Collaboration API Token:** der [vermerkte AccessToken](cloud.md#g10)\n"
              "- **btoken:** von Thinksurance erhalten (der [b-Token aus den Voraussetzungen]"
              "(voraussetzungen.md#g04))",
              "Mit beiden Werten trägt der Absprung die Kundendaten; ein falscher oder fehlender Token oder btoken "
              "führt zu einem eigenen, erkennbaren Fehler.",
              r"Collaboration API Token|btoken", also_shown_in=r"produktgeber-thinksurance"),
    Statement("G16", "ams", "„Maklerextranet aktivieren“ anhaken",
              "Bei dem ams Benutzer muss bei den **cloud Konten** das Kontrollkästchen **„Maklerextranet "
              "aktivieren“** aktiviert werden (in ams.5 unter Organisation → Benutzer).",
              "Ohne den Haken öffnet sich Thinksurance ohne Kundendaten.",
              r"Maklerextranet", picture_name=r"ams-5-cloud-konten"),
    Statement("G17", "ams", "Produktfreischaltungen aktualisieren",
              "Anschließend die **Produktfreischaltungen aktualisieren**.",
              "Bis zum Aktualisieren erscheint ein neu freigeschaltetes Produkt nicht unter DigiPro.",
              r"Produktfreischaltungen", picture_name=r"ams-5-produktfreischaltungen"),
    Statement("G18", "test", "Kundenmaske öffnen",
              "Die **Kundenmaske** im ams.5 öffnen.",
              "Die Kundenmaske zeigt den Kunden.",
              r"Kundenmaske", picture_name=r"ams-5-kundenmaske"),
    Statement("G19", "test", "DigiPro anklicken",
              "**DigiPro** anklicken.",
              "DigiPro bietet die Produkte des Benutzers an.",
              r"DigiPro", picture_name=r"ams-5-digipro"),
    Statement("G20", "test", "Produkt „Thinksurance - Gewerbeplattform“ wählen",
              "Das Produkt **„Thinksurance - Gewerbeplattform“** wählen.",
              "Der Absprung startet.",
              r"Produkt .*wählt|wählt .*Produkt", also_shown_in=r"ams-5-digipro"),
    Statement("G21", "test", "Thinksurance öffnet sich mit den Kundendaten",
              "Die Oberfläche von Thinksurance öffnet sich, und die Kundendaten sind in der Oberfläche angezeigt.",
              "In einem echten Browser zeigt die Gewerbeplattform die Daten des Kunden vorbelegt.",
              r"Gewerbeplattform|Kundendaten|Thinksurance", picture_name=r"thinksurance-gewerbeplattform"),
    Statement("G22", "anmerkungen", "Der btoken merkt sich den ersten cloud Benutzer",
              "Bei erstmaliger Verwendung des btokens vermerkt Thinksurance den damit verwendeten cloud Benutzer. "
              "Das heißt: Selbst wenn in ams der Benutzername des cloud Benutzers geändert wird, verwendet "
              "Thinksurance weiterhin den erstmalig verwendeten.",
              "Nach einer Umbenennung verwendet Thinksurance weiterhin den ersten cloud Benutzer.",
              r"erst|umbenannt|geändert", also_shown_in=r"thinksurance-gewerbeplattform"),
    Statement("G23", "anmerkungen", "Neuen Benutzernamen mit dem b-Token an Thinksurance melden",
              "In diesem Fall muss der neue Benutzername (E-Mail) zusammen mit dem b-Token an Thinksurance "
              "gemeldet werden, damit Thinksurance ihn neu zuordnen kann.",
              "Nach der Neuzuordnung verwendet Thinksurance den neuen cloud Benutzer.",
              r"zugeordnet|zuordn|gemeldet"),
    Statement("G24", "anmerkungen", "Die beigefügte Thinksurance-Anleitung ist historisch",
              "Die dem Original beigefügte Anleitung von Thinksurance beschreibt eine frühere Version "
              "(Stand 2020) der Einrichtung der Anbindung.\n\n"
              "!!! warning \"Historisch\"\n"
              "    Die Thinksurance-Anleitung von 2020 ist **historisch**. Maßgeblich ist dieser Leitfaden. Was "
              "aktuell und was historisch ist, steht unter [Aktuell und historisch](../../hintergrund/"
              "aktuell-historisch.md).",
              "Der veröffentlichte Leitfaden kennzeichnet, welche Teile aktuell und welche historisch sind."),
)
STATEMENT_BY_ID = {s.id: s for s in STATEMENTS}

CHAPTERS: tuple[Chapter, ...] = (
    Chapter("voraussetzungen", "Voraussetzungen",
            "Bevor die Einrichtung beginnt, müssen diese Voraussetzungen erfüllt sein.",
            (Section("", ("G01", "G02", "G03", "G04", "G05", "G06")),)),
    Chapter("cloud", "Anpassung in der cloud einrichten",
            "Die Schritte in assfinet drive, der Verwaltung der assfinet cloud.",
            (Section("", ("G07", "G08", "G09", "G10", "G11")),), numbered=True),
    Chapter("freischaltung", "Freischaltung",
            "Damit der Benutzer Zugriff auf die Kunden erhält, braucht er in der assfinet cloud eine "
            "Freischaltung. Bestehen noch keine ausreichenden Rechte, kann eines der beiden folgenden "
            "Lösungsszenarien genutzt werden. Empfohlen ist das Szenario mit Vermittlerfreischaltung und "
            "Mitarbeiterzugriff.",
            (Section("Szenario mit Kundenfreischaltung", ("G12",)),
             Section("Empfohlenes Szenario mit Vermittlerfreischaltung und Mitarbeiterzugriff", ("G13",),
                     "Braucht die Features Mitarbeiterzugriff und Vermittlerfreischaltungen "
                     "([Voraussetzungen](voraussetzungen.md#g03))."))),
    Chapter("concenter", "Anpassung in con:center einrichten",
            "Die Schritte im con:center.",
            (Section("", ("G14", "G15")),), numbered=True),
    Chapter("ams", "Anpassung in ams einrichten",
            "Die Schritte in ams.5.",
            (Section("", ("G16", "G17")),)),
    Chapter("test", "Test",
            "So prüfen Sie, ob alles eingerichtet ist.",
            (Section("", ("G18", "G19", "G20", "G21")),), numbered=True),
    Chapter("anmerkungen", "Anmerkungen",
            "Was nach der Einrichtung zu beachten ist.",
            (Section("", ("G22", "G23", "G24")),)),
)
CHAPTER_OF = {i: c for c in CHAPTERS for i in c.ids}


# --- features: parsed with gherkin-official ------------------------------------------------------

@dataclass(frozen=True)
class Step:
    keyword: str
    text: str
    table: tuple[tuple[str, ...], ...] = ()
    docstring: str | None = None


@dataclass(frozen=True)
class Examples:
    name: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Scenario:
    file: str  # relative to the project root, "/"-separated (as in lauf.json "datei")
    feature: str
    name: str
    line: int
    tags: frozenset[str]
    description: str
    steps: tuple[Step, ...]
    examples: tuple[Examples, ...] = ()
    anchor: str = ""

    @property
    def guide_ids(self) -> tuple[str, ...]:
        return tuple(sorted(t for t in self.tags if t in STATEMENT_BY_ID))


@dataclass(frozen=True)
class Feature:
    file: str
    name: str
    description: str
    anchor: str
    scenarios: tuple[Scenario, ...]


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def slug(text: str) -> str:
    """ASCII id part: umlauts spelled out so anchors stay readable in support tickets."""
    text = nfc(text).lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(a, b)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def scenario_anchor(file: str, name: str) -> str:
    """Anchor from feature file and scenario name only, so it never changes with the status."""
    return f"{slug(Path(file).stem)}--{slug(name)}"


def parse_features(features_dir: Path, root: Path, warnings: list[str] | None = None) -> list[Feature]:
    """All features; a file that does not parse is skipped with a warning, so the site still builds."""
    from gherkin.errors import CompositeParserException, ParserException
    from gherkin.parser import Parser
    from gherkin.token_scanner import TokenScanner

    features = []
    for path in sorted(features_dir.rglob("*.feature")):
        try:
            document = Parser().parse(TokenScanner(nfc(path.read_text(encoding="utf-8"))))
        except (CompositeParserException, ParserException, UnicodeDecodeError) as error:
            (warnings if warnings is not None else []).append(f"{path} ist kein gültiges Gherkin: {error}")
            continue
        if document.get("feature"):
            features.append(_feature(document["feature"], _relative(path, root)))
    return features


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.name


def _feature(node: dict[str, Any], file: str) -> Feature:
    scenarios = _scenarios(node["children"], file, node["name"], _tags(node), ())
    seen: dict[str, int] = defaultdict(int)
    unique = []
    for sc in scenarios:  # same name twice in one file: keep anchors unique
        seen[sc.anchor] += 1
        n = seen[sc.anchor]
        unique.append(sc if n == 1 else replace(sc, anchor=f"{sc.anchor}-{n}"))
    return Feature(file, node["name"], _text(node.get("description")), slug(Path(file).stem), tuple(unique))


def _scenarios(children: list[dict[str, Any]], file: str, feature: str, tags: frozenset[str],
               background: tuple[Step, ...]) -> list[Scenario]:
    result: list[Scenario] = []
    for child in children:
        if "background" in child:
            background = background + _steps(child["background"]["steps"])
        elif "rule" in child:
            rule = child["rule"]
            result += _scenarios(rule["children"], file, feature, tags | _tags(rule), background)
        elif "scenario" in child:
            result.append(_scenario(child["scenario"], file, feature, tags, background))
    return result


def _scenario(node: dict[str, Any], file: str, feature: str, tags: frozenset[str],
              background: tuple[Step, ...]) -> Scenario:
    examples = tuple(Examples(e.get("name", ""), _row(e["tableHeader"]) if e.get("tableHeader") else (),
                              tuple(_row(r) for r in e.get("tableBody", [])))
                     for e in node.get("examples", []))
    return Scenario(file=file, feature=feature, name=node["name"], line=node["location"]["line"],
                    tags=tags | _tags(node), description=_text(node.get("description")),
                    steps=background + _steps(node["steps"]), examples=examples,
                    anchor=scenario_anchor(file, node["name"]))


def _tags(node: dict[str, Any]) -> frozenset[str]:
    return frozenset(t["name"].lstrip("@") for t in node.get("tags", []))


def _steps(nodes: list[dict[str, Any]]) -> tuple[Step, ...]:
    return tuple(Step(n["keyword"].strip(), n["text"],
                      tuple(_row(r) for r in n.get("dataTable", {}).get("rows", [])),
                      n["docString"]["content"] if n.get("docString") else None) for n in nodes)


def _row(row: dict[str, Any]) -> tuple[str, ...]:
    return tuple(c["value"] for c in row["cells"])


def _text(description: str | None) -> str:
    return "\n".join(line.strip() for line in (description or "").splitlines()).strip()


# --- Fehlerbilder ------------------------------------------------------------------------------

LABELS = ("Symptom", "Ursache", "Behebung", "Suchbegriffe")
_LABEL = re.compile(rf"^({'|'.join(LABELS)})\s*:\s*(.*)$")


@dataclass(frozen=True)
class Trouble:
    scenario: Scenario
    symptom: str
    cause: str
    fix: str
    keywords: tuple[str, ...]
    note: str = ""


def parse_trouble(sc: Scenario) -> Trouble:
    fields: dict[str, str] = {}
    note: list[str] = []
    current = None
    for line in sc.description.splitlines():
        line = line.strip()
        match = _LABEL.match(line)
        if match:
            current = match[1]
            fields[current] = match[2].strip()
        elif line and current:
            fields[current] = f"{fields[current]} {line}".strip()
        elif line:
            note.append(line)
    keywords = tuple(k.strip() for k in fields.get("Suchbegriffe", "").split(",") if k.strip())
    return Trouble(sc, fields.get("Symptom") or sc.name, fields.get("Ursache", ""),
                   fields.get("Behebung", ""), keywords, " ".join(note))


# Words callers use for the common symptoms, so the site search finds every matching Fehlerbild
# even when its scenario lists no Suchbegriffe of its own.
CALLER_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"ohne Kundendaten", ("Kundendaten fehlen", "keine Kundendaten", "leeres Formular",
                           "Daten werden nicht übernommen")),
    (r"DigiPro", ("Produkt nicht in DigiPro", "Thinksurance fehlt in DigiPro")),
    (r"Absprung scheitert", ("Fehlermeldung beim Absprung", "Absprung geht nicht")),
    (r"abgelehnt|lässt sich kein", ("Fehlermeldung beim Einrichten", "Speichern geht nicht")),
)


def search_words(t: Trouble) -> tuple[str, ...]:
    """The scenario's own Suchbegriffe first, then the usual caller words for its symptom."""
    words = list(t.keywords)
    for pattern, extra in CALLER_WORDS:
        if re.search(pattern, f"{t.symptom} {t.scenario.name}", re.IGNORECASE):
            words += [w for w in extra if w.lower() not in {x.lower() for x in words}]
    return tuple(words)


def trouble_warnings(troubles: Iterable[Trouble]) -> list[str]:
    warnings = []
    for t in troubles:
        missing = [label for label, value in (("Ursache", t.cause), ("Behebung", t.fix)) if not value]
        if missing:
            warnings.append(f"Fehlerbild „{t.scenario.name}“ ({t.scenario.file}:{t.scenario.line}): "
                            f"es fehlt {' und '.join(m + ':' for m in missing)} in der Beschreibung.")
    return warnings


# --- the run record ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Picture:
    source: Path
    step: str  # text of the run step that took it
    keyword: str = ""

    @property
    def name(self) -> str:
        return self.source.name


@dataclass(frozen=True)
class Outcome:
    status: str = NOT_RUN
    message: str | None = None
    duration: float = 0.0
    pictures: tuple[Picture, ...] = ()


@dataclass(frozen=True)
class Run:
    created: str
    commit: str
    target: str
    records: tuple[dict[str, Any], ...]
    base: Path  # folder the screenshot paths are relative to (reports/)


def read_run(path: Path | None, warnings: list[str]) -> Run | None:
    if path is None or not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        warnings.append(f"Laufprotokoll {path} ist unlesbar ({error}); alle Szenarien gelten als "
                        "„nicht ausgeführt“.")
        return None
    if data.get("schema") != 1:
        warnings.append(f"Laufprotokoll {path} hat das unbekannte Schema {data.get('schema')!r}; ignoriert.")
        return None
    return Run(str(data.get("erstellt", "")), str(data.get("commit", "unbekannt")), str(data.get("ziel", "")),
               tuple(data.get("szenarien", [])), path.parent)


def match_outcomes(scenarios: Sequence[Scenario], run: Run | None) -> dict[str, Outcome]:
    """Outcome per scenario anchor, matched by file and name; for a Szenariogrundriss by its name
    with the placeholders filled in; else by file and line (renamed since the run); else by name."""
    if run is None:
        return {sc.anchor: Outcome() for sc in scenarios}
    by_name, by_line, by_bare = defaultdict(list), defaultdict(list), defaultdict(list)
    for record in run.records:
        by_name[(record.get("datei"), nfc(record.get("szenario", "")))].append(record)
        by_line[(record.get("datei"), record.get("zeile"))].append(record)
        by_bare[nfc(record.get("szenario", ""))].append(record)
    result = {}
    for sc in scenarios:
        records = (by_name.get((sc.file, sc.name)) or _outline_runs(sc, run.records)
                   or by_line.get((sc.file, sc.line)) or by_bare.get(sc.name, []))
        result[sc.anchor] = _combine(records, run.base)
    return result


def _outline_runs(sc: Scenario, records: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """pytest-bdd fills the <placeholders> of a Szenariogrundriss into the recorded name."""
    if not sc.examples or "<" not in sc.name:
        return []
    pattern = re.compile("".join(".+?" if part.startswith("<") else re.escape(part)
                                 for part in re.split(r"(<[^>]+>)", sc.name)))
    return [r for r in records if r.get("datei") == sc.file and pattern.fullmatch(nfc(r.get("szenario", "")))]


def _combine(records: list[dict[str, Any]], base: Path) -> Outcome:
    """One outcome for all runs of a scenario (a Szenariogrundriss runs once per example)."""
    if not records:
        return Outcome()
    statuses = [r.get("status", NOT_RUN) for r in records]
    status = ("failed" if "failed" in statuses else "passed" if set(statuses) == {"passed"}
              else "skipped" if "skipped" in statuses else NOT_RUN)
    message = next((r.get("meldung") for r in records if r.get("status") == status and r.get("meldung")), None)
    pictures = tuple(Picture(base / p, nfc(s.get("text", "")), nfc(s.get("keyword", "")))
                     for r in records for s in r.get("schritte", []) for p in s.get("bilder", [])
                     if (base / p).is_file())
    return Outcome(status, message, round(sum(float(r.get("dauer_s") or 0) for r in records), 3), pictures)


# --- Markdown helpers --------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]#!])")


def md(text: str) -> str:
    """Literal text in Markdown: entities keep <placeholders> visible, backslashes the rest."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(nfc(text), quote=False))


def cell(text: str) -> str:
    return md(text).replace("|", "\\|").replace("\n", " ")


def code_anchor(code: str) -> str:
    return "code-" + slug(code)


def code_html(code: str, breaks: str = "_") -> str:
    """Code that wraps only after ``breaks`` (Material would break it anywhere); <wbr> adds no text."""
    return "<code>" + f"{breaks}<wbr>".join(html.escape(part) for part in code.split(breaks)) + "</code>"


def link(page: str, target: str, anchor: str = "") -> str:
    """Relative link from one docs page to another (MkDocs checks these with --strict)."""
    path = "" if target == page else posixpath.relpath(target, posixpath.dirname(page))
    return f"{path}#{anchor}" if anchor else path


def status_text(status: str) -> str:
    return f"{STATUS_SYMBOLS[status]} {STATUS_WORDS[status]}"


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def admonition(kind: str, title: str, body: str) -> str:
    indented = "\n".join(f"    {line}" if line else "" for line in body.splitlines())
    return f'!!! {kind} "{title}"\n{indented}'


def german_date(created: str) -> str:
    try:
        return datetime.strptime(created, "%Y-%m-%d %H:%M:%S").strftime("%d.%m.%Y, %H:%M Uhr")
    except ValueError:
        return created


def stand_line(run: Run | None, outcomes: dict[str, Outcome]) -> str:
    """The "Stand" of a page: which run its statuses come from."""
    if run is None:
        return ("**Stand:** Es liegt noch kein Lauf vor (reports/lauf.json fehlt); alle Szenarien gelten als "
                "„nicht ausgeführt“.")
    counts: dict[str, int] = defaultdict(int)
    for o in outcomes.values():
        counts[o.status] += 1
    summary = ", ".join(f"{counts[s]} {STATUS_WORDS[s]}" for s in STATUS_WORDS if counts[s])
    target = f" · Ziel: {md(run.target)}" if run.target else ""
    return f"**Stand:** Lauf vom {german_date(run.created)} · Commit `{run.commit}`{target} · {summary}"


# --- the site model: everything the page renderers need ----------------------------------------

@dataclass
class Site:
    features: list[Feature]
    outcomes: dict[str, Outcome]
    run: Run | None
    troubles: list[Trouble]
    shots: dict[str, list[tuple[Picture, Scenario]]]  # statement id -> screenshots
    warnings: list[str] = field(default_factory=list)

    @property
    def scenarios(self) -> list[Scenario]:
        return [sc for f in self.features for sc in f.scenarios]

    def proving(self, statement_id: str) -> list[Scenario]:
        return [sc for sc in self.scenarios if statement_id in sc.guide_ids]

    def stand(self) -> str:
        return stand_line(self.run, self.outcomes)


def assign_screenshots(scenarios: Sequence[Scenario], outcomes: dict[str, Outcome]
                       ) -> dict[str, list[tuple[Picture, Scenario]]]:
    """Screenshots of passed @doku scenarios, per guide statement they illustrate."""
    shots: dict[str, list[tuple[Picture, Scenario]]] = defaultdict(list)
    for sc in scenarios:
        outcome = outcomes[sc.anchor]
        if "doku" not in sc.tags or outcome.status != "passed":
            continue
        for picture in outcome.pictures:
            statement = _illustrated(sc, picture.step, picture.name)
            also = [s.id for s in STATEMENTS if s.id in sc.guide_ids and s.also_shown_in
                    and re.search(rf"({s.also_shown_in})\.png$", picture.name)]
            for target in ([statement] if statement else []) + also:
                if all(p.name != picture.name for p, _ in shots[target]):
                    shots[target].append((picture, sc))
    return shots


def _illustrated(sc: Scenario, step_text: str, file_name: str = "") -> str | None:
    candidates = [s for s in STATEMENTS if s.id in sc.guide_ids]
    # The file name ends with the name the step gave the picture (e.g. "…-token-gespeichert.png"),
    # which says more about what it shows than the step text does.
    for statement in candidates:
        if statement.picture_name and re.search(rf"({statement.picture_name})\.png$", file_name):
            return statement.id
    for statement in candidates:
        words = statement.screenshot_words
        if words and re.search(words, step_text, re.IGNORECASE):
            return statement.id
    return sc.guide_ids[0] if len(sc.guide_ids) == 1 else None


def build_site(features_dir: Path, run_json: Path | None, root: Path) -> Site:
    warnings: list[str] = []
    features = parse_features(features_dir, root, warnings)
    scenarios = [sc for f in features for sc in f.scenarios]
    run = read_run(run_json, warnings)
    outcomes = match_outcomes(scenarios, run)
    troubles = [parse_trouble(sc) for sc in scenarios if "fehlerbild" in sc.tags]
    warnings += trouble_warnings(troubles)
    warnings += [f"Unbekannte Leitfaden-Markierung @{t} in {sc.file}:{sc.line}" for sc in scenarios
                 for t in sorted(sc.tags) if re.fullmatch(r"G\d+", t) and t not in STATEMENT_BY_ID]
    return Site(features, outcomes, run, troubles, assign_screenshots(scenarios, outcomes), warnings)


# --- pages: guide chapters ---------------------------------------------------------------------

def render_guide_index(site: Site) -> str:
    rows = []
    for ch in CHAPTERS:
        covered = sum(1 for i in ch.ids if site.proving(i))
        passed = sum(1 for i in ch.ids if _statement_status(site, i) == "passed")
        rows.append((f"[{ch.title}]({link(PAGE_GUIDE_INDEX, ch.page)})", str(len(ch.ids)),
                     f"{covered} von {len(ch.ids)}", f"{passed} von {len(ch.ids)}"))
    return "\n\n".join([
        f"# {GUIDE_TITLE}", site.stand(),
        "Der Leitfaden von assfinet, Kapitel für Kapitel und Schritt für Schritt in der Reihenfolge des "
        "Originals. Zu jedem Schritt steht, welche Szenarien ihn prüfen, wie sie im letzten Lauf ausgegangen "
        "sind, und – wo vorhanden – ein aktuelles Bildschirmfoto aus den nachgebildeten Systemen.",
        "## Ausgangssituation", SITUATION, "## Lösung", SOLUTION, "## Vorgehen",
        table(("Kapitel", "Schritte", "durch Szenarien belegt", "im letzten Lauf bestanden"), rows),
        admonition("note", "Aktuell und historisch",
                   "Dieser Leitfaden (assfinet, Stand Mai 2024) ist aktuell. Die dem Original beigefügte "
                   "Anleitung von Thinksurance (Stand 2020) ist historisch – siehe "
                   f"[Aktuell und historisch]({link(PAGE_GUIDE_INDEX, PAGE_HISTORY)})."),
    ]) + "\n"


def render_chapter(site: Site, chapter: Chapter) -> str:
    parts = [f"# {chapter.title}", site.stand(), chapter.intro]
    number = 0
    for section in chapter.sections:
        level = "##"
        if section.title:
            parts.append(f"## {section.title} {{#{slug(section.title)}}}")
            parts += [section.intro] if section.intro else []
            level = "###"
        for statement_id in section.ids:
            number += 1
            parts.append(_render_step(site, chapter, STATEMENT_BY_ID[statement_id], number, level))
    return "\n\n".join(parts) + "\n"


def _render_step(site: Site, chapter: Chapter, st: Statement, number: int, level: str) -> str:
    prefix = f"{number}. " if chapter.numbered else ""
    statement = f"[{st.id}]({link(chapter.page, PAGE_TRACE, st.id.lower())})"
    parts = [f"{level} {prefix}{st.title} {{#{st.id.lower()}}}", st.text,
             f"**Leitfaden-Aussage {statement}** – geprüft durch:" if site.proving(st.id) else "",
             _proof_list(site, chapter.page, st), _screenshots(site, chapter.page, st)]
    return "\n\n".join(p for p in parts if p)


def _proof_list(site: Site, page: str, st: Statement) -> str:
    scenarios = site.proving(st.id)
    if not scenarios:
        return admonition("warning", f"{st.id} nicht belegt",
                          f"Noch prüft kein Szenario diesen Schritt (Markierung `@{st.id}`). "
                          f"Verlangt ist: {st.proof}")
    return "\n".join(f"- {_scenario_link(site, page, sc)}" for sc in scenarios)


def _scenario_link(site: Site, page: str, sc: Scenario) -> str:
    return (f"[{md(sc.name)}]({link(page, PAGE_SCENARIOS, sc.anchor)}) – "
            f"{status_text(site.outcomes[sc.anchor].status)}")


def _screenshots(site: Site, page: str, st: Statement) -> str:
    shots = site.shots.get(st.id, [])
    if not shots:
        original = (f" Das Original verweist hier auf das Bild „{st.original_image}“, das es nicht mitliefert."
                    if st.original_image else "")
        return admonition("info", "Noch kein Bildschirmfoto",
                          "Für diesen Schritt gibt es noch kein Bildschirmfoto aus einem bestandenen Szenario mit "
                          f"der Markierung `@doku`.{original}")
    return "\n\n".join(_picture(page, picture, f"aus dem Szenario „{md(sc.name)}“") for picture, sc in shots)


def _picture(page: str, picture: Picture, origin: str = "") -> str:
    target = link(page, f"{PICTURES}/{picture.name}")
    step = md(f"{picture.keyword} {picture.step}".strip())
    caption = f"Bildschirmfoto beim Schritt „{step}“" + (f" {origin}" if origin else "")
    return f"![{caption}]({target})\n\n*{caption}*"


def _statement_status(site: Site, statement_id: str) -> str:
    statuses = {site.outcomes[sc.anchor].status for sc in site.proving(statement_id)}
    if not statuses:
        return "nicht belegt"
    if "failed" in statuses:
        return "failed"
    return "passed" if statuses == {"passed"} else "skipped" if "skipped" in statuses else NOT_RUN


# --- pages: traceability -----------------------------------------------------------------------

def render_trace(site: Site) -> str:
    uncovered = [s.id for s in STATEMENTS if not site.proving(s.id)]
    covered = len(STATEMENTS) - len(uncovered)
    parts = [
        "# Nachweis je Leitfaden-Aussage", site.stand(),
        "Jede Aussage des Leitfadens, nach der jemand handelt oder die man beobachten kann, hat eine feste "
        "Kennung (G01 bis G24). Szenarien mit der Markierung `@Gxx` belegen sie; hier steht je Aussage, "
        "welche Szenarien das sind und wie sie im letzten Lauf ausgegangen sind.",
        f"**{covered} von {len(STATEMENTS)} Aussagen sind durch Szenarien belegt.**",
    ]
    if uncovered:
        parts.append(admonition("danger", "Nicht belegt: " + ", ".join(uncovered),
                                "Für diese Aussagen gibt es noch kein Szenario. Bis eines sie prüft, ist nicht "
                                "gezeigt, dass der Leitfaden hier stimmt."))
    failing = [s.id for s in STATEMENTS if _statement_status(site, s.id) == "failed"]
    if failing:
        parts.append(admonition("warning", "Im letzten Lauf fehlgeschlagen: " + ", ".join(failing),
                                "Mindestens ein Szenario zu diesen Aussagen ist fehlgeschlagen; hier ist der "
                                "Leitfaden zurzeit nicht bestätigt."))
    parts.append(table(("Aussage", "Kapitel", "Inhalt", "Szenarien", "Ergebnis"),
                       (_trace_row(site, s) for s in STATEMENTS)))
    parts += [_trace_section(site, s) for s in STATEMENTS]
    return "\n\n".join(parts) + "\n"


def _trace_row(site: Site, st: Statement) -> tuple[str, ...]:
    chapter = CHAPTER_OF[st.id]
    status = _statement_status(site, st.id)
    result = "**nicht belegt**" if status == "nicht belegt" else _count_statuses(site, st.id)
    return (f"[{st.id}](#{st.id.lower()})", f"[{chapter.title}]({link(PAGE_TRACE, chapter.page, st.id.lower())})",
            cell(st.title), str(len(site.proving(st.id))), result)


def _count_statuses(site: Site, statement_id: str) -> str:
    counts: dict[str, int] = defaultdict(int)
    for sc in site.proving(statement_id):
        counts[site.outcomes[sc.anchor].status] += 1
    return ", ".join(f"{STATUS_SYMBOLS[s]} {n} {STATUS_WORDS[s]}" for s, n in counts.items())


def _trace_section(site: Site, st: Statement) -> str:
    chapter = CHAPTER_OF[st.id]
    head = [f"## {st.id} – {st.title} {{#{st.id.lower()}}}",
            f"**Kapitel:** [{chapter.title}]({link(PAGE_TRACE, chapter.page, st.id.lower())})",
            f"**Nachweis verlangt:** {st.proof}"]
    scenarios = site.proving(st.id)
    if not scenarios:
        head.append(admonition("danger", "nicht belegt", f"Kein Szenario trägt die Markierung `@{st.id}`."))
    else:
        head.append("\n".join(f"- {_scenario_link(site, PAGE_TRACE, sc)}" for sc in scenarios))
    return "\n\n".join(head)


# --- pages: all scenarios ----------------------------------------------------------------------

def render_scenarios(site: Site) -> str:
    parts = ["# Szenarien", site.stand(),
             "Alle Szenarien aus `features/`, je Datei. Jedes Szenario hat einen festen Anker, der sich mit dem "
             "Ergebnis nicht ändert – Links darauf taugen für Support-Tickets."]
    if not site.features:
        parts.append(admonition("info", "Noch keine Szenarien", "In `features/` gibt es noch keine Szenarien."))
    for feature in sorted(site.features, key=_guide_position):
        parts.append(f"## {md(feature.name)} {{#{feature.anchor}}}")
        parts.append(f"Datei: `{feature.file}`" + (f"\n\n{md(feature.description)}" if feature.description else ""))
        parts += [_render_scenario(site, sc) for sc in feature.scenarios]
    return "\n\n".join(parts) + "\n"


def _guide_position(feature: Feature) -> tuple[int, str]:
    """Features in the order of the guide chapters they prove; untagged ones last."""
    order = [s.id for s in STATEMENTS]
    ids = [order.index(i) for sc in feature.scenarios for i in sc.guide_ids]
    return (min(ids) if ids else len(order), feature.file)


def _render_scenario(site: Site, sc: Scenario) -> str:
    outcome = site.outcomes[sc.anchor]
    guide = ", ".join(f"[{i}]({link(PAGE_SCENARIOS, CHAPTER_OF[i].page, i.lower())})" for i in sc.guide_ids)
    others = " ".join(f"`@{t}`" for t in sorted(sc.tags) if t not in STATEMENT_BY_ID)
    facts = [f"**Letzter Lauf:** {status_text(outcome.status)}"
             + (f" ({outcome.duration:.2f} s)".replace(".", ",") if outcome.status != NOT_RUN else ""),
             f"**Leitfaden:** {guide}" if guide else "**Leitfaden:** keine Markierung",
             f"**Markierungen:** {others}" if others else ""]
    parts = [f"### {md(sc.name)} {{#{sc.anchor}}}", "  \n".join(f for f in facts if f)]
    if sc.description:  # keep the author's lines (e.g. "Ursache: …" and "Behebung: …") apart
        parts.append("  \n".join(md(line) for line in sc.description.splitlines()))
    parts.append(_render_steps(sc.steps))
    parts += [_render_examples(e) for e in sc.examples]
    if outcome.status == "failed" and outcome.message:
        parts.append(admonition("failure", "Meldung des letzten Laufs", _code_block(outcome.message[:2000])))
    if "doku" in sc.tags:
        parts += [_picture(PAGE_SCENARIOS, p) for p in outcome.pictures]
    return "\n\n".join(parts)


def _render_steps(steps: Sequence[Step]) -> str:
    lines = []
    for step in steps:
        lines.append(f"- **{md(step.keyword)}** {md(step.text)}")
        if step.table:
            lines += ["", *(f"    {line}" for line in table(
                [cell(c) for c in step.table[0]], ([cell(c) for c in r] for r in step.table[1:])).splitlines()), ""]
        if step.docstring is not None:
            lines += ["", *(f"        {line}" for line in step.docstring.splitlines()), ""]
    return "\n".join(lines)


def _render_examples(examples: Examples) -> str:
    title = f"**Beispiele{': ' + md(examples.name) if examples.name else ''}**"
    if not examples.header:
        return title
    return title + "\n\n" + table([cell(h) for h in examples.header], ([cell(c) for c in r] for r in examples.rows))


def _code_block(text: str) -> str:
    return "\n".join(f"    {line}" for line in text.splitlines())


# --- pages: Fehlerbilder -----------------------------------------------------------------------

# Front matter: MkDocs ignores unknown keys; Material ranks this page higher in the search, because
# support staff search with the caller's words and should land on the Fehlerbild first.
SEARCH_BOOST = "---\nsearch:\n  boost: 2\n---\n\n"


def render_troubles(site: Site) -> str:
    parts = [SEARCH_BOOST + "# Fehlerbilder: Symptom, Ursache, Behebung", site.stand(),
             "Ruft jemand an, weil der Absprung nicht wie erwartet funktioniert, suchen Sie hier nach seinen Worten "
             "(zum Beispiel „Kundendaten fehlen“ oder „Produkt nicht in DigiPro“). Jedes Fehlerbild nennt die "
             "Ursache und die Behebung; ein Szenario zeigt, dass genau diese Ursache genau dieses Symptom macht. "
             "Die Ursache steht oft im Absprung-Protokoll des con:center."]
    troubles = sorted(site.troubles, key=lambda t: (nfc(t.symptom).lower(), t.scenario.name))
    if not troubles:
        parts.append(admonition("info", "Noch keine Fehlerbilder",
                                "Noch ist kein Szenario mit `@fehlerbild` markiert."))
        return "\n\n".join(parts) + "\n"
    parts.append(table(("Symptom", "Ursache", "Details"),
                       ((cell(t.symptom), cell(t.cause or "—"), f"[ansehen](#{t.scenario.anchor})")
                        for t in troubles)))
    parts += [_render_trouble(site, t) for t in troubles]
    return "\n\n".join(parts) + "\n"


def _render_trouble(site: Site, t: Trouble) -> str:
    sc = t.scenario
    words = [md(w) for w in (*([t.symptom] if t.symptom != sc.name else []), *search_words(t))]
    cause = md(t.cause) if t.cause else "Laut Szenario:\n\n" + _render_steps(
        [s for s in sc.steps if s.keyword in ("Angenommen", "Gegeben sei")] or sc.steps)
    guide_steps = [f"[{i} {md(STATEMENT_BY_ID[i].title)}]({link(PAGE_TROUBLE, CHAPTER_OF[i].page, i.lower())})"
                   for i in sc.guide_ids]
    fix = md(t.fix) if t.fix else ("Den Leitfaden-Schritt ausführen: " + ", ".join(guide_steps)
                                   if guide_steps else "Noch nicht beschrieben.")
    parts = [f"## {md(sc.name)} {{#{sc.anchor}}}",
             f"**Suchbegriffe:** {' · '.join(words)}" if words else "",
             md(t.note) if t.note else "",
             admonition("failure", "Ursache", cause), admonition("success", "Behebung", fix),
             *(_render_examples(e) for e in sc.examples),
             f"**Leitfaden:** {', '.join(guide_steps)}" if guide_steps else "",
             f"**Geprüft durch:** {_scenario_link(site, PAGE_TROUBLE, sc)}"]
    return "\n\n".join(p for p in parts if p)


# --- pages: reference, generated from the fakes' code ------------------------------------------

def fake_apps() -> dict[str, Any]:
    """The four fake apps; only their OpenAPI description is read (no server is started)."""
    from fakes.ams.app import erstellen as ams_app
    from fakes.cloud.app import erstellen as cloud_app
    from fakes.concenter.app import erstellen as concenter_app
    from fakes.concenter.gegenstellen import Partnerzugang
    from fakes.thinksurance.app import erstellen as thinksurance_app

    access = Partnerzugang(cloud_url="http://x", thinksurance_url="http://y", hash="h", secret="s")
    return {"cloud": cloud_app(), "concenter": concenter_app(access), "ams": ams_app("http://z"),
            "thinksurance": thinksurance_app()}


def error_register() -> dict[str, Any]:
    import fakes.ams.models  # noqa: F401 - importing registers the rules
    import fakes.cloud.api  # noqa: F401
    import fakes.cloud.models  # noqa: F401
    import fakes.concenter.models  # noqa: F401
    import fakes.thinksurance.models  # noqa: F401
    from fakes.common.errors import REGISTER

    return dict(REGISTER)


PARAMETER_PLACES = {"path": "Pfad", "query": "Abfrage", "header": "Kopfzeile", "cookie": "Cookie"}
AREAS = {"api": "Schnittstelle", "steuerung": "Steuerung (nur Tests)", "support": "nur im Fake"}


def render_endpoints(openapi: dict[str, dict[str, Any]]) -> str:
    parts = ["# Schnittstellen der Fakes",
             "Erzeugt aus der OpenAPI-Beschreibung, die jeder Fake unter `/openapi.json` ausliefert. Die "
             "Oberflächen (assfinet drive, con:center, ams.5, Gewerbeplattform) stehen nicht hier, sondern in der "
             "[Schulungsumgebung](../../schulung.md).",
             "Pfade unter `/_steuerung/…` dienen den Tests (zurücksetzen, Uhr vorstellen, Zustand); "
             "`python -m fakes --ohne-steuerung` schaltet sie ab. Pfade unter `/_support/…` gibt es nur im Fake."]
    for system, spec in openapi.items():
        parts.append(f"## {SYSTEM_NAMES.get(system, system)} {{#{system}}}")
        rows = [(f"`{method.upper()}`", code_html(path, "/"), cell(op.get("summary", "")), _parameters(op),
                 AREAS.get((op.get("tags") or ["api"])[0], "")) for path, ops in spec.get("paths", {}).items()
                for method, op in ops.items()]
        parts.append(table(("Methode", "Pfad", "Zweck", "Parameter", "Bereich"), rows))
    return "\n\n".join(parts) + "\n"


def _parameters(op: dict[str, Any]) -> str:
    names = [f"`{p['name']}` ({PARAMETER_PLACES.get(p.get('in', ''), p.get('in', ''))})"
             for p in op.get("parameters", [])]
    if op.get("requestBody"):
        names.append("JSON-Körper")
    return ", ".join(names) or "—"


SOURCES = {"leitfaden": "Leitfaden", "thinksurance-doku": "Thinksurance-Doku", "assfinet-doku": "assfinet-Doku",
           "annahme": "Annahme", "fake": "Eingabeprüfung des Fakes"}
KINDS = {"ungueltig": "ungültige Eingabe", "nicht_angemeldet": "nicht angemeldet", "verboten": "nicht erlaubt",
         "nicht_gefunden": "nicht gefunden", "konflikt": "Konflikt", "zu_gross": "zu groß"}


def render_codes(register: dict[str, Any]) -> str:
    from fakes.common.web import STATUS_JE_ART

    parts = ["# Fehlercodes und Meldungen",
             "Jede Ablehnung eines Fakes hat einen festen Code und eine deutsche Meldung; beides steht im Code der "
             "Fakes an genau einer Stelle, diese Seite ist daraus erzeugt. Platzhalter in geschweiften Klammern "
             "werden beim Auftreten gefüllt. Die HTTP-Antwort trägt den Code in der Kopfzeile `X-Fehlercode` und "
             "im Körper als `code` – außer bei Thinksurance, dessen dokumentierte Antwort nur `error` enthält.",
             "Die Spalte **Quelle** sagt, woher die Regel stammt: aus dem Leitfaden, der öffentlichen Doku von "
             "Thinksurance oder assfinet – oder aus einer "
             f"[Annahme des Modells]({link(PAGE_CODES, PAGE_ASSUMPTIONS)})."]
    by_system: dict[str, list[Any]] = defaultdict(list)
    for rule in register.values():
        by_system[rule.system].append(rule)
    for system in sorted(by_system, key=lambda s: list(SYSTEM_NAMES).index(s) if s in SYSTEM_NAMES else 99):
        parts.append(f"## {SYSTEM_NAMES.get(system, system)} {{#{slug(system)}}}")
        parts.append(table(("Code", "Meldung", "Art", "Quelle", "Leitfaden"), (
            (f'<span id="{code_anchor(r.code)}"></span>{code_html(r.code)}', cell(r.meldung),
             f"{KINDS.get(r.art.value, r.art.value)} ({STATUS_JE_ART.get(r.art, '?')})",
             _source(r.quelle), _guide_links(PAGE_CODES, r.leitfaden)) for r in by_system[system])))
    return "\n\n".join(parts) + "\n"


def _source(source: str) -> str:
    label = SOURCES.get(source, source)
    return f"[{label}]({link(PAGE_CODES, PAGE_ASSUMPTIONS)})" if source == "annahme" else label


def _guide_links(page: str, ids: Iterable[str]) -> str:
    return ", ".join(f"[{i}]({link(page, CHAPTER_OF[i].page, i.lower())})" if i in CHAPTER_OF else i
                     for i in ids) or "—"


def render_assumptions(assumptions: Sequence[Any], register: dict[str, Any]) -> str:
    parts = ["# Annahmen des Modells",
             "Die echten Systeme sind nicht öffentlich beschrieben. Wo weder der Leitfaden noch die öffentliche "
             "Doku von Thinksurance oder assfinet sagt, wie sich ein System verhält, folgen die Fakes einer "
             "**Annahme**. Damit niemand eine Annahme für belegtes Verhalten hält, stehen alle hier."]
    for a in assumptions:
        codes = ", ".join(f"[{code_html(c)}]({link(PAGE_ASSUMPTIONS, PAGE_CODES, code_anchor(c))})" for c in a.codes)
        parts += [f"## {a.id} – {SYSTEM_NAMES.get(a.system, a.system)} {{#{a.id.lower()}}}",
                  f"**Verhalten:** {md(a.verhalten)}", f"**Begründung:** {md(a.begruendung)}"]
        parts += [f"**Fehlercodes:** {codes}"] if codes else []
    listed = {c: a.id for a in assumptions for c in a.codes}
    rules = [r for r in register.values() if r.quelle == "annahme"]
    parts += ["## Regeln mit der Quelle „Annahme“ {#regeln}",
              "Alle Ablehnungen der Fakes, die auf einer Annahme beruhen (aus dem Fehlercode-Verzeichnis).",
              table(("Code", "System", "Meldung", "Annahme"), (
                  (f"[{code_html(r.code)}]({link(PAGE_ASSUMPTIONS, PAGE_CODES, code_anchor(r.code))})",
                   SYSTEM_NAMES.get(r.system, r.system), cell(r.meldung),
                   f"[{listed[r.code]}](#{listed[r.code].lower()})" if r.code in listed else "—") for r in rules))]
    return "\n\n".join(parts) + "\n"


# --- the data-flow diagram (SVG, drawn here so the site needs no JavaScript or CDN) -------------

def flow_messages() -> list[tuple[int, int, bool, tuple[str, ...]]]:
    """(from, to, is_answer, label lines); durations come from the fakes' constants."""
    from fakes.concenter.models import START_GUELTIGKEIT
    from fakes.thinksurance.models import SWITCH_GUELTIGKEIT_STANDARD, TOKEN_GUELTIGKEIT

    start_s = int(START_GUELTIGKEIT.total_seconds())
    token_min = int(TOKEN_GUELTIGKEIT.total_seconds() // 60)
    return [
        (0, 1, False, ("Kundenmaske → DigiPro →", "Produkt wählen")),
        (1, 2, False, ("Absprung übergeben: Login,", "Produkt, Kunde, Haupt-E-Mail,", "cloud Benutzer (nur mit",
                       "„Maklerextranet aktivieren“)")),
        (2, 1, True, ("Absprung-Link", f"({start_s} s, einmal verwendbar)")),
        (1, 0, True, ("Weiterleitung", "auf den Absprung-Link")),
        (0, 2, False, ("Absprung-Link öffnen",)),
        (2, 3, False, ("TaaData (Kunde, cloud Benutzer)", "Bearer: AccessToken", "= Collaboration API Token")),
        (3, 2, True, ("Kundendaten – oder", "Ablehnung mit Fehlercode")),
        (2, 4, False, ("V1.1 Authentication:", "Partner-hash und -secret")),
        (4, 2, True, (f"Security-Token ({token_min} Minuten gültig)",)),
        (2, 4, False, ("Broker Forward: X-Broker-Token = btoken,", "bExternalId = cloud Benutzer,",
                       "bEmail = Haupt-E-Mail, Kundendaten")),
        (4, 2, True, ("{\"url\": Switch-URL}",)),
        (2, 0, True, ("Weiterleitung auf die Switch-URL",)),
        (0, 4, False, (f"Switch-URL öffnen ({SWITCH_GUELTIGKEIT_STANDARD} s, einmal verwendbar)",)),
        (4, 0, True, ("Gewerbeplattform mit vorbelegten Kundendaten",)),
    ]


PARTICIPANTS = ("Browser", "ams.5", "con:center", "assfinet cloud", "Thinksurance")


def render_diagram() -> str:
    gap, left, top, line_h = 185, 95, 50, 17
    xs = [left + i * gap for i in range(len(PARTICIPANTS))]
    body, y = [], top + 30
    for start, end, answer, lines in flow_messages():
        y += line_h * len(lines) + 10
        body.append(_arrow(xs[start], xs[end], y, answer))
        mid = (xs[start] + xs[end]) / 2
        for n, text in enumerate(lines):
            ty = y - 7 - (len(lines) - 1 - n) * line_h
            body.append(f'<text x="{mid:.0f}" y="{ty}" class="m">{html.escape(text)}</text>')
        y += 14
    height = y + 40
    width = xs[-1] + left
    heads = [_head(x, top, name) for x, name in zip(xs, PARTICIPANTS)]
    lifelines = [f'<line x1="{x}" y1="{top + 18}" x2="{x}" y2="{height - 10}" class="l"/>' for x in xs]
    return "\n".join([
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-label="Ablauf des Absprungs aus ams.5 nach Thinksurance">',
        "<title>Ablauf des Absprungs aus ams.5 nach Thinksurance</title>",
        "<defs><marker id=\"p\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" "
        "orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#333\"/></marker></defs>",
        "<style>text{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;fill:#222}"
        ".h{font-size:16px;font-weight:600;text-anchor:middle}"
        ".m{font-size:13.5px;text-anchor:middle;paint-order:stroke;stroke:#fff;stroke-width:4px}"
        ".l{stroke:#999;stroke-dasharray:4 4}.a{stroke:#333;stroke-width:1.4}"
        ".r{stroke:#333;stroke-width:1.2;stroke-dasharray:6 4}</style>",
        f'<rect width="{width}" height="{height}" fill="#fff"/>',
        *lifelines, *heads, *body, "</svg>", ""])


def _head(x: int, top: int, name: str) -> str:
    return (f'<rect x="{x - 80}" y="{top - 22}" width="160" height="40" rx="6" fill="#e8eaf6" stroke="#3f51b5"/>'
            f'<text x="{x}" y="{top + 4}" class="h">{html.escape(name)}</text>')


def _arrow(x1: int, x2: int, y: int, answer: bool) -> str:
    return (f'<line x1="{x1}" y1="{y}" x2="{x2}" y2="{y}" class="{"r" if answer else "a"}" '
            'marker-end="url(#p)"/>')


# --- writing -----------------------------------------------------------------------------------

def render_pages(site: Site) -> dict[str, str]:
    from fakes.annahmen import ANNAHMEN

    register = error_register()
    openapi = {name: app.state.openapi for name, app in fake_apps().items()}
    pages = {PAGE_GUIDE_INDEX: render_guide_index(site), PAGE_TRACE: render_trace(site),
             PAGE_SCENARIOS: render_scenarios(site), PAGE_TROUBLE: render_troubles(site),
             PAGE_ENDPOINTS: render_endpoints(openapi), PAGE_CODES: render_codes(register),
             PAGE_ASSUMPTIONS: render_assumptions(ANNAHMEN, register), DIAGRAM: render_diagram()}
    pages.update({ch.page: render_chapter(site, ch) for ch in CHAPTERS})
    return pages


def used_pictures(site: Site) -> set[Path]:
    pictures = {p.source for shots in site.shots.values() for p, _ in shots}
    pictures |= {p.source for sc in site.scenarios if "doku" in sc.tags for p in site.outcomes[sc.anchor].pictures}
    return pictures


def write_site(site: Site, docs: Path) -> int:
    """Recreate docs/generiert and docs/bilder; returns the number of pages written."""
    for folder in (docs / GENERATED, docs / PICTURES):
        shutil.rmtree(folder, ignore_errors=True)
    pages = render_pages(site)
    for relative, text in pages.items():
        target = docs / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(nfc(text), encoding="utf-8")
    (docs / PICTURES).mkdir(parents=True, exist_ok=True)
    for source in used_pictures(site):
        shutil.copy2(source, docs / PICTURES / source.name)
    return sum(1 for p in pages if p.endswith(".md"))


def generate(*, features: Path, run_json: Path | None, docs: Path, root: Path) -> Site:
    site = build_site(features, run_json, root)
    write_site(site, docs)
    return site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m absprung.leitfaden",
                                     description="Erzeugt die Seiten der Leitfaden-Website aus Szenarien, "
                                                 "Laufprotokoll und Bildschirmfotos.")
    parser.add_argument("--features", type=Path, default=Path("features"), help="Ordner mit .feature-Dateien")
    parser.add_argument("--lauf", type=Path, default=Path("reports/lauf.json"), help="Laufprotokoll (lauf.json)")
    parser.add_argument("--docs", type=Path, default=Path("docs"), help="docs-Ordner der Website")
    parser.add_argument("--wurzel", type=Path, default=Path("."),
                        help="Projektwurzel; Dateipfade im Laufprotokoll sind relativ zu ihr")
    args = parser.parse_args(argv)
    if not args.features.is_dir():
        print(f"Fehler: Den Ordner „{args.features}“ gibt es nicht.", file=sys.stderr)
        return 2
    site = generate(features=args.features, run_json=args.lauf, docs=args.docs, root=args.wurzel)
    for warning in site.warnings:
        print(f"Warnung: {warning}", file=sys.stderr)
    covered = sum(1 for s in STATEMENTS if site.proving(s.id))
    print(f"Leitfaden-Seiten erzeugt in {args.docs / GENERATED}: {len(site.scenarios)} Szenarien, "
          f"{covered} von {len(STATEMENTS)} Aussagen belegt, {len(used_pictures(site))} Bildschirmfotos.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
