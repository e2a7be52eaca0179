"""Reading a YAML data file into a pydantic model, with coded errors that say where it is wrong."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from pactwatch.errors import PactwatchError

Where = Callable[[tuple[Any, ...]], str]


def field_path(loc: tuple[Any, ...]) -> str:
    return "field " + (".".join(str(p) for p in loc) or "(top level)")


def read_yaml(path: Path, error: type[PactwatchError]) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise error(f"{path}: cannot read: {exc}") from exc


def problems(exc: ValidationError, where: Where = field_path, limit: int = 5) -> str:
    """'field date: Input should be a valid date; ...' for the first few errors."""
    return "; ".join(f"{where(tuple(e['loc']))}: {e['msg']}" for e in exc.errors()[:limit])
