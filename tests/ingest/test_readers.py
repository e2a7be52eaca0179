"""Each reader, table-driven: what it reads, and the coded reason for what it cannot."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from pactwatch.errors import InputError
from pactwatch.ingest.clean import clean
from pactwatch.ingest.readers import RawArticle, discover, read
from pactwatch.settings import IngestSettings

SETTINGS = IngestSettings()

HTML_PAGE = """<!DOCTYPE html><html><head><title>Site | Tanks story</title>
<meta property="og:title" content="Moscow sends tanks to Pyongyang">
<meta property="article:published_time" content="2024-08-01T10:00:00+00:00">
<link rel="canonical" href="https://test.example/tanks"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Moscow sends tanks to Pyongyang</h1>
<p>Russia delivered a batch of tanks to North Korea last week, according to a report by a
monitoring group that tracks rail traffic across the border bridge at Tumangang.</p>
<p>The group said the shipment crossed the river on three consecutive nights and that the
trains returned empty, which it read as a sign of a one-way transfer of armour.</p>
<p>Neither government commented on the report when asked by reporters on Thursday.</p></article>
<aside class="related"><h3>See also</h3><ul><li><a href="/a">Heatwave grips the coast</a></li>
<li><a href="/b">Cup final ends in penalties</a></li></ul></aside>
<section class="comments"><h3>14 comments</h3><div class="comment">Great reporting from the border!</div></section>
<footer>Call us on +44 20 0000 0000. (c) Test Example News</footer></body></html>"""


def _read_one(path: Path) -> list[RawArticle | InputError]:
    return list(read(path, SETTINGS))


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("a.txt", "Plain words about a treaty.\n", {"text": "Plain words about a treaty.\n"}),
        (
            "b.txt",
            "---\ntitle: A title\npublished: 2024-06-19\nurl: https://x.example/1\n---\nBody text.\n",
            {
                "title": "A title",
                "published": "2024-06-19",
                "url": "https://x.example/1",
                "text": "Body text.\n",
            },
        ),
        (
            "c.md",
            "# Heading\n\nSome **bold** and [a link](https://x.example) here.\n",
            {"text": "Heading\n\nSome bold and a link here.\n"},
        ),
        (
            "d.txt",
            "---\npublished: sometime in May\n---\nBody.\n",
            {
                "published": None,
                "published_note": "publication date not understood: 'sometime in May'",
            },
        ),
        (
            "e.txt",
            "\ufeffA file with a byte-order mark.\n",
            {"text": "A file with a byte-order mark.\n"},
        ),
    ],
)
def test_text_and_markdown_readers(
    write: Callable[..., Path], name: str, content: str, expected: dict[str, object]
) -> None:
    (article,) = _read_one(write(name, content))
    assert isinstance(article, RawArticle)
    for key, value in expected.items():
        assert getattr(article, key) == value, key


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("empty.txt", b"", "PW-INGEST-002"),
        ("blank.txt", b"   \n\n  ", "PW-INGEST-002"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "PW-INGEST-003"),
        ("latin.txt", "Caf\u00e9 au lait".encode("latin-1"), "PW-INGEST-004"),
        ("photo.jpg", b"\xff\xd8\xff\xe0", "PW-INGEST-007"),
        ("notes", b"no file ending", "PW-INGEST-007"),
        ("bad-front.txt", b"---\ntitle: [unclosed\n---\nBody", "PW-INGEST-009"),
    ],
)
def test_bad_files_get_coded_reasons(
    write: Callable[..., Path], name: str, content: bytes, code: str
) -> None:
    path = write(name, content)
    (result,) = _read_one(path)
    assert isinstance(result, InputError)
    assert result.code == code
    assert str(path) in str(result)  # the message names the file


def test_size_limit(write: Callable[..., Path]) -> None:
    path = write("big.txt", "word " * 100)
    small = IngestSettings(max_file_bytes=100)
    (result,) = list(read(path, small))
    assert isinstance(result, InputError)
    assert result.code == "PW-INGEST-006"
    assert "500 bytes > 100" in str(result)


def test_html_keeps_the_article_and_drops_the_page_furniture(write: Callable[..., Path]) -> None:
    (raw,) = _read_one(write("page.html", HTML_PAGE))
    assert isinstance(raw, RawArticle)
    article = clean(raw)
    text = article.text
    assert "Russia delivered a batch of tanks" in text
    assert "Neither government commented" in text
    for furniture in (
        "Home",
        "Heatwave",
        "Cup final",
        "14 comments",
        "Great reporting",
        "+44 20",
        "(c) Test",
    ):
        assert furniture not in text, furniture
    assert article.document.title == "Moscow sends tanks to Pyongyang"
    assert article.document.published == "2024-08-01"
    assert article.document.url == "https://test.example/tanks"


def test_html_date_from_json_ld(write: Callable[..., Path]) -> None:
    page = HTML_PAGE.replace(
        '<meta property="article:published_time" content="2024-08-01T10:00:00+00:00">', ""
    )
    page = page.replace(
        "</head>",
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2023-02-03"}</script></head>',
    )
    (raw,) = _read_one(write("ld.html", page))
    assert isinstance(raw, RawArticle)
    assert clean(raw).document.published == "2023-02-03"


def test_html_without_main_text(write: Callable[..., Path]) -> None:
    (raw,) = _read_one(
        write("nav.html", "<html><body><nav><a href='/'>Home</a></nav></body></html>")
    )
    assert isinstance(raw, RawArticle)
    with pytest.raises(InputError) as caught:
        clean(raw)
    assert caught.value.code == "PW-INGEST-008"


def test_jsonl_lines_each_read_or_rejected(write: Callable[..., Path]) -> None:
    lines = [
        json.dumps(
            {
                "url": "https://x.example/1",
                "title": "One",
                "published": "2024-01-02",
                "language": "en",
                "text": "First item.",
            }
        ),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"title": "no body"}),
        "",
        json.dumps(
            {
                "html": "<html><body><article><p>"
                + "Second item from html. " * 10
                + "</p></article></body></html>"
            }
        ),
    ]
    path = write("feed.jsonl", "\n".join(lines) + "\n")
    results = _read_one(path)
    assert [type(r).__name__ for r in results] == [
        "RawArticle",
        "InputError",
        "InputError",
        "InputError",
        "RawArticle",
    ]
    first, bad_json, not_object, no_body, html = results
    assert (
        isinstance(first, RawArticle) and first.title == "One" and first.published == "2024-01-02"
    )
    assert isinstance(bad_json, InputError) and bad_json.locator == f"{path}:2"
    assert isinstance(not_object, InputError) and not_object.code == "PW-INGEST-005"
    assert isinstance(no_body, InputError) and "no non-empty 'text' or 'html'" in str(no_body)
    assert isinstance(html, RawArticle) and html.html is not None and html.locator == f"{path}:6"


def test_jsonl_from_stdin() -> None:
    stream = io.StringIO(json.dumps({"text": "From a pipe."}) + "\n")
    (article,) = list(read("-", SETTINGS, stream))
    assert isinstance(article, RawArticle)
    assert article.locator == "<stdin>:1"
    assert article.text == "From a pipe."


def test_discover_walks_folders_sorted_and_skips_hidden_and_metadata(
    write: Callable[..., Path], tmp_path: Path
) -> None:
    write("corpus/b.txt", "b")
    write("corpus/sub/a.html", "<p>a</p>")
    write("corpus/.hidden.txt", "h")
    write("corpus/.git/config.txt", "g")
    write("corpus/MANIFEST.yaml", "files: []")
    found = list(discover([str(tmp_path / "corpus"), str(tmp_path / "missing.txt")], SETTINGS))
    names = [p.name if isinstance(p, Path) else p for p in found[:-1]]
    assert names == ["b.txt", "a.html"]
    assert isinstance(found[-1], InputError) and found[-1].code == "PW-INGEST-001"
