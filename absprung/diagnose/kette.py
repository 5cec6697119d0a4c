"""The diagnosis of one customer's setup: every check in data-flow order, the first broken link.

ams.5 (cloud Konto, Maklerextranet, DigiPro) → con:center (product, Produktgeber settings) →
assfinet cloud (in the order of TaaData) → Thinksurance (partner access, b-Token, broker of the
Haupt-E-Mail, binding). Every check runs, so support sees all broken links; the first one is
the cause, with the Ursache and Behebung of its Fehlerbild.
"""

from __future__ import annotations

from typing import Callable

from ..systems import Systems
from . import katalog
from .kontext import Kontext, NichtLesbar
from .modell import FEHLT, Diagnose, Ursache, Zeile, nicht_pruefbar
from .pruefungen import ams, cloud, concenter, thinksurance

Pruefung = tuple[str, Callable[[Kontext], Zeile]]  # (the check's own finding, the check)
KETTE: tuple[Pruefung, ...] = (
    ("cloud-konto", ams.cloud_konto), ("maklerextranet", ams.maklerextranet),
    ("produktfreischaltungen", ams.digipro),
    ("concenter-produkt", concenter.produkt), ("btoken-fehlt", concenter.btoken),
    ("collaboration-token-fehlt", concenter.collaboration_token),
    ("collaboration-token-falsch", cloud.token_passt), ("token-widerrufen", cloud.widerrufen),
    ("api-zugriff", cloud.api_zugriff), ("concenter-taa", cloud.concenter_taa), ("token-zweck", cloud.zweck),
    ("concenter-liste", cloud.concenter_liste), ("cloud-rolle", cloud.rolle),
    ("freischaltung-fehlt", cloud.freischaltung), ("kunde-repliziert", cloud.repliziert),
    ("partnerzugang", thinksurance.partnerzugang), ("btoken-falsch", thinksurance.btoken_passt),
    ("makler-email", thinksurance.makler), ("btoken-bindung", thinksurance.bindung),
)


def diagnose(systems: Systems, benutzer: str, kunde: str,
             fortschritt: Callable[[int, int, Zeile], None] | None = None) -> Diagnose:
    """Reads only. Raises ``Eingabefehler`` for an unknown user or customer and ``Unreachable``
    for a system that does not answer; both mean: nothing was diagnosed."""
    k = Kontext(systems, benutzer, kunde)
    _ = k.ams_benutzer, k.kundenmaske  # an unknown user or customer stops here, before any check
    zeilen = []
    for i, (eigener, pruefung) in enumerate(KETTE, 1):
        try:
            zeile = pruefung(k)
        except NichtLesbar as f:
            zeile = nicht_pruefbar(eigener, str(f))
        zeilen.append(zeile)
        if fortschritt is not None:
            fortschritt(i, len(KETTE), zeile)
    erste = next((z for z in zeilen if z.status == FEHLT), None)
    return Diagnose(tuple(zeilen), _ursache(erste) if erste else None)


def _ursache(z: Zeile) -> Ursache:
    fb = katalog.fehlerbild(z.befund.id)
    if fb is None:
        return Ursache(z.befund, "", z.hinweis, f"{z.befund.pruefung}: fehlt.", z.befund.behebung, "")
    return Ursache(z.befund, fb.code, z.hinweis, fb.ursache, fb.behebung, katalog.link(fb))

