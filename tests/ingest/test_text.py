from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pactwatch.ingest.text import content_id, error_id, normalise


def test_normalise_collapses_whitespace_and_line_endings() -> None:
    raw = "  Title \r\n\r\n\r\n\r\nFirst\tline  \u00a0here \nsecond\x07 line\n\n"
    assert normalise(raw) == "Title\n\nFirst line here\nsecond line"


def test_same_text_different_whitespace_same_id() -> None:
    assert content_id(normalise("A  treaty.\r\n")) == content_id(normalise("A treaty.\n\n\n"))
    assert content_id(normalise("A treaty.")) != content_id(normalise("A pact."))


def test_error_ids_are_stable_per_place() -> None:
    assert error_id("x.jsonl:3") == error_id("x.jsonl:3") != error_id("x.jsonl:4")


@given(st.text())
def test_normalise_is_idempotent(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once
