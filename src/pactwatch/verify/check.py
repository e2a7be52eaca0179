"""`check "STATEMENT"`: a verdict (supported, contradicted, cannot_decide) with the evidence for and
against it, from the curated record, the treaty files and the stored sources, each with its origin.

The statement is read by the same extraction stage as any article, then compared:

1. with the record: a contradiction there makes the verdict ``contradicted``; agreement
   ``supported``;
2. about a treaty's obligations ("Article 4 obliges each side to help the other if attacked"),
   with the provisions coded in the commitment files;
3. otherwise with the store: at least two independent origins for it and none against make it
   ``supported``, at least two against and none for ``contradicted``; anything less is
   ``cannot_decide``, and the explanation says what is missing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from pactwatch.actors import load_registry
from pactwatch.commitments import Commitment
from pactwatch.commitments.schema import Condition, Provision
from pactwatch.extract.claims import claims_from_events
from pactwatch.model import Claim, ClaimMention, Event, Evidence, Range, Span, Verdict
from pactwatch.nlp.dates import parse_date
from pactwatch.nlp.quantities import parse_amount
from pactwatch.verify.conflicts import (
    ESTIMATE_WINDOW,
    SAME_THING_DAYS,
    VALUE_SLOTS,
    Judgement,
    Sources,
    amount_slot,
    judge,
)
from pactwatch.verify.reference import Fact
from pactwatch.verify.values import amounts_compatible, date_compatible, months_apart, show

#: Independent origins needed before the store alone supports or contradicts a statement.
CORROBORATION = 2

Extract = Callable[[str, str], list[Event]]  # (text, published) -> events
VerdictName = Literal["supported", "contradicted", "cannot_decide"]


@dataclass(frozen=True)
class Knowledge:
    """What a statement is checked against."""

    record: Sequence[Fact]
    commitments: Sequence[Commitment]
    claims: Sequence[Claim] = ()
    sources: Sources = field(default_factory=Sources)


def check(statement: str, knowledge: Knowledge, extract: Extract, today: dt.date) -> Verdict:
    text = " ".join(statement.split())
    provision = _provision_verdict(text, knowledge.commitments)
    if provision is not None:
        return provision
    events = extract(text, today.isoformat())
    claims = claims_from_events(events)
    dated = {e.id for e in events if e.date}
    claims += _treaty_claims(text, knowledge.commitments, claims)
    if not any(c.slot == "troops_deployed" for c in claims):
        claims += _presence_claims(text)
    if not claims:
        return Verdict(
            statement=statement,
            verdict="cannot_decide",
            explanation=[
                "No checkable claim was read from the statement: no event between named actors, "
                "no treaty date and no treaty obligation. Name the actors, the act and, if you "
                "can, the date (e.g. 'North Korea sent troops to Russia in October 2024')."
            ],
        )
    ranked = sorted(claims, key=lambda c: _rank(c, dated))
    verdicts = [_claim_verdict(statement, c, knowledge, c_id_dated(c, dated)) for c in ranked]
    contradicted = next((v for v in verdicts if v.verdict == "contradicted"), None)
    return contradicted or verdicts[0]


def c_id_dated(claim: Claim, dated: set[str]) -> bool:
    """Whether the claim's date is the event's own, not the day the statement was checked."""
    return claim.value != "occurred" or any(m.event_id in dated for m in claim.mentions)


def _rank(claim: Claim, dated: set[str]) -> tuple[int, str]:
    if claim.slot in VALUE_SLOTS:
        return 0, claim.slot
    if amount_slot(claim.slot):
        return 1, claim.slot
    return (2 if c_id_dated(claim, dated) else 3), claim.slot


# --- one claim --------------------------------------------------------------------------------


def _claim_verdict(statement: str, claim: Claim, knowledge: Knowledge, dated: bool) -> Verdict:
    bare = claim.model_copy(update={"mentions": [], "origins": 0})
    what = f"{claim.subject} {claim.slot} {show(claim.value)}" + (
        f" (as of {claim.as_of})" if claim.as_of and (dated or amount_slot(claim.slot)) else ""
    )
    lines = [f"Read as: {what}; {claim.modality}, {claim.polarity}."]
    if claim.modality in {"speculative", "intended"}:
        lines.append(
            f"The statement is {claim.modality}: a possibility or a plan, which no record of what "
            "happened can confirm or refute."
        )
        return Verdict(statement=statement, claim=bare, verdict="cannot_decide", explanation=lines)
    probe = claim if dated else claim.model_copy(update={"as_of": None})
    evidence = _store_evidence(probe, knowledge)
    judgement = judge(probe, knowledge.record)
    if judgement is not None and (judgement.supports or judgement.contradicts):
        stance = "supports" if judgement.supports else "contradicts"
        evidence.insert(0, _record_evidence(judgement, stance))
        lines.append(f"The record {stance} it: {judgement.reason}.")
        lines += _store_lines(evidence)
        verdict: VerdictName = "supported" if judgement.supports else "contradicted"
        return Verdict(
            statement=statement, claim=bare, verdict=verdict, evidence=evidence, explanation=lines
        )
    if judgement is not None:
        lines.append(f"The record does not settle it: {judgement.reason}.")
        evidence.insert(0, _record_evidence(judgement, "supports"))
    absent = _absent(claim, knowledge.record)
    if absent is not None:
        lines.append(f"The record does not show it: {absent.note}")
        evidence.insert(
            0, Evidence(stance="contradicts", reference=absent.id, source_url=absent.urls()[0])
        )
    return _from_store(statement, bare, evidence, lines, decided_by_record=absent is not None)


def _from_store(
    statement: str,
    claim: Claim,
    evidence: list[Evidence],
    lines: list[str],
    *,
    decided_by_record: bool,
) -> Verdict:
    stored = [e for e in evidence if e.doc_id is not None]
    for_ = {e.origin for e in stored if e.stance == "supports"}
    against = {e.origin for e in stored if e.stance == "contradicts"}
    lines += _store_lines(evidence)
    verdict: VerdictName = "cannot_decide"
    if not decided_by_record and len(for_) >= CORROBORATION and not against:
        verdict = "supported"
        lines.append(f"Corroborated: {len(for_)} independent origins state it and none deny it.")
    elif not decided_by_record and len(against) >= CORROBORATION and not for_:
        verdict = "contradicted"
        lines.append(f"{len(against)} independent origins state otherwise and none state it.")
    elif len(for_) == 1 and not against:
        lines.append(
            "Only one independent origin states it, and the record does not show it: "
            "uncorroborated, so no verdict."
        )
    elif for_ and against:
        lines.append(
            f"The sources disagree ({len(for_)} origin(s) for, {len(against)} against), and the "
            "record does not settle it."
        )
    elif not for_ and not against:
        lines.append("Neither the record nor the stored sources speak to it.")
    return Verdict(
        statement=statement, claim=claim, verdict=verdict, evidence=evidence, explanation=lines
    )


def _store_lines(evidence: list[Evidence]) -> list[str]:
    stored = [e for e in evidence if e.doc_id is not None]
    if not stored:
        return []
    for_ = {e.origin for e in stored if e.stance == "supports"}
    against = {e.origin for e in stored if e.stance == "contradicts"}
    return [
        f"Stored sources: {len(for_)} independent origin(s) for, {len(against)} against "
        f"({len(stored)} span(s))."
    ]


def _record_evidence(judgement: Judgement, stance: str) -> Evidence:
    return Evidence(
        stance=stance,  # type: ignore[arg-type]  # one of the two literals
        reference=judgement.fact.id,
        source_url=judgement.url,
        value=judgement.value,
    )


def _absent(claim: Claim, record: Sequence[Fact]) -> Fact | None:
    return next(
        (
            f
            for f in record
            if f.kind == "absent"
            and claim.subject in f.subject
            and (claim.slot == f.slot or claim.slot.startswith(f.slot + ":"))
        ),
        None,
    )


def _store_evidence(claim: Claim, knowledge: Knowledge) -> list[Evidence]:
    found = []
    for stored in knowledge.claims:
        if stored.subject != claim.subject or stored.modality not in {"asserted", "reported"}:
            continue
        stance = _stance(claim, stored)
        if stance is None:
            continue
        found += [_mention_evidence(m, stance, stored, knowledge.sources) for m in stored.mentions]
    return found


def _mention_evidence(
    mention: ClaimMention, stance: str, stored: Claim, sources: Sources
) -> Evidence:
    return Evidence(
        stance=stance,  # type: ignore[arg-type]
        doc_id=mention.doc_id,
        span=mention.span,
        origin=sources.origin(mention),
        source_url=sources.urls.get(mention.doc_id),
        value=show(stored.value),
    )


def _stance(claim: Claim, stored: Claim) -> str | None:
    """Whether a stored claim supports or contradicts the statement's claim, or neither."""
    if stored.slot != claim.slot and not (
        claim.value == "occurred" and stored.slot.startswith(claim.slot + ":")
    ):
        return None
    if claim.slot in VALUE_SLOTS:
        return _date_stance(claim, stored)
    if amount_slot(claim.slot):
        return _amount_stance(claim, stored)
    if claim.value == "occurred" and stored.value == "occurred":
        if claim.as_of and stored.as_of and not date_compatible(claim.as_of, stored.as_of):
            return None
        return "supports" if stored.polarity == claim.polarity else "contradicts"
    return None


def _date_stance(claim: Claim, stored: Claim) -> str | None:
    if not isinstance(claim.value, str) or not isinstance(stored.value, str):
        return None
    if stored.polarity != "positive":
        return None
    if date_compatible(claim.value, stored.value):
        return "supports"
    near = _days(claim.value, stored.value)
    return "contradicts" if near is not None and near <= SAME_THING_DAYS else None


def _amount_stance(claim: Claim, stored: Claim) -> str | None:
    if isinstance(claim.value, str) or isinstance(stored.value, str):
        return None
    apart = months_apart(claim.as_of, stored.as_of) if claim.as_of and stored.as_of else 0
    if apart > ESTIMATE_WINDOW:
        return None
    return "supports" if amounts_compatible(claim.value, stored.value) else "contradicts"


def _days(a: str, b: str) -> int | None:
    try:
        day_a = dt.date.fromisoformat((a + "-01-01"[len(a) - 4 :])[:10] if len(a) < 10 else a)
        day_b = dt.date.fromisoformat((b + "-01-01"[len(b) - 4 :])[:10] if len(b) < 10 else b)
    except ValueError:
        return None
    return abs((day_a - day_b).days)


# --- treaties named without their parties -------------------------------------------------------

_TREATY_WORDS = re.compile(r"treaty|pact|agreement|accord|alliance", re.IGNORECASE)
_ACTS = (
    (
        re.compile(
            r"\b(enter|came|come|went|go)\w*\s+into\s+(force|effect)|\b(take|took)\w* effect",
            re.IGNORECASE,
        ),
        "in_force_on",
    ),
    (re.compile(r"\bratif(y|ied|ies|ication)\b", re.IGNORECASE), "ratified_on"),
    (re.compile(r"\b(sign|signed|signs|signing|inked|concluded)\b", re.IGNORECASE), "signed_on"),
)
_COMMON = {
    "treaty",
    "of",
    "the",
    "and",
    "between",
    "on",
    "for",
    "a",
    "an",
    "in",
    "with",
    "to",
    "state",
    "states",
    "republic",
    "people's",
    "democratic",
    "federation",
    "russian",
    "korea",
    "union",
    "soviet",
    "socialist",
    "america",
    "united",
    "japan",
    "china",
    "organization",
    "north",
}


def _states_named(text: str) -> set[str]:
    """The states a statement names ("the Soviet Union", "North Korea", "Moscow")."""
    registry = load_registry()
    words = text.replace(",", " ").replace(".", " ").split()
    found = set()
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            hit = registry.lookup(" ".join(words[i : i + size]))
            if hit is not None and words[i][:1].isupper():
                found.add(hit[0].code)
    return found


def resolve_treaty(text: str, commitments: Sequence[Commitment]) -> Commitment | None:
    """The treaty a statement names: by its year ("the 2024 treaty", "the treaty of 1961") or by
    words of its title next to the word treaty ("the partnership treaty", "the friendship
    treaty"); words elsewhere in the sentence do not count ("mutual assistance" is what many
    treaties promise)."""
    lowered = text.lower()
    words = re.findall(r"[a-z']+|\d{4}", lowered)
    near: set[str] = set()
    for i, word in enumerate(words):
        if _TREATY_WORDS.fullmatch(word):
            near |= set(words[max(0, i - 4) : i + 5])
    if not near:
        return None
    parties = _states_named(text)
    best: tuple[int, Commitment] | None = None
    for commitment in commitments:
        if commitment.kind != "treaty":
            continue
        title = set(re.findall(r"[a-z']+", commitment.title.lower())) - _COMMON
        year = str(commitment.signed.year)
        signers = commitment.members_on(commitment.signed) or commitment.members_on(
            commitment.in_force.from_
        )
        named = len(set(signers) & parties)
        score = 2 * len(title & near) + (3 if year in near else 0) + 2 * named
        if score >= 2 and (best is None or score > best[0]):
            best = (score, commitment)
    return best[1] if best else None


def _treaty_claims(
    text: str, commitments: Sequence[Commitment], claims: list[Claim]
) -> list[Claim]:
    """ "The partnership treaty was signed on June 19, 2023": a treaty date claim even though the
    sentence names no party."""
    treaty = resolve_treaty(text, commitments)
    slot = next((name for pattern, name in _ACTS if pattern.search(text)), None)
    if treaty is None or slot is None:
        return []
    if any(c.subject.startswith("treaty ") and c.slot == slot for c in claims):
        return []  # the extraction read it already
    year_only = {str(treaty.signed.year)}
    cleaned = text
    for year in year_only:
        # "the 2024 treaty was signed on 19 June 2023": the year naming the treaty is no date
        cleaned = re.sub(rf"\bthe\s+{year}\s+", "the ", cleaned, flags=re.IGNORECASE)
    date = parse_date(cleaned)
    if date is None:
        return []
    negated = re.search(r"\b(not|never|no)\b", text, re.IGNORECASE) is not None
    signers = treaty.members_on(treaty.signed) or treaty.members_on(treaty.in_force.from_)
    named = _states_named(text)
    # the states the statement names, when it names two or more ("between Japan and South
    # Korea"), so that a wrong signatory shows; else the treaty's own parties
    parties = "-".join(sorted(named if len(named) > 1 else signers))
    mention = ClaimMention(doc_id="statement", span=Span(start=0, end=len(text), text=text))
    return [
        Claim(
            id=f"statement-{treaty.id}-{slot}",
            subject=f"treaty {parties}",
            slot=slot,
            value=date,
            as_of=None,
            modality="asserted",
            polarity="negative" if negated else "positive",
            mentions=[mention],
            origins=1,
        )
    ]


# --- forces present ---------------------------------------------------------------------------

_PRESENCE = re.compile(
    r"(?P<src>[^.;]+?)\s+(?:had|has|have|kept|keeps|maintains|maintained)\s+"
    r"(?P<amount>(?:(?:about|around|some|roughly|nearly|more than|at least|up to|over)\s+)?"
    r"[\d][\d,.]*(?:\s+(?:million|thousand))?)\s+(?:[\w-]+\s+)?"
    r"(?:troops|soldiers|personnel|forces)(?:\s+(?:deployed|stationed|fighting))?\s+in\s+"
    r"(?P<dst>[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*)",
)


def _presence_claims(text: str) -> list[Claim]:
    """ "As of November 2024, North Korea had about 10,900 soldiers in Russia's Kursk region": a
    statement of forces present, which the event extractor leaves alone (presence is a situation,
    not an act), read here as the number of troops one state had sent to the other."""
    match = _PRESENCE.search(text)
    if match is None:
        return []
    source = _last_state(match.group("src"))
    target = _last_state(re.sub(r"['\u2019]s\b", "", match.group("dst")))
    amount = parse_amount(match.group("amount"))
    if source is None or target is None or source == target or amount is None:
        return []
    value: float | Range = (
        amount.value if amount.value is not None else Range(low=amount.low, high=amount.high)
    )
    date = parse_date(text)
    mention = ClaimMention(doc_id="statement", span=Span(start=0, end=len(text), text=text))
    return [
        Claim(
            id="statement-presence",
            subject=f"{source}->{target}",
            slot="troops_deployed",
            value=value,
            as_of=date[:7] if date else None,
            modality="asserted",
            mentions=[mention],
            origins=1,
        )
    ]


def _last_state(text: str) -> str | None:
    registry = load_registry()
    words = text.replace(",", " ").split()
    found: str | None = None
    for i in range(len(words)):
        for size in (3, 2, 1):
            hit = registry.lookup(" ".join(words[i : i + size]))
            if hit is not None and words[i][:1].isupper() and len(hit[0].code) == 3:
                found = hit[0].code
                break
    return found


# --- treaty obligations -------------------------------------------------------------------------

_OBLIGATION_WORDS = (
    ("defense", r"\b(assist|assistance|help|aid|defend|defence|defense|come to)\b"),
    ("consultation", r"\b(consult|consults|consultation|consultations)\b"),
    ("non_alliance", r"\b(alliance|alliances|bloc)\b.*\bagainst\b|\bnot (join|conclude)\b"),
    ("non_aggression", r"\bnon-aggression\b|\bnot (to )?attack\b"),
)
_DUTY = re.compile(
    r"\b(oblig\w*|commit\w*|require\w*|must|shall|bound|bind\w*|duty|pledge\w*|promis\w*|undertak\w*)\b",
    re.IGNORECASE,
)
_CONDITION_WORDS = (
    ("armed_attack", r"\b(attack|attacked|armed attack|aggression|invaded|invasion)\b"),
    ("state_of_war", r"\bstate of war\b|\bat war\b"),
    ("threat", r"\bthreat|threatened\b"),
    ("request", r"\brequest\w*\b"),
)
_ARTICLE = re.compile(r"\barticle\s+(\d+[a-z]?)\b", re.IGNORECASE)


def _provision_verdict(text: str, commitments: Sequence[Commitment]) -> Verdict | None:
    """ "Article 4 of the 2024 treaty obliges each side to give military assistance with all
    means if the other is attacked and in a state of war": checked against the coded provision."""
    if not _DUTY.search(text):
        return None
    obligation = next(
        (name for name, pattern in _OBLIGATION_WORDS if re.search(pattern, text, re.IGNORECASE)),
        None,
    )
    treaty = resolve_treaty(text, commitments)
    if obligation is None or treaty is None:
        return None
    article = _ARTICLE.search(text)
    # "a threat of aggression" names a threat, not an attack
    plain = re.sub(r"\bthreats? of (an )?(armed )?(aggression|attack)", "threat", text, flags=re.I)
    conditions = {
        name for name, pattern in _CONDITION_WORDS if re.search(pattern, plain, re.IGNORECASE)
    }
    lines = [
        f"Read as: {treaty.short} ({treaty.id}) imposes a {obligation} obligation"
        + (f" in Article {article.group(1)}" if article else "")
        + (f" when {', '.join(sorted(conditions))}" if conditions else "")
        + "."
    ]
    candidates = [p for p in treaty.provisions if p.obligation == obligation]
    if article:
        named = [p for p in treaty.provisions if p.article == article.group(1)]
        if named and named[0].obligation != obligation:
            found = named[0]
            lines.append(
                f"Article {found.article} of {treaty.short} is coded as "
                f"{found.obligation or 'procedural'}, not {obligation}: {found.summary}"
            )
            return _provision(text, "contradicted", treaty, found, lines)
        candidates = [p for p in named if p.obligation == obligation] or candidates
    if not candidates:
        lines.append(
            f"{treaty.short} has no {obligation} provision among its coded articles "
            f"({', '.join(p.article for p in treaty.provisions)})."
        )
        return Verdict(
            statement=text,
            verdict="contradicted",
            evidence=[
                Evidence(stance="contradicts", reference=treaty.id, source_url=treaty.sources[0])
            ],
            explanation=lines,
        )
    for provision in candidates:
        keys = _condition_keys(provision.conditions)
        missing = conditions - keys
        if not missing:
            lines.append(
                f"Article {provision.article} ({provision.title or obligation}): "
                f"{provision.summary}"
            )
            if keys - conditions:
                lines.append(
                    "Its other conditions, not named in the statement: "
                    f"{', '.join(sorted(keys - conditions))}."
                )
            return _provision(text, "supported", treaty, provision, lines)
    provision = candidates[0]
    keys = _condition_keys(provision.conditions)
    lines.append(
        f"Article {provision.article} imposes it only when {', '.join(sorted(keys)) or 'always'}, "
        f"not when {', '.join(sorted(conditions - keys))}: {provision.summary}"
    )
    return _provision(text, "contradicted", treaty, provision, lines)


def _provision(
    text: str, verdict: str, treaty: Commitment, provision: Provision, lines: list[str]
) -> Verdict:
    stance = "supports" if verdict == "supported" else "contradicts"
    evidence = [
        Evidence(
            stance=stance,  # type: ignore[arg-type]
            reference=f"{treaty.id} art. {provision.article}",
            source_url=url,
        )
        for url in provision.sources
    ]
    return Verdict(
        statement=text,
        verdict=verdict,  # type: ignore[arg-type]
        evidence=evidence,
        explanation=lines,
    )


def _condition_keys(condition: Condition | None) -> set[str]:
    if condition is None:
        return set()
    found = {condition.key} - {"all", "any", "not"}
    for part in (*(condition.all_ or ()), *(condition.any_ or ())):
        found |= _condition_keys(part)
    if condition.not_ is not None:
        found |= _condition_keys(condition.not_)
    return found
