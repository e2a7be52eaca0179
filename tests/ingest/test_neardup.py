"""Near-duplicates: MinHash estimates, and syndicated copies linked to their original on ingest."""

from __future__ import annotations

from pathlib import Path

import pytest

from pactwatch import Store, ingest
from pactwatch.ingest import neardup

ORIGINAL = """\
Seoul and Tokyo agree to share missile warning data in real time

South Korea and Japan said on Tuesday that their militaries would begin sharing missile warning
data in real time by the end of the year, linking their radars through a system run by the
United States. Officials in both capitals said the arrangement would shorten the time needed to
track a launch from the Korean Peninsula. The defence ministers met for ninety minutes on the
sidelines of a regional security forum and signed a short memorandum. China's foreign ministry
said the step raised tensions in the region. North Korea did not comment. Analysts said the
agreement was the most concrete sign so far of warmer ties between the two neighbours, whose
relations were strained for years by disputes over wartime history.
"""

COPY = """\
WIRE SERVICE - Regional desk
Seoul, Tokyo agree to share missile warning data in real time

South Korea and Japan said on Tuesday that their militaries would begin sharing missile warning
data in real time by the end of the year, linking their radars through a system run by the
United States. Officials in both capitals said the arrangement would shorten the time needed to
track a launch from the Korean Peninsula. The two defence ministers talked for an hour and a half
at a regional security forum and signed a brief memorandum. China's foreign ministry
said the step raised tensions in the region. North Korea did not comment. Analysts said the
agreement was the most concrete sign so far of warmer ties between the two neighbours, whose
relations were strained for years by disputes over wartime history.
This story first appeared on the regional wire.
"""

UNRELATED = """\
Parliament approves new budget for coastal patrols

The parliament voted on Thursday to raise spending on coastal patrol boats by a fifth, after a
year in which fishing disputes and smuggling cases rose sharply along the southern coast. The
opposition abstained, saying the money should go to ports instead. The navy will order six
boats from a domestic yard, with the first due in two years.
"""


def test_similarity_estimates() -> None:
    original, copy, other = (neardup.signature(t) for t in (ORIGINAL, COPY, UNRELATED))
    assert original is not None and copy is not None and other is not None
    assert neardup.similarity(original, neardup.signature(ORIGINAL)) == 1.0  # type: ignore[arg-type]
    assert neardup.similarity(original, copy) >= 0.5
    assert neardup.similarity(original, other) < 0.2
    assert set(neardup.band_keys(original)) & set(neardup.band_keys(copy))
    assert not set(neardup.band_keys(original)) & set(neardup.band_keys(other))
    assert neardup.signature("  ... ") is None
    assert neardup.from_bytes(neardup.to_bytes(copy)).tolist() == copy.tolist()


def _write(folder: Path, name: str, published: str, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f"---\npublished: {published}\n---\n{body}", encoding="utf-8")
    return path


def _links(db: Path) -> dict[str, str | None]:
    with Store(db, read_only=True) as store:
        by_id = {d.id: d for d in store.documents()}
        return {
            Path(d.path or "").name: (
                Path(by_id[d.duplicate_of].path or "").name if d.duplicate_of else None
            )
            for d in by_id.values()
        }


def test_a_syndicated_copy_is_stored_and_linked_to_its_original(tmp_path: Path) -> None:
    _write(tmp_path / "in", "a.txt", "2024-05-14", ORIGINAL)
    _write(tmp_path / "in", "b.txt", "2024-05-15", COPY)
    _write(tmp_path / "in", "c.txt", "2024-05-15", UNRELATED)
    db = tmp_path / "s.duckdb"
    assert ingest([tmp_path / "in"], db).exit_code == 0
    assert _links(db) == {"a.txt": None, "b.txt": "a.txt", "c.txt": None}
    again = ingest([tmp_path / "in"], db)
    assert again.stored == 0
    assert _links(db) == {"a.txt": None, "b.txt": "a.txt", "c.txt": None}


def test_the_earliest_published_is_the_original_whatever_the_order_read(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    ingest([_write(tmp_path / "first", "copy.txt", "2024-05-15", COPY)], db)
    ingest([_write(tmp_path / "second", "original.txt", "2024-05-14", ORIGINAL)], db)
    assert _links(db) == {"copy.txt": "original.txt", "original.txt": None}


@pytest.mark.parametrize("threshold", ["0.99"])
def test_the_threshold_is_a_setting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, threshold: str
) -> None:
    monkeypatch.setenv("PACTWATCH_INGEST_NEAR_DUPLICATE_THRESHOLD", threshold)
    _write(tmp_path / "in", "a.txt", "2024-05-14", ORIGINAL)
    _write(tmp_path / "in", "b.txt", "2024-05-15", COPY)
    db = tmp_path / "s.duckdb"
    ingest([tmp_path / "in"], db)
    assert _links(db) == {"a.txt": None, "b.txt": None}


def test_the_same_text_read_again_elsewhere_is_one_document_seen_twice(tmp_path: Path) -> None:
    _write(tmp_path / "in", "a.txt", "2024-05-14", ORIGINAL)
    _write(tmp_path / "in", "mirror.txt", "2024-05-14", ORIGINAL)
    db = tmp_path / "s.duckdb"
    first = ingest([tmp_path / "in"], db)
    assert (first.stored, first.unchanged) == (1, 1)
    again = ingest([tmp_path / "in"], db)
    assert (again.stored, again.unchanged) == (0, 2)
    with Store(db, read_only=True) as store:
        (doc,) = store.documents()
        assert doc.path is not None and doc.path.endswith("a.txt")
        (seen,) = store.sightings(doc.id)
        assert seen[0].endswith("mirror.txt") and seen[2] == "2024-05-14"
