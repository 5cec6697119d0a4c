"""Stateful fakes of the four systems of the guide: assfinet cloud, con:center, ams.5, Thinksurance.

Each sub-package: ``models`` (state and rules, no web framework; larger ones mix in one module per
area of the guide, e.g. ``cloud.freischaltungen``), ``daten`` (the model's records), ``api``
and ``ui`` (translation and serialization only; handlers carry the model operation's name),
``neighbours`` (HTTP to the other systems), ``templates`` (pages) and ``app`` (assembly).
``fakes.common`` holds what all four share. ``python -m fakes`` serves all four.
"""
