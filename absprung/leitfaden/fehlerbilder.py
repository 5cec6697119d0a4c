"""Fehlerbilder: scenarios tagged @fehlerbild, read as symptom, cause (Ursache) and fix (Behebung)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from .gherkin import Scenario

LABELS = ("Symptom", "Ursache", "Behebung", "Suchbegriffe", "Code", "Prüfung")
_LABEL = re.compile(rf"^({'|'.join(LABELS)})\s*:\s*(.*)$")


@dataclass(frozen=True)
class Fehlerbild:
    szenario: Scenario
    symptom: str
    ursache: str
    behebung: str
    suchbegriffe: tuple[str, ...]
    hinweis: str = ""
    code: str = ""  # the stable code that identifies the cause (launch log, refusal or the diagnosis' answer)
    pruefung: str = ""  # the finding of ``python -m absprung diagnose`` that names this cause


def labels(description: str) -> tuple[dict[str, str], list[str]]:
    """Labelled lines of a description (a label's text runs on until the next label), and the
    unlabelled lines before the first label."""
    fields: dict[str, str] = {}
    note: list[str] = []
    current = None
    for line in description.splitlines():
        line = line.strip()
        match = _LABEL.match(line)
        if match:
            current = match[1]
            fields[current] = match[2].strip()
        elif line and current:
            fields[current] = f"{fields[current]} {line}".strip()
        elif line:
            note.append(line)
    return fields, note


def fehlerbild(sc: Scenario) -> Fehlerbild:
    fields, note = labels(sc.description)
    words = tuple(k.strip() for k in fields.get("Suchbegriffe", "").split(",") if k.strip())
    return Fehlerbild(sc, fields.get("Symptom") or sc.name, fields.get("Ursache", ""), fields.get("Behebung", ""),
                      words, " ".join(note), fields.get("Code", ""), fields.get("Prüfung", ""))


# Words callers use for the common symptoms, so the site search finds every matching Fehlerbild
# even when its scenario lists no Suchbegriffe of its own.
CALLER_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"ohne Kundendaten", ("Kundendaten fehlen", "keine Kundendaten", "leeres Formular",
                           "Daten werden nicht übernommen")),
    (r"DigiPro", ("Produkt nicht in DigiPro", "Thinksurance fehlt in DigiPro")),
    (r"Absprung scheitert", ("Fehlermeldung beim Absprung", "Absprung geht nicht")),
    (r"abgelehnt|lässt sich kein", ("Fehlermeldung beim Einrichten", "Speichern geht nicht")),
)


def search_words(f: Fehlerbild) -> tuple[str, ...]:
    """The scenario's own Suchbegriffe first, then the usual caller words for its symptom."""
    words = list(f.suchbegriffe)
    for pattern, extra in CALLER_WORDS:
        if re.search(pattern, f"{f.symptom} {f.szenario.name}", re.IGNORECASE):
            words += [w for w in extra if w.lower() not in {x.lower() for x in words}]
    return tuple(words)


def warnings(fehlerbilder: Iterable[Fehlerbild]) -> list[str]:
    result = []
    for f in fehlerbilder:
        missing = [label for label, value in (("Ursache", f.ursache), ("Behebung", f.behebung), ("Code", f.code),
                                              ("Prüfung", f.pruefung)) if not value]
        if missing:
            result.append(f"Fehlerbild „{f.szenario.name}“ ({f.szenario.file}:{f.szenario.line}): "
                          f"es fehlt {' und '.join(m + ':' for m in missing)} in der Beschreibung.")
    return result
