"""What the broker sees after choosing the product: a neutral view for browser and HTTP modes."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

from absprung.clients.base import redact_url
from basis.plattform import FELDER, TITEL, Plattform


@dataclass
class Ansicht:
    url: str  # one-time parts masked
    titel: str
    felder: dict[str, str] = field(default_factory=dict)  # field (basis.plattform.FELDER) -> value shown
    hinweis: str | None = None  # e.g. "Es wurden keine Kundendaten übermittelt." on the dashboard
    fehler: str | None = None  # an error page instead of Thinksurance (e.g. con:center refused)
    verknuepft: str | None = None  # the cloud user (bExternalId) Thinksurance has bound to the btoken
    erwartet: str = TITEL  # the heading of the Gewerbeplattform on this target

    @property
    def ist_gewerbeplattform(self) -> bool:
        return self.titel == self.erwartet

    @property
    def mit_kundendaten(self) -> bool:
        return self.ist_gewerbeplattform and bool(self.felder)


class _Leser(HTMLParser):
    """Reads h1, labels, input values and alert/status texts from a page (HTTP mode)."""

    def __init__(self, verknuepft_label: str) -> None:
        super().__init__()
        self._verknuepft_label = verknuepft_label
        self.h1 = ""
        self.labels: dict[str, str] = {}
        self.werte: dict[str, str] = {}
        self.rollen: dict[str, str] = {}
        self._in: str | None = None
        self._label_for: str | None = None
        self._rolle: str | None = None
        self._tiefe = 0
        self.formular = False
        self.verknuepft = ""
        self._verknuepft = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "h1":
            self._in = "h1"
        elif tag == "label" and a.get("for"):
            self._label_for, self.labels[a["for"] or ""] = a["for"], ""
        elif tag == "input" and a.get("id"):
            self.werte[a["id"] or ""] = a.get("value") or ""
        elif tag == "form" and a.get("id") == "kundendaten":
            self.formular = True
        elif a.get("aria-label") == self._verknuepft_label:
            self._verknuepft = True
        if a.get("role") in ("alert", "status") and self._rolle is None:
            self._rolle, self._tiefe = a["role"], 0
            self.rollen[self._rolle or ""] = ""
        if self._rolle is not None:
            self._tiefe += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1":
            self._in = None
        if tag == "label":
            self._label_for = None
        if tag == "strong":
            self._verknuepft = False
        if self._rolle is not None:
            self._tiefe -= 1
            if self._tiefe <= 0:
                self._rolle = None

    def handle_data(self, data: str) -> None:
        if self._in == "h1":
            self.h1 += data
        if self._label_for is not None:
            self.labels[self._label_for] += data
        if self._rolle is not None:
            self.rollen[self._rolle] += data
        if self._verknuepft:
            self.verknuepft += data


def aus_html(url: str, text: str, plattform: Plattform) -> Ansicht:
    leser = _Leser(plattform.verknuepft)
    leser.feed(text)
    titel = " ".join(leser.h1.split())
    fehler = " ".join(leser.rollen.get("alert", "").split()) or None
    url = redact_url(url)
    if titel != plattform.titel:
        return Ansicht(url=url, titel=titel, fehler=fehler or text[:300], erwartet=plattform.titel)
    verknuepft = leser.verknuepft.strip() or None
    if not leser.formular:
        return Ansicht(url=url, titel=titel, hinweis=" ".join(leser.rollen.get("status", "").split()) or None,
                       verknuepft=verknuepft, erwartet=plattform.titel)
    nach_label = {" ".join(t.split()): leser.werte.get(i, "") for i, t in leser.labels.items()}
    return Ansicht(url=url, titel=titel, felder={f: nach_label.get(plattform.label(f), "") for f in FELDER},
                   verknuepft=verknuepft, erwartet=plattform.titel)
