"""Fehlerbilder: scenarios tagged @fehlerbild, read as symptom and the cause they show.

A Fehlerbild's description names its symptom (one of ``absprung.ursachen.SYMPTOME``), the cause it
shows by the name of its declaration (``Ursache: NAME``, see ``absprung.ursachen``), the code the
scenario sees and the words callers use. Ursache and Behebung in words come from the declaration –
written once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from absprung.ursachen import SYMPTOME, URSACHE, Ursache

from .gherkin import Scenario

LABELS = ("Symptom", "Ursache", "Suchbegriffe", "Code")
DIAGNOSE_SCHRITT = "findet die Diagnose diese Ursache"  # the last step of a Fehlerbild whose state is its cause
_LABEL = re.compile(rf"^({'|'.join(LABELS)})\s*:\s*(.*)$")


@dataclass(frozen=True)
class Fehlerbild:
    szenario: Scenario
    symptom: str
    name: str  # the declared cause it shows (``Ursache:``)
    suchbegriffe: tuple[str, ...]
    hinweis: str = ""
    code: str = ""  # the stable code this scenario sees (launch log or refusal)

    @property
    def ursache(self) -> Ursache | None:
        """The declaration of its cause; None where the name is not declared (a warning says so)."""
        return URSACHE.get(self.name)

    @property
    def mit_diagnose(self) -> bool:
        """Is its scenario's state the cause (it ends with "findet die Diagnose diese Ursache")?"""
        return any(s.text == DIAGNOSE_SCHRITT for s in self.szenario.steps)


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
    return Fehlerbild(sc, fields.get("Symptom") or sc.name, fields.get("Ursache", ""), words, " ".join(note),
                      fields.get("Code", ""))


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
    """What a Fehlerbild lacks or names wrongly: the site build fails on these (mkdocs --strict)."""
    result = []
    for f in fehlerbilder:
        wo = f"Fehlerbild „{f.szenario.name}“ ({f.szenario.file}:{f.szenario.line})"
        missing = [label for label, value in (("Ursache", f.name), ("Code", f.code)) if not value]
        if missing:
            result.append(f"{wo}: es fehlt {' und '.join(m + ':' for m in missing)} in der Beschreibung.")
        elif f.ursache is None:
            result.append(f"{wo}: „Ursache: {f.name}“ ist keine erklärte Ursache (absprung/ursachen/katalog.py).")
        elif f.code not in f.ursache.codes:
            result.append(f"{wo}: der Code {f.code} ist keiner der Codes der Ursache „{f.name}“ "
                          f"({', '.join(f.ursache.codes) or 'keine'}).")
        if f.symptom not in SYMPTOME:
            result.append(f"{wo}: das Symptom „{f.symptom}“ ist keines der erklärten ({'; '.join(SYMPTOME)}).")
    return result
