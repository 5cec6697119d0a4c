"""Steps of the chapter "Anmerkungen": btoken bound to the first cloud user (G22, G23)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from pytest_bdd import given, parsers, then

from absprung.systems import Systems
from steps.ansicht import Ansicht
from steps.nur_fake import nur_im_fake


@given(parsers.parse('der neue Benutzername "{email}" wurde zusammen mit dem b-Token an Thinksurance gemeldet '
                     'und neu zugeordnet'))
@nur_im_fake("thinksurance", "Einen b-Token ordnet der Thinksurance-Support neu zu (im Fake: /_support/…)")
def _(systems: Systems, email: str) -> None:
    w = systems.world
    systems.thinksurance.support_neu_zuordnen(w.geheimnis("btoken"), email, hash=w.geheimnis("thinksurance_hash"),
                                              secret=w.geheimnis("thinksurance_secret"))


@then(parsers.parse('verwendet Thinksurance für den b-Token den cloud Benutzer "{email}"'))
def _(ansicht: Ansicht, email: str) -> None:
    assert ansicht.verknuepft == email, \
        f"Thinksurance verwendet für den b-Token „{ansicht.verknuepft}“, erwartet „{email}“."


@then("gibt auch die V1-Anmeldung der Anleitung von 2020 noch einen Security-Token, wie V1.1 für 15 Minuten")
def _(systems: Systems) -> None:
    w, ts = systems.world, systems.thinksurance
    zugang = {"hash": w.geheimnis("thinksurance_hash"), "secret": w.geheimnis("thinksurance_secret")}
    jetzt = datetime.now(timezone.utc).replace(tzinfo=None)
    for pfad in ("/api/token", "/api/ipn/tokens"):
        ablauf = datetime.strptime(ts.json("POST", pfad, json_body=zugang)["expired"], "%Y-%m-%d %H:%M:%S")
        # "expired" has whole seconds: up to one second past 15 minutes is rounding, not a longer life
        assert timedelta(minutes=14) < ablauf - jetzt <= timedelta(minutes=15, seconds=1), f"{pfad}: {ablauf}"
