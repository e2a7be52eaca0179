"""Loading coded commitments: every YAML file under data/commitments/, plus any a user names.

A file that does not fit the schema is refused with a message naming the file, the provision
(article) and the field."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from pactwatch.commitments.schema import Commitment
from pactwatch.commitments.yamlfile import field_path, problems, read_yaml
from pactwatch.errors import PactwatchError


class CommitmentError(PactwatchError):
    code = "PW-COMMIT-001"


def _where(data: Any, loc: tuple[Any, ...]) -> str:
    """'provision 2 (article 4), field conditions.all.0.armed_attack.by' from a pydantic loc."""
    if len(loc) >= 2 and loc[0] == "provisions" and isinstance(loc[1], int):
        try:
            article = data["provisions"][loc[1]].get("article", "?")
        except (KeyError, IndexError, TypeError, AttributeError):
            article = "?"
        rest = ".".join(str(p) for p in loc[2:]) or "(the provision)"
        return f"provision {loc[1] + 1} (article {article}), field {rest}"
    return field_path(loc)


def parse_commitment(data: Any, origin: str) -> Commitment:
    try:
        return Commitment.model_validate(data)
    except ValidationError as exc:
        raise CommitmentError(f"{origin}: {problems(exc, lambda loc: _where(data, loc))}") from exc


def load_commitment_file(path: str | Path) -> Commitment:
    path = Path(path)
    return parse_commitment(read_yaml(path, CommitmentError), str(path))


def _packaged_files() -> list[Path]:
    folder = Path(str(resources.files("pactwatch").joinpath("data", "commitments")))
    return sorted(folder.glob("*.yaml"))


@lru_cache(maxsize=1)
def _packaged() -> tuple[Commitment, ...]:
    return tuple(load_commitment_file(p) for p in _packaged_files())


def load_commitments(extra: Iterable[str | Path] = ()) -> list[Commitment]:
    found = list(_packaged())
    found += [load_commitment_file(p) for p in extra]
    ids = [c.id for c in found]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise CommitmentError(f"commitment ids used twice: {duplicates}")
    return found


def to_yaml(commitment: Commitment) -> str:
    # exclude_defaults drops optional fields left empty; a required null (a procedural
    # article's obligation) stays.
    data = commitment.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
