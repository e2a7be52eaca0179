"""The mutation harness in CI: planted contradictions must be found by `conflicts` and `check`,
harmless variants must not be, at or above the floors pinned in harness_baseline.json. Lowering a
floor is a visible diff with a reason in the commit message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pactwatch.tools.mutation_harness import items_from, run

HERE = Path(__file__).parent
BASELINE = json.loads((HERE / "harness_baseline.json").read_text("utf-8"))


@pytest.mark.parametrize("name", sorted(BASELINE))
def test_the_harness_holds_its_floors(name: str) -> None:
    items = items_from(HERE / name)
    roles = {i.role for i in items}
    assert roles == {"true", "contradiction", "harmless"}
    scores = run(items)
    figures = scores.figures()
    below = {k: (figures[k], floor) for k, floor in BASELINE[name].items() if figures[k] < floor}
    detail = "\n".join(scores.missed + scores.false_conflicts + scores.wrong_verdicts)
    assert not below, f"{name}: below the floor (measured, floor): {below}\n{detail}"


def test_every_mutation_changes_the_statement() -> None:
    for item in items_from(HERE / "harness.yaml"):
        if item.kind != "base":
            base = next(
                i for i in items_from(HERE / "harness.yaml") if i.id == item.id.split("-")[0]
            )
            assert item.text != base.text
