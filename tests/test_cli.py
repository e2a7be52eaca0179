"""The CLI contract: commands, exit codes, JSON shapes, and issue #2's acceptance points."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pactwatch.cli import app

from .conftest import ARTICLE_DE, ARTICLE_EN

runner = CliRunner()
COMMANDS = [
    "ingest",
    "docs",
    "events",
    "claims",
    "conflicts",
    "check",
    "treaties",
    "scenario",
    "obligations",
    "brief",
    "serve",
    "export",
]
DOCUMENT_KEYS = {
    "id",
    "path",
    "url",
    "title",
    "published",
    "published_note",
    "language",
    "chars",
    "duplicate_of",
    "status",
    "error",
}
EVENT_KEYS = {
    "id",
    "doc_id",
    "url",
    "published",
    "span",
    "source",
    "source_role",
    "target",
    "target_role",
    "type",
    "mode",
    "date",
    "date_note",  # an addition to DESIGN: how a relative date was resolved
    "target_note",  # an addition to DESIGN: how a target the verb did not name was found
    "location",
    "supplied_by",
    "modality",
    "polarity",
    "attributed_to",
    "quantities",
    "confidence",
}


def test_help_lists_all_twelve_commands() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    listed = {
        line.split()[0]
        for line in result.stdout.splitlines()
        if line.startswith("  ") and line.split()
    }
    assert set(COMMANDS) <= listed
    for command in COMMANDS:
        sub = runner.invoke(app, [command, "--help"])
        assert sub.exit_code == 0, command
        assert "--db" in sub.stdout or (command == "docs" and "show" in sub.stdout), command


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert runner.invoke(app, ["ingest"]).exit_code == 2  # no PATH
    assert runner.invoke(app, ["events", "--format", "yaml"]).exit_code == 2
    assert (
        runner.invoke(app, ["events", "--type", "HUGS", "--db", str(tmp_path / "s")]).exit_code == 2
    )


def test_ingest_folder_with_bad_inputs(write: Callable[..., Path], tmp_path: Path) -> None:
    """Acceptance: a folder with a binary file and a broken JSONL line exits 1, names both with
    their reason, stores everything else; running it again stores nothing new."""
    write("in/good.txt", ARTICLE_EN)
    write("in/deutsch.txt", ARTICLE_DE)
    write("in/blob.bin", bytes(range(256)) * 4)
    write("in/image.txt", b"\x00\x01\x02binary\x00")
    write(
        "in/feed.jsonl",
        json.dumps({"title": "ok", "text": "Iran sent drones to Russia in 2023."})
        + "\n{broken json\n",
    )
    db = tmp_path / "s.duckdb"
    first = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", str(db)])
    assert first.exit_code == 1
    assert "blob.bin" in first.stderr and "PW-INGEST-007" in first.stderr
    assert "image.txt" in first.stderr and "PW-INGEST-003" in first.stderr
    assert "feed.jsonl:2" in first.stderr and "PW-INGEST-005" in first.stderr
    docs = [
        json.loads(line)
        for line in runner.invoke(
            app, ["docs", "--db", str(db), "--format", "jsonl"]
        ).stdout.splitlines()
    ]
    assert sorted(d["status"] for d in docs) == ["error"] * 3 + ["ok"] * 3
    assert all(set(d) == DOCUMENT_KEYS for d in docs)
    assert {d["language"] for d in docs if d["status"] == "ok"} == {"en", "de"}

    again = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", str(db)])
    assert again.exit_code == 1
    assert "0 new" in again.stderr and "3 already stored" in again.stderr
    docs_again = runner.invoke(app, ["docs", "--db", str(db), "--format", "jsonl"]).stdout
    assert sorted(json.loads(x)["id"] for x in docs_again.splitlines()) == sorted(
        d["id"] for d in docs
    )


def test_docs_show_and_events_shapes(write: Callable[..., Path], tmp_path: Path) -> None:
    write("in/good.txt", ARTICLE_EN)
    db = str(tmp_path / "s.duckdb")
    assert runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", db]).exit_code == 0
    (doc,) = [
        json.loads(line)
        for line in runner.invoke(
            app, ["docs", "--db", db, "--format", "jsonl"]
        ).stdout.splitlines()
    ]
    shown = runner.invoke(app, ["docs", "show", doc["id"][:6], "--db", db])
    assert shown.exit_code == 0
    assert "title: Pyongyang ships fuel tanks to Moscow" in shown.stdout
    assert "armoured vehicles to Russia" in shown.stdout
    full = json.loads(
        runner.invoke(app, ["docs", "show", doc["id"], "--db", db, "--format", "jsonl"]).stdout
    )
    events = [
        json.loads(line) for line in runner.invoke(app, ["events", "--db", db]).stdout.splitlines()
    ]
    assert events and all(set(e) == EVENT_KEYS for e in events)
    shipment = next(e for e in events if e["type"] == "AID")
    assert (shipment["source"], shipment["target"], shipment["modality"]) == (
        "PRK",
        "RUS",
        "reported",
    )
    assert (
        full["text"][shipment["span"]["start"] : shipment["span"]["end"]]
        == shipment["span"]["text"]
    )
    speculative = [e for e in events if e["modality"] == "speculative"]
    assert speculative, "the 'could ask ... if' sentence is speculative"
    assert runner.invoke(app, ["events", "--db", db, "--actor", "irn"]).stdout == ""
    csv_out = runner.invoke(app, ["events", "--db", db, "--format", "csv"]).stdout
    assert csv_out.splitlines()[0].startswith("id,doc_id")
    plover = [
        json.loads(line)
        for line in runner.invoke(
            app, ["events", "--db", db, "--format", "plover"]
        ).stdout.splitlines()
    ]
    record = next(r for r in plover if r["id"] == shipment["id"])
    assert (record["event"], record["source"][0]["code"], record["target"][0]["code"]) == (
        "AID",
        "PRK",
        "RUS",
    )
    assert record["pactwatch"]["modality"] == "reported"
    assert record["pactwatch"]["span"]["start"] == shipment["span"]["start"]
    assert "stripped" in full
    network = tmp_path / "actors.graphml"
    assert (
        runner.invoke(
            app, ["export", "--format", "graphml", "-o", str(network), "--db", db]
        ).exit_code
        == 0
    )
    graph = ET.parse(network).getroot()[-1]  # noqa: S314 (a file this test wrote)
    edges = {
        (e.get("source"), e.get("target"), e.find("{*}data[@key='type']").text)  # type: ignore[union-attr]
        for e in graph.iter("{http://graphml.graphdrawing.org/xmlns}edge")
    }
    assert ("PRK", "RUS", "AID") in edges
    for fmt in ("plover", "csv"):
        out = tmp_path / f"events.{fmt}"
        assert (
            runner.invoke(app, ["export", "--format", fmt, "-o", str(out), "--db", db]).exit_code
            == 0
        )
        assert out.read_text("utf-8").strip()
    assert runner.invoke(app, ["docs", "show", "zzzz", "--db", db]).exit_code == 1


def test_jsonl_on_stdin(tmp_path: Path) -> None:
    db = str(tmp_path / "s.duckdb")
    line = json.dumps({"url": "https://x.example/9", "text": "Iran sent drones to Russia in 2022."})
    result = runner.invoke(app, ["ingest", "-", "--db", db], input=line + "\n")
    assert result.exit_code == 0
    (doc,) = [
        json.loads(x)
        for x in runner.invoke(app, ["docs", "--db", db, "--format", "jsonl"]).stdout.splitlines()
    ]
    assert doc["url"] == "https://x.example/9" and doc["path"] is None


def _console_script() -> str:
    return str(Path(sys.executable).with_name("pactwatch"))


@pytest.mark.slow
def test_brief_from_an_empty_directory_uses_the_bundled_corpus(tmp_path: Path) -> None:
    result = subprocess.run(
        [_console_script(), "brief", "-q"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "briefing.html").read_text(encoding="utf-8")
    assert "written by the pactwatch" in html  # says plainly it is a demonstration corpus
    assert "bundled sample corpus" in result.stderr and "events" in result.stderr
    assert (tmp_path / "briefing.duckdb").exists()


def test_brief_on_paths_builds_a_fresh_store_per_run(
    write: Callable[..., Path], tmp_path: Path
) -> None:
    write("a/one.txt", ARTICLE_EN)
    write("b/two.txt", ARTICLE_DE)
    out = tmp_path / "out" / "report.html"
    assert runner.invoke(app, ["brief", str(tmp_path / "a"), "-o", str(out)]).exit_code == 0
    assert "Pyongyang ships fuel tanks" in out.read_text(encoding="utf-8")
    assert runner.invoke(app, ["brief", str(tmp_path / "b"), "-o", str(out)]).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert (
        "Nordkorea liefert" in html and "Pyongyang ships fuel tanks" not in html
    )  # runs never mix
    assert "Demonstration corpus" not in html


def test_brief_will_not_overwrite_a_foreign_file(
    write: Callable[..., Path], tmp_path: Path
) -> None:
    write("a/one.txt", ARTICLE_EN)
    precious = write("report.duckdb", "my own data")
    result = runner.invoke(app, ["brief", str(tmp_path / "a"), "-o", str(tmp_path / "report.html")])
    assert result.exit_code == 1 and "PW-STORE-002" in result.stderr
    assert precious.read_text() == "my own data"


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("pactwatch ")


def test_conflicts_and_check_on_the_command_line(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        json.dumps(
            {
                "id": "a",
                "url": "https://test.example/a",
                "published": "2025-01-10",
                "text": "Russia and North Korea signed the partnership treaty on 19 June 2023.",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "s.duckdb")
    assert runner.invoke(app, ["ingest", str(corpus), "--db", db]).exit_code == 0
    result = runner.invoke(app, ["conflicts", "--db", db])
    assert result.exit_code == 0
    (conflict,) = json.loads(result.stdout)
    assert set(conflict) == {"kind", "subject", "slot", "values", "reference", "explanation"}
    assert conflict["kind"] == "reference" and conflict["reference"]["value"] == "2024-06-19"
    source = conflict["values"][0]["sources"][0]
    assert source["url"] == "https://test.example/a" and "2023" in source["span"]["text"]
    text = runner.invoke(app, ["conflicts", "--db", db, "--format", "text"])
    assert "[reference] treaty PRK-RUS signed_on" in text.stdout
    verdict = runner.invoke(
        app,
        [
            "check",
            "The partnership treaty was signed on June 19, 2023",
            "--db",
            db,
            "--format",
            "json",
        ],
    )
    assert verdict.exit_code == 0
    found = json.loads(verdict.stdout)
    assert set(found) == {"statement", "claim", "verdict", "evidence", "explanation"}
    assert found["verdict"] == "contradicted"
    stances = {e["stance"] for e in found["evidence"]}
    assert stances == {"contradicts", "supports"}  # the record against; the stored span for
    plain = runner.invoke(app, ["check", "North Korea sent troops to Russia", "--db", db])
    assert plain.exit_code == 0 and plain.stdout.split(":")[0] in {"SUPPORTED", "CANNOT_DECIDE"}
    missing = runner.invoke(app, ["conflicts", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 1 and "no store" in missing.stderr
    assert runner.invoke(app, ["conflicts", "--db", db, "--format", "csv"]).exit_code == 2
