"""Contracts: what a real system's interface answers, as data – and whether a fake still does so.

``vertraege/<system>/*.json`` holds one file per endpoint: its documentation page and cases, each a
request (method, path, headers by name, body with ``{{placeholders}}`` for secrets and ids) and the
expected answer's shape (status, content type, JSON key paths with types, optional ones, whether
other keys may appear). ``vertraege/<system>/aufnahmen/`` holds recordings of real systems – the
observed shapes only, dated, never a value.

``modell`` loads them, ``form`` turns an answer into its shape and compares shapes, ``lauf`` runs
a case against a system, ``aufnahme`` writes and reads recordings, ``bericht`` words the drift
report, ``befehl`` is ``python -m absprung vertraege aufzeichnen|pruefen``.
"""
