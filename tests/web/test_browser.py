"""The briefing and every app page in a real browser (Debian's chromium, driven by Playwright):
no console error, no request beyond this machine, a timeline event opens on its span, the
scenario form answers, and article markup stays text. Screenshots are kept as artefacts."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from pactwatch import brief
from tests.web.conftest import Server

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PAGES = {
    "overview": "/",
    "timeline": "/view/timeline",
    "network": "/view/network",
    "flows": "/view/flows",
    "indicators": "/view/indicators",
    "contradictions": "/view/contradictions",
    "obligations": "/view/obligations",
    "treaties": "/view/treaties",
    "coverage": "/view/coverage",
    "documents": "/documents",
    "search": "/search?q=missiles",
    "scenario": "/scenario",
    "check": "/check?statement=North+Korea+sent+troops+to+Russia+in+2024",
}

playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
if shutil.which(CHROMIUM) is None:
    pytest.skip(
        f"{CHROMIUM} is absent: install Debian's chromium (apt-get install chromium); "
        ".ci/run does so where it can",
        allow_module_level=True,
    )


class Watch:
    """Console errors, page errors, dialogs and every request a page makes."""

    def __init__(self, page: Any) -> None:
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def outside(self) -> list[str]:
        local = {"127.0.0.1", "localhost", ""}
        return [
            u
            for u in self.requests
            if urlparse(u).scheme not in {"file", "data"} and urlparse(u).hostname not in local
        ]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    opened = context.new_page()
    yield opened
    context.close()


@pytest.mark.parametrize("name", list(PAGES))
def test_each_app_page_renders_cleanly(
    server: Server, page: Any, artefacts: Path, name: str
) -> None:
    watch = Watch(page)
    response = page.goto(server.url + PAGES[name], wait_until="networkidle")
    assert response is not None and response.ok
    page.screenshot(path=str(artefacts / f"app-{name}.png"), full_page=True)
    assert watch.errors == [], watch.errors
    assert watch.outside() == []
    assert watch.dialogs == []


def test_the_briefing_renders_cleanly_and_filters(
    web_db: Path, tmp_path: Path, page: Any, artefacts: Path
) -> None:
    out = brief([], db=web_db, output=tmp_path / "briefing.html").output
    watch = Watch(page)
    page.goto(out.as_uri(), wait_until="load")
    page.screenshot(path=str(artefacts / "briefing.png"), full_page=True)
    assert watch.errors == [] and watch.outside() == [] and watch.dialogs == []
    total = int(page.locator("#timeline-count").inner_text())
    page.select_option("#filter-type", "AID")  # the inline script runs under the page's policy
    shown = int(page.locator("#timeline-count").inner_text())
    assert 0 < shown < total
    assert page.locator(".timeline-item:not(.hidden)").count() == shown
    item = page.locator(".timeline-item:not(.hidden)").first
    item.locator("summary").click()
    assert item.locator(".span-text mark").is_visible()
    # an indicator's evidence links to its event: the timeline entry opens on its span
    link = page.locator("#indicators a[href^='#event-']").first
    target = (link.get_attribute("href") or "")[1:]
    link.click()
    entry = page.locator(f"[id='{target}']")
    assert entry.get_attribute("open") is not None
    assert entry.locator(".span-text mark").is_visible()


def test_the_network_filters_its_edges_by_event_type(server: Server, page: Any) -> None:
    page.goto(server.url + "/view/network")
    total = page.locator("line.edge").count()
    page.select_option("#filter-edge-type", "AID")
    shown = int(page.locator("#edge-count").inner_text())
    assert 0 < shown < total
    assert page.locator("line.edge:not(.hidden)").count() == shown
    for line in page.locator("line.edge:not(.hidden)").all():
        assert "AID" in (line.get_attribute("data-types") or "").split()


def test_clicking_a_timeline_event_shows_its_span(server: Server, page: Any) -> None:
    page.goto(server.url + "/view/timeline")
    item = page.locator(".timeline-item").nth(3)
    mark = item.locator(".span-text mark")
    assert not mark.is_visible()
    item.locator("summary").click()
    assert mark.is_visible() and mark.inner_text().strip()
    # and from there to the span, highlighted in its document
    span = mark.inner_text().strip()
    item.locator("a", has_text="in the document").click()
    page.wait_for_load_state()
    assert "/documents/" in page.url
    assert span[:30] in page.locator("#text").inner_text()
    assert page.locator("#text mark").count() >= 1


def test_the_scenario_form_returns_findings(server: Server, page: Any, artefacts: Path) -> None:
    watch = Watch(page)
    page.goto(server.url + "/scenario")
    page.fill(
        "textarea[name=scenario]",
        "name: Attack on the DPRK\ndate: 2025-06-01\nevents:\n"
        "  - {source: USA, target: PRK, type: ASSAULT, mode: armed_attack}\n",
    )
    page.click("#scenario-form button[type=submit]")
    page.wait_for_selector("#findings")
    page.screenshot(path=str(artefacts / "app-scenario-findings.png"), full_page=True)
    rows = page.locator("tr.finding")
    assert rows.count() > 0
    assert "rus-prk-2024 art. 4" in page.locator("table").last.inner_text()
    assert watch.errors == [] and watch.outside() == []


def test_article_markup_never_runs(server: Server, page: Any, artefacts: Path) -> None:
    watch = Watch(page)
    page.goto(server.url + "/search?q=drones")
    link = page.locator(".hit a", has_text="Drones").first
    title = link.inner_text()
    assert "<img src=x" in title  # shown as the text it is
    link.click()
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(artefacts / "app-hostile-document.png"), full_page=True)
    assert '<script>alert("body")</script>' in page.locator("#text").inner_text()
    assert page.locator("#text script, #text img").count() == 0
    assert watch.dialogs == [] and watch.errors == [] and watch.outside() == []
