"""pytest's JUnit XML (xunit2) with German test names and the guide IDs as properties.

The worker puts the names and IDs into ``user_properties`` (they survive xdist); the controlling
process sets ``name`` from them once pytest has written the file (public API only). Every example of
a Szenariogrundriss has a name of its own (``ScenarioRecord.titel``), so CI test views do not fold
two into one "retry". The test suite's properties say where the results came from (``herkunft``),
each test case of a merged run its part. A run that did not end on its own gets the property
``unterbrochen`` and a test case "Lauf vollständig" in error, so the CI's test view is not green.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from .. import herkunft
from ..model import Run, ScenarioRecord

NAME, DATEI, LEITFADEN, TEIL = "szenario_name", "feature_datei", "leitfaden", "teil"


def eigenschaften(r: ScenarioRecord) -> list[tuple[str, str]]:
    return [(NAME, f"{r.feature} › {r.titel}"), (DATEI, f"{r.file}:{r.line}"),
            *((LEITFADEN, t) for t in r.tags if t[:1] == "G" and t[1:].isdigit())]


def _schluessel(nodeid: str) -> tuple[str, str]:
    """(classname, name) pytest's junitxml gives a test node id."""
    datei, _, name = nodeid.partition("::")
    return datei.removesuffix(".py").replace("/", "."), name.replace("::", ".")


def _liste(element: ET.Element) -> ET.Element:
    liste = element.find("properties")
    if liste is None:
        liste = ET.Element("properties")
        element.insert(0, liste)
    return liste


def umbenennen(pfad: Path, run: Run) -> int:
    """German names for every testcase that carries them (or, for one whose process died and so carries
    nothing, that the run record knows), the provenance on the suite; returns how many were renamed."""
    baum = ET.parse(pfad)
    bekannt = {_schluessel(r.nodeid): r for r in run.scenarios}
    for fall in baum.iter("testcase"):
        r = bekannt.get((fall.get("classname", ""), fall.get("name", "")))
        if r is None:
            continue
        if fall.find("properties") is None and r.feature:
            for name, wert in eigenschaften(r):
                ET.SubElement(_liste(fall), "property", name=name, value=wert)
        if r.part:
            ET.SubElement(_liste(fall), "property", name=TEIL, value=r.part)
    suite = next(baum.iter("testsuite"))
    for schluessel, _, wert in herkunft.eintraege(run):
        ET.SubElement(_liste(suite), "property", name=schluessel, value=wert)
    unterbrochen = run.interrupted
    if unterbrochen:
        ET.SubElement(_liste(suite), "property", name="unterbrochen", value=unterbrochen)
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
