"""The ingest run: read inputs, clean them, parse the coded ones, extract events, store.

Stages stay apart; this module is where they meet. Work goes in batches: documents already in the
store are skipped before any parsing, and each new document is written in its own transaction, so
a run that is killed can simply be run again.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Protocol

from pactwatch.actors import load_registry
from pactwatch.errors import InputError
from pactwatch.extract.lexicon import load_lexicon
from pactwatch.extract.registry import get_extractor
from pactwatch.ingest import neardup
from pactwatch.ingest.clean import CleanArticle, clean
from pactwatch.ingest.readers import RawArticle, discover, read
from pactwatch.ingest.text import error_id
from pactwatch.kb import Store
from pactwatch.kb.store import NewDocument
from pactwatch.model import Document, Event
from pactwatch.nlp import load_pipeline
from pactwatch.settings import Settings, load_settings

EXTRACTOR = "extract.rules.v1"


@dataclass
class IngestReport:
    inputs: int = 0  # articles read (a JSONL line counts as one)
    stored: int = 0  # new documents written
    unchanged: int = 0  # already in the store
    not_coded: int = 0  # stored but not event-coded (language)
    events: int = 0  # events extracted from the new documents
    failed: list[InputError] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


class Progress(Protocol):
    """What an ingest run tells whoever shows its progress (the CLI draws a bar on stderr)."""

    def started(self, files: int) -> None:
        """The inputs are listed: this many files (and '-'), before any is read."""

    def reading(self, name: str) -> None:
        """One file is being read (a JSONL file holds many articles)."""

    def stored(self, report: IngestReport) -> None:
        """A batch of documents was written; the report holds the running totals."""


def ingest(
    paths: Iterable[str],
    store: Store,
    *,
    settings: Settings | None = None,
    workers: int | Workers = 1,
    stdin: IO[str] | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Read, clean, parse, extract and store. With ``workers`` > 1, parsing and extraction run in
    that many processes (this one included, which also reads and writes); documents are written
    in input order. ``workers`` may be a started `Workers` pool, kept warm across runs."""
    settings = settings or load_settings()
    report = IngestReport()
    items = list(discover(paths, settings.ingest))
    if progress:
        progress.started(sum(1 for item in items if not isinstance(item, InputError)))
    batches = _new_batches(items, store, settings, report, stdin=stdin, progress=progress)
    with workers if isinstance(workers, Workers) else Workers(workers, settings) as pool:
        for batch, results in pool.map(b for b in batches if b):
            _write_batch(batch, results, store, settings, report)
            if progress:
                progress.stored(report)
    return report


def _new_batches(
    items: list[Path | str | InputError],
    store: Store,
    settings: Settings,
    report: IngestReport,
    *,
    stdin: IO[str] | None,
    progress: Progress | None,
) -> Iterator[list[CleanArticle]]:
    """Batches of clean articles not yet in the store; failures are recorded as they come."""
    pending: list[CleanArticle] = []
    seen: dict[str, str] = {}  # id -> where this run first read it
    for result in _articles(items, settings, stdin, progress):
        if isinstance(result, InputError):
            report.failed.append(result)
            store.record_error(
                error_id(result.locator),
                locator=result.locator,
                path=result.locator.split(":")[0] if result.locator[0] != "<" else None,
                code=result.code,
                message=str(result),
            )
            continue
        report.inputs += 1
        if result.document.id in seen:
            report.unchanged += 1
            _sighting(store, result, first=seen[result.document.id])
            continue
        seen[result.document.id] = result.locator
        pending.append(result)
        if len(pending) >= settings.nlp.batch_size:
            yield _unknown(pending, store, report)
            pending = []
    if pending:
        yield _unknown(pending, store, report)


def _unknown(batch: list[CleanArticle], store: Store, report: IngestReport) -> list[CleanArticle]:
    """The articles of a batch the store does not hold yet (one query for the batch); the same
    text read at a new place is recorded as a sighting."""
    known = store.known_documents([a.document.id for a in batch])
    report.unchanged += len(known)
    for article in batch:
        if article.document.id in known:
            _sighting(store, article, first=known[article.document.id])
    return [a for a in batch if a.document.id not in known]


def _sighting(store: Store, article: CleanArticle, *, first: str) -> None:
    """The same clean text read again: at the place it was first read, nothing to record."""
    if article.locator != first:
        doc = article.document
        store.record_sightings([(doc.id, article.locator, doc.url, doc.published)])


def _articles(
    items: list[Path | str | InputError],
    settings: Settings,
    stdin: IO[str] | None,
    progress: Progress | None,
) -> Iterator[CleanArticle | InputError]:
    for item in items:
        if isinstance(item, InputError):
            yield item
            continue
        if progress:
            progress.reading(str(item))
        try:
            reads = list(read(item, settings.ingest, stdin))
        except OSError as exc:
            yield InputError("PW-INGEST-001", str(item), str(exc))
            continue
        for raw in reads:
            if isinstance(raw, InputError):
                yield raw
                continue
            yield _clean(raw, settings)


def _clean(raw: RawArticle, settings: Settings) -> CleanArticle | InputError:
    try:
        return clean(raw, settings.ingest)
    except InputError as exc:
        return exc


# -- parsing and extraction, in this process or in worker processes -------------------------------


@dataclass(frozen=True)
class _Parsed:
    """What parsing and extraction give for one document (small, to cross between processes)."""

    model: str
    docbin: bytes
    events: list[Event]


# (id, text, document, whether it is event-coded) of each document of a batch
_Work = list[tuple[str, str, Document, bool]]


@dataclass(frozen=True)
class _Results:
    parsed: dict[str, _Parsed]  # the event-coded documents' parses and events
    signatures: dict[str, neardup.Signature | None]  # every document's MinHash signature


def _work_of(batch: list[CleanArticle], settings: Settings) -> _Work:
    coded = settings.nlp.coded_languages
    return [(a.document.id, a.text, a.document, a.document.language in coded) for a in batch]


def _parse_and_extract(work: _Work, settings: Settings) -> _Results:
    """Sign every document of a batch (MinHash), parse the event-coded ones and extract their
    events: a pure function of its input, so it runs the same in a worker process."""
    signatures = {doc_id: neardup.signature(text) for doc_id, text, _, _ in work}
    coded = [(doc_id, text, document) for doc_id, text, document, ok in work if ok]
    if not coded:
        return _Results({}, signatures)
    pipeline = load_pipeline(settings.nlp.models)
    extractor = get_extractor(EXTRACTOR)
    lexicon, registry = load_lexicon(), load_registry()
    found = {}
    texts = [text for _, text, _ in coded]
    for (doc_id, _, document), doc in zip(
        coded, pipeline.parse(texts, batch_size=settings.nlp.batch_size), strict=True
    ):
        events = extractor(doc, document, lexicon, registry)
        found[doc_id] = _Parsed(pipeline.name, pipeline.to_bytes(doc), events)
    return _Results(found, signatures)


_WORKER_SETTINGS: Settings | None = None


def _worker_start(settings: Settings) -> None:
    global _WORKER_SETTINGS  # noqa: PLW0603 (one per worker process, set once)
    _WORKER_SETTINGS = settings
    # Load once, and parse a line (the first parse is slow), before the first batch arrives.
    list(load_pipeline(settings.nlp.models).parse(["The ministers met in the capital."]))


def _worker_task(work: _Work) -> _Results:
    assert _WORKER_SETTINGS is not None
    return _parse_and_extract(work, _WORKER_SETTINGS)


def _worker_ready() -> int:
    """A first task, so that a helper process starts (and loads its pipeline) at once."""
    return os.getpid()


class Workers:
    """Parsing and extraction in ``workers`` processes, this one included: with more than one,
    ``workers - 1`` helper processes start at once and load their pipeline while this process
    reads the first batches. Each batch is cut into four parts. A part goes to a helper while
    the helpers have fewer than two parts each in flight, and is parsed here otherwise, so the
    work balances itself (this process also reads, cleans and writes) and no core waits while a
    helper is still loading. Results come back in input order, a whole batch at a time; at most
    two batches per process are held.

    A pool entered by its caller and passed to `ingest` stays open after the run (for a server,
    or a benchmark that warms it first); `warm` waits until every helper has loaded.
    """

    def __init__(self, workers: int, settings: Settings | None = None) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        self.workers, self.settings = workers, settings or load_settings()
        self.pool: ProcessPoolExecutor | None = None
        self.entered = 0

    def __enter__(self) -> Workers:
        self.entered += 1
        if self.workers > 1 and self.pool is None:
            helpers = self.workers - 1
            self.pool = ProcessPoolExecutor(
                helpers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_worker_start,
                initargs=(self.settings,),
            )
            for _ in range(helpers):  # a spawn pool starts a process per task submitted
                self.pool.submit(_worker_ready)
        return self

    def __exit__(self, *_: object) -> None:
        self.entered -= 1
        if self.pool is not None and not self.entered:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    def warm(self) -> None:
        """Load the pipeline here and wait until every helper process has loaded it too."""
        load_pipeline(self.settings.nlp.models)
        if self.pool is None:
            return
        ready: set[int] = set()
        while len(ready) < self.workers - 1:  # a round of one task per helper, until all answered
            rounds = [self.pool.submit(_worker_ready) for _ in range(self.workers - 1)]
            ready.update(future.result() for future in rounds)

    def _here(self, batch: list[CleanArticle]) -> _Results:
        return _parse_and_extract(_work_of(batch, self.settings), self.settings)

    def map(
        self, batches: Iterable[list[CleanArticle]]
    ) -> Iterator[tuple[list[CleanArticle], _Results]]:
        if self.pool is None:
            for batch in batches:
                yield batch, self._here(batch)
            return
        helpers = self.workers - 1
        pending: deque[tuple[list[CleanArticle], list[_Part]]] = deque()
        for batch in batches:
            parts: list[_Part] = []
            for chunk in _chunks(batch, _PARTS_PER_BATCH):
                in_flight = [p for _, ps in pending for p in ps] + parts
                busy = sum(1 for p in in_flight if isinstance(p, Future) and not p.done())
                if busy < 2 * helpers:
                    parts.append(self.pool.submit(_worker_task, _work_of(chunk, self.settings)))
                else:
                    parts.append(self._here(chunk))
            pending.append((batch, parts))
            while pending and (len(pending) > 2 * self.workers or all(map(_ready, pending[0][1]))):
                yield _settle(pending.popleft())
        while pending:
            yield _settle(pending.popleft())


# A batch is parsed in parts, so that the processes share even a small run evenly; it is still
# written as one batch, in one transaction.
_PARTS_PER_BATCH = 4
_Part = Future[_Results] | _Results


def _chunks(batch: list[CleanArticle], parts: int) -> Iterator[list[CleanArticle]]:
    size = max(1, -(-len(batch) // parts))
    for start in range(0, len(batch), size):
        yield batch[start : start + size]


def _ready(result: _Part) -> bool:
    return not isinstance(result, Future) or result.done()


def _settle(item: tuple[list[CleanArticle], list[_Part]]) -> tuple[list[CleanArticle], _Results]:
    batch, parts = item
    results = [p.result() if isinstance(p, Future) else p for p in parts]
    return batch, _Results(
        parsed={k: v for r in results for k, v in r.parsed.items()},
        signatures={k: v for r in results for k, v in r.signatures.items()},
    )


def _write_batch(
    batch: list[CleanArticle],
    results: _Results,
    store: Store,
    settings: Settings,
    report: IngestReport,
) -> None:
    """Store a batch in one transaction: it is stored whole or not at all."""
    threshold = settings.ingest.near_duplicate_threshold
    links = _near_duplicates(batch, results.signatures, store, threshold)
    new = []
    for article, link in zip(batch, links, strict=True):
        parsed = results.parsed.get(article.document.id)
        not_coded = None
        if parsed is None:
            not_coded = _why_not_coded(article, settings)
            report.not_coded += 1
        document = article.document
        if link.original is not None:
            document = document.model_copy(update={"duplicate_of": link.original})
        new.append(
            NewDocument(
                doc=document,
                locator=article.locator,
                text=article.text,
                not_coded=not_coded,
                annotations=(parsed.model, parsed.docbin) if parsed else None,
                events=parsed.events if parsed else (),
                extractor=EXTRACTOR,
                stripped=article.stripped,
                minhash=link.minhash,
                adopt=link.adopt,
            )
        )
        report.events += len(parsed.events) if parsed else 0
    store.write_documents(new, replace=False)
    report.stored += len(new)


@dataclass(frozen=True)
class _Link:
    """A document's place among near-duplicates: the original it copies (or None), its
    signature and band keys, and an earlier original it replaces (being published before it)."""

    original: str | None
    minhash: tuple[bytes, Sequence[int]] | None
    adopt: str | None = None


def _near_duplicates(
    batch: list[CleanArticle],
    signatures: dict[str, neardup.Signature | None],
    store: Store,
    threshold: float,
) -> list[_Link]:
    """Link each document of the batch to the original it nearly copies, among the stored
    documents and the ones before it in the batch. The original is the earliest published
    (an unknown date counts as later); between equal dates, the one stored first."""
    keys = {i: neardup.band_keys(sig) for i, sig in signatures.items() if sig is not None}
    # (candidate id, signature, its original's id, that original's date) per new document
    candidates: dict[str, list[tuple[str, Any, str, str | None]]] = {}
    for new_id, cand, data, root, root_date in store.near_duplicate_candidates(keys):
        candidates.setdefault(new_id, []).append((cand, neardup.from_bytes(data), root, root_date))
    in_batch: dict[tuple[int, int], list[str]] = {}
    decided: dict[str, tuple[str, str | None]] = {}  # id -> (its original, the original's date)
    links = []
    for article in batch:
        doc = article.document
        sig = signatures[doc.id]
        if sig is None:
            links.append(_Link(None, None))
            continue
        found = list(candidates.get(doc.id, []))
        for band, key in enumerate(keys[doc.id]):
            for other in in_batch.get((band, key), []):
                root, root_date = decided[other]
                found.append((other, signatures[other], root, root_date))
        best = max(
            ((neardup.similarity(sig, s), cand, root, date) for cand, s, root, date in found),
            default=None,
            key=lambda x: x[0],
        )
        minhash = (neardup.to_bytes(sig), keys[doc.id])
        if (
            best is not None
            and best[0] >= threshold
            and not (doc.published and (best[3] is None or doc.published < best[3]))
        ):
            # A copy: linked to its original, and not indexed under band keys, so later
            # documents are compared with originals only and candidates stay few however many
            # copies a story has.
            decided[doc.id] = (best[2], best[3])
            links.append(_Link(best[2], (minhash[0], ())))
            continue
        decided[doc.id] = (doc.id, doc.published)
        adopt = None
        if best is not None and best[0] >= threshold:  # published first: it is the original
            adopt = best[2]
            for other, (root, _) in list(decided.items()):
                if root == adopt:
                    decided[other] = (doc.id, doc.published)
        links.append(_Link(None, minhash, adopt=adopt))
        for band, key in enumerate(keys[doc.id]):
            in_batch.setdefault((band, key), []).append(doc.id)
    return links


def _why_not_coded(article: CleanArticle, settings: Settings) -> str:
    language = article.document.language
    coded = ", ".join(settings.nlp.coded_languages)
    if language is None:
        return f"language could not be identified; events are coded for: {coded}"
    return f"language '{language}' is not event-coded yet; events are coded for: {coded}"


def reextract(store: Store, settings: Settings | None = None) -> int:
    """Extract events again from the stored parses (no re-parsing); returns the event count."""
    settings = settings or load_settings()
    pipeline = load_pipeline(settings.nlp.models)
    extractor = get_extractor(EXTRACTOR)
    lexicon, registry = load_lexicon(), load_registry()
    total = 0
    for doc_id, _model, data in list(store.annotations()):
        document = store.document(doc_id)
        if document is None:
            continue
        events = extractor(pipeline.from_bytes(data), document, lexicon, registry)
        store.replace_events(doc_id, EXTRACTOR, events)
        total += len(events)
    return total


def sample_corpus() -> Path:
    """The bundled demonstration corpus: inside the installed package, else the repo's examples/."""
    from importlib import resources  # noqa: PLC0415

    packaged = Path(str(resources.files("pactwatch").joinpath("data", "corpus")))
    if packaged.is_dir():
        return packaged
    repo = Path(__file__).resolve().parents[2] / "examples" / "corpus"
    if repo.is_dir():
        return repo
    raise FileNotFoundError("the sample corpus is not installed with this copy of pactwatch")
