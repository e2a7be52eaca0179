"""The store: migrations, idempotent writes, errors that clear, read-only and lock messages."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from pactwatch.errors import StoreError
from pactwatch.kb import Store
from pactwatch.kb.store import NewDocument, _typed_list, migrations
from pactwatch.model import Document, Event, Span


def _doc(doc_id: str = "d1") -> Document:
    return Document(
        id=doc_id, path="a.txt", title="T", published="2024-01-01", language="en", chars=10
    )


def _event(doc_id: str = "d1") -> Event:
    return Event(
        id=f"e-{doc_id}",
        doc_id=doc_id,
        span=Span(start=0, end=5, text="Hello"),
        source="RUS",
        type="AID",
        mode="fuel",
        modality="asserted",
        confidence=0.5,
    )


def _counts(path: Path) -> tuple[int, int, int]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return tuple(  # type: ignore[return-value]
            con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608 (fixed table names)
            for t in ("documents", "events", "schema_migrations")
        )
    finally:
        con.close()


def test_migrations_run_once_and_are_recorded(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        assert store.schema_version() == len(migrations())
    with Store(path) as store:
        assert store.migrate() == []  # nothing left to apply
    assert _counts(path)[2] == len(migrations())


def test_writing_the_same_document_twice_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    for _ in range(2):
        with Store(path) as store:
            store.write_document(
                NewDocument(
                    _doc(),
                    locator="a.txt",
                    text="Hello world",
                    annotations=("m", b"x"),
                    events=[_event()],
                    extractor="x",
                )
            )
    assert _counts(path)[:2] == (1, 1)
    with Store(path, read_only=True) as store:
        assert store.document_text("d1") == "Hello world"
        assert [e.span.text for e in store.events()] == ["Hello"]


def test_a_recorded_failure_is_not_duplicated_and_clears_when_the_input_reads(
    tmp_path: Path,
) -> None:
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        assert store.record_error(
            "err-1", locator="a.txt", path="a.txt", code="PW-INGEST-003", message="m"
        )
        assert not store.record_error(
            "err-1", locator="a.txt", path="a.txt", code="PW-INGEST-003", message="m"
        )
        assert store.stats().errors == 1
        store.write_document(NewDocument(_doc(), locator="a.txt", text="now fine", extractor="x"))
        assert store.stats().errors == 0


def test_read_only_refuses_missing_and_foreign_files(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="PW-STORE-002"):
        Store(tmp_path / "nothing.duckdb", read_only=True)
    foreign = tmp_path / "other.duckdb"
    duckdb.connect(str(foreign)).close()
    with pytest.raises(StoreError, match="not a pactwatch store"):
        Store(foreign, read_only=True)
    assert not Store.is_pactwatch_store(foreign)


def _open_until_refused(path: Path) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        Store(path).close()


def test_a_locked_store_gives_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    Store(path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pactwatch.kb import Store; s = Store(sys.argv[1]); print('ready', flush=True); time.sleep(30)",
            str(path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError) as caught:
            _open_until_refused(path)
        assert caught.value.code == "PW-STORE-001"
        assert str(path) in str(caught.value) and "--db" in str(caught.value)
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()


@pytest.mark.parametrize(
    ("sql_type", "values"),
    [
        ("UBIGINT", [0, 2**64 - 1, 2**63, None, 7]),
        ("BIGINT", [-(2**63), -1, 0, None]),
        ("DOUBLE", [0.1, 1e-7, -2.5e300, None, 3.0]),
        ("INTEGER", [1, 2, 3]),
        ("VARCHAR", ["3f2a9c", "b.c:d-e_f", "NULL", "a, b", "[x]", "", "naïve", None, "'q'"]),
        ("VARCHAR", ["plain", "ids-only"]),
    ],
)
def test_lists_are_bound_with_their_exact_values(sql_type: str, values: list[object]) -> None:
    placeholder, param = _typed_list(values, sql_type)
    con = duckdb.connect()
    try:
        got = [row[0] for row in con.execute(f"SELECT unnest({placeholder})", [param]).fetchall()]
    finally:
        con.close()
    assert got == values
