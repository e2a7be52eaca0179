"""Comparing commitments provision by provision, and exporting ATOP-style rows."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from pactwatch.commitments.schema import Commitment, Condition

_ORDER = (
    "defense",
    "offense",
    "neutrality",
    "non_aggression",
    "consultation",
    "non_alliance",
    "prohibition",
    "limit",
    None,
)


def describe_condition(condition: Condition | None) -> str:
    """A condition as one line of text: 'all(armed_attack(against=beneficiary, by=any), ...)'."""
    if condition is None:
        return "none"
    key = condition.key
    if key in {"all", "any"}:
        parts = condition.all_ if key == "all" else condition.any_
        return f"{key}(" + ", ".join(describe_condition(p) for p in parts or []) + ")"
    if key == "not":
        return f"not({describe_condition(condition.not_)})"
    value = getattr(condition, key)
    if hasattr(value, "model_dump"):
        args = value.model_dump(exclude_defaults=True, exclude_none=True, by_alias=True)
        return f"{key}(" + ", ".join(f"{k}={v}" for k, v in args.items()) + ")"
    return f"{key}({value})"


def _duration(c: Commitment) -> str:
    variants = (
        f"; contested end: {', '.join(f'{v.name} {v.until}' for v in c.in_force.variants)}"
        if c.in_force.variants
        else ""
    )
    until = c.in_force.until or "no end date"
    return f"in force {c.in_force.from_} to {until} ({c.in_force.renewal}){variants}"


def diff(a: Commitment, b: Commitment) -> dict[str, Any]:
    """Line two commitments up: parties, duration, then provisions paired by obligation type."""
    rows = []
    for obligation in _ORDER:
        left = [p for p in a.provisions if p.obligation == obligation]
        right = [p for p in b.provisions if p.obligation == obligation]
        for i in range(max(len(left), len(right))):
            pa = left[i] if i < len(left) else None
            pb = right[i] if i < len(right) else None
            ca = describe_condition(pa.conditions) if pa else None
            cb = describe_condition(pb.conditions) if pb else None
            same = pa is not None and pb is not None and ca == cb
            rows.append(
                {
                    "obligation": obligation or "procedural",
                    "a": {
                        "article": pa.article,
                        "summary": " ".join(pa.summary.split()),
                        "conditions": ca,
                    }
                    if pa
                    else None,
                    "b": {
                        "article": pb.article,
                        "summary": " ".join(pb.summary.split()),
                        "conditions": cb,
                    }
                    if pb
                    else None,
                    "same_conditions": same,
                    "note": _note(pa is not None, pb is not None, same, a.short, b.short),
                }
            )
    return {
        "a": a.id,
        "b": b.id,
        "parties": {"a": [m.code for m in a.parties], "b": [m.code for m in b.parties]},
        "duration": {"a": _duration(a), "b": _duration(b)},
        "provisions": rows,
    }


def _note(has_a: bool, has_b: bool, same: bool, a: str, b: str) -> str:
    if has_a and has_b:
        return "same conditions" if same else "conditions differ"
    return f"only in {a}" if has_a else f"only in {b}"


def diff_text(result: dict[str, Any]) -> str:
    lines = [
        f"{result['a']}  vs  {result['b']}",
        f"parties:  {', '.join(result['parties']['a'])}  |  {', '.join(result['parties']['b'])}",
        f"duration: {result['duration']['a']}",
        f"          {result['duration']['b']}",
        "",
    ]
    for row in result["provisions"]:
        a, b = row["a"], row["b"]
        lines.append(f"{row['obligation']}: {row['note']}")
        lines.append(f"  A art. {a['article']}: {a['conditions']}" if a else "  A: —")
        lines.append(f"  B art. {b['article']}: {b['conditions']}" if b else "  B: —")
    return "\n".join(lines) + "\n"


_ATOP_FIELDS = {
    "defense": "defense",
    "offense": "offense",
    "neutrality": "neutral",
    "non_aggression": "nonagg",
    "consultation": "consul",
}


def atop_rows(commitments: Iterable[Commitment]) -> str:
    """Member-level rows in the spirit of ATOP's member file (atopid here is our id)."""
    out = io.StringIO()
    columns = [
        "atopid",
        "member",
        "yrent",
        "yrexit",
        "signed",
        "in_force_from",
        "in_force_until",
        "defense",
        "offense",
        "neutral",
        "nonagg",
        "consul",
        "defcon",
        "conditions",
    ]
    writer = csv.DictWriter(out, fieldnames=columns)
    writer.writeheader()
    for c in commitments:
        if c.kind != "treaty":
            continue
        flags = dict.fromkeys(_ATOP_FIELDS.values(), 0)
        conditional = 0
        for p in c.provisions:
            if p.obligation in _ATOP_FIELDS:
                flags[_ATOP_FIELDS[p.obligation]] = 1
                if (
                    p.obligation == "defense"
                    and p.conditions is not None
                    and "where" in describe_condition(p.conditions)
                ):
                    conditional = 1
        conditions = "; ".join(
            f"art. {p.article}: {describe_condition(p.conditions)}"
            for p in c.provisions
            if p.obligation in {"defense", "offense"}
        )
        for m in c.parties:
            start = m.from_ or c.in_force.from_
            end = m.until or c.in_force.until
            writer.writerow(
                {
                    "atopid": c.id,
                    "member": m.code,
                    "yrent": start.year,
                    "yrexit": end.year if end else "",
                    "signed": c.signed,
                    "in_force_from": c.in_force.from_,
                    "in_force_until": c.in_force.until or "",
                    **flags,
                    "defcon": conditional,
                    "conditions": conditions,
                }
            )
    return out.getvalue()
