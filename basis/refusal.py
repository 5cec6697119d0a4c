"""How a refusal of one of the systems reads: the stable code and the message of an error answer.

The fakes answer ``{"error": "…", "code": "…"}`` with the code also in ``X-Fehlercode`` (Thinksurance:
``{"error": "…"}`` as documented, the code only in the header). A system that answers otherwise still
gives a code (``HTTP_403``): plain text by its first line, an HTML page by one German sentence that says
so – never the page itself (a web server at the wrong address, not the system).
Used by the fakes' transport to their neighbours and by the harness' clients alike.
"""

from __future__ import annotations

import json
from typing import Callable, Mapping

TEXT_SHOWN = 200  # characters of a non-JSON answer that stand in for its message


def read(status: int, headers: Mapping[str, str], content: bytes,
         hide: Callable[[str], str] = lambda text: text) -> tuple[str, str]:
    """(code, message) of an error answer; ``headers`` with lower-case names. ``hide`` masks secrets in
    the whole text before it is cut: a remote that echoes the request would otherwise show all but
    the cut-off end of a secret, which no later masking recognizes."""
    try:
        data = json.loads(content) if content else {}
    except ValueError:
        data = {}
    message = data.get("error") if isinstance(data, dict) else None
    code = headers.get("x-fehlercode") or (data.get("code") if isinstance(data, dict) else None)
    if message:
        return hide(str(code or f"HTTP_{status}")), hide(str(message))
    text = content.decode("utf-8", "replace").strip()
    if "html" in headers.get("content-type", "").lower() or text[:1] == "<":
        text = f"eine Webseite (HTTP {status}) statt einer Antwort der Schnittstelle – ist das die Adresse des Systems?"
    else:
        text = hide(text.splitlines()[0] if text else "")[:TEXT_SHOWN]
    return hide(str(code or f"HTTP_{status}")), text or f"HTTP {status}"
