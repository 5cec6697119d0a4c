"""Standard result formats from the run record (``lauf.json``), written in the controlling process,
so they are complete under xdist and report each step as what it was (passed, failed, skipped,
undefined): Cucumber Messages (``cucumber``), classic Cucumber JSON for Xray and Jenkins
(``cucumber_json``, derived from the messages) and pytest's JUnit XML with German names
(``junit``).
"""
