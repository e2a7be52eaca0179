"""Events from annotated sentences (extract.rules.v1: a verb lexicon over the dependency parse)."""

from pactwatch.extract.registry import EXTRACTORS, get_extractor

__all__ = ["EXTRACTORS", "get_extractor"]
