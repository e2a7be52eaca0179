"""The briefing: one self-contained HTML file (inline CSS, no scripts or fonts from the network).

Article text is untrusted: every value goes through Jinja's autoescape.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources

import jinja2

from pactwatch._version import __version__
from pactwatch.extract.claims import claims_from_events
from pactwatch.kb import Store
from pactwatch.model import PLOVER_TYPES, Document, Event
from pactwatch.verify import Sources, find_conflicts, load_reference, reversals


@dataclass(frozen=True)
class BriefSummary:
    documents: int
    ok: int
    errors: int
    not_coded: int
    languages: dict[str, int]
    events: int
    events_by_modality: dict[str, int]

    def line(self) -> str:
        langs = ", ".join(f"{k} {v}" for k, v in self.languages.items()) or "none"
        modes = ", ".join(f"{k} {v}" for k, v in self.events_by_modality.items()) or "none"
        return (
            f"{self.documents} documents ({self.ok} stored, {self.errors} failed, "
            f"{self.not_coded} not event-coded; languages: {langs}); "
            f"{self.events} events ({modes})"
        )


def _environment() -> jinja2.Environment:
    loader = jinja2.FunctionLoader(
        lambda name: (
            resources.files("pactwatch.report")
            .joinpath("templates", name)
            .read_text(encoding="utf-8")
        )
    )
    return jinja2.Environment(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined)


def _context_snippet(text: str, event: Event, width: int = 90) -> tuple[str, str, str]:
    """(before, span, after) around an event's span, cut at word boundaries."""
    start, end = event.span.start, event.span.end
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    if start - width > 0 and " " in before:
        before = "… " + before.split(" ", 1)[1]
    if end + width < len(text) and " " in after:
        after = after.rsplit(" ", 1)[0] + " …"
    return before, text[start:end], after


def render_briefing(
    store: Store, *, sample: bool, generated: dt.datetime | None = None
) -> tuple[str, BriefSummary]:
    stats = store.stats()
    documents = store.documents()
    events = store.events()
    texts: dict[str, str] = {}
    by_doc: dict[str, Document] = {d.id: d for d in documents}
    grouped: dict[str, list[dict[str, object]]] = defaultdict(list)
    for event in events:
        if event.doc_id not in texts:
            texts[event.doc_id] = store.document_text(event.doc_id) or ""
        before, span, after = _context_snippet(texts[event.doc_id], event)
        grouped[event.type].append(
            {
                "event": event,
                "doc": by_doc.get(event.doc_id),
                "before": before,
                "span": span,
                "after": after,
            }
        )
    order = [t for t in PLOVER_TYPES if t in grouped]
    sources = Sources(
        urls={d.id: d.url or d.path for d in documents},
        originals={d.id: d.duplicate_of for d in documents if d.duplicate_of},
    )
    claims = claims_from_events(events, dict(sources.originals))
    record = load_reference()
    summary = BriefSummary(
        documents=stats.documents,
        ok=stats.ok,
        errors=stats.errors,
        not_coded=stats.not_coded,
        languages=stats.languages,
        events=stats.events,
        events_by_modality=stats.events_by_modality,
    )
    html = (
        _environment()
        .get_template("briefing.html.j2")
        .render(
            sample=sample,
            stats=stats,
            summary=summary,
            documents=[d for d in documents if d.status == "ok"],
            errors=[d for d in documents if d.status == "error"],
            not_coded=store.not_coded(),
            groups=[(t, grouped[t]) for t in order],
            conflicts=find_conflicts(claims, record, sources),
            timelines=reversals(claims, record, sources),
            version=__version__,
            generated=(generated or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%d %H:%M UTC"),
        )
    )
    return html, summary
