"""Stateful fakes of the systems of the guide (``basis.systeme``): assfinet cloud, con:center, ams.5,
Thinksurance.

Each sub-package: ``models`` (one class with the system's state and rules, no web framework),
``daten`` (the model's records), ``api`` and ``ui`` (translation and serialization only; handlers
carry the model operation's name), ``neighbours`` (HTTP to the other systems through the fakes' own
``common.transport``), ``templates`` (pages) and ``app`` (``create(options, urls)``).
``fakes.common`` holds what all share; ``server`` runs the fakes of a landscape, ``serving`` one fake;
``python -m fakes`` serves them, with the extensions installed beside them (``zusaetze``). The fakes
imitate real systems: they import nothing of the harness (``absprung``).
"""
