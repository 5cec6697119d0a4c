"""Request body schemas: one declaration gives validation (German errors) and OpenAPI.

Kept deliberately small instead of pydantic: the fakes must start in well under a second, and
the errors must be German and carry our stable codes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .errors import (FELD_BEREICH, FELD_FEHLT, FELD_LEER, FELD_TYP, FELD_UNBEKANNT, FELD_ZU_LANG,
                     LISTE_ZU_LANG, UNGUELTIGES_JSON)

_PY_TYPEN: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "boolean": (bool,),
    "array": (list,),
    "object": (dict,),
}
_TYP_NAMEN = {"string": "Text", "integer": "Ganzzahl", "boolean": "Wahrheitswert",
              "array": "Liste", "object": "Objekt"}
# Integers beyond this are refused unless a field says otherwise: they survive every JSON parser
# and keep arithmetic in the models (cent amounts, clock offsets) away from overflow.
SICHERE_GANZZAHL = 2**53 - 1


@dataclass(frozen=True)
class Feld:
    typ: str
    pflicht: bool = False
    beschreibung: str = ""
    max_laenge: int = 500
    leer_erlaubt: bool = False
    enum: tuple[Any, ...] | None = None
    element: "Schema | str | None" = None  # item type for arrays
    minimum: int = -SICHERE_GANZZAHL  # integers only
    maximum: int = SICHERE_GANZZAHL


@dataclass(frozen=True)
class Schema:
    felder: dict[str, Feld]
    # Thinksurance ignores fields it does not know; our invented APIs refuse them.
    weitere_erlaubt: bool = False
    beispiel: dict[str, Any] | None = field(default=None)

    def pruefen(self, daten: Any, pfad: str = "") -> dict[str, Any]:
        """Validate ``daten``; raise FachFehler with a German message otherwise.

        Returns a copy in which a declared field sent as ``null`` is absent, so handlers never
        see ``None`` where the schema promises a type.
        """
        if not isinstance(daten, dict):
            if pfad:
                raise FELD_TYP.fehler(feld=pfad.rstrip("."), typ=_TYP_NAMEN["object"])
            raise UNGUELTIGES_JSON.fehler()
        geprueft: dict[str, Any] = {}
        for name, feld in self.felder.items():
            voll = f"{pfad}{name}"
            if name not in daten or daten[name] is None:
                if feld.pflicht:
                    raise FELD_FEHLT.fehler(feld=voll)
                continue
            geprueft[name] = _pruefe_wert(feld, daten[name], voll)
        for name, wert in daten.items():
            if name not in self.felder:
                if not self.weitere_erlaubt:
                    raise FELD_UNBEKANNT.fehler(feld=f"{pfad}{name}")
                geprueft[name] = wert
        return geprueft

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {
            "type": "object",
            "properties": {n: _feld_schema(f) for n, f in self.felder.items()},
            "additionalProperties": self.weitere_erlaubt,
        }
        pflicht = [n for n, f in self.felder.items() if f.pflicht]
        if pflicht:
            schema["required"] = pflicht
        if self.beispiel:
            schema["example"] = self.beispiel
        return schema


def _pruefe_wert(feld: Feld, wert: Any, voll: str) -> Any:
    typen = _PY_TYPEN[feld.typ]
    if not isinstance(wert, typen) or (feld.typ == "integer" and isinstance(wert, bool)):
        raise FELD_TYP.fehler(feld=voll, typ=_TYP_NAMEN[feld.typ])
    if feld.typ == "integer" and not feld.minimum <= wert <= feld.maximum:
        raise FELD_BEREICH.fehler(feld=voll, min=feld.minimum, max=feld.maximum)
    if feld.typ == "string":
        if len(wert) > feld.max_laenge:
            raise FELD_ZU_LANG.fehler(feld=voll, max=feld.max_laenge)
        if not feld.leer_erlaubt and not wert.strip():
            raise FELD_LEER.fehler(feld=voll)
    if feld.enum is not None and wert not in feld.enum:
        erlaubt = ", ".join(str(e) for e in feld.enum)
        raise FELD_TYP.fehler(feld=voll, typ=f"einer der Werte {erlaubt}")
    if feld.typ == "array":
        if len(wert) > 200:
            raise LISTE_ZU_LANG.fehler(feld=voll, max=200)
        if isinstance(feld.element, Schema):
            return [feld.element.pruefen(e, f"{voll}[{i}].") for i, e in enumerate(wert)]
        if isinstance(feld.element, str):
            return [_pruefe_wert(Feld(feld.element), e, f"{voll}[{i}]") for i, e in enumerate(wert)]
    return wert


def _feld_schema(feld: Feld) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": feld.typ}
    if feld.beschreibung:
        schema["description"] = feld.beschreibung
    if feld.typ == "string":
        schema["maxLength"] = feld.max_laenge
        if not feld.leer_erlaubt:
            schema["minLength"] = 1
            schema["pattern"] = r"\S"
    if feld.typ == "integer":
        schema["minimum"], schema["maximum"] = feld.minimum, feld.maximum
    if feld.enum is not None:
        schema["enum"] = list(feld.enum)
    if feld.typ == "array":
        schema["maxItems"] = 200
        if isinstance(feld.element, Schema):
            schema["items"] = feld.element.json_schema()
        elif isinstance(feld.element, str):
            schema["items"] = _feld_schema(Feld(feld.element))
    return schema


def text(beschreibung: str = "", *, pflicht: bool = False, **kw: Any) -> Feld:
    return Feld("string", pflicht, beschreibung, **kw)


def zahl(beschreibung: str = "", *, pflicht: bool = False, **kw: Any) -> Feld:
    return Feld("integer", pflicht, beschreibung, **kw)


def schalter(beschreibung: str = "", *, pflicht: bool = False) -> Feld:
    return Feld("boolean", pflicht, beschreibung)


def liste(beschreibung: str = "", *, element: Schema | str = "string", pflicht: bool = False) -> Feld:
    return Feld("array", pflicht, beschreibung, element=element)


def objekt(beschreibung: str = "", *, pflicht: bool = False) -> Feld:
    return Feld("object", pflicht, beschreibung)
