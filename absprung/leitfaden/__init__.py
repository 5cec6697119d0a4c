"""Living guide: turns the features, the last run record and its screenshots into Markdown pages.

Run before ``mkdocs build`` (``make leitfaden`` does both)::

    python -m absprung.leitfaden     # features/ + reports/lauf.json -> docs/generiert/, docs/bilder/

The package: ``gherkin`` (features), ``fehlerbilder`` (their labels), ``site`` (run record and
screenshots per statement), ``markdown``, ``pfade`` (page paths), ``pages`` (one module per page
family, listed in ``pages.REGISTRY``), ``write`` and the command line in ``__main__``.

Everything under ``docs/generiert/`` and ``docs/bilder/`` is recreated on every run (both are
git-ignored); hand-written pages live elsewhere under ``docs/``. A missing or unreadable
``reports/lauf.json`` is fine: every scenario then shows "nicht ausgeführt".

Conventions for feature authors
===============================

Guide statements
    Tag a scenario with the IDs of the guide statements it proves: ``@G07 @G09``. Tags on
    ``Funktionalität`` and ``Regel`` are inherited. The statements themselves live in
    ``absprung.aussagen``. IDs never change; new ones go at the end.

Screenshots
    Only scenarios tagged ``@doku`` illustrate the guide (their screenshots have secrets masked).
    A screenshot belongs to the run step during which it was taken and carries a name from
    ``absprung.bilder``; it illustrates every statement of the scenario's @G IDs that lists that
    name under ``bilder``. Only passed scenarios illustrate the guide; the scenario page shows the
    screenshots of every @doku scenario.

Fehlerbilder (troubleshooting)
    Tag the scenario ``@fehlerbild``. The scenario name is the symptom as a caller would put it.
    Cause and fix go into the scenario description, one labelled line each, before the steps::

        @fehlerbild @G16
        Szenario: Thinksurance öffnet sich, aber ohne Kundendaten
          Suchbegriffe: Kundendaten fehlen, leeres Formular, keine Kundendaten
          Ursache: Beim cloud Konto des ams Benutzers ist „Maklerextranet aktivieren“ nicht angehakt.
          Behebung: In ams.5 unter Organisation → Benutzer beim cloud Konto „Maklerextranet
            aktivieren“ anhaken und speichern.
          Code: CC_KEIN_CLOUD_BENUTZER
          Prüfung: maklerextranet
          Angenommen ...

    ``Ursache:``, ``Behebung:``, ``Code:`` (the stable code that identifies the cause in the
    launch log or a refusal; the steps that see a code check it) and ``Prüfung:`` (the cause as
    ``python -m absprung diagnose`` names it, see ``absprung.diagnose.befunde``) are expected; the
    generator warns without them. A Fehlerbild whose state is the cause ends with "Und findet die
    Diagnose diese Ursache". ``Suchbegriffe:`` (comma-separated words callers
    use, so the site search finds the entry) and ``Symptom:`` (one shared wording when several
    scenarios are causes of the same symptom) are optional. A label's text continues on the
    following lines until the next label; unlabelled lines before the first label are shown as
    a note.
"""
