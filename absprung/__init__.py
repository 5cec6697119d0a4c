"""absprung: the executable guide for the jump ams.5 → Thinksurance with customer data.

Shared code of steps, fakes and tools: system clients, target profiles, browser discovery,
run record and the generator of the living guide. The module path is the API.
"""
