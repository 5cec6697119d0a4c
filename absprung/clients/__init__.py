"""One httpx client per system (named in ``basis.systeme``); steps and tools use them."""

from absprung.errors import NoAnswer, RemoteError, Slow, Unreachable

from .ams import AmsClient
from .base import redact, redact_url
from .cloud import CloudClient, Token
from .concenter import ConcenterClient
from .control import ControlClient
from .thinksurance import ThinksuranceClient

__all__ = ["AmsClient", "CloudClient", "ConcenterClient", "ControlClient", "NoAnswer", "RemoteError", "Slow",
           "ThinksuranceClient", "Token", "Unreachable", "redact", "redact_url"]
