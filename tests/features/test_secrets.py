"""No secret anywhere, also on failure: failing scenarios against a remote target with unique secret
values; none of them, and no unmasked one-time URL, reaches the terminal, reports/ or the site."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

from basis import demo
from basis.systeme import NAMEN
from tests.features.remote import count, fakes_process, run_suite, write_profile
from tests.helpers import ROOT

ONE_TIME = re.compile(r"/(start|switch)/(?!•••)[A-Za-z0-9_\-]{6,}")


def _unique(name: str) -> str:
    return f"geheim-{name}-{uuid.uuid4().hex[:12]}"


def _texts(folder: Path) -> dict[Path, str]:
    return {p: p.read_text(encoding="utf-8", errors="replace") for p in folder.rglob("*")
            if p.is_file() and p.suffix in (".html", ".json", ".md", ".xml", ".ndjson", ".txt", ".js", ".svg")}


def test_failing_runs_leak_no_secret_and_no_one_time_url(tmp_path: Path) -> None:
    values = {"B": _unique("btoken"), "T": _unique("atoken"), "A": _unique("access")}
    reports = tmp_path / "reports"
    outputs = []
    with fakes_process() as started:
        urls = {s: started[s]["url"] for s in NAMEN}
        writing = write_profile(tmp_path / "schreibend.toml", urls, writes=True, control=True,
                                secrets={"btoken": "B", "atoken": "T"})
        run = run_suite(writing, f"--lauf-json={reports / 'lauf.json'}", f"--html={reports / 'bericht.html'}",
                        "--self-contained-html", f"--bilder={reports / 'bilder'}", environment=values, timeout=600)
        assert run.returncode == 1 and count("failed", run.stdout) >= 10, run.stdout[-3000:]
        outputs += [run.stdout, run.stderr]
        reading = write_profile(tmp_path / "lesend.toml", urls, writes=False, control=False,
                                secrets={"btoken": "B", "access_token": "A", "concenter_passwort": "P",
                                         "thinksurance_hash": "H", "thinksurance_secret": "S"})
        demo_zugang = {"P": demo.CONCENTER_PASSWORT, "H": demo.TS_HASH, "S": demo.TS_SECRET}
        preflight = run_suite(reading, environment={**values, **demo_zugang})
        assert preflight.returncode == 4 and "TAA_TOKEN_UNGUELTIG" in preflight.stderr, preflight.stderr
        outputs += [preflight.stdout, preflight.stderr]
    site = _site(tmp_path, reports / "lauf.json")
    texts = {**_texts(reports), **_texts(site), **{Path(f"ausgabe-{i}"): o for i, o in enumerate(outputs)}}
    assert len(texts) > 20
    for where, text in texts.items():
        for value in values.values():
            assert value not in text, f"{where} enthält ein Geheimnis"
        assert not ONE_TIME.search(text), f"{where}: unmaskierter Einmal-Link {ONE_TIME.search(text)}"


def _site(tmp_path: Path, run_json: Path) -> Path:
    shutil.copy2(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", tmp_path / "docs", ignore=shutil.ignore_patterns("generiert", "bilder"))
    for command in ([sys.executable, "-m", "absprung.leitfaden", "--lauf", str(run_json), "--docs",
                     str(tmp_path / "docs")],
                    [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(tmp_path / "mkdocs.yml"),
                     "-d", str(tmp_path / "site")]):
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300,
                                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        assert result.returncode == 0, result.stderr
    return tmp_path / "site"
