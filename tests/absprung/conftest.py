"""One set of fakes for the diagnosis tests; every test starts from the seed."""

from __future__ import annotations

from typing import Iterator

import pytest

from absprung.systems import Systems
from basis.ziel import embedded_fakes
from fakes.options import Options
from fakes.server import Fakes


@pytest.fixture(scope="module")
def welt() -> Iterator[Systems]:
    with Fakes(Options()) as fakes:
        systems = Systems.connect(embedded_fakes().with_fake_urls(fakes.urls))
        yield systems
        systems.close()


@pytest.fixture
def s(welt: Systems) -> Systems:
    welt.reset()
    return welt
