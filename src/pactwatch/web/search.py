"""Full-text search over the stored documents with DuckDB's FTS extension (BM25).

The store stays read-only: the index lives in an in-memory DuckDB database built from the
documents' clean text when the app first needs it, and again whenever the store file changes.
The extension is the `duckdb-extension-fts` package from PyPI, loaded from its file, so nothing is
downloaded at run time. Without it, search falls back to a plain case-insensitive match and says so.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import duckdb

from pactwatch.kb import Store


def _extension() -> Path | None:
    try:
        import duckdb_extension_fts  # type: ignore[import-untyped]  # noqa: PLC0415
    except ImportError:
        return None
    folder = Path(duckdb_extension_fts.__file__).parent / "extensions" / f"v{duckdb.__version__}"
    found = folder / "fts.duckdb_extension"
    return found if found.is_file() else None


@dataclass(frozen=True)
class Hit:
    doc_id: str
    title: str | None
    score: float
    before: str
    match: str
    after: str


class SearchIndex:
    def __init__(self, rows: list[tuple[str, str | None, str]]) -> None:
        self._lock = threading.Lock()
        self._con = duckdb.connect(":memory:")
        self._con.execute("CREATE TABLE docs (id VARCHAR, title VARCHAR, body VARCHAR)")
        if rows:
            self._con.executemany("INSERT INTO docs VALUES (?, ?, ?)", rows)
        self.documents = len(rows)
        self.engine = "plain match"
        extension = _extension()
        if extension is not None and rows:
            try:
                self._con.execute(f"LOAD '{extension}'")
                self._con.execute(
                    "PRAGMA create_fts_index('docs', 'id', 'title', 'body', overwrite=1)"
                )
                self.engine = "DuckDB FTS (BM25)"
            except duckdb.Error:
                self.engine = "plain match"

    @classmethod
    def from_store(cls, store: Store) -> SearchIndex:
        rows = [
            (d.id, d.title, store.document_text(d.id) or "") for d in store.documents(status="ok")
        ]
        return cls(rows)

    def search(self, query: str, limit: int = 30) -> list[Hit]:
        query = query.strip()
        if not query:
            return []
        with self._lock:  # one DuckDB connection: one query at a time
            if self.engine.startswith("DuckDB"):
                rows = self._con.execute(
                    "SELECT id, title, body, score FROM (SELECT *, "
                    "fts_main_docs.match_bm25(id, ?) AS score FROM docs) "
                    "WHERE score IS NOT NULL ORDER BY score DESC LIMIT ?",
                    [query, limit],
                ).fetchall()
            else:
                rows = self._con.execute(
                    "SELECT id, title, body, 1.0 FROM docs WHERE body ILIKE ? LIMIT ?",
                    [f"%{query}%", limit],
                ).fetchall()
        return [_hit(r[0], r[1], r[2], float(r[3]), query) for r in rows]


def _hit(doc_id: str, title: str | None, body: str, score: float, query: str) -> Hit:
    """The passage around the first word of the query found in the text."""
    lower = body.lower()
    at, word = -1, ""
    for term in query.lower().split():
        at = lower.find(term)
        if at >= 0:
            word = term
            break
    if at < 0:
        return Hit(doc_id, title, score, body[:160], "", "")
    start, end = max(0, at - 100), at + len(word)
    return Hit(doc_id, title, score, body[start:at], body[at:end], body[end : end + 100])
