"""The table of the systems: one row each, and a fifth system is a new fake package plus one edited file."""

from __future__ import annotations

import filecmp
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from basis.systeme import GEHEIMNIS_SYSTEM, NAMEN, SYSTEM, SYSTEME, datenfluss, objekt
from tests.helpers import ROOT


def test_die_tabelle_kennt_vier_systeme_und_ihren_datenfluss() -> None:
    assert NAMEN == ("cloud", "concenter", "ams", "thinksurance")
    assert [s.name for s in datenfluss()] == ["ams", "concenter", "cloud", "thinksurance"]
    assert GEHEIMNIS_SYSTEM["btoken"] == "thinksurance" and GEHEIMNIS_SYSTEM["access_token"] == "cloud"
    assert len({s.port for s in SYSTEME}) == len(SYSTEME)
    for s in SYSTEME:  # every reference in the table points to something that exists
        assert objekt(s.fake).create and objekt(s.client) and objekt(s.vorabpruefung), s.name
        assert set(s.ruft) <= set(SYSTEM), s.name


SPIELZEUG_APP = '''"""A toy system with one endpoint: how little a fifth system needs."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Mapping

from starlette.applications import Starlette

from basis.systeme import SYSTEM
from fakes.common.app import build_app
from fakes.common.endpoints import Call, Endpoint
from fakes.common.pages import Pages
from fakes.common.state import FakeState
from fakes.options import Options


class Spielzeug(FakeState):
    system = "spielzeug"

    def reset(self) -> None:
        self.zaehler = 0

    def seeds(self) -> dict[str, Callable[[], None]]:
        return {"ausgangslage": lambda: None}

    def status(self) -> int:
        self.zaehler += 1
        return self.zaehler


def create(options: Options | None = None, urls: Mapping[str, str] | None = None) -> Starlette:
    o, zeile, model = options or Options(), SYSTEM["spielzeug"], Spielzeug()

    def status(a: Call) -> Any:
        return {"ok": True, "aufrufe": model.status()}

    return build_app(system=zeile.name, title=zeile.titel, state=model,
                     endpoints=[Endpoint("GET", "/api/status", status, "Ob das Spielzeug antwortet")], ui_routes=[],
                     pages=Pages(Path(__file__).parent, zeile.name, zeile.oberflaeche), dump=lambda: {},
                     control_on=o.control_on)
'''
ZEILE = ('    System("spielzeug", "Spielzeug", "Spielzeug-System", "Spielzeug", 8005, fake="fakes.spielzeug.app"),\n'
         ')\nSYSTEM: dict')


def _kopie(tmp_path: Path) -> Path:
    copy = tmp_path / "projekt"
    ignore = shutil.ignore_patterns(".venv", "reports", "site", "generiert", "bilder", "__pycache__", ".git",
                                    "node_modules", ".mypy_cache", "*.egg-info")
    shutil.copytree(ROOT, copy, ignore=ignore)
    return copy


def _geaendert(original: Path, copy: Path) -> tuple[list[str], list[str]]:
    """(edited files, new files) of the copy against the project, by content."""
    edited, new = [], []
    for path in sorted(p for p in copy.rglob("*") if p.is_file() and "__pycache__" not in p.parts
                       and "generiert" not in p.parts):
        rel = path.relative_to(copy)
        if not (original / rel).exists():
            new.append(rel.as_posix())
        elif not filecmp.cmp(original / rel, path, shallow=False):
            edited.append(rel.as_posix())
    return edited, new


def _python(copy: Path, *arguments: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *arguments], cwd=copy, capture_output=True, text=True, timeout=240,
                          env={**os.environ, **(env or {})})


def test_ein_fuenftes_system_braucht_ein_paket_und_eine_zeile(tmp_path: Path) -> None:
    """In a copy of the project: the toy fake as a new package, one row in basis/systeme.py – nothing else.
    The landscape, ``python -m fakes``, the preflight and the reference page pick it up."""
    copy = _kopie(tmp_path)
    (copy / "fakes" / "spielzeug").mkdir()
    (copy / "fakes" / "spielzeug" / "__init__.py").write_text("", encoding="utf-8")
    (copy / "fakes" / "spielzeug" / "app.py").write_text(SPIELZEUG_APP, encoding="utf-8")
    tabelle = copy / "basis" / "systeme.py"
    tabelle.write_text(tabelle.read_text(encoding="utf-8").replace(")\nSYSTEM: dict", ZEILE, 1), encoding="utf-8")
    edited, new = _geaendert(ROOT, copy)
    assert edited == ["basis/systeme.py"] and new == ["fakes/spielzeug/__init__.py", "fakes/spielzeug/app.py"]

    # python -m fakes serves it and names it in its JSON line
    fakes = subprocess.Popen([sys.executable, "-m", "fakes", "--json"], cwd=copy, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    try:
        assert fakes.stdout is not None
        zeile = fakes.stdout.readline()
        urls = {s: z["url"] for s, z in json.loads(zeile).items() if s != "schulung"}  # the training page
        assert set(urls) == {*NAMEN, "spielzeug"}
        # the landscape of a profile and the preflight: the toy remote, the others remote fakes too
        profil = tmp_path / "ziel.toml"
        profil.write_text('name = "fuenf"\nsteuerung = true\n[urls]\n' + "".join(
            f'{s} = "{u}"\n' for s, u in urls.items()), encoding="utf-8")
        geprueft = _python(copy, "-c", "from basis.ziel import load_profile; from absprung import preflight; "
                           f"print(preflight.summary(preflight.run(load_profile({str(profil)!r})), []))")
        assert geprueft.returncode == 0, geprueft.stderr
        assert f"✔ Spielzeug ({urls['spielzeug']}): erreichbar" in geprueft.stdout, geprueft.stdout
        embedded = _python(copy, "-c", "from basis.ziel import embedded_fakes; from fakes.options import Options; "
                           "from fakes.server import Fakes\nwith Fakes(Options()) as f:\n"
                           "    import httpx; print(httpx.get(f.urls['spielzeug'] + '/api/status').json())")
        assert embedded.returncode == 0 and "'ok': True" in embedded.stdout, embedded.stderr
    finally:
        fakes.terminate()
        fakes.wait(timeout=10)
    geschlossen = tmp_path / "zu.toml"
    geschlossen.write_text(profil.read_text(encoding="utf-8").replace(urls["spielzeug"], "http://127.0.0.1:9"),
                           encoding="utf-8")
    fehlt = _python(copy, "-m", "pytest", "features", "--ziel", str(geschlossen), "-q", "-p", "no:xdist")
    assert fehlt.returncode == 4 and "✘ Spielzeug (http://127.0.0.1:9): nicht erreichbar" in fehlt.stdout + fehlt.stderr

    # the reference page lists its interface
    seiten = _python(copy, "-m", "absprung.leitfaden")
    assert seiten.returncode == 0, seiten.stderr
    referenz = (copy / "docs" / "generiert" / "referenz" / "schnittstellen.md").read_text(encoding="utf-8")
    assert "## Spielzeug-System {#spielzeug}" in referenz and "<code>/<wbr>api/<wbr>status</code>" in referenz
