"""Diagnosis of one customer's setup (``python -m absprung diagnose``) and the launch log's words.

``kette`` runs the checks of the declared causes (``absprung.ursachen``) in data-flow order;
``modell`` is the result and its JSON; ``ausgabe`` prints it; ``protokoll`` explains the last
launch-log entry.
"""

from . import ausgabe
from .kette import KETTE, diagnose
from .modell import Diagnose

__all__ = ["KETTE", "Diagnose", "ausgabe", "diagnose"]
