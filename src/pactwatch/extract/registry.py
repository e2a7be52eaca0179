"""Extractors by versioned name, so a rule-based and a later model-based extractor share a slot."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pactwatch.actors import Registry
from pactwatch.extract.lexicon import Lexicon
from pactwatch.extract.rules import NAME as RULES_V1
from pactwatch.extract.rules import extract_events
from pactwatch.model import Document, Event

Extractor = Callable[[Any, Document, Lexicon, Registry], list[Event]]

EXTRACTORS: dict[str, Extractor] = {RULES_V1: extract_events}


def get_extractor(name: str) -> Extractor:
    try:
        return EXTRACTORS[name]
    except KeyError:
        raise KeyError(f"no extractor named {name!r}; known: {sorted(EXTRACTORS)}") from None
