"""Scenarios: a date, events in the extracted-event vocabulary, assumptions and readings to use."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from pactwatch.commitments.yamlfile import problems, read_yaml
from pactwatch.errors import PactwatchError


class ScenarioQuantity(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    item: str | None = None


class ScenarioEvent(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    source: str
    target: str | None = None
    type: str
    mode: str | None = None
    location: str | None = None
    supplied_by: list[str] = Field(default_factory=list)
    quantities: list[ScenarioQuantity] = Field(default_factory=list)
    date: str | None = None  # YYYY[-MM[-DD]]; the scenario date when absent
    polarity: str = "positive"
    cause: str | None = None  # for cascade events: the finding that produced it
    evidence: str | None = None  # for events built from the store: the event id

    def describe(self) -> str:
        where = f" at {self.location}" if self.location else ""
        by = f" (supplied by {', '.join(self.supplied_by)})" if self.supplied_by else ""
        return f"{self.source} {self.type}/{self.mode or '-'} -> {self.target or '?'}{where}{by}"


class Scenario(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str
    date: dt.date
    description: str | None = None
    events: list[ScenarioEvent] = Field(default_factory=list)
    assumptions: dict[str, Any] = Field(default_factory=dict)
    interpretations: list[str] | None = None  # default: all defined


class ScenarioError(PactwatchError):
    code = "PW-SCENARIO-001"


def load_scenario(path: str | Path) -> Scenario:
    path = Path(path)
    data = read_yaml(path, ScenarioError)
    try:
        return Scenario.model_validate(data)
    except ValidationError as exc:
        raise ScenarioError(f"{path}: {problems(exc, limit=3)}") from exc
