"""The endpoint table of a fake's JSON API, and how a request becomes a model call.

A route only translates: it reads and validates the request (size, JSON, schema, parameters),
calls one handler under the fake's lock, and serializes the answer. Rules live in the models.
The same declarations yield the fake's ``/openapi.json`` (``fakes.common.openapi``).
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any, Callable, Mapping

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from .errors import ANFRAGE_ZU_GROSS, FELD_FEHLT, FELD_TYP, INHALT_KEIN_JSON, JSON_ZU_TIEF, UNGUELTIGES_JSON
from .schema import Schema
from .state import FakeState, locks_itself

MAX_BODY = 64 * 1024
MAX_DEPTH = 32  # nesting levels of a JSON body; the deepest documented payload needs 7


@dataclass(frozen=True)
class Param:
    name: str
    location: str = "query"  # query | header | path
    required: bool = False
    description: str = ""
    type: str = "string"


def seiten_parameter(standard: int) -> tuple[Param, Param]:
    """The query parameters of a list read page by page (``fakes.common.paging``)."""
    return (Param("seite", "query", False, "Seite, ab 1", type="integer"),
            Param("pro_seite", "query", False, f"Einträge je Seite (Standard {standard})", type="integer"))


@dataclass
class Call:
    """What a handler gets: validated body, path and query parameters, headers."""

    body: dict[str, Any]
    path: dict[str, str]
    query: dict[str, Any]
    headers: Mapping[str, str]


Handler = Callable[[Call], Any]


@dataclass(frozen=True)
class Endpoint:
    """One operation; the handler's name is the model operation it calls (and the OpenAPI id)."""

    method: str
    path: str
    handler: Handler
    summary: str
    body: Schema | None = None
    params: tuple[Param, ...] = ()
    tag: str = "api"
    response: str = "OK"
    status: int = 200  # of a successful answer (201 where something is created)
    # Who may call it over HTTP: raises a Refusal otherwise. A page's form does not pass here: the page
    # has checked its session already.
    auth: Handler | None = None

    @property
    def operation(self) -> str:
        return self.handler.__name__

    def locks_itself(self, state: FakeState) -> bool:
        """Does the model operation behind it call a neighbour (``sperrt_selbst``)? Read from the
        model, where the contract is declared – the handler carries the operation's name."""
        return locks_itself(getattr(state, self.operation, None))


def bearer_token(headers: Mapping[str, str], *, strip_quotes: bool = False) -> str:
    """The token of an ``Authorization: Bearer …`` header, or "" (the model refuses that).

    Thinksurance's examples write the token in quotes; that fake drops them."""
    value = headers.get("authorization", "")
    token = value[7:].strip() if value.lower().startswith("bearer ") else ""
    return token.strip('"') if strip_quotes else token


def basic_auth(headers: Mapping[str, str]) -> tuple[str, str] | None:
    """Name and password of an ``Authorization: Basic …`` header, None without a readable one."""
    value = headers.get("authorization", "")
    if not value.lower().startswith("basic "):
        return None
    try:
        name, sep, passwort = base64.b64decode(value[6:].strip(), validate=True).decode("utf-8").partition(":")
    except (ValueError, UnicodeDecodeError):
        return None
    return (name, passwort) if sep else None


def json_only(request: Request) -> None:
    """A body for the JSON API must say it is JSON: a web page of another site can send ``text/plain``
    (or a form) without asking first, but not ``application/json``."""
    art = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if art != "application/json" and not art.endswith("+json"):
        raise INHALT_KEIN_JSON.refuse(art=art or "keine Angabe")


async def read_body(request: Request) -> bytes:
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > MAX_BODY:
        raise ANFRAGE_ZU_GROSS.refuse(max=MAX_BODY)
    parts, n = [], 0
    async for part in request.stream():
        n += len(part)
        if n > MAX_BODY:
            raise ANFRAGE_ZU_GROSS.refuse(max=MAX_BODY)
        parts.append(part)
    return b"".join(parts)


def parse_json(raw: bytes, schema: Schema) -> dict[str, Any]:
    if not raw.strip():
        data: Any = {}
    else:
        try:
            data = json.loads(raw.decode("utf-8"), parse_constant=_no_constant)
        except RecursionError:
            raise JSON_ZU_TIEF.refuse(max=MAX_DEPTH) from None
        except ValueError:
            raise UNGUELTIGES_JSON.refuse() from None
        _check_structure(data)
    return schema.validate(data)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")  # NaN, Infinity: Python accepts them, JSON does not


def _check_structure(data: Any) -> None:
    """Refuse what json.loads lets through but no answer could echo: deep nesting, lone
    surrogates (``"\\ud800"`` cannot be encoded as UTF-8). Iterative, so depth cannot crash it."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise UNGUELTIGES_JSON.refuse() from None
        elif isinstance(value, (dict, list)):
            if depth > MAX_DEPTH:
                raise JSON_ZU_TIEF.refuse(max=MAX_DEPTH)
            children = [*value.keys(), *value.values()] if isinstance(value, dict) else value
            stack.extend((c, depth + 1) for c in children)


def _query(request: Request, endpoint: Endpoint) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for p in endpoint.params:
        if p.location != "query":
            continue
        raw = request.query_params.get(p.name)
        if raw is None or raw == "":
            if p.required:
                raise FELD_FEHLT.refuse(feld=p.name)
            continue
        if p.type == "integer":
            try:
                values[p.name] = int(raw)
            except ValueError:
                raise FELD_TYP.refuse(feld=p.name, typ="Ganzzahl") from None
        else:
            values[p.name] = raw
    return values


def route(endpoint: Endpoint, state: FakeState) -> Route:
    itself = endpoint.locks_itself(state)

    async def handle(request: Request) -> Response:
        body: dict[str, Any] = {}
        if endpoint.body is not None:
            raw = await read_body(request)
            if raw.strip():
                json_only(request)
            body = parse_json(raw, endpoint.body)
        call = Call(body=body, path=dict(request.path_params), query=_query(request, endpoint),
                    headers=request.headers)
        if endpoint.auth is not None:
            await in_model(state, endpoint.auth, call, itself=False)
        result = await in_model(state, endpoint.handler, call, itself=itself)
        if isinstance(result, Response):
            return result
        return JSONResponse(result, status_code=endpoint.status)

    return Route(endpoint.path, handle, methods=[endpoint.method])


def _locked(state: FakeState, function: Callable[..., Any], *args: Any) -> Any:
    with state.lock:
        return function(*args)


async def in_model(state: FakeState, function: Callable[..., Any], *args: Any, itself: bool | None = None) -> Any:
    """Run a model call under the fake's lock; an operation that calls a neighbour (``itself``,
    by default read from ``function``'s ``sperrt_selbst`` mark) runs in a thread and locks only
    around its own state."""
    if locks_itself(function) if itself is None else itself:
        return await run_in_threadpool(function, *args)  # it blocks on a neighbour: in a thread
    # Everything else is short and touches only this fake's state: run it right here. A thread hop
    # would cost more than the call (and every hop waits for the GIL).
    return _locked(state, function, *args)
