"""Shared fixtures: small real stores in temporary folders, and the spaCy pipeline loaded once."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pactwatch.nlp import Pipeline, load_pipeline
from pactwatch.settings import load_settings


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return load_pipeline(load_settings().nlp.models)


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """Write a file under tmp_path: write("a/b.txt", "text") or write("x.bin", b"bytes")."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
        return path

    return _write


@pytest.fixture
def parse(pipeline: Pipeline) -> Callable[[str], Any]:
    def _parse(text: str) -> Any:
        return next(pipeline.parse([text]))

    return _parse


ARTICLE_EN = """\
---
title: Pyongyang ships fuel tanks to Moscow
published: 2024-05-02
url: https://test.example/news/1
---
The North Korean government shipped armoured vehicles to Russia in April 2024, officials in Seoul said.

Analysts said Moscow could ask for more vehicles if fighting intensifies in the spring.
"""

ARTICLE_DE = """\
---
title: Nordkorea liefert Fahrzeuge
published: 2024-05-03
---
Nordkorea hat nach Angaben aus Seoul gepanzerte Fahrzeuge an Russland geliefert. Die Regierung in
Moskau äußerte sich zunächst nicht zu dem Bericht, der in Berlin mit Sorge aufgenommen wurde.
"""
