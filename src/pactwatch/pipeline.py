"""The ingest run: read inputs, clean them, parse the coded ones, extract events, store.

Stages stay apart; this module is where they meet. Work goes in batches: documents already in the
store are skipped before any parsing, and each new document is written in its own transaction, so
a run that is killed can simply be run again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from pactwatch.actors import load_registry
from pactwatch.errors import InputError
from pactwatch.extract.lexicon import load_lexicon
from pactwatch.extract.registry import get_extractor
from pactwatch.ingest import neardup
from pactwatch.ingest.clean import CleanArticle, clean
from pactwatch.ingest.readers import RawArticle, discover, read
from pactwatch.ingest.text import error_id
from pactwatch.kb import Store
from pactwatch.model import Event
from pactwatch.nlp import Pipeline, load_pipeline
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


Progress = Callable[[str], None]


def ingest(
    paths: Iterable[str],
    store: Store,
    *,
    settings: Settings | None = None,
    workers: int = 1,
    stdin: IO[str] | None = None,
    on_item: Progress | None = None,
) -> IngestReport:
    settings = settings or load_settings()
    report = IngestReport()
    batch: list[CleanArticle] = []
    seen: set[str] = set()
    for result in _articles(paths, settings, stdin, on_item):
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
        if result.document.id in seen or store.has_document(result.document.id):
            report.unchanged += 1
            continue
        seen.add(result.document.id)
        batch.append(result)
        if len(batch) >= settings.nlp.batch_size:
            _store_batch(batch, store, settings, workers, report)
            batch = []
    if batch:
        _store_batch(batch, store, settings, workers, report)
    return report


def _articles(
    paths: Iterable[str], settings: Settings, stdin: IO[str] | None, on_item: Progress | None
) -> Iterator[CleanArticle | InputError]:
    for item in discover(paths, settings.ingest):
        if isinstance(item, InputError):
            yield item
            continue
        if on_item:
            on_item(str(item))
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


def _store_batch(
    batch: list[CleanArticle], store: Store, settings: Settings, workers: int, report: IngestReport
) -> None:
    coded = [a for a in batch if a.document.language in settings.nlp.coded_languages]
    parsed: dict[str, object] = {}
    pipeline: Pipeline | None = None
    if coded:
        pipeline = load_pipeline(settings.nlp.models)
        texts = [a.text for a in coded]
        for article, doc in zip(
            coded,
            pipeline.parse(texts, batch_size=settings.nlp.batch_size, workers=workers),
            strict=True,
        ):
            parsed[article.document.id] = doc
    extractor = get_extractor(EXTRACTOR)
    lexicon, registry = load_lexicon(), load_registry()
    links = _near_duplicates(batch, store, settings.ingest.near_duplicate_threshold)
    for article, link in zip(batch, links, strict=True):
        doc = parsed.get(article.document.id)
        events: list[Event] = []
        annotations = None
        not_coded = None
        if doc is not None and pipeline is not None:
            events = extractor(doc, article.document, lexicon, registry)
            annotations = (pipeline.name, pipeline.to_bytes(doc))
        else:
            not_coded = _why_not_coded(article, settings)
            report.not_coded += 1
        document = article.document
        if link.original is not None:
            document = document.model_copy(update={"duplicate_of": link.original})
        store.write_document(
            document,
            locator=article.locator,
            text=article.text,
            not_coded=not_coded,
            annotations=annotations,
            events=events,
            extractor=EXTRACTOR,
            stripped=article.stripped,
            minhash=link.minhash,
            adopt=link.adopt,
        )
        report.stored += 1
        report.events += len(events)


@dataclass(frozen=True)
class _Link:
    """A document's place among near-duplicates: the original it copies (or None), its
    signature and band keys, and an earlier original it replaces (being published before it)."""

    original: str | None
    minhash: tuple[bytes, list[int]] | None
    adopt: str | None = None


def _near_duplicates(batch: list[CleanArticle], store: Store, threshold: float) -> list[_Link]:
    """Link each document of the batch to the original it nearly copies, among the stored
    documents and the ones before it in the batch. The original is the earliest published
    (an unknown date counts as later); between equal dates, the one stored first."""
    signatures = {a.document.id: neardup.signature(a.text) for a in batch}
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
            in_batch.setdefault((band, key), []).append(doc.id)
        best = max(
            ((neardup.similarity(sig, s), cand, root, date) for cand, s, root, date in found),
            default=None,
            key=lambda x: x[0],
        )
        minhash = (neardup.to_bytes(sig), keys[doc.id])
        if best is None or best[0] < threshold:
            decided[doc.id] = (doc.id, doc.published)
            links.append(_Link(None, minhash))
        elif doc.published and (best[3] is None or doc.published < best[3]):
            decided[doc.id] = (doc.id, doc.published)  # published first: it is the original
            for other, (root, _) in list(decided.items()):
                if root == best[2]:
                    decided[other] = (doc.id, doc.published)
            links.append(_Link(None, minhash, adopt=best[2]))
        else:
            decided[doc.id] = (best[2], best[3])
            links.append(_Link(best[2], minhash))
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
