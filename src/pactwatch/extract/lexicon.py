"""The event and modality lexicons (data/lexicon/*.yaml) as typed objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from pactwatch.model import PLOVER_TYPES


@dataclass(frozen=True)
class VerbEntry:
    lemma: str
    type: str
    mode: str | None
    needs: str | None  # "object" | "target" | None
    target_from: str  # "object" | "to" | "either"
    reverse: bool = False  # the subject receives; the "from" phrase gives
    fixed: bool = False  # the verb's type stands whatever the object names
    negated: bool = False  # the verb says the act did not happen ("abstained": did not reject)
    carried: bool = False  # the subject is what moves ("shells went from X to Y")
    forces: bool = False  # only forces do it ("Russian troops left the plant", not "Kim left")
    requires_target: bool = False  # no event without the one acted on ("lifted a ban" at home)

    @property
    def particle(self) -> str | None:
        """The particle or preposition a two-word key needs ("rule out", "call on")."""
        parts = self.lemma.split(" ", 1)
        return parts[1] if len(parts) == 2 else None


@dataclass(frozen=True)
class ObjectEntry:
    lemma: str
    mode: str | None
    type: str | None


@dataclass(frozen=True)
class NounEntry:
    """A noun naming an event ("invasion", "transfer")."""

    lemma: str
    type: str
    mode: str | None
    target_of: bool = False  # the of-phrase names the target ("the invasion of Ukraine")


@dataclass(frozen=True)
class ModalityCues:
    modals: frozenset[str]
    hedges: frozenset[str]
    conditionals: frozenset[str]
    frames: frozenset[str]
    intent_heads: frozenset[str]
    intent_aux: frozenset[str]
    report_verbs: frozenset[str]
    report_adverbs: frozenset[str]
    denials: frozenset[str]
    negators: frozenset[str]
    cancellations: frozenset[str] = frozenset()
    open_when_negated: frozenset[str] = frozenset()
    falsehoods: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, VerbEntry]
    objects: dict[str, ObjectEntry]
    object_verbs: dict[str, frozenset[str]]
    cues: ModalityCues
    nouns: dict[str, NounEntry]
    light_verbs: frozenset[str]
    stems: frozenset[str] = frozenset()  # verbs without particles ("rule out" -> "rule")
    # a verb and its object that mean another verb: "take delivery" (of drones) is "receive"
    verb_objects: dict[str, str] = field(default_factory=dict)
    object_types: dict[str, dict[str, str]] = field(
        default_factory=dict
    )  # verbs without particles ("rule out" -> "rule")


def _load(name: str) -> Any:
    path = resources.files("pactwatch").joinpath("data", "lexicon", name)
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _plover_type(kind: str, lemma: str, entry: dict[str, Any]) -> str:
    found: str = entry["type"]
    if found not in PLOVER_TYPES:
        raise ValueError(f"lexicon {kind} {lemma!r}: {found!r} is not a PLOVER type")
    return found


def build_lexicon(events: dict[str, Any], modality: dict[str, Any]) -> Lexicon:
    verbs = {}
    for lemma, entry in events["verbs"].items():
        verbs[lemma] = VerbEntry(
            lemma=lemma,
            type=_plover_type("verb", lemma, entry),
            mode=entry.get("mode"),
            needs=entry.get("needs"),
            target_from=entry.get("target_from", "either"),
            reverse=bool(entry.get("reverse", False)),
            fixed=bool(entry.get("fixed", False)),
            negated=entry.get("polarity") == "negative",
            carried=bool(entry.get("carried", False)),
            forces=bool(entry.get("forces", False)),
            requires_target=bool(entry.get("requires_target", False)),
        )
    objects = {
        lemma: ObjectEntry(
            lemma=lemma, mode=(entry or {}).get("mode"), type=(entry or {}).get("type")
        )
        for lemma, entry in events["objects"].items()
    }
    # object_types: the type a verb's event takes with a given object ("scrapped tariffs" is a
    # concession, "blocked a supply boat" coercion); those objects are allowed to the verb too
    object_types: dict[str, dict[str, str]] = {}
    for verb, table in (events.get("object_types") or {}).items():
        object_types[verb] = {
            obj: _plover_type("object_types", f"{verb} {obj}", {"type": kind})
            for obj, kind in table.items()
        }
        unknown = sorted(set(table) - set(events["objects"]))
        if unknown:
            raise ValueError(f"lexicon object_types {verb!r}: {unknown} are not lexicon objects")
    object_verbs = {k: frozenset(v) for k, v in (events.get("object_verbs") or {}).items()}
    for verb, table in object_types.items():
        if verb in object_verbs:
            object_verbs[verb] = object_verbs[verb] | frozenset(table)
    modes = {o.mode for o in objects.values() if o.mode}
    for verb, allowed in object_verbs.items():
        # an entry names lexicon objects, or a mode standing for all the objects of that mode
        unknown = sorted(allowed - objects.keys() - modes)
        if unknown:  # such an entry could never match
            raise ValueError(f"lexicon object_verbs {verb!r}: {unknown} are not lexicon objects")
    nouns = {}
    for lemma, entry in (events.get("nouns") or {}).items():
        nouns[lemma] = NounEntry(
            lemma=lemma,
            type=_plover_type("noun", lemma, entry),
            mode=entry.get("mode"),
            target_of=bool(entry.get("target_of", False)),
        )
    for section, cues_of in modality.items():
        for name, words in (cues_of or {}).items() if isinstance(cues_of, dict) else ():
            odd = [w for w in words if not isinstance(w, str)] if isinstance(words, list) else []
            if odd:  # YAML reads a bare false, no or yes as a boolean: quote such words
                raise ValueError(f"modality cue {section}.{name}: {odd!r} are not words")
    spec, intent, rep, neg = (
        modality["speculative"],
        modality["intended"],
        modality["reported"],
        modality["negative"],
    )
    cues = ModalityCues(
        modals=frozenset(spec["modals"]),
        hedges=frozenset(spec["hedges"]),
        conditionals=frozenset(spec["conditionals"]),
        frames=frozenset(spec["frames"]),
        intent_heads=frozenset(intent["heads"]),
        intent_aux=frozenset(intent["auxiliaries"]),
        report_verbs=frozenset(rep["verbs"]),
        report_adverbs=frozenset(rep["adverbs"]),
        denials=frozenset(neg["denials"]),
        negators=frozenset(neg["negators"]),
        cancellations=frozenset(neg.get("cancellations") or ()),
        open_when_negated=frozenset(spec.get("open_when_negated") or ()),
        falsehoods=frozenset(neg.get("falsehoods") or ()),
    )
    return Lexicon(
        verbs=verbs,
        objects=objects,
        object_verbs=object_verbs,
        cues=cues,
        nouns=nouns,
        light_verbs=frozenset(events.get("light_verbs") or ()),
        stems=frozenset(key.split(" ", 1)[0] for key in verbs),
        object_types=object_types,
        verb_objects=_verb_objects(events.get("verb_objects") or {}, verbs),
    )


def _verb_objects(found: dict[str, str], verbs: dict[str, VerbEntry]) -> dict[str, str]:
    for phrase, meaning in found.items():
        if meaning not in verbs:
            raise ValueError(f"lexicon verb_objects {phrase!r}: {meaning!r} is not a lexicon verb")
    return dict(found)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    return build_lexicon(_load("events.yaml"), _load("modality.yaml"))
