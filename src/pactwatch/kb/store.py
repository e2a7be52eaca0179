"""The one class that talks to DuckDB.

Writes go through this class only, each document in one transaction, so a run killed part-way
leaves every document it finished complete and none half-written. Migrations are numbered SQL
files applied in order and recorded, so an old store is brought up to date when opened for writing.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from pactwatch.errors import StoreError
from pactwatch.model import Document, Event, Location, Quantity, Span, Stripped
from pactwatch.settings import load_settings

_DOC_INSERT_COLUMNS = [
    *("id", "locator", "path", "url", "title", "published", "published_note", "language"),
    *("chars", "duplicate_of", "status", "error_code", "error", "text", "not_coded"),
]


@dataclass(frozen=True)
class NewDocument:
    """A document ready to store, with everything that belongs to it."""

    doc: Document
    locator: str
    text: str
    not_coded: str | None = None
    annotations: tuple[str, bytes] | None = None  # (model, DocBin bytes)
    events: Sequence[Event] = ()
    extractor: str = ""
    stripped: Sequence[Stripped] = ()
    minhash: tuple[bytes, Sequence[int]] | None = None  # (signature, band keys)
    adopt: str | None = None  # an earlier original this one (published before it) replaces


def _document_row(new: NewDocument) -> list[Any]:
    d = new.doc
    return [
        d.id,
        new.locator,
        d.path,
        d.url,
        d.title,
        d.published,
        d.published_note,
        d.language,
        d.chars,
        d.duplicate_of,
        "ok",
        None,
        None,
        new.text,
        new.not_coded,
    ]


# Rows that belong to one document, deleted when it is written again.
_PER_DOCUMENT = (
    ("sightings", "doc_id"),
    ("events", "doc_id"),
    ("annotations", "doc_id"),
    ("stripped", "doc_id"),
    ("minhash", "doc_id"),
    ("lsh_bands", "doc_id"),
    ("documents", "id"),
)
_MIGRATION_NAME = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")
_MARKER = ("schema", "pactwatch")

_DOC_COLUMNS = (
    "id, path, url, title, published, published_note, language, chars, duplicate_of, status, error"
)
_EVENT_COLUMNS = (
    "e.id, e.doc_id, d.url, d.published, e.span_start, e.span_end, e.span_text, e.source, "
    "e.source_role, e.target, e.target_role, e.type, e.mode, e.date, e.location_name, "
    "e.location_state, e.supplied_by, e.modality, e.polarity, e.attributed_to, e.quantities, "
    "e.confidence, e.date_note, e.target_note"
)


def migrations() -> list[tuple[int, str, str]]:
    """(number, name, sql) of every packaged migration, in order."""
    found = []
    for entry in resources.files("pactwatch.kb").joinpath("migrations").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), match.group(2), entry.read_text(encoding="utf-8")))
    found.sort()
    numbers = [n for n, _, _ in found]
    if numbers != list(range(1, len(numbers) + 1)):
        raise StoreError(f"migrations are not numbered 1..n: {numbers}", code="PW-STORE-003")
    return found


@dataclass(frozen=True)
class EventFilter:
    actor: str | None = None  # source or target
    type: str | None = None
    since: str | None = None  # event date, else publication date, >= this prefix
    doc_id: str | None = None


@dataclass(frozen=True)
class StoreStats:
    documents: int
    ok: int
    errors: int
    duplicates: int
    languages: dict[str, int]
    not_coded: int
    events: int
    events_by_type: dict[str, int]
    events_by_modality: dict[str, int]


_NUMERIC = {"SMALLINT", "INTEGER", "BIGINT", "UBIGINT", "DOUBLE"}
_PLAIN = re.compile(r"[A-Za-z0-9_.:-]+")


def _typed_list(values: Sequence[Any], sql_type: str) -> tuple[str, Any]:
    """A placeholder and its parameter for a list of values of one SQL type."""
    literal = _list_literal(values, sql_type)
    if literal is None:
        return f"?::{sql_type}[]", list(values)
    return f"?::VARCHAR::{sql_type}[]", literal


def _list_literal(values: Sequence[Any], sql_type: str) -> str | None:
    """A list of numbers or of plain identifiers as one list literal (``[1, 2, NULL]``), which
    DuckDB casts to a typed list about ten times faster than it binds a Python list; None when
    a value is not that plain (free text is bound as a list)."""
    if sql_type in _NUMERIC:
        if all(
            v is None or (isinstance(v, int | float) and not isinstance(v, bool)) for v in values
        ):
            return "[" + ", ".join("NULL" if v is None else repr(v) for v in values) + "]"
        return None
    if sql_type == "VARCHAR" and all(
        isinstance(v, str) and v != "NULL" and _PLAIN.fullmatch(v) for v in values
    ):
        return "[" + ", ".join(values) + "]"
    return None


def _pandas_absent_once() -> None:
    """DuckDB's Python client looks for pandas each time it binds parameters (four times per
    statement). When pandas is not installed every look searches the whole import path again:
    in an ingest that was a third of the time. Record the absence once, so the look fails at once.
    Nothing changes when pandas is installed."""
    if "pandas" not in sys.modules and importlib.util.find_spec("pandas") is None:
        sys.modules["pandas"] = None  # type: ignore[assignment]


class Store:
    """A pactwatch DuckDB file. Use as a context manager; open read-only to only query."""

    def __init__(
        self,
        path: str | Path,
        *,
        read_only: bool = False,
        wait: float = 0.0,
        memory_limit: str | None = None,
    ) -> None:
        """Open (and migrate, unless read-only) the store at ``path``. ``wait``: how many seconds
        to keep trying while another process holds the file's lock (the web app reads in short
        turns, so an ingest started while it runs waits for a gap instead of failing).
        ``memory_limit``: DuckDB's buffer pool for this process, instead of the setting."""
        _pandas_absent_once()
        self._in_transaction = False
        self._errors: set[str] | None = None  # locators of inputs recorded as failed
        self._types: dict[str, dict[str, str]] = {}  # table -> column -> SQL type
        self.path = Path(path)
        self.read_only = read_only
        self._memory_limit = memory_limit or load_settings().store.memory_limit
        if read_only and not self.path.exists():
            raise StoreError(f"no store at {self.path}", code="PW-STORE-002")
        deadline = time.monotonic() + wait
        while True:
            try:
                self._con = self._connect()
                break
            except StoreError as exc:
                if exc.code != "PW-STORE-001" or time.monotonic() >= deadline:
                    raise
                time.sleep(0.05)
        if read_only:
            self._check_marker()
        else:
            self.migrate()

    def _connect(self) -> duckdb.DuckDBPyConnection:
        read_only = self.read_only
        try:
            return duckdb.connect(
                str(self.path),
                read_only=read_only,
                config={
                    "memory_limit": self._memory_limit,
                    # Give freed memory back instead of caching up to 128 MB of it, and write
                    # committed data to the file every 4 MB of log rather than every 16 MB (until
                    # then DuckDB holds it in memory): an ingest's memory stays flat.
                    "allocator_flush_threshold": "8MB",
                    "checkpoint_threshold": "4MB",
                },
            )
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                raise StoreError(
                    f"{self.path} is locked by another process (is an ingest running?); "
                    "wait for it to finish, or use a different --db",
                    code="PW-STORE-001",
                ) from exc
            raise StoreError(f"cannot open {self.path}: {exc}", code="PW-STORE-002") from exc
        except duckdb.Error as exc:
            raise StoreError(
                f"{self.path} is not a DuckDB file: {exc}", code="PW-STORE-002"
            ) from exc

    # -- lifecycle -----------------------------------------------------------------------------
    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def _tables(self) -> set[str]:
        rows = self._con.execute("SELECT table_name FROM information_schema.tables").fetchall()
        return {r[0] for r in rows}

    def _check_marker(self) -> None:
        tables = self._tables()
        if "pactwatch_meta" not in tables:
            raise StoreError(f"{self.path} is not a pactwatch store", code="PW-STORE-002")

    @staticmethod
    def is_pactwatch_store(path: Path) -> bool:
        """True when ``path`` is a DuckDB file that pactwatch created (safe to replace)."""
        if not path.exists():
            return False
        try:
            with Store(path, read_only=True):
                return True
        except StoreError:
            return False

    def migrate(self) -> list[str]:
        """Apply the migrations this store has not seen; returns their names."""
        con = self._con
        con.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, "
            "applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)"
        )
        done = {r[0] for r in con.execute("SELECT version FROM schema_migrations").fetchall()}
        known = migrations()
        if done - {n for n, _, _ in known}:
            raise StoreError(
                f"{self.path} has migrations {sorted(done)} newer than this pactwatch knows",
                code="PW-STORE-003",
            )
        applied = []
        for number, name, sql in known:
            if number in done:
                continue
            con.execute("BEGIN TRANSACTION")
            con.execute(sql)
            if number == 1:
                con.execute("INSERT INTO pactwatch_meta VALUES (?, ?)", list(_MARKER))
            con.execute(
                "INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [number, name]
            )
            con.execute("COMMIT")
            applied.append(f"{number:03d}_{name}")
        return applied

    def schema_version(self) -> int:
        row = self._con.execute("SELECT max(version) FROM schema_migrations").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    # -- documents -----------------------------------------------------------------------------
    def known_documents(self, doc_ids: Sequence[str]) -> dict[str, str]:
        """Which of these ids the store already holds, with the locator each was first read from
        (one query for a batch)."""
        if not doc_ids:
            return {}
        rows = self._con.execute(
            "SELECT id, locator FROM documents WHERE list_contains(?, id)", [list(doc_ids)]
        ).fetchall()
        return {r[0]: r[1] for r in rows}

    def record_sightings(self, seen: Sequence[tuple[str, str, str | None, str | None]]) -> None:
        """Record (doc_id, locator, url, published) for texts read again elsewhere; a place
        already recorded for the same text is not recorded twice."""
        if not seen:
            return
        self._con.execute(
            "INSERT INTO sightings (doc_id, locator, url, published) "
            "SELECT s.* FROM (SELECT unnest(?::VARCHAR[]) AS doc_id, unnest(?::VARCHAR[]) AS "
            "locator, unnest(?::VARCHAR[]) AS url, unnest(?::VARCHAR[]) AS published) s "
            "WHERE NOT EXISTS (SELECT 1 FROM sightings t "
            "WHERE t.doc_id = s.doc_id AND t.locator = s.locator)",
            [[x[i] for x in seen] for i in range(4)],
        )

    def sightings(self, doc_id: str) -> list[tuple[str, str | None, str | None]]:
        """(locator, url, published) of every other place the document's text was read."""
        rows = self._con.execute(
            "SELECT locator, url, published FROM sightings WHERE doc_id = ? ORDER BY locator",
            [doc_id],
        ).fetchall()
        return [(r[0], r[1], r[2]) for r in rows]

    def write_document(self, new: NewDocument, *, replace: bool = True) -> None:
        """Store one document with all that belongs to it, in one transaction."""
        self.write_documents([new], replace=replace)

    def write_documents(self, batch: Sequence[NewDocument], *, replace: bool = True) -> None:
        """Store documents with their parse, events, what was stripped from them and their
        near-duplicate signatures, all in one transaction, a few statements per table for the
        whole batch. ``replace``: first delete what the store holds under the same ids (not
        needed when the caller knows the documents are new)."""
        if not batch:
            return
        con = self._con
        with self.transaction():
            ids = [new.doc.id for new in batch]
            if replace:
                for table, key in _PER_DOCUMENT:
                    con.execute(f"DELETE FROM {table} WHERE list_contains(?, {key})", [ids])
            failed = [new.locator for new in batch if new.locator in self._error_locators()]
            if failed:  # these inputs now read cleanly: forget the failures recorded for them
                con.execute(
                    "DELETE FROM documents WHERE status = 'error' AND list_contains(?, locator)",
                    [failed],
                )
                self._errors = (self._errors or set()) - set(failed)
            self._insert_rows(
                "documents", [_document_row(new) for new in batch], _DOC_INSERT_COLUMNS
            )
            self._insert_rows(
                "annotations",
                [[new.doc.id, *new.annotations] for new in batch if new.annotations],
                ["doc_id", "model", "docbin"],
            )
            self._insert_events([e for new in batch for e in new.events], batch[0].extractor)
            self._insert_rows(
                "stripped",
                [
                    [new.doc.id, s.line, s.text, s.rule, s.reason]
                    for new in batch
                    for s in new.stripped
                ],
            )
            self._insert_rows(
                "minhash", [[new.doc.id, new.minhash[0]] for new in batch if new.minhash]
            )
            self._insert_rows(
                "lsh_bands",
                [
                    [band, key, new.doc.id]
                    for new in batch
                    if new.minhash
                    for band, key in enumerate(new.minhash[1])
                ],
            )
            for new in batch:
                if new.adopt is not None:
                    con.execute(
                        "UPDATE documents SET duplicate_of = ? WHERE id = ? OR duplicate_of = ?",
                        [new.doc.id, new.adopt, new.adopt],
                    )

    def _error_locators(self) -> set[str]:
        if self._errors is None:
            rows = self._con.execute(
                "SELECT locator FROM documents WHERE status = 'error'"
            ).fetchall()
            self._errors = {r[0] for r in rows}
        return self._errors

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction: everything written inside is stored together or not at all (a run
        killed part-way loses only what its open transaction held). Nested uses join the
        outer one."""
        if self._in_transaction:
            yield
            return
        self._con.execute("BEGIN TRANSACTION")
        self._in_transaction = True
        try:
            yield
        except BaseException:
            self._con.execute("ROLLBACK")
            raise
        else:
            self._con.execute("COMMIT")
        finally:
            self._in_transaction = False

    def _insert_rows(
        self,
        table: str,
        rows: Sequence[Sequence[Any]],
        columns: Sequence[str] | None = None,
        *,
        verb: str = "INSERT",
    ) -> None:
        """Many rows in one statement: each column goes in as one typed list parameter and
        ``unnest`` turns the lists back into rows. (DuckDB's executemany runs a statement per
        row, and a VALUES list with a placeholder per value is slow to prepare.) ``columns``:
        the columns the rows fill, by default all of the table's, in order."""
        if not rows:
            return
        types = self._column_types(table)
        names = list(columns or types)
        params: list[Any] = []
        unnests = []
        for i, name in enumerate(names):
            values = [row[i] for row in rows]
            placeholder, param = _typed_list(values, types[name])
            params.append(param)
            unnests.append(f"unnest({placeholder})")
        self._con.execute(
            f"{verb} INTO {table} ({', '.join(names)}) SELECT {', '.join(unnests)}",  # our names
            params,
        )

    def _column_types(self, table: str) -> dict[str, str]:
        """The table's columns and their SQL types, in order (asked once per connection)."""
        if table not in self._types:
            rows = self._con.execute(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_name = ? ORDER BY ordinal_position",
                [table],
            ).fetchall()
            self._types[table] = dict(rows)
        return self._types[table]

    def near_duplicate_candidates(
        self, keys: Mapping[str, Sequence[int]]
    ) -> list[tuple[str, str, bytes, str, str | None]]:
        """Stored documents that share a band key with a new one: (new id, candidate id, its
        signature, the id of its original (itself when it is one), the original's date)."""
        new_ids = [doc_id for doc_id, found in keys.items() for _ in found]
        bands = [band for found in keys.values() for band in range(len(found))]
        buckets = [key for found in keys.values() for key in found]
        if not new_ids:
            return []
        # First the pairs sharing a bucket (a probe of lsh_bands alone), then what is needed of
        # those few candidates: joining the whole documents table per batch grew with the store.
        (ids_at, ids), (bands_at, bands_), (buckets_at, buckets_) = (
            _typed_list(new_ids, "VARCHAR"),
            _typed_list(bands, "SMALLINT"),
            _typed_list(buckets, "UBIGINT"),
        )
        pairs = self._con.execute(
            f"WITH n AS (SELECT unnest({ids_at}) AS new_id, unnest({bands_at}) AS band, "
            f"unnest({buckets_at}) AS bucket) "
            "SELECT DISTINCT n.new_id, b.doc_id FROM n "
            "JOIN lsh_bands b ON b.band = n.band AND b.bucket = n.bucket "
            "WHERE b.doc_id <> n.new_id",
            [ids, bands_, buckets_],
        ).fetchall()
        if not pairs:
            return []
        candidates_at, candidates = _typed_list(sorted({c for _, c in pairs}), "VARCHAR")
        found = {
            row[0]: row[1:]
            for row in self._con.execute(
                "SELECT m.doc_id, m.signature, coalesce(d.duplicate_of, d.id), r.published "
                "FROM minhash m JOIN documents d ON d.id = m.doc_id "
                "JOIN documents r ON r.id = coalesce(d.duplicate_of, d.id) "
                f"WHERE list_contains({candidates_at}, m.doc_id)",
                [candidates],
            ).fetchall()
        }
        return [
            (new_id, candidate, bytes(found[candidate][0]), *found[candidate][1:])
            for new_id, candidate in sorted(pairs)
            if candidate in found
        ]

    def stripped(self, doc_id: str) -> list[Stripped]:
        rows = self._con.execute(
            "SELECT line, text, rule, reason FROM stripped WHERE doc_id = ? ORDER BY line",
            [doc_id],
        ).fetchall()
        return [Stripped(line=r[0], text=r[1], rule=r[2], reason=r[3]) for r in rows]

    def record_error(
        self, doc_id: str, *, locator: str, path: str | None, code: str, message: str
    ) -> bool:
        """Record an input that failed; returns False when the same failure was already stored."""
        row = self._con.execute("SELECT error FROM documents WHERE id = ?", [doc_id]).fetchone()
        if row is not None and row[0] == message:
            return False
        self._con.execute("DELETE FROM documents WHERE id = ?", [doc_id])
        self._con.execute(
            "INSERT INTO documents (id, locator, path, status, error_code, error) "
            "VALUES (?, ?, ?, 'error', ?, ?)",
            [doc_id, locator, path, code, message],
        )
        if self._errors is not None:
            self._errors.add(locator)
        return True

    def documents(self, *, status: str | None = None) -> list[Document]:
        sql = f"SELECT {_DOC_COLUMNS} FROM documents"
        params: list[Any] = []
        if status:
            sql += " WHERE status = ?"
            params.append(status)
        sql += " ORDER BY published NULLS LAST, path NULLS LAST, id"
        return [self._document(row) for row in self._con.execute(sql, params).fetchall()]

    def document(self, doc_id: str) -> Document | None:
        row = self._con.execute(
            f"SELECT {_DOC_COLUMNS} FROM documents WHERE id = ?", [doc_id]
        ).fetchone()
        return self._document(row) if row else None

    def find_documents(self, prefix: str) -> list[str]:
        rows = self._con.execute(
            "SELECT id FROM documents WHERE starts_with(id, ?) ORDER BY id", [prefix]
        ).fetchall()
        return [r[0] for r in rows]

    def document_text(self, doc_id: str) -> str | None:
        row = self._con.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()
        return row[0] if row else None

    def not_coded(self) -> list[tuple[Document, str]]:
        rows = self._con.execute(
            f"SELECT {_DOC_COLUMNS}, not_coded FROM documents "
            "WHERE status = 'ok' AND not_coded IS NOT NULL ORDER BY path, id"
        ).fetchall()
        return [(self._document(row[:-1]), row[-1]) for row in rows]

    @staticmethod
    def _document(row: Sequence[Any]) -> Document:
        keys = [k.strip() for k in _DOC_COLUMNS.split(",")]
        return Document(**dict(zip(keys, row, strict=True)))

    # -- annotations ---------------------------------------------------------------------------
    def annotations(self, doc_ids: Iterable[str] | None = None) -> Iterator[tuple[str, str, bytes]]:
        """(doc_id, model, DocBin bytes) for stored parses."""
        sql = "SELECT doc_id, model, docbin FROM annotations"
        params: list[Any] = []
        if doc_ids is not None:
            ids = list(doc_ids)
            sql += " WHERE list_contains(?, doc_id)"
            params.append(ids)
        sql += " ORDER BY doc_id"
        for row in self._con.execute(sql, params).fetchall():
            yield row[0], row[1], bytes(row[2])

    # -- events --------------------------------------------------------------------------------
    def replace_events(self, doc_id: str, extractor: str, events: Sequence[Event]) -> None:
        con = self._con
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute("DELETE FROM events WHERE doc_id = ?", [doc_id])
            self._insert_events(events, extractor)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    def _insert_events(self, events: Sequence[Event], extractor: str) -> None:
        rows = [
            [
                e.id,
                e.doc_id,
                extractor,
                e.span.start,
                e.span.end,
                e.span.text,
                e.source,
                e.source_role,
                e.target,
                e.target_role,
                e.type,
                e.mode,
                e.date,
                e.location.name if e.location else None,
                e.location.state if e.location else None,
                list(e.supplied_by),
                e.modality,
                e.polarity,
                e.attributed_to,
                json.dumps([q.model_dump() for q in e.quantities]),
                e.confidence,
                e.date_note,
                e.target_note,
            ]
            for e in events
        ]
        # Two rules may code the same event twice: the later one replaces the earlier.
        unique = list({row[0]: row for row in rows}.values())
        self._insert_rows("events", unique, verb="INSERT OR REPLACE")

    def events(self, where: EventFilter | None = None) -> list[Event]:
        where = where or EventFilter()
        clauses, params = [], []
        if where.actor:
            clauses.append("(e.source = ? OR e.target = ?)")
            params += [where.actor, where.actor]
        if where.type:
            clauses.append("e.type = ?")
            params.append(where.type)
        if where.since:
            clauses.append("coalesce(e.date, d.published) >= ?")
            params.append(where.since)
        if where.doc_id:
            clauses.append("e.doc_id = ?")
            params.append(where.doc_id)
        sql = f"SELECT {_EVENT_COLUMNS} FROM events e JOIN documents d ON d.id = e.doc_id"
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        sql += " ORDER BY coalesce(e.date, d.published) NULLS LAST, e.doc_id, e.span_start, e.id"
        return [self._event(row) for row in self._con.execute(sql, params).fetchall()]

    @staticmethod
    def _event(row: Sequence[Any]) -> Event:
        (
            eid,
            doc_id,
            url,
            published,
            start,
            end,
            text,
            source,
            source_role,
            target,
            target_role,
            etype,
            mode,
            date,
            loc_name,
            loc_state,
            supplied_by,
            modality,
            polarity,
            attributed_to,
            quantities,
            confidence,
            date_note,
            target_note,
        ) = row
        return Event(
            id=eid,
            doc_id=doc_id,
            url=url,
            published=published,
            span=Span(start=start, end=end, text=text),
            source=source,
            source_role=source_role,
            target=target,
            target_role=target_role,
            type=etype,
            mode=mode,
            date=date,
            date_note=date_note,
            target_note=target_note,
            location=Location(name=loc_name, state=loc_state) if loc_name else None,
            supplied_by=list(supplied_by or []),
            modality=modality,
            polarity=polarity,
            attributed_to=attributed_to,
            quantities=[Quantity(**q) for q in json.loads(quantities)],
            confidence=confidence,
        )

    # -- summary -------------------------------------------------------------------------------
    def stats(self) -> StoreStats:
        con = self._con

        def one(sql: str) -> int:
            row = con.execute(sql).fetchone()
            return int(row[0]) if row else 0

        def counts(sql: str) -> dict[str, int]:
            return {str(k): int(v) for k, v in con.execute(sql).fetchall()}

        return StoreStats(
            documents=one("SELECT count(*) FROM documents"),
            ok=one("SELECT count(*) FROM documents WHERE status = 'ok'"),
            errors=one("SELECT count(*) FROM documents WHERE status = 'error'"),
            duplicates=one("SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL"),
            languages=counts(
                "SELECT coalesce(language, 'unknown'), count(*) FROM documents "
                "WHERE status = 'ok' GROUP BY 1 ORDER BY 2 DESC, 1"
            ),
            not_coded=one("SELECT count(*) FROM documents WHERE not_coded IS NOT NULL"),
            events=one("SELECT count(*) FROM events"),
            events_by_type=counts(
                "SELECT type, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1"
            ),
            events_by_modality=counts(
                "SELECT modality, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1"
            ),
        )
