"""Generality check: two nineteenth-century alliances coded from docs/commitments.md alone.

The 1839 Treaty of London guarantees a third state (Belgium) rather than the parties
themselves, and the Franco-Russian Military Convention is triggered by mobilisation and by
attacks from named powers or powers supported by a named power. Neither resembles a modern
bilateral mutual-defence pact, so they exercise the schema's generality.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pactwatch.commitments import Scenario, evaluate_scenario, load_commitment_file

DATA = Path(__file__).parent / "data"
LONDON = DATA / "london-1839.yaml"
FRA_RUS = DATA / "franco-russian-1894.yaml"

GUARANTEE = "II"
NEUTRALITY = "Annex VII"
RUS_DEFENDS_FRA = "1(1)"
FRA_DEFENDS_RUS = "1(2)"
MOBILISATION = "2"


def _evaluate(path: Path, date: str, events: list[dict[str, Any]], **extra: Any) -> list[Any]:
    commitment = load_commitment_file(path)
    scenario = Scenario.model_validate(
        {"name": "generality", "date": date, "events": events, **extra}
    )
    return list(evaluate_scenario(scenario, [commitment]))


def _find(findings: list[Any], article: str, obligated: str) -> list[Any]:
    return [f for f in findings if str(f.article) == article and str(f.obligated) == obligated]


def _activated_everywhere(finding: Any) -> bool:
    readings = dict(finding.interpretations)
    return finding.status == "activated" and all(s == "activated" for s in readings.values())


def _never_activated(findings: list[Any], article: str, obligated: str) -> bool:
    """True when no finding for that article and state is activated under any reading.

    The guide does not say whether a commitment that is not in force yields a finding at all,
    so this also accepts no finding.
    """
    matches = _find(findings, article, obligated)
    return all(
        f.status != "activated" and "activated" not in dict(f.interpretations).values()
        for f in matches
    )


def _not_activated_everywhere(findings: list[Any], article: str, obligated: str) -> bool:
    """Exactly one finding for that article and state, not activated under any reading."""
    matches = _find(findings, article, obligated)
    return len(matches) == 1 and _never_activated(matches, article, obligated)


def _attack(source: str, target: str, location: str, **extra: Any) -> dict[str, Any]:
    return {
        "source": source,
        "target": target,
        "type": "ASSAULT",
        "mode": "armed_attack",
        "location": location,
        **extra,
    }


def _mobilise(source: str) -> dict[str, Any]:
    return {"source": source, "target": None, "type": "MOBILIZE", "mode": "mobilisation"}


def _declare_war(source: str, target: str) -> dict[str, Any]:
    # The guide names the mode (war_declared) but no event type for a declaration of war.
    return {"source": source, "target": target, "type": "DECLARE", "mode": "war_declared"}


# --- Treaty of London, 1839 ---------------------------------------------------------------


def test_both_files_load() -> None:
    assert load_commitment_file(LONDON).id == "london-1839"
    assert load_commitment_file(FRA_RUS).id == "fra-rus-1894"


def test_german_invasion_of_belgium_activates_british_guarantee() -> None:
    findings = _evaluate(LONDON, "1914-08-04", [_attack("DEU", "BEL", "Liège")])
    british = _find(findings, GUARANTEE, "GBR")
    assert len(british) == 1
    finding = british[0]
    assert _activated_everywhere(finding), finding.explanation
    assert finding.obligation == "defense"
    assert finding.beneficiary == "BEL"
    assert finding.explanation, "every step should be explained"
    assert "https://en.wikipedia.org/wiki/Treaty_of_London_(1839)" in finding.sources


@pytest.mark.parametrize("guarantor", ["GBR", "FRA", "PRU", "AUT", "RUS"])
def test_every_guarantor_owes_the_guarantee(guarantor: str) -> None:
    findings = _evaluate(LONDON, "1914-08-04", [_attack("DEU", "BEL", "Liège")])
    matches = _find(findings, GUARANTEE, guarantor)
    assert len(matches) == 1
    assert _activated_everywhere(matches[0])


def test_belgium_owes_no_guarantee_to_itself() -> None:
    findings = _evaluate(LONDON, "1914-08-04", [_attack("DEU", "BEL", "Liège")])
    assert _find(findings, GUARANTEE, "BEL") == []


def test_attack_on_belgium_before_entry_into_force_does_not_activate() -> None:
    # 1830: the Dutch campaign against the Belgian revolt, nine years before the treaty.
    findings = _evaluate(LONDON, "1830-10-27", [_attack("NLD", "BEL", "Antwerp")])
    assert _never_activated(findings, GUARANTEE, "GBR")


def test_attack_on_france_does_not_activate_belgian_guarantee() -> None:
    findings = _evaluate(LONDON, "1914-08-04", [_attack("DEU", "FRA", "Verdun")])
    for guarantor in ["GBR", "FRA", "PRU", "AUT", "RUS"]:
        assert _not_activated_everywhere(findings, GUARANTEE, guarantor)


def test_belgian_neutrality_binds_belgium_when_war_is_assumed() -> None:
    findings = _evaluate(
        LONDON,
        "1870-07-19",
        [_attack("FRA", "PRU", "Saarbrücken")],
        assumptions={"state_of_war": True},
    )
    matches = _find(findings, NEUTRALITY, "BEL")
    assert len(matches) == 1
    assert matches[0].obligation == "neutrality"
    assert _activated_everywhere(matches[0]), matches[0].explanation


def test_belgian_neutrality_binds_belgium_in_a_declared_war_between_others() -> None:
    findings = _evaluate(LONDON, "1870-07-19", [_declare_war("FRA", "PRU")])
    matches = _find(findings, NEUTRALITY, "BEL")
    assert len(matches) == 1
    assert _activated_everywhere(matches[0]), matches[0].explanation


# --- Franco-Russian Military Convention, 1892/1894 ------------------------------------------


def test_german_mobilisation_activates_joint_mobilisation_for_both() -> None:
    findings = _evaluate(FRA_RUS, "1914-08-01", [_mobilise("DEU")])
    for party, other in [("RUS", "FRA"), ("FRA", "RUS")]:
        matches = _find(findings, MOBILISATION, party)
        assert len(matches) == 1
        assert matches[0].obligation == "offense"
        assert matches[0].beneficiary == other
        assert _activated_everywhere(matches[0]), matches[0].explanation


def test_austrian_mobilisation_triggers_article_2_but_not_article_1() -> None:
    # Article 2 covers "any one of the Powers" of the Triple Alliance; Article 1 needs an attack.
    findings = _evaluate(FRA_RUS, "1914-07-31", [_mobilise("AUT")])
    for party in ["RUS", "FRA"]:
        matches = _find(findings, MOBILISATION, party)
        assert len(matches) == 1
        assert _activated_everywhere(matches[0])
    assert _not_activated_everywhere(findings, RUS_DEFENDS_FRA, "RUS")
    assert _not_activated_everywhere(findings, FRA_DEFENDS_RUS, "FRA")


def test_mobilisation_by_an_outsider_does_not_trigger_article_2() -> None:
    findings = _evaluate(FRA_RUS, "1914-08-02", [_mobilise("GBR")])
    assert _not_activated_everywhere(findings, MOBILISATION, "RUS")
    assert _not_activated_everywhere(findings, MOBILISATION, "FRA")


def test_german_attack_on_france_activates_russian_defence() -> None:
    findings = _evaluate(FRA_RUS, "1914-08-04", [_attack("DEU", "FRA", "Lunéville")])
    matches = _find(findings, RUS_DEFENDS_FRA, "RUS")
    assert len(matches) == 1
    assert matches[0].beneficiary == "FRA"
    assert _activated_everywhere(matches[0]), matches[0].explanation
    # The mirror paragraph protects Russia, which was not attacked.
    assert _not_activated_everywhere(findings, FRA_DEFENDS_RUS, "FRA")


def test_italian_attack_supported_by_germany_activates_russian_defence() -> None:
    event = _attack("ITA", "FRA", "Nice", supplied_by=["DEU"])
    findings = _evaluate(FRA_RUS, "1900-06-01", [event])
    matches = _find(findings, RUS_DEFENDS_FRA, "RUS")
    assert len(matches) == 1
    assert _activated_everywhere(matches[0]), matches[0].explanation


def test_italian_attack_without_german_support_does_not_activate() -> None:
    findings = _evaluate(FRA_RUS, "1900-06-01", [_attack("ITA", "FRA", "Nice")])
    assert _not_activated_everywhere(findings, RUS_DEFENDS_FRA, "RUS")


def test_austrian_attack_on_russia_needs_german_support() -> None:
    alone = _evaluate(FRA_RUS, "1900-06-01", [_attack("AUT", "RUS", "Lutsk")])
    assert _not_activated_everywhere(alone, FRA_DEFENDS_RUS, "FRA")
    backed = _evaluate(FRA_RUS, "1900-06-01", [_attack("AUT", "RUS", "Lutsk", supplied_by=["DEU"])])
    matches = _find(backed, FRA_DEFENDS_RUS, "FRA")
    assert len(matches) == 1
    assert _activated_everywhere(matches[0])


def test_german_attack_before_entry_into_force_does_not_activate() -> None:
    # The draft was signed in August 1892 but only took effect in January 1894.
    findings = _evaluate(FRA_RUS, "1893-06-01", [_attack("DEU", "FRA", "Nancy")])
    assert _never_activated(findings, RUS_DEFENDS_FRA, "RUS")


# --- Loading errors ---------------------------------------------------------------------------


def test_broken_copy_names_file_article_and_field(tmp_path: Path) -> None:
    text = FRA_RUS.read_text(encoding="utf-8")
    good = "- armed_attack: {against: beneficiary, by: [DEU]}"
    assert good in text
    broken = tmp_path / "broken-fra-rus.yaml"
    broken.write_text(
        text.replace(
            good, "- armed_attack: {against: beneficiary, by: [DEU], launched_from: DEU}", 1
        ),
        encoding="utf-8",
    )
    with pytest.raises(Exception, match="PW-COMMIT-001") as excinfo:
        load_commitment_file(broken)
    message = str(excinfo.value)
    assert "broken-fra-rus.yaml" in message
    assert "article 1(1)" in message
    assert "conditions.any.0.armed_attack.launched_from" in message
