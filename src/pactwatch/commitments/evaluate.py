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
from pactwatch.commitments.schema import Commitment, DateVariant, Provision
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
    ok, why = _in_force(c, p, scenario.date, variant)
    lines = [f"in force: {MARK[ok]} — {why}"]
    members = c.members_on(scenario.date)
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
        # The UN member states the scenario shows dealing with a state the regime concerns.
        targets = {code for m in c.parties for code in [m.code]} | _regime_targets(p)
        involved = {
            s
            for e in events
            for s in (e.source, e.target)
            if s and (e.source in targets or e.target in targets)
        }
        return sorted(s for s in involved if len(s) == 3 and s.isupper() and s not in {"UNSC"})
    if p.obligated == "parties":
        return c.members_on(scenario.date) or [m.code for m in c.parties]
    return list(p.obligated)


def _regime_targets(p: Provision) -> set[str]:
    found: set[str] = set()
    stack = [p.conditions] if p.conditions else []
    while stack:
        cond = stack.pop()
        if cond.flow:
            found |= {
                x
                for x in (cond.flow.from_, cond.flow.to)
                if x not in {"any", "obligated", "beneficiary"}
            }
        stack += [*(cond.all_ or []), *(cond.any_ or [])] + ([cond.not_] if cond.not_ else [])
    return found


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
    c, p, obligated = case.commitment, case.provision, case.obligated
    if p.beneficiary not in {"other", "attacked"}:
        return [p.beneficiary]
    members = c.members_on(case.scenario.date) or [m.code for m in c.parties]
    others: list[str | None] = [m for m in members if m != obligated]
    if len(others) > 1:
        # In a many-member treaty only members the scenario touches can be the ones protected.
        touched = _touched(case.events, case.world)
        others = [m for m in others if m in touched]
    return others or [None]


def _merge(statuses: list[str]) -> str:
    distinct = set(statuses)
    return distinct.pop() if len(distinct) == 1 else "contested"


def evaluate_provision(
    case: _Case, interpretations: list[str]
) -> tuple[Finding, dict[str, list[Any]]]:
    """One Finding, and per interpretation the attacks that activated it (for the cascade)."""
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
        finding = Finding(
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
    for commitment in commitments:
        for provision in commitment.provisions:
            if provision.obligation is None:
                continue
            for obligated in _obligated(commitment, provision, scenario, events):
                finding, hit = evaluate_provision(
                    _Case(commitment, provision, obligated, scenario, events, world), names
                )
                findings.append(finding)
                attacks.append(hit)
    return findings, attacks
