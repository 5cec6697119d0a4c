"""Request body schemas: one declaration gives validation (German refusals) and OpenAPI.

Kept deliberately small instead of pydantic: the fakes must start in well under a second, and
the refusals must be German and carry our stable codes. No web framework in here: the UI forms
validate through the same schemas as the JSON API.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .errors import (
    FELD_BEREICH,
    FELD_FEHLT,
    FELD_LEER,
    FELD_NULL,
    FELD_TYP,
    FELD_UNBEKANNT,
    FELD_ZU_LANG,
    LISTE_ZU_LANG,
    UNGUELTIGES_JSON,
)

_PY_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "boolean": (bool,),
    "array": (list,),
    "object": (dict,),
}
_TYPE_NAMES = {"string": "Text", "integer": "Ganzzahl", "boolean": "Wahrheitswert",
               "array": "Liste", "object": "Objekt"}
# Integers beyond this are refused unless a field says otherwise: they survive every JSON parser
# and keep arithmetic in the models (cent amounts, clock offsets) away from overflow.
SAFE_INTEGER = 2**53 - 1
MAX_ITEMS = 200


@dataclass(frozen=True)
class Field:
    type: str
    required: bool = False
    description: str = ""
    max_length: int = 500
    allow_empty: bool = False
    enum: tuple[Any, ...] | None = None
    items: Schema | str | None = None  # item type for arrays
    minimum: int = -SAFE_INTEGER  # integers only
    maximum: int = SAFE_INTEGER


@dataclass(frozen=True)
class Schema:
    fields: dict[str, Field]
    # Thinksurance ignores fields it does not know and takes null for "not sent"; our invented APIs
    # refuse both (a null once reset a Datenstand to empty and cleared a btoken).
    extra_allowed: bool = False
    null_is_absent: bool = False
    example: dict[str, Any] | None = field(default=None)

    def validate(self, data: Any, path: str = "") -> dict[str, Any]:
        """Validate ``data``; raise a Refusal with a German message otherwise.

        With ``null_is_absent`` a declared field sent as ``null`` is left out of the returned copy,
        so handlers never see ``None`` where the schema promises a type; otherwise null is refused.
        """
        if not isinstance(data, dict):
            if path:
                raise FELD_TYP.refuse(feld=path.rstrip("."), typ=_TYPE_NAMES["object"])
            raise UNGUELTIGES_JSON.refuse()
        checked: dict[str, Any] = {}
        for name, f in self.fields.items():
            full = f"{path}{name}"
            if name in data and data[name] is None and not self.null_is_absent:
                raise FELD_NULL.refuse(feld=full)
            if name not in data or data[name] is None:
                if f.required:
                    raise FELD_FEHLT.refuse(feld=full)
                continue
            checked[name] = _check_value(f, data[name], full)
        for name, value in data.items():
            if name not in self.fields:
                if not self.extra_allowed:
                    raise FELD_UNBEKANNT.refuse(feld=f"{path}{name}")
                checked[name] = value
        return checked

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {
            "type": "object",
            "properties": {n: _field_schema(f, nullable=self.null_is_absent) for n, f in self.fields.items()},
            "additionalProperties": self.extra_allowed,
        }
        required = [n for n, f in self.fields.items() if f.required]
        if required:
            schema["required"] = required
        if self.example:
            schema["example"] = self.example
        return schema


def _has_type(f: Field, value: Any) -> bool:
    return isinstance(value, _PY_TYPES[f.type]) and not (f.type == "integer" and isinstance(value, bool))


def _check_value(f: Field, value: Any, full: str) -> Any:
    if not _has_type(f, value):
        raise FELD_TYP.refuse(feld=full, typ=_TYPE_NAMES[f.type])
    if f.type == "integer" and not f.minimum <= value <= f.maximum:
        raise FELD_BEREICH.refuse(feld=full, min=f.minimum, max=f.maximum)
    if f.type == "string":
        if len(value) > f.max_length:
            raise FELD_ZU_LANG.refuse(feld=full, max=f.max_length)
        if not f.allow_empty and not value.strip():
            raise FELD_LEER.refuse(feld=full)
    if f.enum is not None and value not in f.enum:
        allowed = ", ".join(str(e) for e in f.enum)
        raise FELD_TYP.refuse(feld=full, typ=f"einer der Werte {allowed}")
    if f.type == "array":
        if len(value) > MAX_ITEMS:
            raise LISTE_ZU_LANG.refuse(feld=full, max=MAX_ITEMS)
        if isinstance(f.items, Schema):
            return [f.items.validate(e, f"{full}[{i}].") for i, e in enumerate(value)]
        if isinstance(f.items, str):
            return [_check_value(Field(f.items), e, f"{full}[{i}]") for i, e in enumerate(value)]
    return value


def _field_schema(f: Field, *, nullable: bool = False) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": f.type}
    if nullable:
        schema["nullable"] = True
    if f.description:
        schema["description"] = f.description
    if f.type == "string":
        schema["maxLength"] = f.max_length
        if not f.allow_empty:
            schema["minLength"] = 1
            schema["pattern"] = r"\S"
    if f.type == "integer":
        schema["minimum"], schema["maximum"] = f.minimum, f.maximum
    if f.enum is not None:
        schema["enum"] = list(f.enum)
    if f.type == "array":
        schema["maxItems"] = MAX_ITEMS
        if isinstance(f.items, Schema):
            schema["items"] = f.items.json_schema()
        elif isinstance(f.items, str):
            schema["items"] = _field_schema(Field(f.items))
    return schema


def string(description: str = "", *, required: bool = False, max_length: int = 500,
           allow_empty: bool = False, enum: tuple[Any, ...] | None = None) -> Field:
    return Field("string", required, description, max_length=max_length, allow_empty=allow_empty, enum=enum)


def integer(description: str = "", *, required: bool = False, enum: tuple[Any, ...] | None = None,
            minimum: int = -SAFE_INTEGER, maximum: int = SAFE_INTEGER) -> Field:
    return Field("integer", required, description, enum=enum, minimum=minimum, maximum=maximum)


def boolean(description: str = "", *, required: bool = False) -> Field:
    return Field("boolean", required, description)


def array(description: str = "", *, items: Schema | str = "string", required: bool = False) -> Field:
    return Field("array", required, description, items=items)


def obj(description: str = "", *, required: bool = False) -> Field:
    return Field("object", required, description)
