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
    code, text = read(502, {}, b"<html>" + b"x" * 500)  # never the page: one German sentence
    assert code == "HTTP_502" and "<" not in text and "Webseite (HTTP 502)" in text
    code, text = read(404, {"content-type": "text/html"}, b"\n <!DOCTYPE HTML><title>Not Found</title>")
    assert "DOCTYPE" not in text and "Adresse des Systems" in text
    assert read(503, {}, b"Bad Gateway\nmore") == ("HTTP_503", "Bad Gateway")  # plain text: its first line
    assert read(500, {}, b"y" * 500)[1] == "y" * TEXT_SHOWN
    assert read(404, {}, b"") == ("HTTP_404", "HTTP 404")
    assert read(500, {}, b'["keine", "Form"]') == ("HTTP_500", '["keine", "Form"]')


def test_geheimnisse_werden_vor_dem_kuerzen_maskiert() -> None:
    """Finding 7: the text was cut to 200 characters before masking – a remote echoing the request
    showed 21 of the hash's 22 characters, which no masking afterwards recognizes."""
    geheim = "hash-0123456789abcdefg"  # 22 characters
    echo = ("x" * (TEXT_SHOWN - 26) + f'hash={geheim}&secret=s').encode()  # the cut falls in the secret
    offen = read(400, {}, echo)[1]
    assert geheim[:21] in offen  # what the old order showed
    def hide(text: str) -> str:
        return text.replace(geheim, "•••")
    code, meldung = read(400, {}, echo, hide=hide)
    assert geheim[:8] not in meldung and "•••" in meldung
    assert geheim not in read(400, {}, f'{{"error": "falsch: {geheim}"}}'.encode(), hide=hide)[1]
    assert geheim not in read(400, {"x-fehlercode": geheim}, b"", hide=hide)[0]
