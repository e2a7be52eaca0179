"""The treaty engine: golden tests from history (each citing its source) and properties."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pactwatch.commitments import (
    Finding,
    Scenario,
    diff,
    evaluate_many,
    evaluate_scenario,
    load_commitment_file,
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
    fired = next(
        i
        for i, line in enumerate(parties)
        if "step 0: rus-prk-2024 article 4 activates for PRK" in line
    )
    assert "new event: PRK ASSAULT/armed_attack -> UKR at Kursk" in parties[fired + 1]
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
        first = [f.to_dict() for f in run_cascade(scenario, commitments).findings]
        second = [f.to_dict() for f in run_cascade(scenario, commitments).findings]
        assert first == second, path.name


@pytest.mark.parametrize("path", sorted(SCENARIOS.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_example_scenario_loads_and_explains_itself(path: Path) -> None:
    findings = evaluate_scenario(load_scenario(path), load_commitments())
    assert findings
    for finding in findings:
        assert finding.explanation and finding.sources
        assert set(finding.interpretations) == {"parties", "un_majority", "strict_text"}


# -- golden tests that need the historical and UN files ----------------------------------------


def _attack_on_dprk(date: str) -> list[Finding]:
    return evaluate_scenario(_scenario(date, _attack("USA", "PRK", "Wonsan")), load_commitments())


def test_the_1961_soviet_treaty_obliges_the_ussr_if_the_dprk_is_attacked_in_1970() -> None:
    """Article 1 of the 1961 treaty (UNTS No. 6045; signed 6 July 1961:
    https://assets.documentcloud.org/documents/3005971/1961-Treaty-of-Friendship-Cooperation-and-Mutual.txt)."""
    finding = _find(_attack_on_dprk("1970-05-01"), "sun-prk-1961", "1", "SUN")
    assert finding.status == "activated"
    assert set(finding.interpretations.values()) == {"activated"}


def test_no_russian_defence_obligation_exists_in_2005() -> None:
    """The 1961 treaty had lapsed (1995 or 1996, sources differ) and the 2000 treaty has no
    military-assistance clause (https://jamestown.org/program/russia-and-north-korea-sign-friendship-treaty/)."""
    findings = _attack_on_dprk("2005-05-01")
    russian = [
        f for f in findings if f.obligated == "RUS" and f.obligation in {"defense", "offense"}
    ]
    assert russian
    assert all(f.status == "not_activated" for f in russian)


def test_the_contested_end_of_the_1961_treaty_shows_as_date_variants() -> None:
    """End of validity: 1995 (Gibler/COW, Jamestown) or the 1996 renewal date (Yonhap, Meduza)."""
    finding = _find(_attack_on_dprk("1995-12-01"), "sun-prk-1961", "1", "RUS")
    assert finding.status == "contested"
    assert finding.date_variants is not None
    assert finding.date_variants["lapse_1995"] == "not_activated"
    assert finding.date_variants["lapse_1996"] == "activated"


def test_reported_fuel_deliveries_above_a_million_barrels_violate_resolution_2397() -> None:
    """Open Source Centre via YTN (22 Nov 2024): over a million barrels since March 2024, against
    the 500,000-barrel yearly cap (https://m.ytn.co.kr/en/news_view.amp.php?key=202411220953531211&s_mcd=0104)."""
    findings = evaluate_scenario(
        load_scenario(SCENARIOS / "fuel-above-cap.yaml"), load_commitments()
    )
    cap = next(
        f
        for f in findings
        if f.commitment == "un-dprk-sanctions"
        and "2397" in f.article
        and f.obligation == "limit"
        and f.obligated == "RUS"
    )
    assert cap.status == "violated"
    assert any("above the cap of 500,000 barrel" in line for line in cap.explanation)
    assert not any(
        f.obligated == "PRK" and f.obligation == "limit" for f in findings
    )  # the supplier is bound


def test_a_delivery_within_the_cap_complies() -> None:
    scenario = _scenario(
        "2024-11-30",
        {
            "source": "RUS",
            "target": "PRK",
            "type": "AID",
            "mode": "fuel",
            "date": "2024-06",
            "quantities": [{"value": 120000, "unit": "barrel", "item": "refined petroleum"}],
        },
    )
    cap = next(
        f
        for f in evaluate_scenario(scenario, load_commitments())
        if f.commitment == "un-dprk-sanctions"
        and f.obligation == "limit"
        and f.obligated == "RUS"
        and "2397" in f.article
    )
    assert cap.status == "complied"


def test_arms_flows_both_ways_breach_the_embargo() -> None:
    scenario = _scenario(
        "2024-06-01",
        {"source": "PRK", "target": "RUS", "type": "AID", "mode": "munitions"},
        {"source": "RUS", "target": "PRK", "type": "AID", "mode": "military_materiel"},
    )
    violated = {
        (f.obligated, f.article)
        for f in evaluate_scenario(scenario, load_commitments())
        if f.commitment == "un-dprk-sanctions" and f.status == "violated"
    }
    assert {obligated for obligated, _ in violated} == {"RUS", "PRK"}
    assert (
        len({article for _, article in violated}) >= 2
    )  # the ban on supply and the ban on exports


def test_a_state_gone_by_the_scenario_date_is_bound_by_no_regime() -> None:
    """Evidence up to today includes the Soviet Union's 1961 treaty with the DPRK; the Soviet
    Union ended on 26 December 1991, so the 2006 sanctions regime binds Russia, not it."""
    scenario = _scenario(
        "2024-06-01",
        {
            "source": "SUN",
            "target": "PRK",
            "type": "AGREE",
            "mode": "treaty_signed",
            "date": "1961",
        },
        {"source": "RUS", "target": "PRK", "type": "AID", "mode": "military_materiel"},
    )
    bound = {
        f.obligated
        for f in evaluate_scenario(scenario, load_commitments())
        if f.commitment == "un-dprk-sanctions"
    }
    assert "RUS" in bound and "SUN" not in bound


def test_the_2024_pact_mirrors_1961_in_its_defence_clause() -> None:
    by_id = {c.id: c for c in load_commitments()}
    result = diff(by_id["sun-prk-1961"], by_id["rus-prk-2024"])
    defence = next(r for r in result["provisions"] if r["obligation"] == "defense")
    assert defence["a"]["article"] == "1" and defence["b"]["article"] == "4"
    assert (
        "armed_attack" in defence["a"]["conditions"]
        and "state_of_war" in defence["b"]["conditions"]
    )
    assert (
        "not_aggressor" in defence["b"]["conditions"]
    )  # the Article 51 reference is what 2024 adds


def test_an_article_naming_a_protected_state_directly_is_evaluated(tmp_path: Path) -> None:
    """`against: BEL` (a guarantee of a third state) must not be skipped by the quick pre-check."""
    path = tmp_path / "guarantee.yaml"
    path.write_text(
        "id: g\nkind: treaty\ntitle: G\nshort: G\nparties: [{code: GBR}, {code: FRA}]\nsigned: 1900-01-01\n"
        "in_force: {from: 1900-01-01, renewal: none, sources: [https://test.example]}\n"
        "sources: [https://test.example]\nprovisions:\n"
        "  - {article: '1', summary: Guard Belgium., obligation: defense, beneficiary: null,\n"
        "     conditions: {armed_attack: {against: BEL}}, sources: [https://test.example]}\n",
        encoding="utf-8",
    )
    guarantee = load_commitment_file(path)
    hit = evaluate_scenario(_scenario("1914-08-04", _attack("DEU", "BEL", "Liège")), [guarantee])
    assert {f.status for f in hit} == {"activated"}
    miss = evaluate_scenario(_scenario("1914-08-04", _attack("DEU", "FRA")), [guarantee])
    assert {f.status for f in miss} == {"not_activated"}


# The status pass (no words) and the explaining pass must give the same answers: the status pass
# shares decisions between members and between readings that agree, and skips articles that
# cannot apply; the explaining pass decides every finding on its own, step by step.
_ANY_STATE = st.sampled_from(
    ["RUS", "PRK", "UKR", "USA", "KOR", "JPN", "CHN", "POL", "DEU", "BLR", "KAZ", "BRA"]
)
_PLACE = st.sampled_from([None, "Kursk", "Crimea", "Wonsan", "Seoul", "Tokyo", "Kyiv", "Warsaw"])
_ANY_EVENT = st.one_of(
    st.builds(
        lambda s, t, place, supplier: {
            "source": s,
            "target": t,
            "type": "ASSAULT",
            "mode": "armed_attack",
            "location": place,
            "supplied_by": supplier,
        },
        _ANY_STATE,
        _ANY_STATE,
        _PLACE,
        st.lists(_ANY_STATE, max_size=1),
    ),
    st.builds(
        lambda s, mode, amount: {
            "source": s,
            "target": "PRK",
            "type": "AID",
            "mode": mode,
            "quantities": [{"value": amount, "unit": "barrel", "item": "refined petroleum"}],
        },
        _ANY_STATE,
        st.sampled_from(["fuel", "munitions", "arms"]),
        st.integers(1, 2_000_000),
    ),
    st.builds(
        lambda s, t, kind: {"source": s, "target": t, "type": kind},
        _ANY_STATE,
        _ANY_STATE,
        st.sampled_from(["MOBILIZE", "THREATEN", "REQUEST"]),
    ),
)


@settings(max_examples=60, deadline=None)
@given(
    st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2026, 12, 31)),
    st.lists(_ANY_EVENT, min_size=1, max_size=4),
    st.sampled_from([{}, {"supplier_is_belligerent": True}, {"state_of_war": False}]),
)
def test_the_status_pass_and_the_explaining_pass_agree(
    day: dt.date, events: list[dict[str, Any]], assumptions: dict[str, Any]
) -> None:
    scenario = Scenario.model_validate(
        {"name": "p", "date": day, "events": events, "assumptions": assumptions}
    )
    commitments = load_commitments()
    fast = evaluate_scenario(scenario, commitments)
    slow = evaluate_scenario(scenario, commitments, explain=True)
    assert [f.to_dict() for f in fast] == [f.to_dict() for f in slow]


def test_a_sweep_gives_what_one_scenario_at_a_time_gives() -> None:
    commitments = load_commitments()
    scenarios = [load_scenario(p) for p in sorted(SCENARIOS.glob("*.yaml"))]
    swept = evaluate_many(scenarios, commitments)
    for scenario, findings in zip(scenarios, swept, strict=True):
        alone = evaluate_scenario(scenario, commitments)
        assert [f.to_dict() for f in findings] == [f.to_dict() for f in alone]
