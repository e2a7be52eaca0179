"""Docs that must not drift from the code: error codes and the CLI reference."""

from __future__ import annotations

from pathlib import Path

from pactwatch.errors import CODES
from pactwatch.tools.cli_reference import render

ROOT = Path(__file__).resolve().parents[1]


def test_every_error_code_is_documented() -> None:
    text = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    for code in CODES:
        assert f"`{code}`" in text, code


def test_cli_reference_is_generated_from_the_code() -> None:
    checked_in = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert checked_in == render(), (
        "docs/cli.md is stale: run `./run python -m pactwatch.tools.cli_reference`"
    )
