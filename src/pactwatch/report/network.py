"""The actor network as GraphML: one node per actor, one directed edge per (source, target, event
type), with how many events support it and how sure the texts were (counts per modality, and the
negative ones apart), so that a tool such as Gephi or networkx can draw or analyse it."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Iterable

from pactwatch.model import Event

_MODALITIES = ("asserted", "reported", "intended", "speculative")
_EDGE_KEYS = [
    ("type", "string"),
    ("events", "int"),
    *[(m, "int") for m in _MODALITIES],
    ("negative", "int"),
    ("first_date", "string"),
    ("last_date", "string"),
]
_NS = "http://graphml.graphdrawing.org/xmlns"


def graphml(events: Iterable[Event]) -> str:
    """GraphML text for the events that have both a source and a target."""
    edges: dict[tuple[str, str, str], Counter[str]] = defaultdict(Counter)
    dates: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    actors: set[str] = set()
    for e in events:
        if not e.source or not e.target:
            continue
        key = (e.source, e.target, e.type)
        actors |= {e.source, e.target}
        edges[key]["events"] += 1
        edges[key][e.modality] += 1
        edges[key]["negative"] += e.polarity == "negative"
        if e.date or e.published:
            dates[key].append(e.date or e.published or "")
    root = ET.Element("graphml", xmlns=_NS)
    ET.SubElement(
        root, "key", {"id": "label", "for": "node", "attr.name": "label", "attr.type": "string"}
    )
    for name, kind in _EDGE_KEYS:
        ET.SubElement(
            root, "key", {"id": name, "for": "edge", "attr.name": name, "attr.type": kind}
        )
    graph = ET.SubElement(root, "graph", id="actors", edgedefault="directed")
    for actor in sorted(actors):
        node = ET.SubElement(graph, "node", id=actor)
        ET.SubElement(node, "data", key="label").text = actor
    for number, (key, counts) in enumerate(sorted(edges.items())):
        source, target, kind = key
        edge = ET.SubElement(graph, "edge", id=f"e{number}", source=source, target=target)
        found = sorted(dates[key])
        values = {
            "type": kind,
            "events": counts["events"],
            **{m: counts[m] for m in _MODALITIES},
            "negative": counts["negative"],
            "first_date": found[0] if found else "",
            "last_date": found[-1] if found else "",
        }
        for name, value in values.items():
            ET.SubElement(edge, "data", key=name).text = str(value)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
