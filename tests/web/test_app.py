"""The web app over a real store, through HTTP: the API of DESIGN.md, the pages, safety."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from pactwatch.cli import app as cli
from pactwatch.web.app import segments
from tests.web.conftest import Server

DESIGN_ROUTES = {
    "/api/documents",
    "/api/documents/{doc_id}",
    "/api/events",
    "/api/claims",
    "/api/conflicts",
    "/api/treaties",
    "/api/scenario",
    "/api/check",
}
PAGES = [
    "/",
    "/view/timeline",
    "/view/network",
    "/view/flows",
    "/view/indicators",
    "/view/contradictions",
    "/view/obligations",
    "/view/treaties",
    "/view/coverage",
    "/documents",
    "/search?q=shells",
    "/scenario",
]


@pytest.fixture(scope="module")
def client(server: Server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=60) as http:
        yield http


def test_the_openapi_document_lists_design_routes_and_no_cdn_viewer(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    assert set(spec["paths"]) >= DESIGN_ROUTES
    assert client.get("/docs").status_code == 404  # Swagger's page would load a CDN


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_with_a_strict_policy(client: httpx.Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200, response.text[:300]
    policy = response.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "style=" not in response.text  # inline styles would break the policy


def test_the_api_serves_what_the_cli_prints(client: httpx.Client) -> None:
    documents = client.get("/api/documents").json()
    assert len(documents) > 20 and {"id", "title", "language", "status"} <= set(documents[0])
    assert any("hostile" in (d["url"] or "") for d in documents)
    events = client.get("/api/events", params={"actor": "PRK", "type": "AID"}).json()
    assert events and all(e["type"] == "AID" for e in events)
    assert all("PRK" in (e["source"], e["target"]) for e in events)
    one = client.get(f"/api/documents/{events[0]['doc_id']}").json()
    span = events[0]["span"]
    assert one["text"][span["start"] : span["end"]] == span["text"]
    assert client.get("/api/documents/nope").status_code == 404
    claims = client.get("/api/claims").json()
    assert any(c["slot"] == "troops_deployed" for c in claims)
    treaties = {t["id"] for t in client.get("/api/treaties").json()}
    assert {"rus-prk-2024", "sun-prk-1961", "un-dprk-sanctions"} <= treaties
    indicators = {i["id"]: i["status"] for i in client.get("/api/indicators").json()}
    assert indicators["prk-troops-in-russia"] == "observed"
    assert isinstance(client.get("/api/conflicts").json(), list)


def test_scenarios_and_checks_through_the_api(client: httpx.Client) -> None:
    crimea = {
        "name": "strike on Crimea",
        "date": "2025-03-01",
        "events": [{"source": "UKR", "target": "RUS", "type": "ASSAULT", "location": "Crimea"}],
    }
    findings = client.post("/api/scenario", json=crimea).json()
    (duty,) = [
        f
        for f in findings
        if f["commitment"] == "rus-prk-2024" and f["obligated"] == "PRK" and f["article"] == "4"
    ]
    assert duty["status"] == "contested" and duty["explanation"]
    assert client.post("/api/scenario", json={"name": "no date"}).status_code == 422
    verdict = client.post(
        "/api/check", json={"statement": "Russia and North Korea signed the treaty in 2023"}
    ).json()
    assert verdict["verdict"] == "contradicted"


def test_the_scenario_form_returns_findings_or_says_what_is_wrong(client: httpx.Client) -> None:
    text = (
        "name: attack\ndate: 2025-06-01\nevents:\n  - {source: USA, target: PRK, type: ASSAULT}\n"
    )
    page = client.post("/scenario", data={"scenario": text}).text
    assert 'class="finding"' in page and "rus-prk-2024 art. 4" in page
    broken = client.post("/scenario", data={"scenario": "date: [unclosed"}).text
    assert 'id="scenario-error"' in broken and "not valid" in broken


def test_article_markup_is_text_everywhere(client: httpx.Client) -> None:
    (doc,) = [d for d in client.get("/api/documents").json() if "hostile" in (d["url"] or "")]
    for path in [f"/documents/{doc['id']}", "/view/timeline", "/documents", "/search?q=drones"]:
        html = client.get(path).text
        assert "<script>alert" not in html and "<img src=x" not in html, path
        assert "&lt;img src=x onerror" in html or "&lt;script&gt;" in html, path


def test_search_ranks_documents_by_their_words(client: httpx.Client) -> None:
    page = client.get("/search", params={"q": "containers"}).text
    assert "DuckDB FTS" in page and 'class="card block hit"' in page
    assert "<mark>containers</mark>" in page.lower() or "<mark>Containers</mark>" in page


def test_a_token_guards_every_route(web_db: Path) -> None:
    with Server(web_db, token="s3cret") as running, httpx.Client(base_url=running.url) as guarded:  # noqa: S106  # a test token
        _guarded(guarded)


def _guarded(guarded: httpx.Client) -> None:
    assert guarded.get("/api/documents").status_code == 401
    assert guarded.get("/").status_code == 401
    assert guarded.get("/api/documents", headers={"Authorization": "Bearer s3cret"}).is_success
    first = guarded.get("/", params={"token": "s3cret"})
    assert first.is_success and "pactwatch_token" in first.headers["set-cookie"]
    assert guarded.get("/view/flows").is_success  # the cookie carries it from then on


def test_serve_refuses_to_expose_the_store_without_a_token(tmp_path: Path, web_db: Path) -> None:
    runner = CliRunner()
    wide = runner.invoke(cli, ["serve", "--db", str(web_db), "--host", "0.0.0.0"])  # noqa: S104
    assert wide.exit_code == 2 and "--token" in wide.output
    missing = runner.invoke(cli, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 2 and "pactwatch ingest" in missing.output


def test_spans_are_cut_into_segments_without_losing_text() -> None:
    from pactwatch.model import Event, Span  # noqa: PLC0415

    text = "Russia sent oil. North Korea sent shells."
    a = Event(
        id="a",
        doc_id="d",
        span=Span(start=0, end=16, text=text[:16]),
        source="RUS",
        type="AID",
        modality="asserted",
        confidence=0.5,
    )
    b = Event(
        id="b",
        doc_id="d",
        span=Span(start=7, end=41, text=text[7:]),
        source="PRK",
        type="AID",
        modality="asserted",
        confidence=0.5,
    )
    parts = segments(text, [a, b])
    assert "".join(p.text for p in parts) == text
    assert [p.text for p in parts if len(p.events) == 2] == ["sent oil."]
    assert [e.id for p in parts for e in p.starts] == ["a", "b"]


def test_an_ingest_runs_while_the_app_serves(web_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "live.duckdb"
    db.write_bytes(web_db.read_bytes())
    new = tmp_path / "new"
    new.mkdir()
    (new / "late.txt").write_text(
        "---\ntitle: A late report\npublished: 2025-09-01\n---\n"
        "Belarus sent 300 trucks of grain to North Korea in August, officials said.\n",
        encoding="utf-8",
    )
    with Server(db) as running, httpx.Client(base_url=running.url, timeout=30) as http:
        before = len(http.get("/api/documents").json())
        ingest = subprocess.Popen(
            [sys.executable, "-m", "pactwatch", "ingest", str(new), "--db", str(db), "--quiet"],
            stderr=subprocess.PIPE,
            text=True,
        )
        statuses = []
        while ingest.poll() is None:  # the app keeps answering, from its last snapshot at worst
            statuses.append(http.get("/").status_code)
            time.sleep(0.05)
        _, err = ingest.communicate()
        assert ingest.returncode == 0, err
        assert statuses and set(statuses) <= {200, 503}
        after = http.get("/api/documents").json()
        assert len(after) == before + 1
        assert "A late report" in http.get("/documents").text


def test_the_timeline_comes_a_page_at_a_time(
    client: httpx.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pactwatch.web import app as web  # noqa: PLC0415

    monkeypatch.setattr(web, "TIMELINE_PAGE", 50)
    total = len(client.get("/api/events").json())
    first = client.get("/view/timeline").text
    assert f"Events 1\u201350 of {total}" in first and 'id="next-page"' in first
    assert first.count('class="timeline-item"') == 50
    second = client.get("/view/timeline", params={"start": 50}).text
    assert f"Events 51\u2013100 of {total}" in second and 'id="previous-page"' in second
    aid = client.get("/view/timeline", params={"type": "AID"}).text
    assert 'data-type="ASSAULT"' not in aid and 'data-type="AID"' in aid
