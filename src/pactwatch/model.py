"""Domain types shared by the stages. Their JSON forms are the shapes in DESIGN.md."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Modality = Literal["asserted", "reported", "intended", "speculative"]
Polarity = Literal["positive", "negative"]
DocStatus = Literal["ok", "error"]

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(_Frozen):
    """Character offsets into a document's clean text, with the text they cover."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Quantity(_Frozen):
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    item: str | None = None
    text: str


class Location(_Frozen):
    name: str
    state: str | None = None


class Document(_Frozen):
    id: str
    path: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    published_note: str | None = None
    language: str | None = None
    chars: int = 0
    duplicate_of: str | None = None
    status: DocStatus = "ok"
    error: str | None = None


class Event(_Frozen):
    id: str
    doc_id: str
    url: str | None = None
    published: str | None = None
    span: Span
    source: str | None
    source_role: str | None = None
    target: str | None = None
    target_role: str | None = None
    type: str
    mode: str | None = None
    date: str | None = None
    date_note: str | None = None  # how a relative date ("last month") was resolved
    target_note: str | None = None  # how a target not named by the verb's phrases was found
    location: Location | None = None
    supplied_by: list[str] = Field(default_factory=list)
    modality: Modality
    polarity: Polarity = "positive"
    attributed_to: str | None = None
    quantities: list[Quantity] = Field(default_factory=list)
    confidence: float = Field(ge=0.0, le=1.0)


class ClaimMention(_Frozen):
    """One place a claim is stated: the document, the exact span, and who the text quotes."""

    doc_id: str
    span: Span
    attributed_to: str | None = None
    event_id: str | None = None


class Range(_Frozen):
    low: float | None = None
    high: float | None = None


class Claim(_Frozen):
    """A normalised slot statement: (subject, slot, value) as of a date, how sure the text is,
    every span that states it, and how many independent origins those spans have."""

    id: str
    subject: str  # "PRK->RUS", "treaty PRK-RUS"
    slot: str  # "signed_on", "troops_deployed", "aid:munitions"
    value: str | float | Range
    as_of: str | None = None
    modality: Modality
    polarity: Polarity = "positive"
    mentions: list[ClaimMention] = Field(default_factory=list)
    origins: int = 0


class ConflictSource(_Frozen):
    """Where one of a conflict's values is stated."""

    doc_id: str
    url: str | None = None
    span: Span
    attributed_to: str | None = None
    origin: str  # the independent origin this mention counts as


class ConflictValue(_Frozen):
    value: str
    sources: list[ConflictSource] = Field(default_factory=list)


class ReferenceValue(_Frozen):
    value: str
    source_url: str


class Conflict(_Frozen):
    """Two sources, or a source and the curated record, that cannot both be right about one slot
    at one time. ``explanation`` says why, in words a reader can check."""

    kind: Literal["cross_source", "reference"]
    subject: str
    slot: str
    values: list[ConflictValue]
    reference: ReferenceValue | None = None
    explanation: str


class Evidence(_Frozen):
    """One piece of evidence for or against a statement: a stored span or a record entry."""

    stance: Literal["supports", "contradicts"]
    doc_id: str | None = None
    span: Span | None = None
    reference: str | None = None  # the record entry's id
    source_url: str | None = None
    origin: str | None = None
    value: str | None = None


class Verdict(_Frozen):
    statement: str
    claim: Claim | None = None
    verdict: Literal["supported", "contradicted", "cannot_decide"]
    evidence: list[Evidence] = Field(default_factory=list)
    explanation: list[str] = Field(default_factory=list)


@dataclass(frozen=True)
class Stripped:
    """A line the debris stripper took out: where it was (1-based line of the text as read, after
    normalising), what it said, the rule that took it and why."""

    line: int
    text: str
    rule: str
    reason: str
