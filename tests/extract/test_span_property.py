"""Property: whatever the text around it, every event's span sliced from the text is its evidence.

Texts are built from our own development sentences, joined by random separators (spaces, line
breaks, blank lines, stray punctuation) in random order; every event the extractor finds must
point at exactly its own text, within one line, with no space at either end.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pactwatch.actors import load_registry
from pactwatch.extract.lexicon import load_lexicon
from pactwatch.extract.rules import extract_events
from pactwatch.model import Document

DEV = Path(__file__).parent / "gold" / "dev.jsonl"
SENTENCES = [json.loads(line)["text"] for line in DEV.read_text("utf-8").splitlines() if line]
SEPARATORS = st.sampled_from([" ", "  ", "\n", "\n\n", " \u2014 ", "\t", " (", ") ", "\u00a0"])


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    parts=st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4),
    glue=st.lists(SEPARATORS, min_size=4, max_size=4),
    lead=SEPARATORS,
)
def test_every_span_is_its_own_evidence(
    parse: Any, parts: list[str], glue: list[str], lead: str
) -> None:
    text = lead + "".join(part + glue[i] for i, part in enumerate(parts))
    doc = parse(text)
    events = extract_events(
        doc, Document(id="t", published="2024-06-01"), load_lexicon(), load_registry()
    )
    for event in events:
        assert text[event.span.start : event.span.end] == event.span.text
        assert event.span.text and event.span.text == event.span.text.strip()
        assert "\n" not in event.span.text
