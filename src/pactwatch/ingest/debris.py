"""Debris: strip what main-text extraction leaves around an article, and say what went and why.

Scraped pages dumped to plain text keep headlines of other stories ("See also ..."), counters
("0 Comments", "3 min read"), words of the page's interface ("close", "Table of Contents"),
archive widgets, author boxes and contact footers. The patterns are data (``data/debris.yaml``);
this module applies them a line at a time, with guards that keep article text (a line that reads
as a sentence is kept) and with the block rules that single lines cannot express: a "Related
Posts" heading and the headlines under it, a table of contents, an archive widget, and a page
title printed several times.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from pactwatch.model import Stripped

_CLOSING_QUOTES = "\"'\u201d\u2019"  # straight, and right double and single quotation marks
_SENTENCE_END = re.compile(f"[.!?][{_CLOSING_QUOTES})]*$|[{_CLOSING_QUOTES}]$")
_WORD = re.compile(r"\w+")
_PARAGRAPH_WORDS = 12  # a line this long that reads as a sentence is article text
_SENTENCE_WORDS = 5
_HEADLINE_WORDS = 25  # longer than this, a line under "Related Posts" is not a headline
_TOP_LINES = 15  # a page title repeated within the first lines is printed once


@dataclass(frozen=True)
class Cleaned:
    text: str
    stripped: tuple[Stripped, ...]


@dataclass(frozen=True)
class _Family:
    name: str
    reason: str
    line: tuple[re.Pattern[str], ...]
    heading: tuple[re.Pattern[str], ...]
    month: tuple[re.Pattern[str], ...]
    sentence: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class DebrisRules:
    families: dict[str, _Family]

    def first(self, text: str, kind: str, names: tuple[str, ...]) -> _Family | None:
        """The first family (in the order given) with a `kind` pattern matching the whole line."""
        for name in names:
            family = self.families.get(name)
            if family and any(p.fullmatch(text) for p in getattr(family, kind)):
                return family
        return None


@lru_cache(maxsize=1)
def load_rules() -> DebrisRules:
    raw = yaml.safe_load(
        resources.files("pactwatch").joinpath("data", "debris.yaml").read_text("utf-8")
    )
    return parse_rules(raw)


def parse_rules(raw: dict[str, Any]) -> DebrisRules:
    def compiled(spec: dict[str, Any], key: str) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, re.IGNORECASE) for p in spec.get(key) or [])

    return DebrisRules(
        {
            name: _Family(
                name=name,
                reason=str(spec["reason"]),
                line=compiled(spec, "line"),
                heading=compiled(spec, "heading"),
                month=compiled(spec, "month"),
                sentence=compiled(spec, "sentence"),
            )
            for name, spec in raw.items()
        }
    )


def words(line: str) -> int:
    return len(_WORD.findall(line))


def is_sentence(line: str) -> bool:
    """Reads as a sentence: five words or more, ending as a sentence ends."""
    return words(line) >= _SENTENCE_WORDS and bool(_SENTENCE_END.search(line))


def is_paragraph(line: str) -> bool:
    return words(line) >= _PARAGRAPH_WORDS and bool(_SENTENCE_END.search(line))


_LINE_FAMILIES = ("other_story", "counter", "ui", "author_box", "byline", "contact")
_UI_TOC = re.compile(r"(table of )?contents|in this article", re.IGNORECASE)


class _Lines:
    """The input's lines, what has been marked for stripping, and where the article is."""

    def __init__(self, text: str, rules: DebrisRules) -> None:
        self.rules = rules
        self.lines = [line.strip() for line in text.split("\n")]
        self.marks: dict[int, tuple[str, str]] = {}  # index -> (rule, reason)
        paragraphs = [i for i, line in enumerate(self.lines) if is_paragraph(line)]
        self.first = paragraphs[0] if paragraphs else len(self.lines)
        self.last = paragraphs[-1] if paragraphs else -1

    def mark(self, i: int, rule: str, reason: str) -> None:
        self.marks.setdefault(i, (rule, reason))

    def nonempty_after(self, i: int) -> list[int]:
        return [j for j in range(i + 1, len(self.lines)) if self.lines[j]]

    def in_tail(self, i: int) -> bool:
        return self.last >= 0 and i > self.last


def strip_debris(text: str, rules: DebrisRules | None = None) -> Cleaned:
    """The text without its debris (lines removed, the rest untouched), and the record."""
    state = _Lines(text, rules or load_rules())
    for i, line in enumerate(state.lines):
        if line and i not in state.marks:
            _line(state, i, line)
    _repeated_title(state)
    kept = [line for i, line in enumerate(text.split("\n")) if i not in state.marks]
    stripped = tuple(
        Stripped(line=i + 1, text=state.lines[i], rule=rule, reason=reason)
        for i, (rule, reason) in sorted(state.marks.items())
    )
    return Cleaned(text="\n".join(kept), stripped=stripped)


def _line(state: _Lines, i: int, line: str) -> None:
    rules = state.rules
    if is_sentence(line):
        # Article text, unless a specific footer pattern says otherwise.
        family = rules.first(line, "sentence", ("contact",))
        if family:
            state.mark(i, family.name, family.reason)
        return
    heading = rules.first(line, "heading", ("other_story",))
    if heading is not None:
        state.mark(i, heading.name, heading.reason)
        _headlines_under(state, i)
        return
    if _UI_TOC.fullmatch(line):
        ui = rules.families["ui"]
        state.mark(i, ui.name, ui.reason)
        _table_of_contents(state, i)
        return
    if _archive_widget(state, i, line):
        return
    family = rules.first(line, "line", _LINE_FAMILIES)
    if family is None and state.in_tail(i):
        family = rules.first(line, "line", ("tail_only",))
    if family is not None:
        state.mark(i, family.name, family.reason)


def _headlines_under(state: _Lines, i: int) -> None:
    """Under a "Related Posts" heading: the short lines that follow are other stories' headlines.
    In the tail they run to the end; inside the article, to the next blank line or paragraph."""
    tail = state.in_tail(i) or i >= state.last
    reason = f"{state.marks[i][1]} (listed under '{state.lines[i]}')"
    for j in range(i + 1, len(state.lines)):
        line = state.lines[j]
        if not line:
            if tail:
                continue
            break
        if is_paragraph(line) or words(line) > _HEADLINE_WORDS:
            break
        state.mark(j, "other_story", reason)


def _table_of_contents(state: _Lines, i: int) -> None:
    """Under a table of contents: short lines that come back later as the article's headings."""
    later = {line.casefold() for line in state.lines[i + 1 :] if line}
    for j in state.nonempty_after(i):
        line = state.lines[j]
        rest = [x.casefold() for x in state.lines[j + 1 :]]
        if is_sentence(line) or line.casefold() not in rest or line.casefold() not in later:
            break
        state.mark(j, "table_of_contents", "an entry of the table of contents (it recurs below)")


def _archive_widget(state: _Lines, i: int, line: str) -> bool:
    """An archive heading followed by months (or in the tail), and the months themselves."""
    family = state.rules.families.get("archive_widget")
    if family is None:
        return False
    following = state.nonempty_after(i)
    nxt = state.lines[following[0]] if following else ""
    is_month = any(p.fullmatch(nxt) for p in family.month)
    if any(p.fullmatch(line) for p in family.heading) and (is_month or state.in_tail(i)):
        state.mark(i, family.name, family.reason)
        for j in following:
            if not any(p.fullmatch(state.lines[j]) for p in family.month):
                break
            state.mark(j, family.name, family.reason)
        return True
    if state.in_tail(i) and any(p.fullmatch(line) for p in family.month):
        state.mark(i, family.name, family.reason)
        return True
    return False


def _repeated_title(state: _Lines) -> None:
    """A short line printed again near the top (a page title or keyword banner) is kept once."""
    seen: set[str] = set()
    for i, line in enumerate(state.lines[: min(_TOP_LINES, state.first)]):
        if not line or i in state.marks or is_sentence(line):
            continue
        key = line.casefold()
        if key in seen:
            state.mark(i, "repeated_title", "the same short line printed again at the top")
        seen.add(key)
