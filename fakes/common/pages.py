"""The fakes' web pages: Jinja2 templates, redirects, submitted forms, running a model action.

Templates are loaded on first use to keep start-up fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import jinja2
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse

from .endpoints import MAX_BODY, in_model
from .errors import Refusal
from .state import FakeState

COMMON_TEMPLATES = Path(__file__).parent / "templates"


class Pages:
    """The templates of one fake (its own folder first, then the shared one)."""

    def __init__(self, folder: Path, system: str, title: str) -> None:
        self.folder, self.system, self.title = folder, system, title
        self._environment: jinja2.Environment | None = None

    def environment(self) -> jinja2.Environment:
        if self._environment is None:
            self._environment = jinja2.Environment(
                loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(self.folder),
                                            jinja2.FileSystemLoader(COMMON_TEMPLATES)]),
                autoescape=True, trim_blocks=True, lstrip_blocks=True)
        return self._environment

    def html(self, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        template = self.environment().get_template(name)
        return HTMLResponse(template.render(system=self.system, system_titel=self.title, **context),
                            status_code=status)


def redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


class Form:
    """A submitted HTML form; missing fields read as empty text, never as an error."""

    def __init__(self, data: FormData | dict[str, Any]) -> None:
        self._data = data

    @classmethod
    async def read(cls, request: Request) -> Form:
        length = request.headers.get("content-length", "")
        if length.isdigit() and int(length) > MAX_BODY:
            return cls({})
        try:
            return cls(await request.form())
        except Exception:  # malformed multipart etc.: treat as empty form, the rule will refuse
            return cls({})

    def text(self, name: str) -> str:
        value = self._data.get(name)
        return value.strip() if isinstance(value, str) else ""

    def checked(self, name: str) -> bool:
        return self.text(name) in ("on", "ja", "true", "1")

    def list(self, name: str) -> list[str]:
        values = self._data.getlist(name) if isinstance(self._data, FormData) else []
        parts: list[str] = []
        for v in values:
            if isinstance(v, str):
                parts += [t.strip() for t in v.replace(";", ",").replace("\n", ",").split(",")]
        return [t for t in parts if t]


async def run_action(state: FakeState, function: Callable[..., Any], *args: Any,
                     **kwargs: Any) -> tuple[Any, str | None]:
    """Run a model action for a page; return (result, German message of a refusal or None)."""
    try:
        return await in_model(state, lambda: function(*args, **kwargs)), None
    except Refusal as f:
        return None, f.message
