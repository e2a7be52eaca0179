"""The public API is exactly what __all__ says; changing it is a visible diff here."""

from __future__ import annotations

import pactwatch

PUBLIC = {
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
}


def test_public_api_is_guarded() -> None:
    assert set(pactwatch.__all__) == PUBLIC
    for name in pactwatch.__all__:
        assert hasattr(pactwatch, name), name
