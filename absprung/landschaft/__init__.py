"""A landscape that cannot be reset (a writable test system without the fakes' control API).

Before a scenario writes there, ``stand`` reads what it may change – through the systems' own
interfaces, no secret in it –, ``journal`` keeps that on disk until the scenario is over, and
``wiederherstellen`` puts it back afterwards, also after a failure or, in the next run, after an
interrupted one. What a scenario could not put back is named, never hidden.
"""
