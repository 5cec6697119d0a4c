"""pytest's JUnit XML (xunit2) with German test names and the guide IDs as properties.

The worker puts the names and IDs into ``user_properties`` (they survive xdist); the controlling
process sets ``name`` from them once pytest has written the file (public API only).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

NAME, DATEI, LEITFADEN = "szenario_name", "feature_datei", "leitfaden"


def eigenschaften(feature: Any, scenario: Any, datei: str) -> list[tuple[str, str]]:
    tags = sorted(set(scenario.tags) | set(feature.tags))
    return [(NAME, f"{feature.name} › {scenario.name}"), (DATEI, f"{datei}:{scenario.line_number}"),
            *((LEITFADEN, t) for t in tags if t[:1] == "G" and t[1:].isdigit())]


def umbenennen(pfad: Path) -> int:
    """German names for every testcase that carries them; returns how many were renamed."""
    baum = ET.parse(pfad)
    n = 0
    for fall in baum.iter("testcase"):
        eig = {p.get("name"): p.get("value") for p in fall.iter("property")}
        if eig.get(NAME):
            fall.set("name", str(eig[NAME]))
            fall.set("classname", str(eig.get(DATEI, "")).split(":")[0].removesuffix(".feature").replace("/", "."))
            n += 1
    baum.write(pfad, encoding="utf-8", xml_declaration=True)
    return n
