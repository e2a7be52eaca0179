"""pactwatch: what is written about a military alliance, as an executable, evidence-grounded model.

The public API is what this module exports; everything else is private and may change.
"""

from pactwatch._version import __version__
from pactwatch.api import BriefResult, brief, claims, document, documents, events, ingest
from pactwatch.errors import InputError, NlpError, NotBuiltError, PactwatchError, StoreError
from pactwatch.kb import EventFilter, Store
from pactwatch.model import Claim, Document, Event, Location, Quantity, Span
from pactwatch.pipeline import IngestReport, reextract, sample_corpus
from pactwatch.settings import Settings, load_settings

__all__ = [
    "BriefResult",
    "Claim",
    "Document",
    "Event",
    "EventFilter",
    "IngestReport",
    "InputError",
    "Location",
    "NlpError",
    "NotBuiltError",
    "PactwatchError",
    "Quantity",
    "Settings",
    "Span",
    "Store",
    "StoreError",
    "__version__",
    "brief",
    "claims",
    "document",
    "documents",
    "events",
    "ingest",
    "load_settings",
    "reextract",
    "sample_corpus",
]
