"""Relative dates are resolved against the publication date, at their own precision, and marked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from pactwatch.actors import load_registry
from pactwatch.extract.lexicon import load_lexicon
from pactwatch.extract.rules import extract_events
from pactwatch.model import Document
from pactwatch.nlp.dates import resolve_date

PUBLISHED = dt.date(2024, 11, 20)  # a Wednesday


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("yesterday", "2024-11-19"),
        ("today", "2024-11-20"),
        ("on Monday", "2024-11-18"),
        ("Wednesday", "2024-11-20"),
        ("last Thursday", "2024-11-14"),
        ("last month", "2024-10"),
        ("earlier this month", "2024-11"),
        ("next month", "2024-12"),
        ("last year", "2023"),
        ("this year", "2024"),
        ("two years ago", "2022"),
        ("3 days ago", "2024-11-17"),
        ("a month ago", "2024-10"),
        ("in June", "2024-06"),
        ("last week", "2024-11"),
    ],
)
def test_relative_phrases_resolve_against_the_publication_date(phrase: str, expected: str) -> None:
    date, note = resolve_date(phrase, PUBLISHED)
    assert date == expected
    assert note is not None and "2024-11-20" in note and phrase in note


def test_january_last_year_crosses_the_year() -> None:
    assert resolve_date("last month", dt.date(2025, 1, 10))[0] == "2024-12"


@pytest.mark.parametrize("phrase", ["19 June 2024", "June 2024", "1961"])
def test_absolute_dates_are_not_marked(phrase: str) -> None:
    date, note = resolve_date(phrase, PUBLISHED)
    assert date is not None and note is None


@pytest.mark.parametrize("phrase", ["recently", "for years", "soon", "may"])
def test_phrases_without_a_date_give_none(phrase: str) -> None:
    assert resolve_date(phrase, PUBLISHED) == (None, None)


def test_a_relative_date_needs_a_publication_date() -> None:
    assert resolve_date("yesterday", None) == (None, None)


def test_an_event_carries_its_resolved_date_and_the_note(parse: Callable[[str], Any]) -> None:
    doc = parse("North Korea sent 1,000 troops to Russia last month.")
    (event,) = extract_events(
        doc, Document(id="t", published="2024-11-20"), load_lexicon(), load_registry()
    )
    assert event.date == "2024-10"
    assert event.date_note is not None and "last month" in event.date_note
    (dated,) = extract_events(
        parse("North Korea sent 1,000 troops to Russia in October 2024."),
        Document(id="t", published="2024-11-20"),
        load_lexicon(),
        load_registry(),
    )
    assert (dated.date, dated.date_note) == ("2024-10", None)
