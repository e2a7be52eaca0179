"""The verification mutation harness: plant contradictions and harmless variants in true statements,
then measure `conflicts` (precision, recall) and `check` (verdict accuracy).

    .venv/bin/python -m pactwatch.tools.mutation_harness [STATEMENTS.yaml ...] [--json]

The statements (tests/verify/harness.yaml) are true according to the curated record. Each becomes a
short article; so does each of its variants. Contradictions: a shifted year, a number outside the
record's range, a reversed direction, a wrong signatory. Harmless variants: a bound for a value, a
later estimate, another unit, an opposite flow. All articles go into one fresh store, and:

- a conflict is a true positive when it cites a planted contradiction's span; recall is the share of
  planted contradictions some conflict cites;
- `check` should find each true statement supported, each planted contradiction contradicted, and
  each harmless variant not contradicted.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

from pactwatch import api
from pactwatch.actors import load_registry

ROOT = Path(__file__).resolve().parents[3]
STATEMENTS = ROOT / "tests" / "verify" / "harness.yaml"
BLIND = ROOT / "tests" / "verify" / "harness_blind.yaml"  # written by a helper blind to the code
PUBLISHED = "2026-11-01"
TODAY = dt.date(2026, 11, 23)

Role = Literal["true", "contradiction", "harmless"]


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    role: Role
    kind: str  # "base", "year", "number", ..., "opposite"


@dataclass
class Scores:
    items: int = 0
    planted: int = 0
    detected: int = 0
    conflicts: int = 0
    conflicts_citing_planted: int = 0
    false_conflicts: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    verdicts_right: int = 0
    wrong_verdicts: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.conflicts_citing_planted / self.conflicts if self.conflicts else 1.0

    @property
    def recall(self) -> float:
        return self.detected / self.planted if self.planted else 1.0

    @property
    def verdict_accuracy(self) -> float:
        return self.verdicts_right / self.items if self.items else 0.0

    def figures(self) -> dict[str, float]:
        return {
            "conflicts_precision": round(self.precision, 3),
            "conflicts_recall": round(self.recall, 3),
            "verdict_accuracy": round(self.verdict_accuracy, 3),
        }


# --- mutations ----------------------------------------------------------------------------------

_AMOUNT = re.compile(
    r"\b(?P<cue>(?i:about |some |more than |at least |up to |over |nearly |around |roughly ))?"
    r"(?P<num>\d[\d,]*(?:\.\d+)?|one|two|three)(?P<scale> million| thousand| billion)?\b"
    r"(?P<unit> [a-z-]+)?"
)
_WORDS = {"one": 1.0, "two": 2.0, "three": 3.0}
_SCALE = {" million": 1e6, " thousand": 1e3, " billion": 1e9}
_YEAR = re.compile(r"\b(19|20)\d\d\b")


def _amount(text: str) -> tuple[re.Match[str], float] | None:
    for match in _AMOUNT.finditer(text):
        if _YEAR.fullmatch(match.group("num")) and not match.group("cue"):
            continue  # a year, not an amount
        raw = match.group("num")
        number = _WORDS.get(raw) or float(raw.replace(",", ""))
        number *= _SCALE.get(match.group("scale") or "", 1.0)
        return match, number
    return None


def _figure(value: float) -> str:
    if value >= 1e6 and value % 1e5 == 0:
        return f"{value / 1e6:g} million"
    return f"{round(value):,}"


def _replace_amount(text: str, make: Any) -> str | None:
    found = _amount(text)
    if found is None:
        return None
    match, number = found
    unit = match.group("unit") or ""
    return text[: match.start()] + str(make(number)) + unit + text[match.end() :]


def _year(text: str, _spec: dict[str, Any]) -> str | None:
    years = list(_YEAR.finditer(text))
    if not years:
        return None
    last = years[-1]
    return text[: last.start()] + str(int(last.group(0)) - 1) + text[last.end() :]


def _number(text: str, spec: dict[str, Any]) -> str | None:
    factor = 10.0 if spec.get("number") == "up" else 0.1
    return _replace_amount(text, lambda n: f"about {_figure(n * factor)}")


def _direction(text: str, spec: dict[str, Any]) -> str | None:
    a, b = spec["swap"]
    if a not in text or b not in text:
        return None
    return str(text.replace(a, "\0").replace(b, a).replace("\0", b))


def _signatory(text: str, spec: dict[str, Any]) -> str | None:
    """The first state the statement names, replaced by one that was not a party."""
    registry = load_registry()
    words = list(re.finditer(r"[A-Z][\w'-]*(?: [A-Z][\w'-]*){0,2}", text))
    for match in words:
        name = match.group(0).removeprefix("The ").removesuffix("'s")
        hit = registry.lookup(name)
        if hit is not None and hit[1] in {"name", "adjective", "metonym"} and len(hit[0].code) == 3:
            start = match.start() + match.group(0).index(name)
            before = text[:start]
            if before.lower().endswith("the "):
                before = before[:-4]  # "the United States" -> "Japan", not "the Japan"
            return before + str(spec["third"]) + text[start + len(name) :]
    return None


def _bound(text: str, _spec: dict[str, Any]) -> str | None:
    return _replace_amount(text, lambda n: f"at least {_figure(n * 0.8)}")


def _later(text: str, _spec: dict[str, Any]) -> str | None:
    years = list(_YEAR.finditer(text))
    if not years:
        return None
    last = years[-1]
    moved = text[: last.start()] + str(int(last.group(0)) + 2) + text[last.end() :]
    return _replace_amount(moved, lambda n: f"about {_figure(n * 2)}")


def _unit(text: str, spec: dict[str, Any]) -> str | None:
    found = _amount(text)
    if found is None or not found[0].group("unit"):
        return None
    match = found[0]
    return text[: match.start("unit")] + " " + str(spec["unit"]) + text[match.end("unit") :]


_MUTATIONS = {
    "year": _year,
    "number": _number,
    "direction": _direction,
    "signatory": _signatory,
    "bound": _bound,
    "later": _later,
    "unit": _unit,
}


def mutate(text: str, kind: str, spec: dict[str, Any]) -> str | None:
    """The statement with one mutation applied, or None when it does not apply."""
    if kind not in _MUTATIONS:
        raise ValueError(f"unknown mutation {kind!r}")
    return _MUTATIONS[kind](text, spec)


_HARMFUL = {"year", "number", "direction", "signatory"}


def items_from(path: Path) -> list[Item]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    found = []
    for number, spec in enumerate(data["statements"], 1):
        base = f"s{number:02d}"
        found.append(Item(base, spec["text"], "true", "base"))
        for kind in spec.get("mutate", []):
            text = mutate(spec["text"], kind, spec)
            if text is None or text == spec["text"]:
                raise ValueError(f"{path}: statement {number}: mutation {kind} does not apply")
            role: Role = "contradiction" if kind in _HARMFUL else "harmless"
            found.append(Item(f"{base}-{kind}", text, role, kind))
        for k, text in enumerate(spec.get("harmless", []), 1):
            found.append(Item(f"{base}-harmless{k}", text, "harmless", "opposite"))
    return found


# --- running ------------------------------------------------------------------------------------


def run(items: list[Item]) -> Scores:
    scores = Scores(items=len(items))
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "harness.jsonl"
        with corpus.open("w", encoding="utf-8") as out:
            for item in items:
                record = {
                    "id": item.id,
                    "url": f"https://harness.pactwatch.example/{item.id}",
                    "title": f"Report {item.id}",
                    "published": PUBLISHED,
                    "text": f"{item.text}\n\nOfficials gave no further details.",
                }
                out.write(json.dumps(record) + "\n")
        db = Path(folder) / "harness.duckdb"
        api.ingest([corpus], db)
        documents = {d.url: d.id for d in api.documents(db)}
        by_doc = {documents[f"https://harness.pactwatch.example/{i.id}"]: i for i in items}
        conflicts = api.conflicts(db)
        cited: set[str] = set()
        for conflict in conflicts:
            docs = {s.doc_id for v in conflict.values for s in v.sources}
            planted = [by_doc[d] for d in docs if d in by_doc and by_doc[d].role == "contradiction"]
            scores.conflicts += 1
            if planted:
                scores.conflicts_citing_planted += 1
                cited |= {p.id for p in planted}
            else:
                scores.false_conflicts.append(f"{conflict.kind} {conflict.explanation}")
        planted_items = [i for i in items if i.role == "contradiction"]
        scores.planted = len(planted_items)
        scores.detected = sum(1 for i in planted_items if i.id in cited)
        scores.missed = [f"{i.id}: {i.text}" for i in planted_items if i.id not in cited]
    for item in items:
        verdict = api.check(item.text, None, today=TODAY).verdict
        right = {
            "true": verdict == "supported",
            "contradiction": verdict == "contradicted",
            "harmless": verdict != "contradicted",
        }[item.role]
        scores.verdicts_right += right
        if not right:
            scores.wrong_verdicts.append(f"{item.id} ({item.role}) -> {verdict}: {item.text}")
    return scores


def combined(parts: list[Scores]) -> Scores:
    """The figures of several runs taken together (counts summed)."""
    total = Scores()
    for part in parts:
        total.items += part.items
        total.planted += part.planted
        total.detected += part.detected
        total.conflicts += part.conflicts
        total.conflicts_citing_planted += part.conflicts_citing_planted
        total.verdicts_right += part.verdicts_right
        total.false_conflicts += part.false_conflicts
        total.missed += part.missed
        total.wrong_verdicts += part.wrong_verdicts
    return total


def main(argv: list[str]) -> None:
    paths = [Path(a) for a in argv if not a.startswith("--")] or [STATEMENTS, BLIND]
    runs = []
    for path in paths:
        items = items_from(path)
        scores = run(items)
        runs.append(scores)
        if "--json" in argv:
            print(json.dumps({"file": path.name, **scores.figures()}))
        else:
            _report(path, items, scores)
    if len(runs) > 1:
        total = combined(runs)
        if "--json" in argv:
            print(json.dumps({"file": "all", **total.figures()}))
        else:
            print(
                f"all: conflicts precision {total.precision:.3f}, recall {total.recall:.3f}; "
                f"check verdict accuracy {total.verdict_accuracy:.3f} ({total.items} statements)"
            )


def _report(path: Path, items: list[Item], scores: Scores) -> None:
    kinds = sorted({i.kind for i in items})
    print(f"{path}: {len(items)} statements ({', '.join(kinds)})")
    print(
        f"conflicts: precision {scores.precision:.3f} ({scores.conflicts_citing_planted} of "
        f"{scores.conflicts} cite a planted contradiction), recall {scores.recall:.3f} "
        f"({scores.detected} of {scores.planted} planted contradictions found)"
    )
    right = f"{scores.verdicts_right} of {scores.items}"
    print(f"check: verdict accuracy {scores.verdict_accuracy:.3f} ({right})")
    for line in scores.missed:
        print(f"  missed: {line}")
    for line in scores.false_conflicts:
        print(f"  false conflict: {line}")
    for line in scores.wrong_verdicts:
        print(f"  wrong verdict: {line}")


if __name__ == "__main__":
    main(sys.argv[1:])
