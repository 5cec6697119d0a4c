"""Names of the screenshots the @doku scenarios take, one constant each.

The steps that take a picture and the guide statements it illustrates (``absprung.aussagen``)
use the same constant, so a picture finds its place in the guide by name, not by pattern.
"""

from __future__ import annotations

FEATURES_DES_BESTANDS = "assfinet drive – Features des Bestands"
ALLGEMEIN_CONCENTER = "assfinet drive – Allgemein → con:center"
TOKEN_GESPEICHERT = "assfinet drive – assfinet api – Token gespeichert"
MITARBEITERZUGRIFF = "assfinet drive – Mitarbeiterzugriff"
VM_FREISCHALTUNG = "assfinet drive – VM-Freischaltung"
KUNDENFREISCHALTUNG = "assfinet drive – Kundenfreischaltung"
PRODUKTGEBER_THINKSURANCE = "con:center – Produktgeber Thinksurance"
CLOUD_KONTEN = "ams.5 – cloud Konten"
PRODUKTFREISCHALTUNGEN = "ams.5 – Produktfreischaltungen"
KUNDENMASKE = "ams.5 – Kundenmaske"
DIGIPRO = "ams.5 – DigiPro"
GEWERBEPLATTFORM = "Thinksurance – Gewerbeplattform"

ALLE = (FEATURES_DES_BESTANDS, ALLGEMEIN_CONCENTER, TOKEN_GESPEICHERT, MITARBEITERZUGRIFF, VM_FREISCHALTUNG,
        KUNDENFREISCHALTUNG, PRODUKTGEBER_THINKSURANCE, CLOUD_KONTEN, PRODUKTFREISCHALTUNGEN, KUNDENMASKE, DIGIPRO,
        GEWERBEPLATTFORM)
