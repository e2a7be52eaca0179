"""The views the briefing and the app share: questions, indicators, flows and the network."""

from __future__ import annotations

from pactwatch.commitments import load_commitments
from pactwatch.extract.claims import claims_from_events
from pactwatch.model import Event, Quantity
from pactwatch.report.views import (
    Indicator,
    answer,
    flow_chart,
    flows,
    indicator_board,
    load_indicators,
    load_questions,
    network,
)
from tests.factories import event


def _event(doc: str, **fields: object) -> Event:
    return event(doc, **({"mode": "troop_deployment"} | fields))


def test_the_questions_are_answered_per_interpretation() -> None:
    commitments = load_commitments()
    answers = {q.id: answer(q, commitments) for q in load_questions()}
    assert set(answers) == {"crimea", "western-missiles", "kursk", "dprk-attacked"}
    crimea = answers["crimea"]
    # Crimea is Russian only in the parties' reading, so the clause is contested
    (duty,) = [f for f in crimea.findings if f.obligated == "PRK" and f.beneficiary == "RUS"]
    assert duty.interpretations["parties"] == "activated"
    assert duty.interpretations["un_majority"] == "not_activated"
    assert crimea.summary.startswith("Contested") and "un_majority" in crimea.summary
    assert answers["dprk-attacked"].summary.startswith("Yes: RUS must assist PRK")
    assert all(f.explanation for a in answers.values() for f in a.findings)


def test_an_indicator_needs_enough_independent_origins() -> None:
    (troops,) = [i for i in load_indicators() if i.id == "prk-troops-in-russia"]
    assert troops.threshold.origins == 2
    same_origin = [
        _event("a", attributed_to="KOR.INT"),
        _event("b", attributed_to="KOR.INT"),  # the same agency quoted again
        _event("c", modality="speculative"),  # a guess is no sign
        _event("d", polarity="negative"),  # nor is a denial
    ]
    (status,) = indicator_board([troops], same_origin, {})
    assert status.status == "not observed" and len(status.events) == 2 and status.origins == 1
    confirmed = [*same_origin, _event("e", attributed_to="UKR.INT", date="2025-01")]
    (status,) = indicator_board([troops], confirmed, {})
    assert status.status == "observed" and status.last_seen == "2025-01"


def test_an_indicator_can_match_either_way() -> None:
    summit = Indicator.model_validate(
        {
            "id": "s",
            "name": "summit",
            "query": {
                "type": ["CONSULT"],
                "source": ["RUS"],
                "target": ["PRK"],
                "either_way": True,
            },
        }
    )
    visit = _event("a", type="CONSULT", mode="visit", modality="asserted")  # PRK -> RUS
    (status,) = indicator_board([summit], [visit], {})
    assert status.status == "observed"


def test_flows_keep_each_figure_with_its_source_and_the_band_spans_them() -> None:
    def troops(doc: str, value: float, month: str, **fields: object) -> Event:
        amount = Quantity(value=value, unit="troop", item="troop", text=f"{value} troops")
        return _event(doc, quantities=[amount], date=month, **fields)

    events = [
        troops("a", 11000, "2024-11", attributed_to="KOR.INT"),
        troops("b", 12000, "2024-11", attributed_to="UKR.INT"),
        troops("c", 15000, "2025-04"),
        troops("d", 50000, "2025-04", modality="speculative"),  # not drawn
    ]
    claims = claims_from_events(events)
    (flow,) = flows(claims, {"a": "https://a.example/1"})
    assert [(p.as_of, p.low) for p in flow.points] == [
        ("2024-11", 11000),
        ("2024-11", 12000),
        ("2025-04", 15000),
    ]
    assert flow.band == [("2024-11", 11000, 12000), ("2025-04", 15000, 15000)]
    assert flow.points[0].sources[0]["url"] == "https://a.example/1"
    chart = flow_chart(flow)
    assert len(chart["marks"]) == 3 and chart["polygon"]


def test_network_edges_are_weighted_by_independent_origins() -> None:
    events = [
        _event("a", attributed_to="KOR.INT"),
        _event("b", attributed_to="KOR.INT"),
        _event("c"),
        _event("d"),  # a copy of c
        _event("e", target="UKR", type="ASSAULT", polarity="negative"),  # a denial: no edge
    ]
    net = network(events, {"d": "c"})
    (edge,) = net.edges
    assert (edge.source, edge.target, edge.events, edge.origins) == ("PRK", "RUS", 4, 2)
    assert {n["id"] for n in net.nodes} == {"PRK", "RUS"}


def test_every_kind_of_transfer_is_listed_with_how_sure_the_texts_are() -> None:
    from pactwatch.report.views import flow_kinds, money  # noqa: PLC0415

    cash = Quantity(value=20_000_000, unit="USD", item=None, text="$20 million")
    events = [
        _event("a", mode="technology", source="RUS", target="PRK"),
        _event("b", mode="technology", source="RUS", target="PRK", modality="speculative"),
        _event("c", mode="technology", source="RUS", target="PRK", polarity="negative"),
        _event("d", mode="economic", source="RUS", target="PRK", quantities=[cash]),
        _event(
            "e", mode="economic", source="RUS", target="PRK", quantities=[cash], modality="intended"
        ),  # a pledge is no payment
    ]
    kinds = {(k.source, k.target, k.kind): k for k in flow_kinds(events)}
    tech = kinds[("RUS", "PRK", "technology")]
    assert tech.counts == {
        "asserted": 0,
        "reported": 1,
        "intended": 0,
        "speculative": 1,
        "denied": 1,
    }
    assert kinds[("RUS", "PRK", "economic aid, money")].counts["intended"] == 1
    (paid,) = money(events, {})
    assert paid.slot == "USD_paid" and [p.low for p in paid.points] == [20_000_000]
