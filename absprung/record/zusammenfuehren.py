"""The parts of a split run (``--teil k/N``) merged into one run record, as if it had run unsplit.

``zusammenfuehren(teile)`` reads each part's ``lauf.json`` and checks that they belong together –
the same target, commit and N, each part once, every part present, the same whole suite, no
scenario twice, together every scenario of the suite – and refuses with a German message naming
what is wrong otherwise (``Unvereinbar``). The merged run keeps each scenario's part, names the
parts in its provenance and copies every part's screenshots beside the merged record.

``python -m absprung zusammenfuehren`` then writes every output from it through pytest itself
(``wiedergabe``), so report, JUnit XML, Cucumber, Allure and history are those of an unsplit run.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import AbsprungError
from . import herkunft
from .model import FAILED, PASSED, SKIPPED, Run, ScenarioRecord, StepRecord
from .teilung import teil


class Unvereinbar(AbsprungError):
    """The parts do not make one run (German message)."""


@dataclass
class Teil:
    ordner: Path  # the folder of its lauf.json: picture paths are relative to it
    run: Run
    nummer: int
    von: int


def lesen(pfad: Path) -> Teil:
    """A part's record: ``pfad`` is its lauf.json or the folder holding it."""
    datei = pfad / "lauf.json" if pfad.is_dir() else pfad
    try:
        run = Run.from_json(json.loads(datei.read_text(encoding="utf-8")))
    except FileNotFoundError:
        raise Unvereinbar(f"{datei} fehlt – ist dieser Teil gelaufen (pytest … --teil K/N --lauf-json {datei})?") \
            from None
    except json.JSONDecodeError as f:
        raise Unvereinbar(f"{datei} ist kein Laufprotokoll: kein gültiges JSON (Zeile {f.lineno}).") from None
    except (OSError, UnicodeDecodeError) as f:
        raise Unvereinbar(f"{datei} ist nicht lesbar ({f.__class__.__name__}).") from None
    except ValueError as f:  # Run.from_json: another schema or a malformed record (German)
        raise Unvereinbar(f"{datei} ist kein lesbares Laufprotokoll: {f}.") from None
    if not run.herkunft.teil:
        raise Unvereinbar(f"{datei} ist kein Teil eines geteilten Laufs (ohne --teil gelaufen); zusammengeführt "
                          "werden nur die Teile eines Laufs mit --teil K/N.")
    try:
        nummer, von = teil(run.herkunft.teil)
    except ValueError as f:
        raise Unvereinbar(f"{datei}: {f}") from None
    if not run.whole_suite:
        raise Unvereinbar(f"{datei} nennt die ganze Suite nicht (alle_szenarien fehlt) – ohne sie ist nicht zu "
                          "prüfen, ob die Teile zusammen alle Szenarien enthalten. Den Teil neu laufen lassen.")
    return Teil(datei.parent, run, nummer, von)


def zusammenfuehren(teile: list[Teil], ausgabe: Path) -> Run:
    """The merged run; copies the parts' screenshots into ``ausgabe`` (its picture paths stay valid)."""
    if not teile:
        raise Unvereinbar("Keine Teile angegeben.")
    teile = sorted(teile, key=lambda t: t.nummer)
    erster = teile[0]
    for t in teile[1:]:
        for was, a, b in (("gegen das Ziel", erster.run.target, t.run.target),
                          ("auf dem Commit", erster.run.commit, t.run.commit), ("als Teil von", erster.von, t.von)):
            if a != b:
                raise Unvereinbar(f"Teil {t.nummer}/{t.von} lief {was} „{b}“, Teil {erster.nummer}/{erster.von} {was} "
                                  f"„{a}“ – das sind nicht die Teile eines Laufs.")
        if t.run.whole_suite != erster.run.whole_suite:
            raise Unvereinbar(f"Teil {t.nummer}/{t.von} kennt andere Szenarien als Teil {erster.nummer}/{erster.von} "
                              "(andere Auswahl oder andere Features) – nicht zusammenführbar.")
    nummern = [t.nummer for t in teile]
    doppelt = sorted({n for n in nummern if nummern.count(n) > 1})
    if doppelt:
        raise Unvereinbar(f"Teil {', '.join(f'{n}/{erster.von}' for n in doppelt)} ist mehrfach angegeben.")
    fehlt = [n for n in range(1, erster.von + 1) if n not in nummern]
    if fehlt:
        raise Unvereinbar(f"Es fehlt Teil {', '.join(f'{n}/{erster.von}' for n in fehlt)} – ohne ihn wäre der Lauf "
                          "unvollständig. Ist sein Job gescheitert, bevor er lauf.json hochlud?")
    szenarien: list[ScenarioRecord] = []
    herkunft_von: dict[str, str] = {}  # scenario key -> its part
    for t in teile:
        for r in t.run.scenarios:
            if r.key in herkunft_von:
                raise Unvereinbar(f"„{r.titel}“ lief in Teil {herkunft_von[r.key]} und in Teil {t.nummer}/{t.von}.")
            herkunft_von[r.key] = f"{t.nummer}/{t.von}"
            szenarien.append(replace(r, part=f"{t.nummer}/{t.von}"))
    ohne = [k for k in erster.run.whole_suite if k not in herkunft_von]
    if ohne:
        raise Unvereinbar(f"{len(ohne)} Szenario(s) der Suite lief in keinem Teil, z. B. „{ohne[0]}“.")
    fremd = [k for k in herkunft_von if k not in erster.run.whole_suite]
    if fremd:
        raise Unvereinbar(f"„{fremd[0]}“ lief, gehört aber nicht zur Suite, die die Teile nennen.")
    for t in teile:  # only now: refused parts leave nothing behind
        for r in t.run.scenarios:
            _bilder_kopieren(t, r.steps, ausgabe)
    unterbrochen = [f"Teil {t.nummer}/{t.von}: {t.run.interrupted}" for t in teile if t.run.interrupted]
    quelle = replace(erster.run.herkunft, teil=None, teile=[f"{t.nummer}/{t.von}" for t in teile],
                     browser=sorted({b for t in teile for b in t.run.herkunft.browser}),
                     geaendert=any(t.run.herkunft.geaendert for t in teile),
                     ci=herkunft.ci() or erster.run.herkunft.ci,
                     rechner=", ".join(dict.fromkeys(t.run.herkunft.rechner for t in teile if t.run.herkunft.rechner)))
    return Run(min(t.run.created for t in teile), erster.run.commit, erster.run.target,
               max(t.run.duration_s for t in teile),  # the parts ran side by side
               sorted(szenarien, key=lambda s: (s.file, s.line, s.example_index)),
               " ".join(unterbrochen) or None, quelle)


def _bilder_kopieren(t: Teil, schritte: list[StepRecord], ausgabe: Path) -> None:
    for s in schritte:
        for bild in s.pictures:
            quelle, ziel = t.ordner / bild.path, ausgabe / bild.path
            if quelle.is_file() and quelle.resolve() != ziel.resolve():
                ziel.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(quelle, ziel)


def befehl(pfade: list[Path], ausgabe: Path, verlauf: Path | None, wurzel: Path) -> int:
    """``python -m absprung zusammenfuehren``: 0 all passed, 1 a scenario failed or a part did not end,
    2 the parts do not make one run (nothing written), 5 nothing checked (every scenario skipped)."""
    ausgabe = ausgabe.resolve()
    if not wurzel.is_dir():
        print(f"Fehler: Die Projektwurzel {wurzel} (--wurzel) gibt es nicht. Nichts wurde geschrieben.",
              file=sys.stderr)
        return 2
    try:
        run = zusammenfuehren([lesen(p) for p in pfade], ausgabe)
    except Unvereinbar as f:
        print(f"Fehler: {f} Nichts wurde geschrieben.", file=sys.stderr)
        return 2
    ausgabe.mkdir(parents=True, exist_ok=True)
    eingabe = ausgabe / ".zusammengefuehrt.json"
    eingabe.write_text(json.dumps(run.to_json(), ensure_ascii=False), encoding="utf-8")
    projekt = Path(__file__).resolve().parents[2]  # its pytest settings (JUnit suite name, plugins)
    print(f"Zusammenführen: {len(run.herkunft.teile)} Teile, {len(run.scenarios)} Szenarien "
          f"({', '.join(f'{n} {s}' for s, n in run.summary.items())}) – schreibe Bericht und Formate nach {ausgabe}",
          flush=True)
    # In its own process: pytest, pytest-html and the record plugin write every output as for any run;
    # no conftest, so neither steps nor a target (no preflight, nothing reached).
    argumente = [sys.executable, "-m", "pytest", "-c", str(projekt / "pyproject.toml"), "--rootdir", str(wurzel),
                 "--noconftest", "-q", "-p", "no:xdist", "-p", "no:randomly", "-p", "absprung.record.plugin",
                 "-p", "absprung.record.wiedergabe",
                 f"--wiedergabe={eingabe}", f"--lauf-json={ausgabe / 'lauf.json'}", f"--bilder={ausgabe / 'bilder'}",
                 f"--html={ausgabe / 'bericht.html'}", "--self-contained-html", f"--junitxml={ausgabe / 'junit.xml'}",
                 f"--cucumber-ndjson={ausgabe / 'cucumber.ndjson'}", f"--cucumberjson={ausgabe / 'cucumber.json'}",
                 f"--allure-ergebnisse={ausgabe / 'allure-ergebnisse'}"]
    if verlauf is not None:
        argumente.append(f"--verlauf={verlauf.resolve()}")
    try:
        code = subprocess.run(argumente, cwd=projekt).returncode
    finally:
        eingabe.unlink(missing_ok=True)
    if code not in (0, 1):
        print(f"Fehler: Die Wiedergabe endete mit Exit-Code {code}.", file=sys.stderr)
        return code
    if run.interrupted or any(r.status == FAILED for r in run.scenarios):
        return 1
    statuses = {r.status for r in run.scenarios}
    return 5 if SKIPPED in statuses and PASSED not in statuses else 0
