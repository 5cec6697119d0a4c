"""Fuzzing and hand-made bad input against every endpoint of every fake.

Each fake's ``/openapi.json`` drives schemathesis in-process (ASGI, no sockets for the fake under
test). ams.5 reaches con:center over HTTP, so a set of real fakes runs per test process
(``fakes.server.Fakes``) for the neighbours; the fake under test is always a fresh app.

What must hold for every answer:
* never a status >= 500;
* every 4xx is JSON with "error"; our invented APIs add "code", Thinksurance answers exactly
  ``{"error": "..."}`` (documented shape) and carries the stable code in ``X-Fehlercode``;
* refused requests leave ``/_steuerung/zustand`` unchanged.

Run time is bounded on purpose (``make test`` runs this on every change). More examples:
``FUZZ_FAKTOR=10``; random instead of fixed seed: ``FUZZ_ZUFALL=1``. The direct tests of the
shared web layer's rules (code "alle") are in ``tests/fakes/common/``.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any, Iterator

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.configuration import set_hypothesis_home_dir
from starlette.applications import Starlette

from basis import demo, leitfaden
from fakes.common.endpoints import MAX_BODY, MAX_DEPTH
from fakes.common.errors import REGISTER
from fakes.server import Fakes
from tests.fakes.inprocess import PLATZHALTER, SYSTEME, AsgiClient, fake_app

# Hypothesis keeps caches under ./.hypothesis by default; keep the repository clean.
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / f"absprung-hypothesis-{os.getuid()}")

FAKTOR = max(1, int(os.environ.get("FUZZ_FAKTOR", "1")))
EINSTELLUNGEN = settings(
    deadline=None, database=None, derandomize=not os.environ.get("FUZZ_ZUFALL"),
    phases=(Phase.explicit, Phase.generate, Phase.shrink), print_blob=False,
    suppress_health_check=list(HealthCheck))
B, CC, ANNA = demo.BESTAND, demo.CONCENTER_BENUTZER, demo.MITARBEITER_EMAIL


SPEZ: dict[str, dict[str, Any]] = {s: fake_app(s, PLATZHALTER).state.openapi for s in SYSTEME}
OPERATIONEN = [pytest.param(s, m.upper(), p, id=f"{s} {m.upper()} {p}")
               for s in SYSTEME for p, ops in SPEZ[s]["paths"].items() for m in ops]


@pytest.fixture(scope="module")
def nachbarn() -> Iterator[dict[str, str]]:
    """Real fakes on free loopback ports, only as neighbours (ams.5 → con:center over HTTP)."""
    with Fakes() as fakes:
        yield fakes.urls


def _op(system: str, methode: str, pfad: str) -> dict[str, Any]:
    return SPEZ[system]["paths"][pfad][methode.lower()]


# --- known-good values, so generated requests also get past the "unknown id" checks -------------

def bekannte_werte(system: str, app: Starlette) -> dict[str, dict[str, str]]:
    z = app.state.model
    if system == "cloud":
        z.concenter_benutzer_hinterlegen(B, CC)
        t, klartext = z.token_hinzufuegen(B, zweck="TaaData", concenter_benutzer=CC)
        f = z.kundenfreischaltung_anlegen(B, name="Fuzz", kunden=["K-1001"], geteilt_mit=[ANNA],
                                          hauptfreischaltung=True)
        return {"path": {"bestand": B, "kunde": "K-1001", "token": t.id, "freischaltung": f.id,
                         "name": CC, "email": ANNA},
                "header": {"Authorization": f"Bearer {klartext}"},
                "query": {"cloud_benutzer": ANNA}}
    if system == "thinksurance":
        token, _ = z.token_anfordern(demo.TS_HASH, demo.TS_SECRET)
        return {"path": {"token": token},
                "header": {"Authorization": f"Bearer {token}", "X-Account-Token": demo.TS_ATOKEN,
                           "X-Broker-Token": demo.TS_BTOKEN},
                "query": {}}
    if system == "concenter":
        return {"path": {"benutzer": CC, "produktgeber": leitfaden.PRODUKTGEBER}, "header": {}, "query": {}}
    z.benutzer[demo.AMS_KUERZEL].produktfreischaltungen = [leitfaden.PRODUKT]
    return {"path": {"kuerzel": demo.AMS_KUERZEL, "kunde": "K-1001"}, "header": {}, "query": {}}


# Valid bodies for the main flows, so the fuzzer also walks the success paths (incl. ams.5 → con:center
# over HTTP) next to its generated ones.
GUELTIGE_KOERPER: dict[tuple[str, str, str], dict[str, Any]] = {
    ("ams", "POST", "/api/benutzer/{kuerzel}/kunden/{kunde}/digipro"): {"produkt": leitfaden.PRODUKT},
    ("concenter", "POST", "/api/starts"): {"benutzer": CC, "passwort": demo.CONCENTER_PASSWORT,
                                           "produkt": leitfaden.PRODUKT, "kunde": "K-1001", "email": ANNA},
    ("concenter", "POST", "/api/produktfreischaltungen"): {"benutzer": CC, "passwort": demo.CONCENTER_PASSWORT},
    ("cloud", "POST", "/api/bestaende/{bestand}/tokens"): {"zweck": "TaaData", "concenter_benutzer": CC},
    ("thinksurance", "POST", "/api/ipn/tokens"): {"hash": demo.TS_HASH, "secret": demo.TS_SECRET},
    ("thinksurance", "POST", "/api/ipn/brokers/forward"): {
        "type": 1, "bExternalId": ANNA, "bEmail": ANNA, "cExternalId": "K-1001", "cCompany": "Müller & Söhne",
        "qasCustProfile": {"source": "crm", "categories": [{"id": "default", "questions": [
            {"id": "umsatz", "answers": ["245000000"]}]}]}},
}


def _fuer_operation(werte: dict[str, dict[str, str]], op: dict[str, Any]) -> dict[str, Any]:
    namen = {(p["in"], p["name"]) for p in op.get("parameters", [])}
    auswahl = {ort: {k: v for k, v in werte[ort].items() if (ort, k) in namen}
               for ort in ("path", "header", "query")}
    kw: dict[str, Any] = {}
    if auswahl["path"]:
        kw["path_parameters"] = auswahl["path"]
    if auswahl["header"]:
        kw["headers"] = auswahl["header"]
    if auswahl["query"]:
        kw["query"] = auswahl["query"]
    return kw


# --- checks on every answer ----------------------------------------------------------------------

def _kopf(headers: Any, name: str) -> str | None:
    wert = headers.get(name.lower()) if isinstance(headers, dict) else headers.get(name)
    if isinstance(wert, list):
        return wert[0] if wert else None
    return wert


def fehlerkoerper_pruefen(system: str, status: int, headers: Any, inhalt: bytes, wo: str) -> dict[str, Any]:
    """A 4xx must be a JSON error in the shape of its system; returns the body."""
    assert 400 <= status < 500, f"{wo}: Status {status} statt 4xx: {inhalt[:300]!r}"
    typ = _kopf(headers, "content-type") or ""
    assert typ.startswith("application/json"), f"{wo}: Fehler ist kein JSON ({typ}): {inhalt[:300]!r}"
    koerper = json.loads(inhalt)
    code = _kopf(headers, "x-fehlercode")
    assert isinstance(koerper, dict) and isinstance(koerper.get("error"), str) and koerper["error"], \
        f"{wo}: Fehlerkörper ohne „error“: {koerper!r}"
    if system == "thinksurance":
        assert set(koerper) == {"error"}, f"{wo}: Thinksurance antwortet nur mit {{\"error\"}}: {koerper!r}"
        assert code, f"{wo}: Thinksurance-Fehler ohne Kopfzeile X-Fehlercode"
    else:
        assert isinstance(koerper.get("code"), str) and koerper["code"], f"{wo}: Fehler ohne „code“: {koerper!r}"
        assert code == koerper["code"], f"{wo}: X-Fehlercode {code!r} ≠ code {koerper['code']!r}"
    assert (code or "") in REGISTER, f"{wo}: unbekannter Fehlercode {code!r}"
    return koerper


def _antwort_pruefen(system: str, case: Any, antwort: Any) -> None:
    if antwort.status_code < 400:
        return
    wo = f"{case.method} {case.formatted_path}"
    try:
        fehlerkoerper_pruefen(system, antwort.status_code, antwort.headers, antwort.content, wo)
    except AssertionError as f:
        raise AssertionError(f"{f}\nNachstellen:\n    {case.as_curl_command()}") from None


# --- the fuzz test ---------------------------------------------------------------------------------

_SCHEMATA: dict[str, Any] = {}


def _schema(system: str) -> Any:
    import schemathesis

    if system not in _SCHEMATA:  # read-only per process; every test gets its own app
        _SCHEMATA[system] = schemathesis.openapi.from_dict(SPEZ[system])
    return _SCHEMATA[system]


def _beispiele(pfad: str, basis: int) -> int:
    # The control API is the same code in all four fakes: fewer examples there.
    return FAKTOR * (max(2, basis // 3) if pfad.startswith("/_steuerung") else basis)


@pytest.mark.parametrize(("system", "methode", "pfad"), OPERATIONEN)
def test_fuzz(system: str, methode: str, pfad: str, nachbarn: dict[str, str]) -> None:
    from hypothesis import strategies as st
    from schemathesis import GenerationMode

    app = fake_app(system, nachbarn)
    op_spec = _op(system, methode, pfad)
    kw = _fuer_operation(bekannte_werte(system, app), op_spec)
    operation = _schema(system)[pfad][methode]

    def laufen(strategie: Any, beispiele: int) -> None:
        @settings(EINSTELLUNGEN, max_examples=beispiele)
        @given(case=strategie)
        def lauf(case: Any) -> None:
            _antwort_pruefen(system, case, case.call(app=app))

        lauf()

    # Most useful first: Hypothesis favours the first alternative of one_of.
    strategien = [operation.as_strategy(**kw), operation.as_strategy()] if kw else [operation.as_strategy()]
    if (system, methode, pfad) in GUELTIGE_KOERPER:
        strategien.insert(0, operation.as_strategy(**kw, body=GUELTIGE_KOERPER[system, methode, pfad]))
    positiv = st.one_of(*strategien)
    laufen(positiv, _beispiele(pfad, 6))
    # Negative: schema violations in body and query; path and credentials stay known-good.
    negierbar = "requestBody" in op_spec or any(p["in"] == "query" for p in op_spec.get("parameters", []))
    if negierbar:
        kw.pop("query", None)
        laufen(operation.as_strategy(generation_mode=GenerationMode.NEGATIVE, **kw), _beispiele(pfad, 4))


# --- hand-made bad input -----------------------------------------------------------------------------

def _gueltiger_wert(s: dict[str, Any]) -> Any:
    if "enum" in s:
        return s["enum"][0]
    return {"string": "x", "integer": 1, "boolean": True, "array": [], "object": {}}[s.get("type", "string")]


def _falscher_wert(s: dict[str, Any]) -> Any:
    return {"string": 123, "integer": "1", "boolean": "ja", "array": "x", "object": []}[s.get("type", "string")]


def _body_schema(op: dict[str, Any]) -> dict[str, Any] | None:
    body = op.get("requestBody")
    return body["content"]["application/json"]["schema"] if body else None


def _minimal(schema: dict[str, Any]) -> dict[str, Any]:
    return {n: _gueltiger_wert(schema["properties"][n]) for n in schema.get("required", [])}


def schlechte_anfragen(op: dict[str, Any], pfad: str, methode: str) -> Iterator[tuple[str, dict[str, Any], str | None]]:
    """(label, request kwargs for AsgiClient.request, expected code or None) per bad input."""
    url = pfad.replace("{", "").replace("}", "")  # unknown ids: the parameter's own name
    schema = _body_schema(op)
    if schema is not None:
        json_kopf = {"content-type": "application/json"}
        for label, roh, code in [
            ("kaputtes JSON", b'{"a": ', "UNGUELTIGES_JSON"),
            ("kein UTF-8", b'{"a": "\xff"}', "UNGUELTIGES_JSON"),
            ("Liste statt Objekt", b"[]", "UNGUELTIGES_JSON"),
            ("Text statt Objekt", b'"x"', "UNGUELTIGES_JSON"),
            ("Zahl statt Objekt", b"42", "UNGUELTIGES_JSON"),
            ("null statt Objekt", b"null", "UNGUELTIGES_JSON"),
            ("NaN", b'{"x": NaN}', "UNGUELTIGES_JSON"),
            ("einzelnes Surrogat", b'{"\\ud800": "\\udfff"}', "UNGUELTIGES_JSON"),
            ("tief verschachtelt", b"[" * 30_000 + b"]" * 30_000, "JSON_ZU_TIEF"),
            ("mäßig tief verschachtelt", b'{"a": ' * (MAX_DEPTH + 5) + b"1" + b"}" * (MAX_DEPTH + 5),
             "JSON_ZU_TIEF"),
            ("zu groß", b'{"x": "' + b"a" * MAX_BODY + b'"}', "ANFRAGE_ZU_GROSS"),
        ]:
            yield label, {"content": roh, "headers": json_kopf}, code
        yield ("zu groß ohne Content-Length",
               {"content": iter([b'{"x": "', b"a" * MAX_BODY, b'"}']), "headers": json_kopf},
               "ANFRAGE_ZU_GROSS")
        felder = schema["properties"]
        minimal = _minimal(schema)
        if schema.get("required"):
            yield "Pflichtfelder fehlen", {"json": {}}, "FELD_FEHLT"
        for name, s in felder.items():
            yield f"{name}: falscher Typ", {"json": {**minimal, name: _falscher_wert(s)}}, "FELD_TYP"
        # Range, length and blank checks are one code path: the first field of each kind suffices.
        zahl = next((n for n, s in felder.items() if s.get("type") == "integer" and "enum" not in s), None)
        if zahl:
            yield f"{zahl}: riesige Zahl", {"json": {**minimal, zahl: 10**40}}, "FELD_BEREICH"
        wort = next((n for n, s in felder.items() if s.get("type") == "string" and "enum" not in s), None)
        if wort:
            zu_lang = "ä" * (felder[wort]["maxLength"] + 1)
            yield f"{wort}: zu lang", {"json": {**minimal, wort: zu_lang}}, "FELD_ZU_LANG"
        leer = next((n for n, s in felder.items() if s.get("minLength") and "enum" not in s), None)
        if leer:
            yield f"{leer}: nur Leerzeichen", {"json": {**minimal, leer: "   "}}, "FELD_LEER"
        if not schema.get("additionalProperties"):
            yield "unbekanntes Feld", {"json": {**minimal, "gibtsNicht": 1}}, "FELD_UNBEKANNT"
        for name in (n for n in felder if n in ZUGANGSFELDER):
            yield f"{name}: Umlaute und Euro", {"json": {**minimal, name: "geheim-äöü€"}}, None
        if "{" in pfad:
            yield "unbekannte Kennung", {"json": minimal, "_url": url}, None
    elif "{" in pfad:
        yield "unbekannte Kennung", {"_url": url}, None
    for p in op.get("parameters", []):
        if p["in"] == "header":  # raw bytes beyond ASCII in a credential header
            for label, roh in (("Rohbytes", b"\xc3\xa4\xff\x80"), ("UTF-8", "Bearer ä€".encode())):
                yield (f"{p['name']}: {label}", {"headers": {p["name"]: roh.decode("latin-1")},
                                                  **({"json": _minimal(schema)} if schema else {})}, None)
        if p["in"] == "query" and p.get("required"):
            yield f"Parameter {p['name']} fehlt", {"_ohne_query": True}, "FELD_FEHLT"
        if p["in"] == "query" and p["schema"].get("type") == "integer":
            yield f"Parameter {p['name']} keine Zahl", {"params": {p["name"]: "zwölf"}}, "FELD_TYP"
        if p["in"] == "header" and p["name"] == "Authorization":
            yield "ohne Authorization", {"_ohne_auth": True, **({"json": _minimal(schema)} if schema else {})}, None


ZUGANGSFELDER = {"passwort", "secret", "hash", "token", "aToken", "bToken"}


def _falsche_methoden(spec: dict[str, Any], url: str) -> list[str]:
    """Methods no route takes for this concrete URL (another template may match it, e.g.
    ``DELETE …/benutzer/{email}`` for ``…/benutzer/rolle``)."""
    erlaubt = {m.upper() for vorlage, ops in spec["paths"].items()
               if re.fullmatch(re.sub(r"\\{[^}]+\\}", "[^/]+", re.escape(vorlage)), url) for m in ops}
    if "GET" in erlaubt:
        erlaubt.add("HEAD")
    return sorted({"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"} - erlaubt)


def _zustand(client: AsgiClient) -> Any:
    antwort = client.get("/_steuerung/zustand")
    assert antwort.status_code == 200
    return antwort.json()


@pytest.mark.parametrize(("system", "methode", "pfad"), OPERATIONEN)
def test_schlechte_eingaben(system: str, methode: str, pfad: str, nachbarn: dict[str, str]) -> None:
    app = fake_app(system, nachbarn)
    werte = bekannte_werte(system, app)
    op = _op(system, methode, pfad)
    gueltig_url = pfad.format(**werte["path"]) if "{" in pfad else pfad
    with AsgiClient(app) as client:
        vorher = _zustand(client)
        probleme: list[str] = []

        def pruefen(label: str, m: str, kw: dict[str, Any], code: str | None) -> None:
            kw = dict(kw)
            url = kw.pop("_url", gueltig_url)
            kw["headers"] = {**({} if kw.pop("_ohne_auth", False) else werte["header"]), **kw.get("headers", {})}
            kw["params"] = {} if kw.pop("_ohne_query", False) else {**werte["query"], **kw.get("params", {})}
            wo = f"{m} {url} [{label}]"
            try:
                antwort = client.request(m, url, **kw)
                fehlerkoerper_pruefen(system, antwort.status_code, antwort.headers, antwort.content, wo)
                erhalten = antwort.headers.get("x-fehlercode")
                if code is not None:
                    assert erhalten == code, f"{wo}: Code {erhalten!r} statt {code!r}"
            except AssertionError as f:
                probleme.append(str(f))
            except Exception as f:  # a server error escaping the app (in-process, so no 500 page)
                probleme.append(f"{wo}: Serverfehler {type(f).__name__}: {f}")

        for label, kw, code in schlechte_anfragen(op, pfad, methode):
            pruefen(label, methode, kw, code)
        for m in _falsche_methoden(SPEZ[system], gueltig_url):
            pruefen(f"Methode {m}", m, {}, "METHODE_FALSCH")
        nachher = _zustand(client)
    assert not probleme, "\n".join(probleme)
    assert nachher == vorher, "abgelehnte Anfragen haben den Zustand verändert"


def test_jede_operation_wird_gefuzzt() -> None:
    """Guards the parametrization: every documented operation of every fake is in the list."""
    gesehen = {(s, m, p) for s, m, p in (x.values for x in OPERATIONEN)}
    for s in SYSTEME:
        ops = {(s, m.upper(), p) for p, x in SPEZ[s]["paths"].items() for m in x}
        assert ops and ops <= gesehen
    assert len(OPERATIONEN) >= 50


UI_SEITEN = {
    "cloud": ["/", f"/drive/{B}", "/drive/X", f"/drive/{B}/allgemein/concenter", f"/drive/{B}/api",
              f"/drive/{B}/freischaltungen", f"/drive/{B}/mitarbeiterzugriff"],
    "concenter": ["/", "/einstellungen/produktgeber", "/einstellungen/produktgeber/Thinksurance",
                  "/start/unbekannt", "/protokoll"],
    "ams": ["/", "/kunden", "/kunden/K-1001", "/kunden/X", "/kunden/K-1001/digipro",
            "/organisation/benutzer", f"/organisation/benutzer/{demo.AMS_KUERZEL}", "/organisation/benutzer/X"],
    "thinksurance": ["/", "/switch/unbekannt", "/gewerbeplattform", "/gewerbeplattform/kunden/X"],
}


def _anmelden(client: AsgiClient, system: str) -> str:
    """A real, signed session cookie, so the fuzzing reaches the pages behind the login."""
    if system == "ams":
        antwort = client.post("/", data={"kuerzel": demo.AMS_KUERZEL})
    elif system == "concenter":
        antwort = client.post("/", data={"benutzer": CC, "passwort": demo.CONCENTER_PASSWORT})
    else:
        return ""
    return antwort.headers["set-cookie"].split(";")[0]


@pytest.mark.parametrize("system", SYSTEME)
def test_oberflaechen_ohne_serverfehler(system: str, nachbarn: dict[str, str]) -> None:
    """The HTML pages are not in the OpenAPI; garbage forms must still never give a 5xx."""
    app = fake_app(system, nachbarn)
    formulare: list[dict[str, str]] = [
        {}, {"benutzer": "x" * 5000, "passwort": "\u0000", "email": "a b;", "kuerzel": "XY", "weiter": "//böse"},
        {"name": "", "kunden": "K-1001,,;K-9", "geteilt_mit": "niemand@x.de", "art": "kunde",
         "produkt": "gibts nicht", "haupt_email": "kaputt", "aktion": "aktualisieren"},
        {"art": "vermittler", "name": "V" * 300, "vermittler": "VM-99", "sachbearbeiter": "",
         "zweck": "Foo", "concenter_benutzer": "x", "maklerextranet": "on", "cloud_benutzer": "kein at",
         "freischaltung": "F-1", "collaboration_api_token": " ", "btoken": "\t"}]
    rohe = [(b"\xff\xfe--x", "multipart/form-data; boundary=x"), (b"a=%ZZ&&=", "application/x-www-form-urlencoded"),
            (b"a" * (MAX_BODY + 1), "application/x-www-form-urlencoded"), (b'{"json": 1}', "application/json")]
    formulare += [{"benutzer": "Müller€", "passwort": "Passwört", "kuerzel": "ÄÖ", "name": "Bäckerei €",
                   "email": "ä@ö.de", "haupt_email": "€@x.de", "btoken": "bä€", "collaboration_api_token": "ä" * 600,
                   "btoken_entfernen": "on", "cloud_konto": B, "rolle": "Gäst"}]
    anfragen = [("GET", {})] + [("POST", {"data": f}) for f in formulare] + \
        [("POST", {"content": roh, "headers": {"content-type": typ}}) for roh, typ in rohe] + \
        [("POST", {"data": formulare[1], "headers": {"x-rohe-bytes": "\xc3\xa4\xff", "referer": "\xff\xfe"}})]
    probleme = []
    with AsgiClient(app) as client:
        sitzung = f"{_anmelden(client, system)}; ts_sitzung=erfunden; cc_benutzer=gefaelscht.0"
        for seite in UI_SEITEN[system]:
            for cookie in ("", sitzung):
                for m, kw in anfragen:
                    kopf = {"accept": "text/html", "cookie": cookie, **kw.get("headers", {})}
                    try:
                        antwort = client.request(m, seite, headers=kopf, data=kw.get("data"),
                                                 content=kw.get("content"))
                    except Exception as f:
                        probleme.append(f"{m} {seite} {kw!r:.80}: Serverfehler {type(f).__name__}: {f}")
                        continue
                    if antwort.status_code >= 500:
                        probleme.append(f"{m} {seite} {kw!r:.80}: {antwort.status_code}")
    assert not probleme, "\n".join(probleme)
