"""Benchmarks (issue #4 adds bench/ingest.py)."""
