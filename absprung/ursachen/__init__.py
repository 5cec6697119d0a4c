"""The causes of the Fehlerbilder, each declared once (``katalog``): guide IDs, the diagnosis' check,
question and menu path, the cause and its fix, the codes that make it recognisable, and the exercise
that sets it up. ``kontext`` is what the checks read (only reading), ``pruefungen`` the checks, one
module per system, ``uebungen`` the building blocks of the exercises, ``modell`` the shapes.

Everything here is Python in the installed package: the diagnosis needs no repository files.
"""

from .katalog import NACH_RECHTE, UEBUNGEN, URSACHE, URSACHEN, rang
from .kontext import Eingabefehler, Kontext, NichtLesbar
from .modell import FEHLT, NICHT_PRUEFBAR, OK, SYMPTOME, Befund, Uebung, Ursache

__all__ = ["FEHLT", "NACH_RECHTE", "NICHT_PRUEFBAR", "OK", "SYMPTOME", "UEBUNGEN", "URSACHE", "URSACHEN", "Befund",
           "Eingabefehler", "Kontext", "NichtLesbar", "Uebung", "Ursache", "rang"]
