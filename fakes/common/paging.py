"""Lists that can grow are read page by page: the answer stays a plain JSON list (as before), how many
there are in all travels in the headers ``X-Gesamtzahl``, ``X-Seite`` and ``X-Seiten``
(parameters: ``fakes.common.endpoints.seiten_parameter``)."""

from __future__ import annotations

from typing import Sequence, TypeVar

from .errors import FELD_BEREICH

T = TypeVar("T")
SEITEN_MAX = 100_000


def seite(eintraege: Sequence[T], nummer: int, pro_seite: int, pro_seite_max: int) -> list[T]:
    """Page ``nummer`` (from 1) of ``pro_seite`` entries; both checked against their range."""
    if not 1 <= nummer <= SEITEN_MAX:
        raise FELD_BEREICH.refuse(feld="seite", min=1, max=SEITEN_MAX)
    if not 1 <= pro_seite <= pro_seite_max:
        raise FELD_BEREICH.refuse(feld="pro_seite", min=1, max=pro_seite_max)
    return list(eintraege[(nummer - 1) * pro_seite:nummer * pro_seite])


def kopfzeilen(gesamt: int, nummer: int, pro_seite: int) -> dict[str, str]:
    return {"X-Gesamtzahl": str(gesamt), "X-Seite": str(nummer), "X-Seiten": str(max(1, -(-gesamt // pro_seite)))}
