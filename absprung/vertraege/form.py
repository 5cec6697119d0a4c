"""The shape of a JSON answer – key paths and types, never values – and how two shapes differ.

Paths: ``""`` is the root, ``a.b`` a key, ``[]`` the items of a list (``[].name``), ``{}`` the
values of a dictionary with arbitrary keys (``{}.sHash``, as the IP notifications are keyed by
inquiry id). Types: string, integer, number, boolean, null, object, array.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .modell import Erwartung

TYPEN = {str: "string", bool: "boolean", int: "integer", float: "number", type(None): "null", dict: "object",
         list: "array"}


def form_von(daten: Any, pfad: str = "", ergebnis: dict[str, str] | None = None,
             beliebig: frozenset[str] = frozenset()) -> dict[str, str]:
    """``beliebig``: paths whose keys are arbitrary (written as ``{}``)."""
    ergebnis = {} if ergebnis is None else ergebnis
    ergebnis[pfad] = TYPEN.get(type(daten), "string")
    if isinstance(daten, dict):
        for k, v in daten.items():
            teil = "{}" if pfad in beliebig else str(k)
            form_von(v, f"{pfad}.{teil}" if pfad else teil, ergebnis, beliebig)
    elif isinstance(daten, list):
        for v in daten:
            form_von(v, f"{pfad}[]", ergebnis, beliebig)
    return ergebnis


def beliebige(erwartung: Erwartung) -> frozenset[str]:
    """Parents of ``{}`` in the expected paths ("" for the root)."""
    return frozenset(p.rsplit("{}", 1)[0].rstrip(".") for p in erwartung.felder if "{}" in p)


@dataclass(frozen=True)
class Abweichung:
    pfad: str  # "" for status and content type
    art: str  # status | inhalt | fehlt | zusätzlich | Typ
    text: str  # German


def _leer_gelassen(pfad: str, form: dict[str, str]) -> bool:
    """Below an empty list or dictionary nothing can be seen: nothing is missing there."""
    for i in range(len(pfad)):
        for marke in ("[]", "{}"):
            if pfad.startswith(marke, i):
                kind, eltern = pfad[:i + 2], pfad[:i].rstrip(".")
                if kind not in form and form.get(eltern) in ("array", "object"):
                    return True
    return False


def _passt(erwartet: str, gesehen: str) -> bool:
    return erwartet == gesehen or (erwartet == "number" and gesehen == "integer")


def gegen_vertrag(erwartung: Erwartung, status: int, inhalt: str, form: dict[str, str]) -> list[Abweichung]:
    """What an observed answer does differently from the contract."""
    fehler = []
    if status not in erwartung.status:
        fehler.append(Abweichung("", "status", f"Status {status} statt {' oder '.join(map(str, erwartung.status))}"))
    if not inhalt.startswith(erwartung.inhalt):
        fehler.append(Abweichung("", "inhalt", f"Inhaltstyp „{inhalt or 'keiner'}“ statt „{erwartung.inhalt}“"))
    for pfad, typ in erwartung.felder.items():
        if pfad not in form:
            if pfad not in erwartung.optional and not _leer_gelassen(pfad, form):
                fehler.append(Abweichung(pfad, "fehlt", f"Feld „{pfad or '(Wurzel)'}“ fehlt (erwartet: {typ})"))
        elif not _passt(typ, form[pfad]):
            fehler.append(Abweichung(pfad, "Typ", f"Feld „{pfad or '(Wurzel)'}“ ist {form[pfad]} statt {typ}"))
    if not erwartung.weitere:
        for pfad in sorted(set(form) - set(erwartung.felder)):
            fehler.append(Abweichung(pfad, "zusätzlich", f"Feld „{pfad}“ ist nicht vorgesehen ({form[pfad]})"))
    return fehler


def zwischen(a: tuple[int, dict[str, str]], b: tuple[int, dict[str, str]], namen: tuple[str, str]) -> list[Abweichung]:
    """Two observed answers (status, shape) compared with each other: the fake and a recording."""
    (sa, fa), (sb, fb) = a, b
    fehler = []
    if sa != sb:
        fehler.append(Abweichung("", "status", f"Status {sa} ({namen[0]}) und {sb} ({namen[1]})"))
    for pfad in sorted(set(fa) | set(fb)):
        if pfad not in fb:
            fehler.append(Abweichung(pfad, "zusätzlich", f"Feld „{pfad}“ nur bei {namen[0]} ({fa[pfad]})"))
        elif pfad not in fa:
            fehler.append(Abweichung(pfad, "fehlt", f"Feld „{pfad}“ fehlt bei {namen[0]} ({namen[1]}: {fb[pfad]})"))
        elif fa[pfad] != fb[pfad]:
            fehler.append(Abweichung(pfad, "Typ", f"Feld „{pfad}“: {fa[pfad]} ({namen[0]}) und {fb[pfad]} ({namen[1]})"))
    return fehler
