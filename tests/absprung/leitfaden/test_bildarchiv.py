"""The guide keeps the last good picture when the scenario that makes it fails."""

from __future__ import annotations

import json
from pathlib import Path

from absprung.leitfaden import pfade
from absprung.leitfaden.write import generate
from tests.absprung.leitfaden.conftest import page, project

KAPITEL = "generiert/leitfaden/cloud.md"


def _abschnitt_g07(paths: dict[str, Path]) -> str:
    return page(paths, KAPITEL).split("{#g07}", 1)[1].split("\n## ", 1)[0]


def _bauen(paths: dict[str, Path], archiv: Path) -> None:
    generate(features=paths["features"], run_json=paths["run_json"], docs=paths["docs"], root=paths["root"],
             archive=archiv)


def _scheitern_lassen(paths: dict[str, Path]) -> None:
    lauf = json.loads(paths["run_json"].read_text(encoding="utf-8"))
    lauf["erstellt"] = "2026-12-01 09:30:00"
    for sc in lauf["szenarien"]:
        if sc["szenario"] == "Der con:center Benutzer wird hinterlegt":
            sc["status"] = "failed"
    paths["run_json"].write_text(json.dumps(lauf, ensure_ascii=False), encoding="utf-8")
    (paths["root"] / "reports" / "bilder" / "cc.png").unlink()  # a failed run leaves no good picture


def test_bild_bleibt_mit_datum_und_status(tmp_path: Path) -> None:
    paths, archiv = project(tmp_path), tmp_path / "reports" / "bildarchiv"
    _bauen(paths, archiv)
    assert "cc.png" in _abschnitt_g07(paths) and (archiv / "cc.png").is_file()
    _scheitern_lassen(paths)
    _bauen(paths, archiv)
    text = _abschnitt_g07(paths)
    assert "Noch kein Bildschirmfoto" not in text and "bilder/cc.png" in text
    assert "Stand 27.11.2026, 10:00 Uhr" in text and "im aktuellen Lauf: ✘ fehlgeschlagen" in text
    assert (paths["docs"] / pfade.PICTURES / "cc.png").is_file()


def test_ohne_archiv_kein_bild_nach_dem_scheitern(tmp_path: Path) -> None:
    paths = project(tmp_path)
    generate(features=paths["features"], run_json=paths["run_json"], docs=paths["docs"], root=paths["root"])
    _scheitern_lassen(paths)
    generate(features=paths["features"], run_json=paths["run_json"], docs=paths["docs"], root=paths["root"])
    assert "Noch kein Bildschirmfoto" in _abschnitt_g07(paths)
