"""Denials later reversed, shown as what they are: a timeline (denied on ..., acknowledged on ...),
not as two sources in conflict."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict, Field

from pactwatch.model import Claim, Span
from pactwatch.verify.conflicts import Sources
from pactwatch.verify.reference import Fact


class Step(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    date: str | None
    by: str | None  # who said it: an actor code with role, or null for the writer
    polarity: str  # "negative": denied; "positive": stated or acknowledged
    doc_id: str | None = None
    url: str | None = None
    span: Span | None = None
    reference: str | None = None  # a record fact's id
    note: str | None = None


class Timeline(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    subject: str
    slot: str
    steps: list[Step] = Field(default_factory=list)
    summary: str


def reversals(
    claims: Sequence[Claim], record: Sequence[Fact], sources: Sources | None = None
) -> list[Timeline]:
    """One timeline per (subject, slot) that was denied and later stated or acknowledged, in the
    store or in the record."""
    sources = sources or Sources()
    steps: dict[tuple[str, str], list[Step]] = defaultdict(list)
    for claim in claims:
        if claim.value != "occurred" or claim.modality not in {"asserted", "reported"}:
            continue
        for mention in claim.mentions:
            steps[(claim.subject, claim.slot)].append(
                Step(
                    date=claim.as_of,
                    by=mention.attributed_to,
                    polarity=claim.polarity,
                    doc_id=mention.doc_id,
                    url=sources.urls.get(mention.doc_id),
                    span=mention.span,
                )
            )
    for fact in record:
        if fact.kind != "statements":
            continue
        for statement in fact.statements:
            for subject in fact.subject:
                steps[(subject, fact.slot)].append(
                    Step(
                        date=statement.date,
                        by=statement.by,
                        polarity=statement.polarity,
                        url=statement.sources[0],
                        reference=fact.id,
                        note=statement.note,
                    )
                )
    found = []
    for (subject, slot), group in sorted(steps.items()):
        ordered = sorted(group, key=lambda s: (s.date or "", s.polarity))
        denied = [s for s in ordered if s.polarity == "negative" and s.by]
        if not denied:
            continue
        first = denied[0].date or ""
        later = [s for s in ordered if s.polarity == "positive" and (s.date or "") > first]
        if not later:
            continue
        deniers = {(d.by or "").split(".")[0] for d in denied}
        owned = [s for s in later if (s.by or "").split(".")[0] in deniers]
        summary = f"{subject} {slot}: denied on {denied[0].date} by {denied[0].by}; " + (
            f"acknowledged on {owned[0].date} by {owned[0].by}"
            if owned
            else f"stated on {later[0].date}" + (f" by {later[0].by}" if later[0].by else "")
        )
        found.append(Timeline(subject=subject, slot=slot, steps=ordered, summary=summary))
    return found
