"""The customer's fields, declared once: the cloud's key, the Thinksurance field, the label the
Gewerbeplattform shows and how a value is converted on the way.

``Kundendaten`` is the typed record of one company customer as the assfinet cloud and ams.5 hold it;
each of its data fields carries, in its metadata, where the value goes at Thinksurance and under
which label the platform shows it. ``FELDER`` is read from those fields, so the con:center fake
(what it forwards), the Thinksurance fake (what its platform shows), the platform labels of a
target profile and the Then-step that compares the platform with the cloud all use one table.

Thinksurance documents ``cExternalId``, ``cFirstName``, ``cLastName``, ``cEmail`` and the
``qasCustProfile`` tags for revenue (cent) and staff; the company and address fields are assumed by
analogy with the documented broker fields, and so are the platform's labels (assumptions A10, A19).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields
from typing import Any, Mapping

TEXT, CENT, ANZAHL = "text", "cent", "anzahl"  # how a value travels: as text, euro → cent, whole number


@dataclass(frozen=True)
class Feld:
    cloud: str  # key in the cloud (TaaData, replication, assfinet drive) and in ams.5
    thinksurance: str  # Broker Forward field (cCompany) or qasCustProfile tag (umsatz); "" = not forwarded
    label: str  # the Gewerbeplattform's label; the key of [plattform.felder] in a profile; "" = not shown
    art: str = TEXT
    gruppe: str = ""  # what the guide's test step calls several fields together ("Anschrift")

    @property
    def im_fragebogen(self) -> bool:
        """Travels as a qasCustProfile answer rather than a customer field."""
        return self.art != TEXT


def _feld(thinksurance: str = "", label: str = "", art: str = TEXT, gruppe: str = "") -> Any:
    return field(default=None, metadata={"feld": (thinksurance, label, art, gruppe)})


@dataclass(frozen=True)
class Kundendaten:
    """One company customer as the cloud and ams.5 hold it (the prefill's source)."""

    kundennummer: str
    vermittler: str | None = None
    repliziert: bool | None = None  # None where the answer does not say (TaaData)
    firma: str | None = _feld("cCompany", "Firma")
    rechtsform: str | None = _feld()
    strasse: str | None = _feld("cStreet", "Straße", gruppe="Anschrift")
    hausnummer: str | None = _feld("cStreetNumber", "Hausnummer", gruppe="Anschrift")
    plz: str | None = _feld("cZip", "PLZ", gruppe="Anschrift")
    ort: str | None = _feld("cCity", "Ort", gruppe="Anschrift")
    branche: str | None = _feld()
    telefon: str | None = _feld("cPhone", "Telefon")
    email: str | None = _feld("cEmail", "E-Mail")
    ansprechpartner_vorname: str | None = _feld("cFirstName", "Ansprechpartner Vorname", gruppe="Ansprechpartner")
    ansprechpartner_nachname: str | None = _feld("cLastName", "Ansprechpartner Nachname", gruppe="Ansprechpartner")
    umsatz: int | float | None = _feld("umsatz", "Jahresumsatz in Euro", CENT, "Umsatz")
    mitarbeiter_vollzeit: int | float | None = _feld("anzahl_vollzeitmitarbeiter", "Vollzeitmitarbeiter", ANZAHL,
                                                     "Mitarbeiter")
    mitarbeiter_teilzeit: int | float | None = _feld("anzahl_teilzeitmitarbeiter", "Teilzeitmitarbeiter", ANZAHL,
                                                     "Mitarbeiter")

    def wert(self, f: Feld) -> Any:
        return getattr(self, f.cloud)

    def daten(self) -> dict[str, Any]:
        """The data fields by cloud key (what ams.5 replicates and the cloud stores)."""
        return {f.cloud: self.wert(f) for f in FELDER}

    @classmethod
    def aus_json(cls, data: Mapping[str, Any]) -> Kundendaten:
        """From an answer of the cloud or ams.5; a real system may send numbers as text and text as
        numbers: text is taken as text, an unreadable number is left out."""
        werte: dict[str, Any] = {f.cloud: (_zahl(data.get(f.cloud)) if f.im_fragebogen else _text(data.get(f.cloud)))
                                 for f in FELDER}
        repliziert = data.get("repliziert")
        return cls(kundennummer=str(data.get("kundennummer") or ""), vermittler=_text(data.get("vermittler")),
                   repliziert=repliziert if isinstance(repliziert, bool) else None, **werte)


FELDER: tuple[Feld, ...] = tuple(Feld(f.name, *f.metadata["feld"]) for f in fields(Kundendaten) if "feld" in f.metadata)
CLOUD_KEYS: tuple[str, ...] = tuple(f.cloud for f in FELDER)
AUF_DER_PLATTFORM: tuple[Feld, ...] = tuple(f for f in FELDER if f.label)
LABELS: tuple[str, ...] = tuple(f.label for f in AUF_DER_PLATTFORM)
KUNDENFELDER_THINKSURANCE: tuple[str, ...] = tuple(f.thinksurance for f in FELDER
                                                   if f.thinksurance and not f.im_fragebogen)
# What the guide's test step names together ("Anschrift"): group -> labels, in the platform's order.
GRUPPEN: dict[str, tuple[str, ...]] = {
    g: tuple(f.label for f in AUF_DER_PLATTFORM if f.gruppe == g) for g in dict.fromkeys(
        f.gruppe for f in AUF_DER_PLATTFORM if f.gruppe)}


def nach_thinksurance(k: Kundendaten) -> dict[str, Any]:
    """The Broker Forward fields of a customer: company and contact fields, an external reference
    with the ams customer number, revenue and staff as documented qasCustProfile answers."""
    felder: dict[str, Any] = {"cExternalId": k.kundennummer}
    fragen = []
    for f in FELDER:
        wert = k.wert(f)
        if not f.thinksurance or wert in (None, ""):
            continue
        if f.art == CENT:
            fragen.append({"id": f.thinksurance, "answers": [str(round(float(wert) * 100))]})
        elif f.art == ANZAHL:
            fragen.append({"id": f.thinksurance, "answers": [str(int(wert))]})  # documented: integers only
        else:
            felder[f.thinksurance] = wert
    felder["cExternalReferences"] = [{"origin": "crm", "paramKey": "ams-Kundennummer", "paramValue": k.kundennummer}]
    if fragen:
        felder["qasCustProfile"] = {"source": "crm", "categories": [{"id": "default", "questions": fragen}]}
    return felder


def auf_der_plattform(kunde: Mapping[str, Any], profil: Mapping[str, list[str]]) -> list[tuple[Feld, str]]:
    """What the Gewerbeplattform shows of a customer Thinksurance holds: its fields (cCompany …) and
    its qasCustProfile answers by tag, each under the platform's label."""
    gezeigt = []
    for f in AUF_DER_PLATTFORM:
        if f.im_fragebogen:
            antworten = profil.get(f.thinksurance) or []
            wert: Any = (_cent_zu_euro(antworten[0]) if f.art == CENT else antworten[0]) if antworten else ""
        else:
            wert = kunde.get(f.thinksurance)
        gezeigt.append((f, "" if wert is None else str(wert)))
    return gezeigt


def _cent_zu_euro(cent: str) -> int | str:
    try:
        return int(cent) // 100
    except ValueError:
        return cent


def _text(wert: Any) -> str | None:
    return None if wert is None else str(wert)


def _zahl(wert: Any) -> int | float | None:
    """A number from a real cloud may arrive as text; anything unreadable is left out."""
    if wert is None or wert == "" or isinstance(wert, bool):
        return None
    if isinstance(wert, int):
        return wert
    try:
        zahl = float(str(wert).replace(",", "."))
    except ValueError:
        return None
    if not math.isfinite(zahl):
        return None
    return int(zahl) if zahl.is_integer() else zahl
