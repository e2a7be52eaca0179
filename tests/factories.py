"""Events built by hand for tests that need no parsing: a reported PRK -> RUS aid event unless
the fields say otherwise."""

from __future__ import annotations

from pactwatch.model import Event, Span


def event(doc: str, **fields: object) -> Event:
    base: dict[str, object] = {
        "id": f"{doc}-{sorted(fields.items())}",
        "doc_id": doc,
        "published": "2024-11-20",
        "span": Span(start=0, end=5, text="words"),
        "source": "PRK",
        "target": "RUS",
        "type": "AID",
        "modality": "reported",
        "confidence": 0.8,
    }
    return Event.model_validate(base | fields)
