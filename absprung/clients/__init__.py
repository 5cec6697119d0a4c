"""One httpx client per system (named in ``basis.systeme``); steps and tools use them."""

from absprung.errors import RemoteError, Unreachable

from .ams import AmsClient
from .base import redact, redact_url
from .cloud import CloudClient, Token
from .concenter import ConcenterClient
from .control import ControlClient
from .thinksurance import ThinksuranceClient

__all__ = ["AmsClient", "CloudClient", "ConcenterClient", "ControlClient", "RemoteError", "ThinksuranceClient",
           "Token", "Unreachable", "redact", "redact_url"]
