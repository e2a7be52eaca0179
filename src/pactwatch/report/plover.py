"""Events as PLOVER-style JSON records.

The field names follow the PLOVER project's gold-standard records (openeventdata/PLOVER,
PLOVER_GSR_CAMEO.txt: ``id``, ``date``, ``source`` and ``target`` as lists of
``{actorText, code, sector}``, ``event``, ``eventText``, ``mode``, ``context``, ``text``,
``language``, ``publication``, ``coder``, ``version``). PLOVER leaves its auxiliary modes
(future, hypothetical, negation) unimplemented; pactwatch's modality, polarity, attribution,
quantities and exact span go in an extension object, ``pactwatch``, so nothing is lost.
"""

from __future__ import annotations

from typing import Any

from pactwatch._version import __version__
from pactwatch.model import Event

CODER = "pactwatch extract.rules.v1"


def _actors(code: str | None, role: str | None) -> list[dict[str, str]] | str:
    if not code:
        return ""
    actor = {"actorText": code, "code": code}
    if role:
        actor["sector"] = role
    return [actor]


def plover_record(event: Event) -> dict[str, Any]:
    """One event as a PLOVER-style record. The extractor does not keep each actor's own words,
    so ``actorText`` repeats the code; ``eventText`` and ``text`` hold the event's span."""
    return {
        "id": event.id,
        "date": event.date or event.published or "",
        "source": _actors(event.source, event.source_role),
        "target": _actors(event.target, event.target_role),
        "event": event.type,
        "eventText": event.span.text,
        "mode": event.mode or "",
        "context": "",
        "text": event.span.text,
        "language": "en",
        "publication": event.url or event.doc_id,
        "coder": CODER,
        "version": __version__,
        "pactwatch": {
            "doc_id": event.doc_id,
            "span": {"start": event.span.start, "end": event.span.end},
            "modality": event.modality,
            "polarity": event.polarity,
            "attributed_to": event.attributed_to,
            "date_note": event.date_note,
            "target_note": event.target_note,
            "location": event.location.model_dump() if event.location else None,
            "supplied_by": list(event.supplied_by),
            "quantities": [q.model_dump() for q in event.quantities],
            "confidence": event.confidence,
        },
    }
