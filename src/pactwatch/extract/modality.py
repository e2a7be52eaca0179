"""How sure a clause is: modality, polarity and who is quoted, from the dependency parse.

The walk goes from the event verb up through the heads of its clause. On the way it notes hedges
and modals (speculative), plan/pledge/offer heads (intended), reporting verbs and 'according to'
(reported, with the speaker), and negation or a denying verb above it (negative polarity). When
several apply, speculative wins over intended, intended over reported, reported over asserted;
the speaker is kept whatever the modality.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pactwatch.extract.lexicon import ModalityCues

_CLAUSE_LINKS = {
    "nsubjpass",
    "xcomp",
    "ccomp",
    "acomp",
    "advcl",
    "conj",
    "pcomp",
    "relcl",
    "acl",
    "dobj",
    "prep",
    "pobj",
    "parataxis",
    "oprd",
    "attr",
}
_REPORTED_LINKS = {"ccomp", "parataxis", "xcomp", "advcl", "conj", "prep"}
_INTENDED_LINKS = {"xcomp", "ccomp", "acomp", "prep", "pobj", "pcomp", "advcl", "acl"}
_MAX_STEPS = 8
_TIME_PREPS = {"after", "before", "since", "following", "while", "during", "upon"}


@dataclass(frozen=True)
class Stance:
    modality: str
    polarity: str
    speaker: (
        Any | None
    )  # the token whose actor is quoted (subject of "said", object of "according to")
    cues: tuple[str, ...]  # the words that decided it, for the explanation


@dataclass
class _Marks:
    speculative: bool = False
    intended: bool = False
    reported: bool = False
    negative: bool = False
    would: bool = False  # "would": a pledge when reported ("said it would"), else speculation
    conditional: bool = False
    speaker: Any | None = None
    cues: list[str] = field(default_factory=list)

    def set(self, flag: str, word: str) -> None:
        setattr(self, flag, True)
        self.cues.append(word)


def stance(verb: Any, cues: ModalityCues) -> Stance:
    marks = _Marks()
    if verb.sent.text.rstrip().endswith("?"):
        marks.set("speculative", "?")
    if _said_to_be_false(verb, cues):
        marks.set("negative", "false")
    if _counterfactual(verb):
        marks.set("speculative", "had ... would have")
        marks.set("negative", "had ... would have")
    if any(
        c.dep_ in {"preconj", "det"} and c.lower_ == "neither"
        for s in verb.children
        if s.dep_ in {"nsubj", "nsubjpass"}
        for c in s.children
    ):
        marks.set("negative", "neither")  # "Neither China nor India joined the sanctions"
    node = verb
    for _ in range(_MAX_STEPS):
        for child in node.children:
            _child_cue(child, node, node.i == verb.i, cues, marks)
        head = node.head
        if head.i == node.i or node.dep_ not in _CLAUSE_LINKS:
            break
        if node.dep_ == "prep" and node.lower_ in _TIME_PREPS:
            break  # "After meeting Putin, Kim pledged ...": the meeting is not pledged
        if not _speakers_own_act(node, head, cues):
            _head_cue(head, node.dep_, cues, marks)
        node = head
    according = _according_to(verb.sent)
    if according is not None:
        marks.set("reported", "according to")
        marks.speaker = marks.speaker or according
    if marks.would:
        # "Kim said North Korea would stand with Russia": a reported pledge; a bare or
        # conditional "would" is speculation.
        marks.set(
            "intended" if marks.reported and not marks.conditional else "speculative", "would"
        )
    return Stance(
        modality=_modality(marks),
        polarity="negative" if marks.negative else "positive",
        speaker=marks.speaker,
        cues=tuple(marks.cues),
    )


def _modality(marks: _Marks) -> str:
    if marks.speculative:
        return "speculative"
    if marks.intended:
        return "intended"
    if marks.reported:
        return "reported"
    return "asserted"


def _said_to_be_false(verb: Any, cues: ModalityCues) -> bool:
    """ "The report that X happened turned out to be false": the writer says X did not happen."""
    for ancestor in verb.ancestors:
        if ancestor.pos_ in {"VERB", "AUX"} and any(
            c.dep_ in {"acomp", "attr", "oprd", "xcomp"}
            and (c.lemma_.lower() in cues.falsehoods or _complement_false(c, cues))
            for c in ancestor.children
        ):
            return True
    return False


def _complement_false(token: Any, cues: ModalityCues) -> bool:
    """ "turned out to be false": the falsehood hangs one verb further down."""
    return any(
        c.dep_ in {"acomp", "attr"} and c.lemma_.lower() in cues.falsehoods for c in token.children
    )


def _counterfactual(verb: Any) -> bool:
    """ "Had Seoul shipped shells, Moscow would have cut ties": neither happened."""
    auxes = [c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if "have" in auxes and {"would", "could", "might"} & set(auxes):
        return True
    first = verb.sent[0]
    return first.lower_ == "had" and first.dep_ in {"aux", "auxpass"} and first.head.i == verb.i


def _child_cue(child: Any, node: Any, on_verb: bool, cues: ModalityCues, marks: _Marks) -> None:
    """Cues that hang from the verb or from a head of its clause."""
    lemma, low, dep = child.lemma_.lower(), child.text.lower(), child.dep_
    if dep in {"aux", "auxpass"} and low in {"would", "'d"}:
        marks.would = True
    elif dep in {"aux", "auxpass"} and (lemma in cues.modals or low in cues.modals):
        marks.set("speculative", child.text)
    elif dep == "aux" and (low in cues.intent_aux or low == "'ll"):
        marks.set("intended", child.text)
    elif (
        on_verb
        and dep == "dobj"
        and any(c.dep_ == "det" and c.lower_ == "no" for c in child.children)
    ):
        marks.set("negative", "no")  # "has received no missiles"
    elif dep == "det" and low == "no" and not on_verb:
        marks.set("negative", "no")  # "had no intention of attacking", "no plans to send"
    elif dep == "neg" or (dep == "advmod" and low in cues.negators):
        if not on_verb and node.lemma_.lower() in cues.open_when_negated:
            marks.set("speculative", f"{child.text} {node.text}")  # "has not ruled out"
        elif on_verb or not marks.reported:
            # A negation above a reporting verb ("did not say") is not the event's polarity.
            marks.set("negative", child.text)
    elif dep in {"advmod", "acomp"} and low in cues.hedges:
        marks.set("speculative", child.text)
    elif dep == "advmod" and low in cues.report_adverbs:
        marks.set("reported", child.text)
    elif dep == "parataxis" and lemma in cues.report_verbs and _subject(child) is not None:
        # "Russia has returned 12 children ..., Kyiv said, ...": the parser hangs the
        # attribution from the clause it reports
        marks.set("reported", child.text)
        marks.speaker = marks.speaker or _subject(child)
    elif dep == "mark" and low in cues.conditionals:
        marks.set("speculative", child.text)
        marks.conditional = True


def _speakers_own_act(node: Any, head: Any, cues: ModalityCues) -> bool:
    """ "Zelensky said ..., rejecting a US proposal": a participle after the reporting verb is
    what the speaker did in saying it, which the writer asserts."""
    return (
        node.dep_ == "advcl"
        and node.tag_ == "VBG"
        and node.i > head.i
        and head.lemma_.lower() in cues.report_verbs
    )


def _head_cue(head: Any, link: str, cues: ModalityCues, marks: _Marks) -> None:
    """Cues from a head the clause hangs from: denials, reporting verbs, intentions, frames."""
    lemma = head.lemma_.lower()
    particles = {c.lower_ for c in head.children if c.dep_ == "prt"}
    if lemma in cues.cancellations or (lemma == "call" and "off" in particles):
        marks.set("negative", head.text)  # "failed to cooperate", "the visit was called off"
    elif link == "xcomp" and any(c.lower_ == "yet" for c in head.children):
        marks.set("negative", "yet")  # "has yet to sanction"
    elif lemma in cues.denials:
        marks.set("negative", head.text)
        marks.set("reported", head.text)
        marks.speaker = marks.speaker or _subject(head)
    elif lemma in cues.report_verbs and link in _REPORTED_LINKS:
        marks.set("reported", head.text)
        marks.speaker = marks.speaker or _subject(head)
    elif (lemma in cues.intent_heads or head.lower_ in cues.intent_heads) and (
        link in _INTENDED_LINKS
    ):
        marks.set("intended", head.text)
    elif lemma in cues.frames:
        marks.set("speculative", head.text)


def _subject(token: Any) -> Any | None:
    for child in token.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            return child
    return None


def _according_to(sent: Any) -> Any | None:
    for token in sent:
        if token.lower_ != "according" or token.i + 1 >= len(token.doc):
            continue
        if token.nbor().lower_ != "to":
            continue
        for candidate in [*token.nbor().children, *(g for c in token.children for g in c.children)]:
            if candidate.dep_ == "pobj":
                return candidate
    return None
