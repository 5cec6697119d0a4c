"""pytest plugin: replays a finished run record (``--wiedergabe lauf.json``) instead of running scenarios.

Used by ``python -m absprung zusammenfuehren`` for a merged split run: every scenario of the record
becomes an item with its original node id that ends as it ended then – passed, failed with its
German reason, skipped with its reason – with its duration, steps and screenshots. pytest itself,
pytest-html and the record plugin then write the report, JUnit XML, Cucumber, Allure and the history
exactly as for a run that was not split; the record written is the merged one (``REPLAYED``).
Scenarios the record lists as never run make no item, as in the interrupted run they come from.
"""

from __future__ import annotations

import json
from copy import deepcopy
from pathlib import Path
from typing import Any, Generator

import pytest

from ..errors import AbsprungError
from .model import FAILED, NOT_RUN, SKIPPED, Run, ScenarioRecord
from .plugin import PNGS, RECORD, REPLAYED


class Nachlauf(AbsprungError):
    """The replayed failure of a scenario (its German reason)."""


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.getgroup("absprung").addoption("--wiedergabe", default=None, metavar="LAUF_JSON",
                                          help="einen fertigen Lauf (lauf.json) wiedergeben statt Szenarien "
                                               "auszuführen (für python -m absprung zusammenfuehren)")


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    pfad = config.getoption("--wiedergabe", None)
    if pfad:
        try:
            config.stash[REPLAYED] = Run.from_json(json.loads(Path(pfad).read_text(encoding="utf-8")))
        except (OSError, ValueError) as f:
            raise pytest.UsageError(f"--wiedergabe {pfad}: kein lesbares Laufprotokoll ({f}).") from None


@pytest.hookimpl(tryfirst=True)
def pytest_collection(session: pytest.Session) -> bool | None:
    run = session.config.stash.get(REPLAYED, None)
    if run is None:
        return None
    bilder = Path(str(session.config.getoption("--bilder"))).parent
    items: list[pytest.Item] = [Szenario.from_parent(session, name=r.nodeid.rsplit("::", 1)[-1], nodeid=r.nodeid,
                                                     record=r, bilder=bilder)
                                for r in run.scenarios if r.status != NOT_RUN]
    session.items = items
    session.testscollected = len(items)
    hook = session.config.hook
    hook.pytest_collection_modifyitems(session=session, config=session.config, items=items)
    hook.pytest_collection_finish(session=session)
    return True


class Szenario(pytest.Item):
    def __init__(self, *, record: ScenarioRecord, bilder: Path, **kw: Any) -> None:
        super().__init__(**kw)
        self.record = record
        self.stash[RECORD] = deepcopy(record)  # the record plugin puts it on the reports
        pngs = [(p.name, (bilder / p.path).read_bytes()) for s in record.steps for p in s.pictures
                if (bilder / p.path).is_file()]
        if pngs:
            self.stash[PNGS] = pngs

    def runtest(self) -> None:
        if self.record.status == FAILED:
            raise Nachlauf(self.record.message or "fehlgeschlagen")
        if self.record.status == SKIPPED:
            pytest.skip(self.record.message or "übersprungen")

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, Nachlauf):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int, str]:
        return Path(self.record.file), max(self.record.line - 1, 0), f"{self.record.feature} › {self.record.titel}"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]
                              ) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    if isinstance(item, Szenario):  # as long as it took then
        report.duration = item.record.duration_s if report.when == "call" else 0.0
    return report
