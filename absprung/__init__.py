"""absprung: the executable guide for the jump ams.5 → Thinksurance with customer data.

The harness, above the fakes: the guide's statements (``aussagen``) and screenshots (``bilder``), one
client per system (``clients``), the systems of a target (``systems``), its preflight (``preflight``),
the guide's setup tasks and who performs them (``einrichtung``), the causes of the Fehlerbilder
(``ursachen``) and the diagnosis (``diagnose``), browser discovery, the run record (``record``), the
generator of the living guide (``leitfaden``), the training page (``schulung``) and the contracts
(``vertraege``). Target profiles, the table of systems and the secret type are in ``basis``. Errors:
``errors``. The module path is the API.
"""
