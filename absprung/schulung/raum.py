"""The training room: the seats of a training server and what each trainee did there.

A seat (``Platz``) is one world of all four systems (``fakes.common.plaetze``) plus its exercise and its
state: ``frei`` (no exercise), ``wird vorbereitet``, ``offen``, ``gelöst``, ``aufgegeben``. Every action
on a seat goes through the fakes' interfaces *of that seat* – starting over resets only its world, the
diagnosis reads only its world. The single world of ``python -m fakes`` is seat 0 under the fakes' own
addresses. Finished attempts are kept for the trainer's results (CSV).
"""

from __future__ import annotations

import csv
import io
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, Callable

from basis.secret import Secret
from basis.ziel import embedded_fakes

from ..diagnose import diagnose
from ..diagnose.modell import IN_ORDNUNG, Diagnose
from ..errors import AbsprungError
from ..systems import Systems
from ..ursachen.aufgaben import Aufgabe

FREI, VORBEREITUNG, OFFEN, GELOEST, AUFGEGEBEN = "frei", "wird vorbereitet", "offen", "gelöst", "aufgegeben"
HINWEISE = 2  # steps of help before the solution: the question that tells the cause apart, then where to look


@dataclass
class Versuch:
    """One exercise on one seat."""

    aufgabe: Aufgabe
    begonnen: float
    zustand: str = OFFEN
    pruefungen: int = 0  # times "Prüfen" found it not yet solved
    hinweise: int = 0
    beendet: float | None = None

    @property
    def dauer_s(self) -> float | None:
        return None if self.beendet is None else round(self.beendet - self.begonnen, 1)


@dataclass
class Platz:
    nummer: int  # 0 = the single world of python -m fakes
    kennung: str | None  # the seat's secret part of every address; None for the single world
    urls: dict[str, str]  # the systems as seen from the seat
    versuch: Versuch | None = None
    vorbereitung: bool = False
    fehler: str | None = None  # why the last preparation failed
    sperre: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def pfad(self) -> str:
        """The seat's pages on the training page ("" for the single world)."""
        return f"/platz/{self.kennung}" if self.kennung else ""

    @property
    def zustand(self) -> str:
        if self.vorbereitung:
            return VORBEREITUNG
        return self.versuch.zustand if self.versuch else FREI


class Schulungsraum:
    def __init__(self, plaetze: list[Platz], *, steuerung: bool = True, passwort: str | None = None,
                 uhr: Callable[[], float] = time.time) -> None:
        """``steuerung``: the fakes' control API is on (starting over needs it)."""
        self.plaetze = {p.nummer: p for p in plaetze}
        self.nach_kennung = {p.kennung: p for p in plaetze if p.kennung}
        self.steuerung, self.uhr = steuerung, uhr
        self.passwort = Secret(passwort) if passwort else None
        self.erledigt: list[tuple[int, Versuch]] = []  # finished or abandoned attempts, for the results
        self._lock = threading.Lock()
        # Preparing seats for the trainer in the background, a few at a time (each is some 60 requests).
        self._arbeiter = ThreadPoolExecutor(max_workers=4, thread_name_prefix="schulung-platz")

    def hintergrund(self, arbeit: Callable[[], None]) -> None:
        """Runs ``arbeit`` in the background; a failure is already noted at its seat (``Platz.fehler``)."""
        def sicher() -> None:
            try:
                arbeit()
            except AbsprungError:
                pass
        self._arbeiter.submit(sicher)

    def schliessen(self) -> None:
        self._arbeiter.shutdown(wait=False, cancel_futures=True)

    def systeme(self, platz: Platz) -> Systems:
        ziel = replace(embedded_fakes().with_fake_urls(platz.urls), steuerung_passwort=self.passwort)
        return Systems.connect(ziel)

    def _ablegen(self, platz: Platz) -> None:
        if platz.versuch is not None:
            with self._lock:
                self.erledigt.append((platz.nummer, platz.versuch))

    def beginnen(self, platz: Platz, aufgabe: Aufgabe | None) -> None:
        """Start over with ``aufgabe`` (None: no exercise): the seat's world back to the demo office, then
        the whole guide set up except the exercise's cause. Raises AbsprungError (German) on failure."""
        if not self.steuerung:
            raise AbsprungError("Neu beginnen braucht die Steuerung der Fakes; sie ist mit --ohne-steuerung aus.")
        with platz.sperre:
            platz.vorbereitung, platz.fehler = True, None
            self._ablegen(platz)
            platz.versuch = None
            s = self.systeme(platz)
            try:
                s.reset()
                if aufgabe is not None:
                    aufgabe.uebung.herstellen(s)
                    platz.versuch = Versuch(aufgabe, self.uhr())
            except AbsprungError as f:
                platz.fehler = f"Die Übung ließ sich nicht herstellen: {f}"
                raise AbsprungError(platz.fehler) from None
            finally:
                platz.vorbereitung = False
                s.close()

    def uebernehmen(self, platz: Platz, aufgabe: Aufgabe) -> None:
        """An exercise set up by someone else (``python -m fakes --uebung``) counts from now."""
        platz.versuch = Versuch(aufgabe, self.uhr())

    def pruefen(self, platz: Platz) -> Diagnose:
        """The diagnosis of this seat; an open exercise is solved when it finds nothing."""
        s = self.systeme(platz)
        try:
            v = platz.versuch
            kunde = v.aufgabe.uebung.kundennummer(s) if v else s.world.kundennummer(s.world.pruefkunde)
            d = diagnose(s, s.world.ams_benutzer, kunde)
        finally:
            s.close()
        if v is not None and v.zustand == OFFEN:
            if d.ergebnis == IN_ORDNUNG:
                v.zustand, v.beendet = GELOEST, self.uhr()
            else:
                v.pruefungen += 1
        return d

    def hinweis(self, platz: Platz) -> None:
        v = platz.versuch
        if v is not None and v.zustand == OFFEN:
            v.hinweise = min(v.hinweise + 1, HINWEISE)

    def aufgeben(self, platz: Platz) -> None:
        v = platz.versuch
        if v is not None and v.zustand == OFFEN:
            v.zustand, v.beendet = AUFGEGEBEN, self.uhr()

    def vergessen(self, platz: Platz) -> None:
        """The seat's worlds were forgotten after an idle time: the seat is free again."""
        with platz.sperre:
            self._ablegen(platz)
            platz.versuch, platz.fehler = None, None

    def zeile(self, platz: Platz) -> dict[str, Any]:
        v = platz.versuch
        return {"platz": platz.nummer, "zustand": platz.zustand, "uebung": v.aufgabe.name if v else "",
                "titel": v.aufgabe.titel if v else "", "versuche": v.pruefungen if v else 0,
                "hinweise": v.hinweise if v else 0, "dauer_s": v.dauer_s if v else None,
                "begonnen": _zeit(v.begonnen) if v else "", "fehler": platz.fehler or ""}

    def stand(self) -> list[dict[str, Any]]:
        return [self.zeile(p) for n, p in sorted(self.plaetze.items()) if n > 0]

    def ergebnisse_csv(self) -> str:
        """Every attempt of this session, finished ones first, for a spreadsheet (semicolons, German)."""
        puffer = io.StringIO()
        w = csv.writer(puffer, delimiter=";", lineterminator="\r\n")
        w.writerow(["Platz", "Übung", "Titel", "Zustand", "Prüfungen ohne Erfolg", "Hinweise", "Begonnen",
                    "Dauer (s)", "Ursache"])
        with self._lock:
            alle = list(self.erledigt)
        alle += [(p.nummer, p.versuch) for p in self.plaetze.values() if p.versuch is not None and p.nummer > 0]
        for nummer, v in alle:
            if nummer == 0:
                continue
            geloest = v.zustand in (GELOEST, AUFGEGEBEN)
            w.writerow([nummer, v.aufgabe.name, v.aufgabe.titel, v.zustand, v.pruefungen, v.hinweise,
                        _zeit(v.begonnen), "" if v.dauer_s is None else str(v.dauer_s).replace(".", ","),
                        v.aufgabe.ursache.name if geloest else ""])
        return puffer.getvalue()


def _zeit(t: float) -> str:
    return datetime.fromtimestamp(t).strftime("%d.%m.%Y %H:%M:%S")
