"""`check`: verdicts from the record, the treaty files and the store, and the seed acceptance
statements; all on statements and articles written for these tests."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from pactwatch import api
from pactwatch.commitments import load_commitments
from pactwatch.verify import load_reference
from pactwatch.verify.reference import treaty_facts

TODAY = dt.date(2026, 11, 23)


def _verdict(statement: str, db: Path | None = None, **kw: object) -> str:
    return api.check(statement, db, today=TODAY, **kw).verdict  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        # the seed acceptance statements
        ("The partnership treaty was signed on June 19, 2023", "contradicted"),
        (
            "Article 4 of the 2024 treaty obliges each party to provide military assistance with "
            "all means at its disposal if the other is attacked and in a state of war",
            "supported",
        ),
        # treaty dates read from the commitment files
        ("Russia and North Korea signed the partnership treaty on 19 June 2024.", "supported"),
        (
            "The 1961 treaty between the Soviet Union and North Korea was signed in 1962.",
            "contradicted",
        ),
        ("China and North Korea signed the partnership treaty on 19 June 2024.", "contradicted"),
        # obligations: a threat leads to consultation, not to military assistance
        (
            "The 2024 treaty obliges each side to help the other if it is threatened.",
            "contradicted",
        ),
        ("The 2000 treaty commits Russia to defend North Korea if it is attacked.", "contradicted"),
        (
            "Under the 2024 treaty the parties must consult if there is a threat of aggression.",
            "supported",
        ),
        # amounts against the record's estimates for the month
        ("North Korea had sent about 11,000 troops to Russia by November 2024.", "supported"),
        ("North Korea had sent about 300 troops to Russia by November 2024.", "contradicted"),
        # a flow the record shows one way only, and the opposite flow it does show
        ("Russia shipped artillery shells to North Korea in 2024.", "contradicted"),
        ("Russia gave North Korea air-defence systems in November 2024.", "supported"),
        # what the record does not show, and a plan, cannot be decided
        ("Russia and North Korea held joint military exercises in 2025.", "cannot_decide"),
        ("Russia may send fighter jets to North Korea next year.", "cannot_decide"),
        # a denial stated as fact, against an acknowledged deployment
        ("North Korea did not send troops to Russia.", "contradicted"),
    ],
)
def test_verdicts_from_the_record(statement: str, expected: str) -> None:
    assert _verdict(statement) == expected


def test_a_verdict_explains_itself_and_cites_the_record() -> None:
    verdict = api.check("The partnership treaty was signed on June 19, 2023", today=TODAY)
    assert verdict.claim is not None and verdict.claim.value == "2023-06-19"
    assert any("2024-06-19" in line for line in verdict.explanation)
    (record,) = [e for e in verdict.evidence if e.reference]
    assert (
        record.stance == "contradicts"
        and record.source_url
        and record.source_url.startswith("http")
    )


def test_treaty_dates_come_from_the_commitment_files() -> None:
    commitments = load_commitments()
    (signed,) = [f for f in treaty_facts(commitments) if f.id == "rus-prk-2024-signed"]
    (treaty,) = [c for c in commitments if c.id == "rus-prk-2024"]
    assert signed.values[0].value == treaty.signed.isoformat()
    assert not [f for f in load_reference() if f.origin == "reference" and f.slot == "signed_on"]


def _corpus(path: Path, stories: list[tuple[str, str, str]]) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for doc_id, url, text in stories:
            out.write(
                json.dumps({"id": doc_id, "url": url, "published": "2026-03-02", "text": text})
            )
            out.write("\n")
    return path


def test_one_uncorroborated_source_cannot_decide_and_two_origins_support(tmp_path: Path) -> None:
    statement = "Belarus sent 40 tanks to Serbia in January 2026."
    one = _corpus(
        tmp_path / "one.jsonl",
        [("a", "https://one.example/a", "Belarus sent 40 tanks to Serbia in January 2026.")],
    )
    db = tmp_path / "one.duckdb"
    api.ingest([one], db)
    verdict = api.check(statement, db, today=TODAY)
    assert verdict.verdict == "cannot_decide"
    assert any("Only one independent origin" in line for line in verdict.explanation)
    two = _corpus(
        tmp_path / "two.jsonl",
        [("b", "https://two.example/b", "In January 2026 Belarus delivered 40 tanks to Serbia.")],
    )
    api.ingest([two], db)
    assert api.check(statement, db, today=TODAY).verdict == "supported"


def test_outlets_quoting_one_briefing_are_one_origin(tmp_path: Path) -> None:
    text = "Belarus sent 40 tanks to Serbia in January 2026, Lithuanian intelligence said."
    corpus = _corpus(
        tmp_path / "c.jsonl",
        [
            ("a", "https://one.example/a", text),
            (
                "b",
                "https://two.example/b",
                "Lithuanian intelligence said Belarus sent 40 tanks to Serbia in January 2026.",
            ),
        ],
    )
    db = tmp_path / "c.duckdb"
    api.ingest([corpus], db)
    verdict = api.check("Belarus sent 40 tanks to Serbia in January 2026.", db, today=TODAY)
    origins = {e.origin for e in verdict.evidence if e.doc_id}
    assert origins == {"LTU.INT"}
    assert verdict.verdict == "cannot_decide"


def test_a_new_fact_is_data_and_changes_verdicts_and_conflicts(tmp_path: Path) -> None:
    statement = "Belarus sent 40 tanks to Serbia in January 2026."
    assert _verdict(statement) == "cannot_decide"
    facts = tmp_path / "facts.yaml"
    facts.write_text(
        """
facts:
  - id: blr-tanks-to-serbia
    subject: BLR->SRB
    slot: tanks_supplied
    kind: estimates
    estimates:
      - {as_of: 2026-01, value: 400, by: null, sources: ["https://record.example/tanks"]}
""",
        encoding="utf-8",
    )
    verdict = api.check(statement, today=TODAY, reference=[facts])
    assert verdict.verdict == "contradicted"
    assert any(e.source_url == "https://record.example/tanks" for e in verdict.evidence)
    corpus = _corpus(tmp_path / "c.jsonl", [("a", "https://one.example/a", statement)])
    db = tmp_path / "c.duckdb"
    api.ingest([corpus], db)
    assert api.conflicts(db) == []
    (conflict,) = api.conflicts(db, reference=[facts])
    assert conflict.kind == "reference" and conflict.slot == "tanks_supplied"
