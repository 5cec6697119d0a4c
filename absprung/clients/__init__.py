"""One httpx client per system; steps, tools and the fakes' neighbour calls use the same ones."""

from absprung.errors import RemoteError, Unreachable

from .ams import AmsClient
from .base import redact, redact_url
from .cloud import CloudClient
from .concenter import ConcenterClient
from .control import ControlClient
from .thinksurance import ThinksuranceClient

__all__ = ["AmsClient", "CloudClient", "ConcenterClient", "ControlClient", "RemoteError", "ThinksuranceClient",
           "Unreachable", "redact", "redact_url"]
