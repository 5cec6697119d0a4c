"""The values the guide prescribes, where the fakes and the harness both need them: the product and
its Produktgeber, the token's conventions, the Sachbearbeiter, the roles that may read customer data.
"""

from __future__ import annotations

# The cloud-Bestand's features the guide names (Voraussetzungen): two required, two for easier administration.
FEATURES = ("API-Zugriff", "Con:CenterTAA", "Mitarbeiterzugriff", "Vermittlerfreischaltungen")
PRODUKT = "Thinksurance - Gewerbeplattform"  # what DigiPro offers
PRODUKTGEBER = "Thinksurance"  # whose settings at the con:center user hold the two tokens (G14)
RECHT = "Thinksurance"  # the product right of the con:center user (G05)
TOKEN_NAME = "Thinksurance"  # "Als Standard hat sich der Wert Thinksurance etabliert" (G09)
ZWECK = "TaaData"  # the token's Zweck (G09)
VM_FREISCHALTUNG = "Thinksurance"  # the guide's example name of the VM-Freischaltung (G13)
SACHBEARBEITER = "cloudtransfer"  # G13
ROLLEN_MIT_DATENZUGRIFF = ("Administrator", "Benutzer")  # "mindestens über das Recht Benutzer" (G06)
