"""The mutation harness in CI: planted contradictions must be found by `conflicts` and `check`,
harmless variants must not be, at or above the floors pinned in harness_baseline.json, for each
statement file and for all of them together. harness.yaml was written by us; harness_blind.yaml
by a helper that never saw the verification code. Lowering a floor is a visible diff with a
reason in the commit message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pactwatch.tools.mutation_harness import Scores, combined, items_from, mutate, run

HERE = Path(__file__).parent
BASELINE = json.loads((HERE / "harness_baseline.json").read_text("utf-8"))
FILES = ["harness.yaml", "harness_blind.yaml"]


@pytest.fixture(scope="module")
def scores() -> dict[str, Scores]:
    found = {name: run(items_from(HERE / name)) for name in FILES}
    found["all"] = combined(list(found.values()))
    return found


@pytest.mark.parametrize("name", [*FILES, "all"])
def test_the_harness_holds_its_floors(scores: dict[str, Scores], name: str) -> None:
    measured = scores[name].figures()
    below = {k: (measured[k], f) for k, f in BASELINE[name].items() if measured[k] < f}
    detail = "\n".join(
        scores[name].missed + scores[name].false_conflicts + scores[name].wrong_verdicts
    )
    assert not below, f"{name}: below the floor (measured, floor): {below}\n{detail}"


def test_each_file_plants_and_varies() -> None:
    for name in FILES:
        roles = {i.role for i in items_from(HERE / name)}
        assert roles == {"true", "contradiction", "harmless"}, name


def test_mutations_do_what_they_say() -> None:
    text = "North Korea had sent about 11,000 troops to Russia by November 2024."
    assert mutate(text, "number", {}) == text.replace("about 11,000", "about 1,100")
    assert mutate(text, "bound", {}) == text.replace("about 11,000", "at least 8,800")
    assert "2026" in (mutate(text, "later", {}) or "") and "22,000" in (
        mutate(text, "later", {}) or ""
    )
    swapped = mutate(text, "direction", {"swap": ["North Korea", "Russia"]})
    assert swapped == "Russia had sent about 11,000 troops to North Korea by November 2024."
    signed = "The treaty between the United States and South Korea was signed on 1 October 1953."
    assert mutate(signed, "signatory", {"third": "Japan"}) == signed.replace(
        "the United States", "Japan"
    )
    assert mutate(signed, "year", {}) == signed.replace("1953", "1952")
