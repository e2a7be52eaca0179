"""The knowledge base: one DuckDB store that every stage reads from and writes to."""

from pactwatch.kb.store import EventFilter, Store, StoreStats

__all__ = ["EventFilter", "Store", "StoreStats"]
