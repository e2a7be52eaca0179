"""The scorer behind the extraction gate, on hand-made gold items and predictions."""

from __future__ import annotations

from typing import Any

import pytest

from pactwatch.extract.quality import GoldItem, score


def _e(type_: str, source: str, target: str | None = None, **more: Any) -> dict[str, Any]:
    return {
        "type": type_,
        "source": source,
        "target": target,
        "modality": more.get("modality", "asserted"),
        "polarity": more.get("polarity", "positive"),
    }


GOLD = [
    GoldItem("1", "PRK sent shells to RUS.", None, (_e("AID", "PRK", "RUS"),)),
    GoldItem(
        "2", "RUS may attack UKR.", None, (_e("ASSAULT", "RUS", "UKR", modality="speculative"),)
    ),
    GoldItem("3", "Nothing happened.", None, ()),
    GoldItem(
        "4",
        "KOR denied sending arms.",
        None,
        (_e("AID", "KOR", "UKR", polarity="negative", modality="reported"),),
    ),
]


def test_perfect_predictions_score_one() -> None:
    report = score(GOLD, lambda item: [dict(e) for e in item.events])
    assert report.macro_f1 == 1.0
    assert report.triples.f1 == 1.0
    assert report.modality_accuracy == report.polarity_accuracy == 1.0
    assert report.facts_from_non_facts == []


def test_errors_are_counted_where_they_fall() -> None:
    predictions = {
        "1": [_e("AID", "PRK", "CHN")],  # right type, wrong target
        "2": [_e("ASSAULT", "RUS", "UKR")],  # a speculation coded as fact
        "3": [_e("THREATEN", "USA", "IRN")],  # an event where there is none
        "4": [_e("AID", "KOR", "UKR", modality="reported")],  # a denial coded as positive
    }
    report = score(GOLD, lambda item: predictions[item.id])
    assert report.by_type["AID"].tp == 2 and report.by_type["AID"].fp == 0
    assert report.by_type["THREATEN"].fp == 1 and report.by_type["THREATEN"].f1 == 0.0
    assert report.macro_f1 == pytest.approx(1.0)  # THREATEN has no gold: not in the macro average
    assert (report.triples.tp, report.triples.fp, report.triples.fn) == (2, 2, 1)
    assert report.matched == 3
    assert report.modality_accuracy == pytest.approx(2 / 3)
    assert report.polarity_accuracy == pytest.approx(2 / 3)
    assert [line.split(":")[0] for line in report.facts_from_non_facts] == ["2"]


def test_missing_events_lower_recall_not_precision() -> None:
    report = score(GOLD, lambda _: [])
    assert report.by_type["AID"].recall == 0.0 and report.by_type["AID"].fp == 0
    assert report.figures()["event_type_macro_f1"] == 0.0
