"""extract.rules.v1: events from a parsed sentence with a verb lexicon and the dependency parse.

For each verb in the lexicon: the source is its subject (or the agent of a passive, or the subject
inherited from the verb it hangs from), the target an actor in a to/with/against phrase, an
indirect object or a direct object, the mode is decided by the object noun, and the modality by
:mod:`pactwatch.extract.modality`. The span is the clause, from the source mention to the end of
the verb's phrase, so slicing the clean text at the span's offsets gives the evidence.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from pactwatch.actors import Mention, Registry, link_mentions, load_registry
from pactwatch.actors.registry import ActorRef
from pactwatch.commitments.world import load_world
from pactwatch.extract.lexicon import Lexicon, NounEntry, ObjectEntry, VerbEntry
from pactwatch.extract.modality import Stance, stance
from pactwatch.model import Document, Event, Location, Quantity, Span
from pactwatch.nlp.dates import resolve_date
from pactwatch.nlp.quantities import parse_amount

NAME = "extract.rules.v1"
# Phrases that name the one acted on: the strong ones first ("shared data on the launch with
# Seoul" is shared with Seoul), then the weak ones.
_TARGET_PREPS = {"to", "with", "against", "toward", "towards", "into"}
_WEAK_TARGET_PREPS = {"for", "at", "on", "near", "across"}
_MUTUAL = {"COOPERATE", "CONSULT", "AGREE"}
_PLACE_PREPS = {"in", "to", "into", "at", "near", "on", "over"}
_SUBJECT_LINKS = {"xcomp", "conj", "acomp", "advcl", "ccomp", "pcomp", "prep", "pobj"}
# With no target, coordinated subjects act on each other only in acts done together ("signed",
# "met", "held drills", "clashed"); "Seoul and Washington condemned the launch" is two accusations
# of no one named.
_ONE_SIDED = {
    "MOBILIZE",
    "RETREAT",
    "ACCUSE",
    "SUPPORT",
    "REQUEST",
    "REJECT",
    "THREATEN",
    "SANCTION",
    "AID",
}
_PRONOUNS = {"it", "they", "he", "she", "we", "i", "you", "this", "that", "which", "who"}


@dataclass(frozen=True)
class _Frame:
    """What one verb says, before it is paired with each of its sources."""

    verb: Any
    obj: Any | None
    type: str
    mode: str | None
    stance: Stance
    speaker: Mention | None


@dataclass(frozen=True)
class _Context:
    doc: Any
    document: Document
    mentions: dict[int, Mention]  # token index -> mention covering it
    lexicon: Lexicon
    registry: Registry
    dates: tuple[Any, ...] = ()  # the document's DATE entities, read once


def extract_events(
    doc: Any, document: Document, lexicon: Lexicon, registry: Registry
) -> list[Event]:
    on = _as_date(document.published)
    mentions = link_mentions(doc, registry, on)
    index = {i: m for m in mentions for i in range(m.start, m.end)}
    dates = tuple(e for e in doc.ents if e.label_ == "DATE")
    ctx = _Context(doc, document, index, lexicon, registry, dates)
    events: dict[str, Event] = {}
    for token in doc:
        if token.pos_ == "NOUN":
            noun = lexicon.nouns.get(token.lemma_.lower())
            for event in _events_for_noun(token, noun, ctx) if noun else ():
                events.setdefault(event.id, event)
            continue
        if token.pos_ not in {"VERB", "AUX"}:
            continue
        entry = _verb_entry(token, lexicon)
        if entry is None or _content_of_a_demand(token, lexicon) or _left_open(token, lexicon):
            continue
        moving = entry.carried or (entry.mode == "visit" and _goods_subject(token, lexicon))
        found = _carried(token, ctx) if moving else _events_for_verb(token, entry, ctx)
        for event in found:
            events.setdefault(event.id, event)
    return _once_per_sentence(list(events.values()), doc)


def _once_per_sentence(events: list[Event], doc: Any) -> list[Event]:
    """ "Kim is set to visit Russia to meet Putin": one sentence saying the same thing twice (same
    type, actors, modality and polarity) is one event; the first is kept."""
    seen: set[tuple[object, ...]] = set()
    kept = []
    for event in sorted(events, key=lambda e: e.span.start):
        sentence = doc.char_span(event.span.start, event.span.end, alignment_mode="expand")
        start = sentence.sent.start if sentence is not None else event.span.start
        key = (start, event.type, event.source, event.target, event.modality, event.polarity)
        if key not in seen:
            seen.add(key)
            kept.append(event)
    return kept


_NOUN_TARGET_PREPS = {"to", "into", "on", "against", "with", "toward", "towards", "at"}


_ASKS = {"request", "bid", "appeal", "call", "demand", "talk", "meeting", "summit"}


def _events_for_noun(noun: Any, entry: NounEntry, ctx: _Context) -> Iterator[Event]:
    """Events named by a noun: "Russia's invasion of Ukraine", "the transfer of shells to
    Russia", "launched an incursion into Russia", "talks between Seoul and Tokyo"."""
    head = noun.head
    if head.pos_ == "VERB" and _content_of_a_demand(head, ctx.lexicon):
        return  # "agreed to expand cooperation": the agreement's content
    if noun.dep_ == "dobj" and head.pos_ == "VERB" and noun.lemma_.lower() not in _ASKS:
        asking = _verb_entry(head, ctx.lexicon)
        if asking is not None and asking.type in {"REQUEST", "THREATEN"}:
            return  # "demanded their withdrawal": what is asked for is not an event of its own
    if noun.dep_ in {"dobj", "nsubjpass"} and head.pos_ == "VERB":
        verb_entry = _verb_entry(head, ctx.lexicon)
        allowed = ctx.lexicon.object_verbs.get(verb_entry.lemma) if verb_entry else None
        codes_it = verb_entry is not None and (
            noun.lemma_ in allowed
            if allowed is not None
            else verb_entry.type == entry.type and verb_entry.needs != "object"
        )
        if codes_it:
            return  # the verb codes it: "held talks", "conducted drills", "vetoed"
    sources = _noun_sources(noun, ctx)
    if not sources:
        return
    target = _noun_event_target(noun, entry, sources, ctx) if entry.type != "RETREAT" else None
    if target is None and entry.type in {"ASSAULT", "COERCE"}:
        target = _place_target(noun, None, sources, ctx)  # "strikes inside Afghanistan's ..."
    thing = _pobj_of(noun, {"prep"}, {"of"}) if not entry.target_of else None
    if entry.type == "CONSULT" and target is None and len(sources) < 2:
        return  # talks and meetings need two parties
    event_type = entry.type
    if entry.mode == "military_exercise" and len(sources) == 1 and target is None:
        # one state's drills; an alliance's own exercise stays cooperation among its members
        event_type = "COOPERATE" if ctx.registry.is_group(sources[0].ref.code) else "MOBILIZE"
    if _sent_to_a_state(event_type, entry.mode, True, target):
        event_type = "AID"  # "the deployment of troops to Russia"
    pairs = _pairs(sources, target, entry.type, ctx)
    yield from _events(noun, thing, pairs, ctx, event_type=event_type, mode=entry.mode)


def _noun_event_target(
    noun: Any, entry: NounEntry, sources: list[Mention], ctx: _Context
) -> Mention | None:
    """The one a noun's event is directed at: a to/on/against/with phrase (of, for an invasion),
    the verb's to-phrase, an actor named before the noun, or the one who refused a request."""
    preps = _NOUN_TARGET_PREPS | ({"of"} if entry.target_of else set())
    if entry.type in {"SUPPORT", "AID"}:
        preps = preps | {"for"}  # "China's backing for Pakistan"
    objects = (
        p for c in noun.children if c.dep_ == "prep" and c.lower_ in preps for p in c.children
    )
    target = next(
        (m for m in (_mention_at(p, ctx) for p in objects if p.dep_ == "pobj") if m), None
    )
    head = noun.head
    if target is None and noun.dep_ == "dobj":
        # "condemned Pyongyang's deployment of troops to Russia", the to-phrase parsed on the verb
        target = _prep_actor(head, None, {"to", "into"}, ctx)
    target = target or _noun_target(noun, sources, ctx)
    if target is None and noun.dep_ == "dobj" and entry.type in {"REQUEST", "CONSULT"}:
        # "The White House turned down Ukraine's request": asked of the one who refused it
        refusal = _verb_entry(head, ctx.lexicon)
        if refusal is not None and refusal.type == "REJECT":
            target = next(iter(_sources(head, False, ctx)), None)
    return target


def _noun_target(noun: Any, sources: list[Mention], ctx: _Context) -> Mention | None:
    """ "its NATO bid": an actor named before the noun other than its source; "bid to join
    NATO": the object of the verb that spells the noun out."""
    codes = {m.ref.code for m in sources}
    for child in noun.children:
        mention = ctx.mentions.get(child.i)
        if child.dep_ in {"compound", "amod"} and mention and mention.ref.code not in codes:
            return mention
        if child.dep_ in {"acl", "relcl"} and child.pos_ == "VERB":
            obj = next((c for c in child.children if c.dep_ == "dobj"), None)
            found = _mention_at(obj, ctx) if obj is not None else None
            if found is not None and found.ref.code not in codes:
                return found
    return None


_LEAVING = {"withdrawal", "pullback", "pullout", "drawdown", "retreat", "evacuation"}


def _noun_sources(noun: Any, ctx: _Context) -> list[Mention]:
    """Who acts in a noun's event: "Russia's", "Russian", "by Russia", "between A and B", or
    the subject of a light verb whose object the noun is ("Ukraine launched an incursion")."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None and owner.lower_ in {"its", "their"}:
        return _subject_actors(owner, ctx)  # "its NATO bid": the nearest subject before it
    for child in noun.children:
        mention = ctx.mentions.get(child.i)
        if mention is None or child.dep_ not in {"poss", "amod", "compound", "nmod"}:
            continue
        if child.dep_ != "poss" and mention.kind == "metonym":
            continue  # "the Minsk summit": a capital before the noun names the place
        return [mention]
    # "a pullback of troops from the Kyiv region": for a retreat, "from" is where they leave,
    # and "the withdrawal of Russian forces" names who leaves
    leaving = noun.lemma_.lower() in _LEAVING
    if leaving:
        of = _pobj_of(noun, {"prep"}, {"of"})
        found = _with_conjuncts(of, ctx) if of is not None else []
        if found:
            return found
    givers = {"by"} if leaving else {"by", "from"}
    for phrase in (givers, {"between"}):
        agent = _pobj_of(noun, {"prep", "agent"}, phrase)
        found = _with_conjuncts(agent, ctx) if agent is not None else []
        if found:
            return found
    return _sources_around(noun, ctx)


def _sources_around(noun: Any, ctx: _Context) -> list[Mention]:
    """The subject of a light verb whose object the noun is ("launched an incursion"), or the
    source of the noun it completes ("Seoul's proposal for talks")."""
    head = noun.head
    light = head.lemma_.lower() in ctx.lexicon.light_verbs
    if light and head.lemma_.lower() == "call":  # "called off the drill", not "called it X"
        light = any(c.dep_ == "prt" and c.lower_ == "off" for c in head.children)
    if noun.dep_ == "dobj" and light:
        return _sources(head, False, ctx)
    if noun.dep_ == "pobj" and head.lower_ in {"of", "for"} and head.head.pos_ == "NOUN":
        return _noun_sources(head.head, ctx)
    return []


def _sent_to_a_state(event_type: str, mode: str | None, sent: bool, target: Mention | None) -> bool:
    """ "Sent troops to Russia", "deployed jets to Poland": forces sent to another state are aid
    to it (the caller checks that the target is the to/into phrase); forces moved to a border
    or a region stay a deployment."""
    return (
        event_type == "MOBILIZE"
        and (mode == "troop_deployment" or sent)
        and sent
        and target is not None
        and target.kind != "adjective"
    )


def _to_a_border(verb: Any) -> bool:
    """ "deployed troops to its border with Belarus": a deployment facing a state, not aid to it."""
    place = _pobj_of(verb, {"prep"}, {"to", "towards", "toward"})
    return place is not None and place.lemma_.lower() in {"border", "frontier", "boundary"}


def _left_open(verb: Any, lexicon: Lexicon) -> bool:
    """ "Has not ruled out sending weapons": not a rejection; what is left open is coded (as
    speculative) from the verb beneath."""
    negated = any(c.dep_ == "neg" for c in verb.children)
    return negated and verb.lemma_.lower() in lexicon.cues.open_when_negated


def _content_of_a_demand(verb: Any, lexicon: Lexicon) -> bool:
    """ "Asked Russia to supply air defence", "threatened to strike Seoul", "agreed to expand
    cooperation": what is asked for, threatened or agreed is the content of that one event, not
    an event of its own."""
    above = verb.head
    if verb.dep_ == "pcomp" and above.dep_ == "prep":
        above = above.head  # "warned NATO against sending troops", "called for lifting"
    elif verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in verb.children
    ):
        # "warned Japan of consequences if it deploys US missiles": the threat's condition
        threat = _verb_entry(above, lexicon)
        return threat is not None and threat.type == "THREATEN"
    elif verb.dep_ not in {"xcomp", "ccomp"}:
        return False
    if above.pos_ != "VERB":
        return False
    if (
        above.dep_ in {"xcomp", "ccomp"}
        and above.head.pos_ == "VERB"
        and (_verb_entry(above, lexicon) is None)
    ):
        above = above.head  # "demanded that China stop supplying Russia": still the content
    head = _verb_entry(above, lexicon)
    return head is not None and head.type in {"REQUEST", "THREATEN", "AGREE"}


def _pairs(
    sources: list[Mention], target: Mention | None, event_type: str, ctx: _Context
) -> list[tuple[Mention, Mention | None]]:
    """(source, target) per event. "Russia and North Korea signed a treaty": with no target,
    coordinated sources act on each other, one event in each direction. "held an exercise with
    Japan and South Korea": one event towards each coordinated target."""
    if len(sources) > 1 and event_type not in _ONE_SIDED and target is None:
        return [(a, b) for a in sources for b in sources if a.ref.code != b.ref.code]
    targets: list[Mention | None] = [target]
    if target is not None:
        targets = [*_with_conjuncts(ctx.doc[target.end - 1], ctx)] or [target]
    return [(source, to) for source in sources for to in targets]


_ADVERB_PARTICLES = {"back", "out", "off", "away", "down", "up", "in"}


def _verb_entry(token: Any, lexicon: Lexicon) -> VerbEntry | None:
    """The lexicon entry of a verb: lemma and particle ("rule out", "call on") before lemma; a
    verb and object that mean another verb ("took delivery of" is "received")."""
    for child in token.children:
        if child.dep_ == "dobj":
            meaning = lexicon.verb_objects.get(f"{token.lemma_.lower()} {child.lemma_.lower()}")
            if meaning is not None:
                return lexicon.verbs[meaning]
    for lemma in verb_lemmas(token, lexicon):
        particle = False
        for child in token.children:
            # "pulled back from": the parser may take the particle for an adverb
            adverb = child.dep_ == "advmod" and child.lower_ in _ADVERB_PARTICLES
            if child.dep_ in {"prt", "prep"} or adverb:
                entry = lexicon.verbs.get(f"{lemma} {child.lower_}")
                if entry is not None:
                    return entry
                # "seized off Sakhalin": a "particle" with an object is a preposition
                bare = not any(g.dep_ == "pobj" for g in child.children)
                particle = particle or (child.dep_ == "prt" and bare)
        # A phrasal verb the lexicon does not list is another verb: "called off" is not "called".
        if particle:
            return None
        if lemma in lexicon.verbs:
            return lexicon.verbs[lemma]
    return None


def verb_lemmas(token: Any, lexicon: Lexicon) -> list[str]:
    """The tagger's lemma, then, when the lexicon does not know it, lemmas read off an inflected
    form the lemmatiser got wrong ("staged" -> "stag", "shelled" -> "shell")."""
    lemma = token.lemma_.lower()
    if lemma in lexicon.stems or token.tag_ not in _INFLECTED:
        return [lemma]
    form = token.lower_
    found = [lemma]
    for suffix in ("ed", "ing", "es", "s"):
        if form.endswith(suffix) and len(form) > len(suffix) + 2:
            stem = form[: -len(suffix)]
            options = [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                options.append(stem[:-1])  # "shipped" -> "ship"
            if stem.endswith("i"):
                options.append(stem[:-1] + "y")  # "supplied" -> "supply"
            found += [o for o in options if o in lexicon.stems and o not in found]
            break
    return found


_INFLECTED = {"VBD", "VBN", "VBG", "VBZ"}


def _antecedent(pronoun: Any, sources: list[Mention], ctx: _Context) -> Mention | None:
    """ "if China attacked it": the nearest actor before the pronoun, in its sentence, that is
    not the one acting."""
    acting = {m.ref.code for m in sources}
    for i in range(pronoun.i - 1, pronoun.sent.start - 1, -1):
        mention = ctx.mentions.get(i)
        if mention is not None and mention.ref.code not in acting:
            return mention
    return None


@dataclass(frozen=True)
class _VerbFrame:
    """What a lexicon verb says before its actors are found: its object, type and mode."""

    passive: bool
    obj: Any | None
    type: str
    mode: str | None


def _own_subject(verb: Any) -> bool:
    """A relative clause with a subject of its own ("the embargo it imposed"), not one whose
    subject is the relative pronoun ("the soldiers who fought")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.lower_ not in {"who", "which", "that"}


def _verb_frame(verb: Any, entry: VerbEntry, ctx: _Context) -> _VerbFrame | None:
    """The verb's object, type and mode; None when the verb needs an object it lacks."""
    # "an agreement signed in 1961": a past participle modifying a noun is a passive too.
    reduced = (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and not any(c.dep_ in {"nsubj", "aux"} for c in verb.children)  # not "that X had sent"
        # nor a misparsed main verb with its own object: "agents abducted at least 17 citizens"
        and not any(c.dep_ == "dobj" for c in verb.children)
    )
    # "vowed to retaliate if attacked": a bare participle after "if" is a passive with no agent
    bare = verb.tag_ == "VBN" and not any(c.dep_ in {"nsubj", "aux"} for c in verb.children)
    conditional = bare and any(c.dep_ == "mark" for c in verb.children)
    passive = (
        reduced or conditional or any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
    )
    # "entered into force": the particle's object is what the verb needs
    particle = entry.particle if entry.needs == "object" else None
    obj_token = verb.head if reduced else _object_token(verb, passive, particle)
    if obj_token is None and verb.dep_ == "relcl" and not passive and _own_subject(verb):
        obj_token = verb.head  # "the embargo it imposed on Turkey": what the clause is about
    obj_entry = _object_entry(obj_token, ctx.lexicon)
    allowed = ctx.lexicon.object_verbs.get(entry.lemma)
    if obj_entry is None and allowed is not None and "national" in allowed:
        obj_entry = _a_person(obj_token, ctx)  # "freed Otto Warmbier", "held Evan Gershkovich"
    if obj_entry is None and allowed is not None and "territory" in allowed:
        obj_entry = _a_territory(obj_token, entry, ctx)  # "will never cede Crimea"
    if (entry.needs == "object" or allowed is not None) and (
        obj_entry is None
        or (
            allowed is not None and obj_entry.lemma not in allowed and obj_entry.mode not in allowed
        )
    ):
        return None
    # An object retypes only verbs of moving or holding ("sent troops", "held talks"), never
    # what is said about it ("condemned the deployment of troops" stays an accusation).
    retyped = (
        obj_entry is not None
        and obj_entry.type is not None
        and not entry.fixed
        and (
            entry.type in {"AID", "MOBILIZE"}
            or allowed is not None
            or (entry.type == "ASSAULT" and obj_entry.type == "COERCE")  # "fired water cannon"
            or (entry.lemma in _HOSTS and obj_entry.mode == "visit")  # "welcomed a delegation"
            or (entry.lemma == "join" and obj_entry.type == "SANCTION")  # "joined the sanctions"
        )
    )
    event_type = entry.type
    if retyped and obj_entry is not None and obj_entry.type is not None:
        event_type = obj_entry.type
    by_object = ctx.lexicon.object_types.get(entry.lemma, {})
    if obj_entry is not None and obj_entry.lemma in by_object:
        event_type = by_object[obj_entry.lemma]  # "scrapped tariffs": a concession
        retyped = True
    # The verb's own mode ("ratify" -> treaty_ratified) wins over the object's ("treaty"), unless
    # the object changes what kind of event it is ("sent troops" is a deployment, not aid).
    object_mode = obj_entry.mode if obj_entry is not None else None
    mode = object_mode if retyped or not entry.mode else entry.mode
    if not retyped and event_type in {"ACCUSE", "SUPPORT", "REQUEST", "THREATEN"}:
        mode = entry.mode  # "praised the treaty" is praise, not a signing
    return _VerbFrame(passive, obj_token, event_type, None if event_type == "SANCTION" else mode)


def _verb_target(
    verb: Any, entry: VerbEntry, frame: _VerbFrame, sources: list[Mention], ctx: _Context
) -> Mention | None:
    """The one a verb acts on: a phrase or the object; what a threat would hit; the antecedent
    of "it"; the state owning the place attacked or visited."""
    obj_token, event_type = frame.obj, frame.type
    if entry.target_from == "content":
        target = _threatened(verb, ctx)
    else:
        # "staged joint patrols near Japan": with partners as subjects, "near" names no partner
        mutual = event_type in _MUTUAL and len(sources) > 1
        target = _target(verb, entry, obj_token, frame.passive, ctx, mutual=mutual)
    if target is None and frame.passive and obj_token is not None and obj_token.dep_ == "dobj":
        # "Ukraine was handed a batch of missiles by Germany": the subject receives
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        target = _mention_at(subject, ctx) if subject is not None else None
    if target is None and event_type == "MOBILIZE":
        # "deployed missiles to Kyushu to counter China": the one the deployment faces
        purpose = (c for c in verb.children if c.dep_ in {"advcl", "xcomp"})
        faced = next((c for c in purpose if c.lemma_.lower() in _FACING), None)
        hit = next((c for c in faced.children if c.dep_ == "dobj"), None) if faced else None
        target = _mention_at(hit, ctx) if hit is not None else None
    if target is None and event_type in {"THREATEN", "REQUEST"}:
        # "threatened to wipe out South Korea", "to scrap the agreement with Seoul", "to slap
        # tariffs on Indian goods", "applied to join NATO": the first other actor the threatened
        # or requested act names
        content = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        acting = {s.ref.code for s in sources}
        named = (ctx.mentions.get(t.i) for t in content.subtree) if content is not None else ()
        target = next((m for m in named if m is not None and m.ref.code not in acting), None)
    if target is None and obj_token is not None and obj_token.lower_ in {"it", "them"}:
        target = _antecedent(obj_token, sources, ctx) if event_type != "AID" else None
    if target is None and event_type == "AID" and obj_token is not None and not frame.passive:
        # "sending Pyongyang air-defence equipment", parsed as one noun phrase: the name first
        first = obj_token.left_edge
        front = ctx.mentions.get(first.i)
        if front is not None and front.kind in {"name", "metonym"} and first.dep_ == "compound":
            target = front
    if target is None and frame.passive and obj_token is not None and event_type in _ON_OWNER:
        # "two American journalists were freed by Iran", "a Greek tanker was seized by Iran"
        owner = _mention_at(obj_token, ctx)
        acting = {s.ref.code for s in sources}
        target = owner if owner is not None and owner.ref.code not in acting else None
    if target is None and event_type == "CONCEDE" and obj_token is not None and not frame.passive:
        target = _mention_at(obj_token, ctx)  # "accepted a US demand": conceded to its maker
    if target is None and event_type == "SANCTION" and obj_token is not None:
        # "joined the sanctions on Russia": the one the sanctions are on
        target = _prep_actor(verb, obj_token, {"on", "against"}, ctx)
    return target or _owner_of_what_was_hit(verb, frame, sources, ctx)


def _owner_of_what_was_hit(
    verb: Any, frame: _VerbFrame, sources: list[Mention], ctx: _Context
) -> Mention | None:
    """The state owning the place attacked or visited; the antecedent of "its" in "harassed its
    ships"; the accuser in "accused Belarus of pushing migrants across the border"."""
    target = None
    if frame.type in {"ASSAULT", "COERCE"} or frame.mode == "visit":
        target = _place_target(verb, frame.obj, sources, ctx)
    if target is None and frame.type in _ON_OWNER and frame.obj is not None:
        owner = _possessive_pronoun(frame.obj)
        target = _antecedent(owner, sources, ctx) if owner is not None else None
    if target is None and frame.type in {"ASSAULT", "COERCE"}:
        target = _accuser(verb, sources, ctx)
    return target


def _possessive_pronoun(obj: Any) -> Any | None:
    of = _pobj_of(obj, {"prep"}, {"of"})
    for noun in (obj, of) if of is not None else (obj,):
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is not None and owner.lower_ in {"its", "their", "her", "his"}:
            return owner
    return None


_ACCUSING = {"accuse", "blame", "charge"}


def _accuser(verb: Any, sources: list[Mention], ctx: _Context) -> Mention | None:
    """ "Lithuania accused Belarus of pushing migrants across the border": with no one else
    named, the act complained of was done to the accuser."""
    if verb.dep_ != "pcomp" or verb.head.dep_ != "prep" or verb.head.lower_ != "of":
        return None
    accusing = verb.head.head
    if accusing.lemma_.lower() not in _ACCUSING:
        return None
    acting = {s.ref.code for s in sources}
    return next((m for m in _sources(accusing, False, ctx) if m.ref.code not in acting), None)


def _final_type(
    verb: Any,
    entry: VerbEntry,
    frame: _VerbFrame,
    sources: list[Mention],
    ctx: _Context,
    *,
    target: Mention | None,
) -> str:
    """Forces sent to another state are aid to it ("sent troops to Russia"), unless sent to a
    border; one state's drills are a mobilisation, an alliance's own are cooperation."""
    sent = entry.type == "AID" or entry.lemma == "deploy"
    if (
        _sent_to_a_state(frame.type, frame.mode, sent, target)
        and _prep_actor(verb, frame.obj, {"to", "into"}, ctx) is target
        and not _to_a_border(verb)
    ):
        return "AID"
    alone = len(sources) == 1 and not ctx.registry.is_group(sources[0].ref.code)
    exercise = frame.mode == "military_exercise" and frame.type == "COOPERATE"
    return "MOBILIZE" if exercise and target is None and alone else frame.type


def _goods_subject(verb: Any, lexicon: Lexicon) -> bool:
    """ "The first shells arrived in Russia": goods, not a delegation, did the travelling."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "xcomp":  # "tanks began arriving in Poland"
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    goods = _object_entry(subject, lexicon) if subject is not None else None
    return goods is not None and goods.type is None


def _carried(verb: Any, ctx: _Context) -> Iterator[Event]:
    """ "Some 13,000 containers of weapons had gone from North Korea to Russia": goods as the
    subject of a verb of motion; the from-phrase gives, the to-phrase receives."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "xcomp":  # "tanks began arriving in Poland"
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    goods = _object_entry(subject, ctx.lexicon) if subject is not None else None
    if subject is None or goods is None or goods.type is not None:
        return
    owner = _mention_at(subject, ctx)
    giver = _prep_actor(verb, subject, {"from"}, ctx) or (
        owner if owner is not None and owner.kind == "adjective" else None
    )
    taker = _prep_actor(verb, subject, {"to", "into", "in"}, ctx)
    if giver is None or taker is None or giver.ref.code == taker.ref.code:
        return
    yield from _events(verb, subject, [(giver, taker)], ctx, event_type="AID", mode=goods.mode)


def _fit_subject(verb: Any, entry: VerbEntry, frame: _VerbFrame, ctx: _Context) -> bool:
    """ "Kim left Moscow" is no retreat, "Russian troops left the plant" is; nor are "Glaciers in
    Kyrgyzstan retreated" and "China's star swimmer withdrew"."""
    # "Russian troops left the plant", or forces as the object: "moved a brigade out"
    moved = _object_entry(frame.obj, ctx.lexicon) if frame.obj is not None else None
    forces = moved is not None and moved.type == "MOBILIZE"
    if entry.forces and not (forces or _forces_subject(verb, ctx)):
        return False
    return frame.type != "RETREAT" or frame.passive or _acting_subject(verb, ctx)


def _acting_subject(verb: Any, ctx: _Context) -> bool:
    """Whether the subject (or, for "it"/"they", the verb's actor) is a state, a body, a person in
    office or its forces, not a thing or a person merely from a state."""
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None:
        return True  # "ordered ... to withdraw": the actor comes from above the verb
    if subject.i in ctx.mentions or subject.lower_ in _SUBJECT_PRONOUNS | {"which", "who"}:
        return True
    own = [
        ctx.mentions[c.i]
        for c in subject.children
        if c.dep_ in {"amod", "compound", "poss", "nmod"} and c.i in ctx.mentions
    ]
    return _forces_subject(verb, ctx) or any(m.ref.role is not None for m in own)


def _forces_subject(verb: Any, ctx: _Context) -> bool:
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None and verb.dep_ == "xcomp":
        return _forces_subject(verb.head, ctx)  # "peacekeepers have begun leaving"
    if subject is None:
        return False
    thing = _object_entry(subject, ctx.lexicon)
    mention = _mention_at(subject, ctx)
    return (thing is not None and thing.type == "MOBILIZE") or (
        mention is not None and mention.ref.role == "MIL"
    )


_MOVED = {"MOBILIZE", "AID", "RETREAT", "COERCE"}


def _movers(verb: Any, frame: _VerbFrame, ctx: _Context) -> list[Mention]:
    """Who moved what a passive names without an agent: "North Korean troops were deployed to
    Kursk", "thousands of North Korean shells were delivered to Russia" (the state they belong
    to); "1,080 tonnes of flour were exported from Russia" (the from-phrase)."""
    if not frame.passive or frame.obj is None or frame.type not in _MOVED:
        return []  # "Russian troops are being pulled back": their state pulls them back
    owner = _mention_at(frame.obj, ctx)
    if owner is not None and owner.kind == "adjective" and frame.type != "COERCE":
        return [owner]
    giver = _prep_actor(verb, frame.obj, {"from"}, ctx) if frame.type == "AID" else None
    if frame.type == "COERCE" and giver is None:
        # "a Japanese employee was detained in Beijing": the state where it was done did it
        where = _location(verb, frame.obj, None, ctx)
        owner_code = owner.ref.code if owner is not None else None
        if where is not None and where.state is not None and where.state != owner_code:
            token = next((t for t in verb.sent if t.text == where.name.split()[0]), verb)
            return [Mention(token.i, token.i + 1, ActorRef(where.state), "place", where.name)]
    return [giver] if giver is not None else []


def _bought(
    verb: Any, obj: Any | None, buyers: list[Mention], ctx: _Context
) -> tuple[list[Mention], Mention | None]:
    """ "Bought drones from Iran", "kept buying Russian oil": the seller gives, the buyer gets."""
    giver = _prep_actor(verb, obj, {"from"}, ctx)
    if giver is None and obj is not None:
        owner = _mention_at(obj, ctx)
        giver = owner if owner is not None and owner.kind == "adjective" else None
    return ([giver], buyers[0]) if giver is not None and buyers else ([], None)


def _events_for_verb(verb: Any, entry: VerbEntry, ctx: _Context) -> Iterator[Event]:
    frame = _verb_frame(verb, entry, ctx)
    if frame is None:
        return
    passive, obj_token, event_type, mode = frame.passive, frame.obj, frame.type, frame.mode
    sources = _sources(verb, passive, ctx) or _movers(verb, frame, ctx)
    if not _fit_subject(verb, entry, frame, ctx):
        return
    target = _verb_target(verb, entry, frame, sources, ctx)
    if entry.reverse and event_type == "AID":
        sources, target = _bought(verb, obj_token, sources, ctx)
    if not sources:
        return
    between = _pobj_of(verb, {"prep"}, {"between"}) if not passive else None
    towards = _with_conjuncts(between, ctx) if target is None and between is not None else []
    event_type = _final_type(verb, entry, frame, sources, ctx, target=target)
    if event_type == "RETREAT":
        target = None  # a retreat is away from a place, towards no one
    mutual = obj_token is not None and obj_token.lemma_.lower() in {"relation", "tie", "other"}
    pairs = _pairs(sources, target, "AGREE" if mutual else event_type, ctx)  # "established ties"
    if len(towards) > 1:
        # "offered to mediate between Russia and Ukraine": one event towards each
        pairs = [(s, t) for s in sources for t in towards]
    if _lacks_a_target(verb, entry, event_type, pairs, ctx):
        return
    if event_type == "ASSAULT" and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _VOWS:
        # "Israel vowed to retaliate against Iran": the vow is a threat, and it was made
        yield from _events(verb.head, None, pairs, ctx, event_type="THREATEN", mode=None)
        return
    for event in _events(verb, obj_token, pairs, ctx, event_type=event_type, mode=mode):
        yield event.model_copy(update={"polarity": "negative"}) if entry.negated else event
    if entry.negated and event_type == "REJECT" and entry.mode == "vote":
        # "abstained": neither opposed (REJECT, negative) nor backed (SUPPORT, negative)
        for event in _events(verb, obj_token, pairs, ctx, event_type="SUPPORT", mode="vote"):
            yield event.model_copy(update={"polarity": "negative"})
    enemy = _prep_actor(verb, None, {"against"}, ctx) if entry.lemma.startswith("fight ") else None
    if enemy is not None:
        # "fought alongside Russian troops against Ukrainian units": aid to one, attack on the other
        against: list[tuple[Mention, Mention | None]] = [(s, enemy) for s in sources]
        yield from _events(verb, None, against, ctx, event_type="ASSAULT", mode="armed_attack")


def _lacks_a_target(
    verb: Any,
    entry: VerbEntry,
    event_type: str,
    pairs: list[tuple[Mention, Mention | None]],
    ctx: _Context,
) -> bool:
    """Talks need two parties; a ban lifted at home concedes to no one. Coercion needs someone
    coerced, who may be named only elsewhere in the sentence ("arrested a correspondent in
    Moscow's row with Washington"), and is then guessed as in _events."""
    needs_target = entry.needs == "target" or entry.requires_target or event_type == "CONSULT"
    if not needs_target or any(t is not None for _, t in pairs):
        return False
    if entry.needs == "target" and event_type == "COERCE":
        return _other_party(verb, {s.ref.code for s, _ in pairs}, ctx, coerced=True) is None
    return True


_PLEDGES = {"pledge", "promise", "offer", "vow"}
_AUTHORISING = {"approve", "authorise", "authorize", "clear"}


def _authorised_or_announced(token: Any) -> bool:
    if token.pos_ == "NOUN" and token.dep_ == "dobj":
        return bool(token.head.lemma_.lower() in _AUTHORISING)
    to = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    return bool(token.pos_ == "VERB" and token.dep_ == "ROOT" and to)


_PRESUPPOSED = Stance(modality="asserted", polarity="positive", speaker=None, cues=("presupposed",))


def _presupposed(token: Any, ctx: _Context) -> bool:
    """ "India refused to condemn Russia's invasion": an act named as what is condemned, praised or
    welcomed is one the writer takes as given. The hedges and negations above the condemning
    verb are about the condemning, not about the act."""
    if token.pos_ != "NOUN" or token.dep_ not in {"dobj", "pobj"}:
        return False
    head = token.head.head if token.dep_ == "pobj" else token.head  # "protested over the tests"
    entry = _verb_entry(head, ctx.lexicon) if head.pos_ == "VERB" else None
    # "declined Kyiv's request", "rejected the bid": what is turned down was made
    return entry is not None and entry.type in {"ACCUSE", "SUPPORT", "REJECT"}


def _events(
    verb: Any,
    obj: Any | None,
    pairs: list[tuple[Mention, Mention | None]],
    ctx: _Context,
    *,
    event_type: str,
    mode: str | None,
) -> Iterator[Event]:
    """The events of one verb or noun, one per (source, target) pair, with its stance."""
    how = _PRESUPPOSED if _presupposed(verb, ctx) else stance(verb, ctx.lexicon.cues)
    if how.modality in {"asserted", "reported"} and _authorised_or_announced(verb):
        # "approved the sale of F-16s to Taiwan": a transfer decided, not yet made;
        # "Beijing to host Saudi and Iranian envoys": a headline's infinitive is scheduled
        how = replace(how, modality="intended")
    if verb.lemma_.lower() in _PLEDGES and how.modality in {"asserted", "reported"}:
        # "Kim pledged full support", "Britain offered Patriot systems": a pledge or an offer is
        # what is intended, on the word of the one who made it
        pledger = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        how = replace(how, modality="intended", speaker=how.speaker or pledger)
    speaker = _mention_at(how.speaker, ctx) if how.speaker is not None else None
    frame = _Frame(verb=verb, obj=obj, type=event_type, mode=mode, stance=how, speaker=speaker)
    acting = {s.ref.code for s, _ in pairs}
    for source, named in pairs:
        guessed = named is None and event_type in _DIRECTED
        coerced = event_type == "COERCE"
        to = _other_party(verb, acting, ctx, coerced=coerced) if guessed else named
        if to is None or to.ref.code != source.ref.code:
            event = _event(frame, source, to, ctx)
            if guessed and to is not None:
                note = f"not named by the verb; the first other party in its sentence ({to.text})"
                confidence = round(event.confidence - 0.15, 2)  # as if no target were found
                event = event.model_copy(update={"target_note": note, "confidence": confidence})
            yield event


# Acts that are always done to someone: when the verb's own phrases name no target, the other
# party is the first actor named in the same sentence that is not one of those acting ("Kyiv
# relented after months of pressure from Warsaw"). The event says so in its target_note. Not
# withdrawals, deployments or statements of support, which often have no one on the other side,
# nor transfers, whose recipient feeds the flows and is better left unknown than guessed.
_DIRECTED = {
    "ACCUSE",
    "AGREE",
    "ASSAULT",
    "COERCE",
    "CONCEDE",
    "CONSULT",
    "COOPERATE",
    "REJECT",
    "REQUEST",
    "SANCTION",
    "THREATEN",
}


def _other_party(
    verb: Any, acting: set[str], ctx: _Context, *, coerced: bool = False
) -> Mention | None:
    sent = verb.sent
    for i in range(sent.start, sent.end):
        mention = ctx.mentions.get(i)
        if mention is None or mention.ref.code in acting:
            continue
        token = ctx.doc[mention.end - 1]
        acts = token.dep_ == "poss" and token.head.lemma_.lower() in ctx.lexicon.nouns
        if coerced and acts:
            continue  # "arrested her at Washington's request": the one asking, not the one held
        return mention
    return None


def _event(frame: _Frame, source: Mention, target: Mention | None, ctx: _Context) -> Event:
    doc, verb, event_type, mode, how = ctx.doc, frame.verb, frame.type, frame.mode, frame.stance
    sent = verb.sent
    involved = [source, *([target] if target else [])]
    start_tok = min(verb.left_edge.i, *(m.start for m in involved))
    end_tok = max(verb.right_edge.i + 1, *(m.end for m in involved))
    start_tok, end_tok = max(start_tok, sent.start), min(end_tok, sent.end)
    while end_tok - 1 > start_tok and (doc[end_tok - 1].is_punct or doc[end_tok - 1].is_space):
        end_tok -= 1
    while start_tok < end_tok - 1 and doc[start_tok].is_space:
        start_tok += 1
    span = doc[start_tok:end_tok]
    start, end = span.start_char, span.end_char
    text = doc.text[start:end]
    quantities = _quantities(frame.obj, ctx)
    date, date_note = _event_date(verb, sent, _as_date(ctx.document.published), ctx)
    source, target = _as_of_event(source, target, date, ctx)
    location = _location(verb, frame.obj, target, ctx)
    confidence = (
        0.5
        + 0.15 * (target is not None)
        + 0.1 * (mode is not None)
        + 0.1 * (source.kind != "person")
    )
    parts = (
        ctx.document.id,
        start,
        end,
        event_type,
        source.ref,
        target.ref if target else "",
        NAME,
    )
    key = "|".join(map(str, parts))
    return Event(
        id=hashlib.sha256(key.encode()).hexdigest()[:16],
        doc_id=ctx.document.id,
        url=ctx.document.url,
        published=ctx.document.published,
        span=Span(start=start, end=end, text=text),
        source=source.ref.code,
        source_role=source.ref.role,
        target=target.ref.code if target else None,
        target_role=target.ref.role if target else None,
        type=event_type,
        mode=mode,
        date=date,
        date_note=date_note,
        location=location,
        modality=how.modality,  # type: ignore[arg-type]  # Stance holds the same literals
        polarity=how.polarity,  # type: ignore[arg-type]
        attributed_to=str(frame.speaker.ref) if frame.speaker else None,
        quantities=quantities,
        confidence=round(min(confidence, 0.9), 2),
    )


def _as_of_event(
    source: Mention, target: Mention | None, date: str | None, ctx: _Context
) -> tuple[Mention, Mention | None]:
    """A capital named for an event of an earlier time stands for the state of that time:
    "Moscow and Pyongyang signed the treaty in 1961" is the Soviet Union's act."""
    day = _as_date((date + "-12-31"[len(date) - 4 :]) if date and len(date) < 10 else date)
    if day is None:
        return source, target

    def then(mention: Mention) -> Mention:
        if mention.kind != "metonym":
            return mention
        code = ctx.registry.as_of(mention.ref.code, day)
        return (
            replace(mention, ref=ActorRef(code, mention.ref.role))
            if code != mention.ref.code
            else mention
        )

    return then(source), (then(target) if target is not None else None)


def _as_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _mention_at(token: Any, ctx: _Context) -> Mention | None:
    """The actor mention a token stands for: the token itself, else one inside its phrase."""
    if token is None:
        return None
    if token.i in ctx.mentions:
        return ctx.mentions[token.i]
    if token.lower_ in _PRONOUNS:
        return None
    # Only the noun phrase's own words (compounds, modifiers, 'of' phrases) — not relative clauses.
    modifiers = [
        c for c in token.children if c.dep_ in {"compound", "amod", "poss", "nmod", "npadvmod"}
    ]
    # "a US Treasury official", "Chinese coast guard officers": the actor may sit one compound
    # further in; "Chinese-flagged tankers": or in front of the adjective
    modifiers += [
        g
        for c in modifiers
        for g in c.children
        if (c.dep_ == "compound" and g.dep_ in {"compound", "amod"})
        or (c.dep_ == "amod" and g.dep_ in {"npadvmod", "compound"} and g.i < c.i)
    ]
    for child in modifiers:
        if child.i in ctx.mentions:
            return ctx.mentions[child.i]
    found = _of_phrase_actor(token, ctx)
    if found is None and token.ent_type_ == "PERSON":
        # "Otto Warmbier, an American student": a person unknown to the registry is the
        # national of the state their apposition names
        described = (c for c in token.children if c.dep_ == "appos")
        found = next((m for m in (_mention_at(c, ctx) for c in described) if m), None)
    return found


def _of_phrase_actor(token: Any, ctx: _Context) -> Mention | None:
    """ "the government of North Korea", "officials in Seoul", "diplomats from Moscow", "imports
    of Russian oil"."""
    preps = {"of", "in", "from", "inside", "between"}
    if token.lemma_.lower() in {"border", "frontier", "boundary"}:
        preps = preps | {"with"}  # "massed troops on its border with Ukraine"
    for child in token.children:
        if child.dep_ != "prep" or child.lower_ not in preps:
            continue
        for pobj in child.children:
            if pobj.i in ctx.mentions:
                return ctx.mentions[pobj.i]
            owner = next(
                (
                    c
                    for c in pobj.children
                    if c.dep_ in {"amod", "poss", "compound"} and c.i in ctx.mentions
                ),
                None,
            )
            if owner is not None:
                return ctx.mentions[owner.i]
    return None


def _with_conjuncts(token: Any, ctx: _Context) -> list[Mention]:
    found: list[Mention] = []
    # "Armenian and Azerbaijani troops": the adjectives' conjuncts act too.
    adjectives = [
        c
        for c in token.children
        if c.dep_ in {"amod", "compound", "poss", "nmod"} and c.i in ctx.mentions
    ]
    extra = [conj for adjective in adjectives[:1] for conj in adjective.conjuncts]
    # "Saudi Arabia, the UAE, Bahrain and Egypt": a name in apposition is one more of them
    names = [c for c in token.children if c.dep_ == "appos" and c.i in ctx.mentions]
    extra += [n for name in names for n in (name, *name.conjuncts)]
    for candidate in [token, *token.conjuncts, *extra]:
        mention = _mention_at(candidate, ctx)
        if mention is not None and all(m.ref.code != mention.ref.code for m in found):
            found.append(mention)
    return found


def _pobj_of(token: Any, deps: set[str], words: set[str] | None = None) -> Any | None:
    """The object of the first child phrase of these deps (and words): 'by X', 'between X'."""
    for child in token.children:
        if child.dep_ in deps and (words is None or child.lower_ in words):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def _agents(verb: Any, ctx: _Context) -> list[Mention]:
    """ "Signed by Russia", else "a treaty was signed between Russia and North Korea"."""
    agent = _pobj_of(verb, {"agent"}) or _pobj_of(verb, {"prep"}, {"between"})
    if agent is None and verb.dep_ == "acl":  # "an agreement signed in 1961 between A and B"
        agent = _pobj_of(verb.head, {"prep"}, {"between"})
    if agent is None:
        # "the treaty between the United States and South Korea was signed on ...": its parties
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        named = _treaty_parties(subject, ctx) if subject is not None else []
        if len(named) > 1:
            return named
    return _with_conjuncts(agent, ctx) if agent is not None else []


_PACTS = {"treaty", "pact", "agreement", "accord", "alliance", "deal", "convention"}


def _treaty_parties(noun: Any, ctx: _Context) -> list[Mention]:
    """The parties a treaty's noun phrase names: "the treaty between A and B", "China's treaty
    with North Korea", "the North Atlantic Treaty binding the United States, Canada and ..."."""
    if noun.lemma_.lower() not in _PACTS:
        return []
    found: list[Mention] = []
    between = _pobj_of(noun, {"prep"}, {"between"})
    if between is not None:
        found += _with_conjuncts(between, ctx)
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    with_ = _pobj_of(noun, {"prep"}, {"with"})
    if owner is not None and with_ is not None:
        found += _with_conjuncts(owner, ctx) + _with_conjuncts(with_, ctx)
    for clause in noun.children:
        if clause.dep_ == "acl" and clause.lemma_.lower() in {"bind", "link", "unite", "join"}:
            bound = next((c for c in clause.children if c.dep_ == "dobj"), None)
            found += _with_conjuncts(bound, ctx) if bound is not None else []
    unique: dict[str, Mention] = {}
    for mention in found:
        unique.setdefault(mention.ref.code, mention)
    return list(unique.values())


def _controller(node: Any, ctx: _Context) -> list[Mention]:
    """The one made to act: "could compel North Korea to intervene"; "accused Pyongyang of
    supplying missiles" (the object of the verb above does it)."""
    above = None
    if node.dep_ in {"xcomp", "advcl"} and node.head.lemma_.lower() in _OBJECT_CONTROL:
        above = node.head
    elif node.dep_ == "pcomp" and node.head.dep_ == "prep":
        above = node.head.head
    controller = next((c for c in above.children if c.dep_ == "dobj"), None) if above else None
    return _with_conjuncts(controller, ctx) if controller is not None else []


def _sources(verb: Any, passive: bool, ctx: _Context) -> list[Mention]:
    if passive:
        return _agents(verb, ctx)
    node = verb
    for _ in range(6):
        # above the verb, a passive subject counts: "Kim is set to visit", "is expected to"
        deps = {"nsubj", "csubj"} if node.i == verb.i else {"nsubj", "csubj", "nsubjpass"}
        # "Seoul: North Korea sent more troops": of two subjects, the one nearer the verb
        subjects = [c for c in node.children if c.dep_ in deps]
        if not subjects and node.i == verb.i:
            # "Kim heads to Russia": a headline verb the parser gives a compound, not a subject
            subjects = [c for c in node.children if c.dep_ == "compound" and c.i < node.i]
        before = [c for c in subjects if c.i < node.i]
        subject = before[-1] if before else next(iter(subjects), None)
        if subject is not None:
            return _subject_actors(subject, ctx)
        if node.dep_ == "acl" and node.head.lemma_.lower() in ctx.lexicon.cues.intent_heads:
            # "Finland has no plans to send troops": the one with the plan acts
            owner = next(
                (c for c in node.head.children if c.dep_ in {"poss", "compound", "amod"}), None
            )  # "Finland's plans", "the US decision to lift"
            if owner is not None and _subject_actors(owner, ctx):
                return _subject_actors(owner, ctx)
            node = node.head.head if node.head.dep_ in {"dobj", "attr"} else node
            if node.i != verb.i and node.dep_ != "acl":
                continue
        if node.dep_ == "acl" and node.i != verb.i and node.head.pos_ == "NOUN":
            break  # "six North Korean generals involved in sending troops": the generals
        if node.dep_ in {"dobj", "attr"} and node.lemma_.lower() in ctx.lexicon.cues.intent_heads:
            node = node.head  # "has no intention of pulling it out": the one who has it
            continue
        if node.dep_ not in _SUBJECT_LINKS or node.head.i == node.i:
            break
        controlled = _controller(node, ctx)
        if controlled:
            return controlled
        node = node.head
    acting_noun = node.i == verb.i and _acting_noun(verb)
    if node.dep_ == "acl" and (acting_noun or (node.i != verb.i and node.head.pos_ == "NOUN")):
        return _with_conjuncts(node.head, ctx)
    return []


def _acting_noun(verb: Any) -> bool:
    """A main verb misparsed as a modifier ("North Korean agents abducted at least 17 citizens"):
    a past-tense verb with an object, hanging from a noun, is done by that noun. Not "a
    resolution condemning the annexation" (a document), nor "the decision to send troops"."""
    return (
        verb.dep_ == "acl"
        and verb.tag_ in {"VBD", "VBN"}
        and verb.head.pos_ in {"NOUN", "PROPN"}
        and any(c.dep_ == "dobj" for c in verb.children)
        and not any(c.dep_ in {"aux", "auxpass", "mark"} for c in verb.children)
    )


_VOWS = {"vow", "pledge", "promise", "swear"}
_OBJECT_CONTROL = {"compel", "force", "prompt", "drive", "push", "lead", "oblige", "require"}
_PAIR_NOUNS = {"country", "side", "nation", "government", "state", "ally", "neighbour", "neighbor"}


def _owners(subject: Any, ctx: _Context) -> list[Mention]:
    """ "The treaty between A and B entered into force", "the foreign ministers of Japan and South
    Korea met": the parties a phrase names, each of them."""
    between = _pobj_of(subject, {"prep"}, {"between"})
    if between is not None and subject.i not in ctx.mentions:
        return _with_conjuncts(between, ctx)
    parties = _treaty_parties(subject, ctx)
    if len(parties) > 1:
        return parties  # "China's treaty with North Korea went into force"
    of = _pobj_of(subject, {"prep"}, {"of"})
    if of is not None and of.conjuncts and len(_with_conjuncts(subject, ctx)) == 1:
        return _with_conjuncts(of, ctx)
    return []


def _subject_actors(subject: Any, ctx: _Context) -> list[Mention]:
    """The actors a subject names: itself and its conjuncts; "the treaty between A and B"; the
    noun a relative clause is about; a pronoun's antecedent; or "the two countries", the last two
    actors named before it."""
    found = _owners(subject, ctx) or _with_conjuncts(subject, ctx)
    if found:
        return found
    clause = subject.head
    if subject.lower_ in {"which", "who", "that"} and clause.dep_ == "relcl":
        # "North Korea, which has sent troops to Russia, ...": the noun the clause is about
        return _with_conjuncts(clause.head, ctx)
    if subject.lower_ in _SUBJECT_PRONOUNS:
        return _pronoun_subject(subject, ctx)
    if subject.lower_ in {"i", "we"}:
        return _headline_speaker(subject, ctx)
    owner = next((c for c in subject.children if c.dep_ == "poss"), None)
    if owner is not None and owner.pos_ == "PRON":
        return _subject_actors(owner, ctx)  # "its artillery had fired": whose artillery
    if owner is not None and owner.lemma_.lower() in _PAIR_NOUNS:
        subject = owner  # "the two countries' leaders signed"
    return _the_two(subject, ctx)


_SUBJECT_PRONOUNS = {"it", "they", "he", "she", "its", "their", "his", "her"}


def _headline_speaker(pronoun: Any, ctx: _Context) -> list[Mention]:
    """ "Zelensky: I will meet Trump": the one named before the colon speaks."""
    sent = pronoun.sent
    colon = next((t for t in sent if t.text == ":" and t.i < pronoun.i), None)
    if colon is None:
        return []
    named = [ctx.mentions[t.i] for t in sent if t.i < colon.i and t.i in ctx.mentions]
    return named[:1]


def _pronoun_subject(pronoun: Any, ctx: _Context) -> list[Mention]:
    """ "Pyongyang acknowledged that it had sent troops": the nearest subject before it; at the
    start of a sentence, the subject of the sentence before ("It has also shipped")."""
    doc = pronoun.doc
    start = pronoun.sent.start
    if start > 0 and not any(doc[i].i in ctx.mentions for i in range(start, pronoun.i)):
        start = doc[start - 1].sent.start
    for i in range(pronoun.i - 1, start - 1, -1):
        mention = ctx.mentions.get(i)
        if mention is None:
            continue
        token = doc[mention.end - 1]
        if token.dep_ in {"amod", "compound", "poss"}:
            token = token.head  # "the Armenian defence ministry denied that its artillery"
        if token.dep_ in {"nsubj", "nsubjpass"}:
            # "Trump and Kim have not met since their encounter": all of the subject
            return _with_conjuncts(token, ctx) or [mention]
    return []


def _the_two(subject: Any, ctx: _Context) -> list[Mention]:
    """ "The two countries", "both sides": the last two actors named before."""
    if subject.lemma_.lower() not in _PAIR_NOUNS or not any(
        c.lower_ in {"two", "both", "each"} for c in subject.children
    ):  # "each side blaming the other": the two sides named before
        return []
    doc = subject.doc
    for i in range(subject.i - 1, -1, -1):
        # "Chinese and Russian bombers ... the two countries": a pair named together
        mention = ctx.mentions.get(i)
        if mention is None:
            continue
        token = doc[mention.end - 1]
        pair = _with_conjuncts(token.head if token.dep_ in {"amod", "compound"} else token, ctx)
        if len(pair) == 2:
            return pair
    earlier: list[Mention] = []
    for i in range(subject.i - 1, -1, -1):
        mention = ctx.mentions.get(i)
        if mention is not None and all(m.ref.code != mention.ref.code for m in earlier):
            earlier.append(mention)
        if len(earlier) == 2:
            return earlier[::-1]
    return []


def _object_token(verb: Any, passive: bool, particle: str | None = None) -> Any | None:
    deps = ("nsubjpass",) if passive else ("dobj", "attr", "oprd")
    if passive and any(c.dep_ == "dobj" for c in verb.children):
        deps = ("dobj",)  # "Ukraine was handed a batch of missiles": the thing handed
    found = [child for child in verb.children if child.dep_ in deps]
    if not found and not passive and verb.lemma_.lower() == "let":
        # "let five abductees return", "let the trucks go": who was let go
        gone = (c for c in verb.children if c.dep_ in {"ccomp", "xcomp"})
        gone = (c for c in gone if c.lemma_.lower() in _LET_GO)
        found = [s for c in gone for s in c.children if s.dep_ == "nsubj"][:1]
    if particle is not None and any(c.lemma_.lower() in {"name", "signature"} for c in found):
        found = []  # "put their names to the treaty": what is signed is the particle's object
    # "sent to Russia thousands of shells" / "provide Pyongyang with oil"
    with_object = None if passive else _pobj_of(verb, {"prep"}, {"with"})
    if found:
        # "sent Russia about 6,700 containers": of two objects, the thing is not the name;
        # "supplied Russia with drones": a name with a with-phrase is the one supplied
        thing = next((c for c in found if not _a_name(c)), None)
        return thing or (with_object if with_object is not None else found[-1])
    if particle is not None and _pobj_of(verb, {"prep"}, {particle}) is not None:
        return _pobj_of(verb, {"prep"}, {particle})  # "entered into force"
    if with_object is None and not passive:
        # "offered to train and equip a brigade": the object the next conjunct takes
        shared = (c for conj in verb.children if conj.dep_ == "conj" for c in conj.children)
        return next((c for c in shared if c.dep_ == "dobj"), None)
    return with_object


_LET_GO = {"go", "return", "leave", "fly", "depart", "sail", "travel", "come", "head"}


def _a_name(token: Any) -> bool:
    """A proper name of a place, people or body ("Russia"), not a noun the tagger capitalised."""
    return bool(token.pos_ == "PROPN" and token.ent_type_ in {"GPE", "NORP", "ORG", "PERSON"})


def _object_entry(obj: Any | None, lexicon: Lexicon) -> ObjectEntry | None:
    """The lexicon noun the object names: the head noun, an 'of' noun ('thousands of troops'),
    a compound ('air defence systems') or a conjunct ('shells and missiles'); for 'them' or
    'it', the last such noun earlier in the sentence ('received no missiles ... supplied them')."""
    if obj is None:
        return None
    if obj.lower_ in {"them", "it"}:
        earlier = (t for t in reversed(obj.sent[: obj.i - obj.sent.start]) if t.pos_ == "NOUN")
        return next(
            (
                lexicon.objects[t.lemma_.lower()]
                for t in earlier
                if t.lemma_.lower() in lexicon.objects
            ),
            None,
        )
    candidates = [obj]
    amount = obj.pos_ == "NUM" or obj.ent_type_ == "MONEY"
    for child in obj.children:
        # "thousands of troops"; "$500 million in military aid"
        if child.dep_ == "prep" and (child.lower_ == "of" or (amount and child.lower_ == "in")):
            candidates.extend(c for c in child.children if c.dep_ == "pobj")
    candidates.extend(obj.conjuncts)
    for token in candidates:
        lemma = token.lemma_.lower()
        compounds = [f"{c.lower_} {lemma}" for c in token.children if c.dep_ == "compound"]
        of = _pobj_of(token, {"prep"}, {"of"})
        if of is not None:
            compounds.append(f"{lemma} of {of.lower_}")  # "a letter of intent"
        for key in (*compounds, lemma, token.lower_, _singular(token)):
            if key in lexicon.objects:
                return lexicon.objects[key]
    if obj.ent_type_ == "MONEY" and "money" in lexicon.objects:
        return lexicon.objects["money"]  # "gave Kyiv $2 billion"
    if obj.tag_ in {"NNS", "NNPS"} and "national" in lexicon.objects and _is_people(obj):
        return lexicon.objects["national"]  # "freed five Iranians", "detained two Canadians"
    return None


def _a_person(token: Any | None, ctx: _Context) -> ObjectEntry | None:
    """Someone named who is not an actor of the registry is a state's national: what is freed,
    held or expelled when the verb takes people."""
    if token is None or token.ent_type_ != "PERSON" or token.i in ctx.mentions:
        return None
    return ctx.lexicon.objects.get("national")


def _a_territory(token: Any | None, entry: VerbEntry, ctx: _Context) -> ObjectEntry | None:
    """A named place is territory when it is conceded: ceded, returned or handed back."""
    if token is None or entry.type != "CONCEDE" or token.i in ctx.mentions:
        return None
    known = load_world().places.get(token.text.lower()) is not None
    if not known and token.ent_type_ not in {"GPE", "LOC"}:
        return None
    return ctx.lexicon.objects.get("territory")


def _is_people(token: Any) -> bool:
    """ "Iranians", "Canadians": the plural of a state's adjective names its nationals."""
    registry = load_registry()
    if registry.lookup(token.text) is not None or not token.text.endswith("s"):
        return False  # "the Philippines" is a state, not its people
    hit = registry.lookup(token.text[:-1])
    return hit is not None and hit[1] == "adjective"


def _singular(token: Any) -> str:
    """A name in the plural, which the tagger leaves as is: "F-16s" -> "f-16"."""
    text = str(token.lower_)
    return text[:-1] if token.pos_ == "PROPN" and text.endswith("s") else text


def _phrase_heads(verb: Any, obj: Any | None) -> list[Any]:
    """The verb, its object, and the object's 'of' noun: where to/from phrases may hang."""
    # "handed the villages back to Azerbaijan": a phrase may hang from the particle
    particles = [
        c for c in verb.children if c.dep_ in {"prt", "advmod"} and c.lower_ in _ADVERB_PARTICLES
    ]
    heads = [verb, *particles]
    if obj is not None:
        heads.append(obj)
        amount = obj.pos_ == "NUM" or obj.ent_type_ == "MONEY"
        for child in obj.children:
            # "$500 million in aid to Ukraine"
            if child.dep_ == "prep" and (child.lower_ == "of" or (amount and child.lower_ == "in")):
                heads.extend(c for c in child.children if c.dep_ == "pobj")
    return heads


def _prep_actor(verb: Any, obj: Any | None, preps: set[str], ctx: _Context) -> Mention | None:
    for head in _phrase_heads(verb, obj):
        for child in head.children:
            if child.dep_ in {"prep", "dative"} and child.lower_ in preps:
                for pobj in child.children:
                    mention = _mention_at(pobj, ctx) if pobj.dep_ == "pobj" else None
                    if mention:
                        return mention
    return None


def _target(
    verb: Any,
    entry: VerbEntry,
    obj: Any | None,
    passive: bool,
    ctx: _Context,
    *,
    mutual: bool = False,
) -> Mention | None:
    """The one acted on: a phrase naming it ("to Russia", "alongside X", "gave Russia shells"),
    else the object or what the object belongs to."""
    return _phrase_target(verb, entry, obj, ctx, mutual=mutual) or (
        None if passive else _object_target(verb, entry, obj, ctx)
    )


def _phrase_target(
    verb: Any, entry: VerbEntry, obj: Any | None, ctx: _Context, *, mutual: bool = False
) -> Mention | None:
    after = _pobj_of(verb, {"prep"}, {entry.particle}) if entry.particle is not None else None
    mention = _mention_at(after, ctx) if after is not None else None
    if mention is not None or entry.target_from not in {"to", "either"}:
        return mention  # "fight alongside X", "call on X"
    first = _dative(verb, ctx) or _complained_about(verb, entry, ctx)
    if first is not None:
        return first
    preps = _TARGET_PREPS | {"from"} if entry.type == "REQUEST" else _TARGET_PREPS
    strong = _prep_actor(verb, obj, preps, ctx)  # "sought air defences from Germany"
    if strong is not None or mutual:
        return strong  # "staged joint patrols near Japan": the partners are the subjects
    if entry.type == "REJECT" and obj is not None and _sponsor(obj, ctx) is not None:
        return _sponsor(obj, ctx)  # "vetoed the EU statement on China": the EU's
    if obj is not None and obj.i in ctx.mentions and entry.target_from == "either":
        return None  # "recognised the State of Palestine at the UN": the object is the one
    return _prep_actor(verb, obj, _WEAK_TARGET_PREPS, ctx) or _asked(verb, entry, ctx)


def _dative(verb: Any, ctx: _Context) -> Mention | None:
    """ "Gave Russia shells" (a noun) or "sent shells to Russia" (parsed as dative "to")."""
    for child in verb.children:
        if child.dep_ == "dative":
            nouns = (
                [c for c in child.children if c.dep_ == "pobj"] if child.pos_ == "ADP" else [child]
            )
            mention = next((m for m in (_mention_at(t, ctx) for t in nouns) if m), None)
            if mention:
                return mention
    return None


def _complained_about(verb: Any, entry: VerbEntry, ctx: _Context) -> Mention | None:
    """ "Complained to the UN about Venezuela's build-up": the one complained about."""
    if entry.type != "ACCUSE":
        return None
    about = _pobj_of(verb, {"prep"}, {"about", "over"})
    return _mention_at(about, ctx) if about is not None else None


def _asked(verb: Any, entry: VerbEntry, ctx: _Context) -> Mention | None:
    """ "Demanded that the US halt its drills": the one asked is the subject of what is asked."""
    if entry.type != "REQUEST":
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause else None
    return _mention_at(subject, ctx) if subject is not None else None


def _object_target(verb: Any, entry: VerbEntry, obj: Any | None, ctx: _Context) -> Mention | None:
    first = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is not None and first is not None and first.i != obj.i and first.i in ctx.mentions:
        return ctx.mentions[first.i]  # "sent Russia shells": the first object receives
    if obj is None:
        if entry.target_from != "object":
            return None
        # "helping Russia evade sanctions": the helped one is the complement clause's subject
        subjects = (
            next((c for c in clause.children if c.dep_ == "nsubj"), None)
            for clause in verb.children
            if clause.dep_ in {"ccomp", "xcomp"}
        )
        return next((m for m in (_mention_at(s, ctx) for s in subjects if s) if m), None)
    owner = (
        _owner_target(entry, obj, ctx)
        or _party_target(entry, obj, ctx)
        or _named_by_object(entry, obj, ctx)
    )
    if owner is not None:
        return owner
    # The object is the target only when it is an actor, not a thing with a maker ("fired North
    # Korean missiles at Ukraine": the missiles' maker is not the one attacked).
    # A thing attacked, rammed or trained belongs to the one acted on ("rammed a Chinese vessel",
    # "trained Ukrainian pilots"), unless it is what moves: the goods given, the missile fired.
    thing = _object_entry(obj, ctx.lexicon)
    if thing is not None and thing.type == "ASSAULT" and entry.type != "ASSAULT":
        return _of_phrase_actor(obj, ctx)  # "joined the invasion of Ukraine": the one invaded
    fired = thing is not None and thing.mode in {"munitions", "missiles", "military_materiel"}
    moved = entry.type in {"AID", "MOBILIZE"} or (entry.lemma in ctx.lexicon.object_verbs and fired)
    acts_on_object = entry.needs == "target" and entry.target_from == "object"
    if thing is None or (acts_on_object and thing.type in {None, "MOBILIZE"}):
        actor = True  # the verb acts on its object: "equipped a Ukrainian brigade"
    elif thing.type == "CONSULT" and thing.mode == "visit":
        actor = True  # a person received or hosted: "received the Hungarian prime minister"
    elif thing.type == "MOBILIZE":
        actor = not moved  # "praised Russian troops", but not "sent North Korean troops"
    else:
        actor = not moved and thing.type is None and entry.type in _THINGS_OWNED_BY_TARGET
    actor = actor and entry.target_from in {"object", "either"}
    sponsor = _sponsor(obj, ctx) if entry.type == "REJECT" else None
    return sponsor or (_mention_at(obj, ctx) if actor else None)


def _named_by_object(entry: VerbEntry, obj: Any, ctx: _Context) -> Mention | None:
    """ "Accused Russian intelligence": a service named by its role noun, not what it gathers;
    "sought Russian help": asked of Russia."""
    named = _mention_at(obj, ctx)
    if named is not None and named.ref.role is not None and named.end == obj.i:
        return named
    if named is not None and entry.type == "REQUEST" and named.kind == "adjective":
        return named
    return None


def _party_target(entry: VerbEntry, obj: Any, ctx: _Context) -> Mention | None:
    """ "Praised the treaty between Russia and North Korea": the parties named; "blocked Ukraine's
    bid", "approved Sweden's membership": the possessor."""
    between = _pobj_of(obj, {"prep"}, {"between"}) if entry.type in _STANCES | {"CONSULT"} else None
    if between is not None and _mention_at(between, ctx) is not None:
        return _mention_at(between, ctx)
    if entry.type not in {"AID", "MOBILIZE"}:
        owner = next((c for c in obj.children if c.dep_ == "poss"), None)
        if owner is not None and owner.i in ctx.mentions:
            return ctx.mentions[owner.i]
    return None


_STANCES = {"ACCUSE", "SUPPORT", "REJECT"}
_FACING = {"counter", "deter", "confront", "face", "intimidate", "pressure", "threaten"}
_HOSTS = {"welcome", "greet", "receive", "host"}
_ON_OWNER = {"CONCEDE", "COERCE", "ASSAULT", "SANCTION"}
_THINGS_OWNED_BY_TARGET = {"ASSAULT", "COERCE", "COOPERATE"}


def _owner_target(entry: VerbEntry, obj: Any, ctx: _Context) -> Mention | None:
    """Whose thing the object is, when that owner is the one acted on: "freed North Korean
    soldiers" (conceded to North Korea), "banned imports of Russian oil" (a sanction on Russia)."""
    if entry.type == "CONCEDE":
        # "lifted the embargo it imposed on Turkey": the one the measure was imposed on
        imposed = (c for c in obj.children if c.dep_ in {"relcl", "acl"})
        on = next((_pobj_of(c, {"prep"}, {"on", "against"}) for c in imposed), None)
        return _mention_at(obj, ctx) or (_mention_at(on, ctx) if on is not None else None)
    if entry.type == "SANCTION":
        return _of_phrase_actor(obj, ctx)
    return None


_DRAFTING = {"table", "draft", "sponsor", "propose", "submit", "introduce", "put"}


def _sponsor(obj: Any, ctx: _Context) -> Mention | None:
    """ "vetoed a US-drafted resolution", "the resolution, which was tabled by Britain": the one
    who drafted what was vetoed."""
    drafted = next(
        (
            ctx.mentions[t.i]
            for c in obj.children
            if c.dep_ in {"amod", "compound"}
            for t in c.subtree
            if t.i in ctx.mentions
        ),
        None,
    )
    if drafted is not None:
        return drafted
    for clause in obj.children:
        if clause.dep_ in {"relcl", "acl"} and clause.lemma_.lower() in _DRAFTING:
            agent = _pobj_of(clause, {"agent"})
            if agent is not None and _mention_at(agent, ctx) is not None:
                return _mention_at(agent, ctx)
    return None


def _threatened(verb: Any, ctx: _Context) -> Mention | None:
    """Who a warning threatens: "Turkey warned Sweden that ...", or, when the warner says what
    it would do itself ("Moscow warned that it could strike Western capitals"), the one that act
    would hit. A warning about what someone else might do is no threat (no target)."""
    warned = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if warned is not None and _mention_at(warned, ctx) is not None:
        return _mention_at(warned, ctx)
    said = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    warner = _sources(verb, False, ctx)
    if said is None or not warner:
        return None
    doer = _sources(said, False, ctx)
    own = not doer or doer[0].ref.code == warner[0].ref.code
    subject = next((c for c in said.children if c.dep_ == "nsubj"), None)
    if not own and not (subject is not None and subject.lower_ in _PRONOUNS):
        return None
    inside_subject = {t.i for t in subject.subtree} if subject is not None else set()
    hit = (ctx.mentions.get(t.i) for t in said.subtree if t.i not in inside_subject)
    return next((m for m in hit if m is not None and m.ref.code != warner[0].ref.code), None)


_AMOUNT_WORDS = {"hundred", "thousand", "million", "billion", "dozen", "lot", "number"}


def _quantities(obj: Any | None, ctx: _Context) -> list[Quantity]:
    if obj is None:
        return []
    noun = _phrase_heads(obj, obj)[-1]  # "millions of shells": the amount runs to "shells"
    phrase = ctx.doc[obj.left_edge.i : noun.i + 1]
    amount = parse_amount(phrase.text)
    if amount is None:
        return []
    item = noun.lemma_.lower()
    # "6,700 containers of munitions" counts containers; "millions of shells" counts shells
    counted = obj if obj.pos_ == "NOUN" and obj.lemma_.lower() not in _AMOUNT_WORDS else noun
    unit = "USD" if amount.currency in {"$", "US$"} else counted.lemma_.lower()
    return [
        Quantity(
            value=amount.value,
            low=amount.low,
            high=amount.high,
            unit=unit,
            item=item,
            text=amount.text,
        )
    ]


def _event_date(
    verb: Any, sent: Any, published: dt.date | None, ctx: _Context
) -> tuple[str | None, str | None]:
    """The event's date and, when it was resolved from a relative phrase, how."""
    dates = [e for e in ctx.dates if sent.start <= e.start < sent.end]
    if not dates:
        return None, None
    subtree = range(verb.left_edge.i, verb.right_edge.i + 1)  # a subtree is contiguous
    own = [e for e in dates if e.root.i in subtree]
    # Else the sentence's one date, when it hangs from a verb the event's clause hangs from
    # ("On Monday, Seoul said X sent"), not from a clause of its own ("which it annexed in 2014").
    above = {t.i for t in verb.ancestors}
    shared = [e for e in dates if len(dates) == 1 and _date_verb(e.root).i in above]
    for ent in own or shared:
        if _a_span_start(ent) or _names_a_thing(ent):
            continue  # "since September 2023": when it began, not when it happened
        parsed, note = resolve_date(ent.text, published)
        if parsed:
            return parsed, note
    return None, None


def _names_a_thing(ent: Any) -> bool:
    """ "The 1961 treaty was ratified in 1962": a year naming a thing is not the event's date."""
    root = ent.root
    return bool(root.dep_ in {"nummod", "compound", "amod"} and root.head.pos_ == "NOUN")


def _a_span_start(ent: Any) -> bool:
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    return (
        before is not None and before.lower_ in {"since", "from"}
    ) or ent.text.lower().startswith("since ")


def _date_verb(token: Any) -> Any:
    """The verb a date phrase hangs from."""
    while token.pos_ not in {"VERB", "AUX"} and token.head.i != token.i:
        token = token.head
    return token


_PLACE_NOUNS = {
    "region",
    "province",
    "oblast",
    "territory",
    "water",
    "waters",
    "airspace",
    "coast",
    "border",
    "city",
    "town",
    "village",
    "capital",
    "port",
    "island",
    "base",
    "embassy",
    "consulate",
    "peninsula",
    "frontier",
    "area",
    "zone",
    "sea",
    "strait",
}


def _location(verb: Any, obj: Any | None, target: Mention | None, ctx: _Context) -> Location | None:
    places = [
        pobj
        for head in _phrase_heads(verb, obj)
        for child in head.children
        if child.dep_ == "prep" and child.lower_ in _PLACE_PREPS
        for pobj in child.children
        if pobj.dep_ == "pobj"
    ]
    # "attacked the Kursk region": the attacked place is the object itself.
    places += [c for c in verb.children if c.dep_ == "dobj"]
    for head in places:
        pobj = next((t for t in head.subtree if t.ent_type_ in {"GPE", "LOC", "FAC"}), None)
        if pobj is not None and pobj.dep_ == "poss" and head.lemma_.lower() not in _PLACE_NOUNS:
            continue  # "at Washington's request" is no place; "in Russia's Kursk region" is
        if pobj is None and head.pos_ == "PROPN" and head.lower_ in load_world().places:
            # a place the tagger did not label ("shelled Kharkiv overnight")
            return Location(name=head.text, state=load_world().places[head.lower_].state)
        if pobj is None or head.i not in {pobj.i, pobj.head.i}:
            continue
        ent = next((e for e in ctx.doc.ents if e.start <= pobj.i < e.end), None)
        if ent is None:
            continue
        mention = ctx.mentions.get(pobj.i)
        if target is not None and mention is target:
            continue
        state = mention.ref.code if mention and mention.kind in {"metonym", "name"} else None
        return Location(name=ent.text, state=state or _owner_of_place(ent.text, head, ctx))
    return None


def _owner_of_place(name: str, head: Any, ctx: _Context) -> str | None:
    """The state a named place belongs to: from the places data when its owner is not contested
    ("Kharkiv"), or from the phrase ("Russia's Ryazan region"). A contested place (Crimea) has
    an owner only per interpretation, so none here."""
    place = load_world().places.get(name.lower())
    if place is not None:
        return place.state
    owner = next((c for c in head.children if c.dep_ == "poss" and c.i in ctx.mentions), None)
    return ctx.mentions[owner.i].ref.code if owner is not None else None


def _other_claimant(name: str, sources: list[Mention]) -> str | None:
    """ "Russia annexed Crimea": a contested place's owner depends on the reading, but an act on
    it by one claimant is an act towards the other."""
    place = load_world().places.get(name.lower())
    if place is None or not place.owner:
        return None
    others = set(place.owner.values()) - {s.ref.code for s in sources}
    return others.pop() if len(others) == 1 else None


def _place_target(
    verb: Any, obj: Any | None, sources: list[Mention], ctx: _Context
) -> Mention | None:
    """ "shelled Kharkiv", "pounded a refinery in Russia's Ryazan region": an attack on a place is
    an attack on the state it belongs to, when that is not the attacker's own; likewise a visit
    ("arrived in Vladivostok")."""
    where = _location(verb, obj, None, ctx)
    if where is None:
        return None
    state = where.state or _other_claimant(where.name, sources)
    if state is None or any(s.ref.code == state for s in sources):
        return None
    ent = next((e for e in verb.sent.ents if e.text == where.name), None)
    start, end = (ent.start, ent.end) if ent is not None else (verb.i, verb.i + 1)
    return Mention(start, end, ActorRef(state), "place", where.name)
