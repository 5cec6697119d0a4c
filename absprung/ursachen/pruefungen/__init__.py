"""The checks, one module per system; ``absprung.diagnose.kette`` runs them in data-flow order.

A check reads through ``Kontext`` and returns one ``Zeile``. It may raise ``NichtLesbar``: the
chain then reports the check as ``nicht_pruefbar`` with the guide's menu path.
"""
