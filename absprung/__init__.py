"""absprung: the executable guide for the jump ams.5 → Thinksurance with customer data.

Shared code of steps, fakes and tools: the guide's statements (``aussagen``) and screenshots
(``bilder``), one client per system (``clients``), target profiles (``targets``), the systems of
a target (``systems``), the guide's setup steps (``einrichtung``), browser discovery, the run
record (``record``) and the generator of the living guide (``leitfaden``). Errors: ``errors``.
The module path is the API.
"""
