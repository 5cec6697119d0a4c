"""All step definitions and fixtures as one pytest plugin (``-p steps.alle``)."""

pytest_plugins = [
    "absprung.record.plugin",
    "absprung.record.teilung",
    "steps.ziel",
    "steps.nur_fake",
    "steps.fixtures",
    "steps.fehlerbild",
    "steps.voraussetzungen",
    "steps.cloud",
    "steps.freischaltung",
    "steps.concenter",
    "steps.ams",
    "steps.absprung",
    "steps.anmerkungen",
    "steps.allgemein",
]
