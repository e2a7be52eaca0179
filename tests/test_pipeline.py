"""The ingest run over the bundled sample corpus: provenance, idempotency, re-extraction."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

from pactwatch import Store, ingest, reextract, sample_corpus
from pactwatch.nlp import Pipeline, load_pipeline
from pactwatch.pipeline import Workers
from pactwatch.pipeline import ingest as pipeline_ingest
from pactwatch.settings import load_settings


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("corpus") / "corpus.duckdb"
    report = ingest([sample_corpus()], db)
    assert report.exit_code == 0, report.failed
    return db


def _snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            table: con.execute(f"SELECT * EXCLUDE ({ts}) FROM {table} ORDER BY ALL").fetchall()  # noqa: S608
            for table, ts in (
                ("documents", "ingested_at"),
                ("events", "confidence"),
                ("annotations", "created_at"),
                ("stripped", "reason"),
                ("minhash", "signature"),
            )
        } | {"lsh_bands": con.execute("SELECT * FROM lsh_bands ORDER BY ALL").fetchall()}
    finally:
        con.close()


def test_every_event_span_is_its_evidence(corpus_db: Path) -> None:
    with Store(corpus_db, read_only=True) as store:
        events = store.events()
        assert len(events) > 20
        for event in events:
            text = store.document_text(event.doc_id)
            assert text is not None
            assert text[event.span.start : event.span.end] == event.span.text


def test_reingesting_changes_nothing(corpus_db: Path) -> None:
    before = _snapshot(corpus_db)
    report = ingest([sample_corpus()], corpus_db)
    assert (report.stored, report.events, report.failed) == (0, 0, [])
    assert report.unchanged == report.inputs > 0
    assert _snapshot(corpus_db) == before


def test_other_languages_are_stored_and_listed_as_not_coded(corpus_db: Path) -> None:
    with Store(corpus_db, read_only=True) as store:
        not_coded = store.not_coded()
        languages = {doc.language for doc, _ in not_coded}
        assert {"de", "ko"} <= languages
        assert all("not event-coded" in why for _, why in not_coded)
        assert not [e for e in store.events() if e.doc_id in {d.id for d, _ in not_coded}]


def test_reextraction_reads_stored_parses_without_parsing(
    corpus_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store(corpus_db, read_only=True) as store:
        before = sorted(e.model_dump_json() for e in store.events())

    def no_parsing(*_: object, **__: object) -> None:
        raise AssertionError("re-extraction must not parse again")

    monkeypatch.setattr(Pipeline, "parse", no_parsing)
    with Store(corpus_db) as store:
        count = reextract(store)
        after = sorted(e.model_dump_json() for e in store.events())
    assert count == len(before)
    assert after == before


_NEGATING = re.compile(r"\b(not|never|no|n't|abstain\w*|yet|fail\w*|called off|cancel\w*)\b")


def test_speculation_and_denial_are_not_asserted_facts(corpus_db: Path) -> None:
    with Store(corpus_db, read_only=True) as store:
        events = store.events()
    for event in events:
        lowered = event.span.text.lower()
        if lowered.startswith(("if ", "whether ")):
            assert event.modality == "speculative", event.span.text
        if event.polarity == "negative" and event.modality == "asserted":
            # the writer's own negation: "did not", "never", "received no", "abstained", ...
            assert _NEGATING.search(lowered), event.span.text


def test_two_workers_store_what_one_stores(corpus_db: Path, tmp_path: Path) -> None:
    # Batches of three, so some go to the helper process and some are parsed here.
    settings = load_settings({"PACTWATCH_NLP_BATCH_SIZE": "3"})
    with Workers(2, settings) as pool:
        for run in ("first", "second"):  # a pool passed in stays open for the next run
            db = tmp_path / f"{run}.duckdb"
            with Store(db) as store:
                report = pipeline_ingest(
                    [str(sample_corpus())], store, settings=settings, workers=pool
                )
            assert report.exit_code == 0, report.failed
            assert _snapshot(db) == _snapshot(corpus_db)
        assert pool.pool is not None
    assert pool.pool is None


def test_workers_must_be_at_least_one() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        Workers(0)


def test_stored_parse_bytes_are_spacys_own_docbin_bytes() -> None:
    from spacy.tokens import DocBin  # noqa: PLC0415

    pipeline = load_pipeline(load_settings().nlp.models)
    texts = [
        "North Korea sent 6,700 containers of shells to Russia, officials said on Monday.",
        "Putin met Kim in Pyongyang.\n\nThe treaty entered into force in December 2024.",
    ]
    for doc in pipeline.parse(texts):
        docbin = DocBin(store_user_data=False)
        docbin.add(doc)
        data = pipeline.to_bytes(doc)
        assert data == docbin.to_bytes()
        again = pipeline.from_bytes(data)
        assert [(t.text, t.dep_, t.ent_type_) for t in again] == [
            (t.text, t.dep_, t.ent_type_) for t in doc
        ]
