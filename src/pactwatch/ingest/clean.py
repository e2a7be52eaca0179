"""From a raw article to clean text and metadata: main-text extraction for HTML, normalisation,
language, and the content id."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from pactwatch.errors import InputError
from pactwatch.ingest.bylines import byline_date
from pactwatch.ingest.debris import is_sentence, strip_debris
from pactwatch.ingest.language import detect_language
from pactwatch.ingest.readers import RawArticle, date_value
from pactwatch.ingest.text import content_id, normalise
from pactwatch.model import Document, Stripped
from pactwatch.settings import IngestSettings


@dataclass(frozen=True)
class CleanArticle:
    document: Document
    text: str
    locator: str
    stripped: tuple[Stripped, ...] = ()


def clean(raw: RawArticle, settings: IngestSettings | None = None) -> CleanArticle:
    """Raise :class:`InputError` when nothing usable is left."""
    title, published, note, url = raw.title, raw.published, raw.published_note, raw.url
    if raw.html is not None:
        extracted = _extract_html(raw.html, raw.locator)
        min_words = (settings or IngestSettings()).min_html_words
        if len(extracted.text.split()) < min_words:
            raise InputError("PW-INGEST-008", raw.locator, f"fewer than {min_words} words found")
        body = extracted.text
        title = title or extracted.title
        url = url or extracted.url
        if published is None and note is None:
            published, note = extracted.published, extracted.note
    else:
        body = raw.text or ""
    body = normalise(body)
    cleaned = strip_debris(body)
    if published is None and note is None:
        published, note = byline_date(body, cleaned.stripped)
    text = normalise(cleaned.text)
    if not text:
        raise InputError("PW-INGEST-002", raw.locator, "no text after cleaning")
    title = title or _first_line_title(text)
    doc = Document(
        id=content_id(text),
        path=raw.path,
        url=url,
        title=normalise(title) if title else None,
        published=published,
        published_note=note,
        language=raw.language or detect_language(text),
        chars=len(text),
    )
    return CleanArticle(document=doc, text=text, locator=raw.locator, stripped=cleaned.stripped)


_TITLE_WORDS = 20


def _first_line_title(text: str) -> str | None:
    """A plain-text dump without a stated title: its first line, when it reads as a headline."""
    first = text.split("\n", 1)[0].strip()
    if first and len(first.split()) <= _TITLE_WORDS and not is_sentence(first):
        return first
    return None


@dataclass(frozen=True)
class _Extracted:
    text: str
    title: str | None
    url: str | None
    published: str | None
    note: str | None


def _extract_html(html: str, locator: str) -> _Extracted:
    import trafilatura  # noqa: PLC0415 (import cost paid only when HTML is read)

    # trafilatura logs (up to ERROR) about pages it finds thin or broken; our own coded error says
    # what matters, so its messages would only repeat it on stderr.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    result = trafilatura.bare_extraction(
        html,
        include_comments=False,
        include_tables=False,
        include_links=False,
        with_metadata=True,
        favor_precision=True,
        # Only dates the page states as its own (metadata, JSON-LD), never a guess from page text.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = getattr(result, "text", None) if result is not None else None
    if not text or not text.strip():
        raise InputError("PW-INGEST-008", locator, "")
    published, note = date_value(getattr(result, "date", None))
    return _Extracted(
        text=text,
        title=getattr(result, "title", None),
        url=getattr(result, "url", None),
        published=published,
        note=note,
    )
