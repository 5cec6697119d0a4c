"""The systems of the landscape: one row each, and nothing else lists them.

A row names what every part of the project needs to know about a system – how people call it,
which fake serves it, which client talks to it, how the preflight checks it, which secrets of a
profile belong to it, its conventional port and which neighbours it calls. Everything that used to
list the systems by hand derives from ``SYSTEME``: the target profiles, ``python -m fakes``, the
preflight, the clients of a target, the reference pages and the training page.

The fake is given as its module, the client and the preflight as ``"module:name"``; each is imported by
the package that owns it (``fakes`` imports the fake, ``absprung`` the client and the preflight), so this table imports
neither – it sits below both, like moto's backend index. A fifth system is a new fake package and
one row here; without its own client or preflight the generic client and a reachability check
stand in.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class System:
    name: str  # the key in profiles ([urls]), options (--port-NAME), JSON and the site's anchors
    titel: str  # how messages and reports name it
    titel_lang: str  # where people choose a system (training environment, reference pages)
    oberflaeche: str  # the title of its screens
    port: int  # its conventional port (python -m fakes --feste-ports, bookmarks)
    fake: str  # module of the fake: create(options, urls) builds its app, demo_zugang(url) says how to log in
    client: str = ""  # "module:class" of its client; "" = the generic client
    vorabpruefung: str = ""  # "module:function" of its preflight steps; "" = is it reachable
    geheimnisse: tuple[str, ...] = ()  # the profile's secrets that belong to it ([geheimnisse])
    ruft: tuple[str, ...] = ()  # the neighbours it calls, in the order it calls them


SYSTEME: tuple[System, ...] = (
    System("cloud", "assfinet cloud", "assfinet cloud (assfinet drive)", "assfinet drive", 8001,
           fake="fakes.cloud.app", client="absprung.clients.cloud:CloudClient",
           vorabpruefung="absprung.preflight:cloud", geheimnisse=("access_token",)),
    System("concenter", "con:center", "con:center", "con:center", 8002,
           fake="fakes.concenter.app", client="absprung.clients.concenter:ConcenterClient",
           vorabpruefung="absprung.preflight:concenter", geheimnisse=("concenter_passwort",),
           ruft=("cloud", "thinksurance")),
    System("ams", "ams.5", "ams.5", "ams.5", 8003,
           fake="fakes.ams.app", client="absprung.clients.ams:AmsClient",
           vorabpruefung="absprung.preflight:ams", ruft=("concenter", "cloud")),
    System("thinksurance", "Thinksurance", "Thinksurance – Gewerbeplattform", "Thinksurance", 8004,
           fake="fakes.thinksurance.app", client="absprung.clients.thinksurance:ThinksuranceClient",
           vorabpruefung="absprung.preflight:thinksurance",
           geheimnisse=("btoken", "btoken_kollege", "thinksurance_hash", "thinksurance_secret", "atoken")),
)
SYSTEM: dict[str, System] = {s.name: s for s in SYSTEME}
NAMEN: tuple[str, ...] = tuple(SYSTEM)
TITEL: dict[str, str] = {s.name: s.titel for s in SYSTEME}
# Which system each secret of a profile belongs to: its demo value is only right where that system is a fake.
GEHEIMNIS_SYSTEM: dict[str, str] = {g: s.name for s in SYSTEME for g in s.geheimnisse}


def datenfluss() -> tuple[System, ...]:
    """The systems the data flows through, in its order: callers before the systems they call (a
    caller's neighbours in the order it calls them). A system that calls nobody and that nobody
    calls is not part of the flow."""
    eingang = {s.name: 0 for s in SYSTEME}
    for s in SYSTEME:
        for n in s.ruft:
            eingang[n] += 1
    reihe: list[System] = []
    offen = [s for s in SYSTEME if eingang[s.name] == 0 and s.ruft]
    while offen:
        s = offen.pop(0)
        reihe.append(s)
        for n in s.ruft:
            eingang[n] -= 1
            if eingang[n] == 0:
                offen.append(SYSTEM[n])
    return tuple(reihe)


def objekt(pfad: str) -> Any:
    """The object a "module:name" (or the module a "module") of this table points to, imported on first use."""
    modul, _, name = pfad.partition(":")
    geladen = importlib.import_module(modul)
    return getattr(geladen, name) if name else geladen
