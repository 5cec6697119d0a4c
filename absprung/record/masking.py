"""The second net for secrets: every test report is masked before anyone reads it.

Secrets travel as ``basis.secret.Secret`` and print themselves as ``•••``; still, a value can
reach a message in plain text (a page that echoes it, a neighbour's error text). So the report's
failure representation – message, traceback lines, function arguments, locals – and its captured
output pass through ``basis.secret.mask`` before the terminal, the HTML report or the run record
see them: on success and on failure, under xdist in the worker that ran the test.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from basis.secret import mask


def mask_report(report: pytest.TestReport) -> None:
    longrepr = report.longrepr
    if isinstance(longrepr, tuple):  # a skip: (path, line, reason)
        report.longrepr = (longrepr[0], longrepr[1], mask(str(longrepr[2])))
    elif isinstance(longrepr, str):
        report.longrepr = mask(longrepr)
    elif longrepr is not None:
        _mask_tree(longrepr, set())
    report.sections = [(title, mask(content)) for title, content in report.sections]


def _mask_tree(node: Any, seen: set[int]) -> None:
    """pytest's representation of a failure is a tree of (data)classes holding strings."""
    if id(node) in seen:
        return
    seen.add(id(node))
    names = [f.name for f in dataclasses.fields(node)] if dataclasses.is_dataclass(node) else list(vars(node))
    for name in names:
        object.__setattr__(node, name, _masked(getattr(node, name), seen))


def _masked(value: Any, seen: set[int]) -> Any:
    if isinstance(value, str):
        return mask(value)
    if isinstance(value, list):
        return [_masked(v, seen) for v in value]
    if isinstance(value, tuple):
        return tuple(_masked(v, seen) for v in value)
    if hasattr(value, "__dict__") and type(value).__module__.startswith("_pytest"):
        _mask_tree(value, seen)
    return value
