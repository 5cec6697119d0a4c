"""How a refusal reads: code from the header before the body, the message, and plain answers."""

from __future__ import annotations

from basis.refusal import TEXT_SHOWN, read


def test_code_und_meldung() -> None:
    body = b'{"error": "Nein.", "code": "IM_KOERPER"}'
    assert read(403, {"x-fehlercode": "IM_KOPF"}, body) == ("IM_KOPF", "Nein.")
    assert read(403, {}, body) == ("IM_KOERPER", "Nein.")
    assert read(400, {"x-fehlercode": "TS_X"}, b'{"error": "API User is not existing or deactivated."}') == (
        "TS_X", "API User is not existing or deactivated.")


def test_eine_antwort_ohne_json() -> None:
    assert read(502, {}, b"<html>" + b"x" * 500) == ("HTTP_502", ("<html>" + "x" * 500)[:TEXT_SHOWN])
    assert read(404, {}, b"") == ("HTTP_404", "HTTP 404")
    assert read(500, {}, b'["keine", "Form"]') == ("HTTP_500", '["keine", "Form"]')
