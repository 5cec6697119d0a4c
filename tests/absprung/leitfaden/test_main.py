"""The command line and what it writes: regenerated folders, UTF-8 in NFC."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from absprung.aussagen import AUSSAGEN
from absprung.leitfaden.__main__ import main
from tests.helpers import ROOT

from .conftest import generate_project, project


def test_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = project(tmp_path)
    code = main(["--features", str(paths["features"]), "--lauf", str(paths["run_json"]),
                    "--docs", str(paths["docs"]), "--wurzel", str(paths["root"])])
    out, err = capsys.readouterr()
    assert code == 0
    assert f"4 Szenarien, 4 von {len(AUSSAGEN)} Aussagen belegt, 1 Bildschirmfotos" in out
    assert "Warnung: Fehlerbild „Produkt nicht in DigiPro“" in err
    assert main(["--features", str(tmp_path / "fehlt")]) == 2


def test_regenerating_removes_stale_pages_and_pictures(generated: dict[str, Path]) -> None:
    stale = generated["docs"] / "generiert" / "alt.md"
    stale.write_text("alt", encoding="utf-8")
    (generated["docs"] / "bilder" / "alt.png").write_bytes(b"")
    generate_project(generated)
    assert not stale.exists() and not (generated["docs"] / "bilder" / "alt.png").exists()


def test_pages_are_utf8_nfc(generated: dict[str, Path]) -> None:
    for path in (generated["docs"] / "generiert").rglob("*.*"):
        text = path.read_text(encoding="utf-8")
        assert unicodedata.is_normalized("NFC", text), path
        assert not text.startswith("\ufeff"), path


def test_hand_written_pages_are_utf8_nfc() -> None:
    docs = ROOT / "docs"
    pages = [p for p in docs.rglob("*.md") if "generiert" not in p.parts]
    assert pages
    for path in pages:
        assert unicodedata.is_normalized("NFC", path.read_text(encoding="utf-8")), path
