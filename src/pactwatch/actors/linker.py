"""Find actor mentions in a parsed spaCy document."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pactwatch.actors.registry import ActorRef, Mention, Registry

_MAX_ALIAS_TOKENS = 6


_STARTS: dict[int, frozenset[str]] = {}


def _starts(registry: Registry) -> frozenset[str]:
    """The words aliases begin with ("north" for "North Korea", "nagorno" for
    "Nagorno-Karabakh"): a token no alias begins with needs no lookup."""
    found = _STARTS.get(id(registry))
    if found is None:
        words: set[str] = set()
        for alias in registry.aliases:
            parts = alias.split()
            if not parts:
                continue
            first = parts[1] if parts[0] == "the" and len(parts) > 1 else parts[0]
            words |= {first, first.split("-")[0], first.split("'")[0], first.split(".")[0] + "."}
        found = _STARTS[id(registry)] = frozenset(words)
    return found


def link_mentions(doc: Any, registry: Registry, on: dt.date | None = None) -> list[Mention]:
    """Longest-match, left-to-right actor mentions over the document's tokens.

    Matching is case-sensitive for aliases that are all capitals or begin with a capital in text
    (so the verb "back" or the word "us" are not taken for actors): the text must start with a
    capital letter, except for the lowercase article "the" before a metonym ("the Kremlin").
    """
    mentions: list[Mention] = []
    words = [token.text for token in doc]
    spaces = [token.whitespace_ for token in doc]
    i = 0
    n = len(words)
    while i < n:
        found: Mention | None = None
        head = words[i]
        # Every alias match starts with a capital letter, or with "the" before one, and with a
        # word some alias starts with.
        lowered = head.lower()
        if (head[:1].isupper() and lowered in _starts(registry)) or lowered == "the":
            for length in range(min(_MAX_ALIAS_TOKENS, n - i), 0, -1):
                text = "".join(words[k] + spaces[k] for k in range(i, i + length - 1))
                text += words[i + length - 1]
                first = text[4:] if text.lower().startswith("the ") else text
                if not first or not first[0].isupper():
                    continue
                hit = registry.lookup(text, on)
                if hit is None:
                    continue
                ref, kind = hit
                if (
                    text.isupper()
                    and len(text) <= 3
                    and text.lower() in {"us", "un"}
                    and head != text
                ):
                    continue
                found = Mention(
                    start=i,
                    end=i + length,
                    ref=_with_role(doc, i + length, ref, kind, registry),
                    kind=kind,
                    text=text,
                )
                break
        if found is None and head[:1].isupper():
            found = _people(doc, i, registry, on)  # "two Canadians", "five Iranians"
        if found and _names_waters(words, found.start):
            found = None  # "the Sea of Japan", "the Gulf of Mexico" are waters, not the state
        if found:
            mentions.append(found)
            i = found.end
        else:
            i += 1
    return _the_two_koreas(doc, mentions)


def _the_two_koreas(doc: Any, mentions: list[Mention]) -> list[Mention]:
    """ "The North" and "the South" are North and South Korea in a text that names either."""
    if not any(m.ref.code in {"PRK", "KOR"} for m in mentions):
        return mentions
    taken = {i for m in mentions for i in range(m.start, m.end)}
    added = []
    for token in doc[1:]:
        before = doc[token.i - 1]
        if token.text in _KOREAS and before.lower_ == "the" and token.i not in taken:
            # a noun after it makes it an adjective of something else ("the North Atlantic")
            nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if nxt is None or nxt.pos_ not in {"PROPN", "NOUN"}:
                ref = ActorRef(_KOREAS[token.text])
                added.append(Mention(before.i, token.i + 1, ref, "name", f"the {token.text}"))
    return sorted([*mentions, *added], key=lambda m: m.start)


_KOREAS = {"North": "PRK", "South": "KOR"}


_WATERS = {"Sea", "Gulf", "Strait", "Straits", "Bay"}


def _people(doc: Any, i: int, registry: Registry, on: dt.date | None) -> Mention | None:
    """A people named by the plural of its adjective ("Canadians", "Afghans"): the state's
    nationals, as a mention of kind "people"."""
    token = doc[i]
    if token.tag_ not in {"NNS", "NNPS"} or not token.text.endswith("s"):
        return None
    if registry.lookup(token.text, on) is not None:
        return None  # a state's own name ("Philippines")
    hit = registry.lookup(token.text[:-1], on)
    if hit is None or hit[1] != "adjective":
        return None
    return Mention(start=i, end=i + 1, ref=hit[0], kind="people", text=token.text)


def _names_waters(words: list[str], start: int) -> bool:
    return start >= 2 and words[start - 1] == "of" and words[start - 2] in _WATERS


def _with_role(doc: Any, end: int, ref: ActorRef, kind: str, registry: Registry) -> ActorRef:
    """'North Korean troops' is PRK in the MIL role: the noun after an adjective decides it."""
    if kind not in {"adjective", "name"} or end >= len(doc):
        return ref
    if doc[end].text in {"'s", "\u2019s"} and end + 1 < len(doc):
        end += 1  # "South Korea's spy agency"
    nxt = doc[end]
    role = registry.role_for(nxt.text) or registry.role_for(nxt.lemma_)
    if role is None and end + 1 < len(doc):
        role = registry.role_for(f"{nxt.text} {doc[end + 1].text}")
    return ActorRef(ref.code, role) if role else ref
