"""Every Thinksurance contract holds against the fake; every endpoint of the fake has contracts.

34 cases from the documentation (V1.1 flow, Get Products, IP notifications, agency numbers and the
V1 subset), each with a success and an error case per endpoint.
"""

from __future__ import annotations

from typing import Iterator

import pytest

from absprung.clients import ControlClient
from absprung.clients.base import Client
from absprung.vertraege import befehl, bericht, form
from absprung.vertraege.lauf import Werte, ausfuehren
from absprung.vertraege.modell import Fall, endpunkte, laden
from basis.ziel import embedded_fakes
from fakes.thinksurance.app import create

FAELLE = laden(system="thinksurance")


@pytest.fixture(scope="module")
def fake() -> Iterator[str]:
    with befehl.eingebettet("thinksurance") as url:
        yield url


@pytest.mark.parametrize("fall", FAELLE, ids=lambda f: f.id)
def test_vertrag_gilt_fuer_den_fake(fall: Fall, fake: str) -> None:
    steuerung, client = ControlClient(base_url=fake), Client(base_url=fake)
    try:
        steuerung.reset("ausgangslage")
        b = ausfuehren(fall, client, Werte(embedded_fakes().world, fake))
    finally:
        steuerung.close()
        client.close()
    abweichungen = form.gegen_vertrag(fall.antwort, b.status, b.inhalt, b.form)
    assert not abweichungen, bericht.text([bericht.Ergebnis(fall, abweichungen)])


def test_jeder_endpunkt_hat_erfolgs_und_fehlerfall() -> None:
    for endpunkt, faelle in endpunkte(FAELLE).items():
        erfolg = [f for f in faelle if any(200 <= s < 300 for s in f.antwort.status)]
        fehler = [f for f in faelle if any(s >= 400 for s in f.antwort.status)]
        assert erfolg and fehler, f"{endpunkt}: Erfolgs- und Fehlerfall gehören dazu"
    assert len(FAELLE) >= 34 and all(f.quelle.startswith("Doku ") for f in FAELLE)


def test_jede_schnittstelle_des_fakes_hat_einen_vertrag() -> None:
    """A new endpoint of the Thinksurance fake without a contract fails here (control/support aside)."""
    spec = create().state.openapi
    operationen = {(m.upper(), p) for p, ops in spec["paths"].items() for m, op in ops.items()
                   if op.get("tags") == ["api"]}
    vorlage = {(f.anfrage.methode, f.anfrage.pfad.split("?")[0].replace("{{token}}", "{token}")) for f in FAELLE}
    ohne = sorted(operationen - vorlage)
    assert not ohne, f"Ohne Vertrag: {ohne}"
