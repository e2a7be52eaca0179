"""Contradictions between sources and against the record, on claims built here, and what must
never be reported as one."""

from __future__ import annotations

from pactwatch.model import Claim, ClaimMention, Range, Span
from pactwatch.verify import Sources, find_conflicts, load_reference, reversals

RECORD = load_reference()


def _claim(
    subject: str,
    slot: str,
    value: str | float | Range,
    *,
    doc: str,
    as_of: str | None = None,
    modality: str = "asserted",
    polarity: str = "positive",
    by: str | None = None,
) -> Claim:
    text = f"{subject} {slot} {value}"
    return Claim(
        id=f"{doc}-{slot}",
        subject=subject,
        slot=slot,
        value=value,
        as_of=as_of,
        modality=modality,  # type: ignore[arg-type]
        polarity=polarity,  # type: ignore[arg-type]
        mentions=[
            ClaimMention(doc_id=doc, span=Span(start=0, end=len(text), text=text), attributed_to=by)
        ],
        origins=1,
    )


def _kinds(claims: list[Claim]) -> list[tuple[str, str]]:
    return [(c.kind, c.slot) for c in find_conflicts(claims, RECORD)]


def test_a_shifted_signing_year_contradicts_the_treaty_file() -> None:
    claims = [_claim("treaty PRK-RUS", "signed_on", "2023-06-19", doc="a")]
    (conflict,) = find_conflicts(claims, RECORD, Sources(urls={"a": "https://x.example/a"}))
    assert conflict.kind == "reference"
    assert conflict.reference is not None and conflict.reference.value == "2024-06-19"
    assert "2023-06-19" in conflict.explanation and "2024-06-19" in conflict.explanation
    assert conflict.values[0].sources[0].url == "https://x.example/a"


def test_two_sources_on_different_signing_days_disagree() -> None:
    claims = [
        _claim("treaty PRK-RUS", "signed_on", "2024-06-19", doc="a"),
        _claim("treaty PRK-RUS", "signed_on", "2024-06-18", doc="b"),
    ]
    kinds = _kinds(claims)
    assert ("cross_source", "signed_on") in kinds
    assert ("reference", "signed_on") in kinds  # the 18th is also against the record


def test_dates_at_different_precision_are_compatible() -> None:
    claims = [
        _claim("treaty PRK-RUS", "signed_on", "2024-06-19", doc="a"),
        _claim("treaty PRK-RUS", "signed_on", "2024-06", doc="b"),
        _claim("treaty PRK-RUS", "signed_on", "2024", doc="c"),
    ]
    assert _kinds(claims) == []


def test_two_treaties_of_the_same_parties_are_not_one_date_in_dispute() -> None:
    claims = [
        _claim("treaty PRK-RUS", "signed_on", "2000-02-09", doc="a"),
        _claim("treaty PRK-RUS", "signed_on", "2024-06-19", doc="b"),
    ]
    assert _kinds(claims) == []


def test_each_party_ratifying_on_its_own_day_is_no_conflict() -> None:
    claims = [
        _claim("treaty PRK-RUS", "ratified_on", "2024-11-09", doc="a"),
        _claim("treaty PRK-RUS", "ratified_on", "2024-11-11", doc="b"),
    ]
    assert _kinds(claims) == []


def test_a_wrong_signatory_contradicts_the_record() -> None:
    claims = [_claim("treaty CHN-PRK", "signed_on", "2024-06-19", doc="a")]
    (conflict,) = find_conflicts(claims, RECORD)
    assert conflict.kind == "reference" and "CHN was not a party" in conflict.explanation


def test_millions_and_three_million_are_compatible() -> None:
    claims = [
        _claim("PRK->RUS", "shells_supplied", Range(low=2e6), doc="a", as_of="2024-02"),
        _claim("PRK->RUS", "shells_supplied", 3e6, doc="b", as_of="2024-02"),
    ]
    assert _kinds(claims) == []


def test_an_amount_outside_the_record_range_for_its_month_is_a_conflict() -> None:
    claims = [_claim("PRK->RUS", "troops_deployed", 300.0, doc="a", as_of="2024-11")]
    (conflict,) = find_conflicts(claims, RECORD)
    assert conflict.kind == "reference" and "300" in conflict.explanation


def test_sources_disagreeing_on_one_month_conflict_but_not_across_months() -> None:
    same_month = [
        _claim("PRK->RUS", "troops_deployed", 11000.0, doc="a", as_of="2026-01"),
        _claim("PRK->RUS", "troops_deployed", 3000.0, doc="b", as_of="2026-01"),
    ]
    assert _kinds(same_month) == [("cross_source", "troops_deployed")]
    later_estimate = [
        _claim("PRK->RUS", "troops_deployed", 3000.0, doc="a", as_of="2026-01"),
        _claim("PRK->RUS", "troops_deployed", 11000.0, doc="b", as_of="2026-08"),
    ]
    assert _kinds(later_estimate) == []


def test_units_that_differ_are_never_compared() -> None:
    claims = [
        _claim("PRK->RUS", "containers_supplied", 6700.0, doc="a", as_of="2026-02"),
        _claim("PRK->RUS", "shells_supplied", 3e6, doc="b", as_of="2026-02"),
    ]
    assert _kinds(claims) == []


def test_opposite_flows_are_not_contradictions() -> None:
    claims = [
        _claim("PRK->RUS", "aid:munitions", "occurred", doc="a", as_of="2024"),
        _claim("RUS->PRK", "aid:military_materiel", "occurred", doc="b", as_of="2024"),
        _claim("RUS->PRK", "barrels_supplied", Range(low=1e6), doc="c", as_of="2024-11"),
    ]
    assert _kinds(claims) == []


def test_a_flow_the_record_shows_one_way_only_reversed_is_a_conflict() -> None:
    claims = [_claim("RUS->PRK", "shells_supplied", 3e6, doc="a", as_of="2024-02")]
    (conflict,) = find_conflicts(claims, RECORD)
    assert conflict.kind == "reference" and "PRK->RUS only" in conflict.explanation


def test_speculation_and_plans_are_never_compared() -> None:
    claims = [
        _claim("treaty PRK-RUS", "signed_on", "2023-06-19", doc="a", modality="speculative"),
        _claim("PRK->RUS", "troops_deployed", 300.0, doc="b", as_of="2024-11", modality="intended"),
    ]
    assert _kinds(claims) == []


def test_one_origin_quoted_by_two_outlets_does_not_disagree_with_itself() -> None:
    claims = [
        _claim("PRK->RUS", "troops_deployed", 11000.0, doc="a", as_of="2026-01", by="KOR.INT"),
        _claim("PRK->RUS", "troops_deployed", 3000.0, doc="b", as_of="2026-01", by="KOR.INT"),
    ]
    assert _kinds(claims) == []


def test_a_denial_later_reversed_is_a_timeline_not_a_conflict() -> None:
    claims = [
        _claim(
            "PRK->RUS",
            "aid:troop_deployment",
            "occurred",
            doc="a",
            as_of="2024-10-25",
            modality="reported",
            polarity="negative",
            by="RUS.GOV",
        ),
        _claim(
            "PRK->RUS",
            "aid:troop_deployment",
            "occurred",
            doc="b",
            as_of="2025-04-26",
            modality="reported",
            by="RUS.MIL",
        ),
    ]
    assert _kinds(claims) == []
    (timeline,) = reversals(claims, [])
    assert "denied on 2024-10-25 by RUS.GOV" in timeline.summary
    assert "acknowledged on 2025-04-26 by RUS.MIL" in timeline.summary
    assert [s.polarity for s in timeline.steps] == ["negative", "positive"]


def test_the_record_holds_the_troop_denials_and_acknowledgements() -> None:
    (timeline,) = [t for t in reversals([], RECORD) if t.slot == "aid:troop_deployment"]
    assert timeline.steps[0].polarity == "negative" and timeline.steps[-1].polarity == "positive"
    assert all(s.url for s in timeline.steps)


def test_two_writers_asserting_opposite_facts_conflict() -> None:
    claims = [
        _claim("PRK->RUS", "aid:troop_deployment", "occurred", doc="a", as_of="2025"),
        _claim(
            "PRK->RUS",
            "aid:troop_deployment",
            "occurred",
            doc="b",
            as_of="2025",
            polarity="negative",
        ),
    ]
    conflicts = find_conflicts(claims, RECORD)
    assert ("cross_source", "aid:troop_deployment") in [(c.kind, c.slot) for c in conflicts]
    assert ("reference", "aid:troop_deployment") in [(c.kind, c.slot) for c in conflicts]
