"""Ingest robustness: a run killed part-way is completed by running it again (nothing lost, nothing
doubled), and no input, however broken, stops a run."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pactwatch import Store, ingest

ACTORS = ["Russia", "North Korea", "South Korea", "Japan", "China", "Ukraine", "the United States"]
ITEMS = ["artillery shells", "missiles", "fuel", "food", "drones", "engineers", "rifles"]
VERBS = ["sent", "delivered", "shipped", "promised", "denied sending", "may supply"]
PLACES = ["Kursk", "Vladivostok", "Rason", "Pyongyang", "Seoul", "Kyiv", "Tokyo"]


def _articles(folder: Path, n: int, seed: int = 3) -> None:
    """Short articles we generate from a few word lists; each differs from the others."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        lines = [f"Report {i}: {rng.choice(ACTORS)} and {rng.choice(ACTORS)} in talks"]
        for _ in range(rng.randint(3, 6)):
            who, whom = rng.sample(ACTORS, 2)
            amount = rng.randint(2, 90) * 100
            lines.append(
                f"{who} {rng.choice(VERBS)} {amount} {rng.choice(ITEMS)} to {whom} "
                f"through {rng.choice(PLACES)} in week {rng.randint(1, 52)}, officials said."
            )
        (folder / f"r{i:04d}.txt").write_text(
            f"---\npublished: 2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n---\n"
            + "\n\n".join(lines)
            + "\n",
            encoding="utf-8",
        )


def _snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        queries = {
            "documents": "SELECT * EXCLUDE (ingested_at) FROM documents",
            "events": "SELECT * FROM events",
            "annotations": "SELECT doc_id, model, md5(docbin) FROM annotations",
            "stripped": "SELECT * FROM stripped",
            "minhash": "SELECT * FROM minhash",
            "lsh_bands": "SELECT * FROM lsh_bands",
        }
        return {
            name: con.execute(f"{sql} ORDER BY ALL").fetchall() for name, sql in queries.items()
        }
    finally:
        con.close()


def _run(folder: Path, db: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PACTWATCH_NLP_BATCH_SIZE": "8"}
    return subprocess.Popen(
        [sys.executable, "-m", "pactwatch", "ingest", str(folder), "--db", str(db)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def test_an_ingest_killed_part_way_is_completed_by_running_it_again(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _articles(folder, 80)
    clean_db, killed_db = tmp_path / "clean.duckdb", tmp_path / "killed.duckdb"
    clean = _run(folder, clean_db)
    clean.communicate(timeout=300)
    assert clean.returncode == 0

    run = _run(folder, killed_db)
    assert run.stderr is not None
    for line in run.stderr:  # one line per batch written: kill after the third
        if line.startswith("ingest: 24 stored"):
            run.send_signal(signal.SIGKILL)
            break
    run.stderr.close()
    assert run.wait(timeout=60) == -signal.SIGKILL
    with Store(killed_db, read_only=True) as store:
        part = len(store.documents())
    assert 24 <= part < 80  # killed part-way, with what it finished stored

    rerun = _run(folder, killed_db)
    rerun.communicate(timeout=300)
    assert rerun.returncode == 0
    assert _snapshot(killed_db) == _snapshot(clean_db)


_HTML_PARTS = st.sampled_from(
    [
        "<html>",
        "</html>",
        "<body>",
        "<p>",
        "</p>",
        "<div class='x'>",
        "</div>",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "<meta charset='latin-1'>",
        "<title>",
        "</title>",
        "&amp;",
        "&#0;",
        "<br/>",
        "<table><tr><td>",
        "\x00",
        "\ufeff",
        "Russia sent shells to Kursk. ",
        "North Korea denied it. ",
        "<a href='javascript:x'>",
        "<![CDATA[",
        "]]>",
        "<?xml ?>",
    ]
)
_JUNK = st.one_of(
    st.binary(max_size=400),
    st.lists(_HTML_PARTS | st.text(max_size=20), max_size=40).map("".join).map(str.encode),
    st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=_JUNK, suffix=st.sampled_from([".txt", ".md", ".html", ".htm", ".jsonl", ".bin"]))
def test_no_input_stops_a_run(tmp_path: Path, data: bytes, suffix: str) -> None:
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    (folder / f"junk{suffix}").write_bytes(data)
    (folder / "good.txt").write_text(
        "Seoul said on Monday that North Korea had shipped more shells to Russia.\n", "utf-8"
    )
    db = folder / "s.duckdb"
    report = ingest([folder], db)
    with Store(db, read_only=True) as store:
        docs = store.documents()
    assert any(d.path and d.path.endswith("good.txt") and d.status == "ok" for d in docs)
    assert report.exit_code == (1 if report.failed else 0)
    for failure in report.failed:
        assert failure.code.startswith("PW-INGEST-") and "junk" in str(failure)
    errors = [d for d in docs if d.status == "error"]
    assert len(errors) == len({f.locator for f in report.failed})
