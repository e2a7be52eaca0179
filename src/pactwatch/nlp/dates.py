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


_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_UNITS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month"}
_UNITS |= {"months": "month", "year": "year", "years": "year"}
_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10}
_AGO = re.compile(r"\b(?P<n>\d+|an?|one|two|three|four|five|six|ten)\s+(?P<unit>[a-z]+)\s+ago\b")
_WEEKDAY = re.compile(r"\b(?:last\s+|on\s+|this\s+past\s+)?(?P<day>" + "|".join(_WEEKDAYS) + r")\b")
_RELATIVE_WORDS = [
    (re.compile(r"\b(?:today|tonight|this morning|this afternoon|this evening)\b"), "day", 0),
    (re.compile(r"\byesterday\b"), "day", -1),
    (re.compile(r"\btomorrow\b"), "day", 1),
    (re.compile(r"\b(?:last|past|previous)\s+week\b"), "week", -1),
    (re.compile(r"\b(?:this|earlier this|later this)\s+week\b"), "week", 0),
    (re.compile(r"\bnext\s+week\b"), "week", 1),
    (re.compile(r"\b(?:last|previous)\s+month\b"), "month", -1),
    (re.compile(r"\b(?:this|earlier this|later this)\s+month\b"), "month", 0),
    (re.compile(r"\bnext\s+month\b"), "month", 1),
    (re.compile(r"\b(?:last|previous)\s+year\b"), "year", -1),
    (re.compile(r"\b(?:this|earlier this|later this)\s+year\b"), "year", 0),
    (re.compile(r"\bnext\s+year\b"), "year", 1),
]
_MONTH_ONLY = re.compile(rf"\b(?:in\s+|last\s+|this\s+)?{_MONTH}\b", re.IGNORECASE)


def resolve_date(text: str, published: dt.date | None) -> tuple[str | None, str | None]:
    """A date phrase as (date, note): an absolute date as it stands (no note), or a relative one
    ("yesterday", "on Monday", "last month", "two years ago", "in June") resolved against the
    publication date, at the precision the phrase has, with a note that says so. (None, None)
    when the phrase gives no date, or is relative and the publication date is unknown."""
    absolute = parse_date(text)
    if absolute is not None:
        return absolute, None
    if published is None:
        return None, None
    found = _relative(text, published)
    if found is None:
        return None, None
    return found, f"relative: {text.strip()!r}, from the publication date {published.isoformat()}"


def _relative(text: str, on: dt.date) -> str | None:
    low = text.lower()
    for pattern, unit, step in _RELATIVE_WORDS:
        if pattern.search(low):
            return _shift(on, unit, step)
    ago = _AGO.search(low)
    if ago and ago["unit"] in _UNITS:
        n = int(ago["n"]) if ago["n"].isdigit() else _NUMBERS[ago["n"]]
        return _shift(on, _UNITS[ago["unit"]], -n)
    weekday = _WEEKDAY.search(low)
    if weekday:
        # the most recent such day on or before publication: news reports what has happened
        back = (on.weekday() - _WEEKDAYS.index(weekday["day"])) % 7
        return (on - dt.timedelta(days=back)).isoformat()
    month = _MONTH_ONLY.search(text)
    if month and month["month"][0].isupper():  # "in June"; "may" is a modal, "May" a month
        number = MONTHS[month["month"].lower().rstrip(".")]
        return f"{on.year:04d}-{number:02d}"  # a month without a year: the publication's year
    return None


def _shift(on: dt.date, unit: str, step: int) -> str:
    """``on`` moved by ``step`` units, written at that unit's precision (a week as its month)."""
    if unit == "day":
        return (on + dt.timedelta(days=step)).isoformat()
    if unit == "week":
        return (on + dt.timedelta(weeks=step)).strftime("%Y-%m")
    if unit == "month":
        index = on.year * 12 + on.month - 1 + step
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    return f"{on.year + step:04d}"
