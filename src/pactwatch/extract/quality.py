"""Extraction quality against an annotated gold set: per-type precision, recall and F1, F1 on
(type, source, target), modality and polarity accuracy, and the count of the one error pactwatch
must never make (a speculative, intended or negative statement coded as a positive asserted event).

Gold items are ``{"id", "text", "published", "events": [{source, target, type, modality, polarity,
...}]}``, one JSON object per line. Matching is within an item: a predicted event matches a gold
event of the same (type, source, target) first, then one of the same type; each gold event is
matched at most once.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

GoldEvent = dict[str, Any]
_NOT_FACT = {"speculative", "intended"}


@dataclass(frozen=True)
class GoldItem:
    id: str
    text: str
    published: str | None
    events: tuple[GoldEvent, ...]


def load_gold(path: str | Path) -> list[GoldItem]:
    items = []
    for number, line in enumerate(Path(path).read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        record = json.loads(line)
        try:
            items.append(
                GoldItem(
                    id=str(record["id"]),
                    text=str(record["text"]),
                    published=record.get("published"),
                    events=tuple(record.get("events") or ()),
                )
            )
        except KeyError as exc:
            raise ValueError(f"{path}:{number}: missing field {exc}") from exc
    return items


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    items: int = 0
    by_type: dict[str, Counts] = field(default_factory=dict)
    triples: Counts = field(default_factory=Counts)  # (type, source, target)
    matched: int = 0  # predicted events matched to a gold event of the same type
    modality_right: int = 0
    polarity_right: int = 0
    facts_from_non_facts: list[str] = field(default_factory=list)  # the error never to make
    confusions: Counter[tuple[str, str]] = field(default_factory=Counter)  # (gold, predicted)

    @property
    def macro_f1(self) -> float:
        scored = [c.f1 for t, c in self.by_type.items() if c.tp + c.fn > 0]
        return sum(scored) / len(scored) if scored else 0.0

    @property
    def modality_accuracy(self) -> float:
        return self.modality_right / self.matched if self.matched else 0.0

    @property
    def polarity_accuracy(self) -> float:
        return self.polarity_right / self.matched if self.matched else 0.0

    def figures(self) -> dict[str, float]:
        """The figures a gate pins floors on (rounded to three places)."""
        found = {
            "event_type_macro_f1": self.macro_f1,
            "type_source_target_f1": self.triples.f1,
            "modality_accuracy": self.modality_accuracy,
            "polarity_accuracy": self.polarity_accuracy,
        }
        for name, counts in sorted(self.by_type.items()):
            if counts.tp + counts.fn:
                found[f"f1.{name}"] = counts.f1
        return {k: round(v, 3) for k, v in found.items()}

    def table(self) -> str:
        lines = [f"{'type':<11} {'P':>5} {'R':>5} {'F1':>5}  gold  predicted"]
        for name, c in sorted(self.by_type.items()):
            lines.append(
                f"{name:<11} {c.precision:5.2f} {c.recall:5.2f} {c.f1:5.2f}  "
                f"{c.tp + c.fn:>4}  {c.tp + c.fp:>9}"
            )
        lines += [
            f"event-type macro-F1 {self.macro_f1:.3f}; type+source+target F1 "
            f"{self.triples.f1:.3f} (P {self.triples.precision:.3f}, R {self.triples.recall:.3f})",
            f"modality accuracy {self.modality_accuracy:.3f}, polarity accuracy "
            f"{self.polarity_accuracy:.3f} over {self.matched} matched events",
            f"speculative, intended or negative statements coded as positive asserted events: "
            f"{len(self.facts_from_non_facts)}",
        ]
        return "\n".join(lines)


def _triple(event: GoldEvent) -> tuple[Any, Any, Any]:
    return event.get("type"), event.get("source"), event.get("target")


def _match(gold: list[GoldEvent], predicted: list[GoldEvent]) -> list[tuple[GoldEvent, GoldEvent]]:
    """Pairs (gold, predicted): same (type, source, target) first, then the same type."""
    free = list(gold)
    pairs = []
    rest = []
    for event in predicted:
        same = next((g for g in free if _triple(g) == _triple(event)), None)
        if same is None:
            rest.append(event)
            continue
        free.remove(same)
        pairs.append((same, event))
    for event in rest:
        same = next((g for g in free if g.get("type") == event.get("type")), None)
        if same is not None:
            free.remove(same)
            pairs.append((same, event))
    return pairs


def score(items: Iterable[GoldItem], extract: Callable[[GoldItem], list[GoldEvent]]) -> Report:
    """Run ``extract`` on every gold item and score what it returns (dicts with at least type,
    source, target, modality and polarity)."""
    report = Report()
    for item in items:
        report.items += 1
        gold, predicted = list(item.events), extract(item)
        for name in {e.get("type") for e in gold} | {e.get("type") for e in predicted}:
            counts = report.by_type.setdefault(str(name), Counts())
            in_gold = sum(1 for e in gold if e.get("type") == name)
            in_predicted = sum(1 for e in predicted if e.get("type") == name)
            counts.tp += min(in_gold, in_predicted)
            counts.fp += max(0, in_predicted - in_gold)
            counts.fn += max(0, in_gold - in_predicted)
        gold_triples = Counter(_triple(e) for e in gold)
        predicted_triples = Counter(_triple(e) for e in predicted)
        common = sum((gold_triples & predicted_triples).values())
        report.triples.tp += common
        report.triples.fp += sum(predicted_triples.values()) - common
        report.triples.fn += sum(gold_triples.values()) - common
        for g, p in _match(gold, predicted):
            report.matched += 1
            report.modality_right += g.get("modality") == p.get("modality")
            report.polarity_right += g.get("polarity") == p.get("polarity")
            report.confusions[(str(g.get("modality")), str(p.get("modality")))] += 1
            not_fact = g.get("modality") in _NOT_FACT or g.get("polarity") == "negative"
            as_fact = p.get("modality") == "asserted" and p.get("polarity") == "positive"
            if not_fact and as_fact:
                report.facts_from_non_facts.append(f"{item.id}: {item.text}")
    return report
