"""The gold sets load, and the development set (tuned on) shares no text with the blind set
(never tuned on)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pactwatch.extract.quality import load_gold

GOLD = Path(__file__).parent / "gold"


def _words(text: str) -> set[tuple[str, ...]]:
    words = text.lower().split()
    return {tuple(words[i : i + 8]) for i in range(max(0, len(words) - 7))}


@pytest.mark.parametrize("name", ["dev.jsonl", "dev2.jsonl", "dev3.jsonl", "dev4.jsonl"])
def test_the_gold_sets_load_and_do_not_overlap(name: str) -> None:
    blind = load_gold(GOLD / "blind.jsonl") + load_gold(GOLD / "blind2.jsonl")
    dev = load_gold(GOLD / name)
    assert len({i.id for i in blind}) == len(blind) > 200
    assert len({i.id for i in dev}) == len(dev) > 80
    blind_runs = set().union(*(_words(i.text) for i in blind))
    shared = [i.id for i in dev if _words(i.text) & blind_runs]
    assert not shared, f"development items sharing 8 words in a row with the blind set: {shared}"
