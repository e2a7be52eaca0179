"""A store of the sample corpus plus an article carrying markup, and a real server over it."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from pactwatch import ingest
from pactwatch.pipeline import sample_corpus
from pactwatch.web.app import create_app

HOSTILE = """---
title: Drones <img src=x onerror="alert('title')"> over Kursk
url: https://hostile.example/news/1
published: 2025-02-03
---
Iran sent drones to Russia <script>alert("body")</script> in January, officials said.
The shipment <img src=x onerror=alert(2)> was the largest so far.
"""


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("web")
    corpus = folder / "corpus"
    shutil.copytree(sample_corpus(), corpus)
    (corpus / "hostile.md").write_text(HOSTILE, encoding="utf-8")
    db = folder / "web.duckdb"
    report = ingest([corpus], db)
    assert not report.failed
    return db


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    def __init__(self, db: Path, token: str | None = None) -> None:
        self.port = _free_port()
        config = uvicorn.Config(
            create_app(db, token=token), host="127.0.0.1", port=self.port, log_level="warning"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def server(web_db: Path) -> Iterator[Server]:
    with Server(web_db) as running:
        yield running


@pytest.fixture(scope="session")
def artefacts() -> Path:
    """Where screenshots are kept: $PACTWATCH_ARTEFACTS, else artefacts/screenshots."""
    root = Path(os.environ.get("PACTWATCH_ARTEFACTS", Path(__file__).parents[2] / "artefacts"))
    folder = root / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
