"""Classic Cucumber JSON (Xray, Jenkins' cucumber reports), derived from the Cucumber Messages by
the rules of cucumber/json-formatter: keywords with their trailing space, tags with "@" and line,
durations in nanoseconds, ``match.location`` always set, screenshots as base64 embeddings, log
attachments (the part of a split run) as the step's ``output``, hook steps (the failed "Szenario
vollständig ausgeführt" of a crashed or unfinished scenario) as ``after``. Cucumber JSON has no place
for the run's provenance; each scenario carries it as the ``output`` of a passed ``before`` hook
"Herkunft" (Jenkins' cucumber reports show it; Xray ignores hooks).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .cucumber import HERKUNFT, LOG


def _id(text: str) -> str:
    return text.lower().replace(" ", "-")


def _ast(dokumente: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any], dict[str, tuple[Any, Any]]]:
    szenarien: dict[str, Any] = {}
    schritte: dict[str, Any] = {}
    zeilen: dict[str, tuple[Any, Any]] = {}

    def laufen(kinder: list[dict[str, Any]]) -> None:
        for k in kinder:
            if "rule" in k:
                laufen(k["rule"]["children"])
            knoten = k.get("scenario") or k.get("background")
            if knoten:
                szenarien[knoten["id"]] = knoten
                schritte.update({s["id"]: s for s in knoten["steps"]})
                for ex in knoten.get("examples", []):
                    zeilen.update({r["id"]: (ex, r) for r in ex["tableBody"]})

    for d in dokumente.values():
        laufen(d["feature"]["children"])
    return szenarien, schritte, zeilen


def aus_nachrichten(umschlaege: list[dict[str, Any]]) -> list[dict[str, Any]]:
    art: dict[str, dict[str, Any]] = {k: {} for k in ("pickle", "testCase", "testCaseStarted", "stepDefinition",
                                                      "hook")}
    dokumente: dict[str, Any] = {}
    ergebnisse: dict[tuple[str, str], Any] = {}
    anhaenge: dict[tuple[str, str], list[Any]] = {}
    fertig: list[str] = []
    herkunft: list[str] = []
    for u in umschlaege:
        ((k, m),) = u.items()
        if k == "gherkinDocument" and "feature" in m:
            dokumente[m["uri"]] = m
        elif k in art:
            art[k][m["id"]] = m
        elif k == "testStepFinished":
            ergebnisse[(m["testCaseStartedId"], m["testStepId"])] = m["testStepResult"]
        elif k == "attachment" and m.get("testRunStartedId") and m.get("fileName") == HERKUNFT:
            herkunft = [f"{schluessel}: {wert}" for schluessel, wert in json.loads(m["body"]).items()]
        elif k == "attachment":
            anhaenge.setdefault((m.get("testCaseStartedId", ""), m.get("testStepId", "")), []).append(m)
        elif k == "testCaseFinished" and not m["willBeRetried"]:
            fertig.append(m["testCaseStartedId"])
    szenarien, schritte, zeilen = _ast(dokumente)
    features: dict[str, dict[str, Any]] = {}
    for tcs in fertig:
        tc = art["testCase"][art["testCaseStarted"][tcs]["testCaseId"]]
        p = art["pickle"][tc["pickleId"]]
        feat = dokumente[p["uri"]]["feature"]
        fid = _id(feat["name"])
        jf = features.setdefault(p["uri"], {
            "uri": p["uri"], "id": fid, "keyword": feat["keyword"], "name": feat["name"],
            "line": feat["location"]["line"], "description": feat.get("description", ""),
            "tags": [{"name": t["name"], "line": t["location"]["line"]} for t in feat.get("tags", [])],
            "elements": []})
        sz = szenarien[p["astNodeIds"][0]]
        eid, zeile = f"{fid};{_id(sz['name'])}", sz["location"]["line"]
        if len(p["astNodeIds"]) > 1:  # a row of a Szenariogrundriss
            ex, row = zeilen[p["astNodeIds"][1]]
            eid += f";{_id(ex.get('name', ''))};{ex['tableBody'].index(row) + 2}"
            zeile = row["location"]["line"]
        ps = {s["id"]: s for s in p["steps"]}
        jsteps, nachher = [], []
        for ts in tc["testSteps"]:
            if "hookId" in ts:
                r = ergebnisse.get((tcs, ts["id"]), {"status": "UNKNOWN", "duration": {"seconds": 0, "nanos": 0}})
                ref = art["hook"][ts["hookId"]]["sourceReference"]
                hook: dict[str, Any] = {"status": r["status"].lower(), "duration": 0}
                if r.get("message"):
                    hook["error_message"] = r["message"]
                nachher.append({"match": {"location": f"{ref.get('uri')}:{ref.get('location', {}).get('line', 0)}"},
                                "result": hook})
                continue
            if "pickleStepId" not in ts:
                continue
            schritt = ps[ts["pickleStepId"]]
            ast = schritte[schritt["astNodeIds"][0]]
            r = ergebnisse.get((tcs, ts["id"]), {"status": "UNKNOWN", "duration": {"seconds": 0, "nanos": 0}})
            sd = ts.get("stepDefinitionIds") or []
            if len(sd) == 1:
                ref = art["stepDefinition"][sd[0]]["sourceReference"]
                ort = f"{ref.get('uri')}:{ref.get('location', {}).get('line', 0)}"
            else:
                ort = f"{p['uri']}:{ast['location']['line']}"
            ergebnis: dict[str, Any] = {"status": r["status"].lower(),
                                        "duration": r["duration"]["seconds"] * 1_000_000_000 + r["duration"]["nanos"]}
            if r.get("message"):
                ergebnis["error_message"] = r["message"]
            js: dict[str, Any] = {"keyword": ast["keyword"], "name": schritt["text"], "line": ast["location"]["line"],
                                  "match": {"location": ort}, "result": ergebnis}
            bilder = [{"mime_type": a["mediaType"], "name": a.get("fileName", ""), "data": a["body"]}
                      for a in anhaenge.get((tcs, ts["id"]), []) if a["contentEncoding"] == "BASE64"]
            if bilder:
                js["embeddings"] = bilder
            ausgabe = [a["body"] for a in anhaenge.get((tcs, ts["id"]), []) if a["mediaType"] == LOG]
            if ausgabe:
                js["output"] = ausgabe
            jsteps.append(js)
        tag_zeilen = {t["id"]: t["location"]["line"] for t in [*sz.get("tags", []), *feat.get("tags", [])]}
        element: dict[str, Any] = {"id": eid, "keyword": sz["keyword"], "type": "scenario", "name": p["name"],
                                   "line": zeile, "description": sz.get("description", ""),
                                   "tags": [{"name": t["name"], "line": tag_zeilen.get(t["astNodeId"], zeile)}
                                            for t in p.get("tags", [])],
                                   "steps": jsteps}
        if herkunft:
            element["before"] = [{"match": {"location": "absprung/record/herkunft.py:1"},
                                  "result": {"status": "passed", "duration": 0}, "output": herkunft}]
        if nachher:
            element["after"] = nachher
        jf["elements"].append(element)
    return list(features.values())


def schreiben(umschlaege: list[dict[str, Any]], ziel: Path) -> None:
    ziel.parent.mkdir(parents=True, exist_ok=True)
    ziel.write_text(json.dumps(aus_nachrichten(umschlaege), ensure_ascii=False, indent=1), encoding="utf-8")
