"""The extraction gate: the extractor scored on the frozen blind gold set must not fall below the
floors pinned in tests/extract/gold/baseline.json. The gold set was written and annotated by a
helper session that never saw the extraction rules; its SHA-256 is pinned, so it cannot be tuned
on by editing it. Lowering a floor is a visible diff in baseline.json, with its reason in the
commit message."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from pactwatch.extract.quality import Report, load_gold
from pactwatch.tools.gold_report import run

GOLD = Path(__file__).parent / "gold"


def test_the_blind_set_is_frozen() -> None:
    pinned = (GOLD / "blind.sha256").read_text("utf-8").split()[0]
    assert hashlib.sha256((GOLD / "blind.jsonl").read_bytes()).hexdigest() == pinned


@pytest.fixture(scope="module")
def report() -> Report:
    return run(load_gold(GOLD / "blind.jsonl"))


def test_no_figure_falls_below_its_floor(report: Report) -> None:
    baseline = json.loads((GOLD / "baseline.json").read_text("utf-8"))
    figures = report.figures()
    below = {
        name: (figures.get(name, 0.0), floor)
        for name, floor in baseline["floors"].items()
        if figures.get(name, 0.0) < floor
    }
    assert not below, f"below the floor (measured, floor): {below}\n{report.table()}"


def test_facts_made_from_non_facts_do_not_grow(report: Report) -> None:
    baseline = json.loads((GOLD / "baseline.json").read_text("utf-8"))
    assert len(report.facts_from_non_facts) <= baseline["max_facts_from_non_facts"], "\n".join(
        report.facts_from_non_facts
    )
