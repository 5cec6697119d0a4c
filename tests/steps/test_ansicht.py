"""The broker's view read from the Gewerbeplattform's HTML: by the labels of the target's platform."""

from __future__ import annotations

from basis.plattform import FELDER, Plattform
from steps.ansicht import aus_html

SEITE = """<html><body><h1>Kundenakte</h1><p><strong aria-label="Gebunden an">anna@x.de</strong></p>
<form id="kundendaten"><label for="f1">Firmenname</label><input id="f1" value="Müller &amp; Söhne">
<label for="f2">PLZ</label><input id="f2" value="50667"></form></body></html>"""


def test_a_real_platform_is_read_by_its_own_labels() -> None:
    plattform = Plattform("Kundenakte", {**{f: f for f in FELDER}, "Firma": "Firmenname"}, "Gebunden an")
    ansicht = aus_html("https://ts.example/switch/AbCdEfGh12345678", SEITE, plattform)
    assert ansicht.ist_gewerbeplattform and ansicht.mit_kundendaten
    assert ansicht.felder["Firma"] == "Müller & Söhne" and ansicht.felder["PLZ"] == "50667"
    assert ansicht.verknuepft == "anna@x.de"
    assert ansicht.url == "https://ts.example/switch/•••"


def test_the_fakes_labels_do_not_fit_a_platform_with_other_labels() -> None:
    ansicht = aus_html("http://x/kunde", SEITE, Plattform())
    assert not ansicht.ist_gewerbeplattform and ansicht.titel == "Kundenakte"
