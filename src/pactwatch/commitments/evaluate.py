"""Findings: each provision of each commitment, for each party it obliges, under each named
interpretation (and each contested date), with a step-by-step explanation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from pactwatch.commitments.conditions import MARK, Env, evaluate
from pactwatch.commitments.scenario import Scenario, ScenarioEvent
from pactwatch.commitments.schema import Commitment, Condition, DateVariant, Provision
from pactwatch.commitments.world import World, load_world

_ACTIVE = {True: "activated", False: "not_activated", None: "undetermined"}
_LIMIT = {True: "violated", False: "complied", None: "undetermined"}
_PRIORITY = ("activated", "violated", "undetermined", "contested", "not_activated", "complied")


class Finding(BaseModel):
    commitment: str
    article: str
    obligated: str
    beneficiary: str | None
    obligation: str
    status: str
    interpretations: dict[str, str]
    date_variants: dict[str, str] | None
    explanation: list[str]
    sources: list[str]
    cascade_step: int | None = None


@dataclass(frozen=True)
class _Case:
    """One provision of one commitment, owed by one party, against one scenario."""

    commitment: Commitment
    provision: Provision
    obligated: str
    scenario: Scenario
    events: list[ScenarioEvent]
    world: World
    # Shared by every case of one evaluation: condition outcomes that do not depend on which
    # party is obligated (a NATO article is evaluated once, not once per member), and members.
    memo: dict[Any, Any]

    def members(self) -> list[str]:
        key = ("members", self.commitment.id)
        if key not in self.memo:
            self.memo[key] = self.commitment.members_on(self.scenario.date)
        return list(self.memo[key])


@dataclass(frozen=True)
class _Outcome:
    status: str
    lines: list[str]
    attacks: list[tuple[ScenarioEvent, set[str]]]


def _answers(world: World, interpretation: str, scenario: Scenario) -> dict[str, Any]:
    answers = dict(world.interpretations[interpretation].answers)
    answers.update({k: v for k, v in scenario.assumptions.items() if k in world.questions})
    return answers


def _in_force(
    c: Commitment, p: Provision, day: dt.date, variant: DateVariant | None
) -> tuple[bool, str]:
    start = (variant.from_ if variant and variant.from_ else None) or c.in_force.from_
    until = variant.until if variant is not None else c.in_force.until
    label = f" (reading '{variant.name}')" if variant else ""
    if day < start:
        return False, f"{c.short} is not yet in force on {day}: in force from {start}{label}"
    if until is not None and day > until:
        return False, f"{c.short} is no longer in force on {day}: in force until {until}{label}"
    if p.effective_from and day < p.effective_from:
        return False, f"article {p.article} applies from {p.effective_from}"
    if p.effective_until and day > p.effective_until:
        return False, f"article {p.article} applied until {p.effective_until}"
    span = f"{start} to {until or 'no end date'}"
    return True, f"{c.short} is in force on {day} ({span}{label})"


def _run(
    case: _Case, beneficiary: str | None, interpretation: str, variant: DateVariant | None
) -> _Outcome:
    c, p, obligated, scenario = case.commitment, case.provision, case.obligated, case.scenario
    table = _LIMIT if p.obligation in {"prohibition", "limit"} else _ACTIVE
    force_key = ("in_force", c.id, p.article, variant.name if variant else None)
    if force_key not in case.memo:
        case.memo[force_key] = _in_force(c, p, scenario.date, variant)
    ok, why = case.memo[force_key]
    lines = [f"in force: {MARK[ok]} — {why}"]
    members = case.members()
    if ok and p.obligated != "members" and obligated not in members:
        ok, lines = False, [*lines, f"{obligated} is not a party on {scenario.date}"]
    if not ok:
        return _Outcome(table[False], lines, [])
    if p.conditions is None:
        if table is _LIMIT:
            note = "no breach condition is coded for this article: events are not judged against it"
            return _Outcome(table[False], [*lines, note], [])
        return _Outcome(
            table[True], [*lines, "no conditions: the obligation applies while in force"], []
        )
    key = (
        c.id,
        p.article,
        beneficiary,
        interpretation,
        variant.name if variant else None,
        obligated if _depends_on_obligated(p) else None,
    )
    cached = case.memo.get(key)
    if cached is not None:
        return _Outcome(cached.status, lines + cached.lines[1:], cached.attacks)
    outcome = _evaluate_conditions(case, beneficiary, interpretation, lines)
    case.memo[key] = outcome
    return outcome


_DEPENDS: dict[int, tuple[Provision, bool]] = {}


def _depends_on_obligated(p: Provision) -> bool:
    """Whether the article's conditions mention the obligated party (flows bind to it)."""
    cached = _DEPENDS.get(id(p))
    if cached is None or cached[0] is not p:
        value = any(
            cond.flow is not None or "obligated" in str(cond.model_dump(exclude_none=True))
            for cond in _conditions(p)
            if cond.key not in {"all", "any", "not"}
        )
        cached = _DEPENDS[id(p)] = (p, value)
    return cached[1]


def _evaluate_conditions(
    case: _Case, beneficiary: str | None, interpretation: str, lines: list[str]
) -> _Outcome:
    c, p, obligated, scenario = case.commitment, case.provision, case.obligated, case.scenario
    assert p.conditions is not None
    table = _LIMIT if p.obligation in {"prohibition", "limit"} else _ACTIVE
    env = Env(
        commitment=c,
        provision=p,
        obligated=obligated,
        beneficiary=beneficiary,
        scenario=scenario,
        events=case.events,
        world=case.world,
        interpretation=interpretation,
        answers=_answers(case.world, interpretation, scenario),
        day=scenario.date,
    )
    value, condition_lines = evaluate(p.conditions, env)
    return _Outcome(table[value], lines + condition_lines, list(env.attacks))


def _obligated(
    c: Commitment, p: Provision, scenario: Scenario, events: list[ScenarioEvent]
) -> list[str]:
    if p.obligated == "members":
        # The UN member states the scenario shows dealing with a state the regime concerns; a
        # state that only receives a limited or banned flow is not the one the article binds.
        receivers = _flow_receivers(p)
        targets = _regime_targets(p)
        involved = {
            s
            for e in events
            for s in (e.source, e.target)
            if s and (e.source in targets or e.target in targets)
        }
        states = {s for s in involved if len(s) == 3 and s.isupper() and s != "UNSC"}
        return sorted(states - receivers)
    if p.obligated == "parties":
        return c.members_on(scenario.date) or [m.code for m in c.parties]
    return list(p.obligated)


def _flow_receivers(p: Provision) -> set[str]:
    return {
        cond.flow.to
        for cond in _conditions(p)
        if cond.flow and cond.flow.to not in {"any", "obligated", "beneficiary"}
    }


def _conditions(p: Provision) -> list[Any]:
    found, stack = [], [p.conditions] if p.conditions else []
    while stack:
        cond = stack.pop()
        found.append(cond)
        stack += [*(cond.all_ or []), *(cond.any_ or [])] + ([cond.not_] if cond.not_ else [])
    return found


def _regime_targets(p: Provision) -> set[str]:
    return {
        side
        for cond in _conditions(p)
        if cond.flow
        for side in (cond.flow.from_, cond.flow.to)
        if side not in {"any", "obligated", "beneficiary"}
    }


def _touched(events: list[ScenarioEvent], world: World) -> set[str]:
    """Every state an event is aimed at or happens in, under any reading."""
    found: set[str] = set()
    for event in events:
        if event.target:
            found.add(event.target)
        place = world.place(event.location) if event.location else None
        if place is not None:
            found |= {s for s in [place.state, *place.owner.values()] if s}
    return found


def _beneficiaries(case: _Case) -> list[str | None]:
    key = ("beneficiaries", case.commitment.id, case.provision.article, case.obligated)
    if key not in case.memo:
        case.memo[key] = _find_beneficiaries(case)
    found: list[str | None] = case.memo[key]
    return found


def _find_beneficiaries(case: _Case) -> list[str | None]:
    c, p, obligated = case.commitment, case.provision, case.obligated
    if p.beneficiary not in {"other", "attacked"}:
        return [p.beneficiary]
    members = case.members() or [m.code for m in c.parties]
    others: list[str | None] = [m for m in members if m != obligated]
    if len(others) > 1:
        # In a many-member treaty only members the scenario touches can be the ones protected.
        touched = _scenario_index(case)["touched"]
        others = [m for m in others if m in touched]
    return others or [None]


def _merge(statuses: list[str]) -> str:
    distinct = set(statuses)
    return distinct.pop() if len(distinct) == 1 else "contested"


def evaluate_provision(
    case: _Case, interpretations: list[str]
) -> tuple[Finding, dict[str, list[Any]]]:
    """One Finding, and per interpretation the attacks that activated it (for the cascade).

    When the article's conditions do not depend on who owes it, members with the same possible
    beneficiaries and the same membership get the same answer: it is computed once and copied."""
    shared = None
    if not _depends_on_obligated(case.provision):
        is_member = case.obligated in case.members()
        shared = (
            "finding",
            case.commitment.id,
            case.provision.article,
            tuple(_beneficiaries(case)),
            is_member,
        )
        if shared in case.memo:
            template, hits, owner = case.memo[shared]
            return _retarget(template, owner, case.obligated), hits
    finding, hits = _evaluate_provision(case, interpretations)
    if shared is not None:
        case.memo[shared] = (finding, hits, case.obligated)
    return finding, hits


def _necessary(condition: Condition | None) -> list[Condition]:
    """Leaves that must hold for the whole condition to hold (those under top-level `all`s)."""
    if condition is None:
        return []
    if condition.all_ is not None:
        return [leaf for part in condition.all_ for leaf in _necessary(part)]
    if condition.key in {"any", "not"}:
        return []
    return [condition]


def _scenario_index(case: _Case) -> dict[str, Any]:
    key = ("index",)
    if key not in case.memo:
        events = [e for e in case.events if e.polarity == "positive"]
        case.memo[key] = {
            "types": {e.type for e in events},
            "modes": {e.mode for e in events},
            "touched": _touched(case.events, case.world),
        }
    index: dict[str, Any] = case.memo[key]
    return index


def _cannot_fire(case: _Case) -> str | None:
    """Why the article cannot activate whatever the reading, when a necessary condition has no
    candidate event at all; None when it must be evaluated in full."""
    if case.provision.conditions is None:
        return None
    for leaf in _necessary(case.provision.conditions):
        why = _leaf_impossible(leaf, case)
        if why is not None:
            return why
    return None


def _leaf_impossible(leaf: Condition, case: _Case) -> str | None:
    index = _scenario_index(case)
    types, modes = index["types"], index["modes"]
    if leaf.armed_attack is not None:
        against = leaf.armed_attack.against
        protected: set[str] | None = {against}  # a named state
        if against == "any":
            protected = None
        elif against == "party":
            protected = set(case.members())
        elif against == "beneficiary":
            protected = {b for b in _beneficiaries(case) if b is not None}
        elif against == "obligated":
            protected = {case.obligated}
        if "ASSAULT" not in types or (protected is not None and not protected & index["touched"]):
            return "no armed attack on a state this article protects"
        return None
    checks = [
        (
            leaf.flow is not None and not set(leaf.flow.modes if leaf.flow else []) & modes,
            "no flow of the kinds the article limits",
        ),
        (leaf.mobilisation is not None and "MOBILIZE" not in types, "no mobilisation"),
        (
            leaf.request is not None
            and "REQUEST" not in types
            and "request" not in case.scenario.assumptions,
            "no request",
        ),
        (leaf.threat is not None and not {"THREATEN", "ASSAULT"} & types, "no threat or attack"),
    ]
    return next((f"{why} in the scenario" for failed, why in checks if failed), None)


def _quick_finding(case: _Case, interpretations: list[str], why: str) -> Finding:
    c, p = case.commitment, case.provision
    table = _LIMIT if p.obligation in {"prohibition", "limit"} else _ACTIVE
    status = table[False]
    beneficiaries = _beneficiaries(case)
    beneficiary = beneficiaries[0] if len(beneficiaries) == 1 else None
    owes = f"{case.obligated} owes {beneficiary}" if beneficiary else f"{case.obligated} is bound"
    summary = " ".join(p.summary.split())
    return Finding.model_construct(
        cascade_step=None,
        commitment=c.id,
        article=p.article,
        obligated=case.obligated,
        beneficiary=beneficiary,
        obligation=p.obligation or "",
        status=status,
        interpretations=dict.fromkeys(interpretations, status),
        date_variants=None,
        explanation=[
            f"{c.short}, article {p.article} ({p.obligation}): {owes}. {summary}",
            f"[every reading] {status}: a condition the article needs cannot hold — {why}",
        ],
        sources=list(dict.fromkeys([*p.sources, *c.in_force.sources])),
    )


def _retarget(template: Finding, owner: str, obligated: str) -> Finding:
    """The same finding for another member: the party's name changes where it names the party
    (the first line, who owes whom; a "not a party" step), never inside an event's description."""
    explanation = [
        line.replace(owner, obligated, 1) if i == 0 or " is not a party on " in line else line
        for i, line in enumerate(template.explanation)
    ]
    return template.model_copy(update={"obligated": obligated, "explanation": explanation})


def _evaluate_provision(
    case: _Case, interpretations: list[str]
) -> tuple[Finding, dict[str, list[Any]]]:
    blocked = _cannot_fire(case)
    if blocked is not None:
        return _quick_finding(case, interpretations, blocked), {}
    c, p, obligated = case.commitment, case.provision, case.obligated
    variants: list[DateVariant | None] = list(c.in_force.variants) or [None]
    best: tuple[int, Finding, dict[str, list[Any]]] | None = None
    for beneficiary in _beneficiaries(case):
        per_interp: dict[str, str] = {}
        per_variant: dict[str, list[str]] = {v.name if v else "": [] for v in variants}
        lines: list[str] = []
        attacks: dict[str, list[Any]] = {}
        for interp in interpretations:
            outcomes = [(v, _run(case, beneficiary, interp, v)) for v in variants]
            per_interp[interp] = _merge([o.status for _, o in outcomes])
            for v, outcome in outcomes:
                per_variant[v.name if v else ""].append(outcome.status)
                head = f"[{interp}{' / ' + v.name if v else ''}] {outcome.status}"
                lines += [head, *(f"    {line}" for line in outcome.lines)]
                if outcome.status == "activated":
                    attacks.setdefault(interp, []).extend(outcome.attacks)
        date_variants = {k: _merge(v) for k, v in per_variant.items() if k}
        if len(set(date_variants.values())) <= 1:
            date_variants = {}
        owes = f"{obligated} owes {beneficiary}" if beneficiary else f"{obligated} is bound"
        summary = " ".join(p.summary.split())
        intro = [f"{c.short}, article {p.article} ({p.obligation}): {owes}. {summary}"]
        if p.quote:
            intro.append(f'Key words, as quoted by the sources: "{p.quote}"')
        # Built from values the evaluator made itself: no validation needed on this hot path.
        finding = Finding.model_construct(
            cascade_step=None,
            commitment=c.id,
            article=p.article,
            obligated=obligated,
            beneficiary=beneficiary,
            obligation=p.obligation or "",
            status=_merge(list(per_interp.values())),
            interpretations=per_interp,
            date_variants=date_variants or None,
            explanation=intro + lines,
            sources=list(dict.fromkeys([*p.sources, *c.in_force.sources])),
        )
        rank = min(_PRIORITY.index(s) for s in per_interp.values())
        if best is None or rank < best[0]:
            best = (rank, finding, attacks)
    assert best is not None
    return best[1], best[2]


def evaluate_scenario(
    scenario: Scenario,
    commitments: Iterable[Commitment],
    *,
    interpretations: list[str] | None = None,
    extra_events: list[ScenarioEvent] | None = None,
    world: World | None = None,
) -> list[Finding]:
    findings, _ = evaluate_with_attacks(
        scenario,
        commitments,
        interpretations=interpretations,
        extra_events=extra_events,
        world=world,
    )
    return findings


def evaluate_with_attacks(
    scenario: Scenario,
    commitments: Iterable[Commitment],
    *,
    interpretations: list[str] | None = None,
    extra_events: list[ScenarioEvent] | None = None,
    world: World | None = None,
) -> tuple[list[Finding], list[dict[str, list[Any]]]]:
    world = world or load_world()
    names = interpretations or scenario.interpretations or list(world.interpretations)
    unknown = [n for n in names if n not in world.interpretations]
    if unknown:
        raise KeyError(
            f"unknown interpretation(s) {unknown}; defined: {sorted(world.interpretations)}"
        )
    events = [*scenario.events, *(extra_events or [])]
    findings, attacks = [], []
    memo: dict[Any, Any] = {}
    for commitment in commitments:
        for provision in commitment.provisions:
            if provision.obligation is None:
                continue
            for obligated in _obligated(commitment, provision, scenario, events):
                finding, hit = evaluate_provision(
                    _Case(commitment, provision, obligated, scenario, events, world, memo), names
                )
                findings.append(finding)
                attacks.append(hit)
    return findings, attacks
