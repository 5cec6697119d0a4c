"""Features as the site reads them: anchors, broken files, unknown guide tags."""

from __future__ import annotations

from pathlib import Path

from absprung.leitfaden.gherkin import scenario_anchor

from .conftest import generate_project, project


def test_scenario_anchor_comes_from_file_and_name() -> None:
    assert scenario_anchor("features/cloud_einrichten.feature", "Der Token öffnet „Kundendaten“") \
        == "cloud-einrichten--der-token-oeffnet-kundendaten"


def test_broken_feature_file_is_skipped_with_a_warning(tmp_path: Path) -> None:
    paths = project(tmp_path)
    (paths["features"] / "kaputt.feature").write_text("# language: de\nFunktionalität: X\n  @tag\n  Angenommen b\n",
                                                      encoding="utf-8")
    site = generate_project(paths)
    assert any("kaputt.feature ist kein gültiges Gherkin" in w for w in site.warnings)
    assert len(site.scenarios) == 4


def test_unknown_guide_tag_is_reported(tmp_path: Path) -> None:
    paths = project(tmp_path)
    (paths["features"] / "extra.feature").write_text(
        "# language: de\nFunktionalität: X\n  @G99\n  Szenario: Y\n    Angenommen z\n", encoding="utf-8")
    assert any("@G99" in w for w in generate_project(paths).warnings)
