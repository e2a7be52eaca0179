"""A scenario built from the evidence: asserted events in the store up to a date."""

from __future__ import annotations

import datetime as dt

from pactwatch.commitments.scenario import Scenario, ScenarioEvent, ScenarioQuantity
from pactwatch.model import Event

# Events the commitments speak about: armed attacks, and flows that limits and prohibitions concern.
_FLOW_MODES = {
    "munitions",
    "missiles",
    "military_materiel",
    "fuel",
    "food",
    "technology",
    "labour",
    "troop_deployment",
    "military_training",
    "economic",
}


def _relevant(event: Event) -> bool:
    if event.type == "ASSAULT":
        return event.mode in {"armed_attack", "missiles", None}
    return event.mode in _FLOW_MODES


def scenario_from_events(
    events: list[Event], as_of: dt.date, *, include_reported: bool = False
) -> Scenario:
    allowed = {"asserted", "reported"} if include_reported else {"asserted"}
    chosen = []
    for e in events:
        when = e.date or e.published
        if e.modality not in allowed or e.polarity != "positive" or not _relevant(e):
            continue
        if when and when[:10] > as_of.isoformat():
            continue
        chosen.append(
            ScenarioEvent(
                source=e.source or "?",
                target=e.target,
                type=e.type,
                mode="armed_attack" if e.type == "ASSAULT" else e.mode,
                location=e.location.name if e.location else None,
                supplied_by=list(e.supplied_by),
                quantities=[
                    ScenarioQuantity(
                        value=q.value, low=q.low, high=q.high, unit=q.unit, item=q.item
                    )
                    for q in e.quantities
                ],
                date=when,
                evidence=e.id,
            )
        )
    kinds = "asserted and reported" if include_reported else "asserted"
    return Scenario(
        name=f"The evidence in the store as of {as_of} ({kinds} events)", date=as_of, events=chosen
    )
