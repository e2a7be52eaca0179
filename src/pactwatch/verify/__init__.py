"""Verification: the curated record, contradictions between sources and against the record,
denial-then-acknowledgement timelines, and verdicts for `check`."""

from pactwatch.verify.check import Knowledge, check, resolve_treaty
from pactwatch.verify.conflicts import Sources, find_conflicts, judge
from pactwatch.verify.reference import Fact, ReferenceError, load_reference
from pactwatch.verify.timelines import Step, Timeline, reversals

__all__ = [
    "Fact",
    "Knowledge",
    "ReferenceError",
    "Sources",
    "Step",
    "Timeline",
    "check",
    "find_conflicts",
    "judge",
    "load_reference",
    "resolve_treaty",
    "reversals",
]
