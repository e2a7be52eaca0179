"""The briefing is one self-contained file and never renders article text as HTML."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from pactwatch import brief


def test_briefing_is_self_contained_and_escapes_article_text(
    write: Callable[..., Path], tmp_path: Path
) -> None:
    write(
        "in/evil.txt",
        "---\ntitle: <img src=x onerror=alert(1)>\n---\n"
        'Iran sent drones to Russia <script>alert("x")</script> in 2022, officials said.\n',
    )
    write("in/broken.jsonl", "{nope\n")
    result = brief([tmp_path / "in"], output=tmp_path / "b.html")
    html = result.output.read_text(encoding="utf-8")
    # one script only, ours (the timeline filters), inline and allowed by its hash alone
    assert html.lower().count("<script") == 1 and "<script>" in html
    assert re.search(r"script-src 'sha256-[A-Za-z0-9+/=]+'", html)
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert not re.search(
        r"""(src|href)\s*=\s*["']?(https?:)?//""", html
    )  # nothing fetched at view time
    assert "Content-Security-Policy" in html
    assert "broken.jsonl:1" in html and "PW-INGEST-005" in html  # the failed input is listed
    assert result.exit_code == 1
    assert result.summary.events >= 1 and 'id="event-' in html


def test_briefing_shows_contradictions_with_their_spans_escaped(
    write: Callable[..., Path], tmp_path: Path
) -> None:
    write(
        "in/wrong.txt",
        "---\ntitle: A wrong date\npublished: 2025-01-05\n---\n"
        "Russia and North Korea signed the partnership treaty on 19 June 2023 <b>in Pyongyang</b>.\n",
    )
    result = brief([tmp_path / "in"], output=tmp_path / "b.html")
    html = result.output.read_text(encoding="utf-8")
    section = html[html.index('id="contradictions"') : html.index('id="compare"')]
    assert "treaty PRK-RUS" in section and "2024-06-19" in section and "2023-06-19" in section
    assert "&lt;b&gt;in Pyongyang&lt;/b&gt;" in section  # the span is text, never markup
    assert "denied on" in section  # the record's denial-then-acknowledgement timeline


def test_the_briefing_answers_the_questions_first_then_every_view(
    write: Callable[..., Path], tmp_path: Path
) -> None:
    write(
        "in/a.txt",
        "---\ntitle: Shells\npublished: 2024-11-20\n---\n"
        "North Korea sent about 20,000 containers of munitions to Russia, officials said.\n",
    )
    html = brief([tmp_path / "in"], output=tmp_path / "b.html").output.read_text("utf-8")
    order = [
        "questions",
        "today",
        "headline",
        "timeline",
        "network",
        "flows",
        "indicators",
        "contradictions",
        "compare",
        "obligations",
        "coverage",
    ]
    at = [html.index(f'<section id="{name}">') for name in order]
    assert at == sorted(at)
    questions = html[at[0] : at[1]]
    assert "Would the pact activate if Ukraine struck Crimea?" in questions
    assert "Contested: PRK must assist RUS" in questions  # per interpretation, not one verdict
    assert questions.count('class="explanation"') >= 4  # each finding one click from its steps
    flows = html[at[5] : at[6]]
    assert "20,000" in flows and "containers" in flows and "munitions" in flows
