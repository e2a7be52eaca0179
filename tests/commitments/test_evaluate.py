"""The treaty engine: golden tests from history (each citing its source) and properties."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pactwatch.commitments import (
    Finding,
    Scenario,
    evaluate_scenario,
    load_commitments,
    load_scenario,
    run_cascade,
)

SCENARIOS = Path(__file__).resolve().parents[2] / "examples" / "scenarios"


def _scenario(date: str, *events: dict[str, Any], **assumptions: Any) -> Scenario:
    return Scenario.model_validate(
        {"name": "t", "date": date, "events": list(events), "assumptions": assumptions}
    )


def _find(findings: list[Finding], commitment: str, article: str, obligated: str) -> Finding:
    return next(
        f
        for f in findings
        if (f.commitment, f.article, f.obligated) == (commitment, article, obligated)
    )


def _attack(source: str, target: str, location: str | None = None, **extra: Any) -> dict[str, Any]:
    event = {"source": source, "target": target, "type": "ASSAULT", "mode": "armed_attack", **extra}
    if location:
        event["location"] = location
    return event


# -- golden tests from history -----------------------------------------------------------------


def test_2024_treaty_not_in_force_in_august_2024_and_in_force_from_4_december_2024() -> None:
    """Entry into force on the exchange of instruments, 4 Dec 2024 (Interfax, TASS:
    https://interfax.com/newsroom/top-stories/108291/, https://tass.com/world/1882445)."""
    commitments = load_commitments()
    before = _find(
        evaluate_scenario(_scenario("2024-08-10", _attack("UKR", "RUS", "Kursk")), commitments),
        "rus-prk-2024",
        "4",
        "PRK",
    )
    assert before.status == "not_activated"
    assert any("not yet in force" in line and "2024-12-04" in line for line in before.explanation)
    on_the_day = _find(
        evaluate_scenario(_scenario("2024-12-04", _attack("UKR", "RUS", "Kursk")), commitments),
        "rus-prk-2024",
        "4",
        "PRK",
    )
    assert on_the_day.interpretations["parties"] == "activated"


def test_kursk_2025_activates_article_4_for_the_dprk_under_the_parties_reading() -> None:
    """Both governments said in April 2025 that the deployment to Kursk was made under the treaty
    (https://www.nknews.org/2025/04/in-a-first-russia-confirms-north-koreas-involvement-in-ukraine-war/,
    https://www.politico.eu/article/north-korea-sent-troops-fight-russia-ukraine/)."""
    finding = _find(
        evaluate_scenario(load_scenario(SCENARIOS / "kursk-2025.yaml"), load_commitments()),
        "rus-prk-2024",
        "4",
        "PRK",
    )
    assert finding.beneficiary == "RUS"
    assert finding.interpretations["parties"] == "activated"
    assert (
        finding.interpretations["un_majority"] == "not_activated"
    )  # an aggressor cannot invoke Art. 51
    assert finding.status == "contested"


def test_a_strike_on_crimea_is_contested_between_parties_and_un_majority() -> None:
    """Crimea is Russian territory to the parties and Ukraine's to the GA majority (GA res. 68/262:
    https://crimea-platform.org/en/materials/resolution-a-res-68-262-territorial-integrity-of-ukraine/)."""
    finding = _find(
        evaluate_scenario(load_scenario(SCENARIOS / "crimea-strike.yaml"), load_commitments()),
        "rus-prk-2024",
        "4",
        "PRK",
    )
    assert finding.status == "contested"
    assert finding.interpretations["parties"] == "activated"
    assert finding.interpretations["un_majority"] == "not_activated"
    assert any(
        "Crimea is UKR territory under 'un_majority'" in line for line in finding.explanation
    )


def test_supplier_assumption_is_explicit_and_changes_the_attackers() -> None:
    plain = run_cascade(
        load_scenario(SCENARIOS / "western-missiles.yaml"),
        load_commitments(),
        interpretations=["parties"],
    )
    counted = run_cascade(
        load_scenario(SCENARIOS / "western-missiles-supplier-belligerent.yaml"),
        load_commitments(),
        interpretations=["parties"],
    )
    assert not any("-> USA" in line for line in plain.chain)
    assert any("PRK ASSAULT/armed_attack -> USA" in line for line in counted.chain)


def test_an_attack_on_the_dprk_obliges_russia() -> None:
    finding = _find(
        evaluate_scenario(load_scenario(SCENARIOS / "attack-on-dprk.yaml"), load_commitments()),
        "rus-prk-2024",
        "4",
        "RUS",
    )
    assert finding.interpretations["parties"] == "activated"
    assert finding.interpretations["un_majority"] == "activated"


def test_scenario_assumptions_override_single_questions() -> None:
    scenario = _scenario("2025-06-01", _attack("USA", "PRK", "Wonsan"), state_of_war=True)
    finding = _find(evaluate_scenario(scenario, load_commitments()), "rus-prk-2024", "4", "RUS")
    assert (
        finding.interpretations["strict_text"] == "activated"
    )  # the declared-war question assumed


# -- cascade -------------------------------------------------------------------------------------


def test_cascade_reaches_a_fixed_point_and_reports_its_chain_in_order() -> None:
    result = run_cascade(load_scenario(SCENARIOS / "kursk-2025.yaml"), load_commitments())
    parties = [line for line in result.chain if line.startswith("[parties]")]
    assert parties[0] == "[parties] assumption comply: true"
    assert "step 0: rus-prk-2024 article 4 activates for PRK" in parties[1]
    assert "new event: PRK ASSAULT/armed_attack -> UKR at Kursk" in parties[2]
    assert "fixed point" in parties[-1]
    finding = _find(result.findings, "rus-prk-2024", "4", "PRK")
    assert finding.cascade_step == 0


def test_cascade_without_compliance_adds_no_events() -> None:
    scenario = _scenario("2025-01-15", _attack("UKR", "RUS", "Kursk"), comply=False)
    result = run_cascade(scenario, load_commitments(), interpretations=["parties"])
    assert not any("new event" in line for line in result.chain)
    assert "[parties] assumption comply: false" in result.chain


def test_cascade_is_cycle_safe_when_two_allies_attack_each_others_enemies() -> None:
    scenario = _scenario(
        "2025-06-01", _attack("USA", "PRK", "Wonsan"), _attack("UKR", "RUS", "Kursk")
    )
    result = run_cascade(scenario, load_commitments())
    assert any("fixed point" in line for line in result.chain)
    steps = [line for line in result.chain if "step" in line and "activates" in line]
    assert len(steps) == len(set(steps))  # nothing fires twice


# -- properties --------------------------------------------------------------------------------

_OUTSIDERS = st.sampled_from(["BRA", "ARG", "ZAF", "MEX", "IDN", "NGA", "EGY", "CHL"])
_EVENTS = st.builds(
    lambda s, t, kind: {"source": s, "target": t, **kind},
    _OUTSIDERS,
    _OUTSIDERS,
    st.sampled_from(
        [
            {"type": "ASSAULT", "mode": "armed_attack"},
            {"type": "AID", "mode": "fuel", "quantities": [{"value": 9e6, "unit": "barrel"}]},
            {"type": "MOBILIZE", "mode": "mobilisation"},
            {"type": "THREATEN"},
            {"type": "REQUEST"},
        ]
    ),
)


def _statuses(findings: list[Finding]) -> list[tuple[Any, ...]]:
    return [
        (
            f.commitment,
            f.article,
            f.obligated,
            f.beneficiary,
            f.status,
            tuple(f.interpretations.items()),
        )
        for f in findings
    ]


@settings(max_examples=25, deadline=None)
@given(st.lists(_EVENTS, min_size=1, max_size=3))
def test_an_event_unrelated_to_any_party_changes_no_finding(extra: list[dict[str, Any]]) -> None:
    base = load_scenario(SCENARIOS / "kursk-2025.yaml")
    more = Scenario.model_validate(
        {
            **base.model_dump(mode="json"),
            "events": [*base.model_dump(mode="json")["events"], *extra],
        }
    )
    commitments = load_commitments()
    assert _statuses(evaluate_scenario(more, commitments)) == _statuses(
        evaluate_scenario(base, commitments)
    )


def test_evaluation_is_deterministic() -> None:
    commitments = load_commitments()
    for path in sorted(SCENARIOS.glob("*.yaml")):
        scenario = load_scenario(path)
        first = [f.model_dump() for f in run_cascade(scenario, commitments).findings]
        second = [f.model_dump() for f in run_cascade(scenario, commitments).findings]
        assert first == second, path.name


@pytest.mark.parametrize("path", sorted(SCENARIOS.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_example_scenario_loads_and_explains_itself(path: Path) -> None:
    findings = evaluate_scenario(load_scenario(path), load_commitments())
    assert findings
    for finding in findings:
        assert finding.explanation and finding.sources
        assert set(finding.interpretations) == {"parties", "un_majority", "strict_text"}
