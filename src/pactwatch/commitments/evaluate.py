"""Findings: each provision of each commitment, for each party it obliges, under each named
interpretation (and each contested date), with a step-by-step explanation.

Evaluation runs in two modes over the same code. The status pass decides every finding and
builds no text; members of a treaty whose answer cannot differ share one computation. A
finding's explanation is built the first time it is read, by evaluating that one finding again
with explanations on (a run is deterministic, and a test checks that both passes agree)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from pactwatch.actors import load_registry
from pactwatch.commitments.conditions import MARK, Env, Truth, evaluate
from pactwatch.commitments.scenario import Scenario, ScenarioEvent
from pactwatch.commitments.schema import Commitment, Condition, DateVariant, Provision
from pactwatch.commitments.world import World, load_world

_ACTIVE = {True: "activated", False: "not_activated", None: "undetermined"}
_LIMIT = {True: "violated", False: "complied", None: "undetermined"}
_PRIORITY = ("activated", "violated", "undetermined", "contested", "not_activated", "complied")
_NO_LINES: list[str] = []


class _Explains(Protocol):
    def explain(self, finding: Finding) -> list[str]: ...


@dataclass(slots=True, eq=False)
class Finding:
    """One provision of one commitment, for one obligated party, against one scenario."""

    commitment: str
    article: str
    obligated: str
    beneficiary: str | None
    obligation: str
    status: str
    interpretations: dict[str, str]
    date_variants: dict[str, str] | None
    sources: tuple[str, ...]
    cascade_step: int | None = None
    _lines: list[str] | None = field(default=None, repr=False)
    _origin: _Explains | None = field(default=None, repr=False)

    @property
    def explanation(self) -> list[str]:
        """Each step, with its truth value and why; built on first reading."""
        if self._lines is None:
            self._lines = self._origin.explain(self) if self._origin else []
            self._origin = None
        return self._lines

    @explanation.setter
    def explanation(self, lines: list[str]) -> None:
        self._lines, self._origin = lines, None

    def replace(self, **changes: Any) -> Finding:
        """A copy with some fields changed (the explanation is shared until one is changed)."""
        if "explanation" in changes:
            changes["_lines"], changes["_origin"] = changes.pop("explanation"), None
        return dataclasses.replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """The finding in DESIGN's JSON shape."""
        return {
            "commitment": self.commitment,
            "article": self.article,
            "obligated": self.obligated,
            "beneficiary": self.beneficiary,
            "obligation": self.obligation,
            "status": self.status,
            "interpretations": dict(self.interpretations),
            "date_variants": dict(self.date_variants) if self.date_variants else None,
            "explanation": list(self.explanation),
            "sources": list(self.sources),
            "cascade_step": self.cascade_step,
        }


class _Origin:
    """What a finding needs to explain itself later: the scenario and the commitments it was
    evaluated against (not the status pass, which is freed as soon as it ends)."""

    __slots__ = (
        "_explainer",
        "commitments",
        "events",
        "names",
        "scenario",
        "world",
    )

    def __init__(
        self,
        scenario: Scenario,
        events: list[ScenarioEvent],
        world: World,
        names: list[str],
        commitments: list[Commitment],
    ) -> None:
        self.scenario, self.events, self.world, self.names = scenario, events, world, names
        self.commitments = commitments
        self._explainer: _Run | None = None

    def explain(self, finding: Finding) -> list[str]:
        """One finding's explanation: its article evaluated again with words, for its party. The
        explaining run is made once per scenario and memoises too."""
        if self._explainer is None:
            self._explainer = _Run(self, explain=True)
        c = next(c for c in self.commitments if c.id == finding.commitment)
        p = next(p for p in c.provisions if p.article == finding.article)
        explained, _ = _explain_case(self._explainer.article(c, p), finding.obligated)
        return explained.explanation


class _Run:
    """One evaluation of one scenario: the facts every finding shares, and memoised outcomes."""

    __slots__ = (
        "alias",
        "answers",
        "articles",
        "attacked",
        "day",
        "events",
        "explain",
        "memo",
        "modes",
        "names",
        "origin",
        "parties",
        "scenario",
        "touched",
        "types",
        "world",
    )

    def __init__(self, origin: _Origin, *, explain: bool) -> None:
        self.origin = origin
        scenario, events, world = origin.scenario, origin.events, origin.world
        self.scenario, self.events, self.world, self.names = scenario, events, world, origin.names
        self.explain = explain
        self.day = scenario.date
        # Condition outcomes that do not depend on who owes the article are computed once (a
        # NATO article is evaluated once, not once per member).
        self.memo: dict[Any, Any] = {}
        positive = [e for e in events if e.polarity == "positive"]
        self.types = {e.type for e in positive}
        self.modes = {e.mode for e in positive}
        self.touched = _touched(events, world)
        self.attacked = _touched([e for e in positive if e.type == "ASSAULT"], world)
        self.answers = {name: _answers(world, name, scenario) for name in self.names}
        self.alias = _alias(self)
        self.articles: dict[tuple[str, str], _Article] = {}
        self.parties: dict[str, _Party] = {}

    def article(self, c: Commitment, p: Provision) -> _Article:
        found = self.articles.get((c.id, p.article))
        if found is None:
            found = self.articles[(c.id, p.article)] = _Article(c, p, self)
        return found

    def party(self, c: Commitment) -> _Party:
        found = self.parties.get(c.id)
        if found is None:
            found = self.parties[c.id] = _Party(c, self)
        return found


def _static_variants(c: Commitment) -> list[DateVariant | None]:
    return [*c.in_force.variants] or [None]


class _Static:
    """What an article's coding says once and for all: read when first evaluated."""

    __slots__ = (
        "commitment",
        "depends",
        "necessary",
        "open_beneficiary",
        "provision",
        "receivers",
        "sources",
        "table",
        "targets",
        "variants",
    )

    def __init__(self, c: Commitment, p: Provision) -> None:
        self.commitment, self.provision = c, p
        self.variants = _static_variants(c)
        self.sources = tuple(dict.fromkeys([*p.sources, *c.in_force.sources]))
        self.table = _LIMIT if p.obligation in {"prohibition", "limit"} else _ACTIVE
        self.open_beneficiary = p.beneficiary in {"other", "attacked"}
        leaves = _conditions(p)
        self.depends = any(
            cond.flow is not None or "obligated" in str(cond.model_dump(exclude_none=True))
            for cond in leaves
            if cond.key not in {"all", "any", "not"}
        )
        self.necessary = _necessary(p.conditions)
        self.receivers = {
            cond.flow.to
            for cond in leaves
            if cond.flow and cond.flow.to not in {"any", "obligated", "beneficiary"}
        }
        self.targets = {
            side
            for cond in leaves
            if cond.flow
            for side in (cond.flow.from_, cond.flow.to)
            if side not in {"any", "obligated", "beneficiary"}
        }


_STATIC: dict[tuple[int, int], _Static] = {}


def _static(c: Commitment, p: Provision) -> _Static:
    found = _STATIC.get((id(c), id(p)))
    if found is None or found.provision is not p or found.commitment is not c:
        found = _STATIC[(id(c), id(p))] = _Static(c, p)
    return found


class _Party:
    """One commitment in one run: its members on the day, and those the scenario touches."""

    __slots__ = (
        "_candidates",
        "gates",
        "many",
        "member_set",
        "members",
        "pool",
        "pool_set",
        "touched_pool",
        "touched_set",
    )

    def __init__(self, c: Commitment, run: _Run) -> None:
        self.members = c.members_on(run.day)
        self.member_set = set(self.members)
        self.pool = self.members or [m.code for m in c.parties]
        self.pool_set = set(self.pool)
        self.touched_pool = [m for m in self.pool if m in run.touched]
        self.touched_set = set(self.touched_pool)
        self.many = len(self.pool) > 2
        self.gates = [_gate(c, None, run.day, v) for v in _static_variants(c)]
        self._candidates: dict[str, tuple[list[str | None], str | None]] = {}

    def candidates(self, obligated: str) -> tuple[list[str | None], str | None]:
        """Whom an article with an open beneficiary ("other", "attacked") may protect for this
        obligated party (None: nobody in particular), and the one candidate when there is just
        one (the beneficiary a finding names when the article cannot apply)."""
        found = self._candidates.get(obligated)
        if found is None:
            pool = self.pool
            if len(pool) - (obligated in self.pool_set) > 1:
                # In a many-member treaty only members the scenario touches can be the ones
                # protected.
                pool = self.touched_pool
            others: list[str | None] = [m for m in pool if m != obligated] or [None]
            found = self._candidates[obligated] = (others, others[0] if len(others) == 1 else None)
        return found


class _Article:
    """One provision of one commitment in one run: what every party it obliges shares."""

    __slots__ = (
        "commitment",
        "depends",
        "gates",
        "many",
        "member_set",
        "members",
        "necessary",
        "obligated",
        "open_beneficiary",
        "party",
        "pool",
        "pool_set",
        "provision",
        "run",
        "sources",
        "table",
        "touched_pool",
        "touched_set",
        "variants",
    )

    def __init__(self, c: Commitment, p: Provision, run: _Run, party: _Party | None = None):
        self.commitment, self.provision, self.run = c, p, run
        static = _static(c, p)
        self.table, self.depends, self.necessary = static.table, static.depends, static.necessary
        self.variants, self.sources = static.variants, static.sources
        party = party or run.party(c)
        if p.effective_from is None and p.effective_until is None:
            self.gates = party.gates
        else:
            self.gates = [_gate(c, p, run.day, v) for v in self.variants]
        self.members, self.member_set = party.members, party.member_set
        self.pool, self.pool_set = party.pool, party.pool_set
        self.touched_pool, self.touched_set = party.touched_pool, party.touched_set
        # With more than two members, a member the scenario does not touch may protect any of
        # those it touches: all such members have the same candidates (`beneficiaries`).
        self.party, self.open_beneficiary = party, static.open_beneficiary
        self.many = party.many and static.open_beneficiary
        if p.obligated == "members":
            self.obligated = _regime_members(static, run)
        elif p.obligated == "parties":
            self.obligated = self.pool
        else:
            self.obligated = p.obligated

    def untouched(self, obligated: str) -> bool:
        """A member of a many-member treaty that the scenario does not touch."""
        return self.many and obligated in self.pool_set and obligated not in self.touched_set

    @property
    def forces(self) -> list[tuple[bool, str]]:
        """Whether the article is in force under each dating, and why (for explanations)."""
        c, p, day = self.commitment, self.provision, self.run.day
        return [_in_force(c, p, day, v) for v in self.variants]

    def beneficiaries(self, obligated: str) -> list[str | None]:
        """Who the article may protect for this obligated party (None: nobody in particular)."""
        if not self.open_beneficiary:
            return [self.provision.beneficiary]
        return self.party.candidates(obligated)[0]

    def quick_beneficiary(self, obligated: str) -> str | None:
        """The beneficiary a finding names when the article cannot apply: the one candidate,
        or nobody when there are several."""
        if not self.open_beneficiary:
            return self.provision.beneficiary
        return self.party.candidates(obligated)[1]

    def sharing_key(self, obligated: str) -> tuple[Any, ...]:
        """Parties with the same key get the same status, when the conditions do not name the
        obligated party: the same possible beneficiaries, and the same membership."""
        return (tuple(self.beneficiaries(obligated)), obligated in self.member_set)


@dataclass(slots=True)
class _Case:
    """One provision of one commitment, owed by one party, in one run."""

    art: _Article
    obligated: str


@dataclass(frozen=True)
class _Outcome:
    status: str
    lines: list[str]
    attacks: list[tuple[ScenarioEvent, set[str]]]


def _alias(run: _Run) -> dict[str, str]:
    """For each reading, the first reading that agrees with it on every fact this scenario
    touches: the answers to the questions, who owns each place an event happens in, and who is
    the aggressor in each conflict a state of the scenario's attackers is part of. Readings
    that agree give the same truth value to every condition, so the status pass evaluates
    conditions once for each group (the explaining pass still words each reading)."""
    attackers = {s for e in run.events for s in (e.source, *e.supplied_by)}
    places = [run.world.place(e.location) for e in run.events if e.location]
    conflicts = [c for c in run.world.conflicts if c.between & attackers]
    seen: dict[str, str] = {}
    alias = {}
    for name in run.names:
        view = repr(
            (
                sorted(run.answers[name].items()),
                [place.owner_under(name) if place else None for place in places],
                [c.aggressor.get(name) for c in conflicts],
            )
        )
        alias[name] = seen.setdefault(view, name)
    return alias


def _answers(world: World, interpretation: str, scenario: Scenario) -> dict[str, Any]:
    answers = dict(world.interpretations[interpretation].answers)
    answers.update({k: v for k, v in scenario.assumptions.items() if k in world.questions})
    return answers


def _gate(c: Commitment, p: Provision | None, day: dt.date, variant: DateVariant | None) -> bool:
    """Whether the article (or with no article, the commitment) is in force on the day under
    one dating (`_in_force` says why)."""
    start = (variant.from_ if variant and variant.from_ else None) or c.in_force.from_
    until = variant.until if variant is not None else c.in_force.until
    if day < start or (until is not None and day > until):
        return False
    return p is None or (
        (p.effective_from is None or p.effective_from <= day)
        and (p.effective_until is None or day <= p.effective_until)
    )


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


def _regime_members(static: _Static, run: _Run) -> list[str]:
    """The UN member states the scenario shows dealing with a state the regime concerns; a state
    that only receives a limited or banned flow is not the one the article binds."""
    targets = static.targets
    involved = {
        s
        for e in run.events
        for s in (e.source, e.target)
        if s and (e.source in targets or e.target in targets)
    }
    states = {s for s in involved if len(s) == 3 and s.isupper() and s != "UNSC"}
    # a state gone by the scenario date (the Soviet Union in 2025) is bound by nothing
    ended = load_registry().until
    states = {s for s in states if s not in ended or ended[s] >= run.day}
    return sorted(states - static.receivers)


def _conditions(p: Provision) -> list[Any]:
    found, stack = [], [p.conditions] if p.conditions else []
    while stack:
        cond = stack.pop()
        found.append(cond)
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


def _merge(statuses: list[str]) -> str:
    distinct = set(statuses)
    return distinct.pop() if len(distinct) == 1 else "contested"


def _necessary(condition: Condition | None) -> list[Condition]:
    """Leaves that must hold for the whole condition to hold (those under top-level `all`s)."""
    if condition is None:
        return []
    if condition.all_ is not None:
        return [leaf for part in condition.all_ for leaf in _necessary(part)]
    if condition.key in {"any", "not"}:
        return []
    return [condition]


# -- why an article cannot apply, found before any condition is evaluated ------------------------


def _not_in_force(art: _Article) -> str | None:
    """Why the article is in force under no dating at all (None when it is under one)."""
    if any(art.gates):
        return None
    whys = [why for _, why in art.forces]
    unlabelled = {why.split(" (reading '")[0] for why in whys}
    return unlabelled.pop() if len(unlabelled) == 1 else "; ".join(whys)


def _cannot_fire(art: _Article, obligated: str, beneficiaries: list[str | None]) -> str | None:
    """Why the article cannot activate whatever the reading: not in force under any dating, or a
    necessary condition with no candidate event at all; None when it must be evaluated in full."""
    if not any(art.gates):
        return _not_in_force(art) if art.run.explain else "not in force"
    for leaf in art.necessary:
        why = _leaf_impossible(leaf, art, obligated, beneficiaries)
        if why is not None:
            return why
    return None


def _blocked_for_all(art: _Article) -> bool:
    """Whether the article cannot apply for any party it obliges (so none need evaluating)."""
    if not any(art.gates):
        return True
    if art.provision.conditions is None or art.depends:
        return False
    p = art.provision
    pool: list[str | None] = [p.beneficiary]
    if p.beneficiary in {"other", "attacked"}:
        pool = list(art.pool if len(art.pool) <= 2 else art.touched_pool) or [None]
    someone = art.obligated[0]
    return any(_leaf_impossible(leaf, art, someone, pool) is not None for leaf in art.necessary)


def _leaf_impossible(
    leaf: Condition, art: _Article, obligated: str, beneficiaries: list[str | None]
) -> str | None:
    run = art.run
    types = run.types
    if leaf.armed_attack is not None:
        against = leaf.armed_attack.against
        protected: set[str] | None = {against}  # a named state
        if against == "any":
            protected = None
        elif against == "party":
            protected = art.member_set
        elif against == "beneficiary":
            protected = {b for b in beneficiaries if b is not None}
        elif against == "obligated":
            protected = {obligated}
        # An attack counts for a state it is aimed at or whose territory it is on, under some
        # reading: no such state protected here, no attack that could fit.
        if "ASSAULT" not in types or (protected is not None and not protected & run.attacked):
            return "no armed attack on a state this article protects in the scenario"
        return None
    checks = [
        (
            leaf.flow is not None and not set(leaf.flow.modes if leaf.flow else []) & run.modes,
            "no flow of the kinds the article limits",
        ),
        (leaf.mobilisation is not None and "MOBILIZE" not in types, "no mobilisation"),
        (
            leaf.request is not None
            and "REQUEST" not in types
            and "request" not in run.scenario.assumptions,
            "no request",
        ),
        (leaf.threat is not None and not {"THREATEN", "ASSAULT"} & types, "no threat or attack"),
    ]
    return next((f"{why} in the scenario" for failed, why in checks if failed), None)


# -- the findings -------------------------------------------------------------------------------


def _finding(  # noqa: PLR0917 (a constructor's fields, in the Finding's order)
    art: _Article,
    obligated: str,
    beneficiary: str | None,
    status: str,
    interpretations: dict[str, str],
    date_variants: dict[str, str] | None,
    lines: list[str] | None = None,
) -> Finding:
    return Finding(
        art.commitment.id,
        art.provision.article,
        obligated,
        beneficiary,
        art.provision.obligation or "",
        status,
        interpretations,
        date_variants,
        art.sources,
        None,
        lines,
        None if lines is not None else art.run.origin,
    )


def _intro(art: _Article, obligated: str, beneficiary: str | None) -> list[str]:
    c, p = art.commitment, art.provision
    owes = f"{obligated} owes {beneficiary}" if beneficiary else f"{obligated} is bound"
    summary = " ".join(p.summary.split())
    intro = [f"{c.short}, article {p.article} ({p.obligation}): {owes}. {summary}"]
    if p.quote:
        intro.append(f'Key words, as quoted by the sources: "{p.quote}"')
    return intro


def _quick_finding(
    art: _Article, obligated: str, beneficiaries: list[str | None], why: str | None
) -> Finding:
    """The finding of an article that cannot apply: the same under every reading and dating.
    Its one beneficiary is named when there is exactly one candidate."""
    status = art.table[False]
    beneficiary = beneficiaries[0] if len(beneficiaries) == 1 else None
    lines = None
    if why is not None:
        lines = [
            *_intro(art, obligated, beneficiary),
            f"[every reading] {status}: the article cannot apply — {why}",
        ]
    return _finding(
        art, obligated, beneficiary, status, dict.fromkeys(art.run.names, status), None, lines
    )


# The status pass: decisions without words.


def _decide(
    art: _Article, obligated: str, beneficiary: str | None, interp: str
) -> tuple[Truth, list[Any]]:
    """The truth of the article's conditions under one reading, and the attacks that met them.
    Dates in force do not enter the conditions, so one answer serves every dating."""
    run = art.run
    interp = run.alias[interp]
    key = (art.commitment.id, art.provision.article, beneficiary, interp, art.depends and obligated)
    found: tuple[Truth, list[Any]] | None = run.memo.get(key)
    if found is None:
        env = _env(art, obligated, beneficiary, interp)
        value, _ = evaluate(art.provision.conditions, env)  # type: ignore[arg-type]
        found = run.memo[key] = (value, env.attacks)
    return found


def _env(art: _Article, obligated: str, beneficiary: str | None, interp: str) -> Env:
    run = art.run
    return Env(
        commitment=art.commitment,
        provision=art.provision,
        obligated=obligated,
        beneficiary=beneficiary,
        scenario=run.scenario,
        events=run.events,
        world=run.world,
        interpretation=interp,
        answers=run.answers[interp],
        day=run.day,
        members_on_day=art.members,
        explain=run.explain,
    )


def _decide_case(art: _Article, obligated: str) -> tuple[Finding, dict[str, list[Any]]]:
    """One finding, and per interpretation the attacks that activated it (for the cascade).
    With several possible beneficiaries, the finding is the one whose status ranks first."""
    beneficiaries = art.beneficiaries(obligated)
    if _cannot_fire(art, obligated, beneficiaries) is not None:
        return _quick_finding(art, obligated, beneficiaries, None), {}
    gates = art.gates
    if art.provision.obligated != "members" and obligated not in art.member_set:
        gates = [False] * len(gates)
    best: tuple[int, str | None, dict[str, str], dict[str, list[Any]]] | None = None
    for beneficiary in beneficiaries:
        truths, attacks = _truths(art, obligated, beneficiary, gates.count(True))
        rank = min(_PRIORITY.index(s) for s in truths.values())
        if best is None or rank < best[0]:
            best = (rank, beneficiary, truths, attacks)
    assert best is not None
    _, beneficiary, truths, attacks = best
    per_interp, date_variants = _over_datings(art, truths, gates)
    status = _merge(list(per_interp.values()))
    return _finding(art, obligated, beneficiary, status, per_interp, date_variants), attacks


def _truths(
    art: _Article, obligated: str, beneficiary: str | None, live: int
) -> tuple[dict[str, str], dict[str, list[Any]]]:
    """The status under each reading while the article is in force (`live`: under how many
    datings it is), and the attacks that activated it, once per such dating."""
    table, conditions = art.table, art.provision.conditions
    truths: dict[str, str] = {}
    attacks: dict[str, list[Any]] = {}
    for interp in art.run.names:
        truth: Truth = False
        hits: list[Any] = []
        if live and conditions is None:
            truth = table is _ACTIVE  # a duty without conditions applies; a limit holds
        elif live:
            truth, hits = _decide(art, obligated, beneficiary, interp)
        status = truths[interp] = table[truth]
        if status == "activated":
            attacks[interp] = hits * live
    return truths, attacks


def _over_datings(
    art: _Article, truths: dict[str, str], gates: list[bool]
) -> tuple[dict[str, str], dict[str, str] | None]:
    """Statuses per reading across the datings (a dating under which the article is not in force
    gives the lapsed status), and per named dating when they differ."""
    lapsed, live = art.table[False], gates.count(True)
    if live == len(gates):
        per_interp = truths
    elif not live:
        per_interp = dict.fromkeys(truths, lapsed)
    else:
        per_interp = {k: v if v == lapsed else "contested" for k, v in truths.items()}
    if len(gates) == 1:
        return per_interp, None
    in_force = _merge(list(truths.values()))
    date_variants = {
        v.name: in_force if gate else lapsed
        for v, gate in zip(art.variants, gates, strict=True)
        if v is not None
    }
    return per_interp, date_variants if len(set(date_variants.values())) > 1 else None


# The explaining pass: the same decisions, each step in words.


def _run(
    art: _Article, obligated: str, beneficiary: str | None, interpretation: str, variant: int
) -> _Outcome:
    p, run, table = art.provision, art.run, art.table
    ok, why = art.forces[variant]
    assert ok == art.gates[variant]
    lines = [f"in force: {MARK[ok]} — {why}"]
    if ok and p.obligated != "members" and obligated not in art.member_set:
        ok, lines = False, [*lines, f"{obligated} is not a party on {run.day}"]
    if not ok:
        return _Outcome(table[False], lines, [])
    if p.conditions is None:
        if table is _LIMIT:
            note = "no breach condition is coded for this article: events are not judged against it"
            return _Outcome(table[False], [*lines, note], [])
        return _Outcome(
            table[True], [*lines, "no conditions: the obligation applies while in force"], []
        )
    key = (art.commitment.id, p.article, beneficiary, interpretation, art.depends and obligated)
    cached: _Outcome | None = run.memo.get(key)
    if cached is None:
        env = _env(art, obligated, beneficiary, interpretation)
        value, condition_lines = evaluate(p.conditions, env)
        cached = run.memo[key] = _Outcome(table[value], condition_lines, list(env.attacks))
    return _Outcome(cached.status, lines + cached.lines, cached.attacks)


def _explain_case(art: _Article, obligated: str) -> tuple[Finding, dict[str, list[Any]]]:
    """`_decide_case` with each step in words (a test checks that both give the same answers)."""
    beneficiaries = art.beneficiaries(obligated)
    blocked = _cannot_fire(art, obligated, beneficiaries)
    if blocked is not None:
        return _quick_finding(art, obligated, beneficiaries, blocked), {}
    best: tuple[int, Finding, dict[str, list[Any]]] | None = None
    for beneficiary in beneficiaries:
        per_interp: dict[str, str] = {}
        per_variant: dict[str, list[str]] = {v.name if v else "": [] for v in art.variants}
        lines: list[str] = []
        attacks: dict[str, list[Any]] = {}
        for interp in art.run.names:
            outcomes = [
                (v, _run(art, obligated, beneficiary, interp, i))
                for i, v in enumerate(art.variants)
            ]
            per_interp[interp] = _merge([o.status for _, o in outcomes])
            for v, outcome in outcomes:
                per_variant[v.name if v else ""].append(outcome.status)
                head = f"[{interp}{' / ' + v.name if v else ''}] {outcome.status}"
                lines += [head, *(f"    {line}" for line in outcome.lines)]
                if outcome.status == "activated":
                    attacks.setdefault(interp, []).extend(outcome.attacks)
        date_variants = {k: _merge(v) for k, v in per_variant.items() if k}
        finding = _finding(
            art,
            obligated,
            beneficiary,
            _merge(list(per_interp.values())),
            per_interp,
            date_variants if len(set(date_variants.values())) > 1 else None,
            _intro(art, obligated, beneficiary) + lines,
        )
        rank = min(_PRIORITY.index(s) for s in per_interp.values())
        if best is None or rank < best[0]:
            best = (rank, finding, attacks)
    assert best is not None
    return best[1], best[2]


def _provision(art: _Article, findings: list[Finding], attacks: list[dict[str, Any]]) -> None:
    """The findings of one article, one per obligated party, with the attacks that activated
    each (for the cascade).

    In the status pass, members whose answer cannot differ share one decision: every member
    when the article cannot apply at all; otherwise members with the same sharing key, when the
    conditions do not name the obligated party. Each explanation is still its own."""
    if art.run.explain:
        decide = _explain_case
    elif _blocked_for_all(art):
        _quick_findings(art, findings)
        attacks += [{} for _ in art.obligated]
        return
    elif not art.depends:
        _shared_findings(art, findings, attacks)
        return
    else:
        decide = _decide_case
    for obligated in art.obligated:
        finding, hits = decide(art, obligated)
        findings.append(finding)
        attacks.append(hits)


def _quick_findings(art: _Article, findings: list[Finding]) -> None:
    """Every party's finding of an article that cannot apply (as `_quick_finding`, faster)."""
    status = art.table[False]
    statuses = dict.fromkeys(art.run.names, status)
    c, p = art.commitment.id, art.provision
    obligation = p.obligation or ""
    origin, sources, article = art.run.origin, art.sources, p.article
    for obligated in art.obligated:
        beneficiary = art.quick_beneficiary(obligated)
        findings.append(
            Finding(
                c,
                article,
                obligated,
                beneficiary,
                obligation,
                status,
                statuses.copy(),
                None,
                sources,
                None,
                None,
                origin,
            )
        )


def _shared_findings(art: _Article, findings: list[Finding], attacks: list[dict[str, Any]]) -> None:
    """Each party's finding, decided once per sharing key and copied for the others."""
    decided: dict[Any, tuple[Finding, dict[str, list[Any]]]] = {}
    for obligated in art.obligated:
        if art.untouched(obligated):
            key: tuple[Any, ...] = ("untouched", obligated in art.member_set)
        else:
            key = art.sharing_key(obligated)
        if key not in decided:
            finding, hits = decided[key] = _decide_case(art, obligated)
        else:
            template, hits = decided[key]
            finding = Finding(
                template.commitment,
                template.article,
                obligated,
                template.beneficiary,
                template.obligation,
                template.status,
                dict(template.interpretations),
                dict(template.date_variants) if template.date_variants else None,
                template.sources,
                None,
                None,
                art.run.origin,
            )
        findings.append(finding)
        attacks.append(hits)


def evaluate_scenario(
    scenario: Scenario,
    commitments: Iterable[Commitment],
    *,
    interpretations: list[str] | None = None,
    extra_events: list[ScenarioEvent] | None = None,
    world: World | None = None,
    explain: bool = False,
) -> list[Finding]:
    """Every finding of every commitment against the scenario. Explanations are built when read;
    ``explain=True`` builds them all at once."""
    findings, _ = evaluate_with_attacks(
        scenario,
        commitments,
        interpretations=interpretations,
        extra_events=extra_events,
        world=world,
        explain=explain,
    )
    return findings


def evaluate_many(
    scenarios: Iterable[Scenario],
    commitments: Iterable[Commitment],
    *,
    interpretations: list[str] | None = None,
    world: World | None = None,
) -> list[list[Finding]]:
    """The findings of each scenario in a sweep (many scenarios, the same commitments).

    Python's cyclic garbage collector is paused during the sweep. The sweep keeps what it makes
    (a hundred findings per scenario) and makes no reference cycles, so the collector would find
    nothing to free, yet each pass walks every finding kept so far: in a sweep of 1,000
    scenarios that cost about half as much again as the evaluation itself."""
    commitments = list(commitments)
    world = world or load_world()
    enabled = gc.isenabled()
    gc.disable()
    try:
        return [
            evaluate_scenario(s, commitments, interpretations=interpretations, world=world)
            for s in scenarios
        ]
    finally:
        if enabled:
            gc.enable()


def evaluate_with_attacks(
    scenario: Scenario,
    commitments: Iterable[Commitment],
    *,
    interpretations: list[str] | None = None,
    extra_events: list[ScenarioEvent] | None = None,
    world: World | None = None,
    explain: bool = False,
) -> tuple[list[Finding], list[dict[str, list[Any]]]]:
    world = world or load_world()
    names = interpretations or scenario.interpretations or list(world.interpretations)
    unknown = [n for n in names if n not in world.interpretations]
    if unknown:
        raise KeyError(
            f"unknown interpretation(s) {unknown}; defined: {sorted(world.interpretations)}"
        )
    events = [*scenario.events, *(extra_events or [])]
    commitments = list(commitments)
    run = _Run(_Origin(scenario, events, world, names, commitments), explain=explain)
    findings: list[Finding] = []
    attacks: list[dict[str, Any]] = []
    # The status pass keeps no article in the run (nothing points back to it, so it is freed by
    # reference counting as soon as the findings are made).
    for commitment in commitments:
        party = _Party(commitment, run)
        for provision in commitment.provisions:
            if provision.obligation is not None:
                _provision(_Article(commitment, provision, run, party), findings, attacks)
    return findings, attacks
