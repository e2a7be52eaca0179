"""Publication dates from the first lines of a plain-text dump (a byline or dateline), with a note
instead of a guess when a numeric date reads two ways, and never from an archive widget or from an
article sentence."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from pactwatch.ingest.debris import is_paragraph
from pactwatch.model import Stripped
from pactwatch.nlp.dates import MONTHS

BYLINE_LINES = 6  # a publication date is looked for in this many first non-empty lines

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_PATTERNS = [
    ("iso", re.compile(_YEAR + r"[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)")),
    ("day_month", re.compile(r"\b" + _DAY + r"\s+" + _MONTH + r",?\s+" + _YEAR, re.I)),
    ("month_day", re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR, re.I)),
    ("numeric", re.compile(r"\b(?P<a>\d{1,2})[-/.](?P<b>\d{1,2})[-/.]" + _YEAR + r"\b")),
]
_MONTH_YEAR = re.compile(_MONTH + r"\s+(?P<year>\d{4})", re.I)


def byline_date(text: str, stripped: Sequence[Stripped] = ()) -> tuple[str | None, str | None]:
    """(YYYY-MM-DD or None, a note or None) for the publication date a dump states near its top.

    Article sentences and lines stripped as other stories' headlines are not bylines. A numeric
    date whose two first numbers could each be the month (07-11-2024) is not guessed: the note says
    so. With no byline date, a date seen only in an archive widget gets a note saying it was not
    used."""
    other_story = {s.line for s in stripped if s.rule == "other_story"}
    lines = [(n, line.strip()) for n, line in enumerate(text.split("\n"), 1) if line.strip()]
    for number, line in lines[:BYLINE_LINES]:
        if number in other_story or is_paragraph(line):
            continue
        found = _date_in(line)
        if found is not None:
            return found
    widget = [s.text for s in stripped if s.rule == "archive_widget" and _MONTH_YEAR.search(s.text)]
    if widget:
        return None, (
            f"the only date seen is in an archive widget ('{widget[0]}'); "
            "it was not taken as the publication date"
        )
    return None, None


def _date_in(line: str) -> tuple[str | None, str | None] | None:
    for kind, pattern in _PATTERNS:
        match = pattern.search(line)
        if match is None:
            continue
        year = int(match["year"])
        if kind == "iso":
            return _iso(year, int(match["m"]), int(match["d"]), line)
        if kind in {"day_month", "month_day"}:
            month = MONTHS[match["month"].lower()]
            return _iso(year, month, int(match["day"]), line)
        a, b = int(match["a"]), int(match["b"])
        if a <= 12 and b <= 12 and a != b:
            first, second = _iso(year, b, a, line)[0], _iso(year, a, b, line)[0]
            return None, (
                f"ambiguous numeric date '{match.group(0)}' in the byline '{line}': "
                f"{first} (day first) or {second} (month first); not guessed"
            )
        return _iso(year, b, a, line) if a > 12 else _iso(year, a, b, line)
    return None


def _iso(year: int, month: int, day: int, line: str) -> tuple[str | None, str | None]:
    try:
        return dt.date(year, month, day).isoformat(), None
    except ValueError:
        return None, f"the byline '{line}' holds a date that does not exist"
