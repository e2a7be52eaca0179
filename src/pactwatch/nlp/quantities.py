"""Amounts in text: a value, or bounds for 'more than', 'up to' and 'millions of'."""

from __future__ import annotations

import re
from dataclasses import dataclass

_SCALES = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "k": 1e3,
    "m": 1e6,
    "bn": 1e9,
}
_WORDS: dict[str, float] = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "a dozen": 12,
}
_LOWER = (
    "more than",
    "over",
    "at least",
    "upwards of",
    "in excess of",
    "no fewer than",
    "no less than",
)
_UPPER = ("up to", "as many as", "at most", "fewer than", "less than", "under", "nearly", "almost")
_APPROX = (
    "about",
    "around",
    "roughly",
    "approximately",
    "some",
    "an estimated",
    "estimated",
    "nearly",
)
_NUMBER = re.compile(
    r"(?P<cur>\$|US\$|€|£)?\s*(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*"
    r"(?P<scale>thousand|million|billion|trillion|bn|k|m)?\b",
    re.IGNORECASE,
)
_VAGUE = re.compile(
    r"\b(?P<word>dozens|hundreds|thousands|tens of thousands|hundreds of thousands|millions"
    r"|billions)\s+of\b",
    re.IGNORECASE,
)
_VAGUE_LOW: dict[str, float] = {
    "dozens": 24,
    "hundreds": 200,
    "thousands": 2000,
    "tens of thousands": 20000,
    "hundreds of thousands": 200000,
    "millions": 2e6,
    "billions": 2e9,
}


@dataclass(frozen=True)
class Amount:
    value: float | None
    low: float | None
    high: float | None
    text: str
    currency: str | None = None


_SPELLED = re.compile(
    r"\b(?P<word>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen"
    r"|twenty|thirty|forty|fifty|hundred|a dozen)\s+(?P<scale>thousand|million|billion|trillion)\b",
    re.IGNORECASE,
)


def _digits(text: str) -> str:
    """ "More than one million barrels" reads as "more than 1 million barrels"."""

    def number(match: re.Match[str]) -> str:
        word = match.group("word").lower()
        value = 1 if word in {"a", "an"} else _WORDS[word]
        return f"{value:g} {match.group('scale')}"

    return _SPELLED.sub(number, text)


def parse_amount(text: str) -> Amount | None:
    """The first amount in ``text``: '1,500' -> 1500; 'more than 1 million' -> low 1e6;
    'up to 4.8 million' -> high 4.8e6; 'millions of' -> low 2e6 (at least two million)."""
    text = _digits(text)
    vague = _VAGUE.search(text)
    match = _NUMBER.search(text)
    if vague and (match is None or vague.start() < match.start()):
        return Amount(
            value=None,
            low=float(_VAGUE_LOW[vague.group("word").lower()]),
            high=None,
            text=vague.group(0),
        )
    if match is None:
        for word, number in _WORDS.items():
            found = re.search(rf"\b{word}\b", text, re.IGNORECASE)
            if found:
                return Amount(value=float(number), low=None, high=None, text=found.group(0))
        return None
    number = float(match.group("num").replace(",", ""))
    scale = match.group("scale")
    if scale:
        number *= _SCALES[scale.lower()]
    before = text[: match.start()].lower().rstrip()
    start = match.start()
    for cue in (*_LOWER, *_UPPER, *_APPROX):
        if before.endswith(cue):
            start = before.rfind(cue)
            break
    phrase = text[start : match.end()].strip()
    currency = match.group("cur")
    if before.endswith(_LOWER):
        return Amount(value=None, low=number, high=None, text=phrase, currency=currency)
    if before.endswith(_UPPER):
        return Amount(value=None, low=None, high=number, text=phrase, currency=currency)
    return Amount(value=number, low=None, high=None, text=phrase, currency=currency)
