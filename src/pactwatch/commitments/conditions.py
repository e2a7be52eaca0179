"""Three-valued evaluation of conditions: True, False, or None (undetermined), each with the
reasons, so an explanation can show why a condition held and why it did not."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from pactwatch.commitments.scenario import Scenario, ScenarioEvent
from pactwatch.commitments.schema import ArmedAttack, Commitment, Condition, Flow, Provision
from pactwatch.commitments.world import World

Truth = bool | None
MARK = {True: "yes", False: "no", None: "undetermined"}
_NO_LINES: list[str] = []
_GENERIC_ITEMS = {"oil", "fuel", "barrel", "product", "products", "petroleum"}


@dataclass
class Env:
    """One evaluation: a provision, the party owing it and the one it protects, a reading."""

    commitment: Commitment
    provision: Provision
    obligated: str
    beneficiary: str | None
    scenario: Scenario
    events: list[ScenarioEvent]
    world: World
    interpretation: str
    answers: dict[str, Any]
    day: dt.date
    members_on_day: list[str]
    explain: bool = True  # False: decide truth values only, build no text
    attacks: list[tuple[ScenarioEvent, set[str]]] = field(
        default_factory=list
    )  # (attack, attackers)

    def parties(self, ref: str) -> set[str] | None:
        """The states a reference stands for; None for 'any' (anyone at all)."""
        resolved = self.party(ref)
        if resolved == "any":
            return None
        if resolved == "party":
            return set(self.members())
        return {resolved} if resolved else set()

    def party(self, ref: str) -> str | None:
        """Resolve a party reference; 'any' and 'party' come back as themselves."""
        if ref == "beneficiary":
            return self.beneficiary
        if ref == "obligated":
            return self.obligated
        return ref

    def members(self) -> list[str]:
        return self.members_on_day

    def attacked(self, party: str | None) -> bool:
        """Is any armed attack in the scenario on this party's territory (under this reading)?"""
        return any(
            e.type == "ASSAULT"
            and e.polarity == "positive"
            and self.owner(e)[0] == party
            and e.target in {party, None}
            for e in self.events
        )

    def owner_of(self, event: ScenarioEvent) -> str | None:
        """Whose territory an event happened on, under this reading (`owner` says why)."""
        if not event.location:
            return event.target
        place = self.world.place(event.location)
        return event.target if place is None else place.owner_under(self.interpretation)

    def owner(self, event: ScenarioEvent) -> tuple[str | None, str]:
        """Whose territory an event happened on, under this reading, and why."""
        if not event.location:
            return event.target, "no place given: taken to be the target's own territory"
        place = self.world.place(event.location)
        if place is None:
            return (
                event.target,
                f"{event.location} is not in the places data: taken as the target's territory",
            )
        owner = place.owner_under(self.interpretation)
        if place.owner:
            return owner, f"{place.name} is {owner} territory under '{self.interpretation}'"
        return owner, f"{place.name} is in {owner}"


def evaluate(condition: Condition, env: Env, depth: int = 0) -> tuple[Truth, list[str]]:
    key = condition.key
    pad = "  " * depth
    if key in {"all", "any"}:
        parts = condition.all_ if key == "all" else condition.any_
        assert parts is not None
        results = [evaluate(part, env, depth + 1) for part in parts]
        values = [value for value, _ in results]
        value = _all(values) if key == "all" else _any(values)
        if not env.explain:
            return value, _NO_LINES
        lines = [f"{pad}{key} of {len(parts)} conditions: {MARK[value]}"]
        for _, sub in results:
            lines += sub
        return value, lines
    if key == "not":
        assert condition.not_ is not None
        inner, sub = evaluate(condition.not_, env, depth + 1)
        value = None if inner is None else not inner
        if not env.explain:
            return value, _NO_LINES
        return value, [f"{pad}not: {MARK[value]}", *sub]
    value, why = _PREDICATES[key](getattr(condition, key), env)
    if not env.explain:
        return value, _NO_LINES
    return value, [f"{pad}{key.replace('_', ' ')}: {MARK[value]} — {why}"]


def _all(values: list[Truth]) -> Truth:
    if any(v is False for v in values):
        return False
    return None if any(v is None for v in values) else True


def _any(values: list[Truth]) -> Truth:
    if any(v is True for v in values):
        return True
    return None if any(v is None for v in values) else False


def _attackers(event: ScenarioEvent, env: Env) -> set[str]:
    found = {event.source}
    if event.supplied_by and env.answers.get("supplier_is_belligerent"):
        found |= set(event.supplied_by)
    return found


def _armed_attack(spec: ArmedAttack, env: Env) -> tuple[Truth, str]:
    against = env.party(spec.against)
    wanted = set(env.members()) if against == "party" else ({against} if against else set())
    matched: list[tuple[ScenarioEvent, set[str]]] = []
    misses: list[tuple[ScenarioEvent, str]] = []  # (event, why it does not fit), worded later
    for event in env.events:
        if event.type != "ASSAULT" or event.polarity != "positive":
            continue
        owner = env.owner_of(event)
        attackers = _attackers(event, env)
        if against != "any" and owner not in wanted:
            misses.append((event, "owner"))
            continue
        if against != "any" and event.target is not None and event.target not in wanted:
            # An ally fighting the attacker on the party's soil is not an attack on the party.
            misses.append((event, "aimed"))
            continue
        if spec.by != "any" and not attackers & set(spec.by):
            misses.append((event, "attacker"))
            continue
        if spec.supported_by and not set(event.supplied_by) & set(spec.supported_by):
            misses.append((event, "support"))
            continue
        if spec.where is not None:
            ok, _ = _where(spec, event, owner, env)
            if not ok:
                misses.append((event, "where"))
                continue
        matched.append((event, attackers))
    attackers_all = set().union(*(a for _, a in matched)) if matched else set()
    if matched and len(attackers_all) < spec.by_at_least:
        return False, f"only {len(attackers_all)} attacker(s), the article needs {spec.by_at_least}"
    env.attacks = matched
    if not env.explain:
        return bool(matched), ""
    if matched:
        described = "; ".join(f"{e.describe()} ({env.owner(e)[1]})" for e, _ in matched)
        extra = ""
        if any(e.supplied_by for e, _ in matched):
            extra = (
                " — suppliers counted as attackers"
                if env.answers.get("supplier_is_belligerent")
                else " — suppliers not counted as attackers (supplier_is_belligerent: false)"
            )
        return True, described + extra
    words = [_why_not(event, kind, spec, wanted, env) for event, kind in misses]
    return False, "no armed attack that fits" + (
        ": " + "; ".join(words) if words else " in the scenario"
    )


def _why_not(event: ScenarioEvent, kind: str, spec: ArmedAttack, wanted: set[str], env: Env) -> str:
    """Why an attack does not fit the article, in words (explanations only)."""
    head = event.describe()
    if kind == "owner":
        return f"{head}: {env.owner(event)[1]}, not {', '.join(sorted(wanted)) or '?'}"
    if kind == "aimed":
        return f"{head}: aimed at {event.target}, not {', '.join(sorted(wanted))}"
    if kind == "attacker":
        who = ", ".join(sorted(_attackers(event, env)))
        return f"{head}: attacker {who} is not {', '.join(spec.by)}"
    if kind == "support":
        return f"{head}: not supported by {', '.join(spec.supported_by or [])}"
    return f"{head}: {_where(spec, event, env.owner(event)[0], env)[1]}"


def _where(
    spec: ArmedAttack, event: ScenarioEvent, owner: str | None, env: Env
) -> tuple[bool, str]:
    where = spec.where
    assert where is not None
    if where.territory_of:
        target = env.party(where.territory_of)
        if owner != target:
            return False, f"not on {target}'s territory"
    if where.area:
        area = env.commitment.areas.get(where.area, [])
        place = env.world.place(event.location) if event.location else None
        inside = (owner in area) or (place is not None and place.name in area)
        if place is not None and place.note and "Outside" in place.note:
            inside = False
        if not inside:
            return False, f"outside the area '{where.area}'"
    if where.places and (not event.location or event.location not in where.places):
        return False, f"not at {', '.join(where.places)}"
    return True, ""


def _state_of_war(spec: Any, env: Env) -> tuple[Truth, str]:
    who = env.parties(spec.party)
    label = "anyone" if who is None else ", ".join(sorted(who)) or "?"

    def concerns(event: ScenarioEvent) -> bool:
        return who is None or bool({event.source, event.target} & who)

    if "state_of_war" in env.scenario.assumptions:
        value = bool(env.scenario.assumptions["state_of_war"])
        return value, f"assumed by the scenario (state_of_war: {str(value).lower()})"
    declared = [e for e in env.events if e.mode == "war_declared" and concerns(e)]
    if declared:
        return True, f"war declared: {declared[0].describe()}"
    attacked = [
        e
        for e in env.events
        if e.type == "ASSAULT"
        and e.polarity == "positive"
        and (who is None or env.owner_of(e) in who)
        and (who is None or e.target in who | {None})
    ]
    if not attacked:
        return False, f"{label}: neither attacked nor at declared war"
    if env.answers.get("hostilities_are_war"):
        return True, (
            f"{label} under armed attack, and '{env.interpretation}' counts hostilities "
            "without a declaration as a state of war"
        )
    return False, f"no declaration of war, and '{env.interpretation}' requires one"


def _not_aggressor(spec: Any, env: Env) -> tuple[Truth, str]:
    party = env.party(spec.party)
    assumed = env.scenario.assumptions.get("aggressor")
    if assumed is not None:
        return assumed != party, f"the scenario assumes the aggressor is {assumed}"
    if not env.attacks:
        return True, f"no attack on {party} to weigh"
    verdicts: list[Truth] = []
    reasons = []
    for _, attackers in env.attacks:
        for attacker in sorted(attackers):
            conflict = env.world.conflict(party or "", attacker, env.day)
            if conflict is None:
                verdicts.append(True)
                reasons.append(
                    f"no conflict on record makes {party} the aggressor against {attacker}"
                )
                continue
            aggressor = conflict.aggressor.get(env.interpretation)
            if aggressor is None:
                verdicts.append(None)
                reading = env.interpretation
                reasons.append(
                    f"'{reading}' does not decide who is the aggressor in {conflict.name}"
                )
            else:
                verdicts.append(aggressor != party)
                reasons.append(
                    f"under '{env.interpretation}' the aggressor in {conflict.name} is {aggressor}"
                    + (
                        " (sources: " + ", ".join(conflict.sources) + ")"
                        if conflict.sources
                        else ""
                    )
                )
    return _all(verdicts), "; ".join(dict.fromkeys(reasons))


def _threat(spec: Any, env: Env) -> tuple[Truth, str]:
    who = env.parties(spec.against)
    label = "anyone" if who is None else ", ".join(sorted(who)) or "?"
    hits = [
        e
        for e in env.events
        if (e.type == "THREATEN" or e.mode == "threat")
        and (who is None or e.target in who)
        and (spec.by == "any" or e.source in spec.by)
    ]
    if hits:
        return True, f"{hits[0].describe()} threatens {label}"
    attacked = who is None or any(env.attacked(party) for party in who)
    if attacked and any(e.type == "ASSAULT" for e in env.events):
        return True, f"an armed attack on {label} is itself a threat"
    return False, f"no threat against {label} in the scenario"


def _mobilisation(spec: Any, env: Env) -> tuple[Truth, str]:
    hits = [
        e
        for e in env.events
        if e.type == "MOBILIZE"
        and e.mode in {"mobilisation", None}
        and (spec.by == "any" or e.source in spec.by)
    ]
    if hits:
        return True, hits[0].describe()
    return False, f"no mobilisation by {spec.by if spec.by == 'any' else ', '.join(spec.by)}"


def _request(spec: Any, env: Env) -> tuple[Truth, str]:
    by = env.party(spec.by)
    if "request" in env.scenario.assumptions:
        value = bool(env.scenario.assumptions["request"])
        return value, f"assumed by the scenario (request: {str(value).lower()})"
    who = set(env.members()) if by == "party" else {by}
    hits = [e for e in env.events if e.type == "REQUEST" and e.source in who]
    if hits:
        return True, hits[0].describe()
    return False, "no request in the scenario"


def _flow(spec: Flow, env: Env) -> tuple[Truth, str]:
    events = _matching_flows(spec, env)
    if not events:
        return False, f"no flow of {', '.join(spec.modes)} that the provision concerns"
    if spec.cap is None:
        return True, "; ".join(e.describe() for e in events[:3])
    totals: dict[str, float] = defaultdict(float)
    unknown: set[str] = set()
    for event in events:
        year = (event.date or env.scenario.date.isoformat())[:4]
        amounts = [q for q in event.quantities if q.unit and spec.cap.unit[:5] in q.unit.lower()]
        if not amounts:
            unknown.add(year)
        for q in amounts:
            amount = q.value if q.value is not None else q.low
            if amount is None:
                unknown.add(year)
            else:
                totals[year] += amount
    over = {y: t for y, t in totals.items() if t > spec.cap.value}
    cap = f"{spec.cap.value:,.0f} {spec.cap.unit} per {spec.cap.per}"
    if over:
        year, total = max(over.items(), key=lambda kv: kv[1])
        return True, f"at least {total:,.0f} {spec.cap.unit} in {year}, above the cap of {cap}"
    if unknown:
        return (
            None,
            f"amounts not stated for {', '.join(sorted(unknown))}; cannot compare with {cap}",
        )
    return False, f"totals {dict(totals)} within the cap of {cap}"


def _matching_flows(spec: Flow, env: Env) -> list[ScenarioEvent]:
    source, target = env.party(spec.from_), env.party(spec.to)
    # The open side of a flow ("any") is the obligated state, unless it is the named side itself.
    if source == "any" and target not in {"any", env.obligated}:
        source = env.obligated
    elif target == "any" and source not in {"any", env.obligated}:
        target = env.obligated
    found = []
    for event in env.events:
        if event.polarity != "positive" or event.mode not in spec.modes:
            continue
        if source not in {"any", event.source} or target not in {"any", event.target}:
            continue
        if spec.item and not _item_fits(spec.item, event):
            continue
        found.append(event)
    return found


def _item_fits(item: str, event: ScenarioEvent) -> bool:
    items = [q.item.lower() for q in event.quantities if q.item]
    return not items or any(item.lower() in i or i in _GENERIC_ITEMS for i in items)


def _in_force(_: Any, env: Env) -> tuple[Truth, str]:
    return True, f"{env.commitment.short} is in force on {env.day}"


def _question(name: str, env: Env) -> tuple[Truth, str]:
    value = env.answers.get(name)
    text = env.world.questions.get(name, name)
    return (
        None if value is None else bool(value)
    ), f"{text.strip()} '{env.interpretation}' answers {value}"


_PREDICATES: dict[str, Any] = {
    "armed_attack": _armed_attack,
    "state_of_war": _state_of_war,
    "not_aggressor": _not_aggressor,
    "threat": _threat,
    "mobilisation": _mobilisation,
    "request": _request,
    "flow": _flow,
    "in_force": _in_force,
    "question": _question,
}
