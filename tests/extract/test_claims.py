"""Claims: events normalised into slot statements, merged across documents, origins counted."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from pactwatch import ingest
from pactwatch.cli import app
from pactwatch.extract.claims import claims_from_events
from pactwatch.model import Event, Quantity, Range
from tests.factories import event


def _event(doc: str, **fields: object) -> Event:
    return event(doc, **fields)


def _troops(doc: str, value: float | None, **fields: object) -> Event:
    amount = Quantity(value=value, unit="troop", item="troop", text="troops")
    return _event(doc, mode="troop_deployment", quantities=[amount], **fields)


def test_one_quoted_source_is_one_origin_however_many_outlets_quote_it() -> None:
    events = [
        _troops("a", 11000, attributed_to="KOR.INT"),
        _troops("b", 11000, attributed_to="KOR.INT"),
        _troops("c", 11000, attributed_to="UKR.INT"),
        _troops("d", 11000),  # the writer's own statement
        _troops("e", 11000),  # a syndicated copy of d
    ]
    claims = claims_from_events(events, originals={"e": "d"})
    (troops,) = [c for c in claims if c.slot == "troops_deployed"]
    assert (troops.subject, troops.value, troops.as_of) == ("PRK->RUS", 11000, "2024-11")
    assert troops.origins == 3  # KOR.INT, UKR.INT, document d
    assert [m.doc_id for m in troops.mentions] == ["a", "b", "c", "d", "e"]


def test_different_values_modalities_and_dates_are_different_claims() -> None:
    events = [
        _troops("a", 11000),
        _troops("b", 12000),
        _troops("c", 11000, modality="speculative"),
        _troops("d", 11000, date="2025-04"),
    ]
    claims = [c for c in claims_from_events(events) if c.slot == "troops_deployed"]
    assert sorted((c.value, c.modality, c.as_of) for c in claims) == [
        (11000, "reported", "2024-11"),
        (11000, "reported", "2025-04"),
        (11000, "speculative", "2024-11"),
        (12000, "reported", "2024-11"),
    ]


def test_a_range_is_kept_as_a_range_and_every_event_says_it_occurred() -> None:
    shells = Quantity(low=1_000_000, high=None, unit="shell", item="shell", text="millions")
    claims = claims_from_events([_event("a", mode="munitions", quantities=[shells])])
    slots = {c.slot: c for c in claims}
    assert slots["shells_supplied"].value == Range(low=1_000_000, high=None)
    assert slots["aid:munitions"].value == "occurred"


def test_a_share_is_no_amount_supplied() -> None:
    share = Quantity(low=None, high=40, unit="%", item=None, text="up to 40%")
    claims = claims_from_events([_event("a", mode="munitions", quantities=[share])])
    assert [c.slot for c in claims] == ["aid:munitions"]


def test_a_dated_treaty_act_is_a_claim_about_the_treaty() -> None:
    signed = [
        _event("a", type="AGREE", mode="treaty_signed", date="2024-06-19", modality="asserted"),
        _event(
            "b",
            type="AGREE",
            mode="treaty_signed",
            date="2024-06-19",
            source="RUS",
            target="PRK",
            modality="asserted",
        ),
    ]
    (treaty,) = [c for c in claims_from_events(signed) if c.subject.startswith("treaty")]
    assert (treaty.subject, treaty.slot, treaty.value) == (
        "treaty PRK-RUS",
        "signed_on",
        "2024-06-19",
    )
    assert treaty.origins == 2


def test_claims_command_lists_claims_with_their_spans(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Envoys meet in the capital\n\nSouth Korea's spy agency said on Wednesday that North "
        "Korea sent about 11,000 troops to Russia in October 2024. The agency gave no further "
        "details about the units, their training or the roads they travelled by.\n",
        "utf-8",
    )
    db = tmp_path / "s.duckdb"
    ingest([tmp_path / "a.txt"], db)
    result = CliRunner().invoke(app, ["claims", "--db", str(db)])
    assert result.exit_code == 0, result.output
    claims = [json.loads(line) for line in result.stdout.splitlines()]
    troops = [c for c in claims if c["slot"] == "troops_deployed"]
    assert troops and troops[0]["value"] == 11000 and troops[0]["subject"] == "PRK->RUS"
    text = (tmp_path / "a.txt").read_text("utf-8")
    span = troops[0]["mentions"][0]["span"]
    assert span["text"] in text and troops[0]["origins"] == 1
