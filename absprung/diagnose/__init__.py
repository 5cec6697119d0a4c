"""Diagnosis of one customer's setup (``python -m absprung diagnose``) and the launch log's words.

``kette`` runs the checks of ``pruefungen`` (one module per system) through ``kontext`` (reading
only) in the order of ``befunde``; ``modell`` is the result and its JSON; ``katalog`` finds the
Fehlerbild of a cause; ``ausgabe`` prints it; ``protokoll`` explains the last launch-log entry.
"""

from .kette import KETTE, diagnose
from . import ausgabe
from .kontext import Eingabefehler
from .modell import Diagnose

__all__ = ["KETTE", "Diagnose", "Eingabefehler", "ausgabe", "diagnose"]
