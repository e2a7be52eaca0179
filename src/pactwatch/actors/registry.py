"""The actor registry (data/actors.yaml) and the linking of mentions in a parsed document.

A mention is a run of tokens matching a name, adjective, metonym, role body or person's name. People
link to the state they served for the date in question (the event's, else the document's), so
"Kim" in 1961 is Kim Il Sung's North Korea and in 2024 Kim Jong Un's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

_MIN_DATE = dt.date(1, 1, 1)
_MAX_DATE = dt.date(9999, 12, 31)


@dataclass(frozen=True)
class ActorRef:
    code: str
    role: str | None = None

    def __str__(self) -> str:
        return f"{self.code}.{self.role}" if self.role else self.code


@dataclass(frozen=True)
class _Alias:
    code: str
    role: str | None
    kind: str  # name | adjective | metonym | role | person
    valid_from: dt.date = _MIN_DATE
    valid_to: dt.date = _MAX_DATE
    person: str | None = None


@dataclass(frozen=True)
class Mention:
    start: int  # token index
    end: int  # token index, exclusive
    ref: ActorRef
    kind: str
    text: str


def _date(value: Any, default: dt.date) -> dt.date:
    if value is None:
        return default
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


class Registry:
    def __init__(self, data: dict[str, Any]) -> None:
        self.names: dict[str, str] = {}
        self.role_words: dict[str, str] = {}
        self._aliases: dict[str, list[_Alias]] = {}
        # successor -> (predecessor, last day of the predecessor): "Moscow" in 1961 is the USSR.
        self._predecessors: dict[str, tuple[str, dt.date]] = {}
        self.until: dict[str, dt.date] = {}  # the last day of a state that no longer exists
        self._collective = set(data.get("organisations") or {}) | set(data.get("groups") or {})
        for section in ("states", "organisations"):
            for code, entry in (data.get(section) or {}).items():
                self.names[code] = entry["name"]
                if entry.get("until"):
                    self.until[code] = _date(entry["until"], _MAX_DATE)
                if entry.get("succeeded_by") and entry.get("until"):
                    self._predecessors[entry["succeeded_by"]] = (
                        code,
                        _date(entry["until"], _MAX_DATE),
                    )
                for kind, key in (
                    ("name", "names"),
                    ("adjective", "adjectives"),
                    ("metonym", "metonyms"),
                ):
                    for alias in (entry.get(key) or {}).get("en", []):
                        role = "GOV" if kind == "metonym" else None
                        self._add(alias, _Alias(code=code, role=role, kind=kind))
        self._members: dict[str, list[tuple[str, dt.date, dt.date]]] = {}
        self._add_groups(data.get("groups") or {})
        for entry in data.get("roles") or []:
            for alias in entry["names"]:
                self._add(alias, _Alias(code=entry["actor"], role=entry["role"], kind="role"))
        for role, words in (data.get("role_words") or {}).items():
            for word in words:
                self.role_words[word.lower()] = role
        for person in data.get("people") or []:
            entry = _Alias(
                code=person["actor"],
                role=person.get("role"),
                kind="person",
                valid_from=_date(person.get("from"), _MIN_DATE),
                valid_to=_date(person.get("to"), _MAX_DATE),
                person=person["name"],
            )
            for alias in [person["name"], *(person.get("aliases") or [])]:
                self._add(alias, entry)

    def _add_groups(self, groups: dict[str, Any]) -> None:
        """Groups are actors ("the West", "European officials") with dated members."""
        for code, entry in groups.items():
            self.names[code] = entry["name"]
            for kind, key in (("name", "names"), ("adjective", "adjectives")):
                for alias in (entry.get(key) or {}).get("en", []):
                    self._add(alias, _Alias(code=code, role=None, kind=kind))
            self._members[code] = [
                (m["actor"], _date(m.get("from"), _MIN_DATE), _date(m.get("to"), _MAX_DATE))
                for m in entry.get("members") or []
            ]

    def _add(self, alias: str, entry: _Alias) -> None:
        self._aliases.setdefault(alias.lower(), []).append(entry)

    @property
    def aliases(self) -> Iterable[str]:
        return self._aliases.keys()

    def lookup(self, text: str, on: dt.date | None = None) -> tuple[ActorRef, str] | None:
        """The actor a mention text stands for on a date, with the kind of alias matched."""
        entries = self._aliases.get(text.lower().strip())
        if not entries:
            return None
        if on is not None:
            current = [e for e in entries if e.valid_from <= on <= e.valid_to]
            entries = current or entries
        # Prefer the entry in office most recently (a later term over an earlier one).
        best = max(entries, key=lambda e: e.valid_from)
        code = best.code
        predecessor = self._predecessors.get(code)
        if predecessor and on is not None and on <= predecessor[1] and best.kind == "metonym":
            code = predecessor[0]
        return ActorRef(code, best.role), best.kind

    def as_of(self, code: str, on: dt.date) -> str:
        """The state a capital stood for on a date: "Moscow" in 1961 is the Soviet Union."""
        predecessor = self._predecessors.get(code)
        return predecessor[0] if predecessor and on <= predecessor[1] else code

    def is_group(self, code: str) -> bool:
        """An organisation or a group of states (NATO, EU, WEST), not a single state."""
        return code in self._collective

    def members(self, group: str, on: dt.date | None = None) -> list[str]:
        """The members of a group (P5, G7, NATO_MEMBERS, EU_MEMBERS, WEST, EUR) on a date, or
        every state ever a member when no date is given."""
        return sorted(
            {
                code
                for code, start, end in self._members.get(group, [])
                if on is None or start <= on <= end
            }
        )

    def role_for(self, word: str) -> str | None:
        return self.role_words.get(word.lower())


def _read(name: str) -> dict[str, Any]:
    text = resources.files("pactwatch").joinpath("data", name).read_text(encoding="utf-8")
    found: dict[str, Any] = yaml.safe_load(text)
    return found


def merge(core: dict[str, Any], world: dict[str, Any]) -> dict[str, Any]:
    """actors.yaml with the world's states and groups (states_world.yaml) added; a state coded
    in both is an error, so that no alias silently changes hands."""
    twice = set(core.get("states") or {}) & set(world.get("states") or {})
    if twice:
        raise ValueError(f"states coded in both actor files: {sorted(twice)}")
    merged = dict(core)
    merged["states"] = {**(core.get("states") or {}), **(world.get("states") or {})}
    merged["groups"] = {**(world.get("groups") or {}), **(core.get("groups") or {})}
    merged["people"] = [*(core.get("people") or []), *(world.get("people") or [])]
    return merged


@lru_cache(maxsize=1)
def load_registry() -> Registry:
    """The registry of data/actors.yaml (the actors of our cases, roles, people),
    data/states_world.yaml (every other state, and groups with dated membership) and
    data/people_world.yaml (office-holders of other states and organisations)."""
    world = _read("states_world.yaml")
    world["people"] = _read("people_world.yaml")["people"]
    return Registry(merge(_read("actors.yaml"), world))
