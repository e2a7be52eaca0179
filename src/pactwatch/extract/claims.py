"""Claims: events normalised into slot statements that sources can agree or disagree on.

Every event states that something happened: subject ``SRC->TGT`` (or ``SRC``), slot ``type`` or
``type:mode`` (``aid:munitions``), value ``occurred``, as of the event's date (else the
publication date). Two kinds say more:

- a treaty act with a date: subject ``treaty A-B`` (the parties sorted), slot ``signed_on``,
  ``ratified_on`` or ``in_force_on``, value the date ("the 2024 treaty was signed on 19 June");
- an amount moved: subject ``SRC->TGT``, slot ``<unit>_supplied`` in the unit the text counts
  (``containers_supplied``, ``barrels_supplied``; ``troops_deployed`` for forces), value the number
  or its range ``{low, high}``, as of the event's date, else the publication month ("about 11,000
  troops as of 2024-11").

Mentions of one claim across documents are merged, keeping every span. ``origins`` counts
independent origins: a quoted source (``attributed_to``) is one origin however many outlets
quote it, and a near-duplicate counts as its original.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping

from pactwatch.model import Claim, ClaimMention, Event, Range

_TREATY_SLOTS = {
    "treaty_signed": "signed_on",
    "treaty_ratified": "ratified_on",
    "treaty_in_force": "in_force_on",
}


_Statement = tuple[str, str, str | float | Range, str | None]  # subject, slot, value, as of


def claims_from_events(
    events: Iterable[Event], originals: Mapping[str, str] | None = None
) -> list[Claim]:
    """The claims the events make, merged across documents. ``originals`` maps a near-duplicate
    document to its original, so that a syndicated copy adds no origin."""
    originals = originals or {}
    grouped: dict[tuple[object, ...], tuple[_Statement, list[Event]]] = {}
    key: tuple[object, ...]
    for event in events:
        for statement in _statements(event):
            subject, slot, value, as_of = statement
            key = (subject, slot, _key(value), as_of, event.modality, event.polarity)
            grouped.setdefault(key, (statement, []))[1].append(event)
    claims = []
    for group, ((subject, slot, value, as_of), stated) in grouped.items():
        first = stated[0]
        origins = {e.attributed_to or originals.get(e.doc_id, e.doc_id) for e in stated}
        mentions = [
            ClaimMention(doc_id=e.doc_id, span=e.span, attributed_to=e.attributed_to, event_id=e.id)
            for e in sorted(stated, key=lambda e: (e.doc_id, e.span.start))
        ]
        claim_id = hashlib.sha256("|".join(map(str, group)).encode()).hexdigest()[:16]
        claims.append(
            Claim(
                id=claim_id,
                subject=subject,
                slot=slot,
                value=value,
                as_of=as_of,
                modality=first.modality,
                polarity=first.polarity,
                mentions=mentions,
                origins=len(origins),
            )
        )
    return sorted(claims, key=lambda c: (c.subject, c.slot, c.as_of or "", c.id))


def _statements(event: Event) -> list[_Statement]:
    """(subject, slot, value, as of) for each statement one event makes."""
    if event.source is None:
        return []
    arrow = f"{event.source}->{event.target}" if event.target else event.source
    as_of = event.date or event.published
    slot = event.type.lower() + (f":{event.mode}" if event.mode else "")
    found: list[_Statement] = [(arrow, slot, "occurred", as_of)]
    if event.type == "AGREE" and event.mode in _TREATY_SLOTS and event.date and event.target:
        parties = "-".join(sorted([event.source, event.target]))
        found.append((f"treaty {parties}", _TREATY_SLOTS[event.mode], event.date, None))
    if event.type in {"AID", "MOBILIZE"}:
        for quantity in event.quantities:
            if quantity.unit in {"USD", "%"} or not (quantity.item or quantity.unit):
                continue  # money is a flow of its own; a share ("up to 40%") is no amount
            value: str | float | Range = (
                quantity.value
                if quantity.value is not None
                else Range(low=quantity.low, high=quantity.high)
            )
            # Counted in what the text counts ("6,700 containers of munitions" are containers,
            # "1 million barrels of oil" barrels): containers and shells are never compared.
            counted = quantity.unit if quantity.unit and quantity.unit != "USD" else quantity.item
            item = "troops" if event.mode == "troop_deployment" else _plural(counted or "")
            slot_name = "troops_deployed" if item == "troops" else f"{item}_supplied"
            month = event.date or (event.published[:7] if event.published else None)
            found.append((arrow, slot_name, value, month))
    return found


def _plural(item: str) -> str:
    return item if item.endswith("s") else item + "s"


def _key(value: str | float | Range) -> object:
    return (value.low, value.high) if isinstance(value, Range) else value
