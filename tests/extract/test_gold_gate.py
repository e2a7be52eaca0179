"""The extraction gate: the extractor scored on the frozen blind gold sets must not fall below the
floors pinned beside them. blind.jsonl (271 texts, all types) and blind2.jsonl (73 texts for the
rare types COERCE, CONCEDE and RETREAT) were each written and annotated by a helper session that
never saw the extraction rules; their SHA-256 is pinned, so they cannot be tuned on by editing
them. Floors: baseline.json (blind), baseline2.json (blind2) and baseline_union.json (both sets
together, which gives every supported type at least 15 items). Lowering a floor is a visible diff
with its reason in the commit message."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from pactwatch.extract.quality import Report, load_gold
from pactwatch.tools.gold_report import run

GOLD = Path(__file__).parent / "gold"
SETS = {
    "baseline.json": ["blind.jsonl"],
    "baseline2.json": ["blind2.jsonl"],
    "baseline_union.json": ["blind.jsonl", "blind2.jsonl"],
}


@pytest.mark.parametrize("name", ["blind", "blind2"])
def test_the_blind_sets_are_frozen(name: str) -> None:
    pinned = (GOLD / f"{name}.sha256").read_text("utf-8").split()[0]
    assert hashlib.sha256((GOLD / f"{name}.jsonl").read_bytes()).hexdigest() == pinned


@pytest.fixture(scope="module")
def reports() -> dict[str, Report]:
    return {
        baseline: run([item for f in files for item in load_gold(GOLD / f)])
        for baseline, files in SETS.items()
    }


@pytest.mark.parametrize("baseline_file", sorted(SETS))
def test_no_figure_falls_below_its_floor(reports: dict[str, Report], baseline_file: str) -> None:
    report = reports[baseline_file]
    baseline = json.loads((GOLD / baseline_file).read_text("utf-8"))
    figures = report.figures()
    below = {
        name: (figures.get(name, 0.0), floor)
        for name, floor in baseline["floors"].items()
        if figures.get(name, 0.0) < floor
    }
    assert not below, (
        f"{baseline_file}: below the floor (measured, floor): {below}\n{report.table()}"
    )


@pytest.mark.parametrize("baseline_file", sorted(SETS))
def test_facts_made_from_non_facts_do_not_grow(
    reports: dict[str, Report], baseline_file: str
) -> None:
    baseline = json.loads((GOLD / baseline_file).read_text("utf-8"))
    report = reports[baseline_file]
    assert len(report.facts_from_non_facts) <= baseline["max_facts_from_non_facts"], "\n".join(
        report.facts_from_non_facts
    )


def test_every_supported_type_has_fifteen_blind_items() -> None:
    items = [i for f in ("blind.jsonl", "blind2.jsonl") for i in load_gold(GOLD / f)]
    per_type: dict[str, int] = {}
    for item in items:
        for kind in {e["type"] for e in item.events}:
            per_type[kind] = per_type.get(kind, 0) + 1
    supported = set(per_type) - {"PROTEST"}  # no state actor protests in this vocabulary
    assert {t: n for t, n in per_type.items() if t in supported and n < 15} == {}
