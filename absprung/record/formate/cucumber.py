"""Cucumber Messages (NDJSON) from the run record: what Cucumber's own tools read.

Built with the official packages: ``gherkin-official`` makes the sources, Gherkin documents and
pickles (one id generator for all files), ``cucumber-messages`` the rest as its dataclasses,
serialized by its converter. A record is matched to its pickle by file and scenario name (pytest-bdd
fills an outline's placeholders as the pickle does), then by file and line; a Szenariogrundriss row by
its position among the outline's pickles; steps by position. A pickle takes the record's ``titel``, so
every example has a name of its own. Where the results came from (``herkunft``) is an attachment of
the test run (``herkunft.json``) and, in CI, ``meta.ci``.
Screenshots become attachments of the step that took them. Scenarios the run did not execute
stay pickles without a test case – unless the run was interrupted: then they, and a scenario whose
process died, get a test case whose after-hook "Szenario vollständig ausgeführt" failed with the
reason, so no tool shows an incomplete run green; ``testRunFinished`` then fails and says why.
"""

from __future__ import annotations

import base64
import importlib.metadata
import json
import platform
import types
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Iterator

import cucumber_messages as cm
from cucumber_messages import message_converter

from .. import herkunft
from ..model import FAILED, NOT_RUN, PASSED, SKIPPED, UNDEFINED, Run, ScenarioRecord

S = cm.TestStepResultStatus
STATUS = {PASSED: S.passed, FAILED: S.failed, SKIPPED: S.skipped, NOT_RUN: S.skipped, UNDEFINED: S.undefined}
GHERKIN = "text/x.cucumber.gherkin+plain"
LOG = "text/x.cucumber.log+plain"
HERKUNFT = "herkunft.json"  # the run-level attachment saying where the results came from
# The hook that fails where a scenario did not run to its end (crashed, or the run was interrupted).
ABLAUF = cm.Hook(id="hook-ablauf", source_reference=cm.SourceReference(uri="absprung/record/plugin.py",
                                                                       location=cm.Location(line=1)),
                 name="Szenario vollständig ausgeführt", type=cm.HookType.after_test_case)


@dataclass
class Lauf:
    """What the formats are made from: the run record, the features, where the pictures are."""

    run: Run
    root: Path  # the record's file paths are relative to it
    bilder_basis: Path  # folder the record's picture paths are relative to

    @property
    def features(self) -> list[Path]:
        """The feature files of the run (each once), so the pickles are those pytest-bdd ran."""
        return [self.root / f for f in sorted({r.file for r in self.run.scenarios}) if (self.root / f).is_file()]


def _zeit(ns: int) -> cm.Timestamp:
    return cm.Timestamp(seconds=ns // 1_000_000_000, nanos=ns % 1_000_000_000)


def _dauer(sekunden: float) -> cm.Duration:
    ns = max(0, round(sekunden * 1_000_000_000))
    return cm.Duration(seconds=ns // 1_000_000_000, nanos=ns % 1_000_000_000)


def _gherkin(lauf: Lauf) -> list[cm.Envelope]:
    from gherkin.stream.gherkin_events import GherkinEvents

    events = GherkinEvents(types.SimpleNamespace(print_source=True, print_ast=True, print_pickles=True))  # type: ignore[arg-type]  # gherkin 29 has no Options class
    umschlaege = []
    for path in lauf.features:
        try:
            uri = path.resolve().relative_to(lauf.root.resolve()).as_posix()
        except ValueError:
            uri = path.name
        quelle = {"source": {"uri": uri, "data": path.read_text(encoding="utf-8"), "mediaType": GHERKIN}}
        umschlaege += [message_converter.from_dict(ev, cm.Envelope) for ev in events.enum(quelle)]  # type: ignore[arg-type]  # Event is a TypedDict of the same shape
    return umschlaege


def _zuordnen(pickles: list[cm.Pickle], zeilen: dict[str, int],
              records: list[ScenarioRecord]) -> list[tuple[ScenarioRecord, cm.Pickle]]:
    frei = list(pickles)
    reihen: dict[str, list[cm.Pickle]] = {}  # the pickles of each Szenariogrundriss, row by row
    for p in pickles:
        if len(p.ast_node_ids) > 1:
            reihen.setdefault(p.ast_node_ids[0], []).append(p)
    paare = []
    for r in records:
        p = None
        if r.example_index:
            p = next((rs[r.example_index - 1] for knoten, rs in reihen.items()
                      if rs[0].uri == r.file and zeilen.get(knoten) == r.line and r.example_index <= len(rs)
                      and rs[r.example_index - 1] in frei), None)
        p = p or next((p for p in frei if p.uri == r.file and p.name == r.scenario), None) or next(
            (p for p in frei if p.uri == r.file and zeilen.get(p.ast_node_ids[0]) == r.line), None)
        if p is not None:
            frei.remove(p)
            paare.append((r, p))
    return paare


def _meta(run: Run) -> cm.Meta:
    ci = run.herkunft.ci
    return cm.Meta(protocol_version=importlib.metadata.version("cucumber-messages"),
                   implementation=cm.Product("absprung-leitfaden", "0.1"),
                   runtime=cm.Product("CPython", platform.python_version()),
                   os=cm.Product(platform.system(), platform.release()), cpu=cm.Product(platform.machine()),
                   ci=cm.Ci(name=ci["system"], url=ci.get("job"), build_number=ci.get("pipeline"),
                            git=cm.Git(remote="", revision=run.commit, branch=ci.get("zweig")))
                   if ci.get("system") else None)


def _herkunft(run: Run, zeit: cm.Timestamp) -> cm.Envelope:
    text = json.dumps({schluessel: wert for schluessel, _, wert in herkunft.eintraege(run)}, ensure_ascii=False,
                      indent=1)
    return cm.Envelope(attachment=cm.Attachment(
        body=text, media_type="application/json", content_encoding=cm.AttachmentContentEncoding.identity,
        file_name=HERKUNFT, test_run_started_id="run-1", timestamp=zeit))


def umschlaege(lauf: Lauf) -> Iterator[cm.Envelope]:
    """Every message of the run, in the order the formatters expect."""
    beginn = int(datetime.strptime(lauf.run.created, "%Y-%m-%d %H:%M:%S").timestamp() * 1e9) \
        if lauf.run.created else 0
    yield cm.Envelope(meta=_meta(lauf.run))
    gherkin = _gherkin(lauf)
    pickles = [e.pickle for e in gherkin if e.pickle is not None]
    zeilen = _szenario_zeilen([e.gherkin_document for e in gherkin if e.gherkin_document is not None])
    unvollstaendig = {r.nodeid for r in lauf.run.scenarios if r.crashed or (
        lauf.run.interrupted and r.status == NOT_RUN)}
    paare = _zuordnen(pickles, zeilen,
                      [r for r in lauf.run.scenarios if r.status != NOT_RUN or r.nodeid in unvollstaendig])
    for r, p in paare:
        p.name = r.titel
    yield from gherkin
    definitionen: dict[str, str] = {}
    for r, p in paare:
        for s, ps in zip(r.steps, p.steps, strict=False):
            if s.status != UNDEFINED and ps.text not in definitionen:
                definitionen[ps.text] = f"sd-{len(definitionen) + 1}"
    for text, sd in definitionen.items():
        yield cm.Envelope(step_definition=cm.StepDefinition(
            id=sd, pattern=cm.StepDefinitionPattern(source=text, type=cm.StepDefinitionPatternType.cucumber_expression),
            source_reference=cm.SourceReference(uri="steps/", location=cm.Location(line=1))))
    if unvollstaendig:
        yield cm.Envelope(hook=ABLAUF)
    yield cm.Envelope(test_run_started=cm.TestRunStarted(timestamp=_zeit(beginn), id="run-1"))
    faelle = []
    for i, (r, p) in enumerate(paare, 1):
        schritte = []
        for j, ps in enumerate(p.steps):
            undefiniert = j < len(r.steps) and r.steps[j].status == UNDEFINED
            ids = [] if undefiniert or ps.text not in definitionen else [definitionen[ps.text]]
            schritte.append(cm.TestStep(id=f"ts-{i}-{j}", pickle_step_id=ps.id, step_definition_ids=ids,
                                        step_match_arguments_lists=[] if not ids else
                                        [cm.StepMatchArgumentsList(step_match_arguments=[])]))
        if r.nodeid in unvollstaendig:
            schritte.append(cm.TestStep(id=f"ts-{i}-ablauf", hook_id=ABLAUF.id))
        faelle.append((r, p, cm.TestCase(id=f"tc-{i}", pickle_id=p.id, test_steps=schritte,
                                         test_run_started_id="run-1")))
    for _, _, tc in faelle:
        yield cm.Envelope(test_case=tc)
    jetzt = beginn
    for i, (r, _, tc) in enumerate(faelle, 1):
        tcs = f"tcs-{i}"
        yield cm.Envelope(test_case_started=cm.TestCaseStarted(id=tcs, test_case_id=tc.id, attempt=0,
                                                              timestamp=_zeit(jetzt)))
        for j, ts in enumerate(tc.test_steps):
            if ts.hook_id == ABLAUF.id:
                yield cm.Envelope(test_step_started=cm.TestStepStarted(test_case_started_id=tcs, test_step_id=ts.id,
                                                                      timestamp=_zeit(jetzt)))
                text = r.message if r.crashed and r.message else f"Nicht ausgeführt: {lauf.run.interrupted}"
                yield cm.Envelope(test_step_finished=cm.TestStepFinished(
                    test_case_started_id=tcs, test_step_id=ts.id, timestamp=_zeit(jetzt),
                    test_step_result=cm.TestStepResult(status=S.failed, duration=_dauer(0), message=text,
                                                       exception=cm.Exception(type="Abbruch", message=text))))
                continue
            schritt = r.steps[j] if j < len(r.steps) else None
            yield cm.Envelope(test_step_started=cm.TestStepStarted(test_case_started_id=tcs, test_step_id=ts.id,
                                                                  timestamp=_zeit(jetzt)))
            if j == 0 and r.part:  # which part of a split run ran it: a log line, as Cucumber logs
                yield cm.Envelope(attachment=cm.Attachment(
                    body=f"Teil {r.part}", media_type=LOG, content_encoding=cm.AttachmentContentEncoding.identity,
                    test_case_started_id=tcs, test_step_id=ts.id, timestamp=_zeit(jetzt)))
            for bild in (schritt.pictures if schritt is not None else []):
                datei = lauf.bilder_basis / bild.path
                if datei.is_file():
                    yield cm.Envelope(attachment=cm.Attachment(
                        body=base64.b64encode(datei.read_bytes()).decode("ascii"), media_type="image/png",
                        content_encoding=cm.AttachmentContentEncoding.base64,
                        file_name=f"{bild.name or datei.stem}.png",
                        test_case_started_id=tcs, test_step_id=ts.id, timestamp=_zeit(jetzt)))
            status, dauer = (schritt.status, schritt.duration_s) if schritt is not None else (NOT_RUN, 0.0)
            jetzt += round(dauer * 1e9)
            yield cm.Envelope(test_step_finished=cm.TestStepFinished(
                test_case_started_id=tcs, test_step_id=ts.id, timestamp=_zeit(jetzt),
                test_step_result=_ergebnis(r, status, dauer, schritt.error if schritt is not None else None)))
        yield cm.Envelope(test_case_finished=cm.TestCaseFinished(test_case_started_id=tcs, timestamp=_zeit(jetzt),
                                                                will_be_retried=False))
    yield _herkunft(lauf.run, _zeit(jetzt))  # after the test cases: a consumer meets every case first
    erfolg = all(r.status != FAILED for r in lauf.run.scenarios) and not lauf.run.interrupted
    yield cm.Envelope(test_run_finished=cm.TestRunFinished(success=erfolg, timestamp=_zeit(jetzt),
                                                           message=lauf.run.interrupted, test_run_started_id="run-1"))


def _ergebnis(r: ScenarioRecord, status: str, dauer: float, fehler: str | None) -> cm.TestStepResult:
    if status == NOT_RUN and (r.status in (SKIPPED, NOT_RUN) or r.crashed):
        status = SKIPPED  # did not run: the after-hook of a crashed or unfinished scenario carries the failure
    if status == FAILED:
        text = r.message or "fehlgeschlagen"
        # The HTML formatter shows only the stack trace when there is one: it carries the message.
        return cm.TestStepResult(status=S.failed, duration=_dauer(dauer), message=text,
                                 exception=cm.Exception(type="AssertionError", message=text, stack_trace=text))
    if status == UNDEFINED:
        return cm.TestStepResult(status=S.undefined, duration=_dauer(0), message=fehler)
    return cm.TestStepResult(status=STATUS.get(status, S.unknown), duration=_dauer(dauer))


def _szenario_zeilen(dokumente: list[cm.GherkinDocument]) -> dict[str, int]:
    """AST node id of every scenario -> its line (to match a record by line)."""
    zeilen: dict[str, int] = {}

    def laufen(kinder: list[Any]) -> None:
        for k in kinder:
            if getattr(k, "rule", None) is not None:
                laufen(k.rule.children)
            if getattr(k, "scenario", None) is not None:
                zeilen[k.scenario.id] = k.scenario.location.line

    for d in dokumente:
        if d.feature is not None:
            laufen(d.feature.children)
    return zeilen


def schreiben(lauf: Lauf, ziel: Path) -> list[dict[str, Any]]:
    """Writes the NDJSON file; returns the envelopes as dicts (for the other formats)."""
    daten = [message_converter.to_dict(e) for e in umschlaege(lauf)]
    ziel.parent.mkdir(parents=True, exist_ok=True)
    ziel.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in daten), encoding="utf-8")
    return daten
