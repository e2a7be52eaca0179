"""Readers: turn paths (files, folders, '-' for JSONL on stdin) into raw articles or coded errors.

Each reader yields :class:`RawArticle` for what it could read and :class:`InputError` for what it
could not, so one bad file or line never stops the run.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import yaml

from pactwatch.errors import InputError
from pactwatch.settings import IngestSettings

STDIN = "-"
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_BINARY_SNIFF = 8192


@dataclass(frozen=True)
class RawArticle:
    """An article as read, before cleaning: either ``text`` or ``html`` is set."""

    locator: str
    path: str | None
    text: str | None = None
    html: str | None = None
    title: str | None = None
    published: str | None = None
    published_note: str | None = None
    url: str | None = None
    language: str | None = None


Read = RawArticle | InputError


def discover(paths: Iterable[str], settings: IngestSettings) -> Iterator[Path | str | InputError]:
    """Expand the command-line paths: files as given, folders recursively (sorted), '-' as is."""
    for raw in paths:
        if raw == STDIN:
            yield STDIN
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path).parts
                if any(part.startswith(".") for part in rel) or not child.is_file():
                    continue
                if child.suffix.lower() in settings.ignored_extensions:
                    continue
                yield child
        elif path.is_file():
            yield path
        else:
            yield InputError("PW-INGEST-001", str(path), "")


def read(
    item: Path | str, settings: IngestSettings, stdin: IO[str] | None = None
) -> Iterator[Read]:
    """Read one discovered item into articles (a JSONL file gives one per line) or errors."""
    if item == STDIN:
        yield from _read_jsonl_lines(stdin or sys.stdin, "<stdin>", None)
        return
    assert isinstance(item, Path)
    locator = str(item)
    suffix = item.suffix.lower()
    if suffix not in settings.extensions:
        supported = " ".join(settings.extensions)
        yield InputError(
            "PW-INGEST-007", locator, f"'{suffix or 'no ending'}'; supported: {supported}"
        )
        return
    size = item.stat().st_size
    if size > settings.max_file_bytes:
        yield InputError("PW-INGEST-006", locator, f"{size:,} bytes > {settings.max_file_bytes:,}")
        return
    data = item.read_bytes()
    try:
        text = _decode(data, locator, html=suffix in {".html", ".htm"})
    except InputError as exc:
        yield exc
        return
    if not text.strip():
        yield InputError("PW-INGEST-002", locator, "")
        return
    if suffix == ".jsonl":
        yield from _read_jsonl_lines(text.splitlines(), locator, locator)
    elif suffix in {".html", ".htm"}:
        yield RawArticle(locator=locator, path=locator, html=text)
    else:
        yield _read_text(text, locator, markdown=suffix == ".md")


def _decode(data: bytes, locator: str, *, html: bool) -> str:
    if not data:
        raise InputError("PW-INGEST-002", locator, "0 bytes")
    head = data[:_BINARY_SNIFF]
    controls = sum(b < 9 or 13 < b < 32 for b in head)
    if b"\x00" in head or controls > len(head) // 20:
        raise InputError("PW-INGEST-003", locator, "binary bytes found")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        declared = _CHARSET.search(head) if html else None
        if declared:
            try:
                return data.decode(declared.group(1).decode("ascii"))
            except (LookupError, UnicodeDecodeError):
                pass
        raise InputError("PW-INGEST-004", locator, f"invalid UTF-8 at byte {exc.start}") from exc


def date_value(value: Any) -> tuple[str | None, str | None]:
    """(YYYY-MM-DD or None, a note when the value could not be taken as a date)."""
    if value is None or value == "":
        return None, None
    if isinstance(value, dt.datetime):
        return value.date().isoformat(), None
    if isinstance(value, dt.date):
        return value.isoformat(), None
    match = _ISO_DATE.match(str(value).strip())
    if match:
        try:
            return dt.date(*map(int, match.groups())).isoformat(), None
        except ValueError:
            pass
    return None, f"publication date not understood: {value!r}"


def _read_text(text: str, locator: str, *, markdown: bool) -> Read:
    meta: dict[str, Any] = {}
    match = _FRONT_MATTER.match(text)
    if match:
        try:
            loaded = yaml.safe_load(match.group(1))
        except yaml.YAMLError as exc:
            return InputError("PW-INGEST-009", locator, f"front matter is not YAML: {exc}")
        if not isinstance(loaded, dict):
            return InputError("PW-INGEST-009", locator, "front matter is not a mapping")
        meta = loaded
        text = text[match.end() :]
    if markdown:
        text = _strip_markdown(text)
    published, note = date_value(meta.get("published") or meta.get("date"))
    return RawArticle(
        locator=locator,
        path=locator,
        text=text,
        title=_opt_str(meta.get("title")),
        published=published,
        published_note=note,
        url=_opt_str(meta.get("url")),
        language=_opt_str(meta.get("language")),
    )


_MD_RULES = (
    (re.compile(r"^#{1,6}\s*", re.MULTILINE), ""),
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"\1"),
    (re.compile(r"^>\s?", re.MULTILINE), ""),
)


def _strip_markdown(text: str) -> str:
    for pattern, replacement in _MD_RULES:
        text = pattern.sub(replacement, text)
    return text


def _opt_str(value: Any) -> str | None:
    return None if value is None or str(value).strip() == "" else str(value).strip()


def _read_jsonl_lines(lines: Iterable[str], name: str, path: str | None) -> Iterator[Read]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        locator = f"{name}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError("PW-INGEST-005", locator, f"not JSON: {exc.msg} at column {exc.colno}")
            continue
        if not isinstance(record, dict):
            yield InputError("PW-INGEST-005", locator, "a line must hold a JSON object")
            continue
        text, html = record.get("text"), record.get("html")
        if not (isinstance(text, str) and text.strip()) and not (
            isinstance(html, str) and html.strip()
        ):
            yield InputError("PW-INGEST-005", locator, "no non-empty 'text' or 'html' field")
            continue
        published, note = date_value(record.get("published"))
        yield RawArticle(
            locator=locator,
            path=path,
            text=text if isinstance(text, str) and text.strip() else None,
            html=None if isinstance(text, str) and text.strip() else html,
            title=_opt_str(record.get("title")),
            published=published,
            published_note=note,
            url=_opt_str(record.get("url")),
            language=_opt_str(record.get("language")),
        )
