"""Fuzzing of the Schulung page's forms (it has no JSON API, so no OpenAPI): random fields, values,
bytes and content types against every page, the support's actions included.

What must hold for every answer: never a status >= 500, always a German HTML page (``lang="de"``)
without a traceback, and a refusal names its stable code. Bounded like the fakes' fuzzing
(``FUZZ_FAKTOR``, ``FUZZ_ZUFALL``); the fakes behind the page are real ones on loopback.
"""

from __future__ import annotations

from typing import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from absprung.schulung.start import app_bauer
from absprung.ursachen.aufgaben import AUFGABE
from fakes.server import Fakes
from tests.fakes.inprocess import AsgiClient
from tests.fakes.test_fuzz import EINSTELLUNGEN, FAKTOR

SEITEN = ["/", "/pruefen", "/support"]
FELDER = ["aktion", "feature", "aktiv", "email", "weiter", "x"]
AKTIONEN = ["feature", "produkt", "neu-zuordnen", "", "unbekannt"]
ARTEN = ["application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain", "application/json", ""]

werte = st.one_of(st.sampled_from(AKTIONEN + ["API-Zugriff", "ja", "nein", "a@b.de"]), st.text(max_size=300))
formulare = st.dictionaries(st.one_of(st.sampled_from(FELDER), st.text(min_size=1, max_size=20)), werte, max_size=6)
rohe = st.tuples(st.one_of(st.binary(max_size=2000), st.just(b"aktion=" + b"x" * 70_000)), st.sampled_from(ARTEN))


@pytest.fixture(scope="module")
def schulung() -> Iterator[AsgiClient]:
    with Fakes() as fakes, AsgiClient(app_bauer(AUFGABE["maklerextranet"])(fakes.urls)) as client:
        yield client


def _pruefen(antwort_status: int, text: str, wo: str) -> None:
    assert antwort_status < 500, f"{wo}: {antwort_status}"
    assert 'lang="de"' in text and "Traceback" not in text, f"{wo}: {text[:300]}"
    if antwort_status >= 400:
        assert "Fehlercode" in text or 'role="alert"' in text, f"{wo}: {text[:300]}"


@settings(EINSTELLUNGEN, max_examples=80 * FAKTOR)
@given(seite=st.sampled_from(SEITEN), form=formulare)
def test_formulare(schulung: AsgiClient, seite: str, form: dict[str, str]) -> None:
    antwort = schulung.post(seite, data=form, headers={"accept": "text/html"})
    _pruefen(antwort.status_code, antwort.content.decode(), f"POST {seite} {form!r:.120}")


@settings(EINSTELLUNGEN, max_examples=80 * FAKTOR)
@given(seite=st.sampled_from(SEITEN + ["/support/", "/gibts-nicht", "/%ff"]), roh=rohe,
       methode=st.sampled_from(["GET", "POST", "PUT", "DELETE"]))
def test_rohe_anfragen(schulung: AsgiClient, seite: str, roh: tuple[bytes, str], methode: str) -> None:
    inhalt, art = roh
    kopf = {"content-type": art} if art else {}
    antwort = schulung.request(methode, seite, content=inhalt, headers=kopf)
    _pruefen(antwort.status_code, antwort.content.decode(errors="replace"), f"{methode} {seite} {art} {inhalt[:40]!r}")
