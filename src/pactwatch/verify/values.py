"""When two values can both be true: dates at their precision, amounts within their bounds."""

from __future__ import annotations

import datetime as dt
import math

from pactwatch.model import Range

#: Two amounts closer than this (relative) are the same figure, rounded differently.
TOLERANCE = 0.1


def date_compatible(a: str, b: str) -> bool:
    """ "2024-06" and "2024-06-19" can both be right; "2023-06-19" and "2024-06-19" cannot."""
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def months_apart(a: str, b: str) -> int:
    """Months between two dates of at least month precision ("2024-10", "2024-11-04")."""
    ya, ma = int(a[:4]), int(a[5:7]) if len(a) >= 7 else 6
    yb, mb = int(b[:4]), int(b[5:7]) if len(b) >= 7 else 6
    return abs((ya - yb) * 12 + (ma - mb))


def interval(value: float | Range, tolerance: float = TOLERANCE) -> tuple[float, float]:
    """The amounts a value allows: a figure give or take the tolerance; a bound one way."""
    if isinstance(value, Range):
        low = value.low * (1 - tolerance) if value.low is not None else 0.0
        high = value.high * (1 + tolerance) if value.high is not None else math.inf
        return low, high
    return value * (1 - tolerance), value * (1 + tolerance)


def amounts_compatible(a: float | Range, b: float | Range) -> bool:
    """ "Millions" (at least 2 million) and "3 million" can both be right; 11,000 and 50,000
    troops cannot."""
    low_a, high_a = interval(a)
    low_b, high_b = interval(b)
    return low_a <= high_b and low_b <= high_a


def show(value: object) -> str:
    """A value as a reader would write it."""
    if isinstance(value, Range):
        if value.low is not None and value.high is not None:
            return f"{value.low:,.0f}-{value.high:,.0f}"
        if value.low is not None:
            return f"at least {value.low:,.0f}"
        if value.high is not None:
            return f"up to {value.high:,.0f}"
        return "an amount"
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,}"
    return str(value)


def parse_day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None
