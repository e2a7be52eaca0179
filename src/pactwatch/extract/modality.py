"""How sure a clause is: modality, polarity and who is quoted, from the dependency parse.

The walk goes from the event verb up through the heads of its clause. On the way it notes hedges
and modals (speculative), plan/pledge/offer heads (intended), reporting verbs and 'according to'
(reported, with the speaker), and negation or a denying verb above it (negative polarity). When
several apply, speculative wins over intended, intended over reported, reported over asserted;
the speaker is kept whatever the modality.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pactwatch.extract.lexicon import ModalityCues

_CLAUSE_LINKS = {"xcomp", "ccomp", "acomp", "advcl", "conj", "pcomp", "relcl", "acl", "dobj", "prep", "pobj", "parataxis", "oprd", "attr"}
_MAX_STEPS = 8


@dataclass(frozen=True)
class Stance:
    modality: str
    polarity: str
    speaker: Any | None  # the token whose actor is quoted (subject of "said", object of "according to")
    cues: tuple[str, ...]  # the words that decided it, for the explanation


def stance(verb: Any, cues: ModalityCues) -> Stance:
    speculative = intended = reported = negative = False
    speaker = None
    found: list[str] = []
    sent = verb.sent

    def note(word: str) -> None:
        found.append(word)

    if sent.text.rstrip().endswith("?"):
        speculative = True
        note("?")

    node = verb
    for _ in range(_MAX_STEPS):
        for child in node.children:
            lemma = child.lemma_.lower()
            low = child.text.lower()
            if child.dep_ in {"aux", "auxpass"} and (lemma in cues.modals or low in cues.modals):
                speculative = True
                note(child.text)
            elif child.dep_ in {"aux"} and low in cues.intent_aux | {"'ll"}:
                intended = True
                note(child.text)
            elif child.dep_ == "neg" or (child.dep_ == "advmod" and low in cues.negators):
                # A negation above a reporting verb ("did not say") is not the event's polarity.
                if node.i == verb.i or not reported:
                    negative = True
                    note(child.text)
            elif child.dep_ in {"advmod", "acomp"} and low in cues.hedges:
                speculative = True
                note(child.text)
            elif child.dep_ == "advmod" and low in cues.report_adverbs:
                reported = True
                note(child.text)
            elif child.dep_ == "mark" and low in cues.conditionals:
                speculative = True
                note(child.text)
        head = node.head
        if head.i == node.i or node.dep_ not in _CLAUSE_LINKS:
            break
        lemma = head.lemma_.lower()
        if lemma in cues.denials:
            negative = True
            reported = True
            speaker = speaker or _subject(head)
            note(head.text)
        elif lemma in cues.report_verbs and node.dep_ in {"ccomp", "parataxis", "xcomp", "advcl", "conj", "prep"}:
            reported = True
            speaker = speaker or _subject(head)
            note(head.text)
        elif lemma in cues.intent_heads and node.dep_ in {"xcomp", "ccomp", "acomp", "prep", "pobj", "pcomp", "advcl"}:
            intended = True
            note(head.text)
        elif lemma in cues.frames:
            speculative = True
            note(head.text)
        node = head

    according = _according_to(sent)
    if according is not None:
        reported = True
        speaker = speaker or according
        note("according to")

    if speculative:
        modality = "speculative"
    elif intended:
        modality = "intended"
    elif reported:
        modality = "reported"
    else:
        modality = "asserted"
    return Stance(modality, "negative" if negative else "positive", speaker, tuple(found))


def _subject(token: Any) -> Any | None:
    for child in token.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            return child
    return None


def _according_to(sent: Any) -> Any | None:
    for token in sent:
        if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to":
            for child in token.nbor().children:
                if child.dep_ == "pobj":
                    return child
            for child in token.children:
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj":
                        return grandchild
    return None
