"""German command lines: argparse's own words ("usage:", "options", "error: …") in German.

argparse asks ``gettext`` for every text it writes itself; no German catalogue ships with Python, so its
help and errors came out English beside our German help texts. ``deutsch()`` gives argparse these
translations instead (called by every command of the project before it builds its parser).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

DEUTSCH = {
    "usage: ": "Aufruf: ",
    "positional arguments": "Argumente",
    "options": "Optionen",
    "show this help message and exit": "diese Hilfe zeigen und beenden",
    "%(prog)s: error: %(message)s\n": "%(prog)s: Fehler: %(message)s\n",
    "unrecognized arguments: %s": "unbekannte Angaben: %s",
    "the following arguments are required: %s": "diese Angaben fehlen: %s",
    "one of the arguments %s is required": "eine dieser Angaben ist nötig: %s",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "expected one argument": "erwartet einen Wert",
    "expected at most one argument": "erwartet höchstens einen Wert",
    "expected at least one argument": "erwartet mindestens einen Wert",
    "invalid %(type)s value: %(value)r": "ungültiger Wert (%(type)s erwartet): %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": "ungültige Wahl: %(value)r (möglich: %(choices)s)",
    "not allowed with argument %s": "nicht zusammen mit %s",
    "ambiguous option: %(option)s could match %(matches)s": "mehrdeutige Option: %(option)s passt zu %(matches)s",
    "ignored explicit argument %r": "Wert %r nicht erwartet",
    "unexpected option string: %s": "unerwartete Option: %s",
    "can't open '%(filename)s': %(error)s": "„%(filename)s“ lässt sich nicht öffnen: %(error)s",
}
ZAHL = {("expected %s argument", "expected %s arguments"): ("erwartet %s Wert", "erwartet %s Werte")}


def _uebersetzen(text: str) -> str:
    return DEUTSCH.get(text, text)


def _uebersetzen_n(einzahl: str, mehrzahl: str, n: int) -> str:
    de = ZAHL.get((einzahl, mehrzahl), (einzahl, mehrzahl))
    return de[0] if n == 1 else de[1]


def deutsch() -> None:
    """From now on argparse writes German (idempotent)."""
    setattr(argparse, "_", _uebersetzen)  # noqa: B010 - argparse looks its gettext up as a module global
    setattr(argparse, "ngettext", _uebersetzen_n)  # noqa: B010


def programm(modul: str, befehl: str) -> str:
    """How the command was called, for its help: ``absprung`` (console script) or ``python -m absprung``."""
    return befehl if Path(sys.argv[0]).name == befehl else f"python -m {modul}"
