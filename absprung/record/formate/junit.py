"""pytest's JUnit XML (xunit2) with German test names and the guide IDs as properties.

The worker puts the names and IDs into ``user_properties`` (they survive xdist); the controlling
process sets ``name`` from them once pytest has written the file (public API only). A run that did
not end on its own gets the property ``unterbrochen`` and a test case "Lauf vollständig" in error,
so the CI's test view is not green.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any, Iterable

from ..model import ScenarioRecord

NAME, DATEI, LEITFADEN = "szenario_name", "feature_datei", "leitfaden"


def eigenschaften(feature: Any, scenario: Any, datei: str) -> list[tuple[str, str]]:
    tags = sorted(set(scenario.tags) | set(feature.tags))
    return [(NAME, f"{feature.name} › {scenario.name}"), (DATEI, f"{datei}:{scenario.line_number}"),
            *((LEITFADEN, t) for t in tags if t[:1] == "G" and t[1:].isdigit())]


def _schluessel(nodeid: str) -> tuple[str, str]:
    """(classname, name) pytest's junitxml gives a test node id."""
    datei, _, name = nodeid.partition("::")
    return datei.removesuffix(".py").replace("/", "."), name.replace("::", ".")


def umbenennen(pfad: Path, unterbrochen: str | None = None, records: Iterable[ScenarioRecord] = ()) -> int:
    """German names for every testcase that carries them (or, for one whose process died and so carries
    nothing, that the run record knows); returns how many were renamed."""
    baum = ET.parse(pfad)
    bekannt = {_schluessel(r.nodeid): r for r in records}
    for fall in baum.iter("testcase"):
        r = bekannt.get((fall.get("classname", ""), fall.get("name", "")))
        if r is not None and fall.find("properties") is None and r.feature:
            neu = ET.Element("properties")
            fall.insert(0, neu)
            for name, wert in ((NAME, f"{r.feature} › {r.scenario}"), (DATEI, f"{r.file}:{r.line}"),
                               *((LEITFADEN, t) for t in r.tags if t[:1] == "G" and t[1:].isdigit())):
                ET.SubElement(neu, "property", name=name, value=wert)
    if unterbrochen:
        suite = next(baum.iter("testsuite"))
        liste = suite.find("properties")
        if liste is None:
            liste = ET.Element("properties")
            suite.insert(0, liste)
        ET.SubElement(liste, "property", name="unterbrochen", value=unterbrochen)
        lauf = ET.SubElement(suite, "testcase", classname="Lauf", name="Lauf vollständig", time="0")
        ET.SubElement(lauf, "error", message=unterbrochen).text = unterbrochen
        suite.set("errors", str(int(suite.get("errors", "0")) + 1))
        suite.set("tests", str(int(suite.get("tests", "0")) + 1))
    n = 0
    for fall in baum.iter("testcase"):
        eig = {p.get("name"): p.get("value") for p in fall.iter("property")}
        if eig.get(NAME):
            fall.set("name", str(eig[NAME]))
            fall.set("classname", str(eig.get(DATEI, "")).split(":")[0].removesuffix(".feature").replace("/", "."))
            n += 1
    baum.write(pfad, encoding="utf-8", xml_declaration=True)
    return n
