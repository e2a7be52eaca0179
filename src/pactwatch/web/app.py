"""The local web app: the briefing's views as pages, a document view with its spans highlighted,
full-text search, a scenario runner, a `check` form and the JSON API of DESIGN.md.

Safety: the store is opened read-only, for one request at a time (so an ingest can take the lock
between requests); every SQL value is a parameter; every article text goes through Jinja's
autoescape; responses carry a Content-Security-Policy that allows only this server's own assets;
nothing is fetched from the network (no CDN: the OpenAPI document is served, its HTML viewers,
which load from a CDN, are turned off). A token is required when binding beyond loopback.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hmac
import itertools
import json
import threading
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
import yaml
from fastapi import FastAPI, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, ValidationError

from pactwatch import api
from pactwatch._version import __version__
from pactwatch.commitments import Finding, Scenario, evaluate_scenario, load_commitments
from pactwatch.commitments.from_store import scenario_from_events
from pactwatch.errors import PactwatchError, StoreError
from pactwatch.extract.claims import claims_from_events
from pactwatch.kb import EventFilter, Store
from pactwatch.model import Event
from pactwatch.report.views import Views, build, load_questions
from pactwatch.settings import load_settings
from pactwatch.web.search import SearchIndex

CSP = (
    "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; connect-src 'self'"
)
TIMELINE_PAGE = 500  # timeline entries per page of the app
READ_WAIT = 2.0  # seconds a request waits for an ingest's lock before answering 503
# Store sessions open at once. DuckDB shares one buffer pool (store.memory_limit) among the
# connections of a process, so unbounded concurrency would run it out of memory; queries are
# short, so requests beyond these wait their turn.
READERS = 3


@dataclass
class _Snapshot:
    stamp: tuple[float, int]
    views: Views
    search: SearchIndex


class _State:
    """The store's path and the views built from it, rebuilt when the file changes."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self._lock = threading.Lock()
        self._readers = threading.BoundedSemaphore(READERS)
        self._snapshot: _Snapshot | None = None

    def stamp(self) -> tuple[float, int]:
        wal = self.db.with_name(self.db.name + ".wal")
        stats = [p.stat() for p in (self.db, wal) if p.exists()]
        return (max(s.st_mtime for s in stats), sum(s.st_size for s in stats))

    @contextmanager
    def store(self) -> Iterator[Store]:
        limit = load_settings().store.serve_memory_limit
        with (
            self._readers,
            Store(self.db, read_only=True, wait=READ_WAIT, memory_limit=limit) as store,
        ):
            yield store

    def snapshot(self) -> _Snapshot:
        with self._lock:
            stamp = self.stamp()
            if self._snapshot is None or self._snapshot.stamp != stamp:
                with self.store() as store:
                    views = build(store)
                    index = SearchIndex.from_store(store)
                self._snapshot = _Snapshot(stamp, views, index)
            return self._snapshot


def _templates() -> jinja2.Environment:
    def load(name: str) -> str:
        for package in ("pactwatch.web", "pactwatch.report"):
            path = resources.files(package).joinpath("templates", name)
            if path.is_file():
                return path.read_text(encoding="utf-8")
        raise jinja2.TemplateNotFound(name)

    return jinja2.Environment(
        loader=jinja2.FunctionLoader(load), autoescape=True, undefined=jinja2.StrictUndefined
    )


class CheckBody(BaseModel):
    statement: str


def _event_json(e: Event) -> dict[str, Any]:
    return e.model_dump(mode="json")


def create_app(db: str | Path, *, token: str | None = None) -> FastAPI:
    """The app over the store at ``db``. With ``token``, every request must carry it (query
    ``?token=``, header ``Authorization: Bearer``, or the cookie the first visit sets)."""
    state = _State(Path(db))
    env = _templates()
    app = FastAPI(
        title="pactwatch",
        version=__version__,
        docs_url=None,  # the Swagger and ReDoc pages load scripts from a CDN
        redoc_url=None,
        description="The evidence-grounded model of an alliance: documents, events, claims, "
        "conflicts, treaties, scenarios and checks.",
    )

    _add_guard(app, token)
    _add_pages(app, state, env)
    _add_tools(app, state, env)
    _add_api(app, state)
    return app


_SECTIONS = {
    "timeline": "Timeline",
    "network": "Network",
    "flows": "Flows",
    "indicators": "Indicators",
    "contradictions": "Contradictions",
    "obligations": "Obligations",
    "treaties": "Treaties",
    "coverage": "Coverage",
}


def _add_guard(app: FastAPI, token: str | None) -> None:
    @app.middleware("http")
    async def guard(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        given = None
        if token is not None:
            header = request.headers.get("authorization", "")
            given = (
                request.query_params.get("token")
                or (header[7:] if header.lower().startswith("bearer ") else None)
                or request.cookies.get("pactwatch_token")
            )
            if given is None or not hmac.compare_digest(given, token):
                return JSONResponse({"error": "a valid token is required"}, status_code=401)
        try:
            response = await call_next(request)
        except StoreError as exc:
            response = JSONResponse({"error": str(exc), "code": exc.code}, status_code=503)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        if token is not None and request.query_params.get("token") == given:
            response.set_cookie(
                "pactwatch_token", token, httponly=True, samesite="strict", path="/"
            )
        return response


def _page(env: jinja2.Environment, state: _State, name: str, **values: Any) -> HTMLResponse:
    html = env.get_template(name).render(
        version=__version__, db=str(state.db), sections=_SECTIONS, **values
    )
    return HTMLResponse(html)


def _add_pages(app: FastAPI, state: _State, env: jinja2.Environment) -> None:
    def page(name: str, **values: Any) -> HTMLResponse:
        return _page(env, state, name, **values)

    def views() -> Views:
        return state.snapshot().views

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        kinds = {"pactwatch.css": "text/css", "pactwatch.js": "text/javascript"}
        if name not in kinds:
            raise HTTPException(404)
        text = resources.files("pactwatch.report").joinpath("static", name).read_text("utf-8")
        return Response(text, media_type=kinds[name], headers={"Cache-Control": "max-age=300"})

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview() -> HTMLResponse:
        return page("overview.html.j2", v=views(), title="Overview")

    @app.get("/view/{section}", response_class=HTMLResponse, include_in_schema=False)
    def section(section: str, type: str = "", start: int = 0) -> HTMLResponse:
        if section not in _SECTIONS:
            raise HTTPException(404)
        v, paging = views(), None
        if section == "timeline":
            # a page of the timeline at a time: a large store has tens of thousands of events
            items = [i for i in v.timeline if not type or i.event.type == type]
            start = max(0, min(start, max(len(items) - 1, 0)))
            shown = items[start : start + TIMELINE_PAGE]
            paging = {"start": start, "end": start + len(shown), "total": len(items), "type": type}
            paging["next"] = start + TIMELINE_PAGE if start + TIMELINE_PAGE < len(items) else None
            paging["previous"] = max(0, start - TIMELINE_PAGE) if start > 0 else None
            v = dataclasses.replace(v, timeline=shown)
        return page(
            "section.html.j2", v=v, section=section, title=_SECTIONS[section], paging=paging
        )

    @app.get("/documents", response_class=HTMLResponse, include_in_schema=False)
    def documents_page() -> HTMLResponse:
        v = views()
        return page("documents.html.j2", v=v, title="Documents")

    @app.get("/documents/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(doc_id: str) -> HTMLResponse:
        with state.store() as store:
            doc = store.document(doc_id)
            if doc is None:
                raise HTTPException(404, f"no document {doc_id}")
            text = store.document_text(doc_id) or ""
            events = store.events(EventFilter(doc_id=doc_id))
        return page(
            "document.html.j2",
            doc=doc,
            segments=segments(text, events),
            events=sorted(events, key=lambda e: e.span.start),
            title=doc.title or doc_id,
        )


def _add_tools(app: FastAPI, state: _State, env: jinja2.Environment) -> None:
    def page(name: str, **values: Any) -> HTMLResponse:
        return _page(env, state, name, **values)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(q: str = "") -> HTMLResponse:
        snap = state.snapshot()
        hits = snap.search.search(q) if q.strip() else []
        return page("search.html.j2", q=q, hits=hits, index=snap.search, title="Search")

    def scenario_page(text: str, findings: list[Finding] | None, error: str | None) -> HTMLResponse:
        shown = None if findings is None else [f for f in findings if f.status != "not_activated"]
        return page(
            "scenario.html.j2",
            text=text,
            findings=None if error else shown,
            error=error,
            title="Scenario",
            questions=load_questions(),
            evaluated=len(findings or []),
        )

    @app.get("/scenario", response_class=HTMLResponse, include_in_schema=False)
    def scenario_form() -> HTMLResponse:
        first = load_questions()[0].scenario
        text = yaml.safe_dump(first.model_dump(mode="json", exclude_none=True), sort_keys=False)
        return scenario_page(text, None, None)

    @app.post("/scenario", response_class=HTMLResponse, include_in_schema=False)
    def scenario_run(scenario: str = Form(...)) -> HTMLResponse:
        try:
            loaded = Scenario.model_validate(yaml.safe_load(scenario))
            findings = evaluate_scenario(loaded, load_commitments(), explain=True)
        except (yaml.YAMLError, ValidationError, PactwatchError, TypeError) as exc:
            return scenario_page(scenario, [], f"the scenario is not valid: {exc}")
        return scenario_page(scenario, findings, None)

    @app.get("/check", response_class=HTMLResponse, include_in_schema=False)
    def check_form(statement: str = "") -> HTMLResponse:
        verdict = None
        if statement.strip():
            with state.store() as store:
                verdict = api.check(statement, db=store)
        return page("check.html.j2", statement=statement, verdict=verdict, title="Check")


def _add_api(app: FastAPI, state: _State) -> None:
    """The JSON API of DESIGN.md (Web routes), and the indicators and obligations besides."""

    def views() -> Views:
        return state.snapshot().views

    @app.get("/api/documents")
    def api_documents() -> list[dict[str, Any]]:
        with state.store() as store:
            return [d.model_dump(mode="json") for d in store.documents()]

    @app.get("/api/documents/{doc_id}")
    def api_document(doc_id: str) -> dict[str, Any]:
        with state.store() as store:
            doc = store.document(doc_id)
            if doc is None:
                raise HTTPException(404, f"no document {doc_id}")
            text = store.document_text(doc_id)
            events = store.events(EventFilter(doc_id=doc_id))
        return {
            **doc.model_dump(mode="json"),
            "text": text,
            "events": [_event_json(e) for e in events],
        }

    @app.get("/api/events")
    def api_events(
        actor: str | None = None,
        type: str | None = Query(None, description="PLOVER type, e.g. AID"),
        since: str | None = Query(None, description="YYYY-MM-DD"),
    ) -> list[dict[str, Any]]:
        with state.store() as store:
            found = store.events(EventFilter(actor=actor, type=type, since=since))
        return [_event_json(e) for e in found]

    @app.get("/api/claims")
    def api_claims() -> list[dict[str, Any]]:
        with state.store() as store:
            documents = store.documents()
            events = store.events()
        originals = {d.id: d.duplicate_of for d in documents if d.duplicate_of}
        return [c.model_dump(mode="json") for c in claims_from_events(events, originals)]

    @app.get("/api/conflicts")
    def api_conflicts() -> list[dict[str, Any]]:
        return [c.model_dump(mode="json") for c in views().conflicts]

    @app.get("/api/treaties")
    def api_treaties() -> list[dict[str, Any]]:
        return [c.model_dump(mode="json", by_alias=True) for c in load_commitments()]

    @app.get("/api/indicators")
    def api_indicators() -> list[dict[str, Any]]:
        return [
            {
                **i.indicator.model_dump(mode="json"),
                "status": i.status,
                "last_seen": i.last_seen,
                "origins": i.origins,
                "events": [e.id for e in i.events],
                "note": i.note,
            }
            for i in views().indicators
        ]

    @app.get("/api/obligations")
    def api_obligations(as_of: dt.date | None = None, reported: bool = False) -> dict[str, Any]:
        with state.store() as store:
            events = store.events()
        day = as_of or dt.date.today()
        scenario = scenario_from_events(events, day, include_reported=reported)
        findings = evaluate_scenario(scenario, load_commitments())
        return {
            "scenario": scenario.model_dump(mode="json"),
            "findings": [f.to_dict() for f in findings],
        }

    @app.post("/api/scenario")
    def api_scenario(body: dict[str, Any]) -> list[dict[str, Any]]:
        try:
            loaded = Scenario.model_validate(body)
        except ValidationError as exc:
            raise HTTPException(422, json.loads(exc.json())) from exc
        return [f.to_dict() for f in evaluate_scenario(loaded, load_commitments())]

    @app.post("/api/check")
    def api_check(body: CheckBody) -> dict[str, Any]:
        with state.store() as store:
            verdict = api.check(body.statement, db=store)
        return verdict.model_dump(mode="json")


@dataclass(frozen=True)
class Segment:
    text: str
    events: tuple[Event, ...]  # the events whose spans cover this piece of text
    starts: tuple[Event, ...]  # the events whose spans begin here


def segments(text: str, events: list[Event]) -> list[Segment]:
    """The text cut at every span boundary, each piece with the events covering it, so that the
    page can mark spans (overlapping ones included) without ever treating text as markup."""
    cuts = {0, len(text)}
    for e in events:
        cuts |= {max(0, min(e.span.start, len(text))), max(0, min(e.span.end, len(text)))}
    points = sorted(cuts)
    found = []
    for a, b in itertools.pairwise(points):
        covering = tuple(e for e in events if e.span.start <= a and b <= e.span.end)
        starting = tuple(e for e in events if e.span.start == a)
        found.append(Segment(text[a:b], covering, starting))
    return found
