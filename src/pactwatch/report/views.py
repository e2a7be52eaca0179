"""What the briefing and the web app show, computed once from a store: the questions answered, the
headline numbers, the timeline, the network, the flows, the indicators, the contradictions, the
treaty comparison, the obligations board and the coverage.

Plain data (dataclasses and dicts) so that the briefing template, the app's pages and its JSON
API read the same thing. Nothing here formats HTML; the templates escape every value.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any
from urllib.parse import urlparse

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from pactwatch.commitments import (
    Commitment,
    Finding,
    Scenario,
    diff,
    evaluate_scenario,
    load_commitments,
)
from pactwatch.commitments.from_store import scenario_from_events
from pactwatch.errors import PactwatchError
from pactwatch.extract.claims import claims_from_events
from pactwatch.kb import Store
from pactwatch.model import Claim, Conflict, Document, Event, Range
from pactwatch.verify import Sources, Timeline, find_conflicts, load_reference, reversals

MODALITIES = ("asserted", "reported", "intended", "speculative")


class ViewsError(PactwatchError):
    code = "PW-VIEWS-001"


# -- the questions ----------------------------------------------------------------------------


class Question(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    question: str
    focus: str
    scenario: Scenario


@dataclass(frozen=True)
class Answer:
    question: Question
    findings: list[Finding]  # the focus treaty's defence findings, then any other that activates
    summary: str  # one line: what each interpretation finds for the focus treaty


def load_questions() -> list[Question]:
    text = resources.files("pactwatch").joinpath("data", "questions.yaml").read_text("utf-8")
    try:
        return [Question.model_validate(q) for q in yaml.safe_load(text)["questions"]]
    except (ValidationError, KeyError, TypeError) as exc:
        raise ViewsError(f"data/questions.yaml: {exc}") from exc


def answer(question: Question, commitments: Sequence[Commitment]) -> Answer:
    findings = evaluate_scenario(question.scenario, commitments)
    defence = [f for f in findings if f.obligation == "defense"]
    focus = [f for f in defence if f.commitment == question.focus]
    others = [f for f in defence if f.commitment != question.focus and f.status != "not_activated"]
    readings = []
    for finding in focus:
        if finding.status == "not_activated":
            continue
        by_status: dict[str, list[str]] = defaultdict(list)
        for name, status in finding.interpretations.items():
            by_status[status].append(name)
        duty = f"{finding.obligated} must assist {finding.beneficiary or 'the other parties'}"
        if set(by_status) == {"activated"}:
            readings.append(f"Yes: {duty} (art. {finding.article}) under every interpretation.")
            continue
        word = "Contested" if "activated" in by_status else "No"
        parts = [f"{s.replace('_', ' ')} under {', '.join(n)}" for s, n in by_status.items()]
        readings.append(f"{word}: {duty} (art. {finding.article}): {'; '.join(parts)}.")
    summary = " ".join(readings) or f"No: no provision of {question.focus} activates."
    return Answer(question, focus + others, summary)


# -- headline, timeline, network --------------------------------------------------------------


@dataclass(frozen=True)
class Headline:
    documents: int
    failed: int
    languages: dict[str, int]
    events: int
    by_modality: dict[str, int]
    negative: int
    sources: int  # distinct publishers (web hosts, or local folders)
    conflicts: int
    not_coded: int


def publisher(doc: Document) -> str:
    if doc.url:
        return urlparse(doc.url).netloc or doc.url
    return (doc.path or doc.id).rsplit("/", 1)[0]


@dataclass(frozen=True)
class TimelineItem:
    event: Event
    when: str  # the event's date, else its document's publication date
    doc: Document | None
    before: str
    span: str
    after: str


def snippet(text: str, event: Event, width: int = 90) -> tuple[str, str, str]:
    """(before, span, after) around an event's span, cut at word boundaries."""
    start, end = event.span.start, event.span.end
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    if start - width > 0 and " " in before:
        before = "… " + before.split(" ", 1)[1]
    if end + width < len(text) and " " in after:
        after = after.rsplit(" ", 1)[0] + " …"
    return before, text[start:end], after


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    types: dict[str, int]  # events per type
    origins: int  # independent origins behind the edge's events
    events: int
    x1: float = 0.0  # the drawn line, from circle edge to circle edge
    y1: float = 0.0
    x2: float = 0.0
    y2: float = 0.0


@dataclass(frozen=True)
class Network:
    nodes: list[dict[str, Any]]  # {"id", "x", "y", "degree"}
    edges: list[Edge]
    width: int = 640
    height: int = 520


def network(events: Iterable[Event], origin_of: dict[str, str]) -> Network:
    """Actors and directed edges, each weighted by the independent origins that state its events
    (a quoted agency counts once however many outlets repeat it). Laid out on a circle."""
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    origins: dict[tuple[str, str], set[str]] = defaultdict(set)
    for e in events:
        factual = e.polarity == "positive" and e.modality in {"asserted", "reported"}
        if not e.source or not e.target or not factual:
            continue
        key = (e.source, e.target)
        counts[key][e.type] += 1
        origins[key].add(e.attributed_to or origin_of.get(e.doc_id, e.doc_id))
    degree: Counter[str] = Counter()
    for source, target in counts:
        degree[source] += 1
        degree[target] += 1
    actors = sorted(degree, key=lambda a: (-degree[a], a))
    net = Network(nodes=[], edges=[])
    radius = min(net.width, net.height) / 2 - 60
    for i, actor in enumerate(actors):
        angle = 2 * math.pi * i / max(len(actors), 1) - math.pi / 2
        net.nodes.append(
            {
                "id": actor,
                "x": round(net.width / 2 + radius * math.cos(angle), 1),
                "y": round(net.height / 2 + radius * math.sin(angle), 1),
                "degree": degree[actor],
            }
        )
    at = {n["id"]: (n["x"], n["y"]) for n in net.nodes}
    for (source, target), types in sorted(counts.items()):
        (ax, ay), (bx, by) = at[source], at[target]
        length = math.hypot(bx - ax, by - ay) or 1.0
        dx, dy = (bx - ax) / length * 18, (by - ay) / length * 18  # the node radius and a gap
        line = (round(ax + dx, 1), round(ay + dy, 1), round(bx - dx, 1), round(by - dy, 1))
        key = (source, target)
        net.edges.append(
            Edge(source, target, dict(types), len(origins[key]), sum(types.values()), *line)
        )
    return net


# -- flows ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FlowPoint:
    as_of: str
    low: float | None
    high: float | None
    modality: str
    claim: Claim | None  # None for sums of money, which are read from the events
    sources: list[dict[str, Any]]  # {"doc_id", "url", "text", "attributed_to"}


@dataclass
class Flow:
    subject: str
    slot: str
    points: list[FlowPoint] = field(default_factory=list)

    @property
    def label(self) -> str:
        what = self.slot.replace("_supplied", "").replace("_deployed", "").replace("_", " ")
        return f"{self.subject.replace('->', ' → ')}: {what}"

    @property
    def band(self) -> list[tuple[str, float, float]]:
        """Per period, the lowest and highest figure any source gives (bounds count as figures)."""
        by: dict[str, list[float]] = defaultdict(list)
        for p in self.points:
            by[p.as_of[:7]] += [v for v in (p.low, p.high) if v is not None]
        return [(k, min(v), max(v)) for k, v in sorted(by.items()) if v]


def flows(claims: Iterable[Claim], urls: dict[str, str | None]) -> list[Flow]:
    """Amounts moved between actors (troops, shells, containers, barrels ...), each figure as
    stated with its sources, in time order; plans and speculation apart from facts."""
    found: dict[tuple[str, str], Flow] = {}
    for claim in claims:
        amount = claim.slot.endswith("_supplied") or claim.slot == "troops_deployed"
        factual = claim.modality in {"asserted", "reported"} and claim.polarity == "positive"
        if not amount or not factual or not claim.as_of:
            continue
        value = claim.value
        if isinstance(value, Range):
            low, high = value.low, value.high
        elif isinstance(value, int | float):
            low = high = float(value)
        else:
            continue
        flow = found.setdefault((claim.subject, claim.slot), Flow(claim.subject, claim.slot))
        sources = [
            {
                "doc_id": m.doc_id,
                "url": urls.get(m.doc_id),
                "text": m.span.text,
                "attributed_to": m.attributed_to,
            }
            for m in claim.mentions
        ]
        flow.points.append(FlowPoint(claim.as_of, low, high, claim.modality, claim, sources))
    for flow in found.values():
        flow.points.sort(key=lambda p: (p.as_of, p.low or 0))
    return sorted(found.values(), key=lambda f: (-len(f.points), f.subject, f.slot))


_FLOW_KINDS = {
    "munitions": "munitions",
    "missiles": "missiles",
    "military_materiel": "materiel",
    "troop_deployment": "troops",
    "labour": "labour",
    "fuel": "oil and fuel",
    "food": "food",
    "economic": "economic aid, money",
    "technology": "technology",
}


@dataclass(frozen=True)
class FlowKind:
    """Transfers of one kind from one actor to another, however the texts state them."""

    source: str
    target: str | None
    kind: str
    counts: dict[str, int]  # by modality, and "denied"
    first: str | None
    last: str | None
    events: list[Event]


def flow_kinds(events: Iterable[Event]) -> list[FlowKind]:
    """Every kind of transfer (materiel, troops, oil, food, money, technology ...) between two
    actors, with how sure the texts are: most of them state no figure."""
    grouped: dict[tuple[str, str | None, str], list[Event]] = defaultdict(list)
    for e in events:
        if e.type == "AID" and e.source and e.mode in _FLOW_KINDS:
            grouped[(e.source, e.target, _FLOW_KINDS[e.mode])].append(e)
    rows = []
    for (source, target, kind), found in grouped.items():
        counts: Counter[str] = Counter(str(e.modality) for e in found if e.polarity == "positive")
        counts["denied"] = sum(e.polarity == "negative" for e in found)
        dates = sorted(e.date or e.published or "" for e in found if e.date or e.published)
        rows.append(
            FlowKind(
                source,
                target,
                kind,
                {m: counts.get(m, 0) for m in (*MODALITIES, "denied")},
                dates[0] if dates else None,
                dates[-1] if dates else None,
                found,
            )
        )
    return sorted(rows, key=lambda r: (-len(r.events), r.source, r.target or "", r.kind))


def money(events: Iterable[Event], urls: dict[str, str | None]) -> list[Flow]:
    """Sums of money moved (in the currency the text gives), as flows with their sources."""
    found: dict[tuple[str, str], Flow] = {}
    for e in events:
        factual = e.modality in {"asserted", "reported"} and e.polarity == "positive"
        when = e.date or e.published
        if e.type != "AID" or not factual or not when:
            continue
        for q in e.quantities:
            if q.unit not in {"USD", "EUR", "GBP", "RUB", "KRW", "JPY", "CNY"}:
                continue
            subject = f"{e.source}->{e.target}" if e.target else e.source or "?"
            flow = found.setdefault((subject, q.unit), Flow(subject, f"{q.unit}_paid"))
            low = q.value if q.value is not None else q.low
            high = q.value if q.value is not None else q.high
            source = {
                "doc_id": e.doc_id,
                "url": urls.get(e.doc_id),
                "text": e.span.text,
                "attributed_to": e.attributed_to,
            }
            flow.points.append(FlowPoint(when[:10], low, high, e.modality, None, [source]))
    for flow in found.values():
        flow.points.sort(key=lambda p: (p.as_of, p.low or 0))
    return list(found.values())


def flow_chart(flow: Flow, width: int = 560, height: int = 180) -> dict[str, Any]:
    """Coordinates for an SVG chart: the band from min to max over time and each stated figure."""
    periods = sorted({p.as_of[:7] for p in flow.points})
    values = [v for p in flow.points for v in (p.low, p.high) if v is not None]
    top = max(values) * 1.1 if values else 1.0
    pad = 40

    def x(period: str) -> float:
        i = periods.index(period)
        return round(pad + (width - 2 * pad) * (i / max(len(periods) - 1, 1)), 1)

    def y(value: float) -> float:
        return round(height - 25 - (height - 45) * value / top, 1)

    band = flow.band
    upper = [(x(k), y(hi)) for k, _, hi in band]
    lower = [(x(k), y(lo)) for k, lo, _ in reversed(band)]
    polygon = " ".join(f"{a},{b}" for a, b in upper + lower)
    marks = []
    for p in flow.points:
        px = x(p.as_of[:7])
        low = y(p.low) if p.low is not None else None
        high = y(p.high) if p.high is not None else None
        marks.append({"point": p, "x": px, "low": low, "high": high})
    return {
        "width": width,
        "height": height,
        "polygon": polygon,
        "marks": marks,
        "periods": [(k, x(k)) for k in periods],
        "top": top,
        "top_y": y(top / 1.1),
    }


# -- indicators -------------------------------------------------------------------------------


class IndicatorQuery(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    type: list[str] = Field(default_factory=list)
    mode: list[str] = Field(default_factory=list)
    source: list[str] = Field(default_factory=list)
    target: list[str] = Field(default_factory=list)
    modality: list[str] = Field(default_factory=lambda: ["asserted", "reported"])
    polarity: str = "positive"
    either_way: bool = False

    def matches(self, e: Event) -> bool:
        def ok(values: list[str], value: str | None) -> bool:
            return not values or value in values

        ends = ok(self.source, e.source) and ok(self.target, e.target)
        if self.either_way:
            ends = ends or (ok(self.source, e.target) and ok(self.target, e.source))
        return (
            ends
            and ok(self.type, e.type)
            and ok(self.mode, e.mode)
            and e.modality in self.modality
            and e.polarity == self.polarity
        )


class Threshold(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    events: int = 1
    origins: int = 1


class Indicator(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    name: str
    why: str = ""
    query: IndicatorQuery
    threshold: Threshold = Threshold()


@dataclass(frozen=True)
class IndicatorStatus:
    indicator: Indicator
    status: str  # observed | not observed
    events: list[Event]
    origins: int
    last_seen: str | None
    note: str


def load_indicators() -> list[Indicator]:
    folder = resources.files("pactwatch").joinpath("data", "indicators")
    found = []
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".yaml"):
            continue
        try:
            data = yaml.safe_load(entry.read_text("utf-8"))
            found += [Indicator.model_validate(i) for i in data["indicators"]]
        except (ValidationError, KeyError, TypeError, yaml.YAMLError) as exc:
            raise ViewsError(f"data/indicators/{entry.name}: {exc}") from exc
    return found


def indicator_board(
    indicators: Iterable[Indicator], events: Sequence[Event], origin_of: dict[str, str]
) -> list[IndicatorStatus]:
    board = []
    for indicator in indicators:
        hits = [e for e in events if indicator.query.matches(e)]
        origins = {e.attributed_to or origin_of.get(e.doc_id, e.doc_id) for e in hits}
        need = indicator.threshold
        observed = len(hits) >= need.events and len(origins) >= need.origins
        dates = sorted(e.date or e.published or "" for e in hits)
        if observed:
            note = f"{len(hits)} events from {len(origins)} independent origins"
        elif hits:
            note = (
                f"{len(hits)} events from {len(origins)} origins; the threshold is "
                f"{need.events} events from {need.origins} origins"
            )
        else:
            note = "no matching event"
        board.append(
            IndicatorStatus(
                indicator,
                "observed" if observed else "not observed",
                hits,
                len(origins),
                dates[-1] if dates and dates[-1] else None,
                note,
            )
        )
    return board


# -- obligations ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Obligations:
    as_of: dt.date
    asserted: list[Finding]  # from asserted evidence only
    reported: list[Finding]  # asserted and reported evidence
    scenario_events: int
    scenario_events_reported: int


def obligations(
    events: list[Event], commitments: Sequence[Commitment], as_of: dt.date
) -> Obligations:
    strict = scenario_from_events(events, as_of)
    loose = scenario_from_events(events, as_of, include_reported=True)
    return Obligations(
        as_of,
        evaluate_scenario(strict, commitments),
        evaluate_scenario(loose, commitments),
        len(strict.events),
        len(loose.events),
    )


def board_rows(result: Obligations) -> list[dict[str, Any]]:
    """One row per provision and obligated party that anything activates, is violated or complied
    with, under either reading of the evidence."""
    strict = {(f.commitment, f.article, f.obligated, f.beneficiary): f for f in result.asserted}
    rows = []
    for f in result.reported:
        a = strict.get((f.commitment, f.article, f.obligated, f.beneficiary))
        if f.status == "not_activated" and (a is None or a.status == "not_activated"):
            continue
        standing = f.status == "activated" and any(
            "no conditions: the obligation applies" in line for line in f.explanation
        )
        rows.append({"finding": f, "asserted": a, "standing": standing})
    order = {"violated": 0, "contested": 1, "activated": 2, "complied": 3}
    return sorted(rows, key=lambda r: (order.get(r["finding"].status, 9), r["finding"].commitment))


# -- everything at once -----------------------------------------------------------------------


@dataclass
class Views:
    headline: Headline
    answers: list[Answer]
    timeline: list[TimelineItem]
    network: Network
    flows: list[Flow]
    flow_kinds: list[FlowKind]
    charts: dict[str, dict[str, Any]]
    indicators: list[IndicatorStatus]
    conflicts: list[Conflict]
    timelines: list[Timeline]
    comparison: dict[str, Any] | None
    obligations: Obligations
    board: list[dict[str, Any]]
    documents: list[Document]
    errors: list[Document]
    not_coded: list[tuple[Document, str]]
    interpretations: list[str]
    types: list[str]


def build(store: Store, *, today: dt.date | None = None) -> Views:
    """Every view of the briefing and the app, from one read of the store."""
    documents = store.documents()
    events = store.events()
    by_doc = {d.id: d for d in documents}
    origin_of = {d.id: d.duplicate_of or d.id for d in documents}
    urls = {d.id: d.url or d.path for d in documents}
    sources = Sources(urls=urls, originals={k: v for k, v in origin_of.items() if v != k})
    claims = claims_from_events(events, dict(sources.originals))
    record = load_reference()
    conflicts = find_conflicts(claims, record, sources)
    commitments = load_commitments()
    texts: dict[str, str] = {}
    items = []
    for e in events:
        if e.doc_id not in texts:
            texts[e.doc_id] = store.document_text(e.doc_id) or ""
        before, span, after = snippet(texts[e.doc_id], e)
        when = e.date or e.published or ""
        items.append(TimelineItem(e, when, by_doc.get(e.doc_id), before, span, after))
    items.sort(key=lambda i: (i.when or "9999", i.event.doc_id, i.event.span.start))
    ok = [d for d in documents if d.status == "ok"]
    stats = store.stats()
    headline = Headline(
        documents=stats.ok,
        failed=stats.errors,
        languages=stats.languages,
        events=stats.events,
        by_modality={m: stats.events_by_modality.get(m, 0) for m in MODALITIES},
        negative=sum(e.polarity == "negative" for e in events),
        sources=len({publisher(d) for d in ok}),
        conflicts=len(conflicts),
        not_coded=stats.not_coded,
    )
    all_flows = flows(claims, urls) + money(events, urls)
    by_id = {c.id: c for c in commitments}
    pair = ("rus-prk-2024", "sun-prk-1961")
    comparison = diff(by_id[pair[0]], by_id[pair[1]]) if all(p in by_id for p in pair) else None
    result = obligations(events, commitments, today or dt.date.today())
    names = sorted({n for f in result.reported for n in f.interpretations})
    return Views(
        headline=headline,
        answers=[answer(q, commitments) for q in load_questions()],
        timeline=items,
        network=network(events, origin_of),
        flows=all_flows,
        flow_kinds=flow_kinds(events),
        charts={f"{f.subject} {f.slot}": flow_chart(f) for f in all_flows},
        indicators=indicator_board(load_indicators(), events, origin_of),
        conflicts=conflicts,
        timelines=reversals(claims, record, sources),
        comparison=comparison,
        obligations=result,
        board=board_rows(result),
        documents=ok,
        errors=[d for d in documents if d.status == "error"],
        not_coded=store.not_coded(),
        interpretations=names,
        types=sorted({e.type for e in events}),
    )
