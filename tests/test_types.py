"""Types are checked: mypy (strict for absprung/ and fakes/, see pyproject.toml) reports nothing.

Also: every ``type: ignore`` names its error code and says why, after it, in a comment.
"""

from __future__ import annotations

import re
import subprocess
import sys

from tests.helpers import ROOT

IGNORE = re.compile(r"#\s*type:\s*ignore(?P<code>\[[a-z-, ]+\])?(?P<rest>.*)$")


def test_mypy_finds_no_error() -> None:
    result = subprocess.run([sys.executable, "-m", "mypy", "--no-error-summary"], cwd=ROOT, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, f"mypy meldet:\n{result.stdout[-6000:]}{result.stderr[-2000:]}"


def test_every_type_ignore_has_a_code_and_a_reason() -> None:
    bad = []
    for folder in ("absprung", "fakes", "steps", "scripts", "tests"):
        for path in (ROOT / folder).rglob("*.py"):
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                match = IGNORE.search(line)
                if match and (not match["code"] or not re.search(r"#\s*\w", match["rest"])):
                    bad.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert not bad, "type: ignore ohne Fehlercode oder ohne Begründung:\n" + "\n".join(bad)
