"""Stateful fakes of the four systems of the guide: assfinet cloud, con:center, ams.5, Thinksurance.

Each sub-package: ``models`` (state and rules, no HTTP), ``api``/``ui`` (translation only),
``templates`` (pages) and ``app`` (assembly). ``python -m fakes`` serves all four.
"""
