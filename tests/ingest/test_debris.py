"""The debris stripper and byline dates, table-driven from cases written blind to the rules
(tests/ingest/data/*.yaml: our own prose mixed with the debris families seen in scraped dumps)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from pactwatch.ingest.bylines import byline_date
from pactwatch.ingest.debris import strip_debris
from pactwatch.ingest.text import normalise

DATA = Path(__file__).parent / "data"
DEBRIS: list[dict[str, Any]] = yaml.safe_load((DATA / "debris_cases.yaml").read_text("utf-8"))
DATES: list[dict[str, Any]] = yaml.safe_load((DATA / "byline_dates.yaml").read_text("utf-8"))


@pytest.mark.parametrize("case", DEBRIS, ids=lambda c: c["name"])
def test_debris_is_stripped_and_article_text_kept(case: dict[str, Any]) -> None:
    text = normalise(case["text"])
    result = strip_debris(text)
    assert {s.text for s in result.stripped} == {normalise(line) for line in case["strip"]}
    for line in case["keep"]:
        assert normalise(line) in result.text
    for s in result.stripped:  # every stripped line is recorded with its rule and reason
        assert s.rule and s.reason and text.split("\n")[s.line - 1].strip() == s.text


@pytest.mark.parametrize("case", DATES, ids=lambda c: c["name"])
def test_publication_date_from_the_byline(case: dict[str, Any]) -> None:
    text = normalise(case["text"])
    published, note = byline_date(text, strip_debris(text).stripped)
    assert published == case["published"]
    if case["note"] is None:
        assert note is None
    else:
        assert note is not None and case["note"] in note
