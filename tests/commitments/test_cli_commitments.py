"""The commitment commands as a user runs them: treaties, scenario, obligations, export atop."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from typer.testing import CliRunner

from pactwatch.cli import app

runner = CliRunner()
SCENARIOS = Path(__file__).resolve().parents[2] / "examples" / "scenarios"
FINDING_KEYS = {
    "commitment",
    "article",
    "obligated",
    "beneficiary",
    "obligation",
    "status",
    "interpretations",
    "date_variants",
    "explanation",
    "sources",
    "cascade_step",
}


def test_treaties_list_show_and_usage() -> None:
    listed = runner.invoke(app, ["treaties", "list"])
    assert listed.exit_code == 0
    assert "rus-prk-2024" in listed.stdout
    shown = runner.invoke(app, ["treaties", "show", "rus-prk-2024"])
    assert shown.exit_code == 0
    assert "article: '4'" in shown.stdout and "armed_attack" in shown.stdout
    assert runner.invoke(app, ["treaties", "show"]).exit_code == 2
    assert runner.invoke(app, ["treaties", "show", "nope"]).exit_code == 1
    diffed = runner.invoke(
        app, ["treaties", "diff", "rus-prk-2024", "rus-prk-2024", "--format", "json"]
    )
    rows = json.loads(diffed.stdout)["provisions"]
    assert all(r["same_conditions"] for r in rows if r["a"] and r["b"])


def test_scenario_json_is_a_list_of_findings_in_design_shape() -> None:
    result = runner.invoke(
        app, ["scenario", str(SCENARIOS / "crimea-strike.yaml"), "--format", "json"]
    )
    assert result.exit_code == 0
    findings = json.loads(result.stdout)
    assert findings and all(set(f) == FINDING_KEYS for f in findings)
    art4 = next(
        f
        for f in findings
        if f["commitment"] == "rus-prk-2024" and f["article"] == "4" and f["obligated"] == "PRK"
    )
    assert art4["status"] == "contested"


def test_scenario_one_interpretation_and_errors(tmp_path: Path) -> None:
    one = runner.invoke(
        app,
        [
            "scenario",
            str(SCENARIOS / "kursk-2025.yaml"),
            "--interpretation",
            "parties",
            "--format",
            "json",
        ],
    )
    art4 = next(
        f for f in json.loads(one.stdout) if f["article"] == "4" and f["obligated"] == "PRK"
    )
    assert art4["interpretations"] == {"parties": "activated"}
    assert art4["status"] == "activated"
    assert (
        runner.invoke(
            app, ["scenario", str(SCENARIOS / "kursk-2025.yaml"), "--interpretation", "mine"]
        ).exit_code
        == 2
    )
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\ndate: not-a-date\n", encoding="utf-8")
    failed = runner.invoke(app, ["scenario", str(bad)])
    assert failed.exit_code == 1
    assert "PW-SCENARIO-001" in failed.stderr and "field date" in failed.stderr


def test_cascade_text_shows_the_chain() -> None:
    result = runner.invoke(app, ["scenario", str(SCENARIOS / "kursk-2025.yaml"), "--cascade"])
    assert result.exit_code == 0
    assert (
        "cascade:" in result.stdout
        and "new event: PRK ASSAULT/armed_attack -> UKR at Kursk" in result.stdout
    )


def test_obligations_from_the_evidence(tmp_path: Path) -> None:
    """An asserted attack read from an article becomes a scenario; its date decides the treaty."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "---\ntitle: Incursion\npublished: 2024-08-07\n---\n"
        "Ukrainian forces attacked Russia in the Kursk region on 6 August 2024.\n"
        "Officials said North Korea could send troops if the fighting continues.\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "s.duckdb")
    assert runner.invoke(app, ["ingest", str(folder), "--db", db]).exit_code == 0
    later = runner.invoke(
        app, ["obligations", "--db", db, "--as-of", "2025-01-15", "--format", "json"]
    )
    assert later.exit_code == 0
    assert "1 events" in later.stderr  # the speculative sentence is not evidence of an event
    art4 = next(
        f for f in json.loads(later.stdout) if f["article"] == "4" and f["obligated"] == "PRK"
    )
    assert art4["interpretations"]["parties"] == "activated"
    earlier = runner.invoke(
        app, ["obligations", "--db", db, "--as-of", "2024-09-01", "--format", "json"]
    )
    art4_then = next(
        f for f in json.loads(earlier.stdout) if f["article"] == "4" and f["obligated"] == "PRK"
    )
    assert art4_then["status"] == "not_activated"
    assert runner.invoke(app, ["obligations", "--db", db, "--as-of", "soon"]).exit_code == 2


def test_export_atop(tmp_path: Path) -> None:
    out = tmp_path / "atop.csv"
    result = runner.invoke(app, ["export", "--format", "atop", "-o", str(out)])
    assert result.exit_code == 0
    rows = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    mine = [r for r in rows if r["atopid"] == "rus-prk-2024"]
    assert {r["member"] for r in mine} == {"RUS", "PRK"}
    assert all(r["defense"] == "1" and r["consul"] == "1" for r in mine)
