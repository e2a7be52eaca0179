"""The curated record: sourced facts from data/reference/*.yaml, and treaty dates read from the
commitment files (their single home).

A fact speaks in the claims vocabulary (subject, slot, value). Five kinds:

- ``value``: one slot with one or more dated variants (``main``, ``contested``, ``error``);
- ``event``: something that happened on a date ("the veto of 28 March 2024");
- ``estimates``: amounts by month of the estimate, each with who made it;
- ``statements``: what a party said when (a denial, then an acknowledgement);
- ``absent``: what the record does not show, and what it shows instead.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from pactwatch.commitments import Commitment, load_commitments
from pactwatch.errors import PactwatchError
from pactwatch.model import Range


class ReferenceError(PactwatchError):
    code = "PW-REF-001"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _text(value: Any) -> Any:
    """YAML reads 2024-11-09 as a date: the record keeps dates as text at their precision."""
    return value.isoformat() if isinstance(value, dt.date) else value


class Variant(_Strict):
    value: str
    status: Literal["main", "contested", "error"] = "main"
    note: str | None = None
    sources: list[str] = Field(min_length=1)

    _as_text = field_validator("value", mode="before")(_text)


class Estimate(_Strict):
    as_of: str
    value: float | Range
    by: str | None = None
    status: Literal["main", "contested", "error"] = "main"
    note: str | None = None
    sources: list[str] = Field(min_length=1)

    _as_text = field_validator("as_of", mode="before")(_text)


class Statement(_Strict):
    date: str
    by: str | None
    polarity: Literal["positive", "negative"]
    note: str | None = None
    sources: list[str] = Field(min_length=1)

    _as_text = field_validator("date", mode="before")(_text)


class Fact(_Strict):
    id: str
    subject: list[str]
    slot: str
    kind: Literal["value", "event", "estimates", "statements", "absent"]
    date: str | None = None
    as_of: str | None = None
    place: str | None = None
    treaty: str | None = None
    one_way: bool = False
    note: str | None = None
    values: list[Variant] = Field(default_factory=list)
    estimates: list[Estimate] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    origin: str = "reference"  # "reference" or "commitment:<id>"

    _dates = field_validator("date", "as_of", mode="before")(_text)

    @field_validator("subject", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value

    def urls(self) -> list[str]:
        found = list(self.sources)
        parts: list[Variant | Estimate | Statement] = [
            *self.values,
            *self.estimates,
            *self.statements,
        ]
        for part in parts:
            found += [u for u in part.sources if u not in found]
        return found


def _check(fact: Fact, where: str) -> None:
    needs = {
        "value": bool(fact.values),
        "event": fact.date is not None and bool(fact.sources),
        "estimates": bool(fact.estimates),
        "statements": bool(fact.statements),
        "absent": bool(fact.sources),
    }
    if not needs[fact.kind]:
        raise ReferenceError(f"{where}: fact {fact.id!r} of kind {fact.kind} lacks its content")


def _read_file(path: Path | Any) -> list[Fact]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ReferenceError(f"{path}: cannot read the record file ({exc})") from exc
    facts = []
    for number, entry in enumerate((data or {}).get("facts") or [], 1):
        try:
            fact = Fact.model_validate(entry)
        except ValidationError as exc:
            first = exc.errors()[0]
            loc = ".".join(str(p) for p in first["loc"])
            raise ReferenceError(f"{path}: fact {number}: {loc}: {first['msg']}") from exc
        _check(fact, str(path))
        facts.append(fact)
    return facts


def treaty_facts(commitments: list[Commitment]) -> list[Fact]:
    """Signing and entry-into-force dates of every treaty, from its commitment file."""
    facts = []
    for commitment in commitments:
        if commitment.kind != "treaty":
            continue
        # the parties that signed it (the 1961 treaty's Soviet party, not its successor), else
        # those bound when it entered into force
        signers = commitment.members_on(commitment.signed) or commitment.members_on(
            commitment.in_force.from_
        )
        parties = "-".join(sorted(signers or {m.code for m in commitment.parties}))
        origin = f"commitment:{commitment.id}"
        signed = Variant(value=commitment.signed.isoformat(), sources=commitment.sources)
        facts.append(
            Fact(
                id=f"{commitment.id}-signed",
                subject=[f"treaty {parties}"],
                slot="signed_on",
                kind="value",
                treaty=commitment.id,
                note=commitment.title,
                values=[signed],
                origin=origin,
            )
        )
        in_force = Variant(
            value=commitment.in_force.from_.isoformat(), sources=commitment.in_force.sources
        )
        facts.append(
            Fact(
                id=f"{commitment.id}-in-force",
                subject=[f"treaty {parties}"],
                slot="in_force_on",
                kind="value",
                treaty=commitment.id,
                note=commitment.title,
                values=[in_force],
                origin=origin,
            )
        )
    return facts


def _packaged() -> list[Path]:
    folder = Path(str(resources.files("pactwatch").joinpath("data", "reference")))
    return sorted(folder.glob("*.yaml"))


@lru_cache(maxsize=1)
def _packaged_record() -> tuple[Fact, ...]:
    facts = [f for path in _packaged() for f in _read_file(path)]
    return tuple(treaty_facts(load_commitments()) + facts)


def load_reference(extra: list[str | Path] | tuple[str | Path, ...] = ()) -> list[Fact]:
    """The record: treaty dates from the commitment files, the packaged facts, and the facts in
    any ``extra`` files (same format). A fact id used twice is an error."""
    facts = list(_packaged_record())
    for path in extra:
        facts += _read_file(Path(path))
    ids = [f.id for f in facts]
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if twice:
        raise ReferenceError(f"record fact ids used twice: {twice}")
    return facts
