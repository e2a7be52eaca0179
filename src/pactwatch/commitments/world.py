"""What the evaluator needs beyond the treaties: named interpretations, places with their owner
per interpretation, and who is the aggressor in a conflict per interpretation."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from pactwatch.actors import load_registry


@dataclass(frozen=True)
class Interpretation:
    name: str
    title: str
    description: str
    answers: dict[str, Any]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Place:
    name: str
    state: str | None
    owner: dict[str, str]  # interpretation -> state, for contested places
    note: str | None

    def owner_under(self, interpretation: str) -> str | None:
        return self.owner.get(interpretation, self.state)


@dataclass(frozen=True)
class Conflict:
    name: str
    between: frozenset[str]
    since: dt.date
    aggressor: dict[str, str | None]
    sources: tuple[str, ...]


@dataclass(frozen=True, eq=False)
class World:
    interpretations: dict[str, Interpretation]
    questions: dict[str, str]
    places: dict[str, Place]  # lowercase name or alias -> place
    conflicts: tuple[Conflict, ...]

    def place(self, name: str) -> Place | None:
        return _place(self, name)

    def conflict(self, a: str, b: str, on: dt.date) -> Conflict | None:
        for conflict in self.conflicts:
            if {a, b} <= conflict.between and conflict.since <= on:
                return conflict
        return None


@lru_cache(maxsize=4096)
def _place(world: World, name: str) -> Place | None:
    found = world.places.get(name.lower().strip())
    if found is not None:
        return found
    # A state named directly ("Russia", "RUS") is its own territory.
    hit = load_registry().lookup(name.strip())
    code = hit[0].code if hit else (name if name.isupper() and len(name) == 3 else None)
    return Place(name=name, state=code, owner={}, note=None) if code else None


def _read(name: str) -> Any:
    return yaml.safe_load(resources.files("pactwatch").joinpath("data", name).read_text("utf-8"))


@lru_cache(maxsize=1)
def load_world() -> World:
    data = _read("interpretations.yaml")
    interpretations = {
        name: Interpretation(
            name=name,
            title=entry["title"],
            description=" ".join(entry["description"].split()),
            answers=dict(entry["answers"]),
            sources=tuple(entry.get("sources", [])),
        )
        for name, entry in data["interpretations"].items()
    }
    conflicts = tuple(
        Conflict(
            name=c["name"],
            between=frozenset(c["between"]),
            since=c["since"],
            aggressor=dict(c["aggressor"]),
            sources=tuple(c.get("sources", [])),
        )
        for c in data.get("conflicts", [])
    )
    places: dict[str, Place] = {}
    for name, entry in _read("places.yaml")["places"].items():
        place = Place(
            name=name,
            state=entry.get("state"),
            owner=dict(entry.get("owner") or {}),
            note=entry.get("note"),
        )
        for alias in [name, *(entry.get("aliases") or [])]:
            places[alias.lower()] = place
    return World(interpretations, dict(data["questions"]), places, conflicts)
