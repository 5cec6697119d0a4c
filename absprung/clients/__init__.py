"""One httpx client per system; the steps and the con:center fake use the same ones."""

from .ams import AmsClient
from .basis import NichtErreichbar, SystemFehler, schwaerzen
from .cloud import CloudClient
from .concenter import ConcenterClient
from .steuerung import SteuerungClient
from .thinksurance import ThinksuranceClient

__all__ = ["AmsClient", "CloudClient", "ConcenterClient", "NichtErreichbar", "SteuerungClient",
           "SystemFehler", "ThinksuranceClient", "schwaerzen"]
