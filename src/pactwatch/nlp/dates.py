"""Absolute dates in text, with their precision: 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY'."""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {  # month names and abbreviations -> month number
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_PATTERNS = [
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),  # 19 June 2024
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),  # June 19, 2024
    re.compile(r"\b(?P<year>1[89]\d\d|20\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),  # ISO
    re.compile(rf"\b{_MONTH}\s+(?:of\s+)?{_YEAR}\b", re.IGNORECASE),  # June 2024
    re.compile(rf"\b{_YEAR}\b"),  # 1961
]


def parse_date(text: str) -> str | None:
    """The first absolute date in ``text`` at its own precision, or None."""
    for pattern in _PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        parts = match.groupdict()
        year = int(parts["year"])
        month_raw = parts.get("month")
        month = None
        if month_raw is not None:
            month = int(month_raw) if month_raw.isdigit() else MONTHS[month_raw.lower().rstrip(".")]
        day = int(parts["day"]) if parts.get("day") else None
        if month and day:
            try:
                return dt.date(year, month, day).isoformat()
            except ValueError:
                continue
        if month:
            return f"{year:04d}-{month:02d}"
        return f"{year:04d}"
    return None
