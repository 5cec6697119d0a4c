"""A fake's OpenAPI description, generated from its endpoint table (served as /openapi.json)."""

from __future__ import annotations

from typing import Any

from .endpoints import Endpoint

_ERROR_SCHEMA = {"type": "object", "properties": {"error": {"type": "string"}}}


def openapi(title: str, endpoints: list[Endpoint]) -> dict[str, Any]:
    paths: dict[str, Any] = {}
    for e in endpoints:
        op: dict[str, Any] = {
            "summary": e.summary,
            "operationId": f"{e.method.lower()}_{e.path.strip('/').replace('/', '_').replace('{', '').replace('}', '')}",
            "x-operation": e.operation,  # the model operation behind the route (grep from here)
            "tags": [e.tag],
            "parameters": [
                {"name": p.name, "in": p.location, "required": p.required or p.location == "path",
                 "description": p.description, "schema": {"type": p.type}}
                for p in e.params
            ],
            "responses": {
                str(e.status): {"description": e.response},
                "4XX": {"description": "Fehler mit Code und deutscher Meldung",
                        "content": {"application/json": {"schema": _ERROR_SCHEMA}}},
            },
        }
        if e.auth is not None:
            op["security"] = [{"basic": []}]
        if e.body is not None:
            op["requestBody"] = {"required": any(f.required for f in e.body.fields.values()),
                                 "content": {"application/json": {"schema": e.body.json_schema()}}}
        paths.setdefault(e.path, {})[e.method.lower()] = op
    schema: dict[str, Any] = {"openapi": "3.0.3", "info": {"title": title, "version": "1.0"}, "paths": paths}
    if any(e.auth is not None for e in endpoints):
        schema["components"] = {"securitySchemes": {"basic": {"type": "http", "scheme": "basic",
                                                               "description": "Benutzer und Passwort"}}}
    return schema
