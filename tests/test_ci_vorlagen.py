"""The CI templates run exactly the README's commands: `make` and `make test` verbatim, the set-up
alone as `make einrichten`, every other tool as the README writes it."""

from __future__ import annotations

import itertools
import re
import shlex
from pathlib import Path
from typing import Any, Iterator

import yaml

from tests.helpers import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
VORLAGEN = sorted((ROOT / "ci-vorlagen").rglob("*.yml"))


def _readme_befehle() -> set[str]:
    """The commands of the README's code blocks, comments removed."""
    befehle = set()
    for block in re.findall(r"```bash\n(.*?)```", README, re.S):
        for zeile in block.splitlines():
            befehl = zeile.split("#", 1)[0].strip()
            if befehl:
                befehle.add(re.sub(r"^(\w+=\S+ )+", "", befehl))  # without VAR=… in front
    return befehle


ZWEI = ["make", "make test"]  # the first code block: the README contract


def _befehle(vorlage: Path) -> Iterator[tuple[str, str]]:
    """(job, command) of every shell line of a GitLab or GitHub template."""
    daten: dict[str, Any] = yaml.safe_load(vorlage.read_text(encoding="utf-8"))
    if "jobs" in daten:  # GitHub Actions
        for job, inhalt in daten["jobs"].items():
            for schritt in inhalt.get("steps", []):
                if "run" in schritt:
                    yield job, schritt["run"].strip()
        return
    for job, inhalt in daten.items():
        if isinstance(inhalt, dict) and "script" in inhalt:
            for zeile in inhalt["script"]:
                yield job, zeile.strip()


def test_die_zwei_befehle_stehen_im_readme() -> None:
    erster = re.search(r"```bash\n(.*?)```", README, re.S)
    assert erster and [z.split("#")[0].strip() for z in erster.group(1).splitlines()] == ZWEI
    assert "make einrichten" in README


def test_vorlagen_rufen_genau_die_readme_befehle() -> None:
    bekannt = _readme_befehle()
    assert VORLAGEN, "ci-vorlagen/ enthält keine Vorlagen"
    for vorlage in VORLAGEN:
        for job, befehl in _befehle(vorlage):
            for teil in re.split(r"\s*(?:&&|\|)\s*", befehl):
                wort = shlex.split(re.sub(r"\$\{\{[^}]*\}\}", "X", teil))  # a GitHub expression is one value
                if wort[0] == "make":  # the same target as a README command (values of VAR=… may differ)
                    ziel = [w for w in wort if "=" not in w]
                    assert any([w for w in shlex.split(b) if "=" not in w] == ziel
                               for b in [*bekannt, *ZWEI, "make einrichten"] if b.startswith("make")), \
                        f"{vorlage.name}/{job}: „{teil}“ ist kein README-Befehl"
                elif wort[0].startswith(".venv/"):
                    kopf = " ".join(itertools.takewhile(lambda w: not w.startswith("--"), wort))
                    assert any(b.startswith(kopf) for b in bekannt), \
                        f"{vorlage.name}/{job}: „{kopf}“ steht so nicht im README"


def test_jede_aenderung_und_der_zeitplan_sind_abgedeckt() -> None:
    gitlab = yaml.safe_load((ROOT / "ci-vorlagen" / "gitlab-ci.yml").read_text(encoding="utf-8"))
    github = yaml.safe_load((ROOT / "ci-vorlagen" / "github" / "tests.yml").read_text(encoding="utf-8"))
    ziel = yaml.safe_load((ROOT / "ci-vorlagen" / "github" / "ziel.yml").read_text(encoding="utf-8"))
    # every change: main run and tests; the report and the site on Pages; junit.xml to the test view
    assert gitlab["hauptlauf"]["script"] == ["make"] and gitlab["tests"]["script"] == ["make test"]
    assert gitlab["hauptlauf"]["artifacts"]["reports"]["junit"] == "reports/junit.xml"
    assert "reports/cucumber.json" in gitlab["hauptlauf"]["artifacts"]["paths"]
    assert "public" in gitlab["pages"]["artifacts"]["paths"] and "bericht.html" in gitlab["pages"]["script"][0]
    laeufe = {j: [s.get("run") for s in d["steps"]] for j, d in github["jobs"].items()}
    assert "make" in laeufe["hauptlauf"] and "make test" in laeufe["tests"]
    benutzt = [s.get("uses", "") for s in github["jobs"]["hauptlauf"]["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact") for u in benutzt)
    assert any(u.startswith("mikepenz/action-junit-report") for u in benutzt)
    assert github["jobs"]["pages"]["steps"][0]["uses"].startswith("actions/deploy-pages")
    # scheduled: the main run against the target profile, secrets only from CI variables
    assert gitlab["ziel"]["variables"]["ABSPRUNG_ZIEL"] == "ci-vorlagen/ziel-thinksurance-test.toml"
    assert gitlab["ziel"]["rules"][0]["if"] == '$CI_PIPELINE_SOURCE == "schedule"'
    umgebung = ziel["jobs"]["ziel"]["env"]
    assert "schedule" in ziel.get("on", ziel.get(True, {}))  # PyYAML reads the key `on` as True
    assert umgebung["ABSPRUNG_ZIEL"] == "ci-vorlagen/ziel-thinksurance-test.toml"
    profil = (ROOT / "ci-vorlagen" / "ziel-thinksurance-test.toml").read_text(encoding="utf-8")
    for name in re.findall(r'= "(ABSPRUNG_\w+)"', profil):
        assert umgebung[name] == f"${{{{ secrets.{name} }}}}", name


def test_ci_skript_ruft_den_test_befehl() -> None:
    zeilen = [z.strip() for z in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
              if z.strip() and not z.lstrip().startswith("#")]
    assert zeilen[-1] == ZWEI[1]


def _yaml(*pfad: str) -> Any:
    return yaml.safe_load((ROOT / "ci-vorlagen" / Path(*pfad)).read_text(encoding="utf-8"))


def test_der_verlauf_reist_von_lauf_zu_lauf() -> None:
    """The history file is restored before and saved after every main run, also a failed one."""
    gitlab = _yaml("gitlab-ci.yml")
    for job in ("hauptlauf", "ziel"):
        cache = gitlab[job]["cache"]
        assert cache["paths"] == ["reports/verlauf.jsonl"] and cache["when"] == "always", job
    assert "reports/verlauf.jsonl" in gitlab["hauptlauf"]["artifacts"]["paths"]
    for datei, job in (("tests.yml", "hauptlauf"), ("ziel.yml", "ziel"), ("geteilt.yml", "zusammenfuehren")):
        schritte = _yaml("github", datei)["jobs"][job]["steps"]
        benutzt = [s.get("uses", "") for s in schritte]
        laden = benutzt.index("actions/cache/restore@v4")
        speichern = benutzt.index("actions/cache/save@v4")
        make = next(i for i, s in enumerate(schritte) if str(s.get("run", "")).startswith("make"))
        assert laden < make < speichern and schritte[speichern]["if"] == "always()", datei
        assert schritte[laden]["with"]["path"] == schritte[speichern]["with"]["path"] == "reports/verlauf.jsonl"


def test_geteilter_lauf_mit_zusammenfuehren() -> None:
    """GitLab parallel: and a GitHub matrix run a part each and one job merges them, also after a
    failed part; the parts' records reach the merge job."""
    gitlab = _yaml("gitlab-ci-geteilt.yml")
    teile = gitlab["szenarien"]
    assert teile["parallel"] >= 2 and teile["script"] == ['make teil TEIL="$CI_NODE_INDEX/$CI_NODE_TOTAL"']
    assert teile["artifacts"]["paths"] == ["reports/teil-*/"] and teile["artifacts"]["when"] == "always"
    merge = gitlab["zusammenfuehren"]
    assert merge["needs"] == ["szenarien"] and merge["script"] == ["make zusammenfuehren"]
    assert merge["rules"][0]["when"] == "always" and merge["cache"]["paths"] == ["reports/verlauf.jsonl"]
    assert merge["artifacts"]["reports"]["junit"] == "reports/junit.xml"
    assert gitlab["pages"]["needs"] == ["zusammenfuehren"]
    github = _yaml("github", "geteilt.yml")["jobs"]
    assert len(github["szenarien"]["strategy"]["matrix"]["teil"]) >= 2
    laeufe = [s["run"] for s in github["szenarien"]["steps"] if "run" in s]
    assert laeufe == ["make teil TEIL=${{ matrix.teil }}/${{ strategy.job-total }}"]  # N only in the matrix
    hoch = next(s for s in github["szenarien"]["steps"] if s.get("uses", "").startswith("actions/upload-artifact"))
    assert hoch["with"]["path"] == "reports/teil-${{ matrix.teil }}-von-${{ strategy.job-total }}/"
    assert hoch["with"]["overwrite"] is True and hoch["if"] == "${{ !cancelled() }}"
    assert github["szenarien"]["strategy"]["fail-fast"] is False
    zusammen = github["zusammenfuehren"]
    assert zusammen["needs"] == "szenarien" and zusammen["if"] == "${{ !cancelled() }}"
    runter = next(s for s in zusammen["steps"] if s.get("uses", "").startswith("actions/download-artifact"))
    assert runter["with"] == {"pattern": "teil-*", "path": "reports"}  # each part in its own folder
    assert "make zusammenfuehren" in [s.get("run") for s in zusammen["steps"]]
