"""The customer's fields, declared once: the typed record, the forward fields, what the platform shows."""

from __future__ import annotations

from basis import demo
from basis.kundenfelder import (
    AUF_DER_PLATTFORM,
    FELDER,
    GRUPPEN,
    LABELS,
    Kundendaten,
    auf_der_plattform,
    nach_thinksurance,
)


def test_ein_feld_je_wert_der_cloud_und_jede_gruppe_aus_beschrifteten_feldern() -> None:
    assert [f.cloud for f in FELDER] == [k for k in demo.KUNDEN[0] if k not in ("kundennummer", "vermittler",
                                                                                "repliziert")]
    assert set(LABELS) == {label for gruppe in GRUPPEN.values() for label in gruppe} | {"Firma", "Telefon", "E-Mail"}
    assert all(f.thinksurance for f in AUF_DER_PLATTFORM)


def test_forward_ohne_leere_werte() -> None:
    felder = nach_thinksurance(Kundendaten.aus_json({"kundennummer": "K-1", "firma": "Ä GmbH", "telefon": "",
                                                     "umsatz": None}))
    assert felder == {"cExternalId": "K-1", "cCompany": "Ä GmbH",
                      "cExternalReferences": [{"origin": "crm", "paramKey": "ams-Kundennummer",
                                               "paramValue": "K-1"}]}


def test_zahlen_aus_text_und_unlesbares_bleibt_weg() -> None:
    k = Kundendaten.aus_json({"kundennummer": 7, "plz": 50667, "umsatz": "2450000,5", "mitarbeiter_vollzeit": "x",
                              "mitarbeiter_teilzeit": "NaN", "repliziert": "ja"})
    assert (k.kundennummer, k.plz, k.umsatz, k.mitarbeiter_vollzeit, k.mitarbeiter_teilzeit, k.repliziert) == (
        "7", "50667", 2450000.5, None, None, None)
    fragen = nach_thinksurance(k)["qasCustProfile"]["categories"][0]["questions"]
    assert fragen == [{"id": "umsatz", "answers": ["245000050"]}]  # cent


def test_die_plattform_zeigt_was_thinksurance_bekam_unter_ihren_labels() -> None:
    k = Kundendaten.aus_json(demo.KUNDEN[0])
    forward = nach_thinksurance(k)
    profil = {q["id"]: q["answers"] for q in forward["qasCustProfile"]["categories"][0]["questions"]}
    gezeigt = {f.label: wert for f, wert in auf_der_plattform(forward, profil)}
    assert gezeigt == {f.label: str(k.wert(f)) for f in AUF_DER_PLATTFORM}
