"""Score the extractor on a gold set and print the table; optionally pin a new baseline.

    .venv/bin/python -m pactwatch.tools.gold_report [GOLD.jsonl ...] [--write-baseline FILE]

The default gold set is the frozen blind set, tests/extract/gold/blind.jsonl. A baseline holds the
floors the CI gate (tests/extract/test_gold_gate.py) holds the extractor to; writing one rounds the
measured figures down to two places, so that a change must not make any of them worse. Lowering a
floor by hand is a visible diff and needs a reason in the commit.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any

from pactwatch.actors import load_registry
from pactwatch.extract.lexicon import load_lexicon
from pactwatch.extract.quality import GoldItem, Report, load_gold, score
from pactwatch.extract.registry import get_extractor
from pactwatch.model import Document
from pactwatch.nlp import load_pipeline
from pactwatch.pipeline import EXTRACTOR
from pactwatch.settings import load_settings

ROOT = Path(__file__).resolve().parents[3]
BLIND = ROOT / "tests" / "extract" / "gold" / "blind.jsonl"


def run(items: list[GoldItem]) -> Report:
    """Parse every gold text, extract its events and score them."""
    pipeline = load_pipeline(load_settings().nlp.models)
    extractor = get_extractor(EXTRACTOR)
    lexicon, registry = load_lexicon(), load_registry()
    docs = dict(zip((i.id for i in items), pipeline.parse([i.text for i in items]), strict=True))

    def extract(item: GoldItem) -> list[dict[str, Any]]:
        document = Document(id=item.id, published=item.published)
        events = extractor(docs[item.id], document, lexicon, registry)
        return [
            {
                "type": e.type,
                "source": e.source,
                "target": e.target,
                "modality": e.modality,
                "polarity": e.polarity,
            }
            for e in events
        ]

    return score(items, extract)


def baseline(report: Report, gold: list[Path] | None = None) -> dict[str, Any]:
    floors = {k: math.floor(v * 100) / 100 for k, v in report.figures().items()}
    names = [f"tests/extract/gold/{g.name}" for g in gold or [BLIND]]
    return {
        "gold": names[0] if len(names) == 1 else names,
        "floors": floors,
        "max_facts_from_non_facts": len(report.facts_from_non_facts),
    }


def main(argv: list[str]) -> None:
    write = None
    if "--write-baseline" in argv:
        at = argv.index("--write-baseline")
        write = Path(argv[at + 1])
        argv = argv[:at] + argv[at + 2 :]
    golds = [Path(a) for a in argv] or [BLIND]
    report = run([item for gold in golds for item in load_gold(gold)])
    print(f"{' + '.join(str(g) for g in golds)}: {report.items} items")
    print(report.table())
    for line in report.facts_from_non_facts:
        print(f"  fact from a non-fact: {line}")
    if write is not None:
        write.write_text(json.dumps(baseline(report, golds), indent=2) + "\n", encoding="utf-8")
        print(f"floors written to {write}")


if __name__ == "__main__":
    main(sys.argv[1:])
