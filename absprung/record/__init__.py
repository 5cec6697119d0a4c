"""The run record: what happened in a run, scenario by scenario and step by step.

``model`` holds the typed record and its JSON form (``lauf.json``), ``plugin`` records it during
a pytest run (also under xdist), ``html_report`` shows it in pytest-html's report.
"""
