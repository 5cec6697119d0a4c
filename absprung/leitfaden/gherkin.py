"""The features as the site sees them, parsed with gherkin-official; anchors that never change."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from absprung.aussagen import AUSSAGE
from absprung.slug import nfc, slug


@dataclass(frozen=True)
class Step:
    keyword: str
    text: str
    table: tuple[tuple[str, ...], ...] = ()
    docstring: str | None = None


@dataclass(frozen=True)
class Examples:
    name: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Scenario:
    file: str  # relative to the project root, "/"-separated (as in lauf.json "datei")
    feature: str
    name: str
    line: int
    tags: frozenset[str]
    description: str
    steps: tuple[Step, ...]
    examples: tuple[Examples, ...] = ()
    anchor: str = ""
    earlier: str = ""  # an earlier anchor of this scenario, kept as an alias

    @property
    def alias(self) -> str:
        """HTML for the earlier anchor, to put right after the heading ("" if there is none)."""
        return f'<span id="{self.earlier}"></span>' if self.earlier else ""

    @property
    def titel(self) -> str:
        """The name to show: an outline's <placeholders> filled with its example values."""
        werte: dict[str, list[str]] = defaultdict(list)
        for e in self.examples:
            for row in e.rows:
                for key, value in zip(e.header, row, strict=False):
                    if value not in werte[key]:
                        werte[key].append(value)
        return re.sub(r"<([^<>]+)>", lambda m: " oder ".join(werte.get(m[1]) or [m[0]]), self.name)

    @property
    def guide_ids(self) -> tuple[str, ...]:
        return tuple(sorted(t for t in self.tags if t in AUSSAGE))


@dataclass(frozen=True)
class Feature:
    file: str
    name: str
    description: str
    anchor: str
    scenarios: tuple[Scenario, ...]


def scenario_anchor(file: str, name: str) -> str:
    """Anchor from feature file and scenario name only, so it never changes with the status; an outline's
    <placeholders> are left out (they read like words: "…-zweck-zweck-hat")."""
    return f"{slug(Path(file).stem)}--{slug(re.sub(r'<[^<>]+>', '', name))}"


def earlier_anchor(file: str, name: str) -> str:
    """The anchor before placeholders were left out ("" where it is the same): kept as an alias, for links
    people already have."""
    frueher = f"{slug(Path(file).stem)}--{slug(name)}"
    return "" if frueher == scenario_anchor(file, name) else frueher


def parse_features(features_dir: Path, root: Path, warnings: list[str]) -> list[Feature]:
    """All features; a file that does not parse is skipped with a warning, so the site still builds."""
    from gherkin.errors import CompositeParserException, ParserException
    from gherkin.parser import Parser
    from gherkin.token_scanner import TokenScanner

    features = []
    for path in sorted(features_dir.rglob("*.feature")):
        try:
            document: Any = Parser().parse(TokenScanner(nfc(path.read_text(encoding="utf-8"))))
        except (CompositeParserException, ParserException, UnicodeDecodeError) as error:
            warnings.append(f"{path} ist kein gültiges Gherkin: {error}")
            continue
        if document.get("feature"):
            features.append(_feature(document["feature"], _relative(path, root)))
    return features


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.name


def _feature(node: dict[str, Any], file: str) -> Feature:
    scenarios = _scenarios(node["children"], file, node["name"], _tags(node), ())
    seen: dict[str, int] = defaultdict(int)
    unique = []
    for sc in scenarios:  # same name twice in one file: keep anchors unique
        seen[sc.anchor] += 1
        n = seen[sc.anchor]
        unique.append(sc if n == 1 else replace(sc, anchor=f"{sc.anchor}-{n}"))
    return Feature(file, node["name"], _text(node.get("description")), slug(Path(file).stem), tuple(unique))


def _scenarios(children: list[dict[str, Any]], file: str, feature: str, tags: frozenset[str],
               background: tuple[Step, ...]) -> list[Scenario]:
    result: list[Scenario] = []
    for child in children:
        if "background" in child:
            background = background + _steps(child["background"]["steps"])
        elif "rule" in child:
            rule = child["rule"]
            result += _scenarios(rule["children"], file, feature, tags | _tags(rule), background)
        elif "scenario" in child:
            result.append(_scenario(child["scenario"], file, feature, tags, background))
    return result


def _scenario(node: dict[str, Any], file: str, feature: str, tags: frozenset[str],
              background: tuple[Step, ...]) -> Scenario:
    examples = tuple(Examples(e.get("name", ""), _row(e["tableHeader"]) if e.get("tableHeader") else (),
                              tuple(_row(r) for r in e.get("tableBody", [])))
                     for e in node.get("examples", []))
    return Scenario(file=file, feature=feature, name=node["name"], line=node["location"]["line"],
                    tags=tags | _tags(node), description=_text(node.get("description")),
                    steps=background + _steps(node["steps"]), examples=examples,
                    anchor=scenario_anchor(file, node["name"]), earlier=earlier_anchor(file, node["name"]))


def _tags(node: dict[str, Any]) -> frozenset[str]:
    return frozenset(t["name"].lstrip("@") for t in node.get("tags", []))


def _steps(nodes: list[dict[str, Any]]) -> tuple[Step, ...]:
    return tuple(Step(n["keyword"].strip(), n["text"],
                      tuple(_row(r) for r in n.get("dataTable", {}).get("rows", [])),
                      n["docString"]["content"] if n.get("docString") else None) for n in nodes)


def _row(row: dict[str, Any]) -> tuple[str, ...]:
    return tuple(c["value"] for c in row["cells"])


def _text(description: str | None) -> str:
    return "\n".join(line.strip() for line in (description or "").splitlines()).strip()
