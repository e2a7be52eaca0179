"""The typed Python API behind every CLI command."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from pactwatch.actors import load_registry
from pactwatch.commitments import (
    CascadeResult,
    Commitment,
    Finding,
    Scenario,
    load_commitments,
    load_scenario,
    run_cascade,
)
from pactwatch.commitments import evaluate_scenario as _evaluate
from pactwatch.commitments.from_store import scenario_from_events
from pactwatch.errors import StoreError
from pactwatch.extract.claims import claims_from_events
from pactwatch.extract.lexicon import load_lexicon
from pactwatch.extract.registry import get_extractor
from pactwatch.kb import EventFilter, Store
from pactwatch.model import Claim, Conflict, Document, Event, Stripped, Verdict
from pactwatch.nlp import load_pipeline
from pactwatch.pipeline import EXTRACTOR, IngestReport, Progress, sample_corpus
from pactwatch.pipeline import ingest as _ingest
from pactwatch.report import BriefSummary, render_briefing
from pactwatch.settings import Settings, load_settings
from pactwatch.verify import Fact, Knowledge, Sources, Timeline, find_conflicts, load_reference
from pactwatch.verify import check as _check
from pactwatch.verify import reversals as _reversals


def ingest(
    paths: Sequence[str | Path],
    db: str | Path,
    *,
    workers: int = 1,
    settings: Settings | None = None,
    stdin: IO[str] | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Read files, folders or '-' (JSONL on stdin) into the store at ``db``; idempotent."""
    with Store(db, wait=(settings or load_settings()).store.lock_wait) as store:
        return _ingest(
            [str(p) for p in paths],
            store,
            settings=settings,
            workers=workers,
            stdin=stdin,
            progress=progress,
        )


def documents(db: str | Path) -> list[Document]:
    with Store(db, read_only=True) as store:
        return store.documents()


def document(db: str | Path, doc_id: str) -> tuple[Document, str] | None:
    """A document and its clean text; ``doc_id`` may be a unique prefix of the id."""
    with Store(db, read_only=True) as store:
        matches = store.find_documents(doc_id)
        if len(matches) != 1:
            return None
        doc = store.document(matches[0])
        return (doc, store.document_text(matches[0]) or "") if doc else None


def stripped(db: str | Path, doc_id: str) -> list[Stripped]:
    """What the debris stripper took out of a document, line by line, with the rule and why."""
    with Store(db, read_only=True) as store:
        return store.stripped(doc_id)


def sightings(db: str | Path, doc_id: str) -> list[tuple[str, str | None, str | None]]:
    """(locator, url, published) of the other places a document's exact text was read."""
    with Store(db, read_only=True) as store:
        return store.sightings(doc_id)


def events(
    db: str | Path, *, actor: str | None = None, type: str | None = None, since: str | None = None
) -> list[Event]:
    with Store(db, read_only=True) as store:
        return store.events(EventFilter(actor=actor, type=type, since=since))


def claims(db: str | Path) -> list[Claim]:
    """The claims the stored events make (see :mod:`pactwatch.extract.claims`), merged across
    documents, with every supporting span and the count of independent origins."""
    with Store(db, read_only=True) as store:
        found = store.events()
        originals = {d.id: d.duplicate_of for d in store.documents() if d.duplicate_of}
    return claims_from_events(found, originals)


def _sources(store: Store) -> Sources:
    documents = store.documents()
    return Sources(
        urls={d.id: d.url or d.path for d in documents},
        originals={d.id: d.duplicate_of for d in documents if d.duplicate_of},
    )


def _verification_inputs(
    db: str | Path | Store | None, reference: Sequence[str | Path]
) -> tuple[list[Claim], Sources, list[Fact]]:
    record = load_reference(tuple(reference))
    if isinstance(db, Store):
        found, sources = db.events(), _sources(db)
        return claims_from_events(found, dict(sources.originals)), sources, record
    if db is None or not Path(db).exists():
        return [], Sources(), record
    with Store(db, read_only=True) as store:
        found = store.events()
        sources = _sources(store)
    return claims_from_events(found, dict(sources.originals)), sources, record


def conflicts(db: str | Path, *, reference: Sequence[str | Path] = ()) -> list[Conflict]:
    """Contradictions among the stored claims and between them and the curated record (plus any
    ``reference`` files of extra facts). Each explains itself and carries its spans."""
    _must_exist(db)
    claims_, sources, record = _verification_inputs(db, reference)
    return find_conflicts(claims_, record, sources)


def reversals(db: str | Path, *, reference: Sequence[str | Path] = ()) -> list[Timeline]:
    """Denials later reversed, as timelines, from the store and the record."""
    _must_exist(db)
    claims_, sources, record = _verification_inputs(db, reference)
    return _reversals(claims_, record, sources)


def _must_exist(db: str | Path) -> None:
    if not Path(db).exists():
        with Store(db, read_only=True):
            pass  # raises the store's own error, naming the path


def check(
    statement: str,
    db: str | Path | Store | None = None,
    *,
    reference: Sequence[str | Path] = (),
    today: dt.date | None = None,
    settings: Settings | None = None,
) -> Verdict:
    """A verdict on one statement (supported, contradicted, cannot_decide) with the evidence for
    and against it from the record, the treaty files and the store at ``db`` (a path or an open
    Store), if given."""
    claims_, sources, record = _verification_inputs(db, reference)
    knowledge = Knowledge(
        record=record, commitments=load_commitments(), claims=claims_, sources=sources
    )
    return _check(statement, knowledge, _statement_reader(settings), today or dt.date.today())


def _statement_reader(settings: Settings | None) -> Callable[[str, str], list[Event]]:
    settings = settings or load_settings()
    pipeline = load_pipeline(settings.nlp.models)
    extractor = get_extractor(EXTRACTOR)
    lexicon, registry = load_lexicon(), load_registry()

    def read(text: str, published: str) -> list[Event]:
        (doc,) = pipeline.parse([text])
        document = Document(id="statement", published=published, chars=len(text))
        return extractor(doc, document, lexicon, registry)

    return read


@dataclass(frozen=True)
class BriefResult:
    output: Path
    db: Path
    sample: bool
    summary: BriefSummary
    ingest: IngestReport | None

    @property
    def exit_code(self) -> int:
        return self.ingest.exit_code if self.ingest else 0


def fresh_store_path(output: Path) -> Path:
    return output.with_suffix(".duckdb")


def _replace_store(path: Path) -> None:
    """Remove a store left by an earlier brief run; refuse to touch any other file."""
    if not path.exists():
        return
    if not Store.is_pactwatch_store(path):
        raise StoreError(
            f"{path} exists and is not a pactwatch store; brief will not overwrite it "
            "(pass --db, or choose another -o)",
            code="PW-STORE-002",
        )
    path.unlink()
    wal = path.with_name(path.name + ".wal")
    if wal.exists():
        wal.unlink()


def brief(
    paths: Sequence[str | Path] = (),
    *,
    output: str | Path = "briefing.html",
    db: str | Path | None = None,
    workers: int = 1,
    settings: Settings | None = None,
    progress: Progress | None = None,
) -> BriefResult:
    """Write the briefing. With no paths and no db: the bundled sample corpus in a fresh store.
    With paths and no db: those paths in a fresh store beside the output. With db: that store
    (after ingesting any paths into it)."""
    settings = settings or load_settings()
    out = Path(output)
    sources = [str(p) for p in paths]
    out.parent.mkdir(parents=True, exist_ok=True)
    sample = not sources and db is None
    if sample:
        sources = [str(sample_corpus())]
    if db is None:
        store_path = fresh_store_path(out)
        _replace_store(store_path)
    else:
        store_path = Path(db)
        if not sources and not store_path.exists():
            raise StoreError(
                f"no store at {store_path}; ingest something first", code="PW-STORE-002"
            )
    report = None
    with Store(store_path) as store:
        if sources:
            report = _ingest(sources, store, settings=settings, workers=workers, progress=progress)
        html, summary = render_briefing(store, sample=sample)
    out.write_text(html, encoding="utf-8")
    return BriefResult(output=out, db=store_path, sample=sample, summary=summary, ingest=report)


def commitments() -> list[Commitment]:
    """Every coded commitment shipped with pactwatch (data/commitments/*.yaml)."""
    return load_commitments()


def commitment(commitment_id: str) -> Commitment | None:
    return next((c for c in load_commitments() if c.id == commitment_id), None)


def run_scenario(
    scenario: Scenario | str | Path,
    *,
    interpretation: str | None = None,
    cascade: bool = False,
) -> CascadeResult:
    """Evaluate every commitment against a scenario (a file or a Scenario)."""
    loaded = scenario if isinstance(scenario, Scenario) else load_scenario(scenario)
    names = [interpretation] if interpretation else None
    if cascade:
        return run_cascade(loaded, load_commitments(), interpretations=names)
    return CascadeResult(findings=_evaluate(loaded, load_commitments(), interpretations=names))


def obligations(
    db: str | Path,
    *,
    as_of: dt.date | None = None,
    include_reported: bool = False,
    interpretation: str | None = None,
) -> tuple[Scenario, list[Finding]]:
    """The scenario the stored evidence makes up to a date, and the findings it gives."""
    day = as_of or dt.date.today()
    with Store(db, read_only=True) as store:
        scenario = scenario_from_events(store.events(), day, include_reported=include_reported)
    names = [interpretation] if interpretation else None
    return scenario, _evaluate(scenario, load_commitments(), interpretations=names)
