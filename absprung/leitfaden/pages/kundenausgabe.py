"""The customer edition as a page of the site, with a link to its PDF (``absprung.leitfaden.kundenausgabe``)."""

from __future__ import annotations

from .. import pfade
from ..kundenausgabe import PDF, UNTERTITEL, markdown_text
from ..markdown import admonition, link
from ..site import Site

PAGE = pfade.KUNDENAUSGABE


def pages(site: Site) -> dict[str, str]:
    pdf = link(PAGE, PDF)  # printed into the site's root by make, after the build: a raw link, not checked
    hinweis = admonition("info", UNTERTITEL,
                         "Diese Ausgabe enthält nur, was ein Maklerbüro zum Einrichten braucht – ohne die "
                         "Prüfnachweise der QA-Ausgabe. Zum Weitergeben und Ausdrucken: "
                         f'<a href="{pdf}">als PDF mit Inhaltsverzeichnis und Seitenzahlen</a>.')
    text = markdown_text(site, lambda datei: link(PAGE, f"{pfade.PICTURES}/{datei}"))
    kopf, _, rest = text.partition("\n\n")
    return {PAGE: f"{kopf}\n\n{hinweis}\n\n{rest}"}
