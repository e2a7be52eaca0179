"""One options object: every setting has a default, a comment in settings.toml, and a doc entry."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from pactwatch.settings import Settings, defaults_text, load_settings

DOCS = Path(__file__).resolve().parents[1] / "docs" / "settings.md"


def _keys() -> list[tuple[str, str]]:
    return [(s.name, f.name) for s in fields(Settings) for f in fields(getattr(Settings(), s.name))]


def test_every_setting_is_commented_in_the_defaults_file_and_documented() -> None:
    text = defaults_text()
    docs = DOCS.read_text(encoding="utf-8")
    for section, name in _keys():
        block = text.split(f"[{section}]", 1)[1].split("\n[", 1)[0]
        match = re.search(rf"((?:#.*\n)+){name} = ", block)
        assert match, f"{section}.{name} has no comment above it in settings.toml"
        assert f"`{section}.{name}`" in docs, f"{section}.{name} is not in docs/settings.md"


def test_defaults_file_matches_the_dataclass_defaults() -> None:
    assert load_settings({}) == Settings()


def test_environment_overrides_and_unknown_settings(tmp_path: Path) -> None:
    settings = load_settings(
        {"PACTWATCH_NLP_MODELS": "a,b", "PACTWATCH_INGEST_MAX_FILE_BYTES": "10"}
    )
    assert settings.nlp.models == ("a", "b")
    assert settings.ingest.max_file_bytes == 10
    user = tmp_path / "mine.toml"
    user.write_text("[nlp]\nbatch_size = 4\nspeed = 9\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown setting"):
        load_settings({"PACTWATCH_SETTINGS": str(user)})
