"""Contradictions: between sources about one slot at one time, and between a source and the record.

What is *not* a contradiction (each has a test): values compatible within their precision or
bounds ("millions" and "3 million"; "June 2024" and "19 June 2024"), estimates made in different
months, amounts counted in different units (containers and shells are different slots), opposite
flows (shells to Russia, air defence to North Korea: different subjects), an assertion against a
speculation or a plan (only asserted and reported statements are compared), and a denial later
reversed (shown as a timeline instead, see :func:`reversals`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from pactwatch.actors import load_registry
from pactwatch.model import (
    Claim,
    ClaimMention,
    Conflict,
    ConflictSource,
    ConflictValue,
    Range,
    ReferenceValue,
)
from pactwatch.verify.reference import Estimate, Fact, Variant
from pactwatch.verify.values import (
    amounts_compatible,
    date_compatible,
    months_apart,
    parse_day,
    show,
)

FACTUAL = {"asserted", "reported"}
VALUE_SLOTS = {"signed_on", "ratified_on", "in_force_on", "founded_on"}
#: A dated value further than this from every record value of its slot is about something else.
SAME_THING_DAYS = 2 * 366
#: Estimates this many months apart or fewer are compared.
ESTIMATE_WINDOW = 1


@dataclass(frozen=True)
class Sources:
    """Where stored documents came from: their URL and the original a copy repeats."""

    urls: Mapping[str, str | None] = field(default_factory=dict)
    originals: Mapping[str, str] = field(default_factory=dict)

    def origin(self, mention: ClaimMention) -> str:
        return mention.attributed_to or self.originals.get(mention.doc_id, mention.doc_id)

    def source(self, mention: ClaimMention) -> ConflictSource:
        return ConflictSource(
            doc_id=mention.doc_id,
            url=self.urls.get(mention.doc_id),
            span=mention.span,
            attributed_to=mention.attributed_to,
            origin=self.origin(mention),
        )


def factual(claim: Claim) -> bool:
    return claim.modality in FACTUAL and claim.polarity == "positive"


def amount_slot(slot: str) -> bool:
    return slot.endswith("_supplied") or slot == "troops_deployed"


def _unique(mentions: Iterable[ClaimMention]) -> list[ClaimMention]:
    """One mention per span: "A and B signed" states a treaty date once, not once per party."""
    seen: dict[tuple[str, int, int], ClaimMention] = {}
    for mention in mentions:
        seen.setdefault((mention.doc_id, mention.span.start, mention.span.end), mention)
    return list(seen.values())


def _all(claims: Iterable[Claim]) -> list[ClaimMention]:
    return [m for c in claims for m in c.mentions]


def find_conflicts(
    claims: Sequence[Claim], record: Sequence[Fact], sources: Sources | None = None
) -> list[Conflict]:
    """Every cross-source and reference contradiction among ``claims``."""
    sources = sources or Sources()
    found = _cross_source(claims, record, sources)
    found += _against_record(claims, record, sources)
    return sorted(found, key=lambda c: (c.kind, c.subject, c.slot, c.explanation))


# --- against the record -----------------------------------------------------------------------


def _against_record(
    claims: Sequence[Claim], record: Sequence[Fact], sources: Sources
) -> list[Conflict]:
    found = []
    for claim in claims:
        verdict = judge(claim, record)
        if verdict is not None and verdict.contradicts:
            found.append(_reference_conflict(claim, verdict, sources))
    return found


@dataclass(frozen=True)
class Judgement:
    """What the record says of one claim: the fact it speaks to, whether it supports or
    contradicts the claim, the record's value and why."""

    fact: Fact
    supports: bool
    contradicts: bool
    value: str
    url: str
    reason: str


def judge(claim: Claim, record: Sequence[Fact]) -> Judgement | None:
    """The record's word on a claim, or None when the record does not speak to it."""
    if claim.modality not in FACTUAL:
        return None
    for check in (_judge_value, _judge_amount, _judge_direction, _judge_occurrence):
        found = check(claim, record)
        if found is not None:
            return found
    return None


def _facts(record: Sequence[Fact], subject: str, slot: str) -> list[Fact]:
    """The record's facts on a subject and slot; for a treaty, any treaty whose parties include
    all those named ("the United States and Canada signed the North Atlantic Treaty")."""
    return [
        f
        for f in record
        if f.slot == slot and (subject in f.subject or any(_within(subject, s) for s in f.subject))
    ]


def _parties(subject: str) -> set[str]:
    """The states a treaty subject names; a group ("ten European states") names none in
    particular."""
    registry = load_registry()
    named = set(subject.removeprefix("treaty ").split("-"))
    return {code for code in named if not registry.is_group(code)}


def _within(subject: str, fact_subject: str) -> bool:
    both = subject.startswith("treaty ") and fact_subject.startswith("treaty ")
    return both and _parties(subject) <= _parties(fact_subject)


def _first_day(value: str) -> dt.date | None:
    padded = value + "-01-01"[len(value) - 4 :] if len(value) < 10 else value
    return parse_day(padded[:10])


def _days_between(a: str, b: str) -> int | None:
    day_a, day_b = _first_day(a), _first_day(b)
    return abs((day_a - day_b).days) if day_a and day_b else None


def _judge_value(claim: Claim, record: Sequence[Fact]) -> Judgement | None:
    if claim.slot not in VALUE_SLOTS or not isinstance(claim.value, str):
        return None
    if claim.polarity != "positive":
        return None
    value = claim.value
    candidates = _facts(record, claim.subject, claim.slot)
    nearest = _nearest(candidates, value)
    if nearest is None:
        return _wrong_party(claim, record)
    fact, _ = nearest
    right = [v for v in fact.values if v.status == "main" and date_compatible(v.value, value)]
    if right:
        return Judgement(fact, True, False, right[0].value, right[0].sources[0], _said(fact, right))
    open_ = [v for v in fact.values if v.status == "contested" and date_compatible(v.value, value)]
    if open_:
        return Judgement(fact, False, False, open_[0].value, open_[0].sources[0], "contested")
    main = [v for v in fact.values if v.status == "main"]
    errors = [v for v in fact.values if v.status == "error" and date_compatible(v.value, value)]
    shown = " or ".join(v.value for v in main)
    reason = f"the record has {_name(fact)} {claim.slot.replace('_', ' ')} {shown}"
    if errors:
        reason += f"; {value} is a known error, printed by {errors[0].sources[0]}"
    return Judgement(fact, False, True, shown, main[0].sources[0], reason)


def _nearest(facts: Iterable[Fact], value: str) -> tuple[Fact, int] | None:
    """The fact whose main value is nearest in time to ``value``, if near enough to be the same
    thing (a treaty signed in 2000 is not the one signed in 2024)."""
    best: tuple[Fact, int] | None = None
    for fact in facts:
        for variant in fact.values:
            days = _days_between(variant.value, value)
            if days is not None and days <= SAME_THING_DAYS and (best is None or days < best[1]):
                best = (fact, days)
    return best


def _wrong_party(claim: Claim, record: Sequence[Fact]) -> Judgement | None:
    """ "The treaty between China and North Korea was signed on 19 June 2024": on that day the
    record has a treaty with other parties, sharing one of them."""
    if not claim.subject.startswith("treaty ") or not isinstance(claim.value, str):
        return None
    parties = _parties(claim.subject)
    for fact in record:
        if fact.slot != claim.slot:
            continue
        for subject in fact.subject:
            theirs = _parties(subject)
            if parties <= theirs or not theirs & parties:
                continue
            exact = [v for v in fact.values if v.status == "main" and v.value == claim.value]
            if exact and len(claim.value) == 10:
                outsiders = " and ".join(sorted(parties - theirs))
                reason = (
                    f"on {claim.value} the record has {_name(fact)}, between "
                    f"{', '.join(sorted(theirs))}; {outsiders} was not a party"
                )
                return Judgement(fact, False, True, subject, exact[0].sources[0], reason)
    return None


def _judge_amount(claim: Claim, record: Sequence[Fact]) -> Judgement | None:
    """An amount against the record's estimates made within a month of it: inside the span they
    cover (the lowest low to the highest high, an open bound adding only its finite end), it is
    supported; outside, contradicted, unless a contested estimate admits it."""
    if not amount_slot(claim.slot) or claim.as_of is None or isinstance(claim.value, str):
        return None
    if claim.polarity != "positive":
        return None
    for fact in _facts(record, claim.subject, claim.slot):
        near = [
            e
            for e in fact.estimates
            if e.status != "error" and months_apart(e.as_of, claim.as_of) <= ESTIMATE_WINDOW
        ]
        main = [e for e in near if e.status == "main"]
        if not main:
            continue
        low, high = _envelope(main)
        span = show(Range(low=low, high=high))
        by = ", ".join(sorted({e.by or "an unnamed source" for e in main}))
        if amounts_compatible(Range(low=low, high=high), claim.value):
            reason = f"the record's estimates for {claim.as_of} run {span} ({by})"
            return Judgement(fact, True, False, span, main[0].sources[0], reason)
        contested = [
            e for e in near if e.status == "contested" and amounts_compatible(e.value, claim.value)
        ]
        if contested:
            reason = (
                f"outside the main estimates ({span}), but a contested report admits it "
                f"({contested[0].note or contested[0].sources[0]})"
            )
            return Judgement(fact, False, False, span, contested[0].sources[0], reason)
        reason = (
            f"the record's estimates within {ESTIMATE_WINDOW} month of {claim.as_of} run "
            f"{span} ({by}); {show(claim.value)} is outside them"
        )
        return Judgement(fact, False, True, span, main[0].sources[0], reason)
    return None


def _envelope(estimates: Sequence[Estimate]) -> tuple[float, float]:
    """The lowest and highest figures the estimates give; an open bound adds its finite end."""
    lows = [e.value.low if isinstance(e.value, Range) else e.value for e in estimates]
    highs = [e.value.high if isinstance(e.value, Range) else e.value for e in estimates]
    finite_lows = [v for v in lows if v is not None]
    finite_highs = [v for v in highs if v is not None]
    low = min(finite_lows) if finite_lows else min(finite_highs)
    high = max(finite_highs + finite_lows)
    return low, high


def _reverse(subject: str) -> str | None:
    if "->" not in subject:
        return None
    source, target = subject.split("->", 1)
    return f"{target}->{source}"


def _judge_direction(claim: Claim, record: Sequence[Fact]) -> Judgement | None:
    """ "Russia sent shells to North Korea": the record has shells going the other way only."""
    reverse = _reverse(claim.subject)
    if reverse is None or claim.polarity != "positive":
        return None
    for fact in record:
        if not fact.one_way or reverse not in fact.subject:
            continue
        if claim.slot != fact.slot and claim.slot not in _also(fact):
            continue
        reason = (
            f"the record has {fact.slot.replace('_', ' ')} going {reverse} only "
            f"({fact.note or fact.id})"
        )
        return Judgement(fact, False, True, reverse, fact.urls()[0], reason)
    return None


_ALSO = {
    "shells_supplied": ("aid:munitions",),
    "missiles_supplied": ("aid:missiles",),
    "barrels_supplied": ("aid:fuel",),
}


def _also(fact: Fact) -> tuple[str, ...]:
    """Occurrence slots a flow speaks for: shells supplied are munitions aid."""
    return _ALSO.get(fact.slot, ())


def _judge_occurrence(claim: Claim, record: Sequence[Fact]) -> Judgement | None:
    """Whether something happened: a dated event, or a deployment denied and then acknowledged."""
    if claim.value != "occurred":
        return None
    for fact in record:
        if claim.subject not in fact.subject or not _same_kind(claim.slot, fact.slot):
            continue
        if fact.kind == "statements":
            last = sorted(fact.statements, key=lambda s: s.date)[-1]
            if last.polarity == "positive":
                reason = (
                    f"the record has it acknowledged by {last.by} on {last.date}"
                    f" ({fact.note or fact.id})"
                )
                agrees = claim.polarity == "positive"
                if not agrees and claim.modality == "reported":
                    # a party's denial: history the record holds, reversed later
                    reason = f"a denial the record shows reversed: {reason}"
                    return Judgement(fact, False, False, "occurred", last.sources[0], reason)
                return Judgement(fact, agrees, not agrees, "occurred", last.sources[0], reason)
        if fact.kind == "event" and fact.date is not None:
            reason = f"the record has it on {fact.date} ({fact.note or fact.id})"
            if claim.polarity == "negative" and claim.modality == "asserted":
                return Judgement(fact, False, True, fact.date, fact.urls()[0], reason)
            if (
                claim.polarity == "positive"
                and claim.as_of
                and (date_compatible(claim.as_of, fact.date))
            ):
                return Judgement(fact, True, False, fact.date, fact.urls()[0], reason)
    return None


def _same_kind(claim_slot: str, fact_slot: str) -> bool:
    """ "consult:summit" speaks to a fact about "consult"; "aid" does not to "aid:missiles"."""
    return claim_slot == fact_slot or claim_slot.startswith(fact_slot + ":")


def _name(fact: Fact) -> str:
    return fact.note if fact.treaty and fact.note else fact.subject[0]


def _said(fact: Fact, variants: list[Variant]) -> str:
    return f"the record has {_name(fact)} {fact.slot.replace('_', ' ')} {variants[0].value}"


def _reference_conflict(claim: Claim, judgement: Judgement, sources: Sources) -> Conflict:
    value = ConflictValue(
        value=show(claim.value), sources=[sources.source(m) for m in _unique(claim.mentions)]
    )
    origins = len({sources.origin(m) for m in claim.mentions})
    said = "says" if origins == 1 else "say"
    explanation = (
        f"{origins} independent origin(s) {said} {claim.subject} {claim.slot} "
        f"{show(claim.value)}"
        + (f" (as of {claim.as_of})" if claim.as_of and amount_slot(claim.slot) else "")
        + f"; {judgement.reason}."
    )
    return Conflict(
        kind="reference",
        subject=claim.subject,
        slot=claim.slot,
        values=[value],
        reference=ReferenceValue(value=judgement.value, source_url=judgement.url),
        explanation=explanation,
    )


# --- between sources ----------------------------------------------------------------------------


def _cross_source(
    claims: Sequence[Claim], record: Sequence[Fact], sources: Sources
) -> list[Conflict]:
    groups: dict[tuple[str, str, str | None], list[Claim]] = defaultdict(list)
    for claim in claims:
        if not factual(claim):
            continue
        if claim.slot in VALUE_SLOTS and isinstance(claim.value, str):
            groups[(claim.subject, claim.slot, _thing(claim, record))].append(claim)
        elif amount_slot(claim.slot) and claim.as_of:
            groups[(claim.subject, claim.slot, claim.as_of[:7])].append(claim)
    found = []
    for (subject, slot, when), group in sorted(groups.items(), key=lambda g: str(g[0])):
        conflict = _disagreement((subject, slot, when), group, record, sources)
        if conflict is not None:
            found.append(conflict)
    found += _happened_or_not(claims, sources)
    return found


def _thing(claim: Claim, record: Sequence[Fact]) -> str | None:
    """Which treaty (or other dated thing) a dated value is about: the record's nearest one, else
    its year give or take one (claims about a treaty unknown to the record are grouped by time)."""
    assert isinstance(claim.value, str)
    nearest = _nearest(_facts(record, claim.subject, claim.slot), claim.value)
    if nearest is not None:
        return nearest[0].id
    return f"~{int(claim.value[:4]) // 2}"


def _disagreement(
    key: tuple[str, str, str | None],
    group: list[Claim],
    record: Sequence[Fact],
    sources: Sources,
) -> Conflict | None:
    subject, slot, when = key
    values = _distinct(group)
    if len(values) < 2:
        return None
    clash = [
        (a, b)
        for i, a in enumerate(values)
        for b in values[i + 1 :]
        if not _compatible(a, b, slot, record, subject)
    ]
    if not clash:
        return None
    origins = {sources.origin(m) for c in group for m in c.mentions}
    if len(origins) < 2:
        return None  # one origin saying two things is not two sources disagreeing
    involved = {id(c) for pair in clash for c in pair}
    shown = [c for c in values if id(c) in involved]
    listed = "; ".join(
        f"{show(c.value)} ({len({sources.origin(m) for m in c.mentions})} origin(s))" for c in shown
    )
    at = f" as of {when}" if when and amount_slot(slot) else ""
    why = (
        "the amounts differ by more than rounding"
        if amount_slot(slot)
        else "the dates cannot both be right"
    )
    return Conflict(
        kind="cross_source",
        subject=subject,
        slot=slot,
        values=[
            ConflictValue(
                value=show(c.value), sources=[sources.source(m) for m in _unique(c.mentions)]
            )
            for c in shown
        ],
        reference=None,
        explanation=f"Sources disagree on {subject} {slot}{at}: {listed}; {why}.",
    )


def _distinct(group: list[Claim]) -> list[Claim]:
    """One claim per value (claims differing only in modality are merged for comparison)."""
    seen: dict[str, Claim] = {}
    for claim in group:
        key = show(claim.value)
        if key in seen:
            kept = seen[key]
            seen[key] = kept.model_copy(update={"mentions": [*kept.mentions, *claim.mentions]})
        else:
            seen[key] = claim
    return list(seen.values())


def _compatible(a: Claim, b: Claim, slot: str, record: Sequence[Fact], subject: str) -> bool:
    if isinstance(a.value, str) and isinstance(b.value, str):
        if date_compatible(a.value, b.value):
            return True
        # two readings the record holds both right (each party ratified on its own day)
        main = {
            v.value for f in _facts(record, subject, slot) for v in f.values if v.status == "main"
        }
        return any(date_compatible(a.value, m) for m in main) and any(
            date_compatible(b.value, m) for m in main
        )
    if isinstance(a.value, str) or isinstance(b.value, str):
        return True
    return amounts_compatible(a.value, b.value)


def _happened_or_not(claims: Sequence[Claim], sources: Sources) -> list[Conflict]:
    """The writer of one source says it happened, the writer of another that it did not. A denial
    by a party (attributed) is not this: it belongs to a timeline."""
    by_slot: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.value == "occurred" and claim.modality == "asserted":
            by_slot[(claim.subject, claim.slot)].append(claim)
    found = []
    for (subject, slot), group in sorted(by_slot.items()):
        yes = [c for c in group if c.polarity == "positive"]
        no = [c for c in group if c.polarity == "negative"]
        if not yes or not no:
            continue
        yes_origins = {sources.origin(m) for c in yes for m in c.mentions}
        no_origins = {sources.origin(m) for c in no for m in c.mentions}
        if not yes_origins - no_origins or not no_origins - yes_origins:
            continue
        found.append(
            Conflict(
                kind="cross_source",
                subject=subject,
                slot=slot,
                values=[
                    ConflictValue(
                        value="occurred",
                        sources=[
                            sources.source(m) for m in _unique(m for c in yes for m in c.mentions)
                        ],
                    ),
                    ConflictValue(
                        value="did not occur",
                        sources=[
                            sources.source(m) for m in _unique(m for c in no for m in c.mentions)
                        ],
                    ),
                ],
                reference=None,
                explanation=(
                    f"{len(yes_origins)} origin(s) state as fact that {subject} {slot} happened; "
                    f"{len(no_origins)} state that it did not."
                ),
            )
        )
    return found
