"""Commitments as data: treaties and UN Security Council sanctions regimes, their provisions, and
conditions written as data and combined with all / any / not.

A condition is a mapping with exactly one key: a combinator (``all``, ``any``, ``not``) or a
predicate (``armed_attack``, ``state_of_war``, ``not_aggressor``, ``threat``, ``mobilisation``,
``request``, ``flow``, ``in_force``, ``question``). docs/commitments.md describes each one.

Party references used inside conditions: ``beneficiary`` (the party the obligation protects),
``obligated`` (the party that owes it), ``party`` (any party of the commitment), ``other_party``,
``any`` (anyone at all), or a state code such as ``BEL``.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

Obligation = Literal[
    "defense",
    "offense",
    "neutrality",
    "consultation",
    "non_aggression",
    "non_alliance",
    "prohibition",
    "limit",
]
PartyRef = str  # beneficiary | obligated | party | other_party | any | a state code


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Where(_Strict):
    """Where an attack must happen: a party's territory, a named area, or listed places."""

    territory_of: PartyRef | None = None
    area: str | None = None
    places: list[str] | None = None


class ArmedAttack(_Strict):
    against: PartyRef = "beneficiary"  # (not "on": YAML 1.1 reads a bare `on` as true)
    by: list[str] | Literal["any"] = "any"  # named powers, or any power
    by_at_least: int = Field(default=1, ge=1)  # "two or more powers"
    supported_by: list[str] | None = None  # the attacker is supported by one of these powers
    where: Where | None = None


class PartyOnly(_Strict):
    party: PartyRef = "beneficiary"


class Threat(_Strict):
    against: PartyRef = "beneficiary"
    by: list[str] | Literal["any"] = "any"


class Mobilisation(_Strict):
    by: list[str] | Literal["any"] = "any"


class Request(_Strict):
    by: PartyRef = "beneficiary"


class Cap(_Strict):
    value: float
    unit: str
    per: Literal["year", "total"] = "year"


class Flow(_Strict):
    """A flow of goods or people; with a cap it is a limit, without one any flow counts."""

    from_: PartyRef = Field(default="any", alias="from")
    to: PartyRef = "any"
    modes: list[str]
    item: str | None = None  # a word the flow's item must contain ("refined petroleum")
    cap: Cap | None = None


class Condition(_Strict):
    _key: str = PrivateAttr(default="")
    all_: list[Condition] | None = Field(default=None, alias="all")
    any_: list[Condition] | None = Field(default=None, alias="any")
    not_: Condition | None = Field(default=None, alias="not")
    armed_attack: ArmedAttack | None = None
    state_of_war: PartyOnly | None = None
    not_aggressor: PartyOnly | None = None
    threat: Threat | None = None
    mobilisation: Mobilisation | None = None
    request: Request | None = None
    flow: Flow | None = None
    in_force: bool | None = None
    question: str | None = None  # a named question answered by an interpretation or assumption

    @model_validator(mode="after")
    def _exactly_one(self) -> Condition:
        set_keys = [k for k, v in self.__dict__.items() if v is not None]
        if len(set_keys) != 1:
            keys = ", ".join(k.rstrip("_") for k in set_keys) or "none"
            raise ValueError(f"a condition has exactly one key; found: {keys}")
        self._key = set_keys[0].rstrip("_")
        return self

    @property
    def key(self) -> str:
        """The condition's one key: a combinator or a predicate name."""
        return self.__pydantic_private__["_key"]  # type: ignore[no-any-return,index]


class Provision(_Strict):
    article: str
    title: str | None = None
    summary: str  # our words
    quote: str | None = None  # a short key legal phrase, attributed by the sources
    obligation: Obligation | None  # None: a procedural article (entry into force, duration)
    obligated: list[str] | Literal["parties", "members"] = "parties"
    beneficiary: PartyRef | Literal["other", "attacked"] | None = "other"
    conditions: Condition | None = None
    effective_from: dt.date | None = None  # when this provision starts, if later than the whole
    effective_until: dt.date | None = None
    sources: list[str] = Field(min_length=1)
    notes: str | None = None


class DateVariant(_Strict):
    name: str
    from_: dt.date | None = Field(default=None, alias="from")
    until: dt.date | None = None
    note: str
    sources: list[str] = Field(min_length=1)


class InForce(_Strict):
    from_: dt.date = Field(alias="from")
    until: dt.date | None = None
    renewal: str
    variants: list[DateVariant] = Field(default_factory=list)
    sources: list[str] = Field(min_length=1)


class Member(_Strict):
    code: str
    from_: dt.date | None = Field(default=None, alias="from")
    until: dt.date | None = None


class Commitment(_Strict):
    id: str
    kind: Literal["treaty", "un_sanctions"]
    title: str
    short: str
    parties: list[Member]  # for a UN regime: the UN Security Council, which binds all members
    signed: dt.date
    in_force: InForce
    supersedes: list[str] = Field(default_factory=list)
    areas: dict[str, list[str]] = Field(default_factory=dict)  # named areas: states and places
    sources: list[str] = Field(min_length=1)
    provisions: list[Provision] = Field(min_length=1)
    atop: dict[str, int] = Field(default_factory=dict)  # ATOP-style flags, where we coded them

    def members_on(self, day: dt.date) -> list[str]:
        return [
            m.code
            for m in self.parties
            if (m.from_ is None or m.from_ <= day) and (m.until is None or day <= m.until)
        ]
