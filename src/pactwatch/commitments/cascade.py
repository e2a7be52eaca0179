"""Cascades: activated defence obligations become new events, until nothing new activates.

Compliance is an explicit assumption (question ``comply``): when it holds, a party whose defence
obligation is activated joins the fight against each attacker, in the same place as the attack it
answers. Each (commitment, article, obligated, beneficiary) fires at most once, so a cascade ends.
The chain is reported per interpretation, step by step."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pactwatch.commitments.evaluate import Finding, evaluate_with_attacks
from pactwatch.commitments.scenario import Scenario, ScenarioEvent
from pactwatch.commitments.schema import Commitment
from pactwatch.commitments.world import World, load_world

MAX_STEPS = 20
_FIGHTING = {"defense", "offense"}
Key = tuple[str, str, str, str | None]


@dataclass
class CascadeResult:
    findings: list[Finding]
    chain: list[str] = field(default_factory=list)


@dataclass
class _Reading:
    """The fixed point of one interpretation: its findings, when each fired, and the chain."""

    findings: list[Finding]
    fired: dict[Key, int]
    chain: list[str]


def _key(f: Finding) -> Key:
    return (f.commitment, f.article, f.obligated, f.beneficiary)


def _responses(finding: Finding, hits: list[Any]) -> list[ScenarioEvent]:
    """The obligated party joins the fight against each attacker, where the attack happened."""
    events = []
    for attack, attackers in hits:
        for attacker in sorted(attackers - {finding.obligated, finding.beneficiary}):
            cause = f"{finding.commitment} art. {finding.article}: {finding.obligated} assists"
            events.append(
                ScenarioEvent(
                    source=finding.obligated,
                    target=attacker,
                    type="ASSAULT",
                    mode="armed_attack",
                    location=attack.location,
                    cause=f"{cause} {finding.beneficiary}",
                )
            )
    return events


def _one_reading(
    scenario: Scenario, commitments: list[Commitment], interp: str, world: World
) -> _Reading:
    default = world.interpretations[interp].answers.get("comply", True)
    comply = bool(scenario.assumptions.get("comply", default))
    chain = [f"[{interp}] assumption comply: {str(comply).lower()}"]
    added: list[ScenarioEvent] = []
    fired: dict[Key, int] = {}
    findings: list[Finding] = []
    for step in range(MAX_STEPS):
        findings, attacks = evaluate_with_attacks(
            scenario, commitments, interpretations=[interp], extra_events=added, world=world
        )
        new: list[ScenarioEvent] = []
        for finding, hit in zip(findings, attacks, strict=True):
            key = _key(finding)
            if finding.obligation not in _FIGHTING or finding.status != "activated" or key in fired:
                continue
            fired[key] = step
            chain.append(
                f"[{interp}] step {step}: {finding.commitment} article {finding.article} "
                f"activates for {finding.obligated} (assisting {finding.beneficiary})"
            )
            for event in _responses(finding, hit.get(interp, [])) if comply else []:
                if event not in added and event not in new:
                    new.append(event)
                    chain.append(f"[{interp}]   new event: {event.describe()}")
        if not new:
            chain.append(f"[{interp}] fixed point after {step} step(s): nothing new activates")
            return _Reading(findings, fired, chain)
        added += new
    chain.append(f"[{interp}] stopped after {MAX_STEPS} steps")
    return _Reading(findings, fired, chain)


def run_cascade(
    scenario: Scenario,
    commitments: Iterable[Commitment],
    *,
    interpretations: list[str] | None = None,
    world: World | None = None,
) -> CascadeResult:
    world = world or load_world()
    commitments = list(commitments)
    names = interpretations or scenario.interpretations or list(world.interpretations)
    merged: dict[Key, Finding] = {}
    chain: list[str] = []
    for interp in names:
        reading = _one_reading(scenario, commitments, interp, world)
        chain += reading.chain
        for finding in reading.findings:
            key = _key(finding)
            if key not in merged:
                merged[key] = finding.replace(
                    cascade_step=None, interpretations={}, explanation=list(finding.explanation)
                )
            else:
                # Later readings add their own section, from its "[reading]" heading on.
                first = next(
                    (i for i, line in enumerate(finding.explanation) if line.startswith("[")), 0
                )
                merged[key].explanation += finding.explanation[first:]
            target = merged[key]
            target.interpretations[interp] = finding.interpretations[interp]
            step = reading.fired.get(key)
            if step is not None and (target.cascade_step is None or step < target.cascade_step):
                target.cascade_step = step
    for finding in merged.values():
        statuses = set(finding.interpretations.values())
        finding.status = statuses.pop() if len(statuses) == 1 else "contested"
    return CascadeResult(findings=list(merged.values()), chain=chain)
