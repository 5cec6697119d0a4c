"""The fakes' web pages: Jinja2 templates, redirects, submitted forms, running a model action.

Templates are loaded on first use to keep start-up fast. Every absolute path a page shows or redirects
to starts with ``WURZEL``: empty for the fake's own world, ``/platz/<kennung>`` inside a training seat
(``fakes.common.plaetze``), so a seat's pages and cookies stay in the seat.
"""

from __future__ import annotations

from contextvars import ContextVar
from pathlib import Path
from typing import Any, Callable

import jinja2
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from .endpoints import Call, Endpoint, in_model, read_body
from .errors import Refusal
from .schema import Schema
from .sessions import Sessions
from .state import FakeState, locks_itself

COMMON_TEMPLATES = Path(__file__).parent / "templates"
# The path the current request's world lives under ("" = the fake's own world); set per request.
WURZEL: ContextVar[str] = ContextVar("wurzel", default="")


class Pages:
    """The templates of one fake (its own folder first, then the shared one)."""

    def __init__(self, folder: Path, system: str, title: str, **shared: Any) -> None:
        """``shared``: values every template of this fake sees (e.g. the platform's labels)."""
        self.folder, self.system, self.title, self.shared = folder, system, title, shared
        self._environment: jinja2.Environment | None = None

    def environment(self) -> jinja2.Environment:
        if self._environment is None:
            self._environment = jinja2.Environment(
                loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(self.folder),
                                            jinja2.FileSystemLoader(COMMON_TEMPLATES)]),
                autoescape=True, trim_blocks=True, lstrip_blocks=True)
            self._environment.globals.update(self.shared)
        return self._environment

    def html(self, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        template = self.environment().get_template(name)
        context.setdefault("eingabe", {})  # what was entered, shown again after a refusal
        return HTMLResponse(template.render(system=self.system, system_titel=self.title, wurzel=WURZEL.get(),
                                            **context),
                            status_code=status)


def redirect(url: str) -> RedirectResponse:
    """To an address, or to a path of this world (``/…``, in a seat below the seat's root)."""
    if url.startswith("/") and not url.startswith("//"):
        url = WURZEL.get() + url
    return RedirectResponse(url, status_code=303)


def session_cookie(request: Request, name: str) -> str | None:
    """The session cookie ``name`` of this world. A browser signed in both in the fakes' own world and in a
    seat sends both cookies, the seat's (the longer path) first (RFC 6265); Starlette would keep the last."""
    for teil in request.headers.get("cookie", "").split(";"):
        schluessel, _, wert = teil.strip().partition("=")
        if schluessel == name:
            return wert
    return None


def set_session_cookie(antwort: Response, name: str, wert: str) -> None:
    """A session cookie valid in this world only (a seat's cookie is not sent to another seat)."""
    antwort.set_cookie(name, wert, httponly=True, samesite="lax", path=WURZEL.get() or "/")


class Form:
    """A submitted HTML form; missing fields read as empty text, never as an error."""

    def __init__(self, data: FormData | dict[str, Any]) -> None:
        self._data = data

    @classmethod
    async def read(cls, request: Request) -> Form:
        """The same size limit as the JSON API: a larger body is refused (413), never read."""
        request._body = await read_body(request)  # noqa: SLF001 - Starlette then parses these bytes
        try:
            return cls(await request.form())
        except Exception:  # malformed multipart etc.: treat as empty form, the rule will refuse
            return cls({})

    def werte(self) -> dict[str, str]:
        """What was entered, to show it again after a refusal (secret fields are never shown)."""
        return {k: v.strip() for k, v in self._data.items() if isinstance(v, str)}

    def nach_schema(self, schema: Schema) -> dict[str, Any]:
        """The form as the JSON API would receive it, typed by the same schema: text fields as
        text (an empty optional one left out), checkboxes as booleans, lists from comma lists."""
        daten: dict[str, Any] = {}
        for name, f in schema.fields.items():
            if f.type == "boolean":
                daten[name] = self.checked(name)
            elif f.type == "array":
                if self.list(name) or f.required:
                    daten[name] = self.list(name)
            elif self.text(name) or f.required or (f.allow_empty and name in self._data):
                daten[name] = self.text(name)  # an empty value only where the API takes one ("clear")
        return daten

    def gueltig(self, schema: Schema) -> tuple[dict[str, Any] | None, str | None]:
        """(values, None) if the API would accept them, else (None, its German refusal)."""
        try:
            return schema.validate(self.nach_schema(schema)), None
        except Refusal as f:
            return None, f.message

    def text(self, name: str) -> str:
        value = self._data.get(name)
        return value.strip() if isinstance(value, str) else ""

    def checked(self, name: str) -> bool:
        return self.text(name) in ("on", "ja", "true", "1")

    def list(self, name: str) -> list[str]:
        if isinstance(self._data, FormData):
            values = self._data.getlist(name)
        else:
            values = [self._data[name]] if name in self._data else []
        parts: list[str] = []
        for v in values:
            if isinstance(v, str):
                parts += [t.strip() for t in v.replace(";", ",").replace("\n", ",").split(",")]
        return [t for t in parts if t]


async def run_action(state: FakeState, function: Callable[..., Any], *args: Any,
                     **kwargs: Any) -> tuple[Any, str | None]:
    """Run a model action for a page; return (result, German message of a refusal or None)."""
    def call() -> Any:
        return function(*args, **kwargs)

    try:
        return await in_model(state, call, itself=locks_itself(function)), None
    except Refusal as f:
        return None, f.message


async def formular(state: FakeState, endpoint: Endpoint, form: Form, path: dict[str, str]) -> tuple[Any, str | None]:
    """A page's form through the JSON API's own endpoint: the same schema, limits and handler.
    Returns (the handler's answer, None) or (None, the German refusal)."""
    werte, fehler = form.gueltig(endpoint.body) if endpoint.body is not None else ({}, None)
    if werte is None:
        return None, fehler
    try:
        ergebnis = await in_model(state, endpoint.handler, Call(body=werte, path=path, query={}, headers={}),
                                  itself=endpoint.locks_itself(state))
    except Refusal as f:
        return None, f.message
    return ergebnis, None


async def abmelden_und_zur_anmeldung(state: FakeState, sitzungen: Sessions, request: Request,
                                     cookie: str) -> RedirectResponse:
    """Logout: the session ends in the fake (a copied cookie opens nothing afterwards), the browser
    forgets it, and the login page follows."""
    await in_model(state, sitzungen.end, session_cookie(request, cookie))
    antwort = redirect("/")
    antwort.delete_cookie(cookie, httponly=True, samesite="lax", path=WURZEL.get() or "/")
    return antwort
